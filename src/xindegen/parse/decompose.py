"""Decompose essays into outlines: the public face of ``xindegen parse``.

Pipeline: :mod:`ingest` (bytes → blocks) → :mod:`clean` (noise out) → :mod:`split`
(collection → essays) → :mod:`structure` (essay → :class:`Outline`).
"""

from __future__ import annotations

import contextlib
import json
import queue
from .. import lazyre as re  # patterns compile on first use: imports stay fast
import threading
from collections.abc import Iterator
from pathlib import Path

from .. import __version__
from ..errors import InputError, OutputError
from ..fsutil import (
    check_writable,
    commit_temp,
    describe_os_error,
    discard_temp,
    stopped_by_signals,
    write_temp,
)
from ..model import Outline
from ..outline_io import dumps_outline, dumps_outlines, outline_to_data
from ..text import CJK, cjk_count
from .clean import clean_blocks
from .ingest import MAX_BYTES, Block, Document, document_from_text, read_document
from .script import normalize_script
from .split import split_collection
from .structure import build_outline

__all__ = ["MAX_BYTES", "format_outlines", "parse_file", "parse_many", "parse_text", "write_outlines"]

PARSER = f"xindegen {__version__}"
# Names and figures a page left blank for the reader to fill in: XXX同志, 20xx年, __市, 是_的, ******员.
PLACEHOLDER = re.compile(
    rf"(?<![A-Za-z])(?:[xX]{{2,}}|[xX](?=[年月日号]))(?![A-Za-z])|_{{2,}}|＿+|\*{{3,}}|(?<=[{CJK}])_(?=[{CJK}])|某某")
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
    return list(_each_outline(document))


def _each_outline(document: Document) -> Iterator[Outline]:
    """The outlines of ``_parse``, each as soon as it is built (``write_outlines`` writes it meanwhile)."""
    blocks, converted = normalize_script(document.blocks)
    blocks = clean_blocks(blocks, glued_spaces=document.kind != "docx")
    if not _has_prose(blocks):
        raise InputError("没有找到中文正文（文件里几乎没有汉字）", document.file)
    try:
        collection = split_collection(blocks)
    except RecursionError:  # pragma: no cover - the stages are iterative; a last guard
        raise InputError("文本结构过于复杂，无法解析", document.file) from None
    stem = Path(document.source).stem
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
        if converted:
            outline.meta["converted"] = list(converted)
        blanks = sorted({m.group() for text in _texts(outline) if _MAY_BLANK.search(text)
                         for m in PLACEHOLDER.finditer(text)})
        if blanks:
            outline.meta["placeholders"] = blanks
        outline.meta["parser"] = PARSER
        yield outline


_MAY_BLANK = re.compile("[xX_＿*某]")


def _has_prose(blocks: list[Block]) -> bool:
    """At least MIN_PROSE Chinese characters (counted until there are: not the whole text)."""
    count = 0
    for block in blocks:
        count += cjk_count(block.text)
        if count >= MIN_PROSE:
            return True
    return False


def _texts(outline: Outline) -> list[str]:
    parts = [outline.title, outline.subtitle or "", *outline.lead.paragraphs, *outline.closing.paragraphs]
    for section in outline.sections:
        parts += [section.heading or "", *section.paragraphs]
    return parts


def parse_many(paths: list[Path]) -> list[Outline]:
    """The outlines of every essay in ``paths``, in order."""
    return [outline for path in paths for outline in parse_file(path)]


def format_outlines(outlines: list[Outline], as_json: bool = False) -> str:
    """A YAML stream (one document per essay) or, with ``as_json``, a JSON array."""
    if as_json:
        return json.dumps([outline_to_data(o) for o in outlines], ensure_ascii=False, indent=2) + "\n"
    return dumps_outlines(outlines)


def write_outlines(paths: list[Path], out_dir: Path, as_json: bool = False,
                   overwrite: bool = False) -> list[Path]:
    """Parse ``paths`` and write one file per essay into ``out_dir`` as ``<stem>-NN.yaml``.

    Every input is parsed and every target checked before the first file is put in place, so a
    bad input or an existing file (without ``overwrite``) leaves the directory as it was.
    """
    with stopped_by_signals():  # SIGTERM and SIGHUP clean up as Ctrl-C does: no temporary file stays
        return _write_outlines(paths, out_dir, as_json, overwrite)


def _write_outlines(paths: list[Path], out_dir: Path, as_json: bool, overwrite: bool) -> list[Path]:
    suffix = ".json" if as_json else ".yaml"
    planned: list[Path] = []
    targets: set[Path] = set()
    # Each file is written whole to a temporary name and synced while the next essays are parsed
    # (the syncs wait on the disk, not on Python, so a few threads run them side by side), then
    # all are renamed into place once everything is parsed; a failure removes the temporary files.
    tasks: queue.SimpleQueue[tuple[int, Path, str] | None] = queue.SimpleQueue()
    temps: dict[int, str] = {}
    failed: dict[int, BaseException] = {}
    stop = threading.Event()
    writers: list[threading.Thread] = []
    created: list[Path] = []  # directories made here, removed again if nothing is written
    unusable: OutputError | None = None  # out_dir's problem, reported after the inputs' own

    def writer() -> None:
        while (task := tasks.get()) is not None:
            number, target, text = task
            if stop.is_set():
                continue  # after a failure or an interruption, files not started are not written
            try:
                temps[number] = write_temp(target, text, overwrite)
            except BaseException as exc:  # handed to the main thread
                failed[number] = exc
                stop.set()

    committed = False
    try:
        for path in paths:
            for outline in _each_outline(read_document(Path(path))):
                target = out_dir / f"{Path(path).stem}-{outline.meta['essay']:02d}{suffix}"
                if target in targets:
                    raise OutputError("两个输入文件同名，输出文件会互相覆盖，请分开处理", target)
                check_writable(target, overwrite)
                targets.add(target)
                planned.append(target)
                if not writers and unusable is None:
                    unusable = _make_dir(out_dir, created)
                    if unusable is None:
                        writers = [threading.Thread(target=writer, daemon=True) for _ in range(WRITERS)]
                        for thread in writers:
                            thread.start()
                if writers and not stop.is_set():
                    tasks.put((len(planned) - 1, target, _dumps(outline, as_json)))
        if not writers and unusable is None:
            unusable = _make_dir(out_dir, created)  # (no input held an essay to write)
        if unusable is not None:
            raise unusable
        _finish(writers, tasks)
        if failed:
            raise failed[min(failed)]  # the first failure, in order, is the one reported
        for number, target in enumerate(planned):
            check_writable(target, overwrite)
            commit_temp(temps.pop(number), target, overwrite)
        committed = True
    finally:
        stop.set()
        _finish(writers, tasks)  # files under way finish whole, and are removed
        for tmp in temps.values():
            discard_temp(tmp)
        if not committed:
            for directory in reversed(created):
                with contextlib.suppress(OSError):
                    directory.rmdir()  # only if still empty
    return planned


def _dumps(outline: Outline, as_json: bool) -> str:
    if as_json:
        return json.dumps(outline_to_data(outline), ensure_ascii=False, indent=2) + "\n"
    return dumps_outline(outline, fast=True)


def _make_dir(out_dir: Path, created: list[Path]) -> OutputError | None:
    """Make ``out_dir`` (noting in ``created`` each directory made), or say why it cannot be."""
    if out_dir.exists() and not out_dir.is_dir():
        return OutputError("输出位置不是目录", out_dir)
    missing = [d for d in (out_dir, *out_dir.parents) if not d.exists()]
    try:
        for directory in reversed(missing):
            directory.mkdir(exist_ok=True)
            created.append(directory)
    except OSError as exc:
        return OutputError(f"无法创建目录：{describe_os_error(exc)}", out_dir)
    return None


def _finish(writers: list[threading.Thread], tasks: queue.SimpleQueue[tuple[int, Path, str] | None]) -> None:
    """Let the writer threads finish the files under way and end; once only."""
    if writers:
        for _ in writers:
            tasks.put(None)
        for thread in writers:
            thread.join()
        writers.clear()


WRITERS = 8
"""Output files written at once by ``write_outlines``."""
