"""What a printed or exported status sheet contains, independent of paper, PDF, Excel or Word.

A report is built once as plain data (:class:`ReportDocument`) and then handed to each
writer: the QPainter page renderer (``printing/``), the .xlsx writer and the .docx writer.
Because all of them read the same cells, the numbers on paper and in the files cannot drift
apart. Cells keep their type (a date stays a date, a progress figure a number) so Excel gets
real numbers and dates while the printed page gets :func:`display` text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from planner_desktop.domain.outline_codes import chinese_numeral
from planner_desktop.domain.report_targets import TargetSection
from planner_desktop.domain.status import LIGHT_LABELS, LIGHT_SYMBOLS, Light
from planner_desktop.i18n import tr


class ReportKind(StrEnum):
    LEDGER = "ledger"  # 督办台账
    BULLETIN = "bulletin"  # 督办通报
    UNIT_SHEETS = "unit-sheets"  # 各单位任务清单
    OVERDUE = "overdue"  # 逾期及临期任务清单


KIND_TITLES: dict[ReportKind, str] = {
    ReportKind.LEDGER: "督办台账",
    ReportKind.BULLETIN: "督办通报",
    ReportKind.UNIT_SHEETS: "各单位任务清单",
    ReportKind.OVERDUE: "逾期及临期任务清单",
}


class CellKind(StrEnum):
    TEXT = "text"
    INT = "int"
    PERCENT = "percent"  # an int 0–100
    DATE = "date"
    WORKDAYS = "workdays"  # working days left (negative: overdue), None when not chased
    LIGHT = "light"  # a Light


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class Column:
    """A table column; ``width`` is in millimetres on the printed page (Excel widths follow)."""

    key: str
    header: str
    width: float
    kind: CellKind = CellKind.TEXT
    align: Align = Align.LEFT


Cell = str | int | float | dt.date | Light | None


@dataclass
class TableRow:
    """A data row, or (``heading``) a row spanning the table that names an outline part."""

    cells: tuple[Cell, ...]
    light: Light | None = None
    heading: bool = False
    overdue: bool = False  # the 剩余/逾期 cell is an overdue figure (for its colour and text)


@dataclass
class TableSection:
    """Rows under one heading: a unit's sheet, a unit's group of overdue items.

    ``new_page`` starts the section on a fresh page (a unit sheet is handed out on its own
    paper); otherwise sections follow one another and the heading is repeated, marked 续,
    on a page the section continues onto.
    """

    title: str | None
    rows: list[TableRow]
    note: str = ""
    new_page: bool = False

    @property
    def data_rows(self) -> int:
        return sum(not r.heading for r in self.rows)


@dataclass
class ReportTable:
    columns: list[Column]
    sections: list[TableSection]

    @property
    def data_rows(self) -> int:
        return sum(s.data_rows for s in self.sections)


@dataclass(frozen=True)
class CountLine:
    """One status or light with its count and share, for 总体情况."""

    label: str
    count: int
    share: float  # 0..1 of the total


@dataclass(frozen=True)
class RankedUnit:
    rank: int
    unit: str
    kind: str  # 股室 / 学校
    done: int
    total: int
    overdue: int

    @property
    def rate(self) -> float:
        return self.done / self.total if self.total else 0.0


@dataclass(frozen=True)
class OverdueEntry:
    code: str
    title: str
    units: list[str]
    due: dt.date | None
    workdays_overdue: int
    slips: tuple[str, ...] = ()  # the 督办单 numbers the item was sent, quoted in the bulletin


@dataclass
class BulletinFields:
    """What the clerk types on the bulletin dialog (remembered per plan)."""

    series: str = "督办通报"
    issue: int = 1
    office: str = "县教育局办公室"
    date: dt.date | None = None
    addressee: str = "局机关各股室，各中小学、幼儿园："
    requirements: str = ""


@dataclass
class Bulletin:
    """The numbers and lists of a 督办通报, ready to be set as text."""

    fields: BulletinFields
    total: int
    overdue_count: int
    due_soon_count: int
    due_within: int
    by_status: list[CountLine]
    by_light: list[CountLine]
    overall_sentence: str
    light_sentence: str
    ranking: list[RankedUnit]
    overdue: list[OverdueEntry]
    not_reported: list[str]
    not_reported_note: str  # what the list means (which period), or why there is none
    intro: str
    annex: ReportTable
    # 单位考核 by score, when the clerk asked for it: (rank, unit, score text), and the scheme
    assessment: list[tuple[int, str, str]] = field(default_factory=list)
    assessment_note: str = ""
    targets: TargetSection | None = None  # the plan's 量化指标, when it has any

    def parts(self) -> dict[str, str]:
        """Each part's numbered heading (一、总体情况 …): 未达成的量化指标 is a part of its own
        only for a plan with targets, and the parts after it are numbered on."""
        titles = {"overall": tr("总体情况"), "units": tr("各单位任务完成情况"),
                  "overdue": tr("逾期未完成事项")}
        if self.targets is not None:
            titles["targets"] = tr("未达成的量化指标")
        titles |= {"not_reported": tr("未报送进展的单位"), "requirements": tr("工作要求")}
        return {key: f"{chinese_numeral(n)}、{title}"
                for n, (key, title) in enumerate(titles.items(), start=1)}


@dataclass
class ReportDocument:
    kind: ReportKind
    title: str
    plan_title: str
    as_of: dt.date
    scope: str  # the filters behind the rows, in words, for the page header
    table: ReportTable | None = None
    bulletin: Bulletin | None = None
    landscape: bool = True
    extra: dict = field(default_factory=dict)

    @property
    def row_count(self) -> int:
        if self.bulletin is not None:
            return self.bulletin.annex.data_rows
        return self.table.data_rows if self.table else 0


def percent_text(share: float, digits: int = 1) -> str:
    """``42.9%``: rounded half up (as people round), never banker's rounding."""
    quantum = Decimal(1).scaleb(-digits)
    value = (Decimal(str(share)) * 100).quantize(quantum, rounding=ROUND_HALF_UP)
    return f"{value}%"


def date_text(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def chinese_date(day: dt.date) -> str:
    """2026年11月22日, as dates are written in an official document."""
    return f"{day.year}年{day.month}月{day.day}日"


def light_text(light: Light | None) -> str:
    """Symbol and word, so a greyscale print tells the lights apart."""
    return f"{LIGHT_SYMBOLS[light]} {LIGHT_LABELS[light]}" if light else ""


def workdays_text(value: int | None, overdue: bool) -> str:
    if value is None:
        return ""
    if overdue:
        return tr("逾期 {n}").format(n=abs(value)) if value else tr("逾期")
    return tr("今日到期") if value == 0 else tr("剩 {n}").format(n=value)


def display(value: Cell, kind: CellKind, *, overdue: bool = False) -> str:
    """A cell as printed text."""
    if value is None:
        return ""
    if kind is CellKind.PERCENT:
        return f"{value}%"
    if kind is CellKind.DATE:
        return date_text(value)  # type: ignore[arg-type]
    if kind is CellKind.WORKDAYS:
        return workdays_text(value, overdue)  # type: ignore[arg-type]
    if kind is CellKind.LIGHT:
        return light_text(value)  # type: ignore[arg-type]
    return str(value)
