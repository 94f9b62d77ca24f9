"""Kinds of misses on held_out_6 and the sets seen before it (issue 19), each rule on a small
made-up text, with the case it must leave alone."""

from __future__ import annotations

from xindegen.parse.decompose import parse_text


def headings(text: str) -> list[str]:
    return [s.heading for o in parse_text(text, "t.txt") for s in o.sections if s.heading]


def titles(text: str) -> list[str]:
    return [o.title for o in parse_text(text, "t.txt")]


BODY = ("这次活动让我收获很大，也让我想了很多，下面谈谈自己的体会和感受。\n"
        "活动结束以后，我把学到的方法用到了工作中，效果很好，同事们也都说有进步。\n")


# ---- a site's decoration around the title ---------------------------------------------------

def test_a_praised_model_essay_label_after_the_title_is_dropped() -> None:
    assert titles("社区服务心得体会优秀范文\n" + BODY) == ["社区服务心得体会"]
    assert titles("优秀范文的写法心得\n" + BODY) == ["优秀范文的写法心得"]


def test_a_numbered_pick_in_brackets_after_the_title_is_dropped() -> None:
    text = ("植树活动心得体会\n植树活动心得体会（精选篇1）\n" + BODY
            + "植树活动心得体会（精选篇2）\n" + BODY)
    assert titles(text) == ["植树活动心得体会", "植树活动心得体会"]


def test_separators_round_nothing_leave_the_title() -> None:
    assert titles("读《平凡的世界》有感 | |||\n" + BODY) == ["读《平凡的世界》有感"]


# ---- a last essay cut off in its first sentence --------------------------------------------

ESSAY = ("读书让我明白了很多道理，也让我学会了用新的眼光看待身边的人和事。\n"
         "书中的主人公面对困难从不退缩，他的坚持让我深受感动，我也要像他一样。\n")


def test_a_last_essay_under_its_own_title_line_cut_off_in_its_first_clause() -> None:
    text = "暑假读书心得\n" + ESSAY + "教师暑假读书心得\n当我们备受启迪时，不如来好好地做个总结，写一篇"
    assert titles(text) == ["暑假读书心得", "教师暑假读书心得"]


def test_a_last_numbered_essay_whose_first_clause_runs_over_two_lines() -> None:
    text = ("观后感【篇1】\n" + ESSAY + "观后感【篇2】\n如果，你没去过雪山……\n我请你做好准")
    assert len(titles(text)) == 2


def test_a_title_line_and_a_few_words_after_the_last_essay_are_no_essay() -> None:
    text = "暑假读书心得\n" + ESSAY + "更多读书心得\n点击查看全文"
    assert titles(text) == ["暑假读书心得"]


# ---- the closing part's bare name among the headings -----------------------------------------

def test_a_bare_conclusion_line_heads_the_last_part_of_a_set() -> None:
    text = ("《活着》读后感\n余华的《活着》写了福贵的一生，读完以后我久久不能平静，想了很多。\n"
            "生命的坚韧\n福贵失去了所有的亲人，却依然活了下来，这种坚韧让我深受震撼。\n"
            "人性的光辉\n在苦难之中，福贵对家人的爱始终没有改变，这是人性最美的地方。\n"
            "结语\n这本书让我懂得了活着本身的意义，我会更加珍惜眼前的生活。\n")
    assert headings(text) == ["生命的坚韧", "人性的光辉", "结语"]


def test_a_bare_conclusion_line_alone_makes_no_set() -> None:
    text = ("《活着》读后感\n余华的《活着》写了福贵的一生，读完以后我久久不能平静，想了很多。\n"
            "福贵失去了所有的亲人，却依然活了下来，这种坚韧让我深受震撼。\n"
            "总结\n这本书让我懂得了活着本身的意义，我会更加珍惜眼前的生活。\n")
    assert headings(text) == []


# ---- a numbered heading with a colon and no sentence after it --------------------------------

def test_a_numbered_heading_in_two_parts_keeps_the_part_after_its_colon() -> None:
    text = ("培训研讨发言\n这次培训让我收获很大，下面谈两点体会，请大家批评指正。\n"
            "一、思想的再洗礼：从“知道”到“深信”，校准工作的“定盘星”\n"
            "通过系统学习，我认识到自己以往的理解还停留在知道的层面，距离深信还有差距。\n"
            "二、能力的再提升：从“会干”到“干好”，练就过硬的“真本领”\n"
            "培训中的案例教学让我看到了差距，我要在实践中不断提高自己的工作本领。\n")
    assert headings(text) == ["思想的再洗礼：从“知道”到“深信”，校准工作的“定盘星”",
                              "能力的再提升：从“会干”到“干好”，练就过硬的“真本领”"]


def test_a_numbered_heading_ended_by_its_colon_before_a_sentence_is_cut_there() -> None:
    text = ("培训研讨发言\n这次培训让我收获很大，下面谈两点体会，请大家批评指正。\n"
            "一、坚持学习不放松：学习是立身之本，也是做好工作的前提。\n"
            "通过系统学习，我认识到自己以往的理解还停留在知道的层面，距离深信还有差距。\n"
            "二、坚持实践不停步：实践出真知，本领要在干中练。\n"
            "培训中的案例教学让我看到了差距，我要在实践中不断提高自己的工作本领。\n")
    assert headings(text) == ["坚持学习不放松", "坚持实践不停步"]


# ---- a title broken over two lines ------------------------------------------------------------

def test_a_title_broken_after_a_word_no_title_ends_with_is_joined() -> None:
    text = "关于在全市青年干部培训班学习的\n研讨发言材料\n" + BODY
    assert titles(text) == ["关于在全市青年干部培训班学习的研讨发言材料"]


def test_two_title_lines_of_their_own_stay_apart() -> None:
    assert titles("学习体会\n在培训班上的研讨发言材料\n" + BODY) == ["在培训班上的研讨发言材料"]


# ---- a unit and a name under the title --------------------------------------------------------

def test_a_unit_and_a_name_spaced_apart_sign_the_text_and_are_no_title() -> None:
    assert titles("听课与评课的原则和方法\n某某县教育局教研室  王明\n" + BODY) == ["听课与评课的原则和方法"]
    assert titles("听课与评课的原则和方法\n城关第二小学 李红\n" + BODY) == ["听课与评课的原则和方法"]


def test_a_title_of_two_spaced_phrases_stays_a_title() -> None:
    assert titles("奋进新时代 建功新征程\n" + BODY) == ["奋进新时代 建功新征程"]


# ---- a numbered heading glued to its body on its own line -------------------------------------

def test_numbered_headings_that_lost_their_break_in_a_copied_document() -> None:
    text = ("挂职培训总结\n"
            "一、背景作为本小学的一名校长，我有幸参加了本次挂职培训，收获很大，体会很深。\n"
            "培训内容涵盖教学管理、师资建设、校园安全等多个方面，安排得十分紧凑。\n"
            "二、培训过程本次培训分为理论学习、实地考察与交流研讨三个环节，环环相扣。\n"
            "在理论学习阶段，我们系统学习了教育管理理论和校园管理的最新理念。\n"
            "三、主要收获1. 管理理念的更新通过培训，我认识到理念更新对学校发展很重要。\n"
            "我们不仅要关注学生的成绩，更要注重学生的全面发展。\n")
    assert headings(text) == ["背景", "培训过程", "主要收获"]


def test_a_numbered_heading_sentence_that_goes_on_through_an_opener_stays_whole() -> None:
    text = ("学习体会\n"
            "一、党员干部要通过学习不断提高自身素质，做到学思用贯通。\n"
            "理论学习不能三天打鱼两天晒网，要天天学、月月学，学深悟透，用来指导工作。\n"
            "二、领导干部更要作为表率带头学习，真正做到知信行统一。\n"
            "学了就要用，用了才知道哪里还不足，再回头去学，这样才能不断进步。\n")
    assert headings(text) == ["党员干部要通过学习不断提高自身素质，做到学思用贯通",
                              "领导干部更要作为表率带头学习，真正做到知信行统一"]


# ---- a quotation with one mark straight and the other curled -----------------------------------

def quotes(text: str) -> list[str]:
    found: list[str] = []
    for o in parse_text(text, "t.txt"):
        found += [q.text for q in ([o.lead.quote] if o.lead.quote else [])]
        found += [q.text for q in o.lead.quotes]
        found += [q.text for s in o.sections for q in s.quotes]
        found += [q.text for q in o.closing.quotes]
    return found


def test_a_straight_opening_mark_with_a_curled_closing_one_still_quotes() -> None:
    text = ("教师心得\n做教师要安于平凡。泰戈尔说过：\"花的事业是甜蜜的，果实的事业是珍贵的，让我干叶的事业吧。”"
            "我愿意做一片绿叶，默默地为学生付出，不求回报，只求问心无愧。\n")
    assert "花的事业是甜蜜的，果实的事业是珍贵的，让我干叶的事业吧" in quotes(text)


# ---- words named before the quotation, then 是 ------------------------------------------------

def test_a_quotation_named_as_the_line_someone_says_then_is() -> None:
    text = ("警示教育心得\n在检察办案一线，我和不少落马官员打过交道，"
            "他们身陷囹圄时经常说的一句话是“家中还有八十多岁的老母亲”，"
            "可惜悔之晚矣，根源还是没有把党纪国法放在心上。\n")
    assert "家中还有八十多岁的老母亲" in quotes(text)


def test_a_scare_quoted_term_after_is_stays_out() -> None:
    text = ("学习心得\n我们单位今年的重点工作是“放管服”改革，大家都很重视，一起想办法，把改革落到实处。\n")
    assert quotes(text) == []


def test_a_genre_title_over_a_list_of_links_after_the_essay_is_no_essay() -> None:
    text = ("暑假读书心得\n" + ESSAY + "更多教师读书心得\n教师读书心得，读书心得体会范文\n"
            "寒假读书心得\n读书心得800字\n读书心得300字\n")
    assert titles(text) == ["暑假读书心得"]


# ---- essay titles numbered after them and ended by a colon -------------------------------------

FILM = ("看完这部电影我感触颇深，第一次感觉到人类是多么软弱无助，我们要保护地球。\n"
        "这个电影的主演是一名天气学家，他的儿子知道大灾难要来了，于是去救女友。\n")


def test_essay_titles_numbered_after_them_and_ended_by_a_colon_split_the_page() -> None:
    text = ("后天观后感3篇\n下面是后天观后感3篇，请参考！\n"
            "后天观后感（一）：\n" + FILM + "后天观后感（二）：\n" + FILM + "后天观后感（三）:\n" + FILM)
    outlines = parse_text(text, "t.txt")
    assert [o.title for o in outlines] == ["后天观后感"] * 3
    assert all(o.lead.paragraphs[0].startswith("看完") for o in outlines)


def test_a_label_line_ended_by_a_colon_stays_over_its_text() -> None:
    text = "读书心得\n我的感悟：\n" + FILM
    assert titles(text) == ["读书心得"]


def test_numbered_essay_titles_in_a_line_that_lost_its_breaks() -> None:
    essay = ("看完这部电影我感触颇深，第一次感觉到人类是多么软弱无助。  "
             "这个电影的主演是一名天气学家，他的儿子知道大灾难要来了，于是去救女友。  ")
    text = ("后天观后感\n下面是后天观后感2篇，请参考！  后天观后感(一):  " + essay
            + "我们要保护地球资源！人与人相处之道  后天观后感(二):  " + essay + "\n")
    outlines = parse_text(text, "t.txt")
    assert [o.title for o in outlines] == ["后天观后感", "后天观后感"]
    assert all(o.lead.paragraphs[0].startswith("看完") for o in outlines)


def test_an_introduction_before_the_essay_numbered_one_is_no_essay() -> None:
    text = ("后天观后感2篇\n"
            "观后感就是看了一部影片后，把具体感受和得到的启示写成的文章，可以是从作品中领悟出来的道理。\n"
            "后天观后感（一）\n" + FILM + "后天观后感（二）\n" + FILM)
    outlines = parse_text(text, "t.txt")
    assert [o.title for o in outlines] == ["后天观后感", "后天观后感"]
    assert outlines[0].lead.paragraphs[0].startswith("看完")


# ---- a formulation of parallel phrases ---------------------------------------------------------

def test_a_formulation_of_phrases_built_on_one_word_is_a_quotation() -> None:
    text = ("学习体会\n教育工作要始终围绕“培养什么人、怎样培养人、为谁培养人”这个根本问题来展开，"
            "我们每一位教师都要认真思考，在工作中找到自己的答案。\n")
    assert "培养什么人、怎样培养人、为谁培养人" in quotes(text)


def test_a_slogan_of_phrases_without_a_shared_word_is_no_quotation() -> None:
    text = ("学习体会\n支部开展“学党章党规、学系列讲话、做合格党员”学习教育，党员们积极参加，"
            "大家都说收获很大，今后要把学习成果转化为工作动力。\n"
            "我们还开展了“学思想、强党性、重实践”主题活动，效果很好，得到了群众的认可。\n")
    assert quotes(text) == []


# ---- a saying of old set in the sentence as an attribute ---------------------------------------

def test_a_classical_saying_before_de_is_a_quotation() -> None:
    text = ("观后感\n同学们十几年照顾两位孤寡老人，这是“老吾老以及人之老”的同情心的自然流露，"
            "并非惊天动地的壮举，但难得的是能够坚持这么长时间。\n")
    assert "老吾老以及人之老" in quotes(text)


def test_a_modern_term_before_de_stays_out() -> None:
    text = ("学习体会\n我们要坚持“中国特色社会主义”的道路不动摇，把“全面从严治党”的要求落到实处，"
            "在工作中不断提高自己的能力和水平。\n")
    assert quotes(text) == []


# ---- quotations in single marks inside a passage quoted whole ----------------------------------

def test_the_quotations_inside_a_passage_quoted_whole_count_too() -> None:
    text = ("读《红楼梦》有感\n有书友这样赏析林黛玉：“在最后的时刻，她将身后之事托付给紫鹃：‘妹妹，我这里并没亲人。"
            "我的身子是干净的，你好歹叫他们送我回去。’这也应了她在《葬花吟》中‘质本洁来还洁去’的谶言，"
            "她骄傲、孤冷、无助。”读到这里，我的心久久不能平静。\n")
    found = quotes(text)
    assert "质本洁来还洁去" in found
    assert any(q.startswith("妹妹，我这里并没亲人") for q in found)


def test_a_term_in_single_marks_inside_a_passage_stays_out() -> None:
    text = ("读书心得\n有书友这样评价这本书：“在‘回光返照’的那一刻，主人公终于明白了亲情的可贵，"
            "作者用平实的笔调写出了人间最深的情感，让每一个读者都为之动容，久久不能忘怀。”我也有同感。\n")
    assert "回光返照" not in quotes(text)


def test_an_inscription_named_after_its_words_is_a_quotation() -> None:
    text = ("学雷锋心得\n3月5日是毛泽东同志“向雷锋同志学习”题词发表纪念日，多少年来，雷锋精神激励着一代又一代青少年，"
            "我们要把这种精神传承下去。\n")
    assert "向雷锋同志学习" in quotes(text)


# ---- a byline of a unit and a name run together in the text ----------------------------------

def test_a_unit_and_a_name_run_together_in_a_cut_text_head_nothing() -> None:
    text = ("政法队伍教育整顿已拉开帷幕，近日，我随单位领导和同事一起到警示教育基地参观学习，感触很深。\n"
            "组织教育处陈彦\n"
            "警示教育片开启了大家的学习之旅，在展厅里，我们了解了廉政文化的源远流长，也看到了一些反面典型的")
    assert headings(text) == []


def test_a_heading_phrase_alone_in_a_cut_text_still_heads_its_part() -> None:
    text = ("政法队伍教育整顿已拉开帷幕，近日，我随单位领导和同事一起到警示教育基地参观学习，感触很深。\n"
            "筑牢思想防线\n"
            "警示教育片开启了大家的学习之旅，在展厅里，我们了解了廉政文化的源远流长，也看到了一些反面典型的")
    assert headings(text) == ["筑牢思想防线"]


# ---- a forum's chrome round a post -------------------------------------------------------------

def test_a_forum_posts_chrome_is_dropped_and_its_own_title_wins() -> None:
    text = ("查看： 1453|回复： 0\n2010实习经验分享+我在银行实习的日子\n主题\n积分\n高级管理\n"
            "发表于 2010-6-2 11:28 |显示全部楼层 |倒序浏览\n本帖最后由 someone 于 2010-6-5 13:55 编辑\n"
            "管理员留言：感谢作者的分享，本文已参加2010实习征文活动，欢迎广大朋友参加。\n"
            "我在银行实习的日子\n" + BODY)
    outlines = parse_text(text, "t.txt")
    assert [o.title for o in outlines] == ["我在银行实习的日子"]
    assert not any("管理员" in p or "本帖" in p for o in outlines for p in o.lead.paragraphs)


# ---- words given as an answer ------------------------------------------------------------------

def test_words_given_as_an_answer_are_a_quotation() -> None:
    text = ("纪录片观后感\n刚发布观看通知时，有位同事回应极快“我只是一颗螺丝钉”。"
            "对，大国工匠就是由一颗颗螺丝钉铸造而成的，"
            "他们在平凡的岗位上做出了不平凡的业绩。\n")
    assert "我只是一颗螺丝钉" in quotes(text)
