"""The 量化指标 in the printed reports: a cell per item in the 督办台账, and in the 督办通报 the
count (达成 k / n) and the list of targets not reached.

Both read the same :class:`TrackedTarget` values as the 量化指标 view and the dashboard, and
count with :func:`count_states`, so a bulletin never says another figure than the screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from planner_desktop.domain.target_rows import TargetCounts, count_states, not_reached
from planner_desktop.domain.target_state import TrackedTarget, format_figure
from planner_desktop.i18n import tr


def target_cell(targets: Iterable[TrackedTarget]) -> str:
    """An item's 量化指标 cell: each target with the figure reached and its state, one a line
    (``新增学位600个：完成640个（未达成）``, ``入园率达85%（待填报）``)."""
    lines = []
    for target in targets:
        if target.removed:
            continue
        figure = format_figure(target.figure)
        if figure:
            lines.append(tr("{text}：完成{figure}{measure}（{state}）").format(
                text=target.text, figure=figure, measure=target.measure, state=target.state.value))
        else:
            lines.append(tr("{text}（{state}）").format(text=target.text, state=target.state.value))
    return "\n".join(lines)


@dataclass(frozen=True)
class ShortTarget:
    """A target not reached, as the bulletin lists it."""

    code: str  # the item's number
    text: str
    wanted: str  # ≥85%
    figure: str  # 80%
    reporter: str
    note: str

    def line(self, index: int) -> str:
        """``1. 三、（一） 公办园在园幼儿占比达到55%以上（目标≥55%，完成50%；基础教育股：用地调整）``"""
        why = f"{self.reporter}：{self.note}" if self.note else self.reporter
        return tr("{i}. {code} {text}（目标{wanted}，完成{figure}{why}）").format(
            i=index, code=self.code, text=self.text, wanted=self.wanted, figure=self.figure,
            why=f"；{why}" if why else "")


@dataclass(frozen=True)
class TargetSection:
    """The bulletin's 未达成的量化指标: the counts and each target not reached."""

    counts: TargetCounts
    short: list[ShortTarget] = field(default_factory=list)

    def sentence(self) -> str:
        c = self.counts
        text = tr("纳入跟踪的量化指标共{n}项，已达成{k}项，未达成{m}项，待填报{p}项").format(
            n=c.tracked, k=c.reached, m=c.not_reached, p=c.awaiting)
        if c.undecided:
            text += tr("，目标值待定{q}项").format(q=c.undecided)
        return text + ("。" if self.short else tr("；目前没有未达成的量化指标。"))


    def lines(self) -> list[str]:
        """The part's paragraphs: how many are short, then one line each."""
        if not self.short:
            return [tr("截至通报日，没有未达成的量化指标。")]
        return [tr("截至通报日，共有{n}项量化指标未达到目标：").format(n=len(self.short)),
                *(short.line(i) for i, short in enumerate(self.short, start=1))]


def target_section(targets: Sequence[TrackedTarget], codes: Mapping[int, str]) -> TargetSection | None:
    """The section for ``targets`` (those of the bulletin's items), None when there are none."""
    live = [t for t in targets if not t.removed]
    if not live:
        return None
    short = [ShortTarget(codes.get(t.item_id, ""), t.text, t.wanted_text(),
                         f"{format_figure(t.figure)}{t.measure}", t.reporter, t.figure_note.strip())
             for t in not_reached(live)]
    return TargetSection(count_states(live), short)


def by_item(targets: Iterable[TrackedTarget]) -> dict[int, list[TrackedTarget]]:
    found: dict[int, list[TrackedTarget]] = {}
    for target in targets:
        found.setdefault(target.item_id, []).append(target)
    return found


