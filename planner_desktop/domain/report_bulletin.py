"""The numbers and sentences of a 督办通报 (progress bulletin), from the ledger's rows.

Counts are of leaf items (an outline heading would count its children twice), as the
dashboard counts them; completion by unit is of assignments, cancelled ones left out, as
``completion_by_unit`` ranks them. Percentages are rounded half up to one decimal, and the
sentences are written the way bureaus write them (``共42项，已完成18项，占42.9%；…``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence

from planner_desktop.domain.ledger_table import LedgerRow, completion_by_unit
from planner_desktop.domain.report_content import (
    Align,
    Bulletin,
    BulletinFields,
    CellKind,
    Column,
    CountLine,
    OverdueEntry,
    RankedUnit,
    ReportTable,
    TableRow,
    TableSection,
    chinese_date,
    percent_text,
)
from planner_desktop.domain.report_tables import deadline_cell, is_due_soon, is_overdue, names_text
from planner_desktop.domain.report_targets import target_section
from planner_desktop.domain.status import Light, Status
from planner_desktop.domain.target_state import TrackedTarget
from planner_desktop.i18n import tr

LIGHT_NAMES: dict[Light, str] = {
    Light.RED: "红灯（逾期）", Light.YELLOW: "黄灯（临期或进度滞后）",
    Light.GREEN: "绿灯（正常推进）", Light.BLUE: "蓝灯（已完成）",
}

# The order a bulletin reports in: what is done first, then what is under way.
STATUS_ORDER = (Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED, Status.SUSPENDED, Status.CANCELLED)

ANNEX_COLUMNS = [
    Column("code", "编号", 18, align=Align.CENTER),
    Column("title", "工作任务", 55),
    Column("lead", "牵头单位", 28),
    Column("deadline", "完成时限", 25),
    Column("status", "状态", 24, align=Align.CENTER),
    Column("progress", "进度", 12, CellKind.PERCENT, Align.RIGHT),
    Column("light", "督办灯", 14, CellKind.LIGHT, Align.CENTER),
]

DEFAULT_REQUIREMENTS = (
    "一要对照问题抓整改。对本期通报的逾期事项，牵头股室要逐项分析原因，明确整改措施和完成时限，"
    "于5个工作日内将整改情况书面报局办公室。\n"
    "二要对照时限抓推进。临期事项的责任单位要倒排工期、挂图作战，确保按期完成；配合单位要主动对接，"
    "形成工作合力。\n"
    "三要按时报送进展。各单位要在每月28日前如实报送工作进展，未按时报送的单位要及时补报。"
    "局办公室将持续跟踪督办，督办结果纳入年度目标管理考核。"
)


def count_lines(items: Sequence[LedgerRow]) -> tuple[list[CountLine], list[CountLine]]:
    """Counts and shares by status (lifecycle order) and by light (red first)."""
    total = len(items) or 1
    statuses = Counter(r.status for r in items)
    lights = Counter(r.light for r in items)
    by_status = [CountLine(s.value, statuses[s], statuses[s] / total) for s in STATUS_ORDER]
    by_light = [CountLine(LIGHT_NAMES[light], lights[light], lights[light] / total)
                for light in (Light.RED, Light.YELLOW, Light.GREEN, Light.BLUE)]
    return by_status, by_light


def overall_sentence(items: Sequence[LedgerRow], due_within: int) -> str:
    """``本次纳入督办的工作任务共42项，已完成18项，占42.9%；推进中20项，占47.6%；…``"""
    total = len(items)
    if not total:
        return tr("本次纳入督办的工作任务共0项。")
    counts = Counter(r.status for r in items)
    parts = [tr("本次纳入督办的工作任务共{n}项").format(n=total)]
    for status in STATUS_ORDER:
        n = counts[status]
        if n or status in (Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED):
            parts.append(tr("{label}{n}项，占{share}").format(
                label=status.value, n=n, share=percent_text(n / total)))
    late = sum(is_overdue(r) for r in items)
    soon = sum(is_due_soon(r, due_within) for r in items)
    text = parts[0] + "，" + "；".join(parts[1:]) + "。"
    text += tr("其中逾期{late}项，占{share}；{days}个工作日内到期{soon}项。").format(
        late=late, share=percent_text(late / total), days=due_within, soon=soon)
    return text


def light_sentence(by_light: Sequence[CountLine]) -> str:
    return tr("按督办灯统计：") + "，".join(
        tr("{label}{n}项").format(label=line.label, n=line.count) for line in by_light) + "。"


def rank_units(assignments: Sequence[LedgerRow], unit_kinds: Mapping[str, str]) -> list[RankedUnit]:
    """Units by completion rate, best first, ranked among their own kind (sections against
    sections, schools against schools); equal rates share a rank (1, 2, 2, 4)."""
    late = Counter(r.unit_name for r in assignments if is_overdue(r))
    ranked: list[RankedUnit] = []
    position: Counter[str] = Counter()
    last: dict[str, RankedUnit] = {}
    for rate in completion_by_unit(assignments):
        kind = unit_kinds.get(rate.unit, "")
        position[kind] += 1
        before = last.get(kind)
        rank = before.rank if before is not None and before.rate == rate.rate else position[kind]
        unit = RankedUnit(rank, rate.unit, kind, rate.done, rate.total, late[rate.unit])
        last[kind] = unit
        ranked.append(unit)
    return ranked


def overdue_entries(items: Sequence[LedgerRow], assignments: Sequence[LedgerRow],
                    codes: Mapping[int, str], slips: Mapping[int, Sequence[str]] | None = None
                    ) -> list[OverdueEntry]:
    """Overdue items, most overdue first, each with the units whose part of it is overdue."""
    late_units: dict[int, list[str]] = {}
    for r in assignments:
        if is_overdue(r):
            late_units.setdefault(r.item_id, []).append(r.unit_name)
    entries = [OverdueEntry(codes.get(r.item_id, r.code), r.title, late_units.get(r.item_id) or r.lead, r.due,
                            -(r.remaining_workdays or 0), tuple((slips or {}).get(r.item_id, ())))
               for r in items if is_overdue(r)]
    return sorted(entries, key=lambda e: -e.workdays_overdue)


def annex_table(items: Sequence[LedgerRow], codes: Mapping[int, str]) -> ReportTable:
    rows = [TableRow((codes.get(r.item_id, r.code), r.title, "、".join(r.lead) or names_text(r.units),
                      deadline_cell(r),
                      r.status_summary(), r.progress, r.light), light=r.light, overdue=is_overdue(r))
            for r in items]
    return ReportTable(ANNEX_COLUMNS, [TableSection(None, rows)])


def build_bulletin(items: Sequence[LedgerRow], assignments: Sequence[LedgerRow], *,
                   codes: Mapping[int, str], fields: BulletinFields,
                   plan_title: str, as_of: dt.date, unit_kinds: Mapping[str, str],
                   not_reported: Sequence[str], not_reported_note: str, due_within: int,
                   subject: str | None = None, slips: Mapping[int, Sequence[str]] | None = None,
                   targets: Sequence[TrackedTarget] = ()) -> Bulletin:
    """``items`` are the leaf items behind the numbers, ``assignments`` their assignments,
    ``targets`` the 量化指标 of the plan's items (a part of their own when there are any).

    ``subject`` is what the opening sentence names, as written; without it the plan's title,
    in 《》 (a title is quoted so, words such as 全部计划 are not)."""
    by_status, by_light = count_lines(items)
    if subject is None:
        subject = f"《{plan_title}》" if plan_title else tr("年度工作要点")
    intro = tr("为推动{subject}各项任务落实落地，局办公室对各项工作推进情况进行了跟踪督办。"
               "现将截至{date}的督办情况通报如下。").format(subject=subject, date=chinese_date(as_of))
    if not fields.requirements.strip():
        fields.requirements = DEFAULT_REQUIREMENTS
    return Bulletin(
        fields=fields, total=len(items), overdue_count=sum(is_overdue(r) for r in items),
        due_soon_count=sum(is_due_soon(r, due_within) for r in items), due_within=due_within,
        by_status=by_status, by_light=by_light,
        overall_sentence=overall_sentence(items, due_within), light_sentence=light_sentence(by_light),
        ranking=rank_units(assignments, unit_kinds),
        overdue=overdue_entries(items, assignments, codes, slips),
        not_reported=list(not_reported), not_reported_note=not_reported_note, intro=intro,
        annex=annex_table(items, codes), targets=target_section(targets, codes),
    )


def overdue_line(index: int, entry: OverdueEntry) -> str:
    """``1. 一（二）3. 标题（责任单位：甲、乙；完成时限2026-06-30，已逾期12个工作日）``"""
    due = chinese_date(entry.due) if entry.due else tr("未定")
    late = (tr("已逾期{n}个工作日").format(n=entry.workdays_overdue) if entry.workdays_overdue > 0
            else tr("已逾期"))
    line = tr("{i}. {code} {title}（责任单位：{units}；完成时限{due}，{late}）").format(
        i=index, code=entry.code, title=entry.title, units=names_text(entry.units, noun="个单位"),
        due=due, late=late)
    if entry.slips:  # the slips already sent, as the office cites them: （督办〔2025〕12号）
        line += f"（{'、'.join(entry.slips)}）"
    return line


def summary_tables(bulletin: Bulletin) -> list[ReportTable]:
    """总体情况 as two small tables (by status, by light): counts and shares side by side."""
    total = bulletin.total or 1

    def table(first: str, labels: list[str], counts: list[int]) -> ReportTable:
        columns = [Column("what", first, 18, align=Align.CENTER)]
        columns += [Column(f"c{i}", label, 18, align=Align.CENTER) for i, label in enumerate(labels)]
        rows = [TableRow((tr("项数"), *counts)),
                TableRow((tr("占比"), *(percent_text(n / total) for n in counts)))]
        return ReportTable(columns, [TableSection(None, rows)])

    status_counts = [line.count for line in bulletin.by_status]
    by_status = table(tr("状态"), [tr("合计")] + [line.label for line in bulletin.by_status]
                      + [tr("其中逾期"), tr("其中临期")],
                      [bulletin.total, *status_counts, bulletin.overdue_count, bulletin.due_soon_count])
    by_light = table(tr("督办灯"), [line.label for line in bulletin.by_light],
                     [line.count for line in bulletin.by_light])
    return [by_status, by_light]
