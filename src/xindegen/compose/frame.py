"""From the topic a person typed to a topic frame: kind, object, domain, occasion, pack, work.

A film is watched, a book read, a plenary studied, a field worked in: the *kind* decides what a
draft can say, so it comes from the words of the topic first (观看, 培训, 参观 …) and from the
matched pack only when the topic names no occasion. The *object* (《觉醒年代》) is kept whole, the
*domain* (防溺水宣传周 → 防溺水) is what the draft is about. A pack supplies vocabulary and facts,
but never its own topic's name in place of the one typed: 防溺水安全演练 is not 安全生产.
"""

from __future__ import annotations

import functools
from .. import lazyre as re  # patterns compile on first use: imports stay fast
from dataclasses import dataclass
from typing import Any

from .limits import KINDS
from .rhetoric import Focus, Pack, Rhetoric, Work

# 学习心得 is the genre (党纪学习心得 is 党纪), but a study compound keeps its 学习: 理论学习心得 is theory
# study, not a field called 理论, and 参加集中学习心得 no 集中工作 (lookbehinds are of fixed width). 专题学习
# still goes: a study's name is what was studied (学习了党的二十大精神专题, never …专题学习).
_GENRE = r"(心得体会|心得|体会|感悟|有感|感想|感受|收获|总结|发言材料|研讨发言|发言|观后感|读后感)"
# …的收获与体会: two genre words joined are one genre; 运动会参赛心得: 参赛 is only taking part
_SUFFIX = re.compile(r"(的)?((?<!大)(?<!理论)(?<!集中)(?<!政治)(?<!小组)学习)?"
                     rf"(个人)?(参赛)?({_GENRE}+(与|和|及))*{_GENRE}+$")
# A topic may open with who studies (教师学习…, 教育系统学习贯彻…): the occasion and its name start after them.
_LEAD = re.compile(r"^(关于)?((幼儿园|中小学|高校|青年|党员|全体)?(教师|老师|校长|班主任|辅导员|教职工|干部|党员)|"
                   r"教育系统|全校|(大|中|小|高中|初中)?学生|(初中|高中|中学|大学|医学|师范)生|职工|员工|医务人员|"
                   r"[一二三四五六七八九]年级(学生)?|"
                   r"[初高][一二三](学生)?)?(深入|认真|持续)?(学习宣传贯彻|学习贯彻|贯彻落实|学习领会|学习(?!强国)|参加|开展|观看|观影|"
                   r"参观|走进|阅读(?!教学)|品读|研读|重温|读(?!懂|书)|"  # 读书月 keeps its 读书
                   r"聆听|听取|听(?=党课|讲座|报告))")
# Who studies a document and how, before its name (银行网点员工学习《…》, 学习贯彻新修订的《…》): the name
# is what is studied. _LEAD knows only some of the people; before a 《…》 anyone goes.
_STUDIER = re.compile(r"^[^《》“”]*?(学习宣传贯彻|学习贯彻|贯彻落实|学习)(?=[^《》“”]*《)")
# Who studies a meeting or a rule _LEAD does not know (银行员工学习中央金融工作会议精神, 社区党员学习党内监督条例):
# the spirit or the rule studied is what the prose names.
_SPIRIT_STUDIER = re.compile(r"^[\u4e00-\u9fff]{2,8}?(学习宣传贯彻|学习贯彻|学习领会|学习)"
                             r"(?=[\u4e00-\u9fff\d]*((会议|全会|大会)精神|条例|准则|纲要)$)")
# Where an activity is taken (燃气安全进社区, 送法进校园): the place, not the subject.
# 先进企业, 推进乡村振兴 and 促进 take nothing anywhere
_VENUE = re.compile(r"(走)?(?<![先推促引改增精])进"
                    r"(社区|校园|学校|企业|农村|乡村|家庭|机关|单位|工地|万家|基层|军营|楼宇|园区)")
_EVENT_TAIL = re.compile(
    r"(专题|主题|集中|系列|综合|转岗)?(培训班|培训|轮训|研修班|研修|学习班|读书班|训练营|示范班|演练|宣传周|宣传月|宣传日|教育日|"
    r"主题活动|活动|知识讲座|讲座|报告会|竞赛|研讨会|座谈会|分享会|交流会|大会|会议|专题学习|(?<!大)学习|警示教育|教育|讲堂|课堂|参观|观影|知识|常识|"
    r"宣传)$")

# A model person studied: their deeds (事迹), an honour (时代楷模, 感动中国, 最美教师), or a person's name
# (a surname and one or two characters) with 同志 or 精神: 学习焦裕禄精神 is no document, 红旗渠精神 no person.
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
             "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
             "向汤常谷焦屠邢")
_NOT_A_NAME = r"(?!黄河|黄埔|苏区|石油|胡杨|高原|高铁|江南|万里|龙江|金融|周年)"
COMMENDATION = re.compile(r"两优一先|表彰大会|表彰会|表彰仪式")
_MODEL_PATTERN = (
    r"事迹|楷模|英模|英雄模范|道德模范|先进典型|身边典型|感动中国|《榜样|榜样\d|身边的?榜样|好榜样|榜样(人物|的力量|精神)|"
    r"向榜样|最美(乡村)?(教师|医生|护士|奋斗者|逆行者|基层干部|公务员|退役军人|家庭|村官|职工|劳动者|科技工作者|"
    r"志愿者|警察|人民警察|检察官|法官|青年|人物|少年|社区工作者|消防员)|"
    rf"(学习|弘扬|传承|践行|向){_NOT_A_NAME}[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}(同志)?的?(精神|同志)|"
    rf"[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}同志(学习)?$|^{_NOT_A_NAME}[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}(同志)?的?精神")

# A spirit carried on (弘扬延安精神, 传承井冈山精神, 学习弘扬“两弹一星”精神): studied, never a field of work
# (做好延安精神工作). The verbs are the occasion; what follows is the spirit's name. A person's spirit
# (焦裕禄精神) is a model's study and a pack's own spirit (工匠精神, 五四精神) keeps its kind: the kind rules
# decide those first.
_CARRY = r"(学习|弘扬|传承|践行|赓续|发扬|继承)"
_SPIRIT = re.compile(rf"(?P<verb>((深入|认真|大力)?{_CARRY}(和|与|、|并|好)?)*)"
                     r"(?P<spirit>[^，。；！？]{2,20}?精神(谱系)?)")


def spirit_name(text: str) -> str:
    """弘扬延安精神 -> 延安精神; 学习弘扬中国共产党人精神谱系 -> 中国共产党人精神谱系. A topic that carries on
    more than the spirit (赓续红色血脉弘扬伟大建党精神) stays whole."""
    m = _SPIRIT.fullmatch(text)
    if m is None or not m.group("verb") or re.search(_CARRY, m.group("spirit")):
        return text
    return m.group("spirit")


# Occasion words, strongest first: the first kind whose pattern the topic contains wins.
_VISITED = re.compile(r"^(到|赴|去|前往)(?=..)|参观(学习|考察|交流)?$")  # the going and the visiting, around a place
_KIND_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((k, re.compile(p)) for k, p in (
    ("visit", r"参观|瞻仰|纪念堂|^走进|走进.{0,10}(纪念馆|基地|旧址|博物馆|故居|展)|纪念馆|博物馆|展览|教育基地|"
              r"旧址|故居|纪念碑|烈士陵园"),
    ("warning", r"警示教育|典型案例|典型问题|以案促改|以案为鉴|以案明纪|警示录|反面典型|忏悔录|反腐|庭审|旁听|"
                r"职务犯罪|落马"),
    ("model", _MODEL_PATTERN),  # a model person's deeds studied (see above)
    # A commendation meeting attended (“两优一先”表彰大会, 优秀共产党员表彰会) is the models' deeds heard, not a
    # meeting's 精神 studied nor a film; a speech given at one (在全国劳动模范…表彰大会上的讲话) stays a study.
    # Only a Party commendation or a quoted honour (“两优一先”, whose words the kind rules do not see): a 五四 or a
    # 劳模 meeting keeps its day's or its spirit's pack.
    ("model", r"(两优一先|(优秀(共产)?党员|优秀党务工作者|先进基层党组织|先进党支部|七一|党内|党员|”)[^，。]{0,6}?"
              r"(表彰大会|表彰会|表彰仪式))(?!.*(讲话|精神|指示|批示))"),
    ("film", r"观看|观影|电影|影片|纪录片|专题片|电视剧|观后感|微电影|看《"),
    # A contest is prepared for and fought (备赛, 赛场, 评委): not an activity one takes part in. 运动会 and
    # 艺术节 stay activities: a school's games day is joined, not prepared for with a coach.
    # 诗词大会 is a contest on a stage (the televised 中国诗词大会 and schools' own), not a meeting attended.
    ("contest", r"竞赛|比赛|大赛|比武|辩论赛|演讲赛|赛课|优质课评比|锦标赛|擂台赛|挑战赛|联赛|"
                r"(诗词|成语|汉字听写|谜语)大会"),
    ("book", r"阅读(?!教学)|读书(?!班)|读后感|读《|^读(?!懂)|品读|研读《|好书|书香"),
    # 学习教育 names a campaign after its subject (党纪学习教育); a topic opening with it studies something
    # about 教育: 学习教育法, 学习教育强国建设规划纲要.
    ("campaign", r"主题教育|(?<!^)(?<!^深入)(?<!^认真)学习教育|集中教育|专题教育|群众路线教育实践活动|学习月|"
                 r"教育月|大讨论|大学习|(提升|攻坚|落实|突破|效能)年|作风革命|效能革命|专项整治|集中整治|先进性教育|创先争优"),
    # 党校 is where a course is held, not a speech given at its anniversary (在中央党校建校90周年庆祝大会上的讲话)
    ("training", r"培训|轮训|冬训|研修|读书班|学习班|训练营|岗前|国培|进修|示范班|专题班|讲习所|"
                 r"党校(?!.*(讲话|指示|批示))|干部学院|跟岗学习|讲座|考察(?!.*(讲话|指示|批示))|三级(安全)?教育|入厂教育|新训"),
    ("study", r"(学习|贯彻|领会).*(精神|讲话|会议|报告|决定|条例|法|准则|规定|规则|文件|论述|思想|意见|回信|贺信|致信|"
              r"纲要|党章|宪法|通知|办法|规划|方案|公报)"
              r"|(会议|全会|大会|讲话|指示|批示|两会|二十大)精神$|制度学习|专题学习|讲话|报告会|党课|宣讲|全会|两会|学习《"),
    ("commemoration", r"纪念|周年|诞辰|清明|祭扫|祭英烈|国庆|建党节|建军节|青年节|劳动节|五四|五一|七一|八一|十一|"
                      r"妇女节|丰收节|医师节|警察节|教师节|国家公祭日|烈士纪念日|传统节日|我们的节日|(春|元宵|端午|中秋|重阳|七夕)节(?!.*慰问)"),
    # 加入学校书法社团 holds no 入学
    ("student", r"军训|实习|见习(?!期)|开学|毕业(?!班)|(?<!加)入学|新生(?!儿)|成人礼|成人仪式|夏令营|冬令营|"
                "大学生活|研学|高三|誓师|高考|中考|百日冲刺|职业生涯|生涯规划|就业指导|入学教育"),
    # a teacher sent to a village school for a term does a job (支教教师), a student's 支教 is an activity
    ("practice", r"志愿|献血|实践|调研|演练|义诊|(?<!教师)(?<!老师)支教(?!教师|老师)|走访|下乡|结对|帮扶|竞赛|比赛|"
                 r"大赛|辩论赛|运动会|校运会|艺术节|文化节|"
                 r"科技节|体育节|仪式|拓展|团建|活动|宣传周|宣传月|家访|挂职|听课|评课|观摩|跟岗|分享会|交流会|研讨会|"
                 r"(?<!党)日$"),  # a day observed (国家安全教育日, 世界环境日): its activities are joined, not studied
    ("ethics", r"师德|医德|警风|作风|职业道德|职业伦理|职业操守|工匠精神|劳模精神|廉洁从业|(?<!银)行风|政风|师风"),
))
OBJECT_KINDS = frozenset({"film", "book"})

# Words that say "this is an occasion" without saying what about; they never decide a pack.
_GENERIC_WORDS = frozenset({
    "学习", "教育", "培训", "专题", "工作", "建设", "精神", "会议", "活动", "心得", "体会", "党员",
    "干部", "提升", "加强", "推进", "贯彻", "落实", "全面", "深入", "开展", "组织", "主题", "系列",
    "能力", "意识", "我们", "自己", "一个", "关于", "基层", "群众", "服务", "发展", "治理", "安全", "管理",
    # the occasion of watching or reading says nothing of the work: 观看电影《流浪地球2》 is no red film
    "电影", "影片", "观影", "观看", "阅读", "作品", "参观", "有感", "观后感", "读后感",
    "讲话", "重要讲话", "总书记",
})
# Words of every law and every speech: they say which kind of document, not which one.
_BOILERPLATE = re.compile(r"中华人民共和国|习近平总书记|习近平|总书记|重要讲话|讲话精神")
_SCHOOLING = re.compile(r"((幼儿|学前|基础|职业|高等|义务|劳动|健康|家庭|特殊|继续|素质|国防|思政|融合)教育"
                        r"|(智慧|翻转|高效)课堂)$")
# The meeting that commemorated a day (纪念中国人民志愿军抗美援朝出国作战70周年大会): the day is what it marked.
_COMMEMORATED = re.compile(r"纪念(?P<day>[^，。、]{2,40}?)(大会|座谈会|纪念会)")
# a hall named by its place alone (省博物馆) holds 馆藏文物; one named by what it holds, that
_HALL = re.compile(r"(.*?)(博物馆|博物院|展览馆|陈列馆|纪念馆|美术馆|展览|展)")
_REGION = re.compile(r"^(国家|中国|省|市|县|区|地方|本地|当地|我市|我省|我县|故宫)+$")
_HELD = ("文化", "文物", "非遗", "艺术", "历史", "遗产", "书画", "书法", "民俗", "戏曲")
_BIRTHDAY = re.compile(r"([0-9一二三四五六七八九十百零〇]+周年)诞辰")  # the anniversary before 诞辰, as often typed
MATCH_THRESHOLD = 4.0  # one specific 2-character keyword (信访, 审计, 禁毒) decides
NAMED = 10.0  # a pack's score starts here when the topic names it (an alias or its name), not its keywords


# Places whose visit shows exhibits, 展板 and a 讲解员 (R26: 港珠澳大桥 and 科大讯飞 were toured as museums).
_EXHIBITS = re.compile(r"馆|旧址|故居|陵园|纪念园|纪念地|遗址|纪念碑|纪念塔|展|会址|故里|博物|陈列|教育基地|"
                      r"红色|革命|烈士|党史|抗战|抗日|英雄|战役|教育中心|干部学院")


@dataclass(frozen=True)
class Frame:
    """What the typed topic is: every later choice of the writer reads it."""

    topic: str  # as typed, whitespace removed
    plain: str  # without 心得体会 / 有感 …
    kind: str
    kind_by: str  # why this kind: the topic's own word, the pack, or the default
    object: str | None  # 《觉醒年代》, kept whole; None when the topic names no work or document
    domain: str  # what the draft is about: 安全生产, 防溺水, 觉醒年代
    name: str  # how the prose names it: 安全生产 / 电视剧《觉醒年代》 / 党的二十届三中全会精神
    occasion: str | None  # the event the topic names: 防溺水安全演练, 安全生产专题培训
    pack: Pack | None
    work: Work | None
    score: float  # how well the pack fits (0 without one)
    category: Pack | None = None  # the broad field of a topic no pack knows (安全教育 for 防溺水)
    focus: Focus | None = None  # the narrow subject of the pack or category the topic names (燃气)
    pupil: bool = False  # the writer is a pupil (see pupil_writes): no work words in the draft
    writer: str | None = None  # who writes about a contest (学生, 教师, 职工); None for other kinds
    person: str | None = None  # the trade's person a category topic names (律师, 茶艺师): the writer

    @property
    def law_of(self) -> str | None:
        """The law whose pack writes the draft on its implementing rules: 《政府采购法实施条例》 -> 政府采购法
        (the pack's facts are the law's: they name the law, and the prose calls the rules 这部条例)."""
        m = _IMPLEMENTING.fullmatch(self.object or "")
        return m.group(1) if m and self.pack is not None and names_law(self.pack, f"《{m.group(1)}》") else None

    @property
    def at_site(self) -> bool:
        """Whether the topic is a visit to a site of the bank."""
        return self.work is not None and self.work.kind == "site"

    @property
    def shows_exhibits(self) -> bool:
        """Whether the topic's place has exhibits to look at (a hall, a memorial, a former site): False only for
        a visit to a bridge, a dam, a firm or a village, whose drafts take none of the visit kind's hall lines."""
        site = self.work.title if self.work is not None and self.work.kind == "site" else ""
        return self.kind != "visit" or _EXHIBITS.search(self.topic + site) is not None

    @property
    def programme_watched(self) -> bool:
        """Whether a model's study is of a programme watched (《榜样9》): a work of the bank, not a person."""
        return self.kind == "model" and self.work is not None and self.work.kind == "programme"

    def explain(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "kind_by": self.kind_by, "object": self.object, "domain": self.domain,
            "name": self.name, "occasion": self.occasion,
            "pack": self.pack.key if self.pack else None, "work": self.work.title if self.work else None,
            "category": self.category.key if self.category else None,
            "focus": self.focus.name if self.focus else None,
            **({"pupil": True} if self.pupil else {}),  # adults' frames read as they always did
            **({"writer": self.writer} if self.writer else {}),
            **({"person": self.person} if self.person else {}),
            # a model's study of a programme watched (《榜样9》) draws on a work, not on a person of the bank
            **({"programme": True} if self.programme_watched else {}),
        }


def plain_topic(topic: str) -> str:
    """The topic without 心得体会/有感 …: ``学习贯彻X会议精神心得体会`` -> ``学习贯彻X会议精神``."""
    text = _unquote(re.sub(r"\s+", "", topic))
    text = re.sub(r"[——\-－:：]+(心得体会|心得|体会|观后感|读后感)$", "", text)
    return _unquote(_SUFFIX.sub("", text) or text)


def _unquote(text: str) -> str:
    """“三严三实” -> 三严三实, but “三严三实”专题教育 keeps both its marks."""
    m = re.fullmatch(r"[“\"]([^“”\"]+)[”\"]", text)
    return m.group(1) if m else text


_QUOTES = re.compile("[“”\"]")
_QUOTED = re.compile("“[^“”]*”")


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def pack_score(core: str, pack: Pack, whole: str = "") -> float:
    """How well ``pack`` fits the topic; 0 means not at all (or a neighbour's word is in the topic).

    ``core`` may be the topic without its occasion words; ``whole`` is the topic as typed, whose
    words still exclude a neighbour (年轻干部 of 年轻干部警示教育 is no 年轻干部培训).
    """
    return _score(core, pack, whole)[0]


_THEMED_EACH_TIME = ("主题党日",)  # campaign packs of a recurring occasion, each time under its own slogan


def _score(core: str, pack: Pack, whole: str = "") -> tuple[float, bool]:
    """:func:`pack_score`, and whether the topic names the pack (an alias) rather than only its keywords."""
    core = _BOILERPLATE.sub("", core) or core
    # 130周年诞辰 is 诞辰130周年: 纪念毛泽东同志130周年诞辰 names 毛泽东同志诞辰
    core, whole = _BIRTHDAY.sub(r"诞辰\1", core), _BIRTHDAY.sub(r"诞辰\1", whole)
    # A campaign is named by its quoted slogan: “强国复兴有我”主题教育 is not the campaign whose pack
    # says 主题教育, unless the pack knows the slogan.
    quoted = [q for q in re.findall(r"“([^”]{2,})”", whole or core)]
    # (a 主题党日 is themed by its slogan every month: “亮身份、践承诺”主题党日 is still one)
    if pack.kind == "campaign" and quoted and pack.name not in _THEMED_EACH_TIME and not any(
            q in n or n in q for q in quoted for n in (pack.name, *pack.aliases, *pack.keywords) if len(n) >= 2):
        return 0.0, False
    # Names and neighbours' words are looked for without quotation marks: “三严三实”专题教育 names
    # 三严三实专题教育, and “不忘初心、牢记使命”主题教育 holds the excluded 牢记使命主题教育.
    core, whole = _QUOTES.sub("", core) or core, _QUOTES.sub("", whole)
    # The pack's name and aliases name it; its domain often names the broader field the prose speaks of
    # (教师培训 of 国培计划, 爱国主义教育 of 国庆与建党纪念, 教书育人 of 新教师岗前培训), which other topics share.
    names = (pack.name, *pack.aliases)
    text = whole or core
    found = [n for n in names if len(n) >= 2 and n in text]
    # A name made only of occasion words (业务培训) names this pack only when the topic names nothing
    # else: 银行柜员业务培训 is a bank teller's training, not the generic one.
    found = [n for n in found if not _only_occasion(n) or not _rest(text, n)]
    named = max((NAMED + len(n) for n in found), default=0.0)
    # A 《title》 the pack knows by name (《永远吹冲锋号》 of 警示教育片) is the pack's own work, whatever
    # occasion words (观看专题片) another pack is named by.
    titled = [t for t in re.findall(r"《([^》]+)》", text) if t in pack.keywords or t in names]
    if titled:
        named = max(named, 2 * NAMED + max(len(t) for t in titled))
        found.extend(titled)
    # A neighbour's word excludes the pack, unless it is part of the name found (市委全会精神 names
    # 全会精神 but is no central plenum; 安全生产警示教育 is safety, whatever 警示教育 excludes), even when
    # the topic without its occasion words is the name itself (职业病防治法宣传周 is a campaign, not the law).
    if any((w in core or w in whole) and not any(w in n for n in found) for w in pack.exclude):
        return 0.0, False
    if core in names:
        return 100.0, True
    # A topic that is a name without its occasion words names it (专题教育 is in no one's name); one
    # that drops a name's qualifier does not: 送教下乡 is not 国培送教下乡, 廉洁文化建设 not 企业廉洁文化建设.
    if len(core) >= 3 and len(_specific(core)) >= 2 and any(core in n and not _rest(n, core) for n in names):
        named = max(named, NAMED + len(core))
    hits = [k for k in pack.keywords if k in core and k not in _GENERIC_WORDS]
    keyword_score = sum(2.0 * len(k) for k in hits)
    if not named and not hits:
        return 0.0, False  # shared bigrams alone are no evidence: 全国教育大会精神 is not 全国两会精神
    grams = set().union(*(_bigrams(n) for n in (*names, pack.domain))) - _GENERIC_WORDS
    return named + keyword_score + len(_bigrams(core) & grams), named > 0


# Words that name an occasion of any trade: 业务培训, 岗位技能培训, 专业能力培训 say nothing of which trade.
_OCCASION_ONLY = sorted({"业务", "知识", "技能", "专业", "岗位", "骨干", "能力", "提升", "培训班", "培训", "讲座",
                         "学习", "工作", "大会"}, key=len, reverse=True)
_NOT_NAMING = sorted(set(_OCCASION_ONLY) | _GENERIC_WORDS, key=len, reverse=True)


def _strip_words(text: str, words: list[str]) -> str:
    return functools.reduce(lambda t, w: t.replace(w, ""), words, text)


def _only_occasion(name: str) -> bool:
    return not _strip_words(name, _OCCASION_ONLY)


def _rest(text: str, name: str) -> str:
    """What ``text`` names besides ``name`` and occasion words: 银行柜员 of 银行柜员业务培训."""
    rest = _strip_words(_BOILERPLATE.sub("", text.replace(name, "")), _NOT_NAMING)
    rest = re.sub(r"[\W\d_a-zA-Z年度期第次季]+", "", rest)  # 2025年度业务培训 names no trade
    return rest


@functools.lru_cache(maxsize=256)
def _specific(core: str) -> str:
    """``core`` without its occasion words (学习, 教育 …): what it names of its own."""
    return functools.reduce(lambda t, w: t.replace(w, ""), sorted(_GENERIC_WORDS), core)


def match_pack(core: str, rhetoric: Rhetoric, whole: str = "", kind: str | None = None) -> tuple[Pack | None, float]:
    """The best pack for ``core`` that suits a topic of ``kind`` (see :func:`_suits`)."""
    ranked: list[tuple[float, str]] = []
    for p in rhetoric.packs.values():
        if kind is not None and not _suits(p, kind):
            continue
        score, named = _score(core, p, whole)
        if named or _suits_by_keywords(p, kind):
            ranked.append((score, p.key))
    ranked.sort(reverse=True)
    if ranked and ranked[0][0] >= MATCH_THRESHOLD:
        return rhetoric.packs[ranked[0][1]], ranked[0][0]
    return None, ranked[0][0] if ranked else 0.0


# An occasion of one kind cannot take a pack written for another: a 警示教育 for young cadres is not
# their training course, and nobody watches a film at a commemoration of the Long March (nor is a
# film about the founding of the Party a 建党节).
_UNSUITED = {("contest", "warning"), ("contest", "commemoration"), ("contest", "visit"), ("contest", "training"),
             ("warning", "training"), ("warning", "commemoration"), ("visit", "training"),
             ("study", "commemoration"), ("study", "visit"),
             ("film", "commemoration"), ("book", "commemoration"), ("training", "commemoration")}
# Packs that a topic's keywords alone do not bring in, for topics of these kinds (None: the topic names no
# occasion). An ethics pack's keywords name the trade (医生, 银行, 民警, 法院): a clinical training, a
# visit to a court, a student's placement or a teller's daily work is not that trade's ethics. A
# training, a visit, a film or a book is an occasion the topic must name: 机关党建工作 is no
# 党支部书记培训, 致敬英烈 no red film.
_NOT_BY_KEYWORDS: dict[str, frozenset[str | None]] = {
    "ethics": frozenset({"training", "visit", "student", "practice", "study", "commemoration", "field", "contest"}),
    "training": frozenset({None, "field", "contest"}), "visit": frozenset({None, "field", "contest"}),
    "film": frozenset({None, "field", "contest"}), "book": frozenset({None, "field", "contest"}),
    # a contest pack's keywords name a contest's skill (临床技能, 教学技能, 辩论赛): 观看辩论赛视频 and 辩论赛社团活动
    # are a film and an activity, never a contest by keywords alone (a topic naming no occasion may be: 电赛心得)
    "contest": frozenset(KINDS) - {"contest"},
}


def _suits(pack: Pack, kind: str) -> bool:
    if pack.kind in OBJECT_KINDS:
        return kind == pack.kind
    return (kind, pack.kind) not in _UNSUITED


def _suits_by_keywords(pack: Pack, kind: str | None) -> bool:
    """Whether a topic of ``kind`` (None: it names no occasion) may take ``pack`` by keywords alone."""
    return kind not in _NOT_BY_KEYWORDS.get(pack.kind, frozenset())


def match_category(text: str, rhetoric: Rhetoric) -> Pack | None:
    """The category whose keywords the topic holds most of (by length): 防溺水 → 安全教育."""
    text = _BOILERPLATE.sub("", text) or text  # 中华人民共和国学前教育法 holds no 国学
    text = _NOT_HUAGONG.sub("#", text)  # 群众文化工作 holds no 化工
    # A focus's keys reach the category too (护士长 is 医疗卫生 by its 护理 focus's 护士), after its own
    # keywords: 快递安全 is a safety topic, not a service one.
    # Between equals, the word nearer the end: a Chinese compound's head comes last (医院党建 is Party
    # building in a hospital, 党建 not 医院).
    scored = sorted(((sum(len(k) for k in c.keywords if k in text),
                      sum(len(k) for k in {k for f in c.focuses for k in f.keys} if k in text),
                      max((text.rfind(k) + len(k) for k in c.keywords if k in text), default=-1), c.key)
                     for c in rhetoric.categories.values()
                     if not any(w in text for w in c.exclude)),  # 走进法院参观 is a visitor's, not the court's work
                    reverse=True)
    return rhetoric.categories[scored[0][3]] if scored and max(scored[0][:2]) >= 2 else None


_DOCUMENTARY = ("纪录片", "专题片")
_DISCIPLINE = re.compile(r"违纪|违法|违规|腐败|廉政|廉洁|职务犯罪|纪律|贪污|受贿")
# Harms a 警示教育 can be about besides discipline and corruption.
_HARM = re.compile(r"安全|事故|灾|欺凌|霸凌|邪教|毒品|禁毒|诈骗|交通|消防|火灾|溺水|食品|网络|赌博|传销|电信")
_MEETING = re.compile(r"(大会|会议|座谈会|推进会|动员会|部署会|表彰会)$")
# What a topic names when it is an idea to study, not a field of work: a slogan alone in quotation marks,
# a strategy, a thought, a body of remarks (“两个确立”, 八八战略, 重要论述)
_IDEA = re.compile(r"(战略|思想|理念|论述|理论)$|两个确立|两个维护|四个意识|四个自信|两个结合")
_EVENT_NAME = re.compile(r"(节|运动会|艺术节|文化节|体育节|科技节|读书节|周年|行动|比赛|竞赛|大赛)$")
_LAW = re.compile(r"(法|法典)》$")
_IMPLEMENTING = re.compile(r"《(?:中华人民共和国)?([\u4e00-\u9fff]{1,14}法)(?:实施条例|实施细则|实施办法)》")
# a law named bare (行政复议法), not a way of doing things (工作方法, 执法, 普法, 书法)
_BARE_LAW = re.compile(r"(中华人民共和国)?[\u4e00-\u9fff]{1,14}"
                       r"(?<![方办做想看说用手技书算司执普守违立依语兵战打写教学疗魔笔章心妙良新老])法")
# Who studies a law named bare (社区干部学习反家庭暴力法): the law is what is studied, as before a 《…》.
_STUDIED_LAW = re.compile(r"[\u4e00-\u9fff]{2,10}?(学习宣传贯彻|学习贯彻|学习)(新修订的|新修订)?"
                          r"(?P<law>(中华人民共和国)?[\u4e00-\u9fff]{2,14}法)")
LAW_GENRE = "falv_xuexi"  # the pack of a law studied that has no pack of its own
WARNING_PACK = "jingshi_jiaoyu"  # the pack of a warning about discipline that names no pack of its own
WARNING_FILM_PACK = "jingshi_pian"  # the same, watched
_WATCHED = re.compile(r"观看|观影|看《|片《|警示片|教育片|专题片|纪录片")
_LAW_WORDS = re.compile(r"^(中华人民共和国|中国共产党)|（[^）]*）|(实施条例|条例|法|规定|办法|准则)$")
# Teaching a subject (初中道德与法治课教学, 小学语文教学反思): a teacher's classroom work, whatever the
# subject's name says; contests of teaching skill are not teaching (see _CONTEST).
_LAW_PACK = re.compile(r"法律|法规|法治|法$")  # a pack about laws (教育法律法规, 法治学习, 行政执法), not a field
_TEACHING = re.compile(r"(课|学科|课堂)?教学(?!基本功|能力|技能|比赛|大赛|竞赛|成果)")
_CONTEST = re.compile(r"比赛|大赛|竞赛|赛课|评比|展评")
TEACHING_CATEGORY = "jiaoyu_jiaoxue"
_WORK_KIND = {"book": "book", "site": "visit"}  # the kind of a topic about the work; films, series, documentaries: film


def names_law(pack: Pack, obj: str) -> bool:
    """Whether ``pack`` is about exactly the law ``obj`` (《中华人民共和国X法》): its name or an alias is X法,
    or one of its facts cites X法 (家访's facts quote the family education law)."""
    def bare(text: str) -> str:
        text = re.sub(r"^(学习|新修订|新)?《?(中华人民共和国)?", "", text)
        return re.sub(r"（[^）]*）", "", text).rstrip("》")
    law = bare(obj.strip("《》"))
    if any(bare(n) == law for n in (pack.name, *pack.aliases)):
        return True
    # the law whole, not inside a longer one: 教育法 is not cited by a fact on 职业教育法
    cited = re.compile(rf"(?:^|(?<![\u4e00-\u9fff])|(?<=中华人民共和国)){re.escape(law)}")
    facts = (*pack.facts, *(f for a in pack.angles for f in a.facts))
    return any(cited.search(f.text) or cited.search(f.source) for f in facts)


def genre_pack(work: Work, rhetoric: Rhetoric) -> Pack | None:
    """The pack of the work's genre: film, book or visit, the one sharing most themes (and 纪录片 for one)."""
    if work.kind == "programme":
        return None  # a cultural programme on television is neither a red film nor a documentary
    kind = _WORK_KIND.get(work.kind, "film")
    best: tuple[int, str] | None = None
    for p in rhetoric.packs.values():
        if p.kind != kind or p.key == PUPIL_BOOKS:
            continue  # a pupil's reading is chosen for pupils only (build_frame)
        names = (p.name, *p.aliases)
        if work.kind != "documentary" and any(n in p.name for n in _DOCUMENTARY):
            continue  # 电影《焦裕禄》 and 电视剧《大江大河》 are no documentaries
        if p.key == ENTERPRISE_PACK and not any(k in n for n in (work.title, *work.aliases) for k in p.keywords):
            continue  # 深圳 shares 创新 with the enterprises' pack but is no firm: 华为公司 and 比亚迪 are
        named = any(work.noun in n for n in names) and work.kind == "documentary"
        score = len(set(p.themes) & set(work.themes)) + 3 * named
        if score and (best is None or score > best[0]):
            best = (score, p.key)
    return rhetoric.packs[best[1]] if best else None


# Who writes. A pupil's draft speaks of school and home, never of a post (岗位, 干部, 履职): the topic
# says so by naming the writer or a school occasion, or by a book pupils are the usual readers of.
ENTERPRISE_PACK = "qiye_canguan"  # a leading enterprise visited: the sites of works/sites-qiye.yaml take it
READ_BOOKS = "这几本书"  # the name of what was read when the topic names no book
PUPIL_BOOKS = "xuesheng_dushu"  # the pack of a pupil's reading, in place of the adults' 读书 pack
# A student's own future (大学生职业生涯规划, 就业指导课, 职业体验): whatever school the topic names, the writer
# holds no post yet, so the pupil's filter of work words applies (its excludes keep 教师, 辅导员 and 工作 out).
CAREER_PACK = "zhiye_guihua"
# A student's role play in a student body (模拟法庭, 模拟政协, 模拟联合国): the same, whatever school (参加校园模拟
# 法庭活动 was written 结合岗位实际 and 个别同志); a 学生会干部 keeps the word of the post the topic gives.
STUDENT_BODY_PACK = "xuesheng_zuzhi"
_ROLE_PLAY = re.compile(r"模拟法庭|模拟庭审|模拟审判|模拟政协|模拟联合国|模联")
# what a course teaches, not an event gone through (经历了…规划)
_PLAN_STUDIED = re.compile(r"(规划|指导|生涯教育|就业创业|创业教育|课程|课)$")
# Serving outside an exam is an adult's volunteering, whichever exam: 中考爱心送考志愿服务 is no pupil's 中考.
_EXAM_SERVICE = r"送考|护考|助考|(高考|中考|考点|考场).{0,8}志愿(服务|者)"
# An adult named in the topic decides first: 教师读《草房子》有感 is a teacher's, 大学生 write of 实习 and 岗位.
_ADULT = re.compile(r"教师|老师|校长|班主任|辅导员|教职工|教研|教学|干部|党员|党支部|党委|职工|员工|机关|单位|"
                    r"公司|企业|医生|护士|民警|家长|父母|工作|岗位|大学|高校|研究生|实习|入职|官兵|军人|退休|监考|巡考|考务|阅卷|评卷|"
                    rf"{_EXAM_SERVICE}|"
                    # pupils as the object of adults' work: 学生资助政策, 落实双减减轻学生课业负担
                    r"资助|政策|双减|减负|课业负担|落实|育人|家校|招生|管理")
# A school's games day is its pupils' (or students'): 学校秋季运动会参赛心得, 校运会1500米比赛
_SCHOOL_GAMES = r"校运会|校运动会|学校[^，。]{0,4}运动会|班级运动会"
# A grade (初一新生, 高一军训), not 大年初一 or 提高一线
_PUPIL = re.compile(r"小学|初中|(?<!集)中学|高中|学生|少先队|新队员|红领巾|同学|[一二三四五六七八九]年级|班级|"
                    r"(?<![年月最当起])初[一二三](?![十])|(?<![提最更升拔抬增])高[一二三](?![线级层流等])|"
                    r"暑假|寒假|假期|开学第一课|升旗仪式|国旗下|研学|六一|儿童节|小升初|中考|课外|整本书阅读|名著阅读|十四岁|青春仪式|"
                    + _SCHOOL_GAMES)
# Who arranged it is no part of the event: 单位组织无偿献血 was 无偿献血 (never "单位组织了单位组织无偿献血"),
# and the draft's organiser is the one the topic names (organiser()).
_ORGANISED = re.compile(r"^(单位|公司|集团|学校|学院|医院|机关|党支部|支部|党委|社区|街道|工会|团委|企业|部门|科室"
                        r"|车间|班组)(组织|开展|举办)的?(全体)?(职工|员工|党员|干部|师生|学生|医护人员|医务人员|青年|团员)?"
                        r"(参加|参与)?")


def organiser(plain: str) -> str | None:
    """The body the topic says arranged the occasion: 医院组织职工无偿献血 -> 医院."""
    event = _LEAD.sub("", plain)  # 参加单位组织的无偿献血: who took part opens it
    m = _ORGANISED.match(event)
    return m.group(1) if m and m.end() < len(event) else None


_EVENT_NOUN = re.compile(r"(会|活动|仪式|典礼|赛|节|课|班|营|讲座|论坛|展)$")  # words that name an event
# The writer's first time is no event: 第一次献血 was 献血 (never "组织了第一次献血"); 第一次全国… stays a name.
_FIRST_TIME = re.compile(r"^(第一次|首次|初次|头一回)(?!全国|全体|中国|代表)")
# A school occasion that is a pupil's only when written up as a school essay: 运动会有感, not 公司运动会总结.
_SCHOOL_EVENT = re.compile(r"运动会|春游|秋游|班会|开学典礼|入队|游学|亲子阅读|读书节|读书月")
_ESSAY = re.compile(r"(有感|读后感|观后感|感想|作文)$")


_QUOTED_TITLES = re.compile(r"《[^》]*》")  # 《乡村教师》 names a book, not its reader
# A university a study trip goes to is its destination, not its writer: 赴北京高校研学营 is a pupil's trip.
_VISITED_CAMPUS = re.compile(r"名校|(高校|大学)(?![生教])(?=.{0,6}(研学|游学))")


def pupil_writes(topic: str, work: Work | None = None) -> bool:
    """Whether the writer of ``topic`` is a pupil (小学生, 初中生, 高中生), not an adult at work."""
    typed = _VISITED_CAMPUS.sub("", re.sub(r"\s+", "", topic))
    if _ADULT.search(_QUOTED_TITLES.sub("", typed)):
        return False
    if _PUPIL.search(_QUOTED_TITLES.sub("", typed)):
        return True
    if work is not None and work.pupils_first:
        return True
    return _SCHOOL_EVENT.search(typed) is not None and _ESSAY.search(typed) is not None


_VOLUME = re.compile(r"第[一二三四五六七八九十]卷")
# A bare title of two characters inside a longer word names no book: 党史记忆 and 历史记录 hold no 《史记》.
_WORD_BEFORE = "历党国校厂村族军家县省市区"
_WORD_AFTER = "忆录住载得着者"

# Series the bank holds volume by volume (each entry's facts are of one volume): 第四卷 is not the first volume.
_ONE_VOLUME = frozenset({"习近平谈治国理政"})
# Titles that are everyday phrases too (春运南来北往旅客服务, 热辣滚烫的青春, 抓娃娃机): named bare, they name the
# work only when the topic is a film's (南来北往观后感, 热辣滚烫观后感); in 《》 always.
_PHRASE_TITLES = frozenset({"南来北往", "热辣滚烫", "抓娃娃"})


def _stands_alone(name: str, text: str) -> bool:
    """Whether a two-character ``name`` stands in ``text`` as a word of its own somewhere (读史记有感)."""
    return re.search(rf"(?<![{_WORD_BEFORE}]){re.escape(name)}(?![{_WORD_AFTER}])", text) is not None


def find_work(text: str, rhetoric: Rhetoric, kind: str | None = None) -> Work | None:
    """The work of the bank the topic names: 《title》, or (for a film, a book or a site) its title or alias.

    A name shared by a film and a book (焦裕禄) goes to the one the topic's words point at; a site is
    found for a visit only, and a visit finds nothing but sites (走进焦裕禄纪念馆 is no film).
    """
    wanted = {"film": ("film", "series", "documentary", "programme"), "book": ("book",)}.get(kind or "", ())
    # 《习近平谈治国理政》第四卷 names the volume: the title with it (习近平谈治国理政第四卷), and the bare
    # title too unless the bank holds that series volume by volume (the first volume's facts are not the fourth's)
    titles: list[str] = []
    for bare, volume in re.findall(rf"《([^》]+)》({_VOLUME.pattern})?", text):
        titles.append(bare + volume)
        if not volume or bare not in _ONE_VOLUME:
            titles.append(bare)
    found: list[tuple[int, bool, Work]] = []
    for w in rhetoric.works.values():
        if (w.kind == "site") != (kind == "visit") or ((w.kind == "person") != (kind == "model")
                                                        and not (kind == "model" and w.kind == "programme")):
            continue  # a person of the bank is found for the study of a model only, and a model finds no film
            # (but a programme of models' deeds watched, 观看《榜样9》, is that study: the edition's people)
        names = (w.title, *w.aliases)
        if w.kind == "site":
            hit = max((len(n) for n in names if len(n) >= 2 and n in text), default=0)
        elif titles:
            hit = max((len(n) for n in names if n in titles), default=0)
        elif kind in (None, "film", "book", "model"):
            # a bare title of two characters names the work only after 读/观看: 我的童年回忆 is no book;
            # nor does a model's study name a programme by two characters (学习身边榜样 is no 《榜样》)
            shortest = 2 if kind and not (kind == "model" and w.kind == "programme") else 3
            hit = max((len(n) for n in names if len(n) >= shortest and n in text
                       and not (w.title in _ONE_VOLUME and re.search(re.escape(n) + _VOLUME.pattern, text))
                       and not (n in _PHRASE_TITLES and kind != "film")
                       and (len(n) > 2 or _stands_alone(n, text))),
                      default=0)
        else:
            hit = 0  # 走进焦裕禄纪念馆 is a visit, not the film
        if hit:
            found.append((hit, w.kind in wanted, w))
    if not found:
        return None
    return max(found, key=lambda t: (t[1], t[0]))[2]


# A course that prepares for a contest is a training, not the contest.
_COACHED = re.compile(r"培训|集训|训练营|研修")
# 茶艺师, 月嫂, 信贷员岗位, 司法鉴定人, 工程监理, 初任法官: a person
_TRADESMAN = re.compile(r"(师|员|嫂|工|医生|保安|导游|主播|保姆|鉴定人|社会工作者|监理|法官)(岗位)?$")
# Who writes about a contest: a teacher's 赛课 speaks of lessons and pupils, a student's of study, anyone
# else's of the job. A teacher named beside students (高校青年教师教学竞赛) is the writer.
_CONTEST_TEACHER = re.compile(r"教师|老师|赛课|说课|讲课|优质课|教学|课堂|班主任|微课|教案|幼师|辅导员")
_CONTEST_STUDENT = re.compile(r"学生|大学|研究生|同学|学子|高校|学院|院校|校园|校级|班级|挑战杯|建模|奥赛|奥林匹克|"
                              r"学科竞赛|中学|小学|初中|高中|少年|儿童|团员|少先队|本科|高职|中职|辩论|"
                              # contests only students enter: the olympiads, 电赛, 蓝桥杯, “互联网+”
                              r"(物理|化学|生物|数学|信息学)(竞赛|联赛)|数模|电子设计|电赛|蓝桥杯|程序设计|ACM|ICPC|互联网\+|"
                              r"RoboMaster|机甲大师|Robocon|(?<!工业)机器人(大赛|竞赛|比赛)|医学生|师范生|"
                              rf"{_SCHOOL_GAMES}")


def contest_writer(topic: str, pupil: bool = False) -> str:
    """学生, 教师 or 职工: who writes about the contest ``topic`` (anyone else is at work)."""
    if "师范生" in topic:  # a student teacher's 教学技能大赛 is a student's contest: no 课堂 of their own yet
        return "学生"
    if _CONTEST_TEACHER.search(topic):
        return "教师"
    return "学生" if pupil or _CONTEST_STUDENT.search(topic) else "职工"


# Invigilating, running or marking an exam is a teacher's work, whichever exam (高考监考 is no pupil's 高考);
# serving outside it is an adult's volunteering (_EXAM_SERVICE).
_EXAM_DUTY = re.compile(rf"监考|巡考|考务|阅卷|评卷|考场工作|{_EXAM_SERVICE}")
# A volunteer serves a contest and does not compete in it: 篮球比赛志愿者 is volunteering, 志愿服务大赛 a contest.
_SERVES_CONTEST = re.compile(r"(竞赛|比赛|大赛|锦标赛|联赛|挑战赛|赛事)的?志愿(服务|者)")


_HALL_JOB = re.compile(r"工作(的)?(心得体会|心得|体会|感悟)?$")


def _kind_of(plain: str) -> tuple[str | None, str]:
    for kind, pattern in _KIND_RULES:
        m = pattern.search(plain)
        if m:
            if kind == "student" and _EXAM_DUTY.search(plain):
                continue
            if (kind == "visit" or (kind == "commemoration" and re.search(r"纪念(馆|堂|园)", plain))) \
                    and _HALL_JOB.search(plain) and not re.search(r"参观|瞻仰|走进", plain):
                continue  # 博物馆社教工作, 纪念馆讲解员工作: a job at the hall, not a visit to it
            if kind == "visit" and re.search(r"监狱|看守所|戒毒所", plain) and "警示" in plain:
                return "warning", "主题中的“警示教育”"  # 赴监狱开展警示教育: a warning heard there, no memorial visited
            if kind == "contest" and (_COACHED.search(plain) or _SERVES_CONTEST.search(plain)):
                continue  # 技能竞赛集训班 is a training for a contest; 比赛志愿者 serve it
            if m.group() in ("警示教育", "专题教育") and (harm := _HARM.search(plain)):
                # 校园欺凌警示教育 teaches about a harm, not about discipline: an education session
                return "training", f"主题中的“{harm.group()}”和“{m.group()}”"
            if kind == "commemoration" and (dis := _DISCIPLINE.search(plain)):
                # 端午节廉洁教育, 双节廉洁提醒: a reminder of discipline at a festival, not the festival
                return "warning", f"主题中的“{m.group()}”和“{dis.group()}”"
            word = m.group()
            if word.count("《") > word.count("》"):  # 学习《中华人民共和国湿地保护法 (the rule stops at 法)
                word = word[:word.index("《")] + "《…》"
            return kind, f"主题中的“{word}”"
    return None, ""


# A post held in a class or a students' body is a stretch of time, not an event: 担任班长一年 was no
# "经历了担任班长一年" but 担任班长这段时间的历练; 在学生会工作一年 likewise.
_POST = r"班长|班干部|班委|学生会[^，。]{0,6}?|[^，。]{0,4}?委员|课代表|社长|团长|部长|主席|干事"
_TENURE = re.compile(rf"^(初中生|高中生|中学生|小学生|大学生|我)?(担任|当选|当|出任|做)了?(?P<post>{_POST})"
                     r"(的)?(一年|一学期|半年|两年|三年|以来|期间|这一年)?$"
                     rf"|^(初中生|高中生|中学生|小学生|大学生|我)?(在|加入了?|参加了?)"
                     r"(?P<body>学生会|班委|[^，。]{0,8}?(社团|社|协会|学生会))(工作|任职|做事)?"
                     r"(的)?(一年|一学期|半年|两年|以来|期间|这一年)?$")


def _tenure(occasion: str) -> str:
    """担任学生会干部一年 -> 担任学生会干部这段时间的历练; any other occasion as it is."""
    m = _TENURE.match(occasion)
    if m is None:
        return occasion
    return f"担任{m.group('post')}这段时间的历练" if m.group("post") else f"在{m.group('body')}这段时间的历练"


def _strip_event(text: str) -> str:
    """防溺水安全演练 -> 防溺水; 安全生产专题培训 -> 安全生产; 学习贯彻X精神 -> X精神."""
    core = _LEAD.sub("", text) or text
    core = _VENUE.sub("", core) or core
    for _ in range(3):
        shorter = _EVENT_TAIL.sub("", core)
        if len(shorter) < 2 or shorter == core or _SCHOOLING.search(core[len(shorter) - 2:]):
            break  # 幼儿教育 and 智慧课堂 are fields of their own, not an 教育 event about 幼儿
        core = shorter
    staff = re.sub(r"(员工|职工|从业人员|工作人员)$", "", core)  # 超市员工 work in 超市: 做好超市工作, not 做超市员工
    core = staff if len(staff) >= 2 else core
    m = re.fullmatch(r"(防.{1,4})安全", core)  # 防溺水安全 -> 防溺水
    return m.group(1) if m else core


def build_frame(topic: str, rhetoric: Rhetoric, *, kind: str | None = None) -> Frame:
    """The frame of ``topic``; ``kind`` overrides the detected kind."""
    return _build_frame(topic, rhetoric, kind)


@functools.lru_cache(maxsize=256)  # a batch asks for the same few topics thousands of times; frames are read-only
def _build_frame(topic: str, rhetoric: Rhetoric, kind: str | None) -> Frame:
    typed = re.sub(r"\s+", "", topic)
    plain = plain_topic(typed)
    # 全国教育大会精神心得体会 is the study of a meeting: its occasion word ends the topic without 心得体会.
    # A quoted slogan's words are no occasion: “学思想、重实践”心得体会 is no 实践 activity, and
    # 学习“两个维护” studies what the slogan says.
    bare = _QUOTED.sub("“”", typed)  # the marks stay: “两学一做”学习教育 does not start with 学习教育
    slogan = re.fullmatch(r"“[^“”]+”", _SUFFIX.sub("", typed)) is not None  # the topic is a quoted slogan alone
    idea: re.Match[str] | None = None
    found, why = _kind_of(bare)
    if found is None and kind is None and plain in typed and _BARE_LAW.fullmatch(plain) \
            and match_pack(plain, rhetoric, plain)[0] is None:
        # 行政复议法心得体会 studies the law: no field of work called 行政复议法工作
        return _build_frame(typed.replace(plain, f"《{plain}》", 1), rhetoric, kind)
    studied = _STUDIED_LAW.fullmatch(plain) if kind is None and plain in typed and "《" not in typed \
        and _LEAD.match(plain) is None else None  # _LEAD knows 教师学习…
    if studied is not None and _BARE_LAW.fullmatch(studied.group("law")):
        # its name and occasion leave the writer out (社区干部学习反家庭暴力法 names 《反家庭暴力法》)
        return _build_frame(typed.replace(studied.group("law"), f"《{studied.group('law')}》", 1), rhetoric, kind)
    quoted, why_quoted = _kind_of("".join(_QUOTED.findall(typed)))
    # a slogan that names a campaign (“效能提升年”, “正风肃纪”专项整治) or a festival (“我们的节日·中秋”主题活动)
    if quoted == "campaign" or (quoted == "commemoration" and found in (None, "practice")):
        found, why = quoted, why_quoted
    if found is None:
        found, why = _kind_of(plain_topic(bare) if bare else "")
    if found is None and _QUOTED.search(plain) and re.match(r"(深入)?学习", plain):
        found, why = "study", "主题中的“学习”和口号"
    work = find_work(plain, rhetoric, kind or found)
    if work is None and kind is None and found == "training" and "考察" in why:
        # 赴安吉余村考察学习 is a visit to the place: what was seen there, as at a memorial
        work = find_work(plain, rhetoric, "visit")
        if work is not None:
            found, why = "visit", f"{why}和考察地“{work.title}”"
    if work is None and found is None and kind is None and (work := find_work(plain, rhetoric, "model")):
        found, why = "model", f"人物库中的{work.title}"  # 焦裕禄精神心得体会: the man, no document
    named = re.search(rf"《[^》]+》({_VOLUME.pattern})?", plain)  # with its volume: 《习近平谈治国理政》第四卷
    obj = named.group() if named else (work.quoted if work and work.kind not in ("site", "person") else None)
    domain = _strip_event(plain)
    # The topic with and without its occasion words: 理论学习读书班 is a 读书班, 防溺水宣传周 is 防溺水.
    # A topic that names no occasion but ends in 工作 names a field of work: 银行柜面工作 is a teller's work,
    # not the trade's ethics.
    matching = kind or found or ("field" if plain.endswith(("工作", "服务")) else None)
    subject = _VENUE.sub("", plain) or plain  # 燃气安全进社区 is about gas, not the residents' committee
    pack, score = max((match_pack(text, rhetoric, subject, matching) for text in dict.fromkeys((subject, domain))
                       if len(text) >= 2), key=lambda found: found[1], default=(None, 0.0))
    if work is None and pack is not None and pack.kind == "visit" and found is None and kind is None:
        work = find_work(plain, rhetoric, "visit")  # 延安红色教育 is a visit by its pack
    if pack is not None and work is None and score < NAMED:  # taken by its keywords, named by no alias
        # A topic naming a narrow subject of a category whose packs do not include this one is about
        # that subject: 农村用电安全培训 is 用电 safety, not 乡村振兴; 电梯安全管理培训 stays 安全生产.
        own = match_category(subject, rhetoric)
        if own is not None and pack.key not in own.carries and find_focus(subject, own) is not None:
            pack, score = None, 0.0
    # A law that a pack of laws is not about exactly (the vocational education law is none of the education
    # laws' pack, whose angles speak of kindergartens) is studied as a law: the law genre, not a neighbour's
    # angles. A field's pack (总体国家安全观 for 反间谍法, 乡村振兴) keeps it: the field is the law's subject.
    lawful = obj is not None and _LAW.search(obj) is not None and (kind or found) in (None, "study")
    if lawful and obj is not None and pack is not None and _LAW_PACK.search(pack.name) \
            and not names_law(pack, obj):
        pack, score = rhetoric.packs.get(LAW_GENRE), 0.0
    # A film about doctors is watched, not practised: a profession's ethics pack taken only by the words of
    # the title (《中国医生》) gives way to the work's genre; viewers named outside it (医护人员观看) keep it.
    # So does an activity's or a field's pack: 《破冰行动》 is no 破冰 game of a team-building day.
    if pack is not None and pack.kind in ("ethics", "practice", "training", "field") and obj is not None \
            and (kind or found) in OBJECT_KINDS:
        untitled = _QUOTED_TITLES.sub("", subject)
        if pack_score(untitled, pack, untitled) == 0.0:
            pack, score = None, 0.0
    # A subject taught is a teacher's classroom work: its name (道德与法治) brings in no field's pack.
    # (a training or a 教研 activity on teaching it too: 道德与法治教学培训 is no rule-of-law training).
    teaching = _TEACHING.search(plain) is not None and _CONTEST.search(plain) is None \
        and found in (None, "training", "practice")
    if teaching and pack is not None and score < NAMED and TEACHING_CATEGORY in rhetoric.categories \
            and pack.key not in rhetoric.categories[TEACHING_CATEGORY].carries:
        pack, score = None, 0.0
    # A warning about discipline in a trade (税务系统违纪违法典型案例) is about discipline, not the trade's
    # daily work: a field pack or category taken by the trade's words would write tax service.
    discipline = (kind or found) == "warning" and _DISCIPLINE.search(plain) is not None
    if discipline and pack is not None and score < NAMED and pack.kind in ("field", "practice", "training"):
        pack, score = None, 0.0
    # A warning that names no harm and no pack is about discipline: 典型案例通报警示教育 takes the warning
    # pack, 观看专题片《反腐为了人民》 the warning films'.
    if (kind or found) == "warning" and pack is None and work is None and _HARM.search(plain) is None:
        pack = rhetoric.packs.get(WARNING_FILM_PACK if _WATCHED.search(plain) else WARNING_PACK)
    if (kind or found) == "model" and score < NAMED:  # a model's study takes a pack it names (雷锋精神), no field's
        pack, score = None, 0.0
    if pack is None and work is not None and work.kind != "person":  # a known work takes its genre's (红色电影, 读书)
        pack = genre_pack(work, rhetoric)
        score = 0.0
    # A festival, a games or a campaign is no subject a category's prose can speak of (落实植树节, 运动会知识).
    event = _EVENT_NAME.search(domain) is not None or (kind or found) == "contest"
    # a spirit no pack knows (西柏坡精神) is studied: no field's category speaks of it
    spirit_only = kind is None and found is None and _SPIRIT.fullmatch(plain) is not None
    category = match_category(subject, rhetoric) if pack is None and work is None and not (event or discipline) \
        and (kind or found) != "model" and not spirit_only else None
    if teaching and pack is None and category is not None:
        category = rhetoric.categories.get(TEACHING_CATEGORY, category)
    # A law nothing else knows is studied as a law (why it was made, rights and duties, using it), not as
    # any document (原文研读): its genre pack, as a work takes its genre's.
    if pack is None and work is None and category is None and obj and _LAW.search(obj) \
            and (kind or found) in (None, "study"):
        pack = rhetoric.packs.get(LAW_GENRE)
    # A 班主任's pack is no pupil's: 主题班会有感 is the meeting a pupil sat in, not the teacher's running of it.
    if pack is not None and pack.audience == "班主任" and pupil_writes(typed, work):
        pack = None
        if not found:  # a school activity of the pupil's own, not a field of work
            found, why = "student", "学生写的班会"
    if kind:
        why = "指定"
    elif found == "film" and pack is not None and pack.kind == "warning":
        kind, why = "warning", f"主题包“{pack.name}”是警示片"  # 观看专题片《永远吹冲锋号》 is a warning film
    elif found:
        kind = found
    elif work is not None:
        kind, why = _WORK_KIND.get(work.kind, "film"), f"作品库中的{obj or work.title}"
    elif obj and re.search(r"(法|法典|条例|规定|准则|决定|意见|讲话|报告|纲要|办法)》", obj):
        kind, why = "study", f"{obj}是文件"
    elif (meeting := _MEETING.search(plain)) and "模拟" in plain:
        kind, why = "practice", f"主题中的“模拟…{meeting.group()}”"  # 模拟联合国大会 is a role play taken part in
    elif meeting := _MEETING.search(plain):  # 职工代表大会, 安全生产工作会议: a meeting attended, not a work to 做好
        kind, why = "study", f"主题中的“{meeting.group()}”"
    elif pack is not None and plain.endswith("工作") and pack.kind in ("practice", "study"):
        kind, why = "field", "主题以“工作”结尾"  # 教研组长工作 is a job, not an activity of the 教研 pack
    elif pack is not None and pack.kind == "warning" and _VENUE.search(plain):
        kind, why = "practice", "主题中的“进…”"  # 廉洁文化进校园 is an activity taken there, not a warning
    elif pack is not None:
        kind, why = pack.kind, f"主题包“{pack.name}”"
    elif spirit_only:  # 弘扬西柏坡精神: studied, not 做好弘扬西柏坡精神工作; a pack's spirit (劳动精神) keeps its kind
        kind, why = "study", "主题中的“精神”"
    elif category is not None:
        kind, why = category.kind, f"类别“{category.name}”"
    elif plain.endswith("课"):  # 形势与政策课 is a course taken, never a field of work
        kind, why = "student", "主题中的“课”"
    elif slogan or (idea := _IDEA.search(plain)) is not None:  # “两个确立”, 八八战略: studied, not 做好两个确立工作
        kind, why = "study", f"主题中的“{idea.group()}”" if idea else "主题是一句口号"
    elif plain.endswith("行动"):  # 开展“三抓三促”行动: a campaign taken part in, not a field of work
        kind, why = "campaign", "主题中的“行动”"
    else:
        kind, why = "field", "默认"
    pupil = pupil_writes(typed, work) or (pack is not None and pack.key == CAREER_PACK) \
        or (pack is not None and pack.key == STUDENT_BODY_PACK and _ROLE_PLAY.search(typed) is not None)
    if pupil and kind == "book" and PUPIL_BOOKS in rhetoric.packs and (pack is None or pack.kind == "book"):
        pack = rhetoric.packs[PUPIL_BOOKS]  # a pupil reads for school and home, not for the post of 读书
    if obj and kind in OBJECT_KINDS:
        noun = (work.noun if work else "影片" if kind == "film" else "")
        name = f"{noun if noun in ('电视剧', '纪录片') else ''}{obj}" if kind == "film" else obj
        domain = re.sub("[《》]", "", obj)
    elif kind == "model":  # 学习张桂梅同志先进事迹: the deeds studied, the person whole (张桂梅同志)
        name, domain, person = model_names(plain, work)
        if work is not None and work.kind == "programme":  # a programme watched (观看榜样9): the programme itself
            typed = max((n for n in (work.title, *work.aliases) if n in name), key=len, default="")
            if named is None and typed:
                name = name.replace(typed, work.quoted, 1)
            # what was watched is the programme: 收看《榜样9》专题节目 -> 《榜样9》专题节目, and 学习《榜样7》先进事迹
            # watched 《榜样7》 (never 观看了《榜样7》先进事迹)
            name = re.sub(r"(的)?(先进|感人)?事迹$", "", re.sub(r"^[^《]*(?=《)", "", name)) or name
        if person is None and work is None and COMMENDATION.search(plain):
            domain = "受表彰同志"  # “两优一先”表彰大会: the deeds heard are the commended members' (never 榜样人物)
        obj = obj or person
    elif obj and kind == "study":
        name = _STUDIER.sub("", plain)
        domain = re.sub("[《》]", "", obj)
        if category is not None:  # the category speaks of a field: 传染病防治, not the law's title
            domain = _LAW_WORDS.sub("", domain) or domain
    elif kind in ("study", "campaign", "commemoration"):
        name = domain = _LEAD.sub("", plain) or plain  # the meeting or campaign as typed: 党的二十届三中全会精神
        if kind == "study":
            name = domain = _SPIRIT_STUDIER.sub("", name) or name
        name = domain = spirit_name(name)  # 弘扬延安精神 studies 延安精神
        if kind == "study" and _MEETING.search(domain):
            name = domain = f"{domain}精神"  # a meeting attended is studied for its spirit: 职工代表大会精神
        if kind == "study" and pack is not None:
            name = domain = _studied(name, pack)  # 学党章、守党章 and 尊崇党章 study the 党章
        elif slogan:  # 学习领会了“两个确立”: the prose quotes the slogan whole, as the topic does (“学习强国”)
            domain = _unquote(_SUFFIX.sub("", typed))
            name = f"“{domain}”"
    elif kind == "contest":  # the contest as typed, without who took part: 全国大学生数学建模竞赛
        name = domain = _contest_name(plain)
    elif kind == "book" and not (pack and "读" not in pack.domain):
        name = READ_BOOKS  # reading that names nothing read (读书心得, 读书分享会: 读书学习 is no book)
    else:
        name = pack.domain if pack else domain
    if pack is not None and kind not in OBJECT_KINDS | {"study", "campaign", "commemoration", "model"}:
        domain = pack.domain
    occasion = None
    watched = obj is not None and re.search(r"观看|观影|看《|片《|读《|阅读", plain) is not None
    if kind == "model":
        occasion = name  # 向张桂梅同志学习: the deeds studied
    elif kind not in ("field", "ethics") and not (obj and kind in OBJECT_KINDS) and not watched:
        occasion = spirit_name(_FIRST_TIME.sub("", _ORGANISED.sub("", _LEAD.sub("", plain))) or plain)
        if occasion.endswith("志愿者"):  # a volunteer is who took part: 马拉松志愿者 served at 马拉松志愿服务
            occasion = occasion[:-3] + "志愿服务"
        if obj and kind == "study":
            occasion = _STUDIER.sub("", occasion)
        elif kind == "study":
            occasion = _SPIRIT_STUDIER.sub("", occasion) or occasion
        if kind == "study" and not obj and pack is not None:
            occasion = _studied(occasion, pack)  # 学党章、守党章 names no event besides the 党章 studied
        if kind == "contest":
            occasion = name
        elif kind == "warning":  # 赴监狱开展警示教育参观学习: the session held there (参加了监狱警示教育)
            occasion = re.sub(r"^(赴|到|走进)|(开展|接受)(?=警示)|(参观学习|参观|学习)$", "", occasion) or occasion
        elif kind == "student":
            occasion = _tenure(occasion)
        # the topic names no event, the pack's own occasions serve; but a campaign its pack does not name
        # (群众身边不正之风和腐败问题集中整治, taken by the warning pack's 腐败) is its own occasion, not 警示教育大会
        observed = kind in ("practice", "book") and re.search(r"(日|周|月)$", occasion) is not None
        # a pack of many days (历史纪念日) has no occasion of its own: 九一八事变纪念日 is the day typed
        dated = kind == "commemoration" and pack is not None and bool(pack.focuses)
        # a campaign typed with more than its pack's name keeps it (“躺平式干部”专项整治 is no 干部作风专项整治学习)
        own_campaign = kind == "campaign" and pack is not None and not any(
            occasion.replace("“", "").replace("”", "") == a.replace("“", "").replace("”", "")
            for a in (pack.name, *pack.aliases))
        if occasion == domain and pack is not None and not (kind == "campaign" and score < NAMED) and not observed \
                and not dated and not own_campaign:
            occasion = None
        # an activity's topic that only names its pack (献血, 学雷锋, 加入中华骨髓库) names no event of its own:
        # the pack's occasions serve (参加了无偿献血活动, never 参加了加入中华骨髓库); an alias that is an event
        # (经验交流会, 无偿献血活动) is one
        if kind == "practice" and pack is not None and not observed and occasion in (pack.name, *pack.aliases) \
                and not _EVENT_NOUN.search(occasion):
            occasion = None
        if observed and occasion is not None:
            occasion += "主题活动"  # a day or a week is observed with activities: 开展了国家安全教育日主题活动
        if kind == "student" and occasion is not None and pack is not None and pack.key == CAREER_PACK \
                and (studied := _PLAN_STUDIED.search(occasion)):
            # a plan is studied in a course: 完成了…规划课程的学习 (never 经历了…规划), 就业指导课的学习
            occasion += "的学习" if studied.group().startswith("课") else "课程的学习"
    if kind == "visit" and work is None and (pack is None or pack.key == ENTERPRISE_PACK):
        # 到华为公司参观 visited 华为公司: the place, without the going there and the visiting (参观到华为公司参观有感)
        name, domain = _VISITED.sub("", name) or name, _VISITED.sub("", domain) or domain
        occasion = (_VISITED.sub("", occasion) or occasion) if occasion is not None else None
        if pack is not None:  # 参观格力电器 visited 格力电器 (the pack's 企业参观学习 is no place)
            name = domain = occasion or "先进企业"
    if work is not None and work.kind == "site" and occasion is not None:
        # 赴井冈山开展红色教育 was at 井冈山; 井冈山革命博物馆 and 井冈山革命旧址群 stay as typed
        place = max((n for n in (work.title, *work.aliases) if n in occasion), key=len, default=work.title)
        occasion = occasion if occasion.startswith(place) else place
        if pack is None or pack.key == ENTERPRISE_PACK:  # 赴宁德时代考察学习, 参观学习海尔集团: the place, not the trip
            name = domain = occasion
    # A pack's topic may name a narrow subject its category knows: 电梯安全管理培训 is 安全生产 about 电梯.
    focus = find_focus(plain, pack or category)
    # one law's facts take no trade's focus, a reading none of a season's (寒假读书 is no winter safety), nor
    # does a student's own activity (寒假社会实践 is no winter safety either: 煤炉 and 冰面 are not its subject)
    if focus is None and pack is not None and work is None and not pack.angles_from and pack.kind != "book" \
            and pack.key != ENTERPRISE_PACK \
            and pack.audience != "学生":
        focus = find_focus(plain, match_category(plain, rhetoric))
    # An ethics pack's focus is a code of its own (公务员职业道德 in 担当作为): the draft names what the topic studies,
    # not the pack's broader field (加强担当作为思考 was no title for 公务员职业道德培训).
    if pack is not None and pack.kind == "ethics" and focus is not None and focus in pack.focuses \
            and kind not in OBJECT_KINDS | {"study", "campaign", "commemoration", "model"}:
        name = focus.name
    # A trade's ethics taken by its field's pack (会计人员职业道德 by 财务管理) names the trade's ethics as typed, not
    # the field: 涵养财务管理的几点体会 was no title for it. Its focus's subject (会计工作) is what the prose speaks of.
    elif pack is not None and pack.kind != "ethics" and kind == "ethics" and focus is not None \
            and focus in pack.focuses:
        name = _strip_event(plain)
    # A speech or meeting at a commemoration studied (学习…在纪念…大会上的重要讲话) stays a study (its kind's lead,
    # closing and spare angles), of what the meeting marked: the day's pack and focus (its dates, battles and the
    # meeting's own words; the day's lessons), which no study pack gives (probe B: the 抗战胜利80周年 speech
    # studied as a set of rules, nothing of the war or of peace).
    if kind == "study" and focus is None and pack is None and category is None and work is None \
            and (held := _COMMEMORATED.search(plain)) is not None:
        day, marked = match_pack(held.group("day"), rhetoric, held.group("day"), "commemoration")
        if day is not None and (focus := find_focus(held.group("day"), day)) is not None:
            pack, score = day, marked
    # A trade's category speaks of doing the trade's work: 茶艺师培训 and 快递员职业道德 are about 茶艺 and 快递
    # work (抓快递员职业道德得讲效益, 茶艺师做得好不好 are no sentences).
    person = None
    if pack is None and category is not None and focus is not None and domain == name \
            and (kind == "ethics" or (kind in ("training", "field") and _TRADESMAN.search(domain))):
        who = re.sub(r"(职业道德|职业操守|职业素养|作风|岗位)$", "", domain)
        person = who if _TRADESMAN.search(who) and len(who) <= 6 else None  # 律师 writes, not a category's 干部职工
        # a focus whose name takes no 工作 names its work (社会工作服务, never 社会工作工作)
        domain = focus.subject[0] if focus.subject else f"{focus.name}工作"
    # A category's focus that names its work (支教工作) is what the category's prose speaks of: 抓好乡村教师支教
    # and 做好支教教师工作 are no sentences.
    elif pack is None and category is not None and focus is not None and focus.subject and kind == "field":
        domain = focus.subject[0]
    # A law studied names its field bare when the field is a focus's key (学习《…中医药法》: 做好中医药没有…, 中医药的
    # 每一条制度): the category's prose speaks of the work the law governs.
    elif pack is None and category is not None and focus is not None and kind == "study" \
            and obj is not None and _LAW.search(obj) is not None and domain in focus.keys:
        domain = f"{domain}工作"
    # Who attended is no part of the field a category's prose speaks of: 医务人员医疗质量安全中的隐患 (the
    # trade stays in an ethics topic: 教师职业道德).
    if pack is None and category is not None and kind in ("training", "field", "practice"):
        field = _ATTENDEES.sub("", domain)
        domain = field if len(field) >= 4 else domain
    # A document that is no law, or a speech, names no field its category's prose can speak of (关于加强…的意见
    # 服务的是当事人, 对…座谈会上的重要讲话了解越深): the field it is about is the focus's or the category's.
    if kind == "study" and category is not None and pack is None and not (obj and _LAW.search(obj)):
        # a focus that is itself a work to do (公民道德建设) takes no 工作: 公民道德建设工作上做在前 reads as a post
        domain = (focus.name if focus.name.endswith("建设") else f"{focus.name}工作") if focus is not None \
            else category.name
    # A museum visited under a category is no heritage itself (大运河博物馆牵着一个民族的根, R23): the category's
    # prose speaks of what it holds (三星堆文化, 馆藏文物).
    if kind == "visit" and category is not None and pack is None and work is None \
            and (hall := _HALL.fullmatch(domain)) is not None:
        holds = hall.group(1)
        domain = "馆藏文物" if len(_REGION.sub("", holds)) < 2 else holds if holds.endswith(_HELD) else f"{holds}文化"
    writer = contest_writer(typed, pupil) if kind == "contest" else None
    return Frame(typed, plain, kind, why, obj, domain, name, occasion, pack, work, score if pack else 0.0, category,
                 focus, pupil, writer, person)


# Verbs a study slogan puts around what it studies: 学党章、守党章, 尊崇党章, 两学一做学党章, 践行习近平文化思想.
_STUDY_VERBS = frozenset("学守尊崇遵贯彻读悟用践行维护、两一做")


def _studied(name: str, pack: Pack) -> str:
    """What a study topic reads when it names the pack inside a slogan of verbs (学党章、守党章 -> 党章).

    A name with words of its own beside the pack's (党章党规, 二十大通过的新党章) stays as typed.
    """
    inside = [n for n in (pack.name, *pack.aliases) if len(n) >= 2 and n in name and n != name]
    if not inside:
        return name
    studied = min(inside, key=len)
    rest = name.replace(studied, "")
    return studied if rest and set(rest) <= _STUDY_VERBS else name


def _contest_name(plain: str) -> str:
    """参加全国大学生电子设计竞赛参赛 -> 全国大学生电子设计竞赛: the contest, not taking part in it."""
    name = _LEAD.sub("", plain) or plain
    name = _FIRST_TIME.sub("", name) or name  # 第一次参加物理竞赛: the writer's first time is no part of its name
    name = re.sub(r"^(我|本人)?(参加|参与|备战|参赛)(了)?", "", name) or name
    return re.sub(r"(的)?(参赛|备赛|比赛经历|经历|之后|以后)$", "", name) or name


_MODEL_TAIL = re.compile(r"(专题)?(学习会|报告会|座谈会|宣讲会|分享会|交流会|学习)$")
_HONOURS = re.compile(r"“[^”]*”|时代楷模|感动中国(\d{4}年度)?(年度)?人物|全国(优秀共产党员|道德模范|劳动模范)|"
                      r"七一勋章(获得者)?")
_PERSON = re.compile(rf"[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}?(同志|老师|校长|医生|书记|院士|教授|烈士|同学)?"
                     r"(?=的?(先进事迹|感人事迹|事迹|精神|同志|学习)|$)")
_GROUP = re.compile(r"(身边的?)?(先进典型|时代楷模|感动中国(年度)?人物|道德模范|劳动模范|英雄模范|英模|先进人物|"
                    r"优秀共产党员|"
                    r"最美[\u4e00-\u9fff]{2,6}?(?=的?事迹|$)|榜样)")


def model_names(plain: str, work: Work | None) -> tuple[str, str, str | None]:
    """(name, domain, person) of a model's study: 学习张桂梅同志先进事迹 -> 张桂梅同志先进事迹, 张桂梅同志,
    张桂梅同志; 学习身边先进典型事迹 -> 身边先进典型事迹, 身边先进典型, None."""
    core = _LEAD.sub("", plain) or plain
    core = re.sub(r"^向", "", core)
    name = _MODEL_TAIL.sub("", core) or core
    person = None
    if work is not None and work.kind == "person":  # the bank's person, as typed, with the word after the name
        typed = max((n for n in (work.title, *work.aliases) if n in core), key=len, default=work.title)
        m = re.search(re.escape(typed) + r"(同志|老师|校长|医生|书记|院士|教授|烈士)?", core)
        person = m.group() if m else typed
    elif (m := _PERSON.search(_HONOURS.sub("", name))) and not re.search(r"事迹|精神|先进|典型|模范|楷模", m.group()):
        person = m.group()  # (英雄模范事迹 holds 范事迹, no one's name)
    if person is not None and not re.search(r"事迹|精神|楷模|榜样|典型", name):
        name = f"{person}的先进事迹"  # 向张桂梅同志学习: what is studied is what she did
    group = _GROUP.search(name)
    deeds = re.fullmatch(r"(.{2,12}?)的?(先进|感人)?事迹", _QUOTES.sub("", name))  # 全国优秀法官先进事迹: the judges
    domain = person or (deeds.group(1) if deeds else None) \
        or ("榜样人物" if group is None or group.group() == "榜样" else group.group())
    return name, domain, person


# Who attended, before a category's field (医务人员医疗质量安全): no part of the field.
_ATTENDEES = re.compile(r"^(全体|全院|全校|全市|全县)?(医务人员|医护人员|医务工作者|党员干部|干部职工|教职工|教职员工|"
                        r"新员工|新职工|青年干部|年轻干部|全体员工|员工|职工)")
# A word ending in 化 before 工作/工程 is no 化工: 文化工作, 现代化工程, 信息化工作 (石油化工, 精细化工 are).
_NOT_HUAGONG = re.compile(r"(文|现代|信息|数字|智能|规范|标准|制度|常态|法治|绿|美|深|强|优|转|净)化(?=工)")


def find_focus(text: str, pack: Pack | None) -> Focus | None:
    """The focus of ``pack`` whose longest key the topic names: 燃气安全培训 -> 燃气 in 安全教育."""
    plain = _NOT_HUAGONG.sub("#", text)

    def named(k: str) -> bool:
        return k in (plain if k.startswith("化") else text)

    hits = [(max(len(k) for k in f.keys if named(k)), f) for f in (pack.focuses if pack else ())
            if any(named(k) for k in f.keys)]
    return max(hits, key=lambda h: h[0])[1] if hits else None


def content_words(text: str) -> list[str]:
    """Nouns and verbs of two or more characters, in order, generic words left out."""
    import rjieba  # ~0.1 s to load; only study material needs it

    words = [w for w, pos in rjieba.tag(text) if len(w) >= 2 and pos[:1] in "nvl" and w not in _GENERIC_WORDS]
    return list(dict.fromkeys(words))
