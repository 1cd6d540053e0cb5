"""The tree of a task list as a careful clerk reads it (issue 18, item 2), one layout each.

Each test writes the list the way bureaus' files come (openpyxl, or a CSV as exported), and
asserts the whole outline: every failure named in the issue, as it was before the fix.
"""

from __future__ import annotations

import pytest

from planner_desktop.exchange.readers import read_workbook
from planner_desktop.exchange.tasklist import parse_task_list
from planner_desktop.exchange.tasklist.structure import category_code_rows, joined_task_rows
from tests.support.tasklist_layouts import Sheet, write_sheet

HEADER = ["序号", "重点任务", "具体措施", "牵头单位", "完成时限"]


def outline(tmp_path, rows, merges=(), writer="openpyxl"):
    """(level, code, title) of every item of the list ``rows`` written by ``writer``."""
    suffix = ".csv" if writer.startswith("csv") else ".xlsx"
    path = write_sheet(Sheet([list(r) for r in rows], list(merges)), tmp_path / f"l{suffix}",
                       writer)
    preview = parse_task_list(read_workbook(path), year=2024)
    return [(level, item.code, item.title) for level, item in preview.plan.walk()]


@pytest.mark.parametrize("writer", ["openpyxl", "csv_gbk"])
def test_category_rows_with_the_code_in_xuhao_and_the_title_beside_it(tmp_path, writer):
    """Was: each category row an item of its own, its tasks beside it at the top level."""
    rows = [["序号", "重点任务", "牵头单位", "完成时限"],
            ["（一）", "党的建设", "", ""],
            ["1", "加强党的领导", "办公室", "6月底"],
            ["2", "建强基层党建", "人事股", "12月底"],
            ["（二）", "教育质量", "", ""],
            ["1", "推进优质均衡", "基教股", "年底"]]
    assert outline(tmp_path, rows, writer=writer) == [
        (1, "（一）", "党的建设"), (2, "1", "加强党的领导"), (2, "2", "建强基层党建"),
        (1, "（二）", "教育质量"), (2, "1", "推进优质均衡")]


def test_bracketed_categories_alone_stay_side_by_side_and_nest_under_a_higher_style(tmp_path):
    """Was: （二） made a child of （一） wherever no 一、 stood above them."""
    rows = [["序号", "重点任务", "牵头单位", "完成时限"],
            ["一、", "党建引领", "", ""],
            ["（一）", "党的建设", "", ""],
            ["1", "加强党的领导", "办公室", "6月底"],
            ["（二）", "作风建设", "", ""],
            ["2", "改进作风", "办公室", "年底"],
            ["二", "教育质量", "", ""],
            ["3", "推进优质均衡", "基教股", "年底"]]
    assert outline(tmp_path, rows, writer="csv_utf8") == [
        (1, "一、", "党建引领"), (2, "（一）", "党的建设"), (3, "1", "加强党的领导"),
        (2, "（二）", "作风建设"), (3, "2", "改进作风"),
        (1, "二", "教育质量"), (2, "3", "推进优质均衡")]
    across = [["（一）党的建设", "", "", ""], ["1", "加强党的领导", "办公室", "6月底"],
              ["（二）教育质量", "", "", ""], ["1", "推进优质均衡", "基教股", "年底"]]
    assert outline(tmp_path, [rows[0], *across], [(1, 0, 1, 3), (3, 0, 3, 3)]) == [
        (1, "（一）", "党的建设"), (2, "1", "加强党的领导"),
        (1, "（二）", "教育质量"), (2, "1", "推进优质均衡")]


def test_the_same_category_text_on_every_row_is_one_category(tmp_path):
    """Was: with a bracketed code, a new sub-category for every row."""
    rows = [["序号", "类别", "重点任务", "牵头单位", "完成时限"],
            ["1", "（一）党的建设", "加强党的领导", "办公室", "6月底"],
            ["2", "（一）党的建设", "建强基层党建", "人事股", "12月底"],
            ["1", "（二）教育质量", "推进优质均衡", "基教股", "年底"],
            ["2", "（二）教育质量", "落实双减", "基教股", "年底"]]
    assert outline(tmp_path, rows) == [
        (1, "（一）", "党的建设"), (2, "1", "加强党的领导"), (2, "2", "建强基层党建"),
        (1, "（二）", "教育质量"), (2, "1", "推进优质均衡"), (2, "2", "落实双减")]


def test_a_category_column_merged_down_with_spacer_rows_and_restarting_codes(tmp_path):
    rows = [["××县教育局2024年重点工作任务清单", "", "", "", "", ""],
            ["序号", "项目", "重点任务", "具体措施", "牵头单位", "完成时限"],
            [1, "党的建设", "加强党的领导", "学习贯彻全会精神", "办公室", "6月底"],
            [2, "", "建强基层党建", "开展支部评星", "人事股", "12月底"],
            ["", "", "", "", "", ""],
            [1, "教育质量", "推进优质均衡", "扩大优质学位", "基教股", "年底"],
            [2, "", "落实双减", "规范作业管理", "基教股", "年底"],
            ["注：每月25日前报送进展。", "", "", "", "", ""]]
    rows = [[str(c) for c in row] for row in rows]
    merges = [(0, 0, 0, 5), (2, 1, 3, 1), (5, 1, 6, 1)]
    assert outline(tmp_path, rows, merges) == [
        (1, "", "党的建设"), (2, "1", "加强党的领导"), (2, "2", "建强基层党建"),
        (1, "", "教育质量"), (2, "1", "推进优质均衡"), (2, "2", "落实双减")]


@pytest.mark.parametrize("layout", ["first_only", "repeated"])
def test_a_tasks_measures_without_a_merge(tmp_path, layout):
    """The task cell written in its first row only (a merge exported to CSV) or repeated on
    every row (a merge undone). Was: every measure row a task of its own."""
    task = ["1", "加强党的领导"]
    again = task if layout == "repeated" else ["", ""]
    rows = [HEADER,
            [*task, "学习贯彻全会精神", "办公室", "6月底"],
            [*again, "落实意识形态责任制", "宣传股", "年底"],
            ["2", "建强基层党建", "开展支部评星", "人事股", "12月底"]]
    assert outline(tmp_path, rows, writer="csv_utf8") == [
        (1, "1", "加强党的领导"), (2, "（1）", "学习贯彻全会精神"), (2, "（2）", "落实意识形态责任制"),
        (1, "2", "建强基层党建")]


def test_codes_are_kept_as_written(tmp_path):
    """Task codes inside the text, measure codes inside theirs. Was: the measures renumbered
    （1）, （2）, and a 1. of a measure cut to 1."""
    rows = [["重点任务", "具体措施", "牵头单位", "完成时限"],
            ["一、党的建设", "", "", ""],
            ["1.加强党的领导", "1.学习贯彻全会精神", "办公室", "6月底"],
            ["", "2.落实意识形态责任制", "宣传股", "年底"],
            ["2.建强基层党建", "（1）开展支部评星", "人事股", "12月底"],
            ["", "（2）培训党务干部", "人事股", "12月底"]]
    merges = [(2, 0, 3, 0), (4, 0, 5, 0)]
    assert outline(tmp_path, rows, merges) == [
        (1, "一、", "党的建设"), (2, "1.", "加强党的领导"), (3, "1.", "学习贯彻全会精神"),
        (3, "2.", "落实意识形态责任制"), (2, "2.", "建强基层党建"), (3, "（1）", "开展支部评星"),
        (3, "（2）", "培训党务干部")]


def test_a_xiangmu_column_alone_holds_the_tasks(tmp_path):
    rows = [["序号", "项目", "责任单位", "完成时限"], ["1", "新建幼儿园3所", "基教股", "年底"]]
    assert outline(tmp_path, rows) == [(1, "1", "新建幼儿园3所")]


def test_category_code_rows_are_found_only_beside_a_title_alone():
    fields = ["code", "task", "lead"]
    columns = [["一、", "1", "（二）", "二"], ["党建", "加强党的领导", "质量", "另一项"],
               ["", "办公室", "", "基教股"]]
    assert category_code_rows(3, fields, columns) == {3: ("一、", "党建"), 5: ("（二）", "质量")}
    assert category_code_rows(3, fields, [["1", "2"], ["a", "b"], ["", ""]]) == {}


def test_joined_task_rows_are_the_rows_of_one_task():
    tasks = ["甲", "", "乙", "乙", "丙"]
    codes = ["1", "", "2", "2", "3"]
    measures = ["a", "b", "c", "d", "e"]
    assert joined_task_rows(10, tasks, codes, measures) == {10, 11, 12, 13}
