"""Importing a plan document end to end: read → clean → outline → preview → commit.

The 导入工作要点 dialog and ``planner-desktop import-plan`` both go through here, so the clerk
and a script get the same proposed tree and the same result. The preview is plain data
(``domain.plan_outline``) the dialog edits in place before committing it as one ImportBatch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner_desktop.domain.lead_suggestion import KeywordTable, suggest_lead
from planner_desktop.domain.outline_codes import path_number
from planner_desktop.domain.plan_cleaning import clean_paragraphs
from planner_desktop.domain.plan_header import stated_issuer, stated_year
from planner_desktop.domain.plan_match import PLAN_DOCUMENT
from planner_desktop.domain.plan_outline import (
    PlanOutline,
    apply_suggestions,
    length_warnings,
    parse_outline,
    renumber,
    set_year,
    starts_with_marker,
    to_draft,
)
from planner_desktop.domain.units import UnitChoice, name_key, unit_choice_arguments
from planner_desktop.errors import FileReadError, Location
from planner_desktop.exchange.plan_document import PlanDocument, read_plan_file, read_plan_text
from planner_desktop.i18n import tr
from planner_desktop.ops.changes import Changes
from planner_desktop.ops.plan_results import PlanImported, PlanJoined, imported
from planner_desktop.ops.plan_target import PlanTarget, PlanTargets, find_targets, target_for
from planner_desktop.ops.progress import Progress
from planner_desktop.store.backup import take_backup
from planner_desktop.store.batches import find_batch_by_sha256
from planner_desktop.store.database import Ledger
from planner_desktop.store.plan_merge import merge_into_plan
from planner_desktop.store.plans import create_plan
from planner_desktop.store.settings import get_setting, set_setting
from planner_desktop.store.units import load_roster

KEYWORDS_SETTING = "plan_lead_keywords"
# Far more text than any plan holds (a county's 工作要点 runs to 10,000–50,000 characters,
# with a summary before it to 100,000): such a file is refused before its outline is looked
# for, which for 50 MB of text would take half a minute to find nothing.
MAX_PLAN_CHARS = 2_000_000


@dataclass
class PlanDocumentPreview:
    """A document read into a proposed plan, with what it would do to this ledger."""

    name: str
    sha256: str
    document: PlanDocument
    outline: PlanOutline
    keywords: KeywordTable
    already_imported_batch: int | None = None
    title: str = ""
    issuer: str = ""  # the bureau the title or a 发文机关 line names ("" when neither does)
    warnings: list[str] = field(default_factory=list)
    # What the clerk decided for the names not in the roster (unlisted names are created as
    # sections marked 待核对).
    unit_choices: dict[str, UnitChoice] = field(default_factory=dict)
    # 导入到: the plans on offer, the ones the document matches, and where it goes (by
    # default the one plan it matches, such as the one its task list made: it is joined
    # to it, the document's wording taken for the items they share).
    targets: PlanTargets = field(default_factory=PlanTargets)
    target: PlanTarget = field(default_factory=PlanTarget)

    def draft(self):
        """The tree as it would be written (after the clerk's edits)."""
        return to_draft(self.outline, self.title or None)

    @property
    def mixed(self) -> bool:
        """A report with a plan after it: the clerk may take the plan part or the whole."""
        return self.outline.plan_part is not None

    def use_plan_part(self, only_plan: bool) -> None:
        self.outline.use_plan_part = only_plan
        renumber(self.outline.items)

    def to_json(self) -> dict[str, Any]:
        """The keys of the command-line contract (DESIGN.md), plus a few for reading."""
        outline = self.outline
        targets, deadlines, suggestions = [], [], []
        for _, node in outline.walk():
            code = path_number(node.code)  # as the ledger will show it (outline_codes.item_number)
            for target in node.targets:
                targets.append({"code": code, "text": target.text, "number": target.number,
                                "unit": target.unit, "placeholder": target.placeholder})
            if node.deadline is not None:
                deadlines.append({"code": code, "text": node.deadline.text,
                                  "due": node.deadline.due.isoformat() if node.deadline.due else None,
                                  "kind": node.deadline.kind.value})
            if node.suggested_lead:
                suggestions.append({"code": code, "lead": node.suggested_lead,
                                    "confirmed": node.lead_confirmed})
        return {
            "plan_id": None,
            "top_level": len(outline.items),
            "sections": outline.sections(),
            "items": outline.count(),
            "levels": outline.levels(),
            "targets": targets,
            "deadlines": deadlines,
            "title": self.title or outline.title,
            "year": outline.year,
            "issuer": self.issuer,
            "plan_part": outline.plan_part.title if outline.plan_part and outline.use_plan_part else None,
            "units": [{"code": path_number(node.code), "lead": node.lead, "support": node.support()}
                      for _, node in outline.walk() if node.lead or node.support()],
            "suggestions": suggestions,
            "removed_lines": len(outline.removed),
        }


def load_keywords(ledger: Ledger | None) -> KeywordTable:
    """The clerk's keyword → section table, or the built-in one."""
    if ledger is None:
        return KeywordTable.default()
    stored = get_setting(ledger, KEYWORDS_SETTING)
    return KeywordTable.from_json(stored) if stored else KeywordTable.default()


def save_keywords(ledger: Ledger, table: KeywordTable) -> Changes:
    set_setting(ledger, KEYWORDS_SETTING, table.to_json())
    return Changes(preferences=True)


def preview_plan_document(ledger: Ledger | None, path: Path | None = None, *, text: str | None = None,
                          year: int | None = None, title: str | None = None,
                          keywords: KeywordTable | None = None) -> PlanDocumentPreview:
    """Read and parse a file (or pasted ``text``); nothing is written."""
    if text is not None:
        document = read_plan_text(text)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    else:
        document = read_plan_file(Path(path))
        digest = document.sha256
    return preview_from_document(ledger, document, digest, year=year, title=title, keywords=keywords)


def preview_from_document(ledger: Ledger | None, document: PlanDocument, digest: str, *,
                          year: int | None = None, title: str | None = None,
                          keywords: KeywordTable | None = None) -> PlanDocumentPreview:
    refuse_oversized(document)
    clean = clean_paragraphs(document.paragraphs, rejoin=not document.knows_paragraphs,
                             starts_item=starts_with_marker)
    known = load_roster(ledger).known_keys() if ledger is not None else frozenset()
    outline = parse_outline(clean, year=year, default_year=dt.date.today().year, title=title,
                            known_units=known)
    outline.line_paragraphs = [paragraph.index for paragraph in clean.paragraphs]
    outline.known_units = known
    table = keywords or load_keywords(ledger)
    apply_suggestions(outline, lambda t, x: suggest_lead(t, x, table))
    if year is None and not outline.year_found:  # the title names none: the text may
        stated = stated_year([outline.preamble, *clean.removed])
        if stated is not None:
            set_year(outline, stated)
            outline.year_found = True
    preview = PlanDocumentPreview(document.name, digest, document, outline, table,
                                  title=outline.title,
                                  issuer=stated_issuer(outline.title, clean.removed))
    if not outline.count():
        preview.warnings.append("没有找到带编号的要点（一、（一）1. 等），请检查文件内容。")
    preview.warnings.extend(length_warnings(outline, preview.title))
    if not outline.year_found and year is None:
        preview.warnings.append(f"文件中没有写明年度，暂按 {outline.year} 年，请核对。")
    if ledger is not None:
        preview.already_imported_batch = find_batch_by_sha256(ledger, "plan", digest)
        if preview.already_imported_batch is None:
            preview.targets = find_targets(ledger, preview.draft())
            retarget_plan_document(ledger, preview, preview.targets.default)
    return preview


def retarget_plan_document(ledger: Ledger, preview: PlanDocumentPreview,
                           plan_id: int | None) -> PlanDocumentPreview:
    """Send the document to plan ``plan_id`` (None: a new plan), lined up with the tree as
    it stands now (the clerk's edits included); nothing is written."""
    preview.target = target_for(ledger, plan_id, preview.draft(), PLAN_DOCUMENT)
    return preview


def refuse_oversized(document: PlanDocument) -> None:
    """A text of more than MAX_PLAN_CHARS characters is no plan: refused, naming its size."""
    size = sum(len(paragraph.text) for paragraph in document.paragraphs)
    if size > MAX_PLAN_CHARS:
        raise FileReadError(tr(
            "文件中的文字有 {count} 万字，远多于一份工作要点（通常不到 10 万字），"
            "没有找到可导入的要点，没有导入。请确认选对了文件。").format(count=size // 10_000),
            Location(file=document.name))


@dataclass(frozen=True)
class PlanUnitNames:
    """The units a previewed plan names, as this ledger's roster sees them."""

    unknown: list[str]  # not in the roster: the clerk chooses for each
    groups: list[str]  # group words whose members the roster does not list yet
    waiting: frozenset[str]  # of the unknown, the keyword table's suggestions: kept waiting


def plan_unit_names(ledger: Ledger, preview: PlanDocumentPreview) -> PlanUnitNames:
    """A lead taken from the keyword table (安全股, 计财股 …) is the table's spelling, not the
    bureau's: one the roster does not resolve waits for the roster (which gives it as an
    alias) by default rather than becoming a unit 待核实 beside the roster's own. A name the
    document (or the clerk) writes is the bureau's own, and is offered for creating."""
    nodes = [node for _, node in preview.outline.walk()]
    named = [n.lead for n in nodes if n.lead] + [s for n in nodes for s in n.support()]
    roster = load_roster(ledger)
    unknown = roster.unknown_names(named) if named else []
    written = {name_key(m.name) for n in nodes for m in n.units}
    suggested = {name_key(n.lead) for n in nodes if n.lead} - written
    return PlanUnitNames(unknown, roster.pending_names(named) if named else [],
                         frozenset(n for n in unknown if name_key(n) in suggested))


def confirm_all_suggestions(preview: PlanDocumentPreview) -> int:
    """Take every suggested lead (for scripts: ``import-plan --accept-suggestions``)."""
    count = 0
    for _, node in preview.outline.walk():
        if node.suggested_lead and not node.lead:
            node.lead_confirmed = True
            count += 1
    return count


def commit_plan_document(ledger: Ledger, preview: PlanDocumentPreview,
                         on_progress: Progress | None = None) -> PlanImported | PlanJoined:
    """Write the previewed (and possibly edited) tree as one import batch, after a backup:
    a new plan, or joined to the plan chosen under 导入到.

    ``on_progress`` is called once the rows are written but before they are committed, so a
    caller that cancels there (by raising) leaves the ledger as it was.
    """
    if not ledger.is_empty():
        take_backup(ledger, reason="before-import")
    renumber(preview.outline.items)
    draft = to_draft(preview.outline, preview.title or None)
    draft.issuer = preview.issuer or stated_issuer(draft.title, [])
    waiting = plan_unit_names(ledger, preview).waiting
    choices = unit_choice_arguments(
        {**{name: UnitChoice(pending=True) for name in waiting}, **preview.unit_choices})
    with ledger.transaction():
        if preview.target.plan_id is not None:
            written = merge_into_plan(
                ledger, preview.target.plan_id, draft, PLAN_DOCUMENT, batch_kind="plan",
                file_name=preview.name, sha256=preview.sha256, plan_title=draft.title, **choices)
        else:
            written = create_plan(ledger, draft, batch_kind="plan", file_name=preview.name,
                                  sha256=preview.sha256, **choices)
        if on_progress is not None:
            on_progress(1, 1)
    return imported(written)
