"""Files dropped on the main window, each sent to the import that reads it.

A mixin of :class:`~planner_desktop.gui.main_window.MainWindow`: it calls the window's
``import_tasks``, ``import_plan`` and ``import_returns`` and reads ``read_only``.
"""

from __future__ import annotations

from pathlib import Path

TASK_LIST_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".csv", ".ods", ".et"}
PLAN_SUFFIXES = {".docx", ".txt", ".doc", ".wps", ".wpt", ".pdf", ".ofd"}


class DropRouting:
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if not self.read_only and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.open_dropped(paths)
        event.acceptProposedAction()

    def open_dropped(self, paths: list[Path]) -> None:
        """Task lists open the task import, plan documents the plan import; workbooks named as
        our fill-in workbooks (…_填报表) and folders go to the returns import."""
        returns = [p for p in paths if p.is_dir() or "填报表" in p.stem]
        if returns:
            self.import_returns(returns)
            return
        for path in paths:
            suffix = path.suffix.lower()
            if suffix in TASK_LIST_SUFFIXES:
                self.import_tasks(path)
                return
            if suffix in PLAN_SUFFIXES:
                self.import_plan(path)
                return
