"""Writing plans: a whole drafted item tree, with its units resolved, in one transaction."""

from __future__ import annotations

import functools
import json
import sqlite3
from dataclasses import dataclass, field

from planner_desktop.domain.deadlines import Deadline
from planner_desktop.domain.model import ItemDraft, PlanDraft, guess_unit_kind
from planner_desktop.domain.units import Role, Roster, UnitMention, name_key
from planner_desktop.store.batches import finish_batch, start_batch
from planner_desktop.store.database import Ledger, now_text
from planner_desktop.store.target_edits import ClearedTargets
from planner_desktop.store.units import load_roster, unit_ids_by_key, unit_ids_by_name

ROLE_STRENGTH = {Role.LEAD: 0, Role.SUPPORT: 1, Role.CARRY: 2}
INSERT_ITEMS = (
    "INSERT INTO plan_item (id, plan_id, parent_id, position, level, code, title, body, "
    "deadline_text, due, deadline_kind, deadline_detail, source_ref, import_batch_id) VALUES "
)
INSERT_TARGETS = ("INSERT INTO target (item_id, position, text, subject, number, unit, "
                  "comparator, placeholder) VALUES ")
INSERT_ASSIGNMENTS = "INSERT INTO assignment (item_id, unit_id, role, via_group) VALUES "
# A revision may name a pending group again: the one already waiting stays.
INSERT_PENDING = "INSERT OR IGNORE INTO pending_assignment (item_id, name, role) VALUES "
NO_DEADLINE_COLUMNS = ("", None, "none", "{}")
# Enough to make the per-statement cost vanish (5,000 items: 5 statements), few enough to keep
# each statement's text and compiled program small whatever limits the SQLite build has.
ROWS_PER_STATEMENT = 1000


def insert_rows(conn: sqlite3.Connection, head: str, rows: list[tuple]) -> None:
    """``head`` (``INSERT INTO t (…) VALUES ``) with ``rows``, many rows per statement.

    Not ``executemany``, which runs one statement per row: plan_item and assignment carry
    FTS5 triggers, and SQLite opens a savepoint for every statement whose triggers write
    to a virtual table, at which FTS5 flushes its pending terms into a new index segment
    (and merges segments). One row per statement meant 5,000 tiny segments for a 5,000-row
    list, 4-5 times the time of the same rows written in a few statements. The index is
    the same either way; only how it is laid out in segments differs.
    """
    if not rows:
        return
    width = len(rows[0])
    per_statement = max(1, min(ROWS_PER_STATEMENT,
                               conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width))
    placeholders = "(" + ", ".join("?" * width) + ")"
    for start in range(0, len(rows), per_statement):
        chunk = rows[start:start + per_statement]
        conn.execute(head + ", ".join([placeholders] * len(chunk)),
                     [value for row in chunk for value in row])


@functools.lru_cache(maxsize=4096)
def deadline_columns(deadline: Deadline) -> tuple[str, str | None, str, str]:
    """deadline_text, due, deadline_kind and deadline_detail of a plan_item row.

    Cached (a Deadline is frozen and hashable): the items of a list share a few hundred
    deadlines, and the JSON detail would otherwise be encoded once per item.
    """
    return (deadline.text, deadline.due.isoformat() if deadline.due else None,
            deadline.kind.value, json.dumps(deadline.to_json(), ensure_ascii=False))


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
    # Names kept waiting for the roster (各中小学 without schools, 安全股 without a roster).
    pending_units: list[str] = field(default_factory=list)

    def counts(self) -> dict:
        return {"top_level": self.top_level, "items": self.items, "leaf_items": self.leaf_items,
                "assignments": self.assignments, "unknown_units": self.unknown_units,
                "pending_units": self.pending_units, "deadlines_parsed": self.deadlines_parsed}


@dataclass(frozen=True)
class _Chosen:
    units: list[tuple[int, str, str]]  # (unit id, role, group)
    pending: list[tuple[str, str]]  # (name as written, role): waiting for the roster


class _PlanWriter:
    """Inserts one draft; resolves unit names once per name; remembers what it created."""

    def __init__(self, ledger: Ledger, roster: Roster, plan_id: int, batch_id: int,
                 unit_kinds: dict[str, str], pending_names: frozenset[str] = frozenset()) -> None:
        self.ledger = ledger
        self.unit_kinds = unit_kinds
        # Unknown names the clerk (or the plan import, for the keyword table's names) chose
        # to keep waiting for the roster rather than make into units.
        self.pending_keys = frozenset(name_key(n) for n in pending_names)
        self.conn = ledger.conn
        self.roster = roster
        self.unit_ids = unit_ids_by_name(ledger)
        # name_key → id of the units not in the roster this writer made, so that two
        # spellings of one unknown name (城关 二小, 城关二小) make one unit.
        self.made_keys: dict[str, int] = {}
        self.created_units: list[int] = []
        self.result = PlanCreated(plan_id=plan_id, batch_id=batch_id)
        # Targets and assignments are written in two statements at the end (flush), not two
        # per item: a 5,000-row task list would otherwise spend most of its commit in calls.
        self.target_rows: list[tuple] = []
        self.assignment_rows: list[tuple] = []
        self.pending_rows: list[tuple] = []
        self.resolved: dict[str, tuple[list[int], str] | None] = {}
        # Items too are collected, a whole tree at a time, and written by insert_rows, with
        # the ids SQLite would give them (max + 1 …, as an INTEGER PRIMARY KEY does without
        # AUTOINCREMENT) assigned up front so that children can name their parent.
        self.item_rows: list[tuple] = []
        self.next_item_id = 0
        # The assignments a list of mentions makes, per distinct list: rows of a task list
        # repeat the same few unit cells. This writer's roster only; it dies with the writer.
        self.chosen_for: dict[tuple[UnitMention, ...], _Chosen] = {}

    def unit_targets(self, name: str) -> tuple[list[int], str] | None:
        """Unit ids a written name stands for, and the group it came through ('' if none);
        None for a name that waits for the roster."""
        if name not in self.resolved:
            self.resolved[name] = self._resolve(name)
        return self.resolved[name]

    def _resolve(self, name: str) -> tuple[list[int], str] | None:
        resolution = self.roster.resolve(name)
        key = name_key(name)
        if resolution.pending or (resolution.unknown and key in self.pending_keys):
            if name not in self.result.pending_units:
                self.result.pending_units.append(name)
            return None
        if not resolution.unknown:
            return [self.unit_ids[n] for n in resolution.units], resolution.group or ""
        if key not in self.made_keys:
            cursor = self.conn.execute(
                "INSERT INTO unit (name, kind, needs_review, position) VALUES (?, ?, 1, 10000)",
                (name, self.unit_kinds.get(name) or guess_unit_kind(name)),
            )
            self.made_keys[key] = self.unit_ids[name] = int(cursor.lastrowid)
            self.created_units.append(self.made_keys[key])
            self.result.unknown_units.append(name)
        return [self.made_keys[key]], ""

    def write_item(self, draft: ItemDraft, level: int, parent_id: int | None, position: int) -> int:
        """Insert ``draft`` and its subtree now (their targets and assignments at flush)."""
        item_id = self.queue_item(draft, level, parent_id, position)
        self.write_queued_items()
        return item_id

    def write_items(self, drafts: list[ItemDraft]) -> None:
        """Insert top-level drafts and their subtrees in one statement."""
        for position, draft in enumerate(drafts):
            self.queue_item(draft, 1, None, position)
        self.write_queued_items()

    def queue_item(self, draft: ItemDraft, level: int, parent_id: int | None, position: int) -> int:
        """Give ``draft`` and its subtree their ids and rows; nothing is written yet."""
        if not self.item_rows:
            self.next_item_id = self.conn.execute(
                "SELECT coalesce(max(id), 0) + 1 FROM plan_item").fetchone()[0]
        item_id = self.next_item_id
        self.next_item_id += 1
        deadline = draft.deadline
        columns = deadline_columns(deadline) if deadline else NO_DEADLINE_COLUMNS
        kind = columns[2]
        self.item_rows.append(
            (item_id, self.result.plan_id, parent_id, position, level, draft.code, draft.title,
             draft.text, *columns, draft.source_ref, self.result.batch_id))
        self.result.item_ids.append(item_id)
        self.result.items += 1
        self.result.top_level += level == 1
        self.result.leaf_items += not draft.children
        self.result.deadlines_parsed += kind not in ("unparsed", "none")
        self.write_targets(item_id, draft)
        self.write_assignments(item_id, draft)
        for child_position, child in enumerate(draft.children):
            self.queue_item(child, level + 1, item_id, child_position)
        return item_id

    def write_queued_items(self) -> None:
        insert_rows(self.conn, INSERT_ITEMS, self.item_rows)
        self.item_rows = []

    def write_targets(self, item_id: int, draft: ItemDraft, kept: ClearedTargets | None = None) -> None:
        """The draft's targets; after a revision, those the clerk ``kept`` stay and are not doubled."""
        if not draft.targets:  # most items of a task list have none
            return
        skip, start = (kept.kept_texts, kept.next_position) if kept else (frozenset(), 0)
        fresh = [t for t in draft.targets if t.text not in skip]
        self.target_rows.extend(
            (item_id, start + i, t.text, t.subject, t.number, t.unit, t.comparator, int(t.placeholder))
            for i, t in enumerate(fresh))

    def flush(self) -> None:
        insert_rows(self.conn, INSERT_TARGETS, self.target_rows)
        insert_rows(self.conn, INSERT_ASSIGNMENTS, self.assignment_rows)
        insert_rows(self.conn, INSERT_PENDING, self.pending_rows)
        self.target_rows, self.assignment_rows, self.pending_rows = [], [], []

    def write_assignments(self, item_id: int, draft: ItemDraft) -> None:
        mentions = tuple(draft.units)
        chosen = self.chosen_for.get(mentions)
        if chosen is None:
            chosen = self.chosen_for[mentions] = self.choose_units(mentions)
        self.assignment_rows.extend((item_id, *row) for row in chosen.units)
        self.pending_rows.extend((item_id, *row) for row in chosen.pending)
        self.result.assignments += len(chosen.units)

    def choose_units(self, mentions: tuple[UnitMention, ...]) -> _Chosen:
        """(unit id, role, group) of each unit the mentions reach, in its strongest role,
        and (name, role) of each name that waits for the roster."""
        chosen: dict[int, tuple[Role, str]] = {}
        pending: dict[str, Role] = {}
        for mention in mentions:
            role = Role(mention.role or Role.SUPPORT)
            targets = self.unit_targets(mention.name)
            if targets is None:
                pending.setdefault(mention.name, role)
                continue
            ids, group = targets
            for unit_id in ids:
                known = chosen.get(unit_id)
                if known is None or ROLE_STRENGTH[role] < ROLE_STRENGTH[known[0]]:
                    chosen[unit_id] = (role, group)
        return _Chosen([(unit_id, role.value, group) for unit_id, (role, group) in chosen.items()],
                       [(name, role.value) for name, role in pending.items()])


def create_plan(
    ledger: Ledger,
    draft: PlanDraft,
    *,
    batch_kind: str,
    file_name: str = "",
    sha256: str = "",
    new_aliases: dict[str, str] | None = None,
    new_unit_kinds: dict[str, str] | None = None,
    pending_names: list[str] | None = None,
) -> PlanCreated:
    """Write a plan and all its items, targets and assignments as one import batch.

    Names not in the roster become units flagged ``needs_review`` (and are listed in
    ``unknown_units``), so nothing the file says is dropped; undoing the batch removes them.
    ``new_aliases`` (name → roster unit) are the clerk's mappings, remembered in the same
    transaction; ``new_unit_kinds`` says which kind an unknown name's new unit gets.
    Group words without members yet, and the unknown ``pending_names``, are kept waiting
    for the roster (``pending_assignment``) instead of becoming units.
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
                             new_unit_kinds or {}, frozenset(pending_names or ()))
        writer.write_items(draft.items)
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
    ids, taken = unit_ids_by_name(ledger), unit_ids_by_key(ledger)
    created = []
    for alias, unit_name in aliases.items():
        if name_key(alias) in taken or unit_name not in ids:
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
