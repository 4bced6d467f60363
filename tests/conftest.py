"""Rules for the test run: what a test may need that a checkout can lack.

A test marked ``needs(PATH, ..., why="...")`` reads those files or folders (``../shared``, the
browser). When one is missing the test is skipped with a one-line reason naming it, except under
``CI=true``, where everything must be there and a missing one fails the test.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "needs(*paths, why=''): the test reads these paths, which a checkout may lack")


def missing_needs(item: pytest.Item) -> str | None:
    """Why the item cannot run here (the paths it needs that are missing), or None."""
    for mark in item.iter_markers("needs"):
        missing = [str(path) for path in mark.args if not Path(path).exists()]
        if missing:
            why = mark.kwargs.get("why")
            return f"needs {', '.join(missing)}" + (f" ({why})" if why else "") + ": not found"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Outside CI, mark the tests whose needs are missing as skipped, with the reason."""
    if os.environ.get("CI") == "true":
        return
    for item in items:
        if reason := missing_needs(item):
            item.add_marker(pytest.mark.skip(reason=reason))


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Under CI=true, fail a test whose needs are missing (before its fixtures are set up)."""
    if os.environ.get("CI") == "true" and (reason := missing_needs(item)):
        pytest.fail(f"{reason}, and CI=true requires it", pytrace=False)
