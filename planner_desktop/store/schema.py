"""The numbered migrations in ``db/``, the schema they define, and what a ledger file lacks of it.

A ledger whose ``user_version`` says it is current can still miss a table, a column, an
index or a trigger: a file edited by another tool, a copy of a half-applied upgrade from an
old build, a table dropped by hand. Working on it would fail later, in the middle of an
import, with "no such table". So the schema the migrations build (in memory, once per
process) is compared with the file's when it is opened and when it is checked, and what is
missing is named for the clerk.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from planner_desktop.i18n import tr
from planner_desktop.paths import resource_path

MIGRATION_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")

KIND_NAMES = {"table": "表", "index": "索引", "trigger": "触发器", "view": "视图"}


def migrations_dir() -> Path:
    return resource_path("db")


def list_migrations(folder: Path | None = None) -> list[tuple[int, Path]]:
    """The numbered migrations in order; their numbers must run 1, 2, 3… without gaps."""
    folder = folder or migrations_dir()
    found = sorted(
        (int(m.group(1)), p) for p in folder.iterdir() if (m := MIGRATION_NAME.match(p.name))
    )
    for expected, (number, path) in enumerate(found, start=1):
        if number != expected:
            raise RuntimeError(f"migration numbers must be contiguous: {path.name}")
    return found


def latest_schema_version() -> int:
    return len(list_migrations())


def split_sql_statements(script: str) -> list[str]:
    """Split a migration into statements (trigger bodies keep their inner semicolons).

    ``executescript`` would commit the surrounding transaction, so migrations run statement
    by statement inside one transaction instead.
    """
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        if not current and (not line.strip() or line.lstrip().startswith("--")):
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        raise RuntimeError(f"incomplete SQL statement in migration: {current[:80]}")
    return statements


@dataclass(frozen=True)
class SchemaObject:
    kind: str  # table, index, trigger or view
    name: str
    sql: str  # whitespace folded, so a migration's layout does not count
    columns: tuple[str, ...] = ()


def fold_sql(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip()


def schema_of(conn: sqlite3.Connection) -> dict[tuple[str, str], SchemaObject]:
    """The tables (with their columns), indexes, triggers and views of a database.

    SQLite's own objects (``sqlite_*``, automatic indexes) and the statistics tables
    ``PRAGMA optimize`` creates are left out: they come and go by themselves.
    """
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master "
        "WHERE name NOT LIKE 'sqlite_%' AND type IN ('table', 'index', 'trigger', 'view')"
    ).fetchall()
    objects = {}
    for kind, name, sql in rows:
        columns: tuple[str, ...] = ()
        if kind == "table":
            quoted = name.replace('"', '""')
            columns = tuple(r[1] for r in conn.execute(f'PRAGMA table_xinfo("{quoted}")'))
        objects[(kind, name)] = SchemaObject(kind, name, fold_sql(sql), columns)
    return objects


@functools.cache
def expected_schema() -> dict[tuple[str, str], SchemaObject]:
    """The schema every migration applied in order to an empty database gives."""
    conn = sqlite3.connect(":memory:")
    try:
        for _number, path in list_migrations():
            for statement in split_sql_statements(path.read_text(encoding="utf-8")):
                conn.execute(statement)
        return schema_of(conn)
    finally:
        conn.close()


def schema_problems(conn: sqlite3.Connection) -> list[str]:
    """What the file lacks of the current schema, in the clerk's words (empty when whole).

    Objects the file has beyond the schema are not problems (a clerk's own view, say); an
    index or trigger whose definition differs is, since the ledger relies on what it does.
    """
    found = schema_of(conn)
    problems = []
    for key, wanted in expected_schema().items():
        kind = tr(KIND_NAMES[wanted.kind])
        have = found.get(key)
        if have is None:
            problems.append(tr("缺少{kind} {name}").format(kind=kind, name=wanted.name))
        elif wanted.kind == "table":
            missing = [c for c in wanted.columns if c not in have.columns]
            if missing:
                problems.append(tr("表 {name} 缺少列 {columns}").format(
                    name=wanted.name, columns="、".join(missing)))
        elif have.sql != wanted.sql:
            problems.append(tr("{kind} {name} 的定义与本版本不同").format(kind=kind, name=wanted.name))
    return problems
