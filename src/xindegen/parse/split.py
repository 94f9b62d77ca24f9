"""Split a cleaned collection into its essays and find the collection title.

A page often bundles several essays under one title. Essays start at a numbered marker
(篇一/篇2/第三篇：/范文一, possibly glued behind a repeat of the collection name), at a title
line that recurs (also when numbered after: …心得1, …心得（二）), at a title line that names the
genre (…心得体会) after some prose (or at the title over such a ——subtitle), or at a Word
paragraph in the Title style; never where the text goes on with its second numbered point.
The lines before the first essay are the collection's preamble: its title and headers such as
"3篇…" (numbered lines right before the text are the essay's first headings, not preamble).
"""

from __future__ import annotations

from .. import lazyre as re  # patterns compile on first use: imports stay fast
from collections import Counter
from dataclasses import dataclass, field

from ..text import CJK, CLOSE, TERMINAL, cjk_count, ends_sentence, parse_numeral
from . import titles as T
from .clean import CUT, is_title_like
from .ingest import CRUMB, PAGE_TITLE, SUBTITLE, TITLE, Block

_NUM = r"[一二三四五六七八九十两]{1,3}|\d{1,3}"
_MARKER = re.compile(
    rf"[【\[〖（(]?[ \u3000]*(?:篇[ \u3000]*(?P<a>{_NUM})|第[ \u3000]*(?P<b>{_NUM})[ \u3000]*篇|"
    rf"(?:范文|例文)[ \u3000]*[（(]?(?P<c>{_NUM})[)）]?)[ \u3000]*[】\]〗）)]?[ \u3000]*[:：、.．]?[ \u3000]*")
# An essay's title line lettered A. B. C. (A. 微电影《大风》观后感 / … / B. 微电影《重逢》观后感)
_LETTER_MARKER = re.compile(r"^[ \u3000]*([A-H])[.．、][ \u3000]*(\S.*)$")
_GENRE_WORD = re.compile(r"心得|体会|感悟|感想|观后感|读后感|有感|发言")
# An essay's title numbered like a heading, but naming the whole genre: 一、电影《长津湖》观后感
_NUMBERED_TITLE = re.compile(
    r"^[ \u3000]*([一二三四五六七八九十]{1,2}|\d{1,2})[、.．][ \u3000]*"
    r"(\S.{3,30}(?:观后感|读后感|心得体会|有感))[ \u3000]*$")
# A number word must end at the marker: 篇一千字 is prose, not 篇一.
_NOT_AFTER = set("千万百亿个章节部段则句零〇0123456789一二三四五六七八九十")
_GENRE = re.compile(
    r"(?:心得体会|心得|体会|感悟|感想|观后感|读后感|学习笔记|发言稿|发言材料|发言|研讨材料|交流材料|讲稿|"
    r"范文|汇编|合集|精选|大全|\d+篇)(?:范文|精选|合集|汇编|大全|模板)?(?:[：:][^：:]{2,30})?$")
_NUMBERED = re.compile(
    rf"^[（(]?[一二三四五六七八九十\d]{{1,3}}[）)、.．]|^[一二三四五六七八九十]{{1,3}}[●◆■]|^(?:{T.NUMBER_WORDS})[一二三四五六七八九十]{{1,3}}\s*[：:、．.]")
_N_ESSAYS = re.compile(r"^(?:精选)?\d+篇|^[一二三四五六七八九十]+篇")
_SITE_SEP = re.compile(r"\s*(?:_|\||｜|\s[-–—]\s)\s*")


@dataclass
class EssayPart:
    """The blocks of one essay, with the title the splitter found for it (if any)."""

    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    truncated: bool = False
    marker_title: str | None = None  # the title-like text a marker ended (X篇一), if no line follows


@dataclass
class Collection:
    """A page of one or more essays, and the title of the page when it bundles several."""

    title: str | None
    essays: list[EssayPart]


def split_collection(blocks: list[Block]) -> Collection:
    """Split cleaned ``blocks`` into essays (always at least one)."""
    named = [T.tidy(b.text) for b in blocks if b.hint == PAGE_TITLE]
    crumbs = [T.tidy(b.text) for b in blocks if b.hint == CRUMB]
    blocks = _without_teasers([b for b in blocks if b.hint not in (PAGE_TITLE, CRUMB)])
    if any(b.hint == TITLE for b in blocks):
        return _split_by_styles(blocks)
    hits = _marker_hits(blocks)
    if hits:
        preamble, parts = _split_at_markers(blocks, hits)
    else:
        preamble, parts = _split_at_titles(blocks)
    # an essay numbered by its marker (【篇二】) or opened by its own title line may show only the
    # start of its first sentence where the excerpt stops: the last one counts with a clause of prose
    if hits and len(parts) > 1 and not parts[-1].blocks and parts[-1].title and _started([Block(parts[-1].title)]):
        parts[-1].blocks, parts[-1].title = [Block(parts[-1].title)], None  # taken for its title
    parts = [p for i, p in enumerate(parts) if _has_prose(p.blocks) or (
        (hits or (p.title and len(p.blocks) <= 3)) and i == len(parts) - 1 and i > 0 and _started(p.blocks))] \
        or parts[:1]  # (a title line over a list of links is no essay cut off)
    collection = _collection_title(preamble) if len(parts) > 1 else None
    for part in parts:
        if part.title is None and part.marker_title:
            part.title = part.marker_title
    if len(parts) == 1 and parts[0].title is None:
        title, extra = _single_title(preamble, named, parts[0])
        title = title or _latin_title(preamble, parts[0])
        title = title or (crumbs[0] if crumbs else None)  # the breadcrumb names it, nothing else does
        parts[0].title = title
        parts[0].blocks[:0] = extra
        given = {b.text for b in extra}  # lines given back to the essay are none of its page's titles
        preamble = [t for t in preamble if t.strip() not in given]
    else:
        fallback = _fallback_title(preamble, parts)
        if parts[0].title is None:  # an essay in English first (a bilingual page) has its English title
            parts[0].title = _latin_title(preamble, parts[0])
        for part in parts:
            if part.title is None:
                part.title = fallback
    for part in parts:
        if part.title:
            part.title = T.strip_decoration(part.title)
    _drop_repeated_titles(parts, preamble + named)
    kept = _without_site_notes(parts)
    if len(kept) < len(parts) and len(kept) == 1:
        collection = None  # the page holds one essay after all
    return Collection(collection, kept)


# An English title: a few words, the first capitalised, no sentence's end.
_LATIN_TITLE = re.compile(r"^[A-Z][A-Za-z0-9 ,:;&'’()\-]{4,78}[A-Za-z0-9)]$")
# …and an English byline: Sharing from …, By …, Written by …
_LATIN_BYLINE = re.compile(r"^(?:Sharing|Shared|Written|Posted|Reported|Edited)\b|^By\b", re.I)
_LATIN_WORDS = re.compile(r"[A-Za-z]+")


def _latin_title(preamble: list[str], part: EssayPart) -> str | None:
    """The title of an essay written in English (its first paragraph twenty English words or more,
    hardly any Chinese): the first line before it of an English title's shape, bylines left out."""
    first = next((b.text for b in part.blocks if b.text.strip()), "")
    if len(_LATIN_WORDS.findall(first)) < 20 or cjk_count(first) >= 5:
        return None
    for line in preamble:
        line = line.strip()
        if _LATIN_TITLE.match(line) and 2 <= len(line.split()) <= 14 and not _LATIN_BYLINE.match(line) \
                and not T.is_site_name(line):
            return line
    return None


_ELLIPSIS_END = re.compile(r"(?:\.{3,}|…+)\s*$")


def _without_teasers(blocks: list[Block]) -> list[Block]:
    """Without a site's teaser: the text's opening cut off by … over the text itself (导读：读《论语》
    有感从二年级…明白这其中的... / 读《论语》有感 / 从二年级…), known by its last words coming again
    in a paragraph below."""
    out: list[Block] = []
    for i, block in enumerate(blocks):
        text = block.text.strip()
        cut = _ELLIPSIS_END.search(text) if block.hint is None and len(text) >= 30 \
            and text.endswith(("...", "…")) else None  # (the text is stripped: what the pattern's end needs)
        tail = text[:cut.start()].rstrip()[-12:] if cut else ""
        if cjk_count(tail) >= 8 and any(tail in b.text for b in blocks[i + 1:i + 5]):
            continue
        out.append(block)
    return out


# What a document site says about the document it sells (付费, 下载, VIP, 侵权 …).
_DOC_CHROME = re.compile(r"文档|下载|付费|会员|VIP|本站|网站|版权|上传|侵权|退款", re.I)


def _without_site_notes(parts: list[EssayPart]) -> list[EssayPart]:
    """The site's notes under the title, then the title again over the text: the notes are no essay."""
    kept: list[EssayPart] = []
    for i, part in enumerate(parts):
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        if nxt and part.title and nxt.title and T.key(part.title) == T.key(nxt.title) and _site_notes(part.blocks):
            continue
        kept.append(part)
    return kept


def _drop_repeated_titles(parts: list[EssayPart], page_titles: list[str]) -> None:
    """A page title or the essay's own title repeated inside the essay is site noise."""
    keys = {T.key(t) for t in page_titles if is_title_like(t, 60) and not t.lstrip().startswith(T.DASHES)
            and not T.is_epigraph(t) and not T.PART_LABEL.match(t.strip())}
    for part in parts:
        own = keys | ({T.key(part.title)} if part.title else set())
        again = [b.hint is None and is_title_like(b.text, 60) and T.key(b.text) in own for b in part.blocks]
        first = again.index(True) if True in again else None
        if first is not None and _site_notes(part.blocks[:first]):
            del part.blocks[:first]  # the site's notes on the document, then the title over the text
            del again[:first]
        part.blocks = [b for b, repeated in zip(part.blocks, again, strict=True) if not repeated]


def _site_notes(blocks: list[Block]) -> bool:
    """Blocks that are, half of them at least, what a document site says about what it sells."""
    return bool(blocks) and sum(bool(_DOC_CHROME.search(b.text)) for b in blocks) * 2 >= len(blocks)


# ---- Word styles -----------------------------------------------------------------------------

def _split_by_styles(blocks: list[Block]) -> Collection:
    parts: list[EssayPart] = []
    lead_in: list[Block] = []
    for block in blocks:
        if block.hint == TITLE:
            if parts and parts[-1].title is not None and not parts[-1].blocks:
                # A title set over two paragraphs: a second line with —— is the subtitle.
                if block.text.lstrip().startswith(("—", "-")):
                    parts[-1].blocks.append(Block(block.text, SUBTITLE))
                else:
                    parts[-1].title += " " + block.text.strip()
                continue
            parts.append(EssayPart(title=block.text.strip()))
        elif parts:
            _append(parts[-1], block)
        else:
            lead_in.append(block)
    if lead_in and _has_prose(lead_in):
        parts[0].blocks[:0] = lead_in
    preamble = [b.text for b in lead_in if b.text.strip()]
    return Collection(_collection_title(preamble) if len(parts) > 1 else None, parts)


def _append(part: EssayPart, block: Block) -> None:
    if block.hint == CUT:
        part.truncated = True
    else:
        part.blocks.append(block)


def _started(blocks: list[Block]) -> bool:
    """The start of a text cut off: ten Chinese characters at least, a comma among them (in its
    first lines together: 如果，你还没去过贡嘎…… / 我请你做好准)."""
    text = "".join(b.text for b in blocks[:4] if b.hint != CUT)
    return cjk_count(text) >= 10 and ("，" in text or "," in text)


def _has_prose(blocks: list[Block]) -> bool:
    return any(b.hint != CUT and not T.looks_like_title(b.text)
               and (cjk_count(b.text) >= 10 or len(_LATIN_WORD.findall(b.text)) >= 20)  # a page in English
               for b in blocks)


_LATIN_WORD = re.compile(r"[A-Za-z]+")


# ---- numbered markers (篇一, 第二篇, 范文三) ---------------------------------------------------

@dataclass
class _Hit:
    block: int
    cut: int  # where the previous essay ends (start of the marker or of its title prefix)
    start: int  # where this essay starts (after the marker)
    number: int


_VISIBLE = re.compile(r"\S")


def _marker_hits(blocks: list[Block]) -> list[_Hit]:
    """Markers at a sentence start (or behind a repeat of a collection title), in sequence."""
    found: dict[str, list[_Hit]] = {"a": [], "b": [], "c": [], "letter": [], "titled": []}
    for i, block in enumerate(blocks):
        text = block.text
        letter = _LETTER_MARKER.match(text) if block.hint != CUT else None
        if letter and T.looks_like_title(letter.group(2)) and _GENRE_WORD.search(letter.group(2)):
            found["letter"].append(_Hit(i, 0, letter.start(2), ord(letter.group(1)) - ord("A") + 1))
        titled = _NUMBERED_TITLE.match(text) if block.hint != CUT else None
        if titled and T.looks_like_title(titled.group(2)):
            found["titled"].append(_Hit(i, 0, titled.start(2), parse_numeral(titled.group(1))))
        if block.hint == CUT or not any(k in text for k in ("篇", "范文", "例文")):
            continue
        markers = list(_MARKER.finditer(text))
        if len(markers) >= 3 and not any(c in text for c in "。！？!?"):
            continue  # 第1篇X 第2篇Y 第3篇Z on one line without a sentence: the page's table of contents
        for m in markers:
            kind = next(k for k in "abc" if m.group(k))
            after = m.start(kind) + len(m.group(kind))
            if m.group(kind) and text[after:after + 1] in _NOT_AFTER:
                continue
            # (the next character, and whether any but spaces follow: not a copy of the rest of the line)
            prefix_start = _prefix_start(text, m.start(), at_end=_VISIBLE.search(text, m.end()) is None)
            if prefix_start is None:
                continue
            found[kind].append(_Hit(i, prefix_start, m.end(), parse_numeral(m.group(kind))))
    best: list[_Hit] = []
    for kind, hits in found.items():
        chain = _in_sequence(hits)
        if kind in ("letter", "titled") and len(chain) < 2:
            continue  # a line of a table of contents (1、X读后感), or an option (A. …): no set
        if len(chain) > len(best):
            best = chain
    return best


def _prefix_start(text: str, pos: int, at_end: bool = False) -> int | None:
    """Start of the text before a marker that belongs to it, or None when prose precedes it.

    Nothing, or a title-like chunk naming the genre or collection (春节…心得感悟篇一), may stand
    between the last sentence end and the marker; a marker that ends its line (心得体会的文体和方法篇一)
    may follow any title-like line.
    """
    if at_end and T.looks_like_title(text[:pos]):
        return 0
    lookback = text[max(0, pos - 60):pos]
    cut = max(lookback.rfind(c) for c in TERMINAL + CLOSE + "\n")
    if cut >= 0 and lookback[cut] in CLOSE and not ends_sentence(lookback[:cut + 1]):
        cut = max(lookback[:cut].rfind(c) for c in TERMINAL)
    if cut < 0 and pos > 60:
        return None
    start = max(0, pos - 60) + cut + 1
    prefix = text[start:pos].strip()
    if not prefix:
        return start
    if is_title_like(prefix, 60) and "，" not in prefix and _GENRE.search(prefix):
        return start
    return None


def _in_sequence(hits: list[_Hit]) -> list[_Hit]:
    """Hits numbered 1, 2, 3, … (a new run may start again at 1)."""
    chain: list[_Hit] = []
    for hit in hits:
        if hit.number == 1 or (chain and hit.number == chain[-1].number + 1):
            chain.append(hit)
    if len(chain) == 1 and chain[0].cut != 0 and chain[0].start != 0:
        # A lone 篇一 must at least open its line.
        return chain if blocks_start(chain[0]) else []
    return chain


def blocks_start(hit: _Hit) -> bool:
    return hit.cut == 0


def _split_at_markers(blocks: list[Block], hits: list[_Hit]) -> tuple[list[str], list[EssayPart]]:
    preamble: list[str] = []
    parts: list[EssayPart] = []
    by_block: dict[int, list[_Hit]] = {}
    for hit in hits:
        by_block.setdefault(hit.block, []).append(hit)
    for i, block in enumerate(blocks):
        if block.hint == CUT:
            if parts:
                parts[-1].truncated = True
            continue
        pos = 0
        for hit in by_block.get(i, []):
            before = block.text[pos:hit.cut].strip()
            if before:
                if parts:
                    _feed(parts[-1], before, block.hint, bool(pos))
                else:
                    preamble.append(before)
            head = block.text[hit.cut:hit.start]
            marker = _MARKER.search(head)
            prefix = head[:marker.start()].strip() if marker else ""
            if prefix and not parts:
                preamble.append(prefix)
            ends_line = _VISIBLE.search(block.text, hit.start) is None  # nothing after it: no copy of the rest
            parts.append(EssayPart(marker_title=prefix if ends_line and prefix else None))
            pos = hit.start
        rest = block.text[pos:].strip()
        if not rest:
            continue
        if parts:
            _feed(parts[-1], rest, block.hint, bool(pos))
        else:
            preamble.append(rest) if is_title_like(rest, 60) else None
    return preamble, parts


def _feed(part: EssayPart, text: str, hint: str | None, after_marker: bool) -> None:
    """Add text to an essay; its first text after the marker may carry the essay's title."""
    if part.title is None and not part.blocks and (after_marker or is_title_like(text)) \
            and not (part.marker_title and text.rstrip().endswith("…")):  # 篇一's title, then a trailing-off opening
        _take_title(part, text, hint)
    else:
        _append(part, Block(text, hint))


def _take_title(part: EssayPart, text: str, hint: str | None) -> None:
    """The text right after a marker: a title line, or a title glued to the first paragraph."""
    if is_title_like(text):
        part.title = text
        return
    split = split_glued_title(text)
    if split:
        part.title, text = split
    part.blocks.append(Block(text, hint))


_LEAD_OPENER = re.compile(r"(?:近日|近期|日前|近年来|连日来|当前|目前|今年|去年|前不久|随着|"
                          r"\d{4}年|\d{1,2}月\d{1,2}日)")


def split_glued_title(text: str) -> tuple[str, str] | None:
    """Split a title from the paragraph it was glued to (杜绝“乱加码”共享“幸福年”国务院…).

    The title ends at the last plausible boundary before the first comma or full stop, within
    32 characters: after a closing quote or 》, or where a date or a typical opening
    (近日, 目前, 2021年 …) starts the paragraph.
    """
    first = len(text)
    for mark in "，。！？；：,":
        i = text.find(mark, 0, 80)
        if 0 <= i < first:
            first = i
    limit = min(first, 33)
    best = 0
    for i in range(4, limit):
        prev, cur = text[i - 1], text[i]
        after_quote = prev in "”》）" and cur not in CLOSE + "，。、；：！？"
        date_starts = cur.isdigit() and not prev.isdigit() and "\u4e00" <= prev <= "\u9fff"
        if after_quote or date_starts or (_LEAD_OPENER.match(text, i) and best < i and i >= 6):
            best = i
    if best < 4 or len(text) - best < 10:
        return None
    return text[:best].strip(), text[best:]


# ---- title lines -------------------------------------------------------------------------------

_ESSAY_NUMBER = re.compile(r"\s*(?:[（(]?(?<!\d)\d{1,2}[)）]?|[（(][一二三四五六七八九十]{1,3}[)）])$")


def _key(text: str) -> str:
    """A title line's key: the essays of a page may be numbered after it (…心得体会1, …（二）)."""
    return _ESSAY_NUMBER.sub("", "".join(text.split()))


def _split_at_titles(blocks: list[Block]) -> tuple[list[str], list[EssayPart]]:
    """Essays start at a title line that recurs, or at a genre title after some prose.

    The essay before must have two paragraphs at least: a site repeats the title after the
    first paragraph of an essay, a collection does not hold one-paragraph essays.
    """
    blocks, dated = _dated_posts(blocks)
    texts = [_without_colon(b.text) for b in blocks]
    candidates = {i for i, b in enumerate(blocks)
                  if b.hint is None and is_title_like(texts[i]) and len(texts[i].strip()) >= 4
                  and not _NUMBERED.match(texts[i].strip())}
    counts: dict[str, int] = {}
    for i in candidates:
        counts[_key(texts[i])] = counts.get(_key(texts[i]), 0) + 1
    starts: set[int] = set()
    by_genre: set[int] = set()  # starts at a genre title that does not recur
    prose = 0  # prose paragraphs since the last start
    for i, block in enumerate(blocks):
        # the essay numbered one of a set (…观后感（一）, shown again as （二）) may follow one
        # paragraph of the site's introduction
        first_of_set = prose == 1 and not starts and bool(_FIRST_ESSAY.search(texts[i])) \
            and i in candidates and counts[_key(texts[i])] > 1
        if i in dated and prose >= 1:
            starts.add(i)
            prose = 0
        elif i in candidates and (prose >= 2 or first_of_set) and not _continues_numbering(blocks, i) and (
                counts[_key(texts[i])] > 1
                or (len(texts[i].strip()) >= 8 and _GENRE.search(_key(texts[i])) and not _one_of_parts(blocks, i))):
            j = i - 1
            while j >= 0 and not blocks[j].text.strip():
                j -= 1
            # a ——subtitle naming the genre: the essay starts at the title line over it
            lifted = block.text.lstrip().startswith(T.DASHES) and j >= 0 and j in candidates
            starts.add(j if lifted else i)
            if counts[_key(texts[i])] == 1:
                by_genre.add(j if lifted else i)
            prose = 0
        elif i not in candidates and _has_prose([block]):
            prose += 1
    first_prose = next((i for i, b in enumerate(blocks) if _has_prose([b])), len(blocks))
    if len(starts) == 1 and starts <= by_genre and _heading_of_one_essay(blocks, first_prose, min(starts)):
        starts = set()
    if starts and _FIRST_ESSAY.search(texts[min(starts)]) and min(starts) > first_prose \
            and sum(_has_prose([b]) for b in blocks[first_prose:min(starts)]) <= 2:
        first_prose = min(starts)  # the paragraph or two before the essay numbered one introduce the set
    # Numbered lines right before the first prose are the essay's first headings (标题 / 一、… /
    # 正文), never part of the page's preamble.
    # A label line ending in a colon may stand between the first heading and its text
    # (一、什么是大会发言 / 大会发言： / …).
    k = first_prose - 1
    while k >= 0 and blocks[k].hint is None:
        text = texts[k].strip()
        if (m := _NUMBERED.match(text)) and cjk_count(text[m.end():]) >= 2 \
                or (k == first_prose - 1 and _LABEL_LINE.match(text)):  # not a bare (一); 读书格言： over the text
            first_prose = k
        elif not (text.endswith(("：", ":")) and 2 <= cjk_count(text) <= 12 and is_title_like(text[:-1], 16)):
            break
        k -= 1
    # Title lines just before the first prose: the first essay's own title, or the preamble.
    lead = [texts[i].strip() for i, b in enumerate(blocks[:first_prose]) if b.text.strip() and b.hint != CUT]
    parts: list[EssayPart] = []
    first = EssayPart()
    recurring = {k for k, n in counts.items() if n > 1}
    preamble = lead
    # the line right before the first essay is its title when it recurs, or when the others
    # start at genre titles and it is one too, under the page's own title
    if starts and lead and (_key(lead[-1]) in recurring or (first_prose - 1 in dated) or (
            len(lead) >= 2 and len(lead[-1]) >= 8 and _GENRE.search(_key(lead[-1])) and is_title_like(lead[-1])
            and not _N_ESSAYS.match(lead[-1]))):  # 3篇… heads the collection
        first.title = _strip_site(lead[-1])
        preamble = lead[:-1]
        if lead[-1].startswith(T.DASHES) and len(lead) >= 2 and T.looks_like_title(lead[-2]):
            first.title = _strip_site(lead[-2])  # a title and its ——subtitle
            first.blocks.append(Block(lead[-1]))
            preamble = lead[:-2]
    parts.append(first)
    for i in range(first_prose, len(blocks)):
        block = blocks[i]
        if i in starts:
            parts.append(EssayPart(title=texts[i].strip()))
            continue
        _append(parts[-1], block)
    return preamble, parts


# A post's date under its title on a blog's list of posts: 2009年12月31日 星期四, September 22, 2011 0
_DATE_UNDER = re.compile(
    r"^\s*(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})"
    r"[^。！？!?，,]{0,12}$")


def _heading_of_one_essay(blocks: list[Block], first_prose: int, start: int) -> bool:
    """Whether the one genre line a page would start a second essay at heads a part of the first:
    the first essay's title line names no genre, and a short line of its own heads a part of it
    before the genre line (军训成长记 / … / 有苦有累有欢笑 / … / 关于军训，谈谈你的感悟 / …)."""
    over = next((b.text for b in reversed(blocks[:first_prose]) if b.text.strip()), "")
    if not over or T.GENRE.search(over) or not T.looks_like_title(over):
        return False
    return any(b.hint is None and T.looks_like_title(b.text) and not T.is_numbered(b.text)
               and _has_prose(blocks[k + 1:k + 2]) and _has_prose(blocks[k - 1:k])
               for k, b in enumerate(blocks[first_prose + 1:start], first_prose + 1))


def _dated_posts(blocks: list[Block]) -> tuple[list[Block], set[int]]:
    """A list of posts, each a title line over its date over its text: without the dates, and
    where each post's title stands (two posts at least)."""
    pairs = [i for i in range(len(blocks) - 2)
             if blocks[i].hint is None and is_title_like(blocks[i].text) and not T.is_numbered(blocks[i].text)
             and _DATE_UNDER.match(blocks[i + 1].text) and _has_prose(blocks[i + 2:i + 3])]
    if len(pairs) < 2:
        return blocks, set()
    dates = {i + 1 for i in pairs}
    kept = [b for k, b in enumerate(blocks) if k not in dates]
    return kept, {i - k for k, i in enumerate(pairs)}  # each title moves up by the dates before it


def _one_of_parts(blocks: list[Block], i: int) -> bool:
    """Whether a line naming the genre heads one part of the text, not an essay: the lines before
    and after it each head one paragraph (什么是读书心得？ / … / 如何准备写读书心得 / … / 写作步骤详解)."""
    def heads_one(k: int) -> bool:
        return k >= 0 and k + 2 < len(blocks) and blocks[k].hint is None \
            and T.looks_like_title(blocks[k].text.rstrip("？?")) and not T.is_numbered(blocks[k].text) \
            and _has_prose(blocks[k + 1:k + 2]) and not _has_prose(blocks[k + 2:k + 3])
    return heads_one(i) and heads_one(i - 2) and heads_one(i + 2)


_NUMBER = re.compile(r"^[（(]?([一二三四五六七八九十]{1,3}|\d{1,2})[）)、.．]")
# A label line that introduces the text under it (读书格言：, 我的感悟：): never a title.
# (A page's own label for what it shows, 资源描述： / 内容简介： / 正文：, stays out.)
_LABEL_LINE = re.compile(
    r"^(?![^：:]*(?:描述|简介|摘要|内容|正文|导读|提要|详情|介绍|预览|全文))[^，,。；;：:！？!?\s]{2,10}[：:]$")


# The first essay's number after its title line: …观后感（一）, …心得1
_FIRST_ESSAY = re.compile(r"(?:[（(][一1][)）]|(?<![\d.．])1)[ \u3000]*$")
# An essay's title line numbered after it and ended by a colon: 后天观后感（一）：
_NUMBERED_TITLE_COLON = re.compile(
    r"(?:[（(]?(?<!\d)\d{1,2}[)）]?|[（(][一二三四五六七八九十]{1,3}[)）])[ \u3000]*[：:][ \u3000]*$")


def _without_colon(text: str) -> str:
    """A title line numbered after it without the colon that ends it (后天观后感（一）： → 后天观后感（一））."""
    if text.rstrip().endswith(("：", ":")) and _NUMBERED_TITLE_COLON.search(text):
        return text.rstrip().rstrip("：:").rstrip()
    return text


def _continues_numbering(blocks: list[Block], i: int) -> bool:
    """Whether the text after a title line goes on with a heading numbered 2 or more: a site
    repeating the title inside an essay ((一)… 标题 (二)…), since no essay opens with its second point."""
    nxt = next((b.text.strip() for b in blocks[i + 1:i + 3] if b.text.strip()), "")
    m = _NUMBER.match(nxt)
    return m is not None and parse_numeral(m.group(1)) > 1


# ---- titles ----------------------------------------------------------------------------------

def _strip_site(line: str) -> str:
    """``学习心得体会_某某范文网`` → ``学习心得体会``; ``关于__市…`` keeps its blank."""
    pieces = _SITE_SEP.split(line.strip())
    if "_" in line and len(pieces) > 1 and not any(T.is_site_name(p) for p in pieces[1:]):
        return T.strip_site(line)
    if len(pieces) > 1 and cjk_count(pieces[0]) >= 4 and all(len(p) <= 20 for p in pieces[1:]):
        return pieces[0]
    return line.strip()


def _collection_title(preamble: list[str]) -> str | None:
    lines = [_strip_site(t) for t in preamble if is_title_like(t, 60)]
    return lines[0] if lines else None


ECHO_REACH = 600
"""Characters of the text's opening in which a title's words are looked for (see ``titles.echoes``)."""


def _single_title(preamble: list[str], named: list[str],
                  part: EssayPart) -> tuple[str | None, list[Block]]:
    """The title of a one-essay page, and the preamble lines that belong to the essay.

    The most title-like preamble line wins (see :mod:`titles`); a subtitle (——…) and an
    epigraph line go back to the essay, other lines (author, chrome) do not. Without any title
    line, the title may be glued to the first paragraph (twice, as document previews do, or
    after the document's name), or named by the page only.
    """
    lines: list[str] = []
    seen: dict[str, int] = {}
    for line in _join_wrapped_title(preamble):
        k = T.key(T.tidy(line))
        seen[k] = seen.get(k, 0) + 1
        if seen[k] == 1:
            lines.append(line.strip())
    named_keys = {T.key(n) for n in named}
    doubled = {k for k, n in seen.items() if n > 1}
    # three lines or more shown twice: the layout doubles its lines (an image's alt text and its
    # caption), which says nothing of a title
    recurring = (doubled if len(doubled) <= 2 else set()) | named_keys
    # prose only: a site's own line shown again inside the text (…精选50条) echoes nothing
    body = "".join(b.text for b in part.blocks[:8] if cjk_count(b.text) >= 30)[:ECHO_REACH]
    best = T.best_title(lines + named, recurring, named_keys, body)
    broken = _broken_title(lines, part)
    if broken and (best is None or best.score <= 0 or best.index == len(lines) - 1):
        return broken, []
    glued = _glued_title(part, [best.text] if best else [], named)
    if best is None or (glued and glued != best.text):
        # a page that shows only a ——subtitle: it is all the title there is
        only_subtitle = next((T.tidy(x.lstrip("—-―－ ")) for x in lines if x.startswith(T.DASHES)), None)
        labelled = [Block(lines[-1])] if lines and T.PART_LABEL.match(lines[-1]) else []  # 引言：…
        if not (glued or named or only_subtitle):
            over = _title_over_subtitle(part)
            if over:
                return over
        return glued or (named[0] if named else None) or only_subtitle, labelled
    subtitles = [Block(x) for x in lines if x.startswith(T.DASHES)]
    title, index = best.text, best.index
    for i, line in enumerate(lines):
        # the best line shown again as the ——subtitle: the title is the line standing over it
        if line.startswith(T.DASHES) and T.key(T.tidy(line.lstrip("—-―－ "))) == T.key(title) and i > 0 \
                and i - 1 != index and T.looks_like_title(lines[i - 1]) and not lines[i - 1].startswith(T.DASHES):
            title, index = T.tidy(lines[i - 1]), i - 1
    epigraphs = [Block(x) for i, x in enumerate(lines) if i != index and T.is_epigraph(x)]
    # the last line before the text, of the shape of a heading line standing alone in it, is the
    # first heading of the set (某某读后感1 / 给X一个Y？ / 正文 … 给Z一些W？ / 正文)
    last = lines[-1] if lines and index != len(lines) - 1 else ""
    if last and (T.PART_LABEL.match(last) or T.PART_NAME.match(last.strip())):
        epigraphs.append(Block(last))  # 引言：…, the text's first part
    elif last and is_title_like(last.rstrip("？！"), 32) and T.score(last) > 0 and any(
            b.hint is None and is_title_like(b.text.rstrip("？！"), 32) and T.same_line_shape(last, b.text)
            for b in part.blocks):
        epigraphs.append(Block(last))
    return title, subtitles + epigraphs


# A word no title ends with: the line broke inside the title (关于在…学习的 / 研讨发言材料).
_OPEN_END = re.compile(r"(?:的|和|与|及|在|对|关于|之|暨|以及)$")


# A word no title starts with: the line goes on from the one before (…学习会 / 上的主持讲话).
_OPEN_START = re.compile(r"^(?:[上中下后里内外前间]的|的(?!确)|之(?=[后前中间际])|暨)")


def _join_wrapped_title(preamble: list[str]) -> list[str]:
    """Preamble lines with a title broken over two lines joined again: a title-like line ending
    in a word no title ends with (的, 与, 关于 …), or before one starting with a word no title
    starts with (上的, 之后), and a title-like line after it."""
    joined: list[str] = []
    for line in preamble:
        prev = joined[-1] if joined else ""
        if prev and (_OPEN_END.search(prev.rstrip()) or _OPEN_START.match(line.lstrip())) \
                and T.looks_like_title(prev) and T.looks_like_title(line) \
                and cjk_count(prev) >= 4 and len(prev.strip()) + len(line.strip()) <= 60:
            joined[-1] = prev.rstrip() + line.strip()
        else:
            joined.append(line)
    return joined


def _title_over_subtitle(part: EssayPart) -> tuple[str, list[Block]] | None:
    """A title shown after the text's first paragraph or two (a news page opens with its lead),
    known by the ——subtitle under it; both leave the text."""
    blocks = part.blocks
    for k in range(1, min(3, len(blocks) - 2)):
        line, under = blocks[k].text.strip(), blocks[k + 1].text.strip()
        if blocks[k].hint is None and under.startswith(T.DASHES) and is_title_like(under, 60) \
                and T.looks_like_title(line) and cjk_count(line) >= 6 and not T.is_numbered(line) \
                and not T.is_epigraph(line) and _has_prose(blocks[k + 2:]):
            del blocks[k:k + 2]
            return T.tidy(line), [Block(under, SUBTITLE)]
    return None


# The genre word that ends a title, at the start of the text where the title broke: 论语 / 读后感子曰…
_GENRE_HEAD = re.compile(r"^(?:读后感|观后感|心得体会|有感)(?=[^，。、；：,.;:！？!?）)》”是的到就也让使中里和与要])")


def _broken_title(lines: list[str], part: EssayPart) -> str | None:
    """A title broken across the line: its last preamble line (a short name) and the genre word
    opening the text after it. The genre word is cut off the text."""
    if not lines or not part.blocks or part.blocks[0].hint is not None:
        return None
    name, text = lines[-1], part.blocks[0].text.lstrip()
    m = _GENRE_HEAD.match(text)
    if not m or not 2 <= cjk_count(name) <= 16 or not T.looks_like_title(name) or T.GENRE.search(name) \
            or cjk_count(text[m.end():]) < 10:
        return None
    part.blocks[0] = Block(text[m.end():])
    return name + m.group()


_GLUED_SUBTITLE = re.compile(
    r"^(.{2,20}?)(——.{2,30}?(?:心得|体会|感悟|有感|观后感|读后感|感想|发言))(?=\S)")


# A page that shows its title only in brackets before the text: 【读书笔记怎么写】在日常学习中…
_BRACKET_TITLE = re.compile(r"^[ \u3000]*【([^【】]{2,40})】")
# …but 【导语】, 【摘要】 and the like introduce the text, they are no title.
_BRACKET_NOTE = re.compile(r"导语|导读|摘要|提要|编者按|按语|前言|引言|提示|简介|关键词|原文|注")


# A title that names the genre glued to a paragraph that opens as essays do (近日, 2023年, 通过),
# or before a space.
_GENRE_GLUED = re.compile(
    r"^(\S[^，。；：！？,;:!?]{1,29}?(?:心得体会|心得|体会|感悟|感想|观后感|读后感|有感|发言材料|发言稿|发言))"
    r"(?=近日|近期|日前|近年来|连日来|当前|目前|今年|去年|前不久|随着|\d{4}年|\d{1,2}月|这次|本次|此次|通过|作为"
    r"|[ \u3000]+[^ \u3000])")  # …or a space, where a preview lost the line break


# A magazine page's column name (in Chinese and English), title and byline run together before
# the text: 青春风采YouthCharm恰同学少年，牢记使命不负韶华文/某某…
_SIGNED_GLUED = re.compile(
    rf"^[ \u3000]*((?:[{CJK}]{{2,6}}[A-Za-z][A-Za-z ]{{3,24}}(?=[{CJK}]))?)"
    r"([^。！？；;!?/／：:\s][^。！？；;!?/／：:]{3,39}?)(?=(?:文|作者|撰文|撰稿)[/／:：])")


def _glued_title(part: EssayPart, found: list[str], named: list[str]) -> str | None:
    """A title glued to the start of the first paragraph, which is cut off it.

    Document previews start with the document's name, often twice (XX近日…, or with the site's
    note between: X仅供参考X近日…), sometimes followed by the essay's own title and subtitle
    (名称持之以恒——某某学习心得俗话说…); some pages show it only in brackets before the text
    (【X】正文…), or glue a title that names the genre to an opening (…心得体会近日，…). A title
    found elsewhere is cut off the paragraph too when it names the genre and prose, not
    punctuation, follows.
    """
    if not part.blocks or part.blocks[0].hint is not None:
        return None
    text = part.blocks[0].text
    title: str | None = None
    repeated = T.repeated_prefix(text)
    if repeated:
        title, text = repeated
    else:
        for name in [*found, *named]:
            rest = text[len(name):]
            if (text.startswith(name) and len(rest) > 10 and T.GENRE.search(name)
                    and cjk_count(name) >= 6 and rest[0] not in CLOSE + "，。、；：,.;:！？!?"):
                title, text = name, rest
                break
    signed = _SIGNED_GLUED.match(text) if title is None and not found else None
    if signed and T.looks_like_title(signed.group(2)) and cjk_count(signed.group(2)) >= 4 \
            and not T.GENRE.fullmatch(signed.group(2)):
        title, text = signed.group(2).strip(), text[signed.end(2):]  # (the byline stays with the text)
    bracketed = _BRACKET_TITLE.match(text) if title is None else None
    if bracketed and T.looks_like_title(bracketed.group(1)) and cjk_count(bracketed.group(1)) >= 4 \
            and not _BRACKET_NOTE.search(bracketed.group(1)) and cjk_count(text[bracketed.end():]) >= 10 \
            and (not found or T.key(found[0]) == T.key(bracketed.group(1))):
        title, text = bracketed.group(1).strip(), text[bracketed.end():]
    if title is None and not found:
        genre = _GENRE_GLUED.match(text)  # 学习贯彻会议精神心得体会近日，我们…
        if genre and T.looks_like_title(genre.group(1)) and cjk_count(text[genre.end():]) >= 10:
            title, text = genre.group(1), text[genre.end():].lstrip(" \u3000")
    m = _GLUED_SUBTITLE.match(text)
    insert: list[Block] = []
    if m and T.looks_like_title(m.group(1)):
        title = m.group(1)
        insert = [Block(m.group(2))]
        text = text[m.end():]
    if title is None:
        return None
    part.blocks[0:1] = [*insert, Block(text)]
    return title


def _fallback_title(preamble: list[str], parts: list[EssayPart]) -> str | None:
    """The title for an essay that has none: a recurring essay title, else the header."""
    titles = [p.title for p in parts if p.title]
    counts = Counter(titles)  # (counted once: a page of thousands of posts)
    for title in titles:
        if counts[title] > 1:
            return title
    for line in preamble:
        if _N_ESSAYS.match(line.strip()):
            return _N_ESSAYS.sub("", line.strip()).strip() or None
    return _collection_title(preamble)
