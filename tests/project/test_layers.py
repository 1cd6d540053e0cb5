"""The layers of DESIGN.md, kept by a test: no import cycles, imports only downwards, no Qt below
printing/, SQL only in store/.

The import graph is read from the source with ``ast``, imports inside functions included: an
import moved into a function still runs, so it must not hide a cycle or a layer broken.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "planner_desktop"

# Where every module of the package sits. The key is the first part of the module's name
# below ``planner_desktop`` ("" for the package's own ``__init__``, which holds __version__).
LAYER_OF = {
    "": "base", "errors": "base", "i18n": "base", "paths": "base",
    "files": "files",
    "domain": "domain",
    "store": "store", "exchange": "exchange",
    "ops": "ops",
    "printing": "printing",
    "gui": "gui", "cli": "cli",
    "__main__": "main",
}
# What each layer may import besides itself: domain ← store/exchange ← ops ← printing ← gui/cli.
# ``base`` (errors, i18n, paths, the version) is imported by all and imports nothing of ours;
# ``files`` (reading and writing files safely) is shared by store/ and exchange/, siblings that
# may not import each other, and stays out of the pure domain; the GUI reaches the ledger only
# through ops/, never store/ (the CLI may, for the ledger file's own commands); ``main`` only
# picks a front end.
BASE = {"base"}
BELOW_OPS = BASE | {"files", "domain", "store", "exchange"}
MAY_IMPORT: dict[str, set[str]] = {
    "base": set(),
    "files": BASE,
    "domain": BASE,
    "store": BASE | {"files", "domain"},
    "exchange": BASE | {"files", "domain"},
    "ops": BELOW_OPS,
    "printing": BELOW_OPS | {"ops"},
    "gui": BELOW_OPS - {"store"} | {"ops", "printing"},
    "cli": BELOW_OPS | {"ops", "printing"},
    "main": BASE | {"gui", "cli"},
}


# -- reading the import graph ---------------------------------------------------------------

def module_names(package_dir: Path) -> dict[str, Path]:
    """Every module of the package under ``package_dir``, by dotted name."""
    names = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = path.relative_to(package_dir.parent).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


def import_statements(name: str, path: Path) -> Iterable[tuple[str, list[str]]]:
    """``(module, names)`` for each import anywhere in one module, relative ones made absolute:
    ``import x.y`` gives ``("x.y", [])``, ``from x import a, b`` gives ``("x", ["a", "b"])``."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from ((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                package = name.split(".") if is_package else name.split(".")[:-1]
                package = package[:len(package) - node.level + 1]
                module = ".".join([*package, module] if module else package)
            yield module, [alias.name for alias in node.names]


def import_graph(package_dir: Path) -> dict[str, set[str]]:
    """Module → the modules of the same package it imports.

    ``from pkg import mod`` is an import of ``pkg.mod``; ``from pkg.mod import name`` (or of a
    name ``pkg/__init__.py`` defines) one of the module the name is in.
    """
    modules = module_names(package_dir)

    def nearest_module(dotted: str) -> str:
        while dotted and dotted not in modules:
            dotted = dotted.rpartition(".")[0]
        return dotted

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for module, names in import_statements(name, path):
            submodules = {f"{module}.{n}" for n in names} & modules.keys()
            targets |= submodules
            if len(submodules) < len(names) or not names:
                targets.add(nearest_module(module))
        graph[name] = targets - {"", name}
    return graph


def find_cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """One cycle (``[a, b, …, a]``) for each group of modules that import each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(module: str) -> None:  # Tarjan's strongly connected components
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1:
                groups.append(group)

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return [cycle_through(graph, set(group)) for group in groups]


def cycle_through(graph: Mapping[str, set[str]], group: set[str]) -> list[str]:
    """A shortest way round from the group's first module back to it, inside the group."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for module in frontier:
            for target in sorted(graph[module] & group):
                if target == start:
                    return [*paths[module], start]
                if target not in paths:
                    paths[target] = [*paths[module], target]
                    following.append(target)
        frontier = following
    raise AssertionError(f"no cycle through {start}")


def layer_violations(graph: Mapping[str, set[str]], layer_of: Mapping[str, str],
                     may_import: Mapping[str, set[str]], package: str) -> list[str]:
    """Each import that runs against the layers, as ``module (layer) -> module (layer)``."""

    def layer(module: str) -> str:
        top = module.removeprefix(package).lstrip(".").split(".")[0]
        if top not in layer_of:
            raise AssertionError(f"{module} is in no layer: place it in LAYER_OF")
        return layer_of[top]

    return [
        f"{module} ({layer(module)}) -> {target} ({layer(target)})"
        for module, targets in sorted(graph.items()) for target in sorted(targets)
        if layer(target) != layer(module) and layer(target) not in may_import[layer(module)]
    ]


# -- the package ----------------------------------------------------------------------------

GRAPH = import_graph(PACKAGE)


def test_no_module_imports_another_that_imports_it_back():
    assert find_cycles(GRAPH) == []


def test_modules_import_only_the_layers_below_them():
    assert layer_violations(GRAPH, LAYER_OF, MAY_IMPORT, "planner_desktop") == []


def test_the_package_root_holds_only_the_basics():
    root = {p.stem for p in PACKAGE.glob("*.py")}
    assert root == {"__init__", "__main__", "errors", "i18n", "paths"}


def test_the_graph_sees_imports_inside_functions():
    """The checker is not vacuous: the CLI's handlers import the use cases inside themselves."""
    assert "planner_desktop.ops.task_import" in GRAPH["planner_desktop.cli.tasks"]
    assert "planner_desktop.cli.ledger" in GRAPH["planner_desktop.cli.main"]


def test_no_module_is_imported_by_a_name_computed_at_run_time():
    """``importlib.import_module`` and ``__import__`` would hide edges from the graph."""
    offenders = []
    for name, path in module_names(PACKAGE).items():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and (
                    isinstance(node.func, ast.Attribute) and node.func.attr == "import_module"
                    or isinstance(node.func, ast.Name) and node.func.id == "__import__"):
                offenders.append(f"{name}:{node.lineno}")
    assert offenders == []


# -- the checker, on made-up packages ---------------------------------------------------------

def write_package(folder: Path, files: Mapping[str, str]) -> Path:
    package = folder / "fake"
    package.mkdir()
    (package / "__init__.py").write_text("", "utf-8")
    for name, text in files.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text, "utf-8")
    return package


def test_a_cycle_hidden_inside_a_function_is_reported(tmp_path):
    package = write_package(tmp_path, {
        "a.py": "def late():\n    from fake.b import value\n    return value\n",
        "b.py": "from . import a\nvalue = a\n",
    })
    assert find_cycles(import_graph(package)) == [["fake.a", "fake.b", "fake.a"]]


def test_a_longer_cycle_is_reported_with_every_module_on_it(tmp_path):
    package = write_package(tmp_path, {
        "a.py": "import fake.b\n",
        "b.py": "from fake.sub import c\n",
        "sub/__init__.py": "",
        "sub/c.py": "def f():\n    from ..a import x\n",
        "d.py": "import fake.a\n",  # imports into the cycle, but is not on it
    })
    assert find_cycles(import_graph(package)) == [["fake.a", "fake.b", "fake.sub.c", "fake.a"]]


def test_an_import_upwards_is_reported(tmp_path):
    package = write_package(tmp_path, {
        "low.py": "def f():\n    import fake.high\n",
        "high.py": "import fake.low\n",
        "side.py": "import fake.low\n",
    })
    graph = import_graph(package)
    layers = {"low": "low", "high": "high", "side": "high"}
    allowed = {"low": set(), "high": {"low"}}
    assert layer_violations(graph, layers, allowed, "fake") == ["fake.low (low) -> fake.high (high)"]


# -- what a layer may use from outside the package -------------------------------------------

def outside_imports(path: Path) -> set[str]:
    """The modules one file imports, as named (third-party ones included)."""
    name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    return {module for module, _ in import_statements(name, path)}


def modules_in(*folders: str) -> list[Path]:
    return [p for f in folders for p in (PACKAGE / f).rglob("*.py")]


@pytest.mark.parametrize("path", modules_in("domain", "files", "exchange", "store", "ops"), ids=str)
def test_no_qt_below_printing(path):
    assert not {m for m in outside_imports(path) if m.startswith("PySide6")}


def test_sql_drivers_are_imported_only_in_store():
    offenders = [
        str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
        if "store" not in p.parts
        and {m for m in outside_imports(p) if m in ("sqlite3", "sqlite_utils")}
    ]
    assert offenders == []


# An SQL statement in a string, or a call that runs one: what only store/ may hold.
_SQL = re.compile(r"""["'](?:SELECT\b|INSERT INTO\b|UPDATE \w+ SET\b|DELETE FROM\b|WITH RECURSIVE\b)"""
                  r"""|\.(?:execute|executemany|executescript)\(|\.(?:scalar|query)\(\s*f?["']""")


OUTSIDE_STORE = sorted(p for p in PACKAGE.rglob("*.py") if "store" not in p.relative_to(PACKAGE).parts)


@pytest.mark.parametrize("path", OUTSIDE_STORE, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_sql_lives_only_in_store(path):
    found = _SQL.search(path.read_text("utf-8"))
    assert found is None, f"{path.name} runs SQL ({found[0]!r}): move it into store/"
