"""The clerk-entered holiday schedule, for years ``chinese-calendar`` does not know yet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from planner_desktop.domain.workdays import WorkCalendar
from planner_desktop.store.database import Ledger


def load_calendar(ledger: Ledger) -> WorkCalendar:
    rows = ledger.conn.execute("SELECT day, is_workday FROM calendar_day").fetchall()
    holidays = [dt.date.fromisoformat(day) for day, workday in rows if not workday]
    extra_workdays = [dt.date.fromisoformat(day) for day, workday in rows if workday]
    return WorkCalendar(holidays=holidays, extra_workdays=extra_workdays)


def save_schedule(
    ledger: Ledger, holidays: Iterable[dt.date], extra_workdays: Iterable[dt.date]
) -> int:
    """Store (or replace, day by day) an official schedule; returns the number of days."""
    rows = [(d.isoformat(), 0) for d in holidays] + [(d.isoformat(), 1) for d in extra_workdays]
    with ledger.transaction() as conn:
        conn.executemany(
            "INSERT INTO calendar_day (day, is_workday) VALUES (?, ?) "
            "ON CONFLICT (day) DO UPDATE SET is_workday = excluded.is_workday",
            rows,
        )
    return len(rows)


def entered_years(ledger: Ledger) -> list[int]:
    rows = ledger.conn.execute(
        "SELECT DISTINCT CAST(substr(day, 1, 4) AS INTEGER) FROM calendar_day ORDER BY 1"
    ).fetchall()
    return [r[0] for r in rows]
