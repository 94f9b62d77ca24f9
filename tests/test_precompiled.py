"""The Word writer without Jinja: the small language, the cache, and falling back to Jinja."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xindegen.errors import TemplateError
from xindegen.model import Closing, Lead, Outline, Quote, Section
from xindegen.outline_io import load_outline
from xindegen.paths import builtin_templates_dir
from xindegen.render import docx as jinja_docx
from xindegen.render import precompiled
from xindegen.render.context import template_context
from xindegen.render.precompiled import Unsupported, compile_source, finalize_wml, precompile, render_docx

from .conftest import SAMPLE
from .test_docx import edited_template

NASTY = "a<b>&c\"d'e\x00\x01\x0b\r\n\ttab\ud800\ufffe\x85\x9f「」‘’“”{{ title }}{% if x %}"


def outlines() -> list[Outline]:
    full = load_outline(SAMPLE)
    full.author, full.unit, full.date = "张三", "某某公司<安全>&环保部", "2026-01-03"
    bare = Outline(title="只有标题", lead=Lead(paragraphs=[]), sections=[], closing=Closing(paragraphs=[]))
    nasty = Outline(title=NASTY, subtitle=NASTY, lead=Lead(paragraphs=[NASTY, "二"], quote=Quote(NASTY, NASTY)),
                    sections=[Section(heading=None, paragraphs=[NASTY]), Section(heading=NASTY, paragraphs=[])],
                    closing=Closing(paragraphs=[NASTY]), author=NASTY, unit=None, date="2026年1月3日")
    return [full, bare, nasty]


def jinja_bytes(path: Path, outline: Outline, bold: bool = False) -> bytes:
    return jinja_docx.compile_template(path, bold_headings=bold).render(outline)


@pytest.mark.parametrize("style", ["gongwen", "plain"])
@pytest.mark.parametrize("bold", [False, True])
def test_builtin_templates_take_the_small_language_and_give_jinjas_bytes(style: str, bold: bool) -> None:
    path = builtin_templates_dir() / f"{style}.docx"
    fast = precompile(path, bold)
    assert fast is not None and set(fast.programs) == set(jinja_docx.compile_template(path).sources)
    for outline in outlines():
        assert fast.render(outline) == jinja_bytes(path, outline, bold)
        assert render_docx(outline, style, bold_headings=bold) == jinja_bytes(path, outline, bold)


def test_the_compiled_template_is_kept_and_never_trusted_unverified(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XINDEGEN_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "mine.docx"
    path.write_bytes((builtin_templates_dir() / "gongwen.docx").read_bytes())
    outline = outlines()[0]
    want = jinja_bytes(path, outline)
    assert render_docx(outline, template=path) == want
    kept = list((tmp_path / "cache").glob("template-*.pickle"))
    assert len(kept) == 1
    compiled = 0

    def counting(*args: object, **kwargs: object) -> jinja_docx.CompiledDocx:
        nonlocal compiled
        compiled += 1
        return original(*args, **kwargs)  # type: ignore[arg-type]

    original = jinja_docx.compile_template
    monkeypatch.setattr(jinja_docx, "compile_template", counting)
    precompiled._precompiled.cache_clear()
    assert render_docx(outline, template=path) == want and compiled == 0  # from the cache, no Jinja
    # a damaged cache file: not used, compiled again and rewritten
    kept[0].write_bytes(kept[0].read_bytes()[:-10] + b"0123456789")
    precompiled._precompiled.cache_clear()
    assert render_docx(outline, template=path) == want and compiled == 1
    precompiled._precompiled.cache_clear()
    assert render_docx(outline, template=path) == want and compiled == 1
    # another template under the same name: another key, its own output
    plain = (builtin_templates_dir() / "plain.docx").read_bytes()
    path.write_bytes(plain)
    precompiled._precompiled.cache_clear()
    assert render_docx(outline, template=path) == jinja_bytes(path, outline) != want
    assert len(list((tmp_path / "cache").glob("template-*.pickle"))) == 2


def test_a_template_using_more_of_jinja_is_rendered_by_jinja(tmp_path: Path) -> None:
    path = edited_template(tmp_path, "{{ title }}", "{{ title | upper }}{{ sections | length }}")
    outline = outlines()[0]
    outline.title = "abc"
    assert precompile(path) is None
    data = render_docx(outline, template=path)
    assert data == jinja_bytes(path, outline)
    assert f"ABC{len(outline.sections)}".encode() in zipfile.ZipFile(__import__("io").BytesIO(data)).read(
        "word/document.xml")


def test_a_value_the_small_language_cannot_look_up_goes_to_jinja_and_its_error(tmp_path: Path) -> None:
    """``lead.quote.text`` of a lead without a quote: Jinja's StrictUndefined error, word for word."""
    path = edited_template(tmp_path, "{{ title }}", "{{ lead.quote.text }}")
    assert precompile(path) is not None  # the template is in the small language; this value is not there
    outline = outlines()[1]
    with pytest.raises(TemplateError) as fast:
        render_docx(outline, template=path)
    with pytest.raises(TemplateError) as slow:
        jinja_bytes(path, outline)
    assert str(fast.value) == str(slow.value) and "has no attribute 'text'" in str(fast.value)


@pytest.mark.parametrize("source", [
    "{# note #}{{ title }}", "{{- title }}", "{{ title|upper }}", "{{ title ~ 'x' }}", "{% for x in y %}{% else %}"
    "{% endfor %}", "{% if a and b %}{% endif %}", "{% if a %}{% elif b %}{% endif %}", "{{ loop.index }}",
    "{% set a = 1 %}", "{{ _private }}", "{{ a._b }}", "{% if a %}", "{% endif %}", "{{ a[0] }}", "{{ none }}",
    "{% raw %}{{ a }}{% endraw %}", "{{ title }", "{% for none in y %}{% endfor %}", "{{% if a %}{% endif %}",
    "{{{ title }}",
])
def test_sources_outside_the_small_language_are_refused(source: str) -> None:
    with pytest.raises(Unsupported):
        compile_source(source)


_ENV = jinja2.sandbox.SandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=True, finalize=finalize_wml,
                                           keep_trailing_newline=True)
_ENV.filters.update(precompiled.FILTERS)

_PIECES = ["<w:p>", "\r\n", "\r", "\n", " ", "文字", "{{ title }}", "{{ date | cn_date }}", "{{ s.number }}",
           "{{ s.heading }}", "{% for s in sections %}", "{% endfor %}", "{% for p in lead.paragraphs %}{{ p }}",
           "{% if subtitle %}", "{% if not unit or author %}", "{% else %}", "{% endif %}", "{{ meta.seed }}", "}",
           "{", "%}"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.sampled_from(range(3)))
def test_the_small_language_renders_as_jinja_does(pieces: list[str], which: int) -> None:
    """Any source the small language takes renders as Jinja renders it; any other, Jinja must decide."""
    source = "".join(pieces)
    outline = outlines()[which]
    outline.meta = {"seed": 7}
    context = template_context(outline)
    try:
        program = compile_source(source)
    except Unsupported:
        return
    try:
        want: str | None = _ENV.from_string(source).render(context)
    except jinja2.TemplateError:
        want = None
    out: list[str] = []
    try:
        precompiled._run(program, context, out, finalize_wml)
        got: str | None = "".join(out)
    except Unsupported:
        got = None  # Jinja's path decides: it renders or reports the error
    if got is not None:
        assert got == want
    assert want is not None or got is None  # what Jinja refuses is never rendered here


def test_a_warm_new_imports_neither_yaml_nor_jinja_nor_word_libraries(tmp_path: Path) -> None:
    out_file = str(tmp_path / "x.docx")
    code = ("import sys\nfrom xindegen.cli import main\ntry:\n"
            f"    main(['new', '--topic', '安全生产', '--seed', '3', '-o', {out_file!r}, '--overwrite'])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted({'yaml', 'jinja2', 'lxml', 'docx', 'openpyxl', 'charset_normalizer', 'rjieba'}"
            " & set(sys.modules)))")
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # fills the caches
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "x.docx").is_file()
