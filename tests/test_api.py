"""The public API: every name imports, `import xindegen` stays light, the README example runs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import xindegen

from .conftest import ROOT

HEAVY = ("yaml", "jinja2", "docx", "lxml", "click", "rjieba", "charset_normalizer", "openpyxl", "httpx")


def test_every_public_name_imports() -> None:
    from xindegen import errors, model, outline_io
    from xindegen.compose import plan, request
    from xindegen.parse import decompose
    from xindegen.render import output, text

    expected = {
        "Outline": model.Outline, "Quote": model.Quote, "load_outline": outline_io.load_outline,
        "dumps_outline": outline_io.dumps_outline, "parse_file": decompose.parse_file,
        "parse_text": decompose.parse_text, "compose": plan.compose, "ComposeRequest": request.ComposeRequest,
        "render_bytes": output.render_bytes, "write_rendered": output.write_rendered,
        "render_text": text.render_text, "XindegenError": errors.XindegenError, "OutlineError": errors.OutlineError,
    }
    for name in xindegen.__all__:
        assert getattr(xindegen, name) is not None, name
    for name, obj in expected.items():
        assert getattr(xindegen, name) is obj, name
    assert set(xindegen.__all__) <= set(dir(xindegen))
    with pytest.raises(AttributeError):
        xindegen.no_such_name  # noqa: B018


def test_compose_is_the_function_whatever_was_imported_first() -> None:
    code = ("import xindegen.compose.plan, xindegen.compose.rhetoric; import xindegen; "
            "from xindegen import compose; print(callable(xindegen.compose), compose is xindegen.compose)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True"]


def test_import_xindegen_loads_no_stage() -> None:
    code = f"import sys, xindegen; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_readme_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"<!-- api-example -->\s*```python\n(.*?)```", readme, re.S)
    assert example is not None, "README.md has no block marked api-example"
    code = example.group(1)
    assert len(code.strip().splitlines()) <= 6
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    assert (tmp_path / "draft.docx").read_bytes().startswith(b"PK")
    assert xindegen.load_outline(tmp_path / "draft.yaml") == namespace["draft"]
    essays = namespace["essays"]
    assert isinstance(essays, list) and essays[0].title == namespace["draft"].title  # type: ignore[attr-defined]
