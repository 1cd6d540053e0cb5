"""Opening, migrating and refusing ledger files."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from planner_desktop.errors import LedgerError
from planner_desktop.store.backup import list_backups
from planner_desktop.store.database import APPLICATION_ID, latest_schema_version, open_ledger
from planner_desktop.store.schema import list_migrations, split_sql_statements


def file_digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_ledger_is_created_at_latest_version_with_pragmas(ledger):
    assert ledger.schema_version == latest_schema_version() >= 1
    assert ledger.scalar("PRAGMA application_id") == APPLICATION_ID
    assert ledger.scalar("PRAGMA journal_mode") == "wal"
    assert ledger.scalar("PRAGMA foreign_keys") == 1
    assert ledger.scalar("PRAGMA synchronous") == 1  # NORMAL
    tables = set(ledger.db.table_names())
    assert {"plan", "plan_item", "unit", "unit_alias", "unit_group", "assignment",
            "status_update", "extension", "evidence", "import_batch", "setting",
            "calendar_day", "target"} <= tables


def test_migrations_are_numbered_contiguously_and_split_cleanly():
    migrations = list_migrations()
    assert [n for n, _ in migrations] == list(range(1, len(migrations) + 1))
    for _, path in migrations:
        statements = split_sql_statements(path.read_text("utf-8"))
        assert statements and all(sqlite3.complete_statement(s) for s in statements)
    trigger = split_sql_statements("CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; SELECT 2; END;")
    assert len(trigger) == 1


@pytest.mark.parametrize("version", range(latest_schema_version()))
def test_each_earlier_version_opens_and_upgrades(tmp_path, version):
    path = tmp_path / f"v{version}.sqlite"
    conn = sqlite3.connect(path)
    for number, migration in list_migrations()[:version]:
        for statement in split_sql_statements(migration.read_text("utf-8")):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.commit()
    conn.close()
    ledger = open_ledger(path)
    try:
        assert ledger.schema_version == latest_schema_version()
        assert ledger.scalar("PRAGMA integrity_check") == "ok"
        if version > 0:
            assert any(b.reason.startswith("before-migration") for b in list_backups(path))
    finally:
        ledger.close()


@pytest.mark.parametrize("fixture", sorted(p.name for p in (Path(__file__).parents[1] / "fixtures")
                                            .glob("ledger_v*.sqlite")))
def test_kept_fixture_with_data_upgrades_and_keeps_its_rows(tmp_path, fixture):
    """Every schema version's demo ledger, as that version wrote it, opens in this one."""
    from tests.support.fixture_ledgers import copy_fixture

    path = copy_fixture(fixture, tmp_path)
    before = sqlite3.connect(path).execute("SELECT count(*) FROM plan_item").fetchone()[0]
    ledger = open_ledger(path)
    try:
        assert ledger.schema_version == latest_schema_version()
        assert ledger.scalar("SELECT count(*) FROM plan_item") == before > 0
        assert ledger.scalar("SELECT count(*) FROM fillin_export") == 0  # 0002 ran on it
    finally:
        ledger.close()


def test_second_connection_opens_while_the_first_holds_the_header_in_the_wal(ledger_path):
    """A worker thread opens the ledger the window already has open, before any checkpoint."""
    first = open_ledger(ledger_path)
    try:
        assert ledger_path.with_name(ledger_path.name + "-wal").stat().st_size > 0
        second = open_ledger(ledger_path, daily_backup=False)
        assert second.schema_version == latest_schema_version()
        second.close()
    finally:
        first.close()


def test_newer_ledger_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE plan (id INTEGER PRIMARY KEY)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {latest_schema_version() + 5}")
    conn.commit()
    conn.close()
    digest = file_digest(path)
    with pytest.raises(LedgerError, match="更新版本"):
        open_ledger(path)
    assert file_digest(path) == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.sqlite"]


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()
    digest = file_digest(path)
    with pytest.raises(LedgerError, match="不是督办台的账本"):
        open_ledger(path)
    assert file_digest(path) == digest


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "tasks.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\0" * 200)
    with pytest.raises(LedgerError, match="不是督办台的账本"):
        open_ledger(path)


def test_corrupt_ledger_gives_a_clear_message(ledger_path):
    ledger = open_ledger(ledger_path)
    with ledger.transaction() as conn:
        conn.executemany("INSERT INTO setting (key, value) VALUES (?, ?)",
                         [(f"k{i}", "x" * 500) for i in range(2000)])
    ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ledger.close()
    data = bytearray(ledger_path.read_bytes())
    for offset in range(4096 * 3, len(data), 4096):  # scribble over every page but the first two
        data[offset:offset + 64] = b"\xff" * 64
    ledger_path.write_bytes(bytes(data))
    with pytest.raises(LedgerError, match="损坏"):
        open_ledger(ledger_path)


def test_locked_ledger_gives_a_clear_message(ledger_path):
    ledger = open_ledger(ledger_path)
    other = sqlite3.connect(ledger_path, timeout=0.1, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    ledger.conn.execute("PRAGMA busy_timeout = 100")
    try:
        with pytest.raises(LedgerError, match="另一个程序"), ledger.transaction() as conn:
            conn.execute("INSERT INTO setting (key, value) VALUES ('a', '1')")
    finally:
        other.execute("ROLLBACK")
        other.close()
        ledger.close()


def test_read_only_ledger_gives_a_clear_message(ledger_path):
    import os

    if os.geteuid() == 0:
        pytest.skip("root ignores file permissions")
    open_ledger(ledger_path).close()
    ledger_path.chmod(0o444)
    with pytest.raises(LedgerError, match="只读"):
        ledger = open_ledger(ledger_path)
        with ledger.transaction() as conn:
            conn.execute("INSERT INTO setting (key, value) VALUES ('a', '1')")


def test_read_only_message_is_mapped():
    from planner_desktop.store.database import describe_sqlite_error

    message = describe_sqlite_error(sqlite3.OperationalError("attempt to write a readonly database"))
    assert message and "只读" in message
    assert "磁盘空间已满" in describe_sqlite_error(sqlite3.OperationalError("database or disk is full"))
    assert describe_sqlite_error(sqlite3.OperationalError("no such column: x")) is None


def test_transaction_rolls_back_everything_on_error(ledger):
    with pytest.raises(RuntimeError), ledger.transaction() as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('a', '1')")
        with ledger.transaction() as inner:
            inner.execute("INSERT INTO setting (key, value) VALUES ('b', '2')")
        raise RuntimeError("boom")
    assert ledger.scalar("SELECT count(*) FROM setting") == 0


def test_status_history_is_append_only(ledger):
    with ledger.transaction() as conn:
        conn.execute("INSERT INTO import_batch (kind, imported_at) VALUES ('demo', 'now')")
        conn.execute("INSERT INTO plan (title, year, created_at) VALUES ('p', 2026, 'now')")
        conn.execute("INSERT INTO plan_item (plan_id, position, level, title) VALUES (1, 0, 1, 't')")
        conn.execute("INSERT INTO unit (name, kind) VALUES ('基础教育股', '股室')")
        conn.execute("INSERT INTO assignment (item_id, unit_id, role) VALUES (1, 1, 'lead')")
        conn.execute("INSERT INTO status_update (assignment_id, at, status) VALUES (1, 'now', '推进中')")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        ledger.conn.execute("UPDATE status_update SET note = 'changed'")
