"""The program as a clerk starts it: the window over a demo ledger, filtering as one types."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from planner_desktop.demo import create_demo_ledger
from planner_desktop.gui.main_window import MainWindow

AS_OF = dt.date(2026, 11, 22)


def type_text(widget, text: str) -> None:
    """QTest types ASCII only (PLATFORM_NOTES.md): send one key event per character."""
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyPress, 0, Qt.NoModifier, ch))
        QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyRelease, 0, Qt.NoModifier, ch))


@pytest.fixture
def window(qtbot, ledger):
    create_demo_ledger(ledger, today=AS_OF)
    main = MainWindow(ledger, today=AS_OF)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_window_shows_the_demo_ledger_with_counts(window):
    model = window.model
    assert model.rowCount() >= 60
    assert "共 " in window.counts.text() and "逾期" in window.counts.text()
    titles = [model.view_at(r).record.title for r in range(model.rowCount())]
    assert any("安全" in t for t in titles)


def test_typing_chinese_filters_the_table(window, qtbot):
    total = window.model.rowCount()
    window.search.setFocus()
    type_text(window.search, "安全")
    assert window.search.text() == "安全"
    shown = window.model.rowCount()
    assert 0 < shown < total
    for row in range(shown):
        view = window.model.view_at(row)
        hay = " ".join([view.record.title, view.record.text, *view.lead, *view.support,
                        *view.schools, view.note])
        assert "安全" in hay
    window.search.clear()
    assert window.model.rowCount() == total


def test_model_passes_qt_model_tester(window, qtmodeltester):
    qtmodeltester.check(window.model)


def test_screenshot_renders(window, tmp_path):
    path = tmp_path / "main.png"
    assert window.grab().save(str(path))
    assert path.stat().st_size > 10_000
