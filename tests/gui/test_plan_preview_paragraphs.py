"""本项的段落 in the 导入工作要点 dialog, driven as a clerk would on a real Word plan: the
paragraphs an item was read from, an item turned back into body text, a body paragraph turned
into an item, both undone one by one, and the edited tree committed."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from planner_desktop.gui.plan_import_dialog import PlanImportDialog
from tests.gui.test_plan_import_dialog import item_at, wait_for_preview


@pytest.fixture
def word_plan(samples, tmp_path):
    path = tmp_path / "2020年工作要点.docx"
    shutil.copyfile(samples / "plans" / "001_autonumbered.docx", path)
    return path


def pane_text(dialog) -> str:
    return dialog.ui.paragraphs.toPlainText()


def click_paragraph(qtbot, dialog, index: int) -> None:
    """A click on the paragraph's words in 本项的段落."""
    view = dialog.ui.paragraphs
    block = view.document().findBlockByNumber(index)
    rect = view.document().documentLayout().blockBoundingRect(block)
    point = rect.center().toPoint()
    point.setY(point.y() - view.verticalScrollBar().value())
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=point)


def test_paragraphs_of_an_item_and_the_edits_between_items_and_text(qtbot, ledger, word_plan,
                                                                    message_boxes):
    dialog = PlanImportDialog(ledger, word_plan)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    wait_for_preview(qtbot, dialog)
    section = item_at(dialog, 0)
    assert section.childCount() == 4

    # the item's paragraph, numbered as Word numbers the file's paragraphs, title marked
    dialog.tree.setCurrentItem(item_at(dialog, 0, 0))
    assert dialog.current_node().title == "加强党的全面领导"
    assert pane_text(dialog).startswith("第 3 段 · 标题　1.加强党的全面领导。")
    assert dialog.ui.paragraphs_label.text() == "本项的段落：第 3 段，共 1 段"

    # 一.2 was body text of 一.1: the button puts it there
    dialog.tree.setCurrentItem(item_at(dialog, 0, 1))
    assert dialog.current_node().title == "建强抓实基层党建"
    dialog.merge_up_button.click()
    assert item_at(dialog, 0).childCount() == 3
    receiver = dialog.current_node()
    assert receiver.title == "加强党的全面领导"
    assert "2.建强抓实基层党建。把党的政治建设摆在首位" in receiver.text
    assert dialog.ui.paragraphs_label.text() == "本项的段落：第 3–4 段，共 2 段"
    lines = pane_text(dialog).split("\n")
    assert lines[1].startswith("第 4 段 · 正文　2.建强抓实基层党建")
    assert dialog.paragraph_pane.current().number == 4  # the paragraph it took is selected

    # 一.3 as well, by its shortcut on the tree
    dialog.tree.setCurrentItem(item_at(dialog, 0, 1))
    assert dialog.current_node().title == "把牢意识形态阵地"
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key_J, Qt.ControlModifier)
    assert item_at(dialog, 0).childCount() == 2
    assert dialog.ui.paragraphs_label.text() == "本项的段落：第 3–5 段，共 3 段"

    # the title paragraph is the item itself: refused, with a message, nothing changed
    click_paragraph(qtbot, dialog, 0)
    assert dialog.paragraph_pane.current().kind == "title"
    dialog.split_paragraph_button.click()
    assert item_at(dialog, 0).childCount() == 2
    assert [title for title, _ in message_boxes] == ["拆为新要点"]
    message_boxes.clear()

    # 第 5 段 back out as an item, by a click on it and the button: the next at its level
    click_paragraph(qtbot, dialog, 2)
    assert dialog.paragraph_pane.current().number == 5
    dialog.split_paragraph_button.click()
    assert [item_at(dialog, 0, i).text(1) for i in range(3)] == [
        "加强党的全面领导", "把牢意识形态阵地", "推动全面从严治党向纵深发展"]
    assert dialog.current_node().title == "把牢意识形态阵地"
    assert dialog.current_node().paragraph == 5
    assert pane_text(dialog).startswith("第 5 段 · 标题　3.把牢意识形态阵地")

    # and 第 4 段 by the shortcut, then undone: 撤销 steps back one edit at a time
    dialog.tree.setCurrentItem(item_at(dialog, 0, 0))
    click_paragraph(qtbot, dialog, 1)
    qtbot.keyClick(dialog.ui.paragraphs, Qt.Key_Return, Qt.ControlModifier)
    assert item_at(dialog, 0).childCount() == 4
    assert dialog.undo()
    assert item_at(dialog, 0).childCount() == 3
    assert dialog.undo()
    assert item_at(dialog, 0).childCount() == 2
    dialog.tree.setCurrentItem(item_at(dialog, 0, 0))
    click_paragraph(qtbot, dialog, 2)
    dialog.split_paragraph_action.trigger()
    assert item_at(dialog, 0).childCount() == 3

    with qtbot.waitSignal(dialog.imported, timeout=20000) as imported:
        dialog.buttons.button(QDialogButtonBox.Ok).click()
    rows = ledger.query("SELECT id, parent_id, level, code, title, body FROM plan_item "
                        "WHERE plan_id = ? ORDER BY id", (imported.args[0],))
    assert len(rows) == 43  # 44 proposed, one left in the text above it
    by_title = {r["title"]: r for r in rows}
    first = by_title["加强党的全面领导"]
    assert "2.建强抓实基层党建。把党的政治建设摆在首位" in first["body"]
    assert "把牢意识形态阵地" not in first["body"]
    assert "建强抓实基层党建" not in by_title
    children = [r for r in rows if r["parent_id"] == by_title[rows[0]["title"]]["id"]]
    assert [(r["code"], r["title"]) for r in children] == [
        ("一.1", "加强党的全面领导"), ("一.3", "把牢意识形态阵地"), ("一.4", "推动全面从严治党向纵深发展")]
    assert all(r["level"] == 2 for r in children)


def test_the_first_item_has_nothing_above_it(qtbot, ledger, word_plan, message_boxes):
    dialog = PlanImportDialog(ledger, word_plan)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_preview(qtbot, dialog)
    dialog.tree.setCurrentItem(item_at(dialog, 0))
    assert dialog.merge_into_previous() is None
    assert message_boxes.pop() == ("并入上一项的正文", "这是第一项，上面没有可以并入的要点。")
    assert dialog.tree.topLevelItemCount() == 9 and not dialog.undo_snapshots
