"""类别来自 in the mapping tab: a wrong guess of where a task list's categories come from is
corrected by choosing the category column or the row style, and remembered for the header."""

from __future__ import annotations

from planner_desktop.gui.import_dialog import ImportTasksDialog
from tests.gui.test_import_dialog_mapping import top_titles, wait_for
from tests.support.tasklist_layouts import Sheet, write_sheet

HEADER = ["序号", "类别", "重点任务", "牵头单位", "完成时限"]


def write_list(path, categories):
    """Category rows across the sheet (一、…) over tasks whose 类别 cell holds their kind
    (重点 / 常规): a column the rules take for the categories."""
    rows, merges = [HEADER], []
    number = 0
    for code, (title, tasks) in zip("一二三", categories, strict=False):
        merges.append((len(rows), 0, len(rows), len(HEADER) - 1))
        rows.append([f"{code}、{title}"] + [""] * (len(HEADER) - 1))
        for task, kind in tasks:
            number += 1
            rows.append([str(number), kind, task, "办公室", "年底前"])
    return write_sheet(Sheet(rows, merges), path, "openpyxl")


def choose(qtbot, dialog, data):
    """The clerk picks an entry of 类别来自 (activated, as a click on it sends)."""
    combo, before = dialog.category_combo, dialog.parsed
    index = combo.findData(data)
    assert index >= 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    wait_for(qtbot, dialog, lambda: dialog.parsed is not before)


def test_the_category_style_chosen_once_is_remembered_for_the_same_header(qtbot, ledger,
                                                                          tmp_path):
    first_file = write_list(tmp_path / "2024.xlsx", [
        ("党的建设", [("加强党的领导", "重点"), ("建强基层党建", "常规")]),
        ("教育质量", [("推进优质均衡", "重点")])])
    dialog = ImportTasksDialog(ledger, first_file)
    qtbot.addWidget(dialog)
    wait_for(qtbot, dialog, lambda: True)
    assert "重点" in top_titles(dialog)  # the guess: the kinds are categories
    assert dialog.category_combo.currentData() == "auto"
    entries = [dialog.category_combo.itemText(i) for i in range(dialog.category_combo.count())]
    assert entries[0] == "自动识别（类别列和类别行）" and "类别列：B 列“类别”" in entries
    assert entries[-1] == "无类别：每一行都是任务"

    choose(qtbot, dialog, "rows")
    assert top_titles(dialog) == ["党的建设", "教育质量"]
    assert dialog.tree.topLevelItem(0).childCount() == 2
    assert dialog.category_combo.currentData() == "rows"

    choose(qtbot, dialog, "none")
    assert top_titles(dialog) == ["党的建设", "加强党的领导", "建强基层党建", "教育质量", "推进优质均衡"]

    choose(qtbot, dialog, "column:1")
    assert top_titles(dialog)[1:] == ["重点", "常规", "重点"]
    assert dialog.category_combo.currentData() == "column:1"

    choose(qtbot, dialog, "rows")
    # next year's list, same header: read with the clerk's choice straight away
    second_file = write_list(tmp_path / "2025.xlsx", [
        ("安全稳定", [("开展安全教育", "重点")]),
        ("队伍建设", [("加强师德师风", "常规"), ("培训校长", "重点")])])
    again = ImportTasksDialog(ledger, second_file)
    qtbot.addWidget(again)
    wait_for(qtbot, again, lambda: again.remembered == [again.sheet_combo.currentText()])
    wait_for(qtbot, again, lambda: top_titles(again) == ["安全稳定", "队伍建设"])
    assert again.category_combo.currentData() == "rows"
    assert "相同表头" in again.summary.text()
