"""Applying a revised task list to the plan it revises, as one undoable import batch.

Changed items are updated in place (their assignments, statuses and history stay); new items
are added where the revision puts them; items gone from the revision are deleted only when
no unit has reported on them (otherwise kept and counted as ``kept``). The batch's undo data
holds every row it deleted or overwrote, so undoing restores the ledger exactly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from planner_desktop.domain.model import ItemDraft, PlanDraft
from planner_desktop.domain.plan_diff import PlanDiff, StoredItem, diff_plan
from planner_desktop.domain.units import Roster
from planner_desktop.store.batches import finish_batch, start_batch
from planner_desktop.store.database import Ledger
from planner_desktop.store.plans import _PlanWriter, remember_aliases
from planner_desktop.store.target_edits import clear_parsed_targets
from planner_desktop.store.units import load_roster


@dataclass
class PlanUpdated:
    plan_id: int
    batch_id: int
    counts: dict


def find_plan_to_update(ledger: Ledger, file_name: str) -> int | None:
    """The plan a revised file most likely revises: the latest one imported from a file of
    the same name. (A file of another name for the same plan joins it: store.plan_merge.)"""
    return ledger.scalar(
        "SELECT b.plan_id FROM import_batch b JOIN plan p ON p.id = b.plan_id "
        "WHERE b.kind = 'tasks' AND b.file_name = ? AND b.undone_at IS NULL ORDER BY b.id DESC LIMIT 1",
        (file_name,))


def plan_title(ledger: Ledger, plan_id: int) -> str:
    return ledger.scalar("SELECT title FROM plan WHERE id = ?", (plan_id,)) or ""


# The names an item is given to, as a JSON list: its units, and the names waiting for the
# roster (各中小学 without schools yet) as written, which is how a file names them again.
ITEM_UNIT_NAMES = (
    "(SELECT json_group_array(name) FROM (SELECT u.name FROM assignment a JOIN unit u "
    "ON u.id = a.unit_id WHERE a.item_id = i.id UNION ALL "
    "SELECT w.name FROM pending_assignment w WHERE w.item_id = i.id))")


def stored_items(ledger: Ledger, plan_id: int) -> list[StoredItem]:
    rows = ledger.query(
        "SELECT i.id, i.parent_id, i.code, i.title, i.body, i.deadline_text, "
        f"{ITEM_UNIT_NAMES} AS units, "
        "EXISTS (SELECT 1 FROM assignment a WHERE a.item_id = i.id AND (a.status != '未启动' OR "
        " EXISTS (SELECT 1 FROM status_update s WHERE s.assignment_id = a.id) OR "
        " EXISTS (SELECT 1 FROM evidence e WHERE e.assignment_id = a.id))) AS has_history "
        "FROM plan_item i WHERE i.plan_id = ? ORDER BY i.id", (plan_id,))
    return [StoredItem(r["id"], r["parent_id"], r["code"], r["title"], r["body"], r["deadline_text"],
                       tuple(sorted(json.loads(r["units"]))), bool(r["has_history"])) for r in rows]


def units_resolver(roster: Roster):
    def units_of(draft: ItemDraft) -> tuple[str, ...]:
        names: set[str] = set()
        for mention in draft.units:
            resolution = roster.resolve(mention.name)
            # Unknown, or a group waiting for the roster: the name as written, as stored.
            names.update(resolution.units or (mention.name,))
        return tuple(sorted(names))
    return units_of


def preview_plan_update(ledger: Ledger, plan_id: int, revised: PlanDraft) -> PlanDiff:
    return diff_plan(stored_items(ledger, plan_id), revised, units_resolver(load_roster(ledger)))


def rows_of(ledger: Ledger, table: str, column: str, ids: list[int]) -> list[dict]:
    rows: list[dict] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        rows += ledger.query(f"SELECT * FROM {table} WHERE {column} IN ({marks}) ORDER BY id", tuple(chunk))
    return rows


def apply_plan_update(ledger: Ledger, plan_id: int, revised: PlanDraft, *, file_name: str, sha256: str,
                      new_aliases: dict[str, str] | None = None,
                      new_unit_kinds: dict[str, str] | None = None,
                      pending_names: list[str] | None = None) -> PlanUpdated:
    """Write the differences in one transaction; the preview is recomputed inside it, so it
    describes exactly the ledger being written."""
    with ledger.transaction() as conn:
        batch_id = start_batch(ledger, "tasks", file_name, sha256)
        created_aliases = remember_aliases(ledger, new_aliases or {})
        diff = preview_plan_update(ledger, plan_id, revised)
        writer = _PlanWriter(ledger, load_roster(ledger), plan_id, batch_id, new_unit_kinds or {},
                             frozenset(pending_names or ()))
        undo: dict = {"delete": {"assignment": [], "target": [], "plan_item": []},
                      "restore": {"plan_item": [], "target": [], "assignment": [], "status_update": [],
                                  "extension": [], "evidence": []},
                      "revert": {"plan_item": []}, "delete_aliases": created_aliases}

        first_new_target = ledger.scalar("SELECT coalesce(max(id), 0) FROM target")
        first_new_pending = ledger.scalar("SELECT coalesce(max(id), 0) FROM pending_assignment")
        for change in diff.changed:
            item_id, draft = change.stored.id, change.draft
            undo["revert"]["plan_item"] += rows_of(ledger, "plan_item", "id", [item_id])
            cleared = clear_parsed_targets(conn, item_id)
            undo["restore"]["target"] += cleared.deleted
            deadline = draft.deadline
            conn.execute(
                "UPDATE plan_item SET code = ?, title = ?, body = ?, deadline_text = ?, "
                "deadline_kind = CASE WHEN due_set_by_hand THEN deadline_kind ELSE ? END, "
                "due = CASE WHEN due_set_by_hand THEN due ELSE ? END, deadline_detail = ? WHERE id = ?",
                (draft.code, draft.title, draft.text, deadline.text if deadline else "",
                 deadline.kind.value if deadline else "none",
                 deadline.due.isoformat() if deadline and deadline.due else None,
                 json.dumps(deadline.to_json() if deadline else {}, ensure_ascii=False), item_id))
            writer.write_targets(item_id, draft, cleared)
            before = {r[0] for r in conn.execute("SELECT id FROM assignment WHERE item_id = ?", (item_id,))}
            update_assignments(ledger, writer, item_id, draft, undo)
            writer.flush()
            after = {r[0] for r in conn.execute("SELECT id FROM assignment WHERE item_id = ?", (item_id,))}
            undo["delete"]["assignment"] += sorted(after - before)

        counted_before_added = writer.result.assignments
        for draft in diff.added:
            parent_id = parent_of(diff, revised, draft)
            position = ledger.scalar(
                "SELECT coalesce(max(position) + 1, 0) FROM plan_item WHERE plan_id = ? AND parent_id IS ?",
                (plan_id, parent_id))
            level = 1 if parent_id is None else ledger.scalar(
                "SELECT level + 1 FROM plan_item WHERE id = ?", (parent_id,))
            writer.write_item(draft, level, parent_id, position)
        writer.flush()
        undo["delete"]["plan_item"] += writer.result.item_ids
        undo["delete"]["target"] += [r[0] for r in conn.execute(
            "SELECT id FROM target WHERE id > ?", (first_new_target,))]
        undo["delete"]["pending_assignment"] = [r[0] for r in conn.execute(
            "SELECT id FROM pending_assignment WHERE id > ?", (first_new_pending,))]

        removed_ids = removable(diff, stored_items(ledger, plan_id))
        if removed_ids:
            undo["restore"]["plan_item"] += rows_of(ledger, "plan_item", "id", removed_ids)
            undo["restore"]["target"] += rows_of(ledger, "target", "item_id", removed_ids)
            assignments = rows_of(ledger, "assignment", "item_id", removed_ids)
            undo["restore"]["assignment"] += assignments
            undo["restore"]["extension"] += rows_of(ledger, "extension", "assignment_id",
                                                    [a["id"] for a in assignments])
            for item_id in sorted(removed_ids, reverse=True):
                conn.execute("DELETE FROM plan_item WHERE id = ?", (item_id,))

        counts = {**diff.summary(), "removed": len(removed_ids),
                  "kept": len(diff.kept) + len(diff.removed) - len(removed_ids),
                  "assignments_added": len(undo["delete"]["assignment"])
                  + writer.result.assignments - counted_before_added,
                  "unknown_units": writer.result.unknown_units}
        undo["delete_units"] = writer.created_units
        finish_batch(ledger, batch_id, counts=counts, plan_id=plan_id, undo={"update": undo})
    return PlanUpdated(plan_id, batch_id, counts)


def removable(diff: PlanDiff, items: list[StoredItem]) -> list[int]:
    """Removed items that can go: none of their descendants is kept (deleting an item deletes
    its children with it, and a child with history or still in the file must stay)."""
    parent = {i.id: i.parent_id for i in items}
    staying = ({i.id for i in diff.kept} | {s.id for s, _ in diff.unchanged}
               | {c.stored.id for c in diff.changed})
    protected: set[int] = set()
    for item_id in staying:
        node = parent.get(item_id)
        while node is not None and node not in protected:
            protected.add(node)
            node = parent.get(node)
    return [i.id for i in diff.removed if i.id not in protected]


def update_assignments(ledger: Ledger, writer: _PlanWriter, item_id: int, draft: ItemDraft,
                       undo: dict) -> set[int]:
    """Add the units the revision names; remove the ones it dropped if they never reported."""
    writer.write_assignments(item_id, draft)
    wanted = {row[1] for row in writer.assignment_rows if row[0] == item_id}
    existing = {r[1]: r[0] for r in ledger.conn.execute(
        "SELECT id, unit_id FROM assignment WHERE item_id = ?", (item_id,)).fetchall()}
    writer.assignment_rows = [row for row in writer.assignment_rows
                              if not (row[0] == item_id and row[1] in existing)]
    for unit_id, assignment_id in existing.items():
        if unit_id in wanted:
            continue
        quiet = not ledger.scalar(
            "SELECT a.status != '未启动' OR EXISTS (SELECT 1 FROM status_update WHERE assignment_id = a.id) "
            "OR EXISTS (SELECT 1 FROM evidence WHERE assignment_id = a.id) FROM assignment a WHERE a.id = ?",
            (assignment_id,))
        if quiet:
            undo["restore"]["assignment"] += rows_of(ledger, "assignment", "id", [assignment_id])
            ledger.conn.execute("DELETE FROM assignment WHERE id = ?", (assignment_id,))
    return wanted


def parent_of(diff: PlanDiff, revised: PlanDraft, draft: ItemDraft) -> int | None:
    """The stored id of the item a new draft goes under (None: top level)."""
    def find(items: list[ItemDraft], parent: ItemDraft | None) -> ItemDraft | None | bool:
        for item in items:
            if item is draft:
                return parent
            found = find(item.children, item)
            if found is not False:
                return found
        return False

    parent = find(revised.items, None)
    return diff.matched_id(parent) if isinstance(parent, ItemDraft) else None
