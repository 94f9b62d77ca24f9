"""The general mechanisms of issue 19's tenth parser round (the misses of held_out_9 grouped by
kind, each checked on every other set), each on a small text of our own in the layout it covers."""

from __future__ import annotations

from tests.test_parse_generalise import PROSE, PROSE2, essays
from xindegen.parse.structure import _defining_openers, _glued_lines, _reported_points, _short_labels, find_quotes


def headings(text: str) -> list[str]:
    return [s.heading for o in essays(text) for s in o.sections if s.heading]


# ---- numbered paragraphs of an argument are no headings -----------------------------------------

def test_numbered_paragraphs_that_go_on_from_the_one_before_are_no_headings() -> None:
    text = ("说说短视频\n"
            "1. 短视频刚刚流行的时候，很多人觉得它只是消磨时间的玩意儿，看过就忘，谈不上有什么价值。\n"
            "2. 手机拍摄从少数人的爱好\n"
            "变成了人人都会的本领，这本身就是一件了不起的事情，记录生活的门槛一下子低了很多。\n"
            "3. 但仔细想想，短视频也让人越来越难以静下心来读完一篇长文章\n"
            "这是值得每个人警惕的事情，我们不能只图一时的热闹和新鲜，而忘了深入思考的乐趣。\n"
            "4. 所以，不要小看每天的几分钟\n"
            "它们积累起来就是一个人的习惯，习惯又会慢慢塑造一个人的性格和眼界，影响是长远的。\n")
    assert headings(text) == []


def test_numbered_headings_that_open_as_headings_still_count() -> None:
    text = ("学习体会\n" + PROSE + "\n1. 提高政治站位\n" + PROSE2 + "\n2. 改进工作作风\n" + PROSE
            + "\n3. 但求问心无愧\n" + PROSE2 + "\n")
    assert headings(text) == ["提高政治站位", "改进工作作风", "但求问心无愧"]


# ---- heading lines glued to their body by a space, with none standing alone --------------------

GLUED = ("阅读的外在条件 " + PROSE + "\n" + "阅读的内在动力 " + PROSE2 + "\n" + "阅读的长远目标 " + PROSE + "\n")


def test_phrases_of_one_length_glued_by_a_space_head_their_paragraphs() -> None:
    [outline] = essays("读书的收获\n" + PROSE2 + "\n" + GLUED)
    assert [s.heading for s in outline.sections] == ["阅读的外在条件", "阅读的内在动力", "阅读的长远目标"]
    assert outline.lead.paragraphs == [PROSE2]
    assert outline.sections[0].paragraphs[0] == PROSE


def test_glued_phrases_of_unlike_lengths_or_in_a_text_that_spaces_its_words_head_nothing() -> None:
    spaced = "我们 今天 一起 去了 城郊的 农场 参观，大家 看到 了 许多 从来 没有 见过 的 农具 和 庄稼，收获 很大。"
    assert _glued_lines([PROSE, "参观农场的经过 " + spaced, "参观农场的收获 " + spaced]) == []
    assert _glued_lines([PROSE, "阅读的条件 " + PROSE, "阅读给我们带来的长远目标 " + PROSE2]) == []
    found = _glued_lines([PROSE, "阅读的条件 " + PROSE, "阅读的动力 " + PROSE2])
    assert [h.text for h in found] == ["阅读的条件", "阅读的动力"]


def test_a_title_line_of_the_shape_of_the_set_is_its_first_heading() -> None:
    [outline] = essays("阅读的基本概念\n" + PROSE2 + "\n" + GLUED)
    assert outline.title == "t"
    assert [s.heading for s in outline.sections] == [
        "阅读的基本概念", "阅读的外在条件", "阅读的内在动力", "阅读的长远目标"]


def test_a_title_naming_the_genre_stays_the_title_over_a_set_of_its_length() -> None:
    [outline] = essays("阅读的心得体会\n" + PROSE2 + "\n" + GLUED)
    assert outline.title == "阅读的心得体会"
    assert len(outline.sections) == 3


# ---- a title broken before a word no title starts with -----------------------------------------

def test_a_title_broken_before_a_word_no_title_starts_with_is_joined() -> None:
    [outline] = essays("局长在全局读书分享会\n上的总结讲话\n同志们：\n" + PROSE + "\n" + PROSE2 + "\n")
    assert outline.title == "局长在全局读书分享会上的总结讲话"


def test_two_title_lines_that_stand_each_on_their_own_are_not_joined() -> None:
    [outline] = essays("读书分享会\n上下求索的读书人\n" + PROSE + "\n" + PROSE2 + "\n")
    assert outline.title != "读书分享会上下求索的读书人"


# ---- a title behind a column name or a label of page chrome ------------------------------------

def test_the_piece_without_page_chrome_is_the_title() -> None:
    [outline] = essays("投稿专区|我在图书馆度过的那个暑假\n" + PROSE + "\n" + PROSE2 + "\n")
    assert outline.title == "我在图书馆度过的那个暑假"


def test_a_chrome_label_before_a_colon_is_cut_off_the_title() -> None:
    [outline] = essays("夏季养生小常识及图片：陶行知教育思想浅析\n" + PROSE + "\n" + PROSE2 + "\n")
    assert outline.title == "陶行知教育思想浅析"


def test_a_title_with_a_colon_and_no_chrome_keeps_both_parts() -> None:
    [outline] = essays("书香致远：我的读书笔记\n" + PROSE + "\n" + PROSE2 + "\n")
    assert outline.title == "书香致远：我的读书笔记"


# ---- lines that fill in a record's field are bylines, no headings ------------------------------

def test_lines_filling_in_a_record_field_head_nothing() -> None:
    text = ("三代人的军训\n" + PROSE + "\n李明 某某师范大学 军训时间：1998年\n" + PROSE2
            + "\n王芳 某某理工大学 军训时间：2008年\n" + PROSE + "\n")
    assert headings(text) == []


def test_lines_with_a_colon_that_name_their_part_still_head_it() -> None:
    text = ("三代人的军训\n" + PROSE + "\n第一站：师范大学的操场\n" + PROSE2
            + "\n第二站：理工大学的礼堂\n" + PROSE + "\n")
    assert headings(text) == ["第一站：师范大学的操场", "第二站：理工大学的礼堂"]


# ---- a news report's points, given as what the speaker asked for -------------------------------

def test_what_one_speaker_asked_for_heads_each_paragraph_of_a_report() -> None:
    text = ("本报讯 3月5日，某县文化馆召开读书活动推进会，馆长张华出席会议并讲话，全馆职工参加了会议。\n"
            "张华要求，要提高思想认识，把读书活动抓紧抓实。" + PROSE + "\n"
            "张华强调，要创新活动形式，吸引更多读者参与。" + PROSE2 + "\n")
    assert headings(text) == ["要提高思想认识，把读书活动抓紧抓实", "要创新活动形式，吸引更多读者参与"]


def test_what_two_speakers_said_once_each_is_no_set_of_points() -> None:
    paras = ["本报讯 3月5日，某县文化馆召开读书活动推进会，全馆职工参加了会议。",
             "张华要求，要提高思想认识，把读书活动抓紧抓实。" + PROSE,
             "李明表示，要创新活动形式，吸引更多读者参与。" + PROSE2]
    assert _reported_points(paras) == []
    paras[2] = "张华指出，要创新活动形式，吸引更多读者参与。" + PROSE2
    assert [h.text for h in _reported_points(paras)] == [
        "要提高思想认识，把读书活动抓紧抓实", "要创新活动形式，吸引更多读者参与"]


# ---- statements of one frame saying what a thing is ---------------------------------------------

def test_statements_of_one_frame_saying_what_a_thing_is_head_their_paragraphs() -> None:
    text = ("观《平凡的岗位》有感\n" + PROSE + "\n有一种坚守是日夜不离，" + PROSE2
            + "\n有一种担当是挺身而出，" + PROSE + "\n")
    assert headings(text) == ["有一种坚守是日夜不离", "有一种担当是挺身而出"]


def test_a_frame_that_opens_other_paragraphs_too_is_the_subject_not_a_heading_frame() -> None:
    text = ("观《平凡的岗位》有感\n" + PROSE + "\n有一种坚守是日夜不离，" + PROSE2 + "\n有一种担当是挺身而出，" + PROSE
            + "\n有一种说法流传很广，人们都说平凡的岗位也能做出不平凡的事情，这句话我一直记在心里。\n")
    assert _defining_openers(["引子" + PROSE, "有一种坚守是日夜不离，" + PROSE2, "有一种担当是挺身而出，" + PROSE,
                              "有一种说法流传很广，" + PROSE2], set()) == []
    assert "有一种说法流传很广" not in headings(text)


# ---- the opening part's bare name, and 一 with a space on a heading's own line ------------------

def test_the_opening_parts_bare_name_heads_the_text_before_the_first_numbered_heading() -> None:
    text = "论读书的乐趣\n前言\n" + PROSE + "\n一、读书的意义\n" + PROSE2 + "\n二、读书的方法\n" + PROSE + "\n"
    [outline] = essays(text)
    assert outline.title == "论读书的乐趣"
    assert [s.heading for s in outline.sections] == ["前言", "读书的意义", "读书的方法"]


def test_a_number_and_a_space_on_a_line_of_its_own_heads_a_part() -> None:
    text = "论读书\n" + PROSE + "\n一 读书的意义\n" + PROSE2 + "\n二 读书的方法\n" + PROSE + "\n"
    assert headings(text) == ["读书的意义", "读书的方法"]


def test_a_number_and_a_space_before_a_sentence_heads_nothing() -> None:
    text = "论读书\n" + PROSE + "\n一 " + PROSE2 + "\n二 " + PROSE + "\n"
    assert headings(text) == []


# ---- a genre line among the headings of one essay starts no second essay -----------------------

def test_a_genre_line_after_a_heading_of_an_essay_titled_without_the_genre_is_a_heading() -> None:
    text = ("校园动态\n迎新周记\n" + PROSE + "\n有苦有乐有收获\n" + PROSE2 + "\n" + PROSE
            + "\n关于迎新，谈谈你的感悟\n" + PROSE2 + "\n" + PROSE + "\n")
    [outline] = essays(text)
    assert outline.title == "迎新周记"
    assert [s.heading for s in outline.sections] == ["有苦有乐有收获", "关于迎新，谈谈你的感悟"]


def test_a_genre_line_after_an_essay_titled_with_the_genre_starts_the_next_essay() -> None:
    text = ("迎新周的心得体会\n" + PROSE + "\n有苦有乐有收获\n" + PROSE2 + "\n" + PROSE
            + "\n参加迎新活动的心得体会\n" + PROSE2 + "\n" + PROSE + "\n")
    assert [o.title for o in essays(text)] == ["迎新周的心得体会", "参加迎新活动的心得体会"]


# ---- a magazine page's column name, title and byline run together ------------------------------

def test_a_title_glued_between_a_bilingual_column_name_and_a_byline_is_found() -> None:
    [outline] = essays("校园之声CampusVoice书香伴我成长，阅读点亮人生文/某某中学初二三班李明" + PROSE + PROSE2 + "\n")
    assert outline.title == "书香伴我成长，阅读点亮人生"
    assert outline.lead.paragraphs[0].startswith("文/某某中学")


def test_a_sentence_before_a_byline_mark_is_no_title() -> None:
    [outline] = essays("阅读让我成长。文/李明" + PROSE + "\n" + PROSE2 + "\n")
    assert outline.title == "t"


# ---- an essay in English takes its English title ------------------------------------------------

ENGLISH = ("During the study tour I visited three museums and talked with many students there, "
           "and I learnt a great deal about the history and the culture of the city we stayed in.")


def test_an_essay_in_english_before_its_chinese_version_has_its_english_title() -> None:
    text = ("My Study Tour to Xi'an\nSharing from Li Ming\n" + ENGLISH + "\n" + ENGLISH
            + "\n西安游学的心得体会\n" + PROSE + "\n" + PROSE2 + "\n")
    assert [o.title for o in essays(text)] == ["My Study Tour to Xi'an", "西安游学的心得体会"]


def test_an_english_line_over_chinese_prose_is_no_title() -> None:
    text = "My Study Tour\n" + PROSE + "\n" + PROSE2 + "\n西安游学的心得体会\n" + PROSE + "\n" + PROSE2 + "\n"
    assert essays(text)[0].title != "My Study Tour"


# ---- a statement put forward in the perfect -----------------------------------------------------

def test_a_statement_put_forward_in_the_perfect_is_a_quotation() -> None:
    quotes = [q.text for q in find_quotes("会上，县图书馆提出了“让每一本好书都找到它的读者”的目标，大家深受鼓舞。")]
    assert quotes == ["让每一本好书都找到它的读者"]


def test_a_short_term_put_forward_in_the_perfect_is_no_quotation() -> None:
    assert find_quotes("会上，县图书馆提出了“书香校园”的目标，大家深受鼓舞。") == []


# ---- short names of parts before a colon --------------------------------------------------------

def test_short_labels_of_one_length_before_a_colon_head_their_parts() -> None:
    text = ("观《山河岁月》有感\n" + PROSE + "\n启程：" + PROSE2 + "\n归来：" + PROSE + "\n")
    assert headings(text) == ["启程", "归来"]


def test_a_record_of_speakers_has_no_short_label_headings() -> None:
    assert _short_labels(["座谈会上大家踊跃发言。" + PROSE, "张华：我觉得" + PROSE2, "李明：" + PROSE], set()) == []
    assert _short_labels(["访谈实录。" + PROSE, "记者：" + PROSE2, "李明：" + PROSE], set()) == []
    assert _short_labels(["讨论。" + PROSE, "张华：" + PROSE2, "张华：" + PROSE], set()) == []


def test_a_figures_caption_heads_no_part() -> None:
    """A real page (held_out_11, p468) with two photos captioned on lines of their own: 图1. 《我和我的祖国》放映现场
    and 图2. … read as a set of headings."""
    from pathlib import Path

    from xindegen.parse.decompose import parse_text

    page = Path(__file__).parent / "realpages" / "p468.txt"
    outline = parse_text(page.read_text(encoding="utf-8"))[0]
    assert not any(s.heading and s.heading.startswith("图") for s in outline.sections)


def test_a_short_first_line_is_the_title_not_the_long_sentence_after_it() -> None:
    """A real page (held_out_11, p460) opens 培训留给了我们什么 / 我们每个人都参加过培训,有的人…吧! — the second line,
    a sentence of three clauses, was taken for the title."""
    from pathlib import Path

    from xindegen.parse.decompose import parse_text

    page = Path(__file__).parent / "realpages" / "p460.txt"
    assert parse_text(page.read_text(encoding="utf-8"))[0].title == "培训留给了我们什么"
