"""The two fill-in dialogs driven as a clerk drives them: export for the chosen units, then the
returned folder previewed, a conflict decided, committed, and the window showing it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from planner_desktop.domain.returns import Side
from planner_desktop.domain.status import Status
from planner_desktop.gui.fillin_export_dialog import FillinExportDialog
from planner_desktop.gui.returns_import_dialog import ReturnsImportDialog
from planner_desktop.store.assignments import StatusChange, record_status_changes
from planner_desktop.store.database import open_ledger
from tests.support.fillin_helpers import TODAY, demo_ledger_file, fill_all, fill_workbook


def demo(tmp_path):
    return open_ledger(demo_ledger_file(tmp_path / "ledger"), daily_backup=False)


def export_two_sections(qtbot, ledger, folder: Path) -> FillinExportDialog:
    dialog = FillinExportDialog(ledger, ledger.scalar("SELECT min(id) FROM plan"), today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.period_combo.currentText() == "2026年11月"
    dialog.period_combo.setEditText("2026年第4季度")
    assert "2026-10-01 至 2026-12-31" in dialog.period_note.text()
    dialog.select_kinds(("股室",))
    sections = dialog.kind_nodes["股室"]
    for i in range(2, sections.childCount()):  # keep the first two sections only
        sections.child(i).setCheckState(0, Qt.Unchecked)
    assert "已选 2 个单位" in dialog.summary.text()
    dialog.folder_edit.setText(str(folder))
    dialog.zip_box.setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=20000) as signal:
        dialog.buttons.button(QDialogButtonBox.Ok).click()
    assert signal.args[0].units == 2
    assert "已导出 2026年第4季度的填报表" in dialog.result_label.text()
    assert signal.args[0].targets > 0  # the demo's first two sections report targets
    assert f"在“量化指标”表中填报 {signal.args[0].targets} 个指标" in dialog.result_label.text()
    assert dialog.open_folder_button.isVisible() or not dialog.isVisible()
    return dialog


def test_export_dialog_writes_the_chosen_units(qtbot, tmp_path):
    ledger = demo(tmp_path)
    try:
        out = tmp_path / "填报表 发出"
        export_two_sections(qtbot, ledger, out)
        names = sorted(p.name for p in out.iterdir())
        assert names == ["2026年第4季度_填报表.zip", "2026年第4季度_局办公室_填报表.xlsx",
                         "2026年第4季度_组织人事股_填报表.xlsx"]
    finally:
        ledger.close()


def test_an_unreadable_period_disables_export(qtbot, tmp_path):
    ledger = demo(tmp_path)
    try:
        dialog = FillinExportDialog(ledger, None, today=TODAY)
        qtbot.addWidget(dialog)
        dialog.period_combo.setEditText("下个月")
        assert "看不懂" in dialog.period_note.text()
        assert not dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
        dialog.period_combo.setEditText("2026-Q4")
        assert dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
    finally:
        ledger.close()


def test_returns_dialog_previews_resolves_a_conflict_and_commits(qtbot, tmp_path):
    ledger = demo(tmp_path)
    try:
        out = tmp_path / "sent"
        export_two_sections(qtbot, ledger, out)
        office, personnel = (out / f"2026年第4季度_{n}_填报表.xlsx" for n in ("局办公室", "组织人事股"))
        back = tmp_path / "returned"
        back.mkdir()
        fill_workbook(office, fill_all({"状态": "推进中", "完成进度%": 66, "进展情况": "办公室报"}),
                      back / office.name)
        fill_workbook(personnel, fill_all({"状态": "完成"}), back / personnel.name)
        # After the export, the clerk noted a phone call on one of the office's tasks.
        first_office = ledger.scalar(
            "SELECT min(a.id) FROM assignment a JOIN unit u ON u.id = a.unit_id "
            "WHERE u.name = '局办公室'")
        record_status_changes(ledger, [StatusChange(first_office, Status.IN_PROGRESS, 10, "电话")])

        dialog = ReturnsImportDialog(ledger, [back])
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.job.running, timeout=20000)
        assert dialog.files_table.rowCount() == 2
        assert "报送周期：2026年第4季度" in dialog.summary.text()
        assert dialog.tabs.tabText(2) == "冲突（1）"
        assert dialog.rows_table.rowCount() > 0
        # The clerk takes the unit's figure for the conflict.
        combo = dialog.conflicts_table.cellWidget(0, 0)
        combo.setCurrentIndex(combo.findData(Side.FILE.value))
        assert dialog.conflict_rows[0].decision.side is Side.FILE
        # ... and leaves the second file out for now.
        dialog.files_table.item(1, 0).setCheckState(Qt.Unchecked)
        assert "导入 1 个" in dialog.summary.text()
        with qtbot.waitSignal(dialog.imported, timeout=20000) as signal:
            dialog.buttons.button(QDialogButtonBox.Ok).click()
        assert len(signal.args[0]) == 1
        rows = ledger.query("SELECT a.progress, a.note FROM assignment a JOIN unit u "
                            "ON u.id = a.unit_id WHERE u.name = '局办公室'")
        assert {(r["progress"], r["note"]) for r in rows} == {(66, "办公室报")}
        done = ledger.scalar("SELECT count(*) FROM assignment a JOIN unit u ON u.id = a.unit_id "
                             "WHERE u.name = '组织人事股' AND a.status = '已完成' AND "
                             "a.updated_at > '2026-11-30'")
        assert done == 0, "the file left out was not imported"
    finally:
        ledger.close()


def test_main_window_opens_both_dialogs_and_refreshes(qtbot, tmp_path):
    from planner_desktop.gui.main_window import MainWindow

    ledger = demo(tmp_path)
    try:
        window = MainWindow(ledger, today=TODAY)
        qtbot.addWidget(window)
        window.granularity_box.setCurrentIndex(1)  # one row per assignment
        assert window.act_export_fillin.isEnabled() and window.act_import_returns.isEnabled()
        export = window.export_fillin()
        assert isinstance(export, FillinExportDialog)
        export.select_kinds(("学校",))
        export.period_combo.setEditText("2026年11月")
        export.folder_edit.setText(str(tmp_path / "out"))
        with qtbot.waitSignal(export.exported, timeout=20000):
            export.buttons.button(QDialogButtonBox.Ok).click()
        export.close()
        school = sorted((tmp_path / "out").iterdir())[0]
        fill_workbook(school, fill_all({"状态": "已完成", "进展情况": "窗口测试"}))
        dialog = window.import_returns([school])
        qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.job.running, timeout=20000)
        with qtbot.waitSignal(dialog.imported, timeout=20000):
            dialog.buttons.button(QDialogButtonBox.Ok).click()
        notes = ledger.scalar("SELECT count(*) FROM assignment WHERE note = '窗口测试'")
        assert notes > 0
        # The window reloaded: the table shows the imported notes without a manual refresh.
        qtbot.waitUntil(lambda: sum(r.note == "窗口测试" for r in window.model.rows()) == notes,
                        timeout=5000)
    finally:
        ledger.close()


def test_dashboard_names_who_has_not_reported_and_saves_the_reminder_list(qtbot, tmp_path):
    import openpyxl

    from planner_desktop.gui.main_window import MainWindow
    from planner_desktop.ops.fillin.commit import commit_returns
    from planner_desktop.ops.fillin.export import export_fillin
    from planner_desktop.ops.fillin.returns import preview_returns

    ledger = demo(tmp_path)
    try:
        plan = ledger.scalar("SELECT min(id) FROM plan")
        units = [r[0] for r in ledger.conn.execute(
            "SELECT id FROM unit WHERE name IN ('局办公室', '组织人事股', '计划财务股') ORDER BY id")]
        files = export_fillin(ledger, plan, "2026年11月", tmp_path / "out", unit_ids=units).files
        fill_workbook(files[0], fill_all({"状态": "推进中", "完成进度%": 50}))
        commit_returns(ledger, preview_returns(ledger, [files[0]]))
        window = MainWindow(ledger, today=TODAY)
        qtbot.addWidget(window)
        window.show()
        window.act_dashboard.trigger()
        panel = window.reporting
        assert panel.period_combo.currentText() == "2026年11月"
        names = [panel.units.item(i).data(Qt.UserRole) for i in range(panel.units.count())]
        assert names == ["组织人事股", "计划财务股"]
        assert "发出 3 份，已报送 1 份，未报送 2 个单位" in panel.counts.text()
        saved = panel.save_reminders(tmp_path / "催报名单.xlsx")
        ws = openpyxl.load_workbook(saved).active
        assert [ws.cell(r, 2).value for r in (4, 5)] == ["组织人事股", "计划财务股"]
        # Double-clicking a unit opens its tasks in the ledger.
        panel.units.itemActivated.emit(panel.units.item(1))
        assert window.centre.currentIndex() == 0
        assert window.row_filter.unit_names == frozenset({"计划财务股"})
    finally:
        ledger.close()


def test_import_history_undoes_a_returned_workbook_from_the_window(qtbot, tmp_path, message_boxes):
    from planner_desktop.gui.imports_dialog import ImportHistoryDialog
    from planner_desktop.gui.main_window import MainWindow
    from planner_desktop.ops.fillin.commit import commit_returns
    from planner_desktop.ops.fillin.export import export_fillin
    from planner_desktop.ops.fillin.returns import preview_returns

    ledger = demo(tmp_path)
    try:
        plan = ledger.scalar("SELECT min(id) FROM plan")
        office = ledger.scalar("SELECT id FROM unit WHERE name = '局办公室'")
        (path,) = export_fillin(ledger, plan, "2026年11月", tmp_path / "out", unit_ids=[office]).files
        fill_workbook(path, fill_all({"状态": "已完成", "进展情况": "将被撤销"}))
        before = ledger.query("SELECT * FROM assignment ORDER BY id")
        commit_returns(ledger, preview_returns(ledger, [path]))
        window = MainWindow(ledger, today=TODAY)
        qtbot.addWidget(window)
        window.granularity_box.setCurrentIndex(1)
        assert any(r.note == "将被撤销" for r in window.model.rows())
        dialog = window.import_history()
        assert isinstance(dialog, ImportHistoryDialog)
        assert [dialog.table.item(0, c).text() for c in (2, 3)] == ["回收表", path.name]
        assert "更新 9" in dialog.table.item(0, 4).text()
        dialog.table.selectRow(0)
        assert dialog.undo_button.isEnabled()
        assert dialog.undo_selected()
        assert [title for title, _ in message_boxes] == ["撤销导入"]
        message_boxes.clear()
        assert ledger.query("SELECT * FROM assignment ORDER BY id") == before
        assert "已于" in dialog.table.item(0, 5).text() and not dialog.undo_button.isEnabled()
        assert not any(r.note == "将被撤销" for r in window.model.rows()), "the window reloaded"
    finally:
        ledger.close()


def test_import_history_undoes_a_task_list(qtbot, ledger, samples, message_boxes):
    from planner_desktop.gui.imports_dialog import ImportHistoryDialog
    from planner_desktop.ops.task_import import commit_task_list, preview_task_list

    parsed = preview_task_list(ledger, samples / "tasklists" / "2020_tasklist_merged.xlsx")
    commit_task_list(ledger, parsed)
    assert ledger.scalar("SELECT count(*) FROM plan") == 1
    dialog = ImportHistoryDialog(ledger)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 2).text() == "任务表"
    dialog.table.selectRow(0)
    from planner_desktop.gui.events import ledger_events

    with qtbot.waitSignal(ledger_events().changed) as announced:
        assert dialog.undo_selected()
    assert announced.args[0].plans and announced.args[0].batches
    message_boxes.clear()
    assert ledger.scalar("SELECT count(*) FROM plan") == 0
    assert ledger.scalar("SELECT count(*) FROM assignment") == 0


def test_export_of_the_current_view_only(qtbot, tmp_path):
    import openpyxl

    from planner_desktop.domain.ledger_table import SavedView
    from planner_desktop.gui.main_window import MainWindow
    from tests.support.fillin_helpers import data_rows

    ledger = demo(tmp_path)
    try:
        window = MainWindow(ledger, today=TODAY)
        qtbot.addWidget(window)
        window.open_view(SavedView.OVERDUE)
        overdue = {r.item_id for r in window.model.rows()}
        assert overdue
        dialog = window.export_fillin()
        assert dialog.view_box.isVisibleTo(dialog) and "逾期" in dialog.view_box.text()
        everything = dialog.summary.text()
        dialog.view_box.setChecked(True)
        assert dialog.summary.text() != everything
        dialog.period_combo.setEditText("2026年11月")
        dialog.folder_edit.setText(str(tmp_path / "overdue"))
        with qtbot.waitSignal(dialog.exported, timeout=20000) as signal:
            dialog.buttons.button(QDialogButtonBox.Ok).click()
        exported_rows = 0
        for path in signal.args[0].files:
            exported_rows += len(data_rows(openpyxl.load_workbook(path).worksheets[0]))
        expected = ledger.scalar(
            f"SELECT count(*) FROM assignment WHERE item_id IN ({','.join(map(str, overdue))})")
        assert exported_rows == signal.args[0].rows == expected
    finally:
        ledger.close()


def test_export_dialog_writes_a_whole_county_from_its_worker_thread(qtbot, tmp_path):
    """46 units: written by worker processes started from the dialog's background thread."""
    from planner_desktop.ops import workers

    ledger = demo(tmp_path)
    try:
        dialog = FillinExportDialog(ledger, ledger.scalar("SELECT min(id) FROM plan"), today=TODAY)
        qtbot.addWidget(dialog)
        dialog.select_kinds(("股室", "学校"))
        dialog.folder_edit.setText(str(tmp_path / "县"))
        assert len(dialog.checked_units()) >= workers.PARALLEL_FROM
        with qtbot.waitSignal(dialog.exported, timeout=60000) as signal:
            dialog.buttons.button(QDialogButtonBox.Ok).click()
        result = signal.args[0]
        assert result.units == len(dialog.checked_units())
        assert sorted(p.name for p in (tmp_path / "县").iterdir()) == sorted(p.name for p in result.files)
    finally:
        ledger.close()


def test_returns_dialog_shows_and_imports_the_figures_reached(qtbot, tmp_path):
    """The 量化指标 sheet of a return in the dialog: each figure in 变更明细, a figure the
    ledger got after the export among the conflicts, a text figure refused with its cell."""
    from planner_desktop.ops.fillin.export import export_fillin
    from planner_desktop.ops.targets import report_value
    from planner_desktop.store.targets import tracked_targets

    ledger = demo(tmp_path)
    try:
        plan = ledger.scalar("SELECT min(id) FROM plan")
        unit = ledger.scalar("SELECT id FROM unit WHERE name = '基础教育股'")
        (path,) = export_fillin(ledger, plan, "2026年第4季度", tmp_path / "out", unit_ids=[unit]).files
        targets = {t.text: t for t in tracked_targets(ledger, plan_id=plan)}
        report_value(ledger, targets["年内新增公办幼儿园学位600个"].id, "2026-Q4", 580)
        figures = {"年内新增公办幼儿园学位600个": 600, "公办园在园幼儿占比达到55%以上": 57,
                   "普惠性幼儿园覆盖率达到92%以上": "九成以上"}
        fill_workbook(path, lambda n, row: {"本期完成值": figures[row["量化指标"]]}
                      if row["量化指标"] in figures else None, sheet="基础教育股_量化指标")
        dialog = ReturnsImportDialog(ledger, [path])
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.job.running, timeout=20000)
        shown = {dialog.rows_table.item(r, 5).text(): (dialog.rows_table.item(r, 0).text(),
                                                       dialog.rows_table.item(r, 7).text(),
                                                       dialog.rows_table.item(r, 8).text())
                 for r in range(dialog.rows_table.rowCount())}
        assert shown["量化指标：公办园在园幼儿占比达到55%以上"] == ("更新", "— → 57", "")
        assert shown["量化指标：年内新增公办幼儿园学位600个"][0] == "冲突：保留账本中的值"
        label, _, reason = shown["量化指标：普惠性幼儿园覆盖率达到92%以上"]
        assert label == "有误，未导入" and "“九成以上”不是数字" in reason
        assert dialog.tabs.tabText(2) == "冲突（1）"
        assert "完成值 580" in dialog.conflicts_table.item(0, 4).text()
        assert "量化指标完成值将记录 1 个" in dialog.summary.text()
        dialog.conflicts_table.cellWidget(0, 0).setCurrentIndex(1)  # 采用回收表的值
        assert "量化指标完成值将记录 2 个" in dialog.summary.text()
        warnings = [(dialog.warnings_table.item(r, 1).text(), dialog.warnings_table.item(r, 3).text())
                    for r in range(dialog.warnings_table.rowCount())]
        assert ("基础教育股_量化指标", "G") in warnings
        with qtbot.waitSignal(dialog.imported, timeout=20000):
            dialog.buttons.button(QDialogButtonBox.Ok).click()
        now = {t.text: t.figure for t in tracked_targets(ledger, plan_id=plan)}
        assert now["年内新增公办幼儿园学位600个"] == 600 and now["公办园在园幼儿占比达到55%以上"] == 57
        assert now["普惠性幼儿园覆盖率达到92%以上"] is None
    finally:
        ledger.close()
