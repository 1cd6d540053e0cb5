"""What a clerk notices on the first day: the window's title, the toolbar that keeps its width,
a word after an import or a merge."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from planner_desktop.gui import undo_commands as cmd
from tests.gui.test_returns_in_window import demo, window_over


def test_the_title_names_the_program_once(qtbot, tmp_path):
    app = QApplication.instance()
    shown = app.applicationDisplayName()
    app.setApplicationDisplayName("工作要点督办台")
    ledger = demo(tmp_path)
    try:
        window = window_over(qtbot, ledger)
        title = window.windowTitle()
        # Qt appends the display name to a title that does not end with it.
        assert title.endswith("工作要点督办台") and title.count("工作要点督办台") == 1
        assert title.startswith(ledger.path.name)
    finally:
        app.setApplicationDisplayName(shown)
        ledger.close()


def test_a_long_undo_label_does_not_push_settings_into_the_overflow(qtbot, tmp_path):
    from planner_desktop.domain.status import Status

    ledger = demo(tmp_path)
    try:
        window = window_over(qtbot, ledger)
        settings = window.toolbar.widgetForAction(window.act_settings)
        undo = window.toolbar.widgetForAction(window.tool_undo)
        assert settings.isVisible() and not undo.isEnabled()
        width = undo.sizeHint().width()
        assignment = ledger.scalar("SELECT min(id) FROM assignment")
        name = "一个名字很长很长的单位（县教育和体育局直属机关第一党支部）"
        assert window.run_command(cmd.SetAssignment(ledger, assignment, Status.IN_PROGRESS, 30,
                                                    "手工", name))
        assert undo.isEnabled() and undo.text() == "撤销"
        assert undo.sizeHint().width() == width
        assert window.tool_undo.toolTip() == f"撤销 修改 {name} 的进展"
        assert settings.isVisible(), "设置 is still on the toolbar"
        window.tool_undo.trigger()
        assert ledger.scalar("SELECT note FROM assignment WHERE id = ?", (assignment,)) != "手工"
        assert window.tool_redo.isEnabled() and not window.tool_undo.isEnabled()
    finally:
        ledger.close()


def test_each_import_and_merge_says_what_it_added(qtbot, tmp_path, samples):
    import shutil

    import openpyxl
    from PySide6.QtWidgets import QDialogButtonBox

    from planner_desktop.gui.plan_import_dialog import PlanImportDialog
    from planner_desktop.gui.units_dialog import UnitsDialog
    from planner_desktop.store.database import open_ledger
    from tests.gui.test_returns_in_window import first_rows_filled, import_through_dialog, sent
    from tests.support.fillin_helpers import fill_workbook

    ledger = demo(tmp_path)
    try:
        window = window_over(qtbot, ledger)
        path = sent(ledger, tmp_path / "out")[0]
        fill_workbook(path, first_rows_filled)
        import_through_dialog(qtbot, window, [path])
        rows = ledger.scalar("SELECT count(*) FROM assignment a JOIN unit u ON u.id = a.unit_id "
                             "WHERE u.name = '局办公室'")
        assert window.statusBar().currentMessage() == \
            f"已导入 1 个回收表：更新 2 条任务，{rows - 2} 条未填写。"

        roster = tmp_path / "名册.xlsx"
        wb = openpyxl.Workbook()
        wb.active.append(["单位名称", "简称", "类别"])
        wb.active.append(["青溪县新设股", "新设股", "股室"])
        wb.active.append(["青溪县实验二小", "", "学校"])
        wb.save(roster)
        units = UnitsDialog(ledger, window)
        qtbot.addWidget(units)
        dialog = units.import_roster_file(roster)  # what it adds, shown before it is imported
        with qtbot.waitSignal(dialog.imported, timeout=10000):
            dialog.ui.buttons.button(QDialogButtonBox.Ok).click()
        message = window.statusBar().currentMessage()
        assert message.startswith("已导入单位名册 名册.xlsx：股室 1 个，学校 1 所，简称 1 个"), message
        assert units.merge("青溪县新设股", "青溪县实验二小")
        assert window.statusBar().currentMessage().startswith("已将“青溪县实验二小”合并到“青溪县新设股”")
    finally:
        ledger.close()

    plan = tmp_path / "2020年工作要点.txt"
    shutil.copyfile(samples / "plans" / "001_68e4817491ed8267.txt", plan)
    fresh = open_ledger(tmp_path / "fresh.sqlite", daily_backup=False)
    try:
        window = window_over(qtbot, fresh)
        dialog = PlanImportDialog(fresh, plan, window)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.job.running, timeout=20000)
        with qtbot.waitSignal(dialog.imported, timeout=20000):
            dialog.buttons.button(QDialogButtonBox.Ok).click()
        items = fresh.scalar("SELECT count(*) FROM plan_item")
        assert window.statusBar().currentMessage().startswith(
            f"已导入 2020年工作要点.txt：{items} 项要点"), window.statusBar().currentMessage()
    finally:
        fresh.close()


def test_a_new_file_gets_its_own_title_even_while_the_last_one_is_read(qtbot, tmp_path, samples):
    from planner_desktop.gui.plan_import_dialog import PlanImportDialog
    from planner_desktop.store.database import open_ledger

    ledger = open_ledger(tmp_path / "fresh.sqlite", daily_backup=False)
    try:
        dialog = PlanImportDialog(ledger, None)
        qtbot.addWidget(dialog)
        first, second = (samples / "plans" / name for name in
                         ("000_d42540664a89814d.txt", "001_68e4817491ed8267.txt"))
        dialog.load(first)
        dialog.load(second)  # the clerk picked the wrong file and at once the right one
        qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.job.running, timeout=20000)
        qtbot.wait(300)  # the first reading comes back too: it must not be shown
        assert dialog.title_edit.text() == "2020年全州教育和体育工作要点"
        assert dialog.preview.outline.title == "2020年全州教育和体育工作要点"
    finally:
        ledger.close()


def test_a_task_list_joined_to_its_plan_says_so(qtbot, tmp_path):
    from PySide6.QtWidgets import QDialogButtonBox

    from planner_desktop.gui.import_dialog import ImportTasksDialog
    from planner_desktop.ops.plan_import import commit_plan_document, preview_plan_document
    from planner_desktop.store.database import open_ledger
    from tests.gui.test_import_into_plan import DOCUMENT, TASK_LIST

    ledger = open_ledger(tmp_path / "fresh.sqlite", daily_backup=False)
    try:
        commit_plan_document(ledger, preview_plan_document(ledger, DOCUMENT))
        window = window_over(qtbot, ledger)
        dialog = ImportTasksDialog(ledger, TASK_LIST, window)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy, timeout=30000)
        with qtbot.waitSignal(dialog.imported, timeout=30000):
            dialog.buttons.button(QDialogButtonBox.Ok).click()
        message = window.statusBar().currentMessage()
        assert message.startswith(f"已导入 {TASK_LIST.name}：并入已有计划，对上 "), message
        assert "新增要点 82 项" in message
    finally:
        ledger.close()
