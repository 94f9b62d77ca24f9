"""Outputs are written whole or not at all, and never overwrite unasked."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from xindegen.errors import OutputError
from xindegen.fsutil import write_output


def test_writes_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    write_output(target, "一")
    with pytest.raises(OutputError, match="文件已存在（如需覆盖，请加 --overwrite）"):
        write_output(target, "二")
    assert target.read_text(encoding="utf-8") == "一"
    write_output(target, "三", overwrite=True)
    assert target.read_text(encoding="utf-8") == "三"
    assert os.listdir(tmp_path) == ["a.md"]


@pytest.mark.parametrize("fault", [OSError(errno.ENOSPC, "No space left"), KeyboardInterrupt()])
def test_interrupted_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          fault: BaseException) -> None:
    old = tmp_path / "old.md"
    old.write_text("旧内容", encoding="utf-8")

    def fail(fd: int) -> None:
        raise fault

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises((OutputError, KeyboardInterrupt)) as info:
        write_output(tmp_path / "new.md", "新内容")
    with pytest.raises((OutputError, KeyboardInterrupt)):
        write_output(old, "新内容", overwrite=True)
    if isinstance(fault, OSError):
        assert str(info.value).endswith("new.md: 无法写入：磁盘空间不足")
    assert sorted(os.listdir(tmp_path)) == ["old.md"]
    assert old.read_text(encoding="utf-8") == "旧内容"


def test_unwritable_directory(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):  # root ignores permissions: use a missing directory instead
            locked = tmp_path / "missing"
        with pytest.raises(OutputError, match="无法写入"):
            write_output(locked / "x.md", "x")
    finally:
        (tmp_path / "locked").chmod(0o700)


@pytest.mark.skipif(os.name != "posix", reason="file modes and umask are POSIX")
def test_new_files_get_the_umask_without_the_umask_being_changed(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    old = os.umask(0o027)
    try:
        def no_umask(mask: int) -> int:  # another thread may create files meanwhile: leave the umask alone
            raise AssertionError("write_output changed the process umask")

        monkeypatch.setattr(os, "umask", no_umask)
        write_output(tmp_path / "a.md", "一")
        write_output(tmp_path / "a.md", "二", overwrite=True)
    finally:
        monkeypatch.undo()
        os.umask(old)
    assert (tmp_path / "a.md").stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o604])
def test_overwrite_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "私密.md"
    target.write_text("旧", encoding="utf-8")
    target.chmod(mode)
    write_output(target, "新", overwrite=True)
    assert target.read_text(encoding="utf-8") == "新"
    assert target.stat().st_mode & 0o777 == mode
