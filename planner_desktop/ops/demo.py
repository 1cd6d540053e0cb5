"""A demo ledger, so a newcomer sees a lived-in program on first start.

The content (a fictional county's roster and work plan) is in ``resources/demo``; this module
writes it for the current year and gives the assignments a plausible history as of today:
most past deadlines done, some overdue, work under way on what is still ahead. A fixed random
seed keeps the demo the same from one start to the next.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field

from planner_desktop.domain.deadlines import DeadlineKind, parse_deadline
from planner_desktop.domain.model import ItemDraft, PlanDraft
from planner_desktop.domain.status import Status
from planner_desktop.domain.targets import find_targets
from planner_desktop.domain.units import GroupRule, Role, RosterUnit, UnitKind, UnitMention
from planner_desktop.ops.changes import PLAN_WRITTEN, Changes
from planner_desktop.paths import resource_path
from planner_desktop.store.assignments import StatusChange, record_status_changes
from planner_desktop.store.database import Ledger
from planner_desktop.store.ledger_rows import fetch_assignments, fetch_items
from planner_desktop.store.plans import create_plan
from planner_desktop.store.units import import_roster

NOTES_UNDER_WAY = (
    "已召开专题会议研究部署，制定工作方案，正在按计划推进。",
    "已完成前期调研和摸底，相关工作有序推进中。",
    "已印发实施方案，组织各校开展自查，正在汇总情况。",
    "已完成阶段性任务，剩余工作正在推进。",
)
NOTES_DONE = (
    "已按期完成，相关材料已归档。",
    "任务已完成，总结已报局办公室。",
    "已全面完成，经验做法已在全县推广。",
)
NOTES_LATE = (
    "受项目审批进度影响，尚未完成，已申请协调推进。",
    "资金尚未到位，工作进度滞后，正在协调解决。",
)


@dataclass(frozen=True)
class DemoCreated:
    plan_id: int
    items: int
    assignments: int
    sections: int
    schools: int
    changes: Changes = field(default=PLAN_WRITTEN, repr=False)

    def to_json(self) -> dict:
        return {"plan_id": self.plan_id, "items": self.items, "assignments": self.assignments,
                "sections": self.sections, "schools": self.schools}


def load_demo_content() -> dict:
    return json.loads(resource_path("resources", "demo", "demo_ledger.json").read_text("utf-8"))


def demo_draft(content: dict, year: int) -> PlanDraft:
    def item(node: dict) -> ItemDraft:
        units = [UnitMention(n, Role.LEAD) for n in node.get("lead", [])]
        units += [UnitMention(n, Role.SUPPORT) for n in node.get("support", [])]
        units += [UnitMention(n, Role.CARRY) for n in node.get("schools", [])]
        text = node.get("text", "")
        deadline = parse_deadline(node["deadline_text"], year) if node.get("deadline_text") else None
        return ItemDraft(
            code=node["code"], title=node["title"], text=text, deadline=deadline,
            units=tuple(units), targets=tuple(find_targets(text)),
            children=[item(c) for c in node.get("children", [])],
        )

    plan = content["plan"]
    return PlanDraft(
        title=plan["title"].format(year=year), year=year, issuer=plan.get("issuer", ""),
        preamble=plan.get("preamble", ""), items=[item(n) for n in content["items"]],
    )


def create_demo_ledger(ledger: Ledger, today: dt.date | None = None) -> DemoCreated:
    """Write the demo roster and plan into ``ledger`` and give it a history up to ``today``."""
    today = today or dt.date.today()
    content = load_demo_content()
    roster = content["roster"]
    units = [RosterUnit(name=u["name"], kind=UnitKind(u["kind"]), stage=u.get("stage", ""),
                        town=u.get("town", ""), short_name=u.get("short_name", ""),
                        contact=u.get("contact", ""), phone=u.get("phone", ""))
             for u in roster["units"]]
    aliases = {u.short_name: u.name for u in units if u.short_name}
    groups = [GroupRule(g["name"], g["by"], list(g["values"])) for g in roster.get("groups", [])]
    counts = import_roster(ledger, units, aliases, groups, file_name="演示单位名册")
    created = create_plan(ledger, demo_draft(content, today.year), batch_kind="demo",
                          file_name="演示工作要点")
    record_status_changes(ledger, demo_history(ledger, created.plan_id, today))
    return DemoCreated(created.plan_id, created.items, created.assignments, counts.sections,
                       counts.schools)


def demo_history(ledger: Ledger, plan_id: int, today: dt.date) -> list[StatusChange]:
    """Plausible status updates for every assignment, as of ``today``."""
    rng = random.Random(20260101)
    due_by_item = {i.id: (i.due, i.deadline_kind) for i in fetch_items(ledger, plan_id)}
    year_start = dt.date(today.year, 1, 1)
    changes: list[StatusChange] = []
    fates: dict[int, str] = {}
    for assignment in fetch_assignments(ledger, plan_id):
        due, kind = due_by_item[assignment.item_id]
        past_due = kind == DeadlineKind.DATE and due is not None and due < today
        # One fate per item, so most past items are wholly done and a few lag behind.
        fate = fates.setdefault(assignment.item_id, rng.choices(
            ("done", "lagging", "stalled"), (0.78, 0.18, 0.04))[0])
        roll = rng.random()
        if past_due:
            outcome = {"done": "done", "stalled": "late" if roll < 0.7 else "idle"}.get(
                fate, "done" if roll < 0.75 else "late")
        elif kind == DeadlineKind.DATE:
            outcome = "done" if roll < 0.15 else "under_way" if roll < 0.85 else "idle"
        else:
            outcome = "under_way" if roll < 0.9 else "idle"
        if outcome == "idle":
            continue
        first = year_start + dt.timedelta(days=rng.randint(20, max(21, (today - year_start).days
                                                                    // 2)))
        first = min(first, today)
        progress = rng.choice((20, 30, 40, 50, 60, 70))
        changes.append(StatusChange(
            assignment.id, Status.IN_PROGRESS, progress, rng.choice(NOTES_UNDER_WAY),
            source="demo", at=f"{first.isoformat()} 10:{rng.randint(10, 59)}:00"))
        if outcome == "done":
            finished = min(today, (due or today) - dt.timedelta(days=rng.randint(0, 10)))
            finished = max(finished, first)
            changes.append(StatusChange(
                assignment.id, Status.DONE, 100, rng.choice(NOTES_DONE), source="demo",
                at=f"{finished.isoformat()} 16:{rng.randint(10, 59)}:00", completed_on=finished))
        elif outcome == "late":
            later = min(today, first + dt.timedelta(days=rng.randint(15, 60)))
            changes.append(StatusChange(
                assignment.id, Status.IN_PROGRESS, min(90, progress + 20),
                rng.choice(NOTES_LATE), source="demo", at=f"{later.isoformat()} 15:30:00"))
    return changes
