"""The outline model: the one contract between parse, compose, render and the person editing.

Field names follow DESIGN.md §3 (schema ``xindegen.outline/1``). Quotations are an index: their
text stays inline in the paragraphs, so renderers never print ``quotes`` separately.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .text import chinese_numeral, count_chars

SCHEMA = "xindegen.outline/1"


@dataclass
class Quote:
    """A quotation cited in an outline: its words and where they come from."""

    text: str
    source: str | None = None


@dataclass
class Lead:
    """The opening: an optional epigraph, its paragraphs and the quotations they cite."""

    quote: Quote | None = None  # the opening quotation or epigraph
    paragraphs: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)  # other quotations cited in the lead (index)


@dataclass
class Section:
    """One part of the body: an optional heading, its paragraphs and the quotations they cite."""

    paragraphs: list[str] = field(default_factory=list)
    heading: str | None = None
    tag: str | None = None
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class Closing:
    """The closing paragraphs and the quotations they cite."""

    paragraphs: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)  # quotations cited in the closing (index)


@dataclass
class Outline:
    """One essay's structure: title, lead, sections, closing, signature and where it came from."""

    title: str
    subtitle: str | None = None
    topic: str | None = None
    lead: Lead = field(default_factory=Lead)
    sections: list[Section] = field(default_factory=list)
    closing: Closing = field(default_factory=Closing)
    # Optional signature block (added to the v1 schema as optional fields).
    author: str | None = None
    unit: str | None = None
    date: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    schema: str = SCHEMA

    def body_paragraphs(self) -> list[str]:
        """Every body paragraph in reading order (lead, sections, closing), headings excluded."""
        out = list(self.lead.paragraphs)
        for s in self.sections:
            out.extend(s.paragraphs)
        out.extend(self.closing.paragraphs)
        return out

    def reading_lines(self) -> list[str]:
        """Every line as a reader (and ``xindegen check``) meets it: title, subtitle, lead, each heading
        before its paragraphs, closing, signature. 13-character runs cross lines, so the order counts."""
        out, n = [self.title, self.subtitle or "", *self.lead.paragraphs], 0
        for s in self.sections:
            n += bool(s.heading)
            out.extend((f"{chinese_numeral(n)}、{s.heading}" if s.heading else "", *s.paragraphs))  # as rendered
        return [*out, *self.closing.paragraphs, self.author or "", self.unit or "", self.date or ""]

    def body_chars(self) -> int:
        """Length of the body as ``--length`` measures it: paragraphs plus headings."""
        heads = sum(count_chars(s.heading) for s in self.sections if s.heading)
        return heads + sum(count_chars(p) for p in self.body_paragraphs())

    def all_quotes(self) -> list[Quote]:
        quotes = [self.lead.quote] if self.lead.quote else []
        quotes.extend(self.lead.quotes)
        for s in self.sections:
            quotes.extend(s.quotes)
        quotes.extend(self.closing.quotes)
        return quotes
