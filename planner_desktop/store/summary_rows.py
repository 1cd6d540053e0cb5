"""Reading what a 工作总结 is drafted from: a plan's progress notes of a period, the reasons
of its extensions, as the domain's plain records."""

from __future__ import annotations

import datetime as dt

from planner_desktop.domain.status import Status
from planner_desktop.domain.summary import ExtensionReason, ProgressNote
from planner_desktop.store.database import Ledger, translated_errors


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text[:10]) if text else None


def period_notes(ledger: Ledger, plan_id: int, start: dt.date, end: dt.date) -> list[ProgressNote]:
    """The plan's status updates with a note written from ``start`` to ``end`` (both days
    included), oldest first."""
    sql = ("SELECT a.item_id, u.name, s.at, s.note, s.status FROM status_update s "
           "JOIN assignment a ON a.id = s.assignment_id JOIN unit u ON u.id = a.unit_id "
           "JOIN plan_item i ON i.id = a.item_id "
           "WHERE i.plan_id = ? AND s.note <> '' AND substr(s.at, 1, 10) BETWEEN ? AND ? "
           "ORDER BY s.at, s.id")
    with translated_errors(ledger.path):
        rows = ledger.conn.execute(sql, (plan_id, start.isoformat(), end.isoformat())).fetchall()
    statuses = {s.value: s for s in Status}
    days: dict[str, dt.date] = {}
    notes = []
    for item_id, unit, at, note, status in rows:
        day = days.get(at[:10]) or days.setdefault(at[:10], dt.date.fromisoformat(at[:10]))
        notes.append(ProgressNote(item_id, unit, day, at, note, statuses.get(status, Status.IN_PROGRESS)))
    return notes


def plan_extensions(ledger: Ledger, plan_id: int) -> list[ExtensionReason]:
    rows = ledger.query(
        "SELECT a.item_id, u.name AS unit, x.new_due, x.reason FROM extension x "
        "JOIN assignment a ON a.id = x.assignment_id JOIN unit u ON u.id = a.unit_id "
        "JOIN plan_item i ON i.id = a.item_id WHERE i.plan_id = ? ORDER BY x.granted_at, x.id",
        (plan_id,))
    return [ExtensionReason(r["item_id"], r["unit"], _date(r["new_due"]), r["reason"]) for r in rows]


def plan_header(ledger: Ledger, plan_id: int) -> dict | None:
    """Title, year and issuer of the plan, or None when there is no such plan."""
    rows = ledger.query("SELECT id, title, year, issuer FROM plan WHERE id = ?", (plan_id,))
    return rows[0] if rows else None


def states_at(ledger: Ledger, plan_id: int,
              day: dt.date) -> dict[int, tuple[Status, int | None, str, str] | None]:
    """Each assignment of the plan that has a history: its status, progress, note and time as
    the last update on or before ``day`` left it, or None when its first update came later.
    (Assignments without any history are not in the map: their state is all there is.)"""
    sql = ("SELECT a.id, s.status, s.progress, s.note, s.at FROM assignment a "
           "JOIN plan_item i ON i.id = a.item_id "
           "LEFT JOIN status_update s ON s.id = (SELECT s2.id FROM status_update s2 "
           "WHERE s2.assignment_id = a.id AND s2.at < ? ORDER BY s2.at DESC, s2.id DESC LIMIT 1) "
           "WHERE i.plan_id = ? AND EXISTS (SELECT 1 FROM status_update s3 WHERE s3.assignment_id = a.id)")
    with translated_errors(ledger.path):
        rows = ledger.conn.execute(sql, ((day + dt.timedelta(days=1)).isoformat(), plan_id)).fetchall()
    statuses = {s.value: s for s in Status}
    return {r[0]: (statuses.get(r[1], Status.IN_PROGRESS), r[2], r[3] or "", r[4]) if r[1] else None
            for r in rows}


def plan_units(ledger: Ledger, plan_id: int, kind: str | None = "股室") -> list[str]:
    """The units with work in the plan (of ``kind``, or all), in the roster's order."""
    sql = ("SELECT u.name FROM unit u WHERE EXISTS (SELECT 1 FROM assignment a JOIN plan_item i "
           "ON i.id = a.item_id WHERE a.unit_id = u.id AND i.plan_id = ?)")
    params: tuple = (plan_id,)
    if kind is not None:
        sql += " AND u.kind = ?"
        params += (kind,)
    return [r["name"] for r in ledger.query(sql + " ORDER BY u.position, u.id", params)]
