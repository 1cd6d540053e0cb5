"""A wrong guess corrected once in the mapping tab holds for every list with that header."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from planner_desktop.exchange.tasklist.layout import header_signature
from planner_desktop.gui.import_dialog import MAPPING_KEY, ImportTasksDialog
from tests.support.tasklist_layouts import Sheet, write_sheet

HEADER = ["序号", "所属方面", "重点任务", "牵头单位", "完成时限"]


def write_list(path, categories):
    rows, merges = [HEADER], []
    for title, tasks in categories:
        first = len(rows)
        for number, task in enumerate(tasks, start=1):
            rows.append([str(number), title if number == 1 else "", task, "办公室", "年底前"])
        merges.append((first, 1, len(rows) - 1, 1))
    return write_sheet(Sheet(rows, merges), path, "openpyxl")


def wait_for(qtbot, dialog, condition):
    qtbot.waitUntil(lambda: dialog.parsed is not None and not dialog.job.running
                    and condition(), timeout=20000)


def top_titles(dialog):
    return [dialog.tree.topLevelItem(i).text(1) for i in range(dialog.tree.topLevelItemCount())]


def test_the_category_column_chosen_once_is_remembered_for_the_same_header(qtbot, ledger,
                                                                           tmp_path):
    first_file = write_list(tmp_path / "2024.xlsx", [("党的建设", ["加强党的领导", "建强基层党建"]),
                                                    ("教育质量", ["推进优质均衡"])])
    dialog = ImportTasksDialog(ledger, first_file)
    qtbot.addWidget(dialog)
    wait_for(qtbot, dialog, lambda: True)
    # 所属方面 is no header name the parser knows: the tasks come out without categories
    assert top_titles(dialog) == ["加强党的领导", "建强基层党建", "推进优质均衡"]
    rows = {dialog.mapping_table.item(r, 1).text(): r
            for r in range(dialog.mapping_table.rowCount())}
    combo = dialog.mapping_table.cellWidget(rows["所属方面"], 2)
    before = dialog.parsed
    combo.setCurrentIndex(combo.findData("category"))
    wait_for(qtbot, dialog, lambda: dialog.parsed is not before)
    assert top_titles(dialog) == ["党的建设", "教育质量"]

    # next year's list, same header: read with the clerk's mapping straight away
    second_file = write_list(tmp_path / "2025.xlsx", [("安全稳定", ["开展安全教育"]),
                                                     ("队伍建设", ["加强师德师风", "培训校长"])])
    again = ImportTasksDialog(ledger, second_file)
    qtbot.addWidget(again)
    wait_for(qtbot, again, lambda: again.remembered == [again.sheet_combo.currentText()])
    wait_for(qtbot, again, lambda: top_titles(again) == ["安全稳定", "队伍建设"])
    assert "相同表头" in again.summary.text()


def test_a_list_with_another_header_is_detected_afresh(qtbot, ledger, tmp_path):
    QSettings().setValue(MAPPING_KEY.format(signature=header_signature({0: "别的表头"})),
                         '{"0": "task"}')
    QSettings().setValue(MAPPING_KEY.format(signature=header_signature(
        dict(enumerate(HEADER)))), "not json")
    path = write_list(tmp_path / "list.xlsx", [("党的建设", ["加强党的领导"])])
    dialog = ImportTasksDialog(ledger, path)
    qtbot.addWidget(dialog)
    wait_for(qtbot, dialog, lambda: True)
    assert dialog.remembered == []
    assert top_titles(dialog) == ["加强党的领导"]
