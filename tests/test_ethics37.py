"""helper ethics37 (s37): trades' ethics that had no content of their own (注册建造师, 工程监理, 社会工作者 got the
ethics kind's general lines only) or a neighbour's (司法鉴定人 took the judges' 司法作风, 会计人员 read as a unit's
财务管理) now take a focus of their trade: its scenes, problem -> measure pairs and confirmed facts."""
from __future__ import annotations

import pytest

from xindegen.compose.frame import build_frame
from xindegen.compose.plan import compose
from xindegen.compose.request import ComposeRequest

SEEDS = range(1, 5)

# topic -> (category or pack key, focus, what the draft speaks of, who writes, the title's name)
TRADES = {
    "司法鉴定人职业道德心得体会": ("zhengfa_gongzuo", "司法鉴定", "司法鉴定工作", "司法鉴定人", "司法鉴定人职业道德"),
    "注册建造师职业道德学习心得": ("qiye_shengchan", "施工项目管理", "施工项目管理工作", "注册建造师",
                                 "注册建造师职业道德"),
    "工程监理职业道德心得": ("qiye_shengchan", "工程监理", "工程监理工作", "工程监理", "工程监理职业道德"),
    "社会工作者职业道德心得": ("dangjian_qunzhong", "社会工作", "社会工作服务", "社会工作者", "社会工作者职业道德"),
}

# Read in the drafts and struck: a judge's pack, a plant's lines, broken alternatives of the first wording.
BAD = {
    "司法鉴定人职业道德心得体会": ("办案本领", "司法公开", "审判", "是得拿到", "有没有完好", "封口有没有", "改正注明",
                                 "避开", "机构的规定", "两处对不上"),
    "注册建造师职业道德学习心得": ("产品质量", "车间", "干部职工", "赶回追", "往回追", "只受聘", "只注册",
                                 "签名自己来签", "盯少", "而是先是", "催着抢着", "挂证费", "市场竞争"),
    "工程监理职业道德心得": ("产品质量", "车间", "干部职工", "停机", "吃了对方的饭", "不吃施工单位", "把记录上",
                            "又有复查，", "市场竞争", "企业职工"),
    "社会工作者职业道德心得": ("社会工作工作", "社工工作", "于本人", "做帮助", "说清帮本来", "问问问题",
                              "政治方向", "反问他", "反问她", "求助的家庭的", "态度好听"),
    "会计人员职业道德学习心得": ("涵养财务管理", "财务管理学习心得", "先数做进去", "先合规的", "乃是",
                                "有没有确实", "管账的人的"),
}


def _text(rh, topic: str, seed: int) -> str:
    return "".join(compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh).reading_lines())


@pytest.mark.parametrize("topic", list(TRADES))
def test_a_trades_ethics_takes_its_trades_focus(rh, topic: str) -> None:
    key, focus, domain, person, name = TRADES[topic]
    f = build_frame(topic, rh)
    assert f.kind == "ethics" and f.pack is None, f.explain()
    assert f.category is not None and f.category.key == key and f.focus is not None and f.focus.name == focus
    assert (f.domain, f.person, f.name) == (domain, person, name)


def test_an_accountants_ethics_is_named_as_typed_and_speaks_of_accounting(rh) -> None:
    """会计人员职业道德 keeps the finance pack (会计职业道德 -> caiwu_neikong is an older decision) but takes its
    会计人员 focus: the title names the trade's ethics (it read 涵养财务管理的几点体会) and the prose 会计工作."""
    f = build_frame("会计人员职业道德学习心得", rh)
    assert f.pack is not None and f.pack.key == "caiwu_neikong" and f.focus is not None
    assert f.focus.name == "会计人员" and f.name == "会计人员职业道德"
    for seed in SEEDS:
        text = _text(rh, "会计人员职业道德学习心得", seed)
        assert "会计人员职业道德" in text[:60], seed


def test_a_forensic_expert_is_no_judge(rh) -> None:
    assert "鉴定" in rh.packs["sifa_zuofeng"].exclude
    assert build_frame("法官职业道德心得", rh).pack is not None  # judges and prosecutors keep their pack
    assert build_frame("检察官职业道德心得", rh).pack.key == "sifa_zuofeng"  # type: ignore[union-attr]


@pytest.mark.parametrize("topic", list(BAD))
def test_the_drafts_name_the_trade_and_none_of_the_struck_phrases(rh, topic: str) -> None:
    name = TRADES[topic][4] if topic in TRADES else "会计人员职业道德"
    for seed in SEEDS:
        text = _text(rh, topic, seed)
        assert name in text[:60], (seed, text[:60])
        hits = [b for b in BAD[topic] if b in text]
        assert not hits, (seed, hits)


def test_a_categorys_lead_and_closing_may_fit_some_topics_only(rh) -> None:
    """A category's lead and closing take {text, unless} as a pack's do: the plant's 产品质量 line is no 监理's."""
    cat = rh.categories["qiye_shengchan"]
    fenced = [x for x in cat.only if "产品质量" in x.text]
    assert fenced and all(x.text in cat.lead for x in fenced)
    assert not cat.fits(fenced[0].text, "工程监理职业道德心得") and cat.fits(fenced[0].text, "班组建设心得")
    assert cat.fits(cat.lead[1], "工程监理职业道德心得")


def test_the_new_facts_are_recorded_as_checked(rh, confirmed_rows) -> None:
    rows = confirmed_rows()
    checked = [(f"categories/{key}.yaml", x) for key, name in (("zhengfa_gongzuo", "司法鉴定"),
                                                                ("dangjian_qunzhong", "社会工作"))
               for f in rh.categories[key].focuses if f.name == name for x in f.facts]
    checked += [("packs/caiwu_neikong.yaml", x) for f in rh.packs["caiwu_neikong"].focuses for x in f.facts]
    assert len(checked) == 5
    for file, fact in checked:
        assert (file, fact.text[:20]) in rows, (file, fact.text)
