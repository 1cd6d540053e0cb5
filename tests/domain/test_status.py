"""Status words, progress figures, the schedule view and the traffic lights."""

from __future__ import annotations

import datetime as dt

import pytest

from planner_desktop.domain.status import (
    ALLOWED_STATUS_WORDS,
    LIGHT_LABELS,
    LIGHT_SYMBOLS,
    Light,
    Schedule,
    Status,
    UnknownStatusError,
    aggregate_status,
    is_behind,
    light_of,
    normalise_status,
    parse_progress,
    schedule_of,
)
from planner_desktop.domain.workdays import WorkCalendar
from planner_desktop.errors import UserFixableError

D = dt.date
CAL = WorkCalendar()  # chinese-calendar's official holidays and adjusted working days

# --- words ------------------------------------------------------------------------------------

WRITTEN = {
    Status.DONE: ["已完成", "完成", "已办结", "办结", "完结", "已落实", "落实完毕", "√", "✓", "✔",
                  "是", "Y", "100%", "全部完成"],
    Status.IN_PROGRESS: ["推进中", "正在推进", "进行中", "正在办理", "持续推进", "办理中", "实施中",
                         "正在实施", "有序推进", "部分完成", "基本完成"],
    Status.NOT_STARTED: ["未开始", "未启动", "尚未开展", "尚未启动", "未开展", "否", "×", "✗",
                         "0%"],
    Status.SUSPENDED: ["暂缓", "暂停", "缓办", "延后"],
    Status.CANCELLED: ["取消", "已取消", "不再实施", "撤销"],
}


@pytest.mark.parametrize(
    ("word", "status"), [(w, s) for s, words in WRITTEN.items() for w in words]
)
def test_words_people_write(word, status):
    assert normalise_status(word) is status


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("已完成。", Status.DONE),
        (" 已 完 成 ", Status.DONE),
        ("已完成\n", Status.DONE),
        ("ｙ", Status.DONE),
        ("y", Status.DONE),
        ("ＹＥＳ", Status.DONE),
        ("１００％", Status.DONE),
        ("100.0%", Status.DONE),
        ("已完成（见附件）", Status.DONE),
        ("暂缓(资金未到位)", Status.SUSPENDED),
        ("推進中", Status.IN_PROGRESS),  # traditional characters
        ("50%", Status.IN_PROGRESS),
        ("n", Status.NOT_STARTED),
        ("未启动；", Status.NOT_STARTED),
    ],
)
def test_words_are_normalised_before_lookup(word, status):
    assert normalise_status(word) is status


@pytest.mark.parametrize("empty", [None, "", "   ", "\u3000", "。"])
def test_empty_cells_have_no_status(empty):
    assert normalise_status(empty) is None


@pytest.mark.parametrize("word", ["过半", "未完成", "差不多", "正常", "150%", "已完成一半", "OK"])
def test_unknown_words_are_never_guessed(word):
    with pytest.raises(UnknownStatusError) as caught:
        normalise_status(word)
    assert isinstance(caught.value, UserFixableError)
    assert caught.value.message == (
        f"无法识别的状态“{word}”，请填写：未启动、推进中、已完成、暂缓、已取消")


def test_allowed_words_in_lifecycle_order():
    assert ALLOWED_STATUS_WORDS == ("未启动", "推进中", "已完成", "暂缓", "已取消")
    assert all(normalise_status(w) is Status(w) for w in ALLOWED_STATUS_WORDS)


def test_every_light_has_a_label_and_a_printable_symbol():
    assert LIGHT_LABELS == {Light.RED: "红", Light.YELLOW: "黄", Light.GREEN: "绿",
                            Light.BLUE: "蓝"}
    assert set(LIGHT_SYMBOLS) == set(Light)
    assert len(set(LIGHT_SYMBOLS.values())) == len(Light)
    for symbol in LIGHT_SYMBOLS.values():
        symbol.encode("gb2312")  # SimSun and every Chinese font has it


# --- progress ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "percent"),
    [
        ("50%", 50), ("50", 50), ("50 %", 50), ("５０％", 50), ("0.5", 50), ("0", 0), ("100%", 100),
        ("12.5%", 13), ("99.4%", 99), ("1", 1), ("已完成80%", 80), ("约30%", 30), ("完成60%。", 60),
        ("60%左右", 60), ("完成总工程量的60%", 60), ("五成", 50), ("十成", 100), ("已完成八成", 80),
        ("百分之六十", 60), ("百分之一百", 100),
        (0.5, 50), (0.25, 25), (1, 100), (1.0, 100), (0, 0), (0.0, 0), (50, 50), (50.0, 50),
        (100, 100), (37.5, 38),
        (None, None), ("", None), ("  ", None), ("过半", None), ("完成", None), ("一半", None),
        ("30%-40%", None),  # two figures: which one is meant is the clerk's to say
    ],
)
def test_parse_progress(value, percent):
    assert parse_progress(value) == percent


@pytest.mark.parametrize("value", ["120%", "101", 150, 100.5, -5, "-10%", -0.5, True])
def test_progress_out_of_range_is_an_error_to_fix(value):
    with pytest.raises(UserFixableError) as caught:
        parse_progress(value)
    assert "完成进度" in caught.value.message


# --- schedule ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "due", "today", "schedule"),
    [
        (Status.DONE, D(2025, 3, 1), D(2025, 5, 1), Schedule.CLOSED),
        (Status.CANCELLED, D(2025, 3, 1), D(2025, 5, 1), Schedule.CLOSED),
        (Status.IN_PROGRESS, None, D(2025, 5, 1), Schedule.NORMAL),
        (Status.IN_PROGRESS, D(2025, 4, 30), D(2025, 5, 6), Schedule.OVERDUE),
        (Status.NOT_STARTED, D(2025, 3, 20), D(2025, 3, 21), Schedule.OVERDUE),
        (Status.IN_PROGRESS, D(2025, 3, 21), D(2025, 3, 21), Schedule.DUE_SOON),  # due today
        (Status.IN_PROGRESS, D(2025, 3, 26), D(2025, 3, 21), Schedule.DUE_SOON),  # 3 days left
        (Status.IN_PROGRESS, D(2025, 3, 27), D(2025, 3, 21), Schedule.NORMAL),  # 4 days left
        (Status.SUSPENDED, D(2025, 3, 1), D(2025, 5, 1), Schedule.NORMAL),  # not chased
        # National Day 2024: 10-1…10-7 off, Sunday 9-29 worked. From Friday 9-27 to 10-8 only
        # two working days remain (9-29 and 10-8), though eleven calendar days do.
        (Status.IN_PROGRESS, D(2024, 10, 8), D(2024, 9, 27), Schedule.DUE_SOON),
        # Spring Festival 2025 (1-28…2-4 off, Sunday 1-26 worked): from Friday 1-24 to 2-6 the
        # working days are 1-26, 1-27, 2-5, 2-6
        (Status.IN_PROGRESS, D(2025, 2, 6), D(2025, 1, 24), Schedule.NORMAL),
        (Status.IN_PROGRESS, D(2025, 2, 5), D(2025, 1, 24), Schedule.DUE_SOON),
    ],
)
def test_schedule_of(status, due, today, schedule):
    assert schedule_of(status, due, today, CAL) is schedule


def test_due_soon_days_is_a_setting():
    today = D(2025, 3, 17)  # a Monday
    assert schedule_of(Status.IN_PROGRESS, D(2025, 3, 18), today, CAL, 0) is Schedule.NORMAL
    assert schedule_of(Status.IN_PROGRESS, D(2025, 3, 17), today, CAL, 0) is Schedule.DUE_SOON
    assert schedule_of(Status.IN_PROGRESS, D(2025, 3, 28), today, CAL, 10) is Schedule.DUE_SOON


# --- lights -----------------------------------------------------------------------------------

START, DUE = D(2025, 3, 3), D(2025, 3, 28)  # 19 working days after the Monday start
ON_24TH = D(2025, 3, 24)  # 15 of them used (79%), 4 left: behind is under 59%


@pytest.mark.parametrize(
    ("status", "due", "today", "progress", "start", "light"),
    [
        (Status.DONE, D(2025, 3, 1), D(2025, 5, 1), None, None, Light.BLUE),
        (Status.CANCELLED, D(2025, 3, 1), D(2025, 5, 1), None, None, Light.BLUE),
        (Status.IN_PROGRESS, D(2025, 3, 1), D(2025, 5, 1), 90, None, Light.RED),
        (Status.NOT_STARTED, D(2025, 3, 1), D(2025, 5, 1), None, None, Light.RED),
        (Status.IN_PROGRESS, D(2025, 5, 6), D(2025, 4, 30), 95, None, Light.YELLOW),  # due soon
        (Status.IN_PROGRESS, DUE, ON_24TH, 58, START, Light.YELLOW),  # behind
        (Status.IN_PROGRESS, DUE, ON_24TH, 59, START, Light.GREEN),
        (Status.IN_PROGRESS, DUE, ON_24TH, None, START, Light.GREEN),  # progress unknown
        (Status.IN_PROGRESS, DUE, ON_24TH, 10, None, Light.GREEN),  # start unknown
        (Status.NOT_STARTED, DUE, ON_24TH, None, START, Light.YELLOW),  # counts as 0%
        (Status.NOT_STARTED, DUE, D(2025, 3, 6), None, START, Light.GREEN),  # 3 of 19 days used
        (Status.SUSPENDED, DUE, ON_24TH, 0, START, Light.GREEN),  # not chased
        (Status.SUSPENDED, D(2025, 3, 1), D(2025, 5, 1), None, None, Light.GREEN),
        (Status.IN_PROGRESS, None, D(2025, 5, 1), 0, START, Light.GREEN),  # no deadline
    ],
)
def test_light_of(status, due, today, progress, start, light):
    assert light_of(status, due, today, CAL, progress=progress, start=start) is light


def test_behind_uses_working_days_not_calendar_days():
    # Start 2025-01-20, due 2025-02-28: 25 working days, the Spring Festival in between.
    # On 2025-02-05, 7 of them (1-21…1-27 and 2-5) are used: 28%, so 8% is not behind,
    # though by calendar days 16 of 39 (41%) are gone and 8% would be.
    start, due, today = D(2025, 1, 20), D(2025, 2, 28), D(2025, 2, 5)
    assert CAL.workdays_between(start, due) == 25
    assert CAL.workdays_between(start, today) == 7
    assert not is_behind(8, start, due, today, CAL)
    assert is_behind(7, start, due, today, CAL)


@pytest.mark.parametrize(
    ("start", "due", "today"),
    [
        (D(2025, 3, 3), D(2025, 3, 3), D(2025, 3, 10)),  # no span
        (D(2025, 3, 10), D(2025, 3, 3), D(2025, 3, 12)),  # due before start
        (D(2025, 3, 3), D(2025, 3, 28), D(2025, 3, 1)),  # not begun yet
    ],
)
def test_behind_needs_a_sensible_span(start, due, today):
    assert not is_behind(0, start, due, today, CAL)


# --- aggregation ------------------------------------------------------------------------------

NS, IP, DN, SP, CX = (Status.NOT_STARTED, Status.IN_PROGRESS, Status.DONE, Status.SUSPENDED,
                      Status.CANCELLED)


@pytest.mark.parametrize(
    ("statuses", "status"),
    [
        ([], NS),
        ([DN], DN),
        ([DN, DN, DN], DN),
        ([DN, CX], DN),
        ([CX], CX),
        ([CX, CX], CX),
        ([SP, SP], SP),
        ([SP, CX], SP),
        ([NS, NS], NS),
        ([NS, SP], NS),
        ([NS, CX], NS),
        ([NS, DN], IP),
        ([NS, IP], IP),
        ([DN, SP], IP),
        ([IP, DN, CX, SP, NS], IP),
    ],
)
def test_aggregate_status(statuses, status):
    assert aggregate_status(statuses) is status
    assert aggregate_status(iter(statuses)) is status  # any iterable, read once
