"""The 督办 menu and the ledger's 「发督办单…」: 督办单 for the selection or by light, 催办通知.

A mixin of the main window (``selected_rows``, ``ledger``, ``row_filter``, ``snapshot``). The
papers are written by ``printing/slip_files.py``; afterwards the PDF is opened in the
system's viewer and, for notices, the chat-group text is put on the clipboard.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox

from planner_desktop.domain.status import Light
from planner_desktop.gui.operation import run_here

LIGHT_CHOICES = (("红灯", {Light.RED}), ("红灯和黄灯", {Light.RED, Light.YELLOW}), ("黄灯", {Light.YELLOW}))


class SupervisionMenu:
    def create_supervision_actions(self) -> None:
        action = self.make_action
        self.act_slips_selected = action(self.tr("发督办单(&S)…"), self.slips_for_selection, edits=True,
                                         tip=self.tr("为选中的事项给责任单位各发一份督办单"))
        self.act_slips_by_light = action(self.tr("按督办灯发督办单(&L)…"), self.slips_by_light, edits=True)
        self.act_reminder_notices = action(self.tr("催办通知(&N)…"), self.reminder_notices, edits=True)
        self.table.addAction(self.act_slips_selected)

    def supervision_menu_actions(self) -> tuple:
        return (self.act_slips_selected, self.act_slips_by_light, None, self.act_reminder_notices)

    def slips_for_selection(self) -> None:
        rows = self.selected_rows()
        if not rows:
            QMessageBox.information(self, self.tr("发督办单"),
                                    self.tr("请先在督办台账中选中要发督办单的事项。"))
            return
        self.issue_slips(item_ids=sorted({r.item_id for r in rows}))

    def slips_by_light(self) -> None:
        labels = [self.tr(label) for label, _ in LIGHT_CHOICES]
        chosen, ok = QInputDialog.getItem(self, self.tr("按督办灯发督办单"), self.tr("督办灯："), labels,
                                          0, False)
        if not ok:
            return
        lights = LIGHT_CHOICES[labels.index(chosen)][1]
        everyone = self.tr("全部单位")
        names = [everyone, *sorted({u for r in self.snapshot.items if r.light in lights for u in r.lead})]
        unit, ok = QInputDialog.getItem(self, self.tr("按督办灯发督办单"), self.tr("发给："), names, 0, False)
        if ok:
            self.issue_slips(lights=lights, unit=None if unit == everyone else unit)

    def issue_slips(self, *, item_ids: list[int] | None = None, lights: set[Light] | None = None,
                    unit: str | None = None) -> None:
        from planner_desktop.gui.slip_issue_dialog import SlipIssueDialog
        from planner_desktop.ops.slips import first_number, plan_slips
        from planner_desktop.printing.slip_files import issue_slips

        title = self.tr("发督办单")
        plan = run_here(self, lambda: plan_slips(self.ledger, item_ids=item_ids, lights=lights, unit=unit,
                                                 today=self.snapshot.today), error_title=title)
        if plan is None:
            return
        # The dialog has warned of units without contact details before anything was written.
        dialog = SlipIssueDialog(plan, first_number(self.ledger, plan.slips[0].year), self)
        if not dialog.exec():
            return
        chosen, folder = dialog.chosen_plan(), dialog.output.folder()
        issued = run_here(self, lambda: issue_slips(self.ledger, folder, formats=dialog.output.formats(),
                                                    one_pdf=dialog.one_pdf(), plan=chosen),
                          error_title=title)
        if issued is None:
            return
        self.statusBar().showMessage(self.tr("已签发督办单 {a} 至 {b}，共 {n} 份").format(
            a=issued.slips[0].label, b=issued.slips[-1].label, n=len(issued.slips)), 8000)
        self.open_pdf(issued.files)

    def open_pdf(self, files: list[Path]) -> None:
        pdf = next((f for f in files if f.suffix == ".pdf"), None)
        if pdf is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf)))

    def reminder_notices(self) -> None:
        from planner_desktop.gui.notice_dialog import NoticeDialog
        from planner_desktop.printing.slip_files import issue_notices

        title = self.tr("催办通知")
        row = self.current_row()
        plan_id = row.plan_id if row else self.row_filter.plan_id
        dialog = NoticeDialog(self.ledger, plan_id, self.snapshot.today, self)
        if not dialog.exec():
            return
        notices, folder, formats = dialog.chosen(), dialog.output.folder(), dialog.output.formats()
        issued = run_here(self, lambda: issue_notices(
            self.ledger, folder, dialog.plan_id(), dialog.period(), new_due=dialog.new_due(),
            formats=formats, today=self.snapshot.today, notices=notices), error_title=title)
        if issued is None:
            return
        QGuiApplication.clipboard().setText(issued.text)
        self.statusBar().showMessage(self.tr("已生成 {n} 份催办通知，纯文本已复制到剪贴板").format(
            n=len(issued.notices)), 8000)
        self.open_pdf(issued.files)
