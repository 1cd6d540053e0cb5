"""A county bureau's first week in small: its roster, a plan text naming sections by the
keyword table's spellings, and a task list naming groups, as real files."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from tests.support.fixtures_sheets import write_rows_xlsx

ROSTER_HEADER = ["单位名称", "简称", "类别", "学段", "所在乡镇"]
# The bureau's own names: the keyword table's 安全股, 计财股 and 办公室 are aliases here.
ROSTER_ROWS = [
    ["局办公室", "办公室", "股室", "", ""],
    ["安全稳定股", "安全股", "股室", "", ""],
    ["计划财务股", "计财股、财务股", "股室", "", ""],
    ["基础教育股", "基教股", "股室", "", ""],
    ["县第一中学", "一中", "学校", "高中", "城关镇"],
    ["县实验小学", "实小", "学校", "小学", "城关镇"],
    ["长赤镇中心学校", "", "学校", "九年一贯制", "长赤镇"],
    ["县幼儿园", "", "学校", "幼儿园", "城关镇"],
]
PRIMARY_AND_SECONDARY = {"县第一中学", "县实验小学", "长赤镇中心学校"}

TASK_HEADER = ["序号", "重点任务", "牵头股室", "配合股室", "责任学校", "完成时限"]
TASK_ROWS = [
    ["1", "推进义务教育优质均衡", "基础教育股", "", "各中小学", "2025年6月底"],
    ["2", "抓好校园安全工作", "安全股", "办公室", "各中小学、各幼儿园", "2025年9月底"],
    ["3", "规范学校财务管理", "计财股", "", "全县学校", "2025年12月底"],
]

PLAN_TEXT = """\
某县教育局2025年工作要点

一、抓好校园安全
1.深化平安校园建设，开展防溺水专项教育。
二、加强经费管理
2.严格预算执行，规范财务管理。
三、推进信访和宣传工作
3.做好信访接待和宣传报道。
"""


def write_roster(path: Path, rows: list[list[str]] | None = None) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "单位名册"
    for row in [ROSTER_HEADER, *(ROSTER_ROWS if rows is None else rows)]:
        sheet.append(row)
    workbook.save(path)
    return path


def write_task_list(path: Path) -> Path:
    return write_rows_xlsx(path, [TASK_HEADER, *TASK_ROWS], title="任务")
