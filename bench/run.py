"""xindegen's speed and memory, each case against a baseline timed in the same run.

    python bench/run.py              # every case, a few minutes on 2 cores
    python bench/run.py --scale      # also 100,000 drafts in one batch and check of 10,000 files (long)
    python bench/run.py --only batch check --pairs 3

Each case runs ours and its baseline interleaved (A B A B ...) at least 5 times and prints the
median and the range (min–max) of both, and their ratio of medians. Whole commands run as their
own process; their peak memory is that of the process and all its descendants, sampled from /proc
every 50 ms, as PSS (``Pss:`` of /proc/PID/smaps_rollup: a page shared by n processes, as pages
are after a fork, counts 1/n in each, so the tree's pages count once). The sum of the resident
sizes (RSS), which counts a shared page once per process and so errs high, is printed beside it.

Cases (查重-sensitive ones use a single topic, the hardest case for distinctness):

- new: ``xindegen new --topic T -o x.docx`` against ``python -c 'import click, yaml, jinja2'``,
  the floor any Python CLI on these libraries pays to start.
- docx: rendering one outline to .docx in process, our template compiled once against docxtpl
  with its template loaded once (both on the built-in gongwen.docx; same paragraphs checked).
- batch: ``xindegen batch`` of 250 and 1,000 .docx drafts (per-draft time must stay flat), against
  a plain process pool writing the same 1,000 drafts with no journal and no 查重 (the floor).
- check: ``xindegen check`` of 2,000 .docx files (10,000 with ``--scale``); in process, the index on 500 drafts against
  all pairs compared with the very same 13-character window sets (Python set intersection).
- parse: ``xindegen parse big.txt -o dir`` end to end in MB/s, against a process that reads the
  file, splits its lines, scans them with a regular expression and writes the text back.
- scale (``--scale``): one batch of 100,000 drafts; per-draft time by tenth of the run and
  peak memory (PSS) of the whole process tree (target ≤ 300 MB, flat within ±20 %).
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TOPIC = "安全生产"
PAGE = os.sysconf("SC_PAGE_SIZE")
# Commands run as on a user's machine: pip byte-compiles what it installs, so Python does not compile
# our modules on every start, as it would from a source tree with PYTHONDONTWRITEBYTECODE set.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _cli() -> list[str]:
    """The installed console script when there is one (what people run), else ``python -m``."""
    script = Path(sys.executable).with_name("xindegen")
    return [str(script)] if script.exists() else [sys.executable, "-m", "xindegen"]


# ---- measuring whole process trees ---------------------------------------------------------------

def _tree(root: int) -> set[int]:
    """``root`` and every process descending from it."""
    parent: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", "rb") as fh:
                    stat = fh.read()
            except OSError:
                continue
            parent[int(name)] = int(stat[stat.rfind(b")") + 2:].split()[1])
    tree, frontier = {root}, [root]
    while frontier:
        frontier = [p for p, pp in parent.items() if pp in frontier and p not in tree]
        tree.update(frontier)
    return tree


def _tree_cpu(root: int) -> float:
    """CPU seconds used so far by ``root`` and the processes now descending from it (a pool's
    workers live as long as the batch): on a machine shared with other work, a per-draft figure
    that load changes far less than the wall time."""
    ticks = 0
    for pid in _tree(root):
        try:
            with open(f"/proc/{pid}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2:].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def _tree_memory(root: int) -> tuple[int, int]:
    """Bytes of ``root`` and every process descending from it: summed PSS, and summed RSS."""
    tree = _tree(root)
    pss = rss = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/statm", "rb") as fh:
                rss += int(fh.read().split()[1]) * PAGE
            with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
                pss += next((int(line.split()[1]) * 1024 for line in fh if line.startswith(b"Pss:")), 0)
        except OSError:
            continue
    return pss, rss


class Run:
    """One whole command: wall seconds, CPU seconds of the tree (``cpu``), peak tree memory (MB:
    ``mb`` PSS, ``rss_mb`` summed RSS), and samples of a progress probe."""

    def __init__(self, cmd: Sequence[str], cwd: Path | None = None,
                 probe: Callable[[], int] | None = None, interval: float = 0.05):
        self.samples: list[tuple[float, int, float]] = []  # (seconds since start, probe(), tree CPU seconds)
        peak = peak_rss = 0
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
        done = threading.Event()

        def sample() -> None:
            nonlocal peak, peak_rss
            while not done.wait(interval):
                pss, rss = _tree_memory(proc.pid)
                peak, peak_rss = max(peak, pss), max(peak_rss, rss)
                if probe is not None:
                    self.samples.append((time.perf_counter() - start, probe(), _tree_cpu(proc.pid)))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        self.seconds = time.perf_counter() - start
        # CPU seconds of the command and every descendant it waited for (a pool's workers): what a
        # machine shared with other work changes far less than the wall time
        self.cpu = usage.ru_utime + usage.ru_stime
        done.set()
        sampler.join()
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):  # check exits 1 when a limit is passed; that is not a failure
            raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
        # a process too short for a sample: its own peak resident size (ru_maxrss, KB) stands in
        self.mb = max(peak, usage.ru_maxrss * 1024 if not peak else 0) / 2**20
        self.rss_mb = max(peak_rss, usage.ru_maxrss * 1024) / 2**20


def memory(runs: list[Run]) -> str:
    """Peak PSS of the process tree, median and range, and the summed RSS's median beside it."""
    pss, rss = [r.mb for r in runs], [r.rss_mb for r in runs]
    return (f"  peak PSS {statistics.median(pss):.0f} MB ({min(pss):.0f}–{max(pss):.0f}),"
            f" summed RSS {statistics.median(rss):.0f} MB")


# ---- printing ------------------------------------------------------------------------------------

def spread(values: list[float], unit: str, fmt: str = ".3f") -> str:
    return f"median {statistics.median(values):{fmt}} {unit}  range {min(values):{fmt}}–{max(values):{fmt}}"


def row(label: str, values: list[float], unit: str, fmt: str = ".3f", extra: str = "") -> None:
    print(f"  {label:<44} {spread(values, unit, fmt)}{extra}", flush=True)


def verdict(ok: bool) -> str:
    return "  [target met]" if ok else "  [TARGET NOT MET]"


def interleaved(cases: dict[str, Callable[[], Any]], pairs: int) -> dict[str, list[Any]]:
    """Each case once per round, in the same order, ``pairs`` rounds."""
    out: dict[str, list[Any]] = {name: [] for name in cases}
    for _ in range(pairs):
        for name, fn in cases.items():
            out[name].append(fn())
    return out


# ---- inputs --------------------------------------------------------------------------------------

def manifest(path: Path, rows: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["topic", "author", "unit"])
        for i in range(rows):
            w.writerow([TOPIC, f"职工{i}", f"第{i % 7 + 1}科"])
    return path


def batch_cmd(rows: int, tmp: Path, out: Path, suffix: str = "docx", seed: int = 1) -> list[str]:
    m = tmp / f"m{rows}.csv"
    if not m.exists():
        manifest(m, rows)
    return [*_cli(), "batch", str(m), "-o", str(out), "--seed", str(seed), "--name", f"{{row}}.{suffix}"]


FLOOR_BATCH = r"""
import csv, sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

def make(args):
    pos, total, values, out = args
    from xindegen.compose.draft import write_draft
    from xindegen.compose.grammar import Spread
    from xindegen.compose.request import request_from_options
    from xindegen.render.output import format_for, render_bytes, render_options
    path = Path(out) / f"{pos + 1}.docx"
    draft = write_draft(request_from_options({**values, "seed": 1_000_003 + pos}), spread=Spread(pos, total, 1))
    path.write_bytes(render_bytes(draft, format_for(path, None), render_options(values)))

if __name__ == "__main__":
    rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
    Path(sys.argv[2]).mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor() as pool:
        list(pool.map(make, [(i, len(rows), r, sys.argv[2]) for i, r in enumerate(rows)], chunksize=8))
"""


# ---- cases ---------------------------------------------------------------------------------------

def case_new(tmp: Path, pairs: int) -> None:
    print("new: one draft as .docx, whole process, against the import floor", flush=True)
    out = tmp / "x.docx"
    Run([*_cli(), "new", "--topic", TOPIC, "-o", str(out)])  # a first run writes the byte code, as pip would
    res = interleaved({
        "floor": lambda: Run([sys.executable, "-c", "import click, yaml, jinja2"]),
        "new": lambda: Run([*_cli(), "new", "--topic", TOPIC, "-o", str(out), "--overwrite"]),
    }, max(pairs, 7))
    floor = [r.seconds for r in res["floor"]]
    new = [r.seconds for r in res["new"]]
    row("python -c 'import click, yaml, jinja2'", floor, "s")
    row(f"xindegen new --topic {TOPIC} -o x.docx", new, "s",
        extra=memory(res["new"]) + verdict(statistics.median(new) <= 0.2))
    print(f"  ratio new / floor (medians): {statistics.median(new) / statistics.median(floor):.2f}x", flush=True)


def case_docx(tmp: Path, pairs: int, n: int = 100) -> None:
    import io
    from copy import deepcopy

    import docx
    import jinja2

    from xindegen.outline_io import load_outline
    from xindegen.paths import builtin_templates_dir
    from xindegen.render.docx import cn_date, compile_template
    from xindegen.render.text import template_context
    from xindegen.text import chinese_numeral, count_chars

    try:
        from docxtpl import DocxTemplate
    except ImportError:
        print("docx: docxtpl is not installed (pip install docxtpl), case skipped", flush=True)
        return
    print(f"docx: {n} outlines rendered in process, per document", flush=True)
    base = load_outline(ROOT / "outlines" / "sample.yaml")
    base.author, base.unit, base.date = "张三", "某某公司安全环保部", "2026-01-03"
    items = []
    for i in range(n):
        o = deepcopy(base)
        o.title = f"{base.title}（{i}）"
        items.append(o)
    path = builtin_templates_dir() / "gongwen.docx"
    env = jinja2.Environment(autoescape=True)
    env.filters.update(cn_date=cn_date, cn_num=chinese_numeral, chars=count_chars)

    start = time.perf_counter()
    compiled = compile_template(path)  # once, as a batch does
    compile_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    tpl = DocxTemplate(str(path))  # once: docxtpl re-reads the package itself on each later render
    load_ms = (time.perf_counter() - start) * 1000

    def theirs(o: Any) -> bytes:
        tpl.render(template_context(o), env, autoescape=True)
        buf = io.BytesIO()
        tpl.save(buf)
        return buf.getvalue()

    def paras(data: bytes) -> list[tuple[str, str]]:
        return [(p.style.name, p.text) for p in docx.Document(io.BytesIO(data)).paragraphs if p.text]

    if paras(compiled.render(items[0])) != paras(theirs(items[0])):
        print("  outputs differ: comparison skipped", flush=True)
        return

    def per_doc(fn: Callable[[Any], bytes]) -> Callable[[], float]:
        def timed() -> float:
            start = time.perf_counter()
            for o in items:
                fn(o)
            return (time.perf_counter() - start) * 1000 / n
        return timed

    res = interleaved({"ours": per_doc(compiled.render), "docxtpl": per_doc(theirs)}, pairs)
    print(f"  compile once: xindegen {compile_ms:.0f} ms, docxtpl load {load_ms:.0f} ms; same paragraphs: yes")
    row("xindegen compiled template, per document", res["ours"], "ms", ".2f")
    row("docxtpl template loaded once, per document", res["docxtpl"], "ms", ".2f")
    ratio = statistics.median(res["docxtpl"]) / statistics.median(res["ours"])
    print(f"  ratio docxtpl / xindegen (medians): {ratio:.1f}x", flush=True)


def case_batch(tmp: Path, pairs: int) -> None:
    print(f"batch: .docx drafts, one topic ({TOPIC}), all cores, whole process tree", flush=True)

    def fresh(name: str) -> Path:
        out = tmp / name
        shutil.rmtree(out, ignore_errors=True)
        return out

    m1000 = manifest(tmp / "floor1000.csv", 1000)
    res = interleaved({
        "250": lambda: Run(batch_cmd(250, tmp, fresh("b250"))),
        "1000": lambda: Run(batch_cmd(1000, tmp, fresh("b1000"))),
        "floor": lambda: Run([sys.executable, "-c", FLOOR_BATCH, str(m1000), str(fresh("f1000"))]),
    }, pairs)
    for key, label in (("250", "xindegen batch, 250 drafts"), ("1000", "xindegen batch, 1,000 drafts"),
                       ("floor", "floor: process pool, 1,000 drafts, no 查重")):
        secs = [r.seconds for r in res[key]]
        extra = memory(res[key])
        if key == "1000":
            extra += verdict(statistics.median(secs) <= 6)
        row(label, secs, "s", ".2f", extra)
    ms = {k: [r.seconds * 1000 / int(k if k != "floor" else 1000) for r in res[k]] for k in res}
    row("per draft at 250", ms["250"], "ms", ".2f")
    row("per draft at 1,000", ms["1000"], "ms", ".2f")
    for key, label in (("250", "CPU of the tree, 250 drafts"), ("1000", "CPU of the tree, 1,000 drafts"),
                       ("floor", "CPU of the tree, floor")):
        row(label, [r.cpu for r in res[key]], "s", ".2f")
    print(f"  load average (1 min) at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores", flush=True)
    b, f = statistics.median(ms["1000"]), statistics.median(ms["floor"])
    print(f"  ratio per draft 1,000 / 250: {b / statistics.median(ms['250']):.2f}x; batch / floor: {b / f:.2f}x",
          flush=True)


def _window_sets(texts: list[str]) -> list[set[str]]:
    from xindegen.similarity import RUN, normalize

    out = []
    for t in texts:
        c = normalize(t)
        out.append({c[i:i + RUN] for i in range(len(c) - RUN + 1) if "\x00" not in c[i:i + RUN]})
    return out


def case_check(tmp: Path, pairs: int, files: int = 10_000) -> None:
    from xindegen.parse.ingest import read_text
    from xindegen.similarity import Index

    print(f"check: {files:,} .docx drafts of one topic", flush=True)
    corpus = tmp / "corpus"
    start = time.perf_counter()
    Run(batch_cmd(files, tmp, corpus, seed=2))
    print(f"  (corpus written by xindegen batch in {time.perf_counter() - start:.0f} s)", flush=True)
    paths = sorted(corpus.glob("*.docx"), key=lambda p: int(p.stem))
    texts = [read_text(p) for p in paths[:500]]
    sets = _window_sets(texts)

    def ours() -> float:
        start = time.perf_counter()
        index = Index()
        for i, t in enumerate(texts):
            index.add(str(i), t)
        worst = max(index.report(str(i)).partner_share for i in range(len(texts)))
        assert worst >= 0
        return time.perf_counter() - start

    def all_pairs() -> float:
        start = time.perf_counter()
        best = 0
        for i, a in enumerate(sets):
            for j in range(i + 1, len(sets)):
                best = max(best, len(a & sets[j]))
        return time.perf_counter() - start

    lib = interleaved({"index": ours, "pairs": all_pairs}, pairs)
    row("index, 500 drafts in process", lib["index"], "s")
    row("all pairs of the same window sets, 500 drafts", lib["pairs"], "s")
    ratio = statistics.median(lib["pairs"]) / statistics.median(lib["index"])
    print(f"  ratio all pairs / index (medians): {ratio:.1f}x", flush=True)
    cli = [Run([*_cli(), "check", str(corpus), "--max-pair", "0.15"]) for _ in range(pairs)]
    secs = [r.seconds for r in cli]
    row(f"xindegen check, {files:,} files", secs, "s", ".1f",
        memory(cli) + (verdict(statistics.median(secs) <= 30) if files >= 10_000 else ""))
    row("CPU of the tree", [r.cpu for r in cli], "s", ".1f")
    print(f"  load average (1 min) at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores", flush=True)
    print(f"  per file: {statistics.median(secs) * 1000 / files:.2f} ms", flush=True)


FLOOR_PARSE = r"""
import re, sys
from pathlib import Path
text = Path(sys.argv[1]).read_text(encoding="utf-8")
pattern = re.compile(r"[\u4e00-\u9fff]+[，。]")
hits = sum(len(pattern.findall(line)) for line in text.splitlines())
out = Path(sys.argv[2])
out.mkdir(exist_ok=True)
(out / "copy.txt").write_text(text, encoding="utf-8")
"""


def case_parse(tmp: Path, pairs: int, size_mb: float = 4.0) -> None:
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    parts, size = [], 0
    while size < size_mb * 2**20:
        parts.append(seeds)
        size += len(seeds.encode("utf-8"))
    src = tmp / "big.txt"
    src.write_text("\n\n".join(parts), encoding="utf-8")
    mb = src.stat().st_size / 2**20
    print(f"parse: {mb:.1f} MB of essays (the seeds repeated) to outline files, whole process", flush=True)

    def ours() -> Run:
        out = tmp / "parsed"
        shutil.rmtree(out, ignore_errors=True)
        return Run([*_cli(), "parse", str(src), "-o", str(out)])

    def floor() -> Run:
        out = tmp / "floor-parsed"
        shutil.rmtree(out, ignore_errors=True)
        return Run([sys.executable, "-c", FLOOR_PARSE, str(src), str(out)])

    res = interleaved({"ours": ours, "floor": floor}, pairs)
    rate = [mb / r.seconds for r in res["ours"]]
    row("xindegen parse -o", rate, "MB/s", ".2f",
        memory(res["ours"]) + verdict(statistics.median(rate) >= 5))
    row("floor: read, split lines, regex scan, write", [mb / r.seconds for r in res["floor"]], "MB/s", ".2f")
    ratio = statistics.median(r.seconds for r in res["ours"]) / statistics.median(r.seconds for r in res["floor"])
    print(f"  ratio time parse / floor (medians): {ratio:.1f}x", flush=True)


def case_scale(tmp: Path, rows: int = 100_000) -> None:
    print(f"scale: one batch of {rows:,} .docx drafts, one topic, whole process tree (once)", flush=True)
    out = tmp / "scale"
    journal = out / ".xindegen-batch.jsonl"
    seen = [0, 0]  # bytes read, lines counted: the journal is read incrementally

    def drafts() -> int:
        try:
            with journal.open("rb") as fh:
                fh.seek(seen[0])
                chunk = fh.read()
        except OSError:
            return seen[1]
        seen[0] += len(chunk)
        seen[1] += chunk.count(b"\n")
        return seen[1]

    run = Run(batch_cmd(rows, tmp, out), probe=drafts, interval=0.5)
    print(f"  {rows:,} drafts in {run.seconds:.0f} s ({run.cpu:.0f} s CPU), "
          f"{run.seconds * 1000 / rows:.2f} ms per draft; "
          f"peak PSS {run.mb:.0f} MB, summed RSS {run.rss_mb:.0f} MB" + verdict(run.mb <= 300), flush=True)
    # per-draft time in each tenth of the drafts, from when the journal passed each mark
    marks = [rows * k // 10 for k in range(11)]
    times, cpus = [0.0], [0.0]
    for mark in marks[1:]:
        t, c = next(((t, c) for t, n, c in run.samples if n >= mark), (run.seconds, run.cpu))
        times.append(t)
        cpus.append(c)
    tenths = [(times[k + 1] - times[k]) * 1000 / (marks[k + 1] - marks[k]) for k in range(10)]
    cpu_tenths = [(cpus[k + 1] - cpus[k]) * 1000 / (marks[k + 1] - marks[k]) for k in range(10)]
    print("  ms per draft by tenth: " + " ".join(f"{t:.2f}" for t in tenths), flush=True)
    print("  CPU ms per draft by tenth (whole tree): " + " ".join(f"{t:.2f}" for t in cpu_tenths), flush=True)
    cpu_middle = statistics.median(cpu_tenths)
    print(f"  CPU: tenths 2–9 within ±20 % of their median: "
          f"{'yes' if all(abs(t / cpu_middle - 1) <= 0.2 for t in cpu_tenths[1:9]) else 'no'}", flush=True)
    middle = statistics.median(tenths)
    flat = all(abs(t / middle - 1) <= 0.2 for t in tenths[1:9])  # the first and last tenth hold start and report
    print(f"  last tenth / first tenth: {tenths[-1] / tenths[0]:.2f}x; tenths 2–9 within ±20 % of their median: "
          f"{'yes' if flat else 'no'}" + verdict(flat), flush=True)


CASES: dict[str, Callable[[Path, int], None]] = {
    "new": case_new, "docx": case_docx, "batch": case_batch, "check": case_check, "parse": case_parse,
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pairs", type=int, default=5, help="interleaved repetitions per case (default 5)")
    ap.add_argument("--only", nargs="+", choices=[*CASES, "scale"], help="run only these cases")
    ap.add_argument("--scale", action="store_true", help="also run the 100,000-draft batch")
    ap.add_argument("--check-files", type=int,
                    help="files for the check case (default 2,000; 10,000 with --scale)")
    ap.add_argument("--scale-rows", type=int, default=100_000, help=argparse.SUPPRESS)
    args = ap.parse_args()
    names = args.only or [*CASES, *(["scale"] if args.scale else [])]
    if args.scale and args.only and "check" not in names:
        names.append("check")  # the 10,000-file check belongs to the scale run
    print(f"xindegen bench: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {args.pairs} pairs", flush=True)
    with tempfile.TemporaryDirectory(prefix="xindegen-bench-") as d:
        for name in names:
            if name == "scale":
                case_scale(Path(d), args.scale_rows)
            elif name == "check":
                case_check(Path(d), args.pairs, args.check_files or (10_000 if args.scale else 2_000))
            else:
                CASES[name](Path(d), args.pairs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
