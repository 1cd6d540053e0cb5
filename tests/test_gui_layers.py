"""The GUI reaches the ledger only through ops/: no gui module imports planner_desktop.store,
not even inside a function (where an import hides from a quick look)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GUI = Path(__file__).resolve().parent.parent / "planner_desktop" / "gui"


def imported_names(path: Path, package: str = "planner_desktop.gui") -> set[str]:
    """Every module ``path`` (a module of ``package``) imports, at the top or inside
    functions, relative imports resolved."""
    if path.parent != GUI and GUI in path.parents:
        package = ".".join(("planner_desktop", "gui", *path.parent.relative_to(GUI).parts))
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def store_imports(path: Path) -> set[str]:
    return {n for n in imported_names(path)
            if n == "planner_desktop.store" or n.startswith("planner_desktop.store.")}


GUI_MODULES = sorted(p for p in GUI.rglob("*.py") if "forms" not in p.parts)


@pytest.mark.parametrize("path", GUI_MODULES, ids=lambda p: str(p.relative_to(GUI)))
def test_gui_module_imports_no_store(path):
    assert not store_imports(path), f"{path.name} imports {sorted(store_imports(path))}: go through ops/"


def test_the_check_sees_imports_inside_functions_and_relative_ones(tmp_path):
    module = tmp_path / "made_up_gui_module.py"  # as if in planner_desktop/gui/
    module.write_text("def later():\n    from planner_desktop.store.units import list_units\n"
                      "from ..store import editing\nfrom ..ops import units\n", encoding="utf-8")
    assert store_imports(module) == {"planner_desktop.store.units", "planner_desktop.store.units.list_units",
                                     "planner_desktop.store", "planner_desktop.store.editing"}
