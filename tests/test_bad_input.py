"""Bad input, everywhere: the exact exit code and message, no traceback, nothing written."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from xindegen.cli import main

from . import corpus

YAML_EXPECTED = {
    "empty": "empty.txt: 文件中没有提纲（空文件）",
    "whitespace": "blank.txt:2: YAML 语法错误：含有制表符（Tab），YAML 缩进只能用空格",
    "binary": "photo.txt: 这是二进制文件，不是文本文件",
    "yaml_tabs": "tabs.yaml:3: YAML 语法错误：含有制表符（Tab），YAML 缩进只能用空格",
    "yaml_duplicate_keys": "dup.yaml:3: 重复的键 “title”",
    "yaml_wrong_types": "types.yaml:1: title: 应为文字，实际是列表\ntypes.yaml:2: sections: 应为列表，实际是文字",
    "yaml_billion_laughs": "laughs.yaml:1: 别名（&/*）展开后超过 200000 个值，拒绝加载",
    "yaml_python_tag": "evil.yaml:1: 不支持的 YAML 标签 !!python/object/apply:os.system（出于安全考虑只接受普通数据）",
    "yaml_half_edited": "half.yaml:5: YAML 语法错误：方括号 [ ] 没有闭合",
    "yaml_alias_expansion": "expand.yaml:1: 文字（含别名 &/* 展开）超过 2000 万字，拒绝加载",
    "yaml_huge_int": "bigint.yaml:2: 数字太长（5000 位），如果这是文字，请加引号",
    "yaml_surrogate": "surrogate.yaml:4: 含有无效的字符 U+D800（孤立的代理项，无法保存或显示），请删除",
}


@pytest.mark.parametrize("name", sorted(corpus.YAML_INPUTS))
@pytest.mark.parametrize("command", ["render", "validate"])
def test_bad_outlines(tmp_path: Path, name: str, command: str) -> None:
    bad = corpus.YAML_INPUTS[name](tmp_path)
    existing = tmp_path / "existing.md"
    existing.write_text("我之前写好的稿子", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    args = (["render", str(bad), "-o", str(existing), "--overwrite"] if command == "render"
            else ["outline", "validate", str(bad)])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    prefix = "错误：" if command == "render" else ""
    assert result.stderr.splitlines() == [f"{prefix}{tmp_path}/{line}"
                                          for line in YAML_EXPECTED[name].splitlines()]
    assert existing.read_text(encoding="utf-8") == "我之前写好的稿子"
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no output, no temp file
    assert not (tmp_path / "pwned").exists()


# ---- text inputs: parse, new --material, check ------------------------------------------------

TEXT_EXPECTED = {
    "empty": "empty.txt: 文件为空",
    "binary": "photo.txt: 不是文本文件（看起来是二进制文件）",
    "legacy_doc": "renamed-doc.txt: 这是旧版 Word/WPS（.doc）文件，请在 Word 中另存为 .docx 后再试",
    "legacy_doc_as_docx": "old.docx: 无法打开 Word 文件（文件损坏或不是 .docx 格式）",
    "truncated_docx": "cut.docx: 无法打开 Word 文件（文件损坏或不是 .docx 格式）",
    "malformed_docx": "broken-xml.docx: 无法读取 Word 文件：XMLSyntaxError",
    "mixed_encodings": "mixed.txt: 无法识别文件编码（支持 UTF-8、GB18030/GBK、Big5、UTF-16），请另存为 UTF-8 后再试",
    "control_chars": "control.txt: 不是文本文件（看起来是二进制文件）",
}
PARSE_ONLY = {"whitespace": "blank.txt: 没有找到中文正文（文件里几乎没有汉字）"}
CHECK_ONLY = {"whitespace": "blank.txt: 文件中没有文字，无法查重"}
MATERIAL_ONLY = {"whitespace": "blank.txt: 学习材料中没有足够的中文内容",
                 "long_line": "long-line.txt: 学习材料超过 5 MB，请只保留相关部分"}


def _commands(bad: Path, out: Path) -> dict[str, list[str]]:
    return {
        "parse": ["parse", str(bad), "-o", str(out)],
        "new": ["new", "-t", "读书", "--material", str(bad), "-o", str(out / "new.docx")],
        "check": ["check", str(bad)],
    }


@pytest.mark.parametrize("name", sorted(corpus.TEXT_INPUTS))
@pytest.mark.parametrize("command", ["parse", "new", "check"])
def test_bad_text_inputs(tmp_path: Path, name: str, command: str) -> None:
    bad = corpus.TEXT_INPUTS[name](tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    keep = out / "draft.docx"
    keep.write_bytes(b"mine")
    expected = {**TEXT_EXPECTED, **(PARSE_ONLY if command == "parse" else {}),
                **(MATERIAL_ONLY if command == "new" else {}),
                **(CHECK_ONLY if command == "check" else {})}.get(name)
    result = CliRunner().invoke(main, _commands(bad, out)[command])
    if expected is None:  # a long line or blank file is not an error for every command
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"错误：{tmp_path}/{expected}"]
    assert sorted(p.name for p in out.iterdir()) == ["draft.docx"] and keep.read_bytes() == b"mine"


def test_huge_input_is_refused_quickly(tmp_path: Path) -> None:
    bad = corpus.huge_text(tmp_path)
    result = CliRunner().invoke(main, ["parse", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"错误：{bad}: 文件太大（40.0 MB），超过 20 MB 的上限"


def test_manifest_missing_required_column(tmp_path: Path) -> None:
    m = tmp_path / "名单.csv"
    m.write_text("author,unit\n张三,一科\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(m), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"错误：{m}: 名单缺少必需的列 topic（或用 --topic 给出默认主题）"
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").glob("*.docx"))


def test_check_reads_many_files_in_parallel_and_still_names_a_bad_one(tmp_path: Path) -> None:
    from xindegen.batch.check import PARALLEL_FROM

    for i in range(PARALLEL_FROM):
        text = f"第{i}篇：我们要把学习成果转化为推动工作的实际行动。" * 3
        (tmp_path / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(tmp_path), "--json"])
    assert res.exit_code == 0
    results = json.loads(res.output)  # every text repeats the others but for its number
    assert len(results) == PARALLEL_FROM and min(r["share"] for r in results) > 0.9
    (tmp_path / "zz-empty.txt").write_bytes(b"")
    res = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert res.exit_code == 1
    assert "zz-empty.txt" in res.output and "文件为空" in res.output and "Traceback" not in res.output


# ---- not regular files, as every input a command takes ------------------------------------------

NOT_REGULAR = "不是普通文件（设备、管道或套接字），拒绝读取"


def _outline(d: Path) -> Path:
    p = d / "ok.yaml"
    p.write_text("title: 标题\nsections:\n  - heading: 小标题\n    paragraphs: [一段正文]\n", encoding="utf-8")
    return p


NOT_REGULAR_USES: dict[str, tuple[str, Callable[[Path, Path], list[str]]]] = {
    # command: (suffix of the bad file, arguments given the bad file and a scratch folder)
    "parse": (".txt", lambda bad, d: ["parse", str(bad)]),
    "parse-docx": (".docx", lambda bad, d: ["parse", str(bad)]),
    "material": (".txt", lambda bad, d: ["new", "-t", "读书", "--material", str(bad), "-o", str(d / "o.md")]),
    "check": (".txt", lambda bad, d: ["check", str(bad)]),
    "validate": (".yaml", lambda bad, d: ["outline", "validate", str(bad)]),
    "render": (".yaml", lambda bad, d: ["render", str(bad), "-o", str(d / "o.md")]),
    "template": (".docx", lambda bad, d: ["render", str(_outline(d)), "-o", str(d / "o.docx"),
                                          "--template", str(bad)]),
    "manifest-csv": (".csv", lambda bad, d: ["batch", str(bad), "-o", str(d / "out")]),
    "manifest-xlsx": (".xlsx", lambda bad, d: ["batch", str(bad), "-o", str(d / "out")]),
    "brief": (".yaml", lambda bad, d: ["new", "--brief", str(bad), "-o", str(d / "o.md")]),
    "like": (".txt", lambda bad, d: ["new", "-t", "读书", "--like", str(bad), "-o", str(d / "o.md")]),
    "like-yaml": (".yaml", lambda bad, d: ["new", "-t", "读书", "--like", str(bad), "-o", str(d / "o.md")]),
    "preview": (".docx", lambda bad, d: ["preview", str(bad)]),
}


@pytest.mark.parametrize("kind", sorted(corpus.NOT_REGULAR))
@pytest.mark.parametrize("use", sorted(NOT_REGULAR_USES))
def test_not_regular_files_are_refused_everywhere(tmp_path: Path, kind: str, use: str) -> None:
    suffix, args = NOT_REGULAR_USES[use]
    bad = corpus.NOT_REGULAR[kind](tmp_path, suffix)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = CliRunner().invoke(main, args(bad, tmp_path))
    assert result.exit_code == 1, result.output
    prefix = "" if use == "validate" else "错误："
    assert result.stderr.splitlines() == [f"{prefix}{bad}: {NOT_REGULAR}"]
    after = sorted(p.name for p in tmp_path.iterdir() if p.name not in ("ok.yaml", "out"))
    assert after == before  # nothing written


def test_reading_stops_at_the_cap_whatever_the_size_says(tmp_path: Path) -> None:
    from xindegen.errors import InputError
    from xindegen.safeio import read_user_file

    p = tmp_path / "a.txt"
    p.write_bytes(b"x" * 100)
    assert read_user_file(p, 100) == b"x" * 100
    with pytest.raises(InputError, match=r"a\.txt: 文件太大（0\.0 MB），超过 0 MB 的上限"):
        read_user_file(p, 99)


# ---- zip bombs ---------------------------------------------------------------------------------

BOMB = "中的 {} 解压后超过上限（单个 100 MB、合计 200 MB），疑似压缩炸弹，拒绝读取"


@pytest.mark.parametrize(("use", "member", "what"), [
    ("parse", "word/document.xml", "Word 文件"),
    ("material", "word/document.xml", "Word 文件"),
    ("check", "word/document.xml", "Word 文件"),
    ("template", "word/document.xml", "Word 模板"),
    ("template", "word/media/image9.png", "Word 模板"),  # a part nobody renders
    ("preview", "word/document.xml", "文档"),
])
def test_zip_bombs_are_refused_before_inflating(tmp_path: Path, use: str, member: str, what: str) -> None:
    bad = corpus.docx_bomb(tmp_path, member)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = CliRunner().invoke(main, NOT_REGULAR_USES[use][1](bad, tmp_path))
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [f"错误：{bad}: {what}{BOMB.format(member)}"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "ok.yaml") == before


def test_a_bomb_that_understates_its_size_is_refused_too(tmp_path: Path) -> None:
    bad = corpus.docx_bomb(tmp_path, declared=4096)
    result = CliRunner().invoke(main, ["parse", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"错误：{bad}: 无法打开 Word 文件（文件损坏或不是 .docx 格式）"]


def test_xlsx_manifest_bomb(tmp_path: Path) -> None:
    bad = corpus.xlsx_bomb(tmp_path)
    result = CliRunner().invoke(main, ["batch", str(bad), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"错误：{bad}: Excel 文件{BOMB.format('xl/media/image1.png')}"]


def test_zip_caps_count_each_member_and_the_total() -> None:
    import io
    import zipfile

    from xindegen.safeio import ZipBomb, check_zip

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in ("a", "b", "c"):
            zf.writestr(name, b"x" * 1000)
    data = buf.getvalue()
    assert check_zip(data, member_cap=1000, total_cap=3000) == {n: b"x" * 1000 for n in "abc"}
    with pytest.raises(ZipBomb, match="中的 a "):
        check_zip(data, member_cap=999, total_cap=3000)
    with pytest.raises(ZipBomb, match="中的 c "):
        check_zip(data, member_cap=1000, total_cap=2999)


# ---- characters no encoder takes, numbers past 99, a closed stdout ------------------------------

def test_outline_show_refuses_a_lone_surrogate(tmp_path: Path) -> None:
    bad = corpus.yaml_surrogate(tmp_path)
    result = CliRunner().invoke(main, ["outline", "show", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"错误：{tmp_path}/{YAML_EXPECTED['yaml_surrogate']}"]


@pytest.mark.parametrize("fmt", ["md", "txt", "docx", "show"])
def test_more_than_99_sections_are_numbered_in_chinese(tmp_path: Path, fmt: str) -> None:
    outline = corpus.many_sections(tmp_path)
    if fmt == "show":
        result = CliRunner().invoke(main, ["outline", "show", str(outline)])
        assert result.exit_code == 0 and "├─ 一百二十、第119个小标题" in result.output
        return
    out = tmp_path / f"o.{fmt}"
    result = CliRunner().invoke(main, ["render", str(outline), "-o", str(out)])
    assert result.exit_code == 0, result.output
    if fmt != "docx":
        assert "一百二十、第119个小标题" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [
    ["new", "--topic", "\udcff"],  # the bytes b"\xff" as Python hands them over
    ["new", "--topic", "读书", "--fact", "role=\udcfe"],
    ["headings", "--topic", "安全\udc80生产"],
])
def test_option_text_that_is_not_utf8_is_a_usage_error(args: list[str]) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "的值无效：不是有效的 UTF-8 文字（含有无法识别的字节），请检查终端的编码设置" in result.stderr
    assert "Traceback" not in result.output


def test_a_file_name_that_is_not_utf8_still_works(tmp_path: Path) -> None:
    import os

    name = os.fsdecode(b"\xff.txt")
    text = "学习心得\n通过这次学习，我对工作有了新的认识，也找到了自己的差距和不足。\n"
    (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "o.yaml"
    result = CliRunner().invoke(main, ["new", "-t", "读书", "--material", str(tmp_path / name), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert CliRunner().invoke(main, ["render", str(out), "-o", str(tmp_path / "o.md")]).exit_code == 0


@pytest.mark.parametrize("args", [
    ["parse", "{ex}/安全生产.md"], ["render", "{ex}/../outlines/sample.yaml", "-o", "-"],
    ["new", "-t", "读书"], ["templates", "list"]])
def test_a_closed_stdout_is_an_error_not_silence(args: list[str]) -> None:
    import shlex
    import subprocess
    import sys

    examples = Path(__file__).parent.parent / "examples"
    argv = [sys.executable, "-m", "xindegen", *(a.format(ex=examples) for a in args)]
    proc = subprocess.run(["bash", "-c", shlex.join(argv) + " >&-"], capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == ["错误：标准输出已关闭，无法输出结果（可用 -o 写入文件）"]


# ---- option values and odd requests: each a message with the documented exit code ---------------

USAGE = [  # exit 2: an option value out of its range
    (["check", "{ok}", "--max", "nan"], "'--max' 的值无效：应为 0 到 1 之间的数，如 0.3"),
    (["check", "{ok}", "--max-pair", "NaN"], "'--max-pair' 的值无效：应为 0 到 1 之间的数，如 0.3"),
    (["new", "-t", "读书", "--date", "2026-02-30"], "'--date' 的值无效：日期“2026-02-30”不存在"),
    (["new", "-t", "读书", "--date", "2026年13月1日"], "'--date' 的值无效：日期“2026年13月1日”不存在"),
    (["new", "-t", "读书", "--date", "garbage"],
     "'--date' 的值无效：日期“garbage”无法识别（可写作 2026-01-03 或 2026年1月3日）"),
]
INPUT = [  # exit 1: a problem with an input, named
    (["check", "{ok}", "{ok}"], "错误：{ok}: 同一个文件给出了两次（不能与自己查重）"),
    (["new", "-t", "\u200b\u00a0\u3000\ufeff"], "错误：主题中没有看得见的文字（只有空格或零宽字符）"),
    (["brief", "-t", "\u200b\u2060"], "错误：主题中没有看得见的文字（只有空格或零宽字符）"),
    (["render", "{outline}", "-o", "-", "--template-dir", "{d}/nonexist"], "错误：{d}/nonexist: 目录不存在"),
    (["new", "-t", "读书", "--template-dir", "{d}/nonexist"], "错误：{d}/nonexist: 目录不存在"),
    (["templates", "export", "/etc/passwd", "-o", "{d}/x.txt"],
     "错误：没有名为“/etc/passwd”的模板（可导出：gongwen、plain、md、txt）"),
    (["preview", "{random}"], "错误：{random}: 无法打开文档（文件损坏或不是 .docx 格式）"),
    (["preview", "{d}/random.doc"], "错误：{d}/random.doc: 不是有效的 .doc 文件（文件损坏或格式不符）"),
    # the README's table: a missing file or a directory for a file is an input problem, exit 1
    (["parse", "{d}"], "错误：{d}: 这是一个目录，请给出文件"),
    (["learn", "{d}/nope.txt", "-o", "{d}/learned"], "错误：{d}/nope.txt: 文件不存在"),
    (["parse", "{ok}", "-o", "{ok}"], "错误：{ok}: 这不是目录"),
]


def _fill(args: list[str], d: Path) -> tuple[list[str], dict[str, str]]:
    ok = d / "ok.txt"
    ok.write_text("学习心得\n通过这次学习，我对工作有了新的认识，也找到了自己的差距和不足。\n", encoding="utf-8")
    random = d / "random.docx"
    random.write_bytes(bytes(range(256)) * 8)
    (d / "random.doc").write_bytes(bytes(range(256)) * 8)
    names = {"ok": str(ok), "outline": str(_outline(d)), "d": str(d), "random": str(random)}
    return [a.format(**names) for a in args], names


@pytest.mark.parametrize(("args", "message"), USAGE)
def test_bad_option_values_are_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    filled, _ = _fill(args, tmp_path)
    result = CliRunner().invoke(main, filled)
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[-1] == f"错误：{message}"


@pytest.mark.parametrize(("args", "message"), INPUT)
def test_input_problems_exit_1_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    filled, names = _fill(args, tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = CliRunner().invoke(main, filled)
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [message.format(**names)]
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_dates_people_write_are_accepted(tmp_path: Path) -> None:
    for date in ("2026-01-03", "2026/1/3", "2026年1月3日", "2026年1月", "二〇二六年一月三日", "2024-02-29"):
        result = CliRunner().invoke(main, ["new", "-t", "读书", "--date", date, "--seed", "1"])
        assert result.exit_code == 0, (date, result.output)


def test_preview_errors_name_the_users_file_not_its_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("XINDEGEN_SOFFICE", str(fake))
    doc = tmp_path / "我的心得.docx"
    doc.write_bytes(corpus._docx_bytes(corpus._GOOD_BODY))
    result = CliRunner().invoke(main, ["preview", str(doc)])
    assert result.exit_code == 1
    reason = "LibreOffice 未能转换此文件：Error: source file could not be loaded"
    assert result.stderr.splitlines() == [f"错误：{doc}: {reason}"]


HUGE = "9" * 5000


@pytest.mark.parametrize(("use", "name", "text", "line"), [
    ("brief", "简报.yaml", f"topic: 读书\nrole: {HUGE}\n", 2),
    ("manifest", "名单.yaml", f"- topic: 读书\n  length: {HUGE}\n", 2),
    ("data", "families.yaml", f"version: {HUGE}\n", 1),
])
def test_a_5000_digit_number_anywhere_is_one_line(tmp_path: Path, use: str, name: str, text: str,
                                                   line: int) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    bad = folder / name
    bad.write_text(text, encoding="utf-8")
    args = {"brief": ["new", "--brief", str(bad), "-o", str(tmp_path / "o.md")],
            "manifest": ["batch", str(bad), "-o", str(tmp_path / "out"), "-j", "1"],
            "data": ["data", "check", str(folder)]}[use]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    prefix = "" if use == "data" else "错误："
    assert result.stderr.splitlines() == [f"{prefix}{bad}:{line}: 数字太长（5000 位），如果这是文字，请加引号"]


# ---- templates: a budget of time and size, one line for any error inside ------------------------

TEMPLATE_CASES = {  # template text -> the message after "模板…"
    "{{ range(10**12)|list }}": "模板中的数字参数（13 位数）太大（上限 1000000）",
    '{{ "x" * 10**10 }}': "模板构造的文字或列表太长（超过 16777216 个字符或元素）",
    "{{ [1] * 10**9 }}": "模板构造的文字或列表太长（超过 16777216 个字符或元素）",
    "{{ 2**100000000 }}": "模板中的乘方结果太大",
    '{{ "x"|center(10**9) }}': "模板中的数字参数 1000000000 太大（上限 1000000）",
    '{{ "x".ljust(10**9) }}': "模板中的数字参数 1000000000 太大（上限 1000000）",
    '{% set ns = namespace(x="ab") %}{% for i in range(60) %}{% set ns.x = ns.x ~ ns.x %}{% endfor %}':
        "模板构造的文字或列表太长（超过 16777216 个字符或元素）",
    '{% for i in range(100000) %}{{ "x" * 1000 }}{% endfor %}': "模板输出超过 67108864 个字符，已停止",
    "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}": "模板渲染失败：递归太深（宏是否在无限调用自己？）",
    '{{ "abc"|cn_num }}': "模板渲染失败：TypeError: cn_num 只能用于整数，不能用于str",
    "{{ 5|chars }}": "模板渲染失败：TypeError: expected string or bytes-like object, got 'int'",
    "{{ title|wordwrap(0) }}": "模板渲染失败：ValueError: invalid width 0 (must be > 0)",
    "{{ title|truncate(-1) }}": "模板渲染失败：AssertionError: expected length >= 3, got -1",
    '{{ "\\ud800" }}': "模板输出了无效的字符 U+D800（孤立的代理项）",
}


@pytest.mark.parametrize("source", sorted(TEMPLATE_CASES))
def test_text_templates_stay_within_budget(tmp_path: Path, source: str) -> None:
    tdir = tmp_path / "tpl"
    tdir.mkdir()
    (tdir / "outline.md.j2").write_text(source, encoding="utf-8")
    out = tmp_path / "o.md"
    result = CliRunner().invoke(main, ["render", str(_outline(tmp_path)), "-o", str(out), "--template-dir", str(tdir)])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [f"错误：{tdir}/outline.md.j2: {TEMPLATE_CASES[source]}"]
    assert not out.exists()


@pytest.mark.parametrize("tag", ["{{ range(10**12)|list }}", "{{ 5|chars }}", '{{ "x" * 10**10 }}'])
def test_word_templates_stay_within_budget(tmp_path: Path, tag: str) -> None:
    template = corpus.docx_template(tmp_path, tag)
    out = tmp_path / "o.docx"
    result = CliRunner().invoke(main, ["render", str(_outline(tmp_path)), "-o", str(out), "--template", str(template)])
    assert result.exit_code == 1, result.output
    expected = {k.replace('"', "&quot;"): v for k, v in TEMPLATE_CASES.items()}.get(tag) or TEMPLATE_CASES[tag]
    assert result.stderr.splitlines() == [f"错误：{template}: {expected}"]
    assert not out.exists()


def test_every_loop_and_call_answers_to_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    """No timing here: with no time at all, anything that loops or calls stops at its first step."""
    from xindegen.errors import TemplateError
    from xindegen.render import budget

    env = budget.BudgetedEnvironment()
    monkeypatch.setattr(budget, "TEMPLATE_SECONDS", -1.0)
    assert budget.render_bounded(env.from_string("{{ a }}-{{ b }}"), {"a": "x", "b": "y"}, "t") == "x-y"
    for source in ("{% for i in items %}{% endfor %}", "{{ items|join(a) }}", "{% macro m() %}{% endmacro %}{{ m() }}",
                   "{{ a * 2 }}", "{{ a ~ b }}"):
        with pytest.raises(TemplateError, match="^t: 模板渲染超过 -1 秒，已停止"):
            budget.render_bounded(env.from_string(source), {"items": [1, 2]}, "t")


@pytest.mark.parametrize(("drop", "replace", "message"), [
    ("[Content_Types].xml", None, "不是完整的 Word 文档：缺少 [Content_Types].xml"),
    ("_rels/.rels", None, "不是完整的 Word 文档：缺少 _rels/.rels"),
    (None, {"word/styles.xml": b"<w:styles><w:style></w:styles>"},
     "word/styles.xml 不是合法的 XML：mismatched tag: line 1, column 21"),
])
def test_word_templates_missing_or_broken_parts_are_refused(tmp_path: Path, drop: str | None,
                                                            replace: dict[str, bytes] | None, message: str) -> None:
    template = corpus.docx_template(tmp_path, drop=drop, replace=replace)
    out = tmp_path / "o.docx"
    result = CliRunner().invoke(main, ["render", str(_outline(tmp_path)), "-o", str(out), "--template", str(template)])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [f"错误：{template}: {message}"]
    assert not out.exists()


# ---- outputs onto what is not a regular file ----------------------------------------------------

# Never /dev/null itself: were the check ever lost, a test run as root would replace it.
@pytest.mark.parametrize("target", ["fifo", "link-to-null"])
@pytest.mark.parametrize("overwrite", [False, True])
def test_output_onto_a_device_or_fifo_is_refused(tmp_path: Path, target: str, overwrite: bool) -> None:
    import os
    import stat

    if target == "fifo":
        out = tmp_path / "pipe.md"
        os.mkfifo(out)
    else:
        out = tmp_path / "null.md"
        out.symlink_to("/dev/null")
    args = ["render", str(_outline(tmp_path)), "-o", str(out)] + (["--overwrite"] if overwrite else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"错误：{out}: 不是普通文件（设备、管道或套接字），不能作为输出文件"]
    assert not stat.S_ISREG(os.stat(out).st_mode)  # the node is still there, not replaced by a file


def test_render_overwrite_keeps_a_private_file_private(tmp_path: Path) -> None:
    out = tmp_path / "私密.docx"
    out.write_bytes(b"old")
    out.chmod(0o600)
    result = CliRunner().invoke(main, ["render", str(_outline(tmp_path)), "-o", str(out), "--overwrite"])
    assert result.exit_code == 0, result.output
    assert out.stat().st_mode & 0o777 == 0o600 and out.read_bytes() != b"old"


# ---- file names: one form of each name, nothing Windows reserves, nothing that hides or reorders --

@pytest.mark.parametrize(("given", "safe"), [
    ("CONIN$.docx", "_CONIN$.docx"), ("conout$.md", "_conout$.md"), ("COM¹.docx", "_COM¹.docx"),
    ("LPT0.txt", "_LPT0.txt"), ("com0", "_com0"), ("NUL .txt", "_NUL.txt"),
    ("张三\u202excod.exe", "张三xcod.exe"),  # right-to-left override: would show as exe.docx
    ("张\u200b三.docx", "张三.docx"), ("张\u2028三.docx", "张_三.docx"),
    ("cafe\u0301.docx", "caf\u00e9.docx"),  # NFD as macOS types it -> NFC
])
def test_file_names_are_made_safe(given: str, safe: str) -> None:
    from xindegen.batch.names import safe_filename

    assert safe_filename(given) == safe


def test_nfc_and_nfd_forms_of_one_name_are_one_name(tmp_path: Path) -> None:
    manifest = tmp_path / "名单.csv"
    manifest.write_text("topic,author\n读书,Zoe\u0301\n读书,Zo\u00e9\n读书,\u202e张三\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(manifest), "-o", str(out), "--name", "{author}.md", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.md")) == ["Zo\u00e9-2.md", "Zo\u00e9.md", "张三.md"]


# ---- batch: manifests and options ------------------------------------------------------------

# name → (exit code, stderr lines with {d} for the folder, the drafts written)
BATCH_EXPECTED: dict[str, tuple[int, list[str], list[str]]] = {
    "manifest_unclosed_quote": (1, ["错误：{d}/m.csv:2: 引号没有闭合：从这一行的引号起到文件末尾都成了一格"], []),
    "manifest_huge_cell": (1, ["错误：{d}/m.csv:3: 这一行有一格超过 128 KB"
                               "（若有没闭合的引号，后面的内容都会算进这一格）"], []),
    "manifest_huge_cell_yaml": (1, ["错误：{d}/m.yaml:1: author: 这一格超过 128 KB"], ["2.txt"]),
    "manifest_overflowing_numbers": (1, ["错误：{d}/m.csv:2: length: 应为 500–5000 之间的整数，而不是“1e400”",
                                         "错误：{d}/m.csv:3: seed: 应为 0–2147483647 之间的整数，而不是“inf”",
                                         "错误：{d}/m.csv:4: length: 应为 500–5000 之间的整数，而不是“-inf”",
                                         "错误：{d}/m.csv:5: length: 应为 500–5000 之间的整数，"
                                         "而不是“" + "9" * 20 + "…”"],
                                     ["6.txt"]),
    "manifest_far_cell_xlsx": (0, [], ["2.txt"]),
    "manifest_far_row_xlsx": (0, [], ["1048576.txt", "2.txt"]),
    "manifest_bad_data_dir_cell": (1, ["错误：{d}/m.csv:2: data_dir: {d}/坏语料/kinds.yaml:1: "
                                       "version: 应为 version: 2"], ["3.txt"]),
    "manifest_bad_data_dir_and_length": (1, ["错误：{d}/m.csv:2: data_dir: {d}/坏语料/kinds.yaml:1: "
                                             "version: 应为 version: 2",
                                             "错误：{d}/m.csv:3: length: 应为 500–5000 之间的整数，而不是“九百”"],
                                         ["4.txt"]),
}


@pytest.mark.parametrize("name", sorted(corpus.BATCH_MANIFESTS))
def test_bad_manifests(tmp_path: Path, name: str) -> None:
    manifest = corpus.BATCH_MANIFESTS[name](tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(manifest), "-o", str(out), "--name", "{row}.txt", "-j", "2"])
    code, lines, written = BATCH_EXPECTED[name]
    assert (result.exit_code, result.stderr.splitlines()) == (code, [x.replace("{d}", str(tmp_path)) for x in lines])
    assert sorted(p.name for p in out.glob("*.txt")) == written
    if not written:
        assert not out.exists()  # refused before the output directory is made


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".yaml"])
def test_a_manifest_over_the_row_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    from openpyxl import Workbook

    from xindegen.batch import manifest

    monkeypatch.setattr(manifest, "MAX_ROWS", 3)
    m = tmp_path / f"m{suffix}"
    if suffix == ".csv":
        m.write_text("topic\n" + "读书\n" * 4, encoding="utf-8")
    elif suffix == ".yaml":
        m.write_text("- {topic: 读书}\n" * 4, encoding="utf-8")
    else:
        wb = Workbook()
        for row in [["topic"]] + [["读书"]] * 4:
            wb.active.append(row)
        wb.save(m)
    res = CliRunner().invoke(main, ["batch", str(m), "-o", str(tmp_path / "out")])
    assert (res.exit_code, res.stderr.splitlines()) == (1, [
        f"错误：{m}:{4 if suffix == '.yaml' else 5}: 名单超过 3 行；请分成几份，或用 --shard 分几次生成"])
    assert not (tmp_path / "out").exists()


# name → (the options after the manifest, stderr lines with {d} for the folder)
_BRACES = "有误：花括号应成对，列名写在 {} 中，如 {row}-{author}.docx（文字中的花括号写作 {{ 和 }}）"
BATCH_OPTIONS: dict[str, tuple[list[str], list[str]]] = {
    "name_unclosed_brace": (["--name", "{row"], ["错误：--name 的文件名模式“{row”" + _BRACES]),
    "name_lone_brace": (["--name", "}.docx"], ["错误：--name 的文件名模式“}.docx”" + _BRACES]),
    "bad_data_dir": (["--data-dir", "{d}/坏语料"], ["错误：{d}/坏语料/kinds.yaml:1: version: 应为 version: 2"]),
}


@pytest.mark.parametrize("name", sorted(BATCH_OPTIONS))
def test_bad_batch_options(tmp_path: Path, name: str) -> None:
    manifest = corpus.manifest_two_rows(tmp_path)
    corpus._bad_data_dir(tmp_path)
    out = tmp_path / "out"
    args, lines = BATCH_OPTIONS[name]
    result = CliRunner().invoke(main, ["batch", str(manifest), "-o", str(out), "-j", "2",
                                       *(a.replace("{d}", str(tmp_path)) for a in args)])
    assert (result.exit_code, result.stderr.splitlines()) == (1, [x.replace("{d}", str(tmp_path)) for x in lines])
    assert not out.exists()  # refused before any draft, before the output directory is made


def test_errors_cross_from_worker_processes_whole() -> None:
    """A worker's error reaches the parent as itself (a DataError did not unpickle: BrokenProcessPool)."""
    import pickle

    from xindegen.errors import DataError, OutputError, Problem

    for exc in (DataError([Problem("a.yaml", 3, "version", "应为 version: 2")]), OutputError("文件已存在", "a.md")):
        again = pickle.loads(pickle.dumps(exc))
        assert type(again) is type(exc) and again.lines() == exc.lines()


def test_report_cells_are_never_formulas(tmp_path: Path) -> None:
    import csv

    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(corpus.manifest_formula_names(tmp_path)), "-o", str(out),
                                       "--name", "{author}.txt", "-j", "1", "--seed", "3"])
    assert result.exit_code == 0, result.output
    on_disk = sorted(p.name for p in out.glob("*.txt"))
    assert on_disk == ["+1+1.txt", "2+3.txt", "=HYPERLINK(_http-x_,_点我_).txt", "@SUM(1).txt"]
    with (out / "batch-report.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    cells = [c for r in rows for c in r]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    # each name is kept whole behind the apostrophe by which Excel and WPS show text as text
    assert sorted(r[1].removeprefix("'") for r in rows) == on_disk
    assert sorted(r[1] for r in rows if r[1].startswith("'")) == ["'+1+1.txt", "'=HYPERLINK(_http-x_,_点我_).txt",
                                                                 "'@SUM(1).txt"]


# ---- batch: what an output directory may already hold --------------------------------------------

def _precious(d: Path) -> Path:
    victim = d / "别处的文件.txt"
    victim.write_text("别人的内容", encoding="utf-8")
    return victim


_LINKED = "这是一个符号链接：批量任务不会通过链接写入别处的文件，请删除它或换一个输出目录"
OUT_DIR_CASES: dict[str, tuple[Callable[[Path, Path], None], str]] = {
    "journal_symlink": (lambda out, v: (out / ".xindegen-batch.jsonl").symlink_to(v),
                        ".xindegen-batch.jsonl: " + _LINKED),
    "log_symlink": (lambda out, v: (out / "batch.log").symlink_to(v), "batch.log: " + _LINKED),
    "lock_symlink": (lambda out, v: (out / ".xindegen-batch.lock").symlink_to(v.parent / "新建的锁"),
                     ".xindegen-batch.lock: " + _LINKED),
    "log_hard_link": (lambda out, v: os.link(v, out / "batch.log"),
                      "batch.log: 这个文件另有硬链接：批量任务不会写入别处也能看到的文件，请删除它或换一个输出目录"),
    "log_fifo": (lambda out, v: os.mkfifo(out / "batch.log"),
                 "batch.log: 这不是普通文件（目录、管道或设备），请删除它或换一个输出目录"),
}


@pytest.mark.parametrize("name", sorted(OUT_DIR_CASES))
def test_batch_never_writes_through_links(tmp_path: Path, name: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    victim = _precious(tmp_path)
    setup, message = OUT_DIR_CASES[name]
    setup(out, victim)
    result = CliRunner().invoke(main, ["batch", str(corpus.manifest_two_rows(tmp_path)), "-o", str(out),
                                       "--name", "{row}.txt", "-j", "1"])
    assert (result.exit_code, result.stderr.splitlines()) == (1, [f"错误：{out}/{message}"])
    assert victim.read_text(encoding="utf-8") == "别人的内容"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv", "out", "别处的文件.txt"]  # nothing made beside
    assert not list(out.glob("*.txt"))


def test_report_and_drafts_replace_a_link_never_its_target(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    victim = _precious(tmp_path)
    for name in ("batch-report.csv", "2.txt"):
        (out / name).symlink_to(victim)
    args = ["batch", str(corpus.manifest_two_rows(tmp_path)), "-o", str(out), "--name", "{row}.txt", "-j", "1"]
    res = CliRunner().invoke(main, args)
    assert (res.exit_code, res.stderr.splitlines()) == (1, [
        f"错误：{tmp_path / 'm.csv'}:2: {out / '2.txt'}: 文件已存在（如需覆盖，请加 --overwrite）"])
    assert victim.read_text(encoding="utf-8") == "别人的内容" and not (out / "batch-report.csv").is_symlink()
    res = CliRunner().invoke(main, [*args, "--overwrite"])
    assert res.exit_code == 0, res.output
    assert victim.read_text(encoding="utf-8") == "别人的内容" and not (out / "2.txt").is_symlink()


def _finished_batch(d: Path, *extra: str) -> tuple[list[str], Path]:
    args = ["batch", str(corpus.manifest_two_rows(d)), "-o", str(d / "out"), "--name", "{row}.txt", "-j", "1",
            "--seed", "1", *extra]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return args, d / "out" / ".xindegen-batch.jsonl"


def test_a_torn_journal_resumes(tmp_path: Path) -> None:
    """A full disk cut the last record inside a UTF-8 character: that draft is made again."""
    args, journal = _finished_batch(tmp_path)
    whole = journal.read_bytes()
    journal.write_bytes(whole.split(b"\n")[0] + b"\n" + whole.split(b"\n")[1][:41] + "读".encode()[:2])
    (tmp_path / "out" / "3.txt").unlink()
    result = CliRunner().invoke(main, [*args, "--resume"])
    assert result.exit_code == 0, result.output
    assert "新写 1 篇，跳过已完成 1 篇" in result.output
    lines = journal.read_bytes().split(b"\n")
    assert lines[-1] == b"" and [json.loads(x)["row"] for x in lines[:-1]] == [2, 3]


@pytest.mark.parametrize("bad", [
    b"garbage", b'{"row": "2", "file": "2.txt"}', b"[1, 2]", b"\xff\xfe",
    b'{"row": 2, "file": "../../x.txt", "seed": 1, "family": "a", "chars": 1, "text": ""}'])
def test_a_hand_edited_journal_names_its_line(tmp_path: Path, bad: bytes) -> None:
    args, journal = _finished_batch(tmp_path)
    first, *rest = journal.read_bytes().split(b"\n")
    journal.write_bytes(b"\n".join([first, bad, *rest]))
    before = journal.read_bytes()
    result = CliRunner().invoke(main, [*args, "--resume"])
    assert (result.exit_code, result.stderr.splitlines()) == (1, [
        f"错误：{journal}:2: 续做日志的这一行不是本程序写的记录（被改动过或已损坏）：删掉这一行后再加 --resume"
        "（那一篇会重新生成），或换一个输出目录"])
    assert journal.read_bytes() == before


def test_a_rerun_without_resume_is_refused(tmp_path: Path) -> None:
    args, journal = _finished_batch(tmp_path)
    before = journal.read_bytes()
    result = CliRunner().invoke(main, args)
    assert (result.exit_code, result.stderr.splitlines()) == (1, [
        f"错误：{tmp_path / 'out'}: 这个目录里有上一次批量任务的记录：接着上次做请加 --resume，"
        "全部重新生成请加 --overwrite，或换一个输出目录"])
    assert journal.read_bytes() == before
    result = CliRunner().invoke(main, [*args, "--overwrite"])  # starting afresh, asked for
    assert result.exit_code == 0 and "新写 2 篇" in result.output


def test_only_our_own_temporary_files_are_cleared(tmp_path: Path) -> None:
    from xindegen.fsutil import _create_temp, is_own_temp

    out = tmp_path / "out"
    out.mkdir()
    mine = [".notes.tmp", ".2.txt.tmp", ".a.1a2b3c4d.tmp", ".x.1a2b3c4d.xindegen.tmp.bak"]
    for name in mine:
        (out / name).write_text("我的", encoding="utf-8")
    fd, ours = _create_temp(out, "2.txt")  # as a run killed mid-write leaves it
    os.close(fd)
    assert is_own_temp(Path(ours).name) and not any(is_own_temp(n) for n in mine)
    _finished_batch(tmp_path)
    assert sorted(p.name for p in out.glob(".*tmp*")) == sorted(mine)


# ---- topics: long enough for real titles, short enough to keep the length promise -------------------

LONGEST_REAL = "深入学习贯彻党的二十届三中全会精神暨《中共中央关于进一步全面深化改革、推进中国式现代化的决定》心得体会"
AT_LIMIT = (LONGEST_REAL + "关于在全党开展党纪学习教育的通知精神暨深入贯彻中央八项规定精神学习教育")[:80]
_TOO_LONG = "主题太长（81 字，最多 80 字）：只写主题本身，具体内容请写进简报（--brief）或学习材料（--material）"


def test_a_topic_over_the_limit_is_refused_everywhere(tmp_path: Path) -> None:
    topic = AT_LIMIT + "会"
    res = CliRunner().invoke(main, ["new", "--topic", topic, "-o", str(tmp_path / "a.docx")])
    assert (res.exit_code, res.stderr.splitlines()) == (1, [f"错误：{_TOO_LONG}"])
    m = tmp_path / "m.csv"
    m.write_text(f"topic,author\n{topic},甲\n读书,乙\n", encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["batch", str(m), "-o", str(out), "--name", "{row}.txt", "-j", "1"])
    assert (res.exit_code, res.stderr.splitlines()) == (1, [f"错误：{m}:2: topic: {_TOO_LONG}"])
    assert sorted(p.name for p in out.glob("*.txt")) == ["3.txt"]
    res = CliRunner().invoke(main, ["batch", str(corpus.manifest_two_rows(tmp_path)), "-o",
                                    str(tmp_path / "o2"), "--topic", topic])
    assert (res.exit_code, res.stderr.splitlines()) == (1, [f"错误：--topic：{_TOO_LONG}"])
    assert not (tmp_path / "o2").exists() and sorted(p.name for p in tmp_path.iterdir()) == ["m.csv", "out"]


@pytest.mark.parametrize("topic", [LONGEST_REAL, AT_LIMIT])
@pytest.mark.parametrize("length", [1500, 3000])
def test_the_longest_topics_keep_the_length_promise(topic: str, length: int) -> None:
    from xindegen.compose.draft import write_draft
    from xindegen.compose.request import MAX_TOPIC, ComposeRequest

    assert len(AT_LIMIT) == MAX_TOPIC
    for seed in range(3):
        chars = write_draft(ComposeRequest(topic=topic, length=length, seed=seed)).body_chars()
        assert abs(chars - length) <= length * 0.1, (seed, chars)


# ---- manifest files outside the manifest's folder ---------------------------------------------------

_MATERIAL = "关于读书的通知\n" + "各部门要认真组织读书活动，把读书学习作为提高本领的重要途径。\n" * 3
_OUTSIDE = ("不在名单所在的目录中：只能使用名单所在目录（及其子目录）中的文件；"
            "确需使用别处的文件，请加 --allow-material-anywhere")


def test_material_and_briefs_only_from_the_manifests_folder(tmp_path: Path) -> None:
    outside = tmp_path / "私人.txt"
    outside.write_text(_MATERIAL.replace("读书", "私事"), encoding="utf-8")
    folder = tmp_path / "名单"
    (folder / "材料").mkdir(parents=True)
    (folder / "材料" / "讲话.txt").write_text(_MATERIAL, encoding="utf-8")
    (folder / "链接.txt").symlink_to(outside)
    (tmp_path / "简报.yaml").write_text("topic: 读书\nrole: 馆员\n", encoding="utf-8")
    m = folder / "m.csv"
    m.write_text(f"topic,material,brief\n读书,../私人.txt,\n读书,{outside},\n读书,链接.txt,\n读书,,../简报.yaml\n"
                 "读书,材料/讲话.txt,\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["batch", str(m), "-o", str(out), "--name", "{row}.md", "-j", "1", "--seed", "2"]
    res = CliRunner().invoke(main, args)
    assert (res.exit_code, res.stderr.splitlines()) == (1, [
        f"错误：{m}:2: material: “../私人.txt”{_OUTSIDE}",
        f"错误：{m}:3: material: “{outside}”{_OUTSIDE}",
        f"错误：{m}:4: material: “链接.txt”{_OUTSIDE}",
        f"错误：{m}:5: brief: “../简报.yaml”{_OUTSIDE}"])
    assert sorted(p.name for p in out.glob("*.md")) == ["6.md"]
    assert "私事" not in "".join(p.read_text(encoding="utf-8") for p in out.glob("*.md"))
    res = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "anywhere"), "--allow-material-anywhere"])
    assert res.exit_code == 0, res.output
    assert "《关于私事的通知》" in (tmp_path / "anywhere" / "2.md").read_text(encoding="utf-8")
