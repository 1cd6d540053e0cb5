"""What importing a task list would create, shown to the clerk before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from planner_desktop.domain.deadlines import DeadlineKind
from planner_desktop.domain.model import PlanDraft

if TYPE_CHECKING:
    from planner_desktop.exchange.tasklist.layout import SheetLayout

@dataclass
class ImportWarning:
    sheet: str
    row: int | None  # 1-based, as Excel shows it
    column: str | None  # Excel letter
    message: str

    def to_json(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column,
                "message": self.message}


@dataclass
class ImportPreview:
    """What an import would create; edited by the clerk, then committed or dropped."""

    file_name: str
    plan: PlanDraft
    layouts: list[SheetLayout]
    warnings: list[ImportWarning] = field(default_factory=list)
    skipped_sheets: list[str] = field(default_factory=list)
    sheet_headers: dict[str, dict[int, str]] = field(default_factory=dict)  # every column's label

    def unit_names(self) -> list[str]:
        """Every unit named, once, in the order first named (items in outline order)."""
        return list(dict.fromkeys(m.name for _, item in self.plan.walk() for m in item.units))

    def count_assignments(self) -> int:
        return sum(len(item.units) for _, item in self.plan.walk())

    def count_deadlines_parsed(self) -> int:
        return sum(1 for _, item in self.plan.walk()
                   if item.deadline and item.deadline.kind not in UNREAD_DEADLINES)


# The kinds of deadline a row is warned about, and not counted as parsed.
UNREAD_DEADLINES = frozenset({DeadlineKind.UNPARSED, DeadlineKind.NONE})
