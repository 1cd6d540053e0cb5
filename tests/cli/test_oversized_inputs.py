"""Text no plan holds: junk without an outline is refused, overlong cells are warned about.

A 50 MB junk text used to import as a plan with one item, and a title or unit "name" of
100,000 characters was taken silently (and made a unit). The rules are proven on small files
(quick), and the 50 MB file once, through the command line.
"""

from __future__ import annotations

import pytest

from planner_desktop.domain.model import MAX_ITEM_CHARS
from planner_desktop.domain.units import MAX_UNIT_NAME_CHARS, assign_roles, overlong_unit_names
from planner_desktop.errors import FileReadError
from planner_desktop.ops.plan_import import (
    MAX_PLAN_CHARS,
    commit_plan_document,
    preview_plan_document,
)
from planner_desktop.ops.task_import import commit_task_list, preview_task_list
from planner_desktop.store.units import list_units
from tests.cli.test_cli import cli
from tests.support.fixtures_sheets import write_rows_xlsx

NO_ITEMS = "没有找到带编号的要点"
JUNK_LINE = "Lorem ipsum dolor sit amet, consectetur adipiscing elit 1. sed do eiusmod tempor\n"
PLAN = "2025年工作要点\n一、加强党的建设\n1.落实党建责任。\n2.加强作风建设。\n二、抓好校园安全\n"


def write_junk(path, size: int):
    """Junk with a "1." in every line: the first one reads as the start of one giant item."""
    path.write_text(JUNK_LINE * (size // len(JUNK_LINE) + 1), encoding="utf-8")
    return path


# -- plan documents -------------------------------------------------------------------------

def test_junk_with_one_giant_item_has_no_outline_and_is_refused(tmp_path):
    path = write_junk(tmp_path / "junk.txt", 3 * MAX_ITEM_CHARS)
    preview = preview_plan_document(None, path)
    assert preview.outline.count() == 0 and NO_ITEMS in preview.warnings[0]
    code, data, _ = cli("import-plan", str(path), "--json", db=tmp_path / "l.sqlite")
    assert code == 1 and NO_ITEMS in data["error"] and data["file"] == "junk.txt"


def test_fifty_megabytes_of_junk_are_refused_at_once_and_nothing_is_written(tmp_path):
    path = write_junk(tmp_path / "junk50.txt", 50 * 1024 * 1024 - 1024)
    db = tmp_path / "l.sqlite"
    code, data, err = cli("import-plan", str(path), "--json", db=db)
    assert code == 1, err
    assert data["file"] == "junk50.txt" and "没有导入" in data["error"] and "万字" in data["error"]
    code, info, _ = cli("info", "--json", db=db)
    assert info["counts"]["plan"] == 0 and info["counts"]["plan_item"] == 0


def test_text_just_over_the_limit_is_refused_before_its_outline_is_read(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(PLAN + "这是一段正文。" * (MAX_PLAN_CHARS // 7), encoding="utf-8")
    with pytest.raises(FileReadError, match="万字") as caught:
        preview_plan_document(None, path)
    assert caught.value.location.file == "big.txt"


def test_an_oversized_item_beside_real_ones_is_kept_and_named_in_a_warning(tmp_path):
    path = tmp_path / "plan.txt"
    # the oversized item is numbered: an unnumbered paragraph would be the text of 三、
    path.write_text(PLAN + "三、推进教育信息化\n1." + "推进智慧校园建设，" * 700 + "\n", encoding="utf-8")
    preview = preview_plan_document(None, path)
    assert preview.outline.sections() == ["加强党的建设", "抓好校园安全", "推进教育信息化"]
    warned = [w for w in preview.warnings if "超过 5000 字" in w]
    assert len(warned) == 1 and "第 7 段的要点 三.1" in warned[0]


def test_a_hundred_thousand_character_unit_name_is_warned_about_and_never_a_unit(tmp_path, ledger):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN.replace("1.落实党建责任。\n", "1.落实党建责任。\n牵头股室：" + "办" * 100_000
                                 + "、办公室\n"), encoding="utf-8")
    preview = preview_plan_document(ledger, path)
    node = preview.outline.items[0].children[0]
    assert node.lead == "办公室"
    warned = [w for w in preview.warnings if "100000 个字" in w]
    assert len(warned) == 1 and "要点 一.1" in warned[0] and "没有作为单位导入" in warned[0]
    commit_plan_document(ledger, preview)
    assert [unit["name"] for unit in list_units(ledger)] == ["办公室"]


def test_a_hundred_thousand_character_title_is_warned_about(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    preview = preview_plan_document(None, path, title="题" * 100_000)
    assert any("计划标题有 100000 个字" in w for w in preview.warnings)
    assert not any("标题" in w for w in preview_plan_document(None, path).warnings)


def test_thousands_of_unnumbered_paragraphs_are_no_plan(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_text("".join(f"第{n}行没有编号的文字。\n" for n in range(2000)), encoding="utf-8")
    assert preview_plan_document(None, path).outline.count() == 0
    few = tmp_path / "few.txt"
    few.write_text("".join(f"第{n}行没有编号的文字。\n" for n in range(20)), encoding="utf-8")
    assert preview_plan_document(None, few).outline.count() == 20  # a plan without numbers


# -- unit names -------------------------------------------------------------------------------

def test_a_unit_name_over_the_limit_is_left_out_and_found_for_the_warning():
    long_name = "很" * (MAX_UNIT_NAME_CHARS + 1)
    cell = f"基础教育股、{long_name}牵头"
    assert [m.name for m in assign_roles(cell, None)] == ["基础教育股"]
    assert overlong_unit_names(cell) == [long_name]
    assert overlong_unit_names("基础教育股、" + "很" * MAX_UNIT_NAME_CHARS) == []


# -- task lists --------------------------------------------------------------------------------

HEADER = ["序号", "重点任务", "牵头股室", "完成时限"]


def test_overlong_task_list_cells_are_named_and_no_unit_is_made_of_them(tmp_path, ledger):
    long_unit, long_task = "股" * 10_000, "推进工作。" * 1_300
    path = write_rows_xlsx(tmp_path / "任务表.xlsx", [
        HEADER,
        ["1", "推进优质均衡", "基础教育股", "2025年6月底"],
        ["2", "抓好校园安全", long_unit, "2025年6月底"],
        ["3", long_task, "安全股", "2025年6月底"],
    ], title="任务")
    parsed = preview_task_list(ledger, path, year=2025)
    warned: dict[tuple, str] = {}
    for w in parsed.preview.warnings:
        warned[(w.sheet, w.row, w.column)] = warned.get((w.sheet, w.row, w.column), "") + w.message
    assert "10000 个字" in warned[("任务", 3, "C")] and "没有作为单位导入" in warned[("任务", 3, "C")]
    assert f"{len(long_task)} 个字" in warned[("任务", 4, "B")]
    assert parsed.unknown_units == ["基础教育股", "安全股"]
    commit_task_list(ledger, parsed)
    assert {unit["name"] for unit in list_units(ledger)} == {"基础教育股", "安全股"}


def test_a_hundred_thousand_character_plan_title_of_a_task_list_is_warned_about(tmp_path):
    path = write_rows_xlsx(tmp_path / "任务表.xlsx", [HEADER, ["1", "推进优质均衡", "基础教育股", ""]])
    parsed = preview_task_list(None, path, year=2025, title="题" * 100_000)
    assert any("计划标题有 100000 个字" in w.message for w in parsed.preview.warnings)
