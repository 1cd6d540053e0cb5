"""The main window: the ledger of plan items with filter-as-you-type and counts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.domain.status import Light
from planner_desktop.gui.item_table_model import COLUMNS, ItemTableModel
from planner_desktop.ledger_query import ItemQuery, query_items
from planner_desktop.store.database import Ledger

COLUMN_WIDTHS = {"code": 60, "title": 420, "lead": 120, "support": 160, "schools": 60,
                 "deadline": 110, "due": 90, "remaining": 90, "status": 110, "progress": 60,
                 "light": 130, "last_update": 90}


class MainWindow(QMainWindow):
    def __init__(self, ledger: Ledger, today: dt.date | None = None) -> None:
        super().__init__()
        self.ledger = ledger
        self.today = today or dt.date.today()
        self.setWindowTitle(self.tr("工作要点督办台 — {path}").format(path=ledger.path.name))
        self.model = ItemTableModel(self)
        self.search = QLineEdit(placeholderText=self.tr("输入关键字筛选：编号、要点、单位、进展…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.on_search)
        toolbar = QToolBar(self.tr("筛选"), self)
        toolbar.setObjectName("filter_toolbar")
        toolbar.addWidget(QLabel(self.tr(" 筛选：")))
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        for column, (key, _) in enumerate(COLUMNS):
            self.table.setColumnWidth(column, COLUMN_WIDTHS[key])

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.counts = QLabel(self)
        self.statusBar().addPermanentWidget(self.counts)
        self.resize(1280, 760)
        self.restore_geometry()
        self.reload()

    def reload(self) -> None:
        views = query_items(self.ledger, ItemQuery(as_of=self.today))
        self.model.set_views(views)
        self.update_counts()

    def on_search(self, text: str) -> None:
        self.model.set_filter_text(text)
        self.update_counts()

    def update_counts(self) -> None:
        views = self.model.visible_views()
        red = sum(v.light is Light.RED for v in views)
        yellow = sum(v.light is Light.YELLOW for v in views)
        done = sum(v.light is Light.BLUE for v in views)
        self.counts.setText(self.tr(
            "共 {total} 项　已完成 {done}　逾期 {red}　临期/滞后 {yellow}　截至 {today}").format(
                total=len(views), done=done, red=red, yellow=yellow,
                today=self.today.isoformat()))

    # -- remembered layout ----------------------------------------------------------------
    def restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("main_window/header")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/header", self.table.horizontalHeader().saveState())
        super().closeEvent(event)


