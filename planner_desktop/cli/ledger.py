"""``init``, ``info``, ``check``, ``backup`` and ``restore``: the ledger file itself.

What these run is loaded with ``store.database`` anyway, so it is imported at the top.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planner_desktop import __version__
from planner_desktop.cli.common import Command, open_from_args, opened_ledger
from planner_desktop.errors import DamagedLedgerError, UserFixableError
from planner_desktop.paths import default_ledger_path, is_portable
from planner_desktop.store.backup import list_backups, take_backup
from planner_desktop.store.database import check_integrity, open_ledger
from planner_desktop.store.restore import restore, restore_in_place_of_damaged
from planner_desktop.store.schema import latest_schema_version


def cmd_init(args: argparse.Namespace) -> dict[str, Any]:
    path = default_ledger_path(args.db)
    existed = path.exists() and path.stat().st_size > 0
    ledger = open_ledger(path)
    try:
        return {"db": str(path), "created": not existed, "schema_version": ledger.schema_version}
    finally:
        ledger.close()


def cmd_info(args: argparse.Namespace) -> dict[str, Any]:
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
    with opened_ledger(args) as ledger:
        target = Path(args.to).expanduser().resolve() if args.to else None
        return {"file": str(take_backup(ledger, reason="manual", destination=target))}


def cmd_restore(args: argparse.Namespace) -> dict[str, Any]:
    """Restore a backup; a ledger too damaged to open is moved aside and replaced instead."""
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


def register(command: Command, sub: argparse._SubParsersAction) -> None:
    command("init", cmd_init, "创建或升级账本")
    command("info", cmd_info, "显示账本位置、版本和数量")
    command("check", cmd_check, "检查账本完整性")
    command("backup", cmd_backup, "备份账本").add_argument("--to", metavar="PATH")
    command("restore", cmd_restore, "从备份恢复（先自动备份当前账本）").add_argument("path")
