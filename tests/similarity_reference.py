"""The in-memory 查重 index as it was before the on-disk one (commit 1d71027), kept verbatim as the
reference the on-disk index must agree with, report for report."""
from __future__ import annotations

import heapq
import re
from array import array
from collections import defaultdict
from dataclasses import dataclass, field

RUN = 13
_EXCLUDED = re.compile(r"“[^”]*”|《[^》]*》|【[^】]*】|\s+")


def normalize(text: str) -> str:
    """The text that counts: quotations, cited titles and placeholders become a break, whitespace goes."""
    return _EXCLUDED.sub(lambda m: "" if m.group().isspace() else "\x00", text)


@dataclass
class Match:
    name: str
    share: float  # of this text's counted characters
    partner: str | None
    partner_share: float  # characters shared with the worst partner alone
    passages: list[str] = field(default_factory=list)  # longest shared runs with that partner


class Index:
    """Texts by name; ``report`` compares one text against all others through the window index."""

    def __init__(self) -> None:
        self._names: list[str] = []
        self._ids: dict[str, int] = {}
        self._texts: list[str] = []
        self._hashes: list[array[int]] = []  # per text: hash of the window starting at each position
        # window hash -> the text holding it, or a list when several do; most windows belong to one
        # text, and a bare int costs a third of a list, which keeps the index small for large N
        self._windows: dict[int, int | list[int]] = {}

    def add(self, name: str, text: str) -> None:
        doc = len(self._names)
        self._names.append(name)
        self._ids[name] = doc
        self._texts.append("")
        self._hashes.append(array("q"))
        self._put(doc, text)

    def __len__(self) -> int:
        return len(self._names)

    def replace(self, name: str, text: str) -> None:
        """Swap the text of ``name`` (a regenerated draft) without rebuilding the index."""
        doc = self._ids[name]
        windows = self._windows
        for h in set(self._hashes[doc]) - {0}:
            held = windows[h]
            if isinstance(held, int):
                del windows[h]
            else:
                held.remove(doc)
                if len(held) == 1:
                    windows[h] = held[0]
        self._put(doc, text)

    def _put(self, doc: int, text: str) -> None:
        clean = normalize(text)
        self._texts[doc] = clean
        self._hashes[doc] = hashes = self._hash_windows(clean)
        windows = self._windows
        for h in set(hashes) - {0}:
            held = windows.get(h)
            if held is None:
                windows[h] = doc
            elif isinstance(held, int):
                windows[h] = [held, doc]
            else:
                held.append(doc)

    @staticmethod
    def _hash_windows(clean: str) -> array[int]:
        """Hash of the window at each position; 0 for a window across an excluded stretch."""
        hashes = array("q", [hash(clean[i:i + RUN]) for i in range(len(clean) - RUN + 1)])
        pos = clean.find("\x00")
        while pos >= 0:
            for i in range(max(0, pos - RUN + 1), min(pos + 1, len(hashes))):
                hashes[i] = 0
            pos = clean.find("\x00", pos + 1)
        return hashes

    def report(self, name: str, among: set[str] | None = None) -> Match:
        """How much of ``name`` is shared with the others (or only with ``among``)."""
        me = self._ids[name]
        allowed = None if among is None else {self._ids[n] for n in among if n in self._ids}
        return self._match(name, self._texts[me], self._hashes[me], me, allowed)

    def probe(self, text: str, exclude: str | None = None) -> Match:
        """How much of ``text``, not in the index, is shared with the texts that are (a draft being
        written), leaving out ``exclude`` (the draft it is to replace)."""
        clean = normalize(text)
        return self._match("", clean, self._hash_windows(clean), self._ids.get(exclude or ""), None)

    def _match(self, name: str, text: str, hashes: array[int], me: int | None, allowed: set[int] | None) -> Match:
        counted = len(text) - text.count("\x00") or 1
        get = self._windows.get
        at: dict[int, list[int]] = defaultdict(list)  # partner -> positions of the windows it shares
        anywhere: list[int] = []  # positions of windows shared with anyone
        for i, h in enumerate(hashes):
            docs = get(h) if h else None
            if docs is None:
                continue
            if isinstance(docs, int):  # a window one text holds: the usual case, shared only if not ours
                if docs == me or (allowed is not None and docs not in allowed):
                    continue
                at[docs].append(i)
                anywhere.append(i)
                continue
            hit = False
            for doc in docs:
                if doc != me and (allowed is None or doc in allowed):
                    at[doc].append(i)
                    hit = True
            if hit:
                anywhere.append(i)
        if not at:
            return Match(name, 0.0, None, 0.0)
        # The worst partner is among those sharing the most windows; measure the top ten exactly.
        best, best_marks = -1, [False]
        for doc in heapq.nlargest(10, at, key=lambda d: len(at[d])):
            marks = _cover(at[doc], len(text))
            if sum(marks) > sum(best_marks):
                best, best_marks = doc, marks
        return Match(name, sum(_cover(anywhere, len(text))) / counted, self._names[best],
                     sum(best_marks) / counted, _passages(text, best_marks))


def _cover(starts: list[int], length: int) -> list[bool]:
    marks = [False] * length
    for i in starts:
        marks[i:i + RUN] = [True] * RUN
    return marks


def _passages(text: str, marks: list[bool], limit: int = 3) -> list[str]:
    runs, start = [], None
    for i, m in enumerate([*marks, False]):
        if m and start is None:
            start = i
        elif not m and start is not None:
            runs.append(text[start:i])
            start = None
    return sorted(runs, key=len, reverse=True)[:limit]


def pair_share(a: str, b: str) -> float:
    """Share of ``a`` in 13+ runs shared with ``b`` (max over both directions is the pair's value)."""
    index = Index()
    index.add("a", a)
    index.add("b", b)
    return max(index.report("a").share, index.report("b").share)
