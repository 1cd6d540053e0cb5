"""The main window: navigation pane, the ledger table (or the dashboard), and the detail pane.

The window reads one :class:`LedgerSnapshot` per change and narrows it in Python: the
navigation pane and the filter bar give a :class:`RowFilter`, typed text goes through a
:class:`RowSearch`. It follows the application's ``changed`` signal (``gui/events.py``):
after any write the snapshot is read once, and the table and the dashboard show it; the
navigation, detail and reporting panes follow the same signal on their own.

What the window does besides is in mixins, one module each: the actions, menus and the
dialogs they open (``window_actions``), bulk edits of the selection (``bulk_edits``), files
dropped on it (``drop_routing``) and what it remembers between starts (``window_state``).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDateEdit,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QWidget,
)

from planner_desktop.domain.ledger_table import (
    Granularity,
    LedgerRow,
    RowFilter,
    RowSearch,
    SavedView,
    count_summary,
    leaf_items,
)
from planner_desktop.domain.status import Light, Status
from planner_desktop.gui import undo_commands as cmd
from planner_desktop.gui.bulk_edits import BulkEdits
from planner_desktop.gui.dashboard import Dashboard
from planner_desktop.gui.detail_pane import DetailPane
from planner_desktop.gui.drop_routing import PLAN_SUFFIXES, TASK_LIST_SUFFIXES, DropRouting
from planner_desktop.gui.events import ledger_events
from planner_desktop.gui.first_steps import FirstSteps
from planner_desktop.gui.forms.ledger_page_ui import Ui_LedgerPage
from planner_desktop.gui.ledger_columns import LedgerColumns
from planner_desktop.gui.ledger_model import LIGHT_TEXT, LedgerTableModel
from planner_desktop.gui.nav_pane import NavChoice, NavigationPane
from planner_desktop.gui.reporting_panel import ReportingPanel
from planner_desktop.gui.roster_import_dialog import open_roster_import
from planner_desktop.gui.supervision_menu import SupervisionMenu
from planner_desktop.gui.targets_view import TargetsView
from planner_desktop.gui.window_actions import WindowActions
from planner_desktop.gui.window_state import FIRST_SIZE, WindowState, first_size
from planner_desktop.ops.changes import Changes
from planner_desktop.ops.ledger import Ledger
from planner_desktop.ops.ledger_query import LedgerSnapshot, load_snapshot
from planner_desktop.ops.plans import item_ids_under
from planner_desktop.ops.units import list_units

__all__ = ["FIRST_SIZE", "PLAN_SUFFIXES", "TASK_LIST_SUFFIXES", "MainWindow", "first_size"]

NO_DATE = QDate(2000, 1, 1)
# What the table and the dashboard show: a change of any of these reads the snapshot again.
SNAPSHOT_KINDS = ("plans", "items", "assignments", "units", "settings")
# What the clerk's undoable edits refer to: a change of these from outside the undo stack
# (an import, an undone batch, a merge, a restore) makes the edits before it final.
UNDO_BASIS = ("plans", "items", "assignments", "units", "batches")


class MainWindow(WindowActions, SupervisionMenu, BulkEdits, DropRouting, WindowState, QMainWindow):
    def __init__(self, ledger: Ledger, today: dt.date | None = None, read_only: bool = False) -> None:
        super().__init__()
        self.ledger = ledger
        self.fixed_today = today
        self.read_only = read_only
        self.snapshot: LedgerSnapshot | None = None
        self.row_filter = RowFilter()
        self.row_search = RowSearch()
        self.granularity = Granularity.ITEMS
        self.nav_choice: NavChoice | None = None
        self._loading = False
        self.undo_stack = QUndoStack(self)
        # The program's name last: Qt appends the application's display name to a title that
        # does not end with it, which named the program twice.
        self.setWindowTitle(self.tr("{path}{read_only} — 工作要点督办台").format(
            path=ledger.path.name, read_only=self.tr("（只读）") if read_only else ""))
        self.setAcceptDrops(True)

        self.model = LedgerTableModel(self)
        self.ledger_page = self.build_ledger_page()  # and self.table, in it
        self.build_panes()
        self.create_actions()
        self.resize(first_size(self.screen().availableGeometry().size()))
        self.restore_layout()
        self.load()
        ledger_events().changed.connect(self.on_ledger_changed)
        ledger_events().told.connect(self.say)
        QTimer.singleShot(0, self.show_start_summary)

    # -- building -----------------------------------------------------------------------------
    @property
    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()

    def build_panes(self) -> None:
        """The navigation pane, the two tabs in the centre and the detail pane, side by side,
        and the status bar."""
        self.nav = NavigationPane(self.ledger, parent=self)
        self.nav.chosen.connect(self.on_nav_choice)
        self.detail = DetailPane(self.ledger, self.run_command, self)
        self.detail.set_read_only(self.read_only)
        self.reporting = ReportingPanel(self.ledger, lambda: self.today)
        self.reporting.unit_requested.connect(self.open_unit)
        self.reporting.failed.connect(lambda text: QMessageBox.warning(self, self.tr("无法保存"), text))
        self.dashboard = Dashboard(self, reporting=self.reporting)
        self.dashboard.view_requested.connect(self.open_view)
        self.dashboard.status_requested.connect(self.open_status)
        self.dashboard.unit_requested.connect(self.open_unit)
        self.dashboard.item_requested.connect(self.open_item)
        self.targets_view = TargetsView(self.ledger, self)
        self.targets_view.item_requested.connect(self.open_item)
        self.targets_view.item_selected.connect(self.detail.follow)
        self.dashboard.targets_requested.connect(self.open_targets)
        self.targets_view.counts_changed.connect(self.dashboard.show_targets)

        self.centre = QTabWidget()
        self.centre.addTab(self.ledger_page, self.tr("督办台账"))
        self.centre.addTab(self.dashboard, self.tr("概览"))
        self.centre.addTab(self.targets_view, self.tr("量化指标"))
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 1)
        # At 1366 pixels the table gets the room to show a row's state beside its item.
        self.splitter.setSizes([180, 766, 420])
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)

        self.counts = QLabel()
        self.legend = QLabel("　".join(LIGHT_TEXT[light] for light in Light))
        self.legend.setToolTip(self.tr("督办灯：红 逾期；黄 临期或进度滞后；绿 正常；蓝 已完成"))
        self.statusBar().addWidget(self.counts, 1)
        self.statusBar().addPermanentWidget(self.legend)

    def setup_table(self, table: QTableView) -> QTableView:
        table.setModel(self.model)
        self.columns = LedgerColumns(table, self.model)  # sized to fit, 编号 and 要点 frozen
        # No sort at first: the rows come in outline order, which is what the clerk expects.
        table.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicatorShown(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        table.selectionModel().currentRowChanged.connect(self.on_current_row)
        table.activated.connect(lambda _index: self.focus_detail())
        return table

    def build_ledger_page(self) -> QWidget:
        """The 督办台账 tab (laid out in ui/ledger_page.ui): the overdue banner, the search and
        filter bars (two rows, so that the window fits a 1366-pixel office screen beside both
        panes) and the table."""
        page = QWidget()
        self.page_ui = ui = Ui_LedgerPage()
        ui.setupUi(page)
        self.table = self.setup_table(ui.table)
        self.search, self.granularity_box = ui.search, ui.granularity_box
        self.status_box, self.light_box = ui.status_box, ui.light_box
        self.due_from, self.due_to = ui.due_from, ui.due_to
        self.banner, self.banner_text, self.banner_button = ui.banner, ui.banner_text, ui.banner_button
        self.search.textChanged.connect(self.on_search)
        self.granularity_box.addItem(self.tr("按要点"), Granularity.ITEMS)
        self.granularity_box.addItem(self.tr("按分工（要点×单位）"), Granularity.ASSIGNMENTS)
        self.granularity_box.currentIndexChanged.connect(self.on_granularity)
        self.status_box.addItem(self.tr("全部状态"), None)
        for status in Status:
            self.status_box.addItem(status.value, status)
        self.status_box.currentIndexChanged.connect(self.on_filter_bar)
        self.light_box.addItem(self.tr("全部督办灯"), None)
        for light in Light:
            self.light_box.addItem(LIGHT_TEXT[light], light)
        self.light_box.currentIndexChanged.connect(self.on_filter_bar)
        for edit in (self.due_from, self.due_to):
            edit.dateChanged.connect(self.on_filter_bar)
        self.banner_button.clicked.connect(lambda: self.open_view(SavedView.OVERDUE if self._banner_overdue
                                                                  else SavedView.DUE_SOON))
        self.banner.hide()
        self._banner_overdue = False
        # In the table's place while the ledger has no plan: what to import first, in order.
        self.first_steps = FirstSteps({"roster": lambda: open_roster_import(self.ledger, self),
                                       "plan": self.import_plan, "tasks": self.import_tasks}, page)
        self.first_steps.setEnabled(not self.read_only)
        self.first_steps.hide()
        ui.layout.addWidget(self.first_steps, 1)
        return page

    def say(self, message: str) -> None:
        """What a dialog did, in the status bar for a while (a box would need one more click)."""
        self.statusBar().showMessage(message, 20000)

    # -- reading --------------------------------------------------------------------------------
    def on_ledger_changed(self, changes: Changes, initiator: object) -> None:
        """After a write: what the table and the dashboard show is read again, once."""
        # A window torn down after its ledger was closed (at exit, or a test's teardown)
        # has nothing to show.
        if self.ledger.closed:
            return
        if not isinstance(initiator, cmd.LedgerCommand) and changes.any_of(*UNDO_BASIS):
            # An import has its own undo (导入批次); hand edits before it are fixed.
            self.undo_stack.clear()
        if changes.any_of(*SNAPSHOT_KINDS):
            self.load()

    def reload(self) -> None:
        """Read the ledger again, the detail pane too (刷新, or after an edit was refused: the
        edited widgets show the ledger's values again)."""
        self.load()
        self.refresh_detail()

    def load(self) -> None:
        """Read the snapshot and show it with the current filters, keeping the selection; the
        detail pane follows the selected row."""
        keep = self.current_row()
        self._loading = True
        try:
            self.snapshot = load_snapshot(self.ledger, self.today)
            self.show_first_steps(not self.snapshot.items)
            self.dashboard.set_snapshot(self.snapshot)
            self.targets_view.set_items(self.snapshot.items)
            if self.nav_choice is not None and self.nav_choice.kind == "branch":
                self.row_filter.item_ids = frozenset(item_ids_under(self.ledger, self.nav_choice.item_id))
            self.apply_filters(keep_search=False)
            self.columns.fit()
            if keep is not None:
                self.select_row(keep.item_id, keep.assignment_id)
        finally:
            self._loading = False
        self.follow_current()

    def show_first_steps(self, new: bool) -> None:
        if new:
            self.first_steps.show_units(len(list_units(self.ledger)))
        self.first_steps.setVisible(new)
        self.table.setVisible(not new)

    def apply_filters(self, keep_search: bool = True) -> None:
        if self.snapshot is None:
            return
        base = self.row_filter.apply(self.snapshot.rows(self.granularity), self.snapshot.today,
                                     self.snapshot.due_soon_days)
        self.row_search.reset(base)
        self.show_rows(self.row_search.search(self.search.text()))

    def show_rows(self, rows: list[LedgerRow]) -> None:
        keep = self.current_row()
        self.model.set_rows(rows, self.granularity)
        if keep is not None:
            self.select_row(keep.item_id, keep.assignment_id, scroll=False)
        self.update_counts()

    def update_counts(self) -> None:
        rows = self.model.rows()
        counts = count_summary(rows if self.granularity is Granularity.ASSIGNMENTS else leaf_items(rows))
        noun = self.tr("项分工") if self.granularity is Granularity.ASSIGNMENTS else self.tr("项要点")
        self.counts.setText(self.tr(
            "当前视图：共 {total} {noun}　已完成 {done}　逾期 {overdue}　临期 {due_soon}　"
            "滞后 {behind}　截至 {today}").format(noun=noun, today=self.today.isoformat(), **counts))

    def current_row(self) -> LedgerRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def selected_rows(self) -> list[LedgerRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [self.model.row_at(r) for r in rows]

    def select_row(self, item_id: int, assignment_id: int | None = None, scroll: bool = True) -> bool:
        for r, row in enumerate(self.model.rows()):
            same_assignment = assignment_id is None or row.assignment_id in (None, assignment_id)
            if row.item_id == item_id and same_assignment:
                index = self.model.index(r, 0)
                self.table.selectionModel().setCurrentIndex(
                    index, self.table.selectionModel().SelectionFlag.ClearAndSelect
                    | self.table.selectionModel().SelectionFlag.Rows)
                if scroll:
                    self.table.scrollTo(index)
                return True
        return False

    def follow_current(self) -> None:
        """The detail pane shows the selected row (read only when that is another row)."""
        row = self.current_row()
        self.detail.follow(row.item_id if row else None, row.assignment_id if row else None)

    def refresh_detail(self) -> None:
        row = self.current_row()
        self.detail.show_item(row.item_id if row else None, row.assignment_id if row else None)

    def on_current_row(self, *_args) -> None:
        if not self._loading:  # a reload follows the selection once, at its end
            self.follow_current()

    # -- filters ----------------------------------------------------------------------------------
    def on_search(self, text: str) -> None:
        self.show_rows(self.row_search.search(text))

    def on_granularity(self) -> None:
        self.save_columns()
        self.granularity = Granularity(self.granularity_box.currentData())
        self.apply_filters()
        self.restore_columns()

    def on_filter_bar(self) -> None:
        status, light = self.status_box.currentData(), self.light_box.currentData()
        # combo data come back from Qt as plain strings
        self.row_filter.statuses = frozenset({Status(status)}) if status else frozenset()
        self.row_filter.lights = frozenset({Light(light)}) if light else frozenset()
        self.row_filter.due_from = self.date_value(self.due_from)
        self.row_filter.due_to = self.date_value(self.due_to)
        self.apply_filters()

    @staticmethod
    def date_value(edit: QDateEdit) -> dt.date | None:
        return None if edit.date() == NO_DATE else edit.date().toPython()

    def on_nav_choice(self, choice: NavChoice) -> None:
        self.nav_choice = choice
        f = self.row_filter
        f.view, f.plan_id, f.item_ids, f.unit_names = SavedView.ALL, None, None, frozenset()
        if choice.kind == "view":
            f.view = choice.view
        elif choice.kind == "plan":
            f.plan_id = choice.plan_id
        elif choice.kind == "branch":
            f.plan_id = choice.plan_id
            f.item_ids = frozenset(item_ids_under(self.ledger, choice.item_id))
        elif choice.kind == "units":
            f.unit_names = frozenset(choice.unit_names)
        self.centre.setCurrentIndex(0)
        self.apply_filters()

    def open_view(self, view: SavedView) -> None:
        self.status_box.setCurrentIndex(0)
        self.nav.select_view(view)
        self.centre.setCurrentIndex(0)

    def open_status(self, status: Status) -> None:
        self.nav.select_view(SavedView.ALL)
        self.status_box.setCurrentIndex(self.status_box.findData(status))
        self.centre.setCurrentIndex(0)

    def open_unit(self, unit: str) -> None:
        if not self.nav.select(NavChoice("units", unit_names=(unit,), label=unit)):
            self.on_nav_choice(NavChoice("units", unit_names=(unit,), label=unit))
        self.centre.setCurrentIndex(0)

    def open_targets(self, state: object) -> None:
        """The 量化指标 tab, filtered to a state (None: all)."""
        self.targets_view.show_state(state)
        self.centre.setCurrentWidget(self.targets_view)

    def open_item(self, item_id: int) -> None:
        self.centre.setCurrentIndex(0)
        if not self.select_row(item_id):
            self.search.clear()
            self.nav.select_view(SavedView.ALL)
            self.select_row(item_id)
        self.focus_detail()

    def focus_search(self) -> None:
        self.centre.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    def focus_detail(self) -> None:
        self.detail.tabs.setCurrentIndex(1)
        self.detail.assignments.setFocus()

    def show_start_summary(self) -> None:
        """A calm line, not a dialog: what is overdue and what falls due in the next days."""
        if self.snapshot is None:
            return
        counts = count_summary(leaf_items(self.snapshot.items))  # as the dashboard counts
        today, days = self.snapshot.today, self.snapshot.due_soon_days
        overdue, soon, behind = counts["overdue"], counts["due_soon"], counts["behind"]
        if not overdue and not soon and not behind:
            return
        self._banner_overdue = bool(overdue)
        self.banner_text.setText(self.tr(
            "截至 {today}：{overdue} 项已逾期，{soon} 项将在 {days} 个工作日内到期，"
            "{behind} 项进度滞后。").format(
                today=today.isoformat(), overdue=overdue, soon=soon, days=days, behind=behind))
        self.banner_button.setText(self.tr("查看逾期事项") if overdue else self.tr("查看临期事项"))
        self.banner.show()
