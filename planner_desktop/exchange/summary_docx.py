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
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from planner_desktop.domain.summary import ANNEX_TITLE, Heading, SummaryDraft, annex_rows
from planner_desktop.files.atomic import atomic_file
from planner_desktop.i18n import tr

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋"
HEADING_1_FONT = "黑体"
HEADING_2_FONT = "楷体"
TABLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"
# Each font's alternative names: Word, WPS and LibreOffice fall back to these when the first
# is missing (the English names are how Windows without a Chinese UI lists the same fonts).
FONT_FALLBACKS = {
    TITLE_FONT: "宋体,SimSun", BODY_FONT: "FangSong,仿宋_GB2312", HEADING_1_FONT: "SimHei",
    HEADING_2_FONT: "KaiTi,楷体_GB2312", TABLE_FONT: "SimSun",
}
TITLE_PT, BODY_PT, FOOTER_PT, TABLE_PT = 22, 16, 14, 12
LINE_PT = 28.95  # 225 mm / 22 lines
CHARS_PER_LINE = 28
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TEXT_WIDTH_MM = 210 - MARGINS_MM["left"] - MARGINS_MM["right"]
# 28 characters of 3号 in the 156 mm line: 156 mm / 28 = 15.79 pt a character, so each is
# narrowed by a quarter point (in twentieths of a point, as Word's w:spacing counts), which
# Word, WPS and LibreOffice all honour.
CHAR_SPACING_TWIPS = -5


def _set_fonts(r_pr, name: str) -> None:
    """Name ``name`` for East Asian text and Times New Roman for figures and Latin letters,
    dropping the theme fonts a built-in style carries (they would win over the names)."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:cs"), LATIN_FONT)


_AFTER_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
                  "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
                  "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _char_spacing(r_pr, twips: int) -> None:
    """Character spacing, placed where the schema orders it among the run's properties (Word
    calls a file with them out of order damaged)."""
    spacing = r_pr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        r_pr.insert_element_before(spacing, *_AFTER_SPACING)
    spacing.set(qn("w:val"), str(twips))


def _style(doc, name: str, font: str, size: float, *, indent: bool = True,
           align=WD_ALIGN_PARAGRAPH.JUSTIFY, spacing: int = CHAR_SPACING_TWIPS) -> None:
    style = doc.styles[name]
    style.font.size = Pt(size)
    style.font.bold = False
    style.font.color.rgb = None
    color = style.element.rPr.find(qn("w:color"))
    if color is not None:
        style.element.rPr.remove(color)
    _set_fonts(style.element.get_or_add_rPr(), font)
    _char_spacing(style.element.get_or_add_rPr(), spacing)
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PT)
    fmt.first_line_indent = Pt(BODY_PT * 2) if indent else Pt(0)
    fmt.alignment = align
    fmt.widow_control = True


def _page(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.footer_distance = Mm(28 - 7)  # the page number 7 mm below the 版心
    # The line grid: 28.95 pt lines. (A character grid, Word's linesAndChars, gives 28 a line
    # in Word but two cells to each character in LibreOffice, whose 16 pt glyph is wider
    # than the 15.79 pt cell; the characters are narrowed instead, see CHAR_SPACING_TWIPS.)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(LINE_PT * 20)))
    grid.attrib.pop(qn("w:charSpace"), None)
    _page_number(section.footer.paragraphs[0])


def _page_number(paragraph) -> None:
    """``— 3 —`` centred, a PAGE field between the dashes."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Pt(0)
    for text in ("— ", None, " —"):
        run = paragraph.add_run()
        run.font.size = Pt(FOOTER_PT)
        _set_fonts(run._element.get_or_add_rPr(), TABLE_FONT)
        if text is not None:
            run.text = text
            continue
        for kind, instr in (("begin", None), (None, "PAGE"), ("end", None)):
            if kind:
                field = OxmlElement("w:fldChar")
                field.set(qn("w:fldCharType"), kind)
                run._r.append(field)
            else:
                code = OxmlElement("w:instrText")
                code.set(qn("xml:space"), "preserve")
                code.text = f" {instr} "
                run._r.append(code)


def _font_table(doc) -> None:
    """Add each font with its alternatives to word/fontTable.xml."""
    part = next(p for p in doc.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml")
    table = parse_xml(part.blob)
    known = {f.get(qn("w:name")) for f in table.findall(qn("w:font"))}
    for name, alternatives in FONT_FALLBACKS.items():
        if name in known:
            continue
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        for tag, value in (("w:altName", alternatives), ("w:charset", "86"), ("w:family", "auto"),
                           ("w:pitch", "variable")):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            font.append(child)
        table.append(font)
    from lxml import etree

    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _run_font(run, font: str, size: float) -> None:
    run.font.size = Pt(size)
    _set_fonts(run._element.get_or_add_rPr(), font)


def build_summary_docx(draft: SummaryDraft):
    doc = Document()
    _style(doc, "Normal", BODY_FONT, BODY_PT)
    _style(doc, "Heading 1", HEADING_1_FONT, BODY_PT)
    _style(doc, "Heading 2", HEADING_2_FONT, BODY_PT)
    _style(doc, "Title", TITLE_FONT, TITLE_PT, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER,
           spacing=0)
    title_style = doc.styles["Title"]
    title_style.paragraph_format.line_spacing = Pt(35)
    title_style.paragraph_format.space_after = Pt(LINE_PT)
    borders = title_style.element.pPr.find(qn("w:pBdr"))
    if borders is not None:  # the template's Title has a blue rule under it
        title_style.element.pPr.remove(borders)
    _page(doc)
    _font_table(doc)

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
    _run_font(label.add_run(tr("附件")), HEADING_1_FONT, BODY_PT)
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.paragraph_format.first_line_indent = Pt(0)
    _run_font(heading.add_run(tr(ANNEX_TITLE)), TITLE_FONT, 18)
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
            _run_font(run, HEADING_1_FONT if r == 0 else TABLE_FONT, TABLE_PT)


def write_summary_docx(path: Path, draft: SummaryDraft) -> Path:
    """Save beside ``path`` first; the finished, checked file replaces ``path``."""
    document = build_summary_docx(draft)
    with atomic_file(path, ".docx") as temp:
        document.save(str(temp))
    return Path(path)
