"""The checks a model's answer must pass, the answer's cleaning, and the endpoint's configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from xindegen.compose.brief import Brief
from xindegen.compose.plan import compose
from xindegen.compose.request import ComposeRequest
from xindegen.errors import InputError
from xindegen.llm.client import strip_reasoning
from xindegen.llm.config import LLMConfigError, load_llm_config
from xindegen.llm.verify import Check, bare, clean_answer, figures, titles, verify
from xindegen.text import split_sentences
from xindegen.llm.writer import plan_parts

BRIEF = Brief(occasion="2026年化工园区安全生产专题培训", organizer="园区安委会办公室", date="2026-11-20",
              role="车间安全员", shortcomings=("我有时巡检赶时间，对仪表数据只看不记",))


@pytest.fixture(scope="module")
def plan() -> tuple:  # type: ignore[type-arg]
    return _plan(8)


def _plan(seed: int, topic: str = "安全生产") -> tuple:  # type: ignore[type-arg]
    brief = BRIEF if topic == "安全生产" else Brief()
    outline = compose(ComposeRequest(topic=topic, seed=seed, brief=brief))
    parts, allowed = plan_parts(outline, brief, None, 1500)
    return outline, parts, allowed


def check_for(plan: tuple, key: str) -> Check:  # type: ignore[type-arg]
    outline, parts, allowed = plan
    part = next(p for p in parts if p.key == key)
    return Check(part, allowed, [s.heading or "" for s in outline.sections], {})


def offline_answer(plan: tuple, key: str) -> str:  # type: ignore[type-arg]
    return "\n\n".join(next(p for p in plan[1] if p.key == key).offline)


def faults_of(text: str, c: Check) -> list[str]:
    paragraphs, extra = clean_answer(text, c.part.heading, c.headings)
    return verify(paragraphs, extra, c)


def test_the_plan_gives_each_part_its_quotations_facts_brief_and_placeholder(plan: tuple) -> None:  # type: ignore[type-arg]
    outline, parts, allowed = plan
    assert [p.label for p in parts] == ["导语", "第一部分", "第二部分", "第三部分", "结尾"]
    s1 = parts[1]
    assert s1.heading == outline.sections[0].heading and s1.cites and s1.cites[0].source
    assert any("《中华人民共和国安全生产法》" in f for f in parts[1].facts + parts[2].facts + parts[3].facts)
    assert "车间安全员" in parts[0].brief and "2026年11月20日" in parts[0].brief
    assert sum(len(p.placeholders) for p in parts) <= 1
    assert abs(sum(p.target for p in parts) + sum(len(s.heading or "") for s in outline.sections) - 1500) < 10
    assert "中华人民共和国安全生产法" in allowed.titles and "2026" in allowed.figures


def test_the_offline_text_itself_passes_every_check(plan: tuple) -> None:  # type: ignore[type-arg]
    for part in plan[1]:
        c = check_for(plan, part.key)
        assert faults_of(offline_answer(plan, part.key), c) == [], part.label


@pytest.mark.parametrize("inserted,fault", [
    ("古人说：“学而不思则罔，思而不学则殆。”", "不是计划给出的引文"),
    ("正如《关于进一步加强安全生产工作的决定》所要求的，我们要抓好落实。", "计划中没有的文件或书名"),
    ("据统计，去年全国共发生事故三千二百起，比上年下降百分之十二。", "计划中没有的数字或日期"),
    ("2019年以来，我们的工作不断进步。", "计划中没有的数字或日期"),
    ("习近平总书记强调，安全生产要抓早抓小。", "把没有给出的话归于别人"),
    ("2020年秋，习近平总书记在中央党校中青年干部培训班开班式上指出，干部要敢于斗争。", "把没有给出的话归于别人"),
    ("俗话说，小心驶得万年船。", "把没有给出的话归于别人"),
    ("专家指出：安全是最大的效益。", "把没有给出的话归于别人"),
    ("他常说“工作要一丝不苟，绝不马虎大意”。", "不是计划给出的引文"),
])
def test_an_invented_quotation_document_figure_or_attribution_is_refused(plan: tuple, inserted: str,  # type: ignore[type-arg]
                                                                          fault: str) -> None:
    c = check_for(plan, "s1")
    text = offline_answer(plan, "s1").replace("\n\n", "\n\n" + inserted, 1)
    assert any(fault in f for f in faults_of(text, c)), faults_of(text, c)


def test_a_quotation_misworded_moved_or_left_out(plan: tuple) -> None:  # type: ignore[type-arg]
    c = check_for(plan, "s1")
    text = offline_answer(plan, "s1")
    quote = c.part.cites[0].text
    assert any("不是计划给出的引文" in f for f in faults_of(text.replace(quote, quote[:-1] + "乎"), c))
    assert any("没有引用" in f for f in faults_of(text.replace(f"“{quote}。”", "这句话"), c))
    other = check_for(plan, "s2").part.cites[0]  # another section's quotation cited here
    moved = text + f"\n\n{other.source}说：“{other.text}。”这也值得记取。"
    assert any("计划给第二部分" in f for f in faults_of(moved, c))
    unsourced = text.replace(c.part.cites[0].source or "", "古书")
    assert any("没有写明出处" in f for f in faults_of(unsourced, c))


def test_repetition_length_headings_placeholders_and_brief(plan: tuple) -> None:  # type: ignore[type-arg]
    c = check_for(plan, "s1")
    text = offline_answer(plan, "s1")
    sentence = "多想一步，就多一分主动，少一分被动。"
    assert any("句子重复" in f for f in faults_of(text + "\n\n" + sentence * 2, c))
    assert any("篇幅不对" in f for f in faults_of(text + "\n\n" + text.replace("。", "！"), c))
    assert any("篇幅不对" in f for f in faults_of(text[: len(text) // 3] + "。", c))
    assert any("写了小标题" in f for f in faults_of("## 一、我自己的小标题\n\n" + text, c))
    assert faults_of(f"## 一、{c.part.heading}\n\n" + text, c) == []  # its own heading is simply dropped
    # a draft that asks the writer (a pack's section with its own case asks nothing: a day with no pack)
    asking = _plan(8, "庆祝八一建军节")
    holder = next(p.key for p in asking[1] if p.placeholders)  # the one part that asks the writer
    c2 = check_for(asking, holder)
    hole = c2.part.placeholders[0]
    answer = offline_answer(asking, holder).replace(hole, "我做过很多")
    assert any("没有原样保留占位" in f for f in faults_of(answer, c2))
    assert any("加了计划中没有的占位" in f for f in faults_of(text + "【此处写本单位的做法】", c))
    lead = check_for(plan, "lead")
    assert any("没有按原话写入" in f
               for f in faults_of(offline_answer(plan, "lead").replace("车间安全员", "安全管理人员"), lead))
    own = [s for s in split_sentences(text) if len(bare(s)) >= 8 and "“" not in s][-1]
    c.rest[bare(own)] = "第三部分"  # a sentence another part already has
    assert any("与第三部分的句子重复" in f for f in faults_of(text, c))


def test_garbage_and_english_are_not_prose(plan: tuple) -> None:  # type: ignore[type-arg]
    c = check_for(plan, "s1")
    assert faults_of("", c) == ["没有写出中文正文"]
    assert faults_of("Sure! Here is the text you asked for. " * 20, c)[-1] == "没有写出中文正文"
    assert faults_of("{\"choices\": null}", c)[-1] == "没有写出中文正文"


def test_cleaning_markdown_chatter_and_thinking() -> None:
    raw = ("<think>先想想：可以引用“天下兴亡，匹夫有责”，再提《某某文件》。</think>\n"
           "好的，以下是第一部分的正文：\n\n"
           "## 一、强化底线思维\n\n"
           "**安全工作**要从细处着手，\n不能放过任何苗头。\n\n"
           "- 一是每天巡检。\n\n"
           "---\n（全文约 300 字）\n希望对您有帮助，如需修改请告诉我。")
    paragraphs, extra = clean_answer(strip_reasoning(raw), "强化底线思维", ["强化底线思维", "提升应急本领"])
    assert paragraphs == ["安全工作要从细处着手，不能放过任何苗头。", "一是每天巡检。"] and extra == []
    assert strip_reasoning("推理过程……</think>正文。") == "正文。"
    assert strip_reasoning("正文。<think>还没想完") == "正文。"
    _, extra = clean_answer("## 二、提升应急本领\n\n正文。", "强化底线思维", ["强化底线思维", "提升应急本领"])
    assert extra == ["二、提升应急本领"]


def test_figures_and_titles_are_read_as_a_checker_needs() -> None:
    assert figures("2026年11月20日，3.5%，1,200人") >= {"2026", "11", "20", "3.5", "1200"}
    assert figures("党的二十大以来，三十多年，近三年，七一前夕，五月四日") >= {
        "二十", "三十", "三年", "七一", "五月四日"}
    assert figures("一是要千万注意，万一出事，十之八九是麻痹，一个人一次违章") == set()
    assert titles("《礼记·中庸》和《左传》") == {"礼记·中庸", "礼记", "左传"}


# ---- configuration ----------------------------------------------------------------------------

def test_config_from_environment_preset_and_file(config_dir: Path) -> None:
    env = {"XINDEGEN_LLM_PRESET": "deepseek", "DEEPSEEK_API_KEY": "sk-abc1234567"}
    c = load_llm_config(environ=env)
    assert (c.base_url, c.model, c.api_key, c.key_from) == (
        "https://api.deepseek.com/v1", "deepseek-chat", "sk-abc1234567", "环境变量 DEEPSEEK_API_KEY")
    assert "sk-abc" not in repr(c) and not any("sk-abc" in line for line in c.describe())
    (config_dir / "llm.yaml").write_text("preset: ollama\nmodel: qwen2.5:7b\ntimeout: 300\n", encoding="utf-8")
    c = load_llm_config(environ={})
    assert (c.base_url, c.model, c.timeout, c.api_key) == ("http://localhost:11434/v1", "qwen2.5:7b", 300, None)
    c = load_llm_config({"model": "qwen3:8b"}, environ={"XINDEGEN_LLM_BASE_URL": "http://10.0.0.5:8000/v1/chat/completions/"})
    assert (c.base_url, c.model) == ("http://10.0.0.5:8000/v1", "qwen3:8b")
    c = load_llm_config(environ={"XINDEGEN_LLM_BASE_URL": "http://me:pw-SECRET@gpu:8000/v1?key=SECRET",
                                 "XINDEGEN_LLM_MODEL": "m"})
    assert not any("SECRET" in line for line in c.describe())  # a password in the address is not shown


def test_config_problems_are_named(config_dir: Path) -> None:
    with pytest.raises(InputError, match="没有配置大模型服务"):
        load_llm_config(environ={})
    with pytest.raises(InputError, match="没有默认模型"):
        load_llm_config(environ={"XINDEGEN_LLM_PRESET": "vllm"})
    with pytest.raises(InputError, match="没有名为“openai”的预设"):
        load_llm_config(environ={"XINDEGEN_LLM_PRESET": "openai"})
    with pytest.raises(InputError, match="XINDEGEN_LLM_TIMEOUT 应为数字"):
        load_llm_config(environ={"XINDEGEN_LLM_PRESET": "deepseek", "XINDEGEN_LLM_TIMEOUT": "long"})
    (config_dir / "llm.yaml").write_text("preset: deepseek\nmodle: x\nretries: 99\n", encoding="utf-8")
    with pytest.raises(LLMConfigError) as info:
        load_llm_config(environ={})
    assert [str(p).split(": ", 1)[1] for p in info.value.problems] == [
        "modle: 未知的项“modle”，可用：preset、base_url、model、api_key、api_key_env、timeout、retries、backoff、"
        "attempts、concurrency、temperature、max_tokens",
        "retries: 应在 0–10 之间（收到 99）"]
    assert [p.line for p in info.value.problems] == [2, 3]


SPEECH = ("张局长在全市安全生产工作会议上的讲话\n同志们，今天召开这次会议，主要任务是部署安全生产工作。\n"
          "一、思想上要高度重视安全生产\n安全生产是发展的前提，必须始终绷紧这根弦。\n"
          "二、工作上要狠抓隐患排查治理\n要对重点行业领域开展拉网式排查。\n"
          "三、作风上要真抓实干\n各级干部要深入一线，不能坐在办公室里抓安全。\n")
PLAIN = ("安全生产是企业发展的生命线，各部门要把安全生产作为头等大事来抓。全体职工要增强安全意识，严格遵守操作规程，"
         "杜绝违章作业。管理人员要加强现场巡查，及时发现和消除隐患。安全生产责任重于泰山，必须常抓不懈。\n")


@pytest.mark.parametrize("text", [SPEECH, PLAIN])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_draft_on_study_material_passes_as_the_offline_writer_cites_it(text: str, seed: int) -> None:
    from xindegen.compose.material import extract

    material = extract(text, "材料.txt")
    outline = compose(ComposeRequest(topic="学习安全生产会议精神", seed=seed, material=material))
    parts, allowed = plan_parts(outline, Brief(), material, 1500)
    assert any(c.aliases for p in parts for c in p.cites)
    for part in parts:
        c = Check(part, allowed, [s.heading or "" for s in outline.sections], {})
        assert faults_of("\n\n".join(part.offline), c) == [], part.label


# Topics whose offline text once tripped a check: quotations ending in 。 inside “”, a pack fact that
# reports a speech, sources written as a date and an occasion (陈云1990年……的条幅).
OBEDIENT = ["青年干部培训", "中层干部能力提升", "法治学习", "团建拓展", "志愿服务", "专题党课", "国庆与建党纪念",
            "总体国家安全观", "中央八项规定精神", "观看电影《长津湖》", "读书", "数字政府建设"]


@pytest.mark.parametrize("topic", OBEDIENT)
def test_a_model_that_writes_the_plan_as_planned_passes(topic: str) -> None:
    brief = Brief(occasion="2026年全市专题培训", role="科员", examples=("上个月我接待了三十多位群众",))
    for seed, b in ((1, Brief()), (2, Brief()), (1, brief), (2, brief)):
        outline = compose(ComposeRequest(topic=topic, seed=seed, brief=b))
        fits = abs(outline.body_chars() - 1500) <= 150  # the offline draft reached the length asked for
        parts, allowed = plan_parts(outline, b, None, 1500)
        for part in parts:
            c = Check(part, allowed, [s.heading or "" for s in outline.sections], {})
            faults = [f for f in faults_of("\n\n".join(part.offline), c) if fits or not f.startswith("篇幅不对")]
            assert faults == [], (seed, part.label)
