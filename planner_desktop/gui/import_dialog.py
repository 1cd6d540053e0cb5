"""导入任务表: the preview of a task list import, which the clerk can correct and commit.

The file is read and parsed off the GUI thread; the clerk sees the column mapping (and can
change it: the preview is parsed again), the item tree, a warning per row and the unit names
not in the roster, each of which can be mapped to a roster unit (remembered as an alias) or
created. Committing writes everything as one import batch, again off the GUI thread, on the
worker's own connection to the ledger.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QTableWidgetItem,
    QTreeWidgetItem,
    QWidget,
)

from planner_desktop.domain.model import ItemDraft
from planner_desktop.domain.units import Role
from planner_desktop.exchange.grid import Grid
from planner_desktop.exchange.tasklist import FIELD_LABELS
from planner_desktop.gui.background import BackgroundJob, show_job_failure, start_ledger_job
from planner_desktop.gui.forms.import_dialog_ui import Ui_ImportTasksDialog
from planner_desktop.ops.task_import import TaskListFile, commit_task_list, preview_task_list
from planner_desktop.store.database import Ledger
from planner_desktop.store.units import list_units

TASK_LIST_FILTER = "任务表 (*.xlsx *.xlsm *.xls *.csv *.ods);;所有文件 (*)"


class ImportTasksDialog(QDialog):
    """Can be opened on its own (tests, 导入任务表 action) or with a file dropped on the window."""

    imported = Signal(int)  # plan id

    def __init__(self, ledger: Ledger, path: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ledger = ledger
        self.parsed: TaskListFile | None = None
        self.mapping: dict[str, dict[int, str]] = {}
        self.job: BackgroundJob | None = None
        self.build()
        if path is not None:
            self.load(Path(path))

    # -- layout ---------------------------------------------------------------------------
    def build(self) -> None:
        self.ui = Ui_ImportTasksDialog()  # the layout lives in ui/import_dialog.ui
        self.ui.setupUi(self)
        ui = self.ui
        self.file_label, self.title_edit, self.year_spin = ui.file_label, ui.title_edit, ui.year_spin
        self.summary, self.update_label, self.update_box = ui.summary, ui.update_label, ui.update_box
        self.update_panel, self.tabs, self.tree = ui.update_panel, ui.tabs, ui.tree
        self.sheet_combo, self.mapping_table = ui.sheet_combo, ui.mapping_table
        self.warnings_table, self.units_table, self.buttons = (ui.warnings_table, ui.units_table,
                                                               ui.buttons)
        ui.choose_button.clicked.connect(self.choose_file)
        self.year_spin.setValue(dt.date.today().year)
        self.year_spin.valueChanged.connect(lambda _: self.reparse())
        self.update_panel.setVisible(False)
        self.sheet_combo.currentIndexChanged.connect(self.show_mapping)
        self.mapping_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.tree.setColumnWidth(1, 420)
        self.units_table.set_name_header(self.tr("表中的单位名称"))
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("导入"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.commit)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)

    # -- reading ----------------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择任务表"), "", TASK_LIST_FILTER)
        if name:
            self.mapping = {}
            self.load(Path(name))

    def load(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(str(path))
        self.title_edit.clear()
        self.run_preview(year=None)

    def reparse(self) -> None:
        if self.parsed is not None:
            self.run_preview(year=self.year_spin.value())

    def run_preview(self, year: int | None) -> None:
        path, mapping, title = self.path, dict(self.mapping), self.title_edit.text().strip() or None

        def work(ledger: Ledger) -> TaskListFile:
            return preview_task_list(ledger, path, year=year, title=title, mapping=mapping or None)

        self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
        self.job = start_ledger_job(self, self.ledger.path, work, self.tr("正在读取任务表…"),
                                    self.show_preview, self.show_failure)

    def show_failure(self, exc: BaseException, trace: str) -> None:
        show_job_failure(self, exc, label=self.summary, box_title=self.tr("无法导入"))

    # -- preview ----------------------------------------------------------------------------
    def show_preview(self, parsed: TaskListFile) -> None:
        self.parsed = parsed
        preview = parsed.preview
        if not self.title_edit.text():
            self.title_edit.setText(preview.plan.title)
        self.year_spin.blockSignals(True)
        self.year_spin.setValue(preview.plan.year)
        self.year_spin.blockSignals(False)
        self.mapping = {layout.sheet: dict(layout.columns) for layout in preview.layouts}
        self.fill_tree(preview.plan.items)
        self.fill_sheets()
        self.fill_warnings()
        self.fill_units()
        text = self.tr("共 {items} 项（最末级 {leaves} 项），责任分工 {assignments} 条，"
                       "完成时限识别 {deadlines} 项；提示 {warnings} 条；未识别单位 {unknown} 个。")
        self.summary.setText(text.format(
            items=preview.plan.count_items(), leaves=preview.plan.count_leaves(),
            assignments=preview.count_assignments(), deadlines=preview.count_deadlines_parsed(),
            warnings=len(preview.warnings), unknown=len(parsed.unknown_units)))
        if parsed.already_imported_batch is not None:
            self.summary.setText(self.summary.text() + self.tr(
                "\n这个文件已经导入过（导入批次 {id}）。").format(id=parsed.already_imported_batch))
        self.update_panel.setVisible(parsed.update_diff is not None)
        if parsed.update_diff is not None:
            counts = parsed.update_diff.summary()
            self.update_label.setText(self.tr(
                "这是已导入计划《{title}》的修订版，更新原计划：新增 {added} 项，修改 {changed} 项，"
                "删除 {removed} 项，保留 {kept} 项（已有进展，不删除），不变 {unchanged} 项。"
                "各单位的状态和进展历史都保留。").format(
                    title=parsed.update_plan_title, **counts))
            self.update_box.setChecked(True)
        self.tabs.setTabText(2, self.tr("提示（{n}）").format(n=len(preview.warnings)))
        self.tabs.setTabText(3, self.tr("未识别的单位（{n}）").format(n=len(parsed.unknown_units)))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(parsed.already_imported_batch is None)

    def fill_tree(self, items: list[ItemDraft]) -> None:
        self.tree.clear()

        def add(parent, item: ItemDraft) -> None:
            names = {role: "、".join(m.name for m in item.units if m.role is role) for role in Role}
            deadline = item.deadline
            node = QTreeWidgetItem([
                item.code, item.title, names[Role.LEAD], names[Role.SUPPORT], names[Role.CARRY],
                deadline.text if deadline else "",
                deadline.due.isoformat() if deadline and deadline.due else "",
            ])
            node.setToolTip(1, item.text)
            parent.addChild(node) if isinstance(parent, QTreeWidgetItem) else \
                parent.addTopLevelItem(node)
            for child in item.children:
                add(node, child)

        for item in items:
            add(self.tree, item)
        self.tree.expandToDepth(0)

    def fill_sheets(self) -> None:
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(self.mapping))
        self.sheet_combo.blockSignals(False)
        self.show_mapping()

    def show_mapping(self) -> None:
        if self.parsed is None or not self.sheet_combo.currentText():
            return
        sheet = self.sheet_combo.currentText()
        layout = next(lay for lay in self.parsed.preview.layouts if lay.sheet == sheet)
        columns = self.parsed.preview.sheet_headers.get(sheet, {})
        twins = _twin_columns(layout.duplicates)
        self.mapping_table.setRowCount(len(columns))
        for row, (column, header) in enumerate(sorted(columns.items())):
            self.mapping_table.setItem(row, 0, QTableWidgetItem(_column_letter(column)))
            header_item = QTableWidgetItem(header)
            if column in twins:
                self.mark_twin(header_item, twins[column])
            self.mapping_table.setItem(row, 1, header_item)
            combo = QComboBox()
            for key, label in FIELD_LABELS.items():
                combo.addItem(self.tr(label), key)
            current = layout.columns.get(column, "")
            current = "units" if current == "lead_only" else current
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.currentIndexChanged.connect(
                lambda _, c=column, box=combo: self.change_mapping(sheet, c, box.currentData()))
            self.mapping_table.setCellWidget(row, 2, combo)

    def mark_twin(self, item: QTableWidgetItem, others: list[int]) -> None:
        """A header written over several columns: highlighted, with a tip saying that only one
        of them can feed the field and how to choose it (the parser warns about it too)."""
        item.setBackground(QBrush(QColor("#fff3c4")))
        item.setToolTip(self.tr("与 {columns} 列的表头相同，只能导入其中一列；"
                                "请在“导入为”中为要导入的那一列选择这一项。").format(
            columns="、".join(map(_column_letter, others))))

    def change_mapping(self, sheet: str, column: int, field_name: str) -> None:
        columns = self.mapping.setdefault(sheet, {})
        for other, name in list(columns.items()):
            if name == field_name and other != column:
                del columns[other]  # one column per field
        if field_name:
            columns[column] = field_name
        else:
            columns.pop(column, None)
        self.reparse()

    def fill_warnings(self) -> None:
        warnings = self.parsed.preview.warnings
        self.warnings_table.setRowCount(len(warnings))
        for row, warning in enumerate(warnings):
            values = (warning.sheet, "" if warning.row is None else str(warning.row),
                      warning.column or "", warning.message)
            for column, value in enumerate(values):
                self.warnings_table.setItem(row, column, QTableWidgetItem(value))

    def fill_units(self) -> None:
        self.units_table.fill(self.parsed.unknown_units,
                              [unit["name"] for unit in list_units(self.ledger)])

    # -- committing -------------------------------------------------------------------------
    def commit(self) -> None:
        if self.parsed is None:
            return
        parsed = self.parsed
        parsed.preview.plan.title = self.title_edit.text().strip() or parsed.preview.plan.title
        parsed.unit_choices = self.units_table.choices()
        if not self.update_box.isChecked():
            parsed.update_plan_id = None  # the clerk wants a new plan, not an update
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
        self.job = start_ledger_job(self, self.ledger.path, lambda ledger: commit_task_list(ledger, parsed),
                                    self.tr("正在导入…"), self.on_committed, self.show_failure,
                                    daily_backup=True)

    def on_committed(self, created) -> None:
        self.created = created
        self.imported.emit(created.plan_id)
        self.accept()


def _column_letter(column: int) -> str:
    return Grid.column_letter(column)


def _twin_columns(duplicates: dict[str, list[int]]) -> dict[int, list[int]]:
    """Column → the other columns whose header names the same field."""
    return {column: [other for other in columns if other != column]
            for columns in duplicates.values() for column in columns}



