"""``--writer llm`` against a scripted OpenAI-compatible server on 127.0.0.1: the model's prose is
used where it keeps to the plan, invented quotations and documents never enter a draft, the key
never leaves the request header, and a failing endpoint means exit 1 and no file."""

from __future__ import annotations

import re
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import xindegen
from xindegen.cli import main
from xindegen.outline_io import loads_outline

from .llm_server import KEY, MARK, MODEL, Answer, Call, FakeLLM, Script, follows, follows_script

INVENTED_QUOTE = "学而不思则罔，思而不学则殆"
INVENTED_DOC = "关于进一步加强安全生产工作的决定"
INVENTION = f"古人说：“{INVENTED_QUOTE}。”《{INVENTED_DOC}》对此也提出了明确要求。"

Start = Callable[..., FakeLLM]


@pytest.fixture
def serve(monkeypatch: pytest.MonkeyPatch) -> Iterator[Start]:
    """Start a scripted server and point xindegen at it (short timeouts and backoff)."""
    servers: list[FakeLLM] = []

    def start(script: Script, key: str | None = KEY) -> FakeLLM:
        fake = FakeLLM(script, key).__enter__()
        servers.append(fake)
        for name, value in {"BASE_URL": fake.url, "MODEL": MODEL, "API_KEY": KEY, "BACKOFF": "0.01",
                            "TIMEOUT": "5", "RETRIES": "2"}.items():
            monkeypatch.setenv(f"XINDEGEN_LLM_{name}", value)
        return fake

    yield start
    for fake in servers:
        fake.__exit__()


def new(tmp_path: Path, *args: str, name: str = "x.docx", topic: str = "安全生产") -> tuple[int, str, str, Path]:
    out = tmp_path / name
    res = CliRunner().invoke(main, ["new", "--topic", topic, "--writer", "llm", "--seed", "8", "-o", str(out), *args])
    return res.exit_code, res.stdout, res.stderr, out


def docx_text(path: Path) -> str:
    """Every XML part of a .docx, as text: what a key or an invention would have to hide in."""
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


def outline_of(tmp_path: Path, *args: str) -> xindegen.Outline:
    code, _, err, out = new(tmp_path, *args, name="x.yaml")
    assert code == 0, err
    return loads_outline(out.read_text(encoding="utf-8"))


def retry(call: Call) -> bool:
    return "上一次的回答有以下问题" in call.prompt


# ---- the model's prose, kept to the plan ---------------------------------------------------------

def test_new_uses_the_models_prose_under_the_plans_title_and_headings(tmp_path: Path, serve: Start) -> None:
    fake = serve(follows_script)
    code, _, err, out = new(tmp_path)
    assert code == 0, err
    assert "大模型 fake-qwen-7b 写了 5/5 个部分" in err
    offline = xindegen.compose(xindegen.ComposeRequest(topic="安全生产", seed=8))
    from docx import Document

    doc = [p.text for p in Document(str(out)).paragraphs if p.text]
    assert doc[0] == offline.title and all(f"、{s.heading}" in "".join(doc) for s in offline.sections)
    assert sum(MARK in p for p in doc) == 5  # each part is the model's
    # what the model was told: the rules, the heading, the quotation with its source, the length
    prompt = fake.calls[1].body["messages"]
    assert "不得添加任何其他引文" in prompt[0]["content"]
    s1 = next(c.prompt for c in fake.calls if f"小标题“{offline.sections[0].heading}”" in c.prompt)
    q = offline.sections[0].quotes[0]
    assert f"“{q.text}”——{q.source}" in s1 and re.search(r"篇幅：约 \d+ 字", s1)
    assert all(c.headers["Authorization"] == f"Bearer {KEY}" and KEY not in str(c.body) for c in fake.calls)
    assert all(c.body["stream"] is False and "response_format" not in c.body and "tools" not in c.body
               for c in fake.calls)


def test_the_library_entry_point_records_who_wrote_what(serve: Start) -> None:
    fake = serve(follows_script)
    config = xindegen.load_llm_config()
    draft = xindegen.write_draft(xindegen.ComposeRequest(topic="师德师风", seed=3, length=1200), writer="llm",
                                 llm=config)
    w = draft.meta["writer"]
    assert w["name"] == "llm" and w["model"] == MODEL and w["offline"] == [] and w["requests"] == len(fake.calls)
    assert len(w["by_model"]) == len(draft.sections) + 2 and abs(draft.body_chars() - 1200) <= 120
    assert KEY not in xindegen.dumps_outline(draft)


def invented(call: Call) -> Answer:
    parts = follows(call).split("\n\n")
    parts.insert(min(1, len(parts)), INVENTION)
    return Answer("\n\n".join(parts))


def test_invented_quotations_and_documents_never_enter_the_draft(tmp_path: Path, serve: Start) -> None:
    fake = serve(invented)
    code, _, err, out = new(tmp_path)
    assert code == 0, err
    text = docx_text(out)
    assert INVENTED_QUOTE not in text and INVENTED_DOC not in text and MARK not in text
    assert err.count("用的是离线写作器的文字") == 5 and "不是计划给出的引文" in err
    assert "大模型 fake-qwen-7b 写了 0/5 个部分" in err
    assert len(fake.calls) == 15  # each part asked three times, the faults named each time after the first
    assert sum(retry(c) for c in fake.calls) == 10
    why = outline_of(tmp_path, "--overwrite").meta["writer"]["offline"]
    assert [x["part"] for x in why] == ["导语", "第一部分", "第二部分", "第三部分", "结尾"]
    assert any("计划中没有的文件或书名：《" + INVENTED_DOC in f for f in why[1]["why"])


def test_a_fault_named_in_the_next_request_is_corrected(tmp_path: Path, serve: Start) -> None:
    fake = serve(lambda call: Answer(follows(call)) if retry(call) else invented(call))
    o = outline_of(tmp_path)
    assert o.meta["writer"]["offline"] == [] and len(fake.calls) == 10
    second = [c.prompt for c in fake.calls if retry(c)]
    assert all(f"引号中的“{INVENTED_QUOTE}" in p and INVENTED_DOC in p for p in second)
    assert INVENTED_QUOTE not in xindegen.dumps_outline(o) and sum(MARK in p for p in o.body_paragraphs()) == 5


def test_thinking_is_stripped_and_reasoning_fields_ignored(tmp_path: Path, serve: Start) -> None:
    def thinks(call: Call) -> Answer:
        return Answer(f"<think>也许可以引用“{INVENTED_QUOTE}”，再提《{INVENTED_DOC}》。</think>\n\n" + follows(call),
                      extra={"reasoning_content": INVENTION})

    serve(thinks)
    o = outline_of(tmp_path)
    assert o.meta["writer"]["offline"] == [] and sum(MARK in p for p in o.body_paragraphs()) == 5
    assert INVENTED_QUOTE not in xindegen.dumps_outline(o) and "think" not in xindegen.dumps_outline(o)


@pytest.mark.parametrize("spoil,fault", [
    (lambda t: t.replace("\n\n", "\n\n" + t.split("\n\n")[0] + "\n\n", 1), "重复"),  # a paragraph twice
    (lambda t: t + "\n\n" + t.replace(MARK, "我想，"), "重复"),  # everything twice, reworded a little
    (lambda t: "\n\n".join(t.split("\n\n")[:1])[:60] + "。", "篇幅不对"),  # far too short
    (lambda t: (t + "\n\n") * 3, "重复"),
    (lambda t: "```markdown\n## 我的小标题\n\n" + t + "\n```", "写了小标题"),
    (lambda t: "@@@ ### ??? " * 30, "没有写出中文正文"),  # garbage
])
def test_bad_answers_are_asked_again_then_corrected(tmp_path: Path, serve: Start,
                                                    spoil: Callable[[str], str], fault: str) -> None:
    fake = serve(lambda call: Answer(follows(call) if retry(call) else spoil(follows(call))))
    o = outline_of(tmp_path)
    assert o.meta["writer"]["offline"] == [], o.meta["writer"]
    assert any(fault in c.prompt for c in fake.calls if retry(c))


def test_an_answer_cut_off_by_the_token_limit_is_not_taken(tmp_path: Path, serve: Start) -> None:
    serve(lambda call: Answer(follows(call), finish="stop" if retry(call) else "length"))
    assert outline_of(tmp_path).meta["writer"]["offline"] == []


def test_a_wrong_length_that_stays_wrong_keeps_the_offline_part(tmp_path: Path, serve: Start) -> None:
    def long_lead(call: Call) -> Answer:
        text = follows(call)
        return Answer(text + "\n\n" + text.replace(MARK, "换句话说，") if "导语：" in call.prompt else text)

    serve(long_lead)
    code, _, err, _ = new(tmp_path)
    o = outline_of(tmp_path, "--overwrite")
    assert code == 0 and "导语用的是离线写作器的文字（模型的回答不合格：" in err
    assert o.meta["writer"]["by_model"] == ["第一部分", "第二部分", "第三部分", "结尾"]
    assert MARK not in "".join(o.lead.paragraphs) and abs(o.body_chars() - 1500) <= 150
    assert all(MARK in s.paragraphs[0] for s in o.sections)


def test_the_brief_and_the_placeholder_reach_the_model_and_the_draft(tmp_path: Path, serve: Start) -> None:
    fake = serve(follows_script)
    o = outline_of(tmp_path, "--fact", "role=车间安全员", "--fact", "shortcomings=我有时巡检赶时间，对仪表数据只看不记")
    text = "".join(o.body_paragraphs())
    assert "车间安全员" in text and "我有时巡检赶时间，对仪表数据只看不记" in text
    assert any("作者本人提供的情况（按原话写入，一字不改）：\n- 车间安全员" in c.prompt for c in fake.calls)
    holes = re.findall(r"【[^】]*】", text)
    assert len(holes) <= 1 and all(any(h in c.prompt for c in fake.calls) for h in holes)


# ---- the endpoint's faults -----------------------------------------------------------------------

def flaky(status: int, times: int, headers: dict[str, str] | None = None) -> Script:
    lock, seen = threading.Lock(), [0]

    def script(call: Call) -> Answer:
        with lock:
            seen[0] += 1
            n = seen[0]
        if n <= times:
            return Answer("busy", status=status, headers=headers or {})
        return Answer(follows(call))

    return script


@pytest.mark.parametrize("status,headers", [(429, {"Retry-After": "0"}), (500, {}), (503, {})])
def test_rate_limits_and_server_errors_are_retried(tmp_path: Path, serve: Start, status: int,
                                                    headers: dict[str, str]) -> None:
    fake = serve(flaky(status, 2, headers))
    code, _, err, out = new(tmp_path)
    assert code == 0, err
    assert len(fake.calls) == 7 and "写了 5/5 个部分" in err


def test_a_slow_answer_is_retried_within_the_timeout(tmp_path: Path, serve: Start,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    lock, seen = threading.Lock(), [0]

    def slow_once(call: Call) -> Answer:
        with lock:
            seen[0] += 1
            first = seen[0] == 1
        return Answer(follows(call), delay=3 if first else 0)

    serve(slow_once)
    monkeypatch.setenv("XINDEGEN_LLM_TIMEOUT", "1")
    code, _, err, _ = new(tmp_path)
    assert code == 0 and "写了 5/5 个部分" in err


def dead_url() -> str:
    fake = FakeLLM(follows_script).__enter__()
    url = fake.url
    fake.__exit__()
    return url


@pytest.mark.parametrize("case,message", [
    ("dead", "无法连接大模型服务 http://127.0.0.1:{port}/v1：连接被拒绝：服务没有启动，或地址、端口不对"),
    ("always500", "大模型服务 http://127.0.0.1:{port}/v1 出错（HTTP 500：busy）（共试了 3 次）"),
    ("always429", "大模型服务 http://127.0.0.1:{port}/v1 一直在限流（HTTP 429）：请稍后再试，或降低并发"
                  "（XINDEGEN_LLM_CONCURRENCY）（共试了 3 次）"),
    ("slow", "大模型服务 http://127.0.0.1:{port}/v1 在 1 秒内没有回答（可用 XINDEGEN_LLM_TIMEOUT 加长等待时间）"
             "（共试了 3 次）"),
    ("badkey", "大模型服务 http://127.0.0.1:{port}/v1 拒绝了 API 密钥（HTTP 401）：请检查环境变量 "
               "XINDEGEN_LLM_API_KEY 或配置文件中的 api_key"),
    ("nomodel", "大模型服务 http://127.0.0.1:{port}/v1 没有模型“qwen-unknown”（HTTP 404）；服务上有：fake-qwen-7b"),
    ("html", "大模型服务 http://127.0.0.1:{port}/v1 返回的不是 JSON（<html><body>It works!</body></html>）："
             "地址是否指向 OpenAI 兼容接口（通常以 /v1 结尾）？（共试了 3 次）"),
])
def test_a_failing_endpoint_means_one_line_exit_1_and_no_file(tmp_path: Path, serve: Start,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               case: str, message: str) -> None:
    scripts: dict[str, Script] = {
        "always500": lambda call: Answer("busy", status=500),
        "always429": lambda call: Answer("slow down", status=429, headers={"Retry-After": "0"}),
        "slow": lambda call: Answer(follows(call), delay=2),
        "html": lambda call: Answer(raw=b"<html><body>It works!</body></html>"),
    }
    fake = serve(scripts.get(case, follows_script))
    if case == "dead":
        monkeypatch.setenv("XINDEGEN_LLM_BASE_URL", dead_url())
    if case == "badkey":
        monkeypatch.setenv("XINDEGEN_LLM_API_KEY", "sk-wrong-SECRET-0000000000")
    if case == "nomodel":
        monkeypatch.setenv("XINDEGEN_LLM_MODEL", "qwen-unknown")
    if case == "slow":
        monkeypatch.setenv("XINDEGEN_LLM_TIMEOUT", "1")
    import os

    port = os.environ["XINDEGEN_LLM_BASE_URL"].rsplit(":", 1)[1].split("/")[0]
    for name in ("x.docx", "x.yaml")[: 1 if case == "slow" else 2]:
        code, out, err, path = new(tmp_path, name=name)
        assert code == 1 and err == f"错误：{message.format(port=port)}\n", err
        assert not path.exists() and not list(tmp_path.iterdir())  # no file, no temporary file
        assert "SECRET" not in out + err
    if case == "badkey":  # the server echoed the wrong key; it is not shown
        assert fake.calls == []


def test_no_endpoint_configured_or_no_httpx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err, out = new(tmp_path)
    assert code == 1 and err.startswith("错误：没有配置大模型服务：请设置环境变量 XINDEGEN_LLM_BASE_URL")
    assert not out.exists()
    res = CliRunner().invoke(main, ["new", "--topic", "读书", "--llm-model", "x", "-o", str(tmp_path / "y.md")])
    assert res.exit_code == 2 and "只在 --writer llm 时使用" in res.stderr
    import sys

    monkeypatch.setenv("XINDEGEN_LLM_PRESET", "ollama")
    monkeypatch.setenv("XINDEGEN_LLM_MODEL", "qwen2.5:7b")
    monkeypatch.setitem(sys.modules, "httpx", None)  # as if the llm extra were not installed
    code, _, err, out = new(tmp_path)
    assert code == 1 and err == "错误：使用大模型写作需要安装可选依赖：pip install 'xindegen[llm]'\n"
    assert not out.exists()


def test_the_key_is_in_no_file_and_no_output(tmp_path: Path, serve: Start) -> None:
    serve(flaky(500, 1))
    written = []
    for name in ("x.docx", "x.yaml", "x.md", "x.txt"):
        code, out, err, path = new(tmp_path, name=name)
        assert code == 0 and KEY not in out + err and "SECRET" not in out + err
        written.append(path)
    for path in written:
        data = docx_text(path) if path.suffix == ".docx" else path.read_text(encoding="utf-8")
        assert KEY not in data and "SECRET" not in data and MARK in data


# ---- xindegen llm ------------------------------------------------------------------------------------

def test_llm_check_prints_the_models_name_and_never_the_key(serve: Start) -> None:
    serve(lambda call: Answer("好"))
    res = CliRunner().invoke(main, ["llm", "check"])
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[-1].startswith(f"连接正常：模型 {MODEL}，回答“好”（")
    assert "API 密钥：已设置（XINDEGEN_LLM_API_KEY）" in res.stdout and KEY not in res.output


def test_llm_check_fails_cleanly(serve: Start, monkeypatch: pytest.MonkeyPatch) -> None:
    serve(follows_script)
    monkeypatch.setenv("XINDEGEN_LLM_BASE_URL", dead_url())
    res = CliRunner().invoke(main, ["llm", "check"])
    assert res.exit_code == 1 and res.stderr.startswith("错误：无法连接大模型服务 http://127.0.0.1:")
    assert len(res.stderr.splitlines()) == 1


def test_llm_presets_lists_local_servers_and_cloud_apis() -> None:
    res = CliRunner().invoke(main, ["llm", "presets"])
    assert res.exit_code == 0
    for url in ("http://localhost:11434/v1", "http://localhost:8000/v1", "http://localhost:8080/v1",
                "https://api.deepseek.com/v1", "https://dashscope.aliyuncs.com/compatible-mode/v1",
                "https://open.bigmodel.cn/api/paas/v4", "https://api.moonshot.cn/v1"):
        assert url in res.stdout


def test_the_offline_writer_never_loads_the_http_client(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = ("import sys; from xindegen.cli import main\n"
            f"main(['new', '--topic', '读书', '-o', {str(tmp_path / 'x.docx')!r}], standalone_mode=False)\n"
            "print('httpx' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


NOTICE = ("关于加强安全生产工作的通知\n一、压实安全生产责任，层层落实到岗位\n各单位要把责任落实到每个岗位每个人。\n"
          "二、深入排查整治隐患，做到立查立改\n对排查出的隐患要建立台账。\n三、强化应急演练，提升处置能力\n"
          "每季度至少组织一次应急演练。\n")


def test_the_study_materials_points_are_cited_as_planned(tmp_path: Path, serve: Start) -> None:
    (tmp_path / "通知.txt").write_text(NOTICE, encoding="utf-8")
    fake = serve(follows_script)
    o = outline_of(tmp_path, "--material", str(tmp_path / "通知.txt"))
    assert o.meta["writer"]["offline"] == []
    points = ["压实安全生产责任，层层落实到岗位", "深入排查整治隐患，做到立查立改", "强化应急演练，提升处置能力"]
    for section, point in zip(o.sections, points, strict=True):
        assert f"“{point}" in "".join(section.paragraphs)
        assert any(f"“{point}”——《关于加强安全生产工作的通知》" in c.prompt for c in fake.calls)
