"""督办单 and 催办通知 as Word documents on the 公文 page (``gongwen_docx``).

A slip is one page: the title, its number, a two-column table (督办类别, 督办事项, 责任单位,
配合单位, 完成时限, 督办要求, then 办理情况 as empty ruled lines for the unit to fill in), the
issuing office and date, and the 签收 line. Several slips in one document each start a page.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.shared import Mm, Pt

from planner_desktop.domain.report_content import chinese_date
from planner_desktop.domain.supervision import (
    ANSWER_LINES,
    SIGN_LINE,
    Notice,
    Slip,
    notice_paragraphs,
    slip_fields,
)
from planner_desktop.exchange.gongwen_docx import (
    BODY_FONT,
    BODY_PT,
    HEADING_1_FONT,
    TABLE_FONT,
    TEXT_WIDTH_MM,
    TITLE_FONT,
    TITLE_PT,
    font_table,
    gongwen_page,
    run_font,
    set_style,
)
from planner_desktop.i18n import tr

CELL_PT = 12
LABEL_MM = 30


def _document():
    doc = Document()
    set_style(doc, "Normal", BODY_FONT, BODY_PT)
    gongwen_page(doc)
    font_table(doc)
    return doc


def _line(doc, text: str, *, font: str = BODY_FONT, size: float = BODY_PT, align=None,
          indent: bool = False):
    paragraph = doc.add_paragraph()
    if not indent:
        paragraph.paragraph_format.first_line_indent = Pt(0)
    if align is not None:
        paragraph.alignment = align
    run_font(paragraph.add_run(text), font, size)
    return paragraph


def _page_break(doc) -> None:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.add_run().add_break(WD_BREAK.PAGE)


def _cell(cell, text: str, *, font: str = TABLE_FONT, align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    for index, part in enumerate(text.split("\n")):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.first_line_indent = Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        fmt.space_after = Pt(2)
        paragraph.alignment = align
        run_font(paragraph.add_run(part), font, CELL_PT)


def add_slip(doc, slip: Slip) -> None:
    _line(doc, tr("督 办 单"), font=TITLE_FONT, size=TITLE_PT, align=WD_ALIGN_PARAGRAPH.CENTER)
    _line(doc, slip.label, align=WD_ALIGN_PARAGRAPH.RIGHT)
    rows = [*slip_fields(slip), (tr("办理情况"), "\n".join("_" * 34 for _ in range(ANSWER_LINES)))]
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Mm(LABEL_MM), Mm(TEXT_WIDTH_MM - LABEL_MM))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid LibreOffice and WPS lay the table out by
    for row, (label, value) in zip(table.rows, rows, strict=True):
        row.cells[0].width = Mm(LABEL_MM)
        row.cells[1].width = Mm(TEXT_WIDTH_MM - LABEL_MM)
        _cell(row.cells[0], label, font=HEADING_1_FONT, align=WD_ALIGN_PARAGRAPH.CENTER)
        _cell(row.cells[1], value)
    _line(doc, "")
    _line(doc, slip.office, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _line(doc, chinese_date(slip.issued_on), align=WD_ALIGN_PARAGRAPH.RIGHT)
    _line(doc, tr(SIGN_LINE), size=CELL_PT)


def build_slips_docx(slips: list[Slip]):
    doc = _document()
    for index, slip in enumerate(slips):
        if index:
            _page_break(doc)
        add_slip(doc, slip)
    doc.core_properties.title = tr("督办单")
    doc.core_properties.author = slips[0].office if slips else ""
    return doc


def build_notices_docx(notices: list[Notice]):
    doc = _document()
    for index, notice in enumerate(notices):
        if index:
            _page_break(doc)
        _line(doc, tr("催 办 通 知"), font=TITLE_FONT, size=TITLE_PT, align=WD_ALIGN_PARAGRAPH.CENTER)
        paragraphs = notice_paragraphs(notice)
        _line(doc, paragraphs[0])
        for text in paragraphs[1:]:
            _line(doc, text, indent=True)
        _line(doc, "")
        _line(doc, notice.office, align=WD_ALIGN_PARAGRAPH.RIGHT)
        _line(doc, chinese_date(notice.issued_on), align=WD_ALIGN_PARAGRAPH.RIGHT)
    doc.core_properties.title = tr("催办通知")
    return doc


def save_docx(document, temp: Path) -> None:
    document.save(str(temp))
