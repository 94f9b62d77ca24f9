"""Human summaries of outlines (``xindegen outline show``)."""

from __future__ import annotations

from ..model import Outline
from ..text import chinese_numeral, count_chars


def _counts(paragraphs: list[str]) -> str:
    return f"{len(paragraphs)} 段，{sum(count_chars(p) for p in paragraphs)} 字"


def outline_tree(outline: Outline) -> str:
    lines = [outline.title + (f" {outline.subtitle}" if outline.subtitle else "")]
    lead = _counts(outline.lead.paragraphs)
    if outline.lead.quote:
        lead += f"，引语“{outline.lead.quote.text}”"
    items = [f"导语：{lead}"]
    n = 0
    for s in outline.sections:
        if s.heading:
            n += 1
            head = f"{chinese_numeral(n)}、{s.heading}"
        else:
            head = "（无小标题）"
        quotes = f"，引语 {len(s.quotes)} 条" if s.quotes else ""
        items.append(f"{head}：{_counts(s.paragraphs)}{quotes}")
    items.append(f"结尾：{_counts(outline.closing.paragraphs)}")
    for i, item in enumerate(items):
        lines.append(("└─ " if i == len(items) - 1 else "├─ ") + item)
    lines.append(f"正文合计 {outline.body_chars()} 字")
    return "\n".join(lines)
