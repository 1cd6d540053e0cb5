"""The clerk's edits as undoable commands (Ctrl+Z / Ctrl+Y over the session).

Each command calls a store function and keeps what that function returned for its inverse
(see ``store/editing.py``). A command is applied once before it is pushed, so that an error
the clerk can fix (a locked ledger, a deleted row) reaches the window as an exception rather
than disappearing inside ``QUndoStack.push``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtGui import QUndoCommand, QUndoStack

from planner_desktop.domain.status import Status
from planner_desktop.domain.units import Role
from planner_desktop.store import editing
from planner_desktop.store.database import Ledger


class LedgerCommand(QUndoCommand):
    """Subclasses implement ``apply`` and ``revert``; ``redo`` skips the first, already-done call."""

    def __init__(self, ledger: Ledger, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.ledger = ledger
        self._skip_next_redo = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._skip_next_redo:
            self._skip_next_redo = False
            return
        self.apply()

    def undo(self) -> None:
        self.revert()


class MacroCommand(LedgerCommand):
    """Several commands as one step (a bulk action on a selection)."""

    def __init__(self, ledger: Ledger, text: str, commands: list[LedgerCommand]) -> None:
        super().__init__(ledger, text)
        self.commands = commands

    def apply(self) -> None:
        with self.ledger.transaction():
            for command in self.commands:
                command.apply()

    def revert(self) -> None:
        with self.ledger.transaction():
            for command in reversed(self.commands):
                command.revert()


def push_command(stack: QUndoStack, command: LedgerCommand) -> None:
    """Apply ``command`` (exceptions reach the caller), then make it undoable.

    Views refresh on the stack's ``indexChanged``, which push, undo and redo all emit.
    """
    command.apply()
    command._skip_next_redo = True
    stack.push(command)


class SetAssignment(LedgerCommand):
    def __init__(self, ledger: Ledger, assignment_id: int, status: Status, progress: int | None,
                 note: str, unit_name: str = "") -> None:
        super().__init__(ledger, f"修改 {unit_name} 的进展")
        self.assignment_id, self.status, self.progress, self.note = assignment_id, status, progress, note
        self.before: editing.AssignmentState | None = None
        self.update_id: int | None = None

    def apply(self) -> None:
        self.before = editing.assignment_state(self.ledger, self.assignment_id)
        self.update_id = editing.record_hand_update(self.ledger, self.assignment_id, self.status,
                                                    self.progress, self.note)

    def revert(self) -> None:
        editing.undo_hand_update(self.ledger, self.update_id, self.before)


class SetItemDue(LedgerCommand):
    def __init__(self, ledger: Ledger, item_id: int, due: dt.date | None) -> None:
        super().__init__(ledger, "修改到期日")
        self.item_id, self.due = item_id, due
        self.before: editing.ItemDue | None = None

    def apply(self) -> None:
        self.before = editing.set_item_due(self.ledger, self.item_id, self.due)

    def revert(self) -> None:
        editing.restore_item_due(self.ledger, self.before)


class GrantExtension(LedgerCommand):
    def __init__(self, ledger: Ledger, assignment_id: int, new_due: dt.date, reason: str) -> None:
        super().__init__(ledger, "延期")
        self.assignment_id, self.new_due, self.reason = assignment_id, new_due, reason
        self.before: editing.AssignmentState | None = None
        self.extension_id: int | None = None

    def apply(self) -> None:
        self.before = editing.assignment_state(self.ledger, self.assignment_id)
        self.extension_id = editing.grant_extension(self.ledger, self.assignment_id, self.new_due,
                                                    self.reason)

    def revert(self) -> None:
        editing.revoke_extension(self.ledger, self.extension_id, self.before)


class AddAssignment(LedgerCommand):
    def __init__(self, ledger: Ledger, item_id: int, unit_id: int, role: Role) -> None:
        super().__init__(ledger, "添加单位")
        self.item_id, self.unit_id, self.role = item_id, unit_id, role
        self.assignment_id: int | None = None

    def apply(self) -> None:
        self.assignment_id = editing.add_assignment(self.ledger, self.item_id, self.unit_id, self.role)

    def revert(self) -> None:
        if self.assignment_id is not None:
            editing.remove_assignment(self.ledger, self.assignment_id)


class RemoveAssignment(LedgerCommand):
    def __init__(self, ledger: Ledger, assignment_id: int) -> None:
        super().__init__(ledger, "移除单位")
        self.assignment_id = assignment_id
        self.removed: editing.RemovedAssignment | None = None

    def apply(self) -> None:
        self.removed = editing.remove_assignment(self.ledger, self.assignment_id)

    def revert(self) -> None:
        editing.restore_assignment(self.ledger, self.removed)


class AddEvidence(LedgerCommand):
    def __init__(self, ledger: Ledger, assignment_id: int, source: Path) -> None:
        super().__init__(ledger, f"添加佐证材料 {Path(source).name}")
        self.assignment_id, self.source = assignment_id, Path(source)
        self.evidence_id: int | None = None

    def apply(self) -> None:
        self.evidence_id = editing.add_evidence(self.ledger, self.assignment_id, self.source)

    def revert(self) -> None:
        editing.remove_evidence(self.ledger, self.evidence_id)
