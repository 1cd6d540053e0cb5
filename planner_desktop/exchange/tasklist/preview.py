"""What importing a task list would create, shown to the clerk before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, field

from planner_desktop.domain.deadlines import DeadlineKind
from planner_desktop.domain.model import PlanDraft
from planner_desktop.exchange.tasklist.layout import SheetLayout
from planner_desktop.exchange.tasklist.warning import ImportWarning


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
