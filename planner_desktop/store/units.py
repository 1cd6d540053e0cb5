"""Units (股室 and schools), their aliases and groups."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from planner_desktop.domain.units import (
    GroupRule,
    Roster,
    RosterUnit,
    UnitKind,
    name_key,
    unique_short_names,
)
from planner_desktop.errors import UserFixableError
from planner_desktop.i18n import tr
from planner_desktop.store.backup import take_backup
from planner_desktop.store.batches import finish_batch, start_batch
from planner_desktop.store.database import Ledger
from planner_desktop.store.pending import PendingResolved, resolve_pending


@dataclass(frozen=True)
class RosterCounts:
    sections: int
    schools: int
    aliases: int
    groups: int
    added: tuple[str, ...] = ()  # units the ledger did not have
    merged: tuple[tuple[str, str], ...] = ()  # (unit merged, roster unit it went into)
    pending_resolved: tuple[str, ...] = ()  # waiting names (各中小学, 安全股) now resolved
    pending_assignments: int = 0  # assignments made of them

    def to_json(self) -> dict:
        return {"sections": self.sections, "schools": self.schools, "aliases": self.aliases,
                "groups": self.groups, "added": list(self.added),
                "merged": [list(pair) for pair in self.merged],
                "pending_resolved": list(self.pending_resolved),
                "pending_assignments": self.pending_assignments}


@dataclass(frozen=True)
class MergePair:
    """A unit of the ledger that a roster names by an alias or short name (安全股 → 安全稳定股):
    the same unit twice, which the clerk may merge as the roster is imported."""

    drop: str  # the unit in the ledger, named as the roster's alias
    keep: str  # the roster's unit
    needs_review: bool  # made from an unknown name by an import (待核实)
    assignments: int


def roster_merge_pairs(ledger: Ledger, units: Iterable[RosterUnit],
                       aliases: Mapping[str, str]) -> list[MergePair]:
    """The ledger's units that ``units``/``aliases`` (a roster about to be imported) name by
    an alias, each with the roster unit it means; never a unit with itself."""
    incoming = Roster(units, aliases)
    names = {name_key(u.name) for u in incoming.units}
    pairs = []
    for row in ledger.query(
            "SELECT u.name, u.needs_review, (SELECT count(*) FROM assignment a "
            "WHERE a.unit_id = u.id) AS used FROM unit u ORDER BY u.position, u.id"):
        if name_key(row["name"]) in names:
            continue  # the roster's own unit (perhaps another spelling): updated, not merged
        resolution = incoming.resolve(row["name"])
        if not resolution.unknown and resolution.group is None and len(resolution.units) == 1 \
                and resolution.units[0] != row["name"]:
            pairs.append(MergePair(row["name"], resolution.units[0], bool(row["needs_review"]),
                                   row["used"]))
    return pairs


def import_roster(
    ledger: Ledger,
    units: Iterable[RosterUnit],
    aliases: Mapping[str, str],
    groups: Iterable[GroupRule],
    *,
    file_name: str = "",
    sha256: str = "",
    merges: Iterable[MergePair] = (),
) -> RosterCounts:
    """Add or update the roster in one transaction; units are matched by name, ids kept.

    Aliases that came from an earlier roster are replaced; the ones the clerk made by hand
    (mapping an unknown name during an import) are kept. Names are matched as
    :func:`name_key` compares them, so a unit an earlier import made of another spelling
    (``城关 二小``) becomes the roster's unit, with its assignments. ``merges`` (chosen from
    :func:`roster_merge_pairs`) fold the ledger's units the roster names by an alias into
    the roster's units, so the alias is kept rather than dropped; a backup is taken first
    when there are any. Names waiting for the roster (各中小学, 安全股) are then resolved.
    """
    units, groups, merges = list(units), list(groups), list(merges)
    known_before = {name_key(name) for name in unit_ids_by_name(ledger)}
    if merges:
        take_backup(ledger, reason="before-merge")
    with ledger.transaction() as conn:
        batch = start_batch(ledger, "roster", file_name, sha256)
        adopt_spellings(ledger, [unit.name for unit in units])
        for position, unit in enumerate(units):
            conn.execute(
                "INSERT INTO unit (name, kind, stage, town, contact, phone, position, needs_review) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT (name) DO UPDATE SET "
                "kind = excluded.kind, stage = excluded.stage, town = excluded.town, "
                "contact = excluded.contact, phone = excluded.phone, "
                "position = excluded.position, needs_review = 0",
                (unit.name, UnitKind(unit.kind).value, unit.stage, unit.town,
                 getattr(unit, "contact", ""), getattr(unit, "phone", ""), position),
            )
        ids = unit_ids_by_name(ledger)
        merged = []
        for pair in merges:
            if pair.drop in ids and pair.keep in ids and pair.drop != pair.keep:
                _merge_into(ledger, ids[pair.keep], ids.pop(pair.drop), pair.drop)
                merged.append((pair.drop, pair.keep))
        taken = {name_key(name) for name in ids}
        conn.execute("DELETE FROM unit_alias WHERE source = 'roster'")
        # A school's 简称 (一中, 城关一小) stays on the roster's unit in the domain; stored as
        # an alias, it is recognised when a task list names the school by it.
        short_names = unique_short_names(units)
        for alias, name in {**short_names, **aliases}.items():
            if name_key(alias) != name_key(name) and name_key(alias) not in taken:
                conn.execute(
                    "INSERT INTO unit_alias (alias, unit_id, source) VALUES (?, ?, 'roster') "
                    "ON CONFLICT (alias) DO UPDATE SET unit_id = excluded.unit_id, source = 'roster'",
                    (alias, ids[name]),
                )
        for group in groups:
            conn.execute(
                "INSERT INTO unit_group (name, rule_by, rule_values) VALUES (?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET rule_by = excluded.rule_by, "
                "rule_values = excluded.rule_values",
                (group.name, group.by, json.dumps(list(group.values), ensure_ascii=False)),
            )
        resolved: PendingResolved = resolve_pending(ledger, load_roster(ledger), ids)
        counts = RosterCounts(
            sections=sum(UnitKind(u.kind) is UnitKind.SECTION for u in units),
            schools=sum(UnitKind(u.kind) is UnitKind.SCHOOL for u in units),
            aliases=len(aliases),
            groups=len(groups),
            added=tuple(u.name for u in units if name_key(u.name) not in known_before),
            merged=tuple(merged),
            pending_resolved=resolved.names,
            pending_assignments=resolved.assignments,
        )
        finish_batch(ledger, batch, counts=counts.to_json(), undo={})
    return counts


def unit_ids_by_name(ledger: Ledger) -> dict[str, int]:
    return dict(ledger.conn.execute("SELECT name, id FROM unit").fetchall())


def unit_ids_by_key(ledger: Ledger) -> dict[str, int]:
    """:func:`name_key` of each unit's name → its id (the first unit of a key, if two share
    one), for finding a unit however its name is spelt."""
    keys: dict[str, int] = {}
    for name, unit_id in ledger.conn.execute("SELECT name, id FROM unit ORDER BY id"):
        keys.setdefault(name_key(name), unit_id)
    return keys


def adopt_spellings(ledger: Ledger, names: list[str]) -> None:
    """A unit stored under another spelling of one of ``names`` takes that spelling (inside
    the caller's transaction), keeping its id and so its assignments and aliases."""
    ids = unit_ids_by_name(ledger)
    by_key = unit_ids_by_key(ledger)
    for name in names:
        unit_id = by_key.get(name_key(name))
        if unit_id is not None and name not in ids:
            ledger.conn.execute("UPDATE unit SET name = ? WHERE id = ?", (name, unit_id))
            ids[name] = unit_id


def list_units(ledger: Ledger) -> list[dict]:
    """Every unit with its aliases, sections first, in roster order."""
    rows = ledger.query(
        "SELECT u.*, (SELECT json_group_array(alias) FROM unit_alias a WHERE a.unit_id = u.id) "
        "AS aliases FROM unit u ORDER BY u.kind = '学校', u.position, u.id"
    )
    for row in rows:
        row["aliases"] = json.loads(row["aliases"])
        row["needs_review"] = bool(row["needs_review"])
    return rows


def list_groups(ledger: Ledger) -> list[GroupRule]:
    return [
        GroupRule(name=r["name"], by=r["rule_by"], values=json.loads(r["rule_values"]))
        for r in ledger.query("SELECT * FROM unit_group ORDER BY id")
    ]


def load_roster(ledger: Ledger) -> Roster:
    """The roster as the domain resolves names against it (aliases and groups included)."""
    units = [
        RosterUnit(name=r["name"], kind=UnitKind(r["kind"]), stage=r["stage"], town=r["town"],
                   contact=r["contact"], phone=r["phone"])
        for r in ledger.query("SELECT * FROM unit ORDER BY position, id")
    ]
    aliases = dict(ledger.conn.execute(
        "SELECT a.alias, u.name FROM unit_alias a JOIN unit u ON u.id = a.unit_id"
    ).fetchall())
    return Roster(units, aliases, list_groups(ledger))


def add_alias(ledger: Ledger, alias: str, unit_name: str) -> str:
    """Remember that ``alias`` means the unit ``unit_name`` (itself a name or an alias)."""
    alias, unit_name = alias.strip(), unit_name.strip()
    resolution = load_roster(ledger).resolve(unit_name)
    if resolution.unknown or len(resolution.units) != 1:
        raise UserFixableError(
            tr("单位“{name}”不在单位名册中，请先在单位管理中添加它。").format(name=unit_name))
    target = resolution.units[0]
    ids = unit_ids_by_name(ledger)
    if unit_ids_by_key(ledger).get(name_key(alias), ids[target]) != ids[target]:
        raise UserFixableError(
            tr("“{alias}”本身是另一个单位的名称，不能作为“{name}”的简称。").format(
                alias=alias, name=target))
    with ledger.transaction() as conn:
        conn.execute(
            "INSERT INTO unit_alias (alias, unit_id, source) VALUES (?, ?, 'clerk') "
            "ON CONFLICT (alias) DO UPDATE SET unit_id = excluded.unit_id, source = 'clerk'",
            (alias, ids[target]),
        )
        resolve_pending(ledger, load_roster(ledger), ids)  # 安全股 waiting for this alias
    return target


def merge_units(ledger: Ledger, keep_name: str, drop_name: str) -> dict:
    """Two units that turned out to be one: ``drop`` becomes an alias of ``keep``.

    Its assignments move to ``keep``; where both had the same item, the one updated last wins
    and the other's history and evidence move onto it, so nothing the units reported is lost.
    A backup is taken first, as a merge is not undone from the window.
    """
    ids = unit_ids_by_name(ledger)
    if keep_name not in ids or drop_name not in ids or keep_name == drop_name:
        raise UserFixableError(tr("请选择两个不同的、已在名册中的单位。"))
    keep, drop = ids[keep_name], ids[drop_name]
    take_backup(ledger, reason="before-merge")
    with ledger.transaction():
        moved, merged = _merge_into(ledger, keep, drop, drop_name)
        del ids[drop_name]
        resolve_pending(ledger, load_roster(ledger), ids)
    return {"kept": keep_name, "merged": drop_name, "moved": moved, "combined": merged}


def _merge_into(ledger: Ledger, keep: int, drop: int, drop_name: str) -> tuple[int, int]:
    """Move unit ``drop``'s assignments (with their history and evidence), fill-in records
    and aliases onto ``keep``, delete it and remember its name as an alias of ``keep``, inside
    the caller's transaction. (assignments moved, assignments combined with one of keep's)"""
    conn = ledger.conn
    moved = merged = 0
    for drop_id, item_id, updated in conn.execute(
            "SELECT id, item_id, coalesce(updated_at, '') FROM assignment WHERE unit_id = ?",
            (drop,)).fetchall():
        twin = conn.execute("SELECT id, coalesce(updated_at, '') FROM assignment "
                            "WHERE unit_id = ? AND item_id = ?", (keep, item_id)).fetchone()
        if twin is None:
            conn.execute("UPDATE assignment SET unit_id = ? WHERE id = ?", (keep, drop_id))
            moved += 1
            continue
        winner, loser = (drop_id, twin[0]) if updated > twin[1] else (twin[0], drop_id)
        for table in ("extension", "evidence"):
            conn.execute(f"UPDATE {table} SET assignment_id = ? WHERE assignment_id = ?",
                         (winner, loser))
        # The history is append-only (no UPDATE): its rows are copied over, then the
        # loser's originals go with it.
        conn.execute(
            "INSERT INTO status_update (assignment_id, at, status, progress, note, period, "
            "source, author, import_batch_id) SELECT ?, at, status, progress, note, period, "
            "source, author, import_batch_id FROM status_update WHERE assignment_id = ? "
            "ORDER BY id", (winner, loser))
        conn.execute("DELETE FROM assignment WHERE id = ?", (loser,))
        conn.execute("UPDATE assignment SET unit_id = ? WHERE id = ?", (keep, winner))
        merged += 1
    # Workbooks sent to and returned by the unit stay counted (deleting it would cascade).
    for table in ("fillin_export", "fillin_return"):
        conn.execute(f"UPDATE {table} SET unit_id = ? WHERE unit_id = ?", (keep, drop))
    conn.execute("UPDATE unit_alias SET unit_id = ? WHERE unit_id = ?", (keep, drop))
    conn.execute("DELETE FROM unit WHERE id = ?", (drop,))
    conn.execute("INSERT INTO unit_alias (alias, unit_id, source) VALUES (?, ?, 'clerk') "
                 "ON CONFLICT (alias) DO UPDATE SET unit_id = excluded.unit_id", (drop_name, keep))
    return moved, merged


def update_unit(ledger: Ledger, unit_id: int, **fields: str) -> None:
    """Edit a unit's stage, town, contact or phone (the name is changed by merging or aliases)."""
    allowed = {"stage", "town", "contact", "phone", "kind"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"not editable: {unknown}")
    with ledger.transaction():
        ledger.db["unit"].update(unit_id, {**fields, "needs_review": 0})
