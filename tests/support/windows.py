"""The main window as a clerk meets it in the tests: over a ledger, at the 1366×768 screen the
README names, shown."""

from __future__ import annotations

import datetime as dt


def window_over(qtbot, ledger, today: dt.date):
    """The main window over ``ledger`` as of ``today``, 1366×768, shown and exposed."""
    from planner_desktop.gui.main_window import MainWindow

    window = MainWindow(ledger, today=today)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window
