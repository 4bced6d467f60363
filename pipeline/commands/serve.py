"""unionnews serve (not built yet)."""
from __future__ import annotations

import argparse

HELP = "serve (not built yet)"


def register(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``serve``."""


def run(args: argparse.Namespace) -> int:
    """Run ``serve``."""
    raise SystemExit("unionnews serve: not built yet")
