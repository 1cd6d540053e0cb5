"""``demo``: the demo ledger, written into an empty one."""

from __future__ import annotations

import argparse
from typing import Any

from planner_desktop.cli.common import Command, opened_ledger
from planner_desktop.errors import UserFixableError


def cmd_demo(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.ops.demo import create_demo_ledger  # start-up speed (see cli/__init__.py)

    with opened_ledger(args) as ledger:
        if ledger.db["plan"].count and not args.force:
            raise UserFixableError("账本中已有计划，演示数据只写入空账本。如确需追加，请加 --force。")
        return create_demo_ledger(ledger).to_json()


def register(command: Command, sub: argparse._SubParsersAction) -> None:
    command("demo", cmd_demo, "写入演示账本").add_argument("--force", action="store_true")
