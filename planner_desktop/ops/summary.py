"""The 工作总结初稿: gather a plan's rows of a period, draft it, write the .docx.

The dialog (报表 → 工作总结), the ``summary`` command and the benchmark all come through
:func:`draft_summary` and :func:`write_summary`, so the Word file, the plain text copied
into an OA form and the command's figures are one draft.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner_desktop.domain.ledger import build_item_views
from planner_desktop.domain.ledger_table import item_rows
from planner_desktop.domain.status import Status
from planner_desktop.domain.summary import SummaryDraft, SummaryInput, build_summary, summary_period
from planner_desktop.errors import UserFixableError
from planner_desktop.i18n import tr
from planner_desktop.ops.ledger_query import LedgerSnapshot, load_snapshot
from planner_desktop.store.calendar import load_calendar
from planner_desktop.store.database import Ledger
from planner_desktop.store.ledger_rows import fetch_assignments, fetch_items
from planner_desktop.store.settings import get_setting
from planner_desktop.store.summary_rows import (
    period_notes,
    plan_extensions,
    plan_header,
    plan_units,
    states_at,
)
from planner_desktop.store.targets import tracked_targets
from planner_desktop.store.units import load_roster

# A bureau's name as plans and offices write it: 青溪县教育局, ××市教育和体育局, 某区教科体局.
_BUREAU = re.compile(r"^\s*(.{0,20}?(?:教育和体育局|教育体育局|教科体局|教体局|教育局|教育委员会|教委))")
DEFAULT_BUREAU = "县教育局"


def bureau_name(plan: dict, office: str = "") -> str:
    """Who the summary is of: the plan's issuer; else the office the bulletins are issued
    from, without its 办公室; else the bureau a plan title starts with; else 县教育局."""
    for text in (plan.get("issuer") or "", office.removesuffix("办公室"), plan.get("title") or ""):
        found = _BUREAU.match(text)
        if found:
            return found.group(1).strip()
    return tr(DEFAULT_BUREAU)


def _office(ledger: Ledger, plan_id: int) -> str:
    saved = get_setting(ledger, f"report.bulletin.{plan_id}") or {}
    office = str(saved.get("office") or "")
    return "" if office == "县教育局办公室" else office  # the bulletin's own default says nothing


def summary_units(ledger: Ledger, plan_id: int) -> list[str]:
    """The sections (股室) a summary of their own may be drafted for: those with work in the plan."""
    return plan_units(ledger, plan_id)


def default_period(year: int, today: dt.date) -> str:
    """上半年 until the half-year's summary is written (through July), else the year."""
    return "H1" if today <= dt.date(year, 7, 31) else "year"


def resolve_unit(ledger: Ledger, name: str | None) -> str:
    """The roster's name of one unit (an alias accepted); '' for all units."""
    if not name or not name.strip():
        return ""
    resolution = load_roster(ledger).resolve(name.strip())
    if resolution.unknown or len(resolution.units) != 1:
        raise UserFixableError(tr("“{name}”不是单位名册中的一个单位。工作总结可以按全部单位"
                                  "或某一个股室起草。").format(name=name.strip()))
    return resolution.units[0]


def snapshot_at(ledger: Ledger, plan_id: int, day: dt.date) -> LedgerSnapshot:
    """The plan's rows as they stood on ``day``: each assignment as its last update on or
    before that day left it (not started when its first came later), so a half-year summary
    drafted in autumn does not count work finished in August. An assignment without any
    history keeps the state it has (a task list may have brought it so)."""
    records = fetch_assignments(ledger, plan_id)
    states = states_at(ledger, plan_id, day)
    for record in records:
        if record.id not in states:
            continue
        state = states[record.id]
        if state is None:
            record.status, record.progress = Status.NOT_STARTED, None
            record.note, record.updated_at = "", None
        else:
            record.status, record.progress, record.note, record.updated_at = state
    calendar = load_calendar(ledger)
    due_soon = int(get_setting(ledger, "due_soon_days"))
    views = build_item_views(fetch_items(ledger, plan_id), records, day, calendar, due_soon)
    return LedgerSnapshot(day, due_soon, item_rows(views), records, views, calendar)


def draft_summary(ledger: Ledger, plan_id: int, period: str, unit: str | None = None, *,
                  today: dt.date | None = None) -> SummaryDraft:
    """The draft of ``plan_id`` for ``period`` (``H1``, ``year`` or ``FROM:TO``), of all units or
    of ``unit``. States and lights are as of the period's end, or today while it lasts."""
    plan = plan_header(ledger, plan_id)
    if plan is None:
        raise UserFixableError(tr("没有编号为 {id} 的计划。").format(id=plan_id))
    chosen = summary_period(period, int(plan["year"]))
    unit_name = resolve_unit(ledger, unit)
    today = today or dt.date.today()
    as_of = min(chosen.end, today)
    snapshot = snapshot_at(ledger, plan_id, as_of) if as_of < today else load_snapshot(ledger, as_of)
    data = SummaryInput(
        bureau=bureau_name(plan, _office(ledger, plan_id)), year=int(plan["year"]), period=chosen,
        items=[r for r in snapshot.items if r.plan_id == plan_id],
        assignments=[r for r in snapshot.assignments if r.plan_id == plan_id],
        notes=period_notes(ledger, plan_id, chosen.start, chosen.end),
        extensions=plan_extensions(ledger, plan_id),
        targets=tracked_targets(ledger, plan_id=plan_id, until=chosen.end.isoformat()),
        unit=unit_name)
    return build_summary(data)


@dataclass
class SummaryWritten:
    draft: SummaryDraft
    file: Path
    plan_id: int
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"plan_id": self.plan_id, **self.draft.to_json(), "file": str(self.file)}


def write_summary(draft: SummaryDraft, out: Path | str) -> Path:
    """The draft as a .docx at ``out`` (written beside it and moved into place when whole).
    Touches no ledger, so the dialog runs it off the GUI thread."""
    from planner_desktop.exchange.summary_docx import write_summary_docx  # python-docx: on demand

    path = Path(out)
    if path.suffix.lower() != ".docx":
        raise UserFixableError(tr("工作总结保存为 Word 文档，文件名应以 .docx 结尾：{name}").format(
            name=path.name))
    return write_summary_docx(path, draft)


def make_summary(ledger: Ledger, plan_id: int, period: str, out: Path | str, unit: str | None = None,
                 *, today: dt.date | None = None) -> SummaryWritten:
    draft = draft_summary(ledger, plan_id, period, unit, today=today)
    return SummaryWritten(draft, write_summary(draft, out), plan_id)
