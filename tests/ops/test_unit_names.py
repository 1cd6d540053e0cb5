"""One form for unit names, wherever they are compared: the roster, task lists, plans, store.

A roster unit whose name holds a space or a slash (``办公室 / 党建办``, ``教 研 室``) or
brackets of either width (``城关镇（中心）学校``) used to be cut by the task list's cell
splitter into pieces, each made a new unit. Every comparison now goes through ``name_key``,
and a cell is not cut inside a name the roster knows.
"""

from __future__ import annotations

import openpyxl
import pytest

from planner_desktop.domain.units import (
    GroupRule,
    Role,
    Roster,
    RosterUnit,
    UnitKind,
    UnitMention,
    assign_roles,
    split_unit_names,
)
from planner_desktop.exchange.roster import parse_roster_rows, read_roster
from planner_desktop.ops.plan_import import commit_plan_document, preview_plan_document
from planner_desktop.ops.task_import import commit_task_list, preview_task_list
from planner_desktop.store.units import add_alias, import_roster, list_units
from tests.support.fixtures_sheets import write_csv, write_rows_xlsx

ROSTER_HEADER = ["单位名称", "简称", "类别", "学段", "所在乡镇"]
ROSTER_ROWS = [
    ["办公室 / 党建办", "", "股室", "", ""],
    ["教 研 室", "", "股室", "", ""],
    ["城关镇（中心）学校", "城关中心校", "学校", "小学", "城关镇"],
    ["基础教育股", "基教股", "股室", "", ""],
]
ROSTER_NAMES = {"办公室/党建办", "教研室", "城关镇（中心）学校", "基础教育股"}
TASK_HEADER = ["序号", "重点任务", "牵头股室", "配合股室", "责任学校", "完成时限"]
TASK_ROWS = [
    ["1", "推进优质均衡", "办公室 / 党建办", "教 研 室、基教股", "城关镇(中心)学校", "2025年6月底"],
    ["2", "抓好校园安全", "办公室／党建办牵头", "教研室", "城关镇 （中心） 学校", "2025年9月底"],
    ["3", "加强教师培训", "教 研 室", "办公室/党建办", "", "2025年12月底"],
]


def write_roster_xlsx(path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "单位名册"
    for row in [ROSTER_HEADER, *ROSTER_ROWS]:
        sheet.append(row)
    groups = workbook.create_sheet("单位组")
    for row in (["组名", "按", "包含"], ["综合股室", "名称", "办公室 / 党建办、教 研 室"]):
        groups.append(row)
    workbook.save(path)
    return path


def assignments(ledger, plan_id):
    return sorted(ledger.conn.execute(
        "SELECT i.code, u.name, a.role FROM assignment a JOIN plan_item i ON i.id = a.item_id "
        "JOIN unit u ON u.id = a.unit_id WHERE i.plan_id = ?", (plan_id,)).fetchall())


EXPECTED = sorted([
    ("1", "办公室/党建办", "lead"), ("1", "教研室", "support"), ("1", "基础教育股", "support"),
    ("1", "城关镇（中心）学校", "carry"),
    ("2", "办公室/党建办", "lead"), ("2", "教研室", "support"), ("2", "城关镇（中心）学校", "carry"),
    ("3", "教研室", "lead"), ("3", "办公室/党建办", "support"),
])


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_roster_names_with_spaces_slashes_and_brackets_are_matched_by_a_task_list(
        tmp_path, ledger, kind):
    if kind == "xlsx":
        roster = write_roster_xlsx(tmp_path / "名册.xlsx")
        tasks = write_rows_xlsx(tmp_path / "任务表.xlsx", [TASK_HEADER, *TASK_ROWS])
    else:
        roster = write_csv(tmp_path / "名册.csv", [ROSTER_HEADER, *ROSTER_ROWS])
        tasks = write_csv(tmp_path / "任务表.csv", [TASK_HEADER, *TASK_ROWS], encoding="gb18030")
    import_roster(ledger, *read_roster(roster))
    assert {unit["name"] for unit in list_units(ledger)} == ROSTER_NAMES
    parsed = preview_task_list(ledger, tasks, year=2025)
    assert parsed.unknown_units == []
    created = commit_task_list(ledger, parsed)
    assert created.unknown_units == []
    assert {unit["name"] for unit in list_units(ledger)} == ROSTER_NAMES  # no new units
    assert assignments(ledger, created.plan_id) == EXPECTED


def test_a_roster_group_may_list_such_names(tmp_path):
    units, aliases, groups = read_roster(write_roster_xlsx(tmp_path / "名册.xlsx"))
    assert groups == [GroupRule("综合股室", "名称", ["办公室 / 党建办", "教 研 室"])]
    roster = Roster(units, aliases, groups)
    assert roster.resolve("综合股室").units == ("办公室/党建办", "教研室")


def test_a_plan_document_names_them_too(tmp_path, ledger):
    import_roster(ledger, *read_roster(write_roster_xlsx(tmp_path / "名册.xlsx")))
    path = tmp_path / "工作要点.txt"
    path.write_text("2025年工作要点\n一、加强党的建设\n1.落实党建责任。\n牵头股室：办公室 / 党建办\n"
                    "配合股室：教 研 室\n", encoding="utf-8")
    preview = preview_plan_document(ledger, path)
    node = preview.outline.items[0].children[0]
    assert (node.lead, node.support()) == ("办公室 / 党建办", ["教 研 室"])
    created = commit_plan_document(ledger, preview)
    assert created.unknown_units == []
    assert {unit["name"] for unit in list_units(ledger)} == ROSTER_NAMES


KNOWN = Roster([RosterUnit("办公室/党建办", UnitKind.SECTION),
                RosterUnit("教研室", UnitKind.SECTION)], {"党建办公室": "办公室/党建办"}).known_keys()


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("办公室 / 党建办", ["办公室 / 党建办"]),
        ("办公室／党建办、教 研 室", ["办公室/党建办", "教 研 室"]),
        ("基教股 安全股", ["基教股", "安全股"]),  # no known name: cut as before
        ("教 研 室 基教股", ["教 研 室", "基教股"]),
        ("办公室", ["办公室"]),
    ],
)
def test_a_cell_is_not_cut_inside_a_known_name(cell, names):
    assert split_unit_names(cell, KNOWN) == names


def test_a_role_mark_after_a_known_name_is_still_read():
    assert assign_roles("办公室 / 党建办牵头，教 研 室配合", None, None, KNOWN) == [
        UnitMention("办公室 / 党建办", Role.LEAD), UnitMention("教 研 室", Role.SUPPORT)]


def test_without_a_roster_the_cell_is_cut_as_before():
    assert split_unit_names("办公室 / 党建办") == ["办公室", "党建办"]


def test_two_spellings_of_one_unknown_name_make_one_unit(tmp_path, ledger):
    tasks = write_rows_xlsx(tmp_path / "任务表.xlsx", [
        TASK_HEADER[:3], ["1", "甲", "城关二小"], ["2", "乙", "城關二小"]])
    parsed = preview_task_list(ledger, tasks, year=2025)
    assert parsed.unknown_units == ["城关二小"]
    created = commit_task_list(ledger, parsed)
    assert created.unknown_units == ["城关二小"]
    assert ledger.scalar("SELECT count(*) FROM unit") == 1
    assert ledger.scalar("SELECT count(DISTINCT unit_id) FROM assignment") == 1


def test_a_later_roster_adopts_a_unit_an_import_made_of_another_spelling(tmp_path, ledger):
    tasks = write_rows_xlsx(tmp_path / "任务表.xlsx",
                            [TASK_HEADER[:3], ["1", "甲", "城關鎮(中心)學校"]])
    commit_task_list(ledger, preview_task_list(ledger, tasks, year=2025))
    before = ledger.scalar("SELECT id FROM unit WHERE name = '城關鎮（中心）學校'")
    import_roster(ledger, *read_roster(write_roster_xlsx(tmp_path / "名册.xlsx")))
    assert {unit["name"] for unit in list_units(ledger)} == ROSTER_NAMES
    assert ledger.scalar("SELECT id FROM unit WHERE name = '城关镇（中心）学校'") == before
    assert ledger.scalar("SELECT count(*) FROM unit WHERE needs_review") == 0


def test_an_alias_spelt_like_a_unit_is_refused(tmp_path, ledger):
    import_roster(ledger, *read_roster(write_roster_xlsx(tmp_path / "名册.xlsx")))
    with pytest.raises(Exception, match="本身是另一个单位的名称"):
        add_alias(ledger, "城關鎮(中心)學校", "基础教育股")


def test_a_short_name_written_twice_in_other_spacing_is_one_alias():
    units, aliases, _ = parse_roster_rows([ROSTER_HEADER, ["局办公室", "局办、局辦", "股室"]])
    assert aliases == {"局办": "局办公室"}
