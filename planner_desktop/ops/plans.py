"""The plans in the ledger and their outline, as the navigation and the dialogs list them."""

from __future__ import annotations

from planner_desktop.store.editing import item_ids_under, top_items
from planner_desktop.store.fillin import exported_periods, latest_exported_plan
from planner_desktop.store.plans import list_plans

__all__ = ["exported_periods", "item_ids_under", "latest_exported_plan", "list_plans", "top_items"]
