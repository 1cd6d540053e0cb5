"""导出填报表: choose a plan, a reporting period and the units, and write their workbooks.

The clerk ticks sections and schools (all by default, or a whole kind at once), sees how many
rows each unit will get, picks a folder (remembered), and the workbooks are written off the
GUI thread. The period is typed or picked (``2026年第4季度``, ``2026年11月``) and checked as it
is typed, so a period the importer could not read back never goes out.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QTreeWidgetItem,
    QWidget,
)

from planner_desktop.domain.fillin import suggested_periods
from planner_desktop.domain.report_periods import ReportPeriod, period_for
from planner_desktop.errors import UserFixableError
from planner_desktop.gui.forms.fillin_export_dialog_ui import Ui_FillinExportDialog
from planner_desktop.gui.operation import Operation, run_operation
from planner_desktop.ops.fillin.export import ExportResult, export_fillin, plan_units_for_export
from planner_desktop.ops.ledger import Ledger
from planner_desktop.ops.plans import exported_periods, list_plans
from planner_desktop.ops.progress import Cancelled

OUT_DIR_KEY = "fillin/out_dir"
KINDS = ("股室", "学校")


class FillinExportDialog(QDialog):
    exported = Signal(object)  # ExportResult

    def __init__(self, ledger: Ledger, plan_id: int | None = None, parent: QWidget | None = None,
                 today: dt.date | None = None, view_items: frozenset[int] | None = None,
                 view_name: str = "") -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.today = today or dt.date.today()
        self.view_items = view_items  # the items of the window's current view, if narrowed
        self.view_name = view_name
        self.job: Operation | None = None
        self.result: ExportResult | None = None
        self.build()
        plans = list_plans(ledger)
        for plan in plans:
            self.plan_combo.addItem(plan["title"], plan["id"])
        index = self.plan_combo.findData(plan_id) if plan_id is not None else 0
        self.plan_combo.setCurrentIndex(max(index, 0))
        self.plan_combo.currentIndexChanged.connect(lambda _i: self.load_plan())
        self.load_plan()

    # -- layout (ui/fillin_export_dialog.ui) and behaviour -----------------------------------
    def build(self) -> None:
        self.ui = ui = Ui_FillinExportDialog()
        ui.setupUi(self)
        # The widgets the dialog works with, by the names the form gives them.
        self.plan_combo, self.period_combo, self.period_note = ui.plan_combo, ui.period_combo, ui.period_note
        self.due_box, self.due_edit, self.folder_edit = ui.due_box, ui.due_edit, ui.folder_edit
        self.units_tree, self.view_box, self.summary = ui.units_tree, ui.view_box, ui.summary
        self.per_unit_box, self.combined_box, self.zip_box = ui.per_unit_box, ui.combined_box, ui.zip_box
        self.result_label, self.open_folder_button = ui.result_label, ui.open_folder_button
        self.buttons = ui.buttons

        self.period_combo.editTextChanged.connect(lambda _t: self.check_period())
        self.units_tree.setColumnWidth(0, 420)
        self.units_tree.itemChanged.connect(lambda *_a: self.update_summary())
        for button, kinds in ((ui.select_all, KINDS), (ui.select_sections, ("股室",)),
                              (ui.select_schools, ("学校",)), (ui.select_none, ())):
            button.clicked.connect(lambda _c=False, k=kinds: self.select_kinds(k))
        self.folder_edit.setText(self.remembered_folder())
        ui.browse_button.clicked.connect(self.choose_folder)
        self.view_box.setVisible(self.view_items is not None)
        self.view_box.toggled.connect(lambda _c: self.load_plan())
        self.per_unit_box.toggled.connect(lambda _c: self.update_summary())
        self.combined_box.toggled.connect(lambda _c: self.update_summary())
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.setVisible(False)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("导出(&E)"))
        self.buttons.button(QDialogButtonBox.Close).setText(self.tr("关闭"))
        self.buttons.accepted.connect(self.export)

    # -- state ------------------------------------------------------------------------------
    def plan_id(self) -> int | None:
        return self.plan_combo.currentData()

    def item_ids(self) -> frozenset[int] | None:
        """The view's items when the clerk chose to export only those."""
        return self.view_items if self.view_items is not None and self.view_box.isChecked() else None

    def load_plan(self) -> None:
        plan_id = self.plan_id()
        if self.view_items is not None:
            self.view_box.setText(self.tr("只导出当前视图（{view}）中的 {n} 项要点").format(
                view=self.view_name or self.tr("筛选结果"), n=len(self.view_items)))
        self.units_tree.blockSignals(True)
        self.units_tree.clear()
        self.kind_nodes: dict[str, QTreeWidgetItem] = {}
        units = plan_units_for_export(self.ledger, plan_id, self.item_ids()) \
            if plan_id is not None else []
        for kind in KINDS:
            mine = [u for u in units if u.kind == kind]
            if not mine:
                continue
            node = QTreeWidgetItem(self.units_tree, [self.tr("{kind}（{n} 个）").format(
                kind=kind, n=len(mine))])
            node.setFlags(node.flags() | Qt.ItemIsAutoTristate | Qt.ItemIsUserCheckable)
            for unit in mine:
                child = QTreeWidgetItem(node, [unit.name, str(unit.assignments)])
                child.setData(0, Qt.UserRole, unit.unit_id)
                child.setData(1, Qt.UserRole, unit.assignments)
                child.setFlags(child.flags() | Qt.ItemIsUserCheckable)
                child.setCheckState(0, Qt.Checked)
            node.setExpanded(True)
            self.kind_nodes[kind] = node
        self.units_tree.blockSignals(False)
        self.fill_periods(plan_id)
        self.update_summary()

    def fill_periods(self, plan_id: int | None) -> None:
        previous = exported_periods(self.ledger, plan_id) if plan_id is not None else []
        labels = [period_for(key).label for key in previous[:3]]
        labels += [p.label for p in suggested_periods(self.today) if p.label not in labels]
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        self.period_combo.addItems(labels)
        # The month under way unless this plan was last collected for another period.
        self.period_combo.setCurrentText(labels[0] if previous else suggested_periods(self.today)[0].label)
        self.period_combo.blockSignals(False)
        self.check_period()

    def period(self) -> ReportPeriod | None:
        try:
            return period_for(self.period_combo.currentText().strip())
        except UserFixableError:
            return None

    def check_period(self) -> None:
        period = self.period()
        if period is None:
            self.period_note.setText(self.tr(
                "看不懂这个周期，请写成 2026年11月、2026年第4季度或 2026年上半年"))
            self.period_note.setStyleSheet("color: #b00020")
        else:
            self.period_note.setText(self.tr("{start} 至 {end}").format(
                start=period.start.isoformat(), end=period.end.isoformat()))
            self.period_note.setStyleSheet("color: palette(mid)")
            due = period.end + dt.timedelta(days=5)
            self.due_edit.setDate(QDate(due.year, due.month, due.day))
        self.update_buttons()

    def checked_units(self) -> list[int]:
        ids = []
        for node in self.kind_nodes.values():
            for i in range(node.childCount()):
                child = node.child(i)
                if child.checkState(0) == Qt.Checked:
                    ids.append(child.data(0, Qt.UserRole))
        return ids

    def select_kinds(self, kinds: tuple[str, ...]) -> None:
        self.units_tree.blockSignals(True)
        for kind, node in self.kind_nodes.items():
            state = Qt.Checked if kind in kinds else Qt.Unchecked
            for i in range(node.childCount()):
                node.child(i).setCheckState(0, state)
        self.units_tree.blockSignals(False)
        self.update_summary()

    def update_summary(self) -> None:
        units = rows = 0
        for node in self.kind_nodes.values():
            for i in range(node.childCount()):
                child = node.child(i)
                if child.checkState(0) == Qt.Checked:
                    units += 1
                    rows += child.data(1, Qt.UserRole)
        self.summary.setText(self.tr("已选 {units} 个单位，共 {rows} 条任务。").format(
            units=units, rows=rows))
        self.update_buttons()

    def update_buttons(self) -> None:
        ready = (self.period() is not None and bool(self.checked_units())
                 and (self.per_unit_box.isChecked() or self.combined_box.isChecked())
                 and (self.job is None or not self.job.running))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(ready)

    # -- folder -----------------------------------------------------------------------------
    def remembered_folder(self) -> str:
        documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
        default = str(Path(documents or Path.home()) / self.tr("督办填报表"))
        return str(QSettings().value(OUT_DIR_KEY, default))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("保存填报表的文件夹"),
                                                  self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder_edit.text()))

    # -- export -----------------------------------------------------------------------------
    def export(self) -> None:
        plan_id, period, unit_ids = self.plan_id(), self.period(), self.checked_units()
        item_ids = self.item_ids()
        if plan_id is None or period is None or not unit_ids:
            return
        folder = Path(self.folder_edit.text().strip()).expanduser()
        QSettings().setValue(OUT_DIR_KEY, str(folder))
        per_unit, combined = self.per_unit_box.isChecked(), self.combined_box.isChecked()
        zip_files = per_unit and self.zip_box.isChecked()
        report_by = self.due_edit.date().toPython() if self.due_box.isChecked() else None

        def work(ledger: Ledger, progress) -> ExportResult:
            return export_fillin(ledger, plan_id, period, folder, unit_ids=unit_ids,
                                 per_unit=per_unit, combined=combined, zip_files=zip_files,
                                 report_by=report_by, item_ids=item_ids, on_progress=progress)

        self.result_label.setText(self.tr("正在写入 {n} 个单位的填报表…").format(n=len(unit_ids)))
        self.job = run_operation(self, self.ledger.path, work, label=self.tr("正在导出填报表…"),
                                 writes=True, error_label=self.result_label,
                                 succeeded=self.on_exported, failed=self.on_failed)
        self.update_buttons()

    def on_exported(self, result: ExportResult) -> None:
        self.result = result
        text = self.tr("已导出 {period}的填报表：{units} 个单位，{rows} 条任务，{files} 个文件，"
                       "保存在 {folder}").format(
            period=result.period.label, units=result.units, rows=result.rows,
            files=len(result.files), folder=self.folder_edit.text())
        if result.targets:
            text += self.tr("。另请各单位在“量化指标”表中填报 {n} 个指标的完成值").format(n=result.targets)
        self.result_label.setText(text)
        self.open_folder_button.setVisible(True)
        self.update_buttons()
        self.exported.emit(result)

    def on_failed(self, exc: BaseException) -> None:
        self.update_buttons()
        if isinstance(exc, Cancelled):
            self.result_label.setText(self.tr("已取消导出，没有记录这次导出；已写出的文件可以删除。"))
