"""打印 / 导出报表: choose a report, its date and (for the bulletin) its masthead, then preview,
print or export it.

The document is built on the GUI thread (it reads the ledger, a few tenths of a second) and
the files are written off it (``gui/operation.py``), so a 2,000-row PDF never freezes the
window. The print preview keeps its QPrinter for the dialog's whole life: a preview whose
printer was a temporary crashes (PLATFORM_NOTES.md).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QWidget,
)

from planner_desktop.domain.report_content import KIND_TITLES, BulletinFields, ReportDocument, ReportKind
from planner_desktop.errors import UserFixableError
from planner_desktop.gui.file_folders import save_file
from planner_desktop.gui.forms.report_dialog_ui import Ui_ReportDialog
from planner_desktop.gui.operation import Operation, run_here, run_operation
from planner_desktop.ops.ledger import Ledger
from planner_desktop.ops.reports import build_document, bulletin_defaults, remember_bulletin
from planner_desktop.printing.render import page_layout, render
from planner_desktop.printing.report_files import write_files

SUFFIXES = {"pdf": ("PDF 文件 (*.pdf)", ".pdf"), "xlsx": ("Excel 工作簿 (*.xlsx)", ".xlsx"),
            "docx": ("Word 文档 (*.docx)", ".docx")}


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReportDialog(QDialog):
    """Opened by the main window with the plan and the items of the current view."""

    exported = Signal(list)  # the files written

    def __init__(self, ledger: Ledger, plan_id: int | None, item_ids: list[int] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.plan_id = plan_id
        self.view_item_ids = list(item_ids) if item_ids is not None else None
        self.today: dt.date = getattr(parent, "today", None) or dt.date.today()
        self.printer: QPrinter | None = None
        self.preview_dialog: QPrintPreviewDialog | None = None
        self.job: Operation | None = None
        self._document: ReportDocument | None = None
        self.ui = Ui_ReportDialog()  # the layout lives in ui/report_dialog.ui
        self.ui.setupUi(self)
        ui = self.ui
        self.kind_box, self.as_of, self.status = ui.kind_box, ui.as_of, ui.status
        self.scope_view, self.scope_all = ui.scope_view, ui.scope_all
        self.bulletin_box, self.series, self.issue = ui.bulletin_box, ui.series, ui.issue
        self.office, self.bulletin_date = ui.office, ui.bulletin_date
        self.addressee, self.requirements = ui.addressee, ui.requirements
        self.preview_button, self.print_button = ui.preview_button, ui.print_button
        self.pdf_button, self.xlsx_button = ui.pdf_button, ui.xlsx_button
        self.docx_button = ui.docx_button

        for kind in ReportKind:
            self.kind_box.addItem(self.tr(KIND_TITLES[kind]), kind.value)  # plain str: Qt keeps it as is
        self.kind_box.currentIndexChanged.connect(self.on_kind)
        self.as_of.setDate(_qdate(self.today))
        view_name = self._view_name(parent)
        count = len(self.view_item_ids or [])
        self.scope_view.setText(self.tr("当前视图：{view}（{n} 项）").format(view=view_name, n=count))
        self.scope_all.setText(self.tr("整个计划") if plan_id is not None else self.tr("全部计划"))
        # What the clerk sees is what gets printed, unless they choose the whole plan: a typed
        # search or a status filter narrows the 全部 view too.
        (self.scope_view if self.view_item_ids is not None else self.scope_all).setChecked(True)
        self.scope_view.setEnabled(self.view_item_ids is not None)
        self.view_name = view_name

        defaults = bulletin_defaults(ledger, plan_id, self.today)
        self.series.setText(defaults.series)
        self.issue.setValue(defaults.issue)
        self.office.setText(defaults.office)
        self.bulletin_date.setDate(_qdate(defaults.date or self.today))
        self.addressee.setText(defaults.addressee)
        self.requirements.setPlainText(defaults.requirements)

        self.preview_button.clicked.connect(lambda: self.preview())
        self.print_button.clicked.connect(lambda: self.print_report())
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.docx_button.clicked.connect(lambda: self.export("docx"))
        self.on_kind()

    # -- state ----------------------------------------------------------------------------------
    def _view_name(self, parent: QWidget | None) -> str:
        row_filter = getattr(parent, "row_filter", None)
        view = getattr(row_filter, "view", None)
        return str(view.value) if view is not None else self.tr("当前视图")

    @property
    def kind(self) -> ReportKind:
        return ReportKind(self.kind_box.currentData())

    def set_kind(self, kind: ReportKind) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind.value))

    def on_kind(self, *_args) -> None:
        self.bulletin_box.setVisible(self.kind is ReportKind.BULLETIN)
        self._document = None
        self.enable_exports(True)

    def enable_exports(self, enabled: bool) -> None:
        self.pdf_button.setEnabled(enabled)
        self.xlsx_button.setEnabled(enabled)
        self.docx_button.setEnabled(enabled and self.kind is ReportKind.BULLETIN)

    def fields(self) -> BulletinFields:
        return BulletinFields(series=self.series.text().strip(), issue=self.issue.value(),
                              office=self.office.text().strip(), date=self.bulletin_date.date().toPython(),
                              addressee=self.addressee.text().strip(),
                              requirements=self.requirements.toPlainText().strip())

    def document(self) -> ReportDocument:
        """The report as the dialog is set now (read from the ledger each time it is asked for)."""
        use_view = self.scope_view.isChecked() and self.view_item_ids is not None
        options: dict = {"bulletin": self.fields(), "assessment": self.ui.with_assessment.isChecked()}
        if use_view:
            options["scope"] = self.tr("当前视图“{view}”，{n} 项").format(view=self.view_name,
                                                                      n=len(self.view_item_ids or []))
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            doc = build_document(self.ledger, self.kind, plan_id=self.plan_id,
                                 item_ids=self.view_item_ids if use_view else None,
                                 as_of=self.as_of.date().toPython(), options=options)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._document = doc
        self.status.setText(self.tr("{title}：{n} 行。").format(title=doc.title, n=doc.row_count))
        return doc

    def _issued(self, doc: ReportDocument, how: str) -> None:
        """A bulletin printed or exported is issued and recorded with its date and scope. Its
        number stays: the same bulletin exported to another format (or printed) is the same
        issue; the next issue (another day, or a number typed) gets the next number."""
        if doc.bulletin is None:
            return
        # A read-only ledger keeps no number: the status line says so, nothing else happens.
        run_here(self, lambda: remember_bulletin(self.ledger, self.plan_id, doc.bulletin.fields,
                                                 scope=doc.scope, formats=[how]),
                 error_label=self.status)

    # -- paper ------------------------------------------------------------------------------------
    def _printer(self, doc: ReportDocument) -> QPrinter:
        if self.printer is None:
            self.printer = QPrinter(QPrinter.HighResolution)
        self.printer.setPageLayout(page_layout(doc.landscape))
        self.printer.setDocName(doc.title)
        return self.printer

    def preview(self) -> QPrintPreviewDialog:
        """Open the print preview without blocking (the dialog keeps the printer alive)."""
        doc = self.document()
        printer = self._printer(doc)
        if self.preview_dialog is not None:
            self.preview_dialog.close()
            self.preview_dialog.deleteLater()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印预览 — {title}").format(title=doc.title))
        dialog.paintRequested.connect(lambda target: self._paint(target, doc))
        # The preview's own print button accepts the preview once it has printed (Qt's
        # QPrintPreviewDialog); closing it rejects. Printed from there, a bulletin is issued.
        dialog.accepted.connect(lambda: self._printed_from_preview(printer, doc))
        dialog.resize(1000, 760)
        self.preview_dialog = dialog
        dialog.open()
        return dialog

    def _printed_from_preview(self, printer: QPrinter, doc: ReportDocument) -> None:
        # Without a printer installed, Qt prints to PDF and accepts even when the clerk
        # cancels choosing the file: then nothing was printed.
        if printer.outputFormat() == QPrinter.NativeFormat or printer.outputFileName():
            self._issued(doc, "print")

    def _paint(self, printer: QPrinter, doc: ReportDocument) -> None:
        try:
            result = render(doc, printer)
        except UserFixableError as exc:
            QMessageBox.warning(self, self.tr("无法打印"), exc.full_message())
            return
        self.status.setText(self.tr("{title}：{n} 行，{pages} 页。").format(
            title=doc.title, n=doc.row_count, pages=result.pages))

    def print_report(self) -> bool:
        doc = self.document()
        printer = self._printer(doc)
        chooser = QPrintDialog(printer, self)
        if chooser.exec() != QDialog.Accepted:
            return False
        self._paint(printer, doc)
        self._issued(doc, "print")
        return True

    # -- files ------------------------------------------------------------------------------------
    def export(self, what: str, path: Path | None = None) -> Operation | None:
        """Export as ``pdf``, ``xlsx`` or ``docx``; asks for the file unless ``path`` is given."""
        doc = self.document()
        if path is None:
            file_filter, suffix = SUFFIXES[what]
            path = save_file(self, self.tr("保存报表"), "reports", f"{doc.title}{suffix}",
                             self.tr(file_filter))
            if path is None:
                return None
            if path.suffix.lower() != suffix:
                path = path.with_suffix(suffix)
        target = {what: Path(path)}
        self.enable_exports(False)
        self.job = run_operation(
            self, None, lambda _ledger, _progress: write_files(doc, count=what == "pdf", **target),
            label=self.tr("正在生成报表…"), cancellable=False,
            error_title=self.tr("无法保存报表"), succeeded=lambda result: self._exported(doc, what, result),
            failed=lambda _exc: self.enable_exports(True))
        return self.job

    def _exported(self, doc: ReportDocument, what: str, result: tuple[int | None, list[Path]]) -> None:
        pages, files = result
        self._issued(doc, what)
        self.enable_exports(True)
        names = "、".join(p.name for p in files)
        if pages is None:
            text = self.tr("已保存 {files}（{n} 行）。").format(files=names, n=doc.row_count)
        else:
            text = self.tr("已保存 {files}（{n} 行，A4 共 {pages} 页）。").format(
                files=names, n=doc.row_count, pages=pages)
        self.status.setText(text)
        self.exported.emit(files)
