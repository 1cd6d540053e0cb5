"""Importing the task lists bureaus really issue: the samples and their expected results."""

from __future__ import annotations

import json
import shutil

import pytest

from planner_desktop.ops.task_import import commit_task_list, preview_task_list
from planner_desktop.store.ledger_rows import fetch_items

SAMPLE_LISTS = [
    "2020_tasklist_gbk.csv",
    "2020_tasklist_merged.xls",
    "2020_tasklist_merged.xlsx",
    "2020_tasklist_two_header_rows.xlsx",
]


def leaves_by_source(plan):
    """Leaf items keyed by (sheet, 1-based row) they came from."""
    found = {}
    for _, item in plan.walk():
        if not item.children:
            sheet, row = item.source_ref.rsplit("!", 1)
            found[(sheet, int(row))] = item
    return found


def parent_of(plan, target):
    for _, item in plan.walk():
        if target in item.children:
            return item
    return None


@pytest.mark.parametrize("name", SAMPLE_LISTS)
def test_sample_imports_as_expected(samples, ledger, name):
    path = samples / "tasklists" / name
    expected = json.loads(path.with_name(name + ".expected.json").read_text("utf-8"))
    parsed = preview_task_list(ledger, path)
    plan = parsed.preview.plan
    assert plan.year == 2020
    assert [item.title for item in plan.items] == expected["top_sections"]
    assert plan.count_items() == expected["items"]
    assert plan.count_leaves() == expected["leaf_items"]
    leaves = leaves_by_source(plan)
    for row in expected["rows"]:
        sheet = row.get("sheet")
        matches = [item for (s, r), item in leaves.items()
                   if r == row["row"] and (sheet is None or s == sheet)]
        assert len(matches) == 1, f"row {row['row']} of {sheet or name}"
        leaf = matches[0]
        # "task" is the task's title or its whole text, depending on how the list wrote it;
        # a task with a single measure is one item (the measure's text under the task's title)
        if "measure" in row:
            assert row["measure"] in leaf.text
            parent = parent_of(plan, leaf)
            assert row["task"] in (leaf.title, parent.title, parent.text), row
        else:
            assert row["task"] in (leaf.title, leaf.text), row
        names = {role: [m.name for m in leaf.units if m.role.value == role]
                 for role in ("lead", "support", "carry")}
        assert names["lead"] == row["lead"], row
        assert names["support"] == row["support"], row
        if "schools" in row:
            assert names["carry"] == row["schools"], row
        # a real date cell shows as its date; the list's own wording is not in the file then
        typed = leaf.deadline.due is not None and leaf.deadline.text == leaf.deadline.due.isoformat()
        assert typed or leaf.deadline.text == row["deadline_text"], row
        assert leaf.deadline.kind.value == row["deadline_kind"], row
        assert (leaf.deadline.due.isoformat() if leaf.deadline.due else None) == row["due"], row

    created = commit_task_list(ledger, parsed)
    assert created.items == expected["items"]
    assert len(fetch_items(ledger, created.plan_id)) == expected["items"]


def test_reimporting_the_same_file_is_recognised(samples, ledger, tmp_path):
    path = tmp_path / "任务表.xlsx"
    shutil.copyfile(samples / "tasklists" / "2020_tasklist_merged.xlsx", path)
    first = preview_task_list(ledger, path)
    assert first.already_imported_batch is None
    created = commit_task_list(ledger, first)
    again = preview_task_list(ledger, path)
    assert again.already_imported_batch == created.batch_id


def test_undo_restores_the_ledger_exactly(samples, ledger):
    from planner_desktop.store.undo import undo_batch

    def snapshot():
        tables = ("plan", "plan_item", "unit", "unit_alias", "assignment", "target",
                  "status_update")
        return {t: ledger.conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in tables}

    before = snapshot()
    parsed = preview_task_list(ledger, samples / "tasklists" / "2020_tasklist_merged.xlsx")
    created = commit_task_list(ledger, parsed)
    assert snapshot() != before
    undo_batch(ledger, created.batch_id)
    assert snapshot() == before
