"""``batch --writer llm``: bounded concurrent requests, a way of writing per draft, the 13-character
limits met even when the model writes the same for everyone, endpoint faults that stop the batch,
and a killed run that resumes."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from xindegen.cli import main

from .llm_server import KEY, MARK, MODEL, Answer, Call, FakeLLM, Script, follows, follows_script, same_for_everyone
from .test_batch import _journal_texts as journal
from .test_batch import _pair_share_brute, write_csv
from .test_llm import dead_url


class Batch:
    """``xindegen batch --writer llm`` against a scripted server, in this process."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.monkeypatch = monkeypatch
        for k, v in {"MODEL": MODEL, "API_KEY": KEY, "BACKOFF": "0.01", "TIMEOUT": "10", "RETRIES": "2"}.items():
            monkeypatch.setenv(f"XINDEGEN_LLM_{k}", v)

    def __call__(self, manifest: Path, out: Path, url: str, *args: str) -> tuple[int, str, str]:
        self.monkeypatch.setenv("XINDEGEN_LLM_BASE_URL", url)
        res = CliRunner().invoke(main, ["batch", str(manifest), "-o", str(out), "--writer", "llm", "--seed", "5",
                                        "--name", "{row}.txt", *args])
        return res.exit_code, res.stdout, res.stderr


@pytest.fixture
def batch(monkeypatch: pytest.MonkeyPatch) -> Batch:
    return Batch(monkeypatch)


def pairs(out: Path) -> list[float]:
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.txt"))}
    return [max(_pair_share_brute(texts[a], texts[b]), _pair_share_brute(texts[b], texts[a]))
            for a, b in itertools.combinations(texts, 2)]


def test_llm_batch_meets_the_distinctness_limits_each_draft_another_way(tmp_path: Path,
                                                                        batch: Batch) -> None:
    m = write_csv(tmp_path / "m.csv", [["author"]] + [[f"干部{i}"] for i in range(16)])
    out = tmp_path / "out"
    with FakeLLM(follows_script) as fake:
        code, stdout, err = batch(m, out, fake.url, "--topic", "安全生产", "-j", "4")
    assert code == 0, err
    shares = pairs(out)
    assert len(list(out.glob("*.txt"))) == 16
    assert max(shares) <= 0.15, max(shares)  # the batch's promise, by an independent pairwise count
    rows = journal(out)
    # a draft made again (another seed than its row's) is asked another way
    first = [r for r in rows.values() if r["seed"] == (5 * 1_000_003 + r["row"]) % 2**31]  # type: ignore[operator]
    assert len(first) >= 12
    assert [r["writer"]["approach"] for r in first] == [(r["row"] - 2) % 8 for r in first]  # type: ignore[index,operator]
    by_model = sum(5 - len(r["writer"]["offline"]) for r in rows.values())  # type: ignore[index]
    assert by_model >= 0.8 * 16 * 5  # most parts are the model's: its text counts in MARK per part
    assert sum(p.read_text(encoding="utf-8").count(MARK) for p in out.glob("*.txt")) == by_model
    asked_again = [c.prompt for c in fake.calls if "上一次的回答有以下问题" in c.prompt]
    assert all("与同一批的另一篇稿子重复的文字太多" in p for p in asked_again)  # the only fault found
    log = (out / "batch.log").read_text(encoding="utf-8")
    assert log.count("大模型 fake-qwen-7b") == 16
    assert KEY not in log
    ways = {c.prompt.split("写法：")[1].split("\n")[0] for c in fake.calls}
    assert len(ways) == 8  # each draft asked for another way of writing, in turn
    assert fake.most_in_flight <= 4
    res = CliRunner().invoke(main, ["check", str(out), "--max-pair", "0.15"])
    assert res.exit_code == 0


def test_a_model_that_writes_the_same_for_everyone_still_gives_distinct_drafts(tmp_path: Path,
                                                                              batch: Batch) -> None:
    m = write_csv(tmp_path / "m.csv", [["author"]] + [[f"干部{i}"] for i in range(10)])
    out = tmp_path / "out"
    with FakeLLM(lambda call: same_for_everyone(call)) as fake:
        code, stdout, err = batch(m, out, fake.url, "--topic", "安全生产", "-j", "2")
    assert code == 0, err
    assert max(pairs(out)) <= 0.15
    rows = journal(out)
    by_model = [r for r in rows.values() if len(r["writer"]["offline"]) < 5]  # type: ignore[index]
    assert by_model  # the model's text is taken once...
    kept = [r for r in rows.values() if r["writer"]["offline"]]  # type: ignore[index]
    assert len(kept) >= 8  # ...and refused where another draft already has it
    log = (out / "batch.log").read_text(encoding="utf-8")
    assert "用离线稿" in log and any("重复的文字太多" in c.prompt for c in fake.calls)


def test_requests_in_flight_are_bounded(tmp_path: Path, batch: Batch, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XINDEGEN_LLM_CONCURRENCY", "2")
    m = write_csv(tmp_path / "m.csv", [["topic"]] + [["读书"]] * 6)
    with FakeLLM(lambda call: Answer(follows(call), delay=0.05)) as fake:
        code, _, err = batch(m, tmp_path / "out", fake.url, "-j", "6")
    assert code == 0, err
    assert fake.most_in_flight == 2


def test_a_dead_endpoint_stops_the_batch_before_any_draft(tmp_path: Path, batch: Batch) -> None:
    m = write_csv(tmp_path / "m.csv", [["topic"]] + [["读书"]] * 4)
    out = tmp_path / "out"
    code, stdout, err = batch(m, out, dead_url())
    assert code == 1 and err.startswith("错误：无法连接大模型服务") and len(err.splitlines()) == 1
    assert not list(out.glob("*.txt")) and not (out / "batch-report.csv").exists()


def test_an_endpoint_failing_midway_stops_then_resumes(tmp_path: Path, batch: Batch) -> None:
    m = write_csv(tmp_path / "m.csv", [["topic"]] + [["读书"]] * 6)
    out = tmp_path / "out"

    def breaks(call: Call) -> Answer:
        return Answer(follows(call)) if call.n <= 10 else Answer("down", status=502)

    with FakeLLM(breaks) as fake:
        code, _, err = batch(m, out, fake.url, "-j", "1")
    assert code == 1
    made = len(list(out.glob("*.txt")))
    assert err.startswith("错误：大模型服务") and "出错（HTTP 502" in err and len(err.splitlines()) == 1
    assert 1 <= made < 6 and f"已写好的 {made} 篇已记入日志，排除故障后用同样的命令加 --resume 接着做" in err
    with FakeLLM(follows_script) as fake:
        code, stdout, err = batch(m, out, fake.url, "-j", "1", "--resume")
    assert code == 0, err
    assert f"新写 {6 - made} 篇，跳过已完成 {made} 篇" in stdout and len(list(out.glob("*.txt"))) == 6


def test_killed_llm_batch_resumes_and_no_file_holds_the_key(tmp_path: Path) -> None:
    rows = [["topic", "author"]] + [["安全生产", f"职工{i}"] for i in range(12)]
    m = write_csv(tmp_path / "m.csv", rows)
    out = tmp_path / "out"
    slow: Script = lambda call: Answer(follows(call), delay=0.05)  # noqa: E731
    with FakeLLM(slow) as fake:
        env = {**os.environ, "XINDEGEN_LLM_BASE_URL": fake.url, "XINDEGEN_LLM_MODEL": MODEL,
               "XINDEGEN_LLM_API_KEY": KEY, "XINDEGEN_LLM_CONCURRENCY": "2"}
        cmd = [sys.executable, "-m", "xindegen", "batch", str(m), "-o", str(out), "--writer", "llm", "--seed", "5",
               "--name", "{row}.docx"]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        deadline = time.time() + 120
        while time.time() < deadline and len(list(out.glob("*.docx"))) < 3:
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)
        made = len(list(out.glob("*.docx")))
        assert 3 <= made < 12, made
        res = subprocess.run([*cmd, "--resume"], env=env, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert len(list(out.glob("*.docx"))) == 12 and not list(out.glob(".*.tmp"))
    assert set(journal(out)) == set(range(2, 14))
    from docx import Document

    for path in out.iterdir():  # drafts, journal, log, report, lock: none holds the key
        data = "\n".join(p.text for p in Document(str(path)).paragraphs) if path.suffix == ".docx" \
            else path.read_text(encoding="utf-8", errors="replace")
        assert KEY not in data and "SECRET" not in data, path.name
    assert KEY not in res.stdout + res.stderr
