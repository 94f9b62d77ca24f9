"""Phrases whose wording stays fixed for too long: what a 查重 check could flag across a batch.

``xindegen data audit`` lists them; a ``(甲|乙)`` choice inside such a stretch breaks it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import Problem
from ..similarity import RUN
from ..yamlsafe import PathKey, format_path, line_of, load_documents
from .grammar import choices, fixed_run
from .rhetoric import data_dirs, data_files, load_rhetoric

# Characters a slot adds to a fixed stretch (it reads the same across a batch on one topic);
# slots not listed vary from draft to draft: moves symbols, pack sentences, quotations.
SLOT_WIDTH = {"subject": 6, "core": 6, "occasion": 6, "goal": 6, "value": 6, "term": 4, "audience": 4,
              "audience_one": 4, "short": 2, "keyword": 2, "author": 3}
AUDIT_LIMIT = 8


def audit(dirs: Sequence[Path] = (), limit: int = AUDIT_LIMIT) -> list[Problem]:
    """Phrases and moves whose wording stays fixed for more than ``limit`` characters.

    Such a stretch, dealt to two drafts of a batch, is a run a 查重 check may flag; a ``(甲|乙)``
    choice inside it breaks it (``xindegen data audit``).
    """
    load_rhetoric(dirs)  # only valid data is audited
    roots = list(dirs) or data_dirs()
    out: list[Problem] = []
    for f in [*data_files(roots, "moves.yaml"), *data_files(roots, "generic.yaml"), *data_files(roots, "packs/*.yaml")]:
        (value, lines), = load_documents(f)
        top = "moves" if f.name == "moves.yaml" else "sentences"
        for key, group in (value.get(top) or {}).items():
            lists = group.items() if isinstance(group, dict) else [(None, group)]
            for role, items in lists:
                for i, text in enumerate(items or []):
                    path: PathKey = (top, key, *([role] if role else []), i)
                    n, stretch = fixed_run(str(text), SLOT_WIDTH.get)
                    # An option picked by two drafts is shared whole: it must stay under 13 itself.
                    longest = max((fixed_run(o, SLOT_WIDTH.get) for c in choices(str(text)) for o in c),
                                  default=(0, ""))
                    if n > limit or longest[0] >= RUN:
                        n, stretch = max((n, stretch), longest)
                        out.append(Problem(str(f), line_of(lines, path), format_path(path),
                                           f"连续 {n} 字固定不变：“{stretch}”"))
    return out
