"""Units named in a cell, their roles, and their resolution against the roster.

Task lists write units every way: ``基教股、安全股``, line breaks, ``机关党委牵头``,
``牵头：办公室；配合：人事股``, groups such as ``各中小学（园）``. This module splits and
marks them, and resolves names through aliases and groups; a name it cannot resolve stays
unknown for the clerk to map: it never guesses (基教股 is not matched to 基础教育股 by
similarity, only by an alias).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from planner_desktop.domain.text import compact, normalise, to_simplified
from planner_desktop.errors import Location, UserFixableError


class Role(StrEnum):
    LEAD = "lead"  # 牵头
    SUPPORT = "support"  # 配合
    CARRY = "carry"  # 落实: a school carrying it out


ROLE_LABELS = {Role.LEAD: "牵头", Role.SUPPORT: "配合", Role.CARRY: "落实"}
ROLE_STRENGTH = {Role.LEAD: 0, Role.SUPPORT: 1, Role.CARRY: 2}


class UnitKind(StrEnum):
    SECTION = "股室"
    SCHOOL = "学校"


@dataclass(frozen=True)
class UnitMention:
    name: str
    role: Role | None = None  # None: the cell did not say


_SEPARATORS = "、，,；;／/\n\r\t "
_LEAD_LABEL = re.compile(r"^(牵头单位|牵头股室|牵头部门|牵头科室|牵头)\s*[:：]\s*")
_SUPPORT_LABEL = re.compile(r"^(配合单位|配合股室|配合部门|配合科室|协办单位|配合|协办)\s*[:：]\s*")
_NEUTRAL_LABEL = re.compile(r"^(责任单位|责任股室|责任部门|承办单位)\s*[:：]\s*")
_LEAD_SUFFIX = re.compile(r"\s*(（牵头）|（负责）|牵头|负责)$")
_SUPPORT_SUFFIX = re.compile(r"\s*(（配合）|（协办）|配合|协办)$")


def split_unit_names(cell: str) -> list[str]:
    """Names in a cell; separators inside brackets (各中小学（园、所）) do not split."""
    text = normalise(cell or "")
    names, current, depth = [], "", 0
    for ch in text:
        if ch == "（":
            depth += 1
        elif ch == "）":
            depth = max(0, depth - 1)
        if ch in _SEPARATORS and depth == 0:
            names.append(current)
            current = ""
        else:
            current += ch
    names.append(current)
    cleaned = []
    for name in names:
        name = name.strip().rstrip("。.")
        if name.endswith("等") and len(name) > 2:
            name = name[:-1]
        if name:
            cleaned.append(name)
    return cleaned


def parse_units_cell(cell: str | None) -> list[UnitMention]:
    """Names with the roles the cell marks (牵头：…；配合：…, XX牵头, XX（配合）)."""
    mentions: list[UnitMention] = []
    text = normalise(cell or "").replace("；", ";")
    for part in re.split(r"[;\n]", text) if re.search(r"(牵头|配合|协办)\s*[:：]", text) else [text]:
        part = part.strip()
        role: Role | None = None
        for label, marked in ((_LEAD_LABEL, Role.LEAD), (_SUPPORT_LABEL, Role.SUPPORT),
                              (_NEUTRAL_LABEL, None)):
            match = label.match(part)
            if match:
                role, part = marked, part[match.end():]
                break
        for name in split_unit_names(part):
            name_role = role
            if _LEAD_SUFFIX.search(name):
                name, name_role = _LEAD_SUFFIX.sub("", name), Role.LEAD
            elif _SUPPORT_SUFFIX.search(name):
                name, name_role = _SUPPORT_SUFFIX.sub("", name), Role.SUPPORT
            if name:
                mentions.append(UnitMention(name, name_role))
    return mentions


def assign_roles(lead_cell: str | None, support_cell: str | None,
                 school_cell: str | None = None) -> list[UnitMention]:
    """Combine a table's unit columns into mentions that all carry a role.

    Marks written in a cell win. With a single units column (``support_cell`` None) the first
    unit named leads and the others support. Schools carry the work out. A unit named twice
    keeps its strongest role (lead > support > carry).
    """
    result: dict[str, Role] = {}

    def add(name: str, role: Role) -> None:
        if name not in result or ROLE_STRENGTH[role] < ROLE_STRENGTH[result[name]]:
            result[name] = role

    lead_mentions = parse_units_cell(lead_cell)
    single_column = support_cell is None
    for index, mention in enumerate(lead_mentions):
        default = Role.LEAD if not single_column or index == 0 else Role.SUPPORT
        if single_column and any(m.role is Role.LEAD for m in lead_mentions):
            default = Role.SUPPORT
        add(mention.name, mention.role or default)
    for mention in parse_units_cell(support_cell):
        add(mention.name, mention.role or Role.SUPPORT)
    for mention in parse_units_cell(school_cell):
        add(mention.name, mention.role or Role.CARRY)
    return [UnitMention(name, role) for name, role in result.items()]


@dataclass
class RosterUnit:
    name: str
    kind: UnitKind
    stage: str = ""  # 学段: 高中/初中/小学/九年一贯制/中职/特殊教育/幼儿园
    town: str = ""
    short_name: str = ""
    contact: str = ""
    phone: str = ""


@dataclass
class GroupRule:
    name: str
    by: str  # 学段 | 类别 | 名称 | 乡镇
    values: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Resolution:
    name: str  # as written
    units: tuple[str, ...]  # canonical unit names; empty when unknown
    group: str | None
    unknown: bool


def _key(name: str) -> str:
    return to_simplified(compact(name))


# Groups every bureau uses, applied when the roster defines no group of that name.
_BUILT_IN_GROUPS = (
    GroupRule("各学校", "类别", ["学校"]), GroupRule("全县学校", "类别", ["学校"]),
    GroupRule("各校", "类别", ["学校"]), GroupRule("全市学校", "类别", ["学校"]),
    GroupRule("各股室", "类别", ["股室"]), GroupRule("局机关各股室", "类别", ["股室"]),
    GroupRule("各幼儿园", "学段", ["幼儿园"]),
    GroupRule("各中小学", "学段", ["高中", "初中", "小学", "九年一贯制", "中职", "特殊教育",
                                 "完全中学", "十二年一贯制"]),
)


class Roster:
    """Resolves written names to units through names, aliases and groups."""

    def __init__(self, units: Iterable[RosterUnit], aliases: Mapping[str, str] | None = None,
                 groups: Iterable[GroupRule] = ()) -> None:
        self.units = list(units)
        self._by_key = {_key(u.name): u.name for u in self.units}
        for alias, name in (aliases or {}).items():
            if name in {u.name for u in self.units}:
                self._by_key.setdefault(_key(alias), name)
        self._groups = {_key(g.name): g for g in _BUILT_IN_GROUPS}
        self._groups.update({_key(g.name): g for g in groups})

    def members(self, rule: GroupRule) -> tuple[str, ...]:
        values = {normalise(v) for v in rule.values}
        if rule.by == "类别":
            chosen = [u for u in self.units if u.kind.value in values]
        elif rule.by == "学段":
            chosen = [u for u in self.units if u.kind is UnitKind.SCHOOL and u.stage in values]
        elif rule.by == "乡镇":
            chosen = [u for u in self.units if u.town in values]
        else:
            names = {_key(v) for v in values}
            chosen = [u for u in self.units if _key(u.name) in names]
        return tuple(u.name for u in chosen)

    def resolve(self, name: str) -> Resolution:
        key = _key(name)
        if key in self._by_key:
            return Resolution(name, (self._by_key[key],), None, False)
        rule = self._groups.get(key)
        if rule is not None:
            members = self.members(rule)
            if members:
                return Resolution(name, members, rule.name, False)
        return Resolution(name, (), None, True)

    def unknown_names(self, names: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(n for n in names if self.resolve(n).unknown))


_ROSTER_COLUMNS = {
    "name": ("单位名称", "名称", "单位", "学校名称", "股室名称"),
    "short_name": ("简称", "别名", "简称别名"),
    "kind": ("类别", "类型", "单位类别", "单位类型"),
    "stage": ("学段", "办学层次", "学校类型"),
    "town": ("所在乡镇", "乡镇", "所属乡镇", "乡镇街道"),
    "contact": ("联系人",),
    "phone": ("联系电话", "电话", "手机"),
}
_GROUP_COLUMNS = {"name": ("组名", "单位组", "名称"), "by": ("按", "依据", "类型"),
                  "values": ("包含", "内容", "值")}
_KIND_WORDS = {"股室": UnitKind.SECTION, "科室": UnitKind.SECTION, "机关": UnitKind.SECTION,
               "部门": UnitKind.SECTION, "学校": UnitKind.SCHOOL, "幼儿园": UnitKind.SCHOOL}


def _find_columns(header: list[str], wanted: dict[str, tuple[str, ...]], sheet: str) -> dict:
    keys = [compact(h) for h in header]
    found = {}
    for field_name, names in wanted.items():
        for index, key in enumerate(keys):
            if key in names:
                found[field_name] = index
                break
    if "name" not in found:
        raise UserFixableError(
            f"没有找到“{wanted['name'][0]}”列。第一行应为表头：{'、'.join(n[0] for n in wanted.values())}。",
            Location(sheet=sheet, row=1))
    return found


def parse_roster_rows(unit_rows: list[list[str]], group_rows: list[list[str]] | None = None,
                      ) -> tuple[list[RosterUnit], dict[str, str], list[GroupRule]]:
    """Units, aliases and groups from the rows of a roster workbook (header in row 1)."""
    if not unit_rows:
        raise UserFixableError("单位名册是空的。")
    columns = _find_columns(unit_rows[0], _ROSTER_COLUMNS, "")
    units: list[RosterUnit] = []
    aliases: dict[str, str] = {}

    def cell(row: list[str], field_name: str) -> str:
        index = columns.get(field_name)
        return normalise(row[index]) if index is not None and index < len(row) else ""

    for number, row in enumerate(unit_rows[1:], start=2):
        name = cell(row, "name")
        if not name:
            if any(str(v).strip() for v in row):
                raise UserFixableError("单位名称为空。", Location(row=number, column=_letter(columns["name"])))
            continue
        kind_text = cell(row, "kind")
        kind = _KIND_WORDS.get(kind_text) if kind_text else (
            UnitKind.SCHOOL if cell(row, "stage") else UnitKind.SECTION)
        if kind is None:
            raise UserFixableError(f"类别“{kind_text}”无法识别，请填写“股室”或“学校”。",
                                   Location(row=number, column=_letter(columns["kind"])))
        unit = RosterUnit(name=name, kind=kind, stage=cell(row, "stage"), town=cell(row, "town"),
                          short_name=cell(row, "short_name"), contact=cell(row, "contact"),
                          phone=cell(row, "phone"))
        units.append(unit)
        for alias in split_unit_names(unit.short_name):
            if alias != name:
                aliases[alias] = name
    groups: list[GroupRule] = []
    if group_rows:
        group_columns = _find_columns(group_rows[0], _GROUP_COLUMNS, "单位组")
        for number, row in enumerate(group_rows[1:], start=2):
            values = {f: normalise(row[i]) if i < len(row) else "" for f, i in group_columns.items()}
            if not values.get("name"):
                continue
            by = values.get("by") or "名称"
            if by not in ("学段", "类别", "名称", "乡镇"):
                raise UserFixableError(f"分组依据“{by}”无法识别，请填写：学段、类别、名称或乡镇。",
                                       Location(sheet="单位组", row=number))
            groups.append(GroupRule(values["name"], by, split_unit_names(values.get("values", ""))))
    return units, aliases, groups


def _letter(column: int) -> str:
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
