"""The shared text helpers: numerals both ways, dates, sentences, decoding."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xindegen.text import (
    UndecodableError,
    chinese_numeral,
    count_chars,
    decode_bytes,
    ends_sentence,
    normalize_date,
    parse_numeral,
    split_sentences,
)


@given(st.integers(min_value=0, max_value=99))
def test_numerals_read_back(n: int) -> None:
    assert parse_numeral(chinese_numeral(n)) == n


@pytest.mark.parametrize(("text", "value"), [
    ("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("两", 2), ("12", 12), ("３", 3),
    ("一二", 0), ("十十", 0), ("二十二十", 0), ("", 0), ("百", 0),
])
def test_parse_numeral(text: str, value: int) -> None:
    assert parse_numeral(text) == value


@pytest.mark.parametrize(("raw", "want"), [
    ("2026-01-03", "2026年1月3日"), ("2026/1/3", "2026年1月3日"), ("2026年01月03日", "2026年1月3日"),
    (" 2026.1.3 ", "2026年1月3日"), ("明年春天", "明年春天"), ("2026-01", "2026-01"),
])
def test_normalize_date(raw: str, want: str) -> None:
    assert normalize_date(raw) == want


def test_sentences() -> None:
    assert split_sentences("他说：“好！”我们走吧。还有") == ["他说：“好！”", "我们走吧。", "还有"]
    assert ends_sentence("这样“好！”") and not ends_sentence("这样，")
    assert count_chars(" 一 二\n三 ") == 3


@pytest.mark.parametrize(("data", "encoding"), [
    ("安全生产".encode(), "utf-8"),
    (codecs.BOM_UTF8 + "安全生产".encode(), "utf-8-sig"),
    ("安全生产".encode("utf-16"), "utf-16"),
    ("安全生产".encode("utf-32"), "utf-32"),
    ("安全生产责任重于泰山".encode("gbk"), "gb18030"),
])
def test_decoding_for_hand_edited_files(data: bytes, encoding: str) -> None:
    text, used = decode_bytes(data, detect=False)
    assert used == encoding and text.startswith("安全生产")


def test_decoding_failures_say_why() -> None:
    with pytest.raises(UndecodableError, match="UTF-16 标记开头"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8", detect=False)  # a lone surrogate
    with pytest.raises(UndecodableError, match="无法识别文件编码"):
        decode_bytes(b"\x81\x30\xff\xff", detect=False)
