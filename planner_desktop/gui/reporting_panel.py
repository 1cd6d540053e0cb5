"""The dashboard's 填报表回收情况: for a plan and period, who has sent their workbook back.

It lists the units still missing (nothing returned, or rows left empty), with contact and
phone for the reminder call, and saves the 催报名单 as a workbook. Double-clicking a unit
opens its tasks in the ledger. It follows the application's ``changed`` signal: after an
export, a returns import or a change of plans or units it is read again, at once when shown,
else when the clerk opens the dashboard.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.domain.fillin import suggested_periods
from planner_desktop.domain.report_periods import period_for
from planner_desktop.errors import UserFixableError
from planner_desktop.gui.events import ledger_events
from planner_desktop.gui.file_folders import save_file
from planner_desktop.ops.changes import Changes
from planner_desktop.ops.fillin.reminders import ReminderList, reminder_list, write_reminder_list
from planner_desktop.ops.ledger import Ledger
from planner_desktop.ops.plans import exported_periods, latest_exported_plan, list_plans

SHOWN_KINDS = ("plans", "assignments", "units", "exports")  # who was asked, who answered


class ReportingPanel(QWidget):
    unit_requested = Signal(str)
    failed = Signal(str)  # a message for the clerk (the file could not be written)

    def __init__(self, ledger: Ledger, today: Callable[[], dt.date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.today = today  # asked each time: the window may stay open past midnight
        self.reminders: ReminderList | None = None
        self.plan_combo = QComboBox()
        self.plan_combo.activated.connect(lambda _i: self.plan_combo.setProperty("chosen", True))
        self.plan_combo.currentIndexChanged.connect(lambda _i: self.fill_periods())
        self.period_combo = QComboBox()
        self.period_combo.currentIndexChanged.connect(lambda _i: self.fill_units())
        self.counts = QLabel(wordWrap=True)
        self.units = QListWidget()
        self.units.itemActivated.connect(lambda entry: self.unit_requested.emit(entry.data(Qt.UserRole)))
        self.save_button = QPushButton(self.tr("导出催报名单…"))
        self.save_button.clicked.connect(self.save_reminders)
        choose = QHBoxLayout()
        choose.addWidget(self.plan_combo, 2)
        choose.addWidget(self.period_combo, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(choose)
        layout.addWidget(self.counts)
        layout.addWidget(self.units, 1)
        layout.addLayout(bottom)
        self._stale = True  # read when first shown
        ledger_events().changed.connect(self.on_ledger_changed)

    def on_ledger_changed(self, changes: Changes, _initiator: object) -> None:
        if self.ledger.closed or not changes.any_of(*SHOWN_KINDS):
            return
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:  # noqa: N802
        if self._stale:
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        """Read the plans again (after an import or an export), keeping the clerk's choice."""
        self._stale = False
        # The clerk's choice; before one, the plan whose workbooks went out last (not the
        # newest plan, which may have sent none: it showed 已报送 0 份 beside the returns).
        chosen = self.plan_combo.currentData() if self.plan_combo.property("chosen") else \
            latest_exported_plan(self.ledger)
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        for plan in list_plans(self.ledger):
            self.plan_combo.addItem(plan["title"], plan["id"])
        index = self.plan_combo.findData(chosen)
        self.plan_combo.setCurrentIndex(index if index >= 0 else 0)
        self.plan_combo.blockSignals(False)
        self.fill_periods()

    def fill_periods(self) -> None:
        plan_id = self.plan_combo.currentData()
        chosen = self.period_combo.currentData()
        keys = exported_periods(self.ledger, plan_id) if plan_id is not None else []
        # Periods workbooks went out for come first (latest first); then this month and quarter.
        keys += [p.key for p in suggested_periods(self.today())[:3] if p.key not in keys]
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for key in keys:
            self.period_combo.addItem(period_for(key).label, key)
        index = self.period_combo.findData(chosen)
        self.period_combo.setCurrentIndex(index if index >= 0 else 0)
        self.period_combo.blockSignals(False)
        self.fill_units()

    def fill_units(self) -> None:
        plan_id, period = self.plan_combo.currentData(), self.period_combo.currentData()
        self.units.clear()
        if plan_id is None or period is None:
            self.reminders = None
            self.counts.setText(self.tr("还没有计划。"))
            self.save_button.setEnabled(False)
            return
        self.reminders = reminders = reminder_list(self.ledger, plan_id, period)
        for state in reminders.missing:
            if state.returned_at is None:
                text = self.tr("{unit}　未报送").format(unit=state.unit_name)
            else:
                text = self.tr("{unit}　{n} 项未填写").format(unit=state.unit_name, n=state.empty_rows)
            if state.contact or state.phone:
                text += f"　{state.contact} {state.phone}".rstrip()
            entry = QListWidgetItem(text)
            entry.setData(Qt.UserRole, state.unit_name)
            entry.setToolTip(self.tr("双击查看该单位的任务"))
            self.units.addItem(entry)
        expected, missing = len(reminders.states), len(reminders.missing)
        returned = len(reminders.returned)
        if reminders.exported:
            text = self.tr("{period}：发出 {expected} 份，已报送 {done} 份，未报送 {silent} 个单位。")
            if missing > expected - returned:
                text += self.tr("{partly} 个单位有未填写的任务。")
        else:
            text = self.tr("{period}尚未导出填报表；有任务的 {expected} 个单位都还没有报送。")
        self.counts.setText(text.format(period=reminders.period.label, expected=expected,
                                        done=returned, silent=expected - returned,
                                        partly=missing - (expected - returned)))
        self.save_button.setEnabled(missing > 0)

    def save_reminders(self, path: Path | None = None) -> Path | None:
        reminders = self.reminders
        if reminders is None:
            return None
        if path is None:
            path = save_file(self, self.tr("保存催报名单"), "reminders",
                             f"{reminders.period.label}_催报名单.xlsx", self.tr("Excel 工作簿 (*.xlsx)"))
            if path is None:
                return None
        try:
            write_reminder_list(path, reminders)
        except UserFixableError as exc:
            self.failed.emit(exc.full_message())
            return None
        return path
