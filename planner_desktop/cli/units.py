"""``units import``, ``units list`` and ``units alias``: the roster of sections and schools."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planner_desktop.cli.common import Command, opened_ledger

# Handlers import what they run, for start-up speed (see cli/__init__.py).


def cmd_units_import(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.ops.units import commit_roster, preview_roster_file

    path = Path(args.roster).expanduser().resolve()
    with opened_ledger(args) as ledger:
        preview = preview_roster_file(ledger, path)
        counts = commit_roster(ledger, preview, preview.merge_pairs if args.merge else ()).counts
        # The pairs not merged (without --merge): the same unit twice, for the clerk to see.
        left = [{"unit": p.drop, "into": p.keep} for p in preview.merge_pairs
                if (p.drop, p.keep) not in counts.merged]
        return {**counts.to_json(), "merge_pairs": left}


def cmd_units_list(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.store.units import list_groups, list_units

    with opened_ledger(args) as ledger:
        groups = [{"name": g.name, "by": g.by, "values": list(g.values)} for g in list_groups(ledger)]
        return {"units": list_units(ledger), "groups": groups}


def cmd_units_alias(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.store.units import add_alias

    with opened_ledger(args) as ledger:
        return {"alias": args.alias, "unit": add_alias(ledger, args.alias, args.name)}


def register(command: Command, sub: argparse._SubParsersAction) -> None:
    units = sub.add_parser("units", help="单位名册").add_subparsers(dest="units_command",
                                                                   metavar="UNITS_COMMAND")
    roster = command("import", cmd_units_import, "导入单位名册（.xlsx/.xls/.csv）", units)
    roster.add_argument("roster")
    roster.add_argument("--merge", action="store_true",
                        help="把账本中以名册简称命名的单位（如“安全股”）合并到名册中的单位")
    command("list", cmd_units_list, "列出单位", units)
    alias = command("alias", cmd_units_alias, "添加单位简称", units)
    alias.add_argument("alias")
    alias.add_argument("name")
