"""One number per item, everywhere: the ledger (with the path above it on hover and in a
filter hit), the detail pane, a written fill-in workbook, the ledger report and the
bulletin's annex (.xlsx and .docx), and the command line's JSON all show the item as the
document writes it, whichever way its file stored the code (a plan document's path code
``一.(一).1``, a task list's ``（一）`` and ``1``)."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from docx import Document

from planner_desktop.domain.deadlines import parse_deadline
from planner_desktop.domain.model import ItemDraft, PlanDraft
from planner_desktop.domain.units import Role, UnitMention
from planner_desktop.ops.fillin.export import export_fillin
from planner_desktop.printing.report_files import make_report
from planner_desktop.store.plans import create_plan
from tests.cli.test_cli import cli

AS_OF = dt.date(2026, 11, 22)
TITLE = "开展党的创新理论专题学习"


def item(code: str, title: str, *children: ItemDraft, lead: str = "") -> ItemDraft:
    units = (UnitMention(lead, Role.LEAD),) if lead else ()
    deadline = parse_deadline("6月30日前", 2026) if lead else None
    return ItemDraft(code=code, title=title, units=units, deadline=deadline, children=list(children))


# A plan document stores path codes; a task list the markers as its 序号 cells wrote them.
DOCUMENT_CODES = ("一", "一.(一)", "一.(一).1", "二", "二.1")
TASK_LIST_CODES = ("一、", "（一）", "1", "二、", "1")


@pytest.mark.parametrize("codes", [DOCUMENT_CODES, TASK_LIST_CODES], ids=["document", "task list"])
def test_an_item_has_the_same_number_everywhere(qtbot, ledger, tmp_path, codes):
    from planner_desktop.gui.ledger_model import TOOLTIP
    from planner_desktop.gui.main_window import MainWindow

    top, middle, leaf, second, other = codes
    draft = PlanDraft("青溪县教育局2026年工作要点", 2026, items=[
        item(top, "坚持党建引领", item(middle, "强化政治理论武装", item(leaf, TITLE, lead="机关党委"))),
        item(second, "守牢安全底线", item(other, "签订安全目标责任书", lead="安全稳定股")),
    ])
    plan_id = create_plan(ledger, draft, batch_kind="plan").plan_id
    number = "一、（一）1."

    window = MainWindow(ledger, today=AS_OF)
    qtbot.addWidget(window)
    window.show()
    rows = window.model.rows()
    assert [r.code for r in rows] == ["一、", "一、（一）", number, "二、", "二、1."]
    r = next(i for i, row in enumerate(rows) if row.title == TITLE)
    hover = window.model.data(window.model.index(r, window.model.column_of("code")), TOOLTIP)
    assert hover.splitlines() == ["一、坚持党建引领", "（一）强化政治理论武装", f"{number} {TITLE}"]
    window.search.setText("专题学习")  # a filter hit on the deep item shows its path
    assert [row.code for row in window.model.rows()] == [number]
    window.table.selectRow(0)
    heading = window.detail.heading.text()
    assert f"{number} {TITLE}" in heading and "一、坚持党建引领 › （一）强化政治理论武装" in heading

    files = export_fillin(ledger, plan_id, "2026年第4季度", tmp_path / "fillin").files
    written = []
    for path in files:
        sheet = openpyxl.load_workbook(path).worksheets[0]
        header = next(row for row in sheet.iter_rows(values_only=True) if "编号" in row)
        code_at, title_at = header.index("编号"), header.index("工作要点")
        written += [(row[code_at], row[title_at]) for row in sheet.iter_rows(values_only=True)]
    assert (number, TITLE) in written and ("二、1.", "签订安全目标责任书") in written

    make_report(ledger, "ledger", plan_id=plan_id, as_of=AS_OF, xlsx=tmp_path / "ledger.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "ledger.xlsx").active
    assert (number, TITLE) in [row[:2] for row in sheet.iter_rows(values_only=True)]

    make_report(ledger, "bulletin", plan_id=plan_id, as_of=AS_OF, xlsx=tmp_path / "bulletin.xlsx",
                docx=tmp_path / "bulletin.docx")
    cells = [tuple(c.text for c in row.cells[:2]) for table in Document(tmp_path / "bulletin.docx").tables
             for row in table.rows]
    assert (number, TITLE) in cells
    annex = [row[:2] for ws in openpyxl.load_workbook(tmp_path / "bulletin.xlsx").worksheets
             for row in ws.iter_rows(values_only=True)]
    assert (number, TITLE) in annex

    code, data, _ = cli("items", "list", "--json", db=ledger.path)
    assert code == 0
    assert {i["title"]: i["code"] for i in data["items"]}[TITLE] == number
    window.close()
