"""The old interface of the background runner, kept for ``gui/import_dialog.py`` only.

Everything else runs through ``gui/operation.py``; the task-list import dialog is being
rebuilt on another branch and moves over with it. This module is then deleted: it holds
no behaviour of its own (an :class:`Operation` that leaves the errors to the callback).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from planner_desktop.errors import UserFixableError
from planner_desktop.gui.operation import Operation, report_bug, show_error
from planner_desktop.ops.ledger import Ledger

BackgroundJob = Operation


def start_ledger_job(parent: QWidget, ledger_path: Path, function: Callable[[Ledger], Any],
                     label: str, finished: Callable[[Any], None],
                     failed: Callable[[BaseException, str], None], *,
                     daily_backup: bool = False) -> Operation:
    operation = Operation(parent, ledger_path, lambda ledger, _progress: function(ledger),
                          label=label, writes=daily_backup, shows_errors=False,
                          cancellable=False)  # the function takes no progress callback
    operation.succeeded.connect(finished)
    operation.failed.connect(lambda exc: failed(exc, ""))
    return operation.start()


def show_job_failure(parent: QWidget, exc: BaseException, *, label: QLabel | None = None,
                     box_title: str | None = None) -> None:
    if not isinstance(exc, UserFixableError):
        report_bug(exc)
        return
    if label is not None or box_title is not None:
        show_error(parent, exc, label=label, title=box_title)
