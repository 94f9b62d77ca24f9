"""Turn one essay's cleaned blocks into an :class:`Outline` (title, lead, sections, closing).

Headings are found, in order of trust: Word/Markdown heading styles; numbered headings
(第一部分/Part.1, 一、/（一）/第一，/1./1.1/(1)) in sequence, the highest level present (in preview
text at any sentence start); short lines of their own between prose; couplets of verse opening
paragraphs; parallel heading sentences opening paragraphs (the genre's 排比 sub-headings: same
clause lengths, a shared frame; an opening frame of three characters across lengths), or ordinal
openers (首先，…。 其次，…。 / 一是 / 一要 / 其一 / 一方面, ranked ones at any sentence start) when
they make the longer set; short openers of one length in a row (or of two clauses, the first of
one length); a frame around a slot that even a subject opens (他们是…的榜样。); and short phrases
ended by a colon opening paragraphs (保持冷静：…). In a text cut off early one heading may be all it
shows. An essay without any keeps ``heading: null`` sections split where the argument moves on
(究其原因, 其次 …). Quotations are indexed per part (lead, sections, closing, a heading's with
its section), with their source when the text names it; an epigraph, or a title that is a line
of verse or a saying, is the lead's quote.
"""

from __future__ import annotations

from .. import lazyre as re  # patterns compile on first use: imports stay fast
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, product

from ..model import Closing, Lead, Outline, Quote, Section
from ..text import (
    CJK,
    OPEN,
    TERMINAL,
    cjk_count,
    ends_sentence,
    first_sentence,
    parse_numeral,
    split_sentences,
)
from . import titles as T
from .clean import is_title_like
from .ingest import CLOSING, HEADING, HEADING2, SIGNATURE, SUBTITLE, Block
from .split import EssayPart

# A paragraph this long, or a long one in an essay of one or two paragraphs, lost its paragraph
# breaks (a preview page); headings and turns are then looked for at every sentence start.
RUN_ON = 900

_CN = "一二三四五六七八九十"
_NUMBERINGS = (  # (level, pattern); the number is group 1; a lower level is a higher rank
    (-1, re.compile(rf"^(?:{T.NUMBER_WORDS})([{_CN}]{{1,3}})\s*[：:、．.]\s*")),  # 思考一：
    (0, re.compile(rf"^(?:第(?=[{_CN}]{{1,3}}部分)|[Pp][Aa][Rr][Tt][ .．]?0?(?=\d))([{_CN}]{{1,3}}|\d)(?:部分)?"
                   r"(?![\d.．])[：:、.．]?\s*")),
    # 一、 and 一 、 (and 一● in a bullet font; 一 and a space on a heading's line of its own)
    (1, re.compile(rf"^([{_CN}]{{1,3}})(?:[、．.，,●◆■]|[ \u3000][、．.]"
                   rf"|[ \u3000]+(?=[{CJK}][^。！？；;\s]{{1,29}}$))\s*")),
    (2, re.compile(rf"^[（(][ \u3000]?([{_CN}]{{1,3}})[ \u3000]?[）)]\s*[、．.]?\s*")),
    (3, re.compile(rf"^第([{_CN}]{{1,3}})[，,、：:]\s*")),
    # 1. 1、 and, on a line of its own, 3，学习心得：
    (4, re.compile(rf"^(\d{{1,2}})(?:[.．、](?![\d.．])|[，,](?=[{CJK}]{{2,16}}[：:]?$))\s*")),
    (5, re.compile(r"^\d{1,2}[.．](\d{1,2})(?![\d.．])[、.．]?\s*")),
    (6, re.compile(r"^[（(]?(\d{1,2})[）)]\s*[、．.]?\s*")),
    (7, re.compile(r"^([①-⑳])\s*")),
)
# Ordinal openers of paragraphs whose first sentence is the point (首先，…。 其次，…。 一是 一要
# 其一): the family and the rank in it (0: any rank after the first; 99: the last).
_ORDINAL = re.compile(
    rf"^(?:(?P<a>首先|其次|再次|再者|然后|此外|另外|同时|最后)|(?P<b>[{_CN}])是|(?P<c>(?:另)?一方面)|"
    rf"(?P<d>[{_CN}])要(?=[{CJK}]{{4}})|其(?P<e>[{_CN}]))[，,：:、]?\s*")
_ORDINAL_RANK = {"首先": 1, "其次": 2, "再次": 3, "最后": 99, "一方面": 1, "另一方面": 2}
# Sentence openers that move the argument on: a new (unheaded) section starts there.
_TURN = re.compile(
    r"^(?:究其原因|追根溯源|归根到底|归根结底|其次|再次|再者|最后|首先|此外|另外|与此同时|"
    rf"[{_CN}]是|第[{_CN}]|[{_CN}]要)")
# Openers that can start a new paragraph in run-on text (only used to end the lead).
_SOFT_TURN = re.compile(r"^(?:目前|当前|然而|其实|如今|而今|同时|因此|所以|但是|可是|诚然)")
# Openers of a closing paragraph: stepping back, looking ahead, a call.
_CLOSING = re.compile(
    r"^(?:总之|总而言之|综上|综上所述|一言以蔽之|总的来说|总的来看|总体而言|(?:我们|我)?(?:深信|相信|坚信)|"
    r"让我们|我们要|今后|在今后的|下一步|展望未来|面向未来|回首|征途漫漫|路漫漫|新征程|新的征程|"
    r"行百里者)")
# A sentence opened by these is prose, never a heading.
_NOT_HEADING = re.compile(
    r"^(?:因此|所以|但|而|然而|同时|并且|这|那|其|我|他|她|它|我们|你|如果|虽然|因为|由于|只有|只要|"
    r"正如|比如|例如|可见|总之|首先|其次|再次|最后|此外|另外|当|在这|对于|关于)")
# A figure's or a table's caption on its own line (图1. 放映现场, 表2：…) heads no part.
_CAPTION = re.compile(r"^\s*[图表]\s*\d+(?:[-－.．]\d+)?\s*[.．、:：\s]")
_SPEECH = re.compile(
    r"(?:曾经|曾)?(?:深刻|明确|反复|多次|一再)?(?:指出|强调|说过|说道|说|讲过|讲|云|曰|写道|有言|有云|所言|"
    r"所说|所讲|提到|提出|认为|告诫|要求|教导|言)(?:的|过|要)?(?:那样|一样)?[：:，,]?\s*(?:——)?$")
# Words that introduce a saying; a sentence opening with one is prose, not a heading.
_INTRODUCES = re.compile(r"所谓|俗话|常言|古人云|常说|曾说|说过|说道|所说|所言|指出|强调|告诉我们")
_BOOK = re.compile(r"《[^《》]{1,40}》(?:[·•][^，。：:“]{1,12})?")
_DATE_LINE = re.compile(r"^\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*\S{1,3}\s*月(?:\s*\S{1,3}\s*日)?\s*$")
_TRAILING = "。；;！!，,：: \u3000"
_HAN = re.compile(f"[{CJK}]")


@dataclass
class _Heading:
    para: int
    start: int  # offset of the heading sentence in its paragraph
    end: int  # offset where the body text resumes
    text: str


def build_outline(part: EssayPart, fallback_title: str) -> Outline:
    """Build the outline of one essay from the splitter's part (title, blocks, truncation)."""
    blocks = [b for b in part.blocks if b.text.strip()]
    title = (part.title or "").strip()
    subtitle = None
    if not title and blocks and blocks[0].hint is None and not T.is_numbered(blocks[0].text) \
            and not T.PART_LABEL.match(blocks[0].text.strip()) and (
            is_title_like(blocks[0].text) or T.looks_like_title(T.strip_decoration(blocks[0].text))):
        # a title may ask its question before the site's decoration: …怎么写？（三）
        title = T.strip_decoration(blocks.pop(0).text.strip())
        if blocks and blocks[0].hint is None and T.key(blocks[0].text) == T.key(title):
            blocks.pop(0)  # the page showed it again over the text
    title = title or fallback_title
    if "——" in title and not title.startswith("—"):
        title, _, rest = title.partition("——")
        subtitle = "——" + rest.strip()
        title = title.strip()
    if blocks and (blocks[0].hint == SUBTITLE or (
            blocks[0].text.lstrip().startswith(("——", "--", "――")) and is_title_like(blocks[0].text, 60))):
        subtitle = blocks.pop(0).text.strip()
        if subtitle.lstrip("—-― ") == title:  # the page showed the title twice, once as a subtitle
            subtitle = None

    outline = Outline(title=title, subtitle=subtitle)
    _take_signature(blocks, outline)
    closing = [b.text.strip() for b in blocks if b.hint == CLOSING]
    body = [b for b in blocks if b.hint != CLOSING]

    if any(b.hint in (HEADING, HEADING2) for b in body):
        lead, sections = _by_styles(body)
    else:
        paras = [b.text.strip() for b in body]
        cut = part.truncated or bool(paras and not ends_sentence(paras[-1]) and cjk_count(paras[-1]) >= 10)
        lead, sections = _by_text(paras, cut)
    if title != fallback_title and _first_of_set(title, lead, sections, subtitle):
        # the line over the text is the first heading of the set, and the page shows no title
        sections = [Section(heading=title, paragraphs=lead), *sections]
        lead = []
        outline.title = title = fallback_title
    if not closing:
        closing = _closing(sections, lead)
    if not sections and len(lead) > 1 and not closing:
        sections = [Section(paragraphs=lead[1:])]
        lead = lead[:1]

    outline.lead = Lead(paragraphs=lead)
    outline.sections = sections
    outline.closing = Closing(paragraphs=closing)
    _index_quotes(outline)
    _set_tags(sections)
    last = (closing or [p for s in sections for p in s.paragraphs] or lead or [""])[-1]
    if part.truncated or (last and not ends_sentence(last) and cjk_count(last) >= 10):
        outline.meta["truncated"] = True
    return outline


def _first_of_set(title: str, lead: list[str], sections: list[Section], subtitle: str | None) -> bool:
    """Whether the line taken for the title is the first of a set of three or more headings:
    of their length (within one), without their marks or a genre word, over a lead of prose."""
    heads = [s.heading for s in sections if s.heading]
    if len(heads) < 3 or len(heads) != len(sections) or not lead or subtitle or not 4 <= len(title) <= 16:
        return False
    sizes = [len(h) for h in heads]
    return max(sizes) - min(sizes) <= 1 and min(sizes) - 1 <= len(title) <= max(sizes) + 1 \
        and not T.GENRE.search(title) and not any(c in title for c in "：:，,？?！!《》“”·—-") \
        and all(not any(c in h for c in "：:，,？?！!《》“”") for h in heads) and _is_prose(lead[0])


def _take_signature(blocks: list[Block], outline: Outline) -> None:
    """Unit, author and date lines at the end (Signature style, or a bare date line)."""
    tail: list[str] = []
    while blocks and (blocks[-1].hint == SIGNATURE or (
            not tail and _DATE_LINE.match(blocks[-1].text))):
        tail.insert(0, blocks.pop().text.strip())
    if tail and _DATE_LINE.match(tail[-1]):
        outline.date = tail.pop()
    if len(tail) == 1:
        outline.author = tail[0]
    elif tail:
        outline.unit, outline.author = tail[0], " ".join(tail[1:])


# ---- styled documents ------------------------------------------------------------------------

def _by_styles(body: list[Block]) -> tuple[list[str], list[Section]]:
    """Sections at Heading 1 paragraphs (Heading 2 too when the author used no Heading 1)."""
    top = HEADING if any(b.hint == HEADING for b in body) else HEADING2
    lead: list[str] = []
    sections: list[Section] = []
    for block in body:
        text = block.text.strip()
        if block.hint == top:
            sections.append(Section(heading=_clean_heading(text)))
        elif sections:
            sections[-1].paragraphs.append(text)
        else:
            lead.append(text)
    return lead, sections


# ---- plain text -------------------------------------------------------------------------------

# A part number on a line of its own, the part's heading on the next (Part.1 / 第一部分).
_PART_LINE = re.compile(rf"^(?:第[{_CN}]{{1,3}}部分|[Pp][Aa][Rr][Tt][ .．]?0?\d)$")


def _join_part_lines(paras: list[str]) -> list[str]:
    out: list[str] = []
    for para in paras:
        if out and _PART_LINE.match(out[-1]) and is_title_like(para):
            out[-1] += " " + para
        else:
            out.append(para)
    return out


# A line naming the genre alone in the text is an essay's title (…读书心得大学生), no heading.
# (numbered as one essay of a set too: 参观博物馆心得体会一, 心得体会（1）)
_NAMES_GENRE = re.compile(r"(?:心得|体会|感悟|观后感|读后感|有感)(?:大学生|中学生|小学生|范文|\d+字)?"
                          r"(?:[一二三四五六七八九十]|\d{1,2}|[（(](?:[一二三四五六七八九十]|\d{1,2})[)）])?[：:]?$")
# A heading of a name and a phrase: 《红楼梦》精读会：素人领读、分享交流
_LABELLED_PHRASE = re.compile(r"^[^，,：:。]{2,12}[：:][^，,：:。]{4,12}$")


def _join_broken_heading(paras: list[str]) -> list[str]:
    """A heading broken after its colon, over two short lines (《红楼梦》精读会： / 素人领读、分享交流),
    made one line again when prose follows."""
    out: list[str] = []
    for i, para in enumerate(paras):
        if out and out[-1].endswith(("：", ":")) and 2 <= cjk_count(out[-1]) <= 16 and is_title_like(out[-1][:-1], 16) \
                and not _FIELD.search(out[-1][:-1]) and is_title_like(para, 24) and cjk_count(para) >= 4 \
                and i + 1 < len(paras) and _is_prose(paras[i + 1]) and (len(out) < 2 or not is_title_like(out[-2], 32)):
            out[-1] += para
        else:
            out.append(para)
    return out


def _by_text(paras: list[str], cut: bool = False) -> tuple[list[str], list[Section]]:
    """Lead and sections of plain paragraphs; ``cut``: the text stops short (an excerpt), so
    that one heading may be all it shows of a set."""
    paras = _join_broken_heading(_join_part_lines(paras))
    # an essay of one paragraph is a preview that lost its breaks, whatever its length
    run_on = {i for i, p in enumerate(paras) if len(p) > RUN_ON
              or (len(paras) <= 2 and len(p) > RUN_ON // 3) or (len(paras) == 1 and len(p) > 100)}
    # couplets of verse before sentences of one shape: two lines of 7 are of one shape too
    heads = _above_items(paras, _numbered(paras, run_on)) or _own_lines(paras, cut) or _verse_openers(paras) \
        or _marked_openers(paras) or _glued_lines(paras)
    if not heads:
        # a pair of like sentences gives way to a longer set of points opened 首先… 其次… 再次…,
        # or to a run of three short openers that holds it
        heads = _extend_run(paras, run_on, _parallel(paras, run_on))
        if len(heads) <= 2:
            heads = max(heads, _ordinals(paras, run_on, cut), key=len)
        if len(heads) <= 2:
            run = _short_openers(paras, run_on, cut)
            heads = run if {h.para for h in heads} <= {h.para for h in run} else heads
        heads = heads or _announced(paras, run_on) or _long_openers(paras, run_on) \
            or _framed_openers(paras, run_on) or _colon_openers(paras, run_on) or _reported_points(paras) \
            or _defining_openers(paras, run_on) or _short_labels(paras, run_on)
    heads = _with_labelled_parts(paras, heads)
    if heads:
        return _cut(paras, heads)
    return _by_turns(paras, run_on)


# A heading set off at the start of its paragraph by brackets or bold marks: 【X】… / **X**…
_MARKED_HEAD = re.compile(r"^(?:【([^【】\n]{2,24})】|\*\*([^*\n]{2,24})\*\*)[ \u3000]*(?=\S)")


def _marked_openers(paras: list[str]) -> list[_Heading]:
    """Paragraphs opened by a heading in 【】 or ** marks, the body after it: two or more."""
    heads: list[_Heading] = []
    for i, para in enumerate(paras):
        m = _MARKED_HEAD.match(para)
        if m and cjk_count(para[m.end():]) >= 10 and cjk_count(m.group(1) or m.group(2)) >= 2 \
                and not _BRACKET_NOTE.search(m.group(1) or m.group(2)):
            heads.append(_Heading(i, 0, m.end(), (m.group(1) or m.group(2)).strip()))
    return heads if 2 <= len(heads) <= MAX_PARALLEL else []


# 【导语】, 【摘要】 and the like introduce the text: no heading.
_BRACKET_NOTE = re.compile(r"导语|导读|摘要|提要|编者按|按语|前言|提示|简介|关键词|原文|注|图|视频|来源")


_CLOSING_LABEL = re.compile(r"^(?:结语|结束语|总结|小结|尾声)[ \u3000]*$")


def _with_labelled_parts(paras: list[str], heads: list[_Heading]) -> list[_Heading]:
    """Lines standing alone that name their part (引言：…, 结语：…) head it beside the set found,
    or make the set themselves when there are two."""
    taken = {h.para for h in heads}
    labelled = [_Heading(i, 0, len(p), p) for i, p in enumerate(paras)
                if i not in taken and i + 1 < len(paras) and (
                    (T.PART_LABEL.match(p) and is_title_like(p, 32))
                    # the opening part's bare name (引, 前言) over the text before the set's first
                    or (heads and T.PART_NAME.match(p) and i < heads[0].para and _is_prose(paras[i + 1]))
                    # the closing part's bare name (结语, 总结) among the headings of a set
                    or (heads and _CLOSING_LABEL.match(p) and i > heads[0].para and _is_prose(paras[i + 1])))]
    if not labelled or (not heads and len(labelled) < 2):
        return heads
    return sorted([*heads, *labelled], key=lambda h: h.para)


_FIRST_ITEM = re.compile(r"^1[.．、](?![\d.．])")


def _above_items(paras: list[str], heads: list[_Heading]) -> list[_Heading]:
    """Numbers in digits (1. 2.) under a line standing alone right over the first: the line is
    the heading and the numbers its items (为什么要讲规矩？ / 1.我们党的性质决定了… / …), with
    the lines of its shape over later items."""
    if not heads or heads[0].start or not paras[heads[0].para][:1].isdigit() or heads[0].para < 2:
        return heads
    over = paras[heads[0].para - 1]
    if not (is_title_like(over.rstrip("？！"), 32) and cjk_count(over) >= 4) or over[:1].isdigit() \
            or T.is_numbered(over) or _DATE_LINE.match(over) or over.endswith(("：", ":")) or _ANNOUNCES.search(over):
        return heads  # 几点体会 announces the numbers, which are the headings
    # the lines of its shape over each item numbered 1 (the numbers start again under each)
    # or over any later item
    under = {h.para for h in heads[1:]} | {i for i, p in enumerate(paras) if _FIRST_ITEM.match(p)}
    lines = {heads[0].para - 1} | {i - 1 for i in under if i >= 2 and T.same_line_shape(paras[i - 1], over)
                                   and is_title_like(paras[i - 1].rstrip("？！"), 32)}
    top = [_Heading(i, 0, len(paras[i]), paras[i]) for i in sorted(lines)]
    # a longer numbered set under one line alone is the set of headings, the line its preface
    return top if len(heads) <= 2 or len(top) >= 2 else heads


def _clean_heading(text: str) -> str:
    text = text.strip()
    for _, pattern in _NUMBERINGS:
        m = pattern.match(text)
        if m:
            text = text[m.end():]
            break
    else:
        m = _HEAD_NUMBER.match(text)
        if m and cjk_count(text[m.end():]) >= 2:
            text = text[m.end():]
        bracketed = _HEAD_BRACKETS.match(text)
        if bracketed:
            text = bracketed.group(1)
    return text.strip().rstrip(_TRAILING) or text


# Numbers that open a heading line but make no set of _NUMBERINGS (they number items more often):
# 01 X, 一 X, Ⅰ. X, 第一点：X, 体会之一：X; and a line in brackets (【X】).
_HEAD_NUMBER = re.compile(
    rf"^(?:#{{1,6}}[ \u3000]+|0\d[ \u3000]+|[{_CN}][ \u3000]+|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ][.．、]?[ \u3000]*|"
    rf"第[{_CN}]{{1,2}}点[：:、，,]?|[{CJK}]{{2}}之[{_CN}]{{1,2}}[：:、，,]|[①-⑳])")
_HEAD_BRACKETS = re.compile(r"^[【〖\[]([^【】〖〗\[\]]{2,30})[】〗\]]$")


# how each of _NUMBERINGS opens (or with a digit, \d)
_NUMBER_FIRST = frozenset(f"第Pp（({_CN}①②③④⑤⑥⑦⑧⑨⑩") | {word[0] for word in T.NUMBER_WORDS.split("|")}
# _NUMBERINGS matched at a position of the paragraph (pattern.match(para, pos)), where ^ would fail
_NUMBERINGS_AT = tuple((level, re.compile(pattern.pattern.removeprefix("^"))) for level, pattern in _NUMBERINGS)


def _numbered(paras: list[str], run_on: set[int] | None = None) -> list[_Heading]:
    """Numbered headings 一、/（一）/第一，/1./1.1/(1) counting 1, 2, 3 …; the top level that has two.

    In run-on text (a preview page) a number may open any sentence; there a lone 一、 counts too,
    the rest of the essay being cut off.
    """
    by_level: dict[int, list[_Heading]] = {}
    listed: dict[int, int] = {}  # numbered lines of a level that are the items of a list (…；)
    expected: dict[int, int] = {}
    run_on = run_on or set()
    for i, para in enumerate(paras):
        starts = _sentence_starts(para, True) if i in run_on else [(0, para)]
        if i in run_on and ("：" in para or ":" in para):  # 现将情况报告如下：一、基本情况 …
            at = {pos for pos, _ in starts}
            starts = sorted([*starts, *((m.end(), "") for m in _COLON_NUMBER.finditer(para) if m.end() not in at)])
        for pos, _ in starts:
            while pos < len(para) and para[pos] in " \u3000":
                pos += 1  # a sentence that opens after the spaces standing for a paragraph break
            if pos < len(para) and para[pos] not in _NUMBER_FIRST and not para[pos].isdecimal():
                continue  # no numbering opens here: no copy of the rest of a run-on paragraph to look at
            for level, pattern in _NUMBERINGS_AT:
                m = pattern.match(para, pos)  # at pos, no copy of the rest of a run-on paragraph
                if not m:
                    continue
                g = m.group(1)
                number = ord(g) - ord("①") + 1 if "①" <= g <= "⑳" else parse_numeral(g)
                if number == 1:
                    by_level[level] = []
                    listed[level] = 0
                elif number != expected.get(level):
                    break
                expected[level] = number + 1
                head = _heading_span(para, m.end(), glued=i in run_on)
                if head is not None and cjk_count(para[m.end():head[0]]):  # a bare number heads nothing
                    by_level[level].append(_Heading(i, pos, head[1], para[m.end():head[0]]))
                elif head is None and para.rstrip().endswith(("；", ";", "，", ",")):
                    listed[level] += 1
                break
    for level, n in listed.items():
        if n >= 2 and n > len(by_level[level]):
            by_level[level] = []  # 一、自觉的而非奴隶的； … 六、科学的而非想象的。: the items of a list
    for level, heads in by_level.items():
        if _numbered_prose(heads):
            by_level[level] = []
    levels = [level for level in sorted(by_level) if by_level[level]]
    if not levels:
        return []
    top = by_level[levels[0]]
    # The highest level wins, even alone: the numbers under it (（1）…；) are its items, and an
    # excerpt or a one-part essay may show one 一、 only. Lower levels need two to count alone.
    if len(top) >= 2 or (len(levels) > 1 and all(h.para >= top[0].para for lv in levels[1:] for h in by_level[lv])):
        return top
    for level in levels:
        if len(by_level[level]) >= 2:
            return by_level[level]
    return top if len(levels) == 1 else []


def _numbered_prose(heads: list[_Heading]) -> bool:
    """Numbered paragraphs of an argument, no headings: a third or more of three or more open as
    a sentence goes on from the one before (但…, 而…, 所以…, 这…), which no heading does."""
    return len(heads) >= 3 and 3 * sum(bool(_GOES_ON.match(h.text.lstrip())) for h in heads) >= len(heads)


# Openers of a sentence that goes on from the one before it: no heading opens so.
_GOES_ON = re.compile(
    r"^(?:但(?![求愿])|而|所以|因此|然而|况且|并且|可是|不过|于是|因为|由于|这时|这样|那么|可见|总之)")


def _heading_span(para: str, start: int, glued: bool = False) -> tuple[int, int] | None:
    """End of the heading text after a number at ``start``, and where the body resumes; None if too long.

    A numbered line of its own is a heading at any length short of a paragraph; in run-on text
    (``glued``) a heading may run into its body without a mark, where the body restates the
    heading's key term (一、坚持问题导向是马克思主义的鲜明特质马克思主义具有…).
    Only a window of the rest is copied: a run-on paragraph has thousands of numbers.
    """
    size = len(para) - start
    rest = para[start:start + _WINDOW]  # all of the rest wherever its whole length counts
    if size <= 60 and rest.rstrip().endswith(("；", ";", "，", ",")):
        return None  # an item of a list, not a heading
    colon = _NUMBERED_COLON.match(para, start)  # 一、坚持学习不放松：学习是…。 the heading ends at its colon
    lead = _NON_SPACE.search(para, start)
    lo, hi = lead.start() if lead else len(para), _tail(para)[0]  # the rest without its outer spaces
    if colon and hi - lo <= 40 and is_title_like(para[lo:hi], 40):
        colon = None  # …unless no sentence follows it: 一、思想的再洗礼：从“知道”到“深信”，校准…
    if colon and cjk_count(colon.group(1)) >= 2 and cjk_count(para[colon.end():colon.end() + 40]) >= 10 \
            and not _FIELD.search(colon.group(1)) and not _SPEECH.search(colon.group(0)):
        return colon.end(1), colon.end()
    spaced = _SPACED_HEAD.match(para, start)
    if spaced and spaced.end() <= _tail(para)[2] and spaced.end() <= _tail(para)[1]:
        return spaced.end(1), spaced.end()  # 一、提高认识 学习是…。 (10 Chinese characters and an end after it)
    if not glued:
        cut = _glued_body(rest)
        if cut is not None:  # 一、背景作为本小学的一名校长，我…。: a document line that lost its break
            return start + cut, start + cut
    if (hi - lo <= 40 and is_title_like(para[lo:hi], 40)) \
            or (size <= (40 if glued else 64) and len(split_sentences(rest)) == 1):
        return len(para), len(para)
    if size <= 90 and not any(c in rest for c in "。！？；;!?"):
        return len(para), len(para)
    first = first_sentence(rest)  # cut by the window only where it is longer than 60 anyway
    opens = _body_opens(first) if glued and len(first) > 12 else None
    if opens is not None:  # 一、环境布置有特色走进校园后就像是…。: the body opens inside the sentence
        return start + opens, start + opens
    if len(first) > (40 if glued else 60) or not ends_sentence(first):
        m = re.match(r"[^：:]{2,30}[：:]", rest)
        if m:
            first = m.group()
        else:
            cut = (_body_opens(rest) or _restated(rest)) if glued else None  # both read 62 characters at most
            if cut is None:
                return None
            return start + cut, start + cut
    return start + len(first), start + len(first)


_WINDOW = 256  # more than any test of _heading_span reads of the rest (and than its lengths 60, 64, 90)
_NON_SPACE = re.compile(r"\S")
_CJK_CHAR = re.compile(f"[{CJK}]")


@lru_cache(maxsize=1)
def _tail(para: str) -> tuple[int, int, int]:
    """Of a paragraph, once: its length without trailing spaces, the last place the rest may open
    and still hold 。！？!?, and the last where it still holds ten Chinese characters."""
    stop = max(para.rfind(c) for c in "。！？!?")
    tenth = next(islice(_CJK_CHAR.finditer(para[::-1]), 9, None), None)  # from the end
    return len(para.rstrip()), stop, len(para) - 1 - tenth.start() if tenth else -1


# A numbered heading ended by a colon, its body after it on the line (no comma before the colon).
_NUMBERED_COLON = re.compile(r"\s*([^，,。；;：:！？!?\s“”][^，,。；;：:！？!?“”]{1,23})[：:]\s*")
# A heading (commas allowed) that spaces part from its body: 一、提高认识 学习是…
_SPACED_HEAD = re.compile(
    rf"([^，,。；;：:！？!?\s][^。；;：:！？!?\s]{{1,29}}[{CJK}”》）)])[ \u3000]+(?=[{CJK}“‘《（(])")
# A number right after a colon opens a heading in run-on text (报告如下：一、基本情况 …).
_COLON_NUMBER = re.compile(
    rf"[：:]\s*(?=[{_CN}]{{1,3}}[、．.]|[（(][{_CN}]{{1,3}}[）)]|第[{_CN}]{{1,3}}[，,、]|\d{{1,2}}[.．、](?!\d))")


# How the body of a part opens in any layout, right after a heading glued to it: the writer
# (我们看到), a visit (走进校园后), a scene-setting adverbial (在参观的过程中，), a source (据介绍).
_BODY_OPENER = re.compile(
    r"(?<![是的让使为给对和与向把被帮替叫令要])(?:我们|我(?![国党省市县区校军们]))(?!的)|走进|走入|来到|据[^，。]{0,6}介绍|通过|随着|作为|近年来|"
    rf"在[^，,。；{_CN}]{{1,12}}(?:中|时|后|里|期间)[，,]")


def _body_opens(text: str) -> int | None:
    """Where a heading glued to its body ends: at the first opener of a body (4 to 20 in)."""
    clause = re.split("[，,。；：:！？]", text, maxsplit=1)[0]
    m = _BODY_OPENER.search(text, 4, min(len(clause), 20) + 1)
    return m.start() if m and m.start() < len(clause) else None


# A numbered heading glued to its body on its own line (a document copied without its breaks):
# the body opens with the writer's occasion (作为…, 本次…, 通过…) or with the heading's first item (1.).
# (not after a verb or a word that goes on: 要通过学习…, 是作为… are one clause of a heading)
_LINE_BODY_OPENER = re.compile(r"(?<![要应需须能会可是的在把将和与并都也还就才来去以了被让使对向从为而等不])"
                               r"(?:作为|本次|此次|这次|通过)")
_FIRST_SUB_ITEM = re.compile(rf"[1１][.．、](?![\d.．])[ \u3000]*(?=[{CJK}])")


def _glued_body(text: str) -> int | None:
    """Where the body starts inside the first clause of a long numbered line (2 to 12 in), if it does."""
    clause = re.split("[，,。；;：:！？!?]", text, maxsplit=1)[0]
    if len(first_sentence(text)) < 24 or len(clause) < 12:
        return None
    m = _FIRST_SUB_ITEM.search(clause, 2, 14) or _LINE_BODY_OPENER.search(clause, 2, 13)
    if m and cjk_count(clause[:m.start()]) >= 2 and cjk_count(text[m.start():m.start() + 40]) >= 10:
        return m.start()
    return None


def _restated(text: str) -> int | None:
    """Where a heading glued to its body ends: the body opens with a term the heading used."""
    clause = re.split("[，,。；：:！？]", text, maxsplit=1)[0]
    best, at = 2, None
    for k in range(6, min(len(clause) - 2, 31)):
        n = 0
        while k + n < len(clause) and clause[k:k + n + 1] in clause[:k]:
            n += 1
        if n > best:
            best, at = n, k
    return at


# A site's title for a page of essays, repeated between them (…观后感2000字精选50条), no heading.
_SITE_TITLE = re.compile(r"\d{3,5}\s*字|精选\s*\d+|\d+\s*篇")


# A speech's salutation (尊敬的各位领导、同志们：) on its own line heads no part.
_SALUTATION = re.compile(r"^(?:尊敬的|敬爱的|亲爱的|各位|同志们|老师们|同学们|朋友们|大家好)")


def _own_lines(paras: list[str], cut: bool = False) -> list[_Heading]:
    """Short lines standing alone between prose paragraphs: two or more make the headings, or
    one near the end of a text that is cut off (the excerpt stops in its first part)."""
    heads: list[_Heading] = []
    short: list[int] = []  # lines of a heading's shape over a short paragraph of one sentence or two
    for i in range(1, len(paras) - 1):
        text = paras[i]
        verse = len(text) <= 40 and T.is_verse(text)  # a line of verse heads a part: 海日生残夜，江春入旧年。
        # the last paragraph of a cut text may stop before its first full stop
        prose = _is_prose(paras[i + 1]) or (cut and i + 2 == len(paras) and cjk_count(paras[i + 1]) >= 20)
        # a heading may ask its question (为什么要读书？), call out (青春须奋斗！) or announce (由来：)
        # the last of a block of short lines (a poem, a list) is none either
        prose = prose or (_latin_heading(text) and _latin_prose(paras[i + 1]))
        if (verse or (is_title_like(text.rstrip("？?！!：:"), 32) and cjk_count(text) >= 4) or _latin_heading(text)) \
                and not (i > 1 and is_title_like(paras[i - 1], 32) and not paras[i - 1].startswith(T.DASHES)) \
                and not _DATE_LINE.match(text) and not _SITE_TITLE.search(text) and not _CAPTION.match(text) \
                and not _BROKEN_AFTER.match(paras[i + 1]) \
                and not _GOES_ON.match(_clean_heading(text)) and not _record_line(text) \
                and not (text.endswith(("：", ":")) and (_SPEECH.search(text) or _SALUTATION.match(text))):
            if prose:
                heads.append(_Heading(i, 0, len(text), text))
            elif cjk_count(paras[i + 1]) >= 8 and ends_sentence(paras[i + 1]):
                short.append(i)
    if len(heads) < 2:
        heads = _dotted_lines(paras) or heads
    if len(heads) >= 2 and short:  # the set is there: a part with a short body belongs to it
        heads = sorted([*heads, *(_Heading(i, 0, len(paras[i]), paras[i]) for i in short)], key=lambda h: h.para)
    if heads and len(heads) < MAX_PARALLEL:
        heads = _own_line_peers(paras, heads)
    if len(heads) == 2 and not T.same_line_shape(heads[0].text, heads[1].text) \
            and all("，" in h.text or h.text.endswith("…") for h in heads):
        return []  # two lines of clauses of sentences, not of one shape: a blog's short paragraphs
    # one line alone in a text cut off: near its end (the excerpt stops in the first part), or
    # anywhere when it is a heading's phrase (当上飞行员), no clause of a sentence
    if len(heads) == 1 and cut and (heads[0].para >= len(paras) - 3 or (
            len(heads[0].text) <= 16 and not any(c in heads[0].text for c in "，,：:")
            or _LABELLED_PHRASE.match(heads[0].text))) and not _NAMES_GENRE.search(heads[0].text) \
            and not _UNIT_AND_NAME.match(heads[0].text) \
            and sum(is_title_like(p, 32) for p in paras[1:-1]) == 1:  # the only short line of the body
        return heads
    return heads if len(heads) >= 2 else []


def _record_line(text: str) -> bool:
    """A line that fills in a record's field (某某 某某大学 军训时间：1995年): a byline, no heading."""
    head, colon, value = text.partition("：") if "：" in text else text.partition(":")
    return bool(colon) and bool(value.strip()) and bool(_FIELD.search(head.strip()))


# A paragraph opening inside a sentence (的进化，…): the line over it broke mid-sentence, no heading.
_BROKEN_AFTER = re.compile(r"^(?:的|地(?![方区域球图点])|得(?![到出以])|着(?![手眼力重想])|们)")


# A writer's unit and name run together (组织教育处陈彦, 城关第二小学李红): the text's byline.
_UNIT_AND_NAME = re.compile(
    rf"^[{CJK}]{{2,12}}(?:处|科|室|局|院|所|中心|支部|委员会|学校|中学|小学|大学|学院|医院|公司|银行)[{CJK}]{{2,3}}$")


def _dotted_lines(paras: list[str]) -> list[_Heading]:
    """Headings that lost their bold and kept their full stop, each a paragraph of one short
    sentence over prose (坚持学习不放松。 / 首先，坚持学习不放松。): three or more of like length."""
    found: list[_Heading] = []
    for i in range(1, len(paras) - 1):
        text = paras[i]
        if not text.endswith("。") or len(text) > 26 or not _is_prose(paras[i + 1]):
            continue
        ordinal = _ORDINAL.match(text)
        point = text[ordinal.end():] if ordinal else text
        point = point[:-1]
        if 4 <= cjk_count(point) <= 16 and is_title_like(point, 18) and "，" not in point and "," not in point \
                and not _NOT_HEADING.match(point) and not is_title_like(paras[i - 1], 32):
            found.append(_Heading(i, 0, len(text), point))
    if not 3 <= len(found) <= MAX_PARALLEL:
        return []
    sizes = [len(h.text) for h in found]
    return found if max(sizes) - min(sizes) <= max(3, min(sizes) // 2) else []


# A short line, its marks included, glued by spaces to the paragraph after it.
_GLUED_LINE = re.compile(rf"([^。；;！!\s][^。；;！!\s]{{1,29}}[{CJK}？?”》）)])[ \u3000]+(?=[{CJK}“‘《（(])")


def _own_line_peers(paras: list[str], heads: list[_Heading]) -> list[_Heading]:
    """Lines of the shape of the headings standing alone that the loop above leaves out: the
    first paragraph (the set's first heading, with no lead before it) and a heading glued to its
    body by a space where the page lost the break (两重悖反：巨大的张力 文物修复的…)."""
    taken = {h.para for h in heads}
    found = list(heads)
    for i, para in enumerate(paras):
        if i in taken or len(found) >= MAX_PARALLEL:
            continue
        text = ""
        end = 0
        if i == 0 and len(paras) > 1 and _is_prose(paras[1]) and is_title_like(para.rstrip("？！：:"), 32):
            text, end = para, len(para)
        else:
            m = _GLUED_LINE.match(para)
            if m and cjk_count(para[m.end():]) >= 10 and not _FIELD.search(re.split("[：:]", m.group(1))[0]):
                text, end = m.group(1), m.end()
        if text and cjk_count(text) >= 4 and any(T.same_line_shape(text, h.text) for h in heads):
            found.append(_Heading(i, 0, end, text))
    return sorted(found, key=lambda h: h.para)


def _glued_lines(paras: list[str]) -> list[_Heading]:
    """Two or more paragraphs opening with a short phrase glued to their body by a space, the
    phrases of one length (体验的动态过程 收获…。 / 内涵的多维结构 一份…。): heading lines whose
    breaks the page lost, with no line standing alone for :func:`_own_line_peers` to start from.
    A text that spaces its words throughout is not one of them."""
    found: list[_Heading] = []
    for i, para in enumerate(paras):
        m = _GLUED_LINE.match(para) if i else None
        if not m or cjk_count(m.group(1)) < 4 or cjk_count(para[m.end():]) < 20 \
                or len(_CJK_SPACE.findall(para)) > 2 or _FIELD.search(re.split("[：:]", m.group(1))[0]) \
                or _NOT_HEADING.match(m.group(1)) or _DATE_LINE.match(m.group(1)):
            continue
        found.append(_Heading(i, 0, m.end(), m.group(1)))
    if not 2 <= len(found) <= MAX_PARALLEL:
        return []
    sizes = [len(h.text) for h in found]
    alike = max(sizes) - min(sizes) <= 1 or all(T.same_line_shape(found[0].text, h.text) for h in found[1:])
    return found if alike else []


# A space between two Chinese characters (or marks): a text that spaces its words has many.
_CJK_SPACE = re.compile(rf"[{CJK}，。、：；！？”）][ \u3000]+[{CJK}“（]")


def _is_prose(text: str) -> bool:
    return cjk_count(text) >= 20 and not is_title_like(text, 60)


# A page in English (or an English part of one): a heading is a short line of a few words opening
# with a capital, without a sentence's end (Introduction: Stepping into the Unknown), over prose
# of twenty words or more.
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_LATIN_HEAD = re.compile(r"^[A-Z][A-Za-z0-9 ,:;&'’()\-]{4,78}[A-Za-z0-9)]$")


def _latin_heading(text: str) -> bool:
    return bool(_LATIN_HEAD.match(text)) and 3 <= len(_LATIN_WORD.findall(text)) <= 12 and not cjk_count(text)


def _latin_prose(text: str) -> bool:
    return len(_LATIN_WORD.findall(text)) >= 20 and not cjk_count(text)


def _ordinals(paras: list[str], run_on: set[int], cut: bool = False) -> list[_Heading]:
    """Points made by ordinal openers: 首先，X。… 其次，Y。… (or 一是X。…, 一方面X。…, 一要X。…).

    Each point is the first sentence after the opener, short, with the paragraph going on after
    it; two at least, of one family, starting at its first rank and in order. A ranked opener
    may open any sentence (一是X。…二是Y。… in one paragraph; 首先 after the lead's last
    sentence), an unranked one (此外, 同时) only a paragraph, or any sentence of run-on text. In a text cut
    off in its first point, that point alone counts when the sentence before announces the set
    (主要有三个方面的问题。一是…).
    """
    found: list[tuple[str, int, _Heading]] = []
    bare: set[int] = set()  # points with nothing said of them before the next
    for i, para in enumerate(paras):
        starts = _sentence_starts(para, True)
        # where each sentence's body ends: at the next sentence opened by an ordinal, so that
        # 一是加强学习。二是改进作风。 (a list of items, nothing said of each) makes no points
        ends = [len(para)] * len(starts)
        for k in range(len(starts) - 2, -1, -1):
            ends[k] = starts[k + 1][0] if _ORDINAL.match(starts[k + 1][1]) else ends[k + 1]
        cjk_at: list[int] | None = None  # counted by bisection, not once a sentence
        for (pos, sentence), end in zip(starts, ends, strict=True):
            m = _ORDINAL.match(sentence)
            if not m:
                continue
            if cjk_at is None:  # a paragraph with an ordinal only
                cjk_at = [h.start() for h in _HAN.finditer(para)]
            family = next(k for k in "abcde" if m.group(k))
            word = m.group(family)
            rank = parse_numeral(word) if family in "bde" else _ORDINAL_RANK.get(word, 0)
            if pos and not rank and i not in run_on:
                continue  # 此外, 同时 inside a paragraph join its sentences
            if family == "a" and m.end() == len(word) and _STORY.match(sentence, m.end()):
                continue  # 其次我们来到了陈列馆。: the order of events in a story, no point
            core = sentence[m.end():].strip().rstrip("。！!")
            stop = pos + len(sentence)
            colon = _POINT_COLON.match(core)
            if rank and colon and sentence.rstrip().endswith(("。", "！", "!")):
                # 首先，作为企业职工，我们需要做到“四懂”、“四会”：懂得…；会…。 the point, then its list
                stop = pos + sentence.index(colon.group(1), m.end()) + len(colon.group(1)) + 1
                core = colon.group(1)
            body = _han_between(cjk_at, stop, end)
            # a ranked point (首先, 一是) may run to 60; 此外, 同时 open long sentences of prose as well
            if not (4 <= len(core) <= (60 if rank else 30)) or not sentence.rstrip().endswith(("。", "！", "!")) \
                    or any(c in core for c in "；;：:？?") or _han_between(cjk_at, stop, len(para)) < 10:
                continue
            if rank and body < 10:
                bare.add(len(found))  # the next point follows at once: one of a list, or of a set
            elif body < 10:
                continue
            found.append((family, rank, _Heading(i, pos, stop, core)))
    if cut and len(found) == 1 and found[0][1] == 1 and found[0][2].para == len(paras) - 1:
        h = found[0][2]
        before = paras[h.para][:h.start] if h.start else paras[h.para - 1] if h.para else ""
        if _ANNOUNCE.search(before):
            return [h]
    bare_heads = {id(found[k][2]) for k in bare}
    for family in "abcde":
        run = _alike([(rank, h) for f, rank, h in found if f == family])
        said = sum(id(h) not in bare_heads for _, h in run)
        if len(run) < 2 or run[0][0] != 1 or said < 2 or 2 * said < len(run):
            continue  # most points of a set have their body; items of a list have none
        ranks = [r for r, _ in run]
        if all(b == 0 or b > a for a, b in zip(ranks, ranks[1:], strict=False)):
            return [h for _, h in run]
    return []


# A ranked point that introduces its list with a colon: the point is what stands before it.
_POINT_COLON = re.compile(r"^([^；;：:？?。！!]{4,40})[：:](?=\S)")


def _han_between(positions: list[int], start: int, end: int) -> int:
    """Chinese characters between ``start`` and ``end``, given where they all are: counting the
    rest of a long paragraph at every sentence took minutes on a page of one paragraph."""
    return bisect_left(positions, end) - bisect_left(positions, start)


def _alike(run: list[tuple[int, _Heading]]) -> list[tuple[int, _Heading]]:
    """Where ranked points (首先, 其次, 最后) make the set, an unranked opener (此外, 同时) is one
    of them only in their shape (clauses and length); otherwise it is a connective of the prose."""
    ranked = [h for rank, h in run if rank]
    if len(ranked) < 2:
        return run
    shapes = {len(re.split("[，,]", h.text)) for h in ranked}
    low, high = min(len(h.text) for h in ranked) - 4, max(len(h.text) for h in ranked) + 4
    return [(rank, h) for rank, h in run
            if rank or (len(re.split("[，,]", h.text)) in shapes and low <= len(h.text) <= high)]


# After 首先, 其次 without a comma, the order of events in a story: 其次我们来到… 首先映入眼帘的…
_STORY = re.compile(r"我|他|她|大家|咱|映入|来到|走进|看到|听到")


# A sentence announcing numbered points: 主要存在三个方面的问题。 / 谈几点体会：
_ANNOUNCE = re.compile(r"[两二三四五六七八九十几]\s*(?:个|点|条|项)?(?:方面|点|条|项)[^。！？]{0,12}[。：:]\s*$")


_VERSE_OPENER = re.compile(rf"^([{CJK}]{{5}}|[{CJK}]{{7}})[，,]([{CJK}]{{5}}|[{CJK}]{{7}})([。！!，,；;])")


def _verse_openers(paras: list[str]) -> list[_Heading]:
    """Parts opened by a couplet of verse (海日生残夜，江春入旧年。 弃身锋刃端，性命安可怀。…).

    Two such paragraphs at least; the couplet is the heading, the text after it the body.
    """
    heads: list[_Heading] = []
    for i, para in enumerate(paras):
        m = _VERSE_OPENER.match(para)
        if not m or len(m.group(1)) != len(m.group(2)) or not T.is_verse(m.group(1) + "，" + m.group(2)):
            continue
        end = m.end() if m.group(3) in "。！!；;" else m.end(2)
        if i + 1 < len(paras) or cjk_count(para[end:]) >= 10:
            heads.append(_Heading(i, 0, end, m.group(1) + "，" + m.group(2)))
    if len(heads) < 2:
        return []
    # Once the set is there, a line of 词 or of uneven length opening another paragraph the same
    # way belongs to it (江山如此多娇，引无数英雄竞折腰。).
    taken = {h.para for h in heads}
    for i, para in enumerate(paras):
        m = _LOOSE_COUPLET.match(para)
        if i and i not in taken and m and T.is_classical(m.group()) and cjk_count(para[m.end():]) >= 10:
            heads.append(_Heading(i, 0, m.end(), m.group(1) + "，" + m.group(2)))
    return sorted(heads, key=lambda h: h.para)


_LOOSE_COUPLET = re.compile(rf"^([{CJK}]{{4,9}})[，,]([{CJK}]{{4,9}})[。！!]")


# ---- parallel heading sentences ---------------------------------------------------------------

@dataclass
class _Candidate:
    para: int
    start: int
    end: int
    text: str  # the heading without its end mark
    clauses: tuple[int, ...]


def _sentence_starts(para: str, every: bool) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for sentence in split_sentences(para):
        out.append((pos, sentence))
        pos += len(sentence)
        if not every:
            break
    return out


def _candidate(para_index: int, start: int, sentence: str) -> _Candidate | None:
    text = sentence.strip()
    ranked = _RANKED.match(text)
    if ranked and len(text) - ranked.end() >= 5:
        text = text[ranked.end():]  # 最后，读书能够…。 is one of a set of 读书能… openers
    if not text or text[0] in OPEN and text[0] != "“" or text[0] == "“" and text.count("“") == 1 \
            and text.rstrip("。！!").endswith("”"):
        return None  # a quotation standing as a sentence
    core = text.rstrip("。！!")
    if not (4 <= len(core) <= 30) or not text.endswith(("。", "！", "!")) or _NOT_HEADING.match(core):
        return None
    if any(c in core for c in "；;：:？?") or cjk_count(core) < 4 or core[0].isdigit():
        return None
    if _INTRODUCES.search(re.split("[，,]", core)[0]):
        return None  # a saying introduced (正所谓“…”，… / 老师常说要‘…’): prose
    clauses = tuple(len(c) for c in re.split("[，,]", core))
    if len(clauses) > 3 or len(clauses) > 1 and _PROSE_CLAUSE.search(core[:clauses[0]]):
        return None  # 比赛开始前，大家都有些紧张。 sets a scene
    end = start + len(sentence)
    return _Candidate(para_index, start, end, core, clauses)


# A ranked ordinal opener (首先, 最后, 一是) before a sentence that may be one of a parallel set.
_RANKED = re.compile(rf"^(?:首先|其次|再次|最后|[{_CN}]是|其[{_CN}]|第[{_CN}])[，,、]\s*")


def _similar(a: _Candidate, b: _Candidate, tight: bool) -> bool:
    if len(a.clauses) != len(b.clauses):
        return False
    slack = 1 if tight else 2
    if len(a.clauses) == 1 and a.text[:FRAME] == b.text[:FRAME]:
        # an opening frame of three characters or more (必须把…, 读书能…) holds the set together
        # across lengths: 读书能让我们提升知识水平 / 读书能够拓宽我们的思路和视野
        slack = max(slack, min(len(a.text), len(b.text)) // 3)
    if any(abs(x - y) > slack for x, y in zip(a.clauses, b.clauses, strict=True)):
        return False
    if len(a.clauses) == 1:  # one clause: the frame must be shared (在X上下功夫, 原原本本学)
        frame = _frame(a.text, b.text)
        return frame >= 2 or (frame >= 1 and len(a.text) == len(b.text) <= 8) or (
            len(a.text) == len(b.text) >= 8 and _skeleton(a.text) == _skeleton(b.text) and len(_skeleton(a.text)) >= 2)
    return True


# Function words whose places make the skeleton of a sentence-heading: 加强理论学习是提高党性修养的基础 /
# 联系工作实际是检验学习成效的关键 share 是 at 6 and 的 at 13.
_FUNCTION = frozenset("是的要在把为以与和而让使从向对于之得地")


def _skeleton(text: str) -> tuple[tuple[int, str], ...]:
    return tuple((i, ch) for i, ch in enumerate(text) if ch in _FUNCTION)


_frame = T.frame

def _candidates(paras: list[str], run_on: set[int]) -> list[_Candidate]:
    """Sentences that could be headings: paragraph openers (any sentence, in run-on text)."""
    candidates: list[_Candidate] = []
    for i, para in enumerate(paras):
        if i == 0 and i not in run_on:
            continue  # the first paragraph is the lead
        for start, sentence in _sentence_starts(para, i in run_on):
            if i == 0 and start == 0:
                continue
            c = _candidate(i, start, sentence)
            if c:
                candidates.append(c)
    return candidates


def _parallel(paras: list[str], run_on: set[int]) -> list[_Heading]:
    """Two or more same-shaped sentences opening paragraphs (any sentence, in run-on text)."""
    candidates = _candidates(paras, run_on)
    best: list[_Candidate] = []
    index = _ShapeIndex(candidates)
    for i in range(len(candidates)):
        found = index.similar(i, MAX_PARALLEL)
        if len(found) >= MAX_PARALLEL:  # a set larger than any heading set: no headings here
            return []
        group = [candidates[j] for j in sorted({i, *found})]
        if len(group) > len(best):
            best = group
    return [_Heading(c.para, c.start, c.end, c.text) for c in settle_set(paras, best)]


def _extend_run(paras: list[str], run_on: set[int], heads: list[_Heading]) -> list[_Heading]:
    """A set of paragraph openers in consecutive paragraphs takes in the opener of the paragraph
    right before or after it when that shares a word every member has and is of a length near
    theirs (党员同志要…。 党员干部要…。 then 全体党员要发挥先锋模范作用。)."""
    if len(heads) < 2 or any(h.start for h in heads) or len(heads) >= MAX_PARALLEL \
            or [h.para for h in heads] != list(range(heads[0].para, heads[0].para + len(heads))):
        return heads
    shared = set.intersection(*({h.text[k:k + 2] for k in range(len(h.text) - 1)} for h in heads))
    shared = {b for b in shared if cjk_count(b) == 2}
    low = min(len(h.text) for h in heads)
    low, high = low - low // 3, max(len(h.text) for h in heads) + low // 3
    clauses = {len(re.split("[，,]", h.text)) for h in heads}
    by_para = {c.para: c for c in _candidates(paras, run_on) if c.start == 0 and paras[c.para][c.end:].strip()}
    out = list(heads)
    for step in (-1, 1):
        while shared and len(out) < MAX_PARALLEL:
            c = by_para.get((out[0] if step < 0 else out[-1]).para + step)
            if not c or not low <= len(c.text) <= high or len(c.clauses) not in clauses \
                    or not any(b in c.text for b in shared) or _PERSON.search(c.text):
                break  # (我对读书的一些感受: the writer speaks, of the essay's subject)
            h = _Heading(c.para, c.start, c.end, c.text)
            out = [h, *out] if step < 0 else [*out, h]
    return out


def _short_openers(paras: list[str], run_on: set[int], cut: bool = False) -> list[_Heading]:
    """Short sentences of one length opening three or more paragraphs in a row, each with its
    body after it: headings that lost their bold (把牢政治方向。… 提高能力素质。… 改进工作作风。…),
    which share no frame for :func:`_parallel` to see. Sentences of two clauses count by their
    first, the point, of one length too; the second spells it out at any length (学习两会精神，
    深度理解精神内涵。… 找准切入点，结合实际、狠抓落实。…)."""
    by_para = {c.para: (c, shape) for c in _candidates(paras, run_on)
               if c.start == 0 and (shape := _opener_shape(c)) and paras[c.para][c.end:].strip()}
    best: list[_Candidate] = []
    run: list[_Candidate] = []
    first = (0, 0)  # the shape of the run's first sentence
    for i in range(len(paras)):
        c, shape = by_para.get(i, (None, (0, 0)))
        if c and run and shape[0] == first[0] and abs(shape[1] - first[1]) <= 1:
            run.append(c)
        else:
            run, first = ([c] if c else []), shape
        if len(run) > len(best):
            best = run  # the same list, growing with the run
    # an excerpt cut off inside the set shows two of it: a pair of one length and one clause
    # that runs to the text's last paragraph, where the page stops
    pair = cut and len(run) == 2 and run[-1].para == len(paras) - 1 and len(run[0].text) == len(run[1].text) \
        and len(run[0].clauses) == 1 and not any(_PERSON.search(c.text) for c in run)
    if pair and len(best) < 3:
        best = run
    elif not 3 <= len(best) <= MAX_PARALLEL:
        return []
    return [_Heading(c.para, c.start, c.end, c.text) for c in best]


def _opener_shape(c: _Candidate) -> tuple[int, int] | None:
    """(clauses, length of the point) of a short opener; None for any other sentence."""
    if len(c.clauses) == 1 and len(c.text) <= 12:
        return 1, len(c.text)
    if len(c.clauses) == 2 and 4 <= c.clauses[0] <= 8:
        return 2, c.clauses[0]
    return None


# A first clause that sets the scene or speaks as the writer is prose: 通过学习，… 作为教师，…
# 比赛结束后，… 我想，…
_PROSE_CLAUSE = re.compile(
    r"^(?:通过|作为|经过|随着|近年|当前|目前|如今|今天|现在|当)|(?<!自)我(?![国党省市县区校军])|(?:后|时|前|以来|期间|之际)$")


_PRONOUN = re.compile(r"^(?:他们|她们|我们|它们|咱们|他|她|它)")


def _framed_openers(paras: list[str], run_on: set[int]) -> list[_Heading]:
    """Three or more paragraphs opening with one frame around a varied slot, subject included
    (他们是信念坚定的榜样。… 他们是为民服务的榜样。…), which :func:`_candidate` leaves out as prose."""
    groups: dict[tuple[str, str], list[_Heading]] = {}
    for i, para in enumerate(paras):
        if i == 0 or i in run_on:
            continue
        sentence = split_sentences(para)[0] if para else ""
        core = sentence.strip().rstrip("。！!")
        if not (_PRONOUN.match(core) and 6 <= len(core) <= 20 and sentence.strip().endswith(("。", "！", "!"))) \
                or any(c in core for c in "，,；;：:？?“”") or cjk_count(para[len(sentence):]) < 10:
            continue
        groups.setdefault((core[:3], core[-2:]), []).append(_Heading(i, 0, len(sentence), core))
    best = max(groups.values(), key=len, default=[])
    if not 3 <= len(best) <= MAX_PARALLEL or max(len(h.text) for h in best) - min(len(h.text) for h in best) > 2:
        return []
    return best


# A sentence that announces points: 谈三点体会, 应做到“四个必须”, 从以下方面着力 (not 三个星期)
_ANNOUNCES = re.compile(
    r"[两二三四五六七八九十几]\s*(?:个方面|方面|点|条|项)|[两二三四五六七八九十几]个[^，。”]{1,3}”|以下|如下")


def _announced(paras: list[str], run_on: set[int]) -> list[_Heading]:
    """Paragraphs right after one whose last sentence announces points, each opening with a
    sentence that starts with the same word of two characters (突出…。 突出…。, 必须把…。): the
    points, whatever their lengths."""
    by_para: dict[int, _Candidate] | None = None
    for k, para in enumerate(paras[:-2]):
        if k in run_on or not para or not _ANNOUNCES.search(para) or not _ANNOUNCES.search(split_sentences(para)[-1]):
            continue
        if by_para is None:  # the candidates are looked for once a paragraph announces points
            by_para = {c.para: c for c in _candidates(paras, run_on)
                       if c.start == 0 and paras[c.para][c.end:].strip()}
        run: list[_Candidate] = []
        for c in (by_para.get(i) for i in range(k + 1, min(len(paras), k + 1 + MAX_PARALLEL))):
            if not c or (run and c.text[:2] != run[0].text[:2]):
                break
            run.append(c)
        if len(run) >= 2:
            return [_Heading(c.para, c.start, c.end, c.text) for c in run]
    return []


def _long_openers(paras: list[str], run_on: set[int]) -> list[_Heading]:
    """Three or more paragraphs opening with sentences (to 60 characters) that share their first
    four characters, which open no other paragraph: sentence-headings of one frame, too long or
    too unlike in shape for the sets above (新时代的青年要有…，…，…。 新时代的青年要有…。)."""
    groups: dict[str, list[_Heading]] = {}
    openers: dict[str, int] = {}
    for i, para in enumerate(paras):
        if i == 0 or i in run_on:
            continue
        openers[para[:4]] = openers.get(para[:4], 0) + 1
        sentence = split_sentences(para)[0]
        core = sentence.strip().rstrip("。！!")
        if 6 <= len(core) <= 60 and sentence.strip().endswith(("。", "！", "!")) and cjk_count(core[:4]) == 4 \
                and not _NOT_HEADING.match(core) and not any(c in core for c in "；;：:？?") \
                and not _INTRODUCES.search(core) and cjk_count(para[len(sentence):]) >= 10:
            groups.setdefault(core[:4], []).append(_Heading(i, 0, len(sentence), core))
    for frame, heads in groups.items():
        if 3 <= len(heads) <= MAX_PARALLEL and openers[frame] == len(heads):
            return heads
    return []


# A run-in heading ended by a colon before its body: 保持冷静的心态：当面对火灾时…; it may be of
# two clauses (X，决定了Y：…) or set wholly in quotation marks (“某某三请某某”：…, a scene's name).
_PHRASE = r"[^，,。；;：:！？!?“”\s]"
_COLON_HEAD = re.compile(
    rf"^(“{_PHRASE}{{4,20}}”|{_PHRASE}{{2,20}}(?:[，,]{_PHRASE}{{2,20}})?)[：:]\s*(?=\S)")


# The fields of a record (活动时间：, 参加人员：), which head no part.
_FIELD = re.compile(r"(?:时间|日期|地点|地址|人员|对象|单位|电话|主持人?|记录人?|出席|列席|缺席)$")


def _colon_openers(paras: list[str], run_on: set[int]) -> list[_Heading]:
    """Two or more paragraphs opening with a short phrase and a colon, their body after it
    (疏忽大意的心理不可有：火灾…。 引发火灾的原因：…), unless the phrase introduces speech, an
    example or a salutation (他在会上说：, 例如：, 尊敬的各位领导：), or names a record's field
    (活动时间：)."""
    groups: dict[tuple[bool, int], list[_Heading]] = {}
    for i, para in enumerate(paras):
        m = _COLON_HEAD.match(para)
        if i == 0 or i in run_on or not m or cjk_count(para[m.end():]) < 10:
            continue
        phrase = m.group(1)
        words = phrase.strip("“”")
        if cjk_count(words) < 4 or _SPEECH.search(words) or _SALUTATION.match(words) \
                or _NOT_HEADING.match(words) or _INTRODUCES.search(words) or _FIELD.search(words):
            continue
        clauses = re.split("[，,]", words)
        if len(clauses) > 1 and (_PROSE_CLAUSE.search(clauses[0]) or _PERSON.search(words)):
            continue  # 通过学习，我认识到： sets the scene and speaks as the writer
        # the set is of one shape: all quoted or none, all of one clause or all of two
        shape = (phrase.startswith("“"), len(clauses))
        # a line of its own, a phrase after the colon and no sentence: all of it heads its part
        if is_title_like(para, 40) and not any(c in para[m.end():] for c in "，,；;"):
            groups.setdefault(shape, []).append(_Heading(i, 0, len(para), para.strip()))
            continue
        groups.setdefault(shape, []).append(_Heading(i, 0, m.end(), phrase))
    best = max(groups.values(), key=len, default=[])
    return best if 2 <= len(best) <= MAX_PARALLEL else []


def _defining_openers(paras: list[str], run_on: set[int]) -> list[_Heading]:
    """Two or more paragraphs opening with statements of one frame that say what a thing is
    (有一种严谨是分秒不差，… / 有一种青春是默默奉献不留名，…; 这个春节是“灰色”的。… / 这个春节也是
    “白色”的。…): a frame of three characters or more, then 是 or 叫, in a first sentence of up to
    24 characters or else a first clause of up to 20; no other paragraph opens with the frame."""
    groups: dict[str, list[_Heading]] = {}
    openers: dict[str, int] = {}
    for i, para in enumerate(paras):
        if i == 0 or i in run_on:
            continue
        openers[para[:FRAME]] = openers.get(para[:FRAME], 0) + 1
        sentence = split_sentences(para)[0]
        core = sentence.strip().rstrip("。！!")
        end = len(sentence)
        if len(core) > 24 or not sentence.strip().endswith(("。", "！", "!")):
            core = re.split("[，,]", para, maxsplit=1)[0]
            end = len(core) + 1
        if not 6 <= len(core) <= 24 or cjk_count(core[:FRAME]) < FRAME or _PERSON.search(core[:FRAME]) \
                or _GOES_ON.match(core) or _INTRODUCES.search(core) or any(c in core for c in "；;：:？?") \
                or not re.search("[是叫]", core[FRAME:FRAME + 4]) or cjk_count(para[end:]) < 10:
            continue
        groups.setdefault(core[:FRAME], []).append(_Heading(i, 0, end, core))
    for frame, heads in groups.items():
        sizes = [len(h.text) for h in heads]
        if 2 <= len(heads) <= MAX_PARALLEL and openers[frame] == len(heads) and max(sizes) - min(sizes) <= 3:
            return heads
    return []


# A label of two or three characters before a colon opening a paragraph (前夜：…, 相遇：…).
_SHORT_LABEL = re.compile(rf"^([{CJK}]{{2,3}})[：:]\s*(?=[{CJK}“])")
# …that is a role in an interview or a record, or a note's name, not a part's name.
_ROLE = re.compile(r"记者|主持|问|答|编者|按|注|原文|译文|例如|比如|总之|注意|提示|要求|目的|意义|答案|解析|备注|说明|"
                   r"我|你|他|她|们|某")
# A speaker's turn opens with the speaker's own view: 我觉得…, 我认为…
_OWN_VIEW = re.compile(r"^(?:我|我们|咱|你|您)")


def _short_labels(paras: list[str], run_on: set[int]) -> list[_Heading]:
    """Two or more paragraphs opening with labels of one length, two or three characters each,
    all different, before a colon and prose that is no speaker's turn (前夜：新中国成立前夜，… /
    相遇：近代中国…): the short names of the parts (episodes, scenes). A record of speakers
    (张华：我觉得…) and an interview (记者：…) are none."""
    found: list[_Heading] = []
    for i, para in enumerate(paras):
        m = _SHORT_LABEL.match(para)
        if not m or i == 0 or i in run_on or cjk_count(para[m.end():]) < 20:
            continue
        label = m.group(1)
        if _ROLE.search(label) or _FIELD.search(label) or _OWN_VIEW.match(para[m.end():]) or _NOT_HEADING.match(label):
            return []  # one turn of talk or one note: the labels are speakers or notes
        found.append(_Heading(i, 0, m.end(), label))
    labels = [h.text for h in found]
    if not 2 <= len(found) <= MAX_PARALLEL or len(set(labels)) < len(labels) or len({len(x) for x in labels}) > 1:
        return []
    return found


# A news report's points, each given as what the speaker asked for: 王某要求，要X，Y。
_REPORTED = re.compile(
    rf"^([{CJK}]{{2,4}}?)(?:要求|强调|指出|表示|提出|希望)[，,：:]\s*((?:要|必须|务必)[^。！!；;：:“”]{{4,40}})[。！!]")


def _reported_points(paras: list[str]) -> list[_Heading]:
    """Two or more paragraphs of a news report opening with what one speaker asked for, each a
    sentence of 要…/必须…: the points of the speech, the report's headings (the speaker left out)."""
    found: dict[str, list[_Heading]] = {}
    for i, para in enumerate(paras):
        m = _REPORTED.match(para)
        if i and m and cjk_count(para[m.end():]) >= 10:
            found.setdefault(m.group(1), []).append(_Heading(i, 0, m.end(), m.group(2)))
    best = max(found.values(), key=len, default=[])
    return best if 2 <= len(best) <= MAX_PARALLEL else []


def settle_set(paras: list[str], best: list[_Candidate]) -> list[_Candidate]:
    """The largest group of same-shaped sentences, as far as it makes a heading set."""
    last = best[-1] if best else None
    if last and last.para == len(paras) - 1 and not paras[last.para][last.end:].strip() \
            and any(paras[c.para][c.end:].strip() for c in best):
        best = best[:-1]  # a last line alone where the others run into their body: 以上发言，不妥之处…
    if len(best) == 2 and (not _similar(best[0], best[1], tight=True) or _subject_only(paras, best)):
        best = []
    if len(best) < 3 and any(c.start for c in best):
        best = []  # inside run-on text only a set of three is convincing
    if len(best) < 2 or len(best) > MAX_PARALLEL:
        return []
    return best


def _subject_only(paras: list[str], pair: list[_Candidate]) -> bool:
    """Two sentences that share only their opening word, which opens other paragraphs too: the
    essay's subject (军训强调纪律。… 军训的过程… 军训也让人学会自律。), not a heading frame."""
    a, b = pair[0].text, pair[1].text
    if len(pair[0].clauses) > 1 or a[-1] == b[-1]:
        return False
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    heads = {c.para for c in pair}
    return n > 0 and any(p.startswith(a[:n]) for i, p in enumerate(paras) if i not in heads)


MAX_PARALLEL = 8
FRAME = 3
"""Opening characters two one-clause headings share for their lengths to differ by a third."""
"""Most headings a parallel set has; a larger set of same-shaped sentences is the text itself."""


class _ShapeIndex:
    """Candidates by shape, so that those similar to one are looked up, not compared with all.

    Comparing every pair took minutes on a long run-on text. Loose similarity (``_similar``) is
    a matter of clause lengths within ±2 and, for one clause, a shared frame: frame ≥ 2 means
    the same first two, last two, or first and last characters (headings have ≥ 4); frame ≥ 1
    the same first or last one; the same first three (``FRAME``) allow lengths a third apart,
    bucketed by length. So every candidate in a neighbouring bucket is similar, and a
    lookup stops after ``limit`` of them: the work is linear in the number of candidates.
    """

    def __init__(self, candidates: list[_Candidate]):
        self.candidates = candidates
        self.buckets: dict[tuple[object, ...], list[int]] = {}
        for i, c in enumerate(candidates):
            for key in self._keys(c):
                self.buckets.setdefault(key, []).append(i)

    @staticmethod
    def _keys(c: _Candidate) -> list[tuple[object, ...]]:
        if len(c.clauses) > 1:
            return [("clauses", c.clauses)]
        t, n = c.text, len(c.text)
        return [("first2", n, t[:2]), ("last2", n, t[-2:]), ("ends", n, t[0], t[-1]),
                ("first", n, t[0]), ("last", n, t[-1]), ("frame", n, t[:FRAME]), ("skeleton", n, _skeleton(t))]

    def _neighbours(self, c: _Candidate) -> list[tuple[object, ...]]:
        if len(c.clauses) > 1:
            return [("clauses", shape) for shape in product(*(range(x - 2, x + 3) for x in c.clauses))]
        t, n = c.text, len(c.text)
        keys: list[tuple[object, ...]] = []
        for m in range(n - 2, n + 3):
            keys += [("first2", m, t[:2]), ("last2", m, t[-2:]), ("ends", m, t[0], t[-1])]
        if n <= 8:  # one shared character is enough between short headings of one length
            keys += [("first", n, t[0]), ("last", n, t[-1])]
        # the same opening frame at a length within the slack it allows (see _similar)
        keys += [("frame", m, t[:FRAME]) for m in range(4, 31) if abs(m - n) <= max(2, min(m, n) // 3)]
        if n >= 8 and len(_skeleton(t)) >= 2:  # the same function words in the same places, at one length
            keys.append(("skeleton", n, _skeleton(t)))
        return keys

    def similar(self, i: int, limit: int) -> set[int]:
        """Candidates loosely similar to candidate ``i`` (not ``i`` itself), at most ``limit``."""
        seed = self.candidates[i]
        found: set[int] = set()
        for key in self._neighbours(seed):
            for j in self.buckets.get(key, ()):
                if j != i and j not in found and _similar(seed, self.candidates[j], tight=False):
                    found.add(j)
                    if len(found) >= limit:
                        return found
        return found


# ---- assembling sections ----------------------------------------------------------------------

def _cut(paras: list[str], heads: list[_Heading]) -> tuple[list[str], list[Section]]:
    """Lead before the first heading; each heading opens a section holding the text after it."""
    lead: list[str] = []
    sections: list[Section] = []
    by_para: dict[int, list[_Heading]] = {}
    for h in heads:
        by_para.setdefault(h.para, []).append(h)

    def add(text: str) -> None:
        text = text.strip().lstrip("，,、")  # a heading cut at a comma: the body goes on after it
        if text:
            (sections[-1].paragraphs if sections else lead).append(text)

    for i, para in enumerate(paras):
        pos = 0
        for h in sorted(by_para.get(i, []), key=lambda h: h.start):
            add(para[pos:h.start])
            sections.append(Section(heading=_clean_heading(h.text)))
            pos = h.end
        add(para[pos:])
    return lead, sections


def _by_turns(paras: list[str], run_on: set[int]) -> tuple[list[str], list[Section]]:
    """No headings: the lead is the first paragraph, sections start where the argument turns."""
    pieces: list[tuple[str, bool]] = []  # (text, starts a section)
    for i, para in enumerate(paras):
        if i in run_on:
            chunk_start = 0
            for start, sentence in _sentence_starts(para, True):
                turn = bool(_TURN.match(sentence) or _CLOSING.match(sentence)) and start > 0
                if turn:
                    pieces.append((para[chunk_start:start], chunk_start == 0 and i > 0))
                    chunk_start = start
            pieces.append((para[chunk_start:], chunk_start > 0 or i > 0))
        else:
            pieces.append((para, i > 0))
    pieces = [(t.strip(), s) for t, s in pieces if t.strip()]
    if len(pieces) == 1 and run_on:
        pieces = _cut_lead(pieces[0][0])
    lead = [pieces[0][0]] if pieces else []
    sections: list[Section] = []
    for text, _ in pieces[1:]:
        if not sections or _turns(text):
            sections.append(Section())
        sections[-1].paragraphs.append(text)
    return lead, sections


def _turns(text: str) -> bool:
    """Whether a paragraph opens with a turn, at its start or after a short first clause."""
    if _TURN.match(text) or _CLOSING.match(text):
        return True
    first = re.split("[，,]", text, maxsplit=1)
    return len(first) == 2 and len(first[0]) <= 30 and bool(
        re.match(r"(?:究其原因|归根到底|归根结底|追根溯源)", first[1]))


def _cut_lead(text: str) -> list[tuple[str, bool]]:
    """A run-on essay with no turn: the lead ends where a new paragraph most likely began."""
    starts = _sentence_starts(text, True)
    for start, sentence in starts[2:]:
        if _SOFT_TURN.match(sentence):
            return [(text[:start], False), (text[start:], True)]
    return [(text, False)]


def _closing(sections: list[Section], lead: list[str]) -> list[str]:
    """Final paragraphs that step back (总之, 相信, 让我们 …), taken from the last section."""
    if not sections:
        return []
    last = sections[-1]
    keep = 1 if last.heading else 0  # a headed section keeps at least its first paragraph
    closing: list[str] = []
    while len(last.paragraphs) > keep and _CLOSING.match(last.paragraphs[-1]):
        closing.insert(0, last.paragraphs.pop())
    if not last.paragraphs and not last.heading:
        sections.pop()
    return closing


# ---- quotations -------------------------------------------------------------------------------

_AFTER_CUE = re.compile(
    r"^(?:的|这|这一|这个|这句|这段|一)?(?:句)?(?:话|名言|名句|古训|古语|警句|诗句|道理|教诲|说法|论断|箴言|格言|俗语|"
    r"谚语|观念|理念|信条|誓言|嘱托|告诫|传统|美德|描写|描述|台词|歌词|句子|表述|论述|绝唱|题词)")
# A maxim says what a thing is: 安全就是效益, 实践是检验真理的唯一标准 (a term never does).
_MAXIM = re.compile(rf"^[{CJK}]{{2,}}(?<![但于还总要或只可倒像若凡])(?:就是|才是|便是|是)[{CJK}]{{2,}}$")
_CLAUSE_MARK = re.compile("[，,；;：:。！？!?]")  # a quotation with a clause of its own
# …but what one person says of oneself (“我也是爱党的”) is talk, no maxim.
_PERSON = re.compile("[我你他她咱]")
# Named after the marks by words a term takes too (“五一口号”的真谛), so only for a sentence.
# (…with a word of praise between, 的优良传统, or written words, 的文字, 的标语: a term takes those
# too, “两个务必”的光荣传统, “两个务必”的标语)
_AFTER_CUE_LONG = re.compile(rf"^的?(?:真谛|要义|深意|深刻内涵|文字|字样|标语)|^的[{CJK}]{{2}}(?:传统|美德|古训)")


def _quote_spans(text: str) -> list[tuple[int, int, int]]:
    """Matched “…” pairs as (start, end, depth), outer ones first; unmatched marks are left out."""
    spans: list[tuple[int, int, int]] = []
    opened: list[int] = []
    for m in _QUOTE_MARK.finditer(text):
        if m.group() == "“":
            opened.append(m.start())
        elif opened:
            start = opened.pop()
            spans.append((start, m.end(), len(opened)))
    spans.sort()
    return spans


_QUOTE_MARK = re.compile("[“”]")
_SINGLE_AS_DOUBLE = str.maketrans("‘’", "“”")
_CORNERS = str.maketrans("「」『』", "“”‘’")
_SERIES = ("", "、", "，", "和", "与", "及", ",")
# Between quotations of a series attributed one by one: 杜甫的“…”，颜之推的“…”
_ATTRIBUTED = re.compile(r"^[，、,]?[^，。；：“”、,]{1,6}的$")


def find_quotes(text: str) -> list[Quote]:
    """Quotations in a paragraph: sayings, classics and statements, not scare-quoted terms.

    A quotation has a clause of its own, or is introduced (指出：, 强调要, 古人云), or opens a
    sentence, or is named after it (这句话, 的名言, 的观念, 的真谛), or says what a thing is (“质量就是
    生命”); quotations in a series (“A”、“B”) go together. After words that only introduce a
    saying (俗话说，古人云：) it may stand without marks, to the end of its sentence. A quotation
    may hold a quoted term (对“国之大者”要心中有数); when the outer pair is no quotation, the
    pairs inside it are looked at.
    """
    if "「" in text:  # corner brackets in a simplified page (a traditional one is converted before)
        text = text.translate(_CORNERS)
    if "‘" in text and "“" not in text:  # single marks as the only quotation marks: ‘…’ as “…”
        text = text.translate(_SINGLE_AS_DOUBLE)
    elif "‘" in text:  # …and single marks outside any double ones, where a writer used both
        text = _outer_singles(text)
    spans = _quote_spans(text)
    candidates: list[tuple[int, int, bool]] = []  # top-level pairs, and whether each is a quotation
    covered_until = -1
    for start, end, _depth in spans:
        if start < covered_until:
            continue  # inside a quotation already taken
        inner = text[start + 1:end - 1]
        if len(inner) > 400 or (cjk_count(inner) < 2 and not _latin_line(text, start, inner)):
            continue
        quoted = cjk_count(inner) < 2 or _is_quotation(text, start, end, inner)
        candidates.append((start, end, quoted))
        if quoted:
            covered_until = end
    # quotations in a series: “A”、“B” or “A”“B”, next to one taken (both ways along the series)
    taken = [q for _, _, q in candidates]
    _sayings_in_a_row(text, candidates, taken)
    for order in (range(1, len(candidates)), range(len(candidates) - 2, -1, -1)):
        for i in order:
            j = i - 1 if order.step == 1 else i + 1
            if not taken[j] or taken[i]:
                continue  # no taken one next to one left out
            (_, e1, _), (s2, _, _) = sorted((candidates[i], candidates[j]))
            if (text[e1:s2] in _SERIES or _ATTRIBUTED.match(text[e1:s2])) \
                    and cjk_count(text[candidates[i][0] + 1:candidates[i][1] - 1]) >= 4:
                taken[i] = True
    chosen = [(s0, e0) for (s0, e0, _), t in zip(candidates, taken, strict=True) if t]
    if _UNQUOTED_HINT.search(text):
        chosen = sorted([*chosen, *((m.start(1) - 1, m.end(1) + 1) for m in _UNQUOTED.finditer(text))])
    quotes: list[Quote] = []
    for start, end in chosen:
        inner = text[start + 1:end - 1].strip()
        reach = _SOURCE_REACH.match(text, end)  # (it always matches)
        after = text[end:reach.end() if reach else None]  # not the rest of a long line for each quotation
        quotes.append(Quote(inner.rstrip("。，；、,; "), _source(text[max(0, start - 50):start], after)))
        if len(inner) > _PASSAGE and "‘" in inner and "“" not in inner:
            # a passage quoted whole (a reader's comment) cites in single marks inside it
            quotes += find_quotes(inner.translate(_SINGLE_AS_DOUBLE))
    return quotes


_PASSAGE = 60  # characters of a quotation that is a passage, whose own quotations count too


_SINGLE_PAIR = re.compile("‘([^‘’“”]{2,300})’")


def _outer_singles(text: str) -> str:
    """``text`` with its ‘…’ pairs that stand outside every “…” pair marked “…”."""
    merged: list[list[int]] = []  # the “…” pairs as disjoint stretches, in order
    for start, end, _ in _quote_spans(text):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    starts = [m[0] for m in merged]

    def swap(m: re.Match[str]) -> str:
        k = bisect_left(starts, m.start()) - 1
        inside = k >= 0 and m.start() < merged[k][1]
        return m.group() if inside else f"“{m.group(1)}”"
    return _SINGLE_PAIR.sub(swap, text)


_LATIN_WORDS = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")


def _latin_line(text: str, start: int, inner: str) -> bool:
    """A sentence in English quoted after a colon (标语：“I'm bad, and that's good.”): four words
    or more."""
    return text[:start].rstrip().endswith(("：", ":")) and len(_LATIN_WORDS.findall(inner)) >= 4 \
        and not cjk_count(inner)


def _sayings_in_a_row(text: str, candidates: list[tuple[int, int, bool]], taken: list[bool]) -> None:
    """Three quoted phrases or more in a row, each of four characters or more and set off by a comma
    only (警醒世人，“月满则亏”，“眼看他起高楼…”，“黄粱一梦”): sayings cited one after another.
    Terms in a row are short or set off by 、 (“双减”、“三农”)."""
    run: list[int] = []
    for i, (start, end, _q) in enumerate(candidates):
        if run and text[candidates[run[-1]][1]:start] not in ("，", ","):
            run = []
        if cjk_count(text[start + 1:end - 1]) >= 4 and not _ASCII_WORD.search(text[start + 1:end - 1]):
            run.append(i)
        else:
            run = []
        if len(run) >= 3:
            for k in run:
                taken[k] = True


# A saying without marks, after words that only ever introduce one, to the end of its sentence:
# 俗话说，一分耕耘，一分收获。 古人云：学而不思则罔，思而不学则殆。
_UNQUOTED_HINTS = ("俗话", "常言", "古人", "古语", "老话", "一句话", "句老话", "谚语", "诗云", "诗曰", "子曰", "写道")
_UNQUOTED_HINT = re.compile("|".join(_UNQUOTED_HINTS))  # one scan of the paragraph, not one a hint
_UNQUOTED = re.compile(
    r"(?:俗话说(?:得好|的好)?|常言道|常言说(?:得好|的好)?|古人云|古语云|古人说|古语说|古人言|老话说|谚语说|"
    r"有句(?:老)?话(?:说|叫)?(?:得好|的好)?|有这么一句话|有一句话(?:说|叫)?|"
    r"(?:古|有|古人)?诗云|诗曰|(?:孔)?子曰|(?:诗|词)(?:中|里|人)[^，。：:“”]{0,4}写道)[：:，,]\s*"
    rf"([{CJK}][^。！？!?；;“”‘’\n]{{3,30}})(?=[。！!；;？?])")


def _is_quotation(text: str, start: int, end: int, inner: str) -> bool:
    n = cjk_count(inner)
    if n < 4:
        return False  # every test below asks for four Chinese characters at least
    before = text[max(0, start - 50):start]
    if _TALK.search(inner) and (_TALKER.search(_TALK_RUN.sub("", text[max(0, start - 240):start])[-20:])
                                or _TALKER_AFTER.match(text, end)):
        return False  # talk in the writer's own story: 老师缓缓地说：“你呢，…”, 议论纷纷：“唉！…”
    after = text[end:end + 1]
    tail = before.rstrip()
    introduced = tail.endswith(("：", ":", "——", "一句", "这句", "那句", "名句", "一声")) \
        or bool(_SPEECH.search(before[-16:]) or _SPEECH_THEN.search(before[-16:]) or _STATED.search(before[-6:])
                 or (("回" in before[-12:] or "答" in before[-12:]) and _REPLY.search(before[-12:])))
    clause = bool(_CLAUSE_MARK.search(inner))
    opens = not before or ends_sentence(before) or before[-1] in "：:" or before.endswith("——")
    named = bool(_AFTER_CUE.match(text[end:end + 6]))
    return ((clause and n >= 6)
            or (introduced and n >= (4 if before.rstrip().endswith(("：", ":")) else 8))
            or (introduced and n >= 6 and (after in "，。,；;！!" or not after))  # 强调“打铁必须自身硬”。
            or (n >= 5 and bool(_SAYING_CUE.search(before[-8:]) or _SPEECH_TO.search(before[-12:])))
            or (opens and n >= 5 and (after in "，。,；：:" or not after))
            or (named and n >= 4)
            or (n >= 6 and bool(_AFTER_CUE_LONG.match(text[end:end + 5])))
            or (n >= 6 and bool(_MAXIM.match(inner)) and not _PERSON.search(inner))
            or _formulation(inner)
            or (n >= 6 and len(set(_CLASSICAL.findall(inner))) >= 2)  # 是“老吾老以及人之老”的同情心
            # 家珍临终前那句“你要好好活着”, 说的一句话是“…”
            or (n >= 4 and "句" in tail[-6:] and bool(_LINE_CUE.search(tail[-6:])))
            or _verse_line(inner, before))


# A statement put forward, in the perfect: 提出了“…”, 强调了“…” (as 提出：“…” is).
_STATED = re.compile(r"(?:提出|指出|强调|重申|喊出|发出)了$")


def _formulation(inner: str) -> bool:
    """A formulation of three or more phrases set off by 、, each of five characters or more and
    all built on one word (培养什么人、怎样培养人、为谁培养人; 常立志不如立长志、有学历不如有能力、…): a
    statement quoted, where a slogan's phrases are shorter or of no shared word (学思想、强党性、重实践;
    学党章党规、学系列讲话、做合格党员)."""
    if inner.count("、") < 2 or _CLAUSE_MARK.search(inner) or _ASCII_WORD.search(inner):
        return False
    phrases = inner.split("、")
    if any(cjk_count(p) < 5 for p in phrases):
        return False
    shared = {p[k:k + 2] for p in phrases[:1] for k in range(len(p) - 1)}
    for p in phrases[1:]:
        shared &= {p[k:k + 2] for k in range(len(p) - 1)}
    return any(cjk_count(w) == 2 for w in shared)


_ASCII_WORD = re.compile("[A-Za-z0-9]")
# Particles of classical Chinese: two of them make a saying of old, however it is set in a sentence.
_CLASSICAL = re.compile("[之乎者也矣焉哉兮吾尔汝曰弗毋]")


# An answer given in words of one's own: 有位同事回应极快“我只是一颗螺丝钉”, 他回答道：“…”
_REPLY = re.compile(r"(?:回应|回答|答道|答复|回复)(?:极快|很快|得好|道|说)?[：:，,]?\s*$")


# A quotation named by the word right before it: 那句“…”, 这句“…”, 名句“…”, 一句话“…”.
_LINE_CUES = ("那句", "这句", "一句", "名句", "诗句", "句话")
_LINE_CUE = re.compile(rf"(?:{'|'.join(_LINE_CUES)})(?:话)?(?:就是|便是|是|叫做|叫)?$")
# The turns of talk right before one (“唉！…。”“该不会…吧！”): the words before the first are looked at.
_TALK_RUN = re.compile(r"(?:“[^“”]{0,80}”)+$")
# Spoken words: a particle of talk at a clause's end, an interjection, or the hearer addressed.
_TALK = re.compile(r"[吗呢吧啊呀嘛喽哦](?=[，。！？,!?…\s]|$)|^(?:唉|哎|喂|嗯|哇)|^你(?!们)|您|[？?]$")
# …said by a person of the writer's own story (or the reader): their talk is no quotation.
_TALKER = re.compile(
    r"(?:老师|妈妈|爸爸|母亲|父亲|同学|朋友|大家|人们|奶奶|爷爷|外婆|外公|姐姐|哥哥|弟弟|妹妹|亲朋好友|同事|领导|师傅|"
    r"我|你|他|她)[^。！？“”]{0,12}(?:说|问|道|喊|叫|嘱咐|议论纷纷|疑问)[^，。“”]{0,2}[：:，,]?\s*$"
    r"|(?:议论纷纷|纷纷说|七嘴八舌|问道|喊道|嚷道|问自己)[：:，,]?\s*$")
# …or named after it: “…？”当主持人问他时 / “…。”老师说。 (not “…”这句话说得好)
_TALKER_AFTER = re.compile(
    r"(?:当)?(?![^，。“”]{0,4}[句话])[^，。！？“”]{1,8}(?:问|说|喊|答|回答)(?:[^，。！？“”]{0,24}时|(?:道|着)?[。，,：:])")
# A line of classical verse of seven characters: a term of that length ends in a noun of the
# kind names end with (丝绸之路经济带, 原乡读书分享会, 师德主体化发展).
_SEVEN = re.compile(rf"^[{CJK}]{{7}}$")
_TERM_END = re.compile("[带会展月日周节课者体化性式制区园馆站队团部局处组班群梦篇赛城街]$")
# Words of today's names and slogans (全过程人民民主, 新时代文明实践), not of classical verse.
_MODERN_TERM = re.compile(
    "人民|民主|文明|实践|发展|建设|社会|主义|现代|创新|改革|经济|政治|文化|制度|治理|党建|工程|工作|服务|管理|"
    "活动|教育|安全|生态|科技|数字|网络|质量|体系|机制|能力|行动|计划|中心|基地|示范|思想|理论|战略|中国|全国|时代")
# …and one of five is a verse only where a poem is named before it (杜甫的“国破山河在”, 又写“…”):
# a term of five (世界读书日, 法治进校园) is far more common.
_FIVE = re.compile(rf"^[{CJK}]{{5}}$")
_POEM_CUE = re.compile(r"(?:诗|词|吟|诵|咏|唱|写|笔下|杜甫|李白|白居易|苏轼|东坡|陆游|王维|辛弃疾|李清照|陶渊明|"
                       r"屈原|杜牧|王安石|孟浩然|刘禹锡|范仲淹|岳飞|文天祥|李商隐|王昌龄|曹操)[^，。；“”]{0,8}$")


def _verse_line(inner: str, before: str) -> bool:
    """A line of classical verse in quotation marks, without words that introduce it: five or
    seven characters without the particles of modern prose (“轻舟已过万重山”)."""
    if _SEVEN.match(inner):  # (a poet may say 我: 天生我材必有用)
        return T.is_classical(inner.replace("我", "")) and not _TERM_END.search(inner) \
            and not _MODERN_TERM.search(inner)
    return bool(_FIVE.match(inner)) and T.is_classical(inner) and bool(_POEM_CUE.search(before))


# A speech verb, then what is asked or what a thing is said to be: 强调，要“…”, 认为师德是“…”.
_SPEECH_THEN = re.compile(
    r"(?:指出|强调|要求|提出|认为)[，,]?(?:要|必须|应当|应)$|(?:认为|指出)[^，。“”]{1,8}(?:是|为)$")


# Speech addressed to the hearers before the saying: 要求我们“撸起袖子加油干”, 告诉大家：
_SPEECH_TO = re.compile(
    r"(?:告诉|要求|教导|提醒|嘱咐|叮嘱|勉励|鼓励|号召|告诫|激励)(?:我们|大家|我|全党|青年|[^，。“”]{1,3}们)[：:，,]?$")


# Words that only ever introduce a saying (so a short one counts): 正所谓“…”, 俗话说得好，“…”,
# 曾子说过“吾日三省吾身” (强调, 提出 are often followed by a term instead).
_SAYING_CUE = re.compile(
    r"(?:所谓|俗话说(?:得好|的好)?|常言道|古人云|古语云|有句话说|有句老话|说过|说道|写道|云|曰)[：:，,]?$")
_BOOK_AFTER = re.compile(r"^\s*[（(]?\s*(?:出自|语出|见于?)\s*(《[^《》]{1,40}》(?:[·•][^，。）)]{1,12})?)"
                         r"|^\s*[（(]\s*(《[^《》]{1,40}》(?:[·•][^，。）)]{1,12})?)\s*[）)]")


# As far after a quotation as _BOOK_AFTER can reach: it matches at most 64 characters that are not spaces.
_SOURCE_REACH = re.compile(r"(?:\s*\S){0,64}")


def _source(before: str, after: str) -> str | None:
    """Who or what is quoted: 毛泽东同志曾指出：, 古人云, 《吕氏春秋》中说, “…”出自《诗经》."""
    m = _BOOK_AFTER.match(after)
    if m:
        return m.group(1) or m.group(2)
    before = before.rstrip()
    cut = max(0, len(before) - 16)  # a speech verb is short: look at the end only
    sm = _SPEECH.search(before, cut)
    if not sm:
        return None
    speaker_part = before[:sm.start()]
    speaker = re.split(f"[{TERMINAL}，,；;”]", speaker_part)[-1].strip()
    book = _BOOK.search(speaker)
    if book:
        return book.group(0)
    speaker = re.sub(r"^(?:正如|正所谓|所谓|诚如|就像|如|恰如|在)", "", speaker)
    speaker = re.sub(r"在[^在]{0,10}(?:中|里|上)$", "", speaker)  # 陆游在诗中写道
    speaker = re.sub(r"(?:曾经|曾|也|就|早就|早已|中|里|上)$", "", speaker).strip()
    if not speaker or len(speaker) > 20 or speaker in ("我", "我们", "他", "有人"):
        return None
    return speaker


# An epigraph and its signature on one line: 题记：X。 / X。——题记 / X。——《书》 / X。——鲁迅
_EPIGRAPH_INLINE = re.compile(
    r"^(题记[：:]\s*)?(\S.{3,60}?)\s*(?:[—―]{1,2}\s*(?:(题记)|(《[^《》]{1,30}》[^，。]{0,12})|([^，。；—―]{1,20})))?$")
_EPIGRAPH_SOURCE = re.compile(r"^[—―\-]{1,2}\s*(?:题记|(《[^《》]{1,30}》[^，。]{0,12})|([^，。；]{1,20}))$")


def _index_quotes(outline: Outline) -> None:
    """Index the quotations of each part; the opening one (an epigraph, or a title that is a line
    of verse or a saying) is the lead's quote."""
    verse_set = any(T.is_verse(s.heading or "") for s in outline.sections)
    for section in outline.sections:
        section.quotes = _quotes_in(section.paragraphs)
        heading = section.heading or ""
        whole = heading.startswith("“") and heading.endswith("”") and heading.count("“") == 1
        # in a set of verse headings, a line of 词 of uneven clauses is quoted too
        quoted = whole or T.is_verse(heading) or (verse_set and T.is_epigraph(heading))
        if quoted and heading.strip("“”") not in {q.text for q in section.quotes}:
            section.quotes.insert(0, Quote(heading.strip("“”"), None))  # the heading is a quotation
        elif not quoted and "“" in heading:  # a saying inside it: 学习要用点恒心，切勿“三天打鱼，两天晒网”
            known = {q.text for q in section.quotes}
            section.quotes[:0] = [q for q in find_quotes(heading) if q.text not in known]
    lead = outline.lead
    if lead.paragraphs:
        first = lead.paragraphs[0].strip()
        quotes = find_quotes(first)
        inline = _EPIGRAPH_INLINE.match(first) if len(first) <= 90 else None
        signed = inline and (inline.group(3) or inline.group(4) or inline.group(5))
        if inline and (inline.group(1) or inline.group(3) or signed and (
                T.is_epigraph(inline.group(2)) or T.is_verse(inline.group(2)) or inline.group(2).startswith("“"))):
            # 题记：X / X——题记 / X——鲁迅 on one line
            lead.quote = Quote(inline.group(2).rstrip("。！!").strip("“”").rstrip("。！!"),
                               inline.group(4) or inline.group(5))
        elif quotes and first.startswith("“") and first[1:].startswith(quotes[0].text[:4]):
            lead.quote = quotes[0]
        elif len(first) <= 60:  # an epigraph: a line of verse or a saying, or one signed ——题记
            second = lead.paragraphs[1].strip() if len(lead.paragraphs) > 1 else ""
            m = _EPIGRAPH_SOURCE.match(second)
            if m or T.is_epigraph(first) or T.is_verse(first):
                source = (m.group(1) or m.group(2)) if m else None
                lead.quote = Quote(first.rstrip("。").strip("“”"), source)
        taken = lead.quote.text if lead.quote else None
        lead.quotes = [q for q in _quotes_in(lead.paragraphs[1:], quotes) if q.text != taken]
    if lead.quote is None and (T.is_verse(outline.title) or (
            T.is_epigraph(outline.title) and len({len(c) for c in re.split("[，,；;]", outline.title)}) > 1)):
        # a line of verse or a saying as the title (不积跬步，无以至千里); two phrases of one
        # length (安全生产，时时在心) are the author's own slogan
        lead.quote = Quote(outline.title, None)
    outline.closing.quotes = _quotes_in(outline.closing.paragraphs)


def _signed_saying(paragraphs: list[str], i: int) -> list[Quote]:
    """A saying set as a paragraph of its own and signed on the line under it (——爱因斯坦)."""
    if i + 1 >= len(paragraphs) or not paragraphs[i + 1].startswith(T.DASHES):
        return []
    m = _EPIGRAPH_SOURCE.match(paragraphs[i + 1].strip())
    text = paragraphs[i].strip()
    if not m or len(text) > 150 or "“" in text or cjk_count(text) < 6:
        return []
    return [Quote(text.rstrip("。！!").strip(), m.group(1) or m.group(2))]


def _quotes_in(paragraphs: list[str], found: list[Quote] | None = None) -> list[Quote]:
    """The quotations of ``paragraphs``, each once, after those ``found`` before them."""
    quotes: list[Quote] = []
    seen: set[str] = set()
    for q in [*(found or []), *(q for i, para in enumerate(paragraphs) for q in _signed_saying(paragraphs, i)
                                or find_quotes(para))]:
        if q.text not in seen:
            seen.add(q.text)
            quotes.append(q)
    return quotes


# ---- tags -------------------------------------------------------------------------------------

_TAG_QUOTED = re.compile("“([^“”]{1,8})”")


def _set_tags(sections: list[Section]) -> None:
    """The key word parallel headings vary on: a quoted word in each, else the varied slot."""
    heads = [s.heading for s in sections if s.heading]
    if len(heads) < 2 or len(heads) != len(sections):
        return
    quoted = [_TAG_QUOTED.findall(h) for h in heads]
    if all(quoted):
        for s, q in zip(sections, quoted, strict=True):
            s.tag = q[-1]
        return
    firsts = [re.split("[，,]", h)[0] for h in heads]
    prefix = _common(firsts)
    suffix = _common([f[len(prefix):][::-1] for f in firsts])
    if len(prefix) + len(suffix) < 2:
        return
    for f in firsts:
        slot = f[len(prefix):len(f) - len(suffix)].strip("“”")
        if not (1 <= len(slot) <= 8):
            return
    for s, f in zip(sections, firsts, strict=True):
        s.tag = f[len(prefix):len(f) - len(suffix)].strip("“”")


def _common(texts: list[str]) -> str:
    out = ""
    for chars in zip(*texts, strict=False):  # as far as the shortest goes
        if len(set(chars)) != 1:
            break
        out += chars[0]
    return out
