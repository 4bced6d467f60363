"""Orchestration and command line of unionnews."""
