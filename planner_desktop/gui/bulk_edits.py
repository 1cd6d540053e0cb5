"""Edits of the rows selected in the ledger table: status, due date, a unit added or removed.

Each bulk edit is one undoable step (a :class:`MacroCommand`) on the window's undo stack;
the step announces what it changed, and the views refresh from that.

A mixin of :class:`~planner_desktop.gui.main_window.MainWindow`: it reads the window's
``ledger``, ``undo_stack``, ``read_only``, ``granularity``, ``snapshot``, ``today`` and
``selected_rows()``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from planner_desktop.domain.ledger_table import Granularity, LedgerRow
from planner_desktop.domain.status import Status
from planner_desktop.domain.units import ROLE_LABELS, Role
from planner_desktop.errors import UserFixableError
from planner_desktop.gui import undo_commands as cmd
from planner_desktop.gui.detail_pane import DateDialog
from planner_desktop.ops.units import list_units


class BulkEdits:
    def run_command(self, command: cmd.LedgerCommand) -> bool:
        """Apply and record an edit; a problem the clerk can fix is shown, nothing is half-done."""
        if self.read_only:
            return False
        try:
            cmd.push_command(self.undo_stack, command)
        except UserFixableError as exc:
            QMessageBox.warning(self, self.tr("无法修改"), exc.full_message())
            self.reload()  # the edited widgets show the ledger's values again
            return False
        return True

    def assignments_of(self, rows: list[LedgerRow]) -> list[LedgerRow]:
        """The assignment rows behind the selected rows (an item row stands for all of its own)."""
        if self.granularity is Granularity.ASSIGNMENTS:
            return rows
        wanted = {r.item_id for r in rows}
        return [a for a in self.snapshot.assignments if a.item_id in wanted]

    def bulk_set_status(self, status: Status | None = None) -> bool:
        rows = self.assignments_of(self.selected_rows())
        if not rows:
            return False
        if status is None:
            words = [s.value for s in Status]
            word, ok = QInputDialog.getItem(self, self.tr("批量设置状态"),
                                            self.tr("把选中的 {n} 项分工设为：").format(n=len(rows)),
                                            words, 1, False)
            if not ok:
                return False
            status = Status(word)
        commands = [cmd.SetAssignment(self.ledger, r.assignment_id, status,
                                      100 if status is Status.DONE else r.progress, r.note, r.unit_name)
                    for r in rows]
        return self.run_command(cmd.MacroCommand(self.ledger, self.tr("批量设置状态"), commands))

    def bulk_set_due(self, due: dt.date | None = None) -> bool:
        item_ids = sorted({r.item_id for r in self.selected_rows()})
        if not item_ids:
            return False
        if due is None:
            dialog = DateDialog(self.tr("批量设置到期日"), self.today, False, self)
            if dialog.exec() != QDialog.Accepted:
                return False
            due = dialog.chosen_date()
        commands = [cmd.SetItemDue(self.ledger, item_id, due) for item_id in item_ids]
        return self.run_command(cmd.MacroCommand(self.ledger, self.tr("批量设置到期日"), commands))

    def choose_unit(self, title: str) -> dict | None:
        units = list_units(self.ledger)
        names = [u["name"] for u in units]
        name, ok = QInputDialog.getItem(self, title, self.tr("单位："), names, 0, True)
        return next((u for u in units if u["name"] == name), None) if ok else None

    def choose_role(self, unit: dict) -> Role | None:
        default = Role.CARRY if unit["kind"] == "学校" else Role.SUPPORT
        labels = [ROLE_LABELS[r] for r in Role]
        label, ok = QInputDialog.getItem(self, self.tr("添加单位"), self.tr("分工："), labels,
                                         list(Role).index(default), False)
        return next(r for r in Role if ROLE_LABELS[r] == label) if ok else None

    def bulk_add_unit(self, unit_name: str | None = None, role: Role | None = None) -> bool:
        item_ids = sorted({r.item_id for r in self.selected_rows()})
        if not item_ids:
            return False
        units = {u["name"]: u for u in list_units(self.ledger)}
        unit = units.get(unit_name) if unit_name else self.choose_unit(self.tr("添加单位"))
        if unit is None:
            return False
        role = role or self.choose_role(unit)
        if role is None:
            return False
        commands = [cmd.AddAssignment(self.ledger, item_id, unit["id"], role) for item_id in item_ids]
        return self.run_command(cmd.MacroCommand(self.ledger, self.tr("添加单位"), commands))

    def bulk_remove_unit(self, unit_name: str | None = None) -> bool:
        rows = self.selected_rows()
        if not rows:
            return False
        if unit_name is None:
            unit = self.choose_unit(self.tr("移除单位"))
            if unit is None:
                return False
            unit_name = unit["name"]
        targets = [a for a in self.assignments_of(rows) if a.unit_name == unit_name]
        if not targets:
            return False
        commands = [cmd.RemoveAssignment(self.ledger, a.assignment_id) for a in targets]
        return self.run_command(cmd.MacroCommand(self.ledger, self.tr("移除单位"), commands))
