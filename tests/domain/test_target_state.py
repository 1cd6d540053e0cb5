"""A target's state from its comparator, the figure wanted and the figure reached."""

from __future__ import annotations

import pytest

from planner_desktop.domain.target_state import TargetState, format_figure, target_state


@pytest.mark.parametrize(("wanted", "comparator", "reached", "state"), [
    (85, ">=", 86.5, TargetState.REACHED),
    (85, ">=", 85, TargetState.REACHED),
    (85, ">=", 84.9, TargetState.NOT_REACHED),
    (5, "<=", 4, TargetState.REACHED),
    (5, "<=", 5.5, TargetState.NOT_REACHED),
    (9, "", 9, TargetState.REACHED),
    (9, "", 8, TargetState.NOT_REACHED),
    (9, "", 10, TargetState.NOT_REACHED),  # no comparator: that figure exactly
    (0.1, "", 0.1 + 0.2 - 0.2, TargetState.REACHED),  # float noise is no miss
    (1260, ">=", None, TargetState.AWAITING),
    (None, ">=", 12, TargetState.UNDECIDED),  # a placeholder judges nothing
    (None, "", None, TargetState.UNDECIDED),
])
def test_state(wanted, comparator, reached, state):
    assert target_state(wanted, comparator, reached) is state


@pytest.mark.parametrize(("value", "text"), [(9.0, "9"), (85.5, "85.5"), (1260, "1260"), (0.25, "0.25"),
                                              (None, "")])
def test_figures_are_written_as_a_clerk_writes_them(value, text):
    assert format_figure(value) == text
