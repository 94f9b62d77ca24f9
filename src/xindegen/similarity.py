"""查重: the share of a text's characters in runs of 13+ characters shared with another text.

Quotations (“…”), the titles of their sources (《…》) and placeholders (【…】, replaced by the
writer) are left out, whitespace ignored. Every 13-character window is hashed into an inverted
index (window → texts), so checking N texts costs about N × length, not N² comparisons of full
texts. The index is kept in memory up to a size, then in an SQLite file (a temporary one unless
given), so memory stays bounded however many texts it holds; the database's page cache is capped small.
"""

from __future__ import annotations

import heapq
from itertools import chain, compress, repeat
from operator import sub
import os
import re
import sqlite3
import tempfile
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
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
    # probe(back=…): for each partner measured, the share of its text held in common with this one
    back: dict[str, float] = field(default_factory=dict)


_CACHE_KB = 16 * 1024  # SQLite page cache: enough for the hot pages, small next to the workers
_COMMIT_EVERY = 64  # texts per transaction: bounds the dirty pages held before writing them out
INDEX_PREFIX = ".xindegen-index-"  # the temporary database's file name begins with this
MEMORY_LIMIT = 96 * 2**20  # bytes of index kept in memory before it moves to disk (about 1,500 drafts)
_BYTES_PER_WINDOW = 160  # a window first seen: dict slot, int key, one-item array
_BATCH = 900  # hashes per query (under SQLite's limit on parameters)
_TOP = 10  # partners whose coverage is measured exactly: those sharing the most windows
# A window more texts hold than this is the topic's boilerplate (a fact every draft cites): it counts
# for each partner measured, but its holders are not gone through one by one, which would make a
# check cost O(N); it lists the first _COMMON holders and the latest, so an index stays bounded per window.
_COMMON = 48


class Index:
    """Texts by name; ``report`` compares one text against all others through the window index.

    The index is kept in memory until it would take about ``memory_limit`` bytes, then moved to an
    SQLite file (``path``, or a temporary one in ``workdir`` or the system temporary directory,
    removed by :meth:`close`), so memory stays bounded however many texts it holds. Each window
    lists the ids of the texts holding it in the order they were put in; the partner is chosen
    among the ten sharing the most windows (ties: the one sharing the earliest window, then the one
    put in first) and its coverage measured exactly. A window held by more than ``_COMMON`` texts
    is not gone through holder by holder (that would make each report cost O(N)): it counts in
    full for every partner measured, and a few of its holders are measured when few partners
    share other windows. Where the index is kept changes no report.
    """

    def __init__(self, path: str | Path | None = None, workdir: Path | None = None,
                 memory_limit: int | None = None) -> None:
        self._path, self._workdir = path, workdir
        self._limit = MEMORY_LIMIT if memory_limit is None else memory_limit
        self._own: str | None = None  # a temporary database file of ours
        self._db_path = ""
        self._inherited: sqlite3.Connection | None = None
        self._db: sqlite3.Connection | None = None
        self._ids: dict[str, int] = {}  # name -> doc id: a few dozen bytes per text, kept in memory
        self._counted = array("i")  # doc id -> characters that count, kept in memory
        # in memory: window hash -> holders; per doc (name, cleaned text, hash of each window or 0)
        self._post: dict[int, array[int]] = {}
        self._docs: list[tuple[str, str, array[int]]] = []
        self._size = 0  # bytes the in-memory index takes, about
        self._size_windows = 0  # windows it held when last counted
        self._pending = 0
        self._probed: tuple[str, str, array[int]] = ("", "", array("q"))  # the last text probed, prepared
        if path is not None:
            self._spill()

    # ---- filling ---------------------------------------------------------------------------------

    def add(self, name: str, text: str) -> None:
        doc = len(self._ids)
        self._ids[name] = doc
        if self._probed[0] is text:
            clean, hashes = self._probed[1:]
        else:
            clean = normalize(text)
            hashes = _hash_windows(clean)
        self._counted.append(_counted(clean))
        mine = set(hashes) - {0}
        db = self._db
        if db is None:
            self._docs.append((name, clean, hashes))
            post = self._post
            for h in mine:
                held = post.get(h)
                if held is None:
                    post[h] = array("i", (doc,))
                elif len(held) <= _COMMON:
                    held.append(doc)
                else:  # past the cap only the latest holder is kept, in the last place
                    held[-1] = doc
            new = len(post) - self._size_windows
            self._size_windows = len(post)
            self._size += new * _BYTES_PER_WINDOW + (len(mine) - new) * 4 + len(clean) * 10 + 200
            if self._size > self._limit:
                self._spill()
            return
        self._begin()
        db.execute("INSERT INTO docs VALUES (?, ?, ?, ?)", (doc, name, clean, hashes.tobytes()))
        me = array("i", (doc,)).tobytes()
        # || keeps the bytes (typed as text: read back with CAST ... AS BLOB); past the cap the last
        # holder is replaced, as in memory
        db.executemany(f"""INSERT INTO post VALUES (?, ?) ON CONFLICT (h) DO UPDATE SET docs =
                           substr(CAST(docs AS BLOB), 1, min(length(CAST(docs AS BLOB)), {4 * _COMMON}))
                           || excluded.docs""", ((h, me) for h in mine))
        self._pending += 1
        if self._pending >= _COMMIT_EVERY:
            self.flush()

    def _spill(self) -> None:
        """Move the index to its SQLite file; from now on it grows there."""
        path = self._path
        if path is None:
            fd, name = tempfile.mkstemp(prefix=INDEX_PREFIX, suffix=".sqlite", dir=self._workdir)
            os.close(fd)
            path = self._own = name
        self._db_path = str(path)
        # check_same_thread off: --writer llm probes from worker threads, under the caller's lock
        self._db = db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "temp_store=MEMORY", f"cache_size=-{_CACHE_KB}"):
            db.execute(f"PRAGMA {pragma}")
        db.executescript("""
            CREATE TABLE IF NOT EXISTS docs (id INTEGER PRIMARY KEY, name TEXT NOT NULL, text TEXT NOT NULL,
                                             hashes BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS post (h INTEGER PRIMARY KEY, docs BLOB NOT NULL);
        """)
        self._begin()
        db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)",
                       ((doc, name, clean, hashes.tobytes()) for doc, (name, clean, hashes) in enumerate(self._docs)))
        db.executemany("INSERT INTO post VALUES (?, ?)", ((h, held.tobytes()) for h, held in self._post.items()))
        self.flush()
        self._post, self._docs, self._size = {}, [], 0

    def _begin(self) -> None:
        if self._db is not None and not self._db.in_transaction:
            self._db.execute("BEGIN")

    def flush(self) -> None:
        """Write out what was put in since the last flush (reads see it either way)."""
        if self._db is not None and self._db.in_transaction:
            self._db.execute("COMMIT")
        self._pending = 0

    def reopen(self) -> None:
        """In a forked process: a connection of its own to the database (one must not cross a
        fork), and the file left to the process that made it."""
        self._own = None
        if self._db is not None:
            self._inherited = self._db  # kept, never closed here: the parent's connection
            self._db = sqlite3.connect(self._db_path, isolation_level=None, check_same_thread=False)
            self._db.execute(f"PRAGMA cache_size=-{_CACHE_KB}")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
        if self._own:
            Path(self._own).unlink(missing_ok=True)
            self._own = None

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def on_disk(self) -> bool:
        return self._db is not None

    def _doc(self, doc: int) -> tuple[str, str]:
        """Name and cleaned text."""
        if self._db is None:
            return self._docs[doc][:2]
        name, text = self._db.execute("SELECT name, text FROM docs WHERE id = ?", (doc,)).fetchone()
        return name, text

    def _hashes(self, doc: int) -> array[int]:
        if self._db is None:
            return self._docs[doc][2]
        out = array("q")
        out.frombytes(self._db.execute("SELECT hashes FROM docs WHERE id = ?", (doc,)).fetchone()[0])
        return out

    def _postings(self, hashes: Iterable[int]) -> Mapping[int, Sequence[int]]:
        """The holders of each of ``hashes`` that any text has (not to be changed)."""
        if self._db is None:
            return self._post  # all of them: no copy
        wanted = list(set(hashes))
        out: dict[int, Sequence[int]] = {}
        for k in range(0, len(wanted), _BATCH):
            part = wanted[k:k + _BATCH]
            sql = f"SELECT h, CAST(docs AS BLOB) FROM post WHERE h IN ({','.join('?' * len(part))})"
            for h, blob in self._db.execute(sql, part):
                out[h] = memoryview(blob).cast("i")
        return out

    # ---- asking ----------------------------------------------------------------------------------

    def report(self, name: str) -> Match:
        """How much of ``name`` is shared with the others."""
        me = self._ids[name]
        text = self._doc(me)[1]
        return self._match(name, text, self._hashes(me), me)

    def probe(self, text: str, back: Callable[[str, float], bool] | None = None, name: str = "") -> Match:
        """How much of ``text``, not in the index, is shared with the texts that are (a draft being
        written). ``back(partner, estimate)`` says whether to measure how much of that partner's text
        ``text`` shares (``Match.back``), given an estimate (the characters shared, counted in
        ``text``, over the partner's length)."""
        clean = normalize(text)
        hashes = _hash_windows(clean)
        self._probed = (text, clean, hashes)  # a batch adds the draft it has just probed
        return self._match(name, clean, hashes, -1, back)

    def _match(self, name: str, text: str, hashes: array[int], me: int,
               back: Callable[[str, float], bool] | None = None) -> Match:
        counted = _counted(text) or 1
        get = self._postings(h for h in hashes if h).get
        # The holders of each window (None: no text holds it; none holds hash 0, a window across a
        # break). Windows of the topic's stock phrases have dozens: they are counted per partner in
        # C, and gone through per position only for the few partners measured.
        held = list(map(get, hashes))
        listed = [(i, docs) for i, docs in enumerate(held) if docs is not None and len(docs) <= _COMMON]
        shared = Counter(chain.from_iterable(docs for _, docs in listed))  # partner -> windows listed
        shared.pop(me, None)
        # windows many texts hold (boilerplate of the topic: not listed per partner)
        common = [i for i, docs in enumerate(held) if docs is not None and len(docs) > _COMMON]
        if not shared and not common:
            return Match(name, 0.0, None, 0.0)
        # windows shared with anyone: all but those ours alone
        anywhere = [i for i, docs in enumerate(held) if docs is not None and (len(docs) > 1 or docs[0] != me)]
        # The worst partner is among those sharing the most windows listed per partner (ties: the one
        # sharing the earliest window, then the one put in first; with common windows and few such
        # partners, a few of their holders too); each is measured exactly.
        candidates = heapq.nlargest(_TOP, shared, key=shared.__getitem__)
        if common and len(candidates) < _TOP:
            for i in common[::max(1, len(common) // 4)][:4]:
                docs = held[i] or ()
                candidates += [d for d in (*docs[:2], *docs[-2:]) if d != me and d not in candidates]
        at: dict[int, list[int]] = {doc: [] for doc in candidates}  # partner -> positions of its windows
        measured = at.keys()
        for i, docs in listed:
            for doc in measured & docs:
                at[doc].append(i)
        mine = set(hashes) if back else set()
        mine.discard(0)  # a window across a break is no one's
        by_hash: dict[int, list[int]] = defaultdict(list)  # common windows' positions, by hash
        for i in common:
            by_hash[hashes[i]].append(i)
        common_hashes = set(by_hash)
        best, best_starts, best_sum = -1, [], 0
        shares: dict[str, float] = {}
        for doc in candidates:
            starts = at[doc]
            theirs = self._hashes(doc) if common or back else None
            if common and theirs is not None:
                starts = sorted([*starts, *(i for h in common_hashes.intersection(theirs) for i in by_hash[h])])
            covered = _covered(starts)
            if covered > best_sum:
                best, best_starts, best_sum = doc, starts, covered
            size = self._counted[doc] or 1
            if theirs and back is not None and back(partner := self._doc(doc)[0], covered / size):
                shares[partner] = _covered(list(compress(range(len(theirs)), map(mine.__contains__, theirs)))) / size
        share = _covered(anywhere) / counted
        if best < 0:
            return Match(name, share, None, 0.0, back=shares)
        return Match(name, share, self._doc(best)[0], best_sum / counted,
                     _passages(text, _cover(best_starts, len(text))), back=shares)


def _hash_windows(clean: str) -> array[int]:
    """Hash of the window at each position; 0 for a window across an excluded stretch."""
    hashes = array("q", [hash(clean[i:i + RUN]) for i in range(len(clean) - RUN + 1)])
    pos = clean.find("\x00")
    while pos >= 0:
        for i in range(max(0, pos - RUN + 1), min(pos + 1, len(hashes))):
            hashes[i] = 0
        pos = clean.find("\x00", pos + 1)
    return hashes


def _counted(clean: str) -> int:
    """The characters of a normalized text that count (the breaks left by quotations do not)."""
    return len(clean) - clean.count("\x00")


def _covered(starts: list[int]) -> int:
    """Characters covered by the windows at ``starts`` (ascending, distinct)."""
    return sum(map(min, repeat(RUN), map(sub, starts[1:], starts))) + RUN if starts else 0


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
    with Index() as index:
        index.add("a", a)
        index.add("b", b)
        return max(index.report("a").share, index.report("b").share)
