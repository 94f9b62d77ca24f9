"""xindegen: structured drafts of 心得体会-style reflection reports.

The public API follows the pipeline around one model, the :class:`Outline`: parse essays into
outlines (:func:`parse_file`, :func:`parse_text`), compose a new one for a topic
(:func:`compose` with a :class:`ComposeRequest`), load, edit and save outlines
(:func:`load_outline`, :func:`dump_outline` and the string forms :func:`loads_outline`,
:func:`dumps_outline`), and render them (:func:`render_bytes`, :func:`write_rendered`)::

    import xindegen

    draft = xindegen.compose(xindegen.ComposeRequest(topic="安全生产", seed=8))
    xindegen.write_rendered(draft, "安全生产.docx")

Every failure is a :class:`XindegenError` whose message (in Chinese) names the file and line.
The names are imported when first used (PEP 562), so ``import xindegen`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# ``compose`` is both the compose stage's subpackage and the API's function. Loading the (empty)
# subpackage now and freeing the name keeps ``xindegen.compose`` the function, whatever imports
# the stage's modules later (their import no longer touches this attribute).
importlib.import_module(f"{__name__}.compose")
del globals()["compose"]

_EXPORTS = {
    # the model
    "Outline": ".model", "Lead": ".model", "Section": ".model", "Closing": ".model", "Quote": ".model",
    # outline files
    "load_outline": ".outline_io", "loads_outline": ".outline_io",
    "dump_outline": ".outline_io", "dumps_outline": ".outline_io",
    # the stages
    "parse_file": ".parse.decompose", "parse_text": ".parse.decompose",
    "compose": ".compose.plan", "ComposeRequest": ".compose.request",
    # the writer of a draft's prose: offline, or a language model under the plan (the llm extra)
    "write_draft": ".compose.draft", "LLMConfig": ".llm.config", "load_llm_config": ".llm.config",
    "LLMError": ".llm.client",
    "render_bytes": ".render.output", "write_rendered": ".render.output", "RenderOptions": ".render.output",
    "render_text": ".render.text",
    # errors
    "XindegenError": ".errors", "InputError": ".errors", "OutputError": ".errors", "TemplateError": ".errors",
    "OutlineError": ".errors", "DataError": ".errors", "ProblemsError": ".errors", "Problem": ".errors",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later lookups find it directly
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:
    from .compose.plan import compose as compose
    from .compose.draft import write_draft as write_draft
    from .compose.request import ComposeRequest as ComposeRequest
    from .errors import DataError as DataError
    from .errors import InputError as InputError
    from .errors import OutlineError as OutlineError
    from .errors import OutputError as OutputError
    from .errors import Problem as Problem
    from .errors import ProblemsError as ProblemsError
    from .errors import TemplateError as TemplateError
    from .errors import XindegenError as XindegenError
    from .llm.client import LLMError as LLMError
    from .llm.config import LLMConfig as LLMConfig
    from .llm.config import load_llm_config as load_llm_config
    from .model import Closing as Closing
    from .model import Lead as Lead
    from .model import Outline as Outline
    from .model import Quote as Quote
    from .model import Section as Section
    from .outline_io import dump_outline as dump_outline
    from .outline_io import dumps_outline as dumps_outline
    from .outline_io import load_outline as load_outline
    from .outline_io import loads_outline as loads_outline
    from .parse.decompose import parse_file as parse_file
    from .parse.decompose import parse_text as parse_text
    from .render.output import RenderOptions as RenderOptions
    from .render.output import render_bytes as render_bytes
    from .render.output import write_rendered as write_rendered
    from .render.text import render_text as render_text
