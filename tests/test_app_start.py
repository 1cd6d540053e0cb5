"""Starting the program as a clerk does: first start offers the demo, a second window on the
same ledger is offered read-only viewing."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLockFile

from planner_desktop.gui import app as gui_app
from planner_desktop.gui.main_window import MainWindow
from planner_desktop.store.database import open_ledger


def start(monkeypatch, ledger_path) -> list[MainWindow]:
    """Run the real start-up, quitting as soon as the window is shown; returns the windows."""
    shown: list[MainWindow] = []
    original_show = MainWindow.show
    monkeypatch.setattr(MainWindow, "show", lambda self: (shown.append(self), original_show(self)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setenv("PLANNER_DESKTOP_EXIT_WHEN_SHOWN", "1")
    assert gui_app.run_gui(str(ledger_path)) == 0
    return shown


def test_first_start_offers_the_demo_and_shows_it(qtbot, monkeypatch, ledger_path, message_boxes):
    windows = start(monkeypatch, ledger_path)
    assert [title for title, _ in message_boxes] == ["欢迎使用工作要点督办台"]
    message_boxes.clear()
    assert windows and not windows[0].read_only
    assert windows[0].model.rowCount() > 50
    for window in windows:
        window.close()


def test_second_window_on_the_same_ledger_is_read_only(qtbot, monkeypatch, ledger_path, message_boxes):
    ledger = open_ledger(ledger_path)
    from planner_desktop.demo import create_demo_ledger

    create_demo_ledger(ledger)
    ledger.close()
    first = QLockFile(str(ledger_path) + ".lock")
    assert first.tryLock(0)
    try:
        windows = start(monkeypatch, ledger_path)
    finally:
        first.unlock()
    assert [title for title, _ in message_boxes] == ["账本已打开"]
    message_boxes.clear()
    assert windows[0].read_only and not windows[0].act_import_tasks.isEnabled()
    for window in windows:
        window.close()
