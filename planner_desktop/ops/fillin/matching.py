"""Which assignment a returned row belongs to: by the export's hidden key, else by unit and text."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from planner_desktop.domain.fillin import FillinRow
from planner_desktop.domain.report_periods import ReportPeriod, period_for
from planner_desktop.domain.returns import (
    Action,
    Decision,
    ReturnWarning,
    decide,
    read_cells,
)
from planner_desktop.domain.units import name_key
from planner_desktop.errors import FileReadError
from planner_desktop.exchange.fillin_layout import (
    CHECKED_FIELDS,
    COLUMNS,
    PER_ROW_SIGN_OFF,
    Field,
    cell_digest,
)
from planner_desktop.exchange.fillin_reader import (
    ReturnedRow,
    ReturnedSheet,
    ReturnedWorkbook,
)
from planner_desktop.exchange.grid import Grid
from planner_desktop.files.incoming import file_sha256
from planner_desktop.i18n import tr
from planner_desktop.ops.fillin.figures import FigureMatcher
from planner_desktop.ops.fillin.previews import FilePreview, RowPreview
from planner_desktop.store.batches import find_batch_by_sha256
from planner_desktop.store.database import Ledger
from planner_desktop.store.fillin import (
    AssignmentNow,
    UnitReturn,
    assignment_states,
    exported_periods,
    fetch_fillin_sheets,
    find_unit,
    plan_exists,
    plans_of_unit,
)
from planner_desktop.store.slips import open_slips

HEADER_OF: dict[Field, str] = {c.field: c.header for c in (*COLUMNS, *PER_ROW_SIGN_OFF)}


class Matcher:
    """Matches returned rows to assignments, remembering what earlier files already claimed."""

    def __init__(self, ledger: Ledger, period: ReportPeriod | None, plan_id: int | None) -> None:
        self.ledger = ledger
        self.period = period
        self.plan_id = plan_id
        self.claimed: dict[int, str] = {}  # assignment id → "file 第N行" that reported it
        self.text_index: dict[tuple[int, int | None], dict[str, list[FillinRow]]] = {}
        self.figures = FigureMatcher(ledger, self.item_by_text)

    def file(self, path: Path, workbook: ReturnedWorkbook | FileReadError) -> FilePreview:
        preview = FilePreview(path)
        if isinstance(workbook, FileReadError):
            preview.readable = False
            loc = workbook.location
            preview.warnings.append(ReturnWarning(path.name, workbook.message, loc.sheet, loc.row,
                                                  _letter(loc.column)))
            preview.include, preview.reason = False, workbook.message
            return preview
        preview.sha256 = file_sha256(path)
        meta = workbook.meta
        if meta is None:
            preview.warn(tr("文件中没有填报表信息（可能是把内容复制到了新文件），将按单位名称、"
                            "编号和事项文字匹配。"))
        elif not plan_exists(self.ledger, meta.plan_id):
            preview.exclude(tr("这份填报表所属的计划（{title}）已不在账本中，不能导入。")
                            .format(title=meta.plan_title))
            return preview
        if not workbook.sheets and not workbook.target_sheets:
            preview.exclude(tr("文件中没有找到填报表（表头应有“状态”“进展情况”等列），未导入。"))
            return preview
        preview.plan_id = meta.plan_id if meta else None
        matched = [(sheet, self._match_sheet(preview, workbook, sheet)) for sheet in workbook.sheets]
        self._settle_plan_and_period(preview, workbook, matched)
        year = preview.period.start.year if preview.period else dt.date.today().year
        for sheet, rows in matched:
            self._decide_sheet(preview, workbook, sheet, rows, year)
        self.figures.file(preview, workbook)
        self._check_file(preview, workbook)
        return preview

    # -- matching ---------------------------------------------------------------------------
    def _unit_of(self, preview: FilePreview, sheet: ReturnedSheet) -> tuple[int, str] | None:
        if sheet.unit_id is not None:
            return sheet.unit_id, sheet.unit_hint
        return find_unit(self.ledger, sheet.unit_hint)

    def _match_sheet(self, preview: FilePreview, workbook: ReturnedWorkbook, sheet: ReturnedSheet
                     ) -> list[tuple[ReturnedRow, AssignmentNow | None, str]]:
        unit = self._unit_of(preview, sheet)
        if unit is None:
            preview.warn(tr("无法确定这张表属于哪个单位（“{hint}”不在单位名册中），这张表未导入。")
                         .format(hint=sheet.unit_hint), sheet.name)
            return []
        unit_id, unit_name = unit
        preview.units.append(unit_name)
        if not sheet.has_key_column:
            preview.warn(tr("行标识列已被删除，各行按编号和事项文字匹配。"), sheet.name)
        if sheet.checksum_ok is False:
            preview.warn(tr("填报表信息与导出时不一致，可能被改动过，请核对。"), sheet.name)
        keyed = [row.key.assignment_id for row in sheet.rows if row.key is not None]
        states = assignment_states(self.ledger, keyed)
        result = []
        for row in sheet.rows:
            state, by = None, ""
            if row.key is not None:
                state, by = states.get(row.key.assignment_id), "key"
                if state is None:
                    preview.warn(tr("这一行的任务在导出后已从账本中删除，已忽略。"), sheet.name,
                                 row.row + 1)
                    result.append((row, None, "deleted"))
                    continue
            else:
                state, by = self._match_by_text(preview, row, unit_id), "text"
                if state is not None:
                    preview.warn(tr("这一行没有行标识，已按编号和事项文字对应到账本中的任务。"),
                                 sheet.name, row.row + 1)
                else:
                    preview.warn(tr("这一行无法对应到本单位在账本中的任务（编号“{code}”），已忽略。")
                                 .format(code=row.locked.get(Field.CODE, "")), sheet.name, row.row + 1)
                    by = ""
            if state is not None and state.unit_id != unit_id:
                preview.warn(tr("这一行是“{other}”的任务，不属于本表的“{unit}”，已忽略。")
                             .format(other=state.unit_name, unit=unit_name), sheet.name, row.row + 1)
                result.append((row, state, "other_unit"))
                continue
            result.append((row, state, by))
        return result

    def _text_rows(self, unit_id: int, plan_id: int | None) -> dict[str, list[FillinRow]]:
        """The unit's assignments indexed by code+title and by title alone (normalised)."""
        cache_key = (unit_id, plan_id)
        if cache_key not in self.text_index:
            plans = [plan_id] if plan_id is not None else plans_of_unit(self.ledger, unit_id)
            index: dict[str, list[FillinRow]] = {}
            for plan in plans:
                for sheet in fetch_fillin_sheets(self.ledger, plan, [unit_id]):
                    for row in sheet.rows:
                        index.setdefault(_text_key(row.code, row.title), []).append(row)
                        index.setdefault(_text_key("", row.title), []).append(row)
            self.text_index[cache_key] = index
        return self.text_index[cache_key]

    def item_by_text(self, unit_id: int, plan_id: int | None, code: str, title: str) -> FillinRow | None:
        """The unit's one assignment with this number and title (or, failing that, title)."""
        index = self._text_rows(unit_id, plan_id)
        for key in (_text_key(code, title), _text_key("", title)):
            candidates = index.get(key, [])
            if len(candidates) == 1:
                return candidates[0]
        return None

    def _match_by_text(self, preview: FilePreview, row: ReturnedRow, unit_id: int
                       ) -> AssignmentNow | None:
        found = self.item_by_text(unit_id, preview.plan_id or self.plan_id,
                                  row.locked.get(Field.CODE, ""), row.locked.get(Field.TITLE, ""))
        if found is None:
            return None
        return assignment_states(self.ledger, [found.assignment_id]).get(found.assignment_id)

    # -- plan, period, decisions --------------------------------------------------------------
    def _settle_plan_and_period(self, preview: FilePreview, workbook: ReturnedWorkbook,
                                matched: list) -> None:
        if preview.plan_id is None:
            plans = [state.plan_id for _, rows in matched for _, state, _ in rows if state]
            preview.plan_id = Counter(plans).most_common(1)[0][0] if plans else self.plan_id
        if workbook.meta is not None:
            preview.period = period_for(workbook.meta.period_key)
        elif self.period is not None:
            preview.period = self.period
        elif preview.plan_id is not None and (known := exported_periods(self.ledger, preview.plan_id)):
            preview.period = period_for(known[0])
        if self.plan_id is not None and preview.plan_id not in (None, self.plan_id):
            preview.exclude(tr("这是另一个计划的填报表（计划编号 {id}），本次未导入。")
                            .format(id=preview.plan_id))
        elif preview.period is None:
            preview.exclude(tr("无法确定这份填报表的报送周期，请在导入时指定报送周期。"))
        elif self.period is not None and preview.period.key != self.period.key:
            preview.exclude(tr("这是“{this}”的填报表，本次收集的是“{expected}”，未导入。如确需导入，"
                               "请单独导入这个文件。").format(this=preview.period.label,
                                                              expected=self.period.label))

    def _decide_sheet(self, preview: FilePreview, workbook: ReturnedWorkbook, sheet: ReturnedSheet,
                      rows: list[tuple[ReturnedRow, AssignmentNow | None, str]], year: int) -> None:
        if not rows and sheet.unit_id is None and find_unit(self.ledger, sheet.unit_hint) is None:
            return
        meta = workbook.meta
        period_key = preview.period.key if preview.period else ""
        unit_id = unit_name = None
        empty = 0
        seen: set[int] = set()
        slips = open_slips(self.ledger, [s.assignment_id for _, s, by in rows if s and by in ("key", "text")])
        for row, state, by in rows:
            if state is not None and by in ("key", "text"):
                unit_id, unit_name = state.unit_id, state.unit_name
            preview_row = self._decide_row(preview, sheet, row, state, by, meta, period_key, year)
            if preview_row.assignment_id is not None and by in ("key", "text"):
                preview_row.slips = tuple(label for _, label in slips.get(preview_row.assignment_id, []))
            preview.rows.append(preview_row)
            if preview_row.decision.action is Action.EMPTY:
                empty += 1
            if preview_row.assignment_id is not None and by in ("key", "text"):
                seen.add(preview_row.assignment_id)
        unit = (sheet.unit_id, sheet.unit_hint) if sheet.unit_id is not None else \
            (unit_id, unit_name) if unit_id is not None else find_unit(self.ledger, sheet.unit_hint)
        if unit is None or preview.plan_id is None:
            return
        expected_ids = {int(k.split("|")[1]) for k in sheet.expected_keys}
        missing = len(expected_ids - seen) if expected_ids else 0
        if missing:
            preview.warn(tr("与导出时相比少了 {n} 行（行被删除或行标识被改动）。").format(n=missing),
                         sheet.name)
        if empty:
            preview.warn(tr("{unit}有 {n} 行未填写，这些行仍列入催报名单。").format(unit=unit[1], n=empty),
                         sheet.name)
        preview.returns.append(UnitReturn(preview.plan_id, unit[0], period_key, sheet.token,
                                          len(expected_ids) or len(rows), empty, missing))

    def _decide_row(self, preview: FilePreview, sheet: ReturnedSheet, row: ReturnedRow,
                    state: AssignmentNow | None, by: str, meta, period_key: str, year: int
                    ) -> RowPreview:
        line = row.row + 1
        code, title = row.locked.get(Field.CODE, ""), row.locked.get(Field.TITLE, "")
        result = RowPreview(sheet.name, line, state.unit_name if state else sheet.unit_hint, code,
                            title, state.assignment_id if state else None, by if by in (
                                "key", "text") else "", Decision(Action.SKIPPED),
                            state.current if state else None)
        if state is None or by not in ("key", "text"):
            return result
        if by == "key" and meta is not None:
            self._check_locked(preview, sheet, row, meta.digests.get(row.key_text))
        earlier = self.claimed.get(state.assignment_id)
        if earlier is not None and not row.cells.is_empty():
            preview.warn(tr("这一行与 {earlier} 是同一项任务，已按先读到的导入，这一行忽略。")
                         .format(earlier=earlier), sheet.name, line)
            return result
        reported = read_cells(row.cells, year)
        current = state.current
        if by == "key":
            changed = (current.updated_at or "") != row.key.stamp
        else:
            exported_at = meta.exported_at if meta else None
            changed = bool(exported_at and (current.updated_at or "") > exported_at)
        result.decision = decide(
            reported, current, changed_since_export=changed,
            revised_same_period=state.last_from_return and state.last_period == period_key,
            empty=row.cells.is_empty())
        refused = result.decision.action is Action.REFUSED
        for problem in reported.problems:
            message = tr("这一行未导入：{problem}").format(problem=problem.message) if refused \
                else problem.message
            preview.warn(message, sheet.name, line, _column_of(sheet, problem.field))
        if result.decision.action is not Action.EMPTY:
            self.claimed[state.assignment_id] = tr("{file} 第 {row} 行").format(
                file=preview.path.name, row=line)
        return result

    def _check_locked(self, preview: FilePreview, sheet: ReturnedSheet, row: ReturnedRow,
                      digests: tuple[str, ...] | None) -> None:
        if not digests or len(digests) != len(CHECKED_FIELDS):
            return
        for name, digest in zip(CHECKED_FIELDS, digests, strict=True):
            if name in row.locked and cell_digest(row.locked[name]) != digest:
                preview.warn(tr("“{header}”是锁定列，回收表中对它的修改已忽略。")
                             .format(header=HEADER_OF[name]), sheet.name, row.row + 1,
                             _column_of(sheet, name.value))

    def _check_file(self, preview: FilePreview, workbook: ReturnedWorkbook) -> None:
        if not preview.include:
            return
        batch = find_batch_by_sha256(self.ledger, "returns", preview.sha256)
        if batch is not None:
            preview.exclude(tr("这个文件已经导入过（导入批次 {id}），未重复导入。").format(id=batch))
        elif not preview.rows and not preview.figures:
            preview.exclude(tr("文件中没有可以导入的行。"))


def _text_key(code: str, title: str) -> str:
    return f"{name_key(code)}|{name_key(title)}"


def _column_of(sheet: ReturnedSheet, field_name: str) -> str | None:
    try:
        col = sheet.columns.get(Field(field_name))
    except ValueError:
        return None
    return Grid.column_letter(col) if col is not None else None


def _letter(column: str | int | None) -> str | None:
    if isinstance(column, int):
        return Grid.column_letter(column - 1)
    return column
