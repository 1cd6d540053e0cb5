"""The clerk's hand edits: progress, deadlines, extensions, units on an item, evidence.

Each edit returns what its inverse needs beside what it changed (:class:`Changed`), so the
GUI's undo stack can take it back and every view hears about both directions the same way.
The reads the detail pane shows (an item in full, where an evidence file is kept) are here
too, so the GUI needs nothing from ``store/``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner_desktop.domain.status import Status
from planner_desktop.domain.timeliness import assignment_timeliness, extension_problem
from planner_desktop.domain.units import Role
from planner_desktop.errors import UserFixableError
from planner_desktop.i18n import tr
from planner_desktop.ops.changes import ITEM, PROGRESS, Changed, Changes
from planner_desktop.store import editing
from planner_desktop.store.calendar import load_calendar
from planner_desktop.store.database import Ledger
from planner_desktop.store.editing import (
    AssignmentState,
    ItemDetail,
    ItemDue,
    RemovedAssignment,
    evidence_path,
    item_number_of,
)
from planner_desktop.store.editing import (
    item_detail as _item_detail,
)

__all__ = ["ItemDetail", "evidence_path", "item_detail", "item_number_of"]  # and the edits below


def item_detail(ledger: Ledger, item_id: int, today: dt.date | None = None) -> ItemDetail | None:
    """The item with its assignments, each with its 完成情况 (``timeliness``) as of today."""
    detail = _item_detail(ledger, item_id)
    if detail is not None:
        calendar, day = load_calendar(ledger), today or dt.date.today()
        for a in detail.assignments:
            a["timeliness"] = assignment_timeliness(a, day, calendar)
    return detail


def set_progress(ledger: Ledger, assignment_id: int, status: Status, progress: int | None,
                 note: str) -> Changed[tuple[AssignmentState, int]]:
    before = editing.assignment_state(ledger, assignment_id)
    update_id = editing.record_hand_update(ledger, assignment_id, status, progress, note)
    return Changed((before, update_id), PROGRESS)


def undo_progress(ledger: Ledger, done: tuple[AssignmentState, int]) -> Changes:
    before, update_id = done
    editing.undo_hand_update(ledger, update_id, before)
    return PROGRESS


def set_item_due(ledger: Ledger, item_id: int, due: dt.date | None) -> Changed[ItemDue]:
    return Changed(editing.set_item_due(ledger, item_id, due), ITEM)


def restore_item_due(ledger: Ledger, before: ItemDue) -> Changes:
    editing.restore_item_due(ledger, before)
    return ITEM


def grant_extension(ledger: Ledger, assignment_id: int, new_due: dt.date, reason: str, *,
                    approver: str = "", approved_on: dt.date | None = None,
                    requested_on: dt.date | None = None) -> Changed[tuple[AssignmentState, int]]:
    """延期, with its reason and approver (both required: see ``extension_problem``)."""
    problem = extension_problem(reason, approver, approved_on, requested_on)
    if problem:
        raise UserFixableError(problem)
    before = editing.assignment_state(ledger, assignment_id)
    extension_id = editing.grant_extension(ledger, assignment_id, new_due, reason, approver=approver,
                                           approved_on=approved_on, requested_on=requested_on)
    return Changed((before, extension_id), PROGRESS)


def assignment_of(ledger: Ledger, item_id: int, unit: str) -> int:
    """The assignment of ``unit`` (its name or an alias) on the item, for the command line."""
    found = editing.assignment_of(ledger, item_id, unit)
    if found is None:
        raise UserFixableError(tr("要点 {item} 没有分配给“{unit}”，请核对要点编号（见 items list）"
                                  "和单位名称。").format(item=item_id, unit=unit))
    return found


def revoke_extension(ledger: Ledger, done: tuple[AssignmentState, int]) -> Changes:
    before, extension_id = done
    editing.revoke_extension(ledger, extension_id, before)
    return PROGRESS


def add_assignment(ledger: Ledger, item_id: int, unit_id: int, role: Role) -> Changed[int | None]:
    """The new assignment's id; None when the unit already had one on the item."""
    return Changed(editing.add_assignment(ledger, item_id, unit_id, role), PROGRESS)


def remove_assignment(ledger: Ledger, assignment_id: int) -> Changed[RemovedAssignment]:
    return Changed(editing.remove_assignment(ledger, assignment_id), PROGRESS)


def restore_assignment(ledger: Ledger, removed: RemovedAssignment) -> Changes:
    editing.restore_assignment(ledger, removed)
    return PROGRESS


def add_evidence(ledger: Ledger, assignment_id: int, source: Path) -> Changed[int]:
    return Changed(editing.add_evidence(ledger, assignment_id, Path(source)), PROGRESS)


def remove_evidence(ledger: Ledger, evidence_id: int) -> Changes:
    editing.remove_evidence(ledger, evidence_id)
    return PROGRESS


def extension_record(ledger: Ledger, extension_id: int) -> dict:
    """The extension as recorded: old and new due dates, reason, approver and dates."""
    return editing.extension_row(ledger, extension_id)
