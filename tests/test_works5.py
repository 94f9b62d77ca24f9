"""Issue #14: works people are asked to watch or read, found by the ways they are typed, and drafted
on their own scenes; an unknown work keeps the honest general draft."""
from __future__ import annotations

import pytest

from xindegen.compose.frame import build_frame
from xindegen.compose.plan import compose
from xindegen.compose.request import ComposeRequest



@pytest.mark.parametrize("topic,title,kind", [
    ("观看电影《我不是药神》心得体会", "我不是药神", "film"),
    ("我不是药神观后感", "我不是药神", "film"),
    ("观看电影《奇迹·笨小孩》观后感", "奇迹·笨小孩", "film"),
    ("奇迹笨小孩观后感", "奇迹·笨小孩", "film"),
    ("观看电影《你好，李焕英》观后感", "你好，李焕英", "film"),
    ("你好李焕英观后感", "你好，李焕英", "film"),
    ("观看电视剧《县委大院》心得体会", "县委大院", "series"),
    ("县委大院观后感", "县委大院", "series"),
    ("观看电影《流浪地球》观后感", "流浪地球", "film"),
    ("观看电影《流浪地球2》观后感", "流浪地球2", "film"),  # the sequel keeps its own entry
    ("读《把信送给加西亚》有感", "把信送给加西亚", "book"),
    ("读《致加西亚的信》心得体会", "把信送给加西亚", "book"),
    ("读《高效能人士的七个习惯》心得体会", "高效能人士的七个习惯", "book"),
    ("《高效能人士的7个习惯》读后感", "高效能人士的七个习惯", "book"),
    ("读《被讨厌的勇气》有感", "被讨厌的勇气", "book"),
    ("观看专题片《红色通缉》心得体会", "红色通缉", "documentary"),
    ("《红色通缉》观后感", "红色通缉", "documentary"),
    ("红色通缉专题片观后感", "红色通缉", "documentary"),
    ("观看电视专题片红色通缉心得体会", "红色通缉", "documentary"),
    ("观看专题片《持续发力 纵深推进》心得体会", "持续发力 纵深推进", "documentary"),
    ("《持续发力纵深推进》观后感", "持续发力 纵深推进", "documentary"),
    ("观看专题片《持续发力、纵深推进》心得体会", "持续发力 纵深推进", "documentary"),
])
def test_a_work_is_found_as_people_type_it(rh, topic: str, title: str, kind: str) -> None:
    f = build_frame(topic, rh)
    assert f.work is not None and f.work.title == title and f.work.kind == kind, f.explain()


# Each work's details name people or ideas its own scenes hold: every one of them opens a section of
# some draft of three sections, and a draft never asks the writer for a scene the bank knows.
OWN = {
    "观看电影《我不是药神》心得体会": ["老太太", "曹斌", "吕受益"],
    "观看电影《奇迹·笨小孩》观后感": ["八岁", "华强北", "梁永诚"],
    "观看电影《你好，李焕英》观后感": ["录取通知书", "电视机", "裤子"],
    "观看电视剧《县委大院》心得体会": ["奶牛", "独轮车", "老书记"],
    "观看电影《流浪地球》观后感": ["饱和式救援", "氢气", "刘培强"],
    "读《把信送给加西亚》有感": ["电报", "油布袋", "丹尼尔斯"],
    "读《高效能人士的七个习惯》心得体会": ["影响圈", "知彼解己", "不断更新"],
    "读《被讨厌的勇气》有感": ["课题分离", "横向关系", "此时此刻"],
    "观看专题片《红色通缉》心得体会": ["杨秀珠", "蒋谦", "王雁威"],
}


@pytest.mark.parametrize("topic", sorted(OWN))
def test_a_known_work_is_drafted_on_its_own_scenes(rh, topic: str) -> None:
    bodies = ["".join(compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh).body_paragraphs())
              for seed in range(1, 7)]
    for seed, body in enumerate(bodies, 1):  # a work of more angles than sections tells some in each
        assert sum(w in body for w in OWN[topic]) >= 2, (seed, OWN[topic])
        assert "情节或内容】" not in body, seed
    assert not [w for w in OWN[topic] if not any(w in b for b in bodies)]


def test_an_unknown_work_keeps_the_general_draft(rh) -> None:
    """A title the bank lacks names no work: the draft invents no scene and asks the writer for one."""
    f = build_frame("观看电影《我不是药贩》观后感", rh)
    assert f.work is None
    bodies = ["".join(compose(ComposeRequest(topic="观看电影《我不是药贩》观后感", seed=s),
                              rhetoric=rh).body_paragraphs()) for s in (1, 2, 3)]
    assert not any(name in b for b in bodies for name in ("程勇", "格列宁", "曹斌"))
    assert any("情节或内容】" in b for b in bodies)


def test_a_pupil_may_write_about_li_huanying_without_work_words(rh) -> None:
    """《你好，李焕英》 is read by adults and pupils alike: a pupil's draft keeps its scenes and no 工作."""
    f = build_frame("小学生观看《你好，李焕英》观后感", rh)
    assert f.work is not None and f.work.title == "你好，李焕英"
    body = "".join(compose(ComposeRequest(topic="小学生观看《你好，李焕英》观后感", seed=1),
                           rhetoric=rh).body_paragraphs())
    assert "李焕英" in body and "工作" not in body and "岗位" not in body


@pytest.mark.parametrize("topic,title", [
    ("观看专题片《红色通缉》心得体会", "红色通缉"),
    ("《红色通缉》观后感", "红色通缉"),
    ("观看专题片《零容忍》心得体会", "零容忍"),
    ("观看专题片《持续发力 纵深推进》心得体会", "持续发力 纵深推进"),
    ("持续发力纵深推进专题片观后感", "持续发力 纵深推进"),
])
def test_a_known_warning_film_is_watched_as_a_warning_on_its_own_cases(rh, topic: str, title: str) -> None:
    """A CCDI documentary is a warning film (not the general documentary's 摄制组), and its sections
    still open on the film's own cases, as a film's do."""
    f = build_frame(topic, rh)
    assert f.kind == "warning" and f.work is not None and f.work.title == title, f.explain()
    assert f.pack is not None and f.pack.key == "jingshi_pian", f.explain()
    names = {"红色通缉": ["杨秀珠", "蒋谦", "戴学民", "王雁威"], "零容忍": ["孙力军"],
             "持续发力 纵深推进": ["范一飞", "杜兆才", "陈戌源"]}[title]
    for seed in (1, 2, 3):
        body = "".join(compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh).body_paragraphs())
        assert any(n in body for n in names), seed
        assert "摄制组" not in body and "【" not in body, seed
