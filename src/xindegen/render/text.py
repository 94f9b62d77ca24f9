"""Render outlines to text formats through Jinja templates.

Templates are looked up user-first: ``--template-dir``, then the per-user config directory, then
the built-ins. Every template runs in Jinja's sandbox with StrictUndefined, so a template from
elsewhere cannot run code, and a typo in a variable name is an error rather than a blank.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from pathlib import Path

import jinja2

from ..errors import InputError, TemplateError
from ..model import Outline
from ..paths import builtin_templates_dir, user_templates_dir
from ..safeio import read_user_file
from ..text import chinese_numeral, count_chars
from .budget import BudgetedEnvironment, render_bounded
from .context import FORMAT_BY_SUFFIX as FORMAT_BY_SUFFIX
from .context import template_context as template_context

TEXT_FORMATS = {"md": "outline.md.j2", "txt": "outline.txt.j2"}


def template_dirs(template_dir: Path | None = None) -> list[Path]:
    if template_dir and not Path(template_dir).is_dir():  # not a silent fall-back to the built-ins
        raise TemplateError("模板目录不存在", template_dir)
    dirs = [template_dir] if template_dir else []
    return [*dirs, user_templates_dir(), builtin_templates_dir()]


MAX_TEMPLATE_BYTES = 1024 * 1024
"""A text template file; the built-in ones are under 2 KB."""


def read_template_source(path: Path) -> str:
    """A template file's text: a regular file within the cap, in UTF-8, or a TemplateError."""
    try:
        data = read_user_file(path, MAX_TEMPLATE_BYTES)
    except InputError as exc:
        raise TemplateError(exc.message, path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TemplateError("模板文件不是 UTF-8 编码", path) from None


class _BoundedLoader(jinja2.FileSystemLoader):
    """FileSystemLoader that reads through the bounded reader (no FIFO, no endless file)."""

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        from jinja2.loaders import split_template_path

        pieces = split_template_path(template)  # refuses "..": no escape from the search path
        for directory in self.searchpath:
            path = Path(directory, *pieces)
            if path.exists():  # the first one found wins, even a FIFO: it is refused, not skipped
                source = read_template_source(path)
                mtime = path.stat().st_mtime_ns
                return source, str(path), partial(_unchanged, path, mtime)
        raise jinja2.TemplateNotFound(template)


def _unchanged(path: Path, mtime: int) -> bool:
    try:
        return path.stat().st_mtime_ns == mtime
    except OSError:
        return False


def make_environment(dirs: Sequence[Path]) -> BudgetedEnvironment:
    env = BudgetedEnvironment(
        loader=_BoundedLoader([str(d) for d in dirs]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters["cn_num"] = chinese_numeral
    env.filters["chars"] = count_chars
    return env


@lru_cache(maxsize=16)
def _environment(dirs: tuple[Path, ...]) -> BudgetedEnvironment:
    """One environment per search path, so its compiled templates are reused (batch renders many)."""
    return make_environment(dirs)


def render_text(outline: Outline, fmt: str = "md", template_dir: Path | None = None) -> str:
    """Render ``outline`` as Markdown (``md``) or plain text (``txt``)."""
    name = TEXT_FORMATS[fmt]
    env = _environment(tuple(template_dirs(template_dir)))
    try:
        template = env.get_template(name)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"模板语法错误：{exc.message}", exc.filename or name, exc.lineno) from None
    except jinja2.TemplateNotFound:
        raise TemplateError("找不到模板", name) from None
    text = render_bounded(template, template_context(outline), template.filename or name)
    return text.rstrip() + "\n"  # exactly one final newline, however the template ends
