"""The on-disk 查重 index reports exactly what the in-memory one did (tests/similarity_reference.py)."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests import similarity_reference as ref
from xindegen.batch.runner import JOURNAL, REPORT, BatchOptions, run_batch
from xindegen import similarity
from xindegen.cli import main
from xindegen.similarity import MEMORY_LIMIT, Index, Match, pair_share

PHRASES = [
    "我们要把安全生产的各项要求落到每一个岗位上去", "坚持人民至上生命至上是根本的出发点", "以案为鉴以案促改守住底线",
    "通过这次学习我深刻认识到责任的重大", "把隐患排查治理作为日常工作的重中之重", "知行合一学用结合推动工作",
    "“安全第一预防为主综合治理”", "《安全生产法》", "【此处写一件本人经历的事】", "今后我将更加严格要求自己",
]


def _texts(rng: random.Random, n: int) -> dict[str, str]:
    """Texts sharing phrases at random, with unique filler between them, quotations and placeholders."""
    out = {}
    for k in range(n):
        parts = []
        for j in range(rng.randint(3, 12)):
            parts.append(rng.choice(PHRASES) if rng.random() < 0.6 else f"第{k}篇第{j}句自己的话，写得不同。")
            if rng.random() < 0.2:
                parts.append("\n")
        out[f"d{k}.txt"] = "。".join(parts)
    return out


def _same(a: Match, b: ref.Match) -> bool:
    return (a.name, a.share, a.partner, a.partner_share, a.passages) == \
        (b.name, b.share, b.partner, b.partner_share, b.passages)


# on disk from the start, moved to disk after a few texts, in memory throughout
@pytest.mark.parametrize("limit", [0, 6000, MEMORY_LIMIT])
def test_on_disk_index_reports_what_the_in_memory_one_did(tmp_path: Path, limit: int) -> None:
    rng = random.Random(7)
    for trial in range(6):
        texts = _texts(rng, rng.randint(2, 40))
        old = ref.Index()
        with Index(workdir=tmp_path, memory_limit=limit) as new:
            for name, text in texts.items():
                old.add(name, text)
                new.add(name, text)
            for name in texts:
                assert _same(new.report(name), old.report(name)), (trial, name)
            assert new.on_disk == (limit < MEMORY_LIMIT)
            probe = _texts(rng, 1)["d0.txt"]
            assert _same(new.probe(probe), old.probe(probe))


def test_ties_go_to_the_earliest_window_then_the_first_added() -> None:
    shared = "这是一段十三个字以上完全相同的文字内容啊"
    texts = {"a": "子" + shared + "丑", "b": "寅" + shared + "卯", "c": "辰" + shared + "巳"}  # only that run in common
    old, new = ref.Index(), Index(memory_limit=0)
    for name, text in texts.items():
        old.add(name, text)
        new.add(name, text)
    for name in texts:
        assert _same(new.report(name), old.report(name))
    assert new.report("c").partner == "a"
    new.close()


def test_the_temporary_database_is_removed(tmp_path: Path) -> None:
    index = Index(workdir=tmp_path, memory_limit=0)
    index.add("a", "一段足够长的文字，用来建立索引，看看文件在哪里。")
    assert len(list(tmp_path.iterdir())) == 1
    index.close()
    assert not list(tmp_path.iterdir())
    assert pair_share("一二三四五六七八九十甲乙丙丁", "一二三四五六七八九十甲乙丙丁") == 1.0


def _share(a: str, b: str) -> float:
    """The share of ``a`` in runs it has in common with ``b``, by the reference index."""
    old = ref.Index()
    old.add("a", a)
    old.add("b", b)
    return old.report("a").partner_share


@pytest.mark.parametrize("on_disk", [False, True])
def test_batch_report_names_each_drafts_worst_partner_exactly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              on_disk: bool) -> None:
    """Each draft's reported share is its exact share with the partner named, and no other draft
    shares more with it (every pair of this batch measured by the reference index)."""
    if on_disk:
        monkeypatch.setattr(similarity, "MEMORY_LIMIT", 20_000)  # moves to disk after a few drafts
    m = tmp_path / "m.csv"
    with m.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["topic", "author"])
        w.writerows(["安全生产", f"职工{i}"] for i in range(24))
    out = tmp_path / "out"
    run_batch(m, BatchOptions(out_dir=out, jobs=2, seed=3, name="{row}.txt", defaults={"length": 800}))
    journal = (out / JOURNAL).read_text(encoding="utf-8").splitlines()
    texts = {rec["file"]: rec["text"] for rec in map(json.loads, journal)}
    with (out / REPORT).open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(texts) == 24
    for r in rows:
        mine = texts[r["文件"]]
        worst = max(_share(mine, texts[other]) for other in texts if other != r["文件"])
        assert r["相似对象"] and r["最高相似度"] == f"{_share(mine, texts[r['相似对象']]):.1%}" == f"{worst:.1%}"
    assert not list(out.glob(".xindegen-index-*")), "the index file is removed after the run"


def test_a_topics_boilerplate_counts_without_listing_its_holders(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows held by many texts (a fact every draft cites) are not listed per holder, yet count in
    full for the partner measured: the share is what the reference index says."""
    monkeypatch.setattr(similarity, "_COMMON", 3)
    common = "。".join(PHRASES[:5])
    texts = {f"d{k}": f"第{k}篇开头自己的话写得不同。{common}。第{k}篇结尾自己的话也不相同" for k in range(8)}
    texts["copy"] = texts["d3"] + "。多出来的一句"
    old = ref.Index()
    with Index() as new:
        for name, text in texts.items():
            old.add(name, text)
            new.add(name, text)
        for name in texts:
            assert _same(new.report(name), old.report(name)), name
        probe = new.probe(texts["d5"] + "。另一句", back=lambda partner, estimate: True)
        assert probe.partner == "d5" and probe.back["d5"] == 1.0 and probe.back["copy"] < 1.0


def test_a_pair_over_the_limit_is_caught_with_the_index_on_disk(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(similarity, "MEMORY_LIMIT", 0)
    body = "。".join(PHRASES[:6] + [f"第{i}句各自不同的补充内容" for i in range(3)])
    (tmp_path / "a.txt").write_text("甲的标题\n" + body, encoding="utf-8")
    (tmp_path / "b.txt").write_text("乙的标题\n" + body + "。乙另外写的结尾部分", encoding="utf-8")
    (tmp_path / "c.txt").write_text("丙的标题\n完全不同的一篇文章，没有一句与别人的相同。", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(tmp_path), "--max-pair", "0.15", "--json"])
    assert res.exit_code == 1
    by = {Path(r["name"]).name: r for r in json.loads(res.output)}
    assert Path(by["a.txt"]["partner"]).name == "b.txt" and by["a.txt"]["partner_share"] > 0.9
    assert by["c.txt"]["partner"] is None


def test_a_text_prepared_in_another_process_counts_only_where_its_hash_is_ours(tmp_path: Path) -> None:
    """prepare() runs in worker processes; a process that does not share this one's str hash (not
    forked from it) gives other window hashes, which the index must not mix with its own."""
    import subprocess
    import sys

    rng = random.Random(11)
    texts = _texts(rng, 12)
    probe = _texts(rng, 1)["d0.txt"]
    script = ("import json, sys; from xindegen.similarity import prepare; "
              "json.dump([[p[0], p[1], p[2].hex()] for p in map(prepare, json.load(sys.stdin))], sys.stdout)")
    out = subprocess.run([sys.executable, "-c", script], input=json.dumps([*texts.values(), probe]), text=True,
                         capture_output=True, check=True, env={"PYTHONHASHSEED": "12345", "PATH": ""}).stdout
    elsewhere = [(mark, clean, bytes.fromhex(h)) for mark, clean, h in json.loads(out)]
    here = [similarity.prepare(t) for t in [*texts.values(), probe]]
    assert [p[1] for p in elsewhere] == [p[1] for p in here]  # the same cleaned text either way
    assert (elsewhere[0][0] == here[0][0]) == (elsewhere[0][2] == here[0][2])  # the mark tells the hashes apart
    old = ref.Index()
    with Index(memory_limit=0, workdir=tmp_path) as a, Index() as b:
        for k, ((name, text), p, q) in enumerate(zip(texts.items(), elsewhere, here, strict=False)):
            old.add(name, text)
            a.add(name, text, p if k % 2 else q)  # prepared here and there, in one index
            b.add(name, text, q)
        for name in texts:
            assert _same(a.report(name), old.report(name)) and _same(b.report(name), old.report(name)), name
        assert _same(a.probe(probe, prepared=elsewhere[-1]), old.probe(probe))
        assert _same(b.probe(probe, prepared=here[-1]), old.probe(probe))


def test_most_counted_partners_are_those_nlargest_picks_ties_in_counting_order() -> None:
    """The top partners, found without a Python loop, are heapq.nlargest's exactly (ties broken
    by the order partners were first counted), so the partners measured do not change."""
    import heapq
    import random
    from collections import Counter

    from xindegen.similarity import _most

    rng = random.Random(7)
    for _ in range(300):
        counts = Counter(rng.choice(range(60)) for _ in range(rng.randrange(0, 400)))
        for k in list(counts)[: rng.randrange(0, 20)]:
            counts[k] = 3  # many ties at the cut
        n = rng.choice((1, 3, 10, 50, 80))
        assert _most(counts, n) == heapq.nlargest(n, counts, key=counts.__getitem__)


# everything on disk, some lists moved there and brought back, most kept in memory
@pytest.mark.parametrize("limit", [0, 3000, 20_000])
def test_lists_moved_to_disk_and_back_report_what_memory_did(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             limit: int) -> None:
    """Windows' lists move to disk past the limit (those added to least recently) and come back when
    used; lists past the cap keep four holders. Every probe (with each partner's share back) and
    report is what an index kept whole in memory gives."""
    monkeypatch.setattr(similarity, "_COMMON", 4)  # many lists pass the cap
    texts = _texts(random.Random(5), 60)

    def run(memory_limit: int) -> tuple[list[Match], bool]:
        with Index(workdir=tmp_path, memory_limit=memory_limit) as index:
            out = []
            for name, text in texts.items():
                out.append(index.probe(text, back=lambda partner, estimate: True))
                index.add(name, text)
            out += [index.report(name) for name in texts]
            return out, index.on_disk

    in_memory, moved = run(10**12)
    assert not moved
    assert run(limit) == (in_memory, True)
    assert any(m.back for m in in_memory) and any(m.partner for m in in_memory)
