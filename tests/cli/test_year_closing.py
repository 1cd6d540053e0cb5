"""Closing the year as a clerk does it, through the commands: the sample plan and its task list
imported, the fill-in workbooks exported, filled with openpyxl as each unit's clerk fills them
(statuses, notes, the figures reached on the 量化指标 sheet), imported back, then the targets'
states and the 工作总结初稿 read back with python-docx.

The expected states are written from the plan's own words: 省级安全文明校园3所 (3 wanted
exactly), 州级安全文明校园5所 (5 exactly), 创建州级毒品预防教育示范校8所 (8 exactly).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from planner_desktop.cli.main import run
from tests.support.fillin_helpers import data_rows, headers

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
UNIT = "安全股"
FIGURES = {"省级安全文明校园3所": (3, ""), "州级安全文明校园5所": (4, "1所未通过州级验收"),
           "创建州级毒品预防教育示范校8所": (8, "")}
EXPECTED_STATES = {"省级安全文明校园3所": "已达成", "州级安全文明校园5所": "未达成",
                   "创建州级毒品预防教育示范校8所": "已达成", "申报省级平安校园建设先进县市区1个": "待填报"}


def cli(capsys, db: Path, *args: str) -> dict:
    code = run(["--db", str(db), "--json", *args])
    out = capsys.readouterr().out
    assert code == 0, out
    return json.loads(out)


def fill_unit_workbook(path: Path) -> list[str]:
    """The unit's clerk: the first task done, the second under way, the figures reached typed
    beside their targets. Returns the titles of the tasks reported done."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    columns = headers(ws)
    done = []
    for n, r in enumerate(data_rows(ws)[:2]):
        if n == 0:
            values = {"状态": "已完成", "完成进度%": 100, "实际完成时间": dt.date.today(),
                      "进展情况": f"{ws.cell(r, columns['工作要点']).value}工作已全部完成。"}
            done.append(ws.cell(r, columns["工作要点"]).value)
        else:
            values = {"状态": "推进中", "完成进度%": 60, "进展情况": "正在推进，已完成过半。"}
        for header, value in values.items():
            ws.cell(r, columns[header]).value = value
    for sheet in wb.worksheets:
        if sheet.title.endswith("_量化指标"):
            columns = headers(sheet)
            for r in data_rows(sheet):
                figure, note = FIGURES.get(sheet.cell(r, columns["量化指标"]).value, (None, ""))
                if figure is not None:
                    sheet.cell(r, columns["本期完成值"]).value = figure
                    sheet.cell(r, columns["说明"]).value = note or None
    wb.save(path)
    return done


@pytest.fixture
def closed_year(tmp_path, capsys):
    db = tmp_path / "ledger.sqlite"
    cli(capsys, db, "import-plan", str(SAMPLES / "plans" / "001_autonumbered.docx"))
    cli(capsys, db, "import-tasks", str(SAMPLES / "tasklists" / "2020_tasklist_merged.xlsx"))
    exported = cli(capsys, db, "export-fillin", "--plan", "1", "--period", "2020", "--out",
                   str(tmp_path / "out"))
    assert exported["targets"] > 0
    done: list[str] = []
    for file in map(Path, exported["files"]):
        done.extend(fill_unit_workbook(file))
    returned = cli(capsys, db, "import-returns", str(tmp_path / "out"), "--period", "2020")
    return db, returned, done


def test_figures_reach_each_targets_state_through_the_returned_workbooks(closed_year, capsys):
    db, returned, _done = closed_year
    assert returned["figures"]["updated"] == len(FIGURES) and returned["figures"]["refused"] == 0
    targets = {t["text"]: t for t in cli(capsys, db, "targets", "list", "--plan", "1")["targets"]}
    assert {text: targets[text]["state"] for text in EXPECTED_STATES} == EXPECTED_STATES
    assert targets["州级安全文明校园5所"]["figure"] == 4
    assert targets["州级安全文明校园5所"]["note"] == "1所未通过州级验收"
    assert {t["period"] for t in targets.values() if t["figure"] is not None} == {"2020"}
    # Targets nobody reports (an item without a lead unit) were not asked: still 待填报.
    assert all(t["state"] == "待填报" for t in targets.values() if not t["reporter"])


def test_the_summary_draft_tells_the_year_from_the_returns(closed_year, capsys, tmp_path):
    db, _returned, done = closed_year
    out = tmp_path / "总结.docx"
    period = f"2020-01-01:{dt.date.today().isoformat()}"
    written = cli(capsys, db, "summary", "--plan", "1", "--period", period, "--out", str(out))
    listed = cli(capsys, db, "targets", "list", "--plan", "1")
    items = cli(capsys, db, "items", "list", "--plan", "1")
    paragraphs = [p.text for p in Document(str(out)).paragraphs if p.text.strip()]
    body = "\n".join(paragraphs)
    opening = paragraphs[1]
    reached = listed["states"].get("已达成", 0)
    assert reached == 2
    assert f"量化指标{listed['count']}项，已达成{reached}项" in opening
    # The opening's figures are the ledger's: its leaf items, and those every unit finished.
    parents = {i["parent_id"] for i in items["items"]}
    leaves = [i for i in items["items"] if i["id"] not in parents]
    finished = [i for i in leaves if i["status"] == "已完成"]
    assert (written["items"], written["done"]) == (len(leaves), len(finished))
    assert 0 < len(finished) < len(set(done)), "an item shared by units is done when all are"
    assert f"共{len(leaves)}项，已完成{len(finished)}项" in opening
    work = body.split("存在的问题")[0]
    for title in set(done):  # each unit's words once, though several units wrote them
        assert work.count(f"{title}工作已全部完成。") == 1, title
    problems = body.split("存在的问题")[1].split("下一步工作打算")[0]
    assert "州级安全文明校园5所" in problems and "1所未通过州级验收" in problems
    assert "省级安全文明校园3所" not in problems
