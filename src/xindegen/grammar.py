"""Drawing choices without repeats, and expanding ``{slot}`` patterns into sentences.

A :class:`Dealer` hands out the items of any list in an order fixed by the draft's seed, so no
item repeats within a draft until the list runs out. In a batch (:class:`Spread`), draft *i*
first takes its own window of *k* cards from a deck shared by the whole batch (successive
shuffles of the list, seeded by the batch seed), so every item is used about equally often
across the batch and two drafts share only as much as chance requires.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, TypeVar

T = TypeVar("T")
SLOT = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Spread:
    """Position of one draft in a batch: ``index`` of ``total``, batch-wide ``seed``."""

    index: int
    total: int
    seed: int


class Deck(Generic[T]):
    """One list's items in draw order; ``draw`` never repeats until all were drawn."""

    def __init__(self, items: Sequence[T], order: list[int], rng: random.Random):
        self._items = list(items)
        self._order = order
        self._rng = rng

    def draw(self, accept: Callable[[T], bool] = lambda _: True) -> T:
        """Next item that ``accept`` allows; after a full round, a fresh shuffle."""
        for _ in range(2):
            for pos, idx in enumerate(self._order):
                item = self._items[idx]
                if accept(item):
                    del self._order[pos]
                    return item
            self._order = self._rng.sample(range(len(self._items)), len(self._items))
        return self._items[self._order.pop(0)]

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
            found = Deck(items, self._order(key, len(items), per_draft), self.rng)
            self._decks[key] = found
        return found

    def draw(self, key: str, items: Sequence[T], per_draft: int = 2) -> T:
        if not items:
            raise ValueError(f"nothing to draw for {key}")
        return self.deck(key, items, per_draft).draw()

    def _order(self, key: str, n: int, k: int) -> list[int]:
        own = self.rng.sample(range(n), n)
        if self.spread is None or self.spread.total <= 1 or n == 0:
            return own
        k = max(1, min(k, n))
        first = self.spread.index * k
        window: list[int] = []
        for pos in range(first, first + k):
            perm = _batch_perm(self.spread.seed, key, pos // n, n)
            if perm[pos % n] not in window:
                window.append(perm[pos % n])
        return window + [i for i in own if i not in window]


@lru_cache(maxsize=65536)
def _batch_perm(seed: int, key: str, round_: int, n: int) -> tuple[int, ...]:
    """The round-th shuffle of a list of n items, shared by every draft of a batch."""
    return tuple(random.Random(f"{seed}:{key}:{round_}").sample(range(n), n))


def slots(pattern: str) -> list[str]:
    return SLOT.findall(pattern)


def fill(pattern: str, resolve: Callable[[str, str], str]) -> str:
    """Replace every ``{name}`` by ``resolve(name, text_before_it)``, left to right."""
    out: list[str] = []
    last = 0
    for m in SLOT.finditer(pattern):
        out.append(pattern[last:m.start()])
        out.append(resolve(m.group(1), "".join(out)))
        last = m.end()
    out.append(pattern[last:])
    return "".join(out)
