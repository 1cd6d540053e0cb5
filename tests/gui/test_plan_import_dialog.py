"""The 导入工作要点 dialog driven as a clerk would: preview a sample, edit the tree, commit, undo."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from planner_desktop.domain.units import RosterUnit, UnitKind
from planner_desktop.gui.plan_import_dialog import PlanImportDialog
from planner_desktop.store.ledger_rows import fetch_items
from planner_desktop.store.units import import_roster


@pytest.fixture(autouse=True)
def quiet_stale_main_windows(qapp):
    """A main window another module's test left for deletion after its ledger was closed
    reloads from that closed ledger when its undo stack goes, inside whichever test runs the
    event loop next (here, after tests/gui/test_main_window.py). Its signals are blocked first."""
    from planner_desktop.gui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.undo_stack.blockSignals(True)
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    yield


@pytest.fixture
def plan_sample(samples, tmp_path):
    path = tmp_path / "2020年工作要点.txt"
    shutil.copyfile(samples / "plans" / "001_68e4817491ed8267.txt", path)
    return path


def type_chinese(widget, text: str) -> None:
    """QTest types ASCII only (keyClicks aborts on Chinese): one key event per character."""
    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.NoModifier, ch))


def wait_for_preview(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.job.running, timeout=20000)


def item_at(dialog, *path: int):
    item = dialog.tree.topLevelItem(path[0])
    for index in path[1:]:
        item = item.child(index)
    return item


def test_preview_edit_and_commit_the_edited_tree(qtbot, ledger, plan_sample):
    dialog = PlanImportDialog(ledger, plan_sample)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_preview(qtbot, dialog)
    assert dialog.tree.topLevelItemCount() == 9
    assert "第2级 35 项" in dialog.summary.text()
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    assert ok.isEnabled()

    # clicking an item shows where it came from in the source text
    dialog.tree.setCurrentItem(item_at(dialog, 0, 1))
    node = dialog.current_node()
    assert node.title == "建强抓实基层党建"
    assert dialog.source.toPlainText()[node.start:node.end].startswith("2.建强抓实基层党建")
    assert dialog.source.textCursor().position() == node.start

    # demote 一.3 under 一.2
    dialog.tree.setCurrentItem(item_at(dialog, 0, 2))
    assert dialog.current_node().title == "把牢意识形态阵地"
    dialog.demote_button.click()
    assert item_at(dialog, 0).childCount() == 3
    assert item_at(dialog, 0, 1, 0).text(1) == "把牢意识形态阵地"
    assert dialog.current_node().title == "把牢意识形态阵地"

    # merge 二.6 with 二.7
    dialog.tree.setCurrentItem(item_at(dialog, 1, 1))
    assert dialog.current_node().title == "加强安全风险防控"
    dialog.merge_button.click()
    assert item_at(dialog, 1).childCount() == 2
    merged = dialog.current_node()
    assert "创建“平安校园”" in merged.text
    assert any(t.text == "州级安全文明校园5所" for t in merged.targets)

    # set the lead and a support unit of the merged item, typed as a clerk types them
    dialog.edit_lead.setEditText("")
    type_chinese(dialog.edit_lead.lineEdit(), "安全股")
    dialog.edit_support.clear()
    type_chinese(dialog.edit_support, "基础教育股")
    dialog.apply_button.click()
    assert item_at(dialog, 1, 1).text(2) == "安全股"
    assert item_at(dialog, 1, 1).text(3) == "基础教育股"

    # rename 一.1
    dialog.tree.setCurrentItem(item_at(dialog, 0, 0))
    dialog.edit_title.clear()
    type_chinese(dialog.edit_title, "加强党的全面领导（修改）")
    dialog.apply_button.click()
    assert item_at(dialog, 0, 0).text(1) == "加强党的全面领导（修改）"

    with qtbot.waitSignal(dialog.imported, timeout=20000) as imported:
        ok.click()
    plan_id = imported.args[0]
    items = fetch_items(ledger, plan_id)
    assert len(items) == 43  # 44 proposed, two merged into one
    rows = ledger.query("SELECT id, parent_id, level, title, code FROM plan_item WHERE plan_id = ? "
                        "ORDER BY id", (plan_id,))
    by_title = {r["title"]: r for r in rows}
    assert by_title["把牢意识形态阵地"]["parent_id"] == by_title["建强抓实基层党建"]["id"]
    assert by_title["把牢意识形态阵地"]["level"] == 3
    assert "加强党的全面领导（修改）" in by_title
    assert "创建“平安校园”" not in by_title
    roles = ledger.query(
        "SELECT u.name, a.role FROM assignment a JOIN unit u ON u.id = a.unit_id "
        "JOIN plan_item i ON i.id = a.item_id WHERE i.title = '加强安全风险防控' ORDER BY a.role")
    assert [(r["name"], r["role"]) for r in roles] == [("安全股", "lead"), ("基础教育股", "support")]
    # suggestions nobody confirmed are not written
    assert ledger.scalar("SELECT count(*) FROM assignment") == 2
    assert ledger.scalar("SELECT kind FROM import_batch") == "plan"


def test_accepting_suggestions_writes_them_and_undo_removes_everything(qtbot, ledger, plan_sample):
    from planner_desktop.store.undo import undo_batch

    dialog = PlanImportDialog(ledger, plan_sample)
    qtbot.addWidget(dialog)
    wait_for_preview(qtbot, dialog)
    dialog.accept_all_button.click()
    suggested = sum(1 for _, n in dialog.preview.outline.walk() if n.suggested_lead)
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.buttons.button(QDialogButtonBox.Ok).click()
    # no roster yet: the keyword table's sections wait for it (its aliases) instead of
    # becoming units 待核实 beside the roster's own
    assert ledger.scalar("SELECT count(*) FROM pending_assignment WHERE role = 'lead'") == suggested
    assert ledger.scalar("SELECT count(*) FROM unit") == 0
    undo_batch(ledger, dialog.created.batch_id)
    assert ledger.scalar("SELECT count(*) FROM plan_item") == 0
    assert ledger.scalar("SELECT count(*) FROM pending_assignment") == 0
    assert ledger.scalar("SELECT count(*) FROM unit") == 0


def test_mixed_document_offers_the_whole(qtbot, ledger, samples):
    dialog = PlanImportDialog(ledger, samples / "plans" / "004_c4f998209f6bcfdc.txt")
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_preview(qtbot, dialog)
    assert dialog.plan_part_box.isVisible() and dialog.plan_part_box.isChecked()
    assert dialog.tree.topLevelItemCount() == 5
    dialog.plan_part_box.setChecked(False)
    assert dialog.tree.topLevelItemCount() == 2
    assert item_at(dialog, 1).text(1) == "下半年工作计划"


def test_split_at_the_cursor_in_the_source(qtbot, ledger, plan_sample):
    dialog = PlanImportDialog(ledger, plan_sample)
    qtbot.addWidget(dialog)
    wait_for_preview(qtbot, dialog)
    dialog.tree.setCurrentItem(item_at(dialog, 0, 0))
    node = dialog.current_node()
    source = dialog.source.toPlainText()
    cut = source.index("组织宣讲党的十九届四中全会精神", node.start)
    cursor = dialog.source.textCursor()
    cursor.setPosition(cut)
    dialog.source.setTextCursor(cursor)
    new = dialog.split_current()
    assert new is not None and new.title == "组织宣讲党的十九届四中全会精神"
    assert item_at(dialog, 0).childCount() == 5
    assert "组织宣讲" not in node.text


def test_a_doc_file_shows_a_message_and_writes_nothing(qtbot, ledger, tmp_path, message_boxes):
    bad = tmp_path / "工作要点.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    dialog = PlanImportDialog(ledger, bad)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=20000)
    title, text = message_boxes.pop()
    assert "工作要点.doc" in text and ".docx" in text
    assert not dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
    assert ledger.scalar("SELECT count(*) FROM plan") == 0


def test_pasted_text(qtbot, ledger, samples):
    text = (samples / "plans" / "002_2d191f5cd49d874e.txt").read_text("utf-8")
    dialog = PlanImportDialog(ledger, text=text)
    qtbot.addWidget(dialog)
    wait_for_preview(qtbot, dialog)
    assert dialog.tree.topLevelItemCount() == 6
    assert "粘贴的文本" in dialog.file_label.text()


def test_main_window_opens_the_plan_import_for_a_dropped_document(qtbot, ledger, samples, monkeypatch):
    from planner_desktop.gui.main_window import MainWindow

    opened = []
    original = PlanImportDialog.__init__

    def remember(self, *args, **kwargs):
        original(self, *args, **kwargs)
        opened.append(self)

    monkeypatch.setattr(PlanImportDialog, "__init__", remember)
    main = MainWindow(ledger)
    try:
        assert main.act_import_plan.isEnabled()
        main.open_dropped([samples / "plans" / "001_autonumbered.docx"])
        dialog = opened[0]
        wait_for_preview(qtbot, dialog)
        assert dialog.tree.topLevelItemCount() == 9
        with qtbot.waitSignal(dialog.imported, timeout=20000):
            dialog.buttons.button(QDialogButtonBox.Ok).click()
        assert ledger.scalar("SELECT count(*) FROM plan_item") == 44
        assert main.model.rowCount() > 0  # the window shows the new plan
    finally:
        # deleted while its ledger is still open: a window deleted later, in another test's
        # event loop, would reload from a closed ledger when its undo stack goes
        main.close()
        with qtbot.waitSignal(main.destroyed, timeout=5000):
            main.deleteLater()


def test_the_clerk_edits_the_keyword_table(qtbot, ledger, plan_sample):
    from planner_desktop.gui.plan_keywords_dialog import PlanKeywordsDialog
    from planner_desktop.ops.plan_import import load_keywords

    dialog = PlanImportDialog(ledger, plan_sample)
    qtbot.addWidget(dialog)
    wait_for_preview(qtbot, dialog)
    dialog.tree.setCurrentItem(item_at(dialog, 8, 0))
    assert dialog.current_node().title == "加强财务建设"
    assert dialog.current_node().suggested_lead == "计财股"
    dialog.keywords_button.click()
    editor = next(w for w in dialog.findChildren(PlanKeywordsDialog))
    editor.table.selectAll()
    editor.remove_rows()
    editor.add_row("财务", "财务室")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save()
    assert load_keywords(ledger).rows == [("财务", "财务室")]
    assert dialog.current_node().suggested_lead == "财务室"
    assert item_at(dialog, 8, 0).text(2) == "财务室（建议）"
    assert dialog.edit_lead.findText("财务室") >= 0


def test_unknown_units_are_mapped_or_created_as_the_clerk_chooses(qtbot, ledger, plan_sample):
    """Names typed in the preview that the roster does not know are listed on their own page:
    one is mapped to a roster unit (remembered as an alias), one created as a school; the
    choices survive further edits of the tree."""
    import_roster(ledger, [RosterUnit(name="基础教育股", kind=UnitKind.SECTION)], {}, [])
    dialog = PlanImportDialog(ledger, plan_sample)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_preview(qtbot, dialog)
    assert dialog.units_table.rowCount() == 0
    assert dialog.tabs.tabText(1) == "未识别的单位（0）"

    dialog.tree.setCurrentItem(item_at(dialog, 0, 0))
    dialog.edit_lead.setEditText("")
    type_chinese(dialog.edit_lead.lineEdit(), "基教股")
    dialog.edit_support.clear()
    type_chinese(dialog.edit_support, "民族实验学校")
    dialog.apply_button.click()
    names = [dialog.units_table.item(r, 0).text() for r in range(dialog.units_table.rowCount())]
    assert names == ["基教股", "民族实验学校"]
    assert dialog.tabs.tabText(1) == "未识别的单位（2）"
    assert "不在单位名册中的单位 2 个" in dialog.summary.text()
    # guessed from the names: a section, a school
    assert [c.create_kind for c in dialog.units_table.choices().values()] == ["股室", "学校"]
    dialog.units_table.choose("基教股", "基础教育股")

    # another edit refills the page and keeps the choice
    dialog.tree.setCurrentItem(item_at(dialog, 0, 1))
    dialog.edit_title.clear()
    type_chinese(dialog.edit_title, "建强抓实基层党建工作")
    dialog.apply_button.click()
    assert dialog.units_table.choices()["基教股"].alias_of == "基础教育股"

    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.buttons.button(QDialogButtonBox.Ok).click()
    roles = ledger.query("SELECT u.name, u.kind, u.needs_review, a.role FROM assignment a "
                         "JOIN unit u ON u.id = a.unit_id ORDER BY a.role")
    assert [(r["name"], r["kind"], r["role"]) for r in roles] == [
        ("基础教育股", "股室", "lead"), ("民族实验学校", "学校", "support")]
    assert ledger.scalar("SELECT u.name FROM unit_alias a JOIN unit u ON u.id = a.unit_id "
                         "WHERE a.alias = '基教股'") == "基础教育股"
    assert ledger.scalar("SELECT count(*) FROM unit WHERE name = '基教股'") == 0


def tree_titles(dialog) -> list:
    def titles(item):
        return (item.text(1), [titles(item.child(i)) for i in range(item.childCount())])
    return [titles(dialog.tree.topLevelItem(i)) for i in range(dialog.tree.topLevelItemCount())]


def test_edits_are_undone_one_by_one(qtbot, ledger, plan_sample):
    """Each edit of the tree can be taken back (撤销 or Ctrl+Z), in order, back to the tree
    as read; what is committed then is that tree."""
    dialog = PlanImportDialog(ledger, plan_sample)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_preview(qtbot, dialog)
    assert not dialog.undo_button.isEnabled()
    as_read = tree_titles(dialog)

    dialog.tree.setCurrentItem(item_at(dialog, 0, 2))
    dialog.demote_button.click()
    demoted = tree_titles(dialog)
    dialog.tree.setCurrentItem(item_at(dialog, 1, 1))
    dialog.merge_button.click()
    dialog.tree.setCurrentItem(item_at(dialog, 0, 0))
    dialog.edit_title.clear()
    type_chinese(dialog.edit_title, "加强党的全面领导（修改）")
    dialog.apply_button.click()
    dialog.apply_button.click()  # nothing changed: nothing to undo
    assert item_at(dialog, 0, 0).text(1) == "加强党的全面领导（修改）"
    assert dialog.undo_button.isEnabled() and len(dialog.undo_snapshots) == 3

    dialog.undo_button.click()  # the rename
    assert item_at(dialog, 0, 0).text(1) == "加强党的全面领导"
    assert dialog.current_node().title == "加强党的全面领导"
    dialog.activateWindow()
    dialog.edit_title.setFocus()
    type_chinese(dialog.edit_title, "草稿")
    qtbot.keyClick(dialog.edit_title, Qt.Key_Z, Qt.ControlModifier)  # a text field's own undo
    assert "草稿" not in dialog.edit_title.text() and len(dialog.undo_snapshots) == 2
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key_Z, Qt.ControlModifier)  # the merge
    assert tree_titles(dialog) == demoted
    qtbot.keyClick(dialog.tree, Qt.Key_Z, Qt.ControlModifier)  # the demotion
    assert tree_titles(dialog) == as_read and not dialog.undo_button.isEnabled()

    with qtbot.waitSignal(dialog.imported, timeout=20000) as imported:
        dialog.buttons.button(QDialogButtonBox.Ok).click()
    assert len(fetch_items(ledger, imported.args[0])) == 44


def test_undo_keeps_the_year_chosen_since(qtbot, ledger):
    """The plan's year is not an edit of the tree: an undo after the clerk changed it keeps
    the new year, and the deadlines stay dated in it."""
    text = "2020年工作要点\n一、加强党的建设\n1.落实主体责任，6月底前完成。\n2.开展专题教育\n"
    dialog = PlanImportDialog(ledger, text=text)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_preview(qtbot, dialog)
    assert dialog.year_spin.value() == 2020
    dialog.tree.setCurrentItem(item_at(dialog, 0, 1))
    dialog.demote_button.click()
    dialog.year_spin.setValue(2021)
    dialog.undo_button.click()
    due = [node.deadline.due for _, node in dialog.preview.outline.walk() if node.deadline]
    assert dialog.preview.outline.year == 2021 and due == [dt.date(2021, 6, 30)]
    assert item_at(dialog, 0).childCount() == 2
