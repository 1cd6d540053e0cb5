"""What an importer (or the demo) proposes before anything is written: plans and item trees.

Readers and parsers build these drafts; ``store.plans.create_plan`` writes one in a single
transaction. Keeping them plain dataclasses lets the preview be shown, edited and dropped
without touching the ledger.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from planner_desktop.domain.deadlines import Deadline
from planner_desktop.domain.targets import Target
from planner_desktop.domain.units import UnitMention

# What a plan's title and an item's own text (title and text, without its children) may
# sanely hold. Longer ones are warned about, naming where they are: a plan title runs to a
# line, a 要点 to a few paragraphs; a cell of thousands of characters is text pasted into
# the wrong place, or not a plan at all. (The readers' own limit, ``max_cell_chars``, is
# Excel's 32,767 and refuses a file; these only warn. A unit name's limit is
# ``units.MAX_UNIT_NAME_CHARS``.)
MAX_TITLE_CHARS = 500
MAX_ITEM_CHARS = 5_000


@dataclass(slots=True)
class ItemDraft:
    """One node of a plan's outline: 一、 → （一） → 1. → 一是…

    Its units and targets are tuples of frozen values, replaced as a whole rather than
    changed: a task list's parser gives the thousands of rows naming the same units one
    shared tuple, and leaves the items without targets the empty tuple, instead of two new
    lists per item for the allocator and the cycle collector to go through. For the same
    reason a parser may leave a leaf's children the empty tuple, and gives the item a list
    when it adds the first child."""

    code: str
    title: str
    text: str = ""
    deadline: Deadline | None = None
    units: tuple[UnitMention, ...] = ()  # every mention carries a role
    targets: tuple[Target, ...] = ()
    children: list[ItemDraft] | tuple[()] = field(default_factory=list)
    source_ref: str = ""  # "Sheet1!5" or "第12段": where the clerk can find it in the file

    def walk(self, level: int = 1) -> Iterator[tuple[int, ItemDraft]]:
        yield level, self
        for child in self.children:
            yield from child.walk(level + 1)


@dataclass
class PlanDraft:
    title: str
    year: int
    issuer: str = ""
    preamble: str = ""
    items: list[ItemDraft] = field(default_factory=list)

    def walk(self) -> Iterator[tuple[int, ItemDraft]]:
        for item in self.items:
            yield from item.walk()

    def count_items(self) -> int:
        return sum(1 for _ in self.walk())

    def count_leaves(self) -> int:
        return sum(1 for _, item in self.walk() if not item.children)


SCHOOL_NAME_ENDINGS = ("学校", "中学", "小学", "幼儿园", "中心校", "学院", "职中", "一中", "二中")


def guess_unit_kind(name: str) -> str:
    """股室 or 学校 for a name not in the roster, so an import can still file it somewhere.

    Only a guess: such units are flagged for the clerk to review in 单位管理.
    """
    return "学校" if name.endswith(SCHOOL_NAME_ENDINGS) or name.endswith("园") else "股室"
