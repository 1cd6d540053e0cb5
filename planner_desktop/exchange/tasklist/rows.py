"""The rows of a task list's sheets made into items: categories, tasks and their measures.

A row below the header is blank, a note (``注：…``), the header repeated on a printed page, a
category row (``一、…`` across the row, or ``（一）`` in 序号 beside its title), or a task or
measure row. A category's level is its code style's place among those the list uses (一、
above （一）; （一） alone is the top level). A category column, where a list has one, starts a
new category whenever its code or title changes. Rows of one task share its merged task
cell, repeat its text and code, or leave them blank below its first row (structure.py); a
task with one measure is one item (the task's title with the measure's content), a task
with several has them as children, with the codes written in them or numbered （1）, （2）…
Codes are kept as written, never renumbered.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

from planner_desktop.domain.deadlines import Deadline, DeadlineKind, parse_deadline
from planner_desktop.domain.model import MAX_ITEM_CHARS, ItemDraft, PlanDraft
from planner_desktop.domain.outline_codes import parse_code, read_code
from planner_desktop.domain.targets import targets_of_each
from planner_desktop.domain.units import (
    MAX_UNIT_NAME_CHARS,
    UnitMention,
    assign_roles,
    overlong_unit_names,
)
from planner_desktop.exchange.grid import Grid, MergedRange
from planner_desktop.exchange.tasklist.cells import (
    clean_code,
    code_splits,
    column_below,
    field_columns,
    fold_measure,
    item_title,
    rows_of,
    source_refs,
    split_code,
    split_measure_code,
)
from planner_desktop.exchange.tasklist.fields import UNIT_FIELDS, field_for_header
from planner_desktop.exchange.tasklist.layout import SheetLayout, resolve_unit_columns
from planner_desktop.exchange.tasklist.preview import UNREAD_DEADLINES
from planner_desktop.exchange.tasklist.structure import (
    category_code_rows,
    category_rows_read,
    joined_task_rows,
)
from planner_desktop.exchange.tasklist.warning import ImportWarning
from planner_desktop.i18n import tr

NOTE_ROW = re.compile(r"^\s*(注|说明|备注|填表说明|附注)\s*[：:0-9１-９]")
_TEXT = operator.attrgetter("text")


@dataclass
class _RowCells:
    number: int  # 0-based row index
    cells: dict[str, str]
    raw: dict[str, str]  # before merged cells were filled


class TaskListParser:
    """Builds the item tree of one workbook, sheet after sheet, collecting warnings.

    Lists run to thousands of rows, and reading and parsing 5,000 must stay within twice a
    plain calamine read (``bench/import_tasklist.py``; the reader alone takes three halves
    of it), so the row loop is kept lean: the mapped cells are stripped column by column
    and read row by row from those columns; deadlines, unit cells and codes are worked out
    once per distinct value before the rows (a list repeats a few hundred of each); a row
    with two different texts (a data row) skips the checks only rows of one text need;
    the usual row (a task of its own with its one measure, nothing to warn about) is made
    into its item in the loop; targets are looked for once per item, in its final text.
    """

    def __init__(self, file_name: str, year: int, title: str | None = None,
                 known_units: frozenset[str] = frozenset()) -> None:
        self.file_name = file_name
        self.year = year
        self.title = title
        self.known_units = known_units
        self.warnings: list[ImportWarning] = []
        self.top: list[ItemDraft] = []
        # The open categories, the top level's first (a category, its sub-category …), and
        # the marker styles of category codes in the order the list first used them: a
        # style's place in it is its level (see category_level).
        self.categories: list[ItemDraft] = []
        self.category_styles: list[str] = []
        self.current_category: ItemDraft | None = None  # categories[0], asked on every row
        # Where a new task goes: the children of the innermost open category, or the top
        # level (set with them, in start_category).
        self.siblings: list[ItemDraft] = self.top
        self.task: ItemDraft | None = None
        self.task_key: tuple | None = None
        # The open task's first measure, until a second one comes: (text, source, deadline,
        # units). A task that ends with one measure becomes one item (see close_task).
        self.first_measure: tuple | None = None
        # Items made from task and measure cells: their targets are found in plan().
        self.made: list[ItemDraft] = []
        # The sheet being parsed, set by parse_sheet: field → column
        # (``SheetLayout.field_columns``), field → its texts below the header (merged cells
        # filled), the row those start at, and row → merged range of the task cell.
        self.grid: Grid | None = None
        self.columns: dict[str, int] = {}
        self.texts: dict[str, list[str]] = {}
        self.blank: list[str] = []
        self.start = 0
        self.task_merges: dict[int, MergedRange] = {}
        # Of the sheet's rows (structure.py): the category rows numbered in 序号 (row →
        # code and title), and the rows of tasks whose measures run on without a merge.
        self.category_rows: dict[int, tuple[str, str]] = {}
        self.rows_are_categories = True  # the clerk's category style lets rows be categories
        self.joined: set[int] = set()
        # What add_row asks on every row, looked up once per sheet: whether tasks have
        # measures (and a task column), the deadline column, and the column a missing unit
        # is reported in (None: no unit column).
        self.has_measures = self.has_tasks = False
        self.deadline_column: int | None = None
        self.unit_column: int | None = None

    def warn(self, sheet: str, row: int | None, column: int | None, message: str) -> None:
        letter = Grid.column_letter(column) if column is not None else None
        self.warnings.append(ImportWarning(sheet, None if row is None else row + 1, letter,
                                           message))

    def start_sheet(self, grid: Grid, layout: SheetLayout):
        """What parse_sheet's row loop reads, found for the whole sheet before it: the
        mapped fields, their columns' texts as written and with merged cells filled, and
        each row's values (see the loop)."""
        resolve_unit_columns(layout)
        self.close_task()
        self.grid, self.columns = grid, layout.field_columns()
        start = self.start = layout.data_start
        self.has_measures, self.has_tasks = "measure" in self.columns, "task" in self.columns
        self.deadline_column = self.columns.get("deadline")
        lead_column = self.columns.get("lead")
        self.unit_column = lead_column if lead_column is not None else \
            self.columns.get("lead_only")
        for c in grid.hidden_cols:
            if any(column_below(grid, c, start)):
                self.warn(grid.name, None, c, tr("隐藏列中有内容，未导入；如需导入请在映射中指定。"))
        task_column = self.columns.get("task")
        self.task_merges = grid.column_merges(task_column) if task_column is not None else {}
        fields, raw_columns, filled_columns = field_columns(grid, layout)
        self.warn_long_cells(grid, layout, fields, raw_columns)
        texts = self.texts = dict(zip(fields, filled_columns, strict=True))
        height = max(len(grid.rows) - start, 0)
        self.blank, nothing = [""] * height, [None] * height
        column = self.column
        # The unit cells as add_row takes them: the lead column (or the only units
        # column), the support column (none beside a single units column), the schools.
        leads = column("lead") if "lead_only" not in texts else \
            [a or b for a, b in zip(column("lead"), texts["lead_only"], strict=True)]
        supports = texts["support"] if "support" in texts and "lead_only" not in texts \
            else nothing
        schools = [s or None for s in texts["schools"]] if "schools" in texts else nothing
        raw_tasks = raw_columns[fields.index("task")] if "task" in texts else self.blank
        raw_codes = raw_columns[fields.index("code")] if "code" in texts else self.blank
        self.rows_are_categories = category_rows_read(layout.category_style)
        self.category_rows = category_code_rows(start, fields, raw_columns) \
            if self.rows_are_categories else {}
        self.joined = joined_task_rows(start, raw_tasks, raw_codes, column("measure")) \
            if self.has_measures and self.has_tasks else set()
        # What add_row needs of each row, found once per distinct cell value: a list repeats a
        # few hundred deadlines and unit cells over thousands of rows.
        deadlines = nothing if self.deadline_column is None else \
            self.row_deadlines(grid, start, column("deadline"))
        rows = zip(range(start, start + height), rows_of(raw_columns, height), column("code"),
                   column("category"), column("task"), column("measure"), raw_tasks,
                   column("deadline"), deadlines, self.row_mentions(leads, supports, schools),
                   source_refs(grid.name, start, height), strict=True)
        return fields, raw_columns, texts, rows

    def column(self, name: str) -> list[str]:
        """A mapped field's texts below the header (merged cells filled); blank if unmapped."""
        return self.texts.get(name, self.blank)

    def parse_sheet(self, grid: Grid, layout: SheetLayout) -> None:
        """Every row below the sheet's header, in order, into the item tree."""
        fields, raw_columns, texts, rows = self.start_sheet(grid, layout)
        start, sheet = self.start, grid.name
        column = self.column
        has_category = "category" in texts
        is_header, add_row, make_item = field_for_header, self.add_row, self.make_item
        whole_task_rows = self.has_measures and self.has_tasks
        unit_column, category_rows = self.unit_column, self.category_rows
        # The rows of tasks that run over several rows (merged, or joined without a merge):
        # none of them is a task of its own with its one measure.
        shared_task_rows = self.joined.union(self.task_merges)
        task_splits = code_splits(column("task"))
        measure_splits = code_splits(column("measure"), split_measure_code)
        category_text, category = None, None  # the last category cell that changed nothing
        # Two of a row's mapped cells filled with different texts (the task and the measure,
        # where both are mapped) make it a data row without building the set of its texts.
        probe = len(fields) >= 2
        first, second = (fields.index("task"), fields.index("measure")) \
            if "task" in fields and "measure" in fields else (0, 1)
        for r, raw_values, code, group, task, measure, raw_task, deadline_text, deadline, \
                mentioned, source in rows:
            if not (probe and raw_values[first] and raw_values[second]
                    and raw_values[first] != raw_values[second]):
                distinct = set(raw_values)
                distinct.discard("")
                if len(distinct) < 2:
                    # Only a row of one text (in the mapped cells) can be blank, a note or a
                    # category row: parse_row looks at all of its cells.
                    cells = tuple(texts[name][r - start] for name in fields)
                    raw = dict(zip(fields, raw_values, strict=True))
                    category_text = None
                    if self.parse_row(grid, _RowCells(
                            r, raw if cells == raw_values else dict(zip(fields, cells, strict=True)),
                            raw)):
                        add_row(r, code, task, measure, raw_task, deadline_text, deadline,
                                mentioned, source)
                    continue
            if category_rows and r in category_rows:  # 序号 （一） beside its title
                self.start_category("", sheet, r, category_rows[r])
                category_text = None
                continue
            # A header repeated on each printed page: every filled cell is a header name.
            # The loop stops at the first cell that is not, usually the first of a data row;
            # a number there (the 序号 of most lists) is not a name, which it tells at once.
            if not raw_values[0].isdecimal():
                for value in raw_values:
                    if value and not is_header(value):
                        break
                else:
                    continue  # two or more filled cells (the row has two texts), all names
            # A category column: the row follows its category (the same text under the same
            # category as the row before changes nothing).
            if has_category and group and (group != category_text
                                           or self.current_category is not category):
                title = self.follow_category_column(group, sheet, r)
                category = self.current_category
                category_text = group if category is not None and category.title == title \
                    else None
            # The usual row of a list with tasks and measures: a task of its own with its one
            # measure, and nothing to warn about. No later row can add a measure to it (only
            # rows of its merged task cell could), so its item is finished here, as add_row
            # and close_task would finish it, without the open-task bookkeeping.
            if whole_task_rows and raw_task and task and measure and r not in shared_task_rows \
                    and (deadline is None or deadline.kind not in UNREAD_DEADLINES) \
                    and (mentioned or unit_column is None):
                if self.task is not None:
                    self.close_task()
                item = make_item(code, task_splits.get(task) or ("", task), source, deadline,
                                 mentioned)
                fold_measure(item, measure_splits[measure][1] if measure in measure_splits
                             else measure)
                self.siblings.append(item)
                continue
            add_row(r, code, task, measure, raw_task, deadline_text, deadline, mentioned,
                    source)

    def warn_long_cells(self, grid: Grid, layout: SheetLayout, fields: list[str],
                        raw_columns: list[list[str]]) -> None:
        """A warning for each mapped cell longer than any sane one (a unit cell naming a
        "unit" of more than MAX_UNIT_NAME_CHARS, which is not made a unit; any other cell
        over MAX_ITEM_CHARS), naming the cell. A column whose longest text is within its
        limit, the usual case, is passed over in one pass in C."""
        column_of = layout.field_columns()
        for name, texts in zip(fields, raw_columns, strict=True):
            limit = MAX_UNIT_NAME_CHARS if name in UNIT_FIELDS else MAX_ITEM_CHARS
            if max(map(len, texts), default=0) <= limit:
                continue
            for offset, text in enumerate(texts):
                if len(text) > limit:
                    self.warn_long_cell(grid.name, layout.data_start + offset, column_of[name],
                                        name, text)

    def warn_long_cell(self, sheet: str, row: int, column: int, name: str, text: str) -> None:
        if name not in UNIT_FIELDS:
            self.warn(sheet, row, column, tr(
                "这一格有 {count} 个字（“{start}…”），超过 {limit} 字，不像是一项任务的内容；"
                "已照原样导入，请核对是否把多项内容或别的文字粘贴进了这一格。").format(
                    count=len(text), start=text[:20], limit=MAX_ITEM_CHARS))
            return
        for long_name in overlong_unit_names(text, self.known_units):
            self.warn(sheet, row, column, tr(
                "单位名称“{start}…”有 {count} 个字，超过 {limit} 字，不像是单位名称，"
                "没有作为单位导入；请核对这一格，只填写单位名称。").format(
                    start=long_name[:20], count=len(long_name), limit=MAX_UNIT_NAME_CHARS))

    def row_deadlines(self, grid: Grid, start: int, texts: list[str]) -> list[Deadline]:
        """The deadline of every row from ``start`` on: its date cell (kept typed by the
        reader), else its text; each distinct value parsed once (a list repeats a few
        hundred over thousands of rows)."""
        column = self.deadline_column
        values = [grid.values.get((row, column), text) for row, text in enumerate(texts, start)]
        parsed = {value: parse_deadline(value, self.year) for value in set(values)}
        return [parsed[value] for value in values]

    def row_mentions(self, leads: list[str], supports: list[str | None],
                     schools: list[str | None]) -> list[tuple[UnitMention, ...]]:
        """The units named by every row's lead, support and schools cells, found once per
        distinct combination of the three."""
        cells = list(zip(leads, supports, schools, strict=True))
        found = {three: tuple(assign_roles(*three, self.known_units)) for three in set(cells)}
        return [found[three] for three in cells]

    def parse_row(self, grid: Grid, row: _RowCells) -> bool:
        """A row of one text: blank, a note, a repeated header or a category row are taken
        here; True for a task row, which follows its category cell (if any) and is left to
        add_row."""
        texts = [t for t in grid.rows[row.number] if t.strip()]
        if not texts:
            return False
        first = texts[0].strip()
        if NOTE_ROW.match(first) and len(set(texts)) == 1:
            return False
        if self.is_repeated_header(row):
            return False
        category = self.category_text(grid, row, texts)
        if category is not None and self.rows_are_categories:
            self.start_category(category, grid.name, row.number)
            return False
        if category is not None:  # the clerk said rows are no categories: a task of its own
            self.close_task()
            self.siblings.append(self.make_item("", split_code(category),
                                                f"{grid.name}!{row.number + 1}"))
            return False
        if "category" in self.columns and row.cells.get("category"):
            self.follow_category_column(row.cells["category"], grid.name, row.number)
        return True

    @staticmethod
    def is_repeated_header(row: _RowCells) -> bool:
        """Every filled cell is a header name (a header repeated on each printed page).
        ``all`` stops at the first cell that is not, usually the first one of a data row."""
        values = [v for v in row.raw.values() if v]
        return len(values) >= 2 and all(field_for_header(v) for v in values)

    @staticmethod
    def category_text(grid: Grid, row: _RowCells, texts: list[str]) -> str | None:
        """A category row: one text across the row (merged or alone) that starts 一、 or （一）."""
        text = texts[0].strip()
        for other in texts:  # a loop, not a set of every cell: data rows differ at once
            if other.strip() != text:
                return None
        merged_across = any(m.first_row == row.number and m.last_col > m.first_col
                            for m in grid.merges)
        has_code = parse_code(text, ("cn", "cn_paren")) is not None
        if has_code or (merged_across and not row.raw.get("lead") and len(texts) == 1):
            return text
        return None

    def category_level(self, code: str) -> int:
        """The level of a category row numbered ``code``: the place of its marker style among
        those the list's category rows have used so far (一、 then （一）, or （一） alone at the
        top), so a list whose categories are all （一） keeps them side by side, and one with
        一、 above （一） nests them; a code-less title is a top-level category."""
        found = read_code(code) if code else None
        if found is None:
            return 1
        if found[0] not in self.category_styles:
            self.category_styles.append(found[0])
        return min(self.category_styles.index(found[0]) + 1, len(self.categories) + 1)

    def start_category(self, text: str, sheet: str, row: int,
                       split: tuple[str, str] | None = None, level: int | None = None) -> None:
        """A category item from ``text`` (``split`` by split_code, if the caller has it) at
        ``level`` (from its code's style if not given), closing the open categories at and
        below that level."""
        code, title = split or split_code(text)
        item = ItemDraft(code, title, title, None, (), (), [], f"{sheet}!{row + 1}")
        if level is None:
            level = self.category_level(code)
        del self.categories[level - 1:]
        (self.categories[-1].children if self.categories else self.top).append(item)
        self.categories.append(item)
        self.current_category = self.categories[0]
        self.siblings = item.children
        self.close_task()

    def follow_category_column(self, text: str, sheet: str, row: int) -> str:
        """A row's category cell: a new top-level category when its code and title are not
        the open one's (the same text repeated on every row, or merged down, is one
        category). Returns the cell's title."""
        split = split_code(text)
        current = self.current_category
        if current is None or current.title != split[1] or current.code != split[0]:
            self.start_category(text, sheet, row, split, level=1)
        return split[1]

    def add_row(self, r: int, code_text: str, task_text: str, measure_text: str,
                raw_task: str | None, deadline_text: str, deadline: Deadline | None,
                mentions: tuple[UnitMention, ...], source: str) -> None:
        """A task or measure row of the sheet (row ``r``, ``source`` as the clerk finds it)
        from its cells (merged cells filled and stripped; ``raw_task`` as written) and what
        parse_sheet found in them: the deadline (None when the sheet has no deadline column)
        and the units, warned about here when they could not be read.

        The usual row (a task of its own with one measure) is finished in parse_sheet's
        loop; this takes every other row that may hold a task or a measure."""
        if not task_text and not measure_text:
            if any(self.texts[f][r - self.start] for f in ("lead", "lead_only", "support",
                                                           "deadline") if f in self.texts):
                self.warn(self.grid.name, r, self.columns.get("task"),
                          tr("这一行有责任单位或时限，但任务内容为空，未导入。"))
            return
        if deadline is not None and deadline.kind in UNREAD_DEADLINES:
            self.warn_deadline(r, deadline, deadline_text)
        if not mentions and self.unit_column is not None:
            self.warn(self.grid.name, r, self.unit_column, tr("没有填写责任单位。"))
        units = mentions
        if not self.has_measures:
            self.siblings.append(self.make_item(code_text, split_code(task_text), source,
                                                deadline, units))
            return
        # Rows of one task share its merged task cell, repeat its text and code, or leave
        # both blank below its first row (see structure.joined_task_rows).
        merge = self.task_merges.get(r)
        key = () if not self.has_tasks else ("merge", merge.first_row, merge.first_col) \
            if merge is not None else ("text", task_text, code_text) \
            if raw_task or code_text or r not in self.joined else self.task_key
        task = self.task
        if task is None or key != self.task_key:
            if task is not None:
                self.close_task()
            task = self.task = self.make_item(code_text, split_code(task_text or measure_text),
                                              source)
            self.siblings.append(task)
            self.task_key = key
        if not measure_text:  # the task's own row: its deadline (if the sheet has them), units
            if self.deadline_column is not None:
                task.deadline = deadline
            task.units = units
        elif self.first_measure is None and not task.children:
            self.first_measure = (split_measure_code(measure_text), source, deadline, units)
        else:
            self.add_measure(measure_text, source, deadline, units)

    def add_measure(self, text: str, source: str, deadline: Deadline | None,
                    units: tuple[UnitMention, ...]) -> None:
        """A second or later measure of the open task (the first is kept aside, see
        close_task): the first and this one become child items, with the codes their texts
        begin with (``1.``, ``（一）``), else numbered （1）, （2）… (a code written is never
        renumbered)."""
        task = self.task
        assert task is not None
        if self.first_measure is not None:
            (first_code, first_text), first_source, first_deadline, first_units = \
                self.first_measure
            self.first_measure = None
            first = ItemDraft(first_code or "（1）", item_title(first_text), first_text,
                              first_deadline, first_units, (), (), first_source)
            self.made.append(first)
            task.children = [first]  # (a made item's children are the empty tuple until now)
        split = split_measure_code(text)
        task.children.append(self.make_item("" if split[0] else f"（{len(task.children) + 1}）",
                                            split, source, deadline, units))

    def close_task(self) -> None:
        """The open task ends (a new task, a category, a sheet, the plan): a task with a
        single measure is one item, the task's title with the measure's content."""
        task, first = self.task, self.first_measure
        if task is not None and first is not None:
            (_, text), source, deadline, units = first
            fold_measure(task, text)
            task.deadline, task.units, task.source_ref = deadline, units, source
        self.task, self.task_key, self.first_measure = None, None, None

    def make_item(self, code_text: str, split: tuple[str, str], source: str,
                  deadline: Deadline | None = None,
                  units: tuple[UnitMention, ...] = ()) -> ItemDraft:
        """An item of a task or measure cell (``split`` by :func:`split_code`; its code from
        the code column, else from the text), built with positional arguments: keyword ones
        cost twice as much, thousands of times over. Most items stay leaves: their children
        are the empty tuple (add_measure gives a task a list)."""
        code, body = split
        code = (code_text if code_text.isdecimal() else clean_code(code_text)) or code
        item = ItemDraft(code, body if len(body) <= 40 else item_title(body), body, deadline,
                         units, (), (), source)
        self.made.append(item)
        return item

    def warn_deadline(self, r: int, deadline: Deadline, text: str) -> None:
        if deadline.kind is DeadlineKind.UNPARSED:
            self.warn(self.grid.name, r, self.deadline_column,
                      tr("完成时限“{text}”无法识别，请导入后手工设定日期。").format(text=text))
        else:
            self.warn(self.grid.name, r, self.deadline_column, tr("没有填写完成时限。"))

    def plan(self, workbook_title: str, preamble: str = "") -> PlanDraft:
        self.close_task()
        made = self.made
        for item, found in zip(made, targets_of_each(map(_TEXT, made)), strict=True):
            if found:  # (each item was made without targets)
                item.targets = found
        return PlanDraft(title=self.title or workbook_title, year=self.year, items=self.top,
                         preamble=preamble)
