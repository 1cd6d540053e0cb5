"""``assessment --from D --to D [--units 股室|学校|NAME,…] [--scheme FILE] --out FILE.xlsx|FILE.pdf``:
the 单位考核 table, as 督办 → 单位考核… makes it (``ops/assessment.py``).

With ``--json`` it prints ``from``, ``to``, ``as_of``, ``scheme`` (``base``, ``floor``,
``rules``), ``units`` (each with ``rank``, ``unit``, ``kind``, the counts, ``score`` and
``calculation``) and ``file``. ``--scheme FILE`` (JSON as saved, or CSV 规则,计分单位,分值)
is used for this run and saved in the ledger with ``--save-scheme``. A period without any
item due or completed, from later than to, or a scheme with a value that is not a number is
bad input (exit 1) and writes nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planner_desktop.cli.common import Command, iso_date, opened_ledger


def cmd_assessment(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.errors import Location, UserFixableError
    from planner_desktop.i18n import tr
    from planner_desktop.ops import assessment

    out = Path(args.out).expanduser().resolve()
    if out.suffix.lower() not in (".xlsx", ".pdf"):
        raise UserFixableError(tr("考核表只能保存为 .xlsx 或 .pdf 文件。"), Location(file=str(out)))
    scheme = assessment.read_scheme_file(Path(args.scheme).expanduser()) if args.scheme else None
    with opened_ledger(args) as ledger:
        result = assessment.assess(ledger, args.start, args.end, units=args.units, scheme=scheme,
                                   today=args.as_of)
        if scheme is not None and args.save_scheme:
            assessment.save_scheme(ledger, scheme)
    if out.suffix.lower() == ".pdf":
        from planner_desktop.printing.assessment import write_assessment_pdf
        from planner_desktop.printing.report_files import ensure_qt

        ensure_qt()
        write_assessment_pdf(result, out)
    else:
        assessment.write_xlsx(result, out)
    return {**result.to_json(), "file": str(out)}


def register(command: Command, sub: argparse._SubParsersAction) -> None:
    p = command("assessment", cmd_assessment,
                "单位考核：按时段和评分规则计算各单位得分并排名，导出 Excel 或 PDF")
    p.add_argument("--from", dest="start", type=iso_date, required=True, metavar="YYYY-MM-DD",
                   help="考核时段起始日期")
    p.add_argument("--to", dest="end", type=iso_date, required=True, metavar="YYYY-MM-DD",
                   help="考核时段截止日期")
    p.add_argument("--units", metavar="股室|学校|单位,…", help="考核哪些单位（默认全部）")
    p.add_argument("--scheme", metavar="FILE", help="评分规则文件（JSON 或 CSV：规则,计分单位,分值）")
    p.add_argument("--save-scheme", action="store_true", help="把 --scheme 的规则保存到账本")
    p.add_argument("--out", required=True, metavar="FILE.xlsx|FILE.pdf",
                   help="保存的考核表（Excel 或 PDF）")
    p.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD", help="统计截至日期（默认今天）")
