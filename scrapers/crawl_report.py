"""The crawl run's report: what each site's run did, as counters and as a text table."""
from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass
class SiteReport:
    """What one run did on one site: URLs discovered, pages fetched, not modified (304), unchanged,
    failed; URLs robots.txt disallowed, redirects out of the site's scope, trap links not followed;
    URLs deferred to a later run (page cap, backoff); records new and updated."""

    discovered: int = 0
    fetched: int = 0
    not_modified: int = 0
    unchanged: int = 0
    failed: int = 0
    disallowed: int = 0
    out_of_scope: int = 0
    trapped: int = 0
    deferred: int = 0
    new_records: int = 0
    updated_records: int = 0


def format_report(reports: dict[str, SiteReport]) -> str:
    """The run report as a text table, one row per site."""
    names = [f.name for f in fields(SiteReport)]
    headers = ["site", *(name.replace("_", " ") for name in names)]
    rows = [[site, *(str(getattr(report, name)) for name in names)] for site, report in reports.items()]
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
             for row in [headers, *rows]]
    return "\n".join(lines)
