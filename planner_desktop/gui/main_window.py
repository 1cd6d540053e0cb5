"""The main window: navigation pane, the ledger table (or the dashboard), and the detail pane.

The window reads one :class:`LedgerSnapshot` per change and narrows it in Python: the
navigation pane and the filter bar give a :class:`RowFilter`, typed text goes through a
:class:`RowSearch`. Every edit is an undoable command (``gui/undo_commands.py``).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QWidget,
)

from planner_desktop.domain.ledger_table import (
    Granularity,
    LedgerRow,
    RowFilter,
    RowSearch,
    SavedView,
    count_summary,
    in_saved_view,
    leaf_items,
)
from planner_desktop.domain.status import Light, Status
from planner_desktop.domain.units import ROLE_LABELS, Role
from planner_desktop.errors import UserFixableError
from planner_desktop.gui import undo_commands as cmd
from planner_desktop.gui.dashboard import Dashboard
from planner_desktop.gui.detail_pane import DateDialog, DetailPane
from planner_desktop.gui.forms.ledger_page_ui import Ui_LedgerPage
from planner_desktop.gui.ledger_model import DEFAULT_WIDTHS, LIGHT_TEXT, LedgerTableModel
from planner_desktop.gui.nav_pane import NavChoice, NavigationPane
from planner_desktop.gui.reporting_panel import ReportingPanel
from planner_desktop.ops.ledger_query import LedgerSnapshot, load_snapshot
from planner_desktop.store.database import Ledger
from planner_desktop.store.editing import item_ids_under
from planner_desktop.store.units import list_units

FIRST_SIZE = QSize(1366, 768)  # the office PC's screen; the window fits it beside both panes


def first_size(available: QSize) -> QSize:
    """The window's size on a first start: 1366×768, but never larger than the screen's free
    area (a 1920×1080 screen at 150 % scaling offers only 1280×~690 logical pixels)."""
    return FIRST_SIZE.boundedTo(available)


TASK_LIST_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".csv", ".ods", ".et"}
PLAN_SUFFIXES = {".docx", ".txt", ".doc", ".wps", ".pdf"}  # the last three get "save as .docx"
NO_DATE = QDate(2000, 1, 1)


class MainWindow(QMainWindow):
    def __init__(self, ledger: Ledger, today: dt.date | None = None, read_only: bool = False) -> None:
        super().__init__()
        self.ledger = ledger
        self.fixed_today = today
        self.read_only = read_only
        self.snapshot: LedgerSnapshot | None = None
        self.row_filter = RowFilter()
        self.row_search = RowSearch()
        self.granularity = Granularity.ITEMS
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self.on_undo_index)
        title = self.tr("工作要点督办台 — {path}").format(path=ledger.path.name)
        self.setWindowTitle(title + (self.tr("（只读）") if read_only else ""))
        self.setAcceptDrops(True)

        self.model = LedgerTableModel(self)
        self.ledger_page = self.build_ledger_page()  # and self.table, in it
        self.nav = NavigationPane(ledger, parent=self)
        self.nav.chosen.connect(self.on_nav_choice)
        self.detail = DetailPane(ledger, self.run_command, self)
        self.detail.set_read_only(read_only)
        self.reporting = ReportingPanel(ledger, lambda: self.today)
        self.reporting.unit_requested.connect(self.open_unit)
        self.reporting.failed.connect(lambda text: QMessageBox.warning(self, self.tr("无法保存"), text))
        self.dashboard = Dashboard(self, reporting=self.reporting)
        self.dashboard.view_requested.connect(self.open_view)
        self.dashboard.status_requested.connect(self.open_status)
        self.dashboard.unit_requested.connect(self.open_unit)
        self.dashboard.item_requested.connect(self.open_item)

        self.centre = QTabWidget()
        self.centre.addTab(self.ledger_page, self.tr("督办台账"))
        self.centre.addTab(self.dashboard, self.tr("概览"))
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 720, 446])
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)

        self.counts = QLabel()
        self.legend = QLabel("　".join(LIGHT_TEXT[light] for light in Light))
        self.legend.setToolTip(self.tr("督办灯：红 逾期；黄 临期或进度滞后；绿 正常；蓝 已完成"))
        self.statusBar().addWidget(self.counts, 1)
        self.statusBar().addPermanentWidget(self.legend)
        self.create_actions()
        self.resize(first_size(self.screen().availableGeometry().size()))
        self.restore_layout()
        self.reload()
        QTimer.singleShot(0, self.show_start_summary)

    # -- building -----------------------------------------------------------------------------
    @property
    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()

    def setup_table(self, table: QTableView) -> QTableView:
        table.setModel(self.model)
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
        return page

    def create_actions(self) -> None:
        def action(text: str, slot, shortcut=None, tip: str = "", edits: bool = False) -> QAction:
            act = QAction(text, self)
            act.triggered.connect(lambda _checked=False: slot())
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.setStatusTip(tip or text)
            if edits and self.read_only:
                act.setEnabled(False)
            return act

        self.act_import_tasks = action(self.tr("导入任务表(&T)…"), self.import_tasks, "Ctrl+I", edits=True)
        self.act_import_plan = action(self.tr("导入工作要点(&P)…"), self.import_plan, "Ctrl+Shift+I",
                                      edits=True)
        self.act_export_fillin = action(self.tr("导出填报表(&E)…"), self.export_fillin, "Ctrl+E")
        self.act_import_returns = action(self.tr("导入回收表(&R)…"), self.import_returns, "Ctrl+R",
                                         edits=True)
        self.act_report = action(self.tr("打印 / 导出报表(&P)…"), self.open_reports, QKeySequence.Print)
        self.act_units = action(self.tr("单位管理(&U)…"), self.manage_units, "Ctrl+U", edits=True)
        self.act_backup = action(self.tr("备份与恢复(&B)…"), self.backup_and_restore)
        self.act_check = action(self.tr("检查数据库(&C)"), self.check_database)
        self.act_imports = action(self.tr("导入记录与撤销(&H)…"), self.import_history, "Ctrl+H")
        self.act_settings = action(self.tr("设置(&S)…"), self.edit_settings, edits=True)
        self.act_help = action(self.tr("使用说明(&H)"), self.show_help, QKeySequence.HelpContents)
        self.act_about = action(self.tr("关于(&A)"), self.show_about)
        self.act_quit = action(self.tr("退出(&X)"), self.close, QKeySequence.Quit)
        self.act_undo = self.undo_stack.createUndoAction(self, self.tr("撤销"))
        self.act_undo.setShortcut(QKeySequence.Undo)
        self.act_redo = self.undo_stack.createRedoAction(self, self.tr("重做"))
        self.act_redo.setShortcuts([QKeySequence.Redo, QKeySequence("Ctrl+Y")])
        self.act_find = action(self.tr("查找(&F)"), self.focus_search, QKeySequence.Find)
        self.act_refresh = action(self.tr("刷新(&R)"), self.reload, QKeySequence.Refresh)
        self.act_dashboard = action(self.tr("概览(&O)"), lambda: self.centre.setCurrentIndex(1), "Ctrl+1")
        self.act_ledger = action(self.tr("督办台账(&L)"), lambda: self.centre.setCurrentIndex(0), "Ctrl+2")
        self.act_bulk_status = action(self.tr("批量设置状态(&S)…"), self.bulk_set_status, "Ctrl+Shift+S",
                                      edits=True)
        self.act_bulk_due = action(self.tr("批量设置到期日(&D)…"), self.bulk_set_due, "Ctrl+Shift+D",
                                   edits=True)
        self.act_bulk_add = action(self.tr("为选中要点添加单位(&A)…"), self.bulk_add_unit, edits=True)
        self.act_bulk_remove = action(self.tr("从选中要点移除单位(&M)…"), self.bulk_remove_unit, edits=True)

        for act, module in ((self.act_import_plan, "plan_import_dialog"),
                            (self.act_export_fillin, "fillin_export_dialog"),
                            (self.act_import_returns, "returns_import_dialog"),
                            (self.act_report, "report_dialog")):
            if importlib.util.find_spec(f"planner_desktop.gui.{module}") is None:
                act.setEnabled(False)  # a build without that part (never a dead button)

        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("文件(&F)"))
        for act in (self.act_import_tasks, self.act_import_plan, None, self.act_export_fillin,
                    self.act_import_returns, self.act_imports, None, self.act_report, None,
                    self.act_backup,
                    self.act_check, None, self.act_quit):
            file_menu.addSeparator() if act is None else file_menu.addAction(act)
        edit_menu = menus.addMenu(self.tr("编辑(&E)"))
        for act in (self.act_undo, self.act_redo, None, self.act_bulk_status, self.act_bulk_due,
                    self.act_bulk_add, self.act_bulk_remove, None, self.act_find):
            edit_menu.addSeparator() if act is None else edit_menu.addAction(act)
        view_menu = menus.addMenu(self.tr("视图(&V)"))
        for act in (self.act_ledger, self.act_dashboard, None, self.act_refresh):
            view_menu.addSeparator() if act is None else view_menu.addAction(act)
        tools = menus.addMenu(self.tr("工具(&T)"))
        for act in (self.act_units, self.act_settings):
            tools.addAction(act)
        help_menu = menus.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.act_help)
        help_menu.addAction(self.act_about)

        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        for act in (self.act_import_tasks, self.act_import_plan, self.act_export_fillin,
                    self.act_import_returns, self.act_report, None, self.act_units, self.act_backup,
                    self.act_check, None, self.act_undo, self.act_redo, None, self.act_settings,
                    self.act_help):
            toolbar.addSeparator() if act is None else toolbar.addAction(act)
        self.addToolBar(toolbar)
        self.table.setContextMenuPolicy(Qt.ActionsContextMenu)
        for act in (self.act_bulk_status, self.act_bulk_due, self.act_bulk_add, self.act_bulk_remove):
            self.table.addAction(act)

    # -- reading --------------------------------------------------------------------------------
    def on_undo_index(self, _index: int) -> None:
        # The stack also announces its clear() when the window is torn down, possibly after
        # the ledger was closed (at exit, or a test's teardown): nothing to show then.
        if not self.ledger.closed:
            self.reload()

    def reload(self) -> None:
        """Read the ledger again and show it with the current filters, keeping the selection."""
        keep = self.current_row()
        self.snapshot = load_snapshot(self.ledger, self.today)
        self.nav.due_soon_days = self.snapshot.due_soon_days
        self.dashboard.set_snapshot(self.snapshot)
        self.apply_filters(keep_search=False)
        if keep is not None:
            self.select_row(keep.item_id, keep.assignment_id)
        self.refresh_detail()

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
            "当前视图：共 {total} {noun}　已完成 {done}　逾期 {overdue}　临期/滞后 {due_soon}　"
            "截至 {today}").format(noun=noun, today=self.today.isoformat(), **counts))

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

    def refresh_detail(self) -> None:
        row = self.current_row()
        self.detail.show_item(row.item_id if row else None, row.assignment_id if row else None)

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

    def on_current_row(self, *_args) -> None:
        self.refresh_detail()

    def show_start_summary(self) -> None:
        """A calm line, not a dialog: what is overdue and what falls due in the next days."""
        if self.snapshot is None:
            return
        items = leaf_items(self.snapshot.items)
        today, days = self.snapshot.today, self.snapshot.due_soon_days
        overdue = sum(in_saved_view(r, SavedView.OVERDUE, today, days) for r in items)
        soon = sum(in_saved_view(r, SavedView.DUE_SOON, today, days) for r in items)
        if not overdue and not soon:
            return
        self._banner_overdue = bool(overdue)
        self.banner_text.setText(self.tr(
            "截至 {today}：{overdue} 项已逾期，{soon} 项将在 {days} 个工作日内到期。").format(
                today=today.isoformat(), overdue=overdue, soon=soon, days=days))
        self.banner_button.setText(self.tr("查看逾期事项") if overdue else self.tr("查看临期事项"))
        self.banner.show()

    # -- editing ----------------------------------------------------------------------------------
    def run_command(self, command: cmd.LedgerCommand) -> bool:
        """Apply and record an edit; a problem the clerk can fix is shown, nothing is half-done."""
        if self.read_only:
            return False
        try:
            cmd.push_command(self.undo_stack, command)
        except UserFixableError as exc:
            QMessageBox.warning(self, self.tr("无法修改"), exc.full_message())
            self.reload()
            return False
        return True

    def assignments_of(self, rows: list[LedgerRow]) -> list[LedgerRow]:
        """The assignment rows behind the selected rows (an item row stands for all of its own)."""
        if self.granularity is Granularity.ASSIGNMENTS:
            return rows
        wanted = {r.item_id for r in rows}
        return [a for a in self.snapshot.assignments if a.item_id in wanted]

    def bulk_set_status(self, status: Status | None = None) -> bool:
        rows = self.assignments_of(self.selected_rows())
        if not rows:
            return False
        if status is None:
            words = [s.value for s in Status]
            word, ok = QInputDialog.getItem(self, self.tr("批量设置状态"),
                                            self.tr("把选中的 {n} 项分工设为：").format(n=len(rows)),
                                            words, 1, False)
            if not ok:
                return False
            status = Status(word)
        commands = [cmd.SetAssignment(self.ledger, r.assignment_id, status,
                                      100 if status is Status.DONE else r.progress, r.note, r.unit_name)
                    for r in rows]
        return self.run_command(cmd.MacroCommand(self.ledger, self.tr("批量设置状态"), commands))

    def bulk_set_due(self, due: dt.date | None = None) -> bool:
        item_ids = sorted({r.item_id for r in self.selected_rows()})
        if not item_ids:
            return False
        if due is None:
            dialog = DateDialog(self.tr("批量设置到期日"), self.today, False, self)
            if dialog.exec() != QDialog.Accepted:
                return False
            due = dialog.chosen_date()
        commands = [cmd.SetItemDue(self.ledger, item_id, due) for item_id in item_ids]
        return self.run_command(cmd.MacroCommand(self.ledger, self.tr("批量设置到期日"), commands))

    def choose_unit(self, title: str) -> dict | None:
        units = list_units(self.ledger)
        names = [u["name"] for u in units]
        name, ok = QInputDialog.getItem(self, title, self.tr("单位："), names, 0, True)
        return next((u for u in units if u["name"] == name), None) if ok else None

    def bulk_add_unit(self, unit_name: str | None = None, role: Role | None = None) -> bool:
        item_ids = sorted({r.item_id for r in self.selected_rows()})
        if not item_ids:
            return False
        units = {u["name"]: u for u in list_units(self.ledger)}
        unit = units.get(unit_name) if unit_name else self.choose_unit(self.tr("添加单位"))
        if unit is None:
            return False
        if role is None:
            default = Role.CARRY if unit["kind"] == "学校" else Role.SUPPORT
            labels = [ROLE_LABELS[r] for r in Role]
            label, ok = QInputDialog.getItem(self, self.tr("添加单位"), self.tr("分工："), labels,
                                             list(Role).index(default), False)
            if not ok:
                return False
            role = next(r for r in Role if ROLE_LABELS[r] == label)
        commands = [cmd.AddAssignment(self.ledger, item_id, unit["id"], role) for item_id in item_ids]
        return self.run_command(cmd.MacroCommand(self.ledger, self.tr("添加单位"), commands))

    def bulk_remove_unit(self, unit_name: str | None = None) -> bool:
        rows = self.selected_rows()
        if not rows:
            return False
        if unit_name is None:
            unit = self.choose_unit(self.tr("移除单位"))
            if unit is None:
                return False
            unit_name = unit["name"]
        targets = [a for a in self.assignments_of(rows) if a.unit_name == unit_name]
        if not targets:
            return False
        commands = [cmd.RemoveAssignment(self.ledger, a.assignment_id) for a in targets]
        return self.run_command(cmd.MacroCommand(self.ledger, self.tr("移除单位"), commands))

    # -- actions that open dialogs --------------------------------------------------------------
    def after_import(self, *_args) -> None:
        self.undo_stack.clear()  # an import has its own undo (导入批次); hand edits before it are fixed
        self.nav.reload()
        self.reload()

    def import_tasks(self, path: Path | None = None) -> QDialog:
        from planner_desktop.gui.import_dialog import ImportTasksDialog

        dialog = ImportTasksDialog(self.ledger, path, self)
        dialog.imported.connect(self.after_import)
        dialog.open()
        return dialog

    def import_plan(self, path: Path | None = None) -> QDialog:
        from planner_desktop.gui.plan_import_dialog import PlanImportDialog

        dialog = PlanImportDialog(self.ledger, path, self)
        dialog.imported.connect(self.after_import)
        dialog.open()
        return dialog

    def export_fillin(self) -> QDialog:
        from planner_desktop.gui.fillin_export_dialog import FillinExportDialog

        row = self.current_row()
        shown = self.model.rows()
        narrowed = len(shown) < len(self.snapshot.rows(self.granularity))
        view = self.row_filter.view
        dialog = FillinExportDialog(
            self.ledger, row.plan_id if row else self.row_filter.plan_id, self,
            view_items=frozenset(r.item_id for r in shown) if narrowed else None,
            view_name=view.value if view is not SavedView.ALL else "")
        dialog.exported.connect(lambda _result: self.reporting.reload())  # now expected to report
        dialog.open()
        return dialog

    def import_returns(self, paths: list[Path] | None = None) -> QDialog:
        from planner_desktop.gui.returns_import_dialog import ReturnsImportDialog

        dialog = ReturnsImportDialog(self.ledger, paths, self)
        dialog.imported.connect(self.after_import)
        dialog.open()
        return dialog

    def open_reports(self) -> QDialog:
        from planner_desktop.gui.report_dialog import ReportDialog

        item_ids = sorted({r.item_id for r in self.model.rows()})
        dialog = ReportDialog(self.ledger, self.row_filter.plan_id, item_ids, self)
        dialog.open()
        return dialog

    def manage_units(self) -> QDialog:
        from planner_desktop.gui.units_dialog import UnitsDialog

        dialog = UnitsDialog(self.ledger, self)
        dialog.changed.connect(self.after_import)
        dialog.open()
        return dialog

    def import_history(self) -> QDialog:
        from planner_desktop.gui.imports_dialog import ImportHistoryDialog

        dialog = ImportHistoryDialog(self.ledger, self, read_only=self.read_only)
        dialog.undone.connect(self.after_import)
        dialog.open()
        return dialog

    def backup_and_restore(self) -> None:
        from planner_desktop.gui.backup_dialog import BackupDialog

        dialog = BackupDialog(self.ledger, self)
        dialog.restored.connect(self.after_import)
        dialog.open()

    def check_database(self) -> None:
        from planner_desktop.store.database import check_integrity

        result = check_integrity(self.ledger)
        if not result["ok"]:
            problems = result["integrity"][:5] + [self.tr("外键错误 {n} 处").format(
                n=len(result["foreign_key_errors"]))]
            QMessageBox.warning(self, self.tr("检查数据库"),
                                self.tr("发现问题，请用“备份与恢复”从最近的备份恢复：\n")
                                + "\n".join(problems))
        else:
            QMessageBox.information(self, self.tr("检查数据库"), self.tr("账本完好，没有发现问题。"))

    def edit_settings(self) -> None:
        from planner_desktop.store.settings import get_setting, set_setting

        days, ok = QInputDialog.getInt(self, self.tr("设置"), self.tr("到期前多少个工作日算“临期”："),
                                       int(get_setting(self.ledger, "due_soon_days")), 1, 30)
        if ok:
            set_setting(self.ledger, "due_soon_days", days)
            self.nav.reload()
            self.reload()

    def show_help(self) -> None:
        QMessageBox.information(self, self.tr("使用说明"), self.tr(
            "1. 文件 → 导入任务表 / 导入工作要点，把下发的表格和文件变成督办台账；\n"
            "2. 工具 → 单位管理，导入单位名册、维护简称；\n"
            "3. 在左侧选择视图、计划或单位，在上方输入关键字筛选（Ctrl+F）；\n"
            "4. 在右侧修改状态、进度和进展情况，Ctrl+Z 撤销；\n"
            "5. 文件 → 导出填报表发给各单位，收回后导入回收表；\n"
            "6. 文件 → 打印 / 导出报表（Ctrl+P）。"))

    def show_about(self) -> None:
        from planner_desktop import __version__

        QMessageBox.about(self, self.tr("关于"), self.tr("工作要点督办台 {version}\n账本：{path}").format(
            version=__version__, path=self.ledger.path))

    # -- drag and drop ----------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if not self.read_only and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.open_dropped(paths)
        event.acceptProposedAction()

    def open_dropped(self, paths: list[Path]) -> None:
        """Task lists open the task import, plan documents the plan import; workbooks named as
        our fill-in workbooks (…_填报表) and folders go to the returns import."""
        returns = [p for p in paths if p.is_dir() or "填报表" in p.stem]
        if returns:
            self.import_returns(returns)
            return
        for path in paths:
            suffix = path.suffix.lower()
            if suffix in TASK_LIST_SUFFIXES:
                self.import_tasks(path)
                return
            if suffix in PLAN_SUFFIXES:
                self.import_plan(path)
                return

    # -- remembered layout --------------------------------------------------------------------------
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

    def closeEvent(self, event) -> None:  # noqa: N802
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/splitter", self.splitter.saveState())
        settings.setValue("main_window/granularity", self.granularity.value)
        settings.setValue("main_window/view", self.row_filter.view.value)
        self.save_columns()
        super().closeEvent(event)
