"""Five sites people visit (works/sites-37.yaml) and four days of remembrance (focuses of packs/jinian_ri.yaml)
added by helper sites37: each topic finds its site or focus as people type it, every stated fact has a CONFIRMED
row in docs/factcheck, drafts tell the site's or the day's own facts, a region's founding takes none of a war's
lessons, and no draft holds the slips an editor found reading the first drafts."""
from __future__ import annotations

import pytest

from xindegen.compose.frame import build_frame
from xindegen.compose.plan import compose
from xindegen.compose.request import ComposeRequest
from xindegen.render.text import render_text

SITES = ("中国国家版本馆", "侵华日军第七三一部队罪证陈列馆", "三峡大坝", "北大红楼", "陶岔渠首")


@pytest.mark.parametrize("topic,title", [
    ("参观中国国家版本馆心得", "中国国家版本馆"),
    ("走进国家版本馆中央总馆心得体会", "中国国家版本馆"),
    ("参观侵华日军第七三一部队罪证陈列馆心得", "侵华日军第七三一部队罪证陈列馆"),
    ("参观731部队罪证陈列馆有感", "侵华日军第七三一部队罪证陈列馆"),
    ("参观三峡大坝有感", "三峡大坝"),
    ("参观三峡工程心得体会", "三峡大坝"),
    ("参观北大红楼心得体会", "北大红楼"),
    ("参观北京新文化运动纪念馆心得", "北大红楼"),
    ("参观南水北调中线工程陶岔渠首心得", "陶岔渠首"),
    ("赴陶岔渠首枢纽工程参观学习心得", "陶岔渠首"),
])
def test_a_visit_finds_its_site(rh, topic: str, title: str) -> None:
    f = build_frame(topic, rh)
    assert f.kind == "visit" and f.work is not None and f.work.title == title, f.explain()


@pytest.mark.parametrize("topic", ["《红楼梦》读后感", "三峡移民精神心得体会", "南水北调工程建设管理培训心得"])
def test_a_neighbouring_topic_visits_no_site(rh, topic: str) -> None:
    """红楼 is no 北大红楼, and a training or a spirit is no visit."""
    f = build_frame(topic, rh)
    assert f.work is None or f.work.title not in SITES, f.explain()


def test_a_cultural_site_is_no_red_education(rh) -> None:
    """中国国家版本馆 shares no theme with the 红色教育 visit pack: its drafts call it no 红色教育."""
    f = build_frame("参观中国国家版本馆心得", rh)
    assert f.pack is None or f.pack.key != "hongse_jidi", f.explain()


def test_every_detail_of_the_s37_sites_is_recorded_as_checked(rh, confirmed_rows) -> None:
    rows = {text for f, text in confirmed_rows("sites-37.tsv") if f == "works/sites-37.yaml"}
    works = [w for w in rh.works.values() if w.title in SITES]
    assert len(works) == len(SITES)
    for w in works:
        assert any(r.startswith(f"{w.title} year {w.year}"[:20]) for r in rows), w.title
        assert w.about[:20] in rows, w.title
        assert len(w.angles) >= 5, w.title
        for a in w.angles:
            for d in a.detail:
                assert d[:20] in rows, (w.title, a.term)


DAYS = {
    "纪念陈毅同志诞辰125周年心得体会": "陈毅同志诞辰",
    "纪念西安事变90周年心得": "西安事变",
    "纪念西藏自治区成立60周年心得体会": "西藏自治区成立",
    "纪念台湾光复80周年心得": "台湾光复",
}


@pytest.mark.parametrize("topic", sorted(DAYS))
def test_a_day_takes_its_focus(rh, topic: str) -> None:
    f = build_frame(topic, rh)
    assert f.kind == "commemoration" and f.pack is not None and f.pack.key == "jinian_ri", f.explain()
    assert f.focus is not None and f.focus.name == DAYS[topic], f.explain()


def test_every_fact_of_the_s37_days_is_recorded_as_checked(rh, confirmed_rows) -> None:
    rows = confirmed_rows()
    for focus in rh.packs["jinian_ri"].focuses:
        if focus.name in DAYS.values():
            assert len(focus.facts) >= 5, focus.name
            for fact in focus.facts:
                assert ("packs/jinian_ri.yaml", fact.text[:20]) in rows, (focus.name, fact.text)


# What each draft must tell of its own (two at least), and the words a draft of that day must not hold
OWN = {
    "参观中国国家版本馆心得": ["文瀚阁", "兰台洞库", "1600万", "灾备", "收藏为主业", "文明大国建设"],
    "参观侵华日军第七三一部队罪证陈列馆心得": ["平房区", "2805", "2862", "六种语言", "四方楼", "细菌"],
    "参观三峡大坝有感": ["三斗坪", "185米", "截流", "大国重器", "2309.5", "40多年"],
    "参观北大红楼心得体会": ["五四大街", "李大钊", "图书馆", "《每周评论》", "第一院", "策源地"],
    "参观南水北调中线工程陶岔渠首心得": ["淅川", "丹江口", "水龙头", "邹庄村", "1432公里", "生命线"],
    "纪念陈毅同志诞辰125周年心得体会": ["1901年", "乐至", "《梅岭三章》", "《手莫伸》", "元帅", "新四军"],
    "纪念西安事变90周年心得": ["张学良", "杨虎城", "周恩来", "和平解决", "兵谏", "停止内战"],
    "纪念西藏自治区成立60周年心得体会": ["1965年", "和平解放", "民主改革", "拉萨", "各族", "自治区"],
    "纪念台湾光复80周年心得": ["1945年10月25日", "《马关条约》", "受降", "台湾光复纪念日", "台湾同胞", "开罗"],
}
WAR = ("国耻", "落后就要挨打", "缅怀先烈", "先烈", "侵略者", "和平来之不易", "屈辱")
NOT_OF = {
    "纪念西藏自治区成立60周年心得体会": WAR + ("先辈们", "牺牲"),
    "纪念陈毅同志诞辰125周年心得体会": ("国耻", "落后就要挨打", "屈辱"),
    "参观侵华日军第七三一部队罪证陈列馆心得": ("致敬先辈", "开门迎客"),
    "参观中国国家版本馆心得": ("红色教育", "红色资源"),
}
# Slips found reading the first drafts: choices that met badly, a verb its object does not take, 于 for 在
WRONG = ["留给后世手上", "正是图的是", "有条有理理好", "恢复一下能不能打开", "放于一台", "写明一份目录",
         "在中国国家版本馆时", "一条活生生的人", "又给抹去", "垒更扎实", "话下得多响", "被一问来源", "世界上人",
         "凭史实为准", "以史实说话", "就承认、便纠正", "于材料上", "一桩又一条", "不又犯", "胜过什么说辞",
         "买是要不来", "一支能打硬仗的人", "一仓一层", "临头关头", "长得得快", "啃一钻", "不刚遇上", "记进本子上",
         "最后仓", "读到了救中国的道路", "于本子里", "给国务院公布", "写明不改", "先不是叹气", "整顿一理",
         "调一个地方上", "干接下来的事上", "数一异常", "经过这个“水龙头”流过", "跟别的一样重", "搬自家顾大家",
         "看看一看", "巨大风险之险", "审或和", "怎么怎么", "是怎样怎样", "从民族和人民的长远利益为重",
         "一个讲管住手", "老革命本色", "梅岭处境", "长篇的道理都有力", "主要紧", "一起的节日", "一个甲子变化",
         "于2025年8月21日", "哪一方一家的", "说方言、过年", "单位中少数民族同学", "翻远路", "于原七三一部队",
         "对细菌战的历史仅听过", "历任担任", "于敌后", "管住手和普通干部很远", "进城年代", "还不足的事", "一起的骄傲",
         "依托细菌战罪证遗址之上", "搬迁到了现在的。", "说起西藏，只想到旅游，对那里各族同胞生活", "这了解和尊重",
         "川中小县城"]


@pytest.mark.parametrize("topic", sorted(OWN))
def test_drafts_tell_their_own_and_read_right(rh, topic: str) -> None:
    name = next(n for n in (*SITES[:4], "陶岔渠首", "陈毅", "西安事变", "西藏自治区", "台湾光复") if n in topic)
    for seed in range(1, 7):
        o = compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh)
        text = render_text(o, "txt")
        body = "".join(o.body_paragraphs())
        assert sum(w in body for w in OWN[topic]) >= 2, (topic, seed)
        assert name in body, (topic, seed)  # the draft names what the topic names
        assert "情节或内容】" not in body, (topic, seed)
        assert not [w for w in WRONG if w in text], (topic, seed, [w for w in WRONG if w in text])
        assert not [w for w in NOT_OF.get(topic, ()) if w in text], (topic, seed)


def test_a_regions_founding_takes_none_of_a_wars_angles(rh) -> None:
    war = {"忧患意识", "危机意识", "过硬本领", "崇敬之心", "精神传承"}
    seen: set[str] = set()
    for seed in range(1, 9):
        o = compose(ComposeRequest(topic="纪念西藏自治区成立60周年心得体会", seed=seed), rhetoric=rh)
        terms = {a.split("#")[-1] for a in o.meta["angles"] + o.meta.get("second", [])}
        assert not war & terms, (seed, war & terms)
        seen |= terms
    assert {"民族团结", "沧桑巨变", "尊重包容"} & seen, seen


def test_the_other_days_take_their_own_angles(rh) -> None:
    for topic, own, never in (("纪念西安事变90周年心得", {"顾全大局", "化解分歧"}, {"过硬本领"}),
                              ("纪念台湾光复80周年心得", {"同胞情深", "忧患意识"}, set())):
        seen: set[str] = set()
        for seed in range(1, 9):
            o = compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh)
            terms = {a.split("#")[-1] for a in o.meta["angles"] + o.meta.get("second", [])}
            assert not never & terms, (topic, seed)
            seen |= terms
        assert own & seen, (topic, seen)
