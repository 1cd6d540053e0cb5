"""The roster's merge offer and the empty ledger's first steps, through the real widgets."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from planner_desktop.gui.events import ledger_events
from planner_desktop.gui.roster_import_dialog import RosterImportDialog, open_roster_import
from planner_desktop.gui.unknown_units import PENDING
from planner_desktop.ops.task_import import commit_task_list, preview_task_list
from planner_desktop.store.backup import list_backups
from tests.support.first_week import write_roster, write_task_list

TODAY = dt.date(2025, 3, 3)


def unit_names(ledger) -> set[str]:
    return {r["name"] for r in ledger.query("SELECT name FROM unit")}


def test_the_roster_import_offers_the_duplicates_at_once(qtbot, ledger, tmp_path):
    from planner_desktop.gui.main_window import MainWindow

    commit_task_list(ledger, preview_task_list(ledger, write_task_list(tmp_path / "任务表.xlsx"),
                                               year=2025))
    window = MainWindow(ledger, today=TODAY)
    qtbot.addWidget(window)
    dialog = open_roster_import(ledger, window, write_roster(tmp_path / "名册.xlsx"))
    assert isinstance(dialog, RosterImportDialog)
    pairs = dialog.ui.pairs
    rows = {pairs.item(r, 0).text(): pairs.item(r, 2).text() for r in range(pairs.rowCount())}
    assert rows == {"安全股（待核实）": "安全稳定股", "办公室（待核实）": "局办公室",
                    "计财股（待核实）": "计划财务股"}
    assert all(pairs.item(r, 0).checkState() == Qt.Checked for r in range(pairs.rowCount()))
    assert "新增 7 个" in dialog.ui.summary.text()
    assert "各中小学" in dialog.ui.summary.text()  # the groups that wait, resolved by it
    assert "县第一中学" in dialog.ui.added.toPlainText()
    # the clerk leaves one pair out
    row = next(r for r in range(pairs.rowCount()) if pairs.item(r, 0).text().startswith("计财股"))
    pairs.item(row, 0).setCheckState(Qt.Unchecked)
    backups = len(list_backups(ledger.path))
    with qtbot.waitSignal(ledger_events().told, timeout=10000) as told:
        dialog.ui.buttons.button(QDialogButtonBox.Ok).click()
    assert len(list_backups(ledger.path)) == backups + 1
    assert {"安全股", "办公室"}.isdisjoint(unit_names(ledger))
    assert "计财股" in unit_names(ledger)
    assert "合并重复单位 2 对" in told.args[0] and "各中小学" in told.args[0]
    # the window follows: the groups' schools and the merged units are on the items
    rows = {r.code.rstrip("."): r for r in window.model.rows()}  # 2. as the list writes it
    assert "安全稳定股" in rows["2"].lead and "县第一中学" in rows["2"].schools
    assert window.statusBar().currentMessage() == told.args[0]  # said in the status bar


def test_the_merge_offer_is_hidden_when_there_is_nothing_to_merge(qtbot, ledger, tmp_path):
    dialog = RosterImportDialog.for_file(ledger, write_roster(tmp_path / "名册.xlsx"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.pairs.rowCount() == 0 and not dialog.ui.pairs.isVisible()
    assert dialog.chosen() == []


def test_an_empty_ledger_says_what_to_do_first(qtbot, ledger, tmp_path, monkeypatch):
    from planner_desktop.gui.main_window import MainWindow

    window = MainWindow(ledger, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    guide = window.first_steps
    assert guide.isVisible() and not window.table.isVisible()
    assert [guide.buttons[k].text() for k in ("roster", "plan", "tasks")] == [
        "导入单位名册…", "导入工作要点…", "导入任务表…"]
    # the buttons open the imports: the roster's with the file chosen
    roster = write_roster(tmp_path / "名册.xlsx")
    monkeypatch.setattr("planner_desktop.gui.roster_import_dialog.open_file",
                        lambda *args, **kwargs: roster)
    guide.buttons["roster"].click()
    dialog = window.findChild(RosterImportDialog)
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.ui.buttons.button(QDialogButtonBox.Ok).click()
    # still no plan: the guide stays, the roster's step marked done
    assert guide.isVisible() and "8 个单位" in guide.roster_done.text()
    # a task list imported: the ledger shows its table
    commit = commit_task_list(ledger, preview_task_list(ledger, write_task_list(
        tmp_path / "任务表.xlsx"), year=2025))
    from planner_desktop.gui.events import ledger_events

    ledger_events().announce(commit.changes)
    assert not guide.isVisible() and window.table.isVisible()
    assert window.model.rowCount() > 0


def test_the_guide_buttons_open_the_plan_and_task_list_imports(qtbot, ledger):
    from planner_desktop.gui.import_dialog import ImportTasksDialog
    from planner_desktop.gui.main_window import MainWindow
    from planner_desktop.gui.plan_import_dialog import PlanImportDialog

    window = MainWindow(ledger, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    window.first_steps.buttons["plan"].click()
    plan = window.findChild(PlanImportDialog)
    assert plan is not None and plan.isVisible()
    plan.reject()
    window.first_steps.buttons["tasks"].click()
    tasks = window.findChild(ImportTasksDialog)
    assert tasks is not None and tasks.isVisible()
    tasks.reject()


def test_the_unknown_units_choice_offers_the_group(qtbot, ledger, tmp_path):
    from planner_desktop.gui.import_dialog import ImportTasksDialog

    dialog = ImportTasksDialog(ledger, write_task_list(tmp_path / "任务表.xlsx"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.parsed is not None and not dialog.job.running, timeout=20000)
    table = dialog.units_table
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert names[-3:] == ["各中小学", "各幼儿园", "全县学校"]
    group_combo = table.cellWidget(names.index("各中小学"), 1)
    assert group_combo.currentData() == PENDING
    offered = [group_combo.itemText(i) for i in range(group_combo.count())]
    assert not any("新建" in text for text in offered)  # never a fake school
    assert "单位组" in dialog.tabs.tabText(dialog.UNITS_TAB)
    assert table.choices()["各中小学"].pending
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.buttons.button(QDialogButtonBox.Ok).click()
    assert ledger.scalar("SELECT count(*) FROM unit WHERE kind = '学校'") == 0
    assert ledger.scalar("SELECT count(*) FROM pending_assignment") == 4


def test_the_units_manager_lists_what_waits_for_the_roster(qtbot, ledger, tmp_path):
    from planner_desktop.gui.units_dialog import UnitsDialog

    commit_task_list(ledger, preview_task_list(ledger, write_task_list(tmp_path / "任务表.xlsx"),
                                               year=2025))
    dialog = UnitsDialog(ledger)
    qtbot.addWidget(dialog)
    groups = dialog.groups
    rows = {groups.item(r, 0).text(): groups.item(r, 2).text() for r in range(groups.rowCount())}
    assert rows["各中小学"].startswith("2 项要点")
    assert {"各幼儿园", "全县学校"} <= set(rows)
    dialog.import_roster_file(write_roster(tmp_path / "名册.xlsx"))
    roster = dialog.findChild(RosterImportDialog)
    with qtbot.waitSignal(roster.imported, timeout=10000):
        roster.ui.buttons.button(QDialogButtonBox.Ok).click()
    assert "各中小学" not in {groups.item(r, 0).text() for r in range(groups.rowCount())}


def test_the_detail_pane_names_the_groups_an_item_waits_for(qtbot, ledger, tmp_path):
    from planner_desktop.gui.main_window import MainWindow

    commit_task_list(ledger, preview_task_list(ledger, write_task_list(tmp_path / "任务表.xlsx"),
                                               year=2025))
    window = MainWindow(ledger, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    row = next(r for r, ledger_row in enumerate(window.model.rows()) if ledger_row.code.rstrip(".") == "2")
    window.table.selectRow(row)
    label = window.detail.waiting_label
    assert not label.isHidden()
    assert "各中小学（落实）、各幼儿园（落实）" in label.text()
    assert window.model.rows()[row].schools == ["各中小学（待名册）", "各幼儿园（待名册）"]
