"""A ledger at DESIGN.md's largest size, built through the program's own import code.

20 sections and 300 schools; 10 parts × 33 items, each given to a lead section, a supporting
section and 各中小学 (all 300 schools): 330 items and about 100,000 assignments. The file is
kept in the given folder so that repeated bench runs reuse it.
"""

from __future__ import annotations

import random
from pathlib import Path

from planner_desktop.domain.deadlines import parse_deadline
from planner_desktop.domain.model import ItemDraft, PlanDraft
from planner_desktop.domain.status import Status
from planner_desktop.domain.units import GroupRule, Role, RosterUnit, UnitKind, UnitMention
from planner_desktop.store.assignments import StatusChange, record_status_changes
from planner_desktop.store.database import Ledger, open_ledger
from planner_desktop.store.plans import create_plan
from planner_desktop.store.units import import_roster

SECTIONS = [f"第{i + 1}股" for i in range(20)]
STAGES = ("小学", "初中", "高中", "幼儿园")
TOWNS = [f"{t}镇" for t in "东西南北中上下前后左"]
WORDS = ("安全", "教研", "督导", "资助", "招生", "德育", "体育", "艺术", "信息化", "师资")


def build_big_ledger(path: Path, assignments_wanted: int = 100_000) -> Ledger:
    if path.exists():
        return open_ledger(path, daily_backup=False)
    ledger = open_ledger(path, daily_backup=False)
    rnd = random.Random(7)
    units = [RosterUnit(name, UnitKind.SECTION) for name in SECTIONS]
    units += [RosterUnit(f"{TOWNS[i % 10]}第{i + 1}{STAGES[i % 4]}", UnitKind.SCHOOL, stage=STAGES[i % 4],
                         town=TOWNS[i % 10]) for i in range(300)]
    import_roster(ledger, units, {}, [GroupRule("各中小学", "类别", ["学校"])])
    per_item = 302
    items_wanted = max(1, assignments_wanted // per_item)
    parts = []
    for p in range(10):
        children = []
        for i in range(items_wanted // 10 + (p < items_wanted % 10)):
            word = WORDS[(p + i) % len(WORDS)]
            text = f"加强{word}工作第{i + 1}项措施，确保全年完成率达到{80 + i % 20}%，各校按月报送进展。"
            month = 1 + (i % 12)
            children.append(ItemDraft(
                code=f"{i + 1}.", title=f"推进{word}重点任务{i + 1}", text=text,
                deadline=parse_deadline(f"{month}月底前", 2026),
                units=(UnitMention(SECTIONS[(p + i) % 20], Role.LEAD),
                       UnitMention(SECTIONS[(p + i + 7) % 20], Role.SUPPORT),
                       UnitMention("各中小学", Role.CARRY))))
        parts.append(ItemDraft(code=f"第{p + 1}部分", title=f"第{p + 1}部分重点工作", children=children))
    create_plan(ledger, PlanDraft("大型测试计划", 2026, items=parts), batch_kind="tasks")
    ids = [r[0] for r in ledger.conn.execute("SELECT id FROM assignment").fetchall()]
    changes = [StatusChange(aid, rnd.choice([Status.IN_PROGRESS, Status.DONE]), rnd.randint(10, 100),
                            "按计划推进", at=f"2026-{rnd.randint(1, 11):02d}-15 10:00:00")
               for aid in rnd.sample(ids, len(ids) // 2)]
    record_status_changes(ledger, changes)
    return ledger
