"""Reading the ledger as plain records for the domain to summarise (items list, views, reports)."""

from __future__ import annotations

import datetime as dt

from planner_desktop.domain.ledger import AssignmentRecord, ItemRecord
from planner_desktop.domain.outline_codes import number_items
from planner_desktop.domain.status import Status
from planner_desktop.domain.units import Role
from planner_desktop.store.database import Ledger, translated_errors


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def fetch_items(ledger: Ledger, plan_id: int | None = None) -> list[ItemRecord]:
    sql = (
        "SELECT i.id, i.plan_id, i.parent_id, i.position, i.level, i.code, i.title, i.body, "
        "i.deadline_text, i.due, i.deadline_kind, p.year "
        "FROM plan_item i JOIN plan p ON p.id = i.plan_id"
    )
    params: tuple = ()
    if plan_id is not None:
        sql += " WHERE i.plan_id = ?"
        params = (plan_id,)
    with translated_errors(ledger.path):
        rows = ledger.conn.execute(sql, params).fetchall()
    numbers = number_items([(r[0], r[2], r[5], r[6]) for r in rows])
    return [
        ItemRecord(id=r[0], plan_id=r[1], parent_id=r[2], position=r[3], level=r[4], code=r[5],
                   title=r[6], text=r[7], deadline_text=r[8], due=_date(r[9]),
                   deadline_kind=r[10], plan_year=r[11], number=numbers[r[0]].number,
                   above=numbers[r[0]].above)
        for r in rows
    ]


def fetch_assignments(ledger: Ledger, plan_id: int | None = None) -> list[AssignmentRecord]:
    sql = (
        "SELECT a.id, a.item_id, a.unit_id, u.name, u.kind, a.role, a.due, a.status, "
        "a.progress, a.note, a.updated_at FROM assignment a JOIN unit u ON u.id = a.unit_id"
    )
    params: tuple = ()
    if plan_id is not None:
        sql += " JOIN plan_item i ON i.id = a.item_id WHERE i.plan_id = ?"
        params = (plan_id,)
    sql += " ORDER BY a.item_id, CASE a.role WHEN 'lead' THEN 0 WHEN 'support' THEN 1 ELSE 2 END, "
    sql += "u.kind, u.position, u.id"
    with translated_errors(ledger.path):
        rows = ledger.conn.execute(sql, params).fetchall()
    # Enum and date conversions looked up in dicts: this runs for every assignment at start.
    roles = {r.value: r for r in Role}
    statuses = {s.value: s for s in Status}
    dates: dict[str | None, dt.date | None] = {None: None}
    for r in rows:
        if r[6] not in dates:
            dates[r[6]] = _date(r[6])
    return [
        AssignmentRecord(r[0], r[1], r[2], r[3], r[4], roles[r[5]], dates[r[6]], statuses[r[7]], r[8],
                         r[9], r[10])
        for r in rows
    ]
