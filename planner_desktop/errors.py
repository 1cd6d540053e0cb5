"""The two kinds of errors the program knows.

A :class:`UserFixableError` is something the clerk can act on (a bad file, a locked or
corrupt database, a full disk): it carries a Chinese message and, where it came from a
file, the file, sheet, row and column, so the GUI and the CLI can say exactly where.
Every other exception is a bug and goes to the crash report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Location:
    """Where in an input file a problem is; every field is optional."""

    file: str | None = None
    sheet: str | None = None
    row: int | None = None  # 1-based, as Excel shows it
    column: str | int | None = None  # Excel letter ("C") or 1-based number

    def describe(self) -> str:
        """The location as a clerk reads it: 文件 a.xlsx，工作表 Sheet1，第 3 行，C 列."""
        parts = []
        if self.file:
            parts.append(f"文件 {self.file}")
        if self.sheet:
            parts.append(f"工作表 {self.sheet}")
        if self.row is not None:
            parts.append(f"第 {self.row} 行")
        if self.column is not None:
            parts.append(f"{self.column} 列" if isinstance(self.column, str) else f"第 {self.column} 列")
        return "，".join(parts)


class UserFixableError(Exception):
    """A problem the clerk can fix; ``message`` is Simplified Chinese and says what to do."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        self.message = message
        self.location = location or Location()
        super().__init__(self.full_message())

    def __reduce__(self):
        # Keep the message and the location when the error crosses from a worker process.
        return (self.__class__, (self.message, self.location))

    def full_message(self) -> str:
        where = self.location.describe()
        return f"{where}：{self.message}" if where else self.message

    def to_json(self) -> dict[str, Any]:
        """The error object of the command-line JSON contract."""
        loc = self.location
        return {
            "error": self.full_message(),
            "file": loc.file,
            "sheet": loc.sheet,
            "row": loc.row,
            "column": loc.column,
        }


class FileReadError(UserFixableError):
    """An input file cannot be read (corrupt, encrypted, wrong format, empty)."""


class LedgerError(UserFixableError):
    """The ledger database cannot be used as it is (locked, read-only, full, corrupt, too new)."""


class DamagedLedgerError(LedgerError):
    """The ledger file itself is damaged (corrupt, or its schema not what its version says):
    nothing done to the PC fixes it, a backup put in its place does."""
