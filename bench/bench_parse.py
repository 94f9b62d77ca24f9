"""Parser throughput on a large synthetic input built from the seeds.

Run: ``python bench/bench_parse.py [MB]``. The input repeats both seeds (a collection of many
essays with preview pages and site boilerplate) up to the requested size. The baseline, timed in
the same run on the same text, is what any parser must at least do: split the lines and scan them
with one regular expression. Prints MB/s for both and their ratio.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from xindegen.parse.decompose import parse_text  # noqa: E402


def build(size_mb: float) -> str:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    unit = "\n\n".join(seeds)
    target = int(size_mb * 1024 * 1024)
    parts: list[str] = []
    size = 0
    while size < target:
        parts.append(unit)
        size += len(unit.encode("utf-8"))
    return "\n\n".join(parts)


def baseline(text: str) -> int:
    pattern = re.compile(r"[\u4e00-\u9fff]+[，。]")
    return sum(len(pattern.findall(line)) for line in text.splitlines())


def timed(fn: object, text: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn(text)  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    size_mb = float(sys.argv[1]) if len(sys.argv) > 1 else 4.0
    text = build(size_mb)
    mb = len(text.encode("utf-8")) / 1024 / 1024
    essays = len(parse_text(text, "bench.txt"))
    t_parse = timed(lambda t: parse_text(t, "bench.txt"), text)
    t_base = timed(baseline, text)
    print(f"input: {mb:.2f} MB, {essays} essays")
    print(f"parse_text: {t_parse:.3f} s  {mb / t_parse:.2f} MB/s")
    print(f"baseline (splitlines + regex scan): {t_base:.3f} s  {mb / t_base:.2f} MB/s")
    print(f"ratio parse/baseline time: {t_parse / t_base:.1f}x")
    print("target: >= 1.00 MB/s", "OK" if mb / t_parse >= 1.0 else "TOO SLOW")


if __name__ == "__main__":
    main()
