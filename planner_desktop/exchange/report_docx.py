"""The 督办通报 as a Word document, for the clerk to edit before it is issued.

Bureaus finish bulletins in Word or WPS (a leader's remark added, a sentence reworded), so
the .docx carries real paragraphs and tables, not a picture of the page: the red masthead
with 第N期, the office and date over a red rule, the numbered parts, the ranking as a chart
picture (painted by the program, passed in as PNG) and as a table, and the annex table on
its own landscape-free portrait pages. Fonts are the ones Chinese official documents use
and every Chinese Windows has (黑体, 仿宋, 宋体).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from planner_desktop.domain.report_bulletin import overdue_line, summary_tables
from planner_desktop.domain.report_content import (
    Align,
    BulletinFields,
    CellKind,
    RankedUnit,
    ReportDocument,
    ReportTable,
    chinese_date,
    display,
    percent_text,
)
from planner_desktop.files.atomic import atomic_file
from planner_desktop.i18n import tr

RED = RGBColor(0xC8, 0x16, 0x1D)
BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
TABLE_FONT = "宋体"
PARAGRAPH_ALIGN = {Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT, Align.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
                   Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT}
LIGHT_FILL = {"red": "F4C7C3", "yellow": "FCE8B2", "green": "D4ECD4", "blue": "CFE0F5"}


def _font(run, name: str, size: float, *, bold: bool = False, colour: RGBColor | None = None) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    # Word takes East Asian text's font from w:eastAsia, not from the font name.
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)
    if colour is not None:
        run.font.color.rgb = colour


def _paragraph(doc, text: str, *, font: str = BODY_FONT, size: float = 14, bold: bool = False,
               indent: bool = True, align=None, colour: RGBColor | None = None, space_after: float = 0):
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing = 1.35
    fmt.space_after = Pt(space_after)
    if indent:
        fmt.first_line_indent = Pt(size * 2)
    if align is not None:
        p.alignment = align
    _font(p.add_run(text), font, size, bold=bold, colour=colour)
    return p


def _bottom_border(paragraph, colour: str = "C8161D", size: int = 18) -> None:
    """The red rule under the masthead (a paragraph border, which Word keeps when edited)."""
    properties = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "thickThinSmallGap"), ("w:sz", str(size)), ("w:space", "1"),
                       ("w:color", colour)):
        bottom.set(qn(key), value)
    borders.append(bottom)
    properties.append(borders)


def _shade(cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _no_split(row) -> None:
    properties = row._tr.get_or_add_trPr()
    cant = OxmlElement("w:cantSplit")
    cant.set(qn("w:val"), "true")
    properties.append(cant)


def _table(doc, table: ReportTable, width_mm: float, size: float = 9) -> None:
    columns = table.columns
    total = sum(c.width for c in columns)
    grid = doc.add_table(rows=1, cols=len(columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = [Mm(c.width * width_mm / total) for c in columns]
    header = grid.rows[0]
    _repeat_header(header)
    for cell, column, width in zip(header.cells, columns, widths, strict=True):
        cell.width = width
        cell.text = ""
        run = cell.paragraphs[0].add_run(column.header.replace("\n", ""))
        _font(run, TABLE_FONT, size, bold=True)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _shade(cell, "D9D9D9")
    for section in table.sections:
        for table_row in section.rows:
            cells = grid.add_row().cells
            _no_split(grid.rows[-1])
            if table_row.heading:
                merged = cells[0].merge(cells[-1])
                _font(merged.paragraphs[0].add_run(str(table_row.cells[0])), TABLE_FONT, size, bold=True)
                _shade(merged, "EFEFEF")
                continue
            for cell, value, column, width in zip(cells, table_row.cells, columns, widths, strict=True):
                cell.width = width
                text = display(value, column.kind, overdue=table_row.overdue)
                _font(cell.paragraphs[0].add_run(text), TABLE_FONT, size)
                if column.kind is CellKind.LIGHT and table_row.light is not None:
                    _shade(cell, LIGHT_FILL[table_row.light.value])
                if column.align is not Align.LEFT:
                    cell.paragraphs[0].alignment = PARAGRAPH_ALIGN[column.align]


def build_bulletin_docx(doc_model: ReportDocument, charts: dict[str, list[bytes]] | None = None):
    """The python-docx Document of the bulletin; ``charts`` are the ranking pictures by unit
    kind (股室, 学校), painted by the program, each kind's chart in page-sized pieces."""
    b = doc_model.bulletin
    if b is None:
        raise ValueError("not a bulletin")
    fields = b.fields
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.top_margin, section.bottom_margin = Mm(30), Mm(28)
    width_mm = 210 - 28 - 26

    _masthead(doc, fields, fields.date or doc_model.as_of, width_mm)
    _paragraph(doc, fields.addressee, indent=False)
    _paragraph(doc, b.intro)
    parts = b.parts()
    _paragraph(doc, parts["overall"], font=HEADING_FONT, size=14)
    _paragraph(doc, b.overall_sentence)
    _paragraph(doc, b.light_sentence, space_after=4 if b.targets is None else 0)
    if b.targets is not None:
        _paragraph(doc, b.targets.sentence(), space_after=4)
    for table in summary_tables(b):
        _table(doc, table, width_mm, size=9)
        _paragraph(doc, "", indent=False, size=6)
    _paragraph(doc, parts["units"], font=HEADING_FONT, size=14)
    _paragraph(doc, tr("按任务完成率（已完成任务数/承担任务数，不含已取消）由高到低排列如下。"))
    for title, kind in ((tr("（一）股室"), "股室"), (tr("（二）学校"), "学校")):
        units = [u for u in b.ranking if u.kind == kind]
        if units:
            _ranking(doc, title, units, (charts or {}).get(kind), width_mm)
    _paragraph(doc, parts["overdue"], font=HEADING_FONT, size=14)
    if b.overdue:
        _paragraph(doc, tr("截至通报日，共有{n}项任务逾期未完成：").format(n=len(b.overdue)))
        for index, entry in enumerate(b.overdue, start=1):
            _paragraph(doc, overdue_line(index, entry))
    else:
        _paragraph(doc, tr("截至通报日，没有逾期未完成的任务。"))
    if b.targets is not None:
        _paragraph(doc, parts["targets"], font=HEADING_FONT, size=14)
        for line in b.targets.lines():
            _paragraph(doc, line)
    _paragraph(doc, parts["not_reported"], font=HEADING_FONT, size=14)
    _paragraph(doc, b.not_reported_note + ("、".join(b.not_reported) + "。" if b.not_reported else ""))
    _paragraph(doc, parts["requirements"], font=HEADING_FONT, size=14)
    for part in fields.requirements.split("\n"):
        if part.strip():
            _paragraph(doc, part.strip())
    _paragraph(doc, "", indent=False)
    _paragraph(doc, tr("附件：督办事项明细表"))
    _annex(doc, b.annex, doc_model.as_of, width_mm)
    doc.core_properties.title = doc_model.title
    doc.core_properties.author = fields.office
    return doc


def _masthead(doc, fields: BulletinFields, date: dt.date, width_mm: float) -> None:
    """The red series name, 第N期, and the office and date over the red rule."""
    series = fields.series.strip() or tr("督办通报")
    _paragraph(doc, " ".join(series) if len(series) <= 6 else series, font=HEADING_FONT, size=36, bold=True,
               indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, colour=RED, space_after=6)
    _paragraph(doc, tr("第{n}期").format(n=fields.issue), size=16, indent=False,
               align=WD_ALIGN_PARAGRAPH.CENTER, space_after=6)
    office = doc.add_paragraph()
    office.paragraph_format.tab_stops.add_tab_stop(Mm(width_mm), alignment=2)  # right-aligned tab
    _font(office.add_run(f"{fields.office}\t{chinese_date(date)}"), BODY_FONT, 15)
    _bottom_border(office)
    _paragraph(doc, "", indent=False)


def _ranking(doc, title: str, units: list[RankedUnit], pictures: list[bytes] | None, width_mm: float) -> None:
    """One kind's part of the ranking: its heading, the chart pictures, and the sentence naming
    the best and the worst (with every unit's figure when there is no picture)."""
    heading = _paragraph(doc, title, font="楷体", size=14, bold=True)
    heading.paragraph_format.keep_with_next = True  # never alone at the foot of a page
    best, worst = units[0], units[-1]
    summary = tr("完成率最高的是{best}（{best_rate}），最低的是{worst}（{worst_rate}）。").format(
        best=best.unit, best_rate=percent_text(best.rate), worst=worst.unit,
        worst_rate=percent_text(worst.rate))
    if pictures:  # the pictures carry every unit's figure; the sentence stays editable text
        for png in pictures:
            picture = doc.add_paragraph()
            picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
            picture.paragraph_format.space_after = Pt(0)
            picture.add_run().add_picture(io.BytesIO(png), width=Mm(width_mm))
    else:
        summary += "；".join(f"{u.rank}. {u.unit} {percent_text(u.rate)}（{u.done}/{u.total}）"
                            for u in units) + "。"
    _paragraph(doc, summary, size=14)


def _annex(doc, annex: ReportTable, as_of: dt.date, width_mm: float) -> None:
    """The annex table on pages of its own, under its title and date."""
    page_break = doc.add_paragraph()
    page_break.add_run().add_break(WD_BREAK.PAGE)
    _paragraph(doc, tr("附件"), font=HEADING_FONT, size=14, indent=False)
    _paragraph(doc, tr("督办事项明细表（截至{date}）").format(date=chinese_date(as_of)),
               font=HEADING_FONT, size=16, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=6)
    _table(doc, annex, width_mm)


def write_bulletin_docx(path: Path, doc_model: ReportDocument,
                        charts: dict[str, list[bytes]] | None = None) -> Path:
    """Save the bulletin beside ``path`` first and move it into place once complete."""
    document = build_bulletin_docx(doc_model, charts)
    with atomic_file(path, ".docx") as temp:
        document.save(str(temp))
    return Path(path)
