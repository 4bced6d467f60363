"""The names stored data goes by, in a module that imports nothing heavy (so ``search``, ``query`` and
``serve`` start fast): the tables, the folders of the stored table and of staged parts, the partition placeholder and the
article id that keys every row and every archive document."""
from __future__ import annotations

import hashlib
from typing import Any

#: The analyst tables: views of the one stored table, :data:`RECORDS_DIR`.
TABLE_NAMES = ["officials", "member_units", "figures", "documents", "articles"]

#: The folder of the stored ``records`` Delta table in a data folder (and the name of its view).
RECORDS_DIR = "records"

#: The folder where a job's tasks stage their part files until the job commits them.
STAGING_DIR = ".staging"

#: The partition folder name for a record without province or year.
UNKNOWN = "unknown"


def article_id(record: dict[str, Any]) -> str:
    """The stable id of an article: the first 16 hex digits of the sha1 of its url, else of its source."""
    key = record.get("url") or record["source"]
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
