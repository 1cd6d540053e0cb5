"""The rows of the ledger table and their filtering, fast enough to run on every keystroke.

The window shows either one row per item (with the aggregated state of its assignments) or
one row per assignment (item × unit). Both are flat lists of :class:`LedgerRow` built once
per reload; filtering and sorting happen here in plain Python, because Qt's proxy models take
seconds at 100,000 rows (PLATFORM_NOTES.md). A row carries a lower-cased search text so a
keystroke costs one substring test per row, and a narrower word is only tested on the rows
the previous word left (typing 安全教育 after 安全 never goes back to all rows).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from operator import attrgetter

from planner_desktop.domain.ledger import AssignmentRecord, ItemView
from planner_desktop.domain.status import (
    Alert,
    Light,
    Schedule,
    Status,
    alert_of,
    light_of,
    schedule_of,
)
from planner_desktop.domain.units import ROLE_LABELS, Role
from planner_desktop.domain.workdays import WorkCalendar


class Granularity(StrEnum):
    ITEMS = "items"  # one row per item
    ASSIGNMENTS = "assignments"  # one row per item × unit


class SavedView(StrEnum):
    """The views the navigation pane offers; each is a rule on a row, as of a day."""

    ALL = "全部"
    OVERDUE = "逾期"
    DUE_SOON = "临期"
    BEHIND = "进度滞后"
    NOT_STARTED = "未启动"
    UPDATED_THIS_WEEK = "本周更新"
    NOT_REPORTED = "未报送"


@dataclass(slots=True)
class LedgerRow:
    """One line of the ledger table (an item, or one unit's assignment of an item)."""

    item_id: int
    plan_id: int
    level: int
    code: str
    title: str
    text: str
    deadline_text: str
    due: dt.date | None
    status: Status
    progress: int
    schedule: Schedule
    light: Light
    remaining_workdays: int | None
    last_update: str | None
    note: str
    lead: list[str]
    support: list[str]
    schools: list[str]
    done_count: int = 0
    assignment_count: int = 0
    assignment_id: int | None = None  # set on assignment rows
    unit_name: str = ""  # assignment rows: the unit; item rows: ""
    role: Role | None = None
    haystack: str = ""
    order: int = 0  # place in outline order, for sorting back by 编号
    is_leaf: bool = True  # an item without sub-items (the ones work is counted by)
    above: tuple[str, ...] = ()  # the items above it, each its marker and title (a tooltip)

    @property
    def units(self) -> list[str]:
        return [*self.lead, *self.support, *self.schools]

    @property
    def alert(self) -> Alert:
        return alert_of(self.light, self.schedule)

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role] if self.role else ""

    def status_summary(self) -> str:
        """``推进中`` for one assignment; ``推进中（12/30 已完成）`` for an item shared by many."""
        if self.assignment_id is None and self.assignment_count > 1:
            return f"{self.status.value}（{self.done_count}/{self.assignment_count} 已完成）"
        return self.status.value


def search_text(*parts: str) -> str:
    return "\n".join(p for p in parts if p).lower()


def item_rows(views: Iterable[ItemView]) -> list[LedgerRow]:
    rows = []
    for v in views:
        r = v.record
        rows.append(LedgerRow(
            item_id=r.id, plan_id=r.plan_id, level=r.level, code=r.number or r.code, title=r.title,
            text=r.text, deadline_text=r.deadline_text, due=r.due, status=v.status,
            progress=v.progress, schedule=v.schedule, light=v.light,
            remaining_workdays=v.remaining_workdays, last_update=v.last_update, note=v.note,
            lead=v.lead, support=v.support, schools=v.schools, done_count=v.done_count,
            assignment_count=v.assignment_count, order=len(rows),
            haystack=search_text(r.number, r.code, r.title, r.text, *v.lead, *v.support,
                                 *v.schools, v.note),
            above=r.above,
        ))
    for row, following in zip(rows, rows[1:], strict=False):
        row.is_leaf = not (following.plan_id == row.plan_id and following.level > row.level)
    return rows


def leaf_items(rows: Iterable[LedgerRow]) -> list[LedgerRow]:
    """The items work is counted by (a heading's numbers would count its children twice)."""
    return [r for r in rows if r.is_leaf]


def assignment_rows(views: Iterable[ItemView], assignments: Iterable[AssignmentRecord],
                    today: dt.date, calendar: WorkCalendar, due_soon_days: int) -> list[LedgerRow]:
    """One row per assignment, in outline order, each with its own due date and light."""
    by_item: dict[int, list[AssignmentRecord]] = defaultdict(list)
    for a in assignments:
        by_item[a.item_id].append(a)
    # Thousands of assignments share an item's due date, status and progress: the schedule,
    # light and working days of each combination are worked out once.
    states: dict[tuple, tuple[Schedule, Light, int | None]] = {}

    def state(status: Status, due: dt.date | None, progress: int, start: dt.date):
        key = (status, due, progress, start)
        found = states.get(key)
        if found is None:
            found = states[key] = (
                schedule_of(status, due, today, calendar, due_soon_days),
                light_of(status, due, today, calendar, progress=progress, start=start,
                         due_soon_days=due_soon_days),
                calendar.workdays_between(today, due) if due else None)
        return found

    rows = []
    for v in views:
        r = v.record
        start = dt.date(r.plan_year, 1, 1)
        base = search_text(r.number, r.code, r.title, r.text) + "\n"
        code = r.number or r.code
        for a in by_item.get(r.id, ()):
            due = a.due or r.due
            progress = 100 if a.status is Status.DONE else (a.progress or 0)
            schedule, light, remaining = state(a.status, due, progress, start)
            rows.append(LedgerRow(
                r.id, r.plan_id, r.level, code, r.title, r.text, r.deadline_text, due, a.status,
                progress, schedule, light, remaining, a.updated_at, a.note, v.lead, v.support,
                v.schools, 0, 0, a.id, a.unit_name, a.role,
                base + (a.unit_name + "\n" + a.note).lower(), len(rows), True, r.above))
    return rows


def week_start(today: dt.date) -> dt.date:
    return today - dt.timedelta(days=today.weekday())


def month_start(today: dt.date) -> dt.date:
    return today.replace(day=1)


def in_saved_view(row: LedgerRow, view: SavedView, today: dt.date, due_soon_days: int) -> bool:
    """Whether a row belongs to a saved view.

    未报送 means still open and no update since the current month began: the month is the
    reporting period most bureaus use (每月28日前报送), so a unit silent since the first of the
    month has not reported for it.
    """
    if view is SavedView.ALL:
        return True
    if view is SavedView.OVERDUE:
        return row.schedule is Schedule.OVERDUE
    if view is SavedView.DUE_SOON:  # a suspended item is not chased (see schedule_of)
        return (row.schedule is not Schedule.CLOSED and row.status is not Status.SUSPENDED
                and row.remaining_workdays is not None and 0 <= row.remaining_workdays <= due_soon_days)
    if view is SavedView.BEHIND:
        return row.alert is Alert.BEHIND
    if view is SavedView.NOT_STARTED:
        return row.status is Status.NOT_STARTED
    if view is SavedView.UPDATED_THIS_WEEK:
        return bool(row.last_update) and row.last_update[:10] >= week_start(today).isoformat()
    if view is SavedView.NOT_REPORTED:
        return (row.status in (Status.NOT_STARTED, Status.IN_PROGRESS)
                and row.assignment_count + (row.assignment_id is not None) > 0
                and (not row.last_update or row.last_update[:10] < month_start(today).isoformat()))
    raise ValueError(view)


@dataclass
class RowFilter:
    """Everything that narrows the table but the typed text (which :class:`RowSearch` handles)."""

    view: SavedView = SavedView.ALL
    plan_id: int | None = None
    item_ids: frozenset[int] | None = None  # an outline branch chosen in the navigation pane
    unit_names: frozenset[str] = frozenset()
    statuses: frozenset[Status] = frozenset()
    lights: frozenset[Light] = frozenset()
    due_from: dt.date | None = None
    due_to: dt.date | None = None

    def accepts(self, row: LedgerRow, today: dt.date, due_soon_days: int) -> bool:
        if self.plan_id is not None and row.plan_id != self.plan_id:
            return False
        if self.item_ids is not None and row.item_id not in self.item_ids:
            return False
        if self.unit_names:
            names = (row.unit_name,) if row.assignment_id is not None else row.units
            if self.unit_names.isdisjoint(names):
                return False
        if self.statuses and row.status not in self.statuses:
            return False
        if self.lights and row.light not in self.lights:
            return False
        if self.due_from and (row.due is None or row.due < self.due_from):
            return False
        if self.due_to and (row.due is None or row.due > self.due_to):
            return False
        return in_saved_view(row, self.view, today, due_soon_days)

    def narrows(self) -> bool:
        """Whether any row can be left out (with nothing set, every row is accepted)."""
        return (self.view is not SavedView.ALL or self.plan_id is not None
                or self.item_ids is not None or bool(self.unit_names) or bool(self.statuses)
                or bool(self.lights) or self.due_from is not None or self.due_to is not None)

    def apply(self, rows: Sequence[LedgerRow], today: dt.date, due_soon_days: int) -> list[LedgerRow]:
        if not self.narrows():  # the window's start: no call per row for 100,000 rows
            return list(rows)
        return [r for r in rows if self.accepts(r, today, due_soon_days)]


@dataclass
class RowSearch:
    """Filter-as-you-type over the rows a :class:`RowFilter` left.

    Words separated by spaces must all occur (in any field). The last result is kept: when the
    new text only adds to the old one, only the rows that matched before are searched again.
    """

    base: list[LedgerRow] = field(default_factory=list)
    _words: tuple[str, ...] = ()
    _result: list[LedgerRow] = field(default_factory=list)

    def reset(self, base: list[LedgerRow]) -> list[LedgerRow]:
        self.base, self._words = base, ()
        self._result = base
        return base

    def search(self, text: str) -> list[LedgerRow]:
        words = tuple(text.lower().split())
        if words == self._words:
            return self._result
        pool = self._result if self._narrows(words) else self.base
        if words:
            result = pool
            for word in words:
                result = [r for r in result if word in r.haystack]
        else:
            result = self.base
        self._words, self._result = words, result
        return result

    def _narrows(self, words: tuple[str, ...]) -> bool:
        """Each old word is contained in the new word at its place, and nothing was removed."""
        old = self._words
        return bool(old) and len(words) >= len(old) and all(o in n for o, n in zip(old, words, strict=False))


# Places of the enums in their declared order, looked up once: ``list(Status).index`` per row
# made sorting 200,000 rows by 状态 or 督办灯 take half a second.
STATUS_RANK = {status: place for place, status in enumerate(Status)}
LIGHT_RANK = {light: place for place, light in enumerate(Light)}
ROLE_RANK = {role: place for place, role in enumerate(Role)}
# 状态 sorts by the status's place, then by progress: one number, (place << 32) + progress,
# orders as the pair would for any progress within ±2**31, without a tuple per row.
_STATUS_SHIFT = 32


def sort_key(column: str):
    """The key a column sorts by (None sorts last in ascending order)."""
    far = dt.date.max
    status_rank, light_rank, role_rank = STATUS_RANK, LIGHT_RANK, ROLE_RANK

    keys = {
        "code": lambda r: r.order,
        "title": lambda r: r.title,
        "unit": lambda r: r.unit_name or "、".join(r.lead),
        "role": lambda r: role_rank[r.role] if r.role else -1,
        "note": lambda r: r.note,
        "lead": lambda r: "、".join(r.lead),
        "support": lambda r: "、".join(r.support),
        "schools": lambda r: len(r.schools),
        "deadline": lambda r: r.deadline_text,
        "due": lambda r: r.due or far,
        "remaining": lambda r: r.remaining_workdays if r.remaining_workdays is not None else 10**9,
        "status": lambda r: (status_rank[r.status] << _STATUS_SHIFT) + r.progress,
        "progress": lambda r: r.progress,
        "light": lambda r: light_rank[r.light],
        "last_update": lambda r: r.last_update or "",
    }
    return keys[column]


def count_summary(rows: Sequence[LedgerRow]) -> dict[str, int]:
    """The numbers of the status bar, the banner and the dashboard: total, done, overdue, due
    soon and behind, each row counted by what its light says (:func:`alert_of`)."""
    # Counted in C, then a handful of pairs named: this runs per keystroke.
    pairs = Counter(map(attrgetter("light", "schedule"), rows))
    alerts: Counter[Alert] = Counter()
    for (light, schedule), n in pairs.items():
        alerts[alert_of(light, schedule)] += n
    return {"total": len(rows), "done": alerts[Alert.DONE], "overdue": alerts[Alert.OVERDUE],
            "due_soon": alerts[Alert.DUE_SOON], "behind": alerts[Alert.BEHIND]}


@dataclass(frozen=True)
class UnitRate:
    unit: str
    done: int
    total: int

    @property
    def rate(self) -> float:
        return self.done / self.total if self.total else 0.0


def completion_by_unit(assignments: Iterable[LedgerRow | AssignmentRecord]) -> list[UnitRate]:
    """Each unit's share of its (not cancelled) assignments done, best first."""
    done: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    for row in assignments:
        if row.status is Status.CANCELLED:
            continue
        total[row.unit_name] += 1
        done[row.unit_name] += row.status is Status.DONE
    rates = [UnitRate(unit, done[unit], total[unit]) for unit in total]
    return sorted(rates, key=lambda r: (-r.rate, -r.total, r.unit))


def units_silent_since(assignments: Iterable[LedgerRow | AssignmentRecord],
                       since: dt.date) -> list[tuple[str, int]]:
    """Units with open assignments that have updated nothing on or after ``since``, with the
    number of their open assignments (for the 催报名单)."""
    open_count: dict[str, int] = defaultdict(int)
    reported: set[str] = set()
    since_text = since.isoformat()
    for row in assignments:
        if row.last_update and row.last_update[:10] >= since_text:
            reported.add(row.unit_name)  # any update counts, a 已完成 report included
        if row.status in (Status.NOT_STARTED, Status.IN_PROGRESS):
            open_count[row.unit_name] += 1
    return sorted(((u, n) for u, n in open_count.items() if u not in reported), key=lambda x: -x[1])
