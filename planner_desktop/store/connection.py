"""A ledger's SQLite connection: pragmas, transactions, and SQLite's errors told to the clerk.

Every write goes through :meth:`Ledger.transaction`, which runs the ledger's hook before the
first change (the daily backup, set by ``database.open_ledger``), holds an immediate (write)
lock for the whole unit of work and rolls back on any error, so a crash or a power cut leaves
the ledger as it was before or after. Nothing here knows about files beyond the ledger's own,
about migrations or about backups: every other module of ``store/`` builds on this one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlite_utils

from planner_desktop.errors import DamagedLedgerError, LedgerError, Location
from planner_desktop.files.in_use import FILES_IN_USE
from planner_desktop.i18n import tr


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
        # Called before the first write of a day: the daily backup (set by database.open_ledger).
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


def now_text() -> str:
    """The local time as stored in the ledger."""
    return dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
