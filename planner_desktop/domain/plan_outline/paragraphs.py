"""The paragraphs an item was read from, as the clerk checks them in the preview.

The parser folds body paragraphs and labelled lines into the item above them, so a node keeps
only where its words start. What belongs to an item is therefore the source from its start to
the start of the next item in document order: its title line, the body paragraphs and the
labelled fields after it, up to its first sub-item or next sibling. Deriving it so (rather
than storing it at parse time) keeps it right after every edit of the tree: an item merged
into the text above simply stops being a boundary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner_desktop.domain.plan_outline.tree import OutlineNode, PlanOutline

# A line that opens with a short label and a colon (目标任务：, 责任单位：, 完成时限：) is a field of
# the item, shown as such; which labels carry units or deadlines is item_text's business.
_FIELD = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]")


@dataclass(frozen=True)
class ItemParagraph:
    """One paragraph of an item: ``start``/``end`` in ``outline.source`` (clipped to the item's
    words when an item starts inside a paragraph, as 一是… does), ``number`` the paragraph of the
    file (第 N 段), ``kind`` one of ``title``, ``body``, ``field``; ``title`` is where the item's
    title stands in ``text`` (None when the clerk renamed it or it was cut from run-on text)."""

    number: int
    start: int
    end: int
    text: str
    kind: str
    title: tuple[int, int] | None = None


def all_nodes(outline: PlanOutline) -> list[OutlineNode]:
    """Every node of the document (the whole tree, not only the plan part), in document order."""
    return [node for root in outline.roots for _, node in root.walk()]


def own_span(outline: PlanOutline, node: OutlineNode) -> tuple[int, int]:
    """Where the item's own words are in the source: from its start to the next item's."""
    later = [n.start for n in all_nodes(outline) if n.start > node.start]
    return node.start, min(later, default=len(outline.source))


def paragraph_number(outline: PlanOutline, line: int) -> int:
    """第 N 段 of the source's ``line`` (0-based): the file's own paragraph where the reader said
    so, else the line's place in the cleaned text."""
    numbers = outline.line_paragraphs
    return numbers[line] if line < len(numbers) else line + 1


def paragraphs_of(outline: PlanOutline, node: OutlineNode) -> list[ItemParagraph]:
    """The paragraphs the item was read from, in order; the first is its title paragraph."""
    start, end = own_span(outline, node)
    source = outline.source
    found: list[ItemParagraph] = []
    line_start = source.rfind("\n", 0, start) + 1
    line = source.count("\n", 0, line_start)
    while line_start < end:
        line_end = source.find("\n", line_start)
        line_end = len(source) if line_end < 0 else line_end
        begin, finish = max(line_start, start), min(line_end, end)
        text = source[begin:finish]
        if text.strip():
            found.append(_paragraph(outline, node, line, begin, finish, text, not found))
        line_start, line = line_end + 1, line + 1
    return found


def _paragraph(outline: PlanOutline, node: OutlineNode, line: int, begin: int, end: int,
               text: str, first: bool) -> ItemParagraph:
    title = None
    if first and node.title:
        at = text.find(node.title.rstrip("…"))
        title = (at, at + len(node.title.rstrip("…"))) if at >= 0 else None
    kind = "title" if first else "field" if _FIELD.match(text.strip()) else "body"
    return ItemParagraph(paragraph_number(outline, line), begin, end, text, kind, title)


def paragraph_at(outline: PlanOutline, node: OutlineNode, position: int) -> ItemParagraph | None:
    """The item's paragraph holding source offset ``position``."""
    return next((p for p in paragraphs_of(outline, node) if p.start <= position <= p.end), None)
