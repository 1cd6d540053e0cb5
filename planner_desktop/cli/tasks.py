"""``import-tasks`` and ``imports list`` / ``imports undo``: task lists in, and the import history.

``import-tasks`` goes through ``planner_desktop.ops.task_import`` exactly as the 导入任务表
dialog does; the JSON keys are fixed in DESIGN.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planner_desktop.cli.common import Command, add_target_arguments, opened_ledger
from planner_desktop.errors import Location, UserFixableError

# Handlers import what they run, for start-up speed (see cli/__init__.py).


def cmd_import_tasks(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.ops.plan_target import target_json
    from planner_desktop.ops.task_import import commit_task_list, preview_task_list, retarget_task_list

    path = Path(args.file).expanduser().resolve()
    with opened_ledger(args) as ledger:
        parsed = preview_task_list(ledger, path, year=args.year, title=args.title, sheet=args.sheet)
        preview = parsed.preview
        result: dict[str, Any] = {
            "plan_id": None,
            "top_level": len(preview.plan.items),
            "items": preview.plan.count_items(),
            "leaf_items": preview.plan.count_leaves(),
            "assignments": preview.count_assignments(),
            "unknown_units": parsed.unknown_units,
            "deadlines_parsed": preview.count_deadlines_parsed(),
            "warnings": [w.to_json() for w in preview.warnings],
            "title": preview.plan.title,
            "year": preview.plan.year,
            "skipped_sheets": preview.skipped_sheets,
        }
        if parsed.already_imported_batch is not None:
            result["already_imported_batch"] = parsed.already_imported_batch
            if not args.dry_run:
                batch = parsed.already_imported_batch
                raise UserFixableError(
                    f"这个文件已经导入过（导入批次 {batch}），没有重复导入。如需重新导入，请先撤销该批次。",
                    Location(file=path.name))
        if args.new or args.plan is not None:
            retarget_task_list(ledger, parsed, None if args.new else args.plan)
        result.update(target_json(parsed.target, preview.plan.title, preview.plan.count_items()),
                      plan_id=parsed.target.plan_id,
                      matching_plans=parsed.targets.matching)
        if parsed.revises_target:
            result["update"] = {"plan_id": parsed.update_plan_id, "title": parsed.update_plan_title,
                                **parsed.update_diff.summary()}
        if not args.dry_run:
            written = commit_task_list(ledger, parsed)
            result.update(plan_id=written.plan_id, batch_id=written.batch_id)
            if parsed.revises_target:
                result["update"] = {**result["update"], **written.counts}
            elif parsed.target.plan_id is not None:
                result.update(assignments=written.assignments, unknown_units=written.unknown_units)
            else:
                result["plan"]["id"] = written.plan_id
                result.update(assignments=written.assignments)
        return result


def cmd_imports_list(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.store.batches import list_batches

    with opened_ledger(args) as ledger:
        return {"batches": [b.__dict__ for b in list_batches(ledger)]}


def cmd_imports_undo(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.store.undo import undo_batch

    with opened_ledger(args) as ledger:
        return {"batch_id": args.id, "removed": undo_batch(ledger, args.id)}


def register(command: Command, sub: argparse._SubParsersAction) -> None:
    tasks = command("import-tasks", cmd_import_tasks, "导入任务分解表（.xlsx/.xls/.csv/.ods）")
    tasks.add_argument("file")
    add_target_arguments(tasks)
    tasks.add_argument("--title", metavar="标题", help="新计划的标题（默认取表格标题）")
    tasks.add_argument("--year", type=int, metavar="YYYY", help="计划年度（默认从标题中识别）")
    tasks.add_argument("--sheet", metavar="工作表")
    tasks.add_argument("--dry-run", action="store_true", help="只预览，不写入账本")

    imports = sub.add_parser("imports", help="导入批次").add_subparsers(dest="imports_command")
    command("list", cmd_imports_list, "列出导入批次", imports)
    command("undo", cmd_imports_undo, "撤销一个导入批次", imports).add_argument("id", type=int)
