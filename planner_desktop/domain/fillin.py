"""What goes out in a fill-in workbook (填报表): one unit's assignments for one period.

Plain records, built by the store from the ledger and handed to the workbook writer, so the
writer never sees SQL and the same records can be written one file per unit or all units in
one combined workbook.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from planner_desktop.domain.report_periods import ReportPeriod, period_for
from planner_desktop.domain.target_state import TrackedTarget


@dataclass(frozen=True)
class FillinRow:
    """One assignment as the unit sees it: read-only facts and its last reported state."""

    assignment_id: int
    stamp: str  # the assignment's updated_at at export time ("" if never updated)
    code: str  # the item's number (outline_codes.item_number): 二、（一）1.
    title: str
    measure: str
    role: str  # 牵头 / 配合 / 落实
    deadline: str
    last_status: str
    last_progress: int | None
    item_id: int = 0
    slip: str = ""  # the open 督办单 sent to the unit for this item (督办〔2026〕12号), if any


@dataclass(frozen=True)
class FillinTarget:
    """A quantified target the unit reports: the figure reached is asked beside its phrase."""

    target_id: int
    stamp: str  # when its latest figure was reported, at export time ("" if none yet)
    code: str
    title: str
    phrase: str  # 新增公办学位1260个
    wanted: str  # ≥1260个, as the ledger shows it
    measure: str
    last_figure: float | None


@dataclass
class FillinSheet:
    """One unit's part of an export (a file of its own, or a sheet of the combined workbook)."""

    unit_id: int
    unit_name: str
    rows: list[FillinRow]
    token: str = ""  # identifies this export of this unit; written in the metadata sheet
    targets: list[FillinTarget] = field(default_factory=list)


def targets_to_report(sheet: FillinSheet, targets: Iterable[TrackedTarget]) -> list[FillinTarget]:
    """The targets ``sheet``'s unit reports, of the items in its sheet, in the sheet's order.

    A placeholder (待定) is left out: nothing can be reported against a figure not yet set,
    and a target set aside is not asked for.
    """
    order = {row.item_id: (n, row) for n, row in enumerate(sheet.rows)}
    chosen = [t for t in targets if t.item_id in order and t.reporter_unit_id == sheet.unit_id
              and not t.removed and t.wanted is not None]
    chosen.sort(key=lambda t: (order[t.item_id][0], t.position, t.id))
    return [FillinTarget(t.id, t.figure_at, order[t.item_id][1].code, order[t.item_id][1].title,
                         t.text, t.wanted_text(), t.measure, t.figure) for t in chosen]


@dataclass
class FillinExport:
    """Everything one export writes, before any file exists."""

    plan_id: int
    plan_title: str
    period: ReportPeriod
    exported_at: dt.datetime
    sheets: list[FillinSheet] = field(default_factory=list)
    report_by: dt.date | None = None  # when the unit must send it back (shown in the title)

    @property
    def row_count(self) -> int:
        return sum(len(s.rows) for s in self.sheets)

    @property
    def target_count(self) -> int:
        return sum(len(s.targets) for s in self.sheets)


def suggested_periods(today: dt.date) -> list[ReportPeriod]:
    """The periods a clerk most likely collects for on ``today``: this and last month, this and
    last quarter, this half-year and the year (bureaus report monthly or quarterly)."""
    year, month = today.year, today.month
    quarter = (month - 1) // 3 + 1
    last_month = (year, month - 1) if month > 1 else (year - 1, 12)
    last_quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    keys = [f"{year}-{month:02d}", f"{last_month[0]}-{last_month[1]:02d}", f"{year}-Q{quarter}",
            f"{last_quarter[0]}-Q{last_quarter[1]}", f"{year}-H{1 if month <= 6 else 2}", f"{year}"]
    return [period_for(key) for key in keys]
