"""Chinese working days: public holidays and adjusted working days (调休) count.

``chinese-calendar`` knows 2004–2026 only. For later years the clerk enters the State
Council's schedule (stored in the ledger); for a year with neither, Monday–Friday is used and
:meth:`WorkCalendar.fallback_years` tells the window to say so, because a silent guess would
put items due over a Spring Festival holiday on the wrong side of "due soon".

Remaining working days are computed for up to 100,000 assignments per refresh, so each year
is turned once into a table of cumulative counts; after that every question (is this a
working day, how many lie between two dates, which is the n-th) is an index or a bisect.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import chinese_calendar

from planner_desktop.errors import Location, UserFixableError
from planner_desktop.i18n import tr

OFFICIAL = "official"
ENTERED = "entered"
WEEKDAYS = "weekdays"


def _days_of_year(year: int) -> list[dt.date]:
    first = dt.date(year, 1, 1)
    length = (dt.date(year + 1, 1, 1) - first).days if year < dt.MAXYEAR else 365
    return [first + dt.timedelta(n) for n in range(length)]


@cache
def _official_flags(year: int) -> bytes | None:
    """chinese-calendar's verdict for each day of ``year`` (1 = working day), or None.

    Cached for the process: asking chinese-calendar about a whole year takes ~10 ms, and every
    WorkCalendar built from the ledger would otherwise ask again.
    """
    days = _days_of_year(year)
    try:
        return bytes(chinese_calendar.is_workday(day) for day in days)
    except NotImplementedError:  # the package has no data for this year
        return None


def _weekday_flags(year: int) -> bytes:
    return bytes(day.weekday() < 5 for day in _days_of_year(year))


@dataclass(frozen=True)
class _YearTable:
    """One year's working days as flags and running totals, indexed by day of the year."""

    first: dt.date
    flags: bytes  # 1 = working day
    through: tuple[int, ...]  # working days from 1 January up to and including that day
    first_ordinal: int

    @classmethod
    def from_flags(cls, year: int, flags: bytes) -> _YearTable:
        running, total = [], 0
        for flag in flags:
            total += flag
            running.append(total)
        first = dt.date(year, 1, 1)
        return cls(first, flags, tuple(running), first.toordinal())

    @property
    def total(self) -> int:
        return self.through[-1]

    def index(self, day: dt.date) -> int:
        return day.toordinal() - self.first_ordinal

    def count_through(self, day: dt.date) -> int:
        return self.through[day.toordinal() - self.first_ordinal]

    def nth_workday(self, n: int) -> dt.date:
        """The n-th working day of the year (1-based): where the running total first reaches n."""
        return self.first + dt.timedelta(bisect.bisect_left(self.through, n))


class WorkCalendar:
    """Working days by chinese-calendar, corrected or extended by the clerk's entered schedule.

    ``holidays`` are days off and ``extra_workdays`` are days worked (调休上班); both override
    chinese-calendar where given (a day in both lists counts as a working day). A year the
    clerk has entered days for, but chinese-calendar does not know, is Monday–Friday plus
    those changes, which is exactly how the State Council publishes a schedule.
    """

    def __init__(self, holidays: Iterable[dt.date] = (),
                 extra_workdays: Iterable[dt.date] = ()) -> None:
        self.holidays = frozenset(holidays)
        self.extra_workdays = frozenset(extra_workdays)
        self._entered_years = frozenset(d.year for d in self.holidays | self.extra_workdays)
        self._tables: dict[int, _YearTable] = {}

    def source_for_year(self, year: int) -> str:
        """``entered`` (the clerk's schedule), ``official`` (chinese-calendar) or ``weekdays``."""
        if year in self._entered_years:
            return ENTERED
        return OFFICIAL if _official_flags(year) is not None else WEEKDAYS

    def fallback_years(self, start: dt.date, end: dt.date) -> list[int]:
        """Years in the span answered by plain Monday–Friday, for a visible warning."""
        first, last = sorted((start.year, end.year))
        return [y for y in range(first, last + 1) if self.source_for_year(y) == WEEKDAYS]

    def _table(self, year: int) -> _YearTable:
        table = self._tables.get(year)
        if table is None:
            table = self._tables[year] = self._build_table(year)
        return table

    def _build_table(self, year: int) -> _YearTable:
        flags = bytearray(_official_flags(year) or _weekday_flags(year))
        first = dt.date(year, 1, 1)
        for day in self.holidays:
            if day.year == year:
                flags[(day - first).days] = 0
        for day in self.extra_workdays:  # after the holidays: a day in both lists is worked
            if day.year == year:
                flags[(day - first).days] = 1
        return _YearTable.from_flags(year, bytes(flags))

    def is_workday(self, day: dt.date) -> bool:
        table = self._table(day.year)
        return table.flags[table.index(day)] == 1

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]; when ``end`` is before ``start``, minus those in
        (end, start], so ``workdays_between(today, due)`` is the working days left, or the
        working days overdue as a negative number."""
        if end < start:
            return -self.workdays_between(end, start)
        count = self._table(end.year).count_through(end)
        count -= self._table(start.year).count_through(start)
        if end.year != start.year:
            count += sum(self._table(y).total for y in range(start.year, end.year))
        return count

    def add_workdays(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after ``start`` (``start`` itself is not counted); ``n = 0``
        gives ``start`` and a negative ``n`` the n-th working day before it."""
        if n == 0:
            return start
        year = start.year
        table = self._table(year)
        target = table.count_through(start) + n  # rank, within ``year``, of the wanted day
        if n < 0:  # counting back starts from the last working day before ``start``
            target += 1 - self.is_workday(start)
        while target > table.total:
            target -= table.total
            year += 1
            table = self._table(year)
        while target < 1:
            year -= 1
            table = self._table(year)
            target += table.total
        return table.nth_workday(target)


# -- the clerk's schedule -------------------------------------------------------------------

OFF_WORDS = frozenset({"休", "休息", "放假", "假", "休假", "假日", "节假日"})
ON_WORDS = frozenset({"班", "上班", "补班", "调休上班", "工作日"})
MAX_RANGE_DAYS = 31  # the longest official holiday is 8–9 days; more is a typing slip

_DAY = r"(?P<y>\d{4})[年./-](?P<m>\d{1,2})[月./-](?P<d>\d{1,2})[日号]?"
_END = r"(?:(?:(?P<y2>\d{4})[年./-])?(?P<m2>\d{1,2})[月./-])?(?P<d2>\d{1,2})[日号]?"
_WHEN = re.compile(rf"{_DAY}(?:(?:至|到|~|～|-|—|–|－){_END})?")
_SPACES = re.compile(r"\s+")


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return _SPACES.sub("", str(value))


def _parse_when(value: object) -> list[dt.date] | None:
    """The days a cell names (one date or a range); None if it is not written as one.

    A range's end may leave out what it shares with its start (2027年2月10日至17日), as the
    State Council's notice writes it. Raises ValueError for impossible dates.
    """
    if isinstance(value, dt.date):
        return [value.date() if isinstance(value, dt.datetime) else value]
    text = _cell_text(value)
    if text.endswith("00:00:00"):  # a date cell written out with its midnight time
        text = text.removesuffix("00:00:00")
    match = _WHEN.fullmatch(text)
    if match is None:
        return None
    first = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    if match["d2"] is None:
        return [first]
    last = dt.date(int(match["y2"] or first.year), int(match["m2"] or first.month),
                   int(match["d2"]))
    if last < first:
        raise ValueError("range ends before it starts")
    return [first + dt.timedelta(n) for n in range((last - first).days + 1)]


def _schedule_row(number: int, cells: list[tuple[int, object]]) -> tuple[list[dt.date], bool]:
    """(days, is_workday) from one row's non-empty cells as (column index, value)."""
    (when_column, when), *rest = cells
    where = Location(row=number, column=_column_letter(when_column))
    try:
        days = _parse_when(when)
    except ValueError:
        days = None
    if not days:
        raise UserFixableError(tr("“{text}”不是有效的日期或日期范围（范围须先写开始日期），请写成 "
                                  "2027-01-01 或 2027-02-10至2027-02-17。").format(
                                      text=_cell_text(when)), where)
    if len(days) > MAX_RANGE_DAYS:
        raise UserFixableError(tr("日期范围“{text}”长达 {n} 天，请检查起止日期。").format(
            text=_cell_text(when), n=len(days)), where)
    if not rest:
        raise UserFixableError(tr("这一行缺少安排，请在日期后一列填写“休”或“班”。"), where)
    word_column, word = rest[0]
    word_text = _cell_text(word)
    if word_text not in OFF_WORDS | ON_WORDS:
        raise UserFixableError(
            tr("安排“{text}”无法识别，放假请填“休”（或“放假”），调休上班请填“班”（或“上班”“补班”）。")
            .format(text=word_text), Location(row=number, column=_column_letter(word_column)))
    return days, word_text in ON_WORDS


def _is_header(cells: list[tuple[int, object]]) -> bool:
    """A row such as 日期 | 安排: no digit in the date cell and no 休/班 where the word goes."""
    texts = [_cell_text(value) for _, value in cells]
    has_word = len(texts) > 1 and texts[1] in OFF_WORDS | ON_WORDS
    return not has_word and not re.search(r"\d", texts[0])


def parse_holiday_schedule(rows: Iterable[Sequence[object]]) -> tuple[list[dt.date], list[dt.date]]:
    """(holidays, extra working days), each sorted, from rows of (date or range, 休/班).

    A first row without digits is taken as a header. A day given both as 休 and as 班 is an
    error rather than a silent choice, because only the clerk knows which row is right.
    Cells may be text or dates (as a spreadsheet reader gives them); further cells (notes such
    as 春节) are ignored.
    """
    seen: dict[dt.date, tuple[bool, int]] = {}
    first_row = True
    for number, row in enumerate(rows, start=1):
        cells = [(i, cell) for i, cell in enumerate(row) if _cell_text(cell)]
        if not cells:
            continue
        if first_row and _is_header(cells):
            first_row = False
            continue
        first_row = False
        days, workday = _schedule_row(number, cells)
        for day in days:
            earlier = seen.setdefault(day, (workday, number))
            if earlier[0] != workday:
                raise UserFixableError(
                    tr("{day} 在第 {row} 行与本行的安排相反（一处为“休”，一处为“班”），请核对。")
                    .format(day=day.isoformat(), row=earlier[1]), Location(row=number))
    holidays = sorted(day for day, (workday, _) in seen.items() if not workday)
    extra_workdays = sorted(day for day, (workday, _) in seen.items() if workday)
    return holidays, extra_workdays
