"""How well ``xindegen parse`` reads real pages from sites it was not written for.

Run: ``python bench/bench_realpages.py [--half tune|tune_2|held_out_1|...|held_out_12|all] [-v]``.
The pages, their hand labels and the split are in ``tests/realpages/`` (see the README there): a
tuning half, four held-out sets each scored once at the end of a piece of work and looked at after
that, a fifth held-out set (``held_out_5``), a second tuning set (``tune_2``, thirty pages of sites
new to the folder, for tuning), a sixth held-out set (``held_out_6``, forty pages of forty more
new sites, scored once with main's parser and looked at since: see ``split.yaml``), a seventh
and an eighth (``held_out_7``, ``held_out_8``, forty pages of forty further sites each, scored once
at the end of a piece of work and seen since), a ninth and a tenth (``held_out_9``,
``held_out_10``, the same, seen since), an eleventh (``held_out_11``, forty pages of forty further
sites made the same way, scored once on 2026-12-03 and seen since) and a twelfth (``held_out_12``,
forty pages of forty further sites made the same way, scored once on 2026-12-03 and seen
since). ``all`` scores the tuning sets and held_out_1 to held_out_4 and
leaves ``held_out_5`` to ``held_out_12`` out.
For each set it prints:

- heading precision, recall and F1 (a heading counts when it equals a labelled one, after the
  normalisation below; each label matches once);
- title accuracy (the essay's title equals the labelled title, or one of its other accepted forms,
  for every labelled essay, in order);
- quotation recall (a labelled quotation is found when an indexed quotation of the outline equals
  it, or one holds the other and the shorter is at least 80 % of the longer);
- pages that raised anything other than the parser's own one-line input error.

``--src DIR`` scores the parser in another source folder (an older commit's ``src``, exported
with ``git archive``) against the same labels and normalisation.

Normalisation, on both sides: NFKC; traditional characters as simplified; no whitespace, no
quotation marks; numbering (一、 （一） 1.) and ordinal openers (首先， 其次， 一是 一方面) dropped at
the start; trailing punctuation dropped. ``-v`` lists every miss and every extra, page by page.
The tuning sets are for looking at; the held-out set is for the final figure only.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import traceback
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "realpages"
T2S = ROOT / "src" / "xindegen" / "parse" / "data" / "t2s.txt"


def _load_parser(src: Path) -> tuple[type[Exception], Any]:
    """InputError and parse_file of the parser in ``src`` (this checkout's, or an older one's)."""
    sys.path.insert(0, str(src))
    from xindegen.errors import InputError
    from xindegen.parse.decompose import parse_file
    return InputError, parse_file


def _simplifier() -> dict[int, str]:
    """Character by character, from this checkout's table, whichever parser is scored."""
    table: dict[int, str] = {}
    if T2S.exists():
        for line in T2S.read_text(encoding="utf-8").splitlines():
            if line.startswith("c "):
                table[ord(line[2])] = line[3]
    for old, new in (("「", "“"), ("」", "”"), ("『", "‘"), ("』", "’")):
        table[ord(old)] = new
    return table


_T2S = _simplifier()


def _simplify(text: str) -> str:
    return text.translate(_T2S)


_QUOTES = "“”‘’\"'「」『』〝〞"
_SPACE = re.compile(r"\s+")
_LEADING = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．，,]\s*|第[一二三四五六七八九十\d]{1,3}[、，,：:]?\s*|"
    r"(?:首先|其次|再次|再者|然后|最后|此外|另外|同时|第[一二三四五六七八九十]|[一二三四五六七八九十]是|"
    r"(?:另)?一方面)[，,：:、]?)")
_TRAILING = "。！!？?；;，,：:、…·.-—― "


def norm(text: str | None) -> str:
    if not text:
        return ""
    t = _simplify(unicodedata.normalize("NFKC", text))
    t = _SPACE.sub("", t)
    t = "".join(c for c in t if c not in _QUOTES)
    for _ in range(2):
        t = _LEADING.sub("", t, count=1)
    return t.strip(_TRAILING)


@dataclass
class Page:
    file: str
    url: str
    titles: list[list[str] | None]  # per essay: accepted forms, or None (no title on the page)
    headings: list[str]
    quotes: list[str]


def load_pages() -> tuple[list[Page], dict[str, list[str]]]:
    labels = yaml.safe_load((PAGES / "labels.yaml").read_text(encoding="utf-8"))
    pages = []
    for entry in labels["pages"]:
        titles: list[list[str] | None] = []
        for t in entry["titles"]:
            if t is None:
                titles.append(None)
            elif isinstance(t, dict):
                titles.append([t["title"], *t.get("also", [])])
            else:
                titles.append([t])
        pages.append(Page(entry["file"], entry["url"], titles, entry["headings"] or [],
                          entry["quotes"] or []))
    split = yaml.safe_load((PAGES / "split.yaml").read_text(encoding="utf-8"))
    return pages, split


@dataclass
class Score:
    pages: int = 0
    heading_hits: int = 0
    heading_predicted: int = 0
    heading_labelled: int = 0
    titles_right: int = 0
    titles_labelled: int = 0
    quotes_found: int = 0
    quotes_labelled: int = 0
    quotes_predicted: int = 0
    quotes_matching: int = 0
    refused: list[str] = field(default_factory=list)
    crashed: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _quote_match(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return bool(short) and short in long_ and len(short) >= 0.8 * len(long_)


def outline_quotes(outline: Any) -> list[str]:
    quotes = [outline.lead.quote.text] if outline.lead.quote else []
    quotes += [q.text for q in getattr(outline.lead, "quotes", [])]
    quotes += [q.text for s in outline.sections for q in s.quotes]
    quotes += [q.text for q in getattr(outline.closing, "quotes", [])]
    return quotes


def score_page(page: Page, outlines: list[Any], score: Score, verbose: bool) -> None:
    notes: list[str] = []
    # titles, essay by essay
    for i, accepted in enumerate(page.titles):
        if accepted is None:
            continue
        score.titles_labelled += 1
        got = outlines[i].title if i < len(outlines) else None
        if norm(got) in {norm(a) for a in accepted}:
            score.titles_right += 1
        else:
            notes.append(f"  title {i + 1}: got {got!r}, want {accepted[0]!r}")
    if len(outlines) != len(page.titles):
        notes.append(f"  essays: got {len(outlines)}, want {len(page.titles)}")
    # headings, as a multiset over the page
    predicted = [norm(s.heading) for o in outlines for s in o.sections if s.heading]
    wanted = Counter(norm(h) for h in page.headings)
    left = wanted.copy()
    extra = []
    for h in predicted:
        if left[h] > 0:
            left[h] -= 1
            score.heading_hits += 1
        else:
            extra.append(h)
    score.heading_predicted += len(predicted)
    score.heading_labelled += sum(wanted.values())
    notes += [f"  heading missed: {h}" for h in left.elements()]
    notes += [f"  heading extra:  {h}" for h in extra]
    # quotations
    got_quotes = [norm(q) for o in outlines for q in outline_quotes(o)]
    labelled = [norm(q) for q in page.quotes]
    for q in labelled:
        score.quotes_labelled += 1
        if any(_quote_match(q, g) for g in got_quotes):
            score.quotes_found += 1
        else:
            notes.append(f"  quote missed: {q}")
    score.quotes_predicted += len(got_quotes)
    score.quotes_matching += sum(any(_quote_match(q, g) for q in labelled) for g in got_quotes)
    if verbose:
        extra_quotes = [g for g in got_quotes if not any(_quote_match(q, g) for q in labelled)]
        notes += [f"  quote extra:  {g}" for g in extra_quotes]
        if notes:
            print(f"{page.file} {page.url}")
            print("\n".join(notes))


def run(pages: list[Page], verbose: bool, parser: tuple[type[Exception], Any]) -> Score:
    input_error, parse_file = parser
    score = Score()
    for page in pages:
        score.pages += 1
        start = time.perf_counter()
        try:
            outlines = parse_file(PAGES / page.file)
        except input_error as exc:
            score.refused.append(f"{page.file}: {exc}")
            outlines = []
        except Exception:  # a crash: the parser must never raise anything but InputError
            score.crashed.append(page.file)
            if verbose:
                traceback.print_exc()
            outlines = []
        score.seconds += time.perf_counter() - start
        score_page(page, outlines, score, verbose)
    return score


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def report(name: str, s: Score) -> dict[str, Any]:
    p = _ratio(s.heading_hits, s.heading_predicted)
    r = _ratio(s.heading_hits, s.heading_labelled)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    title = _ratio(s.titles_right, s.titles_labelled)
    quote = _ratio(s.quotes_found, s.quotes_labelled)
    print(f"{name:10} {s.pages:5}  headings P {p:.2f} R {r:.2f} F1 {f1:.2f} "
          f"({s.heading_hits}/{s.heading_predicted} of {s.heading_labelled})  "
          f"titles {title:.0%} ({s.titles_right}/{s.titles_labelled})  "
          f"quotes recall {quote:.0%} ({s.quotes_found}/{s.quotes_labelled}), "
          f"precision {_ratio(s.quotes_matching, s.quotes_predicted):.0%}  "
          f"crashes {len(s.crashed)}  refused {len(s.refused)}  {s.seconds:.2f} s")
    for line in s.refused:
        print(f"          refused {line}")
    for line in s.crashed:
        print(f"          CRASH {line}")
    return {"heading_f1": f1, "title": title, "quote_recall": quote, "crashes": len(s.crashed)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", default="all",
                    choices=("tune", "tune_2", "held_out_1", "held_out_2", "held_out_3", "held_out_4",
                             "held_out_5", "held_out_6", "held_out_7", "held_out_8", "held_out_9",
                             "held_out_10", "held_out_11", "held_out_12", "all"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and extra")
    ap.add_argument("--src", type=Path, default=ROOT / "src",
                    help="the parser to score: a src folder (default: this checkout's)")
    args = ap.parse_args()
    if not (PAGES / "labels.yaml").exists():
        print(f"no real pages in {PAGES} (they are kept in the repository, not in the sdist)")
        return 0
    parser = _load_parser(args.src.resolve())
    pages, split = load_pages()
    by_file = {p.file: p for p in pages}
    # held_out_5 to held_out_12 are scored only when asked for by name (held_out_12 once, at the
    # end of a piece of work)
    seen = ("tune", "tune_2", "held_out_1", "held_out_2", "held_out_3", "held_out_4")
    halves = seen if args.half == "all" else (args.half,)
    print(f"{'set':10} {'pages':>5}")
    for half in halves:
        chosen = [by_file[f] for f in split[half]]
        report(half, run(chosen, args.verbose, parser))
    print("targets (held out): heading F1 >= 0.90, titles >= 90 %, quotation recall >= 85 %, no crash")
    return 0


if __name__ == "__main__":
    sys.exit(main())
