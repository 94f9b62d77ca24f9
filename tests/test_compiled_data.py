"""The compiled data cache: found by a stat index, rebuilt on any change, verified, read lazily."""

from __future__ import annotations

import os
import pickle
import shutil
from dataclasses import fields
from pathlib import Path

import pytest

from xindegen.compose import rhetoric
from xindegen.compose.rhetoric import Rhetoric, load_rhetoric
from xindegen.paths import builtin_data_dir


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the built-in data as the built-in data, and an empty cache."""
    monkeypatch.setenv("XINDEGEN_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "data"
    shutil.copytree(builtin_data_dir(), copy)
    monkeypatch.setattr(rhetoric, "builtin_data_dir", lambda: copy)
    rhetoric._load.cache_clear()
    return copy


def fresh() -> Rhetoric:
    rhetoric._load.cache_clear()
    return load_rhetoric()


class Reads:
    """Counts the data files read and the builds."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.files = self.builds = 0
        read, build = rhetoric.read_user_file, rhetoric._build

        def counting_read(*args: object, **kwargs: object) -> bytes:
            self.files += 1
            return read(*args, **kwargs)  # type: ignore[arg-type]

        def counting_build(*args: object) -> Rhetoric:
            self.builds += 1
            return build(*args)  # type: ignore[arg-type]

        monkeypatch.setattr(rhetoric, "read_user_file", counting_read)
        monkeypatch.setattr(rhetoric, "_build", counting_build)


def same(a: Rhetoric, b: Rhetoric) -> None:
    """Every field equal, packs and works compared whole (their deferred fields read)."""
    for f in fields(Rhetoric):
        x, y = getattr(a, f.name), getattr(b, f.name)
        assert (dict(x) if f.name != "quotes" and f.name != "titles" and f.name != "stamps" else x) == \
            (dict(y) if f.name != "quotes" and f.name != "titles" and f.name != "stamps" else y), f.name
    for key, pack in a.packs.items():
        other = b.packs[key]
        for f in fields(pack):
            assert getattr(pack, f.name) == getattr(other, f.name), (key, f.name)


def test_a_start_reads_no_data_file_and_gets_what_a_build_gives(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = load_rhetoric()
    assert len(list((data.parent / "cache").glob("rhetoric-*.index"))) == 1
    reads = Reads(monkeypatch)
    cached = fresh()
    assert reads.files == 0 and reads.builds == 0  # the stat index named the compiled data
    assert cached is not built
    same(built, cached)
    assert cached.version() == built.version()
    with pytest.raises(TypeError):
        cached.packs["x"] = built.packs["baomi_jiaoyu"]  # type: ignore[index]  # still read-only


def test_packs_and_works_keep_their_prose_pickled_until_read(data: Path) -> None:
    load_rhetoric()
    rh = fresh()
    pack, work = rh.packs["anquan_shengchan"], next(iter(rh.works.values()))
    assert rhetoric._DEFERRED in pack.__dict__ and "angles" not in pack.__dict__
    assert rhetoric._DEFERRED in work.__dict__
    assert pack.name == "安全生产" and rhetoric._DEFERRED in pack.__dict__  # a light field reads nothing
    assert pack.angles and rhetoric._DEFERRED not in pack.__dict__ and "facts" in pack.__dict__
    with pytest.raises(AttributeError):
        _ = pack.no_such_field  # type: ignore[attr-defined]
    # pickled again (a batch's workers): the same values, still deferred until read
    again = pickle.loads(pickle.dumps(rh.packs["baomi_jiaoyu"]))
    assert rhetoric._DEFERRED in again.__dict__ and again == rh.packs["baomi_jiaoyu"]


def test_any_change_to_a_data_file_rebuilds(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_rhetoric()
    titles = data / "titles.yaml"
    before = titles.stat()
    text = titles.read_text(encoding="utf-8")
    changed = text.replace("“{key}”二字重千钧", "“{key}”二字千钧重")
    assert changed != text and len(changed.encode()) == len(text.encode())
    titles.write_text(changed, encoding="utf-8")
    os.utime(titles, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, same mtime: the ctime tells
    reads = Reads(monkeypatch)
    rh = fresh()
    assert reads.builds == 1 and any(t.pattern == "“{key}”二字千钧重" for t in rh.titles)
    # a new file counts too, and one taken away
    (data / "packs" / "baomi_jiaoyu.yaml").rename(data / "baomi.yaml.off")
    assert "baomi_jiaoyu" not in fresh().packs and reads.builds == 2
    # and back as it was: that content's compiled data is still kept, found by its content key
    (data / "baomi.yaml.off").rename(data / "packs" / "baomi_jiaoyu.yaml")
    assert "baomi_jiaoyu" in fresh().packs and reads.builds == 2


def test_compiled_data_that_does_not_verify_is_never_used(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = load_rhetoric()
    (kept,) = (data.parent / "cache").glob("rhetoric-*.pickle")
    blob = kept.read_bytes()
    kept.write_bytes(blob[:-10] + b"0123456789")  # damaged: the checksum fails
    reads = Reads(monkeypatch)
    assert fresh().version() == built.version() and reads.builds == 1
    assert kept.read_bytes() == blob  # rewritten
    kept.write_bytes(blob[:len(blob) // 2])  # cut short
    assert fresh().version() == built.version() and reads.builds == 2
    kept.unlink()  # gone, while the index still names it
    assert fresh().version() == built.version() and reads.builds == 3
    (index,) = (data.parent / "cache").glob("rhetoric-*.index")
    index.write_bytes(b"not an index")
    assert fresh().version() == built.version() and reads.builds == 3  # the sources' key finds the data


def test_the_stat_index_covers_every_file_the_data_is_built_from(data: Path, tmp_path: Path) -> None:
    (data / "packs" / "deeper").mkdir()
    (data / "packs" / "deeper" / "x.yaml").write_text("version: 2\n", encoding="utf-8")
    (data / "notes.txt").write_text("not data", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "y.yaml").write_text("version: 2\n", encoding="utf-8")
    (data / "linked").symlink_to(elsewhere, target_is_directory=True)  # the glob does not enter it
    (data / "file-link.yaml").symlink_to(data / "titles.yaml")
    dirs = tuple(rhetoric.data_dirs())
    listed = {str(f) for f in rhetoric.data_files(dirs, "**/*.yaml")}
    stamped = {s[0] for s in rhetoric._stamps(dirs)}
    assert listed == stamped
    assert str(data / "packs" / "deeper" / "x.yaml") in stamped and str(data / "file-link.yaml") in stamped
    assert not any("/linked/" in s or s.endswith(".txt") for s in stamped)
