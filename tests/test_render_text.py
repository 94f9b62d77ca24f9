"""Markdown and plain-text rendering, template overrides and the sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest

from xindegen import Outline, Section, TemplateError, load_outline, render_text
from xindegen.text import chinese_numeral

from .conftest import GOLDEN, SAMPLE


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_sample_matches_golden(fmt: str) -> None:
    # The golden files were rendered once and read line by line against outlines/sample.yaml.
    expected = (GOLDEN / f"sample.{fmt}").read_text(encoding="utf-8")
    assert render_text(load_outline(SAMPLE), fmt) == expected


def test_plain_text_layout() -> None:
    lines = render_text(load_outline(SAMPLE), "txt").splitlines()
    assert lines[0] == "守牢安全“底线” 扛起岗位之责"
    assert lines[1] == "——参加安全生产专题培训心得体会"
    assert lines[2] == ""
    body = lines[3:]
    assert all(line.startswith("　　") for line in body)
    assert [line[2:4] for line in body if line[3] == "、"] == ["一、", "二、", "三、"]


def test_headless_sections_are_not_numbered() -> None:
    outline = Outline(title="题", sections=[Section(["甲"]), Section(["乙"], heading="有题")])
    assert render_text(outline, "txt").splitlines()[2:] == ["　　甲", "　　一、有题", "　　乙"]
    assert "## 一、有题" in render_text(outline, "md")


def test_signature_lines() -> None:
    outline = Outline(title="题", closing=Outline("x").closing, author="张三", unit="某单位", date="2026年1月3日")
    outline.closing.paragraphs.append("结尾")
    assert render_text(outline, "txt").endswith("　　结尾\n\n某单位\n张三\n2026年1月3日\n")


@pytest.mark.parametrize(("n", "expected"),
                         [(1, "一"), (9, "九"), (10, "十"), (12, "十二"), (20, "二十"), (35, "三十五"),
                          (100, "一百"), (101, "一百零一"), (110, "一百一十"), (1005, "一千零五"),
                          (10_012, "一万零一十二"), (150_000, "十五万"), (10**8, "100000000")])
def test_chinese_numerals(n: int, expected: str) -> None:
    assert chinese_numeral(n) == expected


def test_template_dir_then_user_dir_then_builtin(tmp_path: Path, config_dir: Path) -> None:
    outline = load_outline(SAMPLE)
    user = config_dir / "templates"
    user.mkdir()
    (user / "outline.md.j2").write_text("用户模板：{{ title }}\n", encoding="utf-8")
    assert render_text(outline, "md") == "用户模板：守牢安全“底线” 扛起岗位之责\n"
    (tmp_path / "outline.md.j2").write_text("目录模板：{{ sections | length }}\n", encoding="utf-8")
    assert render_text(outline, "md", tmp_path) == "目录模板：3\n"
    assert render_text(outline, "txt", tmp_path).startswith("守牢安全")  # not overridden: built-in


@pytest.mark.parametrize(("body", "message"), [
    ("{{ titel }}", "模板使用了未定义的变量：'titel' is undefined"),
    ("{% for x in %}", "模板语法错误"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "模板试图执行不允许的操作"),
])
def test_bad_or_hostile_templates(tmp_path: Path, body: str, message: str) -> None:
    (tmp_path / "outline.md.j2").write_text(body, encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        render_text(load_outline(SAMPLE), "md", tmp_path)
    assert message in str(info.value)
    assert "outline.md.j2" in str(info.value)
