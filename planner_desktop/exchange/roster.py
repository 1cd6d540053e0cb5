"""Reading a unit roster workbook (单位名册 + 单位组 sheets) into the domain's roster parts."""

from __future__ import annotations

from pathlib import Path

from planner_desktop.domain.units import GroupRule, RosterUnit, parse_roster_rows
from planner_desktop.errors import FileReadError, Location, UserFixableError
from planner_desktop.exchange.readers import read_workbook
from planner_desktop.i18n import tr

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
