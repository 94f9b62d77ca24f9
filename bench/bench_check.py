"""`xindegen check` on 1,000 drafts (target: seconds), against all-pairs comparison as baseline.

Writes 1,000 same-topic-heavy drafts as .txt with `xindegen batch`, then times the 13-gram index
(`check_files`) for N = 200 and N = 1,000, and, as the baseline in the same process, the naive
way: every pair of texts compared window by window, for N = 200. The ratio at N = 200 is the gain
of the index; the two index runs show how it grows with N (about linearly; all pairs grow as N²).
Run: python bench/bench_check.py
"""

from __future__ import annotations

import csv
import itertools
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from xindegen.batch.check import check_files
from xindegen.parse.ingest import read_text
from xindegen.similarity import RUN, normalize


def all_pairs(texts: list[str]) -> float:
    """Worst share of any text against any other, by comparing every pair: the naive check."""
    clean = [normalize(t) for t in texts]
    grams = [{c[i:i + RUN] for i in range(len(c) - RUN + 1) if "\x00" not in c[i:i + RUN]} for c in clean]
    worst = 0.0
    for a, b in itertools.permutations(range(len(clean)), 2):
        c, other = clean[a], grams[b]
        hit = [False] * len(c)
        for i in range(len(c) - RUN + 1):
            if c[i:i + RUN] in other:
                hit[i:i + RUN] = [True] * RUN
        worst = max(worst, sum(hit) / max(1, len(c) - c.count("\x00")))
    return worst


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        manifest = tmp / "m.csv"
        with manifest.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["topic", "author"])
            for i in range(1000):
                w.writerow([("安全生产", "读书", "数字政府建设")[i % 3], f"职工{i}"])
        out = tmp / "out"
        subprocess.run([sys.executable, "-m", "xindegen", "batch", str(manifest), "-o", str(out), "--seed", "1",
                        "--name", "{row}.txt"], check=True, capture_output=True)
        files = sorted(out.glob("*.txt"))
        start = time.perf_counter()
        texts = [read_text(f) for f in files[:200]]
        worst = all_pairs(texts)
        naive = time.perf_counter() - start
        print(f"baseline  all pairs,  200 files  {naive:6.2f} s  worst pair {worst:.1%}")
        for n in (200, 1000):
            start = time.perf_counter()
            results = check_files(files[:n])
            t = time.perf_counter() - start
            best = max(r.partner_share for r in results)
            print(f"check     index,     {n:4d} files  {t:6.2f} s  worst pair {best:.1%}"
                  + (f"  {naive / t:.0f}x faster than all pairs" if n == 200 else ""))


if __name__ == "__main__":
    main()
