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

    extension = DateDialog("延期：基础教育股", None, True)
    qtbot.addWidget(extension)
    extension.show()
    assert extension.reason.isVisible() and extension.chosen_date() == dt.date.today()
    extension.date_edit.setDate(QDate(2026, 12, 31))
    extension.reason.setText("等待上级文件")
    with qtbot.waitSignal(extension.accepted):
        extension.ui.buttons.button(QDialogButtonBox.Ok).click()
    assert extension.chosen_date() == dt.date(2026, 12, 31)
    assert extension.ui.buttons.button(QDialogButtonBox.Ok).text() == "确定"


def test_paste_dialog_returns_the_text(qtbot):
    dialog = PasteTextDialog()
    qtbot.addWidget(dialog)
    dialog.edit.setPlainText("一、加强党的建设\n1.落实主体责任")
    assert dialog.text() == "一、加强党的建设\n1.落实主体责任"
    assert dialog.ui.buttons.button(QDialogButtonBox.Ok).text() == "读取"
    with qtbot.waitSignal(dialog.rejected):
        dialog.ui.buttons.button(QDialogButtonBox.Cancel).click()
