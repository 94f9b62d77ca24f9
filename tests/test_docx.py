"""Word output: layout figures, text safety, user templates, template errors, CLI commands."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xindegen.cli import main
from xindegen.errors import TemplateError
from xindegen.model import Closing, Lead, Outline, Section
from xindegen.outline_io import load_outline
from xindegen.paths import builtin_templates_dir
from xindegen.render.docx import clean_text, cn_date, compile_template, render_docx

from .conftest import SAMPLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MM = 36000  # EMU per millimetre


def sample() -> Outline:
    outline = load_outline(SAMPLE)
    outline.author, outline.unit, outline.date = "张三", "某某公司安全环保部", "2026-01-03"
    return outline


def open_docx(data: bytes) -> Any:
    import docx

    return docx.Document(io.BytesIO(data))


def expected_pairs(outline: Outline) -> list[tuple[str, str]]:
    """(style, text) of every non-empty paragraph the built-in templates must produce."""
    pairs = [("Title", outline.title)]
    if outline.subtitle:
        pairs.append(("Subtitle", outline.subtitle))
    pairs += [("Body Text", p) for p in outline.lead.paragraphs]
    n = 0
    for s in outline.sections:
        if s.heading:
            n += 1
            pairs.append(("Heading 1", f"{'一二三四五'[n - 1]}、{s.heading}"))
        pairs += [("Body Text", p) for p in s.paragraphs]
    pairs += [("Closing", p) for p in outline.closing.paragraphs]
    for line in (outline.unit, outline.author, outline.date and cn_date(outline.date)):
        if line:
            pairs.append(("Signature", line))
    return pairs


def pairs_of(document: Any) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs if p.text]


def style_value(style: Any, get: Any) -> Any:
    """Follow basedOn until ``get(style)`` gives a value (as Word resolves style properties)."""
    while style is not None:
        value = get(style)
        if value is not None:
            return value
        style = style.base_style
    return None


def east_asia(style: Any) -> str | None:
    def get(s: Any) -> str | None:
        rpr = s.element.rPr
        fonts = rpr.find(f"{W}rFonts") if rpr is not None else None
        return fonts.get(f"{W}eastAsia") if fonts is not None else None

    return style_value(style, get)


def size_pt(style: Any) -> float:
    size = style_value(style, lambda s: s.font.size)
    return float(size.pt)


def ppr_attr(style: Any, tag: str, attr: str) -> str | None:
    def get(s: Any) -> str | None:
        ppr = s.element.pPr
        el = ppr.find(f"{W}{tag}") if ppr is not None else None
        return el.get(f"{W}{attr}") if el is not None else None

    return style_value(style, get)


@pytest.fixture(scope="module")
def gongwen() -> Any:
    return open_docx(render_docx(sample(), "gongwen"))


@pytest.fixture(scope="module")
def plain() -> Any:
    return open_docx(render_docx(sample(), "plain"))


# ---- figures ------------------------------------------------------------------------------

def test_gongwen_page_size_and_margins(gongwen: Any) -> None:
    sec = gongwen.sections[0]
    for value, mm in [(sec.page_width, 210), (sec.page_height, 297), (sec.top_margin, 37),
                      (sec.bottom_margin, 35), (sec.left_margin, 28), (sec.right_margin, 26)]:
        assert abs(value / MM - mm) <= 0.5, (value / MM, mm)


def test_gongwen_grid_holds_22_lines(gongwen: Any) -> None:
    sec = gongwen.sections[0]
    grid = sec._sectPr.find(f"{W}docGrid")
    pitch = int(grid.get(f"{W}linePitch"))
    type_area = sec.page_height.twips - sec.top_margin.twips - sec.bottom_margin.twips
    assert grid.get(f"{W}type") == "lines"
    assert type_area // pitch == 22
    body = gongwen.styles["Body Text"]
    assert body.paragraph_format.line_spacing.twips == pitch  # exact spacing = grid pitch
    # 28 characters: 16 pt glyphs condensed so that 28 fit into the type width.
    spacing = gongwen.styles.element.find(f"{W}docDefaults").find(f".//{W}spacing")
    advance = 16 + int(spacing.get(f"{W}val")) / 20
    width_pt = (sec.page_width - sec.left_margin - sec.right_margin) / 12700  # EMU per pt
    assert int(width_pt // advance) == 28


@pytest.mark.parametrize("style, font, size", [
    ("Title", "方正小标宋简体", 22), ("Subtitle", "楷体_GB2312", 16), ("Heading 1", "黑体", 16),
    ("Heading 2", "楷体_GB2312", 16), ("Body Text", "仿宋_GB2312", 16), ("Closing", "仿宋_GB2312", 16),
    ("Signature", "仿宋_GB2312", 16), ("Footer", "宋体", 14)])
def test_gongwen_fonts_per_paragraph_kind(gongwen: Any, style: str, font: str, size: float) -> None:
    s = gongwen.styles[style]
    assert east_asia(s) == font
    assert size_pt(s) == size
    assert style_value(s, lambda x: x.font.bold) in (None, False)  # GB/T 9704: no bold


def test_every_paragraph_uses_a_checked_style(gongwen: Any) -> None:
    kinds = {p.style.name for p in gongwen.paragraphs}
    assert kinds <= {"Title", "Subtitle", "Heading 1", "Body Text", "Closing", "Signature", "Normal"}
    assert all(not p.text for p in gongwen.paragraphs if p.style.name == "Normal")  # blank lines


def test_gongwen_alignment_and_indent(gongwen: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    assert gongwen.styles["Title"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert gongwen.styles["Signature"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    for name in ("Body Text", "Closing", "Heading 1"):
        assert ppr_attr(gongwen.styles[name], "ind", "firstLineChars") == "200"
        assert ppr_attr(gongwen.styles[name], "ind", "firstLine") == "640"


def test_no_theme_fonts_anywhere() -> None:
    for name in ("gongwen", "plain"):
        with zipfile.ZipFile(builtin_templates_dir() / f"{name}.docx") as zf:
            styles = zf.read("word/styles.xml").decode()
        assert "Theme" not in styles and "theme" not in styles


def test_gongwen_footers_page_numbers(gongwen: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    assert gongwen.settings.odd_and_even_pages_header_footer  # w:evenAndOddHeaders
    sec = gongwen.sections[0]
    for footer, align in [(sec.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                          (sec.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)]:
        assert not footer.is_linked_to_previous
        (para,) = footer.paragraphs
        instr = "".join(t.text for t in para._p.iter(f"{W}instrText"))
        assert instr.strip() == "PAGE"
        assert [r.text for r in para.runs if r.text][0] == "— "
        assert para.text.startswith("— ") and para.text.endswith(" —")
        assert para.alignment == align


def test_gongwen_text_and_signature(gongwen: Any) -> None:
    assert pairs_of(gongwen) == expected_pairs(sample())
    assert pairs_of(gongwen)[-1] == ("Signature", "2026年1月3日")


def test_plain_house_style(plain: Any) -> None:
    assert east_asia(plain.styles["Body Text"]) == "宋体" and size_pt(plain.styles["Body Text"]) == 12
    assert east_asia(plain.styles["Title"]) == "黑体"
    assert style_value(plain.styles["Body Text"], lambda s: s.paragraph_format.line_spacing) == 1.5
    assert not plain.settings.odd_and_even_pages_header_footer
    assert pairs_of(plain) == expected_pairs(sample())


def test_bold_headings_option() -> None:
    bold = open_docx(render_docx(sample(), "gongwen", bold_headings=True))
    assert bold.styles["Heading 1"].font.bold is True
    assert bold.styles["Heading 2"].font.bold is True
    assert not bold.styles["Body Text"].font.bold


@pytest.mark.parametrize("raw, want", [("2026-01-03", "2026年1月3日"), ("2026/1/3", "2026年1月3日"),
                                        ("2026年01月03日", "2026年1月3日"), ("二〇二六年一月", "二〇二六年一月")])
def test_cn_date(raw: str, want: str) -> None:
    assert cn_date(raw) == want


def test_no_subtitle_no_signature() -> None:
    outline = load_outline(SAMPLE)
    outline.subtitle = None
    doc = open_docx(render_docx(outline))
    assert pairs_of(doc) == expected_pairs(outline)
    assert doc.paragraphs[-1].style.name == "Closing"


# ---- any text is safe ---------------------------------------------------------------------

NASTY = "A&B <w:p> \"引号\" '单' ]]> 😀 \x00\x01\x08\x0c\x1f\ufffe\uffff 尾\x0b换行\t制表"


def test_nasty_text_yields_valid_docx() -> None:
    outline = Outline(title=NASTY, lead=Lead(paragraphs=[NASTY]),
                      sections=[Section(heading=NASTY, paragraphs=[NASTY])])
    doc = open_docx(render_docx(outline))
    clean = clean_text(NASTY)
    assert "\x00" not in clean and "😀" in clean and "<w:p>" in clean
    assert doc.paragraphs[0].text == clean
    assert pairs_of(doc)[1] == ("Body Text", clean)
    assert pairs_of(doc)[2] == ("Heading 1", f"一、{clean}")


texts = st.text(st.characters(blacklist_categories=("Cs",)) | st.sampled_from("<>&\"'\x00\x0b\r\ufffe"),
                min_size=1, max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=texts, paragraphs=st.lists(texts, min_size=1, max_size=3), heading=texts)
def test_property_any_text_renders_to_valid_docx(title: str, paragraphs: list[str], heading: str) -> None:
    outline = Outline(title=title, sections=[Section(heading=heading, paragraphs=paragraphs)],
                      closing=Closing(paragraphs=paragraphs[:1]))
    doc = open_docx(render_docx(outline))  # lxml rejects malformed XML
    assert doc.paragraphs[0].text == clean_text(title)
    bodies = [p.text for p in doc.paragraphs if p.style.name == "Body Text"]
    assert bodies == [clean_text(p) for p in paragraphs]


# ---- user templates -----------------------------------------------------------------------

def word_like_template(path: Path) -> None:
    """A template as Word saves it: tags cut into runs, spell-check marks, smart quotes."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph("机关信笺头", style="Heading 2")

    def split(texts: list[str], style: str | None = None) -> None:
        p = d.add_paragraph(style=style)
        for i, text in enumerate(texts):
            run = p.add_run(text)
            run.bold = i % 2 == 1  # different formatting forces separate runs
            if i == 1:
                p._p.append(parse_xml('<w:proofErr xmlns:w="http://schemas.openxmlformats.org/'
                                      'wordprocessingml/2006/main" w:type="spellStart"/>'))

    split(["《", "{", "{ ti", "tle }}", "》"], "Title")
    split(["{%p for s in ", "sections %", "}"])
    split(["第{{ s.nu", "mber }}部分：{{ s.heading | replace(“，”, “——”) }}"], "Heading 1")
    split(["{%", "p endfor %}"])
    split(["字数：{{ outline.body_chars() }}"], "Body Text")
    d.save(str(path))


def test_word_split_tags_render(tmp_path: Path) -> None:
    path = tmp_path / "mine.docx"
    word_like_template(path)
    outline = sample()
    doc = open_docx(compile_template(path).render(outline))
    texts = [p.text for p in doc.paragraphs]
    headings = [s.heading for s in outline.sections]
    assert texts == ["机关信笺头", f"《{outline.title}》",
                     *(f"第{n}部分：{h.replace('，', '——')}" for n, h in zip("一二三", headings, strict=True)),
                     f"字数：{outline.body_chars()}"]


def test_export_then_template_round_trip(tmp_path: Path) -> None:
    runner = CliRunner()
    mine = tmp_path / "mine.docx"
    r = runner.invoke(main, ["templates", "export", "gongwen", "-o", str(mine)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(main, ["templates", "export", "gongwen", "-o", str(mine)])
    assert r.exit_code == 1 and "--overwrite" in r.output
    for args in (["--template", str(mine)], ["--style", "gongwen"]):
        out = tmp_path / f"{args[0][2:]}.docx"
        r = runner.invoke(main, ["render", str(SAMPLE), "-o", str(out), *args])
        assert r.exit_code == 0, r.output
    assert pairs_of(open_docx((tmp_path / "template.docx").read_bytes())) == \
        pairs_of(open_docx((tmp_path / "style.docx").read_bytes())) == expected_pairs(load_outline(SAMPLE))


def edited_template(tmp_path: Path, old: str, new: str) -> Path:
    """The built-in gongwen template with one tag replaced in document.xml."""
    src = builtin_templates_dir() / "gongwen.docx"
    dst = tmp_path / "broken.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode(), 1)
            zout.writestr(info, data)
    return dst


@pytest.mark.parametrize("old, new, expect", [
    ("{%p endfor %}", "{%p endfro %}", "{%p endfro %}"),
    ("{{ title }}", "{{ title | no_such_filter }}", "{{ title | no_such_filter }}"),
    ("{{ subtitle }}", "{{ subtitle ) }}", "{{ subtitle ) }}"),
    ("{%p endif %}", "", "{%p if subtitle %}"),  # unclosed block: the opener is named
])
def test_broken_template_one_line_error(tmp_path: Path, old: str, new: str, expect: str) -> None:
    path = edited_template(tmp_path, old, new)
    r = CliRunner().invoke(main, ["render", str(SAMPLE), "-o", str(tmp_path / "x.docx"),
                                  "--template", str(path)])
    assert r.exit_code == 1
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"错误：{path}")
    assert expect in lines[0]
    assert "Traceback" not in r.output and not (tmp_path / "x.docx").exists()


def test_undefined_variable_is_named(tmp_path: Path) -> None:
    path = edited_template(tmp_path, "{{ title }}", "{{ titel }}")
    with pytest.raises(TemplateError) as info:
        compile_template(path).render(sample())
    assert "titel" in str(info.value) and str(path) in str(info.value)


def test_not_a_docx(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("这不是 Word 文件", encoding="utf-8")
    with pytest.raises(TemplateError, match="不是有效的 Word 文件"):
        compile_template(bad)


def test_compile_is_cached_until_the_file_changes(tmp_path: Path) -> None:
    import os

    path = tmp_path / "t.docx"
    path.write_bytes((builtin_templates_dir() / "gongwen.docx").read_bytes())
    first = compile_template(path)
    assert compile_template(path) is first
    assert compile_template(path, bold_headings=True) is not first
    os.utime(path, ns=(1, 1))
    assert compile_template(path) is not first


def test_one_compiled_template_renders_on_many_threads_at_once() -> None:
    # Batch --writer llm renders on threads with one shared compiled template.
    from concurrent.futures import ThreadPoolExecutor

    compiled = compile_template(builtin_templates_dir() / "gongwen.docx")
    outlines = []
    for i in range(200):
        outline = sample()
        outline.title = f"第{i}篇"
        outlines.append(outline)
    with ThreadPoolExecutor(8) as pool:
        files = list(pool.map(compiled.render, outlines))
    for i, data in enumerate(files):
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            assert zf.testzip() is None
        assert open_docx(data).paragraphs[0].text == f"第{i}篇"


def test_templates_are_regenerated_deterministically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("mk", Path(__file__).parents[1] / "tools" / "make_docx_templates.py")
    assert spec and spec.loader
    mk = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "mk", mk)  # dataclasses look their module up
    spec.loader.exec_module(mk)
    for style in (mk.GONGWEN, mk.PLAIN):
        out = tmp_path / f"{style.key}.docx"
        mk.write_docx(out, mk.package(style))
        assert out.read_bytes() == (builtin_templates_dir() / out.name).read_bytes(), \
            "run python tools/make_docx_templates.py and commit the templates"


# ---- CLI ----------------------------------------------------------------------------------

def test_render_docx_cli_and_options(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "稿.docx"
    r = runner.invoke(main, ["render", str(SAMPLE), "-o", str(out), "--style", "plain", "--bold-headings"])
    assert r.exit_code == 0, r.output
    doc = open_docx(out.read_bytes())
    assert east_asia(doc.styles["Body Text"]) == "宋体" and doc.styles["Heading 1"].font.bold
    r = runner.invoke(main, ["render", str(SAMPLE), "-o", str(out)])
    assert r.exit_code == 1 and "--overwrite" in r.output
    r = runner.invoke(main, ["render", str(SAMPLE), "-o", str(tmp_path / "b.docx"), "--style", "nosuch"])
    assert r.exit_code == 1 and "nosuch" in r.output and "gongwen" in r.output


def test_user_style_from_config_dir(config_dir: Path, tmp_path: Path) -> None:
    (config_dir / "templates").mkdir()
    word_like_template(config_dir / "templates" / "letterhead.docx")
    r = CliRunner().invoke(main, ["templates", "list"])
    assert "letterhead" in r.output and "gongwen" in r.output
    out = tmp_path / "a.docx"
    r = CliRunner().invoke(main, ["render", str(SAMPLE), "-o", str(out), "--style", "letterhead"])
    assert r.exit_code == 0, r.output
    assert open_docx(out.read_bytes()).paragraphs[0].text == "机关信笺头"


def test_templates_show_marks_used_variables() -> None:
    r = CliRunner().invoke(main, ["templates", "show", "gongwen"])
    assert r.exit_code == 0
    lines = r.output.splitlines()
    assert any(line.startswith(" * title") for line in lines)
    assert any(line.startswith("   topic") for line in lines)  # not used by gongwen
    assert "{%p for" in r.output and "Heading 1" in r.output
    r = CliRunner().invoke(main, ["templates", "show", "md"])
    assert r.exit_code == 0 and " * title" in r.output
    r = CliRunner().invoke(main, ["templates", "show", "nosuch"])
    assert r.exit_code == 1 and "gongwen" in r.output


def test_export_suffix_checked(tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["templates", "export", "gongwen", "-o", str(tmp_path / "a.txt")])
    assert r.exit_code == 1 and ".docx" in r.output


def test_output_is_a_copy_of_the_template_parts() -> None:
    """Parts without tags are copied unchanged; the rendered zip holds the same members."""
    data = render_docx(sample())
    with zipfile.ZipFile(builtin_templates_dir() / "gongwen.docx") as t, zipfile.ZipFile(io.BytesIO(data)) as r:
        assert t.namelist() == r.namelist()
        assert t.read("word/styles.xml") == r.read("word/styles.xml")
        assert b"{{" not in r.read("word/document.xml") and b"{%" not in r.read("word/document.xml")
        assert r.read("docProps/core.xml").count("守牢安全".encode()) == 1  # document title


def test_loop_cutting_across_a_table_is_caught_at_compile(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("{%p for s in sections %}")
    d.add_paragraph("{{ s.heading }}")
    d.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].add_run("{%p endfor %}")
    path = tmp_path / "cut.docx"
    d.save(str(path))
    with pytest.raises(TemplateError, match="不是合法的 XML") as info:
        compile_template(path)
    assert str(path) in str(info.value)


def test_row_and_run_tags(tmp_path: Path) -> None:
    """docxtpl's {%tr %} repeats a table row, {%r %} drops only the run that holds it."""
    import docx

    d = docx.Document()
    p = d.add_paragraph()
    for text in ("题目：", "{%r if subtitle %}", "{{ subtitle }}", "{%r else %}", "（无）", "{%r endif %}"):
        p.add_run(text)
    table = d.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "{%tr for s in sections %}"
    table.cell(1, 0).text = "{{ s.number }}"
    table.cell(1, 1).text = "{{ s.heading }}"
    table.cell(2, 0).text = "{%tr endfor %}"
    path = tmp_path / "table.docx"
    d.save(str(path))
    outline = load_outline(SAMPLE)
    doc = open_docx(compile_template(path).render(outline))
    assert doc.paragraphs[0].text == f"题目：{outline.subtitle}"
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert rows == [[n, s.heading] for n, s in zip("一二三", outline.sections, strict=True)]
    outline.subtitle = None
    assert open_docx(compile_template(path).render(outline)).paragraphs[0].text == "题目：（无）"


def test_cli_start_does_not_import_word_libraries() -> None:
    import subprocess
    import sys

    code = ("import sys, xindegen.cli, xindegen.render.output, xindegen.render.docx, xindegen.render.preview, "
            "xindegen.render.templates; print(sorted({'lxml', 'docx', 'docxtpl'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
