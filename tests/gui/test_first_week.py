"""The clerk's first week on a fresh ledger, through the real dialogs of the window: the roster,
the plan document and the task list issued with it (in either order), fill-in workbooks out,
three of them back as a unit clerk fills them in Excel (openpyxl here), the bulletin to PDF and
.xlsx. What the week must leave: one plan, no unit twice, the assignments on the roster's
units, the dashboard counting the three returns, the returns undoable, one 期号 in both files."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QDialogButtonBox

from planner_desktop.domain.report_content import ReportKind
from planner_desktop.exchange.roster import read_roster
from planner_desktop.gui.main_window import MainWindow
from planner_desktop.store.database import open_ledger
from tests.support.fillin_helpers import fill_all, fill_workbook
from tests.support.windows import window_over

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ROSTER = SAMPLES / "tasklists" / "units_roster.xlsx"
DOCUMENT = SAMPLES / "plans" / "001_autonumbered.docx"
TASK_LIST = SAMPLES / "tasklists" / "2020_tasklist_merged.xlsx"
TODAY = dt.date(2020, 5, 11)
# The roster's units, as its sheets name them (read with the program's own roster reader).
ROSTER_NAMES = [unit.name for unit in read_roster(ROSTER)[0]]
RETURNING = 3


def finish(qtbot, dialog) -> None:
    """Wait for the dialog's preview, then press its OK and wait for the import."""
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy, timeout=60000)
    with qtbot.waitSignal(dialog.imported, timeout=60000):
        dialog.buttons.button(QDialogButtonBox.Ok).click()


@pytest.fixture
def week(qtbot, tmp_path):
    ledger = open_ledger(tmp_path / "督办台账.sqlite", daily_backup=False)
    yield window_over(qtbot, ledger, TODAY)
    ledger.close()


def import_roster(qtbot, window: MainWindow) -> None:
    units = window.manage_units()
    qtbot.addWidget(units)
    dialog = units.import_roster_file(ROSTER)  # what the roster adds, then 导入
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.ui.buttons.button(QDialogButtonBox.Ok).click()
    units.close()


def import_plan_and_task_list(qtbot, window: MainWindow, document_first: bool) -> int:
    steps = [window.import_plan, window.import_tasks]
    files = [DOCUMENT, TASK_LIST]
    if not document_first:
        steps.reverse()
        files.reverse()
    first = steps[0](files[0])
    qtbot.addWidget(first)
    finish(qtbot, first)
    plan_id = window.ledger.scalar("SELECT id FROM plan")
    second = steps[1](files[1])
    qtbot.addWidget(second)
    qtbot.waitUntil(lambda: second.preview is not None and not second.busy, timeout=60000)
    assert second.chosen_plan_id() == plan_id, "the second file joins the plan the first made"
    finish(qtbot, second)
    return plan_id


def send_and_receive(qtbot, window: MainWindow, tmp_path: Path) -> list[str]:
    """Fill-in workbooks out to every unit; three come back filled."""
    export = window.export_fillin()
    qtbot.addWidget(export)
    export.period_combo.setEditText("2020年第2季度")
    export.folder_edit.setText(str(tmp_path / "发出"))
    with qtbot.waitSignal(export.exported, timeout=60000) as signal:
        export.buttons.button(QDialogButtonBox.Ok).click()
    assert signal.args[0].units >= RETURNING
    export.close()
    sent = sorted((tmp_path / "发出").glob("*.xlsx"))
    back = tmp_path / "收回"
    back.mkdir()
    returned = []
    for number, path in enumerate(sent[:RETURNING]):
        fill_workbook(path, fill_all({"状态": "推进中", "完成进度%": 40 + number,
                                      "进展情况": f"第{number + 1}个单位已部署"}), back / path.name)
        returned.append(path.name)
    dialog = window.import_returns([back])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.job.running, timeout=60000)
    with qtbot.waitSignal(dialog.imported, timeout=60000):
        dialog.buttons.button(QDialogButtonBox.Ok).click()
    return returned


def bulletin_numbers(qtbot, window: MainWindow, tmp_path: Path) -> dict[str, set[str]]:
    """The bulletin exported to PDF and .xlsx: the 期号 each file says."""
    dialog = window.open_reports()
    qtbot.addWidget(dialog)
    dialog.set_kind(ReportKind.BULLETIN)
    files = {what: tmp_path / f"督办通报.{what}" for what in ("pdf", "xlsx")}
    for what, path in files.items():
        with qtbot.waitSignal(dialog.exported, timeout=60000):
            dialog.export(what, path)
    cells = " ".join(str(c.value) for ws in openpyxl.load_workbook(files["xlsx"]).worksheets
                     for row in ws.iter_rows() for c in row if c.value is not None)
    numbers = {"xlsx": set(re.findall(r"第(\d+)期", cells))}
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(files["pdf"]), "-"], capture_output=True,
                              text=True, check=True).stdout
        numbers["pdf"] = set(re.findall(r"第(\d+)期", text))
    return numbers


@pytest.mark.parametrize(("document_first", "roster_first"), [(True, True), (False, True), (True, False)],
                         ids=["document-first", "task-list-first", "roster-last"])
def test_the_first_week(qtbot, week, tmp_path, document_first, roster_first):
    ledger = week.ledger
    if roster_first:
        import_roster(qtbot, week)
    plan_id = import_plan_and_task_list(qtbot, week, document_first)
    if not roster_first:  # the roster comes later: its aliases name the units the files made
        import_roster(qtbot, week)
    roster_units = set(ROSTER_NAMES)

    # One plan, holding both files' items.
    assert ledger.scalar("SELECT count(*) FROM plan") == 1
    assert ledger.scalar("SELECT count(*) FROM plan_item WHERE plan_id = ?", (plan_id,)) == 126
    # No unit twice, none beside the roster's, and every assignment on one of the roster's.
    names = [r["name"] for r in ledger.query("SELECT name FROM unit")]
    assert len(names) == len(set(names))
    assert set(names) == roster_units, set(names) - roster_units
    assigned = {r["name"] for r in ledger.query(
        "SELECT DISTINCT u.name FROM assignment a JOIN unit u ON u.id = a.unit_id")}
    assert assigned and assigned <= roster_units
    assert ledger.scalar("SELECT count(*) FROM (SELECT item_id, unit_id FROM assignment "
                         "GROUP BY item_id, unit_id HAVING count(*) > 1)") == 0

    send_and_receive(qtbot, week, tmp_path)
    week.act_dashboard.trigger()
    assert f"已报送 {RETURNING} 份" in week.reporting.counts.text(), week.reporting.counts.text()
    assert week.undo_stack.canUndo() and "导入回收表" in week.undo_stack.undoText()

    numbers = bulletin_numbers(qtbot, week, tmp_path)
    assert numbers["xlsx"] == {"1"}
    assert numbers.get("pdf", {"1"}) == {"1"}
    week.grab().save(str(tmp_path / "first_week.png"))
