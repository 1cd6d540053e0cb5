"""The ledger as of a day, filtered: one function the CLI, the window and the reports share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from planner_desktop.domain.ledger import AssignmentRecord, ItemFilter, ItemView, build_item_views
from planner_desktop.domain.ledger_table import Granularity, LedgerRow, assignment_rows, item_rows
from planner_desktop.domain.status import Light, normalise_status
from planner_desktop.domain.units import Role
from planner_desktop.domain.workdays import WorkCalendar
from planner_desktop.errors import UserFixableError
from planner_desktop.i18n import tr
from planner_desktop.ops.gc_pause import gc_paused
from planner_desktop.store.calendar import load_calendar
from planner_desktop.store.database import Ledger
from planner_desktop.store.ledger_rows import fetch_assignments, fetch_items
from planner_desktop.store.pending import pending_by_item
from planner_desktop.store.search import search_item_ids
from planner_desktop.store.settings import get_setting
from planner_desktop.store.units import load_roster


@dataclass
class ItemQuery:
    """Filters as the clerk writes them (status words, unit names or aliases, search text)."""

    plan_id: int | None = None
    statuses: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    overdue: bool = False
    due_within: int | None = None
    lights: list[str] = field(default_factory=list)
    search: str | None = None
    as_of: dt.date | None = None


def resolve_filter(ledger: Ledger, query: ItemQuery) -> ItemFilter:
    """Turn written words into the domain's filter; unknown words are the clerk's to fix."""
    statuses = set()
    for word in query.statuses:
        status = normalise_status(word)
        if status is not None:
            statuses.add(status)
    unit_names: set[str] = set()
    if query.units:
        roster = load_roster(ledger)
        for name in query.units:
            resolution = roster.resolve(name)
            if resolution.unknown:
                raise UserFixableError(tr("单位“{name}”不在单位名册中。").format(name=name))
            if resolution.pending:
                raise UserFixableError(tr("单位组“{name}”在单位名册中还没有单位，请先导入名册。")
                                       .format(name=name))
            unit_names.update(resolution.units)
    return ItemFilter(
        plan_id=query.plan_id, statuses=statuses, unit_names=unit_names, overdue=query.overdue,
        due_within=query.due_within, lights={Light(v) for v in query.lights},
        item_ids=search_item_ids(ledger, query.search) if query.search else None,
    )


def query_items(ledger: Ledger, query: ItemQuery) -> list[ItemView]:
    today = query.as_of or dt.date.today()
    item_filter = resolve_filter(ledger, query)
    views = build_item_views(
        fetch_items(ledger, query.plan_id),
        fetch_assignments(ledger, query.plan_id),
        today,
        load_calendar(ledger),
        int(get_setting(ledger, "due_soon_days")),
    )
    show_waiting(views, ledger)
    return [v for v in views if item_filter.accepts(v)]


def show_waiting(views: list[ItemView], ledger: Ledger) -> None:
    """Names waiting for the roster (各中小学, 安全股) are shown on their items as written,
    marked, in the column of their role: the item is not assigned to nobody."""
    waiting = pending_by_item(ledger)
    if not waiting:
        return
    mark = tr("（待名册）")
    for view in views:
        for name, role in waiting.get(view.record.id, ()):
            {Role.LEAD: view.lead, Role.SUPPORT: view.support}.get(role, view.schools).append(
                name + mark)


@dataclass
class LedgerSnapshot:
    """Everything the window needs, read once per reload.

    The assignment rows (100,000 at the largest size) are only built when the clerk first
    looks at the 按分工 view: the window starts on items, and the dashboard's per-unit numbers
    come straight from the assignment records.
    """

    today: dt.date
    due_soon_days: int
    items: list[LedgerRow]
    records: list[AssignmentRecord]
    views: list[ItemView]
    calendar: WorkCalendar

    @cached_property
    def assignments(self) -> list[LedgerRow]:
        with gc_paused():  # 100,000 rows, none in a reference cycle (see gc_pause)
            return assignment_rows(self.views, self.records, self.today, self.calendar,
                                   self.due_soon_days)

    def rows(self, granularity: Granularity) -> list[LedgerRow]:
        return self.items if granularity is Granularity.ITEMS else self.assignments


def load_snapshot(ledger: Ledger, as_of: dt.date | None = None) -> LedgerSnapshot:
    today = as_of or dt.date.today()
    calendar = load_calendar(ledger)
    due_soon_days = int(get_setting(ledger, "due_soon_days"))
    # 100,000 assignment records and their items' views: the cycle collector would otherwise
    # run over every live object again and again while they are made (see gc_pause).
    with gc_paused():
        records = fetch_assignments(ledger)
        views = build_item_views(fetch_items(ledger), records, today, calendar, due_soon_days)
        show_waiting(views, ledger)
        return LedgerSnapshot(today, due_soon_days, item_rows(views), records, views, calendar)
