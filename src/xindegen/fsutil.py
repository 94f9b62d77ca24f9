"""Safe output: never overwrite unasked, never leave a half-written file."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import OutputError


def describe_os_error(exc: OSError) -> str:
    """A short Chinese reason for the common ways a write fails."""
    reasons = {
        errno.ENOSPC: "磁盘空间不足",
        errno.EDQUOT: "超出磁盘配额",
        errno.EACCES: "没有写入权限",
        errno.EPERM: "没有写入权限",
        errno.EROFS: "文件系统只读",
        errno.ENOENT: "目录不存在",
        errno.ENOTDIR: "路径中有一项不是目录",
        errno.EISDIR: "这是一个目录",
        errno.ENAMETOOLONG: "文件名太长",
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))


def check_writable(path: Path, overwrite: bool) -> None:
    """Fail early, before any work, when ``path`` exists and may not be replaced."""
    try:
        mode = os.stat(path).st_mode  # one look, not three (a directory of outputs checks each)
    except ValueError:
        return
    except OSError as exc:
        if exc.errno in _ABSENT:
            return
        raise
    if stat.S_ISDIR(mode):
        raise OutputError("这是一个目录，不能作为输出文件", path)
    if not stat.S_ISREG(mode):  # renaming over /dev/null or a FIFO would replace the node itself
        raise OutputError("不是普通文件（设备、管道或套接字），不能作为输出文件", path)
    if not overwrite:
        raise OutputError("文件已存在（如需覆盖，请加 --overwrite）", path)


_ABSENT = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)  # what pathlib's exists() takes for "no file"


def _mode_of(path: Path) -> int | None:
    """Permission bits of the regular file at ``path``, which a replacement keeps; None if absent."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return stat.S_IMODE(st.st_mode) if stat.S_ISREG(st.st_mode) else None


def write_output(path: Path, data: str | bytes, overwrite: bool = False) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place.

    An interruption at any point (Ctrl-C, a full disk) leaves either the old file or none, and no
    temporary file. Without ``overwrite`` an existing file is refused, even one that appeared
    while we were writing.
    """
    check_writable(path, overwrite)
    commit_temp(write_temp(path, data, overwrite), path, overwrite)


def write_temp(path: Path, data: str | bytes, overwrite: bool = False) -> str:
    """The first half of :func:`write_output`: ``data`` written and synced to a new temporary file
    beside ``path``, whose name is returned (the caller renames it with :func:`commit_temp` or
    removes it with :func:`discard_temp`)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    parent = path.parent if str(path.parent) else Path(".")
    tmp: str | None = None
    try:
        fd, tmp = _create_temp(parent, path.name)
        with os.fdopen(fd, "wb") as fh:
            mode = _mode_of(path) if overwrite else None
            if mode is not None and hasattr(os, "fchmod"):  # a private (0600) file stays private
                os.fchmod(fh.fileno(), mode)
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        written, tmp = tmp, None
        return written
    except FileExistsError:
        raise OutputError("文件已存在（如需覆盖，请加 --overwrite）", path) from None
    except OSError as exc:
        raise OutputError(f"无法写入：{describe_os_error(exc)}", path) from None
    finally:
        if tmp is not None:
            discard_temp(tmp)


def commit_temp(tmp: str, path: Path, overwrite: bool = False) -> None:
    """The second half of :func:`write_output`: the temporary file ``tmp`` renamed to ``path``
    (without ``overwrite``, only if ``path`` does not exist); it is removed if that fails."""
    pending: str | None = tmp
    try:
        if overwrite:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # atomic "create if absent": fails if path appeared meanwhile
            os.unlink(tmp)
        pending = None
    except FileExistsError:
        raise OutputError("文件已存在（如需覆盖，请加 --overwrite）", path) from None
    except OSError as exc:
        if exc.errno in (errno.EPERM, errno.ENOTSUP, errno.EXDEV) and not overwrite:
            _rename_if_absent(tmp, path)  # filesystems without hard links
            pending = None
            return
        raise OutputError(f"无法写入：{describe_os_error(exc)}", path) from None
    finally:
        if pending is not None:
            discard_temp(pending)


def discard_temp(tmp: str) -> None:
    """Remove a temporary file of :func:`write_temp` that is not to be renamed into place."""
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _rename_if_absent(tmp: str, path: Path) -> None:
    if path.exists():
        raise OutputError("文件已存在（如需覆盖，请加 --overwrite）", path)
    os.replace(tmp, path)


_TEMP_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_BINARY", 0))


TEMP_MARK = ".xindegen.tmp"  # what only xindegen's own temporary files end with
_OWN_TEMP = re.compile(r"\..*\.[0-9a-f]{8}" + re.escape(TEMP_MARK), re.DOTALL)


def is_own_temp(name: str) -> bool:
    """Whether a file name is one of xindegen's temporary files (so a clean-up may remove it):
    a user's own ``.notes.tmp`` is not."""
    return _OWN_TEMP.fullmatch(name) is not None


def _create_temp(parent: Path, name: str) -> tuple[int, str]:
    """A new, empty temporary file beside the target: ``.<name>.<random>.xindegen.tmp``.

    Created with mode 0o666 like any new file, so the system applies the user's umask and the
    output gets the permissions ``open()`` would give it; the process umask is never touched.
    """
    for _ in range(100):
        tmp = os.path.join(parent, f".{name[:40]}.{os.urandom(4).hex()}{TEMP_MARK}")
        try:
            return os.open(tmp, _TEMP_FLAGS, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "没有可用的临时文件名", str(parent))  # pragma: no cover


@contextmanager
def signals_handled(names: tuple[str, ...], handler: Callable[[int, Any], None]) -> Iterator[None]:
    """``handler`` for the signals ``names`` while the block runs, the old handlers after it. Only the main
    thread may set handlers (the web page runs batches on threads): elsewhere nothing changes. A signal
    ignored on purpose stays ignored: `nohup xindegen batch …` outlives its terminal."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    wanted = [getattr(signal, name) for name in names if hasattr(signal, name)]
    before = {sig: signal.signal(sig, handler) for sig in wanted if signal.getsignal(sig) is not signal.SIG_IGN}
    try:
        yield
    finally:
        for sig, old in before.items():
            signal.signal(sig, old)


@contextmanager
def stopped_by_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP (a service stopped, a terminal closed) end the run as Ctrl-C does, so that
    what cleans up after Ctrl-C runs for them too: a batch stops its workers, keeps every finished
    draft in its journal and releases its lock; ``parse -o`` removes its temporary files."""
    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    with signals_handled(("SIGTERM", "SIGHUP"), stop):
        yield
