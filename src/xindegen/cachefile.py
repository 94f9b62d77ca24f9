"""Files of the user cache directory that hold compiled data: sealed, verified, the newest few kept.

A sealed file is ``magic``, the 64-character key it was made for, the SHA-1 of the payload and the
payload. The checksum catches a damaged or truncated file, as the content key cannot (it names the
sources); SHA-1 runs five times as fast as SHA-256 here, and this is no defence against an attacker,
who could rewrite any checksum kept beside the data.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

KEEP = 8  # files of one family kept: other installs, data directories or templates


def _checksum(payload: bytes | memoryview) -> bytes:
    return hashlib.sha1(payload, usedforsecurity=False).hexdigest().encode()


def read_sealed(path: Path, magic: bytes, key: str) -> memoryview | None:
    """The payload of ``path`` sealed for ``key``, or None when there is none or it does not verify."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    head = len(magic)
    if not blob.startswith(magic) or blob[head:head + 64] != key.encode():
        return None
    digest, payload = blob[head + 64:head + 104], memoryview(blob)[head + 104:]
    return payload if _checksum(payload) == digest else None


def write_sealed(path: Path, magic: bytes, key: str, payload: bytes, family: str) -> None:
    """Seal ``payload`` for ``key`` into ``path`` (see :func:`keep`)."""
    keep(path, magic + key.encode() + _checksum(payload) + payload, family)


def keep(target: Path, blob: bytes, family: str) -> None:
    """Write ``target``; of the files matching ``family`` beside it, the newest :data:`KEEP` stay.
    A cache that cannot be written is simply not kept."""
    from .errors import XindegenError
    from .fsutil import write_output

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_output(target, blob, overwrite=True)
        for old in sorted(target.parent.glob(family), key=lambda p: p.stat().st_mtime)[:-KEEP]:
            old.unlink(missing_ok=True)
    except (OSError, XindegenError):
        pass
