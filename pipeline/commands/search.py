"""unionnews search (not built yet)."""
from __future__ import annotations

import argparse

HELP = "search (not built yet)"


def register(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``search``."""


def run(args: argparse.Namespace) -> int:
    """Run ``search``."""
    raise SystemExit("unionnews search: not built yet")
