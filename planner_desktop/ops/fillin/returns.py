"""Reading returned workbooks into a preview: files found, read, and matched; nothing written."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from planner_desktop.domain.report_periods import ReportPeriod, period_for
from planner_desktop.errors import FileReadError
from planner_desktop.exchange.fillin_reader import (
    ReturnedWorkbook,
    read_returned_workbook,
)
from planner_desktop.ops.fillin.matching import Matcher
from planner_desktop.ops.fillin.previews import ReturnsPreview
from planner_desktop.ops.progress import Progress
from planner_desktop.store.database import Ledger

RETURN_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".et")


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named, and the spreadsheets inside folders named (recursively), each once.

    Office lock files (``~$x.xlsx``) and our own temporary files (``.~…``) are left out.
    """
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file()
                                and p.suffix.lower() in RETURN_SUFFIXES
                                and not p.name.startswith(("~$", ".~"))))
        else:
            found.append(path)
    return list(dict.fromkeys(p.resolve() for p in found))


def preview_returns(ledger: Ledger, paths: Iterable[Path], *, period: str | None = None,
                    plan_id: int | None = None, on_progress: Progress | None = None
                    ) -> ReturnsPreview:
    """Read and match every returned file; nothing is written.

    The period being collected is ``period`` if given, else the one most returned files are
    for; a file for another period (or, with ``plan_id``, another plan) is left out with a
    warning, as is a file imported before. Raises the read error when no file could be read.
    """
    files = expand_paths(paths)
    # Read in this process: in worker processes the rows' way back (pickled, ~27 kB a file)
    # costs as much as the reading saves on two cores (measured: bench/exchange.py).
    read: list[tuple[Path, ReturnedWorkbook | FileReadError]] = []
    for n, path in enumerate(files, start=1):
        try:
            read.append((path, read_returned_workbook(path)))
        except FileReadError as exc:
            read.append((path, exc))
        if on_progress is not None:
            on_progress(n, len(files) * 2)
    readable = [r for _, r in read if isinstance(r, ReturnedWorkbook)]
    if read and not readable:
        raise read[0][1]
    expected = period_for(period) if period else _common_period(readable)
    matcher = Matcher(ledger, expected, plan_id)
    previews = []
    for n, (path, workbook) in enumerate(read, start=len(files) + 1):
        previews.append(matcher.file(path, workbook))
        if on_progress is not None:
            on_progress(n, len(files) * 2)
    return ReturnsPreview(previews, expected)


def _common_period(workbooks: list[ReturnedWorkbook]) -> ReportPeriod | None:
    keys = Counter(w.meta.period_key for w in workbooks if w.meta is not None)
    return period_for(keys.most_common(1)[0][0]) if keys else None
