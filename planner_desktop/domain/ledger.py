"""The schedule view of the ledger: each item's status, progress and traffic light as of a day.

Nothing here is stored: statuses of assignments are facts in the ledger, while 逾期/临期 and
the lights depend on the as-of date and the working-day calendar, so they are derived every
time from plain rows the store hands over.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from planner_desktop.domain.status import (
    Light,
    Schedule,
    Status,
    aggregate_status,
    light_of,
    schedule_of,
)
from planner_desktop.domain.units import Role
from planner_desktop.domain.workdays import WorkCalendar


@dataclass(frozen=True)
class ItemRecord:
    """A plan item as stored."""

    id: int
    plan_id: int
    parent_id: int | None
    position: int
    level: int
    code: str
    title: str
    text: str
    deadline_text: str
    due: dt.date | None
    deadline_kind: str
    plan_year: int
    # As clerks cite it (``一、（一）1.``, outline_codes.item_number), and the items above it.
    number: str = ""
    above: tuple[str, ...] = ()


@dataclass(slots=True)
class AssignmentRecord:
    """An assignment as stored, with its unit's name and kind.

    Not frozen: a ledger holds up to 100,000 of these and a frozen dataclass is several times
    slower to create; nothing changes them after the store hands them over.
    """

    id: int
    item_id: int
    unit_id: int
    unit_name: str
    unit_kind: str
    role: Role
    due: dt.date | None
    status: Status
    progress: int | None
    note: str
    updated_at: str | None

    @property
    def last_update(self) -> str | None:  # the name the ledger table's rows use
        return self.updated_at


@dataclass
class ItemView:
    """One row of the item ledger as of a day (what ``items list`` prints)."""

    record: ItemRecord
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    schools: list[str] = field(default_factory=list)
    status: Status = Status.NOT_STARTED
    progress: int = 0
    schedule: Schedule = Schedule.NORMAL
    light: Light = Light.GREEN
    remaining_workdays: int | None = None  # negative: working days overdue
    done_count: int = 0
    assignment_count: int = 0
    last_update: str | None = None
    note: str = ""

    def to_json(self) -> dict:
        r = self.record
        return {
            "id": r.id,
            "plan_id": r.plan_id,
            "parent_id": r.parent_id,
            "code": r.number or r.code,
            "level": r.level,
            "title": r.title,
            "text": r.text,
            "deadline_text": r.deadline_text,
            "due": r.due.isoformat() if r.due else None,
            "deadline_kind": r.deadline_kind,
            "lead": self.lead,
            "support": self.support,
            "schools": self.schools,
            "status": self.status.value,
            "light": self.light.value,
            "progress": self.progress,
            "schedule": self.schedule.value,
            "remaining_workdays": self.remaining_workdays,
            "last_update": self.last_update,
        }


def effective_progress(status: Status, progress: int | None) -> int:
    """Progress for averaging: a done assignment counts as 100 even when nobody typed it."""
    if status is Status.DONE:
        return 100
    return progress or 0


def build_item_views(
    items: Iterable[ItemRecord],
    assignments: Iterable[AssignmentRecord],
    today: dt.date,
    calendar: WorkCalendar,
    due_soon_days: int = 3,
) -> list[ItemView]:
    """Item views in outline order; items without assignments take their children's state."""
    items = list(items)
    by_item: dict[int, list[AssignmentRecord]] = defaultdict(list)
    for assignment in assignments:
        by_item[assignment.item_id].append(assignment)
    children: dict[int | None, list[ItemRecord]] = defaultdict(list)
    for item in items:
        children[item.parent_id].append(item)
    views: dict[int, ItemView] = {}

    def visit(item: ItemRecord) -> ItemView:
        kids = [visit(child) for child in sorted(children[item.id], key=outline_key)]
        view = ItemView(item)
        own = by_item.get(item.id, [])
        for a in own:
            target = {Role.LEAD: view.lead, Role.SUPPORT: view.support}.get(a.role, view.schools)
            target.append(a.unit_name)
        if own:
            statuses = [a.status for a in own]
            view.status = aggregate_status(statuses)
            view.progress = round(sum(effective_progress(a.status, a.progress) for a in own)
                                  / len(own))
            view.assignment_count = len(own)
            view.done_count = sum(a.status is Status.DONE for a in own)
            latest = max(own, key=lambda a: a.updated_at or "")
            view.last_update, view.note = latest.updated_at, latest.note
        elif kids:
            view.status = aggregate_status(k.status for k in kids)
            view.progress = round(sum(k.progress for k in kids) / len(kids))
            view.assignment_count = sum(k.assignment_count for k in kids)
            view.done_count = sum(k.done_count for k in kids)
            view.last_update = max((k.last_update or "" for k in kids), default="") or None
        apply_schedule(view, today, calendar, due_soon_days)
        views[item.id] = view
        return view

    for root in sorted(children[None], key=outline_key):
        visit(root)
    return [views[item.id] for item in outline_order(children)]


def apply_schedule(view: ItemView, today: dt.date, calendar: WorkCalendar, due_soon_days: int) -> None:
    due = view.record.due
    start = dt.date(view.record.plan_year, 1, 1)
    view.schedule = schedule_of(view.status, due, today, calendar, due_soon_days)
    view.light = light_of(view.status, due, today, calendar, progress=view.progress, start=start,
                          due_soon_days=due_soon_days)
    view.remaining_workdays = calendar.workdays_between(today, due) if due else None


def outline_key(item: ItemRecord) -> tuple[int, int]:
    return item.plan_id, item.position


def outline_order(children: dict[int | None, list[ItemRecord]]) -> list[ItemRecord]:
    ordered: list[ItemRecord] = []

    def walk(parent: int | None) -> None:
        for item in sorted(children.get(parent, []), key=outline_key):
            ordered.append(item)
            walk(item.id)

    walk(None)
    return ordered


@dataclass
class ItemFilter:
    """What the clerk narrowed the ledger to; empty fields do not filter."""

    plan_id: int | None = None
    statuses: set[Status] = field(default_factory=set)
    unit_names: set[str] = field(default_factory=set)  # canonical names (aliases resolved)
    overdue: bool = False
    due_within: int | None = None  # working days ahead, not yet overdue
    lights: set[Light] = field(default_factory=set)
    item_ids: set[int] | None = None  # from a text search; None = no search

    def accepts(self, view: ItemView) -> bool:
        record = view.record
        checks = (
            self.plan_id is None or record.plan_id == self.plan_id,
            not self.statuses or view.status in self.statuses,
            not self.unit_names
            or not self.unit_names.isdisjoint([*view.lead, *view.support, *view.schools]),
            not self.overdue or view.schedule is Schedule.OVERDUE,
            self.due_within is None
            or (view.schedule is not Schedule.CLOSED and view.remaining_workdays is not None
                and 0 <= view.remaining_workdays <= self.due_within),
            not self.lights or view.light in self.lights,
            self.item_ids is None or record.id in self.item_ids,
        )
        return all(checks)
