"""What an .ods ``content.xml`` says beyond calamine's values: merged ranges (calamine has none
for .ods), hidden rows and columns, error cells."""

from __future__ import annotations

import html
import io
import re
import zipfile

from planner_desktop.exchange.grid import Grid, MergedRange, Workbook
from planner_desktop.exchange.readers.cells import set_error
from planner_desktop.exchange.readers.xml_tags import attr

_ODS_STRUCTURE = re.compile(rb"<table:(table|table-column|table-row)(?=[\s/>])([^>]*)>")
_ODS_CELL = re.compile(rb"<table:(table-cell|covered-table-cell)(?=[\s/>])([^>]*)>")
_ODS_CELL_END = re.compile(rb"</table:table-cell\s*>")
_XML_TAG = re.compile(rb"<[^>]*>")


def ods_content(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("content.xml")


def add_ods_extras(content: bytes, workbook: Workbook) -> None:
    """calamine gives no merged ranges for .ods; read them (and hidden parts) from content.xml.

    Only the start tags of tables, columns and rows are walked (rows counted with their
    ``number-rows-repeated``, never expanded: LibreOffice writes a million repeated empty
    rows at the end); the cells of a row are walked only when the row holds a merged or an
    error cell, which a substring search tells.
    """
    spans = b"-spanned=" in content
    errors = b'value-type="error"' in content
    if not (spans or errors or b"table:visibility=" in content):
        return
    look_for = b"-spanned=" if not errors else b'value-type="error"' if not spans else None
    grids = {grid.name: grid for grid in workbook.sheets}
    grid: Grid | None = None
    next_row = next_column = 0
    pending: tuple[int, int, int] | None = None  # (row, repeat, tag end) of the row being read
    for match in _ODS_STRUCTURE.finditer(content):
        if pending is not None and grid is not None:
            _ods_row_cells(content, pending, match.start(), grid, look_for)
            pending = None
        tag, attrs = match.group(1), match.group(2)
        if tag == b"table":
            name = html.unescape((attr(attrs, b"table:name") or b"").decode("utf-8", "replace"))
            grid = grids.get(name)
            next_row = next_column = 0
            continue
        if grid is None:
            continue
        hidden = b"visibility" in attrs and attr(attrs, b"table:visibility") in (
            b"collapse", b"filter")
        if tag == b"table-column":
            repeat = int(attr(attrs, b"table:number-columns-repeated") or 1) \
                if b"repeated" in attrs else 1
            if hidden:
                grid.hidden_cols.update(range(next_column, min(next_column + repeat, grid.width)))
            next_column += repeat
            continue
        row = next_row
        repeat = int(attr(attrs, b"table:number-rows-repeated") or 1) \
            if b"repeated" in attrs else 1
        next_row = row + repeat
        if hidden:
            grid.hidden_rows.update(range(row, min(next_row, grid.height)))
        if (spans or errors) and row < grid.height and not attrs.endswith(b"/"):
            pending = (row, repeat, match.end())
    if pending is not None and grid is not None:
        _ods_row_cells(content, pending, len(content), grid, look_for)


def _ods_row_cells(content: bytes, pending: tuple[int, int, int], end: int, grid: Grid,
                   look_for: bytes | None) -> None:
    """Merged and error cells of one row (the text between its start tag and ``end``);
    ``look_for`` is the one marker the file can hold, or None when it holds both."""
    row, row_repeat, start = pending
    if look_for is not None and content.find(look_for, start, end) < 0:
        return
    col = 0
    for match in _ODS_CELL.finditer(content, start, end):
        tag, attrs = match.group(1), match.group(2)
        if tag == b"table-cell" and (b"spanned" in attrs or b"error" in attrs):
            _ods_cell(content, match, attrs, grid, row, col, row_repeat)
        col += int(attr(attrs, b"table:number-columns-repeated") or 1) \
            if b"repeated" in attrs else 1


def _ods_cell(content: bytes, match: re.Match[bytes], attrs: bytes, grid: Grid, row: int,
              col: int, row_repeat: int) -> None:
    rows_spanned = int(attr(attrs, b"table:number-rows-spanned") or 1)
    cols_spanned = int(attr(attrs, b"table:number-columns-spanned") or 1)
    if rows_spanned > 1 or cols_spanned > 1:
        for r in range(row, row + min(row_repeat, grid.height - row)):
            grid.merges.append(MergedRange(r, col, r + rows_spanned - 1, col + cols_spanned - 1))
    if attr(attrs, b"calcext:value-type") == b"error" and not attrs.endswith(b"/"):
        end = _ODS_CELL_END.search(content, match.end())
        inner = content[match.end():end.start() if end else match.end()]
        text = html.unescape(_XML_TAG.sub(b"", inner).decode("utf-8", "replace")).strip()
        set_error(grid, row, col, text)


