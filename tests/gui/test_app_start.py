"""Starting the program as a clerk does: first start offers the demo, a second window on the
same ledger is offered read-only viewing."""

from __future__ import annotations

from PySide6.QtCore import QLockFile

from planner_desktop.gui import app as gui_app


def start(qtbot, ledger_path) -> gui_app.Session:
    """The real start-up, up to the shown window (without entering the event loop)."""
    session = gui_app.start_gui(str(ledger_path))
    assert isinstance(session, gui_app.Session)
    qtbot.addWidget(session.window)
    return session


def test_first_start_offers_the_demo_and_shows_it(qtbot, ledger_path, message_boxes):
    session = start(qtbot, ledger_path)
    assert [title for title, _ in message_boxes] == ["欢迎使用工作要点督办台"]
    message_boxes.clear()
    assert not session.window.read_only
    assert session.window.model.rowCount() > 50
    session.close()


def test_second_window_on_the_same_ledger_is_read_only(qtbot, ledger_path, message_boxes, demo_templates):
    demo_templates.copy_file(ledger_path)
    first = QLockFile(str(ledger_path) + ".lock")
    assert first.tryLock(0)
    try:
        session = start(qtbot, ledger_path)
    finally:
        first.unlock()
    assert [title for title, _ in message_boxes] == ["账本已打开"]
    message_boxes.clear()
    assert session.window.read_only and not session.window.act_import_tasks.isEnabled()
    session.close()
