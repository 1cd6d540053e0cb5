"""督办单 from the ledger's context menu, answered in the detail pane and undone."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from planner_desktop.domain.status import Light
from planner_desktop.gui.slip_issue_dialog import SlipIssueDialog
from planner_desktop.ops.slips import slips_of_item


def test_red_items_get_slips_from_the_context_menu_and_the_pdf_opens(window, ledger, tmp_path,
                                                                   monkeypatch, message_boxes):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile())))
    shown: list[SlipIssueDialog] = []

    def issue_as_shown(dialog: SlipIssueDialog) -> int:
        shown.append(dialog)
        dialog.ui.folder_edit.setText(str(tmp_path))
        return QDialog.Accepted

    monkeypatch.setattr(SlipIssueDialog, "exec", issue_as_shown)
    red = [r for r, row in enumerate(window.model.rows()) if row.light is Light.RED and row.lead]
    assert red
    selection = window.table.selectionModel()
    selection.clearSelection()
    for r in red:
        selection.select(window.model.index(r, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows)
    action = next(a for a in window.table.actions() if a.text().startswith("发督办单"))
    assert action in next(m for m in window.menuBar().findChildren(type(window.menuBar().addMenu("x")))
                          if m.title() == "督办(&S)").actions()
    action.trigger()
    dialog = shown[0]
    assert dialog.ui.slip_table.rowCount() >= len(red)
    assert "编号自 督办〔2026〕1号 起" in dialog.ui.summary_label.text()
    assert len(opened) == 1 and opened[0].endswith(".pdf")
    text = subprocess.run(["pdftotext", opened[0], "-"], capture_output=True, text=True, check=True).stdout
    assert "督办单" in text and "督办〔2026〕1号" in text
    message_boxes.clear()  # units without contact details are named in a warning, if any

    item_id = window.model.rows()[red[0]].item_id
    window.detail.show_item(item_id)
    slip = slips_of_item(ledger, item_id)[0]
    assert any(f"督办单 {slip.label} 于" in window.detail.history.item(r, 4).text()
               for r in range(window.detail.history.rowCount()))
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        staticmethod(lambda *a, **k: ("已整改到位", True)))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Yes))
    window.detail.answer_selected_slip()
    done = slips_of_item(ledger, item_id)[0]
    assert done.answer == "已整改到位" and done.closed_at
    window.detail.show_item(item_id)
    assert "已整改到位" in window.detail.slip_list.item(0).text()
    window.undo_stack.undo()
    assert slips_of_item(ledger, item_id)[0].closed_at is None
    window.grab().save(str(tmp_path / "window.png"))

    from planner_desktop.gui.units_dialog import UnitsDialog

    dialog = UnitsDialog(ledger, window)
    names = [dialog.units.item(r, 0) for r in range(dialog.units.rowCount())]
    sent = next(cell for cell in names if cell.text().startswith(slip.unit_name))
    assert "（督办 " in sent.text() and f"督办单 {slip.label}" in sent.toolTip()
    dialog.close()


def test_reminder_notices_from_the_menu_copy_the_text_and_open_the_pdf(window, ledger, tmp_path,
                                                                      monkeypatch):
    from PySide6.QtGui import QGuiApplication

    from planner_desktop.gui.notice_dialog import NoticeDialog
    from planner_desktop.store.slips import list_notices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile())))
    seen: list[NoticeDialog] = []

    def notify_all_but_one(dialog: NoticeDialog) -> int:
        seen.append(dialog)
        dialog.ui.period_box.setEditText("2026-11")
        assert dialog.ui.unit_list.count() >= 2 and "未报送" in dialog.ui.summary_label.text()
        dialog.ui.unit_list.item(0).setCheckState(Qt.Unchecked)
        assert dialog.ui.text_view.toPlainText().count("【催办通知】") == len(dialog.notices) - 1
        dialog.ui.folder_edit.setText(str(tmp_path))
        assert dialog.output.ready()
        return QDialog.Accepted

    monkeypatch.setattr(NoticeDialog, "exec", notify_all_but_one)
    window.act_reminder_notices.trigger()
    notices = list_notices(ledger)
    left_out = seen[0].notices[0].unit.name
    assert len(notices) == len(seen[0].notices) - 1 and left_out not in {n["unit"] for n in notices}
    assert notices and opened and opened[0].endswith(".pdf")
    clipboard = QGuiApplication.clipboard().text()
    assert clipboard.startswith("【催办通知】") and notices[0]["unit"] in clipboard
    text = subprocess.run(["pdftotext", opened[0], "-"], capture_output=True, text=True, check=True).stdout
    assert "催 办 通 知" in text or "催办通知" in text.replace(" ", "")


def test_the_issue_dialog_leaves_out_unticked_slips_and_gives_one_requirement_to_all(window, ledger, tmp_path,
                                                                                     monkeypatch):
    from docx import Document
    from PySide6.QtCore import Qt

    from planner_desktop.ops.slips import plan_slips, slips_of_year

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: None))
    plan = plan_slips(ledger, lights={Light.RED}, today=window.snapshot.today)
    assert len(plan.slips) >= 2

    def issue_two(dialog: SlipIssueDialog) -> int:
        table = dialog.ui.slip_table
        for row in range(2, table.rowCount()):
            table.item(row, 0).setCheckState(Qt.Unchecked)
        assert "发 2 份督办单" in dialog.ui.summary_label.text()
        dialog.ui.common_requirement.setText("请于三个工作日内书面报告整改情况。")
        dialog.ui.pdf_box.setChecked(False)
        dialog.ui.folder_edit.setText(str(tmp_path))
        dialog.grab().save(str(tmp_path / "slip_dialog.png"))
        return QDialog.Accepted

    monkeypatch.setattr(SlipIssueDialog, "exec", issue_two)
    window.issue_slips(lights={Light.RED})
    issued = slips_of_year(ledger, window.snapshot.today.year)
    assert len(issued) == 2
    assert {(s.item_id, s.unit_name) for s in issued} == {(s.item_id, s.unit.name) for s in plan.slips[:2]}
    files = sorted(tmp_path.glob("*.docx"))
    assert files and not list(tmp_path.glob("*.pdf"))
    text = "\n".join(cell.text for f in files for t in Document(f).tables for r in t.rows for cell in r.cells)
    assert text.count("请于三个工作日内书面报告整改情况。") >= 2


def test_the_issue_dialog_refuses_a_folder_that_does_not_exist(qtbot, window, ledger, tmp_path,
                                                                message_boxes):
    from planner_desktop.ops.slips import plan_slips

    plan = plan_slips(ledger, lights={Light.RED, Light.YELLOW}, today=window.snapshot.today)
    dialog = SlipIssueDialog(plan, 7, window)
    qtbot.addWidget(dialog)
    assert "督办〔" in dialog.ui.summary_label.text() and "7号 起" in dialog.ui.summary_label.text()
    dialog.ui.folder_edit.setText(str(tmp_path / "nowhere"))
    assert not dialog.output.ready()
    assert dialog.result() != QDialog.Accepted and "不是一个已有的文件夹" in message_boxes.pop()[1]
