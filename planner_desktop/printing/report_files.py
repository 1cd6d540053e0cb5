"""Writing a report document as PDF, .xlsx and .docx: what the report dialog, the ``report``
command and the self-test call, so paper, files and scripts show the same rows.

Drawing pages needs a Qt application (fonts); :func:`ensure_qt` makes a headless one for
the command line and scripts, which have none.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

from planner_desktop.domain.report_content import ReportDocument, ReportKind
from planner_desktop.errors import UserFixableError
from planner_desktop.exchange.report_xlsx import write_report_xlsx
from planner_desktop.i18n import tr
from planner_desktop.ops.reports import DOCX_KINDS, ReportResult, build_document, remember_bulletin
from planner_desktop.printing.chart import chart_pngs
from planner_desktop.printing.render import count_pages, write_pdf
from planner_desktop.store.database import Ledger


def ensure_qt() -> None:
    """Drawing pages needs a Qt application (fonts); the CLI and scripts have none.

    A QApplication, not a bare QGuiApplication: a process that later opens a window (the
    self-test, a test session) cannot make widgets under a QGuiApplication.
    """
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    if QGuiApplication.instance() is None:
        headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
        if sys.platform.startswith("linux") and headless:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        ensure_qt.app = QApplication([sys.argv[0] if sys.argv else "planner-desktop"])  # type: ignore[attr-defined]


def write_files(doc: ReportDocument, *, pdf: Path | None = None, xlsx: Path | None = None,
                docx: Path | None = None, printed_at: dt.datetime | None = None,
                count: bool = True) -> tuple[int | None, list[Path]]:
    """Write the files asked for and return (A4 pages, files). Touches no ledger, so the
    dialog runs it off the GUI thread. Without a PDF the pages are counted by laying the
    report out (``count``), which the dialog skips for an Excel or Word export."""
    ensure_qt()
    if docx is not None and doc.kind not in DOCX_KINDS:
        raise UserFixableError(tr("只有督办通报可以导出为 Word 文档（.docx）；其他报表请导出 PDF 或 Excel。"))
    files: list[Path] = []
    if pdf is not None:
        pages = write_pdf(doc, Path(pdf), printed_at).pages
        files.append(Path(pdf))
    else:
        pages = count_pages(doc) if count else None
    if xlsx is not None:
        write_report_xlsx(Path(xlsx), doc)
        files.append(Path(xlsx))
    if docx is not None:
        # Loaded only for a Word file: python-docx (with lxml) takes about 45 ms to import, and
        # most reports are PDFs or workbooks (start-up speed of the dialog and the command).
        from planner_desktop.exchange.report_docx import write_bulletin_docx

        ranking = doc.bulletin.ranking if doc.bulletin else []
        kinds = {u.kind for u in ranking}
        charts = {kind: chart_pngs([u for u in ranking if u.kind == kind]) for kind in kinds}
        write_bulletin_docx(Path(docx), doc, charts)
        files.append(Path(docx))
    return pages, files


def write_outputs(ledger: Ledger, doc: ReportDocument, *, plan_id: int | None, pdf: Path | None = None,
                  xlsx: Path | None = None, docx: Path | None = None,
                  printed_at: dt.datetime | None = None) -> ReportResult:
    """Write the files asked for; an issued bulletin's number is remembered afterwards, with
    its date, scope and formats (the PDF, .xlsx and .docx of one bulletin are one issue)."""
    pages, files = write_files(doc, pdf=pdf, xlsx=xlsx, docx=docx, printed_at=printed_at)
    if doc.bulletin is not None and files:
        remember_bulletin(ledger, plan_id, doc.bulletin.fields, scope=doc.scope,
                          formats=[f.suffix.lstrip(".").lower() for f in files])
    return ReportResult(doc.kind, doc.row_count, pages, files, doc)


def make_report(ledger: Ledger, kind: str | ReportKind, *, plan_id: int | None = None,
                item_ids: list[int] | None = None, as_of: dt.date | None = None,
                pdf: Path | str | None = None, xlsx: Path | str | None = None,
                docx: Path | str | None = None, options: dict[str, Any] | None = None) -> ReportResult:
    """Build a report and write it as PDF, .xlsx and/or .docx (the bulletin only)."""
    doc = build_document(ledger, kind, plan_id=plan_id, item_ids=item_ids, as_of=as_of, options=options)
    printed_at = (options or {}).get("printed_at")
    return write_outputs(ledger, doc, plan_id=plan_id, pdf=Path(pdf) if pdf else None,
                         xlsx=Path(xlsx) if xlsx else None, docx=Path(docx) if docx else None,
                         printed_at=printed_at)
