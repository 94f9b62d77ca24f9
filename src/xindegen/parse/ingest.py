"""Read an input file into text blocks: the first stage of ``xindegen parse``.

A block is one paragraph or line as the file holds it, with an optional style hint taken from
the format itself (Word paragraph styles, Markdown ``#`` levels). Text files are decoded after
detecting their encoding; the encoding used is reported so it can go into the outline's meta.
"""

from __future__ import annotations

from .. import lazyre as re  # patterns compile on first use: imports stay fast
from bisect import bisect_left
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..errors import InputError
from ..safeio import MAX_INPUT_BYTES, ZipBomb, check_zip, read_user_file
from ..text import UndecodableError, decode_bytes, has_bom, utf16_without_bom

MAX_BYTES = MAX_INPUT_BYTES
"""Inputs above this size are refused: no essay collection comes near it."""

# Style hints a block can carry (set by .docx styles and Markdown headings).
TITLE, SUBTITLE, HEADING, HEADING2, CLOSING, SIGNATURE = (
    "title", "subtitle", "heading", "heading2", "closing", "signature")
PAGE_TITLE = "page-title"
"""Hint of a title the page names in a field (本文标题：…), wherever on the page it stands."""
CRUMB = "page-crumb"
"""Hint of the last step of a breadcrumb (首页 > 心得体会 > X): the title when the page shows no other."""


@dataclass
class Block:
    """One paragraph or line of input, with a style hint when the format carries one."""

    text: str
    hint: str | None = None


@dataclass
class Document:
    """An input file as text blocks, before any cleaning."""

    blocks: list[Block]
    source: str
    encoding: str | None = None
    kind: str = "text"  # text | markdown | html | docx
    file: str = ""  # the path as given, for messages (``source`` is the bare name for meta)


def read_document(path: Path, limit: int = MAX_BYTES, too_big: str | None = None) -> Document:
    """Read ``path`` (.txt/.md/.html/.docx; other names are read as text) into blocks.

    At most ``limit`` bytes of a regular file are read (``too_big``: the message past it).
    """
    name = path.name
    data = read_user_file(path, limit, too_big)
    if not data.strip():
        raise InputError("文件为空", path)

    suffix = path.suffix.lower()
    if suffix == ".docx" or _is_docx(data):
        return Document(_docx_blocks(data, path), name, None, "docx", str(path))
    _refuse_binary(data, path)
    try:
        text, encoding = decode_bytes(data)
    except UndecodableError as exc:
        raise InputError(str(exc), path) from None
    if suffix in (".html", ".htm", ".xhtml") or _looks_like_html(text):
        return Document(html_blocks(text), name, encoding, "html", str(path))
    if suffix in (".md", ".markdown"):
        return Document(markdown_blocks(text), name, encoding, "markdown", str(path))
    return Document(text_blocks(text), name, encoding, "text", str(path))


def read_text(path: Path, limit: int = MAX_BYTES, too_big: str | None = None) -> str:
    """The text of any file ``read_document`` reads, one line per block (study material, 查重)."""
    return "\n".join(block.text for block in read_document(path, limit, too_big).blocks)


def document_from_text(text: str, source: str = "<text>") -> Document:
    """Blocks of an already decoded plain text, as if read from a .txt file."""
    if len(text) > MAX_BYTES:
        raise InputError(f"文本太长（超过 {MAX_BYTES // 1024 // 1024} MB 的上限）", source)
    if not text.strip():
        raise InputError("文本为空", source)
    return Document(text_blocks(text), source, None, "text", source)


_MAGIC = (
    (b"%PDF", "这是 PDF 文件，暂不支持；请先另存为文本或 .docx"),
    (b"\xd0\xcf\x11\xe0", "这是旧版 Word/WPS（.doc）文件，请在 Word 中另存为 .docx 后再试"),
    (b"PK\x03\x04", "这是压缩包（zip）或其他 Office 文件，不是 .docx 文档"),
    (b"\x89PNG", "这是图片文件，不是文本"),
    (b"\xff\xd8\xff", "这是图片文件，不是文本"),
    (b"GIF8", "这是图片文件，不是文本"),
    (b"\x1f\x8b", "这是压缩文件（gzip），不是文本"),
    (b"\x7fELF", "这是程序文件，不是文本"),
)


def _refuse_binary(data: bytes, file: Path) -> None:
    for magic, message in _MAGIC:
        if data.startswith(magic):
            raise InputError(message, file)
    if has_bom(data) or utf16_without_bom(data):
        return
    head = data[:65536]
    controls = sum(head.count(bytes([c])) for c in (0, 1, 2, 3, 4, 5, 6, 14, 15, 16, 17, 18, 19, 20, 21))
    if b"\x00" in head or controls > len(head) * 0.01:
        raise InputError("不是文本文件（看起来是二进制文件）", file)


# ---- plain text and Markdown -----------------------------------------------------------------

def text_blocks(text: str) -> list[Block]:
    """One block per line; blank lines are kept (empty blocks) as paragraph separators.

    A text that is a page's HTML source without its head (<p>…</p><p>…</p>) is read as HTML, so
    that its paragraphs stay apart; a line in Markdown bold (**一、…**) loses its marks.
    """
    if len(_HTML_BREAK.findall(text, 0, 20000)) >= 3:
        return html_blocks(text)
    return [Block(_BOLD_LINE.sub(r"\1\2", line) if "**" in line else line)
            for line in text.splitlines()]


_HTML_BREAK = re.compile(r"</p>|<br\s*/?>|</div>|</h[1-6]>|</li>", re.I)
_BOLD_LINE = re.compile(r"^(\s*)\*\*(\S(?:.*\S)?)\*\*\s*$")  # not __: 关于__市… is a blank


# Every pattern here fails fast at each position: a bracket or parenthesis cannot contain another
# of its kind, so a line of 100,000 "[" costs 100,000 steps, not 100,000² (it took minutes).
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_MD_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^()]*\)")
_MD_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*\)")
_EMPHASIS_MARKS = ("**", "__", "*", "~~")
_MD_PREFIX = re.compile(r"^\s{0,3}(?:>\s?)+|^\s{0,3}[-*+]\s+(?=\S)")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")


def markdown_blocks(text: str) -> list[Block]:
    """Markdown lines: ``#`` is the title, ``##`` a section heading, deeper levels second level."""
    blocks: list[Block] = []
    seen_title = False
    for line in text.splitlines():
        if _MD_RULE.match(line) or line.strip().startswith("```"):
            blocks.append(Block(""))
            continue
        line = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", line))
        line = strip_emphasis(line)
        m = _MD_HEADING.match(line)
        if m:
            level, content = len(m.group(1)), m.group(2).rstrip().rstrip("#").rstrip()
            if level == 1 and not seen_title:
                seen_title = True
                blocks.append(Block(content, TITLE))
            else:
                blocks.append(Block(content, HEADING if level <= 2 else HEADING2))
            continue
        blocks.append(Block(_MD_PREFIX.sub("", line)))
    return blocks


def strip_emphasis(line: str) -> str:
    """``**a**``, ``__a__``, ``*a*``, ``~~a~~`` → ``a``, as ``(\\*\\*|__|\\*|~~)(?=\\S)(.+?)(?<=\\S)\\1`` would.

    That pattern scans to the end of the line for every opening mark it cannot close, which is
    quadratic on a line of unclosed marks; here each opening mark looks its closing one up.
    """
    if not any(m in line for m in ("*", "_", "~")):
        return line
    closers = {m: [k for k in _positions(line, m) if k > 0 and not line[k - 1].isspace()] for m in _EMPHASIS_MARKS}
    out: list[str] = []
    p = 0
    while p < len(line):
        for mark in _EMPHASIS_MARKS:
            body = p + len(mark)
            if not line.startswith(mark, p) or body >= len(line) or line[body].isspace():
                continue
            found = closers[mark]
            at = bisect_left(found, body + 1)  # the body has at least one character
            if at < len(found):
                out.append(line[body:found[at]])
                p = found[at] + len(mark)
                break
        else:
            out.append(line[p])
            p += 1
    return "".join(out)


def _positions(line: str, mark: str) -> list[int]:
    """Every index where ``mark`` starts, overlapping ones too (``***`` holds ``**`` twice)."""
    out: list[int] = []
    k = line.find(mark)
    while k >= 0:
        out.append(k)
        k = line.find(mark, k + 1)
    return out


# ---- HTML ------------------------------------------------------------------------------------

_BREAKS = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
           "section", "article", "blockquote", "pre", "dd", "dt", "table", "ul", "ol", "title",
           "header", "main", "center", "hr"}
_SKIP = {"script", "style", "noscript", "nav", "footer", "aside", "form", "button", "select",
         "iframe", "svg", "template", "head"}


class _TextCollector(HTMLParser):
    """Visible text, a new block at every block-level tag; <article> alone when present."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.article: list[str] | None = None
        self.article_depth = 0
        self.skip = 0
        self.in_title = False

    def _out(self) -> list[str]:
        return self.article if self.article_depth and self.article is not None else self.parts

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _SKIP:
            self.skip += 1
        if tag == "article":
            self.article_depth += 1
            if self.article is None:
                self.article = []
        if tag in _BREAKS:
            self._out().append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self._out().append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _SKIP and self.skip:
            self.skip -= 1
        if tag in _BREAKS:
            self._out().append("\n")
        if tag == "article" and self.article_depth:
            self.article_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self._out().append(data)


def html_blocks(text: str) -> list[Block]:
    """Text blocks of an HTML page (the stdlib parser; no markup survives)."""
    collector = _TextCollector()
    collector.feed(text)
    collector.close()
    body = "".join(collector.article if collector.article else collector.parts)
    title = " ".join("".join(collector.title).split())
    lines = [" ".join(line.split()) for line in body.split("\n")]
    blocks = [Block(title)] if title else []
    return blocks + [Block(line) for line in lines if line]


def _looks_like_html(text: str) -> bool:
    head = text[:512].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


# ---- Word ------------------------------------------------------------------------------------

_STYLE_HINTS = {
    "title": TITLE, "标题": TITLE,
    "subtitle": SUBTITLE, "副标题": SUBTITLE,
    "heading 1": HEADING, "标题 1": HEADING, "标题1": HEADING,
    "heading 2": HEADING2, "标题 2": HEADING2, "标题2": HEADING2,
    "heading 3": HEADING2, "标题 3": HEADING2, "标题3": HEADING2,
    "closing": CLOSING, "结束语": CLOSING,
    "signature": SIGNATURE, "签名": SIGNATURE, "date": SIGNATURE, "日期": SIGNATURE,
}


def _is_docx(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]


def _style_hint(style: object) -> str | None:
    """The hint of a paragraph style, following ``based on`` links for custom styles."""
    for _ in range(4):
        if style is None:
            return None
        name = (getattr(style, "name", None) or "").strip().lower()
        if name in _STYLE_HINTS:
            return _STYLE_HINTS[name]
        style = getattr(style, "base_style", None)
    return None


def _docx_blocks(data: bytes, file: Path) -> list[Block]:
    import io
    import zipfile

    try:
        import docx
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise InputError("读取 .docx 需要 python-docx（pip install python-docx）", file) from None
    try:
        check_zip(data)  # python-docx would inflate a bomb whole
    except ZipBomb as exc:
        raise InputError(f"Word 文件{exc.args[0]}", file) from None
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, OSError):
        raise InputError("无法打开 Word 文件（文件损坏或不是 .docx 格式）", file) from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise InputError("无法打开 Word 文件（文件损坏或不是 .docx 格式）", file) from None
    except Exception as exc:  # lxml errors in a damaged document part
        raise InputError(f"无法读取 Word 文件：{type(exc).__name__}", file) from None

    blocks: list[Block] = []
    hints: dict[str | None, str | None] = {}  # by style id: python-docx looks a style up by scanning
    for para in document.paragraphs:
        style_id = para._p.style
        if style_id not in hints:
            hints[style_id] = _style_hint(para.style)
        hint = hints[style_id]
        for line in para.text.split("\n"):
            if line.strip():
                blocks.append(Block(line, hint))
    # A document without a Title style often centres its first line instead.
    if blocks and not any(b.hint == TITLE for b in blocks):
        first = next(p for p in document.paragraphs if p.text.strip())
        if first.alignment == WD_ALIGN_PARAGRAPH.CENTER and blocks[0].hint is None:
            blocks[0].hint = TITLE
    return blocks
