"""Make a blind rating set (../shared/quality/RUBRIC.md): one draft per topic, shuffled with calibration drafts.

    python tools/blind_set.py TOPICS.txt OUT_DIR --key KEY.json [--calibration DIR] [--seed N]

TOPICS.txt holds one topic per line (``topic | kind`` is accepted), none of them in
tools/used_topics.txt (rated before, or looked at while tuning) nor a near copy of one. A calibration draft's file
is named after its topic (学习《职业病防治法》心得体会.md): the raters' topic list shows that name.
OUT_DIR receives D01.md … and topics.txt (the topics in random order, not matched to files);
KEY.json (kept away from the rater) says which file is which topic and writer, and whether a pack matched.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import xindegen
from xindegen.compose.frame import build_frame
from xindegen.compose.rhetoric import load_rhetoric


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("topics", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--key", type=Path, required=True)
    ap.add_argument("--calibration", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rh = load_rhetoric()
    topics = [line.split("|")[0].strip() for line in args.topics.read_text(encoding="utf-8").splitlines()
              if line.strip()]
    items: list[tuple[str, str, str]] = []  # (writer, topic, markdown)
    for topic in topics:
        draft = xindegen.compose(xindegen.ComposeRequest(topic=topic, seed=args.seed, length=1500), rhetoric=rh)
        frame = build_frame(topic, rh)
        writer = "pack" if frame.pack or frame.category else "nopack"
        items.append((writer, topic, xindegen.render_text(draft, "md")))
    for f in sorted(args.calibration.glob("*.md")) if args.calibration else []:
        items.append(("calibration", f.stem, f.read_text(encoding="utf-8")))
    rng = random.Random(args.seed)
    rng.shuffle(items)
    args.out.mkdir(parents=True, exist_ok=False)
    key = {}
    for i, (writer, topic, text) in enumerate(items, 1):
        name = f"D{i:02d}.md"
        (args.out / name).write_text(text, encoding="utf-8")
        key[name] = {"writer": writer, "topic": topic}
    shown = [t for _, t, _ in items]
    rng.shuffle(shown)
    (args.out / "topics.txt").write_text("\n".join(shown) + "\n", encoding="utf-8")
    args.key.write_text(json.dumps(key, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
