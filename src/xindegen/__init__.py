"""xindegen: structured drafts of 心得体会-style reflection reports.

The public API follows the pipeline: load or build an :class:`Outline`, then render it.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import (
    InputError,
    OutlineError,
    OutputError,
    Problem,
    TemplateError,
    XindegenError,
)
from .model import Closing, Lead, Outline, Quote, Section
from .outline_io import dump_outline, dumps_outline, load_outline, loads_outline
from .render.text import render_text

__all__ = [
    "__version__",
    "Closing",
    "InputError",
    "Lead",
    "Outline",
    "OutlineError",
    "OutputError",
    "Problem",
    "Quote",
    "Section",
    "TemplateError",
    "XindegenError",
    "dump_outline",
    "dumps_outline",
    "load_outline",
    "loads_outline",
    "render_text",
]
