"""Wording choices (甲|乙): how they resolve, how bad ones are reported, and the 查重 audit."""

from __future__ import annotations

import itertools
import math
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from xindegen.cli import main
from xindegen.compose.audit import SLOT_WIDTH
from xindegen.compose.grammar import Spread, choice_problem, choices, fixed_run, wording
from xindegen.compose.plan import compose
from xindegen.compose.request import ComposeRequest
from xindegen.compose.rhetoric import load_rhetoric
from xindegen.paths import builtin_data_dir

PATTERN = "安全生产(关系|关乎|事关)每一(名|位)职工的(生命|安危)"
ALL = {f"安全生产{a}每一{b}职工的{c}" for a, b, c in itertools.product(["关系", "关乎", "事关"], "名位",
                                                                        ["生命", "安危"])}


def test_a_draft_takes_one_option_of_each_choice() -> None:
    seen = {wording(PATTERN, random.Random(i)) for i in range(200)}
    assert seen == ALL
    assert wording("没有选择项的句子", random.Random(1)) == "没有选择项的句子"
    assert wording("(的|)", random.Random(3)) in ("的", "")


def test_batch_rounds_take_every_wording_before_repeating_one() -> None:
    count = math.prod(len(c) for c in choices(PATTERN))
    assert count == len(ALL) == 12
    for block in range(3):
        rounds = range(block * count, (block + 1) * count)
        assert {wording(PATTERN, r) for r in rounds} == ALL
    assert wording(PATTERN, 5) == wording(PATTERN, 5)  # reproducible


@pytest.mark.parametrize("pattern, problem", [
    ("a(b|c", "不配对"), ("a(b)c", "至少两个"), ("a((b|c))", "嵌套"), ("a|b", "之内"), ("(x|x)", "至少两个"),
])
def test_malformed_choices_are_named(pattern: str, problem: str) -> None:
    message = choice_problem(pattern)
    assert message is not None and problem in message
    assert choice_problem("(甲|乙)和(丙|)") is None


def test_fixed_run_counts_what_every_wording_shares() -> None:
    def width(name: str) -> int | None:
        return SLOT_WIDTH.get(name)

    assert fixed_run("一二三四五", width) == (5, "一二三四五")
    assert fixed_run("一二(三|四)五六", width) == (2, "一二")
    assert fixed_run("(严格执行|认真执行)操作规程", width) == (6, "执行操作规程")  # the options' shared end
    assert fixed_run("对{subject}的(重要性|意义)", width) == (8, "对{subject}的")
    assert fixed_run("{significance}，一二三", width) == (4, "，一二三")  # a varying slot breaks
    assert fixed_run("甲乙【此处补充本人的工作实例】丙", width) == (2, "甲乙")


DUSHU_PACK = builtin_data_dir() / "packs" / "dushu.yaml"


def _user_pack(tmp_path: Path, phrase: str) -> Path:
    text = DUSHU_PACK.read_text(encoding="utf-8")
    head, sep, rest = text.partition("  significance:\n")
    (tmp_path / "packs").mkdir(exist_ok=True)
    target = tmp_path / "packs" / "dushu.yaml"
    target.write_text(head + sep + f"    - {phrase}\n" + rest, encoding="utf-8")
    return target


def test_data_check_names_the_line_of_a_malformed_choice(tmp_path: Path) -> None:
    target = _user_pack(tmp_path, "读书(让人|使人明智")
    line = target.read_text(encoding="utf-8").splitlines().index("    - 读书(让人|使人明智") + 1
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    assert res.exit_code == 1
    assert f"{target}:{line}: sentences.significance[0]: 括号不配对" in res.output
    assert "Traceback" not in res.output


def test_choices_are_refused_where_they_cannot_work(tmp_path: Path) -> None:
    (tmp_path / "titles.yaml").write_text('version: 1\ntitles:\n  - {pattern: "(守好|守住){short}", '
                                          'subtitle: null}\n', encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    assert res.exit_code == 1 and "titles[0].pattern: 这里不能用 (甲|乙) 选择项" in res.output
    (tmp_path / "titles.yaml").unlink()
    pack = DUSHU_PACK.read_text(encoding="utf-8").replace("short: [", "short: [(书香|墨香), ", 1)
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "dushu.yaml").write_text(pack, encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    assert res.exit_code == 1 and "terms.short[0]: 这里不能用 (甲|乙) 选择项" in res.output


def test_audit_passes_on_the_shipped_data_and_flags_a_fixed_phrase(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["data", "audit"])
    assert res.exit_code == 0, res.output
    target = _user_pack(tmp_path, "读书是一件需要长期坚持下去的事情")
    res = CliRunner().invoke(main, ["data", "audit", str(tmp_path)])
    assert res.exit_code == 1
    line = target.read_text(encoding="utf-8").splitlines().index("    - 读书是一件需要长期坚持下去的事情") + 1
    assert f"{target}:{line}: sentences.significance[0]: 连续 16 字固定不变" in res.output
    target = _user_pack(tmp_path, "读书(是一件需要长期坚持下去的事情|贵在坚持)")  # one option too long
    res = CliRunner().invoke(main, ["data", "audit", str(tmp_path)])
    assert res.exit_code == 1 and "连续 14 字固定不变：“是一件需要长期坚持下去的事情”" in res.output


@pytest.mark.parametrize("topic", ["安全生产", "数字政府建设", "读书"])
def test_drafts_never_show_choice_syntax(topic: str) -> None:
    rh = load_rhetoric()
    for i in range(8):
        o = compose(ComposeRequest(topic=topic, seed=i, length=3000), rhetoric=rh, spread=Spread(i, 8, 1))
        text = "".join([o.title, *(s.heading or "" for s in o.sections), *o.body_paragraphs()])
        assert not set("()|{}") & set(text), text
