"""Changing an assignment's progress: the assignment row and its append-only history together."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from planner_desktop.domain.status import Status
from planner_desktop.store.database import Ledger, now_text


@dataclass(frozen=True)
class StatusChange:
    assignment_id: int
    status: Status
    progress: int | None = None
    note: str = ""
    period: str = ""
    source: str = "hand"  # 'hand', 'import' or 'demo'
    author: str = ""
    at: str | None = None  # defaults to now
    completed_on: dt.date | None = None


def record_status_changes(
    ledger: Ledger, changes: list[StatusChange], import_batch_id: int | None = None
) -> int:
    """Apply changes in one transaction: each updates its assignment and appends a StatusUpdate."""
    updates, history_rows = [], []
    for change in changes:
        at = change.at or now_text()
        completed = change.completed_on or (
            dt.date.fromisoformat(at[:10]) if change.status is Status.DONE else None
        )
        updates.append((change.status.value, change.progress, change.note, at,
                        completed.isoformat() if completed else None, change.assignment_id))
        history_rows.append((change.assignment_id, at, change.status.value, change.progress,
                             change.note, change.period, change.source, change.author,
                             import_batch_id))
    with ledger.transaction() as conn:  # one statement each for the whole list
        if ledger.note_index_deferred:  # the note each row has now, as the index holds it
            conn.executemany("INSERT OR IGNORE INTO temp.note_before SELECT id, note "
                             "FROM assignment WHERE id = ?", [(u[-1],) for u in updates])
        conn.executemany(
            "UPDATE assignment SET status = ?, progress = ?, note = ?, updated_at = ?, "
            "completed_on = ? WHERE id = ?", updates)
        conn.executemany(
            "INSERT INTO status_update (assignment_id, at, status, progress, note, period, "
            "source, author, import_batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", history_rows)
    return len(changes)


NOTE_INDEX_TRIGGER = "assignment_note_fts_update"  # db/0003


@contextlib.contextmanager
def note_index_deferred(ledger: Ledger) -> Iterator[None]:
    """Status changes inside the block leave the progress-note search index to the end, which
    brings it up to date once for every note they changed, instead of the trigger doing so
    row by row: a returned folder's 15,000 notes index in 0.5 s rather than 1.5 s
    (``bench/exchange.py``).

    The trigger is dropped for the block and put back from its own definition, all within
    the caller's transaction: if anything fails, the rollback restores trigger and index
    alike. Only :func:`record_status_changes` may change notes inside the block.
    """
    conn = ledger.conn
    if ledger.note_index_deferred or not conn.in_transaction:
        raise RuntimeError("note_index_deferred runs once, inside a transaction")
    (trigger,) = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                              (NOTE_INDEX_TRIGGER,)).fetchone()
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS note_before "
                 "(id INTEGER PRIMARY KEY, note TEXT NOT NULL)")
    conn.execute("DELETE FROM temp.note_before")
    try:
        conn.execute(f"DROP TRIGGER {NOTE_INDEX_TRIGGER}")
        ledger.note_index_deferred = True
        yield
        conn.execute("INSERT INTO assignment_note_fts (assignment_note_fts, rowid, note) "
                     "SELECT 'delete', id, note FROM temp.note_before WHERE note <> ''")
        conn.execute("INSERT INTO assignment_note_fts (rowid, note) SELECT a.id, a.note "
                     "FROM assignment a JOIN temp.note_before b ON b.id = a.id "
                     "WHERE a.note <> ''")
    finally:
        ledger.note_index_deferred = False
        # (Checked first: an error that already rolled the transaction back restored it.)
        if conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                        (NOTE_INDEX_TRIGGER,)).fetchone()[0] == 0:
            conn.execute(trigger)
        conn.execute("DROP TABLE IF EXISTS temp.note_before")


def history(ledger: Ledger, assignment_id: int) -> list[dict]:
    return ledger.query(
        "SELECT * FROM status_update WHERE assignment_id = ? ORDER BY at, id", (assignment_id,)
    )
