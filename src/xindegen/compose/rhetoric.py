"""The data a draft is written from (format 2, docs/DATA.md): kinds and their units, packs,
categories, works, quotations, heading families and titles; loaded, validated, merged with the
user's data.

Built-in files live in ``xindegen/data``; a user's ``--data-dir`` and the per-user config directory
hold files of the same kinds. A pack or works file with the same name as a built-in one replaces it;
quotations, families, titles, units, phrases and kinds add entries or replace those of the same key.
"""

from __future__ import annotations

import hashlib
from .. import lazyre as re  # patterns compile on first use: imports stay fast
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from .. import __version__
from ..cachefile import keep, read_sealed, write_sealed
from ..errors import DataError, InputError, Problem
from ..paths import builtin_data_dir, user_cache_dir, user_data_dir
from ..safeio import read_user_file
from ..problems import PathKey, ProblemError, Problems
from .grammar import CHOICE, choice_problem
from .limits import KINDS as KINDS

ROLES = ("thinking", "ability", "action")


def roles_for(n: int) -> list[str]:
    """Section roles in reading order: thinking → ability → action, stretched or shrunk to n."""
    if n == 1:
        return ["action"]
    if n == 2:
        return ["thinking", "action"]
    return [ROLES[min(2, i * 3 // n)] for i in range(n)]
QUOTE_ROLES = (*ROLES, "lead", "closing")
QUOTE_KINDS = ("classic", "poem", "proverb", "statement")
# a person: a model whose deeds people study (学习张桂梅同志先进事迹), found for that study only
WORK_KINDS = ("film", "series", "documentary", "programme", "book", "site", "person")
# Who writes about a work: 学生 (pupils and school students), 成人 (adults: cadres, teachers, staff).
# The first is the usual writer; a work without the field is written about by adults.
READERS = ("学生", "成人")
TAGS = frozenset({
    "学习", "思想", "信念", "初心", "担当", "实干", "落实", "作风", "廉洁", "自律", "纪律", "规矩", "法治", "人民",
    "调查研究", "问题导向", "创新", "改革", "责任", "安全", "忧患", "团结", "奉献", "服务", "青年", "教育", "师德",
    "读书", "修身", "坚持", "积累", "细节", "诚信", "历史", "农业", "发展", "保密", "节俭", "奋斗", "志向", "本领",
    "惜时", "生态", "健康", "民生", "公正", "监督", "反思", "谦虚", "合作", "传承", "英雄", "爱国", "医德", "科技",
    "军人", "劳动", "家国", "勤政", "清廉", "质量", "勇气", "友善",
})
SLOT = re.compile(r"\{([a-z_0-9]+)\}")
_END_PUNCT = tuple("。，、；：！？,.;:!?")
_ASCII_PUNCT = re.compile(r'[,;:"?!]')


@dataclass(frozen=True)
class QuoteEntry:
    """A quotation of the bank, with the tags and roles it can serve."""

    text: str
    author: str | None
    work: str | None
    kind: str
    tags: tuple[str, ...]
    roles: tuple[str, ...]
    point: str = ""

    @property
    def source(self) -> str | None:
        """``author`` + ``work`` as cited in an outline: 杜甫《春夜喜雨》, 《论语·为政》; 俗语 for a proverb."""
        joined = (self.author or "") + (self.work or "")
        return joined or ("俗语" if self.kind == "proverb" else None)


@dataclass(frozen=True)
class Fact:
    """A fact a draft may state, its source and what it means for the reader."""

    text: str
    source: str
    means: str
    when: tuple[str, ...] = ()  # used only when the topic contains one of these words
    unless: tuple[str, ...] = ()  # never used when the topic contains one of these words


@dataclass(frozen=True)
class Line:
    """A sentence of a pack's lead or closing that fits some topics only (大学生活的第一课 is no 初一 pupil's)."""

    text: str
    when: tuple[str, ...] = ()  # used only when the topic contains one of these words
    unless: tuple[str, ...] = ()  # never used when the topic contains one of these words


@dataclass(frozen=True)
class Pair:
    """A problem seen at work and the measure that answers it."""

    problem: str
    measure: str


@dataclass(frozen=True)
class Angle:
    """One line of thought a section can develop: its heading term, thesis and material."""

    term: str
    role: str
    themes: tuple[str, ...]
    claim: tuple[str, ...]
    why: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    scene: tuple[str, ...] = ()
    pairs: tuple[Pair, ...] = ()
    resolve: tuple[str, ...] = ()
    detail: tuple[str, ...] = ()
    origin: str = ""  # pack:<key> / work:<title> / kind:<kind> / material
    when: tuple[str, ...] = ()  # used only when the topic contains one of these words
    quotes: tuple[str, ...] = ()  # texts of bank quotations chosen for this line of thought, best first
    unless: tuple[str, ...] = ()  # never used when the topic contains one of these words
    writers: tuple[str, ...] = ()  # only for these writers of a contest (学生, 教师, 职工); empty: anyone


@dataclass(frozen=True)
class Focus:
    """One narrow subject inside a broad pack or category (燃气 in 安全教育): what only it has."""

    name: str
    keys: tuple[str, ...]  # words of a topic that name it: 燃气, 天然气, 液化气
    scene: tuple[str, ...]
    pairs: tuple[Pair, ...]
    facts: tuple[Fact, ...] = ()
    subject: tuple[str, ...] = ()  # how a draft names the work of a topic naming it (儿科护理工作); empty: the pack's


@dataclass(frozen=True)
class Pack:
    """A topic pack (or a category): how a topic names it and what a draft about it says."""

    key: str  # file stem, e.g. anquan_shengchan
    name: str
    kind: str
    aliases: tuple[str, ...]
    keywords: tuple[str, ...]
    exclude: tuple[str, ...]
    domain: str
    subject: tuple[str, ...]
    occasion: tuple[str, ...]
    audience: str
    roles: tuple[str, ...]
    themes: tuple[str, ...]
    keys: tuple[str, ...]
    facts: tuple[Fact, ...]
    lead: tuple[str, ...]
    closing: tuple[str, ...]
    angles: tuple[Angle, ...]
    focuses: tuple[Focus, ...] = ()
    carries: tuple[str, ...] = ()  # a category's: the packs whose topics may take its focuses (安全生产 for 电梯)
    angles_from: str = ""  # a pack of facts only (one law) argues with another pack's angles (法治学习)
    only: tuple[Line, ...] = ()  # the lead's and closing's sentences that fit some topics only

    def fits(self, line: str, topic: str) -> bool:
        """Whether the lead's or closing's ``line`` may be written for ``topic``."""
        for x in self.only:
            if x.text == line:
                return (not x.when or any(w in topic for w in x.when)) and not any(w in topic for w in x.unless)
        return True

    def __reduce__(self) -> tuple[Any, ...]:
        return _deferred_reduce(self, _PACK_LIGHT, _PACK_HEAVY)

    if not TYPE_CHECKING:  # mypy keeps checking attribute names: the fields are declared above
        def __getattr__(self, name: str) -> Any:
            return _deferred_load(self, name, _PACK_HEAVY)


@dataclass(frozen=True)
class Work:
    """A film, series, documentary, book or site a topic may name, with its own angles."""

    title: str  # without 《》
    kind: str  # film | series | documentary | book | site (a memorial, museum or former site visited)
    year: int  # 0: an ancient book of no known year
    creator: str | None
    aliases: tuple[str, ...]
    about: str
    people: tuple[str, ...]
    themes: tuple[str, ...]
    source: str
    angles: tuple[Angle, ...]
    readers: tuple[str, ...] = ("成人",)  # who writes about it, the usual writer first (READERS)

    @property
    def pupils_first(self) -> bool:
        """Whether pupils are its usual writers: 读《草房子》有感 is a pupil's, 读《红岩》有感 a cadre's."""
        return self.readers[0] == "学生"

    def __reduce__(self) -> tuple[Any, ...]:
        return _deferred_reduce(self, _WORK_LIGHT, _WORK_HEAVY)

    if not TYPE_CHECKING:
        def __getattr__(self, name: str) -> Any:
            return _deferred_load(self, name, _WORK_HEAVY)

    @property
    def quoted(self) -> str:
        """The title as prose names it: 《习近平谈治国理政》第二卷 for the volume 习近平谈治国理政第二卷."""
        m = re.fullmatch(r"(.+?)(第[一二三四五六七八九十]卷)", self.title)
        return f"《{m[1]}》{m[2]}" if m else f"《{self.title}》"

    @property
    def noun(self) -> str:
        return {"film": "影片", "series": "电视剧", "documentary": "纪录片", "programme": "节目", "book": "书",
                "site": "展馆", "person": "事迹"}[self.kind]


@dataclass(frozen=True)
class Family:
    """A family of parallel headings: a pattern and the words that fill its slots."""

    name: str
    label: str
    pattern: str
    tag: str
    slots: dict[str, dict[str, tuple[str, ...]]]
    kinds: tuple[str, ...] = ()  # empty: any kind


@dataclass(frozen=True)
class TitlePattern:
    """A title pattern and its subtitle, for some kinds or topics."""

    pattern: str
    subtitle: str | None  # None: one of the kind's subtitles; "": no subtitle
    kinds: tuple[str, ...] = ()  # empty: any kind
    when: tuple[str, ...] = ()  # words one of which the topic, its pack's name or its work's themes must hold
    keys: tuple[str, ...] = ()  # the key words its verb takes (守好“底线”, never 守好“隐患”); empty: any
    unless: tuple[str, ...] = ()  # words none of which the topic or its pack's name may hold (躬身实践 is no 交流会)


# Packs and works pickle (the compiled cache, a batch's workers) with their prose still pickled: a
# draft reads the names and keywords of every pack to find its own, and the angles, facts and
# sentences of one or two. The bytes are unpickled on the first read of one of those fields.
# A field with a default is a class attribute too, found before ``__getattr__`` is asked: never deferred.
_PACK_HEAVY = ("facts", "lead", "closing", "angles")
_PACK_LIGHT = tuple(f.name for f in fields(Pack) if f.name not in _PACK_HEAVY)
_WORK_HEAVY = ("angles",)
_WORK_LIGHT = tuple(f.name for f in fields(Work) if f.name not in _WORK_HEAVY)
assert not any(hasattr(Pack, n) for n in _PACK_HEAVY) and not any(hasattr(Work, n) for n in _WORK_HEAVY)
_DEFERRED = "_deferred"  # where an object keeps its fields' bytes until they are read


def _deferred_reduce(obj: Pack | Work, light: tuple[str, ...], heavy: tuple[str, ...]) -> tuple[Any, ...]:
    import pickle

    d = obj.__dict__
    blob = d.get(_DEFERRED)  # never read since it was unpickled: the same bytes again
    if blob is None:
        blob = pickle.dumps(tuple(d[n] for n in heavy), protocol=pickle.HIGHEST_PROTOCOL)
    return (_revive, (type(obj), tuple(d[n] for n in light), blob))


def _revive(cls: type[Pack] | type[Work], light: tuple[Any, ...], blob: bytes) -> Pack | Work:
    obj = object.__new__(cls)
    names = _PACK_LIGHT if cls is Pack else _WORK_LIGHT
    obj.__dict__.update(zip(names, light, strict=True))
    obj.__dict__[_DEFERRED] = blob
    return obj


def _deferred_load(obj: Pack | Work, name: str, heavy: tuple[str, ...]) -> Any:
    """A field still pickled (``__getattr__`` runs only for names missing from the instance)."""
    import pickle

    d = obj.__dict__
    blob = d.get(_DEFERRED)
    if blob is None or name not in heavy:
        raise AttributeError(f"{type(obj).__name__!r} object has no attribute {name!r}")
    # Set before the bytes are dropped: a thread reading meanwhile finds either, never neither.
    d.update(zip(heavy, pickle.loads(blob), strict=True))
    d.pop(_DEFERRED, None)
    return d[name]


Step = tuple[tuple[str, ...], bool]  # (alternative templates, optional)
Unit = tuple[Step, ...]
Paragraph = tuple[tuple[str, ...], bool]  # (unit choices, optional); a choice "a>b": b when a does not fit


@dataclass(frozen=True)
class Kind:
    """A kind of occasion (a training, a film, a visit ...): its wording and the paragraphs of its drafts."""

    name: str
    label: str
    piece: str  # how the text names the occasion: 这次培训, 这部影片 ...
    act: str  # what the writer did: 观影, 阅读, 参观, 学习
    subtitle: tuple[str, ...]
    lead: tuple[Paragraph, ...]
    sections: dict[str, tuple[Paragraph, ...]]
    more: tuple[Paragraph, ...]  # paragraphs added, section by section, when a draft is short
    second: tuple[Paragraph, ...]  # a second angle's paragraphs, when a long draft has used up the first
    closing: tuple[Paragraph, ...]
    angles: tuple[Angle, ...]  # the kind's own angles, for topics no pack or work knows
    lead_sig: tuple[str, ...]
    vision: tuple[str, ...]
    # the kind's own wording of shared phrase pools (a student's peers are 同学, not 同志)
    phrases: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True, eq=False)
class Rhetoric:
    """Everything the writer reads, validated; read-only, as every caller shares one."""

    quotes: tuple[QuoteEntry, ...]
    packs: Mapping[str, Pack]
    categories: Mapping[str, Pack]  # packs for a broad field, written with {domain}
    works: Mapping[str, Work]  # by "title:kind"
    kinds: Mapping[str, Kind]
    units: Mapping[str, Unit]
    phrases: Mapping[str, tuple[str, ...]]
    families: Mapping[str, Family]
    titles: tuple[TitlePattern, ...]
    files: Mapping[str, str]  # shown name -> short content hash
    # (name inside its data directory, such as packs/x.yaml; content hash): what the fingerprint covers
    stamps: tuple[tuple[str, str], ...]

    @cached_property
    def quote_by_text(self) -> Mapping[str, QuoteEntry]:
        return MappingProxyType({q.text: q for q in self.quotes})

    def version(self) -> str:
        """One short fingerprint of all data files, recorded in a draft's meta.

        It covers each file's name inside its data directory and its content, not where the
        directory is, so the same data gives the same fingerprint wherever it is installed.
        """
        digest = hashlib.sha256("".join(f"{k}={v};" for k, v in sorted(self.stamps)).encode())
        return digest.hexdigest()[:12]

    def __reduce__(self) -> tuple[Any, ...]:  # the compiled cache: read-only views pickle as dicts
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        plain = {k: dict(v) if isinstance(v, MappingProxyType) else v for k, v in values.items()}
        return (_restore, (plain,))


def _restore(values: dict[str, Any]) -> Rhetoric:
    views: dict[str, Any] = {k: MappingProxyType(v) if isinstance(v, dict) else v for k, v in values.items()}
    return Rhetoric(**views)


class _Checker(Problems):
    """The rules of the data files, on top of the shared problem collector."""

    def mapping(self, value: Any, path: PathKey, known: Iterable[str] | None = None) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.error(path, "应为“键: 值”映射")
            return {}
        if known is not None:
            allowed = set(known)
            for k in value:
                if k not in allowed:
                    self.error((*path, k), f"未知字段“{k}”（见 docs/DATA.md）")
        return value

    def text(self, value: Any, path: PathKey, *, size: int | None = None, optional: bool = False,
             prose: bool = False) -> str | None:
        """A text; ``prose`` texts may hold ``(甲|乙)`` choices and take no final punctuation."""
        if value is None and optional:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool) and not prose:
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            self.error(path, "应为非空文字")
            return None
        text = value.strip()
        if size is not None and len(text) != size:
            self.error(path, f"应为 {size} 个字（现为 {len(text)} 个）：{text}")
        if prose:
            if problem := choice_problem(text):
                self.error(path, f"{problem}：{text}")
            if text.endswith(_END_PUNCT):
                self.error(path, f"末尾不要加标点：{text}")
            if _ASCII_PUNCT.search(CHOICE.sub("", text)):
                self.error(path, f"请用全角标点（，；：“”？！）：{text}")
            if text.count("“") != text.count("”") or text.count("《") != text.count("》"):
                self.error(path, f"引号或书名号不配对：{text}")
        elif any(ch in text for ch in "()|"):
            self.error(path, f"这里不能用 (甲|乙) 选择项，也不能用半角括号：{text}")
        return text

    def texts(self, value: Any, path: PathKey, *, minimum: int = 1, size: int | None = None,
              prose: bool = False) -> tuple[str, ...]:
        if value is None and minimum == 0:
            return ()
        if isinstance(value, str):  # one text where a list is allowed
            value = [value]
        if not isinstance(value, list):
            self.error(path, "应为列表")
            return ()
        out: list[str] = []
        for i, item in enumerate(value):
            text = self.text(item, (*path, i), size=size, prose=prose)
            if text is None:
                continue
            if text in out:
                self.error((*path, i), f"重复：{text}")
            out.append(text)
        if len(value) < minimum:
            self.error(path, f"至少需要 {minimum} 项（现有 {len(value)} 项）")
        return tuple(out)

    def tags(self, value: Any, path: PathKey, minimum: int = 1) -> tuple[str, ...]:
        tags = self.texts(value, path, minimum=minimum)
        for j, t in enumerate(tags):
            if t not in TAGS:
                self.error((*path, j), f"未知的主题标签“{t}”（见 docs/DATA.md）")
        return tags

    def choice(self, value: Any, path: PathKey, options: Sequence[str]) -> str:
        if value not in options:
            self.error(path, f"应为 {' / '.join(options)} 之一")
            return options[0]
        return str(value)



def _read(file: Path, version: int) -> tuple[dict[str, Any], _Checker]:
    from ..yamlsafe import load_documents  # only on a rebuild: a start from the cache needs no YAML

    try:
        docs = load_documents(file)
    except ProblemError as exc:
        raise DataError([exc.problem]) from None
    if len(docs) != 1:
        raise DataError([Problem(str(file), None, "", "数据文件应只含一个 YAML 文档")])
    value, lines = docs[0]
    check = _Checker(str(file), lines)
    data = check.mapping(value, ())
    if data and data.get("version") != version:
        check.error(("version",), f"应为 version: {version}")
    check.raise_if_any(DataError)
    return data, check


def _fact(c: _Checker, raw: Any, p: PathKey) -> Fact | None:
    f = c.mapping(raw, p, ("text", "source", "means", "when", "unless"))
    text = c.text(f.get("text"), (*p, "text"), prose=True)
    source = c.text(f.get("source"), (*p, "source"))
    means = c.text(f.get("means"), (*p, "means"), prose=True)
    when = c.texts(f.get("when"), (*p, "when"), minimum=0)
    unless = c.texts(f.get("unless"), (*p, "unless"), minimum=0)
    return Fact(text, source, means, when, unless) if text and source and means else None


def _lines(c: _Checker, raw: Any, p: PathKey, only: list[Line]) -> tuple[str, ...]:
    """A pack's lead or closing sentences; one written as ``{text, when, unless}`` fits some topics only
    and is added to ``only``."""
    if not isinstance(raw, list):
        return c.texts(raw, p, minimum=2, prose=True)
    plain: list[Any] = []
    for i, item in enumerate(raw):
        if not isinstance(item, dict):
            plain.append(item)
            continue
        q = c.mapping(item, (*p, i), ("text", "when", "unless"))
        text = c.text(q.get("text"), (*p, i, "text"), prose=True)
        when = c.texts(q.get("when"), (*p, i, "when"), minimum=0)
        unless = c.texts(q.get("unless"), (*p, i, "unless"), minimum=0)
        if not when and not unless:
            c.error((*p, i), "写成 text 的句子需要 when 或 unless")
        if text:
            plain.append(text)
            only.append(Line(text, when, unless))
    return c.texts(plain, p, minimum=2, prose=True)


def _facts(c: _Checker, raw: Any, p: PathKey, minimum: int = 0) -> tuple[Fact, ...]:
    if raw is None and not minimum:
        return ()
    if not isinstance(raw, list):
        c.error(p, "应为列表")
        return ()
    if len(raw) < minimum:
        c.error(p, f"至少需要 {minimum} 条事实（现有 {len(raw)} 条）")
    return tuple(f for i, item in enumerate(raw) if (f := _fact(c, item, (*p, i))) is not None)


_ANGLE_FIELDS = ("term", "role", "themes", "claim", "why", "facts", "scene", "pairs", "resolve", "detail", "when",
                 "quotes", "unless", "writers")


def _angle(c: _Checker, raw: Any, p: PathKey, origin: str, *, work: bool = False) -> Angle | None:
    a = c.mapping(raw, p, _ANGLE_FIELDS)
    if not a:
        return None
    work = work or "detail" in a  # an angle on a work or a visit: a detail instead of scenes and pairs
    term = c.text(a.get("term"), (*p, "term"), size=4) or ""
    role = c.choice(a.get("role"), (*p, "role"), ROLES)
    themes = c.tags(a.get("themes"), (*p, "themes"))
    claim = c.texts(a.get("claim"), (*p, "claim"), prose=True)
    why = c.texts(a.get("why"), (*p, "why"), minimum=1 if work else 2, prose=True)
    raw_pairs = a.get("pairs")
    # a work's angle may carry one pair: the writer's own failing that its lesson answers
    pairs = _pairs(c, raw_pairs, (*p, "pairs"), 1 if work else 2) if raw_pairs is not None or not work else []
    return Angle(
        term=term, role=role, themes=themes, claim=claim, why=why,
        facts=_facts(c, a.get("facts"), (*p, "facts")),
        scene=c.texts(a.get("scene"), (*p, "scene"), minimum=0 if work else 1, prose=True),
        pairs=tuple(pairs),
        resolve=c.texts(a.get("resolve"), (*p, "resolve"), prose=True),
        detail=c.texts(a.get("detail"), (*p, "detail"), minimum=1 if work else 0, prose=True),
        origin=origin,
        when=c.texts(a.get("when"), (*p, "when"), minimum=0),
        quotes=c.texts(a.get("quotes"), (*p, "quotes"), minimum=0),
        unless=c.texts(a.get("unless"), (*p, "unless"), minimum=0),
        writers=_writers(c, a.get("writers"), (*p, "writers")),
    )


WRITERS = ("学生", "教师", "职工")  # who writes about a contest (Frame.writer)


def _writers(c: _Checker, raw: Any, p: PathKey) -> tuple[str, ...]:
    writers = c.texts(raw, p, minimum=0)
    for j, w in enumerate(writers):
        if w not in WRITERS:
            c.error((*p, j), f"未知的作者“{w}”，应为 {' / '.join(WRITERS)} 之一")
    return writers


def _angles(c: _Checker, raw: Any, p: PathKey, origin: str, *, work: bool = False,
            per_role: int = 2) -> tuple[Angle, ...]:
    if not isinstance(raw, list):
        c.error(p, "应为列表")
        return ()
    out = tuple(x for i, item in enumerate(raw) if (x := _angle(c, item, (*p, i), origin, work=work)) is not None)
    terms = [x.term for x in out]
    for i, t in enumerate(terms):
        if t in terms[:i]:
            c.error((*p, i, "term"), f"重复：{t}")
    for r in ROLES:
        n = sum(x.role == r for x in out)
        if n < per_role:
            c.error(p, f"角色 {r} 至少需要 {per_role} 个角度（现有 {n} 个）")
    return out


_PACK_FIELDS = ("version", "name", "kind", "aliases", "keywords", "exclude", "domain", "subject", "occasion",
                "audience", "roles", "themes", "keys", "facts", "lead", "closing", "angles", "angles_from", "focuses")


def _pairs(c: _Checker, raw: Any, p: PathKey, minimum: int = 2) -> list[Pair]:
    if not isinstance(raw, list) or len(raw) < minimum:
        c.error(p, f"至少需要 {minimum} 对 problem / measure")
        raw = raw if isinstance(raw, list) else []
    pairs: list[Pair] = []
    for j, pr in enumerate(raw):
        q = c.mapping(pr, (*p, j), ("problem", "measure"))
        problem = c.text(q.get("problem"), (*p, j, "problem"), prose=True)
        measure = c.text(q.get("measure"), (*p, j, "measure"), prose=True)
        if problem and measure:
            pairs.append(Pair(problem, measure))
    return pairs


def _focuses(c: _Checker, raw: Any, p: PathKey) -> tuple[Focus, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        c.error(p, "应为列表")
        return ()
    out: list[Focus] = []
    for i, item in enumerate(raw):
        f = c.mapping(item, (*p, i), ("name", "keys", "scene", "pairs", "facts", "subject"))
        name = c.text(f.get("name"), (*p, i, "name")) or ""
        if any(x.name == name for x in out):
            c.error((*p, i, "name"), f"重复：{name}")
        out.append(Focus(
            name=name,
            keys=c.texts(f.get("keys"), (*p, i, "keys"), minimum=1),
            scene=c.texts(f.get("scene"), (*p, i, "scene"), minimum=1, prose=True),
            pairs=tuple(_pairs(c, f.get("pairs"), (*p, i, "pairs"))),
            facts=_facts(c, f.get("facts"), (*p, i, "facts")),
            subject=c.texts(f.get("subject"), (*p, i, "subject"), minimum=0),
        ))
    return tuple(out)


def _pack(file: Path) -> Pack:
    d, c = _read(file, 2)
    c.mapping(d, (), _PACK_FIELDS)
    keys = c.texts(d.get("keys"), ("keys",), minimum=3, size=2)
    domain = c.text(d.get("domain"), ("domain",)) or ""
    # A pack that borrows its angles (angles_from) may have none: it is one law's or one document's facts.
    angles_from = c.text(d.get("angles_from"), ("angles_from",)) or "" if "angles_from" in d else ""
    borrowed = bool(angles_from) and "angles" not in d
    if domain and not 2 <= len(domain) <= 6:
        c.error(("domain",), "应为 2–6 个字")
    only: list[Line] = []
    pack = Pack(
        key=file.stem,
        name=c.text(d.get("name"), ("name",)) or "",
        kind=c.choice(d.get("kind"), ("kind",), KINDS),
        aliases=c.texts(d.get("aliases"), ("aliases",), minimum=2),
        keywords=c.texts(d.get("keywords"), ("keywords",), minimum=3),
        exclude=c.texts(d.get("exclude"), ("exclude",), minimum=0),
        domain=domain,
        subject=c.texts(d.get("subject"), ("subject",), minimum=1),
        occasion=c.texts(d.get("occasion"), ("occasion",), minimum=1),
        audience=c.text(d.get("audience"), ("audience",)) or "",
        roles=c.texts(d.get("roles"), ("roles",), minimum=1),
        themes=c.tags(d.get("themes"), ("themes",), minimum=2),
        keys=keys,
        facts=_facts(c, d.get("facts"), ("facts",)),
        lead=_lines(c, d.get("lead"), ("lead",), only),
        closing=_lines(c, d.get("closing"), ("closing",), only),
        angles=() if borrowed else _angles(c, d.get("angles"), ("angles",), f"pack:{file.stem}"),
        focuses=_focuses(c, d.get("focuses"), ("focuses",)),
        angles_from=angles_from,
        only=tuple(only),
    )
    if not pack.facts and not any(a.facts for a in pack.angles):
        c.error(("facts",), "主题包至少需要一条事实（facts）")
    c.raise_if_any(DataError)
    return pack


def _works(file: Path) -> list[Work]:
    d, c = _read(file, 2)
    out: list[Work] = []
    items = d.get("works")
    if not isinstance(items, list):
        c.error(("works",), "应为列表")
        items = []
    fields = ("title", "kind", "year", "creator", "aliases", "about", "people", "themes", "source", "lines",
              "angles", "readers")
    for i, raw in enumerate(items):
        p: PathKey = ("works", i)
        w = c.mapping(raw, p, fields)
        title = c.text(w.get("title"), (*p, "title")) or ""
        if "《" in title or "》" in title:
            c.error((*p, "title"), "作品名不带书名号")
        year = w.get("year")
        if year is None and w.get("kind") == "book":
            year = 0  # an ancient book whose year is not known (《论语》): its age is told in `source`
        elif not isinstance(year, int) or isinstance(year, bool) or not 1 <= year <= 2100:
            c.error((*p, "year"), "应为年份（整数）")
            year = 0
        out.append(Work(
            title=title,
            kind=c.choice(w.get("kind"), (*p, "kind"), WORK_KINDS),
            year=year,
            creator=c.text(w.get("creator"), (*p, "creator"), optional=True),
            aliases=c.texts(w.get("aliases"), (*p, "aliases"), minimum=0),
            about=c.text(w.get("about"), (*p, "about"), prose=True) or "",
            people=c.texts(w.get("people"), (*p, "people"), minimum=0),
            themes=c.tags(w.get("themes"), (*p, "themes")),
            source=c.text(w.get("source"), (*p, "source")) or "",
            angles=_angles(c, w.get("angles"), (*p, "angles"), f"work:{title}", work=True, per_role=1),
            readers=_readers(c, w.get("readers"), (*p, "readers")),
        ))
    c.raise_if_any(DataError)
    return out


def _readers(c: _Checker, raw: Any, p: PathKey) -> tuple[str, ...]:
    """``readers: [学生, 成人]``: who writes about the work, the usual writer first; absent: adults."""
    if raw is None:
        return ("成人",)
    readers = c.texts(raw, p, minimum=1)
    for j, r in enumerate(readers):
        if r not in READERS:
            c.error((*p, j), f"读者应为 {' / '.join(READERS)} 之一，而不是“{r}”")
    return tuple(r for r in readers if r in READERS) or ("成人",)


def _quotes(file: Path) -> list[QuoteEntry]:
    d, c = _read(file, 2)
    out: list[QuoteEntry] = []
    items = d.get("quotes")
    if not isinstance(items, list):
        c.error(("quotes",), "应为列表")
        items = []
    for i, raw in enumerate(items):
        p: PathKey = ("quotes", i)
        q = c.mapping(raw, p, ("text", "author", "work", "kind", "tags", "roles", "point"))
        text = c.text(q.get("text"), (*p, "text"))
        if text and (text[0] in "“‘\"" or text.endswith("。")):
            c.error((*p, "text"), "引文不带外围引号，也不以句号结尾")
        kind = c.choice(q.get("kind"), (*p, "kind"), QUOTE_KINDS)
        author = c.text(q.get("author"), (*p, "author"), optional=True)
        work = c.text(q.get("work"), (*p, "work"), optional=True)
        if kind != "proverb" and not (author or work):
            c.error((*p, "work"), "除俗语外，引文必须注明作者或出处")
        tags = c.tags(q.get("tags"), (*p, "tags"))
        roles = c.texts(q.get("roles"), (*p, "roles"))
        for j, r in enumerate(roles):
            if r not in QUOTE_ROLES:
                c.error((*p, "roles", j), f"应为 {' / '.join(QUOTE_ROLES)} 之一")
        point = c.text(q.get("point"), (*p, "point"), prose=True) or ""
        if text:
            out.append(QuoteEntry(text, author, work, kind, tags, roles, point))
    c.raise_if_any(DataError)
    return out


def _families(file: Path) -> list[Family]:
    data, c = _read(file, 1)
    out: list[Family] = []
    for i, raw in enumerate(data.get("families") or []):
        p: PathKey = ("families", i)
        f = c.mapping(raw, p)
        name = c.text(f.get("name"), (*p, "name")) or ""
        label = c.text(f.get("label"), (*p, "label")) or name
        pattern = c.text(f.get("pattern"), (*p, "pattern")) or ""
        tag = c.text(f.get("tag"), (*p, "tag")) or ""
        slots: dict[str, dict[str, tuple[str, ...]]] = {}
        for slot, by_role in c.mapping(f.get("slots"), (*p, "slots")).items():
            sp = (*p, "slots", slot)
            roles = c.mapping(by_role, sp)
            slots[slot] = {r: c.texts(roles.get(r), (*sp, r), minimum=1) for r in ROLES}
            lengths = {len(x) for fill in slots[slot].values() for x in fill}
            if len(lengths) > 1:
                c.error(sp, "同一槽位的填充词必须等长，三个小标题才能对仗")
        for used in SLOT.findall(pattern):
            if used not in slots and used != "term":
                c.error((*p, "pattern"), f"模式用到了未定义的槽位 {{{used}}}")
        if tag and tag not in slots and tag != "term":
            c.error((*p, "tag"), f"tag 应为该族的一个槽位名，而不是“{tag}”")
        out.append(Family(name, label, pattern, tag, slots, _kind_list(c, f.get("kinds"), (*p, "kinds"))))
    c.raise_if_any(DataError)
    return out


def _kind_list(c: _Checker, raw: Any, p: PathKey) -> tuple[str, ...]:
    """A ``kinds`` list: the kinds a family or title is for (empty: any)."""
    kinds = c.texts(raw, p, minimum=0)
    for j, k in enumerate(kinds):
        if k not in KINDS:
            c.error((*p, j), f"未知的类型“{k}”")
    return kinds


TITLE_SLOTS = frozenset({"key", "name", "domain", "subject", "object", "occasion", "plain"})


def _titles(file: Path) -> list[TitlePattern]:
    data, c = _read(file, 2)
    out: list[TitlePattern] = []
    for i, raw in enumerate(data.get("titles") or []):
        p: PathKey = ("titles", i)
        t = c.mapping(raw, p, ("pattern", "subtitle", "kinds", "when", "keys", "unless", "source"))
        pattern = c.text(t.get("pattern"), (*p, "pattern"))
        subtitle = c.text(t.get("subtitle"), (*p, "subtitle"), optional=True)
        if subtitle is None and "subtitle" in t:
            subtitle = ""  # written as null: this title stands alone
        if subtitle and not subtitle.startswith("——"):
            c.error((*p, "subtitle"), "副标题应以“——”开头")
        kinds = _kind_list(c, t.get("kinds"), (*p, "kinds"))
        for s in SLOT.findall((pattern or "") + (subtitle or "")):
            if s not in TITLE_SLOTS:
                c.error((*p, "pattern"), f"标题不能用槽位 {{{s}}}")
        when = c.texts(t.get("when"), (*p, "when"), minimum=0)
        keys = c.texts(t.get("keys"), (*p, "keys"), minimum=0)
        unless = c.texts(t.get("unless"), (*p, "unless"), minimum=0)
        if keys and "{key}" not in (pattern or ""):
            c.error((*p, "keys"), "只有用到 {key} 的标题才能限定 keys")
        if pattern:
            out.append(TitlePattern(pattern, subtitle, kinds, when, keys, unless))
    c.raise_if_any(DataError)
    return out


_UNIT_CHOICE = re.compile(r"[?+]?[a-z_]+([>|][a-z_]+)*")


def _paragraphs(c: _Checker, raw: Any, p: PathKey) -> tuple[Paragraph, ...]:
    if not isinstance(raw, list):
        c.error(p, "应为段落列表，每段是单元名的列表")
        return ()
    out: list[Paragraph] = []
    for i, para in enumerate(raw):
        names = para if isinstance(para, list) else [para]
        for j, n in enumerate(names):
            if not isinstance(n, str) or not _UNIT_CHOICE.fullmatch(n):
                c.error((*p, i, j), f"应为单元名，如 q_open、a|b、a>b、?a：{n}")
                names = []
        if names:
            out.append((tuple(n.lstrip("?") for n in names), names[0].startswith("?")))
    return tuple(out)


def _steps(c: _Checker, raw: Any, p: PathKey) -> Unit:
    if not isinstance(raw, list) or not raw:
        c.error(p, "单元应为步骤列表")
        return ()
    steps: list[Step] = []
    for i, step in enumerate(raw):
        items = step if isinstance(step, list) else [step]
        optional = bool(items) and isinstance(items[0], str) and items[0].startswith("?")
        bare = [x[1:] if isinstance(x, str) and x.startswith("?") else x for x in items]
        steps.append((c.texts(bare, (*p, i), prose=True), optional))
    return tuple(steps)


_KIND_FIELDS = ("label", "piece", "act", "subtitle", "lead", "sections", "more", "second", "closing", "angles",
                "lead_sig", "vision", "phrases")


def _kinds(file: Path) -> tuple[dict[str, Kind], dict[str, Unit], dict[str, tuple[str, ...]]]:
    d, c = _read(file, 2)
    phrases = {k: c.texts(v, ("phrases", k), prose=True)
               for k, v in c.mapping(d.get("phrases") or {}, ("phrases",)).items()}
    units = {k: _steps(c, v, ("units", k)) for k, v in c.mapping(d.get("units") or {}, ("units",)).items()}
    kinds: dict[str, Kind] = {}
    for name, raw in c.mapping(d.get("kinds") or {}, ("kinds",)).items():
        p: PathKey = ("kinds", name)
        if name not in KINDS:
            c.error(p, f"未知的类型“{name}”，应为 {' / '.join(KINDS)} 之一")
        k = c.mapping(raw, p, _KIND_FIELDS)
        secs = c.mapping(k.get("sections"), (*p, "sections"), ROLES)
        kinds[name] = Kind(
            name=name,
            label=c.text(k.get("label"), (*p, "label")) or name,
            piece=c.text(k.get("piece"), (*p, "piece")) or "",
            act=c.text(k.get("act"), (*p, "act"), optional=True) or "学习",
            subtitle=c.texts(k.get("subtitle"), (*p, "subtitle"), prose=True),
            lead=_paragraphs(c, k.get("lead"), (*p, "lead")),
            sections={r: _paragraphs(c, secs.get(r), (*p, "sections", r)) for r in ROLES},
            more=_paragraphs(c, k.get("more") or [], (*p, "more")),
            second=_paragraphs(c, k.get("second") or [], (*p, "second")),
            closing=_paragraphs(c, k.get("closing"), (*p, "closing")),
            angles=_angles(c, k.get("angles"), (*p, "angles"), f"kind:{name}", per_role=1),
            lead_sig=c.texts(k.get("lead_sig"), (*p, "lead_sig"), prose=True),
            vision=c.texts(k.get("vision"), (*p, "vision"), prose=True),
            phrases=tuple((n, c.texts(v, (*p, "phrases", n), prose=True))
                          for n, v in c.mapping(k.get("phrases") or {}, (*p, "phrases")).items()),
        )
        for n, _ in kinds[name].phrases:
            if n not in phrases:
                c.error((*p, "phrases", n), f"phrases 中没有“{n}”，类型只能改写已有的短语")
    c.raise_if_any(DataError)
    return kinds, units, phrases


def _category(file: Path) -> Pack:
    """A pack for a broad field (安全教育, 生态环保 …): no facts, prose written with {domain}."""
    d, c = _read(file, 2)
    c.mapping(d, (), ("version", "name", "kind", "keywords", "exclude", "audience", "themes", "keys", "lead",
                      "closing", "angles", "focuses", "packs"))
    only: list[Line] = []  # a plant's 产品质量 is no 监理's: a category's lines may fit some topics only, as a pack's
    pack = Pack(
        key=file.stem, name=c.text(d.get("name"), ("name",)) or "", kind=c.choice(d.get("kind"), ("kind",), KINDS),
        aliases=(), keywords=c.texts(d.get("keywords"), ("keywords",), minimum=3),
        exclude=c.texts(d.get("exclude"), ("exclude",), minimum=0), domain="",
        subject=(), occasion=(), audience=c.text(d.get("audience"), ("audience",)) or "", roles=(),
        themes=c.tags(d.get("themes"), ("themes",), minimum=2),
        keys=c.texts(d.get("keys"), ("keys",), minimum=1, size=2), facts=(),
        lead=_lines(c, d.get("lead"), ("lead",), only),
        closing=_lines(c, d.get("closing"), ("closing",), only),
        angles=_angles(c, d.get("angles"), ("angles",), f"category:{file.stem}"),
        focuses=_focuses(c, d.get("focuses"), ("focuses",)),
        carries=c.texts(d.get("packs"), ("packs",), minimum=0),
        only=tuple(only),
    )
    c.raise_if_any(DataError)
    return pack


def data_dirs(extra: Sequence[Path] = ()) -> list[Path]:
    """Data directories from lowest to highest precedence: built-in, per-user, ``--data-dir``."""
    dirs = [builtin_data_dir(), user_data_dir(), *extra]
    return [d for d in dirs if d.is_dir()]


def data_files(dirs: Iterable[Path], pattern: str) -> list[Path]:
    return [f for d in dirs for f in sorted(d.glob(pattern)) if f.is_file()]


def load_rhetoric(extra_dirs: Sequence[Path] = ()) -> Rhetoric:
    """Load built-in data, then the user's and ``extra_dirs`` on top; raise DataError on problems.

    The validated data is kept compiled in the user's cache directory, keyed by the version and
    the content of every data file: any change to any file rebuilds it, and a cache file that does
    not verify is ignored and rewritten. A start finds its compiled data through an index keyed by
    each file's size, times and inode (no file read); whatever that index names must still verify.
    """
    for d in extra_dirs:
        if not d.is_dir():
            raise DataError([Problem(str(d), None, "", "数据目录不存在")])
    dirs = tuple(data_dirs(extra_dirs))
    return _load(dirs, _stamps(dirs))


def _stamps(dirs: Iterable[Path]) -> tuple[tuple[str, int, int, int, int], ...]:
    """Every file ``data_files(dirs, "**/*.yaml")`` can list (and perhaps a FIFO it would not), with
    its size, times and inode. os.walk does not enter linked directories, as that glob does not,
    and takes a tenth of its time."""
    import os

    out: list[tuple[str, int, int, int, int]] = []
    for d in dirs:
        for root, subdirs, names in os.walk(d):
            subdirs.sort()
            for name in sorted(names):
                if name.endswith(".yaml"):
                    path = os.path.join(root, name)
                    try:
                        st = os.stat(path)
                    except OSError:  # gone, or a broken link: the rebuild reports it if it matters
                        out.append((path, -1, -1, -1, -1))
                        continue
                    out.append((path, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    return tuple(out)


_T = TypeVar("_T")
_CACHE_MAGIC = b"xindegen-rhetoric-3\n"
_INDEX_MAGIC = b"xindegen-rhetoric-index-3\n"


def _code_key() -> hashlib._Hash:
    """The version and the code that builds the data: a new release or an edited module rebuilds."""
    return hashlib.sha256(__version__.encode() + Path(__file__).read_bytes())


@lru_cache(maxsize=4)
def _load(dirs: tuple[Path, ...], stamps: tuple[tuple[str, int, int, int, int], ...]) -> Rhetoric:
    index_key = _code_key()
    for stamp in stamps:
        index_key.update(repr(stamp).encode())
    index = _index_file(index_key.hexdigest())
    try:
        blob = index.read_bytes()
    except OSError:
        blob = b""
    if blob.startswith(_INDEX_MAGIC) and len(blob) == len(_INDEX_MAGIC) + 64:
        cached = _read_cache(blob[len(_INDEX_MAGIC):].decode("ascii", "replace"))
        if cached is not None:
            return cached
    sources: dict[Path, bytes] = {}
    for f in data_files(dirs, "**/*.yaml"):
        try:
            sources[f] = read_user_file(f)
        except InputError as exc:  # over the size cap, or replaced by a FIFO since the listing
            raise DataError([Problem(str(f), None, "", exc.message)]) from None
    key = _code_key()
    for f, data in sources.items():
        key.update(f"{f}\0{len(data)}\0".encode() + data)
    rh = _read_cache(key.hexdigest())
    if rh is None:
        rh = _build(dirs, sources)
        _write_cache(key.hexdigest(), rh)
    # The index is written last, after the files were read: a file changed while they were read
    # has other stamps by now, so this index is never found again for its new content.
    keep(index, _INDEX_MAGIC + key.hexdigest().encode(), "rhetoric-*.index")
    return rh


def _cache_file(key: str) -> Path:
    return user_cache_dir() / f"rhetoric-{key[:24]}.pickle"


def _index_file(key: str) -> Path:
    return user_cache_dir() / f"rhetoric-{key[:24]}.index"


def _read_cache(key: str) -> Rhetoric | None:
    """The compiled data for ``key``, or None when there is none or it does not verify."""
    import gc
    import pickle

    payload = read_sealed(_cache_file(key), _CACHE_MAGIC, key)
    if payload is None:
        return None
    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of new objects and no garbage: no collection passes over them meanwhile
    try:
        rh = pickle.loads(payload)
        # Kept for the life of the process and free of cycles (reference counting frees it): out of
        # the collector's sight, which would otherwise walk all of it in the collections to come.
        gc.freeze()
    except Exception:  # a cache written by another version of a library: rebuild it
        return None
    finally:
        if collecting:
            gc.enable()
    return rh if isinstance(rh, Rhetoric) else None


def _write_cache(key: str, rh: Rhetoric) -> None:
    """Keep ``rh`` compiled for the next run; a cache that cannot be written is simply not kept."""
    import pickle

    write_sealed(_cache_file(key), _CACHE_MAGIC, key, pickle.dumps(rh, protocol=pickle.HIGHEST_PROTOCOL),
                 "rhetoric-*.pickle")


def _build(dirs: tuple[Path, ...], contents: dict[Path, bytes]) -> Rhetoric:
    files: dict[str, str] = {}
    stamps: list[tuple[str, str]] = []
    problems: list[Problem] = []

    def each(pattern: str) -> Iterable[Path]:
        for d in dirs:
            for f in data_files([d], pattern):
                digest = hashlib.sha256(contents.get(f) or f.read_bytes()).hexdigest()[:12]
                files[str(f)] = digest
                stamps.append((f.relative_to(d).as_posix(), digest))
                yield f

    def collect(read: Callable[[Path], _T], f: Path) -> _T | None:
        try:
            return read(f)
        except DataError as exc:
            problems.extend(exc.problems)
            return None

    quotes: dict[str, QuoteEntry] = {}
    for f in each("quotes*.yaml"):
        quotes.update((q.text, q) for q in collect(_quotes, f) or [])
    packs = {p.key: p for f in each("packs/*.yaml") if (p := collect(_pack, f))}
    for key, p in packs.items():  # a pack of facts argues with the angles of the pack it names
        if p.angles_from:
            if p.angles_from not in packs or packs[p.angles_from].angles_from:
                problems.append(Problem(f"packs/{key}.yaml", None, "angles_from",
                                        f"没有可借用角度的主题包“{p.angles_from}”"))
            elif not p.angles:
                # the angles without their own facts (法治学习's 普法 facts are no part of this law's draft)
                packs[key] = replace(p, angles=tuple(replace(a, facts=()) for a in packs[p.angles_from].angles))
    categories = {p.key: p for f in each("categories/*.yaml") if (p := collect(_category, f))}
    works: dict[str, Work] = {}
    for f in each("works/*.yaml"):
        # by title and kind: the book 《长征》 and the series 《长征》 are two works
        works.update((f"{w.title}:{w.kind}", w) for w in collect(_works, f) or [])
    kinds: dict[str, Kind] = {}
    units: dict[str, Unit] = {}
    phrases: dict[str, tuple[str, ...]] = {}
    for f in each("kinds.yaml"):
        if (found := collect(_kinds, f)) is not None:
            kinds.update(found[0])
            units.update(found[1])
            phrases.update(found[2])
    families: dict[str, Family] = {}
    for f in each("families.yaml"):
        families.update((fam.name, fam) for fam in collect(_families, f) or [])
    titles: dict[str, TitlePattern] = {}
    for f in each("titles.yaml"):
        titles.update((t.pattern, t) for t in collect(_titles, f) or [])
    rh = Rhetoric(
        quotes=tuple(quotes.values()), packs=MappingProxyType(packs), categories=MappingProxyType(categories),
        works=MappingProxyType(works), kinds=MappingProxyType(kinds), units=MappingProxyType(units),
        phrases=MappingProxyType(phrases), families=MappingProxyType(families), titles=tuple(titles.values()),
        files=MappingProxyType(files), stamps=tuple(stamps),
    )
    problems.extend(_cross_check(rh))
    if problems:
        raise DataError(problems)
    return rh


def _cross_check(rh: Rhetoric) -> list[Problem]:
    """References between files: every unit a kind names; every kind the writer needs."""
    out: list[Problem] = []
    for k in rh.kinds.values():
        parts = [*k.lead, *k.closing, *k.more, *k.second, *(p for r in ROLES for p in k.sections[r])]
        for names, _ in parts:
            for choice in names:
                for n in re.split(r"[>|]", choice.lstrip("+")):
                    if n not in rh.units:
                        out.append(Problem("kinds.yaml", None, f"kinds.{k.name}", f"未定义的单元“{n}”"))
    homes = [(f"packs/{k}.yaml", "angles", p.angles) for k, p in rh.packs.items()]
    homes += [(f"categories/{k}.yaml", "angles", p.angles) for k, p in rh.categories.items()]
    homes += [("works", f"{t}.angles", w.angles) for t, w in rh.works.items()]
    homes += [("kinds.yaml", f"kinds.{k}.angles", kind.angles) for k, kind in rh.kinds.items()]
    for file, path, angles in homes:
        for i, a in enumerate(angles):
            for text in a.quotes:
                if text not in rh.quote_by_text:
                    out.append(Problem(file, None, f"{path}.{i}.quotes", f"语录库中没有这一条：{text[:20]}"))
    if set(KINDS) - set(rh.kinds):
        missing = "、".join(sorted(set(KINDS) - set(rh.kinds)))
        out.append(Problem("kinds.yaml", None, "kinds", f"缺少类型：{missing}"))
    return out
