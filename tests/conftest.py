from __future__ import annotations

from collections.abc import Callable
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
