"""Rhetoric data: shipped sizes the issue promises, validation with lines, user overrides."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from xindegen.cli import main
from xindegen.compose.grammar import SLOT
from xindegen.compose.rhetoric import ROLES, load_rhetoric
from xindegen.paths import builtin_data_dir

MOVES = ["lead_join", "lead_gain", "lead_sig", "lead_insight", "lead_bridge", "sec_gloss", "sec_point",
         "sec_sig", "sec_problem", "sec_measure", "sec_reflect", "sec_example", "sec_wrap", "sec_extra",
         "close_open", "close_call", "close_end"]


@pytest.fixture(scope="module")
def rh():
    return load_rhetoric()


def variants(rh, symbol: str) -> int:
    """Distinct expansions of a move, counting only the grammar (pack phrases count once)."""
    alts = rh.moves[symbol]
    total = 0
    for options in alts.values():
        for alt in options:
            total += math.prod(variants(rh, s) for s in SLOT.findall(alt) if s in rh.moves)
    return total


def test_shipped_data_meets_the_promised_sizes(rh) -> None:
    assert len(rh.families) >= 15 and len(rh.titles) >= 20
    assert len(rh.quotes) >= 150
    assert len(rh.packs) >= 15
    for pack in rh.packs.values():
        assert sum(len(v) for v in pack.sentences.values()) >= 40, pack.key
    for move in MOVES:
        assert variants(rh, move) >= 30, move


def test_every_quote_has_a_source_and_known_roles(rh) -> None:
    texts = [q.text for q in rh.quotes]
    assert len(texts) == len(set(texts))
    for q in rh.quotes:
        assert q.kind == "proverb" or q.source, q.text
        assert not q.text.endswith("。") and "“" not in q.text
    # every section role and every pack finds apt quotations
    for pack in rh.packs.values():
        for role in ROLES:
            apt = [q for q in rh.quotes if role in q.roles and set(q.tags) & set(pack.tags)]
            assert len(apt) >= 3, (pack.key, role)


def test_moves_reference_only_known_slots(rh) -> None:
    known = {"subject", "short", "occasion", "goal", "value", "keyword", "audience", "audience_one",
             "significance", "problem", "measure", "reflection", "vision", "term", "quote", "author",
             "work", "source", "material", "core"}
    for symbol, alts in rh.moves.items():
        for options in alts.values():
            for alt in options:
                for slot in SLOT.findall(alt):
                    assert slot in known or slot in rh.moves, (symbol, slot)


def test_families_give_equal_length_fillers(rh) -> None:
    for fam in rh.families.values():
        for slot, by_role in fam.slots.items():
            assert len({len(x) for fills in by_role.values() for x in fills}) == 1, (fam.name, slot)


BAD_PACK = """version: 1
name: 测试
aliases: [测试甲]
keywords: [测试, 检验, 考核, 评估, 验收, 抽查]
tags: [学习, 不存在的标签, 落实, 实干]
audience: 党员干部
terms:
  subject: [测试工作, 测试]
  short: [测试]
  occasion: [测试培训, 测试活动]
  goal: [做好测试, 抓好测试。]
  value: [质量第一, 预防为主]
  keyword: [质量, 标准]
  heading:
    thinking: [质量意识, 标准意识, 测试观念]
    ability: [测试能力, 分析能力, 工具本领]
    action: [问题整改, 过程管控, 闭环]
sentences: {}
"""


def test_data_check_reports_every_problem_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "ceshi.yaml").write_text(BAD_PACK, encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    assert res.exit_code == 1
    out = res.output
    f = str(tmp_path / "packs" / "ceshi.yaml")
    assert f"{f}:3: aliases: 至少需要 2 项" in out
    assert f"{f}:5: tags[1]: 未知的主题标签“不存在的标签”" in out
    assert f"{f}:11: terms.goal[1]: 短语末尾不要加标点" in out
    assert f"{f}:17: terms.heading.action[2]: 应为 4 个字（现为 2 个）：闭环" in out
    assert "sentences.significance: 应为列表" in out
    assert "Traceback" not in out


def test_user_pack_and_quotes_add_to_the_builtin_data(tmp_path: Path, config_dir: Path) -> None:
    builtin = load_rhetoric()
    pack = next(iter(builtin.packs.values()))
    user = config_dir / "data"
    (user / "packs").mkdir(parents=True)
    src = builtin_data_dir() / "packs" / f"{pack.key}.yaml"
    text = src.read_text(encoding="utf-8").replace(f"name: {pack.name}", "name: 用户主题", 1)
    (user / "packs" / "yonghu.yaml").write_text(text, encoding="utf-8")
    (user / "quotes.yaml").write_text(
        "version: 1\nquotes:\n  - {text: 学而时习之，不亦说乎？, author: null, work: 《论语·学而》, "
        "kind: classic, tags: [学习, 坚持], roles: [ability]}\n", encoding="utf-8")
    mine = load_rhetoric()
    assert "yonghu" in mine.packs and mine.packs["yonghu"].name == "用户主题"
    assert len(mine.packs) == len(builtin.packs) + 1
    added = [q for q in mine.quotes if q.text == "学而时习之，不亦说乎？"]
    assert len(added) == 1 and added[0].tags == ("学习", "坚持") and added[0].roles == ("ability",)
    assert mine.version() != builtin.version()


def test_fingerprint_covers_names_and_content_not_location(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from xindegen.compose import rhetoric

    here = load_rhetoric().version()
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(builtin_data_dir(), elsewhere)
    monkeypatch.setattr(rhetoric, "builtin_data_dir", lambda: elsewhere)
    assert load_rhetoric().version() == here  # the same files installed in another place
    titles = elsewhere / "titles.yaml"
    titles.write_text(titles.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert load_rhetoric().version() != here


def test_loaded_rhetoric_is_read_only() -> None:
    """Every caller gets the same loaded data, so none may change it under another."""
    import dataclasses

    rh = load_rhetoric()
    pack = next(iter(rh.packs.values()))
    with pytest.raises(TypeError):
        rh.packs["mine"] = pack  # type: ignore[index]
    with pytest.raises(TypeError):
        pack.sentences["problem"] = ()  # type: ignore[index]
    with pytest.raises(TypeError):
        rh.moves["sec_wrap"]["any"] = ()  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rh.generic = None  # type: ignore[misc]
    assert isinstance(rh.quotes, tuple) and isinstance(rh.titles, tuple)
    assert load_rhetoric() is rh


def test_data_list_shows_families_and_packs() -> None:
    res = CliRunner().invoke(main, ["data", "list"])
    assert res.exit_code == 0 and "gongfu" in res.output and "anquan_shengchan" in res.output
