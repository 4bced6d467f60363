"""The ``unionnews`` command line.

Exit codes: 0 success; 1 the job ran but some inputs failed (each failure was
reported on stderr as one line); 2 usage error or nothing could be processed.
"""
from __future__ import annotations

import argparse
import importlib
import sys

#: Subcommands, in the order ``--help`` lists them; each is a module in
#: ``pipeline.commands`` with ``HELP``, ``register(parser)`` and ``run(args) -> int``.
COMMANDS = ["extract", "crawl", "ingest", "query", "search", "serve", "bench", "demo"]

EXIT_CODES = """exit codes:
  0  success
  1  the job ran, but some inputs failed (one line each on stderr)
  2  usage error, or nothing could be processed"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="unionnews",
        description="Crawl Vietnamese trade-union news, extract emulation-cluster meetings, "
        "write Parquet tables and a searchable meeting archive.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f"pipeline.commands.{name}")
        cmd = sub.add_parser(
            name,
            help=module.HELP,
            description=module.__doc__,
            epilog=EXIT_CODES,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.register(cmd)
        cmd.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen subcommand; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("unionnews: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
