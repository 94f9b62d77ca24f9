from __future__ import annotations

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
