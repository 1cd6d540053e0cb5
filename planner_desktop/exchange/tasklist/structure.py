"""The structure of a task list's rows, found for a whole sheet at once from its columns.

Row by row, a parser sees only one row's cells; but whether a row is a category or a task,
and whether a task goes on in the rows below it, is told by a column's pattern: a 序号 cell
holding ``（一）`` with only a title beside it is a category row (a CSV or an unmerged sheet
has no row merged across to say so), and the task cell of a task with several measures is
merged down, written once at the top (a merge exported to CSV), or repeated on every row (a
merge undone). These rules read the columns once per sheet, before the row loop, so what
they cost does not grow with the cells of the rows.
"""

from __future__ import annotations

import operator

from planner_desktop.domain.outline_codes import read_code

# Where a list's categories come from, as the clerk may choose when the rules guess wrong:
# every rule (auto), the column mapped to 类别 only (column), the category rows only — a
# category code beside a title alone, or one text across the row (rows) — or none at all,
# every row a task (none).
CATEGORY_STYLES = ("auto", "column", "rows", "none")


def category_rows_read(style: str) -> bool:
    """Whether rows may be categories under the clerk's ``style``."""
    return style in ("auto", "rows")


def category_column_read(style: str) -> bool:
    """Whether a column mapped to 类别 makes categories under the clerk's ``style``."""
    return style in ("auto", "column")


# The marker styles a 序号 cell of a category row is numbered in (一、 and （一）); tasks are
# numbered 1, 2 … and a cell of one of these styles standing alone never numbers a task.
CATEGORY_CODE_STYLES = frozenset({"cn", "cn_paren"})
# The fields that may hold a category row's title beside its code (the next column of the
# row, whichever field it was mapped to); any other filled cell makes the row a task's.
TITLE_FIELDS = ("category", "task", "measure")


def category_code_rows(start: int, fields: list[str],
                       columns: list[list[str]]) -> dict[int, tuple[str, str]]:
    """Row → (code, title) of the rows whose 序号 cell is a category code (``一、``, ``（一）``,
    ``一``) and whose only other filled mapped cell is a title field: the category rows of a
    list that writes the code in its own column and the title in the next one. Most lists
    number no category in 序号, which their distinct codes tell at once. ``columns`` are the
    fields' columns as written (merged cells not filled)."""
    if "code" not in fields:
        return {}
    codes = columns[fields.index("code")]
    if "".join(codes).isdecimal():  # the usual 序号 column: numbers only, told in one call
        return {}
    category_codes = {code for code in set(codes)
                      if code and not code.isdecimal() and is_category_code(code)}
    if not category_codes:
        return {}
    code_index = fields.index("code")
    title_indexes = [fields.index(name) for name in TITLE_FIELDS if name in fields]
    found: dict[int, tuple[str, str]] = {}
    for offset, code in enumerate(codes):
        if code not in category_codes:
            continue
        row = [column[offset] for column in columns]
        filled = [i for i, text in enumerate(row) if text and i != code_index]
        if len(filled) == 1 and filled[0] in title_indexes:
            found[start + offset] = (code, row[filled[0]])
    return found


def is_category_code(code: str) -> bool:
    found = read_code(code)
    return found is not None and found[0] in CATEGORY_CODE_STYLES


def joined_task_rows(start: int, tasks: list[str], codes: list[str],
                     measures: list[str]) -> set[int]:
    """The rows (0-based, from ``start``) of tasks whose measures run over several rows
    without a merge: a row with a measure whose task and 序号 cells are blank (the merged
    cell's text kept in its first row only, as a CSV export leaves it) or repeat the row
    above (a merge undone), and the row above it. Compared column against column in one
    pass, after a check in C that tells most lists (every task its own row) at once."""
    rest = tasks[1:]
    if "" not in rest and not any(map(operator.eq, rest, tasks)):
        return set()
    below = zip(range(start + 1, start + len(tasks)), tasks[1:], codes[1:], measures[1:],
                tasks, codes, strict=False)
    joined = {r for r, task, code, measure, task_above, code_above in below
              if measure and (task == task_above and code == code_above
                              or not task and not code)}
    return joined | {r - 1 for r in joined}
