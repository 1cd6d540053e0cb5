"""Committing a returns preview: the clerk's choices applied, one import batch per file."""

from __future__ import annotations

from pathlib import Path

from planner_desktop.domain.returns import (
    Action,
    Side,
)
from planner_desktop.domain.status import Status
from planner_desktop.ops.changes import Changes
from planner_desktop.ops.fillin.previews import FigureRowPreview, ReturnsPreview, RowPreview
from planner_desktop.ops.progress import Progress
from planner_desktop.store.assignments import StatusChange, note_index_deferred
from planner_desktop.store.backup import take_backup
from planner_desktop.store.database import Ledger, now_text
from planner_desktop.store.fillin import (
    commit_return,
)
from planner_desktop.store.slips import ReturnedAnswer
from planner_desktop.store.targets import FigureReport


def choose_side(row: RowPreview | FigureRowPreview, side: Side) -> None:
    """The clerk's choice for a conflict: keep the ledger's values or take the returned ones."""
    if row.decision.action is Action.CONFLICT:
        row.decision.side = Side(side)  # Qt hands an enum stored in a widget back as its value


class ReturnsCommitted(dict[Path, int]):
    """The batch id per file (as scripts read it), and what importing the files changed."""

    changes = Changes(assignments=True, items=True, batches=True)  # items: targets, slips


def commit_returns(ledger: Ledger, preview: ReturnsPreview,
                   on_progress: Progress | None = None) -> ReturnsCommitted:
    """Import every included file as its own import batch, all in one transaction.

    Returns the batch id per file; each batch can be undone on its own. If any file cannot
    be written (the ledger changed since the preview), nothing is: the clerk previews again.
    One transaction also keeps the note search index to one update for the whole import
    instead of one per file (300 files: 5 s → 2 s), and that update is made once, for every
    changed note together (``note_index_deferred``: 2.4 s → 1.4 s).
    """
    files = preview.included()
    if files and not ledger.is_empty():
        take_backup(ledger, reason="before-returns")
    batches = ReturnsCommitted()
    at = now_text()
    with ledger.transaction(), note_index_deferred(ledger):
        for n, file in enumerate(files, start=1):
            rows = [r for r in file.rows if r.applies]
            period = file.period.key if file.period else ""
            changes = [StatusChange(r.assignment_id, r.decision.new.status, r.decision.new.progress,
                                    r.decision.new.note, period=period, source="import",
                                    author=r.decision.new.author, at=at,
                                    completed_on=r.decision.new.completed_on) for r in rows]
            figures = [f for f in file.figures if f.applies]
            reports = [FigureReport(f.target_id, period, f.decision.figure, f.decision.note, f.unit_id)
                       for f in figures]
            counts = {"updated": len(changes), "unchanged": file.count(Action.UNCHANGED),
                      "figures": len(reports), "figures_refused": file.count_figures(Action.REFUSED),
                      "empty": file.count(Action.EMPTY), "skipped": file.count(Action.SKIPPED),
                      "refused": file.count(Action.REFUSED),
                      "conflicts": file.count(Action.CONFLICT), "period": period,
                      "units": file.units}
            batches[file.path] = commit_return(
                ledger, file_name=file.path.name, sha256=file.sha256, plan_id=file.plan_id,
                changes=changes, returns=file.returns, counts=counts,
                expected={r.assignment_id: r.old.updated_at for r in rows}, figures=reports,
                figures_expected={f.target_id: f.old.figure_at for f in figures},
                slip_answers=[ReturnedAnswer(r.assignment_id, r.decision.new.note,
                                             r.decision.new.status is Status.DONE) for r in rows if r.slips],
                at=at)
            if on_progress is not None:
                on_progress(n, len(files))
    return batches
