"""The stretches a batch's drafts share most: where a topic's data needs more ways of saying it.

    python tools/hot_runs.py DIR [--min 4] [--top 40]

Reads the drafts in DIR (.docx, .txt, .md; as ``xindegen check`` reads them), counts for every
13-character window (the 查重 unit; quotations, cited titles and placeholders left out) how many
drafts hold it, and prints the longest stretches of windows held by at least ``--min`` drafts,
most widely shared first. A stretch many drafts share is worded too few ways: a date, a name or a
fixed phrase with no choice of wording across 13 characters (see docs/DATA.md on ``(甲|乙)``).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from xindegen.batch.check import read_draft
from xindegen.similarity import RUN, normalize


def windows(text: str) -> list[str]:
    return [text[i:i + RUN] for i in range(len(text) - RUN + 1) if "\x00" not in text[i:i + RUN]]


def hot_runs(texts: list[str], least: int) -> dict[str, tuple[int, str]]:
    """Stretches of windows held by ``least`` or more drafts, grouped by their most widely held
    window: that window → (drafts holding it, the shortest stretch around it)."""
    held: Counter[str] = Counter()
    for text in texts:
        held.update(set(windows(text)))
    found: dict[str, tuple[int, str]] = {}
    for text in texts:
        i = 0
        while i <= len(text) - RUN:
            j = i
            while j <= len(text) - RUN and held[text[j:j + RUN]] >= least:
                j += 1
            if j > i:
                stretch = text[i:j + RUN - 1]
                hottest = max((text[k:k + RUN] for k in range(i, j)), key=held.__getitem__)
                known = found.get(hottest)
                if known is None or len(stretch) < len(known[1]):
                    found[hottest] = (held[hottest], stretch)
            i = j + 1
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--min", type=int, default=4, help="drafts that must hold a window (default 4)")
    ap.add_argument("--top", type=int, default=40, help="stretches printed (default 40)")
    args = ap.parse_args()
    if not args.folder.is_dir():
        ap.error(f"{args.folder}: 不是目录")
    files = sorted(p for p in args.folder.iterdir() if p.suffix.lower() in (".docx", ".txt", ".md"))
    texts = [normalize(read_draft(p)) for p in files]
    runs = hot_runs(texts, args.min)
    print(f"{len(files)} drafts; {len(runs)} shared stretches held by {args.min}+ of them")
    for window, (n, stretch) in sorted(runs.items(), key=lambda kv: -kv[1][0])[:args.top]:
        print(f"{n:4d}  {window}  …{stretch}…")


if __name__ == "__main__":
    main()
