"""Which target a row of a returned 量化指标 sheet reports, and what its figure would do.

The same matching as the status rows (``matching.py``): by the export's hidden key, else by
the unit and the target's phrase, else by the item's number and title. A row that names an
item without targets, a figure that is text or negative, a target still 待定: each is
refused with the cell named, and the rest of the file still reads.
"""

from __future__ import annotations

from collections.abc import Callable

from planner_desktop.domain.fillin import FillinRow
from planner_desktop.domain.returns import Action, FigureDecision, decide_figure
from planner_desktop.domain.target_state import TrackedTarget
from planner_desktop.domain.units import name_key
from planner_desktop.exchange.fillin_layout import Field
from planner_desktop.exchange.fillin_reader import (
    ReturnedFigureRow,
    ReturnedTargetSheet,
    ReturnedWorkbook,
)
from planner_desktop.exchange.grid import Grid
from planner_desktop.i18n import tr
from planner_desktop.ops.fillin.previews import FigureRowPreview, FilePreview
from planner_desktop.store.database import Ledger
from planner_desktop.store.fillin import find_unit
from planner_desktop.store.targets import tracked_targets

# (unit id, plan id, number, title) → the row of the unit's assignment they name, if one
ItemByText = Callable[[int, int | None, str, str], FillinRow | None]


class FigureMatcher:
    """Matches returned figures to targets, remembering which targets earlier files reported."""

    def __init__(self, ledger: Ledger, item_by_text: ItemByText) -> None:
        self.ledger = ledger
        self.item_by_text = item_by_text  # as the status rows are matched (matching.py)
        self.claimed: dict[int, str] = {}  # target id → "file 第N行" that reported it
        self._plan_targets: dict[int, list[TrackedTarget]] = {}

    def file(self, preview: FilePreview, workbook: ReturnedWorkbook) -> None:
        """Decide every figure row of ``workbook`` into ``preview``; a 量化指标 sheet without
        its 本期完成值 column leaves the whole file out (what the unit meant is not known)."""
        for name in workbook.missing_target_sheets():
            preview.warn(tr("“{name}”表已被删除，本单位的量化指标完成值没有填报。").format(name=name))
        for sheet in workbook.target_sheets:
            if not sheet.has_figure_column:
                reason = tr("“{sheet}”表中找不到“本期完成值”列（可能被删除或改了名），这份文件未导入："
                            "请填报单位用原表重新填写。").format(sheet=sheet.name)
                preview.include, preview.reason = False, reason
                preview.warn(reason, sheet.name)
                return
        for sheet in workbook.target_sheets:
            self._sheet(preview, workbook, sheet)

    # -- one sheet ------------------------------------------------------------------------------
    def _unit(self, workbook: ReturnedWorkbook, sheet: ReturnedTargetSheet) -> tuple[int, str] | None:
        meta = workbook.meta
        if meta is not None and sheet.unit_sheet in meta.sheets:
            unit_id, unit_name, _token, _checksum = meta.sheets[sheet.unit_sheet]
            return unit_id, unit_name
        return find_unit(self.ledger, sheet.unit_hint)

    def _sheet(self, preview: FilePreview, workbook: ReturnedWorkbook, sheet: ReturnedTargetSheet) -> None:
        unit = self._unit(workbook, sheet)
        if unit is None:
            preview.warn(tr("无法确定这张量化指标表属于哪个单位（“{hint}”不在单位名册中），未导入。")
                         .format(hint=sheet.unit_hint), sheet.name)
            return
        if sheet.checksum_ok is False:
            preview.warn(tr("填报表信息与导出时不一致，可能被改动过，请核对。"), sheet.name)
        keyed = [r.key.target_id for r in sheet.rows if r.key is not None]
        by_id = {t.id: t for t in tracked_targets(self.ledger, target_ids=keyed, include_removed=True)}
        seen: set[str] = set()
        for row in sheet.rows:
            preview.figures.append(self._row(preview, workbook, sheet, row, unit, by_id))
            seen.add(row.key_text)
        missing = len(set(sheet.expected_keys) - seen)
        if missing:
            preview.warn(tr("量化指标表与导出时相比少了 {n} 行（行被删除或行标识被改动）。")
                         .format(n=missing), sheet.name)

    def _row(self, preview: FilePreview, workbook: ReturnedWorkbook, sheet: ReturnedTargetSheet,
             row: ReturnedFigureRow, unit: tuple[int, str], by_id: dict[int, TrackedTarget]
             ) -> FigureRowPreview:
        line = row.row + 1
        letter = Grid.column_letter(sheet.columns[Field.FIGURE])
        result = FigureRowPreview(sheet.name, line, unit[1], row.code, row.phrase, None, "",
                                  FigureDecision(Action.SKIPPED), unit_id=unit[0])

        def warn(message: str) -> None:
            preview.warn(message, sheet.name, line, letter)

        if row.key is not None:
            target, by = by_id.get(row.key.target_id), "key"
            if target is None:
                warn(tr("这个量化指标在导出后已从账本中删除，这一行已忽略。"))
                return result
        else:
            target, refusal = self._by_text(preview, row, unit[0])
            by = "text"
            if refusal:
                warn(tr("这一行未导入：{reason}").format(reason=refusal))
                result.decision = FigureDecision(Action.REFUSED, reasons=[refusal])
                return result
            if target is None:
                warn(tr("这一行无法对应到本单位在账本中的量化指标（编号“{code}”），已忽略。").format(
                    code=row.code))
                return result
            if row.figure:
                warn(tr("这一行没有行标识，已按指标内容对应到账本中的量化指标。"))
        result.target_id, result.matched_by, result.old = target.id, by, target
        if target.reporter_unit_id != unit[0]:
            warn(tr("这个量化指标由“{other}”填报，不是本表的“{unit}”，已忽略。").format(
                other=target.reporter or tr("（未指定）"), unit=unit[1]))
            return result
        earlier = self.claimed.get(target.id)
        if earlier is not None and row.figure:
            warn(tr("这一行与 {earlier} 是同一个量化指标，已按先读到的导入，这一行忽略。")
                 .format(earlier=earlier))
            return result
        exported_at = workbook.meta.exported_at if workbook.meta else ""
        changed = (row.key.stamp != target.figure_at) if row.key is not None else bool(
            exported_at and target.figure_at > exported_at)
        period = preview.period.key if preview.period else ""
        result.decision = decision = decide_figure(row.figure, row.note, target, period,
                                                   changed_since_export=changed)
        for reason in decision.reasons:
            warn(tr("这一行未导入：{reason}").format(reason=reason)
                 if decision.action is Action.REFUSED else reason)
        if decision.action not in (Action.EMPTY, Action.SKIPPED):
            self.claimed[target.id] = tr("{file} 第 {row} 行").format(file=preview.path.name, row=line)
        return result

    def _by_text(self, preview: FilePreview, row: ReturnedFigureRow, unit_id: int
                 ) -> tuple[TrackedTarget | None, str]:
        """A row without its key: the unit's target with this phrase, else the item named by
        its number and title. A figure for an item without that target is refused (the
        reason is returned), never recorded against a target made up for it."""
        plan_id = preview.plan_id
        if plan_id is None:
            return None, ""
        if plan_id not in self._plan_targets:
            self._plan_targets[plan_id] = tracked_targets(self.ledger, plan_id=plan_id)
        targets = self._plan_targets[plan_id]
        phrase = name_key(row.phrase)
        mine = [t for t in targets if t.reporter_unit_id == unit_id and name_key(t.text) == phrase]
        if phrase and len(mine) == 1:
            return mine[0], ""
        item = self.item_by_text(unit_id, plan_id, row.code, row.title)
        if item is None or not row.figure:
            return None, ""
        if not any(t.item_id == item.item_id for t in targets):
            return None, tr("编号“{code}”的任务在账本中没有量化指标，完成值“{figure}”无处记录；如确有指标，"
                            "请先在账本中添加。").format(code=item.code, figure=row.figure)
        return None, tr("编号“{code}”的任务在账本中没有“{phrase}”这个量化指标。").format(
            code=item.code, phrase=row.phrase)
