"""Import batches: one row per imported file, with what it created and how to undo it."""

from __future__ import annotations

import json
from dataclasses import dataclass

from planner_desktop.store.database import Ledger, now_text


@dataclass(frozen=True)
class ImportBatch:
    id: int
    kind: str
    file_name: str
    sha256: str
    imported_at: str
    plan_id: int | None
    counts: dict
    undo: dict
    undone_at: str | None


def start_batch(ledger: Ledger, kind: str, file_name: str = "", sha256: str = "") -> int:
    """Record a batch inside the caller's transaction; counts and undo data are filled later."""
    cursor = ledger.conn.execute(
        "INSERT INTO import_batch (kind, file_name, sha256, imported_at) VALUES (?, ?, ?, ?)",
        (kind, file_name, sha256, now_text()),
    )
    return int(cursor.lastrowid)


def finish_batch(
    ledger: Ledger, batch_id: int, *, counts: dict, undo: dict, plan_id: int | None = None
) -> None:
    ledger.conn.execute(
        "UPDATE import_batch SET counts = ?, undo = ?, plan_id = ? WHERE id = ?",
        (json.dumps(counts, ensure_ascii=False), json.dumps(undo), plan_id, batch_id),
    )


def list_batches(ledger: Ledger) -> list[ImportBatch]:
    rows = ledger.query("SELECT * FROM import_batch ORDER BY id DESC")
    return [
        ImportBatch(
            id=r["id"], kind=r["kind"], file_name=r["file_name"], sha256=r["sha256"],
            imported_at=r["imported_at"], plan_id=r["plan_id"], counts=json.loads(r["counts"]),
            undo=json.loads(r["undo"]), undone_at=r["undone_at"],
        )
        for r in rows
    ]


def find_batch_by_sha256(ledger: Ledger, kind: str, sha256: str) -> int | None:
    return ledger.scalar(
        "SELECT id FROM import_batch WHERE kind = ? AND sha256 = ? AND undone_at IS NULL "
        "ORDER BY id DESC LIMIT 1",
        (kind, sha256),
    )
