"""unionnews bench (not built yet)."""
from __future__ import annotations

import argparse

HELP = "bench (not built yet)"


def register(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``bench``."""


def run(args: argparse.Namespace) -> int:
    """Run ``bench``."""
    raise SystemExit("unionnews bench: not built yet")
