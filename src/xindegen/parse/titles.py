"""Find an essay's title among the lines a page shows before the text, and tidy it.

Before an essay's first paragraph a page shows its title, but also a site banner, a breadcrumb,
share buttons, dates, view counters, an author line, and often the title twice (page heading and
article heading). Each candidate line is scored on what titles look like: it names the genre
(心得, 体会, 观后感 …), it recurs on the page or in a ``本文标题：`` field, it stands over a byline
(文/某某) or a ——subtitle, it is short and has no sentence end, and it has none of the words of
page chrome (网, 首页, 分享, 阅读, 发布, 评论 …) nor is a search engine's list of variants
(X800字，X800字小学). The best line wins; on a tie, the one nearer the text.

Titles are tidied of what sites add to them: a word count (…300字), an essay number (篇一, 【篇一】,
(通用6篇)), 范文4, 和格式范文, 【精选】 and （转载）, runs of !!!, a site name after ``_``, ``|``, ``>``,
`` - `` or a hyphen, a genre category or a bracketed label before it (观后感：…, 【心得体会】…), and
brackets round the whole of it.
"""

from __future__ import annotations

from .. import lazyre as re  # patterns compile on first use: imports stay fast
from dataclasses import dataclass

from ..text import CJK, cjk_count
from .clean import is_title_like

_NUM = "一二三四五六七八九十百"
_DECOR_TAIL = re.compile(
    r"(?:\s*[【\[（(〔](?:通用|精选|专业|实用|热门|优秀|最新|推荐|经典|必备|完整|汇总|合集|范文|模板|\s)*"
    rf"(?:\d+|[{_NUM}]+)\s*篇(?:范文|精选|合集)?[】\]）)〕]"
    rf"|\s*[【\[〔](?:篇\s*[{_NUM}\d]+|\d+|优秀范文|精选范文|范文|精选|推荐|最新|热门|通用)[】\]〕]"
    rf"|\s*[【\[〔（(](?:精选|通用|优秀|范文)篇\s*[{_NUM}\d]+[】\]〕）)]"  # …（精选篇1）
    r"|\s*[【\[〔（(](?:精选|通用|优秀|范文|推荐|最新|热门|经典)+\s*$"  # …（精选 left when 篇1） made the marker
    rf"|\s*篇\s*[{_NUM}\d]{{1,3}}"
    # …总结和格式范文, …心得体会优秀范文
    r"|\s*(?:[和及与]?(?:格式|模板|写法|范本))*\s*[和及与]?(?:参考|优秀|精选|经典|热门)?范文(?:大全)?\s*\d*\s*篇?"
    r"|\s*(?:精选|通用|热门|优秀)?\d+\s*篇(?:范文|精选)?"
    # a site's collection chrome after the title: … 最新读后感作文大全最新, （…及作文1200）
    r"|\s+\S{0,12}(?:大全|范文)\S{0,6}|\s*[（(][^（）()]{0,30}(?:作文|范文|大全)[^（）()]{0,6}[)）]"
    r"|\s*\d{2,5}\s*字(?:左右|以上)?|\s*[（(]\s*\d{2,5}\s*字(?:左右|以上)?\s*[)）]"
    r"|(?:(?<=心得)|(?<=体会)|(?<=感悟)|(?<=后感)|(?<=有感)|(?<=感想)|(?<=发言))\s*\d{1,5}"
    r"|\s*[!！]{2,}"
    r"|(?<=[心得体会感悟后有想言])(?:模板|范本|简短|精简|简短版|通用版|最新版|精选版)"
    r"|\s*[【\[（(](?:转载|原创|图|组图|附图|全文|视频|附全文|精选|推荐|热门|最新|经典|范文|通用)[】\]）)]"  # …（转载）
    rf"|\s*[（(]\s*[{_NUM}\d]{{1,2}}\s*[)）]"
    r"|\.(?:docx?|pdf|txt|wps)(?:VIP)?"
    r"|\s*_?第\s*\d+\s*页"
    r"|\s*[（(]\s*\d{1,3}\s*/\s*\d{1,3}\s*[)）]"  # a reader's page counter: …（1 / 1）
    r")+$", re.I)
# A hyphen without spaces separates only a site name (…范文-某某文库), not 2023-2024.
_HYPHEN_SITE = r"[-–](?=[^-–\s]{1,12}(?:网|站|文库|论坛|官网|平台|百科|知乎)\s*$)"
_SITE_SEP = re.compile(rf"\s*(?:_|\||｜|>|»|›|\s[-–—]\s|{_HYPHEN_SITE})\s*")
_OTHER_SEP = re.compile(rf"\s*(?:\||｜|>|»|›|\s[-–—]\s|{_HYPHEN_SITE})\s*")
_UNDERSCORE = re.compile(r"_+")
_SITE_NAME = re.compile(r"(?:网|站|网站|文库|频道|首页|论坛|官网|平台|知识|学习啦|百科)$|^(?:www\.|https?:)", re.I)

GENRE = re.compile(
    r"心得|体会|感悟|感想|感言|观后感|读后感|有感|发言|研讨|讲话|演讲|学习|思考|收获|启示|笔记|报告|总结|随笔|"
    r"观感|评论|感受|反思|认识")
_CHROME = re.compile(
    r"(?<![上互联])网(?![络购课民上格红信友页])|首页|位置[：:]|当前位置|您的位置|栏目|频道|分享(?:到|本文|$)|扫一扫|"
    r"打印|关闭|字体|字号|评论\s*[（(：:]?\s*\d|点赞|阅读(?:量|数|次数|[：:(（\d])|浏览|点击|人气|围观|发布(?:时间|日期|于|者|人|[：:])|"
    r"来源[：:]|作者[：:]|编辑[：:]|责编|责任编辑|^正文$|返回|收藏|登录|注册|下载|客服|导语|提示|订阅|投稿|本网讯|"
    r"记者|admin|欢迎光临|欢迎访问|跳转|楼层|楼主|图片|"
    r"\d+(?:\.\d+)?\s*[万wWkK](?![a-zA-Z])|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|\d{1,2}:\d{2}", re.I)
DASHES = ("—", "-", "―", "－")
"""What a subtitle line starts with (——, --, ―― and the full-width hyphen)."""
_BULLET = re.compile(r"^[\s•·●▪■◆◇▶►*\-|｜]+|^#{1,6}\s+"
                     r"|^[【\[]\s*(?:精选|推荐|热门|最新|原创|优秀|置顶|荐|热)\s*[】\]]\s*"
                     r"|^(?:最新|精选)(?=\S{4,}(?:心得体会|心得|体会|观后感|读后感|感悟|有感|发言稿|讲话稿|总结)$)")
_ENCLOSED = re.compile(r"^[【〖\[]([^【】〖〗\[\]]{4,60})[】〗\]]$")
_LABEL = re.compile(r"^[【〖\[][^【】〖〗\[\]]{1,8}[】〗\]]\s*")
_DIGIT = re.compile(r"\d")
# Heading words numbered as the heads of a set: 思考一：, 体会二、, 收获三：
NUMBER_WORDS = ("思考|体会|感悟|收获|启示|心得|感受|认识|建议|措施|做法|经验|亮点|举措|关键|"
                "感想|反思|篇章|片段|镜头|场景")
_NUMBERED = re.compile(  # a numbered line: a heading, no title
    r"^(?:[（(]?[一二三四五六七八九十]{1,3}[）)、.．]|[一二三四五六七八九十]{1,3}[●◆■]|[（(]?\d{1,2}[）)、.．](?!\d)|\d{1,2}(?:[.．]\d{1,2})+"
    rf"|(?:{NUMBER_WORDS})[一二三四五六七八九十]{{1,3}}\s*[：:、．.])")


# A line naming its part of the text (引言：…, 结语：…): a heading, never a title.
PART_LABEL = re.compile(r"^(?:引言|前言|导言|序言|绪论|结语|结束语|尾声|后记)\s*[：:]\s*\S")


# The opening part's bare name on a line of its own (引, 前言): a heading, never a title.
PART_NAME = re.compile(r"^(?:引|引言|前言|导言|序言|绪论|楔子)$")


def is_numbered(line: str) -> bool:
    """A line opening with a heading's number (一、 1. （1）): a heading, never a title."""
    return bool(_NUMBERED.match(line.strip()))


_DOUBLED = re.compile(r"^(?:\d{4}\s*年?\s*)?(\S.{3,}?)\s+(?:\d{4}\s*年?\s*)?\1$")


def strip_decoration(title: str) -> str:
    """``title`` without what sites add to it (篇一, (通用5篇), 300字, !!!, .docx, a second copy)."""
    t = _BULLET.sub("", title.strip())
    whole = _ENCLOSED.match(t)
    if whole:  # 【学习心得体会】: the page set the whole title in brackets
        t = whole.group(1).strip()
    label = _LABEL.match(t)
    if label and cjk_count(t[label.end():]) >= 4:  # 【心得体会】学习…心得: a category label before it
        t = t[label.end():].strip()
    stripped = _DECOR_TAIL.sub("", t).strip()
    doubled = _DOUBLED.match(stripped)
    if doubled:
        stripped = doubled.group(1)
    return stripped if cjk_count(stripped) >= 2 else t


def strip_site(line: str) -> str:
    """The title part of ``学习心得体会_某某范文网``, ``读书|我的读书心得`` or ``A>B``.

    An underscore separates a site name only when one is there: ``关于__市…的心得`` and
    ``是_的`` are names left blank, not separators.
    """
    line = line.strip()
    sep = _SITE_SEP
    underscored = _UNDERSCORE.split(line)
    # a blank (关于__市…的心得), unless the pieces are titles each: a title and another form of
    # it (《X》观后感_观电影《X》有感)
    if "_" in line and not any(_SITE_NAME.search(p.strip()) for p in underscored) \
            and not (len(underscored) == 2 and all(GENRE.search(p) and cjk_count(p) >= 4 for p in underscored)):
        sep = _OTHER_SEP
    pieces = [p for p in sep.split(line) if p.strip()]
    if len(pieces) < 2:  # separators round nothing (读《活着》有感 | |||): the one piece is the line
        return pieces[0].strip() if pieces else line.strip()
    kept = [p for p in pieces if not _SITE_NAME.search(p) and cjk_count(p) >= 4]
    if not kept:
        return line.strip()
    # a piece naming the genre and more wins; the bare genre (心得体会 | 在实践中成长) is a section name
    # (nor is a genre category: 观后感作文 | 看完这部纪录片，我…)
    # (a piece holding page chrome, 投稿书评 | 升上高中后…, is the column's name)
    return max(kept, key=lambda p: (not _CHROME.search(p), _KIND_WORDS.sub("", GENRE.sub("", p)).strip() != "",
                                    bool(GENRE.search(p)), -kept.index(p)))


# What a site files its pages under besides the genre: 观后感作文, 心得体会范文大全.
_KIND_WORDS = re.compile(r"作文|范文|大全|精选|专题|频道|栏目|文章|写作|模板|汇编|合集")


def is_site_name(text: str) -> bool:
    return bool(_SITE_NAME.search(text.strip()))


# A category that names the genre, glued before the essay's own title: 学习心得守住初心 干在实处.
_CATEGORY = re.compile(
    r"^(.{2,20}?(?:心得体会|心得感悟|学习心得|心得|体会|感悟|观后感|读后感|有感))[：:]?(?=\S)(.{4,})$")


# The genre word alone as a category, before a colon or a quoted or 《》 title: 观后感：《X》观后感,
# 心得体会“双减”下的教学反思 (the rest may name the genre again).
_BARE_CATEGORY = re.compile(
    r"^(?:心得体会|心得感悟|学习心得|心得|体会|感悟|观后感|读后感|有感)\s*(?:[：:]\s*|(?=[“《]))")


def strip_category(title: str) -> str:
    """The essay's title without a genre category glued before it.

    Only when the rest has a title's own shape (a space between two phrases, a quoted key word,
    a ——subtitle, 《》) and names no genre itself: 心得体会的文体和方法 keeps its words.
    """
    bare = _BARE_CATEGORY.match(title)
    if bare and cjk_count(title[bare.end():]) >= 4 and looks_like_title(title[bare.end():]):
        return title[bare.end():].strip()
    m = _CATEGORY.match(title)
    if not m or "《" in m.group(1):  # 《某书》体会：… names the essay's book, no site's category
        return title
    rest = m.group(2).strip()
    shaped = any(c in rest for c in " \u3000“《—")
    if shaped and not GENRE.search(rest.split("——")[0]) and rest[0] not in "的之和与及、，—-―" \
            and cjk_count(rest) >= 4 and looks_like_title(rest):
        return rest
    return title


def tidy(title: str) -> str:
    return strip_decoration(strip_site(title))


def key(text: str) -> str:
    return "".join(strip_decoration(text).split())


def looks_like_title(line: str) -> bool:
    """A short line that could be a title: no sentence end (a final ？ or ！ is allowed)."""
    t = line.strip().rstrip("？?！!")
    return is_title_like(t, 60) and cjk_count(t) >= 2


def _keywords(line: str) -> bool:
    """A search-engine line of title variants: 学习心得800字，学习心得800字小学四年级."""
    pieces = [p.strip() for p in re.split("[，,|｜]", line) if p.strip()]
    return len(pieces) >= 2 and len(pieces[0]) >= 4 and any(p.startswith(pieces[0]) for p in pieces[1:])


def _menu(line: str) -> bool:
    """A site's menu bar: five words or more spaced apart and no mark between them
    (首 页 组织机构 工作动态 …); its words spaced out (首 页) are chrome words too."""
    words = line.split()
    if len(words) >= 5 and all(len(w) <= 8 for w in words) and not any(c in line for c in "，。：；！？《“"):
        return True
    return len(words) > 1 and bool(_CHROME.search("".join(words)))


@dataclass
class Candidate:
    text: str
    score: float
    index: int


def score(line: str, recurring: bool = False, named: bool = False, page_title: bool = False) -> float:
    """How much ``line`` (already tidied) looks like the essay's title.

    ``page_title``: the line carried a site name (学习心得体会_某某网): it is the page's title,
    which the article's own heading, when there is one, says better.
    """
    s = 1.0  # a short line on its own before the text
    n = cjk_count(line)
    if n < 4:
        s -= 4
    elif n > 40:
        s -= 2
        if len(re.findall("[，,]", line)) >= 2:
            s -= 3  # a long line of clauses is the text's first sentence, not its title
    if GENRE.search(line) and cjk_count(GENRE.sub("", line)) >= 2:  # not just 学习心得体会
        s += 3
    if page_title:
        s -= 2
    if recurring:
        s += 2
    if named:
        s += 3
    if _CHROME.search(line) or _keywords(line) or _menu(line):
        s -= 4
    if len(_DIGIT.findall(line)) > 0.3 * max(1, len(line)):
        s -= 3
    if not re.search(f"[{CJK}]{{2}}", line):
        s -= 4
    return s


_HAN_RUN = re.compile(f"[{CJK}]{{4,}}")


def echoes(line: str, body: str) -> bool:
    """Whether the text names what ``line`` names: a run of four Chinese characters of the line
    (a book's or a programme's name, the subject) comes again in ``body``. A page's own title is
    what its text is about; chrome and record fields (剧透 warnings, 出版社：…) are not."""
    return any(run[k:k + 4] in body for run in _HAN_RUN.findall(line) for k in range(len(run) - 3))


def best_title(lines: list[str], recurring: set[str], named: set[str], body: str = "") -> Candidate | None:
    """The most title-like of ``lines`` (tidied), or None when none scores above zero.

    ``body``: the opening of the text; of lines that score alike, one whose words the text
    takes up wins over the lines around it."""
    best: Candidate | None = None
    fallback: Candidate | None = None  # a page title (with its site name), when nothing else is
    for i, raw in enumerate(lines):
        if not looks_like_title(raw) or _NUMBERED.match(raw.strip()) or PART_LABEL.match(raw.strip()) \
                or _UNIT_BYLINE.match(raw.strip()):
            continue  # a numbered line is a heading; a unit and a name sign the text
        if raw.count("“") > raw.count("”") or raw.count("《") > raw.count("》"):
            continue  # a line cut inside a quotation or a book title is prose cut off
        site_free = strip_site(raw)
        text = strip_category(strip_decoration(without_chrome_label(site_free)))
        if text.startswith(DASHES) and i == 0 and body and echoes(text, body):
            text = text.lstrip("".join(DASHES) + " ")  # a ——line with no title over it names the text
        if not looks_like_title(text) or text.startswith(DASHES):
            continue
        k = key(text)
        s = score(text, k in recurring, k in named, site_free != raw.strip())
        if _signed(lines[i + 1:i + 2]):
            s += 5  # the line over the byline or the ——subtitle is the article's own title
        if body and echoes(text, body):
            s += 1
        # (its neighbours only: a page of thousands of short lines is compared in linear time)
        near = range(max(0, i - _SET_REACH), min(len(lines), i + _SET_REACH + 1))
        if any(j != i and parallel(raw, lines[j]) for j in near):
            s -= 2  # one of a set of lines alike (captions, a menu, a list of links): no title
        if best is None or s >= best.score:
            best = Candidate(text, s, i)
        if site_free != raw.strip() and s + 2 > 0 and fallback is None:
            fallback = Candidate(text, s + 2, i)
    return best if best is not None and best.score > 0 else fallback


_COLON = re.compile(r"(?<!\d)[：:](?!\d)")


def without_chrome_label(line: str) -> str:
    """``line`` without a label of page chrome before a colon (某某的症状及图片：X, 来源：X):
    the part after it, when it holds no chrome and has a title's length."""
    m = _COLON.search(line)
    if not m or not _CHROME.search(line[:m.end()]):
        return line
    rest = line[m.end():].strip()
    return rest if cjk_count(rest) >= 4 and not _CHROME.search(rest) and looks_like_title(rest) else line


def frame(a: str, b: str) -> int:
    """Characters shared at the start plus at the end of two headings."""
    prefix = 0
    while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(a), len(b)) - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    return prefix + suffix


_SET_REACH = 8  # lines either side of a candidate among which its set is looked for


def parallel(a: str, b: str) -> bool:
    """Two lines of one set: lengths near each other and a third of the shorter (three
    characters at least, five at most) shared at their start and end (笔记范例 1—… / 笔记范例 2—…); a line
    and another form of it (one holds the other) are no set."""
    a, b = a.strip(), b.strip()
    n = min(len(a), len(b))
    if n < 4 or a in b or b in a or abs(len(a) - len(b)) > max(2, n // 3):
        return False
    return frame(a, b) >= min(max(3, n // 3), 5)


_MARKS = frozenset("：，？！、")


def _line_shape(text: str) -> tuple[str, ...]:
    """The marks of a short heading line in order (故宫背面：猎奇的视角 → ('：',))."""
    return tuple(c for c in text if c in _MARKS)


def same_line_shape(a: str, b: str) -> bool:
    """Two heading lines of one set: the same marks in the same order, lengths near each other,
    and, without marks, a shared frame (the parallelism a set of headings has in any layout)."""
    a, b = a.strip(), b.strip()
    if _line_shape(a) != _line_shape(b) or abs(len(a) - len(b)) > max(2, min(len(a), len(b)) // 3):
        return False
    # (or two labels of four to six characters, the same length: 嘉宾介绍 / 话题缘起)
    return bool(_line_shape(a)) or frame(a, b) >= 2 or (len(a) == len(b) and 4 <= len(a) <= 6)


# A byline under an article's title: 文/某某, 作者：某某, 撰稿 某某.
_BYLINE = re.compile(r"^(?:文|作者|撰稿|撰文|文图|图文)\s*[/／:：|｜]\s*\S{1,12}$")


# A byline of a unit and a name spaced apart: 潜山县教育局教研室  高国庆, 某某小学 李明.
_UNIT_BYLINE = re.compile(
    rf"^\S{{2,24}}(?:室|局|院|学校|中学|小学|大学|学院|幼儿园|支部|党委|委员会|政府|公司|银行|教研组)"
    rf"[ \u3000]+[{CJK}]{{2,4}}$")


def _signed(after: list[str]) -> bool:
    """Whether the line after a candidate is its byline or its ——subtitle."""
    if after and (_BYLINE.match(after[0].strip()) or _UNIT_BYLINE.match(after[0].strip())):
        return True
    return bool(after) and after[0].lstrip().startswith(DASHES) and cjk_count(after[0]) >= 4


def repeated_prefix(text: str, limit: int = 60) -> tuple[str, str] | None:
    """A title glued twice before a paragraph (``XX 近日…`` where X is the title): (X, rest)."""
    head = text[:2 * limit + 2]
    for n in range(min(limit, len(head) // 2), 5, -1):
        first = head[:n]
        rest = text[n:].lstrip(" \u3000")
        if rest.startswith(first) and looks_like_title(first):
            return first.strip(), rest[n:].lstrip(" \u3000")
    # …or with a site's note between the copies (X范文仅供参考，自行编辑使用X近日…), when X names the genre
    m = _GENRE_END.search(text, 0, limit + 4)
    if m and m.end() >= 8:
        first = text[:m.end()]
        again = text.find(first, m.end(), m.end() + _GAP + len(first))
        gap = text[m.end():again]
        if again > 0 and not any(c in gap for c in "。—―") and looks_like_title(first):  # —: a subtitle
            return first.strip(), text[again + len(first):].lstrip(" \u3000")
    return None


_GENRE_END = re.compile(r"心得体会|观后感|读后感|心得|体会|感悟|有感|发言")
_GAP = 24


def is_epigraph(line: str) -> bool:
    """A line of verse or a saying standing on its own (亦余心之所善兮，虽九死其犹未悔)."""
    clauses = [c for c in re.split("[，,；;]", line.strip().rstrip("。！!")) if c]
    sizes = [cjk_count(c) for c in clauses]
    return (2 <= len(clauses) <= 4 and min(sizes) >= 3 and max(sizes) <= 10 and max(sizes) - min(sizes) <= 2
            and not GENRE.search(line) and not _MODERN.search(line) and not any(ch in line for ch in "：:》《“”"))


def is_verse(line: str) -> bool:
    """Two or four lines of classical verse: clauses of five or seven characters, all alike,
    without the particles and verbs of modern prose (so no heading such as
    应明确学习目的，主动向领导学习; 发挥党员作用，转化工作优势 has six)."""
    clauses = [c for c in re.split("[，,；;。！!？?]", line.strip()) if c]
    sizes = {len(c) for c in clauses}
    return len(clauses) in (2, 4) and len(sizes) == 1 and sizes <= {5, 7} \
        and all(cjk_count(c) == len(c) for c in clauses) and not _MODERN.search(line)


# Words of modern prose that classical verse does without.
_MODERN = re.compile("[的了们吗呢吧把被让要我你她它这那个将应该]|能够|进行|和|与|向|对于|通过|坚持|加强|提高")


def is_classical(text: str) -> bool:
    """Without the particles and verbs of modern prose (see :func:`is_verse`)."""
    return not _MODERN.search(text)
