"""The 量化指标 view exported as .xlsx: the rows as the clerk sees them, every cell as text."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from planner_desktop.domain.target_rows import TARGET_COLUMNS, TargetRow
from planner_desktop.exchange.xlsx_out import atomic_xlsx, text_width
from planner_desktop.i18n import tr


def write_targets_xlsx(path: Path | str, rows: Sequence[TargetRow]) -> Path:
    """One sheet 量化指标; written through :func:`atomic_xlsx`, so text never turns formula."""
    path = Path(path)
    with atomic_xlsx(path) as workbook:
        sheet = workbook.add_worksheet(tr("量化指标"))
        head = workbook.add_format({"bold": True, "border": 1, "bg_color": "#e8ecf1"})
        cell = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        headers = [tr(h) for h in TARGET_COLUMNS]
        sheet.write_row(0, 0, headers, head)
        widths = [text_width(h) + 2 for h in headers]
        for r, row in enumerate(rows, start=1):
            for c, text in enumerate(row.cells()):
                sheet.write_string(r, c, text, cell)
                widths[c] = max(widths[c], min(text_width(text) + 2, 50))
        for c, width in enumerate(widths):
            sheet.set_column(c, c, width)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(rows), 1), len(headers) - 1)
    return path
