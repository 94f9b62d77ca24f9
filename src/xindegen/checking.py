"""`xindegen check`: read drafts (.docx, .md, .txt) and report how much each shares with others."""

from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .similarity import Index, Match

SUFFIXES = (".docx", ".md", ".txt", ".markdown", ".text")


def read_text(path: Path) -> str:
    from .ingest import read_document

    return "\n".join(block.text for block in read_document(path).blocks)


def _expand(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.suffix.lower() in SUFFIXES and f.is_file()))
        elif p.suffix.lower() in SUFFIXES:
            out.append(p)
        else:
            raise InputError("只能检查 .docx、.md、.txt 文件或包含它们的目录", p)
    return out


def check_files(files: list[Path], against: list[Path] | None = None) -> list[Match]:
    """Each of ``files`` against the others, or against ``against`` when given."""
    mine = _expand(files)
    if not mine:
        raise InputError("没有要检查的文件")
    others = [p for p in _expand(against or []) if p not in mine]
    index = Index()
    for path in [*mine, *others]:
        index.add(str(path), read_text(path))
    among = {str(p) for p in others} if against else None
    return [index.report(str(p), among) for p in mine]
