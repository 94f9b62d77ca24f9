"""Train and measure a learned heading scorer (tools/parselearn_scorer.py) on tests/realpages.

Needs numpy (training only); run with a Python that has it and the parser's own dependencies:

    python3 tools/parselearn.py cv                 # leave-one-set-out, each set with its own parser
    python3 tools/parselearn.py train --out m.json # a model on every labelled set, this checkout's parser

Honest measurement: each of held_out_3 … held_out_10 was scored once with the parser of its time
(the commits below). For the fold of set K this tool exports that commit's ``src`` (git archive),
lets that parser read every page (ingest, cleaning, essay split: all as they were before set K
was seen), takes the paragraphs its ``_by_text`` received and the headings its rules chose there,
trains the scorer on every other set, and scores set K with the bench's own scorer
(bench/bench_realpages.py) with the scorer deciding the headings inside that old parser.
Modes: ``learned`` (the rules' decision is no feature), ``combined`` (it is one), and ``forward``
variants that train only on pages older than set K (what the rules had seen at the time).
Pages p431 and later are never read.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "realpages"
# the commit whose parser scored each held-out set once (split.yaml)
AT_THE_TIME = {
    "held_out_3": "14a6c18", "held_out_4": "5960be7", "held_out_5": "aee3c5a", "held_out_6": "aafd8a7",
    "held_out_7": "871b68f", "held_out_8": "e18755a", "held_out_9": "7ce6b2a", "held_out_10": "b4f7217",
}
FIRST_SCORE = {"held_out_3": 0.76, "held_out_4": 0.71, "held_out_5": 0.75, "held_out_6": 0.80,
               "held_out_7": 0.77, "held_out_8": 0.67, "held_out_9": 0.67, "held_out_10": 0.73}
LAST_PAGE = 430  # p431 on belong to a set being made: never read


def _load(path: Path, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


bench = _load(ROOT / "bench" / "bench_realpages.py", "bench_realpages")
learned = _load(ROOT / "tools" / "parselearn_scorer.py", "parselearn_scorer")


def page_number(file: str) -> int:
    return int(re.sub(r"\D", "", file))


# ---- reading pages with a parser ----------------------------------------------------------------

class Hook:
    """Patches a parser's ``_by_text``: records what it saw and what its rules chose, and (when a
    model is set) lets the model choose the headings instead."""

    def __init__(self, structure: Any) -> None:
        self.s = structure
        self.original = structure._by_text
        self.records: list[dict[str, Any]] | None = None  # a list while pages are read for training
        self.model: Any = None
        self.use_rules = True
        structure._by_text = self

    def rules(self, paras: list[str], cut: bool) -> tuple[list[str], Any]:
        s = self.s
        original_cut = s._cut
        chosen: list[str] = []

        def capture(ps: list[str], heads: list[Any]) -> Any:
            chosen.extend(s._clean_heading(h.text) for h in heads)
            return original_cut(ps, heads)

        s._cut = capture
        try:
            result = self.original(paras, cut)
        finally:
            s._cut = original_cut
        return chosen, result

    def __call__(self, paras: list[str], cut: bool = False) -> Any:
        chosen, result = self.rules(paras, cut)
        if self.model is None:
            if self.records is not None:
                self.records.append({"paras": list(paras), "rules": chosen})
            return result
        cands = learned.candidates(paras)
        learned.featurize(paras, cands, {learned.key(t) for t in chosen} if self.use_rules else set())
        probs = self.model.probabilities(cands)
        heads = learned.choose(cands, probs, self.model.threshold)
        if not heads:
            if not chosen:
                return result
            return paras[:1], [self.s.Section(paragraphs=paras[1:])] if len(paras) > 1 else []
        return self.s._cut(paras, [self.s._Heading(c.para, c.start, c.end, c.text) for c in heads])


def read_pages(src: Path, files: list[str]) -> dict[str, list[dict[str, Any]]]:
    input_error, parse_file = bench._load_parser(src)
    import xindegen.parse.structure as structure
    hook = Hook(structure)
    out: dict[str, list[dict[str, Any]]] = {}
    for file in files:
        hook.records = []
        with contextlib.suppress(input_error):
            parse_file(PAGES / file)
        out[file] = hook.records
    hook.records = None
    return out


# ---- examples -----------------------------------------------------------------------------------

def page_cands(records: dict[str, list[dict[str, Any]]], labels: dict[str, Any], files: list[str],
               use_rules: bool) -> list[tuple[str, list[Any], list[int]]]:
    """Per essay: its file, its candidates (with features) and whether each is a labelled heading."""
    out = []
    for file in files:
        wanted = {bench.norm(h) for h in labels[file].headings}
        for rec in records[file]:
            cands = learned.candidates(rec["paras"])
            learned.featurize(rec["paras"], cands, {learned.key(t) for t in rec["rules"]} if use_rules else set())
            if cands:
                out.append((file, cands, [int(bench.norm(c.text) in wanted) for c in cands]))
    return out


def _matrix(groups: list[tuple[str, list[Any], list[int]]], extra: list[list[list[float]]] | None = None
            ) -> tuple[np.ndarray, np.ndarray]:
    rows = []
    for g, (_, cands, _) in enumerate(groups):
        for k, c in enumerate(cands):
            rows.append(c.features + (extra[g][k] if extra else []))
    y = np.array([v for _, _, ys in groups for v in ys], dtype=float)
    return np.array(rows, dtype=float), y


def train_model(groups: list[tuple[str, list[Any], list[int]]], threshold: float | None = None,
                stages: int = 2, inner: int = 5) -> Any:
    """Stage 1 on the features; stage 2 on them and the page's stage-1 probabilities, taken out of
    fold (pages split in ``inner`` parts) so that stage 2 learns how far to trust them. Without a
    threshold, the one that gives the best F1 of out-of-fold candidates."""
    x, y = _matrix(groups)
    stage1 = train_trees(x, y)
    oof: list[list[float]] = [[] for _ in groups]
    files = sorted({f for f, _, _ in groups}, key=page_number)
    part = {f: i % inner for i, f in enumerate(files)}
    for k in range(inner):
        inside = [g for g in groups if part[g[0]] != k]
        xi, yi = _matrix(inside)
        model = learned.Model(train_trees(xi, yi), None, 0.5)
        for gi, g in enumerate(groups):
            if part[g[0]] == k:
                oof[gi] = model.probabilities(g[1])
    stage2 = None
    p_oof = np.array([p for ps in oof for p in ps])
    if stages == 2:
        extra = [learned.collective(g[1], oof[gi]) for gi, g in enumerate(groups)]
        x2, y2 = _matrix(groups, extra)
        stage2 = train_trees(x2, y2)
    if threshold is None:
        best = (0.0, 0.5)
        for t in np.arange(0.2, 0.75, 0.05):
            tp = float(((p_oof >= t) & (y == 1)).sum())
            f1 = 2 * tp / max(float((p_oof >= t).sum() + y.sum()), 1.0)
            best = max(best, (f1, round(float(t), 2)))
        threshold = best[1]
    return learned.Model(stage1, stage2, threshold)


def coverage(records: dict[str, list[dict[str, Any]]], labels: dict[str, Any], files: list[str]) -> tuple[int, int]:
    found = total = 0
    for file in files:
        norms = {bench.norm(c.text) for rec in records[file] for c in learned.candidates(rec["paras"])}
        for h in labels[file].headings:
            total += 1
            found += bench.norm(h) in norms
    return found, total


# ---- boosted trees ------------------------------------------------------------------------------

def train_trees(x: np.ndarray, y: np.ndarray, trees: int = 150, depth: int = 3, rate: float = 0.1,
                lam: float = 1.0, min_hess: float = 1.0, bins: int = 32) -> dict[str, Any]:
    """Gradient-boosted trees on log loss, split points from each feature's quantiles."""
    nf = x.shape[1]
    edges = []
    xb = np.zeros(x.shape, dtype=np.int32)
    for j in range(nf):
        e = np.unique(np.quantile(x[:, j], np.linspace(0, 1, bins + 1)[1:-1]))
        edges.append(e)
        xb[:, j] = np.searchsorted(e, x[:, j], side="left")  # bin b: x <= e[b]
    prior = min(max(y.mean(), 1e-4), 1 - 1e-4)
    base = float(np.log(prior / (1 - prior)))
    f = np.full(len(y), base)
    forest: list[list[list[float]]] = []
    for _ in range(trees):
        p = 1 / (1 + np.exp(-f))
        g = p - y
        h = np.maximum(p * (1 - p), 1e-6)
        nodes: list[list[float]] = []

        def grow(idx: np.ndarray, level: int, nodes: list[list[float]] = nodes, g: np.ndarray = g,
                 h: np.ndarray = h) -> int:
            me = len(nodes)
            nodes.append([])
            G, H = g[idx].sum(), h[idx].sum()
            best = (0.0, -1, -1)
            if level < depth and len(idx) > 1:
                for j in range(nf):
                    nb = len(edges[j]) + 1
                    if nb < 2:
                        continue
                    gs = np.bincount(xb[idx, j], weights=g[idx], minlength=nb)[:-1].cumsum()
                    hs = np.bincount(xb[idx, j], weights=h[idx], minlength=nb)[:-1].cumsum()
                    ok = (hs >= min_hess) & (H - hs >= min_hess)
                    if not ok.any():
                        continue
                    gain = gs ** 2 / (hs + lam) + (G - gs) ** 2 / (H - hs + lam) - G ** 2 / (H + lam)
                    gain[~ok] = -1
                    b = int(gain.argmax())
                    if gain[b] > best[0]:
                        best = (float(gain[b]), j, b)
            if best[1] < 0:
                nodes[me] = [-1, float(-G / (H + lam) * rate)]
                return me
            j, b = best[1], best[2]
            left = idx[xb[idx, j] <= b]
            right = idx[xb[idx, j] > b]
            li = grow(left, level + 1)
            ri = grow(right, level + 1)
            nodes[me] = [j, float(edges[j][b]), li, ri]
            return me

        grow(np.arange(len(y)), 0)
        forest.append(nodes)
        f = f + predict_tree(nodes, x)
    return {"base": base, "trees": forest}


def predict_tree(nodes: list[list[float]], x: np.ndarray) -> np.ndarray:
    out = np.zeros(len(x))
    stack = [(0, np.arange(len(x)))]
    while stack:
        i, idx = stack.pop()
        node = nodes[i]
        if node[0] < 0:
            out[idx] = node[1]
            continue
        mask = x[idx, int(node[0])] <= node[1]
        stack.append((int(node[2]), idx[mask]))
        stack.append((int(node[3]), idx[~mask]))
    return out


# ---- cross-validation ---------------------------------------------------------------------------

def export(commit: str) -> Path:
    target = Path(tempfile.gettempdir()) / "parselearn_src" / commit
    if not (target / "src").exists():
        target.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "src"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target / "src"


def fold(held: str, modes: list[str], threshold: float | None, stages: int) -> list[dict[str, Any]]:
    """One held-out set with the parser of its time: the rules' figures, then each mode's."""
    pages, split = bench.load_pages()
    labels = {p.file: p for p in pages}
    sets = [k for k in split if k.startswith(("tune", "held_out"))]
    files = [f for k in sets for f in split[k] if page_number(f) <= LAST_PAGE]
    src = export(AT_THE_TIME[held])
    records = read_pages(src, files)
    import xindegen.parse.structure as structure
    hook = structure._by_text
    test = [labels[f] for f in split[held]]
    first = min(page_number(f) for f in split[held])
    rows = []
    hook.model = None
    rows.append(_score(held, "rules", test, src))
    found, total = coverage(records, labels, split[held])
    for mode in modes:
        use_rules = mode.startswith("combined")
        train = [f for f in files if f not in split[held] and (not mode.endswith("forward") or page_number(f) < first)]
        groups = page_cands(records, labels, train, use_rules)
        hook.model = train_model(groups, threshold, stages)
        hook.use_rules = use_rules
        row = _score(held, mode, test, src)
        row.update(train_pages=len(train), positives=sum(sum(g[2]) for g in groups),
                   threshold=hook.model.threshold, stages=stages)
        rows.append(row)
    hook.model = None
    for row in rows:
        row["coverage"] = f"{found}/{total}"
    return rows


def _score(held: str, mode: str, test: list[Any], src: Path) -> dict[str, Any]:
    input_error, parse_file = bench._load_parser(src)
    s = bench.run(test, False, (input_error, parse_file))
    p = bench._ratio(s.heading_hits, s.heading_predicted)
    r = bench._ratio(s.heading_hits, s.heading_labelled)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"set": held, "mode": mode, "P": round(p, 3), "R": round(r, 3), "F1": round(f1, 3),
            "hits": s.heading_hits, "predicted": s.heading_predicted, "labelled": s.heading_labelled,
            "titles": f"{s.titles_right}/{s.titles_labelled}", "quotes": f"{s.quotes_found}/{s.quotes_labelled}",
            "crashes": len(s.crashed)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    cv = sub.add_parser("cv", help="leave-one-set-out, each set with the parser of its time")
    cv.add_argument("--sets", nargs="*", default=list(AT_THE_TIME))
    cv.add_argument("--modes", nargs="*", default=["learned", "combined", "learned-forward", "combined-forward"])
    cv.add_argument("--threshold", type=float, default=None, help="default: chosen on the training pages")
    cv.add_argument("--stages", type=int, default=2)
    cv.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "parselearn_cv.jsonl")
    one = sub.add_parser("fold", help="(internal) one fold, in its own process")
    one.add_argument("held")
    one.add_argument("--modes", nargs="*")
    one.add_argument("--threshold", type=float, default=None)
    one.add_argument("--stages", type=int, default=2)
    tr = sub.add_parser("train", help="a model on every labelled set, with this checkout's parser")
    tr.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "parselearn_model.json")
    tr.add_argument("--threshold", type=float, default=None)
    tr.add_argument("--stages", type=int, default=2)
    tr.add_argument("--no-rules", action="store_true")
    args = ap.parse_args()
    if args.command == "fold":
        for row in fold(args.held, args.modes, args.threshold, args.stages):
            print(json.dumps(row, ensure_ascii=False), flush=True)
        return 0
    if args.command == "cv":
        with args.out.open("a", encoding="utf-8") as out:
            for held in args.sets:  # a process each: each loads another parser
                extra = ["--threshold", str(args.threshold)] if args.threshold is not None else []
                done = subprocess.run([sys.executable, __file__, "fold", held, "--modes", *args.modes, *extra,
                                       "--stages", str(args.stages)], check=True, capture_output=True,
                                      text=True, env={**os.environ, "PYTHONPATH": ""})
                for line in done.stdout.splitlines():
                    row = json.loads(line)
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                    print(f"{row['set']:12} {row['mode']:17} P {row['P']:.3f} R {row['R']:.3f} F1 {row['F1']:.3f} "
                          f"({row['hits']}/{row['predicted']} of {row['labelled']})  titles {row['titles']}  "
                          f"quotes {row['quotes']}  cover {row['coverage']}  t {row.get('threshold', '-')}", flush=True)
        return 0
    pages, split = bench.load_pages()
    labels = {p.file: p for p in pages}
    files = [f for k in split if k.startswith(("tune", "held_out")) for f in split[k] if page_number(f) <= LAST_PAGE]
    records = read_pages(ROOT / "src", files)
    groups = page_cands(records, labels, files, not args.no_rules)
    model = train_model(groups, args.threshold, args.stages)
    data = {"about": "learned heading scorer, made by tools/parselearn.py train", "features": learned.FEATURE_NAMES,
            "collective": learned.COLLECTIVE_NAMES, "rules_feature": not args.no_rules,
            "threshold": model.threshold, "stage1": model.stage1, "stage2": model.stage2}
    args.out.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    print(f"{len(files)} pages, {sum(len(g[1]) for g in groups)} candidates, "
          f"{sum(sum(g[2]) for g in groups)} headings, threshold {model.threshold}: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
