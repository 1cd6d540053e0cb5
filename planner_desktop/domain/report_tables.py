"""The tables of the 督办台账, the unit sheets and the overdue list, built from ledger rows.

The rows are the ledger table's own (:class:`LedgerRow`, the same the window and
``items list`` show), so a printed sheet says exactly what the clerk saw on screen.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from planner_desktop.domain.ledger_table import LedgerRow
from planner_desktop.domain.outline_codes import numbered_title
from planner_desktop.domain.report_content import (
    Align,
    CellKind,
    Column,
    ReportTable,
    TableRow,
    TableSection,
)
from planner_desktop.domain.report_targets import target_cell
from planner_desktop.domain.status import Schedule, Status
from planner_desktop.domain.target_state import TrackedTarget
from planner_desktop.i18n import tr

SCHOOLS_LISTED = 6  # more schools than this are summarised as 甲、乙、丙等N所


def names_text(names: Sequence[str], limit: int = SCHOOLS_LISTED, noun: str = "所") -> str:
    """``甲、乙`` or, for a long list, ``甲等25所`` (``甲、乙等12个单位``): a cell naming 300 schools would
    fill a page, and what the reader needs is who and how many."""
    if len(names) <= limit:
        return "、".join(names)
    return tr("{first}等{n}{noun}").format(first="、".join(names[:2 if noun != "所" else 1]), n=len(names),
                                            noun=noun)


def deadline_cell(row: LedgerRow) -> str:
    """The deadline as written, with the date it means when the words differ from it."""
    text = row.deadline_text.strip()
    due = row.due.isoformat() if row.due else ""
    if not text:
        return due
    if due and due not in text:
        return f"{text}\n{due}"
    return text


def outline_codes(rows: Sequence[LedgerRow]) -> dict[int, str]:
    """Each item's number (``二、（一）3.``, outline_codes.item_number), which the rows carry:
    on a unit's sheet or in the overdue list an item stands without its headings, and ``3.``
    alone would be ambiguous."""
    return {row.item_id: row.code for row in rows}


def is_overdue(row: LedgerRow) -> bool:
    return row.schedule is Schedule.OVERDUE


def is_due_soon(row: LedgerRow, within: int) -> bool:
    return (row.schedule not in (Schedule.CLOSED, Schedule.OVERDUE) and row.status is not Status.SUSPENDED
            and row.remaining_workdays is not None and 0 <= row.remaining_workdays <= within)


def chased_days(row: LedgerRow) -> int | None:
    """Working days left (negative overdue) for open work; nothing for done or cancelled."""
    return None if row.schedule is Schedule.CLOSED else row.remaining_workdays


def select_items(rows: Sequence[LedgerRow], item_ids: Iterable[int] | None) -> list[tuple[LedgerRow, bool]]:
    """The chosen items in outline order, as ``(row, printed_as_heading)``.

    A heading (an item with sub-items) is kept as a spanning heading row when anything under
    it is chosen, so a sheet filtered to a few items still shows where they sit in the plan;
    a chosen heading with nothing chosen under it is printed as an ordinary row with its
    aggregated state (it is what the clerk picked). Without a choice every item is kept.
    """
    chosen = None if item_ids is None else set(item_ids)
    keep: dict[int, bool] = {}
    stack: list[int] = []  # indexes of the headings above the current row
    for i, row in enumerate(rows):
        while stack and (rows[stack[-1]].plan_id != row.plan_id or rows[stack[-1]].level >= row.level):
            stack.pop()
        if chosen is None or row.item_id in chosen:
            for heading in stack:
                keep[heading] = True
            keep.setdefault(i, chosen is None and not row.is_leaf)
        if not row.is_leaf:
            stack.append(i)
    return [(rows[i], keep[i]) for i in sorted(keep)]


def heading_row(row: LedgerRow, columns: int, targets: Sequence[TrackedTarget] = ()) -> TableRow:
    """A spanning row; the targets a heading states itself (三、（一）'s 覆盖率达到92%) follow its
    title there, as a heading has no cells of its own."""
    title = numbered_title(row.code, row.title)
    if targets:
        title += tr("　量化指标：") + "；".join(target_cell(targets).split("\n"))
    return TableRow((title,) + (None,) * (columns - 1), heading=True)


LEDGER_COLUMNS = [
    Column("code", "编号", 13, align=Align.CENTER),
    Column("title", "工作任务", 54),
    Column("lead", "牵头单位", 23),
    Column("support", "配合单位", 23),
    Column("schools", "落实学校", 27),
    Column("deadline", "完成时限", 22),
    Column("status", "状态", 20, align=Align.CENTER),
    Column("progress", "进度", 11, CellKind.PERCENT, Align.RIGHT),
    Column("note", "最新进展", 46),
    Column("remaining", "剩余/逾期\n（工作日）", 18, CellKind.WORKDAYS, Align.CENTER),
    Column("light", "督办灯", 13, CellKind.LIGHT, Align.CENTER),
]
# With the plan's 量化指标: the same page width, the text columns a little narrower.
TARGETS_COLUMN = Column("targets", "量化指标", 34)
_NARROWER = {"code": 12, "lead": 21, "support": 19, "schools": 21, "deadline": 19, "status": 18,
             "note": 32, "remaining": 16}
LEDGER_COLUMNS_WITH_TARGETS = [
    *(dataclasses.replace(c, width=_NARROWER.get(c.key, c.width)) for c in LEDGER_COLUMNS[:9]),
    TARGETS_COLUMN,
    *(dataclasses.replace(c, width=_NARROWER.get(c.key, c.width)) for c in LEDGER_COLUMNS[9:]),
]


def ledger_table(item_rows: Sequence[LedgerRow], item_ids: Iterable[int] | None,
                 targets: Mapping[int, Sequence[TrackedTarget]] | None = None) -> ReportTable:
    """督办台账: every chosen item with its units, deadline, state and latest note, and, when
    the plan has 量化指标 (``targets`` by item), each item's targets with figure and state."""
    columns = LEDGER_COLUMNS_WITH_TARGETS if targets else LEDGER_COLUMNS
    rows: list[TableRow] = []
    for r, as_heading in select_items(item_rows, item_ids):
        if as_heading:
            rows.append(heading_row(r, len(columns), (targets or {}).get(r.item_id, ())))
            continue
        cells = [r.code, r.title, "、".join(r.lead), "、".join(r.support), names_text(r.schools),
                 deadline_cell(r), r.status_summary(), r.progress, r.note, chased_days(r), r.light]
        if targets:
            cells.insert(9, target_cell(targets.get(r.item_id, ())))
        rows.append(TableRow(tuple(cells), light=r.light, overdue=is_overdue(r)))
    return ReportTable(columns, [TableSection(None, rows)])


UNIT_COLUMNS = [
    Column("code", "编号", 18, align=Align.CENTER),
    Column("title", "工作任务", 74),
    Column("role", "职责", 12, align=Align.CENTER),
    Column("deadline", "完成时限", 26),
    Column("status", "状态", 16, align=Align.CENTER),
    Column("progress", "进度", 11, CellKind.PERCENT, Align.RIGHT),
    Column("note", "最新进展", 72),
    Column("remaining", "剩余/逾期\n（工作日）", 18, CellKind.WORKDAYS, Align.CENTER),
    Column("light", "督办灯", 14, CellKind.LIGHT, Align.CENTER),
]


def _unit_row(r: LedgerRow, codes: dict[int, str]) -> TableRow:
    return TableRow((codes.get(r.item_id, r.code), r.title, r.role_label, deadline_cell(r), r.status.value,
                     r.progress, r.note,
                     chased_days(r), r.light), light=r.light, overdue=is_overdue(r))


def _by_unit(rows: Iterable[LedgerRow], unit_order: Sequence[str]) -> list[tuple[str, list[LedgerRow]]]:
    grouped: dict[str, list[LedgerRow]] = defaultdict(list)
    for r in rows:
        grouped[r.unit_name].append(r)
    rank = {name: i for i, name in enumerate(unit_order)}
    return sorted(grouped.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]))


def chosen_assignments(assignment_rows: Iterable[LedgerRow], item_ids: Iterable[int] | None,
                       plan_id: int | None = None) -> list[LedgerRow]:
    chosen = None if item_ids is None else set(item_ids)
    return [r for r in assignment_rows
            if (plan_id is None or r.plan_id == plan_id) and (chosen is None or r.item_id in chosen)]


def unit_sheets_table(assignments: Sequence[LedgerRow], unit_order: Sequence[str],
                      codes: dict[int, str]) -> ReportTable:
    """各单位任务清单: one section per unit, each starting on its own page."""
    sections = []
    for unit, rows in _by_unit(assignments, unit_order):
        done = sum(r.status is Status.DONE for r in rows)
        going = sum(r.status is Status.IN_PROGRESS for r in rows)
        late = sum(is_overdue(r) for r in rows)
        note = tr("共 {n} 项：已完成 {done} 项，推进中 {going} 项，逾期 {late} 项").format(
            n=len(rows), done=done, going=going, late=late)
        title = tr("{unit}任务清单").format(unit=unit)
        sections.append(TableSection(title, [_unit_row(r, codes) for r in rows], note=note, new_page=True))
    return ReportTable(UNIT_COLUMNS, sections)


def overdue_table(assignments: Sequence[LedgerRow], unit_order: Sequence[str], within: int,
                  codes: dict[int, str]) -> ReportTable:
    """逾期及临期任务清单: each unit's overdue work (most overdue first), then what falls due
    within ``within`` working days."""
    wanted = [r for r in assignments if is_overdue(r) or is_due_soon(r, within)]
    sections = []
    for unit, rows in _by_unit(wanted, unit_order):
        late = sorted((r for r in rows if is_overdue(r)), key=lambda r: (r.remaining_workdays or 0, r.order))
        soon = sorted((r for r in rows if not is_overdue(r)), key=lambda r: (r.remaining_workdays, r.order))
        note = tr("逾期 {late} 项，临期 {soon} 项").format(late=len(late), soon=len(soon))
        sections.append(TableSection(unit, [_unit_row(r, codes) for r in late + soon], note=note))
    return ReportTable(UNIT_COLUMNS, sections)
