"""A report as an .xlsx workbook with the same cells as the printed pages.

Formatted for printing from Excel or WPS as it prints from the program: A4 landscape (the
bulletin's summary portrait), fit to the page width, the title and column header repeated on
every page (print titles), wrapped text, column widths from the printed widths, the traffic
lights as fills (with the symbol and word in the cell for greyscale printers), and
``第 &P 页 共 &N 页`` in the footer. Ledger text is always written as text (never a formula,
number or link: see ``exchange/xlsx_out.py``); progress, dates and working days as numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from planner_desktop.domain.report_bulletin import overdue_line, summary_tables
from planner_desktop.domain.report_content import (
    Align,
    CellKind,
    Column,
    RankedUnit,
    ReportDocument,
    ReportKind,
    ReportTable,
    TableRow,
    chinese_date,
    display,
)
from planner_desktop.domain.status import Light
from planner_desktop.exchange.xlsx_out import atomic_xlsx
from planner_desktop.i18n import tr

LIGHT_FILL = {Light.RED: "#F4C7C3", Light.YELLOW: "#FCE8B2", Light.GREEN: "#D4ECD4", Light.BLUE: "#CFE0F5"}
LIGHT_INK = {Light.RED: "#9C1C1C", Light.YELLOW: "#7A4F00", Light.GREEN: "#1E5E2A", Light.BLUE: "#1C4F8C"}
MM_PER_CHAR = 2.1  # an Excel width unit (one digit of the default font) is about 2.1 mm at 11 pt
FONT = "宋体"
NUMBER_KINDS = (CellKind.PERCENT, CellKind.INT, CellKind.WORKDAYS)
SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def sheet_name(name: str, taken: set[str]) -> str:
    """A legal, unique worksheet name (31 characters, none of []:*?/\\)."""
    base = SHEET_NAME_BAD.sub("_", name).strip("'") or "Sheet"
    base = base[:31]
    candidate, n = base, 2
    while candidate.lower() in taken:
        suffix = f"({n})"
        candidate = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(candidate.lower())
    return candidate


class _Formats:
    """xlsxwriter formats made once per workbook (it keeps every format it is given)."""

    def __init__(self, workbook) -> None:
        self.wb = workbook
        base = {"font_name": FONT, "font_size": 10, "text_wrap": True, "valign": "vcenter", "border": 1}
        self.base = base
        self.title = workbook.add_format({"font_name": FONT, "font_size": 16, "bold": True, "align": "center",
                                          "valign": "vcenter"})
        self.info = workbook.add_format({"font_name": FONT, "font_size": 10, "valign": "vcenter"})
        self.centred = workbook.add_format({"font_name": FONT, "font_size": 12, "align": "center",
                                            "valign": "vcenter"})
        self.info_right = workbook.add_format({"font_name": FONT, "font_size": 10, "align": "right",
                                               "valign": "vcenter"})
        self.header = workbook.add_format({**base, "bold": True, "align": "center", "bg_color": "#D9D9D9"})
        self.heading = workbook.add_format({**base, "bold": True, "bg_color": "#EFEFEF"})
        self.section = workbook.add_format({"font_name": FONT, "font_size": 12, "bold": True,
                                            "valign": "vcenter"})
        self.paragraph = workbook.add_format({"font_name": FONT, "font_size": 11, "text_wrap": True,
                                              "valign": "top"})
        self.masthead = workbook.add_format({"font_name": FONT, "font_size": 24, "bold": True,
                                             "align": "center",
                                             "font_color": "#C8161D", "bottom": 5, "bottom_color": "#C8161D"})
        self._cells: dict[tuple, object] = {}

    def cell(self, column: Column, light: Light | None = None, overdue: bool = False):
        key = (column.kind, column.align, light if column.kind is CellKind.LIGHT else None,
               overdue and column.kind is CellKind.WORKDAYS)
        found = self._cells.get(key)
        if found is None:
            spec = dict(self.base, align={Align.LEFT: "left", Align.CENTER: "center",
                                          Align.RIGHT: "right"}[column.align])
            if column.kind is CellKind.PERCENT:
                spec["num_format"] = '0"%"'
            elif column.kind is CellKind.DATE:
                spec["num_format"] = "yyyy-mm-dd"
            elif column.kind is CellKind.WORKDAYS:
                # 5 → 剩 5, -3 → 逾期 3, 0 → 今日到期: a number Excel can sort, read as words.
                spec["num_format"] = '"剩 "0;"逾期 "0;"今日到期"'
                if overdue:
                    spec["font_color"] = "#9C1C1C"
                    spec["num_format"] = '"逾期 "0;"逾期 "0;"逾期"'
            elif column.kind is CellKind.LIGHT and light is not None:
                spec["bg_color"] = LIGHT_FILL[light]
                spec["font_color"] = LIGHT_INK[light]
            found = self._cells[key] = self.wb.add_format(spec)
        return found


def _write_cell(sheet, row: int, col: int, value, text: str, column: Column, table_row: TableRow,
                fmt: _Formats) -> None:
    cell_format = fmt.cell(column, table_row.light, table_row.overdue)
    if value is None or value == "":
        sheet.write_blank(row, col, None, cell_format)
    elif column.kind in NUMBER_KINDS and isinstance(value, (int, float)):
        sheet.write_number(row, col, value, cell_format)
    elif column.kind is CellKind.DATE and isinstance(value, dt.date):
        sheet.write_datetime(row, col, dt.datetime(value.year, value.month, value.day), cell_format)
    else:
        sheet.write_string(row, col, text, cell_format)


def chars_per_line(widths_mm: Sequence[float]) -> list[int]:
    return [max(1, int((width - 2) / 3.6)) for width in widths_mm]  # a 10 pt CJK character ≈ 3.6 mm


def _row_height(cells: Sequence[str], per_line: Sequence[int]) -> float:
    """Points for a row whose wrapped text must show whole (Excel does not grow rows it did
    not lay out itself when the file is first opened in some versions, nor does LibreOffice)."""
    lines = 1
    for text, fits in zip(cells, per_line, strict=False):
        if len(text) <= fits and "\n" not in text:
            continue
        count = sum(max(1, -(-len(part) // fits)) for part in text.split("\n"))
        if count > lines:
            lines = count
    return 14.0 * lines + 2


def _merged(sheet, row: int, first: int, last: int, text: str, cell_format) -> None:
    if last > first:
        sheet.merge_range(row, first, row, last, text, cell_format)
    else:
        sheet.write_string(row, first, text, cell_format)


def _set_up_page(sheet, landscape: bool, header_rows: tuple[int, int] | None) -> None:
    sheet.set_paper(9)  # A4
    if landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.set_margins(left=0.47, right=0.47, top=0.6, bottom=0.6)
    sheet.fit_to_pages(1, 0)  # fit the width, as many pages down as needed
    if header_rows is not None:
        sheet.repeat_rows(*header_rows)
    sheet.set_footer(tr("&L打印时间：&D &T&C第 &P 页 共 &N 页&R工作要点督办台"))


def _write_table(sheet, fmt: _Formats, table: ReportTable, first_row: int, *, doc: ReportDocument,
                 title: str | None) -> int:
    """Title and info rows, then the table; returns the next free row."""
    columns = table.columns
    last_col = len(columns) - 1
    per_line = chars_per_line([c.width for c in columns])
    for index, column in enumerate(columns):
        sheet.set_column(index, index, max(4.0, column.width / MM_PER_CHAR * 1.15))
    row = first_row
    if title is not None:
        sheet.merge_range(row, 0, row, last_col, title, fmt.title)
        sheet.set_row(row, 28)
        row += 1
        info = "　".join(p for p in (tr("计划：{t}").format(t=doc.plan_title) if doc.plan_title else "",
                                      tr("范围：{s}").format(s=doc.scope) if doc.scope else "") if p)
        split = max(1, last_col - 2)
        _merged(sheet, row, 0, split - 1, info, fmt.info)
        _merged(sheet, row, split, last_col, tr("截至 {d}").format(d=chinese_date(doc.as_of)), fmt.info_right)
        row += 1
    header_row = row
    for index, column in enumerate(columns):
        sheet.write_string(row, index, column.header, fmt.header)
    sheet.set_row(row, 30)
    row += 1
    for section in table.sections:
        if section.title and not section.new_page:
            text = f"{section.title}（{section.note}）" if section.note else section.title
            sheet.merge_range(row, 0, row, last_col, text, fmt.heading)
            row += 1
        for table_row in section.rows:
            if table_row.heading:
                sheet.merge_range(row, 0, row, last_col, str(table_row.cells[0]), fmt.heading)
                row += 1
                continue
            texts = [display(v, c.kind, overdue=table_row.overdue) for v, c in zip(table_row.cells, columns,
                                                                                    strict=True)]
            for index, (value, text, column) in enumerate(zip(table_row.cells, texts, columns, strict=True)):
                _write_cell(sheet, row, index, value, text, column, table_row, fmt)
            sheet.set_row(row, _row_height(texts, per_line))
            row += 1
    sheet.freeze_panes(header_row + 1, 0)
    return row


def write_report_xlsx(path: Path, doc: ReportDocument) -> Path:
    """Write ``doc`` to ``path`` (atomically: a failed write leaves any old file as it was)."""
    with atomic_xlsx(path) as workbook:
        fmt = _Formats(workbook)
        taken: set[str] = set()
        if doc.bulletin is not None:
            _write_bulletin(workbook, fmt, doc, taken)
        elif doc.kind is ReportKind.UNIT_SHEETS and doc.table is not None:
            if not doc.table.sections:
                sheet = workbook.add_worksheet(sheet_name(doc.title, taken))
                _write_table(sheet, fmt, doc.table, 0, doc=doc, title=doc.title)
            for section in doc.table.sections:
                name = section.title or doc.title
                sheet = workbook.add_worksheet(sheet_name(name.removesuffix(tr("任务清单")), taken))
                single = type(doc.table)(doc.table.columns, [section])
                after = _write_table(sheet, fmt, single, 0, doc=doc, title=name)
                sheet.write_string(after, 0, section.note, fmt.info)
                _set_up_page(sheet, doc.landscape, (0, 2))
        elif doc.table is not None:
            sheet = workbook.add_worksheet(sheet_name(doc.title, taken))
            _write_table(sheet, fmt, doc.table, 0, doc=doc, title=doc.title)
            _set_up_page(sheet, doc.landscape, (0, 2))
    return path


def _write_bulletin(workbook, fmt: _Formats, doc: ReportDocument, taken: set[str]) -> None:
    b = doc.bulletin
    assert b is not None
    fields = b.fields
    sheet = workbook.add_worksheet(sheet_name(tr("通报"), taken))
    sheet.set_column(0, 0, 12)
    sheet.set_column(1, 8, 10)
    last = 8
    row = 0
    sheet.merge_range(row, 0, row, last, fields.series, fmt.masthead)
    sheet.set_row(row, 40)
    row += 1
    sheet.merge_range(row, 0, row, last, tr("第{n}期").format(n=fields.issue), fmt.centred)
    row += 1
    sheet.merge_range(row, 0, row, 4, fields.office, fmt.info)
    sheet.merge_range(row, 5, row, last, chinese_date(fields.date or doc.as_of), fmt.info_right)
    row += 2

    def paragraph(text: str, height_lines: int | None = None) -> None:
        nonlocal row
        lines = height_lines or max(1, -(-len(text) // 40))
        sheet.merge_range(row, 0, row, last, text, fmt.paragraph)
        sheet.set_row(row, 15 * lines + 4)
        row += 1

    paragraph(fields.addressee)
    paragraph(b.intro)
    parts = b.parts()
    sheet.merge_range(row, 0, row, last, parts["overall"], fmt.section)
    row += 1
    paragraph(b.overall_sentence)
    paragraph(b.light_sentence)
    if b.targets is not None:
        paragraph(b.targets.sentence())
    for table in summary_tables(b):
        row = _write_summary_table(sheet, fmt, table, row) + 1
    sheet.merge_range(row, 0, row, last, parts["units"] + tr("（见“完成率排名”工作表）"), fmt.section)
    row += 1
    sheet.merge_range(row, 0, row, last, parts["overdue"], fmt.section)
    row += 1
    for index, entry in enumerate(b.overdue, start=1):
        paragraph(overdue_line(index, entry))
    if not b.overdue:
        paragraph(tr("截至通报日，没有逾期未完成的任务。"))
    if b.targets is not None:
        sheet.merge_range(row, 0, row, last, parts["targets"], fmt.section)
        row += 1
        for line in b.targets.lines():
            paragraph(line)
    sheet.merge_range(row, 0, row, last, parts["not_reported"], fmt.section)
    row += 1
    paragraph(b.not_reported_note + ("、".join(b.not_reported) + "。" if b.not_reported else ""))
    sheet.merge_range(row, 0, row, last, parts["requirements"], fmt.section)
    row += 1
    for part in fields.requirements.split("\n"):
        if part.strip():
            paragraph("\u3000\u3000" + part.strip())
    paragraph(tr("附件：督办事项明细表（见“附件”工作表）"))
    _set_up_page(sheet, False, None)

    _write_ranking(workbook, fmt, b.ranking, taken)

    annex = workbook.add_worksheet(sheet_name(tr("附件"), taken))
    _write_table(annex, fmt, b.annex, 0, doc=doc, title=tr("督办事项明细表"))
    _set_up_page(annex, False, (0, 2))


def _write_summary_table(sheet, fmt: _Formats, table: ReportTable, row: int) -> int:
    """One of the bulletin's count tables from ``row`` on; returns the row after it."""
    for index, column in enumerate(table.columns):
        sheet.write_string(row, index, column.header, fmt.header)
    sheet.set_row(row, 30)  # 黄灯（临期或进度滞后） wraps in its column
    row += 1
    for table_row in table.sections[0].rows:
        for index, (value, column) in enumerate(zip(table_row.cells, table.columns, strict=True)):
            if isinstance(value, int):
                sheet.write_number(row, index, value, fmt.cell(column))
            else:
                sheet.write_string(row, index, str(value), fmt.cell(column))
        row += 1
    return row


def _write_ranking(workbook, fmt: _Formats, units: list[RankedUnit], taken: set[str]) -> None:
    """The 完成率排名 sheet: a row a unit, the completion rate as a share with a data bar."""
    ranking = workbook.add_worksheet(sheet_name(tr("完成率排名"), taken))
    headers = [tr("类别"), tr("名次"), tr("单位"), tr("已完成"), tr("任务数"), tr("完成率"), tr("逾期")]
    widths = [8, 6, 28, 8, 8, 10, 8]
    for index, (header, width) in enumerate(zip(headers, widths, strict=True)):
        ranking.set_column(index, index, width)
        ranking.write_string(0, index, header, fmt.header)
    plain = fmt.wb.add_format(dict(fmt.base))
    share = fmt.wb.add_format(dict(fmt.base, num_format="0.0%"))
    for r, unit in enumerate(units, start=1):
        ranking.write_string(r, 0, unit.kind, plain)
        ranking.write_number(r, 1, unit.rank, plain)
        ranking.write_string(r, 2, unit.unit, plain)
        ranking.write_number(r, 3, unit.done, plain)
        ranking.write_number(r, 4, unit.total, plain)
        ranking.write_number(r, 5, unit.rate, share)
        ranking.write_number(r, 6, unit.overdue, plain)
    if units:
        ranking.conditional_format(1, 5, len(units), 5, {"type": "data_bar", "bar_color": "#2E7D32",
                                                          "bar_solid": True})
    _set_up_page(ranking, False, (0, 0))
