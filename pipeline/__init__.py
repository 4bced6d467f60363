"""Orchestration and command line of unionnews."""
from pipeline.views import load

__all__ = ["load"]
