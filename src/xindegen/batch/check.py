"""`xindegen check`: read drafts (.docx, .md, .txt) and report how much each shares with others."""

from __future__ import annotations

import os
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from ..errors import InputError, XindegenError
from ..parse.ingest import read_text
from ..safeio import ZipBomb, check_zip, read_user_file
from ..similarity import Index, Match, Prepared, prepare

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


# ---- our own .docx, read without python-docx -------------------------------------------------------
# A draft xindegen wrote is one flat list of body paragraphs of plain runs. Its text is taken with
# regular expressions, about ten times faster than opening the package with python-docx; a file that
# is not exactly of that shape (any other producer, any other element) is read by python-docx.

_PROPS = r"(?:<(?!/?w:(?:p|r|t|body|document)\b)[^<>]*>)*?"  # property elements only: no text in them
_CHARS = r"[^<&\r]*(?:&(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});[^<&\r]*)*"
_RUN = (rf"<w:r>(?:<w:rPr>{_PROPS}</w:rPr>)?"
        rf"(?:<w:t(?: xml:space=\"preserve\")?>{_CHARS}</w:t>|<w:tab/>|<w:br/>)*</w:r>")
_OWN_DOCUMENT = re.compile(
    r"<\?xml [^<>]*encoding=['\"]UTF-8['\"][^<>]*\?>\s*"
    r"<w:document [^<>]*xmlns:w=\"http://schemas\.openxmlformats\.org/wordprocessingml/2006/main\"[^<>]*>"
    rf"<w:body>(?:<w:p/>|<w:p>(?:<w:pPr>{_PROPS}</w:pPr>)?(?:{_RUN})*</w:p>)*"
    rf"(?:<w:sectPr(?: [^<>]*)?/>|<w:sectPr(?: [^<>]*)?>{_PROPS}</w:sectPr>)?</w:body></w:document>\s*")
_PARAGRAPH = re.compile(r"<w:p/>|<w:p>(.*?)</w:p>", re.DOTALL)
_PIECE = re.compile(r"<w:t(?: xml:space=\"preserve\")?>([^<]*)</w:t>|<w:(tab|br)/>")
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_APP = b"<Application>xindegen</Application>"
_MAIN_REL = (b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
             b'Target="word/document.xml"')
_MAIN_TYPE = (b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
              b'officedocument.wordprocessingml.document.main+xml"/>')


def _entity(m: re.Match[str]) -> str:
    name = m.group(1)
    if name[0] != "#":
        return _NAMED[name]
    code = int(name[2:], 16) if name[1] == "x" else int(name[1:])
    if not (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF):
        raise ValueError("not an XML character")  # python-docx refuses it: so does read_text
    return chr(code)


def own_docx_text(data: bytes) -> str | None:
    """The text ``read_text`` gives for a .docx xindegen wrote (``data``: its bytes), or None for
    any other file, to be read by python-docx."""
    try:
        parts = check_zip(data)
    except (ZipBomb, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, OSError):
        return None  # read_text says what is wrong
    if (_APP not in parts.get("docProps/app.xml", b"") or _MAIN_REL not in parts.get("_rels/.rels", b"")
            or _MAIN_TYPE not in parts.get("[Content_Types].xml", b"")):
        return None
    try:
        xml = parts["word/document.xml"].decode("utf-8")
        if _OWN_DOCUMENT.fullmatch(xml) is None:
            return None
        lines = []
        for para in _PARAGRAPH.finditer(xml[xml.index("<w:body>"):]):
            text = "".join(("\t" if kind == "tab" else "\n") if kind else t
                           for t, kind in _PIECE.findall(para.group(1) or ""))
            if "&" in text:
                text = _ENTITY.sub(_entity, text)
            lines += [line for line in text.split("\n") if line.strip()]
    except (KeyError, UnicodeDecodeError, ValueError):
        return None
    return "\n".join(lines)


def read_draft(path: Path) -> str:
    """What :func:`read_text` reads from ``path``: our own .docx drafts without python-docx."""
    if path.suffix.lower() == ".docx":
        text = own_docx_text(read_user_file(path))  # a file it cannot read is refused as read_text does
        if text is not None:
            return text
    return read_text(path)


PARALLEL_FROM = 100  # files; below this, starting worker processes costs more than it saves


class _Failed(NamedTuple):  # sent back as plain values: exceptions need not pickle
    message: str
    file: str | None
    line: int | None


def _read_or_error(path: Path) -> tuple[str, Prepared] | _Failed:
    """A file's text, and what the index makes of it (made here, on another core)."""
    try:
        text = read_draft(path)
    except XindegenError as exc:
        return _Failed(exc.message, exc.file, exc.line)
    return text, prepare(text)


def _read_all(paths: list[Path]) -> Iterator[tuple[str, Prepared | None]]:
    """The texts of ``paths`` in order, read on every core when there are many (reading .docx
    dominates), handed on as they come so the index takes them while the rest are read."""
    if len(paths) < PARALLEL_FROM:
        yield from ((read_draft(p), None) for p in paths)
        return
    from concurrent.futures import ProcessPoolExecutor

    from .runner import _init_worker

    # workers end with this process, and leave Ctrl-C to it
    with ProcessPoolExecutor(initializer=_init_worker, initargs=(os.getpid(), None)) as pool:
        try:
            for r in pool.map(_read_or_error, paths, chunksize=16):
                if isinstance(r, _Failed):
                    raise InputError(r.message, r.file, r.line)
                yield r
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)  # what is not started is not waited for
            raise


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

    def texts(paths: list[Path]) -> Iterator[tuple[Path, str, Prepared | None]]:
        for path, (text, prepared) in zip(paths, _read_all(paths), strict=True):
            if not text.strip():
                raise InputError("文件中没有文字，无法查重", path)
            yield path, text, prepared

    with Index() as index:  # on disk past a size: memory stays bounded however many files
        if against:  # each file against the others given, not against each other
            for path, text, prepared in texts(others):
                index.add(str(path), text, prepared)
            return [index.probe(text, name=str(path), prepared=prepared) for path, text, prepared in texts(mine)]
        for path, text, prepared in texts(mine):
            index.add(str(path), text, prepared)
        return _report_all(index, [str(p) for p in mine])


_SHARED: Index | None = None  # the finished index, as forked workers see it


def _attach(parent: int) -> None:
    from .runner import _init_worker

    _init_worker(parent, None)  # ends with the check, and leaves Ctrl-C to it
    assert _SHARED is not None
    _SHARED.reopen()


def _reports(names: list[str]) -> list[Match]:
    assert _SHARED is not None
    return [_SHARED.report(name) for name in names]


def _report_all(index: Index, names: list[str]) -> list[Match]:
    """``index.report`` of each of ``names``, on every core when there are many: the index is
    finished, and forked workers read it where it is (memory, or the database file) without a copy.
    Each report depends on the index alone, not on which process makes it."""
    global _SHARED
    if len(names) < PARALLEL_FROM or (os.cpu_count() or 1) < 2 or not sys.platform.startswith("linux"):
        return [index.report(name) for name in names]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    index.flush()
    _SHARED = index
    try:
        with ProcessPoolExecutor(mp_context=multiprocessing.get_context("fork"), initializer=_attach,
                                 initargs=(os.getpid(),)) as pool:
            try:
                parts = [names[k:k + 64] for k in range(0, len(names), 64)]
                return [m for part in pool.map(_reports, parts) for m in part]
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise
    finally:
        _SHARED = None
