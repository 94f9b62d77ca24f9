"""The generator: structure, length, no repeats, true quotations, reproducibility, any topic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from xindegen.cli import main
from xindegen.compose.material import extract
from xindegen.compose.plan import compose, heading_sets, roles_for
from xindegen.compose.request import ComposeRequest
from xindegen.compose.rhetoric import load_rhetoric
from xindegen.compose.topics import core_of, match
from xindegen.outline_io import dumps_outline, load_outline

from .conftest import SEEDS

PACK_TOPICS = ["安全生产", "党纪学习教育", "师德师风", "读书分享会", "乡村振兴", "青年干部培训"]
FREE_TOPICS = ["数字政府建设", "学习贯彻全省经济工作会议精神心得体会", "人工智能赋能基层治理"]
TOPICS = PACK_TOPICS + FREE_TOPICS
_QUOTED = re.compile(r"“[^”]*”")


def sentences(text: str) -> list[str]:
    # Split after 。！？ unless inside a quotation.
    out, buf, depth = [], "", 0
    for ch in text:
        buf += ch
        depth += (ch == "“") - (ch == "”")
        if ch in "。！？" and depth == 0:
            out.append(buf)
            buf = ""
    return out + ([buf] if buf else [])


def body(outline) -> list[str]:
    return outline.body_paragraphs()


@pytest.fixture(scope="module")
def rhetoric():
    return load_rhetoric()


@pytest.mark.parametrize("topic", TOPICS)
def test_draft_has_the_genre_structure(rhetoric, topic: str) -> None:
    o = compose(ComposeRequest(topic=topic, seed=11), rhetoric=rhetoric)
    assert o.title and "{" not in o.title
    assert len(o.sections) == 3
    heads = [s.heading for s in o.sections]
    assert len(set(heads)) == 3 and len({len(h) for h in heads}) == 1, heads  # parallel: same length
    assert o.lead.paragraphs and o.closing.paragraphs
    for s in o.sections:
        assert s.quotes and all(q.source for q in s.quotes), s.heading
        joined = "".join(s.paragraphs)
        for q in s.quotes:
            assert q.text in joined
    text = "".join(body(o))
    assert not re.search(r"[{}]", text)
    assert "。。" not in text and "，。" not in text


@pytest.mark.parametrize("topic", TOPICS)
def test_no_sentence_repeats_within_a_draft(rhetoric, topic: str) -> None:
    for seed in range(5):
        o = compose(ComposeRequest(topic=topic, seed=seed, length=3000), rhetoric=rhetoric)
        all_sentences = [s for p in body(o) for s in sentences(p)]
        assert len(all_sentences) == len(set(all_sentences))


@pytest.mark.parametrize("length", [800, 1500, 3000])
@pytest.mark.parametrize("topic", ["安全生产", "数字政府建设", "党史学习教育"])
def test_length_within_ten_percent(rhetoric, topic: str, length: int) -> None:
    for seed in range(4):
        o = compose(ComposeRequest(topic=topic, seed=seed, length=length), rhetoric=rhetoric)
        assert abs(o.body_chars() - length) <= 0.1 * length, (seed, o.body_chars())


def test_quotations_come_from_the_bank_with_their_source(rhetoric) -> None:
    bank = {q.text: q.source for q in rhetoric.quotes}
    for topic in TOPICS:
        o = compose(ComposeRequest(topic=topic, seed=3), rhetoric=rhetoric)
        for q in o.all_quotes():
            assert bank[q.text] == q.source


def test_placeholders_only_where_allowed_and_can_be_left_out(rhetoric) -> None:
    with_ph = compose(ComposeRequest(topic="安全生产", seed=4), rhetoric=rhetoric)
    marks = re.findall(r"【[^】]*】", "".join(body(with_ph)))
    assert marks and all(("本人" in m or "本单位" in m or "本部门" in m or "本岗位" in m) for m in marks)
    without = compose(ComposeRequest(topic="安全生产", seed=4, placeholders=False), rhetoric=rhetoric)
    assert "【" not in "".join(body(without))


def test_same_seed_same_draft_and_other_seed_other_draft(rhetoric) -> None:
    a = compose(ComposeRequest(topic="作风建设", seed=42), rhetoric=rhetoric)
    b = compose(ComposeRequest(topic="作风建设", seed=42), rhetoric=rhetoric)
    c = compose(ComposeRequest(topic="作风建设", seed=43), rhetoric=rhetoric)
    assert dumps_outline(a) == dumps_outline(b) != dumps_outline(c)
    assert a.meta["seed"] == 42 and a.meta["family"] in rhetoric.families
    assert a.meta["packs"] == ["zuofeng_jianshe"] and a.meta["data"] == rhetoric.version()


def test_no_thirteen_character_run_copied_from_the_seeds(rhetoric) -> None:
    seed_text = re.sub(r"\s+", "", "".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")))
    grams = {seed_text[i:i + 13] for i in range(len(seed_text) - 12)}
    for topic in TOPICS:
        for seed in range(3):
            o = compose(ComposeRequest(topic=topic, seed=seed, length=2500), rhetoric=rhetoric)
            text = _QUOTED.sub("“”", "".join(body(o)) + "".join(s.heading or "" for s in o.sections))
            copied = [text[i:i + 13] for i in range(len(text) - 12) if text[i:i + 13] in grams]
            assert not copied, (topic, copied[:3])


@pytest.mark.parametrize("topic,pack", [
    ("安全生产月活动心得体会", "anquan_shengchan"),
    ("廉洁自律警示教育大会", "jingshi_jiaoyu"),
    ("整治形式主义为基层减负", "zuofeng_jianshe"),
    ("新教师岗前培训", "shide_shifeng"),
    ("学雷锋志愿服务活动", "zhiyuan_fuwu"),
    ("数字政府建设", None),
    ("人工智能赋能基层治理", None),
])
def test_topics_find_their_pack_by_meaning(rhetoric, topic: str, pack: str | None) -> None:
    fit = match(topic, rhetoric)
    assert (fit.pack.key if fit.pack else None) == pack


def test_topic_core_drops_occasion_words() -> None:
    assert core_of("学习贯彻全省经济工作会议精神心得体会") == "全省经济工作会议精神"
    assert core_of("数字政府建设") == "数字政府建设"


def test_sections_option_and_roles(rhetoric) -> None:
    assert roles_for(3) == ["thinking", "ability", "action"]
    assert roles_for(5)[0] == "thinking" and roles_for(5)[-1] == "action"
    o = compose(ComposeRequest(topic="乡村振兴", seed=1, sections=4), rhetoric=rhetoric)
    assert len(o.sections) == 4 and len({s.heading for s in o.sections}) == 4


def test_heading_sets_are_parallel_and_distinct(rhetoric) -> None:
    sets = heading_sets("安全生产", 10, seed=5, rhetoric=rhetoric)
    assert len(sets) == 10 and len({tuple(h) for _, h in sets}) == 10
    for _, heads in sets:
        assert len({len(h) for h in heads}) == 1
    only = heading_sets("安全生产", 3, family="gongfu", seed=5, rhetoric=rhetoric)
    assert {name for name, _ in only} == {"gongfu"}


MATERIAL = """关于做好今冬明春安全生产工作的通知
各部门要把安全生产摆在更加突出的位置，压紧压实各级安全生产责任。
要深入开展隐患排查整治，对排查出的问题建立台账、限期整改、闭环管理。
要加强应急值守和应急演练，确保一旦发生险情能够快速响应、科学处置。
各部门主要负责同志要亲自部署、亲自检查，切实把安全生产责任落到每个岗位。
"""


def test_material_sentences_are_cited_verbatim_with_their_source(rhetoric) -> None:
    mat = extract(MATERIAL, "通知.txt")
    assert mat.name == "《关于做好今冬明春安全生产工作的通知》"
    assert mat.sentences and all(s in MATERIAL for s in mat.sentences)
    o = compose(ComposeRequest(topic="安全生产", seed=2, material=mat), rhetoric=rhetoric)
    text = "".join(body(o))
    cited = [q for q in o.all_quotes() if q.source == mat.name]
    assert cited and all(q.text in MATERIAL and f"“{q.text}" in text for q in cited)
    assert o.meta["material"] == "通知.txt"


# ---- CLI ----------------------------------------------------------------------------------------

def test_new_yaml_then_render_reproduces_new_markdown(tmp_path: Path) -> None:
    r = CliRunner()
    args = ["new", "--topic", "保密教育", "--seed", "9", "--length", "1200"]
    assert r.invoke(main, [*args, "-o", str(tmp_path / "d.yaml")]).exit_code == 0
    assert r.invoke(main, [*args, "-o", str(tmp_path / "d.md")]).exit_code == 0
    assert r.invoke(main, ["render", str(tmp_path / "d.yaml"), "-o", str(tmp_path / "r.md")]).exit_code == 0
    assert (tmp_path / "r.md").read_text(encoding="utf-8") == (tmp_path / "d.md").read_text(encoding="utf-8")
    assert load_outline(tmp_path / "d.yaml").meta["seed"] == 9


def test_new_without_seed_records_a_fresh_one(tmp_path: Path) -> None:
    r = CliRunner()
    for name in ("a.yaml", "b.yaml"):
        assert r.invoke(main, ["new", "-t", "读书", "-o", str(tmp_path / name)]).exit_code == 0
    seeds = {load_outline(tmp_path / n).meta["seed"] for n in ("a.yaml", "b.yaml")}
    assert len(seeds) == 2


def test_new_prints_markdown_without_output_option() -> None:
    res = CliRunner().invoke(main, ["new", "-t", "志愿服务", "--seed", "1"])
    assert res.exit_code == 0 and res.output.startswith("# ") and "## 一、" in res.output


@pytest.mark.parametrize("args,code,message", [
    # a value the data does not have: a domain error (exit 1) that lists what there is
    (["--family", "nosuch"], 1, "错误：没有名为“nosuch”的小标题族，可用：bawei、biyu、buzou、"),
    # a value out of the option's range: a usage error (exit 2) from click, in Chinese
    (["--length", "50"], 2, "错误：'--length' 的值无效：50 不在 500<=x<=5000 范围内。"),
    # a file that is not there: exit 1, naming it
    (["--material", "missing.txt"], 1, "错误：missing.txt: 文件不存在"),
])
def test_new_bad_options_fail_cleanly(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    out = tmp_path / "x.md"
    res = CliRunner().invoke(main, ["new", "-t", "安全生产", "-o", str(out), *args])
    assert res.exit_code == code, res.output
    assert message in res.stderr and "Traceback" not in res.output
    assert (code == 2) == res.stderr.startswith("用法: ")  # only a usage error shows the usage line
    assert not out.exists()


def test_new_refuses_to_overwrite_before_composing(tmp_path: Path) -> None:
    out = tmp_path / "x.md"
    out.write_text("mine", encoding="utf-8")
    res = CliRunner().invoke(main, ["new", "-t", "安全生产", "-o", str(out)])
    assert res.exit_code == 1 and "--overwrite" in res.output
    assert out.read_text(encoding="utf-8") == "mine"


def test_headings_command_lists_one_set_per_line() -> None:
    res = CliRunner().invoke(main, ["headings", "-t", "师德师风", "-n", "4", "--seed", "3"])
    lines = res.output.strip().splitlines()
    assert res.exit_code == 0 and len(lines) == 4 and all(line.count(" / ") == 2 for line in lines)


def test_new_on_material_docx(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    for line in MATERIAL.splitlines():
        doc.add_paragraph(line)
    doc.save(str(tmp_path / "m.docx"))
    res = CliRunner().invoke(main, ["new", "-t", "安全生产", "--seed", "1", "--material",
                                    str(tmp_path / "m.docx"), "-o", str(tmp_path / "d.yaml")])
    assert res.exit_code == 0, res.output
    quotes = load_outline(tmp_path / "d.yaml").all_quotes()
    assert any(q.source == "《关于做好今冬明春安全生产工作的通知》" for q in quotes)

