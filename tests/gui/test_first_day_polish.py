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
