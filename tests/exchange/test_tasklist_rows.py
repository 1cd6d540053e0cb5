"""How the task-list parser turns rows into items: the shapes of rows issued lists have.

The usual row of a list with measures (a task of its own with its one measure) is finished in
the parser's row loop; every other row goes through the open-task bookkeeping. These tests
pin down that both give the items a clerk expects, and the same ones where a row could take
either way (a warning sends the usual row the long way).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner_desktop.domain.deadlines import DeadlineKind
from planner_desktop.domain.units import Role
from planner_desktop.exchange.grid import Grid, MergedRange, Workbook
from planner_desktop.exchange.tasklist import parse_task_list

LONG_TASK = "抓好招生工作，确保平稳有序。全年无信访事件发生，群众满意度持续提高，招生政策宣传覆盖全部家庭"
HEADER = ["序号", "重点任务", "具体措施", "牵头股室", "配合股室", "完成时限"]


def parse(rows: list[list[str]], merges: list[MergedRange] = (), values=None, header=HEADER):
    grid = Grid("任务表", [list(header), *rows], list(merges), values=values or {})
    return parse_task_list(Workbook(Path("list.xlsx"), "xlsx", [grid]), year=2025)


def outline(preview) -> list[tuple[int, str, str, str]]:
    """(level, code, title, text) of every item, in outline order."""
    return [(level, item.code, item.title, item.text) for level, item in preview.plan.walk()]


def test_a_task_with_its_one_measure_is_one_item():
    """The task's title with the measure's content (a short task is all title)."""
    preview = parse([
        ["1", "推进优质均衡", "一是加强统筹；二是完善机制", "基础教育股", "督导室、财务股", "2025年6月底"],
        ["2", "（二）抓好安全", "开展隐患排查", "安全股", "", "每月底"],
    ])
    assert outline(preview) == [
        (1, "1", "推进优质均衡", "一是加强统筹；二是完善机制"),
        (1, "2", "抓好安全", "开展隐患排查"),  # the 序号 column's code, not the text's
    ]
    first, second = (item for _, item in preview.plan.walk())
    assert first.deadline.due == dt.date(2025, 6, 30)
    assert [(u.name, u.role) for u in first.units] == [
        ("基础教育股", Role.LEAD), ("督导室", Role.SUPPORT), ("财务股", Role.SUPPORT)]
    assert first.source_ref == "任务表!2" and second.source_ref == "任务表!3"
    assert second.deadline.kind is DeadlineKind.RECURRING
    assert preview.warnings == []


def test_a_row_with_a_warning_gives_the_same_item():
    clean = parse([["1", "推进优质均衡", "加强统筹", "基础教育股", "", "2025年6月底"]])
    no_unit = parse([["1", "推进优质均衡", "加强统筹", "", "", "2025年6月底"]])
    unread = parse([["1", "推进优质均衡", "加强统筹", "基础教育股", "", "看情况再定"]])
    assert outline(clean) == outline(no_unit) == outline(unread) == [
        (1, "1", "推进优质均衡", "加强统筹")]
    assert [(w.row, w.column) for w in no_unit.warnings] == [(2, "D")]
    assert [(w.row, w.column) for w in unread.warnings] == [(2, "F")]
    item = next(item for _, item in unread.plan.walk())
    assert item.deadline.kind is DeadlineKind.UNPARSED and item.units[0].name == "基础教育股"


def test_a_merged_task_cell_over_several_measures_numbers_them():
    preview = parse([
        ["1", "推进优质均衡", "加强统筹", "基础教育股", "", "2025年3月"],
        ["", "", "完善机制", "人事股", "", "2025年6月"],
        ["2", "抓好安全", "开展排查", "安全股", "", "2025年9月"],
    ], merges=[MergedRange(1, 0, 2, 0), MergedRange(1, 1, 2, 1)])
    assert outline(preview) == [
        (1, "1", "推进优质均衡", "推进优质均衡"),
        (2, "（1）", "加强统筹", "加强统筹"),
        (2, "（2）", "完善机制", "完善机制"),
        (1, "2", "抓好安全", "开展排查"),
    ]
    measures = next(item for _, item in preview.plan.walk()).children
    assert [m.units[0].name for m in measures] == ["基础教育股", "人事股"]
    assert [m.source_ref for m in measures] == ["任务表!2", "任务表!3"]


def test_a_task_row_of_its_own_then_its_measures():
    preview = parse([
        ["1", "推进优质均衡", "", "基础教育股", "", "2025年底"],
        ["", "", "加强统筹", "人事股", "", "2025年3月"],
        ["", "", "完善机制", "财务股", "", "2025年6月"],
    ], merges=[MergedRange(1, 1, 3, 1)])
    task = next(item for _, item in preview.plan.walk())
    assert [c.title for c in task.children] == ["加强统筹", "完善机制"]
    assert task.units[0].name == "基础教育股" and task.deadline.due == dt.date(2025, 12, 31)


def test_codes_come_from_the_code_column_else_from_the_text():
    preview = parse([
        ["1.0", "推进优质均衡", "加强统筹", "基础教育股", "", "2025年6月底"],
        ["", "（三）抓好安全", "开展排查", "安全股", "", "2025年6月底"],
        ["", LONG_TASK, "细化方案", "招生办", "", "2025年6月底"],
    ])
    assert [(code, title) for _, code, title, _ in outline(preview)] == [
        ("1", "推进优质均衡"), ("（三）", "抓好安全"), ("", "抓好招生工作，确保平稳有序")]
    # a long task keeps its own text before its measure's
    assert outline(preview)[2][3] == f"{LONG_TASK}\n细化方案"


def test_date_cells_and_category_rows_between_tasks():
    values = {(2, 5): dt.date(2025, 4, 30)}
    preview = parse([
        ["一、加强党的建设", "", "", "", "", ""],
        ["1", "落实主体责任", "制定清单", "办公室", "", "2025-04-30"],
        ["二、推进教育改革", "", "", "", "", ""],
        ["2", "深化课程改革", "开展教研", "教研室", "", "2025年底"],
    ], merges=[MergedRange(1, 0, 1, 5), MergedRange(3, 0, 3, 5)], values=values)
    assert [(level, title) for level, _, title, _ in outline(preview)] == [
        (1, "加强党的建设"), (2, "落实主体责任"), (1, "推进教育改革"), (2, "深化课程改革")]
    task = preview.plan.items[0].children[0]
    assert task.deadline.due == dt.date(2025, 4, 30)


def test_a_list_of_tasks_without_measures():
    preview = parse([
        ["1", "推进优质均衡", "基础教育股", "2025年6月底"],
        ["2", "抓好安全", "安全股", "每季度末"],
    ], header=["序号", "重点任务", "牵头单位", "完成时限"])
    assert outline(preview) == [(1, "1", "推进优质均衡", "推进优质均衡"),
                                (1, "2", "抓好安全", "抓好安全")]
    assert [i.units[0].name for _, i in preview.plan.walk()] == ["基础教育股", "安全股"]


def test_unit_names_once_each_in_the_order_first_named():
    preview = parse([
        ["1", "甲", "措施一", "基础教育股", "财务股", "2025年6月底"],
        ["2", "乙", "措施二", "基础教育股", "财务股", "2025年6月底"],
        ["3", "丙", "措施三", "安全股", "基础教育股", "2025年6月底"],
        ["4", "丁", "措施四", "基础教育股", "财务股", "2025年6月底"],
    ])
    assert preview.unit_names() == ["基础教育股", "财务股", "安全股"]


def test_a_field_given_two_columns_reads_the_later_one_with_its_merges():
    """A mapping given to the parser may put a field on two columns: its texts, merged cells
    and warnings all come from the later one."""
    grid = Grid("S", [["序号", "任务", "任务", "具体措施", "牵头单位"],
                      ["1", "甲", "推进工作", "措施一", "教育股"],
                      ["", "", "", "措施二", "教育股"]],
                [MergedRange(1, 2, 2, 2), MergedRange(1, 0, 2, 0)])
    mapping = {"S": {0: "code", 1: "task", 2: "task", 3: "measure", 4: "lead"}}
    preview = parse_task_list(Workbook(Path("list.xlsx"), "xlsx", [grid]), year=2025,
                              mapping=mapping)
    assert [(level, code, title) for level, code, title, _ in outline(preview)] == [
        (1, "1", "推进工作"), (2, "（1）", "措施一"), (2, "（2）", "措施二")]


def test_source_refs_name_the_sheet_as_written():
    """Where the clerk finds each item: the sheet's own name (even one with a "%" in it, as
    "完成率100%") and the row Excel shows."""
    grid = Grid("完成率100%", [list(HEADER), ["1", "推进优质均衡", "加强统筹", "基础教育股", "", "6月底"],
                             ["2", "抓好安全", "开展排查", "安全股", "", "每月底"]])
    preview = parse_task_list(Workbook(Path("list.xlsx"), "xlsx", [grid]), year=2025)
    assert [item.source_ref for _, item in preview.plan.walk()] == ["完成率100%!2", "完成率100%!3"]
