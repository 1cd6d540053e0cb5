"""The outline as a tree: the items proposed from a document, their path codes, and the plan
draft the store writes from them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from planner_desktop.domain.deadlines import Deadline
from planner_desktop.domain.model import ItemDraft, PlanDraft
from planner_desktop.domain.outline_codes import STYLES, label
from planner_desktop.domain.targets import Target
from planner_desktop.domain.units import Role, UnitMention


@dataclass
class OutlineNode:
    """An item proposed from the document; ``start``/``end`` are offsets in the source text."""

    family: str
    number: int | None
    title: str
    text: str = ""
    start: int = 0
    end: int = 0
    paragraph: int = 0  # 1-based paragraph of the file where it starts
    children: list[OutlineNode] = field(default_factory=list)
    code: str = ""
    targets: list[Target] = field(default_factory=list)
    deadline: Deadline | None = None
    units: list[UnitMention] = field(default_factory=list)  # written in the text, or set
    suggested_lead: str = ""  # from the keyword table: a suggestion until confirmed
    lead_confirmed: bool = False
    edited: bool = False  # title changed by the clerk
    overlong_units: list[str] = field(default_factory=list)  # "names" too long to be units

    def walk(self, level: int = 1) -> Iterator[tuple[int, OutlineNode]]:
        yield level, self
        for child in self.children:
            yield from child.walk(level + 1)

    @property
    def lead(self) -> str:
        """The lead unit that will be written: one the text or the clerk named, else a
        confirmed suggestion, else nothing."""
        named = next((m.name for m in self.units if m.role is Role.LEAD), "")
        if named:
            return named
        return self.suggested_lead if self.lead_confirmed else ""

    def support(self) -> list[str]:
        return [m.name for m in self.units if m.role is Role.SUPPORT]

    def full_text(self) -> str:
        return f"{self.title}。{self.text}" if self.text else self.title


@dataclass
class PlanOutline:
    """A document read into items: the whole tree and, for a report-plus-plan, the plan part."""

    title: str
    year: int
    source: str  # the cleaned text the offsets point into
    preamble: str
    roots: list[OutlineNode]  # the whole document
    plan_part: OutlineNode | None = None  # the heading whose children are the plan, if mixed
    use_plan_part: bool = True
    removed: list[str] = field(default_factory=list)
    joined: int = 0
    year_found: bool = True
    # The file's paragraph (第 N 段) of each line of ``source``, and the roster's names: what
    # re-reading an item after the clerk moves paragraphs needs (set by whoever parsed it).
    line_paragraphs: list[int] = field(default_factory=list)
    known_units: frozenset[str] = frozenset()

    @property
    def items(self) -> list[OutlineNode]:
        """The top-level items proposed: the plan part's children, or the whole tree."""
        if self.plan_part is not None and self.use_plan_part:
            return self.plan_part.children
        return self.roots

    @items.setter
    def items(self, value: list[OutlineNode]) -> None:
        if self.plan_part is not None and self.use_plan_part:
            self.plan_part.children = value
        else:
            self.roots = value

    def walk(self) -> Iterator[tuple[int, OutlineNode]]:
        for node in self.items:
            yield from node.walk()

    def levels(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for level, _ in self.walk():
            counts[str(level)] = counts.get(str(level), 0) + 1
        return counts

    def count(self) -> int:
        return sum(1 for _ in self.walk())

    def sections(self) -> list[str]:
        return [node.title for node in self.items]


def _number_label(node: OutlineNode, position: int) -> str:
    """The node's step of its path code: its number (its position when it has none) in its
    style; a paragraph without a style is its position."""
    number = node.number if node.number else position
    style = node.family.partition(":")[2] if node.family.startswith("list") else node.family
    style = style.removesuffix("_nested")  # 一、 numbering a section's parts is still 一、
    return label(style, number) if style in STYLES else str(position)


def renumber(nodes: list[OutlineNode], prefix: str = "") -> None:
    """Codes such as ``一.3`` and ``二.(一).2``: the path of the numbers as written (positions
    for paragraphs that have none)."""
    for position, node in enumerate(nodes, 1):
        label = _number_label(node, position)
        node.code = f"{prefix}.{label}" if prefix else label
        renumber(node.children, node.code)


def to_draft(outline: PlanOutline, title: str | None = None) -> PlanDraft:
    """The plan as the store writes it: lead (as set or confirmed) and support units."""
    def convert(node: OutlineNode) -> ItemDraft:
        units = [m for m in node.units if m.role is not Role.LEAD]
        if node.lead:
            units.insert(0, UnitMention(node.lead, Role.LEAD))
        return ItemDraft(code=node.code, title=node.title, text=node.text, deadline=node.deadline,
                         units=tuple(units), targets=tuple(node.targets),
                         children=[convert(c) for c in node.children],
                         source_ref=f"第{node.paragraph}段")

    return PlanDraft(title=title or outline.title or "工作要点", year=outline.year,
                     preamble=outline.preamble, items=[convert(n) for n in outline.items])
