"""Hand edits and their inverses, unit merges, and the table's filters, on a real demo ledger."""

from __future__ import annotations

import datetime as dt

import pytest

from planner_desktop.domain.ledger_table import (
    Granularity,
    RowFilter,
    RowSearch,
    SavedView,
    completion_by_unit,
    units_silent_since,
)
from planner_desktop.domain.status import Schedule, Status
from planner_desktop.ops.ledger_query import load_snapshot
from planner_desktop.store import editing
from planner_desktop.store.units import list_units, merge_units

AS_OF = dt.date(2026, 11, 22)


@pytest.fixture
def demo(ledger, demo_templates):
    demo_templates.copy_into(ledger, today=AS_OF)
    return ledger


def dump(ledger) -> dict:
    return {t: ledger.query(f"SELECT * FROM {t} ORDER BY id")
            for t in ("assignment", "status_update", "extension", "evidence", "plan_item")}


def first_assignment(ledger) -> int:
    return ledger.scalar("SELECT id FROM assignment WHERE status = '推进中' ORDER BY id LIMIT 1")


def test_hand_update_and_its_undo_restore_every_row(demo):
    before = dump(demo)
    aid = first_assignment(demo)
    state = editing.assignment_state(demo, aid)
    update_id = editing.record_hand_update(demo, aid, Status.DONE, 100, "已办结")
    assert editing.assignment_state(demo, aid).status is Status.DONE
    editing.undo_hand_update(demo, update_id, state)
    assert dump(demo) == before


def test_extension_moves_the_assignment_due_and_is_revoked_exactly(demo):
    before = dump(demo)
    aid = first_assignment(demo)
    state = editing.assignment_state(demo, aid)
    extension = editing.grant_extension(demo, aid, dt.date(2027, 1, 15), "受疫情影响")
    assert editing.assignment_state(demo, aid).due == "2027-01-15"
    row = demo.query("SELECT * FROM extension WHERE id = ?", (extension,))[0]
    assert row["reason"] == "受疫情影响" and row["new_due"] == "2027-01-15"
    editing.revoke_extension(demo, extension, state)
    assert dump(demo) == before


def test_removed_assignment_comes_back_with_its_history(demo):
    before = dump(demo)
    aid = demo.scalar("SELECT assignment_id FROM status_update GROUP BY assignment_id "
                      "HAVING count(*) > 1 LIMIT 1")
    removed = editing.remove_assignment(demo, aid)
    assert demo.scalar("SELECT count(*) FROM status_update WHERE assignment_id = ?", (aid,)) == 0
    editing.restore_assignment(demo, removed)
    assert dump(demo) == before


def test_item_due_fix_is_marked_as_by_hand_and_undone(demo):
    item_id = demo.scalar("SELECT id FROM plan_item WHERE deadline_kind = 'ongoing' LIMIT 1")
    before = editing.set_item_due(demo, item_id, dt.date(2026, 12, 31))
    changed = editing.item_due(demo, item_id)
    assert (changed.due, changed.deadline_kind, changed.due_set_by_hand) == ("2026-12-31", "date", 1)
    editing.restore_item_due(demo, before)
    assert editing.item_due(demo, item_id) == before


def test_merge_keeps_every_history_row(demo):
    counts = {name: demo.scalar(
        "SELECT count(*) FROM status_update s JOIN assignment a ON a.id = s.assignment_id "
        "JOIN unit u ON u.id = a.unit_id WHERE u.name = ?", (name,)) for name in ("教学研究室", "电化教育馆")}
    total_updates = demo.scalar("SELECT count(*) FROM status_update")
    result = merge_units(demo, "教学研究室", "电化教育馆")
    assert result["moved"] + result["combined"] > 0
    units = {u["name"]: u for u in list_units(demo)}
    assert "电化教育馆" not in units and "电化教育馆" in units["教学研究室"]["aliases"]
    kept = demo.scalar("SELECT count(*) FROM status_update s JOIN assignment a ON a.id = s.assignment_id "
                       "JOIN unit u ON u.id = a.unit_id WHERE u.name = '教学研究室'")
    # a combined pair keeps the winner's rows and copies the loser's: nothing is lost
    assert kept >= counts["教学研究室"]
    assert demo.scalar("SELECT count(*) FROM status_update") >= total_updates
    assert demo.scalar("PRAGMA foreign_key_check") is None


def test_row_filters_and_search_narrowing(demo):
    snapshot = load_snapshot(demo, AS_OF)
    rows = snapshot.rows(Granularity.ASSIGNMENTS)
    overdue = RowFilter(view=SavedView.OVERDUE).apply(rows, AS_OF, 3)
    assert overdue and all(r.schedule is Schedule.OVERDUE for r in overdue)
    by_unit = RowFilter(unit_names=frozenset({"安全稳定股"})).apply(rows, AS_OF, 3)
    assert by_unit and {r.unit_name for r in by_unit} == {"安全稳定股"}
    search = RowSearch()
    search.reset(rows)
    wide = search.search("安全")
    narrow = search.search("安全 检查")
    assert 0 < len(narrow) <= len(wide) < len(rows)
    assert all("安全" in r.haystack and "检查" in r.haystack for r in narrow)
    assert search.search("") == rows


def test_completion_by_unit_and_silent_units(demo):
    snapshot = load_snapshot(demo, AS_OF)
    rates = completion_by_unit(snapshot.assignments)
    assert [r.rate for r in rates] == sorted((r.rate for r in rates), reverse=True)
    total = sum(r.total for r in rates)
    assert total == sum(a.status is not Status.CANCELLED for a in snapshot.assignments)
    silent = units_silent_since(snapshot.assignments, dt.date(2026, 11, 1))
    assert silent and all(n > 0 for _, n in silent)
    # a unit that updated anything since the date is not silent
    active = {r.unit_name for r in snapshot.assignments
              if r.last_update and r.last_update[:10] >= "2026-11-01"}
    assert active.isdisjoint(u for u, _ in silent)
