"""Rules that make a line a heading, a title or a quotation in any layout (issue 19: sites the
parser has never seen), each on a small made-up text, with the cases it must leave alone."""

from __future__ import annotations

from xindegen.parse.decompose import parse_text


def headings(text: str) -> list[str]:
    return [s.heading for o in parse_text(text, "t.txt") for s in o.sections if s.heading]


def titles(text: str) -> list[str]:
    return [o.title for o in parse_text(text, "t.txt")]


# ---- run-in headings ended by a colon -------------------------------------------------------

def test_colon_headings_of_two_clauses() -> None:
    text = ("读书会发言\n各位老师：\n读书是教师成长的阶梯，这里谈两点想法，请大家指正。\n"
            "课堂的质量，取决于教师读了多少书：书读得多，讲课才能旁征博引，学生也听得进去。\n"
            "学生的兴趣，需要教师用阅读来点燃：老师爱读书，学生自然跟着读，班里就有了书香。\n")
    assert headings(text) == ["课堂的质量，取决于教师读了多少书", "学生的兴趣，需要教师用阅读来点燃"]


def test_quoted_scene_names_before_a_colon() -> None:
    text = ("电视剧观后感\n这部剧我看了两遍，有几场戏一直记在心里。\n"
            "“老渔民雨夜出海”：风浪很大，他还是把船开了出去，只为救回落水的邻居。\n"
            "“小姐妹灯下绣花”：两个人一针一线绣到深夜，谁也不说累，只想着按时交货。\n"
            "“村支书挨家劝学”：他走遍全村，把辍学的孩子一个个送回了学校。\n")
    assert headings(text) == ["“老渔民雨夜出海”", "“小姐妹灯下绣花”", "“村支书挨家劝学”"]


def test_colon_openers_of_unlike_shapes_make_no_set() -> None:
    # one quoted phrase and one bare phrase of two clauses: not one set of headings
    text = ("随笔\n周末去了一趟乡下，看到很多新鲜事。\n"
            "“稻田里的鸭子”：鸭子在田里吃虫子，稻子长得特别好，农民也省了农药钱。\n"
            "回到城里以后，细细想来：乡村的变化真大，路宽了，房子新了，人也精神了。\n")
    assert headings(text) == []


# ---- titles with a site's chrome ------------------------------------------------------------

BODY = ("这次活动让我收获很大，也让我想了很多，下面谈谈自己的体会和感受。\n"
        "活动结束以后，我把学到的方法用到了工作中，效果很好，同事们也都说有进步。\n")


def test_collection_chrome_after_a_word_count_is_no_part_of_the_title() -> None:
    assert titles("纪录片《山河》观后感800字 最新观后感作文大全精选\n" + BODY) == ["纪录片《山河》观后感"]


def test_a_bracket_naming_the_sites_essays_is_no_part_of_the_title() -> None:
    assert titles("关于消防演练的心得体会（消防演练心得体会及范文1500）\n" + BODY) == ["关于消防演练的心得体会"]


def test_a_leading_separator_and_a_bare_newest_label_are_dropped() -> None:
    assert titles("| 在新教师座谈会上的发言\n" + BODY) == ["在新教师座谈会上的发言"]
    assert titles("最新班主任培训心得体会\n" + BODY) == ["班主任培训心得体会"]


def test_a_question_title_with_a_spaced_part_number() -> None:
    assert titles("新教师培训心得怎么写？( 二 )\n新教师培训心得怎么写？\n" + BODY) == ["新教师培训心得怎么写？"]


def test_words_that_only_look_like_chrome_stay_in_the_title() -> None:
    # 作文 alone, and brackets without a collection's words, belong to the author's title
    assert titles("观看《长津湖》观后感作文\n" + BODY) == ["观看《长津湖》观后感作文"]
    assert titles("我的读书心得（高一）\n" + BODY) == ["我的读书心得（高一）"]


# ---- headings standing alone: the set's first line and lines glued to their body -------------

def test_a_heading_glued_to_its_body_joins_a_line_of_its_shape() -> None:
    text = ("纪录片观后感\n这部纪录片不长，却让我一连几天都在想它讲的那些人和事。\n"
            "大家都说它拍得朴素，没有一句口号，镜头只是安安静静地跟着几位老师傅。\n"
            "巷子深处：手艺的来历\n老师傅十几岁进厂学艺，一学就是四十年，手上的茧子比书还厚，说起往事却总是笑。\n"
            "他带过的徒弟有二十多个，如今散在各地，逢年过节都会回来看他，给他带些家乡的特产。\n"
            "两代传人：沉默的接力 年轻的徒弟不爱说话，每天早早到工坊，把师傅的工具擦得干干净净，再开始一天的活。\n")
    assert headings(text) == ["巷子深处：手艺的来历", "两代传人：沉默的接力"]


def test_the_first_line_of_the_text_opens_a_set_of_its_shape() -> None:
    text = ("小说读后感\n"
            "给命运一个不服输的回答？\n主人公出身贫寒，几次跌倒又几次爬起来，从不向命运低头，这份倔强让我佩服。\n"
            "给平凡日子一点温度？\n邻里之间借米借钱，从不计较，谁家有难处大家都来帮一把，这份温情让人动容。\n"
            "读完这本书，我对生活多了一份敬意，也多了一份勇气。\n")
    assert headings(text) == ["给命运一个不服输的回答？", "给平凡日子一点温度？"]


def test_a_line_of_another_shape_glued_to_its_body_stays_in_the_text() -> None:
    text = ("纪录片观后感\n这部纪录片不长，却让我一连几天都在想它讲的那些人和事。\n"
            "大家都说它拍得朴素，没有一句口号，镜头只是安安静静地跟着几位老师傅。\n"
            "巷子深处：手艺的来历\n老师傅十几岁进厂学艺，一学就是四十年，手上的茧子比书还厚，说起往事却总是笑。\n"
            "他带过的徒弟有二十多个，如今散在各地，逢年过节都会回来看他，给他带些家乡的特产。\n"
            "年轻的徒弟 不爱说话，每天早早到工坊，把师傅的工具擦得干干净净，再开始一天的活，从来不喊累。\n")
    assert headings(text) == []


# ---- points of a set: 第三， as a rank, and a pair where an excerpt stops -----------------------

def test_di_san_ranks_a_point_of_a_shared_frame() -> None:
    text = ("阅读教学心得\n阅读是语文学习的根本，这学期我在阅读教学上做了一些尝试。\n"
            "首先，整本书阅读能够拓宽学生的视野。学生读完一本书，眼界明显开阔了，说话也有了底气。\n"
            "其次，整本书阅读能够培养学生的耐心。一本书要读好几周，坚持下来本身就是一种锻炼。\n"
            "第三，整本书阅读能够提高学生的表达能力。读得多了，写起作文来也就有话可说。\n"
            "总之，阅读教学大有可为，我会继续探索下去。\n")
    assert headings(text) == ["整本书阅读能够拓宽学生的视野", "整本书阅读能够培养学生的耐心",
                              "整本书阅读能够提高学生的表达能力"]


def test_a_pair_of_short_openers_where_the_excerpt_stops() -> None:
    text = ("学习体会\n这次专题学习内容丰富，我们要原原本本地学，认认真真地悟，把精神落到实处。\n"
            "把握核心要义。这次会议的精神集中体现在几个方面，每一条都需要我们结合工作反复琢磨、深入领会。\n"
            "明确工作方向。学习的目的在于运用，我们要把会议提出的任务分解到每个岗位，一项一项地抓好落实，推动")
    assert headings(text) == ["把握核心要义", "明确工作方向"]


def test_a_pair_of_short_openers_in_a_whole_text_is_no_set() -> None:
    text = ("学习体会\n这次专题学习内容丰富，我们要原原本本地学，认认真真地悟，把精神落到实处。\n"
            "把握核心要义。这次会议的精神集中体现在几个方面，每一条都需要我们结合工作反复琢磨、深入领会。\n"
            "时间过得真快。转眼学习就结束了，回到岗位上，我要把学到的东西用起来，干出新的成绩。\n")
    assert headings(text) == []


# ---- numbered lines ---------------------------------------------------------------------------

def test_a_numbered_first_line_heads_a_part_and_is_no_title() -> None:
    text = ("1、原句\n子曰：“温故而知新，可以为师矣。”\n"
            "2、今译\n孔子说：“温习旧的知识，能从中得到新的体会，就可以做老师了。”这句话大家都很熟悉。\n"
            "3，我的体会：\n复习不是简单地重复，每读一遍都会有新的收获，这正是学习的乐趣所在，也是我最大的体会。\n")
    outline = parse_text(text, "t.txt")[0]
    assert outline.title == "t"
    assert [s.heading for s in outline.sections] == ["原句", "今译", "我的体会"]


def test_a_number_and_a_comma_inside_a_sentence_heads_nothing() -> None:
    text = ("培训心得\n这次培训共安排了三天，每天的内容都很充实，让我受益匪浅，收获良多。\n"
            "第一天讲理论，第二天讲案例，第三天分组讨论，大家发言都很积极。\n"
            "3，5个人一组讨论问题，气氛热烈，每个人都说出了自己的看法和经验。\n")
    assert headings(text) == []


# ---- numbered headings glued to their body in a preview that lost its breaks ------------------

def test_numbered_headings_glued_to_a_body_that_opens_as_bodies_do() -> None:
    text = ("参观学习心得体会\n上周我们到兄弟学校参观学习，我的感受有以下几点："
            "一、读书氛围浓厚走进教学楼就能看到一排排书架，学生课间也捧着书在读，安安静静的。二、课后服务丰富我们看到，操场上有足球队在训练，教室里有书法兴趣小组在练字，"
            "孩子们各得其乐。三、家校联系紧密在交流的过程中，校长介绍了他们的家长课堂，每月一次，家长们都很支持。"
            "这次参观让我看到了差距，也找到了努力的方向，回去以后要好好琢磨，把好的做法学过来。\n")
    assert headings(text) == ["读书氛围浓厚", "课后服务丰富", "家校联系紧密"]


def test_a_glued_heading_sentence_keeps_a_pronoun_that_is_its_object() -> None:
    text = ("学习体会\n这次学习让我收获很大，主要有以下两点体会，和大家交流：一、坚持理论学习是我们的立身之本。"
            "理论学习不能三天打鱼两天晒网，要天天学、月月学，学深悟透，用来指导工作，解决实际问题。"
            "二、联系工作实际是我们的成长之道。学了就要用，用了才知道哪里还不足，再回头去学，这样循环往复才能不断进步。"
            "今后我会把学习当成一种习惯，坚持下去，在工作中不断提高自己的能力和水平，做一名合格的党员。\n")
    assert headings(text) == ["坚持理论学习是我们的立身之本", "联系工作实际是我们的成长之道"]


def test_a_books_name_before_the_genre_is_part_of_the_title() -> None:
    assert titles("《乡土中国》读后感：熟人社会 乡土本色\n" + BODY) == ["《乡土中国》读后感：熟人社会 乡土本色"]


def test_a_site_category_before_the_title_is_still_dropped() -> None:
    assert titles("学习心得守住初心 干在实处\n" + BODY) == ["守住初心 干在实处"]


# ---- lines that name their part ---------------------------------------------------------------

def test_introduction_and_conclusion_lines_head_their_parts_beside_the_numbered_set() -> None:
    text = ("引言：一次难忘的社会实践\n暑假里我们小组走访了五个村子，了解乡村振兴的真实样子，收获很多。\n"
            "一、走访前的准备\n出发前，我们查阅了资料，列好了访谈提纲，还分了工，每人负责一个方面。\n"
            "二、走访中的见闻\n村里的路修好了，家家户户用上了自来水，年轻人也愿意回乡创业了。\n"
            "结语：把论文写在大地上\n这次实践让我明白，书本上的知识要到实践中检验，今后我还要多走多看。\n")
    outline = parse_text(text, "t.txt")[0]
    assert outline.title == "t"
    assert [s.heading for s in outline.sections] == [
        "引言：一次难忘的社会实践", "走访前的准备", "走访中的见闻", "结语：把论文写在大地上"]


def test_a_conclusion_run_into_its_paragraph_heads_nothing() -> None:
    text = ("实践心得\n暑假里我们小组走访了五个村子，了解乡村振兴的真实样子，收获很多。\n"
            "村里的路修好了，家家户户用上了自来水，年轻人也愿意回乡创业了。\n"
            "结语：这次实践让我明白，书本上的知识要到实践中检验，今后我还要多走多看，多向群众学习。\n")
    assert headings(text) == []


# ---- a title broken across the line -----------------------------------------------------------

def test_a_title_broken_before_its_genre_word() -> None:
    text = ("孟子\n读后感孟子说：“得道者多助，失道者寡助。”这句话我读了很多遍，每读一遍都有新的感受。\n"
            "读书要读经典，经典里有做人的道理，也有做事的方法，值得一生反复去读。\n")
    outline = parse_text(text, "t.txt")[0]
    assert outline.title == "孟子读后感"
    assert outline.lead.paragraphs[0].startswith("孟子说")


def test_a_text_opening_with_the_genre_word_as_a_subject_keeps_it() -> None:
    text = ("暑假生活\n心得体会是对经历的回顾和总结，写好它需要真情实感，也需要一点方法和技巧。\n"
            "读书要读经典，经典里有做人的道理，也有做事的方法，值得一生反复去读。\n")
    outline = parse_text(text, "t.txt")[0]
    assert outline.lead.paragraphs[0].startswith("心得体会是")


# ---- quotations named after them ----------------------------------------------------------------

def quotes(text: str) -> list[str]:
    o = parse_text(text, "t.txt")[0]
    found = [q.text for q in o.lead.quotes] + [q.text for s in o.sections for q in s.quotes]
    return found + ([o.lead.quote.text] if o.lead.quote else [])


def test_sayings_in_a_series_named_a_tradition() -> None:
    text = ("师德体会\n我们的民族历来有“尊师重道”、“有教无类”的传统，教师更要以身作则，做学生的榜样。\n"
            "教书育人是良心活，要一辈子用心去做，不能有半点马虎和懈怠。\n")
    assert {"尊师重道", "有教无类"} <= set(quotes(text))


def test_a_scare_quoted_term_before_another_noun_is_no_quotation() -> None:
    text = ("工作体会\n今年我们推行了“首问负责”的做法，群众来办事，第一个接待的人负责到底，效果很好。\n"
            "教书育人是良心活，要一辈子用心去做，不能有半点马虎和懈怠。\n")
    assert "首问负责" not in quotes(text)


def test_a_title_that_opens_with_a_word_like_newest_keeps_it() -> None:
    assert titles("热门话题背后的思考\n" + BODY) == ["热门话题背后的思考"]
    assert titles("最新科技进入课堂\n" + BODY) == ["最新科技进入课堂"]


def test_colon_lines_that_set_the_scene_as_the_writer_are_no_headings() -> None:
    text = ("培训心得\n这次培训安排得很紧凑，专家讲得深入浅出，我把体会整理如下，请大家批评指正。\n"
            "通过学习，我认识到：安全生产是企业的生命线，任何时候都不能放松，一刻也不能马虎大意。\n"
            "经过讨论，大家明白了：制度要落到实处，不能只挂在墙上，要让每个员工都熟悉起来。\n")
    assert headings(text) == []


def test_a_record_field_glued_to_the_next_is_no_heading() -> None:
    text = ("活动记录\n这次主题党日活动内容丰富，同志们参与热情很高，现将情况记录如下，供大家参考。\n"
            "学习内容：党章第二章\n大家逐条学习了党章第二章，结合自己的工作谈了体会，发言踊跃，气氛热烈。\n"
            "活动时间：周五下午 参加人员为支部全体党员，另有两名入党积极分子列席，大家都按时到场。\n")
    assert headings(text) == []


# ---- a heading over numbered items ----------------------------------------------------------------

def test_question_lines_over_numbered_items_are_the_headings() -> None:
    text = ("讨论发言\n围绕守纪律这个主题，我谈两个问题，不对的地方请同志们指正。\n"
            "为什么要守纪律？\n1.纪律是党的生命线\n纪律是党的生命线，没有纪律，党就会成为一盘散沙，什么事情也干不成。\n"
            "2.纪律是干事的保障\n有了纪律，大家才能心往一处想，劲往一处使，把事情办好办成。\n"
            "怎样才能守纪律？\n1.要学纪律\n先要把纪律学明白，知道哪些能做、哪些不能做，心里有一本明白账。\n"
            "2.要用纪律\n学了就要用，用纪律约束自己的一言一行，时时处处守规矩。\n")
    assert headings(text) == ["为什么要守纪律？", "怎样才能守纪律？"]


def test_numbered_points_under_an_announcing_line_stay_the_headings() -> None:
    text = ("工作体会\n这一年在基层工作，我有不少收获，愿意和大家分享。\n"
            "我的三点体会\n1.要沉下身子\n只有沉到一线，才能了解群众的真实想法，工作才有针对性。\n"
            "2.要放下架子\n跟群众说话要平等，不能居高临下，群众才愿意和你说心里话。\n"
            "3.要甩开膀子\n定下的事情就要抓紧干，不等不靠，干出实实在在的成绩来。\n")
    assert headings(text) == ["要沉下身子", "要放下架子", "要甩开膀子"]
