"""Parser throughput on a large synthetic input built from the seeds.

Run: ``python bench/bench_parse.py [MB]``. The input repeats both seeds (a collection of many
essays with preview pages and site boilerplate) up to the requested size. The baseline, timed in
the same run on the same text, is what any parser must at least do: split the lines and scan them
with one regular expression. Prints MB/s for both and their ratio.

Then the shapes that would show a pass quadratic in line length or in the number of marks: the
same text as one line, a paragraph of nothing but quotations, one of nothing but opening marks,
each at two sizes; the time per MB must not grow with the size.
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
    print("linearity (seconds per MB at 0.5 MB and 2 MB):")
    shapes = {
        "one line": lambda n: build(n).replace("\n", " "),
        "quotations only": lambda n: "学习心得\n" + "、".join(["“学而时习之”"] * int(n * 60000)) + "。",
        "opening marks only": lambda n: "学习心得\n" + "他说：“" * int(n * 80000) + "好”。",
        "numbered lines": lambda n: "学习心得\n" + "".join(
            f"{i % 9 + 1}、第{i}点体会是要坚持学习。这是正文，写得比较长一些，以便成段。\n"
            for i in range(int(n * 9000))),
    }
    for name, make in shapes.items():
        per_mb = []
        for size in (0.5, 2.0):
            text = make(size)
            seconds = timed(lambda t: parse_text(t, "bench.txt"), text, repeat=1)
            per_mb.append(seconds / (len(text.encode("utf-8")) / 1024 / 1024))
        print(f"  {name:20} {per_mb[0]:.3f} s/MB  {per_mb[1]:.3f} s/MB  growth {per_mb[1] / per_mb[0]:.2f}x")


if __name__ == "__main__":
    main()
