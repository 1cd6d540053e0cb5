"""What an .xlsx sheet part says beyond calamine's values: hidden rows and columns, error cells.

calamine turns ``#DIV/0!`` into an empty cell and gives no hidden rows or columns. The sheet
XML is scanned as bytes, in a thread while calamine parses the sheets (which it does without
holding the GIL). A substring test skips the scan in the usual file that has neither;
otherwise a regular expression walks only the ``<row>`` (and, with error cells, ``<c>``)
start tags: 3 ms for hidden rows, where a full ``ElementTree.iterparse`` of the same sheet
takes 105 ms and defusedxml's 228 ms (``bench/read_formats.py``).
"""

from __future__ import annotations

import concurrent.futures
import html
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field

import defusedxml.ElementTree as SafeET

from planner_desktop.exchange.grid import Grid
from planner_desktop.exchange.readers.cells import set_error
from planner_desktop.exchange.readers.extent import Fit, blank_shared_strings, fit_xlsx_sheet
from planner_desktop.exchange.readers.refusals import DAMAGED_EXTRAS
from planner_desktop.exchange.readers.xml_tags import SheetTags, attr, sheet_tags

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_HIDDEN_TRUE = re.compile(rb"""hidden\s*=\s*["'](?:1|true)["']""")  # literal start: fast
_ERROR_TYPE = re.compile(rb"""(?:^|\s)t\s*=\s*["']e["']""")
_MAYBE_ERROR_TYPE = re.compile(rb"""e["']""")
_CELL_REF = re.compile(rb"([A-Za-z]{1,3})(\d+)")


def _xlsx_sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its XML part, from workbook.xml and its relationships (tiny files, parsed
    with defusedxml)."""
    targets: dict[str, str] = {}
    rels = SafeET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for element in rels.iter():
        if element.tag.endswith("Relationship"):
            target = element.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join("xl", target))
            targets[element.get("Id", "")] = target
    parts = {}
    for element in SafeET.fromstring(archive.read("xl/workbook.xml")).iter():
        if element.tag == f"{_NS_MAIN}sheet" or element.tag.endswith("}sheet"):
            rel_id = element.get(f"{_NS_REL}id") or next(
                (v for k, v in element.attrib.items() if k.endswith("}id")), "")
            parts[element.get("name", "")] = targets.get(rel_id, "")
    return parts


@dataclass
class SheetMarks:
    """What one sheet part says beyond its values, found from its bytes alone (so in a thread
    beside calamine, before the grid exists): hidden column ranges and hidden rows; or, when
    error cells or rows without numbers need the row walk (which stops at the grid's last
    row), the part to walk once the grid is there."""

    hidden_cols: list[tuple[int, int]] = field(default_factory=list)  # first, last; 0-based
    hidden_rows: list[int] = field(default_factory=list)
    walk_part: str | None = None  # the part to walk (read again then: parts can be large)
    walk_from: int = 0  # where sheetData starts
    want_hidden: bool = False
    want_errors: bool = False
    # A damaged part: it matters only for a sheet calamine gave cells, so it is raised there.
    damage: Exception | None = None

    def apply(self, grid: Grid, data: bytes) -> None:
        if self.damage is not None:
            raise self.damage
        width = len(grid.rows[0])  # (called only for a grid with rows, padded to one width)
        for first, last in self.hidden_cols:
            grid.hidden_cols.update(range(max(first, 0), min(last, width - 1) + 1))
        if self.walk_part is not None:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                xml = archive.read(self.walk_part)
            _walk_xlsx_rows(xml, self.walk_from, grid, self.want_hidden, self.want_errors)
        else:
            grid.hidden_rows.update(r for r in self.hidden_rows if r < grid.height)


def xlsx_marks(data: bytes, max_rows: int,
                fits: concurrent.futures.Future) -> dict[str, SheetMarks]:
    """Sheet name → its marks (see :class:`SheetMarks`), for every sheet part of the file.

    First, as soon as they are known, ``fits`` is given each sheet's part and whether
    calamine may read it as it is (see readers.extent): the reader waits for those, and reads
    the sheets while the marks are found."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = _xlsx_sheet_parts(archive)
            names = set(archive.namelist())
            xml = {sheet: archive.read(part) for sheet, part in parts.items() if part in names}
            fits.set_result(_xlsx_fits(archive, names, parts, xml, max_rows))
    except BaseException as exc:
        fits.set_exception(exc)
        raise
    marks: dict[str, SheetMarks] = {}
    for sheet, part_xml in xml.items():
        try:
            marks[sheet] = _scan_xlsx_sheet(part_xml, parts[sheet])
        except DAMAGED_EXTRAS as exc:
            marks[sheet] = SheetMarks(damage=exc)
    return marks


def _xlsx_fits(archive: zipfile.ZipFile, names: set[str], parts: dict[str, str],
               xml: dict[str, bytes], max_rows: int) -> dict[str, tuple[str, Fit]]:
    """Sheet name → its part and whether calamine may read it as it is (see readers.extent)."""
    blanks: list[frozenset[int]] = []

    def blank_strings() -> frozenset[int]:  # read once, only for a sheet too large
        if not blanks:
            shared = "xl/sharedStrings.xml"
            blanks.append(blank_shared_strings(archive.read(shared) if shared in names else None))
        return blanks[0]

    return {sheet: (parts[sheet], fit_xlsx_sheet(part_xml, blank_strings, max_rows))
            for sheet, part_xml in xml.items()}


def _scan_xlsx_sheet(xml: bytes, part: str) -> SheetMarks:
    """Hidden rows and columns and error cells of one sheet part, from its start tags.

    The XML is machine-written and has no DTD (refused before), so regular expressions over
    start tags are safe here. Most sheets have neither hidden rows nor error cells, and a
    substring test skips them in microseconds. ``r`` attributes are optional in OOXML, so
    rows and cells without them are counted; a namespace prefix (``<x:row>``, written by
    .NET libraries) is allowed.
    """
    marks = SheetMarks()
    want_hidden = _HIDDEN_TRUE.search(xml) is not None
    # An "e" followed by a quote is rare in sheet XML (a regular expression starting with a
    # literal skips to each "e" at memchr speed), so it rules error cells out before the
    # exact substring tests, which are slower here: "t=" starts every text cell.
    want_errors = _MAYBE_ERROR_TYPE.search(xml) is not None and (
        b't="e"' in xml or b"t='e'" in xml)
    if not (want_hidden or want_errors):
        return marks
    patterns = sheet_tags(xml)
    found = patterns.sheet_data.search(xml)
    data_start = found.start() if found else 0
    if want_hidden:
        for match in patterns.col.finditer(xml, 0, data_start or len(xml)):
            attrs = match.group(1)
            if b"hidden" in attrs and _HIDDEN_TRUE.search(attrs):
                first = int(attr(attrs, b"min") or 1) - 1
                marks.hidden_cols.append((first, int(attr(attrs, b"max") or first + 1) - 1))
    if want_hidden and not want_errors and _hidden_rows_by_number(xml, data_start, marks,
                                                                 patterns):
        return marks
    marks.walk_part, marks.walk_from = part, data_start
    marks.want_hidden, marks.want_errors = want_hidden, want_errors
    return marks


def _walk_xlsx_rows(xml: bytes, data_start: int, grid: Grid, want_hidden: bool,
                    want_errors: bool) -> None:
    """Hidden rows and error cells by walking the row (and cell) start tags, counting rows
    and cells without ``r``; stops past the grid's last row, where nothing matters."""
    patterns = sheet_tags(xml)
    height = grid.height
    pattern = patterns.row_or_cell if want_errors else patterns.row
    row, col = -1, -1
    for match in pattern.finditer(xml, data_start):
        tag, attrs = match.group(1), match.group(2)
        if tag == b"row":
            number = attr(attrs, b"r")
            row = int(number) - 1 if number else row + 1
            col = -1
            if row >= height:
                break
            if want_hidden and b"hidden" in attrs and _HIDDEN_TRUE.search(attrs):
                grid.hidden_rows.add(row)
            continue
        ref = attr(attrs, b"r")
        cell = _CELL_REF.fullmatch(ref) if ref else None
        col = Grid.column_index(cell.group(1).decode()) if cell else col + 1
        if cell:
            row = int(cell.group(2)) - 1
        if attrs.endswith(b"/") or not _ERROR_TYPE.search(attrs):
            continue
        end = patterns.cell_end.search(xml, match.end())
        value = patterns.value_text.search(xml, match.end(), end.start() if end else len(xml))
        if value:
            set_error(grid, row, col, html.unescape(value.group(1).decode("utf-8", "replace")))


def _hidden_rows_by_number(xml: bytes, start: int, marks: SheetMarks,
                           patterns: SheetTags) -> bool:
    """The fast path: jump from one ``hidden="1"`` to the next (a literal search) and number
    each hidden row by its ``r``. False (nothing found kept) when one has no ``r``, so the
    rows are walked and counted instead."""
    found = []
    for match in _HIDDEN_TRUE.finditer(xml, start):
        tag_start = xml.rfind(b"<", start, match.start())
        if tag_start < 0 or not patterns.row_start.match(xml, tag_start):
            continue  # a hidden attribute of something else
        tag_end = xml.find(b">", match.end())
        number = attr(xml[tag_start:tag_end], b"r")
        if number is None:
            return False
        found.append(int(number) - 1)
    marks.hidden_rows = found
    return True


