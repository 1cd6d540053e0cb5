"""Backups as the clerk meets them: listed, taken on demand, restored.

A restore replaces the whole content of the ledger, so it says that everything changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planner_desktop.ops.changes import EVERYTHING, Changes
from planner_desktop.store.backup import BackupFile, list_backups, remove_backup_leftovers, take_backup
from planner_desktop.store.database import Ledger
from planner_desktop.store.restore import restore, restore_in_place_of_damaged

__all__ = ["BackupFile", "Restored", "list_backups", "remove_backup_leftovers", "restore_backup",
           "restore_in_place_of_damaged", "take_backup"]


@dataclass(frozen=True)
class Restored:
    safety_copy: Path  # the backup of what the ledger held before
    changes: Changes = EVERYTHING


def restore_backup(ledger: Ledger, source: Path) -> Restored:
    """Put a backup's content in place of the ledger's (which is backed up first)."""
    return Restored(restore(ledger, Path(source)))
