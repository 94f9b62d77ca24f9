"""Matching by meaning: how people phrase a topic → the pack it belongs to (or none).

Written from how topics are typed, not from the packs' own aliases; near misses that a neighbouring
pack must not capture are listed with the pack they must NOT get.
"""

from __future__ import annotations

import pytest

from xindegen.compose.frame import build_frame

PHRASINGS = {
    # s36 (helper dangwu36): the platform's daily study, a commendation meeting attended, a rural winter course
    "xuexi_qiangguo": ["学习强国学习心得", "使用学习强国平台的体会", "“学习强国”日常学习心得体会"],
    "liangyou_yixian": ["参加“两优一先”表彰会的体会", "优秀党员表彰大会心得", "七一两优一先表彰心得体会"],
    "dangyuan_dongxun": ["农村党员冬训学习体会", "参加冬春训的心得", "基层党员冬训心得体会"],
    "anquan_shengchan": ["安全生产月活动心得体会", "学习新安全生产法心得", "企业安全生产培训心得体会",
                         "安全生产责任制学习体会"],
    "baomi_jiaoyu": ["保密教育心得体会", "学习新修订保密法心得", "保密警示教育培训体会"],
    "guojia_anquan": ["全民国家安全教育日心得体会", "学习总体国家安全观心得", "国家安全法学习体会"],
    "wangluo_anquan": ["网络安全宣传周心得体会", "网络安全培训心得", "学习网络安全法心得体会"],
    "fangzha": ["反诈宣传心得体会", "防范电信网络诈骗心得", "学习反电信网络诈骗法心得体会"],
    "jindu": ["禁毒宣传教育心得体会", "6·26国际禁毒日心得", "禁毒知识讲座心得体会"],
    "xiaofang_anquan": ["消防安全培训心得体会", "消防演练心得", "119消防宣传月心得体会"],
    "fangxun_yingji": ["防汛抗旱工作心得体会", "防汛应急演练心得", "应急管理工作心得体会"],
    "jiaotong_anquan": ["交通安全教育心得体会", "全国交通安全日心得", "文明交通宣传心得体会"],
    "shipin_anquan": ["食品安全培训心得体会", "食品安全宣传周心得", "学校食堂食品安全心得体会"],
    "zhuti_jiaoyu": ["主题教育心得体会", "学习贯彻习近平新时代中国特色社会主义思想主题教育研讨发言"],
    "dangji_xuexi": ["党纪学习教育心得体会", "学习《中国共产党纪律处分条例》心得", "党纪学习教育读书班心得体会"],
    "dangshi_xuexi": ["党史学习教育心得体会", "学党史悟思想心得"],
    "jingshen_pupu": ["学习红旗渠精神心得", "弘扬延安精神心得体会", "学习中国共产党人精神谱系"],
    "quanhui_jingshen": ["学习贯彻党的二十届三中全会精神心得体会", "学习四中全会精神心得", "学习全会精神研讨发言"],
    "lianghui_jingshen": ["学习全国两会精神心得体会", "学习政府工作报告心得", "两会精神学习体会"],
    "ershida_jingshen": ["学习党的二十大精神心得体会", "学习二十大报告心得", "党的二十大精神专题学习体会"],
    "dushuban": ["专题读书班学习心得", "理论学习读书班心得体会", "参加读书班交流发言"],
    "qiyi_jianghua": ["学习七一重要讲话精神心得体会", "学习习近平在庆祝中国共产党成立100周年大会上的讲话心得"],
    "rudang_peixun": ["入党积极分子培训心得体会", "发展对象培训班学习心得", "入党积极分子党课学习体会"],
    "zuofeng_jianshe": ["作风建设心得体会", "整治形式主义为基层减负心得", "机关作风建设学习体会"],
    "jingshi_jiaoyu": ["警示教育大会心得体会", "廉洁自律警示教育心得", "廉政警示教育心得体会"],
    "lianjie_congye": ["国有企业廉洁从业心得体会", "廉洁从业教育心得", "企业管理人员廉洁从业学习体会"],
    # 党政机关厉行节约反对浪费条例 is the regulation behind 八项规定, not green thrift
    "baxiang_guiding": ["学习中央八项规定精神心得体会", "深入贯彻中央八项规定精神学习教育心得",
                        "学习《党政机关厉行节约反对浪费条例》心得体会"],
    "yian_cugai": ["以案促改心得体会", "以案为鉴以案促改专题学习心得", "以案促改警示教育心得"],
    "jingshi_pian": ["观看警示教育片心得体会", "观看警示教育片《零容忍》有感", "观看廉政警示片心得"],
    "fazhi_xuexi": ["学习习近平法治思想心得体会", "领导干部学法用法心得", "法治教育培训心得体会"],
    "xianfa_xuanchuanzhou": ["宪法宣传周心得体会", "国家宪法日学习宪法心得", "学习宪法心得体会"],
    "minfadian": ["学习民法典心得体会", "学习《中华人民共和国民法典》心得", "民法典宣传月心得体会"],
    "yingshang_huanjing": ["优化营商环境心得体会", "学习优化营商环境条例心得", "营商环境建设心得体会"],
    "xiangcun_zhenxing": ["乡村振兴工作心得体会", "驻村第一书记工作心得", "驻村工作队工作体会"],
    "shengtai_huanjing": ["生态环境保护心得体会", "学习环境保护法心得", "河长制工作心得体会", "世界环境日宣传活动体会",
                          "世界地球日主题活动心得体会"],
    "liangshi_anquan": ["粮食安全心得体会", "耕地保护工作心得", "学习粮食安全保障法心得体会"],
    "xinfang": ["信访工作心得体会", "学习信访工作条例心得", "基层信访接待工作体会"],
    # packs-A (issue #14): trades people write about that had only a category or nothing
    "huli_gongzuo": ["病房护士工作体会", "护士长管理培训心得", "做好临床护理工作的几点体会",
                     "学习《护士条例》心得体会", "新入职护士心得", "儿科护士工作心得",
                     "儿科护理工作心得体会"],
    "yibao_jijin": ["医保局工作心得体会", "医保基金监管培训心得", "打击欺诈骗保专项整治心得"],
    "tuiyi_junren": ["退役军人服务站站长工作心得", "学习退役军人保障法心得体会", "退役军人事务局工作体会"],
    "cunwu_gongzuo": ["村务监督委员会主任工作心得", "新任村两委干部培训心得体会", "村“两委”班子工作体会",
                      "学习村民委员会组织法心得体会"],
    "shequ_jingwu": ["社区民警工作体会", "派出所民警工作心得", "社区警务室工作心得体会"],
    "yuangan_fangkong": ["手卫生培训心得", "医院感染防控工作体会", "感控专职人员工作心得"],
    "shichang_jianguan": ["市场监管局工作心得体会", "基层市场监管执法体会", "“双随机、一公开”监管工作心得"],
    "yanglao_fuwu": ["养老院护理员培训心得", "居家养老服务工作体会", "敬老院工作心得"],
    "dangan": ["档案工作心得体会", "学习新修订档案法心得", "档案管理培训心得体会", "档案数字化工作心得"],
    "tongji": ["统计工作心得体会", "学习统计法心得", "统计业务培训心得体会"],
    "shenji": ["审计工作心得体会", "学习审计法心得", "内部审计工作体会", "内部审计工作心得", "企业内部审计心得"],
    "caiwu_neikong": ["财务管理工作心得体会", "内部控制培训心得", "学习会计法心得体会"],
    "nashui_fuwu": ["纳税服务工作心得体会", "税务工作心得", "便民办税春风行动心得体会"],
    "zhengwu_fuwu": ["政务服务工作心得体会", "数字政府建设心得", "一网通办工作体会"],
    "jiceng_zhili": ["基层治理工作心得体会", "网格化管理工作心得", "新时代枫桥经验学习心得体会"],
    "zuzhi_gongzuo": ["组工干部业务培训心得体会", "学习《党政领导干部选拔任用工作条例》心得体会", "组织工作心得体会",
                      "学习《中国共产党组织工作条例》心得", "干部监督工作心得"],
    "xingzheng_zhifa": ["城市管理综合执法工作心得体会", "交通运输综合执法培训心得体会",
                        "学习《中华人民共和国行政处罚法》心得", "乡镇综合行政执法队工作心得", "农业综合执法培训心得",
                        "行政执法三项制度学习心得", "行政执法人员学习行政处罚法心得体会"],  # its law is 行政执法's
    "guoqi_gaige": ["国有企业改革深化提升行动学习心得", "国企“三重一大”决策制度学习心得", "国企改革三年行动心得",
                    "国企管理人员培训心得", "深化国资国企改革心得体会"],
    "renshe_fuwu": ["基层就业服务工作心得", "社保经办业务培训心得", "学习《社会保险经办条例》心得",
                    "人社系统行风建设心得", "就业促进法学习心得", "公共就业服务工作心得"],
    "fayuan_zhixing": ["法院执行工作心得体会", "执行干警业务培训心得", "切实解决执行难心得体会", "执行局工作心得"],
    "jijian_jiancha": ["纪检监察干部业务培训心得体会", "学习《中华人民共和国监察官法》心得", "纪检监察工作心得体会",
                       "派驻纪检组工作心得", "学习《中华人民共和国监察法》心得"],
    "keji_chuangxin": ["科技创新心得体会", "发展新质生产力心得", "学习科学技术进步法心得体会"],
    "rengong_zhineng": ["人工智能培训心得体会", "数字化转型心得", "AI应用学习心得体会"],
    "zhiliang_guanli": ["质量管理心得体会", "质量月活动心得", "全面质量管理培训心得体会"],
    "chuangkou_fuwu": ["窗口服务工作心得体会", "窗口工作人员服务心得", "政务窗口服务规范学习体会"],
    "zhaoshang_yinzi": ["招商引资工作心得体会", "招商引资培训心得", "项目招商工作体会"],
    "shequ_gongzuo": ["社区工作心得体会", "社区工作者工作心得", "居委会工作体会"],
    "shehui_jiuzhu": ["社会救助工作心得体会", "低保工作心得", "民政社会救助业务培训心得体会"],
    "rencai_gongzuo": ["人才工作心得体会", "人才引进工作心得", "人才工作会议精神学习体会"],
    "shide_shifeng": ["师德师风心得体会", "师德师风专题学习心得", "学习新时代中小学教师职业行为十项准则心得"],
    "yide_yifeng": ["医德医风心得体会", "医务人员医德医风学习心得", "学习医疗机构工作人员廉洁从业九项准则心得"],
    "jingfeng_jingji": ["警风警纪心得体会", "公安队伍教育整顿心得", "人民警察职业道德学习心得体会"],
    "sifa_zuofeng": ["司法作风建设心得体会", "法官职业道德学习心得", "检察官职业道德心得体会"],
    "jinrong_hegui": ["银行合规文化建设心得体会", "金融合规培训心得", "反洗钱培训心得体会",
                      "中央金融工作会议精神学习体会", "银行员工学习中央金融工作会议精神心得"],
    "dangnei_jiandu": ["党内监督条例学习心得", "学习《中国共产党党内监督条例》体会", "学习党内监督条例有感",
                       "学习《中国共产党问责条例》心得体会", "问责条例学习体会"],
    "gongjiang_jingshen": ["工匠精神心得体会", "学习劳模精神心得", "劳模精神劳动精神工匠精神学习体会"],
    "xinjiaoshi_peixun": ["新教师岗前培训心得体会", "新入职教师培训心得", "新教师入职培训学习体会"],
    "banzhuren": ["班主任工作心得体会", "班主任培训心得", "初中班主任工作体会", "班主任经验交流会心得"],
    # a unit's or a branch's regular theory study (not the committee's 读书班, not a named campaign)
    "lilun_xuexi": ["理论学习心得体会", "政治理论学习心得", "参加集中学习心得", "参加支部集中学习心得体会",
                    "青年理论学习小组学习心得", "理论学习交流发言", "理论学习交流会心得体会"],
    # colleagues tell how they work: a meeting, not a hands-on activity
    "jingyan_jiaoliu": ["经验交流会心得体会", "优秀教师经验分享会心得", "工作经验交流会心得", "座谈交流心得体会"],
    "kecheng_sizheng": ["课程思政心得体会", "课程思政建设培训心得", "课程思政教学设计体会"],
    "jiafang": ["家访心得体会", "教师家访工作心得", "万师访万家活动心得体会"],
    "xinli_jiankang": ["心理健康教育心得体会", "学生心理健康教育培训心得", "心理健康月活动心得体会"],
    "laodong_jiaoyu": ["劳动教育心得体会", "中小学劳动教育心得", "劳动教育课程学习体会"],
    "zhuanti_dangke": ["专题党课心得体会", "听书记讲党课心得", "党课学习心得体会"],
    "zuzhi_shenghuo": ["组织生活会心得体会", "三会一课心得", "民主生活会对照检查心得体会"],
    "zhibu_shuji": ["党支部书记培训心得体会", "支部书记培训班学习心得", "党务工作者培训心得体会"],
    "yishixingtai": ["意识形态工作心得体会", "意识形态工作责任制学习心得"],
    "minzu_tuanjie": ["铸牢中华民族共同体意识心得体会", "民族团结进步创建心得", "民族团结教育心得体会"],
    "chongwen_shici": ["重温入党誓词心得体会", "重温入党誓词主题党日心得"],
    "dangzhang": ["学习《中国共产党章程》心得体会", "学习党章心得", "学党章、守党章心得体会", "党章学习心得体会",
                  "重温党章心得", "学习新党章心得", "尊崇党章心得", "学习贯彻党章心得体会", "学习党章党规心得体会",
                  "两学一做学党章心得", "党员学习党章心得体会"],
    "wusi_qingnian": ["五四青年节心得体会", "弘扬五四精神心得", "纪念五四运动心得体会"],
    "guoqing_jiandang": ["庆祝建党节心得体会", "国庆节心得", "庆祝新中国成立心得体会"],
    "qingming": ["清明祭英烈心得体会", "清明节缅怀革命先烈心得", "烈士纪念日心得体会"],
    "jinian_ri": ["九一八事变纪念日心得", "纪念红军长征胜利90周年心得体会", "七七事变纪念日心得",
                  "南京大屠杀死难者国家公祭日心得", "中国人民抗日战争胜利纪念日心得", "纪念一二·九运动心得",
                  "纪念辛亥革命心得", "纪念毛泽东同志诞辰心得", "勿忘九一八心得体会", "国家公祭日心得体会",
                  "纪念抗战胜利80周年心得", "纪念辛亥革命110周年心得", "纪念唐山大地震50周年心得体会",
                  "汶川地震纪念日心得", "5·12汶川特大地震纪念", "纪念周恩来同志诞辰125周年心得体会",
                  "纪念朱德同志诞辰140周年心得体会", "纪念邓小平同志诞辰120周年心得",
                  "纪念刘少奇同志诞辰125周年心得体会", "纪念陈云同志诞辰120周年", "周总理诞辰心得",
                  "纪念小平同志诞辰心得体会", "纪念中国人民志愿军抗美援朝出国作战75周年心得", "抗美援朝纪念日心得体会",
                  "纪念抗美援朝胜利70周年心得", "抗美援朝出国作战75周年心得体会", "纪念抗美援朝战争胜利70周年",
                  "纪念陈毅同志诞辰125周年心得体会", "纪念西安事变90周年心得", "纪念西藏自治区成立60周年心得体会",
                  "纪念台湾光复80周年心得"],
    "zhiyuan_fuwu": ["学雷锋志愿服务心得体会", "志愿服务活动心得", "社区志愿者服务心得体会",
                     # s35 (saihui helper): where a volunteer served is the pack's focus
                     "杭州亚运会志愿者服务心得", "高考爱心送考志愿服务心得", "进博会志愿服务心得", "城市马拉松志愿服务",
                     "参加河湖保护志愿服务活动心得", "植树志愿服务心得体会", "爱心送考活动心得"],
    # s35: donating blood and joining the 中华骨髓库 found no pack (xianxue helper)
    "wuchang_xianxue": ["无偿献血心得", "参加无偿献血活动心得体会", "单位组织无偿献血心得", "第一次献血的感受",
                        "世界献血者日宣传活动心得", "无偿献血志愿服务心得体会", "大学生无偿献血心得体会",
                        "医院组织职工无偿献血心得", "党员参加无偿献血心得", "学习《献血法》心得"],
    "zaoxue_ganxibao": ["造血干细胞捐献志愿者心得", "加入中华骨髓库心得", "捐献造血干细胞心得体会",
                        "造血干细胞血样采集活动心得"],
    "tuanjian_tuozhan": ["团建活动心得体会", "拓展训练心得", "素质拓展心得体会"],
    "hongse_dianying": ["观看红色电影心得体会", "观看爱国主义电影心得"],
    "jilupian": ["观看纪录片心得体会", "观看专题片心得"],
    "dushu": ["读书心得体会", "读书分享会心得", "全民阅读活动心得体会"],
    "hongse_jingdian": ["读红色经典心得体会", "红色经典阅读心得"],
    "hongse_jidi": ["参观红色教育基地心得体会", "参观革命纪念馆心得", "参观党史馆心得体会"],
    "junxun": ["军训心得体会", "大学生军训心得", "新生军训体会", "初一新生军训心得体会", "七年级军训有感",
               "高一新生军训心得体会"],
    "shixi": ["实习心得体会", "毕业实习心得", "教育实习心得体会"],
    "shehui_shijian": ["大学生社会实践心得体会", "三下乡社会实践心得", "暑期社会实践心得体会"],
    "xiaxiang": ["送医下乡义诊活动心得体会", "送法下乡活动心得", "文化科技卫生“三下乡”心得", "送文化下乡心得",
                 "科技下乡心得", "义诊活动心得"],
    "kaixue_diyike": ["开学第一课心得体会", "观看开学第一课心得"],
    "biye": ["毕业心得体会", "毕业感言", "大学毕业心得"],
    "waichu_kaocha": ["外出考察学习心得体会", "赴外地学习考察心得", "考察学习心得体会"],
    "qiye_canguan": ["到先进企业参观学习心得", "参观格力电器心得", "参观学习先进企业心得体会", "走进企业参观学习心得"],
    "chuantong_jieri": ["学校端午节主题活动心得", "“我们的节日·春节”活动心得体会", "社区重阳节敬老活动心得",
                        "中秋佳节主题活动心得体会", "元宵节猜灯谜活动心得"],
    "kaowu_jiankao": ["高考监考心得体会", "中考监考工作心得", "期末考试监考心得", "学校考务工作心得体会"],
    # packs-B: topics that only reached a category or a neighbour before
    "gonghui": ["工会工作心得体会", "工会干部培训心得体会", "学习新修改的工会法心得", "职工之家建设心得",
                "基层工会主席培训心得"],
    "gongqingtuan": ["共青团工作心得体会", "团干部培训心得体会", "团支部书记培训心得", "学习团章心得体会",
                     "团委工作心得"],
    "shuangjian": ["双减心得体会", "“双减”政策学习心得体会", "作业管理心得体会", "双减背景下作业设计心得",
                   "五项管理心得体会"],
    "youer_jiaoshi": ["幼儿园教师培训心得体会", "幼师心得体会", "幼儿园保教工作心得", "学前教育心得体会",
                      "幼儿园新教师岗前培训心得"],
    "xuncha": ["巡察工作心得体会", "参加巡察工作心得体会", "巡察干部培训心得", "学习巡视工作条例心得",
               "巡察整改心得体会"],
    "tongzhan": ["统战工作心得体会", "统一战线工作心得", "学习统战工作条例心得", "统战干部培训心得"],
    "laji_fenlei": ["垃圾分类心得体会", "垃圾分类工作心得", "社区垃圾分类志愿服务心得", "垃圾分类进校园活动心得"],
    "jiguan_dangjian": ["机关党建工作心得体会", "模范机关建设心得体会", "党建与业务融合心得体会", "机关党支部建设心得"],
    "qingnian_ganbu": ["青年干部培训心得体会", "中青年干部培训班学习心得", "年轻干部培训心得体会"],
    "xinruzhi_peixun": ["新入职员工培训心得体会", "新员工入职培训心得", "新入职公务员培训心得体会"],
    # a student's own career: courses, talks, a day of 职业体验, a contest of plans (helper zhiye s35)
    "zhiye_guihua": ["大学生职业生涯规划心得体会", "职业生涯规划课心得", "高中生职业体验活动心得", "就业指导课心得",
                     "就业创业教育讲座心得", "职业规划大赛心得", "大学生职业规划心得", "高中生涯规划心得",
                     "职业生涯规划书心得", "初中生职业体验日活动心得", "简历制作讲座心得", "校园招聘会心得"],
    "zhongceng_ganbu": ["中层干部能力提升培训心得体会", "中层干部培训心得"],
    "yewu_peixun": ["业务培训心得体会", "业务知识培训心得", "业务能力提升培训心得体会"],
    "gongwen_xiezuo": ["公文写作培训心得体会", "公文写作能力提升培训心得", "学习党政机关公文处理工作条例心得"],
    "guazhi_duanlian": ["挂职锻炼心得体会", "基层挂职心得", "挂职干部工作体会"],
    "zhuti_dangri": ["主题党日活动心得体会", "党支部主题党日心得", "参加党日活动心得体会"],
    "tingke_pingke": ["听课评课心得体会", "教研活动心得", "听评课活动心得体会"],
    "guopei": ["国培计划培训心得体会", "国培学习心得", "参加国培计划心得体会"],
    "jiaoyu_fagui": ["学习《中华人民共和国义务教育法》心得体会", "教师法学习心得", "学习教育法心得体会",
                     "学习《中华人民共和国学前教育法》心得体会", "教育法律法规学习心得体会", "依法执教心得体会",
                     "学习新修订的教育法有感", "幼儿园教师学习学前教育法心得", "义务教育法学习体会", "教育法规培训心得",
                     "依法治校心得体会", "学习《中华人民共和国教育法》心得体会"],
    "jiaoyu_qiangguo": ["学习全国教育大会精神心得体会", "学习贯彻全国教育大会精神心得体会", "全国教育大会精神心得体会",
                        "学习《教育强国建设规划纲要（2024—2035年）》心得体会", "学习教育强国建设规划纲要心得",
                        "教育强国建设心得体会", "加快建设教育强国心得体会", "全国教育大会精神学习体会",
                        "学习习近平总书记在全国教育大会上的重要讲话精神心得体会", "教师学习全国教育大会精神心得体会",
                        "学习贯彻《教育强国建设规划纲要》研讨发言", "校长学习全国教育大会精神心得",
                        "教育系统学习贯彻全国教育大会精神心得体会", "学习《教育强国建设规划纲要(2024-2035年)》心得体会",
                        "贯彻落实教育强国建设规划纲要心得体会", "教育强国建设专题培训心得"],
    "fudaoyuan": ["高校辅导员工作心得体会", "辅导员培训心得", "学习《普通高等学校辅导员队伍建设规定》心得体会",
                  "大学辅导员工作体会", "高校辅导员素质能力提升培训心得"],
    "zhixingli": ["执行力培训心得体会", "提升执行力心得", "员工执行力提升培训心得", "执行力专题培训学习体会"],
    # a law's own pack of facts: the law named as people type it, with or without 《中华人民共和国…》
    "gerenxinxi_fa": ["学习《中华人民共和国个人信息保护法》心得体会", "个人信息保护法学习心得", "学习个保法心得体会"],
    "shuju_anquan_fa": ["学习《中华人民共和国数据安全法》心得体会", "数据安全法学习心得", "学习数据安全法有感"],
    "weichengnianren_fa": ["学习新修订的《中华人民共和国未成年人保护法》心得", "教师学习未成年人保护法心得",
                           "学习未成年人保护法心得体会"],
    "laodong_hetong_fa": ["学习《中华人民共和国劳动合同法》心得体会", "劳动合同法培训心得", "学习劳动合同法有感"],
    "gongwuyuan_fa": ["学习《中华人民共和国公务员法》心得体会", "学习新修订的公务员法心得", "公务员法学习体会"],
    "zhengwu_chufen_fa": ["学习《中华人民共和国公职人员政务处分法》心得体会", "政务处分法学习心得",
                          "学习公职人员政务处分法心得体会"],
    "xiaofei_quanyi_fa": ["学习《中华人民共和国消费者权益保护法》心得体会", "学习新消法心得",
                          "消费者权益保护法学习体会"],
    "chuanranbing_fa": ["学习新修订的《中华人民共和国传染病防治法》心得体会", "传染病防治法学习心得",
                        "医务人员学习传染病防治法心得体会"],
    "yishi_fa": ["学习《中华人民共和国医师法》心得体会", "医务人员学习医师法心得", "新医师法学习心得"],
    "zhiyebing_fa": ["学习《中华人民共和国职业病防治法》心得", "职业病防治法学习体会", "学习职业病防治法心得体会"],
    "fanbuzhengdang_fa": ["学习新修订的反不正当竞争法心得体会", "学习《中华人民共和国反不正当竞争法》心得",
                          "反不正当竞争法学习心得"],
    "gongsi_fa": ["学习新《公司法》心得体会", "学习《中华人民共和国公司法》心得", "学习新公司法心得体会"],
    "zhaobiao_toubiao_fa": ["学习《中华人民共和国招标投标法》心得体会", "招标投标法学习心得", "学习招投标法心得体会"],
    "fan_jiating_baoli_fa": ["学习《中华人民共和国反家庭暴力法》心得体会", "反家庭暴力法学习心得",
                             "社区工作者学习反家暴法心得"],
    "funv_quanyi_fa": ["学习新修订的《中华人民共和国妇女权益保障法》心得", "妇女权益保障法学习体会",
                       "学习妇女权益保障法心得体会"],
    "zhengfu_caigou_fa": ["学习《中华人民共和国政府采购法》心得体会", "政府采购法培训心得", "政府采购法学习体会"],
    "yingxiong_lieshi_fa": ["学习《中华人民共和国英雄烈士保护法》心得体会", "学习英烈保护法心得",
                            "英雄烈士保护法学习心得"],
    "aiguo_jiaoyu_fa": ["学习《中华人民共和国爱国主义教育法》心得体会", "学习爱国主义教育法心得体会",
                        "爱国主义教育法学习心得"],
    "minying_jingji_fa": ["学习《中华人民共和国民营经济促进法》心得体会", "企业学习民营经济促进法心得体会",
                          "民营经济促进法学习心得"],
    # packs-C: a thesis, labour dispute arbitration and academic integrity had no pack of their own
    "lunwen": ["毕业论文写作心得体会", "论文答辩心得体会", "开题报告心得体会", "硕士学位论文答辩心得",
               "毕业论文答辩心得", "毕业设计心得体会", "写论文的心得体会"],
    "laodong_zhongcai": ["劳动人事争议仲裁工作心得体会", "劳动仲裁员培训心得", "学习劳动争议调解仲裁法心得体会",
                         "劳动争议调解工作心得", "仲裁院工作体会"],
    "xueshu_chengxin": ["学术诚信教育心得体会", "科研诚信心得体会", "研究生学术道德与学术规范教育心得",
                        "学风建设心得体会", "弘扬科学家精神加强作风学风建设心得体会", "毕业论文学术诚信承诺心得"],
    "xuanchuan_gongzuo": ["学习《中国共产党宣传工作条例》心得体会", "宣传工作心得体会", "通讯员培训心得体会",
                          "宣传干部培训心得", "新闻宣传工作心得"],
    "binzang_fuwu": ["殡葬服务工作心得体会", "殡仪馆工作心得", "学习《殡葬管理条例》心得体会", "殡葬改革工作心得"],
    # s34: media workers' ethics had no pack and took the generic ethics draft
    "xinwen_chuban": ["广播电视播音员主持人职业道德心得体会", "编辑出版人员职业道德心得体会",
                      "新闻记者职业道德学习心得", "新闻工作者职业道德心得", "出版社编辑工作心得", "电视台记者工作心得"],
    # s36 (helper lvzhi36): a deputy's and a CPPCC member's own duties found no pack (两会精神 took some)
    "renda_daibiao": ["人大代表履职培训心得", "基层人大代表履职心得", "人大代表联系群众工作心得",
                      "乡镇人大代表履职心得体会", "新任人大代表培训心得", "人大代表视察活动心得"],
    "zhengxie_weiyuan": ["政协委员履职心得体会", "政协委员培训班学习心得", "政协提案工作心得", "县政协委员履职心得",
                         "政协委员调研心得"],
}

# Topics that no pack may capture, or not the neighbour named: (topic, pack it must not get).
NEAR_MISSES = [
    ("游泳队冬训心得", "dangyuan_dongxun"),  # athletes' winter training is no Party course
    ("学习习近平在全国抗击新冠肺炎疫情表彰大会上的讲话心得", "liangyou_yixian"),  # a speech studied
    ("农村党员冬训心得体会", "xiangcun_zhenxing"),  # the member attends; the 驻村干部 does not write it
    # s35: volunteering stays 志愿服务 and a clinic in the villages 送服务下乡 unless blood is given; a transplant
    # ward's nursing is no donor's promise; blood and stem cells are two packs
    ("学雷锋志愿服务活动心得", "wuchang_xianxue"), ("社区义诊志愿服务心得", "wuchang_xianxue"),
    ("义诊活动心得", "wuchang_xianxue"), ("送医下乡义诊活动心得体会", "wuchang_xianxue"),
    ("马拉松志愿者心得体会", "wuchang_xianxue"), ("无偿献血志愿服务心得体会", "zhiyuan_fuwu"),
    ("造血干细胞捐献志愿者心得", "zhiyuan_fuwu"), ("造血干细胞捐献志愿者心得", "wuchang_xianxue"),
    ("造血干细胞移植病房护理工作心得", "zaoxue_ganxibao"), ("血液科护理工作心得", "wuchang_xianxue"),
    ("遗体和器官捐献志愿者心得", "zaoxue_ganxibao"), ("遗体和器官捐献志愿者心得", "wuchang_xianxue"),
    # 党章 studied within a neighbour's occasion keeps the neighbour (helper dangzhang s34)
    ("学习党章党规党纪心得体会", "dangzhang"), ("入党积极分子学习党章心得", "dangzhang"),
    ("发展对象培训学习党章心得", "dangzhang"), ("党章专题党课心得", "dangzhang"), ("学习团章心得", "dangzhang"),
    ("重温入党誓词心得", "dangzhang"),
    # another law (a procedure law) and an inheritance of traditions are no 民法典
    ("学习《中华人民共和国民事诉讼法》心得体会", "minfadian"), ("学习新修正的民事诉讼法心得", "minfadian"),
    ("继承和发扬优良传统心得体会", "minfadian"),
    ("法院执行干警违纪违法案例警示教育心得", "fayuan_zhixing"),  # a warning and the judges' ethics keep their packs
    ("学习《法官职业道德基本准则》心得体会", "fayuan_zhixing"),
    ("提升执行力培训心得", "fayuan_zhixing"),
    ("大学生就业指导课心得", "renshe_fuwu"),  # a student's course, medical insurance and insurers are not 人社
    ("医保窗口服务培训心得", "renshe_fuwu"),
    ("保险从业人员职业道德心得体会", "renshe_fuwu"),
    ("人社系统行风建设心得", "yide_yifeng"),  # 行风 of the social-security bureau is no hospital's
    ("行政事业单位国有资产管理培训心得", "guoqi_gaige"),  # an office's assets are 财务管理
    ("国企廉洁从业教育心得", "guoqi_gaige"),  # integrity, Party building and ideology keep their packs
    ("国企党建与业务融合工作心得", "guoqi_gaige"),
    ("国企职工思想政治工作心得", "guoqi_gaige"),
    ("国企新员工入职培训心得", "guoqi_gaige"),
    ("税务稽查工作心得体会", "xingzheng_zhifa"),  # tax, police and environment keep their packs
    ("公安执法规范化培训心得", "xingzheng_zhifa"),
    ("生态环境执法工作心得", "xingzheng_zhifa"),
    ("组织生活会心得体会", "zuzhi_gongzuo"),  # a branch's meeting, not the organisation department
    ("干部人事档案专项审核工作心得", "zuzhi_gongzuo"),
    ("纪检监察干部违纪违法典型案例警示教育心得", "jijian_jiancha"),  # a warning, not the trade's work
    ("巡察干部培训心得体会", "jijian_jiancha"),
    ("防溺水安全演练心得体会", "anquan_shengchan"),
    ("防溺水宣传周心得", "anquan_shengchan"),
    ("参观廉政教育基地有感", "jingshi_pian"),
    ("燃气安全培训心得", "anquan_shengchan"),
    ("校园安全教育心得体会", "anquan_shengchan"),
    ("观看电影《流浪地球2》观后感", "hongse_dianying"),
    ("读《万历十五年》有感", "hongse_jingdian"),
    ("参观科技馆心得体会", "hongse_jidi"),
    ("新员工入职培训心得体会", "xinjiaoshi_peixun"),
    ("学习《中华人民共和国公司法》心得", "minfadian"),
    ("学习全国教育大会精神心得体会", "qiyi_jianghua"),
    ("纪律处分条例学习心得", "dangshi_xuexi"),
    ("主题教育心得体会", "dangji_xuexi"),
    ("审计工作心得", "tongji"),
    ("统计工作心得", "shenji"),
    ("窗口服务工作心得", "yingshang_huanjing"),
    ("警示教育片观后感", "jingshi_jiaoyu"),
    ("消防演练心得体会", "anquan_shengchan"),
    ("网络安全宣传周心得", "guojia_anquan"),
    ("交通安全演练心得", "anquan_shengchan"),
    ("年轻干部警示教育心得体会", "qingnian_ganbu"),  # a warning session is not the cadres' training course
    ("学习全国教育大会精神心得体会", "lianghui_jingshen"),  # shared bigrams (全国, 会精) are no evidence
    ("专题教育心得体会", "yide_yifeng"),  # occasion words alone are in no pack's name
    ("观看电影《志愿军：雄兵出击》观后感", "zhiyuan_fuwu"),  # the People's Volunteer Army, not volunteering
    ("纪念红军长征胜利90周年心得体会", "hongse_dianying"),  # a commemoration takes no film pack
    ("参观侵华日军南京大屠杀遇难同胞纪念馆心得体会", "hongse_jidi"),  # a memorial to victims, not a red site
    # the education laws' pack takes no other law and no teachers' ethics
    ("学习民法典心得体会", "jiaoyu_fagui"),
    ("学习未成年人保护法心得体会", "jiaoyu_fagui"),
    ("学习宪法心得体会", "jiaoyu_fagui"),
    ("师德师风学习心得体会", "jiaoyu_fagui"),
    ("学习法治宣传教育法心得", "jiaoyu_fagui"),
    ("学习国防教育法心得", "jiaoyu_fagui"),  # 国防教育法 contains 教育法
    ("学习家庭教育促进法心得体会", "jiaoyu_fagui"),
    ("教师职业道德学习心得", "jiaoyu_fagui"),
    # the education-power pack takes no teachers' ethics, law, course or training of its neighbours, no other
    # meeting of 教育大会 in its name and no meeting of another year or level
    ("师德师风学习心得体会", "jiaoyu_qiangguo"),
    ("弘扬教育家精神心得体会", "jiaoyu_qiangguo"),
    ("学习全国教育大会精神 弘扬教育家精神心得体会", "jiaoyu_qiangguo"),
    ("课程思政建设培训心得", "jiaoyu_qiangguo"),
    ("新教师岗前培训心得体会", "jiaoyu_qiangguo"),
    ("学习教育法心得体会", "jiaoyu_qiangguo"),
    ("警示教育大会心得体会", "jiaoyu_qiangguo"),
    ("学习全省教育大会精神心得体会", "jiaoyu_qiangguo"),
    ("学习2018年全国教育大会精神心得", "jiaoyu_qiangguo"),
    ("学习全国科技大会精神心得体会", "jiaoyu_qiangguo"),
    ("立德树人心得体会", "jiaoyu_qiangguo"),
    ("体育强国建设心得", "jiaoyu_qiangguo"),
    ("法院执行局执行工作心得体会", "zhixingli"),  # enforcing judgments is a court's work, not getting tasks done
    ("整治形式主义为基层减负心得体会", "zhixingli"),
    # a law's pack takes its law only: the field, the campaign, the neighbouring law keep theirs
    ("网络安全宣传周心得", "gerenxinxi_fa"),
    ("数据安全培训心得体会", "shuju_anquan_fa"),
    ("学习《中华人民共和国网络安全法》心得", "shuju_anquan_fa"),
    ("学习《中华人民共和国预防未成年人犯罪法》心得体会", "weichengnianren_fa"),
    ("学习《未成年人网络保护条例》心得", "weichengnianren_fa"),
    ("学习《中华人民共和国劳动法》心得", "laodong_hetong_fa"),
    ("农民工欠薪维权心得", "laodong_hetong_fa"),
    ("新入职公务员培训心得体会", "gongwuyuan_fa"),
    ("纪检监察干部业务培训心得体会", "zhengwu_chufen_fa"),
    ("学习《中国共产党纪律处分条例》心得", "zhengwu_chufen_fa"),
    ("3·15消费者权益日心得", "xiaofei_quanyi_fa"),
    ("传染病防治知识培训心得", "chuanranbing_fa"),
    ("中国医师节心得体会", "yishi_fa"),  # the doctors' day is their ethics, not the law
    ("职业病防治宣传周心得", "zhiyebing_fa"),  # a campaign: the category's 职业健康 focus
    ("《职业病防治法》宣传周心得体会", "zhiyebing_fa"),
    ("国企改革深化提升行动心得体会", "gongsi_fa"),
    ("政府采购业务培训心得", "zhengfu_caigou_fa"),
    ("烈士纪念日心得体会", "yingxiong_lieshi_fa"),
    ("清明祭英烈心得体会", "yingxiong_lieshi_fa"),
    ("参观爱国主义教育基地心得", "aiguo_jiaoyu_fa"),
    ("优化营商环境心得体会", "minying_jingji_fa"),
    # packs-B's packs leave their neighbours' topics alone
    ("护士夜间巡视病房心得", "xuncha"), ("输电线路巡视工作心得", "xuncha"),
    ("五四青年节心得体会", "gongqingtuan"), ("团建活动心得", "gongqingtuan"), ("青年干部培训心得体会", "gongqingtuan"),
    ("工会组织团建活动心得", "gonghui"), ("学习劳动合同法心得", "gonghui"),
    ("家长学习双减政策心得", "shuangjian"), ("学习学前教育法心得体会", "youer_jiaoshi"),
    ("幼儿园幼小衔接工作心得", "youer_jiaoshi"), ("铸牢中华民族共同体意识心得", "tongzhan"),
    ("医疗废物管理培训心得", "laji_fenlei"), ("纪检监察工作心得体会", "xuncha"),
    ("党务工作者培训心得体会", "jiguan_dangjian"), ("组织生活会心得体会", "jiguan_dangjian"),
    # packs-A: a trade's ethics, its neighbours and its trainees keep what they had
    ("护士医德医风心得体会", "huli_gongzuo"),
    ("国际护士节心得体会", "huli_gongzuo"),
    ("养老护理员培训心得", "huli_gongzuo"),
    ("院感防控培训心得", "huli_gongzuo"),
    ("医德医风心得体会", "yibao_jijin"),
    ("社保工作心得体会", "yibao_jijin"),
    ("退役军人就业技能培训心得", "tuiyi_junren"),  # the veteran is the trainee, not the service's staff
    ("军训心得体会", "tuiyi_junren"),
    ("烈士纪念日心得体会", "tuiyi_junren"),
    ("驻村第一书记工作心得", "cunwu_gongzuo"),
    ("社区居委会工作心得", "cunwu_gongzuo"),
    ("警风警纪教育心得体会", "shequ_jingwu"),
    ("学习人民警察法心得", "shequ_jingwu"),
    ("反诈宣传心得体会", "shequ_jingwu"),
    ("交警执勤工作心得", "shequ_jingwu"),
    ("学习传染病防治法心得", "yuangan_fangkong"),
    ("食品安全培训心得体会", "shichang_jianguan"),
    ("特种设备安全培训心得", "shichang_jianguan"),
    ("产品质量监督抽查工作心得", "shichang_jianguan"),
    ("民政工作心得", "yanglao_fuwu"),
    ("重阳节敬老心得体会", "yanglao_fuwu"),
    ("老干部工作心得", "yanglao_fuwu"),
    ("社保经办工作心得", "yanglao_fuwu"),
    # packs-C: a thesis is no graduation, an arbitrator no worker defending his rights, integrity no 科技创新
    ("毕业论文答辩心得体会", "biye"),
    ("开题报告心得体会", "biye"),
    ("毕业设计心得体会", "biye"),
    ("科研诚信心得体会", "keji_chuangxin"),
    ("学术诚信教育心得体会", "lunwen"),
    ("学习《中华人民共和国仲裁法》心得体会", "laodong_zhongcai"),
    ("人民调解工作心得体会", "laodong_zhongcai"),
    ("参加学术会议心得体会", "xueshu_chengxin"),
    ("新闻宣传工作心得", "xinwen_chuban"),  # a unit's publicity stays with xuanchuan_gongzuo
    ("宣传工作心得体会", "xinwen_chuban"),
    ("通讯员培训心得体会", "xinwen_chuban"),
    ("主题班会主持人心得", "xinwen_chuban"),
    ("防溺水安全宣传心得", "xuanchuan_gongzuo"),  # publicity for a subject is about the subject
    ("法治宣传教育心得体会", "xuanchuan_gongzuo"),
    ("宣传思想工作心得体会", "xuanchuan_gongzuo"),  # stays with yishixingtai
    ("意识形态工作心得体会", "xuanchuan_gongzuo"),
    ("清明祭英烈心得体会", "binzang_fuwu"),
    ("毕业论文指导工作心得", "lunwen"),  # the supervisor writes, not the student
    ("指导本科生毕业论文心得体会", "lunwen"),
    # the committee's reading class, a named campaign and a class teachers' meeting keep their own packs
    ("理论学习中心组学习心得", "lilun_xuexi"), ("专题读书班心得体会", "lilun_xuexi"),
    ("党纪学习教育集中学习心得", "lilun_xuexi"), ("主题教育集中学习心得", "lilun_xuexi"),
    ("班主任经验交流会心得", "jingyan_jiaoliu"), ("读书交流会心得", "jingyan_jiaoliu"),
    # an adult's career or its guidance, a teachers' 劳动教育, a class meeting and 西部计划 service are no
    # student's plan
    ("教师职业生涯规划心得", "zhiye_guihua"), ("辅导员就业指导工作心得", "zhiye_guihua"),
    ("高校就业工作心得体会", "zhiye_guihua"), ("护士职业规划心得", "zhiye_guihua"),
    ("劳动教育职业体验活动心得", "zhiye_guihua"), ("生涯规划主题班会有感", "zhiye_guihua"),
    ("西部计划志愿者心得", "zhiye_guihua"), ("大学生创新创业大赛心得", "zhiye_guihua"),
    ("就业服务工作心得", "zhiye_guihua"),
    # s36: the study of the sessions stays 两会精神 and the staff of a 人大 or 政协 are no deputies or members;
    # a workers' congress or a students' union has 提案 of its own
    ("学习全国两会精神心得", "renda_daibiao"), ("学习全国两会精神心得", "zhengxie_weiyuan"),
    ("人大代表学习全国两会精神心得", "renda_daibiao"), ("政协委员学习全国两会精神心得", "zhengxie_weiyuan"),
    ("人大机关干部工作心得", "renda_daibiao"), ("人大常委会机关干部培训心得", "renda_daibiao"),
    ("政协机关干部培训心得", "zhengxie_weiyuan"), ("职工代表提案工作心得", "zhengxie_weiyuan"),
    ("学生会提案心得", "zhengxie_weiyuan"), ("职工代表大会心得", "renda_daibiao"),
]
NO_PACK = ["城市更新工作心得", "全民健身活动心得", "防溺水安全教育心得体会", "参观科技馆心得体会", "诚信建设心得体会"]



CASES = [(t, k) for k, ts in PHRASINGS.items() for t in ts]


def test_there_are_at_least_two_hundred_phrasings() -> None:
    assert len(CASES) + len(NEAR_MISSES) + len(NO_PACK) >= 200


@pytest.mark.parametrize("topic,key", CASES)
def test_a_phrasing_finds_its_pack(rh, topic: str, key: str) -> None:
    pack = build_frame(topic, rh).pack
    assert (pack.key if pack else None) == key


@pytest.mark.parametrize("topic,neighbour", NEAR_MISSES)
def test_a_near_miss_is_not_captured_by_its_neighbour(rh, topic: str, neighbour: str) -> None:
    pack = build_frame(topic, rh).pack
    assert pack is None or pack.key != neighbour


@pytest.mark.parametrize("topic", NO_PACK)
def test_a_topic_without_a_pack_keeps_its_own_name(rh, topic: str) -> None:
    f = build_frame(topic, rh)
    assert f.pack is None and f.domain in topic
# From the matching audit (tools/match_audit.tsv): topics whose pack was wrong or missing, with the pack
# (or None) they now get, then a sample of topics that were right and must stay so.
AUDIT = [
    ("学习党章心得体会", "dangzhang"),  # its own pack (added after the audit)
    ("学习新《公司法》心得体会", "gongsi_fa"),  # its own pack (added after the audit)
    ("学习《中华人民共和国矿产资源法》心得体会", "falv_xuexi"),  # a law no pack knows: the law genre
    ("学习《中华人民共和国劳动合同法》心得", "laodong_hetong_fa"),  # its own pack (added after the audit)
    ("学习《中华人民共和国政府采购法》心得体会", "zhengfu_caigou_fa"),  # its own pack (added after the audit)
    ("学习《中华人民共和国学前教育法》心得体会", "jiaoyu_fagui"),
    ("学习市委全会精神心得体会", None),
    ("学习中央一号文件心得体会", "xiangcun_zhenxing"),
    ("学习习近平总书记考察湖南重要讲话精神心得体会", None),
    ("学习市政府工作报告心得体会", None),
    ("纪律作风教育整顿心得体会", "zuofeng_jianshe"),
    ("廉洁文化建设心得体会", "jingshi_jiaoyu"),
    ("医药领域腐败问题集中整治心得体会", "yide_yifeng"),
    ("银行柜员业务培训心得体会", None),
    ("信贷业务培训心得体会", None),
    ("财务人员业务培训心得体会", "caiwu_neikong"),
    ("税务干部业务培训心得体会", "nashui_fuwu"),
    ("统计人员业务培训心得体会", "tongji"),
    ("组织工作业务培训心得体会", "zuzhi_gongzuo"),  # pack 组织工作 (added after the audit)
    ("交警业务培训心得", None),
    ("监狱民警培训心得", None),
    ("检察官业务培训心得", None),
    ("医院院感培训心得体会", "yuangan_fangkong"),  # its own pack (added after the audit)
    ("护理人员急救技能培训心得", "huli_gongzuo"),  # its own pack (added after the audit)
    ("全科医生转岗培训心得体会", None),
    ("大单元教学设计培训心得", None),
    ("特殊教育教师培训心得", None),
    ("电力安全工作规程培训心得体会", "anquan_shengchan"),
    ("供电营业厅服务礼仪培训心得", None),
    ("空乘服务礼仪培训心得", None),
    ("酒店服务礼仪培训心得体会", None),
    ("医院导诊服务礼仪培训心得体会", None),
    ("邮政快递业务培训心得", None),
    ("建筑施工安全培训心得体会", "anquan_shengchan"),
    ("危险化学品安全培训心得体会", "anquan_shengchan"),
    ("煤矿安全培训心得体会", "anquan_shengchan"),
    ("有限空间作业安全培训心得体会", "anquan_shengchan"),
    ("班组长培训心得体会", None),
    ("招投标业务培训心得体会", None),
    ("执行力培训心得体会", "zhixingli"),  # was None once 中层干部 gave it up; it has a pack of its own now
    ("Excel办公技能培训心得", None),
    ("退役军人就业技能培训心得", None),
    ("导游业务培训心得", None),
    ("人社窗口业务培训心得体会", "chuangkou_fuwu"),
    ("不动产登记业务培训心得体会", None),
    ("市场监管执法培训心得体会", "shichang_jianguan"),  # the trade's own pack (packs-A) before 行政执法
    ("城管执法培训心得体会", "xingzheng_zhifa"),  # pack 行政执法 (added after the audit)
    ("行政执法人员培训心得体会", "xingzheng_zhifa"),  # pack 行政执法 (added after the audit)
    ("医院窗口服务礼仪培训心得", None),
    ("参观监狱警示教育基地心得体会", "jingshi_jiaoyu"),
    ("旁听庭审警示教育心得", "jingshi_jiaoyu"),
    ("医疗行业警示教育心得体会", "yide_yifeng"),
    ("观看电影《焦裕禄》心得体会", None),
    ("观看电影《我和我的祖国》观后感", "hongse_dianying"),
    ("观看电视专题片《零容忍》心得体会", "jingshi_pian"),
    ("观看电视剧《大江大河》心得体会", None),
    ("观看电影《建党伟业》观后感", "hongse_dianying"),
    ("参观井冈山革命博物馆心得体会", "hongse_jidi"),
    ("参观档案馆心得体会", None),
    ("参观先进企业学习心得", "qiye_canguan"),  # s36: the enterprises' pack
    ("走进法院参观学习心得", None),
    ("赴井冈山干部学院培训心得体会", "hongse_jidi"),
    ("开学典礼心得体会", None),
    ("医院见习心得体会", None),
    ("入团积极分子培训心得体会", None),
    ("团支部书记培训心得体会", "gongqingtuan"),  # pack 共青团工作 (packs-B)
    ("送医下乡活动心得体会", "xiaxiang"),  # pack 送服务下乡, its 义诊 focus (s34)
    ("送教下乡心得体会", None),
    ("结对帮扶工作心得体会", "xiangcun_zhenxing"),
    ("下基层调研心得体会", None),
    ("入户走访心得体会", None),
    ("机关党建工作心得体会", "jiguan_dangjian"),  # pack 机关党建 (packs-B)
    ("共青团工作心得体会", "gongqingtuan"),  # pack 共青团工作 (packs-B)
    ("人大代表履职心得体会", "renda_daibiao"),  # its own pack (s36)
    ("法律援助工作心得体会", None),
    ("乡村医生工作心得体会", None),
    ("银行柜面工作心得体会", None),
    ("银行客户经理工作心得体会", None),
    ("国企改革深化提升行动心得体会", "guoqi_gaige"),  # pack 国企改革发展 (added after the audit)
    ("企业文化建设心得体会", None),
    ("森林防火工作心得体会", None),
    # right before and after
    ("学习贯彻党的二十届四中全会精神心得体会", "quanhui_jingshen"),
    # 公务接待、用车 and 会议 spending, not green habits
    ("学习《党政机关厉行节约反对浪费条例》心得体会", "baxiang_guiding"),
    ("学习《中华人民共和国医师法》心得体会", "yishi_fa"),  # its own pack (added after the audit)
    ("学习《中华人民共和国预算法》心得体会", "caiwu_neikong"),
    ("学习《党政领导干部选拔任用工作条例》心得体会", "zuzhi_gongzuo"),  # pack 组织工作 (added after the audit)
    ("学习《中华人民共和国反洗钱法》心得体会", "jinrong_hegui"),
    ("学习习近平生态文明思想心得体会", "shengtai_huanjing"),
    ("学习省第十二次党代会精神心得体会", "difang_dangdaihui"),  # pack 地方党代会 (added s37, helper route37)
    ("学习全国科技大会精神心得体会", "keji_chuangxin"),
    ("学习全国教育大会精神心得体会", "jiaoyu_qiangguo"),  # no pack in the audit; 教育强国 came after
    ("弘扬教育家精神心得体会", "shide_shifeng"),
    ("学习全国教育大会精神 弘扬教育家精神心得体会", "shide_shifeng"),  # 教育家精神 is the teachers' ethics
    ("学习全国教育工作会议精神心得体会", None),  # the yearly work conference is not the 2024 meeting
    ("党纪学习教育研讨发言材料", "dangji_xuexi"),
    ("干部作风大整顿心得", "zuofeng_jianshe"),
    ("理论学习中心组学习研讨发言", "dushuban"),
    ("新入职医生岗前培训心得", "xinruzhi_peixun"),
    ("证券从业人员合规培训心得", "jinrong_hegui"),
    ("纪检监察干部培训心得体会", "jijian_jiancha"),  # pack 纪检监察工作 (added after the audit)
    ("村干部培训心得体会", "cunwu_gongzuo"),  # its own pack (added after the audit)
    ("辅警岗前培训心得体会", "xinruzhi_peixun"),
    ("幼儿园保育员培训心得体会", "youer_jiaoshi"),  # pack 幼儿园教育工作 (packs-B)
    ("燃气安全培训心得", None),
    ("销售技巧培训心得体会", None),
    ("网络安全知识培训心得", "wangluo_anquan"),
    ("地震应急疏散演练心得体会", None),
    ("高素质农民培训心得体会", None),
    ("12345热线话务员培训心得体会", "zhengwu_fuwu"),
    ("观看警示教育片《持续发力纵深推进》心得", "jingshi_pian"),
    ("酒驾醉驾警示教育心得体会", "jiaotong_anquan"),
    ("国企领导干部警示教育心得", "lianjie_congye"),
    ("会计职业道德心得体会", "caiwu_neikong"),
    ("幼儿教师职业道德心得体会", "shide_shifeng"),
    ("观看电影《长津湖》心得体会", "hongse_dianying"),
    ("观看电影《周恩来的四个昼夜》观后感", "hongse_dianying"),
    ("观看电影《特级英雄黄继光》观后感", "hongse_dianying"),
    ("观看电影《我的父亲焦裕禄》心得体会", "hongse_dianying"),
    ("观看电影《邓小平小道》观后感", "hongse_dianying"),
    ("电影《八角笼中》观后感", None),
    ("观看电视剧《大考》心得体会", None),
    ("观看电视剧《人民的名义》心得", None),
    ("观看电影《流浪地球2》观后感", None),
    ("观看禁毒宣传片心得体会", "jindu"),
    ("读《平凡的世界》有感", None),
    ("读《之江新语》心得体会", None),
    ("读《钢铁是怎样炼成的》有感", "xuesheng_dushu"),  # pupils are its usual readers (test_pupils)
    ("党员读《钢铁是怎样炼成的》心得", "hongse_jingdian"),
    ("《傅雷家书》读后感", "dushu"),
    ("读《文化苦旅》心得体会", "dushu"),  # s36 works: a book's genre pack by shared themes, no red classic
    ("读《大医精诚》心得体会", "dushu"),
    ("读《反对本本主义》心得体会", None),
    ("读《曾国藩家书》心得体会", "dushu"),
    ("读《实践论》心得体会", "dushu"),
    ("读《红楼梦》有感", None),
    ("参观焦裕禄纪念馆心得体会", "hongse_jidi"),
    ("赴浙江考察学习心得体会", "waichu_kaocha"),
    ("国家公祭日心得体会", "jinian_ri"),  # a day of remembrance (was: no pack, the generic commemoration)
    ("中国医师节心得体会", "yide_yifeng"),
    ("中国农民丰收节心得体会", "xiangcun_zhenxing"),  # s36 jieri36: the farmers' day, a focus of 乡村振兴
    ("庆祝三八妇女节心得体会", "funv_quanyi_fa"),  # s36 jieri36: the women's day, a focus of 妇女权益保障法
    ("“三八”国际妇女节活动心得", "funv_quanyi_fa"),
    ("银行实习心得体会", "shixi"),
    ("大学生寒假社会实践心得体会", "shehui_shijian"),
    ("大学生暑期“三下乡”社会实践", "shehui_shijian"),  # students' 三下乡, not the services' xiaxiang
    ("学雷锋志愿服务活动心得", "zhiyuan_fuwu"),
    ("马拉松志愿者心得体会", "zhiyuan_fuwu"),
    ("驻村工作心得", "xiangcun_zhenxing"),
    ("工会工作心得体会", "gonghui"),  # pack 工会工作 (packs-B)
    ("纪检监察工作心得体会", "jijian_jiancha"),  # pack 纪检监察工作 (added after the audit)
    ("课后服务工作心得体会", "shuangjian"),  # 课后服务 is part of the “双减” pack (packs-B)
    ("12345热线工作心得体会", "zhengwu_fuwu"),
    ("非遗保护工作心得体会", None),
    ("学习雷锋精神心得体会", "zhiyuan_fuwu"),
    ("未成年人保护工作心得体会", None),  # the work keeps the category's focus, not the law's pack
    ("消费者权益保护宣传心得", None),
    ("签订劳动合同注意事项学习心得", None),
    # s36: a 《榜样》 edition watched takes its programme of the works bank, no field's pack
    ("观看《榜样9》心得体会", None), ("《榜样9》观后感", None), ("收看《榜样9》专题节目有感", None),
    ("学习《榜样7》先进事迹心得", None), ("党员观看榜样9心得", None),
    # student activities (helper xuesheng36): a study trip, a subject contest, a post or a club
    ("赴西安研学旅行心得体会", "yanxue_lvxing"),
    ("小学生参加研学实践活动有感", "yanxue_lvxing"),
    ("赴北京高校研学营心得", "yanxue_lvxing"),
    ("初二年级湿地研学心得", "yanxue_lvxing"),
    ("红色研学活动心得", "hongse_jidi"),  # a red study trip keeps the red pack
    ("全国大学生数学建模竞赛备赛心得体会", "xueke_jingsai"),
    ("大学生电子设计竞赛备赛感想", "xueke_jingsai"),
    ("挑战杯创业计划竞赛心得体会", "xueke_jingsai"),
    ("高二参加全国中学生物理竞赛心得", "xueke_jingsai"),
    ("初中英语演讲比赛心得", "jineng_jingsai"),  # a speech contest is no subject contest: a skill shown on a stage
    ("职业技能大赛心得体会", "jineng_jingsai"),
    # s37: a contest pack is no film's, activity's or speech's by its keywords (演讲, 辩论, 歌手 are skills)
    ("医学生参加临床技能竞赛心得体会", "jineng_jingsai"), ("参加校园十佳歌手大赛心得", "jineng_jingsai"),
    ("参加全国大学生机器人大赛RoboMaster心得", "xueke_jingsai"),
    ("护理技能大赛心得", "huli_gongzuo"),  # nursing keeps its own pack
    ("观看演讲视频心得", None), ("主题演讲活动心得", None), ("辩论社活动心得", None), ("演讲心得", None),
    ("歌手心得", None), ("合唱比赛心得", None),
    ("电赛心得", "xueke_jingsai"),  # a topic naming no occasion still takes a contest pack by its keywords
    ("担任学生会干部一年的心得体会", "xuesheng_zuzhi"),
    ("初中生当班长的感想", "xuesheng_zuzhi"),
    ("加入学校书法社团的心得", "xuesheng_zuzhi"),
    ("高中生参加社团活动心得体会", "xuesheng_zuzhi"),
    ("参加模拟联合国大会的收获与体会", "xuesheng_zuzhi"),
    ("中学生模拟政协提案活动心得", "xuesheng_zuzhi"),
    ("团支书工作心得", "gongqingtuan"),  # the League's own, not a class post
    ("寒假实践活动心得（高中生）", "shehui_shijian"),  # no winter safety
    ("参加科技夏令营的收获", None),  # a camp is no science policy (keji_chuangxin)
]


@pytest.mark.parametrize("topic,key", AUDIT)
def test_an_audited_topic_gets_its_pack_or_none(rh, topic: str, key: str | None) -> None:
    pack = build_frame(topic, rh).pack
    assert (pack.key if pack else None) == key


def test_an_alias_of_occasion_words_names_no_trade(rh) -> None:
    """业务培训 is the generic pack's name only when the topic names nothing else."""
    assert build_frame("业务培训心得体会", rh).pack.key == "yewu_peixun"
    assert build_frame("2025年度业务知识培训心得", rh).pack.key == "yewu_peixun"
    assert build_frame("导游业务培训心得", rh).pack is None


def test_an_excluded_word_outside_the_named_alias_rules_the_pack_out(rh) -> None:
    assert build_frame("学习贯彻党的二十届四中全会精神心得体会", rh).pack.key == "quanhui_jingshen"
    assert build_frame("学习省委全会精神心得体会", rh).pack is None  # 全会精神 named, 省委 excluded
    assert build_frame("财务人员业务培训心得体会", rh).pack.key == "caiwu_neikong"


def test_a_pack_domain_names_nothing(rh) -> None:
    """国培计划's domain is 教师培训 and 新教师岗前培训's 教书育人: broader fields, not their names."""
    assert build_frame("特殊教育教师培训心得", rh).pack is None
    assert build_frame("教书育人心得体会", rh).pack is None


def test_an_ethics_pack_needs_more_than_a_trade_word(rh) -> None:
    assert build_frame("医院院感培训心得体会", rh).pack.key == "yuangan_fangkong"  # its own field, no ethics
    assert build_frame("银行柜面工作心得体会", rh).pack is None
    assert build_frame("护士职业道德心得体会", rh).pack.key == "yide_yifeng"
    assert build_frame("整治形式主义官僚主义心得", rh).pack.key == "zuofeng_jianshe"


def test_only_a_documentary_takes_the_documentary_pack(rh) -> None:
    assert build_frame("观看电影《焦裕禄》心得体会", rh).pack is None
    assert build_frame("观看纪录片《航拍中国》观后感", rh).pack.key == "jilupian"


def test_a_law_title_is_no_category_word(rh) -> None:
    """中华人民共和国学前教育法 holds 国学 across a word boundary: the law finds the education laws' pack."""
    f = build_frame("学习《中华人民共和国学前教育法》心得体会", rh)
    assert f.pack is not None and f.pack.key == "jiaoyu_fagui"
    assert f.category is None or f.category.key == "jiaoyu_jiaoxue"


def test_quotation_marks_in_a_topic_hide_neither_a_name_nor_an_excluded_word(rh) -> None:
    """The 2019 campaign is not the 2023 one, quoted or not; a quoted pack name still names it."""
    for topic in ("“不忘初心、牢记使命”主题教育心得体会", "不忘初心、牢记使命主题教育心得体会"):
        f = build_frame(topic, rh)
        assert f.pack is None or f.pack.key != "zhuti_jiaoyu", topic
    assert build_frame("“安全生产月”活动心得体会", rh).pack.key == "anquan_shengchan"


def test_a_book_and_a_series_of_one_title_are_two_works(rh) -> None:
    """读《长征》 is 王树增's book, 观看电视剧《长征》 the series: neither hides the other."""
    book, series = build_frame("读《长征》有感", rh), build_frame("观看电视剧《长征》观后感", rh)
    assert (book.work.kind, book.pack.kind) == ("book", "book")
    assert (series.work.kind, series.pack.kind) == ("series", "film")


@pytest.mark.parametrize("topic, category, focus", [
    ("客服工作心得体会", "fuwu_jingying", "客服"),
    ("营业厅服务培训心得", "fuwu_jingying", "营业厅"),
    ("快递员工作心得", "fuwu_jingying", "快递"),
    ("设备点检培训心得", "qiye_shengchan", "设备"),
    ("托育机构保育员培训心得", "jiaoyu_jiaoxue", "幼儿"),  # a kindergarten's 保育员 has a pack now
    ("课后托管工作心得", "jiaoyu_jiaoxue", "课后服务"),
    ("Excel培训心得", "keji_shuzi", "办公软件"),
    ("老年人智能手机培训心得", "keji_shuzi", "智能手机"),
    ("农民专业合作社心得", "nongye_nongcun", "合作社"),
    ("劳动法学习心得", "fazhi_quanyi", "劳动权益"),  # 劳动合同法 has a pack of its own now
    ("烟头不落地心得", "wenming_fengshang", "垃圾不落地"),
    ("治理天价彩礼心得", "wenming_fengshang", "移风易俗"),
    ("邮政快递业务培训心得", "fuwu_jingying", "快递"),
    ("银行柜员工作心得体会", "fuwu_jingying", "银行网点"),
    ("邮政投递员工作心得", "fuwu_jingying", "邮政投递"),
    ("高中减轻学生课业负担心得", "jiaoyu_jiaoxue", "双减"),  # “双减” itself has a pack now
    ("全国文明城市创建工作心得体会", "wenming_fengshang", "文明城市创建"),
    ("学习新时代公民道德建设实施纲要体会", "wenming_fengshang", "公民道德建设"),
    ("公民道德建设学习心得", "wenming_fengshang", "公民道德建设"),
    # helper hangye36 (s36): trades that found no category
    ("产科助产士工作心得体会", "yiliao_weisheng", "助产"), ("医院产房助产工作心得", "yiliao_weisheng", "助产"),
    ("污水处理厂运营工作心得体会", "qiye_shengchan", "污水处理"),
    ("污水处理厂中控值班工作心得", "qiye_shengchan", "污水处理"),
    ("自来水厂制水运行工作心得", "qiye_shengchan", "供水"), ("供水公司营业收费工作心得体会", "qiye_shengchan", "供水"),
    ("银行信贷员岗位培训心得体会", "fuwu_jingying", "信贷"), ("农商银行信贷客户经理工作心得", "fuwu_jingying", "信贷"),
    ("银行贷后管理工作心得", "fuwu_jingying", "信贷"), ("热力公司供热运行工作心得", "qiye_shengchan", "供热"),
    # helper weijian36 (s36): 中医药文化 is culture, not a ward; 孕产妇 and 儿童保健 found no category
    ("中医药文化进校园活动心得", "wenhua_chuancheng", "中医药文化"),
    ("孕产妇保健", "yiliao_weisheng", "孕产期保健"), ("儿童保健", "yiliao_weisheng", "儿童保健"),
])
def test_a_narrow_subject_reaches_its_category_and_focus(rh, topic: str, category: str, focus: str) -> None:
    f = build_frame(topic, rh)
    assert f.pack is None and f.category is not None and f.category.key == category, topic
    assert f.focus is not None and f.focus.name == focus, topic


@pytest.mark.parametrize("topic", ["特种作业人员培训心得", "高处作业安全培训心得", "组织工作业务培训心得"])
def test_work_at_height_is_no_homework(rh, topic: str) -> None:
    """作业 of 特种作业 (and the 作业 inside 工作业务) is no pupil's homework."""
    f = build_frame(topic, rh)
    assert (f.focus is None or f.focus.name != "作业") and (f.category is None or f.category.key != "jiaoyu_jiaoxue")


def test_a_safety_topic_of_a_trade_stays_with_safety(rh) -> None:
    """快递 and 托育 are no category words: 快递安全 and 托育机构安全 are safety topics, not service or teaching."""
    for topic in ("快递安全培训心得", "托育机构安全培训心得"):
        f = build_frame(topic, rh)
        assert f.category is not None and f.category.key == "anquan_jiaoyu", topic


# Second audit (200 new phrasings): a common word must not bring in another trade's pack, and the
# occasion word decides the kind. (topic, kind, the pack it must take or None, a pack it must not take)
AUDIT2 = [
    ("家庭医生签约服务工作心得", "field", None, "zhaoshang_yinzi"),  # 签约 is no investment deal
    ("检察院公益诉讼工作心得", "field", None, "zhiyuan_fuwu"),  # 公益诉讼 is no volunteering
    ("护理安全管理培训心得体会", "training", None, "anquan_shengchan"),  # patients' safety, not a plant's
    ("学习习近平总书记在二十届中央纪委五次全会上的重要讲话心得", "study", None, "quanhui_jingshen"),
    ("实习律师集中培训心得体会", "training", None, "shixi"),
    ("临床带教老师培训心得体会", "training", None, "shixi"),  # the teacher's training, not the intern's
    ("初三毕业班教学工作心得", "field", None, "biye"),  # a teacher's year, not a graduation
    ("公安队伍主题教育整训心得", "campaign", "jingfeng_jingji", "zhuti_jiaoyu"),
    ("党员进社区“双报到”活动心得", "practice", "zhiyuan_fuwu", "shequ_gongzuo"),
    ("“三个以案”警示教育心得", "warning", "yian_cugai", None),
    ("身边人身边事警示教育心得体会", "warning", "jingshi_jiaoyu", None),
    ("违规收送礼品礼金典型案例学习心得", "warning", "baxiang_guiding", None),
    ("瞻仰毛主席纪念堂心得", "visit", "hongse_jidi", None),  # 纪念堂 is visited, not a commemoration
    ("参观中国共产党历史展览馆心得体会", "visit", "hongse_jidi", None),
    ("金税四期业务培训心得", "training", "nashui_fuwu", None),
    ("药师职业道德心得", "ethics", "yide_yifeng", None),
    ("学习《中国共产党支部工作条例（试行）》心得体会", "study", "zhibu_shuji", None),
    ("解放思想大讨论活动心得体会", "campaign", None, None),  # a campaign, not an outing
    ("营商环境提升年活动心得体会", "campaign", "yingshang_huanjing", None),
    ("“四下基层”制度学习心得体会", "study", None, None),
    ("党员冬训心得体会", "training", "dangyuan_dongxun", "xiangcun_zhenxing"),  # s36: a member's winter course
    ("社会工作者职业伦理学习心得", "ethics", None, None),
    ("银行风险管理工作心得", "field", None, None),  # 行风 inside 银行风险 is no 行风
    ("教研组长工作心得", "field", "tingke_pingke", None),  # a job, though its pack's kind is an activity
    ("燃气安全进社区宣传心得", "field", None, "shequ_gongzuo"),  # the place of an activity is not its subject
    ("打击欺诈骗保心得体会", "field", None, "fangzha"),  # medical insurance fraud, not telecom fraud
    ("医院违纪违法典型案例警示教育心得", "warning", "yide_yifeng", None),  # a trade's ethics serves its warning
    ("机关干部数字化办公能力培训心得", "training", None, "dangan"),  # 数字化 is no archive's word alone
]


@pytest.mark.parametrize(("topic", "focus"), [("农村用电安全培训心得", "用电"), ("社区燃气安全排查工作心得", "燃气")])
def test_a_narrow_subject_beats_a_pack_taken_by_a_setting_word(rh, topic: str, focus: str) -> None:
    """农村 or 社区 names where; 用电 and 燃气 name what: the safety category's focus, not 乡村振兴 or 社区工作."""
    f = build_frame(topic, rh)
    assert f.pack is None and f.category is not None and f.category.key == "anquan_jiaoyu"
    assert f.focus is not None and f.focus.name == focus


def test_a_categorys_packs_keep_its_focuses(rh) -> None:
    """The packs a category lists carry its focuses (电梯 in 安全生产); every listed pack exists."""
    f = build_frame("电梯安全管理培训", rh)
    assert f.pack is not None and f.pack.key == "anquan_shengchan" and f.focus is not None
    for c in rh.categories.values():
        assert set(c.carries) <= set(rh.packs), c.key


def test_a_warning_about_discipline_in_a_trade_is_about_discipline(rh) -> None:
    """供电公司违纪违法典型案例 is no lesson in electricity service: no trade category, no field pack;
    a harm's warning (失泄密, 酒驾) keeps the pack of that harm."""
    for topic in ("供电公司违纪违法典型案例警示教育心得", "国有企业违规经营投资典型案例警示教育心得"):
        f = build_frame(topic, rh)
        assert f.kind == "warning" and f.category is None and (f.pack is None or f.pack.kind != "field"), topic
    assert build_frame("失泄密案例警示教育心得", rh).pack.key == "baomi_jiaoyu"


def test_an_activity_taken_somewhere_is_about_its_subject(rh) -> None:
    f = build_frame("燃气安全进社区宣传心得", rh)
    assert f.domain == "燃气安全" and f.category is not None and f.focus is not None and f.focus.name == "燃气"


@pytest.mark.parametrize("topic,kind,pack,not_pack", AUDIT2)
def test_second_audit(rh, topic: str, kind: str, pack: str | None, not_pack: str | None) -> None:
    f = build_frame(topic, rh)
    assert f.kind == kind, (topic, f.kind)
    if pack is not None:
        assert f.pack is not None and f.pack.key == pack, (topic, f.pack and f.pack.key)
    if not_pack is not None:
        assert f.pack is None or f.pack.key != not_pack, topic


# The third audit's causes (tools/match_audit3.tsv), each tried on phrasings of its own, not the audit's:
# topic, kind, pack (None: no pack), category (None: none), a neighbour it must not take.
AUDIT3 = [
    # a quoted slogan's words are no occasion; 学习 + a slogan studies it
    ("学习“两个务必”心得体会", "study", None, None, None),
    ("“重实践、建新功”心得体会", "campaign", "zhuti_jiaoyu", None, None),
    ("“两学一做”学习教育心得", "campaign", None, None, None),
    # campaigns, 党校 and lectures, festivals, a student's career
    ("漠视侵害群众利益问题专项整治心得", "campaign", None, None, None),
    ("党的群众路线教育实践活动心得", "campaign", None, None, None),
    ("中学生劳动教育实践活动心得", "practice", "laodong_jiaoyu", None, None),
    ("区委党校进修班学习心得", "training", None, None, None),
    ("人工智能专题讲座心得", "training", "rengong_zhineng", None, None),
    ("重阳节敬老主题活动心得", "commemoration", "chuantong_jieri", None, None),  # the festival pack (data2)
    ("大学生职业生涯规划大赛心得", "contest", "zhiye_guihua", None, None),  # a contest of plans: the pack adds facts
    ("防范校园霸凌专题教育心得", "training", None, "anquan_jiaoyu", None),
    # warnings: a case report is one; one about discipline without a pack takes the warning pack
    ("身边典型案例通报学习心得", "warning", "jingshi_jiaoyu", None, None),
    ("违规吃喝典型问题通报学习心得", "warning", "baxiang_guiding", None, None),
    ("组织旁听贪污受贿案庭审心得", "warning", "jingshi_jiaoyu", None, "sifa_zuofeng"),
    ("收看专题片《永远吹冲锋号》心得体会", "warning", "jingshi_pian", None, "jilupian"),
    ("年轻干部廉政教育心得", "warning", "jingshi_jiaoyu", None, "qingnian_ganbu"),
    ("以案说责警示教育心得", "warning", "yian_cugai", None, None),
    ("以案释法心得体会", "study", "fazhi_xuexi", None, "yian_cugai"),
    # a warning pack's kind does not pass to an activity or a study that names no warning
    ("廉洁文化进机关心得", "practice", "jingshi_jiaoyu", None, None),
    ("廉洁家风专题学习心得", "study", "jingshi_jiaoyu", None, None),
    # a job that ends in 工作 is a field, whatever kind its pack has
    ("普法工作心得", "field", "fazhi_xuexi", None, None),
    # the trade's own pack before the occasion's; a word inside 决定性 is no plenum's 决定
    ("新入职辅导员培训心得", "training", "fudaoyuan", None, "xinruzhi_peixun"),
    ("深刻领悟“两个确立”的决定性意义心得", "study", None, None, "quanhui_jingshen"),
    ("到兄弟学校跟岗学习心得", "training", "waichu_kaocha", None, None),
    # data: words that reach their pack or category
    ("生物安全知识学习心得", "study", "guojia_anquan", None, None),
    ("密码法学习心得", "field", "baomi_jiaoyu", None, None),
    ("中医科工作心得", "field", None, "yiliao_weisheng", None),
    ("团干部能力提升培训心得", "training", "gongqingtuan", None, None),
    ("少先队工作心得", "field", None, "dangjian_qunzhong", None),
    ("教师校本培训心得", "training", None, "jiaoyu_jiaoxue", None),
    # found on a held-out check after the audit: “…攻坚年” campaigns, a festival's integrity reminder, disasters
    ("“项目攻坚年”活动心得", "campaign", None, None, None),
    ("春节前廉洁提醒谈话心得", "warning", "jingshi_jiaoyu", None, None),
    ("自然灾害防范专题教育心得", "training", None, None, None),
    ("党支部标准化规范化建设心得", "field", None, "dangjian_qunzhong", None),
    ("学习浙江“千万工程”心得体会", "study", "xiangcun_zhenxing", None, None),
    # festivals, their neighbours, and a teacher's exam duty (not the pupils' 高考)
    ("“我们的节日·中秋”主题活动心得", "commemoration", "chuantong_jieri", None, None),
    ("七夕节传统文化活动心得", "commemoration", "chuantong_jieri", None, None),
    ("清明节缅怀革命先烈心得体会", "commemoration", "qingming", None, "chuantong_jieri"),
    # days of remembrance take jinian_ri; festivals, 烈士纪念日 and a visit keep theirs
    ("九一八事变纪念日心得", "commemoration", "jinian_ri", None, None),
    ("纪念西安事变90周年心得", "commemoration", "jinian_ri", None, None),
    ("纪念西藏自治区成立60周年心得体会", "commemoration", "jinian_ri", None, None),
    ("纪念台湾光复80周年心得", "commemoration", "jinian_ri", None, None),
    ("烈士纪念日心得", "commemoration", "qingming", None, "jinian_ri"),
    ("国庆节心得", "commemoration", "guoqing_jiandang", None, "jinian_ri"),
    ("纪念建党104周年心得", "commemoration", "guoqing_jiandang", None, "jinian_ri"),
    ("纪念五四运动心得", "commemoration", "wusi_qingnian", None, "jinian_ri"),
    ("清明节缅怀先烈心得", "commemoration", "qingming", None, "jinian_ri"),
    ("参观侵华日军南京大屠杀遇难同胞纪念馆心得", "visit", None, None, "jinian_ri"),
    # the great earthquakes are days of remembrance; 全国防灾减灾日 is a safety day, no memorial
    ("纪念唐山大地震50周年心得体会", "commemoration", "jinian_ri", None, None),
    ("5·12汶川特大地震纪念", "commemoration", "jinian_ri", None, None),
    ("全国防灾减灾日心得体会", "practice", "fangxun_yingji", None, "jinian_ri"),
    # the founding leaders' birthdays are days of remembrance, however the anniversary is typed; a visit to a
    # leader's former home, a reading of his works or the study of a speech at the meeting keep their own kinds
    ("纪念毛泽东同志130周年诞辰心得体会", "commemoration", "jinian_ri", None, None),
    ("纪念邓小平同志120周年诞辰心得", "commemoration", "jinian_ri", None, None),
    ("刘少奇诞辰125周年心得", "commemoration", "jinian_ri", None, None),
    ("纪念朱德诞辰", "commemoration", "jinian_ri", None, None),
    ("学习周恩来精神心得体会", "model", None, None, "jinian_ri"),
    ("参观邓小平故居心得", "visit", "hongse_jidi", None, "jinian_ri"),
    ("读《邓小平文选》有感", "book", None, None, "jinian_ri"),
    # the study of a speech at a commemoration stays a study, of the day the meeting marked (its pack and focus)
    ("学习习近平在纪念邓小平同志诞辰120周年座谈会上的讲话心得", "study", "jinian_ri", None, None),
    # 抗美援朝: the commemorations are days of remembrance; its spirit, films, memorial, heroes' deeds keep theirs
    ("纪念中国人民志愿军抗美援朝出国作战75周年心得", "commemoration", "jinian_ri", None, None),
    ("抗美援朝纪念日心得体会", "commemoration", "jinian_ri", None, None),
    ("学习习近平总书记在纪念中国人民志愿军抗美援朝出国作战70周年大会上的重要讲话心得", "study", "jinian_ri", None,
     None),
    ("学习习近平总书记在纪念中国人民抗日战争暨世界反法西斯战争胜利80周年大会上的重要讲话心得", "study", "jinian_ri",
     None, None),
    ("纪念抗战胜利80周年大会讲话心得", "study", "jinian_ri", None, None),
    ("抗美援朝精神心得体会", "study", "jingshen_pupu", None, "jinian_ri"),
    ("弘扬抗美援朝精神心得", "study", "jingshen_pupu", None, "jinian_ri"),
    ("观看电影《长津湖》心得", "film", "hongse_dianying", None, "jinian_ri"),
    ("参观抗美援朝纪念馆心得", "visit", "hongse_jidi", None, "jinian_ri"),
    ("学习抗美援朝英雄事迹心得", "model", None, None, "jinian_ri"),
    ("学习习近平在庆祝中国共产党成立100周年大会上的讲话心得", "study", "qiyi_jianghua", None, None),
    ("春节走访慰问困难群众心得", "practice", "shehui_jiuzhu", None, "chuantong_jieri"),
    ("中秋国庆双节廉洁提醒心得", "warning", "jingshi_jiaoyu", None, "chuantong_jieri"),
    ("端午节假期安全教育心得", "commemoration", None, "anquan_jiaoyu", "chuantong_jieri"),
    ("高考监考工作心得体会", "field", "kaowu_jiankao", None, None),
    ("考务培训会心得体会", "training", "kaowu_jiankao", None, None),
    ("高考百日冲刺誓师大会心得", "student", None, None, "kaowu_jiankao"),
    ("中考备考复习心得", "student", None, None, "kaowu_jiankao"),
    # a hospital's offices, repair trades, shops online and guards reach their trade's category; a
    # museum is no red base; 干部 with a qualifier is a cadre's work, not 组织工作
    ("门诊收费处工作体会", "field", None, "yiliao_weisheng", None),
    ("公立医院党建工作体会", "field", None, "dangjian_qunzhong", None),  # the compound's head comes last
    ("病案管理员工作心得体会", "field", None, "yiliao_weisheng", None),
    ("设备维修工岗位心得", "field", None, "qiye_shengchan", None),
    ("网店客服与电商运营心得", "field", None, "fuwu_jingying", None),
    ("保安员岗位工作体会", "field", None, "fuwu_jingying", None),
    ("参观市博物馆心得", "visit", None, "wenhua_chuancheng", "hongse_jidi"),
    ("村干部工作心得体会", "field", "cunwu_gongzuo", None, "zuzhi_gongzuo"),  # its own pack (packs-A)
    ("担任班干部的心得", "student", "xuesheng_zuzhi", None, "banzhuren"),  # a pupil's post (xuesheng36)
    # a meeting, a ceremony, a donation and a youth study programme are no work to 做好 (a field by default)
    ("教代会心得体会", "field", None, None, None),  # names no meeting word: still a field
    ("公司年度职工代表大会心得", "study", None, None, None),
    ("全区安全生产工作会议心得", "study", "anquan_shengchan", None, None),
    ("高三学生成人礼心得", "student", None, None, None),
    ("参加无偿献血活动心得", "practice", "wuchang_xianxue", None, None),  # its own pack since s35
    ("“青年大学习”网上主题团课心得", "campaign", None, None, None),
    ("团员青年大学习心得", "campaign", None, None, None),
    ("参加暑期夏令营心得", "student", None, None, None),
    ("学校读书月启动仪式心得", "book", "dushu", None, None),  # 读书 is the subject, not 读 + 书月
    # a student's career topics take their own pack whatever the occasion word; neighbours keep theirs
    ("大学生职业生涯规划心得体会", "student", "zhiye_guihua", None, None),
    ("高中生职业体验活动心得", "practice", "zhiye_guihua", None, None),
    ("就业创业教育讲座心得", "training", "zhiye_guihua", None, None),
    ("毕业实习心得", "student", "shixi", None, "zhiye_guihua"),
    ("暑期社会实践心得体会", "practice", "shehui_shijian", None, "zhiye_guihua"),
    ("新入职培训心得", "training", "xinruzhi_peixun", None, "zhiye_guihua"),
    # s37 (ethics37): trades' ethics that had no content of their own, or a neighbour's
    ("司法鉴定人职业道德心得体会", "ethics", None, "zhengfa_gongzuo", "sifa_zuofeng"),  # no judge's 办案
    ("注册建造师职业道德学习心得", "ethics", None, "qiye_shengchan", None),
    ("工程监理职业道德心得", "ethics", None, "qiye_shengchan", None),
    ("社会工作者职业道德心得", "ethics", None, "dangjian_qunzhong", None),
    ("会计人员职业道德学习心得", "ethics", "caiwu_neikong", None, None),  # its 会计人员 focus
    ("律师职业道德心得体会", "ethics", None, "zhengfa_gongzuo", None),
    ("导游职业道德心得体会", "ethics", None, "fuwu_jingying", None),
    ("检察官职业道德心得", "ethics", "sifa_zuofeng", None, None),
]


@pytest.mark.parametrize("topic,kind,pack,category,not_pack", AUDIT3)
def test_third_audit(rh, topic: str, kind: str, pack: str | None, category: str | None, not_pack: str | None) -> None:
    f = build_frame(topic, rh)
    assert f.kind == kind, (topic, f.kind)
    assert (f.pack.key if f.pack else None) == pack, (topic, f.pack and f.pack.key)
    assert (f.category.key if f.category else None) == category, (topic, f.category and f.category.key)
    if not_pack is not None:
        assert f.pack is None or f.pack.key != not_pack, topic


def test_a_holiday_visit_to_the_needy_is_no_commemoration(rh) -> None:
    """春节慰问 is the visit, not the festival: 节 followed by 慰问 keeps the topic's own kind."""
    assert build_frame("春节慰问困难党员心得", rh).kind != "commemoration"
    assert build_frame("中秋节慰问一线职工心得", rh).kind != "commemoration"


# Misused objects (blind rating R14): a topic that a neighbouring pack of its field used to capture, with
# the kind, pack and category it takes now and the pack it must not take. Our own phrasings of each class.
MISUSED = [
    # a law a pack neither names nor cites takes the law genre, not the field's pack of other laws
    ("学习新颁布的《中华人民共和国学位法》体会", "study", "biye", None, "jiaoyu_fagui"),  # biye cites 学位法
    ("教师学习《中华人民共和国高等教育法》心得", "study", "falv_xuexi", None, "jiaoyu_fagui"),
    # a field's pack (not a pack of laws) keeps a law of its field: biosecurity is a field of national security
    ("学习《中华人民共和国生物安全法》的体会", "study", "guojia_anquan", None, None),
    # a pack about exactly the law keeps it: by an alias, or by a fact that cites it
    ("认真学习《中华人民共和国教师法》的心得", "study", "jiaoyu_fagui", None, None),
    ("学习《中华人民共和国家庭教育促进法》的感悟", "study", "jiafang", None, None),
    ("学习《中华人民共和国预算法》体会", "study", "caiwu_neikong", None, None),
    # teaching a school subject is a teacher's classroom work, whatever the subject is called
    ("小学道德与法治课堂教学反思体会", "field", None, "jiaoyu_jiaoxue", "fazhi_xuexi"),
    ("八年级道德与法治课教学心得体会", "field", None, "jiaoyu_jiaoxue", "fazhi_xuexi"),
    ("初中历史学科教学心得体会", "field", None, "jiaoyu_jiaoxue", None),
    ("小学道德与法治教学专题培训心得", "training", None, "jiaoyu_jiaoxue", "fazhi_xuexi"),  # a training on teaching it
    # a teaching contest is a contest of lesson work (磨课, 评课), not a new teacher's induction
    ("参加县级青年教师优质课评比心得", "contest", "tingke_pingke", None, "xinjiaoshi_peixun"),
    ("骨干教师说课比赛参赛体会", "contest", "tingke_pingke", None, "xinjiaoshi_peixun"),
    ("全市中小学教师教学能力大赛心得体会", "contest", "tingke_pingke", None, "xinjiaoshi_peixun"),
    # a film about doctors is watched; only viewers who are doctors take the doctors' ethics
    ("看电影《中国医生》有感", "film", None, None, "yide_yifeng"),
    ("组织全体党员观看《中国医生》心得体会", "film", None, None, "yide_yifeng"),
    ("医院组织医护人员观看《中国医生》心得", "film", "yide_yifeng", None, None),
    # 驾驶 of an aircraft is no road traffic; a civic duty's 岗前培训 is no new job (blind rating R15)
    ("无人机驾驶员安全操作培训心得", "training", None, "anquan_jiaoyu", "jiaotong_anquan"),
    ("驾驶员安全教育培训心得", "training", "jiaotong_anquan", None, None),
    ("人民监督员岗前培训心得", "training", None, None, "xinjiaoshi_peixun"),
    ("新任人民调解员岗前培训体会", "training", "jiceng_zhili", None, "xinruzhi_peixun"),
    # invigilating and marking are a teacher's work, not a pupil's exam
    ("中考监考工作体会", "field", "kaowu_jiankao", None, None),  # the exam-duty pack (data2)
    ("参加全省高考评卷工作心得", "field", None, "jiaoyu_jiaoxue", None),
    ("学校考务工作的几点体会", "field", "kaowu_jiankao", None, None),
]


@pytest.mark.parametrize("topic,kind,pack,category,not_pack", MISUSED)
def test_a_neighbouring_pack_does_not_lend_its_object(rh, topic: str, kind: str, pack: str | None,
                                                      category: str | None, not_pack: str | None) -> None:
    f = build_frame(topic, rh)
    assert f.kind == kind, (topic, f.kind)
    assert (f.pack.key if f.pack else None) == pack, (topic, f.pack and f.pack.key)
    assert (f.category.key if f.category else None) == category, (topic, f.category and f.category.key)
    assert not_pack is None or f.pack is None or f.pack.key != not_pack, topic


@pytest.mark.parametrize("topic", ["中考监考工作体会", "参加全省高考评卷工作心得"])
def test_exam_duty_is_written_by_an_adult(rh, topic: str) -> None:
    assert not build_frame(topic, rh).pupil


# Office, legal and natural-resource work no pack knows (issue #13/#14): our own phrasings reach the
# category and the focus whose scenes fit them; role-shaped topics (乡镇干部, 书记员, 护林员) too.
@pytest.mark.parametrize("topic, category, focus", [
    ("县政府办公室值班工作体会", "jiguan_zonghe", None),
    ("企业行政助理岗位心得", "jiguan_zonghe", None),
    ("督查督办工作的几点体会", "jiguan_zonghe", None),
    ("乡镇干部工作心得体会", "jiguan_zonghe", None),
    ("公司人力资源部薪酬核算工作体会", "jiguan_zonghe", "人力资源"),
    ("中学教务处排课工作心得", "jiguan_zonghe", "教务"),
    ("集团法务部合同审核工作体会", "jiguan_zonghe", "法务"),
    ("卫生院信息中心运维工作体会", "jiguan_zonghe", "信息化"),  # the office's trade, not medicine
    ("机关后勤保障工作心得", "jiguan_zonghe", "后勤"),
    ("基层人民法庭书记员岗位体会", "zhengfa_gongzuo", "法院"),
    ("检察院控告申诉接待工作体会", "zhengfa_gongzuo", "检察"),
    ("高速交警大队执勤工作心得", "zhengfa_gongzuo", "交警"),
    ("青年律师执业一年心得", "zhengfa_gongzuo", "律师"),
    ("公证处公证员工作体会", "zhengfa_gongzuo", "公证"),
    ("司法所社区矫正工作体会", "zhengfa_gongzuo", None),
    ("国有林场护林员巡山工作体会", "ziran_ziyuan", "林业"),
    ("水库管理所工作心得", "ziran_ziyuan", "水利"),
    ("县气象台预报员值班体会", "ziran_ziyuan", "气象"),
    ("自然资源所动态巡查工作体会", "ziran_ziyuan", "国土"),
    ("野外地质调查工作心得", "ziran_ziyuan", "测绘地质"),
    ("不动产登记工作的几点体会", "ziran_ziyuan", "不动产登记"),
])
def test_office_legal_and_resource_work_reach_their_category(rh, topic: str, category: str,
                                                             focus: str | None) -> None:
    f = build_frame(topic, rh)
    assert f.kind == "field" and f.pack is None, (topic, f.kind, f.pack and f.pack.key)
    assert f.category is not None and f.category.key == category, (topic, f.category and f.category.key)
    assert (f.focus.name if f.focus else None) == focus, (topic, f.focus and f.focus.name)


# ... and what they must not take: a visitor, a law studied, a pack's own field, a neighbour's focus
@pytest.mark.parametrize("topic, pack, not_category", [
    ("走进法院参观学习心得", None, "zhengfa_gongzuo"),  # a visitor writes no court clerk's lessons
    ("参观气象台科普研学心得", "yanxue_lvxing", "ziran_ziyuan"),  # a study trip (xuesheng36)
    ("学习《中华人民共和国气象法》心得体会", "falv_xuexi", "ziran_ziyuan"),  # the law genre, the law named
    ("学习《中华人民共和国湿地保护法》心得体会", "falv_xuexi", "ziran_ziyuan"),
    ("法院执行局执行工作心得", "fayuan_zhixing", "zhengfa_gongzuo"),
    ("司法作风教育整顿心得", "sifa_zuofeng", "zhengfa_gongzuo"),
    ("防汛抢险工作心得", "fangxun_yingji", "ziran_ziyuan"),
    ("人力资源和社会保障工作心得体会", "renshe_fuwu", "jiguan_zonghe"),
    ("组织人事工作心得", "zuzhi_gongzuo", "jiguan_zonghe"),
    ("森林防火安全教育心得", None, "ziran_ziyuan"),  # fire safety stays with the safety category
])
def test_office_legal_and_resource_categories_keep_out(rh, topic: str, pack: str | None,
                                                       not_category: str) -> None:
    f = build_frame(topic, rh)
    assert (f.pack.key if f.pack else None) == pack, (topic, f.pack and f.pack.key)
    assert f.category is None or f.category.key != not_category, topic
    # a pack of another field keeps its own scenes: no focus of these categories comes with it
    assert f.focus is None or f.category is not None, (topic, f.focus.name)


# Transport work no pack knows (issue #13/#14): our own phrasings, role-shaped ones too, reach the
# 交通运输 category and the focus whose scenes fit them.
@pytest.mark.parametrize("topic, focus", [
    ("地铁站务员岗位工作心得", "城市轨道交通"),
    ("城市轨道交通行车值班员工作体会", "城市轨道交通"),
    ("做一名地铁值班站长的体会", "城市轨道交通"),
    ("地铁安检员上岗半年心得", "城市轨道交通"),
    ("公交车驾驶员工作心得体会", "公交"),
    ("公交集团线路调度工作体会", "公交"),
    ("铁路客运段列车员工作心得", "列车乘务"),
    ("高铁乘务员的工作感悟", "列车乘务"),
    ("火车站客运员春运值班体会", "铁路"),
    ("民航机场值机岗位工作心得", "民航机场"),
    ("机场安检员工作心得", "民航机场"),
    ("空中乘务员工作体会", "空中乘务"),
    ("高速公路收费员工作心得", "高速收费"),
    ("收费站班长工作体会", "高速收费"),
    ("高速公路路政巡查工作心得", "公路养护与路政"),
    ("公路养护工人工作体会", "公路养护与路政"),
    ("港口调度工作心得", "港口航运"),
    ("码头装卸工作体会", "港口航运"),
    ("出租车驾驶员心得", "出租与网约车"),
    ("网约车司机工作体会", "出租与网约车"),
    ("交通运输系统工作心得体会", None),
    ("城际客运工作心得", None),
])
def test_transport_work_reaches_its_category(rh, topic: str, focus: str | None) -> None:
    f = build_frame(topic, rh)
    assert f.kind == "field" and f.pack is None, (topic, f.kind, f.pack and f.pack.key)
    assert f.category is not None and f.category.key == "jiaotong_yunshu", (topic, f.category and f.category.key)
    assert (f.focus.name if f.focus else None) == focus, (topic, f.focus and f.focus.name)


# ... and what it must not take: road safety (a pack), a driving pupil, couriers, traffic police, a
# visitor, a citizen's green trip, law enforcement (its pack, with the focus a topic names)
@pytest.mark.parametrize("topic, pack, category", [
    ("公交车驾驶员安全培训心得", "jiaotong_anquan", None),
    ("出租车司机安全驾驶培训体会", "jiaotong_anquan", None),
    ("交通安全教育心得", "jiaotong_anquan", None),
    ("驾校学车心得体会", None, None),
    ("快递物流配送工作心得", None, "fuwu_jingying"),
    ("高速交警大队执勤工作心得", None, "zhengfa_gongzuo"),
    ("参观铁路博物馆心得", None, "wenhua_chuancheng"),
    ("绿色出行乘坐公交倡议心得", None, "shengtai_jieyue"),
    ("交通运输综合执法工作体会", "xingzheng_zhifa", None),
    ("地铁安全生产培训心得", "anquan_shengchan", None),
])
def test_transport_category_keeps_out(rh, topic: str, pack: str | None, category: str | None) -> None:
    f = build_frame(topic, rh)
    assert (f.pack.key if f.pack else None) == pack, (topic, f.pack and f.pack.key)
    assert (f.category.key if f.category else None) == category, (topic, f.category and f.category.key)


@pytest.mark.parametrize("topic, work", [("地铁站务员工作心得", "地铁站务员工作"),
                                         ("公交司机工作体会", "公交司机工作")])
def test_a_posts_work_is_never_set_to_be_done(rh, topic: str, work: str) -> None:
    """A station attendant writes of the post, not of 做好地铁站务员工作 (blind raters struck it), in any
    title, subtitle or paragraph."""
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest

    titles = set()
    for seed in range(1, 41):
        o = compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh)
        text = o.title + (o.subtitle or "") + "".join(o.body_paragraphs())
        assert f"做好{work}" not in text and f"抓好{work}" not in text and f"把{work}抓" not in text, (seed, o.title)
        titles.add(o.title)
    assert len(titles) >= 5  # the other titles are still dealt



# s37 (helper route37): topics that found nothing; each now goes where its content truly fits, and its
# neighbours stay where they were (topic, pack, category, focus)
ROUTE37 = [
    ("学习贯彻市第十四次党代会精神心得体会", "difang_dangdaihui", None, None),
    ("县第十五次党代会报告学习体会", "difang_dangdaihui", None, None),
    ("学习党的二十大精神心得体会", "ershida_jingshen", None, None),  # the national congress keeps its pack
    ("学习贯彻市委全会精神心得", None, None, None),  # a local plenum is no congress
    ("学习“十五五”规划建议心得", "quanhui_jingshen", None, None),
    ("学习习近平总书记在民营企业座谈会上的重要讲话精神心得体会", "yingshang_huanjing", None, "民营企业座谈会"),
    ("学习习近平总书记在全国劳动模范和先进工作者表彰大会上的重要讲话心得", "gongjiang_jingshen", None, None),
    ("“万名干部进万企”服务活动心得体会", "yingshang_huanjing", None, None),
    ("新提拔处级干部任职培训心得", "zhongceng_ganbu", None, None),
    ("初任法官培训心得体会", None, "zhengfa_gongzuo", "审判"),
    ("执行法官培训心得", "fayuan_zhixing", None, None),  # an enforcement judge holds no trial
    ("法官职业道德心得", "sifa_zuofeng", None, None),
    ("低空经济专题培训心得体会", "keji_chuangxin", None, "低空经济"),
    ("参加校园模拟法庭活动心得", "xuesheng_zuzhi", None, "模拟法庭"),
    ("走进法院参观模拟法庭", None, None, None),  # a visitor's, not a student body's
    ("冬至包饺子活动心得", "chuantong_jieri", None, "冬至"),
    ("冬至祭扫心得", "qingming", None, None),
    ("翻译人员职业道德心得", None, "fuwu_jingying", "翻译"),
    ("把政策翻译成大白话心得", None, None, None),  # 翻译 alone names no translator
    ("“比学赶超”劳动竞赛心得体会", None, None, None),  # a 职工 contest takes no pack (test_frame CONTESTS)
]


@pytest.mark.parametrize("topic, pack, category, focus", ROUTE37)
def test_route37_topics_find_what_fits_them(rh, topic: str, pack: str | None, category: str | None,
                                            focus: str | None) -> None:
    f = build_frame(topic, rh)
    got = (f.pack.key if f.pack else None, f.category.key if f.category else None, f.focus.name if f.focus else None)
    assert got == (pack, category, focus), f.explain()


# R26's misreadings (a census of relics is no statistics, a lab's safety no research, a pupil's rite no 五四), with
# their neighbours that keep their packs.
R26_ROUTES = [
    ("第四次全国文物普查工作心得", None, "wenhua_chuancheng"),
    ("第七次全国人口普查工作心得", "tongji", None),
    ("高校实验室安全培训心得体会", None, "anquan_jiaoyu"),
    ("重点实验室科研攻关心得体会", "keji_chuangxin", None),
    ("十四岁青春仪式有感", None, None),
    ("五四青年节主题团日活动心得", "wusi_qingnian", None),
]


@pytest.mark.parametrize("topic, pack, category", R26_ROUTES)
def test_r26_misreadings_are_gone(rh, topic: str, pack: str | None, category: str | None) -> None:
    f = build_frame(topic, rh)
    assert (f.pack.key if f.pack else None, f.category.key if f.category else None) == (pack, category), f.explain()


def test_a_fourteen_year_olds_rite_is_written_by_a_pupil(rh) -> None:
    assert build_frame("十四岁青春仪式有感", rh).pupil


def test_childrens_care_takes_no_lines_on_old_people(rh) -> None:
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest

    for seed in range(6):
        o = compose(ComposeRequest(topic="参加“爱心暑托班”志愿服务心得", seed=seed), rhetoric=rh)
        text = "".join(o.body_paragraphs())
        assert not any(w in text for w in ("老人", "独居", "空巢")), seed


@pytest.mark.parametrize("topic, halls", [("参观港珠澳大桥心得体会", False), ("赴科大讯飞参观学习心得体会", False),
                                          ("参观三峡大坝有感", False), ("参观四渡赤水纪念馆心得", True),
                                          ("参观红色教育基地心得", True), ("安全生产心得体会", True)])
def test_only_a_hall_visited_shows_exhibits(rh, topic: str, halls: bool) -> None:
    """R26: a bridge and a firm were toured as museums (展板、原件、老照片, 走出港珠澳大桥)."""
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest

    assert build_frame(topic, rh).shows_exhibits is halls
    if not halls:
        for seed in range(6):
            o = compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh)
            text = "".join(o.body_paragraphs())
            hall_words = ("展品", "展板", "展厅", "讲解员", "原件", "老照片", "留言墙", "走出")
            assert not any(w in text for w in hall_words), seed
