"""Pages of a report drawn with QPainter on any paged device: a PDF file, a printer, a preview.

The same :class:`ReportRenderer` serves the print preview (a QPrinter in preview mode), the
printer and the PDF export, so what the clerk previews is what comes out. Pages are A4,
landscape for tables and portrait for the bulletin, with margins office printers can print
(15 mm on the binding side, 12 mm elsewhere). Every page has the report title, the as-of date
and the filters at the top (the bulletin's first page has its masthead instead), and
``第 n 页 共 m 页`` with the print time at the foot.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF
from PySide6.QtGui import QColor, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from planner_desktop.domain.report_content import ReportDocument, chinese_date
from planner_desktop.errors import UserFixableError
from planner_desktop.files.atomic import atomic_file
from planner_desktop.files.checks import IncompleteFile
from planner_desktop.i18n import tr
from planner_desktop.printing.bulletin import bulletin_fragments
from planner_desktop.printing.layout import Fragment, Page, paginate
from planner_desktop.printing.page import PageContext
from planner_desktop.printing.table import TableFragments

PROGRAM_NAME = "工作要点督办台"
PDF_RESOLUTION = 600  # device pixels per inch: layout precision only, the PDF stays vector
MARGINS_MM = {"binding": 15.0, "other": 12.0}


def page_layout(landscape: bool) -> QPageLayout:
    """A4 with the binding margin on the left of portrait pages and the top of landscape ones."""
    b, o = MARGINS_MM["binding"], MARGINS_MM["other"]
    if landscape:
        margins, orientation = QMarginsF(o, b, o, o), QPageLayout.Landscape
    else:
        margins, orientation = QMarginsF(b, o, o, o), QPageLayout.Portrait
    return QPageLayout(QPageSize(QPageSize.A4), orientation, margins, QPageLayout.Millimeter)


@dataclass
class RenderResult:
    pages: int
    data_rows: int
    # False when the device refused a page or the painter could not finish (a PDF writer
    # whose file could not be written; see write_pdf).
    complete: bool = True


class ReportRenderer(PageContext):
    """Lays a document out for one device, then paints it page by page."""

    def __init__(self, doc: ReportDocument, device: QPagedPaintDevice, printed_at: dt.datetime | None = None):
        super().__init__(doc, device)
        self.printed_at = (printed_at or dt.datetime.now()).replace(microsecond=0)
        self.pages: list[Page] = []

    # -- header and footer ------------------------------------------------------------------
    def paint_header(self, painter: QPainter, page_index: int, page: Page) -> None:
        info = self.m["info"]
        as_of = tr("截至 {date}").format(date=chinese_date(self.doc.as_of))
        painter.setPen(QColor("#000000"))
        if self.doc.bulletin is not None:
            if page_index == 0:
                return
            fields = self.doc.bulletin.fields
            painter.setFont(info.font)
            label = tr("{series}　第{issue}期").format(series=fields.series, issue=fields.issue)
            painter.drawText(QPointF(0, info.ascent), label)
            painter.drawText(QPointF(self.width - info.width(as_of), info.ascent), as_of)
            self._rule(painter, info.line_height + 0.6 * self.px_per_mm, 0.25)
            return
        title = self.m["title"]
        text = page.section or self.doc.title
        painter.setFont(title.font)
        painter.drawText(QPointF((self.width - title.width(text)) / 2, title.ascent), text)
        painter.setFont(info.font)
        top = title.line_height
        for line in self.info_lines:
            painter.drawText(QPointF(0, top + info.ascent), line)
            top += info.line_height
        painter.drawText(QPointF(self.width - info.width(as_of), title.line_height + info.ascent), as_of)

    def paint_footer(self, painter: QPainter, page_index: int, total: int) -> None:
        foot = self.m["footer"]
        y = self.height - foot.line_height + foot.ascent
        painter.setFont(foot.font)
        painter.setPen(QColor("#000000"))
        printed = tr("打印时间：{time}").format(time=self.printed_at.strftime("%Y-%m-%d %H:%M"))
        number = tr("第 {n} 页 共 {m} 页").format(n=page_index + 1, m=total)
        painter.drawText(QPointF(0, y), printed)
        painter.drawText(QPointF((self.width - foot.width(number)) / 2, y), number)
        painter.drawText(QPointF(self.width - foot.width(PROGRAM_NAME), y), PROGRAM_NAME)

    def _rule(self, painter: QPainter, y: float, width_mm: float, colour: str = "#000000") -> None:
        pen = QPen(QColor(colour))
        pen.setWidthF(width_mm * self.px_per_mm)
        painter.setPen(pen)
        painter.drawLine(QPointF(0, y), QPointF(self.width, y))

    # -- layout -----------------------------------------------------------------------------
    def fragments(self) -> list[Fragment]:
        if self.doc.bulletin is not None:
            return bulletin_fragments(self)
        if self.doc.table is None:
            return []
        # Room for a row under a repeated section heading and column header.
        room = self.body_height(1) - 30 * self.px_per_mm
        return TableFragments(self.doc.table, self.table_style(), room).fragments()

    def layout(self) -> list[Page]:
        self.pages = paginate(self.fragments(), self.body_height)
        return self.pages

    # -- painting ---------------------------------------------------------------------------
    def paint(self) -> RenderResult:
        pages = self.pages or self.layout()
        painter = QPainter()
        if not painter.begin(self.device):
            raise UserFixableError(tr("无法开始打印：打印机或文件不可用。"))
        complete = True
        try:
            painter.setRenderHint(QPainter.Antialiasing, True)
            painter.setRenderHint(QPainter.TextAntialiasing, True)
            for index, page in enumerate(pages):
                if index:
                    complete = self.device.newPage() and complete
                self.paint_header(painter, index, page)
                top = self.header_height(index)
                for fragment, y in page.placed:
                    fragment.paint(painter, 0.0, top + y)
                self.paint_footer(painter, index, len(pages))
        finally:
            complete = painter.end() and complete
        rows = sum(f.data_row for p in pages for f, _ in p.placed)
        return RenderResult(len(pages), rows, complete)


def render(doc: ReportDocument, device: QPagedPaintDevice, printed_at: dt.datetime | None = None
           ) -> RenderResult:
    """Set the page layout the document wants and draw it (a printer from a dialog, a writer)."""
    device.setPageLayout(page_layout(doc.landscape))
    return ReportRenderer(doc, device, printed_at).paint()


def _writer(target: str | QIODevice, doc: ReportDocument) -> QPdfWriter:
    writer = QPdfWriter(target)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(doc.title)
    writer.setCreator(PROGRAM_NAME)
    writer.setPageLayout(page_layout(doc.landscape))
    return writer


def count_pages(doc: ReportDocument) -> int:
    """Pages the document takes on A4 (laid out as for a PDF, nothing drawn)."""
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    writer = _writer(buffer, doc)
    return len(ReportRenderer(doc, writer).layout())


def write_pdf(doc: ReportDocument, path: Path, printed_at: dt.datetime | None = None) -> RenderResult:
    """Write the PDF beside ``path`` and move it into place only when it is complete.

    Qt does not reliably report a full disk: under a file-size limit ``QPainter.end()``
    returned True with a truncated file, and even a QFile given to the writer showed no
    error after a report's short write (only sometimes a WriteError). What catches it is
    ``atomic_file``'s check of the PDF's header and ``%%EOF`` trailer; a page or an end the
    device refused counts too.
    """
    with atomic_file(path, ".pdf") as temp:
        writer = _writer(str(temp), doc)
        result = ReportRenderer(doc, writer, printed_at).paint()
        del writer  # closes the file
        if not result.complete:
            raise IncompleteFile(tr("PDF 未写完整：打印引擎拒绝了某一页。"))
    return result
