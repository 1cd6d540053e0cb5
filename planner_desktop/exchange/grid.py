"""A sheet as a grid of the texts a person sees, with its merged ranges and hidden parts.

Every reader (xlsx, xls, csv, ods) produces the same :class:`Workbook`, so parsers never care
which program wrote the file. Cells are kept as text because that is what the clerk sees and
what the task-list parser matches against ("2024年底", "各中小学"); the few cells whose type
matters later (real dates, for deadlines) are also kept typed in :attr:`Grid.values`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple


class MergedRange(NamedTuple):
    """A merged block of cells, 0-based and inclusive on both ends (A1:B2 is 0, 0, 1, 1).

    A named tuple rather than a frozen dataclass: a task list has hundreds of merges, and a
    tuple is made ten times faster."""

    first_row: int
    first_col: int
    last_row: int
    last_col: int

    def contains(self, row: int, col: int) -> bool:
        return self.first_row <= row <= self.last_row and self.first_col <= col <= self.last_col


@dataclass
class Grid:
    """One sheet: rectangular rows of texts (padded with ""), starting at cell A1.

    Row and column indexes are 0-based everywhere, so ``rows[r][c]`` is Excel's cell
    ``column_letter(c) + str(r + 1)``. Trailing empty rows are dropped; a sheet without any
    cell has ``rows == []`` (whether that is an error is the caller's decision).
    """

    name: str  # the sheet name; for a csv file, the file's stem
    rows: list[list[str]]
    merges: list[MergedRange] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)  # 0-based, only rows inside the grid
    hidden_cols: set[int] = field(default_factory=set)  # 0-based, only columns inside the grid
    hidden: bool = False  # the whole sheet is hidden or "very hidden"
    # Cells that were real dates (or date-times) in the file, so a deadline parser can use the
    # date itself rather than re-parsing the ISO text of ``rows``.
    values: dict[tuple[int, int], dt.date] = field(default_factory=dict)
    # Cells holding an error value (#DIV/0!, #N/A …) rather than a text that looks like one.
    errors: set[tuple[int, int]] = field(default_factory=set)
    _merge_map: dict[tuple[int, int], MergedRange] | None = field(default=None, init=False, repr=False,
                                                                  compare=False)
    _merge_count: int = field(default=0, init=False, repr=False, compare=False)
    # The texts column by column, kept once turned around (see columns()).
    _columns: list[Sequence[str]] | None = field(default=None, init=False, repr=False,
                                                 compare=False)

    def cell(self, row: int, col: int) -> str:
        """The text at (row, col), or "" outside the grid (callers need no bounds checks)."""
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return ""

    def columns(self) -> list[Sequence[str]]:
        """The texts column by column, over the columns every row reaches (all of them in a
        grid from a reader, which pads its rows). Kept once made; a reader that made the
        columns while converting the cells hands them over (``set_columns``), so a parser
        reading by column does not turn thousands of rows around again."""
        if self._columns is None:
            self._columns = list(zip(*self.rows, strict=False))
        return self._columns

    def set_columns(self, columns: list[Sequence[str]]) -> None:
        """The rows' texts column by column, as the reader made them: every column as long
        as the rows are many (call :meth:`rows_changed` when a cell changes afterwards)."""
        self._columns = columns

    def rows_changed(self) -> None:
        """A cell of ``rows`` was changed (a reader showing an error cell, dropping empty
        rows at the end): the columns are made again when next asked for."""
        self._columns = None

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return max(map(len, self.rows), default=0)

    def merge_at(self, row: int, col: int) -> MergedRange | None:
        """The merged range covering (row, col), if any (looked up, not searched: a parser
        asks this for every row of sheets with hundreds of merges)."""
        if self._merge_map is None or self._merge_count != len(self.merges):
            self._merge_map = {}
            for merge in self.merges:
                for r in range(merge.first_row, min(merge.last_row, max(len(self.rows) - 1, 0)) + 1):
                    for c in range(merge.first_col, merge.last_col + 1):
                        self._merge_map.setdefault((r, c), merge)
            self._merge_count = len(self.merges)
        return self._merge_map.get((row, col))

    def column_merges(self, col: int) -> dict[int, MergedRange]:
        """Row → the merged range covering (row, col), as :meth:`merge_at` gives it, for every
        row of one column (a parser asking for each row of a list of thousands)."""
        found: dict[int, MergedRange] = {}
        last = max(len(self.rows) - 1, 0)
        for merge in self.merges:
            if merge.first_col <= col <= merge.last_col:
                for r in range(merge.first_row, min(merge.last_row, last) + 1):
                    found.setdefault(r, merge)
        return found

    def filled(self) -> Grid:
        """A copy in which every cell of a merged range carries its top-left value.

        Issued task lists merge the category or lead-section cell over all its rows; a parser
        reading row by row wants the value repeated, as a person reading the sheet sees it.
        """
        rows = [list(r) for r in self.rows]
        values = dict(self.values)
        errors = set(self.errors)
        for m in self.merges:
            value = self.cell(m.first_row, m.first_col)
            typed = self.values.get((m.first_row, m.first_col))
            is_error = (m.first_row, m.first_col) in self.errors
            for r in range(m.first_row, min(m.last_row, len(rows) - 1) + 1):
                for c in range(m.first_col, min(m.last_col, len(rows[r]) - 1) + 1):
                    rows[r][c] = value
                    if typed is not None:
                        values[(r, c)] = typed
                    if is_error:
                        errors.add((r, c))
        return Grid(self.name, rows, list(self.merges), set(self.hidden_rows),
                    set(self.hidden_cols), self.hidden, values, errors)

    @staticmethod
    def column_letter(col: int) -> str:
        """Excel's name of a 0-based column: 0 → A, 25 → Z, 26 → AA, 16383 → XFD."""
        letters = ""
        col += 1
        while col > 0:
            col, rest = divmod(col - 1, 26)
            letters = chr(65 + rest) + letters
        return letters

    @staticmethod
    def column_index(letters: str) -> int:
        """The 0-based index of an Excel column name: A → 0, AA → 26 (inverse of column_letter)."""
        index = 0
        for ch in letters.upper():
            index = index * 26 + ord(ch) - 64
        return index - 1


@dataclass
class Workbook:
    """Every sheet of one file, in the file's order (hidden sheets included, marked hidden)."""

    path: Path
    format: str  # what the file really is: xlsx | xlsb | xls | ods | csv (not its extension)
    sheets: list[Grid]
    encoding: str | None = None  # csv only: utf-8, utf-8-sig, utf-16, gb18030, big5, cp950

    def visible_sheets(self) -> list[Grid]:
        return [s for s in self.sheets if not s.hidden]
