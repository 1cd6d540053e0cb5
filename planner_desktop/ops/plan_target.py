"""导入到: which plan an imported file goes into, shared by the task-list and plan-document
imports (their dialogs and their commands).

A file either makes a new plan or joins one in the ledger (``domain.plan_match``). By
default it joins the plan that matches it (its year, and its title or its items), when
exactly one does: with none, or with several (a ledger holding the plan twice), the clerk
chooses, and a script gets a new plan unless it names one with ``--plan``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from planner_desktop.domain.model import PlanDraft
from planner_desktop.domain.plan_match import (
    JoinedRow,
    MergePolicy,
    PlanCandidate,
    PlanMatch,
    joined_tree,
    plan_matches,
)
from planner_desktop.errors import UserFixableError
from planner_desktop.i18n import tr
from planner_desktop.store.database import Ledger
from planner_desktop.store.fillin import plan_exists, plan_title
from planner_desktop.store.plan_merge import plan_candidates, plan_nodes, preview_merge
from planner_desktop.store.plan_update import units_resolver
from planner_desktop.store.units import load_roster

__all__ = ["PlanCandidate", "PlanTarget", "find_targets", "joined_rows", "target_json"]


@dataclass
class PlanTarget:
    """Where the file goes: a plan in the ledger with how the file lines up with it, or a
    new plan (``plan_id`` None)."""

    plan_id: int | None = None
    title: str = ""
    join: PlanMatch | None = None


@dataclass
class PlanTargets:
    """The plans 导入到 offers, the ones that match the file (best first), and the default."""

    plans: list[PlanCandidate] = field(default_factory=list)
    matching: list[int] = field(default_factory=list)

    @property
    def default(self) -> int | None:
        return self.matching[0] if len(self.matching) == 1 else None


def find_targets(ledger: Ledger, draft: PlanDraft) -> PlanTargets:
    plans = plan_candidates(ledger)
    scored = []
    for plan in plans:
        if plan.year != draft.year:
            continue
        score = plan_matches(plan, plan_nodes(ledger, plan.id), draft)
        if score > 0:
            scored.append((score, plan.id))
    scored.sort(key=lambda pair: (-pair[0], -pair[1]))
    return PlanTargets(plans, [plan_id for _, plan_id in scored])


def target_for(ledger: Ledger, plan_id: int | None, draft: PlanDraft, policy: MergePolicy) -> PlanTarget:
    """The file lined up with plan ``plan_id`` (None: a new plan); an unknown id is refused."""
    if plan_id is None:
        return PlanTarget()
    if not plan_exists(ledger, plan_id):
        raise UserFixableError(tr("账本中没有编号为 {id} 的计划。请用 plans list 查看计划编号。")
                               .format(id=plan_id))
    title, _year = plan_title(ledger, plan_id)
    return PlanTarget(plan_id, title, preview_merge(ledger, plan_id, draft, policy))


def joined_rows(ledger: Ledger, target: PlanTarget) -> list[JoinedRow]:
    """The target plan's tree as the join would leave it (empty for a new plan)."""
    if target.plan_id is None or target.join is None:
        return []
    return joined_tree(plan_nodes(ledger, target.plan_id), target.join,
                       units_resolver(load_roster(ledger)))


def target_json(target: PlanTarget, new_title: str, items: int) -> dict[str, Any]:
    """What the commands say about where the file went (keys fixed: scripts read them):
    ``plan`` (``id``, ``title``, ``new``), and how many of the file's items were matched,
    how many are new, and how many of the plan's the file does not mention."""
    if target.plan_id is None:
        return {"plan": {"id": None, "title": new_title, "new": True},
                "matched": 0, "new_items": items, "unmentioned": 0}
    summary = target.join.summary() if target.join else {}
    return {"plan": {"id": target.plan_id, "title": target.title, "new": False}, **summary}
