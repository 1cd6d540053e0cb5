"""The plan document and its task list make one plan, in either order, on a real ledger file:
items filled, no duplicates, one undoable batch each."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner_desktop.errors import UserFixableError
from planner_desktop.ops.plan_import import commit_plan_document, preview_plan_document
from planner_desktop.ops.task_import import (
    commit_task_list,
    preview_task_list,
    retarget_task_list,
)
from planner_desktop.store.undo import undo_batch

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
DOCUMENT = SAMPLES / "plans" / "001_autonumbered.docx"
TASK_LIST = SAMPLES / "tasklists" / "2020_tasklist_merged.xlsx"
TABLES = ("plan", "plan_item", "target", "assignment", "unit", "unit_alias")


def import_document(ledger):
    return commit_plan_document(ledger, preview_plan_document(ledger, DOCUMENT))


def import_task_list(ledger):
    return commit_task_list(ledger, preview_task_list(ledger, TASK_LIST))


def items(ledger) -> list[tuple]:
    """Every item with where it stands, what it says and who does it by when (unit names,
    not ids: the two orders create the units in different orders)."""
    rows = ledger.query(
        "SELECT i.id, i.parent_id, i.position, i.level, i.code, i.title, i.body, i.deadline_text, i.due, "
        "(SELECT group_concat(name || ':' || role, ',') FROM (SELECT u.name, a.role FROM assignment a "
        " JOIN unit u ON u.id = a.unit_id WHERE a.item_id = i.id ORDER BY u.name)) AS units "
        "FROM plan_item i")
    by_id = {r["id"]: r for r in rows}

    def path(row) -> tuple:
        steps = []
        while row is not None:
            steps.append(row["position"])
            row = by_id.get(row["parent_id"])
        return tuple(reversed(steps))

    return sorted((path(r), r["level"], r["code"], r["title"], r["body"], r["deadline_text"], r["due"],
                   r["units"]) for r in rows)


def content(ledger) -> dict:
    return {t: ledger.query(f"SELECT * FROM {t} ORDER BY 1") for t in TABLES}


def test_task_list_after_its_plan_document_fills_that_plan(ledger):
    created = import_document(ledger)
    parsed = preview_task_list(ledger, TASK_LIST)
    assert parsed.targets.matching == [created.plan_id]
    assert parsed.target.plan_id == created.plan_id  # chosen by default
    assert parsed.target.join.summary()["matched"] == 44
    joined = commit_task_list(ledger, parsed)
    assert joined.plan_id == created.plan_id
    assert ledger.scalar("SELECT count(*) FROM plan") == 1
    assert ledger.scalar("SELECT title FROM plan") == "2020年全州教育和体育工作要点"
    levels = dict(ledger.conn.execute("SELECT level, count(*) FROM plan_item GROUP BY level"))
    assert levels == {1: 9, 2: 35, 3: 82}
    duplicates = ledger.scalar("SELECT count(*) FROM (SELECT title FROM plan_item WHERE level < 3 "
                               "GROUP BY parent_id, title HAVING count(*) > 1)")
    assert duplicates == 0
    # 各中小学, 各幼儿园, 各乡镇中心学校 on 11 items each wait for the roster: no fake schools
    assert ledger.scalar("SELECT count(*) FROM assignment") == 186
    assert ledger.scalar("SELECT count(*) FROM pending_assignment") == 33
    # The measures sit under the document's items, which keep the document's numbers.
    under = ledger.query("SELECT c.code FROM plan_item c JOIN plan_item p ON p.id = c.parent_id "
                         "WHERE p.title = '切实做好新冠肺炎疫情防控工作' ORDER BY c.position")
    assert [r["code"] for r in under][:2] == ["（1）", "（2）"]
    assert ledger.scalar("SELECT code FROM plan_item WHERE title = '切实做好新冠肺炎疫情防控工作'") == "二.1"
    batch = ledger.query("SELECT kind, plan_id, counts FROM import_batch ORDER BY id DESC LIMIT 1")[0]
    assert batch["kind"] == "tasks" and batch["plan_id"] == created.plan_id


def test_either_order_gives_the_same_plan(ledger, tmp_path):
    import_document(ledger)
    import_task_list(ledger)
    from planner_desktop.store.database import open_ledger

    other = open_ledger(tmp_path / "other.sqlite")
    try:
        first = import_task_list(other)
        parsed = preview_plan_document(other, DOCUMENT)
        assert parsed.target.plan_id == first.plan_id
        assert parsed.target.join.summary()["unmentioned"] == 82
        commit_plan_document(other, parsed)
        assert other.scalar("SELECT count(*) FROM plan") == 1
        assert other.query("SELECT title, year FROM plan") == ledger.query("SELECT title, year FROM plan")
        assert items(other) == items(ledger)
    finally:
        other.close()


def test_undoing_the_join_restores_the_ledger_exactly(ledger):
    import_task_list(ledger)
    before = content(ledger)
    joined = commit_plan_document(ledger, preview_plan_document(ledger, DOCUMENT))
    assert content(ledger) != before
    undo_batch(ledger, joined.batch_id)
    assert content(ledger) == before
    assert ledger.scalar("PRAGMA foreign_key_check") is None


def test_the_clerk_may_still_make_a_new_plan(ledger):
    import_document(ledger)
    parsed = retarget_task_list(ledger, preview_task_list(ledger, TASK_LIST), None)
    assert parsed.target.plan_id is None
    commit_task_list(ledger, parsed)
    assert ledger.scalar("SELECT count(*) FROM plan") == 2


def test_units_already_given_are_not_given_twice(ledger, tmp_path):
    import_document(ledger)
    import_task_list(ledger)
    two_rows = SAMPLES / "tasklists" / "2020_tasklist_two_header_rows.xlsx"
    parsed = preview_task_list(ledger, two_rows)
    assert parsed.target.plan_id == 1
    commit_task_list(ledger, parsed)
    assert ledger.scalar("SELECT count(*) FROM plan") == 1
    twice = ledger.scalar("SELECT count(*) FROM (SELECT item_id, unit_id FROM assignment "
                          "GROUP BY item_id, unit_id HAVING count(*) > 1)")
    assert twice == 0


def test_the_plan_is_not_undone_under_the_file_joined_to_it(ledger):
    created = import_document(ledger)
    joined = import_task_list(ledger)
    with pytest.raises(UserFixableError, match=f"请先撤销批次 {joined.batch_id}"):
        undo_batch(ledger, created.batch_id)
    undo_batch(ledger, joined.batch_id)
    undo_batch(ledger, created.batch_id)
    assert ledger.scalar("SELECT count(*) FROM plan") == 0
