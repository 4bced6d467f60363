"""The sample corpus shipped with unionnews: ``corpus/`` at the top of a checkout, package data once
installed, found through :mod:`importlib.resources` so the demo and the benchmarks run from any folder."""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def corpus_dir() -> Path:
    """The folder of the sample corpus (``articles/``, ``site/``, ``gold/``)."""
    return Path(str(files("corpus")))
