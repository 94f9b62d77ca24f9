"""The end of the pipeline: pick a format from the output name, render, write safely."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..fsutil import check_writable, write_output
from ..model import Outline
from .context import FORMAT_BY_SUFFIX

FORMATS = ("md", "txt", "yaml", "docx")


@dataclass
class RenderOptions:
    """Everything that shapes a rendered file besides the outline itself."""

    template_dir: Path | None = None
    # Word output: a built-in or per-user style name, or a template file that overrides it.
    style: str = "gongwen"
    docx_template: Path | None = None
    bold_headings: bool = False


def render_options(options: Mapping[str, Any]) -> RenderOptions:
    """The layout that ``xindegen new`` and ``render`` options ask for; a manifest row uses the same names.

    Keys: ``style``, ``template`` (a Word template file), ``bold_headings`` and ``template_dir``;
    missing ones take the defaults, other keys are ignored.
    """
    return RenderOptions(template_dir=options.get("template_dir"), style=str(options.get("style") or "gongwen"),
                         docx_template=options.get("template"), bold_headings=bool(options.get("bold_headings")))


def format_for(path: Path, explicit: str | None = None) -> str:
    if explicit:
        return explicit
    fmt = FORMAT_BY_SUFFIX.get(path.suffix.lower())
    if fmt is None or fmt not in FORMATS:
        known = "、".join(s for s, f in FORMAT_BY_SUFFIX.items() if f in FORMATS)
        raise OutputError(f"不支持的输出格式“{path.suffix or '（无后缀）'}”，可用：{known}", path)
    return fmt


def render_bytes(outline: Outline, fmt: str, options: RenderOptions | None = None) -> bytes:
    options = options or RenderOptions()
    # Each format's renderer is imported when used: a .docx needs neither PyYAML nor Jinja.
    if fmt == "yaml":
        from ..outline_io import dumps_outline

        return dumps_outline(outline).encode("utf-8")
    if fmt == "docx":
        from .precompiled import render_docx  # the Jinja path only when the template needs it

        return render_docx(outline, options.style, options.docx_template, options.bold_headings)
    from .text import render_text

    return render_text(outline, fmt, options.template_dir).encode("utf-8")


def check_target(out: str, fmt: str | None, overwrite: bool) -> None:
    """Refuse a bad output name before any work is done (unknown suffix, existing file)."""
    if out != "-":
        check_writable(Path(out), overwrite)
        format_for(Path(out), fmt)


def write_rendered(outline: Outline, out: str, fmt: str | None = None,
                   options: RenderOptions | None = None, overwrite: bool = False) -> Path | None:
    """Render ``outline`` to ``out`` (``-`` is stdout, Markdown unless ``fmt`` says otherwise)."""
    if out == "-":
        if fmt == "docx" and sys.stdout.isatty():
            raise OutputError("Word 文件不能直接显示在终端上，请用 -o 指定 .docx 文件名", "-")
        data = render_bytes(outline, fmt or "md", options)
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return None
    path = Path(out)
    check_writable(path, overwrite)  # before rendering: fail fast, touch nothing
    chosen = format_for(path, fmt)
    write_output(path, render_bytes(outline, chosen, options), overwrite=overwrite)
    return path
