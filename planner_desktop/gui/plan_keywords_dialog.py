"""Small dialogs of the plan import: the keyword → lead section table, and pasting text."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidgetItem,
    QWidget,
)

from planner_desktop.domain.lead_suggestion import KeywordTable
from planner_desktop.gui.forms.paste_text_dialog_ui import Ui_PasteTextDialog
from planner_desktop.gui.forms.plan_keywords_dialog_ui import Ui_PlanKeywordsDialog
from planner_desktop.gui.operation import run_here
from planner_desktop.ops.ledger import Ledger
from planner_desktop.ops.plan_import import save_keywords


class PlanKeywordsDialog(QDialog):
    """The clerk's table of words that suggest a lead section (安全 → 安全股), kept in the
    ledger so every later import uses it."""

    saved = Signal(object)  # the KeywordTable

    def __init__(self, ledger: Ledger, table: KeywordTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.ui = Ui_PlanKeywordsDialog()  # the layout lives in ui/plan_keywords_dialog.ui
        self.ui.setupUi(self)
        self.table = self.ui.table
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        for keyword, unit in table.rows:
            self.add_row(keyword, unit)
        self.ui.add_button.clicked.connect(lambda: self.add_row("", ""))
        self.ui.remove_button.clicked.connect(self.remove_rows)
        buttons = self.ui.buttons
        buttons.button(QDialogButtonBox.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def add_row(self, keyword: str, unit: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(keyword))
        self.table.setItem(row, 1, QTableWidgetItem(unit))

    def remove_rows(self) -> None:
        for row in sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def current_table(self) -> KeywordTable:
        rows = []
        for row in range(self.table.rowCount()):
            keyword = self.table.item(row, 0).text() if self.table.item(row, 0) else ""
            unit = self.table.item(row, 1).text() if self.table.item(row, 1) else ""
            rows.append((keyword, unit))
        return KeywordTable.from_json(rows)

    def save(self) -> None:
        table = self.current_table()
        if run_here(self, lambda: save_keywords(self.ledger, table),
                    error_title=self.tr("无法保存")) is None:
            return
        self.saved.emit(table)
        self.accept()


class PasteTextDialog(QDialog):
    """Text copied from a web page or a document, pasted to be read as a plan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PasteTextDialog()  # the layout lives in ui/paste_text_dialog.ui
        self.ui.setupUi(self)
        self.edit = self.ui.edit
        self.ui.buttons.button(QDialogButtonBox.Ok).setText(self.tr("读取"))
        self.ui.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))

    def text(self) -> str:
        return self.edit.toPlainText()
