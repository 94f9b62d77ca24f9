"""The composer: the words of one draft, drawn from the rhetoric data.

It matches the topic to a pack (topics.py) or builds a vocabulary for it, deals phrases from
seeded decks (grammar.py) and expands the symbols of moves.yaml into sentences that never repeat
within a draft; it picks the heading family, the headings, the title and the quotations. The
essay plan (plan.py) decides which sentences go where.

Symbols of moves.yaml the composer is asked for: cite_classic/poem/proverb/statement, lead_join,
lead_gain, lead_sig, lead_insight, lead_bridge, sec_gloss, sec_point, sec_sig, sec_problem,
sec_measure, sec_reflect, sec_example, sec_wrap, sec_extra, close_open, close_call, close_end,
material_lead, material_section.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from .. import __version__
from ..errors import DataError, InputError, Problem
from ..model import Quote
from .grammar import SLOT, Dealer, Spread, fill
from .request import ComposeRequest
from .rhetoric import SENTENCE_KEYS, TERM_KEYS, Family, Pack, QuoteEntry, Rhetoric
from .topics import TopicFit, match, plain_topic, short_form


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


class Heading(NamedTuple):
    text: str
    tag: str  # the key word the parallel headings vary on
    term: str  # the section's subject, which its sentences fill in for {term}


class Composer:
    """The words of one draft: every draw from the data goes through its seeded dealer.

    Its state (the section being written, the quotation being cited, what is already used)
    changes only through its own methods, in the order the essay plan calls them.
    """

    def __init__(self, request: ComposeRequest, rhetoric: Rhetoric, seed: int, spread: Spread | None = None):
        self.request = request
        self.seed = seed
        self.spread = spread
        self.rh = rhetoric
        self.deal = Dealer(seed, spread)
        self.v = _vocab(match(request.topic, rhetoric), rhetoric)
        self._used: set[str] = set()  # sentences and phrases already in this draft
        self._used_quotes: set[str] = set()
        # One occasion and one key word per draft, so the lead, title and closing agree.
        self._fixed = {k: self.deal.draw(f"t:{k}", self.v.terms[k], 1) for k in ("occasion", "keyword", "short")}
        self._role = "thinking"
        self._term = ""
        self._quote: QuoteEntry | None = None
        material = request.material
        self._material_name = material.name if material is not None else ""
        self._material_left = list(material.sentences) if material is not None else []

    # ---- where the draft is ----
    def focus(self, role: str, term: str) -> None:
        """The sentences that follow belong to a section of ``role`` about ``term``."""
        self._role, self._term = role, term

    def chance(self, p: float) -> bool:
        """True with probability ``p``, from the draft's own random source."""
        return self.deal.rng.random() < p

    # ---- expansion ----
    def resolve(self, name: str, before: str) -> str:
        if name == "quote":
            return self._quote_text(before.endswith("："))
        if name in ("author", "work", "source"):
            q = self._quote
            value = None if q is None else getattr(q, name)
            if value is None:
                raise _Unfit()
            return str(value)
        if name == "term":
            return self._term
        if name == "core":
            return self.v.core
        if name == "material":
            return self._material_name
        if name in ("audience", "audience_one"):
            return self.v.audience
        if name in self._fixed:
            return self._fixed[name]
        if name in TERM_KEYS:
            return self.deal.draw(f"t:{name}", self.v.terms[name], 2)
        if name in SENTENCE_KEYS:
            phrases = self.v.sentences[name]
            deck = self.deal.deck(f"s:{name}", phrases, max(2, len(phrases) // 4))
            phrase: str = deck.draw(lambda p: p not in self._used)
            if phrase in self._used:
                raise _Exhausted()
            self._used.add(phrase)
            return fill(self.deal.wording(phrase, deck.last_round), self.resolve)
        return self.expand(name)

    def expand(self, symbol: str) -> str:
        alts = self.rh.moves.get(symbol)
        if alts is None:
            raise DataError([Problem("moves.yaml", None, f"moves.{symbol}", "缺少这个符号")])
        if "any" in alts:  # one deck per symbol, so no alternative repeats across sections
            options, key = alts["any"], f"m:{symbol}"
        else:
            options, key = alts.get(self._role, ()), f"m:{symbol}:{self._role}"
        deck = self.deal.deck(key, options, 2)
        for _ in range(len(options) + 1):
            alt = deck.draw(self._fits)
            try:
                return fill(self.deal.wording(alt, deck.last_round), self.resolve)
            except _Unfit:
                continue
        raise _Unfit()

    def _fits(self, alt: str) -> bool:
        q = self._quote
        for name in SLOT.findall(alt):
            if name in ("author", "work", "source") and (q is None or getattr(q, name) is None):
                return False
        return True

    def _quote_text(self, standalone: bool) -> str:
        if self._quote is None:
            raise _Unfit()
        text = self._quote.text
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
            if text not in self._used:
                self._used.add(text)
                return text
        return None

    # ---- choices ----
    def pick_quote(self, role: str) -> QuoteEntry | None:
        tags = set(self.v.tags)
        pool = [q for q in self.rh.quotes if role in q.roles and q.text not in self._used_quotes]
        ranked = sorted(pool, key=lambda q: (-len(tags & set(q.tags)), q.text))
        relevant = [q for q in ranked if tags & set(q.tags)]
        pool = relevant if len(relevant) >= 4 else ranked[:12]
        if not pool:
            return None
        q: QuoteEntry = self.deal.deck(f"q:{role}", pool, 1).draw(lambda x: x.text not in self._used_quotes)
        if q.text in self._used_quotes:
            return None
        self._used_quotes.add(q.text)
        return q

    def cite(self, q: QuoteEntry, symbol: str | None = None) -> str | None:
        """A sentence citing ``q``, from ``symbol`` (default: the moves for its kind of quotation)."""
        self._quote = q
        try:
            return self.sentence(symbol or f"cite_{q.kind}")
        finally:
            self._quote = None

    def cite_material(self, symbol: str) -> tuple[str | None, Quote] | None:
        """The study material's next key sentence, cited by ``symbol``; None when all are used."""
        if not self._material_left:
            return None
        text = self._material_left.pop(0)
        sentence = self.cite(QuoteEntry(text, None, self._material_name, "classic", (), ()), symbol)
        return sentence, Quote(text, self._material_name)

    def family(self) -> Family:
        fams = self.rh.families
        if self.request.family:
            if self.request.family not in fams:
                known = "、".join(sorted(fams))
                raise InputError(f"没有名为“{self.request.family}”的小标题族，可用：{known}")
            return fams[self.request.family]
        return self.deal.draw("family", [fams[k] for k in sorted(fams)], 1)

    def headings(self, fam: Family, roles: list[str]) -> list[Heading]:
        """One heading per section; one slot varies, the frame stays the same."""
        return [self._heading(fam, role) for role in roles]

    def _heading(self, fam: Family, role: str) -> Heading:
        term = self.deal.draw(f"h:{role}", self.v.heading[role], 1)
        values = {"term": term, "short": self._fixed["short"]}
        for slot, by_role in fam.slots.items():
            values[slot] = self.deal.draw(f"f:{fam.name}:{slot}:{role}", by_role[role], 1)
        return Heading(fill(fam.pattern, lambda name, _before: values[name]), values.get(fam.tag, term), term)

    def title(self) -> tuple[str, str | None]:
        # A topic without a pack has no real key word; prefer frames built on the topic itself.
        plain = [t for t in self.rh.titles if not {"keyword", "short"} & set(SLOT.findall(
            t.pattern + (t.subtitle or "")))]
        titles = self.rh.titles if self.v.pack is not None or not plain else plain
        t = self.deal.draw("title", titles, 1)
        values = {"topic": plain_topic(self.request.topic), **self._fixed}

        def value(name: str, _before: str) -> str:
            if name not in values:
                values[name] = self.deal.draw(f"t:{name}", self.v.terms[name], 1)
            return values[name]

        sub = fill(t.subtitle, value) if t.subtitle else None
        return fill(t.pattern, value), sub


    def meta(self, fam: Family) -> dict[str, Any]:
        """What made the draft, for its ``meta``: enough to make it again."""
        request, spread = self.request, self.spread
        meta: dict[str, Any] = {
            "generator": f"xindegen {__version__}",
            "seed": self.seed,
            "family": fam.name,
            "packs": [self.v.pack.key] if self.v.pack else [],
            "data": self.rh.version(),
            "length": request.length,
            "placeholders": request.placeholders,
        }
        if spread is not None and spread.total > 1:
            meta["spread"] = {"index": spread.index, "total": spread.total, "seed": spread.seed}
        if request.material is not None:
            meta["material"] = request.material.source
        return meta


class _Unfit(Exception):
    """An alternative needs a value this draft does not have (e.g. a quote without author)."""


class _Exhausted(Exception):
    """Every phrase of a sentence list is already in the draft."""
