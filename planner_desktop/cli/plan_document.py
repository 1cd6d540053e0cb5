"""``import-plan``: a work plan document (工作要点) into plan items, headless.

It goes through ``planner_desktop.ops.plan_import`` exactly as the 导入工作要点 dialog does, so a
script gets the same proposed tree; the JSON keys are fixed in DESIGN.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from planner_desktop.cli.common import Command, add_target_arguments, opened_ledger
from planner_desktop.errors import Location, UserFixableError
from planner_desktop.i18n import tr

# Handlers import what they run, for start-up speed (see cli/__init__.py).


def cmd_import_plan(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.ops.plan_import import (
        commit_plan_document,
        confirm_all_suggestions,
        preview_plan_document,
        retarget_plan_document,
    )
    from planner_desktop.ops.plan_target import target_json

    with opened_ledger(args) as ledger:
        if args.file == "-":
            preview = preview_plan_document(ledger, text=sys.stdin.read(), year=args.year,
                                            title=args.title)
        else:
            path = Path(args.file).expanduser().resolve()
            preview = preview_plan_document(ledger, path, year=args.year, title=args.title)
        if args.whole:
            preview.use_plan_part(False)
        if args.accept_suggestions:
            confirm_all_suggestions(preview)
        result = preview.to_json()
        result["warnings"] = preview.warnings
        result["dry_run"] = bool(args.dry_run)
        if preview.already_imported_batch is not None:
            result["already_imported_batch"] = preview.already_imported_batch
            if not args.dry_run:
                raise UserFixableError(
                    tr("这个文件已经导入过（导入批次 {batch}），没有重复导入。如需重新导入，请先撤销该批次。")
                    .format(batch=preview.already_imported_batch), Location(file=preview.name))
        if not preview.outline.count():
            raise UserFixableError(tr("没有找到带编号的要点（一、（一）1. 等），没有导入。"
                                      "请确认选对了文件。"), Location(file=preview.name))
        if preview.already_imported_batch is None and (args.new or args.plan is not None
                                                          or args.whole or args.accept_suggestions):
            # Lined up again with the tree as it now stands (or with the plan named).
            retarget_plan_document(ledger, preview, None if args.new
                                   else args.plan if args.plan is not None else preview.target.plan_id)
        result.update(target_json(preview.target, result["title"], result["items"]),
                      plan_id=preview.target.plan_id, matching_plans=preview.targets.matching)
        if not args.dry_run:
            created = commit_plan_document(ledger, preview)
            result.update(plan_id=created.plan_id, batch_id=created.batch_id,
                          assignments=created.assignments, unknown_units=created.unknown_units)
            if preview.target.plan_id is None:
                result["plan"]["id"] = created.plan_id
        return result


def register(command: Command, sub: argparse._SubParsersAction) -> None:
    plan = command("import-plan", cmd_import_plan,
                   "导入工作要点文档（.docx/.txt，或 - 从标准输入读取文本）")
    plan.add_argument("file", metavar="FILE")
    plan.add_argument("--year", type=int, metavar="YYYY", help="计划年度（默认从标题中识别）")
    add_target_arguments(plan)
    plan.add_argument("--title", metavar="标题", help="计划标题（默认取文档标题）")
    plan.add_argument("--dry-run", action="store_true", help="只预览，不写入账本")
    plan.add_argument("--whole", action="store_true",
                      help="总结加计划的文档：导入全文（默认只导入计划部分）")
    plan.add_argument("--accept-suggestions", action="store_true",
                      help="采纳按关键词建议的牵头股室（默认只列出，不写入）")
