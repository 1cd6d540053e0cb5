"""A plan written from a file, with what writing it changed.

The store answers a created plan with :class:`PlanCreated` and an updated one with
:class:`PlanUpdated`; the imports answer the same values (scripts and the CLI read their
fields) and add ``changes``, so the GUI can announce them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from planner_desktop.ops.changes import PLAN_WRITTEN, Changes
from planner_desktop.store.plan_merge import PlanMerged
from planner_desktop.store.plan_update import PlanUpdated
from planner_desktop.store.plans import PlanCreated


@dataclass
class PlanImported(PlanCreated):
    changes: Changes = PLAN_WRITTEN


@dataclass
class PlanRevised(PlanUpdated):
    changes: Changes = PLAN_WRITTEN


@dataclass
class PlanJoined(PlanMerged):
    changes: Changes = PLAN_WRITTEN


def imported(written: PlanCreated | PlanUpdated | PlanMerged) -> PlanImported | PlanRevised | PlanJoined:
    """The store's answer, as the same fields plus what the write changed."""
    kind = (PlanImported if isinstance(written, PlanCreated)
            else PlanJoined if isinstance(written, PlanMerged) else PlanRevised)
    return kind(**{f.name: getattr(written, f.name) for f in fields(written)})
