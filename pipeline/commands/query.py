"""unionnews query (not built yet)."""
from __future__ import annotations

import argparse

HELP = "query (not built yet)"


def register(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``query``."""


def run(args: argparse.Namespace) -> int:
    """Run ``query``."""
    raise SystemExit("unionnews query: not built yet")
