"""Task lists as bureaus issue them: find the header, map the columns, build the item tree.

Real lists were never designed to be machine-read: title rows above the header, one- or
two-row headers with many names for one field, category rows (``一、…``) across the whole
row or a category column merged down, a task merged down over its measures, notes below.
The parser turns a read :class:`~planner_desktop.exchange.grid.Workbook` into an
:class:`ImportPreview` (a plan draft, the column mapping, a warning per row that could not be
read); nothing is written until the clerk commits the preview.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from planner_desktop.domain.model import MAX_TITLE_CHARS
from planner_desktop.domain.outline_codes import parse_code
from planner_desktop.errors import FileReadError, Location
from planner_desktop.exchange.grid import Workbook
from planner_desktop.exchange.tasklist.fields import FIELD_LABELS, field_for_header
from planner_desktop.exchange.tasklist.layout import (
    HEADER_SEARCH_ROWS,
    SheetLayout,
    column_labels,
    detect_layout,
    duplicate_column_warnings,
    prefer_fuller_duplicates,
)
from planner_desktop.exchange.tasklist.preview import ImportPreview
from planner_desktop.exchange.tasklist.rows import TaskListParser, split_code
from planner_desktop.exchange.tasklist.structure import CATEGORY_STYLES, category_column_read
from planner_desktop.exchange.tasklist.warning import ImportWarning
from planner_desktop.i18n import tr

__all__ = ["CATEGORY_STYLES", "FIELD_LABELS", "ImportPreview", "ImportWarning", "SheetLayout", "guess_title",
           "guess_year", "parse_task_list", "split_code"]


def guess_title(workbook: Workbook) -> str:
    """The list's title: the first title-like row above a header (××县…任务分解表)."""
    for grid in workbook.sheets:
        for row in grid.rows[:HEADER_SEARCH_ROWS]:
            texts = [t.strip() for t in row if t.strip()]
            if len(set(texts)) == 1 and 6 <= len(texts[0]) <= 60 and \
                    not texts[0].startswith(("附件", "印发")) and \
                    field_for_header(texts[0]) is None and not parse_code(texts[0], ("cn",)):
                return texts[0]
    return workbook.path.stem


def guess_year(workbook: Workbook, default: int) -> int:
    title = guess_title(workbook)
    match = re.search(r"(20\d{2})\s*年", title) or re.search(r"(20\d{2})", workbook.path.stem)
    return int(match.group(1)) if match else default


def parse_task_list(
    workbook: Workbook,
    *,
    year: int,
    title: str | None = None,
    sheets: Iterable[str] | None = None,
    mapping: dict[str, dict[int, str]] | None = None,
    known_units: frozenset[str] = frozenset(),
    category_styles: dict[str, str] | None = None,
) -> ImportPreview:
    """The preview of importing ``workbook``: raises nothing for bad rows, only warns.

    ``mapping`` (sheet → {column: field}) overrides the detected columns, as the clerk
    changes them in the import dialog, and ``category_styles`` (sheet → one of
    ``structure.CATEGORY_STYLES``) where the categories come from. ``known_units``
    (``Roster.known_keys``) are names a unit cell is not cut inside (``办公室 / 党建办`` is one
    roster unit, not two).
    """
    parser = TaskListParser(workbook.path.name, year, title, known_units)
    layouts: list[SheetLayout] = []
    headers: dict[str, dict[int, str]] = {}
    skipped: list[str] = []
    wanted = set(sheets) if sheets else None
    for grid in workbook.sheets:
        if (wanted is not None and grid.name not in wanted) or grid.hidden or not grid.rows:
            if grid.rows and not grid.hidden and wanted is None:
                skipped.append(grid.name)
            continue
        layout = detect_layout(grid)
        if mapping and grid.name in mapping:
            layout = layout or SheetLayout(grid.name, [0], {}, {})
            layout.columns = {c: f for c, f in mapping[grid.name].items() if f}
        elif layout is not None:
            prefer_fuller_duplicates(grid, layout)
        if layout is None:
            skipped.append(grid.name)
            continue
        layout.category_style = (category_styles or {}).get(grid.name, "auto")
        unread = {} if category_column_read(layout.category_style) else {
            c: f for c, f in layout.columns.items() if f == "category"}
        for column in unread:
            del layout.columns[column]
        layouts.append(layout)
        parser.warnings.extend(duplicate_column_warnings(grid, layout))
        headers[grid.name] = column_labels(grid, layout)
        parser.parse_sheet(grid, layout)
        layout.columns.update(unread)  # still the clerk's mapping, for another style
    if not layouts:
        raise FileReadError(
            tr("没有找到任务表的表头。表头应包含“序号”“重点任务/工作任务”“牵头单位/责任单位”"
               "“完成时限”等列名；请检查文件，或在导入对话框中手工指定各列。"),
            Location(file=workbook.path.name),
        )
    plan = parser.plan(guess_title(workbook))
    if len(plan.title) > MAX_TITLE_CHARS:
        parser.warn(layouts[0].sheet, None, None, tr(
            "计划标题有 {count} 个字，超过 {limit} 字，请改为简短的标题。").format(
                count=len(plan.title), limit=MAX_TITLE_CHARS))
    if not any(True for _ in plan.walk()):
        raise FileReadError(tr("表头下面没有任务行，没有可导入的内容。"),
                            Location(file=workbook.path.name, sheet=layouts[0].sheet))
    return ImportPreview(workbook.path.name, plan, layouts, parser.warnings, skipped, headers)
