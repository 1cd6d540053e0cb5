"""``plans list`` and ``items list``: what the ledger holds, filtered as the ledger view filters."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from planner_desktop.cli.common import Command, iso_date, opened_ledger

# Handlers import what they run, for start-up speed (see cli/__init__.py).


def cmd_plans_list(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.store.plans import list_plans

    with opened_ledger(args) as ledger:
        return {"plans": list_plans(ledger)}


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


def register(command: Command, sub: argparse._SubParsersAction) -> None:
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
