"""What a person asks ``xindegen new`` for: one request, from the command line or a manifest row."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..text import date_problem, is_blank
from .brief import Brief, load_brief, with_columns, with_facts
from .limits import DEFAULT_LENGTH as DEFAULT_LENGTH  # (the names the rest of the code imports from here)
from .limits import DEFAULT_SECTIONS as DEFAULT_SECTIONS
from .limits import LENGTH_RANGE as LENGTH_RANGE
from .limits import SECTIONS_RANGE as SECTIONS_RANGE
from .limits import SEED_RANGE as SEED_RANGE

if TYPE_CHECKING:  # loaded only when a draft asks for them: --like and --material are rare
    from .exemplar import Shape
    from .material import Material

# Characters in a topic. Real ones run to about 50 (51: 深入学习贯彻党的二十届三中全会精神暨《中共中央关于进一步
# 全面深化改革、推进中国式现代化的决定》心得体会); the length promise was measured to hold to 100 (at
# 1,000–3,000 characters) and to break from about 200, as title and lead repeat the topic.
MAX_TOPIC = 80


def topic_problem(topic: str) -> str | None:
    """Why a topic cannot be written to, or None."""
    if not topic.strip():
        return "主题不能为空"
    if len(topic.strip()) > MAX_TOPIC:
        return (f"主题太长（{len(topic.strip())} 字，最多 {MAX_TOPIC} 字）：只写主题本身，"
                "具体内容请写进简报（--brief）或学习材料（--material）")
    return None


@dataclass(frozen=True)
class ComposeRequest:
    """What a person asks for; every field maps to a ``xindegen new`` option."""

    topic: str
    length: int = DEFAULT_LENGTH
    seed: int | None = None
    family: str | None = None
    sections: int = DEFAULT_SECTIONS
    author: str | None = None
    unit: str | None = None
    date: str | None = None
    material: Material | None = None
    placeholders: bool = True
    data_dirs: tuple[Path, ...] = ()
    kind: str | None = None  # the kind of occasion, when the detected one is not wanted
    brief: Brief = Brief()  # what only the writer knows
    like: Shape | None = None  # the shape of an essay to write like (new --like)
    # A plan chosen beforehand (the web page's heading sets, a section rewritten on its own): each
    # section's angle as ``meta.angles`` records it (``origin#term``), and its heading as written.
    angles: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()

    def check(self) -> None:
        """Refuse a request no draft can answer, naming the option to change."""
        problem = topic_problem(self.topic)
        if problem:
            raise InputError(f"{problem}（--topic）" if not self.topic.strip() else problem)
        lo, hi = LENGTH_RANGE
        if not lo <= self.length <= hi:
            raise InputError(f"篇幅应在 {lo}–{hi} 字之间（--length {self.length}）")
        lo, hi = SECTIONS_RANGE
        if not lo <= self.sections <= hi:
            raise InputError(f"小标题数量应在 {lo}–{hi} 之间")
        for name, chosen in (("角度", self.angles), ("小标题", self.headings)):
            if chosen and len(chosen) != self.sections:
                raise InputError(f"给出了 {len(chosen)} 个{name}，但小标题数量是 {self.sections}")
        if any(not h.strip() for h in self.headings):
            raise InputError("小标题不能为空")


def request_from_options(options: Mapping[str, Any]) -> ComposeRequest:
    """The request that ``xindegen new``'s options ask for; a manifest row uses the same names.

    Keys are the option names with ``_`` for ``-``: ``topic``, ``length``, ``seed``, ``family``,
    ``sections``, ``author``, ``unit``, ``date``, ``material`` (a file, read here), ``kind``,
    ``brief`` (a file, read here), ``fact`` (``KEY=VALUE`` texts), ``like`` and ``essay`` (an essay to
    write like, read here), the brief's own fields as
    manifest columns (``BRIEF_COLUMNS``), ``no_placeholders`` and ``data_dir`` (directories). Missing
    or empty ones take the defaults of ``xindegen new``; other keys (output and layout) are ignored.
    """
    material = options.get("material")
    like = None
    if options.get("like"):
        from .exemplar import load_exemplar
        from .rhetoric import load_rhetoric

        like = load_exemplar(Path(options["like"]), options.get("essay"),
                             load_rhetoric(tuple(options.get("data_dir") or ())))
    brief_file = options.get("brief")
    brief = load_brief(Path(brief_file)) if brief_file else Brief()
    brief = with_facts(with_columns(brief, options), tuple(options.get("fact") or ()))
    topic = str(options.get("topic") or brief.topic or "")
    if not topic.strip():
        raise InputError("缺少主题：请用 --topic 给出，或写在简报的 topic 一项中")
    if is_blank(topic):  # zero-width and no-break spaces only: nothing a reader could see
        raise InputError("主题中没有看得见的文字（只有空格或零宽字符）")
    date = options.get("date")
    if isinstance(date, str) and date.strip() and (problem := date_problem(date)):
        raise InputError(problem)
    return ComposeRequest(
        topic=topic,
        # an exemplar's length and number of sections, unless asked otherwise
        length=int(options.get("length") or (min(max(like.length, LENGTH_RANGE[0]), LENGTH_RANGE[1]) if like
                                             else DEFAULT_LENGTH)),
        seed=options.get("seed"),
        family=options.get("family") or None,
        sections=int(options.get("sections") or (like.sections if like else DEFAULT_SECTIONS)),
        author=options.get("author"),
        unit=options.get("unit"),
        date=date,
        material=_material(Path(material)) if material else None,
        placeholders=not options.get("no_placeholders", False),
        data_dirs=tuple(options.get("data_dir") or ()),
        kind=options.get("kind") or None,
        brief=brief,
        like=like,
    )


def _material(path: Path) -> Material:
    from .material import load_material

    return load_material(path)
