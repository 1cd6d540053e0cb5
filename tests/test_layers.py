"""The layers of DESIGN.md, kept by a test: domain/exchange without Qt, SQL only in store/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "planner_desktop"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def modules_in(*folders: str) -> list[Path]:
    return [p for f in folders for p in (PACKAGE / f).rglob("*.py")]


@pytest.mark.parametrize("path", modules_in("domain", "exchange", "store"), ids=str)
def test_no_qt_in_domain_exchange_and_store(path):
    assert not {m for m in imported_modules(path) if m.startswith("PySide6")}


@pytest.mark.parametrize("path", modules_in("domain"), ids=str)
def test_domain_has_no_storage_or_files_layers(path):
    forbidden = ("sqlite3", "sqlite_utils", "planner_desktop.store", "planner_desktop.exchange",
                 "planner_desktop.gui")
    assert not {m for m in imported_modules(path) if m.startswith(forbidden)}


def test_sql_drivers_are_imported_only_in_store():
    offenders = [
        str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
        if "store" not in p.parts
        and {m for m in imported_modules(p) if m in ("sqlite3", "sqlite_utils")}
    ]
    assert offenders == []


@pytest.mark.parametrize("path", modules_in("gui"), ids=str)
def test_widgets_do_not_write_sql(path):
    text = path.read_text("utf-8")
    for keyword in ("SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", ".execute("):
        assert keyword not in text, f"{path.name} contains {keyword!r}"
