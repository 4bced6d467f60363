"""Worker processes that end when the process that started them is gone, however it went (``kill -9``
included): a worker left behind would hold its memory and, for a server, its port, for ever."""
from __future__ import annotations

import os
import threading
import time

#: How often a worker looks whether its parent is still there.
POLL_SECONDS = 0.5


def exit_with_parent(parent: int) -> None:
    """End this process as soon as ``parent`` (the pid that started it) is no longer its parent.

    Meant as a process pool's ``initializer`` (with ``initargs=(os.getpid(),)``) or to be called first
    in a forked child. A daemon thread looks every :data:`POLL_SECONDS`; a parent that died before
    the call ends the process at once."""
    if os.getppid() != parent:
        os._exit(0)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(POLL_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
