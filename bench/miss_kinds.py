"""The parser's misses on the seen real pages, sorted into kinds and counted.

Run: ``python bench/miss_kinds.py [--sets tune,held_out_1,...] [-v]``.

Each missed or extra heading, wrong title and missed quotation is put in one kind by what the
page shows where it stands (a heading glued to its body on one line, a numbered line whose
numbering the parser does not know, an over-long heading, a title taken from the site's chrome,
…), so that the largest kinds can be fixed by general mechanisms, not one page at a time.
The table is printed largest first, with the pages of each kind; ``-v`` lists every miss.
It reads the seen sets only (``SEEN``): a set being made for the next held-out figure is never
read here.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_realpages as B  # noqa: E402

SEEN = ("tune", "tune_2", "held_out_1", "held_out_2", "held_out_3", "held_out_4",
        "held_out_5", "held_out_6", "held_out_7")
DEVELOP = ("tune", "tune_2", "held_out_1", "held_out_2", "held_out_3", "held_out_4")

_NUMBERED = re.compile(r"^[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．，,]")
_ODD_NUMBER = re.compile(
    r"^(?:[〖【\[][^〗】\]]{1,3}[〗】\]]|[一二三四五六七八九十\d]{1,3}\s*[●○■□◆◇•·▶►>]|[壹贰叁肆伍陆柒捌玖拾])")
_ORDINAL = re.compile(r"^(?:首先|其次|再次|再者|最后|[一二三四五六七八九十]是|(?:另)?一方面|第[一二三四五六七八九十])")
_MARKUP = re.compile(r"^(?:#{1,6}\s|\*\*|【)")


def _flat(text: str) -> str:
    t = B._simplify(unicodedata.normalize("NFKC", text))
    return "".join(c for c in t if c not in B._QUOTES and not c.isspace())


def _lines(page: B.Page) -> list[str]:
    return (B.PAGES / page.file).read_text(encoding="utf-8").splitlines()


def _line_of(lines: list[str], wanted: str) -> tuple[str, int] | None:
    """The raw line holding ``wanted`` (normalised), and the offset of it in the flat line."""
    key = B.norm(wanted)
    if not key:
        return None
    for line in lines:
        flat = _flat(line)
        at = flat.find(key[:12])
        if at >= 0:
            return line, at
    return None


def heading_kind(page: B.Page, heading: str, essays_wrong: bool, extra: bool) -> str:
    lines = _lines(page)
    found = _line_of(lines, heading)
    n = len(B.norm(heading))
    if essays_wrong:
        return "essays split wrong"
    if found is None:
        return "heading not found as text"
    line, at = found
    raw = line.strip()
    flat = _flat(raw)
    body_after = len(flat) - at - n
    if _ODD_NUMBER.match(raw):
        return "numbering the parser does not know (〖叁〗、 一● …)"
    if _MARKUP.match(raw):
        return "heading in markup (### ** 【】)"
    if extra and _NUMBERED.match(raw) and n > 30:
        return "numbered items taken as headings (level mix-up)"
    if extra:
        return "extra: prose line taken as heading"
    if n > 40:
        return "over-long heading (> 40 characters)"
    if body_after >= 10:
        if _ORDINAL.match(raw):
            return "run-in heading after 首先/其次 opener"
        return "run-in heading glued to its body"
    if _NUMBERED.match(raw):
        return "numbered line rejected (level mix-up / parallelism)"
    if n <= 12:
        return "short line alone (bold-like), no numbering"
    return "unnumbered line alone"


def title_kind(page: B.Page, got: str | None, accepted: list[str]) -> str:
    if got is None:
        return "title: essay missing (split)"
    g, wants = B.norm(got), [B.norm(a) for a in accepted]
    if any(w and (w in g or g in w) for w in wants) and g:
        return "title: right title with prefix/suffix"
    lines = _lines(page)
    hit = _line_of(lines, got)
    if hit is None:
        return "title: made up / fallback (no such line)"
    first_wanted = min((i for i, line in enumerate(lines) for w in wants if w and w[:10] in _flat(line)),
                       default=None)
    here = next(i for i, line in enumerate(lines) if line == hit[0])
    if first_wanted is not None and here > first_wanted:
        return "title: taken from a line after the title"
    return "title: taken from chrome before the title"


def quote_kind(page: B.Page, quote: str) -> str:
    text = _flat((B.PAGES / page.file).read_text(encoding="utf-8"))
    raw = B._simplify(unicodedata.normalize("NFKC", (B.PAGES / page.file).read_text(encoding="utf-8")))
    raw = "".join(c for c in raw if not c.isspace())
    if quote not in text:
        return "quote: not found as text"
    quoted = any(f"{o}{quote[:6]}" in raw for o in "“‘\"「『")
    if not quoted:
        return "quote: unquoted saying"
    if "、" in quote and len(quote) <= 20:
        return "quote: quoted list of terms rejected"
    return "quote: quoted, not taken"


def collect(sets: tuple[str, ...]) -> list[tuple[str, str, str, str]]:
    """(set, page, kind, detail) for every miss."""
    parser = B._load_parser(B.ROOT / "src")
    input_error, parse_file = parser
    pages, split = B.load_pages()
    by_file = {p.file: p for p in pages}
    out: list[tuple[str, str, str, str]] = []
    for half in sets:
        for name in split[half]:
            page = by_file[name]
            try:
                outlines: list[Any] = parse_file(B.PAGES / name)
            except input_error:
                outlines = []
            wrong = len(outlines) != len(page.titles)
            for i, accepted in enumerate(page.titles):
                if accepted is None:
                    continue
                got = outlines[i].title if i < len(outlines) else None
                if B.norm(got) not in {B.norm(a) for a in accepted}:
                    out.append((half, name, title_kind(page, got, accepted), f"{got!r} want {accepted[0]!r}"))
            predicted = [s.heading for o in outlines for s in o.sections if s.heading]
            left: dict[str, int] = defaultdict(int)
            for h in page.headings:
                left[B.norm(h)] += 1
            extras = []
            for h in predicted:
                if left[B.norm(h)] > 0:
                    left[B.norm(h)] -= 1
                else:
                    extras.append(h)
            for h in page.headings:
                if left[B.norm(h)] > 0:
                    left[B.norm(h)] -= 1
                    out.append((half, name, "missed: " + heading_kind(page, h, wrong, False), h))
            for h in extras:
                kind = "duplicate heading" if predicted.count(h) > 1 else heading_kind(page, h, wrong, True)
                out.append((half, name, "extra: " + kind.removeprefix("extra: "), h))
            got_quotes = [B.norm(q) for o in outlines for q in B.outline_quotes(o)]
            for q in page.quotes:
                nq = B.norm(q)
                if not any(B._quote_match(nq, g) for g in got_quotes):
                    out.append((half, name, quote_kind(page, nq), q))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default=",".join(SEEN), help="comma-separated sets (seen sets only)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    sets = tuple(s for s in args.sets.split(",") if s)
    if not set(sets) <= set(SEEN):
        print(f"only seen sets: {', '.join(SEEN)}")
        return 2
    misses = collect(sets)
    kinds: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for m in misses:
        kinds[m[2]].append(m)
    print(f"{'n':>3} {'dev':>3} {'chk':>3}  kind  (pages)")
    for kind, rows in sorted(kinds.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        dev = sum(r[0] in DEVELOP for r in rows)
        pages = sorted({r[1] for r in rows}, key=lambda f: int(f[1:-4]))
        print(f"{len(rows):3} {dev:3} {len(rows) - dev:3}  {kind}  ({' '.join(p[:-4] for p in pages)})")
        if args.verbose:
            for r in rows:
                print(f"           {r[1]}: {r[3][:90]}")
    print(f"{len(misses):3} in all, {sum(m[0] in DEVELOP for m in misses)} on the development sets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
