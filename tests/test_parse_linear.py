"""Passes that were quadratic in lines or in line length: the same result as before, and work that
is counted, not timed."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xindegen.parse import clean, structure
from xindegen.parse.clean import _GAP, _SPACE, _is_prose, _rejoin_pages, split_glued
from xindegen.parse.ingest import Block
from xindegen.text import ends_sentence, has_cjk


def _old_split_glued(text: str) -> list[str]:
    """split_glued as it was: the growing piece sliced and tested at every gap."""
    if not any(c in text for c in _SPACE):
        return [text]
    gaps = list(_GAP.finditer(text))
    pieces: list[str] = []
    start = 0
    for m in gaps:
        if m.start() > 40:
            break
        prefix = text[:m.start()]
        if len(prefix) >= 6 and clean.is_title_like(prefix) and "，" not in prefix and clean._balanced(prefix) \
                and not text[m.end():m.end() + 1].isdigit() and _is_prose(text[m.end():]):
            start = m.end()
    if start:
        pieces.append(text[:start].rstrip(_SPACE))
    depth, scanned, opened_at = 0, start, start
    for m in gaps:
        if m.start() <= start:
            continue
        for c in text[scanned:m.start()]:
            if c == "“":
                depth += 1
                opened_at = scanned
            elif c == "”" and depth:
                depth -= 1
        scanned = m.start()
        if depth and m.start() - opened_at > 400:
            depth = 0
        left = text[start:m.start()]
        if not depth and ends_sentence(left) and has_cjk(left):
            pieces.append(left)
            start = m.end()
    pieces.append(text[start:])
    return [p for p in pieces if p.strip(_SPACE)]


def _old_rejoin_pages(blocks: list[Block]) -> list[Block]:
    """_rejoin_pages as it was: a run that is no page run scanned again from its next line."""
    out: list[Block] = []
    i, n = 0, len(blocks)
    while i < n:
        m = clean._PAGE_PREFIX.match(blocks[i].text) if blocks[i].hint is None else None
        if not m:
            out.append(blocks[i])
            i += 1
            continue
        run, expected, j = [i], int(m.group(1)) + 1, i + 1
        while j < n:
            if not blocks[j].text.strip() and blocks[j].hint is None:
                j += 1
                continue
            mj = clean._PAGE_PREFIX.match(blocks[j].text) if blocks[j].hint is None else None
            if not mj or int(mj.group(1)) != expected:
                break
            run.append(j)
            expected += 1
            j += 1
        pages = [blocks[k].text.strip() for k in run]
        page_run = len(pages) >= 2 and sum(len(p) for p in pages) / len(pages) >= 150 \
            and sum(not ends_sentence(p) for p in pages[:-1]) * 2 >= len(pages) - 1
        if page_run:
            out.append(Block("".join(clean._PAGE_PREFIX.sub("", p, count=1) for p in pages)))
            i = run[-1] + 1
        else:
            out.append(blocks[i])
            i += 1
    return out


_GLUED = st.lists(st.sampled_from([*"学习我们。！!?”“，a1 ", "\u3000", "\u2003", "\t", "学习认真工作。", "”。 "]),
                  max_size=40).map("".join)


@settings(max_examples=800, deadline=None)
@given(st.lists(_GLUED, max_size=4).map(" ".join))
def test_glued_paragraphs_split_as_before(text: str) -> None:
    assert split_glued(text) == _old_split_glued(text)


_PAGE_LINE = st.builds(lambda n, body, end: f"{n}、{body}{end}", st.integers(1, 6),
                       st.sampled_from(["学" * 40, "学" * 200, "认真学习" * 60, ""]), st.sampled_from(["", "。", "，"]))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_PAGE_LINE, st.sampled_from(["", "正文。", "  "])), max_size=14))
def test_preview_pages_rejoin_as_before(lines: list[str]) -> None:
    blocks = [Block(t) for t in lines]
    assert _rejoin_pages(blocks) == _old_rejoin_pages(blocks)


def test_a_run_of_numbered_lines_is_judged_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines 1、… 2、… that are no preview pages were read again from each line (43 s for 4 MB)."""

    class Counting:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern, self.calls = pattern, 0

        def match(self, text: str) -> re.Match[str] | None:
            self.calls += 1
            return self.pattern.match(text)

    prefix = Counting(clean._PAGE_PREFIX)
    monkeypatch.setattr(clean, "_PAGE_PREFIX", prefix)
    n = 5000
    blocks = [Block(f"{i}、认真学习工作，扎实推进各项任务落到实处。") for i in range(1, n + 1)]
    assert _rejoin_pages(blocks) == blocks
    assert prefix.calls <= 3 * n  # read again from every line: n * n / 2


def test_a_long_line_of_words_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 2 MB line of spaced words with no sentence end was sliced and tested at every space."""
    seen = 0
    real_ends, real_cjk = clean.ends_sentence, clean.has_cjk

    def ends(text: str) -> bool:
        nonlocal seen
        seen += len(text)
        return real_ends(text)

    def cjk(text: str) -> bool:
        nonlocal seen
        seen += len(text)
        return real_cjk(text)

    monkeypatch.setattr(clean, "ends_sentence", ends)
    monkeypatch.setattr(clean, "has_cjk", cjk)
    text = " ".join(f"学习{i}" for i in range(50_000))  # no sentence ends: no break
    assert split_glued(text) == [text]
    assert seen <= 2 * len(text)


def test_sources_are_looked_for_near_their_quotation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each quotation of a long paragraph handed its source finder the rest of the paragraph."""
    longest = 0
    real = structure._source

    def source(before: str, after: str) -> str | None:
        nonlocal longest
        longest = max(longest, len(after))
        return real(before, after)

    monkeypatch.setattr(structure, "_source", source)
    quotes = structure.find_quotes("他说：“认真学习，扎实工作。”" * 5000)
    assert len(quotes) == 5000 and longest <= 200


_SITE_WORDS = st.sampled_from(["本站", "小编", "以下是", "范文", "请在", "搜索", "版权所有", "ICP备", "copyright",
                               "ſ", "K", "学", "，", " ", "为大家整理", "希望对你有", "链接地址:", "İ", "ı"])


@settings(max_examples=800, deadline=None)
@given(st.lists(_SITE_WORDS, max_size=12).map("".join))
def test_site_lines_found_without_folding_where_nothing_has_a_case(line: str) -> None:
    from xindegen.parse.clean import _SITE_LINE, _SITE_UNCASED

    if line.lower() == line.upper():
        assert bool(_SITE_UNCASED.search(line)) == bool(_SITE_LINE.search(line))
    kind = clean._noise_kind(line)
    clean._SITE_UNCASED = _SITE_LINE  # as before: the folded pattern for every line
    try:
        assert clean._noise_kind(line) == kind
    finally:
        clean._SITE_UNCASED = _SITE_UNCASED
