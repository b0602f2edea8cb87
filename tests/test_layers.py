"""The packages import each other in one direction only, and no module imports itself back.

    catalogue  ←  crawlers, search  ←  operations  ←  web  ←  lll
                  samples (the sample sites: imports none of ours) ← operations

Read from the source with `ast`: every import counts, the ones inside functions included.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("catalogue", "crawlers", "search", "samples", "operations", "web", "lll")
# What each package may import besides itself.
ALLOWED = {
    "catalogue": set(),
    "crawlers": {"catalogue"},
    "search": {"catalogue"},
    "samples": set(),
    "operations": {"catalogue", "crawlers", "search", "samples"},
    "web": {"catalogue", "crawlers", "search", "operations"},
    "lll": {"catalogue", "crawlers", "search", "samples", "operations", "web"},
}


def modules() -> dict[str, Path]:
    """Every module of the project's packages by dotted name (migrations' scripts aside)."""
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def imported(name: str, path: Path, known: dict[str, Path]) -> Iterator[str]:
    """The project modules `name` imports: `from a.b import c` counts as a.b.c when that is a
    module, else as a.b."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], base]
                ).strip(".")
            targets = [f"{base}.{alias.name}" for alias in node.names]
            targets = [t if t in known else base for t in targets]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                yield target


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: set(imported(name, path, known)) for name, path in known.items()}


def test_each_package_imports_only_the_packages_below_it():
    wrong = []
    for name, targets in graph().items():
        package = name.split(".")[0]
        for target in sorted(targets):
            other = target.split(".")[0]
            if other != package and other not in ALLOWED[package]:
                wrong.append(f"{name} imports {target}")
    assert wrong == []


def test_no_module_imports_itself_back_through_others():
    edges = graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(edges[name]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(edges):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_the_check_sees_the_imports_it_judges():
    edges = graph()
    assert "catalogue.models" in edges["catalogue.store"]
    assert "crawlers.run" in edges["operations.crawling"]  # a module-level import
    assert "operations.crawling" in edges["lll.cli"]  # imported inside a function
    assert {name.split(".")[0] for name in edges} == set(PACKAGES)
