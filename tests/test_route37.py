"""Topics that found no pack, category focus or work (s37, helper route37): where each now goes, and what its
drafts must and must not say.

Each was read as an editor would: a 市 party congress is no 全会, a 《建议》 studied is the 四中全会's, a new judge's
work is 审判工作 (never 做好初任法官), a code of conduct is no 职业道德工作, a student's 模拟法庭 holds no 岗位 or
同志, and the phrases struck in the first drafts stay out.
"""

from __future__ import annotations

import re

import pytest

from xindegen.compose.composer import WORK_WORDS
from xindegen.compose.frame import build_frame
from xindegen.compose.plan import compose
from xindegen.compose.request import ComposeRequest

# topic -> (kind, pack, category, focus, words one of which every draft holds)
ROUTED = {
    "学习贯彻市第十四次党代会精神心得体会": ("study", "difang_dangdaihui", None, None, ("党代会",)),
    "学习《中共中央关于制定国民经济和社会发展第十五个五年规划的建议》心得体会":
        ("study", "quanhui_jingshen", None, None, ("第十五个五年规划的建议",)),
    "学习习近平总书记在民营企业座谈会上的重要讲话精神心得体会":
        ("study", "yingshang_huanjing", None, "民营企业座谈会", ("民营企业座谈会",)),
    "学习习近平总书记在全国劳动模范和先进工作者表彰大会上的重要讲话心得":
        ("study", "gongjiang_jingshen", None, None, ("劳模", "劳动模范")),
    "“万名干部进万企”服务活动心得体会": ("practice", "yingshang_huanjing", None, None, ("万名干部进万企",)),
    "初任法官培训心得体会": ("training", None, "zhengfa_gongzuo", "审判", ("审判", "庭审")),
    "新提拔处级干部任职培训心得": ("training", "zhongceng_ganbu", None, None, ("新提拔处级干部任职培训",)),
    "低空经济专题培训心得体会": ("training", "keji_chuangxin", None, "低空经济", ("低空经济",)),
    "参加校园模拟法庭活动心得": ("practice", "xuesheng_zuzhi", None, "模拟法庭", ("模拟法庭",)),
    "冬至包饺子活动心得": ("practice", "chuantong_jieri", None, "冬至", ("冬至",)),
    "翻译人员职业道德心得": ("ethics", None, "fuwu_jingying", "翻译", ("翻译", "译")),
}
# left with the kind's own prose: no pack or category fits them without bending the truth
LEFT = ["漠视侵害群众利益问题专项整治学习心得", "“扫黄打非·护苗”专项行动心得", "职业技能等级认定考评员培训心得",
        "“比学赶超”劳动竞赛心得体会", "六一儿童节活动心得", "评标专家职业道德心得"]

# what the editor struck in the first drafts of these topics
BAD = re.compile(r"贡献(自己|我们)的一份责任|尽到(自己|我们)的一份力量|我要全都|全家坐在包饺子|常回家(老人|父母)|"
                 r"的(意识|理念)(深入人心|落到日常)|会议上学不到|职业道德工作|(做好|干好|服务的?是?)初任法官|初任法官(服务|面对)|"
                 r"首先要先|用得上低空|推动动了|党的地方各级党代会|讲给孩子们听")
# a local congress is not a plenum, nor the centre's
NOT_A_PLENUM = re.compile(r"全会|中央全会|公报|二十大")


@pytest.mark.parametrize("topic", ROUTED)
def test_the_topic_finds_its_pack_or_focus(rh, topic: str) -> None:
    kind, pack, category, focus, _ = ROUTED[topic]
    f = build_frame(topic, rh)
    got = (f.kind, f.pack.key if f.pack else None, f.category.key if f.category else None,
           f.focus.name if f.focus else None)
    assert got == (kind, pack, category, focus), f.explain()


@pytest.mark.parametrize("topic", LEFT)
def test_a_topic_nothing_fits_keeps_the_kinds_own_prose(rh, topic: str) -> None:
    f = build_frame(topic, rh)
    assert f.pack is None and f.category is None and f.focus is None, f.explain()


def _drafts(rh, topic: str, seeds: tuple[int, ...] = (1, 2, 3, 4)) -> list[tuple[str, str]]:
    out = []
    for seed in seeds:
        o = compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh)
        out.append((f"{o.title}\n{o.subtitle or ''}", "\n".join(o.body_paragraphs())))
    return out


@pytest.mark.parametrize("topic", [*ROUTED, *LEFT])
def test_drafts_name_the_topic_and_hold_none_of_the_struck_phrases(rh, topic: str) -> None:
    words = ROUTED[topic][4] if topic in ROUTED else ()
    for head, body in _drafts(rh, topic):
        text = f"{head}\n{body}"
        assert not BAD.search(text), BAD.search(text)
        assert text.count("“") == text.count("”"), text
        if words:
            assert any(w in text for w in words), text


def test_a_local_congress_is_no_plenum_and_names_the_area_not_the_city(rh) -> None:
    for topic in ("学习贯彻市第十四次党代会精神心得体会", "学习省第十二次党代会精神心得",
                  "县第十五次党代会报告学习体会"):
        for _, body in _drafts(rh, topic):
            assert not NOT_A_PLENUM.search(body), NOT_A_PLENUM.search(body)
            assert "全市" not in body and "全省" not in body and "全县" not in body, body


def test_the_five_year_proposal_takes_the_fourth_plenums_facts_not_the_party_constitutions(rh) -> None:
    topic = "学习《中共中央关于制定国民经济和社会发展第十五个五年规划的建议》心得体会"
    bodies = "".join(body for _, body in _drafts(rh, topic))
    assert "四中全会" in bodies
    assert "中央委员会全体会议由中央政治局召集" not in bodies


def test_the_private_firms_speech_is_told_by_its_own_meeting(rh) -> None:
    topic = "学习习近平总书记在民营企业座谈会上的重要讲话精神心得体会"
    bodies = [body for _, body in _drafts(rh, topic, (1, 2, 3, 4, 5, 6))]
    assert sum("自己人" in b or "大有可为" in b for b in bodies) >= 3, bodies


def test_a_new_judges_draft_speaks_of_trial_work_and_the_judge_writes(rh) -> None:
    f = build_frame("初任法官培训心得体会", rh)
    assert f.domain == "审判工作" and f.person == "初任法官", f.explain()
    assert build_frame("执行法官培训心得", rh).focus is None  # an enforcement judge holds no trial


def test_a_student_bodys_topic_is_written_without_work_words_whatever_school(rh) -> None:
    topic = "参加校园模拟法庭活动心得"
    assert build_frame(topic, rh).pupil
    for head, body in _drafts(rh, topic, (1, 2, 3, 4, 5, 6)):
        text = f"{head}\n{body}"
        assert not WORK_WORDS.search(text), WORK_WORDS.search(text)
        assert "同志" not in text and "学生组织中" not in text and "替同学做事" not in text, text


def test_low_altitude_economy_drops_the_laboratorys_angles(rh) -> None:
    for _, body in _drafts(rh, "低空经济专题培训心得体会", (1, 2, 3, 4, 5, 6)):
        assert "课题组" not in body and "科研人员" not in body, body


def test_a_translator_reaches_the_translation_focus_and_policy_in_plain_words_does_not(rh) -> None:
    assert build_frame("把政策翻译成大白话心得", rh).focus is None
    f = build_frame("翻译人员职业道德心得", rh)
    assert f.domain == "翻译工作", f.explain()
