"""The 量化指标 view's rows and counts: each tracked target beside its item's number and title.

The view, its export, the dashboard and the reports list the same rows and count the same
states, so both live here once, over :class:`TrackedTarget` values read by ``store/targets``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from planner_desktop.domain.target_state import TargetState, TrackedTarget, format_figure
from planner_desktop.i18n import tr

# The view's columns, in order (the export writes the same headers).
TARGET_COLUMNS = ("编号", "要点", "指标", "目标值", "填报单位", "完成值", "报送周期", "状态")
STATE_COLOURS = {TargetState.REACHED: "#2e7d32", TargetState.NOT_REACHED: "#c62828",
                 TargetState.AWAITING: "#757575", TargetState.UNDECIDED: "#ef8f00"}


@dataclass(frozen=True)
class TargetRow:
    """One line of the 量化指标 view."""

    target: TrackedTarget
    number: str  # the item's number as the ledger shows it
    item_title: str

    @property
    def state(self) -> TargetState:
        return self.target.state

    def figure_text(self) -> str:
        figure = format_figure(self.target.figure)
        return f"{figure}{self.target.measure}" if figure else ""

    def cells(self) -> tuple[str, ...]:
        """The row's text per column of :data:`TARGET_COLUMNS`."""
        t = self.target
        return (self.number, self.item_title, t.text, t.wanted_text(), t.reporter, self.figure_text(),
                t.figure_period, self.state.value)


def target_rows(targets: Iterable[TrackedTarget], items: Mapping[int, tuple[str, str]]) -> list[TargetRow]:
    """Rows for the targets whose item is known; ``items`` maps an item id to (number, title)."""
    return [TargetRow(t, *items[t.item_id]) for t in targets if t.item_id in items and not t.removed]


@dataclass(frozen=True)
class TargetCounts:
    """达成 k / n with the rest by state: the dashboard's and the reports' figures."""

    tracked: int = 0
    reached: int = 0
    not_reached: int = 0
    awaiting: int = 0
    undecided: int = 0

    def text(self) -> str:
        return tr("达成 {k} / {n}（未达成 {m}，待填报 {p}，待定 {q}）").format(
            k=self.reached, n=self.tracked, m=self.not_reached, p=self.awaiting, q=self.undecided)


def count_states(targets: Iterable[TrackedTarget]) -> TargetCounts:
    by_state = Counter(t.state for t in targets if not t.removed)
    return TargetCounts(tracked=sum(by_state.values()), reached=by_state[TargetState.REACHED],
                        not_reached=by_state[TargetState.NOT_REACHED],
                        awaiting=by_state[TargetState.AWAITING], undecided=by_state[TargetState.UNDECIDED])


def not_reached(targets: Iterable[TrackedTarget]) -> list[TrackedTarget]:
    return [t for t in targets if not t.removed and t.state is TargetState.NOT_REACHED]


def figure_phrase(target: TrackedTarget) -> str:
    """A figure as the summary writes it: 学前三年毛入园率达到86.5%（目标85%） for a rate,
    培育县级党建示范校10所，完成8所 for a count; a figure not yet reported is said to be so (the
    clerk fills it in the draft), a placeholder is the phrase alone."""
    figure = format_figure(target.figure)
    if not figure:
        return target.text + (tr("（完成值待填报）") if target.state is TargetState.AWAITING else "")
    wanted = f"{format_figure(target.wanted)}{target.measure}" if target.wanted is not None else ""
    subject = target.subject.strip()
    if subject.endswith("率") or (subject and target.measure == "%"):
        text = tr("{subject}达到{figure}{measure}").format(subject=subject, figure=figure,
                                                       measure=target.measure)
        return text + (tr("（目标{wanted}）").format(wanted=wanted) if wanted else "")
    return tr("{text}，完成{figure}{measure}").format(text=target.text, figure=figure, measure=target.measure)
