"""The ledger file as the front ends see it: opening it, checking it, and its settings.

The GUI never imports ``store/``; what it needs of the open ledger comes through here, so
that ``store/`` can change its modules (and it does) without the widgets noticing.
"""

from __future__ import annotations

from planner_desktop.ops.changes import Changes
from planner_desktop.store.database import Ledger, check_integrity, latest_schema_version, open_ledger
from planner_desktop.store.schema import list_migrations
from planner_desktop.store.settings import get_setting, set_setting

__all__ = ["Ledger", "check_integrity", "due_soon_days", "latest_schema_version", "list_migrations",
           "open_ledger", "set_due_soon_days"]


def due_soon_days(ledger: Ledger) -> int:
    """How many working days before its deadline an item counts as 临期."""
    return int(get_setting(ledger, "due_soon_days"))


def set_due_soon_days(ledger: Ledger, days: int) -> Changes:
    set_setting(ledger, "due_soon_days", days)
    return Changes(settings=True)
