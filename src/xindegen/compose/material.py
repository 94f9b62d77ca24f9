"""Material a person studied (a speech, a notice, an article): key phrases and key sentences.

Extractive only: sentences are taken verbatim and cited as the material's, never put in a
speaker's mouth. Sentences are ranked by how many of the material's frequent content words they
carry, a plain frequency method that needs no corpus statistics.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

MAX_BYTES = 5 * 1024 * 1024
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Material:
    name: str  # how the draft cites it: 《title》 or 学习材料
    source: str  # file name, for meta
    phrases: tuple[str, ...]
    sentences: tuple[str, ...]  # key sentences in the order they appear, without final mark


def extract(text: str, source: str, count: int = 4, where: str | Path | None = None) -> Material:
    """Key phrases and up to ``count`` key sentences of ``text`` (``where`` names it in errors)."""
    from .topics import content_words

    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines or len(_HAN.findall(text)) < 20:
        raise InputError("学习材料中没有足够的中文内容", where or source)
    first = lines[0].strip("《》 ")
    name = f"《{first}》" if len(first) <= 30 and not re.search(r"[。！？，]", first) else "学习材料"
    body = "\n".join(lines[1:] if name != "学习材料" else lines)
    words = Counter(content_words(body))
    freq = Counter({w: body.count(w) for w in words})
    phrases = tuple(w for w, n in freq.most_common(12) if n >= 2)
    scored = []
    for m in _SENTENCE.finditer(body):
        s = m.group().strip().rstrip("。！？!?")
        if not 14 <= len(s) <= 60 or s.count("“") != s.count("”") or "【" in s:
            continue
        scored.append((sum(freq[w] for w in phrases if w in s) / len(s) ** 0.5, m.start(), s))
    best = sorted(sorted(scored, reverse=True)[:count], key=lambda t: t[1])
    return Material(name, source, phrases, tuple(dict.fromkeys(s for _, _, s in best)))


def load_material(path: Path) -> Material:
    """The material in ``path``: any file ``xindegen parse`` reads (.txt/.md/.html/.docx, any encoding)."""
    from ..parse.ingest import read_text

    if path.is_file() and path.stat().st_size > MAX_BYTES:
        raise InputError(f"学习材料超过 {MAX_BYTES // 1024 // 1024} MB，请只保留相关部分", path)
    return extract(read_text(path), path.name, where=path)
