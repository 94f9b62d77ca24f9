"""查重: the share of a text's characters in runs of 13+ characters shared with another text.

Quotations (“…”), the titles of their sources (《…》) and placeholders (【…】, replaced by the
writer) are left out, whitespace ignored. Every 13-character window is hashed into an inverted
index (window → texts), so checking N texts costs about N × length, not N² comparisons of full
texts. The index keeps each window's holders as 4-byte text ids in an array (48 at most, then the
latest); the texts themselves (cleaned, and the hash of each window) go to a temporary file past a
few megabytes and are read back only for the few partners measured. Should the window lists
themselves pass a size (many thousands of texts), those not added to for longest move to an SQLite
file, so memory stays bounded however many texts the index holds, while the windows drafts keep
sharing stay in memory.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from array import array
from collections import Counter, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from operator import sub
from pathlib import Path
from typing import IO, TYPE_CHECKING, cast

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
INDEX_PREFIX = ".xindegen-index-"  # the temporary files' names begin with this
# Bytes of window lists kept in memory, about; past it, the lists added to least recently move to
# disk until three quarters of it are left (and come back when used). 10,000 drafts of one topic held
# 399,527 windows, 72 MB by this count (82 MB before full lists were cut to four holders), growing
# about 1.3 MB per thousand drafts there. Lists on disk are slow to use: a limit that kept 40 % of
# those windows on disk looked up 250 of a draft's windows there, and doubled the time of a draft.
MEMORY_LIMIT = 128 * 2**20
_BYTES_PER_WINDOW = 150  # a window first seen: dict slot, int key, one-item array
_BYTES_PER_HOLDER = 4
TEXTS_IN_MEMORY = 8 * 2**20  # bytes of cleaned texts and window hashes kept in memory, then in a file
_BATCH = 900  # hashes per query (under SQLite's limit on parameters)
_TOP = 10  # partners whose coverage is measured exactly: those sharing the most windows
_ALL = 64  # up to this many texts, every partner is measured: the worst pair is never missed
# A window more texts hold than this is the topic's boilerplate (a fact every draft cites): it counts
# for each partner measured, but its holders are not gone through one by one, which would make a
# check cost O(N); it lists the first _COMMON holders and the latest, so an index stays bounded per window.
_COMMON = 48
_NONE: tuple[int, ...] = ()

if TYPE_CHECKING:
    _Ints = array[int]
else:
    _Ints = array


class _Capped(_Ints):
    """A window's holders past the cap: of its list only the first two and the last two are ever
    read (as candidates) and only the last replaced, so only those four are kept (16 bytes for the
    196 of a full list: most of a topic's windows end here). Its length is the full list's."""

    __slots__ = ()

    def __len__(self) -> int:
        return _COMMON + 1


_CAPPED = array("i", (-1,)).tobytes()  # leads a capped list on disk (no text's id is negative)


def _cost(held: array[int]) -> int:
    """What a window's list takes in memory, by the count the limit is kept with."""
    return _BYTES_PER_WINDOW + _BYTES_PER_HOLDER * (held.buffer_info()[1] - 1)


def _blob(held: array[int]) -> bytes:
    return _CAPPED + held.tobytes() if type(held) is _Capped else held.tobytes()
_UNPROBED: tuple[str, str, array[int], list[Sequence[int]], int] = ("", "", array("q"), [], -1)


class _Texts:
    """Per text: its cleaned text and the hash of each window; in memory, then in a temporary file
    (unlinked at once where the system allows: nothing is left behind, forked readers share it)."""

    def __init__(self, workdir: Path | None, limit: int) -> None:
        self._workdir, self._limit = workdir, limit
        self._mem: list[tuple[str, array[int]]] = []
        self._size = 0
        self._file: IO[bytes] | None = None
        self._at = array("q")  # per text in the file: offset, bytes of text, number of hashes
        self._end = 0

    def append(self, clean: str, hashes: array[int]) -> None:
        if self._file is None:
            self._mem.append((clean, hashes))
            self._size += 2 * len(clean) + 8 * len(hashes) + 120
            if self._size > self._limit:
                self._move()
            return
        data = clean.encode("utf-8")
        self._file.write(data)
        self._file.write(hashes.tobytes())
        self._at.extend((self._end, len(data), len(hashes)))
        self._end += len(data) + 8 * len(hashes)

    def _move(self) -> None:
        # open as long as the index is: closed by close()
        self._file = tempfile.TemporaryFile(prefix=INDEX_PREFIX, suffix=".texts", dir=self._workdir)  # noqa: SIM115
        mem, self._mem = self._mem, []
        for clean, hashes in mem:
            self.append(clean, hashes)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def _read(self, doc: int) -> tuple[bytes, int]:
        off, size, n = self._at[3 * doc: 3 * doc + 3]
        assert self._file is not None
        want = size + 8 * n
        if hasattr(os, "pread"):
            self._file.flush()
            data = os.pread(self._file.fileno(), want, off)
        else:  # pragma: no cover - Windows
            self._file.seek(off)
            data = self._file.read(want)
            self._file.seek(0, os.SEEK_END)
        return data, size

    def text(self, doc: int) -> str:
        if self._file is None:
            return self._mem[doc][0]
        data, size = self._read(doc)
        return data[:size].decode("utf-8")

    def hashes(self, doc: int) -> array[int]:
        if self._file is None:
            return self._mem[doc][1]
        data, size = self._read(doc)
        out = array("q")
        out.frombytes(data[size:])
        return out

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class Index:
    """Texts by name; ``report`` compares one text against all others through the window index.

    Each window lists the ids of the texts holding it in the order they were put in, up to ``_COMMON``
    and then the latest. A report counts, per other text, the windows it shares among those held by at
    most ``_COMMON`` texts, and measures exactly the coverage of the ten sharing the most (every one
    while the index holds at most ``_ALL`` texts; ties: the one sharing the earliest window, then the
    one put in first) by comparing their window hashes with its own; when fewer than ten share such
    windows, a few holders of its common windows are measured too. The window lists are kept in memory
    up to about ``memory_limit`` bytes; past it those added to least recently move to an SQLite file
    (``path``, where every list goes at once, or a temporary one in ``workdir`` or the system temporary
    directory, removed by :meth:`close`), and come back to memory when a text added holds their window
    again. The texts and their hashes go to a temporary file past ``TEXTS_IN_MEMORY`` bytes (or that
    limit, if lower).
    Where the index is kept changes no report.
    """

    def __init__(self, path: str | Path | None = None, workdir: Path | None = None,
                 memory_limit: int | None = None) -> None:
        self._path, self._workdir = path, workdir
        self._limit = MEMORY_LIMIT if memory_limit is None else memory_limit
        self._own: str | None = None  # a temporary database file of ours
        self._db_path = ""
        self._inherited: sqlite3.Connection | None = None
        self._db: sqlite3.Connection | None = None
        self._names: list[str] = []
        self._ids: dict[str, int] = {}  # name -> text id
        self._counted = array("i")  # text id -> characters that count
        self._texts = _Texts(workdir, min(self._limit, TEXTS_IN_MEMORY))
        self._post: dict[int, array[int]] = {}  # in memory: window hash -> holders
        self._size = 0  # bytes the in-memory window lists take, about
        # the last text probed, prepared: text, cleaned, hashes, holders of each window, texts then held
        self._probed = _UNPROBED
        if path is not None:  # a database asked for: every window on disk from the start
            self._limit = 0
            self._connect()

    # ---- filling ---------------------------------------------------------------------------------

    def add(self, name: str, text: str, prepared: Prepared | None = None) -> None:
        """Put ``text`` in the index as ``name`` (``prepared``: what :func:`prepare` made of it)."""
        doc = len(self._names)
        text_, clean, hashes, held, when = self._probed
        self._probed = _UNPROBED
        if text_ is not text or when != doc:  # not the text just probed, or the index changed since
            clean, hashes = _prepared(text, prepared)
            held = []
        self._names.append(name)
        self._ids[name] = doc
        self._counted.append(_counted(clean))
        self._texts.append(clean, hashes)
        post = self._post
        if not held and self._db is None:  # all in memory: each window looked up once
            keys = set(hashes)
            found: dict[int, Sequence[int]] = dict(zip(keys, map(post.get, keys, repeat(_NONE)), strict=False))
        else:  # as the probe found them: arrays in memory, views of the database's lists, or empty
            found = dict(zip(hashes, held or self._held(hashes), strict=True))
        found.pop(0, None)  # a window across a break is no one's
        new = [h for h, g in found.items() if not g]
        if self._db is not None:  # a list moved to disk comes back, as it is used again (its copy there is left)
            back = {h: array("i", g) if type(g) is memoryview else cast("array[int]", g)
                    for h, g in found.items() if g and h not in post}
            post.update(back)
            found.update(back)
            self._size += sum(map(_cost, back.values()))
        listed = cast("list[array[int]]", [g for g in found.values() if g])  # no view left: all in memory
        short = [g for g in listed if len(g) <= _COMMON]
        if len(short) < len(listed):  # past the cap only the latest holder is kept, in the last place
            for g in listed:
                if len(g) > _COMMON:
                    g[-1] = doc
        deque(map(array.append, short, repeat(doc)), maxlen=0)  # the others' lists, in C
        one = (doc,)
        post.update({h: array("i", one) for h in new})
        self._size += len(new) * _BYTES_PER_WINDOW + len(short) * _BYTES_PER_HOLDER
        full = [(h, g) for h, g in found.items() if type(g) is array and len(g) > _COMMON]
        if full:  # lists just past the cap keep the four holders read from now on
            post.update({h: _Capped("i", (g[0], g[1], g[-2], g[-1])) for h, g in full})
            self._size -= len(full) * _BYTES_PER_HOLDER * (_COMMON - 3)
        if self._size > self._limit:
            self._evict()

    def _connect(self) -> None:
        """Open the SQLite file the window lists move to (ours, temporary, unless ``path`` was given)."""
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
        db.execute("CREATE TABLE IF NOT EXISTS post (h INTEGER PRIMARY KEY, docs BLOB NOT NULL)")

    def _evict(self) -> None:
        """Move the window lists added to least recently (their latest holder the oldest) to disk,
        until the rest take at most three quarters of the limit: the windows drafts go on sharing stay
        in memory, and a move comes once per quarter of a limit's growth, not at every text."""
        if self._db is None:
            self._connect()
        db = self._db
        assert db is not None
        post = self._post
        keep = self._limit * 3 // 4
        # bytes held per latest holder, by the same count as add() keeps
        by_last: Counter[int] = Counter()
        for g in post.values():
            by_last[g[-1]] += _cost(g)
        left, cut = self._size, len(self._names)
        for last in sorted(by_last):
            if left <= keep:
                cut = last
                break
            left -= by_last[last]
        moving = [(h, g) for h, g in post.items() if g[-1] < cut]
        self._begin()
        db.executemany("INSERT OR REPLACE INTO post VALUES (?, ?)", ((h, _blob(g)) for h, g in moving))
        self.flush()
        self._post = {h: g for h, g in post.items() if g[-1] >= cut}  # a new dict: the old one's table is freed
        self._size = left

    def _begin(self) -> None:
        if self._db is not None and not self._db.in_transaction:
            self._db.execute("BEGIN")

    def flush(self) -> None:
        """Write out what was put in since the last flush (reads see it either way)."""
        if self._db is not None and self._db.in_transaction:
            self._db.execute("COMMIT")
        self._texts.flush()

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
        self._texts.close()
        if self._own:
            Path(self._own).unlink(missing_ok=True)
            self._own = None

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self._names)

    def number(self, name: str) -> int:
        """The id of text ``name``: 0, 1, 2 … in the order the texts were put in."""
        return self._ids[name]

    def name(self, number: int) -> str:
        return self._names[number]

    @property
    def on_disk(self) -> bool:
        return self._db is not None

    def _held(self, hashes: array[int]) -> list[Sequence[int]]:
        """The holders of each window of ``hashes``, in order (empty: none, as for hash 0, a window
        across a break): arrays for the lists in memory, views for those on disk; not to be changed."""
        held: list[Sequence[int]] = list(map(self._post.get, hashes, repeat(_NONE)))
        if self._db is None:
            return held
        wanted = list({h for h, g in zip(hashes, held, strict=True) if not g and h})
        found: dict[int, Sequence[int]] = {}
        for k in range(0, len(wanted), _BATCH):
            part = wanted[k:k + _BATCH]
            sql = f"SELECT h, CAST(docs AS BLOB) FROM post WHERE h IN ({','.join('?' * len(part))})"
            for h, blob in self._db.execute(sql, part):
                view = memoryview(blob).cast("i")
                found[h] = _Capped("i", view[1:]) if view[0] < 0 else view
        if found:
            held = [g or found.get(h, _NONE) for h, g in zip(hashes, held, strict=True)]
        return held

    # ---- asking ----------------------------------------------------------------------------------

    def report(self, name: str) -> Match:
        """How much of ``name`` is shared with the others."""
        me = self._ids[name]
        hashes = self._texts.hashes(me)
        return self._match(name, self._texts.text(me), hashes, self._held(hashes), me)

    def probe(self, text: str, back: Callable[[str, float], bool] | None = None, name: str = "",
              prepared: Prepared | None = None) -> Match:
        """How much of ``text``, not in the index, is shared with the texts that are (a draft being
        written). ``back(partner, estimate)`` says whether to measure how much of that partner's text
        ``text`` shares (``Match.back``), given an estimate (the characters shared, counted in
        ``text``, over the partner's length). ``prepared``: what :func:`prepare` made of ``text``."""
        clean, hashes = _prepared(text, prepared)
        held = self._held(hashes)
        self._probed = (text, clean, hashes, held, len(self._names))  # a batch adds the draft just probed
        return self._match(name, clean, hashes, held, -1, back)

    def _match(self, name: str, text: str, hashes: array[int], held: list[Sequence[int]], me: int,
               back: Callable[[str, float], bool] | None = None) -> Match:
        counted = _counted(text) or 1
        n = len(hashes)
        sizes = list(map(len, held))
        # windows shared with anyone: all held but those ours alone (a text always holds its own)
        anywhere = list(compress(range(n), map((1 if me >= 0 else 0).__lt__, sizes)))
        if not anywhere:
            return Match(name, 0.0, None, 0.0)
        # Partners are counted in C over the windows held by few texts; those of the topic's stock
        # phrases (more than _COMMON holders) are not gone through holder by holder.
        shared = Counter(chain.from_iterable(compress(held, map(_COMMON.__ge__, sizes))))
        shared.pop(me, None)
        # The worst partner is among those sharing the most windows counted (ties: the one sharing the
        # earliest window, then the one put in first; with common windows and few such partners, a
        # few of their holders too); each is measured exactly.
        candidates = _most(shared, _TOP if len(self._names) > _ALL else len(shared))
        if len(candidates) < _TOP:
            common = list(compress(range(n), map(_COMMON.__lt__, sizes)))
            for i in common[::max(1, len(common) // 4)][:4]:
                docs = held[i]
                candidates += [d for d in (*docs[:2], *docs[-2:]) if d != me and d not in candidates]
        ours = hashes.tolist()  # ints made once, not at each pass
        mine = set(ours)
        mine.discard(0)  # a window across a break is no one's
        at = _positions(ours)
        best, best_starts, best_sum = -1, [], 0
        shares: dict[str, float] = {}
        for doc in candidates:
            theirs = self._texts.hashes(doc).tolist()
            both = mine.intersection(theirs)
            starts = _starts(ours, at, both)
            covered = _covered(starts)
            if covered > best_sum:
                best, best_starts, best_sum = doc, starts, covered
            size = self._counted[doc] or 1
            if back is not None and back(partner := self._names[doc], covered / size):
                shares[partner] = _covered(_starts(theirs, None, both)) / size
        share = _covered(anywhere) / counted
        if best < 0:
            return Match(name, share, None, 0.0, back=shares)
        return Match(name, share, self._names[best], best_sum / counted,
                     _passages(text, best_starts), back=shares)


# Python's str hash differs from process to process unless they share its secret (forked from one
# parent): a text prepared elsewhere carries this mark, and is used only where the mark is the same.
_MARK = hash("xindegen 查重：13 字窗口")
Prepared = tuple[int, str, bytes]  # the mark, the cleaned text, the hash of each window


def prepare(text: str) -> Prepared:
    """What the index makes of ``text`` before looking it up, made where the text is (a worker
    process), so that the process keeping the index need not."""
    clean = normalize(text)
    return _MARK, clean, _hash_windows(clean).tobytes()


def _prepared(text: str, prepared: Prepared | None) -> tuple[str, array[int]]:
    if prepared is not None and prepared[0] == _MARK:
        hashes = array("q")
        hashes.frombytes(prepared[2])
        return prepared[1], hashes
    clean = normalize(text)
    return clean, _hash_windows(clean)


def _hash_windows(clean: str) -> array[int]:
    """Hash of the window at each position; 0 for a window across an excluded stretch."""
    n = len(clean) - RUN + 1
    hashes = array("q", map(hash, map(clean.__getitem__, map(slice, range(n), range(RUN, n + RUN)))))
    pos = clean.find("\x00")
    while pos >= 0:
        for i in range(max(0, pos - RUN + 1), min(pos + 1, len(hashes))):
            hashes[i] = 0
        pos = clean.find("\x00", pos + 1)
    return hashes


def _positions(hashes: list[int]) -> dict[int, int] | None:
    """Each window hash's position in ``hashes`` when no hash but 0 (a window across a break, no
    one's) occurs twice, else None."""
    at = dict(zip(hashes, range(len(hashes)), strict=True))
    zeros = hashes.count(0)
    return at if len(at) + max(0, zeros - 1) == len(hashes) else None


def _starts(hashes: list[int], at: dict[int, int] | None, both: set[int]) -> list[int]:
    """The positions in ``hashes`` of the windows in ``both`` (shared with a partner), ascending:
    looked up for the few shared (``at``: from :func:`_positions`), else found by a pass over all."""
    if at is not None:
        return sorted(map(at.__getitem__, both))
    return list(compress(range(len(hashes)), map(both.__contains__, hashes)))


def _counted(clean: str) -> int:
    """The characters of a normalized text that count (the breaks left by quotations do not)."""
    return len(clean) - clean.count("\x00")


def _covered(starts: list[int]) -> int:
    """Characters covered by the windows at ``starts`` (ascending, distinct)."""
    return sum(map(min, repeat(RUN), map(sub, starts[1:], starts))) + RUN if starts else 0


def _passages(text: str, starts: list[int], limit: int = 3) -> list[str]:
    """The longest runs of ``text`` covered by the windows at ``starts`` (ascending), longest first
    (ties in order of place): windows that overlap or touch make one run."""
    runs: list[tuple[int, int]] = []
    for i in starts:
        if runs and i <= runs[-1][1]:
            runs[-1] = (runs[-1][0], i + RUN)
        else:
            runs.append((i, i + RUN))
    return sorted((text[a:b] for a, b in runs), key=len, reverse=True)[:limit]


def _most(counts: Counter[int], n: int) -> list[int]:
    """The ``n`` keys of ``counts`` counted most, ties in the order they were counted: what
    ``heapq.nlargest(n, counts, key=counts.__getitem__)`` returns, found by passes in C (that one
    loops in Python over every partner, thousands for a draft of a common topic)."""
    keys: Iterable[int] = counts
    if len(counts) > n:  # only those counted at least as often as the n-th can be among them
        floor = sorted(counts.values(), reverse=True)[n - 1]
        keys = compress(counts, map(floor.__le__, counts.values()))
    return sorted(keys, key=counts.__getitem__, reverse=True)[:n]  # a stable sort keeps ties in order


def pair_share(a: str, b: str) -> float:
    """Share of ``a`` in 13+ runs shared with ``b`` (max over both directions is the pair's value)."""
    with Index() as index:
        index.add("a", a)
        index.add("b", b)
        return max(index.report("a").share, index.report("b").share)
