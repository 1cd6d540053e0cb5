"""The clerk's edits of a parsed outline: the year, the suggested leads, moving items up and
down a level, merging and splitting them, turning an item into body text and a body paragraph
into an item, their titles, units and deadlines."""

from __future__ import annotations

from planner_desktop.domain.deadlines import DeadlineKind, parse_deadline
from planner_desktop.domain.plan_outline.item_text import deadline_of, fill_item
from planner_desktop.domain.plan_outline.markers import UNIT_LINE, lead_marker, rank_of
from planner_desktop.domain.plan_outline.paragraphs import own_span, paragraph_at
from planner_desktop.domain.plan_outline.titles import split_title
from planner_desktop.domain.plan_outline.tree import OutlineNode, PlanOutline, renumber
from planner_desktop.domain.targets import find_targets
from planner_desktop.domain.units import Role, UnitMention


def set_year(outline: PlanOutline, year: int) -> None:
    """The clerk corrected the plan's year: deadlines written without one are dated again."""
    outline.year = year
    for _, node in outline.walk():
        if node.deadline is not None and node.deadline.text:
            node.deadline = parse_deadline(node.deadline.text, year)


def apply_suggestions(outline: PlanOutline, suggest) -> None:
    """Set every item's suggested lead from ``suggest(title, text) -> name``; items whose text
    names its own lead keep it."""
    for _, node in outline.walk():
        node.suggested_lead = suggest(node.title, node.text) or ""
        if node.lead and node.lead != node.suggested_lead:
            node.lead_confirmed = False


def _locate(nodes: list[OutlineNode], node: OutlineNode,
            parent: OutlineNode | None = None) -> tuple[list[OutlineNode], int, OutlineNode | None] | None:
    for index, candidate in enumerate(nodes):
        if candidate is node:
            return nodes, index, parent
        found = _locate(candidate.children, node, candidate)
        if found:
            return found
    return None


def demote(outline: PlanOutline, node: OutlineNode) -> bool:
    """The item becomes the last child of the item before it (False when it is the first)."""
    siblings, index, _ = _require(outline, node)
    if index == 0:
        return False
    siblings.pop(index)
    siblings[index - 1].children.append(node)
    renumber(outline.items)
    return True


def promote(outline: PlanOutline, node: OutlineNode) -> bool:
    """The item moves up a level, after its parent; the siblings that followed it become its
    children, as in Word's outline view (the document order is kept)."""
    siblings, index, parent = _require(outline, node)
    if parent is None:
        return False
    followers = siblings[index + 1:]
    del siblings[index:]
    node.children.extend(followers)
    outer, parent_index, _ = _require(outline, parent)
    outer.insert(parent_index + 1, node)
    renumber(outline.items)
    return True


def merge_with_next(outline: PlanOutline, node: OutlineNode, year: int | None = None) -> bool:
    """The item and the sibling after it become one item (the first one's title, both texts,
    both children, both units)."""
    siblings, index, _ = _require(outline, node)
    if index + 1 >= len(siblings):
        return False
    other = siblings.pop(index + 1)
    node.text = "\n".join(t for t in (node.text, other.full_text()) if t)
    node.children.extend(other.children)
    node.end = max(node.end, other.end)
    node.units.extend(m for m in other.units if m.name not in {u.name for u in node.units})
    refresh(node, year or outline.year)
    renumber(outline.items)
    return True


def split(outline: PlanOutline, node: OutlineNode, at: int, year: int | None = None) -> OutlineNode | None:
    """Split the item's own text at character ``at`` of ``node.text``: the second part becomes
    the next sibling, with the children."""
    siblings, index, _ = _require(outline, node)
    if not 0 < at < len(node.text):
        return None
    first, second = node.text[:at].strip(), node.text[at:].strip()
    if not second:
        return None
    title, text = split_title(second)
    new = OutlineNode(node.family, None, title, text, start=node.start, end=node.end,
                      paragraph=node.paragraph, children=node.children)
    node.children = []
    node.text = first
    siblings.insert(index + 1, new)
    refresh(node, year or outline.year)
    refresh(new, year or outline.year)
    renumber(outline.items)
    return new


def merge_into_previous(outline: PlanOutline, node: OutlineNode) -> OutlineNode | None:
    """The item was body text: its words as written (number and all) join the text of the item
    above it in the tree, which is the one they follow in the document; its units join that
    item's. Its sub-items keep their level: they go under the item's previous sibling, or take
    its place when it was the first of its siblings (there is nothing else at their level for
    them to stand under). Returns the item that took the text (None for the very first item,
    which has nothing above it)."""
    order = [n for _, n in outline.walk()]
    position = next((i for i, n in enumerate(order) if n is node), None)
    if not position:
        return None
    previous = order[position - 1]
    siblings, index, _ = _require(outline, node)
    start, end = own_span(outline, node)
    words = "\n".join(line.strip() for line in outline.source[start:end].split("\n")
                      if line.strip() and not UNIT_LINE.match(line.strip()))
    previous.text = "\n".join(t for t in (previous.text, words) if t)
    previous.end = max(previous.end, end)
    known = {m.name for m in previous.units}
    previous.units.extend(m for m in node.units if m.name not in known)
    if previous.deadline is None:
        previous.deadline = node.deadline
    siblings.pop(index)
    if index > 0:
        siblings[index - 1].children.extend(node.children)
    else:
        siblings[index:index] = node.children
    refresh(previous, outline.year)
    renumber(outline.items)
    return previous


def split_paragraph(outline: PlanOutline, node: OutlineNode, position: int) -> OutlineNode | None:
    """A body paragraph of the item (the one holding source offset ``position``) becomes an
    item, with the paragraphs after it up to the next item, as a document reads: the words
    after a heading are its own. It is the item's first sub-item (before the sub-items it
    has), unless it starts with a number of the item's own level or a higher one, or both are
    unnumbered paragraphs: then it is the next item at that level and takes the item's
    sub-items, which follow it in the document. The item's title paragraph and its labelled
    fields (责任单位：…) are no items: None."""
    paragraph = paragraph_at(outline, node, position)
    if paragraph is None or paragraph.kind != "body":
        return None
    _, end = own_span(outline, node)
    words = outline.source[paragraph.start:end].strip()
    head = words.split("\n", 1)[0].strip()
    cut = node.text.find(head[:12])
    if cut < 0:
        return None  # the words went into the title (run-on text): 拆分 at the cursor serves
    marker = lead_marker(words)
    family, number, length = (marker[0], marker[1], marker[2]) if marker else ("para", 0, 0)
    new = OutlineNode(family, number, "", start=paragraph.start, end=end,
                      paragraph=paragraph.number)
    siblings, index, _ = _require(outline, node)
    if family == node.family == "para" or (marker and rank_of(family) <= rank_of(node.family)):
        new.children, node.children = node.children, []
        siblings.insert(index + 1, new)
    else:
        node.children.insert(0, new)
    fill_item(new, words[length:], outline.year, outline.known_units)
    node.text = node.text[:cut].strip()
    node.end = min(node.end, paragraph.start)
    if node.deadline and node.deadline.text in words and node.deadline.text not in node.full_text():
        node.deadline = None  # its words went with the paragraphs
    refresh(node, outline.year)
    renumber(outline.items)
    return new


def rename(node: OutlineNode, title: str) -> None:
    node.title = title.strip()
    node.edited = True


def set_units(node: OutlineNode, lead: str, support: list[str]) -> None:
    """The clerk's units replace what was read from the text; a lead the clerk sets is
    confirmed."""
    mentions = [UnitMention(lead.strip(), Role.LEAD)] if lead.strip() else []
    mentions += [UnitMention(name.strip(), Role.SUPPORT) for name in support
                 if name.strip() and name.strip() != lead.strip()]
    node.units = mentions
    node.lead_confirmed = bool(lead.strip())


def set_deadline(node: OutlineNode, text: str, year: int) -> None:
    node.deadline = parse_deadline(text, year) if text.strip() else None


def confirm_suggestion(node: OutlineNode) -> None:
    if node.suggested_lead:
        node.lead_confirmed = True


def refresh(node: OutlineNode, year: int) -> None:
    """Targets and deadline again after the text changed."""
    node.targets = find_targets(node.full_text())
    written = deadline_of(node.full_text(), year)
    if written is not None or (node.deadline and node.deadline.kind is not DeadlineKind.NONE):
        node.deadline = written or node.deadline


def _require(outline: PlanOutline, node: OutlineNode):
    found = _locate(outline.items, node)
    if found is None:
        raise ValueError("node is not in the outline")
    return found
