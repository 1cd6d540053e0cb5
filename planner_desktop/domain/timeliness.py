"""完成情况: whether an assignment was done on time, late, within an approved extension, or
is overdue, for the ledger and the 考核.

The due day that counts is the one the program already uses for 逾期 (``status.schedule_of``:
overdue from the day after the due day), moved by one rule of Chinese administrative
deadlines (the rule of 《民法典》第二百零三条 for periods): **a due day that falls on a day off
(a weekend, or a public holiday by the working-day calendar of ``workdays.py``, chinese-calendar
or the schedule the clerk entered) moves to the next working day**; an adjusted working day
(调休上班) is a working day. So an item due on Saturday and done on Monday is on time, and an
item due on 1 October is on time until the first working day after National Day.

An extension (延期) recorded in the ledger was approved by the office (the clerk records it
only once granted); the original due is the ``old_due`` of the first extension.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from planner_desktop.i18n import tr


class Timeliness(StrEnum):
    ON_TIME = "按时完成"
    WITHIN_EXTENSION = "延期内完成"
    LATE = "逾期完成"
    OVERDUE = "逾期未完成"
    NOT_DUE = "未到期"
    NO_DUE = "无时限"
    NOT_COUNTED = "不计"  # cancelled or suspended


class WorkdayCalendar(Protocol):
    def is_workday(self, day: dt.date) -> bool: ...


_DONE = "已完成"
_NOT_COUNTED = ("已取消", "暂缓")


def effective_due(due: dt.date, calendar: WorkdayCalendar) -> dt.date:
    """``due``, or the next working day when it falls on a day off (the rule above)."""
    day = due
    for _ in range(60):  # no holiday in any schedule is that long; a bad calendar stops here
        if calendar.is_workday(day):
            return day
        day += dt.timedelta(1)
    return due


@dataclass(frozen=True)
class Deadlines:
    """An assignment's original due and the due in force (the same without an extension)."""

    original: dt.date | None
    in_force: dt.date | None

    @property
    def extended(self) -> bool:
        return self.original is not None and self.in_force is not None and self.in_force != self.original


def timeliness(status: str, completed_on: dt.date | None, deadlines: Deadlines, as_of: dt.date,
               calendar: WorkdayCalendar) -> Timeliness:
    """The 完成情况 of one assignment as of ``as_of`` (overdue from the day after the due).

    Work finished after ``as_of`` was not finished then: the first half-year's assessment,
    made in August, counts an item due in June and done in July as 逾期未完成.
    """
    if status in _NOT_COUNTED:
        return Timeliness.NOT_COUNTED
    if deadlines.in_force is None and deadlines.original is None:
        return Timeliness.NO_DUE
    original = effective_due(deadlines.original or deadlines.in_force, calendar)
    in_force = effective_due(deadlines.in_force or deadlines.original, calendar)
    if status == _DONE and (completed_on is None or completed_on <= as_of):
        done = completed_on or as_of
        if done <= original:
            return Timeliness.ON_TIME
        if deadlines.extended and done <= in_force:
            return Timeliness.WITHIN_EXTENSION
        return Timeliness.LATE
    return Timeliness.OVERDUE if as_of > in_force else Timeliness.NOT_DUE


def timeliness_label(value: Timeliness) -> str:
    return tr(value.value)


def extension_problem(reason: str, approver: str, approved_on: dt.date | None,
                      requested_on: dt.date | None) -> str | None:
    """Why an extension cannot be recorded as typed, or None: an extension without a reason or
    an approver would not stand in the 考核, where it turns 逾期完成 into 延期内完成."""
    if not reason.strip():
        return tr("请填写延期理由。")
    if not approver.strip():
        return tr("请填写审批人（批准延期的领导或科室）。")
    if approved_on and requested_on and requested_on > approved_on:
        return tr("申请日期 {asked} 晚于审批日期 {approved}，请核对。").format(
            asked=requested_on.isoformat(), approved=approved_on.isoformat())
    return None


def extension_text(extension: dict) -> str:
    """An extension as the history shows it; one recorded before approvals were kept shows
    without them."""
    text = tr("{old} → {new}：{reason}").format(old=extension.get("old_due") or "",
                                               new=extension["new_due"], reason=extension["reason"])
    if extension.get("approver"):
        text += tr("（{approver} 审批").format(approver=extension["approver"])
        if extension.get("approved_on"):
            text += tr("，{day}").format(day=extension["approved_on"])
        text += tr("）")
    if extension.get("requested_on"):
        text += tr("，{day} 申请").format(day=extension["requested_on"])
    return text


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text[:10]) if text else None


def assignment_timeliness(assignment: dict, as_of: dt.date, calendar: WorkdayCalendar) -> Timeliness:
    """The 完成情况 of an assignment row (``status``, ``completed_on``, ``original_due``,
    ``effective_due``) as the detail pane and the ledger have it."""
    return timeliness(assignment["status"], _day(assignment.get("completed_on")),
                      Deadlines(_day(assignment.get("original_due")), _day(assignment.get("effective_due"))),
                      as_of, calendar)
