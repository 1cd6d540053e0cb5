"""A ledger built by hand for the 单位考核, with the expected counts and scores worked
out by hand from the default scheme (never by running the code).

Period 2025-01-01 – 2025-06-30, counted as of 2025-07-01. Items and their due dates:
  A 2025-03-31 (Mon)       B 2025-05-31 (Sat, 端午 holiday; due in force Tue 2025-06-03)
  C 2025-06-30 (Mon, last day)   D 2025-01-01 (元旦; due in force Thu 2025-01-02)
  E 2025-07-15 (after the period) F 2024-12-31 (before the period)

基础教育股: A done 03-31 on time; B done 06-03 on time (holiday rule); C not done → overdue;
  D done 01-03 late. Reports: Q1 03-28 on time, Q2 06-30 on time. 督办单 06-10 (1).
  Target on A (lead): 95 of ≥90 → reached.
  = 100 − 2×1 − 1×1 − 1×1 + 0.5×1 = 96.5
安全股: A extended to 04-30 (approved), done 04-28 → within extension; C done 07-02 → after
  the day counted, so overdue; E done 06-20 early → on time; F done 01-10 late.
  Reports: Q1 returned 04-02 late; Q2 none → missing. 督办单 2024-12-20 and 2025-07-01: outside.
  = 100 − 2×1 − 1×1 − 1×1 − 2×1 = 94
城关小学: B extended to 06-15 (Sun → 06-16), done 06-16 → within extension; C done 06-30 on
  time; D suspended → not counted. Reports: Q1 returned with an empty row → missing; Q2
  returned 07-01 late.  = 100 − 1×1 − 2×1 = 97
实验中学: A done 04-01 late; B extended to 06-10, done 06-12 → late; E not done, not due.
  Reports: Q1 none → missing; Q2 06-29 on time. 督办单 04-02 and 06-30 (2).
  = 100 − 1×2 − 2×1 − 1×2 = 94
Ranks: 城关小学 1, 基础教育股 2, 安全股 3, 实验中学 3 (tie).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner_desktop.domain.deadlines import Deadline, DeadlineKind
from planner_desktop.domain.model import ItemDraft, PlanDraft
from planner_desktop.domain.status import Status
from planner_desktop.domain.targets import Target
from planner_desktop.domain.units import Role, RosterUnit, UnitKind, UnitMention
from planner_desktop.ops import editing
from planner_desktop.store import batches
from planner_desktop.store.assignments import StatusChange, record_status_changes
from planner_desktop.store.database import open_ledger
from planner_desktop.store.fillin import ExportRecord, UnitReturn, commit_return, record_exports
from planner_desktop.store.plans import create_plan
from planner_desktop.store.targets import FigureReport, record_figures
from planner_desktop.store.units import import_roster

START, END = dt.date(2025, 1, 1), dt.date(2025, 6, 30)
TODAY = dt.date(2025, 8, 15)
S1, S2, P1, P2 = "基础教育股", "安全股", "城关小学", "实验中学"
DUES = {"A": "2025-03-31", "B": "2025-05-31", "C": "2025-06-30", "D": "2025-01-01",
        "E": "2025-07-15", "F": "2024-12-31"}
WHO = {"A": (S1, S2, P2), "B": (S1, P1, P2), "C": (S1, S2, P1), "D": (S1, P1), "E": (S2, P2), "F": (S2,)}


def _item(code: str) -> ItemDraft:
    due = dt.date.fromisoformat(DUES[code])
    units = tuple(UnitMention(name, Role.LEAD if n == 0 else Role.SUPPORT)
                  for n, name in enumerate(WHO[code]))
    targets = (Target("完成率达到90%", 90.0, "%", "完成率", False, ">=", 3, 6),) if code == "A" else ()
    return ItemDraft(code, f"事项{code}", deadline=Deadline(DUES[code], DeadlineKind.DATE, due=due),
                     units=units, targets=targets, children=[])


def build_hand_ledger(path: Path) -> Path:
    """The ledger of the module docstring, written through the store and ops."""
    ledger = open_ledger(path, daily_backup=False)
    mp = pytest.MonkeyPatch()
    try:
        import_roster(ledger, [RosterUnit(S1, UnitKind.SECTION), RosterUnit(S2, UnitKind.SECTION),
                               RosterUnit(P1, UnitKind.SCHOOL), RosterUnit(P2, UnitKind.SCHOOL)], {}, [])
        plan = create_plan(ledger, PlanDraft("2025年工作要点", 2025, items=[_item(c) for c in DUES]),
                           batch_kind="tasks").plan_id
        item = {c: ledger.scalar("SELECT id FROM plan_item WHERE code = ?", (c,)) for c in DUES}
        unit = {n: ledger.scalar("SELECT id FROM unit WHERE name = ?", (n,)) for n in (S1, S2, P1, P2)}

        def aid(code: str, name: str) -> int:
            return editing.assignment_of(ledger, item[code], name)

        def extend(code: str, name: str, to: str) -> None:
            editing.grant_extension(ledger, aid(code, name), dt.date.fromisoformat(to), "等待上级文件",
                                    approver="王局长", approved_on=dt.date(2025, 3, 1))

        extend("A", S2, "2025-04-30")
        extend("B", P1, "2025-06-15")
        extend("B", P2, "2025-06-10")
        done = [("A", S1, "2025-03-31"), ("B", S1, "2025-06-03"), ("D", S1, "2025-01-03"),
                ("A", S2, "2025-04-28"), ("C", S2, "2025-07-02"), ("E", S2, "2025-06-20"),
                ("F", S2, "2025-01-10"), ("B", P1, "2025-06-16"), ("C", P1, "2025-06-30"),
                ("A", P2, "2025-04-01"), ("B", P2, "2025-06-12")]
        record_status_changes(ledger, [StatusChange(aid(c, n), Status.DONE, 100,
                                                    completed_on=dt.date.fromisoformat(d))
                                       for c, n, d in done])
        record_status_changes(ledger, [StatusChange(aid("D", P1), Status.SUSPENDED, 20)])
        for period, day in (("2025-Q1", dt.datetime(2025, 3, 20, 9)),
                            ("2025-Q2", dt.datetime(2025, 6, 20, 9)),
                            ("2025-Q3", dt.datetime(2025, 9, 20, 9))):
            record_exports(ledger, plan, period, day, [ExportRecord(u, f"{u}.xlsx", f"t{u}", 2)
                                                       for u in unit.values()])
        for period, name, day, empty in (("2025-Q1", S1, "2025-03-28", 0), ("2025-Q1", S2, "2025-04-02", 0),
                                         ("2025-Q1", P1, "2025-03-31", 1), ("2025-Q2", S1, "2025-06-30", 0),
                                         ("2025-Q2", P1, "2025-07-01", 0), ("2025-Q2", P2, "2025-06-29", 0)):
            mp.setattr(batches, "now_text", lambda day=day: f"{day} 10:00:00")
            commit_return(ledger, file_name=f"{name}{period}.xlsx", sha256=f"{name}{period}", plan_id=plan,
                          changes=[], returns=[UnitReturn(plan, unit[name], period, "t", 2, empty, 0)],
                          counts={}, expected={})
        mp.undo()
        with ledger.transaction() as conn:  # the 督办单 (their writer belongs to the slips feature)
            for number, (name, day) in enumerate(((S1, "2025-06-10"), (S2, "2024-12-20"), (S2, "2025-07-01"),
                                                  (P2, "2025-04-02"), (P2, "2025-06-30")), start=1):
                conn.execute("INSERT INTO supervision_slip (year, number, item_id, unit_id, issued_at) "
                             "VALUES (?, ?, ?, ?, ?)", (int(day[:4]), number, item["A"], unit[name],
                                                        f"{day} 09:00:00"))
            target = conn.execute("SELECT id FROM target").fetchone()[0]
            record_figures(conn, [FigureReport(target, "2025-Q2", 95.0)], at="2025-06-25 10:00:00")
    finally:
        mp.undo()
        ledger.close()
    return path
