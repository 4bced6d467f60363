"""unionnews ingest (not built yet)."""
from __future__ import annotations

import argparse

HELP = "ingest (not built yet)"


def register(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``ingest``."""


def run(args: argparse.Namespace) -> int:
    """Run ``ingest``."""
    raise SystemExit("unionnews ingest: not built yet")
