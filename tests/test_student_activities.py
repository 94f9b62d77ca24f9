"""Student activities that found no pack before (helper xuesheng36): a study trip (研学旅行), a subject
contest (学科竞赛: 数学建模, 电赛, 蓝桥杯, 挑战杯, the olympiads) and a student's post or club (学生组织:
学生会, 班长, 社团, 模拟联合国, 模拟政协). Drafts name the activity in a student's words, never a worker's."""

from __future__ import annotations

import re

import pytest

from xindegen.compose.composer import WORK_WORDS
from xindegen.compose.frame import build_frame
from xindegen.compose.plan import compose
from xindegen.compose.request import ComposeRequest

# topic -> (kind, pack, focus, a word the draft must hold)
TOPICS = {
    "赴西安研学旅行心得体会": ("student", "yanxue_lvxing", None, "研学"),
    "小学生参加研学实践活动有感": ("student", "yanxue_lvxing", None, "研学"),
    "赴北京高校研学营心得": ("student", "yanxue_lvxing", "高校研学", "研学"),
    "全国大学生数学建模竞赛备赛心得体会": ("contest", "xueke_jingsai", "数学建模", "数学建模竞赛"),
    "第一次参加物理竞赛的心得": ("contest", "xueke_jingsai", "学科奥赛", "物理竞赛"),
    "参加蓝桥杯程序设计大赛心得": ("contest", "xueke_jingsai", "程序设计", "蓝桥杯"),
    "挑战杯创业计划竞赛心得体会": ("contest", "xueke_jingsai", "创新创业", "挑战杯"),
    "担任学生会干部一年的心得体会": ("student", "xuesheng_zuzhi", "学生会", "学生会"),
    "初中生当班长的感想": ("student", "xuesheng_zuzhi", "班干部", "班长"),
    "加入学校书法社团的心得": ("student", "xuesheng_zuzhi", "社团", "社团"),
    "参加模拟联合国大会的收获与体会": ("practice", "xuesheng_zuzhi", "模拟联合国", "模拟联合国"),
}
# what the editor found wrong in the first drafts: an occasion that was a post held (经历了担任…一年), a
# role play read as a meeting studied (模拟联合国大会精神), a genre word left in the name (收获与), a
# contest named with the writer's first time, and choices that did not fit one another
BAD = re.compile(r"经历了[^。，]{0,12}一年[。，]|经历了初中生当|在学生会工作一年这段|完成了模拟|大会精神|收获与|"
                 r"第一次参加物理竞赛|一边走边问|清点名|问一想|"
                 r"当真的当真的|一回比一次|一次比一回|那几几|过去过|百团大战|用仿真上|记进本子上|那日子|"
                 r"(选手|同学)[^。：]{0,30}(跟我|我拿手|我熟悉)")
# a contest one enters alone has no teammates
ALONE = re.compile(r"队友|三个人|我们队|团队")


@pytest.mark.parametrize("topic", TOPICS)
def test_the_topic_finds_its_pack_and_focus(rh, topic: str) -> None:
    kind, pack, focus, _ = TOPICS[topic]
    f = build_frame(topic, rh)
    assert (f.kind, f.pack.key if f.pack else None, f.focus.name if f.focus else None) == (kind, pack, focus), \
        f.explain()


@pytest.mark.parametrize("topic", TOPICS)
def test_drafts_name_the_activity_in_a_students_words(rh, topic: str) -> None:
    word = TOPICS[topic][3]
    pupil = build_frame(topic, rh).pupil
    for seed in (1, 2, 3, 4):
        o = compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh)
        text = "\n".join([o.title, o.subtitle or "", *o.body_paragraphs()])
        assert word in text, text
        assert not BAD.search(text), BAD.search(text)
        assert text.count("“") == text.count("”"), text
        if pupil:
            assert not WORK_WORDS.search(text.replace(o.meta["frame"]["name"], "")), WORK_WORDS.search(text)
        if "物理竞赛" in topic:
            assert not ALONE.search(text), ALONE.search(text)


def test_a_post_held_is_a_stretch_of_time(rh) -> None:
    assert build_frame("担任学生会干部一年的心得体会", rh).occasion == "担任学生会干部这段时间的历练"
    assert build_frame("在学生会工作一年的收获", rh).occasion == "在学生会这段时间的历练"
    assert build_frame("加入学校书法社团的心得", rh).occasion == "在学校书法社团这段时间的历练"
    assert build_frame("高一新生军训心得体会", rh).occasion == "高一新生军训"  # an event stays an event


def test_a_contests_facts_are_its_own(rh) -> None:
    """The 1992 founding is the modelling contest's, the 1994 one the 电赛's: never each other's."""
    for seed in range(6):
        lead = "".join(compose(ComposeRequest(topic="全国大学生电子设计竞赛参赛体会", seed=seed),
                               rhetoric=rh).lead.paragraphs)
        assert "1992" not in lead and "挑战杯" not in lead
        lead = "".join(compose(ComposeRequest(topic="高二参加全国中学生物理竞赛心得", seed=seed),
                               rhetoric=rh).lead.paragraphs)
        assert not re.search("1992|1994|1989|2015", lead), lead


def test_an_officers_angles_stay_out_of_a_club_members_draft(rh) -> None:
    for seed in range(6):
        o = compose(ComposeRequest(topic="加入学校书法社团的心得", seed=seed), rhetoric=rh)
        terms = {a.split("#", 1)[1] for a in o.meta["angles"]}
        assert not terms & {"服务意识", "以身作则"}, terms
        o = compose(ComposeRequest(topic="初中生当班长的感想", seed=seed), rhetoric=rh)
        assert "志趣培养" not in {a.split("#", 1)[1] for a in o.meta["angles"]}


def test_every_fact_of_the_student_packs_is_recorded_as_checked(rh, confirmed_rows) -> None:
    """Each fact of the three packs (the angles' and focuses' too) has a CONFIRMED row in docs/factcheck."""
    rows = confirmed_rows()
    for key in ("yanxue_lvxing", "xueke_jingsai", "xuesheng_zuzhi"):
        pack = rh.packs[key]
        facts = [*pack.facts, *(x for a in pack.angles for x in a.facts), *(x for f in pack.focuses for x in f.facts)]
        assert len(facts) >= 3, key
        for fact in facts:
            assert (f"packs/{key}.yaml", fact.text[:20]) in rows, (key, fact.text)


@pytest.mark.parametrize(("topic", "kind", "occasion"), [
    ("学校秋季运动会参赛心得", "practice", "学校秋季运动会"),  # 参赛 is only taking part
    ("初中生参加校运会的感想", "practice", "校运会"),
    ("参加学校运动会1500米比赛的体会", "contest", "学校运动会1500米比赛"),
])
def test_a_school_games_day_is_a_pupils_not_a_field_of_health_work(rh, topic: str, kind: str, occasion: str) -> None:
    """Was: 部门组织开展了学校秋季运动会参赛 with the health category's 同事 and 单位; a worker's 1500米比赛."""
    f = build_frame(topic, rh)
    assert (f.kind, f.occasion, f.category, f.pupil) == (kind, occasion, None, True), f.explain()
    if kind == "contest":
        assert f.writer == "学生"
    for seed in (1, 2):
        o = compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh)
        text = "\n".join([o.title, o.subtitle or "", *o.body_paragraphs()])
        assert not WORK_WORDS.search(text), WORK_WORDS.search(text)


def test_a_contests_facts_reach_its_draft_and_no_namesakes(rh) -> None:
    """A fact naming 大学生 was dropped as a word of working life: the short names reach the student's draft;
    the graduate students' modelling contest is no CSIAM contest of 1992."""
    def told(topic: str) -> str:
        return "".join("".join(compose(ComposeRequest(topic=topic, seed=s), rhetoric=rh).body_paragraphs())
                       for s in range(6))
    assert "1989" in told("参加“挑战杯”课外学术科技作品竞赛的体会")
    assert "2015" in told("中国国际“互联网+”大学生创新创业大赛参赛感悟")
    assert "1992" not in told("“华为杯”中国研究生数学建模竞赛参赛心得")
