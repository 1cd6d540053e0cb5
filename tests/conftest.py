"""Shared fixtures: a real ledger file on disk per test, the samples, and message boxes recorded."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Copies of the real plan documents and task lists in ../shared/samples, kept in the
# repository so that a clean checkout tests against them too.
ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "samples"


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory, monkeypatch):
    """Never touch the developer's real data folder or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.delenv("PLANNER_DESKTOP_DB", raising=False)
    # Qt reads XDG_CONFIG_HOME once per process; point QSettings at this test's folder too,
    # so a window's remembered layout never leaks from one test into the next.
    from PySide6.QtCore import QSettings

    for scope_format in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(scope_format, QSettings.UserScope, str(home / "config"))


@pytest.fixture
def ledger_path(tmp_path) -> Path:
    return tmp_path / "ledger.sqlite"


@pytest.fixture
def ledger(ledger_path):
    from planner_desktop.store.database import open_ledger

    opened = open_ledger(ledger_path)
    yield opened
    opened.close()


DEMO_AS_OF = dt.date(2026, 11, 22)  # the day the demo ledger's window tests look from


@pytest.fixture
def window(qtbot, ledger):
    """The main window, shown, over the demo ledger as of ``DEMO_AS_OF``."""
    from planner_desktop.gui.main_window import MainWindow
    from planner_desktop.ops.demo import create_demo_ledger

    create_demo_ledger(ledger, today=DEMO_AS_OF)
    main = MainWindow(ledger, today=DEMO_AS_OF)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch) -> list[tuple[str, str]]:
    """Record the message boxes a test makes instead of blocking on them.

    A modal box in an offscreen test waits for a click that never comes, so the suite would
    hang. Each box is recorded as (title, text) and answered with its default button; a test
    that expects a box takes this fixture and removes what it checked. Any box left over fails
    the test, so an unexpected error dialog can never pass unnoticed.
    """
    from PySide6.QtWidgets import QMessageBox

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

    from PySide6.QtWidgets import QInputDialog

    def refuse_input(*args, **kwargs):
        shown.append(("QInputDialog", str(args[1:3])))
        return ("", False)

    for name in ("getItem", "getText", "getInt", "getDouble", "getMultiLineText"):
        monkeypatch.setattr(QInputDialog, name, staticmethod(refuse_input))
    yield shown
    assert not shown, f"unexpected message boxes: {shown}"
