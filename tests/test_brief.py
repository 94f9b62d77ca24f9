"""The brief: what only the writer knows, asked in a questionnaire and used in the writer's words."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from xindegen.cli import main
from xindegen.compose.brief import FIELDS, Brief, load_brief, with_facts
from xindegen.compose.plan import compose
from xindegen.compose.request import ComposeRequest
from xindegen.errors import InputError
from xindegen.outline_io import load_outline

BRIEF = """\
topic: 安全生产专题培训
occasion: 2026年化工园区安全生产专题培训
organizer: 园区安委会办公室
date: 2026-11-20
speaker: 应急管理局王工程师
points:
  - 新修改的安全生产法要点
  - 动火作业事故案例
  - 应急处置流程
impressions:
  - 王工程师讲的一起动火作业事故，三个人因为没有做气体检测而丧生，让我很受震动
role: 车间安全员
examples:
  - 上个月我在巡检中发现一处管道法兰渗漏，当班就报修处理了
shortcomings:
  - 我有时巡检赶时间，对仪表数据只看不记
plans:
  - 每天巡检后把关键仪表数据录入台账
  - 每月组织班组复盘一次演练
"""


def write(tmp_path: Path, text: str, name: str = "brief.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("seed", range(6))
def test_every_answer_lands_in_its_part_of_the_draft(tmp_path: Path, seed: int) -> None:
    brief = load_brief(write(tmp_path, BRIEF))
    o = compose(ComposeRequest(topic=brief.topic or "", seed=seed, brief=brief))
    lead = "".join(o.lead.paragraphs)
    sections = "".join(p for s in o.sections for p in s.paragraphs)
    closing = "".join(o.closing.paragraphs)
    for fact in ("2026年11月20日", "园区安委会办公室", "2026年化工园区安全生产专题培训", "应急管理局王工程师",
                 "新修改的安全生产法要点", "动火作业事故案例", "应急处置流程", "车间安全员"):
        assert fact in lead, fact
    assert "三个人因为没有做气体检测而丧生" in sections
    assert "我在巡检中发现一处管道法兰渗漏" in sections
    assert "我有时巡检赶时间，对仪表数据只看不记" in sections  # the self-examination, first person
    for plan in ("每天巡检后把关键仪表数据录入台账", "每月组织班组复盘一次演练"):
        assert plan in closing + "".join(o.sections[-1].paragraphs), plan
    assert "【" not in "".join(o.body_paragraphs())  # the brief answered what the placeholder asks
    assert o.meta["brief"] == [f for f in FIELDS if getattr(brief, f)]
    assert abs(o.body_chars() - 1500) <= 150


def test_facts_on_the_command_line_append_to_lists_and_replace_the_rest() -> None:
    b = with_facts(Brief(examples=("甲",), role="乙"), ("examples=丙", "role=丁", "occasion= 戊。"))
    assert b.examples == ("甲", "丙") and b.role == "丁" and b.occasion == "戊"
    with pytest.raises(InputError, match="--fact 应写成 项=内容"):
        with_facts(Brief(), ("没有等号",))
    with pytest.raises(InputError, match="不能为空"):
        with_facts(Brief(), ("role=",))


def test_new_with_brief_and_facts_writes_them_in(tmp_path: Path) -> None:
    brief = write(tmp_path, "topic: 档案工作\nrole: 区档案馆库房管理员\n")
    out = tmp_path / "d.yaml"
    fact = "examples=今年夏天我把库房温湿度记录改成了每日两次"
    res = CliRunner().invoke(main, ["new", "--brief", str(brief), "--fact", fact, "--seed", "3", "-o", str(out)])
    assert res.exit_code == 0, res.output
    text = "".join(load_outline(out).body_paragraphs())
    assert "区档案馆库房管理员" in text and "今年夏天我把库房温湿度记录改成了每日两次" in text


@pytest.mark.parametrize("text,message", [
    ("topic: 档案\nrol: 馆员\n", "brief.yaml:2: rol: 未知的项“rol”"),
    ("topic: 档案\nrole: [馆员, 科员]\n", "brief.yaml:2: role: 这一项只写一条（不是列表）"),
    ("topic: 档案\nexamples:\n  - 我做过\n  - '   '\n", "brief.yaml:4: examples[1]: 不能为空"),
    ("topic: 档案\nplans:\n  - 【今后打算】\n", "brief.yaml:3: plans[0]: 请把【……】换成你的实际情况"),
    ("- 不是映射\n", "brief.yaml:1: 简报应为“键: 值”映射"),
    ("topic: [\n", "brief.yaml:2: YAML 语法错误"),
])
def test_bad_briefs_are_refused_with_their_line(tmp_path: Path, text: str, message: str) -> None:
    brief = write(tmp_path, text)
    out = tmp_path / "d.md"
    res = CliRunner().invoke(main, ["new", "--brief", str(brief), "-o", str(out)])
    assert res.exit_code == 1 and message in res.stderr, res.output
    assert "Traceback" not in res.output and not out.exists()


def test_a_brief_without_topic_needs_one() -> None:
    res = CliRunner().invoke(main, ["new", "--fact", "role=馆员"])
    assert res.exit_code == 1 and "缺少主题" in res.stderr


@pytest.mark.parametrize("topic,asks", [
    ("观看电影《长津湖》", "最打动你的一个情节或人物"),
    ("青年干部培训班", "培训讲了哪些内容"),
    ("档案工作", "你这方面工作的主要内容"),
    ("参观红色教育基地", "印象最深的一件展品"),
])
def test_the_questionnaire_fits_the_kind_and_loads_empty(tmp_path: Path, topic: str, asks: str) -> None:
    out = tmp_path / "b.yaml"
    res = CliRunner().invoke(main, ["brief", "--topic", topic, "-o", str(out)])
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    assert asks in text
    data = yaml.safe_load(text)
    assert list(data) == list(FIELDS) and data["topic"] == topic
    assert load_brief(out) == Brief(topic=topic)  # nothing answered yet: nothing invented
    res = CliRunner().invoke(main, ["brief", "--topic", topic, "-o", str(out)])
    assert res.exit_code == 1 and "--overwrite" in res.output  # never overwritten unasked


def test_brief_to_the_screen_and_bad_suffix(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["brief"])
    assert res.exit_code == 0 and "occasion:" in res.stdout
    res = CliRunner().invoke(main, ["brief", "-o", str(tmp_path / "b.txt")])
    assert res.exit_code == 2 and not (tmp_path / "b.txt").exists()


def test_manifest_brief_columns_give_each_person_their_own_facts(tmp_path: Path) -> None:
    rows = [["author", "role", "examples", "shortcomings"],
            ["张三", "窗口受理员", "上周我帮一位老人代填了三张表", "我对新政策掌握得还不够快"],
            ["李四", "网格员", "我每周走访独居老人两次；雨季前我排查了楼道积水", "我有时记录不够及时"]]
    manifest = tmp_path / "m.csv"
    with manifest.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["batch", str(manifest), "-o", str(out), "--topic", "社区工作", "--seed", "2",
                                    "--name", "{author}.md", "-j", "1"])
    assert res.exit_code == 0, res.output
    zhang = (out / "张三.md").read_text(encoding="utf-8")
    li = (out / "李四.md").read_text(encoding="utf-8")
    assert "窗口受理员" in zhang and "上周我帮一位老人代填了三张表" in zhang and "我对新政策掌握得还不够快" in zhang
    assert "网格员" in li and "我每周走访独居老人两次" in li and "雨季前我排查了楼道积水" in li
    assert "窗口受理员" not in li


def test_questions_are_the_questionnaires_own() -> None:
    from xindegen.compose.brief import questionnaire, questions

    asked = questions("film")
    assert [q.key for q in asked] == list(FIELDS[1:])
    text = questionnaire("观看电影《长津湖》", "film")
    for q in asked:
        assert q.ask.splitlines()[0] in text  # the same words in the YAML form and the web form
    assert {q.key for q in asked if q.multiple} == {"points", "impressions", "examples", "shortcomings", "plans"}
    assert next(q for q in asked if q.key == "impressions").ask.startswith("最打动你的一个情节或人物")
