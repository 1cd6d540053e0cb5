"""What the 考核 counts, read from the ledger in a few queries (100,000 assignments in well
under a second): assignments with their original and current due, the fill-in rounds, the
督办单 received and the targets by reporter unit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner_desktop.domain.target_state import TargetState
from planner_desktop.store.database import Ledger, translated_errors
from planner_desktop.store.fillin import ReportState, report_states
from planner_desktop.store.targets import tracked_targets

# The original due is the old due of an assignment's first extension; the due in force is its
# own due or the item's. An assignment is read when any of its dates falls in the period.
_ASSIGNMENTS = """
WITH first_ext AS (
    SELECT x.assignment_id, x.old_due FROM extension x
    WHERE x.id = (SELECT min(y.id) FROM extension y WHERE y.assignment_id = x.assignment_id)
), dated AS (
    SELECT a.unit_id, a.status, a.completed_on, coalesce(a.due, i.due) AS in_force,
           CASE WHEN f.assignment_id IS NULL THEN coalesce(a.due, i.due) ELSE f.old_due END AS original
    FROM assignment a JOIN plan_item i ON i.id = a.item_id
    LEFT JOIN first_ext f ON f.assignment_id = a.id
)
SELECT unit_id, status, completed_on, original, in_force FROM dated
WHERE (substr(completed_on, 1, 10) BETWEEN :start AND :end)
   OR (original BETWEEN :start AND :end) OR (in_force BETWEEN :start AND :end)
"""


@dataclass(frozen=True)
class UnitRow:
    id: int
    name: str
    kind: str
    position: int


@dataclass(frozen=True)
class ReportRound:
    """One plan's fill-in round for a period, with each expected unit's state."""

    plan_id: int
    period: str
    states: list[ReportState]


def units(ledger: Ledger) -> list[UnitRow]:
    return [UnitRow(*r) for r in ledger.conn.execute(
        "SELECT id, name, kind, position FROM unit ORDER BY kind != '股室', position, id")]


def assignment_dates(ledger: Ledger, start: dt.date, end: dt.date) -> list[tuple]:
    """``(unit_id, status, completed_on, original_due, due_in_force)`` of every assignment with
    a date in ``start``–``end``; dates as ISO text."""
    with translated_errors(ledger.path):
        return ledger.conn.execute(
            _ASSIGNMENTS, {"start": start.isoformat(), "end": end.isoformat()}).fetchall()


def report_rounds(ledger: Ledger, periods: set[str] | None = None) -> list[ReportRound]:
    """Every (plan, period) workbooks were exported for, with who reported (the 催报名单's
    states, so 未报送 means here what it means there)."""
    pairs = ledger.conn.execute(
        "SELECT DISTINCT plan_id, period FROM fillin_export ORDER BY plan_id, period").fetchall()
    return [ReportRound(plan, period, report_states(ledger, plan, period))
            for plan, period in pairs if periods is None or period in periods]


def exported_period_keys(ledger: Ledger) -> list[str]:
    return [r[0] for r in ledger.conn.execute("SELECT DISTINCT period FROM fillin_export")]


def slips_received(ledger: Ledger, start: dt.date, end: dt.date) -> dict[int, int]:
    return dict(ledger.conn.execute(
        "SELECT unit_id, count(*) FROM supervision_slip WHERE substr(issued_at, 1, 10) BETWEEN ? AND ? "
        "GROUP BY unit_id", (start.isoformat(), end.isoformat())).fetchall())


def targets_by_reporter(ledger: Ledger, start: dt.date, end: dt.date) -> dict[int, tuple[int, int]]:
    """``unit_id → (reached, tracked)`` for the targets of plans of the period's years, with the
    figures known at its end; placeholders (x个) are not tracked."""
    plans = [r[0] for r in ledger.conn.execute(
        "SELECT id FROM plan WHERE year BETWEEN ? AND ?", (start.year, end.year))]
    out: dict[int, tuple[int, int]] = {}
    for plan_id in plans:
        for target in tracked_targets(ledger, plan_id=plan_id, until=end.isoformat()):
            if target.placeholder or target.reporter_unit_id is None:
                continue
            reached, tracked = out.get(target.reporter_unit_id, (0, 0))
            out[target.reporter_unit_id] = (reached + (target.state is TargetState.REACHED),
                                            tracked + 1)
    return out
