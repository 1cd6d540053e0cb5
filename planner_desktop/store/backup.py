"""Backups with SQLite's backup API, rotated, and never made from a corrupt ledger.

Backups are taken before every migration and import, and on the first change of each day.
Before copying, the ledger is checked (``quick_check``): a corrupt file is refused, so it can
never rotate good copies out. Rotation keeps the newest backup of each of the last 10 days
and of each of the last 8 weeks, plus the 5 most recent of any kind. Restoring one is
``restore.py``'s.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from planner_desktop.errors import LedgerError, Location
from planner_desktop.files.atomic import atomic_file
from planner_desktop.files.checks import IncompleteFile
from planner_desktop.files.leftovers import remove_stale_temps
from planner_desktop.i18n import tr
from planner_desktop.paths import backup_dir_for
from planner_desktop.store.connection import Ledger, translated_errors

KEEP_DAILY = 10
KEEP_WEEKLY = 8
KEEP_RECENT = 5
# What SQLite reports when the backup's copy cannot be written (it reads the ledger through
# an open connection, so these come from the copy).
COPY_WRITE_FAILURES = {"SQLITE_FULL", "SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC", "SQLITE_IOERR_TRUNCATE"}
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
    """Copy through the backup API into a temporary file beside ``destination``, check the
    copy reads back whole, then rename: never a half file, and a full disk is reported.

    The temporary file is ``atomic_file``'s, so a killed backup's leftover is removed by the
    next backup or the next start (:func:`remove_backup_leftovers`).
    """
    with atomic_file(destination, ".sqlite", check=check_copy) as temp:
        target = sqlite3.connect(temp)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.OperationalError as exc:
            # Writing the copy failed: SQLite says SQLITE_FULL, or an I/O error for a
            # file-size limit or a stick pulled; the clerk hears the disk may be full.
            if getattr(exc, "sqlite_errorname", "") in COPY_WRITE_FAILURES:
                raise IncompleteFile(f"backup copy not written: {exc}") from exc
            raise
        finally:
            target.close()


def check_copy(path: Path) -> None:
    """A copy is kept only when SQLite reads every page of it back (``quick_check``) and it
    has a schema (an empty file is a valid database, but never a copy of a ledger)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
            objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise IncompleteFile(f"copy unreadable: {exc}") from exc
    if result != "ok" or not objects:
        raise IncompleteFile(f"copy damaged: {result}, {objects} schema objects")


def remove_backup_leftovers(ledger_path: Path) -> list[Path]:
    """Half backups that a killed or failed run left in the backup folder (at start-up)."""
    return remove_stale_temps(backup_dir_for(ledger_path))


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

