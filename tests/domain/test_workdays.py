"""Chinese working days: holidays, make-up working days, years chinese-calendar does not know."""

from __future__ import annotations

import datetime as dt
import random
import time

import chinese_calendar
import pytest

from planner_desktop.domain.workdays import WorkCalendar, parse_holiday_schedule
from planner_desktop.errors import UserFixableError

D = dt.date


@pytest.fixture(scope="module")
def calendar() -> WorkCalendar:
    return WorkCalendar()


@pytest.mark.parametrize(("day", "workday"), [
    (D(2023, 10, 1), False),  # National Day
    (D(2023, 10, 2), False),  # a Monday in the holiday
    (D(2023, 10, 6), False),  # a Friday in the holiday
    (D(2023, 10, 7), True),   # Saturday make-up working day
    (D(2023, 10, 8), True),   # Sunday make-up working day
    (D(2023, 10, 9), True),
    (D(2023, 10, 14), False),  # an ordinary Saturday
    (D(2024, 2, 4), True),    # Sunday before the Spring Festival, worked
    (D(2024, 2, 12), False),  # Spring Festival holiday, a Monday
    (D(2024, 2, 18), True),   # Sunday after it, worked
    (D(2026, 1, 1), False),   # New Year's Day, the last year chinese-calendar knows
    (D(2027, 1, 1), True),    # Friday, Monday–Friday fallback: no holiday known
    (D(2027, 1, 2), False),
    (D(2003, 12, 31), True),  # before 2004 too
])
def test_is_workday(calendar, day, workday):
    assert calendar.is_workday(day) is workday


def test_agrees_with_chinese_calendar_for_every_day_it_knows(calendar):
    day = D(2004, 1, 1)
    while day.year <= 2026:
        assert calendar.is_workday(day) == chinese_calendar.is_workday(day), day
        day += dt.timedelta(1)


def test_sources_and_fallback_years(calendar):
    assert calendar.source_for_year(2023) == "official"
    assert calendar.source_for_year(2027) == "weekdays"
    assert calendar.source_for_year(2003) == "weekdays"
    assert calendar.fallback_years(D(2025, 6, 1), D(2028, 1, 31)) == [2027, 2028]
    assert calendar.fallback_years(D(2028, 1, 31), D(2025, 6, 1)) == [2027, 2028]
    assert calendar.fallback_years(D(2023, 1, 1), D(2026, 12, 31)) == []
    entered = WorkCalendar(holidays=[D(2027, 1, 1)])
    assert entered.source_for_year(2027) == "entered"
    assert entered.fallback_years(D(2026, 1, 1), D(2028, 1, 1)) == [2028]


def test_an_entered_schedule_overrides():
    spring_festival = [D(2027, 2, 6) + dt.timedelta(n) for n in range(8)]  # Sat 6 – Sat 13
    schedule = WorkCalendar(holidays=[D(2027, 1, 1), *spring_festival],
                            extra_workdays=[D(2027, 2, 14), D(2023, 10, 14)])
    assert not schedule.is_workday(D(2027, 1, 1))
    assert not schedule.is_workday(D(2027, 2, 8))  # a Monday off
    assert schedule.is_workday(D(2027, 2, 14))  # a Sunday worked
    assert schedule.is_workday(D(2027, 2, 15))  # other days: Monday–Friday
    assert schedule.is_workday(D(2023, 10, 14))  # a correction to an official year
    assert not schedule.is_workday(D(2023, 10, 1))  # the rest of that year stays official
    assert schedule.workdays_between(D(2027, 2, 5), D(2027, 2, 15)) == 2
    both = WorkCalendar(holidays=[D(2027, 3, 6)], extra_workdays=[D(2027, 3, 6)])
    assert both.is_workday(D(2027, 3, 6))


@pytest.mark.parametrize(("start", "n", "expected"), [
    (D(2024, 2, 8), 0, D(2024, 2, 8)),
    (D(2024, 2, 8), 1, D(2024, 2, 9)),
    (D(2024, 2, 8), 2, D(2024, 2, 18)),  # over the Spring Festival to the worked Sunday
    (D(2024, 2, 8), 3, D(2024, 2, 19)),
    (D(2024, 2, 10), 1, D(2024, 2, 18)),  # from inside the holiday
    (D(2023, 9, 28), 1, D(2023, 10, 7)),  # over Mid-Autumn and National Day
    (D(2023, 12, 29), 1, D(2024, 1, 2)),  # over New Year, into the next year
    (D(2026, 12, 30), 3, D(2027, 1, 4)),  # from chinese-calendar's last year into the fallback
    (D(2023, 1, 2), 249, D(2023, 12, 29)),
    (D(2024, 2, 19), -1, D(2024, 2, 18)),  # counting back
    (D(2024, 2, 18), -1, D(2024, 2, 9)),
    (D(2024, 2, 12), -1, D(2024, 2, 9)),  # from a day off: the last working day before it
    (D(2024, 1, 2), -1, D(2023, 12, 29)),
])
def test_add_workdays(calendar, start, n, expected):
    assert calendar.add_workdays(start, n) == expected


@pytest.mark.parametrize(("start", "end", "expected"), [
    (D(2023, 10, 9), D(2023, 10, 9), 0),
    (D(2023, 9, 28), D(2023, 10, 9), 3),  # 7, 8 and 9 October
    (D(2023, 10, 9), D(2023, 9, 28), -3),  # overdue by three working days
    (D(2024, 2, 8), D(2024, 2, 19), 3),
    (D(2023, 1, 1), D(2023, 12, 31), 249),
    (D(2022, 12, 31), D(2024, 12, 31), 249 + 251),
    (D(2023, 10, 6), D(2023, 10, 7), 1),  # a holiday to a worked Saturday
])
def test_workdays_between(calendar, start, end, expected):
    assert calendar.workdays_between(start, end) == expected


def test_counting_matches_walking_day_by_day(calendar):
    def walk(start: dt.date, end: dt.date) -> int:
        sign, (low, high) = (1, (start, end)) if start <= end else (-1, (end, start))
        return sign * sum(calendar.is_workday(low + dt.timedelta(n))
                          for n in range(1, (high - low).days + 1))

    rng = random.Random(20231001)
    for _ in range(300):
        start = D(2022, 1, 1) + dt.timedelta(rng.randrange(2000))
        end = start + dt.timedelta(rng.randrange(-400, 400))
        assert calendar.workdays_between(start, end) == walk(start, end)
        n = rng.randrange(1, 40)
        ahead = calendar.add_workdays(start, n)
        assert calendar.is_workday(ahead) and walk(start, ahead) == n
        back = calendar.add_workdays(start, -n)
        assert calendar.is_workday(back)
        assert walk(back, start) == n - 1 + calendar.is_workday(start)


def test_remaining_working_days_for_many_assignments_is_fast():
    calendar = WorkCalendar()
    today = D(2023, 10, 9)
    dues = [D(2023, 1, 1) + dt.timedelta(n % 730) for n in range(100_000)]
    started = time.perf_counter()
    remaining = [calendar.workdays_between(today, due) for due in dues]
    assert time.perf_counter() - started < 1.5  # about 0.2 s here
    assert remaining[0] == -calendar.workdays_between(D(2023, 1, 1), today)


# -- the clerk's schedule ----------------------------------------------------------------

def test_parse_holiday_schedule():
    rows = [
        ("日期", "安排", "备注"),
        ("2027-01-01", "休", "元旦"),
        ("2027-02-07", "班"),
        ("2027-02-10至2027-02-17", "休", "春节"),
        ("", ""),
        ("2027年4月5日", "放假"),
        ("2027/5/1-2027/5/5", "休息"),
        ("2027年5月8日", "补班"),
        (D(2027, 9, 26), "上班"),  # a date cell, as a spreadsheet reader gives it
        ("2027年10月1日至7日", "休"),  # the end shares year and month with the start
        ("2027-10-09 00:00:00", "上班"),
        ("2027-01-01", "休"),  # a repeat is harmless
    ]
    holidays, workdays = parse_holiday_schedule(rows)
    assert workdays == [D(2027, 2, 7), D(2027, 5, 8), D(2027, 9, 26), D(2027, 10, 9)]
    assert len(holidays) == 1 + 8 + 1 + 5 + 7
    assert holidays[:2] == [D(2027, 1, 1), D(2027, 2, 10)] and holidays[-1] == D(2027, 10, 7)
    assert holidays == sorted(holidays)
    schedule = WorkCalendar(holidays, workdays)
    assert schedule.source_for_year(2027) == "entered"
    assert schedule.add_workdays(D(2027, 2, 9), 1) == D(2027, 2, 18)


def test_an_empty_schedule():
    assert parse_holiday_schedule([]) == ([], [])
    assert parse_holiday_schedule([("日期", "安排")]) == ([], [])


@pytest.mark.parametrize(("rows", "row", "column", "words"), [
    ([("2027-01-01",)], 1, "A", "缺少安排"),
    ([("日期", "安排"), ("2027-13-01", "休")], 2, "A", "不是有效的日期"),
    ([("2027-02-30", "休")], 1, "A", "不是有效的日期"),
    ([("明年元旦", "休")], 1, "A", "不是有效的日期"),
    ([("2027-02-17至2027-02-10", "休")], 1, "A", "开始日期"),
    ([("2027-01-01至2027-03-01", "休")], 1, "A", "长达 60 天"),
    ([("2027-01-01", "调休")], 1, "B", "无法识别"),
    ([("", "2027-01-01", "", "加班")], 1, "D", "无法识别"),
    ([("2027-02-10至2027-02-17", "休"), ("2027-02-14", "班")], 2, None, "第 1 行"),
])
def test_bad_schedule_rows_are_named(rows, row, column, words):
    with pytest.raises(UserFixableError) as caught:
        parse_holiday_schedule(rows)
    assert (caught.value.location.row, caught.value.location.column) == (row, column)
    assert words in caught.value.message
