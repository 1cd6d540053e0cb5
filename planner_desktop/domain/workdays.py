"""Chinese working days: public holidays and adjusted working days (调休) count.

``chinese-calendar`` knows 2004–2026 only. For later years the clerk enters the State
Council's schedule (stored in the ledger); for a year with neither, Monday–Friday is used and
:meth:`WorkCalendar.fallback_years` tells the window to say so.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import chinese_calendar

from planner_desktop.errors import Location, UserFixableError


@lru_cache(maxsize=64)
def _official_workdays(year: int) -> tuple[dt.date, ...] | None:
    """Every working day of ``year`` by chinese-calendar, or None if it does not know the year."""
    days = [dt.date(year, 1, 1) + dt.timedelta(n) for n in range(366)]
    days = [d for d in days if d.year == year]
    try:
        return tuple(d for d in days if chinese_calendar.is_workday(d))
    except NotImplementedError:
        return None


class WorkCalendar:
    def __init__(self, holidays: Iterable[dt.date] = (),
                 extra_workdays: Iterable[dt.date] = ()) -> None:
        self.holidays = frozenset(holidays)
        self.extra_workdays = frozenset(extra_workdays)
        self._entered_years = {d.year for d in self.holidays | self.extra_workdays}
        self._years: dict[int, list[dt.date]] = {}

    def source_for_year(self, year: int) -> str:
        if year in self._entered_years:
            return "entered"
        return "official" if _official_workdays(year) is not None else "weekdays"

    def _workdays_of(self, year: int) -> list[dt.date]:
        """The sorted working days of a year: official (or Mon–Fri), then the clerk's changes."""
        if year not in self._years:
            official = _official_workdays(year)
            if official is not None:
                days = set(official)
            else:
                start = dt.date(year, 1, 1)
                every = (start + dt.timedelta(n) for n in range(366))
                days = {d for d in every if d.year == year and d.weekday() < 5}
            days = (days - self.holidays) | {d for d in self.extra_workdays if d.year == year}
            self._years[year] = sorted(days)
        return self._years[year]

    def is_workday(self, day: dt.date) -> bool:
        days = self._workdays_of(day.year)
        index = bisect.bisect_left(days, day)
        return index < len(days) and days[index] == day

    def fallback_years(self, start: dt.date, end: dt.date) -> list[int]:
        return [y for y in range(start.year, end.year + 1) if self.source_for_year(y) == "weekdays"]

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]; negative (days overdue) when end < start."""
        if end < start:
            return -self.workdays_between(end, start)
        total = 0
        for year in range(start.year, end.year + 1):
            days = self._workdays_of(year)
            low = bisect.bisect_right(days, start) if year == start.year else 0
            high = bisect.bisect_right(days, end) if year == end.year else len(days)
            total += high - low
        return total

    def add_workdays(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after ``start`` (``start`` itself is not counted)."""
        day = start
        while n > 0:
            day += dt.timedelta(1)
            if self.is_workday(day):
                n -= 1
        return day


_RANGE = re.compile(r"^\s*(\d{4}-\d{1,2}-\d{1,2})\s*(?:至|到|~|－|—|-{2})\s*(\d{4}-\d{1,2}-\d{1,2})\s*$")
_OFF_WORDS = ("休", "放假", "休息", "假")
_ON_WORDS = ("班", "上班", "补班", "调休上班", "工作日")


def _parse_day(text: str) -> dt.date:
    text = text.strip().replace("/", "-").replace(".", "-")
    text = re.sub(r"(\d{4})年(\d{1,2})月(\d{1,2})日?", r"\1-\2-\3", text)
    year, month, day = (int(p) for p in text.split("-"))
    return dt.date(year, month, day)


def parse_holiday_schedule(rows: Iterable[Sequence[str]]) -> tuple[list[dt.date], list[dt.date]]:
    """(holidays, extra working days) from rows of (date or date range, 休/班)."""
    holidays: list[dt.date] = []
    workdays: list[dt.date] = []
    for number, row in enumerate(rows, start=1):
        cells = [str(c).strip() for c in row if str(c).strip()]
        if not cells:
            continue
        if number == 1 and not re.search(r"\d{4}", cells[0]):
            continue  # a header row
        if len(cells) < 2:
            raise UserFixableError("每行应有两列：日期（或日期范围）和“休”/“班”。", Location(row=number))
        when, word = cells[0], cells[1]
        try:
            match = _RANGE.match(when.replace("/", "-").replace(".", "-"))
            if match:
                first, last = _parse_day(match.group(1)), _parse_day(match.group(2))
                days = [first + dt.timedelta(n) for n in range((last - first).days + 1)]
            else:
                days = [_parse_day(when)]
        except ValueError as exc:
            raise UserFixableError(f"日期“{when}”无法识别，请写成 2027-01-01 或 2027-02-10至2027-02-17。",
                                   Location(row=number, column="A")) from exc
        if word in _OFF_WORDS:
            holidays.extend(days)
        elif word in _ON_WORDS:
            workdays.extend(days)
        else:
            raise UserFixableError(f"“{word}”无法识别，请填写“休”或“班”。", Location(row=number, column="B"))
    return holidays, workdays
