"""Where the archive's entities have their pages: an official (by person key), a cluster (by cluster key),
a province (by name). The templates link every name they show through these."""
from __future__ import annotations

from urllib.parse import quote

from extractors.lexicon import name_key


def official_url(name: str | None) -> str | None:
    """The page of the official named ``name`` (any spelling), or None without a name."""
    key = name_key(name) if isinstance(name, str) else ""
    return f"/official/{quote(key, safe='')}" if key else None


def cluster_url(key: str | None) -> str | None:
    """The page of the cluster with the cluster key ``key``, or None without one."""
    return f"/cluster/{quote(key, safe='')}" if isinstance(key, str) and key else None


def province_url(name: str | None) -> str | None:
    """The page of the province ``name``, or None without one."""
    return f"/province/{quote(name.strip(), safe='')}" if isinstance(name, str) and name.strip() else None


#: The template globals this module gives.
GLOBALS = {"official_url": official_url, "cluster_url": cluster_url, "province_url": province_url}
