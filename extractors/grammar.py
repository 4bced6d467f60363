"""The lexicons of the genre's grammar, read from the data files in ``extractors/data/``.

Each file is tab-separated, ``#`` starts a comment line, and a row's last column
holds written forms separated by ``|``. This module only reads them and builds
lookups and regex alternations (longest form first); the extractors hold the logic.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``data/<name>``: tuples of its tab-separated columns, comments and blank lines left out."""
    found = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            found.append(tuple(line.split("\t")))
    return tuple(found)


@lru_cache(maxsize=None)
def words(name: str, role: str) -> tuple[str, ...]:
    """The words of one role of a ``role<TAB>w1|w2|...`` file, longest first."""
    found = [w for row in rows(name) if row[0] == role for w in row[1].split("|") if w]
    return tuple(sorted(set(found), key=len, reverse=True))


def alternation(forms: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of written forms, longest first, whitespace inside a form matching any spaces."""
    ordered = sorted(set(forms), key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in ordered)


@lru_cache(maxsize=None)
def org_heads() -> dict[str, tuple[str, str]]:
    """Written head of an organisation name → (class, canonical head): ``CĐCS`` → ``("union", "Công đoàn cơ sở")``."""
    heads: dict[str, tuple[str, str]] = {}
    for kind, canonical, *others in rows("org_heads.tsv"):
        for form in [canonical, *(others[0].split("|") if others and others[0] else [])]:
            heads.setdefault(form, (kind, canonical))
    return heads


@lru_cache(maxsize=None)
def sectors() -> dict[str, str]:
    """Written sector name → canonical sector (``GTVT`` → ``Giao thông vận tải``)."""
    found: dict[str, str] = {}
    for canonical, *others in rows("sectors.tsv"):
        for form in [canonical, *(others[0].split("|") if others and others[0] else [])]:
            found.setdefault(form, canonical)
    return found


@lru_cache(maxsize=None)
def cluster_roles() -> dict[str, str]:
    """Written cluster role → ``cụm trưởng`` or ``cụm phó``."""
    return {form: role for role, forms in rows("cluster_roles.tsv") for form in forms.split("|")}
