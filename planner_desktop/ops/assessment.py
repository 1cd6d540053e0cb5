"""单位考核: the score table of a period for a set of units, the scheme kept in the ledger, and
the table written to .xlsx (values, the scheme above the table) — the GUI's 单位考核 and the
``assessment`` command share all of it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from planner_desktop.domain.assessment import (
    COUNTS,
    DEFAULT_SCHEME,
    SETTING_KEY,
    Scheme,
    Score,
    UnitCounts,
    number_text,
    ranked,
    scheme_from_json,
    scheme_from_text,
    score_of,
)
from planner_desktop.domain.report_content import (
    Align,
    CellKind,
    Column,
    ReportDocument,
    ReportKind,
    ReportTable,
    TableRow,
    TableSection,
)
from planner_desktop.domain.report_periods import period_for
from planner_desktop.domain.timeliness import Deadlines, Timeliness, effective_due, timeliness
from planner_desktop.errors import Location, UserFixableError
from planner_desktop.i18n import tr
from planner_desktop.ops.changes import Changes
from planner_desktop.store import assessment_rows
from planner_desktop.store.calendar import load_calendar
from planner_desktop.store.database import Ledger
from planner_desktop.store.settings import get_setting, set_setting

_COUNT_OF = {Timeliness.ON_TIME: "on_time", Timeliness.WITHIN_EXTENSION: "within_extension",
             Timeliness.LATE: "late", Timeliness.OVERDUE: "overdue"}
KINDS = ("股室", "学校")


class AssessmentError(UserFixableError):
    """A period or unit choice the assessment cannot use."""


@dataclass(frozen=True)
class Assessment:
    start: dt.date
    end: dt.date
    as_of: dt.date
    scheme: Scheme
    scores: list[Score]  # ranked

    @property
    def title(self) -> str:
        return tr("单位考核（{start} 至 {end}）").format(start=self.start.isoformat(),
                                                     end=self.end.isoformat())

    def to_json(self) -> dict[str, Any]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(),
                "as_of": self.as_of.isoformat(), "scheme": self.scheme.to_json(),
                "units": [{"rank": s.rank, "unit": s.unit.unit_name, "kind": s.unit.unit_kind,
                           **{k: s.unit.count(k) for k in COUNTS}, "score": s.score,
                           "calculation": s.calculation} for s in self.scores]}


# -- the scheme ------------------------------------------------------------------------------

def load_scheme(ledger: Ledger) -> Scheme:
    saved = get_setting(ledger, SETTING_KEY)
    return DEFAULT_SCHEME if saved is None else scheme_from_json(saved)


def save_scheme(ledger: Ledger, scheme: Scheme) -> Changes:
    set_setting(ledger, SETTING_KEY, scheme.to_json())
    return Changes(preferences=True)


def read_scheme_file(path: Path) -> Scheme:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise UserFixableError(tr("无法读取评分规则文件（{reason}）。").format(reason=exc.strerror or exc),
                               Location(file=str(path))) from exc
    except UnicodeDecodeError:
        try:
            text = path.read_bytes().decode("gb18030")
        except UnicodeDecodeError as exc:
            raise UserFixableError(tr("评分规则文件的编码无法识别，请另存为 UTF-8。"),
                                   Location(file=str(path))) from exc
    return scheme_from_text(text, str(path))


# -- the calculation -------------------------------------------------------------------------

def half_year(year: int, half: int | None = None) -> tuple[dt.date, dt.date]:
    """The presets 上半年 (``half=1``) and 全年 (``half=None``)."""
    if half == 1:
        return dt.date(year, 1, 1), dt.date(year, 6, 30)
    if half == 2:
        return dt.date(year, 7, 1), dt.date(year, 12, 31)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _selected_units(ledger: Ledger, choice: str | None) -> list[assessment_rows.UnitRow]:
    """All units, the 股室 or the 学校, or units named (comma-separated; names must exist)."""
    rows = assessment_rows.units(ledger)
    if not choice or choice in ("全部", "all"):
        return rows
    if choice in KINDS:
        return [u for u in rows if u.kind == choice]
    by_name = {u.name: u for u in rows}
    names = [n.strip() for n in choice.replace("，", ",").replace("、", ",").split(",") if n.strip()]
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise AssessmentError(tr("账本中没有这些单位：{names}。请写股室、学校或单位全称（用逗号分隔）。")
                              .format(names="、".join(unknown)))
    return [by_name[n] for n in names]


def assess(ledger: Ledger, start: dt.date, end: dt.date, *, units: str | None = None,
           scheme: Scheme | None = None, today: dt.date | None = None) -> Assessment:
    """Each selected unit's counts and score for ``start``–``end``, ranked.

    Counted as of the day after ``end`` (or today, if earlier): an item due on the last day and
    not done by then is overdue. An assignment counts when its original due, its due in force
    or its completion lies in the period; a report round counts when its period's due does.
    """
    if start > end:
        raise AssessmentError(tr("考核时段的起始日期 {start} 晚于截止日期 {end}，请调换或重新选择。")
                              .format(start=start.isoformat(), end=end.isoformat()))
    scheme = scheme or load_scheme(ledger)
    as_of = min(end + dt.timedelta(1), today or dt.date.today())
    selected = _selected_units(ledger, units)
    wanted = {u.id for u in selected}
    calendar = load_calendar(ledger)
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    _count_assignments(ledger, start, end, as_of, calendar, wanted, counts)
    if not any(counts.values()):
        raise AssessmentError(tr("{start} 至 {end} 期间没有到期或完成的事项，无法考核；请换一个时段。")
                              .format(start=start.isoformat(), end=end.isoformat()))
    _count_reports(ledger, start, end, as_of, calendar, wanted, counts)
    for unit_id, n in assessment_rows.slips_received(ledger, start, end).items():
        if unit_id in wanted:
            counts[unit_id]["slips"] += n
    for unit_id, (reached, tracked) in assessment_rows.targets_by_reporter(ledger, start, end).items():
        if unit_id in wanted:
            counts[unit_id]["targets_reached"] += reached
            counts[unit_id]["targets_tracked"] += tracked
    scores = [score_of(UnitCounts(u.id, u.name, u.kind, dict(counts[u.id])), scheme)
              for u in selected if u.id in counts]
    return Assessment(start, end, as_of, scheme, ranked(scores))


def _count_assignments(ledger: Ledger, start: dt.date, end: dt.date, as_of: dt.date, calendar,
                       wanted: set[int], counts: dict[int, dict[str, int]]) -> None:
    days: dict[str | None, dt.date | None] = {None: None}

    def day(text: str | None) -> dt.date | None:
        if text not in days:
            days[text] = dt.date.fromisoformat(text[:10])
        return days[text]

    cache: dict[tuple, Timeliness] = {}
    rows = assessment_rows.assignment_dates(ledger, start, end)
    for unit_id, status, completed, original, in_force in rows:
        if unit_id not in wanted:
            continue
        key = (status, completed, original, in_force)
        state = cache.get(key)
        if state is None:
            state = cache[key] = timeliness(status, day(completed), Deadlines(day(original), day(in_force)),
                                            as_of, calendar)
        if state is Timeliness.NOT_COUNTED:
            continue
        done_in_period = completed is not None and start <= day(completed) <= end
        if state in (Timeliness.ON_TIME, Timeliness.WITHIN_EXTENSION, Timeliness.LATE) and not done_in_period:
            continue  # done in another period: counted there
        unit = counts[unit_id]
        unit["assigned"] += 1
        if name := _COUNT_OF.get(state):
            unit[name] += 1


def _count_reports(ledger: Ledger, start: dt.date, end: dt.date, as_of: dt.date, calendar,
                   wanted: set[int], counts: dict[int, dict[str, int]]) -> None:
    """A return by the period's due (moved past a day off) is on time, after it late; a unit
    still on the 催报名单 once the due has passed has not reported."""
    dues = {}
    for key in assessment_rows.exported_period_keys(ledger):
        due = period_for(key).due
        if start <= due <= end:
            dues[key] = effective_due(due, calendar)
    for round_ in assessment_rows.report_rounds(ledger, set(dues)):
        due = dues[round_.period]
        for state in round_.states:
            if state.unit_id not in wanted:
                continue
            unit = counts[state.unit_id]
            returned = dt.date.fromisoformat(state.returned_at[:10]) if state.returned_at else None
            if state.reported and returned <= as_of:  # a return after the day counted came later
                unit["reports_on_time" if returned <= due else "reports_late"] += 1
            elif as_of > due:
                unit["reports_missing"] += 1


# -- the table written -----------------------------------------------------------------------

def table_headers() -> list[str]:
    return [tr("名次"), tr("单位"), tr("类别"), *[tr(v) for v in COUNTS.values()], tr("得分"), tr("计算过程")]


def table_rows(assessment: Assessment) -> list[list[Any]]:
    return [[s.rank, s.unit.unit_name, s.unit.unit_kind, *[s.unit.count(k) for k in COUNTS],
             s.score, s.calculation] for s in assessment.scores]


def write_xlsx(assessment: Assessment, path: Path) -> Path:
    """Values only (no formulas), the scheme written above the table, names as text."""
    from planner_desktop.exchange.xlsx_out import atomic_xlsx

    headers = table_headers()
    with atomic_xlsx(path) as book:
        sheet = book.add_worksheet(tr("单位考核"))
        bold = book.add_format({"bold": True, "font_size": 14})
        head = book.add_format({"bold": True, "border": 1, "bg_color": "#eeeeee", "text_wrap": True,
                                "align": "center", "valign": "vcenter"})
        cell = book.add_format({"border": 1, "valign": "vcenter"})
        text = book.add_format({"border": 1, "valign": "vcenter", "num_format": "@"})
        sheet.write_string(0, 0, assessment.title, bold)
        sheet.write_string(1, 0, assessment.scheme.describe())
        sheet.write_string(2, 0, tr("统计截至 {day}").format(day=assessment.as_of.isoformat()))
        top = 4
        for column, name in enumerate(headers):
            sheet.write_string(top, column, name, head)
        for row, values in enumerate(table_rows(assessment), start=top + 1):
            for column, value in enumerate(values):
                if isinstance(value, str):
                    sheet.write_string(row, column, value, text)
                else:
                    sheet.write_number(row, column, value, cell)
        sheet.set_column(0, 0, 6)
        sheet.set_column(1, 1, 22)
        sheet.set_column(2, len(headers) - 3, 8)
        sheet.set_column(len(headers) - 1, len(headers) - 1, 60)
        sheet.freeze_panes(top + 1, 2)
    return path


def score_text(score: Score) -> str:
    return number_text(score.score)


def assessment_document(assessment: Assessment) -> ReportDocument:
    """The table as a printable document (``printing/``): the scheme in the page header."""
    widths = {"名次": 10, "单位": 36, "类别": 11, "得分": 12, "计算过程": 78}
    columns = [Column(f"c{n}", name, widths.get(name, 12),
                      CellKind.TEXT if name in ("单位", "类别", "计算过程") else CellKind.INT,
                      Align.LEFT if name in ("单位", "计算过程") else Align.CENTER)
               for n, name in enumerate(table_headers())]
    columns[-2] = replace(columns[-2], kind=CellKind.TEXT)  # 96.5 is no integer
    rows = [TableRow(tuple(number_text(v) if isinstance(v, float) else v for v in values))
            for values in table_rows(assessment)]
    table = ReportTable(columns, [TableSection(None, rows)])
    return ReportDocument(ReportKind.LEDGER, assessment.title, "", assessment.as_of,
                          assessment.scheme.describe(), table=table)
