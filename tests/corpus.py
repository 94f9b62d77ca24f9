"""The bad-input corpus: files people really feed xindegen, built on demand in a temp dir.

Each builder writes one file and returns its path. Binary fixtures are made here rather than
committed so that every byte of them is explained by code.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # legacy .doc / .xls container


def empty(d: Path) -> Path:
    p = d / "empty.txt"
    p.write_bytes(b"")
    return p


def whitespace(d: Path) -> Path:
    p = d / "blank.txt"
    p.write_text(" \n\t\n　　\n\n", encoding="utf-8")
    return p


def binary(d: Path) -> Path:
    p = d / "photo.txt"
    p.write_bytes(bytes(range(256)) * 64)
    return p


def legacy_doc(d: Path) -> Path:
    """A .doc (OLE compound file) renamed to .txt, as people do."""
    p = d / "renamed-doc.txt"
    p.write_bytes(OLE_MAGIC + b"\x00" * 504 + "心得体会".encode("utf-16-le") + b"\x00" * 2048)
    return p


def legacy_doc_as_docx(d: Path) -> Path:
    p = d / "old.docx"
    p.write_bytes(legacy_doc(d).read_bytes())
    return p


def _docx_bytes(document_xml: str) -> bytes:
    from docx import Document

    buf = io.BytesIO()
    Document().save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = document_xml.encode("utf-8")
            dst.writestr(item, data)
    return out.getvalue()


_GOOD_BODY = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    + "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in (
        "学习心得", "通过这次学习，我对工作有了新的认识，也找到了自己的差距和不足。",
        "今后我将在实际工作中继续努力，把学到的知识用到岗位上去。"))
    + "</w:body></w:document>"
)


def truncated_docx(d: Path) -> Path:
    p = d / "cut.docx"
    data = _docx_bytes(_GOOD_BODY)
    p.write_bytes(data[: len(data) // 2])
    return p


def malformed_docx(d: Path) -> Path:
    p = d / "broken-xml.docx"
    p.write_bytes(_docx_bytes(_GOOD_BODY.replace("</w:body>", "<w:p><w:r></w:body>")))
    return p


def mixed_encodings(d: Path) -> Path:
    """A UTF-8 file with a GBK-encoded paragraph pasted into it."""
    p = d / "mixed.txt"
    p.write_bytes("学习心得体会\n通过这次学习我收获很大。\n".encode()
                  + "今后要把学习成果转化为工作动力。\n".encode("gbk"))
    return p


def control_chars(d: Path) -> Path:
    p = d / "control.txt"
    p.write_text("学习心得\x00体会\n通过这次\x07学习，我\x1b对工作有了新的\x0b认识。\n", encoding="utf-8")
    return p


def long_line(d: Path) -> Path:
    p = d / "long-line.txt"
    p.write_text("学习心得体会：" + "认真学习，扎实工作，" * 200_000, encoding="utf-8")
    return p


def huge_text(d: Path, megabytes: int = 40) -> Path:
    p = d / "huge.txt"
    unit = ("一、加强学习。通过这次学习，我对工作有了新的认识，也找到了自己的差距和不足。\n" * 200).encode("utf-8")
    with p.open("wb") as fh:
        for _ in range(megabytes * 1024 * 1024 // len(unit) + 1):
            fh.write(unit)
    return p


# ---- YAML outlines ---------------------------------------------------------------------------

def yaml_tabs(d: Path) -> Path:
    p = d / "tabs.yaml"
    p.write_text("title: 标题\nlead:\n\tparagraphs: [一段]\n", encoding="utf-8")
    return p


def yaml_duplicate_keys(d: Path) -> Path:
    p = d / "dup.yaml"
    p.write_text("title: 标题\nsections: []\ntitle: 又一个标题\n", encoding="utf-8")
    return p


def yaml_wrong_types(d: Path) -> Path:
    p = d / "types.yaml"
    p.write_text("title: [不是, 文字]\nsections: 三节\n", encoding="utf-8")
    return p


def yaml_billion_laughs(d: Path) -> Path:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [{', '.join([f'*{prev}'] * 9)}]")
    lines.append("title: 标题\nmeta: {boom: *i}")
    p = d / "laughs.yaml"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def yaml_python_tag(d: Path) -> Path:
    p = d / "evil.yaml"
    p.write_text(f"title: !!python/object/apply:os.system ['touch {d / 'pwned'}']\n", encoding="utf-8")
    return p


def yaml_half_edited(d: Path) -> Path:
    p = d / "half.yaml"
    p.write_text("title: 标题\nsections:\n  - heading: “未闭合\n    paragraphs: [一段\n", encoding="utf-8")
    return p


def yaml_surrogate(d: Path) -> Path:
    """A "\\ud800" escape: valid YAML, but a character no file or terminal can hold."""
    p = d / "surrogate.yaml"
    p.write_text('title: 标题\nsections:\n  - heading: 小标题\n    paragraphs: ["一段\\ud800正文"]\n',
                 encoding="utf-8")
    return p


def many_sections(d: Path, count: int = 120) -> Path:
    """Not bad at all: an outline with more sections than two-digit numerals reach."""
    p = d / "many.yaml"
    p.write_text("title: 标题\nsections:\n" + "".join(
        f"  - heading: 第{i}个小标题\n    paragraphs: [一段正文]\n" for i in range(count)), encoding="utf-8")
    return p


def yaml_alias_expansion(d: Path) -> Path:
    """Few values, but one 1.1 M-character string aliased 3,000 times: 3.3 G characters."""
    p = d / "expand.yaml"
    p.write_text(f'a: &a "{"x" * 1_100_000}"\ntitle: 标题\nmeta:\n  boom: [{", ".join(["*a"] * 3000)}]\n',
                 encoding="utf-8")
    return p


def yaml_huge_int(d: Path) -> Path:
    p = d / "bigint.yaml"
    p.write_text(f"title: 标题\nmeta: {{n: {'9' * 5000}}}\n", encoding="utf-8")
    return p


Builder = Callable[[Path], Path]
TEXT_INPUTS: dict[str, Builder] = {f.__name__: f for f in (
    empty, whitespace, binary, legacy_doc, legacy_doc_as_docx, truncated_docx, malformed_docx,
    mixed_encodings, control_chars, long_line)}
YAML_INPUTS: dict[str, Builder] = {f.__name__: f for f in (
    empty, whitespace, binary, yaml_tabs, yaml_duplicate_keys, yaml_wrong_types, yaml_billion_laughs,
    yaml_python_tag, yaml_half_edited, yaml_surrogate, yaml_alias_expansion, yaml_huge_int)}


# ---- not regular files: endless devices and pipes (a size check sees 0 bytes) ------------------

def _link(d: Path, name: str, target: str) -> Path:
    p = d / name
    p.symlink_to(target)
    return p


def dev_zero(d: Path, suffix: str = ".txt") -> Path:
    return _link(d, f"zero{suffix}", "/dev/zero")


def dev_urandom(d: Path, suffix: str = ".txt") -> Path:
    return _link(d, f"random{suffix}", "/dev/urandom")


def fifo(d: Path, suffix: str = ".txt") -> Path:
    """A named pipe nobody writes to: opening it to read would wait forever."""
    import os

    p = d / f"pipe{suffix}"
    os.mkfifo(p)
    return p


def link_to_fifo(d: Path, suffix: str = ".txt") -> Path:
    return _link(d, f"to-pipe{suffix}", str(fifo(d, suffix)))


NOT_REGULAR: dict[str, Callable[[Path, str], Path]] = {f.__name__: f for f in (
    dev_zero, dev_urandom, fifo, link_to_fifo)}


# ---- zip bombs: a small file that inflates past the caps --------------------------------------

BOMB_BYTES = 120 * 1024 * 1024  # past the 100 MB cap on one member, in about 120 KB of zip


@lru_cache(maxsize=1)
def _deflated_spaces() -> tuple[bytes, int]:
    """Raw deflate data of BOMB_BYTES spaces and its CRC, made once per test session."""
    import zlib

    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = b" " * (1024 * 1024)
    out = [comp.compress(block) for _ in range(BOMB_BYTES // len(block))]
    crc = 0
    for _ in range(BOMB_BYTES // len(block)):
        crc = zlib.crc32(block, crc)
    return b"".join(out) + comp.flush(), crc


def _with_member(base: bytes, name: str, declared: int | None = None) -> bytes:
    """``base`` (a zip) with member ``name`` replaced by BOMB_BYTES of spaces.

    ``declared`` forges the size the headers claim, as a bomb made to slip past a size check does.
    """
    raw, crc = _deflated_spaces()
    src = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != name:
                dst.writestr(item, src.read(item.filename))
    data = bytearray(out.getvalue())
    # Append the member by hand: zipfile cannot write compressed bytes it did not compress.
    size = BOMB_BYTES if declared is None else declared
    encoded = name.encode()
    cd_at = data.find(b"PK\x01\x02")
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(raw), size,
                        len(encoded), 0) + encoded
    central = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, len(raw), size,
                          len(encoded), 0, 0, 0, 0, 0, cd_at) + encoded
    head, directory = bytes(data[:cd_at]), bytes(data[cd_at:])
    end_at = directory.find(b"PK\x05\x06")
    entries, old_end = directory[:end_at], directory[end_at:]
    count = struct.unpack("<H", old_end[10:12])[0] + 1
    new_cd_at = cd_at + len(local) + len(raw)
    end = (old_end[:8] + struct.pack("<2H2L", count, count, len(entries) + len(central), new_cd_at)
           + old_end[20:])
    return head + local + raw + entries + central + end


def docx_bomb(d: Path, member: str = "word/document.xml", declared: int | None = None) -> Path:
    p = d / "bomb.docx"
    p.write_bytes(_with_member(_docx_bytes(_GOOD_BODY), member, declared))
    return p


def xlsx_bomb(d: Path) -> Path:
    from openpyxl import Workbook

    buf = io.BytesIO()
    book = Workbook()
    book.active.append(["topic", "author"])
    book.active.append(["读书", "张三"])
    book.save(buf)
    p = d / "名单.xlsx"
    p.write_bytes(_with_member(buf.getvalue(), "xl/media/image1.png"))
    return p


# ---- Word templates: tags that never finish, parts that are missing or broken -------------------

def docx_template(d: Path, body_tag: str | None = None, drop: str | None = None,
                  replace: dict[str, bytes] | None = None) -> Path:
    """The built-in gongwen template with ``body_tag`` as its only paragraph, ``drop`` left out and
    the parts in ``replace`` replaced."""
    from xindegen.paths import builtin_templates_dir

    src = zipfile.ZipFile(builtin_templates_dir() / "gongwen.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == drop:
                continue
            if body_tag is not None and item.filename == "word/document.xml":
                data = _GOOD_BODY.replace("<w:t>学习心得</w:t>", f"<w:t>{body_tag}</w:t>").encode()
            data = (replace or {}).get(item.filename, data)
            dst.writestr(item.filename, data)
    p = d / "模板.docx"
    p.write_bytes(out.getvalue())
    return p


# ---- batch manifests: each builder writes the manifest (and what it names) into ``d`` ------------

def _bad_data_dir(d: Path) -> Path:
    """A data directory whose kinds.yaml has the wrong version."""
    bad = d / "坏语料"
    bad.mkdir(exist_ok=True)
    (bad / "kinds.yaml").write_text("version: 1\n", encoding="utf-8")
    return bad


def manifest_unclosed_quote(d: Path) -> Path:
    p = d / "m.csv"
    p.write_text('topic,author\n读书,"张三\n安全生产,李四\n', encoding="utf-8")
    return p


def manifest_huge_cell(d: Path) -> Path:
    p = d / "m.csv"
    p.write_text("topic,author\n读书,甲\n读书," + "长" * 140_000 + "\n读书,乙\n", encoding="utf-8")
    return p


def manifest_huge_cell_yaml(d: Path) -> Path:
    """(Excel itself keeps a cell under 32,767 characters; YAML has no such limit.)"""
    p = d / "m.yaml"
    p.write_text("- {topic: 读书, author: " + "长" * 140_000 + "}\n- {topic: 读书, author: 乙}\n", encoding="utf-8")
    return p


def manifest_overflowing_numbers(d: Path) -> Path:
    p = d / "m.csv"
    p.write_text("topic,length,seed\n读书,1e400,\n读书,,inf\n读书,-inf,\n读书," + "9" * 5000 + ",\n读书,800,1\n",
                 encoding="utf-8")
    return p


def manifest_far_cell_xlsx(d: Path) -> Path:
    """One stray cell at the last cell a sheet can have (XFD1048576)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"], wb.active["A2"], wb.active["XFD1048576"] = "topic", "读书", "x"
    p = d / "m.xlsx"
    wb.save(p)
    return p


def manifest_bad_data_dir_cell(d: Path) -> Path:
    _bad_data_dir(d)
    p = d / "m.csv"
    p.write_text("topic,data_dir\n读书,坏语料\n安全生产,\n", encoding="utf-8")
    return p


def manifest_two_rows(d: Path) -> Path:
    p = d / "m.csv"
    p.write_text("topic,author\n读书,甲\n安全生产,乙\n", encoding="utf-8")
    return p


BATCH_MANIFESTS: dict[str, Builder] = {f.__name__: f for f in (
    manifest_unclosed_quote, manifest_huge_cell, manifest_huge_cell_yaml, manifest_overflowing_numbers,
    manifest_far_cell_xlsx, manifest_bad_data_dir_cell)}


def manifest_formula_names(d: Path) -> Path:
    """Names that a spreadsheet would run as formulas if a report cell began with them."""
    p = d / "m.csv"
    p.write_text('topic,author\n读书,"=HYPERLINK(""http://x"",""点我"")"\n读书,+1+1\n读书,@SUM(1)\n读书,-2+3\n',
                 encoding="utf-8")
    return p


def manifest_bad_data_dir_and_length(d: Path) -> Path:
    """A bad data_dir cell below a bad length: the problems come in the order of the rows."""
    _bad_data_dir(d)
    p = d / "m.csv"
    p.write_text("topic,length,data_dir\n读书,,坏语料\n读书,九百,\n安全生产,,\n", encoding="utf-8")
    return p


BATCH_MANIFESTS[manifest_bad_data_dir_and_length.__name__] = manifest_bad_data_dir_and_length


def manifest_far_row_xlsx(d: Path) -> Path:
    """A row a million rows down, past a gap: it is read, and quickly."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"], wb.active["A2"], wb.active["A1048576"] = "topic", "读书", "安全生产"
    p = d / "m.xlsx"
    wb.save(p)
    return p


BATCH_MANIFESTS[manifest_far_row_xlsx.__name__] = manifest_far_row_xlsx
