"""From the topic a person typed to the vocabulary of a draft: pick a pack, or build terms.

Packs are matched by meaning: the pack's name and aliases, then its keywords found in the topic,
then the overlap of the topic's words with the pack's words. A topic that matches no pack is
segmented (rjieba, loaded only then) and its own words fill the generic pack's slots.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .rhetoric import Pack, Rhetoric

# Words that say "this is an occasion" without saying what about; they never decide a pack.
_GENERIC_WORDS = frozenset({
    "学习", "教育", "培训", "专题", "工作", "建设", "精神", "会议", "活动", "心得", "体会", "党员",
    "干部", "提升", "加强", "推进", "贯彻", "落实", "全面", "深入", "开展", "组织", "主题", "系列",
    "能力", "意识", "我们", "自己", "一个", "关于", "基层", "群众", "服务", "发展", "治理",
})
_PREFIX = re.compile(r"^(关于)?(深入)?(学习贯彻|学习宣传贯彻|贯彻落实|学习)")
_SUFFIX = re.compile(r"(的)?(学习)?(心得体会|心得|体会|感悟|有感|感想|收获|总结|发言材料|研讨发言)+$")
MATCH_THRESHOLD = 6.0  # one specific 2-character keyword plus a little more


@dataclass(frozen=True)
class TopicFit:
    core: str  # the topic without 心得体会/有感 ...
    pack: Pack | None
    score: float
    words: tuple[str, ...]  # content words of the topic (only computed when no pack matched)


def plain_topic(topic: str) -> str:
    """The topic without 心得体会/有感 …: ``学习贯彻X会议精神心得体会`` -> ``学习贯彻X会议精神``."""
    text = re.sub(r"\s+", "", topic).strip("“”\"《》")
    return _SUFFIX.sub("", text) or text


def core_of(topic: str) -> str:
    """``学习贯彻X会议精神心得体会`` -> ``X会议精神``; never returns an empty string."""
    plain = plain_topic(topic)
    return _PREFIX.sub("", plain) or plain


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def score(core: str, pack: Pack) -> float:
    """How well ``pack`` fits the topic; 0 means not at all."""
    names = (pack.name, *pack.aliases)
    if core in names:
        return 100.0
    best = max((10.0 + len(n) for n in names if len(n) >= 2 and n in core), default=0.0)
    best = max([best] + [10.0 + len(core) for n in names if len(core) >= 2 and core in n])
    hits = [k for k in pack.keywords if k in core and k not in _GENERIC_WORDS]
    keyword_score = sum(2.0 * len(k) for k in hits)
    pack_grams = set().union(*(_bigrams(n) for n in names)) - _GENERIC_WORDS
    overlap = len(_bigrams(core) & pack_grams)
    return best + keyword_score + overlap


def match(topic: str, rhetoric: Rhetoric) -> TopicFit:
    core = core_of(topic)
    ranked = sorted(((score(core, p), p.key) for p in rhetoric.packs.values()), reverse=True)
    if ranked and ranked[0][0] >= MATCH_THRESHOLD:
        return TopicFit(core, rhetoric.packs[ranked[0][1]], ranked[0][0], ())
    return TopicFit(core, None, ranked[0][0] if ranked else 0.0, tuple(content_words(core)))


def short_form(core: str) -> str:
    """A handier name for a long topic: its last two words (全省经济工作会议精神 -> 会议精神)."""
    if len(core) <= 6:
        return core
    import rjieba

    words = [w for w in rjieba.cut(core) if w.strip()]
    return "".join(words[-2:]) if len(words) >= 2 else core


def content_words(text: str) -> list[str]:
    """Nouns and verbs of two or more characters, in order, generic words left out."""
    import rjieba  # ~0.1 s to load; only topics without a pack need it

    words = [w for w, pos in rjieba.tag(text) if len(w) >= 2 and pos[:1] in "nvl" and w not in _GENERIC_WORDS]
    return list(dict.fromkeys(words))
