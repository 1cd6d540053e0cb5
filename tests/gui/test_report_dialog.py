"""The report dialog as the clerk uses it: opened from the main window for the current view,
print preview opened without blocking, a PDF exported off the GUI thread."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

from PySide6.QtPrintSupport import QPrintPreviewDialog

from planner_desktop.domain.ledger_table import SavedView
from planner_desktop.domain.report_content import ReportKind
from planner_desktop.ops.reports import bulletin_defaults
from tests.conftest import DEMO_AS_OF as AS_OF

NEXT_DAY = AS_OF + dt.timedelta(days=7)


def test_preview_and_pdf_of_the_current_view(window, qtbot, tmp_path):
    assert window.act_report.isEnabled()
    window.nav.select_view(SavedView.OVERDUE)
    shown = window.model.rows()
    assert shown
    dialog = window.open_reports()
    qtbot.addWidget(dialog)
    assert dialog.scope_view.isChecked() and "逾期" in dialog.scope_view.text()
    assert dialog.as_of.date().toPython() == AS_OF

    preview = dialog.preview()
    assert isinstance(preview, QPrintPreviewDialog) and preview.isVisible()
    qtbot.waitUntil(lambda: "页" in dialog.status.text(), timeout=10_000)  # paintRequested ran
    assert dialog.printer is not None  # kept for the preview's life
    preview.close()

    pdf = tmp_path / "逾期视图.pdf"
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as done:
        dialog.export("pdf", pdf)
    assert done.args[0] == [pdf] and pdf.exists()
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "督办台账" in text and "当前视图“逾期”" in text
        assert re.sub(r"\s", "", text).count("●红") == len({r.item_id for r in shown})
    assert dialog._document.row_count == len({r.item_id for r in shown})


def test_bulletin_fields_numbered_and_remembered(window, qtbot, tmp_path):
    dialog = window.open_reports()
    qtbot.addWidget(dialog)
    dialog.set_kind(ReportKind.BULLETIN)
    assert dialog.bulletin_box.isVisibleTo(dialog) and dialog.docx_button.isEnabled()
    assert dialog.issue.value() == 1
    dialog.office.setText("青溪县教育局督查室")
    dialog.issue.setValue(5)
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.export("docx", tmp_path / "通报.docx")
    assert (tmp_path / "通报.docx").exists()
    assert dialog.issue.value() == 5, "the same bulletin in another format keeps its number"
    plan = window.row_filter.plan_id
    assert bulletin_defaults(window.ledger, plan, AS_OF).issue == 5
    assert bulletin_defaults(window.ledger, plan, NEXT_DAY).issue == 6, "the next issue"
    assert bulletin_defaults(window.ledger, plan).office == "青溪县教育局督查室"
    dialog.set_kind(ReportKind.LEDGER)
    assert not dialog.bulletin_box.isVisibleTo(dialog) and not dialog.docx_button.isEnabled()


def test_one_bulletin_exported_to_pdf_xlsx_and_docx_is_one_issue(window, qtbot, tmp_path):
    """Exported one format after another from the dialog: the same 期号 in every file, one
    issue in the ledger with its date and scope; the next bulletin day proposes the next."""
    import openpyxl
    from docx import Document

    from planner_desktop.ops.reports import issued_bulletins

    dialog = window.open_reports()
    qtbot.addWidget(dialog)
    dialog.set_kind(ReportKind.BULLETIN)
    dialog.scope_all.setChecked(True)
    assert dialog.issue.value() == 1
    files = {what: tmp_path / f"通报.{what}" for what in ("pdf", "xlsx", "docx")}
    for what, path in files.items():
        with qtbot.waitSignal(dialog.exported, timeout=30_000):
            dialog.export(what, path)
        assert dialog.issue.value() == 1
    cells = [str(c.value) for ws in openpyxl.load_workbook(files["xlsx"]).worksheets
             for r in ws.iter_rows() for c in r if c.value is not None]
    assert any("第1期" in c for c in cells) and not any("第2期" in c for c in cells)
    words = "".join(p.text for p in Document(str(files["docx"])).paragraphs)
    assert "第1期" in words and "第2期" not in words
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(files["pdf"]), "-"], capture_output=True, text=True).stdout
        assert "第1期" in text and "第2期" not in text
    plan = window.row_filter.plan_id
    assert issued_bulletins(window.ledger, plan) == [
        {"issue": 1, "date": AS_OF.isoformat(), "scope": "全部要点", "formats": ["docx", "pdf", "xlsx"]}]
    reopened = window.open_reports()
    qtbot.addWidget(reopened)
    assert reopened.issue.value() == 1, "reopened the same day: the same issue, for another copy"
    assert bulletin_defaults(window.ledger, plan, NEXT_DAY).issue == 2


def test_a_bulletin_printed_from_the_preview_is_issued(window, qtbot, tmp_path):
    """The preview's own print button: Qt accepts the preview once it has printed (here to a
    PDF file, as on a machine without a printer); closing the preview issues nothing."""
    from PySide6.QtPrintSupport import QPrinter

    dialog = window.open_reports()
    qtbot.addWidget(dialog)
    dialog.set_kind(ReportKind.BULLETIN)
    dialog.issue.setValue(3)
    plan = window.row_filter.plan_id
    preview = dialog.preview()
    preview.reject()  # looked at, closed
    assert dialog.issue.value() == 3 and bulletin_defaults(window.ledger, plan, AS_OF).issue == 1

    preview = dialog.preview()
    dialog.printer.setOutputFormat(QPrinter.PdfFormat)  # the file dialog was cancelled
    dialog.printer.setOutputFileName("")
    preview.accept()
    assert dialog.issue.value() == 3

    preview = dialog.preview()
    dialog.printer.setOutputFileName(str(tmp_path / "通报.pdf"))
    preview.accept()  # what Qt does after printing
    assert dialog.issue.value() == 3, "printed, it is still that issue"
    assert bulletin_defaults(window.ledger, plan, AS_OF).issue == 3
    assert bulletin_defaults(window.ledger, plan, NEXT_DAY).issue == 4


def test_an_export_that_cannot_be_written_says_why(window, qtbot, tmp_path, message_boxes):
    dialog = window.open_reports()
    qtbot.addWidget(dialog)
    blocker = tmp_path / "not a folder"
    blocker.write_text("x")
    job = dialog.export("xlsx", blocker / "台账.xlsx")
    qtbot.waitUntil(lambda: not job.running, timeout=30_000)
    assert message_boxes and message_boxes[0][0] == "无法保存报表"
    message_boxes.clear()
    assert dialog.xlsx_button.isEnabled()
