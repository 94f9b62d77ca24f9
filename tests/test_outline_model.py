"""Outline model: YAML round trip, readable dumps, validation with line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
import yaml

from xindegen import Closing, Lead, Outline, OutlineError, Quote, Section
from xindegen.outline_io import (
    dumps_outline,
    load_outline,
    loads_outline,
    loads_outlines,
)

from .conftest import SAMPLE

# Any text a person could type or paste, except lone surrogates (not encodable as UTF-8).
text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)
nonblank = text.filter(lambda s: s.strip() != "")
opt_text = st.none() | text
quote = st.builds(Quote, text=nonblank, source=opt_text)
paragraphs = st.lists(nonblank, max_size=4)
json_scalar = st.none() | st.booleans() | st.integers() | text | st.floats(allow_nan=False)
meta = st.dictionaries(st.text(min_size=1, max_size=10), json_scalar | st.lists(json_scalar, max_size=3), max_size=4)

outlines = st.builds(
    Outline,
    title=nonblank,
    subtitle=opt_text,
    topic=opt_text,
    lead=st.builds(Lead, quote=st.none() | quote, paragraphs=paragraphs, quotes=st.lists(quote, max_size=2)),
    sections=st.lists(st.builds(Section, paragraphs=paragraphs, heading=opt_text, tag=opt_text,
                                quotes=st.lists(quote, max_size=2)), max_size=4),
    closing=st.builds(Closing, paragraphs=paragraphs, quotes=st.lists(quote, max_size=2)),
    author=opt_text,
    unit=opt_text,
    date=opt_text,
    meta=meta,
)


@settings(max_examples=300, deadline=None)
@given(outlines)
def test_dump_then_load_gives_the_same_outline(outline: Outline) -> None:
    assert loads_outline(dumps_outline(outline)) == outline


def test_sample_round_trips_and_dump_is_readable() -> None:
    outline = load_outline(SAMPLE)
    dumped = dumps_outline(outline)
    assert loads_outline(dumped) == outline
    assert "\\u" not in dumped and "守牢安全“底线”" in dumped  # characters, not escapes
    keys = [line.split(":")[0] for line in dumped.splitlines() if line and not line.startswith(" ")]
    assert keys == ["schema", "title", "subtitle", "topic", "lead", "sections", "closing", "meta"]
    # A long paragraph stays on one line, as a person wrote it, not folded or quoted.
    first = outline.lead.paragraphs[0]
    assert f"    - {first}\n" in dumped
    assert "{" not in dumped  # block style throughout
    # The lead's and the closing's quotation lists are optional: written only when they hold some.
    assert "\n  quotes:" not in dumped.split("sections:")[0] and "quotes" not in dumped.split("closing:")[1]


def test_multiline_text_is_a_literal_block() -> None:
    outline = Outline(title="标题", closing=Closing(["第一行\n第二行"]))
    dumped = dumps_outline(outline)
    assert "|-\n" in dumped and "第一行\n" in dumped
    assert loads_outline(dumped) == outline


def _problems(text: str) -> list[str]:
    with pytest.raises(OutlineError) as info:
        loads_outline(text, "bad.yaml")
    return info.value.lines()


def test_all_problems_reported_with_lines() -> None:
    lines = _problems(
        "schema: xindegen.outline/1\n"      # 1
        "subtitle: null\n"                   # 2
        "sections:\n"                        # 3
        "  - heading: 一\n"                  # 4
        "    paragraphs: 这不是列表\n"        # 5
        "  - heading: 二\n"                  # 6
        "    paragraphs: [好]\n"             # 7
        "    colour: red\n"                  # 8
    )
    assert lines == [
        "bad.yaml:1: title: 缺少必填字段",
        "bad.yaml:5: sections[0].paragraphs: 应为列表（每段一项，以“- ”开头），实际是文字",
        "bad.yaml:8: sections[1].colour: 未知字段（可用字段：heading, tag, quotes, paragraphs）",
    ]


def test_wrong_types_and_empty_values() -> None:
    lines = _problems(
        "title: ''\n"
        "lead:\n"
        "  quote: {source: 某书}\n"
        "  paragraphs: [' ', 3]\n"
        "closing: [结尾]\n"
        "meta: 1\n"
    )
    assert lines == [
        "bad.yaml:1: title: 不能为空",
        "bad.yaml:3: lead.quote.text: 缺少必填字段",
        "bad.yaml:4: lead.paragraphs[0]: 段落不能为空",
        "bad.yaml:4: lead.paragraphs[1]: 段落应为文字，实际是数字",
        "bad.yaml:5: closing: 应为映射（键: 值），实际是列表",
        "bad.yaml:6: meta: 应为映射，实际是数字",
    ]


def test_python_tags_are_refused_without_running(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    lines = _problems(f"title: !!python/object/apply:os.system ['touch {marker}']\n")
    assert lines == ["bad.yaml:1: 不支持的 YAML 标签 !!python/object/apply:os.system"
                     "（出于安全考虑只接受普通数据）"]
    assert not marker.exists()


@pytest.mark.parametrize(("text", "expected"), [
    ("title: a\ntitle: b\n", "bad.yaml:2: 重复的键 “title”"),
    ("title: a\n\tsubtitle: b\n", "bad.yaml:2: YAML 语法错误：含有制表符（Tab），YAML 缩进只能用空格"),
    ("", "bad.yaml: 文件中没有提纲（空文件）"),
    ("- 列表\n", "bad.yaml:1: 应为映射（键: 值），实际是列表"),
    ("title: x\nschema: xindegen.outline/9\n",
     "bad.yaml:2: schema: 不支持的提纲版本 'xindegen.outline/9'（应为 xindegen.outline/1）"),
])
def test_malformed_yaml(text: str, expected: str) -> None:
    assert _problems(text)[0] == expected


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [{', '.join([f'*{chr(96 + i)}'] * 10)}]")
    lines.append("title: *j")
    problems = _problems("\n".join(lines) + "\n")
    assert "别名（&/*）展开后超过 200000 个值，拒绝加载" in problems[0]


def test_streams_and_encodings(tmp_path: Path) -> None:
    stream = "---\ntitle: 一\n---\ntitle: 二\n"
    assert [o.title for o in loads_outlines(stream)] == ["一", "二"]
    gbk = tmp_path / "notepad.yaml"
    gbk.write_bytes("title: 记事本保存的提纲\n".encode("gbk"))
    assert load_outline(gbk).title == "记事本保存的提纲"
    bom = tmp_path / "bom.yaml"
    bom.write_bytes("title: 带BOM\n".encode("utf-8-sig"))
    assert load_outline(bom).title == "带BOM"
    with pytest.raises(OutlineError, match="2 篇提纲"):
        loads_outline(stream, "two.yaml")


def _in_order(text: str, pieces: list[str]) -> bool:
    """Whether every piece occurs in ``text``, each after the one before."""
    at = 0
    for piece in pieces:
        found = text.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


@settings(max_examples=60, deadline=None)
@given(outlines)
def test_every_valid_outline_renders_in_every_format(outline: Outline) -> None:
    """Each format holds the whole outline: YAML loads back equal, text and Word keep every piece in order."""
    import io

    from docx import Document

    from xindegen.render.docx import clean_text
    from xindegen.render.output import RenderOptions, render_bytes
    from xindegen.text import chinese_numeral, normalize_date

    assert loads_outline(render_bytes(outline, "yaml").decode("utf-8")) == outline

    numbered = [f"{chinese_numeral(n)}、{h}" for n, h in enumerate((s.heading for s in outline.sections
                                                                   if s.heading), 1)]
    heads = iter(numbered)
    pieces = [outline.title, *([outline.subtitle] if outline.subtitle else []), *outline.lead.paragraphs]
    for s in outline.sections:
        pieces += [*([next(heads)] if s.heading else []), *s.paragraphs]
    pieces += [*outline.closing.paragraphs, *(x for x in (outline.unit, outline.author, outline.date) if x)]
    for fmt in ("md", "txt"):  # a rendered text ends in exactly one newline, so a last piece may lose spaces
        assert _in_order(render_bytes(outline, fmt).decode("utf-8"), [p.rstrip() for p in pieces]), fmt

    # Word: every paragraph in its style, with the text XML can carry (controls dropped, line breaks kept).
    expected = [("Title", outline.title), *([("Subtitle", outline.subtitle)] if outline.subtitle else []),
                *(("Body Text", p) for p in outline.lead.paragraphs)]
    heads = iter(numbered)
    for s in outline.sections:
        expected += [*([("Heading 1", next(heads))] if s.heading else []), *(("Body Text", p) for p in s.paragraphs)]
    expected += [("Closing", p) for p in outline.closing.paragraphs]
    expected += [("Signature", x) for x in (outline.unit, outline.author) if x]
    expected += [("Signature", normalize_date(outline.date))] if outline.date else []
    want = [(style, clean_text(text)) for style, text in expected if clean_text(text)]
    for style in ("gongwen", "plain"):
        doc = Document(io.BytesIO(render_bytes(outline, "docx", RenderOptions(style=style))))
        assert [(p.style.name, p.text) for p in doc.paragraphs if p.text] == want, style


@settings(max_examples=200, deadline=None)
@given(outlines)
def test_fast_dump_is_the_same_yaml(outline: Outline) -> None:
    """parse -o writes with libyaml's emitter: laid out differently, the same outline read back."""
    fast = dumps_outline(outline, fast=True)
    assert loads_outline(fast) == outline
    assert yaml.safe_load(fast) == yaml.safe_load(dumps_outline(outline))


# Characters and words that decide how libyaml writes a scalar: indicators, breaks, spaces, what it
# escapes, and text the resolver reads as another type.
_TRICKY = st.text(st.sampled_from([*"学“”：:#-?|>'\"%@`&*!,[]{}~=<.+09aeyNoTf_\\ \t\n\r", "\x85", "\u2028",
                                   "\u3000", "\xa0", "\ufeff", "\U0001f600", "\x7f", "\x9f", "\ufffe"]), max_size=10)
_WORDS = st.sampled_from(["yes", "No", "on", "null", "NULL", "~", "true", "1.5", ".inf", ".NaN", "0o17", "0x1F",
                          "1_000", "1:30", "-1", "+2", "2023-09-21", "2023-09-21 18:42:49", "<<", "=", "---x",
                          "...", "a: b", "a #b", "a#b", "a:b", "a:", "x" * 5])
_SCALARS = st.none() | st.booleans() | st.integers() | _TRICKY | _WORDS | (_WORDS | _TRICKY).map(lambda s: s + "学")
_KEYS = st.sampled_from(["title", "meta", "paragraphs", "quotes", "text", "source", "essay", "unknown key"])
_DATA = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3),
                     max_leaves=12)


@settings(max_examples=1500, deadline=None)
@given(st.dictionaries(_KEYS, _DATA, min_size=1, max_size=4))
def test_outlines_written_directly_are_laid_out_as_libyaml_does(data: dict[str, object]) -> None:
    """parse -o writes plain outlines itself, byte for byte as libyaml would; other data goes to libyaml."""
    from xindegen.outline_io import _FastDumper, _plain_yaml

    plain = _plain_yaml(data)
    if plain is not None:
        assert plain == yaml.dump(data, Dumper=_FastDumper, allow_unicode=True, sort_keys=False,
                                  default_flow_style=False, width=1_000_000)


def test_parsed_essays_are_written_directly() -> None:
    from xindegen.outline_io import _FastDumper, _plain_yaml, outline_to_data
    from xindegen.parse.decompose import parse_file

    from .conftest import SEEDS

    for seed in sorted(SEEDS.glob("*.txt")):
        for outline in parse_file(seed):
            data = outline_to_data(outline)
            assert _plain_yaml(data) == yaml.dump(data, Dumper=_FastDumper, allow_unicode=True, sort_keys=False,
                                                  default_flow_style=False, width=1_000_000)
