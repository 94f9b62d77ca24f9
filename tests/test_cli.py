"""The CLI layer: messages, exit codes, overwrite refusal."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from xindegen import __version__
from xindegen.cli import main

from .conftest import GOLDEN, SAMPLE

BAD = "subtitle: null\nsections:\n  - heading: 一\n    paragraphs: 不是列表\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_render_to_file_and_overwrite(tmp_path: Path) -> None:
    # tests/golden/sample.* were rendered once and read line by line against outlines/sample.yaml
    # (see test_render_text); here they show the CLI writes exactly what the library renders.
    out = tmp_path / "x.md"
    code, _, err = run("render", str(SAMPLE), "-o", str(out))
    assert code == 0 and err == f"已写入 {out}\n"
    assert out.read_text(encoding="utf-8") == (GOLDEN / "sample.md").read_text(encoding="utf-8")
    out.write_text("我的修改", encoding="utf-8")
    code, _, err = run("render", str(SAMPLE), "-o", str(out))
    assert code == 1
    assert err == f"错误：{out}: 文件已存在（如需覆盖，请加 --overwrite）\n"
    assert out.read_text(encoding="utf-8") == "我的修改"
    assert run("render", str(SAMPLE), "-o", str(out), "--overwrite")[0] == 0
    assert out.read_text(encoding="utf-8").startswith("# 守牢安全")


def test_render_to_stdout() -> None:
    code, out, _ = run("render", str(SAMPLE), "-o", "-", "--format", "txt")
    assert code == 0 and out == (GOLDEN / "sample.txt").read_text(encoding="utf-8")


def test_render_yaml_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "copy.yaml"
    assert run("render", str(SAMPLE), "-o", str(out))[0] == 0
    assert run("render", str(out), "-o", "-")[1] == (GOLDEN / "sample.md").read_text(encoding="utf-8")


def test_bad_outline_reports_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    out = tmp_path / "x.md"
    code, _, err = run("render", str(bad), "-o", str(out))
    assert code == 1
    assert err.splitlines() == [
        f"错误：{bad}:1: title: 缺少必填字段",
        f"错误：{bad}:4: sections[0].paragraphs: 应为列表（每段一项，以“- ”开头），实际是文字",
    ]
    assert "Traceback" not in err and not out.exists()


def test_validate_and_show(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    code, out, err = run("outline", "validate", str(SAMPLE), str(bad))
    assert code == 1
    assert out == f"{SAMPLE}: 有效\n"
    assert err.count(str(bad)) == 2
    code, out, _ = run("outline", "show", str(SAMPLE))
    assert code == 0
    assert out.splitlines()[0] == "守牢安全“底线” 扛起岗位之责 ——参加安全生产专题培训心得体会"
    assert "├─ 一、在思想认识上下功夫，把安全意识立起来：2 段，229 字，引语 1 条" in out
    assert out.splitlines()[-1] == "正文合计 833 字"


def test_missing_file_unknown_suffix_and_usage_errors(tmp_path: Path) -> None:
    code, _, err = run("render", str(tmp_path / "nope.yaml"), "-o", "-")
    assert code == 1 and err.startswith(f"错误：{tmp_path / 'nope.yaml'}: 文件不存在")
    code, _, err = run("render", str(SAMPLE), "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and "不支持的输出格式“.pdf”" in err
    assert run("render", str(SAMPLE))[0] == 2  # missing -o
    assert run("--no-such-option")[0] == 2


def test_version_and_debug(tmp_path: Path) -> None:
    assert run("--version")[1] == f"xindegen {__version__}\n"
    result = CliRunner().invoke(main, ["--debug", "render", str(tmp_path / "nope.yaml"), "-o", "-"])
    assert result.exit_code == 1 and result.exception is not None  # re-raised for the traceback


def test_usage_errors_are_in_chinese() -> None:
    code, _, err = run("render")
    assert code == 2
    assert "错误：缺少参数 'OUTLINE_FILE'" in err and "可运行“xindegen render --help”查看帮助。" in err
    code, _, err = run("rendr")
    assert code == 2 and "错误：没有名为 'rendr' 的命令。 是不是想输入 'render'？" in err


def test_click_speaks_chinese_only_inside_our_commands() -> None:
    import click

    code, _, err = run("new", "-t", "安全生产", "--length", "5")
    assert code == 2 and "错误：'--length' 的值无效：5 不在 500<=x<=5000 范围内。" in err and "用法:" in err

    @click.command()
    @click.option("--n", type=int)
    def other(n: int | None) -> None:
        """Another click program in the same process."""

    result = CliRunner().invoke(other, ["--n", "x"])
    assert result.exit_code == 2 and "Error: Invalid value for '--n': 'x' is not a valid integer." in result.output
    assert "Usage:" in result.output


def test_words_click_settles_when_options_are_declared_are_chinese(tmp_path: Path) -> None:
    assert "-V, --version  显示版本并退出。" in run("--help")[1]
    assert "--template-dir 目录" in run("render", "--help")[1]
    code, _, err = run("render", str(tmp_path), "-o", "x.md")
    assert code == 1 and err == f"错误：{tmp_path}: 这是一个目录，请给出文件\n"  # an input problem (README)
