"""End to end: the installed console script, run from an unrelated directory."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import GOLDEN, SAMPLE


def _script() -> str:
    found = shutil.which("xindegen", path=str(Path(sys.executable).parent))
    assert found, "the xindegen console script is not installed in this environment"
    return found


def test_console_script_from_another_directory(tmp_path: Path) -> None:
    out = tmp_path / "草稿.md"
    done = subprocess.run([_script(), "render", str(SAMPLE), "-o", out.name],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    # the golden file was read line by line against the outline (see test_render_text): the installed
    # script, run elsewhere, finds its templates and writes the same
    assert out.read_text(encoding="utf-8") == (GOLDEN / "sample.md").read_text(encoding="utf-8")


def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "xindegen", "outline", "validate", str(SAMPLE)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.endswith("有效\n")


def test_errors_have_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [\n", encoding="utf-8")
    done = subprocess.run([_script(), "render", str(bad), "-o", "x.md"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.startswith(f"错误：{bad}:") and "Traceback" not in done.stderr
    assert not (tmp_path / "x.md").exists()
