"""The 导入记录: every imported file, and undoing one of them."""

from __future__ import annotations

from dataclasses import dataclass

from planner_desktop.ops.changes import PLAN_WRITTEN, Changes
from planner_desktop.store.batches import ImportBatch, list_batches
from planner_desktop.store.database import Ledger
from planner_desktop.store.undo import undo_batch

__all__ = ["ImportBatch", "Undone", "list_batches", "undo_import"]


@dataclass(frozen=True)
class Undone:
    removed: dict  # what the undo took away, as store.undo.undo_batch counts it
    # Any kind of batch may be undone (plan, returns, roster): what it wrote goes away.
    changes: Changes = PLAN_WRITTEN


def undo_import(ledger: Ledger, batch_id: int) -> Undone:
    return Undone(undo_batch(ledger, batch_id))
