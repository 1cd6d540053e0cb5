"""Unit names as written in task lists: splitting, role marks, the roster and its groups.

Also the text normalisation the names are compared in (planner_desktop.domain.text).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from planner_desktop.domain.text import compact, normalise, to_simplified
from planner_desktop.domain.units import (
    ROLE_LABELS,
    GroupRule,
    Resolution,
    Role,
    Roster,
    RosterUnit,
    UnitKind,
    UnitMention,
    assign_roles,
    parse_units_cell,
    split_unit_names,
)
from planner_desktop.errors import UserFixableError
from planner_desktop.exchange.grid import Grid
from planner_desktop.exchange.roster import parse_roster_rows

TASKLISTS = Path("/work/shared/samples/tasklists")
needs_samples = pytest.mark.skipif(not TASKLISTS.is_dir(), reason="shared samples not present")

L, S, C = Role.LEAD, Role.SUPPORT, Role.CARRY


# --- text normalisation -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("ＡＢＣ１２３", "ABC123"),
        ("各中小学(园)", "各中小学（园）"),
        ("各中小学（园）", "各中小学（园）"),
        ("各中小学﹙园﹚", "各中小学（园）"),
        ("  基教股  ", "基教股"),
        ("基教股\u3000\u3000安全股", "基教股 安全股"),
        ("基教股\xa0安全股", "基教股 安全股"),
        ("基教股\n\n安全股", "基教股 安全股"),
        ("基教股\r\n\t安全股", "基教股 安全股"),
        ("\ufeff基教股\u200b", "基教股"),
        ("牵头：办公室；配合：人事股，安全股", "牵头:办公室;配合:人事股,安全股"),
        ("５０％", "50%"),
        ("基教股、安全股", "基教股、安全股"),  # 、 is Chinese punctuation with no half-width twin
        ("", ""),
    ],
)
def test_normalise(written, expected):
    assert normalise(written) == expected


def test_compact_drops_every_space():
    assert compact(" 基 教\u3000股\n") == "基教股"


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("縣第一中學", "县第一中学"),
        ("縣實驗幼兒園", "县实验幼儿园"),
        ("職業與成人教育股", "职业与成人教育股"),
        ("電化教育館", "电化教育馆"),
        ("學生資助管理中心", "学生资助管理中心"),
        ("招生考試中心", "招生考试中心"),
        ("計劃財務股", "计划财务股"),
        ("教育督導室", "教育督导室"),
        ("紀檢組", "纪检组"),
        ("機關黨委", "机关党委"),
        ("長赤鎮中心學校", "长赤镇中心学校"),
        ("黃坊鄉", "黄坊乡"),
        ("推進中", "推进中"),
        ("基础教育股", "基础教育股"),  # simplified text is left as it is
    ],
)
def test_to_simplified(traditional, simplified):
    assert to_simplified(traditional) == simplified


# --- splitting a cell -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("基教股、安全股", ["基教股", "安全股"]),
        ("基教股，安全股", ["基教股", "安全股"]),
        ("基教股,安全股", ["基教股", "安全股"]),
        ("基教股；安全股", ["基教股", "安全股"]),
        ("基教股/安全股", ["基教股", "安全股"]),
        ("基教股／安全股", ["基教股", "安全股"]),
        ("基教股\n安全股", ["基教股", "安全股"]),
        ("基教股 安全股", ["基教股", "安全股"]),
        ("基教股\u3000安全股", ["基教股", "安全股"]),
        ("各中小学（园）", ["各中小学（园）"]),
        ("各中小学(园)", ["各中小学（园）"]),
        ("各中小学（园、所）、基教股", ["各中小学（园、所）", "基教股"]),
        ("基教股、安全股等", ["基教股", "安全股"]),
        ("、、基教股、。", ["基教股"]),
        ("基教股。", ["基教股"]),
        ("县第一中学、县职业中学", ["县第一中学", "县职业中学"]),
        ("", []),
        (None, []),
    ],
)
def test_split_unit_names(cell, names):
    assert split_unit_names(cell) == names


# --- role marks in a cell ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "mentions"),
    [
        ("机关党委、计财股", [("机关党委", None), ("计财股", None)]),
        ("机关党委牵头", [("机关党委", L)]),
        ("机关党委（牵头）", [("机关党委", L)]),
        ("机关党委(牵头)", [("机关党委", L)]),
        ("（牵头）机关党委", [("机关党委", L)]),
        ("办公室负责", [("办公室", L)]),
        ("由办公室负责", [("办公室", L)]),
        ("办公室牵头负责", [("办公室", L)]),
        ("办公室为牵头单位", [("办公室", L)]),
        ("人事股配合", [("人事股", S)]),
        ("人事股（配合）", [("人事股", S)]),
        ("牵头单位：机关党委", [("机关党委", L)]),
        ("牵头：办公室；配合：人事股、安全股",
         [("办公室", L), ("人事股", S), ("安全股", S)]),
        ("牵头单位：办公室 配合单位：人事股", [("办公室", L), ("人事股", S)]),
        ("牵头股室:办公室\n配合股室:人事股", [("办公室", L), ("人事股", S)]),
        ("配合单位：计财股、督导室", [("计财股", S), ("督导室", S)]),
        ("责任单位：基教股、安全股等", [("基教股", None), ("安全股", None)]),
        ("责任学校：各中小学（园）", [("各中小学（园）", C)]),
        # a mark after a list covers the list, back to the comma
        ("机关党委牵头，基教股、安全股配合",
         [("机关党委", L), ("基教股", S), ("安全股", S)]),
        ("基教股、安全股等配合", [("基教股", S), ("安全股", S)]),
        # a mark in brackets covers its own name only
        ("机关党委（牵头）、人事股", [("机关党委", L), ("人事股", None)]),
        ("机关党委\n基教股、安全股配合", [("机关党委", None), ("基教股", S), ("安全股", S)]),
        ("各中小学（园）", [("各中小学（园）", None)]),
        ("", []),
        (None, []),
    ],
)
def test_parse_units_cell(cell, mentions):
    assert parse_units_cell(cell) == [UnitMention(n, r) for n, r in mentions]


def test_role_labels_are_the_chinese_words():
    assert ROLE_LABELS == {Role.LEAD: "牵头", Role.SUPPORT: "配合", Role.CARRY: "落实"}


# --- combining a table's columns --------------------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "support", "schools", "expected"),
    [
        # one units column: the first unit leads, the others support
        ("机关党委、计财股", None, None, [("机关党委", L), ("计财股", S)]),
        ("机关党委、基教股、安全股", None, None,
         [("机关党委", L), ("基教股", S), ("安全股", S)]),
        # marks in the single column win over its order
        ("人事股，机关党委牵头", None, None, [("机关党委", L), ("人事股", S)]),
        ("人事股、机关党委牵头", None, None, [("人事股", L), ("机关党委", L)]),  # A、B牵头: both
        ("牵头：办公室；配合：人事股", None, None, [("办公室", L), ("人事股", S)]),
        # separate columns: everything in the lead column leads
        ("机关党委", "基教股、安全股", "各幼儿园",
         [("机关党委", L), ("基教股", S), ("安全股", S), ("各幼儿园", C)]),
        ("机关党委、办公室", "", None, [("机关党委", L), ("办公室", L)]),
        ("机关党委", "", "县第一中学、县职业中学",
         [("机关党委", L), ("县第一中学", C), ("县职业中学", C)]),
        (None, "人事股", None, [("人事股", S)]),
        # a unit named twice keeps its strongest role
        ("机关党委", "机关党委、人事股", None, [("机关党委", L), ("人事股", S)]),
        ("办公室", "县第一中学", "县第一中学", [("办公室", L), ("县第一中学", S)]),
        # marks in the support column are kept too
        ("", "机关党委牵头，人事股", None, [("机关党委", L), ("人事股", S)]),
        (None, None, None, []),
    ],
)
def test_assign_roles(lead, support, schools, expected):
    assert assign_roles(lead, support, schools) == [UnitMention(n, r) for n, r in expected]


def _by_role(mentions: list[UnitMention]) -> dict[str, list[str]]:
    return {key: [m.name for m in mentions if m.role is role]
            for key, role in (("lead", L), ("support", S), ("schools", C))}


@needs_samples
def test_assign_roles_matches_the_single_column_sample():
    with (TASKLISTS / "2020_tasklist_gbk.csv").open(encoding="gbk", newline="") as f:
        rows = list(csv.reader(f))
    expected = json.loads((TASKLISTS / "2020_tasklist_gbk.csv.expected.json").read_text())
    assert rows[0][2] == "责任股室"
    for row in expected["rows"]:
        got = _by_role(assign_roles(rows[row["row"] - 1][2], None))
        assert (got["lead"], got["support"]) == (row["lead"], row["support"]), row["row"]


@needs_samples
@pytest.mark.parametrize(
    ("file", "columns"),
    [("2020_tasklist_merged.xlsx", (3, 4, 5)), ("2020_tasklist_two_header_rows.xlsx", (2, 3))],
)
def test_assign_roles_matches_the_column_samples(file, columns):
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(TASKLISTS / file)
    expected = json.loads((TASKLISTS / f"{file}.expected.json").read_text())
    sheets = {name: workbook.get_sheet_by_name(name).to_python() for name in workbook.sheet_names}
    for row in expected["rows"]:
        cells = sheets[row.get("sheet", workbook.sheet_names[0])][row["row"] - 1]
        got = _by_role(assign_roles(*(cells[c] for c in columns)))
        want = {key: row.get(key, []) for key in ("lead", "support", "schools")}
        assert got == want, (file, row["row"])


# --- the roster -------------------------------------------------------------------------------


def small_roster(groups=(), aliases=None) -> Roster:
    units = [
        RosterUnit("局办公室", UnitKind.SECTION, short_name="办公室"),
        RosterUnit("基础教育股", UnitKind.SECTION, short_name="基教股"),
        RosterUnit("组织人事股", UnitKind.SECTION),
        RosterUnit("县第一中学", UnitKind.SCHOOL, "高中", "城关镇", short_name="一中、县一中"),
        RosterUnit("县实验小学", UnitKind.SCHOOL, "小学", "城关镇", short_name="实小"),
        RosterUnit("长赤镇中心学校", UnitKind.SCHOOL, "九年一贯制", "长赤镇"),
        RosterUnit("长赤镇中心幼儿园", UnitKind.SCHOOL, "幼儿园", "长赤镇"),
        RosterUnit("县幼儿园", UnitKind.SCHOOL, "幼儿园", "城关镇"),
    ]
    default_aliases = {"办公室": "局办公室", "基教股": "基础教育股", "人事股": "组织人事股"}
    return Roster(units, default_aliases if aliases is None else aliases, groups)


SECTIONS = ("局办公室", "基础教育股", "组织人事股")
SCHOOLS = ("县第一中学", "县实验小学", "长赤镇中心学校", "长赤镇中心幼儿园", "县幼儿园")


@pytest.mark.parametrize(
    ("written", "units"),
    [
        ("基础教育股", ("基础教育股",)),
        ("基教股", ("基础教育股",)),
        ("基 教 股", ("基础教育股",)),
        (" 基教股\n", ("基础教育股",)),
        ("人事股", ("组织人事股",)),
        ("一中", ("县第一中学",)),  # a school's short name
        ("县一中", ("县第一中学",)),  # the second of two short names
        ("縣第一中學", ("县第一中学",)),  # traditional characters
        ("实小", ("县实验小学",)),
    ],
)
def test_resolve_names_and_aliases(written, units):
    assert small_roster().resolve(written) == Resolution(written, units, None, False)


@pytest.mark.parametrize(
    ("written", "group", "units"),
    [
        ("各学校", "各学校", SCHOOLS),
        ("各校", "各校", SCHOOLS),
        ("全县学校", "全县学校", SCHOOLS),
        ("各股室", "各股室", SECTIONS),
        ("局机关各股室", "局机关各股室", SECTIONS),
        ("各幼儿园", "各幼儿园", ("长赤镇中心幼儿园", "县幼儿园")),
        ("各中小学", "各中小学", ("县第一中学", "县实验小学", "长赤镇中心学校")),
        ("各中小学(园)", "各中小学（园）", SCHOOLS),
        ("各中小学（园）", "各中小学（园）", SCHOOLS),
    ],
)
def test_built_in_groups(written, group, units):
    assert small_roster().resolve(written) == Resolution(written, units, group, False)


@pytest.mark.parametrize("written",
                         ["基础股", "基础教育", "教育股", "县一小", "各相关股室", "", "办"])
def test_unknown_names_are_not_guessed(written):
    assert small_roster().resolve(written) == Resolution(written, (), None, True)


def test_roster_groups_win_over_built_in_ones_and_select_by_rule():
    roster = small_roster(groups=[
        GroupRule("各股室", "名称", ["局办公室", "基教股"]),
        GroupRule("长赤镇学校", "乡镇", ["长赤镇"]),
        GroupRule("城区学校", "乡镇", ["城关镇"]),
        GroupRule("全部学校", "类别", ["学校"]),
        GroupRule("高中小学", "学段", ["高中", "小学"]),
    ])
    assert roster.resolve("各股室").units == ("局办公室", "基础教育股")
    assert roster.resolve("长赤镇学校").units == ("长赤镇中心学校", "长赤镇中心幼儿园")
    assert roster.resolve("城区学校").units == ("县第一中学", "县实验小学", "县幼儿园")
    assert roster.resolve("全部学校").units == SCHOOLS
    assert roster.resolve("高中小学") == Resolution("高中小学", ("县第一中学", "县实验小学"),
                                                "高中小学", False)


def test_a_group_without_members_is_pending_not_unknown():
    roster = Roster([RosterUnit("基础教育股", UnitKind.SECTION)])
    assert roster.resolve("各幼儿园") == Resolution("各幼儿园", (), "各幼儿园", False, True)
    assert roster.unknown_names(["各幼儿园", "体卫股"]) == ["体卫股"]
    assert roster.pending_names(["各幼儿园", "体卫股", "各幼儿园"]) == ["各幼儿园"]


def test_unit_names_win_over_aliases_and_groups():
    roster = Roster(
        [RosterUnit("办公室", UnitKind.SECTION), RosterUnit("局办公室", UnitKind.SECTION),
         RosterUnit("各校", UnitKind.SECTION)],
        {"办公室": "局办公室"},
    )
    assert roster.resolve("办公室").units == ("办公室",)
    assert roster.resolve("各校") == Resolution("各校", ("各校",), None, False)


def test_aliases_may_name_an_alias_and_bad_ones_are_ignored():
    roster = small_roster(aliases={"基础股": "基教股", "基教股": "基础教育股",
                                   "体卫股": "体育卫生艺术股"})
    assert roster.resolve("基础股").units == ("基础教育股",)
    assert roster.resolve("体卫股").unknown


def test_a_short_name_two_units_share_is_not_used():
    roster = Roster([RosterUnit("县第一中学", UnitKind.SCHOOL, "高中", short_name="一中"),
                     RosterUnit("县第一初级中学", UnitKind.SCHOOL, "初中", short_name="一中")])
    assert roster.resolve("一中").unknown


def test_unknown_names_once_each_in_order():
    names = ["基教股", "县一小", "各幼儿园", "体卫股", "县一小", "各中小学（园）"]
    assert small_roster().unknown_names(names) == ["县一小", "体卫股"]


# --- reading the roster workbook --------------------------------------------------------------


@needs_samples
def test_parse_roster_rows_of_the_sample_roster():
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(TASKLISTS / "units_roster.xlsx")
    expected = json.loads((TASKLISTS / "units_roster.xlsx.expected.json").read_text())
    units, aliases, groups = parse_roster_rows(
        workbook.get_sheet_by_name("单位名册").to_python(),
        workbook.get_sheet_by_name("单位组").to_python(),
    )
    assert sum(u.kind is UnitKind.SECTION for u in units) == expected["sections"]
    assert sum(u.kind is UnitKind.SCHOOL for u in units) == expected["schools"]
    assert aliases == expected["aliases"]
    assert {g.name: f"{g.by}:{'、'.join(g.values)}" for g in groups} == expected["groups"]
    first = next(u for u in units if u.name == "县第一中学")
    assert first == RosterUnit("县第一中学", UnitKind.SCHOOL, "高中", "城关镇", "一中", "",
                               "0817-5200000")

    roster = Roster(units, aliases, groups)
    assert len(roster.resolve("各中小学").units) == 21
    assert len(roster.resolve("各中小学(园)").units) == 27
    assert len(roster.resolve("各幼儿园").units) == 6
    assert roster.resolve("各乡镇中心学校").units == (
        "长赤镇中心学校", "赶场镇中心学校", "黄坊乡中心学校", "水西镇中心学校")
    assert len(roster.resolve("各股室").units) == 15
    assert roster.resolve("三幼").units == ("县第三公办幼儿园",)
    assert roster.unknown_names(["机关党委", "基教股", "电教馆", "体卫艺股", "县一中"]) == [
        "体卫艺股", "县一中"]


HEADER = ["单位名称", "简称", "类别", "学段", "所在乡镇", "联系人", "联系电话"]


def test_parse_roster_rows_finds_columns_by_header_synonyms():
    rows = [
        ["某县教育局单位名册", "", "", "", ""],  # a title above the header
        ["联系电话", "乡镇", "类型", "名称", "别名"],
        [13800000000.0, "", "股室", "基础教育股", "基教股、基础股"],
        ["", "长赤镇", "学校", "长赤镇中心小学", "长小"],
        ["", "", "", "", ""],  # blank rows are skipped
        ["", "城关镇", "", "县幼儿园", ""],  # no 类别, but a town and no stage: a section…
    ]
    units, aliases, groups = parse_roster_rows(rows)
    assert units[0] == RosterUnit("基础教育股", UnitKind.SECTION, short_name="基教股、基础股",
                                  phone="13800000000")
    assert units[1] == RosterUnit("长赤镇中心小学", UnitKind.SCHOOL, town="长赤镇",
                                  short_name="长小")
    assert units[2].kind is UnitKind.SECTION  # …since only a 学段 makes a blank 类别 a school
    assert aliases == {"基教股": "基础教育股", "基础股": "基础教育股"}
    assert groups == []


@pytest.mark.parametrize(
    ("kind", "stage", "expected_kind", "expected_stage"),
    [
        ("学校", "普通高中", UnitKind.SCHOOL, "高中"),
        ("学校", "职高", UnitKind.SCHOOL, "中职"),
        ("幼儿园", "学前教育", UnitKind.SCHOOL, "幼儿园"),
        ("", "小学", UnitKind.SCHOOL, "小学"),
        ("科室", "", UnitKind.SECTION, ""),
        ("股室", "", UnitKind.SECTION, ""),
    ],
)
def test_parse_roster_rows_kind_and_stage_words(kind, stage, expected_kind, expected_stage):
    units, _, _ = parse_roster_rows([HEADER, ["某单位", "", kind, stage, "", "", ""]])
    assert (units[0].kind, units[0].stage) == (expected_kind, expected_stage)


def _error(unit_rows, group_rows=None) -> UserFixableError:
    with pytest.raises(UserFixableError) as caught:
        parse_roster_rows(unit_rows, group_rows, unit_sheet="单位名册", group_sheet="单位组")
    return caught.value


def test_roster_row_without_a_name_is_reported_where_it_is():
    error = _error([HEADER, ["基础教育股", "基教股", "股室"], ["", "安全股", "股室"]])
    assert (error.location.sheet, error.location.row, error.location.column) == ("单位名册", 3, "A")
    assert "单位名称为空" in error.message


def test_roster_unknown_kind_is_reported_where_it_is():
    error = _error([HEADER, ["基础教育股", "", "股室"], ["县教师进修学校", "", "教辅单位"]])
    assert (error.location.sheet, error.location.row, error.location.column) == ("单位名册", 3, "C")
    assert "教辅单位" in error.message and "股室" in error.message


def test_roster_duplicate_name_is_reported():
    error = _error([HEADER, ["基础教育股", "", "股室"], ["基础教育股 ", "", "股室"]])
    assert (error.location.row, error.location.column) == (3, "A")
    assert "第 2 行" in error.message


def test_roster_alias_of_two_sections_is_reported():
    error = _error([HEADER, ["基础教育股", "基教股", "股室"], ["基础教学股", "基教股", "股室"]])
    assert (error.location.row, error.location.column) == (3, "B")


def test_roster_without_a_name_column_is_reported():
    error = _error([["序号", "类别"], ["1", "股室"]])
    assert (error.location.sheet, error.location.row) == ("单位名册", 1)
    assert "单位名称" in error.message


def test_roster_empty_is_reported():
    assert "空" in _error([]).message


@pytest.mark.parametrize(
    ("group_row", "column", "words"),
    [
        (["各中小学", "年级", "高中"], "B", "年级"),
        (["", "学段", "高中"], "A", "组名"),
        (["各中小学", "学段", ""], "C", "各中小学"),
    ],
)
def test_roster_bad_group_rows_are_reported(group_row, column, words):
    error = _error([HEADER, ["基础教育股", "", "股室"]], [["组名", "按", "包含"], group_row])
    assert (error.location.sheet, error.location.row, error.location.column) == ("单位组", 2,
                                                                                 column)
    assert words in error.message


def test_group_rows_accept_按_prefix_and_default_to_names():
    _, _, groups = parse_roster_rows(
        [HEADER, ["基础教育股", "", "股室"]],
        [["组名", "按", "包含"], ["各中小学", "按学段", "高中、初中"],
         ["重点校", "", "县第一中学"]],
    )
    assert groups == [GroupRule("各中小学", "学段", ["高中", "初中"]),
                      GroupRule("重点校", "名称", ["县第一中学"])]


@pytest.mark.parametrize(("index", "letter"), [(0, "A"), (2, "C"), (25, "Z"), (26, "AA"),
                                                 (27, "AB"), (701, "ZZ"), (702, "AAA")])
def test_column_letter(index, letter):
    assert Grid.column_letter(index) == letter
