"""Targets through the loop: list them with their state, correct one, add one the parser
missed, set a false one aside, fill a placeholder, and record a figure reached.

Each write is one transaction with its history row (``store/target_edits.py``). Figures are
read the way a clerk types them (全角 digits, ``1,260``, ``85%``); a figure that is not a
number, or a negative one, is refused with a message, and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner_desktop.domain.outline_codes import number_items
from planner_desktop.domain.report_periods import period_for
from planner_desktop.domain.target_state import TargetState, TrackedTarget, read_figure
from planner_desktop.domain.targets import find_targets
from planner_desktop.errors import UserFixableError
from planner_desktop.i18n import tr
from planner_desktop.ops.changes import ITEM, Changed, Changes
from planner_desktop.store.database import Ledger
from planner_desktop.store.fillin import find_unit
from planner_desktop.store.target_edits import (
    TargetUndoPoint,
    insert_target,
    log_figure,
    restore_target,
    set_removed,
    target_history,
    target_row,
    undo_point,
    update_target,
)
from planner_desktop.store.targets import (
    FigureReport,
    item_exists,
    item_outline,
    record_figures,
    tracked_targets,
)

COMPARATOR_WORDS = {">=": ">=", "≥": ">=", "不少于": ">=", "<=": "<=", "≤": "<=", "不超过": "<=",
                    "=": "", "==": "", "等于": "", "": ""}
def read_comparator(text: str) -> str:
    word = (text or "").strip()
    if word not in COMPARATOR_WORDS:
        raise UserFixableError(tr("比较方式“{w}”无法识别，请写 不少于（>=）、不超过（<=）或 等于（=）。"
                                  ).format(w=text))
    return COMPARATOR_WORDS[word]


def _target(ledger: Ledger, target_id: int) -> dict:
    row = target_row(ledger.conn, target_id)
    if row is None:
        raise UserFixableError(tr("没有编号为 {id} 的量化指标（见 targets list）。").format(id=target_id))
    return row


def _reporter(ledger: Ledger, name: str) -> int:
    found = find_unit(ledger, name)
    if found is None:
        raise UserFixableError(tr("单位“{name}”不在单位名册中，不能作为填报单位。").format(name=name))
    return found[0]


@dataclass(frozen=True)
class TargetListing:
    target: TrackedTarget
    item_number: str
    item_title: str

    def to_json(self) -> dict:
        t = self.target
        return {"id": t.id, "item_id": t.item_id, "item": self.item_number, "item_title": self.item_title,
                "text": t.text, "wanted": t.wanted, "comparator": t.comparator or "=",
                "measure": t.measure, "placeholder": t.placeholder, "reporter": t.reporter,
                "figure": t.figure, "period": t.figure_period, "note": t.figure_note,
                "state": t.state.value, "removed": t.removed, "origin": t.origin}


def list_targets(ledger: Ledger, *, plan_id: int | None = None, item_id: int | None = None,
                 state: str | None = None, include_removed: bool = False) -> list[TargetListing]:
    if state is not None and state not in {s.value for s in TargetState}:
        raise UserFixableError(tr("状态“{s}”无法识别，请写 已达成、未达成、待填报 或 待定。").format(s=state))
    targets = tracked_targets(ledger, plan_id=plan_id, item_ids=None if item_id is None else [item_id],
                              include_removed=include_removed)
    if state is not None:
        targets = [t for t in targets if t.state.value == state]
    plans = {t.plan_id for t in targets}
    outline = item_outline(ledger, plans)
    numbers = number_items(outline)
    titles = {r[0]: r[3] for r in outline}
    return [TargetListing(t, numbers[t.item_id].number if t.item_id in numbers else "",
                          titles.get(t.item_id, "")) for t in targets]


def _values(ledger: Ledger, row: dict | None, *, text: str | None, figure: str | float | None,
            measure: str | None, comparator: str | None, reporter: str | None) -> dict:
    values: dict = {}
    if text is not None:
        if not text.strip():
            raise UserFixableError(tr("指标内容不能为空。"))
        values["text"] = text.strip()
    unit = measure if measure is not None else (row or {}).get("unit", "")
    if measure is not None:
        values["unit"] = measure.strip()
    if figure is not None:
        values["number"] = read_figure(figure, unit, tr("目标值"))
        values["placeholder"] = 0
    if comparator is not None:
        values["comparator"] = read_comparator(comparator)
    if reporter is not None:
        values["reporter_unit_id"] = _reporter(ledger, reporter) if reporter.strip() else None
    return values


def edit_target(ledger: Ledger, target_id: int, *, text: str | None = None, figure: str | float | None = None,
                measure: str | None = None, comparator: str | None = None, reporter: str | None = None,
                remove: bool = False, restore: bool = False) -> Changed[int]:
    """Correct a target, fill its placeholder (``figure``), set it aside or take it back."""
    row = _target(ledger, target_id)
    values = _values(ledger, row, text=text, figure=figure, measure=measure, comparator=comparator,
                     reporter=reporter)
    if not values and not remove and not restore:
        raise UserFixableError(tr("没有要修改的内容：请给出 --text、--figure、--measure、--comparator、"
                                  "--reporter、--remove 或 --restore。"))
    with ledger.transaction() as conn:
        if values:
            action = "fill" if row["placeholder"] and "number" in values else "edit"
            update_target(conn, target_id, values, action)
        if remove or restore:
            set_removed(conn, target_id, remove)
    return Changed(target_id, ITEM)


def add_target(ledger: Ledger, item_id: int, text: str, *, figure: str | float | None = None,
               measure: str | None = None, comparator: str | None = None,
               reporter: str | None = None) -> Changed[int]:
    """A target the parser missed; what is not given is read from the phrase as the parser would."""
    if not item_exists(ledger, item_id):
        raise UserFixableError(tr("没有编号为 {id} 的要点。").format(id=item_id))
    found = find_targets(text.strip())
    parsed = found[0] if found else None
    values = {"text": text.strip(), "subject": parsed.subject if parsed else "",
              "number": parsed.number if parsed else None, "unit": parsed.unit if parsed else "",
              "comparator": parsed.comparator if parsed else "",
              "placeholder": int(parsed.placeholder) if parsed else 0}
    values.update(_values(ledger, None, text=text, figure=figure, measure=measure, comparator=comparator,
                          reporter=reporter))
    if values["number"] is None and not values["placeholder"]:
        raise UserFixableError(tr("“{text}”中没有找到目标值：请用 --figure 给出数字。").format(text=text))
    with ledger.transaction() as conn:
        target_id = insert_target(conn, item_id, values)
    return Changed(target_id, ITEM)


def report_value(ledger: Ledger, target_id: int, period: str, figure: str | float, *, note: str = "",
                 unit: str | None = None) -> Changed[int]:
    """A figure reached for a period, as typed by the clerk (source hand)."""
    row = _target(ledger, target_id)
    if row["removed_at"]:
        raise UserFixableError(tr("量化指标 {id} 已移除，不能填报完成值；如需填报请先恢复。").format(
            id=target_id))
    if row["number"] is None:
        raise UserFixableError(tr("量化指标“{text}”的目标值还是待定（占位符），请先填写目标值。").format(
            text=row["text"]))
    key = period_for(period).key
    value = read_figure(figure, row["unit"], tr("完成值"))
    unit_id = _reporter(ledger, unit) if unit else row["reporter_unit_id"]
    with ledger.transaction() as conn:
        figure_id = record_figures(conn, [FigureReport(target_id, key, value, note.strip(), unit_id)])[0]
        log_figure(conn, target_id, figure_id, key, value)
    return Changed(figure_id, ITEM)


def target_undo_point(ledger: Ledger, target_id: int | None) -> TargetUndoPoint:
    """Taken before a change, so the window's undo can put the target back exactly."""
    return undo_point(ledger.conn, target_id)


def undo_target_change(ledger: Ledger, target_id: int, point: TargetUndoPoint) -> Changes:
    with ledger.transaction() as conn:
        restore_target(conn, target_id, point)
    return ITEM


def item_target_history(ledger: Ledger, item_id: int) -> list[dict]:
    """What was done to the item's targets, newest first, for the detail pane."""
    return target_history(ledger.conn, item_id)
