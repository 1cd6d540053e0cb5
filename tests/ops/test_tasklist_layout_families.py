"""Generated task lists: one real tree in many layouts, each read back to the same tree.

See ``tests/support/tasklist_layouts.py`` for the trees and layouts. Every family has
``CASES_PER_FAMILY`` seeded cases; a failing one is replayed with
``pytest tests/ops/test_tasklist_layout_families.py -k "csv-17"``. A subset is re-saved by
LibreOffice as .xls, .ods and .xlsx, made once per session (LibreOffice takes seconds).
"""

from __future__ import annotations

import json
import shutil

import pytest

from planner_desktop.exchange.readers import read_workbook
from planner_desktop.exchange.tasklist import parse_task_list
from tests.support.tasklist_layouts import (
    CASES_PER_FAMILY,
    FAMILIES,
    SAMPLES,
    base_trees,
    make_case,
    render_sheet,
    sample_tree,
    write_sheet,
)
from tests.support.tasklist_layouts import Case as LayoutCase


def outline(preview) -> list[tuple[int, str, str]]:
    return [(level, item.code, item.title) for level, item in preview.plan.walk()]


def leaves(preview, has_categories: bool):
    """The items made of measures (not an empty category, a leaf too)."""
    return [item for level, item in preview.plan.walk()
            if not item.children and (level > 1 or not has_categories)]


def check_case(case: LayoutCase, path) -> None:
    """The file parses to the tree it was rendered from: same categories, same items at each
    level with the same codes and titles; each leaf's text holds its measure and its lead
    unit is the measure's."""
    preview = parse_task_list(read_workbook(path), year=2024)
    assert outline(preview) == case.expected, f"replay: make_case{case.name.split('-')[:2]}"
    measures = [m for category in case.tree for task in category.tasks
                for m in (task.measures if case.layout.measures != "none" else task.measures[:1])]
    found = leaves(preview, case.layout.category != "none")
    assert len(found) == len(measures)
    for item, measure in zip(found, measures, strict=True):
        if case.layout.measures != "none":
            assert measure.text in item.text
        assert [m.name for m in item.units if m.role.value == "lead"] == [measure.lead]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("layouts")


@pytest.mark.parametrize("index", range(CASES_PER_FAMILY))
@pytest.mark.parametrize("family", list(FAMILIES))
def test_generated_layout_reads_back_to_its_tree(folder, family, index):
    case = make_case(family, index)
    check_case(case, case.write(folder))


def test_the_sample_tree_is_the_sample_files_tree():
    """The tree the families render is the 2020 sample's, as its expected result says: its
    categories, its item and leaf counts, and every expected row's measure under its task."""
    expected = json.loads((SAMPLES / "tasklists" / "2020_tasklist_merged.xlsx.expected.json")
                          .read_text("utf-8"))
    tree = sample_tree()
    assert [category.title for category in tree] == expected["top_sections"]
    tasks = [task for category in tree for task in category.tasks]
    measures = [m for task in tasks for m in task.measures]
    several = sum(len(task.measures) for task in tasks if len(task.measures) > 1)
    assert len(tree) + len(tasks) + several == expected["items"]
    assert sum(1 for task in tasks if len(task.measures) == 1) + several == expected["leaf_items"]
    by_text = {(task.title, m.text) for task in tasks for m in task.measures}
    for row in expected["rows"]:
        assert (row["task"], row["measure"]) in by_text
    assert len(measures) == len(expected["rows"])


def test_the_found_trees_keep_their_codes_and_empty_categories():
    trees = base_trees()
    qiaocheng = trees["qiaocheng_2025"]
    assert [len(c.tasks) for c in qiaocheng] == [1, 0, 0, 0, 0, 3]
    assert [t.code for c in qiaocheng for t in c.tasks] == ["3", "68", "69", "73"]
    assert [t.code for t in trees["nanling_2024"][0].tasks] == ["80", "81"]


def test_the_whole_sample_tree_in_every_category_style(tmp_path):
    """The full 2020 tree (not a cut), once per category style, as xlsx and GBK CSV."""
    from dataclasses import replace

    from tests.support.tasklist_layouts import CATEGORY_STYLES, Layout

    base = Layout("merged_column", "cn", "column", ".", "as_written", "merged", "none", False,
                  True, 1, True, ("序号", "类别", "重点任务", "具体措施", "牵头单位", "配合单位",
                                  "完成时限"))
    for style in CATEGORY_STYLES:
        for writer in ("openpyxl", "csv_gbk"):
            case = LayoutCase(f"whole-{style}-{writer}", sample_tree(),
                              replace(base, category=style), writer)
            check_case(case, case.write(tmp_path))


# -- LibreOffice ------------------------------------------------------------------------------

LIBREOFFICE_CASES = [("merged_category_column", 0), ("category_rows", 1), ("two_header_rows", 2),
                     ("repeated_category_text", 3), ("spacer_rows", 4), ("codes_in_text", 5)]
LIBREOFFICE_FORMATS = ("xls", "ods", "xlsx")


@pytest.fixture(scope="session")
def libreoffice_files(tmp_path_factory):
    """The LibreOffice subset: each case written by openpyxl, then re-saved by LibreOffice in
    every format at once (one LibreOffice run per format for the whole subset)."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    from tests.support.fixtures_sheets import soffice_convert

    source = tmp_path_factory.mktemp("lo-source")
    cases = {}
    for family, index in LIBREOFFICE_CASES:
        case = make_case(family, index)
        sheet = render_sheet(case.tree, case.layout)
        path = write_sheet(sheet, source / f"{family}-{index}.xlsx", "openpyxl")
        cases[path.stem] = case
    folders = soffice_convert(sorted(source.glob("*.xlsx")), list(LIBREOFFICE_FORMATS),
                              tmp_path_factory.mktemp("lo-out"))
    return cases, folders


@pytest.mark.parametrize("fmt", LIBREOFFICE_FORMATS)
@pytest.mark.parametrize("family, index", LIBREOFFICE_CASES)
def test_libreoffice_saved_layout_reads_back_to_its_tree(libreoffice_files, family, index, fmt):
    cases, folders = libreoffice_files
    case = cases[f"{family}-{index}"]
    check_case(case, folders[fmt] / f"{family}-{index}.{fmt}")


@pytest.mark.parametrize("family", list(FAMILIES))
def test_what_is_committed_is_the_tree_the_preview_shows(ledger, tmp_path, family):
    """The ledger gets the previewed tree itself: levels, codes, titles, in order."""
    from planner_desktop.ops.task_import import commit_task_list, preview_task_list
    from planner_desktop.store.ledger_rows import fetch_items

    case = make_case(family, 0)
    parsed = preview_task_list(ledger, case.write(tmp_path), year=2024)
    shown = outline(parsed.preview)
    created = commit_task_list(ledger, parsed)
    records = {r.id: r for r in fetch_items(ledger, created.plan_id)}

    def ordered(parent):
        children = sorted((r for r in records.values() if r.parent_id == parent),
                          key=lambda r: r.position)
        for record in children:
            yield record.level, record.code, record.title
            yield from ordered(record.id)

    assert list(ordered(None)) == shown == case.expected
