"""One runner for the GUI's operations (Anki's ``CollectionOp``, TagStudio's runnable).

An operation is a plain function of an open ledger and a progress callback, usually one
call into ``ops/``. :class:`Operation` runs it on ``QThreadPool`` with its own connection to
the ledger file (SQLite connections belong to the thread that made them), so the window
stays responsive. A progress dialog appears only when the work takes longer than
:data:`SHOW_PROGRESS_AFTER_MS`; its Cancel button makes the next progress call raise
:class:`~planner_desktop.ops.progress.Cancelled` inside the worker, which rolls the
operation's transaction back. Then, on the GUI thread:

- success: what the result says it changed is announced once (``gui/events.py``), and
  ``succeeded(result)`` is emitted;
- a :class:`UserFixableError`: shown in the dialog's label or in a warning box, and
  ``failed(error)`` is emitted (so is a cancel);
- anything else is a bug: it goes to the crash handler (``sys.excepthook``, see
  ``gui/app.py``), then ``failed(error)``.

:func:`run_here` is the same routing for the few quick writes made on the window's own
connection (a unit's field, undoing a batch, a restore), which the dialogs expect to be done
when the call returns.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressDialog, QWidget

from planner_desktop.errors import UserFixableError
from planner_desktop.gui.events import ledger_events
from planner_desktop.ops.changes import changes_of
from planner_desktop.ops.ledger import Ledger, open_ledger
from planner_desktop.ops.progress import Cancelled, Progress

SHOW_PROGRESS_AFTER_MS = 600
T = TypeVar("T")
Work = Callable[[Ledger, Progress], Any]


class _Signals(QObject):
    """The worker's way back to the GUI thread (queued: emitted from the pool's thread)."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, run: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.run_work, self.signals = run, signals
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.run_work()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            self.signals.failed.emit(exc)
            return
        self.signals.finished.emit(result)


def translate(text: str) -> str:
    return QCoreApplication.translate("operation", text)


def show_error(parent: QWidget | None, exc: UserFixableError, *, label: QLabel | None = None,
               title: str | None = None) -> None:
    """A problem the clerk can fix, where the dialog shows such things: its label, a box, or
    both; a box titled 无法完成 when it named neither."""
    if label is not None and shiboken6.isValid(label):
        label.setText(exc.full_message())
    if title is not None or label is None:
        box_parent = parent if parent is not None and shiboken6.isValid(parent) else None
        QMessageBox.warning(box_parent, title or translate("无法完成"), exc.full_message())


def report_bug(exc: BaseException) -> None:
    """To the crash handler, which saves a report and tells the clerk (``gui/app.py``)."""
    sys.excepthook(type(exc), exc, exc.__traceback__)


class Operation(QObject):
    """One run of ``work(ledger, on_progress)`` in the background; start it with :meth:`start`."""

    succeeded = Signal(object)  # the work's result
    failed = Signal(object)  # the exception: a UserFixableError (already shown), Cancelled or a bug

    def __init__(self, parent: QWidget | None, ledger_path: Path | None, work: Work, *, label: str,
                 writes: bool = False, error_label: QLabel | None = None,
                 error_title: str | None = None, shows_errors: bool = True,
                 cancellable: bool = True, initiator: object = None) -> None:
        # Owned by the application's events object, not by the dialog: an operation that
        # finishes after its dialog was closed still announces what it changed.
        super().__init__(ledger_events())
        self.widget, self.ledger_path, self.work = parent, ledger_path, work
        self.label, self.writes, self.cancellable = label, writes, cancellable
        # Who the change is announced as coming from: an undo command when the write becomes
        # a step of the window's undo stack (then the stack is kept, not cleared).
        self.initiator = initiator
        self.error_label, self.error_title, self.shows_errors = error_label, error_title, shows_errors
        self.running = False
        self._cancel = threading.Event()
        self._signals = _Signals()
        self._signals.progressed.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._runnable = _Runnable(self._run_in_worker, self._signals)
        self.progress: QProgressDialog | None = None
        self.progress_shown = False  # whether the work was slow enough to show it
        self._timer = QTimer(self, singleShot=True, interval=SHOW_PROGRESS_AFTER_MS)
        self._timer.timeout.connect(self._show_progress)

    # -- on the GUI thread -------------------------------------------------------------------
    def start(self) -> Operation:
        self.running = True
        self._timer.start()
        QThreadPool.globalInstance().start(self._runnable)
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next progress call; what it wrote is rolled back."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _show_progress(self) -> None:
        parent = self.widget if self.widget is not None and shiboken6.isValid(self.widget) else None
        progress = QProgressDialog(self.label, translate("取消"), 0, 0, parent)
        progress.reset()  # no show of its own after minimumDuration: ours comes from the timer
        progress.setWindowTitle(self.label)
        progress.setWindowModality(Qt.WindowModal)
        progress.setAutoReset(False)
        progress.setAutoClose(False)
        progress.canceled.connect(self._on_cancel_clicked)
        if not self.cancellable:
            progress.setCancelButton(None)
        progress.show()
        self.progress, self.progress_shown = progress, True

    def _on_cancel_clicked(self) -> None:
        self.cancel()
        if self.progress is not None and shiboken6.isValid(self.progress):
            self.progress.setLabelText(translate("正在取消…"))
            self.progress.setCancelButton(None)

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is not None and shiboken6.isValid(self.progress) and not self.cancelled:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _done(self) -> None:
        self.running = False
        self._timer.stop()
        # The progress dialog goes with its parent: the dialog may have been closed meanwhile.
        if self.progress is not None and shiboken6.isValid(self.progress):
            self.progress.hide()
            self.progress.deleteLater()
        self.progress = None

    def _on_finished(self, result: Any) -> None:
        self._done()
        ledger_events().announce(changes_of(result), initiator=self.initiator)
        self.succeeded.emit(result)
        self.deleteLater()  # its owner (the events object) lives as long as the program

    def _on_failed(self, exc: BaseException) -> None:
        self._done()
        if self.shows_errors and isinstance(exc, UserFixableError):
            show_error(self.widget, exc, label=self.error_label, title=self.error_title)
        elif self.shows_errors and not isinstance(exc, Cancelled):
            report_bug(exc)
        self.failed.emit(exc)
        self.deleteLater()

    # -- in the worker thread ----------------------------------------------------------------
    def _run_in_worker(self) -> Any:
        self._check_cancel(0, 0)
        if self.ledger_path is None:  # work on files alone (writing a report)
            return self.work(None, self._check_cancel)
        ledger = open_ledger(Path(self.ledger_path), daily_backup=self.writes)
        try:
            return self.work(ledger, self._check_cancel)
        finally:
            ledger.close()

    def _check_cancel(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self._signals.progressed.emit(done, total)


def run_operation(parent: QWidget | None, ledger_path: Path | None, work: Work, *, label: str,
                  succeeded: Callable[[Any], None] | None = None,
                  failed: Callable[[BaseException], None] | None = None,
                  **options: Any) -> Operation:
    """Create, connect and start an :class:`Operation` (the usual way to run one)."""
    operation = Operation(parent, ledger_path, work, label=label, **options)
    if succeeded is not None:
        operation.succeeded.connect(succeeded)
    if failed is not None:
        operation.failed.connect(failed)
    return operation.start()


def run_here(parent: QWidget | None, write: Callable[[], T], *, error_label: QLabel | None = None,
             error_title: str | None = None) -> T | None:
    """A quick write on the caller's own connection: the result (its changes announced), or
    None when the clerk has a problem to fix (shown). A bug is raised, for the crash handler."""
    try:
        result = write()
    except UserFixableError as exc:
        show_error(parent, exc, label=error_label, title=error_title)
        return None
    ledger_events().announce(changes_of(result))
    return result
