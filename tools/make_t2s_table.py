"""Regenerate src/xindegen/parse/data/t2s.txt, the traditional → simplified table of the parser.

Run: ``python tools/make_t2s_table.py DIR`` where DIR is an OpenCC ``dictionary`` folder (for
example the one inside the opencc-python-reimplemented wheel: ``pip download --no-deps
opencc-python-reimplemented`` and unzip it). The table keeps, from ``TSCharacters.txt``, every
character whose first simplified form differs from it, and from ``TSPhrases.txt`` the phrases whose
conversion differs from converting their characters one by one (乾坤 stays 乾坤, 乾淨 becomes
干净). OpenCC's dictionaries are under the Apache License 2.0; the header of the table says so.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "xindegen" / "parse" / "data" / "t2s.txt"

HEADER = """\
# Traditional → simplified Chinese, for reading machine-converted web pages (xindegen.parse.script).
# Derived from OpenCC's TSCharacters.txt and TSPhrases.txt (https://github.com/BYVoid/OpenCC),
# Copyright (c) Carbo Kuo and contributors, licensed under the Apache License, Version 2.0.
# Regenerate with tools/make_t2s_table.py. Lines: "c <traditional><simplified>" for a character
# ("=" marks one that is also written in simplified text), "p <traditional> <simplified>" for a phrase.
"""


def read(path: Path) -> list[tuple[str, list[str]]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, values = line.split("\t", 1)
            rows.append((key, values.split()))
    return rows


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    folder = Path(sys.argv[1])
    chars: dict[str, str] = {}
    both: set[str] = set()
    for key, values in read(folder / "TSCharacters.txt"):
        if len(key) == 1 and values[0] != key:
            chars[key] = values[0]
            if key in values:
                both.add(key)
    lines = [HEADER.rstrip("\n")]
    for key in sorted(chars):
        lines.append(f"c {key}{chars[key]}{'=' if key in both else ''}")
    for key, values in read(folder / "TSPhrases.txt"):
        by_char = "".join(chars.get(c, c) for c in key)
        if values[0] != by_char and len(values[0]) == len(key):
            lines.append(f"p {key} {values[0]}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(chars)} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
