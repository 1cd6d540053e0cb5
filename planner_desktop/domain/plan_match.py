"""Which plan in the ledger a file belongs to, and how its items line up with that plan's.

A bureau's plan reaches the clerk twice: as the document (工作要点, .docx) and as the task
list issued with it (任务分解表, .xlsx), in either order. They are one plan: the list adds
who does what by when (and often a level of measures under each item), the document adds the
wording. Imported separately they made two plans, so the second file is *joined* to the plan
the first one made instead:

- the plan is found by its year and its title, compared without the words that differ
  between the two files (年份, 任务分解表, 责任分工, ××), or else by how many items the two
  trees share;
- items are matched level by level: the same code (as written, 一、/（一）/1., or as a path
  step, 一.(一).1) with a similar title, else a similar title under the same parent (the
  list numbers its tasks 1–35 straight through where the document restarts at each part),
  else the same title elsewhere in the plan (a flat list against a plan with parts);
- what is not matched is new, and goes where the file puts it among the plan's items; the
  plan's items the file does not mention stay as they are (a join never removes anything).

A revised edition of the same file is another matter (``plan_diff``): there, an item dropped
from the file goes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import Enum

from planner_desktop.domain.model import ItemDraft, PlanDraft
from planner_desktop.domain.outline_codes import read_code
from planner_desktop.domain.plan_diff import draft_units, key

# Below this, two titles under the same code are different items that took the same number.
SAME_CODE_SIMILARITY = 0.5
# Two titles with different codes: the same item only when (nearly) the same words.
SIMILAR_TITLE = 0.75
# A plan whose title does not match is still the file's plan when this share of the smaller
# tree is matched (and at least MIN_SHARED items): a list titled by its file name.
SHARED_ITEMS = 0.5
MIN_SHARED = 3
PLAN_TITLE_SIMILARITY = 0.75
# Titles compared word by word (difflib) for at most this many pairs per parent: the items
# left after the lookups by code and by title are a handful in practice.
SIMILARITY_PAIRS = 50_000
# Words that name the kind of file rather than the plan: 《…工作要点》 and 《…工作要点任务分解表》
# are one plan.
FILE_KIND_WORDS = ("重点工作任务分解表", "工作任务分解表", "任务分解表", "责任分解表", "分解表",
                   "责任分工表", "责任分工", "任务分工", "分工方案", "重点任务清单", "任务清单",
                   "工作清单", "清单", "督办台账", "工作台账", "台账", "一览表", "推进表")
PLACEHOLDERS = re.compile(r"[×xX＊*○Ｘ]+|20\d\d\s*年?度?")


class MatchedBy(Enum):
    CODE = "code"  # the same code and a similar title
    TITLE = "title"  # the same or a similar title under a different code


@dataclass(frozen=True)
class PlanNode:
    """An item of the plan in the ledger, as far as matching and filling it need."""

    id: int
    parent_id: int | None
    position: int
    code: str
    title: str
    text: str = ""
    deadline_text: str = ""
    units: tuple[str, ...] = ()  # the units it is assigned to
    due_set_by_hand: bool = False


@dataclass(frozen=True)
class MergePolicy:
    """What the file brings to the items it shares with the plan.

    A task list brings units and deadlines (its deadlines replace the plan's: the list is
    where they are set); a plan document brings the wording (title, text, code, targets), and
    a deadline only where the item has none. Units are only ever added.
    """

    wording: bool
    deadlines_win: bool


TASK_LIST = MergePolicy(wording=False, deadlines_win=True)
PLAN_DOCUMENT = MergePolicy(wording=True, deadlines_win=False)


@dataclass
class ItemMatch:
    node: PlanNode
    draft: ItemDraft
    by: MatchedBy
    units_added: tuple[str, ...] = ()
    deadline: str = ""  # the deadline written onto the item ('' when it keeps its own)
    reworded: bool = False  # title, text or code taken from the file

    @property
    def fills(self) -> bool:
        return bool(self.units_added or self.deadline or self.reworded)


@dataclass
class NewItem:
    """A branch of the file the plan lacks: written with its children under ``parent_id``."""

    draft: ItemDraft
    parent_id: int | None


@dataclass
class PlanMatch:
    matched: list[ItemMatch] = field(default_factory=list)
    new: list[NewItem] = field(default_factory=list)
    unmentioned: list[PlanNode] = field(default_factory=list)
    # The children of each parent (None: the top level) that gets new items, in their order
    # after the join: plan item ids and new drafts.
    order: dict[int | None, list[int | ItemDraft]] = field(default_factory=dict)

    def new_count(self) -> int:
        return sum(1 for item in self.new for _ in item.draft.walk())

    def units_added(self) -> int:
        return sum(len(m.units_added) for m in self.matched) + sum(
            len(d.units) for item in self.new for _, d in item.draft.walk())

    def deadlines_added(self) -> int:
        return sum(bool(m.deadline) for m in self.matched) + sum(
            d.deadline is not None for item in self.new for _, d in item.draft.walk())

    def summary(self) -> dict[str, int]:
        return {"matched": len(self.matched), "new_items": self.new_count(),
                "unmentioned": len(self.unmentioned), "filled": sum(m.fills for m in self.matched),
                "units_added": self.units_added(), "deadlines_added": self.deadlines_added()}

    def shared_share(self, plan_size: int, file_size: int) -> float:
        """The share of the smaller tree that is matched (0 when either is empty)."""
        smaller = min(plan_size, file_size)
        return len(self.matched) / smaller if smaller else 0.0


# -- the plan ---------------------------------------------------------------------------------

def plan_title_key(title: str) -> str:
    """A plan's title without what differs between its files: the year, ×× placeholders,
    the words naming the kind of file, quotes and punctuation."""
    text = PLACEHOLDERS.sub("", key(title))
    text = re.sub(r"[《》“”\"'‘’（）()〔〕\[\]【】、，,.．。:：;；\-—]", "", text)
    changed = True
    while changed:
        changed = False
        for word in FILE_KIND_WORDS:
            if text.endswith(word) and len(text) > len(word):
                text, changed = text[: -len(word)], True
    return text


def plan_titles_match(a: str, b: str) -> bool:
    first, second = plan_title_key(a), plan_title_key(b)
    if not first or not second:
        return False
    if first == second:
        return True
    shorter, longer = sorted((first, second), key=len)
    if len(shorter) >= 6 and shorter in longer:
        return True
    return SequenceMatcher(None, first, second).ratio() >= PLAN_TITLE_SIMILARITY


@dataclass(frozen=True)
class PlanCandidate:
    """A plan in the ledger, as offered under 导入到."""

    id: int
    title: str
    year: int
    items: int = 0


def plan_matches(candidate: PlanCandidate, nodes: Sequence[PlanNode], plan: PlanDraft) -> float:
    """How well ``plan`` (a file) fits ``candidate``: 0 when it does not (another year, another
    title and few items in common); else 1 for a matching title, or the share of items shared."""
    if candidate.year != plan.year:
        return 0.0
    if plan_titles_match(candidate.title, plan.title):
        return 1.0
    match = match_plan(nodes, plan.items)
    share = match.shared_share(len(nodes), plan.count_items())
    return share if share >= SHARED_ITEMS and len(match.matched) >= MIN_SHARED else 0.0


# -- the items ----------------------------------------------------------------------------------

def own_code(code: str) -> tuple[str, int] | None:
    """The item's own number, in the form two files' codes of one item compare equal:
    ``一、`` and ``一``; ``（1）`` and ``(1)``; ``1.``, ``1`` and the last step of ``一.1``."""
    code = code.strip()
    if not code:
        return None
    found = read_code(code)
    if found is None and "." in code.rstrip("."):
        found = read_code(code.rstrip(".").rsplit(".", 1)[1])
    return found


def title_similarity(a: str, b: str) -> float:
    """1 for the same words; nearly 1 when one title is the start of the other (a list's
    cell holding the title and the first sentence, a document's title cut at its full
    stop); else how much of the wording they share."""
    first, second = key(a), key(b)
    if not first or not second:
        return 0.0
    if first == second:
        return 1.0
    shorter, longer = sorted((first, second), key=len)
    if len(shorter) >= 4 and longer.startswith(shorter):
        return 0.95
    return SequenceMatcher(None, first, second).ratio()


def match_plan(nodes: Sequence[PlanNode], drafts: Sequence[ItemDraft],
               units_of: Callable[[ItemDraft], tuple[str, ...]] = draft_units,
               policy: MergePolicy = TASK_LIST) -> PlanMatch:
    """Line the file's item tree (``drafts``) up with the plan's (``nodes``).

    ``units_of`` gives the unit names a draft resolves to (the store passes the roster's
    resolution, so 基教股 and 基础教育股 are one unit); ``policy`` says what a matched item
    takes from the file.
    """
    return _Matcher(nodes, units_of, policy).run(drafts)


class _Matcher:
    def __init__(self, nodes: Sequence[PlanNode], units_of: Callable[[ItemDraft], tuple[str, ...]],
                 policy: MergePolicy) -> None:
        self.nodes = list(nodes)
        self.units_of, self.policy = units_of, policy
        self.children: dict[int | None, list[PlanNode]] = {}
        for node in sorted(self.nodes, key=lambda n: (n.position, n.id)):
            self.children.setdefault(node.parent_id, []).append(node)
        self.free = {node.id for node in self.nodes}
        self.keys = {node.id: key(node.title) for node in self.nodes}
        self.by_title: dict[str, list[PlanNode]] = {}
        for node in self.nodes:
            self.by_title.setdefault(self.keys[node.id], []).append(node)
        self.result = PlanMatch()

    def run(self, drafts: Sequence[ItemDraft]) -> PlanMatch:
        self.level(None, drafts)
        self.result.unmentioned = [n for n in self.in_outline_order() if n.id in self.free]
        return self.result

    def in_outline_order(self) -> Iterable[PlanNode]:
        def walk(parent: int | None) -> Iterable[PlanNode]:
            for node in self.children.get(parent, []):
                yield node
                yield from walk(node.id)
        return walk(None)

    def take(self, node: PlanNode) -> PlanNode:
        self.free.discard(node.id)
        return node

    def pair(self, siblings: list[PlanNode], drafts: Sequence[ItemDraft]
             ) -> dict[int, tuple[PlanNode, MatchedBy]]:
        """id(draft) → its plan item, for the drafts of one parent against its children.

        Looked up by code and by exact title first (dicts: a 5,000-row list against a plan
        of 5,000 items stays linear); titles are compared word by word only for what is
        left, and only while that stays within SIMILARITY_PAIRS comparisons."""
        pairs: dict[int, tuple[PlanNode, MatchedBy]] = {}
        by_code: dict[tuple[str, int], list[PlanNode]] = {}
        by_title: dict[str, list[PlanNode]] = {}
        for node in siblings:
            if node.id in self.free:
                code = own_code(node.code)
                if code is not None:
                    by_code.setdefault(code, []).append(node)
                by_title.setdefault(self.keys[node.id], []).append(node)
        for draft in drafts:  # the same code, a similar title
            code = own_code(draft.code)
            for node in by_code.get(code, []) if code is not None else []:
                if node.id in self.free and \
                        title_similarity(node.title, draft.title) >= SAME_CODE_SIMILARITY:
                    pairs[id(draft)] = (self.take(node), MatchedBy.CODE)
                    break
        for draft in drafts:  # the same title under the same parent
            if id(draft) not in pairs:
                found = next((n for n in by_title.get(key(draft.title), []) if n.id in self.free), None)
                if found is not None:
                    pairs[id(draft)] = (self.take(found), MatchedBy.TITLE)
        left = [d for d in drafts if id(d) not in pairs]
        free = [n for n in siblings if n.id in self.free]
        if left and free and len(left) * len(free) <= SIMILARITY_PAIRS:
            for draft in left:  # a similar title under the same parent
                scored = [(title_similarity(n.title, draft.title), n) for n in free if n.id in self.free]
                best = max(scored, key=lambda pair: pair[0], default=None)
                if best is not None and best[0] >= SIMILAR_TITLE:
                    pairs[id(draft)] = (self.take(best[1]), MatchedBy.TITLE)
        for draft in drafts:  # the same title elsewhere, if only one item has it
            if id(draft) in pairs:
                continue
            found = [n for n in self.by_title.get(key(draft.title), []) if n.id in self.free]
            if len(found) == 1:
                pairs[id(draft)] = (self.take(found[0]), MatchedBy.TITLE)
        return pairs

    def level(self, parent_id: int | None, drafts: Sequence[ItemDraft]) -> None:
        siblings = self.children.get(parent_id, [])
        pairs = self.pair(siblings, drafts)
        new_here: list[ItemDraft] = []
        for draft in drafts:
            if id(draft) in pairs:
                node, by = pairs[id(draft)]
                self.result.matched.append(self.filled(node, draft, by))
                self.level(node.id, draft.children)
            else:
                self.result.new.append(NewItem(draft, parent_id))
                new_here.append(draft)
        if new_here:
            self.result.order[parent_id] = merged_order(siblings, drafts, pairs)

    def filled(self, node: PlanNode, draft: ItemDraft, by: MatchedBy) -> ItemMatch:
        units = tuple(u for u in self.units_of(draft) if u not in node.units)
        deadline = ""
        if draft.deadline is not None and draft.deadline.text and not node.due_set_by_hand \
                and key(draft.deadline.text) != key(node.deadline_text) \
                and (self.policy.deadlines_win or not node.deadline_text):
            deadline = draft.deadline.text
        reworded = self.policy.wording and (
            key(node.title) != key(draft.title) or key(node.text) != key(draft.text)
            or node.code != draft.code)
        return ItemMatch(node, draft, by, units, deadline, reworded)


def merged_order(siblings: list[PlanNode], drafts: Sequence[ItemDraft],
                 pairs: dict[int, tuple[PlanNode, MatchedBy]]) -> list[int | ItemDraft]:
    """The children of one parent after the join: the plan's in their order, each new draft
    after the plan item matched to the draft before it in the file (the drafts before the
    first one matched here go before it; all go at the end when none is matched here)."""
    here = {n.id for n in siblings}
    before: list[ItemDraft] = []  # the new drafts ahead of the first matched one
    after: dict[int | None, list[ItemDraft]] = {}
    last: int | None = None  # the plan item of the latest draft matched here
    first: int | None = None
    for draft in drafts:
        found = pairs.get(id(draft))
        if found is not None and found[0].id in here:
            last = found[0].id
            first = last if first is None else first
        elif found is None:
            (before if last is None else after.setdefault(last, [])).append(draft)
    order: list[int | ItemDraft] = []
    for node in siblings:
        if node.id == first:
            order.extend(before)
        order.append(node.id)
        order.extend(after.get(node.id, []))
    if first is None:
        order.extend(before)
    return order


# -- the preview ----------------------------------------------------------------------------------

class RowState(Enum):
    MATCHED = "matched"
    NEW = "new"
    UNMENTIONED = "unmentioned"


@dataclass
class JoinedRow:
    """One row of the plan's tree as the join would leave it, for the preview."""

    state: RowState
    code: str
    title: str
    by: MatchedBy | None = None
    file_code: str = ""  # the code the file gives a matched item, when it differs
    units_added: tuple[str, ...] = ()
    deadline: str = ""
    draft: ItemDraft | None = None  # the file's item (none for an item it does not mention)
    children: list[JoinedRow] = field(default_factory=list)


def joined_tree(nodes: Sequence[PlanNode], match: PlanMatch,
                units_of: Callable[[ItemDraft], tuple[str, ...]] = draft_units) -> list[JoinedRow]:
    """The plan's tree with the file's items matched, added where they go, and the plan's own
    items the file does not mention marked so."""
    by_node = {m.node.id: m for m in match.matched}
    children: dict[int | None, list[PlanNode]] = {}
    for node in sorted(nodes, key=lambda n: (n.position, n.id)):
        children.setdefault(node.parent_id, []).append(node)
    by_id = {n.id: n for n in nodes}

    def new_row(draft: ItemDraft) -> JoinedRow:
        return JoinedRow(RowState.NEW, draft.code, draft.title, units_added=units_of(draft),
                         deadline=draft.deadline.text if draft.deadline else "", draft=draft,
                         children=[new_row(c) for c in draft.children])

    def rows(parent: int | None) -> list[JoinedRow]:
        order = match.order.get(parent) or [n.id for n in children.get(parent, [])]
        out = []
        for entry in order:
            if isinstance(entry, ItemDraft):
                out.append(new_row(entry))
                continue
            node, found = by_id[entry], by_node.get(entry)
            if found is None:
                out.append(JoinedRow(RowState.UNMENTIONED, node.code, node.title, children=rows(entry)))
            else:
                out.append(JoinedRow(
                    RowState.MATCHED, node.code, node.title, by=found.by,
                    file_code=found.draft.code if own_code(found.draft.code) != own_code(node.code) else "",
                    units_added=found.units_added, deadline=found.deadline, draft=found.draft,
                    children=rows(entry)))
        return out

    return rows(None)
