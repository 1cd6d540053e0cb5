"""The clerk's hand edits, each with its exact inverse so the window can undo it.

Every function writes in one transaction and returns what its inverse needs: undoing a status
change deletes the history row it added and puts the assignment back as it was, rather than
adding a second row that says the opposite (the history should show what happened, and an
undone slip of the hand did not happen).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from planner_desktop.domain.outline_codes import ItemNumber, item_number, number_items
from planner_desktop.domain.status import Status
from planner_desktop.domain.units import Role
from planner_desktop.errors import Location, UserFixableError
from planner_desktop.files.atomic import atomic_file
from planner_desktop.files.checks import IncompleteFile
from planner_desktop.files.incoming import read_incoming
from planner_desktop.i18n import tr
from planner_desktop.paths import evidence_dir_for
from planner_desktop.store.assignments import StatusChange, record_status_changes
from planner_desktop.store.database import Ledger, now_text


@dataclass(frozen=True)
class AssignmentState:
    """The editable columns of an assignment, as a snapshot to go back to."""

    assignment_id: int
    status: Status
    progress: int | None
    note: str
    completed_on: str | None
    updated_at: str | None
    due: str | None


def assignment_state(ledger: Ledger, assignment_id: int) -> AssignmentState:
    row = ledger.conn.execute(
        "SELECT status, progress, note, completed_on, updated_at, due FROM assignment WHERE id = ?",
        (assignment_id,)).fetchone()
    if row is None:
        raise UserFixableError(tr("这项分工已被删除。"))
    return AssignmentState(assignment_id, Status(row[0]), row[1], row[2], row[3], row[4], row[5])


def record_hand_update(ledger: Ledger, assignment_id: int, status: Status, progress: int | None,
                       note: str, author: str = "") -> int:
    """A status/progress/note change typed by the clerk; returns the new history row's id."""
    with ledger.transaction() as conn:
        record_status_changes(ledger, [StatusChange(assignment_id, status, progress, note,
                                                    source="hand", author=author)])
        return conn.execute("SELECT last_insert_rowid()").fetchone()[0]


def undo_hand_update(ledger: Ledger, update_id: int, before: AssignmentState) -> None:
    with ledger.transaction() as conn:
        conn.execute("DELETE FROM status_update WHERE id = ?", (update_id,))
        restore_assignment_state(ledger, before)


def restore_assignment_state(ledger: Ledger, state: AssignmentState) -> None:
    with ledger.transaction() as conn:
        conn.execute(
            "UPDATE assignment SET status = ?, progress = ?, note = ?, completed_on = ?, "
            "updated_at = ?, due = ? WHERE id = ?",
            (state.status.value, state.progress, state.note, state.completed_on,
             state.updated_at, state.due, state.assignment_id))


# -- deadlines and extensions ------------------------------------------------------------------

@dataclass(frozen=True)
class ItemDue:
    item_id: int
    due: str | None
    deadline_kind: str
    due_set_by_hand: int


def item_due(ledger: Ledger, item_id: int) -> ItemDue:
    row = ledger.conn.execute(
        "SELECT due, deadline_kind, due_set_by_hand FROM plan_item WHERE id = ?", (item_id,)
    ).fetchone()
    return ItemDue(item_id, row[0], row[1], row[2])


def set_item_due(ledger: Ledger, item_id: int, due: dt.date | None) -> ItemDue:
    """The clerk fixes the date the parser read (or could not read); returns the old one."""
    before = item_due(ledger, item_id)
    kind = before.deadline_kind if due is None else "date"
    restore_item_due(ledger, ItemDue(item_id, due.isoformat() if due else None, kind, 1))
    return before


def restore_item_due(ledger: Ledger, state: ItemDue) -> None:
    with ledger.transaction() as conn:
        conn.execute(
            "UPDATE plan_item SET due = ?, deadline_kind = ?, due_set_by_hand = ? WHERE id = ?",
            (state.due, state.deadline_kind, state.due_set_by_hand, state.item_id))


def grant_extension(ledger: Ledger, assignment_id: int, new_due: dt.date, reason: str, *,
                    approver: str = "", approved_on: dt.date | None = None,
                    requested_on: dt.date | None = None) -> int:
    """延期: the assignment's own due date moves; the old one, the reason, who approved it and
    when stay in history (and tell 延期内完成 from 逾期完成)."""
    with ledger.transaction() as conn:
        old = conn.execute(
            "SELECT coalesce(a.due, i.due) FROM assignment a JOIN plan_item i ON i.id = a.item_id "
            "WHERE a.id = ?", (assignment_id,)).fetchone()[0]
        conn.execute("UPDATE assignment SET due = ? WHERE id = ?", (new_due.isoformat(), assignment_id))
        conn.execute(
            "INSERT INTO extension (assignment_id, old_due, new_due, reason, granted_at, approver, "
            "approved_on, requested_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (assignment_id, old, new_due.isoformat(), reason, now_text(), approver,
             approved_on.isoformat() if approved_on else None,
             requested_on.isoformat() if requested_on else None))
        return conn.execute("SELECT last_insert_rowid()").fetchone()[0]


def assignment_of(ledger: Ledger, item_id: int, unit: str) -> int | None:
    return ledger.scalar(
        "SELECT a.id FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE a.item_id = ? AND "
        "(u.name = ? OR u.id IN (SELECT unit_id FROM unit_alias WHERE alias = ?))", (item_id, unit, unit))


def revoke_extension(ledger: Ledger, extension_id: int, before: AssignmentState) -> None:
    with ledger.transaction() as conn:
        conn.execute("DELETE FROM extension WHERE id = ?", (extension_id,))
        restore_assignment_state(ledger, before)


# -- assignments ---------------------------------------------------------------------------------

def add_assignment(ledger: Ledger, item_id: int, unit_id: int, role: Role) -> int | None:
    """Give an item to one more unit; None when that unit has it already."""
    with ledger.transaction() as conn:
        exists = conn.execute("SELECT 1 FROM assignment WHERE item_id = ? AND unit_id = ?",
                              (item_id, unit_id)).fetchone()
        if exists:
            return None
        conn.execute("INSERT INTO assignment (item_id, unit_id, role, updated_at) VALUES (?, ?, ?, ?)",
                     (item_id, unit_id, role.value, None))
        return conn.execute("SELECT last_insert_rowid()").fetchone()[0]


@dataclass(frozen=True)
class RemovedAssignment:
    """An assignment row with its history and extensions, enough to put it back exactly."""

    row: dict
    updates: list[dict]
    extensions: list[dict]
    evidence: list[dict]


def remove_assignment(ledger: Ledger, assignment_id: int) -> RemovedAssignment:
    with ledger.transaction() as conn:
        removed = RemovedAssignment(
            row=ledger.query("SELECT * FROM assignment WHERE id = ?", (assignment_id,))[0],
            updates=ledger.query("SELECT * FROM status_update WHERE assignment_id = ?", (assignment_id,)),
            extensions=ledger.query("SELECT * FROM extension WHERE assignment_id = ?", (assignment_id,)),
            evidence=ledger.query("SELECT * FROM evidence WHERE assignment_id = ?", (assignment_id,)),
        )
        conn.execute("DELETE FROM assignment WHERE id = ?", (assignment_id,))
    return removed


def restore_assignment(ledger: Ledger, removed: RemovedAssignment) -> None:
    with ledger.transaction():
        ledger.db["assignment"].insert(removed.row)
        for table, rows in (("status_update", removed.updates), ("extension", removed.extensions),
                            ("evidence", removed.evidence)):
            if rows:
                ledger.db[table].insert_all(rows)


def find_assignment(ledger: Ledger, item_id: int, unit_id: int) -> int | None:
    return ledger.scalar("SELECT id FROM assignment WHERE item_id = ? AND unit_id = ?", (item_id, unit_id))


# -- evidence -----------------------------------------------------------------------------------

MAX_EVIDENCE_BYTES = 200 * 1024 * 1024  # scans and photos; stops a device or a wrong pick


def add_evidence(ledger: Ledger, assignment_id: int, source: Path) -> int:
    """Copy a 佐证材料 file into the data folder (named by its content) and record it."""
    source = Path(source)
    where = Location(file=str(source))
    too_large = tr("佐证材料超过 {limit} MB，请压缩或拆分后再附加。").format(
        limit=MAX_EVIDENCE_BYTES // (1024 * 1024))
    try:
        data = read_incoming(source, MAX_EVIDENCE_BYTES, too_large, where)
    except OSError as exc:
        raise UserFixableError(tr("无法读取文件：") + str(exc), where) from exc
    digest = hashlib.sha256(data).hexdigest()
    folder = evidence_dir_for(ledger.path) / digest[:2]
    stored = folder / f"{digest[:16]}{source.suffix.lower()}"
    if not stored.exists():
        copy_evidence(data, stored)
    with ledger.transaction() as conn:
        conn.execute(
            "INSERT INTO evidence (assignment_id, file_name, stored_path, sha256, size, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (assignment_id, source.name, stored.relative_to(ledger.path.parent).as_posix(), digest,
             len(data), now_text()))
        return conn.execute("SELECT last_insert_rowid()").fetchone()[0]


def copy_evidence(data: bytes, stored: Path) -> None:
    """Store the attachment's bytes through ``atomic_file``: checked against the size read,
    flushed, renamed; a killed copy's leftover goes at the next copy into the folder."""

    def same_size(path: Path) -> None:
        if path.stat().st_size != len(data):
            raise IncompleteFile(f"copied {path.stat().st_size} of {len(data)} bytes")

    with atomic_file(stored, stored.suffix, check=same_size) as temp:
        temp.write_bytes(data)


def remove_evidence(ledger: Ledger, evidence_id: int) -> dict:
    """Forget an attachment (the copied file stays: another row or an undo may need it)."""
    with ledger.transaction() as conn:
        row = ledger.query("SELECT * FROM evidence WHERE id = ?", (evidence_id,))[0]
        conn.execute("DELETE FROM evidence WHERE id = ?", (evidence_id,))
    return row


def restore_evidence(ledger: Ledger, row: dict) -> None:
    with ledger.transaction():
        ledger.db["evidence"].insert(row)


def evidence_path(ledger: Ledger, stored_path: str) -> Path:
    return ledger.path.parent / stored_path


# -- what the detail pane shows -------------------------------------------------------------------

@dataclass
class ItemDetail:
    item: dict
    plan_title: str
    targets: list[dict]
    assignments: list[dict]  # with unit name/kind, effective due
    history: list[dict]  # newest first, with unit name
    evidence: list[dict]
    extensions: list[dict]
    waiting: list[dict] = field(default_factory=list)  # names waiting for the roster, with role


def item_detail(ledger: Ledger, item_id: int) -> ItemDetail | None:
    items = ledger.query("SELECT * FROM plan_item WHERE id = ?", (item_id,))
    if not items:
        return None
    item = items[0]
    return ItemDetail(
        item=item,
        plan_title=ledger.scalar("SELECT title FROM plan WHERE id = ?", (item["plan_id"],)),
        targets=ledger.query("SELECT * FROM target WHERE item_id = ? ORDER BY position", (item_id,)),
        assignments=ledger.query(
            "SELECT a.*, u.name AS unit_name, u.kind AS unit_kind, coalesce(a.due, ?) AS effective_due, "
            "coalesce((SELECT x.old_due FROM extension x WHERE x.assignment_id = a.id ORDER BY x.id "
            "LIMIT 1), coalesce(a.due, ?)) AS original_due "
            "FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE a.item_id = ? ORDER BY "
            "CASE a.role WHEN 'lead' THEN 0 WHEN 'support' THEN 1 ELSE 2 END, u.position, u.id",
            (item["due"], item["due"], item_id)),
        history=ledger.query(
            "SELECT s.*, u.name AS unit_name FROM status_update s JOIN assignment a "
            "ON a.id = s.assignment_id JOIN unit u ON u.id = a.unit_id WHERE a.item_id = ? "
            "ORDER BY s.at DESC, s.id DESC", (item_id,)),
        evidence=ledger.query(
            "SELECT e.*, u.name AS unit_name FROM evidence e JOIN assignment a "
            "ON a.id = e.assignment_id JOIN unit u ON u.id = a.unit_id WHERE a.item_id = ? "
            "ORDER BY e.added_at DESC, e.id DESC", (item_id,)),
        extensions=ledger.query(
            "SELECT x.*, u.name AS unit_name FROM extension x JOIN assignment a "
            "ON a.id = x.assignment_id JOIN unit u ON u.id = a.unit_id WHERE a.item_id = ? "
            "ORDER BY x.granted_at DESC, x.id DESC", (item_id,)),
        waiting=ledger.query("SELECT name, role FROM pending_assignment WHERE item_id = ? "
                             "ORDER BY id", (item_id,)),
    )


def item_ids_under(ledger: Ledger, item_id: int) -> set[int]:
    """An outline branch: the item and all its descendants."""
    rows = ledger.conn.execute(
        "WITH RECURSIVE branch(id) AS (SELECT ? UNION ALL SELECT i.id FROM plan_item i "
        "JOIN branch b ON i.parent_id = b.id) SELECT id FROM branch", (item_id,)).fetchall()
    return {r[0] for r in rows}


def top_items(ledger: Ledger, plan_id: int) -> list[dict]:
    """A plan's top-level items, each with its ``number`` (``一、``)."""
    items = ledger.query("SELECT id, code, title FROM plan_item WHERE plan_id = ? AND parent_id IS NULL "
                         "ORDER BY position", (plan_id,))
    return [{**item, "number": item_number([item["code"]])} for item in items]


def item_number_of(ledger: Ledger, item_id: int) -> ItemNumber:
    """One item's number, from the codes of its path (outline_codes.number_items)."""
    path = ledger.conn.execute(
        "WITH RECURSIVE up(id, parent_id, code, title) AS (SELECT id, parent_id, code, title "
        "FROM plan_item WHERE id = ? UNION ALL SELECT i.id, i.parent_id, i.code, i.title "
        "FROM plan_item i JOIN up ON i.id = up.parent_id) SELECT * FROM up", (item_id,)).fetchall()
    return number_items([tuple(r) for r in path]).get(item_id, ItemNumber("", ()))


def extension_row(ledger: Ledger, extension_id: int) -> dict:
    return ledger.query("SELECT * FROM extension WHERE id = ?", (extension_id,))[0]
