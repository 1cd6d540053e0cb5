"""What a revised task list changes in a plan already in the ledger.

Offices re-issue their lists (a deadline moved, a unit added, an item split). Importing the
revision as a second plan would double every item and lose the progress recorded against
the first; instead the items are matched and only the differences are applied. An item is
matched by its outline path (the codes from the top: 一、 › （二） › 3.) and, failing that, by
its title, so renumbered items keep their history.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from planner_desktop.domain.model import ItemDraft, PlanDraft
from planner_desktop.domain.text import compact, to_simplified


@dataclass(frozen=True)
class StoredItem:
    """An item of the plan as the ledger holds it, with what a revision may change."""

    id: int
    parent_id: int | None
    code: str
    title: str
    text: str
    deadline_text: str
    units: tuple[str, ...]  # the units it is assigned to, sorted
    has_history: bool  # some unit reported on it: never deleted by a revision


@dataclass
class ItemChange:
    stored: StoredItem
    draft: ItemDraft
    fields: list[str]  # which of 标题/内容/完成时限/单位 differ


@dataclass
class PlanDiff:
    added: list[ItemDraft] = field(default_factory=list)
    changed: list[ItemChange] = field(default_factory=list)
    unchanged: list[tuple[StoredItem, ItemDraft]] = field(default_factory=list)
    removed: list[StoredItem] = field(default_factory=list)
    kept: list[StoredItem] = field(default_factory=list)  # gone from the file but has history

    def matched_id(self, draft: ItemDraft) -> int | None:
        for stored, matched in self.unchanged:
            if matched is draft:
                return stored.id
        for change in self.changed:
            if change.draft is draft:
                return change.stored.id
        return None

    def summary(self) -> dict[str, int]:
        return {"added": len(self.added), "changed": len(self.changed),
                "unchanged": len(self.unchanged), "removed": len(self.removed), "kept": len(self.kept)}


def key(text: str) -> str:
    return to_simplified(compact(text)).rstrip("、.．。")


def draft_paths(plan: PlanDraft) -> Iterator[tuple[tuple[str, ...], ItemDraft, ItemDraft | None]]:
    """(path of code-or-title keys, draft, parent draft) in outline order."""
    def walk(items: list[ItemDraft], prefix: tuple[str, ...], parent: ItemDraft | None):
        for item in items:
            path = (*prefix, key(item.code) or key(item.title))
            yield path, item, parent
            yield from walk(item.children, path, item)
    yield from walk(plan.items, (), None)


def stored_paths(items: list[StoredItem]) -> dict[tuple[str, ...], StoredItem]:
    by_id = {i.id: i for i in items}

    def path(item: StoredItem) -> tuple[str, ...]:
        parts = []
        node: StoredItem | None = item
        while node is not None:
            parts.append(key(node.code) or key(node.title))
            node = by_id.get(node.parent_id) if node.parent_id is not None else None
        return tuple(reversed(parts))

    return {path(i): i for i in items}


def draft_units(draft: ItemDraft) -> tuple[str, ...]:
    return tuple(sorted({m.name for m in draft.units}))


def similar(a: str, b: str) -> bool:
    """Reworded rather than replaced: at least half of the wording in common."""
    return SequenceMatcher(None, key(a), key(b)).ratio() >= 0.5


def differences(stored: StoredItem, draft: ItemDraft,
                units_of: Callable[[ItemDraft], tuple[str, ...]] = draft_units) -> list[str]:
    found = []
    if key(stored.title) != key(draft.title):
        found.append("标题")
    if key(stored.text) != key(draft.text):
        found.append("内容")
    if key(stored.deadline_text) != key(draft.deadline.text if draft.deadline else ""):
        found.append("完成时限")
    if stored.units != units_of(draft):
        found.append("单位")
    return found


def diff_plan(stored: list[StoredItem], revised: PlanDraft,
              units_of: Callable[[ItemDraft], tuple[str, ...]] = draft_units) -> PlanDiff:
    """Match the revision's items to the stored ones and say what would change.

    ``units_of`` gives the unit names a draft item resolves to (the store passes the roster's
    resolution, so 基教股 and 基础教育股 compare equal). The children of an added item are
    added with it (``added`` lists only the top of each new branch).
    """
    diff = PlanDiff()
    by_path = stored_paths(stored)
    unmatched: dict[int, StoredItem] = {i.id: i for i in stored}
    by_title: dict[str, StoredItem] = {}
    for item in stored:
        by_title.setdefault(key(item.title), item)
    drafts = list(draft_paths(revised))
    matches: dict[int, StoredItem] = {}  # id(draft) → stored item
    # First the same title anywhere (renumbered items keep their history), then the same place
    # in the outline with a similar title (a reworded item), never a different item that
    # happens to have taken a dropped item's number.
    for _path, draft, _parent in drafts:
        found = by_title.get(key(draft.title))
        if found is not None and found.id in unmatched:
            matches[id(draft)] = unmatched.pop(found.id)
    for path, draft, _parent in drafts:
        found = by_path.get(path)
        if id(draft) not in matches and found is not None and found.id in unmatched \
                and similar(found.title, draft.title):
            matches[id(draft)] = unmatched.pop(found.id)
    new_branches: set[int] = set()  # id() of drafts written as new, with their children
    for _path, draft, parent in drafts:
        if parent is not None and id(parent) in new_branches:
            new_branches.add(id(draft))
            found = matches.pop(id(draft), None)
            if found is not None:
                unmatched[found.id] = found  # its new parent is new: it is written anew
            continue
        found = matches.get(id(draft))
        if found is not None:
            record(diff, found, draft, units_of)
        else:
            new_branches.add(id(draft))
            diff.added.append(draft)
    for item in unmatched.values():
        (diff.kept if item.has_history else diff.removed).append(item)
    return diff


def record(diff: PlanDiff, stored: StoredItem, draft: ItemDraft,
           units_of: Callable[[ItemDraft], tuple[str, ...]]) -> None:
    fields = differences(stored, draft, units_of)
    if fields:
        diff.changed.append(ItemChange(stored, draft, fields))
    else:
        diff.unchanged.append((stored, draft))
