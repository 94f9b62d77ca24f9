"""The parser on real pages from other sites (tests/realpages; scores in bench/bench_realpages.py).

Behaviour checks here use pages of the tuning sets only (tune, and held_out_1 once it was scored);
the held-out set is only parsed to show that no page makes the parser fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from xindegen.model import Outline
from xindegen.parse.decompose import parse_file
from xindegen.parse.script import is_traditional, strip_pinyin, to_simplified

from .conftest import SEEDS

PAGES = Path(__file__).parent / "realpages"
pytestmark = pytest.mark.skipif(not PAGES.is_dir(), reason="the real pages are not part of the sdist")


def _split() -> dict[str, list[str]]:
    return yaml.safe_load((PAGES / "split.yaml").read_text(encoding="utf-8")) if PAGES.is_dir() else {}


def page(name: str) -> list[Outline]:
    split = _split()
    assert name in split["tune"] + split["held_out_1"], "behaviour tests use tuning pages only"
    return parse_file(PAGES / name)


def texts(outline: Outline) -> str:
    parts = [outline.title, outline.subtitle or "", *outline.lead.paragraphs]
    for s in outline.sections:
        parts += [s.heading or "", *s.paragraphs]
    return "\n".join(parts + outline.closing.paragraphs)


def test_every_page_is_labelled_once_and_in_one_set_the_bench_knows() -> None:
    labels = yaml.safe_load((PAGES / "labels.yaml").read_text(encoding="utf-8"))["pages"]
    labelled = [entry["file"] for entry in labels]
    files = sorted(p.name for p in PAGES.glob("p*.txt"))
    assert sorted(labelled) == files
    split = _split()
    in_sets = [f for names in split.values() for f in names]
    assert sorted(in_sets) == files  # every page in exactly one set
    bench = (PAGES.parents[1] / "bench" / "bench_realpages.py").read_text(encoding="utf-8")
    assert all(f'"{name}"' in bench for name in split)
    hosts = [entry["url"].split("/")[2].removeprefix("www.").removeprefix("m.") for entry in labels]
    assert len(set(hosts)) == len(hosts)  # one page a site


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.glob("p*.txt")) if PAGES.is_dir() else [])
def test_every_page_parses(name: str) -> None:
    outlines = parse_file(PAGES / name)
    assert outlines and all(o.title for o in outlines)


# ---- script: pinyin and traditional characters ---------------------------------------------------

def test_pinyin_after_characters_is_removed_and_other_brackets_stay() -> None:
    text, n = strip_pinyin("寫(xiě)出的心得會(huì )有數(shù)字信號處理(digital signal processing)（一）")
    assert n == 3
    assert text == "寫出的心得會有數字信號處理(digital signal processing)（一）"


def test_traditional_page_is_read_in_simplified_and_meta_says_so() -> None:
    raw = (PAGES / "p49.txt").read_text(encoding="utf-8")
    assert is_traditional(raw)
    essays = page("p49.txt")
    assert essays[0].title == "《长津湖》观后感"
    body = texts(essays[0])
    assert "(" not in body and "（cháng）" not in body and "长津湖" in body and "長" not in body
    assert essays[0].meta["converted"][-1] == "繁体字转为简体字"
    assert any("拼音" in note for note in essays[0].meta["converted"])


def test_simplified_text_is_left_alone() -> None:
    seed = (SEEDS / "000_b8ded8fac696b6d5.txt").read_text(encoding="utf-8")
    assert not is_traditional(seed)
    assert all("converted" not in o.meta for o in parse_file(SEEDS / "000_b8ded8fac696b6d5.txt"))


def test_phrases_convert_as_phrases() -> None:
    assert to_simplified("乾坤 乾淨 「學而時習之」") == "乾坤 干净 “学而时习之”"


# ---- titles ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "title", "subtitle"), [
    ("p01.txt", "心得体会的文体和方法", None),  # X篇一 on a line of its own
    ("p04.txt", "持之以恒", "——八闽学生骨干学习心得"),  # glued behind the document's name in a preview
    ("p14.txt", "2023年主题教育动员部署会议上的讲话发言", None),  # glued twice before the text
    ("p15.txt", "2023-2024年度大学入党积极分子校党课培训心得", None),  # twice, around a view counter
    ("p22.txt", "塌方的反思", None),  # 塌方的反思>警示教育片觀后感!!!
    ("p31.txt", "党的盛会精神学习体会", None),  # no title line; 本文标题： at the bottom
    ("p32.txt", "学习党的二十大精神的八种方法", None),  # before 关闭本页 打印 and the author
    ("p35.txt", "我的读书心得", "——快乐、高效、有收获"),  # behind a category: 读书|
    ("p52.txt", "军训心得", None),  # a bullet line between the breadcrumb and the date
])
def test_title_is_found_among_page_chrome(name: str, title: str, subtitle: str | None) -> None:
    [essay] = page(name)
    assert (essay.title, essay.subtitle) == (title, subtitle)
    first = essay.lead.paragraphs[0] if essay.lead.paragraphs else ""
    assert not first.startswith(title)  # a glued title is cut off the text


def test_title_repeated_after_the_first_paragraph_is_no_new_essay() -> None:
    [essay] = page("p59.txt")
    assert essay.title == "实习感言：另一种生活"
    assert "实习感言：另一种生活" not in texts(essay).split("\n", 1)[1]


def test_titles_lose_the_decorations_sites_add() -> None:
    essays = page("p29.txt")
    assert essays[0].title == "最热传承章的争章心得"  # (通用16篇)篇一
    assert [o.title for o in page("p49.txt")] == ["《长津湖》观后感"]  # (通用5篇) … 篇1, pinyin


# ---- headings ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "headings"), [
    # paragraph openers 首先，…。 其次，…。
    ("p01.txt", ["心得体会是锻炼思考能力的有效途径", "心得体会可以帮助我们不断成长和进步"]),
    # short run-in headings of one frame: 原原本本学。 逐字逐句学。
    ("p32.txt", ["原原本本学", "逐字逐句学"]),
    # 一、 on their own lines, with 第一，/第二， paragraphs under them
    ("p35.txt", ["为了应对考试", "为了提高修养"]),
    # 一方面…。另一方面…。 inside one long paragraph
    ("p55.txt", ["应明确学习目的，主动向领导学习", "应提高整合能力，虚心向同事学习"]),
    # a preview page: 一、 glued to the body, which restates the heading's term
    ("p12.txt", ["坚持问题导向是马克思主义的鲜明特质"]),
    # frame headings with quoted key words inside preview-glued text
    ("p14.txt", ["紧扣学习“原味”，创新形式载体让主题教育亮起来", "突出调研“鲜味”，贴近群众身边让主题教育活起来",
                 "保持实干“土味”，立足为民服务让主题教育实起来"]),
])
def test_headings_in_every_layout(name: str, headings: list[str]) -> None:
    essays = page(name)
    assert [s.heading for o in essays for s in o.sections if s.heading] == headings


def test_run_in_heading_leaves_its_body_in_the_section() -> None:
    [essay] = page("p12.txt")
    assert essay.sections[0].paragraphs[0].startswith("马克思主义具有深刻的实践属性")
    [essay] = page("p01.txt")
    assert essay.sections[0].paragraphs[0].startswith("以前，我总是抱着")


# ---- quotations --------------------------------------------------------------------------------

def quotes_of(name: str) -> list[str]:
    return [q.text for o in page(name) for q in o.all_quotes()]


def test_quotation_marks_that_face_the_wrong_way_are_turned() -> None:
    got = quotes_of("p04.txt")  # 说的好：”冰冻三尺…之功。其实…  and  不需要”三天打鱼，两天晒网”的
    assert "冰冻三尺非一日之寒，滴水穿石非一日之功" in got and "三天打鱼，两天晒网" in got
    got = quotes_of("p12.txt")  # 强调，”要教育引导…导向”“把问题整改贯穿主题教育始终”
    assert got[:2] == ["要教育引导各级党组织和广大党员、干部突出问题导向", "把问题整改贯穿主题教育始终"]


def test_quotation_holding_a_quoted_term_is_one_quotation() -> None:
    got = quotes_of("p31.txt")
    assert got[0].startswith("要自觉讲政治，对“国之大者”要心中有数") and got[0].endswith("坚定维护的立场")
    assert "建设全民终身学习的学习型社会、学习型大国" in got  # 强调要“…”


def test_quotations_in_a_series_and_named_after_the_marks() -> None:
    assert {"枪杆子里面出政权", "群众是真正英雄"} <= set(quotes_of("p37.txt"))  # 提出的“…”、“…”等思想
    assert "知识就是力量" in quotes_of("p01.txt")  # 抱着“知识就是力量”的观念


def test_corner_brackets_of_traditional_pages_are_quotation_marks() -> None:
    assert quotes_of("p43.txt") == ["砍头不要紧，只有主义真。杀了夏明翰，还有后来人", "述往以为来者师也，经世之大略"]


def test_lead_quotations_and_epigraph_are_indexed() -> None:
    [essay] = page("p53.txt")
    assert [q.text for q in essay.lead.quotes] == ["一分耕耘，一分收获"]
    [essay] = page("p06.txt")
    assert essay.lead.quote is not None and essay.lead.quote.text == "亦余心之所善兮，虽九死其犹未悔"


# ---- names left blank --------------------------------------------------------------------------

def test_blanks_for_names_stay_in_the_text_and_meta_lists_them() -> None:
    [essay] = page("p28.txt")  # 一、__市民存在的社会公德问题
    assert essay.sections[0].heading == "__市民存在的社会公德问题"
    assert essay.meta["placeholders"] == ["__"]
    assert page("p16.txt")[0].meta["placeholders"] == ["XX"]  # 我参加了XX区委统战部组织的…
    assert "placeholders" not in page("p01.txt")[0].meta


def test_underscores_in_a_title_are_a_blank_not_a_site_separator() -> None:
    from xindegen.parse.decompose import parse_text

    text = ("关于__市社会公德建设的调研心得\n"
            "近日，我随调研组走访了__市的五个社区，同XX街道的干部群众座谈，对这项工作有了新的认识，也看到了差距。\n"
            "调研中我们发现，市民的环境卫生意识普遍增强，但在公共场所的文明习惯上还有不少短板，需要持续用力。\n")
    [essay] = parse_text(text, "blank.txt")
    assert essay.title == "关于__市社会公德建设的调研心得"
    assert essay.meta["placeholders"] == ["XX", "__"]


# ---- layouts the issue names, in our own words ----------------------------------------------------

def test_title_and_first_heading_on_one_line() -> None:
    from xindegen.parse.decompose import parse_text

    text = ("干部作风建设学习心得体会 一、提高思想认识。这次集中学习安排紧凑，我对作风建设的重要性有了更深的体会，"
            "认识到作风问题无小事。\n"
            "二、改进工作方法。工作中要多到一线去，把情况摸清楚，再拿出切实可行的办法，不能坐在办公室里想当然。\n")
    [essay] = parse_text(text, "same-line.txt")
    assert essay.title == "干部作风建设学习心得体会"
    assert [s.heading for s in essay.sections] == ["提高思想认识", "改进工作方法"]


@pytest.mark.parametrize(("line", "title"), [
    ("学习心得守住初心 干在实处", "守住初心 干在实处"),  # a category glued before the title
    ("《长津湖》观后感800字", "《长津湖》观后感"),
    ("榜样观后感100", "榜样观后感"),
    ("心得体会的文体和方法", "心得体会的文体和方法"),  # no category: the genre word is the title's own
])
def test_category_and_word_count_leave_the_title(line: str, title: str) -> None:
    from xindegen.parse.decompose import parse_text

    body = "近日，我们组织全体党员集中观看了这部片子，大家深受教育，纷纷表示要把这份感动化为做好本职工作的动力。"
    [essay] = parse_text(f"{line}\n{body}\n{body}\n", "t.txt")
    assert essay.title == title


def test_a_line_of_marks_only_is_dropped() -> None:
    from xindegen.parse.decompose import parse_text

    text = ("勿以恶小\n他说：“勿以善小而不为，勿以恶小而为之。\n”\n"
            "这句话告诫我们，小事上也要守住底线，防微杜渐，才能行稳致远。\n")
    [essay] = parse_text(text, "marks.txt")
    assert "”" not in essay.lead.paragraphs + [p for s in essay.sections for p in s.paragraphs]
    assert [q.text for q in essay.all_quotes()] == ["勿以善小而不为，勿以恶小而为之"]
