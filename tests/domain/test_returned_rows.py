"""A returned row whose status cannot be right is refused, never applied in part."""

from __future__ import annotations

import pytest

from planner_desktop.domain.returns import Action, Current, RowCells, decide, read_cells
from planner_desktop.domain.status import Status

NOW = Current(Status.IN_PROGRESS, 30, "上期进展", "2026-10-01 09:00:00")


def decision(**cells: str):
    reported = read_cells(RowCells(**cells), 2026)
    return decide(reported, NOW, changed_since_export=False, revised_same_period=False,
                  empty=RowCells(**cells).is_empty())


@pytest.mark.parametrize("cells", [
    {"status": "未启动", "progress": "90"},
    {"status": "已完成", "progress": "50%"},
    {"status": "差不多了", "note": "写了进展"},
    {"status": "推进中", "progress": "150"},
])
def test_a_status_or_figure_that_cannot_be_right_refuses_the_row(cells):
    result = decision(**cells)
    assert result.action is Action.REFUSED
    assert result.reasons


@pytest.mark.parametrize("cells", [
    {"status": "推进中", "progress": "90"},
    {"status": "已完成"},
    {"progress": "60"},
    {"status": "未启动", "progress": "0"},
])
def test_a_consistent_row_still_updates(cells):
    assert decision(**cells).action is Action.UPDATE
