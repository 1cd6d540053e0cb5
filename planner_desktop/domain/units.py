"""Units named in a cell, their roles, and their resolution against the roster.

Task lists write units every way: ``基教股、安全股``, line breaks, ``机关党委牵头``,
``牵头：办公室；配合：人事股``, groups such as ``各中小学（园）``. This module splits and
marks them, and resolves names through aliases and groups. A name it cannot resolve stays
unknown for the clerk to map: it never guesses (基教股 is matched to 基础教育股 only through
an alias, never by similarity), because an assignment sent to the wrong section is a task
nobody does. Reading the roster workbook into ``RosterUnit``s and ``GroupRule``s is
``exchange/roster.py``'s.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from planner_desktop.domain.text import compact, normalise, to_simplified
from planner_desktop.domain.unit_groups import GROUP_WORD_KEYS, group_selector


class Role(StrEnum):
    LEAD = "lead"  # 牵头
    SUPPORT = "support"  # 配合
    CARRY = "carry"  # 落实: a school carrying it out


ROLE_LABELS = {Role.LEAD: "牵头", Role.SUPPORT: "配合", Role.CARRY: "落实"}
# Lower is stronger: a unit named both as lead and as support is the lead.
ROLE_STRENGTH = {Role.LEAD: 0, Role.SUPPORT: 1, Role.CARRY: 2}


class UnitKind(StrEnum):
    SECTION = "股室"
    SCHOOL = "学校"


@dataclass(frozen=True)
class UnitMention:
    name: str
    role: Role | None = None  # None: the cell did not say


@dataclass(frozen=True)
class UnitChoice:
    """What the clerk decided, in an import's preview, for a name not in the roster: map it
    to a roster unit (remembered as an alias), or create a unit of a kind."""

    alias_of: str | None = None  # an existing unit's name: remembered as an alias
    create_kind: str | None = None  # 股室 or 学校
    # Kept waiting for the roster: a group word, or a name a roster will give as an alias.
    pending: bool = False


def unit_choice_arguments(choices: Mapping[str, UnitChoice]) -> dict:
    """The clerk's choices as the plan writers take them: ``new_aliases`` (name → roster unit),
    ``new_unit_kinds`` (name → kind of the unit to create) and ``pending_names``."""
    return {"new_aliases": {name: c.alias_of for name, c in choices.items() if c.alias_of},
            "new_unit_kinds": {name: c.create_kind for name, c in choices.items()
                               if c.create_kind},
            "pending_names": [name for name, c in choices.items() if c.pending]}


# --- splitting and marking a cell -------------------------------------------------------------

# The longest a unit's name may be (the longest real ones, 县教育和体育局基础教育与教师发展股 or
# a school with its town and 附属幼儿园, run to 20–30 characters). A longer "name" is a
# sentence or pasted text, never made into a unit: the importers warn about it instead.
MAX_UNIT_NAME_CHARS = 50

# After ``normalise`` the full-width ，；：／ are half-width. 、 and spaces separate the names of
# one list; the others also end a clause, which limits how far a role mark reaches.
_LIST_SEPARATORS = "、 /"
_CLAUSE_SEPARATORS = ",;"

_LABEL = re.compile(
    r"(牵头单位|牵头股室|牵头部门|牵头科室|主责单位|主办单位|牵头"
    r"|配合单位|配合股室|配合部门|配合科室|协办单位|配合|协办"
    r"|责任学校|落实学校"
    r"|责任单位|责任股室|责任部门|责任科室|承办单位)\s*:\s*"
)
_LABEL_ROLES = (("牵头", Role.LEAD), ("主", Role.LEAD), ("配合", Role.SUPPORT),
                ("协办", Role.SUPPORT), ("责任学校", Role.CARRY), ("落实", Role.CARRY))

# A mark in brackets belongs to its own name only: 机关党委（牵头）、人事股.
_MARK_WORDS = "牵头|负责|主责|配合|协办|参与|落实"
_BRACKET_MARK = re.compile(rf"^（({_MARK_WORDS})）|（({_MARK_WORDS})）$")
# A mark written after a list covers the list: 基教股、安全股配合.
_SUFFIX_MARK = re.compile(r"(?:为)?(牵头负责|牵头单位|牵头|负责|主责|配合单位|配合|协办|参与)$")
_MARK_ROLES = {"牵头负责": Role.LEAD, "牵头单位": Role.LEAD, "牵头": Role.LEAD,
               "负责": Role.LEAD, "主责": Role.LEAD, "配合单位": Role.SUPPORT,
               "配合": Role.SUPPORT, "协办": Role.SUPPORT, "参与": Role.SUPPORT,
               "落实": Role.CARRY}


def _split_outside_brackets(text: str, separators: str) -> list[str]:
    """Pieces of ``text`` cut at ``separators`` that are not inside （…）."""
    bounds = [-1, *_cuts_outside_brackets(text, separators), len(text)]
    return [text[start + 1:end] for start, end in itertools.pairwise(bounds)]


def _cuts_outside_brackets(text: str, separators: str) -> list[int]:
    """Where ``text`` has one of ``separators`` that is not inside （…）."""
    cuts, depth = [], 0
    for position, ch in enumerate(text):
        if ch == "（":
            depth += 1
        elif ch == "）":
            depth = max(0, depth - 1)
        elif ch in separators and depth == 0:
            cuts.append(position)
    return cuts


def _list_pieces(text: str, known: frozenset[str]) -> list[str]:
    """``text`` cut at list separators, except that a run of pieces which together make a
    known name (``办公室 / 党建办``, ``教 研 室``, ``城关镇 （中心） 学校``: a roster unit,
    alias or group, compared by :func:`name_key`) stays one piece: cut, it would be three
    unknown units. The longest known run from each piece wins; runs are tried only up to
    a few times the longest name, so a pasted wall of text is cut in linear time."""
    separators = _LIST_SEPARATORS + _CLAUSE_SEPARATORS
    bounds = [-1, *_cuts_outside_brackets(text, separators), len(text)]
    count = len(bounds) - 1
    if count == 1 or not known:
        return [text[start + 1:end] for start, end in itertools.pairwise(bounds)]
    pieces, first = [], 0
    while first < count:
        last = first
        for end in range(first + 1, count):
            run = text[bounds[first] + 1:bounds[end + 1]]
            if len(run) > 3 * MAX_UNIT_NAME_CHARS:
                break
            if _is_known(run, known):
                last = end
        pieces.append(text[bounds[first] + 1:bounds[last + 1]])
        first = last + 1
    return pieces


def _is_known(piece: str, known: frozenset[str]) -> bool:
    """Whether ``piece`` names a known unit, with or without a role mark (…牵头, …（配合）)."""
    name = _clean_name(piece)
    return name_key(name) in known or name_key(_strip_mark(name)[0]) in known


def _clean_name(name: str) -> str:
    """A name without the filler around it: 由…, …等, end punctuation."""
    name = name.strip().strip("。.:").strip()
    name = name.removeprefix("由")
    if len(name) > 1 and name.endswith("等"):
        name = name[:-1]
    return name.strip()


def split_unit_names(cell: str | None, known: frozenset[str] = frozenset()) -> list[str]:
    """Names in a cell; separators inside brackets (各中小学（园、所）) do not split, nor do
    those inside a ``known`` name (keys of :func:`name_key`, as ``Roster.known_keys`` gives)."""
    return [name for name in map(_clean_name, _list_pieces(normalise(cell or ""), known)) if name]


def _label_segments(text: str) -> list[tuple[Role | None, str]]:
    """The cell cut at labels such as 牵头： and 配合单位：, each part with the role it names."""
    segments: list[tuple[Role | None, str]] = []
    role: Role | None = None
    position = 0
    for match in _LABEL.finditer(text):
        segments.append((role, text[position:match.start()]))
        label = match.group(1)
        role = next((r for word, r in _LABEL_ROLES if label.startswith(word)), None)
        position = match.end()
    segments.append((role, text[position:]))
    return [(r, s) for r, s in segments if s.strip(" ,;\n")]


def _strip_mark(name: str) -> tuple[str, Role | None, bool]:
    """(name, role it marks, whether the mark covers the whole list)."""
    bracket = _BRACKET_MARK.search(name)
    if bracket:
        word = bracket.group(1) or bracket.group(2)
        return _clean_name(_BRACKET_MARK.sub("", name)), _MARK_ROLES[word], False
    suffix = _SUFFIX_MARK.search(name)
    if suffix and suffix.start() > 0:
        return _clean_name(name[:suffix.start()]), _MARK_ROLES[suffix.group(1)], True
    return name, None, False


def _parse_clause(clause: str, role: Role | None, known: frozenset[str]) -> list[UnitMention]:
    """A mark after a name covers the unmarked names before it back to the previous mark.
    A name longer than ``MAX_UNIT_NAME_CHARS`` is left out (see overlong_unit_names)."""
    mentions: list[UnitMention] = []
    covering: Role | None = None
    for name, mark, whole in reversed([_strip_mark(n) for n in split_unit_names(clause, known)]):
        if mark is not None:
            covering = mark if whole else None
        if name and len(name) <= MAX_UNIT_NAME_CHARS:
            mentions.append(UnitMention(name, mark or covering or role))
    return mentions[::-1]


def overlong_unit_names(cell: str | None, known: frozenset[str] = frozenset()) -> list[str]:
    """The "names" of a cell longer than ``MAX_UNIT_NAME_CHARS``, which parse_units_cell
    leaves out: the importers name them in a warning. A cell no longer than the limit has
    none, which is answered without cutting it."""
    if cell is None or len(cell) <= MAX_UNIT_NAME_CHARS:
        return []
    text = normalise(re.sub(r"[\r\n]+", ";", cell))
    return [name for _, segment in _label_segments(text)
            for clause in _split_outside_brackets(segment, _CLAUSE_SEPARATORS)
            for name in (_strip_mark(n)[0] for n in split_unit_names(clause, known))
            if len(name) > MAX_UNIT_NAME_CHARS]


def parse_units_cell(cell: str | None, known: frozenset[str] = frozenset()) -> list[UnitMention]:
    """Names with the roles the cell marks: 牵头：…；配合：…, XX牵头, XX（配合）, 由XX负责.

    A mark after a list (基教股、安全股配合) covers the list up to the previous comma or
    semicolon; a mark in brackets covers its own name only. Unmarked names get role None.
    A ``known`` name (see :func:`split_unit_names`) is not cut at the separators in it.
    """
    return list(_parse_units_text(cell or "", known))


@functools.lru_cache(maxsize=4096)
def _parse_units_text(cell: str, known: frozenset[str]) -> tuple[UnitMention, ...]:
    """Cached: a task list repeats the same few unit cells on thousands of rows (and one
    ``known`` set, whose hash a frozenset keeps)."""
    mentions: list[UnitMention] = []
    text = normalise(re.sub(r"[\r\n]+", ";", cell))  # a line break ends a clause
    for role, segment in _label_segments(text):
        for clause in _split_outside_brackets(segment, _CLAUSE_SEPARATORS):
            mentions.extend(_parse_clause(clause, role, known))
    return tuple(mentions)


def assign_roles(lead_cell: str | None, support_cell: str | None,
                 school_cell: str | None = None,
                 known: frozenset[str] = frozenset()) -> list[UnitMention]:
    """Combine a table's unit columns into mentions that all carry a role.

    Marks written in a cell win. In a lead column every unmarked unit leads. With a single
    units column (``support_cell`` None) the first unmarked unit leads and the others support,
    unless the cell marks a lead itself. Unmarked names in the school column carry the work
    out. A unit named twice keeps its strongest role (lead > support > carry). The result lists
    leads, then supports, then schools, each in the order written. ``known`` names (see
    :func:`split_unit_names`) are not cut at the separators in them.
    """
    return list(_assign_roles(lead_cell, support_cell, school_cell, known))


@functools.lru_cache(maxsize=4096)
def _assign_roles(lead_cell: str | None, support_cell: str | None,
                  school_cell: str | None, known: frozenset[str]) -> tuple[UnitMention, ...]:
    """Cached (mentions are frozen; no roster is involved): a task list repeats the same few
    combinations of unit cells on thousands of rows."""
    roles: dict[str, Role] = {}

    def add(mentions: Iterable[UnitMention], default: Callable[[int], Role]) -> None:
        for index, mention in enumerate(mentions):
            role = mention.role or default(index)
            known = roles.get(mention.name)
            if known is None or ROLE_STRENGTH[role] < ROLE_STRENGTH[known]:
                roles[mention.name] = role

    lead_mentions = parse_units_cell(lead_cell, known)
    if support_cell is None:
        first_unmarked = next((i for i, m in enumerate(lead_mentions) if m.role is None), None)
        has_lead = any(m.role is Role.LEAD for m in lead_mentions)
        add(lead_mentions, lambda i: Role.LEAD if i == first_unmarked and not has_lead
            else Role.SUPPORT)
    else:
        add(lead_mentions, lambda _: Role.LEAD)
        add(parse_units_cell(support_cell, known), lambda _: Role.SUPPORT)
    add(parse_units_cell(school_cell, known), lambda _: Role.CARRY)
    ordered = sorted(roles.items(), key=lambda pair: ROLE_STRENGTH[pair[1]])
    return tuple(UnitMention(name, role) for name, role in ordered)


# --- the roster -------------------------------------------------------------------------------


@dataclass
class RosterUnit:
    name: str
    kind: UnitKind
    stage: str = ""  # 学段: 高中/初中/小学/九年一贯制/中职/特殊教育/幼儿园
    town: str = ""
    short_name: str = ""  # 简称 as written in the roster; several may be separated by 、
    contact: str = ""
    phone: str = ""


GROUP_BY = ("学段", "类别", "名称", "乡镇")


@dataclass
class GroupRule:
    name: str
    by: str  # one of GROUP_BY
    values: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Resolution:
    name: str  # as written
    units: tuple[str, ...]  # canonical unit names; empty when unknown
    group: str | None  # the group's name when the written name was a group
    unknown: bool
    # A group (各中小学) whose members the roster does not list yet: kept as written and
    # resolved when a roster comes, never made into a unit.
    pending: bool = False


def name_key(name: str) -> str:
    """The one form unit names are compared in, wherever they are compared (the roster as
    read, a task list's or a plan's cells, aliases, group names and members, the store's
    lookups): half-width letters and slashes, Chinese brackets, simplified characters, no
    spaces. Two forms would match a name in one place and miss it in another."""
    return to_simplified(compact(name))


def unique_short_names(units: Iterable[RosterUnit]) -> dict[str, str]:
    """Short name (as written) → unit name, for the 简称 that only one unit of the roster uses.

    A short name two units share (two schools both written 一小) cannot say which is meant, so
    it is left out rather than guessed.
    """
    owners: dict[str, set[str]] = {}
    written: dict[str, str] = {}
    for unit in units:
        for short in split_unit_names(unit.short_name):
            owners.setdefault(name_key(short), set()).add(unit.name)
            written.setdefault(name_key(short), short)
    return {written[key]: next(iter(names)) for key, names in owners.items() if len(names) == 1}


class Roster:
    """Resolves written names to units through names, aliases, short names and groups."""

    def __init__(self, units: Iterable[RosterUnit], aliases: Mapping[str, str] | None = None,
                 groups: Iterable[GroupRule] = ()) -> None:
        self.units = list(units)
        self.groups = list(groups)
        self._names = {name_key(u.name): u.name for u in self.units}
        self._aliases = self._alias_keys(aliases or {})
        self._groups = {name_key(g.name): g for g in self.groups}

    def _alias_keys(self, aliases: Mapping[str, str]) -> dict[str, str]:
        """Alias key → unit name. Explicit aliases come first, then short names; an alias may
        name another alias (基础股 → 基教股). A short name shared by two units is left out,
        since it cannot say which one is meant, and no alias hides a unit's own name."""
        keys: dict[str, str] = {}
        via_alias: list[tuple[str, str]] = []
        for alias, target in aliases.items():
            name = self._names.get(name_key(target))
            if name is None:
                via_alias.append((alias, target))
            else:
                keys.setdefault(name_key(alias), name)
        for key, name in self._unique_short_names().items():
            keys.setdefault(key, name)
        for alias, target in via_alias:
            name = keys.get(name_key(target))
            if name is not None:
                keys.setdefault(name_key(alias), name)
        return {k: v for k, v in keys.items() if k not in self._names}

    def _unique_short_names(self) -> dict[str, str]:
        return {name_key(short): name for short, name in unique_short_names(self.units).items()}

    def members(self, rule: GroupRule) -> tuple[str, ...]:
        """Unit names a group rule selects, in roster order."""
        values = {name_key(v) for v in rule.values}
        if rule.by == "名称":
            chosen = {self._names.get(v) or self._aliases.get(v) for v in values}
            return tuple(u.name for u in self.units if u.name in chosen)
        field_of = {"类别": lambda u: u.kind.value, "学段": lambda u: u.stage,
                    "乡镇": lambda u: u.town}[rule.by]
        return tuple(u.name for u in self.units if name_key(field_of(u)) in values
                     and (rule.by != "学段" or u.kind is UnitKind.SCHOOL))

    def resolve(self, name: str) -> Resolution:
        """What a written name stands for. A group that selects no unit yet (no roster, or
        no kindergarten in it) is pending: named, kept, resolved by a later roster."""
        key = name_key(name)
        unit = self._names.get(key) or self._aliases.get(key)
        if unit is not None:
            return Resolution(name, (unit,), None, False)
        if key in self._groups:
            rule = self._groups[key]
            members = self.members(rule)
            return Resolution(name, members, rule.name, False, not members)
        selector = group_selector(name)
        if selector is not None:
            members = tuple(u.name for u in self.units
                            if selector.selects(u.kind.value, u.stage, u.name))
            return Resolution(name, members, key, False, not members)
        return Resolution(name, (), None, True)

    def unknown_names(self, names: Iterable[str]) -> list[str]:
        """The names that do not resolve, each once (two spellings of one name, as
        :func:`name_key` compares them, as the first), in the order first written."""
        return self._first_of(names, lambda resolution: resolution.unknown)

    def pending_names(self, names: Iterable[str]) -> list[str]:
        """The group words among ``names`` that wait for the roster, each once, in order."""
        return self._first_of(names, lambda resolution: resolution.pending)

    def _first_of(self, names: Iterable[str], wanted: Callable[[Resolution], bool]) -> list[str]:
        first: dict[str, str] = {}
        for name in names:
            if wanted(self.resolve(name)):
                first.setdefault(name_key(name), name)
        return list(first.values())

    def known_keys(self) -> frozenset[str]:
        """The keys of every name this roster resolves (units, aliases, short names, its
        groups and the group words), for cutting cells without cutting such a name."""
        return frozenset({*self._names, *self._aliases, *self._groups, *GROUP_WORD_KEYS})
