"""督办单 and 催办通知 as the 督查室 writes them, before any file or record exists.

A slip is numbered per year (督办〔2025〕12号) and names one item and the unit it is sent to;
its default 督办要求 follows the item's 督办灯 as the ledger derived it (never recomputed
here): a yellow light is a reminder, a red one a 逾期督办, and an item overdue by more than
``SERIOUS_OVERDUE_WORKDAYS`` working days a 红色督办, the office's strongest word.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from planner_desktop.domain.report_content import chinese_date
from planner_desktop.domain.status import Light
from planner_desktop.errors import UserFixableError
from planner_desktop.i18n import tr

SERIOUS_OVERDUE_WORKDAYS = 10
KIND_DUE_SOON = "临期提醒"
KIND_OVERDUE = "逾期督办"
KIND_RED = "红色督办"
DEFAULT_REQUIREMENTS = {
    KIND_DUE_SOON: "该事项即将到期，请抓紧推进，确保按期完成，并于到期前报送办理情况。",
    KIND_OVERDUE: "该事项已超过完成时限，请立即采取措施加快办理，于3个工作日内书面报送办理情况及整改措施。",
    KIND_RED: ("该事项逾期时间较长，列为红色督办。请单位主要负责人亲自研究，限期办结，"
               "并于2个工作日内书面说明原因及整改措施。"),
}
ANSWER_LINES = 5  # ruled lines left for 办理情况
_NUMBER = re.compile(r"^\s*督办〔(\d{4})〕(\d+)号\s*$")


def slip_kind(light: Light, remaining_workdays: int | None) -> str:
    """The slip's kind from the item's light and its working days left (negative: overdue)."""
    if light is Light.RED:
        serious = remaining_workdays is not None and -remaining_workdays > SERIOUS_OVERDUE_WORKDAYS
        return KIND_RED if serious else KIND_OVERDUE
    return KIND_DUE_SOON


def default_requirement(kind: str) -> str:
    return tr(DEFAULT_REQUIREMENTS.get(kind, DEFAULT_REQUIREMENTS[KIND_DUE_SOON]))


def slip_number(year: int, number: int) -> str:
    return tr("督办〔{year}〕{n}号").format(year=year, n=number)


def parse_slip_number(text: str) -> tuple[int, int]:
    """(year, number) of ``督办〔2025〕12号``; a clear message for anything else."""
    found = _NUMBER.match(text.replace("[", "〔").replace("]", "〕"))
    if not found:
        raise UserFixableError(
            tr("督办单编号“{text}”的格式不对，应写作 督办〔2025〕12号。").format(text=text))
    return int(found.group(1)), int(found.group(2))


@dataclass(frozen=True)
class SlipRecipient:
    unit_id: int
    name: str
    contact: str = ""
    phone: str = ""


@dataclass
class Slip:
    """One 督办单: one item, one unit it is sent to."""

    year: int
    number: int
    item_id: int
    item_number: str
    title: str
    text: str
    unit: SlipRecipient
    support: list[str]
    deadline: str  # 完成时限 as written, with the date it means
    due: dt.date | None
    kind: str
    requirement: str
    office: str
    issued_on: dt.date

    @property
    def label(self) -> str:
        return slip_number(self.year, self.number)

    def to_json(self) -> dict:
        return {"number": self.label, "year": self.year, "serial": self.number, "item_id": self.item_id,
                "item": self.item_number, "title": self.title, "unit": self.unit.name,
                "support": self.support, "due": self.due.isoformat() if self.due else None,
                "kind": self.kind, "requirement": self.requirement,
                "issued_on": self.issued_on.isoformat()}


def slip_fields(slip: Slip) -> list[tuple[str, str]]:
    """The labelled rows of the slip's table, the same in Word and in the PDF."""
    subject = f"{slip.item_number} {slip.title}".strip()
    if slip.text.strip() and slip.text.strip() != slip.title.strip():
        subject += "\n" + slip.text.strip()
    contact = "　".join(p for p in (slip.unit.contact, slip.unit.phone) if p)
    return [
        (tr("督办类别"), slip.kind),
        (tr("督办事项"), subject),
        (tr("责任单位"), slip.unit.name + (tr("（联系人：{c}）").format(c=contact) if contact else "")),
        (tr("配合单位"), "、".join(slip.support) or tr("无")),
        (tr("完成时限"), slip.deadline or tr("未定")),
        (tr("督办要求"), slip.requirement),
    ]


SIGN_LINE = "签收人：__________　　签收时间：______年____月____日"


@dataclass
class Notice:
    """One 催办通知: a unit that has not reported for a period, and what it still owes."""

    unit: SlipRecipient
    plan_title: str
    period_label: str
    period_key: str
    items: list[tuple[str, str, str]]  # (item number, title, deadline)
    new_due: dt.date | None
    office: str
    issued_on: dt.date
    empty_rows: int = 0
    returned: bool = False
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"unit": self.unit.name, "period": self.period_key, "items": len(self.items),
                "new_due": self.new_due.isoformat() if self.new_due else None,
                "contact": self.unit.contact, "phone": self.unit.phone}


def notice_paragraphs(notice: Notice) -> list[str]:
    """The notice's body: the same sentences in Word, the PDF and the chat-group text."""
    due = chinese_date(notice.new_due) if notice.new_due else tr("收到本通知后3个工作日内")
    state = (tr("报送的填报表尚有{n}项未填写").format(n=notice.empty_rows) if notice.returned
             else tr("尚未报送工作进展情况"))
    lines = [
        tr("{unit}：").format(unit=notice.unit.name),
        tr("根据《{plan}》督办安排，你单位{period}{state}。请于{due}前报送以下{n}项工作的进展情况：").format(
            plan=notice.plan_title, period=notice.period_label, state=state, due=due, n=len(notice.items)),
    ]
    for index, (number, title, deadline) in enumerate(notice.items, start=1):
        lines.append(tr("{i}. {number} {title}（完成时限：{deadline}）").format(
            i=index, number=number, title=title, deadline=deadline or tr("未定")))
    lines.append(tr("逾期未报送的，将在督办通报中予以通报。"))
    return lines


def notice_text(notice: Notice) -> str:
    """One block to paste into the chat group."""
    title = tr("【催办通知】")
    return "\n".join([title, *notice_paragraphs(notice),
                      f"{notice.office}　{chinese_date(notice.issued_on)}"])
