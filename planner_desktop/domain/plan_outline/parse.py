"""The parse: cleaned paragraphs into a tree of items, the plan part of a report-plus-plan,
the plan's year, and the warnings about lengths no plan has."""

from __future__ import annotations

import re

from planner_desktop.domain.model import MAX_ITEM_CHARS, MAX_TITLE_CHARS
from planner_desktop.domain.plan_cleaning import SENTENCE_BREAK, CleanText
from planner_desktop.domain.plan_outline.item_text import fill_item
from planner_desktop.domain.plan_outline.markers import find_markers, paragraph_items, rank_of
from planner_desktop.domain.plan_outline.titles import (
    split_title,
    title_and_preamble,
)
from planner_desktop.domain.plan_outline.tree import OutlineNode, PlanOutline, renumber
from planner_desktop.domain.units import MAX_UNIT_NAME_CHARS
from planner_desktop.i18n import tr

# The longest headline sentence of an unnumbered measure, and what a headline has none of.
MAX_HEADLINE_CHARS = 24
HEADLINE_BREAK = re.compile(r"[，,：:]")


def _fold_paragraphs(nodes: list[OutlineNode], source: str, raw: dict[int, str],
                     intro_of: OutlineNode | None, preamble: list[str]) -> list[OutlineNode]:
    """Unnumbered paragraphs are body text: of the item above them (its introduction when
    they come before its numbered children), or at the top of the plan's preamble. Only a
    clearly parallel block is a list of items: two or more paragraphs, with no numbered
    sibling, each headed by a short sentence of its own (``党建工作不断加强巩固。…``, as
    half-year plans write one paragraph per measure)."""
    numbered = any(n.family != "para" for n in nodes)
    headed = [n for n in nodes if n.family == "para" and is_headline_paragraph(
        source[n.start:n.end])]
    parallel = not numbered and len(headed) >= 2
    kept: list[OutlineNode] = []
    nodes = _lift_lead_paragraphs(nodes, source, raw, intro_of, preamble)
    for node in nodes:
        body = node.family == "para" and not node.children and not (parallel and node in headed)
        if body and (numbered or intro_of is not None or parallel):
            text = source[node.start:node.end].strip()
            owner = kept[-1] if parallel and kept else intro_of
            if owner is not None:
                raw[id(owner)] = f"{raw[id(owner)].rstrip()}\n{text}"
            else:
                preamble.append(text)
            continue
        node.children = _fold_paragraphs(node.children, source, raw, node, preamble)
        kept.append(node)
    return kept


def _lift_lead_paragraphs(nodes: list[OutlineNode], source: str, raw: dict[int, str],
                          intro_of: OutlineNode | None, preamble: list[str]) -> list[OutlineNode]:
    """A paragraph whose 一是…二是… follow a lead sentence (``我们始终将…。一是强化…``) is no
    item: its lead sentence is text of the item above, its numbered points that item's
    children."""
    lifted: list[OutlineNode] = []
    for node in nodes:
        if node.family != "para" or not node.children or any(
                c.family == "para" for c in node.children):
            lifted.append(node)
            continue
        text = source[node.start:node.children[0].start].strip()
        owner = intro_of
        if owner is not None:
            raw[id(owner)] = f"{raw[id(owner)].rstrip()}\n{text}"
        else:
            preamble.append(text)
        lifted.extend(node.children)
    return lifted


def _without_empty_codes(nodes: list[OutlineNode]) -> list[OutlineNode]:
    """A code with nothing after it (the ``(三)`` where a copy stops, a contents entry whose
    title was lost) is no item."""
    kept = []
    for node in nodes:
        node.children = _without_empty_codes(node.children)
        if node.title or node.text or node.children:
            kept.append(node)
    return kept


def _merge_outline_into_body(roots: list[OutlineNode], raw: dict[int, str]) -> list[OutlineNode]:
    """A navigation outline before the body (a sharing site prints the document's headings,
    then the document): the body's heading that repeats an outline heading is that item again,
    not a new one; its text and sub-items join the outline's. Only an outline, a heading with
    no text anywhere under it, is joined so: a compilation whose plans each have their own
    ``一、指导思想`` keeps them apart."""
    kept: list[OutlineNode] = []
    for node in roots:
        earlier = next((k for k in kept if _same_heading(k, node) and _is_outline_only(k)), None)
        if earlier is None:
            kept.append(node)
            continue
        _join(earlier, node, raw)
    return kept


def _same_heading(a: OutlineNode, b: OutlineNode) -> bool:
    return (a.family, a.number, a.title) == (b.family, b.number, b.title) and bool(a.title)


def _is_outline_only(node: OutlineNode) -> bool:
    return not node.text and all(_is_outline_only(child) for child in node.children)


def _join(outline: OutlineNode, body: OutlineNode, raw: dict[int, str]) -> None:
    """The body's item into the outline's: its text, and its children joined in the same way
    (a child the outline lists takes the body's, one it does not list is added)."""
    outline.text = body.text
    raw[id(outline)] = raw[id(body)]  # its units and deadlines are read from the body's words
    outline.end = max(outline.end, body.end)
    for child in body.children:
        match = next((c for c in outline.children if _same_heading(c, child)), None)
        if match is None:
            outline.children.append(child)
        else:
            _join(match, child, raw)


def is_headline_paragraph(text: str) -> bool:
    """A paragraph that opens with a short sentence of its own, no comma in it, and goes on:
    the headline of a measure whose number the copy lost."""
    text = text.strip()
    stop = SENTENCE_BREAK.search(text)
    return (stop is not None and 4 <= stop.start() <= MAX_HEADLINE_CHARS
            and not HEADLINE_BREAK.search(text[:stop.start()]) and len(text) > stop.end() + 4)


_PLAN_HEADING = re.compile(
    r"(?:计划|打算|思路|安排|要点|重点工作|目标任务|主要任务|工作重点|下一步|下半年|明年)")
_REPORT_HEADING = re.compile(r"(?:情况|成效|成绩|总结|回顾|困难|问题|不足|做法|亮点|经验|主要工作)")
_YEAR = re.compile(r"((?:19|20)\d{2})年")


def find_plan_part(roots: list[OutlineNode]) -> OutlineNode | None:
    """In a report followed by a plan, the top-level heading whose children are the plan."""
    plans = [n for n in roots if _PLAN_HEADING.search(n.title) and not _REPORT_HEADING.search(n.title)]
    reports = [n for n in roots if _REPORT_HEADING.search(n.title) and n not in plans]
    if len(plans) == 1 and reports and plans[0].children:
        return plans[0]
    return None


def parse_outline(clean: CleanText, *, year: int | None = None, default_year: int = 2024,
                  title: str | None = None,
                  known_units: frozenset[str] = frozenset()) -> PlanOutline:
    """The outline of cleaned paragraphs. ``year`` (the clerk's) wins over the year written in
    the plan part's heading or the title; ``default_year`` is used when neither says.
    ``known_units`` are the roster's names (``Roster.known_keys``), kept whole in unit cells."""
    paragraphs = clean.paragraphs
    offsets, position = [], 0
    for para in paragraphs:
        offsets.append(position)
        position += len(para.line) + 1
    source = "\n".join(p.line for p in paragraphs)
    accepted = find_markers(paragraphs, offsets)
    if not accepted:
        accepted = paragraph_items(paragraphs, offsets)
    roots: list[OutlineNode] = []
    stack: list[OutlineNode] = []
    raw: dict[int, str] = {}
    for index, c in enumerate(accepted):
        end = accepted[index + 1].pos if index + 1 < len(accepted) else len(source)
        node = OutlineNode(c.family, c.number, "", start=c.pos, end=end, paragraph=c.paragraph)
        raw[id(node)] = source[c.end:end]
        while stack and rank_of(stack[-1].family) >= rank_of(c.family):
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    head = source[:accepted[0].pos] if accepted else source
    doc_title, preamble_lines = title_and_preamble(head)
    roots = _fold_paragraphs(roots, source, raw, None, preamble_lines)
    for root in roots:
        for _, node in root.walk():
            node.title, node.text = split_title(raw[id(node)], bool(node.children))
    roots = _without_empty_codes(roots)
    roots = _merge_outline_into_body(roots, raw)
    if len(roots) == 1 and roots[0].family.startswith("heading") and len(roots[0].children) >= 2:
        # the document's title set in a heading style: its children are the plan
        only = roots[0]
        doc_title = doc_title or only.title
        preamble_lines += [only.text] if only.text else []
        roots = only.children
    outline = PlanOutline(title or doc_title, 0, source, "", roots, removed=clean.removed,
                          joined=clean.joined)
    if not has_outline(outline):
        roots = outline.roots = []  # told as a text without numbered items
    outline.plan_part = find_plan_part(roots)
    if year is None:
        year, outline.year_found = _guess_year(outline, doc_title, default_year)
    outline.year = year
    for root in roots:
        for _, node in root.walk():
            fill_item(node, raw[id(node)], year, known_units)
    preamble = "\n".join(preamble_lines).strip()
    if outline.plan_part is not None and outline.plan_part.text:
        preamble = "\n".join(x for x in (preamble, outline.plan_part.text) if x)
    outline.preamble = preamble
    renumber(outline.items)
    return outline


def has_outline(outline: PlanOutline) -> bool:
    """Whether any item is one a plan could hold: a text whose every "item" runs over
    MAX_ITEM_CHARS (a 50 MB file with a 1. somewhere in it) has no outline at all, and is
    refused as a text without numbered items rather than imported as one giant item."""
    return any(len(node.title) + len(node.text) <= MAX_ITEM_CHARS for _, node in outline.walk())


def length_warnings(outline: PlanOutline, title: str) -> list[str]:
    """A warning for a plan title over MAX_TITLE_CHARS, each item whose own text runs over
    MAX_ITEM_CHARS (a numbering lost in the middle of the plan), and each unit "name" over
    MAX_UNIT_NAME_CHARS (not made a unit), naming the item by its code and paragraph."""
    warnings = []
    if len(title) > MAX_TITLE_CHARS:
        warnings.append(tr("计划标题有 {count} 个字，超过 {limit} 字，请改为简短的标题。").format(
            count=len(title), limit=MAX_TITLE_CHARS))
    if len(outline.preamble) > MAX_ITEM_CHARS:
        warnings.append(tr("第一个要点之前的文字有 {count} 个字，超过 {limit} 字，请核对是否选对了"
                           "文件、标题和编号是否完整。").format(count=len(outline.preamble),
                                                      limit=MAX_ITEM_CHARS))
    for _, node in outline.walk():
        where = tr("第 {paragraph} 段的要点 {code}（“{title}”）").format(
            paragraph=node.paragraph, code=node.code, title=node.title[:20])
        size = len(node.title) + len(node.text)
        if size > MAX_ITEM_CHARS:
            warnings.append(tr("{where}有 {count} 个字，超过 {limit} 字，可能漏掉了编号，"
                               "请核对后拆分。").format(where=where, count=size,
                                                    limit=MAX_ITEM_CHARS))
        for name in node.overlong_units:
            warnings.append(tr("{where}写的单位“{name}…”有 {count} 个字，超过 {limit} 字，"
                               "不像是单位名称，没有作为单位导入。").format(
                where=where, name=name[:20], count=len(name), limit=MAX_UNIT_NAME_CHARS))
    return warnings


def _guess_year(outline: PlanOutline, doc_title: str, default: int) -> tuple[int, bool]:
    if outline.plan_part is not None and (m := _YEAR.search(outline.plan_part.title)):
        return int(m.group(1)), True
    years = [int(y) for y in _YEAR.findall(doc_title)]
    if years:
        return max(years), True
    return default, False
