"""Announce changes instead of refreshing by hand (Anki's ``operation_did_execute``).

After every write, the operation runner (``gui/operation.py``) or the undo stack announces
once what the write changed (:class:`~planner_desktop.ops.changes.Changes`); every view that
shows the ledger is connected to :attr:`LedgerEvents.changed` and refreshes what concerns it.
Dialogs therefore never know which views exist, and no view is refreshed twice.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from planner_desktop.ops.changes import Changes


class LedgerEvents(QObject):
    """Emitted on the GUI thread after a write to the ledger has been committed."""

    # What changed, and who made the change (None, or the undo command that did): the
    # window clears its undo stack after a change that did not come from the stack itself.
    changed = Signal(object, object)  # Changes, initiator
    # A line for the clerk after a write made in a dialog that then closed (导入 added N 项…):
    # the window shows it in its status bar.
    told = Signal(str)

    def announce(self, changes: Changes, initiator: object = None) -> None:
        """Tell every view what changed; nothing is said when nothing changed."""
        if changes:
            self.changed.emit(changes, initiator)

    def tell(self, message: str) -> None:
        """Say what a write did, in a sentence with its counts; nothing for ""."""
        if message:
            self.told.emit(message)


def ledger_events() -> LedgerEvents:
    """The application's one instance (created with it, gone with it)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("ledger_events() needs a QApplication")
    events = app.findChild(LedgerEvents, "ledger_events")
    if events is None:
        events = LedgerEvents(app)
        events.setObjectName("ledger_events")
    return events
