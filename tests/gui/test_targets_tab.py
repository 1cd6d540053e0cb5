"""The detail pane's 量化指标 tab: a placeholder filled, a figure typed, a target added and a
false one set aside, each one step of the window's undo stack and a line of the tab's history."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from planner_desktop.gui.target_dialog import TargetDialog
from planner_desktop.store.targets import tracked_targets


def _fill(monkeypatch, **fields):
    """The next TargetDialog is answered with these fields typed, as a clerk would."""
    def answer(dialog: TargetDialog) -> int:
        ui = dialog.ui
        for name, value in fields.items():
            if name == "comparator":
                ui.comparator_box.setCurrentIndex(ui.comparator_box.findData(value))
            else:
                getattr(ui, f"{name}_edit").setText(value)
        return QDialog.Accepted
    monkeypatch.setattr(TargetDialog, "exec", answer)


def _show(window, item_id):
    """Select the item in the ledger, as the clerk clicks it: the detail pane follows."""
    row = next(r for r, found in enumerate(window.model.rows()) if found.item_id == item_id)
    window.table.selectRow(row)
    assert window.detail.shown[0] == item_id


def _state(ledger, target_id):
    return {t.id: t for t in tracked_targets(ledger, include_removed=True)}[target_id]


def test_targets_are_corrected_filled_and_reported_and_each_step_undoes(window, ledger, monkeypatch,
                                                                        tmp_path):
    placeholder = next(t for t in tracked_targets(ledger) if t.wanted is None)
    _show(window, placeholder.item_id)
    tab = window.detail.targets_tab
    window.detail.tabs.setCurrentWidget(tab)
    row = next(r for r, t in enumerate(tab.targets) if t.id == placeholder.id)
    assert tab.table.item(row, 5).text() == "待定"
    tab.table.selectRow(row)
    assert not tab.figure_button.isEnabled()  # nothing to judge a figure against yet

    _fill(monkeypatch, figure="６")  # a full-width digit, as typed on some PCs
    tab.edit_target()
    filled = _state(ledger, placeholder.id)
    assert filled.wanted == 6 and filled.state.value == "待填报"
    tab.table.selectRow(row)
    assert tab.figure_button.isEnabled()
    _fill(monkeypatch, period="2026", reached="6", note="")
    tab.report_figure()
    assert _state(ledger, placeholder.id).figure == 6
    assert tab.table.item(row, 5).text() in ("已达成", "未达成")
    assert tab.history.count() == 2 and "填报完成值" in tab.history.item(0).text()
    assert "填写目标值" in tab.history.item(1).text() and "待定 → 6" in tab.history.item(1).text()

    before = len(tab.targets)
    _fill(monkeypatch, text="改扩建学校5所")
    tab.add_target()
    added = next(t for t in tracked_targets(ledger) if t.text == "改扩建学校5所")
    assert added.wanted == 5 and added.origin == "clerk" and len(tab.targets) == before + 1
    tab.table.selectRow(next(r for r, t in enumerate(tab.targets) if t.id == added.id))
    tab.toggle_removed()
    assert _state(ledger, added.id).removed
    window.grab().save(str(tmp_path / "targets_tab.png"))

    stack = window.undo_stack
    stack.undo()  # the removal
    assert not _state(ledger, added.id).removed
    stack.undo()  # the addition
    assert added.id not in {t.id for t in tracked_targets(ledger, include_removed=True)}
    stack.undo()  # the figure
    assert _state(ledger, placeholder.id).figure is None
    stack.undo()  # the filled placeholder
    again = _state(ledger, placeholder.id)
    assert again.wanted is None and again.placeholder and again.state.value == "待定"
    assert tab.history.count() == 0
    stack.redo()
    stack.redo()
    assert _state(ledger, placeholder.id).figure == 6


def test_a_text_figure_is_refused_with_a_message_and_nothing_changes(window, ledger, monkeypatch,
                                                                    message_boxes):
    target = next(t for t in tracked_targets(ledger) if t.wanted is not None)
    _show(window, target.item_id)
    tab = window.detail.targets_tab
    tab.table.selectRow(next(r for r, t in enumerate(tab.targets) if t.id == target.id))
    _fill(monkeypatch, period="2026", reached="约九成", note="")
    tab.report_figure()
    title, text = message_boxes.pop()
    assert "约九成" in text and "不是数字" in text
    assert _state(ledger, target.id).figure is None and window.undo_stack.count() == 0
