"""报送周期: the months, quarters, half-years, semesters, years and weeks units report progress
for, each with its due date under a recurring deadline, and the period a key or label names.

A period is due within what it names (每个季度第1个月的20日前:
Q1 is due 20 January), the day of a month clipped to the month's end, a week on its Friday
(or the weekday named), a semester on its last day: spring semester (S1) 1 February – 15 July,
autumn semester (S2) 16 July – 31 January of the next year. ``每季度结束后10个工作日内``
moves each period's due date past the period's end.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from planner_desktop.domain.deadlines import (
    Deadline,
    DeadlineKind,
    day_after,
    month_end,
    normalise_deadline_text,
)
from planner_desktop.domain.workdays import WorkCalendar
from planner_desktop.errors import UserFixableError
from planner_desktop.i18n import tr


@dataclass(frozen=True)
class ReportPeriod:
    key: str  # 2023-10, 2023-Q3, 2023-H2, 2023, 2023-W05, 2023-S1
    label: str  # 2023年10月, 2023年第3季度, 2023年下半年, 2023年, 2023年第5周, 2023年春季学期
    start: dt.date
    end: dt.date
    due: dt.date


class PeriodKeyError(UserFixableError, ValueError):
    """A reporting period typed in a form the program cannot read (also a ValueError)."""


def _day_in_month(year: int, month: int, day: int | None) -> dt.date:
    """``day`` of the month, or its last day when ``day`` is None or past the end (每月31日)."""
    end = month_end(year, month)
    return end if day is None or day >= end.day else dt.date(year, month, day)


def _month(year: int, month: int) -> ReportPeriod:
    end = month_end(year, month)
    return ReportPeriod(f"{year}-{month:02d}", f"{year}年{month}月", dt.date(year, month, 1),
                        end, end)


def _quarter(year: int, quarter: int) -> ReportPeriod:
    end = month_end(year, quarter * 3)
    return ReportPeriod(f"{year}-Q{quarter}", f"{year}年第{quarter}季度",
                        dt.date(year, quarter * 3 - 2, 1), end, end)


def _half(year: int, half: int) -> ReportPeriod:
    start, end = (dt.date(year, 1, 1), dt.date(year, 6, 30)) if half == 1 else \
        (dt.date(year, 7, 1), dt.date(year, 12, 31))
    label = f"{year}年{'上' if half == 1 else '下'}半年"
    return ReportPeriod(f"{year}-H{half}", label, start, end, end)


def _semester(year: int, semester: int) -> ReportPeriod:
    start, end = (dt.date(year, 2, 1), dt.date(year, 7, 15)) if semester == 1 else \
        (dt.date(year, 7, 16), dt.date(year + 1, 1, 31))
    label = f"{year}年{'春季' if semester == 1 else '秋季'}学期"
    return ReportPeriod(f"{year}-S{semester}", label, start, end, end)


def _year(year: int, _: int = 1) -> ReportPeriod:
    end = dt.date(year, 12, 31)
    return ReportPeriod(str(year), f"{year}年", dt.date(year, 1, 1), end, end)


def _weeks_in(year: int) -> int:
    return dt.date(year, 12, 28).isocalendar().week


def _week(year: int, week: int) -> ReportPeriod:
    """ISO week: Monday to Sunday, due on the Friday (the last working weekday)."""
    if not 1 <= week <= _weeks_in(year):
        raise ValueError(f"{year} has no ISO week {week}")
    monday = dt.date.fromisocalendar(year, week, 1)
    return ReportPeriod(f"{year}-W{week:02d}", f"{year}年第{week}周", monday,
                        monday + dt.timedelta(6), monday + dt.timedelta(4))


_PERIODS_OF: dict[str, tuple[Callable[[int, int], ReportPeriod], int]] = {
    "monthly": (_month, 12), "quarterly": (_quarter, 4), "half": (_half, 2),
    "semester": (_semester, 2), "yearly": (_year, 1), "weekly": (_week, 0),
}


def _due_in(period: ReportPeriod, deadline: Deadline, calendar: WorkCalendar | None) -> dt.date:
    """When ``deadline`` wants the report for ``period``."""
    if deadline.workdays is not None or deadline.calendar_days is not None:
        return day_after(period.end, deadline, calendar)
    if deadline.recurrence == "weekly":
        return period.start + dt.timedelta((deadline.day or 5) - 1)
    if deadline.recurrence == "semester":
        return period.end
    month = period.end.month
    if deadline.month_in_period:
        month = period.start.month + deadline.month_in_period - 1
    return _day_in_month(period.start.year, month, deadline.day)


@lru_cache(maxsize=1024)
def _report_periods(deadline: Deadline, year: int,
                    calendar: WorkCalendar | None) -> tuple[ReportPeriod, ...]:
    build, count = _PERIODS_OF.get(deadline.recurrence or "yearly", _PERIODS_OF["yearly"])
    numbers = range(1, (count or _weeks_in(year)) + 1)
    periods = (build(year, n) for n in numbers)
    return tuple(replace(p, due=_due_in(p, deadline, calendar)) for p in periods)


def report_periods(deadline: Deadline, year: int, *,
                   calendar: WorkCalendar | None = None) -> list[ReportPeriod]:
    """The reporting periods of ``year`` for a recurring deadline, each with its due date
    (empty for other kinds); ``calendar`` counts ``结束后N个工作日内``."""
    if deadline.kind is not DeadlineKind.RECURRING:
        return []
    return list(_report_periods(deadline, year, calendar))


def next_due(deadline: Deadline, today: dt.date, *,
             calendar: WorkCalendar | None = None) -> dt.date | None:
    """The date the item is next due: its due date, or for a recurring deadline the first
    period due on or after ``today`` (periods of last year are looked at too, because the
    autumn semester and 结束后N日内 reach into the next year)."""
    if deadline.kind is not DeadlineKind.RECURRING:
        return deadline.due
    dues = (p.due for y in (today.year - 1, today.year, today.year + 1)
            for p in _report_periods(deadline, y, calendar))
    return min((due for due in dues if due >= today), default=None)


_PERIOD_FORMS: tuple[tuple[re.Pattern[str], Callable[[int, int], ReportPeriod]], ...] = (
    (re.compile(r"(\d{4})(?:-|\.|/|年)(\d{1,2})月?份?"), _month),
    (re.compile(r"(\d{4})-?Q([1-4])", re.IGNORECASE), _quarter),
    (re.compile(r"(\d{4})年?第?([1-4])季度?"), _quarter),
    (re.compile(r"(\d{4})-?H([12])", re.IGNORECASE), _half),
    (re.compile(r"(\d{4})-?S([12])", re.IGNORECASE), _semester),
    (re.compile(r"(\d{4})-?W(\d{1,2})", re.IGNORECASE), _week),
    (re.compile(r"(\d{4})年?第(\d{1,2})周"), _week),
    (re.compile(r"(\d{4})年?(?:度|全年)?()"), _year),
)
_NAMED_HALVES = {"上半年": ("H", 1), "下半年": ("H", 2), "春季学期": ("S", 1), "秋季学期": ("S", 2),
                 "第一学期": ("S", 1), "第二学期": ("S", 2)}


def period_for(key: str) -> ReportPeriod:
    """A period from its key (``2023-Q3``) or its label (``2023年第3季度``, ``2023年10月``,
    ``2023年上半年``, ``2023年春季学期``); its due date is the plain one for its length (the
    end of the period, the Friday of a week), since the recurrence that would move it is not
    part of the key.

    Raises :class:`PeriodKeyError` (a UserFixableError and a ValueError) for anything else.
    """
    text = normalise_deadline_text(key)
    for pattern, build in _PERIOD_FORMS:
        if match := pattern.fullmatch(text):
            try:
                return build(int(match[1]), int(match[2] or 1))
            except ValueError:
                break  # month 13, week 54: readable but no such period
    match = re.fullmatch(r"(\d{4})年?(.+)", text)
    if match and (named := _NAMED_HALVES.get(match[2])):
        build = _half if named[0] == "H" else _semester
        return build(int(match[1]), named[1])
    raise PeriodKeyError(tr("无法识别报送周期“{key}”，请写成 2023年10月、2023年第3季度、"
                            "2023年上半年或 2023-10、2023-Q3、2023-H1。").format(key=key))
