"""``units import``, ``units list`` and ``units alias``: the roster of sections and schools."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planner_desktop.cli.common import Command, opened_ledger
from planner_desktop.files.incoming import file_sha256

# Handlers import what they run, for start-up speed (see cli/__init__.py).


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


def register(command: Command, sub: argparse._SubParsersAction) -> None:
    units = sub.add_parser("units", help="单位名册").add_subparsers(dest="units_command",
                                                                   metavar="UNITS_COMMAND")
    command("import", cmd_units_import, "导入单位名册（.xlsx/.xls/.csv）", units).add_argument(
        "roster")
    command("list", cmd_units_list, "列出单位", units)
    alias = command("alias", cmd_units_alias, "添加单位简称", units)
    alias.add_argument("alias")
    alias.add_argument("name")
