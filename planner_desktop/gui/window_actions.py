"""The main window's actions, menus and toolbar, and the dialogs they open.

The dialogs write through ``gui/operation.py``, which announces what changed; none of them
is connected back to the window, so opening a dialog is all that is done here.

A mixin of :class:`~planner_desktop.gui.main_window.MainWindow`: it reads the window's
``ledger``, ``read_only``, ``undo_stack``, ``table``, ``model``, ``centre``, ``row_filter``,
``snapshot``, ``granularity`` and ``current_row()``, and calls its navigation slots.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QToolBar

from planner_desktop.domain.ledger_table import SavedView
from planner_desktop.gui.operation import run_here
from planner_desktop.ops.ledger import check_integrity, due_soon_days, set_due_soon_days

# Parts a build may leave out (never a dead button): the action is disabled instead.
OPTIONAL_DIALOGS = {"act_import_plan": "plan_import_dialog", "act_export_fillin": "fillin_export_dialog",
                    "act_import_returns": "returns_import_dialog", "act_report": "report_dialog",
                    "act_summary": "summary_dialog", "act_assessment": "assessment_dialog"}


class WindowActions:
    def make_action(self, text: str, slot, shortcut=None, tip: str = "", edits: bool = False) -> QAction:
        act = QAction(text, self)
        act.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.setStatusTip(tip or text)
        if edits and self.read_only:
            act.setEnabled(False)
        return act

    def create_actions(self) -> None:
        self.create_file_actions()
        self.create_edit_actions()
        self.create_supervision_actions()
        self.act_assessment = self.make_action(
            self.tr("单位考核(&K)…"), self.open_assessment,
            tip=self.tr("按时段计算各单位考核得分并排名（评分规则可修改），导出 Excel 或 PDF"))
        for name, module in OPTIONAL_DIALOGS.items():
            if importlib.util.find_spec(f"planner_desktop.gui.{module}") is None:
                getattr(self, name).setEnabled(False)
        self.create_menus()
        self.create_toolbar()
        self.table.setContextMenuPolicy(Qt.ActionsContextMenu)
        for act in (self.act_bulk_status, self.act_bulk_due, self.act_bulk_add, self.act_bulk_remove):
            self.table.addAction(act)

    def create_file_actions(self) -> None:
        action = self.make_action
        self.act_import_tasks = action(self.tr("导入任务表(&T)…"), self.import_tasks, "Ctrl+I", edits=True)
        self.act_import_plan = action(self.tr("导入工作要点(&P)…"), self.import_plan, "Ctrl+Shift+I",
                                      edits=True)
        self.act_export_fillin = action(self.tr("导出填报表(&E)…"), self.export_fillin, "Ctrl+E")
        self.act_import_returns = action(self.tr("导入回收表(&R)…"), self.import_returns, "Ctrl+R",
                                         edits=True)
        self.act_report = action(self.tr("打印 / 导出报表(&P)…"), self.open_reports, QKeySequence.Print)
        self.act_summary = action(self.tr("工作总结（初稿）(&W)…"), self.open_summary,
                                  tip=self.tr("按计划、时段和单位起草工作总结，存为 Word 文档或复制为纯文本"))
        self.act_units = action(self.tr("单位管理(&U)…"), self.manage_units, "Ctrl+U", edits=True)
        self.act_backup = action(self.tr("备份与恢复(&B)…"), self.backup_and_restore)
        self.act_check = action(self.tr("检查数据库(&C)"), self.check_database)
        self.act_imports = action(self.tr("导入记录与撤销(&H)…"), self.import_history, "Ctrl+H")
        self.act_settings = action(self.tr("设置(&S)…"), self.edit_settings, edits=True)
        self.act_help = action(self.tr("使用说明(&H)"), self.show_help, QKeySequence.HelpContents)
        self.act_about = action(self.tr("关于(&A)"), self.show_about)
        self.act_quit = action(self.tr("退出(&X)"), self.close, QKeySequence.Quit)

    def create_edit_actions(self) -> None:
        action = self.make_action
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

    def create_menus(self) -> None:
        menus = self.menuBar()
        for title, actions in (
                (self.tr("文件(&F)"), (self.act_import_tasks, self.act_import_plan, None,
                                     self.act_export_fillin, self.act_import_returns, self.act_imports,
                                     None, self.act_report, self.act_summary, None, self.act_backup,
                                     self.act_check, None, self.act_quit)),
                (self.tr("编辑(&E)"), (self.act_undo, self.act_redo, None, self.act_bulk_status,
                                     self.act_bulk_due, self.act_bulk_add, self.act_bulk_remove, None,
                                     self.act_find)),
                (self.tr("督办(&S)"), (*self.supervision_menu_actions(), None, self.act_assessment)),
                (self.tr("视图(&V)"), (self.act_ledger, self.act_dashboard, None, self.act_refresh)),
                (self.tr("工具(&T)"), (self.act_units, self.act_settings)),
                (self.tr("帮助(&H)"), (self.act_help, self.act_about))):
            menu = menus.addMenu(title)
            for act in actions:
                menu.addSeparator() if act is None else menu.addAction(act)

    def create_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.toolbar = toolbar
        # The stack's actions are named after the step (撤销 导入回收表（3 个文件）): on the
        # toolbar that widened it until 设置 fell into the overflow. There a short twin stands,
        # the full text in its tip; the menu keeps the stack's own action and its shortcut.
        self.tool_undo = self.toolbar_twin(self.act_undo, self.tr("撤销"))
        self.tool_redo = self.toolbar_twin(self.act_redo, self.tr("重做"))
        for act in (self.act_import_tasks, self.act_import_plan, self.act_export_fillin,
                    self.act_import_returns, self.act_report, None, self.act_units, self.act_backup,
                    self.act_check, None, self.tool_undo, self.tool_redo, None, self.act_settings,
                    self.act_help):
            toolbar.addSeparator() if act is None else toolbar.addAction(act)
        self.addToolBar(toolbar)

    def toolbar_twin(self, action: QAction, text: str) -> QAction:
        """An action of fixed ``text`` that triggers ``action`` and follows its enabled state,
        with ``action``'s changing text as its tip."""
        twin = QAction(text, self)
        twin.triggered.connect(lambda _checked=False: action.trigger())

        def follow() -> None:
            if not shiboken6.isValid(twin) or not shiboken6.isValid(action):
                return  # the window is going: its actions go one by one
            twin.setEnabled(action.isEnabled())
            twin.setToolTip(action.text().replace("&", ""))

        action.changed.connect(follow)
        follow()
        return twin

    # -- the dialogs ------------------------------------------------------------------------------
    def open_dialog(self, dialog: QDialog) -> QDialog:
        dialog.open()
        return dialog

    def import_tasks(self, path: Path | None = None) -> QDialog:
        from planner_desktop.gui.import_dialog import ImportTasksDialog

        return self.open_dialog(ImportTasksDialog(self.ledger, path, self))

    def import_plan(self, path: Path | None = None) -> QDialog:
        from planner_desktop.gui.plan_import_dialog import PlanImportDialog

        return self.open_dialog(PlanImportDialog(self.ledger, path, self))

    def export_fillin(self) -> QDialog:
        from planner_desktop.gui.fillin_export_dialog import FillinExportDialog

        row = self.current_row()
        shown = self.model.rows()
        narrowed = len(shown) < len(self.snapshot.rows(self.granularity))
        view = self.row_filter.view
        return self.open_dialog(FillinExportDialog(
            self.ledger, row.plan_id if row else self.row_filter.plan_id, self,
            view_items=frozenset(r.item_id for r in shown) if narrowed else None,
            view_name=view.value if view is not SavedView.ALL else ""))

    def import_returns(self, paths: list[Path] | None = None) -> QDialog:
        from planner_desktop.gui.returns_import_dialog import ReturnsImportDialog

        return self.open_dialog(ReturnsImportDialog(self.ledger, paths, self, self.undo_stack))

    def open_reports(self) -> QDialog:
        from planner_desktop.gui.report_dialog import ReportDialog

        item_ids = sorted({r.item_id for r in self.model.rows()})
        return self.open_dialog(ReportDialog(self.ledger, self.row_filter.plan_id, item_ids, self))

    def open_summary(self) -> QDialog:
        from planner_desktop.gui.summary_dialog import SummaryDialog

        row = self.current_row()
        plan_id = row.plan_id if row else self.row_filter.plan_id
        return self.open_dialog(SummaryDialog(self.ledger, plan_id, self))

    def open_assessment(self) -> QDialog:
        from planner_desktop.gui.assessment_dialog import AssessmentDialog

        return self.open_dialog(AssessmentDialog(self.ledger, self))

    def manage_units(self) -> QDialog:
        from planner_desktop.gui.units_dialog import UnitsDialog

        return self.open_dialog(UnitsDialog(self.ledger, self))

    def import_history(self) -> QDialog:
        from planner_desktop.gui.imports_dialog import ImportHistoryDialog

        return self.open_dialog(ImportHistoryDialog(self.ledger, self, read_only=self.read_only))

    def backup_and_restore(self) -> None:
        from planner_desktop.gui.backup_dialog import BackupDialog

        self.open_dialog(BackupDialog(self.ledger, self))

    def check_database(self) -> None:
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
        days, ok = QInputDialog.getInt(self, self.tr("设置"), self.tr("到期前多少个工作日算“临期”："),
                                       due_soon_days(self.ledger), 1, 30)
        if ok:
            run_here(self, lambda: set_due_soon_days(self.ledger, days), error_title=self.tr("设置"))

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
