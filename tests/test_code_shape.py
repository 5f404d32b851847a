"""The plugins' shape, as a new maintainer relies on it: no import cycle between them, and
no print() outside command-line entry points (problems go through Pelican's logger)."""

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit
PLUGINS = Path(__file__).resolve().parent.parent / "plugins"


def modules():
    for path in sorted(PLUGINS.rglob("*.py")):
        if "tests" not in path.relative_to(PLUGINS).parts:
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def test_no_import_cycle_between_plugin_packages():
    packages = {p.name for p in PLUGINS.iterdir() if (p / "__init__.py").exists()}
    edges = {name: set() for name in packages}
    for path, tree in modules():
        here = path.relative_to(PLUGINS).parts[0]
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            for name in names:
                top = name.split(".")[0]
                if top in packages and top != here:
                    edges[here].add(top)

    def visit(name, trail):
        assert name not in trail, " -> ".join([*trail, name])
        for other in edges[name]:
            visit(other, [*trail, name])

    for name in packages:
        visit(name, [])
    assert edges["practice_model"] and "practice_model" not in edges["content_contract"]


def test_no_print_outside_command_line_entry_points():
    found = [f"{path.relative_to(PLUGINS)}:{node.lineno}" for path, tree in modules() if path.name != "__main__.py"
             for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print"]
    assert found == []
