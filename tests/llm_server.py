"""A scripted OpenAI-compatible chat-completions server on 127.0.0.1 (port 0), for the LLM tests.

``FakeLLM(script)`` serves ``POST /v1/chat/completions`` by calling ``script(call)`` with the parsed
request and returning what it says (a reply text, a status, raw bytes, a delay); ``GET /v1/models``
lists the model. Every request is recorded (headers and body), and the most requests in flight at
once is tracked. The scripted "models" below write from the prompt xindegen sends, the way a model
that follows the rules would, or break one rule on purpose.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODEL = "fake-qwen-7b"
KEY = "sk-test-SECRET-7f3a9c1e5b"
MARK = "笔者以为，"  # the fake model's own words: they show its prose made it into a draft


@dataclass
class Call:
    n: int  # 1-based count of chat requests so far
    body: dict[str, Any]
    headers: dict[str, str]

    @property
    def prompt(self) -> str:
        return str(self.body["messages"][-1]["content"])


@dataclass
class Answer:
    text: str | None = None  # the message content
    status: int = 200
    raw: bytes | None = None  # a body sent as is
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)  # more fields of the message (reasoning_content)
    finish: str = "stop"


Script = Callable[[Call], Answer]


class FakeLLM:
    def __init__(self, script: Script, key: str | None = KEY):
        self.script = script
        self.key = key
        self.calls: list[Call] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, data: bytes, headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                if self.path.rstrip("/").endswith("/models"):
                    self._send(200, json.dumps({"object": "list", "data": [{"id": MODEL, "object": "model"}]}).encode())
                else:
                    self._send(404, b'{"error": "not found"}')

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(404, b'{"error": {"message": "404 page not found"}}')
                    return
                if fake.key and self.headers.get("Authorization") != f"Bearer {fake.key}":
                    said = f"Incorrect API key provided: {self.headers.get('Authorization', '')[7:]}"
                    self._send(401, json.dumps({"error": {"message": said}}).encode())
                    return
                if body.get("model") != MODEL:
                    said = f"model '{body.get('model')}' not found"
                    self._send(404, json.dumps({"error": {"message": said}}).encode())
                    return
                with fake._lock:
                    call = Call(len(fake.calls) + 1, body, dict(self.headers))
                    fake.calls.append(call)
                    fake.in_flight += 1
                    fake.most_in_flight = max(fake.most_in_flight, fake.in_flight)
                try:
                    answer = fake.script(call)
                    if answer.delay:
                        time.sleep(answer.delay)
                finally:
                    with fake._lock:
                        fake.in_flight -= 1
                if answer.raw is not None:
                    self._send(answer.status, answer.raw, answer.headers)
                    return
                if answer.status != 200:
                    err = {"error": {"message": answer.text or "server error"}}
                    self._send(answer.status, json.dumps(err).encode(), answer.headers)
                    return
                message = {"role": "assistant", "content": answer.text, **answer.extra}
                data = {"id": f"chatcmpl-{call.n}", "object": "chat.completion", "model": MODEL,
                        "choices": [{"index": 0, "message": message, "finish_reason": answer.finish}]}
                self._send(200, json.dumps(data, ensure_ascii=False).encode(), answer.headers)

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client that hung up (xindegen stopping on a fault): nothing to report

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> FakeLLM:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()


# ---- reading xindegen's prompt -------------------------------------------------------------------

def block(prompt: str, title: str) -> list[str]:
    """The lines under the prompt's ``title`` line, up to the next empty line."""
    lines = prompt.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(title):
            out = []
            for item in lines[i + 1:]:
                if not item.strip():
                    break
                out.append(item)
            return out
    return []


def target(prompt: str) -> int:
    m = re.search(r"篇幅：约 (\d+) 字", prompt)
    return int(m.group(1)) if m else 300


def approach(prompt: str) -> str:
    m = re.search(r"写法：(.+)", prompt)
    return m.group(1) if m else ""


def follows(call: Call) -> str:
    """The answer of a model that follows the plan: the reference text in its own order and words
    (its mark opens the answer), every quotation, brief answer and placeholder kept."""
    material = block(call.prompt, "参考素材")
    paragraphs = []
    for i, para in enumerate(material):
        sentences = re.findall(r"[^。！？]+[。！？]+”?|[^。！？]+$", para)
        if len(sentences) > 2 and i % 2:  # its own order
            sentences = [sentences[0], *sentences[2:], sentences[1]]
        paragraphs.append(("" if paragraphs else MARK) + "".join(sentences))
    return "\n\n".join(paragraphs)


def follows_script(call: Call) -> Answer:
    return Answer(follows(call))


SAME = (
    "学习之后我更加明白，岗位虽然平凡，肩上的责任却很重大。", "每天的工作看似重复，其中却藏着不少需要用心琢磨的地方。",
    "只有把每件小事做细做实，才能让身边的人真正放心。", "我要把学到的东西用到工作中去，遇到难题多想办法。",
    "不推不拖，主动向身边的同事请教，是我给自己定下的规矩。", "平时多学一点，关键时刻就少慌一点，这个道理我体会很深。",
    "过去我总觉得按部就班就够了，现在才知道差距不小。", "工作中的很多问题，往往出在想当然和图省事上。",
    "做事情要有始有终，不能虎头蛇尾，更不能敷衍了事。", "面对新情况新问题，我要学会先调查再下结论。",
    "与同事配合时，多补位、不缺位，才能形成合力。", "对群众反映的问题，我要做到件件有回音、事事有着落。",
    "心里装着责任，手上才会有准头，脚下才会有方向。", "每一次认真的准备，都是对自己和他人的负责。",
    "我会把这次学习当作一个新的起点，时时对照，常常反思。", "只要坚持下去，点滴的进步终会汇成明显的变化。",
    "遇到困难不退缩，是我从这次学习中得到的最大收获。", "我也清楚，认识上的提高还要落到行动上才算数。",
    "今后我将在本职工作中一点一滴地改，一件一件地落实。", "把平凡的事做好，本身就是不平凡的事。",
)


def same_for_everyone(call: Call) -> Answer:
    """A model that ignores the reference text: the same prose for every draft, the rules otherwise kept
    (the quotations cited with their sources, the writer's words and the placeholder kept, the length met)."""
    cites = [re.sub(r"^- ", "", c) for c in block(call.prompt, "必须引用的引文")]
    mine = [b[2:] for b in block(call.prompt, "作者本人提供的情况")]
    holds = re.findall(r"【[^】]*】", "".join(ln for ln in call.prompt.split("\n") if ln.startswith("原样保留")))
    head = "".join(f"{c.split('——')[1]}中说：{c.split('——')[0]}" if "——" in c else f"有句话说得好：{c}"
                   for c in cites)
    text = head + "".join(f"我{x}。" if not x.startswith("我") else f"{x}。" for x in mine) + "".join(holds)
    want = target(call.prompt)
    part = re.search(r"现在请写：(导语|结尾|第(.)部分)", call.prompt)
    start = {"导语": 0, "结尾": 4}.get(part.group(1) if part else "", 0) if not (part and part.group(2)) else \
        "一二三四五六".index(part.group(2)) + 1
    for sentence in (SAME * 2)[start * 4:]:  # each part its own sentences, the same in every draft
        if len(text) + len(sentence) > want * 1.05:
            break
        text += sentence
    return Answer(text)
