"""``report KIND``: the status sheets headless, as PDF, .xlsx and (for the bulletin) .docx.

Goes through ``planner_desktop.printing.report_files.make_report`` exactly as the report dialog does. With
``--json`` it prints ``kind``, ``rows``, ``pages`` and ``files`` (DESIGN.md), and for the
bulletin its issue number and summary numbers after them. Without any output file it only
counts (rows and A4 pages), which scripts use to check a report before printing it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planner_desktop.cli.common import Command, iso_date, opened_ledger
from planner_desktop.domain.report_content import ReportKind

# Handlers import what they run, for start-up speed (see cli/__init__.py).


def cmd_report(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.printing.report_files import make_report

    options: dict[str, Any] = {}
    bulletin = {key: getattr(args, key) for key in ("series", "issue", "office", "addressee")
                if getattr(args, key) is not None}
    if args.requirements_file:
        bulletin["requirements"] = Path(args.requirements_file).read_text("utf-8")
    if bulletin:
        options["bulletin"] = bulletin
    if args.due_within is not None:
        options["due_within"] = args.due_within
    if args.with_assessment:
        options["assessment"] = True
    if args.period:
        options["period"] = args.period
    with opened_ledger(args) as ledger:
        result = make_report(ledger, args.kind, plan_id=args.plan, as_of=args.as_of,
                             pdf=_path(args.pdf), xlsx=_path(args.xlsx), docx=_path(args.docx),
                             options=options)
        return result.to_json()


def _path(text: str | None) -> Path | None:
    return Path(text).expanduser().resolve() if text else None


def register(command: Command, sub: argparse._SubParsersAction) -> None:
    report = command("report", cmd_report,
                     "打印报表：督办台账 ledger、督办通报 bulletin、"
                     "各单位任务清单 unit-sheets、逾期及临期 overdue")
    report.add_argument("kind", choices=[k.value for k in ReportKind], metavar="KIND",
                        help="ledger | bulletin | unit-sheets | overdue")
    report.add_argument("--plan", type=int, metavar="ID", help="计划编号（默认全部计划）")
    report.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD", help="统计截至日期（默认今天）")
    report.add_argument("--pdf", metavar="FILE", help="保存为 PDF")
    report.add_argument("--xlsx", metavar="FILE", help="保存为 Excel 工作簿")
    report.add_argument("--docx", metavar="FILE", help="保存为 Word 文档（仅督办通报）")
    report.add_argument("--due-within", type=int, metavar="N", help="临期：N 个工作日内到期（默认按设置）")
    report.add_argument("--period", metavar="周期", help="督办通报：按哪个报送周期列出未报送单位")
    report.add_argument("--with-assessment", action="store_true",
                        help="督办通报：附单位考核得分排名（本年初至统计截至日）")
    report.add_argument("--series", metavar="名称", help="督办通报：刊名（默认 督办通报）")
    report.add_argument("--issue", type=int, metavar="N",
                        help="督办通报：期号（默认：当天已出的一期沿用其期号，否则上一期加 1）")
    report.add_argument("--office", metavar="名称", help="督办通报：印发单位")
    report.add_argument("--addressee", metavar="文字", help="督办通报：主送单位")
    report.add_argument("--requirements-file", metavar="FILE", help="督办通报：工作要求（UTF-8 文本文件）")
