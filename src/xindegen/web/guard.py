"""Who may talk to the server: its own Host names, its own Origin, and the token when one is set.

* **DNS rebinding**: a page on another site can make the browser send requests to this server
  under the other site's name. Such requests carry that name in ``Host``; only the server's own
  names (``127.0.0.1``, ``localhost``, the ``--host`` address and the machine's names) and literal
  IP addresses (which rebinding cannot produce) are answered.
* **CSRF**: a state-changing request (anything but GET/HEAD/OPTIONS) whose ``Origin`` is another
  site is refused. Scripts send no ``Origin`` and are let through (they pass the token instead).
* **Token**: with ``--host`` the server is reachable from the network, so every request must carry
  the access token: as the ``xindegen_token`` cookie (set when the page is opened with
  ``?token=…``), or in an ``Authorization: Bearer …`` or ``X-Xindegen-Token`` header.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import socket
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs, urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "xindegen_token"
LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),  # the token may be in the address
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
     b"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
    (b"cache-control", b"no-store"),
]


def is_local(host: str) -> bool:
    """Whether binding ``host`` keeps the server on this machine (loopback only)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _machine_names() -> set[str]:
    names = set()
    for name in (socket.gethostname(), socket.getfqdn()):
        if name:
            names.add(name.lower())
    return names


@dataclass
class Settings:
    """Where the server listens and whom it answers."""

    host: str = "127.0.0.1"
    port: int = 0
    token: str | None = None  # required on every request when set (a non-local --host)
    names: set[str] = field(default_factory=set)  # Host names answered besides the local ones

    def __post_init__(self) -> None:
        self.names = {n.lower() for n in self.names}
        if not is_local(self.host):
            self.names |= _machine_names()
            if self.host not in ("0.0.0.0", "::"):
                self.names.add(self.host.lower().strip("[]"))

    def host_ok(self, value: str | None) -> bool:
        """Whether a ``Host`` header names this server (its port, and one of its names)."""
        if not value:
            return False
        try:
            parts = urlsplit(f"//{value}")
            name, port = (parts.hostname or "").lower(), parts.port or 80
        except ValueError:
            return False
        if port != self.port:
            return False
        if name in LOCAL_NAMES or name in self.names:
            return True
        try:
            address = ipaddress.ip_address(name)
        except ValueError:
            return False
        # A literal address cannot come from a rebound name; on loopback, only loopback ones.
        return address.is_loopback or not is_local(self.host)

    def origin_ok(self, origin: str, host: str) -> bool:
        """Whether ``Origin`` is this very server, as the browser reached it."""
        return origin == f"http://{host}"

    def token_ok(self, given: str | None) -> bool:
        if self.token is None:
            return True
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _given_token(scope: Scope, headers: dict[str, str]) -> str | None:
    auth = headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    if "x-xindegen-token" in headers:
        return headers["x-xindegen-token"].strip()
    cookie: SimpleCookie = SimpleCookie()
    try:
        cookie.load(headers.get("cookie", ""))
    except Exception:  # a malformed cookie header is no token
        return None
    morsel = cookie.get(COOKIE)
    return morsel.value if morsel else None


async def _send_json(send: Send, status: int, payload: dict[str, Any]) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """ASGI middleware: the checks above, then security headers on every response."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        s = self.settings
        headers = _headers(scope)
        host = headers.get("host")
        if not s.host_ok(host):
            await _send_json(send, 403, {"error": "拒绝访问：请求的主机名不是本服务的地址"
                                                  "（为防止 DNS 重绑定攻击，只接受本机地址）"})
            return
        method = scope["method"]
        origin = headers.get("origin")
        if method not in SAFE_METHODS and origin is not None and not s.origin_ok(origin, host or ""):
            await _send_json(send, 403, {"error": "拒绝跨站请求：请求来自其他网站（Origin 不符）"})
            return
        if s.token is not None:
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
            in_query = query.get("token", [None])[0]
            if scope["path"] == "/" and method == "GET" and in_query is not None and s.token_ok(in_query):
                # The address printed at start: keep the token in a cookie, drop it from the address.
                cookie = f"{COOKIE}={s.token}; Path=/; HttpOnly; SameSite=Strict"
                await send({"type": "http.response.start", "status": 303,
                            "headers": [(b"location", b"/"), (b"set-cookie", cookie.encode()),
                                        (b"content-length", b"0"), *SECURITY_HEADERS]})
                await send({"type": "http.response.body", "body": b""})
                return
            if not s.token_ok(_given_token(scope, headers)):
                await _send_json(send, 401, {"error": "需要访问令牌：请使用服务启动时显示的完整地址（带 ?token=）"})
                return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *((k, v) for k, v in SECURITY_HEADERS if k not in names)]
            await send(message)

        await self.app(scope, receive, send_with_headers)
