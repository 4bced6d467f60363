"""Several server processes on one listening socket: the parent forks them and waits; each child dies with
its parent (Linux's parent-death signal), and a SIGINT or SIGTERM to the parent stops them all."""
from __future__ import annotations

import ctypes
import os
import signal
from collections.abc import Callable

PR_SET_PDEATHSIG = 1


def run_forked(serve: Callable[[], None], workers: int) -> None:
    """Run ``serve`` in ``workers`` forked children until they end or the parent is told to stop."""
    parent = os.getpid()
    children = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:
            _die_with(parent)
            code = 1
            try:
                serve()
                code = 0
            finally:
                os._exit(code)
        children.append(pid)
    _supervise(children)


def _die_with(parent: int) -> None:
    """Have this child sent SIGTERM when its parent dies (Linux), and end now if it already has."""
    prctl = getattr(ctypes.CDLL(None), "prctl", None)
    if prctl is not None:
        prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:
        os._exit(0)


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
