"""The 导入任务表 dialog driven as a clerk would: open a sample, remap, map a unit, commit, undo."""

from __future__ import annotations

import shutil
import threading

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from planner_desktop.gui import import_dialog
from planner_desktop.gui.events import ledger_events
from planner_desktop.gui.import_dialog import ImportTasksDialog
from planner_desktop.store.ledger_rows import fetch_items
from planner_desktop.store.units import import_roster


@pytest.fixture
def merged_sample(samples, tmp_path):
    path = tmp_path / "任务分解表.xlsx"
    shutil.copyfile(samples / "tasklists" / "2020_tasklist_merged.xlsx", path)
    return path


def wait_for_preview(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.parsed is not None and not dialog.job.running, timeout=20000)


def test_dialog_previews_remaps_maps_units_and_commits(qtbot, ledger, merged_sample):
    from planner_desktop.domain.units import RosterUnit, UnitKind

    import_roster(ledger, [RosterUnit(name="基础教育股", kind=UnitKind.SECTION)], {}, [])
    dialog = ImportTasksDialog(ledger, merged_sample)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_preview(qtbot, dialog)
    assert dialog.tree.topLevelItemCount() == 9
    assert "126" in dialog.summary.text()
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    assert ok.isEnabled()

    # the clerk says the 备注 column (H) is really the 配合单位 column: the preview is parsed again
    sheet = dialog.sheet_combo.currentText()
    rows = {dialog.mapping_table.item(r, 1).text(): r for r in range(dialog.mapping_table.rowCount())}
    combo = dialog.mapping_table.cellWidget(rows["配合股室"], 2)
    first = dialog.parsed
    combo.setCurrentIndex(combo.findData(""))  # do not import the support column
    qtbot.waitUntil(lambda: dialog.parsed is not first and not dialog.job.running, timeout=20000)
    assert "support" not in dialog.mapping[sheet].values()
    assert not any(m.role.value == "support" for _, item in dialog.parsed.preview.plan.walk()
                   for m in item.units)

    # map the unknown 基教股 to the roster's 基础教育股
    names = [dialog.units_table.item(r, 0).text() for r in range(dialog.units_table.rowCount())]
    assert "基教股" in names and "基础教育股" not in names
    unit_combo = dialog.units_table.cellWidget(names.index("基教股"), 1)
    unit_combo.setCurrentIndex(unit_combo.findData("基础教育股"))

    with qtbot.waitSignal(dialog.imported, timeout=20000) as imported:
        ok.click()
    plan_id = imported.args[0]
    assert len(fetch_items(ledger, plan_id)) == 126
    alias = ledger.scalar("SELECT u.name FROM unit_alias a JOIN unit u ON u.id = a.unit_id "
                          "WHERE a.alias = '基教股'")
    assert alias == "基础教育股"
    assert ledger.scalar("SELECT count(*) FROM unit WHERE name = '基教股'") == 0
    assert ledger.scalar("SELECT count(*) FROM assignment WHERE role = 'support'") == 0


def test_undo_of_a_dialog_import(qtbot, ledger, merged_sample):
    from planner_desktop.store.undo import undo_batch

    dialog = ImportTasksDialog(ledger, merged_sample)
    qtbot.addWidget(dialog)
    wait_for_preview(qtbot, dialog)
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.buttons.button(QDialogButtonBox.Ok).click()
    assert ledger.scalar("SELECT count(*) FROM plan_item") == 126
    undo_batch(ledger, dialog.created.batch_id)
    assert ledger.scalar("SELECT count(*) FROM plan_item") == 0
    assert ledger.scalar("SELECT count(*) FROM unit") == 0


def test_a_bad_file_shows_a_message_and_writes_nothing(qtbot, ledger, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    bad = tmp_path / "坏文件.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not really a workbook")
    dialog = ImportTasksDialog(ledger, bad)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "坏文件.xlsx" in shown[0]
    assert not dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
    assert ledger.scalar("SELECT count(*) FROM plan") == 0


def test_twin_header_columns_are_both_shown_and_the_clerk_chooses_one(qtbot, ledger, tmp_path):
    """Two 重点任务 columns: both rows of the mapping are marked, the warning is listed, and
    choosing the second one for 任务 imports its texts (the first is then left out)."""
    from tests.cli.test_tasklist_duplicate_columns import write_twin_list

    dialog = ImportTasksDialog(ledger, write_twin_list(tmp_path / "两列任务.xlsx"))
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_preview(qtbot, dialog)
    table = dialog.mapping_table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert set(rows) == {"A", "B", "C", "D", "E", "F"}
    combo_of = {letter: table.cellWidget(row, 2) for letter, row in rows.items()}
    assert combo_of["B"].currentData() == "task" and combo_of["D"].currentData() == ""
    for letter, twin in (("B", "D"), ("D", "B"), ("C", "E"), ("E", "C")):
        assert f"{twin} 列" in table.item(rows[letter], 1).toolTip()
    assert table.item(rows["A"], 1).toolTip() == ""
    warned = {dialog.warnings_table.item(r, 2).text()
              for r in range(dialog.warnings_table.rowCount())}
    assert warned == {"D", "E"}

    first = dialog.parsed
    combo_of["D"].setCurrentIndex(combo_of["D"].findData("task"))
    qtbot.waitUntil(lambda: dialog.parsed is not first and not dialog.job.running, timeout=20000)
    sheet = dialog.sheet_combo.currentText()
    assert dialog.mapping[sheet][3] == "task" and 1 not in dialog.mapping[sheet]
    assert [dialog.tree.topLevelItem(i).text(1) for i in range(2)] == ["补充说明一", "补充说明二"]
    combo_b = table.cellWidget(rows["B"], 2)
    assert combo_b.currentData() == ""  # the mapping shown again: B no longer feeds 任务

    with qtbot.waitSignal(dialog.imported, timeout=20000) as imported:
        dialog.buttons.button(QDialogButtonBox.Ok).click()
    assert [item.title for item in fetch_items(ledger, imported.args[0])] == [
        "补充说明一", "补充说明二"]


def counts(ledger) -> dict[str, int]:
    return {table: ledger.scalar(f"SELECT count(*) FROM {table}")
            for table in ("plan", "plan_item", "assignment", "unit", "import_batch")}


def test_cancel_during_a_slow_commit_leaves_the_ledger_unchanged(qtbot, ledger, tmp_path,
                                                                  monkeypatch):
    """A 3,000-row task list: the clerk presses 取消 in the progress dialog while the rows sit
    in the commit's open transaction. Nothing is written or announced, the dialog stays open,
    and 导入 then imports it after all."""
    from tests.support.fixtures_sheets import write_task_list_xlsx

    dialog = ImportTasksDialog(ledger, write_task_list_xlsx(tmp_path / "三千行.xlsx", rows=3000))
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_preview(qtbot, dialog)
    items = dialog.parsed.preview.plan.count_items()
    before = counts(ledger)
    commit, clicked, written = import_dialog.commit_task_list, threading.Event(), []

    def held_until_clicked(worker_ledger, parsed, on_progress):
        def slowed(done, total):  # the rows are written, not yet committed: slow until 取消
            written.append(worker_ledger.scalar("SELECT count(*) FROM plan_item"))
            clicked.wait(timeout=20)
            on_progress(done, total)
        return commit(worker_ledger, parsed, on_progress=slowed)

    monkeypatch.setattr(import_dialog, "commit_task_list", held_until_clicked)
    heard = []
    ledger_events().changed.connect(lambda changes, _initiator: heard.append(changes))
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    ok.click()
    qtbot.waitUntil(lambda: dialog.job.progress_shown, timeout=10000)
    cancel = dialog.job.progress.findChild(QPushButton)
    assert cancel.isVisible() and cancel.text() == "取消"
    cancel.click()
    clicked.set()
    qtbot.waitUntil(ok.isEnabled, timeout=20000)
    assert written == [items], "the import had written its rows"
    assert counts(ledger) == before, "and they were rolled back"
    assert heard == [] and dialog.isVisible() and dialog.created is None

    monkeypatch.setattr(import_dialog, "commit_task_list", commit)
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        ok.click()
    assert ledger.scalar("SELECT count(*) FROM plan_item") == items
