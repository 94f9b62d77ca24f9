"""Films, a series and books of s37 (helper works37d): each topic finds its work as people type it, drafts name
the work and tell its own scenes, a pupil writes about the pupils' books, and no draft holds the slips an editor
found in the first drafts."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from xindegen.compose.frame import build_frame
from xindegen.compose.plan import compose
from xindegen.compose.request import ComposeRequest

DATA = Path(__file__).resolve().parents[1] / "src" / "xindegen" / "compose" / "data" / "works"


@pytest.mark.parametrize("topic,title,work_kind", [
    ("观看电影《蛟龙行动》观后感", "蛟龙行动", "film"),
    ("蛟龙行动观后感", "蛟龙行动", "film"),
    ("观看电影《志愿军：浴血和平》观后感", "志愿军：浴血和平", "film"),
    ("志愿军浴血和平观后感", "志愿军：浴血和平", "film"),
    ("观看电影《小小的我》观后感", "小小的我", "film"),
    ("观看电视剧《凡人歌》有感", "凡人歌", "series"),
    ("《凡人歌》观后感", "凡人歌", "series"),
    ("《窗边的小豆豆》读后感", "窗边的小豆豆", "book"),
    ("读黄灯《我的二本学生》有感", "我的二本学生", "book"),
    ("《秋园》读后感", "秋园", "book"),
    ("读《名人传》有感", "名人传", "book"),
])
def test_the_topic_finds_its_work(rh, topic: str, title: str, work_kind: str) -> None:
    f = build_frame(topic, rh)
    assert f.work is not None and f.work.title == title and f.work.kind == work_kind, f.explain()


@pytest.mark.parametrize("topic", ["《志愿军：雄兵出击》观后感", "观看电影《志愿军：存亡之战》观后感"])
def test_the_earlier_parts_keep_their_entries(rh, topic: str) -> None:
    """The third film of the trilogy takes no topic about the first two."""
    f = build_frame(topic, rh)
    assert f.work is not None and f.work.title != "志愿军：浴血和平", f.explain()


@pytest.mark.parametrize("topic,pupil", [
    ("《窗边的小豆豆》读后感", True),
    ("读《名人传》有感", True),
    ("教师读《窗边的小豆豆》有感", False),
    ("读黄灯《我的二本学生》有感", False),
    ("《秋园》读后感", False),
])
def test_who_writes(rh, topic: str, pupil: bool) -> None:
    f = build_frame(topic, rh)
    assert f.pupil == pupil, f.explain()


OWN = {
    "观看电影《蛟龙行动》观后感": ["龙鲸号", "曹弘浪", "赵启航", "封舱", "钻井平台", "海啸"],
    "观看电影《志愿军：浴血和平》观后感": ["姚庆祥", "中立区", "6万页", "六万页", "上甘岭", "黄继光", "李晓", "小会"],
    "观看电影《小小的我》观后感": ["刘春和", "苔花", "投诉信", "陈素群", "陈露", "咖啡店"],
    "观看电视剧《凡人歌》有感": ["沈琳", "那伟", "月嫂", "菜刀", "出家", "简历"],
    "《窗边的小豆豆》读后感": ["小林", "四个小时", "泰明", "掏粪口", "钱包"],
    "读黄灯《我的二本学生》有感": ["邓桦真", "《风》", "062111", "四千五百", "底色", "入学指南"],
    "《秋园》读后感": ["厨房", "二十担", "剪子", "子恒", "之骅", "杨仁受"],
    "读《名人传》有感": ["贝多芬", "西斯廷", "傅雷", "托尔斯泰", "瓦萨里"],
}
# Slips found reading the first drafts (a verb its object does not take, a clause with no subject, 也就 for 就)
WRONG = ["设想了这样险情", "准准听准", "方能转机", "一个人掉了", "日子久了顺当", "一有机会就推便推",
         "每犯了", "比的是嗓门，还是", "规矩守住于", "人人若都", "讲生动", "还要决定一个人", "和同龄人那样",
         "拼比常人", "平等别人", "走在街上中", "有可怜他", "给我立", "肯办法",
         "就已经便是", "听津津有味", "一位孩子", "这只一只", "读一看", "只做这一一件事", "作业才只写完",
         "才没写完", "陪人走很长年", "于序里", "顶平凡", "肯读进去人", "待学校普通", "一个个往事",
         "年纪很小也就", "也就参军", "更加是", "一只潜艇", "兑现在即", "这才得来", "心气却要",
         "试一趟", "一年再拖", "一拖拖", "两两位", "于是决定邀请泰明去爬", "是简川訸导演，围绕"]


@pytest.mark.parametrize("topic", sorted(OWN))
def test_drafts_tell_the_works_own_scenes(tells_its_own, topic: str) -> None:
    tells_its_own(topic, OWN[topic], WRONG)


@pytest.mark.parametrize("topic", ["《窗边的小豆豆》读后感", "读《名人传》有感"])
def test_a_pupils_draft_holds_no_word_of_working_life(rh, topic: str) -> None:
    for seed in range(1, 7):
        body = "".join(compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh).body_paragraphs())
        assert not [w for w in ("工作", "岗位", "单位", "同事", "干部") if w in body], seed


def test_every_detail_has_a_confirmed_row(confirmed_rows) -> None:
    """Each work's source and each angle's detail has a CONFIRMED row (docs/factcheck/works.tsv)."""
    rows = confirmed_rows("works.tsv")
    for name in ("films-11", "books-10"):
        works = yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))["works"]
        for w in works:
            assert (f"works/{name}.yaml", f"《{w['title']}》{w['year']} 出处与简介"[:20]) in rows, w["title"]
            for a in w["angles"]:
                assert (f"works/{name}.yaml", a["detail"][:20]) in rows, (w["title"], a["term"])
