"""The main window driven as a clerk would, on a real demo ledger in a temporary folder."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from planner_desktop.domain.ledger_table import Granularity, SavedView
from planner_desktop.domain.status import Light, Schedule, Status
from planner_desktop.gui.detail_pane import A_NOTE, A_PROGRESS, A_STATUS
from planner_desktop.gui.main_window import MainWindow
from planner_desktop.store.editing import item_detail
from tests.conftest import DEMO_AS_OF as AS_OF


def type_text(widget, text: str) -> None:
    """QTest types ASCII only (PLATFORM_NOTES.md): send one key event per character."""
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyPress, 0, Qt.NoModifier, ch))
        QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyRelease, 0, Qt.NoModifier, ch))


def row_index(window, predicate) -> int:
    return next(r for r in range(window.model.rowCount()) if predicate(window.model.row_at(r)))


def test_window_shows_the_demo_ledger_in_outline_order_with_counts(window):
    model = window.model
    assert model.rowCount() >= 60
    orders = [model.row_at(r).order for r in range(model.rowCount())]
    assert orders == sorted(orders)
    assert model.row_at(0).code.startswith("一")
    text = window.counts.text()
    assert "共 " in text and "逾期" in text and AS_OF.isoformat() in text
    assert window.banner.isVisibleTo(window) and "逾期" in window.banner_text.text()


def test_typing_chinese_filters_and_narrows(window):
    total = window.model.rowCount()
    window.act_find.trigger()
    assert window.search.hasFocus()
    type_text(window.search, "安全")
    shown = window.model.rowCount()
    assert 0 < shown < total
    assert all("安全" in window.model.row_at(r).haystack for r in range(shown))
    type_text(window.search, "教育")
    assert window.model.rowCount() <= shown
    window.search.clear()
    assert window.model.rowCount() == total


def test_saved_views_and_filter_bar(window):
    window.nav.select_view(SavedView.OVERDUE)
    rows = window.model.rows()
    assert rows and all(r.schedule is Schedule.OVERDUE for r in rows)
    assert "逾期 " in window.counts.text()
    window.nav.select_view(SavedView.ALL)
    window.light_box.setCurrentIndex(window.light_box.findData(Light.BLUE))
    assert all(r.light is Light.BLUE for r in window.model.rows())
    window.light_box.setCurrentIndex(0)
    window.granularity_box.setCurrentIndex(window.granularity_box.findData(Granularity.ASSIGNMENTS))
    assert window.model.rowCount() > 300
    assert all(r.assignment_id is not None for r in window.model.rows())


def test_navigation_by_unit_and_plan_branch(window):
    window.open_unit("安全稳定股")
    rows = window.model.rows()
    assert rows and all("安全稳定股" in r.units for r in rows)
    plan_node = window.nav.topLevelItem(1).child(0)
    window.nav.setCurrentItem(plan_node.child(1))  # the second top-level part of the plan
    codes = {r.code for r in window.model.rows()}
    assert "二、" in codes and "一、" not in codes


def test_inline_status_edit_shows_in_history_and_counts_and_undoes(window, ledger):
    window.granularity_box.setCurrentIndex(window.granularity_box.findData(Granularity.ASSIGNMENTS))
    r = row_index(window, lambda row: row.status is Status.IN_PROGRESS and row.schedule is Schedule.OVERDUE)
    target = window.model.row_at(r)
    window.table.selectRow(r)
    done_before = sum(row.status is Status.DONE for row in window.model.rows())
    pane = window.detail
    history_before = pane.history.rowCount()
    row = next(i for i, a in enumerate(pane.detail.assignments) if a["id"] == target.assignment_id)
    pane.assignments.cellWidget(row, A_NOTE).setText("已全部完成，材料已归档")
    combo = pane.assignments.cellWidget(row, A_STATUS)
    combo.setCurrentIndex(combo.findData(Status.DONE.value))
    combo.activated.emit(combo.currentIndex())

    after = next(a for a in item_detail(ledger, target.item_id).assignments
                 if a["id"] == target.assignment_id)
    assert after["status"] == "已完成" and after["progress"] == 100
    assert pane.history.rowCount() == history_before + 1
    assert pane.history.item(0, 4).text() == "已全部完成，材料已归档"
    assert sum(row.status is Status.DONE for row in window.model.rows()) == done_before + 1
    assert window.act_undo.isEnabled()

    window.act_undo.trigger()
    restored = next(a for a in item_detail(ledger, target.item_id).assignments
                    if a["id"] == target.assignment_id)
    assert restored["status"] == "推进中" and restored["note"] == target.note
    assert pane.history.rowCount() == history_before
    window.act_redo.trigger()
    assert next(a for a in item_detail(ledger, target.item_id).assignments
                if a["id"] == target.assignment_id)["status"] == "已完成"


def test_progress_spin_edit(window, ledger):
    window.table.selectRow(row_index(window, lambda row: row.assignment_count >= 1 and row.is_leaf))
    pane = window.detail
    spin = pane.assignments.cellWidget(0, A_PROGRESS)
    spin.setValue(55)
    spin.editingFinished.emit()
    assert pane.detail.assignments[0]["progress"] == 55


def test_bulk_deadline_and_units_then_undo(window, ledger):
    window.table.selectRow(row_index(window, lambda row: row.is_leaf and row.level > 1))
    first = window.current_row()
    new_due = dt.date(2026, 12, 18)
    assert window.bulk_set_due(new_due)
    assert item_detail(ledger, first.item_id).item["due"] == new_due.isoformat()
    from planner_desktop.domain.units import Role

    assert window.bulk_add_unit("电化教育馆", Role.SUPPORT) if "电化教育馆" not in first.units else True
    units = [a["unit_name"] for a in item_detail(ledger, first.item_id).assignments]
    assert "电化教育馆" in units
    window.act_undo.trigger()
    window.act_undo.trigger()
    assert item_detail(ledger, first.item_id).item["due"] == (first.due.isoformat() if first.due else None)


def test_attach_evidence_file(window, ledger, tmp_path):
    window.table.selectRow(row_index(window, lambda row: row.is_leaf and row.assignment_count))
    item_id = window.current_row().item_id
    source = tmp_path / "活动照片.pdf"
    source.write_bytes(b"%PDF-1.4 evidence")
    window.detail.attach_files([source])
    evidence = item_detail(ledger, item_id).evidence
    assert [e["file_name"] for e in evidence] == ["活动照片.pdf"]
    assert (ledger.path.parent / evidence[0]["stored_path"]).read_bytes() == b"%PDF-1.4 evidence"
    assert window.detail.evidence.count() == 1
    window.act_undo.trigger()
    assert item_detail(ledger, item_id).evidence == []


def test_merge_two_units_in_the_units_manager(window, ledger):
    from planner_desktop.store.units import list_units

    dialog = window.manage_units()
    before = {u["name"] for u in list_units(ledger)}
    assert {"教学研究室", "电化教育馆"} <= before
    assert dialog.merge("教学研究室", "电化教育馆")
    units = {u["name"]: u for u in list_units(ledger)}
    assert "电化教育馆" not in units and "电化教育馆" in units["教学研究室"]["aliases"]
    window.open_unit("教学研究室")
    assert any("教学研究室" in r.units for r in window.model.rows())
    dialog.close()


def test_dashboard_click_through(window):
    window.act_dashboard.trigger()
    assert window.centre.currentWidget() is window.dashboard
    window.dashboard.buttons["overdue"].click()
    assert window.centre.currentIndex() == 0
    assert all(r.schedule is Schedule.OVERDUE for r in window.model.rows())
    chart = window.dashboard.chart
    assert chart.rates
    window.dashboard.unit_requested.emit(chart.rates[0].unit)
    assert all(chart.rates[0].unit in r.units for r in window.model.rows())


def test_models_pass_qt_model_tester(window, qtmodeltester):
    qtmodeltester.check(window.model)
    window.granularity_box.setCurrentIndex(1)
    qtmodeltester.check(window.model)


def test_sorting_by_due_and_back(window):
    model = window.model
    model.sort(model.column_of("due"), Qt.AscendingOrder)
    dues = [model.row_at(r).due for r in range(model.rowCount()) if model.row_at(r).due]
    assert dues == sorted(dues)
    model.sort(model.column_of("code"), Qt.AscendingOrder)
    assert model.row_at(0).code.startswith("一")


def test_read_only_window_refuses_edits(qtbot, ledger, demo_templates):
    demo_templates.copy_into(ledger, today=AS_OF)
    main = MainWindow(ledger, today=AS_OF, read_only=True)
    qtbot.addWidget(main)
    assert not main.act_import_tasks.isEnabled() and not main.act_bulk_status.isEnabled()
    main.table.selectRow(3)
    assert not main.run_command(None)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_screenshot_renders_at_office_sizes(window, tmp_path, size):
    window.resize(*size)
    window.table.selectRow(3)
    path = tmp_path / "main.png"
    assert window.grab().save(str(path))
    assert path.stat().st_size > 20_000


def test_first_size_never_exceeds_the_screen():
    from PySide6.QtCore import QSize

    from planner_desktop.gui.main_window import first_size

    assert first_size(QSize(1920, 1040)) == QSize(1366, 768)
    assert first_size(QSize(1280, 680)) == QSize(1280, 680)  # 1920×1080 at 150 %


def test_a_window_torn_down_after_its_ledger_closed_reads_nothing(qtbot, ledger_path, demo_templates):
    from planner_desktop.gui.main_window import MainWindow
    from planner_desktop.store.database import open_ledger

    ledger = open_ledger(ledger_path)
    demo_templates.copy_into(ledger)
    window = MainWindow(ledger)
    qtbot.addWidget(window)
    window.table.selectRow(3)
    assert window.bulk_set_status(Status.DONE)
    assert window.undo_stack.count() == 1
    ledger.close()
    # What deleting the window does; a reload of the closed ledger would raise in the slot,
    # which pytest-qt reports as a failure of this test.
    window.undo_stack.clear()
    assert window.undo_stack.count() == 0


def test_merge_dialog_offers_the_units_and_preselects_the_one_chosen(qtbot):
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    from planner_desktop.gui.units_dialog import MergeDialog

    dialog = MergeDialog(["教学研究室", "电化教育馆", "基础教育股"], "电化教育馆")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "合并单位"
    # never a unit into itself: the one to merge is not among those to keep
    assert [dialog.keep.itemText(i) for i in range(dialog.keep.count())] == ["教学研究室", "基础教育股"]
    assert dialog.drop.currentText() == "电化教育馆"
    dialog.drop.setCurrentText("教学研究室")
    assert [dialog.keep.itemText(i) for i in range(dialog.keep.count())] == ["电化教育馆", "基础教育股"]
    dialog.keep.setEditText("教学研究室")  # typed by hand: refused
    assert not dialog.ok.isEnabled()
    dialog.keep.setCurrentIndex(1)
    assert dialog.ok.isEnabled() and dialog.keep.currentText() == "基础教育股"
    dialog.drop.setCurrentText("电化教育馆")
    dialog.open()
    dialog.ui.buttons.button(QDialogButtonBox.Ok).click()
    assert dialog.result() == QDialog.Accepted
