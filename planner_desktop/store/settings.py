"""Ledger-wide settings (key → JSON value), kept in the ledger so they travel with it."""

from __future__ import annotations

import json
from typing import Any

from planner_desktop.store.database import Ledger

DEFAULTS: dict[str, Any] = {
    "due_soon_days": 3,  # 临期: due within this many working days
}


def get_setting(ledger: Ledger, key: str) -> Any:
    value = ledger.scalar("SELECT value FROM setting WHERE key = ?", (key,))
    return DEFAULTS.get(key) if value is None else json.loads(value)


def set_setting(ledger: Ledger, key: str, value: Any) -> None:
    with ledger.transaction() as conn:
        conn.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False)),
        )
