"""Writing the fill-in workbooks of a plan and period, one per unit, and recording the export."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from planner_desktop.domain.fillin import FillinExport, FillinSheet, targets_to_report
from planner_desktop.domain.report_periods import ReportPeriod, period_for
from planner_desktop.errors import UserFixableError
from planner_desktop.exchange.fillin_layout import (
    combined_file_name,
    unit_file_name,
    zip_file_name,
)
from planner_desktop.exchange.fillin_writer import (
    write_combined_workbook,
    write_unit_workbooks,
    write_zip,
)
from planner_desktop.i18n import tr
from planner_desktop.ops.changes import Changes
from planner_desktop.ops.progress import Progress
from planner_desktop.ops.workers import run_batches
from planner_desktop.store.database import Ledger
from planner_desktop.store.fillin import (
    ExportRecord,
    PlanUnit,
    fetch_fillin_sheets,
    plan_title,
    plan_units,
    record_exports,
)
from planner_desktop.store.targets import tracked_targets


@dataclass
class ExportResult:
    files: list[Path]
    units: int
    rows: int
    period: ReportPeriod
    targets: int = 0  # 量化指标 rows asked for, over all units
    # The export is recorded: these units are now expected to report for the period.
    changes: Changes = field(default=Changes(exports=True), repr=False)

    def to_json(self) -> dict:
        return {"files": [str(p) for p in self.files], "units": self.units, "rows": self.rows,
                "targets": self.targets, "period": self.period.key,
                "period_label": self.period.label}


def export_fillin(ledger: Ledger, plan_id: int, period: str | ReportPeriod, out_dir: Path, *,
                  unit_ids: list[int] | None = None, per_unit: bool = True, combined: bool = False,
                  zip_files: bool = False, report_by: dt.date | None = None,
                  item_ids: frozenset[int] | None = None,
                  on_progress: Progress | None = None) -> ExportResult:
    """Write the fill-in workbooks for ``period`` into ``out_dir`` and record the export.

    Units without assignments in the plan (or in ``item_ids``, the items of a saved view)
    are left out. The export is recorded (for the 未报送 list) only after every file was
    written.
    """
    report_period = period_for(period) if isinstance(period, str) else period
    title, _ = plan_title(ledger, plan_id)
    sheets = [s for s in fetch_fillin_sheets(ledger, plan_id, unit_ids, item_ids) if s.rows]
    if not sheets:
        raise UserFixableError(tr("所选单位在这个计划中没有任务，没有可导出的填报表。"))
    exported_at = dt.datetime.now().replace(microsecond=0)
    targets = tracked_targets(ledger, plan_id=plan_id)
    for sheet in sheets:
        sheet.token = uuid.uuid4().hex[:16]
        sheet.targets = targets_to_report(sheet, targets)
    export = FillinExport(plan_id, title, report_period, exported_at, sheets, report_by)
    out_dir = Path(out_dir)
    total = len(sheets) * per_unit + combined + (zip_files and per_unit)
    done = 0

    def wrote() -> None:
        nonlocal done
        done += 1
        if on_progress is not None:
            on_progress(done, total)

    files: list[Path] = []
    records: list[ExportRecord] = []
    if per_unit:
        jobs = [(out_dir / unit_file_name(report_period.label, s.unit_name), s) for s in sheets]
        for _path in write_unit_files(export, jobs):  # in any order when written in parallel
            wrote()
        files = [path for path, _ in jobs]
        records = [ExportRecord(s.unit_id, path.name, s.token, len(s.rows)) for path, s in jobs]
    if combined:
        path = out_dir / combined_file_name(report_period.label)
        write_combined_workbook(path, export)
        if not per_unit:
            records = [ExportRecord(s.unit_id, path.name, s.token, len(s.rows)) for s in sheets]
        files.append(path)
        wrote()
    if zip_files and per_unit:
        path = out_dir / zip_file_name(report_period.label)
        write_zip(path, files[: len(sheets)])
        files.append(path)
        wrote()
    record_exports(ledger, plan_id, report_period.key, exported_at, records)
    return ExportResult(files, len(sheets), export.row_count, report_period, export.target_count)


def plan_units_for_export(ledger: Ledger, plan_id: int, item_ids: frozenset[int] | None = None
                          ) -> list[PlanUnit]:
    """The units with assignments in the plan (or in ``item_ids``), sections first: what the
    export dialog lists."""
    plan_title(ledger, plan_id)  # a clear error for a plan that does not exist
    return plan_units(ledger, plan_id, item_ids)


def write_unit_files(export: FillinExport, jobs: list[tuple[Path, FillinSheet]]) -> Iterator[Path]:
    """Write the units' workbooks (in worker processes when there are many: ``workers.py``),
    yielding each path when written."""
    shared = dataclasses.replace(export, sheets=[])  # each batch carries only its own units
    for _start, paths in run_batches(write_unit_workbooks, shared, jobs):
        yield from paths
