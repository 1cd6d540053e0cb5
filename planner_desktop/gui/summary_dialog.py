"""报表 → 工作总结: choose the plan, the period and the units, read the draft, then save it as
a Word document or copy it as plain text for an OA form.

The draft is built on the GUI thread (it reads the ledger: a few tenths of a second) each time
a choice changes, and shown in full as the plain text that 复制为纯文本 copies; the .docx is
written off the GUI thread (``gui/operation.py``). A period without any progress note shows
why in the status line and leaves both buttons off: nothing half-written is offered.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from planner_desktop.domain.summary import SummaryDraft, summary_text
from planner_desktop.errors import UserFixableError
from planner_desktop.gui.forms.summary_dialog_ui import Ui_SummaryDialog
from planner_desktop.gui.operation import Operation, run_operation
from planner_desktop.ops.ledger import Ledger
from planner_desktop.ops.plans import list_plans
from planner_desktop.ops.summary import default_period, draft_summary, summary_units, write_summary

PERIODS = (("H1", "上半年"), ("year", "全年"), ("range", "自定日期"))


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class SummaryDialog(QDialog):
    saved = Signal(Path)  # the .docx written

    def __init__(self, ledger: Ledger, plan_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.today: dt.date = getattr(parent, "today", None) or dt.date.today()
        self.draft: SummaryDraft | None = None
        self.job: Operation | None = None
        self.ui = ui = Ui_SummaryDialog()  # the layout lives in ui/summary_dialog.ui
        ui.setupUi(self)
        for key, label in PERIODS:
            ui.period_box.addItem(self.tr(label), key)
        self.plans = {p["id"]: p for p in list_plans(ledger)}
        for plan in self.plans.values():
            ui.plan_box.addItem(plan["title"], plan["id"])
        if plan_id in self.plans:
            ui.plan_box.setCurrentIndex(ui.plan_box.findData(plan_id))
        ui.plan_box.currentIndexChanged.connect(lambda _i: self.on_plan())
        ui.period_box.currentIndexChanged.connect(lambda _i: self.on_period())
        ui.unit_box.currentIndexChanged.connect(lambda _i: self.refresh())
        ui.from_date.dateChanged.connect(lambda _d: self.refresh())
        ui.to_date.dateChanged.connect(lambda _d: self.refresh())
        ui.refresh_button.clicked.connect(lambda: self.refresh())
        ui.copy_button.clicked.connect(lambda: self.copy_text())
        ui.save_button.clicked.connect(lambda: self.save())
        self.on_plan()

    # -- the choices ----------------------------------------------------------------------------
    @property
    def plan_id(self) -> int | None:
        return self.ui.plan_box.currentData()

    def period(self) -> str:
        key = self.ui.period_box.currentData()
        if key != "range":
            return key
        start, end = self.ui.from_date.date().toPython(), self.ui.to_date.date().toPython()
        return f"{start.isoformat()}:{end.isoformat()}"

    def unit(self) -> str:
        return self.ui.unit_box.currentData() or ""

    def set_period(self, key: str, start: dt.date | None = None, end: dt.date | None = None) -> None:
        self.ui.period_box.setCurrentIndex(self.ui.period_box.findData(key))
        if start is not None and end is not None:
            self.ui.from_date.setDate(_qdate(start))
            self.ui.to_date.setDate(_qdate(end))

    def on_plan(self) -> None:
        ui = self.ui
        widgets = (ui.period_box, ui.unit_box, ui.from_date, ui.to_date)
        for widget in widgets:
            widget.blockSignals(True)
        ui.unit_box.clear()
        ui.unit_box.addItem(self.tr("全部单位"), "")
        plan = self.plans.get(self.plan_id)
        if plan is not None:
            for name in summary_units(self.ledger, plan["id"]):
                ui.unit_box.addItem(name, name)
            year = int(plan["year"])
            ui.period_box.setCurrentIndex(ui.period_box.findData(default_period(year, self.today)))
            ui.from_date.setDate(_qdate(dt.date(year, 1, 1)))
            ui.to_date.setDate(_qdate(min(self.today, dt.date(year, 12, 31))))
        for widget in widgets:
            widget.blockSignals(False)
        self.on_period()

    def on_period(self) -> None:
        custom = self.ui.period_box.currentData() == "range"
        for widget in (self.ui.from_date, self.ui.to_label, self.ui.to_date):
            widget.setVisible(custom)
        self.refresh()

    # -- the draft ------------------------------------------------------------------------------
    def refresh(self) -> SummaryDraft | None:
        """Draft again from the ledger as the dialog is set; None (said why) when it cannot."""
        self.draft = None
        if self.plan_id is None:
            self._show(None, self.tr("账本中还没有计划：请先导入工作要点或任务表。"))
            return None
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            draft = draft_summary(self.ledger, self.plan_id, self.period(), self.unit() or None,
                                  today=self.today)
        except UserFixableError as exc:
            self._show(None, exc.full_message())
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.draft = draft
        self._show(draft, self.tr("{title}：纳入督办的任务 {n} 项，已完成 {done} 项；"
                                  "用到本期进展 {notes} 条。初稿供修改，请核对后使用。").format(
            title=draft.title, n=draft.total, done=draft.done, notes=draft.notes))
        return draft

    def _show(self, draft: SummaryDraft | None, message: str) -> None:
        self.ui.preview.setPlainText(summary_text(draft) if draft is not None else "")
        self.ui.status.setText(message)
        self.ui.copy_button.setEnabled(draft is not None)
        self.ui.save_button.setEnabled(draft is not None and self.job is None)

    def copy_text(self) -> str:
        if self.draft is None:
            return ""
        text = summary_text(self.draft)
        QGuiApplication.clipboard().setText(text)
        self.ui.status.setText(self.tr("已复制全文（{n} 字），可粘贴到 OA 系统或其他文档中。").format(
            n=len(text)))
        return text

    def save(self, path: Path | None = None) -> Operation | None:
        """Write the .docx (asks where unless ``path`` is given), off the GUI thread."""
        draft = self.draft
        if draft is None:
            return None
        if path is None:
            start = str(Path.home() / f"{draft.title}.docx")
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("保存工作总结"), start,
                                                    self.tr("Word 文档 (*.docx)"))
            if not chosen:
                return None
            path = Path(chosen)
            if path.suffix.lower() != ".docx":
                path = path.with_suffix(".docx")
        target = Path(path)
        self.ui.save_button.setEnabled(False)
        self.job = run_operation(
            self, None, lambda _ledger, _progress: write_summary(draft, target),
            label=self.tr("正在生成工作总结…"), cancellable=False,
            error_title=self.tr("无法保存工作总结"), succeeded=self._saved, failed=lambda _exc: self._done())
        return self.job

    def _done(self) -> None:
        self.job = None
        self.ui.save_button.setEnabled(self.draft is not None)

    def _saved(self, path: Path) -> None:
        self._done()
        self.ui.status.setText(self.tr("已保存 {name}：可在 Word 或 WPS 中打开修改。").format(name=path.name))
        self.saved.emit(path)
