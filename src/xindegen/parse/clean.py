"""Clean raw blocks: drop site noise, restore punctuation, rejoin and re-split paragraphs.

Real inputs are web pages saved as text and documents copied out of preview sites (DESIGN.md §2):
site boilerplate around the essay, punctuation folded to ASCII by NFKC (full stops and single
quotes too), preview pages that start with ``N、`` and cut a word in two, paragraphs glued
together with single spaces, lost closing quotes, a forum's anti-copy jammer around lines.
Everything here works line by line or with linear regular expressions, so a huge single line
costs no more than many short ones.
"""

from __future__ import annotations

from .. import lazyre as re  # patterns compile on first use: imports stay fast
import statistics
from collections import Counter

from ..text import (
    CJK,
    CLOSE,
    OPEN,
    SENTENCE_END,
    TERMINAL,
    cjk_count,
    ends_sentence,
    has_cjk,
)
from .ingest import CRUMB, PAGE_TITLE, Block

CUT = "cut"
"""Hint of an empty marker block: the text was cut off here (a paywall or preview limit)."""

_SPACE = " \u3000\u00a0\t"


def is_title_like(text: str, limit: int = 40) -> bool:
    """A short line that is not a sentence: a title, heading or name line."""
    t = text.strip()
    if not (2 <= len(t) <= limit) or not has_cjk(t):
        return False
    if "——" in t:  # a title may ask its question before its ——subtitle: 怎样展开大讨论？——三论…
        t = _ASKED.sub("", t)
    return not (any(c in t for c in "。！？；") or t[-1] in "，、：:,;")


_ASKED = re.compile(r"[？！?!](?=[ \u3000]*——)")


# ---- punctuation ----------------------------------------------------------------------------

_NEAR_CJK = f"{CJK}{OPEN}{CLOSE}。，、；：！？…—"


def _fullwidth(ascii_mark: str, full: str) -> tuple[re.Pattern[str], str]:
    mark = re.escape(ascii_mark)
    # the mark first, then what is around it: the search jumps from mark to mark
    pattern = re.compile(f"{mark}(?:(?<=[{_NEAR_CJK}]{mark})|(?=[{CJK}{OPEN}]))")
    return pattern, full


_PUNCT_RULES = [_fullwidth(a, f) for a, f in ((",", "，"), (":", "："), (";", "；"),
                                             ("!", "！"), ("?", "？"))]
_PARENS = re.compile(r"\(([^()\n]{0,80})\)")


def _paren(m: re.Match[str]) -> str:
    s, e = m.start(), m.end()
    text = m.string
    near = (s > 0 and has_cjk(text[s - 1])) or (e < len(text) and has_cjk(text[e]))
    return f"（{m.group(1)}）" if near or has_cjk(m.group(1)) else m.group(0)


def restore_punctuation(text: str) -> str:
    """Undo NFKC folding: ASCII ,:;!?() next to Chinese text become full-width again.

    ASCII text keeps its own punctuation (``1,000``, ``10:30``, ``Hello, world``).
    """
    if not has_cjk(text):
        return text
    if "(" in text:
        text = _PARENS.sub(_paren, text)
    for pattern, full in _PUNCT_RULES:
        text = pattern.sub(full, text)
    if "." in text:
        text = _FULL_STOP.sub("。", text)
    if "─" in text or "━" in text:  # box-drawing rules drawn as a dash (──市委党校…总结, 学习──秉持)
        text = _BOX_DASH.sub("——", text)
    return text


_BOX_DASH = re.compile("[─━]{2}")


# An ASCII full stop after Chinese text, before more of it or at the end (知识.书中, 反思自己.),
# but not after a numeral (一.加强学习) or in 3.5, www.a.cn.
_FULL_STOP = re.compile(rf"(?<=[{CJK}）”’》])(?<![一二三四五六七八九十〇零])\.(?=[{CJK}“‘《（]|\s*$)")


_STRAIGHT_QUOTES = re.compile(r'"([^"\n]{1,300})"')


def curl_quotes(text: str) -> str:
    """Straight double quotes around Chinese text become “”; straight single ones around a
    Chinese phrase (between Chinese text or its marks, so not don't or 'a' in English) ‘’."""
    if not ('"' in text or "'" in text) or not has_cjk(text):
        return text
    if '"' in text:
        text = _STRAIGHT_QUOTES.sub(lambda m: f"“{m.group(1)}”" if has_cjk(m.group(1)) else m.group(0), text)
    if '"' in text and ("“" in text or "”" in text):  # one mark straight, its partner curled: 说过："…。”
        text = _HALF_OPEN.sub(lambda m: f"“{m.group(1)}" if has_cjk(m.group(1)) else m.group(0), text)
        text = _HALF_CLOSE.sub(lambda m: f"{m.group(1)}”" if has_cjk(m.group(1)) else m.group(0), text)
    if "'" in text:
        text = _STRAIGHT_SINGLE.sub(lambda m: f"‘{m.group(1)}’", text)
    return text


_HALF_OPEN = re.compile(r'"([^"“”\n]{1,300}”)')
_HALF_CLOSE = re.compile(r'(“[^"“”\n]{1,300})"')
_STRAIGHT_SINGLE = re.compile(rf"(?<![A-Za-z0-9])'([{CJK}][^'\n]{{0,298}}[{CJK}。！？，])'(?![A-Za-z0-9])")


_OPENER_BEFORE = "：:，,；;（(、—《 \u3000"
_CLOSER_AFTER = "，,。.；;：:、！!？?）)…—" + " \u3000"


def orient_quotes(text: str) -> str:
    """Turn quotation marks that face the wrong way (the NFKC and editors' slips of real pages).

    Reading left to right with the quotations open so far: a mark where a quotation can open
    (after a colon or a comma, or with none open) opens one, and a mark where one can only close
    (before punctuation, with one open) closes it, so ``强调，”要…”`` and ``不需要”三天打鱼，两天
    晒网”的`` are set right and nested quotations stay nested. A quotation that opened a sentence
    and already ran past a sentence end does not close at a mark inside running text
    (``说：”冰冻三尺…之功。其实…谈到”滴水穿石”``): that mark opens a new one, and
    :func:`close_quotes` ends the first at its sentence end. A closing mark after a sentence end
    with none open belongs to a quotation opened on an earlier line and stays.
    """
    if "”" not in text:
        return text
    marks = "".join(_QUOTE_MARK.findall(text))
    if marks == "“”" * (len(marks) // 2):
        return text  # every quotation opens and closes in turn: nothing to turn
    chars = list(text)
    opened: list[int] = []
    for m in _QUOTE_MARK.finditer(text):
        i = m.start()
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        can_open = not prev or prev in _OPENER_BEFORE
        can_close = not nxt or nxt in _CLOSER_AFTER or nxt in "“”"
        if not opened:
            if chars[i] == "”" and (not nxt or prev in TERMINAL or (can_close and not can_open)):
                continue  # a closing mark whose opening is on another line
            chars[i] = "“"
            opened.append(i)
            continue
        span = text[opened[-1] + 1:i]
        if chars[i] == "“":
            if can_close and not can_open:
                chars[i] = "”"
                opened.pop()
            else:
                opened.append(i)  # nested, or the first one lost its closing (close_quotes)
        elif not can_close and not can_open and prev not in TERMINAL and len(span) > 40 \
                and SENTENCE_END.search(span) and _opens_sentence(text, opened[-1]):
            chars[i] = "“"
            opened[-1] = i
        else:
            opened.pop()
    return "".join(chars)


def close_quotes(text: str) -> str:
    """Put back a lost closing ”: at the end of the quoted sentence, or before the next mark.

    A quotation opened after a colon or at a sentence start runs to the end of its sentence;
    any other “ marks a term and closes before the next punctuation.
    """
    if text.count("“") <= text.count("”"):
        return text
    out: list[str] = []
    pos = 0
    open_at: int | None = None
    for m in _QUOTE_MARK.finditer(text):
        if m.group() == "”":
            open_at = None
            continue
        if open_at is not None:  # a second opening before a closing: close the first
            out.append(text[pos:open_at])
            out.append(_closed(text[open_at:m.start()], _opens_sentence(text, open_at)))
            pos = m.start()
        open_at = m.start()
    if open_at is not None:
        out.append(text[pos:open_at])
        out.append(_closed(text[open_at:], _opens_sentence(text, open_at)))
    else:
        out.append(text[pos:])
    return "".join(out)


_QUOTE_MARK = re.compile("[“”]")


def _opens_sentence(text: str, i: int) -> bool:
    """Whether the quotation at ``i`` is a whole utterance (after a colon or a sentence end)."""
    before = text[max(0, i - 8):i].rstrip(_SPACE)
    return not before or before[-1] in "：:" + TERMINAL + "!?" or ends_sentence(before)


def _closed(span: str, whole_sentence: bool) -> str:
    """``span`` starts with an unclosed “; insert its ” where the quotation most likely ends."""
    body = span[1:]
    m = SENTENCE_END.search(body) if whole_sentence else re.search("[，、；：。！？,;:]", body)
    if m:
        end = 1 + m.end() if whole_sentence else 1 + m.start()
        return span[:end] + "”" + span[end:]
    trimmed = span.rstrip(_SPACE)
    return trimmed + "”" + span[len(trimmed):]


# ---- noise ----------------------------------------------------------------------------------

_META_FIELD = (r"(?:来源|来自|作者|编辑|责任编辑|发布时间|发布日期|发表时间|更新时间|点击|点击数|点击量|"
               r"浏览|浏览次数|浏览量|阅读量|阅读次数|字数|文章来源|所属栏目|栏目|分类)")
_META_LINE = re.compile(rf"^\s*{_META_FIELD}\s*[:：]")
_META_ANY = re.compile(rf"{_META_FIELD}\s*[:：]")
_NAV_LINE = re.compile(
    r"^\s*[\[【(（]?\s*(?:推荐访问|推荐阅读|推荐文章|相关推荐|相关阅读|相关文章|相关范文|热门文章|热门推荐|"
    r"猜你喜欢|延伸阅读|上一篇|下一篇|上一页|下一页|返回列表|返回首页|返回顶部|更多相关|标签|tags?|"
    r"打印|关闭|收藏|举报|分享到|扫一扫|字体|字号|评论|点赞)\s*[\]】)）]?\s*(?:[:：]|$|\s)", re.I)
_TAIL_START = re.compile(
    r"^\s*[-•·*]?\s*(?:配套讲稿|特殊限制|关\s*键\s*词|关\s*键\s*字|推荐访问|推荐阅读|相关推荐|相关阅读|相关文章|"
    r"猜你喜欢|上一篇|下一篇|版权声明|免责声明|copyright)", re.I)
_TAIL_JUNK = re.compile(
    r"文档|下载|著作权|版权|商用|上传|侵权|举报|会员|vip|搜索|网站|本站|图标|讲稿|作品|登录|注册|客服|转载|"
    r"https?://|www\.|<image|<img|data:image", re.I)
_SITE_LINE = re.compile(
    r"copyright|all rights reserved|版权所有|©|icp备|icp证|公网安备|备案号|由(?:会员|用户)分享|可在线阅读|"
    r"请在.{0,20}上?搜索|珍藏版|文档下载|下载文档|免费下载|下载地址|本文档|本站|联系我们|小编|供大家参考|"
    r"仅供参考|欢迎阅读|欢迎借鉴|希望对(?:你|您|大家)有|为大家(?:整理|收集|分享|带来)|为您(?:整理|收集|分享)|"
    r"精心整理|整理的.{0,20}(?:范文|文章)|文章来自|本文来自|内容来自|以下是(?!我).{0,40}(?:范文|作文|文章|心得|资料|内容)|"
    r"欢迎参阅|欢迎阅读与收藏|欢迎参考|供大家参考|供你选择借鉴|微信订阅号|联系客服|链接地址[:：]", re.I)
# …of which these mark a site's note however much it says; the others (希望对大家有所启发, 仅供参考)
# may be the writer's own words in a paragraph of two sentences or more.
_SITE_STRONG = re.compile(
    r"copyright|版权|©|icp|备案|小编|本站|本文档|文档下载|下载|为大家(?:整理|收集|分享|带来)|精心整理|"
    r"以下是(?!我)|会员|用户分享|微信|客服", re.I)
# Page chrome on a short line of its own: breadcrumbs, counters, share and print buttons, a
# "posted by" line.
_CHROME_LINE = re.compile(
    r"您的位置|当前位置|位置[:：]\s*首页|^(?:[^>»]*[>»›]){2}|[>»›]\s*$|\d+\s*人已(?:围观|阅读|浏览)|"
    r"人气[:：]|阅读\s*[(（:：]?\s*\d|浏览(?:次数|量)?\s*[:：]?\s*\d|^\S{0,12}\d+(?:\.\d+)?\s*[万wW]\s*$|"
    r"扫一扫|分享到|分享本文|手机阅读|关闭本页|打印本页|^打印$|字号[:：]|^分享[:：]?$|^正文$|^admin$|"
    r"^\S{1,12}\s*分享(?:\s*时间[:：]?)?$|"
    # a forum's chrome round a post: 本帖最后由 X 于 … 编辑, 发表于 2010-6-2, 只看该作者, 管理员留言：…
    r"^本帖最后由.{1,40}编辑|^发表于\s*\d{4}-\d|显示全部楼层|只看该作者|倒序浏览|"
    r"^(?:管理员|版主)(?:留言|提示|评语)[:：]|"
    # a document site's record of the file: - 37.5 KB |文档介绍
    r"\d(?:\.\d+)?\s*[KMG]B(?![A-Za-z])|^文档介绍", re.I)
# Where a page names its own title: 本文标题：…, or 《…》由会员分享 on a document site.
# (a form's field too: 参赛标题：…, 作品题目：…)
_TITLE_FIELD = re.compile(r"^\s*(?:本文|文章|作品|参赛|征文|论文)?(?:标\s*题|题\s*目)\s*[:：]\s*(\S.{1,59})$")
_SHARED_DOC = re.compile(r"《([^《》]{4,60})》由(?:会员|用户)(?:上传)?分享")
# Notices that the text stops here. The first group is never prose; the second is only a notice
# when it is (nearly) the whole line.
# A site's note on the page names the document it shows, twice: 小编为你整理了多篇相关的《X》，…
# 还可以找到更多《X》。 (a book's name, shorter, is named twice by essays on it too.)
_NOTE_WORDS = re.compile(r"小编|整理|收集|为你|为您|为大家")
_NOTE_DOC = re.compile(r"《([^《》]{10,60})》")


def _noted_doc(line: str) -> re.Match[str] | None:
    if len(line) > 240 or "《" not in line or not _NOTE_WORDS.search(line):
        return None
    names = list(_NOTE_DOC.finditer(line))
    twice = [m for m in names if sum(n.group(1) == m.group(1) for n in names) >= 2]
    return twice[0] if twice else None


_PAYWALL_NOTICE = (r"(?:仅展示\s*\d+\s*字|全文共\s*\d+\s*字|剩余\s*\d+\s*字未读|还剩\s*\d+\s*字|"
                   r"试读结束|余下全文|开通\s*vip)")
_PAYWALL_SURE = re.compile(rf"[（(【\[]?\s*{_PAYWALL_NOTICE}[^。\n]{{0,30}}?[）)】\]]?", re.I)
# Whether _PAYWALL_SURE finds anything (its ends are optional): a pattern that opens with its words
# is looked for quickly, where the optional bracket and spaces were tried at every character.
_PAYWALL_ANY = re.compile(_PAYWALL_NOTICE, re.I)
_PAYWALL_WORDS = re.compile(
    r"查看全文|阅读全文|展开全文|全文阅读|下载后查看|登录后(?:查看|阅读)|付费(?:阅读|下载)|未完待续|未完，?待续")
_PAGE_OF = re.compile(r"第\s*\d+\s*页\s*[,，/／]?\s*共\s*\d+\s*页|共\s*\d+\s*页\s*[,，/／]?\s*第\s*\d+\s*页")
_PAGE_ONLY = re.compile(r"^[\s\-—–_]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4})?[\s\-—–_]*$")
_IMAGE = re.compile(
    r"<([\w:-]*image)\b[^>]*>.*?</\1>|</?[a-z][\w:-]*(?:\s[^<>]{0,300})?/?>|!\[[^\]]*\]\([^)]*\)|data:image/[^\s)\"'<]+|"
    r"[\[【](?:图片|图|img|image)[\]】]|https?://[^\s\u3000，。）)]+|www\.[a-z0-9.-]+\.[a-z]{2,}\S*",
    re.I)
# Symbols a page sets before a heading line (◆一、…, ■坚定理想信念): decoration, not text.
_LEAD_BULLET = re.compile(r"^[◆◇■□●○▲△▼▽★☆▶►▸※❖✦✧]+[ \u3000]*(?=\S)")
_FILE_EXT = re.compile(r"\.(?:docx?|pdf|txt|wps|pptx?|html?)$", re.I)


def _noise_kind(line: str) -> str | None:
    """``paywall`` (the text stops here), ``tail`` (a site footer starts), ``drop`` or None."""
    if _TAIL_START.match(line):
        return "tail"
    short = len(line) < 200
    if _PAYWALL_ANY.search(line) or (
            _PAYWALL_WORDS.search(line) and cjk_count(_PAYWALL_WORDS.sub("", line)) < 12):
        return "paywall"
    if _META_LINE.match(line) and (len(line) < 100 or len(_META_ANY.findall(line)) >= 2):
        return "drop"
    if len(_META_ANY.findall(line)) >= 2 and len(line) < 150:
        return "drop"
    if _NAV_LINE.match(line) and len(line) < 150:
        return "drop"
    uncased = short and line.lower() == line.upper()  # no letter with a case: no need to fold any
    if short and (_SITE_UNCASED if uncased else _SITE_LINE).search(line) and (
            _SITE_STRONG.search(line) or sum(map(line.count, "。！？")) <= 1):
        return "drop"
    if _PAGE_ONLY.match(line):
        return "page"
    if len(line) < 60 and _CHROME_LINE.search(line):
        return "drop"
    return None


def _uncased(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without IGNORECASE: the same matches in a text without cased letters, found far
    faster (a pattern folded as a whole is tried at every character, not only where it can start)."""
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


_SITE_UNCASED = _uncased(_SITE_LINE)


# Random ASCII a forum inserts against copying (' J0 z# o' @% k. x): four short tokens or more
# at the end of a line, with symbols among them.
_JAMMER = re.compile(r"(?:[ \t\u3000]+[!-~]{1,3}){4,}[ \t\u3000]*$")
_JAMMER_MARKS = re.compile(r"[#@%'!;\\/&*$^~`|]")


# …at the start of a line too, its last token glued to the text (( I) q3 p! j' C$ k毛委员说过), or
# as the whole line.
_JAMMER_HEAD = re.compile(r"^[ \t\u3000]*(?:[!-~]{1,3}[ \t\u3000]+){4,}[!-~]{0,3}(?=[^!-~\s]|$)")


def _strip_jammer(line: str) -> str:
    end = line.rstrip(" \t\u3000")  # a jammer at the end ends in ASCII: most lines are let through unsearched
    m = _JAMMER.search(line) if end.endswith("\n") or "!" <= end[-1:] <= "~" else None
    if m and len(_JAMMER_MARKS.findall(m.group())) >= 2 and has_cjk(line[:m.start()]):
        line = line[:m.start()]
    m = _JAMMER_HEAD.match(line)
    if m and (len(_JAMMER_MARKS.findall(m.group())) >= 2 or (
            len(_HEAD_MARKS.findall(m.group())) >= 3 and _LETTER_DIGIT.search(m.group()))):
        line = line[m.end():]
    return line


_HEAD_MARKS = re.compile(r"[^\w\s]")
_LETTER_DIGIT = re.compile(r"(?<![!-~])[A-Za-z]\d(?![!-~])")  # the y5, b2 tokens of a jammer


def _strip_inline(line: str) -> str:
    if " " in line:
        line = _strip_jammer(line)
    if "<" in line or "[" in line or "【" in line or "http" in line or "www." in line or "data:" in line:
        line = _IMAGE.sub("", line)
    if "页" in line:
        line = _PAGE_OF.sub("", line)
    return line


# ---- the cleaning pass ----------------------------------------------------------------------

def clean_blocks(blocks: list[Block], glued_spaces: bool = True) -> list[Block]:
    """Cleaned blocks: noise gone, punctuation restored, paragraphs rejoined and re-split.

    ``glued_spaces`` splits lines where a preview page glued paragraphs with single spaces
    (off for Word documents, whose paragraphs are real). A paywall or preview limit leaves an
    empty block with hint :data:`CUT` where the text stops.
    """
    lines = _drop_noise(blocks)
    lines = _rejoin_pages(lines)
    lines = _rejoin_split_quotes(_rejoin_wrapped(lines))
    out: list[Block] = []
    for block in lines:
        if block.hint == CUT:
            out.append(block)
            continue
        text = block.text.strip(_SPACE + "\ufeff")
        if not text or not any(c.isalnum() for c in text):
            continue  # nothing but marks: a stray ” or a ———— rule
        text = close_quotes(orient_quotes(curl_quotes(restore_punctuation(text))))
        if block.hint is None and is_title_like(text, 60):
            text = _LEAD_BULLET.sub("", _FILE_EXT.sub("", text))
        pieces = split_glued(text) if glued_spaces and block.hint is None else [text]
        if block.hint is None:
            pieces = [q for p in pieces for q in _INLINE_MARKDOWN.split(p) if q.strip()]
            pieces = [q for p in pieces for q in split_first_heading(p)]
        out.extend(Block(p, block.hint) for p in pieces)
    return _labels_down(out)


# A bracketed label ending a line after a space: it heads the paragraph under it
# (（由某某撰写） 【引言】 / “好老师”的定义是…).
_TRAILING_LABEL = re.compile(rf"[ \u3000]+(【[{CJK}]{{2,8}}】)$")


def _labels_down(blocks: list[Block]) -> list[Block]:
    for i in range(len(blocks) - 1):
        here, under = blocks[i], blocks[i + 1]
        m = _TRAILING_LABEL.search(here.text) if here.hint is None and "【" in here.text else None
        if m and under.hint is None and cjk_count(under.text) >= 20 and not under.text.startswith("【") \
                and here.text[:m.start()].strip():
            blocks[i] = Block(here.text[:m.start()].rstrip())
            blocks[i + 1] = Block(m.group(1) + under.text)
    return blocks


_PAGE_BREAK = "page"


def _drop_noise(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    tail = prose_seen = crumbed = False
    for block in blocks:
        line = block.text.replace("\u200b", "").replace("\ufeff", "")
        line = _CONTROL.sub("", line)
        if not line.strip():
            out.append(Block("", block.hint))  # a blank line: paragraph separator
            continue
        line = _strip_inline(line)
        stripped = line.strip(_SPACE + "-•·*")
        if not stripped:
            continue  # the line held only an image or a page mark
        named = _TITLE_FIELD.match(stripped) or _SHARED_DOC.search(stripped) or _noted_doc(stripped)
        if named and block.hint is None:
            out.append(Block(_FILE_EXT.sub("", named.group(1).strip()), PAGE_TITLE))
            continue
        head = _title_before_meta(stripped, top=not prose_seen) if block.hint is None and not tail else None
        if head:
            out.append(Block(head))
            continue
        kind = _noise_kind(stripped)
        if tail:
            if kind is None and len(stripped) >= 40 and not _TAIL_JUNK.search(stripped):
                tail = False  # prose again: the footer is over
            else:
                continue
        if kind == "tail":
            # a footer follows the text: before any prose, 相关推荐 is a menu line of the header
            tail = prose_seen
            continue
        prose_seen = prose_seen or (kind is None and cjk_count(line) >= 20)
        if kind == "paywall":
            rest = _PAYWALL_WORDS.sub("", _PAYWALL_SURE.sub("", line))
            if cjk_count(rest) >= 20:
                out.append(Block(rest, block.hint))
            out.append(Block("", CUT))
            continue
        if kind == "page":
            out.append(Block("", _PAGE_BREAK))
            continue
        if kind == "drop" and block.hint is None:
            crumb = _crumb_tail(stripped) if not prose_seen and not crumbed else None
            if crumb:
                out.append(Block(crumb, CRUMB))
                crumbed = True
            continue
        out.append(Block(line, block.hint))
    return _join_page_breaks(out)


_CRUMB_SEP = re.compile(r"\s*[>»›]\s*")


def _crumb_tail(line: str) -> str | None:
    """The last step of a breadcrumb, when it is an article's name (not a category: 心得体会)."""
    steps = [s for s in _CRUMB_SEP.split(line) if s.strip()]
    if len(steps) < 3:
        return None
    last = steps[-1].strip()
    return last if cjk_count(last) >= 6 and is_title_like(last, 60) else None


# Where a page's meta fields start after a title on the same line (标题 作者：… / 标题 2023-01-05).
_META_AFTER = re.compile(
    r"[ \u3000\t]+(?=(?:作者|来源|发布|发表|更新|时间|日期|阅读|浏览|点击|编辑|责编|字数|栏目)\S{0,3}[：:]"
    r"|[\[【（(]?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2})")


# (in brackets too: 如何订做一个好老师  [2017/11/14])
_DATE_ONLY = re.compile(r"[\[【（(]?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[\]】）)]?\s*$")
_META_WORD = re.compile(r"(?:作者|来源|发布|发表|更新|时间|日期|阅读|浏览|点击|编辑|责编|字数|栏目)\S{0,3}[：:]")


def _title_before_meta(line: str, top: bool = False) -> str | None:
    """The title of a line that goes on with the page's meta fields, which are dropped; at the
    ``top`` of the page (before any prose) a date alone after it is its date, no signature."""
    if len(line) > 150 or not (" " in line or "\u3000" in line or "\t" in line):
        return None
    m = _META_AFTER.search(line)
    if not m:
        return None
    head, rest = line[:m.start()].strip(), line[m.end():]
    # the rest is fields, not a sentence (本次活动 时间：5月6日在礼堂举行，全体党员参加。)
    if is_title_like(head, 60) and cjk_count(head) >= 4 and _noise_kind(head) is None \
            and len(rest) < 80 and not any(c in rest for c in "，。；！？") \
            and (_META_WORD.search(rest) or (top and _DATE_ONLY.match(line, m.end()))):
        return head  # (a date alone after a name is a signature: 某某单位 2023年5月6日)
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _join_page_breaks(blocks: list[Block]) -> list[Block]:
    """A bare page number between two lines: rejoin them when the first stops mid-sentence."""
    out: list[Block] = []
    pending = False
    for block in blocks:
        if block.hint == _PAGE_BREAK:
            pending = True
            continue
        if not block.text.strip() and block.hint != CUT:
            if not pending:
                out.append(block)
            continue
        if pending and out and out[-1].hint is None and block.hint is None and out[-1].text.strip() \
                and not ends_sentence(out[-1].text) \
                and not (is_title_like(out[-1].text) and _balanced(out[-1].text)):  # a quotation cut off
            out[-1] = Block(out[-1].text.rstrip() + block.text.strip(), None)
        else:
            out.append(block)
        pending = False
    return out


_PAGE_PREFIX = re.compile(r"^\s*(\d{1,4})、")


def _rejoin_pages(blocks: list[Block]) -> list[Block]:
    """Join document-preview pages (lines starting 1、 2、 3、 … cut mid-word) into one text."""
    out: list[Block] = []
    i = 0
    n = len(blocks)
    while i < n:
        m = _PAGE_PREFIX.match(blocks[i].text) if blocks[i].hint is None else None
        if not m:
            out.append(blocks[i])
            i += 1
            continue
        run = [i]
        expected = int(m.group(1)) + 1
        j = i + 1
        while j < n:
            if not blocks[j].text.strip() and blocks[j].hint is None:
                j += 1
                continue
            mj = _PAGE_PREFIX.match(blocks[j].text) if blocks[j].hint is None else None
            if not mj or int(mj.group(1)) != expected:
                break
            run.append(j)
            expected += 1
            j += 1
        pages = [blocks[k].text.strip() for k in run]
        # A run that is no page run is one line shorter from its next page on, and ends where it
        # ended: its tails are judged here, not scanned again page by page (that was quadratic).
        first = _first_page_run(pages)
        end = run[-1] + 1 if first is None else run[first]
        out.extend(blocks[i:end])
        if first is not None:
            out.append(Block("".join(_PAGE_PREFIX.sub("", p, count=1) for p in pages[first:])))
        i = run[-1] + 1
    return out


def _first_page_run(pages: list[str]) -> int | None:
    """The first ``k`` for which ``pages[k:]`` is a run of cut preview pages, or None."""
    count, total = len(pages), sum(len(p) for p in pages)
    cut = [not ends_sentence(p) for p in pages[:-1]]
    cuts = sum(cut)
    for k in range(count - 1):  # a single page is no run
        n = count - k
        if total / n >= 150 and cuts * 2 >= n - 1:
            return k
        total -= len(pages[k])
        cuts -= cut[k]
    return None


_NUMBERED = re.compile(r"^[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]|^第[一二三四五六七八九十]+")


def _rejoin_wrapped(blocks: list[Block]) -> list[Block]:
    """Rejoin hard-wrapped text (most lines cut at one width, as copied from a viewer).

    A line as long as the wrap width continues on the next line unless that one is indented
    or numbered; a shorter line ends its paragraph.
    """
    # (lines of Chinese text: a post's date in English, repeated over each post, is no wrapped line)
    lengths = [len(t) for t in (b.text.strip() for b in blocks if b.hint is None) if len(t) >= 15 and has_cjk(t)]
    if len(lengths) < 4:
        return blocks
    width, count = Counter(lengths).most_common(1)[0]
    near = sum(1 for n in lengths if abs(n - width) <= 2)
    if count < 3 or near < 0.4 * len(lengths) or width < statistics.median(lengths):
        return blocks
    full = [b.text.strip() for b in blocks if b.hint is None and abs(len(b.text.strip()) - width) <= 2]
    if sum(ends_sentence(t) for t in full) * 2 > len(full):
        return blocks  # short paragraphs of about one length, each ending its sentence: no wrapping
    out: list[Block] = []
    pieces: dict[int, list[str]] = {}  # the lines of a paragraph, joined once at the end (not line by line)
    previous_full = False
    for block in blocks:
        stripped = block.text.strip(_SPACE)
        if block.hint is not None or not stripped:
            out.append(block)
            previous_full = False
            continue
        indented = block.text[:1] in _SPACE
        if previous_full and not indented and not _NUMBERED.match(stripped):
            pieces.setdefault(len(out) - 1, [out[-1].text.rstrip(_SPACE)]).append(stripped)
        else:
            out.append(block)
        previous_full = len(stripped) >= width - 2
    for i, parts in pieces.items():
        out[i] = Block("".join(parts))
    return out


def _rejoin_split_quotes(blocks: list[Block]) -> list[Block]:
    """A line that stops inside an open quotation, and a later line that closes it first: one
    paragraph cut by a page or a line break (守的是人民的 / 心。”我们要…).

    The pieces of a paragraph are joined once at the end, and the marks counted piece by piece,
    so that a run of such lines costs no more than their length.
    """
    out: list[Block] = []
    pieces: dict[int, list[str]] = {}
    last, balance, tail = -1, 0, ""  # the last line of text: its index, open quotations, last piece
    for block in blocks:
        text = block.text.strip(_SPACE)
        if block.hint is None and last >= 0 and balance > 0 and "”" in text \
                and text.find("”") < (text.find("“") % (len(text) + 1)) and not ends_sentence(tail):
            del out[last + 1:]  # blank lines between the two halves
            pieces.setdefault(last, [out[last].text.rstrip(_SPACE)]).append(text)
            balance += text.count("“") - text.count("”")
            tail = text
            continue
        out.append(block)
        if block.hint is None and text:
            last, balance, tail = len(out) - 1, text.count("“") - text.count("”"), text
        elif block.hint is not None:
            last = -1
    for i, parts in pieces.items():
        out[i] = Block("".join(parts))
    return out


# ---- glued paragraphs -----------------------------------------------------------------------

_FIRST_HEADING = re.compile(r"[ \u3000]*(?:一[、．.]|[（(]一[）)]|1[.．、](?!\d)|第一[，、：:])")


# A Markdown heading inside a line, after a sentence's end: a page that lost its line breaks
# (…的啟示。#### 一、故事梗概…): a paragraph starts there.
_INLINE_MARKDOWN = re.compile(r"(?<=[。！？!?”])[ \u3000]*(?=#{2,6}[ \u3000]*\S)")


def split_first_heading(text: str) -> list[str]:
    """A title and the first numbered heading on one line (学习心得体会 一、提高认识…): two lines."""
    m = _FIRST_HEADING.search(text, 4, 42)
    if not m or not text[m.end():].strip(_SPACE + "：:"):
        return [text]  # (a number ending the line numbers the essay: 某某观后感（一）, …（一）：)
    head = text[:m.start()].strip(_SPACE)
    if not (is_title_like(head, 40) and cjk_count(head) >= 4 and _balanced(head)) \
            or head[-1] in "第一二三四五六七八九十" or _NUMBERED.match(head):
        return [text]
    return [head, text[m.start():].strip(_SPACE)]


_GAP = re.compile(f"[{_SPACE}]+")
_SENTENCE_MARKS = TERMINAL + "!?"  # what ends_sentence looks for


def split_glued(text: str) -> list[str]:
    """Split a line where single spaces stand in for paragraph breaks.

    A gap after a finished sentence is a paragraph break; so is the gap after a title-like
    opening chunk when a long paragraph follows. Spaces elsewhere (inside a title such as
    ``守牢安全“底线” 扛起岗位之责``, between words of ASCII text) stay.
    """
    if not any(c in text for c in _SPACE):
        return [text]
    gaps = list(_GAP.finditer(text))
    pieces: list[str] = []
    start = 0
    forced = _essay_title_gaps(text, gaps) if "：" in text or ":" in text else set()
    for m in gaps:  # the last gap that still ends a title-like opening
        if m.start() > 40:
            break
        prefix = text[:m.start()]
        if len(prefix) >= 6 and is_title_like(prefix) and "，" not in prefix and _balanced(prefix) \
                and not text[m.end():m.end() + 1].isdigit() and _is_prose(text[m.end():m.end() + 400]):  # 第 22个
            start = m.end()
    if start:
        pieces.append(text[:start].rstrip(_SPACE))
    # Whether text[start:gap] ends a sentence and holds Chinese is followed from gap to gap, each
    # character looked at once: slicing and testing the growing piece at every gap was quadratic.
    depth, scanned, opened_at = 0, start, start
    land = -1  # the character ends_sentence(text[start:gap]) would look at (-1: none)
    cjk, searched = False, start  # whether text[start:searched] holds a Chinese character
    for m in gaps:
        gap = m.start()
        if gap <= start:
            continue
        if gap in forced:  # round an essay's numbered title: 后天观后感(二):
            pieces.append(text[start:gap])
            start = scanned = opened_at = searched = m.end()
            depth, land, cjk = 0, -1, False
            continue
        seg = text[scanned:gap]
        if "“" in seg or "”" in seg:
            for c in _QUOTE_MARK.findall(seg):  # quotation marks since the last gap: never split inside
                if c == "“":
                    depth += 1
                    opened_at = scanned
                elif depth:
                    depth -= 1
        lo = max(scanned, start)
        kept = (seg[lo - scanned:] if lo > scanned else seg).rstrip()
        if kept:  # else only spaces since the last gap: the piece ends as it did
            kept = kept.rstrip(CLOSE)
            land = lo + len(kept) - 1 if kept else -1
        scanned = gap
        if depth and gap - opened_at > 400:
            depth = 0  # a quotation that never closes lost its mark
        if not depth and land >= 0 and text[land] in _SENTENCE_MARKS:
            if not cjk:
                cjk, searched = has_cjk(text[searched:gap]), gap
            if cjk:
                pieces.append(text[start:gap])
                start = m.end()
                land, cjk, searched = -1, False, start
    pieces.append(text[start:])
    return [p for p in pieces if p.strip(_SPACE)]


# An essay's title numbered after it and ended by a colon, between two gaps of a run-on line:
# …我们的“后天”!  后天观后感(二):  这天…
_ESSAY_TITLE_CHUNK = re.compile(
    r"^[^，,。；;！!？?\s]{2,30}?(?:心得|体会|感悟|感想|观后感|读后感|有感|发言)"
    r"[ \u3000]*(?:[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]|\d{1,2})[ \u3000]*[：:]$")


def _essay_title_gaps(text: str, gaps: list[re.Match[str]]) -> set[int]:
    """The gaps on both sides of an essay's numbered title standing between two of them."""
    forced: set[int] = set()
    prev_end = 0
    for k, m in enumerate(gaps):
        end = m.start()  # (a chunk is sliced only when it is short and ends in a colon)
        if end - prev_end <= 40 and end and text[end - 1] in "：:" \
                and _ESSAY_TITLE_CHUNK.match(text[prev_end:end]):
            forced.add(m.start())
            if k:
                forced.add(gaps[k - 1].start())
        prev_end = m.end()
    return forced


def _balanced(text: str) -> bool:
    """No bracket or quotation opened and left open (本网讯（记者 is no title)."""
    return all(text.count(o) <= text.count(c) for o, c in zip("（(“《【", "）)”》】", strict=True))


def _is_prose(text: str) -> bool:
    return len(text) >= 40 and SENTENCE_END.search(text, 0, 400) is not None
