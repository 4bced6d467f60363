"""The names stored data goes by, in a module that imports nothing heavy (so ``search``, ``query`` and
``serve`` start fast): the tables, the file each partition holds, the partition placeholder and the
article id that keys every row and every archive document."""
from __future__ import annotations

import hashlib
from typing import Any

#: Table names, children first: a writer that stores the articles table last
#: leaves a crash visible as a changed article, which the next run redoes.
TABLE_NAMES = ["officials", "member_units", "figures", "documents", "articles"]

#: The one Parquet file in each ``province=…/year=…`` partition folder of a table.
DATA_FILE = "data.parquet"

#: The partition folder name for a record without province or year.
UNKNOWN = "unknown"


def article_id(record: dict[str, Any]) -> str:
    """The stable id of an article: the first 16 hex digits of the sha1 of its url, else of its source."""
    key = record.get("url") or record["source"]
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
