"""The 工作总结初稿 as a Word document laid out as a 公文 (GB/T 9704-2012).

A4 with margins 37/35/28/26 mm (top, bottom, left, right: the 156 × 225 mm 版心), the title
in 小标宋 2号 (22 pt), the body in 仿宋 3号 (16 pt) on a document grid of 28 characters a
line and a fixed 28.95 pt line (22 lines a page, as the standard sets them), first-level
headings in 黑体 and second-level in 楷体, page numbers ``— 1 —`` in 宋体 4号 at the foot.

The draft is text for the clerk to edit, so it is plain paragraphs and Word's own Heading 1
and Heading 2 styles (restyled; they show in the navigation pane and a table of contents),
never text boxes. Each run names its East Asian font in ``w:eastAsia`` (Word takes Chinese
text's font from there, not from the font name), and the font table gives each one the name
every Windows PC has as its alternative (仿宋 → FangSong, 黑体 → SimHei, 楷体 → KaiTi, and
方正小标宋简体, which many offices install but Windows does not ship, → 宋体/SimSun).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from planner_desktop.domain.summary import ANNEX_TITLE, Heading, SummaryDraft, annex_rows
from planner_desktop.exchange.gongwen_docx import (
    BODY_FONT,
    BODY_PT,
    HEADING_1_FONT,
    HEADING_2_FONT,
    LINE_PT,
    TABLE_FONT,
    TABLE_PT,
    TEXT_WIDTH_MM,
    TITLE_FONT,
    TITLE_PT,
    font_table,
    gongwen_page,
    run_font,
    set_style,
)
from planner_desktop.files.atomic import atomic_file
from planner_desktop.i18n import tr


def build_summary_docx(draft: SummaryDraft):
    doc = Document()
    set_style(doc, "Normal", BODY_FONT, BODY_PT)
    set_style(doc, "Heading 1", HEADING_1_FONT, BODY_PT)
    set_style(doc, "Heading 2", HEADING_2_FONT, BODY_PT)
    set_style(doc, "Title", TITLE_FONT, TITLE_PT, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER,
           spacing=0)
    title_style = doc.styles["Title"]
    title_style.paragraph_format.line_spacing = Pt(35)
    title_style.paragraph_format.space_after = Pt(LINE_PT)
    borders = title_style.element.pPr.find(qn("w:pBdr"))
    if borders is not None:  # the template's Title has a blue rule under it
        title_style.element.pPr.remove(borders)
    gongwen_page(doc)
    font_table(doc)

    _title(doc, draft.title)
    doc.add_paragraph(draft.opening)
    for block in draft.blocks:
        if isinstance(block, Heading):
            doc.add_paragraph(block.text, style=f"Heading {block.level}")
        else:
            doc.add_paragraph(block.text)
    _annex(doc, draft)
    doc.core_properties.title = draft.title
    doc.core_properties.author = draft.unit or draft.bureau
    return doc


TITLE_CHARS_PER_LINE = 20  # 22 pt characters in the 156 mm line


def _title(doc, title: str) -> None:
    """The title, broken before 工作总结 when it is longer than a line (``青溪县教育局2026年上半年``
    / ``工作总结（初稿）``), as titles are set: never inside a word or a bracket."""
    paragraph = doc.add_paragraph(style="Title")
    cut = title.rfind(tr("工作总结"))
    if len(title) <= TITLE_CHARS_PER_LINE or cut <= 0:
        paragraph.add_run(title)
        return
    first = paragraph.add_run(title[:cut])
    first.add_break()
    paragraph.add_run(title[cut:])


def _annex(doc, draft: SummaryDraft) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    label = doc.add_paragraph()
    label.paragraph_format.first_line_indent = Pt(0)
    run_font(label.add_run(tr("附件")), HEADING_1_FONT, BODY_PT)
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.paragraph_format.first_line_indent = Pt(0)
    run_font(heading.add_run(tr(ANNEX_TITLE)), TITLE_FONT, 18)
    rows = annex_rows(draft)
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = [12, 52, 22, 22, 20, 28]
    scale = TEXT_WIDTH_MM / sum(widths)
    for r, values in enumerate(rows):
        cells = table.rows[r].cells
        if r == 0:
            header = table.rows[0]._tr.get_or_add_trPr()
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            header.append(repeat)
        for c, (cell, value) in enumerate(zip(cells, values, strict=True)):
            cell.width = Mm(widths[c] * scale)
            paragraph = cell.paragraphs[0]
            fmt = paragraph.paragraph_format
            fmt.first_line_indent = Pt(0)
            fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if c == 1 and r else WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(value)
            run_font(run, HEADING_1_FONT if r == 0 else TABLE_FONT, TABLE_PT)


def write_summary_docx(path: Path, draft: SummaryDraft) -> Path:
    """Save beside ``path`` first; the finished, checked file replaces ``path``."""
    document = build_summary_docx(draft)
    with atomic_file(path, ".docx") as temp:
        document.save(str(temp))
    return Path(path)
