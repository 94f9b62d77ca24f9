"""How long `xindegen new --topic T -o x.md` takes as a whole process (target: median ≤ 0.5 s).

Baseline in the same run: `python -c "import click"`, the floor any click CLI pays to start, so
the ratio shows what xindegen adds on top of starting Python. Run: python bench/bench_new.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 11
TOPICS = ["安全生产", "党纪学习教育", "数字政府建设", "学习贯彻全省经济工作会议精神"]


def median_seconds(cmd: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    base = median_seconds([sys.executable, "-c", "import click"])
    print(f"baseline  python -c 'import click'   median {base:.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        for topic in TOPICS:
            for suffix in (".md", ".docx"):
                out = Path(tmp) / f"x{suffix}"
                cmd = [sys.executable, "-m", "xindegen", "new", "--topic", topic, "-o", str(out), "--overwrite"]
                t = median_seconds(cmd)
                verdict = "ok" if t <= 0.5 else "OVER 0.5 s"
                print(f"new --topic {topic} -o x{suffix:<6} median {t:.3f} s  ({t / base:.1f}x baseline)  {verdict}")


if __name__ == "__main__":
    main()
