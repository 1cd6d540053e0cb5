"""How far a sheet's cells reach, found from the file's bytes before python-calamine reads it.

Why: calamine builds every sheet as one dense rows × columns grid of 32-byte cells, from A1
to the farthest cell holding a value, and only then can its size be asked. One stray value
that Excel or WPS left far away (a slipped keystroke, a paste of formulas as values) is
enough: at ``XFD1048576`` it asks for 512 GiB and the process aborts (a Rust allocation
failure, no exception, no message); at ``XFD20000`` it takes 12 GB before failing; at
``Z1048576`` 867 MB before the row limit can be checked. So each sheet's extent is found
first, from the sheet's own records (a sheet's ``<dimension>`` tag and the .xls DIMENSIONS
record are written by whoever wrote the file and cannot be trusted), and calamine is given a
sheet only when its grid fits in ``MAX_CELLS``.

What counts, as calamine counts it (checked against 0.9.1): a cell holding a value; a cell
with formatting only (``<c r="XFD1048576" s="1"/>``, a BLANK record), an empty inline
string or a formula without a cached value is not part of the grid. A value that is empty
or only spaces (a shared string "", a space typed by mistake) is part of calamine's grid but
means nothing: when such cells alone make an .xlsx sheet too large, they are dropped from
the sheet part and calamine reads the trimmed copy (:func:`fit_xlsx_sheet`). A real value
far away makes the sheet too large: the reader refuses it, naming its size and that cell.

Cost: an .xlsx sheet whose cell references all read ``<c r="X12345"`` (at most 26 columns
and 99,999 rows) is settled by one regular-expression search (2 ms for 5,000 rows × 10
columns); others are walked cell by cell (a Python loop, ~1 µs a cell). .xls sheets are
bounded in the BIFF walk the reader makes anyway; .ods rows in a walk of their start tags.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from planner_desktop.exchange.readers.xml_tags import SheetTags, attr, sheet_tags

# 10 million cells of calamine's grid and our texts take ~500 MB at peak (measured: a
# 9,999 × 702 sheet reads in 342 MB); a real task list has a few hundred thousand.
MAX_CELLS = 10_000_000


@dataclass(frozen=True)
class Extent:
    """The grid calamine would build: rows × columns from A1 to the farthest value, and the
    cell (0-based row, column) that lies farthest out, for the message."""

    rows: int
    cols: int
    far: tuple[int, int]

    @property
    def cells(self) -> int:
        return self.rows * self.cols

    def fits(self, max_rows: int, max_cells: int = MAX_CELLS) -> bool:
        return self.rows <= max_rows and self.cells <= max_cells


class Box:
    """The extent of the cells added so far (a running maximum)."""

    def __init__(self) -> None:
        self.rows = self.cols = 0
        self.lowest = self.rightmost = (0, 0)

    def add(self, row: int, col: int) -> None:
        if row >= self.rows:
            self.rows, self.lowest = row + 1, (row, col)
        if col >= self.cols:
            self.cols, self.rightmost = col + 1, (row, col)

    def extent(self, max_rows: int) -> Extent:
        """The extent; its far cell is the lowest one when the rows are too many, else the
        rightmost (the usual stray cell is both)."""
        far = self.lowest if self.rows > max_rows else self.rightmost
        return Extent(self.rows, self.cols, far)


@dataclass
class Fit:
    """What the reader does with a sheet: read it (both None), refuse it (``too_large``), or
    read ``trimmed``, the sheet part without its far blank values."""

    too_large: Extent | None = None
    trimmed: bytes | None = None


# -- xlsx ------------------------------------------------------------------------------------

# Cell references that bound a sheet without walking it, with the grid they bound: every
# <c> tag starting 'r="' plus one letter and up to 5 digits means at most 99,999 × 26.
_NEAR_CLASSES = ((rb"[A-Z]\d{1,5}", 99_999, 26), (rb"[A-Z]{1,2}\d{1,4}", 9_999, 702))
_REF = re.compile(rb"([A-Za-z]{1,3})(\d{1,7})")
_TEXT = re.compile(rb"<(?:[\w.-]+:)?(?:v|t)(?:\s[^>]*)?>([^<]*)<")
_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f[\s>/].*?(?:</(?:[\w.-]+:)?f>|/>)", re.S)
_SHARED_ITEM = re.compile(rb"<(?:[\w.-]+:)?si(?:\s[^>]*)?(?:/>|>(.*?)</(?:[\w.-]+:)?si>)", re.S)
_PHONETIC = re.compile(rb"<(?:[\w.-]+:)?rPh[\s>].*?</(?:[\w.-]+:)?rPh>", re.S)


@functools.cache
def _near(prefix: bytes) -> list[tuple[re.Pattern[bytes], int, int]]:
    """For each class of near references, a pattern finding a cell whose reference is not
    one of them, with the grid that class bounds."""
    p = re.escape(prefix)
    return [(re.compile(b"<" + p + rb"c(?=[\s/>])(?! r=\"" + refs + b'")'), rows, cols)
            for refs, rows, cols in _NEAR_CLASSES]


def fit_xlsx_sheet(xml: bytes, blank_strings: Callable[[], frozenset[int]], max_rows: int,
                   max_cells: int = MAX_CELLS) -> Fit:
    """Whether calamine may read this sheet part as it is (see the module docstring).

    ``blank_strings`` gives the indices of the workbook's shared strings that are empty or
    only spaces; it is called only for a sheet too large as it is.
    """
    tags = sheet_tags(xml)
    start_match = tags.sheet_data.search(xml)
    if start_match is None:
        return Fit()
    start = start_match.start()
    end_match = tags.sheet_data_end.search(xml, start)
    end = end_match.end() if end_match else len(xml)
    for pattern, rows, cols in _near(tags.prefix):
        if rows <= max_rows and rows * cols <= max_cells and not pattern.search(xml, start, end):
            return Fit()
    whole = Box()
    for row, col, *_ in _value_cells(xml, start, end, tags):
        whole.add(row, col)
    if whole.extent(max_rows).fits(max_rows, max_cells):
        return Fit()
    blanks = blank_strings()
    kept = Box()
    for row, col, attrs, body, _, _ in _value_cells(xml, start, end, tags):
        if not _is_blank(attrs, body, blanks):
            kept.add(row, col)
    extent = kept.extent(max_rows)
    if not extent.fits(max_rows, max_cells):
        return Fit(too_large=extent)
    return Fit(trimmed=_without_cells_outside(xml, start, end, tags, extent))


def _value_cells(xml: bytes, start: int, end: int,
                 tags: SheetTags) -> Iterator[tuple[int, int, bytes, bytes, int, int]]:
    """(row, column, attributes, inner XML, start, end) of each cell holding a value, placed
    as calamine places it: by its ``r`` reference, else after the previous cell and row."""
    row, col = -1, -1
    for match in tags.row_or_cell.finditer(xml, start, end):
        tag, attrs = match.group(1), match.group(2)
        if tag == b"row":
            number = attr(attrs, b"r")
            row = int(number) - 1 if number and number.isdigit() else row + 1
            col = -1
            continue
        ref = attr(attrs, b"r")
        cell = _REF.fullmatch(ref) if ref else None
        if cell:
            col = _column_index(cell.group(1))
            row = int(cell.group(2)) - 1
        else:
            col += 1
        if attrs.endswith(b"/"):
            continue  # formatting only
        closing = tags.cell_end.search(xml, match.end(), end)
        cell_end = closing.end() if closing else end
        body = xml[match.end():closing.start() if closing else end]
        if tags.holds_value.search(body):
            yield row, col, attrs, body, match.start(), cell_end


def _column_index(letters: bytes) -> int:
    index = 0
    for ch in letters.upper():
        index = index * 26 + ch - 64
    return index - 1


def _is_blank(attrs: bytes, body: bytes, blank_strings: frozenset[int]) -> bool:
    """Whether a cell's value is empty or only spaces (a formula's own text does not count)."""
    text = b"".join(_TEXT.findall(_FORMULA.sub(b"", body)))
    if attr(attrs, b"t") == b"s":
        return text.strip().isdigit() and int(text) in blank_strings
    return not html.unescape(text.decode("utf-8", "replace")).strip()


def blank_shared_strings(xml: bytes | None) -> frozenset[int]:
    """The indices of the shared strings (``xl/sharedStrings.xml``) that are empty or only
    spaces (phonetic runs, which Excel does not show in the cell, do not count)."""
    if not xml:
        return frozenset()
    found = set()
    for index, match in enumerate(_SHARED_ITEM.finditer(xml)):
        inner = _PHONETIC.sub(b"", match.group(1) or b"")
        if not html.unescape(b"".join(_TEXT.findall(inner)).decode("utf-8", "replace")).strip():
            found.add(index)
    return frozenset(found)


def _without_cells_outside(xml: bytes, start: int, end: int, tags: SheetTags,
                           extent: Extent) -> bytes:
    """The sheet part without the value cells outside ``extent`` (all blank: the extent is
    that of the cells that are not)."""
    pieces, kept_from = [], 0
    for row, col, _, _, cell_start, cell_end in _value_cells(xml, start, end, tags):
        if row >= extent.rows or col >= extent.cols:
            pieces.append(xml[kept_from:cell_start])
            kept_from = cell_end
    pieces.append(xml[kept_from:])
    return b"".join(pieces)


# -- ods -------------------------------------------------------------------------------------

_ODS_TAG = re.compile(rb"<table:(table|table-row)(?=[\s/>])([^>]*)>")
_ODS_CELL = re.compile(rb"<table:(?:covered-)?table-cell(?=[\s/>])([^>]*)>")
_ODS_ROWS_REPEATED = re.compile(rb"table:number-rows-repeated\s*=\s*[\"'](\d+)")
_ODS_COLS_REPEATED = re.compile(rb"table:number-columns-repeated\s*=\s*[\"'](\d+)")


def ods_extents(content: bytes, max_rows: int) -> dict[str, Extent]:
    """Each table's extent (by its name, as in the file) from ``content.xml``.

    Rows and cells are counted with their ``number-*-repeated`` (LibreOffice writes a
    million repeated empty rows at the end of a sheet, and thousands of repeated empty cells
    at the end of a formatted row), never expanded; only a row holding a value has its cells
    walked, and only up to its last value.
    """
    extents: dict[str, Extent] = {}
    tags = list(_ODS_TAG.finditer(content))
    name, box, row = None, Box(), 0
    for index, match in enumerate(tags):
        kind, attrs = match.group(1), match.group(2)
        if kind == b"table":
            if name is not None:
                extents[name] = box.extent(max_rows)
            raw = attr(attrs, b"table:name") or b""
            name, box, row = html.unescape(raw.decode("utf-8", "replace")), Box(), 0
            continue
        repeat = _repeat(_ODS_ROWS_REPEATED, attrs)
        end = tags[index + 1].start() if index + 1 < len(tags) else len(content)
        if not attrs.endswith(b"/"):
            last_col = _ods_last_value_column(content, match.end(), end)
            if last_col is not None:
                box.add(row + repeat - 1, last_col)
        row += repeat
    if name is not None:
        extents[name] = box.extent(max_rows)
    return extents


def _ods_last_value_column(content: bytes, start: int, end: int) -> int | None:
    """The 0-based column of the last cell holding a value in one row's XML, or None.

    The cells before it are counted (a substring count) unless some are repeated; only then
    are they walked."""
    last_value = max(content.rfind(b"office:value-type=", start, end),
                     content.rfind(b"<text:", start, end))
    if last_value < 0:
        return None
    tag_end = content.find(b">", last_value, end)
    if content.find(b"columns-repeated", start, tag_end) < 0:
        return content.count(b"<table:table-cell", start, last_value) + content.count(
            b"<table:covered-table-cell", start, last_value) - 1
    col, last_col = 0, None
    for cell in _ODS_CELL.finditer(content, start, end):
        if cell.start() > last_value:
            break
        repeat = _repeat(_ODS_COLS_REPEATED, cell.group(1))
        last_col = col + repeat - 1
        col += repeat
    return last_col


def _repeat(pattern: re.Pattern[bytes], attrs: bytes) -> int:
    if b"repeated" not in attrs:
        return 1
    found = pattern.search(attrs)
    return max(1, int(found.group(1))) if found else 1
