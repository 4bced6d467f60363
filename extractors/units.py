"""The cluster's member units, from the enumerations the article gives, and the number of members it states.

An enumeration is a trigger (``gồm``, ``bao gồm``, a colon after a counted member
noun, a bracket after one), a head phrase that the items share (``LĐLĐ các
huyện``, ``10 công đoàn phường, xã``, ``5 Công ty cao su``) and items split at
commas, semicolons and a last ``và``; each item is read by the organisation
grammar of :mod:`extractors.orgs`. Units named only by their cluster role
(``LĐLĐ quận X làm Trưởng khối``) are members too. The stated count is read in any
of the genre's wordings (``gồm 6 tỉnh``, ``7 đơn vị thuộc Cụm``, ``LĐLĐ 9 huyện (Cụm 1)``,
``Khối thi đua ... có 17 đơn vị``). The words are data (``data/unit_lists.tsv``).
"""
from __future__ import annotations

from extractors.orgs import Unit
from extractors.spans import Span
from extractors.unit_counts import cluster_count, stated_count
from extractors.unit_levels import written_levels
from extractors.unit_lists import enumerations, read_items
from extractors.unit_roles import host_units, merge, role_units
from extractors.unit_words import MIN_ITEMS


def member_units(text: str, province: str | None, clusters: list[dict]) -> tuple[list[dict], tuple[int, Span] | None,
                                                                                 list[Unit]]:
    """The member units of the text's enumerations and role mentions, the stated member count with its span,
    and the units named by a cluster role (leader first).

    ``clusters`` are the mentions of the article's cluster (``span``, optional ``count``), which the count
    statements are tied to.
    """
    units: list[Unit] = []
    counts: list[tuple[int, Span]] = []
    for found in enumerations(text):
        items = read_items(text, found, province)
        if len(items) >= MIN_ITEMS:
            units += items
            if found.count:
                counts.append(found.count)
    roles = role_units(text, province, units)
    hosts = [] if units else host_units(text, province, clusters, units)
    merged = merge(written_levels(text, units + roles + hosts))
    count = cluster_count(clusters) or (counts[0] if counts else None) or stated_count(text, clusters, len(merged))
    return [u.record() for u in merged], count, roles
