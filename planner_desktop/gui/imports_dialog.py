"""导入记录: every imported file (task lists, plan documents, returned workbooks, rosters),
newest first, with what it brought in; any one can be undone, putting the ledger back as it
was before that file (a returned workbook's rows changed again later keep the later change).
The undo announces what it changed (``gui/operation.run_here``); the views follow.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from planner_desktop.gui.forms.imports_dialog_ui import Ui_ImportHistoryDialog
from planner_desktop.gui.operation import run_here
from planner_desktop.ops.imports import ImportBatch, list_batches, undo_import
from planner_desktop.ops.ledger import Ledger

KIND_LABELS = {"tasks": "任务表", "plan": "工作要点", "returns": "回收表", "roster": "单位名册",
               "demo": "演示数据", "calendar": "节假日安排"}
COUNT_LABELS = {"items": "要点", "assignments": "分工", "updated": "更新", "unchanged": "不变",
                "empty": "未填写", "skipped": "跳过", "conflicts": "冲突", "added": "新增",
                "changed": "修改", "removed": "删除", "sections": "股室", "schools": "学校",
                "aliases": "简称", "matched": "对上"}


def describe_counts(counts: dict) -> str:
    """The batch's counts as a clerk reads them: 要点 42，分工 310."""
    parts = [f"{COUNT_LABELS[key]} {value}" for key, value in counts.items()
             if key in COUNT_LABELS and isinstance(value, int) and value]
    return "，".join(parts)


class ImportHistoryDialog(QDialog):
    def __init__(self, ledger: Ledger, parent: QWidget | None = None, read_only: bool = False) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.batches: list[ImportBatch] = []
        self.ui = Ui_ImportHistoryDialog()  # the layout lives in ui/imports_dialog.ui
        self.ui.setupUi(self)
        self.table, self.undo_button = self.ui.table, self.ui.undo_button
        self.ui.buttons.button(QDialogButtonBox.Close).setText(self.tr("关闭"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.undo_button.clicked.connect(self.undo_selected)
        self.undo_button.setVisible(not read_only)
        self.reload()

    def reload(self) -> None:
        self.batches = list_batches(self.ledger)
        self.table.setRowCount(len(self.batches))
        for row, batch in enumerate(self.batches):
            state = self.tr("已于 {at} 撤销").format(at=batch.undone_at[:16]) if batch.undone_at else ""
            values = (str(batch.id), batch.imported_at[:16], self.tr(KIND_LABELS.get(batch.kind, batch.kind)),
                      batch.file_name, describe_counts(batch.counts), state)
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if batch.undone_at:
                    cell.setForeground(self.palette().placeholderText())
                if column == 3:
                    cell.setToolTip(value)
                self.table.setItem(row, column, cell)
        self.update_buttons()

    def selected(self) -> ImportBatch | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.batches[rows.pop()] if rows else None

    def select_batch(self, batch_id: int) -> None:
        for row, batch in enumerate(self.batches):
            if batch.id == batch_id:
                self.table.selectRow(row)

    def update_buttons(self) -> None:
        batch = self.selected()
        self.undo_button.setEnabled(batch is not None and not batch.undone_at and bool(batch.undo))

    def undo_selected(self) -> bool:
        batch = self.selected()
        if batch is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("撤销导入"),
            self.tr("撤销导入批次 {id}（{kind}：{file}）？\n这次导入带来的内容会从账本中去掉。").format(
                id=batch.id, kind=self.tr(KIND_LABELS.get(batch.kind, batch.kind)), file=batch.file_name))
        if answer != QMessageBox.Yes:
            return False
        if run_here(self, lambda: undo_import(self.ledger, batch.id),
                    error_title=self.tr("不能撤销")) is None:
            return False
        self.reload()
        self.select_batch(batch.id)
        return True

