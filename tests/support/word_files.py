"""Word files as bureaus make them, built with python-docx for the plan-reading tests: Word's
automatic numbering (the numbers are not in the text) and a running header with page numbers
in the footer, the furniture a PDF printed from such a file carries on every page."""

from __future__ import annotations

from docx.oxml import parse_xml

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def add_numbering(document, abstract_id: int, num_id: int, levels: list[tuple[str, str, bool]]) -> None:
    """An abstract list with ``levels`` (format, text, restart after the level above) and a
    ``w:num`` using it."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        + ("" if restart else '<w:lvlRestart w:val="0"/>')
        + f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text, restart) in enumerate(levels))
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {W} w:abstractNumId="{abstract_id}">'
                                  f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                               "</w:num>"))


def number(paragraph, num_id: int, level: int) -> None:
    """Give ``paragraph`` the number of list ``num_id`` at ``level`` (0 the top)."""
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def running_furniture(section, header: str, footer: str = "- {PAGE} -") -> None:
    """``header`` at the head of every page of ``section`` and ``footer`` at its foot, with
    ``{PAGE}`` and ``{NUMPAGES}`` as Word's fields (the page number, the page count)."""
    section.header.paragraphs[0].text = header
    paragraph = section.footer.paragraphs[0]
    for piece in filter(None, footer.replace("}", "{").split("{")):
        if piece in ("PAGE", "NUMPAGES"):
            paragraph._p.append(parse_xml(
                f'<w:fldSimple {W} w:instr="{piece}"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
        else:
            paragraph.add_run(piece)
