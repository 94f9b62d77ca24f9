"""The essay plan: which sentences go where, fitted to the asked length (``xindegen new``).

A draft is a title, a lead, one section per role (thinking → ability → action) under parallel
headings, and a closing. Each paragraph is a sequence of moves the composer writes; sentences
carry a priority, so the length is fitted by adding extensions or dropping optional sentences.
:func:`compose` runs the plan; the :class:`Outline` it returns records in ``meta`` how it was made.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Closing, Lead, Outline, Quote, Section
from ..text import count_chars, normalize_date
from .composer import Composer, Heading
from .grammar import Spread
from .request import DEFAULT_SECTIONS, ComposeRequest
from .rhetoric import ROLES, Rhetoric, load_rhetoric

TOLERANCE = 0.10  # --length promise: body within ±10 %


def roles_for(n: int) -> list[str]:
    """Section roles in reading order: thinking → ability → action, stretched or shrunk to n."""
    if n == 1:
        return ["action"]
    if n == 2:
        return ["thinking", "action"]
    return [ROLES[min(2, i * 3 // n)] for i in range(n)]


def compose(request: ComposeRequest, *, rhetoric: Rhetoric | None = None,
            spread: Spread | None = None) -> Outline:
    """Compose one outline; same request, seed and data → the same outline."""
    request.check()
    rh = rhetoric or load_rhetoric(request.data_dirs)
    seed = request.seed if request.seed is not None else random.SystemRandom().randrange(2**31)
    return _write(Composer(request, rh, seed, spread))


def heading_sets(topic: str, count: int = 10, *, family: str | None = None, seed: int | None = None,
                 sections: int = DEFAULT_SECTIONS, rhetoric: Rhetoric | None = None,
                 data_dirs: tuple[Path, ...] = ()) -> list[tuple[str, list[str]]]:
    """``count`` parallel heading sets for ``topic``: (family name, headings), all different."""
    rh = rhetoric or load_rhetoric(data_dirs)
    req = ComposeRequest(topic=topic, family=family, sections=sections, data_dirs=data_dirs)
    base = seed if seed is not None else random.SystemRandom().randrange(2**31)
    out: list[tuple[str, list[str]]] = []
    seen: set[tuple[str, ...]] = set()
    for i in range(count * 5):
        c = Composer(req, rh, base, Spread(i, count * 5, base))
        fam = c.family()
        heads = [h.text for h in c.headings(fam, roles_for(sections))]
        if tuple(heads) not in seen:
            seen.add(tuple(heads))
            out.append((fam.name, heads))
        if len(out) == count:
            break
    return out


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
class _Section:
    role: str
    head: Heading
    paragraphs: list[_Paragraph]
    quotes: list[Quote]


def _write(c: Composer) -> Outline:
    request = c.request
    roles = roles_for(request.sections)
    fam = c.family()
    heads = c.headings(fam, roles)
    title, subtitle = c.title()
    lead, lead_quote = _lead(c)
    sections = [_section(c, role, head) for head, role in zip(heads, roles, strict=True)]
    c.focus("action", heads[-1].term)
    closing = _closing(c)
    _fit_length(c, request.length, [lead], sections, [closing])
    return Outline(
        title=title,
        subtitle=subtitle,
        topic=request.topic.strip(),
        lead=Lead(quote=lead_quote, paragraphs=[lead.text()] if lead.sentences else []),
        sections=[Section(paragraphs=[p.text() for p in s.paragraphs if p.sentences], heading=s.head.text,
                          tag=s.head.tag, quotes=s.quotes) for s in sections],
        closing=Closing([closing.text()] if closing.sentences else []),
        author=request.author,
        unit=request.unit,
        date=None if request.date is None else normalize_date(request.date).strip(),
        meta=c.meta(fam),
    )


def _lead(c: Composer) -> tuple[_Paragraph, Quote | None]:
    """The lead paragraph, and the quotation it opens with (else the material it cites)."""
    lead = _Paragraph()
    cited = c.pick_quote("lead") if c.chance(0.5) else None
    if cited:
        lead.add(c.cite(cited), 1)
    lead.add(c.sentence("lead_join"))
    material = c.cite_material("material_lead")
    if material:
        lead.add(material[0])
    lead.add(c.sentence("lead_gain"), 1)
    lead.add(c.sentence("lead_sig"), 1)
    lead.add(c.sentence("lead_insight"), 2)
    lead.add(c.sentence("lead_bridge"))
    if cited:
        return lead, Quote(cited.text, cited.source)
    return lead, material[1] if material else None


def _section(c: Composer, role: str, head: Heading) -> _Section:
    """Quotation and what it means here; problems and measures; oneself, an example, a wrap-up."""
    c.focus(role, head.term)
    quotes: list[Quote] = []
    p1, p2, p3 = _Paragraph(), _Paragraph(), _Paragraph()
    q = c.pick_quote(role)
    if q is not None:
        p1.add(c.cite(q))
        quotes.append(Quote(q.text, q.source))
    p1.add(c.sentence("sec_gloss"), 2)
    p1.add(c.sentence("sec_point"))
    material = c.cite_material("material_section")
    if material:
        p1.add(material[0], 1)
        quotes.append(material[1])
    p1.add(c.sentence("sec_sig"), 1)
    second = c.pick_quote(role)  # a second, shorter citation later in the section, as essays often do
    if second is not None:
        p3.add(c.cite(second), 1)
        quotes.append(Quote(second.text, second.source))
    p2.add(c.sentence("sec_problem"), 1)
    p2.add(c.sentence("sec_measure"))
    p3.add(c.sentence("sec_reflect"))
    if c.request.placeholders:
        p3.add(c.sentence("sec_example"), 1)
    p3.add(c.sentence("sec_wrap"))
    return _Section(role, head, [p1, p2, p3], quotes)


def _closing(c: Composer) -> _Paragraph:
    close = _Paragraph()
    close.add(c.sentence("close_open"), 1)
    call, end = c.sentence("close_call"), c.sentence("close_end")
    close.add(f"{call[:-1]}，{end}" if call and end else call)
    return close


def _length(lead: list[_Paragraph], sections: list[_Section], closing: list[_Paragraph]) -> int:
    paras = [*lead, *(p for s in sections for p in s.paragraphs), *closing]
    return sum(count_chars(s.head.text) for s in sections) + sum(count_chars(p.text()) for p in paras)


def _fit_length(c: Composer, target: int, lead: list[_Paragraph], sections: list[_Section],
                closing: list[_Paragraph]) -> None:
    """Grow with extension sentences or shrink by dropping optional ones, to target ± 10 %."""
    low, high = target * (1 - TOLERANCE / 2), target * (1 + TOLERANCE / 2)
    rounds = 0
    while _length(lead, sections, closing) < low and rounds < 200:
        section = sections[rounds % len(sections)]
        rounds += 1
        c.focus(section.role, section.head.term)
        paras = section.paragraphs
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
        for para in [*closing, *(p for s in reversed(sections) for p in reversed(s.paragraphs)), *lead]:
            for s in list(reversed(para.sentences)):
                if _length(lead, sections, closing) <= high:
                    return
                if s.priority == priority:
                    para.sentences.remove(s)
