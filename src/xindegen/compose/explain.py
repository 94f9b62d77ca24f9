"""A draft's plan in words: what ``new --explain`` prints and the web page shows beside the draft."""

from __future__ import annotations

from typing import Any

from ..model import Outline
from .frame import LAW_GENRE
from .request import ComposeRequest

KIND_LABELS = {"study": "学习会议、讲话、文件精神", "campaign": "专题教育、学习教育", "training": "培训",
               "warning": "警示教育", "film": "观影（观后感）", "visit": "参观（观后感）", "book": "读书（读后感）",
               "practice": "实践活动", "field": "工作领域", "ethics": "职业道德与作风",
               "commemoration": "纪念与节日", "student": "学生活动",
               "contest": "竞赛、比赛", "model": "学习先进事迹"}
"""Each kind of occasion (``--kind``) as a person names it."""

_SOURCES = {"pack": "主题包", "work": "作品库", "category": "类别", "kind": "该类场合的共通内容"}

def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def plan_lines(meta: dict[str, Any]) -> list[str]:
    """The frame, the material and the plan of a composed draft, from its ``meta``."""
    f = meta["frame"]
    lines = [f"类型：{kind_label(f['kind'])}（依据：{f['kind_by']}）",
             f"主题：{f['name']}" + (f"；对象：{f['object']}" if f["object"] else "")
             + (f"；场合：{f['occasion']}" if f["occasion"] else "")]
    if f.get("pupil"):
        lines.append("作者：学生（不写工作、岗位等成人用语）")
    elif f.get("writer"):
        lines.append(f"作者：{f['writer']}" + ("（不写工作、岗位等成人用语）" if f["writer"] == "学生" else ""))
    elif f.get("person"):
        lines.append(f"作者：{f['person']}（按{f['domain']}来写）")
    # the work of a model's study is a person of the bank, or a programme of models watched (《榜样9》)
    person = f["kind"] == "model" and not f.get("programme")
    found = [("主题包", f["pack"]), ("人物" if person else "作品", f["work"]), ("类别", f["category"]),
             ("细目", f.get("focus"))]
    lines.append("素材：" + ("、".join(f"{k} {v}" for k, v in found if v) or "无（只用该类场合的共通内容）"))
    lines.append(f"小标题族：{meta['family']}")
    def source(origin: str) -> str:
        return "人物库" if person and origin.startswith("work:") else _SOURCES.get(origin.split(":", 1)[0], origin)

    for i, angle in enumerate(meta["angles"], 1):
        origin, term = angle.split("#", 1)
        lines.append(f"第{i}部分：{term}（{source(origin)}）")
    if meta.get("second"):  # (older outlines have none)
        taken = (a.split("#", 1) for a in meta["second"])
        lines.append("补充角度：" + "、".join(f"{t}（{source(o)}）" for o, t in taken))
    if meta.get("brief"):
        lines.append("简报：" + "、".join(meta["brief"]))
    if meta.get("material"):
        lines.append(f"学习材料：{meta['material']}")
    if meta.get("like"):
        like = meta["like"]
        leads = {"quote": "以引语开头", "event": "以活动开头", "statement": "以论述开头"}
        title = "带" if like["quoted_title"] else "不带"
        lines.append(f"仿照：{like['source']}（{like['sections']} 个部分，约 {like['length']} 字，"
                     f"{leads.get(like['lead'], like['lead'])}，标题{title}引号关键词）")
        if like["frame"]:
            lines.append(f"小标题句式：{like['frame']}")
        lines.extend(f"说明：{note}" for note in like["notes"])
    return lines


def only_common(draft: Outline, request: ComposeRequest) -> bool:
    """Whether the draft had nothing specific to draw on (no pack, work, brief or material), so
    that the writer should be told how to make it more specific (each interface in its own words)."""
    frame = draft.meta["frame"]
    # A law no pack knows takes the genre of any law's study: nothing of that law itself either.
    return not ((frame["pack"] and frame["pack"] != LAW_GENRE) or frame["work"] or request.brief or request.material)
