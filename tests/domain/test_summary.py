"""The summary draft's pure parts: periods as written, notes said once with their units, the
opening's word on targets."""

from __future__ import annotations

import datetime as dt

import pytest

from planner_desktop.domain.status import Status
from planner_desktop.domain.summary import (
    PlanTarget,
    ProgressNote,
    item_paragraph,
    summary_period,
    summary_title,
    targets_phrase,
)
from planner_desktop.errors import UserFixableError


def test_periods_as_written():
    h1 = summary_period("H1", 2025)
    assert (h1.start, h1.end, h1.label) == (dt.date(2025, 1, 1), dt.date(2025, 6, 30), "上半年")
    year = summary_period("year", 2025)
    assert (year.start, year.end, year.label) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31), "")
    span = summary_period("2025-03-01:2025-09-30", 2025)
    assert span.label == "3月1日至9月30日" and span.contains(dt.date(2025, 9, 30))
    assert not span.contains(dt.date(2025, 10, 1))
    assert summary_period("2024-12-01:2025-01-31", 2025).label == "2024年12月1日至1月31日"
    assert summary_title("青溪县教育局", 2025, h1) == "青溪县教育局2025年上半年工作总结（初稿）"
    assert summary_title("青溪县教育局", 2025, year) == "青溪县教育局2025年工作总结（初稿）"
    for bad in ("Q3", "2025-13-01:2025-12-31", "2025-01-01", ""):
        with pytest.raises(UserFixableError, match="无法识别的总结时段"):
            summary_period(bad, 2025)
    with pytest.raises(UserFixableError, match="早于起始日期"):
        summary_period("2025-06-30:2025-01-01", 2025)


def note(unit: str, at: str, text: str) -> ProgressNote:
    return ProgressNote(1, unit, dt.date.fromisoformat(at[:10]), at, text, Status.IN_PROGRESS)


def test_notes_in_date_order_each_said_once_with_its_units():
    notes = [note("乙股", "2025-03-02 09:00:00", "已召开部署会"),
             note("甲股", "2025-01-05 09:00:00", "完成摸底。"),
             note("甲股", "2025-03-01 09:00:00", "已召开部署会。"),
             note("甲股", "2025-04-01 09:00:00", "完成摸底。")]
    assert item_paragraph(notes) == "甲股：完成摸底。甲股、乙股：已召开部署会。"
    assert item_paragraph(notes, name_units=False) == "完成摸底。已召开部署会。"
    many = [note(f"第{i}小学", f"2025-02-{i + 1:02d} 09:00:00", "已自查") for i in range(12)]
    assert item_paragraph(many) == "第0小学、第1小学等12个单位：已自查。"


def test_targets_are_counted_never_claimed_reached():
    targets = [PlanTarget(1, "新增公办学位1260个"), PlanTarget(2, "建设芙蓉学校9所")]
    assert targets_phrase(targets) == "量化指标2项"
