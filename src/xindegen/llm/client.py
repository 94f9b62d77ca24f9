"""A small client for OpenAI-compatible chat completions (Ollama, vLLM, llama.cpp, cloud APIs).

Plain requests only: no streaming, no JSON mode, no tool calls, which many local servers lack.
Every way an endpoint can fail becomes an :class:`LLMError` with a one-line Chinese message: a
refused connection, a rejected key or an unknown model at once; rate limits (429), server errors
(5xx), timeouts and dropped connections after bounded retries with exponential backoff (or the
server's ``Retry-After``). The key goes into the ``Authorization`` header and nowhere else: any
text a server sends back is cleaned of it before it is shown.

httpx is an optional dependency (``pip install 'xindegen[llm]'``), imported when a client is made.
"""

from __future__ import annotations

import random
import re
import threading
import time
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .. import __version__
from ..errors import XindegenError
from .config import LLMConfig, redact_url

if TYPE_CHECKING:
    import httpx

RETRY_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 30.0  # seconds: a server asking for longer is treated as failing
_LOOPBACK = re.compile(r"^(localhost|127\.\d+\.\d+\.\d+|\[?::1\]?)$")


class LLMError(XindegenError):
    """The endpoint cannot be used (connection, key, model, rate limit, server errors, timeouts)."""


@dataclass(frozen=True)
class Reply:
    """One answer: its text (thinking removed), the model that wrote it, why it stopped."""

    text: str
    model: str
    finish: str | None = None


_THINK = re.compile(r"<(think|thinking|reasoning)>.*?</\1>", re.S | re.I)
_THINK_OPEN = re.compile(r"<(think|thinking|reasoning)>.*\Z", re.S | re.I)
_THINK_CLOSE = re.compile(r"\A.*</(?:think|thinking|reasoning)>", re.S | re.I)


def strip_reasoning(text: str) -> str:
    """The answer without a reasoning model's thinking: ``<think>…</think>`` blocks, a thinking whose
    opening tag the server dropped (everything before a lone ``</think>``), and one cut off before
    its end (everything after a lone ``<think>``)."""
    text = _THINK.sub("", text)
    text = _THINK_CLOSE.sub("", text)
    return _THINK_OPEN.sub("", text).strip()


def _content(message: Any) -> str:
    """The message's text; some servers send a list of parts. Reasoning fields are never read."""
    content = message.get("content") if isinstance(message, dict) else None
    if isinstance(content, list):
        content = "".join(p.get("text", "") for p in content if isinstance(p, dict) and isinstance(p.get("text"), str))
    return content if isinstance(content, str) else ""


class ChatClient:
    """Chat completions against one configured endpoint; safe to share between threads."""

    def __init__(self, config: LLMConfig, *, transport: httpx.BaseTransport | None = None):
        try:
            import httpx
        except ImportError:
            raise LLMError("使用大模型写作需要安装可选依赖：pip install 'xindegen[llm]'") from None
        self.config = config
        self._httpx = httpx
        headers = {"Accept": "application/json", "User-Agent": f"xindegen/{__version__}"}
        if config.api_key:
            headers["Authorization"] = f"Bearer {config.api_key}"
        host = urlsplit(config.base_url).hostname or ""
        self._http = httpx.Client(
            base_url=config.base_url + "/", headers=headers, transport=transport,
            timeout=httpx.Timeout(config.timeout, connect=min(10.0, config.timeout)),
            limits=httpx.Limits(max_connections=config.concurrency),
            trust_env=not _LOOPBACK.match(host),  # a server on this machine is never behind a proxy
        )
        self._slots = threading.BoundedSemaphore(config.concurrency)  # requests in flight, whoever asks
        self.requests = 0
        self._count = threading.Lock()

    # ---- the context-manager protocol ----
    def __enter__(self) -> ChatClient:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    # ---- requests ----
    @property
    def where(self) -> str:
        return redact_url(self.config.base_url)

    def chat(self, messages: list[dict[str, str]], *, max_tokens: int | None = None,
             temperature: float | None = None) -> Reply:
        """One chat completion; raises :class:`LLMError` when the endpoint fails."""
        cfg = self.config
        payload = {"model": cfg.model, "messages": messages, "stream": False,
                   "temperature": cfg.temperature if temperature is None else temperature,
                   "max_tokens": max_tokens or cfg.max_tokens}
        data = self._post("chat/completions", payload)
        choices = data.get("choices")
        if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
            raise LLMError(f"大模型服务 {self.where} 的回答中没有 choices：它不像 OpenAI 兼容的接口，"
                           "请检查地址（通常以 /v1 结尾）")
        first = choices[0]
        model = data.get("model") if isinstance(data.get("model"), str) and data.get("model") else cfg.model
        finish = first.get("finish_reason") if isinstance(first.get("finish_reason"), str) else None
        return Reply(strip_reasoning(_content(first.get("message"))), str(model), finish)

    def check(self) -> Reply:
        """A tiny request that proves the address, the key and the model (``xindegen llm check``)."""
        return self.chat([{"role": "user", "content": "这是连接测试，请只回答一个字：好"}],
                         max_tokens=min(self.config.max_tokens, 512), temperature=0)

    def models(self) -> list[str]:
        """The models the server lists (``GET /models``); empty when it lists none or fails."""
        try:
            r = self._http.get("models", timeout=min(10.0, self.config.timeout))
            data = r.json() if r.status_code == 200 else {}
        except Exception:  # only a hint for an error message: any failure means no list
            return []
        items = data.get("data") if isinstance(data, dict) else None
        if not isinstance(items, list):
            return []
        return [str(m["id"]) for m in items if isinstance(m, dict) and m.get("id")][:20]

    def _post(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        httpx, cfg = self._httpx, self.config
        failure, delay = "", 0.0
        for attempt in range(cfg.retries + 1):
            if attempt:
                time.sleep(delay)
            delay = cfg.backoff * 2 ** attempt * (1 + random.random() / 4)
            try:
                with self._slots:
                    with self._count:
                        self.requests += 1
                    r = self._http.post(path, json=payload)
            except httpx.ConnectError as exc:
                raise LLMError(self._refused(exc)) from None
            except httpx.TimeoutException:
                failure = f"在 {cfg.timeout:g} 秒内没有回答（可用 XINDEGEN_LLM_TIMEOUT 加长等待时间）"
                continue
            except httpx.TransportError as exc:
                failure = f"连接中断（{type(exc).__name__}）"
                continue
            if r.status_code == 200:
                try:
                    data = r.json()
                except ValueError:
                    data = None
                if isinstance(data, dict):
                    return data
                failure = (f"返回的不是 JSON（{self._snippet(r.text)}）："
                           "地址是否指向 OpenAI 兼容接口（通常以 /v1 结尾）？")
                continue
            if r.status_code in RETRY_STATUS:
                failure = self._status(r)
                wait = _retry_after(r.headers.get("retry-after"))
                if wait is not None:
                    if wait > MAX_RETRY_AFTER:
                        break
                    delay = wait
                continue
            raise LLMError(self._status(r))
        tries = f"（共试了 {cfg.retries + 1} 次）" if cfg.retries else ""
        raise LLMError(f"大模型服务 {self.where} {failure}{tries}")

    # ---- messages ----
    def _refused(self, exc: Exception) -> str:
        text = str(exc)
        if re.search(r"refused|111|10061", text, re.I):
            why = "连接被拒绝：服务没有启动，或地址、端口不对"
        elif re.search(r"name|resolve|getaddrinfo|nodename", text, re.I):
            why = "找不到这个主机名：请检查地址"
        else:
            why = f"无法建立连接（{self._clean(text)[:80]}）"
        return f"无法连接大模型服务 {self.where}：{why}"

    def _status(self, r: httpx.Response) -> str:
        code, cfg = r.status_code, self.config
        said = self._snippet(_server_message(r))
        if code in (401, 403):
            return (f"大模型服务 {self.where} 拒绝了 API 密钥（HTTP {code}）：请检查环境变量 XINDEGEN_LLM_API_KEY "
                    "或配置文件中的 api_key")
        if code == 404 or (code == 400 and re.search(r"model", said, re.I)
                           and re.search(r"not (exist|found)|does not|unknown|invalid|不存在|无效", said, re.I)):
            if re.search(r"model|模型", said, re.I):
                known = self.models()
                hint = f"；服务上有：{'、'.join(known)}" if known else ""
                return f"大模型服务 {self.where} 没有模型“{cfg.model}”（HTTP {code}）{hint}"
            return (f"大模型服务 {self.where} 没有 chat/completions 接口（HTTP {code}）："
                    "地址通常以 /v1 结尾，例如 http://localhost:11434/v1")
        if code == 429:
            return "一直在限流（HTTP 429）：请稍后再试，或降低并发（XINDEGEN_LLM_CONCURRENCY）"
        if code >= 500:
            return f"出错（HTTP {code}{'：' + said if said else ''}）"
        return f"大模型服务 {self.where} 拒绝了请求（HTTP {code}{'：' + said if said else ''}）"

    def _clean(self, text: str) -> str:
        """Server text as it may be shown: the key and anything that looks like one removed."""
        key = self.config.api_key
        if key:
            text = text.replace(key, "***")
        return re.sub(r"(sk-|Bearer\s+)[A-Za-z0-9._\-]{6,}", r"\1***", text)

    def _snippet(self, text: str) -> str:
        return re.sub(r"\s+", " ", self._clean(text)).strip()[:120]


def _server_message(r: httpx.Response) -> str:
    """What the server said about an error: ``error.message``, ``message``, ``detail``, or the body."""
    try:
        data = r.json()
    except ValueError:
        return r.text
    if isinstance(data, dict):
        err = data.get("error")
        for value in (err.get("message") if isinstance(err, dict) else err, data.get("message"), data.get("detail")):
            if isinstance(value, str) and value:
                return value
    return r.text


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None
