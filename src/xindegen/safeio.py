"""Bounded reads of the files a user hands us: regular files only, never more than a cap.

``stat().st_size`` is 0 for /dev/zero, a FIFO or a /proc file, so a size check alone lets them be
read forever. Every user file goes through :func:`read_user_file` instead: it opens without
blocking (a FIFO with no writer would hang ``open``), refuses anything that is not a regular file,
and stops reading one byte past the cap whatever the file claims its size is.

Zip containers (.docx, .xlsx) go through :func:`check_zip`, which inflates every member with a cap
on its declared and its actual size, so a small bomb cannot become gigabytes in memory.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
import zlib
from pathlib import Path

from .errors import InputError
from .fsutil import describe_os_error

MAX_INPUT_BYTES = 20 * 1024 * 1024
"""Any single input file: no essay collection, outline, manifest or template comes near it."""

MAX_MEMBER_BYTES = 100 * 1024 * 1024
"""One inflated zip member (a 20 MB .docx of plain text inflates to well under this)."""
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
"""All members of one zip together, inflated."""
MAX_MEMBERS = 5000

NOT_REGULAR = "不是普通文件（设备、管道或套接字），拒绝读取"
_CHUNK = 1024 * 1024
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def too_big_message(size: float, limit: int) -> str:
    return f"文件太大（{size / 1024 / 1024:.1f} MB），超过 {limit // 1024 // 1024} MB 的上限"


def read_user_file(path: Path | str, limit: int = MAX_INPUT_BYTES, too_big: str | None = None) -> bytes:
    """The bytes of the regular file at ``path`` (links followed), at most ``limit`` of them.

    Raises :class:`InputError` naming the file: missing, unreadable, a directory, not a regular
    file, or larger than ``limit`` (``too_big`` replaces the default message for that case).
    """
    try:
        fd = os.open(path, _FLAGS)
    except FileNotFoundError:
        raise InputError("文件不存在", path) from None
    except PermissionError:
        raise InputError("没有读取权限", path) from None
    except IsADirectoryError:
        raise InputError("这是一个目录，请给出文件", path) from None
    except OSError as exc:  # ENXIO (a socket), ELOOP, ENAMETOOLONG...
        raise InputError(f"无法读取：{describe_os_error(exc)}", path) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError("这是一个目录，请给出文件", path)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(NOT_REGULAR, path)
        if st.st_size > limit:
            raise InputError(too_big or too_big_message(st.st_size, limit), path)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:  # the file may grow while we read: stop one byte past the cap
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise InputError(too_big or too_big_message(total, limit), path)
        return b"".join(chunks)
    except IsADirectoryError:
        raise InputError("这是一个目录，请给出文件", path) from None
    except OSError as exc:
        raise InputError(f"无法读取：{describe_os_error(exc)}", path) from None
    finally:
        os.close(fd)


class ZipBomb(Exception):
    """A zip member, or the zip as a whole, inflates past its cap. ``args[0]`` is the Chinese reason."""


def check_zip(data: bytes, *, member_cap: int = MAX_MEMBER_BYTES,
              total_cap: int = MAX_UNZIPPED_BYTES) -> dict[str, bytes]:
    """Inflate every member of the zip ``data`` within the caps and return them by name.

    The declared size is checked before a member is touched, and the actual inflated size while
    it is inflated (a forged header can understate it). Raises :class:`ZipBomb` when a cap is
    passed and :class:`zipfile.BadZipFile` when ``data`` is not a readable zip.
    """
    try:
        return _inflate(data, member_cap, total_cap)
    except (zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError) as exc:
        raise zipfile.BadZipFile(str(exc)) from None  # damaged or encrypted: one kind for callers


def _inflate(data: bytes, member_cap: int, total_cap: int) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    total = 0
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ZipBomb(f"压缩包中的文件超过 {MAX_MEMBERS} 个")
        for info in infos:
            if info.is_dir():
                continue
            if info.file_size > member_cap or total + info.file_size > total_cap:
                raise ZipBomb(_bomb(info.filename))
            parts: list[bytes] = []
            size = 0
            with zf.open(info) as member:
                while True:
                    chunk = member.read(_CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > member_cap or total + size > total_cap:
                        raise ZipBomb(_bomb(info.filename))
                    parts.append(chunk)
            total += size
            out[info.filename] = b"".join(parts)
    return out


def _bomb(name: str) -> str:
    return (f"中的 {name} 解压后超过上限（单个 {MAX_MEMBER_BYTES // 1024 // 1024} MB、"
            f"合计 {MAX_UNZIPPED_BYTES // 1024 // 1024} MB），疑似压缩炸弹，拒绝读取")
