"""Faults while writing: full disk, Ctrl-C, unwritable places — for `new` and `render`."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from xindegen.cli import main

from .conftest import SAMPLE

COMMANDS = {
    "new": lambda out: ["new", "-t", "安全生产", "--seed", "1", "-o", str(out)],
    "render": lambda out: ["render", str(SAMPLE), "-o", str(out)],
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("suffix", [".md", ".yaml"])
def test_disk_full_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         command: str, suffix: str) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    out = tmp_path / f"draft{suffix}"
    res = CliRunner().invoke(main, COMMANDS[command](out))
    assert res.exit_code == 1
    assert res.output.strip() == f"错误：{out}: 无法写入：磁盘空间不足"
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("command", COMMANDS)
def test_ctrl_c_while_writing_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 command: str) -> None:
    out = tmp_path / "draft.md"
    out.write_text("旧稿", encoding="utf-8")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    res = CliRunner().invoke(main, [*COMMANDS[command](out), "--overwrite"])
    assert res.exit_code == 130 and "已中断" in res.output
    assert os.listdir(tmp_path) == ["draft.md"] and out.read_text(encoding="utf-8") == "旧稿"


@pytest.mark.parametrize("command", COMMANDS)
def test_unwritable_places(tmp_path: Path, command: str) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    cases = {
        tmp_path / "missing" / "d.md": "目录不存在",
        a_file / "d.md": "路径中有一项不是目录",
        tmp_path: "这是一个目录",
    }
    for out, reason in cases.items():
        res = CliRunner().invoke(main, COMMANDS[command](out))
        assert res.exit_code == 1 and reason in res.output and "Traceback" not in res.output, res.output
    assert sorted(os.listdir(tmp_path)) == ["file.txt"]
