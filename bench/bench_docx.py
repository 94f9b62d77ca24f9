"""Rendering speed: xindegen's compiled Word template vs docxtpl's load + render + save.

Both render the same built-in template (gongwen.docx) and the same outlines, in memory, in one
run; the script checks that both produce the same (style, text) paragraphs, then prints both
rates and their ratio (target: at least 5×).

    python bench/bench_docx.py [N]
"""

from __future__ import annotations

import io
import sys
import time
from copy import deepcopy
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from xindegen.model import Outline  # noqa: E402
from xindegen.outline_io import load_outline  # noqa: E402
from xindegen.paths import builtin_templates_dir  # noqa: E402
from xindegen.render.docx import cn_date, compile_template  # noqa: E402
from xindegen.render.text import template_context  # noqa: E402
from xindegen.text import chinese_numeral, count_chars  # noqa: E402


def outlines(n: int) -> list[Outline]:
    base = load_outline(ROOT / "outlines" / "sample.yaml")
    base.author, base.unit, base.date = "张三", "某某公司安全环保部", "2026-01-03"
    out = []
    for i in range(n):
        o = deepcopy(base)
        o.title = f"{base.title}（{i}）"
        out.append(o)
    return out


def docxtpl_render(path: Path, outline: Outline, env: Any) -> bytes:
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(path))
    tpl.render(template_context(outline), env, autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


def pairs(data: bytes) -> list[tuple[str, str]]:
    import docx

    return [(p.style.name, p.text) for p in docx.Document(io.BytesIO(data)).paragraphs if p.text]


def rate(fn: Any, items: list[Outline]) -> float:
    start = time.perf_counter()
    for item in items:
        fn(item)
    return len(items) / (time.perf_counter() - start)


def main() -> int:
    import jinja2

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    path = builtin_templates_dir() / "gongwen.docx"
    items = outlines(n)
    env = jinja2.Environment(autoescape=True)
    env.filters.update(cn_date=cn_date, cn_num=chinese_numeral, chars=count_chars)

    start = time.perf_counter()
    compiled = compile_template(path)
    compile_ms = (time.perf_counter() - start) * 1000
    ours, theirs = compiled.render(items[0]), docxtpl_render(path, items[0], env)
    if pairs(ours) != pairs(theirs):
        print("outputs differ: the comparison would be meaningless", file=sys.stderr)
        return 1

    # Warm both up, then time them one after the other.
    rate(compiled.render, items[:5])
    rate(lambda o: docxtpl_render(path, o, env), items[:5])
    ours_rate = rate(compiled.render, items)
    theirs_rate = rate(lambda o: docxtpl_render(path, o, env), items)
    print(f"template: {path.name}, outlines: {n}, same paragraphs: yes")
    print(f"xindegen compile once: {compile_ms:8.1f} ms")
    print(f"xindegen render:       {ours_rate:8.1f} docs/s  ({1000 / ours_rate:.2f} ms/doc)")
    print(f"docxtpl load+render+save: {theirs_rate:5.1f} docs/s  ({1000 / theirs_rate:.2f} ms/doc)")
    print(f"ratio: {ours_rate / theirs_rate:.1f}x (target >= 5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
