"""``slips issue|list|answer`` and ``reminders``: 督办单 and 催办通知 from the command line.

The same papers as the 督办 menu (``printing/slip_files.py``). ``slips issue --json`` prints
``slips`` (each ``number``, ``item``, ``unit``, ``due``, ``kind`` …), ``count``, ``units``,
``files`` and ``no_contact`` (units sent a slip without contact details); ``reminders``
prints ``notices``, ``count``, ``units``, ``files`` and, with ``--text``, the chat-group
``text``. Nothing to issue, an unknown unit or a folder that cannot be written is bad input
(exit 1), and then no file is written and nothing recorded.
"""

from __future__ import annotations

import argparse
from typing import Any

from planner_desktop.cli.common import Command, iso_date, opened_ledger


def cmd_issue(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.errors import UserFixableError
    from planner_desktop.i18n import tr
    from planner_desktop.ops.slips import parse_lights
    from planner_desktop.printing.slip_files import issue_slips

    if bool(args.items) == bool(args.light):
        raise UserFixableError(tr("请用 --items 指定事项，或用 --light 指定督办灯（二者选一）。"))
    item_ids = None
    if args.items:
        try:
            item_ids = [int(i) for i in args.items.replace("，", ",").split(",") if i.strip()]
        except ValueError as exc:
            raise UserFixableError(tr("--items 应是用逗号分隔的事项编号（见 items list）。")) from exc
    with opened_ledger(args) as ledger:
        issued = issue_slips(ledger, args.out, item_ids=item_ids,
                             lights=parse_lights(args.light) if args.light else None, unit=args.unit,
                             requirement=args.requirement, formats=args.format.split(","),
                             one_pdf=args.one_pdf, today=args.as_of)
    return issued.to_json()


def cmd_list(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.ops.slips import slips_of_year

    with opened_ledger(args) as ledger:
        return {"slips": [s.to_json() for s in slips_of_year(ledger, args.year)]}


def cmd_answer(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.ops.slips import answer_slip, slip_by_reference

    with opened_ledger(args) as ledger:
        slip = slip_by_reference(ledger, number=args.number, slip_id=args.id)
        answer_slip(ledger, slip.id, args.text, close=args.close)
        return slip_by_reference(ledger, slip_id=slip.id).to_json()


def cmd_reminders(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.errors import UserFixableError
    from planner_desktop.i18n import tr
    from planner_desktop.printing.slip_files import issue_notices
    from planner_desktop.store.plans import list_plans

    with opened_ledger(args) as ledger:
        plan_id = args.plan
        if plan_id is None:
            plans = list_plans(ledger)
            if not plans:
                raise UserFixableError(tr("账本中还没有计划。"))
            plan_id = max(p["id"] for p in plans)
        issued = issue_notices(ledger, args.out, plan_id, args.period, new_due=args.due,
                               formats=args.format.split(","), text_file=args.text, today=args.as_of)
    answer = issued.to_json()
    if args.text:
        answer["text"] = issued.text
    return answer


def register(command: Command, sub: argparse._SubParsersAction) -> None:
    slips = command("slips", lambda _a: {}, "督办单：签发、查看、登记办理情况")
    inner = slips.add_subparsers(dest="slips_command", metavar="ACTION", required=True)
    issue = command("issue", cmd_issue, "按事项或督办灯签发督办单（每个事项每个责任单位一份）", inner)
    issue.add_argument("--items", metavar="ID,…", help="事项编号（见 items list）")
    issue.add_argument("--light", metavar="red,yellow", help="按督办灯选事项：red（红）、yellow（黄）")
    issue.add_argument("--unit", metavar="单位", help="只发给这个单位")
    issue.add_argument("--requirement", metavar="TEXT", help="督办要求（默认按督办灯）")
    issue.add_argument("--one-pdf", action="store_true", help="所有督办单合成一个 PDF（便于打印）")
    issue.add_argument("--format", default="docx,pdf", metavar="docx,pdf", help="文件格式")
    issue.add_argument("--out", required=True, metavar="DIR", help="保存的文件夹")
    issue.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD", help="签发日期（默认今天）")
    listing = command("list", cmd_list, "列出已签发的督办单", inner)
    listing.add_argument("--year", type=int, metavar="Y", help="只列这一年的")
    answer = command("answer", cmd_answer, "登记督办单的办理情况（并可办结）", inner)
    which = answer.add_mutually_exclusive_group(required=True)
    which.add_argument("--number", metavar="督办〔2025〕12号", help="督办单编号")
    which.add_argument("--id", type=int, metavar="N", help="督办单的内部编号（见 slips list）")
    answer.add_argument("--text", required=True, metavar="TEXT", help="办理情况")
    answer.add_argument("--close", action="store_true", help="同时办结")
    reminders = command("reminders", cmd_reminders, "催办通知：为某报送周期未报送的单位各出一份")
    reminders.add_argument("--period", required=True, metavar="P",
                           help="报送周期，如 2025-06、2025-Q2、2025-H1")
    reminders.add_argument("--plan", type=int, metavar="ID", help="计划编号（默认最新的计划）")
    reminders.add_argument("--due", type=iso_date, metavar="YYYY-MM-DD", help="新的报送期限")
    reminders.add_argument("--format", default="docx,pdf", metavar="docx,pdf", help="文件格式")
    reminders.add_argument("--out", required=True, metavar="DIR", help="保存的文件夹")
    reminders.add_argument("--text", action="store_true", help="另存纯文本（粘贴到工作群），并在 JSON 中给出")
    reminders.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD", help="通知日期（默认今天）")
