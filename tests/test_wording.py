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
    assert fixed_run("{why}，一二三", width) == (4, "，一二三")  # a varying slot breaks
    assert fixed_run("一二“三四五六七八九十”十一", width) == (2, "一二")  # 查重 skips quotations and titles
    assert fixed_run("甲乙【此处补充本人的工作实例】丙", width) == (2, "甲乙")


BAOMI_PACK = builtin_data_dir() / "packs" / "baomi_jiaoyu.yaml"


def _user_pack(tmp_path: Path, phrase: str) -> tuple[Path, int]:
    """A copy of a shipped pack with ``phrase`` as its first lead sentence; the phrase's line."""
    lines = BAOMI_PACK.read_text(encoding="utf-8").splitlines()
    at = lines.index("lead:") + 1
    lines.insert(at, f"  - {phrase}")
    (tmp_path / "packs").mkdir(exist_ok=True)
    target = tmp_path / "packs" / "baomi_jiaoyu.yaml"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target, at + 1


def test_data_check_names_the_line_of_a_malformed_choice(tmp_path: Path) -> None:
    target, line = _user_pack(tmp_path, "保密(让人|使人警醒")
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    assert res.exit_code == 1
    assert f"{target}:{line}: lead[0]: 括号不配对" in res.output
    assert "Traceback" not in res.output


def test_choices_are_refused_where_they_cannot_work(tmp_path: Path) -> None:
    (tmp_path / "titles.yaml").write_text('version: 2\ntitles:\n  - {pattern: "(守好|守住){name}"}\n',
                                          encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    assert res.exit_code == 1 and "titles[0].pattern: 这里不能用 (甲|乙) 选择项" in res.output
    (tmp_path / "titles.yaml").unlink()
    pack = BAOMI_PACK.read_text(encoding="utf-8").replace("keys: [", "keys: [(保密|守密), ", 1)
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "baomi_jiaoyu.yaml").write_text(pack, encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    assert res.exit_code == 1 and "keys[0]: 这里不能用 (甲|乙) 选择项" in res.output


def test_audit_passes_on_the_shipped_data_and_flags_a_fixed_phrase(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["data", "audit"])
    assert res.exit_code == 0, res.output
    target, line = _user_pack(tmp_path, "保密是一件需要长期坚持下去的事情")
    res = CliRunner().invoke(main, ["data", "audit", str(tmp_path)])
    assert res.exit_code == 1
    assert f"{target}:{line}: lead[0]: 连续 16 字固定不变" in res.output
    target, line = _user_pack(tmp_path, "保密(是一件需要长期坚持下去的事情|贵在坚持)")  # one option too long
    res = CliRunner().invoke(main, ["data", "audit", str(tmp_path)])
    assert res.exit_code == 1 and "连续 14 字固定不变：“是一件需要长期坚持下去的事情”" in res.output


@pytest.mark.parametrize("topic", ["安全生产", "垃圾分类", "读书", "观看电影《长津湖》"])
def test_drafts_never_show_choice_syntax(topic: str) -> None:
    rh = load_rhetoric()
    for i in range(8):
        o = compose(ComposeRequest(topic=topic, seed=i, length=3000), rhetoric=rh, spread=Spread(i, 8, 1))
        text = "".join([o.title, *(s.heading or "" for s in o.sections), *o.body_paragraphs()])
        assert not set("()|{}") & set(text), text
