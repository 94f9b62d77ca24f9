"""Drafts of the contest kind: about the contest (备赛, 赛场, 评委), in the words of whoever took part."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from xindegen.cli import main
from xindegen.compose.composer import WORK_WORDS
from xindegen.compose.plan import compose
from xindegen.compose.request import ComposeRequest

# Ten contests of different people: students, teachers, workers.
TOPICS = {
    "参加全国大学生数学建模竞赛心得": "学生", "小学生演讲比赛心得": "学生", "全国职业院校技能大赛心得": "学生",
    "青年教师教学基本功大赛心得": "教师", "骨干教师说课比赛参赛体会": "教师",
    "职业技能大赛心得体会": "职工", "消防技能比武心得体会": "职工", "银行员工业务技能比赛心得": "职工",
    "党史知识竞赛心得": "职工", "参加演讲比赛心得体会": "职工",
}
# A contest is taken part in, never a task to carry out (做好竞赛) or an activity of tables and registration.
_AS_A_TASK = re.compile(r"(做好|抓好|推进|落实好|抓实|做实)(了)?[^，。]{0,12}(比赛|竞赛|大赛|比武)")
_PRACTICE = re.compile(r"摆桌椅|登记点|搬物资|志愿")
_OWN = {"学生": {"学以致用", "分享带动"}, "教师": {"反哺课堂", "以赛促教", "课堂打磨"},
        "职工": {"岗位建功", "分享带动"}}  # the writer's own angles: no other writer takes them
_ALL_OWN = set().union(*_OWN.values())



@pytest.mark.parametrize("topic", TOPICS)
def test_a_contest_draft_speaks_of_the_contest_in_its_writers_words(rh, topic: str) -> None:
    writer = TOPICS[topic]
    for seed in (1, 2, 3):
        o = compose(ComposeRequest(topic=topic, seed=seed, length=1500), rhetoric=rh)
        frame = o.meta["frame"]
        assert (frame["kind"], frame["writer"]) == ("contest", writer)
        heads = "".join(s.heading or "" for s in o.sections)
        body = "".join(o.body_paragraphs())
        text = o.title + (o.subtitle or "") + heads + body
        assert text.count("《") == text.count("》") and text.count("“") == text.count("”"), text
        assert not _AS_A_TASK.search(text) and not _PRACTICE.search(text), text
        assert all(re.search("赛|评委|选手", "".join(s.paragraphs)) for s in o.sections), o.meta["angles"]
        terms = {a.split("#", 1)[1] for a in o.meta["angles"]}
        assert not terms & (_ALL_OWN - _OWN[writer]), terms
        assert abs(len(re.sub(r"\s", "", body)) - 1500) <= 150
        if writer == "学生":  # never 单位, 支部 or 岗位: the topic's own name aside (全国大学生…)
            own = text.replace(frame["name"], "")
            assert not WORK_WORDS.search(own), WORK_WORDS.search(own)
        if writer == "教师":  # a teacher's contest goes back to the classroom
            assert re.search("课堂|学生|孩子们|教室", body), body
        if writer == "职工":
            assert not re.search("(?<!共)同学", body), body  # 共同学习 is no classmate


def test_a_teachers_contest_always_goes_back_to_the_classroom(rh) -> None:
    """The teacher's two angles of the closing section come first: every draft ends in the 课堂."""
    for seed in range(8):
        o = compose(ComposeRequest(topic="参加县级青年教师优质课评比心得", seed=seed), rhetoric=rh)
        assert o.meta["angles"][-1].split("#", 1)[1] in {"反哺课堂", "以赛促教"}
        assert re.search("课堂|学生|教室|孩子", "".join(o.sections[-1].paragraphs))


def test_a_contest_takes_its_packs_facts_but_says_what_a_contest_is(rh) -> None:
    """消防技能比武: the fire law in the lead, the contest's own sections, no 听课评课 lead for a 赛课."""
    texts = ["".join(compose(ComposeRequest(topic="消防技能比武心得体会", seed=s), rhetoric=rh).lead.paragraphs)
             for s in range(6)]
    assert any("消防法" in t for t in texts)
    for seed in range(4):
        o = compose(ComposeRequest(topic="骨干教师说课比赛参赛体会", seed=seed), rhetoric=rh)
        assert all(a.startswith("kind:contest#") for a in o.meta["angles"])
        assert "听课走心" not in "".join(o.body_paragraphs())


def test_new_explain_names_the_contest_and_its_writer() -> None:
    res = CliRunner().invoke(main, ["new", "-t", "参加全国大学生数学建模竞赛心得", "--seed", "1", "--explain"])
    assert res.exit_code == 0, res.output
    assert "类型：竞赛、比赛（依据：主题中的“竞赛”）" in res.stderr
    assert "作者：学生（不写工作、岗位等成人用语）" in res.stderr
    res = CliRunner().invoke(main, ["new", "-t", "技能比武心得", "--seed", "1", "--explain"])
    assert "类型：竞赛、比赛" in res.stderr and "作者：职工" in res.stderr


def test_a_contests_brief_asks_about_the_contest() -> None:
    from xindegen.compose.brief import questions

    asks = {q.key: q.ask for q in questions("contest")}
    assert "比赛" in asks["occasion"] and "备赛" in asks["points"]
