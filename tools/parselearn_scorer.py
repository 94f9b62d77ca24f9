"""A learned line scorer for top-level headings: candidate spans, their features, a small model.

An experiment (issue 19), not part of the package: in leave-one-set-out cross-validation it was
no clear gain over the hand rules (tools/parselearn_cv.md). Stdlib only at inference, and no import
of the parser: tools/parselearn.py loads this file beside older parsers (the ones each held-out set
was first scored with) to measure it honestly.

A candidate is a span at the start of a paragraph, or at a numbered or ordinal opener inside a
long one: the whole line, the first sentence, or up to the first colon, semicolon, comma, run of
spaces or closing bracket. Its features say what it looks like and how many other candidates of
the page share its shape (headings come in parallel sets). The model (gradient-boosted shallow
trees, trained by tools/parselearn.py) gives each candidate the probability of being a heading.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CN = "一二三四五六七八九十"
_HAN = re.compile(f"[{CJK}]")

# Openers, most specific first: (name, pattern). The name is a feature; the span's text starts
# after the opener.
_OPENERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cn_dun", re.compile(rf"[{_CN}]{{1,3}}[、．.●]\s*")),
    ("cn_paren", re.compile(rf"[（(][{_CN}]{{1,3}}[）)][、．.]?\s*")),
    ("di", re.compile(rf"第[{_CN}\d]{{1,3}}(?:部分|点|条|方面)?[，,、：:.．]?\s*")),
    ("digit_paren", re.compile(r"[（(]\d{1,2}[）)][、．.]?\s*")),
    ("digit", re.compile(r"\d{1,2}(?:[.．、](?![\d.．])|[ \u3000]+)\s*")),
    ("circled", re.compile(r"[①-⑳]\s*")),
    ("zero_digit", re.compile(r"0\d[ \u3000.．、]*")),
    ("ordinal", re.compile(r"(?:首先|其次|再次|再者|然后|最后|此外|另外|同时)[，,：:、]?\s*")),
    ("shi", re.compile(rf"[{_CN}]是[，,：:、]?\s*")),
    ("yao", re.compile(rf"[{_CN}]要(?=[{CJK}])")),
    ("qi", re.compile(rf"其[{_CN}][，,：:、]\s*")),
    ("fangmian", re.compile(r"(?:另)?一方面[，,：:、]?\s*")),
    ("word_num", re.compile(rf"[{CJK}]{{2}}[{_CN}\d]{{1,2}}[：:、.．]\s*")),
    ("bracket", re.compile(r"【(?=[^【】]{2,30}】)")),
    ("stars", re.compile(r"\*\*(?=[^*]{2,30}\*\*)")),
    ("hash", re.compile(r"#{1,6}[ \u3000]*")),
    ("roman", re.compile(r"[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ][.．、]?\s*")),
)
OPENER_NAMES = ("none", *(name for name, _ in _OPENERS))
_INNER_OPENER = re.compile(
    rf"(?:[{_CN}]{{1,3}}、|[（(][{_CN}]{{1,3}}[）)]|第[{_CN}]{{1,3}}[，,、：:]|\d{{1,2}}[.．、](?!\d)|[（(]\d{{1,2}}[）)]|"
    rf"[①-⑳]|首先|其次|再次|最后|[{_CN}]是[，,：:]|其[{_CN}][，,：:]|(?:另)?一方面|【)")
_SENTENCE_END = re.compile(r"[。！？!?]")
_KINDS = ("line", "sentence", "semicolon", "colon", "comma", "space", "mark")
_END_MARKS = "。！？!?；;：:，,、…"
_CHROME = re.compile(r"点击|下载|阅读|浏览|分享|微信|扫码|二维码|版权|责任编辑|编辑|来源|上一篇|下一篇|相关|推荐|"
                     r"登录|注册|收藏|评论|举报|打印|关闭|首页|栏目|发布|作者|时间|字号|VIP|会员|页")
_GENRE = re.compile(r"心得|体会|感悟|观后感|读后感|有感|发言|讲话|范文|研讨|总结|报告")
_PRONOUN = re.compile(r"^(?:我|我们|你|他|她|它|他们|咱|这|那|其)")
_PROSE_START = re.compile(r"^(?:因此|所以|但|而|然而|并且|如果|虽然|因为|由于|只有|只要|正如|比如|例如|可见|"
                          r"总之|当|对于|关于|作为|通过|随着|在|从|经过|今天|近日|日前)")
_CLOSING_START = re.compile(r"^(?:总之|总而言之|综上|最后|让我们|相信|今后|展望)")
_QUOTE_OPEN = "“‘「『\"'"
_FRAME = re.compile(rf"[^{CJK}]")
_FUNCTION = frozenset("是的要在把为以与和而让使从向对于之得地")
_DATE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}")
MAX_LINE = 60  # a paragraph longer than this (Chinese characters) is no heading line of its own
MAX_SPAN = 60


@dataclass
class Candidate:
    para: int
    start: int  # where the opener starts in the paragraph
    end: int  # where the paragraph's text resumes after the heading
    text: str  # the heading, without opener and end mark
    kind: str
    opener: str
    number: int  # the opener's number (1 for 首先/一方面), 0 when none
    features: list[float] = field(default_factory=list)


def cjk_count(text: str) -> int:
    return len(_HAN.findall(text))


def _number(token: str) -> int:
    digits = re.search(r"\d+", token)
    if digits:
        return int(digits.group())
    if re.search("[①-⑳]", token):
        return ord(re.search("[①-⑳]", token).group()) - ord("①") + 1  # type: ignore[union-attr]
    cn = re.search(f"[{_CN}]+", token)
    if cn:
        s = cn.group()
        if s == "十":
            return 10
        if s.startswith("十"):
            return 10 + _CN.index(s[1]) + 1 if len(s) > 1 else 10
        if len(s) == 2 and s[1] == "十":
            return (_CN.index(s[0]) + 1) * 10
        if len(s) >= 2 and s[1] == "十":
            return (_CN.index(s[0]) + 1) * 10 + (_CN.index(s[2]) + 1 if len(s) > 2 else 0)
        return _CN.index(s[0]) + 1
    if token.startswith(("首先", "一方面")):
        return 1
    if token.startswith(("其次", "另一方面")):
        return 2
    if token.startswith("再次"):
        return 3
    return 0


def _opener_at(para: str, pos: int) -> tuple[str, int, int]:
    for name, pattern in _OPENERS:
        m = pattern.match(para, pos)
        if m:
            return name, m.end(), _number(m.group())
    return "none", pos, 0


def _starts(para: str, long_para: bool) -> list[int]:
    starts = [0]
    if long_para:
        for m in _INNER_OPENER.finditer(para):
            p = m.start()
            after_quote = p > 1 and para[p - 1] in "”’" and para[p - 2] in "。！？!?"
            if p > 0 and (para[p - 1] in "。！？!?；;：: \u3000" or after_quote):
                starts.append(p)
    return starts


def candidates(paras: list[str]) -> list[Candidate]:
    """Every span that could be a top-level heading, at most a few a paragraph start."""
    out: list[Candidate] = []
    for i, para in enumerate(paras):
        long_para = len(para) > 300
        for start in _starts(para, long_para):
            s = start
            while s < len(para) and para[s] in " \u3000\t":
                s += 1
            opener, core, number = _opener_at(para, s)
            if core >= len(para):
                continue
            spans: list[tuple[str, int, int]] = []  # (kind, where the heading ends, where the text resumes)
            rest = para[core:core + MAX_SPAN + 20]
            if opener in ("bracket", "stars"):
                close = para.find("】" if opener == "bracket" else "**", core)
                if close > core:
                    spans.append(("mark", close, close + (1 if opener == "bracket" else 2)))
            else:
                if start == 0 and cjk_count(para) <= MAX_LINE:
                    spans.append(("line", len(para), len(para)))
                m = _SENTENCE_END.search(rest)
                if m and m.start() <= MAX_SPAN:
                    spans.append(("sentence", core + m.start(), core + m.end()))
                for kind, marks, low, high in (("semicolon", "[；;]", 0, MAX_SPAN), ("colon", "[：:]", 2, 30),
                                               ("comma", "[，,]", 2, 30), ("space", r"[ \u3000]+(?=\S)", 2, 30)):
                    m = re.search(marks, rest)
                    if m and low <= m.start() <= high:
                        spans.append((kind, core + m.start(), core + m.end()))
            seen: set[int] = set()
            for kind, text_end, resume in spans:
                text = para[core:text_end].strip().rstrip(_END_MARKS + " \u3000")
                if text_end in seen or cjk_count(text) < 2 or len(text) > MAX_SPAN + 20:
                    continue
                seen.add(text_end)
                out.append(Candidate(i, start, resume, text, kind, opener, number))
    return out


def _skeleton(text: str) -> str:
    """The punctuation frame of a span: each run of Chinese characters as its length band."""
    out = []
    run = 0
    for ch in text:
        if _HAN.match(ch):
            run += 1
            continue
        if run:
            out.append(str(min(run, 12) // 3))
            run = 0
        out.append(ch)
    if run:
        out.append(str(min(run, 12) // 3))
    return "".join(out)


def _bucket(n: int, edges: tuple[int, ...]) -> int:
    for k, edge in enumerate(edges):
        if n <= edge:
            return k
    return len(edges)


FEATURE_NAMES: list[str] = []


def _names() -> list[str]:
    names = [f"kind={k}" for k in _KINDS] + [f"opener={o}" for o in OPENER_NAMES]
    names += ["len", "len_band", "body_after", "para_len", "rel_pos", "is_first", "is_last", "n_paras",
              "next_len", "prev_len", "start_inner", "number", "number_is_1",
              "seq_prev", "seq_next", "same_opener", "same_opener_kind", "same_skeleton", "same_len_kind",
              "same_last", "same_first2", "same_last2", "same_frame", "commas", "dun", "book", "quote_open",
              "quotes", "digits", "latin", "pronoun", "prose_start", "closing_start", "genre", "chrome", "date",
              "function_share", "ends_line_mark", "question", "exclaim", "wo", "line_ends_sentence",
              "next_is_item", "next_is_line", "prev_is_line", "span_share", "rules", "rules_any", "rules_count",
              "cands_para"]
    return names


FEATURE_NAMES = _names()


def featurize(paras: list[str], cands: list[Candidate], rules: set[str] | None = None) -> None:
    """Fill each candidate's features; ``rules``: the keys of the headings the rules chose."""
    n = len(paras)
    lens = [cjk_count(p) for p in paras]
    key_of = [(c.opener, c.kind) for c in cands]
    by_opener = Counter(c.opener for c in cands if c.opener != "none")
    by_opener_kind = Counter(key_of)
    skel = [_skeleton(c.text) for c in cands]
    clen = [cjk_count(c.text) for c in cands]
    by_skel = Counter((c.kind, s) for c, s in zip(cands, skel, strict=True))
    by_len = Counter((c.kind, min(ln, 40) // 2) for c, ln in zip(cands, clen, strict=True))
    last = Counter((c.kind, c.text[-1:]) for c in cands)
    first2 = Counter((c.kind, c.text[:2]) for c in cands)
    last2 = Counter((c.kind, c.text[-2:]) for c in cands)
    frames = [_FRAME.sub("", c.text) for c in cands]
    frame_key = [(c.kind, f[:1] + f[-1:] + str(len(f) // 3)) for c, f in zip(cands, frames, strict=True)]
    by_frame = Counter(frame_key)
    numbers: dict[str, set[int]] = {}
    for c in cands:
        if c.number:
            numbers.setdefault(c.opener, set()).add(c.number)
    per_para = Counter(c.para for c in cands)
    rules = rules or set()
    item = re.compile(r"^(?:1[.．、]|[（(]1[）)]|[（(]一[）)]|①|一是|第一)")
    for idx, c in enumerate(cands):
        para = paras[c.para]
        f = [0.0] * len(FEATURE_NAMES)
        v = dict.fromkeys(FEATURE_NAMES, 0.0)
        v[f"kind={c.kind}"] = 1
        v[f"opener={c.opener}"] = 1
        ln = clen[idx]
        v["len"] = ln
        v["len_band"] = _bucket(ln, (4, 8, 12, 16, 20, 30, 45))
        v["body_after"] = cjk_count(para[c.end:c.end + 200])
        v["para_len"] = min(lens[c.para], 2000)
        v["rel_pos"] = c.para / max(n - 1, 1)
        v["is_first"] = float(c.para == 0)
        v["is_last"] = float(c.para == n - 1)
        v["n_paras"] = min(n, 200)
        v["next_len"] = min(lens[c.para + 1], 2000) if c.para + 1 < n else -1
        v["prev_len"] = min(lens[c.para - 1], 2000) if c.para else -1
        v["start_inner"] = float(c.start > 0)
        v["number"] = min(c.number, 20)
        v["number_is_1"] = float(c.number == 1)
        nums = numbers.get(c.opener, set())
        v["seq_prev"] = float(c.number > 1 and c.number - 1 in nums)
        v["seq_next"] = float(c.number > 0 and c.number + 1 in nums)
        v["same_opener"] = by_opener[c.opener] - 1 if c.opener != "none" else 0
        v["same_opener_kind"] = by_opener_kind[key_of[idx]] - 1
        v["same_skeleton"] = by_skel[(c.kind, skel[idx])] - 1
        v["same_len_kind"] = by_len[(c.kind, min(ln, 40) // 2)] - 1
        v["same_last"] = last[(c.kind, c.text[-1:])] - 1
        v["same_first2"] = first2[(c.kind, c.text[:2])] - 1
        v["same_last2"] = last2[(c.kind, c.text[-2:])] - 1
        v["same_frame"] = by_frame[frame_key[idx]] - 1
        text = c.text
        v["commas"] = text.count("，") + text.count(",")
        v["dun"] = text.count("、")
        v["book"] = float("《" in text)
        v["quote_open"] = float(text[:1] in _QUOTE_OPEN)
        v["quotes"] = sum(text.count(q) for q in "“”\"")
        v["digits"] = float(bool(re.search(r"\d", text)))
        v["latin"] = float(bool(re.search("[A-Za-z]", text)))
        v["pronoun"] = float(bool(_PRONOUN.match(text)))
        v["prose_start"] = float(bool(_PROSE_START.match(text)))
        v["closing_start"] = float(bool(_CLOSING_START.match(text)))
        v["genre"] = float(bool(_GENRE.search(text)))
        v["chrome"] = float(bool(_CHROME.search(text)))
        v["date"] = float(bool(_DATE.search(text)))
        v["function_share"] = sum(ch in _FUNCTION for ch in text) / max(len(text), 1)
        tail = para[:c.end].rstrip()[-1:] if c.kind == "line" else para[c.end - 1:c.end]
        v["ends_line_mark"] = float(tail in "。！？!?")
        v["question"] = float(tail in "？?" or text.endswith(("？", "?")))
        v["exclaim"] = float(tail in "！!")
        v["wo"] = float("我" in text)
        v["line_ends_sentence"] = float(para.rstrip()[-1:] in "。！？!?…”")
        nxt = paras[c.para + 1] if c.para + 1 < n else ""
        v["next_is_item"] = float(bool(item.match(nxt.lstrip())))
        v["next_is_line"] = float(0 < lens[c.para + 1] <= 30) if c.para + 1 < n else 0.0
        v["prev_is_line"] = float(0 < lens[c.para - 1] <= 30) if c.para else 0.0
        v["span_share"] = ln / max(lens[c.para], 1)
        v["rules"] = float(key(text) in rules)
        v["rules_any"] = float(bool(rules))
        v["rules_count"] = min(len(rules), 12)
        v["cands_para"] = per_para[c.para]
        for k, name in enumerate(FEATURE_NAMES):
            f[k] = float(v[name])
        c.features = f


_KEY_DROP = re.compile(r"[\s“”‘’\"'「」『』]")


def key(text: str) -> str:
    """A heading's text as compared with the rules' headings: no spaces, quotes or end marks."""
    return _KEY_DROP.sub("", text).rstrip(_END_MARKS + ".")


# ---- the model ---------------------------------------------------------------------------------

COLLECTIVE_NAMES = ["p1", "p1_rank_para", "p1_max_other_para", "p1_page_count", "p1_same_opener",
                    "p1_same_skeleton", "p1_same_len", "p1_same_frame", "p1_same_last", "p1_seq", "p1_first2"]


def collective(cands: list[Candidate], p1: list[float], cut: float = 0.5) -> list[list[float]]:
    """Features of each candidate among the likely headings of the first stage: headings come in sets."""
    likely = [k for k, p in enumerate(p1) if p >= cut]
    paras_likely = {cands[k].para for k in likely}
    best_in_para: dict[int, list[float]] = {}
    for c, p in zip(cands, p1, strict=True):
        best_in_para.setdefault(c.para, []).append(p)
    sk = {k: _skeleton(cands[k].text) for k in likely}
    out = []
    for c, p in zip(cands, p1, strict=True):
        others = [k for k in likely if cands[k].para != c.para]
        ln = cjk_count(c.text)
        skel = _skeleton(c.text)
        frame = _FRAME.sub("", c.text)
        nums = {cands[k].number for k in others if cands[k].opener == c.opener}
        in_para = sorted(best_in_para[c.para], reverse=True)
        out.append([
            p,
            float(in_para.index(p)),
            max([q for q in in_para if q != p] or [0.0]),
            float(len(paras_likely - {c.para})),
            float(sum(cands[k].opener == c.opener and c.opener != "none" for k in others)),
            float(sum(sk[k] == skel and cands[k].kind == c.kind for k in others)),
            float(sum(abs(cjk_count(cands[k].text) - ln) <= 2 and cands[k].kind == c.kind for k in others)),
            float(sum(_FRAME.sub("", cands[k].text)[-1:] == frame[-1:] and
                      abs(len(_FRAME.sub("", cands[k].text)) - len(frame)) <= 3 for k in others)),
            float(sum(cands[k].text[-1:] == c.text[-1:] for k in others)),
            float(c.number > 0 and (c.number - 1 in nums or c.number + 1 in nums)),
            float(sum(cands[k].text[:2] == c.text[:2] for k in others)),
        ])
    return out


def forest_score(forest: dict[str, object], f: list[float]) -> float:
    score = float(forest["base"])  # type: ignore[arg-type]
    for tree in forest["trees"]:  # type: ignore[attr-defined]
        node = tree[0]
        while node[0] >= 0:
            node = tree[int(node[2] if f[int(node[0])] <= node[1] else node[3])]
        score += node[1]
    return 1.0 / (1.0 + math.exp(-max(min(score, 50.0), -50.0)))


@dataclass
class Model:
    """Two stages of boosted trees: each tree a list of nodes [feature, threshold, left, right] or
    [-1, value]; the second stage reads the first's probabilities of the page's candidates."""

    stage1: dict[str, object]
    stage2: dict[str, object] | None
    threshold: float

    @classmethod
    def load(cls, path: Path) -> Model:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["stage1"], data.get("stage2"), data["threshold"])

    def probabilities(self, cands: list[Candidate]) -> list[float]:
        p1 = [forest_score(self.stage1, c.features) for c in cands]
        if self.stage2 is None:
            return p1
        extras = collective(cands, p1)
        return [forest_score(self.stage2, c.features + extra) for c, extra in zip(cands, extras, strict=True)]


def choose(cands: list[Candidate], probs: list[float], threshold: float) -> list[Candidate]:
    """The headings: at each start the likeliest span over the threshold, starts not overlapping."""
    best: dict[tuple[int, int], tuple[float, Candidate]] = {}
    for c, p in zip(cands, probs, strict=True):
        if p >= threshold:
            k = (c.para, c.start)
            if k not in best or p > best[k][0]:
                best[k] = (p, c)
    chosen = sorted((c for _, c in best.values()), key=lambda c: (c.para, c.start))
    out: list[Candidate] = []
    for c in chosen:
        if out and out[-1].para == c.para and c.start < out[-1].end:
            continue
        out.append(c)
    return out
