"""Kinds of misses on held_out_6 and the sets seen before it (issue 19), each rule on a small
made-up text, with the case it must leave alone."""

from __future__ import annotations

from xindegen.parse.decompose import parse_text


def headings(text: str) -> list[str]:
    return [s.heading for o in parse_text(text, "t.txt") for s in o.sections if s.heading]


def titles(text: str) -> list[str]:
    return [o.title for o in parse_text(text, "t.txt")]


BODY = ("这次活动让我收获很大，也让我想了很多，下面谈谈自己的体会和感受。\n"
        "活动结束以后，我把学到的方法用到了工作中，效果很好，同事们也都说有进步。\n")


# ---- a site's decoration around the title ---------------------------------------------------

def test_a_praised_model_essay_label_after_the_title_is_dropped() -> None:
    assert titles("社区服务心得体会优秀范文\n" + BODY) == ["社区服务心得体会"]
    assert titles("优秀范文的写法心得\n" + BODY) == ["优秀范文的写法心得"]


def test_a_numbered_pick_in_brackets_after_the_title_is_dropped() -> None:
    text = ("植树活动心得体会\n植树活动心得体会（精选篇1）\n" + BODY
            + "植树活动心得体会（精选篇2）\n" + BODY)
    assert titles(text) == ["植树活动心得体会", "植树活动心得体会"]


def test_separators_round_nothing_leave_the_title() -> None:
    assert titles("读《平凡的世界》有感 | |||\n" + BODY) == ["读《平凡的世界》有感"]
