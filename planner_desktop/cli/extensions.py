"""``extend --item ID --unit U --to D --reason R --approver A [--approved-on D] [--requested-on D]``:
延期 as the detail pane's 延期… records it (``ops/editing.py``).

With ``--json`` it prints ``extension_id``, ``assignment_id``, ``old_due``, ``new_due``,
``reason``, ``approver``, ``approved_on``, ``requested_on``. Without a reason or an approver,
or an item not assigned to the unit, it is bad input (exit 1) and the ledger is unchanged.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from planner_desktop.cli.common import Command, iso_date, opened_ledger


def cmd_extend(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.ops import editing

    approved_on = args.approved_on or dt.date.today()
    with opened_ledger(args) as ledger:
        assignment_id = editing.assignment_of(ledger, args.item, args.unit)
        result = editing.grant_extension(ledger, assignment_id, args.to, args.reason,
                                         approver=args.approver, approved_on=approved_on,
                                         requested_on=args.requested_on)
        _, extension_id = result.value
        row = editing.extension_record(ledger, extension_id)
    return {"extension_id": extension_id, "assignment_id": assignment_id,
            **{k: row[k] for k in ("old_due", "new_due", "reason", "approver", "approved_on",
                                   "requested_on")}}


def register(command: Command, sub: argparse._SubParsersAction) -> None:
    p = command("extend", cmd_extend, "延期：记录某单位某项任务的新时限、理由和审批")
    p.add_argument("--item", type=int, required=True, metavar="ID", help="要点编号（见 items list）")
    p.add_argument("--unit", required=True, metavar="单位", help="承办单位（名称或简称）")
    p.add_argument("--to", type=iso_date, required=True, metavar="YYYY-MM-DD", help="延期后的完成时限")
    p.add_argument("--reason", default="", metavar="理由", help="延期理由（必填）")
    p.add_argument("--approver", default="", metavar="审批人", help="审批人（必填）")
    p.add_argument("--approved-on", type=iso_date, metavar="YYYY-MM-DD", help="审批日期（默认今天）")
    p.add_argument("--requested-on", type=iso_date, metavar="YYYY-MM-DD", help="申请日期")
