"""The summary draft's pure parts: periods as written, notes said once with their units, the
opening's word on targets."""

from __future__ import annotations

import datetime as dt

import pytest

from planner_desktop.domain.status import Status
from planner_desktop.domain.summary import (
    ProgressNote,
    item_paragraph,
    summary_period,
    summary_title,
    targets_phrase,
)
from planner_desktop.domain.target_rows import figure_phrase
from planner_desktop.domain.target_state import TrackedTarget
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


def target(text: str, subject: str, wanted: float | None, measure: str, comparator: str = "",
           figure: float | None = None) -> TrackedTarget:
    return TrackedTarget(id=1, item_id=1, plan_id=1, position=0, text=text, subject=subject, wanted=wanted,
                         measure=measure, comparator=comparator, placeholder=wanted is None,
                         origin="parsed", reporter_unit_id=None, reporter="", removed=False, figure=figure)


def test_targets_counted_with_those_reached_and_their_figures_in_words():
    rate = target("学前三年毛入园率达85%", "学前三年毛入园率", 85, "%", ">=", 86.5)
    schools = target("建设芙蓉学校9所", "芙蓉学校", 9, "所", "", 8)
    places = target("新增公办学位x个", "公办学位", None, "个")
    assert targets_phrase([rate, schools, places]) == "量化指标3项，已达成1项"
    assert figure_phrase(rate) == "学前三年毛入园率达到86.5%（目标85%）"
    assert figure_phrase(schools) == "建设芙蓉学校9所，完成8所"
    assert figure_phrase(places) == "新增公办学位x个"
    awaiting = target("新增公办学位1260个", "公办学位", 1260, "个")
    assert figure_phrase(awaiting) == "新增公办学位1260个（完成值待填报）"
