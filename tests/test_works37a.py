"""Five Chinese classics people write 读后感/读书心得 about (helper classics37, works/books-8.yaml): each topic finds
its work as people type it, takes the reader's pack (never the red classics'), drafts tell the book's own
passages, and none holds the slips an editor found in the first drafts; every passage is recorded as checked."""
from __future__ import annotations

import pytest

from xindegen.compose.frame import build_frame
from xindegen.compose.plan import compose
from xindegen.compose.request import ComposeRequest

TITLES = ("道德经", "论语", "孟子", "传习录", "史记")


@pytest.mark.parametrize("topic,title,kind", [
    ("读《道德经》心得体会", "道德经", "book"),
    ("道德经读后感", "道德经", "book"),
    ("读老子有感", "道德经", "book"),
    ("《论语》读后感", "论语", "book"),
    ("读《论语》心得体会", "论语", "book"),
    ("教师读《论语》心得体会", "论语", "book"),
    ("读《孟子》有感", "孟子", "book"),
    ("孟子读后感", "孟子", "book"),
    ("读《传习录》有感", "传习录", "book"),
    ("传习录读书心得", "传习录", "book"),
    ("读《史记》有感", "史记", "book"),
    ("读史记有感", "史记", "book"),
    ("学习《史记》心得", "史记", "study"),  # 学习《…》 is a study, of the book all the same
])
def test_the_topic_finds_its_classic(rh, topic: str, title: str, kind: str) -> None:
    f = build_frame(topic, rh)
    assert f.work is not None and f.work.title == title and f.work.kind == "book", f.explain()
    assert f.kind == kind, f.explain()
    assert f.pack is not None and f.pack.key == "dushu", f.explain()  # a classic is no red classic


@pytest.mark.parametrize("topic", ["党史记忆读后感", "读《党史记忆》有感", "历史记录读后感"])
def test_a_two_character_title_inside_a_word_names_no_book(rh, topic: str) -> None:
    """史记 inside 党史记忆 or 历史记录 is no 《史记》."""
    f = build_frame(topic, rh)
    assert f.work is None or f.work.title != "史记", f.explain()


def test_a_pupil_reads_the_analects_as_a_pupil(rh) -> None:
    f = build_frame("初中生读《论语》有感", rh)
    assert f.pupil and f.work is not None and f.work.title == "论语", f.explain()
    for seed in range(1, 4):
        body = "".join(compose(ComposeRequest(topic="初中生读《论语》有感", seed=seed), rhetoric=rh).body_paragraphs())
        assert "《论语》" in body and "工作" not in body and "干部" not in body, seed


def test_ancient_books_take_no_year(rh) -> None:
    years = {t: rh.works[f"{t}:book"].year for t in TITLES}
    assert years == {"道德经": 0, "论语": 0, "孟子": 0, "传习录": 1518, "史记": 0}


OWN = {
    "读《道德经》心得体会": ["上善若水", "知足不辱", "治大国若烹小鲜", "九层之台", "自知者明"],
    "《论语》读后感": ["为政以德", "民无信不立", "学而时习之", "曾子", "孔文子", "先之劳之", "政者，正也", "里仁"],
    "读《孟子》有感": ["民为贵", "王何必曰利", "宋国", "生于忧患", "不违农时", "农时", "离娄", "乐民之乐"],
    "读《传习录》有感": ["徐爱", "知而不行，只是未知", "簿书讼狱", "省察克治", "种树", "陆原静"],
    "读《史记》有感": ["李陵之祸", "蔺相如", "三丈", "二十岁", "李广", "十五座城"],
    "学习《史记》心得": ["司马迁", "蔺相如", "商鞅", "李广", "廉颇", "五十金"],
}
# Slips found reading the first drafts (a doubled word, a measure word its noun does not take, 无一不是 for 没有一个是,
# 便于 for 便在, a resolve that opened on a condition after 我会)
WRONG = ["这便就是", "无一不是在", "便于这时", "难于名利", "难于诱惑", "难于私欲", "同同行", "一面书", "一本镜子",
         "偌大的大国", "先不打断", "三件比方", "乃件", "本应是滋味", "本该是乐趣", "就便", "问一想", "想一问",
         "是最要紧，", "既要别", "又别硬拔", "将公摆在", "个人的应得的", "我会分到", "我会同", "我要凡是",
         "我将凡是", "卷上中", "弄不懂老师的“知行合一”总", "打了个例子", "这把标准", "枝花开果", "枝叶叶",
         "又怕没有", "同样一样", "没做了多久", "繁杂繁忙", "他何曾", "难的在", "身先干", "心中生出",
         "断案中心中", "越是炼", "写信向赵王", "学蔺相如一样", "历史发生足迹", "核对一看", "问经手的人问",
         "把大局放下", "胜过再多", "自己先前面", "他当即赏了他", "我将说出去的", "又拿出担当", "一级部门",
         "一级集体", "民信之、百姓信任", "如今我们人民至上", "是为了世间", "又有一种光", "不去着实", "记进本子上",
         "写进待办清单上", "干起自己的工作上", "不用用完就扔", "于单位里", "于熟悉的",
         "就就是", "到一个月", "过月底", "记出当时", "刚开始学时心定", "忙于簿书", "忙于文书", "一项事前",
         "谁为害", "老子于第六十章", "不能政令"]


@pytest.mark.parametrize("topic", sorted(OWN))
def test_drafts_tell_the_classics_own_passages(tells_its_own, topic: str) -> None:
    tells_its_own(topic, OWN[topic], WRONG)


def test_a_teacher_reads_the_analects_as_a_teacher(rh) -> None:
    """A teacher's draft takes a teacher's passage (不愤不启, 有教无类, 闻斯行诸) and never the cadre's 民信为本
    (足兵, 台账) or 为政以德 (北辰, 当干部)."""
    taught, topic = 0, "教师读《论语》心得体会"
    for seed in range(1, 7):
        body = "".join(compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh).body_paragraphs())
        assert not [w for w in ("足兵", "台账", "北辰", "当干部") if w in body], seed
        taught += any(w in body for w in ("闻斯行诸", "不愤不启", "有教无类"))
    assert taught >= 4, taught  # the shared angles (见贤思齐, 学而时习, 先之劳之) fill the rest


def test_every_passage_of_the_classics_is_recorded_as_checked(rh, confirmed_rows) -> None:
    """Each angle's passage has a CONFIRMED row (docs/factcheck/works.tsv)."""
    rows = confirmed_rows("works.tsv")
    for title in TITLES:
        work = rh.works[f"{title}:book"]
        assert len(work.angles) >= 5 and {a.role for a in work.angles} >= {"thinking", "ability", "action"}
        for angle in work.angles:
            assert ("works/books-8.yaml", angle.detail[0][:20]) in rows, (title, angle.term)
