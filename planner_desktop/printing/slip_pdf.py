"""督办单 and 催办通知 drawn as PDF pages with the report font (searchable Chinese, A4).

Both papers are a few kinds of blocks (a centred title, right-aligned lines, a labelled table,
indented paragraphs); each paper starts a page, and one that runs long continues on the next.
The layout engine is the reports' own (``layout.py``), so wrapping and page filling are the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPdfWriter, QPen

from planner_desktop.domain.report_content import chinese_date
from planner_desktop.domain.supervision import (
    ANSWER_LINES,
    SIGN_LINE,
    Notice,
    Slip,
    notice_paragraphs,
    slip_fields,
)
from planner_desktop.files.checks import IncompleteFile
from planner_desktop.i18n import tr
from planner_desktop.printing.fonts import report_font
from planner_desktop.printing.layout import Fragment, TextMeasure, paginate
from planner_desktop.printing.render import PDF_RESOLUTION, PROGRAM_NAME, page_layout

BLACK = QColor("#000000")
INDENT = "\u3000\u3000"


@dataclass(frozen=True)
class Block:
    kind: str  # title, right, left, para, table
    text: str = ""
    rows: tuple[tuple[str, str], ...] = ()
    answer_lines: int = 0  # empty ruled lines in the table's last row


def slip_blocks(slip: Slip) -> list[Block]:
    return [Block("title", tr("督 办 单")), Block("right", slip.label),
            Block("table", rows=(*slip_fields(slip), (tr("办理情况"), "")), answer_lines=ANSWER_LINES),
            Block("right", slip.office), Block("right", chinese_date(slip.issued_on)),
            Block("left", tr(SIGN_LINE))]


def notice_blocks(notice: Notice) -> list[Block]:
    first, *rest = notice_paragraphs(notice)
    return [Block("title", tr("催 办 通 知")), Block("left", first),
            *(Block("para", text) for text in rest),
            Block("right", notice.office), Block("right", chinese_date(notice.issued_on))]


class PaperLayout:
    def __init__(self, writer: QPdfWriter) -> None:
        resolution = writer.resolution()
        self.rect = writer.pageLayout().paintRectPixels(resolution)
        self.mm = resolution / 25.4
        self.width = float(self.rect.width())
        self.height = float(self.rect.height())
        self.title = TextMeasure(report_font(20, bold=True), writer, leading=1.6)
        self.text = TextMeasure(report_font(12), writer, leading=1.6)
        self.label = TextMeasure(report_font(12, bold=True), writer, leading=1.4)
        self.cell = TextMeasure(report_font(11.5), writer, leading=1.4)

    def fragments(self, papers: Sequence[list[Block]]) -> list[Fragment]:
        out: list[Fragment] = []
        for blocks in papers:
            first = len(out)
            for block in blocks:
                out.extend(self.block(block))
            if len(out) > first:
                out[first].new_page = True
        return out

    def block(self, block: Block) -> list[Fragment]:
        if block.kind == "table":
            return self.table(block)
        measure = self.title if block.kind == "title" else self.text
        text = (INDENT + block.text) if block.kind == "para" else block.text
        lines = measure.wrap(text, self.width)
        out = []
        for line in lines:
            if block.kind in ("title", "right"):
                x = (self.width - measure.width(line)) / (2 if block.kind == "title" else 1)
            else:
                x = 0.0
            out.append(self._text(measure, line, x))
        return out

    def _text(self, measure: TextMeasure, line: str, x: float) -> Fragment:
        def paint(painter: QPainter, left: float, y: float) -> None:
            painter.setFont(measure.font)
            painter.setPen(BLACK)
            painter.drawText(QPointF(left + x, y + measure.ascent), line)

        return Fragment(measure.line_height, paint)

    def table(self, block: Block) -> list[Fragment]:
        label_w = 28 * self.mm
        pad = 2 * self.mm
        value_w = self.width - label_w - 2 * pad
        out = []
        for index, (label, value) in enumerate(block.rows):
            last = index == len(block.rows) - 1
            lines = self.cell.wrap(value, value_w) if value else []
            blank = block.answer_lines if last else 0
            height = max(len(lines) + blank, 1) * self.cell.line_height + 2 * pad
            out.append(self._row(label, lines, blank, height, label_w, pad, top=index == 0))
        return [*out, Fragment(4 * self.mm, lambda _p, _x, _y: None)]

    def _row(self, label: str, lines: list[str], blank: int, height: float, label_w: float, pad: float,
             *, top: bool) -> Fragment:
        cell, head, width, mm = self.cell, self.label, self.width, self.mm

        def paint(painter: QPainter, left: float, y: float) -> None:
            pen = QPen(BLACK)
            pen.setWidthF(0.3 * mm)
            painter.setPen(pen)
            painter.drawRect(QRectF(left, y, width, height))
            painter.drawLine(QPointF(left + label_w, y), QPointF(left + label_w, y + height))
            painter.setFont(head.font)
            painter.drawText(QPointF(left + (label_w - head.width(label)) / 2,
                                     y + (height - head.line_height) / 2 + head.ascent), label)
            painter.setFont(cell.font)
            line_y = y + pad
            for line in lines:
                painter.drawText(QPointF(left + label_w + pad, line_y + cell.ascent), line)
                line_y += cell.line_height
            thin = QPen(QColor("#808080"))
            thin.setWidthF(0.15 * mm)
            painter.setPen(thin)
            for _ in range(blank):
                line_y += cell.line_height
                painter.drawLine(QPointF(left + label_w + pad, line_y - 0.3 * cell.line_height),
                                 QPointF(left + width - pad, line_y - 0.3 * cell.line_height))

        return Fragment(height, paint)


def write_papers_pdf(temp: Path, papers: Sequence[list[Block]], title: str) -> int:
    """Draw the papers into ``temp`` (a path from ``atomic_file``); returns the pages."""
    writer = QPdfWriter(str(temp))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(title)
    writer.setCreator(PROGRAM_NAME)
    writer.setPageLayout(page_layout(False))
    layout = PaperLayout(writer)
    pages = paginate(layout.fragments(papers), lambda _i: layout.height)
    painter = QPainter()
    if not painter.begin(writer):
        raise IncompleteFile(tr("无法开始写 PDF。"))
    complete = True
    try:
        for index, page in enumerate(pages):
            if index:
                complete = writer.newPage() and complete
            for fragment, y in page.placed:
                fragment.paint(painter, 0.0, y)
    finally:
        complete = painter.end() and complete
    del writer
    if not complete:
        raise IncompleteFile(tr("PDF 未写完整：打印引擎拒绝了某一页。"))
    return len(pages)
