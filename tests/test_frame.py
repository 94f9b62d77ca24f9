"""The topic frame: what a typed topic is (kind), what it names (object), what it is about (domain)."""

from __future__ import annotations

import re

import pytest

from xindegen.compose.frame import build_frame, plain_topic

# topic as people type it → (kind, object, domain). Domain is what the prose is about: the pack's
# field when one matches, otherwise the topic without its occasion words.
CASES = [
    ("超市员工培训心得", "training", None, "超市"),  # the staff work in a shop: 做好超市工作, never 做超市员工
    ("应急救援综合演练心得体会", "practice", None, "应急救援"),  # a drill is 综合, its subject is 应急救援
    # study of a meeting, a speech, a document
    ("学习贯彻党的二十届三中全会精神心得体会", "study", None, None),
    ("学习党的二十大精神", "study", None, None),
    ("学习全国两会精神心得", "study", None, None),
    ("人大代表学习全国两会精神心得", "study", None, None),  # the sessions studied, not a deputy's duties (s36)
    ("学习七一重要讲话精神", "study", None, None),
    ("学习《中华人民共和国民法典》心得体会", "study", "《中华人民共和国民法典》", None),
    ("学习《中国共产党纪律处分条例》", "study", "《中国共产党纪律处分条例》", None),
    ("行政复议法心得体会", "study", "《行政复议法》", None),  # a law named bare: no 做好行政复议法工作
    ("工作方法心得", "field", None, "工作方法"),  # 方法 is no law
    ("学习宪法心得", "study", None, None),
    ("学习《习近平谈治国理政》第四卷", "study", "《习近平谈治国理政》第四卷", None),  # the volume named
    ("学习贯彻全省经济工作会议精神", "study", None, None),
    ("学习《关于加强冬季安全生产工作的通知》", "study", "《关于加强冬季安全生产工作的通知》", None),
    ("专题党课心得体会", "study", None, None),
    ("学习教育强国建设规划纲要心得", "study", None, None),  # 学习 + 教育强国…, no 学习教育 campaign
    ("学习教育法心得体会", "study", None, None),
    ("全国教育大会精神心得体会", "study", None, None),  # ends in 大会精神 once 心得体会 is gone
    ("听党课有感", "study", None, None),
    ("学习《信访工作条例》心得", "study", "《信访工作条例》", None),
    ("学习《中国共产党章程》心得体会", "study", "《中国共产党章程》", None),
    ("学党章、守党章心得体会", "study", None, "党章"),  # a slogan of verbs studies the 党章 (helper dangzhang s34)
    ("尊崇党章心得", "study", None, "党章"),
    ("两学一做学党章心得", "study", None, "党章"),
    ("学习党章党规心得体会", "study", None, "党章党规"),  # words of its own beside the 党章 stay
    ("学习践行习近平文化思想心得", "study", None, "习近平文化思想"),
    # campaigns
    ("党纪学习教育心得体会", "campaign", None, "党纪学习教育"),
    ("学习贯彻习近平新时代中国特色社会主义思想主题教育心得", "campaign", None, None),
    ("党史学习教育心得体会", "campaign", None, None),
    ("深入贯彻中央八项规定精神学习教育", "campaign", None, None),
    ("主题教育研讨发言", "campaign", None, None),
    # trainings
    ("青年干部培训班心得体会", "training", None, None),
    ("新入职员工培训心得", "training", None, None),
    ("安全生产专题培训心得体会", "training", None, "安全生产"),
    ("保密教育培训", "training", None, None),
    ("公文写作培训心得", "training", None, None),
    ("国培计划学习心得", "training", None, None),
    ("新教师岗前培训心得体会", "training", None, None),
    ("支部书记培训班学习体会", "training", None, None),
    ("入党积极分子培训心得", "training", None, None),
    ("中层干部能力提升培训", "training", None, None),
    ("专题读书班学习心得", "training", None, None),
    ("师德师风专题培训", "training", None, None),
    ("业务知识培训心得", "training", None, None),
    ("人大代表履职培训心得", "training", None, "人大代表履职"),  # a deputy's training (s36)
    ("政协委员培训班学习心得", "training", None, "政协委员履职"),
    ("人大代表联系群众工作心得", "field", None, "人大代表履职"),
    ("政协提案工作心得", "field", None, "政协委员履职"),
    # warning education
    ("警示教育大会心得体会", "warning", None, None),
    ("观看警示教育片心得体会", "warning", None, None),
    ("观看警示教育片《零容忍》有感", "warning", "《零容忍》", None),
    ("以案促改专题民主生活会发言", "warning", None, None),
    ("廉政警示教育心得", "warning", None, None),
    # films, series, documentaries
    ("观看电影《长津湖》心得体会", "film", "《长津湖》", "长津湖"),
    ("《觉醒年代》观后感", "film", "《觉醒年代》", "觉醒年代"),
    ("观看纪录片《航拍中国》有感", "film", "《航拍中国》", "航拍中国"),
    ("观看电影《流浪地球2》", "film", "《流浪地球2》", "流浪地球2"),
    ("观看红色电影心得体会", "film", None, None),
    ("焦裕禄观后感", "film", "《焦裕禄》", "焦裕禄"),
    ("观看专题片心得", "film", None, None),
    ("观看电视剧《山海情》有感", "film", "《山海情》", "山海情"),
    ("看《我和我的祖国》有感", "film", "《我和我的祖国》", "我和我的祖国"),
    ("观看电影《周恩来的四个昼夜》观后感", "film", "《周恩来的四个昼夜》", "周恩来的四个昼夜"),
    ("观看电影《特级英雄黄继光》观后感", "film", "《特级英雄黄继光》", "特级英雄黄继光"),
    ("电影《八角笼中》观后感", "film", "《八角笼中》", "八角笼中"),
    ("观看电视剧《大考》心得体会", "film", "《大考》", "大考"),
    ("我的父亲焦裕禄观后感", "film", "《我的父亲焦裕禄》", "我的父亲焦裕禄"),
    ("观看电影《邓小平小道》观后感", "film", "《邓小平小道》", "邓小平小道"),
    # books
    ("读《红岩》有感", "book", "《红岩》", "红岩"),
    ("《红星照耀中国》读后感", "book", "《红星照耀中国》", "红星照耀中国"),
    ("读《平凡的世界》心得", "book", "《平凡的世界》", "平凡的世界"),
    ("阅读《习近平的七年知青岁月》心得体会", "book", "《习近平的七年知青岁月》", "习近平的七年知青岁月"),
    ("读书心得体会", "book", None, None),
    ("读红色经典有感", "book", None, None),
    ("读《乡土中国》有感", "book", "《乡土中国》", "乡土中国"),
    ("读《文化苦旅》心得体会", "book", "《文化苦旅》", "文化苦旅"),
    ("读《大医精诚》心得体会", "book", "《大医精诚》", "大医精诚"),
    ("《人类简史》读后感", "book", "《人类简史》", "人类简史"),
    ("读《反对本本主义》心得体会", "book", "《反对本本主义》", "反对本本主义"),
    ("读《曾国藩家书》心得体会", "book", "《曾国藩家书》", "曾国藩家书"),
    ("读《实践论》有感", "book", "《实践论》", "实践论"),
    # visits
    ("参观红色教育基地心得体会", "visit", None, None),
    ("参观廉政教育基地有感", "visit", None, None),
    ("参观革命纪念馆心得", "visit", None, None),
    ("参观科技馆有感", "visit", None, None),
    ("走进焦裕禄纪念馆心得体会", "visit", None, None),
    ("参观党史馆心得", "visit", None, None),
    ("参观博物馆有感", "visit", None, None),
    # practice
    ("防溺水安全演练心得", "practice", None, "防溺水"),
    ("交通安全演练心得体会", "practice", None, "交通安全"),
    ("消防演练心得体会", "practice", None, None),
    ("学雷锋志愿服务活动心得", "practice", None, None),
    ("防范电信网络诈骗宣传活动", "practice", None, None),
    ("大学生社会实践心得", "practice", None, None),
    ("三下乡社会实践心得体会", "practice", None, None),
    ("送医下乡义诊活动心得体会", "practice", None, "送服务下乡"),
    ("无偿献血心得", "practice", None, "无偿献血"),  # s35: 无偿献血 and 造血干细胞捐献 have packs of their own
    ("第一次献血的感受", "practice", None, "无偿献血"),
    ("世界献血者日宣传活动心得", "practice", None, "无偿献血"),
    ("单位组织无偿献血心得", "practice", None, "无偿献血"),
    ("造血干细胞捐献志愿者心得", "practice", None, "干细胞捐献"),
    ("送法下乡活动心得", "practice", None, "送服务下乡"),
    ("文化科技卫生“三下乡”心得", "practice", None, "送服务下乡"),
    ("科技下乡心得", "practice", None, "送服务下乡"),
    ("家访心得体会", "practice", None, None),
    ("垃圾分类宣传活动心得", "practice", None, None),
    ("团建拓展训练心得", "practice", None, None),
    ("防溺水宣传周心得", "practice", None, "防溺水"),
    ("挂职锻炼心得体会", "practice", None, None),
    ("听课评课心得体会", "practice", None, None),
    ("外出考察学习心得", "training", None, None),
    # fields of work
    ("安全生产心得体会", "field", None, "安全生产"),
    ("网络安全心得体会", "field", None, None),
    ("档案工作心得体会", "field", None, None),
    ("优化营商环境心得体会", "field", None, None),
    ("乡村振兴工作心得", "field", None, None),
    ("生态环境保护心得体会", "field", None, None),
    ("粮食安全心得体会", "field", None, None),
    ("信访工作心得体会", "field", None, None),
    ("审计工作心得", "field", None, None),
    ("统计工作心得体会", "field", None, None),
    ("财务管理心得体会", "field", None, None),
    ("保密工作心得体会", "field", None, None),
    ("禁毒工作心得", "field", None, None),
    ("消防安全心得体会", "field", None, None),
    ("食品安全心得体会", "field", None, None),
    ("垃圾分类心得体会", "field", None, "垃圾分类"),
    ("数字政府建设心得", "field", None, None),
    ("社区工作心得体会", "field", None, None),
    ("窗口服务心得体会", "field", None, None),
    ("班主任工作心得", "field", None, None),
    ("课程思政心得体会", "field", None, None),
    ("质量管理心得体会", "field", None, None),
    # professional ethics and conduct
    ("师德师风心得体会", "ethics", None, None),
    ("医德医风心得体会", "ethics", None, None),
    ("作风建设心得体会", "ethics", None, None),
    ("廉洁从业心得体会", "ethics", None, None),
    ("护理职业道德心得", "ethics", None, None),
    ("新闻记者职业道德学习心得", "ethics", None, "新闻出版"),
    ("编辑出版人员职业道德心得体会", "ethics", None, "新闻出版"),
    ("出版社编辑工作心得", "field", None, "新闻出版"),
    ("工匠精神心得体会", "ethics", None, None),
    ("警风警纪心得", "ethics", None, None),
    # commemorations and festivals
    ("五四青年节心得体会", "commemoration", None, None),
    ("纪念建党105周年心得", "commemoration", None, None),
    ("清明祭英烈心得体会", "commemoration", None, None),
    ("国庆节感想", "commemoration", None, None),
    ("纪念毛泽东同志诞辰心得", "commemoration", None, None),
    ("纪念周恩来同志诞辰125周年心得体会", "commemoration", None, None),
    ("纪念邓小平同志120周年诞辰心得", "commemoration", None, None),  # 120周年诞辰 is 诞辰120周年
    ("陈云诞辰心得体会", "commemoration", None, None),
    # a day of remembrance is the day typed, not a festival (jinian_ri)
    ("九一八事变纪念日心得", "commemoration", None, "九一八事变纪念日"),
    ("南京大屠杀死难者国家公祭日心得", "commemoration", None, "南京大屠杀死难者国家公祭日"),
    ("纪念红军长征胜利90周年心得体会", "commemoration", None, "纪念红军长征胜利90周年"),
    ("纪念一二·九运动心得", "commemoration", None, "纪念一二·九运动"),
    ("纪念西安事变90周年心得", "commemoration", None, "纪念西安事变90周年"),
    ("纪念台湾光复80周年心得", "commemoration", None, "纪念台湾光复80周年"),
    # students
    ("大学生军训心得体会", "student", None, None),
    ("初一新生军训心得体会", "student", None, "军训"),  # a pupil's training, the same pack
    ("高一新生军训心得体会", "student", None, "军训"),
    ("初中军训心得", "student", None, "军训"),
    ("实习心得体会", "student", None, None),
    ("开学第一课心得体会", "student", None, None),
    ("开学第一课观后感", "film", None, None),  # the television programme, watched
    ("毕业感言", "student", None, None),
    ("研学旅行心得", "student", None, None),
    # a study compound keeps its 学习: theory study, never a field called 理论 (做好理论工作) or 集中工作
    ("理论学习心得体会", "training", None, "理论学习"),
    ("政治理论学习心得", "training", None, "理论学习"),
    ("参加集中学习心得", "training", None, "理论学习"),
    ("参加支部集中学习心得体会", "training", None, "理论学习"),
    ("青年理论学习小组学习心得", "training", None, "理论学习"),
    ("理论学习交流发言", "training", None, "理论学习"),
    ("工作经验交流会心得", "practice", None, "经验交流"),
    ("经验交流会心得体会", "practice", None, "经验交流"),
    # s37 (helper route37): a local congress, a five-year proposal, a new judge, a translator's code, 冬至
    ("学习贯彻市第十四次党代会精神心得体会", "study", None, "市第十四次党代会精神"),
    ("学习《中共中央关于制定国民经济和社会发展第十五个五年规划的建议》心得体会", "study",
     "《中共中央关于制定国民经济和社会发展第十五个五年规划的建议》", None),
    ("初任法官培训心得体会", "training", None, "审判工作"),  # the trade's work, never 做好初任法官
    ("翻译人员职业道德心得", "ethics", None, "翻译工作"),
    ("冬至包饺子活动心得", "practice", None, None),
]



@pytest.mark.parametrize("topic,kind,obj,domain", CASES)
def test_topic_frame(rh, topic: str, kind: str, obj: str | None, domain: str | None) -> None:
    f = build_frame(topic, rh)
    assert (f.kind, f.object) == (kind, obj), f.explain()
    if domain is not None:
        assert f.domain == domain, f.explain()
    assert "《" not in f.name or f.name.count("《") == f.name.count("》")  # an object is kept whole


def test_there_are_at_least_a_hundred_cases() -> None:
    assert len(CASES) >= 100


def test_plain_topic_drops_the_genre_words() -> None:
    assert plain_topic("学习贯彻全省经济工作会议精神心得体会") == "学习贯彻全省经济工作会议精神"
    assert plain_topic("读《红岩》有感") == "读《红岩》"
    assert plain_topic("  数字政府 建设 ") == "数字政府建设"
    assert plain_topic("第一次献血的感受") == "第一次献血"  # 感受 is a genre word too (s35)


@pytest.mark.parametrize("topic,occasion", [
    ("第一次献血的感受", None),  # the writer's first time is no event (never 组织了第一次献血): 献血 names the pack
    ("单位组织无偿献血心得", None),  # who arranged it is no part of it; the pack's 无偿献血活动 serves
    ("医院组织职工无偿献血心得", None),
    ("加入中华骨髓库心得", None),  # a topic that only names its pack names no event: never 参加了加入中华骨髓库
    ("工会组织团建活动心得", "团建活动"),
    ("马拉松志愿者心得体会", "马拉松志愿服务"),  # a volunteer is who served, not the event served at
    ("造血干细胞捐献志愿者心得", "造血干细胞捐献志愿服务"),
    ("世界献血者日心得", "世界献血者日主题活动"),  # a day keeps its name
    ("经验交流会心得体会", "经验交流会"),  # an alias that is an event is one
    ("第一次全国污染源普查工作心得", None),  # 第一次全国… is a name, kept whole (a field names no occasion)
])
def test_an_occasion_is_the_event_not_who_arranged_it_or_who_went(rh, topic: str, occasion: str | None) -> None:
    """s35: "单位组织了单位组织无偿献血", "部门组织了第一次献血", "参加了加入中华骨髓库", "参加了马拉松志愿者"."""
    assert build_frame(topic, rh).occasion == occasion, build_frame(topic, rh).explain()


def test_a_kind_can_be_asked_for(rh) -> None:
    f = build_frame("安全生产", rh, kind="training")
    assert f.kind == "training" and f.kind_by == "指定"


def test_a_topic_is_not_captured_by_a_neighbouring_pack(rh) -> None:
    """防溺水 is not 安全生产; a film nobody knows is no red film; a 廉政 base is no warning film."""
    assert build_frame("防溺水安全演练", rh).pack is None
    assert build_frame("观看电影《流浪地球2》", rh).pack is None
    pack = build_frame("参观廉政教育基地", rh).pack
    assert pack is None or pack.key != "jingshi_pian"


@pytest.mark.parametrize(("topic", "plain"), [
    ("“三严三实”专题教育心得体会", "“三严三实”专题教育"),  # its marks stay paired
    ("“安全生产”心得体会", "安全生产"),
    ("学习“四下基层”心得", "学习“四下基层”"),
])
def test_quotation_marks_are_taken_off_only_as_a_pair(topic: str, plain: str) -> None:
    from xindegen.compose.frame import plain_topic

    assert plain_topic(topic) == plain


@pytest.mark.parametrize(("topic", "occasion"), [
    ("参观井冈山革命博物馆", "井冈山革命博物馆"),
    ("赴井冈山开展红色教育", "井冈山"),  # the visit was to the place, not to an 开展红色教育
    ("走进井冈山", "井冈山"),
    ("参观延安革命纪念馆", "延安革命纪念馆"),
    ("赴延安开展红色教育", "延安"),
    ("走进西柏坡", "西柏坡"),
    ("参观遵义会议会址", "遵义会议会址"),
    ("参观中共一大会址", "中共一大会址"),
    ("赴嘉兴南湖开展红色教育", "嘉兴南湖"),
    ("参观古田会议纪念馆", "古田会议纪念馆"),
    ("赴瑞金开展红色教育", "瑞金"),
    ("走进韶山", "韶山"),
    ("参观南昌八一起义纪念馆", "南昌八一起义纪念馆"),
    ("参观渣滓洞", "渣滓洞"),
    ("参观中国人民抗日战争纪念馆", "中国人民抗日战争纪念馆"),
    ("参观湘江战役纪念馆", "湘江战役纪念馆"),
    ("参观焦裕禄纪念园", "焦裕禄纪念园"),
    ("赴兰考开展红色教育", "兰考"),
    ("参观红旗渠纪念馆", "红旗渠纪念馆"),
    ("参观雷锋纪念馆", "雷锋纪念馆"),
    ("参观铁人王进喜纪念馆", "铁人王进喜纪念馆"),
    ("走进小岗村", "小岗村"),
    ("参观谷文昌纪念馆", "谷文昌纪念馆"),
    ("参观孔繁森同志纪念馆", "孔繁森同志纪念馆"),
    ("参观周恩来纪念馆", "周恩来纪念馆"),
    ("参观邓小平故居", "邓小平故居"),
    ("参观华东革命烈士陵园", "华东革命烈士陵园"),
    ("参观抗美援朝纪念馆", "抗美援朝纪念馆"),
    ("走进善洲林场", "善洲林场"),
    ("参观李大钊纪念馆", "李大钊纪念馆"),
    ("赴乐亭开展红色教育", "乐亭"),
    ("参观方志敏纪念馆", "方志敏纪念馆"),
    ("赴弋阳开展红色教育", "弋阳"),
    ("参观八路军太行纪念馆", "八路军太行纪念馆"),
    ("赴武乡开展红色教育", "武乡"),
    ("参观刘胡兰纪念馆", "刘胡兰纪念馆"),
    ("走进刘胡兰村", "刘胡兰村"),
    ("参观狼牙山五壮士纪念馆", "狼牙山五壮士纪念馆"),
    ("走进狼牙山", "狼牙山"),
    ("参观杨靖宇烈士陵园", "杨靖宇烈士陵园"),
    ("赴通化开展红色教育", "通化"),
    ("参观百色起义纪念馆", "百色起义纪念馆"),
    ("赴百色开展红色教育", "百色"),
    ("参观塞罕坝展览馆", "塞罕坝展览馆"),
    ("走进塞罕坝", "塞罕坝"),
    ("参观钱学森图书馆", "钱学森图书馆"),
    ("走进安吉余村", "安吉余村"),
    ("走进深圳经济特区", "深圳经济特区"),
])
def test_a_visit_to_a_site_of_the_bank_takes_the_site(rh, topic: str, occasion: str) -> None:
    f = build_frame(topic, rh)
    assert f.kind == "visit" and f.work is not None and f.work.kind == "site", f.explain()
    assert f.object is None and f.occasion == occasion


def test_a_site_is_found_by_visits_only(rh) -> None:
    """观看电影《井冈山》 is a film; a visit finds no film of a site's name."""
    f = build_frame("观看电影《井冈山》", rh)
    assert f.kind == "film" and (f.work is None or f.work.kind != "site")
    memorial = build_frame("走进焦裕禄纪念馆", rh).work  # the film 《焦裕禄》 is not the memorial
    assert memorial is not None and memorial.kind == "site" and memorial.title == "焦裕禄纪念园"
    film = build_frame("观看电影《焦裕禄》", rh).work
    assert film is not None and film.kind == "film"


def test_a_bare_two_character_title_names_a_work_only_when_read_or_watched(rh) -> None:
    assert build_frame("我的童年回忆", rh).work is None
    f = build_frame("读童年有感", rh)
    assert f.kind == "book" and f.work is not None and f.work.title == "童年"


@pytest.mark.parametrize(("topic", "kind", "domain"), [
    ("交通安全警示教育", "training", "交通安全"),  # a harm taught, not discipline: no anti-corruption plan
    ("防范电信诈骗警示教育", "training", None),
    ("身边人身边事警示教育", "warning", None),
    ("职工趣味运动会", "practice", None),  # an event, never a field of work to 做好
    ("校园艺术节", "practice", None),
])
def test_what_a_warning_or_an_event_is(rh, topic: str, kind: str, domain: str | None) -> None:
    f = build_frame(topic, rh)
    assert f.kind == kind, f.explain()
    assert domain is None or f.domain == domain


def test_a_category_speaks_of_a_laws_field_and_never_of_an_event(rh) -> None:
    """做好体育, not 做好中华人民共和国体育法; 读书节 or 艺术节 is no subject to have 常识 of."""
    f = build_frame("学习《中华人民共和国体育法》", rh)
    assert f.category is not None and f.domain == "体育" and f.object == "《中华人民共和国体育法》"
    assert build_frame("校园艺术节", rh).category is None


@pytest.mark.parametrize(("topic", "category", "focus"), [
    ("电梯安全培训心得体会", "安全教育", "电梯"), ("学习防溺水知识", "安全教育", "防溺水"),
    ("森林草原防火宣传", "安全教育", "森林防火"), ("寒假安全教育", "安全教育", "冬季安全"),
    ("戒烟讲座", "健康与体育", "控烟"), ("AED使用培训", "健康与体育", "心肺复苏"),
    ("职业病防治法宣传周", "健康与体育", "职业健康"),
    ("慢病管理培训", "医疗卫生", "慢病管理"), ("疫苗接种规范培训", "医疗卫生", "预防接种"),
    ("节能宣传周", "生态环保与节约", "节约用电"), ("限塑令", "生态环保与节约", "减塑"),
    ("学习医疗保障法心得体会", "医疗卫生", "医保"),  # a law the 医保 pack (its 条例) does not know
    ("长期护理保险培训心得", "医疗卫生", "医保"),  # 护理 in 长期护理保险 is no nursing
    ("急诊科工作心得体会", "医疗卫生", "急诊急救"), ("120急救中心工作心得", "医疗卫生", "急诊急救"),
    ("药房工作心得体会", "医疗卫生", "药学"), ("检验科工作心得体会", "医疗卫生", "检验"),
    ("医患沟通培训心得体会", "医疗卫生", "医患沟通"), ("家庭医生工作心得", "医疗卫生", "家庭医生"),
    ("乡村医生工作心得体会", "医疗卫生", "乡村医生"),
    ("随班就读工作心得体会", "教育教学", "特殊教育"), ("德育工作心得体会", "教育教学", "德育"),
    ("体育老师工作心得体会", "教育教学", "体育教学"), ("整本书阅读教学心得体会", "教育教学", "阅读教学"),
    ("信息化教学心得体会", "教育教学", "信息化教学"), ("幼儿园幼小衔接工作心得", "教育教学", "幼小衔接"),
    ("农田建设工作心得", "农业农村", "高标准农田"), ("直播带货助农心得体会", "农业农村", "农村电商"),
    ("动物防疫工作心得体会", "农业农村", "动物防疫"), ("村级防疫员培训心得", "农业农村", "动物防疫"),
    ("应急救援综合演练心得体会", "安全教育", "应急演练"),  # 急救 in 应急救援 is no first-aid course
    ("应急演练心得体会", "安全教育", "应急演练"),
    ("物业服务工作心得体会", "服务与经营", "物业服务"), ("小区物业管理心得体会", "服务与经营", "物业服务"),
    ("餐饮服务培训心得体会", "服务与经营", "餐饮"),  # serving diners: 食品安全 taken by 餐饮 alone gives way
    ("保险理赔工作心得体会", "服务与经营", "保险"), ("酒店前台接待工作心得", "服务与经营", "酒店"),
    ("后厨管理心得体会", "服务与经营", "餐饮"), ("超市收银员工作心得", "服务与经营", "商超"),
    ("电力营销培训心得体会", "服务与经营", "供电服务"), ("公交车司机工作心得", "交通运输", "公交"),
    ("销售技巧培训心得", "服务与经营", "销售"), ("建筑施工项目管理培训心得", "企业管理与生产", "建筑施工"),
    ("施工现场管理心得体会", "企业管理与生产", "建筑施工"),  # 施工现场 outweighs 6S's 现场管理
    ("仓储物流工作心得体会", "企业管理与生产", "仓储物流"), ("采购管理培训心得体会", "企业管理与生产", "采购"),
    ("变电站运维心得体会", "企业管理与生产", "电力运维"), ("化工生产工艺培训心得", "企业管理与生产", "化工"),
    ("高中减轻学生课业负担心得", "教育教学", "双减"),  # “双减” itself has a pack (shuangjian) now
    ("学习义务教育新课程标准（2022年版）心得体会", "教育教学", "新课标"), ("新课标培训心得", "教育教学", "新课标"),
    ("医疗质量安全核心制度培训心得", "医疗卫生", "核心制度"), ("三级查房制度学习心得", "医疗卫生", "核心制度"),
    ("基本公共卫生服务项目培训心得", "医疗卫生", "基本公共卫生"),
    ("国家基本公共卫生服务工作心得", "医疗卫生", "基本公共卫生"),
    ("银行柜员工作心得体会", "服务与经营", "银行网点"), ("银行综合柜员业务培训心得", "服务与经营", "银行网点"),
    ("邮政投递员工作心得", "服务与经营", "邮政投递"), ("乡邮员工作心得体会", "服务与经营", "邮政投递"),
    ("全国文明城市创建工作心得体会", "文明风尚", "文明城市创建"), ("创文工作心得体会", "文明风尚", "文明城市创建"),
    ("非遗进校园活动心得体会", "文化传承", "非遗"), ("学习传统技艺心得", "文化传承", "非遗"),
    ("参观河南博物院心得", "文化传承", "博物馆"), ("参观省历史博物馆有感", "文化传承", "博物馆"),
])
def test_a_topic_naming_a_narrow_subject_reaches_its_category_and_focus(rh, topic: str, category: str,
                                                                        focus: str) -> None:
    frame = build_frame(topic, rh)
    assert frame.pack is None and frame.category is not None and frame.category.name == category, topic
    assert frame.focus is not None and frame.focus.name == focus, topic


@pytest.mark.parametrize(("topic", "category", "focus"), [
    # trades people write trainings, ethics and work reflections about, none of which has a pack
    ("茶艺师培训心得", "服务与经营", "茶艺"), ("茶馆服务员工作心得", "服务与经营", "茶艺"),
    ("家政服务员培训心得", "服务与经营", "家政"), ("家政服务职业道德", "服务与经营", "家政"),
    ("保洁员培训心得", "服务与经营", "保洁"), ("物业保洁员培训", "服务与经营", "保洁"),  # cleaning, not the 物业 desk
    ("月嫂培训心得", "服务与经营", "母婴护理"), ("育婴师培训心得体会", "服务与经营", "母婴护理"),
    ("母婴护理培训心得", "服务与经营", "母婴护理"),  # no ward nurse's pack (护理) nor care home's (护理员)
    ("母婴护理员职业道德", "服务与经营", "母婴护理"),
    ("美容美发培训心得", "服务与经营", "美容美发"), ("理发师工作心得", "服务与经营", "美容美发"),
    ("导游职业道德", "服务与经营", "导游"), ("导游培训心得", "服务与经营", "导游"),
    ("旅行社工作心得体会", "服务与经营", "导游"),
    ("网络主播职业道德心得", "服务与经营", "网络主播"), ("直播带货培训心得", "服务与经营", "网络主播"),
    ("保安培训心得", "服务与经营", "保安"), ("保安员职业道德", "服务与经营", "保安"),
    ("门卫工作心得", "服务与经营", "保安"),
    ("烹饪培训心得", "服务与经营", "餐饮"), ("中式烹调师培训心得", "服务与经营", "餐饮"),
    ("电工培训心得", "企业管理与生产", "电工"), ("维修电工技能培训心得", "企业管理与生产", "电工"),
    ("焊工培训心得", "企业管理与生产", "焊工"), ("电焊工职业道德", "企业管理与生产", "焊工"),
    ("汽车维修工作心得", "企业管理与生产", "汽车维修"), ("汽修工职业道德", "企业管理与生产", "汽车维修"),
    ("汽车维修安全培训", "企业管理与生产", "汽车维修"),
    # s37 (ethics37)
    ("司法鉴定人职业道德心得体会", "政法工作", "司法鉴定"), ("司法鉴定工作心得", "政法工作", "司法鉴定"),
    ("注册建造师职业道德学习心得", "企业管理与生产", "施工项目管理"),
    ("工程监理职业道德心得", "企业管理与生产", "工程监理"), ("总监理工程师培训心得", "企业管理与生产", "工程监理"),
    ("社会工作者职业道德心得", "党建与群团", "社会工作"), ("社工站工作心得", "党建与群团", "社会工作"),
])
def test_a_trade_without_a_pack_reaches_its_focus(rh, topic: str, category: str, focus: str) -> None:
    frame = build_frame(topic, rh)
    assert frame.pack is None and frame.category is not None and frame.category.name == category, topic
    assert frame.focus is not None and frame.focus.name == focus, topic


@pytest.mark.parametrize(("topic", "focus"), [
    # a depot's mechanic, a train crew and a cabin crew each get their own trade, not a station's or an airport's
    ("高铁动车组机械师工作心得", "动车组检修"), ("动车所检修工作体会", "动车组检修"),
    ("随车机械师岗位心得体会", "动车组检修"), ("动车组一级修作业培训心得", "动车组检修"),
    ("列车员服务心得", "列车乘务"), ("列车长工作心得体会", "列车乘务"), ("铁路客运段乘务工作心得", "列车乘务"),
    ("高铁乘务员职业道德心得", "列车乘务"), ("动车组列车长岗位心得", "列车乘务"),
    ("空中乘务员职业道德心得", "空中乘务"), ("空乘培训心得", "空中乘务"), ("航空公司乘务长工作心得", "空中乘务"),
    ("客舱服务工作心得", "空中乘务"),
    # station and airport work keep their focuses
    ("火车站客运员工作心得", "铁路"), ("机场值机工作心得", "民航机场"), ("机场安检员岗位心得", "民航机场"),
])
def test_transport_crews_and_mechanics_reach_their_own_focus(rh, topic: str, focus: str) -> None:
    frame = build_frame(topic, rh)
    assert frame.category is not None and frame.category.name == "交通运输", topic
    assert frame.focus is not None and frame.focus.name == focus, topic


@pytest.mark.parametrize("topic", ["新闻主播工作心得", "茶文化学习心得", "护士岗前培训心得", "养老护理员培训心得"])
def test_a_trades_word_elsewhere_takes_none_of_its_focuses(rh, topic: str) -> None:
    """A newsreader is no streamer; tea culture is no tea house's service; nurses keep their pack."""
    f = build_frame(topic, rh)
    assert f.focus is None or f.focus.name not in ("网络主播", "茶艺", "母婴护理"), topic


@pytest.mark.parametrize(("topic", "pack", "focus"), [
    ("公交驾驶员安全培训心得体会", "jiaotong_anquan", "公交"),  # safe driving, at bus stops (交通运输 focus)
    ("养老院安全管理培训", "anquan_shengchan", "养老服务"),  # falls and choking of the old
    # packs-A: a trade with a pack of its own keeps its category's focus (护理 of the old is no ward's)
    ("手卫生培训", "yuangan_fangkong", "院感防控"), ("医保基金监管培训心得", "yibao_jijin", "医保"),
    ("养老院护理员培训心得体会", "yanglao_fuwu", "养老服务"), ("护士长管理培训心得", "huli_gongzuo", "护理"),
    ("派出所户籍窗口民警工作体会", "shequ_jingwu", "公安"),  # 政法工作's 公安 focus under the police pack
    ("建筑施工安全培训心得", "anquan_shengchan", "建筑施工"),
    ("酒店消防安全培训", "xiaofang_anquan", None),  # fire safety in a hotel, not its rooms and front desk
    ("仓库消防安全培训", "xiaofang_anquan", None),
])
def test_a_packs_topic_takes_a_trades_focus_only_when_it_is_about_the_trade(rh, topic: str, pack: str,
                                                                             focus: str | None) -> None:
    f = build_frame(topic, rh)
    assert f.pack is not None and f.pack.key == pack, topic
    assert (f.focus.name if f.focus else None) == focus, topic


@pytest.mark.parametrize(("topic", "pack", "focus"), [
    # editors' probe (s35): the narrow subject inside a pack's field is the pack's own focus
    ("儿科护士工作心得", "huli_gongzuo", "儿科护理"), ("儿科护理工作心得体会", "huli_gongzuo", "儿科护理"),
    ("儿童医院护士工作体会", "huli_gongzuo", "儿科护理"), ("护士工作心得", "huli_gongzuo", "护理"),
    ("内部审计工作心得", "shenji", "内部审计"), ("企业内部审计心得", "shenji", "内部审计"),
    ("审计工作心得", "shenji", None), ("经济责任审计工作心得", "shenji", None),
    ("档案数字化工作心得", "dangan", "档案数字化"), ("档案扫描工作心得体会", "dangan", "档案数字化"),
    ("档案工作心得", "dangan", None), ("电子档案管理工作心得", "dangan", None),
])
def test_a_narrow_subject_inside_a_packs_field_is_its_focus(rh, topic: str, pack: str, focus: str | None) -> None:
    f = build_frame(topic, rh)
    assert f.kind == "field" and f.pack is not None and f.pack.key == pack, topic
    assert (f.focus.name if f.focus else None) == focus, topic


@pytest.mark.parametrize(("topic", "pack", "focus"), [
    ("深化清廉村居建设心得体会", None, "村居"), ("推进清廉村社建设工作心得", None, "村居"),
    ("清廉乡村建设专题培训心得", None, "村居"), ("清廉学校建设工作心得体会", None, "学校"),
    ("高校清廉校园建设心得", None, "学校"), ("清廉机关创建心得体会", None, "机关"),
    ("“清廉机关”建设心得体会", None, "机关"), ("清廉家庭创建心得体会", None, "家庭"),
    ("清廉医共体建设心得体会", None, "医院"), ("乡镇卫生院清廉卫生院建设心得", None, "医院"),
    ("清廉单元建设心得体会", None, None), ("清廉浙江建设心得体会", None, None),
    # a 清廉X the packs know keeps its pack, with the unit's scenes where they fit the pack's angles
    ("清廉国企建设心得体会", "lianjie_congye", "国企"), ("清廉企业建设心得", "lianjie_congye", "国企"),
    ("清廉家风建设心得体会", "jingshi_jiaoyu", "家庭"), ("村干部谈清廉村居建设心得", "cunwu_gongzuo", "村居"),
    ("清廉医院建设心得体会", "yide_yifeng", None), ("清廉社区建设心得体会", "shequ_gongzuo", None),
])
def test_a_clean_unit_topic_is_a_field_of_clean_governance_in_its_unit(rh, topic: str, pack: str | None,
                                                                      focus: str | None) -> None:
    """清廉村居建设 builds clean governance in a village (村务公开, 小微权力), not a warning film nor a template."""
    f = build_frame(topic, rh)
    assert (f.pack.key if f.pack else None) == pack, topic
    if pack is None:
        assert f.category is not None and f.category.key == "qinglian_jianshe" and f.kind != "warning", topic
    assert (f.focus.name if f.focus else None) == focus, topic


@pytest.mark.parametrize("topic", ["廉洁文化建设心得体会", "家风建设心得体会", "警示教育大会心得体会",
                                   "廉洁文化进校园心得体会", "新时代廉洁文化建设心得体会"])
def test_clean_culture_family_ways_and_warnings_keep_the_warning_pack(rh, topic: str) -> None:
    f = build_frame(topic, rh)
    assert f.pack is not None and f.pack.key == "jingshi_jiaoyu" and f.focus is None, topic


@pytest.mark.parametrize("topic", [
    "学习《中华人民共和国政府采购法》心得体会",  # an office's procurement has no workshop or 班组
    "社会保险法学习心得", "养老保险政策培训心得",  # social insurance is no insurer's claims desk, no care home
    "IT运维工作心得", "公司前台工作心得", "招标投标法学习心得",
])
def test_a_word_shared_with_a_trade_does_not_name_its_focus(rh, topic: str) -> None:
    assert build_frame(topic, rh).focus is None, topic


@pytest.mark.parametrize(("topic", "kind"), [
    ("庆祝五一国际劳动节", "commemoration"),  # a festival, never 从事五一劳动节工作
    ("庆祝三八妇女节", "commemoration"),  # s36 jieri36: days of a pack's focus
    ("“三八”国际妇女节活动", "commemoration"),  # a day marked with activities, not a practice
    ("中国农民丰收节", "commemoration"),
    ("中国医师节", "commemoration"),
    ("中国人民警察节", "commemoration"),
    ("入团仪式", "practice"),
    ("形势政策课", "student"),  # a course taken, never a field of work
])
def test_festivals_ceremonies_and_courses_are_no_fields_of_work(rh, topic: str, kind: str) -> None:
    assert build_frame(topic, rh).kind == kind


def test_a_campaign_pack_needs_the_campaigns_quoted_slogan(rh) -> None:
    """“清廉机关”主题教育 is not the campaign whose pack says 主题教育; 升旗 is no 开学第一课."""
    f = build_frame("“清廉机关”主题教育活动", rh)
    assert f.kind == "campaign" and (f.pack is None or f.pack.key != "zhuti_jiaoyu")
    assert build_frame("学习贯彻习近平新时代中国特色社会主义思想主题教育", rh).pack.key == "zhuti_jiaoyu"
    f = build_frame("周一升旗仪式", rh)
    assert f.pack is None or f.pack.key != "kaixue_diyike"


def test_a_lay_first_aid_course_stays_with_health_and_a_field_keeps_its_last_word(rh) -> None:
    """急救知识培训 is CPR for anyone, not the emergency ward; 智慧课堂 and 融合教育 are fields, not events."""
    f = build_frame("急救知识培训心得体会", rh)
    assert f.category is not None and f.category.name == "健康与体育" and f.focus is not None
    assert f.focus.name == "心肺复苏"
    assert build_frame("智慧课堂培训心得体会", rh).domain == "智慧课堂"
    assert build_frame("融合教育培训心得", rh).domain == "融合教育"


def test_a_packs_topic_takes_the_focus_its_category_knows(rh) -> None:
    """电梯安全管理培训 is 安全生产 (the pack) about 电梯 (a focus of 安全教育); 民法典 names no focus."""
    f = build_frame("电梯安全管理培训", rh)
    assert f.pack is not None and f.pack.key == "anquan_shengchan" and f.focus is not None and f.focus.name == "电梯"
    assert build_frame("民法典", rh).focus is None
    f = build_frame("高标准农田建设心得体会", rh)  # 粮食安全 (the pack) about 高标准农田 (a focus of 农业农村)
    assert f.pack is not None and f.pack.key == "liangshi_anquan"
    assert f.focus is not None and f.focus.name == "高标准农田"


@pytest.mark.parametrize(("topic", "kind"), [
    ("参加演讲比赛心得体会", "contest"),  # a contest, never 演讲比赛工作
    ("技能大赛心得体会", "contest"),
    ("校园诗词大会心得", "contest"),  # a contest on a stage, never a meeting studied for its spirit
    ("全国教育大会精神心得体会", "study"),
    ("作风建设学习月心得体会", "campaign"),  # a month of study, not an outdoor activity
    ("党的群众路线教育实践活动心得体会", "campaign"),  # a Party campaign, not an outing
])
def test_contests_and_months_of_study(rh, topic: str, kind: str) -> None:
    assert build_frame(topic, rh).kind == kind


# A contest as people type it → (the contest the prose names, who writes, the pack of its subject or None).
# The contest is named without who took part or how (参加, 参赛); its writer decides the draft's own angles.
CONTESTS = [
    ("参加全国大学生数学建模竞赛心得", "全国大学生数学建模竞赛", "学生", "xueke_jingsai"),
    ("全国大学生电子设计竞赛参赛心得", "全国大学生电子设计竞赛", "学生", "xueke_jingsai"),
    ("“挑战杯”大学生创业计划竞赛心得", "“挑战杯”大学生创业计划竞赛", "学生", "xueke_jingsai"),
    # the contests students enter with what they study (学科竞赛): the writer is a student even unnamed
    ("第一次参加物理竞赛的心得", "物理竞赛", "学生", "xueke_jingsai"),
    ("参加蓝桥杯程序设计大赛心得", "蓝桥杯程序设计大赛", "学生", "xueke_jingsai"),
    ("参加大学生“互联网+”创新创业大赛心得", "大学生“互联网+”创新创业大赛", "学生", "xueke_jingsai"),
    ("全国职业院校技能大赛心得", "全国职业院校技能大赛", "学生", "jineng_jingsai"),  # the college's students, not staff
    ("小学生演讲比赛心得", "小学生演讲比赛", "学生", "jineng_jingsai"),
    ("中学生英语演讲比赛有感", "中学生英语演讲比赛", "学生", "jineng_jingsai"),
    ("辩论赛心得体会", "辩论赛", "学生", "jineng_jingsai"),
    ("大学生职业生涯规划大赛心得", "大学生职业生涯规划大赛", "学生", "zhiye_guihua"),
    ("职业规划大赛心得", "职业规划大赛", "学生", "zhiye_guihua"),  # no 学生 in the topic: the pack's writer
    ("青年教师教学基本功大赛心得", "青年教师教学基本功大赛", "教师", "jineng_jingsai"),
    ("参加青年教师赛课活动心得", "青年教师赛课活动", "教师", "tingke_pingke"),
    ("骨干教师说课比赛参赛体会", "骨干教师说课比赛", "教师", "tingke_pingke"),
    ("班主任基本功大赛心得", "班主任基本功大赛", "教师", "banzhuren"),
    # the teacher writes, not the students
    ("高校青年教师教学竞赛心得", "高校青年教师教学竞赛", "教师", "tingke_pingke"),
    ("职业技能大赛心得体会", "职业技能大赛", "职工", "jineng_jingsai"),
    ("银行员工业务技能比赛心得", "银行员工业务技能比赛", "职工", None),
    ("电力职工劳动竞赛心得", "电力职工劳动竞赛", "职工", None),
    ("护理技能大赛心得", "护理技能大赛", "职工", "huli_gongzuo"),  # the nursing facts, a contest's plan
    ("消防技能比武心得体会", "消防技能比武", "职工", "xiaofang_anquan"),  # the fire law's facts, a contest's plan
    ("技能比武心得", "技能比武", "职工", None),  # never the 业务培训 pack by its alias 业务技能比武
    ("党史知识竞赛心得", "党史知识竞赛", "职工", "dangshi_xuexi"),
    ("参加演讲比赛心得体会", "演讲比赛", "职工", "jineng_jingsai"),
    ("安全知识竞赛心得", "安全知识竞赛", "职工", None),  # no category: a contest is no field to 做好
    # s37: contests of a skill shown before judges (技能文艺竞赛) and the robot contests (学科竞赛)
    ("医学生参加临床技能竞赛心得体会", "临床技能竞赛", "学生", "jineng_jingsai"),
    ("住院医师临床技能大赛心得", "住院医师临床技能大赛", "职工", "jineng_jingsai"),
    ("师范生教学技能大赛参赛心得", "师范生教学技能大赛", "学生", "jineng_jingsai"),  # a student teacher is a student
    ("青年教师教学基本功比赛心得", "青年教师教学基本功比赛", "教师", "jineng_jingsai"),
    ("参加全国大学生机器人大赛RoboMaster心得", "全国大学生机器人大赛RoboMaster", "学生", "xueke_jingsai"),
    ("RoboMaster机甲大师赛参赛心得", "RoboMaster机甲大师赛", "学生", "xueke_jingsai"),
    ("参加机器人大赛心得", "机器人大赛", "学生", "xueke_jingsai"),
    ("工业机器人技能大赛心得", "工业机器人技能大赛", "职工", "jineng_jingsai"),  # a trade's contest, no student's
    ("参加职业技能大赛心得体会", "职业技能大赛", "职工", "jineng_jingsai"),
    ("参加校园十佳歌手大赛心得", "校园十佳歌手大赛", "学生", "jineng_jingsai"),
    ("演讲比赛心得体会", "演讲比赛", "职工", "jineng_jingsai"),
    ("辩论赛心得", "辩论赛", "学生", "jineng_jingsai"),
    ("红色经典诵读比赛心得", "红色经典诵读比赛", "职工", "jineng_jingsai"),
]


@pytest.mark.parametrize("topic,name,writer,pack", CONTESTS)
def test_a_contest_is_prepared_for_and_fought(rh, topic: str, name: str, writer: str, pack: str | None) -> None:
    f = build_frame(topic, rh)
    assert (f.kind, f.object, f.name, f.occasion, f.writer) == ("contest", None, name, name, writer), f.explain()
    assert (f.pack.key if f.pack else None) == pack, f.explain()
    assert f.category is None and (pack is not None or f.domain == name)
    assert f.explain()["writer"] == writer


@pytest.mark.parametrize(("topic", "kind"), [
    ("学校运动会有感", "practice"),  # a games day is joined, not prepared for with a coach
    ("职工趣味运动会", "practice"),
    ("校园艺术节", "practice"),
    ("技能竞赛集训心得", "practice"),  # training for a contest is no contest
    ("教学技能竞赛培训心得", "training"),
])
def test_games_days_and_trainings_for_a_contest_are_no_contest(rh, topic: str, kind: str) -> None:
    f = build_frame(topic, rh)
    assert f.kind == kind and f.writer is None and "writer" not in f.explain(), f.explain()


@pytest.mark.parametrize(("topic", "neighbour"), [
    ("派出所社区警务工作心得体会", "shequ_gongzuo"),
    ("社区矫正工作培训心得", "shequ_gongzuo"),  # offenders under supervision: judicial work
    ("物业服务工作心得体会", "shequ_gongzuo"),  # a company serving a compound, not the residents' committee
    ("心理咨询师职业道德心得", "xinli_jiankang"),  # a counsellor's ethics, not pupils' mental health
    ("少先队辅导员工作心得", "fudaoyuan"),  # a primary school's Young Pioneers leader, not a university's
    ("中小学心理健康教育教师培训心得", "fudaoyuan"),
])
def test_a_trade_beside_a_packs_field_is_not_that_pack(rh, topic: str, neighbour: str) -> None:
    f = build_frame(topic, rh)
    assert f.pack is None or f.pack.key != neighbour


@pytest.mark.parametrize("topic, name", [
    ("教师学习全国教育大会精神心得体会", "全国教育大会精神"),
    ("教育系统学习贯彻全国教育大会精神心得体会", "全国教育大会精神"),
    ("幼儿园教师学习学前教育法心得", "学前教育法"),
    ("党员干部学习二十届四中全会精神心得", "二十届四中全会精神"),
    ("社区干部学习反家庭暴力法心得体会", "《反家庭暴力法》"),
    ("妇联干部学习新修订的妇女权益保障法心得", "新修订的《妇女权益保障法》"),
    ("学习全国教育大会精神心得体会", "全国教育大会精神"),
])
def test_who_studies_is_no_part_of_what_is_studied(rh, topic: str, name: str) -> None:
    """教师学习X: the prose names X, never 教师学习X."""
    assert build_frame(topic, rh).name == name


def test_a_law_nothing_knows_is_studied_as_a_law_and_a_laws_own_pack_borrows_its_angles(rh) -> None:
    f = build_frame("学习《中华人民共和国关税法》心得体会", rh)
    assert f.kind == "study" and f.pack is not None and f.pack.key == "falv_xuexi"
    assert f.name == "《中华人民共和国关税法》" and f.category is None
    regulation = build_frame("学习《信访工作条例》心得", rh).pack  # a regulation is no law
    assert regulation is None or regulation.key != "falv_xuexi"
    own = build_frame("学习《中华人民共和国能源法》心得体会", rh)
    assert own.pack is not None and own.pack.key == "nengyuan_fa" and own.focus is None  # no 节约用电 scenes
    genre = rh.packs["falv_xuexi"]
    assert [a.term for a in own.pack.angles] == [a.term for a in genre.angles]
    assert not any(a.facts for a in own.pack.angles)


@pytest.mark.parametrize("topic, pack", [
    ("学习《中华人民共和国招标投标法》心得体会", "zhaobiao_toubiao_fa"),
    ("招标投标法学习心得", "zhaobiao_toubiao_fa"),
    ("招投标法学习心得体会", "zhaobiao_toubiao_fa"),
    ("学习《中华人民共和国反家庭暴力法》心得体会", "fan_jiating_baoli_fa"),
    ("社区干部学习反家庭暴力法心得体会", "fan_jiating_baoli_fa"),
    ("反家暴法学习心得", "fan_jiating_baoli_fa"),
    ("学习新修订的妇女权益保障法心得体会", "funv_quanyi_fa"),
    ("妇女权益保障法学习心得", "funv_quanyi_fa"),
    ("学习《中华人民共和国妇女权益保障法》心得体会", "funv_quanyi_fa"),
    ("学习《政府采购法》心得体会", "zhengfu_caigou_fa"),  # a neighbour keeps its own
    ("学习未成年人保护法心得", "weichengnianren_fa"),
])
def test_a_law_with_its_own_pack_reaches_it_not_the_genre_or_the_rights_category(rh, topic: str, pack: str) -> None:
    """A 招标投标法 draft on the genre's angles said nothing of 招标、投标、评标; the rights category took the
    domestic violence and women's rights laws."""
    f = build_frame(topic, rh)
    assert f.kind == "study" and f.pack is not None and f.pack.key == pack and f.category is None, f.explain()


@pytest.mark.parametrize(("topic", "title", "occasion"), [
    ("赴湖州安吉余村考察学习心得", "安吉余村", "安吉余村"),
    ("到余村学习考察“两山”理念心得体会", "安吉余村", "余村"),
    ("赴深圳考察学习心得体会", "深圳经济特区", "深圳"),
    ("赴凤阳小岗村考察学习心得体会", "小岗村", "凤阳小岗村"),
    ("赴塞罕坝机械林场学习考察心得", "塞罕坝机械林场", "塞罕坝机械林场"),
    ("赴浙江学习考察“千万工程”经验心得", "浙江千万工程", "千万工程"),
])
def test_a_study_tour_to_a_known_place_is_a_visit_there(rh, topic: str, title: str, occasion: str) -> None:
    f = build_frame(topic, rh)
    assert f.kind == "visit" and f.work is not None and f.work.title == title, f.explain()
    assert f.occasion == occasion


@pytest.mark.parametrize("topic", ["赴浙江考察学习心得体会", "外出考察学习心得体会", "赴先进地区学习考察心得",
                                   "学习习近平总书记考察深圳重要讲话精神心得"])
def test_a_study_tour_naming_no_known_place_stays_a_tour(rh, topic: str) -> None:
    f = build_frame(topic, rh)
    assert f.work is None and f.kind != "visit", f.explain()


@pytest.mark.parametrize("topic", ["银行网点员工学习《中华人民共和国个人信息保护法》心得体会",
                                   "社区工作者认真学习《中华人民共和国个人信息保护法》的体会"])
def test_who_studies_a_document_is_not_part_of_its_name(rh, topic: str) -> None:
    """学习银行网点员工学习《…》的体会 and 我认真研读了银行网点员工学习《…》 came from a name that kept the writer."""
    f = build_frame(topic, rh)
    assert f.kind == "study"
    assert f.name == f.occasion == "《中华人民共和国个人信息保护法》", (f.name, f.occasion)


@pytest.mark.parametrize("topic,category", [
    ("世界水日宣传活动心得", "自然资源与水利气象"), ("中国水周主题活动心得体会", "自然资源与水利气象"),
    ("世界卫生日主题宣传活动心得", "健康与体育"),
])
def test_a_world_day_reaches_the_category_of_its_field(rh, topic: str, category: str) -> None:
    """世界水日 is kept by the water services, 世界卫生日 is health: not the bare default of an activity."""
    frame = build_frame(topic, rh)
    assert frame.pack is None and frame.category is not None and frame.category.name == category, frame.explain()


@pytest.mark.parametrize(("topic", "domain"), [
    ("茶艺师培训心得", "茶艺工作"),
    ("快递员职业道德", "快递工作"),
    ("月嫂培训心得", "母婴护理工作"),
    ("电工培训心得", "电工工作"),
    ("客服工作心得", "客服工作"),  # a field already
])
def test_a_trades_category_speaks_of_the_trades_work_not_of_the_person(rh, topic: str, domain: str) -> None:
    """A category's claims take the topic's subject as a field: 抓茶艺师得讲投入产出 and 快递员职业道德抓得怎么样，
    最终得由市场去检验 were struck. A trade named by its person, or its ethics, is spoken of as the trade's work,
    and a manager's angles (效益观念, 市场意识) are none of its sections."""
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest

    f = build_frame(topic, rh)
    assert f.category is not None and f.focus is not None and f.domain == domain
    person = {"茶艺师培训心得": "茶艺师", "快递员职业道德": "快递员", "月嫂培训心得": "月嫂", "电工培训心得": "电工"}
    assert f.person == person.get(topic)  # who writes: 身为一名茶艺师, never a category's 干部职工
    if topic != "客服工作心得":
        for seed in range(1, 4):
            angles = compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh).meta["angles"]
            managers = {f"category:fuwu_jingying#{t}" for t in ("效益观念", "市场意识", "分析能力")}
            assert not managers & set(angles), (seed, angles)


def test_a_lawyers_ethics_is_written_by_a_lawyer(rh) -> None:
    """律师职业道德 was written "身为一名干部职工" (the 政法 category's audience): a lawyer is none."""
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest

    assert build_frame("律师职业道德心得体会", rh).person == "律师"
    for seed in range(1, 6):
        o = compose(ComposeRequest(topic="律师职业道德心得体会", seed=seed), rhetoric=rh)
        assert "干部职工" not in "".join(o.reading_lines()), seed


def test_a_campaign_its_pack_does_not_name_is_its_own_occasion(rh) -> None:
    """群众身边不正之风和腐败问题集中整治 takes the warning pack by 腐败; its draft read "警示教育大会启动以来" (the
    pack's occasion), of a campaign it never named. A pack named by the topic keeps its own occasions."""
    f = build_frame("群众身边不正之风和腐败问题集中整治心得体会", rh)
    assert f.kind == "campaign" and f.occasion == "群众身边不正之风和腐败问题集中整治"
    assert build_frame("主题教育心得体会", rh).occasion is None


def test_explain_names_the_trades_person_and_what_the_draft_speaks_of(tmp_path) -> None:
    from click.testing import CliRunner

    from xindegen.cli import main

    res = CliRunner().invoke(main, ["new", "--topic", "茶艺师培训心得", "--explain", "-o", str(tmp_path / "x.txt")])
    assert res.exit_code == 0, res.output
    assert "作者：茶艺师（按茶艺工作来写）" in res.stderr

@pytest.mark.parametrize(("topic", "focus"), [
    ("感恩教育主题班会心得体会", "感恩"), ("主题班会心得体会", None), ("班会课心得体会", None),
    ("主题班会课观摩心得", None), ("防溺水主题班会心得体会", "安全"), ("心理健康主题班会心得", "心理健康"),
    ("诚信主题班会心得体会", "诚信"), ("主题班会设计心得", None),
])
def test_a_class_meeting_is_the_class_teachers_meeting_on_its_theme(rh, topic: str, focus: str | None) -> None:
    """感恩教育主题班会 took the 班主任工作 pack and never spoke of the meeting or its theme."""
    f = build_frame(topic, rh)
    assert f.pack is not None and f.pack.key == "zhuti_banhui" and not f.pupil, topic
    assert (f.focus.name if f.focus else None) == focus, topic
    assert build_frame("班主任工作心得体会", rh).pack.key == "banzhuren"  # the neighbour keeps its own


def test_a_pupils_class_meeting_takes_no_teachers_pack(rh) -> None:
    """主题班会有感 is the meeting a pupil sat in: a pupil's school activity, not the 班主任's running of it."""
    for topic in ("主题班会有感", "感恩主题班会有感"):
        f = build_frame(topic, rh)
        assert f.pupil and f.kind == "student" and f.pack is None, topic


@pytest.mark.parametrize("topic", ["全科医生转岗培训心得体会", "全科医师规范化培训心得", "全科转岗培训心得"])
def test_a_general_practitioners_training_is_general_practice(rh, topic: str) -> None:
    """全科医生转岗培训心得体会 found nothing: it is 医疗卫生 on general practice (首诊, 转诊, 随访, 签约)."""
    f = build_frame(topic, rh)
    assert f.category is not None and f.category.name == "医疗卫生", topic
    assert f.focus is not None and f.focus.name == "全科医生", topic
    assert "转岗" not in f.domain and not f.domain.endswith("医生"), f.domain

@pytest.mark.parametrize("topic, key", [
    ("学习习近平经济思想心得体会", "xi_jingji_sixiang"),
    ("学习贯彻习近平经济思想研讨发言", "xi_jingji_sixiang"),
    ("学习《习近平经济思想学习纲要》心得体会", "xi_jingji_sixiang"),
    ("学习习近平文化思想心得体会", "xi_wenhua_sixiang"),
    ("习近平文化思想学习纲要学习心得", "xi_wenhua_sixiang"),
    ("全国宣传思想文化工作会议精神学习心得", "xi_wenhua_sixiang"),
    ("学习中央经济工作会议精神心得体会", "xi_jingji_sixiang"),
    ("学习贯彻2024年中央经济工作会议精神心得", "xi_jingji_sixiang"),
])
def test_the_study_of_xis_economic_and_cultural_thought_finds_its_pack(rh, topic: str, key: str) -> None:
    f = build_frame(topic, rh)
    assert f.kind == "study" and f.pack is not None and f.pack.key == key


def test_the_thoughts_neighbours_keep_their_packs(rh) -> None:
    """新质生产力 stays with 科技创新, 意识形态工作 with its own pack, 二十大精神 with the congress."""
    assert build_frame("学习新质生产力心得体会", rh).pack.key == "keji_chuangxin"
    assert build_frame("意识形态工作心得", rh).pack.key == "yishixingtai"
    assert build_frame("学习二十大精神心得体会", rh).pack.key == "ershida_jingshen"


@pytest.mark.parametrize("topic", ["全国宣传思想文化工作会议精神学习心得", "学习习近平文化思想做好文化工作心得"])
def test_a_word_ending_in_hua_before_gongzuo_names_no_chemical_industry(rh, topic: str) -> None:
    """文化工作 holds the characters 化工 but is no chemical plant; 精细化工 still is."""
    assert build_frame(topic, rh).focus is None
    f = build_frame("精细化工安全心得", rh)
    assert f.focus is not None and f.focus.name == "化工"


@pytest.mark.parametrize(("topic", "event"), [
    ("读书心得体会", None),
    ("参加单位读书分享会心得体会", "单位读书分享会"),
    ("世界读书日活动心得", "世界读书日活动"),
])
def test_reading_that_names_no_book_reads_some_books(rh, topic: str, event: str | None) -> None:
    """读书心得 and 读书分享会 name no book: drafts read "我认真读完读书学习" (the pack's domain as a book).
    What was read is some books; an event the topic names opens the lead, and no pack's event is made up."""
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest

    f = build_frame(topic, rh)
    assert f.kind == "book" and f.object is None and f.occasion == event
    for seed in range(1, 6):
        text = "".join(compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh).reading_lines())
        assert "读书学习" not in text, seed
        assert "几本" in text, seed
        assert (event in text) if event else ("分享会" not in text and "参加了" not in text[:200]), seed


def test_a_named_reading_still_names_what_was_read(rh) -> None:
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest

    for topic, read in (("读《红岩》有感", "《红岩》"), ("读红色经典有感", "红色经典")):
        texts = ["".join(compose(ComposeRequest(topic=topic, seed=s), rhetoric=rh).reading_lines())
                 for s in range(1, 7)]
        assert any(f"读完{read}" in t or f"读了{read}" in t for t in texts), topic


@pytest.mark.parametrize("topic", ["经验交流会心得体会", "优秀教师经验分享会心得", "教学研讨会心得"])
def test_a_meeting_to_share_experience_is_an_event_attended_not_a_field(rh, topic: str) -> None:
    """经验交流会 was written as a field of work (做好经验工作)."""
    f = build_frame(topic, rh)
    assert f.kind == "practice" and f.occasion is not None and f.occasion in topic


@pytest.mark.parametrize(("topic", "domain"), [
    ("学习《关于加强新时代检察机关法律监督工作的意见》心得", "检察工作"),
    ("学习《关于进一步加强医疗卫生行业综合监管的指导意见》心得", "医疗卫生"),
])
def test_a_document_that_is_no_law_is_studied_for_its_field(rh, topic: str, domain: str) -> None:
    """The category's prose speaks of its field: "关于加强…的意见服务的是有血有肉的当事人" read the document's
    title as the work done. The title stays the object, named in the lead."""
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest

    f = build_frame(topic, rh)
    title = f.object
    assert f.kind == "study" and title is not None and f.domain == domain
    for seed in range(1, 4):
        text = "".join(compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh).reading_lines())
        assert text.count(title.strip("《》")) == text.count(title) >= 1, seed


@pytest.mark.parametrize(("topic", "heard"), [("专题党课心得体会", "专题党课"), ("听党课心得", "党课"),
                                              ("聆听形势报告会心得", "形势报告会")])
def test_a_lesson_or_a_talk_is_heard_not_read(rh, topic: str, heard: str) -> None:
    """专题党课 was "我系统研读了专题党课", 听党课 "我认真学习了听党课"."""
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest

    assert build_frame(topic, rh).name == heard
    for seed in range(1, 5):
        lead = compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh).lead.paragraphs
        text = "".join(lead)
        assert re.search(rf"(聆听了|参加了|认真听了){heard}", text), (seed, text)
        assert not re.search(rf"(研读|学习|领会)了{heard}", text), (seed, text)


@pytest.mark.parametrize(("topic", "occasion"), [
    ("国家安全教育日心得体会", "国家安全教育日主题活动"), ("国家宪法日心得体会", "国家宪法日主题活动"),
    ("世界环境日心得", "世界环境日主题活动"), ("世界读书日心得", "世界读书日主题活动"),
])
def test_a_day_observed_is_joined_in_its_activities_not_studied(rh, topic: str, occasion: str) -> None:
    """国家安全教育日 was "我认真学习领会了国家安全教育日", 世界环境日 a field of work."""
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest

    f = build_frame(topic, rh)
    assert f.kind in ("practice", "book") and f.occasion == occasion
    for seed in range(1, 4):
        text = "".join(compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh).reading_lines())
        day = occasion.removesuffix("主题活动")
        assert not re.search(rf"(研读|学习|领会)了{day}", text), seed


def test_a_tellers_service_is_frontline_service_not_compliance(rh) -> None:
    """银行柜员服务心得 took the compliance pack by 银行 and 柜员 (an ethics draft titled 金融合规学习心得体会); a
    topic ending in 服务 names a field of work, and a teller writes of no profit or market."""
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest

    f = build_frame("银行柜员服务心得", rh)
    assert f.pack is None and f.category is not None and f.category.key == "fuwu_jingying"
    assert f.focus is not None and f.focus.name == "银行网点" and f.kind == "field"
    assert build_frame("银行职业道德心得", rh).pack.key == "jinrong_hegui"  # a bank's ethics stays compliance
    for seed in range(1, 6):
        angles = compose(ComposeRequest(topic="银行柜员服务心得", seed=seed), rhetoric=rh).meta["angles"]
        managers = {f"category:fuwu_jingying#{t}" for t in ("效益观念", "市场意识", "分析能力")}
        assert not managers & set(angles), (seed, angles)
def test_a_study_compound_keeps_its_xuexi(rh) -> None:
    """理论学习心得 was framed as a field named 理论 (做好理论工作), 参加集中学习心得 as 集中工作 written by a
    pupil (集中学习 holds 中学). The genre's 学习心得 still goes: 党纪学习心得 is about 党纪."""
    assert plain_topic("理论学习心得体会") == "理论学习"
    assert plain_topic("参加支部集中学习心得体会") == "参加支部集中学习"
    assert plain_topic("党纪学习心得") == "党纪"
    assert plain_topic("党的二十大精神专题学习体会") == "党的二十大精神专题"  # 学习了…专题学习 is no sentence
    f = build_frame("参加集中学习心得", rh)
    assert not f.pupil and f.pack is not None and f.pack.key == "lilun_xuexi" and f.occasion == "集中学习"
    assert build_frame("参加支部集中学习心得体会", rh).occasion == "支部集中学习"


_BAD_THEORY = ("学习了理论学习", "做好理论学习工作", "理论工作", "集中工作", "学习学习", "学学得")
_BAD_MEETING = ("收拾", "器材", "老人", "志愿", "躬身实践", "活动中", "做好经验")


@pytest.mark.parametrize(("topic", "bad", "named"), [
    ("理论学习心得体会", _BAD_THEORY, ("集中学习", "理论学习交流会", "集中理论学习")),
    ("参加支部集中学习心得体会", _BAD_THEORY, ("支部集中学习",)),
    ("经验交流会心得体会", _BAD_MEETING, ("经验交流会",)),
    ("工作经验交流会心得", _BAD_MEETING, ("工作经验交流会",)),
])
def test_theory_study_and_experience_meetings_read_as_what_they_are(rh, topic: str, bad: tuple[str, ...],
                                                                    named: tuple[str, ...]) -> None:
    """Theory study is attended (我参加了支部集中学习), not a field of work; an experience meeting is where
    colleagues tell how they work, not a hands-on activity (收拾场地、归还器材)."""
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest

    for seed in range(1, 7):
        draft = compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh)
        text = "".join(draft.reading_lines())
        assert not [b for b in bad if b in text], (seed, [b for b in bad if b in text])
        assert any(n in text[:300] for n in named), seed


@pytest.mark.parametrize("topic", ["茶艺师培训心得", "月嫂培训心得", "美发师工作心得"])
def test_one_who_works_alone_at_a_clients_hands_no_case_across_departments(rh, topic: str) -> None:
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest

    for seed in range(1, 5):
        angles = compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh).meta["angles"]
        assert "category:fuwu_jingying#协同能力" not in angles, (seed, angles)
    angles = compose(ComposeRequest(topic="银行柜员服务心得", seed=1), rhetoric=rh).meta["angles"]
    assert "category:fuwu_jingying#协同能力" in angles  # a teller's bank has departments


# A spirit of the 中国共产党人精神谱系 is studied, whichever verb carries it (弘扬延安精神 was 做好弘扬延安精神工作);
# its focus brings its own facts. A pack's own spirit and a person's keep their routes.
@pytest.mark.parametrize(("topic", "name", "focus"), [
    ("学习红旗渠精神心得", "红旗渠精神", "红旗渠精神"), ("学习“两弹一星”精神心得", "“两弹一星”精神", "“两弹一星”精神"),
    ("学习抗美援朝精神心得", "抗美援朝精神", "抗美援朝精神"), ("弘扬延安精神心得体会", "延安精神", "延安精神"),
    ("传承井冈山精神", "井冈山精神", "井冈山精神"), ("弘扬长征精神", "长征精神", "长征精神"),
    ("学习沂蒙精神", "沂蒙精神", "沂蒙精神"), ("弘扬抗疫精神", "抗疫精神", "抗疫精神"),
    ("学习塞罕坝精神", "塞罕坝精神", "塞罕坝精神"), ("学习载人航天精神", "载人航天精神", "载人航天精神"),
    ("学习北京冬奥精神", "北京冬奥精神", "北京冬奥精神"), ("红旗渠精神心得体会", "红旗渠精神", "红旗渠精神"),
    ("学习中国共产党人精神谱系", "中国共产党人精神谱系", None),
])
def test_a_spirit_of_the_pupu_is_studied_with_its_focus(rh, topic: str, name: str, focus: str | None) -> None:
    f = build_frame(topic, rh)
    assert (f.kind, f.name, f.pack.key if f.pack else None) == ("study", name, "jingshen_pupu")
    assert (f.focus.name if f.focus else None) == focus


@pytest.mark.parametrize(("topic", "kind", "pack", "name"), [
    ("学习焦裕禄精神", "model", None, "焦裕禄精神"), ("焦裕禄精神心得体会", "model", None, "焦裕禄精神"),
    ("学习雷锋精神", "model", "zhiyuan_fuwu", "雷锋精神"), ("弘扬工匠精神", "ethics", "gongjiang_jingshen", None),
    ("学习劳模精神", "study", "gongjiang_jingshen", "劳模精神"), ("弘扬劳动精神", "ethics", "gongjiang_jingshen", None),
    ("弘扬五四精神", "commemoration", "wusi_qingnian", "五四精神"),
    ("学习伟大建党精神", "study", "qiyi_jianghua", "伟大建党精神"),
    ("弘扬伟大建党精神", "study", "qiyi_jianghua", "伟大建党精神"),
    ("赓续红色血脉弘扬伟大建党精神", "study", "qiyi_jianghua", "赓续红色血脉弘扬伟大建党精神"),
    ("弘扬西柏坡精神", "study", None, "西柏坡精神"), ("弘扬伟大抗战精神", "study", None, "伟大抗战精神"),
    ("参观红旗渠纪念馆", "visit", None, None), ("观看电影《长津湖》", "film", None, None),
])
def test_a_spirit_owned_elsewhere_keeps_its_route(rh, topic: str, kind: str, pack: str | None,
                                                  name: str | None) -> None:
    f = build_frame(topic, rh)
    assert f.kind == kind
    if pack is not None or kind in ("model", "study"):
        assert (f.pack.key if f.pack else None) == pack
    assert f.pack is None or f.pack.key != "jingshen_pupu"
    if name is not None:
        assert f.name == name


@pytest.mark.parametrize(("topic", "own", "other"), [
    ("学习红旗渠精神心得", "红旗渠", "两弹一星"), ("学习“两弹一星”精神心得", "原子弹", "红旗渠"),
    ("弘扬延安精神心得体会", "延安", "塞罕坝"), ("学习塞罕坝精神", "塞罕坝", "延安"),
])
def test_a_spirits_draft_speaks_of_its_own_spirit(rh, topic: str, own: str, other: str) -> None:
    """A draft on 红旗渠精神 speaks of 红旗渠 and never calls the spirit a field of work."""
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest

    for seed in range(1, 5):
        text = "".join(compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh).reading_lines())
        assert own in text and other not in text, seed
        assert not re.search(r"精神工作|做好[^，。]{0,8}精神", text), seed
        assert not re.search(r"(弘扬|传承)(弘扬|传承)", text), seed


def test_neonatal_nursing_is_no_freshman_and_farm_produce_is_no_factory_quality(rh) -> None:
    """R22: 新生儿科护理 was framed as a student's (新生, a freshman); 农产品质量安全法 took the factory quality pack
    (the rater read 《产品质量法》 and 质量强国 in a draft on farm produce)."""
    f = build_frame("新生儿科护理工作心得体会", rh)
    assert f.kind == "field" and f.pack is not None and f.pack.key == "huli_gongzuo"
    assert build_frame("新生入学教育心得", rh).kind == "student"
    f = build_frame("学习《中华人民共和国农产品质量安全法》心得", rh)
    assert f.kind == "study" and (f.pack is None or f.pack.key != "zhiliang_guanli")
    assert f.category is not None and f.category.key == "nongye_nongcun"


def test_r22_campaigns_are_campaigns_and_a_clinic_masters_no_crowd(rh) -> None:
    """R22: 保持共产党员先进性教育活动 was an outdoor event ("活动到了一半，天空突然下起雨"), and at a 义诊 "身边的同事…
    联系医护人员". The two campaigns are campaigns; the kind's 临场应变 angle stays away from clinics and studies."""
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest

    for topic in ("保持共产党员先进性教育活动心得体会", "创先争优活动心得体会"):
        assert build_frame(topic, rh).kind == "campaign"
    for seed in range(1, 6):
        o = compose(ComposeRequest(topic="送医下乡义诊活动心得体会", seed=seed), rhetoric=rh)
        assert not any(a.endswith("#临场应变") for a in o.meta["angles"]), seed


def test_the_victims_of_a_disaster_are_no_forebears(rh) -> None:
    """R22: a generic draft on 唐山大地震 read "缅怀先辈…" of the earthquake's dead."""
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest

    forebears = {"过硬本领", "责任担当", "感恩之心", "精神传承"}
    for seed in range(1, 6):
        o = compose(ComposeRequest(topic="玉树地震十五周年纪念心得", seed=seed), rhetoric=rh)
        assert not forebears & {a.split("#")[-1] for a in o.meta["angles"]}, seed


def test_an_earthquake_is_mourned_not_followed(rh) -> None:
    """唐山 and 汶川 are focuses of jinian_ri: their dead are no forebears, no 国耻, no war's lesson."""
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest
    from xindegen.render.text import render_text

    war = {"忧患意识", "崇敬之心", "危机意识", "明辨能力", "过硬本领", "精神传承", "实干担当"}
    bad = ("先辈", "先烈", "国耻", "屈辱", "落后就要挨打", "和平来之不易", "以实绩", "以工作成绩")
    for topic, own, other in (("纪念唐山大地震50周年心得体会", "唐山", "汶川"),
                              ("5·12汶川特大地震纪念", "汶川", "唐山")):
        for seed in range(1, 6):
            o = compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh)
            text = render_text(o, "txt")
            assert o.meta["packs"] == ["jinian_ri"], (topic, seed)
            assert not war & {a.split("#")[-1] for a in o.meta["angles"]}, (topic, seed)
            assert own in text and other not in text, (topic, seed)
            assert not [w for w in bad if w in text], (topic, seed)


# A student's own career (helper zhiye s35): whatever school or occasion the topic names, the writer holds no
# post; a plan or a guidance is a course studied (完成了…课程的学习), an activity or a talk stays as typed.
CAREERS = [
    ("大学生职业生涯规划心得体会", "student", "大学生职业生涯规划课程的学习", None),
    ("职业生涯规划课心得", "student", "职业生涯规划课的学习", None),
    ("就业指导课心得", "student", "就业指导课的学习", "就业指导"),
    ("高中生职业体验活动心得", "practice", "高中生职业体验活动", "职业体验"),
    ("就业创业教育讲座心得", "training", "就业创业教育讲座", "就业创业"),
    ("职业生涯规划书心得", "student", "职业生涯规划书", None),
]


@pytest.mark.parametrize(("topic", "kind", "occasion", "focus"), CAREERS)
def test_a_students_career_is_a_students(rh, topic: str, kind: str, occasion: str, focus: str | None) -> None:
    f = build_frame(topic, rh)
    assert f.pack is not None and f.pack.key == "zhiye_guihua", f.explain()
    got = (f.kind, f.occasion, f.focus.name if f.focus else None, f.pupil)
    assert got == (kind, occasion, focus, True), f.explain()


def test_career_drafts_speak_as_a_student(rh) -> None:
    """No post, no 部门 or 回到校园后 for a course at school; no 求职 for a pupil, no 选科 at university."""
    from xindegen.compose.composer import WORK_WORDS
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest
    from xindegen.render.text import render_text

    bad = ("部门开展", "部门组织", "回到校园后", "经历了大学生职业生涯规划。", "完成了职业生涯规划课。", "用人单位",
           "工作坊", "\n——收获", "\n——心得\n")
    for topic, own, other in (("大学生职业生涯规划心得体会", "选择能力", None),
                              ("高中生职业体验活动心得", "求职本领", "择业观念"),
                              ("就业指导课心得", "选择能力", None),
                              ("就业创业教育讲座心得", "选择能力", None)):
        for seed in range(1, 5):
            o = compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh)
            text = render_text(o, "txt")
            terms = {a.split("#")[-1] for a in o.meta["angles"] + o.meta.get("second", [])}
            assert o.meta["packs"] == ["zhiye_guihua"], (topic, seed)
            assert own not in terms and (other is None or other not in terms), (topic, seed, terms)
            assert not [w for w in bad if w in text], (topic, seed)
            # work words outside the topic's own name, a document's title and the heading 在职业认知上
            plain = re.sub(r"《[^》]*》|大学生职业生涯规划|在职业认知", "", text)
            assert not WORK_WORDS.search(plain), (topic, seed, WORK_WORDS.search(plain))


# A founding leader's birthday: his focus of jinian_ri (facts, scenes and pairs of his life), angles of his own
# conduct, none of a war's (peace won, 落后就要挨打) or a day's events, and no anniversary the topic does not give.
_LEADERS = {
    "纪念周恩来同志诞辰125周年心得体会": ("周恩来同志诞辰", {"公仆情怀", "严谨细致", "勤勉尽责"}, "1898年3月5日"),
    "纪念朱德同志诞辰140周年心得体会": ("朱德同志诞辰", {"朴素本色", "以身作则"}, "1886年12月1日"),
    "纪念邓小平同志诞辰120周年心得": ("邓小平同志诞辰", {"实事求是", "开拓创新"}, "1904年8月22日"),
    "纪念刘少奇同志诞辰125周年心得体会": ("刘少奇同志诞辰", {"党性修养", "严以律己"}, "1898年11月24日"),
    "纪念陈云同志诞辰120周年": ("陈云同志诞辰", {"求真务实", "勤奋学习"}, "1905年6月13日"),
    "周总理诞辰心得": ("周恩来同志诞辰", {"公仆情怀", "严谨细致", "勤勉尽责"}, "1898年3月5日"),
    "纪念小平同志诞辰心得体会": ("邓小平同志诞辰", {"实事求是", "开拓创新"}, "1904年8月22日"),
    "纪念陈毅同志诞辰125周年心得体会": ("陈毅同志诞辰", {"清正自守", "信念如磐", "谦逊自省"}, "1901年8月26日"),
}


@pytest.mark.parametrize("topic", sorted(_LEADERS))
def test_a_leaders_birthday_speaks_of_his_life(rh, topic: str) -> None:
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest
    from xindegen.render.text import render_text

    focus, own_angles, _ = _LEADERS[topic]
    others = {d for t, (f, _, d) in _LEADERS.items() if f != focus} | {"1893年12月26日"}  # 毛泽东's
    war = {"忧患意识", "危机意识", "过硬本领", "历史记忆", "明辨能力", "生命意识", "防灾意识"}
    bad = ("国耻", "屈辱", "落后就要挨打", "和平来之不易", "缅怀先烈", "节日", "到来之际", "纪念纪念")
    typed = set(re.findall(r"\d+周年", topic))
    seen: set[str] = set()
    for seed in range(1, 9):
        o = compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh)
        text = render_text(o, "txt")
        assert (o.meta["frame"]["pack"], o.meta["frame"]["focus"]) == ("jinian_ri", focus), (topic, seed)
        terms = {a.split("#")[-1] for a in o.meta["angles"]}
        assert not war & terms, (topic, seed, war & terms)
        seen |= terms
        assert not [w for w in bad if w in text], (topic, seed)
        assert not [d for d in others if d in text], (topic, seed)  # no other leader's birthday
        # an anniversary is the topic's own, or the dated title of a meeting that was held
        prose = re.sub(r"《[^》]*》", "", text)  # a cited title (…“抗战胜利70周年”纪念章…) is no anniversary of ours
        for m in re.finditer(r"\d+周年", prose):
            where = prose[m.start() - 12:m.end() + 4]
            assert m.group() in typed or prose.startswith("座谈会", m.end()), (topic, seed, where)
    assert own_angles & seen, (topic, seen)  # his own conduct, not only what holds of any forebear


def test_the_anniversary_after_its_number_names_the_birthday(rh) -> None:
    """纪念毛泽东同志130周年诞辰 names 毛泽东同志诞辰 as 纪念毛泽东同志诞辰130周年 does."""
    for topic, focus in (("纪念毛泽东同志130周年诞辰心得体会", "毛泽东同志诞辰"),
                         ("纪念周恩来同志一百二十五周年诞辰", "周恩来同志诞辰")):
        f = build_frame(topic, rh)
        assert (f.pack and f.pack.key, f.focus and f.focus.name) == ("jinian_ri", focus), f.explain()



# 抗美援朝 (出国作战 1950-10-19, 首战 and 纪念日 10-25, 停战 1953-07-27): a focus of jinian_ri. Its drafts speak of the
# 志愿军 and take the war's angles (崇敬之心, 危机意识 … and its own 爱国情怀, 攻坚本领), never a leader's conduct, a
# disaster's or a humiliation's (国耻, 屈辱: a war won), and no anniversary but the typed one or a dated meeting's.
_KANGMEI = ("纪念中国人民志愿军抗美援朝出国作战75周年心得", "抗美援朝纪念日心得体会", "纪念抗美援朝胜利70周年心得",
            "抗美援朝出国作战75周年心得体会")
# wordings struck while reading drafts (kept out for good)
_KANGMEI_BAD = ("这名字", "在和平的日子上", "和平三个词", "一个人直起", "于装备", "学、边总结", "学、边琢磨",
                "同志年轻同事", "多些想", "守阵地的凭的是", "决定迈出去", "一端连着", "对着一排排", "放映放完",
                "还要先要", "首先要先", "在座谈会上讲话", "首先是不怕", "首先是敢打", "于那一代人",
                "纪念志愿军抗美援朝")


@pytest.mark.parametrize("topic", _KANGMEI)
def test_the_resist_america_aid_korea_days_speak_of_the_volunteers(rh, topic: str) -> None:
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest
    from xindegen.render.text import render_text

    leaders = {"调研本领", "研读能力", "群众观点", "公仆情怀", "实事求是", "求真务实", "朴素本色"}
    others = {"忧患意识", "生命意识", "防灾意识", "应急本领", "救护能力", "守望相助", "隐患排查"} | leaders
    typed = set(re.findall(r"\d+周年", topic))
    seen: set[str] = set()
    for seed in range(1, 9):
        o = compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh)
        text = render_text(o, "txt")
        assert (o.meta["frame"]["pack"], o.meta["frame"]["focus"]) == ("jinian_ri", "抗美援朝"), (topic, seed)
        terms = {a.split("#")[-1] for a in o.meta["angles"]}
        assert not others & terms, (topic, seed, others & terms)
        seen |= terms
        body = "".join(o.body_paragraphs())  # the subtitle holds the topic's own words
        assert "志愿军" in body and any(w in body for w in ("鸭绿江", "保家卫国", "停战", "上甘岭", "两水洞", "三八线",
                                                            "最可爱的人", "烈士遗骸", "抗美援朝精神", "19万7千")), seed
        assert not [w for w in ("国耻", "屈辱", "1931年", "公祭", *_KANGMEI_BAD) if w in text], (topic, seed)
        prose = re.sub(r"[《“][^》”]*[》”]", "", text)  # a cited title or exhibition holds its own anniversary
        for m in re.finditer(r"\d+周年", prose):
            assert m.group() in typed or re.match(r"(的)?(大会|座谈会)", prose[m.end():]), (topic, seed,
                                                                                  prose[m.start() - 12:m.end() + 4])
    assert {"爱国情怀", "攻坚本领"} & seen, (topic, seen)  # the war's own lines of thought, not only the shared ones


# A speech at a commemoration studied stays a study (its lead reads 学习…讲话) of the day the meeting marked: the
# day's pack and focus, its facts (not a generic study's 原文研读 of a document), and the 2020 speech study never
# opens on the 2010 symposium.
_SPEECHES = {
    "学习习近平总书记在纪念中国人民志愿军抗美援朝出国作战70周年大会上的重要讲话心得": ("抗美援朝", "志愿军"),
    "学习习近平总书记在纪念中国人民抗日战争暨世界反法西斯战争胜利80周年大会上的重要讲话心得":
        ("抗战胜利纪念日", "抗战"),
    "纪念抗战胜利80周年大会讲话心得": ("抗战胜利纪念日", "抗战"),
    "学习习近平在纪念邓小平同志诞辰120周年座谈会上的讲话心得": ("邓小平同志诞辰", "邓小平"),
    "学习习近平在纪念红军长征胜利80周年大会上的讲话心得": ("长征", "长征"),
}


@pytest.mark.parametrize("topic", sorted(_SPEECHES))
def test_a_commemorative_speech_studied_takes_the_days_focus(rh, topic: str) -> None:
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest
    from xindegen.render.text import render_text

    focus, word = _SPEECHES[topic]
    f = build_frame(topic, rh)
    assert (f.kind, f.pack and f.pack.key, f.focus and f.focus.name) == ("study", "jinian_ri", focus), f.explain()
    for seed in range(1, 5):
        o = compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh)
        text = render_text(o, "txt")
        assert word in "".join(o.body_paragraphs()), (topic, seed)
        assert "学习" in (o.subtitle or "") + text[:200] and "讲话" in text, (topic, seed)
        assert "60周年座谈会" not in text or "70周年" not in topic, (topic, seed)
        assert not [w for w in _KANGMEI_BAD if w in text], (topic, seed)


def test_a_speech_at_a_meeting_of_no_day_keeps_its_own_frame(rh) -> None:
    """庆祝 is no 纪念 of a day the bank knows, and a 纪念 meeting of no known day takes no day's focus."""
    f = build_frame("学习习近平在庆祝中国共产党成立100周年大会上的讲话心得", rh)
    assert f.pack is not None and f.pack.key == "qiyi_jianghua" and f.focus is None, f.explain()
    f = build_frame("学习习近平在纪念马克思诞辰200周年大会上的讲话心得", rh)
    assert f.kind == "study" and f.focus is None and (f.pack is None or f.pack.key != "jinian_ri"), f.explain()


@pytest.mark.parametrize("topic, focus", [
    ("医院门诊工作心得体会", "门诊"), ("急诊科医生工作心得", "急诊急救"),
    ("乡村医生工作心得体会", "乡村医生"), ("村卫生室工作心得", "乡村医生"),
    ("家庭医生签约服务心得", "家庭医生"), ("接种门诊工作心得", "预防接种"),
    # helper weijian36 (s36): 中医药, 疾控 and 妇幼 topics read of a ward; neighbours keep theirs
    ("中医科医生工作心得", "中医药"), ("中医适宜技术培训心得", "中医药"),
    ("学习《中华人民共和国中医药法》心得", "中医药"),
    ("疾控中心流调工作心得", "疾控"), ("传染病疫情报告培训", "疾控"), ("疾控中心工作心得体会", "疾控"),
    ("妇幼保健院工作心得", "妇幼保健"), ("孕产妇保健", "孕产期保健"), ("儿童保健", "儿童保健"),
    ("孕产妇健康管理工作心得", "孕产期保健"), ("医院合理用药培训心得", "合理用药"),
    ("学习《中华人民共和国母婴保健法》心得", "妇幼保健"),
    ("疾控中心预防接种工作心得", "预防接种"), ("产科助产士工作心得体会", "助产"),
])
def test_health_work_without_a_pack_takes_its_focus(rh, topic: str, focus: str) -> None:
    """门诊, 急诊 and 乡村医生 topics all got the ward's content; each now takes the category's focus."""
    f = build_frame(topic, rh)
    assert f.category is not None and f.category.name == "医疗卫生", topic
    assert f.focus is not None and f.focus.name == focus, topic


# s35 (saihui helper): volunteering at a games, a road race, an expo, an exam site or a river took the pack's
# neighbourhood (old people at home, 留守儿童, 学雷锋 on 3月5日); each now names its own focus.
@pytest.mark.parametrize("topic,focus", [
    ("杭州亚运会志愿者服务心得", "赛会志愿服务"), ("大学生运动会志愿者心得", "赛会志愿服务"),
    ("篮球比赛志愿者心得", "赛会志愿服务"),  # a volunteer serves the contest and does not compete in it
    ("城市马拉松志愿服务", "马拉松志愿服务"), ("马拉松志愿者心得体会", "马拉松志愿服务"),
    ("进博会志愿服务心得", "会展志愿服务"), ("服贸会志愿者心得", "会展志愿服务"),
    ("进博会“小叶菜”志愿服务心得体会", "会展志愿服务"),
    ("高考爱心送考志愿服务心得", "考试志愿服务"), ("中考爱心送考志愿服务心得", "考试志愿服务"),
    ("爱心送考活动心得", "考试志愿服务"), ("高考志愿者心得", "考试志愿服务"),
    ("参加河湖保护志愿服务活动心得", "河湖保护志愿服务"), ("巡河护河志愿服务心得", "河湖保护志愿服务"),
    ("植树志愿服务心得体会", "植树志愿服务"), ("环保志愿服务心得", "生态环保志愿服务"),
    ("社区志愿服务心得", None), ("学雷锋志愿服务活动心得", None), ("关爱空巢老人志愿服务心得", None),
    ("党员进社区志愿服务心得", None),
])
def test_volunteering_names_where_it_served(rh, topic: str, focus: str | None) -> None:
    f = build_frame(topic, rh)
    assert f.kind == "practice" and f.pack is not None and f.pack.key == "zhiyuan_fuwu", f.explain()
    assert (f.focus.name if f.focus else None) == focus, f.explain()
    assert not f.pupil, topic  # 中考 names no pupil here: the volunteer serves outside the exam


def test_choosing_a_college_or_competing_is_no_volunteering(rh) -> None:
    """高考志愿填报 chooses a college (志愿 is a wish there); a contest of volunteer projects is competed in."""
    for topic in ("高考志愿填报心得", "填报高考志愿心得体会", "中考志愿填报经验"):
        f = build_frame(topic, rh)
        assert f.pack is None or f.pack.key != "zhiyuan_fuwu", f.explain()
    assert build_frame("青年志愿服务项目大赛参赛心得", rh).kind == "contest"
    assert build_frame("高考监考工作心得", rh).kind != "student"


@pytest.mark.parametrize(("topic", "title", "domain"), [
    ("观看《榜样9》心得体会", "榜样9", "榜样人物"), ("《榜样9》观后感", "榜样9", "榜样人物"),
    ("收看《榜样9》专题节目有感", "榜样9", "榜样人物"), ("学习《榜样7》先进事迹心得", "榜样7", "《榜样7》"),
    ("党员观看榜样9心得", "榜样9", "榜样人物"),
])
def test_a_bangyang_edition_watched_is_a_models_study_of_that_programme(rh, topic: str, title: str,
                                                                        domain: str) -> None:
    """s36: 观看《榜样9》 is a model's study (kind model, on a screen) drawing on that edition's entry of the
    works bank, never on a person of the bank nor on the kind's prose alone."""
    f = build_frame(topic, rh)
    assert (f.kind, f.work.title if f.work else None, f.pack, f.person) == ("model", title, None, None), f.explain()
    assert f.domain == domain and f.explain().get("programme") is True


# s36 (wenjian36): meetings, Party rules and a guideline studied that found no pack, or a wrong one
@pytest.mark.parametrize("topic, pack, category, focus, name", [
    ("党内监督条例学习心得", "dangnei_jiandu", None, None, "党内监督条例"),
    ("学习《中国共产党党内监督条例》体会", "dangnei_jiandu", None, None, "《中国共产党党内监督条例》"),
    ("学习《中国共产党问责条例》心得体会", "dangnei_jiandu", None, "问责条例", "《中国共产党问责条例》"),
    ("中央金融工作会议精神学习体会", "jinrong_hegui", None, "中央金融工作会议", "中央金融工作会议精神"),
    ("银行员工学习中央金融工作会议精神心得", "jinrong_hegui", None, "中央金融工作会议", "中央金融工作会议精神"),
    ("学习中央经济工作会议精神心得体会", "xi_jingji_sixiang", None, "中央经济工作会议", "中央经济工作会议精神"),
    ("学习2025年中央经济工作会议精神心得", "xi_jingji_sixiang", None, "中央经济工作会议",
     "2025年中央经济工作会议精神"),
    ("学习新时代公民道德建设实施纲要体会", None, "wenming_fengshang", "公民道德建设", "新时代公民道德建设实施纲要"),
    ("学习《新时代公民道德建设实施纲要》心得", None, "wenming_fengshang", "公民道德建设",
     "《新时代公民道德建设实施纲要》"),
    ("社区党员学习党内监督条例心得", "dangnei_jiandu", None, None, "党内监督条例"),  # who studies is no part of it
    ("教师学习新时代公民道德建设实施纲要心得", None, "wenming_fengshang", "公民道德建设", "新时代公民道德建设实施纲要"),
])
def test_a_meeting_or_rules_studied_finds_its_pack_and_focus(rh, topic: str, pack: str | None,
                                                             category: str | None, focus: str | None,
                                                             name: str) -> None:
    f = build_frame(topic, rh)
    assert f.kind == "study", (topic, f.kind)
    assert (f.pack.key if f.pack else None) == pack, (topic, f.pack and f.pack.key)
    assert (f.category.key if f.category else None) == category, (topic, f.category and f.category.key)
    assert (f.focus.name if f.focus else None) == focus, (topic, f.focus and f.focus.name)
    assert f.name == name, (topic, f.name)


@pytest.mark.parametrize("topic, pack", [
    ("学习《中国共产党纪律处分条例》心得", "dangji_xuexi"),  # its neighbours keep their own packs
    ("学习巡视工作条例心得", "xuncha"),
    ("学习《中华人民共和国监察法》心得", "jijian_jiancha"),
    ("反洗钱培训心得", "jinrong_hegui"),
])
def test_the_neighbours_of_the_party_supervision_rules_keep_their_packs(rh, topic: str, pack: str) -> None:
    f = build_frame(topic, rh)
    assert f.pack is not None and f.pack.key == pack, (topic, f.pack and f.pack.key)
    assert f.focus is None, (topic, f.focus.name)


# helper hangye36 (s36): trades, trainings and campaigns that found no pack or category
@pytest.mark.parametrize(("topic", "kind", "pack", "focus"), [
    ("新招录民警入警培训心得体会", "training", "xinruzhi_peixun", "公安"),  # a recruit's training: the induction pack
    ("公安机关新警培训心得", "training", "xinruzhi_peixun", "公安"),
    ("公安局新入警民警培训心得体会", "training", "xinruzhi_peixun", "公安"),  # by keywords: 政法工作 lists the pack
    ("新录用公务员初任培训心得体会", "training", "xinruzhi_peixun", None),  # unchanged
    ("整治躺平式干部心得体会", "ethics", "danfang_zuowei", None),
    ("“庸懒散拖”专项整治心得体会", "campaign", "danfang_zuowei", None),
    ("不作为慢作为专项整治学习心得", "campaign", "danfang_zuowei", None),
    ("公务员职业道德建设学习心得", "ethics", "danfang_zuowei", "公务员职业道德"),
    ("公务员职业道德教育培训心得体会", "training", "danfang_zuowei", "公务员职业道德"),
    ("整治形式主义为基层减负心得体会", "ethics", "zuofeng_jianshe", None),  # 形式主义 stays 作风建设
    ("人民警察职业道德心得体会", "ethics", "jingfeng_jingji", None),
    ("三支一扶支农岗位服务心得体会", "field", "jiceng_fuwu", "三支一扶"),  # years of service, not an event attended
    ("三支一扶人员基层服务心得", "field", "jiceng_fuwu", "三支一扶"),
    ("大学生村官工作心得", "field", "jiceng_fuwu", "大学生村官"),
    ("选调生到村任职工作心得", "field", "jiceng_fuwu", "选调生"),
    ("选调生培训心得", "training", "qingnian_ganbu", None),  # a 选调生's course stays the young cadres'
    ("西部计划志愿者基层服务心得", "practice", "zhiyuan_fuwu", None),
    ("基层挂职锻炼心得", "practice", "guazhi_duanlian", None),  # 锻炼 of a secondment is no 全民健身
])
def test_a_trades_training_or_campaign_finds_its_pack(rh, topic: str, kind: str, pack: str,
                                                      focus: str | None) -> None:
    f = build_frame(topic, rh)
    assert f.kind == kind and f.pack is not None and f.pack.key == pack, (topic, f.kind, f.pack)
    assert (f.focus.name if f.focus else None) == focus, topic


def test_a_campaign_typed_with_more_than_its_packs_name_is_its_own_occasion(rh) -> None:
    """“躺平式干部”专项整治 is attended as typed, not as the pack's 干部作风专项整治学习."""
    assert build_frame("“躺平式干部”专项整治心得体会", rh).occasion == "“躺平式干部”专项整治"
    assert build_frame("庸懒散拖专项整治心得", rh).occasion == "庸懒散拖专项整治"


def test_a_codes_focus_names_the_draft(rh) -> None:
    """公务员职业道德 in the 担当作为 pack: the draft is about the code, not the pack's broader field."""
    assert build_frame("公务员职业道德学习心得", rh).name == "公务员职业道德"
    assert build_frame("年轻人躺平现象心得", rh).pack is None  # a young person's 躺平 is no cadre's conduct


def test_a_place_visited_is_named_without_the_going_and_the_visiting(rh) -> None:
    """到华为公司参观学习 visited 华为公司 (the draft said 参观到华为公司参观有感)."""
    f = build_frame("到华为公司参观学习心得体会", rh)
    assert (f.name, f.occasion) == ("华为公司", "华为公司")
    assert build_frame("参观华为公司心得", rh).name == "华为公司"


@pytest.mark.parametrize("topic, domain", [
    ("学习《中华人民共和国中医药法》心得", "中医药工作"), ("学习《中华人民共和国母婴保健法》心得", "母婴保健工作"),
    ("学习《中华人民共和国疫苗管理法》心得", "疫苗管理"), ("中医科医生工作心得", "中医科医生工作"),
    ("中医院党建工作心得", "中医院党建工作"),
])
def test_a_law_studied_names_the_work_it_governs(rh, topic: str, domain: str) -> None:
    """helper weijian36 (s36): a law whose bare name is a focus's key (中医药, 母婴保健) read 做好中医药没有…; the
    category's prose speaks of the work (中医药工作). A field topic keeps its own words; 疾控 is no class meeting's."""
    assert build_frame(topic, rh).domain == domain, topic
    f = build_frame("秋冬季传染病预防主题班会心得", rh)
    assert f.focus is None or f.focus.name != "疾控"


@pytest.mark.parametrize(("topic", "kind", "pack", "occasion"), [
    # s36 (helper dangwu36): the platform is studied on day by day, not a meeting nor a field of work
    ("“学习强国”学习平台使用心得", "practice", "xuexi_qiangguo", None),
    ("学习强国学习心得体会", "practice", "xuexi_qiangguo", None),  # 学习 opens the name: no 强国 is left
    ("党员学习强国学习心得", "practice", "xuexi_qiangguo", None),
    ("学习强国每日答题心得", "practice", "xuexi_qiangguo", None),
    # a commendation meeting attended hears the members' deeds: no 精神 studied, no film watched
    ("“两优一先”表彰大会心得体会", "model", "liangyou_yixian", None),
    ("参加两优一先表彰大会观后感", "model", "liangyou_yixian", None),
    ("优秀共产党员表彰大会心得体会", "model", "liangyou_yixian", None),
    ("七一表彰大会心得体会", "model", "liangyou_yixian", None),
    ("五四表彰大会心得", "commemoration", "wusi_qingnian", None),  # no Party commendation: its day's pack
    # a rural member's winter course, not the 驻村干部's 乡村振兴
    ("农村党员冬训心得体会", "training", "dangyuan_dongxun", "农村党员冬训"),
    ("党员冬春训心得体会", "training", "dangyuan_dongxun", "党员冬春训"),
    ("党员冬训学习心得", "training", "dangyuan_dongxun", None),
])
def test_party_life_topics_find_their_pack(rh, topic: str, kind: str, pack: str | None, occasion: str | None) -> None:
    f = build_frame(topic, rh)
    assert f.kind == kind and (f.pack.key if f.pack else None) == pack, (topic, f.kind, f.pack)
    if occasion is not None:
        assert f.occasion == occasion, (topic, f.occasion)
    elif pack == "xuexi_qiangguo":
        assert f.occasion in (None, *f.pack.occasion), (topic, f.occasion)  # type: ignore[union-attr]


@pytest.mark.parametrize("topic", ["学习习近平在全国抗击新冠肺炎疫情表彰大会上的讲话心得",
                                   "学习“两优一先”表彰大会精神心得"])
def test_a_speech_or_spirit_of_a_commendation_meeting_stays_a_study(rh, topic: str) -> None:
    assert build_frame(topic, rh).kind == "study"


@pytest.mark.parametrize(("topic", "title", "name"), [
    ("到华为公司参观学习心得体会", "华为公司", "华为公司"),
    ("去华为参观交流心得", "华为公司", "华为"),
    ("赴华为考察学习心得体会", "华为公司", "华为"),
    ("赴比亚迪参观学习心得", "比亚迪", "比亚迪"),
    ("到比亚迪公司参观学习的心得体会", "比亚迪", "比亚迪公司"),
    ("参观海尔集团心得", "海尔集团", "海尔集团"),
    ("参观学习海尔集团心得", "海尔集团", "海尔集团"),
    ("走进海尔", "海尔集团", "海尔"),
    ("赴宁德时代考察学习心得", "宁德时代", "宁德时代"),
    ("到宁德时代参观学习", "宁德时代", "宁德时代"),
])
def test_a_visit_to_a_leading_enterprise_takes_the_enterprise(rh, topic: str, title: str, name: str) -> None:
    """s36: 到/赴/去…参观学习 and 赴…考察学习 a leading enterprise of the bank is a visit to it, named as the place
    (not 赴宁德时代考察, not 学习海尔集团)."""
    f = build_frame(topic, rh)
    assert f.kind == "visit" and f.work is not None and f.work.title == title, f.explain()
    assert f.name == name and f.occasion == name and f.pack is not None and f.pack.key == "qiye_canguan", f.explain()
    assert f.focus is None, f.explain()


@pytest.mark.parametrize(("topic", "name"), [("参观格力电器心得", "格力电器"), ("到先进企业参观学习心得", "先进企业")])
def test_an_enterprise_the_bank_lacks_takes_the_enterprises_pack(rh, topic: str, name: str) -> None:
    """参观格力电器 took the safety category's 用电 focus (电器): a firm visited is a visit to a firm."""
    f = build_frame(topic, rh)
    assert f.kind == "visit" and f.pack is not None and f.pack.key == "qiye_canguan", f.explain()
    assert f.name == name and f.focus is None and f.work is None, f.explain()


@pytest.mark.parametrize("topic", ["赴深圳考察学习心得体会", "走进安吉余村", "企业成立30周年纪念",
                                   "参观井冈山革命博物馆"])
def test_no_place_but_a_firm_takes_the_enterprises_pack(rh, topic: str) -> None:
    """深圳 shares 创新 with the enterprises' pack, a firm's anniversary is no visit to a firm."""
    f = build_frame(topic, rh)
    assert f.pack is None or f.pack.key != "qiye_canguan", f.explain()


def test_an_activity_taken_into_a_place_is_no_advanced_enterprise(rh) -> None:
    """到先进企业参观学习 was named 到先: 先进企业 is no 进企业 (安全进企业 is)."""
    assert build_frame("到先进企业参观学习心得", rh).name == "先进企业"
    assert build_frame("安全进企业宣传活动", rh).name == "安全"
    assert build_frame("赴深圳考察学习心得体会", rh).name == "深圳"
