"""One line for a failure of the data folder's storage, or of the workers, instead of a traceback.

A read-only folder, a full disk, a damaged table or archive, a worker process that died: the job
stops before its commit (or its commit fails whole), so what was stored before is left as it was, and
the line says so and what to do.
"""
from __future__ import annotations

import errno
import re
from pathlib import Path

#: What an OS error number means for the data folder.
REASONS = {
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "no space left on the disk",
    errno.EDQUOT: "disk quota exceeded",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
}
#: How the Rust side (``deltalake``) words the same errors: ``... (os error 28)``.
OS_ERROR = re.compile(r"\(os error (\d+)\)")
KEPT = "nothing stored before was changed"


def storage_error(exc: BaseException, data_dir: Path) -> str | None:
    """The one-line message for ``exc`` when it is a storage or worker failure; ``None`` otherwise."""
    from concurrent.futures.process import BrokenProcessPool

    from pipeline.archive import ArchiveError

    if isinstance(exc, ArchiveError):
        return str(exc)
    if isinstance(exc, BrokenProcessPool):
        return f"a worker process died (out of memory?); {KEPT}: run the ingest again to go on where it stopped"
    number = exc.errno if isinstance(exc, OSError) and exc.errno else None
    if number is None and _is_delta_error(exc):
        found = OS_ERROR.search(str(exc))
        number = int(found.group(1)) if found else None
        if number is None:
            return f"the table in {data_dir} cannot be read or written ({_first_line(exc)}); {KEPT}"
    if number is None:
        return None
    reason = REASONS.get(number) or (exc.strerror if isinstance(exc, OSError) and exc.strerror else _first_line(exc))
    return f"cannot write to {data_dir}: {reason}; {KEPT}"


def _is_delta_error(exc: BaseException) -> bool:
    """Whether ``exc`` comes from ``deltalake`` (imported only if it is loaded already)."""
    import sys

    exceptions = sys.modules.get("deltalake.exceptions")
    return exceptions is not None and isinstance(exc, exceptions.DeltaError)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__
