"""Undoing an import batch: the ledger goes back to exactly what it was before the batch."""

from __future__ import annotations

import json

from planner_desktop.errors import UserFixableError
from planner_desktop.i18n import tr
from planner_desktop.store.database import Ledger, now_text
from planner_desktop.store.fillin import undo_returns


def undo_batch(ledger: Ledger, batch_id: int) -> dict:
    """Remove what the batch created; returns what was removed. Refuses a batch undone already."""
    row = ledger.conn.execute(
        "SELECT kind, undo, undone_at FROM import_batch WHERE id = ?", (batch_id,)
    ).fetchone()
    if row is None:
        raise UserFixableError(tr("没有编号为 {id} 的导入批次。").format(id=batch_id))
    kind, undo_text, undone_at = row
    if undone_at:
        raise UserFixableError(tr("导入批次 {id} 已在 {at} 撤销过。").format(id=batch_id, at=undone_at))
    undo = json.loads(undo_text)
    if not undo:
        raise UserFixableError(tr("这类导入（{kind}）不能撤销。").format(kind=kind))
    refuse_while_joined(ledger, batch_id, undo)
    removed = {"plans": 0, "units": 0}
    with ledger.transaction() as conn:
        if "update" in undo:
            revert_update(ledger, undo["update"])
            undo = undo["update"]
        plan_id = undo.get("delete_plan")
        if plan_id is not None:
            # Items reference each other (parent_id); deleting the plan cascades through them.
            removed["plans"] = conn.execute("DELETE FROM plan WHERE id = ?", (plan_id,)).rowcount
        for alias in undo.get("delete_aliases", []):
            conn.execute("DELETE FROM unit_alias WHERE alias = ? AND source = 'clerk'", (alias,))
        if "restore_assignments" in undo:  # a returned fill-in workbook (store/fillin.py)
            removed.update(undo_returns(conn, batch_id, undo))
        for unit_id in undo.get("delete_units", []):
            used = conn.execute("SELECT 1 FROM assignment WHERE unit_id = ? LIMIT 1",
                                (unit_id,)).fetchone()
            if not used:
                removed["units"] += conn.execute("DELETE FROM unit WHERE id = ?",
                                                 (unit_id,)).rowcount
        conn.execute("UPDATE import_batch SET undone_at = ? WHERE id = ?", (now_text(), batch_id))
    return removed


def refuse_while_joined(ledger: Ledger, batch_id: int, undo: dict) -> None:
    """A plan another file was joined to (or revised by) later is not deleted under it: that
    batch is undone first, or undoing it afterwards would find its rows gone."""
    plan_id = undo.get("delete_plan")
    if plan_id is None:
        return
    later = ledger.scalar(
        "SELECT max(id) FROM import_batch WHERE plan_id = ? AND id > ? AND kind IN ('tasks', 'plan') "
        "AND undone_at IS NULL", (plan_id, batch_id))
    if later is not None:
        raise UserFixableError(tr(
            "导入批次 {later} 之后补充到了这个计划上，请先撤销批次 {later}，再撤销批次 {id}。").format(
                later=later, id=batch_id))


def revert_update(ledger: Ledger, undo: dict) -> None:
    """Undo an update batch: delete the rows it added, put back the rows it deleted, and
    restore the rows it overwrote, children after their parents."""
    conn = ledger.conn
    for table in ("assignment", "pending_assignment", "target", "plan_item"):
        for row_id in sorted(undo["delete"].get(table, []), reverse=True):
            conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
    for table in ("plan_item", "target", "assignment", "status_update", "extension", "evidence"):
        rows = undo["restore"].get(table, [])
        if rows:
            ledger.db[table].insert_all(sorted(rows, key=lambda r: r["id"]))
    for table in ("plan_item", "plan"):  # a join (store/plan_merge.py) may rename the plan
        for row in undo["revert"].get(table, []):
            columns = [c for c in row if c != "id"]
            conn.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                         (*[row[c] for c in columns], row["id"]))

