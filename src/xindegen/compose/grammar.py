"""Drawing choices without repeats, and expanding patterns into sentences.

A :class:`Dealer` hands out the items of any list in an order fixed by the draft's seed, so no
item repeats within a draft until the list runs out. In a batch (:class:`Spread`), draft *i*
first takes its own window of *k* cards from a deck shared by the whole batch (successive
shuffles of the list, seeded by the batch seed), so every item is used about equally often
across the batch and two drafts share only as much as chance requires.

A pattern holds ``{slot}`` references and ``(甲|乙)`` choices of wording. The drafts of a batch
that deal the same pattern in different rounds of the batch deck take different wordings
(:func:`wording`), so a phrase reused across a batch still reads differently to a 查重 check.
"""

from __future__ import annotations

import math
import random
from .. import lazyre as re  # patterns compile on first use: imports stay fast
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, TypeVar

from ..text import common_prefix

T = TypeVar("T")
SLOT = re.compile(r"\{([a-z_0-9]+)\}")
CHOICE = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True)
class Spread:
    """Position of one draft in a batch: ``index`` of ``total``, batch-wide ``seed``."""

    index: int
    total: int
    seed: int


class Deck(Generic[T]):
    """One list's items in draw order; ``draw`` never repeats until all were drawn.

    ``rounds`` (the draft's window of a batch deck: item -> the round it was dealt from) comes
    first, in order, the rest in random order, shuffled lazily: most decks of a draft give only one
    or two items.
    """

    def __init__(self, items: Sequence[T], rng: random.Random, rounds: dict[int, int] | _FullRound | None = None):
        self._items = list(items)
        self._order: list[int] | _FullRound
        self._rounds: dict[int, int] | _FullRound
        if isinstance(rounds, _FullRound):  # every item, in the round's order, shuffled as far as drawn
            self._rounds = self._order = rounds
        else:
            self._rounds = dict(rounds or {})
            self._order = [*self._rounds, *(i for i in range(len(self._items)) if i not in self._rounds)]
        self._settled = len(self._rounds)  # positions before this one are in their final order
        self._rng = rng
        self.last_round: int | None = None  # of the item ``draw`` returned last; None: not dealt

    def draw(self, accept: Callable[[T], bool] = lambda _: True) -> T:
        """Next item that ``accept`` allows; after a full round, a fresh shuffle."""
        for _ in range(2):
            for pos in range(len(self._order)):
                if accept(self._items[self._at(pos)]):
                    return self._take(pos)
            self._order, self._settled = list(range(len(self._items))), 0
        return self._take(0)

    def _at(self, pos: int) -> int:
        """The item at ``pos``, settling it by one Fisher–Yates step if needed."""
        order = self._order
        if pos >= self._settled:  # a round's order is settled in full: only a list is shuffled here
            assert isinstance(order, list)
            j = self._rng.randrange(pos, len(order))
            order[pos], order[j] = order[j], order[pos]
            self._settled = pos + 1
        return order[pos]

    def _take(self, pos: int) -> T:
        idx = self._order.pop(pos)
        self._settled -= pos < self._settled
        rounds = self._rounds
        self.last_round = rounds.round_of(idx) if isinstance(rounds, _FullRound) else rounds.pop(idx, None)
        return self._items[idx]

    def __len__(self) -> int:
        return len(self._items)


class Dealer:
    """Creates one :class:`Deck` per key, seeded by the draft and spread across a batch."""

    def __init__(self, seed: int, spread: Spread | None = None):
        self.rng = random.Random(seed)
        self.spread = spread
        self._decks: dict[str, Deck[Any]] = {}

    def deck(self, key: str, items: Sequence[T], per_draft: int = 2) -> Deck[T]:
        found = self._decks.get(key)
        if found is None:
            n, spread = len(items), self.spread
            if spread is not None and spread.total > 1 and 0 < n <= per_draft:
                # the draft's window is one whole round (round = its index): shuffled as far as it is drawn
                found = Deck(items, self.rng, _FullRound(spread.seed, key, spread.index, n))
            else:
                found = Deck(items, self.rng, self._window(key, n, per_draft))
            self._decks[key] = found
        return found

    def draw(self, key: str, items: Sequence[T], per_draft: int = 2) -> T:
        if not items:
            raise ValueError(f"nothing to draw for {key}")
        return self.deck(key, items, per_draft).draw()

    def _window(self, key: str, n: int, k: int) -> dict[int, int]:
        """The draft's window of the batch deck (item -> round, in deal order); empty outside a batch."""
        if self.spread is None or self.spread.total <= 1 or n == 0:
            return {}
        k = max(1, min(k, n))
        first = self.spread.index * k
        rounds: dict[int, int] = {}
        for pos in range(first, first + k):
            item = _batch_perm(self.spread.seed, key, pos // n, n)[pos % n]
            rounds.setdefault(item, pos // n)
        return rounds

    def wording(self, pattern: str, round_: int | None) -> str:
        """``pattern`` with one option of each ``(…|…)`` choice, see :func:`wording`."""
        return wording(pattern, self.rng if round_ is None else round_)


class _FullRound:
    """Round ``round_`` of a batch deck of ``n`` items when a draft's window is all of it: both the
    deck's draw order and its item -> round map, the order made only as far as it is read.

    The order is the one :func:`_batch_perm` gives, step by step: ``random.sample(range(n), n)``
    draws ``randrange(n - i)`` for its i-th item from a pool, as here. Most decks of a draft give one
    or two items, and the round is the draft's own (no other draft reads it): nothing to cache.
    """

    def __init__(self, seed: int, key: str, round_: int, n: int):
        self._round, self._n = round_, n
        self._seed = f"{seed}:{key}:{round_}"
        self._rng: random.Random | None = None  # seeded at the first item drawn
        self._pool: list[int] = []
        self._made = 0  # items of the order made so far
        self._head: list[int] = []  # those of them not yet taken, in order
        self._taken: set[int] = set()

    def __len__(self) -> int:
        return len(self._head) + self._n - self._made

    def __getitem__(self, pos: int) -> int:
        while pos >= len(self._head):
            self._next()
        return self._head[pos]

    def pop(self, pos: int, default: int | None = None) -> int:
        """As list.pop(pos) when the deck takes the item at ``pos``."""
        item = self[pos]
        del self._head[pos]
        return item

    def round_of(self, item: int) -> int | None:
        """As dict.pop(item, None) of a window: the round, the first time ``item`` is taken."""
        if item in self._taken:
            return None
        self._taken.add(item)
        return self._round

    def _next(self) -> None:
        if self._rng is None:
            self._rng = random.Random(self._seed)
            self._pool = list(range(self._n))
        i, n, pool = self._made, self._n, self._pool
        j = self._rng.randrange(n - i)
        self._head.append(pool[j])
        pool[j] = pool[n - i - 1]
        self._made += 1


@lru_cache(maxsize=4096)  # a worker needs the rounds of the drafts at hand, not of the batch
def _batch_perm(seed: int, key: str, round_: int, n: int) -> tuple[int, ...]:
    """The round-th shuffle of a list of n items, shared by every draft of a batch."""
    return tuple(random.Random(f"{seed}:{key}:{round_}").sample(range(n), n))


def slots(pattern: str) -> list[str]:
    return SLOT.findall(pattern)


def choices(pattern: str) -> list[list[str]]:
    """The options of each ``(甲|乙)`` choice in ``pattern``, in order."""
    return [m.group(1).split("|") for m in CHOICE.finditer(pattern)]


def wording(pattern: str, by: int | random.Random) -> str:
    """Resolve every ``(甲|乙|…)`` of ``pattern`` to one option.

    ``by`` is a random source for a single draft, or the round of the batch deck the pattern was
    dealt from: every run of as many rounds as the pattern has combinations takes each combination
    once, in a shuffled order, so the drafts sharing a pattern across a batch word it differently
    as far as its combinations allow, and agree on a choice otherwise only by chance.
    """
    if "(" not in pattern:
        return pattern
    pieces, options = _choice_parts(pattern)
    if isinstance(by, random.Random):
        picked = [opts[by.randrange(len(opts))] for opts in options]
    else:
        number, picked = _combination(pattern, math.prod(map(len, options)), by), []
        for opts in options:
            number, digit = divmod(number, len(opts))
            picked.append(opts[digit])
    out = [pieces[0]]
    for opt, piece in zip(picked, pieces[1:], strict=True):
        out += (opt, piece)
    return "".join(out)


@lru_cache(maxsize=8192)  # the data's patterns, parsed once per process (a few thousand in all)
def _choice_parts(pattern: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The text between the ``(…|…)`` choices of ``pattern`` (one more than there are choices),
    and the options of each."""
    pieces, options, last = [], [], 0
    for m in CHOICE.finditer(pattern):
        pieces.append(pattern[last:m.start()])
        options.append(tuple(m.group(1).split("|")))
        last = m.end()
    pieces.append(pattern[last:])
    return tuple(pieces), tuple(options)


def _combination(pattern: str, count: int, round_: int) -> int:
    """Rounds ``k*count`` … ``k*count+count-1`` take every combination once, in a scrambled order.

    The order is a keyed pseudo-random permutation, so two rounds agree on any one choice only by
    chance: an affine order would give rounds 32 apart the same first five binary choices.
    """
    block, r = divmod(round_, count)
    return _permute(r, count, zlib.crc32(f"{pattern}:{block}".encode()))


def _permute(x: int, n: int, key: int) -> int:
    """A bijection of range(n): a four-round Feistel network on the next even power of two,
    walked until it lands inside range(n)."""
    bits = max(2, (n - 1).bit_length())
    half = (bits + 1) // 2
    mask = (1 << half) - 1
    while True:
        left, right = x >> half, x & mask
        for i in range(4):
            left, right = right, left ^ (zlib.crc32(f"{key}:{i}:{right}".encode()) & mask)
        x = (left << half) | right
        if x < n:
            return x


def choice_problem(pattern: str) -> str | None:
    """Why the ``(…|…)`` choices of a data pattern are malformed, or None."""
    depth = 0
    for ch in pattern:
        depth += (ch == "(") - (ch == ")")
        if depth not in (0, 1):
            return "括号不配对或嵌套：选择项写作 (甲|乙)，不能嵌套"
    if depth:
        return "括号不配对：选择项写作 (甲|乙)"
    if "|" in CHOICE.sub("", pattern):
        return "“|”只能出现在 (甲|乙) 之内"
    for opts in choices(pattern):
        if len(opts) < 2 or len(set(opts)) < len(opts):
            return f"选择项 ({'|'.join(opts)}) 应有至少两个互不相同的说法"
    return None


def fill(pattern: str, resolve: Callable[[str, str], str]) -> str:
    """Replace every ``{name}`` by ``resolve(name, text_before_it)``, left to right."""
    if "{" not in pattern:
        return pattern
    pieces, names = _slot_parts(pattern)
    out = [pieces[0]]
    for name, piece in zip(names, pieces[1:], strict=True):
        out.append(resolve(name, "".join(out)))
        out.append(piece)
    return "".join(out)


@lru_cache(maxsize=8192)  # as _choice_parts: the data's patterns, parsed once per process
def _slot_parts(pattern: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The text between the ``{slot}`` references of ``pattern``, and the slots' names."""
    pieces, names, last = [], [], 0
    for m in SLOT.finditer(pattern):
        pieces.append(pattern[last:m.start()])
        names.append(m.group(1))
        last = m.end()
    pieces.append(pattern[last:])
    return tuple(pieces), tuple(names)


def fixed_run(pattern: str, width: Callable[[str], int | None]) -> tuple[int, str]:
    """The longest stretch of ``pattern`` that reads the same in every wording: (length, text).

    A ``(…|…)`` choice keeps only what its options share at their ends; a ``{slot}`` counts as
    ``width(name)`` characters, or ends the stretch when ``width`` returns None (a slot that
    varies from draft to draft); a 【placeholder】, a “quotation” or a 《title》 ends it (查重
    skips them). A 查重 check flags 13 identical characters in a row, so a batch repeats a phrase
    only as far as these stretches reach.
    """
    best, run = (0, ""), (0, "")

    def extend(n: int, shown: str) -> None:
        nonlocal run, best
        run = (run[0] + n, run[1] + shown)
        best = max(best, run, key=lambda r: r[0])

    pos = 0
    for m in re.finditer(r"\{([a-z_0-9]+)\}|\(([^()]*)\)|【[^】]*】|“[^”]*”|《[^》]*》", pattern):
        extend(m.start() - pos, pattern[pos:m.start()])
        pos = m.end()
        if m.group(2) is not None:
            opts = m.group(2).split("|")
            head = len(common_prefix(opts))
            tail = min(len(common_prefix([o[::-1] for o in opts])), min(map(len, opts)) - head)
            extend(head, opts[0][:head])
            run = (0, "")
            extend(tail, opts[0][len(opts[0]) - tail:])
        elif m.group(1) and (w := width(m.group(1))) is not None:
            extend(w, m.group(0))
        else:
            run = (0, "")
    extend(len(pattern) - pos, pattern[pos:])
    return best


