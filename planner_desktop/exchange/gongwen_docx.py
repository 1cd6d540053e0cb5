"""The page, fonts and page number of a 公文 (GB/T 9704-2012) in Word, shared by the documents
the program writes that way (the 工作总结初稿, the 督办单 and the 催办通知).

See ``summary_docx.py`` for why each setting is what it is.
"""

from __future__ import annotations

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

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


def set_fonts(r_pr, name: str) -> None:
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


AFTER_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
                  "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
                  "w:eastAsianLayout", "w:specVanish", "w:oMath")


def char_spacing(r_pr, twips: int) -> None:
    """Character spacing, placed where the schema orders it among the run's properties (Word
    calls a file with them out of order damaged)."""
    spacing = r_pr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        r_pr.insert_element_before(spacing, *AFTER_SPACING)
    spacing.set(qn("w:val"), str(twips))


def set_style(doc, name: str, font: str, size: float, *, indent: bool = True,
           align=WD_ALIGN_PARAGRAPH.JUSTIFY, spacing: int = CHAR_SPACING_TWIPS) -> None:
    style = doc.styles[name]
    style.font.size = Pt(size)
    style.font.bold = False
    style.font.color.rgb = None
    color = style.element.rPr.find(qn("w:color"))
    if color is not None:
        style.element.rPr.remove(color)
    set_fonts(style.element.get_or_add_rPr(), font)
    char_spacing(style.element.get_or_add_rPr(), spacing)
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PT)
    fmt.first_line_indent = Pt(BODY_PT * 2) if indent else Pt(0)
    fmt.alignment = align
    fmt.widow_control = True


def gongwen_page(doc) -> None:
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
    page_number(section.footer.paragraphs[0])


def page_number(paragraph) -> None:
    """``— 3 —`` centred, a PAGE field between the dashes."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Pt(0)
    for text in ("— ", None, " —"):
        run = paragraph.add_run()
        run.font.size = Pt(FOOTER_PT)
        set_fonts(run._element.get_or_add_rPr(), TABLE_FONT)
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


def font_table(doc) -> None:
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


def run_font(run, font: str, size: float) -> None:
    run.font.size = Pt(size)
    set_fonts(run._element.get_or_add_rPr(), font)
