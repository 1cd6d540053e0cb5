"""Reading a unit roster workbook (单位名册 + 单位组 sheets) into the domain's roster parts.

The sheets' columns are found by their header, so clerks may reorder or add columns; every
error names the sheet, row and column to fix. What the names mean (aliases, short names,
groups) is the domain's ``Roster``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner_desktop.domain.text import compact, normalise
from planner_desktop.domain.unit_groups import KINDERGARTEN
from planner_desktop.domain.units import (
    GROUP_BY,
    GroupRule,
    Roster,
    RosterUnit,
    UnitKind,
    name_key,
    split_unit_names,
)
from planner_desktop.errors import FileReadError, Location, UserFixableError
from planner_desktop.exchange.grid import Grid
from planner_desktop.exchange.readers import read_workbook
from planner_desktop.i18n import tr

_UNIT_COLUMNS = {
    "name": ("单位名称", "名称", "单位", "学校名称", "股室名称", "单位全称"),
    "short_name": ("简称", "别名", "简称别名", "简称/别名", "单位简称"),
    "kind": ("类别", "类型", "单位类别", "单位类型"),
    "stage": ("学段", "办学层次", "学校类型"),
    "town": ("所在乡镇", "乡镇", "所属乡镇", "乡镇街道", "乡镇（街道）"),
    "contact": ("联系人",),
    "phone": ("联系电话", "电话", "手机", "联系方式"),
}
_GROUP_COLUMNS = {
    "name": ("组名", "单位组", "组名称", "名称"),
    "by": ("按", "依据", "分组依据", "按什么分"),
    "values": ("包含", "内容", "成员", "值"),
}
_KIND_WORDS = {
    UnitKind.SECTION: ("股室", "科室", "股", "室", "机关股室", "内设机构", "部门", "机关"),
    UnitKind.SCHOOL: ("学校", "幼儿园", "中小学", "学校（园）", "校", "园"),
}
_STAGE_SYNONYMS = {
    "普通高中": "高中", "初级中学": "初中", "小学校": "小学",
    "九年制": "九年一贯制", "九年一贯制学校": "九年一贯制", "一贯制": "九年一贯制",
    "职业高中": "中职", "职高": "中职", "中等职业学校": "中职", "中职学校": "中职",
    "特教": "特殊教育", "特殊教育学校": "特殊教育",
    "学前": KINDERGARTEN, "学前教育": KINDERGARTEN,
}


def _cell_text(value: Any) -> str:
    """A cell as text: calamine gives numbers as floats (a phone number 13800000000.0)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalise(str(value))


@dataclass
class _Table:
    """A sheet's rows with the columns found by header; rows numbered as Excel shows them."""

    sheet: str | None
    rows: Sequence[Sequence[Any]]
    columns: dict[str, int]
    header_row: int  # 0-based index of the header in ``rows``

    def records(self) -> Iterable[tuple[int, dict[str, str]]]:
        for index in range(self.header_row + 1, len(self.rows)):
            row = self.rows[index]
            values = {f: _cell_text(row[i]) if i < len(row) else ""
                      for f, i in self.columns.items()}
            if any(_cell_text(v) for v in row):
                yield index + 1, values

    def error(self, message: str, row: int, field_name: str | None = None) -> UserFixableError:
        column = self.columns.get(field_name) if field_name else None
        letter = Grid.column_letter(column) if column is not None else None
        return UserFixableError(message, Location(sheet=self.sheet, row=row, column=letter))


def _find_columns(header: Sequence[Any], wanted: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Field → column index, for the fields whose header (or a synonym) is in ``header``."""
    keys = [name_key(_cell_text(v)) for v in header]
    columns: dict[str, int] = {}
    for field_name, synonyms in wanted.items():
        found = next((keys.index(s) for s in synonyms if s in keys), None)
        if found is not None:
            columns[field_name] = found
    return columns


def _find_table(rows: Sequence[Sequence[Any]], wanted: dict[str, tuple[str, ...]],
                sheet: str | None) -> _Table:
    """The header is the first row naming the name column; a title may sit above it, so the
    first five rows are looked at."""
    for index, row in enumerate(rows[:5]):
        columns = _find_columns(row, wanted)
        if "name" in columns:
            return _Table(sheet, rows, columns, index)
    headers = "、".join(names[0] for names in wanted.values())
    raise UserFixableError(f"没有找到“{wanted['name'][0]}”列。第一行应为表头：{headers}。",
                           Location(sheet=sheet, row=1))


def _kind_of(table: _Table, row: int, values: dict[str, str]) -> UnitKind:
    """The 类别 written, or when blank: a unit with a 学段 is a school, one without a section."""
    written = values.get("kind", "")
    if not written:
        return UnitKind.SCHOOL if values.get("stage") else UnitKind.SECTION
    for kind, words in _KIND_WORDS.items():
        if written in words:
            return kind
    raise table.error(f"类别“{written}”无法识别，请填写“股室”或“学校”。", row, "kind")


def _read_units(table: _Table) -> tuple[list[RosterUnit], dict[str, str]]:
    units: list[RosterUnit] = []
    aliases: dict[str, str] = {}
    rows_of: dict[str, int] = {}
    for row, values in table.records():
        name = compact(values["name"])
        if not name:
            raise table.error("单位名称为空。请填写单位名称，或删除这一行。", row, "name")
        if name_key(name) in rows_of:
            raise table.error(f"单位“{name}”重复出现（第 {rows_of[name_key(name)]} 行已有），"
                              "请删除重复的一行。", row, "name")
        rows_of[name_key(name)] = row
        kind = _kind_of(table, row, values)
        stage = compact(values.get("stage", ""))
        unit = RosterUnit(name=name, kind=kind, stage=_STAGE_SYNONYMS.get(stage, stage),
                          town=compact(values.get("town", "")),
                          short_name=values.get("short_name", ""),
                          contact=values.get("contact", ""), phone=values.get("phone", ""))
        units.append(unit)
        if kind is UnitKind.SECTION:
            _add_aliases(table, row, unit, aliases)
    return units, aliases


def _add_aliases(table: _Table, row: int, unit: RosterUnit, aliases: dict[str, str]) -> None:
    """The section's 简称 as aliases; one written twice (in any spacing) is one alias."""
    written = {name_key(alias): alias for alias in aliases}
    for alias in split_unit_names(unit.short_name):
        key = name_key(alias)
        known = aliases.get(written.get(key, alias))
        if known is not None and known != unit.name:
            raise table.error(f"简称“{alias}”同时用于“{known}”和“{unit.name}”，"
                              "请给其中一个换一个简称。", row, "short_name")
        if key != name_key(unit.name) and key not in written:
            aliases[alias] = unit.name
            written[key] = alias


def _read_groups(table: _Table, known: frozenset[str]) -> list[GroupRule]:
    """The group rows; members naming a unit or alias of the roster (``known`` keys) are not
    cut at the spaces or slashes in its name."""
    groups: list[GroupRule] = []
    for row, values in table.records():
        name = compact(values["name"])
        if not name:
            raise table.error("组名为空。请填写组名，或删除这一行。", row, "name")
        by = compact(values.get("by", "")).removeprefix("按") or "名称"
        if by not in GROUP_BY:
            raise table.error(f"分组依据“{by}”无法识别，请填写：{'、'.join(GROUP_BY)}。",
                              row, "by")
        members = split_unit_names(values.get("values", ""), known)
        if not members:
            raise table.error(f"单位组“{name}”没有填写包含哪些{by}。", row, "values")
        groups.append(GroupRule(name, by, [_STAGE_SYNONYMS.get(v, v) for v in members]))
    return groups


def parse_roster_rows(unit_rows: Sequence[Sequence[Any]],
                      group_rows: Sequence[Sequence[Any]] | None = None, *,
                      unit_sheet: str | None = None, group_sheet: str | None = None,
                      ) -> tuple[list[RosterUnit], dict[str, str], list[GroupRule]]:
    """Units, aliases and groups from the rows of a roster workbook, cells as read.

    Columns are found by their header (单位名称, 简称, 类别, 学段, 所在乡镇, 联系人, 联系电话 and
    the usual synonyms), so clerks may reorder or add columns. Aliases are the 简称 of
    sections; a school's 简称 stays on the unit (``short_name``), which ``Roster`` resolves as
    well. ``unit_sheet``/``group_sheet`` name the sheets in error locations.
    """
    if not unit_rows:
        raise UserFixableError(
            "单位名册是空的。第一行应为表头：单位名称、简称、类别、学段、所在乡镇…",
            Location(sheet=unit_sheet))
    units, aliases = _read_units(_find_table(unit_rows, _UNIT_COLUMNS, unit_sheet))
    known = Roster(units, aliases).known_keys()
    groups = _read_groups(_find_table(group_rows, _GROUP_COLUMNS, group_sheet), known) \
        if group_rows else []
    return units, aliases, groups


GROUP_SHEET_NAMES = ("单位组", "分组", "单位分组")


def read_roster(path: Path) -> tuple[list[RosterUnit], dict[str, str], list[GroupRule]]:
    """Units from the first visible sheet, groups from a sheet named 单位组 when there is one."""
    workbook = read_workbook(path)
    sheets = [s for s in workbook.sheets if not s.hidden and s.rows]
    group_sheet = next((s for s in sheets if s.name.strip() in GROUP_SHEET_NAMES), None)
    unit_sheet = next((s for s in sheets if s is not group_sheet), None)
    if unit_sheet is None:
        raise FileReadError(
            tr("没有找到单位名册：表格是空的。第一行应为表头（单位名称、简称、类别、学段、所在乡镇…）。"),
            Location(file=Path(path).name),
        )
    try:
        return parse_roster_rows(unit_sheet.rows, group_sheet.rows if group_sheet else None,
                                 unit_sheet=unit_sheet.name,
                                 group_sheet=group_sheet.name if group_sheet else None)
    except UserFixableError as exc:
        exc.location.file = Path(path).name
        exc.location.sheet = exc.location.sheet or unit_sheet.name
        raise FileReadError(exc.message, exc.location) from exc
