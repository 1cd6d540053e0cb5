"""Who has and has not reported for a plan and period: the dashboard and the 催报名单."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planner_desktop.domain.report_periods import ReportPeriod, period_for
from planner_desktop.exchange.reminder_xlsx import ReminderRow, write_reminder_workbook
from planner_desktop.i18n import tr
from planner_desktop.store.database import Ledger
from planner_desktop.store.fillin import (
    ReportState,
    exported_periods,
    plan_title,
    report_states,
)


def not_reported(ledger: Ledger, plan_id: int, period: str) -> list[ReportState]:
    """The 催报名单: units whose workbook for ``period`` has not come back, or came back with
    rows left empty."""
    key = period_for(period).key
    return [s for s in report_states(ledger, plan_id, key) if not s.reported]


@dataclass
class ReminderList:
    """Who has and has not reported for one plan and period (the dashboard and the 催报名单)."""

    plan_id: int
    plan_title: str
    period: ReportPeriod
    states: list[ReportState]
    exported: bool  # workbooks were sent for this period (else every plan unit is expected)

    @property
    def missing(self) -> list[ReportState]:
        return [s for s in self.states if not s.reported]

    @property
    def returned(self) -> list[ReportState]:
        """Units whose workbook came back, with every row filled or not: what 已报送 counts (a
        unit that sent its file with two rows left empty has reported, and is chased for those
        rows only)."""
        return [s for s in self.states if s.returned_at is not None]

    def to_json(self) -> dict:
        return {"plan_id": self.plan_id, "plan_title": self.plan_title, "period": self.period.key,
                "period_label": self.period.label, "exported": self.exported,
                "expected": len(self.states), "reported": len(self.states) - len(self.missing),
                "returned": len(self.returned),
                "units": [s.to_json() for s in self.missing]}


def reminder_list(ledger: Ledger, plan_id: int, period: str | ReportPeriod) -> ReminderList:
    report_period = period_for(period) if isinstance(period, str) else period
    title, _ = plan_title(ledger, plan_id)
    states = report_states(ledger, plan_id, report_period.key)
    exported = report_period.key in exported_periods(ledger, plan_id)
    return ReminderList(plan_id, title, report_period, states, exported)


def write_reminder_list(path: Path, reminders: ReminderList) -> None:
    """The 催报名单 as a workbook the clerk can print or send round (written atomically)."""
    rows = [ReminderRow(s.unit_name, s.unit_kind, s.contact, s.phone, s.exported_at or "",
                        _reminder_state(s), s.empty_rows) for s in reminders.missing]
    write_reminder_workbook(Path(path), reminders.plan_title, reminders.period.label, rows)


def _reminder_state(state: ReportState) -> str:
    if state.returned_at is None:
        return tr("未报送")
    return tr("已报送，{n} 项未填写").format(n=state.empty_rows)
