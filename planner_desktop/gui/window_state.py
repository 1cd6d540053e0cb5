"""What the main window remembers between starts: size and place, the splitter, the
granularity and saved view last shown, and the table's columns per granularity.

A mixin of :class:`~planner_desktop.gui.main_window.MainWindow`: it reads the window's
``splitter``, ``table``, ``model``, ``granularity``, ``granularity_box``, ``row_filter`` and
``nav``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize

from planner_desktop.domain.ledger_table import Granularity, SavedView
from planner_desktop.gui.ledger_model import DEFAULT_WIDTHS

FIRST_SIZE = QSize(1366, 768)  # the office PC's screen; the window fits it beside both panes


def first_size(available: QSize) -> QSize:
    """The window's size on a first start: 1366×768, but never larger than the screen's free
    area (a 1920×1080 screen at 150 % scaling offers only 1280×~690 logical pixels)."""
    return FIRST_SIZE.boundedTo(available)


class WindowState:
    def column_key(self) -> str:
        return f"main_window/columns_{self.granularity.value}"

    def save_columns(self) -> None:
        QSettings().setValue(self.column_key(), self.table.horizontalHeader().saveState())

    def restore_columns(self) -> None:
        state = QSettings().value(self.column_key())
        if state is None or not self.table.horizontalHeader().restoreState(state):
            for column, key in enumerate(self.model.columns):
                self.table.setColumnWidth(column, DEFAULT_WIDTHS[key])

    def restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = settings.value("main_window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        granularity = settings.value("main_window/granularity")
        if granularity in {g.value for g in Granularity}:
            self.granularity_box.setCurrentIndex(self.granularity_box.findData(Granularity(granularity)))
        self.restore_columns()
        view = settings.value("main_window/view")
        if view in {v.value for v in SavedView}:
            self.nav.select_view(SavedView(view))

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/splitter", self.splitter.saveState())
        settings.setValue("main_window/granularity", self.granularity.value)
        settings.setValue("main_window/view", self.row_filter.view.value)
        self.save_columns()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.save_layout()
        super().closeEvent(event)
