"""完成时限 as county bureaus write them: dates, recurring reports, ongoing work, relative terms."""

from __future__ import annotations

import datetime as dt

import pytest

from planner_desktop.domain.deadlines import (
    Deadline,
    DeadlineKind,
    excel_serial_to_date,
    normalise_deadline_text,
    parse_deadline,
)
from planner_desktop.domain.report_periods import PeriodKeyError, next_due, period_for, report_periods
from planner_desktop.domain.workdays import WorkCalendar
from planner_desktop.errors import UserFixableError

D = dt.date
DATE, RECURRING, ONGOING = DeadlineKind.DATE, DeadlineKind.RECURRING, DeadlineKind.ONGOING
RELATIVE, UNPARSED, NONE = DeadlineKind.RELATIVE, DeadlineKind.UNPARSED, DeadlineKind.NONE

PHRASINGS = [
    # full dates, every way they are typed
    ("2023年6月30日", 2023, DATE, D(2023, 6, 30)),
    ("2023年6月30日前", 2023, DATE, D(2023, 6, 30)),
    ("2023年6月30日之前", 2023, DATE, D(2023, 6, 30)),
    ("2023年6月30", 2023, DATE, D(2023, 6, 30)),
    ("2023.6.30", 2023, DATE, D(2023, 6, 30)),
    ("2023/6/30", 2023, DATE, D(2023, 6, 30)),
    ("2023-06-30", 2023, DATE, D(2023, 6, 30)),
    ("20230630", 2023, DATE, D(2023, 6, 30)),
    ("２０２３年６月３０日", 2023, DATE, D(2023, 6, 30)),
    ("2023 年 6 月 30 日前", 2023, DATE, D(2023, 6, 30)),
    ("2020.10.31", 2023, DATE, D(2020, 10, 31)),
    ("2020年11月30日前", 2020, DATE, D(2020, 11, 30)),
    ("截至2023年12月31日", 2023, DATE, D(2023, 12, 31)),
    ("2023年12月31日止", 2023, DATE, D(2023, 12, 31)),
    ("2021年元月15日前", 2023, DATE, D(2021, 1, 15)),
    ("拟于2021年元月15日前到XX实施现场招聘", 2020, DATE, D(2021, 1, 15)),
    # month and day without a year: the plan's year
    ("11月30日前", 2023, DATE, D(2023, 11, 30)),
    ("10月31日", 2023, DATE, D(2023, 10, 31)),
    ("12月31日", 2024, DATE, D(2024, 12, 31)),
    ("6月30号", 2023, DATE, D(2023, 6, 30)),
    ("6月30日以前", 2023, DATE, D(2023, 6, 30)),
    ("6.30前", 2023, DATE, D(2023, 6, 30)),
    ("9月1日开学前", 2023, DATE, D(2023, 9, 1)),
    ("3月10日至20日", 2023, DATE, D(2023, 3, 20)),
    ("5月20日-6月10日", 2023, DATE, D(2023, 6, 10)),
    # a month alone is its last day
    ("6月底前", 2023, DATE, D(2023, 6, 30)),
    ("6月底", 2023, DATE, D(2023, 6, 30)),
    ("6月末", 2023, DATE, D(2023, 6, 30)),
    ("6月份", 2023, DATE, D(2023, 6, 30)),
    ("6月底之前", 2023, DATE, D(2023, 6, 30)),
    ("12月份前完成", 2023, DATE, D(2023, 12, 31)),
    ("12月底前", 2023, DATE, D(2023, 12, 31)),
    ("11月前", 2023, DATE, D(2023, 11, 30)),
    ("5月", 2023, DATE, D(2023, 5, 31)),
    ("2月底", 2023, DATE, D(2023, 2, 28)),
    ("2月底", 2024, DATE, D(2024, 2, 29)),
    ("2023-06", 2023, DATE, D(2023, 6, 30)),
    ("2023.06", 2023, DATE, D(2023, 6, 30)),
    ("2023年10月", 2023, DATE, D(2023, 10, 31)),
    ("2023年9月", 2023, DATE, D(2023, 9, 30)),
    ("2024年1月", 2023, DATE, D(2024, 1, 31)),
    ("2020年9月", 2020, DATE, D(2020, 9, 30)),
    ("2020年6月底前", 2023, DATE, D(2020, 6, 30)),
    ("于2023年11月前", 2023, DATE, D(2023, 11, 30)),
    ("2023年12月底", 2023, DATE, D(2023, 12, 31)),
    # Chinese numerals
    ("十月底前", 2023, DATE, D(2023, 10, 31)),
    ("十二月底", 2023, DATE, D(2023, 12, 31)),
    ("十一月", 2023, DATE, D(2023, 11, 30)),
    ("三月份", 2023, DATE, D(2023, 3, 31)),
    ("元月底", 2023, DATE, D(2023, 1, 31)),
    ("二〇二三年十二月", 2022, DATE, D(2023, 12, 31)),
    ("二〇二三年六月底", 2023, DATE, D(2023, 6, 30)),
    # parts of a month
    ("9月上旬", 2023, DATE, D(2023, 9, 10)),
    ("9月中旬", 2023, DATE, D(2023, 9, 20)),
    ("9月下旬", 2023, DATE, D(2023, 9, 30)),
    ("九月中旬", 2023, DATE, D(2023, 9, 20)),
    ("三月上旬", 2023, DATE, D(2023, 3, 10)),
    ("9月初", 2023, DATE, D(2023, 9, 10)),
    ("3月中", 2023, DATE, D(2023, 3, 20)),
    ("10月中下旬", 2023, DATE, D(2023, 10, 31)),
    ("2023年11月中旬前", 2023, DATE, D(2023, 11, 20)),
    # spans: the end counts
    ("3月至6月", 2023, DATE, D(2023, 6, 30)),
    ("3-6月", 2023, DATE, D(2023, 6, 30)),
    ("4～5月", 2023, DATE, D(2023, 5, 31)),
    ("1—6月", 2023, DATE, D(2023, 6, 30)),
    ("2023年3月-12月", 2023, DATE, D(2023, 12, 31)),
    ("2023年9月—12月", 2023, DATE, D(2023, 12, 31)),
    ("2023年4月至6月", 2023, DATE, D(2023, 6, 30)),
    ("2023年6月至2024年6月", 2023, DATE, D(2024, 6, 30)),
    ("2023年9月至次年1月", 2023, DATE, D(2024, 1, 31)),
    ("2023-2025年", 2023, DATE, D(2025, 12, 31)),
    # halves, years, quarters
    ("年底前", 2023, DATE, D(2023, 12, 31)),
    ("年底", 2023, DATE, D(2023, 12, 31)),
    ("年内", 2023, DATE, D(2023, 12, 31)),
    ("上半年", 2023, DATE, D(2023, 6, 30)),
    ("下半年", 2023, DATE, D(2023, 12, 31)),
    ("2023年底", 2023, DATE, D(2023, 12, 31)),
    ("2025年底前", 2023, DATE, D(2025, 12, 31)),
    ("争取在2020年底前发放到位", 2020, DATE, D(2020, 12, 31)),
    ("本年底", 2023, DATE, D(2023, 12, 31)),
    ("次年1月底前", 2023, DATE, D(2024, 1, 31)),
    ("2023年度", 2023, DATE, D(2023, 12, 31)),
    ("2023年", 2022, DATE, D(2023, 12, 31)),
    ("第三季度", 2023, DATE, D(2023, 9, 30)),
    ("三季度末", 2023, DATE, D(2023, 9, 30)),
    ("第四季度", 2023, DATE, D(2023, 12, 31)),
    ("一季度", 2023, DATE, D(2023, 3, 31)),
    ("2023年一季度末", 2023, DATE, D(2023, 3, 31)),
    ("第二季度末前", 2023, DATE, D(2023, 6, 30)),
    ("第一、二季度", 2023, DATE, D(2023, 6, 30)),
    ("2023Q3", 2023, DATE, D(2023, 9, 30)),
    # several dates: the latest; a date beside an ongoing phrase wins
    ("6月底前完成初稿，12月底前全面完成", 2023, DATE, D(2023, 12, 31)),
    ("2023年6月底前启动，长期坚持", 2023, DATE, D(2023, 6, 30)),
    ("6月底前完成，此后每季度报送进展", 2023, DATE, D(2023, 6, 30)),
    # recurring
    ("每月", 2023, RECURRING, None),
    ("每月28日前", 2023, RECURRING, None),
    ("每月25日前", 2020, RECURRING, None),
    ("每季度", 2023, RECURRING, None),
    ("每季度末", 2023, RECURRING, None),
    ("每个季度第1个月的20日前", 2023, RECURRING, None),
    ("每季度第一个月10日前", 2023, RECURRING, None),
    ("每学期", 2023, RECURRING, None),
    ("每半年", 2023, RECURRING, None),
    ("每年", 2023, RECURRING, None),
    ("每周", 2023, RECURRING, None),
    ("每周五前", 2023, RECURRING, None),
    ("按月报送", 2023, RECURRING, None),
    ("自2023年3月起每月28日前", 2023, RECURRING, None),
    ("持续推进，每季度报送进展", 2023, RECURRING, None),
    # ongoing
    ("长期坚持", 2023, ONGOING, None),
    ("持续推进", 2023, ONGOING, None),
    ("全年", 2023, ONGOING, None),
    ("长期", 2023, ONGOING, None),
    ("常态化", 2023, ONGOING, None),
    ("持续开展", 2023, ONGOING, None),
    ("全年推进", 2023, ONGOING, None),
    ("贯穿全年", 2023, ONGOING, None),
    ("每日", 2023, ONGOING, None),
    # relative, without a start date
    ("5个工作日内", 2023, RELATIVE, None),
    ("收到通知后10个工作日内", 2023, RELATIVE, None),
    ("15日内", 2023, RELATIVE, None),
    ("三十日内", 2023, RELATIVE, None),
    ("一周内", 2023, RELATIVE, None),
    # unparsed, kept for the clerk
    ("开学前", 2023, UNPARSED, None),
    ("2024年春季开学前", 2023, UNPARSED, None),
    ("秋季开学前", 2023, UNPARSED, None),
    ("按上级要求", 2023, UNPARSED, None),
    ("根据工作安排", 2023, UNPARSED, None),
    ("待定", 2023, UNPARSED, None),
    ("另行通知", 2023, UNPARSED, None),
    ("asdkj乱码￥%", 2023, UNPARSED, None),
    ("2月30日", 2023, UNPARSED, None),
    ("13月", 2023, UNPARSED, None),
    # empty
    ("", 2023, NONE, None),
    ("   ", 2023, NONE, None),
    (None, 2023, NONE, None),
]


@pytest.mark.parametrize(("text", "year", "kind", "due"), PHRASINGS)
def test_phrasings(text, year, kind, due):
    deadline = parse_deadline(text, year)
    assert (deadline.kind, deadline.due) == (kind, due)
    assert deadline.text == (text or "").strip()


def test_there_are_enough_real_phrasings():
    assert len(PHRASINGS) >= 80


@pytest.mark.parametrize(("text", "recurrence", "day", "month_in_period"), [
    ("每月", "monthly", None, None),
    ("每月28日前", "monthly", 28, None),
    ("每月5号", "monthly", 5, None),
    ("每月初", "monthly", 10, None),
    ("每月中旬", "monthly", 20, None),
    ("每月月底前", "monthly", None, None),
    ("每季度", "quarterly", None, None),
    ("每季度末", "quarterly", None, None),
    ("每个季度第1个月的20日前", "quarterly", 20, 1),
    ("每季度第一个月10日前", "quarterly", 10, 1),
    ("每季度首月15日前", "quarterly", 15, 1),
    ("每季度末月25日前", "quarterly", 25, None),
    ("按季度报送", "quarterly", None, None),
    ("每学期", "semester", None, None),
    ("每半年", "half", None, None),
    ("每年", "yearly", None, None),
    ("每年6月底前", "yearly", None, 6),
    ("每年12月20日前", "yearly", 20, 12),
    ("每周", "weekly", None, None),
    ("每周五前", "weekly", 5, None),
    ("每周星期一", "weekly", 1, None),
])
def test_recurring_details(text, recurrence, day, month_in_period):
    deadline = parse_deadline(text, 2023)
    assert deadline.kind is RECURRING
    assert (deadline.recurrence, deadline.day, deadline.month_in_period) == \
        (recurrence, day, month_in_period)


def test_recurring_with_an_offset_after_each_period():
    monthly = parse_deadline("每月结束后5个工作日内", 2023)
    assert (monthly.recurrence, monthly.workdays, monthly.day) == ("monthly", 5, None)
    quarterly = parse_deadline("每季度结束后10日内", 2023)
    assert (quarterly.recurrence, quarterly.calendar_days) == ("quarterly", 10)
    dues = [p.due for p in report_periods(quarterly, 2023)]
    assert dues == [D(2023, 4, 10), D(2023, 7, 10), D(2023, 10, 10), D(2024, 1, 10)]
    # working days: 2023 Q3 ends on Saturday 30 September, then the National Day holiday
    q3 = report_periods(parse_deadline("每季度结束后5个工作日内", 2023), 2023)[2]
    assert q3.due == D(2023, 10, 11)  # 7, 8 (worked weekend), 9, 10, 11 October


# -- cells that are not text ----------------------------------------------------------------

def test_an_excel_date_cell_is_a_date():
    assert parse_deadline(D(2023, 6, 30), 2020) == Deadline("2023-06-30", DATE, D(2023, 6, 30))
    from_datetime = parse_deadline(dt.datetime(2023, 6, 30, 17, 30), 2023)
    assert (from_datetime.text, from_datetime.due) == ("2023-06-30", D(2023, 6, 30))


@pytest.mark.parametrize(("serial", "expected"), [
    (1, D(1900, 1, 1)),
    (59, D(1900, 2, 28)),
    (60, None),  # Lotus's phantom 1900-02-29
    (61, D(1900, 3, 1)),
    (45107, D(2023, 6, 30)),
    (45107.75, D(2023, 6, 30)),  # a time of day does not move the date
    (45292, D(2024, 1, 1)),
    (2958465, D(9999, 12, 31)),
    (0, None),
    (2958466, None),
])
def test_excel_serials(serial, expected):
    assert excel_serial_to_date(serial) == expected


def test_numbers_as_deadlines():
    serial = parse_deadline(45107.0, 2023)
    assert (serial.kind, serial.due, serial.text) == (DATE, D(2023, 6, 30), "45107")
    assert parse_deadline(45107, 2023).due == D(2023, 6, 30)
    text_serial = parse_deadline("45107", 2023)
    assert (text_serial.kind, text_serial.due) == (DATE, D(2023, 6, 30))
    assert parse_deadline("12345", 2023).kind is UNPARSED  # digits, but no plausible serial
    year_number = parse_deadline(2023.0, 2022)  # a year typed in a number cell
    assert (year_number.kind, year_number.due, year_number.text) == (DATE, D(2023, 12, 31), "2023")
    assert parse_deadline(60, 2023).kind is UNPARSED
    assert parse_deadline(float("nan"), 2023).kind is NONE
    assert parse_deadline(True, 2023).kind is UNPARSED


# -- relative deadlines ---------------------------------------------------------------------

def test_relative_deadlines_get_a_due_date_from_their_start():
    five = parse_deadline("5个工作日内", 2023, start=D(2023, 9, 27))
    # 28 Sep is a working day, 29 Sep – 6 Oct the Mid-Autumn and National Day holidays,
    # 7 and 8 Oct (a weekend) are worked
    assert (five.kind, five.workdays, five.due) == (RELATIVE, 5, D(2023, 10, 10))
    fifteen = parse_deadline("15日内", 2023, start=D(2023, 9, 27))
    assert (fifteen.calendar_days, fifteen.due) == (15, D(2023, 10, 12))
    notice = parse_deadline("收到通知后10个工作日内", 2023, start=D(2023, 5, 8))
    assert notice.due == D(2023, 5, 22)
    assert parse_deadline("5个工作日内", 2023).due is None


def test_relative_deadlines_use_the_clerks_calendar():
    calendar = WorkCalendar(holidays=[D(2027, 1, 4), D(2027, 1, 5)])
    deadline = parse_deadline("3个工作日内", 2027, start=D(2027, 1, 1), calendar=calendar)
    assert deadline.due == D(2027, 1, 8)  # Mon 4 and Tue 5 off: Wed 6, Thu 7, Fri 8
    plain = parse_deadline("3个工作日内", 2027, start=D(2027, 1, 1))
    assert plain.due == D(2027, 1, 6)


# -- next due date --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "today", "expected"), [
    ("每月28日前", D(2023, 10, 29), D(2023, 11, 28)),
    ("每月28日前", D(2023, 10, 28), D(2023, 10, 28)),
    ("每月28日前", D(2023, 12, 29), D(2024, 1, 28)),
    ("每月31日前", D(2023, 2, 1), D(2023, 2, 28)),
    ("每月", D(2024, 2, 10), D(2024, 2, 29)),
    ("每季度", D(2023, 10, 29), D(2023, 12, 31)),
    ("每季度", D(2023, 4, 1), D(2023, 6, 30)),
    ("每个季度第1个月的20日前", D(2023, 1, 21), D(2023, 4, 20)),
    ("每个季度第1个月的20日前", D(2023, 10, 21), D(2024, 1, 20)),
    ("每半年", D(2023, 7, 1), D(2023, 12, 31)),
    ("每年", D(2023, 3, 1), D(2023, 12, 31)),
    ("每学期", D(2023, 1, 10), D(2023, 1, 31)),
    ("每学期", D(2023, 3, 1), D(2023, 7, 15)),
    ("每学期", D(2023, 8, 1), D(2024, 1, 31)),
    ("每周五前", D(2023, 10, 28), D(2023, 11, 3)),
    ("每周", D(2023, 10, 27), D(2023, 10, 27)),
    ("2023年6月30日", D(2023, 10, 1), D(2023, 6, 30)),  # a date stays due, even if past
    ("长期坚持", D(2023, 10, 1), None),
    ("开学前", D(2023, 10, 1), None),
    ("", D(2023, 10, 1), None),
])
def test_next_due(text, today, expected):
    assert next_due(parse_deadline(text, 2023), today) == expected


# -- report periods -------------------------------------------------------------------------

def test_monthly_report_periods():
    periods = report_periods(parse_deadline("每月28日前", 2023), 2023)
    assert [p.key for p in periods] == [f"2023-{m:02d}" for m in range(1, 13)]
    assert periods[9].label == "2023年10月"
    assert (periods[9].start, periods[9].end, periods[9].due) == \
        (D(2023, 10, 1), D(2023, 10, 31), D(2023, 10, 28))
    plain = report_periods(parse_deadline("每月", 2024), 2024)
    assert plain[1].due == D(2024, 2, 29)


def test_quarterly_half_yearly_and_yearly_report_periods():
    quarters = report_periods(parse_deadline("每季度", 2023), 2023)
    assert [p.key for p in quarters] == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]
    assert quarters[2].label == "2023年第3季度"
    assert [p.due for p in quarters] == [D(2023, 3, 31), D(2023, 6, 30), D(2023, 9, 30),
                                         D(2023, 12, 31)]
    first_month = report_periods(parse_deadline("每个季度第1个月的20日前", 2023), 2023)
    assert [p.due for p in first_month] == [D(2023, 1, 20), D(2023, 4, 20), D(2023, 7, 20),
                                            D(2023, 10, 20)]
    halves = report_periods(parse_deadline("每半年", 2023), 2023)
    assert [(p.key, p.label, p.start, p.due) for p in halves] == [
        ("2023-H1", "2023年上半年", D(2023, 1, 1), D(2023, 6, 30)),
        ("2023-H2", "2023年下半年", D(2023, 7, 1), D(2023, 12, 31))]
    years = report_periods(parse_deadline("每年", 2023), 2023)
    assert [(p.key, p.label, p.due) for p in years] == [("2023", "2023年", D(2023, 12, 31))]
    assert report_periods(parse_deadline("每年6月底前", 2023), 2023)[0].due == D(2023, 6, 30)


def test_weekly_and_semester_report_periods():
    weeks = report_periods(parse_deadline("每周", 2023), 2023)
    assert len(weeks) == 52 and weeks[0].key == "2023-W01" and weeks[-1].key == "2023-W52"
    assert (weeks[0].start, weeks[0].end, weeks[0].due) == \
        (D(2023, 1, 2), D(2023, 1, 8), D(2023, 1, 6))
    assert len(report_periods(parse_deadline("每周", 2026), 2026)) == 53
    mondays = report_periods(parse_deadline("每周一", 2023), 2023)
    assert mondays[0].due == D(2023, 1, 2)
    semesters = report_periods(parse_deadline("每学期", 2023), 2023)
    assert [(p.key, p.label, p.end) for p in semesters] == [
        ("2023-S1", "2023年春季学期", D(2023, 7, 15)),
        ("2023-S2", "2023年秋季学期", D(2024, 1, 31))]


def test_only_recurring_deadlines_have_report_periods():
    for text in ("6月底前", "长期坚持", "开学前", "5个工作日内", ""):
        assert report_periods(parse_deadline(text, 2023), 2023) == []


# -- period keys and labels -----------------------------------------------------------------

@pytest.mark.parametrize(("key", "expected_key", "start", "end"), [
    ("2023-10", "2023-10", D(2023, 10, 1), D(2023, 10, 31)),
    ("2023年10月", "2023-10", D(2023, 10, 1), D(2023, 10, 31)),
    ("2023年十月", "2023-10", D(2023, 10, 1), D(2023, 10, 31)),
    ("2024-02", "2024-02", D(2024, 2, 1), D(2024, 2, 29)),
    ("2023-Q3", "2023-Q3", D(2023, 7, 1), D(2023, 9, 30)),
    ("2023q3", "2023-Q3", D(2023, 7, 1), D(2023, 9, 30)),
    ("2023年第3季度", "2023-Q3", D(2023, 7, 1), D(2023, 9, 30)),
    ("2023年第三季度", "2023-Q3", D(2023, 7, 1), D(2023, 9, 30)),
    ("2023年三季度", "2023-Q3", D(2023, 7, 1), D(2023, 9, 30)),
    ("2023-H1", "2023-H1", D(2023, 1, 1), D(2023, 6, 30)),
    ("2023年上半年", "2023-H1", D(2023, 1, 1), D(2023, 6, 30)),
    ("2023年下半年", "2023-H2", D(2023, 7, 1), D(2023, 12, 31)),
    ("2023", "2023", D(2023, 1, 1), D(2023, 12, 31)),
    ("2023年", "2023", D(2023, 1, 1), D(2023, 12, 31)),
    ("2023-W01", "2023-W01", D(2023, 1, 2), D(2023, 1, 8)),
    ("2023年第5周", "2023-W05", D(2023, 1, 30), D(2023, 2, 5)),
    ("2023-S1", "2023-S1", D(2023, 2, 1), D(2023, 7, 15)),
    ("2023年秋季学期", "2023-S2", D(2023, 7, 16), D(2024, 1, 31)),
    (" ２０２３－Ｑ４ ", "2023-Q4", D(2023, 10, 1), D(2023, 12, 31)),
])
def test_period_for(key, expected_key, start, end):
    period = period_for(key)
    assert (period.key, period.start, period.end) == (expected_key, start, end)
    # due: the end of the period, or for a week its Friday
    assert period.due == (start + dt.timedelta(4) if "W" in period.key else end)


def test_period_keys_and_labels_round_trip():
    for text in ("每月", "每季度", "每半年", "每年", "每周", "每学期"):
        for period in report_periods(parse_deadline(text, 2023), 2023):
            assert period_for(period.key).key == period.key
            assert period_for(period.label).key == period.key


@pytest.mark.parametrize("key", ["2023-13", "2023-Q5", "2023-W53", "下个月", "", "2023-H3"])
def test_unreadable_periods_say_how_to_write_them(key):
    with pytest.raises(PeriodKeyError) as caught:
        period_for(key)
    assert isinstance(caught.value, UserFixableError) and isinstance(caught.value, ValueError)
    assert "2023年第3季度" in caught.value.message


# -- normalising and JSON -------------------------------------------------------------------

def test_normalising():
    assert normalise_deadline_text("二〇二三年十二月三十一日") == "2023年12月31日"
    assert normalise_deadline_text("第三季度") == "第3季度"
    assert normalise_deadline_text("２０２３年　元月") == "2023年1月"
    assert normalise_deadline_text("次年6月", 2023) == "2024年6月"


def test_json_keeps_every_field_and_reads_back():
    deadline = parse_deadline("每个季度第1个月的20日前", 2023)
    data = deadline.to_json()
    assert data == {"text": "每个季度第1个月的20日前", "kind": "recurring", "due": None,
                    "recurrence": "quarterly", "day": 20, "month_in_period": 1,
                    "workdays": None, "calendar_days": None}
    assert Deadline.from_json(data) == deadline
    dated = parse_deadline("6月底前", 2023)
    assert dated.to_json()["due"] == "2023-06-30"
    assert Deadline.from_json(dated.to_json()) == dated
    assert Deadline.from_json({"text": "长期坚持", "kind": "ongoing"}).kind is ONGOING
