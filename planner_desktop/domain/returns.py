"""What a returned fill-in row means for the ledger: normalised values and the change they make.

Units write progress in every form people use (``完成``, ``√``, ``已办结``, ``正在推进``,
``50%``, ``五成``, dates as text); this module turns one row's cells into a status, progress,
note and completion date, says what could not be read, and decides whether the row updates
the assignment, changes nothing, is empty, or conflicts with a change made in the ledger
after the workbook was exported. No file or database is touched here.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from enum import StrEnum

from planner_desktop.domain.deadlines import dates_in, excel_serial_to_date, normalise_deadline_text
from planner_desktop.domain.status import Status, normalise_status, parse_progress
from planner_desktop.domain.target_state import TrackedTarget, format_figure, read_figure
from planner_desktop.errors import UserFixableError
from planner_desktop.i18n import tr


@dataclass(frozen=True)
class RowCells:
    """The fill-in cells of one returned row, as texts (plus a real date where the cell was one)."""

    status: str = ""
    progress: str = ""
    note: str = ""
    completed_on: str = ""
    completed_date: dt.date | None = None
    problems: str = ""
    evidence: str = ""
    author: str = ""
    phone: str = ""

    def is_empty(self) -> bool:
        return not any(v.strip() for v in (self.status, self.progress, self.note, self.completed_on,
                                           self.problems, self.evidence))


@dataclass(frozen=True)
class CellProblem:
    """A value that could not be read; ``field`` names the column (``status``, ``progress`` …)."""

    field: str
    message: str


@dataclass(frozen=True)
class Reported:
    """What the unit reported, normalised; None where the unit left the value out."""

    status: Status | None
    progress: int | None
    note: str
    completed_on: dt.date | None
    author: str
    problems: tuple[CellProblem, ...] = ()


@dataclass(frozen=True)
class Current:
    """The assignment as the ledger holds it now."""

    status: Status
    progress: int | None
    note: str
    updated_at: str | None
    completed_on: dt.date | None = None


class Action(StrEnum):
    UPDATE = "update"
    UNCHANGED = "unchanged"
    CONFLICT = "conflict"
    EMPTY = "empty"  # the unit left the row empty: it has not reported this row
    SKIPPED = "skipped"  # not applied: another unit's row, an item deleted, unreadable
    # Not applied: the unit wrote a status or progress that cannot be right (a word not in the
    # list, 未启动 with 90%); the clerk asks the unit, the row is named in the preview.
    REFUSED = "refused"


class Side(StrEnum):
    """Which side wins a conflict."""

    LEDGER = "ledger"
    FILE = "file"


def read_cells(cells: RowCells, year: int) -> Reported:
    """Normalise one row. A status word not understood and a progress figure out of range are
    reported as problems (the value is then left out), never guessed."""
    problems: list[CellProblem] = []
    status, figure = _status(cells.status, problems)
    progress = _progress(cells.progress, problems)
    if progress is None:
        progress = figure
    completed = cells.completed_date or _date(cells.completed_on, year, problems)
    if status is None and not cells.status.strip():
        if progress is not None:
            status = _status_of_progress(progress)
        elif completed is not None:
            status = Status.DONE
    if status is Status.DONE and progress is None:
        progress = 100
    contradiction = _contradiction(status, progress)
    if contradiction:
        problems.append(CellProblem("status", contradiction))
    author = cells.author.strip()
    if author and cells.phone.strip():
        author = f"{author}（{cells.phone.strip()}）"
    return Reported(status, progress, compose_note(cells), completed, author or cells.phone.strip(),
                    tuple(problems))


def _contradiction(status: Status | None, progress: int | None) -> str:
    """Why a status and a progress figure written side by side cannot both be right, or ""."""
    if progress is None:
        return ""
    if status is Status.NOT_STARTED and progress > 0 or status is Status.DONE and progress < 100:
        return tr("状态“{status}”与完成进度 {progress}% 互相矛盾，请与填报单位核实。").format(
            status=status.value, progress=progress)
    return ""


# A problem in these columns refuses the whole row: applying the rest (the note, the figure
# without its status) would put a half-read answer into the ledger.
REFUSING_FIELDS = frozenset({"status", "progress"})


def compose_note(cells: RowCells) -> str:
    """The 进展情况 the ledger keeps: the unit's text, then its problems and evidence list."""
    parts = [cells.note.strip()]
    if cells.problems.strip():
        parts.append(tr("存在问题：") + cells.problems.strip())
    if cells.evidence.strip():
        parts.append(tr("佐证材料：") + cells.evidence.strip())
    return "\n".join(p for p in parts if p)


def _status(text: str, problems: list[CellProblem]) -> tuple[Status | None, int | None]:
    """The status a word means, and a figure when the word was one (五成, 80%)."""
    try:
        return normalise_status(text), None
    except UserFixableError as exc:
        figure = _quiet_progress(text)
        if figure is not None:  # 五成 typed into the status column: a figure is all it says
            return _status_of_progress(figure), figure
        problems.append(CellProblem("status", exc.message))
        return None, None


def _progress(text: str, problems: list[CellProblem]) -> int | None:
    try:
        return parse_progress(text) if text.strip() else None
    except UserFixableError as exc:
        problems.append(CellProblem("progress", exc.message))
        return None


def _quiet_progress(text: str) -> int | None:
    try:
        return parse_progress(text)
    except UserFixableError:
        return None


def _status_of_progress(progress: int) -> Status:
    if progress >= 100:
        return Status.DONE
    return Status.IN_PROGRESS if progress > 0 else Status.NOT_STARTED


_SERIAL = re.compile(r"^\d{5}(?:\.0+)?$")


def _date(text: str, year: int, problems: list[CellProblem]) -> dt.date | None:
    """A completion date typed as text: 2024-10-08, 2024年10月8日, 2024.10.8, 10月8日, 45573."""
    text = text.strip()
    if not text:
        return None
    if _SERIAL.match(text):
        day = excel_serial_to_date(float(text))
        if day is not None:
            return day
    found = dates_in(normalise_deadline_text(text, year), year)
    if len(found) == 1:
        return found[0]
    problems.append(CellProblem("completed_on", tr("无法识别的日期“{text}”，请写成 2024-10-08。")
                                .format(text=text)))
    return None


@dataclass
class Decision:
    """What importing one row would do, before the clerk commits."""

    action: Action
    new: Reported | None = None
    # For conflicts: what changed in the ledger since the export; the clerk picks a side.
    side: Side = Side.LEDGER
    reasons: list[str] = field(default_factory=list)


def decide(reported: Reported, current: Current, *, changed_since_export: bool,
           revised_same_period: bool, empty: bool) -> Decision:
    """Update, unchanged, empty or conflict for one matched row.

    A ledger change after the export is a conflict only when the file says something else,
    and not when that change was this period's earlier return (a unit sending a corrected
    workbook replaces its own earlier answer).
    """
    if empty:
        return Decision(Action.EMPTY)
    refusing = [p.message for p in reported.problems if p.field in REFUSING_FIELDS]
    if refusing:
        return Decision(Action.REFUSED, reported, reasons=refusing)
    new = complete(reported, current)
    if same(new, current):
        return Decision(Action.UNCHANGED, new)
    if changed_since_export and not revised_same_period:
        return Decision(Action.CONFLICT, new, reasons=[tr("导出后账本中已修改过这一条")])
    return Decision(Action.UPDATE, new)


def complete(reported: Reported, current: Current) -> Reported:
    """Fill what the unit left out from the ledger, so an update never blanks a value."""
    status = reported.status or current.status
    progress = reported.progress if reported.progress is not None else current.progress
    note = reported.note or current.note
    completed = reported.completed_on if status is Status.DONE else None
    return Reported(status, progress, note, completed, reported.author, reported.problems)


def same(new: Reported, current: Current) -> bool:
    return (new.status, new.progress, new.note.strip()) == (
        current.status, current.progress, current.note.strip())


@dataclass(frozen=True)
class ReturnWarning:
    """Something the clerk should know about a returned file, and where in it."""

    file: str
    message: str
    sheet: str | None = None
    row: int | None = None  # 1-based, as Excel shows it
    column: str | None = None  # Excel letter

    def to_json(self) -> dict:
        return {"file": self.file, "sheet": self.sheet, "row": self.row, "column": self.column,
                "message": self.message}


# -- figures reached (the 量化指标 sheet) --------------------------------------------------------

@dataclass
class FigureDecision:
    """What importing one returned figure would do."""

    action: Action
    figure: float | None = None
    note: str = ""
    side: Side = Side.LEDGER
    reasons: list[str] = field(default_factory=list)


def read_returned_figure(text: str, target: TrackedTarget) -> tuple[float, str]:
    """The figure a unit typed for ``target`` and, when it was read other than as written, how.

    Excel stores ``85%`` typed into a cell as 0.85: for a percentage target whose figure
    wanted is above 1, a figure of at most 1 written without a percent sign is such a cell
    and is read as 85. Raises UserFixableError for text and negative figures.
    """
    value = read_figure(text, target.measure, tr("本期完成值"))
    if target.measure == "%" and (target.wanted or 0) > 1 and 0 < value <= 1 and "%" not in text:
        scaled = round(value * 100, 6)
        return scaled, tr("“{text}”按百分数读作 {figure}%。").format(text=text, figure=format_figure(scaled))
    return value, ""


def decide_figure(text: str, note: str, target: TrackedTarget, period: str, *,
                  changed_since_export: bool) -> FigureDecision:
    """Update, unchanged, empty, refused or conflict for one returned figure.

    A figure the ledger got after the export (the clerk typed one) conflicts only when the
    file says another; the unit's own earlier return for the same period is replaced.
    """
    if not text.strip():
        return _no_figure(note)
    if target.removed:
        return FigureDecision(Action.SKIPPED, reasons=[tr("这个量化指标已在账本中移除，完成值未导入。")])
    if target.wanted is None:
        return FigureDecision(Action.REFUSED, reasons=[
            tr("量化指标“{text}”的目标值还是待定，完成值未导入；请先在账本中填写目标值。").format(text=target.text)])
    try:
        figure, how = read_returned_figure(text, target)
    except UserFixableError as exc:
        return FigureDecision(Action.REFUSED, reasons=[exc.message])
    note = note.strip()
    decision = FigureDecision(Action.UPDATE, figure, note, reasons=[how] if how else [])
    current = target.figure
    if current is not None and math.isclose(current, figure) and target.figure_period == period \
            and target.figure_note.strip() == note:
        decision.action = Action.UNCHANGED
    elif changed_since_export and current is not None and not math.isclose(current, figure) and not (
            target.figure_source == "import" and target.figure_period == period):
        decision.action = Action.CONFLICT
        decision.reasons.append(tr("导出后账本中已填报过这个指标的完成值"))
    return decision


def _no_figure(note: str) -> FigureDecision:
    reasons = [tr("只填了说明，没有填本期完成值，这一行未导入。")] if note.strip() else []
    return FigureDecision(Action.EMPTY, reasons=reasons)
