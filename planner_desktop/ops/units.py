"""The roster as the clerk keeps it: units listed, a roster file imported, aliases added,
fields edited, two units merged. Each write says what it changed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from planner_desktop.domain.units import GroupRule, RosterUnit, name_key
from planner_desktop.exchange.roster import read_roster
from planner_desktop.files.incoming import file_sha256
from planner_desktop.ops.changes import UNITS, Changes
from planner_desktop.store import units as store_units
from planner_desktop.store.database import Ledger
from planner_desktop.store.pending import pending_names
from planner_desktop.store.units import (
    MergePair,
    RosterCounts,
    list_groups,
    list_units,
    load_roster,
    roster_merge_pairs,
)

__all__ = ["MergePair", "RosterImported", "RosterPreview", "add_alias", "commit_roster",
           "import_roster_file", "list_groups", "list_units", "load_roster", "merge_units",
           "pending_names", "preview_roster_file", "update_unit"]


@dataclass(frozen=True)
class RosterImported:
    counts: RosterCounts
    changes: Changes = Changes(units=True, batches=True, assignments=True)


@dataclass
class RosterPreview:
    """A roster workbook read, with what importing it would do to this ledger: the units it
    adds, and the ledger's units it names by an alias (the pairs the clerk may merge)."""

    path: Path
    sha256: str
    units: list[RosterUnit]
    aliases: dict[str, str]
    groups: list[GroupRule]
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    merge_pairs: list[MergePair] = field(default_factory=list)
    pending: dict[str, int] = field(default_factory=dict)  # names waiting: items each


def preview_roster_file(ledger: Ledger, path: Path) -> RosterPreview:
    """Read a roster workbook; nothing is written."""
    path = Path(path)
    units, aliases, groups = read_roster(path)
    have = {name_key(u["name"]) for u in list_units(ledger)}
    return RosterPreview(
        path, file_sha256(path), units, aliases, groups,
        added=[u.name for u in units if name_key(u.name) not in have],
        updated=[u.name for u in units if name_key(u.name) in have],
        merge_pairs=roster_merge_pairs(ledger, units, aliases),
        pending=pending_names(ledger))


def commit_roster(ledger: Ledger, preview: RosterPreview,
                  merges: Iterable[MergePair] = ()) -> RosterImported:
    """Import the previewed roster, merging the chosen pairs (a backup first when any)."""
    counts = store_units.import_roster(
        ledger, preview.units, preview.aliases, preview.groups, file_name=preview.path.name,
        sha256=preview.sha256, merges=merges)
    return RosterImported(counts)


def import_roster_file(ledger: Ledger, path: Path, *, merge: bool = False) -> RosterImported:
    """Read a roster workbook and add or update its units in one transaction; ``merge``
    also merges every unit the roster names by an alias into the roster's unit."""
    preview = preview_roster_file(ledger, path)
    return commit_roster(ledger, preview, preview.merge_pairs if merge else ())


def add_alias(ledger: Ledger, alias: str, unit_name: str) -> Changes:
    store_units.add_alias(ledger, alias, unit_name)
    return UNITS


def update_unit(ledger: Ledger, unit_id: int, **fields: str) -> Changes:
    store_units.update_unit(ledger, unit_id, **fields)
    return UNITS


def merge_units(ledger: Ledger, keep_name: str, drop_name: str) -> Changes:
    """The dropped unit's assignments move to the kept one, its name becomes an alias."""
    store_units.merge_units(ledger, keep_name, drop_name)
    return Changes(units=True, assignments=True)
