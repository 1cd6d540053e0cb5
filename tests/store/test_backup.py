"""Backups: the SQLite backup API, rotation, refusing corrupt sources, restore round trip."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from planner_desktop.errors import LedgerError
from planner_desktop.store.backup import (
    BackupFile,
    backups_to_keep,
    list_backups,
    take_backup,
)
from planner_desktop.store.database import open_ledger
from planner_desktop.store.restore import restore


def add_setting(ledger, key, value="1"):
    with ledger.transaction() as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (key, value))


def test_backup_is_a_complete_consistent_copy(ledger, tmp_path):
    add_setting(ledger, "before")
    target = take_backup(ledger, reason="manual", destination=tmp_path / "copy.sqlite")
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT key FROM setting").fetchall() == [("before",)]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_restore_round_trip_backs_up_current_content_first(ledger, tmp_path):
    add_setting(ledger, "old")
    saved = take_backup(ledger, reason="manual", destination=tmp_path / "saved.sqlite")
    add_setting(ledger, "new")
    safety = restore(ledger, saved)
    assert [r[0] for r in ledger.conn.execute("SELECT key FROM setting")] == ["old"]
    keys = [r[0] for r in sqlite3.connect(safety).execute("SELECT key FROM setting ORDER BY key")]
    assert keys == ["new", "old"]


def test_restore_refuses_a_corrupt_or_foreign_file_and_changes_nothing(ledger, tmp_path):
    add_setting(ledger, "keep")
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"not a database at all" * 10)
    with pytest.raises(LedgerError):
        restore(ledger, bogus)
    assert [r[0] for r in ledger.conn.execute("SELECT key FROM setting")] == ["keep"]


def test_first_change_of_the_day_takes_a_daily_backup_once(ledger_path):
    ledger = open_ledger(ledger_path)
    add_setting(ledger, "a")  # empty ledger: nothing worth backing up yet
    with ledger.transaction() as conn:
        conn.execute("INSERT INTO unit (name, kind) VALUES ('基础教育股', '股室')")
    ledger.close()
    ledger = open_ledger(ledger_path)
    add_setting(ledger, "b")
    add_setting(ledger, "c")
    ledger.close()
    ledger = open_ledger(ledger_path)
    add_setting(ledger, "d")
    ledger.close()
    daily = [b for b in list_backups(ledger_path) if b.reason == "daily"]
    assert len(daily) == 1


def test_backup_refuses_a_corrupt_ledger(ledger, monkeypatch):
    monkeypatch.setattr(type(ledger), "scalar", lambda self, sql, params=(): "*** page 3 bad")
    with pytest.raises(LedgerError, match="未做备份"):
        take_backup(ledger, reason="manual")


def test_rotation_keeps_ten_days_eight_weeks_and_five_recent(tmp_path):
    start = dt.datetime(2026, 11, 22, 9, 0)
    backups = []
    for day in range(120):  # three backups a day for four months, newest first
        for hour in (17, 12, 9):
            taken = start - dt.timedelta(days=day) + dt.timedelta(hours=hour - 9)
            backups.append(BackupFile(tmp_path / f"{day}-{hour}", taken, "daily"))
    keep = backups_to_keep(backups)
    kept = [b for b in backups if b.path in keep]
    days = {b.taken_at.date() for b in kept}
    assert len(days) <= 10 + 8
    assert {start.date() - dt.timedelta(days=d) for d in range(10)} <= days
    assert backups[0].path in keep and backups[4].path in keep
    assert len(kept) <= 5 + 10 + 8
    oldest = min(b.taken_at for b in kept)
    assert oldest > start - dt.timedelta(weeks=9)


def test_rotation_deletes_old_files_on_disk(ledger):
    folder = ledger.path.parent / "backups"
    folder.mkdir()
    for day in range(40):
        stamp = (dt.datetime(2026, 11, 1) - dt.timedelta(days=day)).strftime("%Y%m%d-%H%M%S")
        (folder / f"ledger-{stamp}-daily.sqlite").write_bytes(b"x")
    add_setting(ledger, "x")
    take_backup(ledger, reason="manual")
    remaining = list_backups(ledger.path)
    assert 10 <= len(remaining) <= 19
