"""PDF previews through the real LibreOffice: page size, text, fonts, the 22-line grid.

The tests that need LibreOffice skip only when it is missing on a developer machine; in CI (env
var CI set) a missing LibreOffice is a failure. The message for a missing LibreOffice is tested
everywhere, with XINDEGEN_SOFFICE pointing nowhere.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xindegen.cli import main
from xindegen.errors import OutputError
from xindegen.model import Lead, Outline, Section
from xindegen.outline_io import load_outline
from xindegen.render.docx import render_docx
from xindegen.render.preview import convert_to_pdf, find_soffice

from .conftest import SAMPLE

_MISSING = find_soffice() is None or shutil.which("pdftotext") is None
if _MISSING and os.environ.get("CI"):
    raise RuntimeError("CI needs LibreOffice and poppler-utils (see .ci/run)")
needs_libreoffice = pytest.mark.skipif(_MISSING, reason="LibreOffice or poppler-utils not installed")


def tool(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def squeeze_keep_ff(text: str) -> str:
    return re.sub(r"[^\S\f]+", "", text)


def long_outline() -> Outline:
    # Paragraphs of ordinary characters only, so every full line holds exactly 28 of them.
    para = "安全生产责任重于泰山我们必须时刻绷紧这根弦把每一项措施落到实处" * 12
    return Outline(title="排版测试", sections=[Section(heading="行数检查", paragraphs=[para] * 4)])


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every document these tests read, converted in one LibreOffice run (it is slow to start)."""
    tmp = tmp_path_factory.mktemp("pdf")
    outline = load_outline(SAMPLE)
    outline.author, outline.unit, outline.date = "张三", "某某公司安全环保部", "2026-01-03"
    docs = {"gongwen": render_docx(outline, "gongwen"), "plain": render_docx(outline, "plain"),
            "long": render_docx(long_outline(), "gongwen")}
    paths = []
    for name, data in docs.items():
        (tmp / f"{name}.docx").write_bytes(data)
        paths.append(tmp / f"{name}.docx")
    return {p.stem: p for p in convert_to_pdf(paths, tmp)}


@needs_libreoffice
def test_page_size_is_a4(pdfs: dict[str, Path]) -> None:
    for pdf in pdfs.values():
        size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", tool("pdfinfo", str(pdf)))
        assert size is not None
        assert abs(float(size.group(1)) - 595.3) < 1.5 and abs(float(size.group(2)) - 841.9) < 1.5


@needs_libreoffice
@pytest.mark.parametrize("name", ["gongwen", "plain"])
def test_all_text_is_there(pdfs: dict[str, Path], name: str) -> None:
    outline = load_outline(SAMPLE)
    # Paragraphs run across pages: drop the page numbers ("— 1 —") that pdftotext puts between.
    text = re.sub(r"—?\d+—?\f", "", squeeze_keep_ff(tool("pdftotext", str(pdfs[name]), "-")))
    for piece in [outline.title, outline.subtitle or "", *outline.body_paragraphs(),
                  *(f"{n}、{s.heading}" for n, s in zip("一二三", outline.sections, strict=True)),
                  "某某公司安全环保部", "张三", "2026年1月3日"]:
        assert squeeze(piece) in text, piece


@needs_libreoffice
def test_gongwen_page_numbers(pdfs: dict[str, Path]) -> None:
    pages = int(re.search(r"Pages:\s+(\d+)", tool("pdfinfo", str(pdfs["long"]))).group(1))  # type: ignore[union-attr]
    assert pages >= 2
    for page in (1, 2):
        text = tool("pdftotext", "-f", str(page), "-l", str(page), str(pdfs["long"]), "-")
        assert f"—{page}—" in squeeze(text)


def embedded_fonts(pdf: Path) -> set[str]:
    lines = tool("pdffonts", str(pdf)).splitlines()[2:]
    return {line.split()[0].split("+", 1)[-1] for line in lines if line.strip()}


@needs_libreoffice
def test_distinct_faces_for_title_body_headings(pdfs: dict[str, Path]) -> None:
    fonts = embedded_fonts(pdfs["gongwen"])
    assert any("UMing" in f for f in fonts), fonts  # 仿宋_GB2312 body
    assert any("Serif" in f and "Bold" in f for f in fonts), fonts  # 方正小标宋简体 title
    assert any("Sans" in f for f in fonts), fonts  # 黑体 headings
    assert any("UKai" in f for f in fonts), fonts  # 楷体_GB2312 subtitle
    assert any("Serif" in f and "Regular" in f for f in fonts), fonts  # 宋体 page numbers


@needs_libreoffice
def test_full_page_holds_22_lines_of_28(pdfs: dict[str, Path]) -> None:
    bbox = tool("pdftotext", "-f", "2", "-l", "2", "-bbox", str(pdfs["long"]), "-")
    footer_top = 841.89 - 35 * 72 / 25.4  # bottom margin: the footer sits below it
    rows = {round(float(y)) for y in re.findall(r'yMin="([\d.]+)"', bbox) if float(y) < footer_top}
    assert len(rows) == 22
    lines = [squeeze(line) for line in tool("pdftotext", "-f", "2", "-l", "2", str(pdfs["long"]), "-").splitlines()]
    lengths = Counter(len(line) for line in lines if line)
    assert lengths.most_common(1)[0][0] == 28, lengths


@needs_libreoffice
def test_preview_cli(tmp_path: Path) -> None:
    doc = tmp_path / "稿.docx"
    runner = CliRunner()
    assert runner.invoke(main, ["render", str(SAMPLE), "-o", str(doc)]).exit_code == 0
    r = runner.invoke(main, ["preview", str(doc)])
    assert r.exit_code == 0, r.output
    pdf = tmp_path / "稿.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    r = runner.invoke(main, ["preview", str(doc)])
    assert r.exit_code == 1 and "--overwrite" in r.output


WORDS = st.text(st.characters(blacklist_categories=("Cs",)) | st.sampled_from("<&\"'\x00\x01\x0b\x1f\ufffe😀"),
                max_size=60)


@needs_libreoffice
@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(batch=st.lists(st.tuples(WORDS, st.lists(WORDS, min_size=1, max_size=3)), min_size=3, max_size=3))
def test_property_random_text_opens_in_libreoffice(tmp_path: Path, batch: list[tuple[str, list[str]]]) -> None:
    paths = []
    for i, (text, paragraphs) in enumerate(batch):
        outline = Outline(title=f"甲{i}{text}", lead=Lead(paragraphs=[f"乙{i}乙", *paragraphs]),
                          sections=[Section(heading=text or None, paragraphs=paragraphs)])
        path = tmp_path / f"r{i}.docx"
        path.write_bytes(render_docx(outline, "gongwen" if i % 2 else "plain"))
        paths.append(path)
    for i, pdf in enumerate(convert_to_pdf(paths, tmp_path)):
        text = squeeze(tool("pdftotext", str(pdf), "-"))
        assert f"乙{i}乙" in text and f"甲{i}" in text  # the document opened and was laid out


def test_missing_libreoffice_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No skip: runs with or without LibreOffice, which XINDEGEN_SOFFICE hides here."""
    monkeypatch.setenv("XINDEGEN_SOFFICE", str(tmp_path / "no-soffice"))
    assert find_soffice() is None
    doc = tmp_path / "a.docx"
    doc.write_bytes(render_docx(load_outline(SAMPLE)))
    r = CliRunner().invoke(main, ["preview", str(doc)])
    assert r.exit_code == 1
    assert r.stderr == ("错误：未找到 LibreOffice（soffice），无法生成 PDF 预览。请先安装 LibreOffice："
                        "Debian/Ubuntu 用 sudo apt install libreoffice-writer，"
                        "Windows/macOS 从 https://zh-cn.libreoffice.org 下载\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]  # no PDF, no leftovers
    with pytest.raises(OutputError, match="未找到 LibreOffice"):
        convert_to_pdf([doc], tmp_path)
