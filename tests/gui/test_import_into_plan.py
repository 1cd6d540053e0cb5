"""导入到 in the two import dialogs: the plan the file belongs to chosen by default, the
preview against that plan's tree, and the commit filling it instead of making a second plan."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from planner_desktop.gui.import_dialog import COMPARE_COLUMN, ImportTasksDialog
from planner_desktop.gui.plan_import_dialog import PlanImportDialog
from planner_desktop.ops.plan_import import commit_plan_document, preview_plan_document
from planner_desktop.ops.task_import import commit_task_list, preview_task_list

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
DOCUMENT = SAMPLES / "plans" / "001_autonumbered.docx"
TASK_LIST = SAMPLES / "tasklists" / "2020_tasklist_merged.xlsx"


def ready(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy, timeout=30000)


def rows(tree) -> list:
    found = []

    def walk(item) -> None:
        found.append(item)
        for index in range(item.childCount()):
            walk(item.child(index))

    for index in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(index))
    return found


def test_task_list_dialog_chooses_its_plan_and_fills_it(qtbot, ledger):
    plan_id = commit_plan_document(ledger, preview_plan_document(ledger, DOCUMENT)).plan_id
    dialog = ImportTasksDialog(ledger, TASK_LIST)
    qtbot.addWidget(dialog)
    ready(qtbot, dialog)
    assert dialog.chosen_plan_id() == plan_id
    assert "与本文件相符" in dialog.target_combo.currentText()
    assert dialog.update_panel.isVisibleTo(dialog)
    assert "对上" in dialog.update_label.text() and "新增 82 项" in dialog.update_label.text()
    # The tree is the plan's: its numbers as the ledger shows them (二、1.), the list's measures
    # marked new under them.
    assert not dialog.tree.isColumnHidden(COMPARE_COLUMN)
    shown = rows(dialog.tree)
    assert [r.text(0) for r in shown[:4]] == ["一、", "一、1.", "一、1.（1）", "一、1.（2）"]
    assert shown[2].text(COMPARE_COLUMN) == "新增"
    covid = next(r for r in shown if r.text(1) == "切实做好新冠肺炎疫情防控工作")
    assert covid.text(0) == "二、1." and "表中编号 5" in covid.text(COMPARE_COLUMN)
    # Choosing 新建计划 shows the list's own tree; choosing the plan again, the join.
    dialog.target_combo.setCurrentIndex(0)
    assert dialog.parsed.target.plan_id is None and dialog.tree.isColumnHidden(COMPARE_COLUMN)
    for year in (2021, 2020):  # read again: the clerk's choice is kept, not the default
        dialog.year_spin.setValue(year)
        ready(qtbot, dialog)
    assert dialog.parsed.target.plan_id is None and dialog.chosen_plan_id() is None
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findData(plan_id))
    assert dialog.parsed.target.plan_id == plan_id

    with qtbot.waitSignal(dialog.imported, timeout=30000) as signal:
        dialog.buttons.button(QDialogButtonBox.Ok).click()
    assert signal.args[0] == plan_id
    assert ledger.scalar("SELECT count(*) FROM plan") == 1
    assert ledger.scalar("SELECT count(*) FROM plan_item") == 126
    assert ledger.scalar("SELECT count(*) FROM assignment") == 186  # and 33 groups waiting
    assert ledger.scalar("SELECT count(*) FROM pending_assignment") == 33


def test_plan_document_dialog_joins_the_plan_its_task_list_made(qtbot, ledger):
    plan_id = commit_task_list(ledger, preview_task_list(ledger, TASK_LIST)).plan_id
    dialog = PlanImportDialog(ledger, DOCUMENT)
    qtbot.addWidget(dialog)
    ready(qtbot, dialog)
    assert dialog.chosen_plan_id() == plan_id
    assert "导入到已有计划" in dialog.summary.text() and "82 项本文件未提及" in dialog.summary.text()
    assert "计划标题改为“2020年全州教育和体育工作要点”" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported, timeout=30000) as signal:
        dialog.buttons.button(QDialogButtonBox.Ok).click()
    assert signal.args[0] == plan_id
    assert ledger.scalar("SELECT count(*) FROM plan") == 1
    assert ledger.scalar("SELECT title FROM plan") == "2020年全州教育和体育工作要点"
    assert ledger.scalar("SELECT code FROM plan_item WHERE title = '切实做好新冠肺炎疫情防控工作'") == "二.1"
