"""A revised task list updates the plan it revises: changed items in place with their
history, new items added, items gone removed unless a unit reported on them; undo is exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner_desktop.domain.status import Status
from planner_desktop.ops.task_import import commit_task_list, preview_task_list
from planner_desktop.store.editing import record_hand_update
from planner_desktop.store.undo import undo_batch
from tests.support.fixtures_sheets import write_rows_xlsx

HEADER = ["序号", "重点任务", "牵头股室", "配合股室", "完成时限"]
FIRST = [
    ["1", "推进义务教育优质均衡发展", "基础教育股", "", "2024年12月底"],
    ["2", "加强校园安全管理", "安全股", "", "6月底前"],
    ["3", "实施教师培训计划", "人事股", "", "全年"],
    ["4", "开展学生体质监测", "体卫艺股", "", "10月底前"],
    ["5", "推进智慧校园建设", "电教馆", "", "年底前"],
]
REVISED = [
    ["1", "推进义务教育优质均衡发展", "基础教育股", "", "2024年12月底"],  # unchanged
    ["2", "加强校园安全管理", "安全股", "", "9月底前"],  # deadline moved
    ["3", "实施教师培训计划", "人事股", "教研室", "全年"],  # a unit added
    # 4 dropped (nobody reported on it) → removed; 5 dropped but reported on → kept
    ["4", "建设家校共育平台", "基础教育股", "", "11月底前"],  # new
]


def write(folder: Path, rows: list[list[str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return write_rows_xlsx(folder / "2024年任务分解表.xlsx", [HEADER, *rows])


def content(ledger) -> dict:
    return {t: ledger.query(f"SELECT * FROM {t} ORDER BY 1")
            for t in ("plan", "plan_item", "target", "assignment", "status_update", "unit", "unit_alias")}


@pytest.fixture
def imported(ledger, tmp_path):
    parsed = preview_task_list(ledger, write(tmp_path / "v1", FIRST), year=2024)
    assert parsed.update_plan_id is None
    created = commit_task_list(ledger, parsed)
    items = {r["title"]: r["id"] for r in ledger.query("SELECT id, title FROM plan_item")}
    for title in ("推进义务教育优质均衡发展", "推进智慧校园建设"):
        assignment = ledger.scalar("SELECT id FROM assignment WHERE item_id = ?", (items[title],))
        record_hand_update(ledger, assignment, Status.IN_PROGRESS, 40, "已召开推进会")
    return created.plan_id


def test_revision_is_recognised_and_previewed(ledger, tmp_path, imported):
    parsed = preview_task_list(ledger, write(tmp_path / "v2", REVISED), year=2024)
    assert parsed.update_plan_id == imported
    summary = parsed.update_diff.summary()
    assert summary == {"added": 1, "changed": 2, "unchanged": 1, "removed": 1, "kept": 1}
    changed = {c.stored.title: c.fields for c in parsed.update_diff.changed}
    assert changed == {"加强校园安全管理": ["完成时限"], "实施教师培训计划": ["单位"]}


def test_revision_updates_in_place_and_keeps_history(ledger, tmp_path, imported):
    history = ledger.scalar("SELECT count(*) FROM status_update")
    parsed = preview_task_list(ledger, write(tmp_path / "v2", REVISED), year=2024)
    updated = commit_task_list(ledger, parsed)
    assert ledger.scalar("SELECT count(*) FROM plan") == 1
    titles = [r["title"] for r in ledger.query("SELECT title FROM plan_item ORDER BY id")]
    assert "开展学生体质监测" not in titles  # removed
    assert "推进智慧校园建设" in titles  # kept: a unit reported on it
    assert "建设家校共育平台" in titles  # added
    due = ledger.scalar("SELECT due FROM plan_item WHERE title = '加强校园安全管理'")
    assert due == "2024-09-30"
    units = {r["name"] for r in ledger.query(
        "SELECT u.name FROM assignment a JOIN unit u ON u.id = a.unit_id JOIN plan_item i "
        "ON i.id = a.item_id WHERE i.title = '实施教师培训计划'")}
    assert units == {"人事股", "教研室"}
    assert ledger.scalar("SELECT count(*) FROM status_update") == history
    note = ledger.scalar("SELECT a.note FROM assignment a JOIN plan_item i ON i.id = a.item_id "
                         "WHERE i.title = '推进义务教育优质均衡发展'")
    assert note == "已召开推进会"
    assert updated.counts["added"] == 1 and updated.counts["removed"] == 1


def test_undoing_the_revision_restores_the_ledger_exactly(ledger, tmp_path, imported):
    before = content(ledger)
    parsed = preview_task_list(ledger, write(tmp_path / "v2", REVISED), year=2024)
    updated = commit_task_list(ledger, parsed)
    assert content(ledger) != before
    undo_batch(ledger, updated.batch_id)
    assert content(ledger) == before
    assert ledger.scalar("PRAGMA foreign_key_check") is None


def test_same_file_again_is_not_an_update(ledger, tmp_path, imported):
    # The very file imported (writing it again would stamp a new save time into the .xlsx,
    # and a workbook saved again is a different file).
    parsed = preview_task_list(ledger, tmp_path / "v1" / "2024年任务分解表.xlsx", year=2024)
    assert parsed.already_imported_batch is not None and parsed.update_plan_id is None


def test_dialog_offers_the_update_and_applies_it(qtbot, ledger, tmp_path, imported):
    from PySide6.QtWidgets import QDialogButtonBox

    from planner_desktop.gui.import_dialog import ImportTasksDialog

    dialog = ImportTasksDialog(ledger, write(tmp_path / "v2", REVISED))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.parsed is not None and not dialog.job.running, timeout=20000)
    assert dialog.update_panel.isVisibleTo(dialog) and dialog.chosen_plan_id() == imported
    assert "新增 1 项" in dialog.update_label.text() and "保留 1 项" in dialog.update_label.text()
    with qtbot.waitSignal(dialog.imported, timeout=20000) as signal:
        dialog.buttons.button(QDialogButtonBox.Ok).click()
    assert signal.args[0] == imported
    assert ledger.scalar("SELECT count(*) FROM plan") == 1
    assert ledger.scalar("SELECT count(*) FROM plan_item WHERE title = '建设家校共育平台'") == 1
