"""Opening a ledger file: the one step that puts the pieces of ``store/`` together.

:func:`open_ledger` reads the header (``header``), connects (``connection``), backs up and
migrates (``backup``, ``migration``), checks (``integrity``) and sets the daily backup before
the first write. It is the only module that knows both the connection and the backups, so
those two never import each other.

It also names what callers use from the modules it draws on (:class:`Ledger`,
:func:`translated_errors`, :func:`check_integrity`, :func:`now_text` …), so code that opens
or works on a ledger imports from one place.
"""

from __future__ import annotations

from pathlib import Path

from planner_desktop.errors import LedgerError, Location
from planner_desktop.files.in_use import is_open_in_this_process
from planner_desktop.i18n import tr
from planner_desktop.store.backup import daily_backup_hook, take_backup
from planner_desktop.store.connection import (
    Ledger,
    connect,
    describe_sqlite_error,
    now_text,
    translated_errors,
)
from planner_desktop.store.header import (
    APPLICATION_ID,
    read_header,
    refuse_foreign_or_newer,
    refuse_non_ledger_tables,
)
from planner_desktop.store.integrity import check_integrity, check_quickly, refuse_incomplete_schema
from planner_desktop.store.migration import migrate, pending_migrations
from planner_desktop.store.schema import latest_schema_version

__all__ = [
    "APPLICATION_ID",
    "Ledger",
    "check_integrity",
    "describe_sqlite_error",
    "is_open_in_this_process",
    "latest_schema_version",
    "now_text",
    "open_ledger",
    "translated_errors",
]


def open_ledger(
    path: Path | str,
    *,
    create: bool = True,
    backup_before_migration: bool = True,
    daily_backup: bool = True,
) -> Ledger:
    """Open (and create or upgrade) the ledger at ``path``; refuse foreign or newer files."""
    path = Path(path)
    header = read_header(path)
    refuse_foreign_or_newer(path, header)
    if header is None and not create:
        raise LedgerError(tr("账本文件不存在。"), Location(file=str(path)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LedgerError(tr("无法创建账本所在的文件夹：") + str(exc), Location(file=str(path))) from exc
    if header is not None and header[0] == 0:
        refuse_non_ledger_tables(path)
    conn = connect(path)
    ledger = Ledger(conn, path)
    try:
        upgrade(ledger, backup_first=backup_before_migration)
        check_quickly(ledger)
        refuse_incomplete_schema(ledger)
    except BaseException:
        conn.close()
        raise
    if daily_backup:
        ledger.before_first_write = daily_backup_hook
    return ledger


def upgrade(ledger: Ledger, *, backup_first: bool = True) -> list[int]:
    """Migrate the ledger, backing an existing one up first; returns the numbers applied."""
    current = ledger.schema_version
    if current > 0 and backup_first and pending_migrations(ledger):
        take_backup(ledger, reason=f"before-migration-{current}")
    return migrate(ledger)
