"""Heading, title and quotation rules for pages from sites the parser was not written for
(issue 19), each on a small made-up text in the layout it covers."""

from __future__ import annotations

from xindegen.parse.decompose import parse_text


def headings(text: str) -> list[str]:
    return [s.heading for o in parse_text(text, "t.txt") for s in o.sections if s.heading]


def test_ranked_points_inside_one_paragraph() -> None:
    text = ("社区工作体会\n这一年在社区工作，我有不少收获，归纳起来有三条。\n"
            "一是群众工作要用心。居民的事情再小也要放在心上，一件一件办好。二是服务方式要创新。"
            "线上线下结合起来，让居民少跑腿、好办事。三是队伍建设要加强。社工要多学习，不断提高本领。\n"
            "今后我会继续努力，把社区工作做得更好。\n")
    assert headings(text) == ["群众工作要用心", "服务方式要创新", "队伍建设要加强"]


def test_first_ranked_point_after_the_leads_last_sentence() -> None:
    text = ("培训心得\n这次培训时间不长，内容却很充实，让我认识到管理要讲方法。首先，要把规矩讲在前面。"
            "规矩清楚了，大家做事就有依据，少走弯路。\n"
            "其次，要把表扬落到细处。具体地表扬一件事，比笼统地夸奖更能打动人心。\n")
    assert headings(text) == ["要把规矩讲在前面", "要把表扬落到细处"]


def test_unranked_connectives_inside_a_paragraph_make_no_set() -> None:
    text = ("读书体会\n读书让我收获很多，这里说说自己的感受。\n"
            "首先，读书要有计划。每天固定读一点，积少成多。同时，读书要做笔记。好的句子抄下来，常翻常新。\n"
            "读完一本书，再和朋友聊一聊，理解会更深一层，也更有乐趣。\n")
    assert headings(text) == []


def test_a_shared_opening_frame_holds_sentences_of_unlike_length() -> None:
    text = ("演讲稿\n各位同学，今天我想和大家聊一聊运动，说说我的几点看法。\n"
            "运动能让我们强健体魄。每天跑跑步、打打球，身体结实了，学习也更有精神。\n"
            "运动能够磨炼我们的意志品质。长跑最后一圈最难熬，咬牙坚持下来，人就变得更坚强。\n"
            "最后，运动能够教会我们合作。球场上一个人赢不了比赛，要学会传球，学会信任队友。\n"
            "让我们走出教室，一起动起来吧！\n")
    assert headings(text) == ["运动能让我们强健体魄", "运动能够磨炼我们的意志品质", "运动能够教会我们合作"]


def test_a_pair_of_unlike_length_needs_the_frame() -> None:
    text = ("工作体会\n做好窗口服务，我认为应做到两点。\n"
            "服务态度要热情周到。群众来办事，先问一声好，事情就好办了一半。\n"
            "业务能力需要在实践中不断地打磨提高。政策常有调整，要及时学习，才能答得准、办得快。\n"
            "总之，窗口虽小，连着民心，我们要用心做好每一件事。\n")
    assert headings(text) == []


def test_run_in_headings_ended_by_a_colon() -> None:
    text = ("防汛培训心得\n这次防汛培训讲得很实在，我把学到的要点记了下来。\n"
            "麻痹思想要不得：汛期雨水集中，一处小小的管涌就可能酿成大险情，值班时不能有半点松懈。\n"
            "险情发现要及时：巡堤查险要做到眼到、手到、脚到，发现异常马上报告，不能拖延。\n"
            "转移群众要果断：接到转移通知，先转移老人孩子，一户一户地核对，一个也不能落下。\n")
    assert headings(text) == ["麻痹思想要不得", "险情发现要及时", "转移群众要果断"]


def test_speech_and_examples_after_a_colon_are_no_headings() -> None:
    text = ("学习体会\n这次学习让我收获很大，下面谈谈自己的体会。\n"
            "老支书在会上讲：干部就要多往群众家里跑，群众的难处才看得见，工作才做得实。\n"
            "老同志们常说：年轻人要多吃苦，苦中磨炼出来的本领，谁也拿不走。\n"
            "我会把这些话记在心里，落实到行动上，努力做一名合格的党员。\n")
    assert headings(text) == []


def test_openers_of_two_clauses_with_points_of_one_length() -> None:
    text = ("学习体会\n怎样把学到的东西用起来？我想主要有这样几条。\n"
            "吃透文件精神，弄清楚上级要求。学习不能浮在面上，要一句一句读，把要求弄明白。\n"
            "找准结合点，把学习同本职工作结合起来、同解决难题结合起来。学用脱节，学得再多也没用。\n"
            "提升执行力，干部要敢抓敢管。定下来的事就要马上办，办就办好，不能拖泥带水。\n"
            "总之，学习的目的全在于运用，我们要在学以致用上多下功夫。\n")
    assert headings(text) == ["吃透文件精神，弄清楚上级要求",
                              "找准结合点，把学习同本职工作结合起来、同解决难题结合起来", "提升执行力，干部要敢抓敢管"]


def test_scene_setting_openers_of_a_story_are_no_headings() -> None:
    text = ("难忘的运动会\n学校的运动会终于开幕了，同学们早早来到操场。\n"
            "比赛开始前，大家都有些紧张。我站在起跑线上，手心里全是汗。\n"
            "发令枪响后，我拼命往前冲。耳边的加油声越来越响，我一口气跑到了终点。\n"
            "颁奖仪式上，我领到了一枚奖牌。那一刻，所有的汗水都值得了。\n")
    assert headings(text) == []


def quotes(text: str) -> list[str]:
    return [q.text for o in parse_text(text, "t.txt") for q in o.all_quotes()]


def test_a_saying_inside_a_heading_is_indexed() -> None:
    text = ("读书体会\n读书贵在坚持，也贵在用心，我想从两方面谈一谈。\n"
            "一、读书要有恒心，不能“一曝十寒，半途而废”\n每天读一点，日积月累，自然就有收获，这是我最深的体会。\n"
            "二、读书要有专心，不能“这山望着那山高”\n一本书读透了，再读下一本，贪多嚼不烂，反而什么也记不住。\n")
    [essay] = parse_text(text, "t.txt")
    assert essay.sections[0].heading == "读书要有恒心，不能“一曝十寒，半途而废”"
    assert [q.text for q in essay.sections[0].quotes] == ["一曝十寒，半途而废"]


def test_a_quoted_maxim_says_what_a_thing_is() -> None:
    text = ("安全培训心得\n这次培训让我认识到，我们要牢记“质量就是生命”的理念，也要懂得“细节是成败的关键”。"
            "班组长提醒大家别抱着“我是老师傅不会出错”的想法，更要明白“诚信”二字的分量。\n")
    got = quotes(text)
    assert "质量就是生命" in got and "细节是成败的关键" in got
    assert "我是老师傅不会出错" not in got and "诚信" not in got


def test_a_saying_named_by_its_truth() -> None:
    text = ("法治教育心得\n参加模拟法庭以后，我真正理解了“有权必有责，用权受监督”这句话，"
            "也懂得了“王子犯法与庶民同罪”的真谛，"
            "更明白了“平安校园”的真谛在于每个人守规矩。\n")
    got = quotes(text)
    assert "王子犯法与庶民同罪" in got and "平安校园" not in got


def test_a_saying_without_marks_after_words_that_introduce_one() -> None:
    text = ("学习体会\n俗话说得好，一分耕耘，一分收获。这次备考我下了不少功夫。"
            "古人云：学而不思则罔，思而不学则殆。读书要边读边想。老师说，明天交作业。\n")
    assert quotes(text) == ["一分耕耘，一分收获", "学而不思则罔，思而不学则殆"]


def test_a_related_links_menu_before_the_text_starts_no_footer() -> None:
    text = ("相关推荐\n社区志愿服务心得体会\n"
            "周末我参加了社区组织的志愿服务，帮助老人打扫卫生、整理房间，忙了一上午，心里却很踏实。\n"
            "这次服务让我明白，帮助别人并不需要多大的本事，只要肯花时间、肯用心，就能给人带去温暖。\n"
            "相关推荐\n社区志愿服务心得体会范文十篇\n")
    [essay] = parse_text(text, "t.txt")
    assert essay.title == "社区志愿服务心得体会"
    assert "范文十篇" not in "".join(p for s in essay.sections for p in s.paragraphs)


def test_the_line_over_the_byline_is_the_title() -> None:
    text = ("理论学习\n理论学习（精选10篇）\n在学思践悟中砥砺初心\n文/某某\n"
            "近日，单位组织党员干部集中学习，我结合自身工作谈几点体会，与大家交流。学习中我深受教育。\n"
            "学习贵在坚持，贵在联系实际，只有把学到的理论用到工作中，才算真正学到了手。\n")
    [essay] = parse_text(text, "t.txt")
    assert essay.title == "在学思践悟中砥砺初心"


def test_a_line_of_search_keywords_is_no_title() -> None:
    text = ("植树节心得300字，植树节心得300字初中\n植树节心得\n植树节心得300字，植树节心得300字初中\n"
            "植树节那天，我们班来到郊外的山坡上植树，大家分工合作，有的挖坑，有的扶苗，有的浇水。\n"
            "看着一排排小树苗在风中挺立，我心里特别高兴，也懂得了爱护环境要从身边的小事做起。\n")
    [essay] = parse_text(text, "t.txt")
    assert essay.title == "植树节心得"


def test_the_authors_own_announcement_is_prose_not_site_chrome() -> None:
    text = ("读书心得\n这学期我读完了三本书，收获很多，以下是我对这次读书活动的心得体会。\n"
            "读书让我学会了安静下来思考问题，遇到困难时不再急躁，而是先想一想书中的人物会怎么做。\n")
    [essay] = parse_text(text, "t.txt")
    assert essay.lead.paragraphs[0].startswith("这学期我读完了三本书")


def test_forum_jammer_at_the_start_of_lines_goes() -> None:
    text = ("读书的体会\n( I) q3 p! j' C$ t b/ y5 k读书使人明智，这是我这些年读书最深的体会。\n"
            "/ N _\" ?- b2 m8 o. J书读得多了，看问题的角度就多了，遇事也更沉得住气。\n")
    [essay] = parse_text(text, "t.txt")
    body = "".join(essay.lead.paragraphs + [p for s in essay.sections for p in s.paragraphs])
    assert body.startswith("读书使人明智") and "书读得多了" in body and "q3" not in body and "b2" not in body


def test_a_numbered_line_of_one_long_sentence_is_a_heading() -> None:
    text = ("学习体会\n围绕这次专题学习，我谈两点认识：\n"
            "第一，从学习的安排看，读原著学原文贯穿始终，是这次学习的主线和基础。\n"
            "原著读得越深，道理就悟得越透，这一点我在学习中体会很深。\n"
            "第二，从学习的效果看，“学用结合”是关键，是检验学习成效的标尺，也是推动工作的抓手和动力。\n"
            "学了就要用，用了再学，在工作中不断检验和深化学到的理论。\n")
    assert headings(text) == ["从学习的安排看，读原著学原文贯穿始终，是这次学习的主线和基础",
                              "从学习的效果看，“学用结合”是关键，是检验学习成效的标尺，也是推动工作的抓手和动力"]


def test_points_announced_by_the_paragraph_before_them() -> None:
    text = ("党课心得\n听了这次党课，我认为做一名合格党员，要做到“三个坚持”：\n"
            "坚持把理论学习摆在首位。学习是立身之本，理论上清醒，政治上才能坚定。\n"
            "坚持实事求是。说实话、办实事，不做表面文章，不搞形式主义。\n"
            "坚持把群众满意作为检验工作的标准。群众的口碑，是对我们工作最好的评价。\n")
    assert headings(text) == ["坚持把理论学习摆在首位", "坚持实事求是", "坚持把群众满意作为检验工作的标准"]


def test_an_announcement_does_not_make_a_story_points() -> None:
    text = ("党课心得\n这次党课给我留下了三点深刻印象。\n"
            "会场里座无虚席。大家都认真地做着笔记，没有一个人看手机。\n"
            "讲课的是一位老党员。他讲起当年修水库的往事，好几次停下来擦眼泪。\n"
            "散会后天已经黑了。回家的路上，我一直在想他讲的那些事。\n")
    assert headings(text) == []


def test_long_sentence_headings_of_one_opening_frame() -> None:
    text = ("学习体会\n这次学习让我对青年的责任有了新的认识。\n"
            "新时代的青年要有远大的理想和坚定的信念，做到志存高远、脚踏实地、勇于担当。学习不能停留在口头上，要落到行动中。\n"
            "新时代的青年要有过硬的本领和扎实的学识，在学习和实践中不断地提升自己的能力。遇到困难不退缩，办法总比困难多。\n"
            "新时代的青年要有优良的作风和健康的体魄，做到吃苦在前、享受在后、甘于奉献。纪律面前没有例外，规矩面前人人平等。\n")
    assert [h[:13] for h in headings(text)] == [
        "新时代的青年要有远大的理想", "新时代的青年要有过硬的本领", "新时代的青年要有优良的作风"]


def test_an_opening_that_introduces_a_saying_is_no_frame() -> None:
    text = ("家风体会\n我的家风是从爷爷那里传下来的。\n"
            "爷爷常说做人要实实在在，不能投机取巧，更不能占别人的便宜。这句话我一直记在心里。\n"
            "爷爷常说吃饭不能剩下一粒米，每一粒粮食都来之不易，要懂得珍惜。我从小就不敢浪费。\n"
            "爷爷常说读书是最好的出路，再苦再难也要把书读下去，将来才能有出息。我一直努力学习。\n")
    assert headings(text) == []


def test_ranked_points_may_run_to_sixty_characters() -> None:
    body = "工作中要结合实际，把学到的东西用起来，真正做到学以致用、知行合一。"
    text = ("学习体会\n这次集中学习时间虽然不长，但我的收获很大，下面谈几点体会。\n"
            f"一是坚持以人民为中心，把群众的安危冷暖放在心上，切实解决好群众身边最关心最直接最现实的急难愁盼问题。{body}\n"
            f"二是坚持问题导向，聚焦发展中的难点堵点，拿出务实管用的举措，推动党中央的各项决策部署在本地区落地见效。{body}\n")
    assert [h[:9] for h in headings(text)] == ["坚持以人民为中心，", "坚持问题导向，聚焦"]


_BODY = ("通过学习，我深刻认识到，只有把学习成果转化为工作成效，才能真正做到学以致用，不辜负组织的信任和群众的期望。\n"
         "今后我将继续加强学习，在本职岗位上踏踏实实干好每一件事，以实际行动践行初心使命。\n")


def title_of(text: str) -> str:
    [essay] = parse_text(text, "file-name.txt")
    return essay.title


def test_a_genre_title_glued_to_the_opening_of_the_text() -> None:
    text = "社区工作学习心得体会近日，我们单位组织全体党员干部集中学习了相关文件精神，大家收获很大。\n" + _BODY
    assert title_of(text) == "社区工作学习心得体会"


def test_a_title_shown_twice_with_a_sites_note_between() -> None:
    text = ("社区工作学习心得体会仅供参考，自行编辑使用社区工作学习心得体会2023年5月，"  # a document preview
            "我们单位组织全体党员干部集中学习了相关文件精神，大家结合各自岗位谈认识、找差距，收获很大。"
            + _BODY.replace("\n", "") * 2)
    [essay] = parse_text(text, "file-name.txt")
    assert essay.title == "社区工作学习心得体会"
    assert essay.lead.paragraphs[0].startswith("2023年5月")


def test_a_title_in_brackets_and_a_comment_counter() -> None:
    assert title_of("【社区工作学习心得体会】\n" + _BODY) == "社区工作学习心得体会"
    assert title_of("社区工作学习心得体会\n评论(0) 点赞(12)\n" + _BODY) == "社区工作学习心得体会"


def test_the_order_of_events_in_a_story_is_no_set_of_points() -> None:
    text = ("参观有感\n上周五，学校组织我们参观了县里的纪念馆，这是我第一次走进这样的地方，心情格外激动。\n"
            "首先映入眼帘的是一座高大的纪念碑。碑身上刻着烈士的名字，密密麻麻，数也数不清。\n"
            "其次我们来到了陈列馆。馆里摆放着烈士们用过的物品，有磨破的草鞋，还有一封没有寄出的家书。\n"
            "最后我们在纪念碑前重温了入队誓词。大家举起右手，声音洪亮，那一刻我觉得自己长大了。\n")
    assert headings(text) == []


def test_a_count_of_weeks_announces_no_points() -> None:
    text = ("暑假社会实践心得\n今年暑假，我参加了社区组织的社会实践活动，前后一共三个星期，收获了很多东西。\n"
            "社区的工作比我想象的要繁杂得多。每天一早，工作人员就要挨家挨户走访，了解居民的需求。\n"
            "社区里的老人特别需要陪伴。我每天下午都会去几户独居老人家里坐一坐，陪他们聊聊天。\n"
            "社区的孩子们也很可爱。我给他们上了几节手工课，大家一起做风筝，玩得特别开心。\n")
    assert headings(text) == []


def test_the_fields_of_a_record_are_no_headings() -> None:
    text = ("主题党日活动总结\n为深入学习贯彻党的创新理论，我支部开展了主题党日活动，现将有关情况总结如下。\n"
            "活动时间：2023年5月6日下午，全体党员在三楼会议室集中，活动持续了两个多小时。\n"
            "活动地点：三楼会议室，会场布置简洁庄重，悬挂了党旗和活动横幅，营造了浓厚氛围。\n"
            "参加人员：支部全体党员和两名入党积极分子，共计二十三人，无一人缺席。\n")
    assert headings(text) == []


def test_straight_single_quotes_around_a_saying() -> None:
    text = "学习体会\n老师常说'书山有路勤为径，学海无涯苦作舟'，我一直把这句话记在心里，学习从不懈怠。\n"
    assert quotes(text) == ["书山有路勤为径，学海无涯苦作舟"]
    english = "学习体会\nIt's a 'test' of the parser，不要把英文的撇号当成引号，这是一段中文说明文字。\n"
    [essay] = parse_text(english, "t.txt")
    assert "‘" not in essay.lead.paragraphs[0] + "".join(p for s in essay.sections for p in s.paragraphs)


def test_a_saying_addressed_to_the_hearers() -> None:
    text = ("学习体会\n总书记勉励我们“撸起袖子加油干”，还要求我们“两学一做”常态化，"
            "这让我深受鼓舞，更加坚定了干好本职工作的信心和决心。\n")
    got = quotes(text)
    assert "撸起袖子加油干" in got and "两学一做" not in got


def test_a_set_takes_in_the_next_opener_that_shares_its_word() -> None:
    text = ("学习体会\n结合这次专题学习，我想从三个角度谈谈对青年干部的要求，和大家交流。\n"
            "青年干部同志要把学习摆在第一位。学习是立身之本，不学习就会落伍，就会被时代淘汰。\n"
            "青年干部同志要按照“严实”要求约束自己。小事小节中有党性、有原则，不能放松。\n"
            "基层的青年干部要敢于担当。遇到难题不推诿，矛盾面前不躲闪，这样才能赢得群众的信任。\n"
            "总之，青年干部成长没有捷径可走，唯有踏实学习、勤奋工作。\n")
    assert headings(text) == [
        "青年干部同志要把学习摆在第一位", "青年干部同志要按照“严实”要求约束自己", "基层的青年干部要敢于担当"]


def test_sentence_headings_with_function_words_in_the_same_places() -> None:
    body = "工作中要结合实际，把学到的东西用起来，真正做到学以致用、知行合一。"
    text = ("学习体会\n这次集中学习时间虽然不长，但我的收获很大，下面结合工作实际谈几点粗浅的认识。\n"
            f"加强理论学习是提高党性修养的基础。{body}\n联系工作实际是检验学习成效的关键。{body}\n"
            f"坚持真抓实干是推动事业发展的保障。{body}\n")
    assert headings(text) == [
        "加强理论学习是提高党性修养的基础", "联系工作实际是检验学习成效的关键", "坚持真抓实干是推动事业发展的保障"]


def test_a_first_clause_with_ziwo_is_no_writer_speaking() -> None:
    body = "工作中要结合实际，把学到的东西用起来，真正做到学以致用、知行合一。"
    text = ("学习体会\n这次集中学习时间虽然不长，但我的收获很大，下面结合工作实际谈几点粗浅的认识。\n"
            f"学习是提升自我的阶梯，只有不断学习才能跟上时代。{body}\n实践是检验真理的标准，只有投身实践才能增长才干。{body}\n")
    assert headings(text) == [
        "学习是提升自我的阶梯，只有不断学习才能跟上时代", "实践是检验真理的标准，只有投身实践才能增长才干"]


def test_an_ascii_full_stop_after_chinese_text_ends_a_sentence() -> None:
    from xindegen.parse.clean import restore_punctuation

    assert restore_punctuation("读书能增长知识.书中有经验,读得多了.") == "读书能增长知识。书中有经验，读得多了。"
    assert restore_punctuation("一.加强学习 版本3.5 见www.example.cn") == "一.加强学习 版本3.5 见www.example.cn"


def test_a_preview_with_its_title_before_a_space_and_the_writers_wishes() -> None:
    text = ("读书心得 很荣幸在这里和大家分享我对读书的一些看法，希望对大家有所启发。书中有前人积累的经验，"
            "读得多了，看问题就更全面。足不出户，也能了解天下大事，认识各种各样的人。")
    [essay] = parse_text(text, "t.txt")
    assert essay.title == "读书心得"
    assert essay.lead.paragraphs[0].startswith("很荣幸在这里")


def test_a_bracketed_label_before_a_title_and_a_word_count_in_brackets() -> None:
    assert title_of("【心得体会】社区工作学习心得体会\n" + _BODY) == "社区工作学习心得体会"
    assert title_of("社区工作学习心得体会（3000字）\n" + _BODY) == "社区工作学习心得体会"


def test_a_list_of_ranked_items_inside_a_paragraph_is_no_set_of_points() -> None:
    text = ("学习体会\n这次集中学习时间虽然不长，但我的收获很大，我们要做到三点。一是加强学习。二是改进作风。"
            "三是严守纪律。这是我的体会，请大家批评指正，我也会继续努力。\n"
            "今后我将继续加强学习，在本职岗位上踏踏实实干好每一件事，以实际行动践行初心使命。\n")
    assert headings(text) == []


def test_a_point_of_a_set_may_say_nothing_before_the_next() -> None:
    text = ("学习体会\n这次学习，我有四点体会。\n"
            "一是理论学习要深入。学习不能浮在面上，要一句一句读，把道理弄明白。二是联系实际要紧密。"
            "学了就要用，用了再学，在工作中检验学到的理论。三是作风建设要常抓。四是纪律规矩要严守。"
            "纪律面前没有例外，规矩面前人人平等，任何时候都不能放松。\n")
    assert headings(text) == ["理论学习要深入", "联系实际要紧密", "作风建设要常抓", "纪律规矩要严守"]


def test_a_numbered_paragraph_opens_with_a_long_heading_sentence() -> None:
    body = "工作中要结合实际，把学到的东西用起来，真正做到学以致用、知行合一。"
    text = ("学习体会\n这次集中学习时间虽然不长，但我的收获很大，下面结合工作实际谈几点粗浅的认识。\n"
            f"第一，坚持以人民为中心，把群众的安危冷暖放在心上，切实解决好群众身边最关心的问题。{body}\n"
            f"第二，坚持问题导向，聚焦发展中的难点堵点，拿出务实管用的举措，推动各项决策部署落地见效。{body}\n")
    assert [h[:6] for h in headings(text)] == ["坚持以人民为", "坚持问题导向"]


def test_a_short_saying_after_a_speech_verb_that_ends_its_clause() -> None:
    text = ("学习体会\n总书记强调“打铁必须自身硬”，还强调“四个意识”的重要性，"
            "我们要从严要求自己，做到自身过硬，这是我最深的体会。\n")
    got = quotes(text)
    assert "打铁必须自身硬" in got and "四个意识" not in got
