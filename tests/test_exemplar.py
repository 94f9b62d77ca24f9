"""Write one like an essay you admire (new --like), and learn heading families from essays (learn)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from xindegen.cli import main
from xindegen.compose.exemplar import family_of, frame_of, load_exemplar
from xindegen.compose.plan import compose
from xindegen.compose.request import ComposeRequest
from xindegen.outline_io import load_outline

from .conftest import ROOT

BUZOU = ROOT / "outlines" / "000_b8ded8fac696b6d5-02.yaml"  # 把好方向，抓住关键少数“不走偏” …


# Essays written for these tests, in three frames real essays use; their prose is ours.
def essay(title: str, lead: str, heads: list[str]) -> str:
    body = "\n".join(f"{h}\n{'这一部分围绕小标题展开论述，结合工作实际谈认识和做法。' * 4}" for h in heads)
    return f"{title}\n{lead}\n{body}\n总之，要把学习成果转化为推动工作的实际成效。\n"


FRAMES = {
    "zaiyy": (["一、“贵”在经常", "二、“重”在认真", "三、“要”在担当"], r"^“.”在..$"),
    "koujue": (["一、念好“学”字诀，思想认识深入人心", "二、念好“练”字诀，能力本领稳步提升",
                "三、念好“干”字诀，工作落实取得实效"], r"^念好“.”字诀，.{8}$"),
    "gongfu": (["一、在学懂上下功夫", "二、在弄通上下功夫", "三、在做实上下功夫"], r"^在(..|....)上下功夫$"),
}



def test_the_issue_example_gives_buzou_headings_about_the_topic(rh) -> None:
    res = CliRunner().invoke(main, ["new", "--topic", "网络安全", "--like", str(BUZOU), "--seed", "3", "--explain"])
    assert res.exit_code == 0, res.output
    heads = [line[5:] for line in res.stdout.splitlines() if line.startswith("## ")]
    assert len(heads) == 3 and len({len(h) for h in heads}) == 1
    assert [h[-5:] for h in heads] == ["“不走偏”", "“不走空”", "“不走样”"]
    terms = {a.term for a in rh.packs["wangluo_anquan"].angles}
    assert all(any(t in h for t in terms) for h in heads), heads  # about 网络安全, not the exemplar's topic
    assert "仿照：000_b8ded8fac696b6d5-02.yaml" in res.stderr and "小标题句式：" in res.stderr


@pytest.mark.parametrize("name", FRAMES)
def test_an_essay_in_another_frame_gives_headings_in_that_frame(tmp_path: Path, rh, name: str) -> None:
    heads, frame = FRAMES[name]
    path = tmp_path / f"{name}.txt"
    path.write_text(essay("以“实”字当头推动工作落实", "近日，单位组织了专题学习。", heads), encoding="utf-8")
    shape = load_exemplar(path, None, rh)
    assert shape.family is not None and shape.sections == 3, shape.notes
    for topic in ("安全生产", "垃圾分类"):
        o = compose(ComposeRequest(topic=topic, seed=4, like=shape, sections=3), rhetoric=rh)
        got = [s.heading or "" for s in o.sections]
        assert all(re.match(frame, h) for h in got), got
        assert len(set(got)) == 3 and got != [re.sub(r"^.、", "", h) for h in heads]  # filled anew, not copied
        assert o.meta["like"]["source"] == f"{name}.txt"


def test_no_thirteen_characters_of_the_exemplars_prose_reach_the_draft(rh) -> None:
    exemplar = load_outline(BUZOU)
    prose = re.sub(r"“[^”]*”", "\x00", "".join(exemplar.body_paragraphs()))
    grams = {prose[i:i + 13] for i in range(len(prose) - 12) if "\x00" not in prose[i:i + 13]}
    shape = load_exemplar(BUZOU, None, rh)
    for topic, seed in (("网络安全", 1), ("党纪学习教育", 2), ("防溺水", 3)):
        o = compose(ComposeRequest(topic=topic, seed=seed, like=shape, length=shape.length), rhetoric=rh)
        text = re.sub(r"“[^”]*”", "\x00", "".join(o.body_paragraphs()) + "".join(s.heading or "" for s in o.sections))
        assert not [text[i:i + 13] for i in range(len(text) - 12) if text[i:i + 13] in grams]


def test_the_shape_is_taken_lead_length_sections_and_title(rh, tmp_path: Path) -> None:
    path = tmp_path / "q.txt"
    heads = ["一、提高站位，筑牢思想防线", "二、苦练内功，提升专业素养"]
    path.write_text(essay("守住“底线”", "“千里之行，始于足下。”做好工作要从小事做起。", heads), encoding="utf-8")
    shape = load_exemplar(path, None, rh)
    assert (shape.sections, shape.lead, shape.quoted_title) == (2, "quote", True)
    o = compose(ComposeRequest(topic="档案工作", seed=5, like=shape, sections=shape.sections, length=900), rhetoric=rh)
    assert len(o.sections) == 2 and "“" in o.title
    assert o.lead.paragraphs[0].startswith(("“", "《")) or o.lead.quote is not None  # it opens with a quotation


def test_headings_that_are_not_parallel_are_reported_not_guessed(rh) -> None:
    assert frame_of(["发挥党员作用，转化工作优势", "警惕形式主义"]) is None
    assert frame_of(["在学懂上下功夫", "在做实上下大功夫"]) is None  # the set would not stay parallel
    reason = family_of(["发挥党员作用，转化工作优势", "警惕形式主义，破除防控阻碍"], "x", "x", rh)
    assert isinstance(reason, str) and "照抄范文" in reason


def test_a_collection_takes_essay_n_and_refuses_a_missing_one(tmp_path: Path) -> None:
    seed = ROOT / "seeds" / "000_b8ded8fac696b6d5.txt"
    res = CliRunner().invoke(main, ["new", "-t", "网络安全", "--like", str(seed), "--essay", "2", "--seed", "1"])
    assert res.exit_code == 0 and "“不走偏”" in res.stdout
    res = CliRunner().invoke(main, ["new", "-t", "网络安全", "--like", str(seed), "--essay", "9", "-o",
                                    str(tmp_path / "x.md")])
    assert res.exit_code == 1 and "没有第 9 篇" in res.stderr and not (tmp_path / "x.md").exists()


def test_learn_writes_data_that_check_accepts_and_new_uses(tmp_path: Path) -> None:
    essays = tmp_path / "范文"
    essays.mkdir()
    for name, (heads, _frame) in FRAMES.items():
        (essays / f"{name}.txt").write_text(essay(f"学习心得（{name}）", "近日参加了学习。", heads), encoding="utf-8")
    loose = essay("心得", "近日。", ["一、发挥作用，转化优势", "二、警惕风险"])
    (essays / "free.txt").write_text(loose, encoding="utf-8")
    out = tmp_path / "语料"
    res = CliRunner().invoke(main, ["learn", *map(str, sorted(essays.iterdir())), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "未学：free.txt" in res.stderr  # not parallel: reported
    learned = (out / "families.yaml").read_text(encoding="utf-8")
    assert learned.count("- name: learned-") == 3 and "source: koujue.txt" in learned
    assert CliRunner().invoke(main, ["data", "check", str(out)]).exit_code == 0
    res = CliRunner().invoke(main, ["learn", str(essays / "gongfu.txt"), "-o", str(out)])
    assert res.exit_code == 1 and "--overwrite" in res.output  # never overwritten unasked
    for n in (1, 2, 3):
        res = CliRunner().invoke(main, ["new", "-t", "保密教育", "--data-dir", str(out), "--family", f"learned-{n}",
                                        "--seed", "2"])
        assert res.exit_code == 0, res.output
        heads = [line[5:] for line in res.stdout.splitlines() if line.startswith("## ")]
        assert any(all(re.match(f, h) for h in heads) for _h, f in FRAMES.values()), heads
