"""The general mechanisms of issue 19's tenth parser round (the misses of held_out_9 grouped by
kind, each checked on every other set), each on a small text of our own in the layout it covers."""

from __future__ import annotations

from xindegen.model import Outline
from xindegen.parse.decompose import parse_text

PROSE = ("这次学习让我收获很多，我把书里的道理和自己的工作一一对照，找到了不少差距，也明白了今后努力的方向，"
         "决心在今后的日子里继续认真学习、踏实工作。")
PROSE2 = ("回到岗位以后，我把学到的方法用在日常工作中，遇到难题就翻开笔记再想一想，慢慢地，工作越做越顺手，"
          "同事们也说我的变化很大。")


def essays(text: str) -> list[Outline]:
    return parse_text(text, "t.txt")


def headings(text: str) -> list[str]:
    return [s.heading for o in essays(text) for s in o.sections if s.heading]


# ---- numbered paragraphs of an argument are no headings -----------------------------------------

def test_numbered_paragraphs_that_go_on_from_the_one_before_are_no_headings() -> None:
    text = ("说说短视频\n"
            "1. 短视频刚刚流行的时候，很多人觉得它只是消磨时间的玩意儿，看过就忘，谈不上有什么价值。\n"
            "2. 手机拍摄从少数人的爱好\n"
            "变成了人人都会的本领，这本身就是一件了不起的事情，记录生活的门槛一下子低了很多。\n"
            "3. 但仔细想想，短视频也让人越来越难以静下心来读完一篇长文章\n"
            "这是值得每个人警惕的事情，我们不能只图一时的热闹和新鲜，而忘了深入思考的乐趣。\n"
            "4. 所以，不要小看每天的几分钟\n"
            "它们积累起来就是一个人的习惯，习惯又会慢慢塑造一个人的性格和眼界，影响是长远的。\n")
    assert headings(text) == []


def test_numbered_headings_that_open_as_headings_still_count() -> None:
    text = ("学习体会\n" + PROSE + "\n1. 提高政治站位\n" + PROSE2 + "\n2. 改进工作作风\n" + PROSE
            + "\n3. 但求问心无愧\n" + PROSE2 + "\n")
    assert headings(text) == ["提高政治站位", "改进工作作风", "但求问心无愧"]
