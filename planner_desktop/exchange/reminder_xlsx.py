"""The 催报名单 (reminder list) as a workbook: the units that have not reported for a period.

Clerks print it for the office meeting or send it round the chat group, so it is one plain
A4 table with the unit's contact and phone, ready to ring down.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planner_desktop.exchange.xlsx_out import atomic_xlsx
from planner_desktop.i18n import tr

FONT = "宋体"


@dataclass(frozen=True)
class ReminderRow:
    unit: str
    kind: str
    contact: str
    phone: str
    sent_at: str  # when the workbook was exported ("" if none was)
    state: str  # 未报送 / 已报送，N 项未填写
    empty_rows: int


HEADERS = ("序号", "单位", "类别", "联系人", "联系电话", "填报表发出时间", "报送情况")
WIDTHS = (6, 26, 8, 10, 16, 20, 22)


def write_reminder_workbook(path: Path, plan_title: str, period_label: str,
                            rows: list[ReminderRow]) -> None:
    with atomic_xlsx(path) as workbook:
        title = workbook.add_format({"font_name": FONT, "font_size": 16, "bold": True,
                                     "align": "center", "valign": "vcenter"})
        sub = workbook.add_format({"font_name": FONT, "font_size": 11})
        header = workbook.add_format({"font_name": FONT, "bold": True, "border": 1,
                                      "align": "center", "bg_color": "#DDE6F0"})
        cell = workbook.add_format({"font_name": FONT, "border": 1, "text_wrap": True,
                                    "valign": "top"})
        ws = workbook.add_worksheet(tr("催报名单"))
        last = len(HEADERS) - 1
        ws.merge_range(0, 0, 0, last, tr("{period}工作要点落实情况催报名单").format(
            period=period_label), title)
        ws.merge_range(1, 0, 1, last, tr("计划：{plan}　　未报送单位 {n} 个").format(
            plan=plan_title, n=len(rows)), sub)
        ws.set_row(0, 28)
        for col, (text, width) in enumerate(zip(HEADERS, WIDTHS, strict=True)):
            ws.write_string(2, col, tr(text), header)
            ws.set_column(col, col, width)
        for n, row in enumerate(rows, start=1):
            values = (str(n), row.unit, row.kind, row.contact, row.phone, row.sent_at, row.state)
            for col, value in enumerate(values):
                ws.write_string(2 + n, col, value, cell)
        ws.set_paper(9)
        ws.repeat_rows(2)
        ws.fit_to_pages(1, 0)
        ws.set_footer(tr("&C第 &P 页，共 &N 页"))
