"""Where a task list's header is and which column holds which field.

The header is searched for in the first rows (a title and notes may sit above it); a pair of
rows is taken together when the lower one names fields under a spanning cell (``责任单位``
over ``牵头单位 | 配合单位``). A field named over two columns is fed by the fuller one, and
the other is warned about, so a leftover copy of a column never hides the one filled in.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from planner_desktop.exchange.grid import Grid
from planner_desktop.exchange.tasklist.fields import FIELD_LABELS, field_for_header, shared_field
from planner_desktop.exchange.tasklist.warning import ImportWarning
from planner_desktop.i18n import tr

HEADER_SEARCH_ROWS = 15


@dataclass
class SheetLayout:
    """Where a sheet's header is and which column holds which field."""

    sheet: str
    header_rows: list[int]  # 0-based
    columns: dict[int, str]  # column index → field
    headers: dict[int, str]  # column index → header text as written
    # Every column whose header names a field, duplicates included (two 重点任务 columns):
    # ``columns`` can feed a field from one column only, so the others are told apart here.
    header_fields: dict[int, str] = field(default_factory=dict)
    # Where the categories come from (structure.CATEGORY_STYLES): found by the parser's rules,
    # or as the clerk chose for this layout.
    category_style: str = "auto"

    @property
    def data_start(self) -> int:
        return max(self.header_rows) + 1

    @property
    def duplicates(self) -> dict[str, list[int]]:
        """Field → the columns (in order) whose headers all name it, for fields named twice."""
        by_field: dict[str, list[int]] = {}
        for column, name in sorted(self.header_fields.items()):
            by_field.setdefault(name, []).append(column)
        return {name: cols for name, cols in by_field.items() if len(cols) > 1}

    def column_of(self, field_name: str) -> int | None:
        return next((c for c, f in self.columns.items() if f == field_name), None)

    def field_columns(self) -> dict[str, int]:
        """Field → its column, for looking up once per sheet rather than once per row. A
        field mapped to two columns (possible only in a mapping given to parse_task_list)
        has the later one, the column its texts are read from (``cells.field_columns``), so that
        its merged cells, dates and warnings are those of the same column."""
        return {name: column for column, name in self.columns.items()}


def detect_layout(grid: Grid) -> SheetLayout | None:
    """The best header row (or pair of rows) in the first rows of a sheet; None if none fits."""
    best: SheetLayout | None = None
    best_score = 0
    for r in range(min(HEADER_SEARCH_ROWS, len(grid.rows))):
        layout = layout_from_rows(grid, [r])
        if r + 1 < len(grid.rows):
            layout = merge_second_header_row(grid, layout, r + 1)
        score = score_layout(layout)
        if score > best_score:
            best, best_score = layout, score
    return best if best_score >= 3 else None


def layout_from_rows(grid: Grid, rows: list[int]) -> SheetLayout:
    """The fields a header row names; a field named twice is mapped to its first column here
    (``prefer_fuller_duplicates`` may choose another once the header is settled)."""
    columns: dict[int, str] = {}
    headers: dict[int, str] = {}
    named: dict[int, str] = {}
    row = rows[0]
    shared: list[int] = []
    for c, text in enumerate(grid.rows[row]):
        if c in grid.hidden_cols:
            continue
        found = field_for_header(text)
        if not found:
            if text and shared_field(text, set()):
                shared.append(c)
            continue
        named[c] = found
        if found not in columns.values():
            columns[c] = found
            headers[c] = text.strip()
    for c in shared:  # 项目: the categories beside a task column, else the tasks
        found = shared_field(grid.rows[row][c], set(columns.values()))
        if found and found not in columns.values():
            named[c] = columns[c] = found
            headers[c] = grid.rows[row][c].strip()
    if shared:
        columns = dict(sorted(columns.items()))
    return SheetLayout(grid.name, rows, columns, headers, named)


def merge_second_header_row(grid: Grid, layout: SheetLayout, below: int) -> SheetLayout:
    """Two-row headers: ``责任单位`` spanning ``牵头单位 | 配合单位`` in the row below."""
    lower = grid.rows[below]
    lower_fields = {c: field_for_header(t) for c, t in enumerate(lower)
                    if c not in grid.hidden_cols and t.strip()}
    if not any(lower_fields.values()) or sum(1 for f in lower_fields.values() if f) < 2:
        return layout
    if any(not f for f in lower_fields.values()):
        return layout  # a data row, not a header row
    columns = dict(layout.columns)
    headers = dict(layout.headers)
    for c, found in lower_fields.items():
        if found and found not in [f for k, f in columns.items() if k != c]:
            columns[c] = found
            headers[c] = lower[c].strip()
    named = {**layout.header_fields, **{c: f for c, f in lower_fields.items() if f}}
    return SheetLayout(layout.sheet, [layout.header_rows[0], below], columns, headers, named)


def score_layout(layout: SheetLayout) -> int:
    fields = set(layout.columns.values())
    if not fields & {"task", "measure"}:
        return 0
    return len(fields) + 2 * bool(fields & {"lead", "units"}) + bool("deadline" in fields)


def prefer_fuller_duplicates(grid: Grid, layout: SheetLayout) -> None:
    """A field whose header is written over two columns is fed by the one with more filled
    cells below the header (the first of equals): a leftover empty copy of a column, or one
    left over from an older list, must not hide the column the clerk filled in."""
    for name, candidates in layout.duplicates.items():
        current = layout.column_of(name)
        if current is None:
            continue
        counts = [_filled_cells(grid, c, layout.data_start) for c in candidates]
        best = candidates[counts.index(max(counts))]
        if best == current:
            continue
        del layout.columns[current], layout.headers[current]
        layout.columns[best] = name
        layout.headers[best] = _header_cell(grid, layout, best)[1]
        layout.columns = dict(sorted(layout.columns.items()))


def duplicate_column_warnings(grid: Grid, layout: SheetLayout) -> list[ImportWarning]:
    """A warning for each column with content that is not imported because another column
    with the same header feeds its field, naming both columns and how to choose the other."""
    warnings = []
    for name, candidates in layout.duplicates.items():
        used = next((c for c in candidates if c in layout.columns), None)
        if used is None:  # the clerk mapped none of them
            continue
        for other in candidates:
            if other in layout.columns or not _filled_cells(grid, other, layout.data_start):
                continue
            row, header = _header_cell(grid, layout, other)
            message = tr(
                "工作表“{sheet}”第 {row} 行表头中，{used} 列“{used_header}”和 {other} 列“{header}”"
                "都是“{field}”，只能导入其中一列：已导入 {used} 列，{other} 列的内容没有导入。"
                "如需改用 {other} 列，请在导入对话框的“列映射”中把 {other} 列设为“{field}”，"
                "或在表格中改掉不用的那一列的表头。"
            ).format(sheet=grid.name, row=row + 1, used=Grid.column_letter(used),
                     used_header=_header_cell(grid, layout, used)[1],
                     other=Grid.column_letter(other), header=header,
                     field=tr(FIELD_LABELS.get(name, name)))
            warnings.append(ImportWarning(grid.name, row + 1, Grid.column_letter(other),
                                          message))
    return warnings


def _filled_cells(grid: Grid, column: int, start: int) -> int:
    return sum(1 for r in range(start, grid.height) if grid.cell(r, column).strip())


def _header_cell(grid: Grid, layout: SheetLayout, column: int) -> tuple[int, str]:
    """(row, text) of the header cell that names ``column``'s field: the lowest header row's
    cell that names one (the lower row of a two-row header), else the first row's."""
    for row in reversed(layout.header_rows):
        text = grid.cell(row, column).strip()
        if text and field_for_header(text):
            return row, text
    return layout.header_rows[0], grid.cell(layout.header_rows[0], column).strip()


def resolve_unit_columns(layout: SheetLayout) -> None:
    """``责任单位`` is the lead column when there is no lead column, else the support column."""
    units = layout.column_of("units")
    if units is None:
        return
    if layout.column_of("lead") is None:
        layout.columns[units] = "lead_only"  # one units column: first leads, rest support
    elif layout.column_of("support") is None:
        layout.columns[units] = "support"


def column_labels(grid: Grid, layout: SheetLayout) -> dict[int, str]:
    """Every column's header as written (both rows of a two-row header), for the mapping view."""
    width = max(map(len, grid.rows), default=0)
    labels = {}
    for column in range(width):
        parts = [grid.cell(r, column).strip() for r in layout.header_rows]
        labels[column] = " / ".join(dict.fromkeys(p for p in parts if p))
    return labels




def header_signature(labels: dict[int, str]) -> str:
    """A short name of a layout for remembering the clerk's column mapping: every column's
    header as written (``column_labels``), in order. Next year's list from the same bureau
    has the same header and other rows, so a choice made once (which column is the category)
    holds for it; a list with another header gets its own detection."""
    joined = "\x1f".join(f"{column}={label}" for column, label in sorted(labels.items()))
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]
