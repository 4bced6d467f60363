"""The archive's HTTP server: the Starlette app of :mod:`pipeline.web.app` on uvicorn.

uvicorn holds the connections on one event loop (no thread per client), with a listen backlog of
:data:`BACKLOG`; a client that sends nothing for :data:`IDLE_SECONDS` — before its first request,
between two requests, or in the middle of its request's headers — is disconnected. uvicorn's own
answer to a request it cannot parse (400) carries the same security headers as every page, and the
access log is off: a failure is logged by the app as one line. Answers are kept in memory until the
archive changes (:mod:`pipeline.web.cache`).
"""
from __future__ import annotations

import asyncio
import logging
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from pipeline.web.app import SECURITY_HEADERS, make_app
from pipeline.web.cache import ResponseCache
from pipeline.web.workers import run_forked

BACKLOG = 2048
IDLE_SECONDS = 5.0
#: Connections served at once; more get a 503 rather than a queue without end.
MAX_CONNECTIONS = 1000
#: At most this many bytes of request line and headers (uvicorn's h11 default is 16 KiB).
MAX_HEADER_BYTES = 16 * 1024


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with an idle deadline from the moment a connection opens, which data
    trickling in does not push back (only a whole request does), and security headers on its 400."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        _no_delay(transport)
        self._arm_idle_timer()

    def data_received(self, data: bytes) -> None:
        self.conn.receive_data(data)
        self.handle_events()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self.timeout_keep_alive_task is None and not self.transport.is_closing():
            self._arm_idle_timer()

    def _arm_idle_timer(self) -> None:
        self._unset_keepalive_if_required()
        self.timeout_keep_alive_task = self.loop.call_later(self.timeout_keep_alive, self.timeout_keep_alive_handler)

    def timeout_keep_alive_handler(self) -> None:
        """Close a connection that has not sent a whole request in time."""
        if not self.transport.is_closing():
            self.transport.close()

    def send_400_response(self, msg: str) -> None:
        headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"connection", b"close")]
        headers += [(name.lower().encode(), value.encode()) for name, value in SECURITY_HEADERS.items()]
        body = "Yêu cầu HTTP không hợp lệ.".encode()
        try:
            for event in (h11.Response(status_code=400, headers=headers, reason=b"Bad Request"),
                          h11.Data(data=body), h11.EndOfMessage()):
                self.transport.write(self.conn.send(event))
        except h11.LocalProtocolError:  # a response had already begun: just hang up
            pass
        self.transport.close()


def _no_delay(transport: asyncio.Transport) -> None:
    """Send each write at once (TCP_NODELAY). asyncio sets it only on sockets made with ``IPPROTO_TCP``, not on
    those accepted from a socket made as :func:`bind` makes it; without it, an answer written in two pieces
    (headers, body) waits for the client's delayed acknowledgement: 40 ms a request on Linux."""
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def server_config(data_dir: Path, host: str = "127.0.0.1", port: int = 8000) -> uvicorn.Config:
    """The uvicorn configuration serving the archive of ``data_dir`` on ``host:port``."""
    return uvicorn.Config(
        ResponseCache(make_app(Path(data_dir)), Path(data_dir)), host=host, port=port, http=GuardedH11Protocol,
        backlog=BACKLOG, timeout_keep_alive=IDLE_SECONDS, limit_concurrency=MAX_CONNECTIONS, access_log=False,
        server_header=False, lifespan="off", log_level="warning", ws="none",
        h11_max_incomplete_event_size=MAX_HEADER_BYTES, log_config=None,
    )


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: a free one); OSError when that is not possible."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(BACKLOG)
    except OSError:
        sock.close()
        raise
    return sock


def serve(data_dir: Path, sock: socket.socket, workers: int = 1) -> None:
    """Serve the archive of ``data_dir`` on the listening socket ``sock`` until interrupted, from ``workers``
    processes (each with its own event loop and answer cache) sharing the socket."""
    host, port = sock.getsockname()[:2]
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    if workers <= 1:
        uvicorn.Server(server_config(data_dir, host, port)).run(sockets=[sock])
        return
    run_forked(lambda: uvicorn.Server(server_config(data_dir, host, port)).run(sockets=[sock]), workers)


@contextmanager
def serving(data_dir: Path, host: str = "127.0.0.1") -> Iterator[str]:
    """The server over ``data_dir`` on a free port of ``host``, in a thread, for as long as the block runs:
    its base URL."""
    sock = bind(host, 0)
    server = uvicorn.Server(server_config(data_dir, host, sock.getsockname()[1]))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        while not server.started and thread.is_alive():
            threading.Event().wait(0.01)
        yield f"http://{host}:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join()
        sock.close()
