"""The headless twin of every file operation: ``planner-desktop [--db PATH] COMMAND [--json]``.

With ``--json`` a command prints exactly one JSON object on stdout (messages go to stderr);
it exits 0 on success, 1 on bad input (with ``{"error": …, "file": …, "sheet": …, "row": …,
"column": …}``) and 2 on misuse. The key names are a contract with scripts (DESIGN.md).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from planner_desktop import __version__
from planner_desktop.errors import DamagedLedgerError, Location, UserFixableError
from planner_desktop.files.incoming import file_sha256
from planner_desktop.paths import default_ledger_path, is_portable
from planner_desktop.store.database import Ledger, open_ledger

Handler = Callable[[argparse.Namespace], dict[str, Any]]


class Misuse(Exception):
    """The command was called wrongly (exit status 2)."""


def open_from_args(args: argparse.Namespace) -> Ledger:
    return open_ledger(default_ledger_path(args.db))


@contextlib.contextmanager
def opened_ledger(args: argparse.Namespace) -> Iterator[Ledger]:
    """The ledger ``--db`` names (or the default one), closed when the command is done."""
    ledger = open_from_args(args)
    try:
        yield ledger
    finally:
        ledger.close()


# -- commands ----------------------------------------------------------------------------

def cmd_init(args: argparse.Namespace) -> dict[str, Any]:
    path = default_ledger_path(args.db)
    existed = path.exists() and path.stat().st_size > 0
    ledger = open_ledger(path)
    try:
        return {"db": str(path), "created": not existed, "schema_version": ledger.schema_version}
    finally:
        ledger.close()


def cmd_info(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.store.backup import list_backups
    from planner_desktop.store.schema import latest_schema_version

    with opened_ledger(args) as ledger:
        tables = ("plan", "plan_item", "unit", "assignment", "status_update", "import_batch")
        counts = {t: ledger.db[t].count for t in tables}
        backups = list_backups(ledger.path)
        return {
            "version": __version__,
            "db": str(ledger.path),
            "data_dir": str(ledger.path.parent),
            "portable": is_portable(),
            "schema_version": ledger.schema_version,
            "latest_schema_version": latest_schema_version(),
            "counts": counts,
            "backups": len(backups),
            "last_backup": str(backups[0].path) if backups else None,
        }


def cmd_check(args: argparse.Namespace) -> dict[str, Any]:
    ledger = open_ledger(default_ledger_path(args.db), daily_backup=False)
    try:
        from planner_desktop.store.database import check_integrity

        result = check_integrity(ledger)
        if not result["ok"]:
            raise CheckFailed(result)
        return result
    finally:
        ledger.close()


class CheckFailed(UserFixableError):
    def __init__(self, result: dict[str, Any]) -> None:
        super().__init__("账本检查发现问题：" + "；".join(result["integrity"][:5]
                         + [f"外键错误 {len(result['foreign_key_errors'])} 处"]))
        self.result = result

    def to_json(self) -> dict[str, Any]:
        return {**super().to_json(), **self.result}


def cmd_backup(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.store.backup import take_backup

    with opened_ledger(args) as ledger:
        target = Path(args.to).expanduser().resolve() if args.to else None
        return {"file": str(take_backup(ledger, reason="manual", destination=target))}


def cmd_restore(args: argparse.Namespace) -> dict[str, Any]:
    """Restore a backup; a ledger too damaged to open is moved aside and replaced instead."""
    from planner_desktop.store.restore import restore, restore_in_place_of_damaged

    source = Path(args.path).expanduser().resolve()
    try:
        ledger = open_from_args(args)
    except DamagedLedgerError:
        kept = restore_in_place_of_damaged(default_ledger_path(args.db), source)
        with opened_ledger(args) as ledger:
            return {"restored_from": str(source), "safety_backup": str(kept),
                    "schema_version": ledger.schema_version}
    try:
        safety = restore(ledger, source)
        return {"restored_from": str(source), "safety_backup": str(safety),
                "schema_version": ledger.schema_version}
    finally:
        ledger.close()


def cmd_units_import(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.exchange.roster import read_roster
    from planner_desktop.store.units import import_roster

    path = Path(args.roster).expanduser().resolve()
    units, aliases, groups = read_roster(path)
    with opened_ledger(args) as ledger:
        counts = import_roster(ledger, units, aliases, groups, file_name=path.name,
                               sha256=file_sha256(path))
        return counts.to_json()


def cmd_units_list(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.store.units import list_groups, list_units

    with opened_ledger(args) as ledger:
        groups = [{"name": g.name, "by": g.by, "values": list(g.values)} for g in list_groups(ledger)]
        return {"units": list_units(ledger), "groups": groups}


def cmd_units_alias(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.store.units import add_alias

    with opened_ledger(args) as ledger:
        return {"alias": args.alias, "unit": add_alias(ledger, args.alias, args.name)}


def cmd_items_list(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.ops.ledger_query import ItemQuery, query_items

    with opened_ledger(args) as ledger:
        query = ItemQuery(
            plan_id=args.plan, statuses=args.status or [], units=args.unit or [],
            overdue=args.overdue, due_within=args.due_within, lights=args.light or [],
            search=args.search, as_of=args.as_of,
        )
        views = query_items(ledger, query)
        return {"as_of": (args.as_of or dt.date.today()).isoformat(),
                "items": [v.to_json() for v in views]}


def cmd_plans_list(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.store.plans import list_plans

    with opened_ledger(args) as ledger:
        return {"plans": list_plans(ledger)}


def cmd_demo(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.ops.demo import create_demo_ledger

    with opened_ledger(args) as ledger:
        if ledger.db["plan"].count and not args.force:
            raise UserFixableError("账本中已有计划，演示数据只写入空账本。如确需追加，请加 --force。")
        return create_demo_ledger(ledger).to_json()


def cmd_calendar_import(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.domain.workdays import parse_holiday_schedule
    from planner_desktop.exchange.readers import read_workbook
    from planner_desktop.store.calendar import save_schedule

    path = Path(args.file).expanduser().resolve()
    sheet = next((s for s in read_workbook(path).sheets if s.rows), None)
    if sheet is None:
        raise UserFixableError("节假日安排表是空的。", )
    try:
        holidays, workdays = parse_holiday_schedule(sheet.rows)
    except UserFixableError as exc:
        exc.location.file, exc.location.sheet = path.name, sheet.name
        raise
    with opened_ledger(args) as ledger:
        save_schedule(ledger, holidays, workdays)
        return {"holidays": len(holidays), "workdays": len(workdays)}


def cmd_calendar_show(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.store.calendar import load_calendar

    with opened_ledger(args) as ledger:
        calendar = load_calendar(ledger)
        year = args.year
        days = [dt.date(year, 1, 1) + dt.timedelta(n) for n in range(366)]
        days = [d for d in days if d.year == year]
        return {
            "year": year,
            "source": calendar.source_for_year(year),
            "workdays": sum(calendar.is_workday(d) for d in days),
            "days_off_on_weekdays": [d.isoformat() for d in days
                                     if d.weekday() < 5 and not calendar.is_workday(d)],
            "weekend_workdays": [d.isoformat() for d in days
                                 if d.weekday() >= 5 and calendar.is_workday(d)],
        }


def cmd_import_tasks(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.ops.task_import import commit_task_list, preview_task_list

    path = Path(args.file).expanduser().resolve()
    with opened_ledger(args) as ledger:
        parsed = preview_task_list(ledger, path, year=args.year, title=args.plan, sheet=args.sheet)
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
        if args.new:
            parsed.update_plan_id = None
        if parsed.update_plan_id is not None:
            result["plan_id"] = parsed.update_plan_id
            result["update"] = {"plan_id": parsed.update_plan_id, "title": parsed.update_plan_title,
                                **parsed.update_diff.summary()}
        if not args.dry_run:
            written = commit_task_list(ledger, parsed)
            if parsed.update_plan_id is not None:
                result.update(batch_id=written.batch_id, update={**result["update"], **written.counts})
            else:
                result.update(plan_id=written.plan_id, batch_id=written.batch_id,
                              assignments=written.assignments)
        return result


def cmd_imports_list(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.store.batches import list_batches

    with opened_ledger(args) as ledger:
        return {"batches": [b.__dict__ for b in list_batches(ledger)]}


def cmd_imports_undo(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.store.undo import undo_batch

    with opened_ledger(args) as ledger:
        return {"batch_id": args.id, "removed": undo_batch(ledger, args.id)}


# -- parser ----------------------------------------------------------------------------

def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from exc


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="输出一个 JSON 对象（供脚本使用）")
    parser = argparse.ArgumentParser(
        prog="planner-desktop", parents=[common],
        description="工作要点督办台：不带参数运行时打开图形界面；带子命令时在命令行中执行。",
    )
    parser.add_argument("--db", metavar="PATH", help="账本文件（默认在用户数据文件夹中）")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: Handler, help_text: str, parent=sub) -> argparse.ArgumentParser:
        p = parent.add_parser(name, parents=[common], help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    command("init", cmd_init, "创建或升级账本")
    command("info", cmd_info, "显示账本位置、版本和数量")
    command("check", cmd_check, "检查账本完整性")
    command("backup", cmd_backup, "备份账本").add_argument("--to", metavar="PATH")
    command("restore", cmd_restore, "从备份恢复（先自动备份当前账本）").add_argument("path")
    command("demo", cmd_demo, "写入演示账本").add_argument("--force", action="store_true")

    units = sub.add_parser("units", help="单位名册").add_subparsers(dest="units_command",
                                                                   metavar="UNITS_COMMAND")
    command("import", cmd_units_import, "导入单位名册（.xlsx/.xls/.csv）", units).add_argument(
        "roster")
    command("list", cmd_units_list, "列出单位", units)
    alias = command("alias", cmd_units_alias, "添加单位简称", units)
    alias.add_argument("alias")
    alias.add_argument("name")

    tasks = command("import-tasks", cmd_import_tasks, "导入任务分解表（.xlsx/.xls/.csv/.ods）")
    tasks.add_argument("file")
    tasks.add_argument("--plan", metavar="标题", help="计划标题（默认取表格标题）")
    tasks.add_argument("--year", type=int, metavar="YYYY", help="计划年度（默认从标题中识别）")
    tasks.add_argument("--sheet", metavar="工作表")
    tasks.add_argument("--dry-run", action="store_true", help="只预览，不写入账本")
    tasks.add_argument("--new", action="store_true",
                       help="作为新计划导入（默认：同名文件或同名计划的修订版会更新原计划）")

    imports = sub.add_parser("imports", help="导入批次").add_subparsers(dest="imports_command")
    command("list", cmd_imports_list, "列出导入批次", imports)
    command("undo", cmd_imports_undo, "撤销一个导入批次", imports).add_argument("id", type=int)

    plans = sub.add_parser("plans", help="计划").add_subparsers(dest="plans_command")
    command("list", cmd_plans_list, "列出计划", plans)

    items = sub.add_parser("items", help="要点/任务").add_subparsers(dest="items_command")
    listing = command("list", cmd_items_list, "列出要点（可筛选）", items)
    listing.add_argument("--plan", type=int, metavar="ID")
    listing.add_argument("--status", action="append", metavar="状态")
    listing.add_argument("--unit", action="append", metavar="单位")
    listing.add_argument("--overdue", action="store_true")
    listing.add_argument("--due-within", type=int, metavar="N", help="N 个工作日内到期")
    listing.add_argument("--light", action="append", choices=["red", "yellow", "green", "blue"])
    listing.add_argument("--search", metavar="TEXT")
    listing.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD")

    calendar = sub.add_parser("calendar", help="节假日安排").add_subparsers(dest="calendar_command")
    command("import", cmd_calendar_import, "导入节假日与调休安排表", calendar).add_argument("file")
    command("show", cmd_calendar_show, "显示某年的工作日情况", calendar).add_argument(
        "--year", type=int, default=dt.date.today().year)

    from planner_desktop.cli_commands import register_all

    register_all(command, sub)
    return parser


def print_human(result: dict[str, Any]) -> None:
    for key, value in result.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            print(f"{key}:")
            for row in value:
                print("  " + "  ".join(f"{v}" for v in row.values() if v not in (None, "", [])))
        elif isinstance(value, (list, dict)):
            print(f"{key}: {json.dumps(value, ensure_ascii=False)}")
        else:
            print(f"{key}: {value}")


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    as_json = getattr(args, "json", False)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        result = handler(args)
    except UserFixableError as exc:
        if as_json:
            print_to_reader(functools.partial(print, json.dumps(exc.to_json(), ensure_ascii=False)))
        print(f"错误：{exc.full_message()}", file=sys.stderr)
        return 1
    if as_json:
        print_to_reader(functools.partial(print, json.dumps(result, ensure_ascii=False, default=str)))
    else:
        print_to_reader(functools.partial(print_human, result))
    return 0


def print_to_reader(write: Callable[[], None]) -> None:
    """Print the answer; a reader that stopped early (``| head``) is no error of ours, and the
    work is done by then: no traceback, and the interpreter's final flush is kept quiet."""
    try:
        write()
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
