"""Programmes, documentaries, series and study books often written about (helper works34): each topic
finds its work with the right kind, drafts name the work and tell its own scenes, and a volume of
《习近平谈治国理政》 never takes another volume's facts."""
from __future__ import annotations

import pytest

from xindegen.compose.frame import build_frame
from xindegen.compose.plan import compose
from xindegen.compose.request import ComposeRequest


@pytest.mark.parametrize("topic,title,work_kind,kind", [
    ("观看《典籍里的中国》观后感", "典籍里的中国", "programme", "film"),
    ("《国家宝藏》观后感", "国家宝藏", "programme", "film"),
    ("观看《大国工匠》心得体会", "大国工匠", "documentary", "film"),
    ("《我在故宫修文物》观后感", "我在故宫修文物", "documentary", "film"),
    ("观看《扫黑风暴》有感", "扫黑风暴", "series", "film"),
    ("电视剧《破冰行动》观后感", "破冰行动", "series", "film"),
    ("观看电视剧《底线》心得体会", "底线", "series", "film"),
    ("《理想照耀中国》观后感", "理想照耀中国", "series", "film"),
    ("学习《习近平著作选读》心得体会", "习近平著作选读", "book", "study"),
    ("《习近平著作选读》读后感", "习近平著作选读", "book", "book"),
    ("学习《习近平新时代中国特色社会主义思想学习纲要》心得", "习近平新时代中国特色社会主义思想学习纲要",
     "book", "study"),
    ("学习《习近平谈治国理政》第二卷心得体会", "习近平谈治国理政第二卷", "book", "study"),
    ("学习《习近平谈治国理政》第三卷心得体会", "习近平谈治国理政第三卷", "book", "study"),
    ("学习《习近平谈治国理政》心得体会", "习近平谈治国理政", "book", "study"),
])
def test_the_topic_finds_its_work(rh, topic: str, title: str, work_kind: str, kind: str) -> None:
    f = build_frame(topic, rh)
    assert f.work is not None and f.work.title == title and f.work.kind == work_kind, f.explain()
    assert f.kind == kind, f.explain()


@pytest.mark.parametrize("topic", ["学习《习近平谈治国理政》第四卷心得体会", "学习习近平谈治国理政第四卷心得"])
def test_the_fourth_volume_takes_no_first_volumes_facts(rh, topic: str) -> None:
    """《习近平谈治国理政》第四卷 is not the first volume: no work, so no figure of the first volume."""
    f = build_frame(topic, rh)
    assert f.work is None, f.explain()
    body = "".join(compose(ComposeRequest(topic=topic, seed=1), rhetoric=rh).body_paragraphs())
    assert "79篇" not in body and "2014年6月" not in body


def test_a_volume_is_named_with_its_number(rh) -> None:
    f = build_frame("学习《习近平谈治国理政》第二卷心得体会", rh)
    assert f.object == "《习近平谈治国理政》第二卷"
    assert rh.works["习近平谈治国理政第二卷:book"].quoted == "《习近平谈治国理政》第二卷"


def test_a_film_title_brings_no_activity_pack(rh) -> None:
    """破冰 inside 《破冰行动》 is no team-building game; a cultural programme is no red film."""
    assert build_frame("电视剧《破冰行动》观后感", rh).pack is None
    assert build_frame("观看《典籍里的中国》观后感", rh).pack is None


# Words of each work's own details; drafts of several seeds tell them, and no draft says what the work
# is not (a programme is no 影片 watched in a cinema).
OWN = {
    "观看《典籍里的中国》观后感": ["伏生", "撒贝宁", "九州"],
    "《国家宝藏》观后感": ["九家", "守护人", "秦简"],
    "观看《大国工匠》心得体会": ["胡双钱", "周东红", "高凤林"],
    "《我在故宫修文物》观后感": ["杨泽华", "钟表", "老师傅"],
    "观看《扫黑风暴》有感": ["十四年", "孙小果", "李成阳"],
    "电视剧《破冰行动》观后感": ["塔寨村", "博社村", "内鬼"],
    "观看电视剧《底线》心得体会": ["于欢案", "方远", "调解"],
    "《理想照耀中国》观后感": ["陈望道", "四个时期", "76天"],
}
WRONG = {
    "观看《典籍里的中国》观后感": ["影片", "散场", "银幕"],
    "《国家宝藏》观后感": ["影片", "散场", "银幕"],
}


@pytest.mark.parametrize("topic", sorted(OWN))
def test_drafts_tell_the_works_own_scenes(rh, topic: str) -> None:
    title = build_frame(topic, rh).object or ""
    bodies = ["".join(compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh).body_paragraphs())
              for seed in range(1, 7)]
    for seed, body in enumerate(bodies, 1):
        assert title in body, seed
        assert sum(w in body for w in OWN[topic]) >= 2, (seed, OWN[topic])
        assert "情节或内容】" not in body, seed
        assert not [w for w in WRONG.get(topic, []) if w in body], seed


@pytest.mark.parametrize("topic,own", [
    ("学习《习近平著作选读》心得体会", "《习近平著作选读》"),
    ("学习《习近平谈治国理政》第二卷心得体会", "《习近平谈治国理政》第二卷"),
])
def test_a_study_of_a_book_names_it_and_only_its_figures(rh, topic: str, own: str) -> None:
    for seed in range(1, 5):
        body = "".join(compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh).body_paragraphs())
        assert own in body, seed
        assert "79篇" not in body and "92篇" not in body or "第三卷" in topic, seed
