"""`xindegen check`: read drafts (.docx, .md, .txt) and report how much each shares with others."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, XindegenError
from ..parse.ingest import read_text
from ..similarity import Index, Match

SUFFIXES = (".docx", ".md", ".txt", ".markdown", ".text")


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


PARALLEL_FROM = 100  # files; below this, starting worker processes costs more than it saves


def _read_or_error(path: Path) -> str | tuple[str, str | None, int | None]:
    try:
        return read_text(path)
    except XindegenError as exc:  # sent back as plain values: exceptions need not pickle
        return exc.message, exc.file, exc.line


def _read_all(paths: list[Path]) -> Iterator[str]:
    """The texts of ``paths`` in order, read on every core when there are many (reading .docx
    dominates), handed on as they come so the index takes them while the rest are read."""
    if len(paths) < PARALLEL_FROM:
        yield from (read_text(p) for p in paths)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor() as pool:
        for r in pool.map(_read_or_error, paths, chunksize=16):
            if isinstance(r, tuple):
                raise InputError(r[0], r[1], r[2])
            yield r


def check_files(files: list[Path], against: list[Path] | None = None) -> list[Match]:
    """Each of ``files`` against the others, or against ``against`` when given."""
    mine = _expand(files)
    if not mine:
        raise InputError("没有要检查的文件")
    seen: set[Path] = set()
    for p in mine:  # one file given twice would be reported as copying itself
        if p.resolve() in seen:
            raise InputError("同一个文件给出了两次（不能与自己查重）", p)
        seen.add(p.resolve())
    others = [p for p in _expand(against or []) if p not in mine and p.resolve() not in seen]

    def texts(paths: list[Path]) -> Iterator[tuple[Path, str]]:
        for path, text in zip(paths, _read_all(paths), strict=True):
            if not text.strip():
                raise InputError("文件中没有文字，无法查重", path)
            yield path, text

    with Index() as index:  # on disk past a size: memory stays bounded however many files
        if against:  # each file against the others given, not against each other
            for path, text in texts(others):
                index.add(str(path), text)
            return [index.probe(text, name=str(path)) for path, text in texts(mine)]
        for path, text in texts(mine):
            index.add(str(path), text)
        return [index.report(str(p)) for p in mine]
