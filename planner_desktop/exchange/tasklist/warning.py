"""What the task-list parser says about a row it could not read: where, and what to do."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ImportWarning:
    sheet: str
    row: int | None  # 1-based, as Excel shows it
    column: str | None  # Excel letter
    message: str

    def to_json(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column,
                "message": self.message}
