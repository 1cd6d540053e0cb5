"""A report table cut into fragments: the column header, section headings and one per row.

Rows are never split across pages: a row taller than a whole page (a note of several
hundred characters) is the one exception, and is cut into consecutive line bands that each
keep the row's borders, so nothing is ever clipped away.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from planner_desktop.domain.report_content import Align, CellKind, ReportTable, TableRow, display
from planner_desktop.domain.status import Light
from planner_desktop.i18n import tr
from planner_desktop.printing.layout import Fragment, TextMeasure

# Pale fills with dark text: the light reads on a colour printer, and the symbol and word
# (● 红) read on a greyscale one.
LIGHT_FILL = {Light.RED: QColor("#f4c7c3"), Light.YELLOW: QColor("#fce8b2"),
              Light.GREEN: QColor("#d4ecd4"), Light.BLUE: QColor("#cfe0f5")}
LIGHT_INK = {Light.RED: QColor("#9c1c1c"), Light.YELLOW: QColor("#7a4f00"),
             Light.GREEN: QColor("#1e5e2a"), Light.BLUE: QColor("#1c4f8c")}
HEADER_FILL = QColor("#d9d9d9")
HEADING_FILL = QColor("#efefef")
OVERDUE_INK = QColor("#9c1c1c")
BLACK = QColor("#000000")


@dataclass
class TableStyle:
    body: TextMeasure
    bold: TextMeasure
    section: TextMeasure
    note: TextMeasure
    px_per_mm: float
    width: float  # the table's width in device pixels

    @property
    def pad_x(self) -> float:
        return 1.2 * self.px_per_mm

    @property
    def pad_y(self) -> float:
        return 0.9 * self.px_per_mm


def column_widths(table: ReportTable, width: float) -> list[float]:
    total = sum(c.width for c in table.columns)
    return [c.width * width / total for c in table.columns]


def _draw_lines(painter: QPainter, measure: TextMeasure, lines: Sequence[str], x: float, y: float,
                width: float, height: float, pad_x: float, align: Align) -> None:
    top = y + (height - len(lines) * measure.line_height) / 2 + measure.ascent
    for line in lines:
        if align is Align.LEFT:
            left = x + pad_x
        else:
            free = width - measure.width(line)
            left = x + (free / 2 if align is Align.CENTER else free - pad_x)
        painter.drawText(QPointF(left, top), line)
        top += measure.line_height


class TableFragments:
    """Builds the fragments of one table for a given style and page body height."""

    def __init__(self, table: ReportTable, style: TableStyle, max_row_height: float) -> None:
        self.table = table
        self.style = style
        self.widths = column_widths(table, style.width)
        self.lefts = [sum(self.widths[:i]) for i in range(len(self.widths))]
        self.max_row_height = max_row_height
        self.pen = QPen(BLACK)
        self.pen.setWidthF(0.2 * style.px_per_mm)

    # -- pieces ---------------------------------------------------------------------------------
    def header(self) -> Fragment:
        s = self.style
        cells = [s.bold.wrap(c.header, w - 2 * s.pad_x) for c, w in zip(self.table.columns, self.widths,
                                                                         strict=True)]
        height = max(len(c) for c in cells) * s.bold.line_height + 2 * s.pad_y

        def paint(painter: QPainter, x: float, y: float) -> None:
            painter.setPen(self.pen)
            painter.setFont(s.bold.font)
            for left, w, lines in zip(self.lefts, self.widths, cells, strict=True):
                rect = QRectF(x + left, y, w, height)
                painter.fillRect(rect, HEADER_FILL)
                painter.drawRect(rect)
                _draw_lines(painter, s.bold, lines, x + left, y, w, height, s.pad_x, Align.CENTER)

        return Fragment(height, paint, keep_with_next=True)

    def section_heading(self, title: str, note: str, *, continued: bool = False,
                        own_page: bool = False) -> Fragment:
        """A unit's heading over its rows; a section on its own pages has its name in the page
        header already, so its heading carries only the counts."""
        s = self.style
        text = "" if own_page else title + (tr("（续）") if continued else "")
        lines = s.section.wrap(text, s.width * 0.62)
        height = len(lines) * s.section.line_height + 1.6 * s.px_per_mm

        def paint(painter: QPainter, x: float, y: float) -> None:
            painter.setPen(BLACK)
            painter.setFont(s.section.font)
            _draw_lines(painter, s.section, lines, x, y, s.width, height, 0, Align.LEFT)
            if note and not continued:
                painter.setFont(s.note.font)
                _draw_lines(painter, s.note, [note], x, y, s.width, height, 0, Align.RIGHT)

        return Fragment(height, paint, keep_with_next=True, section=title if own_page else None)

    def rows(self, rows: Sequence[TableRow], repeat: Sequence[Fragment],
             section: str | None) -> list[Fragment]:
        out: list[Fragment] = []
        s = self.style
        columns = self.table.columns
        inner = [w - 2 * s.pad_x for w in self.widths]
        body = s.body
        for row in rows:
            if row.heading:
                lines = s.bold.wrap(str(row.cells[0]), s.width - 2 * s.pad_x)
                out.extend(self._bands(row, [lines], s.bold, repeat, section))
                continue
            cells = [body.wrap(display(value, column.kind, overdue=row.overdue), width)
                     for value, column, width in zip(row.cells, columns, inner, strict=True)]
            out.extend(self._bands(row, cells, body, repeat, section))
        return out

    def _bands(self, row: TableRow, cells: list[list[str]], measure: TextMeasure,
               repeat: Sequence[Fragment], section: str | None) -> list[Fragment]:
        """One fragment for the row, or several line bands if it is taller than a page."""
        s = self.style
        lines = max(len(c) for c in cells)
        per_band = max(1, int((self.max_row_height - 2 * s.pad_y) // measure.line_height))
        if lines <= per_band:
            return [self._row_fragment(row, cells, measure, lines, repeat, section)]
        bands = []
        for first in range(0, lines, per_band):
            part = [c[first:first + per_band] for c in cells]
            band = self._row_fragment(row, part, measure, min(per_band, lines - first), repeat, section)
            band.data_row = not bands  # one table row, however many bands it takes
            bands.append(band)
        return bands

    def _row_fragment(self, row: TableRow, cells: list[list[str]], measure: TextMeasure, lines: int,
                      repeat: Sequence[Fragment], section: str | None) -> Fragment:
        s = self.style
        height = lines * measure.line_height + 2 * s.pad_y
        columns = self.table.columns
        lefts, widths = self.lefts, self.widths

        if row.heading:
            def paint(painter: QPainter, x: float, y: float) -> None:
                rect = QRectF(x, y, s.width, height)
                painter.fillRect(rect, HEADING_FILL)
                painter.setPen(self.pen)
                painter.drawRect(rect)
                painter.setFont(measure.font)
                _draw_lines(painter, measure, cells[0], x, y, s.width, height, s.pad_x, Align.LEFT)

            return Fragment(height, paint, repeat=repeat, section=section)

        def paint(painter: QPainter, x: float, y: float) -> None:  # noqa: F811 - one per kind of row
            painter.setFont(measure.font)
            for column, left, w, value_lines in zip(columns, lefts, widths, cells, strict=True):
                rect = QRectF(x + left, y, w, height)
                ink = BLACK
                if column.kind is CellKind.LIGHT and row.light is not None:
                    painter.fillRect(rect, LIGHT_FILL[row.light])
                    ink = LIGHT_INK[row.light]
                elif column.kind is CellKind.WORKDAYS and row.overdue:
                    ink = OVERDUE_INK
                painter.setPen(self.pen)
                painter.drawRect(rect)
                if value_lines and value_lines != [""]:
                    painter.setPen(ink)
                    _draw_lines(painter, measure, value_lines, x + left, y, w, height, s.pad_x, column.align)

        return Fragment(height, paint, repeat=repeat, section=section, data_row=True)

    # -- the whole table --------------------------------------------------------------------------
    def fragments(self) -> list[Fragment]:
        """Sections on their own pages get their own header; sections that follow one
        another share one table, each opened by a spanning group row (repeated, marked 续,
        with the column header on a page it continues onto)."""
        if any(s.new_page for s in self.table.sections):
            return self._page_sections()
        header = self.header()
        out: list[Fragment] = [header]
        if not self.table.data_rows:  # say so, rather than print a bare header
            header.keep_with_next = True
            return out + self.rows([TableRow((tr("没有符合条件的任务。"),), heading=True)], (), None)
        for section in self.table.sections:
            repeat: list[Fragment] = [header]
            if section.title:
                label = f"{section.title}（{section.note}）" if section.note else section.title
                group = self.rows([TableRow((label,), heading=True)], repeat, None)
                for piece in group:
                    piece.keep_with_next = True
                out.extend(group)
                again = self.rows([TableRow((label + tr("（续）"),), heading=True)], (), None)
                repeat = [header, *again]
            out.extend(self.rows(section.rows, repeat, None))
        return out

    def _page_sections(self) -> list[Fragment]:
        out: list[Fragment] = []
        for section in self.table.sections:
            header = self.header()
            own_page = section.new_page
            page_title = section.title if own_page else None
            if section.title:
                heading = self.section_heading(section.title, section.note, own_page=own_page)
                heading.new_page = own_page
                repeat: list[Fragment] = [header]
                if not own_page:
                    repeat.insert(0, self.section_heading(section.title, section.note, continued=True))
                out.extend([heading, header])
            else:
                repeat = [header]
                out.append(header)
            out.extend(self.rows(section.rows, repeat, page_title))
            if not section.rows:
                out[-1].keep_with_next = False
        return out
