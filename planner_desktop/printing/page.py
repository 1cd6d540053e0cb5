"""What laying a report out on one device needs: the page's size, the fonts measured for the
device, and the room the header and footer leave for the body.

The renderer (``render.py``) paints on top of this; the bulletin's own layout
(``bulletin.py``) only measures with it and does not need the renderer, so ``render.py``
can lay the bulletin out without the two importing each other.
"""

from __future__ import annotations

from PySide6.QtGui import QPagedPaintDevice

from planner_desktop.domain.report_content import ReportDocument
from planner_desktop.i18n import tr
from planner_desktop.printing.fonts import report_font
from planner_desktop.printing.layout import TextMeasure
from planner_desktop.printing.table import TableStyle

GAP_MM = 3.0  # between the page header and the body


class PageContext:
    """One document on one paged device, measured: where the body goes on each page."""

    def __init__(self, doc: ReportDocument, device: QPagedPaintDevice) -> None:
        self.doc = doc
        self.device = device
        resolution = device.resolution() if hasattr(device, "resolution") else device.logicalDpiY()
        self.rect = device.pageLayout().paintRectPixels(resolution)
        self.px_per_mm = resolution / 25.4
        self.width = float(self.rect.width())
        self.height = float(self.rect.height())
        body_pt = 9.0
        self.m = {
            "body": TextMeasure(report_font(body_pt), device, leading=1.2),
            "bold": TextMeasure(report_font(body_pt, bold=True), device, leading=1.2),
            "section": TextMeasure(report_font(11.5, bold=True), device),
            "note": TextMeasure(report_font(9.5), device),
            "title": TextMeasure(report_font(15, bold=True), device),
            "info": TextMeasure(report_font(9), device),
            "footer": TextMeasure(report_font(8), device),
        }
        self.info_lines = self.m["info"].wrap(self._info_text(), self.width * 0.72)
        self.footer_height = self.m["footer"].line_height + 1.5 * self.px_per_mm

    def _info_text(self) -> str:
        parts = []
        if self.doc.plan_title:
            parts.append(tr("计划：{title}").format(title=self.doc.plan_title))
        if self.doc.scope:
            parts.append(tr("范围：{scope}").format(scope=self.doc.scope))
        return "　".join(parts)

    def header_height(self, page_index: int) -> float:
        if self.doc.bulletin is not None:
            return 0.0 if page_index == 0 else self.m["info"].line_height + GAP_MM * self.px_per_mm
        lines = max(1, len(self.info_lines))
        return (self.m["title"].line_height + lines * self.m["info"].line_height
                + GAP_MM * self.px_per_mm)

    def body_height(self, page_index: int) -> float:
        return self.height - self.header_height(page_index) - self.footer_height - 1.0 * self.px_per_mm

    def table_style(self) -> TableStyle:
        return TableStyle(self.m["body"], self.m["bold"], self.m["section"], self.m["note"],
                          self.px_per_mm, self.width)
