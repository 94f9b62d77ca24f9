"""Prose whose wording stays fixed for too long: what a 查重 check could flag across a batch.

``xindegen data audit`` lists them; a ``(甲|乙)`` choice inside such a stretch breaks it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..similarity import RUN
from ..yamlsafe import PathKey, format_path, line_of, load_documents
from .grammar import choices, fixed_run
from .rhetoric import data_dirs, data_files, load_rhetoric

# Characters a slot adds to a fixed stretch: frame values read the same across a batch on one topic;
# every other slot (an angle's sentence, a quotation, a phrase pool) varies from draft to draft.
SLOT_WIDTH = {"name": 6, "domain": 6, "subject": 6, "object": 6, "occasion": 6, "audience": 4, "me": 4,
              "piece": 2, "term": 4}
AUDIT_LIMIT = 8
FACT_LIMIT = 12  # a fact's names and titles are long; under 13 it still never makes a run alone
_ANGLE_PROSE = ("claim", "why", "scene", "resolve", "detail")


def _prose(value: Any, path: PathKey) -> Iterable[tuple[PathKey, str, int]]:
    """(path, text, limit) of every prose field in a loaded data file."""

    def texts(v: Any, p: PathKey, limit: int = AUDIT_LIMIT) -> Iterable[tuple[PathKey, str, int]]:
        if isinstance(v, str):
            yield p, v.lstrip("?"), limit
        elif isinstance(v, list):
            for i, x in enumerate(v):
                yield from texts(x, (*p, i), limit)

    def facts(v: Any, p: PathKey) -> Iterable[tuple[PathKey, str, int]]:
        for i, f in enumerate(v if isinstance(v, list) else []):
            if isinstance(f, dict):
                yield from texts(f.get("text"), (*p, i, "text"), FACT_LIMIT)
                yield from texts(f.get("means"), (*p, i, "means"))

    def angles(v: Any, p: PathKey) -> Iterable[tuple[PathKey, str, int]]:
        for i, a in enumerate(v if isinstance(v, list) else []):
            if not isinstance(a, dict):
                continue
            for k in _ANGLE_PROSE:
                yield from texts(a.get(k), (*p, i, k))
            yield from facts(a.get("facts"), (*p, i, "facts"))
            for j, pr in enumerate(a.get("pairs") or []):
                if isinstance(pr, dict):
                    yield from texts(pr.get("problem"), (*p, i, "pairs", j, "problem"))
                    yield from texts(pr.get("measure"), (*p, i, "pairs", j, "measure"))

    if not isinstance(value, dict):
        return
    for k in ("lead", "closing"):  # a sentence for some topics only is written {text, when, unless}
        v = value.get(k)
        for i, x in enumerate(v if isinstance(v, list) else []):
            yield from texts(x.get("text") if isinstance(x, dict) else x, (k, i))
        if not isinstance(v, list):
            yield from texts(v, (k,))
    yield from facts(value.get("facts"), ("facts",))
    yield from angles(value.get("angles"), ("angles",))
    for i, w in enumerate(value.get("works") or []):
        if isinstance(w, dict):
            yield from texts(w.get("about"), ("works", i, "about"))
            yield from angles(w.get("angles"), ("works", i, "angles"))
    for i, q in enumerate(value.get("quotes") or []):
        if isinstance(q, dict):
            yield from texts(q.get("point"), ("quotes", i, "point"))
    for k, v in (value.get("phrases") or {}).items():
        yield from texts(v, ("phrases", k))
    for k, v in (value.get("units") or {}).items():
        yield from texts(v, ("units", k))
    for name, kind in (value.get("kinds") or {}).items():
        if isinstance(kind, dict):
            for k in ("lead_sig", "vision"):  # subtitles are titles: a batch on one topic shares them anyway
                yield from texts(kind.get(k), ("kinds", name, k))
            yield from angles(kind.get("angles"), ("kinds", name, "angles"))


def audit(dirs: Sequence[Path] = (), limit: int = AUDIT_LIMIT) -> list[Problem]:
    """Prose whose wording stays fixed for more than ``limit`` characters (facts: 4 more).

    Such a stretch, dealt to two drafts of a batch, is a run a 查重 check may flag; a ``(甲|乙)``
    choice inside it breaks it (``xindegen data audit``). An option of 13 characters or more is
    shared whole by two drafts that pick it.
    """
    load_rhetoric(dirs)  # only valid data is audited
    roots = list(dirs) or data_dirs()
    out: list[Problem] = []
    for f in data_files(roots, "**/*.yaml"):
        (value, lines), = load_documents(f)
        for path, text, own in _prose(value, ()):
            most = limit + (own - AUDIT_LIMIT)
            n, stretch = fixed_run(text, SLOT_WIDTH.get)
            longest = max((fixed_run(o, SLOT_WIDTH.get) for c in choices(text) for o in c), default=(0, ""))
            if n > most or longest[0] >= RUN:
                n, stretch = max((n, stretch), longest)
                message = f"连续 {n} 字固定不变：“{stretch}”"
                out.append(Problem(str(f), line_of(lines, path), format_path(path), message))
    return out
