"""Where a quantified target (量化指标) stands: 已达成, 未达成, 待填报 or 待定.

The office checks each target against the figure its unit reported. How a figure binds is
the target's comparator as the plan wrote it (``>=`` 不少于/达到, ``<=`` 不超过/控制在); a
target that says neither (建设芙蓉学校9所) is met by that figure exactly, as the issue of the
plan reads it: a different figure is for the clerk to look at, not for the program to call
reached. A placeholder (x个, X%) has no figure wanted yet, so nothing can be judged: 待定.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum

from planner_desktop.errors import UserFixableError
from planner_desktop.i18n import tr


class TargetState(StrEnum):
    REACHED = "已达成"
    NOT_REACHED = "未达成"
    AWAITING = "待填报"  # no figure reported yet
    UNDECIDED = "待定"  # a placeholder: the figure wanted is still to be filled in


COMPARATOR_LABELS = {">=": "不少于", "<=": "不超过", "": "等于"}


def target_state(wanted: float | None, comparator: str, reached: float | None) -> TargetState:
    """The state of one target from the figure wanted, its comparator and the figure reached."""
    if wanted is None:
        return TargetState.UNDECIDED
    if reached is None:
        return TargetState.AWAITING
    if comparator == ">=":
        met = reached >= wanted or math.isclose(reached, wanted)
    elif comparator == "<=":
        met = reached <= wanted or math.isclose(reached, wanted)
    else:
        met = math.isclose(reached, wanted, rel_tol=1e-9, abs_tol=1e-9)
    return TargetState.REACHED if met else TargetState.NOT_REACHED


@dataclass(frozen=True)
class TrackedTarget:
    """A target of the ledger with the latest figure reported for it (up to a day, if asked)."""

    id: int
    item_id: int
    plan_id: int
    position: int
    text: str  # the phrase: 学前三年毛入园率达85%
    subject: str
    wanted: float | None  # None for a placeholder
    measure: str  # 所, %, 个 …
    comparator: str  # '' | '>=' | '<='
    placeholder: bool
    origin: str  # parsed | clerk
    reporter_unit_id: int | None  # set on the target, else the item's lead unit; None if neither
    reporter: str  # its name, '' when nobody reports it
    removed: bool
    figure: float | None = None  # the latest figure reached
    figure_period: str = ""
    figure_note: str = ""
    figure_at: str = ""
    figure_source: str = ""  # hand | import | demo: who put the latest figure in

    @property
    def state(self) -> TargetState:
        return target_state(self.wanted, self.comparator, self.figure)

    def wanted_text(self) -> str:
        """``≥85%``, ``9所``; ``待定`` for a placeholder."""
        if self.wanted is None:
            return TargetState.UNDECIDED.value
        sign = {">=": "≥", "<=": "≤"}.get(self.comparator, "")
        return f"{sign}{format_figure(self.wanted)}{self.measure}"


def format_figure(value: float | None) -> str:
    """A figure as a clerk writes it: 9, 85, 1260, 0.5 — no trailing .0."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".")


def reached_count(targets: list[TrackedTarget]) -> tuple[int, int]:
    """(reached, tracked) over the targets not set aside: the dashboard's 达成 k / n."""
    live = [t for t in targets if not t.removed]
    return sum(t.state is TargetState.REACHED for t in live), len(live)


_HALF_WIDTH = str.maketrans("０１２３４５６７８９．，－％", "0123456789.,-%")
_FIGURE = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")


def read_figure(text: str | float | int, measure: str = "", what: str = "") -> float:
    """A figure as typed; refused unless it is a number not below zero. The target's own
    measure word after the number (``1300个`` for a target in 个) is allowed: units write it."""
    if isinstance(text, (int, float)):
        value = float(text)
    else:
        cleaned = str(text).strip().translate(_HALF_WIDTH).replace(" ", "")
        if measure and measure != "%" and cleaned.endswith(measure) and len(cleaned) > len(measure):
            cleaned = cleaned[: -len(measure)]
        if not _FIGURE.match(cleaned):
            raise UserFixableError(tr("{what}“{text}”不是数字：请只填数字，如 85、1260、12.5。").format(
                what=what or tr("数值"), text=text))
        value = float(cleaned.rstrip("%").replace(",", ""))
    if value < 0:
        raise UserFixableError(tr("{what}不能为负数（{value}{measure}）。").format(
            what=what or tr("数值"), value=format_figure(value), measure=measure))
    return value
