"""Status of work: the stored lifecycle, what people write for it, and the derived schedule view.

The lifecycle (未启动 … 已取消) is a fact the clerk records. 逾期/临期/正常 and the traffic
light are derived from the deadline, progress and the as-of day, never stored. Words units
write in returned sheets are mapped to the lifecycle; a word not known is reported, never
guessed, because a wrong 已完成 is worse than a question.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Protocol

from planner_desktop.domain.text import chinese_numeral_to_int, normalise
from planner_desktop.errors import UserFixableError


class Status(StrEnum):
    NOT_STARTED = "未启动"
    IN_PROGRESS = "推进中"
    DONE = "已完成"
    SUSPENDED = "暂缓"
    CANCELLED = "已取消"


class Schedule(StrEnum):
    OVERDUE = "逾期"
    DUE_SOON = "临期"
    NORMAL = "正常"
    CLOSED = "已结束"  # done or cancelled: no longer chased


class Light(StrEnum):
    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"
    BLUE = "blue"


# Chinese label and a symbol that survives a greyscale printer.
LIGHT_LABELS = {Light.RED: "红", Light.YELLOW: "黄", Light.GREEN: "绿", Light.BLUE: "蓝"}
LIGHT_SYMBOLS = {Light.RED: "●", Light.YELLOW: "▲", Light.GREEN: "○", Light.BLUE: "✔"}
ALLOWED_STATUS_WORDS = tuple(s.value for s in Status)

# Behind schedule: progress more than this many points below the share of time elapsed.
BEHIND_MARGIN = 20

_WORDS: dict[Status, tuple[str, ...]] = {
    Status.DONE: ("已完成", "完成", "已办结", "办结", "完结", "已落实", "落实完毕", "√", "✓", "✔",
                  "是", "Y", "YES", "100%", "全部完成", "已完成100%", "已结束", "结束", "已办理"),
    Status.IN_PROGRESS: ("推进中", "正在推进", "进行中", "正在办理", "持续推进", "办理中", "实施中",
                         "正在实施", "有序推进", "部分完成", "基本完成", "正在进行", "已启动",
                         "启动", "推进", "在办"),
    Status.NOT_STARTED: ("未启动", "未开始", "尚未开展", "尚未启动", "未开展", "否", "×", "✗", "N",
                         "NO", "0%", "未完成", "待启动"),
    Status.SUSPENDED: ("暂缓", "暂停", "缓办", "延后", "暂缓实施", "暂缓推进"),
    Status.CANCELLED: ("已取消", "取消", "不再实施", "撤销", "已撤销"),
}
_LOOKUP = {word.upper(): status for status, words in _WORDS.items() for word in words}


class UnknownStatusError(UserFixableError):
    """A status word that maps to none of the five."""


def normalise_status(text: str | None) -> Status | None:
    """The lifecycle status a written word means; None for an empty cell."""
    if text is None:
        return None
    word = normalise(str(text)).rstrip("。.；;，,").replace(" ", "").upper()
    if not word:
        return None
    if word in _LOOKUP:
        return _LOOKUP[word]
    raise UnknownStatusError(
        f"无法识别的状态“{text}”，请填写：{'、'.join(ALLOWED_STATUS_WORDS)}。"
    )


_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)\s*%?$")
_TENTHS = re.compile(r"^([一二三四五六七八九十])成$")


def parse_progress(value: str | float | int | None) -> int | None:
    """0–100 from ``50%``, ``50``, ``0.5`` (an Excel percent cell), ``五成``; None when empty.

    Words such as 过半 carry no number and give None: progress is only taken from numbers.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise UserFixableError(f"完成进度“{value}”不是数字，请填写 0–100。")
    if isinstance(value, (int, float)):
        number = float(value) * (100 if 0 < float(value) < 1 else 1)
    else:
        text = normalise(value).replace(" ", "")
        tenths = _TENTHS.match(text)
        match = _PERCENT.match(text)
        if tenths:
            number = chinese_numeral_to_int(tenths.group(1)) * 10
        elif match:
            number = float(match.group(1))
            if "%" not in text and 0 < number < 1:
                number *= 100
        else:
            return None
    if not 0 <= number <= 100:
        raise UserFixableError(f"完成进度“{value}”超出 0–100 的范围。")
    return round(number)


class Calendar(Protocol):
    def workdays_between(self, start: dt.date, end: dt.date) -> int: ...


def schedule_of(status: Status, due: dt.date | None, today: dt.date, calendar: Calendar,
                due_soon_days: int = 3) -> Schedule:
    """逾期 / 临期 / 正常 / 已结束. A suspended item is not chased, so it is 正常."""
    if status in (Status.DONE, Status.CANCELLED):
        return Schedule.CLOSED
    if due is None or status is Status.SUSPENDED:
        return Schedule.NORMAL
    if today > due:
        return Schedule.OVERDUE
    if calendar.workdays_between(today, due) <= due_soon_days:
        return Schedule.DUE_SOON
    return Schedule.NORMAL


def is_behind(progress: int | None, start: dt.date | None, due: dt.date | None,
              today: dt.date) -> bool:
    """Progress more than BEHIND_MARGIN points below the share of the time already used."""
    if progress is None or start is None or due is None or due <= start:
        return False
    elapsed = (min(today, due) - start).days / (due - start).days
    return progress < elapsed * 100 - BEHIND_MARGIN


def light_of(status: Status, due: dt.date | None, today: dt.date, calendar: Calendar, *,
             progress: int | None = None, start: dt.date | None = None,
             due_soon_days: int = 3) -> Light:
    """蓝 done (or cancelled), 红 overdue, 黄 due soon or behind schedule, 绿 otherwise."""
    schedule = schedule_of(status, due, today, calendar, due_soon_days)
    if schedule is Schedule.CLOSED:
        return Light.BLUE
    if schedule is Schedule.OVERDUE:
        return Light.RED
    if schedule is Schedule.DUE_SOON or (status is not Status.SUSPENDED
                                         and is_behind(progress, start, due, today)):
        return Light.YELLOW
    return Light.GREEN


def aggregate_status(statuses: Iterable[Status]) -> Status:
    """An item's status from its assignments (or its children's)."""
    found = list(statuses)
    if not found:
        return Status.NOT_STARTED
    distinct = set(found)
    if distinct == {Status.CANCELLED}:
        return Status.CANCELLED
    if distinct <= {Status.DONE, Status.CANCELLED}:
        return Status.DONE
    if distinct == {Status.SUSPENDED}:
        return Status.SUSPENDED
    if distinct <= {Status.NOT_STARTED, Status.SUSPENDED, Status.CANCELLED}:
        return Status.NOT_STARTED
    return Status.IN_PROGRESS
