"""A pupil writes: who the writer is (frame.pupil_writes), what a pupil's draft leaves out (work words),
the pupils' reading pack, and the works' `readers` field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from xindegen.cli import main
from xindegen.compose.frame import PUPIL_BOOKS, build_frame, genre_pack, pupil_writes
from xindegen.compose.plan import compose
from xindegen.compose.request import ComposeRequest
from xindegen.model import Outline

# Words of a working adult's life, as a teacher marking a pupil's essay would strike them.
ADULT_WORDS = re.compile(r"工作|岗位|干部|履职|职工|员工|同事|同志|单位|业务|本职|机关|党员|党组织|群众")



# topic → whether a pupil writes it
PHRASINGS = [
    # a book pupils are the usual readers of, or a pupil named
    ("读《草房子》有感", True),
    ("《草房子》读后感", True),
    ("读《城南旧事》有感", True),
    ("读《西游记》有感", True),
    ("小学生读《西游记》读后感", True),
    ("初中生读《骆驼祥子》有感", True),
    ("读《骆驼祥子》有感", True),
    ("读《钢铁是怎样炼成的》有感", True),
    ("《海底两万里》读后感", True),
    ("读《小王子》有感", True),
    ("读《昆虫记》读后感", True),
    ("初二学生读《红星照耀中国》心得", True),  # an adults' book, but the pupil says who writes
    ("高中生读《乡土中国》心得", True),
    ("五年级读《简·爱》读后感", True),
    ("暑假读《三国演义》有感", True),
    ("寒假读书心得", True),
    ("小学生读书心得", True),
    ("中学生课外阅读心得体会", True),
    ("开学第一课观后感（小学生）", True),
    ("初中生研学旅行心得", True),
    ("升旗仪式有感（三年级）", True),
    ("学校运动会有感", True),  # a school event written up as an essay
    ("少先队入队仪式心得", True),
    # an adult, or a book adults usually write about
    ("教师读《草房子》有感", False),
    ("读《骆驼祥子》有感（语文老师）", False),
    ("读《红岩》有感", False),
    ("读《红星照耀中国》心得体会", False),
    ("读《平凡的世界》心得体会", False),
    ("读《习近平的七年知青岁月》有感", False),
    ("党员读《红岩》心得", False),
    ("读书活动心得体会", False),
    ("大学生实习心得", False),
    ("新生军训心得体会", False),
    ("公司运动会总结", False),
    ("安全生产培训心得体会", False),
    ("学习党的二十届三中全会精神心得体会", False),
    ("整本书阅读教学心得（教师）", False),
    ("班主任工作心得", False),
    ("观看电影《长津湖》观后感", False),
    ("学生资助政策宣传心得", False),  # pupils are what the work is for, not who writes
    ("落实双减减轻学生课业负担心得", False),
    ("中学生学农实践活动心得", True),
    ("初一新生军训心得体会", True),  # a grade names the pupil
    ("高一新生军训心得体会", True),
    ("七年级军训有感", True),
    ("大学新生军训心得", False),
    ("大年初一走亲戚感想", False),  # a day, not a grade
    ("赴北京高校研学营心得", True),  # a university the trip goes to is no writer
    ("走进名校研学之旅有感", True),
    ("大学生暑期研学心得", False),
    ("教师赴高校研学心得", False),
    ("初中生当班长的感想", True),
    ("学校秋季运动会参赛心得", True),  # a school's games day
    ("初中生参加校运会的感想", True),
    ("公司秋季运动会总结", False),
]


def test_there_are_thirty_phrasings_of_each_writer_at_least() -> None:
    assert len(PHRASINGS) >= 30 and {w for _, w in PHRASINGS} == {True, False}


@pytest.mark.parametrize(("topic", "pupil"), PHRASINGS)
def test_the_frame_says_whether_a_pupil_writes(rh, topic: str, pupil: bool) -> None:
    f = build_frame(topic, rh)
    assert f.pupil is pupil, f.explain()
    assert ("pupil" in f.explain()) is pupil  # an adult's frame reads as it always did


def test_pupil_writes_reads_the_topic_and_the_work(rh) -> None:
    caofangzi, hongyan = rh.works["草房子:book"], rh.works["红岩:book"]
    assert caofangzi.readers == ("学生",) and hongyan.readers[0] == "成人"
    assert pupil_writes("读《草房子》心得", caofangzi) and not pupil_writes("读《红岩》心得", hongyan)
    assert pupil_writes("初中生读《红岩》心得", hongyan)
    assert not pupil_writes("读《乡村教师》有感")  # a title names a book, not its reader


@pytest.mark.parametrize("topic", ["读《草房子》有感", "小学生读《西游记》读后感", "初中生读《骆驼祥子》有感",
                                   "读《钢铁是怎样炼成的》有感", "暑假读《三国演义》有感", "小学生读书心得",
                                   "初二学生读《红星照耀中国》心得", "开学第一课观后感（小学生）"])
def test_a_pupils_draft_holds_no_work_words(rh, topic: str) -> None:
    for seed in range(4):
        draft = compose(ComposeRequest(topic=topic, seed=seed, length=1500), rhetoric=rh)
        text = "\n".join([draft.title, draft.subtitle or "", *draft.lead.paragraphs,
                          *(h for s in draft.sections for h in (s.heading, *s.paragraphs)),
                          *draft.closing.paragraphs])
        assert not ADULT_WORDS.findall(text), (seed, ADULT_WORDS.findall(text))
        assert len(re.sub(r"\s", "", text)) > 1200  # nothing dropped that the draft could not make up for


def test_the_same_book_for_an_adult_keeps_the_adults_reading(rh) -> None:
    """The filter is a pupil's only: a teacher's 读《草房子》 is written as it always was."""
    f = build_frame("教师读《草房子》有感", rh)
    assert not f.pupil and f.pack is not None and f.pack.key != PUPIL_BOOKS
    text = "".join(p for s in compose(ComposeRequest(topic="读《红岩》有感", seed=1), rhetoric=rh).sections
                   for p in s.paragraphs)
    assert ADULT_WORDS.search(text)  # 读《红岩》有感 is a cadre's: 党员, 同志 and work stay in it


def test_a_pupils_book_draft_stays_about_the_book(rh) -> None:
    work = rh.works["草房子:book"]
    names = (work.title, *work.people)
    for seed in range(4):
        draft = compose(ComposeRequest(topic="读《草房子》有感", seed=seed, length=1500), rhetoric=rh)
        assert draft.meta["frame"]["pack"] == PUPIL_BOOKS and draft.meta["frame"]["pupil"] is True
        assert "《草房子》" in "".join(draft.lead.paragraphs)
        for section in draft.sections:  # each section opens on the book: its people, or its title
            assert any(n in section.paragraphs[0] for n in names), (seed, section.heading, section.paragraphs[0])
        angles = draft.meta["angles"]
        assert sum(a.startswith("work:草房子") for a in angles) >= 2
        assert not any(a.startswith("kind:") for a in angles)  # the kind's are an adult's reading


def test_the_pupils_pack_is_nobody_elses_genre(rh) -> None:
    for work in rh.works.values():
        if work.kind == "book":
            pack = genre_pack(work, rh)
            assert pack is None or pack.key != PUPIL_BOOKS, work.title
    assert build_frame("读书活动心得体会", rh).pack.key == "dushu"
    assert build_frame("小学生读书心得", rh).pack.key == PUPIL_BOOKS


def test_explain_names_the_pupil_writer(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["new", "--topic", "读《草房子》有感", "--seed", "1", "--explain",
                                    "-o", str(tmp_path / "a.md")])
    assert res.exit_code == 0, res.output
    assert "作者：学生" in res.output
    res = CliRunner().invoke(main, ["new", "--topic", "读《红岩》有感", "--seed", "1", "--explain",
                                    "-o", str(tmp_path / "b.md")])
    assert res.exit_code == 0 and "作者：" not in res.output


WORK = """version: 2
works:
  - title: 测试之书
    kind: book
    year: 2020
    readers: [少年]
    about: 讲述了一个测试的故事
    themes: [读书]
    source: 测试
    angles:
      - term: 读书意识
        role: thinking
        themes: [读书]
        detail: [书里有一处细节]
        claim: [读书使人明理]
        why: [读书使人明理的道理]
        resolve: [多读好书]
      - term: 读书能力
        role: ability
        themes: [读书]
        detail: [书里有一处细节]
        claim: [读书使人明理]
        why: [读书使人明理的道理]
        resolve: [多读好书]
      - term: 读书行动
        role: action
        themes: [读书]
        detail: [书里有一处细节]
        claim: [读书使人明理]
        why: [读书使人明理的道理]
        resolve: [多读好书]
"""


def test_readers_are_checked_with_their_line(tmp_path: Path) -> None:
    (tmp_path / "works").mkdir()
    (tmp_path / "works" / "ceshi.yaml").write_text(WORK, encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    assert res.exit_code == 1
    assert f"{tmp_path / 'works' / 'ceshi.yaml'}:6: works[0].readers[0]: 读者应为 学生 / 成人 之一，而不是“少年”" \
        in res.output
    assert "Traceback" not in res.output
    (tmp_path / "works" / "ceshi.yaml").write_text(WORK.replace("[少年]", "[学生, 成人]"), encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    assert res.exit_code == 0, res.output


def test_a_reading_takes_no_seasons_focus(rh) -> None:
    """寒假读书 is reading in the winter holidays, not winter safety (煤炉, 冰面) — for a pupil or an adult."""
    for topic in ("寒假读书心得", "冬季读书活动心得"):
        f = build_frame(topic, rh)
        assert f.pack is not None and f.pack.kind == "book" and f.focus is None, f.explain()
    assert build_frame("冬季安全教育心得", rh).focus is not None  # the focus itself is still found


# What a university freshman's training has and a pupil's has not: university life and majors, the
# universities' enlistment policy, two or three weeks, the provisions for 普通高等学校.
FRESHMAN_WORDS = re.compile(r"大学|专业|参军|入伍|兵役|两三周|高等学校|军事理论|五湖四海|天南海北")
PUPIL_TERMS = {"国防意识", "自立能力", "习惯养成", "学业衔接"}
# what only a pupil's draft says (国防意识 is a freshman's word too)
PUPIL_ONLY = ("自立能力", "习惯养成", "学业衔接", "升入新学校", "新学段", "好少年", "班集体")


def _text(draft: Outline) -> str:
    return "\n".join([draft.title, draft.subtitle or "", *draft.lead.paragraphs,
                      *(h for s in draft.sections for h in (s.heading, *s.paragraphs)), *draft.closing.paragraphs])


@pytest.mark.parametrize("topic", ["初一新生军训心得体会", "高一新生军训心得体会", "七年级军训有感", "初中军训心得"])
def test_a_pupils_military_training_is_no_freshmans(rh, topic: str) -> None:
    f = build_frame(topic, rh)
    assert f.pupil and f.pack is not None and f.pack.key == "junxun", f.explain()
    for seed in range(6):
        draft = compose(ComposeRequest(topic=topic, seed=seed, length=1500), rhetoric=rh)
        text = _text(draft)
        assert not FRESHMAN_WORDS.findall(text), (seed, FRESHMAN_WORDS.findall(text))
        assert not ADULT_WORDS.findall(text), (seed, ADULT_WORDS.findall(text))
        assert len(re.sub(r"\s", "", text)) > 1200


def test_a_freshmans_military_training_keeps_its_university(rh) -> None:
    """大学新生军训心得 is written as before: the pack's university lines and angles, none of a pupil's."""
    pack = rh.packs["junxun"]
    pupil_lines = [x.text for x in pack.only if x.when]
    assert pupil_lines and all(not pack.fits(x, "大学新生军训心得") for x in pupil_lines)
    assert all(pack.fits(x, "初一新生军训心得体会") for x in pupil_lines)
    assert {a.term for a in pack.angles if a.when} == PUPIL_TERMS
    university = ""
    for seed in range(6):
        f = build_frame("大学新生军训心得", rh)
        assert not f.pupil and f.pack is not None and f.pack.key == "junxun"
        text = _text(compose(ComposeRequest(topic="大学新生军训心得", seed=seed, length=1500), rhetoric=rh))
        assert not any(w in text for w in PUPIL_ONLY), seed
        university += text
    assert re.search(r"大学(生活|学习)|走进大学|大学生", university)
