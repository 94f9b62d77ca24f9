"""Output file names from a pattern, safe on Windows and Linux and never outside the output dir."""

from __future__ import annotations

import re
import string
import unicodedata
from typing import Any

from ..errors import XindegenError

MAX_NAME_BYTES = 200  # well under the 255-byte limit of ext4/NTFS, leaving room for "-2"
_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
# Windows reserves these before any extension, in any case; it reads ¹²³ as digits, and newer
# versions reserve COM0/LPT0 too.
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
             *(f"{dev}{n}" for dev in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³"))}
_INVISIBLE = {"Cf", "Cs", "Co", "Cn"}  # format (U+202E, zero-width), surrogate, private, unassigned
_SEPARATORS = {"Cc", "Zl", "Zp"}  # C1 controls, line and paragraph separators


def _clean(text: str) -> str:
    """NFC (so a name typed on macOS and on Windows is one name), without characters that hide
    or reorder what a name shows (U+202E makes ``exe.docx`` read ``xcod.exe``)."""
    text = unicodedata.normalize("NFC", text)
    return "".join("" if (cat := unicodedata.category(c)) in _INVISIBLE else "_" if cat in _SEPARATORS else c
                   for c in text)


def safe_part(text: str) -> str:
    """One field made harmless: no separators, control or reserved characters."""
    return _FORBIDDEN.sub("_", _clean(text)).strip()


def check_pattern(pattern: str) -> None:
    """Refuse a --name pattern that cannot be filled, before any draft is made."""
    try:
        list(string.Formatter().parse(pattern))
    except ValueError:
        raise XindegenError(f"--name 的文件名模式“{pattern}”有误：花括号应成对，列名写在 {{}} 中，"
                            "如 {row}-{author}.docx（文字中的花括号写作 {{ 和 }}）") from None


def render_name(pattern: str, fields: dict[str, Any]) -> str:
    """Fill ``pattern`` ({unit}-{author}-{topic}.docx) with fields; missing fields become empty."""
    out = []
    for literal, name, _spec, _conv in string.Formatter().parse(pattern):
        out.append(literal)
        if name is not None:
            value = fields.get(name)
            out.append(safe_part("" if value is None else str(value)))
    return safe_filename("".join(out))


def safe_filename(name: str) -> str:
    """A single path component: no separators, no reserved names, no leading dots, bounded length."""
    name = _FORBIDDEN.sub("_", _clean(name))
    name = re.sub(r"[-_ ]{2,}", "-", name).strip(" .-_")
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        stem, suffix = name, ""
    stem = stem.strip(" .-_") or "draft"
    if stem.split(".")[0].rstrip(" ").upper() in _RESERVED:
        stem = f"_{stem}"
    suffix = f".{suffix}" if suffix else ""
    while len((stem + suffix).encode("utf-8")) > MAX_NAME_BYTES:
        stem = stem[:-1]
    return stem + suffix


def unique(name: str, taken: set[str]) -> str:
    """``name`` or ``name-2``, ``name-3``… (case-insensitively unique, as on Windows)."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    candidate, n = name, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem}-{n}" + (f".{suffix}" if suffix else "")
    taken.add(candidate.lower())
    return candidate
