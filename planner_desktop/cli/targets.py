"""``targets list|set|add|report-value``: the plan's 量化指标 and the figures reached.

``list`` prints each target with its item number, phrase, figure wanted, comparator,
measure word, who reports it, the latest figure and its period, and its state (已达成 /
未达成 / 待填报 / 待定). ``set`` corrects one, fills a placeholder (``--figure``), sets a
false one aside (``--remove``) or takes it back (``--restore``); ``add`` adds one the
parser missed; ``report-value`` records a figure reached for a period. A figure that is not
a number, or negative, is bad input (exit 1) and nothing is written.
"""

from __future__ import annotations

import argparse
from typing import Any

from planner_desktop.cli.common import Command, opened_ledger


def cmd_targets_list(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.ops.targets import list_targets

    with opened_ledger(args) as ledger:
        found = list_targets(ledger, plan_id=args.plan, item_id=args.item, state=args.state,
                             include_removed=args.all)
    rows = [t.to_json() for t in found]
    states: dict[str, int] = {}
    for row in rows:
        states[row["state"]] = states.get(row["state"], 0) + 1
    return {"targets": rows, "count": len(rows), "states": states}


def _answer(ledger, target_id: int) -> dict[str, Any]:
    from planner_desktop.ops.targets import list_targets

    found = [t for t in list_targets(ledger, include_removed=True) if t.target.id == target_id]
    return found[0].to_json()


def cmd_targets_set(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.ops.targets import edit_target

    with opened_ledger(args) as ledger:
        edit_target(ledger, args.id, text=args.text, figure=args.figure, measure=args.measure,
                    comparator=args.comparator, reporter=args.reporter, remove=args.remove,
                    restore=args.restore)
        return {"target": _answer(ledger, args.id)}


def cmd_targets_add(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.ops.targets import add_target

    with opened_ledger(args) as ledger:
        made = add_target(ledger, args.item, args.text, figure=args.figure, measure=args.measure,
                          comparator=args.comparator, reporter=args.reporter)
        return {"target": _answer(ledger, made.value)}


def cmd_targets_report(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.ops.targets import report_value

    with opened_ledger(args) as ledger:
        made = report_value(ledger, args.id, args.period, args.figure, note=args.note or "", unit=args.unit)
        return {"figure_id": made.value, "target": _answer(ledger, args.id)}


def _fields(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--figure", metavar="N", help="目标值（填写占位符 x个、X% 时也用它）")
    parser.add_argument("--measure", metavar="单位", help="计量单位：所、%、个、万元 …")
    parser.add_argument("--comparator", metavar="比较", help=">=（不少于）、<=（不超过）或 =（等于）")
    parser.add_argument("--reporter", metavar="单位", help="填报单位（默认为要点的牵头单位）")


def register(command: Command, sub: argparse._SubParsersAction) -> None:
    targets = command("targets", lambda _a: {}, "量化指标：查看、修改、填报完成值")
    inner = targets.add_subparsers(dest="targets_command", metavar="ACTION", required=True)
    listing = command("list", cmd_targets_list, "列出量化指标及其完成值和状态", inner)
    listing.add_argument("--plan", type=int, metavar="ID", help="只列这个计划的指标")
    listing.add_argument("--item", type=int, metavar="ID", help="只列这个要点的指标")
    listing.add_argument("--state", metavar="状态", help="已达成、未达成、待填报 或 待定")
    listing.add_argument("--all", action="store_true", help="连同已移除的指标")
    setting = command("set", cmd_targets_set, "修改、填写、移除或恢复一个量化指标", inner)
    setting.add_argument("id", type=int, metavar="ID", help="指标编号（见 targets list）")
    setting.add_argument("--text", metavar="文字", help="指标内容，如 学前三年毛入园率达85%")
    _fields(setting)
    gone = setting.add_mutually_exclusive_group()
    gone.add_argument("--remove", action="store_true", help="这不是指标：移除（可恢复）")
    gone.add_argument("--restore", action="store_true", help="恢复已移除的指标")
    adding = command("add", cmd_targets_add, "为要点添加一个解析时漏掉的量化指标", inner)
    adding.add_argument("--item", type=int, required=True, metavar="ID", help="要点编号")
    adding.add_argument("--text", required=True, metavar="文字", help="指标内容，如 新增公办学位1260个")
    _fields(adding)
    report = command("report-value", cmd_targets_report, "登记一个量化指标某报送周期的完成值", inner)
    report.add_argument("id", type=int, metavar="ID", help="指标编号（见 targets list）")
    report.add_argument("--period", required=True, metavar="周期", help="报送周期，如 2025-H1、2025-06、2025")
    report.add_argument("--figure", required=True, metavar="N", help="完成值（数字）")
    report.add_argument("--note", metavar="说明", help="说明，如未达成的原因")
    report.add_argument("--unit", metavar="单位", help="填报单位（默认为指标的填报单位）")
