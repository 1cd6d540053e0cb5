"""Announce changes instead of refreshing by hand: after an operation one signal says what
changed, and every view that shows it updates itself."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class LedgerEvents(QObject):
    """Emitted on the GUI thread after a write to the ledger has been committed."""

    plans_changed = Signal()
    units_changed = Signal()
    progress_changed = Signal()
