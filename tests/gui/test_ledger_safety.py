"""The ledger under the faults a clerk's PC produces: a second process beside the window, a
full disk, a file whose schema is not what its version says, a dry run that must not touch it.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from planner_desktop.errors import LedgerError
from planner_desktop.store import connection
from planner_desktop.store.backup import list_backups
from planner_desktop.store.database import (
    APPLICATION_ID,
    check_integrity,
    describe_sqlite_error,
    is_open_in_this_process,
    latest_schema_version,
    open_ledger,
)
from planner_desktop.store.header import read_header
from planner_desktop.store.schema import list_migrations, split_sql_statements
from tests.cli.test_cli import cli
from tests.conftest import ROOT, SAMPLES
from tests.support.small_disk import fill_disk, mounted_tmpfs

TASK_LIST = SAMPLES / "tasklists" / "2020_tasklist_merged.xlsx"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- the write-ahead log of a running window -----------------------------------------------

WINDOW = r"""
import sys, threading
from planner_desktop.store.database import open_ledger

path = sys.argv[1]
ledger = open_ledger(path, daily_backup=False)

def write(tag):
    with ledger.transaction() as conn:
        conn.executemany("INSERT INTO setting (key, value) VALUES (?, ?)",
                         [(f"{tag}-{i}", "值") for i in range(100)])

write("before")
# A background job, as gui/operation.py runs one: its own connection in another thread.
job = threading.Thread(target=lambda: open_ledger(path, daily_backup=False).close())
job.start()
job.join()
print("job done", flush=True)
sys.stdin.readline()
write("after")
print("written", flush=True)
sys.stdin.readline()
"""


def test_a_background_job_and_a_second_process_leave_the_windows_log_in_place(ledger_path):
    """The window's connection keeps its locks through a job's open and close, so another
    process's close does not delete ``-wal``/``-shm`` under it; every commit survives kill -9."""
    open_ledger(ledger_path, daily_backup=False).close()
    window = subprocess.Popen([sys.executable, "-c", WINDOW, str(ledger_path)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert window.stdout.readline().strip() == "job done"
        code, _, err = cli("items", "list", "--json", db=ledger_path)  # the script the README shows
        assert code == 0, err
        assert ledger_path.with_name(ledger_path.name + "-wal").exists()
        window.stdin.write("\n")
        window.stdin.flush()
        assert window.stdout.readline().strip() == "written"
    finally:
        window.kill()  # SIGKILL; TerminateProcess on Windows
        window.wait()
    conn = sqlite3.connect(ledger_path)
    try:
        rows = conn.execute("SELECT count(*) FROM setting WHERE key LIKE 'before-%' "
                            "OR key LIKE 'after-%'").fetchone()[0]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert rows == 200


def test_the_header_of_an_open_ledger_is_read_through_sqlite(ledger, monkeypatch):
    """No plain descriptor of the file is opened (and closed) while a connection holds it."""
    opened = []
    real_open = Path.open

    def watching_open(self, *args, **kwargs):
        if self.name == ledger.path.name:
            opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", watching_open)
    assert is_open_in_this_process(ledger.path)
    assert read_header(ledger.path) == (latest_schema_version(), APPLICATION_ID)
    second = open_ledger(ledger.path, daily_backup=False)
    second.close()
    assert opened == []
    assert is_open_in_this_process(ledger.path)  # the first connection still counts


def test_a_closed_ledger_is_no_longer_counted(ledger_path):
    ledger = open_ledger(ledger_path, daily_backup=False)
    ledger.close()
    assert not is_open_in_this_process(ledger_path)
    assert read_header(ledger_path)[0] == latest_schema_version()


# -- errors inside a transaction -----------------------------------------------------------

def test_an_error_after_sqlite_rolled_back_by_itself_is_the_one_raised(ledger):
    """SQLite ends the transaction itself after a full disk; no second ROLLBACK may mask it."""
    with pytest.raises(sqlite3.OperationalError, match="the real error"), ledger.transaction() as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('a', '1')")
        conn.execute("ROLLBACK")  # what SQLite does on SQLITE_FULL
        raise sqlite3.OperationalError("the real error")
    assert not ledger.conn.in_transaction
    assert ledger.scalar("SELECT count(*) FROM setting WHERE key = 'a'") == 0


def test_a_failing_commit_rolls_back_and_leaves_the_ledger_usable(ledger):
    """A COMMIT that fails (here a deferred foreign key) must not leave the write lock held."""
    with pytest.raises(sqlite3.IntegrityError), ledger.transaction() as conn:
        conn.execute("PRAGMA defer_foreign_keys = ON")
        conn.execute("INSERT INTO unit_alias (alias, unit_id) VALUES ('幽灵', 999999)")
    assert not ledger.conn.in_transaction
    with ledger.transaction() as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('after', '1')")
    assert ledger.scalar("SELECT value FROM setting WHERE key = 'after'") == "1"


def test_a_disk_io_error_on_a_full_disk_is_called_a_full_disk(tmp_path, monkeypatch):
    error = sqlite3.OperationalError("disk I/O error")
    assert "磁盘或 U 盘可能已拔出" in describe_sqlite_error(error, tmp_path / "l.sqlite")
    monkeypatch.setattr(connection.shutil, "disk_usage", lambda _: SimpleNamespace(free=4096))
    assert "磁盘空间已满" in describe_sqlite_error(error, tmp_path / "l.sqlite")


@pytest.fixture
def small_disk(tmp_path):
    with mounted_tmpfs(tmp_path / "disk", "4m") as folder:
        if folder is None:
            pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
        yield folder


def test_an_import_onto_a_full_disk_says_so_and_changes_nothing(small_disk, tmp_path):
    db = small_disk / "ledger.sqlite"
    assert cli("import-tasks", str(TASK_LIST), "--json", db=db)[0] == 0
    before = cli("plans", "list", "--json", db=db)[1]
    big = tmp_path / "big.xlsx"
    from tests.support.fixtures_sheets import write_task_list_xlsx

    write_task_list_xlsx(big, rows=3000)
    # Room for the backup taken before the import, not for the import itself.
    fill_disk(small_disk, leave_bytes=db.stat().st_size + 150_000)
    code, data, err = cli("import-tasks", str(big), "--json", db=db)
    assert code == 1, err
    assert "磁盘空间已满" in data["error"] and "rollback" not in err
    (small_disk / "filler.bin").unlink()
    assert cli("plans", "list", "--json", db=db)[1] == before
    assert cli("check", "--json", db=db)[1]["ok"] is True


def test_a_reading_command_on_a_completely_full_disk_says_the_disk_is_full(small_disk):
    db = small_disk / "ledger.sqlite"
    assert cli("init", "--json", db=db)[0] == 0
    fill_disk(small_disk)
    code, data, _ = cli("items", "list", "--json", db=db)
    assert code == 1 and "磁盘空间已满" in data["error"] and data["file"] == str(db)


# -- ledgers that are odd but not newer ----------------------------------------------------

def ledger_with(path: Path, *statements: str) -> Path:
    open_ledger(path, daily_backup=False).close()
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize(("statement", "named"), [
    ("DROP TABLE fillin_return", "缺少表 fillin_return"),
    ("DROP INDEX assignment_unit", "缺少索引 assignment_unit"),
    ("DROP TRIGGER status_update_append_only", "缺少触发器 status_update_append_only"),
    ("ALTER TABLE unit DROP COLUMN town", "表 unit 缺少列 town"),
])
def test_a_ledger_missing_part_of_its_schema_is_refused_with_what_is_missing(ledger_path, statement,
                                                                            named):
    ledger_with(ledger_path, statement)
    before = digest(ledger_path)
    with pytest.raises(LedgerError, match="备份与恢复") as caught:
        open_ledger(ledger_path)
    assert named in caught.value.message
    assert digest(ledger_path) == before


def test_check_and_import_returns_name_the_missing_table_instead_of_a_traceback(ledger_path,
                                                                               tmp_path):
    ledger_with(ledger_path, "DROP TABLE fillin_return")
    code, data, err = cli("check", "--json", db=ledger_path)
    assert code == 1 and "缺少表 fillin_return" in data["error"], err
    returned = tmp_path / "回收.xlsx"
    returned.write_bytes(TASK_LIST.read_bytes())
    code, data, err = cli("import-returns", str(returned), "--dry-run", "--json", db=ledger_path)
    assert code == 1 and "Traceback" not in err and "缺少表 fillin_return" in data["error"]


def test_check_reports_the_schema_of_an_open_ledger(ledger):
    assert check_integrity(ledger)["schema_problems"] == []
    ledger.conn.execute("DROP TABLE fillin_return")
    result = check_integrity(ledger)
    assert result["ok"] is False and "缺少表 fillin_return" in result["schema_problems"]


def test_a_half_applied_upgrade_is_refused_without_a_traceback(ledger_path):
    """Version 1 on the label, but a table of version 2 already inside."""
    conn = sqlite3.connect(ledger_path)
    for _number, migration in list_migrations()[:1]:
        for statement in split_sql_statements(migration.read_text("utf-8")):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE fillin_export (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    with pytest.raises(LedgerError, match="无法把账本升级到数据版本 2") as caught:
        open_ledger(ledger_path, backup_before_migration=False)
    assert "备份与恢复" in caught.value.message
    conn = sqlite3.connect(ledger_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def test_a_negative_version_is_refused_untouched(ledger_path):
    ledger_with(ledger_path, "PRAGMA user_version = -3")
    before = digest(ledger_path)
    code, data, err = cli("info", "--json", db=ledger_path)
    assert code == 1 and "数据版本（-3）无效" in data["error"], err
    assert digest(ledger_path) == before


# -- reading commands and dry runs leave the file as it was --------------------------------

def test_dry_runs_and_reading_commands_leave_the_ledger_byte_identical(tmp_path):
    db = tmp_path / "ledger.sqlite"
    assert cli("demo", "--json", db=db)[0] == 0
    out = tmp_path / "填报表"
    code, data, err = cli("export-fillin", "--plan", "1", "--period", "2026-11", "--out", str(out),
                          "--json", db=db)
    assert code == 0, err
    returned = sorted(out.glob("*.xlsx"))[:2]
    before = digest(db)
    for args in (["info"], ["check"], ["items", "list"], ["plans", "list"], ["units", "list"],
                 ["import-tasks", str(TASK_LIST), "--dry-run"],
                 ["import-plan", str(SAMPLES / "plans" / "001_autonumbered.docx"), "--dry-run"],
                 ["import-returns", *map(str, returned), "--dry-run"]):
        code, _, err = cli(*args, "--json", db=db)
        assert code == 0, (args, err)
        assert digest(db) == before, args


# -- a ledger too damaged to open can still be restored ------------------------------------

def demo_ledger_with_a_backup(path: Path) -> Path:
    """A demo ledger, its manual backup, and then the ledger scribbled over (a bad sector)."""
    assert cli("demo", "--json", db=path)[0] == 0
    code, data, err = cli("backup", "--json", db=path)
    assert code == 0, err
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    scribbled = bytearray(path.read_bytes())
    for offset in range(4096 * 3, len(scribbled), 4096):
        scribbled[offset:offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(scribbled))
    return Path(data["file"])


def test_the_cli_restores_a_backup_in_place_of_a_corrupt_ledger(tmp_path):
    db = tmp_path / "ledger.sqlite"
    backup = demo_ledger_with_a_backup(db)
    damaged = digest(db)
    code, data, _ = cli("items", "list", "--json", db=db)
    assert code == 1 and "损坏" in data["error"]
    code, data, err = cli("restore", str(backup), "--json", db=db)
    assert code == 0, err
    kept = Path(data["safety_backup"])
    assert kept.parent == backup.parent and digest(kept) == damaged  # kept, not deleted
    assert cli("check", "--json", db=db)[1]["ok"] is True
    assert len(cli("items", "list", "--json", db=db)[1]["items"]) > 50
    assert kept not in [b.path for b in list_backups(db)]  # never offered as a backup


def test_the_window_offers_a_backup_when_the_ledger_is_damaged(qtbot, tmp_path, message_boxes,
                                                              monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from planner_desktop.gui import app as gui_app

    db = tmp_path / "ledger.sqlite"
    demo_ledger_with_a_backup(db)
    offered = []

    def choose_newest(parent, title, label, items, current, editable):
        offered.extend(items)
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(choose_newest))
    session = gui_app.start_gui(str(db))
    assert isinstance(session, gui_app.Session)
    qtbot.addWidget(session.window)
    assert [title for title, _ in message_boxes] == ["账本无法打开", "已从备份恢复"]
    assert "损坏" in message_boxes[0][1] and "手动" in offered[0]
    message_boxes.clear()
    assert session.window.model.rowCount() > 50
    session.close()


def test_declining_the_restore_leaves_the_damaged_ledger_as_it_is(tmp_path, message_boxes,
                                                                 monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from planner_desktop.gui import app as gui_app

    db = tmp_path / "ledger.sqlite"
    demo_ledger_with_a_backup(db)
    damaged = digest(db)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *a: message_boxes.append((title, text)) or QMessageBox.No))
    assert gui_app.start_gui(str(db)) == 1
    assert [title for title, _ in message_boxes] == ["账本无法打开", "无法打开账本"]
    message_boxes.clear()
    assert digest(db) == damaged


# -- the ledger picked as an input file ----------------------------------------------------

def test_the_open_ledger_picked_as_a_task_list_or_evidence_is_refused_unread(ledger, monkeypatch):
    """Reading it would open and close a descriptor of it, dropping SQLite's locks."""
    from planner_desktop.errors import FileReadError
    from planner_desktop.ops.task_import import preview_task_list
    from planner_desktop.store.editing import add_evidence

    opened = []
    real_open = os.open

    def watching_open(path, *args, **kwargs):
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", watching_open)
    with pytest.raises(FileReadError, match="正在使用的账本文件"):
        preview_task_list(ledger, ledger.path)
    for part in (ledger.path, ledger.path.with_name(ledger.path.name + "-wal")):
        with pytest.raises(FileReadError, match="正在使用的账本文件"):
            add_evidence(ledger, 1, part)
    assert not [p for p in opened if Path(p).name.startswith(ledger.path.name)]


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs /dev/zero and /proc")
def test_evidence_is_read_with_a_bound_whatever_the_file_is(ledger, monkeypatch):
    from planner_desktop.errors import FileReadError
    from planner_desktop.store import editing

    monkeypatch.setattr(editing, "MAX_EVIDENCE_BYTES", 1024)
    with pytest.raises(FileReadError, match="不是普通文件"):
        editing.add_evidence(ledger, 1, Path("/dev/zero"))
    with pytest.raises(FileReadError, match="超过"):
        editing.add_evidence(ledger, 1, Path("/proc/self/maps"))
