"""Restoring a backup: over an open ledger, or in place of one too damaged to open.

A backup is checked (a ledger of ours, not newer, not corrupt) before anything is touched, and
the current content is backed up (or the damaged file moved aside) before it is replaced.
Restoring builds on taking backups and on opening a ledger, so it sits above both.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from planner_desktop.errors import LedgerError, Location
from planner_desktop.i18n import tr
from planner_desktop.paths import backup_dir_for
from planner_desktop.store.backup import copy_database, take_backup
from planner_desktop.store.connection import Ledger, connect_read_only, translated_errors
from planner_desktop.store.database import open_ledger
from planner_desktop.store.header import read_header, refuse_foreign_or_newer
from planner_desktop.store.migration import migrate


def open_backup_to_restore(source: Path) -> sqlite3.Connection:
    """A read-only connection to a backup that may be restored: a ledger, not newer than this
    program, not corrupt. Nothing is touched before the backup has passed these checks."""
    header = read_header(source)
    if header is None:
        raise LedgerError(tr("备份文件不存在或是空的。"), Location(file=str(source)))
    refuse_foreign_or_newer(source, header)
    conn = connect_read_only(source)
    try:
        with translated_errors(source):
            healthy = conn.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"
    except BaseException:
        conn.close()
        raise
    if not healthy:
        conn.close()
        raise LedgerError(tr("备份文件已损坏，不能用来恢复。"), Location(file=str(source)))
    return conn


def restore(ledger: Ledger, source: Path) -> Path:
    """Replace the ledger's content by a backup's; the current content is backed up first.

    Returns the backup of the current content. The backup is migrated afterwards if older.
    """
    source_conn = open_backup_to_restore(Path(source))
    try:
        safety_copy = take_backup(ledger, reason="before-restore")
        with translated_errors(ledger.path):
            source_conn.backup(ledger.conn)
    finally:
        source_conn.close()
    migrate(ledger)
    return safety_copy


def damaged_copy_name(ledger_path: Path, stamp: str) -> Path:
    """Where a damaged ledger is kept when a backup takes its place: in the backup folder,
    under a name :func:`list_backups` does not list (it must never be restored or rotated)."""
    return backup_dir_for(ledger_path) / f"{ledger_path.stem}-{stamp}.damaged"


def restore_in_place_of_damaged(ledger_path: Path, source: Path) -> Path:
    """Put a backup where a ledger that cannot be opened is (corrupt, or its schema not what
    its version says), since :func:`restore` needs an open ledger. The damaged file and its
    ``-wal``/``-shm`` are moved into the backup folder, never deleted: they may still hold the
    last day's work for a technician. Returns where the damaged file went.
    """
    source_conn = open_backup_to_restore(Path(source))
    try:
        kept = damaged_copy_name(ledger_path, dt.datetime.now().strftime("%Y%m%d-%H%M%S"))
        try:
            kept.parent.mkdir(parents=True, exist_ok=True)
            for suffix in ("-wal", "-shm", ""):
                part = ledger_path.with_name(ledger_path.name + suffix)
                if part.exists():
                    os.replace(part, kept.with_name(kept.name + suffix))
        except OSError as exc:
            raise LedgerError(tr("无法移走损坏的账本文件：") + str(exc),
                              Location(file=str(ledger_path))) from exc
        with translated_errors(ledger_path):
            copy_database(source_conn, ledger_path)
    finally:
        source_conn.close()
    open_ledger(ledger_path, backup_before_migration=False, daily_backup=False).close()  # upgrades it
    return kept
