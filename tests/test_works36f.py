"""Films and a series units, Party branches and schools often watch (helper works36f): each topic finds its
work as people type it, drafts name the work and tell its own scenes, and none holds the slips an editor
found in the first drafts."""
from __future__ import annotations

import pytest

from xindegen.compose.frame import build_frame


@pytest.mark.parametrize("topic,title,work_kind", [
    ("观看电影《周恩来的四个昼夜》观后感", "周恩来的四个昼夜", "film"),
    ("周恩来的四个昼夜观后感", "周恩来的四个昼夜", "film"),
    ("观看电影《特级英雄黄继光》观后感", "特级英雄黄继光", "film"),
    ("特级英雄黄继光观后感", "特级英雄黄继光", "film"),
    ("电影《八角笼中》观后感", "八角笼中", "film"),
    ("八角笼中观后感", "八角笼中", "film"),
    ("观看电视剧《大考》心得体会", "大考", "series"),
    ("《大考》观后感", "大考", "series"),
    ("观看电影《我的父亲焦裕禄》心得体会", "我的父亲焦裕禄", "film"),
    ("我的父亲焦裕禄观后感", "我的父亲焦裕禄", "film"),
    ("观看电影《邓小平小道》观后感", "邓小平小道", "film"),
    ("邓小平小道观后感", "邓小平小道", "film"),
])
def test_the_topic_finds_its_work(rh, topic: str, title: str, work_kind: str) -> None:
    f = build_frame(topic, rh)
    assert f.work is not None and f.work.title == title and f.work.kind == work_kind, f.explain()
    assert f.kind == "film", f.explain()


@pytest.mark.parametrize("topic", ["观看电影《焦裕禄》观后感", "焦裕禄观后感"])
def test_the_older_film_keeps_its_entry(rh, topic: str) -> None:
    """《我的父亲焦裕禄》 takes no topic about the 1990 film 《焦裕禄》."""
    f = build_frame(topic, rh)
    assert f.work is not None and f.work.title == "焦裕禄", f.explain()


@pytest.mark.parametrize("topic", ["经受住疫情防控大考心得体会", "迎接高考大考心得"])
def test_a_bare_big_exam_is_no_series(rh, topic: str) -> None:
    assert build_frame(topic, rh).work is None


OWN = {
    "观看电影《周恩来的四个昼夜》观后感": ["伯延", "张二廷", "郭凤林", "5月7日"],
    "观看电影《特级英雄黄继光》观后感": ["597.9高地", "6连", "五圣山", "中江县"],
    "电影《八角笼中》观后感": ["向腾辉", "假拳", "网暴", "网络暴力", "领路人"],
    "观看电视剧《大考》心得体会": ["金和县", "史爱华", "歙县", "备用卷"],
    "观看电影《我的父亲焦裕禄》心得体会": ["焦守凤", "提升机", "星星", "酱菜"],
    "观看电影《邓小平小道》观后感": ["小平小道", "红糖水", "三年零四个月", "拖拉机修配厂"],
}
# Slips found reading the first drafts (a doubled 的, a verb its object does not take, 于 for 在)
WRONG = ["真实的实情", "去群众家里去问", "日的凌晨", "家常唠近了", "话唠近了", "做再细",
         "不再别人的", "是村里第一个报了名", "身中数处", "身中多处", "让推进", "自小时候",
         "难在于", "属于人民的", "对家人的事情上", "躺在车间的长板凳上躺", "我会分到", "我要身边",
         "对考生和家长看来", "用两所学校", "一心离开", "孩子的格斗教练", "男孩的格斗教练", "走过苦头",
         "先告诉自己商量", "自己就吃得", "还只不够", "报情况汇报", "多么响亮", "多么艰难",
         "多么细致", "顺风顺水的时候里", "后来把它叫作",
         "一面坚持劳动、一边", "受了不平", "危急来时", "补上一样勾", "问他他", "问他黄继光",
         "有国家才能安稳"]


@pytest.mark.parametrize("topic", sorted(OWN))
def test_drafts_tell_the_works_own_scenes(tells_its_own, topic: str) -> None:
    tells_its_own(topic, OWN[topic], WRONG)
