"""General mechanisms of the parser found by sorting its misses on the seen real pages into
kinds (bench/miss_kinds.py): each on a small made-up text, with the case it must leave alone."""

from __future__ import annotations

from xindegen.parse.decompose import parse_text


def headings(text: str) -> list[str]:
    return [s.heading for o in parse_text(text, "t.txt") for s in o.sections if s.heading]


def titles(text: str) -> list[str]:
    return [o.title for o in parse_text(text, "t.txt")]


_BODY = ("上个周末，我读完了《远方的灯塔》这本书，书里的老船长守了一辈子灯塔，让我久久不能平静。"
         "他每天夜里都要爬上塔顶擦亮灯罩，风雨无阻，从来没有一天偷过懒。\n"
         "读完这本书，我明白了坚守的意义：平凡的岗位上，也能做出不平凡的事情，关键在于日复一日地坚持。\n")


# ---- titles: the line the text takes up -----------------------------------------------------

def test_of_two_title_like_lines_the_one_the_text_names_is_the_title() -> None:
    assert titles("远方的灯塔照亮了我\n本文可能透露书中情节\n" + _BODY) == ["远方的灯塔照亮了我"]


def test_a_later_line_wins_when_the_text_names_neither() -> None:
    # what the page did before: of lines alike, the one right over the text
    assert titles("周末随笔一则\n灯塔下的思考\n" + _BODY) == ["灯塔下的思考"]


def test_a_dash_line_with_no_title_over_it_is_the_title_when_the_text_names_it() -> None:
    assert titles("——《远方的灯塔》读后感\n阳光小学五年级二班 李明明\n" + _BODY) == ["《远方的灯塔》读后感"]
