"""The code's one-way layout: scrapers → extractors → pipeline, no import cycle, small modules."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("scrapers", "extractors", "pipeline")
#: Which project packages a package may import from.
ALLOWED = {"extractors": {"extractors"}, "scrapers": {"scrapers"}, "pipeline": set(PACKAGES)}
MAX_LINES = 350


def modules() -> dict[str, Path]:
    """Dotted module name → file, for every module of the three packages."""
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(path: Path, known: dict[str, Path]) -> set[str]:
    """The project modules a file imports, at any depth of the file (lazy imports count)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names |= {f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in known else node.module
                      for alias in node.names}
    return {name for name in names if name in known}


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(path, known) for name, path in known.items()}


def test_no_module_imports_upstream(graph: dict[str, set[str]]) -> None:
    upstream = [(module, target) for module, targets in graph.items() for target in targets
                if target.split(".")[0] not in ALLOWED[module.split(".")[0]]]
    assert upstream == []


def test_no_import_cycle(graph: dict[str, set[str]]) -> None:
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            raise AssertionError(" → ".join(path[path.index(module):] + [module]))
        if module in done:
            return
        for target in sorted(graph[module]):
            visit(target, [*path, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


def test_the_layout_check_sees_imports(graph: dict[str, set[str]]) -> None:
    assert "extractors.nlp" in graph["extractors"]
    assert {"pipeline.search_sync", "pipeline.tables"} <= graph["pipeline.store"]
    assert "pipeline.archive.index" in graph["pipeline.archive.query"]


@pytest.mark.parametrize("path", sorted(modules().values()), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_modules_stay_small(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES
