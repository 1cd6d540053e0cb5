"""What importing returned workbooks would do, file by file and row by row (nothing written)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from planner_desktop.domain.report_periods import ReportPeriod
from planner_desktop.domain.returns import (
    Action,
    Current,
    Decision,
    FigureDecision,
    ReturnWarning,
    Side,
)
from planner_desktop.domain.target_state import TrackedTarget
from planner_desktop.store.fillin import (
    UnitReturn,
)


class Applying:
    """A previewed row whose ``decision`` says whether committing writes it: an update, or a
    conflict the clerk decided for the file."""

    decision: Decision | FigureDecision

    @property
    def applies(self) -> bool:
        action = self.decision.action
        return action is Action.UPDATE or (action is Action.CONFLICT
                                           and self.decision.side is Side.FILE)


@dataclass
class RowPreview(Applying):
    """One returned row and what committing would do with it."""

    sheet: str
    row: int  # 1-based
    unit_name: str
    code: str
    title: str
    assignment_id: int | None
    matched_by: str  # "key", "text" or "" (not matched)
    decision: Decision
    old: Current | None = None
    slips: tuple[str, ...] = ()  # its open 督办单: the row's 进展情况 answers them


@dataclass
class FigureRowPreview(Applying):
    """One row of a returned 量化指标 sheet and what committing would do with it."""

    sheet: str
    row: int  # 1-based
    unit_name: str
    code: str
    phrase: str
    target_id: int | None
    matched_by: str  # "key", "text" or ""
    decision: FigureDecision
    old: TrackedTarget | None = None
    unit_id: int | None = None


@dataclass
class FilePreview:
    """A returned file read and matched; ``include`` says whether committing imports it."""

    path: Path
    sha256: str = ""
    plan_id: int | None = None
    period: ReportPeriod | None = None
    units: list[str] = field(default_factory=list)
    rows: list[RowPreview] = field(default_factory=list)
    figures: list[FigureRowPreview] = field(default_factory=list)
    warnings: list[ReturnWarning] = field(default_factory=list)
    returns: list[UnitReturn] = field(default_factory=list)
    include: bool = True
    reason: str = ""  # why it is left out by default
    readable: bool = True

    def count(self, action: Action) -> int:
        return sum(1 for r in self.rows if r.decision.action is action)

    def count_figures(self, action: Action) -> int:
        return sum(1 for r in self.figures if r.decision.action is action)

    def warn(self, message: str, sheet: str | None = None, row: int | None = None,
             column: str | None = None) -> None:
        self.warnings.append(ReturnWarning(self.path.name, message, sheet, row, column))

    def exclude(self, reason: str) -> None:
        self.include = False
        self.reason = reason
        self.warn(reason)


@dataclass
class ReturnsPreview:
    files: list[FilePreview]
    period: ReportPeriod | None

    def included(self) -> list[FilePreview]:
        return [f for f in self.files if f.include]

    def rows(self, *, included_only: bool = True) -> Iterable[tuple[FilePreview, RowPreview]]:
        for file in self.included() if included_only else self.files:
            for row in file.rows:
                yield file, row

    def conflicts(self) -> list[tuple[FilePreview, RowPreview]]:
        return [(f, r) for f, r in self.rows() if r.decision.action is Action.CONFLICT]

    def figure_rows(self, *, included_only: bool = True) -> Iterable[tuple[FilePreview, FigureRowPreview]]:
        for file in self.included() if included_only else self.files:
            for row in file.figures:
                yield file, row

    def figure_conflicts(self) -> list[tuple[FilePreview, FigureRowPreview]]:
        return [(f, r) for f, r in self.figure_rows() if r.decision.action is Action.CONFLICT]

    def to_json(self, batch_ids: dict[Path, int] | None = None) -> dict:
        """The ``import-returns`` result (keys fixed in DESIGN.md)."""
        batch_ids = batch_ids or {}
        rows = list(self.rows())
        return {
            "files": [_file_json(f, batch_ids.get(f.path)) for f in self.files],
            "updated": sum(1 for _, r in rows if r.applies),
            "unchanged": sum(1 for _, r in rows if r.decision.action is Action.UNCHANGED),
            "refused": sum(1 for _, r in rows if r.decision.action is Action.REFUSED),
            "conflicts": [_conflict_json(f, r) for f, r in self.conflicts()],
            "figures": {"updated": sum(1 for _, r in self.figure_rows() if r.applies),
                        "unchanged": sum(1 for _, r in self.figure_rows()
                                         if r.decision.action is Action.UNCHANGED),
                        "refused": sum(1 for _, r in self.figure_rows()
                                       if r.decision.action is Action.REFUSED),
                        "conflicts": [_figure_conflict_json(f, r) for f, r in self.figure_conflicts()]},
            "warnings": [w.to_json() for f in self.files for w in f.warnings],
            "period": self.period.key if self.period else None,
        }


def _file_json(file: FilePreview, batch_id: int | None) -> dict:
    return {"file": str(file.path), "units": file.units, "plan_id": file.plan_id,
            "period": file.period.key if file.period else None, "imported": batch_id is not None,
            "batch_id": batch_id, "included": file.include, "reason": file.reason,
            "rows": len(file.rows), "updated": sum(1 for r in file.rows if r.applies),
            "empty": file.count(Action.EMPTY), "skipped": file.count(Action.SKIPPED),
            "refused": file.count(Action.REFUSED),
            "slips_answered": sum(len(r.slips) for r in file.rows if r.applies),
            "figures": len(file.figures), "figures_updated": sum(1 for r in file.figures if r.applies),
            "figures_refused": file.count_figures(Action.REFUSED)}


def _conflict_json(file: FilePreview, row: RowPreview) -> dict:
    old, new = row.old, row.decision.new
    return {
        "file": file.path.name, "sheet": row.sheet, "row": row.row, "unit": row.unit_name,
        "code": row.code, "title": row.title, "assignment_id": row.assignment_id,
        "ledger": {"status": old.status.value, "progress": old.progress, "note": old.note,
                   "updated_at": old.updated_at} if old else None,
        "returned": {"status": new.status.value if new.status else None, "progress": new.progress,
                     "note": new.note} if new else None,
        "chosen": row.decision.side.value,
    }


def _figure_conflict_json(file: FilePreview, row: FigureRowPreview) -> dict:
    old = row.old
    return {
        "file": file.path.name, "sheet": row.sheet, "row": row.row, "unit": row.unit_name,
        "code": row.code, "target": row.phrase, "target_id": row.target_id,
        "ledger": {"figure": old.figure, "period": old.figure_period, "note": old.figure_note,
                   "reported_at": old.figure_at} if old else None,
        "returned": {"figure": row.decision.figure, "note": row.decision.note},
        "chosen": row.decision.side.value,
    }
