"""Several server processes on one listening socket: the parent forks them and waits; each child ends with
its parent (:func:`pipeline.parent_watch.exit_with_parent`), and a SIGINT or SIGTERM to the parent stops them
all."""
from __future__ import annotations

import os
import signal
from collections.abc import Callable

from pipeline.parent_watch import exit_with_parent


def run_forked(serve: Callable[[], None], workers: int) -> None:
    """Run ``serve`` in ``workers`` forked children until they end or the parent is told to stop."""
    parent = os.getpid()
    children = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:
            exit_with_parent(parent)
            code = 1
            try:
                serve()
                code = 0
            finally:
                os._exit(code)
        children.append(pid)
    _supervise(children)


def _supervise(children: list[int]) -> None:
    """Wait for the children; on SIGINT or SIGTERM, or when one of them ends, stop the others."""

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        os.wait()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        for pid in children:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for pid in children:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
