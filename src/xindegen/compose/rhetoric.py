"""Load and validate the rhetoric data that drives the generator (format: docs/DATA.md).

Built-in files live in ``xindegen/compose/data``; a user's ``--data-dir`` and the per-user config
directory hold files of the same kinds. A user file with the same name as a built-in one replaces
it; ``quotes.yaml``, ``families.yaml`` and ``titles.yaml`` from users add entries (an entry with
the same key replaces the built-in one); ``moves.yaml`` symbols add or replace per symbol.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from ..errors import DataError, Problem
from ..paths import builtin_data_dir, user_data_dir
from ..yamlsafe import (
    PathKey,
    ProblemError,
    Problems,
    load_documents,
)
from .grammar import SLOT, choice_problem

ROLES = ("thinking", "ability", "action")
QUOTE_ROLES = (*ROLES, "lead", "closing")
QUOTE_KINDS = ("classic", "poem", "proverb", "statement")
TERM_KEYS = ("subject", "short", "occasion", "goal", "value", "keyword")
SENTENCE_KEYS = ("significance", "problem", "measure", "reflection", "vision")
TAGS = frozenset({
    "学习", "思想", "信念", "初心", "担当", "实干", "落实", "作风", "廉洁", "自律", "纪律", "规矩",
    "法治", "人民", "调查研究", "问题导向", "创新", "改革", "责任", "安全", "忧患", "团结", "奉献", "服务",
    "青年", "教育", "师德", "读书", "修身", "坚持", "积累", "细节", "诚信", "历史", "农业", "发展",
    "保密", "节俭", "奋斗", "志向", "本领", "惜时", "生态", "健康", "民生", "公正", "监督", "反思",
    "谦虚", "合作", "传承",
})
_T = TypeVar("_T")
_END_PUNCT = tuple("。，、；：！？,.;:!?")


@dataclass(frozen=True)
class QuoteEntry:
    text: str
    author: str | None
    work: str | None
    kind: str
    tags: tuple[str, ...]
    roles: tuple[str, ...]

    @property
    def source(self) -> str | None:
        """``author`` + ``work`` as cited in an outline: 杜甫《春夜喜雨》, 《论语·为政》; 俗语 for a proverb."""
        joined = (self.author or "") + (self.work or "")
        return joined or ("俗语" if self.kind == "proverb" else None)


@dataclass(frozen=True)
class Pack:
    key: str  # file stem, e.g. anquan_shengchan
    name: str
    aliases: tuple[str, ...]
    keywords: tuple[str, ...]
    tags: tuple[str, ...]
    audience: str
    terms: Mapping[str, tuple[str, ...]]
    heading: Mapping[str, tuple[str, ...]]
    sentences: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class Family:
    name: str
    label: str
    pattern: str
    tag: str
    slots: Mapping[str, Mapping[str, tuple[str, ...]]]


@dataclass(frozen=True)
class TitlePattern:
    pattern: str
    subtitle: str | None


@dataclass(frozen=True, eq=False)
class Rhetoric:
    """Everything the generator reads, validated; read-only, as every caller shares one."""

    quotes: tuple[QuoteEntry, ...]
    packs: Mapping[str, Pack]
    families: Mapping[str, Family]
    titles: tuple[TitlePattern, ...]
    moves: Mapping[str, Mapping[str, tuple[str, ...]]]
    generic: Pack | None  # generic.yaml: phrases with {core}, for any topic
    files: Mapping[str, str]  # shown name -> short content hash
    # (name inside its data directory, such as packs/x.yaml; content hash): what the fingerprint covers
    stamps: tuple[tuple[str, str], ...]

    def version(self) -> str:
        """One short fingerprint of all data files, recorded in a draft's meta.

        It covers each file's name inside its data directory and its content, not where the
        directory is, so the same data gives the same fingerprint wherever it is installed.
        """
        digest = hashlib.sha256("".join(f"{k}={v};" for k, v in sorted(self.stamps)).encode())
        return digest.hexdigest()[:12]


class _Checker(Problems):
    """The rules of the rhetoric data files, on top of the shared problem collector."""

    def mapping(self, value: Any, path: PathKey) -> dict[str, Any]:
        if isinstance(value, dict):
            return value
        self.error(path, "应为“键: 值”映射")
        return {}

    def text(self, value: Any, path: PathKey, *, size: int | None = None,
             optional: bool = False) -> str | None:
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            self.error(path, "应为非空文字")
            return None
        text = str(value).strip()
        if size is not None and len(text) != size:
            self.error(path, f"应为 {size} 个字（现为 {len(text)} 个）：{text}")
        return text

    def texts(self, value: Any, path: PathKey, *, minimum: int = 1, size: int | None = None,
              phrase: bool = False, wordings: bool = False) -> tuple[str, ...]:
        """A list of texts; ``wordings``: they may hold ``(甲|乙)`` choices (sentences, moves)."""
        if not isinstance(value, list):
            self.error(path, "应为列表")
            return ()
        out: list[str] = []
        for i, item in enumerate(value):
            text = self.text(item, (*path, i), size=size)
            if text is None:
                continue
            if phrase and text.endswith(_END_PUNCT):
                self.error((*path, i), f"短语末尾不要加标点：{text}")
            if wordings and (problem := choice_problem(text)):
                self.error((*path, i), f"{problem}：{text}")
            elif not wordings:
                self.no_choices((*path, i), text)
            if text in out:
                self.error((*path, i), f"重复：{text}")
            out.append(text)
        if len(value) < minimum:
            self.error(path, f"至少需要 {minimum} 项（现有 {len(value)} 项）")
        return tuple(out)

    def no_choices(self, path: PathKey, text: str | None) -> None:
        """Only sentences and moves vary their wording; elsewhere "(甲|乙)" would print as is."""
        if text and any(ch in text for ch in "()|"):
            self.error(path, f"这里不能用 (甲|乙) 选择项，也不能用半角括号：{text}")


def _read(file: Path) -> tuple[Any, _Checker]:
    try:
        docs = load_documents(file)
    except ProblemError as exc:
        raise DataError([exc.problem]) from None
    if len(docs) != 1:
        raise DataError([Problem(str(file), None, "", "数据文件应只含一个 YAML 文档")])
    value, lines = docs[0]
    check = _Checker(str(file), lines)
    data = check.mapping(value, ())
    if data and data.get("version") != 1:
        check.error(("version",), "应为 version: 1")
    check.raise_if_any(DataError)
    return data, check


def _quotes(file: Path) -> list[QuoteEntry]:
    data, c = _read(file)
    out: list[QuoteEntry] = []
    items = data.get("quotes")
    if not isinstance(items, list):
        c.error(("quotes",), "应为列表")
        items = []
    for i, raw in enumerate(items):
        p: PathKey = ("quotes", i)
        q = c.mapping(raw, p)
        text = c.text(q.get("text"), (*p, "text"))
        if text and (text[0] in "“‘\"" or text.endswith("。")):
            c.error((*p, "text"), "引文不带外围引号，也不以句号结尾")
        kind = q.get("kind")
        if kind not in QUOTE_KINDS:
            c.error((*p, "kind"), f"应为 {' / '.join(QUOTE_KINDS)} 之一")
        author = c.text(q.get("author"), (*p, "author"), optional=True)
        work = c.text(q.get("work"), (*p, "work"), optional=True)
        if kind != "proverb" and not (author or work):
            c.error((*p, "work"), "除俗语外，引文必须注明作者或出处")
        tags = c.texts(q.get("tags"), (*p, "tags"))
        for j, t in enumerate(tags):
            if t not in TAGS:
                c.error((*p, "tags", j), f"未知的主题标签“{t}”（见 docs/DATA.md）")
        roles = c.texts(q.get("roles"), (*p, "roles"))
        for j, r in enumerate(roles):
            if r not in QUOTE_ROLES:
                c.error((*p, "roles", j), f"应为 {' / '.join(QUOTE_ROLES)} 之一")
        if text and isinstance(kind, str):
            out.append(QuoteEntry(text, author, work, kind, tags, roles))
    c.raise_if_any(DataError)
    return out


def _pack(file: Path, generic: bool = False) -> Pack:
    d, c = _read(file)
    name = c.text(d.get("name"), ("name",)) or ""
    aliases = c.texts(d.get("aliases"), ("aliases",), minimum=2)
    keywords = c.texts(d.get("keywords"), ("keywords",), minimum=0 if generic else 6)
    tags = c.texts(d.get("tags"), ("tags",), minimum=4)
    for j, t in enumerate(tags):
        if t not in TAGS:
            c.error(("tags", j), f"未知的主题标签“{t}”（见 docs/DATA.md）")
    audience = c.text(d.get("audience"), ("audience",)) or ""
    terms_raw = c.mapping(d.get("terms"), ("terms",))
    sizes = {"short": 2, "keyword": 2}
    terms = {k: c.texts(terms_raw.get(k), ("terms", k), minimum=0 if generic and k in sizes else 2,
                        size=sizes.get(k), phrase=True)
             for k in TERM_KEYS}
    head_raw = c.mapping(terms_raw.get("heading"), ("terms", "heading"))
    heading = {r: c.texts(head_raw.get(r), ("terms", "heading", r), minimum=3, size=4) for r in ROLES}
    sent_raw = c.mapping(d.get("sentences"), ("sentences",))
    sentences = {k: c.texts(sent_raw.get(k), ("sentences", k), minimum=8, phrase=True, wordings=True)
                 for k in SENTENCE_KEYS}
    c.raise_if_any(DataError)
    return Pack(file.stem, name, aliases, keywords, tags, audience, MappingProxyType(terms),
                MappingProxyType(heading), MappingProxyType(sentences))


def _families(file: Path) -> list[Family]:
    data, c = _read(file)
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
        c.no_choices((*p, "pattern"), pattern)
        for used in SLOT.findall(pattern):
            if used not in slots and used not in ("term", "short"):
                c.error((*p, "pattern"), f"模式用到了未定义的槽位 {{{used}}}")
        if tag and tag not in slots and tag != "term":
            c.error((*p, "tag"), f"tag 应为该族的一个槽位名，而不是“{tag}”")
        out.append(Family(name, label, pattern, tag, MappingProxyType(slots)))
    c.raise_if_any(DataError)
    return out


def _titles(file: Path) -> list[TitlePattern]:
    data, c = _read(file)
    out: list[TitlePattern] = []
    for i, raw in enumerate(data.get("titles") or []):
        p: PathKey = ("titles", i)
        t = c.mapping(raw, p)
        pattern = c.text(t.get("pattern"), (*p, "pattern"))
        subtitle = c.text(t.get("subtitle"), (*p, "subtitle"), optional=True)
        if subtitle and not subtitle.startswith("——"):
            c.error((*p, "subtitle"), "副标题应以“——”开头")
        c.no_choices((*p, "pattern"), pattern)
        c.no_choices((*p, "subtitle"), subtitle)
        if pattern:
            out.append(TitlePattern(pattern, subtitle))
    c.raise_if_any(DataError)
    return out


def _moves(file: Path) -> dict[str, Mapping[str, tuple[str, ...]]]:
    data, c = _read(file)
    out: dict[str, Mapping[str, tuple[str, ...]]] = {}
    for symbol, value in c.mapping(data.get("moves"), ("moves",)).items():
        p: PathKey = ("moves", symbol)
        if isinstance(value, list):  # the same alternatives for every role
            out[symbol] = MappingProxyType({"any": c.texts(value, p, wordings=True)})
        else:
            by_role = c.mapping(value, p)
            for r in by_role:
                if r not in ROLES:
                    c.error((*p, r), f"应为 {' / '.join(ROLES)} 之一")
            out[symbol] = MappingProxyType({r: c.texts(by_role.get(r), (*p, r), wordings=True) for r in ROLES})
    c.raise_if_any(DataError)
    return out


def data_dirs(extra: Sequence[Path] = ()) -> list[Path]:
    """Data directories from lowest to highest precedence: built-in, per-user, ``--data-dir``."""
    dirs = [builtin_data_dir(), user_data_dir(), *extra]
    return [d for d in dirs if d.is_dir()]


def data_files(dirs: Iterable[Path], pattern: str) -> list[Path]:
    return [f for d in dirs for f in sorted(d.glob(pattern)) if f.is_file()]


def load_rhetoric(extra_dirs: Sequence[Path] = ()) -> Rhetoric:
    """Load built-in data, then the user's and ``extra_dirs`` on top; raise DataError on problems."""
    for d in extra_dirs:
        if not d.is_dir():
            raise DataError([Problem(str(d), None, "", "数据目录不存在")])
    return _load(tuple(data_dirs(extra_dirs)), _mtimes(data_dirs(extra_dirs)))


def _mtimes(dirs: Sequence[Path]) -> tuple[float, ...]:
    return tuple(f.stat().st_mtime for f in data_files(dirs, "**/*.yaml"))


@lru_cache(maxsize=4)
def _load(dirs: tuple[Path, ...], _mtimes: tuple[float, ...]) -> Rhetoric:
    files: dict[str, str] = {}
    stamps: list[tuple[str, str]] = []
    problems: list[Problem] = []

    def each(pattern: str) -> Iterable[Path]:
        for d in dirs:
            for f in data_files([d], pattern):
                digest = hashlib.sha256(f.read_bytes()).hexdigest()[:12]
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
    for f in each("quotes.yaml"):
        quotes.update((q.text, q) for q in collect(_quotes, f) or [])
    packs: dict[str, Pack] = {}
    for f in each("packs/*.yaml"):
        pack = collect(_pack, f)
        if pack:
            packs[pack.key] = pack
    generic: Pack | None = None
    for f in each("generic.yaml"):
        generic = collect(lambda f: _pack(f, generic=True), f) or generic
    families: dict[str, Family] = {}
    for f in each("families.yaml"):
        families.update((fam.name, fam) for fam in collect(_families, f) or [])
    titles: dict[str, TitlePattern] = {}
    for f in each("titles.yaml"):
        titles.update((t.pattern, t) for t in collect(_titles, f) or [])
    moves: dict[str, Mapping[str, tuple[str, ...]]] = {}
    for f in each("moves.yaml"):
        moves.update(collect(_moves, f) or {})
    if problems:
        raise DataError(problems)
    return Rhetoric(
        quotes=tuple(quotes.values()), packs=MappingProxyType(packs), families=MappingProxyType(families),
        titles=tuple(titles.values()), moves=MappingProxyType(moves), generic=generic,
        files=MappingProxyType(files), stamps=tuple(stamps),
    )
