"""The LLM writer: fluent prose for a plan that xindegen made and checks.

The offline outline is the plan. Its title, headings, quotations (with their sources), facts,
the writer's brief and the placeholders stay as planned; the model is asked to write the prose of
each part (the lead, each section, the closing) to that plan, and every answer is verified
(:mod:`.verify`) before it enters the draft. An answer with faults is asked for again with the
faults named, up to ``attempts`` times; after that the part keeps the offline writer's text, and
``meta.writer.offline`` says which part and why. A fault of the endpoint itself (see
:class:`~.client.LLMError`) stops the draft: no half-model, half-offline draft is passed off as
written by the model when the model could not be reached.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from ..compose.brief import Brief
from ..compose.material import Material
from ..model import Closing, Lead, Outline, Section
from ..text import chinese_numeral, count_chars, normalize_date
from .client import ChatClient
from .prompt import APPROACHES, approach, messages
from .verify import (
    MIN_SENTENCE,
    PART_TOLERANCE,
    Allowed,
    Check,
    Cite,
    PartPlan,
    bare,
    clean_answer,
    figures,
    sentences,
    verify,
)

NO_BRIEF = Brief()
LENGTH_TOLERANCE = 0.10  # the --length promise holds for a draft the model wrote too
_PLACEHOLDER = re.compile(r"【[^【】\n]*】")
_QUOTED = re.compile(r"“[^“”]*”")

Distinct = Callable[[str], tuple[float, list[str]]]


@dataclass
class _Result:
    part: PartPlan
    paragraphs: list[str]
    by_model: bool
    why: list[str] = field(default_factory=list)  # the faults of the last answer, when kept offline
    tries: int = 0


@dataclass
class _Run:
    """What the writing of one draft keeps track of."""

    outline: Outline
    parts: list[PartPlan]
    allowed: Allowed
    variant: int
    distinct: Distinct | None
    models: list[str] = field(default_factory=list)
    stopped: threading.Event = field(default_factory=threading.Event)


def brief_items(brief: Brief) -> list[str]:
    """The writer's answers as the draft words them (a date as 2026年11月20日)."""
    single = [brief.occasion, brief.organizer, normalize_date(brief.date) if brief.date else None, brief.place,
              brief.speaker, brief.role]
    items = [x for x in single if x]
    items += [*brief.points, *brief.impressions, *brief.examples, *brief.shortcomings, *brief.plans]
    return list(dict.fromkeys(items))


def _material_texts(material: Material | None) -> list[str]:
    if material is None:
        return []
    return [*_material_names(material), *(p.text for p in material.points), *material.sentences,
            *material.formulations]


def _material_names(material: Material) -> tuple[str, ...]:
    """How a draft may name the study material: its title, a short title (《通知》), the speaker, or
    what it is (全会, 会议, 讲话, 材料), as the offline writer does."""
    names = [material.name, "学习材料", "材料"]
    if material.speaker:
        names.append(material.speaker)
    short = re.search(r"(通知|意见|决定|讲话|报告|条例|办法|规定|纲要|规划|方案|公报)》$", material.name)
    if short:
        names.append(f"《{short.group(1)}》")
    names += [w for w in ("全会", "会议", "讲话", "通知", "文件") if w in material.name]
    return tuple(dict.fromkeys(names))


def plan_parts(outline: Outline, brief: Brief = NO_BRIEF, material: Material | None = None,
               length: int | None = None) -> tuple[list[PartPlan], Allowed]:
    """The parts the model writes, each with what it must hold, and what the whole plan allows."""
    found = outline.meta.get("angles")
    angles: list[Any] = found if isinstance(found, list) else []
    parts: list[PartPlan] = []
    if outline.lead.paragraphs:
        cites = [Cite(outline.lead.quote.text, outline.lead.quote.source)] if outline.lead.quote else []
        parts.append(PartPlan("lead", "导语", None, list(outline.lead.paragraphs), 0, cites))
    for i, s in enumerate(outline.sections):
        angle = str(angles[i]) if i < len(angles) else ""
        parts.append(PartPlan(f"s{i + 1}", f"第{chinese_numeral(i + 1)}部分", s.heading, list(s.paragraphs), 0,
                              [Cite(q.text, q.source) for q in s.quotes],
                              term=angle.split("#", 1)[1] if "#" in angle else s.tag))
    if outline.closing.paragraphs:
        parts.append(PartPlan("closing", "结尾", None, list(outline.closing.paragraphs), 0))

    if material is not None:  # a point of the study material may be cited the ways the offline writer does
        named = _material_names(material)
        for part in parts:
            part.cites = [replace(c, aliases=named) if any(c.text == p.text for p in material.points) else c
                          for c in part.cites]
    mine = brief_items(brief)
    for part in parts:
        text = "".join(part.offline)
        part.cites = [c if any(m in text for m in c.markers()) else replace(c, named=False) for c in part.cites]
        part.brief = [b for b in mine if bare(b) and bare(b) in bare(text)]
        part.placeholders = list(dict.fromkeys(_PLACEHOLDER.findall(text)))
        cited = [bare(c.text) for c in part.cites]
        part.facts = [s.strip() for p in part.offline for s in sentences(p)
                      if ("《" in s or _QUOTED.search(s) or figures(s)) and "【" not in s
                      and not any(c in bare(s) for c in cited)]

    # targets: the offline parts' shares of the length asked for, headings excluded
    heads = sum(count_chars(s.heading) for s in outline.sections if s.heading)
    want = (length or int(outline.meta.get("length") or 0) or outline.body_chars()) - heads
    have = sum(count_chars("".join(p.offline)) for p in parts) or 1
    for part in parts:
        part.target = max(40, round(count_chars("".join(part.offline)) * want / have))

    given = outline.meta.get("frame")
    frame: dict[str, Any] = given if isinstance(given, dict) else {}
    texts = [outline.title, outline.subtitle or "", outline.topic or "", *outline.body_paragraphs(),
             *(s.heading or "" for s in outline.sections),
             *(f"{q.text}{q.source or ''}" for q in outline.all_quotes()),
             *_material_texts(material), *mine,
             *(str(frame.get(k) or "") for k in ("name", "object", "occasion", "domain"))]
    quotable = [q.text for q in outline.all_quotes()] + _material_texts(material) + mine
    owners = {bare(c.text): part.label for part in parts for c in part.cites}
    return parts, Allowed.of(texts, quotable, owners)


def _sentences(paragraphs: Sequence[str]) -> set[str]:
    return {b for p in paragraphs for s in sentences(p)
            if len(b := bare(s)) >= MIN_SENTENCE}


class LLMWriter:
    """Writes the prose of planned outlines through one :class:`ChatClient`."""

    def __init__(self, client: ChatClient):
        self.client = client
        self.config = client.config

    def write(self, outline: Outline, *, brief: Brief = NO_BRIEF, material: Material | None = None,
              length: int | None = None, variant: int | None = None, distinct: Distinct | None = None,
              parallel: bool = True) -> Outline:
        """``outline`` with the model's prose wherever an answer passed every check."""
        parts, allowed = plan_parts(outline, brief, material, length)
        if variant is None:
            variant = int(outline.meta.get("seed") or 0)
        run = _Run(outline, parts, allowed, variant, distinct)
        offline = {p.key: p.offline for p in parts}

        def rest(part: PartPlan, texts: dict[str, list[str]]) -> dict[str, str]:
            return {s: other.label for other in parts if other is not part for s in _sentences(texts[other.key])}

        results: dict[str, _Result] = {}
        if parallel and len(parts) > 1 and self.config.concurrency > 1:
            pool = ThreadPoolExecutor(min(self.config.concurrency, len(parts)))
            try:
                futures = {p.key: pool.submit(self._part, run, p, rest(p, offline)) for p in parts}
                results = {k: f.result() for k, f in futures.items()}
            except BaseException:
                run.stopped.set()  # a fault of the endpoint: the other parts ask nothing more
                raise
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
        else:
            current = dict(offline)
            for p in parts:
                results[p.key] = self._part(run, p, rest(p, current))
                current[p.key] = results[p.key].paragraphs

        # parts written side by side may repeat one another: the later one is asked once more
        for p in parts:
            r = results[p.key]
            if not r.by_model:
                continue
            final = {k: v.paragraphs for k, v in results.items()}
            others = rest(p, final)
            clash = next((s for s in _sentences(r.paragraphs) if s in others), None)
            if clash is not None:
                faults = [f"与{others[clash]}的句子重复：“{clash[:24]}”"]
                results[p.key] = self._part(run, p, others, faults, attempts=1)

        self._fit(outline, parts, results, length)
        return self._assemble(run, results)

    # ---- one part ----
    def _part(self, run: _Run, part: PartPlan, rest: dict[str, str], faults: Sequence[str] = (),
              attempts: int | None = None) -> _Result:
        check = Check(part, run.allowed, [s.heading or "" for s in run.outline.sections], rest, run.distinct,
                      tolerance=PART_TOLERANCE)
        if run.distinct is not None:
            fallback = "\n".join(part.offline)
            share, _ = run.distinct(fallback)
            average = sum(p.target for p in run.parts) / len(run.parts)
            check.distinct_allow = max(check.distinct_limit * average, share * count_chars(fallback))
        heads = [s.heading or "" for s in run.outline.sections]
        found = list(faults)
        tries = attempts or self.config.attempts
        for attempt in range(tries):
            if run.stopped.is_set():
                break
            reply = self.client.chat(messages(part, topic=run.outline.topic or run.outline.title,
                                              title=_full_title(run.outline), outline_heads=heads,
                                              variant=run.variant, faults=found))
            run.models.append(reply.model)
            paragraphs, extra = clean_answer(reply.text, part.heading, heads)
            found = verify(paragraphs, extra, check)
            if reply.finish == "length":
                found.insert(0, "回答被截断了：请写得简短些")
            if not found:
                return _Result(part, paragraphs, True, tries=attempt + 1)
        return _Result(part, part.offline, False, found[:3], tries)

    # ---- the whole draft ----
    def _fit(self, outline: Outline, parts: list[PartPlan], results: dict[str, _Result], length: int | None) -> None:
        """Keep the draft within ±10 % of the length asked for: the model part furthest off (in the
        direction the draft is off) takes its offline text back, until it fits."""
        want = length or int(outline.meta.get("length") or 0)
        if not want:
            return
        heads = sum(count_chars(s.heading) for s in outline.sections if s.heading)
        while True:
            total = heads + sum(count_chars("".join(r.paragraphs)) for r in results.values())
            if abs(total - want) <= want * LENGTH_TOLERANCE:
                return
            longer = total > want
            off = [(count_chars("".join(r.paragraphs)) - r.part.target, r) for r in results.values() if r.by_model]
            off = [(d, r) for d, r in off if (d > 0) == longer]
            if not off:
                return
            _, worst = max(off, key=lambda t: abs(t[0]))
            why = f"全文篇幅超出 ±{LENGTH_TOLERANCE:.0%}（{total} 字，要 {want} 字）"
            results[worst.part.key] = _Result(worst.part, worst.part.offline, False, [why], worst.tries)

    def _assemble(self, run: _Run, results: dict[str, _Result]) -> Outline:
        o = run.outline
        lead = results.get("lead")
        closing = results.get("closing")
        sections = [Section(paragraphs=list(results[f"s{i + 1}"].paragraphs), heading=s.heading, tag=s.tag,
                            quotes=list(s.quotes)) for i, s in enumerate(o.sections)]
        ordered = [results[p.key] for p in run.parts]
        writer: dict[str, Any] = {
            "name": "llm",
            "model": run.models[0] if run.models else self.config.model,
            "preset": self.config.preset,
            "approach": approach(run.variant),
            "approach_index": run.variant % len(APPROACHES),
            "by_model": [r.part.label for r in ordered if r.by_model],
            "offline": [{"part": r.part.label, "why": r.why} for r in ordered if not r.by_model],
            "requests": len(run.models),
        }
        return replace(o, lead=Lead(quote=o.lead.quote, paragraphs=list(lead.paragraphs)) if lead else o.lead,
                       sections=sections,
                       closing=Closing(list(closing.paragraphs)) if closing else o.closing,
                       meta={**o.meta, "writer": writer})


def _full_title(o: Outline) -> str:
    return o.title + (o.subtitle or "")


def notes(meta: dict[str, Any]) -> list[str]:
    """What the command line says about a draft the model wrote (from its ``meta.writer``)."""
    w = meta.get("writer")
    if not isinstance(w, dict) or w.get("name") != "llm":
        return []
    out = []
    for x in w.get("offline", []):
        faults = [str(f) for f in x.get("why") or []]
        more = f"等 {len(faults)} 处问题" if len(faults) > 1 else ""
        out.append(f"注意：{x['part']}用的是离线写作器的文字（模型的回答不合格：{faults[0] if faults else ''}{more}）")
    return out
