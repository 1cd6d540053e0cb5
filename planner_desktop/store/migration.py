"""Bringing a ledger's schema up to this program's version with the numbered ``db/`` migrations.

Only the applying is here. Backing the ledger up before an upgrade is the opening step's
decision (``database.open_ledger``): a restore, for one, upgrades a copy it has just made.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from planner_desktop.errors import DamagedLedgerError, Location
from planner_desktop.i18n import tr
from planner_desktop.store.connection import Ledger, describe_sqlite_error, roll_back, translated_errors
from planner_desktop.store.header import APPLICATION_ID
from planner_desktop.store.schema import list_migrations, split_sql_statements


def pending_migrations(ledger: Ledger) -> list[tuple[int, Path]]:
    """The migrations newer than the ledger's version, in order."""
    current = ledger.schema_version
    return [(n, p) for n, p in list_migrations() if n > current]


def migrate(ledger: Ledger) -> list[int]:
    """Apply pending migrations in one exclusive transaction; returns the numbers applied."""
    current = ledger.schema_version
    pending = pending_migrations(ledger)
    if not pending:
        return []
    with translated_errors(ledger.path):
        ledger.conn.execute("BEGIN EXCLUSIVE")
        number = current
        try:
            for number, path in pending:
                for statement in split_sql_statements(path.read_text(encoding="utf-8")):
                    ledger.conn.execute(statement)
                ledger.conn.execute(f"PRAGMA user_version = {number}")
            ledger.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            ledger.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            roll_back(ledger.conn)
            if describe_sqlite_error(exc, ledger.path) is not None:
                raise
            # The file's schema is not what its version says (a table of the next version
            # is already there, say): the upgrade cannot run on it.
            raise DamagedLedgerError(
                tr("无法把账本升级到数据版本 {number}（{detail}）。账本的结构与它记录的版本 {current} "
                   "不符，可能被其他程序改动过。账本未被修改。请用“备份与恢复”从备份恢复。").format(
                    number=number, detail=exc, current=current),
                Location(file=str(ledger.path)),
            ) from exc
        except BaseException:
            roll_back(ledger.conn)
            raise
    return [n for n, _ in pending]

