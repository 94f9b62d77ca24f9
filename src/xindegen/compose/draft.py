"""One entry point for a draft, whoever writes its prose: ``xindegen new``, ``batch`` and the web page.

``writer="offline"`` (the default) is :func:`~.plan.compose`. ``writer="llm"`` composes the same
plan offline first, then has a language model write the prose of each part to that plan and checks
every answer (:mod:`xindegen.llm`): what fails the checks stays offline, and ``meta.writer`` says
which parts and why. A fault of the endpoint raises :class:`~xindegen.llm.client.LLMError`, so
that no file is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import InputError
from ..model import Outline
from .grammar import Spread
from .plan import compose
from .request import ComposeRequest
from .rhetoric import Rhetoric

if TYPE_CHECKING:
    from ..llm.client import ChatClient
    from ..llm.config import LLMConfig

WRITERS = ("offline", "llm")


def write_draft(request: ComposeRequest, *, writer: str = "offline", llm: LLMConfig | None = None,
                client: ChatClient | None = None, variant: int | None = None,
                distinct: Callable[[str], tuple[float, list[str]]] | None = None, parallel: bool = True,
                rhetoric: Rhetoric | None = None, spread: Spread | None = None) -> Outline:
    """A draft for ``request``, its prose by the offline writer or by a language model.

    For ``writer="llm"``: ``llm`` is the endpoint (default: :func:`~xindegen.llm.config.load_llm_config`),
    or ``client`` one already open (shared by the drafts of a batch); ``variant`` picks the way of
    writing (default: the seed), ``distinct(text)`` returns the share of ``text`` found in other drafts
    and the passages (a batch rejects answers over its limit), ``parallel`` asks for the parts at once.
    """
    if writer not in WRITERS:
        raise InputError(f"没有名为“{writer}”的写作器，可用：{'、'.join(WRITERS)}")
    if writer == "offline":
        return compose(request, rhetoric=rhetoric, spread=spread)

    from ..llm.client import ChatClient
    from ..llm.config import load_llm_config
    from ..llm.writer import LLMWriter

    own = client is None
    active = client if client is not None else ChatClient(llm or load_llm_config())  # before any work
    try:
        plan = compose(request, rhetoric=rhetoric, spread=spread)
        return LLMWriter(active).write(plan, brief=request.brief, material=request.material, length=request.length,
                                       variant=variant, distinct=distinct, parallel=parallel)
    finally:
        if own:
            active.close()
