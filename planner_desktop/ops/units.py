"""The roster as the clerk keeps it: units listed, a roster file imported, aliases added,
fields edited, two units merged. Each write says what it changed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planner_desktop.exchange.roster import read_roster
from planner_desktop.files.incoming import file_sha256
from planner_desktop.ops.changes import UNITS, Changes
from planner_desktop.store import units as store_units
from planner_desktop.store.database import Ledger
from planner_desktop.store.units import RosterCounts, list_groups, list_units, load_roster

__all__ = ["RosterImported", "add_alias", "import_roster_file", "list_groups", "list_units",
           "load_roster", "merge_units", "update_unit"]


@dataclass(frozen=True)
class RosterImported:
    counts: RosterCounts
    changes: Changes = Changes(units=True, batches=True)


def import_roster_file(ledger: Ledger, path: Path) -> RosterImported:
    """Read a roster workbook and add or update its units, as one undoable import batch."""
    path = Path(path)
    units, aliases, groups = read_roster(path)
    counts = store_units.import_roster(ledger, units, aliases, groups, file_name=path.name,
                                       sha256=file_sha256(path))
    return RosterImported(counts)


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
