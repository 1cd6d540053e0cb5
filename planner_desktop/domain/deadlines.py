"""完成时限: what a deadline text means, relative to the plan's year.

The raw text is always kept; the parser adds its kind and due date. Conventions (also in the
README): a month alone means its last day; 上半年 → 6月30日; 下半年, 年底, 年内 → 12月31日; a
quarter → its last day; 上旬/中旬/下旬 → the 10th/20th/last day; where a text names several
dates (``6月底前完成初稿，12月底前全面完成``) the latest is the due date; a date found beside an
ongoing phrase (``6月底前启动，长期坚持``) makes it a dated deadline. Text it cannot read
(``开学前``, ``按上级要求``) is kept and flagged as unparsed for the clerk to set a date.
"""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
import re
from dataclasses import asdict, dataclass
from enum import StrEnum

from planner_desktop.domain.text import chinese_numeral_to_int, normalise
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
    text: str
    kind: DeadlineKind
    due: dt.date | None = None
    recurrence: str | None = None  # weekly | monthly | quarterly | semester | half | yearly
    day: int | None = None  # 28 in 每月28日前; a weekday 1–7 for weekly
    month_in_period: int | None = None  # 1 in 每个季度第1个月的20日前
    workdays: int | None = None  # N in N个工作日内 (None with calendar_days for N日内)
    calendar_days: int | None = None

    def to_json(self) -> dict:
        data = asdict(self)
        data["kind"] = self.kind.value
        data["due"] = self.due.isoformat() if self.due else None
        return {k: v for k, v in data.items() if v is not None}


@dataclass(frozen=True)
class ReportPeriod:
    key: str  # 2023-10, 2023-Q3, 2023-H2, 2023, 2023-W05, 2023-S1
    label: str  # 2023年10月, 2023年第3季度 …
    start: dt.date
    end: dt.date
    due: dt.date


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, month_calendar.monthrange(year, month)[1])


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# -- normalising ------------------------------------------------------------------------------

_CN_NUM = "〇零一二三四五六七八九十两"
_CN_YEAR = re.compile(rf"([{_CN_NUM}]{{4}})年")
_CN_UNIT = re.compile(rf"([{_CN_NUM}]{{1,3}})(?=月|日|号|季度|个工作日|个月|天|日内)")
_ENDINGS = re.compile(r"(之前|以前|前完成|完成|前|止|为止|截止)+$")


def normalise_deadline_text(text: str) -> str:
    text = normalise(text).replace(" ", "").replace("元月", "1月").replace("正月", "1月")
    text = _CN_YEAR.sub(lambda m: f"{chinese_numeral_to_int(m.group(1))}年", text)
    return _CN_UNIT.sub(lambda m: str(chinese_numeral_to_int(m.group(1))), text)


# -- dates in text ----------------------------------------------------------------------------

_FULL_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*(?:年|\.|/|-)\s*(?P<m>\d{1,2})\s*(?:月|\.|/|-)\s*"
                        r"(?P<d>\d{1,2})(?!\d)")
_YEAR_MONTH = re.compile(r"(?P<y>(?:19|20)\d{2})\s*(?:年|\.|/|-)\s*(?P<m>\d{1,2})(?!\d)\s*(?:月)?"
                         r"(?P<part>上旬|中旬|下旬|底|末|份|中)?")
_MONTH_DAY = re.compile(r"(?<![\d.])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*(?:日|号)")
_MONTH_PART = re.compile(r"(?<![\d.年])(?:(?P<from>\d{1,2})\s*(?:月)?\s*(?:-|~|至|到|—)\s*)?"
                         r"(?P<m>\d{1,2})\s*月\s*(?P<part>上旬|中旬|下旬|底|末|份|中)?")
_QUARTER = re.compile(r"(?:第)?(?P<q>[1-4])\s*季度")
_YEAR_WORD = re.compile(r"(?P<y>(?:19|20)\d{2})?年?(?P<w>上半年|下半年|年底|年末|年内|年终|年中)")
_EXPLICIT_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_ONGOING = ("长期坚持", "长期", "持续推进", "持续开展", "全年推进", "贯穿全年", "全年", "常态化",
            "持续", "常年", "日常", "长效")


def _part_day(year: int, month: int, part: str | None) -> dt.date:
    if part == "上旬":
        return dt.date(year, month, 10)
    if part in ("中旬", "中"):
        return dt.date(year, month, 20)
    return month_end(year, month)


def dates_in(text: str, year: int) -> list[dt.date]:
    """Every date ``text`` names; a year written in the text applies to what follows it."""
    found: list[dt.date] = []
    spans: list[tuple[int, int]] = []

    def free(match: re.Match) -> bool:
        return not any(a < match.end() and match.start() < b for a, b in spans)

    def take(match: re.Match, day: dt.date | None) -> None:
        spans.append(match.span())
        if day is not None:
            found.append(day)

    def year_at(position: int) -> int:
        years = [int(m.group(1)) for m in _EXPLICIT_YEAR.finditer(text, 0, position)]
        return years[-1] if years else year

    for m in _FULL_DATE.finditer(text):
        take(m, safe_date(int(m["y"]), int(m["m"]), int(m["d"])))
    for m in _YEAR_MONTH.finditer(text):
        if free(m) and 1 <= int(m["m"]) <= 12:
            take(m, _part_day(int(m["y"]), int(m["m"]), m["part"]))
    for m in _MONTH_DAY.finditer(text):
        if free(m) and 1 <= int(m["m"]) <= 12:
            take(m, safe_date(year_at(m.start()), int(m["m"]), int(m["d"])))
    for m in _MONTH_PART.finditer(text):
        if free(m) and 1 <= int(m["m"]) <= 12:
            take(m, _part_day(year_at(m.start()), int(m["m"]), m["part"]))
    for m in _QUARTER.finditer(text):
        if free(m):
            q = int(m["q"])
            take(m, month_end(year_at(m.start()), q * 3))
    for m in _YEAR_WORD.finditer(text):
        if free(m):
            y = int(m["y"]) if m["y"] else year_at(m.start())
            take(m, dt.date(y, 6, 30) if m["w"] in ("上半年", "年中") else dt.date(y, 12, 31))
    return found


# -- recurring and relative -------------------------------------------------------------------

_WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}


def parse_recurring(text: str) -> Deadline | None:
    if not text.startswith("每"):
        return None
    if m := re.match(r"每(?:个)?月(?:的)?(?:(\d{1,2})(?:日|号))?", text):
        if text.startswith(("每月", "每个月")):
            return Deadline(text, DeadlineKind.RECURRING, recurrence="monthly",
                            day=int(m.group(1)) if m.group(1) else None)
    if text.startswith(("每季度", "每个季度", "每季")):
        m = re.search(r"第(\d)个?月(?:的)?(\d{1,2})(?:日|号)", text)
        if m:
            return Deadline(text, DeadlineKind.RECURRING, recurrence="quarterly",
                            month_in_period=int(m.group(1)), day=int(m.group(2)))
        m = re.search(r"(\d{1,2})(?:日|号)", text)
        return Deadline(text, DeadlineKind.RECURRING, recurrence="quarterly",
                        day=int(m.group(1)) if m else None)
    if text.startswith("每学期"):
        return Deadline(text, DeadlineKind.RECURRING, recurrence="semester")
    if text.startswith(("每半年", "每半学年")):
        return Deadline(text, DeadlineKind.RECURRING, recurrence="half")
    if text.startswith(("每年", "每学年")):
        return Deadline(text, DeadlineKind.RECURRING, recurrence="yearly")
    if m := re.match(r"每(?:周|星期)([一二三四五六日天1-7])?", text):
        day = m.group(1)
        weekday = (int(day) if day.isdigit() else _WEEKDAYS[day]) if day else None
        return Deadline(text, DeadlineKind.RECURRING, recurrence="weekly", day=weekday)
    return None


def parse_relative(text: str, start: dt.date | None, calendar: WorkCalendar | None) -> Deadline | None:
    if m := re.search(r"(\d+)\s*个?工作日(?:内|之内)?", text):
        n = int(m.group(1))
        due = (calendar or WorkCalendar()).add_workdays(start, n) if start else None
        return Deadline(text, DeadlineKind.RELATIVE, due=due, workdays=n)
    if m := re.search(r"(\d+)\s*(?:个自然日|日|天)(?:内|之内)", text):
        n = int(m.group(1))
        return Deadline(text, DeadlineKind.RELATIVE, due=start + dt.timedelta(n) if start else None,
                        calendar_days=n)
    return None


# -- entry points -----------------------------------------------------------------------------

EXCEL_EPOCH = dt.date(1899, 12, 30)


def excel_serial_to_date(serial: float) -> dt.date | None:
    """Excel's 1900 date system (with its phantom 1900-02-29 as serial 60)."""
    if not 1 <= serial <= 2958465:
        return None
    whole = int(serial)
    if whole < 60:
        return dt.date(1899, 12, 31) + dt.timedelta(whole)
    return EXCEL_EPOCH + dt.timedelta(whole)


def parse_deadline(value: str | dt.date | dt.datetime | float | int | None, year: int, *,
                   start: dt.date | None = None,
                   calendar: WorkCalendar | None = None) -> Deadline:
    """What a 完成时限 cell means; ``year`` is the plan's year for texts without one."""
    if value is None:
        return Deadline("", DeadlineKind.NONE)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return Deadline(value.isoformat(), DeadlineKind.DATE, due=value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        due = excel_serial_to_date(float(value))
        return Deadline(str(value), DeadlineKind.DATE if due else DeadlineKind.UNPARSED, due=due)
    raw = str(value).strip()
    if not raw:
        return Deadline("", DeadlineKind.NONE)
    text = normalise_deadline_text(raw)
    if re.fullmatch(r"\d{5}(?:\.0+)?", text) and 30000 <= float(text) <= 80000:
        return Deadline(raw, DeadlineKind.DATE, due=excel_serial_to_date(float(text)))
    recurring = parse_recurring(text)
    if recurring is not None:
        return Deadline(raw, recurring.kind, recurrence=recurring.recurrence, day=recurring.day,
                        month_in_period=recurring.month_in_period)
    relative = parse_relative(text, start, calendar)
    if relative is not None:
        return Deadline(raw, relative.kind, due=relative.due, workdays=relative.workdays,
                        calendar_days=relative.calendar_days)
    dates = dates_in(_ENDINGS.sub("", text), year) or dates_in(text, year)
    if dates:
        return Deadline(raw, DeadlineKind.DATE, due=max(dates))
    if any(word in text for word in _ONGOING):
        return Deadline(raw, DeadlineKind.ONGOING)
    return Deadline(raw, DeadlineKind.UNPARSED)


# -- report periods ---------------------------------------------------------------------------

def _clip_day(year: int, month: int, day: int | None) -> dt.date:
    end = month_end(year, month)
    return end if day is None else min(end, dt.date(year, month, min(day, end.day)))


def month_period(year: int, month: int, day: int | None = None) -> ReportPeriod:
    return ReportPeriod(f"{year}-{month:02d}", f"{year}年{month}月", dt.date(year, month, 1),
                        month_end(year, month), _clip_day(year, month, day))


def quarter_period(year: int, quarter: int, day: int | None = None,
                   month_in_period: int | None = None) -> ReportPeriod:
    first = quarter * 3 - 2
    due_month = first + month_in_period - 1 if month_in_period else quarter * 3
    return ReportPeriod(f"{year}-Q{quarter}", f"{year}年第{quarter}季度", dt.date(year, first, 1),
                        month_end(year, quarter * 3), _clip_day(year, due_month, day))


def half_period(year: int, half: int) -> ReportPeriod:
    end = dt.date(year, 6, 30) if half == 1 else dt.date(year, 12, 31)
    start = dt.date(year, 1, 1) if half == 1 else dt.date(year, 7, 1)
    return ReportPeriod(f"{year}-H{half}", f"{year}年{'上' if half == 1 else '下'}半年", start, end, end)


def semester_period(year: int, semester: int) -> ReportPeriod:
    """Spring semester (S1) ends 15 July; autumn semester (S2) ends 31 January of the next year."""
    if semester == 1:
        start, end = dt.date(year, 2, 1), dt.date(year, 7, 15)
    else:
        start, end = dt.date(year, 9, 1), dt.date(year + 1, 1, 31)
    label = f"{year}年{'春季' if semester == 1 else '秋季'}学期"
    return ReportPeriod(f"{year}-S{semester}", label, start, end, end)


def year_period(year: int) -> ReportPeriod:
    return ReportPeriod(str(year), f"{year}年", dt.date(year, 1, 1), dt.date(year, 12, 31),
                        dt.date(year, 12, 31))


def week_periods(year: int, weekday: int | None) -> list[ReportPeriod]:
    periods = []
    for week in range(1, dt.date(year, 12, 28).isocalendar()[1] + 1):
        monday = dt.date.fromisocalendar(year, week, 1)
        due = monday + dt.timedelta((weekday or 5) - 1)
        periods.append(ReportPeriod(f"{year}-W{week:02d}", f"{year}年第{week}周", monday,
                                    monday + dt.timedelta(6), due))
    return periods


def report_periods(deadline: Deadline, year: int) -> list[ReportPeriod]:
    """The reporting periods of ``year`` for a recurring deadline (empty for other kinds)."""
    if deadline.kind is not DeadlineKind.RECURRING:
        return []
    kind = deadline.recurrence
    if kind == "monthly":
        return [month_period(year, m, deadline.day) for m in range(1, 13)]
    if kind == "quarterly":
        return [quarter_period(year, q, deadline.day, deadline.month_in_period) for q in range(1, 5)]
    if kind == "half":
        return [half_period(year, 1), half_period(year, 2)]
    if kind == "semester":
        return [semester_period(year, 1), semester_period(year, 2)]
    if kind == "weekly":
        return week_periods(year, deadline.day)
    return [year_period(year)]


def next_due(deadline: Deadline, today: dt.date) -> dt.date | None:
    """The next date the item is due on or after ``today``."""
    if deadline.kind in (DeadlineKind.DATE, DeadlineKind.RELATIVE):
        return deadline.due
    if deadline.kind is not DeadlineKind.RECURRING:
        return None
    for year in (today.year - 1, today.year, today.year + 1):
        for period in report_periods(deadline, year):
            if period.due >= today:
                return period.due
    return None


_PERIOD_KEYS = (
    (re.compile(r"^(\d{4})-(\d{1,2})$"), lambda y, n: month_period(y, n)),
    (re.compile(r"^(\d{4})-Q([1-4])$"), lambda y, n: quarter_period(y, n)),
    (re.compile(r"^(\d{4})-H([12])$"), half_period),
    (re.compile(r"^(\d{4})-S([12])$"), semester_period),
    (re.compile(r"^(\d{4})年(\d{1,2})月$"), lambda y, n: month_period(y, n)),
    (re.compile(r"^(\d{4})年第([1-4])季度$"), lambda y, n: quarter_period(y, n)),
)


def period_for(key: str) -> ReportPeriod:
    """A period from its key (2023-Q3) or its label (2023年第3季度, 2023年10月, 2023年上半年)."""
    text = normalise_deadline_text(key)
    for pattern, build in _PERIOD_KEYS:
        if m := pattern.match(text):
            return build(int(m.group(1)), int(m.group(2)))
    if m := re.match(r"^(\d{4})年(上|下)半年$", text):
        return half_period(int(m.group(1)), 1 if m.group(2) == "上" else 2)
    if m := re.match(r"^(\d{4})-W(\d{1,2})$", text):
        return week_periods(int(m.group(1)), None)[int(m.group(2)) - 1]
    if m := re.match(r"^(\d{4})年?$", text):
        return year_period(int(m.group(1)))
    raise ValueError(f"无法识别的报送周期“{key}”，请写成 2023年10月、2023年第3季度或 2023年上半年。")
