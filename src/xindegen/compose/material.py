"""Material a person studied (a speech, a notice, an article), understood enough to argue from.

From the text: its title and speaker when stated, its main points — its own numbered headings
(一、二、三 or （一）（二）) or, failing those, its key sentences — and its key formulations
(“三个务必”). The draft on a three-point speech discusses one point per section and cites each
point in the material's own words. Extractive only: every cited span is a verbatim substring of
the material, never a paraphrase put in a speaker's mouth.
"""

from __future__ import annotations

from .. import lazyre as re  # patterns compile on first use: imports stay fast
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

MAX_BYTES = 5 * 1024 * 1024
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NUM = "[一二三四五六七八九十]{1,3}"
_HEADING = re.compile(rf"^\s*(?:{_NUM}、|（{_NUM}）|第{_NUM}[，,、]?)\s*(.+)$")
_FORMULATION = re.compile(r"“([\u4e00-\u9fff]{2,8})”")
_SPEAKER = re.compile(r"^(.{2,12}?)(?:同志)?在.{2,30}?(?:上|中)的(?:重要)?讲话")
MAX_POINT = 60  # a point cited whole stays a citation, not a paragraph


@dataclass(frozen=True)
class Point:
    """One main point: the words to cite (a verbatim span of the material) and where they stand."""

    text: str  # cited exactly, without final mark
    heading: bool  # the material's own numbered heading (else a key sentence)


@dataclass(frozen=True)
class Material:
    name: str  # how the draft cites it: 《title》 or 学习材料
    source: str  # file name, for meta
    phrases: tuple[str, ...]
    sentences: tuple[str, ...]  # key sentences in the order they appear, without final mark
    points: tuple[Point, ...] = ()  # main points in order
    formulations: tuple[str, ...] = ()  # “三个务必” …, without the quotation marks
    speaker: str | None = None  # who gave the speech, when the material says so

    def cite_as(self) -> str:
        """Who is quoted: the speaker when stated, else the material by its title."""
        return self.speaker or self.name


def _clause(text: str) -> str:
    """The first sentence of ``text`` without its final mark, if it is short enough to cite whole."""
    first = _SENTENCE.match(text.strip())
    s = (first.group() if first else text).strip().rstrip("。！？!?；;，,：:")
    return s if 4 <= len(s) <= MAX_POINT and s.count("“") == s.count("”") else ""


def extract(text: str, source: str, count: int = 4, where: str | Path | None = None) -> Material:
    """Title, speaker, main points, formulations and key sentences of ``text``."""
    from .frame import content_words

    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines or len(_HAN.findall(text)) < 20:
        raise InputError("学习材料中没有足够的中文内容", where or source)
    first = lines[0].strip("《》 ")
    titled = len(first) <= 40 and not re.search(r"[。！？，]", first) and not _HEADING.match(lines[0])
    name = f"《{first}》" if titled else "学习材料"
    body_lines = lines[1:] if titled else lines
    body = "\n".join(body_lines)
    words = Counter(content_words(body))
    freq = Counter({w: body.count(w) for w in words})
    phrases = tuple(w for w, n in freq.most_common(12) if n >= 2)
    scored = []
    for m in _SENTENCE.finditer(body):
        s = m.group().strip().rstrip("。！？!?")
        if not 14 <= len(s) <= MAX_POINT or s.count("“") != s.count("”") or "【" in s or _HEADING.match(s):
            continue
        scored.append((sum(freq[w] for w in phrases if w in s) / len(s) ** 0.5, m.start(), s))
    best = sorted(sorted(scored, reverse=True)[:count], key=lambda t: t[1])
    sentences = tuple(dict.fromkeys(s for _, _, s in best))

    points = tuple(Point(c, True) for ln in body_lines if (h := _HEADING.match(ln)) and (c := _clause(h.group(1))))
    if len(points) < 2:  # no numbered structure: its key sentences are its points
        points = tuple(Point(s, False) for s in sentences)
    formulations = tuple(dict.fromkeys(f for f in _FORMULATION.findall(body) if body.count(f"“{f}”") >= 1))
    speaker = next((hit.group(1) for ln in lines[:3] if (hit := _SPEAKER.match(ln.strip("《》 ")))), None)
    return Material(name, source, phrases, sentences, points, formulations[:8], speaker)


def load_material(path: Path) -> Material:
    from ..parse.ingest import read_text

    too_big = f"学习材料超过 {MAX_BYTES // 1024 // 1024} MB，请只保留相关部分"
    return extract(read_text(path, MAX_BYTES, too_big), path.name, where=path)
