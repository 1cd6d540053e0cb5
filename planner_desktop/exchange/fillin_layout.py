"""The shape of a fill-in workbook (填报表), shared by the writer and the reader of returns.

Everything both sides must agree on lives here and nowhere else: the columns and their
header texts, which of them the unit fills in, the hidden row key, the metadata sheet and
how file names are made. A returned workbook is read by header text, not by position, so a
unit that deletes or moves a column (WPS users do) is still understood.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar, Self

FORMAT_VERSION = "planner-fillin-1"
META_SHEET = "填报表信息"
GUIDE_SHEET = "填报说明"
TITLE_ROWS = 2  # the title line and the unit/period line above the header row
HEADER_ROW = TITLE_ROWS  # 0-based index of the header row
FIRST_DATA_ROW = HEADER_ROW + 1


class Field(StrEnum):
    """What a column of the fill-in sheet holds."""

    NUMBER = "number"
    CODE = "code"
    TITLE = "title"
    MEASURE = "measure"
    ROLE = "role"
    DEADLINE = "deadline"
    LAST_STATUS = "last_status"
    LAST_PROGRESS = "last_progress"
    STATUS = "status"
    PROGRESS = "progress"
    NOTE = "note"
    COMPLETED_ON = "completed_on"
    PROBLEMS = "problems"
    EVIDENCE = "evidence"
    AUTHOR = "author"
    PHONE = "phone"
    SLIP = "slip"  # the open 督办单 of the row: its 进展情况 on return is the slip's 办理情况
    KEY = "key"
    # The 量化指标 sheet: one row per target the unit reports.
    TARGET = "target"
    WANTED = "wanted"
    LAST_FIGURE = "last_figure"
    FIGURE = "figure"
    FIGURE_NOTE = "figure_note"


@dataclass(frozen=True)
class Column:
    field: Field
    header: str
    width: float
    fill_in: bool = False  # unlocked for the unit; everything else is protected
    wrap: bool = False
    # Other headers a returned sheet may carry for this column (a unit retyped the header,
    # or an older layout): compared after removing spaces and brackets.
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column(Field.NUMBER, "序号", 5),
    Column(Field.CODE, "编号", 12, aliases=("序号编号", "要点编号")),
    Column(Field.TITLE, "工作要点", 24, wrap=True, aliases=("工作任务", "重点任务", "任务", "要点")),
    Column(Field.MEASURE, "具体措施", 34, wrap=True, aliases=("工作措施", "措施", "任务内容")),
    Column(Field.ROLE, "责任类型", 8, aliases=("职责", "牵头配合")),
    Column(Field.DEADLINE, "完成时限", 11, wrap=True, aliases=("时限", "完成时间要求")),
    Column(Field.LAST_STATUS, "上期状态", 8),
    Column(Field.LAST_PROGRESS, "上期进度%", 8, aliases=("上期进度",)),
    Column(Field.STATUS, "状态", 9, fill_in=True, aliases=("完成状态", "进展状态", "当前状态")),
    Column(Field.PROGRESS, "完成进度%", 9, fill_in=True,
           aliases=("完成进度", "进度", "进度%", "完成比例", "完成百分比")),
    Column(Field.NOTE, "进展情况", 36, fill_in=True, wrap=True,
           aliases=("工作进展", "进展", "推进情况", "完成情况", "落实情况")),
    Column(Field.COMPLETED_ON, "实际完成时间", 12, fill_in=True, aliases=("完成时间", "完成日期")),
    Column(Field.PROBLEMS, "存在问题", 20, fill_in=True, wrap=True,
           aliases=("存在的问题", "问题", "困难和问题", "存在问题及建议")),
    Column(Field.EVIDENCE, "佐证材料清单", 18, fill_in=True, wrap=True,
           aliases=("佐证材料", "佐证资料", "附件清单")),
    Column(Field.SLIP, "督办单", 13, wrap=True, aliases=("督办单编号", "督办编号")),
    Column(Field.KEY, "行标识（请勿修改）", 10, aliases=("行标识",)),
)
# Who filled the workbook in is asked once, on the line above the table (SIGN_OFF); workbooks
# exported before had a column each for it, asked on every row: still read.
PER_ROW_SIGN_OFF: tuple[Column, ...] = (
    Column(Field.AUTHOR, "填报人", 8, fill_in=True, aliases=("填表人", "经办人")),
    Column(Field.PHONE, "联系电话", 13, fill_in=True, aliases=("电话", "联系方式")),
)
COLUMN_OF: dict[Field, int] = {c.field: i for i, c in enumerate(COLUMNS)}
FILL_IN_FIELDS: tuple[Field, ...] = tuple(c.field for c in COLUMNS if c.fill_in)
# Locked columns whose edits a returned workbook is checked for (the number column is not:
# units renumber rows after sorting, which changes nothing the ledger holds).
CHECKED_FIELDS: tuple[Field, ...] = (Field.CODE, Field.TITLE, Field.MEASURE, Field.ROLE,
                                     Field.DEADLINE)

_HEADER_NOISE = re.compile(r"[\s（）()%％*＊:：]|请勿修改")


def header_key(text: str) -> str:
    """A header as compared: no spaces, brackets, percent signs or asterisks."""
    return _HEADER_NOISE.sub("", text)


def _header_fields(columns: tuple[Column, ...]) -> dict[str, Field]:
    return {header_key(name): c.field for c in columns for name in (c.header, *c.aliases)}


HEADER_FIELDS: dict[str, Field] = _header_fields((*COLUMNS, *PER_ROW_SIGN_OFF))


# -- the 量化指标 sheet: the figures reached, one row per target ---------------------------------
# Beside each unit's sheet, for the targets it reports (the item's lead unit unless the clerk
# named another): the phrase and the figure wanted locked, the figure reached a number cell.
# An item may have several targets, so they cannot be columns of the item's row.

TARGET_SHEET_SUFFIX = "_量化指标"
TARGET_COLUMNS: tuple[Column, ...] = (
    COLUMNS[COLUMN_OF[Field.NUMBER]],
    COLUMNS[COLUMN_OF[Field.CODE]],
    Column(Field.TITLE, "工作要点", 26, wrap=True, aliases=("工作任务", "重点任务", "任务", "要点")),
    Column(Field.TARGET, "量化指标", 34, wrap=True, aliases=("指标", "指标内容", "目标任务")),
    Column(Field.WANTED, "目标值", 11, aliases=("目标",)),
    Column(Field.LAST_FIGURE, "上期完成值", 11, aliases=("上期完成",)),
    Column(Field.FIGURE, "本期完成值", 12, fill_in=True,
           aliases=("完成值", "实际完成值", "完成数", "实际完成", "完成情况")),
    Column(Field.FIGURE_NOTE, "说明", 30, fill_in=True, wrap=True, aliases=("备注", "情况说明")),
    COLUMNS[COLUMN_OF[Field.KEY]],
)
TARGET_COLUMN_OF: dict[Field, int] = {c.field: i for i, c in enumerate(TARGET_COLUMNS)}
TARGET_HEADER_FIELDS: dict[str, Field] = _header_fields(TARGET_COLUMNS)


# -- the sign-off line: 填报人 and 联系电话, once per sheet -------------------------------------

SIGN_OFF_ROW = TITLE_ROWS - 1  # on the unit and period line, right of its text
# field → (the label's column, the value's column): the label sits left of its yellow cell.
SIGN_OFF: dict[Field, tuple[int, int]] = {
    Field.AUTHOR: (COLUMN_OF[Field.STATUS], COLUMN_OF[Field.PROGRESS]),
    Field.PHONE: (COLUMN_OF[Field.NOTE], COLUMN_OF[Field.COMPLETED_ON]),
}
SIGN_OFF_LABELS: dict[Field, str] = {Field.AUTHOR: "填报人：", Field.PHONE: "联系电话："}
_SIGN_OFF_WORD = re.compile(r"^\s*(填报人|填表人|经办人|联系电话|电话|联系方式)\s*[:：]?\s*(.*)$")
_SIGN_OFF_FIELD = {"填报人": Field.AUTHOR, "填表人": Field.AUTHOR, "经办人": Field.AUTHOR,
                   "联系电话": Field.PHONE, "电话": Field.PHONE, "联系方式": Field.PHONE}


def sign_off_in(cells: list[str]) -> dict[Field, str]:
    """填报人 and 联系电话 from a line of cells outside the table: a label cell followed by its
    value (the layout we write), or both in one cell (``填报人：张三``, as units retype it)."""
    found: dict[Field, str] = {}
    for i, text in enumerate(cells):
        match = _SIGN_OFF_WORD.match(text or "")
        if not match:
            continue
        value = match[2].strip()
        if not value:
            value = next((c.strip() for c in cells[i + 1:] if c and c.strip()), "")
            if _SIGN_OFF_WORD.match(value):
                value = ""  # the next cell is the other label: this one was left empty
        found.setdefault(_SIGN_OFF_FIELD[match[1]], value)
    return {f: v for f, v in found.items() if v}


# -- the row key --------------------------------------------------------------------------------

@dataclass(frozen=True)
class RowKey:
    """What the hidden key of a row says: the assignment and its state when exported.

    ``stamp`` is the assignment's ``updated_at`` at export time ("" for never updated): if
    the ledger's value differs on return, someone changed the assignment since the export.
    """

    PREFIX: ClassVar[str] = "PD1"
    assignment_id: int
    stamp: str

    def text(self) -> str:
        return f"{self.PREFIX}|{self.assignment_id}|{self.stamp}"

    @classmethod
    def parse(cls, text: str) -> Self | None:
        match = re.match(rf"^{cls.PREFIX}\|(\d+)\|([0-9T :.-]*)$", text.strip())
        return cls(int(match[1]), match[2]) if match else None


@dataclass(frozen=True)
class TargetKey(RowKey):
    """The key of a 量化指标 row: the target, and when its latest figure was reported at
    export time ("" for none), so a figure typed in the ledger since is noticed on return.
    ``assignment_id`` holds the target's id (one parser for both keys)."""

    PREFIX: ClassVar[str] = "PT1"

    @property
    def target_id(self) -> int:
        return self.assignment_id


def keys_checksum(keys: list[str]) -> str:
    """A checksum of a sheet's keys, order-free (rows may be re-sorted)."""
    return hashlib.sha256("\n".join(sorted(keys)).encode("utf-8")).hexdigest()[:16]


def cell_digest(text: str) -> str:
    """A short digest of a locked cell as exported, to notice an edit on return."""
    return format(zlib.crc32(text.strip().encode("utf-8")), "08x")


# -- file names -----------------------------------------------------------------------------

_UNSAFE = re.compile(r'[\\/:*?"<>|\r\n\t]+')
SHEET_NAME_MAX = 31
_SHEET_UNSAFE = re.compile(r"[\[\]:*?/\\]")


def safe_file_part(text: str) -> str:
    """Text usable in a Windows file name (the clerk's office PCs)."""
    return _UNSAFE.sub("_", text).strip(" .") or "_"


def unit_file_name(period_label: str, unit_name: str) -> str:
    return f"{safe_file_part(period_label)}_{safe_file_part(unit_name)}_填报表.xlsx"


def combined_file_name(period_label: str) -> str:
    return f"{safe_file_part(period_label)}_全部单位_填报表.xlsx"


def zip_file_name(period_label: str) -> str:
    return f"{safe_file_part(period_label)}_填报表.zip"


def sheet_names(unit_names: list[str], suffix: str = "", taken_names: Iterable[str] = ()) -> list[str]:
    """Excel sheet names for units (with ``suffix`` after each name, kept whole): legal
    characters, at most 31 of them, all distinct and none in ``taken_names``."""
    names: list[str] = []
    taken: set[str] = {META_SHEET, GUIDE_SHEET, *taken_names}
    for unit in unit_names:
        stem = _SHEET_UNSAFE.sub("_", unit).strip("'")[:SHEET_NAME_MAX - len(suffix)] or "_"
        name, n = stem + suffix, 2
        while name.lower() in {t.lower() for t in taken}:
            counter = f"({n})"
            name, n = stem[: SHEET_NAME_MAX - len(suffix) - len(counter)] + counter + suffix, n + 1
        taken.add(name)
        names.append(name)
    return names
