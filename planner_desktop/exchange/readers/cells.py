"""What a cell becomes: the text a person sees, for every cell calamine gives.

Dates → ``YYYY-MM-DD`` (also kept typed in ``Grid.values``), date-times →
``YYYY-MM-DD HH:MM[:SS]``, whole numbers → ``2``, other numbers without float noise, booleans
→ ``TRUE``/``FALSE``, error cells → their error text. The grid is made rectangular and cut
at its last filled row here too, so every format's reader ends the same way.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Sequence

from planner_desktop.errors import FileReadError, Location
from planner_desktop.exchange.grid import Grid
from planner_desktop.i18n import tr


def cell_text(value: object) -> str:
    """The text a person sees for a value calamine returns (see the module docstring)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return _number_text(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M" if value.second == 0 else "%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M" if value.second == 0 else "%H:%M:%S")
    if isinstance(value, dt.timedelta):  # a duration such as [h]:mm
        seconds = round(value.total_seconds())
        sign, seconds = ("-" if seconds < 0 else ""), abs(seconds)
        return f"{sign}{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return str(value)


def _number_text(value: float) -> str:
    """``2.0`` → ``2``; ``0.1 + 0.2`` → ``0.3``; tiny and huge numbers keep their digits.

    A number typed into a cell has a short ``repr`` ("0.05"), returned as it is; only a long
    one (float noise from a formula, 0.30000000000000004) is rounded to 10 decimals.
    """
    if value.is_integer() and -1e15 < value < 1e15:
        return str(int(value))
    if not math.isfinite(value):
        return "#NUM!"
    if value.is_integer():
        return format(value, ".15g")  # 1e+20, as Excel shows 1E+20
    text = repr(value)
    if len(text) <= 12:
        return text
    if -1e-6 < value < 1e-6:
        return format(value, ".15g")  # round(…, 10) would turn 1e-12 into 0.0
    return repr(round(value, 10))


def grid_from_values(name: str, values: list[list], where: Location,
                      max_cell_chars: int) -> Grid:
    """Texts for every cell, rectangular, with dates kept typed in ``Grid.values``.

    This is the hot loop of every read (50,000 cells for a 5,000-row list), so it works by
    column, with the looping done by C-level builtins: short rows are padded with "" and the
    rows turned into columns; a column of texts only (most columns) is found by the
    longest-cell check (:func:`_longer_than`), which fails on the first number or date (the
    readers give texts, numbers, booleans, dates, times and durations, and only texts join)
    and is left as it is; a column holding more than texts is converted
    (:func:`_convert_column`) and its texts written back into the rows (a store per cell of
    the few such columns costs less than making every row again). ``values`` (fresh lists
    from the reader) become the grid's rows.
    """
    width = max(map(len, values), default=0)
    if min(map(len, values), default=0) < width:
        for row in values:
            if len(row) < width:
                row.extend([""] * (width - len(row)))
    dates: dict[tuple[int, int], dt.date] = {}
    columns: list[Sequence[str]] = []  # handed over to the grid (Grid.columns)
    for c, cells in enumerate(zip(*values, strict=True)):
        try:
            too_long = _longer_than(cells, max_cell_chars)
        except TypeError:  # a number, a date …: not only texts
            cells = _convert_column(cells, c, dates)
            for row, text in zip(values, cells, strict=True):
                row[c] = text
            too_long = _longer_than(cells, max_cell_chars)
        if too_long:
            _refuse_long_cell(values, where, max_cell_chars)
        columns.append(cells)
    grid = Grid(name, values, values=dates)
    grid.set_columns(columns)
    return grid


def _longer_than(texts: Sequence[str], limit: int) -> bool:
    """Whether one of ``texts`` is longer than ``limit`` (a TypeError if one is not a text).

    The texts are joined in chunks of a size whose texts, at their usual length, stay under
    the limit together: a chunk that does holds no text over it, and only a longer chunk is
    measured text by text. Joining is a copy in C, which costs a third of taking the length
    of every text."""
    step = max(1, limit // 256)
    chunks = [texts[start:start + step] for start in range(0, len(texts), step)]
    longer = map(limit.__lt__, map(len, map("".join, chunks)))
    return any(max(map(len, chunk)) > limit for chunk in itertools.compress(chunks, longer))


# Values of these types compare equal across types (True == 1 == 1.0), so a column holding
# any of them cannot share one text per distinct value.
_MIXING_TYPES = {bool, int}


def _convert_column(column: Sequence, c: int,
                    dates: dict[tuple[int, int], dt.date]) -> list[str]:
    """The texts of column ``c`` (see :func:`cell_text`); its dates are recorded in
    ``dates``.

    Issued lists put a title and a header above cells of one type (序号 numbers, dates): when
    the cells below the last of another type are all of one type, those are converted
    together and the few above them apart, each part by :func:`_texts_of`."""
    types = list(map(type, column))
    tail_kind = types[-1]
    count = types.count(tail_kind)
    first = len(column) - count  # where the cells of one type begin, if they are all below
    if first and types[first:].count(tail_kind) == count:
        parts = [(0, column[:first], set(types[:first])), (first, column[first:], {tail_kind})]
    else:
        parts = [(0, column, set(types))]
    texts: list[str] = []
    for start, values, kinds in parts:
        texts += _texts_of(values, kinds)
        _record_dates(values, kinds, start, c, dates)
    return texts


def _texts_of(values: Sequence, kinds: set[type]) -> list[str]:
    """The texts of ``values`` (of the types ``kinds``): whole numbers alone (序号) by
    builtins; otherwise each distinct value converted once, unless the values include some
    that equal values of another type (booleans, integers)."""
    if kinds == _FLOAT_ONLY and _whole_numbers(values):
        return list(map(_WHOLE_NUMBER_TEXT, values))
    if kinds & _MIXING_TYPES:
        return [v if type(v) is str else cell_text(v) for v in values]
    distinct = set(values)
    text_of: dict[object, str] = {}
    if float in kinds:
        numbers = [v for v in distinct if type(v) is float]
        if _whole_numbers(numbers):
            text_of = dict(zip(numbers, map(_WHOLE_NUMBER_TEXT, numbers), strict=True))
            distinct.difference_update(numbers)
    for value in distinct:
        kind = type(value)
        if kind is str:
            text_of[value] = value
        elif kind is float and value.is_integer() and -1e15 < value < 1e15:
            text_of[value] = str(int(value))
        elif kind is dt.date:
            text_of[value] = value.isoformat()
        else:
            text_of[value] = cell_text(value)
    return list(map(text_of.__getitem__, values))


def _record_dates(values: Sequence, kinds: set[type], start: int, c: int,
                  dates: dict[tuple[int, int], dt.date]) -> None:
    """Keep the dates and date-times among ``values`` (rows ``start`` on, column ``c``) as
    dates in ``dates``."""
    if kinds in (_DATE_ONLY, _DATETIME_ONLY):
        dates.update(zip(itertools.product(range(start, start + len(values)), (c,)),
                         values if kinds == _DATE_ONLY else map(dt.datetime.date, values),
                         strict=True))
    elif dt.date in kinds or dt.datetime in kinds:
        for r, value in enumerate(values, start):
            kind = type(value)
            if kind is dt.date:
                dates[(r, c)] = value
            elif kind is dt.datetime:
                dates[(r, c)] = value.date()


_FLOAT_ONLY = {float}
_DATE_ONLY, _DATETIME_ONLY = {dt.date}, {dt.datetime}
# The text of a whole number that _whole_numbers accepted: "%d" turns the float into its
# integer itself, in half the time of str(int(n)).
_WHOLE_NUMBER_TEXT = "%d".__mod__


def _whole_numbers(numbers: list[float]) -> bool:
    """Whether every number is whole and shown with all its digits (see :func:`_number_text`),
    so that its integer is its text; NaN and infinities are not whole."""
    return all(map(float.is_integer, numbers)) and min(numbers, default=0) > -1e15 \
        and max(numbers, default=0) < 1e15


def _refuse_long_cell(rows: list[list], where: Location, max_cell_chars: int) -> None:
    """Raise for the first cell (row by row) longer than ``max_cell_chars``: a 50 MB cell is a
    damaged file or not a task list. ``rows`` are the values as read: a cell that is not a
    text is measured by the text it becomes."""
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            text = value if type(value) is str else cell_text(value)
            if len(text) > max_cell_chars:
                raise FileReadError(
                    tr("单元格内容过长（{n} 个字符，上限 {limit}），文件可能已损坏或不是任务清单。"
                       "请检查这个单元格。").format(n=len(text), limit=max_cell_chars),
                    Location(where.file, where.sheet, r + 1, Grid.column_letter(c)))


def trim(grid: Grid) -> None:
    """Drop trailing empty rows (after the extras: an error cell may be the last value)."""
    rows = grid.rows
    before = len(rows)
    while rows and not any(rows[-1]):
        rows.pop()
    height = len(rows)
    if height != before:
        grid.rows_changed()
    grid.hidden_rows = {r for r in grid.hidden_rows if r < height}
    if not rows:
        grid.hidden_cols.clear()


def set_error(grid: Grid, row: int, col: int, text: str) -> None:
    """Show an error cell's text where calamine left the cell empty."""
    if 0 <= row < len(grid.rows) and 0 <= col < len(grid.rows[row]) and text:
        grid.rows[row][col] = text[:32]
        grid.errors.add((row, col))
        grid.rows_changed()


