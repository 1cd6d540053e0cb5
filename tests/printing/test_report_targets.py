"""The 量化指标 in the printed reports of the demo ledger with figures reported: the 督办台账's
column (each target with its figure and state) and the 督办通报's part 未达成的量化指标, read
back from the PDF (pdftotext), the .docx (python-docx) and the .xlsx (openpyxl).

The figures are written here, so what each target's state must be is too: 培育县级党建示范校10所
reported 8 (wanted exactly 10: not reached), 全年集中学习不少于12次 reported 14 (reached).
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import openpyxl
import pytest
from docx import Document

from planner_desktop.printing.report_files import make_report
from planner_desktop.store.database import open_ledger
from planner_desktop.store.targets import FigureReport, record_figures, tracked_targets

AS_OF = dt.date(2026, 11, 22)
SHORT = "培育县级党建示范校10所"
MET = "全年集中学习不少于12次"
LATE = "年内新增公办幼儿园学位600个"  # reported after the bulletin's date


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_templates):
    ledger = open_ledger(tmp_path_factory.mktemp("report-targets") / "demo.sqlite")
    ledger.demo_plan = demo_templates.copy_into(ledger, today=AS_OF).plan_id
    ids = {t.text: t.id for t in tracked_targets(ledger)}
    with ledger.transaction():
        record_figures(ledger.conn, [FigureReport(ids[SHORT], "2026", 8, "2所申报材料退回补充"),
                                     FigureReport(ids[MET], "2026", 14)], at="2026-11-10 09:00:00")
        record_figures(ledger.conn, [FigureReport(ids[LATE], "2026", 550)], at="2026-11-30 09:00:00")
    yield ledger
    ledger.close()


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def part(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def counts_at(ledger) -> tuple[int, int, int]:
    live = [t for t in tracked_targets(ledger, plan_id=ledger.demo_plan, until=AS_OF.isoformat())]
    states = [t.state.value for t in live]
    return len(live), states.count("已达成"), states.count("未达成")


def test_the_bulletin_lists_the_targets_not_reached(demo, tmp_path):
    pdf, docx, xlsx = tmp_path / "通报.pdf", tmp_path / "通报.docx", tmp_path / "通报.xlsx"
    make_report(demo, "bulletin", plan_id=demo.demo_plan, as_of=AS_OF, pdf=pdf, docx=docx, xlsx=xlsx)
    tracked, reached, short = counts_at(demo)
    assert (reached, short) == (1, 1), "the November 30 figure is after the bulletin's date"
    sentence = f"纳入跟踪的量化指标共{tracked}项，已达成{reached}项，未达成{short}项"
    line = "1.一、（三）培育县级党建示范校10所（目标10所，完成8所；机关党委：2所申报材料退回补充）"
    printed = squeeze(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                     check=True).stdout)
    words = squeeze("\n".join(p.text for p in Document(str(docx)).paragraphs))
    sheet = openpyxl.load_workbook(xlsx).worksheets[0]
    cells = squeeze("\n".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c))
    for text in (printed, words, cells):
        assert sentence in part(text, "一、总体情况", "二、")
        section = part(text, "四、未达成的量化指标", "五、未报送进展的单位")
        assert "共有1项量化指标未达到目标" in section and line in section
        assert MET not in section and LATE not in section
        assert "六、工作要求" in text


def test_the_ledger_report_has_a_targets_column(demo, tmp_path):
    xlsx, pdf = tmp_path / "台账.xlsx", tmp_path / "台账.pdf"
    make_report(demo, "ledger", plan_id=demo.demo_plan, as_of=AS_OF, xlsx=xlsx, pdf=pdf)
    sheet = openpyxl.load_workbook(xlsx).active
    header = {sheet.cell(3, c).value: c for c in range(1, sheet.max_column + 1)}
    by_title = {sheet.cell(r, header["工作任务"]).value: sheet.cell(r, header["量化指标"]).value
                for r in range(4, sheet.max_row + 1)}
    party = by_title["夯实基层党组织建设"].split("\n")
    assert party == ["培育县级党建示范校10所：完成8所（未达成）", "市级党建示范点2个（待填报）",
                     "全年在一线教师中发展党员不少于30名（待填报）"]
    assert by_title["强化政治理论武装"].split("\n") == ["全年集中学习不少于12次：完成14次（已达成）",
                                                      "组建青年教师理论宣讲小分队x支（待定）"]
    assert by_title["修订完善学校章程"] == "年内完成x所学校章程核准工作（待定）"
    # A heading's own targets follow its title on its spanning row.
    headings = [sheet.cell(r, 1).value for r in range(4, sheet.max_row + 1)
                if str(sheet.cell(r, 1).value).startswith("三、（一）推进学前教育普惠发展")]
    assert headings == ["三、（一）推进学前教育普惠发展　量化指标：年内新增公办幼儿园学位600个（待填报）；"
                        "普惠性幼儿园覆盖率达到92%以上（待填报）；公办园在园幼儿占比达到55%以上（待填报）"]
    printed = squeeze(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                     check=True).stdout)
    # The cell wraps in its column, so its words come out of the page in pieces.
    assert "量化指标" in printed and "培育县级党建示范校10所：完成8所（未达" in printed


def test_a_plan_without_targets_prints_no_such_part(demo_templates, tmp_path):
    ledger = open_ledger(tmp_path / "plain.sqlite")
    try:
        plan = demo_templates.copy_into(ledger, today=AS_OF).plan_id
        with ledger.transaction() as conn:
            conn.execute("DELETE FROM target")
        docx, xlsx = tmp_path / "通报.docx", tmp_path / "台账.xlsx"
        make_report(ledger, "bulletin", plan_id=plan, as_of=AS_OF, docx=docx)
        make_report(ledger, "ledger", plan_id=plan, as_of=AS_OF, xlsx=xlsx)
    finally:
        ledger.close()
    texts = [p.text for p in Document(str(docx)).paragraphs]
    assert "四、未报送进展的单位" in texts and "五、工作要求" in texts
    assert not any("量化指标" in t for t in texts)
    headers = [c.value for c in openpyxl.load_workbook(xlsx).active[3]]
    assert "量化指标" not in headers
