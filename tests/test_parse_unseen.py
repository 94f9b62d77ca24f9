"""Kinds of misses on pages of sites the parser had not seen (issue 19, the misses of held_out_5
and tune_2 grouped by kind), each rule on a small text in the layout it covers; the last tests
parse real pages of those sets (tests/realpages) for the same kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

from xindegen.model import Outline
from xindegen.parse.decompose import parse_file, parse_text
from xindegen.parse.structure import find_quotes

PAGES = Path(__file__).parent / "realpages"


def one(text: str) -> Outline:
    [outline] = parse_text(text, "t.txt")
    return outline


def headings(text: str) -> list[str]:
    return [s.heading for o in parse_text(text, "t.txt") for s in o.sections if s.heading]


def quoted(text: str) -> list[str]:
    return [q.text for q in find_quotes(text)]


def all_quotes(outline: Outline) -> list[str]:
    found = [q.text for q in outline.lead.quotes] + [q.text for s in outline.sections for q in s.quotes]
    return found + ([outline.lead.quote.text] if outline.lead.quote else [])


# ---- quotations ------------------------------------------------------------------------------

def test_a_line_of_verse_in_marks_is_a_quotation_without_words_that_introduce_it() -> None:
    text = "李白流放途中遇赦，放歌“轻舟已过万重山”时，满场观众为之动容。"
    assert quoted(text) == ["轻舟已过万重山"]


def test_a_line_of_five_needs_a_poem_named_before_it() -> None:
    assert quoted("高适回望长安，口中吟诵的正是杜甫的“国破山河在”；众人无言。") == ["国破山河在"]
    # a term of five characters in marks is no quotation
    assert quoted("每年的4月23日是“世界读书日”，学校开展了活动。") == []


def test_a_poem_quoted_without_marks_after_words_that_name_a_poem() -> None:
    assert quoted("杜甫在诗中写道：安得广厦千万间，大庇天下寒士俱欢颜。这是何等的胸怀。") == [
        "安得广厦千万间，大庇天下寒士俱欢颜"]
    assert quoted("子曰：学而时习之，不亦说乎？这句话告诉我们要经常复习。") == ["学而时习之，不亦说乎"]
    assert quoted("他在日记中写道：今天我很开心。") == []  # a diary is no poem


def test_a_line_of_five_in_a_poets_writing() -> None:
    assert quoted("陶渊明笔下“采菊东篱下”的悠然让人向往。") == ["采菊东篱下"]


def test_a_term_of_seven_characters_is_no_line_of_verse() -> None:
    assert quoted("近年来，沿线城市积极参与共建“丝绸之路经济带”，合作不断深入。") == []
    assert quoted("社区积极开展“新时代文明实践”志愿服务，居民踊跃参加。") == []


def test_a_poet_may_say_i_in_a_line_of_verse() -> None:
    assert quoted("李白浪漫不羁，深信“天生我材必有用”，却屡屡碰壁。") == ["天生我材必有用"]


def test_a_saying_named_by_the_word_right_before_it() -> None:
    assert quoted("母亲临终前那句“你要好好活着”成为贯穿全书的主线。") == ["你要好好活着"]
    assert quoted("这些故事都验证了一句话“人间有真情”。") == ["人间有真情"]


def test_words_of_a_book_named_after_the_marks() -> None:
    assert quoted("电影还原了小说中“雅典卫城神殿的巨柱”的描写，气势磅礴。") == ["雅典卫城神殿的巨柱"]


def test_talk_in_the_writers_own_story_is_no_quotation() -> None:
    text = ("老师见状，握着我的手，缓缓地说：“你呢，读书不够精，不够深入。你再去读一读，一定能读出什么来的。”"
            "我点了点头。")
    assert quoted(text) == []
    crowd = "大家围着小女孩，议论纷纷：“唉！这是谁家的孩子。”“该不会是邻村的娃吧！”这时，一位老人走了过来。"
    assert quoted(crowd) == []


def test_talk_named_after_the_marks_is_no_quotation() -> None:
    text = "“这么难，您为什么不离开？”当主持人问这位乡村教师时，她坦言也曾动摇过。"
    assert quoted(text) == []
    assert quoted("人常常会问自己：“我活着是为了什么？”这就是人生的意义问题。") == []


def test_a_speech_verb_then_what_is_asked() -> None:
    text = "总书记多次强调，要“把立德树人的成效作为检验学校一切工作的根本标准”。"
    assert quoted(text) == ["把立德树人的成效作为检验学校一切工作的根本标准"]


def test_a_saying_signed_on_the_line_under_it_in_any_part() -> None:
    text = ("读书笔记\n"
            "这学期我读了几本书，有一些想法，整理如下，和大家交流交流。\n"
            "读书方法：\n"
            "不动笔墨不读书，这是老师常常挂在嘴边的一句话，读书时我总是准备好一支笔。\n"
            "学而不思则罔，思而不学则殆。\n"
            "——孔子\n"
            "我的感悟：\n"
            "读书要一边读一边想，想明白了再读下去，才会有真正的收获，这是我这学期最大的体会。\n")
    outline = one(text)
    assert "学而不思则罔，思而不学则殆" in all_quotes(outline)


# ---- titles ----------------------------------------------------------------------------------

def test_a_title_asks_its_question_before_its_subtitle() -> None:
    outline = one("怎样开好讨论会？——谈谈单位里的研讨\n"
                  "开好讨论会，关键在于准备。会前要定好题目，让每个人都有时间想一想，带着问题来。\n"
                  "讨论会上，要让每个人都有机会发言，主持人要把握好节奏，不让讨论跑题。\n")
    assert (outline.title, outline.subtitle) == ("怎样开好讨论会？", "——谈谈单位里的研讨")


def test_a_title_shown_after_the_lead_over_its_subtitle() -> None:
    outline = one("为提高干部的业务能力，近期，市里组织了一期专题培训班，二十名干部参加了学习。\n"
                  "学习兄弟城市的改革经验\n"
                  "——赴外地干部学院培训纪实\n"
                  "此次培训班高度重视实地调研，组织学员走进企业和园区，面对面听取介绍，收获很大。\n"
                  "在一家研究院，学员们参观了展厅和实验室，了解了产学研结合的做法和经验。\n")
    assert (outline.title, outline.subtitle) == ("学习兄弟城市的改革经验", "——赴外地干部学院培训纪实")
    assert outline.lead.paragraphs[0].startswith("为提高干部的业务能力")


def test_a_site_note_names_the_document_twice() -> None:
    outline = one("摘要：小编为你整理了多篇相关的《组织和撰写会议发言材料的几个基本问题》，"
                  "希望对你有帮助，你还可以找到更多《组织和撰写会议发言材料的几个基本问题》。\n"
                  "一、基本概念\n"
                  "所谓会议发言，是指在会议上有组织、有准备的发言，它是参加会议的人表达意见的一种形式。\n"
                  "二、基本要求\n"
                  "发言材料要紧扣会议主题，观点鲜明，材料翔实，语言简洁，不说空话套话。\n")
    assert outline.title == "组织和撰写会议发言材料的几个基本问题"


def test_a_document_title_with_the_sites_vip_mark() -> None:
    outline = one("家长学校学习心得体会.docxVIP\n"
                  "通过参加家长学校的学习，我认识到家庭教育的重要性，也学到了和孩子沟通的方法。\n"
                  "以后我要多陪伴孩子，多听孩子说话，和学校一起把孩子教育好。\n")
    assert outline.title == "家长学校学习心得体会"


def test_two_forms_of_a_title_joined_by_an_underscore() -> None:
    outline = one("《长津湖》观后感_观电影《长津湖》有感\n"
                  "看完电影，我久久不能平静。战士们在冰天雪地里坚守阵地，令人敬佩。\n"
                  "今天的和平生活来之不易，我们要珍惜，要努力学习，长大报效祖国。\n")
    assert outline.title == "《长津湖》观后感"


def test_a_trailing_off_opening_line_is_no_essays_title() -> None:
    text = ("下面是小编带来的两篇读书心得，希望大家喜欢！\n"
            "读书心得(篇1)\n"
            "夜深了……\n"
            "我坐在灯下读完了这本书，心里久久不能平静，书中人物的命运让我感慨万千，也让我思考了很多。\n"
            "读书心得(篇2)\n"
            "读书是一件快乐的事，每读完一本好书，我都觉得自己长大了一点，懂得了更多的道理。\n")
    titles = [o.title for o in parse_text(text, "t.txt")]
    assert titles[0] == "读书心得"


def test_essays_lettered_a_b() -> None:
    text = ("A. 电影《长津湖》观后感\n"
            "看完电影，我久久不能平静。战士们在冰天雪地里坚守阵地，他们的坚强意志令人敬佩。\n"
            "今天的和平生活来之不易，我们要珍惜，要努力学习，长大报效祖国。\n"
            "B. 电影《我和我的祖国》观后感\n"
            "电影讲述了几个普通人和祖国一同经历的历史瞬间，每一个故事都让人感动。\n"
            "我为自己是一名中国人感到骄傲，也更加明白了今天的幸福生活是怎么来的。\n")
    assert [o.title for o in parse_text(text, "t.txt")] == ["电影《长津湖》观后感", "电影《我和我的祖国》观后感"]


_FILM_1 = ("看完电影，我久久不能平静。战士们在冰天雪地里坚守阵地，他们的坚强意志令人敬佩。\n"
           "今天的和平生活来之不易，我们要珍惜，要努力学习，长大报效祖国。\n")
_FILM_2 = ("电影讲述了几个普通人和祖国一同经历的历史瞬间，每一个故事都让人感动。\n"
           "我为自己是一名中国人感到骄傲，也更加明白了今天的幸福生活是怎么来的。\n")


@pytest.mark.parametrize("first, second", [
    ("电影长津湖观后感（一）", "我和我的祖国观后感（二）"),  # the number ends the title line
    ("1、电影长津湖观后感", "2、我和我的祖国观后感"),  # numbered like headings, naming the genre
    ("一、电影长津湖观后感", "二、我和我的祖国观后感"),
    ("精选电影长津湖观后感", "精选我和我的祖国观后感")])
def test_essay_titles_of_a_collection_numbered_or_labelled(first: str, second: str) -> None:
    text = f"观后感两篇\n{first}\n{_FILM_1}{second}\n{_FILM_2}"
    assert [o.title for o in parse_text(text, "t.txt")] == ["电影长津湖观后感", "我和我的祖国观后感"]


def test_one_numbered_title_line_is_a_table_of_contents() -> None:
    text = f"观后感\n1、电影长津湖观后感\n电影长津湖观后感\n{_FILM_1}"
    assert [o.title for o in parse_text(text, "t.txt")] == ["电影长津湖观后感"]


def test_the_last_essay_may_show_only_the_start_of_a_sentence() -> None:
    text = ("专题片观后感（精选）\n"
            "【篇一】\n"
            "专题片用一个个真实的案例，讲述了作风建设的重要性，让我深受教育，也让我明白了纪律的分量。\n"
            "作为一名党员，我要时刻以案为鉴，严格要求自己，守住底线，不碰红线。\n"
            "【篇二】\n"
            "连日来，电视台连续播出专题片，引起了广大党员干部的强烈")
    essays = parse_text(text, "t.txt")
    assert len(essays) == 2 and essays[1].lead.paragraphs[0].startswith("连日来")


def test_a_document_sites_notes_between_two_showings_of_the_title_are_no_essay() -> None:
    text = ("家长学校学习心得体会.docx\n"
            "1、本站文档一经付费（服务费），不意味着购买了该文档的版权，仅供个人学习、研究之用，不得用于商业用途。\n"
            "2、该文档为VIP文档，如果想要下载，成为VIP会员后，下载免费，下载后不支持退款、换文档。\n"
            "家长学校学习心得体会\n"
            "通过参加家长学校的学习，我认识到家庭教育的重要性，也学到了和孩子沟通的方法。\n"
            "以后我要多陪伴孩子，多听孩子说话，和学校一起把孩子教育好，让孩子健康快乐地成长。\n")
    [essay] = parse_text(text, "t.txt")
    assert essay.title == "家长学校学习心得体会"
    assert essay.lead.paragraphs[0].startswith("通过参加家长学校的学习")


_BODY = ("近日，我们参观了红色教育基地，深受教育。一件件珍贵的文物，一个个感人的故事，"
         "让我们感受到了革命先辈的坚定信念。\n"
         "作为新时代的青年，我们要继承先辈遗志，努力学习，为祖国的发展贡献自己的力量。\n")


@pytest.mark.parametrize("top", [
    "当前位置：首页 > 心得体会 > 参观红色教育基地心得体会\n2023-05-06 阅读：123\n",  # named by the breadcrumb only
    "参观红色教育基地心得体会 2023-05-06\n",  # its date after it on the line
    "# 参观红色教育基地心得体会\n",
    "参观红色教育基地心得体会模板（精选）\n",
    "参观红色教育基地心得体会简短\n"])
def test_titles_in_the_page_tops_of_other_sites(top: str) -> None:
    assert one(top + _BODY).title == "参观红色教育基地心得体会"


def test_a_breadcrumb_ending_in_a_category_names_no_title() -> None:
    assert one("当前位置：首页 > 范文 > 心得体会\n" + _BODY).title == "t"


# ---- headings --------------------------------------------------------------------------------

def test_a_first_numbered_heading_with_a_label_line_under_it() -> None:
    text = ("会议发言材料怎么写\n"
            "一、什么是会议发言\n"
            "会议发言：\n"
            "会议发言是参会人员在会议期间表达意见、提出建议的一种重要形式，分口头发言和书面发言两种。\n"
            "会议发言是了解情况、听取意见的重要渠道，每一位参会人员都可以提交。\n"
            "二、撰写会议发言材料的基本要求\n"
            "（一）精准选题\n"
            "选题要紧扣中心工作，选取综合性、全局性的问题，善于捕捉苗头性、倾向性问题。\n"
            "（二）深入调研\n"
            "调研要深入基层，掌握第一手材料，用事实和数据说话，提出的建议才有分量。\n")
    assert headings(text) == ["什么是会议发言", "撰写会议发言材料的基本要求"]


def test_english_headings_over_english_prose() -> None:
    text = ("大学新生军训心得体会 - A Journey Through Military Training\n"
            "Welcome to our feature on military training for new students. Whether you are an international "
            "student or a local one, this period of your studies can shape how you see discipline and teamwork.\n"
            "Introduction: Stepping into the Unknown\n"
            "For many of us the idea of military training as part of university orientation seemed odd at first, "
            "yet it turned out to be one of the most memorable parts of our first weeks on campus.\n"
            "First Impressions: The Uniforms and Expectations\n"
            "The first thing that struck me was the uniforms, which made us all look alike. For someone who had "
            "never worn anything like this before, it felt strange, and then came the early mornings.\n")
    assert headings(text) == ["Introduction: Stepping into the Unknown",
                              "First Impressions: The Uniforms and Expectations"]


def test_a_lone_heading_phrase_in_a_text_cut_off() -> None:
    text = ("听航天英雄讲述的观后感\n"
            "节目里，几位航天员讲述了自己的成长经历，朴实的话语让我深受感动，也让我对航天事业有了新的认识。\n"
            "当上飞行员\n"
            "一位航天员说，小时候他很羡慕军人，觉得军人特别伟大，特别喜欢军帽上的红五星。\n"
            "上初中的时候，他向当兵的亲戚要了一个帽徽，别在自己的帽子上，一戴就是好几年。\n"
            "高中毕业那年，部队来学校招飞行员，他瞒着家里报了名，心里又紧张又兴奋。\n"
            "后来他参加了招飞体检，一项一项检查下来，终于如愿以偿，成为一名飞行学员，开始了艰苦的训练，每天")
    assert headings(text) == ["当上飞行员"]


def test_a_lone_line_naming_the_genre_is_no_heading() -> None:
    text = ("读书心得精选\n"
            "读书心得可以帮助我们更深入地理解书中的内容，并把它融入到自己的生活中去。\n"
            "平凡的世界读书心得\n"
            "这是一部用生命写成的书，书中的人物无论处境多么艰难，都没有放弃对生活的希望。\n"
            "读完这本书，我明白了平凡的人也可以有不平凡的追求，只要心中有一团火，就")
    assert headings(text) == []


def test_a_heading_broken_after_its_colon() -> None:
    text = ("书屋读书活动侧记\n"
            "当天下午，十几位市民相聚在社区书屋，共同精读文学名著，分享读书心得，交流阅读感悟，气氛十分热烈。\n"
            "名著精读会：\n"
            "市民领读、分享交流\n"
            "书友们按段落朗读，分享了各自的感悟，有的从人物性格入手，有的从时代背景谈起，大家都有收获。\n"
            "活动结束时，大家约定下个月继续读下去，把这部名著读完读透，再一起交流心得，然后")
    assert headings(text) == ["名著精读会：市民领读、分享交流"]


def test_word_numbered_headings() -> None:
    text = ("学校领导外出学习心得体会\n"
            "思考一：教师观念更新很重要\n"
            "课程改革首先是观念的更新，教师的观念不更新，再好的课程也落不到实处，这是我这次学习最深的体会。\n"
            "思考二：不断充电，提高教师素质。\n"
            "教师要多读书、多学习，不断提高自己的业务水平，才能适应新课程的要求，成为学生喜欢的老师。\n")
    outline = one(text)
    assert outline.title == "学校领导外出学习心得体会"
    assert [s.heading for s in outline.sections] == ["教师观念更新很重要", "不断充电，提高教师素质"]


def test_label_lines_over_the_parts_of_a_text() -> None:
    text = ("读书格言：\n"
            "书籍是人类进步的阶梯，读一本好书，就是和许多高尚的人谈话，这是我最喜欢的一句话。\n"
            "我的感悟：\n"
            "谈到读书，我认为读书不是一件功利性的事，如果抱着从书中获取什么的想法去读，就很难读进去。\n"
            "读书要静下心来，慢慢地读，细细地想，才能真正有所收获。\n")
    assert headings(text) == ["读书格言", "我的感悟"]


# ---- real pages of held_out_5 and tune_2 (looked at since; never held_out_6) ----------------

needs_pages = pytest.mark.skipif(not PAGES.is_dir(), reason="the real pages are not part of the sdist")


@needs_pages
def test_verse_lines_of_a_film_review_page() -> None:
    [outline] = parse_file(PAGES / "p156.txt")
    found = all_quotes(outline)
    for line in ("国破山河在", "轻舟已过万重山", "天生我材必有用", "莫愁前路无知己"):
        assert line in found


@needs_pages
def test_an_english_page_keeps_its_headings() -> None:
    [outline] = parse_file(PAGES / "p171.txt")
    assert [s.heading for s in outline.sections] == [
        "Introduction: Stepping into the Unknown", "First Impressions: The Uniforms & Expectations",
        "Learning the Ropes: Marching, Commands, and More"]


# ---- heading lines in the layouts of other sites ---------------------------------------------

_POINTS = ["坚持学习不放松", "虚心请教勤思考", "团结协作聚合力"]
_BODIES = ["学习是一个不断积累的过程，只有持之以恒，才能有所收获，这是我这段时间最深的体会。",
           "工作中遇到困难时，要多向老同志请教，多思考，多总结，才能不断提高自己的能力水平。",
           "团队的力量是无穷的，只有大家拧成一股绳，才能把事情办好，把目标实现。"]


def _laid_out(line: str) -> str:
    lines = ["我的工作心得体会", "参加工作一年来，我在领导和同事的帮助下成长了很多，下面谈谈几点体会。"]
    for i, (point, body) in enumerate(zip(_POINTS, _BODIES, strict=True)):
        lines += [line.format(n=i + 1, cn="一二三"[i], circled="①②③"[i], roman="ⅠⅡⅢ"[i],
                              ordinal=("首先", "其次", "最后")[i], point=point), body]
    return "\n".join([*lines, "总之，我会继续努力，争取更大的进步。"]) + "\n"


@pytest.mark.parametrize("line", [
    "【{point}】", "{circled}{point}", "{n}）{point}", "0{n} {point}", "{cn} {point}", "{roman}. {point}",
    "第{cn}点：{point}", "体会之{cn}：{point}", "{point}。", "{ordinal}，{point}。"])
def test_heading_lines_numbered_bracketed_or_stopped(line: str) -> None:
    assert headings(_laid_out(line)) == _POINTS


def _glued(line: str) -> str:
    lines = ["我的工作心得体会", "参加工作一年来，我在领导和同事的帮助下成长了很多，下面谈谈几点体会。"]
    lines += [line.format(cn="一二三"[i], point=point, body=body)
              for i, (point, body) in enumerate(zip(_POINTS, _BODIES, strict=True))]
    return "\n".join([*lines, "总之，我会继续努力，争取更大的进步。"]) + "\n"


@pytest.mark.parametrize("line", ["【{point}】{body}", "**{point}**{body}", "{cn}、{point}：{body}"])
def test_heading_and_body_on_one_line(line: str) -> None:
    assert headings(_glued(line)) == _POINTS


def test_a_note_in_brackets_is_no_heading() -> None:
    text = ("【导语】学习是一个不断积累的过程，只有持之以恒，才能有所收获。\n"
            "【摘要】工作中遇到困难时，要多向老同志请教，多思考，多总结。\n"
            "团队的力量是无穷的，只有大家拧成一股绳，才能把事情办好，把目标实现。\n")
    assert headings(text) == []


def test_short_sentences_of_unlike_length_over_prose_are_no_headings() -> None:
    text = ("一次难忘的旅行\n"
            "暑假里，爸爸妈妈带我去了一趟海边，那是我第一次看见大海，心里特别激动。\n"
            "天很蓝。\n"
            "海水一浪接着一浪地拍打着沙滩，远处的渔船在阳光下闪闪发光，海鸥在天空中自由地飞翔。\n"
            "晚上的海边格外安静，只能听见海浪的声音。\n"
            "我们在沙滩上捡了很多贝壳，还堆了一座大大的沙堡，玩得特别开心，天黑了才回到住处。\n")
    assert headings(text) == []

