"""A 2,000-row 督办台账 to PDF and to .xlsx, beside LibreOffice printing the same rows to PDF.

The ledger: 20 sections, 20 parts × 100 items (2,000 leaf rows), each item with a lead and
a supporting section, progress and a note, built through the program's own store. Measured
in one run:
* ours, PDF: reading the ledger rows, laying out and drawing every page (QPainter on
  QPdfWriter), as the report command does;
* ours, .xlsx: the same document written as a formatted workbook;
* reference: LibreOffice converting that .xlsx (the same rows, formatted for A4) to PDF,
  warm (a second run, its profile already made), which is what a clerk does by hand today;
* reference: the same rows as an HTML table printed through QTextDocument, the Qt route
  PLATFORM_NOTES.md measured at about 20 s for 5,000 rows.
Targets: the PDF faster than LibreOffice's conversion, the .xlsx within 1 s.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QTextDocument  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from bench.references import soffice_seconds  # noqa: E402
from planner_desktop.domain.deadlines import parse_deadline  # noqa: E402
from planner_desktop.domain.model import ItemDraft, PlanDraft  # noqa: E402
from planner_desktop.domain.report_content import display  # noqa: E402
from planner_desktop.domain.status import Status  # noqa: E402
from planner_desktop.domain.units import Role, RosterUnit, UnitKind, UnitMention  # noqa: E402
from planner_desktop.ops.reports import build_document  # noqa: E402
from planner_desktop.printing.fonts import report_family  # noqa: E402
from planner_desktop.printing.report_files import write_files  # noqa: E402
from planner_desktop.store.assignments import StatusChange, record_status_changes  # noqa: E402
from planner_desktop.store.database import Ledger, open_ledger  # noqa: E402
from planner_desktop.store.plans import create_plan  # noqa: E402
from planner_desktop.store.units import import_roster  # noqa: E402

AS_OF = dt.date(2026, 11, 22)
SECTIONS = [f"第{i + 1}股" for i in range(20)]
WORDS = ("安全", "教研", "督导", "资助", "招生", "德育", "体育", "艺术", "信息化", "师资")
NOTES = ("已召开专题会议研究部署，制定工作方案，正在按计划推进。",
         "已完成前期调研和摸底，相关工作有序推进中。", "已按期完成，相关材料已归档。",
         "受项目审批进度影响，尚未完成，已申请协调推进。")


def build_ledger(path: Path, rows: int = 2000) -> Ledger:
    ledger = open_ledger(path, daily_backup=False)
    import_roster(ledger, [RosterUnit(name, UnitKind.SECTION) for name in SECTIONS], {}, [])
    parts = []
    per_part = rows // 20
    for p in range(20):
        children = []
        for i in range(per_part):
            word = WORDS[(p + i) % len(WORDS)]
            children.append(ItemDraft(
                code=f"{i + 1}.", title=f"推进{word}重点任务第{p * per_part + i + 1}项",
                text=f"加强{word}工作，确保全年完成率达到{80 + i % 20}%。",
                deadline=parse_deadline(f"{1 + i % 12}月底前", 2026),
                units=(UnitMention(SECTIONS[(p + i) % 20], Role.LEAD),
                       UnitMention(SECTIONS[(p + i + 7) % 20], Role.SUPPORT))))
        parts.append(ItemDraft(code=f"{'一二三四五六七八九十'[p % 10]}、", title=f"第{p + 1}部分重点工作",
                               children=children))
    create_plan(ledger, PlanDraft("报表测试计划", 2026, items=parts), batch_kind="tasks")
    rnd = random.Random(7)
    ids = [r[0] for r in ledger.conn.execute("SELECT id FROM assignment").fetchall()]
    changes = [StatusChange(aid, rnd.choice([Status.IN_PROGRESS, Status.DONE]), rnd.randint(10, 100),
                            rnd.choice(NOTES), at=f"2026-{rnd.randint(1, 11):02d}-15 10:00:00")
               for aid in ids]
    record_status_changes(ledger, changes)
    return ledger


def timed(action) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def qtextdocument_pdf(doc, path: Path) -> float:
    """The same rows as one HTML table printed through QTextDocument (header repeated)."""
    columns = doc.table.columns
    parts = ["<table border='1' cellspacing='0' cellpadding='2' width='100%'><thead><tr>"]
    parts += [f"<th>{html.escape(c.header)}</th>" for c in columns]
    parts.append("</tr></thead>")
    for section in doc.table.sections:
        for row in section.rows:
            if row.heading:
                heading = html.escape(str(row.cells[0]))
                parts.append(f"<tr><td colspan='{len(columns)}'><b>{heading}</b></td></tr>")
                continue
            parts.append("<tr>" + "".join(f"<td>{html.escape(display(v, c.kind, overdue=row.overdue))}</td>"
                                          for v, c in zip(row.cells, columns, strict=True)) + "</tr>")
    parts.append("</table>")

    def run() -> None:
        printer = QPrinter(QPrinter.HighResolution)
        printer.setOutputFormat(QPrinter.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Landscape,
                                          printer.pageLayout().margins()))
        text = QTextDocument()
        text.setDefaultFont(report_family() and text.defaultFont())
        text.setHtml("".join(parts))
        text.print_(printer)

    return timed(run)[0]


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841 - fonts need it
    report_family()  # the font is registered once per process, as in the program
    folder = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    ledger = build_ledger(folder / "ledger.sqlite")
    pdf, xlsx = folder / "台账.pdf", folder / "台账.xlsx"

    def to_pdf():
        doc = build_document(ledger, "ledger", as_of=AS_OF)
        return doc, write_files(doc, pdf=pdf)

    pdf_s, (doc, (pages, _files)) = timed(to_pdf)
    pdf_s = min(pdf_s, timed(to_pdf)[0])
    # As the dialog's 导出 Excel does it: the rows read and the workbook written.
    xlsx_s = min(timed(lambda: write_files(build_document(ledger, "ledger", as_of=AS_OF), xlsx=xlsx,
                                           count=False))[0]
                 for _ in range(2))
    simple = folder / "ledger.xlsx"  # LibreOffice's command line is happier with ASCII names
    shutil.copyfile(xlsx, simple)
    lo_s = soffice_seconds(simple, "pdf", folder / "lo")
    lo_pages = None
    if lo_s is not None and shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(folder / "lo" / "ledger.pdf")], capture_output=True,
                              text=True).stdout
        lo_pages = int(info.split("Pages:")[1].split()[0])
    qtd_s = qtextdocument_pdf(doc, folder / "qtextdocument.pdf")

    print(f"ledger: {doc.row_count} rows; our PDF {pages} pages, LibreOffice's {lo_pages} pages")
    print(f"ours to PDF: {pdf_s:.3f} s   ours to .xlsx: {xlsx_s:.3f} s")
    print(f"LibreOffice .xlsx → PDF (warm): {lo_s if lo_s is None else round(lo_s, 3)} s   "
          f"QTextDocument HTML table → PDF: {qtd_s:.3f} s")
    refs = {"qtextdocument_html_table": round(qtd_s, 4)}
    if lo_s is not None:
        refs["libreoffice_xlsx_to_pdf"] = round(lo_s, 4)
    pdf_met = lo_s is not None and pdf_s < lo_s
    print(json.dumps({"bench": "report_xlsx", "ours_s": round(xlsx_s, 4), "refs_s": refs,
                      "target": "2,000-row ledger to .xlsx < 1 s", "met": xlsx_s < 1.0}, ensure_ascii=False))
    print(json.dumps({"bench": "reports", "ours_s": round(pdf_s, 4), "refs_s": refs,
                      "target": "2,000-row ledger to PDF faster than LibreOffice's .xlsx → PDF; .xlsx < 1 s "
                                f"(ours {xlsx_s:.3f} s)",
                      "met": bool(pdf_met and xlsx_s < 1.0)}, ensure_ascii=False))
    ledger.close()
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
