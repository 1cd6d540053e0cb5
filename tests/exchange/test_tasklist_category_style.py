"""Where a task list's categories come from when the clerk corrects the guess (issue 18, item
2): the 类别 column only, the category rows only, or no categories at all."""

from __future__ import annotations

import pytest

from planner_desktop.exchange.readers import read_workbook
from planner_desktop.exchange.tasklist import CATEGORY_STYLES, parse_task_list
from tests.support.tasklist_layouts import Sheet, write_sheet


def outline(tmp_path, rows, style=None, merges=()):
    path = write_sheet(Sheet([list(r) for r in rows], list(merges)), tmp_path / "l.xlsx",
                       "openpyxl")
    preview = parse_task_list(read_workbook(path), year=2024,
                              category_styles={"任务分解表": style} if style else None)
    assert [layout.category_style for layout in preview.layouts] == [style or "auto"]
    return [(level, item.code, item.title) for level, item in preview.plan.walk()]


# 类别 holds a kind of task (重点/常规), not the tree; the tree is in the category rows.
KIND_COLUMN = [["序号", "类别", "重点任务", "牵头单位", "完成时限"],
               ["一、党的建设", "", "", "", ""],
               ["1", "重点", "加强党的领导", "办公室", "6月底"],
               ["2", "常规", "建强基层党建", "人事股", "12月底"],
               ["二、教育质量", "", "", "", ""],
               ["3", "重点", "推进优质均衡", "基教股", "年底"]]
KIND_MERGES = [(1, 0, 1, 4), (4, 0, 4, 4)]


def test_the_styles_offered():
    assert CATEGORY_STYLES == ("auto", "column", "rows", "none")


def test_category_rows_only_when_the_category_column_is_no_tree(tmp_path):
    guessed = outline(tmp_path, KIND_COLUMN, merges=KIND_MERGES)
    assert (1, "", "重点") in guessed  # the guess: 重点/常规 as categories
    assert outline(tmp_path, KIND_COLUMN, "rows", KIND_MERGES) == [
        (1, "一、", "党的建设"), (2, "1", "加强党的领导"), (2, "2", "建强基层党建"),
        (1, "二、", "教育质量"), (2, "3", "推进优质均衡")]


def test_the_category_column_only(tmp_path):
    """A task numbered （二） with no unit yet, under a category cell merged down: the rules
    take it for a category row; 类别列 keeps it a task of its category."""
    rows = [["序号", "类别", "重点任务", "牵头单位"],
            ["（一）", "党的建设", "加强党的领导", "办公室"],
            ["（二）", "", "建强基层党建", ""],
            ["（一）", "教育质量", "推进优质均衡", "基教股"]]
    merges = [(1, 1, 2, 1)]
    assert (2, "（二）", "建强基层党建") not in outline(tmp_path, rows, merges=merges)
    assert outline(tmp_path, rows, "column", merges) == [
        (1, "", "党的建设"), (2, "（一）", "加强党的领导"), (2, "（二）", "建强基层党建"),
        (1, "", "教育质量"), (2, "（一）", "推进优质均衡")]


@pytest.mark.parametrize("style", [None, "none"])
def test_no_categories_every_row_a_task(tmp_path, style):
    """A list of headline tasks numbered （一）, （二）… with no units written yet: the rules
    take each for a category row; 无类别 keeps them tasks."""
    rows = [["序号", "重点任务", "牵头单位"],
            ["（一）", "加强党的领导", ""],
            ["（二）", "推进优质均衡", ""]]
    expected = [(1, "（一）", "加强党的领导"), (1, "（二）", "推进优质均衡")]
    assert outline(tmp_path, rows, style) == expected
    assert outline(tmp_path, KIND_COLUMN, "none", KIND_MERGES) == [
        (1, "一、", "党的建设"), (1, "1", "加强党的领导"), (1, "2", "建强基层党建"),
        (1, "二、", "教育质量"), (1, "3", "推进优质均衡")]
