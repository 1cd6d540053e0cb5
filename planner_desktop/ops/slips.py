"""督办单 and 催办通知: which papers to issue, numbering and recording them, answering a slip.

Issuing is one transaction: the year's next numbers are taken, the slips recorded, and the
files written (by the caller's ``write``, which draws PDFs with Qt and so lives in
``printing/slip_files.py``) before it commits. A file that cannot be written rolls the
numbers and records back, so a number is only used by a slip that exists on paper.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from planner_desktop.domain.ledger import ItemView
from planner_desktop.domain.status import Light, Status
from planner_desktop.domain.supervision import (
    Notice,
    Slip,
    SlipRecipient,
    default_requirement,
    parse_slip_number,
    slip_kind,
)
from planner_desktop.domain.units import Role
from planner_desktop.errors import UserFixableError
from planner_desktop.i18n import tr
from planner_desktop.ops.changes import Changed, Changes
from planner_desktop.ops.fillin.reminders import reminder_list
from planner_desktop.ops.ledger_query import ItemQuery, query_items
from planner_desktop.ops.reports import bulletin_defaults
from planner_desktop.store.calendar import load_calendar
from planner_desktop.store.database import Ledger, now_text
from planner_desktop.store.fillin import exported_periods, fetch_fillin_sheets, find_unit
from planner_desktop.store.slips import (
    SlipRecord,
    find_slip,
    insert_notice,
    insert_slip,
    item_units,
    keep_last_number,
    list_slips,
    next_slip_number,
    papers_by_unit,
    set_slip_answer,
    unit_recipient,
)

SLIPS = Changes(assignments=True)  # an item's history (detail pane) and the bulletin's quotes
NOTICES = Changes(units=True)
LIGHT_WORDS = {"red": Light.RED, "yellow": Light.YELLOW, "红": Light.RED, "黄": Light.YELLOW,
               "green": Light.GREEN, "绿": Light.GREEN}


def parse_lights(text: str | Iterable[str]) -> set[Light]:
    words = text.replace("，", ",").split(",") if isinstance(text, str) else list(text)
    lights = set()
    for word in (w.strip().lower() for w in words):
        if not word:
            continue
        if word not in LIGHT_WORDS:
            raise UserFixableError(tr("督办灯“{w}”无法识别，请写 red、yellow（或 红、黄）。").format(w=word))
        lights.add(LIGHT_WORDS[word])
    return lights


@dataclass
class SlipPlan:
    """The slips an issue would make, numbered provisionally (0) until recorded."""

    slips: list[Slip]
    no_contact: list[str]  # units sent a slip that have neither contact nor phone

    @property
    def units(self) -> list[str]:
        return list(dict.fromkeys(s.unit.name for s in self.slips))


def plan_slips(ledger: Ledger, *, item_ids: Iterable[int] | None = None,
               lights: Iterable[Light] | None = None, unit: str | None = None,
               requirement: str | None = None, today: dt.date | None = None) -> SlipPlan:
    """One slip per chosen item per unit it is sent to: its lead units (or, without one, the
    schools carrying it out); its 配合单位 are listed on the slip. Lights are the ledger's."""
    today = today or dt.date.today()
    views = query_items(ledger, ItemQuery(as_of=today))
    if item_ids is not None:
        wanted = set(item_ids)
        chosen = [v for v in views if v.record.id in wanted]
        if not chosen:
            raise UserFixableError(tr("没有选中任何要点：请先在督办台账中选中要发督办单的事项。"))
    else:
        light_set = set(lights or ())
        if not light_set:
            raise UserFixableError(tr("请选择督办灯（红灯、黄灯）或选中要发督办单的事项。"))
        chosen = [v for v in views if v.light in light_set]
    units = item_units(ledger, [v.record.id for v in chosen])
    only = _unit_id(ledger, unit) if unit else None
    slips: list[Slip] = []
    office_of: dict[int, str] = {}
    for view in chosen:
        for recipient in _recipients(units.get(view.record.id, [])):
            if only is not None and recipient.unit_id != only:
                continue
            plan_id = view.record.plan_id
            if plan_id not in office_of:
                office_of[plan_id] = bulletin_defaults(ledger, plan_id, today).office
            slips.append(_slip(view, recipient, units[view.record.id], requirement,
                               office_of[plan_id], today))
    if not slips:
        raise UserFixableError(_nothing_message(item_ids is not None, lights, unit))
    no_contact = list(dict.fromkeys(s.unit.name for s in slips if not (s.unit.contact or s.unit.phone)))
    return SlipPlan(slips, no_contact)


def _nothing_message(by_items: bool, lights: Iterable[Light] | None, unit: str | None) -> str:
    if unit:
        return tr("所选事项中没有由“{unit}”负责的事项，没有生成督办单。").format(unit=unit)
    if by_items:
        return tr("所选事项没有分解到责任单位，无法发督办单：请先在详情中添加牵头单位。")
    words = {Light.RED: tr("红灯"), Light.YELLOW: tr("黄灯"), Light.GREEN: tr("绿灯")}
    names = "、".join(words.get(light, "") for light in sorted(lights or (), key=str))
    return tr("当前没有{lights}事项（或这些事项尚未分解到单位），没有需要发督办单的事项。").format(
        lights=names)


def _unit_id(ledger: Ledger, name: str) -> int:
    found = find_unit(ledger, name)
    if found is None:
        raise UserFixableError(tr("单位“{name}”不在单位名册中。").format(name=name))
    return found[0]


def _recipients(units) -> list[SlipRecipient]:
    leads = [u.unit for u in units if u.role == Role.LEAD]
    return leads or [u.unit for u in units if u.role == Role.CARRY]


def _slip(view: ItemView, recipient: SlipRecipient, units, requirement: str | None, office: str,
          today: dt.date) -> Slip:
    record = view.record
    kind = slip_kind(view.light, view.remaining_workdays)
    deadline = record.deadline_text or ""
    if record.due and record.due.isoformat() not in deadline:
        deadline = f"{deadline}（{record.due.isoformat()}）" if deadline else record.due.isoformat()
    support = [u.unit.name for u in units if u.role == Role.SUPPORT]
    return Slip(today.year, 0, record.id, record.number or record.code, record.title, record.text,
                recipient, support, deadline, record.due, kind,
                (requirement or "").strip() or default_requirement(kind), office, today)


@dataclass
class SlipsIssued:
    slips: list[Slip]
    files: list[Path]
    no_contact: list[str]
    changes: Changes = field(default=SLIPS, repr=False)

    def to_json(self) -> dict:
        return {"slips": [s.to_json() for s in self.slips], "count": len(self.slips),
                "units": list(dict.fromkeys(s.unit.name for s in self.slips)),
                "files": [str(f) for f in self.files], "no_contact": self.no_contact}


# papers → (the file each one is in, by index; every file written)
Writer = Callable[[list], tuple[dict[int, Path], list[Path]]]


def first_number(ledger: Ledger, year: int) -> int:
    """The number the next slip of ``year`` will take, for the issue dialog to say 起 from."""
    return next_slip_number(ledger.conn, year)


def record_slips(ledger: Ledger, plan: SlipPlan, write: Writer) -> SlipsIssued:
    """Number, write and record in one transaction: a failed write records nothing."""
    stamp = now_text()
    with ledger.transaction() as conn:
        numbers: dict[int, int] = {}
        for slip in plan.slips:
            if slip.year not in numbers:
                numbers[slip.year] = next_slip_number(conn, slip.year)
            slip.number = numbers[slip.year]
            numbers[slip.year] += 1
        files, written = write(plan.slips)
        for index, slip in enumerate(plan.slips):
            insert_slip(conn, year=slip.year, number=slip.number, item_id=slip.item_id,
                        unit_id=slip.unit.unit_id, kind=slip.kind, requirement=slip.requirement,
                        due=slip.due.isoformat() if slip.due else None,
                        issued_at=f"{slip.issued_on.isoformat()}{stamp[10:]}",
                        file_name=files[index].name if index in files else "")
        for year, following in numbers.items():
            keep_last_number(conn, year, following - 1)
    return SlipsIssued(plan.slips, written, plan.no_contact)


def slips_of_year(ledger: Ledger, year: int | None = None) -> list[SlipRecord]:
    return list_slips(ledger, year=year)


def slip_by_reference(ledger: Ledger, *, number: str | None = None, slip_id: int | None = None
                      ) -> SlipRecord:
    if number:
        year, serial = parse_slip_number(number)
        found = find_slip(ledger, year, serial)
    else:
        found = next(iter(list_slips(ledger, slip_id=slip_id)), None)
    if found is None:
        raise UserFixableError(tr("没有找到督办单 {ref}。").format(ref=number or slip_id))
    return found


@dataclass(frozen=True)
class SlipState:
    answer: str
    answered_at: str | None
    closed_at: str | None


def answer_slip(ledger: Ledger, slip_id: int, text: str, *, close: bool = False) -> Changed[SlipState]:
    """Type in a slip's 办理情况 (and close it); the previous state is returned for undo."""
    slip = slip_by_reference(ledger, slip_id=slip_id)
    before = SlipState(slip.answer, slip.answered_at, slip.closed_at)
    stamp = now_text()
    answered = slip.answered_at if text == slip.answer else (stamp if text.strip() else None)
    closed = (slip.closed_at or stamp) if close else None
    set_slip_answer(ledger, slip_id, text.strip(), answered, closed)
    return Changed(before, SLIPS)


def restore_slip(ledger: Ledger, slip_id: int, state: SlipState) -> Changes:
    set_slip_answer(ledger, slip_id, state.answer, state.answered_at, state.closed_at)
    return SLIPS


# -- 催办通知 -----------------------------------------------------------------------------------
_OPEN = {Status.DONE.value, Status.CANCELLED.value}


# Five working days to answer a reminder: the usual 限期 of a 催办 in a bureau's week.
WORKDAYS_TO_ANSWER_A_NOTICE = 5


def default_notice_due(ledger: Ledger, today: dt.date) -> dt.date:
    """The new due date a notice offers: five working days on, by the ledger's calendar."""
    return load_calendar(ledger).add_workdays(today, WORKDAYS_TO_ANSWER_A_NOTICE)


def reminder_periods(ledger: Ledger, plan_id: int) -> list[str]:
    """The periods fill-in workbooks went out for, latest first: those a notice can be for."""
    return exported_periods(ledger, plan_id)


def plan_notices(ledger: Ledger, plan_id: int, period: str, new_due: dt.date | None = None,
                 today: dt.date | None = None) -> list[Notice]:
    """One notice per unit on the 催报名单 (``reminder_list``), naming the items it still owes."""
    today = today or dt.date.today()
    reminders = reminder_list(ledger, plan_id, period)
    missing = reminders.missing
    if not missing:
        raise UserFixableError(tr("{period}所有单位都已报送，没有需要催办的单位。").format(
            period=reminders.period.label))
    sheets = {s.unit_id: s for s in fetch_fillin_sheets(ledger, plan_id, [m.unit_id for m in missing])}
    office = bulletin_defaults(ledger, plan_id, today).office
    notices = []
    for state in missing:
        sheet = sheets.get(state.unit_id)
        rows = [r for r in (sheet.rows if sheet else []) if r.last_status not in _OPEN]
        notices.append(Notice(unit_recipient(ledger, state.unit_id), reminders.plan_title,
                              reminders.period.label, reminders.period.key,
                              [(r.code, r.title, r.deadline) for r in rows], new_due, office, today,
                              state.empty_rows, state.returned_at is not None, {"plan_id": plan_id}))
    return notices


@dataclass
class NoticesIssued:
    notices: list[Notice]
    files: list[Path]
    text: str
    changes: Changes = field(default=NOTICES, repr=False)

    def to_json(self) -> dict:
        return {"notices": [n.to_json() for n in self.notices], "count": len(self.notices),
                "units": [n.unit.name for n in self.notices], "files": [str(f) for f in self.files],
                "no_contact": [n.unit.name for n in self.notices if not (n.unit.contact or n.unit.phone)]}


def record_notices(ledger: Ledger, notices: list[Notice], write: Writer, text: str) -> NoticesIssued:
    stamp = now_text()
    with ledger.transaction() as conn:
        files, written = write(notices)
        for index, notice in enumerate(notices):
            insert_notice(conn, plan_id=notice.extra["plan_id"], unit_id=notice.unit.unit_id,
                          period=notice.period_key,
                          new_due=notice.new_due.isoformat() if notice.new_due else None,
                          items=len(notice.items), issued_at=stamp,
                          file_name=files[index].name if index in files else "")
    return NoticesIssued(notices, written, text)


def slips_of_item(ledger: Ledger, item_id: int) -> list[SlipRecord]:
    """The slips an item was sent, in issue order (the detail pane's history)."""
    return list_slips(ledger, item_id=item_id)


def unit_papers(ledger: Ledger) -> dict[int, list[tuple[str, str]]]:
    """What each unit was sent (督办单, 催办通知), newest first: the units dialog's history."""
    return papers_by_unit(ledger)
