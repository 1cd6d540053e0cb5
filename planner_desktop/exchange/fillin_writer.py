"""Writing fill-in workbooks (填报表): one per unit, or one combined workbook with a sheet per unit.

A unit opens the file in Excel or WPS, fills in the unlocked yellow columns and sends it back.
What makes that safe to read back (see ``fillin_reader``):

* everything but the fill-in columns is locked (sheet protection without a password, so the
  clerk never has to hand one out), with dropdown, number and date validations on the cells
  the unit types into;
* a hidden, locked key column names the assignment and its state at export time, and a very
  hidden metadata sheet records the plan, unit, period, export time and a checksum of the keys
  plus a digest of every locked cell, so re-sorted rows still match and edited locked cells are
  noticed;
* it prints on A4 landscape, one page wide, header rows repeated, with the unit, the period
  and page numbers in the page header and footer.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass
from pathlib import Path

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from planner_desktop.domain.fillin import FillinExport, FillinRow, FillinSheet, FillinTarget
from planner_desktop.domain.status import ALLOWED_STATUS_WORDS
from planner_desktop.exchange.fillin_layout import (
    CHECKED_FIELDS,
    COLUMN_OF,
    COLUMNS,
    FIRST_DATA_ROW,
    FORMAT_VERSION,
    GUIDE_SHEET,
    HEADER_ROW,
    META_SHEET,
    SIGN_OFF,
    SIGN_OFF_LABELS,
    SIGN_OFF_ROW,
    TARGET_COLUMN_OF,
    TARGET_COLUMNS,
    TARGET_SHEET_SUFFIX,
    Field,
    RowKey,
    TargetKey,
    cell_digest,
    keys_checksum,
    sheet_names,
)
from planner_desktop.exchange.xlsx_out import atomic_xlsx, row_height
from planner_desktop.files.atomic import atomic_file
from planner_desktop.i18n import tr

FONT = "宋体"  # SimSun: on every Chinese Windows PC, and WPS maps it everywhere else
FILL_COLOUR = "#FFF7D6"  # a pale yellow: "type here"
HEADER_COLOUR = "#DDE6F0"
LAST_COLUMN = COLUMN_OF[Field.SLIP]  # the last visible column (the key column is hidden)
WRAPPED_FIELDS = (Field.CODE, Field.TITLE, Field.MEASURE, Field.DEADLINE)
MIN_ROW_HEIGHT = 30.0  # two lines of 10 pt: space to write this period's progress


def write_unit_workbook(path: Path, export: FillinExport, sheet: FillinSheet) -> None:
    """One unit's workbook at ``path`` (written atomically)."""
    _write(path, export, [sheet])


def write_unit_workbooks(export: FillinExport, jobs: list[tuple[Path, FillinSheet]]) -> list[Path]:
    """Several units' workbooks; a module-level function so a worker process can run it."""
    for path, sheet in jobs:
        write_unit_workbook(path, export, sheet)
    return [path for path, _ in jobs]


def write_combined_workbook(path: Path, export: FillinExport) -> None:
    """All units of ``export`` in one workbook, a sheet each, for offices that prefer one file."""
    _write(path, export, export.sheets)


def write_zip(path: Path, files: list[Path]) -> None:
    """A zip of ``files`` (stored, not compressed: .xlsx is a zip already), written atomically.

    Names are stored as UTF-8 with the flag set, which Windows 10's Explorer, WinRAR and 7-Zip
    all honour, so the Chinese file names survive.
    """
    with atomic_file(path, ".zip") as temp, zipfile.ZipFile(temp, "w", zipfile.ZIP_STORED) as archive:
        for file in files:
            archive.write(file, file.name)


def _write(path: Path, export: FillinExport, sheets: list[FillinSheet]) -> None:
    with atomic_xlsx(path) as workbook:
        formats = _Formats.create(workbook)
        names = sheet_names([s.unit_name for s in sheets])
        reporting = [s for s in sheets if s.targets]
        target_names = dict(zip((id(s) for s in reporting), sheet_names(
            [s.unit_name for s in reporting], TARGET_SHEET_SUFFIX, names), strict=True))
        for name, sheet in zip(names, sheets, strict=True):
            _fill_sheet(workbook.add_worksheet(name), formats, export, sheet)
            if sheet.targets:
                _target_sheet(workbook.add_worksheet(target_names[id(sheet)]), formats, export, sheet)
        _guide_sheet(workbook.add_worksheet(GUIDE_SHEET), formats, export, bool(reporting))
        _meta_sheet(workbook.add_worksheet(META_SHEET), export,
                    [(name, sheet, target_names.get(id(sheet), ""))
                     for name, sheet in zip(names, sheets, strict=True)])
        workbook.set_properties({"title": f"{export.period.label}工作要点落实情况填报表",
                                 "subject": export.plan_title, "comments": FORMAT_VERSION})


@dataclass(frozen=True)
class _Formats:
    title: object
    subtitle: object
    sign_label: object
    header: object
    locked: object
    locked_centre: object
    fill: object
    fill_centre: object
    fill_date: object
    guide_title: object
    guide: object

    @classmethod
    def create(cls, workbook: Workbook) -> _Formats:
        base = {"font_name": FONT, "font_size": 10, "valign": "top", "border": 1}

        def fmt(**extra) -> object:
            return workbook.add_format({**base, **extra})

        fill = {"locked": False, "bg_color": FILL_COLOUR, "text_wrap": True}
        return cls(
            title=workbook.add_format({"font_name": FONT, "font_size": 16, "bold": True,
                                       "align": "center", "valign": "vcenter"}),
            subtitle=workbook.add_format({"font_name": FONT, "font_size": 11, "valign": "vcenter"}),
            sign_label=workbook.add_format({"font_name": FONT, "font_size": 11, "valign": "vcenter",
                                            "align": "right"}),
            header=fmt(bold=True, align="center", valign="vcenter", text_wrap=True,
                       bg_color=HEADER_COLOUR),
            locked=fmt(text_wrap=True),
            locked_centre=fmt(align="center"),
            fill=fmt(**fill),
            fill_centre=fmt(**fill, align="center"),
            fill_date=fmt(**fill, align="center", num_format="yyyy-mm-dd"),
            guide_title=workbook.add_format({"font_name": FONT, "font_size": 14, "bold": True}),
            guide=workbook.add_format({"font_name": FONT, "font_size": 11, "text_wrap": True,
                                       "valign": "top"}),
        )


def _header_text(text: str) -> str:
    """Page-header text with Excel's control character ``&`` escaped."""
    return text.replace("&", "&&")


def _title_lines(ws: Worksheet, f: _Formats, export: FillinExport, sheet: FillinSheet, title: str,
                 last_column: int, line_end: int) -> None:
    """The title over the table and the 填报单位/报送周期 line under it (up to ``line_end``)."""
    period = export.period.label
    ws.merge_range(0, 0, 0, last_column, title.format(period=period), f.title)
    due = export.report_by
    line = tr("填报单位：{unit}　　报送周期：{period}").format(unit=sheet.unit_name, period=period)
    if due is not None:
        line += tr("　　请于 {y}年{m}月{d}日前报送").format(y=due.year, m=due.month, d=due.day)
    ws.merge_range(SIGN_OFF_ROW, 0, SIGN_OFF_ROW, line_end, line, f.subtitle)
    ws.set_row(0, 30)
    ws.set_row(1, 22)
    ws.set_row(HEADER_ROW, 30)


def _fill_sheet(ws: Worksheet, f: _Formats, export: FillinExport, sheet: FillinSheet) -> None:
    period = export.period.label
    first_label = min(label for label, _ in SIGN_OFF.values())
    _title_lines(ws, f, export, sheet, tr("{period}工作要点落实情况填报表"), LAST_COLUMN, first_label - 1)
    for field_name, (label, value) in SIGN_OFF.items():
        ws.write_string(SIGN_OFF_ROW, label, tr(SIGN_OFF_LABELS[field_name]), f.sign_label)
        ws.write_blank(SIGN_OFF_ROW, value, None, f.fill_centre)
    _header_row(ws, f, COLUMNS)
    row = FIRST_DATA_ROW - 1
    for number, item in enumerate(sheet.rows, start=1):
        row = FIRST_DATA_ROW + number - 1
        _data_row(ws, f, row, number, item)
    last = max(row, FIRST_DATA_ROW)
    _validations(ws, last)
    _finish_table(ws, sheet.unit_name, period, last, LAST_COLUMN)


def _header_row(ws: Worksheet, f: _Formats, columns: tuple) -> None:
    for col, column in enumerate(columns):
        ws.write_string(HEADER_ROW, col, tr(column.header), f.header)
        options = {"hidden": True} if column.field is Field.KEY else None
        ws.set_column(col, col, column.width, None, options)


def _finish_table(ws: Worksheet, unit: str, period: str, last_row: int, last_column: int) -> None:
    """Frozen header, filter, protection (no password) and the A4 page of a table sheet."""
    ws.freeze_panes(FIRST_DATA_ROW, COLUMN_OF[Field.CODE] + 1)
    ws.autofilter(HEADER_ROW, 0, last_row, last_column)
    ws.protect("", {"autofilter": True, "format_columns": True, "format_rows": True,
                    "select_locked_cells": True, "select_unlocked_cells": True})
    _page_setup(ws, unit, period, last_column)


def _target_sheet(ws: Worksheet, f: _Formats, export: FillinExport, sheet: FillinSheet) -> None:
    """The unit's targets, one a row: the phrase and the figure wanted locked, the figure
    reached a number cell (no text, not below zero) and a note beside it."""
    period = export.period.label
    last_column = TARGET_COLUMN_OF[Field.FIGURE_NOTE]
    _title_lines(ws, f, export, sheet, tr("{period}量化指标完成情况填报表"), last_column, last_column)
    _header_row(ws, f, TARGET_COLUMNS)
    col = TARGET_COLUMN_OF
    row = FIRST_DATA_ROW - 1
    for number, target in enumerate(sheet.targets, start=1):
        row = FIRST_DATA_ROW + number - 1
        _target_row(ws, f, row, number, target)
    last = max(row, FIRST_DATA_ROW)
    ws.data_validation(FIRST_DATA_ROW, col[Field.FIGURE], last, col[Field.FIGURE], {
        "validate": "decimal", "criteria": ">=", "value": 0,
        "input_title": tr("本期完成值"),
        "input_message": tr("只填数字，如 1300；百分比指标填百分数，如 85% 填 85"),
        "error_title": tr("完成值不正确"), "error_message": tr("请填写不小于 0 的数字。"),
    })
    _finish_table(ws, sheet.unit_name, period, last, last_column)


def _target_row(ws: Worksheet, f: _Formats, row: int, number: int, target: FillinTarget) -> None:
    col = TARGET_COLUMN_OF
    ws.write_number(row, col[Field.NUMBER], number, f.locked_centre)
    texts = {Field.CODE: target.code, Field.TITLE: target.title, Field.TARGET: target.phrase}
    wrapped = [(text, TARGET_COLUMNS[col[name]].width) for name, text in texts.items()]
    ws.set_row(row, max(row_height(wrapped), MIN_ROW_HEIGHT))
    for name, text in texts.items():
        ws.write_string(row, col[name], text, f.locked)
    ws.write_string(row, col[Field.WANTED], target.wanted, f.locked_centre)
    if target.last_figure is None:
        ws.write_blank(row, col[Field.LAST_FIGURE], None, f.locked_centre)
    else:
        ws.write_number(row, col[Field.LAST_FIGURE], target.last_figure, f.locked_centre)
    ws.write_blank(row, col[Field.FIGURE], None, f.fill_centre)
    ws.write_blank(row, col[Field.FIGURE_NOTE], None, f.fill)
    ws.write_string(row, col[Field.KEY], TargetKey(target.target_id, target.stamp).text(), f.locked)


def _data_row(ws: Worksheet, f: _Formats, row: int, number: int, item: FillinRow) -> None:
    texts = {Field.CODE: item.code, Field.TITLE: item.title, Field.MEASURE: item.measure,
             Field.ROLE: item.role, Field.DEADLINE: item.deadline,
             Field.LAST_STATUS: item.last_status, Field.SLIP: item.slip,
             Field.KEY: RowKey(item.assignment_id, item.stamp).text()}
    ws.write_number(row, COLUMN_OF[Field.NUMBER], number, f.locked_centre)
    # Room for the locked text, and for two lines of progress at least (see row_height).
    wrapped = [(texts[name], COLUMNS[COLUMN_OF[name]].width) for name in WRAPPED_FIELDS]
    ws.set_row(row, max(row_height(wrapped), MIN_ROW_HEIGHT))
    for field_name, text in texts.items():
        centred = field_name in (Field.ROLE, Field.LAST_STATUS, Field.SLIP)
        ws.write_string(row, COLUMN_OF[field_name], text, f.locked_centre if centred else f.locked)
    progress_col = COLUMN_OF[Field.LAST_PROGRESS]
    if item.last_progress is None:
        ws.write_blank(row, progress_col, None, f.locked_centre)
    else:
        ws.write_number(row, progress_col, item.last_progress, f.locked_centre)
    for field_name in (Field.STATUS, Field.PROGRESS, Field.NOTE, Field.COMPLETED_ON, Field.PROBLEMS,
                       Field.EVIDENCE):
        cell_format = {Field.STATUS: f.fill_centre, Field.PROGRESS: f.fill_centre,
                       Field.COMPLETED_ON: f.fill_date}.get(field_name, f.fill)
        ws.write_blank(row, COLUMN_OF[field_name], None, cell_format)


def _validations(ws: Worksheet, last: int) -> None:
    """Dropdown, range and date checks on the fill-in cells, with a Chinese prompt each."""
    first = FIRST_DATA_ROW
    ws.data_validation(first, COLUMN_OF[Field.STATUS], last, COLUMN_OF[Field.STATUS], {
        "validate": "list", "source": list(ALLOWED_STATUS_WORDS),
        "input_title": tr("状态"), "input_message": tr("请从下拉列表中选择"),
        "error_title": tr("状态不正确"),
        "error_message": tr("请选择：") + "、".join(ALLOWED_STATUS_WORDS),
    })
    ws.data_validation(first, COLUMN_OF[Field.PROGRESS], last, COLUMN_OF[Field.PROGRESS], {
        "validate": "integer", "criteria": "between", "minimum": 0, "maximum": 100,
        "input_title": tr("完成进度"), "input_message": tr("填写 0 到 100 的整数，如 60 表示 60%"),
        "error_title": tr("进度不正确"), "error_message": tr("请填写 0 到 100 之间的整数。"),
    })
    ws.data_validation(first, COLUMN_OF[Field.COMPLETED_ON], last, COLUMN_OF[Field.COMPLETED_ON], {
        "validate": "date", "criteria": "between",
        "minimum": dt.date(2000, 1, 1), "maximum": dt.date(2099, 12, 31),
        "input_title": tr("实际完成时间"), "input_message": tr("已完成的填写日期，如 2024-10-08"),
        "error_title": tr("日期不正确"), "error_message": tr("请填写日期，如 2024-10-08。"),
    })


def _page_setup(ws: Worksheet, unit: str, period: str, last_column: int) -> None:
    ws.set_paper(9)  # A4
    ws.set_landscape()
    ws.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
    ws.repeat_rows(HEADER_ROW)
    ws.fit_to_pages(1, 0)
    ws.print_area(0, 0, ws.dim_rowmax or FIRST_DATA_ROW, last_column)
    ws.set_header(f"&L{_header_text(unit)}&R{_header_text(period)}")
    ws.set_footer(tr("&C第 &P 页，共 &N 页"))


GUIDE_LINES: tuple[str, ...] = (
    "一、本表只列出本单位承担的工作任务。请在黄色单元格中填写本期进展，其他单元格已锁定，不必也不能修改。",
    "二、“状态”请从下拉列表中选择：未启动、推进中、已完成、暂缓、已取消。",
    "三、“完成进度%”填写 0 到 100 的整数，如完成六成填 60。已完成的任务请填写“实际完成时间”。",
    "四、“进展情况”请写明本期做了什么、取得了什么成效；有困难请写在“存在问题”中。"
    "“督办单”列有编号的任务，“进展情况”即作为该督办单的办理情况登记。",
    "五、请勿删除或插入行、列，请勿修改工作表名称；可以用 Excel 或 WPS 填写，"
    "保存为 .xlsx 或 .xls 均可。",
    "六、填好后请在表格上方填写填报人和联系电话（每张表填一次），按时将本文件报送局办公室。",
)


TARGET_GUIDE_LINE = ("七、“{suffix}”表列出本单位负责填报的量化指标。请在“本期完成值”中只填数字"
                     "（如新增学位 1300 个填 1300，入园率 86.5% 填 86.5），需要说明的写在“说明”中。")


def _guide_sheet(ws: Worksheet, f: _Formats, export: FillinExport, with_targets: bool) -> None:
    ws.set_column(0, 0, 110)
    ws.write_string(0, 0, tr("填报说明"), f.guide_title)
    ws.write_string(1, 0, tr("计划：{plan}　　报送周期：{period}").format(
        plan=export.plan_title, period=export.period.label), f.guide)
    lines = [tr(line) for line in GUIDE_LINES]
    if with_targets:
        lines.append(tr(TARGET_GUIDE_LINE).format(suffix=TARGET_SHEET_SUFFIX.lstrip("_")))
    for row, line in enumerate(lines, start=3):
        ws.write_string(row, 0, line, f.guide)
    ws.protect("", {"select_locked_cells": True})
    ws.set_paper(9)
    ws.set_landscape()


def _meta_sheet(ws: Worksheet, export: FillinExport, named: list[tuple[str, FillinSheet, str]]) -> None:
    """Records the reader needs, one per row, every value a string (see ``fillin_reader``)."""
    records: list[list[str]] = [
        ["format", FORMAT_VERSION],
        ["plan", str(export.plan_id), export.plan_title],
        ["period", export.period.key, export.period.label],
        ["exported_at", export.exported_at.isoformat(sep=" ", timespec="seconds")],
    ]
    for name, sheet, target_name in named:
        keys = [RowKey(r.assignment_id, r.stamp).text() for r in sheet.rows]
        records.append(["sheet", name, str(sheet.unit_id), sheet.unit_name, sheet.token,
                        keys_checksum(keys)])
        for key, row in zip(keys, sheet.rows, strict=True):
            locked = {Field.CODE: row.code, Field.TITLE: row.title, Field.MEASURE: row.measure,
                      Field.ROLE: row.role, Field.DEADLINE: row.deadline}
            # One cell per row (not one per digest): the metadata sheet is written for every
            # unit, and cells are what writing costs.
            records.append(["row", name, "/".join([key, *(cell_digest(locked[f])
                                                          for f in CHECKED_FIELDS)])])
        if target_name:
            target_keys = [TargetKey(t.target_id, t.stamp).text() for t in sheet.targets]
            records.append(["targets", target_name, name, keys_checksum(target_keys)])
            records.extend(["target", target_name, key] for key in target_keys)
    for row, record in enumerate(records):
        for col, value in enumerate(record):
            ws.write_string(row, col, value)
    ws.protect("", {})
    ws.very_hidden()
