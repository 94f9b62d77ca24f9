from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from xindegen.compose.rhetoric import Rhetoric, load_rhetoric

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SAMPLE = ROOT / "outlines" / "sample.yaml"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="session")
def _cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch,
                     _cache_dir: Path) -> Path:
    """Never read or write the developer's real per-user config or cache during tests."""
    cfg = tmp_path_factory.mktemp("config")
    import os

    for name in list(os.environ):  # nor a developer's own LLM endpoint
        if name.startswith("XINDEGEN_LLM_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("XINDEGEN_CONFIG_DIR", str(cfg))
    monkeypatch.setenv("XINDEGEN_CACHE_DIR", str(_cache_dir))
    return cfg


@pytest.fixture
def config_dir(_isolated_config: Path) -> Path:
    return _isolated_config


@pytest.fixture(scope="session")
def rh() -> Rhetoric:
    """The built-in rhetoric data, loaded once for the whole run (frozen: no test changes it)."""
    return load_rhetoric()


@pytest.fixture(scope="session")
def confirmed_rows() -> Callable[[str], set[tuple[str, str]]]:
    """(file, first 20 characters of the fact) of the CONFIRMED rows of docs/factcheck tables matching a glob: a row
    names the fact by its first 30 characters as they were when checked, so the first 20 are compared."""
    def rows(glob: str = "packs-*.tsv") -> set[tuple[str, str]]:
        return {(f, text[:20]) for t in (ROOT / "docs" / "factcheck").glob(glob)
                for f, text, verdict, *_ in (line.split("\t") for line in t.read_text(encoding="utf-8").splitlines())
                if verdict == "CONFIRMED"}
    return rows


@pytest.fixture(scope="session")
def tells_its_own(rh: Rhetoric) -> Callable[[str, Sequence[str], Sequence[str]], None]:
    """Asserts of six drafts of a work's topic that each names the work, tells two or more of its own words, leaves
    no 【…情节或内容】 placeholder (the work's scenes fill it) and holds none of the slips an editor struck."""
    from xindegen.compose.frame import build_frame
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest

    def check(topic: str, own: Sequence[str], wrong: Sequence[str]) -> None:
        title = build_frame(topic, rh).object or ""
        for seed in range(1, 7):
            body = "".join(compose(ComposeRequest(topic=topic, seed=seed), rhetoric=rh).body_paragraphs())
            assert title in body, seed
            assert sum(w in body for w in own) >= 2, (seed, own)
            assert "情节或内容】" not in body, seed
            assert not [w for w in wrong if w in body], (seed, [w for w in wrong if w in body])
    return check
