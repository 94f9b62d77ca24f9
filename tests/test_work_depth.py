"""A known work's angles carry their own reasons and the writer's own failing that each answers, so
that a draft about a work stays on the work instead of filling up with sentences that fit any film."""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.test_pupils import WORK
from xindegen.cli import main
from xindegen.compose.frame import build_frame
from xindegen.compose.plan import compose
from xindegen.compose.request import ComposeRequest
from xindegen.text import count_chars, split_sentences

PAIR = """        pairs:
          - problem: 读书时走马观花
            measure: 每读一章写几句心得
"""


def test_a_work_angle_takes_one_pair_and_no_fewer(tmp_path: Path) -> None:
    f = tmp_path / "works" / "ceshi.yaml"
    f.parent.mkdir()
    resolve = "        resolve: [多读好书]\n"
    one = WORK.replace("[少年]", "[成人]").replace(resolve, resolve + PAIR, 1)
    f.write_text(one, encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    assert res.exit_code == 0, res.output
    f.write_text(one.replace(PAIR, "        pairs: []\n"), encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    assert res.exit_code == 1
    assert f"{f}:18: works[0].angles[0].pairs: 至少需要 1 对 problem / measure" in res.output



def _self_exams(section_text: str, problems: list[str]) -> list[str]:
    return [p for p in problems if re.search(p, section_text)]


@pytest.mark.parametrize("topic", ["观看电影《建国大业》观后感", "参观井冈山革命博物馆心得体会"])
@pytest.mark.parametrize("seed", range(6))
def test_a_known_work_examines_the_writer_on_its_own_scenes(rh, topic: str, seed: int) -> None:
    """Every angle of 《建国大业》 and of 井冈山 carries the writer's own failing: a section's self-examination
    is one of them (never a general one), at most one for each of the section's two scenes, and never
    the one its closing resolve already answers."""
    work = build_frame(topic, rh).work
    assert work is not None
    problems = [pair.problem for a in work.angles for pair in a.pairs]
    assert len(problems) >= len(work.angles) >= 4
    out = compose(ComposeRequest(topic=topic, seed=seed, length=1500))
    body = count_chars("".join([*out.lead.paragraphs, *(p for s in out.sections for p in s.paragraphs),
                                *out.closing.paragraphs, *(s.heading or "" for s in out.sections)]))
    assert 1350 <= body <= 1650
    angles = {a.term: a for a in work.angles}
    found = 0
    for section, origin in zip(out.sections, out.meta["angles"], strict=True):
        own = angles[origin.split("#")[1]]
        text = "".join(section.paragraphs)
        exams = [p for p in section.paragraphs if re.search(r"(也|身上)(有|存在).{0,8}[：:]", p)]
        assert len(exams) <= 2, exams
        assert len({tuple(_self_exams(p, problems)) for p in exams}) == len(exams), exams  # each its own
        for para in exams:  # the failing is the work's own, not one that fits any film
            assert _self_exams(para, problems), para
            if any(re.search(r, section.paragraphs[-1]) for r in own.resolve):
                assert not _self_exams(para, [pair.problem for pair in own.pairs]), para
        found += len(exams)
        assert "【" not in text
    assert found >= 1


@pytest.mark.parametrize("topic", ["参观井冈山革命博物馆心得体会", "学习张桂梅同志先进事迹心得体会"])
def test_a_known_site_or_person_grows_its_paragraphs_and_asks_for_no_example(rh, topic: str) -> None:
    """The bank knows the site's and the person's stories: no 【…】 example asked, and a further reason
    joins its paragraph instead of standing alone as a one-sentence paragraph."""
    for seed in range(6):
        out = compose(ComposeRequest(topic=topic, seed=seed, length=1500))
        for section in out.sections:
            assert not any("【" in p for p in section.paragraphs)
            lone = [p for p in section.paragraphs[:-1] if len(split_sentences(p)) == 1]
            assert not lone, (seed, lone)


@pytest.mark.parametrize("topic, said", [
    ("观看电影《上甘岭》观后感", "《上甘岭》"),
    ("读《平凡的世界》有感", "《平凡的世界》"),
    ("参观红岩革命纪念馆心得体会", "这次参观"),
    ("学习黄文秀同志先进事迹心得体会", "黄文秀同志的事迹"),
])
def test_a_known_works_closing_sums_up_its_own_sections(topic: str, said: str, rh) -> None:  # type: ignore[no-untyped-def]
    # An editor strikes "观影结束以后，画面挥之不去" as fitting any film; a closing that names what this
    # draft's sections took from the work, and a resolve of the first section's angle, stays.
    for seed in (1, 2, 3):
        o = compose(ComposeRequest(topic=topic, seed=seed, length=1500), rhetoric=rh)
        closing = "".join(o.closing.paragraphs)
        terms = [a.term for a in build_frame(topic, rh).work.angles]  # type: ignore[union-attr]
        named = [t for t in terms if t in closing]
        assert closing.count(said) == 1 and len(named) == 3, closing
        assert "挥之不去" not in closing and "久久回响" not in closing


def test_a_thin_work_is_told_short_rather_than_padded_with_the_genre(rh) -> None:
    """Raters struck every paragraph that fits any film (理想、家国、观影不能只看热闹) a thin work's draft was
    padded with: the draft takes second angles from the work (or its genre's pack, none here), and says on
    stderr when it falls short."""
    films = [w for w in rh.works.values()
             if w.kind == "film" and build_frame(f"观看电影《{w.title}》心得体会", rh).pack is None]
    thin = min(films, key=lambda w: (len(w.angles), w.title))
    topic = f"观看电影《{thin.title}》心得体会"
    for seed in range(1, 5):
        o = compose(ComposeRequest(topic=topic, seed=seed, length=2500), rhetoric=rh)
        assert all(a.startswith("work:") for a in o.meta["angles"] + o.meta["second"]), o.meta
    res = CliRunner().invoke(main, ["new", "--topic", topic, "--seed", "1", "--length", "2500", "--format", "txt"])
    assert res.exit_code == 0
    assert "可用的素材只够写" in res.stderr, res.stderr
