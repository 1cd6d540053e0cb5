"""SQL for fill-in workbooks: what to export, exports and returns recorded, returns committed.

A committed return is one ``import_batch`` (kind ``returns``) per file: it updates the
assignments, appends a ``status_update`` per changed row (with the period and the batch) and
records a ``fillin_return`` per unit, all in one transaction. Its undo data holds each changed
assignment's previous values, so undoing restores them (see ``undo_returns``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from planner_desktop.domain.fillin import FillinRow, FillinSheet
from planner_desktop.domain.outline_codes import number_items
from planner_desktop.domain.returns import Current
from planner_desktop.domain.status import Status
from planner_desktop.domain.units import ROLE_LABELS, Role
from planner_desktop.errors import UserFixableError
from planner_desktop.i18n import tr
from planner_desktop.store.assignments import StatusChange, record_status_changes
from planner_desktop.store.batches import finish_batch, start_batch
from planner_desktop.store.database import Ledger, now_text
from planner_desktop.store.slips import (
    ReturnedAnswer,
    answer_slips_from_return,
    open_slips,
    restore_slips_after_return,
)
from planner_desktop.store.targets import FigureReport, record_figures, tracked_targets
from planner_desktop.store.units import load_roster, unit_ids_by_name


@dataclass(frozen=True)
class PlanUnit:
    """A unit with assignments in a plan (what the export dialog offers)."""

    unit_id: int
    name: str
    kind: str  # 股室 / 学校
    assignments: int


def plan_title(ledger: Ledger, plan_id: int) -> tuple[str, int]:
    """The plan's title and year; a clear error for a plan that does not exist."""
    row = ledger.conn.execute("SELECT title, year FROM plan WHERE id = ?", (plan_id,)).fetchone()
    if row is None:
        raise UserFixableError(tr("没有编号为 {id} 的计划。").format(id=plan_id))
    return row[0], row[1]


def plan_units(ledger: Ledger, plan_id: int, item_ids: frozenset[int] | None = None
               ) -> list[PlanUnit]:
    """Units with assignments in the plan (or, with ``item_ids``, in those of its items)."""
    if item_ids is None:
        rows = ledger.conn.execute(
            "SELECT u.id, u.name, u.kind, count(*) FROM assignment a JOIN unit u ON u.id = a.unit_id "
            "JOIN plan_item i ON i.id = a.item_id WHERE i.plan_id = ? GROUP BY u.id "
            "ORDER BY u.kind DESC, u.position, u.id", (plan_id,)).fetchall()
        return [PlanUnit(*r) for r in rows]
    counts: dict[int, int] = {}
    for unit_id, item_id in ledger.conn.execute(
            "SELECT a.unit_id, a.item_id FROM assignment a JOIN plan_item i ON i.id = a.item_id "
            "WHERE i.plan_id = ?", (plan_id,)):
        if item_id in item_ids:
            counts[unit_id] = counts.get(unit_id, 0) + 1
    return [PlanUnit(u.unit_id, u.name, u.kind, counts[u.unit_id])
            for u in plan_units(ledger, plan_id) if u.unit_id in counts]


def plan_exists(ledger: Ledger, plan_id: int) -> bool:
    return ledger.scalar("SELECT 1 FROM plan WHERE id = ?", (plan_id,)) is not None


def find_unit(ledger: Ledger, name: str) -> tuple[int, str] | None:
    """The unit a written name (full name, short name or alias) stands for, if exactly one."""
    resolution = load_roster(ledger).resolve(name)
    if len(resolution.units) != 1 or resolution.group:
        return None
    unit_id = unit_ids_by_name(ledger).get(resolution.units[0])
    return (unit_id, resolution.units[0]) if unit_id is not None else None


def plans_of_unit(ledger: Ledger, unit_id: int) -> list[int]:
    """Plans in which the unit has assignments, newest first."""
    rows = ledger.conn.execute(
        "SELECT DISTINCT i.plan_id FROM assignment a JOIN plan_item i ON i.id = a.item_id "
        "WHERE a.unit_id = ? ORDER BY i.plan_id DESC", (unit_id,)).fetchall()
    return [r[0] for r in rows]


def _outline(ledger: Ledger, plan_id: int) -> dict[int, tuple[int, str, str, str, str]]:
    """item id → (outline order, code path, title, measure, deadline text)."""
    items = ledger.conn.execute(
        "SELECT id, parent_id, position, code, title, body, deadline_text FROM plan_item "
        "WHERE plan_id = ? ORDER BY parent_id, position, id", (plan_id,)).fetchall()
    children: dict[int | None, list[tuple]] = {}
    for item in items:
        children.setdefault(item[1], []).append(item)
    numbers = number_items([(item[0], item[1], item[3], item[4]) for item in items])
    result: dict[int, tuple[int, str, str, str, str]] = {}
    stack = list(reversed(children.get(None, [])))
    while stack:
        item = stack.pop()
        body = item[5].strip()
        measure = body if body and body != item[4].strip() else ""
        result[item[0]] = (len(result), numbers[item[0]].number, item[4], measure, item[6])
        stack.extend(reversed(children.get(item[0], [])))
    return result


def fetch_fillin_sheets(ledger: Ledger, plan_id: int, unit_ids: list[int] | None = None,
                        item_ids: frozenset[int] | None = None) -> list[FillinSheet]:
    """Each unit's rows in outline order; units in ``unit_ids`` order (all plan units if None);
    only the items in ``item_ids`` when given (a saved view: 逾期, 临期 …)."""
    outline = _outline(ledger, plan_id)
    units = {u.unit_id: u for u in plan_units(ledger, plan_id, item_ids)}
    wanted = list(units) if unit_ids is None else [u for u in unit_ids if u in units]
    ordered: dict[int, list[tuple[int, FillinRow]]] = {u: [] for u in wanted}
    rows = ledger.conn.execute(
        "SELECT a.id, a.item_id, a.unit_id, a.role, a.due, a.status, a.progress, "
        "coalesce(a.updated_at, '') FROM assignment a JOIN plan_item i ON i.id = a.item_id "
        "WHERE i.plan_id = ?", (plan_id,)).fetchall()
    slips = open_slips(ledger, [r[0] for r in rows if r[2] in ordered])
    for a_id, item_id, unit_id, role, due, status, progress, stamp in rows:
        if unit_id not in ordered or (item_ids is not None and item_id not in item_ids):
            continue
        order, code, title, measure, deadline = outline[item_id]
        if due:
            deadline = tr("{due}（已延期）").format(due=due)
        slip = "、".join(label for _, label in slips.get(a_id, []))
        ordered[unit_id].append((order, FillinRow(a_id, stamp, code, title, measure,
                                                  ROLE_LABELS[Role(role)], deadline, status,
                                                  progress, item_id, slip)))
    return [FillinSheet(u, units[u].name, [row for _, row in sorted(ordered[u], key=_first)])
            for u in wanted]


def _first(pair: tuple[int, FillinRow]) -> int:
    return pair[0]


@dataclass(frozen=True)
class ExportRecord:
    unit_id: int
    file_name: str
    token: str
    rows: int


def record_exports(ledger: Ledger, plan_id: int, period: str, exported_at: dt.datetime,
                   records: list[ExportRecord]) -> None:
    at = exported_at.isoformat(sep=" ", timespec="seconds")
    with ledger.transaction() as conn:
        conn.executemany(
            "INSERT INTO fillin_export (plan_id, unit_id, period, exported_at, file_name, token, rows) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(plan_id, r.unit_id, period, at, r.file_name, r.token, r.rows) for r in records])


def latest_exported_plan(ledger: Ledger) -> int | None:
    """The plan fill-in workbooks last went out for (the one whose returns are awaited)."""
    return ledger.scalar("SELECT plan_id FROM fillin_export ORDER BY exported_at DESC, id DESC LIMIT 1")


def exported_periods(ledger: Ledger, plan_id: int) -> list[str]:
    """Periods workbooks were exported for, latest export first."""
    rows = ledger.conn.execute(
        "SELECT period FROM fillin_export WHERE plan_id = ? GROUP BY period "
        "ORDER BY max(exported_at) DESC", (plan_id,)).fetchall()
    return [r[0] for r in rows]


@dataclass(frozen=True)
class AssignmentNow:
    """An assignment as matched rows need it: whose it is, its state, its last update."""

    assignment_id: int
    unit_id: int
    unit_name: str
    plan_id: int
    current: Current
    last_period: str  # period of its last status update ('' if none)
    last_from_return: bool  # that update came from an imported return


def assignment_states(ledger: Ledger, ids: list[int]) -> dict[int, AssignmentNow]:
    result: dict[int, AssignmentNow] = {}
    for start in range(0, len(ids), 500):  # SQLite's limit on host parameters
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        rows = ledger.conn.execute(
            "SELECT a.id, a.unit_id, u.name, i.plan_id, a.status, a.progress, a.note, a.updated_at, "
            "a.completed_on, s.period, b.kind FROM assignment a JOIN unit u ON u.id = a.unit_id "
            "JOIN plan_item i ON i.id = a.item_id "
            "LEFT JOIN status_update s ON s.id = (SELECT max(id) FROM status_update "
            "  WHERE assignment_id = a.id) "
            "LEFT JOIN import_batch b ON b.id = s.import_batch_id "
            f"WHERE a.id IN ({marks})", chunk).fetchall()
        for r in rows:
            completed = dt.date.fromisoformat(r[8]) if r[8] else None
            current = Current(Status(r[4]), r[5], r[6], r[7], completed)
            result[r[0]] = AssignmentNow(r[0], r[1], r[2], r[3], current, r[9] or "",
                                         r[10] == "returns")
    return result


@dataclass(frozen=True)
class UnitReturn:
    """One unit's part of a returned file, for the 未报送 list."""

    plan_id: int
    unit_id: int
    period: str
    token: str
    rows: int
    empty_rows: int
    missing_rows: int


class LedgerChangedError(UserFixableError):
    """The ledger changed between the preview and the commit."""


def commit_return(ledger: Ledger, *, file_name: str, sha256: str, plan_id: int | None,
                  changes: list[StatusChange], returns: list[UnitReturn], counts: dict,
                  expected: dict[int, str | None], figures: Sequence[FigureReport] = (),
                  figures_expected: dict[int, str] | None = None,
                  slip_answers: Sequence[ReturnedAnswer] = (), at: str | None = None) -> int:
    """Write one returned file as one import batch, all or nothing; returns the batch id.

    ``expected`` is each changed assignment's ``updated_at`` as the preview saw it, and
    ``figures_expected`` each reported target's latest figure time: if one differs now (the
    clerk edited it while the preview was open), nothing is written.
    """
    ids = sorted({c.assignment_id for c in changes})
    with ledger.transaction() as conn:
        before = _states_for_undo(conn, sorted(expected))
        now = {state["id"]: state["updated_at"] for state in before}
        if any(assignment_id not in now or now[assignment_id] != seen
               for assignment_id, seen in expected.items()) or \
                _figures_changed(ledger, figures_expected or {}):
            raise LedgerChangedError(tr("预览之后账本中的任务有了改动，请重新预览后再导入。"))
        changed = set(ids)
        before = [state for state in before if state["id"] in changed]
        batch_id = start_batch(ledger, "returns", file_name, sha256)
        record_status_changes(ledger, changes, import_batch_id=batch_id)
        conn.executemany(
            "INSERT INTO fillin_return (import_batch_id, plan_id, unit_id, period, token, rows, "
            "empty_rows, missing_rows) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(batch_id, r.plan_id, r.unit_id, r.period, r.token, r.rows, r.empty_rows,
              r.missing_rows) for r in returns])
        after = {r[0]: r[1] for r in conn.execute(
            f"SELECT id, updated_at FROM assignment WHERE id IN ({','.join('?' * len(ids))})", ids)}
        for state in before:
            state["set_updated_at"] = after.get(state["id"])
        record_figures(conn, figures, source="import", import_batch_id=batch_id)
        slips = answer_slips_from_return(conn, ledger, slip_answers, at or now_text())
        finish_batch(ledger, batch_id, counts={**counts, "slips_answered": len(slips)},
                     undo={"restore_assignments": before, "restore_slips": slips}, plan_id=plan_id)
    return batch_id


_UNDO_COLUMNS = ("id", "status", "progress", "note", "completed_on", "updated_at")


def _states_for_undo(conn: sqlite3.Connection, ids: list[int]) -> list[dict]:
    states: list[dict] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = conn.execute(f"SELECT {', '.join(_UNDO_COLUMNS)} FROM assignment "
                            f"WHERE id IN ({','.join('?' * len(chunk))})", chunk).fetchall()
        states.extend(dict(zip(_UNDO_COLUMNS, r, strict=True)) for r in rows)
    return states


def _figures_changed(ledger: Ledger, expected: dict[int, str]) -> bool:
    if not expected:
        return False
    now = {t.id: t.figure_at for t in tracked_targets(ledger, target_ids=expected, include_removed=True)}
    return any(now.get(target_id) != seen for target_id, seen in expected.items())


def undo_returns(conn: sqlite3.Connection, batch_id: int, undo: dict) -> dict:
    """Inside the caller's transaction: remove the batch's history rows and figures, and put
    each assignment back as it was, unless it was changed again after the import (then the
    later change stays).
    """
    removed = conn.execute("DELETE FROM status_update WHERE import_batch_id = ?",
                           (batch_id,)).rowcount
    figures = conn.execute("DELETE FROM target_figure WHERE import_batch_id = ?", (batch_id,)).rowcount
    slips = restore_slips_after_return(conn, undo.get("restore_slips", []))
    restored = kept = 0
    for state in undo.get("restore_assignments", []):
        now = conn.execute("SELECT updated_at FROM assignment WHERE id = ?", (state["id"],)).fetchone()
        if now is None:
            continue  # the assignment is gone
        if now[0] != state.get("set_updated_at"):
            kept += 1
            continue
        conn.execute(
            "UPDATE assignment SET status = ?, progress = ?, note = ?, completed_on = ?, "
            "updated_at = ? WHERE id = ?",
            (state["status"], state["progress"], state["note"], state["completed_on"],
             state["updated_at"], state["id"]))
        restored += 1
    return {"status_updates": removed, "assignments_restored": restored,
            "assignments_changed_later": kept, "figures": figures, "slips": slips}


# -- who has reported ------------------------------------------------------------------------

@dataclass(frozen=True)
class ReportState:
    """A unit's reporting for one plan and period (a line of the 催报名单)."""

    unit_id: int
    unit_name: str
    unit_kind: str
    contact: str
    phone: str
    exported_at: str | None
    returned_at: str | None
    rows: int
    empty_rows: int  # rows left empty or missing in the latest return

    @property
    def reported(self) -> bool:
        return self.returned_at is not None and self.empty_rows == 0

    def to_json(self) -> dict:
        return {**dataclasses.asdict(self), "reported": self.reported}


def report_states(ledger: Ledger, plan_id: int, period: str) -> list[ReportState]:
    """Every unit expected to report for ``period``: those sent a workbook for it, or (before
    any export) every unit with assignments in the plan; with its latest return, if any."""
    expected = ledger.conn.execute(
        "SELECT unit_id, max(exported_at), max(rows) FROM fillin_export "
        "WHERE plan_id = ? AND period = ? GROUP BY unit_id", (plan_id, period)).fetchall()
    if not expected:
        expected = [(u.unit_id, None, u.assignments) for u in plan_units(ledger, plan_id)]
    returns = {r[0]: r[1:] for r in ledger.conn.execute(
        "SELECT r.unit_id, b.imported_at, r.rows, r.empty_rows + r.missing_rows "
        "FROM fillin_return r JOIN import_batch b ON b.id = r.import_batch_id "
        "WHERE r.plan_id = ? AND r.period = ? AND b.undone_at IS NULL ORDER BY r.id",
        (plan_id, period))}
    units = {r[0]: r[1:] for r in ledger.conn.execute(
        "SELECT id, name, kind, contact, phone, position FROM unit")}
    states = []
    for unit_id, exported_at, rows in expected:
        if unit_id not in units:
            continue
        name, kind, contact, phone, _ = units[unit_id]
        returned = returns.get(unit_id)
        states.append(ReportState(
            unit_id, name, kind, contact, phone, exported_at,
            returned[0] if returned else None, returned[1] if returned else rows,
            returned[2] if returned else 0))
    states.sort(key=lambda s: (s.unit_kind != "股室", units[s.unit_id][4], s.unit_id))
    return states

