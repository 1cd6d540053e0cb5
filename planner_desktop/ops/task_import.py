"""Importing a task list end to end: read → parse → preview → commit as one ImportBatch.

The GUI's import dialog and ``planner-desktop import-tasks`` both go through here, so the
clerk and a script get the same preview and the same result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from planner_desktop.domain.plan_diff import PlanDiff
from planner_desktop.domain.plan_match import TASK_LIST
from planner_desktop.domain.units import UnitChoice, unit_choice_arguments
from planner_desktop.exchange.readers import read_workbook
from planner_desktop.exchange.tasklist import ImportPreview, guess_year, parse_task_list
from planner_desktop.files.incoming import file_sha256
from planner_desktop.ops.gc_pause import gc_paused
from planner_desktop.ops.plan_results import PlanImported, PlanJoined, PlanRevised, imported
from planner_desktop.ops.plan_target import PlanTarget, PlanTargets, find_targets, target_for
from planner_desktop.ops.progress import Progress
from planner_desktop.store.backup import take_backup
from planner_desktop.store.batches import find_batch_by_sha256
from planner_desktop.store.database import Ledger
from planner_desktop.store.plan_merge import merge_into_plan
from planner_desktop.store.plan_update import (
    apply_plan_update,
    find_plan_to_update,
    plan_title,
    preview_plan_update,
)
from planner_desktop.store.plans import create_plan
from planner_desktop.store.units import load_roster


@dataclass
class TaskListFile:
    """A task list read and parsed, with what it would do to this ledger."""

    path: Path
    sha256: str
    preview: ImportPreview
    unknown_units: list[str] = field(default_factory=list)
    # Group words (各中小学) the roster has no members for yet: they wait for the roster.
    pending_groups: list[str] = field(default_factory=list)
    already_imported_batch: int | None = None
    unit_choices: dict[str, UnitChoice] = field(default_factory=dict)
    # A revision of a plan in the ledger (a file of the same name imported before): the plan
    # and what updating it would do.
    update_plan_id: int | None = None
    update_plan_title: str = ""
    update_diff: PlanDiff | None = None
    # 导入到: the plans on offer and the ones the list matches; where it goes (by default the
    # plan it revises, else the one plan it matches, else a new plan). Into a plan that is
    # not the one it revises, the list is joined to it (ops.plan_target).
    targets: PlanTargets = field(default_factory=PlanTargets)
    target: PlanTarget = field(default_factory=PlanTarget)

    @property
    def revises_target(self) -> bool:
        return self.target.plan_id is not None and self.target.plan_id == self.update_plan_id


def preview_task_list(
    ledger: Ledger | None,
    path: Path,
    *,
    year: int | None = None,
    title: str | None = None,
    sheet: str | None = None,
    mapping: dict[str, dict[int, str]] | None = None,
    category_styles: dict[str, str] | None = None,
) -> TaskListFile:
    """Read and parse ``path``; nothing is written. ``ledger`` supplies the roster;
    ``mapping`` and ``category_styles`` are the clerk's corrections (``parse_task_list``)."""
    path = Path(path)
    roster = load_roster(ledger) if ledger is not None else None
    with gc_paused():  # tens of thousands of objects, none in a cycle (see gc_pause)
        workbook = read_workbook(path)
        year = year or guess_year(workbook, dt.date.today().year)
        preview = parse_task_list(workbook, year=year, title=title,
                                  sheets=[sheet] if sheet else None, mapping=mapping,
                                  category_styles=category_styles,
                                  known_units=roster.known_keys() if roster else frozenset())
        # Freed while the collector still waits: its young collection, when the pause ends,
        # then goes over the preview's objects alone, not also the grid's thousands of rows.
        del workbook
    result = TaskListFile(path, file_sha256(path), preview)
    if ledger is not None and roster is not None:
        result.unknown_units = roster.unknown_names(preview.unit_names())
        result.pending_groups = roster.pending_names(preview.unit_names())
        result.already_imported_batch = find_batch_by_sha256(ledger, "tasks", result.sha256)
        if result.already_imported_batch is None:
            plan_id = find_plan_to_update(ledger, path.name)
            if plan_id is not None:
                result.update_plan_id = plan_id
                result.update_plan_title = plan_title(ledger, plan_id)
                result.update_diff = preview_plan_update(ledger, plan_id, preview.plan)
            result.targets = find_targets(ledger, preview.plan)
            retarget_task_list(ledger, result, result.update_plan_id or result.targets.default)
    else:
        result.unknown_units = preview.unit_names()
    return result


def retarget_task_list(ledger: Ledger, parsed: TaskListFile, plan_id: int | None) -> TaskListFile:
    """Send the list to plan ``plan_id`` (None: a new plan); nothing is written."""
    parsed.target = (PlanTarget(plan_id, parsed.update_plan_title) if plan_id is not None
                     and plan_id == parsed.update_plan_id
                     else target_for(ledger, plan_id, parsed.preview.plan, TASK_LIST))
    return parsed


def commit_task_list(ledger: Ledger, parsed: TaskListFile, on_progress: Progress | None = None
                     ) -> PlanImported | PlanRevised | PlanJoined:
    """Write the previewed plan (a new one, the update of the plan it revises, or the join to
    the plan chosen) in one transaction, after a backup of the ledger.

    ``on_progress`` is called once the rows are written but before they are committed, so a
    caller that cancels there (by raising) leaves the ledger as it was.
    """
    if not ledger.is_empty():
        take_backup(ledger, reason="before-import")
    choices = unit_choice_arguments(parsed.unit_choices)
    with ledger.transaction():
        if parsed.revises_target:
            written = apply_plan_update(
                ledger, parsed.update_plan_id, parsed.preview.plan, file_name=parsed.path.name,
                sha256=parsed.sha256, **choices)
        elif parsed.target.plan_id is not None:
            written = merge_into_plan(
                ledger, parsed.target.plan_id, parsed.preview.plan, TASK_LIST, batch_kind="tasks",
                file_name=parsed.path.name, sha256=parsed.sha256, **choices)
        else:
            written = create_plan(ledger, parsed.preview.plan, batch_kind="tasks",
                                  file_name=parsed.path.name, sha256=parsed.sha256, **choices)
        if on_progress is not None:
            on_progress(1, 1)
    return imported(written)
