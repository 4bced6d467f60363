"""``python -m pipeline`` runs the ``unionnews`` command line."""
import sys

from pipeline.cli import main

sys.exit(main())
