"""``calendar import`` and ``calendar show``: the year's official holidays and adjusted workdays."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from planner_desktop.cli.common import Command, opened_ledger
from planner_desktop.errors import UserFixableError

# Handlers import what they run, for start-up speed (see cli/__init__.py).


def cmd_calendar_import(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.domain.workdays import parse_holiday_schedule
    from planner_desktop.exchange.readers import read_workbook
    from planner_desktop.store.calendar import save_schedule

    path = Path(args.file).expanduser().resolve()
    sheet = next((s for s in read_workbook(path).sheets if s.rows), None)
    if sheet is None:
        raise UserFixableError("节假日安排表是空的。", )
    try:
        holidays, workdays = parse_holiday_schedule(sheet.rows)
    except UserFixableError as exc:
        exc.location.file, exc.location.sheet = path.name, sheet.name
        raise
    with opened_ledger(args) as ledger:
        save_schedule(ledger, holidays, workdays)
        return {"holidays": len(holidays), "workdays": len(workdays)}


def cmd_calendar_show(args: argparse.Namespace) -> dict[str, Any]:
    from planner_desktop.store.calendar import load_calendar

    with opened_ledger(args) as ledger:
        calendar = load_calendar(ledger)
        year = args.year
        days = [dt.date(year, 1, 1) + dt.timedelta(n) for n in range(366)]
        days = [d for d in days if d.year == year]
        return {
            "year": year,
            "source": calendar.source_for_year(year),
            "workdays": sum(calendar.is_workday(d) for d in days),
            "days_off_on_weekdays": [d.isoformat() for d in days
                                     if d.weekday() < 5 and not calendar.is_workday(d)],
            "weekend_workdays": [d.isoformat() for d in days
                                 if d.weekday() >= 5 and calendar.is_workday(d)],
        }


def register(command: Command, sub: argparse._SubParsersAction) -> None:
    calendar = sub.add_parser("calendar", help="节假日安排").add_subparsers(dest="calendar_command")
    command("import", cmd_calendar_import, "导入节假日与调休安排表", calendar).add_argument("file")
    command("show", cmd_calendar_show, "显示某年的工作日情况", calendar).add_argument(
        "--year", type=int, default=dt.date.today().year)
