"""The batch deck: a draft whose window is a whole round draws it lazily, as the window would."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from xindegen.compose.grammar import Deck, Dealer, Spread, _FullRound, wording


def _draws(deck: Deck[int], plan: list[int]) -> list[tuple[int, int | None]]:
    """Items drawn (each ``accept`` refuses items divisible by the plan's number) and their rounds."""
    out = []
    for k in plan:
        item = deck.draw(lambda x, k=k: k < 2 or x % k != 0)
        out.append((item, deck.last_round))
    return out


@settings(max_examples=200, deadline=None)
@given(n=st.integers(1, 40), index=st.integers(0, 500), seed=st.integers(0, 2**31 - 1),
       plan=st.lists(st.integers(0, 5), max_size=90))
def test_full_round_deals_as_the_window(n: int, index: int, seed: int, plan: list[int]) -> None:
    items = list(range(n))
    windowed = Dealer(7, Spread(index, 1000, seed))._window("k", n, n)  # the whole round, made at once
    assert sorted(windowed) == items and set(windowed.values()) == {index}
    a = Deck(items, random.Random(3), windowed)
    b = Deck(items, random.Random(3), _FullRound(seed, "k", index, n))
    assert _draws(a, plan) == _draws(b, plan)  # past a full pass too: both reshuffle with the draft's rng


def test_dealer_uses_the_full_round_only_for_whole_windows() -> None:
    dealer = Dealer(5, Spread(3, 100, 11))
    assert isinstance(dealer.deck("whole", ["a", "b", "c"], 3)._rounds, _FullRound)
    assert isinstance(dealer.deck("part", ["a", "b", "c"], 2)._rounds, dict)
    assert isinstance(Dealer(5).deck("single", ["a", "b"], 2)._rounds, dict)  # no batch: no window


def test_wording_takes_one_option_of_each_choice_in_order() -> None:
    pattern = "(甲|乙)和(丙|丁|戊)，{slot}(己|庚)"
    seen = {wording(pattern, r) for r in range(12)}
    assert len(seen) == 12  # 2 × 3 × 2 combinations, each once in the first block of rounds
    for text in seen:
        assert text[0] in "甲乙" and text[2] in "丙丁戊" and "{slot}" in text and text[-1] in "己庚"
