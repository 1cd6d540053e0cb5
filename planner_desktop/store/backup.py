"""Backups with SQLite's backup API, rotated, and never made from a corrupt ledger.

Backups are taken before every migration and import, and on the first change of each day.
Before copying, the ledger is checked (``quick_check``): a corrupt file is refused, so it can
never rotate good copies out. Rotation keeps the newest backup of each of the last 10 days
and of each of the last 8 weeks, plus the 5 most recent of any kind.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from planner_desktop.errors import LedgerError, Location
from planner_desktop.i18n import tr
from planner_desktop.paths import backup_dir_for
from planner_desktop.store.database import (
    Ledger,
    connect_read_only,
    read_header,
    refuse_foreign_or_newer,
    translated_errors,
)

KEEP_DAILY = 10
KEEP_WEEKLY = 8
KEEP_RECENT = 5
BACKUP_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[\w-]+)\.sqlite$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: dt.datetime
    reason: str


def list_backups(ledger_path: Path) -> list[BackupFile]:
    """The backups of this ledger, newest first."""
    folder = backup_dir_for(ledger_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = BACKUP_NAME.match(path.name)
        if match and match["stem"] == ledger_path.stem:
            taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            found.append(BackupFile(path, taken, match["reason"]))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def verify_healthy(ledger: Ledger) -> None:
    result = ledger.scalar("PRAGMA quick_check(1)")
    if result != "ok":
        raise LedgerError(
            tr("账本文件已损坏（{detail}），未做备份以免覆盖完好的备份。请从备份恢复。").format(
                detail=result),
            Location(file=str(ledger.path)),
        )


def copy_database(source: sqlite3.Connection, destination: Path) -> None:
    """Copy through the backup API into a temporary file, then rename: never a half file."""
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    target = sqlite3.connect(partial)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()
    os.replace(partial, destination)


def take_backup(ledger: Ledger, reason: str, destination: Path | None = None) -> Path:
    """Back the ledger up (to ``destination`` or the rotating backup folder)."""
    verify_healthy(ledger)
    if destination is None:
        folder = backup_dir_for(ledger.path)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        destination = folder / f"{ledger.path.stem}-{stamp}-{reason}.sqlite"
        counter = 1
        while destination.exists():
            counter += 1
            destination = folder / f"{ledger.path.stem}-{stamp}-{reason}-{counter}.sqlite"
    with translated_errors(destination):
        copy_database(ledger.conn, destination)
    if destination.parent == backup_dir_for(ledger.path):
        rotate_backups(ledger.path)
    return destination


def backups_to_keep(backups: list[BackupFile]) -> set[Path]:
    """Newest per day (10 days), newest per ISO week (8 weeks), and the 5 most recent."""
    keep = {b.path for b in backups[:KEEP_RECENT]}
    days: dict[dt.date, Path] = {}
    weeks: dict[tuple[int, int], Path] = {}
    for backup in backups:  # newest first, so the first seen per bucket is the newest
        day = backup.taken_at.date()
        if day not in days and len(days) < KEEP_DAILY:
            days[day] = backup.path
        week = tuple(day.isocalendar())[:2]
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks[week] = backup.path
    return keep | set(days.values()) | set(weeks.values())


def rotate_backups(ledger_path: Path) -> list[Path]:
    backups = list_backups(ledger_path)
    keep = backups_to_keep(backups)
    removed = []
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def daily_backup_hook(ledger: Ledger) -> None:
    """Before the first change of a day: back up unless today's backup exists or it is empty."""
    today = dt.date.today()
    if any(b.taken_at.date() == today for b in list_backups(ledger.path)):
        return
    if ledger.is_empty():
        return
    take_backup(ledger, reason="daily")


def restore(ledger: Ledger, source: Path) -> Path:
    """Replace the ledger's content by a backup's; the current content is backed up first.

    Returns the backup of the current content. The source is checked (a ledger, not newer,
    not corrupt) before anything is touched, and it is migrated afterwards if older.
    """
    source = Path(source)
    header = read_header(source)
    if header is None:
        raise LedgerError(tr("备份文件不存在或是空的。"), Location(file=str(source)))
    refuse_foreign_or_newer(source, header)
    source_conn = connect_read_only(source)
    try:
        if source_conn.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
            raise LedgerError(tr("备份文件已损坏，不能用来恢复。"), Location(file=str(source)))
        safety_copy = take_backup(ledger, reason="before-restore")
        with translated_errors(ledger.path):
            source_conn.backup(ledger.conn)
    finally:
        source_conn.close()
    from planner_desktop.store.database import migrate

    migrate(ledger, backup_first=False)
    return safety_copy
