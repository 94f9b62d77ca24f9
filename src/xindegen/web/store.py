"""Everything a run of the server keeps, in one temporary directory removed when it stops.

``uploads/<id>/<name>`` holds each uploaded file under its own (made safe) name, so the library
reads it as if the person had named it on the command line; ``batches/<id>/`` holds a batch's
inputs (``in/``), its drafts (``out/``) and its .zip. Limits keep the directory bounded: the oldest
uploads and finished batches make way for new ones.
"""

from __future__ import annotations

import re
import secrets
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..batch.names import safe_filename


class ApiError(Exception):
    """A request the server refuses: an HTTP status and a message in Chinese."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


MAX_UPLOAD = 20 * 1024 * 1024  # per file: the parser's own limit
MAX_UPLOADS_TOTAL = 200 * 1024 * 1024
MAX_UPLOADS = 500
MAX_BATCHES = 5  # finished batches kept for download; the oldest make way
_ID = re.compile(r"[0-9a-f]{16}")


@dataclass
class Upload:
    id: str
    name: str
    path: Path
    size: int
    at: float


@dataclass
class BatchRun:
    """One batch: where it works, how far it got, and what it made."""

    id: str
    dir: Path
    state: str = "running"  # running → done | failed | cancelled
    done: int = 0
    planned: int = 0
    regenerated: int = 0
    problems: list[str] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    report: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    cancel: bool = False
    thread: threading.Thread | None = None
    started: float = field(default_factory=time.time)

    @property
    def inputs(self) -> Path:
        return self.dir / "in"

    @property
    def outputs(self) -> Path:
        return self.dir / "out"

    @property
    def zip(self) -> Path:
        return self.dir / "drafts.zip"

    def status(self) -> dict[str, Any]:
        return {"id": self.id, "state": self.state, "done": self.done, "planned": self.planned,
                "regenerated": self.regenerated, "problems": self.problems, "summary": self.summary,
                "report": self.report, "error": self.error,
                "zip": f"/api/batch/{self.id}/zip" if self.state == "done" else None}


class Store:
    """The run directory and what is in it; safe to use from several threads."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "uploads").mkdir(parents=True, exist_ok=True)
        (root / "batches").mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._uploads: dict[str, Upload] = {}
        self._batches: dict[str, BatchRun] = {}

    # ---- uploads ----
    def add_upload(self, name: str, data: bytes) -> Upload:
        clean = safe_filename(name.replace("\\", "/").rsplit("/", 1)[-1]) if name.strip() else "upload"
        uid = secrets.token_hex(8)
        folder = self.root / "uploads" / uid
        with self._lock:
            self._make_room(len(data))
            folder.mkdir()
            path = folder / clean
            tmp = folder / f".{uid}.tmp"
            tmp.write_bytes(data)
            tmp.replace(path)  # never a half-written upload under its name
            upload = Upload(uid, clean, path, len(data), time.time())
            self._uploads[uid] = upload
        return upload

    def _make_room(self, size: int) -> None:
        total = sum(u.size for u in self._uploads.values())
        for old in sorted(self._uploads.values(), key=lambda u: u.at):
            if total + size <= MAX_UPLOADS_TOTAL and len(self._uploads) < MAX_UPLOADS:
                break
            total -= old.size
            del self._uploads[old.id]
            shutil.rmtree(old.path.parent, ignore_errors=True)

    def upload(self, uid: Any, suffixes: tuple[str, ...] = (), what: str = "文件") -> Upload:
        """The upload ``uid`` names, which must end in one of ``suffixes`` (when given)."""
        if not isinstance(uid, str) or not _ID.fullmatch(uid):
            raise ApiError(400, f"{what}应为上传后得到的编号（id）")
        with self._lock:
            found = self._uploads.get(uid)
        if found is None:
            raise ApiError(400, f"找不到上传的{what}（服务重启后需要重新上传）")
        if suffixes and found.path.suffix.lower() not in suffixes:
            raise ApiError(400, f"{what}“{found.name}”应为 {'、'.join(suffixes)} 文件")
        return found

    # ---- batches ----
    def new_batch(self) -> BatchRun:
        with self._lock:
            if any(b.state == "running" for b in self._batches.values()):
                raise ApiError(409, "已有一个批量任务在进行，请等它完成后再开始新的")
            finished = sorted((b for b in self._batches.values()), key=lambda b: b.started)
            while len(finished) >= MAX_BATCHES:
                old = finished.pop(0)
                del self._batches[old.id]
                shutil.rmtree(old.dir, ignore_errors=True)
            bid = secrets.token_hex(8)
            run = BatchRun(bid, self.root / "batches" / bid)
            run.inputs.mkdir(parents=True)
            run.outputs.mkdir()
            self._batches[bid] = run
        return run

    def batch(self, bid: str) -> BatchRun:
        with self._lock:
            found = self._batches.get(bid)
        if found is None:
            raise ApiError(404, "找不到这个批量任务（服务重启后需要重新开始）")
        return found

    def drop_batch(self, run: BatchRun) -> None:
        with self._lock:
            self._batches.pop(run.id, None)
        shutil.rmtree(run.dir, ignore_errors=True)

    def close(self, wait: float = 30.0, remove: Callable[[Path], None] | None = None) -> None:
        """Stop running batches (at their next draft), wait for them, remove the directory."""
        with self._lock:
            running = [b for b in self._batches.values() if b.state == "running"]
        for run in running:
            run.cancel = True
        for run in running:
            if run.thread is not None:
                run.thread.join(wait)
        (remove or (lambda p: shutil.rmtree(p, ignore_errors=True)))(self.root)

    def display(self, text: str) -> str:
        """A library message with the run directory's paths shown as the names people gave."""
        root = re.escape(str(self.root))
        text = re.sub(root + r"/uploads/[0-9a-f]{16}/", "", text)
        text = re.sub(root + r"/batches/[0-9a-f]{16}/(?:in|out)/", "", text)
        return text.replace(str(self.root), "")
