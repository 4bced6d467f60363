"""A wall-clock deadline for whole HTTP exchanges made with ``requests``.

``requests`` (through urllib3) has only per-operation timeouts: a server that sends one byte
a second never lets a socket read time out, so a status line, a header block or a body
trickled that way holds the client for as long as the server likes. :class:`DeadlineAdapter`
makes every read from the socket (status line, headers and body alike) wait at most until the
deadline the calling thread set with :func:`deadline`, and fail with a timeout once it has
passed, so an exchange ends at its limit however the bytes arrive.
"""
from __future__ import annotations

import http.client
import io
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_CURRENT = threading.local()


@contextmanager
def deadline(seconds: float) -> Iterator[float]:
    """Give the reads this thread makes inside the block ``seconds`` of wall-clock time in all;
    yields the deadline (a :func:`time.monotonic` value)."""
    _CURRENT.at = time.monotonic() + seconds
    try:
        yield _CURRENT.at
    finally:
        _CURRENT.at = None


class _DeadlineReader(io.RawIOBase):
    """The raw socket stream of one response; each read waits at most until the thread's deadline."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._stream = sock.makefile("rb", buffering=0)  # holds the socket open like http.client's own file
        self._timeout = sock.gettimeout()  # the per-read timeout urllib3 set for this request

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int | None:  # type: ignore[override]
        at = getattr(_CURRENT, "at", None)
        if at is not None:
            left = at - time.monotonic()
            if left <= 0:
                raise TimeoutError("deadline reached")
            self._sock.settimeout(left if self._timeout is None else min(left, self._timeout))
        return self._stream.readinto(buffer)

    def close(self) -> None:
        self._stream.close()
        super().close()


class _DeadlineResponse(http.client.HTTPResponse):
    """http.client's response, reading through a :class:`_DeadlineReader`."""

    def __init__(self, sock: socket.socket, *args: object, **kwargs: object) -> None:
        super().__init__(sock, *args, **kwargs)
        self.fp.close()
        self.fp = io.BufferedReader(_DeadlineReader(sock))


class _HTTPConnection(HTTPConnection):
    response_class = _DeadlineResponse


class _HTTPSConnection(HTTPSConnection):
    response_class = _DeadlineResponse


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


class DeadlineAdapter(HTTPAdapter):
    """A ``requests`` transport adapter whose responses obey the thread's :func:`deadline`."""

    def init_poolmanager(self, *args: object, **kwargs: object) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}
