"""What the main window remembers between starts: size and place, the splitter, the
granularity and saved view last shown, and the table's columns per granularity.

A mixin of :class:`~planner_desktop.gui.main_window.MainWindow`: it reads the window's
``splitter``, ``table``, ``model``, ``granularity``, ``granularity_box``, ``row_filter`` and
``nav``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize

from planner_desktop.domain.ledger_table import Granularity, SavedView

FIRST_SIZE = QSize(1366, 768)  # the office PC's screen; the window fits it beside both panes


def first_size(available: QSize) -> QSize:
    """The window's size on a first start: 1366×768, but never larger than the screen's free
    area (a 1920×1080 screen at 150 % scaling offers only 1280×~690 logical pixels)."""
    return FIRST_SIZE.boundedTo(available)


# The column order of ledger_model.COLUMNS: a header state saved for another order (widths
# of other columns) is dropped, and the columns are sized by the policy instead.
COLUMNS_VERSION = 2
OLD_COLUMN_KEYS = tuple(f"main_window/columns_{g.value}" for g in Granularity)


class WindowState:
    def column_key(self) -> str:
        return f"main_window/columns_v{COLUMNS_VERSION}_{self.granularity.value}"

    def save_columns(self) -> None:
        """The clerk's own widths and hidden columns; none when the policy sized them, so that
        the next start sizes them for its screen."""
        settings = QSettings()
        for key in OLD_COLUMN_KEYS:
            settings.remove(key)
        if self.columns.custom:
            settings.setValue(self.column_key(), self.table.horizontalHeader().saveState())
        else:
            settings.remove(self.column_key())

    def restore_columns(self) -> None:
        self.table.horizontalScrollBar().setValue(0)
        state = QSettings().value(self.column_key())
        if state is not None and self.table.horizontalHeader().restoreState(state):
            self.columns.set_custom()
        else:
            self.columns.reset()

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
