"""The parser: seeds, every kind of input noise, encodings, .docx, CLI and a property test."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from xindegen.cli import main
from xindegen.errors import InputError
from xindegen.model import Outline
from xindegen.outline_io import dumps_outline, load_outline, loads_outlines
from xindegen.parse.clean import restore_punctuation
from xindegen.parse.decompose import parse_file, parse_text
from xindegen.render.text import render_text

from . import parse_fixtures as F
from .conftest import ROOT, SAMPLE, SEEDS

SEED0 = SEEDS / "000_b8ded8fac696b6d5.txt"
SEED4 = next(SEEDS.glob("004_*.txt"))
OUTLINES = ROOT / "outlines"


def texts(outline: Outline) -> list[str]:
    """Every piece of text of an outline, headings included."""
    out = [outline.title, outline.subtitle or "", *outline.lead.paragraphs]
    for s in outline.sections:
        out += [s.heading or "", *s.paragraphs]
    return out + outline.closing.paragraphs


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


# ---- the seeds --------------------------------------------------------------------------------

def test_seed_000_titles_truncation_and_noise() -> None:
    essays = parse_file(SEED0)
    assert [o.title for o in essays] == [
        "杜绝“乱加码”共享“幸福年”", "层层加码“要不得”", "让“就地过节”和“回家过年”都有温度"]
    assert [o.meta.get("truncated", False) for o in essays] == [False, False, True]
    assert essays[0].meta["collection"] == "2021春节期间疫情防控“层层加码”懒政心得感悟"
    assert [o.meta["essay"] for o in essays] == [1, 2, 3]
    assert {o.meta["essays"] for o in essays} == {3}
    assert essays[0].meta["encoding"] == "utf-8"
    body = "\n".join(t for o in essays for t in texts(o))
    for noise in ("配套讲稿", "关 键 词", "特殊限制", "三一办公", "data:image", "由会员分享", "篇二", ".doc"):
        assert noise not in body
    assert not re.search(r"\d、", body)  # no page marker survives
    # page cuts are rejoined inside words
    assert "为了让群众留下来" in body and "实事求是精准防控" in body and "以何种方式团聚" in body
    # the closing of the first essay steps back with 我们深信
    assert essays[0].closing.paragraphs[0].startswith("我们深信")


def test_seed_000_headings_and_quotations() -> None:
    second = parse_file(SEED0)[1]
    assert [s.heading for s in second.sections] == [
        "把好方向，抓住关键少数“不走偏”", "主动作为，克服本领恐慌“不走空”", "及时纠偏，坚持问题导向“不走样”"]
    assert [s.tag for s in second.sections] == ["不走偏", "不走空", "不走样"]
    quotes = [q for s in second.sections for q in s.quotes]
    assert [q.text for q in quotes[:2]] == ["举网以纲，千目皆张", "政治路线确定之后，干部就是决定的因素"]
    assert quotes[2].text.startswith("我们队伍里边有一种恐慌") and quotes[2].text.endswith("本领恐慌！")
    assert quotes[2].source == "毛泽东同志"
    assert len(quotes) == 3
    # heading sentences are removed from the paragraphs they opened
    assert second.sections[0].paragraphs[0].startswith("“举网以纲")
    all_quotes = [q.text for o in parse_file(SEED0) for q in o.all_quotes()]
    for term in ("方便", "一刀切", "层层加码", "关键少数", "主心骨", "怪圈", "就地过年"):
        assert term not in all_quotes


def test_seed_004_collection() -> None:
    essays = parse_file(SEED4)
    assert len(essays) == 3
    assert essays[0].meta["collection"] == "2020整治疫情防控中形式主义官僚主义心得"
    assert {o.title for o in essays} == {"整治疫情防控中的形式主义官僚主义心得"}
    assert [s.heading for s in essays[1].sections] == ["发挥党员作用，转化工作优势", "警惕形式主义，破除防控阻碍"]
    first = essays[0]
    assert all(s.heading is None for s in first.sections)
    assert [s.paragraphs[0][:4] for s in first.sections][1] == "究其原因"
    body = "\n".join(t for o in essays for t in texts(o))
    for noise in ("推荐访问", "上一篇", "下一篇", "Copyright", "版权所有", "来源", "点击", "3篇"):
        assert noise not in body
    assert not any(o.meta.get("truncated") for o in essays)
    quote = essays[2].sections[0].quotes[0]
    assert quote.text.startswith("走访花了6小时") and quote.source and "别让形式主义" in quote.source


@pytest.mark.parametrize("seed", [SEED0, SEED4], ids=["000", "004"])
def test_outlines_dir_matches_the_parser(seed: Path) -> None:
    """outlines/<stem>-NN.yaml were produced by the parser (and read by eye); regenerate them."""
    essays = parse_file(seed)
    stored = sorted(OUTLINES.glob(f"{seed.stem}-*.yaml"))
    assert [p.name for p in stored] == [f"{seed.stem}-{i:02d}.yaml" for i in range(1, len(essays) + 1)]
    for outline, path in zip(essays, stored, strict=True):
        assert dumps_outline(outline) == path.read_text(encoding="utf-8")
        assert load_outline(path).title == outline.title  # and they validate


# ---- noise -------------------------------------------------------------------------------------

def test_ascii_punctuation_is_restored_only_inside_chinese() -> None:
    assert restore_punctuation("我们要学习,要思考:怎样做?做到(知行合一)!") == \
        "我们要学习，要思考：怎样做？做到（知行合一）！"
    for ascii_text in ("Hello, world: it works!", "10:30 开会", "共 1,000 人", "f(x) = 1"):
        assert restore_punctuation(ascii_text) == ascii_text


def test_boilerplate_lines_are_dropped() -> None:
    [essay] = parse_text(F.BOILERPLATE, "page.txt")
    assert essay.title == "守住初心 干在实处"
    body = "\n".join(texts(essay))
    for noise in ("来源", "发布时间", "点击", "推荐访问", "上一篇", "下一篇", "Copyright", "版权所有",
                  "<image", "data:image", "第1页", "范文网"):
        assert noise not in body
    assert "思想上受到了很大触动！" in body
    assert "为了谁、依靠谁、我是谁？" in body and "（这是我这次学习最大的收获）" in body


def test_preview_pages_rejoin_mid_word_and_tail_is_dropped() -> None:
    [essay] = parse_text(F.PREVIEW, "preview.txt")
    assert essay.title == "勤学善思 笃行不怠"
    body = "".join(texts(essay)[1:])
    assert "今后努力的方向。我将继续" in body
    assert not re.search(r"\d、", body)
    assert "配套讲稿" not in body and "关 键 词" not in body and "笃行\n" not in body
    assert body.endswith("做出不平凡的成绩。")
    assert "truncated" not in essay.meta


def test_paywall_marks_truncation() -> None:
    [essay] = parse_text(F.PAYWALL, "paywall.txt")
    assert essay.meta["truncated"] is True
    assert "仅展示" not in "".join(texts(essay))


def test_paragraphs_glued_with_single_spaces_are_split() -> None:
    text = ("春风化雨 润物无声\n"
            "这学期我担任了班主任，和学生们一起度过了许多难忘的日子。 "
            "刚开始时，我总担心管不住学生，后来才明白，尊重和信任比批评更有力量。 "
            "今后我会继续用心陪伴每一个孩子，做他们成长路上的引路人。")
    [essay] = parse_text(text, "glued.txt")
    paragraphs = essay.body_paragraphs()
    assert len(paragraphs) == 3
    assert paragraphs[1].startswith("刚开始时")


COLLECTIONS = {
    "篇一": "读书心得（精选2篇）\n篇一：书香伴我成长\n{a}\n篇二：在阅读中遇见更好的自己\n{b}\n",
    "篇1": "读书心得合集\n篇1\n书香伴我成长\n{a}\n篇2\n在阅读中遇见更好的自己\n{b}\n",
    "第一篇": "读书心得范文\n第一篇：书香伴我成长\n{a}\n第二篇：在阅读中遇见更好的自己\n{b}\n",
    "范文一": "读书心得汇编\n范文一\n书香伴我成长\n{a}\n范文二\n在阅读中遇见更好的自己\n{b}\n",
}
ESSAY_A = ("假期里我读完了三本书，每一本都让我有新的收获。读书让我学会了安静下来思考问题，"
           "也让我明白了坚持的意义。")
ESSAY_B = ("以前我总觉得读书是一件苦差事，现在却离不开它了。每天睡前读上半小时，"
           "已经成了我雷打不动的习惯。")


@pytest.mark.parametrize("kind", list(COLLECTIONS))
def test_collections_split_into_essays(kind: str) -> None:
    essays = parse_text(COLLECTIONS[kind].format(a=ESSAY_A, b=ESSAY_B), "c.txt")
    assert [o.title for o in essays] == ["书香伴我成长", "在阅读中遇见更好的自己"]
    assert essays[0].meta["collection"] == COLLECTIONS[kind].splitlines()[0]
    assert essays[0].body_paragraphs() == [ESSAY_A] and essays[1].body_paragraphs() == [ESSAY_B]
    assert [o.meta["essays"] for o in essays] == [2, 2]


def test_repeated_title_line_splits_a_collection() -> None:
    text = f"读书心得两篇\n读书心得\n{ESSAY_A}\n{ESSAY_B}\n读书心得\n{ESSAY_B}\n"
    essays = parse_text(text, "r.txt")
    assert len(essays) == 2
    assert [o.title for o in essays] == ["读书心得", "读书心得"]
    assert essays[1].body_paragraphs() == [ESSAY_B]


def test_one_essay_gives_one_outline_without_collection() -> None:
    [essay] = parse_text(F.HEADED, "one.txt")
    assert essay.meta["collection"] is None and essay.meta["essays"] == 1


# ---- structure ---------------------------------------------------------------------------------

def test_parallel_heading_sentences_open_sections() -> None:
    [essay] = parse_text(F.HEADED, "headed.txt")
    assert essay.title == "学以致用 知行合一"
    assert essay.lead.paragraphs[0].startswith("近日")
    assert [s.heading for s in essay.sections] == ["学深悟透，筑牢思想之基", "知行合一，练就过硬本领",
                                                   "真抓实干，彰显担当作为"]
    assert essay.sections[0].paragraphs[0].startswith("《论语》中讲")
    assert essay.closing.paragraphs[0].startswith("总之")
    assert essay.sections[0].quotes[0].text == "学而不思则罔，思而不学则殆"
    assert essay.sections[0].quotes[0].source == "《论语》"
    assert essay.sections[1].quotes[0].source == "陆游"
    assert essay.sections[2].quotes == []  # “走过场” is a term, not a quotation


def test_lone_slogan_sentence_is_not_a_heading() -> None:
    text = ("立足岗位 做好服务\n"
            "今年我被调到窗口岗位，每天要接待几十位办事群众，工作虽然琐碎，却很有意义。\n"
            "细节决定成败。有一次，一位老人因为少带了一份材料白跑了一趟，我很过意不去，"
            "后来就把所需材料做成清单贴在窗口，方便大家提前准备。\n"
            "我会继续从群众的角度想问题，把每一件小事办好，让群众少跑腿、好办事。")
    [essay] = parse_text(text, "lone.txt")
    assert all(s.heading is None for s in essay.sections)
    assert any(p.startswith("细节决定成败。") for p in essay.body_paragraphs())


def test_numbered_headings_two_levels() -> None:
    [essay] = parse_text(F.NUMBERED, "numbered.txt")
    assert [s.heading for s in essay.sections] == ["提高思想认识", "改进工作方法", "增强责任意识"]
    assert essay.sections[0].paragraphs[0] == "（一）认识学习的重要性"
    assert essay.lead.paragraphs == ["这次培训内容丰富、形式多样，我结合自身工作谈几点体会。"]


@pytest.mark.parametrize("marks", [("1.", "2.", "3."), ("(1)", "(2)", "(3)"), ("（一）", "（二）", "（三）")])
def test_numbered_heading_sentences_opening_paragraphs(marks: tuple[str, str, str]) -> None:
    heads = ["加强学习，提高素质", "深入调研，摸清实情", "狠抓落实，务求实效"]
    body = "".join(f"{m}{h}。这方面我还有不少差距，今后要对照要求认真改进，做到心中有数、手上有招。\n"
                   for m, h in zip(marks, heads, strict=True))
    [essay] = parse_text(f"我的几点体会\n结合这段时间的工作，我谈三点体会。\n{body}", "n.txt")
    assert [s.heading for s in essay.sections] == heads
    assert essay.sections[0].paragraphs[0].startswith("这方面")


def test_headings_on_their_own_lines() -> None:
    text = ("守护一方平安\n"
            "参加工作三年来，我在社区的岗位上经历了许多，也成长了许多，借这个机会谈谈体会。\n"
            "心中装着群众\n"
            "群众的事再小也是大事。每次入户走访，我都把听到的问题记下来，能当场办的当场办，办不了的及时上报。\n"
            "手上练好本领\n"
            "社区工作千头万绪，没有过硬的本领就应付不过来。我利用业余时间学习法律知识和调解技巧，处理纠纷更有底气了。\n")
    [essay] = parse_text(text, "own.txt")
    assert [s.heading for s in essay.sections] == ["心中装着群众", "手上练好本领"]
    assert essay.sections[1].paragraphs[0].startswith("社区工作")


def test_essay_without_headings_splits_at_turns() -> None:
    [essay] = parse_text(F.TURNS, "turns.txt")
    assert all(s.heading is None for s in essay.sections)
    assert [s.paragraphs[0][:4] for s in essay.sections] == ["有的单位", "究其原因", "其次，部"]
    assert essay.closing.paragraphs[0].startswith("让我们")


def test_one_two_three_is_shi_split_sections() -> None:
    [essay] = parse_text(F.ONE_TWO_THREE, "shi.txt")
    assert [s.paragraphs[0][:2] for s in essay.sections] == ["一是", "二是", "三是"]
    assert essay.closing.paragraphs == []


def test_quotation_sources() -> None:
    [essay] = parse_text(F.QUOTES, "q.txt")
    quotes = essay.all_quotes()
    assert [(q.text, q.source) for q in quotes] == [
        ("世界上怕就怕‘认真’二字，共产党就最讲认真", "毛泽东同志"),
        ("业精于勤，荒于嬉；行成于思，毁于随", "古人"),
        ("欲胜人者，必先自胜", "《吕氏春秋》"),
    ]


def test_lead_quote_and_subtitle() -> None:
    text = ("以学铸魂 以学促干——参加青年干部培训班心得体会\n"
            "“千里之行，始于足下。”这是《老子》中的名句，也是我参加这次培训最深的感受。\n"
            "培训期间，我们听取了多场专题报告，参观了红色教育基地，每一项安排都让我受益匪浅。\n"
            "相信只要从一点一滴做起，我们一定能够交出一份合格的答卷。")
    [essay] = parse_text(text, "lq.txt")
    assert essay.title == "以学铸魂 以学促干"
    assert essay.subtitle == "——参加青年干部培训班心得体会"
    assert essay.lead.quote is not None and essay.lead.quote.text == "千里之行，始于足下"
    assert essay.closing.paragraphs[0].startswith("相信")


def test_closing_with_zongzhi_in_headed_essay_keeps_sections() -> None:
    [essay] = parse_text(F.HEADED, "h.txt")
    assert len(essay.sections) == 3 and len(essay.closing.paragraphs) == 1


def test_rendered_text_parses_back() -> None:
    sample = load_outline(SAMPLE)
    [back] = parse_text(render_text(sample, "txt"), "sample.txt")
    assert back.title == sample.title and back.subtitle == sample.subtitle
    assert [s.heading for s in back.sections] == [s.heading for s in sample.sections]
    assert back.lead.paragraphs == sample.lead.paragraphs
    assert back.body_paragraphs() == sample.body_paragraphs()


# ---- encodings and formats ---------------------------------------------------------------------

@pytest.mark.parametrize("codec,label", [
    ("gb18030", "gb18030"), ("utf-16", "utf-16"), ("utf-8-sig", "utf-8-sig"), ("utf-16-le", "utf-16-le")])
def test_encodings(tmp_path: Path, codec: str, label: str) -> None:
    path = tmp_path / "e.txt"
    path.write_bytes(F.HEADED.encode(codec))
    [essay] = parse_file(path)
    assert essay.meta["encoding"] == label
    assert essay.title == "学以致用 知行合一"
    assert essay.sections[0].heading == "学深悟透，筑牢思想之基"


def test_markdown_and_html(tmp_path: Path) -> None:
    md = tmp_path / "a.md"
    md.write_text("# 守护一方平安\n\n参加工作三年来，我在社区的岗位上经历了许多，也成长了许多。\n\n"
                  "## 心中装着群众\n\n群众的事再小也是大事，能当场办的当场办。\n\n"
                  "## 手上练好本领\n\n没有过硬的本领就应付不过来，我坚持学习法律知识。\n", encoding="utf-8")
    [essay] = parse_file(md)
    assert essay.title == "守护一方平安"
    assert [s.heading for s in essay.sections] == ["心中装着群众", "手上练好本领"]
    page = tmp_path / "a.html"
    page.write_text("<html><head><title>心得_某网</title><script>var x=1;</script></head><body>"
                    "<nav>首页 | 上一篇</nav><article><h1>守护一方平安</h1>"
                    "<p>参加工作三年来，我在社区的岗位上经历了许多，也成长了许多。</p>"
                    "<h2>心中装着群众</h2><p>群众的事再小也是大事，能当场办的当场办。</p>"
                    "<h2>手上练好本领</h2><p>没有过硬的本领就应付不过来，我坚持学习法律知识。</p>"
                    "</article></body></html>", encoding="utf-8")
    [essay] = parse_file(page)
    assert essay.title == "守护一方平安"
    assert "var x" not in "".join(texts(essay))
    assert essay.body_paragraphs()[0].startswith("参加工作三年来")


def _styled_docx(path: Path, outline: Outline) -> None:
    """A .docx laid out with the paragraph styles xindegen's Word output uses."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    for name in ("Closing", "Signature"):
        document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph(outline.title, style="Title")
    if outline.subtitle:
        document.add_paragraph(outline.subtitle, style="Subtitle")
    for p in outline.lead.paragraphs:
        document.add_paragraph(p, style="Body Text")
    for s in outline.sections:
        document.add_paragraph(f"一、{s.heading}", style="Heading 1")
        for p in s.paragraphs:
            document.add_paragraph(p, style="Body Text")
    for p in outline.closing.paragraphs:
        document.add_paragraph(p, style="Closing")
    for line in ("某某单位", "张三", "2026年1月3日"):
        document.add_paragraph(line, style="Signature")
    document.save(str(path))


def test_docx_with_xindegen_styles_gives_back_the_outline(tmp_path: Path) -> None:
    sample = load_outline(SAMPLE)
    path = tmp_path / "draft.docx"
    _styled_docx(path, sample)
    [back] = parse_file(path)
    assert back.title == sample.title and back.subtitle == sample.subtitle
    assert back.lead.paragraphs == sample.lead.paragraphs
    assert [s.heading for s in back.sections] == [s.heading for s in sample.sections]
    assert [s.paragraphs for s in back.sections] == [s.paragraphs for s in sample.sections]
    assert back.closing.paragraphs == sample.closing.paragraphs
    assert (back.unit, back.author, back.date) == ("某某单位", "张三", "2026年1月3日")
    assert [q.text for s in back.sections for q in s.quotes][:1] == [sample.sections[0].quotes[0].text]
    assert back.meta["encoding"] is None


def test_plain_docx_uses_text_rules(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in F.HEADED.strip().splitlines():
        document.add_paragraph(line)
    path = tmp_path / "plain.docx"
    document.save(str(path))
    [essay] = parse_file(path)
    assert essay.title == "学以致用 知行合一"
    assert len(essay.sections) == 3 and essay.closing.paragraphs[0].startswith("总之")


# ---- bad input ---------------------------------------------------------------------------------

@pytest.mark.parametrize("data,message", [
    (b"", "为空"), (b"   \n\n", "为空"), (b"\x00\x01\x02abc\x00" * 20, "二进制"),
    (b"Hello world, this file has no Chinese at all.\n" * 5, "中文"),
    (b"%PDF-1.4 xxx", "PDF"), (b"\xd0\xcf\x11\xe0\xa1\xb1", ".doc"),
])
def test_bad_input_is_refused(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        parse_file(path)
    assert message in str(info.value) and str(path) in str(info.value)


def test_size_limit(tmp_path: Path) -> None:
    """Past the 20 MB the README promises, a file is refused before it is read; at 20 MB it is read."""
    def sparse(name: str, size: int) -> Path:  # no 20 MB written to disk
        path = tmp_path / name
        with path.open("wb") as fh:
            fh.truncate(size)
        return path

    big = sparse("big.txt", 20 * 1024 * 1024 + 1)
    with pytest.raises(InputError) as info:
        parse_file(big)
    assert str(info.value) == f"{big}: 文件太大（20.0 MB），超过 20 MB 的上限"
    at_limit = sparse("at-limit.txt", 20 * 1024 * 1024)
    with pytest.raises(InputError) as info:
        parse_file(at_limit)
    assert str(info.value) == f"{at_limit}: 不是文本文件（看起来是二进制文件）"  # read, then refused for its NULs
    with pytest.raises(InputError, match="文本太长（超过 20 MB 的上限）"):
        parse_text("a" * (20 * 1024 * 1024 + 1))


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="不存在"):
        parse_file(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="目录"):
        parse_file(tmp_path)


def test_broken_docx(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<not xml")
    with pytest.raises(InputError, match="Word"):
        parse_file(path)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("篇一二三、，。：“”（）!?,.:() \n\t第页共1234心得体会总之究其原因——《》"))
               | st.characters(), max_size=400))
def test_parse_text_never_raises_anything_else(text: str) -> None:
    try:
        outlines = parse_text(text, "h.txt")
    except InputError:
        return
    assert outlines and all(isinstance(o, Outline) and o.title for o in outlines)


# ---- CLI ---------------------------------------------------------------------------------------

def test_cli_yaml_stream_and_json() -> None:
    code, out, _ = run("parse", str(SEED0), str(SEED4))
    assert code == 0
    outlines = loads_outlines(out)
    assert len(outlines) == 6 and outlines[1].title == "层层加码“要不得”"
    code, out, _ = run("parse", str(SEED4), "--json")
    assert code == 0
    data = json.loads(out)
    assert [d["meta"]["essay"] for d in data] == [1, 2, 3]


def test_cli_output_dir_and_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, err = run("parse", str(SEED4), "-o", str(out))
    assert code == 0 and err.count("已写入") == 3
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"{SEED4.stem}-0{i}.yaml" for i in (1, 2, 3)]
    # one existing target: nothing at all is written
    (out / names[0]).unlink()
    (out / names[2]).write_text("我的修改", encoding="utf-8")
    code, _, err = run("parse", str(SEED4), "-o", str(out))
    assert code == 1 and "已存在" in err
    assert not (out / names[0]).exists() and (out / names[2]).read_text(encoding="utf-8") == "我的修改"
    code, _, _ = run("parse", str(SEED4), "-o", str(out), "--overwrite")
    assert code == 0 and load_outline(out / names[2]).meta["essay"] == 3


def test_cli_bad_input_and_help(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run("parse", str(empty))
    assert code == 1 and out == "" and err == f"错误：{empty}: 文件为空\n"
    code, out, _ = run("parse", "-h")
    assert code == 0 and "拆解范文" in out and "--overwrite" in out
    code, _, _ = run("parse")
    assert code == 2


def test_docx_from_bytes_is_detected_by_content(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(F.TURNS)
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "saved-as-wrong-name.bin"
    path.write_bytes(buffer.getvalue())
    [essay] = parse_file(path)
    assert essay.title == "关于基层减负的几点思考"


def test_parse_output_dir_holds_the_parsers_outlines(tmp_path: Path) -> None:
    """parse -o writes each outline (with the fast emitter) so that it reads back the same."""
    from xindegen.parse.decompose import write_outlines

    for seed in sorted(SEEDS.glob("*.txt")):
        written = write_outlines([seed], tmp_path / seed.stem)
        assert [load_outline(p) for p in written] == parse_file(seed)


def test_parse_output_dir_is_left_as_it_was_when_a_later_input_fails(tmp_path: Path) -> None:
    """Files are written while later essays are parsed, but none is put in place (and no
    temporary file or new directory stays) when a later input turns out bad."""
    from xindegen.parse.decompose import write_outlines

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "new" / "out"
    with pytest.raises(InputError):
        write_outlines([SEED4, empty], out)
    assert not (tmp_path / "new").exists()
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "mine.txt").write_text("我的文件", encoding="utf-8")
    with pytest.raises(InputError):
        write_outlines([SEED0, SEED4, empty], kept)
    assert [p.name for p in kept.iterdir()] == ["mine.txt"]
    written = write_outlines([SEED0, SEED4], kept)
    assert sorted(p.name for p in kept.iterdir()) == sorted(["mine.txt", *(p.name for p in written)])
    assert len(written) == 6


def test_parse_output_dir_stopped_by_sigterm_leaves_no_temporary_file(tmp_path: Path) -> None:
    """SIGTERM while parse -o writes outlines ahead of putting them in place: as after Ctrl-C,
    no temporary file, no outline and no new directory stay."""
    import signal
    import subprocess
    import sys
    import time

    big = tmp_path / "big.txt"
    big.write_text("\n\n".join([SEED0.read_text(encoding="utf-8"), SEED4.read_text(encoding="utf-8")] * 150),
                   encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "xindegen", "parse", str(big), "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if out.is_dir() and any(out.iterdir()):  # temporary files are being written
            break
        time.sleep(0.005)
    assert proc.poll() is None, "parse ended before any file was written"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert (proc.returncode, err.decode("utf-8").strip()) == (130, "已中断，未写入不完整的文件。")
    assert not out.exists()


def test_numbered_heading_right_after_the_title_opens_the_first_section() -> None:
    text = ("学习心得体会\n\n一、提高政治站位\n\n"
            "我们要深刻认识到学习的重要意义，把学习作为一项长期任务来抓，持之以恒地推进。\n\n"
            "二、强化责任担当\n\n"
            "我们要坚持问题导向，把责任扛在肩上，落实到每一项具体工作之中去，久久为功。\n")
    [essay] = parse_text(text, "first.txt")
    assert essay.title == "学习心得体会"
    assert [s.heading for s in essay.sections] == ["提高政治站位", "强化责任担当"]
    assert essay.lead.paragraphs == []


def test_title_repeated_before_the_second_point_is_no_new_essay() -> None:
    body = "写作时要从自己的实际出发，把真实的想法和做法讲清楚，不说空话套话，让读者看得明白。"
    text = (f"写好心得的几点要求\n\n（一）要有真情实感\n\n{body}\n\n{body}\n\n写好心得的几点要求\n\n"
            f"（二）要突出重点\n\n{body}\n\n（三）要语言简洁\n\n{body}\n")
    [essay] = parse_text(text, "repeat.txt")
    assert [s.heading for s in essay.sections] == ["要有真情实感", "要突出重点", "要语言简洁"]


def test_title_shown_only_in_brackets_before_the_text() -> None:
    text = ("【怎样写好读书笔记】读书笔记是阅读时记下的心得，既能帮助记忆，也能促进思考。"
            "下面从几个方面谈谈写法和体会。\n"
            "写读书笔记首先要读懂原书，弄清作者的思路和观点，再写下自己的看法和联想。\n")
    [essay] = parse_text(text, "bracket.txt")
    assert essay.title == "怎样写好读书笔记"
    assert essay.lead.paragraphs[0].startswith("读书笔记是")
    [noted] = parse_text(text.replace("怎样写好读书笔记", "导语"), "note.txt")
    assert noted.title != "导语"


@pytest.mark.parametrize(("line", "title"), [
    ("暑期社会实践报告总结和格式范文", "暑期社会实践报告总结"),
    ("学习心得体会范文大全", "学习心得体会"),
    ("心得体会的格式", "心得体会的格式"),
])
def test_title_loses_a_sites_template_suffix(line: str, title: str) -> None:
    body = "这次实践让我走出校园，接触了社会，也看到了自己的不足，收获很多，感触很深。"
    [essay] = parse_text(f"{line}\n{body}\n{body}\n", "suffix.txt")
    assert essay.title == title


@pytest.mark.parametrize("marks", [("Part.1", "Part.2"), ("PART 01", "PART 02"), ("第一部分", "第二部分")])
def test_part_numbers_on_their_own_line_head_the_next_line(marks: tuple[str, str]) -> None:
    text = (f"安全教育活动小结\n本月我们组织开展了安全教育活动，现将有关情况小结如下。\n"
            f"{marks[0]}\n活动的基本情况\n全体职工参加了这次活动，各部门都结合实际安排了学习。\n"
            "1.组织有力\n单位成立了活动领导小组，明确分工，层层落实责任。\n"
            "2.形式多样\n我们采用讲座、演练和知识竞赛等形式，大家参与的热情很高，效果也不错。\n"
            f"{marks[1]}\n下一步的打算\n今后要把安全教育经常化，做到警钟长鸣。\n")
    [essay] = parse_text(text, "part.txt")
    assert [s.heading for s in essay.sections] == ["活动的基本情况", "下一步的打算"]


def test_one_heading_line_in_an_excerpt_cut_off_in_its_first_part() -> None:
    text = ("暑期实习小结\n"
            "这个暑假我在一家律师事务所实习了一个月，跟着带教律师整理案卷、旁听庭审，学到了很多课堂上学不到的东西。\n"
            "实习之前我做了不少准备，把民法和诉讼法的重点又复习了一遍，还向师兄请教了实务中要注意的问题。\n"
            "工作体会篇\n"
            "第一次走进所里的时候，看到大家忙碌的样子，我既紧张又兴奋，心想一定要\n")
    [essay] = parse_text(text, "cut.txt")
    assert [s.heading for s in essay.sections] == ["工作体会篇"]
    whole = text.replace("心想一定要\n", "心想一定要好好表现。\n")
    [complete] = parse_text(whole, "whole.txt")  # not cut off: one line makes no set
    assert all(s.heading is None for s in complete.sections)


def test_first_point_after_an_announcement_in_an_excerpt_cut_off() -> None:
    text = ("理论学习的几点反思\n"
            "回顾这些年的理论学习，成绩是有的，但问题也不少，归纳起来主要有三个方面。\n"
            "一是学得不够主动。很多时候是为了完成任务而学，上级布置了才学，检查之前突击补笔记，"
            "学过之后很快就忘了，这样的学习效果可想而知，也难以真正指导")
    [essay] = parse_text(text, "announce.txt")
    assert [s.heading for s in essay.sections] == ["学得不够主动"]


def test_a_line_of_ci_joins_a_set_of_verse_openers() -> None:
    text = ("观《长空》有感\n"
            "大漠孤烟直，长河落日圆。影片开头的画面辽阔苍凉，一架战机掠过戈壁，把观众带进了试飞员的世界。\n"
            "黄沙百战穿金甲，不破楼兰终不还。试飞员们一次次驾驶新机冲上蓝天，哪怕明知危险，也从不退缩。\n"
            "数风流人物，还看今朝。看到年轻的飞行员接过前辈的头盔，我的眼眶湿润了，这就是传承。\n"
            "青山处处埋忠骨，何须马革裹尸还。走出影院，我久久不能平静，心中满是敬意与自豪。\n")
    [essay] = parse_text(text, "ci.txt")
    assert [s.heading for s in essay.sections] == [
        "大漠孤烟直，长河落日圆", "黄沙百战穿金甲，不破楼兰终不还", "数风流人物，还看今朝",
        "青山处处埋忠骨，何须马革裹尸还"]
    assert essay.sections[2].quotes[0].text == "数风流人物，还看今朝"


def test_two_sentences_sharing_only_the_essays_subject_are_no_headings() -> None:
    text = ("志愿服务心得\n"
            "志愿服务是我大学生活中难忘的经历，每个周末我都和同学们一起到社区服务。\n"
            "志愿服务需要耐心细致。老人们说话慢，问题多，我们要一遍遍解释，直到他们弄明白为止。\n"
            "志愿服务的内容并不复杂，却要长期坚持，有时一干就是一整天，回到宿舍已经很累了。\n"
            "志愿服务也让我懂得感恩。看到老人们的笑脸，我觉得所有的付出都是值得的。\n")
    [essay] = parse_text(text, "subject.txt")
    assert all(s.heading is None for s in essay.sections)


def test_yi_yao_er_yao_openers_are_points() -> None:
    text = ("观《时代楷模》有感\n"
            "近日，我认真收看了专题节目，深受教育，也很受触动。\n"
            "一要学习他们坚定的理想信念。节目中的楷模们无论身处何种岗位，都始终坚守信仰，令人敬佩。\n"
            "二要学习他们为民的赤子情怀。他们把群众的事当作自己的事，想群众之所想，急群众之所急。\n"
            "三要学习他们担当的奋斗精神。面对困难，他们迎难而上，以实际行动诠释了责任与担当。\n")
    [essay] = parse_text(text, "yao.txt")
    assert [s.heading for s in essay.sections] == [
        "学习他们坚定的理想信念", "学习他们为民的赤子情怀", "学习他们担当的奋斗精神"]


def test_a_closing_formula_is_not_one_of_the_run_in_headings() -> None:
    text = ("研讨发言\n"
            "按照安排，我围绕学习主题谈几点体会。\n"
            "坚持学思结合，在理论武装上下功夫。我们要原原本本学、逐字逐句悟，真正把理论学深悟透。\n"
            "坚持知行合一，在推动发展上见实效。我们要把学习成果转化为推动工作的实际成效。\n"
            "以上发言，不妥之处请批评指正。\n")
    [essay] = parse_text(text, "formula.txt")
    assert [s.heading for s in essay.sections] == [
        "坚持学思结合，在理论武装上下功夫", "坚持知行合一，在推动发展上见实效"]


def test_html_source_saved_as_text_keeps_its_paragraphs() -> None:
    text = ("<h1>青年干部座谈会发言</h1><p>很高兴有机会和大家交流，我结合自身经历谈两点体会。</p>"
            "<p><strong>要把学习作为终身课题</strong></p><p>青年干部正处在成长的关键期，只有不断学习，才能胜任岗位的要求。</p>"
            "<p><strong>要把基层作为成长沃土</strong></p><p>基层是最好的课堂，群众是最好的老师，我们要扑下身子干事。</p>")
    [essay] = parse_text(text, "fragment.txt")
    assert essay.title == "青年干部座谈会发言"
    assert [s.heading for s in essay.sections] == ["要把学习作为终身课题", "要把基层作为成长沃土"]


def test_markdown_bold_lines_in_a_text_file() -> None:
    text = ("**学习雷锋精神心得体会**\n**一、雷锋精神的时代内涵**\n"
            "雷锋精神是全心全意为人民服务的精神，在今天仍然具有重要的现实意义。\n"
            "**二、如何践行雷锋精神**\n践行雷锋精神，要从身边小事做起，在平凡的岗位上做出业绩。\n")
    [essay] = parse_text(text, "bold.txt")
    assert essay.title == "学习雷锋精神心得体会"
    assert [s.heading for s in essay.sections] == ["雷锋精神的时代内涵", "如何践行雷锋精神"]


@pytest.mark.parametrize(("line", "title"), [
    ("【精选】大学生军训心得体会", "大学生军训心得体会"),
    ("心得体会 | 在实践中成长", "在实践中成长"),
    ("优秀教师心得体会-某某文库", "优秀教师心得体会"),
    ("2023-2024学年教学工作总结", "2023-2024学年教学工作总结"),
    ("参观红色基地有感（组图）", "参观红色基地有感"),
    ("【原创】我的入党初心(转载)", "我的入党初心"),
    ("青春在磨砺中成长（精选）", "青春在磨砺中成长"),
])
def test_page_title_lines_lose_site_labels(line: str, title: str) -> None:
    body = "这次学习让我收获很多，我对自己的工作有了新的认识，也找到了今后努力的方向。"
    [essay] = parse_text(f"{line}\n\n{body}\n\n{body}\n", "site.txt")
    assert essay.title == title


def test_single_marks_as_the_only_quotation_marks() -> None:
    text = ("珍惜时间\n"
            "鲁迅先生说过：‘时间就像海绵里的水，只要愿挤，总还是有的。’我们要珍惜时间，多读好书，少刷手机。\n"
            "老师要我们‘学以致用’，读书不能只停留在书本上，要用到生活中去。\n")
    [essay] = parse_text(text, "single.txt")
    quotes = [q.text for part in (essay.lead.quotes, *(s.quotes for s in essay.sections)) for q in part]
    assert quotes == ["时间就像海绵里的水，只要愿挤，总还是有的"]


def test_sayings_after_words_that_only_introduce_sayings() -> None:
    text = ("读书的意义\n"
            "读书能让我们开阔眼界，增长见识，这是我多年来最深的体会。\n"
            "正所谓“腹有诗书气自华”，读书能改变一个人的气质，让人变得从容。\n"
            "俗话说得好，“书山有路勤为径”，读书没有捷径可走，只能日积月累。\n"
            "我们要养成读书的好习惯，让读书成为一种生活方式。\n")
    [essay] = parse_text(text, "saying.txt")
    quotes = [q.text for part in (essay.lead.quotes, *(s.quotes for s in essay.sections)) for q in part]
    assert quotes == ["腹有诗书气自华", "书山有路勤为径"]
    assert all(s.heading is None for s in essay.sections)  # sentences that cite are no headings


def test_frame_headings_in_a_short_preview_that_lost_its_breaks() -> None:
    text = ("“三学”心得体会\n"
            "这次学习教育开展以来，我认真参加了各项活动，现谈谈自己的体会。“学”在深处。学习要深入，不能浅尝辄止，"
            "要原原本本地学，真正做到入脑入心。“做”在实处。关键在做，要把学习成果体现到工作中来，做到知行合一。"
            "“改”在细处。要对照标准找差距，把问题一项项整改到位。")
    [essay] = parse_text(text, "frames.txt")
    assert [s.heading for s in essay.sections] == ["“学”在深处", "“做”在实处", "“改”在细处"]


def test_essays_numbered_after_a_shared_title() -> None:
    essays = ["寒假里我读了一本教育名著，书中的许多观点让我耳目一新，也让我重新审视自己的课堂。",
              "读书是教师成长的重要途径。这学期我读了几本关于师生关系的书，受到很大启发。",
              "作为一名年轻教师，我利用课余时间阅读了大量教育类书籍，学到了很多实用的方法。"]
    text = "".join(f"教师读书心得体会{i}\n{body}\n今后我要多读书，读好书，做一名学习型教师。\n"
                   for i, body in enumerate(essays, 1))
    outlines = parse_text(text, "numbered-titles.txt")
    assert [o.title for o in outlines] == ["教师读书心得体会"] * 3
    bracketed = text.replace("体会1", "体会（一）").replace("体会2", "体会（二）").replace("体会3", "体会（三）")
    assert [o.title for o in parse_text(bracketed, "bracketed.txt")] == ["教师读书心得体会"] * 3


@pytest.mark.parametrize(("line", "title"), [
    ("观后感：《长空》观后感", "《长空》观后感"),
    ("心得体会“双减”下的作业设计", "“双减”下的作业设计"),
    ("心得体会的文体和写法", "心得体会的文体和写法"),
])
def test_a_bare_genre_category_before_the_title(line: str, title: str) -> None:
    body = "这次学习让我收获很多，我对自己的工作有了新的认识，也找到了今后努力的方向。"
    [essay] = parse_text(f"{line}\n\n{body}\n\n{body}\n", "category.txt")
    assert essay.title == title


def test_question_lines_between_prose_are_headings() -> None:
    text = ("读书会交流发言\n"
            "各位同事，今天我想和大家分享我读书的一些体会，不当之处请大家指正。\n"
            "为什么要读书？\n"
            "读书可以让我们了解更广阔的世界，丰富我们的精神生活，在快节奏的今天更显可贵。\n"
            "怎样读好书？\n"
            "读书要有方法，要边读边思考，边读边做笔记，把书中的道理和自己的实际结合起来。\n")
    [essay] = parse_text(text, "questions.txt")
    assert [s.heading for s in essay.sections] == ["为什么要读书？", "怎样读好书？"]


def test_a_short_saying_right_after_a_speech_verb() -> None:
    text = ("读《论语》心得\n"
            "这个学期我读了《论语》，书中有很多做人做事的道理，让我受益匪浅。\n"
            "曾子说过「吾日三省吾身」，我们每天都要反省自己，看看哪里做得不够。\n"
            "老师强调“四个自信”，我们要把学到的道理落实到行动中去。\n")
    [essay] = parse_text(text, "said.txt")
    quotes = [q.text for part in (essay.lead.quotes, *(s.quotes for s in essay.sections)) for q in part]
    assert quotes == ["吾日三省吾身"]


def test_short_openers_of_one_length_in_a_row_are_headings() -> None:
    text = ("学习贯彻会议精神心得体会\n"
            "通过认真学习会议精神，我深受启发，结合实际谈几点体会。\n"
            "把牢政治方向。讲政治是第一位的要求，我们必须始终坚持正确的政治方向。\n"
            "提高能力素质。新形势新任务提出了更高的要求，只有不断学习，才能适应工作的需要。\n"
            "改进工作作风。作风建设永远在路上，要真正把心思用在干事创业上。\n")
    [essay] = parse_text(text, "openers.txt")
    assert [s.heading for s in essay.sections] == ["把牢政治方向", "提高能力素质", "改进工作作风"]
    story = text.replace("提高能力素质。", "天气很热。").replace("改进工作作风。", "训练一天天过去了。")
    [other] = parse_text(story, "story.txt")  # short openers of other lengths: prose
    assert all(s.heading is None for s in other.sections)


def test_genre_titles_split_a_page_of_short_paragraphs() -> None:
    text = ("关于安全生产的心得体会范文\n"
            "安全生产学习心得体会\n"
            "安全生产是企业发展的生命线，这次培训让我对安全生产有了更深刻的认识。\n"
            "以前我总觉得安全事故离自己很远，通过观看事故案例，才知道隐患就在身边。\n"
            "今后我要严格遵守操作规程，做到不伤害自己、不伤害他人、不被他人伤害。\n"
            "员工安全培训心得体会\n"
            "公司组织的安全培训结束了，我收获很大。培训中老师讲解了很多安全知识。\n"
            "特别是消防器材的使用方法，我以前一知半解，这次终于掌握了，很有用处。\n"
            "安全无小事，我会把学到的知识用到工作中去，时刻绷紧安全这根弦不放松。\n")
    outlines = parse_text(text, "two.txt")  # lines of one length that end their sentences: no wrapping
    assert [o.title for o in outlines] == ["安全生产学习心得体会", "员工安全培训心得体会"]
    assert outlines[0].meta["collection"] == "关于安全生产的心得体会范文"


@pytest.mark.parametrize(("line", "source"), [
    ("宝剑锋从磨砺出，梅花香自苦寒来。——题记", None),
    ("题记：宝剑锋从磨砺出，梅花香自苦寒来。", None),
    ("宝剑锋从磨砺出，梅花香自苦寒来。——《警世贤文》", "《警世贤文》"),
])
def test_epigraph_and_its_signature_on_one_line(line: str, source: str | None) -> None:
    text = (f"读《红岩》有感\n{line}\n"
            "寒假里我读了《红岩》，江姐等革命先烈的英雄事迹深深打动了我，让我久久不能平静。\n"
            "他们在敌人的酷刑面前坚贞不屈，这种精神值得我们永远学习和传承下去。\n")
    [essay] = parse_text(text, "epigraph.txt")
    assert essay.lead.quote is not None
    assert (essay.lead.quote.text, essay.lead.quote.source) == ("宝剑锋从磨砺出，梅花香自苦寒来", source)


def test_numbered_heading_and_its_body_apart_by_a_space() -> None:
    text = ("学习心得体会\n这次学习使我受益匪浅，下面谈几点体会。\n"
            "一、提高思想认识 学习是提高思想认识的重要途径，只有认真学习，才能把握正确的方向。\n"
            "二、增强责任意识 责任重于泰山，我们要以高度负责的态度做好每一项工作。\n")
    [essay] = parse_text(text, "spaced.txt")
    assert [s.heading for s in essay.sections] == ["提高思想认识", "增强责任意识"]
    assert essay.sections[1].paragraphs == ["责任重于泰山，我们要以高度负责的态度做好每一项工作。"]


@pytest.mark.parametrize(("title", "quoted"), [
    ("不积跬步，无以至千里", True),  # a saying
    ("海上生明月，天涯共此时", True),  # verse
    ("凝心聚力，奋发有为", False),  # the author's slogan: two phrases of one length
])
def test_title_as_the_leads_quote(title: str, quoted: bool) -> None:
    body = "这次学习让我收获很多，我对自己的工作有了新的认识，也找到了今后努力的方向。"
    [essay] = parse_text(f"{title}\n{body}\n{body}\n", "title-quote.txt")
    assert (essay.lead.quote is not None and essay.lead.quote.text == title) == quoted


def test_lines_ending_with_a_colon_head_their_parts_unless_they_introduce_speech() -> None:
    body = "这一部分内容结合单位的实际情况，讲清楚了要做什么、怎么做，以及需要注意的问题。"
    text = (f"安全生产月活动简介\n{body}\n安全生产月的由来：\n{body}\n安全生产月的宗旨：\n{body}\n")
    [essay] = parse_text(text, "colon.txt")
    assert [s.heading for s in essay.sections] == ["安全生产月的由来", "安全生产月的宗旨"]
    speech = text.replace("安全生产月的由来：", "老队长语重心长地说：")
    speech = speech.replace("安全生产月的宗旨：", "一位老党员深有感触地讲：")
    [other] = parse_text(speech, "speech.txt")
    assert all(s.heading is None for s in other.sections)
    greeting = text.replace("安全生产月的由来：", "尊敬的各位领导、同志们：")
    [greeted] = parse_text(greeting, "greeting.txt")
    assert "尊敬的各位领导、同志们" not in [s.heading for s in greeted.sections]


def test_ordinal_points_may_be_long_sentences() -> None:
    text = ("新教师岗前培训心得\n"
            "为期一周的岗前培训结束了，回顾这几天的学习，我有以下几点体会。\n"
            "首先，作为一名新时代的青年教师，必须始终把立德树人作为教育工作的根本任务。"
            "培训中专家反复强调，教书和育人是统一的，不能只教书不育人。\n"
            "其次，要在日常的教育教学工作中不断提升自己的专业能力和综合素养。"
            "只有自己有一桶水，才能给学生一碗水，这是我最深的体会。\n")
    [essay] = parse_text(text, "long-points.txt")
    assert [s.heading for s in essay.sections] == [
        "作为一名新时代的青年教师，必须始终把立德树人作为教育工作的根本任务",
        "要在日常的教育教学工作中不断提升自己的专业能力和综合素养"]


def test_numbered_heading_after_a_colon_in_run_on_text() -> None:
    text = ("关于社区服务工作的调研报告\n"
            "为了解社区服务工作情况，我们进行了专题调研，现将有关情况报告如下：一、基本情况 全区共有社区服务站"
            "四十多个，服务覆盖全部居民小区。近年来，服务质量不断提高，群众满意度逐年上升，受到了广泛好评。"
            "二、存在的问题 一是服务人员数量不足；二是服务内容比较单一；三是经费保障不够有力。"
            "三、对策建议 （一）充实服务队伍。要通过多种渠道补充服务人员。"
            "（二）丰富服务内容。要根据群众需求增加服务项目。")
    [essay] = parse_text(text, "colon-number.txt")
    assert [s.heading for s in essay.sections] == ["基本情况", "存在的问题", "对策建议"]


def test_a_heading_over_a_short_part_joins_the_set() -> None:
    text = ("实习总结\n这次实习让我收获很多，现从以下几个方面进行总结。\n"
            "实习单位简介\n某某科技有限公司成立于二〇一〇年，是一家专注于软件开发的高新技术企业，现有员工三百余人。\n"
            "实习内容\n主要参与公司项目的测试工作。\n"
            "实习收获\n通过实习，我巩固了课堂上学到的专业知识，还学会了如何与同事沟通合作，提高了解决问题的能力。\n")
    [essay] = parse_text(text, "short-part.txt")
    assert [s.heading for s in essay.sections] == ["实习单位简介", "实习内容", "实习收获"]


def test_numbers_with_a_space_before_the_mark() -> None:
    text = ("学习心得\n这次学习使我受益匪浅，下面谈几点体会。\n"
            "一 、提高思想认识\n学习是提高思想认识的重要途径，只有认真学习，才能把握正确的方向。\n"
            "二 、增强责任意识\n责任重于泰山，我们要以高度负责的态度做好每一项工作，不断进步。\n")
    [essay] = parse_text(text, "space-mark.txt")
    assert [s.heading for s in essay.sections] == ["提高思想认识", "增强责任意识"]


@pytest.mark.parametrize("cut", ["\n2\n", "\n\n"])
def test_a_quotation_cut_by_a_page_is_joined(cut: str) -> None:
    text = ("为民服务心得\n"
            f"总书记指出：“江山就是人民，人民就是江山，打江山、守江山，守的是人民的{cut}"
            "心。”我们要始终坚持以人民为中心，把群众的冷暖放在心上，多办实事好事。\n"
            "今后我会继续努力学习，把学到的知识运用到实际工作中去，做好本职工作。\n")
    [essay] = parse_text(text, "cut-quote.txt")
    assert essay.title == "为民服务心得"
    assert essay.lead.quotes[0].text == "江山就是人民，人民就是江山，打江山、守江山，守的是人民的心"


def test_a_frame_around_a_slot_makes_points_even_with_a_subject() -> None:
    text = ("观看《先锋》有感\n"
            "近日，我观看了专题节目，节目中的优秀党员用实际行动诠释了初心和使命。\n"
            "他们是信念坚定的先锋。无论遇到多大的困难，他们始终坚守理想，从不动摇。\n"
            "他们是为民服务的先锋。他们把群众的事当成自己的事，把冷暖放在心上。\n"
            "他们是担当作为的先锋。在急难险重任务面前，他们总是冲锋在前，敢于担当。\n")
    [essay] = parse_text(text, "frame.txt")
    assert [s.heading for s in essay.sections] == [
        "他们是信念坚定的先锋", "他们是为民服务的先锋", "他们是担当作为的先锋"]
    story = text.replace("他们是为民服务的先锋。", "他们也很平凡。")
    [other] = parse_text(story, "story.txt")  # two of a frame are no set when the subject opens them
    assert all(s.heading is None for s in other.sections)


def test_the_last_line_of_a_poem_is_no_heading() -> None:
    text = ("读诗有感\n最近我读了很多古诗，感受到了中华文化的博大精深，也明白了不少做人的道理。\n"
            "诗中的家国情怀\n读到陆游的诗，我被他那至死不渝的爱国情怀深深感动，久久不能平静。\n"
            "僵卧孤村不自哀\n尚思为国戍轮台\n夜阑卧听风吹雨\n铁马冰河入梦来\n"
            "诗人年老体衰，却仍然想着为国戍守边疆，这种精神让我十分敬佩，也让我深受教育。\n"
            "诗中的人生哲理\n古诗中蕴含着许多人生哲理，读来让人受益匪浅，值得我们细细品味，认真思考。\n")
    [essay] = parse_text(text, "poem.txt")
    assert [s.heading for s in essay.sections] == ["诗中的家国情怀", "诗中的人生哲理"]


def test_symbols_before_heading_lines_are_decoration() -> None:
    text = ("学习心得体会\n这次学习使我受益匪浅，下面谈几点体会。\n"
            "◆一、提高思想认识\n学习是提高思想认识的重要途径，只有认真学习，才能把握正确的方向。\n"
            "◆二、增强责任意识\n责任重于泰山，我们要以高度负责的态度做好每一项工作，不断进步。\n")
    [essay] = parse_text(text, "bullets.txt")
    assert [s.heading for s in essay.sections] == ["提高思想认识", "增强责任意识"]


def test_a_bare_number_before_the_text_heads_nothing() -> None:
    text = ("读书心得\n（一）\n"
            "寒假里我读了一本教育名著，书中的许多观点让我耳目一新，也让我重新审视自己的课堂。\n"
            "今后我要多读书，读好书，做一名学习型教师，把读书的收获用到教学中去。\n")
    [essay] = parse_text(text, "bare.txt")
    assert all(s.heading != "" for s in essay.sections)
    assert essay.lead.paragraphs[0].startswith("寒假里")


def test_numbered_headings_glued_with_ideographic_spaces() -> None:
    text = ("读书的收获\n"
            "这学期我读了几本好书，现将体会整理为以下几点。　　一、固本培元，修身意识“不走岔”　　"
            "《论语》里有这样一句话：“知之者不如好之者，好之者不如乐之者。”读书首先要爱读书。　　"
            "二、补齐短板，阅读能力“不走板”　　苏轼写道：“旧书不厌百回读，熟读深思子自知。”好书要反复读。")
    [essay] = parse_text(text, "ideographic.txt")
    assert [s.heading for s in essay.sections] == ["固本培元，修身意识“不走岔”", "补齐短板，阅读能力“不走板”"]
    assert essay.sections[1].paragraphs[0].startswith("苏轼写道")


def test_connectives_among_ranked_points_are_prose() -> None:
    text = ("读书的收获\n这学期我读了几本好书，现结合工作实际，谈几点收获。\n"
            "首先，固本培元，修身意识“不走岔”。读书能陶冶品格，阅读的过程也是修身的过程。\n"
            "此外，能力靠积累，日常读得多，关键时刻才信手拈来。书读多了，说话写文章都有底气。\n"
            "其次，补齐短板，阅读能力“不走板”。看书不能只图数量，要边读边想，读懂读透。\n"
            "最后，善作善成，习惯养成“不走样”。每天翻几页好书，不贪多，但求天天有。\n")
    [essay] = parse_text(text, "connective.txt")
    assert [s.heading for s in essay.sections] == [
        "固本培元，修身意识“不走岔”", "补齐短板，阅读能力“不走板”", "善作善成，习惯养成“不走样”"]


def test_a_set_of_ranked_points_beats_a_pair_of_like_sentences() -> None:
    text = ("安全生产心得\n结合这次培训，我谈几点体会。\n"
            "首先，红线意识是“定盘星”。安全生产没有旁观者，每个人都要守住红线。\n"
            "不仅如此，做安全要立足最坏的情况，朝最好的结果努力。预案要细，演练要实。\n"
            "其次，应急本领是“硬支撑”。险情发生时，反应快一分钟，损失就少一大截。\n"
            "再次，隐患治理是“硬骨头”。小隐患不除，迟早酿成大事故，必须盯住不放。\n"
            "回到岗位上，我将对发现的隐患紧盯不放，不整改到位不撒手。这是我的承诺。\n")
    [essay] = parse_text(text, "ranked.txt")
    assert [s.heading for s in essay.sections] == ["红线意识是“定盘星”", "应急本领是“硬支撑”", "隐患治理是“硬骨头”"]


def test_essays_with_a_title_and_a_genre_subtitle_split_at_the_title() -> None:
    def essay(title: str, subtitle: str, body: str) -> str:
        return (f"{title}\n——{subtitle}\n{body}这是我在工作中最深的体会，也是今后努力的方向。\n"
                f"今后我将把学到的道理用到工作中去，{body}\n")
    text = (essay("知其重，践其行", "政务服务工作心得体会", "窗口服务要耐心细致，群众的事再小也是大事。")
            + essay("读懂“数据”二字的分量", "数字政府建设的几点体会", "数据多跑路，群众就少跑腿，办事就更方便。"))
    outlines = parse_text(text, "subtitles.txt")
    assert [(o.title, o.subtitle) for o in outlines] == [
        ("知其重，践其行", "——政务服务工作心得体会"), ("读懂“数据”二字的分量", "——数字政府建设的几点体会")]


@pytest.mark.parametrize("tail", ["作者：张三 时间：2023-01-05", "2023-01-05 来源：本站", "阅读：352", "发布者：admin"])
def test_a_title_followed_by_meta_fields_on_its_line(tail: str) -> None:
    body = "这次学习让我收获很多，我对自己的工作有了新的认识，也找到了今后努力的方向。"
    text = f"学习新思想心得体会 {tail}\n{body}\n{body}\n某某县财政局 2023年5月6日\n"
    [essay] = parse_text(text, "meta-tail.txt")
    assert essay.title == "学习新思想心得体会"
    assert "某某县财政局 2023年5月6日" in texts(essay)  # a date after a name stays: a signature
