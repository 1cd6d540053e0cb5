"""Task lists as bureaus issue them: find the header, map the columns, build the item tree.

Real lists were never designed to be machine-read: title rows above the header, one- or
two-row headers with many names for one field, category rows (``一、…``) across the whole
row or a category column merged down, a task merged down over its measures, notes below.
The parser turns a read :class:`~planner_desktop.exchange.grid.Workbook` into an
:class:`ImportPreview` (a plan draft, the column mapping, a warning per row that could not be
read); nothing is written until the clerk commits the preview.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from planner_desktop.domain.deadlines import Deadline, DeadlineKind, parse_deadline
from planner_desktop.domain.model import MAX_ITEM_CHARS, MAX_TITLE_CHARS, ItemDraft, PlanDraft
from planner_desktop.domain.outline_codes import parse_code
from planner_desktop.domain.targets import targets_of_each
from planner_desktop.domain.text import normalise, to_simplified
from planner_desktop.domain.units import (
    MAX_UNIT_NAME_CHARS,
    UnitMention,
    assign_roles,
    overlong_unit_names,
)
from planner_desktop.exchange.grid import Grid, MergedRange, Workbook
from planner_desktop.i18n import tr

# Field → header names seen in issued lists (compared after removing spaces and brackets).
FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "code": ("序号", "编号", "序", "项目编号", "任务编号"),
    "category": ("类别", "分类", "项目类别", "工作类别", "板块", "领域", "工作板块"),
    "task": ("重点任务", "工作任务", "目标与任务", "任务内容", "工作内容", "民生事项名称",
             "任务", "主要任务", "重点工作", "工作事项", "目标任务", "工作要点", "要点",
             "任务名称", "重点工作任务", "事项", "工作目标"),
    "measure": ("具体措施", "工作措施", "主要内容", "措施", "具体内容", "推进措施", "工作举措",
                "主要措施", "具体工作", "具体任务", "工作要求"),
    "lead": ("牵头单位", "牵头股室", "牵头责任单位", "主要责任单位", "责任股室", "责任科室",
             "牵头科室", "牵头部门", "主责单位", "牵头处室", "责任主体"),
    "support": ("配合单位", "配合股室", "协同配合单位", "协办单位", "配合科室", "协同单位",
                "参与单位", "配合部门", "协助单位"),
    "units": ("责任单位", "责任部门", "承办单位", "实施单位"),
    "schools": ("责任学校", "落实学校", "实施学校", "相关学校", "学校"),
    "person": ("责任人", "分管领导", "责任领导", "联系人", "分管局领导", "具体责任人"),
    "deadline": ("完成时限", "完成时间", "办理时限", "时间节点", "时限", "完成期限",
                 "时间安排", "时间", "完成时间节点", "截止时间"),
    "progress": ("进展情况", "完成情况", "推进情况", "进度情况", "工作进展"),
    "note": ("备注", "说明"),
}
FIELD_LABELS = {
    "code": "序号", "category": "类别", "task": "任务", "measure": "具体措施", "lead": "牵头单位",
    "support": "配合单位", "units": "责任单位", "schools": "责任学校", "person": "责任人",
    "deadline": "完成时限", "progress": "进展情况", "note": "备注", "": "（不导入）",
}
TEXT_FIELDS = ("task", "measure")
UNIT_FIELDS = frozenset({"lead", "support", "units", "schools", "lead_only"})
HEADER_SEARCH_ROWS = 15
CHINESE_DIGITS = "一二三四五六七八九十百零〇两"
ARABIC_CODE = re.compile(r"^\s*(\d+(?:\.\d+)*)\s*[、.．]?\s*$")
# The outline codes a task or measure cell may start with (``domain.outline_codes``): a
# category 一、, a sub-category （一）, a number 1. (一是 and （1） inside a cell are its text).
CELL_CODE_STYLES = ("cn_paren", "cn", "arabic")
CODE_STARTS = frozenset(CHINESE_DIGITS + "（(")  # and digits: what those patterns start with
UNREAD_DEADLINES = frozenset({DeadlineKind.UNPARSED, DeadlineKind.NONE})  # warned about
NOTE_ROW = re.compile(r"^\s*(注|说明|备注|填表说明|附注)\s*[：:0-9１-９]")


def header_key(text: str) -> str:
    """A header cell reduced for comparing: no spaces, brackets, stars or line breaks."""
    return re.sub(r"[\s（）()【】\[\]*＊:：]", "", to_simplified(normalise(text)))


SYNONYM_TO_FIELD = {header_key(s): f for f, names in FIELD_SYNONYMS.items() for s in names}


LONGEST_HEADER = max(map(len, SYNONYM_TO_FIELD)) + 6


@functools.lru_cache(maxsize=8192)
def field_for_header(text: str) -> str | None:
    """The field a header cell names, or None. Called for every cell of the rows searched for
    a header, so long texts (task descriptions) are turned away before any work."""
    if len(text) > 3 * LONGEST_HEADER or text.isdecimal():  # a task, a 序号
        return None
    key = header_key(text)
    if not key or len(key) > LONGEST_HEADER:
        return None
    if key in SYNONYM_TO_FIELD:
        return SYNONYM_TO_FIELD[key]
    # "牵头单位（股室）", "完成时限（截止日期）": a known name at the start of a longer label
    # (the longest such name wins).
    for end in range(len(key) - 1, 1, -1):
        found = SYNONYM_TO_FIELD.get(key[:end])
        if found is not None and len(key) <= end + 6:
            return found
    return None


@dataclass
class ImportWarning:
    sheet: str
    row: int | None  # 1-based, as Excel shows it
    column: str | None  # Excel letter
    message: str

    def to_json(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column,
                "message": self.message}


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
        has the later one, the column its texts are read from (``_field_columns``), so that
        its merged cells, dates and warnings are those of the same column."""
        return {name: column for column, name in self.columns.items()}


@dataclass
class ImportPreview:
    """What an import would create; edited by the clerk, then committed or dropped."""

    file_name: str
    plan: PlanDraft
    layouts: list[SheetLayout]
    warnings: list[ImportWarning] = field(default_factory=list)
    skipped_sheets: list[str] = field(default_factory=list)
    sheet_headers: dict[str, dict[int, str]] = field(default_factory=dict)  # every column's label

    def unit_names(self) -> list[str]:
        """Every unit named, once, in the order first named (items in outline order).

        Rows of a list mostly repeat the units of the row before, and the parser gives such
        rows one shared tuple of mentions, so an item whose tuple is the one of the item
        before is passed over at the cost of a pointer check."""
        names: dict[str, None] = {}
        previous: tuple[UnitMention, ...] | None = None
        for units in map(_UNITS, _items_of(self.plan)):
            if units and units is not previous:  # (categories between tasks have none)
                names.update(dict.fromkeys(map(_NAME, units)))
                previous = units
        return list(names)

    def count_assignments(self) -> int:
        return sum(len(item.units) for item in _items_of(self.plan))

    def count_deadlines_parsed(self) -> int:
        return sum(
            1 for item in _items_of(self.plan)
            if item.deadline and item.deadline.kind not in (DeadlineKind.UNPARSED,
                                                             DeadlineKind.NONE)
        )


_UNITS, _NAME, _TEXT = (operator.attrgetter("units"), operator.attrgetter("name"),
                        operator.attrgetter("text"))


def _items_of(plan: PlanDraft) -> list[ItemDraft]:
    """The items of ``plan`` in the order ``PlanDraft.walk`` gives (depth first, each item
    before its children), gathered without a generator per item: a preview of thousands of
    items asks for them several times."""
    items: list[ItemDraft] = []
    stack = plan.items[::-1]
    while stack:
        item = stack.pop()
        items.append(item)
        if item.children:
            stack.extend(item.children[::-1])
    return items


# -- header detection -----------------------------------------------------------------------

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
    for c, text in enumerate(grid.rows[row]):
        if c in grid.hidden_cols:
            continue
        found = field_for_header(text)
        if not found:
            continue
        named[c] = found
        if found not in columns.values():
            columns[c] = found
            headers[c] = text.strip()
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
    return sum(1 for text in _column_below(grid, column, start) if text.strip())


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


# -- rows to items ----------------------------------------------------------------------------

@dataclass
class _RowCells:
    number: int  # 0-based row index
    cells: dict[str, str]
    raw: dict[str, str]  # before merged cells were filled


class TaskListParser:
    """Builds the item tree of one workbook, sheet after sheet, collecting warnings.

    Lists run to thousands of rows, so the row loop is kept lean (``bench/import_tasklist``):
    the mapped cells are stripped column by column and read row by row from those columns;
    a row with two different texts (a data row) skips the checks that only rows of one text
    need (blank, note, category) and builds no dictionaries; the usual row of a list with
    measures (a task of its own with one measure, nothing to warn about) is made into its
    item in the loop itself; otherwise the first measure of a task is kept aside as plain
    values (most tasks have one, and are folded into it when the task ends); deadlines and
    unit cells are worked out once per distinct value, for the whole sheet before its rows
    (``deadline_of``, ``mentions_of``), and so are the outline codes of the task and measure
    columns (for the few texts whose first character may start one: ``code_splits``);
    targets are looked for once per item, in its final text, when the plan is made. Each
    such step was measured against the plain one it replaced and kept only when faster
    (``bench/import_tasklist.py``, ``bench/instruction_counts.py``).
    """

    def __init__(self, file_name: str, year: int, title: str | None = None,
                 known_units: frozenset[str] = frozenset()) -> None:
        self.file_name = file_name
        self.year = year
        self.title = title
        self.known_units = known_units
        self.warnings: list[ImportWarning] = []
        self.top: list[ItemDraft] = []
        self.current_category: ItemDraft | None = None
        self.current_sub: ItemDraft | None = None
        # Where a new task goes: the children of the current sub-category or category, or
        # the top level (set with them, in start_category).
        self.siblings: list[ItemDraft] = self.top
        self.task: ItemDraft | None = None
        self.task_key: tuple | None = None
        # The open task's first measure, until a second one comes: (text, source, deadline,
        # units). A task that ends with one measure becomes one item (see close_task).
        self.first_measure: tuple | None = None
        # Items made from task and measure cells: their targets are found in plan().
        self.made: list[ItemDraft] = []
        # The deadline of a value (a date cell or a text) and the mentions of a row's unit
        # cells, each worked out once per distinct value in this parse: a list repeats a few
        # hundred of each over thousands of rows, and both are frozen, so one result serves
        # every row. (functools' cache looks each row up in one pass, in C.)
        self.deadline_of: Callable[[object], Deadline] = functools.cache(
            lambda value: parse_deadline(value, year))
        self.mentions_of: Callable[[str, str | None, str | None], tuple[UnitMention, ...]] = \
            functools.cache(lambda lead, support, schools: tuple(
                assign_roles(lead, support, schools, known_units)))
        # The sheet being parsed, set by parse_sheet: field → column
        # (``SheetLayout.field_columns``), field → its texts below the header (merged cells
        # filled), the row those start at, and row → merged range of the task cell.
        self.grid: Grid | None = None
        self.columns: dict[str, int] = {}
        self.texts: dict[str, list[str]] = {}
        self.start = 0
        self.task_merges: dict[int, MergedRange] = {}
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

    def parse_sheet(self, grid: Grid, layout: SheetLayout) -> None:
        resolve_unit_columns(layout)
        self.close_task()
        self.grid, self.columns = grid, layout.field_columns()
        start = self.start = layout.data_start
        self.has_measures, self.has_tasks = "measure" in self.columns, "task" in self.columns
        self.deadline_column = self.columns.get("deadline")
        lead_column = self.columns.get("lead")
        self.unit_column = lead_column if lead_column is not None else \
            self.columns.get("lead_only")
        data_rows = grid.rows[start:]
        for c in grid.hidden_cols:
            if any(_column_below(grid, c, start)):
                self.warn(grid.name, None, c, tr("隐藏列中有内容，未导入；如需导入请在映射中指定。"))
        task_column = self.columns.get("task")
        self.task_merges = grid.column_merges(task_column) if task_column is not None else {}
        fields, raw_columns, filled_columns = _field_columns(grid, layout)
        self.warn_long_cells(grid, layout, fields, raw_columns)
        texts = self.texts = dict(zip(fields, filled_columns, strict=True))
        height = len(data_rows)
        blank = [""] * height
        nothing = [None] * height

        def column(name: str) -> list[str]:
            return texts.get(name, blank)

        # The unit cells as add_row takes them: the lead column (or the only units
        # column), the support column (none beside a single units column), the schools.
        leads = column("lead") if "lead_only" not in texts else \
            [a or b for a, b in zip(column("lead"), texts["lead_only"], strict=True)]
        supports = texts["support"] if "support" in texts and "lead_only" not in texts \
            else nothing
        schools = [s or None for s in texts["schools"]] if "schools" in texts else nothing
        raw_tasks = raw_columns[fields.index("task")] if "task" in texts else blank
        # What add_row needs of each row, found once per distinct cell value: a list repeats a
        # few hundred deadlines and unit cells over thousands of rows.
        sources = source_refs(grid.name, start, height)
        deadlines = nothing if self.deadline_column is None else \
            self.row_deadlines(grid, start, column("deadline"))
        mentions = self.row_mentions(leads, supports, schools)
        has_category = "category" in texts
        sheet = grid.name
        is_header, add_row, make_item = field_for_header, self.add_row, self.make_item
        whole_task_rows = self.has_measures and self.has_tasks
        task_merges, unit_column = self.task_merges, self.unit_column
        task_splits, measure_splits = code_splits(column("task")), code_splits(column("measure"))
        category_text, category = None, None  # the last category cell that changed nothing
        # Two of a row's mapped cells filled with different texts (the task and the measure,
        # where both are mapped) make it a data row without building the set of its texts.
        probe = len(fields) >= 2
        first, second = (fields.index("task"), fields.index("measure")) \
            if "task" in fields and "measure" in fields else (0, 1)
        for r, raw_values, code, group, task, measure, raw_task, deadline_text, deadline, \
                mentioned, source in zip(
                    range(start, start + height), _rows_of(raw_columns, height), column("code"),
                    column("category"), column("task"), column("measure"), raw_tasks,
                    column("deadline"), deadlines, mentions, sources, strict=True):
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
            if whole_task_rows and raw_task and task and measure and r not in task_merges \
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
        reader), else its text. (Going through the date cells costs less than looking up
        each row's cell: a lookup makes and hashes a key.)"""
        values: list[object] = list(texts)
        column, end = self.deadline_column, start + len(texts)
        for (row, col), date in grid.values.items():
            if col == column and start <= row < end:
                values[row - start] = date
        return list(map(self.deadline_of, values))

    def row_mentions(self, leads: list[str], supports: list[str | None],
                     schools: list[str | None]) -> list[tuple[UnitMention, ...]]:
        """The units named by every row's lead, support and schools cells."""
        return list(map(self.mentions_of, leads, supports, schools))

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
        if category is not None:
            self.start_category(category, grid.name, row.number)
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

    def start_category(self, text: str, sheet: str, row: int,
                       split: tuple[str, str] | None = None) -> None:
        """A category (``一、…``) or sub-category (``（一）…``) item from ``text`` (``split`` by
        split_code, if the caller has it)."""
        code, title = split or split_code(text)
        item = ItemDraft(code, title, title, None, (), (), [], f"{sheet}!{row + 1}")
        # Of split_code's patterns, only the sub-category's starts with a bracket.
        if code.startswith(("（", "(")) and self.current_category is not None:
            self.current_category.children.append(item)
            self.current_sub = item
        else:
            self.top.append(item)
            self.current_category, self.current_sub = item, None
        self.siblings = item.children
        self.close_task()

    def follow_category_column(self, text: str, sheet: str, row: int) -> str:
        """A row's category cell: a new category when its title is not the current one's.
        Returns the cell's title."""
        split = split_code(text)
        if self.current_category is None or self.current_category.title != split[1]:
            self.start_category(text, sheet, row, split)
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
        # Rows of one task share its merged task cell (or repeat its text and code).
        merge = self.task_merges.get(r)
        key = () if not self.has_tasks else ("text", task_text, code_text) \
            if merge is None else ("merge", merge.first_row, merge.first_col)
        task = self.task
        if task is None or raw_task or key != self.task_key:
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
            self.first_measure = (split_code(measure_text)[1], source, deadline, units)
        else:
            self.add_measure(measure_text, source, deadline, units)

    def add_measure(self, text: str, source: str, deadline: Deadline | None,
                    units: tuple[UnitMention, ...]) -> None:
        """A second or later measure of the open task (the first is kept aside, see
        close_task): the first and this one become child items, numbered （1）, （2）…"""
        task = self.task
        assert task is not None
        if self.first_measure is not None:
            first_text, first_source, first_deadline, first_units = self.first_measure
            self.first_measure = None
            first = ItemDraft("（1）", item_title(first_text), first_text, first_deadline,
                              first_units, (), (), first_source)
            self.made.append(first)
            task.children = [first]  # (a made item's children are the empty tuple until now)
        task.children.append(self.make_item(f"（{len(task.children) + 1}）", split_code(text),
                                            source, deadline, units))

    def close_task(self) -> None:
        """The open task ends (a new task, a category, a sheet, the plan): a task with a
        single measure is one item, the task's title with the measure's content."""
        task, first = self.task, self.first_measure
        if task is not None and first is not None:
            text, source, deadline, units = first
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


def source_refs(sheet: str, start: int, count: int) -> list[str]:
    """Where the clerk finds rows ``start`` … ``start + count - 1`` (0-based): ``Sheet!5``,
    with the row Excel shows. Made by one formatting of all of them, split at a character
    no sheet name holds (XML has no NUL): a third of the time of making each on its own."""
    if count <= 0:
        return []
    each = sheet.replace("%", "%%") + "!%d\x00"
    return (each * count % tuple(range(start + 1, start + count + 1))).split("\x00")[:-1]


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


def code_splits(texts: list[str]) -> dict[str, tuple[str, str]]:
    """:func:`split_code` of each distinct text of a column (stripped texts) that may begin
    with an outline code, which its first character tells; any other text has no code and is
    its own body. Found for a whole column at once: most columns have no code at all, and
    the rest repeat a few."""
    if not _CODE_AFTER_SEPARATOR.search("\x00" + "\x00".join(texts)):
        return {}  # one pass of the regex engine, jumping from text to text
    firsts = list(map(_FIRST_CHARACTER, texts))
    coded = {first for first in set(firsts) if first in CODE_STARTS or first.isdecimal()}
    if not coded:
        return {}
    return {text: split_code(text)
            for text in set(itertools.compress(texts, map(coded.__contains__, firsts)))}


_FIRST_CHARACTER = operator.itemgetter(slice(0, 1))
# A text's start (after the separator its column is joined with) that may begin a code: the
# characters split_code looks for (\d is what str.isdecimal accepts).
_CODE_AFTER_SEPARATOR = re.compile("\x00\\s*[" + re.escape("".join(sorted(CODE_STARTS))) + r"\d]")


def split_code(text: str) -> tuple[str, str]:
    """``一、加强党建`` → (``一、``, ``加强党建``); text without a code → ("", text).

    Most task and measure texts start with no code at all, which their first character
    tells; those are answered at once (a cache of thousands of distinct texts costs more than
    it saves), the others are matched against the code patterns (cached)."""
    first = text.lstrip()[:1]
    if first not in CODE_STARTS and not first.isdecimal():
        return "", text.strip()
    return _split_code_by_pattern(text)


@functools.lru_cache(maxsize=4096)
def _split_code_by_pattern(text: str) -> tuple[str, str]:
    code = parse_code(text, CELL_CODE_STYLES)
    if code is None:
        return "", text.strip()
    return text[:code.end].strip(), text[code.end:].strip()


def item_title(text: str, limit: int = 40) -> str:
    """The short title of an item: its first sentence when the text is long."""
    if len(text) <= limit:
        return text
    first = re.split(r"(?<=[。；;])", text, maxsplit=1)[0].rstrip("。；;")
    return first if 0 < len(first) <= 80 else text[:limit] + "…"


def _field_columns(grid: Grid, layout: SheetLayout) -> tuple[list[str], list[list[str]],
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
    raw = [list(map(str.strip, _column_below(grid, column_of[name], start))) for name in fields]
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


def _column_below(grid: Grid, c: int, start: int) -> Sequence[str]:
    """Column ``c``'s texts from row ``start`` down, "" beyond a short row: from the grid's
    columns (faster than picking one cell out of each of thousands of rows), unless a row
    does not reach the column (only in a grid not made by a reader, which pads its rows)."""
    columns = grid.columns()
    if 0 <= c < len(columns):
        return columns[c][start:]
    return [row[c] if 0 <= c < len(row) else "" for row in grid.rows[start:]]


def _rows_of(columns: list[list[str]], height: int):
    """The columns' texts row by row (as tuples); empty tuples when no column is mapped."""
    return zip(*columns, strict=True) if columns else itertools.repeat((), height)


# -- entry points -----------------------------------------------------------------------------

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
) -> ImportPreview:
    """The preview of importing ``workbook``: raises nothing for bad rows, only warns.

    ``mapping`` (sheet → {column: field}) overrides the detected columns, as the clerk
    changes them in the import dialog. ``known_units`` (``Roster.known_keys``) are names a
    unit cell is not cut inside (``办公室 / 党建办`` is one roster unit, not two).
    """
    from planner_desktop.errors import FileReadError, Location

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
        layouts.append(layout)
        parser.warnings.extend(duplicate_column_warnings(grid, layout))
        headers[grid.name] = column_labels(grid, layout)
        parser.parse_sheet(grid, layout)
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


def column_labels(grid: Grid, layout: SheetLayout) -> dict[int, str]:
    """Every column's header as written (both rows of a two-row header), for the mapping view."""
    width = max(map(len, grid.rows), default=0)
    labels = {}
    for column in range(width):
        parts = [grid.cell(r, column).strip() for r in layout.header_rows]
        labels[column] = " / ".join(dict.fromkeys(p for p in parts if p))
    return labels


def mention_names(mentions: Iterable[UnitMention]) -> list[str]:
    return [m.name for m in mentions]
