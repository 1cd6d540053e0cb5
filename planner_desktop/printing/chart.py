"""The completion-rate bar chart (QtCharts is not in PySide6-Essentials, so it is painted).

One bar per unit, best first: the unit's rank and name on the left, the bar in the middle
and the figure on the right (``85.7%（6/7） 逾期1``), so the chart reads on a greyscale
printer too. The bulletin's pages and the picture put into the Word bulletin use the same
painting code.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from planner_desktop.domain.report_content import RankedUnit, percent_text
from planner_desktop.i18n import tr
from planner_desktop.printing.fonts import report_font
from planner_desktop.printing.layout import TextMeasure

TRACK = QColor("#eceff1")
OUTLINE = QColor("#607d8b")
BLACK = QColor("#000000")


BAR = QColor("#2f6db5")  # one colour: a low rate early in the year is not yet a failure


def bar_colour(rate: float) -> QColor:
    return BAR


def fit_label(measure: TextMeasure, text: str, width: float) -> str:
    """A name too long for the label column loses its middle, never its end (…学校)."""
    if measure.width(text) <= width:
        return text
    while len(text) > 4 and measure.width(text + "…") > width:
        text = text[:-3] + text[-2:]
    return text[:-2] + "…" + text[-2:]


class BarChart:
    def __init__(self, measure: TextMeasure, px_per_mm: float, width: float) -> None:
        self.measure = measure
        self.mm = px_per_mm
        self.width = width
        self.label_w = 48 * px_per_mm
        self.value_w = 44 * px_per_mm
        self.bar_height = 5.6 * px_per_mm
        self.track = width - self.label_w - self.value_w - 4 * px_per_mm

    @staticmethod
    def value_text(unit: RankedUnit) -> str:
        text = f"{percent_text(unit.rate)}（{unit.done}/{unit.total}）"
        return text + (tr(" 逾期{n}").format(n=unit.overdue) if unit.overdue else "")

    def paint_bar(self, painter: QPainter, left: float, y: float, unit: RankedUnit) -> None:
        m, mm = self.measure, self.mm
        label = fit_label(m, f"{unit.rank}. {unit.unit}", self.label_w - 2 * mm)
        painter.setFont(m.font)
        painter.setPen(BLACK)
        base = y + (self.bar_height - m.line_height) / 2 + m.ascent
        painter.drawText(QPointF(left + self.label_w - 2 * mm - m.width(label), base), label)
        x0 = left + self.label_w
        bar = QRectF(x0, y + 1.0 * mm, self.track, self.bar_height - 2.0 * mm)
        painter.fillRect(bar, TRACK)
        if unit.rate > 0:
            painter.fillRect(QRectF(bar.x(), bar.y(), self.track * unit.rate, bar.height()),
                             bar_colour(unit.rate))
        pen = QPen(OUTLINE)
        pen.setWidthF(0.15 * mm)
        painter.setPen(pen)
        painter.drawRect(bar)
        painter.setPen(BLACK)
        painter.drawText(QPointF(x0 + self.track + 2 * mm, base), self.value_text(unit))


# Bars per picture of the Word bulletin: Word neither splits a picture across pages nor
# shows the part of one taller than the page, so a county's 300 schools (1.7 m of bars) go
# in pictures of 56 mm, four to an A4 page: at most that much of a page stays blank where
# one moves on.
BARS_PER_PICTURE = 10


def chart_pngs(units: Sequence[RankedUnit], width_mm: float = 165.0,
               per_picture: int = BARS_PER_PICTURE) -> list[bytes]:
    """The chart as consecutive PNG pictures of at most ``per_picture`` bars each."""
    return [chart_png(units[start:start + per_picture], width_mm)
            for start in range(0, len(units), per_picture)]


def chart_png(units: Sequence[RankedUnit], width_mm: float = 165.0, dpi: int = 200) -> bytes:
    """The chart as a PNG picture (for the Word bulletin), ``width_mm`` wide when placed."""
    px_per_mm = dpi / 25.4
    probe = QImage(1, 1, QImage.Format_ARGB32)
    probe.setDotsPerMeterX(round(dpi / 0.0254))
    probe.setDotsPerMeterY(round(dpi / 0.0254))
    measure = TextMeasure(report_font(9.5), probe, leading=1.0)
    chart = BarChart(measure, px_per_mm, width_mm * px_per_mm)
    image = QImage(round(chart.width), max(1, round(chart.bar_height * len(units) + 2 * px_per_mm)),
                   QImage.Format_RGB32)
    image.setDotsPerMeterX(probe.dotsPerMeterX())
    image.setDotsPerMeterY(probe.dotsPerMeterY())
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setRenderHint(QPainter.TextAntialiasing)
    for index, unit in enumerate(units):
        chart.paint_bar(painter, 0.0, px_per_mm + index * chart.bar_height, unit)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())
