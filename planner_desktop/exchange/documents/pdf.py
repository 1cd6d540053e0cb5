"""Reading a PDF plan's text layer into paragraphs, with pypdfium2.

Why pypdfium2: it is PDFium (Chrome's PDF engine) behind ctypes, Apache-2.0/BSD-3, with
wheels for Windows, Linux and macOS that carry the engine itself, so nothing else is
installed on a clerk's PC; PDFium reads the broken and odd PDFs that bureau portals serve
(it rebuilds a damaged cross-reference table) and knows CJK encodings and ToUnicode maps.
pdfplumber (on pdfminer.six, pure Python) gives richer layout objects but reads a
100-page plan an order of magnitude slower, and the layout we need is simple: lines and
their edges. ``bench/import_plan.py`` measures the whole import beside a plain pypdfium2
text extraction.

Per page the text comes in one call (``FPDFText_GetText``, which includes the line breaks
PDFium infers), and only each line's first and last character are asked for their boxes:
asking every character (100,000 of them in a long plan) through ctypes would cost more
than the rest of the import. Spaces PDFium *generated* between a Chinese character and a
digit or a label (``2020 年``, ``一、 以``: a change of font, not a space in the document)
are dropped, so the text is what the Word original holds. What lines form a paragraph,
and which are headers, footers and page numbers, is decided by ``documents.lines``.

Refused, with a message that says what to do: an encrypted PDF (a password to open), a
damaged or truncated one (no ``%%EOF`` at the end: PDFium would otherwise read the pages
that arrived and quietly lose the rest), a scan without a text layer (every page, or some
pages, only images).
"""

from __future__ import annotations

import ctypes
import re

from planner_desktop.domain.plan_cleaning import SourceParagraph
from planner_desktop.errors import FileReadError, Location
from planner_desktop.exchange.documents.lines import Page, TextLine, paragraphs_from_pages
from planner_desktop.exchange.documents.messages import (
    MSG_PARTLY_SCANNED,
    MSG_PDF_CORRUPT,
    MSG_PDF_PASSWORD,
    MSG_SCANNED,
)
from planner_desktop.i18n import tr

_LINE = re.compile(r"[^\r\n]+")
_MIN_TEXT = 20  # characters in the whole file below which it has no text layer to speak of


def read_pdf(data: bytes, where: Location, starts_item=None) -> list[SourceParagraph]:
    """The paragraphs of a PDF's text; raises FileReadError for what cannot be read."""
    import pypdfium2 as pdfium  # imported here: only PDFs need the engine
    import pypdfium2.raw as pdfium_c

    if b"%%EOF" not in data[-2048:]:
        raise FileReadError(tr(MSG_PDF_CORRUPT), where)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        locked = code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)
        raise FileReadError(tr(MSG_PDF_PASSWORD if locked else MSG_PDF_CORRUPT), where) from exc
    try:
        pages, scanned = [], []
        for number in range(len(document)):
            page = document[number]
            pages.append(_page_lines(page, pdfium_c))
            if not pages[-1].lines and _has_images(page, pdfium_c):
                scanned.append(number + 1)
    except pdfium.PdfiumError as exc:
        raise FileReadError(tr(MSG_PDF_CORRUPT), where) from exc
    finally:
        document.close()
    text = sum(len(line.text.strip()) for page in pages for line in page.lines)
    if text < _MIN_TEXT:
        raise FileReadError(tr(MSG_SCANNED).format(kind="PDF"), where)
    if scanned:
        raise FileReadError(tr(MSG_PARTLY_SCANNED).format(
            kind="PDF", pages="、".join(map(str, scanned))), where)
    return paragraphs_from_pages(pages, starts_item)


def _page_lines(page, pdfium_c) -> Page:
    width, height = page.get_size()
    textpage = page.get_textpage()
    count = textpage.count_chars()
    text = textpage.get_text_range() if count > 0 else ""
    if len(text) != count:  # characters beyond UCS-2, or ones PDFium leaves out: one by one
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i) or 0xFFFD) for i in range(count))
    rect = pdfium_c.FS_RECTF()
    box, loose_box = ctypes.byref(rect), pdfium_c.FPDFText_GetLooseCharBox
    lines = []
    for match in _LINE.finditer(text):
        chars = []  # (left, right, top, bottom, index, character) of the characters the document holds
        for index in range(match.start(), match.end()):
            ch = text[index]
            if ch == " " and pdfium_c.FPDFText_IsGenerated(textpage, index) == 1:
                continue
            loose_box(textpage, index, box)
            chars.append((rect.left, rect.right, rect.top, rect.bottom, index, ch))
        for row in _rows(chars):
            while row and row[-1][5].isspace():
                row.pop()
            if not any(not c[5].isspace() for c in row):
                continue
            row.sort()  # left to right: a line's runs in another font may come after it
            first = next(c for c in row if not c[5].isspace())
            size = _printed_size(textpage, first[4], pdfium_c)
            lines.append(TextLine(_spaced(row, size).strip(), first[0], row[-1][1],
                                  height - first[2], height - first[3], size))
    textpage.close()
    return Page(width, height, lines)


def _rows(chars: list[tuple]) -> list[list[tuple]]:
    """The characters of one PDFium line as the printed lines they stand on, top first.
    PDFium sometimes runs two printed lines into one (a heading ending in a closing quote
    and an indented line under it), and sorting those characters left to right would
    interleave the two lines' text."""
    rows: list[list[tuple]] = []
    for char in chars:
        middle = (char[2] + char[3]) / 2
        row = next((r for r in rows if r[0][3] <= middle <= r[0][2]), None)
        if row is None:
            if char[5].isspace() and rows:
                row = rows[-1]
            else:
                rows.append(row := [])
        row.append(char)
    return sorted(rows, key=lambda r: -r[0][2])


def _printed_size(textpage, index: int, pdfium_c) -> float:
    """The size a character is printed at, in points. The font size in the text state is
    that only when nothing scales it: Qt's PDF writer, among others, sets text in device
    units (133 "points" at 600 dpi for 16 pt) inside a matrix that scales it down, and a
    size taken as written would make every line look indented or short."""
    size = pdfium_c.FPDFText_GetFontSize(textpage, index)
    matrix = pdfium_c.FS_MATRIX()
    if pdfium_c.FPDFText_GetMatrix(textpage, index, ctypes.byref(matrix)):
        scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        if scale > 0:
            size *= scale
    return size


def _spaced(chars: list[tuple], size: float) -> str:
    """The characters of a line as text; English words and numbers that the PDF set apart
    by a gap rather than a space character get their space back."""
    out, previous = [], None
    for left, right, _, _, _, ch in chars:
        if previous is not None and left - previous[1] > 0.2 * size and ch.isascii() \
                and ch.isalnum() and previous[5].isascii() and previous[5].isalnum():
            out.append(" ")
        out.append(ch)
        previous = (left, right, 0, 0, 0, ch)
    return "".join(out)


def _has_images(page, pdfium_c) -> bool:
    return any(True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,)))
