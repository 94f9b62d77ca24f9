"""Series of 2023–2025 units and people often write 观后感 about (helper series37): each topic finds its work as
people type it, drafts name the work and tell its own scenes, every scene is recorded as checked, and none holds
the slips an editor found in the first drafts."""
from __future__ import annotations

import pytest

from xindegen.compose.frame import build_frame

TITLES = ("小巷人家", "我是刑警", "山花烂漫时", "繁花", "南来北往", "西北岁月")


@pytest.mark.parametrize("topic,title", [
    ("观看电视剧《我是刑警》心得体会", "我是刑警"),
    ("我是刑警观后感", "我是刑警"),
    ("公安民警观看我是刑警心得体会", "我是刑警"),
    ("《小巷人家》观后感", "小巷人家"),
    ("小巷人家观后感", "小巷人家"),
    ("观看电视剧《山花烂漫时》心得体会", "山花烂漫时"),
    ("教师观看电视剧山花烂漫时心得", "山花烂漫时"),
    ("电视剧《繁花》观后感", "繁花"),
    ("繁花观后感", "繁花"),
    ("《南来北往》观后感", "南来北往"),
    ("南来北往观后感", "南来北往"),
    ("观看电视剧《西北岁月》心得体会", "西北岁月"),
    ("西北岁月观后感", "西北岁月"),
])
def test_the_topic_finds_its_series(rh, topic: str, title: str) -> None:
    f = build_frame(topic, rh)
    assert f.work is not None and f.work.title == title and f.work.kind == "series", f.explain()
    assert f.kind == "film", f.explain()


@pytest.mark.parametrize("topic", ["春运南来北往旅客服务心得", "繁花似锦迎新春活动心得"])
def test_an_everyday_phrase_is_no_series(rh, topic: str) -> None:
    """南来北往 and 繁花 are everyday words: unwatched, they name no series."""
    assert build_frame(topic, rh).work is None


def test_a_model_of_our_time_is_no_red_film(rh) -> None:
    """《山花烂漫时》 tells of 张桂梅 today: no red film's 先辈 facing death; 《西北岁月》 is revolutionary history."""
    assert build_frame("观看电视剧《山花烂漫时》心得体会", rh).pack is None
    red = build_frame("观看电视剧《西北岁月》心得体会", rh).pack
    assert red is not None and red.key == "hongse_dianying"


def test_studying_zhang_guimei_stays_the_persons_study(rh) -> None:
    f = build_frame("学习张桂梅同志先进事迹心得体会", rh)
    assert f.work is not None and f.work.kind == "person"


OWN = {
    "观看电视剧《我是刑警》心得体会": ["陶维志", "张克寒", "小邓", "功德碑", "白银案", "联合办案"],
    "《小巷人家》观后感": ["宋莹", "庄图南", "向鹏飞", "林武峰", "黄玲", "庄超英"],
    "观看电视剧《山花烂漫时》心得体会": ["谷雨", "三万块钱", "化缘", "1804", "手电筒", "小摊"],
    "电视剧《繁花》观后感": ["阿宝", "爷叔", "汪小姐", "黄河路", "1987年", "扭亏为盈"],
    "《南来北往》观后感": ["马魁", "汪新", "牛大力", "哈城", "司炉", "四十年"],
    "观看电视剧《西北岁月》心得体会": ["党的利益在第一位", "绥德", "两当兵变", "林伯渠", "关中", "解放日报"],
}
# Slips found reading the first drafts: a verb its object does not take, 于 for 在, 不是…是 for 不是…而是,
# a when-clause after 我将, halves of a pair that do not match.
WRONG = ["难就难在于", "于一处道观", "插上了利器", "在秦川牵头，", "告破提速", "经手的有些", "打包票报没问题",
         "同样是：", "常不过", "只向敢闯", "拿手头的", "我会家里", "。于山里的女孩", "唯一的路", "路先跑过",
         "为替办", "在爷叔扶持变成", "从阿宝变成", "有的一跤跌倒", "剧第一集里", "看人看深", "批评汪小姐为了",
         "赚还是难", "顺还是赔", "于业内", "于一趟趟", "变成高铁时代", "一线走过了四十年", "一沉稳一", "一碰到案子面前",
         "踩过的亏", "我要群众来问", "在他自己来说", "一面跟周围", "起义激励下", "打开了陕甘", "便于一次次",
         "组织让到", "人于一个地方", "由林伯渠", "别要对方开口", "此后结为师徒，此后", "得知才十四岁", "跑跑出来",
         "却是接下了", "破不了案子的", "交给接班的同事手", "别光甩下", "就邀。", "都有力", "走越来越少", "说习仲勋统一",
         "第一集里，故事里", "我将新的", "我将新出的", "我将年轻人", "就得领到", "就要接手", "谁跟得上变化，哪家",
         "红色电影里的先辈", "作品里的先辈", "一次的失利", "并非个人的得失，是",
         "缉毒、缉毒", "带年轻的徒弟的", "工作日志上", "守得住脚跟", "走红线", "细算了一笔细账", "困难的时候，我要不"]


@pytest.mark.parametrize("topic", sorted(OWN))
def test_drafts_tell_the_series_own_scenes(tells_its_own, topic: str) -> None:
    tells_its_own(topic, OWN[topic], WRONG)


def test_every_scene_and_fact_of_the_series_is_recorded_as_checked(rh, confirmed_rows) -> None:
    """Each series' source and each angle's detail (and every 剧中/现实中/历史上 reason) has a CONFIRMED row."""
    rows = confirmed_rows("works.tsv")
    for title in TITLES:
        work = next(w for w in rh.works.values() if w.title == title and w.kind == "series")
        assert len(work.angles) >= 3 and {a.role for a in work.angles} >= {"thinking", "ability", "action"}
        assert any(f == "works/films-9.yaml" and t.startswith(f"《{title}》{work.year}") for f, t in rows), title
        for angle in work.angles:
            for text in (*angle.detail, *(w for w in angle.why if w.startswith(("(剧中", "(现实中", "(历史上")))):
                assert ("works/films-9.yaml", text[:20]) in rows, (title, angle.term, text[:20])
