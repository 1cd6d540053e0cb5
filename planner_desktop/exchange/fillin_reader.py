"""Reading a returned fill-in workbook (回收表) into rows the importer can match.

Files come back changed in every way a unit's PC can change them: re-saved by WPS or
LibreOffice as .xls, rows re-sorted, the hidden key column deleted, rows pasted into a new
file without the metadata sheet. So nothing is read by position: columns are found by their
header text, units by the metadata sheet, else by the ``填报单位：`` line, the sheet name or the
file name, and each row keeps whatever identifies it (its key, its code and item text).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from planner_desktop.domain.returns import RowCells
from planner_desktop.exchange.fillin_layout import (
    CHECKED_FIELDS,
    FORMAT_VERSION,
    HEADER_FIELDS,
    META_SHEET,
    TARGET_HEADER_FIELDS,
    Field,
    RowKey,
    TargetKey,
    header_key,
    keys_checksum,
    sign_off_in,
)
from planner_desktop.exchange.grid import Grid, Workbook
from planner_desktop.exchange.readers import read_workbook

HEADER_SEARCH_ROWS = 12
_UNIT_LINE = re.compile(r"填报单位[:：]\s*([^\s　]+)")
_FILE_NAME = re.compile(r"^(?:.+?)_(.+?)_填报表")


@dataclass(frozen=True)
class ReturnMeta:
    """The metadata sheet of a workbook we exported."""

    plan_id: int
    plan_title: str
    period_key: str
    period_label: str
    exported_at: str
    # sheet name → (unit id, unit name, export token, checksum of its keys)
    sheets: dict[str, tuple[int, str, str, str]] = field(default_factory=dict)
    # key text → digests of the locked cells as exported (CHECKED_FIELDS order)
    digests: dict[str, tuple[str, ...]] = field(default_factory=dict)
    keys_by_sheet: dict[str, list[str]] = field(default_factory=dict)
    # 量化指标 sheet name → (the unit's sheet it belongs to, checksum of its keys)
    target_sheets: dict[str, tuple[str, str]] = field(default_factory=dict)
    target_keys_by_sheet: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class ReturnedRow:
    row: int  # 0-based grid row
    key: RowKey | None
    key_text: str
    locked: dict[Field, str]  # the locked cells present in the return (code, title …)
    cells: RowCells


@dataclass
class ReturnedSheet:
    name: str
    unit_hint: str  # the unit the sheet says it is for (metadata, title line, name)
    unit_id: int | None  # from the metadata sheet only
    token: str
    columns: dict[Field, int]
    rows: list[ReturnedRow]
    expected_keys: list[str]  # keys exported for this sheet (empty without metadata)
    checksum_ok: bool | None  # None: no metadata to check against

    @property
    def has_key_column(self) -> bool:
        return Field.KEY in self.columns


@dataclass
class ReturnedFigureRow:
    """One row of a 量化指标 sheet: which target, and the figure reached as the unit typed it."""

    row: int  # 0-based grid row
    key: TargetKey | None
    key_text: str
    code: str
    title: str
    phrase: str
    figure: str  # the cell's text ("" when left empty); a percentage cell reads as its value
    note: str


@dataclass
class ReturnedTargetSheet:
    name: str
    unit_sheet: str  # the unit's sheet it belongs to (from the metadata), "" when not known
    unit_hint: str
    columns: dict[Field, int]
    rows: list[ReturnedFigureRow]
    expected_keys: list[str]  # keys exported for this sheet (empty without metadata)
    checksum_ok: bool | None

    @property
    def has_figure_column(self) -> bool:
        return Field.FIGURE in self.columns


@dataclass
class ReturnedWorkbook:
    path: Path
    format: str
    meta: ReturnMeta | None
    sheets: list[ReturnedSheet]
    target_sheets: list[ReturnedTargetSheet] = field(default_factory=list)

    def missing_target_sheets(self) -> list[str]:
        """量化指标 sheets the export wrote that are not in the return (deleted by the unit)."""
        if self.meta is None:
            return []
        present = {s.name for s in self.target_sheets}
        return [name for name in self.meta.target_sheets if name not in present]


def read_returned_workbook(path: Path) -> ReturnedWorkbook:
    """Read ``path`` (any format ``read_workbook`` reads); raises FileReadError if unreadable."""
    workbook = read_workbook(path)
    meta = _read_meta(workbook)
    sheets, target_sheets = [], []
    for grid in workbook.sheets:
        if grid.name == META_SHEET or (grid.hidden and meta is None):
            continue
        target_sheet = _read_target_sheet(grid, meta, Path(path))
        if target_sheet is not None:
            target_sheets.append(target_sheet)
            continue
        sheet = _read_sheet(grid, meta, Path(path))
        if sheet is not None:
            sheets.append(sheet)
    return ReturnedWorkbook(Path(path), workbook.format, meta, sheets, target_sheets)


def _read_meta(workbook: Workbook) -> ReturnMeta | None:
    grid = next((g for g in workbook.sheets if g.name == META_SHEET), None)
    if grid is None or grid.cell(0, 1) != FORMAT_VERSION:
        return None
    records: dict[str, list[str]] = {}
    sheets: dict[str, tuple[int, str, str, str]] = {}
    digests: dict[str, tuple[str, ...]] = {}
    keys_by_sheet: dict[str, list[str]] = {}
    target_sheets: dict[str, tuple[str, str]] = {}
    target_keys: dict[str, list[str]] = {}
    try:
        for row in grid.rows:
            kind = row[0] if row else ""
            if kind == "sheet":
                sheets[row[1]] = (int(row[2]), row[3], row[4], row[5])
            elif kind == "row":
                key, *cell_digests = row[2].split("/")
                digests[key] = tuple(cell_digests)
                keys_by_sheet.setdefault(row[1], []).append(key)
            elif kind == "targets":
                target_sheets[row[1]] = (row[2], row[3])
            elif kind == "target":
                target_keys.setdefault(row[1], []).append(row[2])
            elif kind:
                records[kind] = row
        return ReturnMeta(int(records["plan"][1]), records["plan"][2], records["period"][1],
                          records["period"][2], records["exported_at"][1], sheets, digests,
                          keys_by_sheet, target_sheets, target_keys)
    except (KeyError, IndexError, ValueError):
        return None  # damaged: read the workbook as if it had none


def _find_header(grid: Grid, headers: dict[str, Field], accept: Callable[[dict[Field, int]], bool]
                 ) -> tuple[int, dict[Field, int]] | None:
    """The first of the top rows whose known headers (field → column, first one kept) are
    ``accept``-ed."""
    for r in range(min(grid.height, HEADER_SEARCH_ROWS)):
        columns: dict[Field, int] = {}
        for c, text in enumerate(grid.rows[r]):
            found = headers.get(header_key(text))
            if found is not None and found not in columns:
                columns[found] = c
        if accept(columns):
            return r, columns
    return None


def _header_row(grid: Grid) -> tuple[int, dict[Field, int]] | None:
    """The first row with at least three fill-in sheet headers, among them 状态 or 进展情况."""
    return _find_header(grid, HEADER_FIELDS, lambda columns: len(columns) >= 3 and (
        Field.STATUS in columns or Field.NOTE in columns))


def _unit_hint(grid: Grid, header: int, path: Path) -> str:
    for r in range(header):
        for text in grid.rows[r]:
            if match := _UNIT_LINE.search(text):
                return match[1]
    if match := _FILE_NAME.match(path.stem):
        return match[1]
    return grid.name


def _read_sheet(grid: Grid, meta: ReturnMeta | None, path: Path) -> ReturnedSheet | None:
    found = _header_row(grid)
    if found is None:
        return None
    header, columns = found
    known = meta.sheets.get(grid.name) if meta else None
    unit_hint = known[1] if known else _unit_hint(grid, header, path)
    rows = []
    sign_off: dict[Field, str] = {}
    for r in range(header + 1, grid.height):
        row = _read_row(grid, r, columns)
        if row is not None:
            rows.append(row)
        else:  # a line under the table: a unit may have written who filled it in there
            sign_off = {**sign_off_in(grid.rows[r]), **sign_off}
    for r in range(header):  # where we ask for it, above the table
        sign_off = {**sign_off, **sign_off_in(grid.rows[r])}
    if sign_off:
        _sign_rows(rows, sign_off)
    expected = meta.keys_by_sheet.get(grid.name, []) if meta and known else []
    checksum_ok = None
    if known:
        checksum_ok = keys_checksum(expected) == known[3]
    return ReturnedSheet(grid.name, unit_hint, known[0] if known else None,
                         known[2] if known else "", columns, rows, expected, checksum_ok)


def _sign_rows(rows: list[ReturnedRow], sign_off: dict[Field, str]) -> None:
    """The sheet's 填报人 and 联系电话 on every row that does not name its own (an older
    workbook asked on each row)."""
    author, phone = sign_off.get(Field.AUTHOR, ""), sign_off.get(Field.PHONE, "")
    for row in rows:
        cells = row.cells
        row.cells = replace(cells, author=cells.author or author, phone=cells.phone or phone)


def _read_row(grid: Grid, r: int, columns: dict[Field, int]) -> ReturnedRow | None:
    """One row's cells by field (stripped; "" for a field without a column or beyond a short
    row): read straight from the row, as a return has thousands of rows of fourteen cells."""
    row = grid.rows[r]
    width = len(row)
    texts = {name: row[col].strip() if col < width else "" for name, col in columns.items()}
    text = texts.get
    key_text = text(Field.KEY, "")
    locked = {f: texts[f] for f in CHECKED_FIELDS if f in texts}
    completed_col = columns.get(Field.COMPLETED_ON)
    typed = grid.values.get((r, completed_col)) if completed_col is not None else None
    if isinstance(typed, dt.datetime):
        typed = typed.date()
    cells = RowCells(
        status=text(Field.STATUS, ""),
        progress=text(Field.PROGRESS, ""),
        note=text(Field.NOTE, ""),
        completed_on=text(Field.COMPLETED_ON, ""),
        completed_date=typed if isinstance(typed, dt.date) else None,
        problems=text(Field.PROBLEMS, ""),
        evidence=text(Field.EVIDENCE, ""),
        author=text(Field.AUTHOR, ""),
        phone=text(Field.PHONE, ""),
    )
    if not key_text and not locked.get(Field.CODE) and not locked.get(Field.TITLE):
        return None  # a note under the table, a signature line, an empty row
    return ReturnedRow(r, RowKey.parse(key_text), key_text, locked, cells)


# -- the 量化指标 sheets ---------------------------------------------------------------------------

def _target_header_row(grid: Grid, known: bool) -> tuple[int, dict[Field, int]] | None:
    """The header of a 量化指标 sheet: a 量化指标 column among at least three known headers
    (in a sheet the metadata names as one, two known headers are enough: a unit may have
    deleted columns, and saying which is missing is better than not seeing the sheet)."""
    return _find_header(grid, TARGET_HEADER_FIELDS, lambda columns: (
        Field.TARGET in columns and len(columns) >= 3 or known and len(columns) >= 2))


def _read_target_sheet(grid: Grid, meta: ReturnMeta | None, path: Path) -> ReturnedTargetSheet | None:
    known = meta.target_sheets.get(grid.name) if meta else None
    found = _target_header_row(grid, known is not None)
    if found is None:
        return None
    header, columns = found
    rows = []
    for r in range(header + 1, grid.height):
        row = grid.rows[r]

        def text(name: Field, row: list[str] = row) -> str:
            col = columns.get(name)
            return row[col].strip() if col is not None and col < len(row) else ""

        key_text = text(Field.KEY)
        code, title, phrase = text(Field.CODE), text(Field.TITLE), text(Field.TARGET)
        if not (key_text or phrase or code and title):
            continue  # a note under the table, an empty row
        rows.append(ReturnedFigureRow(r, TargetKey.parse(key_text), key_text, code, title, phrase,
                                      text(Field.FIGURE), text(Field.FIGURE_NOTE)))
    expected = meta.target_keys_by_sheet.get(grid.name, []) if meta and known else []
    unit_sheet = known[0] if known else ""
    unit_hint = meta.sheets[unit_sheet][1] if known and unit_sheet in meta.sheets \
        else _unit_hint(grid, header, path)
    return ReturnedTargetSheet(grid.name, unit_sheet, unit_hint, columns, rows, expected,
                               keys_checksum(expected) == known[1] if known else None)
