"""The clerk's changes to targets, each written with its ``target_change`` row in one
transaction, so the item's history says what was corrected, added, set aside or filled."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from planner_desktop.store.database import now_text

EDITABLE = ("text", "subject", "number", "unit", "comparator", "placeholder", "reporter_unit_id")


def target_row(conn: sqlite3.Connection, target_id: int) -> dict | None:
    cur = conn.execute(f"SELECT id, item_id, removed_at, {', '.join(EDITABLE)} FROM target WHERE id = ?",
                       (target_id,))
    row = cur.fetchone()
    return dict(zip([c[0] for c in cur.description], row, strict=True)) if row else None


def _log(conn: sqlite3.Connection, target_id: int, action: str, before: dict, after: dict, at: str) -> int:
    return conn.execute(
        "INSERT INTO target_change (target_id, at, action, before, after) VALUES (?, ?, ?, ?, ?)",
        (target_id, at, action, json.dumps(before, ensure_ascii=False),
         json.dumps(after, ensure_ascii=False))).lastrowid


def update_target(conn: sqlite3.Connection, target_id: int, values: dict, action: str) -> int:
    """Set the fields given (of ``EDITABLE``); returns the history row's id."""
    at = now_text()
    before = target_row(conn, target_id) or {}
    changed = {k: v for k, v in values.items() if k in EDITABLE and before.get(k) != v}
    if changed:
        conn.execute(f"UPDATE target SET {', '.join(f'{k} = ?' for k in changed)}, edited_at = ? "
                     "WHERE id = ?", (*changed.values(), at, target_id))
    return _log(conn, target_id, action, {k: before.get(k) for k in changed}, changed, at)


def set_removed(conn: sqlite3.Connection, target_id: int, removed: bool) -> int:
    """A false target set aside (or taken back): kept, with its figures, for undo and history."""
    at = now_text()
    conn.execute("UPDATE target SET removed_at = ?, edited_at = ? WHERE id = ?",
                 (at if removed else None, at, target_id))
    return _log(conn, target_id, "remove" if removed else "restore", {}, {}, at)


def insert_target(conn: sqlite3.Connection, item_id: int, values: dict) -> int:
    """A target the parser missed, after the item's others."""
    at = now_text()
    position = conn.execute("SELECT coalesce(max(position), -1) + 1 FROM target WHERE item_id = ?",
                            (item_id,)).fetchone()[0]
    fields = {k: v for k, v in values.items() if k in EDITABLE}
    target_id = conn.execute(
        f"INSERT INTO target (item_id, position, origin, edited_at, {', '.join(fields)}) "
        f"VALUES (?, ?, 'clerk', ?, {', '.join('?' * len(fields))})",
        (item_id, position, at, *fields.values())).lastrowid
    _log(conn, target_id, "add", {}, fields, at)
    return target_id


def log_figure(conn: sqlite3.Connection, target_id: int, figure_id: int, period: str, figure: float) -> int:
    return _log(conn, target_id, "figure", {}, {"figure_id": figure_id, "period": period, "figure": figure},
                now_text())


def target_history(conn: sqlite3.Connection, item_id: int) -> list[dict]:
    """What was done to the item's targets, newest first: the clerk's changes, and the figures
    units reported in returned workbooks (action ``import``; gone when the import is undone)."""
    cur = conn.execute(
        "SELECT c.id, c.target_id, t.text, c.at, c.action, c.before, c.after FROM target_change c "
        "JOIN target t ON t.id = c.target_id WHERE t.item_id = :item "
        "UNION ALL SELECT -f.id, f.target_id, t.text, f.reported_at, 'import', '{}', "
        "json_object('period', f.period, 'figure', f.figure, 'unit', coalesce(u.name, ''), 'note', f.note) "
        "FROM target_figure f JOIN target t ON t.id = f.target_id LEFT JOIN unit u ON u.id = f.unit_id "
        "WHERE t.item_id = :item AND f.source = 'import' ORDER BY 4 DESC, 1 DESC", {"item": item_id})
    names = [c[0] for c in cur.description]
    rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    for row in rows:
        row["before"], row["after"] = json.loads(row["before"]), json.loads(row["after"])
    return rows


# A target the clerk has touched, or that has figures, is the clerk's: a revision of the
# plan document rewrites only the targets as the parser found them and nobody changed.
_CLERKS = ("(t.origin <> 'parsed' OR t.edited_at IS NOT NULL OR t.removed_at IS NOT NULL "
           "OR EXISTS (SELECT 1 FROM target_figure f WHERE f.target_id = t.id) "
           "OR EXISTS (SELECT 1 FROM target_change c WHERE c.target_id = t.id))")


@dataclass(frozen=True)
class ClearedTargets:
    deleted: list[dict]  # the rows deleted, for the revision's undo to put back
    kept_ids: frozenset[int]
    kept_texts: frozenset[str]  # a re-parsed target with one of these phrases is not added again
    next_position: int


def clear_parsed_targets(conn: sqlite3.Connection, item_id: int) -> ClearedTargets:
    """Delete the item's untouched parsed targets before its text is written anew."""
    cur = conn.execute(f"SELECT t.*, {_CLERKS} AS clerks FROM target t WHERE t.item_id = ? ORDER BY t.id",
                       (item_id,))
    names = [c[0] for c in cur.description]
    rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    deleted = [{k: v for k, v in r.items() if k != "clerks"} for r in rows if not r["clerks"]]
    kept = [r for r in rows if r["clerks"]]
    for row in deleted:
        conn.execute("DELETE FROM target WHERE id = ?", (row["id"],))
    return ClearedTargets(deleted, frozenset(r["id"] for r in kept), frozenset(r["text"] for r in kept),
                          max((r["position"] for r in kept), default=-1) + 1)


@dataclass(frozen=True)
class TargetUndoPoint:
    """What undoing one change to a target needs: the row as it was (None: it was added)
    and the last history and figure rows before the change."""

    row: dict | None
    last_change: int
    last_figure: int


def undo_point(conn: sqlite3.Connection, target_id: int | None) -> TargetUndoPoint:
    row = None
    if target_id is not None:
        cur = conn.execute("SELECT * FROM target WHERE id = ?", (target_id,))
        found = cur.fetchone()
        row = dict(zip([c[0] for c in cur.description], found, strict=True)) if found else None
    last_change = conn.execute("SELECT coalesce(max(id), 0) FROM target_change").fetchone()[0]
    last_figure = conn.execute("SELECT coalesce(max(id), 0) FROM target_figure").fetchone()[0]
    return TargetUndoPoint(row, last_change, last_figure)


def restore_target(conn: sqlite3.Connection, target_id: int, point: TargetUndoPoint) -> None:
    """Back to the point: the change's history and figure rows go, the row is as it was."""
    conn.execute("DELETE FROM target_change WHERE target_id = ? AND id > ?", (target_id, point.last_change))
    conn.execute("DELETE FROM target_figure WHERE target_id = ? AND id > ?", (target_id, point.last_figure))
    if point.row is None:
        conn.execute("DELETE FROM target WHERE id = ?", (target_id,))
        return
    columns = [c for c in point.row if c != "id"]
    conn.execute(f"UPDATE target SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                 (*[point.row[c] for c in columns], target_id))
