"""Write one like an essay you admire (``new --like``), and grow heading families from essays (``learn``).

From an exemplar (a parsed essay or an outline) we take its *shape* — how many sections, the frame
its parallel headings share (把好方向，抓住关键少数“不走偏” / … → four characters，six characters
“不走X”), whether its title quotes a key word, how its lead opens, its length and how often it
quotes — never its prose. The heading frame becomes a :class:`Family`: the literal parts the
headings share stay, the parts where they differ become slots. A slot of four characters takes the
section's own term (安全意识), one of six a verb and the term (筑牢安全意识), a one- or two-character
slot inside a fixed frame keeps the exemplar's own frame words (偏/空/样), and any other slot takes
heading words of its length and role from the shipped families.
"""

from __future__ import annotations

from .. import lazyre as re  # patterns compile on first use: imports stay fast
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Outline
from ..text import common_prefix, count_chars
from .rhetoric import ROLES, Family, Rhetoric, roles_for

_CN = "[一二三四五六七八九十]+"
_NUMBERING = re.compile(rf"^\s*({_CN}、|（{_CN}）|\d+[.、．]|第{_CN}[，、])\s*")
_EVENT = re.compile(r"^(近日|近期|日前|前不久|这段时间|\d{4}年|今年|本月|上周)")
# A two-character verb that makes a four-character term into six: 筑牢安全意识, 提升应急本领, 压实责任落实.
VERBS: dict[str, tuple[str, ...]] = {
    "thinking": ("筑牢", "强化", "树牢", "坚定"),
    "ability": ("提升", "锤炼", "增强", "练就"),
    "action": ("狠抓", "压实", "抓实", "推动"),
}


@dataclass(frozen=True)
class Shape:
    """What a draft takes from its exemplar."""

    source: str
    sections: int
    family: Family | None  # the heading frame, None when the headings share none
    headings: tuple[str, ...]  # the exemplar's own, for the record and the copy check
    quoted_title: bool  # 层层加码“要不得”: the title quotes a key word
    subtitle: bool
    lead: str  # quote | event | statement
    length: int
    quotes_per_section: float
    notes: tuple[str, ...] = field(default=())  # what could not be taken, in Chinese

    def explain(self) -> dict[str, object]:
        return {"source": self.source, "sections": self.sections, "length": self.length, "lead": self.lead,
                "frame": self.family.label if self.family else None, "quoted_title": self.quoted_title,
                "quotes_per_section": round(self.quotes_per_section, 2), "notes": list(self.notes)}


def clean_heading(text: str) -> str:
    return _NUMBERING.sub("", text).strip().rstrip("。；;")


_PUNCT = re.compile(r"[，、：；“”‘’《》（）！？,:;!?]")


@dataclass(frozen=True)
class Slot:
    """A place where parallel headings differ: its fillers (one per heading) and whether it is bound
    to fixed words of its phrase (不走{X}, 在{XX}上下功夫) or is a whole phrase of its own (“{X}”)."""

    fillers: tuple[str, ...]
    bound: bool

    @property
    def length(self) -> int:
        return len(self.fillers[0])


def frame_of(headings: list[str]) -> list[str | Slot] | None:
    """The frame ``headings`` share: literal pieces and :class:`Slot` s, in order.

    Headings are compared phrase by phrase (split at their punctuation, which must be the same in
    all): a phrase the same in all is literal; otherwise what its versions share at the start and
    end is literal and the middle is a slot. None when the headings share no frame (other
    punctuation, nothing in common, or a slot of unequal lengths, so the set would not stay parallel).
    """
    if len(headings) < 2 or len(set(headings)) < len(headings):
        return None
    skeletons = {tuple(_PUNCT.findall(h)) for h in headings}
    if len(skeletons) != 1:
        return None
    (marks,) = skeletons
    phrases = [_PUNCT.split(h) for h in headings]
    out: list[str | Slot] = []
    for k in range(len(marks) + 1):
        versions = [p[k] for p in phrases]
        if len(set(versions)) == 1:
            out.append(versions[0])
        else:
            head = common_prefix(versions)
            tail = common_prefix([v[len(head):][::-1] for v in versions])[::-1]
            middles = tuple(v[len(head):len(v) - len(tail)] for v in versions)
            if len({len(m) for m in middles}) != 1 or not all(middles):
                return None
            out.extend([head, Slot(middles, bound=bool(head or tail)), tail])
        if k < len(marks):
            out.append(marks[k])
    if not any(isinstance(p, Slot) for p in out) or not "".join(p for p in out if isinstance(p, str)).strip():
        return None
    return [p for p in out if p != ""]


def family_of(headings: list[str], name: str, label: str, rh: Rhetoric) -> Family | str:
    """A heading family in the frame the ``headings`` share (see the module docstring), or why none
    can be made safely (in Chinese)."""
    frame = frame_of([clean_heading(h) for h in headings])
    if frame is None:
        return "小标题不对仗（标点、字数不同或没有共同的字），无法归纳句式"
    roles = roles_for(len(headings))
    slots_in = [p for p in frame if isinstance(p, Slot)]
    free = [sl for sl in slots_in if not sl.bound]
    # the section's term goes where a whole phrase of 4, 6 or 8 characters is (the longest first)
    term = max((sl for sl in free if sl.length in (4, 6, 8)), key=lambda sl: sl.length, default=None)
    pattern, tag = "", ""
    slots: dict[str, dict[str, tuple[str, ...]]] = {}
    for i, piece in enumerate(frame):
        if isinstance(piece, str):
            pattern += piece
            continue
        key = f"s{i}"
        if piece is term:
            if piece.length == 6:
                pattern += "{v}{term}"
                slots["v"] = {r: VERBS[r] for r in ROLES}
            elif piece.length == 8:
                pattern += "{term}{" + key + "}"
                slots[key] = _by_role(piece, roles, _pool(rh, 4), keep=False)
            else:
                pattern += "{term}"
            continue
        # a bound slot keeps the exemplar's frame words (不走偏/空/样); a free one takes our heading words
        opening = i == 0 and len(frame) > 1 and frame[1] in ("，", "、")
        pool = (opening and _pool(rh, piece.length, opening=True)) or _pool(rh, piece.length)
        if not piece.bound and len(pool) < len(ROLES):  # only the exemplar's own words would fill it
            return f"句式中{piece.length}个字的部分只能照抄范文的词语（它们说的是范文的主题），不宜套用"
        slots[key] = _by_role(piece, roles, pool, keep=piece.bound)
        pattern += "{" + key + "}"
        tag = tag or key
    matched = _same_frame_words(pattern, slots, rh)
    if term is None and not matched:
        # no phrase of its own for the term, and no family of ours with this frame: the longest slot
        # bound in a phrase takes it (在学懂上下功夫 → 在安全意识上下功夫), so the headings speak of the topic
        bound = [k for k, p in zip(_slot_keys(frame), (p for p in frame if isinstance(p, Slot)), strict=True)
                 if p.length >= 2]
        if bound:
            widest = max(bound, key=lambda k: len(next(iter(slots[k].values()))[0]))
            pattern = pattern.replace("{" + widest + "}", "{term}")
            del slots[widest]
            tag = tag if tag != widest else next(iter(slots), "term")
    return Family(name=name, label=label, pattern=pattern, tag=tag or "term", slots=slots)


def _slot_keys(frame: list[str | Slot]) -> list[str]:
    return [f"s{i}" for i, p in enumerate(frame) if isinstance(p, Slot)]


_SLOT_RE = re.compile(r"\{([a-z0-9_]+)\}")


def _same_frame_words(pattern: str, slots: dict[str, dict[str, tuple[str, ...]]], rh: Rhetoric) -> bool:
    """When one of our own families has this frame (念好“X”字诀), its slots' words, which were
    written to go together, replace the exemplar's and the loose pools' (the term stays)."""
    # quotation marks round a slot (“贵”在经常) are the essay's emphasis, not another frame
    mine = _SLOT_RE.sub("\x00", pattern).replace("“", "").replace("”", "")
    names = _SLOT_RE.findall(pattern)
    for fam in rh.families.values():
        theirs = _SLOT_RE.sub("\x00", fam.pattern).replace("“", "").replace("”", "")
        at = theirs.find(mine)
        if at < 0:
            continue
        offset = theirs[:at].count("\x00")
        their_names = _SLOT_RE.findall(fam.pattern)[offset:offset + len(names)]
        for own, their in zip(names, their_names, strict=True):
            if own not in ("term", "v") and their in fam.slots:
                slots[own] = dict(fam.slots[their])
        return True
    return False


def _by_role(slot: Slot, roles: list[str], pool: dict[str, tuple[str, ...]], *,
             keep: bool) -> dict[str, tuple[str, ...]]:
    own = {r: tuple(dict.fromkeys(f for f, fr in zip(slot.fillers, roles, strict=True) if fr == r)) for r in ROLES}
    every = tuple(dict.fromkeys(slot.fillers))
    if keep:
        return {r: own[r] or every for r in ROLES}
    return {r: pool.get(r, ()) or own[r] or every for r in ROLES}


def _pool(rh: Rhetoric, length: int, *, opening: bool = False) -> dict[str, tuple[str, ...]]:
    """Heading words of ``length`` characters, by role, from every shipped family; ``opening``:
    only those that open a heading before its comma (把准方向，…), which is where they stand."""
    out: dict[str, list[str]] = {r: [] for r in ROLES}
    for fam in rh.families.values():
        for name, by_role in fam.slots.items():
            if opening and not re.match(r"\{" + name + r"\}[，、]", fam.pattern):
                continue
            for r in ROLES:
                out[r].extend(w for w in by_role.get(r, ()) if len(w) == length)
    return {r: tuple(dict.fromkeys(ws)) for r, ws in out.items() if ws}


def shape_of(outline: Outline, source: str, rh: Rhetoric) -> Shape:
    """The shape of an exemplar essay (see the module docstring)."""
    heads = [clean_heading(s.heading) for s in outline.sections if s.heading]
    notes: list[str] = []
    family = None
    if len(heads) >= 2:
        found = family_of(heads, "like", f"仿照：{' / '.join(heads)}", rh)
        if isinstance(found, str):
            notes.append(f"{found}；小标题用本工具自己的句式")
        else:
            family = found
    else:
        notes.append("范文没有两个以上的小标题，小标题用本工具自己的句式")
    first = outline.lead.paragraphs[0] if outline.lead.paragraphs else ""
    if outline.lead.quote is not None or first.startswith("“"):
        lead = "quote"
    elif _EVENT.match(first):
        lead = "event"
    else:
        lead = "statement"
    body = [*outline.lead.paragraphs, *(p for s in outline.sections for p in s.paragraphs), *outline.closing.paragraphs]
    length = sum(map(count_chars, body)) + sum(map(count_chars, heads))
    n = len(outline.sections) if outline.sections else 3
    quotes = sum(len(s.quotes) for s in outline.sections) / max(1, len(outline.sections))
    return Shape(source=source, sections=max(1, min(6, n)), family=family, headings=tuple(heads),
                 quoted_title="“" in outline.title, subtitle=bool(outline.subtitle), lead=lead,
                 length=length, quotes_per_section=quotes, notes=tuple(notes))


def load_exemplar(path: Path, essay: int | None, rh: Rhetoric) -> Shape:
    """The shape of the essay in ``path`` (.txt/.md/.html/.docx, or an outline .yaml)."""
    from ..outline_io import load_outlines
    from ..parse.decompose import parse_file

    outlines = load_outlines(path) if path.suffix.lower() in (".yaml", ".yml") else parse_file(path)
    if not outlines:
        raise InputError("范文中没有找到文章", path)
    if essay is None and len(outlines) > 1:
        essay = 1
    index = (essay or 1) - 1
    if not 0 <= index < len(outlines):
        raise InputError(f"范文只有 {len(outlines)} 篇，没有第 {essay} 篇（--essay）", path)
    return shape_of(outlines[index], f"{path.name}" + (f" 第{index + 1}篇" if len(outlines) > 1 else ""), rh)


@dataclass
class Learned:
    """What ``xindegen learn`` takes from essays: heading families, title patterns, and what it could not."""

    families: list[tuple[Family, str]] = field(default_factory=list)  # (family, source)
    titles: list[tuple[str, str]] = field(default_factory=list)  # (pattern, source)
    skipped: list[str] = field(default_factory=list)  # in Chinese: what could not be abstracted, and why


_TITLE_KEY = re.compile(r"“([^”]{2})”")


def learn(paths: list[Path], rh: Rhetoric) -> Learned:
    """Heading families and title patterns from the essays in ``paths`` (a collection: every essay)."""
    from ..parse.decompose import parse_file

    out = Learned()
    seen: set[str] = set()
    for path in paths:
        outlines = parse_file(path)
        for n, outline in enumerate(outlines, 1):
            where = f"{path.name}" + (f" 第{n}篇" if len(outlines) > 1 else "")
            heads = [clean_heading(s.heading) for s in outline.sections if s.heading]
            if len(heads) < 2:
                out.skipped.append(f"{where}：《{outline.title}》没有两个以上的小标题")
            else:
                family = family_of(heads, f"learned-{len(out.families) + 1}", f"学自《{outline.title}》", rh)
                if isinstance(family, str):
                    out.skipped.append(f"{where}：{family}：{' / '.join(heads)}")
                elif family.pattern not in seen:
                    seen.add(family.pattern)
                    out.families.append((family, where))
            m = _TITLE_KEY.search(outline.title)
            rest = _TITLE_KEY.sub("", outline.title)
            if m and len(rest) <= 8 and "{" not in outline.title:
                pattern = _TITLE_KEY.sub("“{key}”", outline.title, count=1)
                if pattern not in seen:
                    seen.add(pattern)
                    out.titles.append((pattern, where))
            else:
                out.skipped.append(f"{where}：标题“{outline.title}”不是“关键词”式，没有学")
    return out


def dump_learned(learned: Learned) -> tuple[str, str]:
    """families.yaml and titles.yaml texts for a user data directory (docs/DATA.md)."""
    import yaml

    fams = [{"name": f.name, "label": f.label, "source": src, "pattern": f.pattern, "tag": f.tag,
             "slots": {k: {r: list(v[r]) for r in ROLES} for k, v in f.slots.items()}}
            for f, src in learned.families]
    titles = [{"pattern": p, "source": src} for p, src in learned.titles]
    head = "# Learned by xindegen learn from essays; edit freely (format: docs/DATA.md).\n"
    def dump(value: object) -> str:
        return head + yaml.safe_dump(value, allow_unicode=True, sort_keys=False, default_flow_style=None, width=120)

    return dump({"version": 1, "families": fams}), dump({"version": 2, "titles": titles})
