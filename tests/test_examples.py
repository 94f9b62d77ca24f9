"""The committed example drafts are what the generator writes today (regenerate: tools/make_examples.py).

examples/*.md are the generator's own earlier output, so comparing with them proves only that
nothing changed. They are worth pinning because each was read end to end by a person when it was
committed (see the commits touching examples/: "three example drafts read by eye", "examples
regenerated and read"): a change to what ``xindegen new`` writes shows up here, and the examples
must then be regenerated and read again. The properties below hold whatever the wording.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import yaml

from xindegen.text import chinese_numeral, count_chars

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


def test_examples_are_drafts_of_the_asked_shape() -> None:
    spec = yaml.safe_load((ROOT / "examples" / "examples.yaml").read_text(encoding="utf-8"))
    for item in spec["examples"]:
        args = dict(zip(item["args"][::2], item["args"][1::2], strict=True))  # option -> value
        lines = [ln for ln in (ROOT / "examples" / item["file"]).read_text(encoding="utf-8").splitlines() if ln]
        assert lines[0].startswith("# ") and len(lines[0]) > 4
        headings = [ln for ln in lines if ln.startswith("## ")]
        assert [h[3:5] for h in headings] == [f"{chinese_numeral(n)}、" for n in (1, 2, 3)], item["file"]
        body = [ln[5:] if ln.startswith("## ") else ln for ln in lines[1:] if not ln.startswith("——")]
        target = int(args["--length"])
        assert abs(sum(map(count_chars, body)) - target) <= target * 0.10, item["file"]
        sentences = [s for ln in body for s in re.findall(r"[^。！？]+[。！？]", ln) if len(s) > 8]
        assert len(sentences) == len(set(sentences)), item["file"]  # no sentence twice in a draft
