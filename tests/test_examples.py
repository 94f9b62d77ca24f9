"""The committed example drafts are what the generator writes today (regenerate: tools/make_examples.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from .conftest import ROOT


def test_examples_regenerate_identically(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_examples", ROOT / "tools" / "make_examples.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.regenerate(tmp_path)
    assert len(written) == 3
    for path in written:
        assert path.read_text(encoding="utf-8") == (ROOT / "examples" / path.name).read_text(encoding="utf-8")
