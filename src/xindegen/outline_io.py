"""Outline <-> YAML: load with validation (every problem, with its line), dump for people."""

from __future__ import annotations

from . import lazyre as re  # patterns compile on first use: imports stay fast
from pathlib import Path
from typing import Any

import yaml
import yaml.resolver

from .errors import OutlineError, Problem
from .text import SURROGATES
from .model import SCHEMA, Closing, Lead, Outline, Quote, Section
from .yamlsafe import (
    LineMap,
    PathKey,
    ProblemError,
    Problems,
    YamlProblem,
    iter_documents,
    load_documents,
)

_TOP_KEYS = ("schema", "title", "subtitle", "topic", "lead", "sections", "closing",
             "author", "unit", "date", "meta")
_SIGNATURE = ("author", "unit", "date")


class _Validator(Problems):
    """Builds model objects from plain data, collecting every problem instead of stopping."""

    def mapping(self, value: Any, path: PathKey, keys: tuple[str, ...]) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.error(path, f"应为映射（键: 值），实际是{_kind(value)}")
            return None
        for key in value:
            if key not in keys:
                self.error((*path, key), f"未知字段（可用字段：{', '.join(keys)}）")
        return value

    def text(self, data: dict[str, Any], key: str, path: PathKey, required: bool = False) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                self.error((*path, key), "缺少必填字段" if key not in data else "不能为空")
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error((*path, key), f"应为文字，实际是{_kind(value)}")
            return None
        text = str(value)
        if required and not text.strip():
            self.error((*path, key), "不能为空")
        return text

    def items(self, data: dict[str, Any], key: str, path: PathKey, hint: str = "") -> tuple[PathKey, list[Any]]:
        """The path of the list at ``key`` and its items (none when absent or null)."""
        path = (*path, key)
        value = data.get(key)
        if value is None:
            return path, []
        if not isinstance(value, list):
            self.error(path, f"应为列表{hint}，实际是{_kind(value)}")
            return path, []
        return path, value

    def paragraphs(self, data: dict[str, Any], path: PathKey, required: bool = False) -> list[str]:
        if required and "paragraphs" not in data:
            self.error((*path, "paragraphs"), "缺少必填字段")
        path, value = self.items(data, "paragraphs", path, "（每段一项，以“- ”开头）")
        out = []
        for i, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                out.append(item)
            elif isinstance(item, str) or item is None:
                self.error((*path, i), "段落不能为空")
            else:
                self.error((*path, i), f"段落应为文字，实际是{_kind(item)}")
        return out

    def quote(self, value: Any, path: PathKey) -> Quote | None:
        data = self.mapping(value, path, ("text", "source"))
        if data is None:
            return None
        text = self.text(data, "text", path, required=True)
        source = self.text(data, "source", path)
        return Quote(text, source) if text else None

    def quotes(self, data: dict[str, Any], path: PathKey) -> list[Quote]:
        path, value = self.items(data, "quotes", path)
        return [q for i, item in enumerate(value) if (q := self.quote(item, (*path, i)))]

    def outline(self, value: Any) -> Outline | None:
        data = self.mapping(value, (), _TOP_KEYS)
        if data is None:
            return None
        schema = data.get("schema", SCHEMA)
        if schema != SCHEMA:
            self.error(("schema",), f"不支持的提纲版本 {schema!r}（应为 {SCHEMA}）")
        title = self.text(data, "title", (), required=True)
        outline = Outline(
            title=title or "",
            subtitle=self.text(data, "subtitle", ()),
            topic=self.text(data, "topic", ()),
        )
        for key in _SIGNATURE:
            setattr(outline, key, self.text(data, key, ()))

        if data.get("lead") is not None:
            lead = self.mapping(data["lead"], ("lead",), ("quote", "quotes", "paragraphs"))
            if lead is not None:
                quote = lead.get("quote")
                outline.lead = Lead(
                    quote=None if quote is None else self.quote(quote, ("lead", "quote")),
                    paragraphs=self.paragraphs(lead, ("lead",)),
                    quotes=self.quotes(lead, ("lead",)),
                )

        at, sections = self.items(data, "sections", ())
        for i, item in enumerate(sections):
            path = (*at, i)
            sec = self.mapping(item, path, ("heading", "tag", "quotes", "paragraphs"))
            if sec is None:
                continue
            outline.sections.append(Section(
                heading=self.text(sec, "heading", path),
                tag=self.text(sec, "tag", path),
                quotes=self.quotes(sec, path),
                paragraphs=self.paragraphs(sec, path, required=True),
            ))

        if data.get("closing") is not None:
            closing = self.mapping(data["closing"], ("closing",), ("paragraphs", "quotes"))
            if closing is not None:
                outline.closing = Closing(self.paragraphs(closing, ("closing",)),
                                          self.quotes(closing, ("closing",)))

        meta = data.get("meta")
        if isinstance(meta, dict):
            outline.meta = meta
        elif meta is not None:
            self.error(("meta",), f"应为映射，实际是{_kind(meta)}")
        return outline


def _kind(value: Any) -> str:
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "真假值"
    if isinstance(value, (int, float)):
        return "数字"
    if isinstance(value, str):
        return "文字"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "映射"
    return type(value).__name__  # pragma: no cover


def outline_from_data(value: Any, file: str = "<outline>", lines: LineMap | None = None) -> Outline:
    """Validate plain data (as loaded from YAML or JSON) into an :class:`Outline`."""
    checker = _Validator(file, lines or {})
    outline = checker.outline(value)
    if checker.problems or outline is None:
        raise OutlineError(checker.problems or [Problem(file, None, "", "提纲为空")])
    return outline


def loads_outlines(text: str, file: str = "<outline>") -> list[Outline]:
    """Load every outline of a YAML stream (``---`` separated), validating each."""
    try:
        docs = list(iter_documents(text))
    except YamlProblem as exc:
        raise OutlineError([Problem(file, exc.line, "", exc.message)]) from None
    return _validate_all(docs, file)


def _validate_all(docs: list[tuple[Any, LineMap]], file: str) -> list[Outline]:
    docs = [d for d in docs if d[0] is not None]
    if not docs:
        raise OutlineError([Problem(file, None, "", "文件中没有提纲（空文件）")])
    outlines, problems = [], []
    for value, lines in docs:
        try:
            outlines.append(outline_from_data(value, file, lines))
        except OutlineError as exc:
            problems.extend(exc.problems)
    if problems:
        raise OutlineError(problems)
    return outlines


def loads_outline(text: str, file: str = "<outline>") -> Outline:
    outlines = loads_outlines(text, file)
    if len(outlines) > 1:
        raise OutlineError([Problem(file, None, "", f"文件含有 {len(outlines)} 篇提纲，这里只能用一篇")])
    return outlines[0]


def load_outlines(file: str | Path) -> list[Outline]:
    try:
        docs = load_documents(file)
    except ProblemError as exc:
        raise OutlineError([exc.problem]) from None
    return _validate_all(docs, str(file))


def load_outline(file: str | Path) -> Outline:
    """Load and validate one outline file. Raises :class:`OutlineError` listing every problem."""
    outlines = load_outlines(file)
    if len(outlines) > 1:
        raise OutlineError([Problem(str(file), None, "", f"文件含有 {len(outlines)} 篇提纲，这里只能用一篇")])
    return outlines[0]


# ---- dumping -------------------------------------------------------------------------------

def _quote_data(q: Quote) -> dict[str, Any]:
    return {"text": q.text, "source": q.source}


def outline_to_data(o: Outline) -> dict[str, Any]:
    """Plain data in DESIGN.md key order (also the JSON form)."""
    data: dict[str, Any] = {
        "schema": o.schema,
        "title": o.title,
        "subtitle": o.subtitle,
        "topic": o.topic,
        "lead": {
            "quote": _quote_data(o.lead.quote) if o.lead.quote else None,
            # optional: the lead's other quotations, written only when there are some
            **({"quotes": [_quote_data(q) for q in o.lead.quotes]} if o.lead.quotes else {}),
            "paragraphs": list(o.lead.paragraphs),
        },
        "sections": [
            {
                "heading": s.heading,
                "tag": s.tag,
                "quotes": [_quote_data(q) for q in s.quotes],
                "paragraphs": list(s.paragraphs),
            }
            for s in o.sections
        ],
        "closing": {
            **({"quotes": [_quote_data(q) for q in o.closing.quotes]} if o.closing.quotes else {}),
            "paragraphs": list(o.closing.paragraphs),
        },
    }
    for key in _SIGNATURE:
        if getattr(o, key) is not None:
            data[key] = getattr(o, key)
    data["meta"] = o.meta
    return data


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # indent list items under their key


_UNICODE_BREAKS = ("\x85", "\u2028", "\u2029")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Multi-line text as a literal block; PyYAML falls back to quoting when a block can't hold it.
    # Unicode line breaks would be written raw in any other style and read back as newlines.
    value = SURROGATES.sub("\ufffd", value)  # a file name that was not UTF-8: readable back, as �
    style = '"' if any(c in value for c in _UNICODE_BREAKS) else "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)
_RESOLVER = yaml.resolver.Resolver()

# libyaml's emitter writes the same data about eight times as fast, but puts a list under its key
# without indenting the dashes: the same YAML, laid out a little differently. Used where speed
# matters (parse -o writing many outlines); the pure-Python one where it is missing.
_FastDumper: Any = _Dumper
if hasattr(yaml, "CSafeDumper"):
    class _CDumper(yaml.CSafeDumper):
        pass

    _CDumper.add_representer(str, _represent_str)  # type: ignore[arg-type]  # the same representer API
    _FastDumper = _CDumper


def dump_yaml(data: Any, fast: bool = False) -> str:
    """YAML a person can edit: characters not escapes, block style, no line folding."""
    if fast and _FastDumper is not _Dumper:
        plain = _plain_yaml(data)
        if plain is not None:
            return plain
    return yaml.dump(data, Dumper=_FastDumper if fast else _Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1_000_000)


# ---- the common case of libyaml's layout, written directly ----------------------------------------
# An outline is mappings, lists and one-line text that libyaml writes as plain scalars. Building
# PyYAML's node tree for it cost more than parsing the essay, so such data is written here in
# libyaml's exact layout (tests compare the two); anything else (a line break, a character libyaml
# escapes or quotes, text that would read back as another type) goes to libyaml whole.

# Plain in libyaml's block context: no character libyaml escapes (C0/C1 controls, U+2028/9,
# U+FEFF, U+FFFE/F, surrogates, and beyond U+FFFF), no indicator first, no ``: `` or `` #``, no
# space last. Text opened by an ASCII character is plain only when the resolver reads it as a string.
_UNPRINTABLE = "\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff\U00010000-\U0010ffff"
_SPECIAL = re.compile(f"[{_UNPRINTABLE}:#]")  # one class: scanned fast; the rest looked at only after one
_NOT_PLAIN = re.compile(f"[{_UNPRINTABLE}]|: |:\\Z| #")
_PLAIN_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_()/;<=+$^~\\")  # not "." (...)
_PLAIN_KEYS = frozenset({
    "schema", "title", "subtitle", "topic", "lead", "quote", "quotes", "paragraphs", "sections", "heading", "tag",
    "closing", "text", "source", "author", "unit", "date", "meta", "essay", "essays", "encoding", "collection",
    "truncated", "converted", "placeholders", "parser"})
_PLAIN_LIMIT = 100_000  # libyaml folds a plain line at a space past its width (1,000,000 columns)
_STR_TAG = "tag:yaml.org,2002:str"


class _NotPlain(Exception):
    pass


def _plain_yaml(data: Any) -> str | None:
    """``data`` as libyaml writes it with ``dump_yaml(fast=True)``, or None when not sure."""
    if not isinstance(data, dict) or not data:
        return None
    out: list[str] = []
    try:
        _plain_mapping(data, "", "", out)
    except _NotPlain:
        return None
    return "".join(out)


def _plain_scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return str(value)
    if type(value) is str and 0 < len(value) < _PLAIN_LIMIT and value[-1] != " ":
        special = _SPECIAL.search(value)
        if special is None or (special.group() in ":#" and not _NOT_PLAIN.search(value, max(special.start() - 1, 0))):
            first = value[0]
            if first > "\xa0" or (first in _PLAIN_FIRST and  # ASCII: read back as a string, not a number
                                  _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _STR_TAG):  # type: ignore[no-untyped-call]
                return value
    raise _NotPlain


def _plain_mapping(data: dict[Any, Any], first: str, indent: str, out: list[str]) -> None:
    """A block mapping: its first key after ``first`` (a list item's dash), the others at ``indent``."""
    lead = first
    for key, value in data.items():
        if key not in _PLAIN_KEYS:
            raise _NotPlain
        if isinstance(value, dict):
            if not value:
                out.append(f"{lead}{key}: {{}}\n")
            else:
                out.append(f"{lead}{key}:\n")
                _plain_mapping(value, indent + "  ", indent + "  ", out)
        elif isinstance(value, list):
            if not value:
                out.append(f"{lead}{key}: []\n")
            else:
                out.append(f"{lead}{key}:\n")
                _plain_sequence(value, indent, out)  # libyaml sets a list's dashes under its key
        else:
            out.append(f"{lead}{key}: {_plain_scalar(value)}\n")
        lead = indent


def _plain_sequence(items: list[Any], indent: str, out: list[str]) -> None:
    for item in items:
        if isinstance(item, dict) and item:
            _plain_mapping(item, indent + "- ", indent + "  ", out)
        elif isinstance(item, (dict, list)):
            raise _NotPlain  # an empty or nested collection: rare, left to libyaml
        else:
            out.append(f"{indent}- {_plain_scalar(item)}\n")


def dumps_outline(outline: Outline, fast: bool = False) -> str:
    """``fast``: libyaml's emitter, same data, list items not indented under their key."""
    return dump_yaml(outline_to_data(outline), fast)


def dumps_outlines(outlines: list[Outline]) -> str:
    return yaml.dump_all([outline_to_data(o) for o in outlines], Dumper=_Dumper, allow_unicode=True,
                         sort_keys=False, default_flow_style=False, width=1_000_000,
                         explicit_start=True)


def dump_outline(outline: Outline, file: str | Path, overwrite: bool = False) -> None:
    from .fsutil import write_output

    write_output(Path(file), dumps_outline(outline), overwrite=overwrite)
