"""Safe YAML loading that keeps line numbers and refuses what a data file never needs.

PyYAML's ``compose`` builds a node tree without constructing any object, so a
``!!python/...`` tag can be refused before anything runs. We then build plain values ourselves,
which lets us record the line of every value, reject duplicate keys, and cap alias expansion
(a "billion laughs" file) and nesting depth.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import InputError, Problem
# The parts of a checked file's problems that need no YAML parser live apart, so that what
# checks data already loaded (the compiled rhetoric data) starts without importing PyYAML.
from .problems import LineMap as LineMap
from .problems import PathKey as PathKey
from .problems import ProblemError as ProblemError
from .problems import Problems as Problems
from .problems import YamlProblem as YamlProblem
from .problems import format_path as format_path
from .problems import line_of as line_of
from .safeio import read_user_file
from .text import SURROGATES, UndecodableError, decode_bytes, has_bom

_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when libyaml is there
MAX_NODES = 200_000  # values built from one document, counting every alias expansion
MAX_CHARS = 20_000_000  # characters of text in one document, counting every alias expansion
MAX_DEPTH = 64

_T = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_T}{t}" for t in ("str", "null", "bool", "int", "float", "timestamp")}


class _Builder:
    def __init__(self) -> None:
        self.lines: LineMap = {}
        self.count = 0
        self.chars = 0
        self._scalars = yaml.constructor.SafeConstructor()

    def build(self, node: Node, path: PathKey = (), depth: int = 0) -> Any:
        self.count += 1
        line = node.start_mark.line + 1
        if self.count > MAX_NODES:
            raise YamlProblem(line, f"别名（&/*）展开后超过 {MAX_NODES} 个值，拒绝加载")
        if depth > MAX_DEPTH:
            raise YamlProblem(line, f"嵌套超过 {MAX_DEPTH} 层，拒绝加载")
        self.lines.setdefault(path, line)
        if isinstance(node, ScalarNode):
            return self._scalar(node, line)
        if isinstance(node, SequenceNode):
            if node.tag != f"{_T}seq":
                raise _bad_tag(node.tag, line)
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != f"{_T}map":
                raise _bad_tag(node.tag, line)
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key_line = key_node.start_mark.line + 1
                if not isinstance(key_node, ScalarNode) or key_node.tag == f"{_T}merge":
                    raise YamlProblem(key_line, "键必须是普通文字（不支持 << 合并或复合键）")
                key = str(self._scalar(key_node, key_line))
                if key in out:
                    raise YamlProblem(key_line, f"重复的键 “{key}”")
                out[key] = self.build(value_node, (*path, key), depth + 1)
            return out
        raise YamlProblem(line, "无法识别的 YAML 结点")  # pragma: no cover - PyYAML has no other kind

    def _scalar(self, node: ScalarNode, line: int) -> Any:
        if node.tag not in _SCALAR_TAGS:
            raise _bad_tag(node.tag, line)
        # An alias is the same node built again: one long anchored string aliased a thousand
        # times is a few values but gigabytes of text once rendered.
        self.chars += len(node.value)
        if self.chars > MAX_CHARS:
            raise YamlProblem(line, f"文字（含别名 &/* 展开）超过 {MAX_CHARS // 10_000} 万字，拒绝加载")
        if node.tag in (f"{_T}str", f"{_T}timestamp"):  # dates stay text: 2026年1月3日 or 2026-01-03
            bad = SURROGATES.search(node.value)
            if bad:  # a "\ud800" escape: no file or screen can take it, so refuse it at its line
                raise YamlProblem(line, f"含有无效的字符 U+{ord(bad.group()):04X}（孤立的代理项，"
                                        "无法保存或显示），请删除")
            return node.value
        try:
            return self._scalars.construct_object(node)
        except (ValueError, OverflowError):  # Python will not build an int of more than 4,300 digits
            raise YamlProblem(line, f"数字太长（{len(node.value)} 位），如果这是文字，请加引号") from None


def _bad_tag(tag: str, line: int) -> YamlProblem:
    shown = tag.replace(_T, "!!", 1)
    return YamlProblem(line, f"不支持的 YAML 标签 {shown}（出于安全考虑只接受普通数据）")


def iter_documents(text: str) -> Iterator[tuple[Any, LineMap]]:
    """Yield ``(value, lines)`` for each document of a YAML stream. Raises :class:`YamlProblem`."""
    if "\x00" in text:
        raise YamlProblem(None, "文件含有空字符（NUL），不是文本文件")
    try:
        try:  # libyaml parses ten times faster; the pure-Python parser words a problem better
            nodes = list(yaml.compose_all(text, Loader=_FAST_LOADER))
        except yaml.YAMLError:
            nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
        for node in nodes:
            builder = _Builder()
            value = None if node is None else builder.build(node)
            yield value, builder.lines
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise YamlProblem(line, f"YAML 语法错误：{_describe(exc)}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(None, f"YAML 无法读取：{exc}") from None
    except RecursionError:
        raise YamlProblem(None, f"嵌套超过 {MAX_DEPTH} 层，拒绝加载") from None


_KNOWN_PROBLEMS = (  # PyYAML's wording (prefix) -> what a person editing the file should hear
    ("found character '\\t' that cannot start any token", "含有制表符（Tab），YAML 缩进只能用空格"),
    ("mapping values are not allowed here", "此处不能出现“键: 值”（可能缺少引号或缩进不对）"),
    ("could not find expected ':'", "缺少冒号 “:”"),
    ("expected ',' or ']'", "方括号 [ ] 没有闭合"),
    ("expected ',' or '}'", "花括号 { } 没有闭合"),
    ("found unexpected end of stream", "文件意外结束（引号没有闭合？）"),
    ("found undefined alias", "引用了未定义的别名（*）"),
    ("expected <block end>, but found", "缩进不一致"),
)


def _describe(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or exc.context or "格式错误"
    for prefix, chinese in _KNOWN_PROBLEMS:
        if problem.startswith(prefix):
            return chinese
    return problem


def load_documents(file: str | Path) -> list[tuple[Any, LineMap]]:
    """Read a YAML file as a list of ``(value, lines)``; every failure is a :class:`Problem`."""
    name = str(file)
    try:
        return list(iter_documents(_decode(read_user_file(Path(file)))))
    except YamlProblem as exc:
        raise ProblemError(Problem(name, exc.line, "", exc.message)) from None
    except InputError as exc:  # missing, a device or FIFO, over the size cap
        raise ProblemError(Problem(name, None, "", exc.message)) from None


def _decode(data: bytes) -> str:
    """A hand-edited text file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030."""
    if b"\x00" in data and not has_bom(data):
        raise YamlProblem(None, "这是二进制文件，不是文本文件")
    try:
        return decode_bytes(data, detect=False)[0]
    except UndecodableError as exc:
        raise YamlProblem(None, str(exc)) from None
