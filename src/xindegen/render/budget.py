"""A time and output-size budget for template rendering, and one error for whatever goes wrong.

Jinja's sandbox stops a template from reaching files or code, but not from working forever
(nested loops), building a huge value (``"x" * 10**10``, ``"x"|center(10**9)``) or failing with a
Python error in a filter. Templates are user files, and a batch must not stall on one, so:

- every ``for`` loop iterates through :func:`_loop`, which checks the deadline on each step;
- every call (macros too, so recursion) and every ``*``/``**`` checks the deadline, and refuses
  integer arguments and results past a size a document never needs;
- ``~`` concatenation is checked for length, and the output is counted as it is produced;
- any exception inside rendering becomes one :class:`TemplateError` line naming the template.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer

from ..errors import TemplateError
from ..text import SURROGATES

TEMPLATE_SECONDS = 20.0
"""Wall time for one rendering of one template (an essay takes milliseconds)."""
MAX_OUTPUT_CHARS = 64 * 1024 * 1024
"""Characters one rendering may produce (an essay is tens of thousands)."""
MAX_ARGUMENT = 1_000_000
"""Largest integer a filter or call takes (a width, a count); larger ones only build huge values."""
MAX_VALUE_CHARS = 16 * 1024 * 1024
"""Longest string or list that ``*`` or ``~`` may build."""


_TOO_LONG = f"模板构造的文字或列表太长（超过 {MAX_VALUE_CHARS} 个字符或元素）"


class TemplateBudgetError(TemplateError):
    """A template ran past its time or size budget (not a data-dependent failure)."""


class _Exceeded(Exception):
    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


_deadline: ContextVar[float | None] = ContextVar("xindegen_template_deadline", default=None)


def _tick() -> None:
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise _Exceeded(f"模板渲染超过 {TEMPLATE_SECONDS:g} 秒，已停止（是否有过多或无尽的循环、递归？）")


def _argument(value: Any) -> Any:
    _tick()
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_ARGUMENT:
        raise _Exceeded(f"模板中的数字参数{_short_int(value)}太大（上限 {MAX_ARGUMENT}）")
    return value


def _sized(value: Any) -> Any:
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_VALUE_CHARS:
        raise _Exceeded(_TOO_LONG)
    return value


def _loop(iterable: Iterable[Any]) -> Iterator[Any]:
    for item in iterable:
        _tick()
        yield item


def _short_int(value: int) -> str:
    digits = len(str(abs(value))) if abs(value) < 10**4000 else 4000
    return f" {value} " if digits <= 12 else f"（{digits} 位数）"


_HOOKS = {"_xindegen_loop": _loop, "_xindegen_arg": _argument, "_xindegen_sized": _sized}


def _hook(name: str, node: nodes.Node) -> nodes.Call:
    return nodes.Call(nodes.Name(name, "load", lineno=node.lineno), [node], [], None, None, lineno=node.lineno)


class _Instrument(NodeTransformer):
    """Routes loops, filter arguments and concatenations through the budget hooks."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = _hook("_xindegen_loop", node.iter)
        return node

    def visit_Filter(self, node: nodes.Filter) -> nodes.Node:
        self.generic_visit(node)
        node.args = [_hook("_xindegen_arg", a) for a in node.args]
        for keyword in node.kwargs:
            keyword.value = _hook("_xindegen_arg", keyword.value)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return _hook("_xindegen_sized", node)


class BudgetedEnvironment(SandboxedEnvironment):
    """The sandbox with the budget hooks compiled into every template."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self.globals.update(_HOOKS)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        try:
            parsed = super()._parse(source, name, filename)
        except RecursionError:  # "{{ {{ {{ …": Jinja's parser recurses once per opening
            raise jinja2.TemplateSyntaxError("模板嵌套太深，无法解析", 1, name, filename) from None
        tree: nodes.Template = _Instrument().visit(parsed)
        tree.set_environment(self)
        return tree

    def call(__self, __context: jinja2.runtime.Context, __obj: Any,  # noqa: N805 - Jinja's signature
             *args: Any, **kwargs: Any) -> Any:
        _tick()
        for value in (*args, *kwargs.values()):
            _argument(value)
        return _sized(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        _tick()
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_VALUE_CHARS:
                    raise _Exceeded(_TOO_LONG)
        if (operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1
                and right * abs(left).bit_length() > 4 * MAX_ARGUMENT):
            raise _Exceeded("模板中的乘方结果太大")
        return super().call_binop(context, operator, left, right)


def render_bounded(template: jinja2.Template, context: dict[str, Any], where: object) -> str:
    """``template`` rendered with ``context`` within the budget; any failure is one TemplateError."""
    token = _deadline.set(time.monotonic() + TEMPLATE_SECONDS)
    parts: list[str] = []
    size = 0
    try:
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS:
                raise _Exceeded(f"模板输出超过 {MAX_OUTPUT_CHARS} 个字符，已停止")
            parts.append(chunk)
    except _Exceeded as exc:
        raise TemplateBudgetError(exc.message, _name(where)) from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"模板使用了未定义的变量：{exc.message}", _name(where)) from None
    except jinja2.exceptions.SecurityError as exc:
        raise TemplateError(f"模板试图执行不允许的操作：{_one_line(exc)}", _name(where)) from None
    except RecursionError:
        raise TemplateError("模板渲染失败：递归太深（宏是否在无限调用自己？）", _name(where)) from None
    except MemoryError:
        raise TemplateBudgetError("模板渲染失败：内存不足（模板构造的值太大）", _name(where)) from None
    except Exception as exc:  # template code is user code: any error is the template's
        raise TemplateError(f"模板渲染失败：{type(exc).__name__}: {_one_line(exc)}", _name(where)) from None
    finally:
        _deadline.reset(token)
    text = "".join(parts)
    bad = SURROGATES.search(text)
    if bad:
        raise TemplateError(f"模板输出了无效的字符 U+{ord(bad.group()):04X}（孤立的代理项）", _name(where))
    return text


def _name(where: object) -> str:
    return str(where)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] + ("…" if len(text) > 200 else "")
