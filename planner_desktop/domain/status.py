"""Status of work: the stored lifecycle, what people write for it, and the derived schedule view.

The lifecycle (未启动 … 已取消) is a fact the clerk records. 逾期/临期/正常 and the traffic
light are derived from the deadline, progress and the as-of day, never stored, because they
change every morning without anyone touching the ledger. Words units write in returned sheets
are mapped to the lifecycle; a word not known is reported, never guessed, because a wrong
已完成 in a bulletin is worse than a question to the clerk.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Protocol

from planner_desktop.domain.text import chinese_numeral_to_int, compact, to_simplified
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


class Alert(StrEnum):
    """What a light says, in one word. The ledger's 督办灯 column, the status bar, the banner
    and the dashboard all name a row through :func:`alert_of`, so a yellow light reads 临期
    only for what is counted as 临期, and 滞后 when the item is behind its schedule."""

    OVERDUE = "逾期"
    DUE_SOON = "临期"
    BEHIND = "滞后"
    ON_TRACK = "正常"
    DONE = "完成"


_ALERT_OF_LIGHT = {Light.RED: Alert.OVERDUE, Light.GREEN: Alert.ON_TRACK, Light.BLUE: Alert.DONE}


def alert_of(light: Light, schedule: Schedule) -> Alert:
    """A yellow light is 临期 when the deadline is near (the schedule says so), else 滞后 (the
    light came from the behind-schedule rule of :func:`light_of`)."""
    if light is Light.YELLOW:
        return Alert.DUE_SOON if schedule is Schedule.DUE_SOON else Alert.BEHIND
    return _ALERT_OF_LIGHT[light]


# The five words in lifecycle order, for dropdowns and data validation in fill-in workbooks.
ALLOWED_STATUS_WORDS: tuple[str, ...] = tuple(s.value for s in Status)

# Labels as bureaus' 红黄蓝 supervision slips name the lights.
LIGHT_LABELS: dict[Light, str] = {
    Light.RED: "红", Light.YELLOW: "黄", Light.GREEN: "绿", Light.BLUE: "蓝",
}
# Symbols that tell the lights apart on a greyscale printer: a filled circle for overdue (the
# darkest mark draws the eye first), a triangle for a warning, a hollow circle for on track and
# a tick for done. All four are in GB2312, so SimSun and every Chinese font print them.
LIGHT_SYMBOLS: dict[Light, str] = {
    Light.RED: "●", Light.YELLOW: "▲", Light.GREEN: "○", Light.BLUE: "√",
}

# Behind schedule: progress more than this many percentage points below the share of the
# working days between start and deadline already used.
BEHIND_MARGIN = 20

_WORDS: dict[Status, tuple[str, ...]] = {
    Status.DONE: (
        "已完成", "完成", "已办结", "办结", "完结", "已落实", "落实完毕", "全部完成", "已全部完成",
        "已完成全部", "已结束", "已完工", "√", "✓", "✔", "☑", "是", "Y", "YES",
    ),
    Status.IN_PROGRESS: (
        "推进中", "正在推进", "进行中", "正在进行", "正在办理", "持续推进", "办理中", "实施中",
        "正在实施", "有序推进", "部分完成", "基本完成", "已启动", "已开展", "正在开展",
        "稳步推进", "在办",
    ),
    Status.NOT_STARTED: (
        "未启动", "未开始", "尚未开展", "尚未启动", "尚未开始", "未开展", "待启动",
        "否", "×", "✗", "✘", "N", "NO",
    ),
    Status.SUSPENDED: ("暂缓", "暂停", "缓办", "延后", "暂缓实施", "暂缓推进", "暂缓办理"),
    Status.CANCELLED: ("已取消", "取消", "不再实施", "撤销", "已撤销"),
}
_LOOKUP: dict[str, Status] = {
    word.upper(): status for status, words in _WORDS.items() for word in words
}
# A remark in brackets after the word (已完成（见附件）) does not change what the word says.
_TRAILING_REMARK = re.compile(r"（[^（）]*）$")
_PERCENT_WORD = re.compile(r"^(\d{1,3}(?:\.\d+)?)%$")


class UnknownStatusError(UserFixableError):
    """A status word that maps to none of the five."""


def _status_key(text: str) -> str:
    """The form status words are looked up in: half-width, simplified, no spaces, no end marks."""
    word = to_simplified(compact(text)).upper()
    word = _TRAILING_REMARK.sub("", word)
    return word.rstrip("。.；;，,!！")


def normalise_status(text: str | None) -> Status | None:
    """The lifecycle status a written word means; None for an empty cell.

    A percentage alone maps too: 100% is done, 0% not started, anything between is in
    progress, since that is all such a figure can mean in a status column.
    """
    if text is None:
        return None
    word = _status_key(str(text))
    if not word:
        return None
    if word in _LOOKUP:
        return _LOOKUP[word]
    percent = _PERCENT_WORD.match(word)
    if percent and float(percent.group(1)) <= 100:
        return _status_of_percent(float(percent.group(1)))
    raise UnknownStatusError(
        f"无法识别的状态“{str(text).strip()}”，请填写：{'、'.join(ALLOWED_STATUS_WORDS)}"
    )


def _status_of_percent(value: float) -> Status:
    if value == 0:
        return Status.NOT_STARTED
    return Status.DONE if value == 100 else Status.IN_PROGRESS


_NUMBER = r"[-+]?\d+(?:\.\d+)?"
_PLAIN_PROGRESS = re.compile(rf"^(?:约|近|已完成|完成|进度|已达|达到)?({_NUMBER})(%?)(?:左右)?$")
_ANY_PERCENT = re.compile(rf"({_NUMBER})%")
_TENTHS = re.compile(r"([一二三四五六七八九十])成")
_CHINESE_PERCENT = re.compile(r"百分之([〇零一二两三四五六七八九十百]+)")


def parse_progress(value: str | float | int | None) -> int | None:
    """Progress in percent, 0–100, or None when the value gives no figure.

    Numbers from cells: a value strictly between 0 and 1, and 1 itself, is a fraction from an
    Excel percent cell (100% is stored as 1; nobody reports 1% progress), so 0.5 → 50 and
    1 → 100; other numbers are percentages already (50 → 50). Text is read as written:
    ``50%``, ``50``, ``0.5`` (a fraction typed by hand), ``已完成80%``, ``五成``, ``百分之六十``;
    one percentage inside a sentence is taken. Words without a figure (过半, 完成) give None:
    progress is only ever taken from numbers. A figure outside 0–100 is an error to fix.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise UserFixableError(f"完成进度“{value}”不是数字，请填写 0 到 100 之间的百分比。")
    if isinstance(value, (int, float)):
        number = float(value)
        number = number * 100 if 0 < number <= 1 else number
    else:
        number = _progress_from_text(value)
        if number is None:
            return None
    if not 0 <= number <= 100:
        raise UserFixableError(
            f"完成进度“{value}”超出 0–100% 的范围，请改为 0 到 100 之间的百分比。")
    return int(number + 0.5)  # half up, as people round: 12.5% → 13


def _progress_from_text(text: str) -> float | None:
    word = to_simplified(compact(text)).rstrip("。.")
    if not word:
        return None
    plain = _PLAIN_PROGRESS.match(word)
    if plain:
        number = float(plain.group(1))
        return number * 100 if not plain.group(2) and 0 < number < 1 else number
    percents = _ANY_PERCENT.findall(word)
    if len(percents) == 1:
        return float(percents[0])
    for pattern, factor in ((_TENTHS, 10), (_CHINESE_PERCENT, 1)):
        found = pattern.findall(word)
        if len(found) == 1:
            numeral = chinese_numeral_to_int(found[0])
            if numeral is not None:
                return float(numeral * factor)
    return None


class Calendar(Protocol):
    """What the schedule rules need of a working-day calendar (``WorkCalendar`` fits)."""

    def workdays_between(self, start: dt.date, end: dt.date) -> int: ...


_CLOSED = (Status.DONE, Status.CANCELLED)


def schedule_of(status: Status, due: dt.date | None, today: dt.date, calendar: Calendar,
                due_soon_days: int = 3) -> Schedule:
    """逾期 / 临期 / 正常 / 已结束 as of ``today``.

    Due soon means at most ``due_soon_days`` working days left, the due day itself counted
    (so an item due today is 临期, not yet 逾期). A suspended item is 正常 whatever its
    deadline: it was put on hold on purpose and is not chased until resumed.
    """
    if status in _CLOSED:
        return Schedule.CLOSED
    if due is None or status is Status.SUSPENDED:
        return Schedule.NORMAL
    if today > due:
        return Schedule.OVERDUE
    if calendar.workdays_between(today, due) <= due_soon_days:
        return Schedule.DUE_SOON
    return Schedule.NORMAL


def is_behind(progress: int | None, start: dt.date | None, due: dt.date | None,
              today: dt.date, calendar: Calendar) -> bool:
    """Progress more than ``BEHIND_MARGIN`` points below the share of working days used.

    Example: start 3-1, due 6-30, on 5-15 about 60% of the working days are gone, so progress
    under 40% is behind. Without progress, start or a sensible span nothing can be said.
    """
    if progress is None or start is None or due is None or today <= start:
        return False
    total = calendar.workdays_between(start, due)
    if total <= 0:
        return False
    used = calendar.workdays_between(start, min(today, due))
    return progress < used * 100 / total - BEHIND_MARGIN


def light_of(status: Status, due: dt.date | None, today: dt.date, calendar: Calendar, *,
             progress: int | None = None, start: dt.date | None = None,
             due_soon_days: int = 3) -> Light:
    """蓝 done (or cancelled), 红 overdue, 黄 due soon or behind schedule, 绿 otherwise.

    An item still 未启动 counts as 0% for the behind-schedule rule: not having started when
    most of the time is gone is exactly what the yellow light is for. A suspended item is
    green, as it is not chased (see ``schedule_of``).
    """
    schedule = schedule_of(status, due, today, calendar, due_soon_days)
    if schedule is Schedule.CLOSED:
        return Light.BLUE
    if schedule is Schedule.OVERDUE:
        return Light.RED
    if schedule is Schedule.DUE_SOON:
        return Light.YELLOW
    if status is Status.NOT_STARTED and progress is None:
        progress = 0
    if status is not Status.SUSPENDED and is_behind(progress, start, due, today, calendar):
        return Light.YELLOW
    return Light.GREEN


def aggregate_status(statuses: Iterable[Status]) -> Status:
    """An item's status from its assignments (or its children's).

    Cancelled assignments are left out, as they no longer count toward the item. Of the rest:
    all done → 已完成; all suspended → 暂缓; anything done or under way → 推进中 (the item has
    started and is not finished); otherwise → 未启动. Nothing but cancelled → 已取消; nothing
    at all → 未启动.
    """
    found = set(statuses)
    if not found:
        return Status.NOT_STARTED
    live = found - {Status.CANCELLED}
    if not live:
        return Status.CANCELLED
    if live == {Status.DONE}:
        return Status.DONE
    if live == {Status.SUSPENDED}:
        return Status.SUSPENDED
    if live & {Status.DONE, Status.IN_PROGRESS}:
        return Status.IN_PROGRESS
    return Status.NOT_STARTED
