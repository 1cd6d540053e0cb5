"""What the 工作总结初稿 (summary draft) says, from the ledger's rows: pure data, no files.

At half-year and year end the clerk writes the bureau's summary from the ledger. The draft
is built here once, as headings and paragraphs (:class:`SummaryDraft`), and set twice: as a
Word document (``exchange/summary_docx.py``) and as plain text for an OA form
(:func:`summary_text`), so both say the same.

The body follows the plan: one part per top-level section in the plan's order and with its
number, the second level under it, each item written from the progress notes of the period
(oldest first, a note repeated by several units or reports once, with the units named).
The figures are the ledger's own: leaf items, as the status bar and the bulletin count them.
Targets are the ledger's tracked targets with the figures reported up to the period's end:
the opening counts those reached (:func:`targets_phrase`), a completed item states its
figures, and 存在的问题 lists each target not reached with the note its unit gave.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from planner_desktop.domain.ledger_table import LedgerRow, completion_by_unit, leaf_items
from planner_desktop.domain.outline_codes import numbered_title, render
from planner_desktop.domain.report_content import chinese_date, percent_text
from planner_desktop.domain.report_tables import is_overdue, names_text
from planner_desktop.domain.status import Alert, Status
from planner_desktop.domain.target_rows import figure_phrase, not_reached
from planner_desktop.domain.target_state import TrackedTarget, format_figure, reached_count
from planner_desktop.errors import UserFixableError
from planner_desktop.i18n import tr

_SENTENCE_ENDS = "。！？；…!?;"


@dataclass(frozen=True)
class SummaryPeriod:
    start: dt.date
    end: dt.date
    label: str  # what the title says after the year: 上半年, '' for the whole year, 3月1日至6月30日

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def summary_period(text: str, year: int) -> SummaryPeriod:
    """``H1`` (上半年), ``H2``, ``year`` (全年) of the plan's year, or ``FROM:TO`` ISO dates."""
    word = text.strip()
    if word.upper() == "H1":
        return SummaryPeriod(dt.date(year, 1, 1), dt.date(year, 6, 30), tr("上半年"))
    if word.upper() == "H2":
        return SummaryPeriod(dt.date(year, 7, 1), dt.date(year, 12, 31), tr("下半年"))
    if word.lower() in ("year", "全年"):
        return SummaryPeriod(dt.date(year, 1, 1), dt.date(year, 12, 31), "")
    first, sep, last = word.partition(":")
    try:
        start, end = dt.date.fromisoformat(first.strip()), dt.date.fromisoformat(last.strip())
    except ValueError:
        start = end = None
    if not sep or start is None or end is None:
        raise UserFixableError(tr("无法识别的总结时段“{text}”：请写 H1（上半年）、year（全年）"
                                  "或 起始日期:截止日期（如 2025-01-01:2025-06-30）。").format(text=text))
    if end < start:
        raise UserFixableError(tr("总结时段的截止日期 {end} 早于起始日期 {start}，请改正。").format(
            start=start.isoformat(), end=end.isoformat()))
    label = tr("{a}至{b}").format(a=_month_day(start, year), b=_month_day(end, year))
    return SummaryPeriod(start, end, label)


def _month_day(day: dt.date, year: int) -> str:
    return f"{day.month}月{day.day}日" if day.year == year else chinese_date(day)


@dataclass(frozen=True)
class ProgressNote:
    """One status update with a note, as the store hands it over."""

    item_id: int
    unit: str
    day: dt.date
    at: str  # the full time, for the order of two notes of one day
    text: str
    status: Status


@dataclass(frozen=True)
class ExtensionReason:
    item_id: int
    unit: str
    new_due: dt.date | None
    reason: str


@dataclass(frozen=True)
class Heading:
    level: int  # 1 (黑体) or 2 (楷体)
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


Block = Heading | Paragraph


@dataclass(frozen=True)
class UnitLine:
    """One line of the annex: a unit's completion."""

    rank: int
    unit: str
    total: int
    done: int
    overdue: int

    @property
    def rate(self) -> float:
        return self.done / self.total if self.total else 0.0


@dataclass
class SummaryDraft:
    title: str
    period: SummaryPeriod
    opening: str
    blocks: list[Block]  # the plan's parts, then 存在的问题 and 下一步工作打算
    annex: list[UnitLine]
    total: int
    done: int
    targets: int
    notes: int  # notes of the period used
    targets_reached: int = 0  # by the figures reported up to the period's end
    written_items: list[int] = field(default_factory=list)  # items written in the body
    unit: str = ""
    bureau: str = ""

    @property
    def rate(self) -> float:
        return self.done / self.total if self.total else 0.0

    def to_json(self) -> dict:
        return {"title": self.title, "start": self.period.start.isoformat(),
                "end": self.period.end.isoformat(), "unit": self.unit or None, "items": self.total,
                "done": self.done, "rate": round(self.rate, 4), "targets": self.targets,
                "targets_reached": self.targets_reached, "notes": self.notes,
                "sections": [b.text for b in self.blocks if isinstance(b, Heading) and b.level == 1]}


ANNEX_TITLE = "各单位任务完成情况统计表"
ANNEX_HEADERS = ("序号", "单位", "承担任务", "已完成", "逾期", "完成率")


def targets_phrase(targets: Sequence[TrackedTarget]) -> str:
    """The opening's word on targets: 量化指标n项，已达成k项 (by the figures the caller read)."""
    reached, tracked = reached_count(list(targets))
    return tr("量化指标{n}项，已达成{k}项").format(n=tracked, k=reached)


def summary_title(who: str, year: int, period: SummaryPeriod) -> str:
    """``青溪县教育局2025年上半年工作总结（初稿）``; a unit's own summary carries its name."""
    return tr("{who}{year}年{period}工作总结（初稿）").format(who=who, year=year, period=period.label)


def own_markers(items: Sequence[LedgerRow]) -> dict[int, str]:
    """Each item's own marker (``（一）``, ``2.``): its number as the ledger shows it
    (``outline_codes.item_number``: ``一、（一）2.``) less the number of the item above it."""
    markers: dict[int, str] = {}
    stack: list[LedgerRow] = []
    for row in items:
        while stack and (stack[-1].level >= row.level or stack[-1].plan_id != row.plan_id):
            stack.pop()
        above = stack[-1].code if stack else ""
        markers[row.item_id] = row.code[len(above):] if above and row.code.startswith(above) else row.code
        stack.append(row)
    return markers


def sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in _SENTENCE_ENDS else text + "。"


def item_paragraph(notes: Sequence[ProgressNote], name_units: bool = True) -> str:
    """The item's notes of the period, oldest first; a text written again (by another unit,
    or in a later report) is said once, after the units that wrote it (a long list of schools
    shortened to 甲、乙等25个单位). A unit's own summary does not name itself each time."""
    by_text: dict[str, list[str]] = {}
    for note in sorted(notes, key=lambda n: n.at):
        text = sentence(note.text)
        units = by_text.setdefault(text, [])
        if note.unit not in units:
            units.append(note.unit)
    if not name_units:
        return "".join(by_text)
    return "".join(f"{names_text(units, noun='个单位')}：{text}" for text, units in by_text.items())


@dataclass
class SummaryInput:
    """The ledger's rows a summary is drafted from (the store and ops gather them)."""

    bureau: str
    year: int
    period: SummaryPeriod
    items: list[LedgerRow]  # the plan's item rows, in outline order (headings included)
    assignments: list[LedgerRow]  # the plan's assignment rows
    notes: list[ProgressNote]  # notes of the plan (only those in the period are used)
    extensions: list[ExtensionReason] = field(default_factory=list)
    targets: list[TrackedTarget] = field(default_factory=list)
    unit: str = ""  # one unit's own summary, or '' for the whole bureau


class NothingToSummarise(UserFixableError):
    """The period (and unit) chosen has no progress note: there is nothing to write from."""


def build_summary(data: SummaryInput) -> SummaryDraft:
    """The draft; refuses a period without any note rather than writing an empty one."""
    period, unit = data.period, data.unit
    assignments = [a for a in data.assignments if not unit or a.unit_name == unit]
    unit_items = {a.item_id for a in assignments}
    items = [r for r in data.items if not unit or r.item_id in unit_items or not r.is_leaf]
    # A unit's own summary counts its own part of each item (its assignment's state).
    leaves = (leaf_items(items) if not unit
              else [a for a in assignments if a.item_id in {r.item_id for r in leaf_items(items)}])
    notes = [n for n in data.notes if period.contains(n.day) and n.text.strip()
             and (not unit or n.unit == unit)]
    if not notes:
        where = tr("{unit}在").format(unit=unit) if unit else ""
        raise NothingToSummarise(tr("{where}{start}至{end}期间没有记录任何进展情况，无法起草工作总结。"
                                    "请换一个时段或单位，或先导入各单位报送的填报表。").format(
            where=where, start=chinese_date(period.start), end=chinese_date(period.end)))
    notes_by_item: dict[int, list[ProgressNote]] = defaultdict(list)
    for note in notes:
        notes_by_item[note.item_id].append(note)
    in_scope = {r.item_id for r in items}
    targets = [t for t in data.targets if t.item_id in in_scope]
    targets_by_item: dict[int, list[TrackedTarget]] = defaultdict(list)
    for target in targets:
        targets_by_item[target.item_id].append(target)
    done = sum(r.status is Status.DONE for r in leaves)
    title = summary_title(unit or data.bureau, data.year, period)
    blocks, written = _body(items, leaves, notes_by_item, targets_by_item, not unit)
    sections = sum(isinstance(b, Heading) and b.level == 1 for b in blocks)
    problems = _problems(leaves, items, notes_by_item, data.extensions, unit)
    problems += _targets_not_reached(targets, items)
    blocks.append(Heading(1, render("cn", sections + 1) + tr("存在的问题")))
    blocks += problems or [Paragraph(tr("截至{date}，没有逾期或进度滞后的任务。").format(
        date=chinese_date(period.end)))]
    blocks.append(Heading(1, render("cn", sections + 2) + tr("下一步工作打算")))
    blocks += _next_steps(leaves, items)
    opening = _opening(data, leaves, done, targets, period)
    return SummaryDraft(title=title, period=period, opening=opening, blocks=blocks,
                        annex=_annex(assignments), total=len(leaves), done=done,
                        targets=len(targets), notes=len(notes), written_items=written, unit=unit,
                        targets_reached=reached_count(targets)[0],
                        bureau=data.bureau)


def _opening(data: SummaryInput, leaves: Sequence[LedgerRow], done: int,
             targets: Sequence[TrackedTarget], period: SummaryPeriod) -> str:
    who = data.unit or data.bureau
    when = tr("{year}年{label}").format(year=data.year, label=period.label)
    rate = percent_text(done / len(leaves)) if leaves else "0.0%"
    return tr("{when}，{who}认真落实年度工作要点，各项工作有序推进。纳入督办的工作任务共{n}项，"
              "已完成{done}项，完成率{rate}；{targets}。现将工作情况总结如下。").format(
        when=when, who=who, n=len(leaves), done=done, rate=rate, targets=targets_phrase(targets))


def _body(items: Sequence[LedgerRow], leaves: Sequence[LedgerRow],
          notes: dict[int, list[ProgressNote]],
          targets: dict[int, list[TrackedTarget]], name_units: bool) -> tuple[list[Block], list[int]]:
    """The plan's parts: each top-level section a heading, the second level a heading, every
    other item a paragraph led by its number; an item without notes in the period is left out
    of the body (下一步工作打算 lists what is unfinished), a section with none says so."""
    state = {r.item_id: r for r in leaves}  # the unit's own state in a unit's summary
    markers = own_markers(items)

    def item_text(row: LedgerRow, lead: str = "") -> str:
        return _item_text(state.get(row.item_id, row), notes, targets, lead, name_units)

    blocks: list[Block] = []
    written: list[int] = []
    section_start = 0
    count = 0

    def close_section() -> None:
        if count and not any(isinstance(b, Paragraph) for b in blocks[section_start + 1:]):
            blocks.append(Paragraph(tr("本期暂无进展记录。")))

    for index, row in enumerate(items):
        if row.level == 1:
            close_section()
            count += 1
            section_start = len(blocks)
            mark = markers[row.item_id] or render("cn", count)
            blocks.append(Heading(1, numbered_title(mark, row.title)))
            if row.is_leaf and row.item_id in notes:
                blocks.append(Paragraph(item_text(row)))
                written.append(row.item_id)
            continue
        has_notes = row.item_id in notes
        if row.level == 2 and (has_notes or _any_notes_under(index, items, notes)):
            blocks.append(Heading(2, numbered_title(markers[row.item_id], row.title)))
            if has_notes:
                blocks.append(Paragraph(item_text(row)))
                written.append(row.item_id)
        elif row.level > 2 and has_notes:
            blocks.append(Paragraph(item_text(row, numbered_title(markers[row.item_id], row.title))))
            written.append(row.item_id)
    close_section()
    return blocks, written


def _any_notes_under(index: int, items: Sequence[LedgerRow], notes: dict[int, list]) -> bool:
    row = items[index]
    for other in items[index + 1:]:
        if other.level <= row.level or other.plan_id != row.plan_id:
            return False
        if other.item_id in notes:
            return True
    return False


def _item_text(row: LedgerRow, notes: dict[int, list[ProgressNote]],
               targets: dict[int, list[TrackedTarget]], lead: str, name_units: bool) -> str:
    text = sentence(lead) if lead else ""
    text += item_paragraph(notes[row.item_id], name_units)
    if row.status is Status.DONE:
        text += tr("该项工作已完成。")
        if targets.get(row.item_id):
            text += tr("量化指标：{targets}。").format(
                targets="；".join(figure_phrase(t) for t in targets[row.item_id]))
    return text


def _problems(leaves: Sequence[LedgerRow], items: Sequence[LedgerRow],
              notes: dict[int, list[ProgressNote]], extensions: Iterable[ExtensionReason],
              unit: str) -> list[Block]:
    """Overdue and lagging items (red and yellow lights), each with the reasons recorded:
    the extensions granted and the latest note of the period."""
    reasons: dict[int, list[str]] = defaultdict(list)
    for ext in extensions:
        if (not unit or ext.unit == unit) and ext.reason.strip():
            due = tr("，延期至{date}").format(date=chinese_date(ext.new_due)) if ext.new_due else ""
            reasons[ext.item_id].append(tr("{unit}申请延期{due}，理由：{reason}").format(
                unit=ext.unit, due=due, reason=ext.reason.strip().rstrip("。")))
    titles = _full_titles(items)
    lagging = [r for r in leaves if r.alert in (Alert.OVERDUE, Alert.DUE_SOON, Alert.BEHIND)]
    blocks: list[Block] = []
    for index, row in enumerate(lagging, start=1):
        if is_overdue(row):
            state = tr("已逾期") + (tr("（完成时限{date}）").format(date=chinese_date(row.due))
                                   if row.due else "")
        elif row.alert is Alert.DUE_SOON:
            state = tr("临近完成时限尚未完成")
        else:
            state = tr("进度滞后（进度{p}%）").format(p=row.progress)
        why = list(reasons.get(row.item_id, []))
        latest = sorted(notes.get(row.item_id, []), key=lambda n: n.at)
        if latest:
            why.append(tr("最新进展：{note}").format(note=latest[-1].text.strip().rstrip("。")))
        text = f"{index}. {titles[row.item_id].rstrip('。；;')}，{state}。"
        if why:
            text += "；".join(why) + "。"
        blocks.append(Paragraph(text))
    return blocks


def _targets_not_reached(targets: Sequence[TrackedTarget], items: Sequence[LedgerRow]) -> list[Block]:
    """Each target whose figure fell short, with its item's number and the unit's note."""
    short = not_reached(targets)
    if not short:
        return []
    titles = {row.item_id: row.code for row in items}
    blocks: list[Block] = [Paragraph(tr("有{n}项量化指标未达到目标：").format(n=len(short)))]
    for index, t in enumerate(short, start=1):
        text = tr("{index}. {number}{phrase}：完成{figure}{measure}，目标{wanted}").format(
            index=index, number=titles.get(t.item_id, ""), phrase=t.text.rstrip("。；;"),
            figure=format_figure(t.figure), measure=t.measure, wanted=t.wanted_text())
        if t.reporter:
            text += tr("（{unit}）").format(unit=t.reporter)
        if t.figure_note.strip():
            text += tr("，原因：{note}").format(note=t.figure_note.strip().rstrip("。"))
        blocks.append(Paragraph(text + "。"))
    return blocks


def _next_steps(leaves: Sequence[LedgerRow], items: Sequence[LedgerRow]) -> list[Block]:
    unfinished = [r for r in leaves if r.status not in (Status.DONE, Status.CANCELLED)]
    if not unfinished:
        return [Paragraph(tr("各项任务均已完成，下一步将巩固成果，做好总结和经验推广。"))]
    titles = _full_titles(items)
    blocks: list[Block] = [Paragraph(tr("对尚未完成的{n}项任务，将逐项明确责任和时限，加快推进，"
                                        "确保按期完成：").format(n=len(unfinished)))]
    for index, row in enumerate(unfinished, start=1):
        who = "、".join(row.lead) or row.unit_name or "、".join(row.units[:3])
        parts = [tr("牵头：{who}").format(who=who)] if who else []
        if row.due:
            parts.append(tr("完成时限：{date}").format(date=chinese_date(row.due)))
        tail = f"（{'；'.join(parts)}）" if parts else ""
        blocks.append(Paragraph(f"{index}. {titles[row.item_id].rstrip('。；;')}{tail}。"))
    return blocks


def _full_titles(items: Sequence[LedgerRow]) -> dict[int, str]:
    """Each item as the problems and next steps name it: its number as the ledger shows it
    (``三、（二）1.``, so it can be found in the plan) and its title."""
    return {row.item_id: numbered_title(row.code, row.title) for row in items}


def _annex(assignments: Sequence[LedgerRow]) -> list[UnitLine]:
    late: dict[str, int] = defaultdict(int)
    for a in assignments:
        late[a.unit_name] += is_overdue(a)
    lines: list[UnitLine] = []
    for position, rate in enumerate(completion_by_unit(assignments), start=1):
        rank = lines[-1].rank if lines and lines[-1].rate == rate.rate else position
        lines.append(UnitLine(rank, rate.unit, rate.total, rate.done, late[rate.unit]))
    return lines


def annex_rows(draft: SummaryDraft) -> list[tuple[str, ...]]:
    """The annex as text cells, the header first: the Word table and the plain text share it."""
    rows = [ANNEX_HEADERS]
    rows += [(str(u.rank), u.unit, str(u.total), str(u.done), str(u.overdue), percent_text(u.rate))
             for u in draft.annex]
    return rows


def summary_text(draft: SummaryDraft) -> str:
    """The draft as plain text, for pasting into an OA form: the same words as the .docx,
    paragraphs indented with two full-width spaces, the annex tab-separated."""
    lines = [draft.title, "", "　　" + draft.opening]
    for block in draft.blocks:
        lines.append(block.text if isinstance(block, Heading) and block.level == 1
                     else "　　" + block.text)
    lines += ["", tr("附件：{title}").format(title=tr(ANNEX_TITLE))]
    lines += ["\t".join(row) for row in annex_rows(draft)]
    return "\n".join(lines) + "\n"
