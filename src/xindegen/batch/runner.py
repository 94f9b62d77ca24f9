"""Many drafts from one manifest, in parallel, resumable, and checked to be distinct (查重).

Each draft is written atomically by a worker process; the parent takes the drafts in the order of
the manifest as they arrive, checks each against those taken before it (a draft sharing too much
is made again at once, with another seed), and records it in a journal (one JSON line with its
file, seed and counted text), so an interrupted run resumes with ``--resume``. Taking drafts in
manifest order makes a batch the same however its workers are scheduled; checking them as they
come leaves no similarity pass for the end.
"""

from __future__ import annotations

import errno
import gc
import json
import os
import pickle
import random
import signal
import stat
import sys
import tempfile
import threading
import time
from array import array
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ..errors import InputError, OutputError, Problem, XindegenError
from ..fsutil import describe_os_error, is_own_temp, signals_handled, stopped_by_signals
from ..similarity import INDEX_PREFIX, Index, Match, prepare
from .manifest import Row, check_data_dirs, error_text, read_manifest
from .names import check_pattern, render_name, safe_filename, unique

if TYPE_CHECKING:
    from ..compose.rhetoric import Rhetoric
    from ..llm.client import ChatClient
    from ..llm.config import LLMConfig

JOURNAL = ".xindegen-batch.jsonl"
LOCK = ".xindegen-batch.lock"
REPORT = "batch-report.csv"
LOG = "batch.log"
PAIR_LIMIT = 0.15  # the promise: no draft shares more with any one other draft
REGENERATE_ABOVE = 0.14  # a margin below it, as files read back differ a little from the text
ATTEMPTS = 3  # regenerations of one draft at most
# Regenerations in all: a few to try, one for every five drafts taken under the limit (at first or
# regenerated), and two more for each regenerated draft that came out under it. When a topic's data
# is exhausted (a thousand drafts on one topic), most drafts come out over the limit and new seeds no
# longer help, so the budget stops growing with the drafts taken: 388 regenerations for 1,000 drafts
# of one topic left 849 over the limit, 184 under this rule 867; 50 drafts of 3,000 characters on one
# topic need about one in five, and get as many as before.
TRIAL_REGENERATIONS = 4
PER_SUCCESS = 2
REGENERATE_SHARE = 0.2
SYNC_EVERY = 32  # journal lines written to disk together
AHEAD = 16  # drafts in flight per worker past the one to be taken next: workers stay busy meanwhile


@dataclass
class BatchOptions:
    out_dir: Path
    # Column values for rows that leave them out (the command line's --topic, --length, --style ...)
    defaults: dict[str, Any] = field(default_factory=dict)
    name: str = "{row}-{author}-{topic}.docx"
    jobs: int = 0  # 0: all cores
    resume: bool = False
    overwrite: bool = False
    shard: tuple[int, int] = (1, 1)
    seed: int | None = None
    writer: str = "offline"  # or "llm": a language model writes each draft's prose to its plan
    llm: LLMConfig | None = None  # the endpoint for writer "llm"
    material_anywhere: bool = False  # material, brief and like cells may name files outside the manifest's folder


@dataclass
class BatchResult:
    written: int = 0
    skipped: int = 0
    regenerated: int = 0
    failed: list[Problem] = field(default_factory=list)
    max_share: float = 0.0
    mean_share: float = 0.0
    over_limit: int = 0  # drafts still sharing more than PAIR_LIMIT with another after regeneration
    report: Path | None = None
    seed: int = 0


@dataclass
class _Job:
    row: int
    position: int  # index in the whole manifest, for spreading choices across the batch
    total: int
    batch_seed: int
    seed: int
    file: str
    values: dict[str, Any]
    replace: bool = False  # may replace an existing file (--overwrite, or our own unjournaled draft)
    variant: int = 0  # --writer llm: the way of writing asked for (each draft of a batch another)
    attempt: int = 0  # regenerations so far

    def again(self) -> _Job:
        """The same row with another seed, a fresh window of every batch-wide deck and another way
        of writing, replacing the draft just written."""
        n = self.attempt + 1
        return replace(self, seed=(self.seed + n * 7919) % 2**31, position=self.position + self.total,
                       variant=self.variant + 3, attempt=n, replace=True)


class _Spool:
    """The jobs of a run, pickled one after another in a temporary file beside the drafts (unlinked
    at once where the system allows): while the drafts are made the parent holds only those in
    flight, and the workers, forked from it, inherit no copy of the others (100,000 rows and jobs
    held in memory took about 85 MB, and forked workers inherited them)."""

    def __init__(self, workdir: Path) -> None:
        # open as long as the run is: closed by close()
        self._file = tempfile.TemporaryFile(prefix=INDEX_PREFIX, suffix=".jobs", dir=workdir)  # noqa: SIM115
        self.count = 0

    def append(self, job: _Job) -> None:
        pickle.dump(job, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def __iter__(self) -> Iterator[_Job]:
        """The jobs in the order they were put in (one reader at a time)."""
        self._file.flush()
        self._file.seek(0)
        for _ in range(self.count):
            job = pickle.load(self._file)
            assert isinstance(job, _Job)
            yield job

    def close(self) -> None:
        self._file.close()

Progress = Callable[[dict[str, Any], int], None]
Record = dict[str, Any]  # a journal line: row, file, seed, family, chars, text; or row and error


# ---- worker side -----------------------------------------------------------------------------

LockId = tuple[int, int, int]  # the lock's descriptor number, device and inode


def _signals_noted(stop: list[int]) -> AbstractContextManager[None]:
    """While the pool runs, Ctrl-C, SIGTERM and SIGHUP are noted in ``stop`` and acted on between drafts:
    a KeyboardInterrupt raised inside the pool's own code could leave it locked, and the batch hung
    after the signal (seen once in CI)."""
    return signals_handled(("SIGINT", "SIGTERM", "SIGHUP"), lambda signum, _frame: stop.append(signum))


def _init_worker(batch: int, lock: LockId | None) -> None:
    """Tie a worker process to the batch (pid ``batch``) that started it.

    A forked worker holds a copy of the lock's descriptor, and an orphaned worker (batch killed)
    would hold the lock for good, so ``--resume`` would be refused: the copy is closed here, and the
    worker ends with the batch — at once on Linux, within a second elsewhere.
    """
    import signal

    # Ctrl-C, SIGTERM and a closed terminal reach the whole process group; the parent alone stops
    # the batch cleanly (and under nohup goes on, as its workers must).
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    if lock is not None:
        fd, dev, ino = lock
        try:
            info = os.fstat(fd)
            if (info.st_dev, info.st_ino) == (dev, ino):  # inherited (fork), not some other file
                os.close(fd)
        except OSError:
            pass
    _die_with_batch(batch)


def _die_with_batch(batch: int) -> None:
    """End this worker when the batch ends. A worker forked by the batch asks the kernel for a signal
    when its parent dies (PR_SET_PDEATHSIG). One forked by a fork server is the server's child, and
    the server outlives a killed batch while any worker lives (each holds the server's lifeline), so
    such a worker watches the batch itself: through a descriptor of the process (pidfd, Linux),
    readable once it ends, or by asking every second whether it is still there."""
    if os.getppid() == batch:
        if sys.platform.startswith("linux"):
            try:
                import ctypes

                pr_set_pdeathsig = 1
                ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
            except (OSError, AttributeError):  # pragma: no cover - no libc to ask: the watch below does it
                pass
        if os.getppid() != batch:  # the batch died before the request above
            os._exit(1)

        def alive() -> bool:
            return os.getppid() == batch
    else:
        try:
            handle = os.pidfd_open(batch)  # type: ignore[attr-defined,unused-ignore]
        except ProcessLookupError:
            os._exit(1)
        except (AttributeError, OSError):  # pragma: no cover - no pidfd (not Linux, or before 5.3)
            handle = None
        if handle is not None:
            def wait_for_end() -> None:
                import select

                select.select([handle], [], [])
                os._exit(1)

            threading.Thread(target=wait_for_end, name="batch-watch", daemon=True).start()
            return

        def alive() -> bool:
            try:
                os.kill(batch, 0)
            except ProcessLookupError:
                return False
            except OSError:  # pragma: no cover - there, but not ours to signal
                return True
            return True

    def watch() -> None:  # every platform: a worker whose batch is gone stops within a second
        while alive():
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="batch-watch", daemon=True).start()


@dataclass
class _Pen:
    """--writer llm: the one client all drafts share, and the check of an answer against the drafts
    already finished (thread-safe: the drafts are written by threads of this process)."""

    client: ChatClient
    distinct: Callable[[str], tuple[float, list[str]]]  # an answer → its share, the passages


_RHETORIC: dict[tuple[Path, ...], Rhetoric] = {}  # per process: a batch's data is checked once, at its start


def _rhetoric(dirs: tuple[Path, ...]) -> Rhetoric:
    """The data for ``dirs``, loaded once per worker (a load checks every data file's time stamp)."""
    from ..compose.rhetoric import load_rhetoric

    found = _RHETORIC.get(dirs)
    if found is None:
        found = _RHETORIC[dirs] = load_rhetoric(dirs)
    return found


def _make(job: _Job, out_dir: Path, overwrite: bool, pen: _Pen | None = None) -> Record:
    """Compose, render and write one draft; returns its journal record."""
    from ..compose.draft import write_draft
    from ..compose.grammar import Spread
    from ..compose.request import request_from_options
    from ..fsutil import write_output
    from ..render.output import format_for, render_bytes, render_options

    request = request_from_options({**job.values, "seed": job.seed})
    spread = Spread(job.position, job.total, job.batch_seed)
    rh = _rhetoric(tuple(request.data_dirs))
    if pen is None:
        draft = write_draft(request, spread=spread, rhetoric=rh)
    else:
        draft = write_draft(request, writer="llm", client=pen.client, variant=job.variant, rhetoric=rh,
                            distinct=pen.distinct, parallel=False, spread=spread)
    path = out_dir / job.file
    data = render_bytes(draft, format_for(path, job.values.get("format")), render_options(job.values))
    write_output(path, data, overwrite=overwrite)
    text = "\n".join(draft.reading_lines())  # what a 查重 check reads back from the file
    rec: Record = {"row": job.row, "file": job.file, "seed": job.seed, "family": draft.meta["family"],
                   "chars": draft.body_chars(), "text": text,
                   "prepared": prepare(text)}  # the 查重 index's work on the text, done here (not journaled)
    writer = draft.meta.get("writer")
    if isinstance(writer, dict):  # who wrote what: the model's name and the parts kept offline, no key
        rec["writer"] = {"model": writer["model"], "approach": writer["approach_index"],
                         "offline": [x["part"] for x in writer["offline"]]}
    return rec


def _run_job(job: _Job, out_dir: Path, overwrite: bool, pen: _Pen | None = None) -> Record:
    from ..llm.client import LLMError

    try:
        return _make(job, out_dir, overwrite or job.replace, pen)
    except LLMError:  # the endpoint fails: every other row would fail alike, so the batch stops
        raise
    except XindegenError as exc:  # reported per row; the batch goes on
        return {"row": job.row, "error": error_text(exc)}


# ---- parent side -----------------------------------------------------------------------------

@contextmanager
def _lock(out_dir: Path) -> Iterator[LockId]:
    """One batch per directory; the OS drops the lock if the holder dies, so no stale lock."""
    handle = os.fdopen(_open_own(out_dir, LOCK, os.O_WRONLY | os.O_CREAT | os.O_APPEND), "a")
    try:
        try:
            import fcntl

            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # pragma: no cover - Windows: msvcrt locks the first byte
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            raise OutputError("另一个批量任务正在写入这个目录，请等它结束后再运行", out_dir) from None
        info = os.fstat(handle.fileno())
        yield handle.fileno(), info.st_dev, info.st_ino
    finally:
        handle.close()


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_OPEN_FLAGS = _NOFOLLOW | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _open_own(out_dir: Path, name: str, flags: int) -> int:
    """One of the batch's own files (lock, journal, log) in the output directory, as a descriptor.

    Never through a link: a journal or log linked to a file elsewhere would have that file truncated
    or appended to. Symbolic links are refused by the open itself (O_NOFOLLOW), hard links and
    anything but a regular file (a FIFO would block: O_NONBLOCK) after it, before a byte is written.
    """
    path = out_dir / name
    if not _NOFOLLOW and path.is_symlink():  # pragma: no cover - Windows has no O_NOFOLLOW
        raise OutputError(_LINKED, path)
    try:
        fd = os.open(path, flags | _OPEN_FLAGS, 0o666)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OutputError(_LINKED, path) from None
        if exc.errno == errno.ENXIO:  # a FIFO nobody reads
            raise OutputError(_NOT_FILE, path) from None
        raise OutputError(f"无法打开：{describe_os_error(exc)}", path) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
        os.close(fd)
        raise OutputError(_NOT_FILE if not stat.S_ISREG(info.st_mode) else _HARD_LINKED, path)
    return fd


_LINKED = "这是一个符号链接：批量任务不会通过链接写入别处的文件，请删除它或换一个输出目录"
_HARD_LINKED = "这个文件另有硬链接：批量任务不会写入别处也能看到的文件，请删除它或换一个输出目录"
_NOT_FILE = "这不是普通文件（目录、管道或设备），请删除它或换一个输出目录"
_RECORD = {"row": int, "file": str, "seed": int, "family": str, "chars": int, "text": str}


def _record(line: bytes) -> Record | None:
    """A journal line as written by :meth:`_Run.record`, or None for anything else."""
    try:
        rec = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(rec, dict) or any(type(rec.get(k)) is not t for k, t in _RECORD.items()):
        return None
    name = rec["file"]
    if name in ("", ".", "..") or "/" in name or "\\" in name:  # only files of this directory
        return None
    return rec


def _read_journal(out_dir: Path) -> tuple[dict[int, Record], int]:
    """The finished drafts by row, and how many bytes of the journal are whole records.

    A last line without its newline was cut by a kill or a full disk (maybe inside a UTF-8
    character): it is left out, and its draft made again. Any other line that is not a record
    was changed by hand: it is named by number rather than guessed at.
    """
    records: dict[int, Record] = {}
    if not _size(out_dir / JOURNAL):
        return records, 0
    with os.fdopen(_open_own(out_dir, JOURNAL, os.O_RDONLY), "rb") as fh:
        data = fh.read()
    lines = data.split(b"\n")[:-1]  # what follows the last newline is empty, or a line torn mid-write
    for number, line in enumerate(lines, start=1):
        rec = _record(line) if line.strip() else None
        if rec is None and line.strip():
            raise InputError("续做日志的这一行不是本程序写的记录（被改动过或已损坏）：删掉这一行后再加 --resume"
                             "（那一篇会重新生成），或换一个输出目录", out_dir / JOURNAL, number)
        if rec is not None and (out_dir / rec["file"]).is_file():
            records[rec["row"]] = rec
    return records, data.rfind(b"\n") + 1


def _size(path: Path) -> int:
    """The size of ``path`` itself (a link's own), 0 when there is none."""
    try:
        return path.lstat().st_size
    except FileNotFoundError:
        return 0


def _first_write(out_dir: Path, done: dict[int, Record]) -> float:
    """When the interrupted run started: the oldest file it journaled."""
    times = [(out_dir / r["file"]).stat().st_mtime for r in done.values()]
    return min(times, default=(out_dir / JOURNAL).stat().st_mtime)


def _ours(path: Path, started: float) -> bool:
    """A file written after the interrupted run started, but killed before it was journaled."""
    try:
        return path.stat().st_mtime >= started - 1
    except OSError:
        return False


def _shard(rows: list[Row], shard: tuple[int, int]) -> list[tuple[int, Row]]:
    i, n = shard
    return [(pos, row) for pos, row in enumerate(rows) if pos % n == i - 1]


def run_batch(manifest: Path, options: BatchOptions, progress: Progress | None = None) -> BatchResult:
    """Make every draft of ``manifest`` (or of its shard) in ``options.out_dir``.

    ``progress(record, planned)`` is called after each draft; ``planned`` is the number of drafts
    this run makes (regenerated drafts come on top).
    """
    out = options.out_dir
    check_pattern(options.name)
    parsed = read_manifest(manifest, options.defaults, options.material_anywhere)
    check_data_dirs(parsed, options.defaults)  # a data error inside a worker would only say the pool broke
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"无法创建输出目录：{exc.strerror or exc}", out) from None
    result = BatchResult(failed=list(parsed.problems))
    result.seed = options.seed if options.seed is not None else random.SystemRandom().randrange(2**31)
    with stopped_by_signals(), _lock(out) as lock:
        _Run(manifest, options, result, progress, lock).run(parsed.rows)
    return result


class _Taken:
    """The finished drafts by row, column by column (file, seed, 小标题族, characters): a batch of
    100,000 drafts keeps about 200 bytes a draft here, not a dictionary each."""

    def __init__(self) -> None:
        self._slot: dict[int, int] = {}  # row -> position in the columns
        self.files: list[str] = []
        self._seeds = array("q")
        self._chars = array("q")
        self._family = array("i")  # position in _names
        self._families: dict[str, int] = {}  # the kinds' families of subtitles: a few
        self._names: list[str] = []

    def add(self, rec: Record) -> None:
        self._slot[rec["row"]] = len(self.files)
        self.files.append(rec["file"])
        self._seeds.append(rec["seed"])
        self._chars.append(rec["chars"])
        family = self._families.get(rec["family"])
        if family is None:
            family = self._families[rec["family"]] = len(self._names)
            self._names.append(rec["family"])
        self._family.append(family)

    def __contains__(self, row: int) -> bool:
        return row in self._slot

    def __len__(self) -> int:
        return len(self._slot)

    def rows(self) -> list[int]:
        return sorted(self._slot)

    def get(self, row: int) -> tuple[str, int, str, int]:
        """The draft of ``row``: file, seed, 小标题族, characters."""
        i = self._slot[row]
        return self.files[i], self._seeds[i], self._names[self._family[i]], self._chars[i]


class _Run:
    """One batch in its locked output directory, and everything it keeps track of.

    ``done`` holds every finished draft by row (from an earlier run too, with ``--resume``);
    ``index`` their 13-character windows for the 查重 pass, and ``_worst`` the share of each with
    its worst partner by the index's number of the draft; ``jobs`` the drafts this run makes, spooled
    to a temporary file.
    :meth:`record` is the one place a finished draft is taken in.
    """

    _journal: TextIO  # the journal and batch.log, open while run() makes drafts
    _log: TextIO

    def __init__(self, manifest: Path, options: BatchOptions, result: BatchResult, progress: Progress | None,
                 lock: LockId | None = None):
        self.manifest = manifest
        self.lock = lock
        self.options = options
        self.out = options.out_dir
        self.result = result
        self.progress = progress
        self.done = _Taken()
        self._planned = 0  # drafts this run makes
        # filled as drafts are taken, while the workers write the next ones; on disk beside the
        # drafts past a size (we hold the lock: an index left there is a killed run's)
        for stale in self.out.glob(f"{INDEX_PREFIX}*"):
            stale.unlink(missing_ok=True)
        self.index = Index(workdir=self.out)
        self.jobs = _Spool(self.out)
        self._worst = array("d")  # by the index's number of a draft: the share with its worst partner
        self._partner = array("i")  # and that partner's number (-1: none)
        self._paid = 0  # regenerated drafts that came out under the limit
        self._clean = 0  # drafts that came out under the limit, at first or regenerated
        self._unsynced = 0  # journal lines not yet forced to disk
        self._index_lock = threading.Lock()  # --writer llm: threads probe the index while drafts arrive
        self._pen: _Pen | None = None

    def run(self, rows: list[Row]) -> None:
        try:
            with self.index:
                self._run_with_pen(rows)
        finally:
            self.jobs.close()

    def _run_with_pen(self, rows: list[Row]) -> None:
        if self.options.writer == "llm":
            from ..llm.client import ChatClient
            from ..llm.config import load_llm_config

            client = ChatClient(self.options.llm or load_llm_config())  # before any file is touched
            self._pen = _Pen(client, self._distinct)
        try:
            self._run(rows)
        finally:
            if self._pen is not None:
                self._pen.client.close()

    def _run(self, rows: list[Row]) -> None:
        from ..llm.client import LLMError

        started, resumed = self._take_over()
        self._plan(rows, started, resumed)
        rows.clear()  # each row lives on in its job alone, on disk until its draft is made
        self._planned = self.jobs.count
        for row in sorted(resumed):  # an earlier run's drafts, compared as they were taken then
            rec = resumed.pop(row)
            self.done.add(rec)
            self._index(rec["file"], rec.pop("text"))  # the index keeps the text, on disk past a size
        append = os.O_WRONLY | os.O_CREAT | os.O_APPEND
        with os.fdopen(_open_own(self.out, JOURNAL, append), "a", encoding="utf-8") as journal, \
                os.fdopen(_open_own(self.out, LOG, append), "a", encoding="utf-8") as log:
            self._journal, self._log = journal, log
            try:
                self._execute()
            except LLMError as exc:
                log.write(f"停止：{exc.message}\n")
                if self.done:
                    raise LLMError(f"{exc.message}；已写好的 {len(self.done)} 篇已记入日志，"
                                   "排除故障后用同样的命令加 --resume 接着做") from None
                raise
            finally:
                journal.flush()
                os.fsync(journal.fileno())
        self._report()

    def _distinct(self, text: str) -> tuple[float, list[str]]:
        """How much of a draft's answer another finished draft already has, and the shared passages."""
        with self._index_lock:
            m = self.index.probe(text)
        return m.partner_share, m.passages

    def _take_over(self) -> tuple[float, dict[int, Record]]:
        """Clear what a killed run left; returns when the run being resumed started, and with
        ``--resume`` the journal's records by row."""
        out, resume = self.out, self.options.resume
        fd = _open_own(out, JOURNAL, os.O_WRONLY | os.O_CREAT)
        try:
            if os.fstat(fd).st_size and not resume and not self.options.overwrite:
                # Starting afresh would forget which drafts are ours: each would then be "文件已存在".
                raise OutputError("这个目录里有上一次批量任务的记录：接着上次做请加 --resume，"
                                  "全部重新生成请加 --overwrite，或换一个输出目录", out)
            for stale in out.glob(".*.tmp"):  # temp files of a run killed mid-write (we hold the lock)
                if is_own_temp(stale.name) and stale.is_file() and not stale.is_symlink():
                    stale.unlink(missing_ok=True)
            done, keep = _read_journal(out) if resume else ({}, 0)
            os.ftruncate(fd, keep)  # afresh, or without a torn last line that later records would follow
        finally:
            os.close(fd)
        return (out / JOURNAL).stat().st_mtime if not done else _first_write(out, done), done

    def _plan(self, rows: list[Row], started: float, resumed: dict[int, Record]) -> None:
        """A job per row of this shard not done yet (not in ``resumed``), with its file name and seed."""
        options, batch_seed = self.options, self.result.seed
        taken = {rec["file"].lower() for rec in resumed.values()}
        for pos, row in _shard(rows, options.shard):
            if row.number in resumed:
                self.result.skipped += 1
                continue
            v = row.values
            fields = {**v, "row": row.number, "n": pos + 1}
            name = safe_filename(str(v["filename"])) if v.get("filename") else render_name(options.name, fields)
            if "." not in name:
                name += f".{v['format']}" if v.get("format") else Path(options.name).suffix or ".docx"
            seed = int(v["seed"]) if v.get("seed") is not None else (batch_seed * 1_000_003 + row.number) % 2**31
            job = _Job(row.number, pos, len(rows), batch_seed, seed, unique(name, taken), v, variant=pos)
            job.replace = options.overwrite or (options.resume and _ours(self.out / job.file, started))
            self.jobs.append(job)

    def _index(self, file: str, text: str, match: Match | None = None) -> None:
        """Put a taken draft in the index; it and the partners it was measured against keep their
        worst share (``match``: the draft's probe, when it was just made)."""
        with self._index_lock:
            m = match or self.index.probe(text, back=self._may_raise)
            self.index.add(file, text)
        me = self.index.number(file)
        assert me == len(self._worst)  # numbered in the order taken, as the columns grow
        self._worst.append(m.partner_share)
        self._partner.append(self.index.number(m.partner) if m.partner else -1)
        for other, share in m.back.items():
            k = self.index.number(other)
            if share > self._worst[k]:
                self._worst[k], self._partner[k] = share, me

    def _may_raise(self, partner: str, estimate: float) -> bool:
        """Whether a new draft may be ``partner``'s worst or over the limit for it: its exact share is
        measured only then (the estimate, counted on the new draft's side, differs little from it)."""
        return estimate > 0.8 * min(self._worst[self.index.number(partner)], REGENERATE_ABOVE)

    def take(self, job: _Job, rec: Record) -> _Job | None:
        """The draft of ``job`` has arrived: record it, or return the job that makes it again."""
        if "error" not in rec:
            with self._index_lock:
                m = self.index.probe(rec["text"], back=self._may_raise, prepared=rec.pop("prepared", None))
            share = max([m.partner_share, *m.back.values()])  # a pair counts from both sides
            if share <= REGENERATE_ABOVE:
                self._clean += 1
                self._paid += job.attempt > 0
            budget = TRIAL_REGENERATIONS + PER_SUCCESS * self._paid + REGENERATE_SHARE * self._clean
            if share > REGENERATE_ABOVE and job.attempt < ATTEMPTS and self.result.regenerated < budget:
                self.result.regenerated += 1
                self._log.write(f"第 {job.row} 行 与另一篇重复 {share:.1%}，换种子重新生成\n")
                if self.progress:
                    self.progress({"row": job.row, "regenerated": True}, self._planned)
                return job.again()
            rec["match"] = m
        self.record(rec)
        return None

    def record(self, rec: Record) -> None:
        """Take in a finished draft (or a row's error): journal, index, log, progress."""
        if "error" in rec:
            self.result.failed.append(Problem(str(self.manifest), rec["row"], "", rec["error"]))
            self._log.write(f"第 {rec['row']} 行 失败：{rec['error']}\n")
        else:
            match = rec.pop("match", None)
            self._journal.write(json.dumps(rec, ensure_ascii=False) + "\n")  # handed over by _hand_over
            self._unsynced += 1
            self.done.add(rec)  # the text: the index has it
            self._index(rec["file"], rec["text"], match)
            self.result.written += 1
            by = ""
            if "writer" in rec:
                kept = rec["writer"]["offline"]
                by = f"，大模型 {rec['writer']['model']}" + (f"，{'、'.join(kept)}用离线稿" if kept else "")
            self._log.write(f"第 {rec['row']} 行 → {rec['file']}（种子 {rec['seed']}，{rec['chars']} 字{by}）\n")
        if self.progress:
            self.progress(rec, self._planned)

    def _hand_over(self) -> None:
        """Journal and log lines written since the last call go to the system (a killed batch keeps
        them; one killed before loses only drafts taken since, made again by --resume), and to the
        disk every SYNC_EVERY journal lines (a power cut loses at most these: made again too).
        Called before the batch waits for a draft: one write for the drafts taken meanwhile."""
        self._journal.flush()
        self._log.flush()
        if self._unsynced >= SYNC_EVERY:
            os.fsync(self._journal.fileno())
            self._unsynced = 0

    def _execute(self) -> None:
        jobs, out, overwrite, pen = self.jobs, self.out, self.options.overwrite, self._pen
        if not jobs.count:
            return
        if pen is not None:  # waiting on the endpoint, not on the CPU: threads, as many as requests allowed
            workers = self.options.jobs or pen.client.config.concurrency
        else:
            workers = self.options.jobs or os.cpu_count() or 1
        if workers == 1 or jobs.count == 1:
            for next_job in jobs:
                job: _Job | None = next_job
                while job is not None:
                    job = self.take(job, _run_job(job, out, overwrite, pen))
                    self._hand_over()
            return
        if pen is None:
            # Forked workers share this process's pages (the data loaded above) until either writes
            # them; a collection passing over every object would, so the objects made so far are
            # left out of collections while the workers run.
            gc.freeze()
        try:
            self._pooled(workers)
        finally:
            gc.unfreeze()

    def _pooled(self, workers: int) -> None:
        out, overwrite, pen = self.out, self.options.overwrite, self._pen
        jobs, total = iter(self.jobs), self.jobs.count
        pool: Executor = (ThreadPoolExecutor(workers) if pen is not None
                          else ProcessPoolExecutor(workers, initializer=_init_worker,
                                                   initargs=(os.getpid(), self.lock)))
        stop: list[int] = []
        with pool, _signals_noted(stop):
            running: dict[Future[Record], int] = {}  # → the job's place in the run
            pending: dict[int, _Job] = {}  # the jobs handed to the pool and not yet taken, by place
            arrived: dict[int, Record] = {}
            submitted = taken = 0  # jobs handed to the pool, and taken in manifest order
            try:
                while taken < total:
                    while submitted < total and submitted - taken < workers * AHEAD:
                        job = pending[submitted] = next(jobs)
                        running[pool.submit(_run_job, job, out, overwrite, pen)] = submitted
                        submitted += 1
                    self._hand_over()
                    finished, _ = wait(running, timeout=0.2, return_when=FIRST_COMPLETED)
                    if stop:  # acted on here, where no lock of the pool is held
                        raise KeyboardInterrupt
                    for f in finished:
                        arrived[running.pop(f)] = f.result()
                    while taken in arrived:
                        redo = self.take(pending[taken], arrived.pop(taken))
                        if redo is not None:
                            pending[taken] = redo
                            running[pool.submit(_run_job, redo, out, overwrite, pen)] = taken
                            break
                        del pending[taken]  # its row and values go with it
                        taken += 1
            except BrokenProcessPool:  # a worker died (out of memory, killed): no traceback, say how to go on
                raise OutputError(f"有一个工作进程意外退出（可能是内存不足或被终止）；已写好的 {len(self.done)} 篇"
                                  "已记入日志，用同样的命令加 --resume 接着做", self.out) from None
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise

    def _report(self) -> None:
        """batch-report.csv (UTF-8 with BOM, for Excel) with each draft's worst partner."""
        import csv
        import io

        from ..fsutil import write_output

        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(["行号", "文件", "种子", "小标题族", "字数", "最高相似度", "相似对象"])
        shares = []
        for row in self.done.rows():
            file, seed, family, chars = self.done.get(row)
            k = self.index.number(file)
            share, partner = self._worst[k], self._partner[k]
            shares.append(share)
            writer.writerow([row, _cell(file), seed, _cell(family), chars, f"{share:.1%}",
                             _cell(self.index.name(partner) if partner >= 0 else "")])
        result = self.result
        result.report = self.out / REPORT
        result.over_limit = sum(share > PAIR_LIMIT for share in shares)
        result.max_share = max(shares, default=0.0)
        result.mean_share = sum(shares) / len(shares) if shares else 0.0
        write_output(result.report, "\ufeff" + buf.getvalue(), overwrite=True)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what Excel and WPS read as the start of a formula


def _cell(text: str) -> str:
    """A report cell Excel shows as text: names come from the manifest, and ``=HYPERLINK(…)`` in one
    would be a live formula (CSV injection). A leading apostrophe is Excel's own mark for text."""
    return "'" + text if text.startswith(FORMULA_START) else text


def parse_shard(text: str) -> tuple[int, int]:
    """``2/8`` → (2, 8)."""
    try:
        i, n = (int(x) for x in text.split("/"))
    except ValueError:
        raise XindegenError(f"--shard 应写成 i/N，如 2/8，而不是“{text}”") from None
    if not 1 <= i <= n:
        raise XindegenError(f"--shard {text}：i 应在 1 到 {n} 之间")
    return i, n
