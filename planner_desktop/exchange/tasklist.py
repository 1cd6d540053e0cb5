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
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from planner_desktop.domain.deadlines import DeadlineKind, parse_deadline
from planner_desktop.domain.model import ItemDraft, PlanDraft
from planner_desktop.domain.targets import find_targets
from planner_desktop.domain.text import normalise, to_simplified
from planner_desktop.domain.units import UnitMention, assign_roles
from planner_desktop.exchange.grid import Grid, Workbook
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
HEADER_SEARCH_ROWS = 15
CHINESE_DIGITS = "一二三四五六七八九十百零〇两"
CATEGORY_CODE = re.compile(rf"^\s*([{CHINESE_DIGITS}]+)\s*[、.．]\s*")
SUB_CATEGORY_CODE = re.compile(rf"^\s*[（(]([{CHINESE_DIGITS}]+)[）)]\s*")
ARABIC_CODE = re.compile(r"^\s*(\d+(?:\.\d+)*)\s*[、.．]?\s*$")
LEADING_NUMBER_CODE = re.compile(r"^\s*(\d{1,3})\s*[、.．]\s*(?!\d)")
SPLIT_CODES = (CATEGORY_CODE, SUB_CATEGORY_CODE, LEADING_NUMBER_CODE)  # tried in this order
CODE_STARTS = frozenset(CHINESE_DIGITS + "（(")  # and digits: what those patterns start with
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
    if len(text) > 3 * LONGEST_HEADER:
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

    @property
    def data_start(self) -> int:
        return max(self.header_rows) + 1

    def column_of(self, field_name: str) -> int | None:
        return next((c for c, f in self.columns.items() if f == field_name), None)

    def field_columns(self) -> dict[str, int]:
        """Field → its column (the first, as :meth:`column_of` gives), for looking up once
        per sheet rather than once per row."""
        found: dict[str, int] = {}
        for column, name in self.columns.items():
            found.setdefault(name, column)
        return found


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
        seen: dict[str, None] = {}
        for _, item in self.plan.walk():
            for mention in item.units:
                seen.setdefault(mention.name, None)
        return list(seen)

    def count_assignments(self) -> int:
        return sum(len(item.units) for _, item in self.plan.walk())

    def count_deadlines_parsed(self) -> int:
        return sum(
            1 for _, item in self.plan.walk()
            if item.deadline and item.deadline.kind not in (DeadlineKind.UNPARSED,
                                                             DeadlineKind.NONE)
        )


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
    columns: dict[int, str] = {}
    headers: dict[int, str] = {}
    row = rows[0]
    for c, text in enumerate(grid.rows[row]):
        if c in grid.hidden_cols:
            continue
        found = field_for_header(text)
        if found and found not in columns.values():
            columns[c] = found
            headers[c] = text.strip()
    return SheetLayout(grid.name, rows, columns, headers)


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
    return SheetLayout(layout.sheet, [layout.header_rows[0], below], columns, headers)


def score_layout(layout: SheetLayout) -> int:
    fields = set(layout.columns.values())
    if not fields & {"task", "measure"}:
        return 0
    return len(fields) + 2 * bool(fields & {"lead", "units"}) + bool("deadline" in fields)


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
    """Builds the item tree of one workbook, sheet after sheet, collecting warnings."""

    def __init__(self, file_name: str, year: int, title: str | None = None) -> None:
        self.file_name = file_name
        self.year = year
        self.title = title
        self.warnings: list[ImportWarning] = []
        self.top: list[ItemDraft] = []
        self.current_category: ItemDraft | None = None
        self.current_sub: ItemDraft | None = None
        self.task: ItemDraft | None = None
        self.task_key: tuple | None = None
        self.tasks_with_measures: list[ItemDraft] = []
        # Field → column of the sheet being parsed (``SheetLayout.field_columns``), set by
        # parse_sheet: the row methods look fields up on every row.
        self.columns: dict[str, int] = {}

    def warn(self, sheet: str, row: int | None, column: int | None, message: str) -> None:
        letter = Grid.column_letter(column) if column is not None else None
        self.warnings.append(ImportWarning(sheet, None if row is None else row + 1, letter,
                                           message))

    def parse_sheet(self, grid: Grid, layout: SheetLayout) -> None:
        resolve_unit_columns(layout)
        self.columns = layout.field_columns()
        filled = grid.filled()
        self.task, self.task_key = None, None
        data_rows = grid.rows[layout.data_start:]
        for c in grid.hidden_cols:
            if any(c < len(row) and row[c] for row in data_rows):
                self.warn(grid.name, None, c, tr("隐藏列中有内容，未导入；如需导入请在映射中指定。"))
        # The rows are indexed directly (this loop runs for every row of lists of thousands):
        # Grid.cell's bounds checks are needed only for a mapped column beyond a short row.
        mapped = list(layout.columns.items())
        for r in range(layout.data_start, len(grid.rows)):
            row, filled_row = grid.rows[r], filled.rows[r]
            raw = _texts_of(row, mapped)
            # A row no merged range reaches reads the same filled: one dict serves both.
            cells = raw if filled_row == row else _texts_of(filled_row, mapped)
            self.parse_row(grid, layout, _RowCells(r, cells, raw))

    def parse_row(self, grid: Grid, layout: SheetLayout, row: _RowCells) -> None:
        texts = [t for t in grid.rows[row.number] if t.strip()]
        if not texts:
            return
        first = texts[0].strip()
        if NOTE_ROW.match(first) and len(set(texts)) == 1:
            return
        if self.is_repeated_header(row):
            return
        category = self.category_text(grid, row, texts)
        if category is not None:
            self.start_category(category, grid.name, row.number)
            return
        if "category" in self.columns and row.cells.get("category"):
            self.follow_category_column(row.cells["category"], grid.name, row.number)
        self.add_task_row(grid, layout, row)

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
        has_code = bool(CATEGORY_CODE.match(text) or SUB_CATEGORY_CODE.match(text))
        if has_code or (merged_across and not row.raw.get("lead") and len(texts) == 1):
            return text
        return None

    def start_category(self, text: str, sheet: str, row: int) -> None:
        sub = SUB_CATEGORY_CODE.match(text)
        code, title = split_code(text)
        item = ItemDraft(code=code, title=title, text=title, source_ref=f"{sheet}!{row + 1}")
        if sub and self.current_category is not None:
            self.current_category.children.append(item)
            self.current_sub = item
        else:
            self.top.append(item)
            self.current_category, self.current_sub = item, None
        self.task, self.task_key = None, None

    def follow_category_column(self, text: str, sheet: str, row: int) -> None:
        code, title = split_code(text)
        if self.current_category is None or self.current_category.title != title:
            self.start_category(text, sheet, row)

    def parent_list(self) -> list[ItemDraft]:
        parent = self.current_sub or self.current_category
        return parent.children if parent is not None else self.top

    def add_task_row(self, grid: Grid, layout: SheetLayout, row: _RowCells) -> None:
        task_text = row.cells.get("task", "")
        measure_text = row.cells.get("measure", "")
        has_measure_column = "measure" in self.columns
        if not task_text and not measure_text:
            if any(row.cells.get(f) for f in ("lead", "lead_only", "support", "deadline")):
                self.warn(grid.name, row.number, self.columns.get("task"),
                          tr("这一行有责任单位或时限，但任务内容为空，未导入。"))
            return
        source = f"{grid.name}!{row.number + 1}"
        code_text = row.cells.get("code", "")
        if has_measure_column:
            key = self.task_identity(grid, self.columns.get("task"), row)
            if self.task is None or key != self.task_key or row.raw.get("task"):
                if not task_text:
                    task_text = measure_text
                self.task = self.make_item(code_text, task_text, source)
                self.parent_list().append(self.task)
                self.tasks_with_measures.append(self.task)
                self.task_key = key
            if measure_text:
                number = len(self.task.children) + 1
                leaf = self.make_item(f"（{number}）", measure_text, source)
                self.fill_leaf(leaf, grid, layout, row)
                self.task.children.append(leaf)
            else:
                self.fill_leaf(self.task, grid, layout, row)
            return
        leaf = self.make_item(code_text, task_text, source)
        self.fill_leaf(leaf, grid, layout, row)
        self.parent_list().append(leaf)

    @staticmethod
    def task_identity(grid: Grid, column: int | None, row: _RowCells) -> tuple:
        """Rows of one task share its merged task cell (or repeat its text); ``column`` is
        the task column."""
        if column is None:
            return ()
        merge = grid.merge_at(row.number, column)
        if merge is not None:
            return ("merge", merge.first_row, merge.first_col)
        return ("text", row.cells.get("task", ""), row.cells.get("code", ""))

    @staticmethod
    def make_item(code_text: str, text: str, source: str) -> ItemDraft:
        code, body = split_code(text)
        code = clean_code(code_text) or code
        return ItemDraft(code=code, title=item_title(body), text=body, source_ref=source,
                         targets=find_targets(body))

    def fill_leaf(self, leaf: ItemDraft, grid: Grid, layout: SheetLayout, row: _RowCells) -> None:
        cells = row.cells
        deadline_column = self.columns.get("deadline")
        if deadline_column is not None:
            typed = grid.values.get((row.number, deadline_column)) if hasattr(grid, "values") \
                else None
            value = typed if typed is not None else cells.get("deadline", "")
            leaf.deadline = parse_deadline(value, self.year)
            if leaf.deadline.kind is DeadlineKind.UNPARSED:
                self.warn(grid.name, row.number, deadline_column,
                          tr("完成时限“{text}”无法识别，请导入后手工设定日期。").format(
                              text=cells.get("deadline", "")))
            elif leaf.deadline.kind is DeadlineKind.NONE:
                self.warn(grid.name, row.number, deadline_column, tr("没有填写完成时限。"))
        lead_cell = cells.get("lead") or cells.get("lead_only") or ""
        support_cell = cells.get("support") if "lead_only" not in cells else None
        leaf.units = assign_roles(lead_cell, support_cell, cells.get("schools") or None)
        if not leaf.units and ("lead" in self.columns or "lead_only" in self.columns):
            column = self.columns.get("lead")
            column = column if column is not None else self.columns.get("lead_only")
            self.warn(grid.name, row.number, column, tr("没有填写责任单位。"))

    def fold_single_measures(self) -> None:
        """A task with one measure is one item: the task's title with the measure's content."""
        for task in self.tasks_with_measures:
            if len(task.children) != 1:
                continue
            measure = task.children[0]
            task.text = measure.text if task.title == task.text else f"{task.text}\n{measure.text}"
            task.deadline, task.units = measure.deadline, measure.units
            task.targets = find_targets(task.text)
            task.source_ref, task.children = measure.source_ref, []

    def plan(self, workbook_title: str, preamble: str = "") -> PlanDraft:
        self.fold_single_measures()
        return PlanDraft(title=self.title or workbook_title, year=self.year, items=self.top,
                         preamble=preamble)


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


@functools.lru_cache(maxsize=4096)
def split_code(text: str) -> tuple[str, str]:
    """``一、加强党建`` → (``一、``, ``加强党建``); text without a code → ("", text).

    Cached: a category column repeats its text on every row of the category. Most task and
    measure texts start with no code at all, which their first character tells."""
    first = text.lstrip()[:1]
    if first not in CODE_STARTS and not first.isdecimal():
        return "", text.strip()
    for pattern in SPLIT_CODES:
        match = pattern.match(text)
        if match:
            return match.group(0).strip(), text[match.end():].strip()
    return "", text.strip()


def item_title(text: str, limit: int = 40) -> str:
    """The short title of an item: its first sentence when the text is long."""
    if len(text) <= limit:
        return text
    first = re.split(r"(?<=[。；;])", text, maxsplit=1)[0].rstrip("。；;")
    return first if 0 < len(first) <= 80 else text[:limit] + "…"


def _texts_of(row: list[str], mapped: list[tuple[int, str]]) -> dict[str, str]:
    """Field → stripped text of ``row`` for the (column, field) pairs; "" beyond the row."""
    width = len(row)
    return {f: row[c].strip() if 0 <= c < width else "" for c, f in mapped}


# -- entry points -----------------------------------------------------------------------------

def guess_title(workbook: Workbook) -> str:
    """The list's title: the first title-like row above a header (××县…任务分解表)."""
    for grid in workbook.sheets:
        for row in grid.rows[:HEADER_SEARCH_ROWS]:
            texts = [t.strip() for t in row if t.strip()]
            if len(set(texts)) == 1 and 6 <= len(texts[0]) <= 60 and \
                    not texts[0].startswith(("附件", "印发")) and \
                    field_for_header(texts[0]) is None and not CATEGORY_CODE.match(texts[0]):
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
) -> ImportPreview:
    """The preview of importing ``workbook``: raises nothing for bad rows, only warns.

    ``mapping`` (sheet → {column: field}) overrides the detected columns, as the clerk
    changes them in the import dialog.
    """
    from planner_desktop.errors import FileReadError, Location

    parser = TaskListParser(workbook.path.name, year, title)
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
        if layout is None:
            skipped.append(grid.name)
            continue
        layouts.append(layout)
        headers[grid.name] = column_labels(grid, layout)
        parser.parse_sheet(grid, layout)
    if not layouts:
        raise FileReadError(
            tr("没有找到任务表的表头。表头应包含“序号”“重点任务/工作任务”“牵头单位/责任单位”"
               "“完成时限”等列名；请检查文件，或在导入对话框中手工指定各列。"),
            Location(file=workbook.path.name),
        )
    plan = parser.plan(guess_title(workbook))
    if not any(True for _ in plan.walk()):
        raise FileReadError(tr("表头下面没有任务行，没有可导入的内容。"),
                            Location(file=workbook.path.name, sheet=layouts[0].sheet))
    return ImportPreview(workbook.path.name, plan, layouts, parser.warnings, skipped, headers)


def column_labels(grid: Grid, layout: SheetLayout) -> dict[int, str]:
    """Every column's header as written (both rows of a two-row header), for the mapping view."""
    width = max((len(row) for row in grid.rows), default=0)
    labels = {}
    for column in range(width):
        parts = [grid.cell(r, column).strip() for r in layout.header_rows]
        labels[column] = " / ".join(dict.fromkeys(p for p in parts if p))
    return labels


def mention_names(mentions: Iterable[UnitMention]) -> list[str]:
    return [m.name for m in mentions]
