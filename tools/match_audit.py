"""Run each topic of tools/match_audit_topics.txt through the topic frame (what ``--explain`` prints).

Prints topic, kind, pack, work, category and score, tab-separated: the raw material of the matching
audit in tools/match_audit.tsv.
"""

from __future__ import annotations

import sys
from pathlib import Path

from xindegen.compose.frame import build_frame
from xindegen.compose.rhetoric import load_rhetoric


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("match_audit_topics.txt"))
    rh = load_rhetoric()
    for topic in path.read_text(encoding="utf-8").split("\n"):
        if not topic.strip():
            continue
        f = build_frame(topic, rh)
        print("\t".join((topic, f.kind, f.pack.key if f.pack else "-", f.work.title if f.work else "-",
                         f.category.key if f.category else "-", f"{f.score:.0f}")))


if __name__ == "__main__":
    main()
