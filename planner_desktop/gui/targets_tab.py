"""The detail pane's 量化指标 tab: the item's targets with the latest figure and state, and
the clerk's corrections — add one the parser missed, correct one, set a false one aside,
fill a placeholder, record a figure reached — each one step on the window's undo stack,
each in the list of what was done to the item's targets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.domain.report_periods import period_for
from planner_desktop.domain.target_state import TargetState, TrackedTarget, format_figure
from planner_desktop.gui import undo_commands as cmd
from planner_desktop.gui.target_dialog import TargetDialog
from planner_desktop.ops import targets as target_ops
from planner_desktop.ops.ledger import Ledger

COLUMNS = ("指标", "目标值", "填报单位", "完成值", "周期", "状态")
STATE_COLOURS = {TargetState.REACHED: "#1e7b34", TargetState.NOT_REACHED: "#b42318",
                 TargetState.AWAITING: "#6b6b6b", TargetState.UNDECIDED: "#b26a00"}
ACTION_WORDS = {"add": "添加指标", "edit": "修改指标", "remove": "移除指标", "restore": "恢复指标",
                "fill": "填写目标值", "figure": "填报完成值", "import": "回收表填报"}


class TargetsTab(QWidget):
    def __init__(self, ledger: Ledger, run_command: Callable[[cmd.LedgerCommand], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger, self.run_command = ledger, run_command
        self.item_id: int | None = None
        self.units: list[str] = []
        self.targets: list[TrackedTarget] = []
        self.today = dt.date.today()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.itemSelectionChanged.connect(self.follow_selection)
        self.table.itemDoubleClicked.connect(lambda _item: self.report_figure())
        self.add_button = QPushButton(self.tr("添加指标…"))
        self.edit_button = QPushButton(self.tr("修改…"))
        self.remove_button = QPushButton(self.tr("移除"))
        self.figure_button = QPushButton(self.tr("填报完成值…"))
        self.add_button.clicked.connect(self.add_target)
        self.edit_button.clicked.connect(self.edit_target)
        self.remove_button.clicked.connect(self.toggle_removed)
        self.figure_button.clicked.connect(self.report_figure)
        self.history = QListWidget()
        self.history.setMaximumHeight(110)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.figure_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.history)
        self.read_only = False

    def show_item(self, item_id: int | None, units: list[str], read_only: bool = False,
                  today: dt.date | None = None) -> None:
        self.item_id, self.units, self.read_only = item_id, units, read_only
        self.today = today or self.today
        listing = [] if item_id is None else target_ops.list_targets(self.ledger, item_id=item_id,
                                                                      include_removed=True)
        self.targets = [t.target for t in listing]
        self.table.setRowCount(len(self.targets))
        for row, target in enumerate(self.targets):
            figure = f"{format_figure(target.figure)}{target.measure}" if target.figure is not None else ""
            state = self.tr("已移除") if target.removed else target.state.value
            for column, text in enumerate((target.text, target.wanted_text(), target.reporter, figure,
                                           target.figure_period, state)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(target.figure_note or text)
                if target.removed:
                    cell.setForeground(QColor("#9a9a9a"))
                elif column == len(COLUMNS) - 1:
                    cell.setForeground(QColor(STATE_COLOURS[target.state]))
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        if self.targets and not self.table.selectionModel().selectedRows():
            self.table.selectRow(0)
        self.history.clear()
        for change in [] if item_id is None else target_ops.item_target_history(self.ledger, item_id):
            self.history.addItem(self.history_line(change))
        self.follow_selection()

    def history_line(self, change: dict) -> str:
        word = self.tr(ACTION_WORDS.get(change["action"], change["action"]))
        before, after = change["before"], change["after"]
        detail = ""
        if change["action"] in ("add", "remove", "restore"):
            detail = ""
        elif change["action"] in ("figure", "import"):
            detail = f"{after.get('period', '')}：{format_figure(after.get('figure'))}"
            if after.get("unit"):
                detail += f"（{after['unit']}）"
        elif "number" in after:
            was = format_figure(before.get("number")) or self.tr("待定")
            detail = f"{was} → {format_figure(after['number'])}"
        elif "text" in after:
            detail = after["text"]
        return f"{change['at'][:16]}　{word}　{change['text']}{('：' + detail) if detail else ''}"

    def selected(self) -> TrackedTarget | None:
        rows = self.table.selectionModel().selectedRows()
        return self.targets[rows[0].row()] if rows and rows[0].row() < len(self.targets) else None

    def follow_selection(self) -> None:
        target = self.selected()
        editable = not self.read_only and self.item_id is not None
        self.add_button.setEnabled(editable)
        for button in (self.edit_button, self.remove_button, self.figure_button):
            button.setEnabled(editable and target is not None)
        self.remove_button.setText(self.tr("恢复") if target and target.removed else self.tr("移除"))
        self.figure_button.setEnabled(editable and target is not None and not target.removed
                                      and target.wanted is not None)

    def add_target(self) -> None:
        dialog = TargetDialog(self.tr("添加量化指标"), self.units, parent=self)
        if not dialog.exec():
            return
        v, item_id = dialog.values(), self.item_id
        self.run_command(cmd.ChangeTarget(self.ledger, self.tr("添加指标"), lambda: target_ops.add_target(
            self.ledger, item_id, v["text"], figure=v["figure"], measure=v["measure"] or None,
            comparator=v["comparator"], reporter=v["reporter"] or None)))

    def edit_target(self) -> None:
        target = self.selected()
        if target is None:
            return
        dialog = TargetDialog(self.tr("修改量化指标"), self.units, target, parent=self)
        if not dialog.exec():
            return
        v = dialog.values()
        self.run_command(cmd.ChangeTarget(self.ledger, self.tr("修改指标"), lambda: target_ops.edit_target(
            self.ledger, target.id, text=v["text"], figure=v["figure"], measure=v["measure"],
            comparator=v["comparator"], reporter=v["reporter"]), target.id))

    def toggle_removed(self) -> None:
        target = self.selected()
        if target is None:
            return
        text = self.tr("恢复指标") if target.removed else self.tr("移除指标")
        self.run_command(cmd.ChangeTarget(self.ledger, text, lambda: target_ops.edit_target(
            self.ledger, target.id, remove=not target.removed, restore=target.removed), target.id))

    def report_figure(self) -> None:
        target = self.selected()
        if target is None or target.removed or target.wanted is None or self.read_only:
            return
        period = target.figure_period or period_for(str(self.today.year)).key
        dialog = TargetDialog(self.tr("填报完成值"), self.units, target, figure=True, period=period,
                              parent=self)
        if not dialog.exec():
            return
        v = dialog.figure_values()
        self.run_command(cmd.ChangeTarget(self.ledger, self.tr("填报完成值"), lambda: target_ops.report_value(
            self.ledger, target.id, v["period"], v["figure"], note=v["note"]), target.id))
