"""Batch drafts from manifests, safe names, resume after a kill, a lock, shards, and 查重."""

from __future__ import annotations

import csv
import itertools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from xindegen.batch.manifest import read_manifest
from xindegen.batch.names import render_name, safe_filename, unique
from xindegen.batch.runner import JOURNAL, BatchOptions, _lock, run_batch
from xindegen.cli import main
from xindegen.errors import InputError
from xindegen.outline_io import loads_outline


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as fh:
        csv.writer(fh).writerows(rows)
    return path


MATERIAL = "关于读书的通知\n" + "各部门要认真组织读书活动，把读书学习作为提高本领的重要途径。\n" * 3
FULL = [
    ["topic", "author", "unit", "date", "length", "style", "template", "family", "seed", "material", "filename"],
    ["安全生产", "张三", "一科", "2026-01-03", "800", "plain", "", "gongfu", "7", "", ""],
    ["读书", "李四", "二科", "", "", "", "", "", "", "材料.txt", "李四的心得.md"],
    ["", "王五", "三科", "", "", "", "", "", "", "", ""],            # no topic
    ["乡村振兴", "赵六", "", "", "九百", "", "", "", "", "", ""],      # bad length
    ["党纪学习教育", "钱七", "", "", "", "", "", "", "", "缺失.txt", ""],  # missing material
]


def test_manifest_with_every_column_and_bad_rows(tmp_path: Path) -> None:
    (tmp_path / "材料.txt").write_text(MATERIAL, encoding="utf-8")
    m = read_manifest(write_csv(tmp_path / "m.csv", FULL), {"length": 1500})
    assert [r.number for r in m.rows] == [2, 3]
    assert m.rows[0].values["length"] == 800 and m.rows[0].values["seed"] == 7
    assert m.rows[1].values["length"] == 1500 and m.rows[1].values["material"] == tmp_path / "材料.txt"
    assert [str(p) for p in m.problems] == [
        f"{tmp_path / 'm.csv'}:4: topic: 主题不能为空",
        f"{tmp_path / 'm.csv'}:5: length: 应为 500–5000 之间的整数，而不是“九百”",
        f"{tmp_path / 'm.csv'}:6: material: 找不到文件“缺失.txt”",
    ]


def test_bad_rows_are_reported_and_the_others_still_run(tmp_path: Path) -> None:
    (tmp_path / "材料.txt").write_text(MATERIAL, encoding="utf-8")
    res = CliRunner().invoke(main, ["batch", str(write_csv(tmp_path / "m.csv", FULL)), "-o", str(tmp_path / "out"),
                                    "-j", "1", "--seed", "1"])
    assert res.exit_code == 1
    assert f"错误：{tmp_path / 'm.csv'}:4: topic: 主题不能为空" in res.output
    files = sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith("."))
    assert files == ["2-张三-安全生产.docx", "batch-report.csv", "batch.log", "李四的心得.md"]
    draft = (tmp_path / "out" / "李四的心得.md").read_text(encoding="utf-8")
    assert "《关于读书的通知》" in draft


def test_every_new_option_is_a_manifest_column() -> None:
    from xindegen.batch.manifest import COLUMNS

    as_column = {"out": "filename", "fmt": "format"}  # -o names the file; --format is the column format
    printed = ("overwrite", "explain")  # what the command shows or may replace, not what a draft is
    # who writes the prose is chosen for the whole batch (batch has the same options)
    whole = ("writer", "llm_preset", "llm_model")
    assert all(w in [p.name for p in main.commands["batch"].params] for w in whole)
    options = [as_column.get(p.name, p.name) for p in main.commands["new"].params if p.name not in printed + whole]
    assert len(options) == 22 and [o for o in options if o not in COLUMNS] == []


def test_manifest_columns_set_sections_layout_and_format(tmp_path: Path) -> None:
    templates = tmp_path / "模板"
    templates.mkdir()
    (templates / "outline.md.j2").write_text(
        "# {{ title }}\n{% for s in sections %}\n## {{ s.number }}、{{ s.heading }}\n{% endfor %}", encoding="utf-8")
    rows = [["topic", "sections", "no_placeholders", "format", "template_dir", "author"],
            ["安全生产", "2", "是", "md", "模板", "甲"],
            ["读书", "5", "", "yaml", "", "乙"],
            ["读书", "4", "也许", "pdf", "没有", "丙"]]
    m = write_csv(tmp_path / "m.csv", rows)
    result = run_batch(m, BatchOptions(out_dir=tmp_path / "out", jobs=1, seed=6, name="{author}"))
    md = (tmp_path / "out" / "甲.md").read_text(encoding="utf-8")
    assert md.count("\n## ") == 2 and "【" not in md and md.startswith("# ")  # the row's own template
    outline = loads_outline((tmp_path / "out" / "乙.yaml").read_text(encoding="utf-8"))
    assert len(outline.sections) == 5 and outline.meta["placeholders"] is True
    assert [(p.line, p.path) for p in result.failed] == [(4, "no_placeholders"), (4, "template_dir"), (4, "format")]
    assert "应为 是 或 否" in result.failed[0].message and "找不到目录“没有”" in result.failed[1].message


def test_gbk_csv_as_excel_writes_it_and_xlsx(tmp_path: Path) -> None:
    rows = [["topic", "author"], ["师德师风", "张老师"], ["读书", "李老师"]]
    gbk = read_manifest(write_csv(tmp_path / "gbk.csv", rows, "gbk"), {})
    bom = read_manifest(write_csv(tmp_path / "bom.csv", rows, "utf-8-sig"), {})
    from openpyxl import Workbook

    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    wb.active.append([None, None])  # a trailing empty row, as sheets often have
    wb.save(tmp_path / "m.xlsx")
    xlsx = read_manifest(tmp_path / "m.xlsx", {})
    for m in (gbk, bom, xlsx):
        assert [(r.number, r.values["topic"], r.values["author"]) for r in m.rows] == [
            (2, "师德师风", "张老师"), (3, "读书", "李老师")]


def test_yaml_manifest_and_missing_required_column(tmp_path: Path) -> None:
    y = tmp_path / "m.yaml"
    y.write_text("- {topic: 读书, author: 甲}\n- {author: 乙}\n", encoding="utf-8")
    m = read_manifest(y, {})
    assert len(m.rows) == 1 and str(m.problems[0]).endswith("m.yaml:2: topic: 主题不能为空")
    with pytest.raises(InputError, match="缺少必需的列 topic"):
        read_manifest(write_csv(tmp_path / "n.csv", [["author"], ["甲"]]), {})
    assert len(read_manifest(tmp_path / "n.csv", {"topic": "读书"}).rows) == 1


@pytest.mark.parametrize("fields,expected", [
    ({"author": "../../etc/passwd", "topic": "读书"}, "etc_passwd-读书.docx"),
    ({"author": "CON", "topic": ""}, "_CON.docx"),
    ({"author": "a/b\\c:d*e?", "topic": "x\x00y"}, "a_b_c_d_e-x_y.docx"),
])
def test_names_are_safe(fields: dict[str, str], expected: str) -> None:
    assert render_name("{author}-{topic}.docx", fields) == expected


def test_long_names_and_collisions() -> None:
    name = render_name("{author}.docx", {"author": "长" * 300})
    assert name.endswith(".docx") and len(name.encode("utf-8")) <= 200
    taken: set[str] = set()
    assert [unique("a.docx", taken) for _ in range(3)] == ["a.docx", "a-2.docx", "a-3.docx"]
    assert unique("A.DOCX", taken) == "A-4.DOCX"
    assert safe_filename("..") == "draft" and "/" not in safe_filename("../x.md")


def test_filename_column_cannot_escape_the_directory(tmp_path: Path) -> None:
    m = write_csv(tmp_path / "m.csv", [["topic", "filename"], ["读书", "../../evil.md"], ["读书", "/tmp/abs.md"]])
    run_batch(m, BatchOptions(out_dir=tmp_path / "out", jobs=1, seed=1))
    assert not (tmp_path / "evil.md").exists() and not Path("/tmp/abs.md").exists()
    assert {p.name for p in (tmp_path / "out").glob("*.md")} == {"evil.md", "tmp_abs.md"}


def test_existing_outputs_are_not_overwritten(tmp_path: Path) -> None:
    m = write_csv(tmp_path / "m.csv", [["topic", "filename"], ["读书", "a.md"]])
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.md").write_text("我自己改过的稿子", encoding="utf-8")
    result = run_batch(m, BatchOptions(out_dir=out, jobs=1, seed=1))
    assert "文件已存在" in result.failed[0].message
    assert (out / "a.md").read_text(encoding="utf-8") == "我自己改过的稿子"
    run_batch(m, BatchOptions(out_dir=out, jobs=1, seed=1, overwrite=True))
    assert (out / "a.md").read_text(encoding="utf-8").startswith("# ")


def test_second_batch_into_the_same_directory_is_refused(tmp_path: Path) -> None:
    m = write_csv(tmp_path / "m.csv", [["topic"], ["读书"]])
    (tmp_path / "out").mkdir()
    with _lock(tmp_path / "out"):
        proc = subprocess.run([sys.executable, "-m", "xindegen", "batch", str(m), "-o", str(tmp_path / "out")],
                              capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"错误：{tmp_path / 'out'}: 另一个批量任务正在写入这个目录，请等它结束后再运行"


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_run_resumes_to_the_full_set(tmp_path: Path, sig: int) -> None:
    rows = [["topic", "author"]] + [["安全生产", f"职工{i}"] for i in range(200)]  # no loaded machine ends it first
    m = write_csv(tmp_path / "m.csv", rows)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "xindegen", "batch", str(m), "-o", str(out), "-j", "2", "--seed", "5",
           "--name", "{row}.docx"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.time() + 300  # a loaded machine may take a minute to start
    while time.time() < deadline and len(list(out.glob("*.docx"))) < 5:
        time.sleep(0.05)
    os.killpg(proc.pid, sig)  # Ctrl-C in a terminal signals the whole process group
    _, err = proc.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and err.strip() == "已中断，未写入不完整的文件。"
        assert not list(out.glob(".*.tmp"))
    made = len(list(out.glob("*.docx")))
    assert 5 <= made < 200, made
    res = subprocess.run([*cmd, "--resume"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    drafts = sorted(out.glob("*.docx"))
    assert len(drafts) == 200 and not list(out.glob(".*.tmp"))
    from docx import Document

    for d in drafts:  # every file is a whole, readable document
        assert Document(str(d)).paragraphs[0].text
    journal = [json.loads(line) for line in (out / JOURNAL).read_text(encoding="utf-8").splitlines()]
    assert {r["row"] for r in journal} == set(range(2, 202))


def test_shards_split_the_manifest(tmp_path: Path) -> None:
    m = write_csv(tmp_path / "m.csv", [["topic"]] + [["读书"]] * 5)
    names = []
    for i in (1, 2):
        run_batch(m, BatchOptions(out_dir=tmp_path / f"s{i}", jobs=1, seed=2, shard=(i, 2), name="{row}.md"))
        names.append(sorted(p.name for p in (tmp_path / f"s{i}").glob("*.md")))
    assert names == [["2.md", "4.md", "6.md"], ["3.md", "5.md"]]
    res = CliRunner().invoke(main, ["batch", str(m), "-o", str(tmp_path / "x"), "--shard", "3/2"])
    assert res.exit_code == 1 and "--shard 3/2" in res.output


def _pair_share_brute(a: str, b: str) -> float:
    """Independent of xindegen.similarity: mark every 13-window of a that occurs in b."""
    import re

    strip = re.compile(r"“[^”]*”|《[^》]*》|【[^】]*】")  # quotations, their sources, placeholders
    a, b = (re.sub(r"^#+ ", "", t, flags=re.M) for t in (a, b))  # Markdown heading marks are not text
    a, b = (re.sub(r"\s+", "", strip.sub("\x00", t)) for t in (a, b))
    windows = {b[i:i + 13] for i in range(len(b) - 12)}
    hit = [False] * len(a)
    for i in range(len(a) - 12):
        w = a[i:i + 13]
        if "\x00" not in w and w in windows:
            hit[i:i + 13] = [True] * 13
    return sum(hit) / max(1, len(a.replace("\x00", "")))


def test_batch_drafts_are_distinct_and_check_agrees(tmp_path: Path) -> None:
    m = write_csv(tmp_path / "m.csv", [["topic", "author"]] + [["乡村振兴", f"干部{i}"] for i in range(20)])
    out = tmp_path / "out"
    result = run_batch(m, BatchOptions(out_dir=out, jobs=2, seed=9, name="{row}.md", defaults={"length": 1000}))
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.md"))}
    assert len(texts) == 20
    pairs = {(a, b): max(_pair_share_brute(texts[a], texts[b]), _pair_share_brute(texts[b], texts[a]))
             for a, b in itertools.combinations(texts, 2)}
    worst = max(pairs.values())
    assert abs(worst - result.max_share) < 0.03  # the report agrees with the brute force
    res = CliRunner().invoke(main, ["check", *map(str, sorted(out.glob("*.md"))), "--json"])
    reported = {Path(r["name"]).name: r for r in json.loads(res.output)}
    for name in texts:
        brute = max(_pair_share_brute(texts[name], texts[o]) for o in texts if o != name)
        assert abs(reported[name]["partner_share"] - brute) < 0.01, name


# a topic pack, a topic with none, and a teacher's contest (whose writer takes the same two angles in turn);
# a campaign and an ethics pack, whose drafts once shared their lead fact and their second angle (issue #13)
@pytest.mark.parametrize("topic", ["安全生产", "数字政府建设", "青年教师课堂教学大赛参赛心得",
                                   "党纪学习教育", "师德师风"])
def test_fifty_same_topic_drafts_meet_the_similarity_limits(tmp_path: Path, topic: str) -> None:
    m = write_csv(tmp_path / "m.csv", [["author"]] + [[f"干部{i}"] for i in range(50)])
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["batch", str(m), "-o", str(out), "--topic", topic, "--seed", "5",
                                    "--name", "{row}.txt", "-j", "2"])
    assert res.exit_code == 0, res.output
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.txt"))}
    assert len(texts) == 50
    pairs = [max(_pair_share_brute(texts[a], texts[b]), _pair_share_brute(texts[b], texts[a]))
             for a, b in itertools.combinations(texts, 2)]
    assert max(pairs) <= 0.15 and sum(pairs) / len(pairs) <= 0.05, (max(pairs), sum(pairs) / len(pairs))
    res = CliRunner().invoke(main, ["check", str(out), "--max-pair", "0.15", "--json"])
    assert res.exit_code == 0, res.output
    assert max(r["partner_share"] for r in json.loads(res.output)) == pytest.approx(max(pairs), abs=0.01)
    res = CliRunner().invoke(main, ["check", str(out), "--max-pair", f"{max(pairs) - 0.01:.2f}"])
    assert res.exit_code == 1  # and the limit bites


def test_check_max_and_against(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "ref" / "b.md"
    b.parent.mkdir()
    shared = "我们要把安全生产的各项要求落到每一个岗位上去。"
    a.write_text("开头是我自己写的一段话。" + shared + "结尾也是我自己写的。", encoding="utf-8")
    b.write_text("别人的开头完全不同。" + shared + "别人的结尾。", encoding="utf-8")
    r = CliRunner()
    res = r.invoke(main, ["check", str(a), "--against", str(b.parent), "--max", "0.9"])
    assert res.exit_code == 0 and "b.md" in res.output and shared[:13] in res.output
    res = r.invoke(main, ["check", str(a), "--against", str(b.parent), "--max", "0.2"])
    assert res.exit_code == 1
    res = r.invoke(main, ["check", str(tmp_path / "x.pdf")])
    assert res.exit_code == 1 and "只能检查" in res.output


def test_batch_yaml_outputs_are_outlines(tmp_path: Path) -> None:
    m = write_csv(tmp_path / "m.csv", [["topic", "author", "date"], ["保密教育", "张三", "2026-3-5"]])
    run_batch(m, BatchOptions(out_dir=tmp_path, jobs=1, seed=3, name="{author}.yaml"))
    o = loads_outline((tmp_path / "张三.yaml").read_text(encoding="utf-8"))
    assert o.author == "张三" and o.date == "2026年3月5日" and o.topic == "保密教育"


def _journal_texts(out: Path) -> dict[int, dict[str, Any]]:
    return {r["row"]: r for r in map(json.loads, (out / JOURNAL).read_text(encoding="utf-8").splitlines())}


def test_a_draft_sharing_too_much_with_one_taken_before_it_is_made_again(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Drafts are taken in manifest order; one sharing more than the limit with a draft taken before it
    (counted from either side) is regenerated with another seed, and only such a one."""
    from xindegen.batch import runner as batch

    m = write_csv(tmp_path / "m.csv", [["topic", "author"]] + [["数字政府建设", f"干部{i}"] for i in range(16)])
    out = tmp_path / "out"
    with monkeypatch.context() as m1:
        m1.setattr(batch, "REGENERATE_ABOVE", 1.0)  # the first pass alone: each row's draft before any redo
        run_batch(m, BatchOptions(out_dir=out, jobs=1, seed=4, name="{row}.md"))
    first = _journal_texts(out)
    shares = sorted(float(r["最高相似度"].rstrip("%")) / 100
                    for r in csv.DictReader((out / "batch-report.csv").open(encoding="utf-8-sig")))
    limit = shares[len(shares) // 2]  # about half the drafts are over this limit
    monkeypatch.setattr(batch, "REGENERATE_ABOVE", limit)
    monkeypatch.setattr(batch, "TRIAL_REGENERATIONS", 100)  # the budget is not what this test is about
    monkeypatch.setattr(batch, "PAIR_LIMIT", 0.0)  # and every draft stays over this one
    again = tmp_path / "again"
    res = CliRunner().invoke(main, ["batch", str(m), "-o", str(again), "--seed", "4", "--name", "{row}.md", "-j", "2"])
    assert res.exit_code == 0, res.output
    assert "重新生成 0 篇" not in res.output and "注意：重新生成后仍有 16 篇" in res.output
    taken = _journal_texts(again)
    report = {int(r["行号"]): r for r in csv.DictReader((again / "batch-report.csv").open(encoding="utf-8-sig"))}
    redone = set()
    for row in sorted(taken):
        original = first[row]["text"]
        share = max((max(_pair_share_brute(original, taken[r]["text"]), _pair_share_brute(taken[r]["text"], original))
                     for r in taken if r < row), default=0.0)
        if taken[row]["seed"] != first[row]["seed"]:
            redone.add(row)
            assert share > limit - 0.005, (row, share, limit)
        else:
            assert share <= limit + 0.005, (row, share, limit)
            assert taken[row]["text"] == original
        assert taken[row]["seed"] == int(report[row]["种子"])  # the journal holds the draft on disk
        assert (again / report[row]["文件"]).read_text(encoding="utf-8").startswith("# ")
    assert redone


def test_a_batch_is_the_same_however_its_workers_are_scheduled(tmp_path: Path) -> None:
    m = write_csv(tmp_path / "m.csv", [["topic", "author"]] + [["安全生产", f"职工{i}"] for i in range(30)])
    runs = []
    for name, jobs in (("a", "2"), ("b", "2"), ("c", "1")):
        res = CliRunner().invoke(main, ["batch", str(m), "-o", str(tmp_path / name), "--seed", "9", "--name",
                                        "{row}.txt", "-j", jobs, "--length", "800"])
        assert res.exit_code == 0, res.output
        assert "重新生成 0 篇" not in res.output  # some drafts were made again: the order mattered
        runs.append(({p.name: p.read_text(encoding="utf-8") for p in (tmp_path / name).glob("*.txt")},
                     (tmp_path / name / "batch-report.csv").read_text(encoding="utf-8-sig")))
    assert runs[0] == runs[1] == runs[2]


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    import pty

    m = write_csv(tmp_path / "m.csv", [["topic", "author"]] + [["读书", f"读者{i}"] for i in range(4)])
    leader, follower = pty.openpty()
    proc = subprocess.run([sys.executable, "-m", "xindegen", "batch", str(m), "-o", str(tmp_path / "o"),
                           "--name", "{row}.txt", "-j", "1"], stderr=follower, stdout=subprocess.PIPE, timeout=120)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert proc.returncode == 0
    text = shown.decode("utf-8", "replace")
    assert "1/4" in text and "[" + "#" * 30 + "] 4/4" in text
    assert "完成：新写 4 篇" in proc.stdout.decode("utf-8")
    assert not any("[" in line for line in (tmp_path / "o" / "batch.log").read_text(encoding="utf-8").splitlines())


def test_check_reads_its_own_docx_as_python_docx_does(tmp_path: Path) -> None:
    """Our own drafts are read without python-docx, to the very same text; any other .docx (here one
    python-docx wrote, and one of ours with a table put in) is read by python-docx."""
    import zipfile

    import docx

    from xindegen.batch.check import own_docx_text, read_draft
    from xindegen.parse.ingest import read_text

    ours = []
    for style in ("gongwen", "plain"):
        out = tmp_path / f"{style}.docx"
        res = CliRunner().invoke(main, ["new", "-t", "安全生产", "--seed", "3", "--style", style, "-o", str(out),
                                        "--author", "张三&李四 <一组> \"甲\" '乙' &#x41;", "--unit", "某科\t二室"])
        assert res.exit_code == 0, res.output
        ours.append(out)
    for path in ours:
        data = path.read_bytes()
        assert own_docx_text(data) == read_text(path) and "张三&李四 <一组> \"甲\" '乙' &#x41;" in read_text(path)
    foreign = tmp_path / "foreign.docx"
    d = docx.Document()
    d.add_paragraph("别人用 Word 写的一段话。")
    d.save(str(foreign))
    with zipfile.ZipFile(ours[0]) as src, zipfile.ZipFile(tmp_path / "table.docx", "w") as dst:
        for info in src.infolist():
            part = src.read(info)
            if info.filename == "word/document.xml":
                part = part.replace(b"<w:body>", b"<w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>\xe8\xa1\xa8</w:t>"
                                                 b"</w:r></w:p></w:tc></w:tr></w:tbl>")
            dst.writestr(info, part)
    for path in (foreign, tmp_path / "table.docx"):
        assert own_docx_text(path.read_bytes()) is None
        assert read_draft(path) == read_text(path)
    assert read_text(tmp_path / "table.docx") == read_text(ours[0])  # a table's text is not a body paragraph's


@pytest.mark.parametrize("on_disk", [False, True])
def test_check_reports_the_same_on_every_core_as_on_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         on_disk: bool) -> None:
    """Reports made by forked workers (the index in memory, or in its database file) are those one
    process makes; the database file is removed afterwards."""
    import tempfile

    from xindegen import similarity
    from xindegen.batch import check

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the index's database goes
    if on_disk:
        monkeypatch.setattr(similarity, "MEMORY_LIMIT", 0)
    docs = tmp_path / "docs"
    docs.mkdir()
    phrases = ["我们要把安全生产的各项要求落到每一个岗位上去", "坚持人民至上生命至上是根本的出发点",
               "把隐患排查治理作为日常工作的重中之重", "通过这次学习我深刻认识到责任的重大"]
    for k in range(12):
        body = "。".join(phrases[j % 4] if (k + j) % 3 else f"第{k}篇第{j}句是自己的话各不相同"
                        for j in range(k % 5 + 3))
        (docs / f"{k}.txt").write_text(body, encoding="utf-8")
    monkeypatch.setattr(check, "PARALLEL_FROM", 10**9)
    alone = check.check_files([docs])
    monkeypatch.setattr(check, "PARALLEL_FROM", 2)
    shared = check.check_files([docs])
    assert [m.__dict__ for m in shared] == [m.__dict__ for m in alone]
    assert any(m.partner for m in alone)
    assert not list(tmp_path.glob(f"{similarity.INDEX_PREFIX}*"))


def test_the_batch_report_measures_what_check_reads_back(tmp_path: Path) -> None:
    """The report's share of each draft is the one `check` finds in the written file: runs that cross
    from the subtitle into the lead, or from a heading into its paragraph, count on both sides."""
    m = write_csv(tmp_path / "m.csv", [["author"]] + [[f"教师{i}"] for i in range(50)])
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["batch", str(m), "-o", str(out), "--topic", "师德师风", "--seed", "5",
                                    "--name", "{row}.txt", "-j", "1"])
    assert res.exit_code == 0, res.output
    with (out / "batch-report.csv").open(encoding="utf-8-sig") as fh:
        report = {r["文件"]: float(r["最高相似度"].rstrip("%")) / 100 for r in csv.DictReader(fh)}
    res = CliRunner().invoke(main, ["check", str(out), "--json"])
    checked = {Path(r["name"]).name: r["partner_share"] for r in json.loads(res.output)}
    assert report.keys() == checked.keys()
    # The worst pair of the batch is the one read back; a draft's own figure is taken when it is
    # accepted (a later draft may come closer to it, never the reverse).
    assert abs(max(report.values()) - max(checked.values())) < 0.005, (max(report.values()), max(checked.values()))
    assert all(report[n] <= checked[n] + 0.005 for n in report)
