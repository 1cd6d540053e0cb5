"""The ledger table's columns: sized by their content and importance, 编号 and 要点 frozen.

On the office PC's 1366×768 screen, beside the navigation and detail panes, the table has
about 700 pixels. Columns are sized by what they hold (measured on a sample of the rows),
between limits per column (``ledger_model.WIDTH_LIMITS``); the title takes the room the
first-seen columns (``FIRST_SEEN``: who leads it, its status, light and due date) leave, so
that a row's state is read beside its item without scrolling. The rest follow, reached by
scrolling sideways, and the header's context menu hides or shows them.

Qt has no frozen columns; the known pattern (Qt's "Frozen Column" example) lays a second
view over the table's left edge, sharing its model and selection model and showing only the
frozen columns, kept in step with the table's rows, widths and vertical scrolling.

Once the clerk resizes, hides or shows a column by hand the widths are theirs (and saved
between starts by ``window_state``) until 恢复默认列宽 hands them back to this policy.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView

from planner_desktop.gui.ledger_model import (
    FIRST_SEEN,
    FROZEN_COLUMNS,
    HEADERS,
    WIDTH_LIMITS,
    LedgerTableModel,
)

SAMPLE_ROWS = 200  # rows measured for a column's content width (evenly spread)
CELL_PADDING = 14  # text margins and grid line of a cell
HEADER_PADDING = 22  # and room for the sort indicator in a header section


def natural_widths(table: QTableView, model: LedgerTableModel) -> dict[str, int]:
    """Each column's width by its content (a sample of the rows) and header, within its
    limits; the title's is its widest (it takes the room the others leave)."""
    cells, header = table.fontMetrics(), table.horizontalHeader().fontMetrics()
    count = model.rowCount()
    step = max(1, count // SAMPLE_ROWS)
    rows = range(0, count, step)
    widths = {"title": WIDTH_LIMITS["title"][1]}  # the title takes the room left: not measured
    for column, key in enumerate(model.columns):
        if key == "title":
            continue
        texts = {model.data(model.index(r, column)) or "" for r in rows}
        content = max((cells.horizontalAdvance(t) for t in texts), default=0) + CELL_PADDING
        title = header.horizontalAdvance(model.headerData(column, Qt.Horizontal)) + HEADER_PADDING
        low, high = WIDTH_LIMITS[key]
        widths[key] = max(low, min(high, max(content, title)))
    return widths


def fitted_widths(natural: dict[str, int], shown: list[str], room: int) -> dict[str, int]:
    """The widths to give: every column its natural width but the title, which takes what
    the first-seen columns leave of ``room`` (no less than its narrowest, and all the room
    left when every column fits)."""
    widths = dict(natural)
    others = sum(natural[k] for k in shown if k != "title")
    first_seen = sum(natural[k] for k in shown if k != "title" and k in FIRST_SEEN)
    if room - others >= natural["title"]:
        widths["title"] = room - others
    else:
        widths["title"] = max(WIDTH_LIMITS["title"][0], min(natural["title"], room - first_seen))
    return widths


class LedgerTableView(QTableView):
    """The ledger table (promoted in ui/ledger_page.ui): scrolling to a cell never takes the
    table sideways for a frozen column (shown by the overlay whatever the scrolling), and
    never leaves a cell hidden under the overlay."""

    def scrollTo(self, index, hint=QAbstractItemView.EnsureVisible) -> None:  # noqa: N802
        bar = self.horizontalScrollBar()
        kept = bar.value()
        super().scrollTo(index, hint)
        if not index.isValid() or index.column() < FROZEN_COLUMNS:
            bar.setValue(kept)
            return
        frozen = sum(self.columnWidth(c) for c in range(FROZEN_COLUMNS))
        covered = frozen - self.visualRect(index).left()
        if covered > 0:
            bar.setValue(bar.value() - covered)


class FrozenColumns(QTableView):
    """The first ``FROZEN_COLUMNS`` columns of ``table``, laid over its left edge."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.setModel(table.model())
        self.setSelectionModel(table.selectionModel())
        self.setFocusPolicy(Qt.NoFocus)  # the keyboard stays with the table
        self.verticalHeader().hide()
        # Its header lies over the table's first sections: resizing there resizes the table's.
        self.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.horizontalHeader().sectionResized.connect(self.resize_table_column)
        self.horizontalHeader().setSectionsClickable(True)
        self.horizontalHeader().setSortIndicatorShown(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(table.verticalScrollMode())
        self.setSelectionBehavior(table.selectionBehavior())
        self.setSelectionMode(table.selectionMode())
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setAlternatingRowColors(table.alternatingRowColors())
        self.setWordWrap(table.wordWrap())
        self.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
        self.setStyleSheet("QTableView { border: none; border-right: 1px solid palette(mid); }")
        table.viewport().stackUnder(self)

        main = table.horizontalHeader()
        main.sectionResized.connect(self.follow_width)
        main.sortIndicatorChanged.connect(lambda c, o: self.horizontalHeader().setSortIndicator(c, o))
        self.horizontalHeader().sectionClicked.connect(self.sort_by)
        table.verticalHeader().sectionResized.connect(lambda row, _old, size: self.setRowHeight(row, size))
        self.verticalScrollBar().valueChanged.connect(table.verticalScrollBar().setValue)
        table.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        table.model().modelReset.connect(self.refresh)
        self.activated.connect(table.activated)
        self.doubleClicked.connect(table.doubleClicked)
        self.setContextMenuPolicy(Qt.CustomContextMenu)
        self.customContextMenuRequested.connect(self.table_menu)
        self.refresh()

    def refresh(self) -> None:
        """Only the frozen columns, as wide as the table's, with its sort indicator."""
        for column in range(self.model().columnCount()):
            self.setColumnHidden(column, column >= FROZEN_COLUMNS)
        for column in range(FROZEN_COLUMNS):
            self.setColumnWidth(column, self.table.columnWidth(column))
        main = self.table.horizontalHeader()
        self.horizontalHeader().setSortIndicator(main.sortIndicatorSection(), main.sortIndicatorOrder())
        self.place()

    def follow_width(self, column: int, _old: int, size: int) -> None:
        if column < FROZEN_COLUMNS:
            self.setColumnWidth(column, size)
            self.place()

    def resize_table_column(self, column: int, _old: int, size: int) -> None:
        if column < FROZEN_COLUMNS and self.table.columnWidth(column) != size:
            self.table.setColumnWidth(column, size)

    def sort_by(self, column: int) -> None:
        """A click on a frozen header sorts the table, as a click on the table's header does."""
        main = self.table.horizontalHeader()
        ascending = main.sortIndicatorSection() != column or main.sortIndicatorOrder() == Qt.DescendingOrder
        self.table.sortByColumn(column, Qt.AscendingOrder if ascending else Qt.DescendingOrder)

    def table_menu(self, pos: QPoint) -> None:
        actions = self.table.actions()
        if actions:
            QMenu.exec(actions, self.viewport().mapToGlobal(pos), None, self)

    def frozen_width(self) -> int:
        return sum(self.table.columnWidth(c) for c in range(FROZEN_COLUMNS))

    def place(self) -> None:
        """Over the table's frozen columns: from its frame's left edge, header included, down
        to its horizontal scroll bar."""
        table = self.table
        frame = table.frameWidth()
        self.setGeometry(table.verticalHeader().width() + frame, frame, self.frozen_width(),
                         table.viewport().height() + table.horizontalHeader().height())


class LedgerColumns(QObject):
    """The ledger table's column policy, the frozen overlay and the header's context menu."""

    def __init__(self, table: QTableView, model: LedgerTableModel) -> None:
        super().__init__(table)
        self.table, self.model = table, model
        self.custom = False  # the widths are the clerk's (restored or set by hand)
        self._fitting = False
        table.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.frozen = FrozenColumns(table)
        header = table.horizontalHeader()
        header.sectionResized.connect(self.on_resized)
        for each in (header, self.frozen.horizontalHeader()):
            each.setContextMenuPolicy(Qt.CustomContextMenu)
            each.customContextMenuRequested.connect(lambda pos, h=each: self.header_menu(h, pos))
        table.viewport().installEventFilter(self)

    # -- the policy ---------------------------------------------------------------------------
    def fit(self) -> None:
        """Size the columns by the policy (unless the clerk sized them)."""
        if self.custom:
            self.frozen.refresh()
            return
        keys = self.model.columns
        shown = [k for c, k in enumerate(keys) if not self.table.isColumnHidden(c)]
        widths = fitted_widths(natural_widths(self.table, self.model), shown,
                               self.table.viewport().width())
        self._fitting = True
        try:
            for column, key in enumerate(keys):
                self.table.setColumnWidth(column, widths[key])
        finally:
            self._fitting = False
        self.frozen.refresh()

    def reset(self) -> None:
        """恢复默认列宽: every column shown, sized by the policy again."""
        self.custom = False
        self._fitting = True
        try:
            for column in range(self.model.columnCount()):
                self.table.setColumnHidden(column, False)
        finally:
            self._fitting = False
        self.fit()

    def set_custom(self) -> None:
        self.custom = True
        self.frozen.refresh()

    def on_resized(self, _column: int, _old: int, _new: int) -> None:
        if not self._fitting and self.table.isVisible():
            self.custom = True
        self.frozen.place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Resize:  # the window or the splitter moved: fit the new room
            self.fit()
        return False

    # -- the header's context menu --------------------------------------------------------------
    def header_menu(self, header: QHeaderView, pos: QPoint) -> None:
        self.column_menu().exec(header.mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        """A check per column that may be hidden (all but 编号 and 要点), and 恢复默认列宽."""
        menu = QMenu(self.table)
        for column, key in enumerate(self.model.columns):
            if column < FROZEN_COLUMNS:
                continue
            action = menu.addAction(self.tr(HEADERS[key]))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda shown, c=column: self.show_column(c, shown))
        menu.addSeparator()
        menu.addAction(self.tr("恢复默认列宽"), self.reset)
        return menu

    def show_column(self, column: int, shown: bool) -> None:
        self.table.setColumnHidden(column, not shown)
        self.set_custom()
