"""Compose a new outline for any topic from the rhetoric data (``xindegen new``).

Pipeline: match the topic to a pack (topics.py) → choose family, title and quotations → expand
the moves of moves.yaml into sentences (grammar.py) → fit the length → an :class:`Outline`
whose ``meta`` records everything needed to tell how it was made.

Symbols of moves.yaml the composer uses: cite_classic/poem/proverb/statement, lead_join,
lead_gain, lead_sig, lead_insight, lead_bridge, sec_gloss, sec_point, sec_sig, sec_problem,
sec_measure, sec_reflect, sec_example, sec_wrap, sec_extra, close_open, close_call, close_end,
material_lead, material_section.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..errors import DataError, InputError, Problem
from ..model import Closing, Lead, Outline, Quote, Section
from ..text import count_chars, normalize_date
from .grammar import SLOT, Dealer, Spread, fill
from .material import Material
from .rhetoric import (
    ROLES,
    SENTENCE_KEYS,
    TERM_KEYS,
    Family,
    Pack,
    QuoteEntry,
    Rhetoric,
    load_rhetoric,
)
from .topics import TopicFit, match, plain_topic, short_form

__all__ = ["ComposeRequest", "Spread", "compose", "heading_sets", "LENGTH_RANGE", "SECTIONS_RANGE",
           "roles_for"]

LENGTH_RANGE = (500, 5000)
SECTIONS_RANGE = (1, 6)
TOLERANCE = 0.10  # --length promise: body within ±10 %
_QUOTE_SLOTS = ("quote", "author", "work", "source")


@dataclass(frozen=True)
class ComposeRequest:
    """What a person asks for; every field maps to a ``xindegen new`` option."""

    topic: str
    length: int = 1500
    seed: int | None = None
    family: str | None = None
    sections: int = 3
    author: str | None = None
    unit: str | None = None
    date: str | None = None
    material: Material | None = None
    placeholders: bool = True
    data_dirs: tuple[Path, ...] = ()


def roles_for(n: int) -> list[str]:
    """Section roles in reading order: thinking → ability → action, stretched or shrunk to n."""
    if n == 1:
        return ["action"]
    if n == 2:
        return ["thinking", "action"]
    return [ROLES[min(2, i * 3 // n)] for i in range(n)]


@dataclass
class _Sentence:
    text: str
    priority: int  # 0 core, 1 standard, 2 extension: dropped last-first when too long


@dataclass
class _Paragraph:
    sentences: list[_Sentence] = field(default_factory=list)

    def add(self, text: str | None, priority: int = 0) -> None:
        if text:
            self.sentences.append(_Sentence(text, priority))

    def text(self) -> str:
        return "".join(s.text for s in self.sentences)


@dataclass
class _Vocab:
    core: str
    pack: Pack | None
    terms: dict[str, tuple[str, ...]]
    heading: dict[str, tuple[str, ...]]
    sentences: dict[str, tuple[str, ...]]
    tags: tuple[str, ...]
    audience: str


# Heads of topics that name an area of work, so that "<topic>工作" reads naturally (数字政府建设工作).
_WORK_AREAS = ("建设", "管理", "改革", "治理", "服务", "保护", "防控", "整治", "创建", "监督", "宣传", "防范",
               "考核", "保障", "振兴", "帮扶", "调解", "普法", "统计", "审计", "招商", "信访")


def _vocab(fit: TopicFit, rh: Rhetoric) -> _Vocab:
    generic = rh.generic
    if generic is None:
        raise DataError([Problem("generic.yaml", None, "", "缺少通用语料文件 generic.yaml")])
    core = fit.core

    def own(items: Sequence[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.replace("{core}", core) for s in items))

    if fit.pack is not None:
        p = fit.pack
        # Generic phrases (about "{subject}") widen the pool, so a batch on one topic repeats less.
        sentences = {k: p.sentences[k] + own(generic.sentences[k]) for k in SENTENCE_KEYS}
        return _Vocab(core, p, dict(p.terms), dict(p.heading), sentences, p.tags, p.audience)
    # The head word of a Chinese phrase comes last (数字政府建设 -> 建设), so later words first.
    twos = [w for w in reversed(fit.words) if len(w) == 2] or [core[:2]]
    terms = {k: own(generic.terms[k]) for k in TERM_KEYS}
    # A second name for the topic, so a batch does not repeat one long name in every sentence.
    work = (f"{core}工作",) if core.endswith(_WORK_AREAS) else ()
    terms["subject"] = tuple(dict.fromkeys((core, short_form(core), *work)))
    terms["short"] = (core,) if len(core) <= 4 else (twos[0],)
    terms["keyword"] = tuple(twos)
    sentences = {k: own(generic.sentences[k]) for k in SENTENCE_KEYS}
    return _Vocab(core, None, terms, dict(generic.heading), sentences, generic.tags, generic.audience)


class _Composer:
    def __init__(self, req: ComposeRequest, rh: Rhetoric, seed: int, spread: Spread | None):
        self.req = req
        self.rh = rh
        self.deal = Dealer(seed, spread)
        self.fit = match(req.topic, rh)
        self.v = _vocab(self.fit, rh)
        self.used: set[str] = set()  # sentences and phrases already in this draft
        self.used_quotes: set[str] = set()
        # One occasion and one key word per draft, so the lead, title and closing agree.
        self.fixed = {k: self.deal.draw(f"t:{k}", self.v.terms[k], 1) for k in ("occasion", "keyword", "short")}
        self.role = "thinking"
        self.term = ""
        self.quote: QuoteEntry | None = None
        self.material_name = ""

    # ---- expansion ----
    def resolve(self, name: str, before: str) -> str:
        if name == "quote":
            return self._quote_text(before.endswith("："))
        if name in ("author", "work", "source"):
            q = self.quote
            value = None if q is None else getattr(q, name)
            if value is None:
                raise _Unfit()
            return str(value)
        if name == "term":
            return self.term
        if name == "core":
            return self.v.core
        if name == "material":
            return self.material_name
        if name in ("audience", "audience_one"):
            return self.v.audience
        if name in self.fixed:
            return self.fixed[name]
        if name in TERM_KEYS:
            return self.deal.draw(f"t:{name}", self.v.terms[name], 2)
        if name in SENTENCE_KEYS:
            phrases = self.v.sentences[name]
            deck = self.deal.deck(f"s:{name}", phrases, max(2, len(phrases) // 4))
            phrase: str = deck.draw(lambda p: p not in self.used)
            if phrase in self.used:
                raise _Exhausted()
            self.used.add(phrase)
            return fill(self.deal.wording(phrase, deck.last_round), self.resolve)
        return self.expand(name)

    def expand(self, symbol: str) -> str:
        alts = self.rh.moves.get(symbol)
        if alts is None:
            raise DataError([Problem("moves.yaml", None, f"moves.{symbol}", "缺少这个符号")])
        if "any" in alts:  # one deck per symbol, so no alternative repeats across sections
            options, key = alts["any"], f"m:{symbol}"
        else:
            options, key = alts.get(self.role, ()), f"m:{symbol}:{self.role}"
        deck = self.deal.deck(key, options, 2)
        for _ in range(len(options) + 1):
            alt = deck.draw(self._fits)
            try:
                return fill(self.deal.wording(alt, deck.last_round), self.resolve)
            except _Unfit:
                continue
        raise _Unfit()

    def _fits(self, alt: str) -> bool:
        q = self.quote
        for name in SLOT.findall(alt):
            if name in ("author", "work", "source") and (q is None or getattr(q, name) is None):
                return False
        return True

    def _quote_text(self, standalone: bool) -> str:
        if self.quote is None:
            raise _Unfit()
        text = self.quote.text
        if standalone and not text.endswith(("？", "！", "。")):
            text += "。"
        return f"“{text}”"

    def sentence(self, symbol: str) -> str | None:
        """One new sentence from ``symbol``, ending in 。; None when the data has run dry."""
        for _ in range(4):
            try:
                text = self.expand(symbol)
            except (_Exhausted, _Unfit):
                return None
            closed = text.endswith(("。", "？", "！")) or (text.endswith("”") and text[-2:-1] in "。？！")
            text = text if closed else text + "。"  # “……。” already ends the sentence
            if text not in self.used:
                self.used.add(text)
                return text
        return None

    # ---- choices ----
    def pick_quote(self, role: str) -> QuoteEntry | None:
        tags = set(self.v.tags)
        pool = [q for q in self.rh.quotes if role in q.roles and q.text not in self.used_quotes]
        ranked = sorted(pool, key=lambda q: (-len(tags & set(q.tags)), q.text))
        relevant = [q for q in ranked if tags & set(q.tags)]
        pool = relevant if len(relevant) >= 4 else ranked[:12]
        if not pool:
            return None
        q: QuoteEntry = self.deal.deck(f"q:{role}", pool, 1).draw(lambda x: x.text not in self.used_quotes)
        if q.text in self.used_quotes:
            return None
        self.used_quotes.add(q.text)
        return q

    def cite(self, q: QuoteEntry) -> str | None:
        self.quote = q
        try:
            return self.sentence(f"cite_{q.kind}")
        finally:
            self.quote = None

    def family(self) -> Family:
        fams = self.rh.families
        if self.req.family:
            if self.req.family not in fams:
                known = "、".join(sorted(fams))
                raise InputError(f"没有名为“{self.req.family}”的小标题族，可用：{known}")
            return fams[self.req.family]
        return self.deal.draw("family", [fams[k] for k in sorted(fams)], 1)

    def headings(self, fam: Family, roles: list[str]) -> list[tuple[str, str, str]]:
        """(heading, tag, term) per section; one slot varies, the frame stays the same."""
        out = []
        for i, role in enumerate(roles):
            term = self.deal.draw(f"h:{role}", self.v.heading[role], 1)
            values = {"term": term, "short": self.fixed["short"]}
            for slot, by_role in fam.slots.items():
                values[slot] = self.deal.draw(f"f:{fam.name}:{slot}:{role}", by_role[role], 1)
            heading = fill(fam.pattern, lambda name, _b: values[name])
            out.append((heading, values.get(fam.tag, term), term))
        return out

    def title(self) -> tuple[str, str | None]:
        # A topic without a pack has no real key word; prefer frames built on the topic itself.
        plain = [t for t in self.rh.titles if not {"keyword", "short"} & set(SLOT.findall(
            t.pattern + (t.subtitle or "")))]
        titles = self.rh.titles if self.v.pack is not None or not plain else plain
        t = self.deal.draw("title", titles, 1)
        values = {"topic": plain_topic(self.req.topic), **self.fixed}

        def value(name: str, _before: str) -> str:
            if name not in values:
                values[name] = self.deal.draw(f"t:{name}", self.v.terms[name], 1)
            return values[name]

        sub = fill(t.subtitle, value) if t.subtitle else None
        return fill(t.pattern, value), sub


class _Unfit(Exception):
    """An alternative needs a value this draft does not have (e.g. a quote without author)."""


class _Exhausted(Exception):
    """Every phrase of a sentence list is already in the draft."""


def heading_sets(topic: str, count: int = 10, *, family: str | None = None, seed: int | None = None,
                 sections: int = 3, rhetoric: Rhetoric | None = None,
                 data_dirs: tuple[Path, ...] = ()) -> list[tuple[str, list[str]]]:
    """``count`` parallel heading sets for ``topic``: (family name, headings), all different."""
    rh = rhetoric or load_rhetoric(data_dirs)
    req = ComposeRequest(topic=topic, family=family, sections=sections, data_dirs=data_dirs)
    base = seed if seed is not None else random.SystemRandom().randrange(2**31)
    out: list[tuple[str, list[str]]] = []
    seen: set[tuple[str, ...]] = set()
    for i in range(count * 5):
        c = _Composer(req, rh, base, Spread(i, count * 5, base))
        fam = c.family()
        heads = [h for h, _, _ in c.headings(fam, roles_for(sections))]
        if tuple(heads) not in seen:
            seen.add(tuple(heads))
            out.append((fam.name, heads))
        if len(out) == count:
            break
    return out


def _length(lead: list[_Paragraph], sections: list[tuple[str, list[_Paragraph]]],
            closing: list[_Paragraph]) -> int:
    paras = [*lead, *(p for _, ps in sections for p in ps), *closing]
    return sum(count_chars(h) for h, _ in sections) + sum(count_chars(p.text()) for p in paras)


def compose(request: ComposeRequest, *, rhetoric: Rhetoric | None = None,
            spread: Spread | None = None) -> Outline:
    """Compose one outline; same request, seed and data → the same outline."""
    if not request.topic.strip():
        raise InputError("主题不能为空（--topic）")
    lo, hi = LENGTH_RANGE
    if not lo <= request.length <= hi:
        raise InputError(f"篇幅应在 {lo}–{hi} 字之间（--length {request.length}）")
    if not SECTIONS_RANGE[0] <= request.sections <= SECTIONS_RANGE[1]:
        raise InputError(f"小标题数量应在 {SECTIONS_RANGE[0]}–{SECTIONS_RANGE[1]} 之间")
    rh = rhetoric or load_rhetoric(request.data_dirs)
    seed = request.seed if request.seed is not None else random.SystemRandom().randrange(2**31)
    c = _Composer(request, rh, seed, spread)
    mat = request.material
    mat_name = mat.name if mat is not None else ""
    c.material_name = mat_name

    roles = roles_for(request.sections)
    fam = c.family()
    heads = c.headings(fam, roles)
    title, subtitle = c.title()

    # Lead
    lead = _Paragraph()
    lead_quote = c.pick_quote("lead") if c.deal.rng.random() < 0.5 else None
    if lead_quote:
        lead.add(c.cite(lead_quote), 1)
    lead.add(c.sentence("lead_join"))
    mat_sentences = list(mat.sentences) if mat else []
    material_quotes: list[Quote] = []
    if mat_sentences:
        c.quote = QuoteEntry(mat_sentences.pop(0), None, mat_name, "classic", (), ())
        lead.add(c.sentence("material_lead"))
        material_quotes.append(Quote(c.quote.text, mat_name))
        c.quote = None
    lead.add(c.sentence("lead_gain"), 1)
    lead.add(c.sentence("lead_sig"), 1)
    lead.add(c.sentence("lead_insight"), 2)
    lead.add(c.sentence("lead_bridge"))

    # Sections
    sections: list[tuple[str, list[_Paragraph]]] = []
    section_quotes: list[list[Quote]] = []
    for (heading, _tag, term), role in zip(heads, roles):
        c.role, c.term = role, term
        quotes: list[Quote] = []
        p1, p2, p3 = _Paragraph(), _Paragraph(), _Paragraph()
        q = c.pick_quote(role)
        if q is not None:
            p1.add(c.cite(q))
            quotes.append(Quote(q.text, q.source))
        p1.add(c.sentence("sec_gloss"), 2)
        p1.add(c.sentence("sec_point"))
        if mat_sentences:
            c.quote = QuoteEntry(mat_sentences.pop(0), None, mat_name, "classic", (), ())
            p1.add(c.sentence("material_section"), 1)
            quotes.append(Quote(c.quote.text, c.quote.work))
            c.quote = None
        p1.add(c.sentence("sec_sig"), 1)
        second = c.pick_quote(role)  # a second, shorter citation later in the section, as essays often do
        if second is not None:
            p3.add(c.cite(second), 1)
            quotes.append(Quote(second.text, second.source))
        p2.add(c.sentence("sec_problem"), 1)
        p2.add(c.sentence("sec_measure"))
        p3.add(c.sentence("sec_reflect"))
        if request.placeholders:
            p3.add(c.sentence("sec_example"), 1)
        p3.add(c.sentence("sec_wrap"))
        sections.append((heading, [p1, p2, p3]))
        section_quotes.append(quotes)

    # Closing
    c.role = "action"
    close = _Paragraph()
    close.add(c.sentence("close_open"), 1)
    call, end = c.sentence("close_call"), c.sentence("close_end")
    close.add(f"{call[:-1]}，{end}" if call and end else call)

    _fit_length(c, request.length, [lead], sections, [close], roles, heads)

    meta = {
        "generator": f"xindegen {__version__}",
        "seed": seed,
        "family": fam.name,
        "packs": [c.v.pack.key] if c.v.pack else [],
        "data": rh.version(),
        "length": request.length,
        "placeholders": request.placeholders,
    }
    if spread is not None and spread.total > 1:
        meta["spread"] = {"index": spread.index, "total": spread.total, "seed": spread.seed}
    if mat is not None:
        meta["material"] = mat.source
    lead_model = Lead(
        quote=Quote(lead_quote.text, lead_quote.source) if lead_quote else None,
        paragraphs=[p.text() for p in [lead] if p.sentences],
    )
    if material_quotes and lead_model.quote is None:
        lead_model.quote = material_quotes[0]
    return Outline(
        title=title,
        subtitle=subtitle,
        topic=request.topic.strip(),
        lead=lead_model,
        sections=[
            Section(paragraphs=[p.text() for p in paras if p.sentences], heading=h, tag=tag, quotes=qs)
            for (h, paras), (_, tag, _t), qs in zip(sections, heads, section_quotes)
        ],
        closing=Closing([p.text() for p in [close] if p.sentences]),
        author=request.author,
        unit=request.unit,
        date=None if request.date is None else normalize_date(request.date).strip(),
        meta=meta,
    )


def _fit_length(c: _Composer, target: int, lead: list[_Paragraph],
                sections: list[tuple[str, list[_Paragraph]]], closing: list[_Paragraph],
                roles: list[str], heads: list[tuple[str, str, str]]) -> None:
    """Grow with extension sentences or shrink by dropping optional ones, to target ± 10 %."""
    low, high = target * (1 - TOLERANCE / 2), target * (1 + TOLERANCE / 2)
    rounds = 0
    while _length(lead, sections, closing) < low and rounds < 200:
        i = rounds % len(sections)
        rounds += 1
        c.role, c.term = roles[i], heads[i][2]
        paras = sections[i][1]
        if rounds % 3 == 0 and count_chars(paras[-1].text()) > 160:
            extra = _Paragraph()  # a fresh problems-and-measures paragraph keeps paragraphs short
            extra.add(c.sentence("sec_problem"), 2)
            extra.add(c.sentence("sec_measure"), 2)
            if extra.sentences:
                paras.insert(-1, extra)
            continue
        text = c.sentence("sec_extra")
        if text is None:
            if rounds > 3 * len(sections):
                break
            continue
        target_para = paras[0] if rounds % 2 else paras[-1]
        target_para.sentences.insert(max(0, len(target_para.sentences) - 1), _Sentence(text, 2))
    # Too long: drop optional sentences, extensions first, later sections first.
    for priority in (2, 1):
        for para in [*closing, *(p for _, ps in reversed(sections) for p in reversed(ps)), *lead]:
            for s in list(reversed(para.sentences)):
                if _length(lead, sections, closing) <= high:
                    return
                if s.priority == priority:
                    para.sentences.remove(s)
