"""Faults while writing: full disk, Ctrl-C, unwritable places — for `new` and `render`."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
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


# ---- batch stopped by a signal: no worker left behind, and --resume goes on --------------------------

def _children(pid: int) -> set[int]:
    """The live child processes of ``pid``, from /proc."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and _state(int(entry.name)) not in (None, "Z"):
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if ppid == pid:
                found.add(int(entry.name))
    return found


def _state(pid: int) -> str | None:
    """A process's state letter (Z: ended, waiting to be reaped), None when it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_a_batch_ended_by_a_signal_leaves_no_worker_and_resumes(tmp_path: Path, sig: int) -> None:
    m = tmp_path / "m.csv"
    m.write_text("topic,author\n" + "".join(f"安全生产,职工{i}\n" for i in range(40)), encoding="utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "xindegen", "batch", str(m), "-o", str(out), "-j", "2", "--seed", "5",
           "--name", "{row}.docx"]
    err = tmp_path / "stderr.txt"  # a file, not a pipe: a worker left behind would hold a pipe open
    with err.open("w") as fh:  # its own session: the signal reaches the parent alone, as from `kill PID`
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=fh, start_new_session=True)
    deadline = time.time() + 120  # a guard against a hang, not a measurement
    while time.time() < deadline and len(list(out.glob("*.docx"))) < 3:
        time.sleep(0.05)
    workers = _children(proc.pid)
    try:
        assert len(workers) == 2
        os.kill(proc.pid, sig)
        proc.wait(timeout=60)
        if sig != signal.SIGKILL:  # stopped as Ctrl-C stops it
            assert (proc.returncode, err.read_text(encoding="utf-8").strip()) == (130, "已中断，未写入不完整的文件。")
        deadline = time.time() + 30
        while time.time() < deadline and any(_state(w) not in (None, "Z") for w in workers):
            time.sleep(0.05)
        assert [w for w in workers if _state(w) not in (None, "Z")] == []  # no worker outlives the batch
    finally:
        for w in workers:  # were the test to fail, its strays would not run on
            if _state(w) not in (None, "Z"):
                os.kill(w, signal.SIGKILL)
    made = len(list(out.glob("*.docx")))
    assert 3 <= made < 40, made
    res = subprocess.run([*cmd, "--resume"], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr  # the lock went with the batch
    assert len(list(out.glob("*.docx"))) == 40 and not list(out.glob(".*.tmp"))


@pytest.mark.skipif(sys.platform != "linux", reason="workers take the patched function by fork")
def test_a_worker_that_dies_is_a_message_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from xindegen.batch import runner

    def out_of_memory(*args: object, **kwargs: object) -> None:  # as the kernel's OOM killer ends a worker
        os._exit(137)

    monkeypatch.setattr(runner, "_make", out_of_memory)
    m = tmp_path / "m.csv"
    m.write_text("topic\n读书\n安全生产\n", encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["batch", str(m), "-o", str(out), "-j", "2", "--name", "{row}.txt"])
    assert (res.exit_code, res.stderr.splitlines()) == (1, [
        f"错误：{out}: 有一个工作进程意外退出（可能是内存不足或被终止）；已写好的 0 篇已记入日志，"
        "用同样的命令加 --resume 接着做"])
    assert not list(out.glob("*.txt")) and not list(out.glob(".*.tmp"))


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no terminals to close")
def test_a_batch_under_nohup_outlives_its_terminal(tmp_path: Path) -> None:
    m = tmp_path / "m.csv"
    m.write_text("topic,author\n" + "".join(f"读书,读者{i}\n" for i in range(12)), encoding="utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "xindegen", "batch", str(m), "-o", str(out), "-j", "2", "--name", "{row}.txt"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN))  # as nohup starts it
    deadline = time.time() + 120  # a guard against a hang, not a measurement
    while time.time() < deadline and not list(out.glob("*.txt")):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGHUP)  # the terminal closes: its whole process group hears it
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    assert "新写 12 篇" in stdout and len(list(out.glob("*.txt"))) == 12


@pytest.mark.skipif(sys.platform != "linux", reason="the fork server start method, the default from Python 3.14")
def test_a_batch_whose_workers_come_from_a_fork_server(tmp_path: Path) -> None:
    """Workers are then children of the fork server, not of the batch: they must still run."""
    m = tmp_path / "m.csv"
    m.write_text("topic\n读书\n安全生产\n读书\n", encoding="utf-8")
    code = ("import multiprocessing, sys\n"
            "multiprocessing.set_start_method('forkserver')\n"
            "from xindegen.cli import main\n"
            "main(sys.argv[1:], prog_name='xindegen')\n")
    res = subprocess.run([sys.executable, "-c", code, "batch", str(m), "-o", str(tmp_path / "out"), "-j", "2",
                          "--name", "{row}.txt"], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in (tmp_path / "out").glob("*.txt")) == ["2.txt", "3.txt", "4.txt"]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_a_check_killed_leaves_no_worker(tmp_path: Path) -> None:
    """check reads files and makes reports in worker processes: they end with it."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for k in range(600):
        body = "。".join(f"第{k % 37}类第{j}句共有的话要写得足够长一些才行" if j % 2 else f"第{k}篇第{j}句是自己的话"
                        for j in range(120))
        (docs / f"{k}.txt").write_text(body, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "xindegen", "check", str(docs)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120  # a guard against a hang, not a measurement
    workers: set[int] = set()
    while time.time() < deadline and proc.poll() is None and len(workers) < 2:
        workers = _children(proc.pid)
        time.sleep(0.01)
    try:
        assert len(workers) >= 2, "no workers seen"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        deadline = time.time() + 30
        while time.time() < deadline and any(_state(w) not in (None, "Z") for w in workers):
            time.sleep(0.05)
        assert [w for w in workers if _state(w) not in (None, "Z")] == []
    finally:
        for w in workers:
            if _state(w) not in (None, "Z"):
                os.kill(w, signal.SIGKILL)
