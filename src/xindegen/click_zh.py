"""Chinese for click's own messages (usage errors, help headings).

click marks its messages for gettext (``from gettext import gettext as _`` in each module). While
one of our commands runs, those module-level ``_`` / ``ngettext`` names look messages up in a small
catalog instead, so our users see Chinese whatever their locale; a message we have no entry for
stays in English. The few words click settles when an option is declared (a path's name, the
--version help) are declared through :func:`path` and :func:`version_option`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any, TypeVar

import click

_CATALOG = {
    "Usage:": "用法:",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "可运行“{command} {option}”查看帮助。",
    "No such command {name!r}.": "没有名为 {name!r} 的命令。",
    "No such option {name!r}.": "没有 {name!r} 这个选项。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing command.": "缺少命令。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Option {name!r} does not take a value.": "选项 {name!r} 不接受值。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "integer": "整数",
    "float": "数字",
    "{value} is not in the range {range}.": "{value} 不在 {range} 范围内。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} 不是有效的真假值，可用：{states}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是目录。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 不可写。",
    "file": "文件",
    "directory": "目录",
    "path": "路径",
    "default: {default}": "默认：{default}",
    "Aborted!": "已取消。",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
}

_PLURAL = {  # singular English -> (singular Chinese, plural Chinese)
    "Got unexpected extra argument ({args})": ("多余的参数（{args}）",) * 2,
    "Did you mean {possibility}?": ("是不是想输入 {possibility}？", "是不是想输入其中之一：{possibilities}？"),
    "Option {name!r} requires an argument.": ("选项 {name!r} 需要一个值。", "选项 {name!r} 需要 {nargs} 个值。"),
    "{value!r} is not {choice}.": ("{value!r} 不是 {choice}。", "{value!r} 不在可选值 {choices} 之中。"),
}


def _gettext(message: str) -> str:
    return _CATALOG.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if singular in _PLURAL:
        return _PLURAL[singular][0 if n == 1 else 1]
    return singular if n == 1 else plural


_F = TypeVar("_F", bound=Callable[..., Any])
_MODULES = ("core", "exceptions", "parser", "types", "decorators", "formatting", "termui")


@contextmanager
def chinese() -> Iterator[None]:
    """Within this block, click speaks Chinese; its own functions are put back afterwards.

    click looks its messages up through module-level ``_`` and ``ngettext`` names; the CLI wraps
    each invocation in this block, so importing xindegen changes nothing in click for anyone else.
    """
    saved: list[tuple[ModuleType, str, object]] = []
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        for attr, ours in (("_", _gettext), ("ngettext", _ngettext)):
            if hasattr(module, attr):
                saved.append((module, attr, getattr(module, attr)))
                setattr(module, attr, ours)
    try:
        yield
    finally:
        for module, attr, original in reversed(saved):
            setattr(module, attr, original)


class _Path(click.Path):
    """A path that is missing, or a directory where a file is wanted (or the reverse), is a problem
    with the input, exit 1 as the README promises, not a usage error (exit 2)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        import os

        from .errors import InputError

        shown = os.fsdecode(value) if isinstance(value, bytes) else str(value)
        if shown != "-" or not self.allow_dash:
            if self.exists and not os.path.lexists(shown):
                raise InputError("目录不存在" if not self.file_okay else "文件不存在", shown)
            if not self.dir_okay and os.path.isdir(shown):
                raise InputError("这是一个目录，请给出文件", shown)
            if not self.file_okay and os.path.exists(shown) and not os.path.isdir(shown):
                raise InputError("这不是目录", shown)
        return super().convert(value, param, ctx)


def path(**kwargs: Any) -> click.Path:
    """``click.Path(**kwargs)``; it names itself (文件, 目录, 路径) when declared, so in Chinese."""
    with chinese():
        return _Path(**kwargs)


def version_option(*args: Any, **kwargs: Any) -> Callable[[_F], _F]:
    """``click.version_option``, whose help text is worded when declared, so in Chinese."""
    with chinese():
        return click.version_option(*args, **kwargs)
