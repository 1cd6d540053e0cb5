"""SQL for 督办单 and 催办通知: numbers, records, answers, and what a unit or item was sent.

A slip's number is the year's largest plus one, taken inside the transaction that records
it (``BEGIN IMMEDIATE`` holds other writers off), so two issues never share a number and a
number once issued is never given again (slips are closed, never deleted).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from planner_desktop.domain.supervision import SlipRecipient, slip_number
from planner_desktop.store.database import Ledger


@dataclass(frozen=True)
class SlipRecord:
    id: int
    year: int
    number: int
    item_id: int
    unit_id: int
    unit_name: str
    kind: str
    requirement: str
    due: str | None
    issued_at: str
    file_name: str
    answer: str
    answered_at: str | None
    closed_at: str | None

    @property
    def label(self) -> str:
        return slip_number(self.year, self.number)

    def to_json(self) -> dict:
        return {"id": self.id, "number": self.label, "year": self.year, "serial": self.number,
                "item_id": self.item_id, "unit": self.unit_name, "kind": self.kind,
                "requirement": self.requirement, "due": self.due, "issued_at": self.issued_at,
                "file": self.file_name, "answer": self.answer, "answered_at": self.answered_at,
                "closed_at": self.closed_at}


_SLIP_SELECT = ("SELECT s.id, s.year, s.number, s.item_id, s.unit_id, u.name, s.light, s.requirement, "
                "s.due, s.issued_at, s.file_name, s.answer, s.answered_at, s.closed_at "
                "FROM supervision_slip s JOIN unit u ON u.id = s.unit_id ")


def next_slip_number(conn: sqlite3.Connection, year: int) -> int:
    """The year's largest number issued plus one, counting numbers whose slips left with a
    deleted item (the year's high-water mark is kept beside the slips, see ``keep_last_number``)."""
    row = conn.execute("SELECT max(number) FROM supervision_slip WHERE year = ?", (year,)).fetchone()
    kept = conn.execute("SELECT value FROM setting WHERE key = ?", (_last_key(year),)).fetchone()
    return max(row[0] or 0, int(kept[0]) if kept else 0) + 1


def keep_last_number(conn: sqlite3.Connection, year: int, number: int) -> None:
    conn.execute("INSERT INTO setting (key, value) VALUES (?, ?) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (_last_key(year), str(number)))


def _last_key(year: int) -> str:
    return f"supervision_slip_last_{year}"


def insert_slip(conn: sqlite3.Connection, *, year: int, number: int, item_id: int, unit_id: int,
                kind: str, requirement: str, due: str | None, issued_at: str, file_name: str) -> int:
    cur = conn.execute(
        "INSERT INTO supervision_slip (year, number, item_id, unit_id, light, requirement, due, "
        "issued_at, file_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (year, number, item_id, unit_id, kind, requirement, due, issued_at, file_name))
    return int(cur.lastrowid)


def list_slips(ledger: Ledger, *, year: int | None = None, item_id: int | None = None,
               unit_id: int | None = None, slip_id: int | None = None) -> list[SlipRecord]:
    where, params = [], []
    for column, value in (("s.year", year), ("s.item_id", item_id), ("s.unit_id", unit_id),
                          ("s.id", slip_id)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    sql = _SLIP_SELECT + (("WHERE " + " AND ".join(where)) if where else "") + " ORDER BY s.year, s.number"
    return [SlipRecord(*r) for r in ledger.conn.execute(sql, params)]


def find_slip(ledger: Ledger, year: int, number: int) -> SlipRecord | None:
    rows = ledger.conn.execute(_SLIP_SELECT + "WHERE s.year = ? AND s.number = ?", (year, number)).fetchall()
    return SlipRecord(*rows[0]) if rows else None


_SET_ANSWER = "UPDATE supervision_slip SET answer = ?, answered_at = ?, closed_at = ? WHERE id = ?"


def set_slip_answer(ledger: Ledger, slip_id: int, answer: str, answered_at: str | None,
                    closed_at: str | None) -> None:
    with ledger.transaction() as conn:
        conn.execute(_SET_ANSWER, (answer, answered_at, closed_at, slip_id))


def slip_numbers_by_item(ledger: Ledger) -> dict[int, list[str]]:
    """Each item's slip numbers in issue order (what a bulletin quotes)."""
    found: dict[int, list[str]] = {}
    for item_id, year, number in ledger.conn.execute(
            "SELECT item_id, year, number FROM supervision_slip ORDER BY year, number"):
        found.setdefault(item_id, []).append(slip_number(year, number))
    return found


@dataclass(frozen=True)
class ItemUnit:
    item_id: int
    role: str
    unit: SlipRecipient


def item_units(ledger: Ledger, item_ids: list[int]) -> dict[int, list[ItemUnit]]:
    """The units of each item, lead first, in roster order, with their contact details."""
    wanted = set(item_ids)
    found: dict[int, list[ItemUnit]] = {i: [] for i in item_ids}
    for item_id, role, unit_id, name, contact, phone in ledger.conn.execute(
            "SELECT a.item_id, a.role, u.id, u.name, coalesce(u.contact, ''), coalesce(u.phone, '') "
            "FROM assignment a JOIN unit u ON u.id = a.unit_id "
            "ORDER BY a.item_id, u.kind DESC, u.position, u.id"):
        if item_id in wanted:
            found[item_id].append(ItemUnit(item_id, role, SlipRecipient(unit_id, name, contact, phone)))
    return found


def unit_recipient(ledger: Ledger, unit_id: int) -> SlipRecipient:
    row = ledger.conn.execute("SELECT id, name, coalesce(contact, ''), coalesce(phone, '') FROM unit "
                              "WHERE id = ?", (unit_id,)).fetchone()
    return SlipRecipient(*row)


def insert_notice(conn: sqlite3.Connection, *, plan_id: int, unit_id: int, period: str,
                  new_due: str | None, items: int, issued_at: str, file_name: str) -> int:
    cur = conn.execute(
        "INSERT INTO reminder_notice (plan_id, unit_id, period, new_due, items, issued_at, file_name) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)", (plan_id, unit_id, period, new_due, items, issued_at, file_name))
    return int(cur.lastrowid)


def unit_history(ledger: Ledger, unit_id: int) -> list[tuple[str, str]]:
    """(when, what) of the slips and notices a unit was sent, newest first."""
    return papers_by_unit(ledger).get(unit_id, [])


def list_notices(ledger: Ledger, unit_id: int | None = None) -> list[dict]:
    sql = ("SELECT n.id, n.plan_id, u.name AS unit, n.period, n.new_due, n.items, n.issued_at, n.file_name "
           "FROM reminder_notice n JOIN unit u ON u.id = n.unit_id")
    params: tuple = ()
    if unit_id is not None:
        sql += " WHERE n.unit_id = ?"
        params = (unit_id,)
    return ledger.query(sql + " ORDER BY n.id", params)


def papers_by_unit(ledger: Ledger) -> dict[int, list[tuple[str, str]]]:
    """Every unit's :func:`unit_history` at once (the units dialog shows them all)."""
    found: dict[int, list[tuple[str, str]]] = {}
    for unit_id, year, number, issued in ledger.conn.execute(
            "SELECT unit_id, year, number, issued_at FROM supervision_slip"):
        found.setdefault(unit_id, []).append((issued, f"督办单 {slip_number(year, number)}"))
    for unit_id, period, items, issued in ledger.conn.execute(
            "SELECT unit_id, period, items, issued_at FROM reminder_notice"):
        found.setdefault(unit_id, []).append((issued, f"催办通知 {period}（{items} 项）"))
    return {unit: sorted(entries, reverse=True) for unit, entries in found.items()}


# -- answers read back from returned fill-in workbooks ------------------------------------------

def open_slips(ledger: Ledger, assignment_ids: Iterable[int]) -> dict[int, list[tuple[int, str]]]:
    """Each assignment's open 督办单 (id, number), oldest first: the slips sent to its unit for
    its item and not closed. A returned row of the assignment answers them."""
    ids = sorted(set(assignment_ids))
    found: dict[int, list[tuple[int, str]]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for assignment_id, slip_id, year, number in ledger.conn.execute(
                "SELECT a.id, s.id, s.year, s.number FROM supervision_slip s JOIN assignment a "
                "ON a.item_id = s.item_id AND a.unit_id = s.unit_id WHERE s.closed_at IS NULL "
                f"AND a.id IN ({','.join('?' * len(chunk))}) ORDER BY s.year, s.number", chunk):
            found.setdefault(assignment_id, []).append((slip_id, slip_number(year, number)))
    return found


@dataclass(frozen=True)
class ReturnedAnswer:
    """What a unit's returned row says of its open slips: its 进展情况, and whether it is done."""

    assignment_id: int
    text: str
    done: bool


def answer_slips_from_return(conn: sqlite3.Connection, ledger: Ledger, answers: Sequence[ReturnedAnswer],
                             at: str) -> list[dict]:
    """Inside the caller's transaction: each open slip of the answered assignments gets the
    row's text as its 办理情况 (closed when the unit reports the task done). Returns the slips
    as they were, for the import's undo."""
    by_assignment = open_slips(ledger, [a.assignment_id for a in answers])
    before: list[dict] = []
    for answer in answers:
        for slip_id, _label in by_assignment.get(answer.assignment_id, []):
            row = conn.execute("SELECT answer, answered_at, closed_at FROM supervision_slip WHERE id = ?",
                               (slip_id,)).fetchone()
            before.append({"id": slip_id, "answer": row[0], "answered_at": row[1], "closed_at": row[2],
                           "set_at": at})
            conn.execute(_SET_ANSWER, (answer.text or row[0], at, at if answer.done else None, slip_id))
    return before


def restore_slips_after_return(conn: sqlite3.Connection, states: Sequence[dict]) -> int:
    """Undo of :func:`answer_slips_from_return`: each slip as it was, unless it was answered
    again since (the later answer stays)."""
    restored = 0
    for state in states:
        now = conn.execute("SELECT answered_at FROM supervision_slip WHERE id = ?", (state["id"],)).fetchone()
        if now is None or now[0] != state["set_at"]:
            continue
        conn.execute(_SET_ANSWER, (state["answer"], state["answered_at"], state["closed_at"], state["id"]))
        restored += 1
    return restored
