"""A sheet as a grid of the texts a person sees, with its merged ranges and hidden parts.

Every reader (xlsx, xls, csv, ods) produces the same :class:`Workbook`, so parsers never care
which program wrote the file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class MergedRange:
    first_row: int  # 0-based, inclusive
    first_col: int
    last_row: int
    last_col: int

    def contains(self, row: int, col: int) -> bool:
        return self.first_row <= row <= self.last_row and self.first_col <= col <= self.last_col


@dataclass
class Grid:
    name: str
    rows: list[list[str]]
    merges: list[MergedRange] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    hidden: bool = False
    values: dict[tuple[int, int], dt.date] = field(default_factory=dict)  # real date cells

    def cell(self, row: int, col: int) -> str:
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return ""

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def filled(self) -> Grid:
        """A copy in which every cell of a merged range carries its top-left value."""
        rows = [list(r) for r in self.rows]
        values = dict(self.values)
        for m in self.merges:
            value = self.cell(m.first_row, m.first_col)
            typed = self.values.get((m.first_row, m.first_col))
            for r in range(m.first_row, min(m.last_row, len(rows) - 1) + 1):
                for c in range(m.first_col, min(m.last_col, len(rows[r]) - 1) + 1):
                    rows[r][c] = value
                    if typed is not None:
                        values[(r, c)] = typed
        return Grid(self.name, rows, list(self.merges), set(self.hidden_rows),
                    set(self.hidden_cols), self.hidden, values)

    @staticmethod
    def column_letter(col: int) -> str:
        """0 → A, 25 → Z, 26 → AA."""
        letters = ""
        col += 1
        while col:
            col, rest = divmod(col - 1, 26)
            letters = chr(65 + rest) + letters
        return letters


@dataclass
class Workbook:
    path: Path
    format: str  # xlsx | xls | csv | ods
    sheets: list[Grid]
    encoding: str | None = None  # for csv
