"""Check a model's answer against the plan before it enters a draft.

The plan (the offline outline, the study material, the writer's brief) is the only source of
quotations and facts. An answer is taken only when:

- it keeps the planned headings: it writes none of its own and changes none;
- every span in “” longer than a short term is a planned quotation worded exactly (or a part of
  one), a sentence or formulation of the study material, or a brief answer or formulation the plan
  already holds; a planned quotation it cites names its source in the same paragraph, and it cites
  none planned for another part;
- it cites the quotations planned for its part, keeps the writer's brief answers word for word and
  the planned 【…】 placeholders as they are;
- it names no 《title》, date or figure that the plan does not hold, and attributes no unquoted
  words to anyone (古人云…, 总书记强调…);
- it repeats no sentence, within itself or of the rest of the draft;
- its length is within the promise, and it is Chinese prose.

Each finding is a short Chinese sentence: it is what the next request names as the fault to fix.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..text import CJK, count_chars

SHORT_TERM = 6  # Han characters: “底线思维”, “关键少数”, “人民至上、生命至上” are terms, not quotations
PART_TOLERANCE = 0.2  # an answer's length may be off its target by this much
REPEAT_RUN = 20  # the same stretch of this many characters twice in one answer is a repetition
MIN_SENTENCE = 8  # shorter sentences (“这是关键。”) may recur

_HAN = re.compile(f"[{CJK}]")
_BARE_DROP = re.compile(rf"[^{CJK}A-Za-z0-9]+")
_QUOTED = re.compile(r"“([^“”]*)”")
_TITLE = re.compile(r"《([^《》\n]{1,60})》")
_PLACEHOLDER = re.compile(r"【[^【】\n]*】")
_ARABIC = re.compile(r"\d+(?:[.,]\d+)*")
_NUMERAL = "〇零一二三四五六七八九十百千万亿两"
_RUN = re.compile(f"[{_NUMERAL}]{{2,}}")
_SPAN_UNIT = re.compile(r"(?<![几数十百千万第])[二三四五六七八九十两](?=[年倍成])")
_MONTH = re.compile(r"(?<![第几数个每])[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}[日号])?")
# Set phrases whose numerals are no figures (成千上万 has no run; these have one).
_IDIOMS = ("千千万万", "三三两两", "一五一十", "十万火急", "十之八九", "九九归一", "七七八八", "千百万", "千百年",
           "千万", "万一", "一一", "万万", "万千", "八九", "两三", "三五", "一二", "百分之百")
# Words that cite someone: the cited words must then be a planned quotation in the same sentence.
_CITING = re.compile(r"古人云|古语云|古人说|古人讲|常言道|常言说|俗话说|俗语说|有句话说|有句老话|老话说|"
                     r"正如[^。！？]{0,24}(?:所说|所言|所讲|说的那样|讲的那样)|"
                     r"(?:总书记|主席|总理|委员长)[^。！？“]{0,30}(?:指出|强调|说|讲|要求|告诫|寄语)[，,：:]")
_COLON_CITE = re.compile(r"(?:指出|强调|说道|写道|讲道|所言|有言|云|曰|提出)[：:](?!\s*[“「\"])")
_HEADING_LIKE = re.compile(r"^(?:#{1,6}\s*|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|"
                           r"第[一二三四五六七八九十]+[部分章节]?[、：:]|\d+[.、．]\s*)")
_CHATTER_FIRST = re.compile(r"^(好的|当然|没问题|以下是|下面是|这是|根据您?的?要求|按照您?的?要求).{0,60}[：:。!！]?$")
_CHATTER_LAST = re.compile(r"^(希望|如需|如果需要|如有需要|以上(内容|正文|就是)).{0,60}(帮助|修改|调整|参考|要求|满意)")
_NOTE = re.compile(r"^[（(]?\s*(注|说明|备注|字数|全文约|全文共|本段|本部分约)[^）)]{0,60}[）)]?$")


_ENDS = "。！？!?…"


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, a quotation kept whole inside the sentence that cites it (the 。 of
    “……。” ends no sentence; the closing mark after it does)."""
    out: list[str] = []
    start, depth = 0, 0
    for i, ch in enumerate(text):
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
            if depth == 0 and i > 0 and text[i - 1] in _ENDS and text[i + 1:i + 2] not in ("，", "、", "；", "："):
                out.append(text[start:i + 1])
                start = i + 1
        elif ch in _ENDS and depth == 0 and text[i + 1:i + 2] not in _ENDS + "”":
            out.append(text[start:i + 1])
            start = i + 1
    if text[start:].strip():
        out.append(text[start:])
    return [x for x in out if x.strip()]


def bare(text: str) -> str:
    """``text`` as compared for wording: Han characters, letters and digits only."""
    return _BARE_DROP.sub("", unicodedata.normalize("NFKC", text))


def han_count(text: str) -> int:
    return len(_HAN.findall(text))


def normalize_quotes(text: str) -> str:
    """「…」, 『…』 and straight "…" pairs as “…”, the only quotation marks the checks read."""
    text = text.replace("「", "“").replace("」", "”").replace("『", "“").replace("』", "”")
    return re.sub(r'"([^"\n]*)"', r"“\1”", text)


def quoted_spans(text: str) -> list[str]:
    return _QUOTED.findall(normalize_quotes(text))


def titles(text: str) -> set[str]:
    """The 《titles》 of ``text``, with the book of a 《book·chapter》 (《礼记·中庸》 → 《礼记》)."""
    out = set()
    for t in _TITLE.findall(text):
        t = re.sub(r"\s+", "", t)
        out.add(t)
        if "·" in t:
            out.add(t.split("·", 1)[0])
    return out


def figures(text: str) -> set[str]:
    """Numbers, dates and counts of ``text``: 2026, 三十, 十九, 三年, 七一, 五月四日 …"""
    text = unicodedata.normalize("NFKC", text)
    for idiom in _IDIOMS:
        text = text.replace(idiom, "，")
    out = {m.replace(",", "") for m in _ARABIC.findall(text)}
    out |= set(_RUN.findall(text))
    out |= {m.group() + text[m.end()] for m in _SPAN_UNIT.finditer(text)}
    out |= set(_MONTH.findall(text))
    return out


@dataclass(frozen=True)
class Cite:
    """A quotation the plan supplies: its words and where it is from."""

    text: str
    source: str | None = None
    aliases: tuple[str, ...] = ()  # other ways the plan names the source (《通知》, 会议, the speaker)
    named: bool = True  # the plan names the source where it cites it (not so a saying: 人们常说)

    def markers(self) -> tuple[str, ...]:
        """What names the source in prose: the author, the title, the book of a 《book·chapter》."""
        src = self.source or ""
        if not src or src in ("俗语", "谚语", "民谚"):
            return ()
        found = [f"《{t}》" for t in titles(src)] + [t for t in titles(src)] + list(self.aliases)
        # who: the name a source opens with (陈云1990年……的条幅, 马克思《资本论》法文版序言, 李大钊)
        author = re.match(rf"^([{CJK}·]{{2,5}}?)(?=\d|《|在|于|为|给|参观|$)", src)
        if author:
            found.append(author.group(1))
        return tuple(found) or (src,)


@dataclass(frozen=True)
class Allowed:
    """What the whole plan holds: quoted spans, titles and figures an answer may use."""

    spans: frozenset[str]  # bare wording of every quotable span
    titles: frozenset[str]
    figures: frozenset[str]
    cites: dict[str, str] = field(default_factory=dict)  # bare quotation → the part it is planned for
    plan: str = ""  # every plan text, quotations out, bare and joined: what the plan itself attributes

    @classmethod
    def of(cls, texts: Iterable[str], quotable: Iterable[str], cites: dict[str, str]) -> Allowed:
        texts = list(texts)
        spans = {bare(s) for t in texts for s in quoted_spans(t)} | {bare(q) for q in quotable}
        return cls(frozenset(s for s in spans if s), frozenset(t for x in texts for t in titles(x)),
                   frozenset(f for x in texts for f in figures(x)), dict(cites),
                   "\n".join(bare(_QUOTED.sub("", normalize_quotes(t))) for t in texts))


@dataclass
class PartPlan:
    """One part of the draft as the plan has it, and what its answer must hold."""

    key: str  # lead, s1, s2 …, closing
    label: str  # 导语, 第一部分 …, 结尾
    heading: str | None
    offline: list[str]  # the offline writer's paragraphs: the fallback, and material for the prompt
    target: int  # characters asked for
    cites: list[Cite] = field(default_factory=list)  # quotations to cite
    brief: list[str] = field(default_factory=list)  # the writer's own words, kept as written
    placeholders: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)  # sentences of the offline text that carry facts
    term: str | None = None  # the section's angle

    def bounds(self, tolerance: float = PART_TOLERANCE, slack: int = 30) -> tuple[int, int]:
        """The lengths an answer may have: ``tolerance`` of the target, and ``slack`` characters at least
        (a lead of 40 characters is not held to eight either way)."""
        t = self.target
        return round(min(t * (1 - tolerance), t - slack)), round(max(t * (1 + tolerance), t + slack))


def _is_heading_line(line: str, headings: Sequence[str]) -> bool:
    numbering = r"^(?:#{1,6}\s*)?(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．]\s*)?"
    b = bare(re.sub(numbering, "", line))
    return any(b == bare(h) for h in headings if h)


def clean_answer(text: str, own: str | None, headings: Sequence[str]) -> tuple[list[str], list[str]]:
    """The answer's paragraphs, Markdown and chatter removed, and the headings it wrote of its own.

    A line that is the part's own planned heading (``own``) is dropped: the layout has it. Another
    part's heading, or any other line laid out as a heading, is returned in the second list as a fault.
    """
    lines = [ln.strip() for ln in normalize_quotes(text).replace("\r", "").split("\n")]
    out: list[str] = []
    extra: list[str] = []
    for i, line in enumerate(lines):
        if not line or line.startswith("```") or re.fullmatch(r"[-*_=—]{3,}", line):
            out.append("")
            continue
        whole_bold = re.fullmatch(r"(\*\*|__)(.+?)\1[：:]?", line)
        line = re.sub(r"^>\s*", "", line)
        line = re.sub(r"^[-*+•]\s+", "", line)
        if own and _is_heading_line(whole_bold.group(2) if whole_bold else line, [own]):
            out.append("")
            continue
        plain = re.sub(r"\*\*|__|`", "", line).strip()
        heading_like = bool(whole_bold) or line.startswith("#") or _is_heading_line(plain, headings) or (
            _HEADING_LIKE.match(line) is not None and len(plain) <= 40 and not re.search(r"[。！？；]", plain))
        if heading_like:
            extra.append(re.sub(r"^#+\s*", "", plain))
            out.append("")
            continue
        # a list item's number stays (一是… reads well), a Markdown one goes
        plain = re.sub(r"^\d+[.．]\s+", "", plain)
        if (i == 0 or not any(out)) and _CHATTER_FIRST.match(plain) and len(plain) < 70:
            continue
        if _NOTE.match(plain) or _CHATTER_LAST.match(plain):
            out.append("")
            continue
        out.append(plain)
    paragraphs: list[str] = []
    current = ""
    for line in [*out, ""]:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current and re.search(r"[。！？…”』」）)]$", current):
            paragraphs.append(current)
            current = line
        else:
            current += line  # a line broken inside a sentence joins the next
    if own and paragraphs:  # the heading written as the first words of the text
        numbered = r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)?\s*"
        lead = re.compile(numbered + re.escape(own) + r"[。：:，,！\s]*")
        paragraphs[0] = lead.sub("", paragraphs[0])
    return [p for p in paragraphs if p.strip()], extra


def _short(text: str, n: int = 24) -> str:
    return text if len(text) <= n else text[:n] + "……"


@dataclass
class Check:
    """Everything an answer for one part is checked against."""

    part: PartPlan
    allowed: Allowed
    headings: Sequence[str]  # every planned heading
    rest: dict[str, str]  # bare sentence → the label of the part of the draft that has it
    distinct: Callable[[str], tuple[float, list[str]]] | None = None  # share with another draft, passages
    distinct_limit: float = 0.12
    # characters an answer may share with another draft whatever its length: as many as its part's
    # share of the draft allows (a closing of 100 characters is not held to 12 of them), and never
    # fewer than the offline text that would take its place shares already
    distinct_allow: float = 0.0
    tolerance: float = PART_TOLERANCE


def verify(paragraphs: Sequence[str], extra_headings: Sequence[str], c: Check) -> list[str]:
    """The faults of an answer (empty: it may enter the draft)."""
    part, allowed = c.part, c.allowed
    text = "\n".join(paragraphs)
    faults: list[str] = []
    if extra_headings:
        faults.append(f"写了小标题“{_short(extra_headings[0])}”：只写正文，小标题已经排好")
    body = re.sub(r"\s+", "", text)
    if count_chars(text) < 20 or han_count(body) < 0.6 * len(body):
        return [*faults, "没有写出中文正文"]

    # quotations: every long span is planned, sourced, and of this part
    mine = {bare(x.text) for x in part.cites}
    for para in paragraphs:
        if para.count("“") != para.count("”"):
            faults.append("引号不成对")
            break
    for para in paragraphs:
        for span in quoted_spans(para):
            key = bare(span)
            if han_count(span) <= SHORT_TERM or not key:
                continue
            if not any(key in ok for ok in allowed.spans):
                faults.append(f"引号中的“{_short(span)}”不是计划给出的引文或提法：不得添加引文，也不要给别的话加引号")
                continue
            owner = next((label for q, label in allowed.cites.items() if key in q and q not in mine), None)
            if owner is not None and not any(key in q for q in mine):
                faults.append(f"引用了计划给{owner}的“{_short(span)}”：只引用本部分的引文")
        for cite in part.cites:
            if (cite.named and bare(cite.text) in bare(para) and cite.markers()
                    and not any(m in para for m in cite.markers())):
                faults.append(f"引用“{_short(cite.text)}”时没有写明出处（{cite.source}）")
    for cite in part.cites:
        if bare(cite.text) not in bare(text):
            where = f"（{cite.source}）" if cite.source else ""
            faults.append(f"没有引用“{_short(cite.text, 40)}”{where}，要原文一字不改地引用")
    for sentence in (s for para in paragraphs for s in sentences(para)):
        plain = _QUOTED.sub("", sentence)
        hit = _CITING.search(plain) or _COLON_CITE.search(plain)
        if hit is None:
            continue
        # who says it and what, word for word as the plan says it (a pack's fact may report a speech)
        clause, words = bare(plain[max(0, hit.start() - 12):hit.end()]), bare(plain[hit.end():])
        planned = any(bare(x.text) in bare(sentence) for x in part.cites) or any(
            han_count(s) > SHORT_TERM and any(bare(s) in ok for ok in allowed.spans) for s in quoted_spans(sentence)
        ) or (len(clause) >= 8 and clause in allowed.plan and words in allowed.plan)
        if not planned:
            faults.append(f"“{_short(sentence.strip(), 30)}”把没有给出的话归于别人：只引用计划给出的引文")

    # facts: titles, dates and figures only from the plan
    new_titles = sorted(t for t in titles(text) if t not in allowed.titles)
    if new_titles:
        faults.append("提到了计划中没有的文件或书名：" + "、".join(f"《{t}》" for t in new_titles[:4]))
    new_figures = sorted(f for f in figures(text) if f not in allowed.figures)
    if new_figures:
        faults.append("出现了计划中没有的数字或日期：" + "、".join(new_figures[:6]))
    placeholders = set(_PLACEHOLDER.findall(text))
    for p in part.placeholders:
        if p not in placeholders:
            faults.append(f"没有原样保留占位{p}")
    if placeholders - set(part.placeholders):
        faults.append(f"加了计划中没有的占位{sorted(placeholders - set(part.placeholders))[0]}")
    for item in part.brief:
        if bare(item) not in bare(text):
            faults.append(f"作者提供的“{_short(item, 30)}”没有按原话写入")

    # repetition, within the answer and with the rest of the draft
    said = [bare(s) for para in paragraphs for s in sentences(para)]
    counted = Counter(s for s in said if len(s) >= MIN_SENTENCE)
    twice = [s for s, n in counted.items() if n > 1]
    if twice:
        faults.append(f"句子重复：“{_short(twice[0])}”")
    else:
        flat = bare(_QUOTED.sub("。", text))
        seen: dict[str, int] = {}
        for i in range(len(flat) - REPEAT_RUN + 1):
            w = flat[i:i + REPEAT_RUN]
            if w in seen and i - seen[w] >= REPEAT_RUN:
                faults.append(f"内容重复：“{_short(w)}”出现了两次")
                break
            seen.setdefault(w, i)
    clash = next(((s, c.rest[s]) for s in said if len(s) >= MIN_SENTENCE and s in c.rest), None)
    if clash:
        faults.append(f"与{clash[1]}的句子重复：“{_short(clash[0])}”")

    # length, and distinctness from the other drafts of a batch
    n = count_chars(text)
    lo, hi = part.bounds(c.tolerance)
    if not lo <= n <= hi:
        faults.append(f"篇幅不对：写了 {n} 字，要 {lo}–{hi} 字")
    if c.distinct is not None and not faults:
        share, passages = c.distinct(text)
        if share * n > max(c.distinct_limit * n, c.distinct_allow):
            shown = "；".join(f"“{_short(p, 20)}”" for p in passages[:3])
            faults.append(f"与同一批的另一篇稿子重复的文字太多（{share:.0%}），请换一种说法，例如 {shown}")
    return list(dict.fromkeys(faults))
