"""Bad input, everywhere: the exact exit code and message, no traceback, nothing written."""

from __future__ import annotations

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
