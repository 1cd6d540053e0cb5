"""Joining a file to a plan already in the ledger, as one undoable import batch.

The plan document and the task list issued with it are one plan (``domain.plan_match``):
the second file imported fills the plan the first one made. Matched items take what the
file brings (units added, a deadline, the document's wording); the file's new items are
written where it puts them; nothing is removed. The batch's undo data holds every row it
overwrote and every row it added, so undoing it restores the ledger exactly (the same
format as a revision's, ``store.plan_update``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from planner_desktop.domain.model import ItemDraft, PlanDraft
from planner_desktop.domain.plan_match import (
    MergePolicy,
    PlanCandidate,
    PlanMatch,
    PlanNode,
    match_plan,
)
from planner_desktop.store.batches import finish_batch, start_batch
from planner_desktop.store.database import Ledger
from planner_desktop.store.plan_update import ITEM_UNIT_NAMES, rows_of, units_resolver
from planner_desktop.store.plans import NO_DEADLINE_COLUMNS, _PlanWriter, deadline_columns, remember_aliases
from planner_desktop.store.target_edits import clear_parsed_targets
from planner_desktop.store.units import load_roster


@dataclass
class PlanMerged:
    plan_id: int
    batch_id: int
    counts: dict

    @property
    def items(self) -> int:
        """The items written (the file's new ones), as a created plan counts its items."""
        return self.counts.get("added", 0)

    @property
    def assignments(self) -> int:
        return self.counts.get("assignments", 0)

    @property
    def unknown_units(self) -> list[str]:
        return self.counts.get("unknown_units", [])


def plan_candidates(ledger: Ledger) -> list[PlanCandidate]:
    """Every plan, newest year first, as 导入到 offers them."""
    rows = ledger.query(
        "SELECT p.id, p.title, p.year, (SELECT count(*) FROM plan_item i WHERE i.plan_id = p.id) AS items "
        "FROM plan p ORDER BY p.year DESC, p.id DESC")
    return [PlanCandidate(r["id"], r["title"], r["year"], r["items"]) for r in rows]


def plan_nodes(ledger: Ledger, plan_id: int) -> list[PlanNode]:
    rows = ledger.query(
        "SELECT i.id, i.parent_id, i.position, i.code, i.title, i.body, i.deadline_text, "
        f"i.due_set_by_hand, {ITEM_UNIT_NAMES} AS units "
        "FROM plan_item i WHERE i.plan_id = ? ORDER BY i.id", (plan_id,))
    return [PlanNode(r["id"], r["parent_id"], r["position"], r["code"], r["title"], r["body"],
                     r["deadline_text"], tuple(sorted(json.loads(r["units"]))), bool(r["due_set_by_hand"]))
            for r in rows]


def preview_merge(ledger: Ledger, plan_id: int, draft: PlanDraft, policy: MergePolicy) -> PlanMatch:
    return match_plan(plan_nodes(ledger, plan_id), draft.items,
                      units_resolver(load_roster(ledger)), policy)


def merge_into_plan(ledger: Ledger, plan_id: int, draft: PlanDraft, policy: MergePolicy, *,
                    batch_kind: str, file_name: str, sha256: str, plan_title: str | None = None,
                    new_aliases: dict[str, str] | None = None,
                    new_unit_kinds: dict[str, str] | None = None,
                    pending_names: list[str] | None = None) -> PlanMerged:
    """Write the join in one transaction; the match is recomputed inside it, so it describes
    exactly the ledger being written. ``plan_title`` (a document's) renames the plan."""
    with ledger.transaction() as conn:
        batch_id = start_batch(ledger, batch_kind, file_name, sha256)
        created_aliases = remember_aliases(ledger, new_aliases or {})
        match = preview_merge(ledger, plan_id, draft, policy)
        writer = _PlanWriter(ledger, load_roster(ledger), plan_id, batch_id, new_unit_kinds or {},
                             frozenset(pending_names or ()))
        first_assignment = ledger.scalar("SELECT coalesce(max(id), 0) FROM assignment")
        first_pending = ledger.scalar("SELECT coalesce(max(id), 0) FROM pending_assignment")
        retargeted: set[int] = set()
        kept_targets: set[int] = set()  # the clerk's, left in place by clear_parsed_targets
        undo: dict = {"delete": {"assignment": [], "target": [], "plan_item": []},
                      "restore": {"target": []}, "revert": {"plan_item": [], "plan": []},
                      "delete_aliases": created_aliases}
        reverted: set[int] = set()

        def keep_row(item_id: int) -> None:
            if item_id not in reverted:
                reverted.add(item_id)
                undo["revert"]["plan_item"] += rows_of(ledger, "plan_item", "id", [item_id])

        for found in match.matched:
            item_id, item = found.node.id, found.draft
            if found.reworded or found.deadline:
                keep_row(item_id)
            if found.reworded:
                conn.execute("UPDATE plan_item SET code = ?, title = ?, body = ?, source_ref = ? "
                             "WHERE id = ?", (item.code, item.title, item.text, item.source_ref, item_id))
                if item.targets:
                    cleared = clear_parsed_targets(conn, item_id)
                    undo["restore"]["target"] += cleared.deleted
                    kept_targets |= cleared.kept_ids
                    writer.write_targets(item_id, item, cleared)
                    retargeted.add(item_id)
            if found.deadline:
                columns = deadline_columns(item.deadline) if item.deadline else NO_DEADLINE_COLUMNS
                conn.execute("UPDATE plan_item SET deadline_text = ?, due = ?, deadline_kind = ?, "
                             "deadline_detail = ? WHERE id = ?", (*columns, item_id))
            if found.units_added:
                add_assignments(ledger, writer, item_id, item)

        levels = {r["id"]: r["level"] for r in ledger.query(
            "SELECT id, level FROM plan_item WHERE plan_id = ?", (plan_id,))}
        for parent_id, order in match.order.items():
            level = 1 if parent_id is None else levels[parent_id] + 1
            for position, entry in enumerate(order):
                if isinstance(entry, ItemDraft):
                    writer.write_item(entry, level, parent_id, position)
                elif ledger.scalar("SELECT position FROM plan_item WHERE id = ?", (entry,)) != position:
                    keep_row(entry)
                    conn.execute("UPDATE plan_item SET position = ? WHERE id = ?", (position, entry))
        writer.flush()
        undo["delete"]["plan_item"] = writer.result.item_ids
        undo["delete"]["assignment"] = [r[0] for r in conn.execute(
            "SELECT id FROM assignment WHERE id > ?", (first_assignment,))]
        undo["delete"]["pending_assignment"] = [r[0] for r in conn.execute(
            "SELECT id FROM pending_assignment WHERE id > ?", (first_pending,))]
        # The targets of the items written anew, whatever ids they took (a target deleted
        # above may have left its id free for a new one).
        undo["delete"]["target"] = [row["id"] for row in rows_of(
            ledger, "target", "item_id", sorted(retargeted) + writer.result.item_ids)
            if row["id"] not in kept_targets]
        if plan_title and plan_title != ledger.scalar("SELECT title FROM plan WHERE id = ?", (plan_id,)):
            undo["revert"]["plan"] = rows_of(ledger, "plan", "id", [plan_id])
            conn.execute("UPDATE plan SET title = ? WHERE id = ?", (plan_title, plan_id))
        fill_plan_header(ledger, plan_id, draft, undo)
        undo["delete_units"] = writer.created_units
        counts = {**match.summary(), "added": match.new_count(),
                  "assignments": len(undo["delete"]["assignment"]),
                  "unknown_units": writer.result.unknown_units}
        finish_batch(ledger, batch_id, counts=counts, plan_id=plan_id, undo={"update": undo})
    return PlanMerged(plan_id, batch_id, counts)


def fill_plan_header(ledger: Ledger, plan_id: int, draft: PlanDraft, undo: dict) -> None:
    """The issuer and the preamble a file states, where the plan has none."""
    row = ledger.query("SELECT issuer, preamble FROM plan WHERE id = ?", (plan_id,))[0]
    issuer = row["issuer"] or draft.issuer
    preamble = row["preamble"] or draft.preamble
    if (issuer, preamble) != (row["issuer"], row["preamble"]):
        if not undo["revert"]["plan"]:
            undo["revert"]["plan"] = rows_of(ledger, "plan", "id", [plan_id])
        ledger.conn.execute("UPDATE plan SET issuer = ?, preamble = ? WHERE id = ?",
                            (issuer, preamble, plan_id))


def add_assignments(ledger: Ledger, writer: _PlanWriter, item_id: int, draft: ItemDraft) -> None:
    """The units the file names for the item that it is not yet given to (queued for flush)."""
    before = len(writer.assignment_rows)
    writer.write_assignments(item_id, draft)
    existing = {r[0] for r in ledger.conn.execute(
        "SELECT unit_id FROM assignment WHERE item_id = ?", (item_id,))}
    added = [row for row in writer.assignment_rows[before:] if row[1] not in existing]
    writer.assignment_rows[before:] = added
