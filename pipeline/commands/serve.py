"""Serve the meeting archive as a web page: a search box with filters, the results
with highlighted snippets, and a page per meeting showing the extracted record
beside the article text, each value's evidence highlighted on hover or click.
Stop with Ctrl-C."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

HELP = "serve the meeting archive as a web page"
DEFAULT_WORKERS = max(1, min(2, os.cpu_count() or 1))


def register(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``serve``."""
    parser.add_argument("--data", type=Path, default=Path("outputs"), metavar="DIR", help="data folder (default: outputs)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000; 0 picks a free one)")
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS,
                        help=f"server processes sharing the port (default: {DEFAULT_WORKERS}, one per core up to 2)")


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted; returns the exit code."""
    from pipeline.archive import ARCHIVE_DIR
    from pipeline.web.server import bind, serve

    try:
        sock = bind(args.host, args.port)
    except OSError as exc:
        print(f"unionnews serve: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if host_warning(args.host):
        print(host_warning(args.host), file=sys.stderr)
    if not (args.data / ARCHIVE_DIR).is_dir():
        print(f"unionnews serve: no archive yet in {args.data}: run `unionnews ingest` first", file=sys.stderr)
    host, port = sock.getsockname()[:2]
    print(f"Serving the meeting archive of {args.data} at http://{host}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    try:
        serve(args.data, sock, max(1, args.workers))
    finally:
        sock.close()
    return 0


def host_warning(host: str) -> str | None:
    """A one-line warning when ``host`` is not a loopback address, else None."""
    if host in ("127.0.0.1", "localhost", "::1"):
        return None
    return (f"unionnews serve: warning: listening on {host} lets other machines read the archive; "
            "use --host 127.0.0.1 to keep it on this one")
