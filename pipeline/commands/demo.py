"""Run the whole pipeline offline on the bundled sample site.

Serves corpus/site (sample articles in three page layouts, with robots.txt, a
sitemap and a feed) on 127.0.0.1, crawls it with the real crawler, extracts
every article, writes the Parquet tables and the search archive to the data
folder, stops the server and prints a summary with queries to try next."""
from __future__ import annotations

import argparse
import os
import shlex
import shutil
import sys
from pathlib import Path

HELP = "crawl the bundled sample site on 127.0.0.1 end to end, then summarise"
DEMO_PORT = 8731

SUMMARY_SQL = """
SELECT
  (SELECT count(*) FROM articles) AS articles,
  (SELECT count(*) FROM articles WHERE meeting_type IS NOT NULL) AS meetings,
  (SELECT count(DISTINCT person_key) FROM officials) AS officials,
  (SELECT count(*) FROM figures) AS figures
"""
MEETINGS_SQL = """
SELECT meeting_date, province, cluster_name, meeting_type, meeting_location
FROM articles WHERE meeting_type IS NOT NULL ORDER BY meeting_date
"""
EXAMPLES = [
    '{prog} query --data {data} "SELECT province, count(*) AS meetings FROM articles '
    'WHERE cluster_number IS NOT NULL GROUP BY 1 ORDER BY 2 DESC"',
    '{prog} query --data {data} "SELECT name, title, organization FROM officials WHERE cluster_role = \'cụm trưởng\'"',
    '{prog} search --data {data} "cum thi dua so 2 can tho"',
    '{prog} serve --data {data}    # then open http://127.0.0.1:8000/',
]


def register(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``demo``."""
    parser.add_argument("--data", type=Path, default=Path("outputs"), help="data folder (default: outputs)")
    parser.add_argument("--port", type=int, default=DEMO_PORT,
                        help=f"port of the sample site on 127.0.0.1 (default: {DEMO_PORT}); keep it the same from "
                        "run to run, since the site's URLs identify its articles")


def run(args: argparse.Namespace) -> int:
    """Serve, crawl, store and summarise; returns the exit code."""
    from pipeline.bundled import corpus_dir
    from pipeline.views import connect
    from pipeline.sample_site import SampleSite
    from pipeline.crawling import crawl
    from scrapers.crawl_report import format_report
    from scrapers.sites import generic_site

    sample_site = corpus_dir() / "site"
    try:
        site = SampleSite(sample_site, args.port)
    except OSError as exc:
        print(f"unionnews demo: cannot serve the sample site on 127.0.0.1:{args.port}: {exc.strerror}; "
              "choose another port with --port", file=sys.stderr)
        return 2
    with site:
        print(f"Serving the sample site ({sample_site.name}/) at {site.base_url}", flush=True)
        reports = crawl([generic_site(f"{site.base_url}/")], args.data, delay=0.0,
                              progress=sys.stderr.isatty())
    print("Sample site stopped.\n")
    print(format_report(reports))
    with connect(args.data) as con:
        articles, meetings, officials, figures = con.sql(SUMMARY_SQL).fetchall()[0]
        print(f"\n{articles} articles, {meetings} meetings, {officials} officials, {figures} figures "
              f"in {args.data}/ (Parquet tables and search archive).\n")
        print(con.sql(MEETINGS_SQL))
    print("Try next:")
    for example in EXAMPLES:
        print("  " + example.format(prog=program(), data=shlex.quote(str(args.data))))
    return 0 if articles else 2


def program() -> str:
    """How to call unionnews again from this shell, as it was called now: what ``./dev`` says it is
    (``UNIONNEWS_PROG``), else ``unionnews`` when that is the script on PATH, else the script's path
    (or ``python -m pipeline``)."""
    if os.environ.get("UNIONNEWS_PROG"):
        return os.environ["UNIONNEWS_PROG"]
    script = Path(sys.argv[0])
    if script.name == "__main__.py":
        return f"{shlex.quote(sys.executable)} -m pipeline"
    on_path = shutil.which("unionnews")
    if on_path and Path(on_path).resolve() == script.resolve():
        return "unionnews"
    return shlex.quote(str(script))
