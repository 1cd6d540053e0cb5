"""Is a file a ledger of ours, and of a version this program may open? Read from its header.

The SQLite header carries the schema version (``user_version``) and the application id this
program writes ('PDL1'); both are read before anything is written, so a foreign file or one
from a newer version is refused untouched.
"""

from __future__ import annotations

import struct
from pathlib import Path

from planner_desktop.errors import DamagedLedgerError, LedgerError, Location
from planner_desktop.files.in_use import FILES_IN_USE
from planner_desktop.i18n import tr
from planner_desktop.store.connection import connect_read_only, translated_errors
from planner_desktop.store.schema import latest_schema_version

# Written into the SQLite header so the program recognises its own files ('PDL1').
APPLICATION_ID = 0x50444C31
SQLITE_MAGIC = b"SQLite format 3\x00"


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


