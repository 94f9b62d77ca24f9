"""1,000 .docx drafts from one manifest: wall time and peak memory (targets: ≤ 20 s, ≤ 300 MB).

Runs `xindegen batch` as a whole process for N = 250 and N = 1,000 (to show memory stays flat as
N grows), and, as the in-run baseline, the same 250 rows with -j 1. Peak memory is the largest
RSS among the process and its workers (RUSAGE_CHILDREN, measured in a fresh interpreter).
Run: python bench/bench_batch.py
"""

from __future__ import annotations

import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROBE = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def run(rows: int, jobs: int, tmp: Path) -> tuple[float, float]:
    manifest = tmp / f"m{rows}.csv"
    with manifest.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["topic", "author", "unit"])
        topics = ["安全生产", "党纪学习教育", "读书", "乡村振兴", "数字政府建设"]
        for i in range(rows):
            w.writerow([topics[i % len(topics)], f"职工{i}", f"第{i % 7 + 1}科"])
    out = tmp / f"out{rows}-{jobs}"
    cmd = [sys.executable, "-m", "xindegen", "batch", str(manifest), "-o", str(out), "-j", str(jobs),
           "--seed", "1", "--name", "{row}.docx"]
    start = time.perf_counter()
    peak_kb = subprocess.run([sys.executable, "-c", PROBE, *cmd], check=True, capture_output=True,
                             text=True).stdout.strip()
    return time.perf_counter() - start, int(peak_kb) / 1024


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        base_t, base_m = run(250, 1, tmp)
        print(f"baseline  250 drafts, -j 1   {base_t:6.1f} s  {250 / base_t:6.1f} drafts/s  peak {base_m:5.0f} MB")
        for rows in (250, 1000):
            t, mem = run(rows, 0, tmp)
            verdict = "" if rows < 1000 else ("ok" if t <= 20 and mem <= 300 else "OVER TARGET")
            print(f"batch    {rows:4d} drafts, all cores {t:6.1f} s  {rows / t:6.1f} drafts/s  peak {mem:5.0f} MB"
                  f"  rate {rows / t / (250 / base_t):.2f}x baseline  {verdict}")


if __name__ == "__main__":
    main()
