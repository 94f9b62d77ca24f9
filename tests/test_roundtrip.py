"""`xindegen parse` of a .docx xindegen wrote gives back the outline that produced it."""

from __future__ import annotations

from pathlib import Path

import pytest

from xindegen.compose.plan import compose
from xindegen.compose.request import ComposeRequest
from xindegen.outline_io import load_outline
from xindegen.parse.decompose import parse_file
from xindegen.render.output import RenderOptions, write_rendered

from .conftest import SAMPLE


def _same_text(a, b) -> None:
    assert (b.title, b.subtitle) == (a.title, a.subtitle)
    assert b.lead.paragraphs == a.lead.paragraphs
    assert [s.heading for s in b.sections] == [s.heading for s in a.sections]
    assert [s.paragraphs for s in b.sections] == [s.paragraphs for s in a.sections]
    assert b.closing.paragraphs == a.closing.paragraphs


@pytest.mark.parametrize("style", ["gongwen", "plain"])
@pytest.mark.parametrize("topic", ["读书", "数字政府建设"])
def test_generated_draft_round_trips_through_docx(tmp_path: Path, style: str, topic: str) -> None:
    draft = compose(ComposeRequest(topic=topic, seed=5, author="张三", unit="某某局", date="2026-01-03"))
    out = tmp_path / "d.docx"
    write_rendered(draft, str(out), options=RenderOptions(style=style))
    parsed = parse_file(out)
    assert len(parsed) == 1
    _same_text(draft, parsed[0])


def test_sample_outline_round_trips_through_docx(tmp_path: Path) -> None:
    sample = load_outline(SAMPLE)
    out = tmp_path / "s.docx"
    write_rendered(sample, str(out))
    _same_text(sample, parse_file(out)[0])
