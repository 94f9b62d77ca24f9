"""Render outlines to .docx through Word templates written in docxtpl syntax.

A template is compiled once: its XML parts are read from the zip, Jinja tags that Word split
across runs are joined, docxtpl's paragraph/run/row/cell tags (``{%p %}``, ``{%r %}``, ``{%tr %}``,
``{%tc %}``) replace the element that holds them, and each part becomes a Jinja template in the
sandbox. Rendering is then one Jinja render per templated part plus re-zipping cached bytes; no
XML is parsed per document. Every value is cleaned (characters XML 1.0 forbids are dropped) and
escaped on output, so any text yields a valid document.
"""

from __future__ import annotations

import html
import io
from .. import lazyre as re  # patterns compile on first use: imports stay fast
import zipfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from ..errors import InputError, TemplateError
from ..model import Outline
from ..safeio import ZipBomb, check_zip, read_user_file
from .budget import BudgetedEnvironment, TemplateBudgetError, render_bounded
from .context import template_context
from .precompiled import FILTERS, clean_text, cn_date, member_info
from .precompiled import builtin_docx_template as builtin_docx_template
from .precompiled import finalize_plain as _finalize_plain
from .precompiled import finalize_wml as _finalize_wml
from .precompiled import render_docx as render_docx
from .precompiled import resolve_style as resolve_style

__all__ = ["CompiledDocx", "builtin_docx_template", "clean_text", "cn_date", "compile_template", "render_docx",
           "resolve_style"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"

# Parts that may hold Jinja tags; everything else is copied byte for byte.
_TEMPLATED = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml|docProps/core\.xml")
_WML_PART = re.compile(r"word/.*\.xml")

# "{" and "{" (or "%", "#") in different runs, and the mirror image at the closing end.
_SPLIT_OPEN = re.compile(r"\{(?:<[^>]*>)+(?=[{%#])")
_SPLIT_CLOSE = re.compile(r"(?<=[%}#])(?:<[^>]*>)+(?=\})")
_CLOSERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
_MARKUP = re.compile(r"<[^>]*>")
_ELEMENT_TAG = re.compile(r"\{%(p|r|tr|tc)\s(.*)%\}", re.DOTALL)  # matched against one whole tag
_DOCXTPL_VAR = re.compile(r"\{\{[rp]\s")
_SMART_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})

_TEMPLATE_CT = "wordprocessingml.template.main+xml"
_DOCUMENT_CT = "wordprocessingml.document.main+xml"


def _environment(finalize: Callable[[object], Markup]) -> BudgetedEnvironment:
    env = BudgetedEnvironment(undefined=jinja2.StrictUndefined, autoescape=True,
                               finalize=finalize, keep_trailing_newline=True)
    env.filters.update(FILTERS)
    return env


_ENV_WML = _environment(_finalize_wml)
_ENV_PLAIN = _environment(_finalize_plain)


def _tag_spans(text: str) -> list[tuple[int, int]]:
    """Where the Jinja tags are, as ``\\{\\{.*?\\}\\}|\\{%.*?%\\}|\\{#.*?#\\}`` would find them.

    That pattern scans to the end for every opening it cannot close, so a template with many
    unclosed ``{{`` took minutes; an opening whose closing is missing means every later opening
    of its kind is unclosed too, so each kind is searched past at most once: linear.
    """
    spans: list[tuple[int, int]] = []
    unclosed: set[str] = set()
    i = text.find("{")
    while 0 <= i < len(text) - 1:
        opener = text[i:i + 2]
        closer = _CLOSERS.get(opener)
        if closer is not None and opener not in unclosed:
            j = text.find(closer, i + 2)
            if j >= 0:
                spans.append((i, j + 2))
                i = text.find("{", j + 2)
                continue
            unclosed.add(opener)
        i = text.find("{", i + 1)
    return spans


def _find_tags(text: str) -> list[str]:
    return [text[a:b] for a, b in _tag_spans(text)]


def _sub_tags(text: str, replace: Callable[[str], str]) -> str:
    out: list[str] = []
    last = 0
    for a, b in _tag_spans(text):
        out += [text[last:a], replace(text[a:b])]
        last = b
    out.append(text[last:])
    return "".join(out)


def _short(tag: str) -> str:
    tag = " ".join(tag.split())
    return tag if len(tag) <= 60 else tag[:57] + "…"


def _join_split_tags(xml: str, where: str) -> str:
    """Move every Jinja tag into the run where it starts, as Word splits them across runs."""
    xml = _SPLIT_CLOSE.sub("", _SPLIT_OPEN.sub("{", xml))

    def strip(tag: str) -> str:
        if "<" not in tag:
            return tag
        if "</w:p>" in tag or "</w:tc>" in tag:
            raise TemplateError(f"标签没有在同一段落内闭合：{_short(_MARKUP.sub('', tag))}", where)
        return _MARKUP.sub("", tag)

    return _sub_tags(xml, strip)


def _replace_element_tags(xml: str, where: str, originals: dict[str, str]) -> str:
    """docxtpl's ``{%p ...%}`` and friends: the whole paragraph (run, row, cell) becomes the tag.

    Also marks every ``w:t`` holding a value with xml:space="preserve" so spaces in values stay.
    """
    from lxml import etree

    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError as exc:
        raise TemplateError(f"模板中的 XML 无法解析：{exc}", where) from None
    holders: dict[Any, list[str]] = {}
    for t in root.iter(f"{_W}t"):
        text = t.text or ""
        for m in filter(None, map(_ELEMENT_TAG.fullmatch, _find_tags(text))):
            holder = next((a for a in t.iterancestors(f"{_W}{m.group(1)}")), None)
            if holder is None:
                raise TemplateError(f"标签 {_short(m.group(0))} 不在对应的 Word 元素中", where)
            stmt = "{% " + m.group(2).strip() + " %}"
            originals[html.unescape(stmt)] = m.group(0)  # error messages quote what the user wrote
            holders.setdefault(holder, []).append(stmt)
    for holder, stmts in holders.items():
        parent = holder.getparent()
        if parent is None:  # already removed with an enclosing holder
            continue
        text = "".join(stmts) + (holder.tail or "")
        prev = holder.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(holder)
    for t in root.iter(f"{_W}t"):  # keep spaces around inserted values
        if t.text and "{{" in t.text:
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out.decode("utf-8")


def _unescape_tags(xml: str) -> str:
    """Tag bodies are Jinja code stored as XML text: undo entities and Word's smart quotes."""
    def fix(tag: str) -> str:
        return html.unescape(tag).translate(_SMART_QUOTES)

    return _DOCXTPL_VAR.sub("{{ ", _sub_tags(xml, fix))


def _check_tags(env: SandboxedEnvironment, source: str, where: str, originals: dict[str, str]) -> None:
    """Find the tag Jinja rejects: compile the tags alone, one per line, so the line names it."""
    tags = _find_tags(source)
    try:
        env.from_string("\n".join(tags))
    except jinja2.TemplateSyntaxError as exc:
        message = exc.message or ""
        if "end of template" in message and tags:
            opener = _unclosed_block(tags)
            bad = opener if opener is not None else tags[-1]
            word = _BLOCK_WORD.match(bad)
            problem, message = "缺少结束标签", f"end{word.group(1)}" if word else message
        else:
            line = exc.lineno or len(tags)
            bad = tags[line - 1] if 0 < line <= len(tags) else "?"
            problem = "有错误"
        shown = _short(originals.get(bad, bad))
        raise TemplateError(f"标签 {shown} {problem}：{message}", where) from None


_BLOCK_WORD = re.compile(r"\{%-?\s*(\w+)")
_BLOCKS = {"for", "if", "macro", "call", "filter", "with", "block", "raw", "autoescape"}


def _unclosed_block(tags: list[str]) -> str | None:
    stack: list[str] = []
    for tag in tags:
        m = _BLOCK_WORD.match(tag)
        if not m:
            continue
        word = m.group(1)
        if word in _BLOCKS:
            stack.append(tag)
        elif word.startswith("end") and stack:
            stack.pop()
    return stack[-1] if stack else None


def _add_bold_to_headings(xml: str) -> str:
    """``--bold-headings``: bold the heading styles, as some units' house rules require."""
    from lxml import etree

    root = etree.fromstring(xml.encode("utf-8"))
    for style in root.iter(f"{_W}style"):
        name = style.find(f"{_W}name")
        if name is None or name.get(f"{_W}val", "").lower() not in {"heading 1", "heading 2"}:
            continue
        rpr = style.find(f"{_W}rPr")
        if rpr is None:
            rpr = etree.SubElement(style, f"{_W}rPr")
        for old in rpr.findall(f"{_W}b") + rpr.findall(f"{_W}bCs"):
            rpr.remove(old)
        # Schema order: rStyle, rFonts, b, bCs, ...
        at = sum(1 for child in rpr if child.tag in (f"{_W}rStyle", f"{_W}rFonts"))
        rpr.insert(at, etree.Element(f"{_W}bCs"))
        rpr.insert(at, etree.Element(f"{_W}b"))
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out.decode("utf-8")


class CompiledDocx:
    """A Word template ready to render many outlines; build it with :func:`compile_template`."""

    def __init__(self, path: Path, members: list[tuple[str, bytes]],
                 templates: dict[str, jinja2.Template], sources: dict[str, str]):
        self.path = path
        self._members = members
        self._templates = templates
        self._sources = sources

    @property
    def members(self) -> list[tuple[str, bytes]]:
        """Every part of the package in order, as the template has it (templated ones unrendered)."""
        return self._members

    @property
    def sources(self) -> dict[str, str]:
        """The Jinja source of each templated part."""
        return self._sources

    def render(self, outline: Outline) -> bytes:
        """The .docx file for ``outline``, as bytes."""
        context = template_context(outline)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in self._members:
                template = self._templates.get(name)
                if template is not None:
                    data = self._render_part(template, context)
                # A new header per write: writestr fills in sizes and offsets on the ZipInfo it is
                # given, and one shared between threads rendering at once (batch --writer llm) broke.
                zf.writestr(member_info(name), data)
        return out.getvalue()

    def _render_part(self, template: jinja2.Template, context: dict[str, Any]) -> bytes:
        return render_bounded(template, context, self.path).encode("utf-8")

    def variables(self) -> set[str]:
        """Names of the context variables the template refers to."""
        from jinja2 import meta

        names: set[str] = set()
        for name in self._templates:
            env = _ENV_WML if _WML_PART.fullmatch(name) else _ENV_PLAIN
            names |= meta.find_undeclared_variables(env.parse(self._sources[name]))
        return names


KEEP_COMPILED = 8
"""Compiled templates kept for reuse: a batch renders with one or two; older ones are dropped."""


def compile_template(path: Path, *, bold_headings: bool = False) -> CompiledDocx:
    """Compile the Word template at ``path``; reused while the file is unchanged."""
    try:
        st = path.stat()
    except OSError:
        raise TemplateError("找不到模板文件", path) from None
    return _compiled(path, str(path.resolve()), st.st_mtime_ns, st.st_size, bold_headings)


@lru_cache(maxsize=KEEP_COMPILED)
def _compiled(path: Path, _resolved: str, _mtime_ns: int, _size: int, bold_headings: bool) -> CompiledDocx:
    """The cache key holds where the file is and its version, so an edited template compiles again."""
    return _compile(path, bold_headings)


def _compile(path: Path, bold_headings: bool) -> CompiledDocx:
    try:
        members = check_zip(read_user_file(path))
    except InputError as exc:  # missing, a device or FIFO, over the size cap
        raise TemplateError(exc.message, path) from None
    except ZipBomb as exc:
        raise TemplateError(f"Word 模板{exc.args[0]}", path) from None
    except zipfile.BadZipFile:
        raise TemplateError("不是有效的 Word 文件（.docx），无法作为模板", path) from None
    for required in _REQUIRED_PARTS:
        if required not in members:
            raise TemplateError(f"不是完整的 Word 文档：缺少 {required}", path)

    templates: dict[str, jinja2.Template] = {}
    sources: dict[str, str] = {}
    fixed: list[tuple[str, bytes]] = []
    for name, data in members.items():
        where = f"{path}（{name}）" if name != "word/document.xml" else str(path)
        try:
            text = data.decode("utf-8") if name.endswith((".xml", ".rels")) else None
        except UnicodeDecodeError:
            raise TemplateError(f"{name} 不是 UTF-8 编码", path) from None
        if text is not None and name == "[Content_Types].xml":
            data = text.replace(_TEMPLATE_CT, _DOCUMENT_CT).encode("utf-8")  # a .dotx works too
        if text is not None and bold_headings and name == "word/styles.xml":
            data = _add_bold_to_headings(text).encode("utf-8")
        if text is not None and not _TEMPLATED.fullmatch(name):
            _check_xml(text, name, path)  # Word refuses the whole file for one broken part
        if text is not None and _TEMPLATED.fullmatch(name) and ("{" in text):
            originals: dict[str, str] = {}
            source = _unescape_tags(_replace_element_tags(_join_split_tags(text, where), where, originals))
            env = _ENV_WML if _WML_PART.fullmatch(name) else _ENV_PLAIN
            _check_tags(env, source, where, originals)
            try:
                templates[name] = env.from_string(source)
            except jinja2.TemplateSyntaxError as exc:
                raise TemplateError(f"模板语法错误：{exc.message}", where) from None
            sources[name] = source
        fixed.append((name, data))
    compiled = CompiledDocx(path, fixed, templates, sources)
    _probe(compiled)
    return compiled


_REQUIRED_PARTS = ("[Content_Types].xml", "_rels/.rels", "word/document.xml")


def _check_xml(text: str, name: str, path: Path) -> None:
    from xml.parsers import expat

    try:
        expat.ParserCreate().Parse(text.encode("utf-8"), True)
    except expat.ExpatError as exc:
        raise TemplateError(f"{name} 不是合法的 XML：{exc}", path) from None


def _probe(compiled: CompiledDocx) -> None:
    """Render a small outline once and check the XML: catches tags that cut across structure
    (a loop opened in the body and closed inside a table cell) when the template is compiled."""
    from xml.parsers import expat

    from ..model import Closing, Lead, Section

    probe = Outline(title="标题", subtitle="副标题", lead=Lead(paragraphs=["导语"]),
                    sections=[Section(heading=f"小标题{i}", paragraphs=["正文", "正文"]) for i in range(2)],
                    closing=Closing(paragraphs=["结尾"]), author="作者", unit="单位", date="2026-01-03")
    context = template_context(probe)
    for name, template in compiled._templates.items():
        try:
            xml = render_bounded(template, context, compiled.path)
        except TemplateBudgetError:  # endless on any data: refuse the template now
            raise
        except TemplateError:  # data-dependent errors are reported when rendering
            continue
        try:
            expat.ParserCreate().Parse(xml.encode("utf-8"), True)
        except expat.ExpatError as exc:
            raise TemplateError(f"{name} 渲染后不是合法的 XML（标签是否跨越了表格或段落？）：{exc}",
                                compiled.path) from None
