"""The general mechanisms of issue 19's ninth parser round (the misses of held_out_7 and held_out_8
grouped by kind), each on a small text of our own in the layout it covers."""

from __future__ import annotations

from xindegen.model import Outline
from xindegen.parse.decompose import parse_text
from xindegen.parse.ingest import Block
from xindegen.parse.split import _marker_hits
from xindegen.parse.structure import _colon_openers, _own_lines, find_quotes

PROSE = ("这次学习让我收获很多，我把书里的道理和自己的工作一一对照，找到了不少差距，也明白了今后努力的方向，"
         "决心在今后的日子里继续认真学习、踏实工作。")
PROSE2 = ("回到岗位以后，我把学到的方法用在日常工作中，遇到难题就翻开笔记再想一想，慢慢地，工作越做越顺手，"
          "同事们也说我的变化很大。")


def essays(text: str) -> list[Outline]:
    return parse_text(text, "t.txt")


def one(text: str) -> Outline:
    [outline] = essays(text)
    return outline


def headings(text: str) -> list[str]:
    return [s.heading for o in essays(text) for s in o.sections if s.heading]


def quoted(text: str) -> list[str]:
    return [q.text for q in find_quotes(text)]


# ---- titles ----------------------------------------------------------------------------------

def test_a_readers_page_counter_is_no_part_of_the_title() -> None:
    assert one(f"读《平凡的世界》有感（1 / 1）\n{PROSE}\n{PROSE2}").title == "读《平凡的世界》有感"


def test_a_spaced_menu_bar_is_no_title() -> None:
    text = f"首 页 机构概况 新闻动态 党建工作 服务指南 学习园地\n王明：读书伴我成长\n{PROSE}\n{PROSE2}"
    assert one(text).title == "王明：读书伴我成长"


def test_a_box_drawing_dash_line_is_a_subtitle_not_the_title() -> None:
    text = f"学思践悟 笃行致远\n──第三期青年干部培训班学习总结\n{PROSE}\n{PROSE2}"
    outline = one(text)
    assert outline.title == "学思践悟 笃行致远"
    assert outline.subtitle == "——第三期青年干部培训班学习总结"


def test_a_genre_category_before_the_bar_is_no_title() -> None:
    assert one(f"读后感作文|那个夏天，我读懂了父亲的沉默\n{PROSE}\n{PROSE2}").title == "那个夏天，我读懂了父亲的沉默"


def test_captions_shown_twice_and_alike_lose_to_the_title_over_them() -> None:
    captions = "\n".join(f"{c}\n{c}" for c in ("学习笔记 1—课堂上的讨论记录", "学习笔记 2—小组交流的要点整理",
                                                 "参观展馆", "座谈交流"))
    text = f"暑期社会实践活动心得体会\n{captions}\n{PROSE}\n{PROSE2}"
    assert one(text).title == "暑期社会实践活动心得体会"


def test_a_teaser_over_the_text_is_dropped() -> None:
    text = f"导读:读《红岩》有感{PROSE[:60]}...\n读《红岩》有感\n{PROSE}\n{PROSE2}"
    outline = one(text)
    assert outline.title == "读《红岩》有感"
    assert outline.lead.paragraphs[0] == PROSE


def test_a_forms_title_field_names_the_title() -> None:
    text = (f"学校名称： 第一中学\n作  者： 李明\n参赛标题： 平凡中的光\n书籍作者： 路遥\n出版年月： 2012年3月\n"
            f"版  次： 一版一刷\n{PROSE}\n{PROSE2}")
    assert one(text).title == "平凡中的光"


def test_an_image_placeholder_is_no_title() -> None:
    assert one(f"好书推荐\n教育的温度\n说明图片\n{PROSE}\n{PROSE2}").title == "教育的温度"


def test_a_table_of_contents_line_of_essay_markers_starts_no_essay() -> None:
    blocks = [Block("第1篇暑期实践心得体会 第2篇大学生暑期实践心得体会 第3篇暑期社会实践心得体会"),
              Block("第1篇 暑期实践心得体会"), Block(PROSE), Block("第2篇 大学生暑期实践心得体会"), Block(PROSE2)]
    assert [hit.block for hit in _marker_hits(blocks)] == [1, 3]


def test_a_list_of_dated_posts_holds_one_essay_a_post() -> None:
    text = (f"清晨\n\nMarch 3, 2012 0\n{PROSE}\n\n我的同桌\n\nMarch 5, 2012 2\n{PROSE2}\n\n"
            f"雨后\n\nMarch 9, 2012 1\n{PROSE}")
    assert [o.title for o in essays(text)] == ["清晨", "我的同桌", "雨后"]


def test_a_line_naming_the_genre_among_part_headings_starts_no_essay() -> None:
    text = (f"读书心得写作指南\n{PROSE}\n什么是读书心得？\n{PROSE2}\n如何准备写读书心得\n{PROSE}\n"
            f"写作步骤详解\n{PROSE2}\n写作技巧与建议\n{PROSE}")
    [outline] = essays(text)
    assert [s.heading for s in outline.sections] == [
        "什么是读书心得？", "如何准备写读书心得", "写作步骤详解", "写作技巧与建议"]


# ---- headings --------------------------------------------------------------------------------

def test_a_bullet_font_separator_numbers_a_heading() -> None:
    text = f"读书报告\n一●内容简介：\n{PROSE}\n二●我的观点：\n{PROSE2}"
    assert headings(text) == ["内容简介", "我的观点"]


def test_a_heading_line_with_a_colon_is_the_heading_whole() -> None:
    paras = [PROSE, "理论学习：深刻领悟 做好新时代的大文章", PROSE2,
             "现场教学：产业兴旺要靠特色 发展要有长远眼光", PROSE]
    assert [h.text for h in _colon_openers(paras, set())] == [paras[1], paras[3]]
    paras[1] = "理论学习：当前，我们已进入新阶段，工作"  # a paragraph cut off after clauses keeps its cut
    assert [h.text for h in _colon_openers(paras, set())] == ["理论学习", paras[3]]


def test_a_ranked_point_that_introduces_its_list_is_the_words_before_the_colon() -> None:
    text = (f"安全培训心得\n{PROSE}首先，作为一名职工，我们要做到三懂：懂得预防，懂得扑救，懂得逃生。{PROSE2}\n"
            f"其次，作为家庭成员，我们要注意家中的用电安全。{PROSE}")
    assert headings(text) == ["作为一名职工，我们要做到三懂", "作为家庭成员，我们要注意家中的用电安全"]


def test_a_label_at_the_end_of_a_line_heads_the_paragraph_under_it() -> None:
    text = f"好书推荐\n（由实习生撰写） 【引言】\n{PROSE}\n【心得】{PROSE2}"
    assert headings(text) == ["引言", "心得"]


def test_two_short_lines_of_a_blogs_clauses_are_no_headings() -> None:
    text = (f"看电影有感\n{PROSE}\n等了好久的这部电影，看完以后，怎么说呢……\n{PROSE2}\n"
            f"前面的剧情很不错，越到后面越赶，就这样结束了？\n{PROSE}")
    assert headings(text) == []


def test_a_lone_genre_line_numbered_as_one_essay_of_a_set_is_no_heading() -> None:
    paras = ["下文是参观展馆心得体会的范文，供大家参考。", "参观展馆心得体会一", PROSE, PROSE2, PROSE[:30]]
    assert _own_lines(paras, cut=True) == []
    paras[1] = "走进展馆"
    assert [h.text for h in _own_lines(paras, cut=True)] == ["走进展馆"]


def test_a_label_line_before_the_text_joins_the_labels_of_its_length() -> None:
    text = f"为青年溯源\n——谈一部剧的历史逻辑\n嘉宾介绍\n{PROSE}\n话题缘起\n{PROSE2}\n主题思想\n{PROSE}"
    assert headings(text) == ["嘉宾介绍", "话题缘起", "主题思想"]


def test_a_numbered_list_of_items_is_no_set_of_headings() -> None:
    items = "\n".join(f"{n}、{w}的而非{v}的；" for n, w, v in (("一", "自觉", "盲从"), ("二", "进步", "保守"),
                                                          ("三", "进取", "退缩")))
    text = f"观后感\n{PROSE}\n{PROSE2}\n最后写下书中对青年的标准：\n{items}\n四、实干的而非空谈的。"
    assert headings(text) == []


def test_a_markdown_heading_inside_a_line_starts_a_paragraph() -> None:
    text = f"观后感\n{PROSE}#### **思考**：{PROSE2}"
    outline = one(text)
    assert any(p.startswith("####") for s in outline.sections for p in [s.heading or "", *s.paragraphs]) \
        or any(p.startswith("####") for p in outline.lead.paragraphs)


# ---- quotations ------------------------------------------------------------------------------

def test_quotations_named_after_as_written_words_or_a_praised_tradition() -> None:
    assert quoted("翻开书的扉页，有一行“用青春书写无悔的答卷”的文字，让我久久难忘。") == ["用青春书写无悔的答卷"]
    assert quoted("他们用行动诠释了中华民族“守望相助共克时艰”的优良传统。") == ["守望相助共克时艰"]
    assert quoted("“两个务必”的光荣传统要代代相传。") == []  # a term takes praise too


def test_a_saying_addressed_to_any_group() -> None:
    assert quoted("老师最后提醒学员们“戒骄戒躁不要自满”，大家深受触动。") == ["戒骄戒躁不要自满"]


def test_sayings_in_a_row_set_off_by_commas() -> None:
    text = "这样的故事警醒世人，“骄兵必败”，“千里之堤溃于蚁穴”，“乐极生悲”，人生要时时自省。"
    assert quoted(text) == ["骄兵必败", "千里之堤溃于蚁穴", "乐极生悲"]
    assert quoted("我们要落实“双减”、“三农”、“五育”等政策。") == []


def test_single_marks_outside_double_ones_and_english_after_a_colon() -> None:
    text = "我记得片中那句‘我是我自己，不必成为别人’，也记得“你怎么样就怎么样”的眼光。"
    assert "我是我自己，不必成为别人" in quoted(text)
    assert quoted("互助会的标语：“I am fine, and that is good.”，让我笑了。") == ["I am fine, and that is good."]
