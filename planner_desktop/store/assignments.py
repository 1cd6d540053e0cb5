"""Changing an assignment's progress: the assignment row and its append-only history together."""

from __future__ import annotations

import datetime as dt
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
        conn.executemany(
            "UPDATE assignment SET status = ?, progress = ?, note = ?, updated_at = ?, "
            "completed_on = ? WHERE id = ?", updates)
        conn.executemany(
            "INSERT INTO status_update (assignment_id, at, status, progress, note, period, "
            "source, author, import_batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", history_rows)
    return len(changes)


def history(ledger: Ledger, assignment_id: int) -> list[dict]:
    return ledger.query(
        "SELECT * FROM status_update WHERE assignment_id = ? ORDER BY at, id", (assignment_id,)
    )
