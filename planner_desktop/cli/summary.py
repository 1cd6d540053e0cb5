"""``summary --plan ID --period H1|year|FROM:TO [--unit U] --out FILE.docx``: the 工作总结初稿.

The same draft as 报表 → 工作总结 (``ops/summary.py``). With ``--json`` it prints the plan,
the title, the period, the figures of the opening (``items``, ``done``, ``rate``,
``targets``), the notes used, the sections in order and the ``file`` written; ``--text``
also writes the plain text beside it. A period without any progress note is bad input
(exit 1) and writes nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planner_desktop.cli.common import Command, iso_date, opened_ledger

# Handlers import what they run, for start-up speed (see cli/__init__.py).


def cmd_summary(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.domain.summary import summary_text
    from planner_desktop.files.atomic import atomic_file
    from planner_desktop.ops.summary import make_summary

    out = Path(args.out).expanduser().resolve()
    with opened_ledger(args) as ledger:
        written = make_summary(ledger, args.plan, args.period, out, args.unit, today=args.as_of)
    answer = written.to_json()
    if args.text:
        text_path = Path(args.text).expanduser().resolve()
        with atomic_file(text_path, ".txt") as temp:
            temp.write_text(summary_text(written.draft), "utf-8")
        answer["text_file"] = str(text_path)
    return answer


def register(command: Command, sub: argparse._SubParsersAction) -> None:
    summary = command("summary", cmd_summary, "起草工作总结（初稿）：按计划、时段和单位生成 Word 文档")
    summary.add_argument("--plan", type=int, required=True, metavar="ID", help="计划编号（见 plans list）")
    summary.add_argument("--period", required=True, metavar="时段",
                         help="H1（上半年）、year（全年）或 起始日期:截止日期（如 2025-01-01:2025-06-30）")
    summary.add_argument("--unit", metavar="单位", help="只起草这个股室（或学校）自己的工作总结")
    summary.add_argument("--out", required=True, metavar="FILE.docx", help="保存的 Word 文档")
    summary.add_argument("--text", metavar="FILE.txt", help="另存一份纯文本（UTF-8）")
    summary.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD",
                         help="状态截至日期（默认今天；晚于时段末时按时段末计）")
