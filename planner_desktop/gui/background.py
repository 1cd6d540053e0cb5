"""One way to run long work off the GUI thread, with a progress dialog only when it is slow.

A job is a plain function; it runs on ``QThreadPool`` and its result or its exception comes
back as a signal on the GUI thread. A job that touches the ledger opens its own connection
(SQLite connections belong to the thread that made them).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressDialog, QWidget

from planner_desktop.errors import UserFixableError
from planner_desktop.store.database import Ledger, open_ledger

SHOW_PROGRESS_AFTER_MS = 600


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object, str)


class _Runnable(QRunnable):
    def __init__(self, function: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.function = function
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.function()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            self.signals.failed.emit(exc, traceback.format_exc())
            return
        self.signals.finished.emit(result)


class BackgroundJob(QObject):
    """Run ``function`` in the thread pool; ``finished(result)`` or ``failed(exc, trace)``."""

    finished = Signal(object)
    failed = Signal(object, str)

    def __init__(self, function: Callable[[], Any], label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._signals = _Signals()
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._runnable = _Runnable(function, self._signals)
        self._runnable.setAutoDelete(False)
        self._progress = QProgressDialog(label, "", 0, 0, parent)
        self._progress.setCancelButton(None)
        self._progress.setMinimumDuration(0)
        self._progress.setWindowTitle(label)
        self._progress.reset()
        self._timer = QTimer(self, singleShot=True, interval=SHOW_PROGRESS_AFTER_MS)
        self._timer.timeout.connect(self._progress.show)
        self.running = False

    def start(self) -> None:
        self.running = True
        self._timer.start()
        QThreadPool.globalInstance().start(self._runnable)

    def _done(self) -> None:
        self.running = False
        self._timer.stop()
        self._progress.hide()

    def _on_finished(self, result: Any) -> None:
        self._done()
        self.finished.emit(result)

    def _on_failed(self, exc: BaseException, trace: str) -> None:
        self._done()
        self.failed.emit(exc, trace)


def start_ledger_job(parent: QWidget, ledger_path: Path, function: Callable[[Ledger], Any],
                     label: str, finished: Callable[[Any], None],
                     failed: Callable[[BaseException, str], None], *,
                     daily_backup: bool = False) -> BackgroundJob:
    """Start ``function(ledger)`` on the job's own connection to the ledger file, as every
    dialog's long work does (SQLite connections belong to the thread that made them).

    ``daily_backup`` is for jobs that write: the day's first write is backed up first.
    """
    def work() -> Any:
        ledger = open_ledger(ledger_path, daily_backup=daily_backup)
        try:
            return function(ledger)
        finally:
            ledger.close()

    job = BackgroundJob(work, label, parent)
    job.finished.connect(finished)
    job.failed.connect(failed)
    job.start()
    return job


def show_job_failure(parent: QWidget, exc: BaseException, *, label: QLabel | None = None,
                     box_title: str | None = None) -> None:
    """How every dialog answers a failed job: a user-fixable error is shown in ``label`` and/or
    a warning box titled ``box_title``; anything else is a bug and is raised again, for the
    crash handler (``gui/app.py``) to report."""
    if not isinstance(exc, UserFixableError):
        raise exc
    if label is not None:
        label.setText(exc.full_message())
    if box_title is not None:
        QMessageBox.warning(parent, box_title, exc.full_message())
