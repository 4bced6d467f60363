"""unionnews demo (not built yet)."""
from __future__ import annotations

import argparse

HELP = "demo (not built yet)"


def register(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``demo``."""


def run(args: argparse.Namespace) -> int:
    """Run ``demo``."""
    raise SystemExit("unionnews demo: not built yet")
