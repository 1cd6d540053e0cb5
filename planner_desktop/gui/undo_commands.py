"""The clerk's edits as undoable commands (Ctrl+Z / Ctrl+Y over the session).

Each command calls one edit in ``ops/editing.py`` and keeps what it returned for its
inverse. A command is applied once before it is pushed, so that an error the clerk can fix
(a locked ledger, a deleted row) reaches the window as an exception rather than
disappearing inside ``QUndoStack.push``. Every step (the push, each undo and redo) announces
what it changed on ``gui/events.py``, with the command as initiator: the views refresh, and
the window knows the change came from its own undo stack.
"""

from __future__ import annotations

import datetime as dt
from functools import reduce
from pathlib import Path

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox

from planner_desktop.domain.status import Status
from planner_desktop.domain.units import Role
from planner_desktop.errors import UserFixableError
from planner_desktop.gui.events import ledger_events
from planner_desktop.ops import editing
from planner_desktop.ops.changes import NOTHING, Changes
from planner_desktop.ops.fillin.commit import commit_returns
from planner_desktop.ops.fillin.previews import ReturnsPreview
from planner_desktop.ops.imports import undo_import
from planner_desktop.ops.ledger import Ledger


class LedgerCommand(QUndoCommand):
    """Subclasses implement ``apply`` and ``revert``, each returning what it changed;
    ``redo`` skips the first, already-done call."""

    def __init__(self, ledger: Ledger, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.ledger = ledger
        self.changes: Changes = NOTHING
        self._skip_next_redo = False

    def apply(self) -> Changes:
        raise NotImplementedError

    def revert(self) -> Changes:
        raise NotImplementedError

    def redo(self) -> None:
        if self._skip_next_redo:
            self._skip_next_redo = False
        else:
            self.changes = self.apply()
        ledger_events().announce(self.changes, initiator=self)

    def undo(self) -> None:
        self.changes = self.revert()
        ledger_events().announce(self.changes, initiator=self)


class MacroCommand(LedgerCommand):
    """Several commands as one step (a bulk action on a selection), announced once."""

    def __init__(self, ledger: Ledger, text: str, commands: list[LedgerCommand]) -> None:
        super().__init__(ledger, text)
        self.commands = commands

    def apply(self) -> Changes:
        with self.ledger.transaction():
            return reduce(Changes.__or__, (c.apply() for c in self.commands), NOTHING)

    def revert(self) -> Changes:
        with self.ledger.transaction():
            return reduce(Changes.__or__, (c.revert() for c in reversed(self.commands)), NOTHING)


def push_done(stack: QUndoStack, command: LedgerCommand) -> None:
    """Make ``command`` undoable after its work was done elsewhere (an import committed in
    the background, already announced with the command as initiator): nothing is announced."""
    command.changes = NOTHING
    command._skip_next_redo = True
    stack.push(command)


def push_command(stack: QUndoStack, command: LedgerCommand) -> None:
    """Apply ``command`` (exceptions reach the caller), then make it undoable (the push
    announces what it changed)."""
    command.changes = command.apply()
    command._skip_next_redo = True
    stack.push(command)


class SetAssignment(LedgerCommand):
    def __init__(self, ledger: Ledger, assignment_id: int, status: Status, progress: int | None,
                 note: str, unit_name: str = "") -> None:
        super().__init__(ledger, f"修改 {unit_name} 的进展")
        self.assignment_id, self.status, self.progress, self.note = assignment_id, status, progress, note
        self.done = None

    def apply(self) -> Changes:
        result = editing.set_progress(self.ledger, self.assignment_id, self.status, self.progress,
                                      self.note)
        self.done = result.value
        return result.changes

    def revert(self) -> Changes:
        return editing.undo_progress(self.ledger, self.done)


class SetItemDue(LedgerCommand):
    def __init__(self, ledger: Ledger, item_id: int, due: dt.date | None) -> None:
        super().__init__(ledger, "修改到期日")
        self.item_id, self.due = item_id, due
        self.before = None

    def apply(self) -> Changes:
        result = editing.set_item_due(self.ledger, self.item_id, self.due)
        self.before = result.value
        return result.changes

    def revert(self) -> Changes:
        return editing.restore_item_due(self.ledger, self.before)


class GrantExtension(LedgerCommand):
    def __init__(self, ledger: Ledger, assignment_id: int, new_due: dt.date, reason: str,
                 **approval: object) -> None:
        super().__init__(ledger, "延期")
        self.assignment_id, self.new_due, self.reason = assignment_id, new_due, reason
        self.approval = approval  # approver, approved_on, requested_on
        self.done = None

    def apply(self) -> Changes:
        result = editing.grant_extension(self.ledger, self.assignment_id, self.new_due, self.reason,
                                         **self.approval)
        self.done = result.value
        return result.changes

    def revert(self) -> Changes:
        return editing.revoke_extension(self.ledger, self.done)


class AddAssignment(LedgerCommand):
    def __init__(self, ledger: Ledger, item_id: int, unit_id: int, role: Role) -> None:
        super().__init__(ledger, "添加单位")
        self.item_id, self.unit_id, self.role = item_id, unit_id, role
        self.assignment_id: int | None = None

    def apply(self) -> Changes:
        result = editing.add_assignment(self.ledger, self.item_id, self.unit_id, self.role)
        self.assignment_id = result.value
        return result.changes

    def revert(self) -> Changes:
        if self.assignment_id is None:  # the unit was on the item already: nothing was added
            return NOTHING
        return editing.remove_assignment(self.ledger, self.assignment_id).changes


class RemoveAssignment(LedgerCommand):
    def __init__(self, ledger: Ledger, assignment_id: int) -> None:
        super().__init__(ledger, "移除单位")
        self.assignment_id = assignment_id
        self.removed = None

    def apply(self) -> Changes:
        result = editing.remove_assignment(self.ledger, self.assignment_id)
        self.removed = result.value
        return result.changes

    def revert(self) -> Changes:
        return editing.restore_assignment(self.ledger, self.removed)


class AddEvidence(LedgerCommand):
    def __init__(self, ledger: Ledger, assignment_id: int, source: Path) -> None:
        super().__init__(ledger, f"添加佐证材料 {Path(source).name}")
        self.assignment_id, self.source = assignment_id, Path(source)
        self.evidence_id: int | None = None

    def apply(self) -> Changes:
        result = editing.add_evidence(self.ledger, self.assignment_id, self.source)
        self.evidence_id = result.value
        return result.changes

    def revert(self) -> Changes:
        return editing.remove_evidence(self.ledger, self.evidence_id)


class ImportReturns(LedgerCommand):
    """Importing returned workbooks as one step (Ctrl+Z), like a hand edit: undone by undoing
    each file's import batch, redone by committing the same preview again (the undo put every
    row back as the preview saw it). The first commit runs in the background (the dialog's),
    then :func:`push_done` records it."""

    def __init__(self, ledger: Ledger, preview: ReturnsPreview) -> None:
        files = len(preview.included())
        super().__init__(ledger, f"导入回收表（{files} 个文件）")
        self.preview = preview
        self.batches: list[int] = []

    def apply(self) -> Changes:
        committed = commit_returns(self.ledger, self.preview)
        self.batches = list(committed.values())
        return committed.changes

    def revert(self) -> Changes:
        changes = NOTHING
        with self.ledger.transaction():
            for batch_id in reversed(self.batches):
                changes |= undo_import(self.ledger, batch_id).changes
        return changes

    def redo(self) -> None:
        try:
            super().redo()
        except UserFixableError as exc:  # the ledger changed since the undo: import afresh
            self.setObsolete(True)
            QMessageBox.warning(None, "无法重做", exc.full_message())


class AnswerSlip(LedgerCommand):
    """A 督办单's 办理情况 typed in, and the slip closed or not."""

    def __init__(self, ledger: Ledger, slip_id: int, text: str, close: bool) -> None:
        super().__init__(ledger, "登记督办单办理情况")
        self.slip_id, self.text, self.close = slip_id, text, close
        self.before = None

    def apply(self) -> Changes:
        from planner_desktop.ops.slips import answer_slip

        result = answer_slip(self.ledger, self.slip_id, self.text, close=self.close)
        self.before = result.value
        return result.changes

    def revert(self) -> Changes:
        from planner_desktop.ops.slips import restore_slip

        return restore_slip(self.ledger, self.slip_id, self.before)


class ChangeTarget(LedgerCommand):
    """One change to a quantified target (corrected, added, set aside, filled, a figure typed):
    ``change`` is the ops call, returning a Changed whose value is the target's id (or, for a
    figure, the figure's id, with ``target_id`` given)."""

    def __init__(self, ledger: Ledger, text: str, change, target_id: int | None = None) -> None:
        super().__init__(ledger, text)
        self.change, self.target_id = change, target_id
        self.adds = target_id is None  # each redo of an add makes the target anew
        self.point = None

    def apply(self) -> Changes:
        from planner_desktop.ops.targets import target_undo_point

        self.point = target_undo_point(self.ledger, None if self.adds else self.target_id)
        result = self.change()
        if self.adds:
            self.target_id = result.value
        return result.changes

    def revert(self) -> Changes:
        from planner_desktop.ops.targets import undo_target_change

        return undo_target_change(self.ledger, self.target_id, self.point)
