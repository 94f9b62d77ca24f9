"""Regenerate examples/*.md from examples/examples.yaml (run after changing the rhetoric data)."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from xindegen.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def regenerate(directory: Path = EXAMPLES) -> list[Path]:
    spec = yaml.safe_load((EXAMPLES / "examples.yaml").read_text(encoding="utf-8"))
    written = []
    for item in spec["examples"]:
        out = directory / item["file"]
        args = [str(EXAMPLES.parent / a) if a.startswith("examples/") else a for a in item["args"]]
        result = CliRunner().invoke(main, ["new", *args, "-o", str(out), "--overwrite"])
        if result.exit_code != 0:
            raise SystemExit(result.output)
        written.append(out)
    return written


if __name__ == "__main__":
    for path in regenerate():
        print(path)
