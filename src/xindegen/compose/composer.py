"""The composer: writes the units of a draft's plan, filling their slots from the topic frame, the
section's angle, its quotation, the pack's facts, the study material and the writer's brief.

A unit (kinds.yaml) is a few sentences written together so that each follows from the one before;
its slots take items that are fresh in this draft (no fact, scene or pair twice), and every choice is
drawn from a :class:`~.grammar.Dealer`, so the same request and seed give the same draft and the
drafts of a batch take different items and wordings.
"""

from __future__ import annotations

from .. import lazyre as re  # patterns compile on first use: imports stay fast
import functools
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import DataError, InputError, Problem
from ..text import normalize_date
from .frame import COMMENDATION, PUPIL_BOOKS, READ_BOOKS, Frame, build_frame, organiser
from .grammar import CHOICE, Dealer, Spread, fill
from .request import ComposeRequest
from .rhetoric import Angle, Fact, Family, Kind, Pair, QuoteEntry, Rhetoric

_AUDIENCE = (  # who writes, when no pack says: the first pattern found in the topic decides
    (re.compile(r"师德|教师|老师|班主任|课堂|教学|教研|家访|课程思政|国培|听课|评课"), "教师"),
    (re.compile(r"医|护理|护士|患者|卫生|药"), "医务人员"),
    (re.compile(r"警|公安|刑侦"), "民警"),
    (re.compile(r"保安"), "保安员"),
    (re.compile(r"银行|保险|证券"), "金融从业人员"),
    (re.compile(r"学生|军训|开学|毕业|大学|新生|少先队|共青团|团员|研学"), "学生"),
    (re.compile(r"党员|党支部|党纪|党史|党课|入党|主题教育|全会|党的"), "党员"),
)

# The person a trade's topic names: 房地产经纪人职业道德, 铁路客运车站值班员工作, 电力职工职业道德.
_TRADE_PERSON = re.compile(r"(.{2,12}?(?:从业人员|人员|职工|经纪人|(?<![动复])员|师))(?:职业道德|职业操守|作风|工作)?$")
# A post's work (地铁站务员工作, 公交司机工作) is done, not run: no title sets the writer to 做好 or 抓 it
# (blind raters struck "做好地铁站务员工作").
_POST_WORK = re.compile(r"(?<![动复])(员|司机)(岗位)?工作$")
_RUN_WORK = ("做好{subject}", "把{subject}抓")
# A code of conduct typed after its trade (评标专家职业道德): the trade at work is what is done, not the code.
_CODE = re.compile(r"(职业道德|职业操守|职业素养|从业道德)$")

# A student writes with a student's words (同学, 在今后的学习中) whatever the occasion: 挑战杯, 西部计划 …
# A film's wording for works that are not films: a TV series is watched at home, episode by episode,
# and a play is seen on a stage (观看话剧《雷雨》 never 散场后 of a cinema … nor 观影).
_STAGE = re.compile(r"话剧|舞剧|歌剧|音乐剧|舞台剧|情景剧|戏曲|京剧|越剧|黄梅戏|豫剧|川剧|评剧|昆曲|演出|晚会")
_MEDIUM: dict[str, tuple[str, str, tuple[tuple[str, str], ...]]] = {  # piece, act, (film word, its word)
    "series": ("这部剧", "观剧", (("观影", "观剧"), ("散场", "看完"), ("影片", "作品"), ("银幕", "荧屏"))),
    "stage": ("演出", "观演", (("观影", "观演"), ("影片", "作品"), ("银幕", "舞台"))),
    # a model's deeds watched (观看《榜样》专题节目): 观看了, not 学习了; the kind's scenes of printed material
    # read (读材料的当晚, 合上学习材料) are of a programme watched (看完节目的当晚, 看完节目)
    "screen": ("节目", "观看", (("放下手中的材料", "看完节目"), ("合上手中的材料", "看完节目"),
                              ("放下学习材料", "看完节目"), ("合上学习材料", "看完节目"), ("合上材料", "看完节目"),
                              ("学习材料", "看完节目"), ("读了材料", "看了节目"), ("看了材料", "看了节目"),
                              ("读了事迹", "看了节目"), ("读材料", "看完节目"), ("学材料", "看节目"),
                              ("读罢", "看罢"), ("读榜样", "看榜样"), ("读先进", "看先进"), ("读事迹", "看事迹"))),
    "event": ("事迹", "参加", ()),  # a class meeting or activity held on a model (学习雷锋精神主题班会): taken part in
    # a commendation meeting attended (“两优一先”表彰大会): the deeds are heard there, not read in a reader
    "meeting": ("大会", "参加", (("合上手中的材料", "散会后"), ("合上学习材料", "散会后"), ("合上材料", "散会后"),
                               ("放下手中的材料", "散会后"), ("放下学习材料", "散会后"),
                               ("读了事迹", "听了事迹"), ("看了事迹", "听了事迹"), ("读了材料", "听了介绍"),
                               ("看了材料", "听了介绍"), ("学习材料", "开完会"), ("读材料", "开完会"),
                               ("学材料", "开会"), ("学习会", "大会"), ("细读", "了解"), ("读罢", "听罢"),
                               ("读完", "听完"), ("读榜样", "听榜样"), ("读先进", "听先进"), ("读事迹", "听事迹"),
                               ("认真参加", "参加"), ("学习中，", "大会上，"),
                               ("学习时，", "散会后，"))),
    # a cultural programme on television (《典籍里的中国》, 《国家宝藏》): watched on a screen, not in a cinema
    "programme": ("这档节目", "观看", (("观影", "观看"), ("散场", "看完"), ("影片", "节目"), ("银幕", "荧屏"))),
}
_VILLAGE_WORDS = (("结合岗位实际", "结合自身实际"), ("联系岗位实践", "联系自身实践"), ("回到岗位上", "回到村里"),
                  ("回到工作岗位", "回到村里"), ("本职岗位", "自家的活"))
_MODEL_EVENT = re.compile(r"(班会|队会|团日|活动|晚会|故事会|演讲比赛|朗诵会)$")
# A scene of a printed reader handed round and marked (材料发下来…画了线) is no programme watched.
_PRINTED = re.compile(r"读本|画了线|做了记号|发下来|传到手上")
# What a hall shows, and leaving it: a visit to a bridge, a dam, a firm or a village has none of it (走出港珠澳大桥;
# Frame.shows_exhibits)
_EXHIBITED = re.compile(r"展品|展板|展厅|展柜|展陈|看展|讲解员|讲解的同志|原件|老照片|留言墙|留言簿|文物|旧物|"
                        r"老物件|实物|走出")


def _medium(f: Frame) -> str:
    """series or stage when a film's words do not fit the work watched; "" for a film."""
    if f.kind == "model":
        watched = f.programme_watched  # 《榜样9》 is watched, whatever the verb
        if COMMENDATION.search(f.topic) and not watched and not re.search(r"观看|收看|直播|节目", f.topic):
            return "meeting"  # 两优一先表彰大会观后感 was a meeting sat in, whatever the genre word typed
        if watched or re.search(r"观看|收看|节目|观后感|《榜样|榜样\d", f.topic):
            return "screen"
        return "event" if _MODEL_EVENT.search(f.name) else ""
    if f.kind != "film":
        return ""
    if (f.work.kind == "series") if f.work else "电视剧" in f.topic:
        return "series"
    if f.work is not None and f.work.kind == "programme":
        return "programme"
    return "stage" if f.work is None and _STAGE.search(f.topic) else ""


_INSTITUTION = (("法院", ("法官", "法院", "法袍")), ("检察", ("检察官", "检察院", "检徽")))
_MARTYRS = re.compile(r"先烈|英烈|烈士|鲜血|牺牲")
_REVOLUTION = re.compile(r"革命|烈士|起义|战役|抗日|抗战|抗美援朝|红军|八路军|新四军|会议|勇士|一大|根据地")
_STUDENT = re.compile(r"大学生|学生|学子|同学|研究生|挑战杯|少先队|研学|军训|开学")

_ORDINALS = ("一", "二", "三", "四", "五", "六")
_TITLES = re.compile(r"《[^》]*》")

# Words of a working adult's life: a pupil's draft has none of them (回到工作岗位上 in a 读《草房子》有感).
WORK_WORDS = re.compile(r"工作|岗位|干部|履职|职工|员工|同事|同志|单位|业务|本职|机关|党员|职责|上级|下属|群众|基层|"
                        r"职场|任职|在职|从业|下班|上班|加班|领导|组织上|干事创业|为民|服务对象|党组织|支部|大学生")


def _lookup(values: dict[str, str]) -> Callable[[str, str], str]:
    """A ``fill`` resolver over fixed values."""
    return lambda name, _before: values[name]


def _overlap(text: str, angle: Angle) -> int:
    """How many two-character words of ``text`` the angle's term, claim and themes share."""
    grams = {text[i:i + 2] for i in range(len(text) - 1)}
    words = angle.term + "".join(angle.claim) + "".join(angle.themes)
    return sum(g in words for g in grams)


def _is_sentence(text: str) -> bool:
    """Whether the writer wrote a clause of their own (我…, …让我…) rather than a noun phrase."""
    return bool(re.search(r"[，,；]|我|让|使|是|了", text)) or len(text) > 20


# Who arranges the activities of deputies and CPPCC members (many of whom are no Party members).
_DEPUTIES_ORG: dict[str, tuple[str, ...]] = {
    "人大代表": ("人大常委会", "本级人大常委会"), "政协委员": ("政协", "本级政协")}


class _Unfit(Exception):
    """A template needs a value this draft does not have (no fact left, no quotation …)."""


_THIS_LAW = ("这部法律", "这部法", "该法")  # the law a fact is about, named by pointing
_HEARD = re.compile(r"(党课|讲座|报告会|宣讲会|宣讲|辅导报告|形势报告)$")
# A games, a road race or an expo is run by its hosts: a volunteer's unit may send them there, but never 组织开展了
# 杭州亚运会志愿者服务 (the draft says 我参加了, unless the writer's brief names who organised it).
_HOSTED = re.compile(r"亚运|亚残运|奥运|冬奥|残奥|全运会|大运会|青运会|学青会|马拉松|进博|服贸会|博览会|广交会|消博会|"
                     r"链博会|高交会|文博会|数博会|世博|园博会|世园会|交易会|峰会")


@dataclass
class _Sentence:
    """One sentence as written, and whether a short draft may drop it."""

    text: str
    optional: bool


@dataclass
class _Para:
    """A paragraph being written, sentence by sentence."""

    sentences: list[_Sentence] = field(default_factory=list)
    optional: bool = False
    mine: bool = False  # carries the writer's own words: never dropped
    ends: bool = False  # a self-examination, the measures or a resolve: what grows the section goes before it

    def text(self) -> str:
        return "".join(s.text for s in self.sentences)


@dataclass
class Part:
    """The lead, one section or the closing while it is written."""

    paras: list[_Para]
    angle: Angle | None = None
    units: set[str] = field(default_factory=set)  # units already written here: each at most once
    quote: QuoteEntry | None = None
    point: str | None = None  # the study material's point this section discusses, cited verbatim
    claim: str | None = None
    role: str = "lead"


class Composer:
    def __init__(self, req: ComposeRequest, rh: Rhetoric, seed: int, spread: Spread | None):
        self.req = req
        self.rh = rh
        self.frame: Frame = build_frame(req.topic, rh, kind=req.kind)
        # The topic as typed is part of the seed: two topics drafted with one seed take different paths
        # through the same data (参观淮海战役纪念馆 and 参观党性教育基地 share a pack, not a text).
        self.deal = Dealer(zlib.crc32(f"{seed}:{self.frame.plain}".encode()), spread)
        kind = rh.kinds.get(self.frame.kind)
        if kind is None:
            raise DataError([Problem("kinds.yaml", None, "kinds", f"缺少类型“{self.frame.kind}”")])
        self.kind: Kind = kind
        medium = _medium(self.frame)
        self.medium = _MEDIUM.get(medium)
        self.screen = medium in ("screen", "meeting")  # a model's deeds watched or heard: no reader handed round
        self.exhibits = self.frame.shows_exhibits  # a bridge or a firm visited: no 展板 (read once, not per item)
        # Phrase pools as this draft words them: the kind's own, then a student's (on any occasion),
        # then the shared ones.
        # A student's contest speaks of study, never of a post (单位, 支部), as a pupil's draft does.
        self.pupil = self.frame.pupil or self.frame.writer == "学生"
        # a 大学生村官 is a graduate at work in a village, no student
        student = _STUDENT.search(self.frame.topic.replace("大学生村官", "")) is not None or self.pupil
        reworded = [*kind.phrases, *(rh.kinds["student"].phrases if student and "student" in rh.kinds else ())]
        self.phrases = {**rh.phrases, **dict(reversed(reworded))}
        # Who arranged the study: a school's or a hospital's own bodies, a trade's employer; a 机关党委 only
        # for cadres (a class meeting, a nurses' training and a tea-art course are none of its).
        audience = self.audience()
        if (named_org := organiser(self.frame.plain)) is not None:  # 医院组织职工献血: the hospital arranged it
            self.phrases["org"] = (named_org,)
        elif audience == "班主任":
            self.phrases["org"] = ("学校", "学校德育处", "年级组", "学校政教处")
        elif "教师" in audience or audience in ("教育工作者", "高校辅导员"):
            self.phrases["org"] = ("学校", "学校党支部", "所在党组织", "学校党委")
        elif "医务人员" in (audience, self.frame.category.audience if self.frame.category else "") \
                or audience == "护理同仁":
            self.phrases["org"] = ("医院", "科室", "院党委", "所在党支部")
        elif audience in _DEPUTIES_ORG:  # a deputy's or a member's training: the 人大's or the 政协's, no 党支部's
            self.phrases["org"] = _DEPUTIES_ORG[audience]
        elif self.frame.person is not None:
            self.phrases["org"] = ("单位", "部门")
        elif audience == "农村党员":  # a village's winter training is arranged by the township and the branch
            self.phrases["org"] = ("镇党委", "村党支部", "乡镇党委", "村党组织")
        elif audience == "学生":  # a student's school arranged it, never a 部门 or a 党支部
            self.phrases["org"] = ("学校", "年级")
        # a rural Party member farms: the kind's 岗位 (结合岗位实际) is no post of his
        self.village = _VILLAGE_WORDS if audience == "农村党员" else ()
        self.used: set[str] = set()  # data items and sentences already in this draft
        self.used_quotes: set[str] = set()
        self.part = Part([])
        self.bound: dict[str, Any] = {}  # items a unit fixed for its later steps (a pair, a fact)
        self.fixed: dict[str, str] = {}  # frame values drawn once per draft
        self.placeholders_left = 1 if req.placeholders else 0
        self.brief_used: set[str] = set()  # brief fields and items already in the draft
        self.material_cited = False
        self.said: set[str] = set()  # plain phrase words drawn in this draft
        self.examined: list[tuple[str, str]] = []  # (unit group, section role) of each self-examination or look around
        self.examined_angles: set[str] = set()  # the angles (terms) a self-examination or look around answered
        self.opening = False  # the sentence being written opens a paragraph
        self._named_roles: tuple[str, ...] | None = None  # the pack's roles the topic names, found once
        self.told: list[str] = []  # what the work tells, as written in this draft: no pupil's filter on it
        self.chosen: list[Angle] = []  # the sections' angles, for a closing that sums them up
        self.short_of_data = False  # every angle spent and the draft still short: rationing relaxes
        self.batch = spread is not None and spread.total > 1
        self.written: list[_Para] = []  # the paragraphs of the part being written, so far

    # ---------- the frame's words ----------
    def audience(self) -> str:
        if self.pupil:
            return "学生"
        if self.frame.writer == "教师":
            return "教师"
        if self.frame.person is not None:
            return self.frame.person
        if self.frame.pack is not None:
            return self.frame.pack.audience
        if self.frame.kind in ("field", "ethics") and (m := _TRADE_PERSON.match(self.frame.domain)):
            return m.group(1)  # 检验检测人员职业道德 is written by 检验检测人员, not by a category's 干部职工
        if self.frame.category is not None:
            return self.frame.category.audience
        for pattern, who in _AUDIENCE:
            if pattern.search(self.frame.topic):
                return who
        return "干部职工"

    def frame_value(self, name: str) -> str | None:
        f, pack = self.frame, self.frame.pack
        if name in self.fixed:
            return self.fixed[name]
        value: str | None
        if name == "name":
            value = f.name
        elif name == "domain":
            value = f.domain
        elif name == "object":
            value = f.object
        elif name == "subject":
            if f.focus is not None and f.focus.subject:  # 儿科护理工作, not the pack's 临床护理工作
                value = self.deal.draw("subject", f.focus.subject, 1)
            elif pack is not None:
                value = self.deal.draw("subject", pack.subject, 1)
            elif f.kind == "ethics" and (code := _CODE.search(f.domain)) is not None and code.start() >= 2:
                # 评标专家职业道德 is kept by 评标专家 at work: no 评标专家职业道德工作
                value = f"{f.domain[:code.start()]}工作"
            elif f.kind in ("field", "ethics"):  # a field is worked in: 垃圾分类工作
                value = f.domain if f.domain.endswith("工作") else f"{f.domain}工作"
            elif f.kind == "study":  # a speech or a document is studied, not worked on
                value = f"学习贯彻{f.name}"
            else:  # an event, a film, a book: named as it is
                value = f.name if f.kind in ("film", "book", "visit", "commemoration", "campaign") else f.domain
        elif name == "occasion":
            # A topic that names a work watched or read has no event name but the work itself; a pack of
            # two festivals names the one the topic does (国庆主题班会: no 庆祝建党主题活动).
            named = [o for o in pack.occasion if not any(k in o and k not in f.topic for k in pack.keywords)] \
                if pack else []
            value = f.occasion or (self.deal.draw("occasion", named or pack.occasion, 1)
                                   if pack and not f.object else None)
        elif name == "event":  # the event the topic itself names, never one drawn from the pack
            value = f.occasion
        elif name == "read":  # what was read, when the topic names it (《红岩》, 红色经典)
            value = f.name if f.kind == "book" and f.name != READ_BOOKS else None
        elif name == "heard":  # a lesson or a talk studied (专题党课, 形势报告会): heard, not read
            value = f.name if f.kind == "study" and _HEARD.search(f.name) else None
        elif name == "audience":
            value = self.audience()
        elif name == "me":
            value = self.req.brief.role or self.audience()
        elif name == "org":
            value = self.req.brief.organizer
            if value is None:
                return None
        elif name == "piece":
            value = self.medium[0] if self.medium else self.kind.piece or None
        elif name == "act":
            value = self.medium[1] if self.medium else self.kind.act
        else:
            return None
        if value is not None:
            self.fixed[name] = value
        return value

    # ---------- items of the angle, the pack, the quotation ----------
    def item(self, key: str, items: Sequence[str]) -> str:
        """A fresh item of ``items`` (none used in this draft yet), worded and filled."""
        if "work:" not in key:  # the work's own details are true of it; the genre's martyrs may not be
            items = [x for x in items if self.unheroic(x) and self.own_side(x)
                     and not (self.screen and _PRINTED.search(x))
                     and (self.exhibits or not _EXHIBITED.search(x))]
        if not items:
            raise _Unfit()
        deck = self.deal.deck(key, items, len(items))  # a batch round per draft: each takes other wordings
        pick = deck.draw(lambda s: s not in self.used and not self.adult(s))
        if pick in self.used or self.adult(pick):
            raise _Unfit()
        self.used.add(pick)
        return self.expand(pick, deck.last_round)

    def expand(self, pattern: str, round_: int | None = None) -> str:
        return self.reword(fill(self.deal.wording(self.as_named(pattern), round_), self.resolve))

    def as_named(self, pattern: str) -> str:
        """A choice between writers' roles takes the one the topic names: (法官|检察官) is 法官 in a
        judges' draft, never the prosecutor beside it."""
        roles = self.frame.pack.roles if self.frame.pack else ()
        if "(" not in pattern or not roles:
            return pattern
        named = self._named_roles
        if named is None:  # a court's clerk writes of judges and the 法袍, a procuratorate's of 检察官 and the 检徽
            implied = [w for place, words in _INSTITUTION for w in words if place in self.frame.topic]
            named = self._named_roles = (*(r for r in roles if r in self.frame.topic), *implied)
        if not any(r in pattern for r in named):  # no option can be a role the topic names: nothing to pick
            return pattern

        def pick(m: re.Match[str]) -> str:
            hits = [o for o in m.group(1).split("|") if o in named]
            return hits[0] if len(hits) == 1 else m.group()
        return CHOICE.sub(pick, pattern)

    def law_named(self, pattern: str) -> str:
        """A fact of a law in a draft on its implementing rules names the law: (政府采购法|这部法律) is
        政府采购法, as 这部 would point at the rules (see Frame.law_of)."""
        if self.frame.law_of is None or "(" not in pattern:
            return pattern

        def pick(m: re.Match[str]) -> str:
            options = m.group(1).split("|")
            kept = [o for o in options if not any(w in o for w in _THIS_LAW)]
            if not kept or len(kept) == len(options):
                return m.group()
            return kept[0] if len(kept) == 1 else f"({'|'.join(kept)})"
        return CHOICE.sub(pick, pattern)

    def reword(self, text: str) -> str:
        """A film's words as a series or a play has them (see _MEDIUM)."""
        for film_word, word in (*(self.medium[2] if self.medium else ()), *self.village):
            text = text.replace(film_word, word)
        return text

    def adult(self, text: str) -> bool:
        """Whether ``text`` speaks of work, which a pupil's draft never does. What the book itself tells
        (its details, its summary) is the book's: 《乡土中国》 is about 基层 society, 《红岩》 has 同志."""
        if not self.pupil:
            return False
        # the topic's own name is no word of the writer's (全国大学生数学建模竞赛 holds 大学生), nor is a
        # document's or a book's title (《大学生职业发展与就业指导课程教学要求》 names no post of the writer)
        for told in (*self.told, self.frame.occasion or "", self.frame.name):
            text = text.replace(told, "") if told else text
        return WORK_WORDS.search(_TITLES.sub("", text)) is not None

    def bind(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self.bound:
            self.bound[key] = make()
        return self.bound[key]

    def _pair(self, n: int) -> tuple[Pair, int | None]:
        """The unit's n-th problem/measure pair, with the batch round its wording follows."""
        angle = self._angle()

        def make() -> tuple[Pair, int | None]:
            focus = self.frame.focus
            def fresh(pairs: Sequence[Pair]) -> list[Pair]:
                return [p for p in pairs if p.problem not in self.used and not self.adult(p.problem + p.measure)]

            own = fresh(focus.pairs) if focus else []
            pairs = own or fresh(angle.pairs)
            key = f"pair:focus:{focus.name}" if own and focus else f"pair:{angle.origin}:{angle.term}"
            deck = self.deal.deck(key, pairs, len(pairs)) if pairs else None
            if deck is None:
                raise _Unfit()
            p: Pair = deck.draw(lambda x: x.problem not in self.used)
            if p.problem in self.used:
                raise _Unfit()
            self.used.add(p.problem)
            return p, deck.last_round

        return self.bind(f"pair{n}", make)  # type: ignore[no-any-return]

    def _fact(self, lead: bool) -> tuple[Fact, int | None]:
        def make() -> tuple[Fact, int | None]:
            focus, topic = self.frame.focus, self.frame.topic
            if lead:
                pack = self.frame.pack
                facts = list(pack.facts) if pack else []
            else:
                facts = list(self._angle().facts)

            def fresh_of(facts: Sequence[Fact]) -> list[Fact]:
                return [x for x in facts if x.text not in self.used and (not x.when or any(w in topic for w in x.when))
                        and not any(w in topic for w in x.unless)
                        and not self.adult(x.text + x.means) and self.unheroic(x.text + x.means)
                        and self.own_side(x.text)]

            # the narrow subject's own facts come first: 燃气 says more than 安全教育; but no draft tells more
            # than half of them, or every draft of a day tells the same dates (50 drafts of 五一劳动节: 26 %)
            told = sum(x.text in self.used for x in focus.facts) if focus else 0
            fresh = fresh_of(focus.facts) if focus else []  # of those that apply to this topic (a year's)
            fresh = fresh if told < max(2, (told + len(fresh) + 1) // 2) else []
            key = f"fact:focus:{focus.name}" if fresh and focus else f"fact:{'lead' if lead else self._angle().term}"
            fresh = fresh or fresh_of(facts)
            if not fresh:
                raise _Unfit()
            deck = self.deal.deck(key, fresh, len(fresh))
            x: Fact = deck.draw()
            self.used.add(x.text)
            return x, deck.last_round

        return self.bind("lead_fact" if lead else "fact", make)  # type: ignore[no-any-return]

    def _angle(self) -> Angle:
        if self.part.angle is None:
            raise _Unfit()
        return self.part.angle

    def _quote(self) -> QuoteEntry:
        if self.part.quote is None:
            raise _Unfit()
        return self.part.quote

    def resolve(self, name: str, before: str) -> str:
        value = self.frame_value(name)
        if value is not None:
            return value
        if name.startswith("b_"):
            return self.brief_value(name[2:])
        if name.startswith("m_"):
            return self.material_value(name[2:])
        if name == "org" and self.frame.kind == "practice" and _HOSTED.search(self.frame.occasion or ""):
            raise _Unfit()
        if name in self.rh.phrases:
            return self.phrase(name)
        if name == "claim":
            if self.part.claim is None:
                self.part.claim = self.item(f"claim:{self._angle().origin}:{self._angle().term}", self._angle().claim)
            return self.part.claim
        if name == "term":
            return self._angle().term
        if name == "scene" and self.frame.focus and any(x not in self.used for x in self.frame.focus.scene):
            return self.item(f"scene:focus:{self.frame.focus.name}", self.frame.focus.scene)
        if name == "work_detail":  # a scene of the work itself, never the kind's general one
            if not self._angle().origin.startswith("work:"):
                raise _Unfit()
            name = "detail"
        if name in ("why", "scene", "resolve", "detail"):
            key = f"{name}:{self._angle().origin}:{self._angle().term}"
            if name == "detail" and self._angle().origin.startswith("work:"):
                return self.told_by_work(lambda: self.item(key, self._angle().detail))
            return self.item(key, getattr(self._angle(), name))
        if name in ("problem", "measure", "problem2", "measure2", "measure3"):
            p, round_ = self._pair(int(name[-1]) if name[-1].isdigit() else 1)
            return self.expand(p.problem if name.startswith("problem") else p.measure, round_)
        if name in ("fact", "means", "lead_fact", "lead_means"):
            x, round_ = self._fact(lead=name.startswith("lead_"))
            return self.expand(self.law_named(x.text if name.endswith("fact") else x.means), round_)
        # A contest's lead and closing say what a contest is: a pack of its subject (听课评课 for a 赛课) would
        # speak of its own occasion.
        if name == "lead_sig":
            pack = None if self.frame.kind == "contest" else self.frame.pack or self.frame.category
            return self.item("lead_sig", [x for x in pack.lead if pack.fits(x, self.frame.topic)]
                             if pack else self.kind.lead_sig)
        if name == "vision":
            pack = None if self.frame.kind == "contest" else self.frame.pack or self.frame.category
            return self.item("vision", [x for x in pack.closing if pack.fits(x, self.frame.topic)]
                             if pack else self.kind.vision)
        if name == "work_said":  # what gave the lessons: the work, the visit, the model's deeds
            w = self.frame.work
            if w is None:
                raise _Unfit()
            if w.kind == "site":
                return "这次参观"
            if w.kind == "person":
                return f"{self.frame.object or w.title}的事迹"
            return self.frame.object or w.quoted
        if name in ("terms", "first_resolve"):  # a known work's closing: what its sections took from it
            own = [a for a in self.chosen if a.origin.startswith("work:")]
            if len(own) < 3 or len(own) < len(self.chosen) or len({a.term for a in own}) < len(own):
                raise _Unfit()
            if name == "first_resolve":
                return self.item(f"resolve:{own[0].origin}:{own[0].term}", own[0].resolve)
            return "、".join(a.term for a in own[:-1]) + "和" + own[-1].term
        if name == "cite":
            return self.cite(self._quote())
        if name in ("quote", "author", "work", "source"):
            return self.quote_part(name, before)
        if name == "about":
            w = self.frame.work
            if w is None:
                raise _Unfit()
            return self.told_by_work(lambda: self.expand(w.about))
        raise _Unfit()

    def told_by_work(self, write: Callable[[], str]) -> str:
        """``write()``, a text of what the work tells, which a pupil may repeat whatever its words."""
        pupil, self.pupil = self.pupil, False
        try:
            text = write()
        finally:
            self.pupil = pupil
        self.told.append(text)
        return text

    def brief_value(self, name: str) -> str:
        """The writer's own words for a ``{b_…}`` slot; list fields give one unused item at a time."""
        b = self.req.brief
        if name in ("date", "organizer", "occasion", "speaker", "place", "role"):
            value = normalize_date(b.date) if name == "date" and b.date else getattr(b, name)
            if not value:
                raise _Unfit()
            self.brief_used.add(name)
            return str(value)
        if name in ("points", "points_list", "plans_list"):
            items = b.plans if name == "plans_list" else b.points
            fresh = [x for x in items if x not in self.brief_used]
            if not fresh or (name == "points" and (len(fresh) > 4 or any(len(x) > 16 for x in fresh))):
                raise _Unfit()
            if name == "plans_list" and len(fresh) < 2:
                raise _Unfit()
            self.brief_used.update(fresh)
            if name == "points":
                return fresh[0] if len(fresh) == 1 else "、".join(fresh[:-1]) + "和" + fresh[-1]
            return "；".join(f"{_ORDINALS[i]}是{x}" for i, x in enumerate(fresh[:len(_ORDINALS)]))
        lists = {"impression": b.impressions, "impression_np": b.impressions, "impression_s": b.impressions,
                 "example": b.examples, "shortcoming": b.shortcomings, "plan": b.plans, "point": b.points}
        if name not in lists:
            raise _Unfit()
        items = lists[name]
        for x in items:
            if name.startswith("impression_") and (name == "impression_s") != _is_sentence(x):
                continue
            if x not in self.brief_used:
                self.brief_used.add(x)
                return x
        raise _Unfit()

    def material_value(self, name: str) -> str:
        """``{m_point}`` (this section's point, verbatim), ``{m_by}`` (who says it), ``{m_name}``."""
        mat = self.req.material
        if mat is None:
            raise _Unfit()
        if name == "point":
            if self.part.point is None:
                raise _Unfit()
            return self.part.point
        if name == "name":
            return mat.name
        if name == "by":
            if re.search(r"全会", mat.name):
                return "全会"
            if re.search(r"会议|公报", mat.name):
                return "会议"
            if mat.speaker:
                return f"{mat.speaker}在讲话中"
            if self.material_cited:  # cited before: the short title, as official writing does (《通知》)
                short = re.search(r"(通知|意见|决定|讲话|报告|条例|办法|规定|纲要|规划|方案|公报)》$", mat.name)
                return f"《{short.group(1)}》" if short else mat.name
            self.material_cited = True
            return mat.name
        raise _Unfit()

    def phrase(self, name: str) -> str:
        options = self.phrases[name]
        if any("(" in o or "{" in o for o in options):
            return self.phrase_list(f"p:{name}", options, len(options))
        # A plain word (此外, 对照自身 …) comes back only once the others are spent: a unit that was
        # tried and dropped has drawn some, and 另外 … 另外 reads as a tic.
        deck = self.deal.deck(f"p:{name}", options, len(options))
        word = deck.draw(lambda w: w not in self.said and not self.adult(w))
        if self.adult(word):
            raise _Unfit()
        self.said.add(word)
        return word

    def quote_part(self, name: str, before: str) -> str:
        q = self._quote()
        if name == "quote":
            text = q.text
            if before.endswith("：") and not text.endswith(("？", "！", "。")):
                text += "。"
            return f"“{text}”"
        value = q.source if name == "source" else getattr(q, name)
        if value is None or (name == "source" and q.work is None and q.kind != "proverb"):
            raise _Unfit()  # an author alone is no source to quote "from" (这是郑燮中的名句)
        if name == "author" and value == "习近平":
            return "习近平总书记"  # as the genre names him: "习近平说过" reads as a slip
        return str(value)

    def cite(self, q: QuoteEntry) -> str:
        name = f"cite_{q.kind}"
        if self.opening:  # 正如…所说 agrees with something said before it: never a paragraph's first words
            return self.phrase_list(f"p:{name}:open", [o for o in self.phrases[name] if not o.startswith("正如")])
        return self.phrase(name)

    # ---------- choosing ----------
    def pick_quote(self, angle: Angle | None) -> QuoteEntry | None:
        """A quotation chosen by hand for this angle's line of thought, or none: picked by shared
        tags, quotations were too often beside the point (治大国若烹小鲜 on a safety drill)."""
        best = [self.rh.quote_by_text[t] for t in angle.quotes if t not in self.used_quotes][:6] if angle else []
        if angle is None or not best:
            return None
        deck = self.deal.deck(f"q:{angle.origin}#{angle.term}", best, 1)
        return self._use(deck.draw(lambda x: x.text not in self.used_quotes))

    def lead_quote(self, angles: Sequence[Angle]) -> QuoteEntry | None:
        """The opening quotation: one chosen for a section's angle that leaves that section another."""
        spare = [self.rh.quote_by_text[t] for a in angles if len(a.quotes) > 1 for t in a.quotes[1:]]
        if not spare:
            return None
        return self._use(self.deal.deck("q:lead", spare, 1).draw(lambda x: x.text not in self.used_quotes))

    def _use(self, q: QuoteEntry) -> QuoteEntry | None:
        if q.text in self.used_quotes:
            return None
        self.used_quotes.add(q.text)
        return q

    @functools.cached_property
    def heroes(self) -> bool:
        """Whether the genre pack's heroes and martyrs suit the work or site. A model worker's memorial
        (铁人王进喜, 焦裕禄) or 西柏坡 is no martyrs' memorial, nor is a film of a mountain climb (《攀登者》) or
        a hospital (《中国医生》) a war film: unless the work's name or themes are of revolution and
        sacrifice, its drafts say nothing of 英烈, 戏说英烈 or 缺衣少粮."""
        w = self.frame.work
        return w is None or bool(
            ({"英雄", "信念"} if self.frame.at_site else {"英雄", "信念", "历史", "初心"}) & set(w.themes)
            or _REVOLUTION.search("".join((w.title, *w.aliases))))

    @functools.cached_property
    def _side(self) -> tuple[str, tuple[str, ...]] | None:
        """The one institution the topic names (its role word) and the others' role words; None for
        none or both. Found once: every item of the draft is checked against it."""
        sides = [words[0] for place, words in _INSTITUTION if place in self.frame.topic]
        if len(sides) != 1:
            return None
        return sides[0], tuple(words[0] for _, words in _INSTITUTION if words[0] != sides[0])

    def own_side(self, text: str) -> bool:
        """Whether a fact or sentence suits the institution the topic names: a procuratorate's clerk
        takes nothing of judges alone (最高人民法院…法官职业道德基本准则, 承办法官…), a court's nothing of
        prosecutors alone."""
        if self._side is None:
            return True
        ours, others = self._side
        return ours in text or not any(o in text for o in others)

    def unheroic(self, text: str) -> bool:
        """Whether ``text`` may stand: it speaks of no martyrs, or the work has some (see :attr:`heroes`)."""
        return self.heroes or not _MARTYRS.search(text)

    def sources(self) -> list[tuple[str, tuple[Angle, ...]]]:
        f = self.frame
        sources: list[tuple[str, tuple[Angle, ...]]] = []
        if f.work is not None:
            sources.append(("work", f.work.angles))
        if f.pack is not None:
            sources.append(("pack", f.pack.angles))
        if f.category is not None:
            sources.append(("category", f.category.angles))
        if not (self.pupil and f.pack is not None and f.pack.key == PUPIL_BOOKS):  # the kind's are an adult's reading
            sources.append(("kind", self.kind.angles))
        if f.kind == "contest":
            # A contest's draft is about the contest: a pack of its subject only adds to it. The writer's own
            # angles come first (a teacher's 赛课 goes back to the 课堂, a worker's contest to the 岗位) where
            # the writer has two for the role, so that a batch still varies; a single one joins the shared.
            mine = [a for a in self.kind.angles if f.writer in a.writers]
            own = tuple(a for a in mine if sum(b.role == a.role for b in mine) >= 2)
            shared = tuple(a for a in self.kind.angles if a not in own and (not a.writers or a in mine))
            # A pack written for contests (学科竞赛) speaks of the contest itself: its angles join the shared
            # ones; a pack of the contest's subject (消防 for a 消防技能比武) only adds what is left.
            if f.pack is not None and f.pack.kind == "contest":
                shared += f.pack.angles
                sources = [s for s in sources if s[0] != "pack"]
            sources = [("writer", own), ("kind", shared), *(s for s in sources if s[0] != "kind")]
        # An angle bound to one occasion (a given plenary session) serves only topics that name it, and
        # none when the bank knows the site itself: the site's own angles say it better.
        return [(name, fit) for name, pool in sources
                if (fit := tuple(a for a in pool
                                 if (not a.when or (not f.at_site and any(w in f.topic for w in a.when)))
                                 and not any(w in f.topic for w in a.unless)
                                 and (not a.writers or f.writer in a.writers)
                                 and (self.heroes or name != "pack" or "英雄" not in a.themes)
                                 and not self.adult_angle(a)))]

    def adult_angle(self, a: Angle) -> bool:
        """Whether a pupil cannot take ``a``: its line of thought is a post's (基层治理, 我要到村里处理纠纷)."""
        if not self.pupil:
            return False
        # A thinking or ability section can do without its resolve; an action section is its resolve.
        return self.adult(a.term) or all(self.adult(x) for x in a.claim) or (
            a.role == "action" and all(self.adult(x) for x in a.resolve))

    def angles(self, roles: list[str]) -> list[Angle]:
        if self.req.angles:
            return self.named_angles(self.req.angles)
        sources = self.sources()
        chosen: list[Angle] = []
        points = self.points(len(roles))
        # A site has a handful of details: in a batch each draft opens one section (in turn) on the
        # site and gives the others to the visit's own angles, or every draft of a department's visit
        # would tell the same three.
        spread = self.deal.spread
        # (a model person's deeds are as few, and a programme's of models watched, 《榜样9》: the same turn)
        told = self.frame.at_site or self.frame.programme_watched or (
            self.frame.work is not None and self.frame.work.kind == "person")
        on_site = spread.index % len(roles) if told and spread is not None and spread.total > 1 else None
        for i, role in enumerate(roles):
            if i < len(points):  # a section on the material's point takes the angle nearest to it, any role
                near = [a for _, pool in sources for a in pool if a not in chosen]
                if near:
                    chosen.append(max(near, key=lambda a: (_overlap(points[i], a), a.role == role, -near.index(a))))
                    continue
            for name, pool in (sources[1:] if on_site not in (None, i) and len(sources) > 1 else sources):
                fits = [a for a in pool if a.role == role and a not in chosen]
                if fits:
                    chosen.append(self.deal.deck(f"angle:{name}:{role}", fits, 1).draw(lambda a: a not in chosen))
                    break
            else:
                rest = [a for _, pool in sources for a in pool if a not in chosen]
                if not rest:
                    raise DataError([Problem("kinds.yaml", None, f"kinds.{self.kind.name}.angles", "角度不够")])
                chosen.append(rest[0])
        return chosen

    def named_angles(self, names: Sequence[str]) -> list[Angle]:
        """The angles ``meta.angles`` names (``origin#term``), for a plan chosen beforehand."""
        known = {f"{a.origin}#{a.term}": a for _, pool in self.sources() for a in pool}
        out = []
        for name in names:
            if name not in known:
                term = name.split("#", 1)[-1]
                raise InputError(f"这个主题的语料中没有“{term}”这一角度（主题或语料已改变），请重新生成")
            if known[name] in out:
                raise InputError(f"角度“{known[name].term}”重复了")
            out.append(known[name])
        return out

    def points(self, n: int) -> list[str]:
        """The material's main points, one per section, in the material's order."""
        mat = self.req.material
        return [p.text for p in mat.points[:n]] if mat is not None else []

    def family(self, angles: Sequence[Angle] = ()) -> Family:
        fams = self.rh.families
        like = self.req.like
        if like is not None and like.family is not None and not self.req.family:
            return like.family  # the exemplar's heading frame, filled for this topic
        if self.req.family:
            if self.req.family not in fams:
                known = "、".join(sorted(fams))
                raise InputError(f"没有名为“{self.req.family}”的小标题族，可用：{known}")
            return fams[self.req.family]
        # Headings carry the topic: only frames built on the angle's term, unless one is asked for.
        fit = [fams[k] for k in sorted(fams) if (not fams[k].kinds or self.frame.kind in fams[k].kinds)
               and not self.adult(fams[k].pattern + "".join(x for by in fams[k].slots.values()
                                                            for xs in by.values() for x in xs))]
        # ... and read as words: 在“人民至上”上下功夫, not 在人民至上上下真功夫
        carrying = [f for f in fit if "{term}" in f.pattern and not any(_doubles(f.pattern, a.term) for a in angles)]
        return self.deal.draw("family", carrying or fit, 1)

    def headings(self, fam: Family, angles: list[Angle]) -> list[tuple[str, str]]:
        """(heading, tag) per section; one slot varies, the frame stays the same."""
        out = []
        for angle in angles:
            values = {"term": angle.term}
            for slot, by_role in fam.slots.items():
                values[slot] = self.deal.draw(f"f:{fam.name}:{slot}:{angle.role}", by_role[angle.role], 1)
            out.append((fill(fam.pattern, _lookup(values)), values.get(fam.tag, angle.term)))
        return out

    def title(self, body: str) -> tuple[str, str | None]:
        f = self.frame
        keys = [k for k in (f.pack.keys if f.pack else f.category.keys if f.category else ()) if k in body]
        values: dict[str, str | None] = {
            "name": f.name, "domain": f.domain, "object": f.object, "occasion": f.occasion,
            "plain": f.plain, "subject": self.frame_value("subject"),
            "key": self.deal.draw("key", keys, 1) if keys else None,
        }

        def value(name: str, _before: str) -> str:
            return values[name] or ""

        # What a title's `when` words are looked for in: 观看电影《长津湖》 is history by its work's themes.
        about = f.topic + (f.pack.name if f.pack else "") + "".join(f.work.themes if f.work else ())
        usable = [t for t in self.rh.titles
                  if (not t.kinds or f.kind in t.kinds) and (not t.when or any(w in about for w in t.when))
                  and not any(w in about for w in t.unless)
                  and (not t.keys or values["key"] in t.keys)
                  and all(values.get(s) for s in re.findall(r"\{([a-z_]+)\}", t.pattern + (t.subtitle or "")))
                  and not (any(w in t.pattern for w in _RUN_WORK) and _POST_WORK.search(values["subject"] or ""))
                  and not self.adult(fill(t.pattern + (t.subtitle or ""), value))]
        like = self.req.like
        if like is not None:  # a title of the exemplar's kind: with a quoted key word, or without
            usable = [t for t in usable if ("“" in t.pattern) == like.quoted_title] or usable
        if not usable:
            return f.plain, None
        t = self.deal.draw("title", usable, 1)
        main = self.reword(fill(t.pattern, value))
        if like is not None and not like.subtitle:
            return main, None
        if t.subtitle is not None:
            return main, fill(t.subtitle, value) if t.subtitle else None
        self.part = Part([])
        try:
            sub = self.phrase_list("subtitle", self.kind.subtitle)
        except _Unfit:
            sub = None
        subject = values["subject"]
        if sub is not None and subject and _POST_WORK.search(subject):  # ——对地铁站务员工作的几点体会
            sub = sub.replace(f"做好{subject}", f"对{subject}")
        return main, tidy(sub) if sub is not None else None

    def phrase_list(self, key: str, options: Sequence[str], hand: int = 1) -> str:
        """The first of ``options``, dealt from the deck ``key``, that can be written here."""
        deck = self.deal.deck(key, options, hand)
        for _ in range(len(options)):
            pick = deck.draw()
            try:
                return self.expand(pick, deck.last_round)
            except _Unfit:
                continue
        raise _Unfit()

    # ---------- writing units ----------
    def unit(self, name: str, starts: bool = False) -> list[_Sentence] | None:
        """The unit's sentences, or None when a required step cannot be written; ``starts``: it opens a paragraph."""
        steps = self.rh.units[name]
        saved_used, saved_quotes, saved_brief = set(self.used), set(self.used_quotes), set(self.brief_used)
        saved_claim, saved_left, saved_said = self.part.claim, self.placeholders_left, set(self.said)

        def untried() -> list[_Sentence] | None:  # a unit left out leaves the draft as it found it
            self.used, self.used_quotes, self.brief_used = saved_used, saved_quotes, saved_brief
            self.part.claim, self.placeholders_left, self.said = saved_claim, saved_left, saved_said
            return None

        self.bound = {}
        out: list[_Sentence] = []
        for i, (alts, optional) in enumerate(steps):
            self.opening = starts and not out
            text = self.step(f"u:{name}:{i}", alts)
            if text is None:
                if optional:
                    continue
                return untried()
            if "【" in text:  # a question only the writer can answer: asked once per draft at most
                if self.placeholders_left <= 0:
                    if optional:
                        continue
                    return untried()
                self.placeholders_left -= 1
            out.append(_Sentence(text, optional and not self.brief_in(text)))
        if name == "resolve" and self.echoes("".join(x.text for x in out)):
            return untried()
        return out

    def echoes(self, text: str) -> bool:
        """Whether ``text`` says again what the section's measures or self-examination said (three
        word pairs in common): editors struck the resolve that repeats the measure just given."""
        said = "".join(p.text() for p in (*self.part.paras, *self.written) if p.ends)
        pairs = {text[i:i + 2] for i in range(len(text) - 1)} - _COMMON_PAIRS
        return sum(1 for x in pairs if _HAN2.fullmatch(x) and x in said) >= 3

    def brief_in(self, text: str) -> bool:
        """Whether ``text`` carries the writer's own words, which the length fit never drops."""
        b = self.req.brief
        return any(x and x in text for x in (*b.points, *b.impressions, *b.examples, *b.shortcomings, *b.plans,
                                              b.occasion, b.speaker, b.organizer))

    def step(self, key: str, alts: Sequence[str]) -> str | None:
        deck = self.deal.deck(key, alts, len(alts))
        order = [(deck.draw(), deck.last_round) for _ in range(len(alts))]
        # The writer's own facts first: the template that carries most of the brief wins.
        order.sort(key=lambda t: -t[0].count("{b_"))
        for pick, round_ in order:
            saved = dict(self.bound), set(self.used), set(self.brief_used), set(self.said)
            try:
                text = self.expand(pick, round_)
            except _Unfit:
                self.bound, self.used, self.brief_used, self.said = saved
                continue
            text = sentence_end(text)
            if self.adult(text):  # a slot or a wording brought work in: another template, or none
                self.bound, self.used, self.brief_used, self.said = saved
                continue
            if text in self.used or _ECHO.search(text):
                self.said = saved[3]
                continue
            self.used.add(text)
            return text
        return None

    def paragraph(self, choices: Sequence[str], optional: bool) -> _Para | None:
        para = _Para(optional=optional)
        for choice in choices:
            for tier in choice.split(">"):
                names = tier.split("|")
                order = self.deal.deck(f"c:{tier}", names, 1)
                done = False
                for _ in range(len(names)):
                    name = order.draw()
                    group = re.sub(r"_(brief|ask)$", "", name)  # self, self_brief: one self-examination a section
                    if group in self.part.units and not name.endswith(("_more", "_tail")):
                        continue
                    if name in ("moment_ask", "deed_ask", "example_ask") and self.frame.work is not None:
                        continue  # the bank knows the work's scenes: the writer is not asked for one
                    if (name == "example_ask" and self.part.units & {"self", "others"} and not self.batch
                            and self.frame.pack is not None):
                        continue  # a pack's section has its case already; in a batch each colleague adds his own
                    if group in _RATIONED and not self.may_examine(group):
                        continue
                    sentences = self.unit(name, starts=not para.sentences)
                    if sentences:
                        self.part.units.add(group)
                        if group in _RATIONED:
                            self.examined.append((group, self.part.role))
                            if self.part.angle is not None:
                                self.examined_angles.add(self.part.angle.term)
                        para.mine = para.mine or any(self.brief_in(x.text) for x in sentences)
                        para.sentences.extend(sentences)
                        para.ends = para.ends or group in _ENDS
                        done = True
                        break
                if done:
                    break
        return para if para.sentences else None

    def may_examine(self, group: str) -> bool:
        """One failing a section, the writer's or others' (raters struck two or three problem-and-remedy
        pairs in one section as a form being filled in); a draft short of material may take others'
        faults once and a self-examination twice. A known work examines the writer on its own scenes
        only, each once, and not where the section's resolve already answers that angle."""
        if group == "self" and self.frame.work is not None:
            angle = self.part.angle
            if "resolve" in self.part.units or angle is None or not angle.origin.startswith("work:"):
                return False
            return angle.term not in self.examined_angles
        if self.short_of_data:
            return self.examined.count((group, self.part.role)) < (2 if group == "self" else 1)
        return all(role != self.part.role for _, role in self.examined)

    def write_part(self, plan: Sequence[tuple[tuple[str, ...], bool]]) -> list[_Para]:
        out = self.written = []
        for choices, optional in plan:
            para = self.paragraph(choices, optional)
            if para is not None:
                out.append(para)
        return out


_RATIONED = ("self", "others")
_ENDS = ("self", "others", "measures", "resolve", "example")
_HAN2 = re.compile(r"[\u4e00-\u9fff]{2}")
# pairs any plan says: 今后/我要/一是 … are no sign of a repeated measure
_COMMON_PAIRS = {"今后", "下一", "一步", "接下", "下来", "我要", "我将", "我会", "工作", "岗位", "自己", "一是", "二是",
                 "在今", "后的", "的工", "作中", "回到", "到岗", "位上", "时候", "的时"}
# A sentence that says its turn twice (把收获化为实际行动，力争把所学化为…的实际行动) was struck in every rating.
_ECHO = re.compile(r"(化为|转化为|实际行动|践行).+\1")
_TIDY = (("将将", "将把"), ("要要", "要"), ("的的", "的"), ("工作工作", "工作"), ("，，", "，"), ("。。", "。"),
         ("学习教育学习", "学习教育"), ("学习学习", "学习"),  # ——支部集中学习(学习)心得体会
         ("集中参加了", "参加了"), ("工作的工作", "工作的做法"),
         ("同一一", "同一"), ("同样种", "同样一种"),  # (同样|同一)(一件|种): 同一件, 同样一种
         *((f"党组织组织{w}", f"党组织安排{w}") for w in ("了", "党员", "大家", "我们", "全体", "干部")))
# 对于 opens a clause (对于这些问题，…); inside one it is 对 (是对英烈的致敬, 落在对党讲真话上).
_INNER_DUIYU = re.compile(r"(?<=[^\s，。；：！？“”相绝])对于")


def _doubles(pattern: str, term: str) -> bool:
    """Whether ``term`` in ``pattern`` meets the same character on either side (在人民至上上下…)."""
    at = pattern.find("{term}")
    before, after = pattern[at - 1:at] if at > 0 else "", pattern[at + 6:at + 7]
    return bool(term) and ((bool(after) and term.endswith(after)) or (bool(before) and term.startswith(before)))


# 我将 + a resolve that opens with when it applies (遇到拿不准的事，先…) reads "I will meet …": the when goes
# first, 我将 after it (遇到拿不准的事，我将先…).
_WILL_WHEN = re.compile(r"(我将|我要|我会)((?:遇到|碰到|碰上|面对)[^，。；“”就便先都要]{1,20}"
                        r"(?:时|的时候|的事|的事情|的情况|的问题|的任务|的工作|的活|的请托|的东西)，"
                        r"|(?:每次|每回|每逢)[^，。；“”就便先都要后]{1,20}(?:时|的时候|后|以后|之后|前|之前)，)(?:就|便)?")


# 我将 + a measure that opens on when (资源紧张的时候先列…, 开会时碰上冷场，先开口) lacks its 在
# (我要努力把参观时的收获… and 我要力争… open on a verb: they take none, 我要在努力 was read in review)
_WILL_AT = re.compile(r"(我将|我要|我会)(?![在把将从对用以向为给跟和与让使当每努力])"
                      r"([^，。；“”]{1,10}?(?:的时候|(?<![时及随同准按平当有适暂届守定何那此彼一小临])时(?![间期代刻光节常效限])))")


def tidy(text: str) -> str:
    """Where a slot's first word meets the template's last (我将 + 将…, 集中学习 + 学习心得)."""
    for a, b in _TIDY:
        text = text.replace(a, b)
    return text


def sentence_end(text: str) -> str:
    text = tidy(_WILL_AT.sub(r"\1在\2", _WILL_WHEN.sub(r"\2\1", text.strip())))
    text = _INNER_DUIYU.sub("对", text)
    closed = text.endswith(("。", "？", "！")) or (text.endswith("”") and text[-2:-1] in "。？！")
    return text if closed else text + "。"
