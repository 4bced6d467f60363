"""Where a data folder's ``records`` Delta table lives and opening it (``deltalake`` imported only here,
and only when called, so the commands that do not read the table start without it)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.names import RECORDS_DIR

if TYPE_CHECKING:
    from deltalake import DeltaTable


def table_uri(data_dir: Path) -> str:
    """Where the ``records`` Delta table of ``data_dir`` lives."""
    return str(Path(data_dir).absolute() / RECORDS_DIR)


def open_table(data_dir: Path) -> DeltaTable | None:
    """The ``records`` table of ``data_dir`` at its latest commit; ``None`` when there is none yet."""
    from deltalake import DeltaTable

    uri = table_uri(data_dir)
    return DeltaTable(uri) if DeltaTable.is_deltatable(uri) else None
