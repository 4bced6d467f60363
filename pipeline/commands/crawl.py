"""unionnews crawl (not built yet)."""
from __future__ import annotations

import argparse

HELP = "crawl (not built yet)"


def register(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``crawl``."""


def run(args: argparse.Namespace) -> int:
    """Run ``crawl``."""
    raise SystemExit("unionnews crawl: not built yet")
