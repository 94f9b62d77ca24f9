"""The 《榜样》 programmes (works/programmes-bangyang.yaml): a topic naming an edition, however typed, is a
model's study of that edition watched (kind model, told as a programme on a screen), and its drafts tell
only that edition's people; an edition the bank lacks keeps the honest general draft."""
from __future__ import annotations


import pytest

from xindegen.compose.frame import build_frame
from xindegen.compose.plan import compose
from xindegen.compose.request import ComposeRequest

# each edition's people, as the drafts name them
PEOPLE = {
    "榜样9": ("范振喜", "黄德宽", "连钢创新团队", "红其拉甫边防连"),
    "榜样7": ("路生梅", "艾爱国", "张玉滚", "王亚平"),
    "榜样6": ("张桂梅", "黄大发", "魏德友", "廷·巴特尔"),
}


@pytest.mark.parametrize("topic,title,name", [
    ("观看《榜样9》心得体会", "榜样9", "《榜样9》"),
    ("《榜样9》观后感", "榜样9", "《榜样9》"),
    ("收看《榜样9》专题节目有感", "榜样9", "《榜样9》专题节目"),
    ("学习《榜样7》先进事迹心得", "榜样7", "《榜样7》"),
    ("党员观看榜样9心得", "榜样9", "《榜样9》"),
    ("榜样9观后感", "榜样9", "《榜样9》"),
    ("观看《榜样6》心得体会", "榜样6", "《榜样6》"),
    ("观看《榜样7》专题节目心得体会", "榜样7", "《榜样7》专题节目"),
])
def test_an_edition_is_found_as_people_type_it(rh, topic: str, title: str, name: str) -> None:
    f = build_frame(topic, rh)
    assert f.kind == "model" and f.work is not None and f.work.title == title, f.explain()
    assert f.work.kind == "programme" and f.person is None and f.pack is None, f.explain()
    assert f.name == name and f.occasion == name, f.explain()  # 观看了《榜样7》, never 观看了《榜样7》先进事迹


@pytest.mark.parametrize("topic", ["观看《榜样8》心得体会", "学习身边榜样心得体会", "榜样的力量心得体会"])
def test_an_edition_the_bank_lacks_finds_no_other_edition(rh, topic: str) -> None:
    f = build_frame(topic, rh)
    assert f.kind == "model" and f.work is None, f.explain()


@pytest.mark.parametrize("topic,title", [
    ("观看《榜样9》心得体会", "榜样9"), ("党员观看榜样9心得", "榜样9"),
    ("学习《榜样7》先进事迹心得", "榜样7"), ("观看《榜样6》心得体会", "榜样6"),
])
def test_an_editions_draft_names_only_its_own_people(rh, topic: str, title: str) -> None:
    others = [p for t, ps in PEOPLE.items() if t != title for p in ps]
    told: set[str] = set()
    for seed in range(1, 7):
        text = "\n".join(compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh).reading_lines())
        assert not [p for p in others if p in text], (seed, text)
        assert f"《{title}》" in text, (seed, text)
        for bad in ("影片", "银幕", "散场", "观影", "人物库", "学习了《榜样", "观看了《榜样7》先进事迹",
                    "难的在", "看病治的", "一地方", "给后门", "在张桂梅推动"):
            assert bad not in text, (seed, bad, text)
        told.update(p for p in PEOPLE[title] if p in text)
    assert len(told) >= 3, told  # the drafts tell the edition's own deeds


def test_every_deed_of_the_editions_is_recorded_as_checked(rh, confirmed_rows) -> None:
    """Each edition's source and each angle's deed has a CONFIRMED row (docs/factcheck/works.tsv)."""
    rows = confirmed_rows("works.tsv")
    for title in PEOPLE:
        work = rh.works[f"{title}:programme"]
        assert len(work.angles) >= 4 and {a.role for a in work.angles} >= {"thinking", "ability", "action"}
        for angle in work.angles:
            assert ("works/programmes-bangyang.yaml", angle.detail[0][:20]) in rows, (title, angle.term)
