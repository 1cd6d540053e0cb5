"""Sorting the ledger's rows by 状态, 督办灯 and 分工 gives the order the per-row ``list(...).index``
keys gave before the ranks were looked up once (issue 19, item 9)."""

from __future__ import annotations

import random

import pytest

from planner_desktop.domain.ledger_table import LedgerRow, sort_key
from planner_desktop.domain.status import Light, Schedule, Status
from planner_desktop.domain.units import Role

# The keys as they were: the enum's place looked up per row, 状态 as a (place, progress) pair.
OLD_KEYS = {
    "status": lambda r: (list(Status).index(r.status), r.progress),
    "light": lambda r: list(Light).index(r.light),
    "role": lambda r: list(Role).index(r.role) if r.role else -1,
}


def rows(count: int = 3000, seed: int = 19) -> list[LedgerRow]:
    rnd = random.Random(seed)
    made = []
    for n in range(count):
        made.append(LedgerRow(
            item_id=n // 7, plan_id=1, level=2, code=f"{n // 7}.", title=f"要点{n // 7}", text="",
            deadline_text="", due=None, status=rnd.choice(list(Status)),
            progress=rnd.choice([0, 0, 10, 50, 99, 100]), schedule=rnd.choice(list(Schedule)),
            light=rnd.choice(list(Light)), remaining_workdays=None, last_update=None, note="",
            lead=[], support=[], schools=[], assignment_id=n, unit_name=f"单位{n % 11}",
            role=rnd.choice([*Role, None]), order=n))
    rnd.shuffle(made)  # ties keep the order they came in: a shuffled start tests that too
    return made


@pytest.mark.parametrize("column", sorted(OLD_KEYS))
@pytest.mark.parametrize("reverse", [False, True])
def test_sort_order_is_unchanged(column: str, reverse: bool) -> None:
    given = rows()
    expected = sorted(given, key=OLD_KEYS[column], reverse=reverse)
    assert [r.assignment_id for r in sorted(given, key=sort_key(column), reverse=reverse)] == [
        r.assignment_id for r in expected]


def test_status_sorts_by_place_then_progress() -> None:
    given = rows(200)
    ordered = sorted(given, key=sort_key("status"))
    pairs = [(list(Status).index(r.status), r.progress) for r in ordered]
    assert pairs == sorted(pairs)


def test_a_filter_with_nothing_set_keeps_every_row_and_one_set_narrows() -> None:
    import datetime as dt

    from planner_desktop.domain.ledger_table import RowFilter, SavedView

    given, today = rows(500), dt.date(2026, 12, 4)
    everything = RowFilter()
    assert not everything.narrows()
    assert everything.apply(given, today, 5) == [r for r in given if everything.accepts(r, today, 5)]
    for narrowing in (RowFilter(view=SavedView.NOT_STARTED), RowFilter(plan_id=2),
                      RowFilter(item_ids=frozenset({1})), RowFilter(unit_names=frozenset({"单位1"})),
                      RowFilter(statuses=frozenset({Status.DONE})), RowFilter(lights=frozenset({Light.RED})),
                      RowFilter(due_from=today), RowFilter(due_to=today)):
        assert narrowing.narrows()
        assert narrowing.apply(given, today, 5) == [r for r in given if narrowing.accepts(r, today, 5)]
