"""The small dialogs drawn in Designer: the date (and extension reason), and pasted text."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox

from planner_desktop.gui.detail_pane import DateDialog
from planner_desktop.gui.plan_keywords_dialog import PasteTextDialog


def test_date_dialog_asks_for_a_reason_only_for_an_extension(qtbot):
    plain = DateDialog("修改到期日", dt.date(2026, 6, 30), False)
    qtbot.addWidget(plain)
    plain.show()
    assert plain.windowTitle() == "修改到期日"
    assert plain.chosen_date() == dt.date(2026, 6, 30)
    assert not plain.reason.isVisible() and not plain.ui.reason_label.isVisible()
    assert not plain.approver.isVisible() and not plain.ui.approved_on.isVisible()

    extension = DateDialog("延期：基础教育股", None, True)
    qtbot.addWidget(extension)
    extension.show()
    assert extension.reason.isVisible() and extension.chosen_date() == dt.date.today()
    extension.date_edit.setDate(QDate(2026, 12, 31))
    extension.reason.setText("等待上级文件")
    ok = extension.ui.buttons.button(QDialogButtonBox.Ok)
    assert not ok.isEnabled() and "审批人" in ok.toolTip()  # the approver is required
    extension.approver.setText("王局长")
    extension.ui.requested_on.setDate(QDate(2026, 6, 20))
    extension.ui.approved_on.setDate(QDate(2026, 6, 18))
    assert not ok.isEnabled() and "晚于审批日期" in ok.toolTip()
    extension.ui.approved_on.setDate(QDate(2026, 6, 22))
    assert ok.isEnabled()
    with qtbot.waitSignal(extension.accepted):
        extension.ui.buttons.button(QDialogButtonBox.Ok).click()
    assert extension.chosen_date() == dt.date(2026, 12, 31)
    assert (extension.approved_on(), extension.requested_on()) == (dt.date(2026, 6, 22), dt.date(2026, 6, 20))
    assert extension.ui.buttons.button(QDialogButtonBox.Ok).text() == "确定"


def test_paste_dialog_returns_the_text(qtbot):
    dialog = PasteTextDialog()
    qtbot.addWidget(dialog)
    dialog.edit.setPlainText("一、加强党的建设\n1.落实主体责任")
    assert dialog.text() == "一、加强党的建设\n1.落实主体责任"
    assert dialog.ui.buttons.button(QDialogButtonBox.Ok).text() == "读取"
    with qtbot.waitSignal(dialog.rejected):
        dialog.ui.buttons.button(QDialogButtonBox.Cancel).click()
