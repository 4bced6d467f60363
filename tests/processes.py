"""Child processes seen through /proc (Linux): who a process started, and whether a process has ended."""
from __future__ import annotations

import time
from pathlib import Path


def children(pid: int, count: int, seconds: float = 10.0) -> list[int]:
    """The child processes of ``pid``, once there are ``count`` of them (or after ``seconds``)."""
    deadline = time.monotonic() + seconds
    while True:
        found = [int(child) for task in Path(f"/proc/{pid}/task").iterdir()
                 for child in (task / "children").read_text().split()]
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def gone(pid: int, seconds: float = 10.0) -> bool:
    """Whether process ``pid`` has ended (or is a zombie) within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z"):
                return True
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False
