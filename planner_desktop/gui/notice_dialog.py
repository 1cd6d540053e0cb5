"""催办通知: the units of a period's 催报名单, each with what it still owes, before any notice
is written.

The clerk picks the plan, the period (those fill-in workbooks went out for, or one typed)
and the new due date, sees every notice as the chat-group text it will be, can leave a unit
out and copy the text, then writes the files. Nothing is recorded until they are written
(``printing/slip_files.issue_notices``).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from planner_desktop.domain.report_periods import period_for
from planner_desktop.domain.supervision import Notice, notice_text
from planner_desktop.errors import UserFixableError
from planner_desktop.gui.forms.notice_dialog_ui import Ui_NoticeDialog
from planner_desktop.gui.paper_output import PaperOutput
from planner_desktop.ops.ledger import Ledger
from planner_desktop.ops.plans import list_plans
from planner_desktop.ops.slips import default_notice_due, plan_notices, reminder_periods


class NoticeDialog(QDialog):
    def __init__(self, ledger: Ledger, plan_id: int | None, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.today = today
        self.notices: list[Notice] = []
        self.ui = ui = Ui_NoticeDialog()  # the layout lives in ui/notice_dialog.ui
        ui.setupUi(self)
        ui.buttons.button(QDialogButtonBox.Ok).setText(self.tr("生成通知"))
        ui.buttons.accepted.connect(lambda: self.output.ready() and self.accept())
        ui.copy_button.clicked.connect(self.copy_text)
        self.output = PaperOutput(self, ui.docx_box, ui.pdf_box, ui.folder_edit, ui.browse_button,
                                  self.tr("保存催办通知的文件夹"))
        due = default_notice_due(ledger, today)
        ui.due_edit.setDate(QDate(due.year, due.month, due.day))
        ui.splitter.setSizes([300, 620])
        for plan in list_plans(ledger):
            ui.plan_box.addItem(plan["title"], plan["id"])
        if plan_id is not None and ui.plan_box.findData(plan_id) >= 0:
            ui.plan_box.setCurrentIndex(ui.plan_box.findData(plan_id))
        ui.plan_box.currentIndexChanged.connect(lambda _i: self.fill_periods())
        ui.period_box.currentTextChanged.connect(lambda _t: self.refresh())
        ui.due_edit.dateChanged.connect(lambda _d: self.refresh())
        ui.unit_list.itemChanged.connect(lambda _item: self.show_text())
        self.fill_periods()

    def plan_id(self) -> int | None:
        return self.ui.plan_box.currentData()

    def period(self) -> str:
        return self.ui.period_box.currentText().strip()

    def new_due(self) -> dt.date:
        return self.ui.due_edit.date().toPython()

    def fill_periods(self) -> None:
        box = self.ui.period_box
        box.blockSignals(True)
        box.clear()
        if self.plan_id() is not None:
            # No workbook went out yet: this month, which the clerk can retype.
            box.addItems(reminder_periods(self.ledger, self.plan_id())
                         or [period_for(self.today.strftime("%Y-%m")).key])
        box.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """The notices of the chosen plan and period; why there are none, when there are none."""
        self.notices = []
        problem = ""
        if self.plan_id() is None:
            problem = self.tr("账本中还没有计划。")
        elif not self.period():
            problem = self.tr("这个计划还没有导出过填报表：请先导出填报表，或输入报送周期（如 2025-06）。")
        else:
            try:
                self.notices = plan_notices(self.ledger, self.plan_id(), self.period(), self.new_due(),
                                            self.today)
            except UserFixableError as exc:
                problem = str(exc)
        units = self.ui.unit_list
        units.blockSignals(True)
        units.clear()
        for notice in self.notices:
            state = self.tr("交回但有 {n} 行未填").format(n=notice.empty_rows) if notice.returned \
                else self.tr("未交回")
            entry = QListWidgetItem(self.tr("{unit}　欠 {n} 项　{state}").format(
                unit=notice.unit.name, n=len(notice.items), state=state))
            entry.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable | Qt.ItemIsSelectable)
            entry.setCheckState(Qt.Checked)
            if not (notice.unit.contact or notice.unit.phone):
                entry.setToolTip(self.tr("名册中没有联系人和电话"))
            units.addItem(entry)
        units.blockSignals(False)
        self.problem = problem
        self.show_text()

    def chosen(self) -> list[Notice]:
        units = self.ui.unit_list
        return [n for row, n in enumerate(self.notices) if units.item(row).checkState() == Qt.Checked]

    def text(self) -> str:
        return "\n\n".join(notice_text(n) for n in self.chosen())

    def show_text(self) -> None:
        chosen = self.chosen()
        if self.problem:
            summary = self.problem
        else:
            summary = self.tr("{period}共 {n} 个单位未报送，将给勾选的 {k} 个单位各发一份催办通知，"
                              "限 {due} 前报送。").format(period=self.period(), n=len(self.notices),
                                                       k=len(chosen), due=self.new_due().isoformat())
        self.ui.summary_label.setText(summary)
        self.ui.text_view.setPlainText(self.text())
        self.ui.copy_button.setEnabled(bool(chosen))
        self.ui.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(chosen))

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.text())

