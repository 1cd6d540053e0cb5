"""Status sheets: the ledger as of a day → a report document (no Qt, no files).

The report dialog, the ``report`` command and the self-test all build their document here
(:func:`build_document`) and write it through ``printing/report_files.py``, so paper, files
and scripts show the same rows and the same numbers. The rows are the ledger table's own
(:func:`load_snapshot`), narrowed to a plan and, when the clerk prints the current view, to
the items shown in it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner_desktop.domain.assessment import number_text
from planner_desktop.domain.ledger_table import LedgerRow, leaf_items, month_start, units_silent_since
from planner_desktop.domain.report_bulletin import build_bulletin
from planner_desktop.domain.report_content import (
    KIND_TITLES,
    Bulletin,
    BulletinFields,
    ReportDocument,
    ReportKind,
    chinese_date,
)
from planner_desktop.domain.report_periods import period_for
from planner_desktop.domain.report_tables import (
    chosen_assignments,
    ledger_table,
    outline_codes,
    overdue_table,
    select_items,
    unit_sheets_table,
)
from planner_desktop.domain.report_targets import by_item
from planner_desktop.domain.target_state import TrackedTarget
from planner_desktop.errors import UserFixableError
from planner_desktop.i18n import tr
from planner_desktop.ops.assessment import AssessmentError, assess
from planner_desktop.ops.changes import Changes
from planner_desktop.ops.fillin.reminders import not_reported
from planner_desktop.ops.ledger_query import LedgerSnapshot, load_snapshot
from planner_desktop.store.database import Ledger
from planner_desktop.store.fillin import exported_periods
from planner_desktop.store.plans import list_plans
from planner_desktop.store.settings import get_setting, set_setting
from planner_desktop.store.slips import slip_numbers_by_item
from planner_desktop.store.targets import tracked_targets
from planner_desktop.store.units import list_units

DOCX_KINDS = (ReportKind.BULLETIN,)


@dataclass
class ReportResult:
    kind: ReportKind
    rows: int
    pages: int | None
    files: list[Path]
    document: ReportDocument = field(repr=False)

    def to_json(self) -> dict[str, Any]:
        """The ``report`` command's JSON (keys fixed in DESIGN.md, a few more after them)."""
        out: dict[str, Any] = {"kind": self.kind.value, "rows": self.rows, "pages": self.pages,
                               "files": [str(p) for p in self.files], "title": self.document.title,
                               "as_of": self.document.as_of.isoformat()}
        bulletin = self.document.bulletin
        if bulletin is not None:
            out["issue"] = bulletin.fields.issue
            out["summary"] = {
                "total": bulletin.total, "overdue": bulletin.overdue_count,
                "due_soon": bulletin.due_soon_count,
                "by_status": {line.label: line.count for line in bulletin.by_status},
                "not_reported": bulletin.not_reported,
            }
        return out


def parse_kind(kind: str | ReportKind) -> ReportKind:
    try:
        return ReportKind(kind)
    except ValueError:
        names = "、".join(k.value for k in ReportKind)
        message = tr("没有“{kind}”这种报表，可选：{names}。").format(kind=kind, names=names)
        raise UserFixableError(message) from None


# -- bulletin fields remembered per plan ---------------------------------------------------------

def _bulletin_key(plan_id: int | None) -> str:
    return f"report.bulletin.{plan_id if plan_id is not None else 'all'}"


def issued_bulletins(ledger: Ledger, plan_id: int | None) -> list[dict[str, Any]]:
    """The issues of this plan's bulletin recorded in the ledger, oldest first: each with its
    number (``issue``), its date, its scope in words and the formats it was issued in."""
    saved = get_setting(ledger, _bulletin_key(plan_id)) or {}
    return list(saved.get("issues") or [])


def bulletin_defaults(ledger: Ledger, plan_id: int | None, as_of: dt.date | None = None) -> BulletinFields:
    """The fields as last used for this plan, with the issue number (第N期): the number of
    the issue already dated that day (the same bulletin in another format), else the next."""
    saved = get_setting(ledger, _bulletin_key(plan_id)) or {}
    fields = BulletinFields(date=as_of or dt.date.today())
    issuer = next((p["issuer"] for p in list_plans(ledger) if p["id"] == plan_id), "")
    if issuer:  # the bureau the plan document names, until the clerk types another office
        fields.office = tr("{issuer}办公室").format(issuer=issuer)
    for name in ("series", "office", "addressee", "requirements"):
        if saved.get(name):
            setattr(fields, name, saved[name])
    day = fields.date.isoformat()
    same_day = [int(i["issue"]) for i in saved.get("issues") or [] if i.get("date") == day]
    if same_day:
        fields.issue = max(same_day)
    else:
        fields.issue = int(saved.get("last_issue", 0)) + 1
    return fields


def remember_bulletin(ledger: Ledger, plan_id: int | None, fields: BulletinFields, *,
                      scope: str = "", formats: list[str] | tuple[str, ...] = ()) -> Changes:
    """Record an issued bulletin with its date and scope. One number is one issue: the same
    number exported again (another format, a reprint) adds its formats to that issue rather
    than making a new one (its date and scope stay those it was first issued with); the next
    issue gets the following number, even when this one was numbered by hand."""
    key = _bulletin_key(plan_id)
    saved = get_setting(ledger, key) or {}
    last = max(int(saved.get("last_issue", 0)), fields.issue)
    issues: list[dict[str, Any]] = list(saved.get("issues") or [])
    date = (fields.date or dt.date.today()).isoformat()
    entry = next((i for i in issues if int(i.get("issue", 0)) == fields.issue), None)
    if entry is None:
        entry = {"issue": fields.issue, "date": date, "scope": scope, "formats": []}
        issues.append(entry)
    entry["formats"] = sorted({*entry.get("formats", []), *formats})
    set_setting(ledger, key, {"series": fields.series, "office": fields.office,
                              "addressee": fields.addressee, "requirements": fields.requirements,
                              "last_issue": last, "issues": issues})
    return Changes(preferences=True)


# -- building the document -------------------------------------------------------------------------

def _plan_title(ledger: Ledger, plan_id: int | None) -> str:
    plans = list_plans(ledger)
    if plan_id is None:
        return plans[0]["title"] if len(plans) == 1 else tr("全部计划")
    for plan in plans:
        if plan["id"] == plan_id:
            return plan["title"]
    raise UserFixableError(tr("没有编号为 {id} 的计划。").format(id=plan_id))


def _subject(ledger: Ledger, plan_id: int | None) -> str | None:
    """What the bulletin's opening sentence names: a plan by its title in 《》 (None: the
    bulletin's own default); all plans by their titles when they are few, else in words,
    never the words themselves in 《》."""
    if plan_id is not None:
        return None
    titles = [p["title"] for p in list_plans(ledger)]
    if len(titles) == 1:
        return None
    if not titles:
        return tr("年度工作要点")
    if len(titles) <= 3:
        return "、".join(f"《{t}》" for t in titles)
    return tr("全部{n}项工作计划").format(n=len(titles))


def _not_reported(ledger: Ledger, plan_id: int | None, as_of: dt.date, assignments: list[LedgerRow],
                  period: str | None) -> tuple[list[str], str]:
    """The 催报名单 of the latest period fill-in workbooks went out for (of each plan, for a
    bulletin of all plans); when none went out, the units silent since the month began, said
    as such."""
    plan_ids = [plan_id] if plan_id is not None else [p["id"] for p in list_plans(ledger)]
    sent: list[tuple[int, str]] = []
    for pid in plan_ids:
        exported = exported_periods(ledger, pid)
        if exported:
            sent.append((pid, period or exported[0]))
    if sent:
        labels: list[str] = []
        names: list[str] = []
        for pid, key in sent:
            label = period_for(key).label
            if label not in labels:
                labels.append(label)
            names += [s.unit_name for s in not_reported(ledger, pid, key) if s.unit_name not in names]
        label = "、".join(labels)
        if names:
            note = tr("{period}填报表已发放，截至通报日尚未报送或报送不全的单位（{n}个）：")
            return names, note.format(period=label, n=len(names))
        return [], tr("{period}填报表已全部按时收回。").format(period=label)
    since = month_start(as_of)
    silent = [unit for unit, _count in units_silent_since(assignments, since)]
    if silent:
        return silent, tr("本期未发放填报表。{since}以来未更新任何进展的单位（{n}个）：").format(
            since=f"{since.month}月{since.day}日", n=len(silent))
    return [], tr("本期未发放填报表；{since}以来各单位均已更新进展。").format(
        since=f"{since.month}月{since.day}日")


def _scope(item_ids: list[int] | None, options: dict[str, Any]) -> str:
    if options.get("scope"):
        return str(options["scope"])
    if item_ids is None:
        return tr("全部要点")
    return tr("所选 {n} 项要点").format(n=len(item_ids))


def build_document(ledger: Ledger, kind: str | ReportKind, *, plan_id: int | None = None,
                   item_ids: list[int] | None = None, as_of: dt.date | None = None,
                   options: dict[str, Any] | None = None,
                   snapshot: LedgerSnapshot | None = None) -> ReportDocument:
    """What the report says, for every writer to set in its own way.

    ``options``: ``scope`` (the filters in words, for the page header), ``bulletin``
    (:class:`BulletinFields` or a dict of them; missing ones come from the last bulletin of
    the plan), ``due_within`` (working days that count as 临期, default the ledger's
    setting), ``period`` (the fill-in period whose 催报名单 the bulletin prints),
    ``assessment`` (true: the bulletin adds the 单位考核 ranking from 1 January to ``as_of``).
    """
    report_kind = parse_kind(kind)
    options = dict(options or {})
    as_of = as_of or dt.date.today()
    snapshot = snapshot or load_snapshot(ledger, as_of)
    plan_title = _plan_title(ledger, plan_id)
    items = [r for r in snapshot.items if plan_id is None or r.plan_id == plan_id]
    ids = None if item_ids is None else list(item_ids)
    # The per-assignment rows cost a third of a second at 100,000 assignments: only the
    # reports that list or count assignments build them.
    assignments = ([] if report_kind is ReportKind.LEDGER
                   else chosen_assignments(snapshot.assignments, ids, plan_id))
    unit_order = [u["name"] for u in list_units(ledger)]
    due_within = int(options.get("due_within") or snapshot.due_soon_days)
    title = tr(KIND_TITLES[report_kind])
    doc = ReportDocument(report_kind, title, plan_title, as_of, _scope(ids, options))
    if report_kind is ReportKind.LEDGER:
        doc.table = ledger_table(items, ids, by_item(_targets(ledger, plan_id, as_of)))
    elif report_kind is ReportKind.UNIT_SHEETS:
        doc.table = unit_sheets_table(assignments, unit_order, outline_codes(items))
    elif report_kind is ReportKind.OVERDUE:
        doc.table = overdue_table(assignments, unit_order, due_within, outline_codes(items))
        doc.scope += tr("；临期指 {n} 个工作日内到期").format(n=due_within)
    else:
        fields = _bulletin_fields(ledger, plan_id, as_of, options.get("bulletin"))
        chosen = leaf_items(r for r, heading in select_items(items, ids) if not heading)
        unit_kinds = {a.unit_name: a.unit_kind for a in snapshot.records}
        names, note = _not_reported(ledger, plan_id, as_of, assignments, options.get("period"))
        doc.bulletin = build_bulletin(
            chosen, assignments, codes=outline_codes(items), fields=fields, plan_title=plan_title,
            as_of=as_of, unit_kinds=unit_kinds,
            not_reported=names, not_reported_note=note, due_within=due_within,
            subject=_subject(ledger, plan_id), slips=slip_numbers_by_item(ledger),
            targets=_targets(ledger, plan_id, as_of, {r.item_id for r, _ in select_items(items, ids)}))
        if options.get("assessment"):
            _add_assessment(ledger, doc.bulletin, as_of)
        doc.title = f"{fields.series} {tr('第{n}期').format(n=fields.issue)}"
        doc.landscape = False
    return doc


def _targets(ledger: Ledger, plan_id: int | None, as_of: dt.date, item_ids: set[int] | None = None
             ) -> list[TrackedTarget]:
    """The plan's targets (of ``item_ids`` only, when given) with the figures reported up to
    ``as_of``: a report dated back says what was known then."""
    return tracked_targets(ledger, plan_id=plan_id, item_ids=item_ids, until=as_of.isoformat())


def _add_assessment(ledger: Ledger, bulletin: Bulletin, as_of: dt.date) -> None:
    """The 单位考核 ranking of the year so far, or why there is none."""
    start = dt.date(as_of.year, 1, 1)
    try:
        result = assess(ledger, start, as_of, today=as_of)
    except AssessmentError as exc:
        bulletin.assessment_note = exc.message
        return
    bulletin.assessment = [(s.rank, s.unit.unit_name, number_text(s.score)) for s in result.scores]
    bulletin.assessment_note = tr("{start}至{end}各单位考核得分由高到低排列如下（同分同名次）。").format(
        start=chinese_date(start), end=chinese_date(as_of)) + result.scheme.describe()


def _bulletin_fields(ledger: Ledger, plan_id: int | None, as_of: dt.date,
                     given: BulletinFields | dict | None) -> BulletinFields:
    if isinstance(given, BulletinFields):
        return dataclasses.replace(given)
    fields = bulletin_defaults(ledger, plan_id, as_of)
    for name, value in (given or {}).items():
        if value is not None and hasattr(fields, name):
            setattr(fields, name, value)
    return fields
