"""The Qt fixtures, for the tests under tests/gui only: settings kept per test, message boxes
recorded instead of shown, and the main window over the demo ledger."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QMessageBox

from tests.conftest import DEMO_AS_OF


@pytest.fixture(autouse=True)
def isolated_settings(isolated_user_folders):
    """Qt reads XDG_CONFIG_HOME once per process; point QSettings at this test's folder too,
    so a window's remembered layout never leaks from one test into the next."""
    for scope_format in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(scope_format, QSettings.UserScope, str(isolated_user_folders / "config"))


@pytest.fixture
def window(qtbot, ledger, demo_templates):
    """The main window, shown, over the demo ledger as of ``DEMO_AS_OF``."""
    from planner_desktop.gui.main_window import MainWindow

    demo_templates.copy_into(ledger, today=DEMO_AS_OF)
    main = MainWindow(ledger, today=DEMO_AS_OF)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch) -> list[tuple[str, str]]:
    """Record the message boxes a test makes instead of blocking on them.

    A modal box in an offscreen test waits for a click that never comes, so the suite would
    hang. Each box is recorded as (title, text) and answered with its default button; a test
    that expects a box takes this fixture and removes what it checked. Any box left over fails
    the test, so an unexpected error dialog can never pass unnoticed.
    """
    shown: list[tuple[str, str]] = []

    def record(answer):
        def static(parent, title, text, *args, **kwargs):
            shown.append((title, text))
            return answer
        return staticmethod(static)

    monkeypatch.setattr(QMessageBox, "warning", record(QMessageBox.Ok))
    monkeypatch.setattr(QMessageBox, "critical", record(QMessageBox.Ok))
    monkeypatch.setattr(QMessageBox, "information", record(QMessageBox.Ok))
    monkeypatch.setattr(QMessageBox, "question", record(QMessageBox.Yes))

    def exec_box(box):
        shown.append((box.windowTitle(), box.text()))
        return box.defaultButton() and box.standardButton(box.defaultButton()) or QMessageBox.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_box)

    def refuse_input(*args, **kwargs):
        shown.append(("QInputDialog", str(args[1:3])))
        return ("", False)

    for name in ("getItem", "getText", "getInt", "getDouble", "getMultiLineText"):
        monkeypatch.setattr(QInputDialog, name, staticmethod(refuse_input))
    yield shown
    assert not shown, f"unexpected message boxes: {shown}"
