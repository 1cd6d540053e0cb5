"""Writing plans: a whole drafted item tree, with its units resolved, in one transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from planner_desktop.domain.model import ItemDraft, PlanDraft, guess_unit_kind
from planner_desktop.domain.units import Role, Roster
from planner_desktop.store.batches import finish_batch, start_batch
from planner_desktop.store.database import Ledger, now_text
from planner_desktop.store.units import load_roster, unit_ids_by_name

ROLE_STRENGTH = {Role.LEAD: 0, Role.SUPPORT: 1, Role.CARRY: 2}


@dataclass
class PlanCreated:
    plan_id: int
    batch_id: int
    top_level: int = 0
    items: int = 0
    leaf_items: int = 0
    assignments: int = 0
    unknown_units: list[str] = field(default_factory=list)
    deadlines_parsed: int = 0
    item_ids: list[int] = field(default_factory=list)

    def counts(self) -> dict:
        return {"top_level": self.top_level, "items": self.items, "leaf_items": self.leaf_items,
                "assignments": self.assignments, "unknown_units": self.unknown_units,
                "deadlines_parsed": self.deadlines_parsed}


class _PlanWriter:
    """Inserts one draft; resolves unit names once per name; remembers what it created."""

    def __init__(self, ledger: Ledger, roster: Roster, plan_id: int, batch_id: int,
                 unit_kinds: dict[str, str]) -> None:
        self.ledger = ledger
        self.unit_kinds = unit_kinds
        self.conn = ledger.conn
        self.roster = roster
        self.unit_ids = unit_ids_by_name(ledger)
        self.created_units: list[int] = []
        self.result = PlanCreated(plan_id=plan_id, batch_id=batch_id)
        # Targets and assignments are written in two statements at the end (flush), not two
        # per item: a 5,000-row task list would otherwise spend most of its commit in calls.
        self.target_rows: list[tuple] = []
        self.assignment_rows: list[tuple] = []
        self.resolved: dict[str, tuple[list[int], str]] = {}

    def unit_targets(self, name: str) -> tuple[list[int], str]:
        """Unit ids a written name stands for, and the group it came through ('' if none)."""
        if name not in self.resolved:
            self.resolved[name] = self._resolve(name)
        return self.resolved[name]

    def _resolve(self, name: str) -> tuple[list[int], str]:
        resolution = self.roster.resolve(name)
        if not resolution.unknown:
            return [self.unit_ids[n] for n in resolution.units], resolution.group or ""
        if name not in self.unit_ids:
            cursor = self.conn.execute(
                "INSERT INTO unit (name, kind, needs_review, position) VALUES (?, ?, 1, 10000)",
                (name, self.unit_kinds.get(name) or guess_unit_kind(name)),
            )
            self.unit_ids[name] = int(cursor.lastrowid)
            self.created_units.append(self.unit_ids[name])
            self.result.unknown_units.append(name)
        return [self.unit_ids[name]], ""

    def write_item(self, draft: ItemDraft, level: int, parent_id: int | None, position: int) -> int:
        deadline = draft.deadline
        detail = deadline.to_json() if deadline else {}
        cursor = self.conn.execute(
            "INSERT INTO plan_item (plan_id, parent_id, position, level, code, title, body, "
            "deadline_text, due, deadline_kind, deadline_detail, source_ref, import_batch_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (self.result.plan_id, parent_id, position, level, draft.code, draft.title, draft.text,
             deadline.text if deadline else "",
             deadline.due.isoformat() if deadline and deadline.due else None,
             deadline.kind.value if deadline else "none",
             json.dumps(detail, ensure_ascii=False), draft.source_ref, self.result.batch_id),
        )
        item_id = int(cursor.lastrowid)
        self.result.item_ids.append(item_id)
        self.result.items += 1
        self.result.top_level += level == 1
        self.result.leaf_items += not draft.children
        self.result.deadlines_parsed += bool(deadline and deadline.kind.value not in
                                             ("unparsed", "none"))
        self.write_targets(item_id, draft)
        self.write_assignments(item_id, draft)
        for child_position, child in enumerate(draft.children):
            self.write_item(child, level + 1, item_id, child_position)
        return item_id

    def write_targets(self, item_id: int, draft: ItemDraft) -> None:
        self.target_rows.extend(
            (item_id, i, t.text, t.subject, t.number, t.unit, t.comparator, int(t.placeholder))
            for i, t in enumerate(draft.targets))

    def flush(self) -> None:
        self.conn.executemany(
            "INSERT INTO target (item_id, position, text, subject, number, unit, comparator, "
            "placeholder) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", self.target_rows)
        self.conn.executemany(
            "INSERT INTO assignment (item_id, unit_id, role, via_group) VALUES (?, ?, ?, ?)",
            self.assignment_rows)
        self.target_rows, self.assignment_rows = [], []

    def write_assignments(self, item_id: int, draft: ItemDraft) -> None:
        chosen: dict[int, tuple[Role, str]] = {}
        for mention in draft.units:
            role = Role(mention.role or Role.SUPPORT)
            ids, group = self.unit_targets(mention.name)
            for unit_id in ids:
                known = chosen.get(unit_id)
                if known is None or ROLE_STRENGTH[role] < ROLE_STRENGTH[known[0]]:
                    chosen[unit_id] = (role, group)
        self.assignment_rows.extend(
            (item_id, unit_id, role.value, group) for unit_id, (role, group) in chosen.items())
        self.result.assignments += len(chosen)


def create_plan(
    ledger: Ledger,
    draft: PlanDraft,
    *,
    batch_kind: str,
    file_name: str = "",
    sha256: str = "",
    new_aliases: dict[str, str] | None = None,
    new_unit_kinds: dict[str, str] | None = None,
) -> PlanCreated:
    """Write a plan and all its items, targets and assignments as one import batch.

    Names not in the roster become units flagged ``needs_review`` (and are listed in
    ``unknown_units``), so nothing the file says is dropped; undoing the batch removes them.
    ``new_aliases`` (name → roster unit) are the clerk's mappings, remembered in the same
    transaction; ``new_unit_kinds`` says which kind an unknown name's new unit gets.
    """
    with ledger.transaction() as conn:
        batch_id = start_batch(ledger, batch_kind, file_name, sha256)
        created_aliases = remember_aliases(ledger, new_aliases or {})
        cursor = conn.execute(
            "INSERT INTO plan (title, year, issuer, preamble, created_at, import_batch_id) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (draft.title, draft.year, draft.issuer, draft.preamble, now_text(), batch_id),
        )
        writer = _PlanWriter(ledger, load_roster(ledger), int(cursor.lastrowid), batch_id,
                             new_unit_kinds or {})
        for position, item in enumerate(draft.items):
            writer.write_item(item, 1, None, position)
        writer.flush()
        result = writer.result
        finish_batch(
            ledger, batch_id, counts=result.counts(), plan_id=result.plan_id,
            undo={"delete_plan": result.plan_id, "delete_units": writer.created_units,
                  "delete_aliases": created_aliases},
        )
    return result


def remember_aliases(ledger: Ledger, aliases: dict[str, str]) -> list[str]:
    """Store the clerk's name → unit mappings (inside the caller's transaction)."""
    ids = unit_ids_by_name(ledger)
    created = []
    for alias, unit_name in aliases.items():
        if alias in ids or unit_name not in ids:
            continue
        cursor = ledger.conn.execute(
            "INSERT INTO unit_alias (alias, unit_id, source) VALUES (?, ?, 'clerk') "
            "ON CONFLICT (alias) DO NOTHING", (alias, ids[unit_name]))
        if cursor.rowcount:
            created.append(alias)
    return created


def list_plans(ledger: Ledger) -> list[dict]:
    return ledger.query(
        "SELECT p.*, (SELECT count(*) FROM plan_item i WHERE i.plan_id = p.id) AS items "
        "FROM plan p ORDER BY p.year DESC, p.id DESC"
    )
