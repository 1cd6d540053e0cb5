"""完成时限: what a deadline text means, relative to the plan's year.

The raw text is always kept (the clerk must be able to see what the issuer wrote); the parser
adds its kind and, where it can, a due date. Conventions:

- a month alone means its last day (``6月``, ``6月份``, ``6月底``, ``2023-06``);
  上旬/月初 → the 10th, 中旬 → the 20th, 下旬 → the last day; ``2月底`` follows leap years;
- 上半年/年中 → 30 June; 下半年, 年底, 年内, 年度, a bare year → 31 December;
  a quarter → its last day;
- a text with several dates (``6月底前完成初稿，12月底前全面完成``, ``3月至6月``) is due on the
  latest; a year written in the text wins over the plan's year and carries to later dates;
- a date beside an ongoing phrase (``2023年6月底前启动，长期坚持``) makes it a dated
  deadline: the date is the only thing that can be chased;
- a recurring phrase at the start (``每月28日前``) makes it recurring, even if it names a day;
  ``自3月起每月…`` drops the start clause first; later in a text without a date
  (``持续推进，每季度报送进展``) it makes it recurring too;
- ``N个工作日内``/``N日内`` are relative: due once a start date (the notice) is given;
- 长期坚持, 持续推进, 全年, 常态化 … and 每日 are ongoing (nothing dated to chase);
- a date cell is that date; a number cell is an Excel serial date, except a whole number
  1900–2100, which is a year typed as a number (→ 31 December of it); digits-only text
  30000–80000 is a serial too;
- text it cannot read (``开学前``, ``按上级要求``, ``2月30日``) is kept as unparsed, for the
  clerk to date.

The reporting periods (报送周期) a recurring deadline asks for are ``domain/report_periods.py``'s.
"""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache

from planner_desktop.domain.text import chinese_numeral_to_int, compact
from planner_desktop.domain.workdays import WorkCalendar


class DeadlineKind(StrEnum):
    DATE = "date"
    RECURRING = "recurring"
    ONGOING = "ongoing"
    RELATIVE = "relative"
    UNPARSED = "unparsed"
    NONE = "none"


@dataclass(frozen=True)
class Deadline:
    """A 完成时限 as written and as understood.

    ``day`` is the day of the month for monthly and longer recurrences, the ISO weekday
    (1 = Monday … 7 = Sunday) for weekly ones. ``workdays``/``calendar_days`` hold N of
    ``N个工作日内``/``N日内``; on a recurring deadline they count from the end of each period.
    """

    text: str
    kind: DeadlineKind
    due: dt.date | None = None
    recurrence: str | None = None  # weekly | monthly | quarterly | half | semester | yearly
    day: int | None = None
    month_in_period: int | None = None  # None: the last month of the period
    workdays: int | None = None
    calendar_days: int | None = None

    def to_json(self) -> dict:
        """Every field, always present (None where unknown), so stored details stay uniform."""
        # Written out rather than dataclasses.asdict, which deep-copies and is slow for the
        # thousands of items of a large task list.
        return {"text": self.text, "kind": self.kind.value,
                "due": self.due.isoformat() if self.due else None, "recurrence": self.recurrence,
                "day": self.day, "month_in_period": self.month_in_period, "workdays": self.workdays,
                "calendar_days": self.calendar_days}

    @classmethod
    def from_json(cls, data: dict) -> Deadline:
        """The inverse of :meth:`to_json`, tolerant of keys missing from older details."""
        due = data.get("due")
        return cls(text=data.get("text", ""), kind=DeadlineKind(data.get("kind", "none")),
                   due=dt.date.fromisoformat(due) if due else None,
                   recurrence=data.get("recurrence"), day=data.get("day"),
                   month_in_period=data.get("month_in_period"), workdays=data.get("workdays"),
                   calendar_days=data.get("calendar_days"))


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, month_calendar.monthrange(year, month)[1])


def _valid_day(text: str | None) -> int | None:
    return int(text) if text and 1 <= int(text) <= 31 else None


# -- normalising ----------------------------------------------------------------------------

_CN_DIGITS = "〇零一二三四五六七八九十两"
_CN_YEAR = re.compile(rf"([{_CN_DIGITS}]{{4}})年")
_CN_NUMBER = re.compile(rf"([{_CN_DIGITS}]{{1,3}})(?=月|日|号|季度|个|周|天|工作日)")
_DASHES = str.maketrans({"—": "-", "–": "-", "－": "-", "〜": "~", "～": "~", "﹣": "-"})
_NEXT_YEAR = re.compile(r"次年|翌年|明年")
_THIS_YEAR = re.compile(r"本年度|本年|今年|当年")
_ENDINGS = re.compile(r"(?:之前|以前|前|底前|完成|结束|为止|截止|以内|之内|内)+$")


def normalise_deadline_text(text: str, year: int | None = None) -> str:
    """Half-width, no spaces, Arabic digits for years, months, days and quarters.

    With ``year`` (the plan's), 次年/明年 and 本年/当年 become written years, so the date rules
    need to know only one way of naming a year.
    """
    text = compact(text).translate(_DASHES).replace("元月", "1月")
    text = _CN_YEAR.sub(lambda m: f"{chinese_numeral_to_int(m.group(1))}年", text)
    text = _CN_NUMBER.sub(lambda m: str(chinese_numeral_to_int(m.group(1))), text)
    if year is not None:
        text = _NEXT_YEAR.sub(f"{year + 1}年", text)
        text = _THIS_YEAR.sub(f"{year}年", text)
    return text


def strip_endings(text: str) -> str:
    """``text`` without trailing 前/之前/完成/内…, for rules that must match the whole text."""
    return _ENDINGS.sub("", text)


# -- Excel serial dates ---------------------------------------------------------------------

EXCEL_MAX_SERIAL = 2958465  # 9999-12-31
_SERIAL_TEXT = re.compile(r"\d{5}(?:\.0+)?")


def excel_serial_to_date(serial: float) -> dt.date | None:
    """A date from Excel's 1900 date system, or None out of range.

    Excel counts 1900-01-01 as day 1 and keeps Lotus 1-2-3's phantom 1900-02-29 as day 60,
    so serials from 61 on are one day later than a plain count; day 60 is no date at all.
    """
    whole = int(serial)
    if not 1 <= whole <= EXCEL_MAX_SERIAL or whole == 60:
        return None
    base = dt.date(1899, 12, 31) if whole < 60 else dt.date(1899, 12, 30)
    return base + dt.timedelta(whole)


# -- dates in text ----------------------------------------------------------------------------

_Y = r"(?:19|20)\d{2}"
_PART = r"(?P<part>上中旬|中下旬|上旬|中旬|下旬|初|中(?![小学职考高专])|底|末|份)?"
_EARLY, _MIDDLE = ("上旬", "初"), ("中旬", "中", "上中旬")
_DatePattern = tuple[re.Pattern[str], Callable[[re.Match[str], int], dt.date | None]]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_part(year: int, month: int, part: str | None) -> dt.date | None:
    if not 1 <= month <= 12:
        return None
    if part in _EARLY:
        return dt.date(year, month, 10)
    if part in _MIDDLE:
        return dt.date(year, month, 20)
    return month_end(year, month)


def _year_of(match: re.Match[str], year: int) -> int:
    return int(match["y"]) if match["y"] else year


def _half_or_year(match: re.Match[str], year: int) -> dt.date:
    y = _year_of(match, year)
    return dt.date(y, 6, 30) if match["w"] in ("上半年", "年中") else dt.date(y, 12, 31)


# In order: an earlier pattern claims its part of the text before a later one looks at it.
# Patterns without a year of their own take the last year written before them (or the plan's).
_DATE_PATTERNS: tuple[_DatePattern, ...] = (
    (re.compile(rf"(?P<y>{_Y})(?:年|[./-])(?P<m>\d{{1,2}})(?:月|[./-])(?P<d>\d{{1,2}})(?!\d)"),
     lambda m, y: _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))),
    (re.compile(rf"(?<!\d)(?P<y>{_Y})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),
     lambda m, y: _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))),
    # 6月10日至20日: the end day takes the month before it
    (re.compile(r"(?<![\d.])(?P<m>\d{1,2})月\d{1,2}[日号]?(?:至|到|-|~)(?P<d>\d{1,2})[日号]"),
     lambda m, y: _safe_date(y, int(m["m"]), int(m["d"]))),
    (re.compile(r"(?<![\d.])(?P<m>\d{1,2})月(?P<d>\d{1,2})(?:日|号)?(?!\d|月)"),
     lambda m, y: _safe_date(y, int(m["m"]), int(m["d"]))),
    (re.compile(r"(?<![\d./-])(?P<m>\d{1,2})[./](?P<d>\d{1,2})(?![\d./%])"),
     lambda m, y: _safe_date(y, int(m["m"]), int(m["d"]))),
    (re.compile(rf"(?:(?P<y>{_Y})年)?(?<![\d.])(?P<m>\d{{1,2}})月{_PART}"),
     lambda m, y: _month_part(_year_of(m, y), int(m["m"]), m["part"])),
    (re.compile(rf"(?P<y>{_Y})[./-](?P<m>\d{{1,2}})(?![\d.])月?{_PART}"),
     lambda m, y: _month_part(int(m["y"]), int(m["m"]), m["part"])),
    (re.compile(rf"(?:(?P<y>{_Y})年?)?(?:第?(?P<q>[1-4])季度?|[Qq](?P<q2>[1-4]))(?!\d)"),
     lambda m, y: month_end(_year_of(m, y), int(m["q"] or m["q2"]) * 3)),
    (re.compile(rf"(?:(?P<y>{_Y})年?)?(?P<w>上半年|下半年|年中|年底|年末|年终|年内|年度)"),
     _half_or_year),
    (re.compile(rf"{_Y}年?(?:至|到|-|~)(?P<y>{_Y})年(?!\d)"),  # 2023-2025年: the end year
     lambda m, y: dt.date(int(m["y"]), 12, 31)),
    (re.compile(rf"^(?P<y>{_Y})年?$"), lambda m, y: dt.date(int(m["y"]), 12, 31)),
)
_WRITTEN_YEAR = re.compile(rf"({_Y})(?:年|[./-])")


def dates_in(text: str, year: int) -> list[dt.date]:
    """Every date a normalised text names, in the order the patterns find them."""
    found: list[dt.date] = []
    claimed: list[tuple[int, int]] = []
    for pattern, to_date in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(a < end and start < b for a, b in claimed):
                continue
            claimed.append((start, end))  # even when invalid (2月30日): not a month end
            day = to_date(match, _year_before(text, start, year))
            if day is not None:
                found.append(day)
    return found


def _year_before(text: str, position: int, year: int) -> int:
    years = _WRITTEN_YEAR.findall(text, 0, position)
    return int(years[-1]) if years else year


# -- recurring --------------------------------------------------------------------------------

_START_CLAUSE = re.compile(r"^(?:自|从)?[^,;，；]*?(?:起|开始)[,，]?(?=每|按|逐)")
_RECURRENCES = (  # the first that matches names the recurrence
    ("semester", re.compile(r"每个?学期|按学期")),
    ("half", re.compile(r"每半年|半年一次")),
    ("weekly", re.compile(r"每个?(?:周|星期)(?:周|星期)?(?P<wd>[1-7一二三四五六日天])?")),
    ("quarterly", re.compile(r"每个?季度?|按季度?|逐季")),
    ("monthly", re.compile(r"每个?月|按月|逐月")),
    ("yearly", re.compile(r"每(?:一)?年度?|每学年|按年度?")),
)
_WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7,
             **{str(n): n for n in range(1, 8)}}
_MONTH_OF_PERIOD = re.compile(r"第(\d{1,2})个?月|首月|(\d{1,2})月")
_DAY_OF_MONTH = re.compile(r"(?<![\d个])(\d{1,2})(?:日|号)(?!内)")
_AFTER_END = re.compile(r"(?:结束|末)后(\d{1,3})(个?工作日|日|天)")


def _find_recurrence(text: str) -> tuple[str, re.Match[str]] | None:
    for name, pattern in _RECURRENCES:
        if match := pattern.search(text):
            return name, match
    return None


def _recurring(text: str, name: str, match: re.Match[str]) -> Deadline:
    """The recurring deadline named at ``match``; the rest of the text refines its due day."""
    rest = text[match.end():]
    fields: dict = {}
    if name == "weekly":
        weekday = match["wd"]
        fields["day"] = _WEEKDAYS.get(weekday or "")
    elif name != "semester":
        fields["day"] = _recurring_day(rest)
        if name != "monthly":
            fields["month_in_period"] = _recurring_month(name, rest)
    if offset := _AFTER_END.search(rest):  # 结束后N日内: counted from the period's end alone
        key = "workdays" if "工作日" in offset[2] else "calendar_days"
        fields = {key: int(offset[1])}
    return Deadline(text, DeadlineKind.RECURRING, recurrence=name, **fields)


def _recurring_day(rest: str) -> int | None:
    if day := _DAY_OF_MONTH.search(rest):
        return _valid_day(day[1])
    if re.match(r"(?:季度?|年|月)?初|(?:的)?上旬", rest):
        return 10  # 每月初, 每季度初: the same 10th as 上旬
    if re.search(r"中旬", rest):
        return 20
    return None


def _recurring_month(name: str, rest: str) -> int | None:
    if re.match(r"(?:季度?)?初", rest):
        return 1
    match = _MONTH_OF_PERIOD.search(rest)
    if match is None or "末月" in rest:
        return None
    if match[0] == "首月":
        return 1
    number = int(match[1] or match[2])
    if match[2] and name != "yearly":
        return None  # 每季度3月…: a calendar month where a month of the period was expected
    return number if 1 <= number <= {"quarterly": 3, "half": 6}.get(name, 12) else None


# -- relative ---------------------------------------------------------------------------------

_WORKDAYS_WITHIN = re.compile(r"(?<![\d月])(\d{1,3})个?工作日")
_DAYS_WITHIN = re.compile(r"(?<![\d月])(\d{1,3})(?:个自然日|自然日|日|天)(?:内|之内|以内)")
_WEEKS_WITHIN = re.compile(r"(?<![\d月])(\d{1,2})(?:个星期|周)(?:内|之内|以内)")


def _relative(text: str) -> Deadline | None:
    if match := _WORKDAYS_WITHIN.search(text):
        return Deadline(text, DeadlineKind.RELATIVE, workdays=int(match[1]))
    if match := _DAYS_WITHIN.search(text):
        return Deadline(text, DeadlineKind.RELATIVE, calendar_days=int(match[1]))
    if match := _WEEKS_WITHIN.search(text):
        return Deadline(text, DeadlineKind.RELATIVE, calendar_days=7 * int(match[1]))
    return None


# -- entry point ------------------------------------------------------------------------------

# 每日/每天: a daily duty has no date to chase either, so it is watched like an ongoing one
ONGOING_WORDS = ("长期坚持", "长期", "持续推进", "持续开展", "持续", "全年推进", "贯穿全年", "全年",
                 "常态化", "常态", "常年", "日常", "长效", "经常性", "每日", "每天")


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _parse_number(value: float, year: int) -> Deadline:
    """A numeric cell: an Excel date serial, or (1900–2100) a year typed as a number, since
    nobody means a deadline in 1905."""
    text = _number_text(value)
    if float(value).is_integer() and 1900 <= value <= 2100:
        return replace(_parse_text(f"{int(value)}年", year), text=text)
    due = excel_serial_to_date(value)
    return Deadline(text, DeadlineKind.DATE if due else DeadlineKind.UNPARSED, due=due)


@lru_cache(maxsize=4096)
def _date_deadline(day: dt.date) -> Deadline:
    """A date cell's deadline, made once per date: a list of thousands of rows uses a few
    hundred dates, and a Deadline is frozen, so one object serves every row."""
    return Deadline(day.isoformat(), DeadlineKind.DATE, due=day)


@lru_cache(maxsize=8192)
def _parse_text(raw: str, year: int) -> Deadline:
    """The meaning of a deadline text; cached because task lists repeat a few dozen phrasings
    over thousands of rows."""
    text = normalise_deadline_text(raw, year)
    if not text:
        return Deadline(raw, DeadlineKind.NONE)
    if _SERIAL_TEXT.fullmatch(text) and 30000 <= float(text) <= 80000:
        return Deadline(raw, DeadlineKind.DATE, due=excel_serial_to_date(float(text)))
    text = _START_CLAUSE.sub("", text)
    recurrence = _find_recurrence(text)
    if recurrence and recurrence[1].start() == 0:
        return replace(_recurring(text, *recurrence), text=raw)
    if dates := dates_in(text, year) or dates_in(strip_endings(text), year):
        return Deadline(raw, DeadlineKind.DATE, due=max(dates))
    if recurrence:
        return replace(_recurring(text, *recurrence), text=raw)
    if relative := _relative(text):
        return replace(relative, text=raw)
    if any(word in text for word in ONGOING_WORDS):
        return Deadline(raw, DeadlineKind.ONGOING)
    return Deadline(raw, DeadlineKind.UNPARSED)


def parse_deadline(value: str | dt.date | dt.datetime | float | int | None, year: int, *,
                   start: dt.date | None = None,
                   calendar: WorkCalendar | None = None) -> Deadline:
    """What a 完成时限 cell means; ``year`` is the plan's year, for texts without one.

    ``start`` (the day the notice arrived) dates a relative deadline, counted in working days
    by ``calendar`` (chinese-calendar and Monday–Friday beyond it, if not given).
    """
    if value is None or (isinstance(value, float) and value != value):  # empty, or NaN
        return Deadline("", DeadlineKind.NONE)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return _date_deadline(value)
    if isinstance(value, bool):
        return Deadline(str(value), DeadlineKind.UNPARSED)
    if isinstance(value, int | float):
        return _parse_number(value, year)
    deadline = _parse_text(str(value).strip(), year)
    if deadline.kind is DeadlineKind.RELATIVE and start is not None:
        return replace(deadline, due=day_after(start, deadline, calendar))
    return deadline


def day_after(day: dt.date, deadline: Deadline, calendar: WorkCalendar | None) -> dt.date:
    """``day`` moved by the deadline's working-day or calendar-day offset."""
    if deadline.workdays is not None:
        return (calendar or _PLAIN_CALENDAR).add_workdays(day, deadline.workdays)
    return day + dt.timedelta(deadline.calendar_days or 0)


_PLAIN_CALENDAR = WorkCalendar()
