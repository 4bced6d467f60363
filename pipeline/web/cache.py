"""A cache of whole answers in front of the web app: every page is computed from the archive alone, so the
same request gives the same answer until the archive changes (a tantivy commit rewrites its
``meta.json``). Answers of 200 up to :data:`MAX_BODY` bytes are kept, least recently used dropped first;
the exports (streamed, any size) are never kept. The key is the method, path, query string and
``Accept`` header (a page answers HTML or JSON by it)."""
from __future__ import annotations

import os
from collections import OrderedDict
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pipeline.archive import ARCHIVE_DIR

MAX_ENTRIES = 2048
MAX_BODY = 1_000_000
MAX_BYTES = 64_000_000
#: Paths never kept.
UNCACHED = ("/export",)

Key = tuple[str, str, bytes, bytes]
Answer = tuple[Message, bytes]


class ResponseCache:
    """Pure ASGI middleware: answers replayed from memory while the archive of ``data_dir`` is unchanged."""

    def __init__(self, app: ASGIApp, data_dir: Path) -> None:
        self.app = app
        self.meta = Path(data_dir) / ARCHIVE_DIR / "meta.json"
        self.stamp: tuple[int, int, int] | None = None
        self.answers: OrderedDict[Key, Answer] = OrderedDict()
        self.size = 0

    def archive_stamp(self) -> tuple[int, int, int] | None:
        """What identifies the archive's current commit (None without an archive)."""
        try:
            stat = os.stat(self.meta)
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size, stat.st_ino

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or scope["path"].startswith(UNCACHED):
            await self.app(scope, receive, send)
            return
        stamp = self.archive_stamp()
        if stamp is None:  # no archive yet: nothing to keep
            await self.app(scope, receive, send)
            return
        if stamp != self.stamp:
            self.answers.clear()
            self.size, self.stamp = 0, stamp
        accept = dict(scope.get("headers") or []).get(b"accept", b"")
        key = (scope["method"], scope["path"], scope.get("query_string", b""), accept)
        answer = self.answers.get(key)
        if answer is not None:
            self.answers.move_to_end(key)
            await send(answer[0])
            await send({"type": "http.response.body", "body": answer[1]})
            return
        start: Message | None = None
        chunks: list[bytes] = []

        async def keeping_send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start and start["status"] == 200 and stamp == self.stamp:
                    self.keep(key, (start, b"".join(chunks)))
            await send(message)

        await self.app(scope, receive, keeping_send)

    def keep(self, key: Key, answer: Answer) -> None:
        """Remember ``answer``, dropping the least recently used answers beyond the limits."""
        body = answer[1]
        if len(body) > MAX_BODY:
            return
        if key in self.answers:
            self.size -= len(self.answers.pop(key)[1])
        self.answers[key] = answer
        self.size += len(body)
        while len(self.answers) > MAX_ENTRIES or self.size > MAX_BYTES:
            _, (_, dropped) = self.answers.popitem(last=False)
            self.size -= len(dropped)
