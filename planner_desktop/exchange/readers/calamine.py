"""Reading .xlsx, .xls and .ods through python-calamine, with what calamine does not give.

Each sheet's extent is known before calamine builds its grid (``extent``), so a sheet too
large is refused (or read from a copy without its far blank cells); the extras calamine
does not give (hidden rows and columns, error cells, .ods merges) are read beside it by the
format's own module and added to the grids afterwards.
"""

from __future__ import annotations

import concurrent.futures
import io
import threading
import zipfile
from pathlib import Path

from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from planner_desktop.errors import FileReadError, Location
from planner_desktop.exchange.grid import Grid, MergedRange, Workbook
from planner_desktop.exchange.readers.cells import grid_from_values, trim
from planner_desktop.exchange.readers.extent import MAX_CELLS, Extent, Fit, ods_extents
from planner_desktop.exchange.readers.ods_marks import add_ods_extras, ods_content
from planner_desktop.exchange.readers.refusals import (
    DAMAGED_EXTRAS,
    MSG_CORRUPT,
    MSG_PASSWORD,
    MSG_STRAY_CELLS,
    MSG_TOO_MANY_CELLS,
    MSG_TOO_MANY_ROWS,
)
from planner_desktop.exchange.readers.xls_biff import XlsMarks, xls_is_encrypted, xls_marks
from planner_desktop.exchange.readers.xlsx_marks import xlsx_marks
from planner_desktop.i18n import tr


def calamine_failure(exc: BaseException) -> bool:
    """calamine's own errors, and the Rust panics some damaged files cause: pyo3 raises those
    as ``PanicException``, a BaseException, which ``except Exception`` would let through."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def read_with_calamine(path: Path, data: bytes, kind: str, where: Location, max_rows: int,
                        max_cell_chars: int) -> Workbook:
    # The .xlsx's sheet parts are scanned in a thread while calamine opens the workbook: how
    # far each sheet reaches (needed before calamine reads it, see readers.extent), its hidden
    # rows and columns and its error cells (bench/read_formats.py). calamine reads every
    # sheet of an .xls or .ods when it opens the file, so those are scanned before.
    fits: concurrent.futures.Future | None = None
    marks = None
    if kind == "xlsx":
        fits = concurrent.futures.Future()
        marks = _background().submit(xlsx_marks, data, max_rows, fits)
    # Given bytes, calamine tries each format in turn and reports only "Cannot detect file
    # format" for an .xls with a password, whose cell records are encrypted: look for its
    # FILEPASS record first.
    if kind == "xls" and xls_is_encrypted(data):
        raise FileReadError(tr(MSG_PASSWORD), where)
    try:
        before = _SheetsBeforeReading(kind, data, fits, marks, max_rows)
    except DAMAGED_EXTRAS as exc:
        # The records saying how far the sheets reach, which rows are hidden or which cells
        # are errors are damaged: importing hidden rows unknowingly would be worse than
        # asking for the file to be saved again.
        raise FileReadError(tr(MSG_CORRUPT), where) from exc
    before.refuse_too_large(where)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError as exc:
        raise FileReadError(tr(MSG_PASSWORD), where) from exc
    except BaseException as exc:  # calamine's errors (Zip, Xml, Calamine) all mean a bad file
        if not calamine_failure(exc):
            raise
        raise FileReadError(tr(MSG_CORRUPT), where) from exc
    workbook, positions = _read_sheets(path, book, kind, where, max_rows, max_cell_chars, before)
    try:
        before.apply(workbook, positions)
    except DAMAGED_EXTRAS as exc:
        raise FileReadError(tr(MSG_CORRUPT), where) from exc
    for grid in workbook.sheets:
        trim(grid)
    return workbook


class _SheetsBeforeReading:
    """What is known of each sheet before calamine reads it, per format: how far it reaches
    (so that a sheet too large is refused or trimmed before calamine builds its grid, see
    readers.extent) and the extras calamine does not give (hidden rows and columns, errors)."""

    def __init__(self, kind: str, data: bytes, fits, marks, max_rows: int) -> None:
        self.kind, self.data, self.max_rows = kind, data, max_rows
        self.fits = fits  # the .xlsx sheets' fits and marks, still being found: the fits are
        self.marks = marks  # waited for before the first sheet is read, the marks after all
        self.xls: list[tuple[str | None, XlsMarks]] = xls_marks(data) if kind == "xls" else []
        self.ods_content = ods_content(data) if kind == "ods" else b""
        self.ods: dict[str, Extent] = ods_extents(self.ods_content, max_rows)

    def refuse_too_large(self, where: Location) -> None:
        """Refuse an .xls or .ods with a sheet too large before calamine opens (and so reads)
        it; .xlsx sheets are refused one by one, as calamine reads them."""
        if self.kind == "ods":
            found = [(name, extent) for name, extent in self.ods.items()
                     if not extent.fits(self.max_rows)]
        else:
            found = [(name, marks.box.extent(self.max_rows)) for name, marks in self.xls
                     if not marks.box.extent(self.max_rows).fits(self.max_rows)]
        if found:
            name, extent = found[0]
            raise _too_large(extent, Location(file=where.file, sheet=name), self.max_rows)

    def xls_marks(self, index: int, name: str) -> XlsMarks | None:
        """A sheet's BIFF marks: by its name (BIFF8), else by its place among the sheets."""
        by_name = [marks for sheet, marks in self.xls if sheet == name]
        if by_name:
            return by_name[0]
        return self.xls[index][1] if index < len(self.xls) else None

    def sheet(self, book, index: int, name: str, where: Location):
        """calamine's sheet, read once it is known to fit (from the trimmed copy of the file
        when its far cells were only blank values)."""
        fits: dict[str, tuple[str, Fit]] = self.fits.result() if self.fits is not None else {}
        part, fit = fits.get(name, ("", Fit()))
        if fit.too_large is not None:
            raise _too_large(fit.too_large, where, self.max_rows)
        if fit.trimmed is None:
            return book.get_sheet_by_name(name)
        trimmed = _with_part(self.data, part, fit.trimmed)
        return CalamineWorkbook.from_filelike(io.BytesIO(trimmed)).get_sheet_by_name(name)

    def apply(self, workbook: Workbook, positions: list[int]) -> None:
        """Add the extras to the grids calamine gave (``positions``: their sheet indices)."""
        if self.kind == "ods":
            add_ods_extras(self.ods_content, workbook)
            return
        xlsx = self.marks.result() if self.marks is not None else {}
        for grid, index in zip(workbook.sheets, positions, strict=True):
            if not grid.rows:
                continue
            if grid.name in xlsx:
                xlsx[grid.name].apply(grid, self.data)
            elif (marks := self.xls_marks(index, grid.name)) is not None:
                marks.apply(grid)


def _too_large(extent: Extent, where: Location, max_rows: int) -> FileReadError:
    """The message for a sheet whose grid would be too large: how large, which cell lies
    farthest out, and how to cut the sheet down to its data."""
    row, col = extent.far
    size = tr("此工作表的数据区域有 {rows} 行 × {cols} 列，最远的内容在 {cell} 单元格").format(
        rows=extent.rows, cols=extent.cols, cell=f"{Grid.column_letter(col)}{row + 1}")
    if extent.rows > max_rows:
        head = tr("表格超过 {limit} 行（{size}），不像是任务清单。").format(limit=max_rows, size=size)
    else:
        head = tr(MSG_TOO_MANY_CELLS).format(size=size, cells=extent.cells, limit=MAX_CELLS)
    return FileReadError(head + tr(MSG_STRAY_CELLS),
                         Location(where.file, where.sheet, row + 1, Grid.column_letter(col)))


def _with_part(data: bytes, part: str, xml: bytes) -> bytes:
    """The zip ``data`` with ``part`` replaced by ``xml`` (stored: it is read at once)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            target.writestr(info.filename, xml if info.filename == part else source.read(info))
    return out.getvalue()


def _read_sheets(path: Path, book, kind: str, where: Location, max_rows: int,
                 max_cell_chars: int, before: _SheetsBeforeReading
                 ) -> tuple[Workbook, list[int]]:
    """Every sheet that can hold cells, as calamine reads it, and each grid's index among all
    the workbook's sheets (the .xls records number sheets that way)."""
    sheets: list[Grid] = []
    positions: list[int] = []  # each grid's index among all the workbook's sheets
    try:
        for index, meta in enumerate(book.sheets_metadata):
            if meta.typ in (SheetTypeEnum.ChartSheet, SheetTypeEnum.Vba):
                continue  # no cells
            sheet_where = Location(file=where.file, sheet=meta.name)
            sheet = before.sheet(book, index, meta.name, sheet_where)
            grid = _grid_from_calamine(meta.name, sheet, sheet_where, max_rows, max_cell_chars)
            grid.hidden = meta.visible != SheetVisibleEnum.Visible
            sheets.append(grid)
            positions.append(index)
    except FileReadError:
        raise
    except PasswordError as exc:
        raise FileReadError(tr(MSG_PASSWORD), where) from exc
    except BaseException as exc:
        if not calamine_failure(exc):
            raise
        raise FileReadError(tr(MSG_CORRUPT), where) from exc
    return Workbook(path, kind, sheets), positions


_BACKGROUND: concurrent.futures.ThreadPoolExecutor | None = None
_BACKGROUND_LOCK = threading.Lock()


def _background() -> concurrent.futures.ThreadPoolExecutor:
    """The thread that reads a file's extras beside calamine (made on first use; reads from
    several threads share it)."""
    global _BACKGROUND
    with _BACKGROUND_LOCK:
        if _BACKGROUND is None:
            _BACKGROUND = concurrent.futures.ThreadPoolExecutor(
                max_workers=2, thread_name_prefix="read-extras")
        return _BACKGROUND


def _grid_from_calamine(name: str, sheet, where: Location, max_rows: int,
                        max_cell_chars: int) -> Grid:
    end = sheet.end
    if end is None:
        return Grid(name, [])
    height = end[0] + 1
    if height > max_rows:
        raise FileReadError(tr(MSG_TOO_MANY_ROWS).format(
            limit=max_rows, detail=tr("（此工作表有 {rows} 行）").format(rows=height)), where)
    grid = grid_from_values(name, sheet.to_python(skip_empty_area=False), where, max_cell_chars)
    grid.merges = [MergedRange(*a, *b) for a, b in sheet.merged_cell_ranges or ()]
    return grid


