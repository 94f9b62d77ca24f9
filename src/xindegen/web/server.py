"""Start the server: bind, print the address, open the browser, serve until Ctrl-C, clean up."""

from __future__ import annotations

import contextlib
import errno
import secrets
import shutil
import socket
import tempfile
import threading
import time
import webbrowser
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import XindegenError
from .guard import Settings, is_local

DEFAULT_PORT = 8765


@dataclass
class Running:
    """A started server (for tests and for :func:`serve`): its address, and how to stop it."""

    url: str  # with ?token=… when a token is required
    settings: Settings
    root: Path
    stop: Callable[[], None]


def bind(host: str, port: int | None) -> socket.socket:
    """A listening socket on ``host``; without ``port``, the default one or, if taken, any free one."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    for candidate in ([port] if port is not None else [DEFAULT_PORT, 0]):
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, candidate))
        except OSError as exc:
            sock.close()
            if port is None and exc.errno == errno.EADDRINUSE:
                continue
            if exc.errno == errno.EADDRINUSE:
                raise XindegenError(f"端口 {port} 已被占用，请用 --port 换一个（或不加 --port 自动选择）") from None
            raise XindegenError(f"无法在 {host}:{candidate} 上启动服务：{exc.strerror or exc}") from None
        sock.listen(128)
        sock.set_inheritable(True)
        return sock
    raise XindegenError("找不到可用的端口")  # pragma: no cover - port 0 always binds


@contextlib.contextmanager
def running(host: str = "127.0.0.1", port: int | None = 0) -> Iterator[Running]:
    """Run the server in a thread while the ``with`` block runs; everything is removed after."""
    import uvicorn

    from .api import create_app
    from .store import Store

    sock = bind(host, port)
    bound = sock.getsockname()[1]
    token = None if is_local(host) else secrets.token_urlsafe(24)
    settings = Settings(host=host, port=bound, token=token)
    root = Path(tempfile.mkdtemp(prefix="xindegen-serve-"))
    old_tempdir = tempfile.tempdir
    (root / "tmp").mkdir()
    tempfile.tempdir = str(root / "tmp")  # anything a library spools goes here too
    store = Store(root)
    config = uvicorn.Config(create_app(settings, store), log_level="warning", access_log=False,
                            proxy_headers=False, server_header=False, timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="xindegen-serve", daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        time.sleep(0.02)
    if not server.started:
        sock.close()
        store.close()
        tempfile.tempdir = old_tempdir
        raise XindegenError("网页服务没能启动，请重试（加 --debug 查看原因）")
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else shown}:{bound}/"
    if token:
        url += f"?token={token}"

    def stop() -> None:
        server.should_exit = True
        thread.join(10)

    try:
        yield Running(url, settings, root, stop)
    finally:
        stop()
        sock.close()
        store.close()
        tempfile.tempdir = old_tempdir
        shutil.rmtree(root, ignore_errors=True)


def serve(host: str, port: int | None, open_browser: bool, echo: Callable[[str], None]) -> None:
    """``xindegen serve``: run until Ctrl-C."""
    with running(host, port) as run:
        if run.settings.token:
            echo(f"警告：服务对网络开放（{host}），同一网络中的其他电脑也能访问。只有带访问令牌的地址才能使用，"
                 "请只把它告诉可信的人，并只在可信的内网中使用。")
        echo(f"xindegen 已启动：{run.url}")
        echo("在浏览器中打开上面的地址即可使用；关闭这个窗口或按 Ctrl-C 停止服务（上传的文件和生成的文稿随之删除）。")
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(run.url,), daemon=True).start()
        try:
            _stop_on_sigterm()
            while True:
                time.sleep(0.5)
        except KeyboardInterrupt:
            echo("正在停止……")


def _stop_on_sigterm() -> None:
    """``kill`` stops the server like Ctrl-C does, so the run directory is removed too."""
    import signal

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)
