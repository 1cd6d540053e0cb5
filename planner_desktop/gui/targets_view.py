"""The 量化指标 view: one row per target of the ledger, its figure reached and its state.

It reads the targets itself and follows the application's ``changed`` signal, so a figure
typed in the detail pane or read from a return shows here at once (read again only when
the view is shown). The clerk filters by state and text, sorts on any column and exports
what is shown to .xlsx.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.domain.ledger_table import LedgerRow
from planner_desktop.domain.target_rows import STATE_COLOURS, TARGET_COLUMNS, TargetRow
from planner_desktop.domain.target_state import TargetState
from planner_desktop.errors import UserFixableError
from planner_desktop.gui.events import ledger_events
from planner_desktop.ops.changes import Changes
from planner_desktop.ops.ledger import Ledger
from planner_desktop.ops.targets_view import export_targets, target_counts, targets_of_items

STATE_COLUMN = TARGET_COLUMNS.index("状态")
SORT_ROLE = Qt.UserRole + 1
NO_PARENT = QModelIndex()
# Sorting by state goes by how urgent it is, not by the characters of its name.
STATE_ORDER = {TargetState.NOT_REACHED: 0, TargetState.AWAITING: 1, TargetState.UNDECIDED: 2,
               TargetState.REACHED: 3}


class TargetTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[TargetRow] = []

    def set_rows(self, rows: list[TargetRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> list[TargetRow]:
        return list(self._rows)

    def row_at(self, row: int) -> TargetRow:
        return self._rows[row]

    def rowCount(self, parent=NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(TARGET_COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.tr(TARGET_COLUMNS[section])
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return row.cells()[column]
        if role == SORT_ROLE:
            # 编号 sorts in the outline's order (the rows come in it), not as text
            return index.row() if column == 0 else self._sort_key(row, column)
        if role == Qt.ForegroundRole and column == STATE_COLUMN:
            return QColor(STATE_COLOURS[row.state])
        if role == Qt.UserRole:
            return row.target.item_id
        return None

    @staticmethod
    def _sort_key(row: TargetRow, column: int):
        t = row.target
        if column == 3:
            return -1e18 if t.wanted is None else t.wanted
        if column == 5:
            return -1e18 if t.figure is None else t.figure
        if column == STATE_COLUMN:
            return STATE_ORDER[row.state]
        return row.cells()[column]


class TargetFilter(QSortFilterProxyModel):
    """A state (None: all) and a text that any column may contain."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.state: TargetState | None = None
        self.text = ""
        self.setSortRole(SORT_ROLE)

    def set_filter(self, state: TargetState | None, text: str) -> None:
        self.beginFilterChange()
        self.state, self.text = state, text.strip()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, _parent) -> bool:  # noqa: N802
        row = self.sourceModel().row_at(source_row)
        if self.state is not None and row.state is not self.state:
            return False
        return not self.text or any(self.text in cell for cell in row.cells())

    def lessThan(self, left, right) -> bool:  # noqa: N802
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


class TargetsView(QWidget):
    """The view; ``item_requested`` asks the window to open a target's item."""

    item_requested = Signal(int)  # opened (Enter, double click)
    item_selected = Signal(int)  # the current row's item, for the detail pane
    counts_changed = Signal(object)  # TargetCounts of all the ledger's targets

    def __init__(self, ledger: Ledger, parent=None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.items: list[LedgerRow] = []
        self._sized = False
        self.model = TargetTableModel(self)
        self.proxy = TargetFilter(self)
        self.proxy.setSourceModel(self.model)

        self.state_box = QComboBox()
        self.state_box.addItem(self.tr("全部状态"), None)
        for state in TargetState:
            self.state_box.addItem(self.tr(state.value), state.value)  # Qt keeps a plain str
        self.search = QLineEdit(placeholderText=self.tr("筛选：指标、要点、单位…"))
        self.search.setClearButtonEnabled(True)
        self.counts = QLabel()
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.state_box.currentIndexChanged.connect(self.on_filter)
        self.search.textChanged.connect(self.on_filter)
        self.export_button.clicked.connect(self.choose_export)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        self.table.activated.connect(
            lambda index: self.item_requested.emit(self.proxy.data(index, Qt.UserRole)))
        self.table.selectionModel().currentRowChanged.connect(
            lambda index, _old: index.isValid() and self.item_selected.emit(index.data(Qt.UserRole)))
        self.table.setContextMenuPolicy(Qt.ActionsContextMenu)
        export_action = QAction(self.tr("导出当前视图到 Excel…"), self.table)
        export_action.triggered.connect(self.choose_export)
        self.table.addAction(export_action)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("状态：")))
        bar.addWidget(self.state_box)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)
        ledger_events().changed.connect(self.on_ledger_changed)

    # -- reading ---------------------------------------------------------------------------
    def set_items(self, items: list[LedgerRow]) -> None:
        """The window's item rows (number and title of each target's item)."""
        self.items = items
        self.reload()

    def on_ledger_changed(self, _changes: Changes, _initiator: object) -> None:
        # Figures are written by several operations (a typed figure, a return, an undo) and
        # the dashboard shows their count: the query is one statement, read after any change.
        if not self.ledger.closed:
            self.reload()

    def reload(self) -> None:
        self.model.set_rows(targets_of_items(self.ledger, self.items))
        if not self._sized and self.model.rowCount():
            self._sized = True
            self.table.resizeColumnsToContents()
            # 要点 and 填报单位 capped, 指标 takes what is left: 状态 shows at 1366 pixels
            # beside both panes (the full text is in the tooltip).
            for column, widest in ((1, 110), (4, 110)):
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
            self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.update_counts()
        self.counts_changed.emit(target_counts(self.model.rows()))

    # -- filtering -------------------------------------------------------------------------
    def show_state(self, state: TargetState | None) -> None:
        """Filter to one state (the dashboard's 未达成 opens this)."""
        self.state_box.setCurrentIndex(max(self.state_box.findData(state.value if state else None), 0))

    def on_filter(self) -> None:
        value = self.state_box.currentData()
        self.proxy.set_filter(TargetState(value) if value else None, self.search.text())
        self.update_counts()

    def shown_rows(self) -> list[TargetRow]:
        return [self.model.row_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
                for r in range(self.proxy.rowCount())]

    def update_counts(self) -> None:
        shown = self.shown_rows()
        self.counts.setText(self.tr("当前视图 {shown} 项；全部量化指标 {all}").format(
            shown=len(shown), all=target_counts(self.model.rows()).text()))

    # -- export ----------------------------------------------------------------------------
    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出量化指标"), self.tr("量化指标.xlsx"),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        try:
            export_targets(path, self.shown_rows())
        except (UserFixableError, OSError) as exc:
            QMessageBox.warning(self, self.tr("无法保存"), str(exc))
            return
        ledger_events().tell(self.tr("已导出 {n} 项量化指标到 {path}").format(
            n=len(self.shown_rows()), path=path))
