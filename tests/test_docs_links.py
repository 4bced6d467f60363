"""Every relative link in the README and the docs leads to a file of the repository."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from data_sources import ROOT

DOCS = [ROOT / "README.md", ROOT / "corpus" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def relative_links(path: Path) -> list[str]:
    """The link targets of a Markdown file that are not web addresses or anchors within it."""
    return [target for target in LINK.findall(path.read_text(encoding="utf-8"))
            if not re.match(r"[a-z]+:|#", target)]


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_resolve_inside_the_repository(doc: Path) -> None:
    broken = []
    for target in relative_links(doc):
        resolved = (doc.parent / target.split("#")[0]).resolve()
        if not resolved.exists() or ROOT not in [resolved, *resolved.parents]:
            broken.append(target)
    assert broken == []


def test_the_check_sees_the_links() -> None:
    assert {"docs/record.md", "docs/tables.md", "scrapers/sites.toml"} <= set(relative_links(ROOT / "README.md"))
