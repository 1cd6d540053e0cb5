"""What the task-list parser reads of a sheet's cells: its mapped columns and the codes,
titles and source references of the items it makes of them."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

from planner_desktop.domain.model import ItemDraft
from planner_desktop.domain.outline_codes import parse_code
from planner_desktop.exchange.grid import Grid
from planner_desktop.exchange.tasklist.layout import SheetLayout

# The outline codes a task or measure cell may start with (``domain.outline_codes``): a
# category 一、, a sub-category （一）, a number 1. (一是 inside a cell is its text); a
# measure's cell may also be numbered （1）, the level below the task's 1.
CELL_CODE_STYLES = ("cn_paren", "cn", "arabic")
MEASURE_CODE_STYLES = (*CELL_CODE_STYLES, "ar_paren")
# The first characters those codes can start with (and digits).
CODE_STARTS = frozenset("一二三四五六七八九十（(")
# A 序号 cell: 1, 1.2, 1.0 (a number typed as text), with a dot or 、 after it.
ARABIC_CODE = re.compile(r"^\s*(\d+(?:\.\d+)*)\s*[、.．]?\s*$")


def source_refs(sheet: str, start: int, count: int) -> list[str]:
    """Where the clerk finds rows ``start`` … ``start + count - 1`` (0-based): ``Sheet!5``,
    with the row Excel shows."""
    return [f"{sheet}!{row}" for row in range(start + 1, start + count + 1)]


def fold_measure(task: ItemDraft, text: str) -> None:
    """A task's only measure becomes part of the task's item: its text, after the task's own
    text unless that is just the title."""
    task.text = text if task.title == task.text else f"{task.text}\n{text}"


def clean_code(text: str) -> str:
    """``1.0`` → ``1`` (a number cell), ``（一）`` kept as written."""
    text = text.strip()
    if text.isdecimal():  # the usual 序号 (what \d matches is what isdecimal accepts)
        return text
    match = ARABIC_CODE.match(text)
    if match:
        number = match.group(1)
        return number[:-2] if number.endswith(".0") else number
    return text


def code_splits(texts: list[str], split=None) -> dict[str, tuple[str, str]]:
    """:func:`split_code` of each distinct text of a column (stripped texts) that may begin
    with an outline code, which its first character tells; any other text has no code and
    is its own body (the caller's default). Found for a whole column at once: most columns
    have no code at all, and the rest repeat a few. ``split`` is :func:`split_code` unless
    given (:func:`split_measure_code` for measures)."""
    split = split or split_code
    return {text: split(text) for text in set(texts)
            if text[:1] in CODE_STARTS or text[:1].isdecimal()}


def split_code(text: str) -> tuple[str, str]:
    """``一、加强党建`` → (``一、``, ``加强党建``); text without a code → ("", text).

    Most task and measure texts start with no code at all, which their first character
    tells; those are answered at once (a cache of thousands of distinct texts costs more than
    it saves), the others are matched against the code patterns (cached)."""
    first = text.lstrip()[:1]
    if first not in CODE_STARTS and not first.isdecimal():
        return "", text.strip()
    return _split_code_by_pattern(text)


def split_measure_code(text: str) -> tuple[str, str]:
    """:func:`split_code` of a measure's cell, which may also begin ``（1）``."""
    first = text.lstrip()[:1]
    if first not in CODE_STARTS and not first.isdecimal():
        return "", text.strip()
    return _split_code_by_pattern(text, MEASURE_CODE_STYLES)


@functools.lru_cache(maxsize=4096)
def _split_code_by_pattern(text: str, styles: tuple[str, ...] = CELL_CODE_STYLES
                           ) -> tuple[str, str]:
    code = parse_code(text, styles)
    if code is None:
        return "", text.strip()
    return text[:code.end].strip(), text[code.end:].strip()


def item_title(text: str, limit: int = 40) -> str:
    """The short title of an item: its first sentence when the text is long."""
    if len(text) <= limit:
        return text
    first = re.split(r"(?<=[。；;])", text, maxsplit=1)[0].rstrip("。；;")
    return first if 0 < len(first) <= 80 else text[:limit] + "…"


def field_columns(grid: Grid, layout: SheetLayout) -> tuple[list[str], list[list[str]],
                                                              list[list[str]]]:
    """The mapped fields of a sheet (in the order of its columns) with, for each, the stripped
    texts of its column below the header as written and with merged cells filled (as
    :meth:`Grid.filled` fills them); "" beyond a short row. A field mapped to two columns
    reads the later one."""
    column_of: dict[str, int] = {}
    for column, name in layout.columns.items():
        column_of[name] = column
    fields = list(column_of)
    start = layout.data_start
    raw = [list(map(str.strip, column_below(grid, column_of[name], start))) for name in fields]
    filled = list(raw)  # a column is copied when a merged range first reaches it
    if grid.merges:
        shortest = min(map(len, grid.rows[start:]), default=0)
        copied: set[int] = set()
        positions: dict[int, list[int]] = {}  # column → the fields reading it
        for index, name in enumerate(fields):
            positions.setdefault(column_of[name], []).append(index)
        last_row = len(grid.rows) - 1
        for first_row, first_col, merge_last_row, last_col in grid.merges:
            low, high = max(first_row, start), min(merge_last_row, last_row)
            if low > high:
                continue
            # Most merges are one column down several rows (a category, a task, a unit).
            reached = ((first_col,) if first_col in positions else ()) \
                if first_col == last_col else [c for c in positions if first_col <= c <= last_col]
            if not reached:
                continue
            value = grid.cell(first_row, first_col).strip()
            for c in reached:
                for index in positions[c]:
                    if index not in copied:
                        filled[index] = list(raw[index])
                        copied.add(index)
                    texts = filled[index]
                    if c < shortest:
                        texts[low - start:high - start + 1] = [value] * (high - low + 1)
                        continue
                    for r in range(low, high + 1):
                        if c < len(grid.rows[r]):
                            texts[r - start] = value
    return fields, raw, filled


def column_below(grid: Grid, c: int, start: int) -> Sequence[str]:
    """Column ``c``'s texts from row ``start`` down, "" beyond a short row: from the grid's
    columns (faster than picking one cell out of each of thousands of rows), unless a row
    does not reach the column (only in a grid not made by a reader, which pads its rows)."""
    columns = grid.columns()
    if 0 <= c < len(columns):
        return columns[c][start:]
    return [row[c] if 0 <= c < len(row) else "" for row in grid.rows[start:]]


def rows_of(columns: list[list[str]], height: int):
    """The columns' texts row by row (as tuples); empty tuples when no column is mapped."""
    return zip(*columns, strict=True) if columns else itertools.repeat((), height)


