"""``export-fillin``, ``import-returns`` and ``not-reported``: the fill-in round trip, headless.

Each goes through ``planner_desktop.ops.fillin`` exactly as the dialogs do, so a script gets the
same files, the same preview and the same result as the clerk.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planner_desktop.cli.common import Command, iso_date, opened_ledger
from planner_desktop.errors import UserFixableError
from planner_desktop.i18n import tr

# Handlers import what they run, for start-up speed (see cli/__init__.py).


def _unit_ids(ledger, plan_id: int, names: list[str] | None, kinds: list[str] | None) -> list[int] | None:
    """The units named (full names, short names or aliases) and/or of the kinds given."""
    from planner_desktop.ops.fillin.export import plan_units_for_export
    from planner_desktop.store.fillin import find_unit

    if not names and not kinds:
        return None
    units = plan_units_for_export(ledger, plan_id)
    chosen = [u.unit_id for u in units if kinds and u.kind in kinds]
    for name in names or []:
        found = find_unit(ledger, name)
        if found is None:
            raise UserFixableError(tr("单位“{name}”不在单位名册中（可用 units list 查看）。")
                                   .format(name=name))
        if found[0] not in {u.unit_id for u in units}:
            raise UserFixableError(tr("“{name}”在这个计划中没有任务。").format(name=found[1]))
        chosen.append(found[0])
    return list(dict.fromkeys(chosen))


def cmd_export_fillin(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.ops.fillin.export import export_fillin

    with opened_ledger(args) as ledger:
        unit_ids = _unit_ids(ledger, args.plan, args.units, args.kind)
        result = export_fillin(ledger, args.plan, args.period, Path(args.out).expanduser(),
                               unit_ids=unit_ids, per_unit=not args.combined_only,
                               combined=args.combined or args.combined_only, zip_files=args.zip,
                               report_by=args.report_by)
        return result.to_json()


def cmd_import_returns(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.domain.returns import Side
    from planner_desktop.ops.fillin.commit import choose_side, commit_returns
    from planner_desktop.ops.fillin.returns import preview_returns

    with opened_ledger(args) as ledger:
        preview = preview_returns(ledger, [Path(p).expanduser() for p in args.paths],
                                  period=args.period, plan_id=args.plan)
        if args.prefer == "file":
            for _, row in [*preview.conflicts(), *preview.figure_conflicts()]:
                choose_side(row, Side.FILE)
        batches = {} if args.dry_run else commit_returns(ledger, preview)
        result = preview.to_json(batches)
        result["dry_run"] = bool(args.dry_run)
        return result


def cmd_not_reported(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.ops.fillin.reminders import reminder_list, write_reminder_list

    with opened_ledger(args) as ledger:
        reminders = reminder_list(ledger, args.plan, args.period)
        result: dict[str, Any] = reminders.to_json()
        if args.xlsx:
            path = Path(args.xlsx).expanduser()
            write_reminder_list(path, reminders)
            result["files"] = [str(path)]
        return result


def register(command: Command, sub: argparse._SubParsersAction) -> None:
    export = command("export-fillin", cmd_export_fillin, "导出各单位填报表（每个单位一个 .xlsx）")
    export.add_argument("--plan", type=int, required=True, metavar="ID", help="计划编号（plans list）")
    export.add_argument("--period", required=True, metavar="周期",
                        help="报送周期，如 2023年第3季度、2023年10月、2023-Q3")
    export.add_argument("--out", required=True, metavar="DIR", help="保存到的文件夹")
    export.add_argument("--units", nargs="+", metavar="单位", help="只导出这些单位（默认全部）")
    export.add_argument("--kind", action="append", choices=["股室", "学校"], help="只导出这一类单位")
    export.add_argument("--combined", action="store_true", help="另外生成一个合并的工作簿（每单位一张表）")
    export.add_argument("--combined-only", action="store_true", help="只生成合并的工作簿")
    export.add_argument("--zip", action="store_true", help="另外打包成一个 .zip")
    export.add_argument("--report-by", type=iso_date, metavar="YYYY-MM-DD", help="要求报送的日期")

    returns = command("import-returns", cmd_import_returns,
                      "导入回收的填报表（文件或文件夹，可多个）")
    returns.add_argument("paths", nargs="+", metavar="PATH")
    returns.add_argument("--period", metavar="周期", help="本次收集的报送周期（默认按文件识别）")
    returns.add_argument("--plan", type=int, metavar="ID", help="只导入这个计划的填报表")
    returns.add_argument("--dry-run", action="store_true", help="只预览，不写入账本")
    returns.add_argument("--prefer", choices=["ledger", "file"], default="ledger",
                         help="导出后账本中又修改过的任务：保留账本（默认）或采用回收表")

    silent = command("not-reported", cmd_not_reported, "未报送单位（催报名单）")
    silent.add_argument("--plan", type=int, required=True, metavar="ID")
    silent.add_argument("--period", required=True, metavar="周期")
    silent.add_argument("--xlsx", metavar="FILE", help="把催报名单保存为 .xlsx")
