"""Making ledgers to export from, and filling exported workbooks the way units do."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl

from planner_desktop.exchange.fillin_layout import HEADER_ROW

TODAY = dt.date(2026, 11, 16)
PERIOD = "2026年第4季度"
HEADER_EXCEL_ROW = HEADER_ROW + 1  # 1-based, as openpyxl counts


def demo_ledger_file(folder: Path, cache: dict = {}) -> Path:  # noqa: B006 - a per-process cache
    """A demo ledger as of ``TODAY``, made once per process and copied for each caller."""
    from planner_desktop.ops.demo import create_demo_ledger
    from planner_desktop.store.database import open_ledger

    if "path" not in cache or not cache["path"].exists():
        template = Path(folder.parent / "demo-template" / "ledger.sqlite")
        template.parent.mkdir(parents=True, exist_ok=True)
        ledger = open_ledger(template, daily_backup=False)
        create_demo_ledger(ledger, TODAY)
        ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        ledger.close()
        cache["path"] = template
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "ledger.sqlite"
    shutil.copyfile(cache["path"], target)
    return target


Filler = Callable[[int, dict[str, object]], dict[str, object] | None]


def headers(ws) -> dict[str, int]:
    """Header text → 1-based column of an exported (or returned) sheet."""
    return {str(c.value): c.column for c in ws[HEADER_EXCEL_ROW] if c.value is not None}


def data_rows(ws) -> list[int]:
    """The 1-based rows holding assignments (a number in the first column)."""
    return [r for r in range(HEADER_EXCEL_ROW + 1, ws.max_row + 1)
            if isinstance(ws.cell(r, 1).value, int | float)]


def fill_workbook(source: Path, filler: Filler, target: Path | None = None,
                  sheet: str | None = None) -> Path:
    """Open an exported workbook with openpyxl (as a unit's Excel would), let ``filler`` say
    what to type into each data row, and save it (over ``source`` unless ``target``).

    ``filler(n, row)`` gets the row's 0-based number and its cells by header, and returns
    header → value to write (or None to leave the row alone).
    """
    wb = openpyxl.load_workbook(source)
    ws = wb[sheet] if sheet else wb.worksheets[0]
    columns = headers(ws)
    for n, r in enumerate(data_rows(ws)):
        row = {h: ws.cell(r, c).value for h, c in columns.items()}
        for header, value in (filler(n, row) or {}).items():
            ws.cell(r, columns[header]).value = value
    target = target or source
    wb.save(target)
    return target


def fill_all(values: dict[str, object]) -> Filler:
    return lambda n, row: values
