"""Word output without Jinja or lxml at run time: a template compiled once, kept in the user's cache.

:func:`xindegen.render.docx.compile_template` turns a Word template into Jinja sources, one per
templated part. The tags the built-in templates use (``{{ a.b | filter }}``, ``for``, ``if`` with
``or`` and ``not``) are a small language: a part written only in it becomes a program of text,
values, loops and conditions, rendered here by plain string building with the very functions the
Jinja environment calls, so the bytes are the same. The programs and the template's other parts are
kept in the user's cache directory, keyed by the template's bytes, ``bold_headings`` and the code
that compiles them, and verified by a checksum on every read. Anything else takes the Jinja path: a
template using more of Jinja, a value the small language cannot look up as Jinja would (a missing
name, a method, ``None.x``), a cache that is missing or does not verify.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from .. import __version__
from ..cachefile import read_sealed, write_sealed
from .. import lazyre as re  # patterns compile on first use: imports stay fast
from ..errors import TemplateError
from ..model import Outline
from ..text import chinese_numeral, count_chars, normalize_date
from .context import template_context

# XML 1.0 forbids C0 controls except tab/newline/CR, lone surrogates and U+FFFE/U+FFFF; C1
# controls are legal but meaningless in prose and upset some readers, so they go too.
_FORBIDDEN = re.compile("[\x00-\x08\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_WML_PART = re.compile(r"word/.*\.xml")


def clean_text(value: object) -> str:
    """``value`` as text XML 1.0 can carry: forbidden characters dropped, line ends unified."""
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")  # \v: Word's line break
    return _FORBIDDEN.sub("", text)


def finalize_wml(value: object) -> Markup:
    """Every value printed into a Word XML part: cleaned, escaped, line breaks and tabs as Word's."""
    if isinstance(value, Markup):
        return value
    text = str(escape(clean_text(value)))
    if "\n" in text or "\t" in text:
        text = text.replace("\n", _BREAK).replace("\t", _TAB)
    return Markup(text)


def finalize_plain(value: object) -> Markup:
    """Every value printed into a part that is not Word XML (document properties): one line."""
    if isinstance(value, Markup):
        return value
    return Markup(escape(" ".join(clean_text(value).split("\n"))))


def cn_date(value: object) -> str:
    """The ``cn_date`` filter: 2026-01-03 → 2026年1月3日 (GB/T 9704: no zero padding)."""
    return normalize_date("" if value is None else str(value))


FILTERS: dict[str, Callable[[Any], Any]] = {"cn_num": chinese_numeral, "chars": count_chars, "cn_date": cn_date}


def member_info(name: str) -> zipfile.ZipInfo:
    """The header of one part of a rendered .docx: fixed date and mode, images stored as they are."""
    out = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    out.compress_type = zipfile.ZIP_STORED if name.endswith((".png", ".jpg", ".jpeg")) else zipfile.ZIP_DEFLATED
    out.external_attr = 0o644 << 16
    return out


def builtin_docx_template(style: str) -> Path:
    """Path of a built-in Word template (``gongwen`` or ``plain``)."""
    from ..paths import builtin_templates_dir

    path = builtin_templates_dir() / f"{style}.docx"
    if not path.is_file():
        raise TemplateError(f"没有名为“{style}”的 Word 样式（内置：gongwen、plain）", path)
    return path


def resolve_style(style: str) -> Path:
    """A style name → its template: the per-user templates directory first, then built-ins."""
    from ..paths import user_templates_dir

    if not re.fullmatch(r"[\w\-]+", style):
        raise TemplateError(f"样式名“{style}”无效：只能包含字母、数字、下划线和连字符", style)
    user = user_templates_dir() / f"{style}.docx"
    return user if user.is_file() else builtin_docx_template(style)


# ---- the small language ------------------------------------------------------------------------

# A program is a tuple of steps: text (str); a value printed, (path, filter or ""); a loop,
# ("for", name, path, body); a condition, ("if", ((negated, path), ...) joined by "or", body, orelse).
VarPath = tuple[str, ...]
Step = str | tuple[Any, ...]
Program = tuple[Step, ...]


class Unsupported(Exception):
    """The small language cannot take this template or this value as Jinja would: use Jinja."""


_NAME = r"[A-Za-z][A-Za-z0-9_]*"  # no leading underscore: the sandbox refuses those attributes
_PATH = re.compile(rf"{_NAME}(?:\.{_NAME})*")
_TAG = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}", re.DOTALL)
_OUTPUT = re.compile(rf"\s*({_NAME}(?:\.{_NAME})*)\s*(?:\|\s*({_NAME})\s*)?")
_FOR = re.compile(rf"\s*for\s+({_NAME})\s+in\s+({_NAME}(?:\.{_NAME})*)\s*")
_IF = re.compile(r"\s*if\s+(.*\S)\s*", re.DOTALL)
_WORD = re.compile(r"\s*(else|endif|endfor)\s*")
_NEWLINES = re.compile(r"\r\n|\r|\n")
# Jinja's keywords, tests and operators never name a value here; ``loop`` is the loop's own variable.
_RESERVED = frozenset({"and", "or", "not", "in", "is", "if", "else", "elif", "for", "endfor", "endif", "true",
                       "false", "none", "True", "False", "None", "loop", "recursive", "self", "super", "caller",
                       "varargs", "kwargs"})


def compile_source(source: str) -> Program:
    """The program for one part's Jinja source, or :class:`Unsupported` if it uses more of Jinja."""
    if "{#" in source or "{%-" in source or "-%}" in source or "{{-" in source or "-}}" in source \
            or "+%}" in source or "{%+" in source:
        raise Unsupported("comments or whitespace control")
    # (body, kind, loop variable or condition); the innermost block is last
    stack: list[tuple[list[Step], str, Any, list[Step] | None]] = [([], "top", None, None)]
    last = 0
    for m in _TAG.finditer(source):
        if m.start() > last:
            text = source[last:m.start()]
            # Jinja opens a tag at every "{{" or "{%", also where the pattern above skipped one ("{{% …")
            if "{{" in text or "{%" in text or text.endswith("{"):
                raise Unsupported(text[-20:])
            # Jinja turns every line ending of the template's text into "\n"
            stack[-1][0].append(_NEWLINES.sub("\n", text))
        last = m.end()
        if m.group(1) is not None:
            out = _OUTPUT.fullmatch(m.group(1))
            if out is None or out.group(2) not in (None, *FILTERS):
                raise Unsupported(m.group(0))
            stack[-1][0].append((_path(out.group(1)), out.group(2) or ""))
            continue
        body = m.group(2)
        if (loop := _FOR.fullmatch(body)) is not None:
            if loop.group(1) in _RESERVED:
                raise Unsupported(m.group(0))
            stack.append(([], "for", (loop.group(1), _path(loop.group(2))), None))
        elif (cond := _IF.fullmatch(body)) is not None:
            stack.append(([], "if", _condition(cond.group(1)), None))
        elif (word := _WORD.fullmatch(body)) is not None:
            steps, kind, head, first = stack[-1]
            if word.group(1) == "else" and kind == "if" and first is None:
                stack[-1] = ([], "if", head, steps)
            elif word.group(1) == "endif" and kind == "if":
                stack.pop()
                then, orelse = (steps, []) if first is None else (first, steps)
                stack[-1][0].append(("if", head, tuple(then), tuple(orelse)))
            elif word.group(1) == "endfor" and kind == "for":
                stack.pop()
                stack[-1][0].append(("for", head[0], head[1], tuple(steps)))
            else:
                raise Unsupported(m.group(0))
        else:
            raise Unsupported(m.group(0))
    if len(stack) != 1:
        raise Unsupported("unclosed block")
    tail = source[last:]
    if "{{" in tail or "{%" in tail:
        raise Unsupported("unclosed tag")
    if tail:
        stack[0][0].append(_NEWLINES.sub("\n", tail))
    return tuple(stack[0][0])


def _path(text: str) -> VarPath:
    path = tuple(text.split("."))
    if path[0] in _RESERVED:
        raise Unsupported(text)
    return path


def _condition(text: str) -> tuple[tuple[bool, VarPath], ...]:
    terms = []
    for term in re.split(r"\s+or\s+", text.strip()):
        negated = term.startswith("not ")
        name = term[4:].strip() if negated else term
        if not _PATH.fullmatch(name):
            raise Unsupported(text)
        terms.append((negated, _path(name)))
    return tuple(terms)


def _lookup(path: VarPath, scope: dict[str, Any]) -> Any:
    """``a.b.c`` as Jinja's sandbox finds it: a variable, then each attribute or else item."""
    try:
        value = scope[path[0]]
    except KeyError:
        raise Unsupported(path[0]) from None  # undefined, or one of Jinja's globals: Jinja decides
    for name in path[1:]:
        try:
            value = getattr(value, name)
        except AttributeError:
            try:
                value = value[name]
            except (TypeError, LookupError):
                raise Unsupported(name) from None
        if callable(value):  # a method: the sandbox has its own rules for those
            raise Unsupported(name)
    return value


def _run(program: Program, scope: dict[str, Any], out: list[str], finalize: Callable[[object], Markup]) -> None:
    for step in program:
        if isinstance(step, str):
            out.append(step)
        elif len(step) == 2:
            value = _lookup(step[0], scope)
            if step[1]:
                value = FILTERS[step[1]](value)
            out.append(str(escape(finalize(value))))
        elif step[0] == "for":
            items = _lookup(step[2], scope)
            if not isinstance(items, (list, tuple)):
                raise Unsupported(step[1])
            for item in items:
                _run(step[3], {**scope, step[1]: item}, out, finalize)
        else:
            true = any(bool(_lookup(path, scope)) != negated for negated, path in step[1])
            _run(step[2] if true else step[3], scope, out, finalize)


# ---- the compiled template, kept in the cache ----------------------------------------------------

_MAGIC = b"xindegen-docx-1\n"
MAX_OUTPUT_CHARS = 64 * 1024 * 1024  # as budget.MAX_OUTPUT_CHARS: past it, Jinja's path reports it


class Precompiled:
    """A Word template's parts, the templated ones as programs of the small language."""

    def __init__(self, members: list[tuple[str, bytes]], programs: dict[str, Program]):
        self.members = members
        self.programs = programs

    def render(self, outline: Outline) -> bytes:
        context = template_context(outline)
        parts: dict[str, bytes] = {}
        for name, program in self.programs.items():
            out: list[str] = []
            _run(program, context, out, finalize_wml if _WML_PART.fullmatch(name) else finalize_plain)
            text = "".join(out)
            if len(text) > MAX_OUTPUT_CHARS:
                raise Unsupported("too long")
            parts[name] = text.encode("utf-8")
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in self.members:
                zf.writestr(member_info(name), parts.get(name, data))
        return buf.getvalue()


def _code() -> bytes:
    """What compiles a template: a new release or an edited module compiles again."""
    here = Path(__file__)
    return __version__.encode() + here.read_bytes() + here.with_name("docx.py").read_bytes()


def _cache_file(key: str) -> Path:
    from ..paths import user_cache_dir

    return user_cache_dir() / f"template-{key[:24]}.pickle"


def _read_cache(key: str) -> Precompiled | None:
    import pickle

    payload = read_sealed(_cache_file(key), _MAGIC, key)
    if payload is None:
        return None
    try:
        members, programs = pickle.loads(payload)
    except Exception:  # written by another version of a library: compile again
        return None
    return Precompiled(members, programs)


def _write_cache(key: str, compiled: Precompiled) -> None:
    import pickle

    payload = pickle.dumps((compiled.members, compiled.programs), protocol=pickle.HIGHEST_PROTOCOL)
    write_sealed(_cache_file(key), _MAGIC, key, payload, "template-*.pickle")


def precompile(path: Path, bold_headings: bool = False) -> Precompiled | None:
    """The template at ``path`` in the small language, from the cache or compiled now; None when
    it needs Jinja (or cannot be read: Jinja's path reports why)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return _precompiled(path, str(path.resolve()), st.st_mtime_ns, st.st_size, st.st_ino, bold_headings)


@lru_cache(maxsize=8)
def _precompiled(path: Path, _resolved: str, _mtime_ns: int, _size: int, _ino: int,
                 bold_headings: bool) -> Precompiled | None:
    from ..errors import InputError
    from ..safeio import read_user_file

    try:
        data = read_user_file(path)
    except InputError:
        return None
    key = hashlib.sha256(_code() + b"\0" + bytes([bold_headings]) + b"\0" + data).hexdigest()
    cached = _read_cache(key)
    if cached is not None:
        return cached
    from .docx import compile_template

    compiled = compile_template(path, bold_headings=bold_headings)  # every check of the template runs here
    try:
        programs = {name: compile_source(source) for name, source in compiled.sources.items()}
    except Unsupported:
        return None
    out = Precompiled(compiled.members, programs)
    _write_cache(key, out)
    return out


def render_docx(outline: Outline, style: str = "gongwen", template: Path | None = None,
                bold_headings: bool = False) -> bytes:
    """Render ``outline`` with ``template`` if given, else with the named style."""
    path = template if template is not None else resolve_style(style)
    fast = precompile(path, bold_headings)
    if fast is not None:
        try:
            return fast.render(outline)
        except Unsupported:
            pass
    from .docx import compile_template

    return compile_template(path, bold_headings=bold_headings).render(outline)
