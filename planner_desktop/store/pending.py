"""Assignments that wait for the roster: names kept as written (各中小学 on a ledger with no
schools yet, 安全股 before the roster says it is 安全稳定股) and turned into assignments as
soon as the roster, an alias or a merge resolves them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from planner_desktop.domain.units import Role, Roster
from planner_desktop.store.database import Ledger


@dataclass(frozen=True)
class PendingResolved:
    names: tuple[str, ...]  # the names resolved, each once
    assignments: int  # assignments made of them


def resolve_pending(ledger: Ledger, roster: Roster, ids: dict[str, int]) -> PendingResolved:
    """Turn every waiting name ``roster`` (the ledger's, as stored now; ``ids`` its units'
    ids by name) resolves into assignments, inside the caller's transaction. A unit already
    assigned to the item keeps its assignment (and its role); a group that still selects no
    unit, or a name still unknown, keeps waiting."""
    conn = ledger.conn
    rows = conn.execute("SELECT id, item_id, name, role FROM pending_assignment ORDER BY id").fetchall()
    if not rows:
        return PendingResolved((), 0)
    resolutions = {name: roster.resolve(name) for name in {r[2] for r in rows}}
    names: dict[str, None] = {}
    made = 0
    for pending_id, item_id, name, role in rows:
        resolution = resolutions[name]
        if resolution.unknown or resolution.pending:
            continue
        for unit in resolution.units:
            made += conn.execute(
                "INSERT INTO assignment (item_id, unit_id, role, via_group) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (item_id, unit_id) DO NOTHING",
                (item_id, ids[unit], role, resolution.group or "")).rowcount
        conn.execute("DELETE FROM pending_assignment WHERE id = ?", (pending_id,))
        names.setdefault(name)
    return PendingResolved(tuple(names), made)


def pending_by_item(ledger: Ledger) -> dict[int, list[tuple[str, Role]]]:
    """item id → (name, role) of the names waiting on it, in the order they were written."""
    waiting: dict[int, list[tuple[str, Role]]] = defaultdict(list)
    for item_id, name, role in ledger.conn.execute(
            "SELECT item_id, name, role FROM pending_assignment ORDER BY id"):
        waiting[item_id].append((name, Role(role)))
    return dict(waiting)


def pending_names(ledger: Ledger) -> dict[str, int]:
    """Each waiting name with the number of items it waits on, most used first."""
    return dict(ledger.conn.execute(
        "SELECT name, count(*) FROM pending_assignment GROUP BY name "
        "ORDER BY count(*) DESC, min(id)").fetchall())
