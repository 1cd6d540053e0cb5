"""Opening a ledger file: checks, pragmas, migrations, transactions and error translation.

Every write goes through :meth:`Ledger.transaction`, which takes the daily backup before the
first change of a day, holds an immediate (write) lock for the whole unit of work and rolls
back on any error, so a crash or a power cut leaves the ledger as it was before or after.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
import struct
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlite_utils

from planner_desktop.errors import DamagedLedgerError, LedgerError, Location
from planner_desktop.files.in_use import FILES_IN_USE, is_open_in_this_process  # noqa: F401 (re-exported)
from planner_desktop.i18n import tr
from planner_desktop.store.schema import (
    latest_schema_version,
    list_migrations,
    schema_problems,
    split_sql_statements,
)

# Written into the SQLite header so the program recognises its own files ('PDL1').
APPLICATION_ID = 0x50444C31
SQLITE_MAGIC = b"SQLite format 3\x00"


@contextlib.contextmanager
def translated_errors(path: Path) -> Iterator[None]:
    """Turn SQLite failures the clerk can fix into a :class:`LedgerError` with a clear message."""
    try:
        yield
    except sqlite3.Error as exc:
        message = describe_sqlite_error(exc, path)
        if message is None:
            raise
        kind = DamagedLedgerError if is_damage(exc) else LedgerError
        raise kind(message, Location(file=str(path))) from exc


def is_damage(exc: sqlite3.Error) -> bool:
    """A corrupt file, as opposed to a fault of the disk, the folder or another program."""
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


DISK_FULL_BELOW_BYTES = 1024 * 1024  # less free space than this: a failed write is a full disk


def describe_sqlite_error(exc: sqlite3.Error, path: Path | None = None) -> str | None:
    """The clerk's message for an error they can act on, or None for a bug.

    SQLite says "disk I/O error", not "disk is full", when a full disk stops it creating the
    shared-memory file that even a reading connection needs; the free space of the ledger's
    folder tells the two apart.
    """
    text = str(exc).lower()
    if "disk i/o" in text and path is not None and disk_is_full(path):
        text = "disk is full"
    if "locked" in text or "busy" in text:
        return tr("账本文件正被另一个程序使用（可能是另一个督办台窗口）。请关闭它后重试。")
    if "readonly" in text or "read-only" in text:
        return tr("账本文件是只读的，无法保存修改。请检查文件属性或文件夹权限，或把账本复制到可写的位置。")
    if "disk is full" in text or "database or disk is full" in text:
        return tr("磁盘空间已满，无法打开或保存账本。请清理账本所在磁盘（或 U 盘）的空间后重试，"
                  "账本未被修改。")
    if "unable to open" in text:
        return tr("无法打开账本文件。请检查路径是否存在、是否有访问权限。")
    if "malformed" in text or "not a database" in text or "file is encrypted" in text:
        return tr("账本文件已损坏或不是账本文件。请用“备份与恢复”从备份恢复。")
    if "disk i/o" in text:
        return tr("读写账本文件时出错（磁盘或 U 盘可能已拔出）。请检查存储设备后重试。")
    return None


def disk_is_full(path: Path) -> bool:
    """Whether the disk holding ``path`` has (almost) no free space left."""
    try:
        return shutil.disk_usage(Path(path).parent).free < DISK_FULL_BELOW_BYTES
    except OSError:
        return False


def read_header(path: Path) -> tuple[int, int] | None:
    """``(user_version, application_id)`` of the file; None for an empty or missing file.

    Before this process has a connection to the file, the header is read straight from it,
    which leaves a file from a newer version untouched (opening it with SQLite in WAL mode
    could create ``-wal``/``-shm`` files). Once a connection is open, SQLite reads it (see
    ``files/in_use.py`` for why a plain read would then endanger the write-ahead log).
    """
    with FILES_IN_USE.lock:
        if FILES_IN_USE.holds(path):
            return _header_through_sqlite(path)
        header = _read_raw_header(path)
    if header is None:
        return None
    user_version, application_id = struct.unpack(">i4xi", header[60:72])
    if wal_has_content(path):
        # Another process may have committed the header's new values to the write-ahead
        # log only; SQLite sees them.
        return _header_through_sqlite(path)
    return user_version, application_id


def _read_raw_header(path: Path) -> bytes | None:
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise LedgerError(tr("无法读取账本文件：") + str(exc), Location(file=str(path))) from exc
    if not header:
        return None
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise LedgerError(
            tr("这个文件不是督办台的账本（也不是 SQLite 数据库）。请选择正确的账本文件。"),
            Location(file=str(path)),
        )
    return header


def _header_through_sqlite(path: Path) -> tuple[int, int]:
    conn = connect_read_only(path)
    try:
        with translated_errors(path):
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
            application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    finally:
        conn.close()
    return user_version, application_id


def wal_has_content(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def refuse_foreign_or_newer(path: Path, header: tuple[int, int] | None) -> None:
    if header is None:
        return
    user_version, application_id = header
    if application_id not in (0, APPLICATION_ID):
        raise LedgerError(
            tr("这个 SQLite 文件属于别的程序，不是督办台的账本。"), Location(file=str(path))
        )
    if user_version < 0:
        raise DamagedLedgerError(
            tr("这个账本的数据版本（{found}）无效，文件可能被其他程序改动过。为保护数据，本程序不会"
               "修改它。请用“备份与恢复”从备份恢复。").format(found=user_version),
            Location(file=str(path)),
        )
    latest = latest_schema_version()
    if user_version > latest:
        raise LedgerError(
            tr("这个账本由更新版本的督办台创建（数据版本 {found}，本程序支持到 {latest}）。"
               "为保护数据，本程序不会打开或修改它，请升级督办台。").format(
                found=user_version, latest=latest),
            Location(file=str(path)),
        )


def roll_back(conn: sqlite3.Connection) -> None:
    """Undo the open transaction, if SQLite has not already done so, without masking why.

    SQLite rolls a transaction back by itself after some errors (a full disk, a failed
    COMMIT); a second ROLLBACK would then raise "no transaction is active" and hide the
    error the clerk must see.
    """
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


class Ledger:
    """An open ledger: one SQLite connection (per thread) and the file it belongs to."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.db = sqlite_utils.Database(conn)
        self._depth = 0
        # Called before the first write of a day: the daily backup (see store/backup.py).
        self.before_first_write: Callable[[Ledger], None] | None = None
        # Inside store.assignments.note_index_deferred: status changes keep the notes they
        # replace for the search index, brought up to date once at the end.
        self.note_index_deferred = False

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One unit of work: all of it is written, or none of it. Nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        if self.before_first_write is not None:
            hook, self.before_first_write = self.before_first_write, None
            hook(self)
        with translated_errors(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                roll_back(self.conn)
                raise
            finally:
                self._depth = 0

    def query(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        """Rows as dicts (through sqlite-utils), translated errors."""
        with translated_errors(self.path):
            return list(self.db.query(sql, params))

    def scalar(self, sql: str, params: tuple | dict = ()):
        with translated_errors(self.path):
            row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def is_empty(self) -> bool:
        """No plan and no unit yet: a first start (offer the demo) with nothing to back up."""
        return not self.scalar("SELECT EXISTS (SELECT 1 FROM plan) OR EXISTS (SELECT 1 FROM unit)")

    @property
    def schema_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def close(self) -> None:
        # Only a connection that wrote refreshes the query planner's statistics: a reading
        # command or a dry run leaves the file byte for byte as it found it.
        if self.conn.total_changes:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA optimize")
        self.conn.close()
        self.closed = True

    closed = False  # set by close(): windows torn down after it must not read any more


class CountedConnection(sqlite3.Connection):
    """A connection counted in :data:`FILES_IN_USE` from before it opens until it is closed."""

    counted_path: Path | None = None

    def close(self) -> None:
        try:
            super().close()
        finally:
            if self.counted_path is not None:
                FILES_IN_USE.remove(self.counted_path)
                self.counted_path = None


def _counted_connect(path: Path, database: str | Path, **options) -> CountedConnection:
    with FILES_IN_USE.lock:
        FILES_IN_USE.add(path)
        try:
            conn = sqlite3.connect(database, factory=CountedConnection, **options)
        except BaseException:
            FILES_IN_USE.remove(path)
            raise
        conn.counted_path = path
    return conn


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the pragmas every ledger connection uses (one per thread)."""
    with translated_errors(path):
        conn = _counted_connect(path, path, timeout=5.0, isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 5000")
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            conn.close()
            raise
    return conn


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
        migrate(ledger, backup_first=backup_before_migration)
        check_quickly(ledger)
        refuse_incomplete_schema(ledger)
    except BaseException:
        conn.close()
        raise
    if daily_backup:
        from planner_desktop.store.backup import daily_backup_hook

        ledger.before_first_write = daily_backup_hook
    return ledger


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (for files not yet known to be ours)."""
    with translated_errors(path):
        conn = _counted_connect(path, f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except BaseException:
            conn.close()
            raise
    return conn


def refuse_non_ledger_tables(path: Path) -> None:
    """A plain SQLite file of another program (version 0 but with tables) is not adopted."""
    conn = connect_read_only(path)
    try:
        with translated_errors(path):
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'")
            has_tables = tables.fetchone()[0]
    finally:
        conn.close()
    if has_tables:
        raise LedgerError(
            tr("这个 SQLite 文件不是督办台的账本，本程序不会修改它。"), Location(file=str(path))
        )


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


def migrate(ledger: Ledger, *, backup_first: bool = True) -> list[int]:
    """Apply pending migrations in one exclusive transaction; returns the numbers applied."""
    current = ledger.schema_version
    pending = [(n, p) for n, p in list_migrations() if n > current]
    if not pending:
        return []
    if current > 0 and backup_first:
        from planner_desktop.store.backup import take_backup

        take_backup(ledger, reason=f"before-migration-{current}")
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


def now_text() -> str:
    """The local time as stored in the ledger."""
    return dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
