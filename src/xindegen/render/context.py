"""What every renderer shares without Jinja: the formats by file suffix and the templates' variables."""

from __future__ import annotations

from typing import Any

from ..model import Outline
from ..text import chinese_numeral

FORMAT_BY_SUFFIX = {".md": "md", ".markdown": "md", ".txt": "txt", ".text": "txt",
                    ".yaml": "yaml", ".yml": "yaml", ".docx": "docx", ".json": "json"}


def template_context(outline: Outline) -> dict[str, Any]:
    """The variables every template sees (documented by ``xindegen templates show``)."""
    numbered = []
    n = 0
    for section in outline.sections:
        if section.heading:
            n += 1
        numbered.append({"number": chinese_numeral(n) if section.heading else None,
                         "heading": section.heading, "tag": section.tag,
                         "quotes": section.quotes, "paragraphs": section.paragraphs})
    return {
        "title": outline.title,
        "subtitle": outline.subtitle,
        "topic": outline.topic,
        "lead": outline.lead,
        "sections": numbered,
        "closing": outline.closing,
        "author": outline.author,
        "unit": outline.unit,
        "date": outline.date,
        "meta": outline.meta,
        "outline": outline,
    }
