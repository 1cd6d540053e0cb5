"""The runner of GUI operations (gui/operation.py) and the changed signal the views follow.

Each test runs real operations of ops/ on a real ledger file: progress shown only when the
work is slow, Cancel rolling an import back, the clerk's errors shown, bugs reaching the
crash handler, and one announcement after which every view refreshes once.
"""

from __future__ import annotations

import sys
import threading
import time

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QWidget

from planner_desktop.errors import UserFixableError
from planner_desktop.gui.events import ledger_events
from planner_desktop.gui.operation import SHOW_PROGRESS_AFTER_MS, run_operation
from planner_desktop.ops.changes import PLAN_WRITTEN, PROGRESS
from planner_desktop.ops.progress import Cancelled
from planner_desktop.ops.task_import import commit_task_list, preview_task_list


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def task_list(samples):
    return samples / "tasklists" / "2020_tasklist_merged.xlsx"


def counts(ledger) -> tuple[int, int, int]:
    return tuple(ledger.scalar(f"SELECT count(*) FROM {table}")
                 for table in ("plan", "plan_item", "import_batch"))


def announcements(qtbot):
    """Every ``changed`` emitted while the test runs, as (changes, initiator)."""
    heard: list[tuple] = []
    ledger_events().changed.connect(lambda changes, initiator: heard.append((changes, initiator)))
    return heard


def test_quick_work_shows_no_progress_and_answers_its_result(qtbot, ledger, parent):
    done = []
    operation = run_operation(parent, ledger.path, lambda led, _progress: led.scalar("SELECT 41 + 1"),
                              label="读取", succeeded=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [42] and not operation.running and not operation.progress_shown


def test_slow_work_shows_progress_and_the_window_stays_responsive(qtbot, ledger, parent):
    ticks = []
    timer_id = parent.startTimer(50)
    parent.timerEvent = lambda _event: ticks.append(time.monotonic())

    def slow(_ledger, progress):
        for n in range(10):
            time.sleep(0.1)
            progress(n + 1, 10)
        return "done"

    started = time.monotonic()
    operation = run_operation(parent, ledger.path, slow, label="慢")
    qtbot.waitUntil(lambda: operation.progress_shown, timeout=5000)
    assert time.monotonic() - started >= SHOW_PROGRESS_AFTER_MS / 1000 - 0.05
    assert operation.progress.isVisible() and operation.progress.labelText() == "慢"
    qtbot.waitUntil(lambda: not operation.running, timeout=5000)
    parent.killTimer(timer_id)
    assert len(ticks) >= 10, "the GUI thread kept handling events while the work ran"


def test_cancel_rolls_back_a_real_import(qtbot, ledger, parent, task_list):
    parsed = preview_task_list(ledger, task_list)
    before = counts(ledger)
    written = []
    clicked = threading.Event()
    heard = announcements(qtbot)

    def work(worker_ledger, progress):
        def slowed(done, total):
            # The rows are in the worker's open transaction now: the work is slow until the
            # clerk has pressed Cancel.
            written.append(worker_ledger.scalar("SELECT count(*) FROM plan_item"))
            clicked.wait(timeout=20)
            progress(done, total)
        return commit_task_list(worker_ledger, parsed, on_progress=slowed)

    failures = []
    operation = run_operation(parent, ledger.path, work, label="正在导入…", writes=True,
                              failed=failures.append)
    qtbot.waitUntil(lambda: operation.progress_shown, timeout=10000)
    cancel = operation.progress.findChild(QPushButton)
    assert cancel.text() == "取消"
    cancel.click()
    clicked.set()
    qtbot.waitUntil(lambda: bool(failures), timeout=10000)
    assert isinstance(failures[0], Cancelled)
    assert written and written[0] > before[1], "the import had written its rows"
    assert counts(ledger) == before, "and they were rolled back"
    assert heard == [], "nothing changed, nothing announced"


def test_a_problem_the_clerk_can_fix_is_shown_in_the_label_or_a_box(qtbot, ledger, parent,
                                                                     message_boxes):
    def refuse(_ledger, _progress):
        raise UserFixableError("文件已损坏，请重新保存后再导入。")

    label = QLabel(parent)
    failures = []
    operation = run_operation(parent, ledger.path, refuse, label="导入", error_label=label,
                              failed=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert "文件已损坏" in label.text() and message_boxes == []
    assert not operation.running
    failures.clear()
    run_operation(parent, ledger.path, refuse, label="导入", error_title="无法导入",
                  failed=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert message_boxes == [("无法导入", "文件已损坏，请重新保存后再导入。")]
    message_boxes.clear()


def test_a_bug_reaches_the_crash_handler(qtbot, ledger, parent, message_boxes, monkeypatch):
    from planner_desktop.gui.app import install_crash_handler
    from planner_desktop.paths import log_dir

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    install_crash_handler()

    def broken(_ledger, _progress):
        return 1 / 0

    failures = []
    run_operation(parent, ledger.path, broken, label="计算", failed=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], ZeroDivisionError)
    assert [title for title, _ in message_boxes] == ["程序错误"]
    message_boxes.clear()
    assert "ZeroDivisionError" in (log_dir() / "crash.log").read_text("utf-8")


def spy(monkeypatch, obj, name: str) -> list:
    """Count the calls of ``obj.name`` (still calling it)."""
    calls: list = []
    original = getattr(obj, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(obj, name, counted)
    return calls


def view_refreshes(monkeypatch, window) -> dict[str, list]:
    return {"table": spy(monkeypatch, window, "load"),
            "dashboard": spy(monkeypatch, window.dashboard, "refresh"),
            "navigation": spy(monkeypatch, window.nav, "reload"),
            "detail": spy(monkeypatch, window.detail, "show_item"),
            "reporting": spy(monkeypatch, window.reporting, "reload")}


def test_an_import_is_announced_once_and_every_view_refreshes_once(qtbot, window, monkeypatch,
                                                                     task_list):
    window.act_dashboard.trigger()  # the dashboard and its reporting panel are shown
    window.act_ledger.trigger()
    window.table.selectRow(2)
    window.act_dashboard.trigger()
    rows_before = len(window.snapshot.items)
    total_before = window.dashboard.buttons["total"].text()
    parsed = preview_task_list(window.ledger, task_list)
    heard = announcements(qtbot)
    refreshed = view_refreshes(monkeypatch, window)
    done = []
    run_operation(window, window.ledger.path,
                  lambda led, progress: commit_task_list(led, parsed, on_progress=progress),
                  label="导入", writes=True, succeeded=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    assert [changes for changes, _ in heard] == [PLAN_WRITTEN]
    assert {view: len(calls) for view, calls in refreshed.items()} == {
        "table": 1, "dashboard": 1, "navigation": 1, "detail": 1, "reporting": 1}
    assert len(window.snapshot.items) == rows_before + 126
    plans = window.nav.topLevelItem(1)
    assert plans.childCount() == 2, "the new plan is in the navigation"
    assert window.dashboard.buttons["total"].text() != total_before


def test_an_edit_refreshes_what_it_concerns_and_undo_the_same(qtbot, window, monkeypatch):
    from planner_desktop.domain.status import Status

    window.table.selectRow(3)
    heard = announcements(qtbot)
    refreshed = view_refreshes(monkeypatch, window)
    assert window.bulk_set_status(Status.DONE)
    assert [changes for changes, _ in heard] == [PROGRESS]
    assert {view: len(calls) for view, calls in refreshed.items()} == {
        "table": 1, "dashboard": 0, "navigation": 0, "detail": 1, "reporting": 0}
    assert window.undo_stack.count() == 1, "the window's own edit keeps its undo"
    window.act_undo.trigger()
    assert len(heard) == 2 and len(refreshed["table"]) == 2 and len(refreshed["navigation"]) == 0


def test_the_task_import_dialog_from_the_window_refreshes_each_view_once(qtbot, window, monkeypatch,
                                                                          task_list):
    window.table.selectRow(1)
    heard = announcements(qtbot)
    refreshed = view_refreshes(monkeypatch, window)
    dialog = window.import_tasks(task_list)
    qtbot.waitUntil(lambda: dialog.parsed is not None and not dialog.job.running, timeout=20000)
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.buttons.button(QDialogButtonBox.Ok).click()
    assert [changes for changes, _ in heard] == [PLAN_WRITTEN]
    assert {view: len(calls) for view, calls in refreshed.items()} == {
        "table": 1, "dashboard": 0, "navigation": 1, "detail": 1, "reporting": 0}
    assert window.undo_stack.count() == 0
