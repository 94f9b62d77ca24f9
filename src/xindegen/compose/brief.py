"""What only the writer knows: the brief (``xindegen brief``, ``new --brief``, ``--fact``).

A brief is a short YAML file of the writer's own facts — the occasion, who organised it, when,
what it covered, what struck them, their post, their own example, shortcomings and plans. The
draft uses every answer where its plan has a place for it, in the writer's own words: the engine
only joins them into sentences, it never rewrites or invents them.
"""

from __future__ import annotations

from .. import lazyre as re  # patterns compile on first use: imports stay fast
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any
from collections.abc import Mapping

from ..errors import InputError, Problem, ProblemsError
from ..problems import LineMap, PathKey, ProblemError, Problems

MAX_TEXT = 300  # characters per answer: a brief is notes, not the essay


class BriefError(ProblemsError):
    """A brief file breaks its format; every problem is listed."""


@dataclass(frozen=True)
class Brief:
    """The writer's own facts about the occasion, each in their words."""

    topic: str | None = None
    occasion: str | None = None  # 活动名称
    organizer: str | None = None  # 组织单位
    date: str | None = None
    place: str | None = None
    speaker: str | None = None  # 主讲人
    points: tuple[str, ...] = ()  # 主要内容
    impressions: tuple[str, ...] = ()  # 印象最深的内容
    role: str | None = None  # 本人岗位
    examples: tuple[str, ...] = ()  # 本人的做法、事例
    shortcomings: tuple[str, ...] = ()  # 差距和不足
    plans: tuple[str, ...] = ()  # 今后打算

    def answered(self) -> list[str]:
        """The names of the fields that hold an answer."""
        return [f.name for f in fields(self) if getattr(self, f.name)]

    def __bool__(self) -> bool:
        return bool(self.answered())


LIST_FIELDS = frozenset({"points", "impressions", "examples", "shortcomings", "plans"})
FIELDS = tuple(f.name for f in fields(Brief))
LABELS = {
    "topic": "主题", "occasion": "活动名称", "organizer": "组织单位", "date": "时间", "place": "地点",
    "speaker": "主讲人", "points": "主要内容", "impressions": "印象最深的内容", "role": "本人岗位",
    "examples": "本人的做法、事例", "shortcomings": "差距和不足", "plans": "今后打算",
}


def clean(text: str) -> str:
    """The writer's words as a clause: whitespace joined, no final mark (the draft adds its own)."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s*([，。；：！？、])\s*", r"\1", text)
    return text.rstrip("。；;，,.!！?？ ")


class _Check(Problems):
    def text(self, value: Any, path: PathKey) -> str | None:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.error(path, "应为文字")
            return None
        text = clean(value)
        if not text:
            self.error(path, "不能为空；不想回答就删掉这一项")
            return None
        if len(text) > MAX_TEXT:
            self.error(path, f"太长（{len(text)} 字，上限 {MAX_TEXT} 字）：请只写要点")
            return None
        if "【" in text or "】" in text:
            self.error(path, "请把【……】换成你的实际情况")
            return None
        return text


def brief_from_data(value: Any, file: str = "<brief>", lines: LineMap | None = None) -> Brief:
    c = _Check(file, lines or {})
    if value is None:
        return Brief()
    if not isinstance(value, dict):
        c.error((), "简报应为“键: 值”映射，例如 occasion: 青年干部培训班")
        raise BriefError(c.problems)
    out: dict[str, Any] = {}
    for key, raw in value.items():
        if key not in FIELDS:
            known = "、".join(FIELDS)
            c.error((key,), f"未知的项“{key}”，可用：{known}")
            continue
        if raw is None:
            continue  # left blank in the questionnaire
        if key in LIST_FIELDS:
            items = raw if isinstance(raw, list) else [raw]
            texts = [t for i, item in enumerate(items)
                     if (t := c.text(item, (key, i) if isinstance(raw, list) else (key,))) is not None]
            out[key] = tuple(dict.fromkeys(texts))
        else:
            if isinstance(raw, list):
                c.error((key,), "这一项只写一条（不是列表）")
                continue
            out[key] = c.text(raw, (key,))
    if c.problems:
        raise BriefError(c.problems)
    return Brief(**out)


def load_brief(path: Path) -> Brief:
    from ..yamlsafe import load_documents  # a brief file only: a draft without one needs no YAML

    try:
        docs = load_documents(path)
    except ProblemError as exc:
        raise BriefError([exc.problem]) from None
    if len(docs) > 1:
        raise BriefError([Problem(str(path), None, "", "简报文件只能有一个 YAML 文档")])
    if not docs:
        return Brief()
    value, lines = docs[0]
    return brief_from_data(value, str(path), lines)


# Manifest columns for the brief's fields (``date`` is the signature's date there, so the event's
# is ``event_date``); a list cell holds one item per line or between ；.
BRIEF_COLUMNS = {**{f: f for f in FIELDS if f not in ("topic", "date")}, "event_date": "date"}


def with_columns(brief: Brief, options: Mapping[str, Any]) -> Brief:
    """A manifest row's brief columns on top of ``brief`` (each person's own post, cases, plans)."""
    for column, key in BRIEF_COLUMNS.items():
        raw = options.get(column)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        texts = [clean(t) for t in re.split(r"[\n；;]+", str(raw))] if key in LIST_FIELDS else [clean(str(raw))]
        texts = [t for t in texts if t]
        if not texts:
            continue
        if any(len(t) > MAX_TEXT for t in texts):
            raise InputError(f"{column} 太长（上限 {MAX_TEXT} 字）")
        brief = _set(brief, key, texts)
    return brief


def _set(brief: Brief, key: str, texts: list[str]) -> Brief:
    """``brief`` with ``texts`` appended to a list field, or the last of them as a single answer."""
    value: Any = (*getattr(brief, key), *texts) if key in LIST_FIELDS else texts[-1]
    return replace(brief, **{key: value})


def with_facts(brief: Brief, facts: tuple[str, ...]) -> Brief:
    """``--fact KEY=VALUE`` on top of a brief: list fields append, others replace."""
    for fact in facts:
        key, sep, value = fact.partition("=")
        key = key.strip()
        if not sep or key not in FIELDS:
            known = "、".join(FIELDS)
            raise InputError(f"--fact 应写成 项=内容，项为：{known}（收到：{fact}）")
        text = clean(value)
        if not text:
            raise InputError(f"--fact {key}= 的内容不能为空")
        if len(text) > MAX_TEXT:
            raise InputError(f"--fact {key} 太长（{len(text)} 字，上限 {MAX_TEXT} 字）")
        brief = _set(brief, key, [text])
    return brief


# ---------- the questionnaire ----------

_COMMON = {
    "occasion": "活动名称，例如：全市青年干部能力提升培训班",
    "organizer": "谁组织的，例如：市委组织部",
    "date": "时间，例如：2026-11-20",
    "place": "地点（可不填）",
    "speaker": "主讲人或作报告的人，例如：市委党校张教授（可不填）",
    "points": "主要内容，每行一条，例如：\n- 公文写作的基本规范\n- 调查研究的方法",
    "impressions": "印象最深的内容，用一两句话写，例如：老师讲的一个基层调研案例让我很受触动",
    "role": "你的岗位，例如：社区网格员、内科护士、初二班主任",
    "examples": "你自己做过的一件具体的事（一两句话），例如：去年汛期我连续三晚在堤上值守",
    "shortcomings": "你自己的差距和不足，用第一人称，例如：我对新出台的政策学得不够深",
    "plans": "今后打算，每行一条，例如：\n- 每周读一篇业务文件并写笔记",
}
_BY_KIND = {
    "film": {"occasion": "观影活动名称，例如：支部主题党日观影活动", "speaker": "领学或讲解的人（可不填）",
             "points": "影片讲了什么（每行一条，可不填）",
             "impressions": "最打动你的一个情节或人物，用一两句话写"},
    "book": {"occasion": "读书活动名称（可不填），例如：处室读书会", "speaker": "领读或讲解的人（可不填）",
             "points": "书里讲了什么（每行一条，可不填）",
             "impressions": "书中最打动你的一段或一个人物，用一两句话写"},
    "visit": {"occasion": "参观的地方和活动，例如：参观八路军驻武汉办事处旧址纪念馆",
              "impressions": "印象最深的一件展品或一段讲解，用一两句话写"},
    "training": {"points": "培训讲了哪些内容，每行一条", "speaker": "授课老师（可不填）"},
    "study": {"occasion": "学习的会议、讲话或文件，例如：党的二十届四中全会精神",
              "points": "文件或讲话的主要内容，每行一条",
              "speaker": "作报告或辅导的人（可不填）"},
    "field": {"occasion": "参加的学习或活动（可不填）",
              "points": "你这方面工作的主要内容，每行一条（可不填）",
              "impressions": "工作中让你感触最深的一件事"},
    "ethics": {"occasion": "参加的学习或活动（可不填）",
               "impressions": "让你感触最深的一件事或一个人"},
    "practice": {"points": "活动中做了哪些事，每行一条", "impressions": "活动中让你感触最深的一个场景"},
    "student": {"role": "你的身份，例如：大一新生、实习生", "points": "这段经历中做了哪些事，每行一条"},
    "contest": {"occasion": "比赛的名称，例如：全国大学生数学建模竞赛", "role": "你的身份，例如：参赛选手、领队",
                "points": "备赛和比赛中做了哪些事，每行一条", "impressions": "备赛或赛场上让你印象最深的一件事"},
}


@dataclass(frozen=True)
class Question:
    """One question of the brief: the field it fills, its short label and what to write there."""

    key: str
    label: str
    ask: str  # the question with an example; several lines when the example is a list
    multiple: bool  # a list field: one item per line


def questions(kind: str) -> list[Question]:
    """The brief's questions (every field but the topic), worded for the topic's ``kind``."""
    asks = {**_COMMON, **_BY_KIND.get(kind, {})}
    return [Question(key, LABELS[key], asks[key], key in LIST_FIELDS) for key in FIELDS[1:]]


def questionnaire(topic: str | None, kind: str) -> str:
    """A commented YAML form for ``topic``, its questions fitted to the topic's ``kind``."""
    import json  # a form is written rarely; a draft needs no json

    lines = [
        "# xindegen 简报：只有你知道的事实。填好后运行：",
        "#   xindegen new --brief 本文件 -o 初稿.docx",
        "# 每一项都可以不填（留空或删掉）；填写的内容会按原话写进初稿的相应位置。",
        "# 列表项每行一条，以“- ”开头。",
        "",
        f"topic: {json.dumps(topic, ensure_ascii=False)}" if topic else "topic:    # 主题，例如：安全生产专题培训",
        "",
    ]
    for q in questions(kind):
        lines.append("# " + q.ask.replace("\n", "\n#   "))
        lines.append(f"{q.key}:")
        lines.append("")
    return "\n".join(lines)
