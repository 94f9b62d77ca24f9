"""Decompose essays into outlines: the public face of ``xindegen parse``.

Pipeline: :mod:`ingest` (bytes → blocks) → :mod:`clean` (noise out) → :mod:`split`
(collection → essays) → :mod:`structure` (essay → :class:`Outline`).
"""

from __future__ import annotations

from pathlib import Path

from . import __version__
from .clean import clean_blocks, cjk_count
from .errors import InputError
from .ingest import MAX_BYTES, Document, document_from_text, read_document
from .model import Outline
from .split import split_collection
from .structure import build_outline

__all__ = ["MAX_BYTES", "parse_file", "parse_text"]

PARSER = f"xindegen {__version__}"
MIN_PROSE = 10
"""Chinese characters an input needs, after cleaning, to count as prose."""


def parse_file(path: Path) -> list[Outline]:
    """Read ``path`` (.txt/.md/.html/.docx) and return the outline of every essay in it.

    Raises :class:`~xindegen.errors.InputError` for a missing, empty, binary, oversized or
    unreadable file, or one without Chinese prose.
    """
    return _parse(read_document(Path(path)))


def parse_text(text: str, source: str = "<text>") -> list[Outline]:
    """Outlines of the essays in an already decoded plain text; ``source`` names it in meta."""
    if "\x00" in text:
        raise InputError("这是二进制文件，不是文本文件", source)
    return _parse(document_from_text(text, source))


def _parse(document: Document) -> list[Outline]:
    blocks = clean_blocks(document.blocks, glued_spaces=document.kind != "docx")
    if sum(cjk_count(b.text) for b in blocks) < MIN_PROSE:
        raise InputError("没有找到中文正文（文件里几乎没有汉字）", document.source)
    try:
        collection = split_collection(blocks)
    except RecursionError:  # pragma: no cover - the stages are iterative; a last guard
        raise InputError("文本结构过于复杂，无法解析", document.source) from None
    stem = Path(document.source).stem
    outlines: list[Outline] = []
    count = len(collection.essays)
    for i, part in enumerate(collection.essays, 1):
        outline = build_outline(part, collection.title or stem)
        truncated = outline.meta.pop("truncated", False)
        outline.meta = {
            "source": document.source,
            "essay": i,
            "essays": count,
            "encoding": document.encoding,
            "collection": collection.title,
        }
        if truncated:
            outline.meta["truncated"] = True
        outline.meta["parser"] = PARSER
        outlines.append(outline)
    return outlines
