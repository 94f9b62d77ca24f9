"""Where the LLM writer's endpoint comes from: a preset, the per-user file, the environment, options.

Later sources win: a preset's defaults (base URL, model, the variable its key is usually kept in),
then ``llm.yaml`` in the per-user config directory, then ``XINDEGEN_LLM_*`` environment variables,
then command-line options. The API key is read from the file or the environment only (never from
an option, which other users could see in the process list) and is kept out of every ``repr``,
message, log, journal and outline: :meth:`LLMConfig.describe` says where it came from, never what
it is.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from ..errors import InputError, ProblemsError
from ..paths import user_config_dir
from ..yamlsafe import ProblemError, Problems, load_documents

CONFIG_FILE = "llm.yaml"
ENV_PREFIX = "XINDEGEN_LLM_"


class LLMConfigError(ProblemsError):
    """``llm.yaml`` breaks its format; every problem is listed with its line."""


@dataclass(frozen=True)
class Preset:
    name: str
    label: str
    base_url: str
    model: str | None  # None: the server serves whatever it was started with; name it
    key_env: str | None = None  # the variable the provider's own tools read the key from
    local: bool = True


# Base URLs as the servers and providers document their OpenAI-compatible endpoints.
PRESETS: dict[str, Preset] = {p.name: p for p in (
    Preset("ollama", "Ollama（本机）", "http://localhost:11434/v1", None),
    Preset("vllm", "vLLM（本机）", "http://localhost:8000/v1", None),
    Preset("llamacpp", "llama.cpp llama-server（本机）", "http://localhost:8080/v1", None),
    Preset("deepseek", "DeepSeek", "https://api.deepseek.com/v1", "deepseek-chat", "DEEPSEEK_API_KEY", False),
    Preset("qwen", "通义千问（阿里云百炼 DashScope 兼容模式）", "https://dashscope.aliyuncs.com/compatible-mode/v1",
           "qwen-plus", "DASHSCOPE_API_KEY", False),
    Preset("glm", "智谱 GLM（BigModel 开放平台）", "https://open.bigmodel.cn/api/paas/v4", "glm-4-flash",
           "ZHIPUAI_API_KEY", False),
    Preset("moonshot", "Moonshot（Kimi）", "https://api.moonshot.cn/v1", "moonshot-v1-8k", "MOONSHOT_API_KEY", False),
)}
_ALIASES = {"dashscope": "qwen", "zhipu": "glm", "kimi": "moonshot", "llama.cpp": "llamacpp", "llama-cpp": "llamacpp"}


@dataclass(frozen=True)
class LLMConfig:
    """An OpenAI-compatible chat-completions endpoint and how to talk to it."""

    base_url: str
    model: str
    api_key: str | None = field(default=None, repr=False)
    preset: str | None = None
    timeout: float = 120.0  # seconds for one request (a local model on a CPU is slow)
    retries: int = 3  # further tries of a request after 429, 5xx, a timeout or a dropped connection
    backoff: float = 1.0  # seconds before the first retry, doubling each time
    attempts: int = 3  # answers asked for one part: the first and up to two rewrites naming the faults
    concurrency: int = 4  # requests in flight at once (batch)
    temperature: float = 0.7
    max_tokens: int = 4096  # room for the answer, and for the thinking of a reasoning model
    key_from: str | None = None  # where the key was found (shown by `llm check`), never the key itself
    sources: tuple[str, ...] = ()  # what the settings were read from

    def describe(self) -> list[str]:
        """What ``xindegen llm check`` shows: never the key, only whether and where it is set."""
        preset = f"（预设 {self.preset}）" if self.preset else ""
        key = f"已设置（{self.key_from}）" if self.api_key else "未设置（本机服务通常不需要）"
        return [f"地址：{redact_url(self.base_url)}{preset}", f"模型：{self.model}", f"API 密钥：{key}",
                f"超时：{self.timeout:g} 秒；失败重试 {self.retries} 次；并发 {self.concurrency}",
                "配置来源：" + ("、".join(self.sources) or "无")]


# Settings a file or a variable may give, with their types and limits.
_NUMBERS: dict[str, tuple[type, float, float]] = {
    "timeout": (float, 1, 3600), "retries": (int, 0, 10), "backoff": (float, 0, 60), "attempts": (int, 1, 5),
    "concurrency": (int, 1, 64), "temperature": (float, 0, 2), "max_tokens": (int, 64, 200_000),
}
_TEXTS = ("preset", "base_url", "model", "api_key", "api_key_env")
KEYS = (*_TEXTS, *_NUMBERS)


def config_path() -> Path:
    return user_config_dir() / CONFIG_FILE


def _number(key: str, raw: Any) -> int | float:
    kind, lo, hi = _NUMBERS[key]
    try:
        if isinstance(raw, bool):
            raise ValueError
        value: int | float = kind(str(raw).strip())
    except ValueError:
        raise ValueError(f"应为{'整数' if kind is int else '数字'}（收到 {raw}）") from None
    if not lo <= value <= hi:
        raise ValueError(f"应在 {lo:g}–{hi:g} 之间（收到 {raw}）")
    return value


def _read_file(path: Path) -> dict[str, Any]:
    """The settings in ``llm.yaml``, every problem reported with its line."""
    try:
        docs = load_documents(path)
    except ProblemError as exc:
        raise LLMConfigError([exc.problem]) from None
    if not docs or docs[0][0] is None:
        return {}
    value, lines = docs[0]
    check = Problems(str(path), lines)
    if not isinstance(value, dict):
        check.error((), "应为“键: 值”映射，例如 preset: deepseek")
        check.raise_if_any(LLMConfigError)
    out: dict[str, Any] = {}
    for key, raw in value.items():
        if key not in KEYS:
            check.error((key,), f"未知的项“{key}”，可用：{'、'.join(KEYS)}")
        elif raw is None:
            continue
        elif key in _NUMBERS:
            try:
                out[key] = _number(key, raw)
            except ValueError as exc:
                check.error((key,), str(exc))
        elif not isinstance(raw, (str, int, float)) or isinstance(raw, bool) or not str(raw).strip():
            check.error((key,), "应为一段文字")
        else:
            out[key] = str(raw).strip()
    check.raise_if_any(LLMConfigError)
    return out


def _read_env(environ: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in KEYS:
        raw = environ.get(ENV_PREFIX + key.upper(), "").strip()
        if not raw:
            continue
        if key in _NUMBERS:
            try:
                out[key] = _number(key, raw)
            except ValueError as exc:
                raise InputError(f"环境变量 {ENV_PREFIX + key.upper()} {exc}") from None
        else:
            out[key] = raw
    return out


def preset(name: str) -> Preset:
    key = _ALIASES.get(name.lower(), name.lower())
    if key not in PRESETS:
        raise InputError(f"没有名为“{name}”的预设，可用：{'、'.join(PRESETS)}")
    return PRESETS[key]


def normalize_base_url(url: str) -> str:
    """``http://host:8000/v1/`` or a pasted ``…/v1/chat/completions`` → ``http://host:8000/v1``."""
    url = url.strip().rstrip("/")
    url = re.sub(r"/chat/completions$", "", url)
    if not re.match(r"^https?://[^/\s]+", url):
        raise InputError(f"大模型服务地址应以 http:// 或 https:// 开头（收到“{redact_url(url)}”）")
    return url


def redact_url(url: str) -> str:
    """A URL as it may be shown: no user name or password, no query (where keys sometimes hide)."""
    url = re.sub(r"^(\w+://)[^/@\s]*@", r"\1", url)
    return url.split("?", 1)[0]


def load_llm_config(overrides: Mapping[str, Any] | None = None, *, environ: Mapping[str, str] | None = None,
                    file: Path | None = None) -> LLMConfig:
    """The endpoint configured for this user: preset ← ``llm.yaml`` ← environment ← ``overrides``.

    ``overrides`` take the same keys as the file (``preset``, ``base_url``, ``model``, ``timeout`` …;
    not ``api_key``). Raises :class:`~xindegen.errors.InputError` naming what is missing.
    """
    env = os.environ if environ is None else environ
    path = file or config_path()
    layers: list[tuple[str, dict[str, Any]]] = []
    if path.is_file():
        layers.append((str(path), _read_file(path)))
    layers.append(("环境变量", _read_env(env)))
    given = {k: v for k, v in (overrides or {}).items() if v is not None and k != "api_key"}
    if given:
        layers.append(("命令行选项", given))
    merged: dict[str, Any] = {}
    for _, values in layers:
        merged.update(values)
    sources = tuple(name for name, values in layers if values)

    chosen = preset(str(merged["preset"])) if merged.get("preset") else None
    base_url = merged.get("base_url") or (chosen.base_url if chosen else None)
    model = merged.get("model") or (chosen.model if chosen else None)
    if not base_url:
        raise InputError(f"没有配置大模型服务：请设置环境变量 {ENV_PREFIX}BASE_URL 和 {ENV_PREFIX}MODEL，"
                         f"或选一个预设（{ENV_PREFIX}PRESET，可用：{'、'.join(PRESETS)}），"
                         f"或写配置文件 {path}（见 README“大模型写作”一节）")
    if not model:
        where = f"预设 {chosen.name} 没有默认模型" if chosen else "没有指定模型"
        raise InputError(f"{where}：请设置环境变量 {ENV_PREFIX}MODEL（或配置文件中的 model），"
                         "写服务上已有的模型名，例如 qwen2.5:7b")

    key, key_from = None, None
    for name, values in reversed(layers):  # the key: the latest layer that has one, then the preset's variable
        if values.get("api_key"):
            key, key_from = str(values["api_key"]), ("配置文件" if name == str(path) else f"{ENV_PREFIX}API_KEY")
            break
    key_env = merged.get("api_key_env") or (chosen.key_env if chosen else None)
    if key is None and key_env and env.get(key_env, "").strip():
        key, key_from = env[key_env].strip(), f"环境变量 {key_env}"

    settings = {f.name: merged[f.name] for f in fields(LLMConfig) if f.name in _NUMBERS and f.name in merged}
    config = LLMConfig(base_url=normalize_base_url(str(base_url)), model=str(model), api_key=key,
                       preset=chosen.name if chosen else None, key_from=key_from, sources=sources)
    return replace(config, **settings)
