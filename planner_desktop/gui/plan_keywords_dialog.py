"""Small dialogs of the plan import: the keyword → lead section table, and pasting text."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.domain.lead_suggestion import KeywordTable
from planner_desktop.plan_import import save_keywords
from planner_desktop.store.database import Ledger


class PlanKeywordsDialog(QDialog):
    """The clerk's table of words that suggest a lead section (安全 → 安全股), kept in the
    ledger so every later import uses it."""

    saved = Signal(object)  # the KeywordTable

    def __init__(self, ledger: Ledger, table: KeywordTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.setWindowTitle(self.tr("牵头股室关键词表"))
        self.resize(460, 520)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("要点中出现的词"), self.tr("建议牵头股室")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        for keyword, unit in table.rows:
            self.add_row(keyword, unit)
        add = QPushButton(self.tr("添加一行"))
        add.clicked.connect(lambda: self.add_row("", ""))
        remove = QPushButton(self.tr("删除选中行"))
        remove.clicked.connect(self.remove_rows)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("要点的标题或正文中出现左列的词时，建议由右列的股室牵头"
                                        "（标题中的词分量更重）。建议须经确认才会写入台账。"), wordWrap=True))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)

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
        save_keywords(self.ledger, table)
        self.saved.emit(table)
        self.accept()


class PasteTextDialog(QDialog):
    """Text copied from a web page or a document, pasted to be read as a plan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("粘贴工作要点文本"))
        self.resize(640, 480)
        self.edit = QPlainTextEdit()
        self.edit.setPlaceholderText(self.tr("把从网页或文档中复制的工作要点全文粘贴到这里（Ctrl+V）。"))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("读取"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit, 1)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.edit.toPlainText()
