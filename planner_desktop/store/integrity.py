"""Is an open ledger whole? The quick check on every opening, the full one behind 检查数据库."""

from __future__ import annotations

from planner_desktop.errors import DamagedLedgerError, Location
from planner_desktop.i18n import tr
from planner_desktop.store.connection import Ledger, translated_errors
from planner_desktop.store.schema import schema_problems


def check_integrity(ledger: Ledger) -> dict:
    """The full check behind 检查数据库: SQLite's integrity check, the foreign keys, and the
    schema against what the migrations define."""
    with translated_errors(ledger.path):
        integrity = [r[0] for r in ledger.conn.execute("PRAGMA integrity_check").fetchall()]
        foreign = [list(r) for r in ledger.conn.execute("PRAGMA foreign_key_check").fetchall()]
        schema = schema_problems(ledger.conn)
    return {"ok": integrity == ["ok"] and not foreign and not schema, "integrity": integrity,
            "foreign_key_errors": foreign, "schema_problems": schema}


def refuse_incomplete_schema(ledger: Ledger) -> None:
    """A ledger that lacks a table, a column, an index or a trigger of its version is not
    worked on: it would fail later, halfway through an import."""
    with translated_errors(ledger.path):
        problems = schema_problems(ledger.conn)
    if problems:
        raise DamagedLedgerError(
            tr("账本结构不完整（{problems}）。文件可能被其他程序改动过，或上次升级被中断。"
               "为保护数据，本程序不会在它上面工作。请用“备份与恢复”从备份恢复。").format(
                problems="；".join(problems[:5]) + ("……" if len(problems) > 5 else "")),
            Location(file=str(ledger.path)),
        )


def check_quickly(ledger: Ledger) -> None:
    """Refuse to work on a corrupt file; the clerk is sent to the backups instead."""
    result = ledger.scalar("PRAGMA quick_check(1)")
    if result != "ok":
        raise DamagedLedgerError(
            tr("账本文件已损坏（{detail}）。请用“备份与恢复”从最近的备份恢复。").format(detail=result),
            Location(file=str(ledger.path)),
        )

