"""Undo what sites do to the script of a page: pinyin after characters, conversion to traditional.

Some sites machine-convert simplified essays to traditional characters, and some of those add the
pinyin of characters in brackets (``寫(xiě)``, ``會(huì )``). Both are noise for a reader of the
essay and hide every keyword the parser looks for (心得體會, 篇一, 來源). The parser therefore reads
such a page in simplified characters and without the pinyin, and says so in the outline's
``meta.converted``.

The conversion is character by character, with a few hundred phrase exceptions (乾坤 stays,
乾淨 becomes 干净), from a table derived from OpenCC (``data/t2s.txt``); 「」『』 become “”‘’, the
marks simplified text uses. Everything here is a linear scan.
"""

from __future__ import annotations

from .. import lazyre as re  # patterns compile on first use: imports stay fast
from functools import lru_cache
from pathlib import Path

from ..text import cjk_count
from .ingest import Block

_TABLE = Path(__file__).resolve().parent / "data" / "t2s.txt"

TRADITIONAL_SHARE = 0.04
"""A text counts as traditional when this share of its Chinese characters exists only in traditional."""

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
# One pinyin syllable with a tone mark, in brackets, right after a Chinese character.
PINYIN = re.compile(rf"(?<=[\u3400-\u9fff])[(（]\s?[a-z{_TONED}]{{0,6}}[{_TONED}][a-z{_TONED}]{{0,6}}\s?[)）]")


class _Table:
    def __init__(self) -> None:
        chars: dict[int, str] = {}
        only: set[str] = set()
        phrases: dict[str, str] = {}
        for line in _TABLE.read_text(encoding="utf-8").splitlines():
            if line.startswith("c "):
                body = line[2:]
                chars[ord(body[0])] = body[1]
                if not body.endswith("="):
                    only.add(body[0])
            elif line.startswith("p "):
                key, value = line[2:].split(" ")
                phrases[key] = value
        for old, new in (("「", "“"), ("」", "”"), ("『", "‘"), ("』", "’")):
            chars[ord(old)] = new
        self.chars = chars
        self.drop_traditional = dict.fromkeys(map(ord, only))
        self.traditional = frozenset(only)
        self.phrases = phrases
        keys = sorted(phrases, key=len, reverse=True)
        self.phrase_pattern = re.compile("|".join(map(re.escape, keys)))


@lru_cache(maxsize=1)
def _table() -> _Table:
    return _Table()


def strip_pinyin(text: str) -> tuple[str, int]:
    """``text`` without bracketed pinyin after characters, and how many were removed."""
    if "(" not in text and "（" not in text:
        return text, 0
    return PINYIN.subn("", text)


def traditional_share(text: str, sample: int = 200_000) -> float:
    """The share of Chinese characters that are written only in traditional script.

    Measured on the first ``sample`` characters: a page is in one script throughout.
    """
    text = text[:sample]
    total = cjk_count(text)
    if not total:
        return 0.0
    table = _table()
    if table.traditional.isdisjoint(text):  # most pages: a look at each character, not a translation
        return 0.0
    return (len(text) - len(text.translate(table.drop_traditional))) / total


def is_traditional(text: str, sample: int = 200_000) -> bool:
    head = text[:sample]
    return cjk_count(head) >= 20 and traditional_share(head) >= TRADITIONAL_SHARE


def to_simplified(text: str) -> str:
    """``text`` in simplified characters (and mainland quotation marks)."""
    table = _table()
    out: list[str] = []
    pos = 0
    for m in table.phrase_pattern.finditer(text):  # phrases first; their result is final
        out.append(text[pos:m.start()].translate(table.chars))
        out.append(table.phrases[m.group()])
        pos = m.end()
    out.append(text[pos:].translate(table.chars))
    return "".join(out)


def normalize_script(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """Blocks without pinyin annotations, in simplified characters when the page was traditional.

    Returns the blocks and what was converted, in words for ``meta.converted`` (empty if nothing).
    """
    notes: list[str] = []
    removed = 0
    out: list[Block] = []
    for block in blocks:
        text, n = strip_pinyin(block.text)
        removed += n
        out.append(Block(text, block.hint) if n else block)
    if removed:
        notes.append(f"删除了字后的拼音注音（{removed} 处）")
    head: list[str] = []
    size = 0
    for b in out:  # the first 200 000 characters tell the script of the page
        head.append(b.text)
        size += len(b.text)
        if size > 200_000:
            break
    if is_traditional("\n".join(head)):
        out = [Block(to_simplified(b.text), b.hint) for b in out]
        notes.append("繁体字转为简体字")
    return out, notes
