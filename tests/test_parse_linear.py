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
    forced = clean._essay_title_gaps(text, gaps)
    for m in gaps:
        if m.start() <= start:
            continue
        if m.start() in forced:
            pieces.append(text[start:m.start()])
            start = scanned = m.end()
            depth = 0
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


_GLUED = st.lists(st.sampled_from([*"学习我们。！!?”“，a1 ", "\u3000", "\u2003", "\t", "学习认真工作。", "”。 ",
                                   "学习心得(二):"]),
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


def _old_heading_span(para: str, start: int, glued: bool = False) -> tuple[int, int] | None:
    """structure._heading_span as it was: the rest of the paragraph copied and read."""
    S = structure
    rest = para[start:]
    if len(rest) <= 60 and rest.rstrip().endswith(("；", ";", "，", ",")):
        return None
    colon = S._NUMBERED_COLON.match(rest)
    if colon and S.is_title_like(rest, 40):
        colon = None  # a short heading in two parts, no sentence after its colon
    if colon and S.cjk_count(colon.group(1)) >= 2 and S.cjk_count(rest[colon.end():colon.end() + 40]) >= 10 \
            and not S._FIELD.search(colon.group(1)) and not S._SPEECH.search(colon.group(0)):
        return start + colon.end(1), start + colon.end()
    spaced = S._SPACED_HEAD.match(rest)
    body = rest[spaced.end():] if spaced else ""
    if spaced and S.cjk_count(body) >= 10 and any(c in body for c in "。！？!?"):
        return start + len(spaced.group(1)), start + spaced.end()
    cut = S._glued_body(rest) if not glued else None
    if cut is not None:
        return start + cut, start + cut
    if S.is_title_like(rest, 40) or (len(rest) <= (40 if glued else 64) and len(S.split_sentences(rest)) == 1):
        return len(para), len(para)
    if len(rest) <= 90 and not any(c in rest for c in "。！？；;!?"):
        return len(para), len(para)
    first = S.first_sentence(rest)
    opens = S._body_opens(first) if glued and len(first) > 12 else None
    if opens is not None:
        return start + opens, start + opens
    if len(first) > (40 if glued else 60) or not S.ends_sentence(first):
        m = re.match(r"[^：:]{2,30}[：:]", rest)
        if m:
            first = m.group()
        else:
            cut = (S._body_opens(rest) or S._restated(rest)) if glued else None
            if cut is None:
                return None
            return start + cut, start + cut
    return start + len(first), start + len(first)


def _old_numbered_spans(paras: list[str], run_on: set[int]) -> list[tuple[int, int, int, str, int]]:
    """Every numbered start _numbered reads, with its span as _heading_span found it on a copy."""
    out = []
    for i, para in enumerate(paras):
        starts = structure._sentence_starts(para, True) if i in run_on else [(0, para)]
        if i in run_on and ("：" in para or ":" in para):
            at = {pos for pos, _ in starts}
            starts = sorted([*starts, *((m.end(), "") for m in structure._COLON_NUMBER.finditer(para)
                                        if m.end() not in at)])
        for pos, _ in starts:
            while pos < len(para) and para[pos] in " \u3000":
                pos += 1
            text = para[pos:]
            for level, pattern in structure._NUMBERINGS:
                m = pattern.match(text)
                if m:
                    head = _old_heading_span(text, m.end(), glued=i in run_on)
                    out.append((i, pos, level, text[m.end():head[0]] if head else "", pos + head[1] if head else -1))
                    break
    return out


_NUMBERED_BITS = st.sampled_from(["一、", "二、", "三、", "（一）", "第二，", "1.", "2、", "(3)", "Part.1", "二 、",
                                  "提高认识", "学习", "我们", "走进校园后", "作为", "1.提高", "认真学习工作", "a", "9",
                                  "认真学习" * 40,
                                  "。", "！", "?", "；", "，", "：", "…", "”", " ", "\u3000", "\t", "\x85", "\n"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.lists(_NUMBERED_BITS, max_size=60).map("".join), min_size=1, max_size=3), st.booleans())
def test_numbered_headings_span_as_before(paras: list[str], run_on: bool) -> None:
    """_heading_span reads the paragraph at a position through a window, no copy of its rest."""
    on = set(range(len(paras))) if run_on else set()
    spans = _old_numbered_spans(paras, on)
    for i, pos, level, text, end in spans:
        para = paras[i]
        m = dict(structure._NUMBERINGS_AT)[level].match(para, pos)
        assert m is not None
        head = structure._heading_span(para, m.end(), glued=i in on)
        assert (para[m.end():head[0]] if head else "", head[1] if head else -1) == (text, end)
    new = structure._heading_span
    structure._heading_span = _old_heading_span  # _numbered as it was, given its whole paragraph
    try:
        before = structure._numbered(paras, on)
    finally:
        structure._heading_span = new
    assert structure._numbered(paras, on) == before


def test_a_run_on_paragraph_of_numbers_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """一、…。 at every sentence of one line: the rest of the line was copied and read at each (5.2 s for 0.56 MB)."""
    seen = 0

    def counting(name: str):  # type: ignore[no-untyped-def]
        real = getattr(structure, name)

        def wrapper(text: str, *args: object) -> object:
            nonlocal seen
            seen += len(text)
            return real(text, *args)
        return wrapper

    for name in ("is_title_like", "first_sentence", "split_sentences", "cjk_count", "_body_opens", "_restated"):
        monkeypatch.setattr(structure, name, counting(name))
    para = "一、认真学习。二、扎实工作 学习是我们每一个人的责任所在。" * 2500
    heads = structure._numbered([para], {0})
    assert [h.text for h in heads] == ["认真学习。", "扎实工作"]
    assert seen <= 40 * len(para)  # a window at every number; the rest at each: 2,500 * len(para)
