"""The essay plan: which units go where, fitted to the asked length (``xindegen new``).

A draft is a title, a lead, one section per angle under parallel headings (thinking → ability →
action, or the study material's own order), and a closing; the kind's plan (kinds.yaml) lists the
units of each. :func:`compose` runs the plan and fits the length; the :class:`Outline` it returns
records in ``meta`` how it was made (frame, angles, seed, data).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import __version__
from ..model import Closing, Lead, Outline, Quote, Section
from ..errors import InputError
from ..text import count_chars, normalize_date, split_sentences
from .composer import _THIS_LAW, Composer, Part, _Para
from .frame import build_frame
from .grammar import Spread
from .request import DEFAULT_SECTIONS, ComposeRequest
from .rhetoric import Angle, Rhetoric, load_rhetoric, roles_for

TOLERANCE = 0.10  # --length promise: body within ±10 %


def _leftovers(w: Composer, lead: Part, sections: list[Part], closing: Part) -> None:
    """Every answer of the brief goes into the draft: those the plan found no place for are added
    where they belong (the post to the lead, impressions and examples to the sections, plans to the
    closing)."""
    b = w.req.brief
    places = (
        ("role", [b.role] if b.role else [], lead),
        ("impression", b.impressions, sections[0] if len(sections) < 2 else sections[1]),
        ("example", b.examples, sections[-1]),
        ("shortcoming", b.shortcomings, sections[0]),
        ("plan", b.plans, closing),
    )
    for name, items, part in places:
        for item in items:
            if item in w.brief_used or (name == "role" and "role" in w.brief_used):
                continue
            w.part = part
            sentences = w.unit(f"{name}_more")
            if not sentences or not part.paras:
                continue
            target = part.paras[0] if part is lead else part.paras[-1]
            at = len(target.sentences) - 1 if part is lead else len(target.sentences)
            target.sentences[max(0, at):max(0, at)] = sentences
            target.mine = True


def _length(parts: Sequence[Part], headings: Sequence[str]) -> int:
    # a paragraph counts as its sentences do (whitespace goes character by character): the fit asks
    # again after each change, and most sentences were counted at the last ask
    return sum(map(_chars, headings)) + sum(map(_chars, [s.text for part in parts for p in part.paras
                                                         for s in p.sentences]))


@lru_cache(maxsize=4096)  # the sentences of the drafts at hand
def _chars(text: str) -> int:
    return count_chars(text)


def _join_lone(part: Part) -> None:
    """A one-sentence paragraph (a scene, a reason) joins the paragraph before it, whose point it bears
    out: standing alone, editors read it as a thought dropped in. A closing paragraph (self-examination,
    measures, resolve) stays apart, and nothing joins one; but a one-sentence resolve that a second
    angle follows joins the paragraph before it, whose angle it closes."""
    for i in range(len(part.paras) - 1, 0, -1):
        para, before = part.paras[i], part.paras[i - 1]
        closes_first = para.ends and i < len(part.paras) - 1 and not part.paras[i + 1].ends
        if len(para.sentences) == 1 and (closes_first or not (para.ends or before.ends)) and not para.mine:
            before.sentences.extend(para.sentences)
            del part.paras[i]


_PLEDGE = re.compile(r"(今后|以后|下一步|接下来|在(今后|以后|往后)的[^，]{0,8}(中|里)|在往后的日子里|"
                     r"回到[^，]{1,4}[上后])，(我将|我要|我会)")
_AIM = re.compile(r"，(努力|力争)")
_WILL = re.compile(r"我将|我要|我会")


def _one_pledge(last: Part, closing: Part) -> None:
    """The last section's one-sentence resolve (接下来，我会从守时、细心这些小事做起) and the closing's
    pledge (以后，我将以更实的作风落实所学，努力…) promise the same twice, two lines apart: the
    closing keeps one pledge, the resolve's own deed with the closing's aim."""
    if not last.paras or not closing.paras:
        return
    resolve, end = last.paras[-1], closing.paras[-1].sentences[-1]
    aim = _AIM.search(end.text)
    if (len(resolve.sentences) != 1 or not resolve.ends or resolve.mine or aim is None
            or not _PLEDGE.match(resolve.sentences[0].text) or not _WILL.search(end.text[:aim.start()])):
        return
    end.text = resolve.sentences[0].text.rstrip("。！") + end.text[aim.start():]
    del last.paras[-1]


def _ends(part: Part, upto: int | None = None) -> int:
    """How many of the section's paragraphs before ``upto`` (default: all) close it; the opening
    paragraph never counts."""
    upto = len(part.paras) if upto is None else upto
    n = 0
    while n < upto - 1 and part.paras[upto - 1 - n].ends:
        n += 1
    return n


def _fit(w: Composer, lead: Part, sections: list[Part], closing: Part, headings: list[str], target: int,
         spare: list[Angle]) -> None:
    """Grow or shrink the draft to target ± 10 %.

    Growing: the kind's ``more`` units, section by section ("+unit" adds its sentences to the
    section's first paragraph, any other unit a paragraph before the last), then a second angle of
    the section's role. Shrinking: optional sentences, then optional paragraphs, one per part in
    turn, later sections first, so that no section is stripped bare while another stays whole.
    """
    parts = [lead, *sections, closing]
    low, high = target * (1 - TOLERANCE / 2), target * (1 + TOLERANCE / 2)
    # A section's closing paragraphs (its self-examination, measures, resolve) come right after what they
    # answer; more of its own angle goes before them. A second angle follows them: it says something else,
    # and put before them it left the self-examination answering it instead of what it was about.
    second_at: dict[int, int] = {}
    seconds: list[tuple[Part, Part, _Para]] = []  # a section, its second angle, that angle's last paragraph

    def short() -> bool:
        return _length(parts, headings) < low

    related = True  # second angles first only where they share a theme with the section's own

    while short():
        grown = False
        for part in sections:
            if not short():
                break
            w.part = part
            for units, _ in w.kind.more:
                append = units[0].startswith("+")
                para = w.paragraph(tuple(u.lstrip("+") for u in units), True)
                if para is None:
                    continue
                if append and part.paras:  # (a pupil's section may have lost every paragraph to work words)
                    for sentence in para.sentences:
                        sentence.optional = True
                    part.paras[0].sentences.extend(para.sentences)
                else:
                    upto = second_at.get(id(part), len(part.paras))
                    at = upto - _ends(part, upto)
                    part.paras.insert(max(1, at), para)
                    if id(part) in second_at:
                        second_at[id(part)] += 1
                grown = True
                break
        if grown:
            continue
        for part in sections:  # the sections' own angles are spent: each takes a second one, once
            if not short() or part.angle is None or not spare:
                break
            if w.frame.work is not None and spare[0].origin.startswith("kind:"):
                break  # a known work's draft takes its genre's pack, never the kind's sentences on any film or book
            # the nearest to the heading: same role and source, then the most themes in common; a tie is
            # dealt, so that fifty colleagues' drafts do not all take the pack's first-listed angle
            kin = [a for a in spare if a.role == part.angle.role and a.origin == part.angle.origin]
            near = set(part.angle.themes)
            best = max((len(near & set(a.themes)) for a in kin), default=0)
            if related and not best:
                continue  # editors read an unrelated point (民主 under 大局意识) as a break: only if nothing else fills
            ties = [a for a in kin if len(near & set(a.themes)) == best]
            sibling = w.deal.draw(f"second:{'|'.join(a.term for a in ties)}", ties, 1) if ties else spare[0]
            spare.remove(sibling)
            w.part = Part([], angle=sibling, role=part.role)
            at = len(part.paras)  # after the section's closing paragraphs, which answer its own angle
            second_at.setdefault(id(part), at)
            for para in w.write_part(w.kind.second):
                para.optional = True
                part.paras.insert(at, para)
                at += 1
                grown = True
                if not short():
                    break
            if grown:
                seconds.append((part, w.part, part.paras[at - 1]))
        if not grown and related:
            related = False
            continue
        if not grown:
            if w.short_of_data:
                break
            w.short_of_data = True  # all spent: a section may now take a second failing, its second angle's
            for part, angle_part, last in seconds:
                if not short():
                    break
                w.part = angle_part
                para = w.paragraph(w.kind.second[-1][0], True)
                if para is not None:
                    part.paras.insert(part.paras.index(last) + 1, para)
    order = [closing, *reversed(sections), lead]
    drops = (_drop_sentence, _drop_paragraph, _drop_later_paragraph, _drop_later_sentence)
    # First only cuts that keep the draft above the floor (a paragraph too long for the room left is
    # put back, and a finer cut tried); then, if it is still too long, any cut.
    for careful in (True, False):
        for drop in drops:
            while _length(parts, headings) > high:
                done = False
                for part in order:
                    if _length(parts, headings) <= high:
                        break
                    before = [(p, list(p.sentences)) for p in part.paras]
                    if not drop(part):
                        continue
                    if careful and _length(parts, headings) < low:
                        part.paras = [p for p, _ in before]
                        for p, sentences in before:
                            p.sentences = sentences
                        continue
                    done = True
                if not done:
                    break


_ABOUT = re.compile(r"《关于[^《》]{4,}?的(通知|意见|决定|规定|办法|方案|规划|决议)》")


def _shorten_repeated_titles(paras: list[_Para]) -> None:
    """A document named in full once is 《通知》 after that, as writers cite it (twice in full read as a
    repeat); only where the draft names no other document of that type."""
    found = {m.group(): m.group(1) for p in paras for s in p.sentences for m in _ABOUT.finditer(s.text)}
    alone = {t for t, kind in found.items() if list(found.values()).count(kind) == 1}
    seen: set[str] = set()

    def short(m: re.Match[str]) -> str:
        if m.group() in alone and m.group() in seen:
            return f"《{m.group(1)}》"
        seen.add(m.group())
        return m.group()

    for p in paras:
        for s in p.sentences:
            s.text = _ABOUT.sub(short, s.text)


_THIS_LAW_SAID = re.compile("|".join(("“[^”]*”", *_THIS_LAW)))  # a quotation is left as it stands


def _rules_not_law(paras: list[_Para]) -> None:
    """A draft on a law's implementing rules (《政府采购法实施条例》) calls them 这部条例: the prose the law's pack
    says of 这部法律 holds of the rules studied (the facts name the law itself, see Composer.law_named)."""
    def said(m: re.Match[str]) -> str:
        return m.group() if m.group().startswith("“") else "该条例" if m.group() == "该法" else "这部条例"

    for p in paras:
        for s in p.sentences:
            s.text = _THIS_LAW_SAID.sub(said, s.text)


def _drop_sentence(part: Part) -> bool:
    for para in reversed(part.paras):
        for s in reversed(para.sentences):
            if s.optional and len(para.sentences) > 1:
                para.sentences.remove(s)
                return True
    return False


def _drop_later_paragraph(part: Part) -> bool:
    """A short draft (500 characters) keeps each part's opening paragraph, and the writer's own words."""
    for para in reversed(part.paras[1:]):
        if not para.mine:
            part.paras.remove(para)
            return True
    return False


def _drop_later_sentence(part: Part) -> bool:
    """Last resort: the opening paragraph loses its last sentences, never its first two."""
    for para in reversed(part.paras):
        if len(para.sentences) > 2 and not para.mine:
            para.sentences.pop()
            return True
    return False


def _drop_paragraph(part: Part) -> bool:
    for para in reversed(part.paras):
        if para.optional and len(part.paras) > 1 and not para.mine:
            part.paras.remove(para)
            return True
    return False


def compose(request: ComposeRequest, *, rhetoric: Rhetoric | None = None,
            spread: Spread | None = None) -> Outline:
    """Compose one outline; same request, seed and data → the same outline."""
    request.check()
    rh = rhetoric or load_rhetoric(request.data_dirs)
    seed = request.seed if request.seed is not None else random.SystemRandom().randrange(2**31)
    w = Composer(request, rh, seed, spread)
    angles = w.angles(roles_for(request.sections))
    roles = [a.role for a in angles]
    fam = w.family(angles)
    heads = w.headings(fam, angles)
    if request.headings:  # chosen beforehand: the words as chosen, the tags of their angles
        heads = [(h.strip(), tag) for h, (_, tag) in zip(request.headings, heads, strict=True)]

    w.part = lead = Part([], role="lead")
    like = request.like
    opens_with_quote = like.lead == "quote" if like is not None else w.deal.rng.random() < 0.3
    lead.quote = w.lead_quote(angles) if opens_with_quote else None
    lead_quote = lead.quote
    lead.paras = w.write_part(w.kind.lead)
    sections: list[Part] = []
    points = w.points(len(roles))
    for i, (angle, role) in enumerate(zip(angles, roles, strict=True)):
        w.part = part = Part([], angle=angle, role=role, point=points[i] if i < len(points) else None)
        part.quote = w.pick_quote(angle)
        if like is not None and like.quotes_per_section < 0.34:  # an exemplar that seldom quotes
            part.quote = None
        plan = w.kind.sections[role]
        if part.point is not None:  # the material's own words open the section
            plan = ((("material_open",), False), *plan[1:])
        part.paras = w.write_part(plan)
        sections.append(part)
    w.chosen = angles
    w.part = closing = Part([], role="closing")
    closing.paras = w.write_part(w.kind.closing)
    _leftovers(w, lead, sections, closing)
    spare = [a for _, pool in w.sources() for a in pool if a not in angles]  # the kind's own come last
    work = w.frame.work
    if work is not None:  # after the work's own angles, the general ones on the work's themes
        own = {*work.themes, *(t for a in work.angles for t in a.themes)}
        spare.sort(key=lambda a: (not a.origin.startswith("work:"), not own & set(a.themes)))
    offered = list(spare)
    _fit(w, lead, sections, closing, [h for h, _ in heads], request.length, spare)
    for part in sections:
        _join_lone(part)
    _one_pledge(sections[-1], closing)
    _shorten_repeated_titles([p for part in (lead, *sections, closing) for p in part.paras])
    if w.frame.law_of is not None:
        _rules_not_law([p for part in (lead, *sections, closing) for p in part.paras])
    # the title last: its key word (由“微笑”二字想到的) must be one the body speaks of
    title, subtitle = w.title("".join(p.text() for part in (lead, *sections, closing) for p in part.paras))

    meta: dict[str, Any] = {
        "generator": f"xindegen {__version__}",
        "seed": seed,
        "family": fam.name,
        "frame": w.frame.explain(),
        "angles": [f"{a.origin}#{a.term}" for a in angles],
        "second": [f"{a.origin}#{a.term}" for a in offered if a not in spare],  # angles a section took after its own
        "packs": [w.frame.pack.key] if w.frame.pack else [],
        "data": rh.version(),
        "length": request.length,
        "placeholders": request.placeholders,
    }
    if request.material is not None:
        meta["material"] = request.material.source
    if like is not None:
        meta["like"] = like.explain()
    if request.brief:
        meta["brief"] = request.brief.answered()
    if spread is not None and spread.total > 1:
        meta["spread"] = {"index": spread.index, "total": spread.total, "seed": spread.seed}
    used_lead_quote = lead_quote if lead_quote and any(lead_quote.text in p.text() for p in lead.paras) else None
    return Outline(
        title=title,
        subtitle=subtitle,
        topic=request.topic.strip(),
        lead=Lead(quote=Quote(used_lead_quote.text, used_lead_quote.source) if used_lead_quote else None,
                  paragraphs=[p.text() for p in lead.paras]),
        sections=[Section(paragraphs=[p.text() for p in part.paras], heading=h, tag=tag, quotes=_cited(part, request))
                  for (h, tag), part in zip(heads, sections, strict=True)],
        closing=Closing([p.text() for p in closing.paras]),
        author=request.author,
        unit=request.unit,
        date=normalize_date(request.date) if request.date else None,
        meta=meta,
    )


def _cited(part: Part, request: ComposeRequest) -> list[Quote]:
    """The quotations a section's text holds: the material's point it opens with, the bank's one."""
    text = "".join(p.text() for p in part.paras)
    out = []
    if part.point and request.material is not None and f"“{part.point}" in text:
        out.append(Quote(part.point, request.material.name))
    if part.quote and part.quote.text in text:
        out.append(Quote(part.quote.text, part.quote.source))
    return out


def explain(request: ComposeRequest, *, rhetoric: Rhetoric | None = None) -> dict[str, Any]:
    """The frame, the pack and the plan that ``compose`` would use (``new --explain``)."""
    rh = rhetoric or load_rhetoric(request.data_dirs)
    frame = build_frame(request.topic, rh, kind=request.kind)
    return frame.explain()


@dataclass(frozen=True)
class HeadingSet:
    """One set of parallel headings: its family, the headings, their tags and their angles."""

    family: str
    headings: tuple[str, ...]
    tags: tuple[str, ...]
    angles: tuple[str, ...]  # ``origin#term``, as ``meta.angles`` records them


def heading_choices(topic: str, count: int = 10, *, family: str | None = None, seed: int | None = None,
                    sections: int = DEFAULT_SECTIONS, kind: str | None = None, angles: Sequence[str] = (),
                    rhetoric: Rhetoric | None = None, data_dirs: tuple[Path, ...] = ()) -> list[HeadingSet]:
    """``count`` different sets of parallel headings for ``topic``.

    With ``angles`` (a draft's ``meta.angles``) every set heads those same sections, so a draft can
    take another set without a heading that no longer fits its section; otherwise the sets also
    differ in their angles. Composing with a set's ``angles`` and ``headings`` gives a draft under it.
    """
    rh = rhetoric or load_rhetoric(data_dirs)
    if angles:
        sections = len(angles)
    req = ComposeRequest(topic=topic, family=family, sections=sections, data_dirs=data_dirs, kind=kind,
                         angles=tuple(angles))
    req.check()
    base = seed if seed is not None else random.SystemRandom().randrange(2**31)
    out: list[HeadingSet] = []
    seen: set[tuple[str, ...]] = set()
    for i in range(count * 5):
        w = Composer(req, rh, base, Spread(i, count * 5, base))
        chosen = w.angles(roles_for(sections))
        fam = w.family(chosen)
        pairs = w.headings(fam, chosen)
        heads = tuple(h for h, _ in pairs)
        if heads not in seen:
            seen.add(heads)
            out.append(HeadingSet(fam.name, heads, tuple(t for _, t in pairs),
                                  tuple(f"{a.origin}#{a.term}" for a in chosen)))
        if len(out) == count:
            break
    return out


def heading_sets(topic: str, count: int = 10, *, family: str | None = None, seed: int | None = None,
                 sections: int = DEFAULT_SECTIONS, rhetoric: Rhetoric | None = None,
                 data_dirs: tuple[Path, ...] = ()) -> list[tuple[str, list[str]]]:
    """``count`` parallel heading sets for ``topic``: (family name, headings), all different."""
    return [(s.family, list(s.headings))
            for s in heading_choices(topic, count, family=family, seed=seed, sections=sections,
                                     rhetoric=rhetoric, data_dirs=data_dirs)]


REWRITE_TRIES = 8


def rewrite_section(outline: Outline, index: int, request: ComposeRequest, *, seed: int | None = None,
                    rhetoric: Rhetoric | None = None) -> Outline:
    """``outline`` with section ``index`` written anew; everything else, its heading included, kept.

    The section is taken from a draft composed with another seed under the same plan: the same
    topic, kind, length and heading family, and every section on the angle ``meta.angles`` records,
    so the new text argues what the (kept) heading says. Of a few such drafts, the one whose section
    repeats no quotation and no sentence of the rest of the outline, and differs from the old text,
    is taken. ``request`` supplies what ``meta`` does not keep: the brief, the material, the data.
    The seed is recorded in ``meta.rewritten``.
    """
    meta = outline.meta
    angles = meta.get("angles")
    if not isinstance(angles, list) or len(angles) != len(outline.sections) or not meta.get("family"):
        raise InputError("这篇提纲不是 xindegen 按主题生成的（没有写作计划），不能单独重写某一部分")
    if not 0 <= index < len(outline.sections):
        raise InputError(f"没有第 {index + 1} 部分（共 {len(outline.sections)} 部分）")
    frame = meta.get("frame")
    kind = frame.get("kind") if isinstance(frame, dict) else None
    plan = replace(request, topic=outline.topic or request.topic, family=str(meta["family"]),
                   kind=kind or request.kind, sections=len(angles), angles=tuple(angles),
                   headings=tuple(s.heading or "" for s in outline.sections) if all(
                       s.heading for s in outline.sections) else (),
                   length=int(meta.get("length") or request.length), seed=None)
    rh = rhetoric or load_rhetoric(plan.data_dirs)
    old = outline.sections[index]
    rest = [p for i, s in enumerate(outline.sections) if i != index for p in s.paragraphs]
    rest += [*outline.lead.paragraphs, *outline.closing.paragraphs]
    rest_sentences = {x for p in rest for x in split_sentences(p)}
    rest_quotes = {q.text for q in outline.all_quotes() if q not in old.quotes}
    rng = random.Random(seed) if seed is not None else random.SystemRandom()
    best: tuple[int, int, Section] | None = None
    for _ in range(REWRITE_TRIES):
        s = rng.randrange(2**31)
        new = compose(replace(plan, seed=s), rhetoric=rh).sections[index]
        clash = sum(x in rest_sentences for p in new.paragraphs for x in split_sentences(p))
        clash += 5 * sum(q.text in rest_quotes for q in new.quotes) + 100 * (new.paragraphs == old.paragraphs)
        if best is None or clash < best[0]:
            best = (clash, s, new)
        if clash == 0:
            break
    assert best is not None
    _, s, new = best
    sections = list(outline.sections)
    sections[index] = Section(paragraphs=new.paragraphs, heading=old.heading, tag=old.tag or new.tag,
                              quotes=new.quotes)
    rewritten = [*meta.get("rewritten", []), {"section": index + 1, "seed": s}]
    return replace(outline, sections=sections, meta={**meta, "rewritten": rewritten})
