"""Chinese text helpers every stage shares: characters, sentences, numerals, dates, decoding.

A leaf module (standard library only; the encoding detector is imported when first needed), so
any stage can use it without pulling in another.
"""

from __future__ import annotations

import codecs
from . import lazyre as re  # patterns compile on first use: imports stay fast

# ---- characters ------------------------------------------------------------------------------

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Han characters, as a regular-expression character range."""
OPEN = "“‘（《【「『〖"
CLOSE = "”’）》】」』〗"
TERMINAL = "。！？…"

_CJK_RE = re.compile(f"[{CJK}]")
_CJK_RUN = re.compile(f"[{CJK}]+")
_SPACE = re.compile(r"\s+")


def has_cjk(text: str) -> bool:
    return _CJK_RE.search(text) is not None


def cjk_count(text: str) -> int:
    return sum(map(len, _CJK_RUN.findall(text)))  # runs, not one string per character: 4-9x faster


def count_chars(text: str) -> int:
    """Characters as Chinese writers count them: everything but whitespace."""
    return len(_SPACE.sub("", text))


# ---- sentences -------------------------------------------------------------------------------

# A sentence ends at 。！？… (repeated) plus any closing quotes or brackets after it.
SENTENCE_END = re.compile(f"[{TERMINAL}!?]+[{CLOSE}]*")


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, each with its end punctuation; a trailing fragment is kept."""
    out: list[str] = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        if m.end() > start:
            out.append(text[start:m.end()])
            start = m.end()
    if start < len(text) and text[start:].strip():
        out.append(text[start:])
    return out


def first_sentence(text: str) -> str:
    """``split_sentences(text)[0]`` for a text with something besides spaces, found without
    splitting the rest (a run-on paragraph holds thousands)."""
    m = SENTENCE_END.search(text)
    return text[:m.end()] if m else text


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence (。！？… possibly followed by closing quotes)."""
    t = text.rstrip().rstrip(CLOSE)
    return bool(t) and t[-1] in TERMINAL + "!?"


# ---- numerals --------------------------------------------------------------------------------

_DIGITS = "零一二三四五六七八九"
SURROGATES = re.compile("[\ud800-\udfff]")
"""Lone UTF-16 surrogates: no encoder writes them (a "\\ud800" escape in YAML, bytes that were not UTF-8)."""
_DIGIT_VALUES = {**{c: i for i, c in enumerate(_DIGITS)}, "两": 2}


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 101 → 一百零一, 12000 → 一万二千; below 0 or from 10⁸ on, digits.

    Only integers: a template's ``cn_num`` of a string is the template's error, not a guess.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"cn_num 只能用于整数，不能用于{type(n).__name__}")
    if n < 0 or n >= 10**8:
        return str(n)
    if n < 10:
        return _DIGITS[n]
    high, low = divmod(n, 10_000)
    if not high:
        return _below_10000(low)
    return _below_10000(high) + "万" + ("零" if 0 < low < 1000 else "") + _below_10000(low, lead=False)


def _below_10000(n: int, lead: bool = True) -> str:
    """``lead``: the number starts here, so 1x is 十x (十二, 十万), not 一十x."""
    if lead and 10 <= n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    out: list[str] = []
    gap = False  # a zero digit between two others is read 零 once: 一千零五
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if not digit:
            gap = bool(out)
            continue
        if gap:
            out.append("零")
            gap = False
        out.append(_DIGITS[digit] + unit)
    return "".join(out)


def parse_numeral(text: str) -> int:
    """The number a heading or essay marker counts with: 一 → 1, 十二 → 12, 二十 → 20, 两 → 2, 12 → 12.

    Anything that is not a number below 100 written one of these ways gives 0.
    """
    if text.isdecimal():
        return int(text)
    tens, ten, ones = text.partition("十")
    if not ten:
        return _DIGIT_VALUES.get(text, 0)
    if len(tens) > 1 or len(ones) > 1 or (tens and tens not in _DIGIT_VALUES) or (ones and ones not in _DIGIT_VALUES):
        return 0
    return (_DIGIT_VALUES[tens] if tens else 1) * 10 + (_DIGIT_VALUES[ones] if ones else 0)


# ---- dates -----------------------------------------------------------------------------------

_DATE = re.compile(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*")


_CN_DIGITS = "一二三四五六七八九十"
_CN_DATE = re.compile(rf"\s*[〇零○{_CN_DIGITS[:-1]}]{{4}}年[{_CN_DIGITS}]{{1,3}}月(?:[{_CN_DIGITS}]{{1,3}}日)?\s*")
_YEAR_MONTH = re.compile(r"\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*")


def date_problem(text: str) -> str | None:
    """Why ``text`` is not a date a signature can carry, or None when it is one.

    Accepted: 2026-01-03, 2026/1/3, 2026.1.3, 2026年1月3日 (a real day), 2026年1月, 二〇二六年一月三日.
    """
    import datetime

    m = _DATE.fullmatch(text)
    day = m is not None
    m = m or _YEAR_MONTH.fullmatch(text)
    if m:
        try:
            datetime.date(int(m[1]), int(m[2]), int(m[3]) if day else 1)
        except ValueError:
            return f"日期“{text.strip()}”不存在"
        return None
    if _CN_DATE.fullmatch(text):
        return None
    return f"日期“{text.strip()}”无法识别（可写作 2026-01-03 或 2026年1月3日）"


_INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me"}


def is_blank(text: str) -> bool:
    """True when ``text`` shows nothing: spaces of any width, zero-width and other format characters."""
    import unicodedata

    return all(unicodedata.category(c) in _INVISIBLE or c.isspace() for c in text)


def normalize_date(text: str) -> str:
    """``2026-01-03``, ``2026/1/3``, ``2026年01月03日`` → ``2026年1月3日``; anything else unchanged.

    GB/T 9704 writes dates in Arabic numerals without zero padding.
    """
    m = _DATE.fullmatch(text)
    return f"{int(m[1])}年{int(m[2])}月{int(m[3])}日" if m else text


# ---- decoding --------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# The encodings Chinese text files come in; restricting the detector to them keeps it from
# reading GBK as Korean or Cyrillic.
_CANDIDATES = ["utf_8", "gb18030", "big5", "utf_16_le", "utf_16_be"]
_LABELS = {"utf_8": "utf-8", "gb18030": "gb18030", "gbk": "gb18030", "gb2312": "gb18030",
           "big5": "big5", "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be"}
_TEXTLIKE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2010-\u2027\x20-\x7e\t\r\n]")


class UndecodableError(ValueError):
    """No supported encoding reads the bytes; the message says so in Chinese."""


def has_bom(data: bytes) -> bool:
    return data.startswith(tuple(bom for bom, _ in _BOMS))


def utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: NULs in the bytes, and decoding gives (almost) only text."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample or len(data) % 2:
        return None
    for codec in ("utf_16_le", "utf_16_be"):
        text = sample.decode(codec, "replace")
        if len(_TEXTLIKE.findall(text)) >= 0.95 * len(text):
            return codec
    return None


def decode_bytes(data: bytes, detect: bool = True) -> tuple[str, str]:
    """Decode a text file's bytes and name the encoding used.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32); then UTF-8. After that, files from
    anywhere (``detect``: essays, study material) may be UTF-16 without a mark or whatever a
    detector limited to GB18030/GBK, Big5 and UTF-16 finds; files a person edits by hand
    (outlines, rhetoric data, manifests) are GB18030, what Notepad and Excel save as "ANSI" on
    Chinese Windows. Raises :class:`UndecodableError`.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                raise UndecodableError(f"文件以 {codec.upper()} 标记开头，但内容无法按此编码读取") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if not detect:
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            raise UndecodableError("无法识别文件编码（支持 UTF-8、GB18030/GBK 和带 BOM 的 UTF-16），"
                                   "请另存为 UTF-8 后再试") from None
    unit = utf16_without_bom(data)
    if unit:
        try:
            return data.decode(unit), unit.replace("_", "-")
        except UnicodeDecodeError:
            pass

    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        raise UndecodableError("无法识别文件编码（支持 UTF-8、GB18030/GBK、Big5、UTF-16），请另存为 UTF-8 后再试")
    codec = best.encoding
    label = _LABELS.get(codec, codec)
    try:
        return data.decode("gb18030" if label == "gb18030" else codec), label
    except UnicodeDecodeError:  # pragma: no cover - the detector decoded it already
        raise UndecodableError(f"文件看起来是 {label} 编码，但无法完整读取") from None


def common_prefix(words: list[str]) -> str:
    """The longest start all ``words`` share."""
    first = min(words, key=len)
    for i, ch in enumerate(first):
        if any(w[i] != ch for w in words):
            return first[:i]
    return first
