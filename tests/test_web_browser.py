"""The page in a real browser: Debian's Chromium (/usr/bin/chromium) driven by Playwright, against
the real server on 127.0.0.1. Nothing is downloaded from a browser vendor. Screenshots of the main
states are kept in .artifacts/screens/ (or $XINDEGEN_ARTIFACTS) for a person to look at."""

from __future__ import annotations

import csv
import io
import os
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT, SEEDS

sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = os.environ.get("XINDEGEN_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(os.environ.get("XINDEGEN_ARTIFACTS", ROOT / ".artifacts")) / "screens"

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"CI needs Chromium at {CHROMIUM} (apt-get install chromium)")
    pytest.skip(f"no Chromium at {CHROMIUM}", allow_module_level=True)


@pytest.fixture(scope="module")
def server() -> Iterator[Any]:
    from xindegen.web.server import running

    with running() as run:
        yield run


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, args=ARGS, headless=True,
            locale="zh-CN", viewport={"width": 1366, "height": 900}, accept_downloads=True,
            bypass_csp=True)  # Playwright's waits evaluate scripts; the page itself runs under the CSP
        context.set_default_timeout(20_000)
        yield context
        context.close()


@pytest.fixture
def page(browser: Any, server: Any) -> Iterator[Any]:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server.url)
    page.wait_for_selector("body[data-ready='1']")
    yield page
    page.close()
    assert not errors, errors  # no script error on the way


def shot(page: Any, name: str, full: bool = False) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def test_make_edit_rewrite_and_download_a_draft(page: Any, tmp_path: Path) -> None:
    import docx

    shot(page, "01-start")
    page.fill("#topic", "安全生产专题培训")
    page.wait_for_function("document.querySelector('#kind-detected').textContent === '培训'")
    page.click("#brief-box summary")
    page.fill("#brief-role", "车间安全员")
    page.fill("#brief-examples", "上个月我在巡检中发现一处管道法兰渗漏，当班就报修处理了")
    page.fill("#length", "1200")
    page.get_by_text("更多选项").click()
    page.fill("#seed", "8")
    page.click("#make")
    page.wait_for_selector("#doc h1.title")
    assert page.locator("#doc section").count() == 3
    assert "车间安全员" in page.inner_text("#doc") and "管道法兰渗漏" in page.inner_text("#doc")
    assert page.locator("#doc mark.q").count() >= 1  # quotations marked with their sources
    page.evaluate("document.querySelector('.side').scrollTop = 0; window.scrollTo(0, 0)")  # the top, for the picture
    shot(page, "02-draft")

    # edit a heading in place
    heading = page.locator("#doc section[data-section='0'] [data-path='sections.0.heading']")
    heading.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("在学深悟透上下功夫，把安全红线刻在心上")
    page.keyboard.press("Enter")  # ends the edit, adds no line
    assert heading.inner_text() == "在学深悟透上下功夫，把安全红线刻在心上"

    # rewrite the second section on its own
    before = page.inner_text("#doc section[data-section='1']")
    others = page.inner_text("#doc section[data-section='2']")
    page.click("#doc section[data-section='1'] .regen")
    page.wait_for_selector("#doc section.fresh")
    after = page.inner_text("#doc section[data-section='1']")
    assert after != before and after.splitlines()[0] == before.splitlines()[0]  # same heading, new text
    assert page.inner_text("#doc section[data-section='2']") == others
    assert heading.inner_text() == "在学深悟透上下功夫，把安全红线刻在心上"  # the edit survived
    page.locator("#doc section[data-section='1']").scroll_into_view_if_needed()
    shot(page, "03-rewritten")

    # download the Word file and read it back
    with page.expect_download() as info:
        page.click("#dl-docx")
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert target.suffix == ".docx"
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "在学深悟透上下功夫，把安全红线刻在心上" in "".join(texts)
    assert page.inner_text("#doc h1.title") in texts
    assert any(after.splitlines()[1][:20] in t for t in texts)  # the rewritten section is in the file


def test_pick_another_heading_set_keeps_the_text(page: Any) -> None:
    page.fill("#topic", "档案工作")
    page.click("#make")
    page.wait_for_selector("#doc h1.title")
    body = [page.inner_text(f"#doc section[data-section='{i}'] p.para >> nth=0") for i in range(3)]
    page.click("#swap-headings")
    page.wait_for_selector("#sets-list .set")
    shot(page, "04-heading-sets")
    chosen = page.locator("#sets-list .set").nth(1)
    wanted = chosen.locator("li").all_inner_texts()
    chosen.click()
    headings = [page.inner_text(f"#doc [data-path='sections.{i}.heading']") for i in range(3)]
    assert headings == wanted
    assert [page.inner_text(f"#doc section[data-section='{i}'] p.para >> nth=0") for i in range(3)] == body


def test_a_small_batch_runs_to_its_zip(page: Any, tmp_path: Path) -> None:
    manifest = tmp_path / "名单.csv"
    with manifest.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([["author", "unit", "role"], ["张三", "安全科", "车间安全员"],
                                  ["李四", "设备科", "设备管理员"], ["王五", "生产科", "班组长"]])
    page.click("#tab-batch")
    page.set_input_files("#manifest-file", str(manifest))
    page.fill("#batch-topic", "安全生产")
    page.click("#batch-start")
    page.wait_for_selector("#batch-table tbody tr", timeout=120_000)
    assert page.locator("#batch-table tbody tr").count() == 3
    assert "3 / 3" in page.inner_text("#batch-count")
    shot(page, "05-batch-done", full=True)
    with page.expect_download() as info:
        page.click("#batch-zip")
    data = zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes()))
    names = data.namelist()
    assert "batch-report.csv" in names and len([n for n in names if n.endswith(".docx")]) == 3
    assert any("李四" in n for n in names)


def test_a_bad_file_shows_its_message(page: Any, tmp_path: Path) -> None:
    manifest = tmp_path / "名单.csv"
    manifest.write_text("author\n张三\n", encoding="utf-8")  # no topic column, and no default topic
    page.click("#tab-batch")
    page.set_input_files("#manifest-file", str(manifest))
    page.click("#batch-start")
    page.wait_for_selector("#batch-msg.error")
    assert "缺少必需的列 topic" in page.inner_text("#batch-msg")
    shot(page, "06-bad-file")
    picture = tmp_path / "范文.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    page.click("#tab-parse")
    page.set_input_files("#parse-file", str(picture))
    page.click("#parse-start")
    page.wait_for_selector("#parse-msg.error")
    assert "图片" in page.inner_text("#parse-msg")


def test_check_and_parse(page: Any, tmp_path: Path) -> None:
    shared = "我们要把安全生产责任落实到每一个岗位每一个环节每一名职工身上，"
    for name, own in (("甲.md", "其余是甲自己的话。"), ("乙.md", "乙写了另外一些想法。")):
        (tmp_path / name).write_text(f"# {name}\n\n{shared * 3}{own}\n", encoding="utf-8")
    page.click("#tab-check")
    page.set_input_files("#check-files", [str(tmp_path / "甲.md"), str(tmp_path / "乙.md")])
    page.click("#check-start")
    page.wait_for_selector("#check-table:not([hidden]) tbody tr")
    assert "乙.md" in page.inner_text("#check-table tbody tr >> nth=0")
    shot(page, "07-check")
    page.click("#tab-parse")
    seed = sorted(SEEDS.glob("*.txt"))[0]
    page.fill("#parse-text", seed.read_text(encoding="utf-8"))
    page.click("#parse-start")
    page.wait_for_selector(".outline-card")
    shot(page, "08-parse")
    page.locator(".outline-card >> nth=0").get_by_text("在编辑器中打开").click()
    page.wait_for_selector("#doc h1.title")
    assert page.locator("#panel-draft").is_visible()


def teardown_module() -> None:
    """The picture the README shows, when the tests made one."""
    best = SHOTS / "02-draft.png"
    if best.exists() and os.environ.get("XINDEGEN_UPDATE_DOCS"):
        shutil.copyfile(best, ROOT / "docs" / "serve.png")
