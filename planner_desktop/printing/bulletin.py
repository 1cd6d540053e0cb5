"""The 督办通报 set as bureaus issue it: red masthead, 第N期, office and date over a red rule,
the addressee, numbered parts (总体情况, 完成率排名 with a bar chart, 逾期事项, 未报送单位,
工作要求) and the annex table on its own pages.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainter, QPen

from planner_desktop.domain.report_bulletin import overdue_line, summary_tables
from planner_desktop.domain.report_content import RankedUnit, chinese_date
from planner_desktop.i18n import tr
from planner_desktop.printing.chart import BarChart
from planner_desktop.printing.fonts import report_font
from planner_desktop.printing.layout import Fragment, TextMeasure
from planner_desktop.printing.page import PageContext
from planner_desktop.printing.table import TableFragments

RED = QColor("#c8161d")  # the red of official mastheads (红头)
BLACK = QColor("#000000")
INDENT = "\u3000\u3000"  # two full-width spaces: the first-line indent of Chinese prose


class BulletinLayout:
    def __init__(self, page: PageContext) -> None:
        self.page = page
        self.doc = page.doc
        self.b = page.doc.bulletin
        device = page.device
        self.mm = page.px_per_mm
        self.width = page.width
        self.masthead = TextMeasure(report_font(30, bold=True), device, leading=1.1)
        self.issue = TextMeasure(report_font(13), device)
        self.office = TextMeasure(report_font(12.5), device)
        self.text = TextMeasure(report_font(12), device, leading=1.55)
        self.heading = TextMeasure(report_font(12, bold=True), device, leading=1.6)
        self.chart = TextMeasure(report_font(9.5), device, leading=1.0)
        self.out: list[Fragment] = []

    # -- pieces -------------------------------------------------------------------------------
    def lines(self, measure: TextMeasure, text: str, *, indent: bool = True, hanging: float = 0.0,
              colour: QColor = BLACK) -> None:
        """A paragraph, one fragment per line, so it may continue on the next page."""
        for paragraph in text.split("\n"):
            if not paragraph.strip():
                continue
            body = (INDENT if indent else "") + paragraph.strip()
            wrapped = measure.wrap(body, self.width - hanging) if hanging else measure.wrap(body, self.width)
            for number, line in enumerate(wrapped):
                x = hanging if hanging and number else 0.0
                self.out.append(self._line(measure, line, x, colour))

    def _line(self, measure: TextMeasure, line: str, x: float, colour: QColor) -> Fragment:
        def paint(painter: QPainter, left: float, y: float) -> None:
            painter.setFont(measure.font)
            painter.setPen(colour)
            painter.drawText(QPointF(left + x, y + measure.ascent), line)

        return Fragment(measure.line_height, paint)

    def part(self, key: str) -> None:
        self.sub_heading(self.b.parts()[key])

    def sub_heading(self, text: str) -> None:
        heading = self.heading

        def paint(painter: QPainter, left: float, y: float) -> None:
            painter.setFont(heading.font)
            painter.setPen(BLACK)
            painter.drawText(QPointF(left + heading.width(INDENT), y + heading.ascent), text)

        self.out.append(Fragment(heading.line_height, paint, keep_with_next=True))

    def space(self, mm: float) -> None:
        self.out.append(Fragment(mm * self.mm, lambda _p, _x, _y: None))

    def masthead_block(self) -> None:
        fields = self.b.fields
        big, issue, office, mm, width = self.masthead, self.issue, self.office, self.mm, self.width
        series = fields.series.strip() or tr("督办通报")
        # A short series name is spaced out across the masthead, as printed mastheads are.
        title = " ".join(series) if len(series) <= 6 else series
        date = chinese_date(fields.date or self.doc.as_of)
        issue_text = tr("第{n}期").format(n=fields.issue)
        height = 8 * mm + big.line_height + 3 * mm + issue.line_height + 4 * mm + office.line_height + 5 * mm

        def paint(painter: QPainter, left: float, y: float) -> None:
            top = y + 8 * mm
            painter.setFont(big.font)
            painter.setPen(RED)
            painter.drawText(QPointF(left + (width - big.width(title)) / 2, top + big.ascent), title)
            top += big.line_height + 3 * mm
            painter.setFont(issue.font)
            painter.setPen(BLACK)
            painter.drawText(QPointF(left + (width - issue.width(issue_text)) / 2, top + issue.ascent),
                             issue_text)
            top += issue.line_height + 4 * mm
            painter.setFont(office.font)
            painter.drawText(QPointF(left + 4 * mm, top + office.ascent), fields.office)
            painter.drawText(QPointF(left + width - 4 * mm - office.width(date), top + office.ascent), date)
            top += office.line_height + 1.5 * mm
            pen = QPen(RED)
            pen.setWidthF(0.9 * mm)
            painter.setPen(pen)
            painter.drawLine(QPointF(left, top), QPointF(left + width, top))
            pen.setWidthF(0.3 * mm)
            painter.setPen(pen)
            painter.drawLine(QPointF(left, top + 1.3 * mm), QPointF(left + width, top + 1.3 * mm))

        self.out.append(Fragment(height, paint, keep_with_next=True))

    def chart_block(self, units: Sequence[RankedUnit]) -> None:
        """One fragment per bar, so a long ranking runs on to the next page."""
        chart = BarChart(self.chart, self.mm, self.width)
        for unit in units:
            self.out.append(Fragment(chart.bar_height,
                                     lambda painter, x, y, unit=unit: chart.paint_bar(painter, x, y, unit)))

    # -- the bulletin ---------------------------------------------------------------------------
    def build(self) -> list[Fragment]:
        b, doc = self.b, self.doc
        self.masthead_block()
        self.space(3)
        self.lines(self.text, b.fields.addressee, indent=False)
        self.lines(self.text, b.intro)
        self.part("overall")
        self.lines(self.text, b.overall_sentence)
        self.lines(self.text, b.light_sentence)
        if b.targets is not None:
            self.lines(self.text, b.targets.sentence())
        self.space(2)
        style = self.page.table_style()
        room = self.page.body_height(1) - 20 * self.mm
        for table in summary_tables(b):
            self.out.extend(TableFragments(table, style, room).fragments())
            self.space(2)
        self.part("units")
        self.lines(self.text, tr("按任务完成率（已完成任务数/承担任务数，不含已取消）由高到低排列如下。"))
        groups = [(tr("（一）股室"), [u for u in b.ranking if u.kind == "股室"]),
                  (tr("（二）学校"), [u for u in b.ranking if u.kind == "学校"]),
                  (tr("（三）其他单位"), [u for u in b.ranking if u.kind not in ("股室", "学校")])]
        groups = [(title, units) for title, units in groups if units]
        for title, units in groups:
            if len(groups) > 1:
                self.sub_heading(title)
            self.chart_block(units)
            self.space(2)
        if not b.ranking:
            self.lines(self.text, tr("本次通报范围内没有分解到单位的任务。"))
        if b.assessment_note:
            self.sub_heading(tr("单位考核得分排名"))
            self.lines(self.text, b.assessment_note)
            for rank, unit, score in b.assessment:
                line = tr("{rank}. {unit}　{score}分").format(rank=rank, unit=unit, score=score)
                self.lines(self.text, line)
        self.part("overdue")
        if b.overdue:
            self.lines(self.text, tr("截至通报日，共有{n}项任务逾期未完成：").format(n=len(b.overdue)))
            hang = self.text.width(INDENT)
            for index, entry in enumerate(b.overdue, start=1):
                self.lines(self.text, overdue_line(index, entry), hanging=hang)
        else:
            self.lines(self.text, tr("截至通报日，没有逾期未完成的任务。"))
        if b.targets is not None:
            self.part("targets")
            hang = self.text.width(INDENT)
            for line in b.targets.lines():
                self.lines(self.text, line, hanging=hang)
        self.part("not_reported")
        if b.not_reported:
            self.lines(self.text, b.not_reported_note + "、".join(b.not_reported) + "。")
        else:
            self.lines(self.text, b.not_reported_note)
        self.part("requirements")
        self.lines(self.text, b.fields.requirements)
        self.space(4)
        self.lines(self.text, tr("附件：督办事项明细表"))
        annex = TableFragments(b.annex, style, room).fragments()
        title = self.heading

        def annex_title(painter: QPainter, left: float, y: float) -> None:
            painter.setFont(title.font)
            painter.setPen(BLACK)
            painter.drawText(QPointF(left, y + title.ascent), tr("附件"))
            text = tr("督办事项明细表（截至{date}）").format(date=chinese_date(doc.as_of))
            painter.drawText(QPointF(left + (self.width - title.width(text)) / 2,
                                     y + title.line_height + title.ascent), text)

        self.out.append(Fragment(2 * title.line_height + 2 * self.mm, annex_title, keep_with_next=True,
                                 new_page=True))
        self.out.extend(annex)
        return self.out


def bulletin_fragments(page: PageContext) -> list[Fragment]:
    return BulletinLayout(page).build()
