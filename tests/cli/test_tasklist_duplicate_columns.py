"""Two columns under one header (two 重点任务, two 牵头股室): the clerk is told, and chooses.

Only one column can feed a field; the other's values used to be dropped without a word. The
parser now feeds the field from the column with more filled cells, warns about the other one
(naming the sheet, the header row and both columns), and honours a mapping that picks it.
"""

from __future__ import annotations

from planner_desktop.exchange.readers import read_workbook
from planner_desktop.exchange.tasklist import parse_task_list
from planner_desktop.ops.task_import import commit_task_list, preview_task_list
from planner_desktop.store.ledger_rows import fetch_items
from tests.cli.test_cli import cli
from tests.support.fixtures_sheets import write_rows_xlsx

HEADER = ["序号", "重点任务", "牵头股室", "重点任务", "牵头股室", "完成时限"]


def write_twin_list(path, rows=None):
    return write_rows_xlsx(path, [HEADER, *(rows or [
        [1, "推进优质均衡", "基础教育股", "补充说明一", "安全股", "2025年6月底"],
        [2, "抓好校园安全", "基础教育股", "补充说明二", "安全股", "2025年9月底"],
    ])], title="任务")


def parse(path, mapping=None):
    return parse_task_list(read_workbook(path), year=2025, mapping=mapping)


def test_the_unused_twin_column_is_warned_about_by_sheet_row_and_both_letters(tmp_path):
    preview = parse(write_twin_list(tmp_path / "两列任务.xlsx"))
    items = [item for _, item in preview.plan.walk()]
    assert [item.title for item in items] == ["推进优质均衡", "抓好校园安全"]
    assert [[u.name for u in item.units] for item in items] == [["基础教育股"]] * 2
    warned = {(w.sheet, w.row, w.column): w.message for w in preview.warnings}
    assert set(warned) == {("任务", 1, "D"), ("任务", 1, "E")}
    task = warned[("任务", 1, "D")]
    for words in ("工作表“任务”", "第 1 行", "B 列", "D 列", "已导入 B 列", "列映射"):
        assert words in task
    assert "C 列" in warned[("任务", 1, "E")] and "牵头单位" in warned[("任务", 1, "E")]


def test_the_fuller_of_two_twin_columns_feeds_the_field(tmp_path):
    """An empty leftover column first must not hide the filled one; nothing is lost, so
    nothing is warned about."""
    path = write_twin_list(tmp_path / "空列在前.xlsx", [
        [1, "", "", "推进优质均衡", "基础教育股", "2025年6月底"],
        [2, "", "", "抓好校园安全", "安全股", "2025年9月底"],
    ])
    preview = parse(path)
    assert [item.title for _, item in preview.plan.walk()] == ["推进优质均衡", "抓好校园安全"]
    assert preview.unit_names() == ["基础教育股", "安全股"]
    assert preview.layouts[0].column_of("task") == 3
    assert preview.warnings == []


def test_a_mapping_that_picks_the_second_twin_is_honoured_and_the_first_is_warned(tmp_path):
    path = write_twin_list(tmp_path / "两列任务.xlsx")
    mapping = {"任务": {0: "code", 3: "task", 4: "lead", 5: "deadline"}}
    preview = parse(path, mapping)
    assert [item.title for _, item in preview.plan.walk()] == ["补充说明一", "补充说明二"]
    assert preview.unit_names() == ["安全股"]
    assert {(w.row, w.column) for w in preview.warnings} == {(1, "B"), (1, "C")}
    assert "已导入 D 列" in preview.warnings[0].message


def test_the_mapping_is_honoured_through_the_commit(tmp_path, ledger):
    path = write_twin_list(tmp_path / "两列任务.xlsx")
    parsed = preview_task_list(ledger, path, mapping={"任务": {0: "code", 3: "task", 2: "lead",
                                                              5: "deadline"}})
    created = commit_task_list(ledger, parsed)
    assert [item.title for item in fetch_items(ledger, created.plan_id)] == [
        "补充说明一", "补充说明二"]


def test_the_command_line_reports_the_twin_columns_in_its_warnings(tmp_path):
    path = write_twin_list(tmp_path / "两列任务.xlsx")
    code, data, err = cli("import-tasks", str(path), "--dry-run", "--json",
                          db=tmp_path / "l.sqlite")
    assert code == 0, err
    assert [(w["sheet"], w["row"], w["column"]) for w in data["warnings"]] == [
        ("任务", 1, "D"), ("任务", 1, "E")]
    assert all("列映射" in w["message"] for w in data["warnings"])
