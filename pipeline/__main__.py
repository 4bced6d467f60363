"""``python -m pipeline`` runs the ``unionnews`` command line."""
import sys

from pipeline.cli import main

if __name__ == "__main__":  # not when a worker process started with "spawn" imports this module
    sys.exit(main())
