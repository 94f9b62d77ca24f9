"""`xindegen serve` over HTTP: every endpoint answers as the README documents, with the library's
own results; bad input, foreign Host and Origin headers and missing tokens are refused in JSON."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

import docx  # noqa: E402
import httpx  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from xindegen.compose.plan import compose  # noqa: E402
from xindegen.compose.request import request_from_options  # noqa: E402
from xindegen.outline_io import dumps_outline, load_outline, loads_outline, outline_to_data  # noqa: E402
from xindegen.render.output import render_bytes  # noqa: E402
from xindegen.web import api as web_api  # noqa: E402
from xindegen.web import store as web_store  # noqa: E402
from xindegen.web.api import create_app  # noqa: E402
from xindegen.web.guard import Settings  # noqa: E402
from xindegen.web.server import running  # noqa: E402
from xindegen.web.store import Store  # noqa: E402

from .conftest import ROOT, SAMPLE, SEEDS  # noqa: E402

PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"


def _client(root: Path, **settings: Any) -> TestClient:
    return TestClient(create_app(Settings(port=PORT, **settings), Store(root)), base_url=BASE)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with _client(tmp_path / "run") as c:
        yield c


def _upload(c: TestClient, name: str, data: bytes) -> str:
    res = c.post(f"/api/uploads?name={name}", content=data)
    assert res.status_code == 201, res.text
    return str(res.json()["id"])


def _error(res: httpx.Response, status: int = 400) -> str:
    assert res.status_code == status, res.text
    assert res.headers["content-type"].startswith("application/json")
    message = res.json()["error"]
    assert isinstance(message, str) and re.search(r"[\u4e00-\u9fff]", message), message
    assert "Traceback" not in res.text
    return message


def _wait(c: TestClient, batch: str, timeout: float = 120) -> dict[str, Any]:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        status = c.get(f"/api/batch/{batch}").json()
        if status["state"] != "running":
            return status  # type: ignore[no-any-return]
        time.sleep(0.1)
    raise AssertionError("batch did not finish")


# ---- the page ----------------------------------------------------------------------------------

def test_the_page_and_its_assets_are_local(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "心得体会写作助手" in page.text
    refs = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert refs and all(r.startswith(("/static/", "#")) for r in refs), refs  # no CDN, nothing remote
    for ref in refs:
        if ref.startswith("/static/"):
            asset = client.get(ref)
            assert asset.status_code == 200 and asset.content, ref
            text = asset.text.replace("http://www.w3.org/2000/svg", "")  # a namespace, not a request
            assert "http://" not in text and "https://" not in text, ref
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"


def test_info_lists_what_the_form_offers(client: TestClient) -> None:
    info = client.get("/api/info").json()
    assert {"gongwen", "plain"} <= {s["name"] for s in info["styles"]}
    assert {"buzou", "gongfu"} <= {f["name"] for f in info["families"]}
    assert {k["key"] for k in info["kinds"]} >= {"film", "training", "field"}
    assert info["formats"] == ["md", "txt", "yaml", "docx"]


def test_topic_shows_the_kind_and_the_briefs_questions(client: TestClient) -> None:
    res = client.get("/api/topic", params={"topic": "观看电影《长津湖》"}).json()
    assert res["kind"] == "film" and res["kind_label"] == "观影（观后感）"
    assert any("最打动你的一个情节" in q["ask"] for q in res["questions"])
    changed = client.get("/api/topic", params={"topic": "观看电影《长津湖》", "kind": "study"}).json()
    assert changed["kind"] == "study"
    _error(client.get("/api/topic", params={"topic": " "}))
    _error(client.get("/api/topic", params={"topic": "x", "kind": "nope"}))


# ---- drafts --------------------------------------------------------------------------------------

def test_new_is_the_librarys_draft_with_the_brief_in_it(client: TestClient) -> None:
    options = {"topic": "安全生产专题培训", "seed": 11, "length": 1200, "role": "车间安全员",
               "examples": ["上个月我在巡检中发现一处管道法兰渗漏，当班就报修处理了"], "author": "张三"}
    res = client.post("/api/new", json=options)
    assert res.status_code == 200, res.text
    data = res.json()
    expected = compose(request_from_options({**options, "examples": options["examples"][0]}))
    assert data["outline"] == json.loads(json.dumps(outline_to_data(expected)))  # the same function, unchanged
    text = json.dumps(data["outline"], ensure_ascii=False)
    assert "车间安全员" in text and "管道法兰渗漏" in text
    assert data["meta"]["seed"] == 11 and data["outline"]["author"] == "张三"
    assert data["plan"][0].startswith("类型：培训") and data["chars"] == expected.body_chars()
    assert data["advice"] == []
    plain = client.post("/api/new", json={"topic": "观看电影《独行月球》", "seed": 1}).json()
    assert plain["advice"] and "简报" in plain["advice"][0]


def test_new_with_uploaded_material_and_brief(client: TestClient) -> None:
    material = ("关于抓好安全生产工作的讲话\n一、要把安全责任扛在肩上，层层压实各级责任。\n"
                "二、要把隐患排查抓在平时，做到早发现早处置。\n三、要把应急演练落到实处，提升实战处置能力。\n")
    mid = _upload(client, "讲话.txt", material.encode("utf-8"))
    brief = _upload(client, "简报.yaml", "occasion: 2026年园区安全生产专题培训\norganizer: 园区安委会办公室\n".encode())
    data = client.post("/api/new", json={"topic": "学习安全生产讲话精神", "material": mid, "brief": brief,
                                         "seed": 3}).json()
    text = json.dumps(data["outline"], ensure_ascii=False)
    assert "要把安全责任扛在肩上" in text and "园区安委会办公室" in text
    assert data["meta"]["material"] == "讲话.txt"


@pytest.mark.parametrize("body,status,needle", [
    (b"{not json", 400, "JSON"),
    (b"[1, 2]", 400, "对象"),
    (json.dumps({"topic": "安全生产", "colour": "red"}).encode(), 400, "未知的选项"),
    (json.dumps({"topic": "安全生产", "length": 10}).encode(), 400, "500–5000"),
    (json.dumps({"topic": "安全生产", "length": "很长"}).encode(), 400, "整数"),
    (json.dumps({"topic": "安全生产", "kind": "party"}).encode(), 400, "kind"),
    (json.dumps({"topic": "安全生产", "family": "没有这个"}).encode(), 400, "小标题族"),
    (json.dumps({"topic": "  "}).encode(), 400, "主题"),
    (json.dumps({"topic": "安全生产", "material": "/etc/passwd"}).encode(), 400, "编号"),
    (json.dumps({"topic": "安全生产", "material": "0123456789abcdef"}).encode(), 400, "找不到"),
    (json.dumps({"topic": "安全生产", "fact": ["role"]}).encode(), 400, "项=内容"),
    (json.dumps({"topic": "安全生产", "angles": ["pack:x#没有", "a#b", "c#d"]}).encode(), 400, "角度"),
])
def test_new_refuses_bad_input_in_chinese(client: TestClient, body: bytes, status: int, needle: str) -> None:
    res = client.post("/api/new", content=body, headers={"content-type": "application/json"})
    assert needle in _error(res, status)


def test_new_wants_json(client: TestClient) -> None:
    assert "JSON" in _error(client.post("/api/new", content=b"topic=x",
                                        headers={"content-type": "application/x-www-form-urlencoded"}), 415)


def test_unknown_paths_and_methods_answer_in_json(client: TestClient) -> None:
    _error(client.get("/api/nothing"), 404)
    _error(client.put("/api/new"), 405)


def test_render_gives_every_format_of_the_outline(client: TestClient, tmp_path: Path) -> None:
    outline = load_outline(SAMPLE)
    data = outline_to_data(outline)
    for fmt in ("md", "txt", "yaml"):
        res = client.post(f"/api/render?format={fmt}", json=data)
        assert res.status_code == 200 and res.content == render_bytes(outline, fmt)
        assert "attachment" in res.headers["content-disposition"]
    assert loads_outline(client.post("/api/render?format=yaml", json={"outline": data}).text) == outline
    res = client.post("/api/render?format=docx&style=plain&bold_headings=1", json=data)
    assert res.headers["content-type"].startswith("application/vnd.openxmlformats")
    texts = [p.text for p in docx.Document(io.BytesIO(res.content)).paragraphs]
    assert outline.title in texts and all(s.heading in "".join(texts) for s in outline.sections if s.heading)
    # an uploaded Word template
    from xindegen.render.templates import export_template

    mine = export_template("gongwen", tmp_path / "我的模板.docx")
    tid = _upload(client, "我的模板.docx", mine.read_bytes())
    res = client.post(f"/api/render?format=docx&template={tid}", json=data)
    assert res.status_code == 200
    assert outline.title in [p.text for p in docx.Document(io.BytesIO(res.content)).paragraphs]
    bad_template = _upload(client, "坏模板.docx", b"PK\x03\x04 not really a zip")
    assert "模板" in _error(client.post(f"/api/render?format=docx&template={bad_template}", json=data))
    assert "format" in _error(client.post("/api/render?format=pdf", json=data))
    assert "Word 样式" in _error(client.post("/api/render?format=docx&style=../../etc", json=data))
    broken = {**data, "title": None, "sections": [{"paragraphs": "不是列表"}]}
    res = client.post("/api/render?format=md", json=broken)
    assert "title" in _error(res) and len(res.json()["problems"]) == 2


def test_headings_for_a_topic_and_for_a_drafts_sections(client: TestClient) -> None:
    sets = client.post("/api/headings", json={"topic": "安全生产", "count": 5, "seed": 2}).json()["sets"]
    assert len(sets) == 5 and all(len(s["headings"]) == 3 and s["label"] for s in sets)
    draft = client.post("/api/new", json={"topic": "安全生产", "seed": 2}).json()
    angles = draft["meta"]["angles"]
    mine = client.post("/api/headings", json={"topic": "安全生产", "angles": angles, "count": 4}).json()["sets"]
    assert mine and all(s["angles"] == angles for s in mine)
    chosen = sets[2]
    again = client.post("/api/new", json={"topic": "安全生产", "family": chosen["family"], "angles": chosen["angles"],
                                          "headings": chosen["headings"], "seed": 5}).json()
    assert [s["heading"] for s in again["outline"]["sections"]] == chosen["headings"]
    _error(client.post("/api/headings", json={"topic": "安全生产", "count": 500}))


def test_section_rewrites_one_part_and_keeps_the_edits(client: TestClient) -> None:
    options = {"topic": "档案工作", "seed": 4}
    outline = client.post("/api/new", json=options).json()["outline"]
    outline["sections"][0]["heading"] = "我改过的第一个小标题"
    outline["closing"]["paragraphs"][0] = "我改过的结尾。"
    res = client.post("/api/section", json={"outline": outline, "index": 1, "options": options, "seed": 1})
    assert res.status_code == 200, res.text
    again = res.json()["outline"]
    assert again["sections"][0] == outline["sections"][0] and again["closing"] == outline["closing"]
    assert again["sections"][1]["heading"] == outline["sections"][1]["heading"]
    assert again["sections"][1]["paragraphs"] != outline["sections"][1]["paragraphs"]
    assert res.json()["section"] == again["sections"][1]
    parsed = outline_to_data(load_outline(SAMPLE))
    assert "不能单独重写" in _error(client.post("/api/section", json={"outline": parsed, "index": 0}))
    assert "index" in _error(client.post("/api/section", json={"outline": outline, "index": 9}))


def test_an_outline_file_continues_where_one_left_off(client: TestClient) -> None:
    outline = load_outline(SAMPLE)
    uid = _upload(client, "提纲.yaml", dumps_outline(outline).encode("gbk", errors="ignore"))  # saved as ANSI
    got = client.post("/api/outline", json={"upload": uid}).json()["outline"]
    assert got["title"] == outline.title and len(got["sections"]) == len(outline.sections)
    pasted = client.post("/api/outline", json={"yaml": dumps_outline(outline)}).json()["outline"]
    assert pasted["title"] == outline.title
    bad = _upload(client, "坏提纲.yaml", "title: 标题\nsections:\n  - heading: [\n".encode())
    assert re.search(r"坏提纲\.yaml:\d+", _error(client.post("/api/outline", json={"upload": bad})))
    assert "yaml" in _error(client.post("/api/outline", json={"upload": _upload(client, "x.txt", b"abc")}))


def test_parse_pasted_text_and_uploaded_files(client: TestClient) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    pasted = client.post("/api/parse", json={"text": seed.read_text(encoding="utf-8")}).json()
    assert len(pasted["outlines"]) >= 2
    assert pasted["yaml"].count("schema: xindegen.outline/1") == len(pasted["outlines"])
    uploaded = client.post("/api/parse", json={"upload": _upload(client, seed.name, seed.read_bytes())}).json()
    assert [o["title"] for o in uploaded["outlines"]] == [o["title"] for o in pasted["outlines"]]
    assert uploaded["outlines"][0]["meta"]["source"] == seed.name  # the name given, not a server path
    png = _upload(client, "范文.txt", b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert "图片" in _error(client.post("/api/parse", json={"upload": png}))
    assert "text" in _error(client.post("/api/parse", json={}))


def test_check_names_the_uploaded_files(client: TestClient) -> None:
    shared = "我们要把安全生产责任落实到每一个岗位每一个环节每一名职工身上，"
    a = _upload(client, "甲.md", ("# 甲\n\n" + shared * 3 + "其余是甲自己的话，完全不同的一段内容。").encode())
    b = _upload(client, "乙.md", ("# 乙\n\n" + shared * 3 + "乙写了另外一些想法，和甲没有关系。").encode())
    c = _upload(client, "丙.txt", "丙的文章讲的是读书的体会，和前两篇的内容没有什么相同的地方。".encode())
    results = client.post("/api/check", json={"files": [a, b, c]}).json()["results"]
    by_name = {r["name"]: r for r in results}
    assert set(by_name) == {"甲.md", "乙.md", "丙.txt"}
    assert by_name["甲.md"]["partner"] == "乙.md" and by_name["甲.md"]["partner_share"] > 0.3
    assert by_name["甲.md"]["passages"] and by_name["丙.txt"]["share"] == 0
    against = client.post("/api/check", json={"files": [a], "against": [b]}).json()["results"]
    assert [r["partner"] for r in against] == ["乙.md"]
    assert "两个" in _error(client.post("/api/check", json={"files": [a]}))
    assert "文稿" in _error(client.post("/api/check", json={"files": [a, _upload(client, "x.pdf", b"%PDF-1")]}))


# ---- batches -------------------------------------------------------------------------------------

def _manifest(rows: int) -> bytes:
    lines = ["author,unit,role"] + [f"员工{i},安全科,车间安全员" for i in range(1, rows + 1)]
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


def test_batch_runs_to_a_zip_with_its_report(client: TestClient) -> None:
    mid = _upload(client, "名单.csv", _manifest(8))
    res = client.post("/api/batch", json={"manifest": mid, "options": {"topic": "安全生产", "format": "md",
                                                                      "length": 800, "seed": 3}})
    assert res.status_code == 202 and res.json()["state"] == "running" and res.json()["planned"] == 8
    assert "已有一个批量任务" in _error(client.post("/api/batch", json={"manifest": mid}), 409)
    status = _wait(client, res.json()["id"])
    assert status["state"] == "done" and status["done"] == 8 and not status["problems"]
    assert len(status["report"]) == 8 and all(r["share"].endswith("%") for r in status["report"])
    shares = [float(r["share"].rstrip("%")) / 100 for r in status["report"]]
    assert abs(status["summary"]["max_share"] - max(shares)) < 0.001  # the table is the report's
    assert status["summary"]["over_limit"] == sum(x > 0.15 for x in shares)
    archive = zipfile.ZipFile(io.BytesIO(client.get(status["zip"]).content))
    names = archive.namelist()
    assert "batch-report.csv" in names and len([n for n in names if n.endswith(".md")]) == 8
    assert not any(n.startswith(".") or n == "batch.log" for n in names)
    assert "车间安全员" in archive.read(next(n for n in names if "员工3" in n)).decode("utf-8")  # its row's role


def test_batch_rows_with_a_problem_are_reported_and_files_stay_inside(client: TestClient) -> None:
    material = "学习材料\n" + "要把安全生产责任落实到每一个岗位，层层压实。" * 5
    mid = _upload(client, "名单.csv", "author,length,material\n张三,九百,\n李四,900,讲话.txt\n".encode())
    files = [_upload(client, "讲话.txt", material.encode())]
    status = _wait(client, client.post("/api/batch", json={"manifest": mid, "files": files,
                                                           "options": {"topic": "安全生产"}}).json()["id"])
    assert status["state"] == "done" and status["summary"]["written"] == 1
    assert status["problems"] == ["名单.csv:2: length: 应为 500–5000 之间的整数，而不是“九百”"]
    for cell in ("/etc/passwd", "../" * 40 + "etc/passwd"):  # both exist: read them, were they not refused
        mid = _upload(client, "坏名单.csv", f"author,material\n张三,{cell}\n".encode())
        assert "只能使用与名单一起上传的文件" in _error(client.post("/api/batch", json={"manifest": mid,
                                                                                "options": {"topic": "x"}}))
    mid = _upload(client, "无主题.csv", "author\n张三\n".encode())
    assert "topic" in _error(client.post("/api/batch", json={"manifest": mid}))
    assert "名单" in _error(client.post("/api/batch", json={"manifest": _upload(client, "名单.pdf", b"%PDF")}))


def test_batch_size_is_bounded_and_a_batch_can_be_stopped(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web_api, "MAX_ROWS", 3)
    mid = _upload(client, "名单.csv", _manifest(4))
    assert "最多生成 3 篇" in _error(client.post("/api/batch", json={"manifest": mid, "options": {"topic": "x"}}))
    monkeypatch.setattr(web_api, "MAX_ROWS", 300)
    mid = _upload(client, "名单.csv", _manifest(60))
    options = {"topic": "安全生产", "format": "txt"}
    bid = client.post("/api/batch", json={"manifest": mid, "options": options}).json()["id"]
    assert client.delete(f"/api/batch/{bid}").json()["state"] == "cancelling"
    status = _wait(client, bid)
    assert status["state"] == "cancelled" and status["done"] < 60 and status["zip"] is None
    assert client.delete(f"/api/batch/{bid}").json()["state"] == "deleted"
    _error(client.get(f"/api/batch/{bid}"), 404)


# ---- limits and the guard ------------------------------------------------------------------------

def test_upload_and_json_limits(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web_api, "MAX_UPLOAD", 1000)
    assert "上限" in _error(client.post("/api/uploads?name=a.txt", content=b"x" * 1001), 413)
    assert "空" in _error(client.post("/api/uploads?name=a.txt", content=b""))
    assert "文件名" in _error(client.post("/api/uploads", content=b"abc"))
    monkeypatch.setattr(web_api, "MAX_JSON", 100)
    assert "上限" in _error(client.post("/api/new", json={"topic": "安全" * 100}), 413)


def test_uploads_are_kept_within_bounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web_store, "MAX_UPLOADS", 3)
    store = Store(tmp_path / "run")
    first = store.add_upload("../../a.txt", b"1")
    assert first.path.parent.parent == tmp_path / "run" / "uploads" and first.name == "a.txt"
    for i in range(3):
        store.add_upload(f"{i}.txt", b"2")
    assert len(list((tmp_path / "run" / "uploads").iterdir())) == 3  # the oldest made way
    with pytest.raises(web_store.ApiError):
        store.upload(first.id)


@pytest.mark.parametrize("host,ok", [
    (f"127.0.0.1:{PORT}", True), (f"localhost:{PORT}", True), (f"[::1]:{PORT}", True),
    (f"evil.example:{PORT}", False), (f"127.0.0.1:{PORT + 1}", False), ("127.0.0.1", False),
    (f"10.1.2.3:{PORT}", False), ("", False),
])
def test_foreign_host_headers_are_refused(client: TestClient, host: str, ok: bool) -> None:
    res = client.get("/api/info", headers={"host": host})
    if ok:
        assert res.status_code == 200
    else:
        assert "DNS" in _error(res, 403)


def test_state_changing_requests_from_another_site_are_refused(client: TestClient) -> None:
    body = {"topic": "安全生产", "seed": 1}
    assert "跨站" in _error(client.post("/api/new", json=body, headers={"origin": "http://evil.example"}), 403)
    assert "跨站" in _error(client.post("/api/new", json=body, headers={"origin": "null"}), 403)
    assert "跨站" in _error(client.post("/api/uploads?name=a.txt", content=b"x",
                                        headers={"origin": f"http://localhost:{PORT}"}), 403)  # another origin
    assert client.post("/api/new", json=body, headers={"origin": BASE}).status_code == 200
    assert client.post("/api/new", json=body).status_code == 200  # scripts send no Origin
    # reading is guarded by the browser's same-origin policy (no CORS headers are sent)
    assert client.get("/api/info", headers={"origin": "http://evil.example"}).status_code == 200


def test_a_server_open_to_the_network_wants_its_token(tmp_path: Path) -> None:
    with _client(tmp_path / "run", host="0.0.0.0", token="s3cret") as c:
        assert "令牌" in _error(c.get("/api/info"), 401)
        assert "令牌" in _error(c.get("/"), 401)
        assert c.get("/api/info", headers={"authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/api/info", headers={"authorization": "Bearer s3cret"}).status_code == 200
        assert c.get("/api/info", headers={"x-xindegen-token": "s3cret"}).status_code == 200
        first = c.get("/?token=s3cret", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"] == "/"
        assert "HttpOnly" in first.headers["set-cookie"] and "SameSite=Strict" in first.headers["set-cookie"]
        c.cookies.set("xindegen_token", "s3cret")
        assert c.get("/").status_code == 200 and c.get("/api/info").status_code == 200
        # on the network, a literal address or the machine's name is its own; a rebound name is not
        assert c.get("/api/info", headers={"host": f"10.1.2.3:{PORT}"}).status_code == 200
        assert c.get("/api/info", headers={"host": f"evil.example:{PORT}"}).status_code == 403


# ---- the real server ---------------------------------------------------------------------------

def test_the_real_server_answers_and_leaves_nothing_behind() -> None:
    with running() as run:
        assert run.url.startswith("http://127.0.0.1:") and "token" not in run.url
        with httpx.Client(base_url=run.url, timeout=30) as c:
            assert c.get("/api/info").status_code == 200
            assert c.post("/api/uploads?name=a.txt", content="安全生产".encode()).status_code == 201
            assert c.get("/api/info", headers={"host": "evil.example"}).status_code == 403
        root = run.root
        assert any((root / "uploads").iterdir())
    assert not root.exists()


def _serve(args: list[str], tmp: Path) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "TMPDIR": str(tmp)}
    proc = subprocess.Popen([sys.executable, "-m", "xindegen", "serve", "--no-browser", *args],
                            stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stderr is not None
    lines = []
    end = time.monotonic() + 60
    while time.monotonic() < end:
        line = proc.stderr.readline()
        lines.append(line)
        if "已启动：" in line:
            return proc, "".join(lines)
        if not line and proc.poll() is not None:
            break
    proc.kill()
    raise AssertionError("".join(lines))


def test_serve_command_starts_stops_and_cleans_up(tmp_path: Path) -> None:
    proc, out = _serve([], tmp_path)
    try:
        url = re.search(r"已启动：(\S+)", out).group(1)  # type: ignore[union-attr]
        assert "警告" not in out
        assert httpx.get(url + "api/info", timeout=30).status_code == 200
        assert [p.name for p in tmp_path.iterdir()][0].startswith("xindegen-serve-")
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
    assert proc.returncode == 0
    assert list(tmp_path.iterdir()) == []  # the run's directory is gone


def test_serve_on_the_network_warns_and_wants_the_token(tmp_path: Path) -> None:
    proc, out = _serve(["--host", "0.0.0.0"], tmp_path)
    try:
        assert "警告" in out and "令牌" in out
        url = re.search(r"已启动：(\S+)", out).group(1)  # type: ignore[union-attr]
        token = url.split("token=")[1]
        base = url.split("?")[0]
        assert httpx.get(base + "api/info", timeout=30).status_code == 401
        assert httpx.get(base + "api/info", headers={"authorization": f"Bearer {token}"}, timeout=30).status_code == 200
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)


def test_commands_other_than_serve_do_not_load_the_web_stack() -> None:
    code = ("import sys; from click.testing import CliRunner; from xindegen.cli import main; "
            "r = CliRunner().invoke(main, ['new', '-t', '安全生产', '--seed', '1']); assert r.exit_code == 0; "
            "print(sorted(m for m in ('starlette', 'uvicorn', 'anyio', 'xindegen.web') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"


def test_the_page_offers_the_language_model_only_when_one_is_configured(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from .llm_server import KEY, MARK, MODEL, FakeLLM, follows_script

    for name in ("BASE_URL", "MODEL", "API_KEY", "PRESET"):
        monkeypatch.delenv(f"XINDEGEN_LLM_{name}", raising=False)
    with _client(tmp_path / "run") as c:
        assert [w["name"] for w in c.get("/api/info").json()["writers"]] == ["offline"]
        res = c.post("/api/new", json={"topic": "安全生产", "seed": 8, "writer": "llm"})
        assert res.status_code == 400 and "没有配置大模型服务" in res.json()["error"]
        with FakeLLM(follows_script) as fake:
            for name, value in {"BASE_URL": fake.url, "MODEL": MODEL, "API_KEY": KEY, "BACKOFF": "0.01",
                                "TIMEOUT": "5", "RETRIES": "1"}.items():
                monkeypatch.setenv(f"XINDEGEN_LLM_{name}", value)
            writers = c.get("/api/info").json()["writers"]
            assert writers[1] == {"name": "llm", "label": f"大模型（{MODEL}）"}
            res = c.post("/api/new", json={"topic": "安全生产", "seed": 8, "writer": "llm"})
            assert res.status_code == 200, res.text
            body = "".join(p for s in res.json()["outline"]["sections"] for p in s["paragraphs"])
            assert MARK in body and res.json()["meta"]["writer"]["name"] == "llm"
            assert KEY not in res.text
        res = c.post("/api/new", json={"topic": "安全生产", "seed": 8, "writer": "llm"})  # the server is gone
        assert res.status_code == 502 and "大模型" in res.json()["error"], res.text
        res = c.post("/api/new", json={"topic": "安全生产", "writer": "gpt"})
        assert res.status_code == 400 and res.json() == {"error": "writer 应为 offline 或 llm"}
