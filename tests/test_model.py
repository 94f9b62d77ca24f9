"""The study of a model person's deeds (kind model): routing, the person kept whole, the bank of people."""

from __future__ import annotations

import re

import pytest

from xindegen.compose.frame import build_frame
from xindegen.compose.plan import compose
from xindegen.compose.request import ComposeRequest
from xindegen.compose.rhetoric import ROLES



@pytest.mark.parametrize("topic,person,work", [
    ("学习张桂梅同志先进事迹心得体会", "张桂梅同志", "张桂梅"),
    ("学习黄文秀先进事迹心得", "黄文秀", "黄文秀"),
    ("学习“时代楷模”张桂梅事迹", "张桂梅", "张桂梅"),
    ("学习焦裕禄精神心得体会", "焦裕禄", "焦裕禄"),
    ("焦裕禄精神心得体会", "焦裕禄", "焦裕禄"),  # no 学习: the bank knows the man
    ("学习雷锋精神心得体会", "雷锋", "雷锋"),
    ("向张桂梅同志学习心得体会", "张桂梅同志", "张桂梅"),
    ("学习张富清同志先进事迹心得", "张富清同志", "张富清"),
    ("学习王继才同志守岛卫国先进事迹", "王继才同志", "王继才"),
    ("学习黄大年同志先进事迹", "黄大年同志", "黄大年"),
    ("学习钟南山先进事迹心得", "钟南山", "钟南山"),
    ("学习廖俊波同志先进事迹心得体会", "廖俊波同志", "廖俊波"),
    ("学习杨善洲同志先进事迹", "杨善洲同志", None),  # a person the bank does not know
    ("学习孔繁森精神心得体会", "孔繁森", None),
    ("学习身边先进典型事迹心得体会", None, None),
    ("观看《榜样》专题节目心得", None, None),
    ("感动中国人物事迹学习心得", None, None),
    ("学习最美教师事迹心得", None, None),
    ("学习英雄模范事迹", None, None),
    ("学习时代楷模先进事迹心得", None, None),
])
def test_a_models_study_is_routed_to_the_model_kind(rh, topic: str, person: str | None, work: str | None) -> None:
    f = build_frame(topic, rh)
    assert f.kind == "model", (topic, f.kind)
    assert f.work is None if work is None else (f.work is not None and f.work.title == work and f.work.kind == "person")
    if person is not None:
        assert f.domain == person and person in f.name + (f.object or "")
    assert f.category is None and (f.pack is None or f.pack.key == "zhiyuan_fuwu")


@pytest.mark.parametrize("topic,kind", [
    ("学习红旗渠精神心得", "study"), ("学习井冈山精神", "study"), ("学习苏区精神", "study"),  # places, not people
    ("学习党的二十届三中全会精神", "study"), ("观看电影《焦裕禄》", "film"), ("参观焦裕禄纪念馆", "visit"),
    ("学雷锋志愿服务活动心得", "practice"), ("典型案例警示教育", "warning"),
    ("学习习近平同志关于教育的重要论述", "study"),
])
def test_places_documents_and_other_occasions_keep_their_kinds(rh, topic: str, kind: str) -> None:
    f = build_frame(topic, rh)
    assert f.kind == kind, (topic, f.kind)
    assert f.work is None or f.work.kind != "person"


_AS_WORK = re.compile(r"(做好|抓好|推进|落实好|抓实|做实|搞好)(了)?[^，。；]{0,4}(事迹|精神|同志|楷模|榜样)")


@pytest.mark.parametrize("topic", ["学习张桂梅同志先进事迹心得体会", "学习黄大年同志先进事迹", "学习杨善洲同志先进事迹",
                                   "学习焦裕禄精神心得体会",
                                   "观看《榜样》专题节目心得", "学习身边先进典型事迹心得体会"])
def test_a_person_is_never_work_and_stays_whole(rh, topic: str) -> None:
    f = build_frame(topic, rh)
    for seed in range(1, 4):
        o = compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh)
        heads = "".join(s.heading or "" for s in o.sections)
        text = o.title + (o.subtitle or "") + heads + "".join(o.body_paragraphs())
        assert not _AS_WORK.search(text), _AS_WORK.search(text)
        assert text.count("《") == text.count("》") and text.count("“") == text.count("”")
        assert text.count("【") <= 1
        assert f.domain in text
        if f.object:
            assert f.object in text


def test_a_known_person_opens_each_section_on_a_true_deed_and_asks_for_none(rh) -> None:
    o = compose(ComposeRequest(topic="学习张桂梅同志先进事迹心得体会", seed=1), rhetoric=rh)
    assert o.meta["frame"]["work"] == "张桂梅"
    assert all(a.startswith("work:张桂梅#") for a in o.meta["angles"])
    # each section opens on a deed: a year or a figure of her life, never a placeholder
    assert all(re.search(r"\d{4}年|二十多种|20多种|福利院|儿童之家|十八岁|18岁", s.paragraphs[0]) for s in o.sections)
    assert all("【此处写一件先进人物" not in p for p in o.body_paragraphs())


def test_an_unknown_person_is_asked_for_one_deed_and_told_nothing_invented(rh) -> None:
    o = compose(ComposeRequest(topic="学习杨善洲同志先进事迹", seed=2), rhetoric=rh)
    body = "".join(o.body_paragraphs())
    assert body.count("【") == 1
    assert o.meta["frame"]["work"] is None and not re.search(r"19\d\d年|20\d\d年", body)  # no dates of a life unknown


def test_every_person_of_the_bank_is_sourced_and_has_an_angle_per_role(rh) -> None:
    people = [w for w in rh.works.values() if w.kind == "person"]
    assert len(people) >= 9
    for w in people:
        assert w.source.strip() and w.about and 1880 <= w.year <= 2010, w.title
        assert {a.role for a in w.angles} == set(ROLES), w.title
        assert all(a.detail for a in w.angles), w.title


def test_drafts_of_one_model_in_a_batch_share_little(rh) -> None:
    """A batch of one department's study: each draft opens one section on the person (in turn), the
    others on the kind's angles, so no two drafts tell the same deeds in the same words."""
    from xindegen.compose.grammar import Spread
    from xindegen.similarity import Index

    topic = "学习张桂梅同志先进事迹心得体会"
    index = Index()
    for i in range(12):
        o = compose(ComposeRequest(topic=topic, seed=i), rhetoric=rh, spread=Spread(i, 12, 3))
        assert sum(a.startswith("work:张桂梅#") for a in o.meta["angles"]) == 1, o.meta["angles"]
        body = "".join(o.body_paragraphs())
        for word in ("张桂梅同志先进事迹", "张桂梅同志", "张桂梅"):  # the topic's own name is no copying
            body = body.replace(word, "□")
        index.add(str(i), body)
    shares = [index.report(str(i)).partner_share for i in range(12)]  # with the most similar other draft
    assert max(shares) <= 0.20, shares


def test_new_explain_shows_the_model_kind_and_the_person() -> None:
    from click.testing import CliRunner

    from xindegen.cli import main

    res = CliRunner().invoke(main, ["new", "-t", "学习张富清同志先进事迹心得", "--seed", "1", "--explain"])
    assert res.exit_code == 0, res.output
    assert "类型：学习先进事迹（依据：主题中的“学习张富清同志”）" in res.stderr
    assert "对象：张富清同志" in res.stderr and "素材：人物 张富清" in res.stderr and "（人物库）" in res.stderr


@pytest.mark.parametrize("topic,domain", [
    ("学习英雄模范事迹", "英雄模范"), ("学习道德模范事迹", "道德模范"), ("学习全国优秀法官先进事迹", "全国优秀法官"),
    ("学习“时代楷模”先进事迹", "时代楷模"), ("学习身边先进典型事迹心得体会", "身边先进典型"),
    ("观看《榜样》专题节目心得", "榜样人物"),
])
def test_a_study_of_no_one_named_speaks_of_the_models_as_typed_and_names_no_one(rh, topic: str, domain: str) -> None:
    f = build_frame(topic, rh)
    assert f.kind == "model" and f.domain == domain and f.work is None
    assert f.object is None or f.object.startswith("《")  # no person is made up from a word (英雄模范 is no 范某)
