"""Parsing stays linear within the input limit: the work is counted, not timed."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xindegen.parse import structure
from xindegen.parse.structure import _Candidate, _candidates, _parallel, _similar, settle_set


def _all_pairs(paras: list[str], run_on: set[int]) -> list[tuple[int, int]]:
    """The old rule, comparing every pair: the reference the index must agree with."""
    candidates = _candidates(paras, run_on)
    best: list[_Candidate] = []
    for seed in candidates:
        group = [c for c in candidates if c is seed or _similar(seed, c, tight=False)]
        if len(group) > len(best):
            best = group
    return [(c.para, c.start) for c in settle_set(paras, best)]


_PIECES = ["在", "学", "习", "上", "下", "功", "夫", "把", "牢", "方", "向", "，", "做", "实", "事"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=3, max_size=14), min_size=1, max_size=30),
       st.booleans())
def test_the_index_finds_what_comparing_every_pair_found(sentences: list[list[str]], run_on: bool) -> None:
    texts = ["".join(s) + "。" for s in sentences]
    paras = ["导语。", "".join(texts)] if run_on else ["导语。", *texts]
    ours = [(h.para, h.start) for h in _parallel(paras, {1} if run_on else set())]
    assert ours == _all_pairs(paras, {1} if run_on else set())


@pytest.mark.parametrize("shape", ["same", "different", "framed"])
def test_parallel_headings_compare_linearly_many_times(monkeypatch: pytest.MonkeyPatch, shape: str) -> None:
    """1 MB of heading-like lines used to be compared pair by pair (128 s): count the comparisons."""
    calls = 0
    real = structure._similar

    def counting(a: _Candidate, b: _Candidate, tight: bool) -> bool:
        nonlocal calls
        calls += 1
        return real(a, b, tight)

    monkeypatch.setattr(structure, "_similar", counting)
    rnd = random.Random(1)
    chars = "学习工作思想作风纪律担当实干创新服务群众责任安全质量效率团结协作"
    n = 3000
    if shape == "same":  # every line one shape: any set past eight is no heading set
        paras = ["导语。", *(f"在{''.join(rnd.choice(chars) for _ in range(6))}上下功夫。" for _ in range(n))]
    elif shape == "framed":  # one opening frame at every length: lengths a third apart are alike
        paras = ["导语。", *("必须把" + "".join(rnd.choice(chars) for _ in range(1 + i % 27)) + "。" for i in range(n))]
    else:  # no two alike: nothing to stop early on
        paras = ["导语。", *("".join(rnd.choice(chars) for _ in range(4 + i % 20)) + "。" for i in range(n))]
    _parallel(paras, set())
    assert calls <= 200 * n  # all pairs would be n * n = 9,000,000


class _Counting(str):
    """A string that counts the characters its ``find`` calls pass over."""

    scanned = 0

    def find(self, sub: str, start: int | None = 0, end: int | None = None) -> int:  # type: ignore[override]
        begin = start or 0
        found = super().find(sub, begin) if end is None else super().find(sub, begin, end)
        type(self).scanned += (found if found >= 0 else len(self)) - begin
        return found


@pytest.mark.parametrize("text", ["{{ " * 20_000, "{% " * 20_000 + "{{ a }}", "{# {{ {% " * 5000 + "}}"])
def test_template_tags_are_found_in_linear_time(text: str) -> None:
    """Many unclosed ``{{`` used to be scanned to the end once each (minutes for a template)."""
    import re

    from xindegen.render.docx import _tag_spans

    _Counting.scanned = 0
    spans = _tag_spans(_Counting(text))
    assert _Counting.scanned <= 4 * len(text)
    old = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
    assert spans == [m.span() for m in old.finditer(text[:3000])] or len(text) > 3000


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=["{", "}", "%", "#", "a", "\n", "<"], max_size=20))
def test_template_tags_are_the_ones_the_old_pattern_found(text: str) -> None:
    import re

    from xindegen.render.docx import _tag_spans

    old = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
    assert _tag_spans(text) == [m.span() for m in old.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=["*", "_", "~", " ", "a", "学", "\t"], max_size=20))
def test_emphasis_is_stripped_as_the_old_pattern_did(line: str) -> None:
    import re

    from xindegen.parse.ingest import strip_emphasis

    old = re.compile(r"(\*\*|__|\*|~~)(?=\S)(.+?)(?<=\S)\1")
    assert strip_emphasis(line) == old.sub(r"\2", line)


@pytest.mark.parametrize("line", ["**a " * 25_000, "~~" + "a" * 100_000, "*" + " *a" * 30_000])
def test_emphasis_marks_are_looked_up_not_scanned_for(line: str) -> None:
    from xindegen.parse.ingest import strip_emphasis

    _Counting.scanned = 0
    strip_emphasis(_Counting(line))
    assert _Counting.scanned <= 8 * len(line)


def test_markdown_links_cannot_span_brackets() -> None:
    """100 KB of "[" after a "#" title took minutes: a link's text and address hold no bracket
    or parenthesis of their kind, so each attempt stops at the next one."""
    from xindegen.parse.ingest import _MD_IMAGE, _MD_LINK, markdown_blocks

    assert _MD_LINK.match("[" * 50 + "]") is None
    assert _MD_LINK.match("[a](" + "(" * 50) is None
    assert _MD_IMAGE.match("![" + "[" * 50) is None
    blocks = markdown_blocks("# 标题\n见[《通知》](https://x.cn/a)和![图](p.png)。\n" + "[" * 1000)
    assert [b.text for b in blocks] == ["标题", "见《通知》和。", "[" * 1000]


def test_ordinal_points_in_one_long_paragraph_count_characters_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counting the rest of the paragraph at every 一是/二是 sentence was quadratic (90 s for 0.3 MB)."""
    scanned = 0
    real = structure.cjk_count

    def counting(text: str) -> int:
        nonlocal scanned
        scanned += len(text)
        return real(text)

    monkeypatch.setattr(structure, "cjk_count", counting)
    para = "一是加强学习。二是改进作风，服务群众，做好工作。" * 3000
    structure._ordinals(["导语。", para], {1})
    assert scanned <= 4 * len(para)
