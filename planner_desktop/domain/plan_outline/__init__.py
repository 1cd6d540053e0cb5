"""Reading the outline of a plan document (工作要点) into a tree of items.

Plans number their parts in every style: ``一、`` → ``（一）`` → ``1.`` → ``（1）`` → ``①``, and
``一是…二是…`` inside a paragraph; copies lose the brackets (``一加强…``), the dots (``1全面…``)
or the figures (``*.高水平…``), and whole plans arrive as one paragraph. The parser therefore
does not trust line breaks: it finds every place a marker could start, then accepts only the
ones that continue a numbering sequence (the next number of a style already seen, or 1 under a
new parent). Levels come from the styles actually present, in the order official documents
use them, so a missing level (一、 straight to 1.) does not leave a hole.

A paragraph without a marker under an item whose siblings have none either is an item too
(``（一）`` headings with one paragraph per measure, as half-year plans are written); otherwise
it is the introduction of the item above.

Documents that report on last year before planning this one (``…工作情况及2021年工作思路``,
``上半年工作总结与下半年工作计划``) are recognised by their top-level headings; only the plan
part is proposed, the whole stays available for the clerk to choose.

The package's parts, by what they do: ``markers`` classifies lines and finds the markers that
continue a numbering, ``titles`` cuts an item's heading phrase from its measures, ``item_text``
reads the units, deadline and targets written in an item, ``tree`` holds the items and their
codes, ``parse`` builds the tree, ``paragraphs`` tells which paragraphs made each item,
``edits`` are the clerk's changes to it. Callers import from
here.
"""

from planner_desktop.domain.plan_outline.edits import (
    apply_suggestions,
    confirm_suggestion,
    demote,
    merge_into_previous,
    merge_with_next,
    promote,
    refresh,
    rename,
    set_deadline,
    set_units,
    set_year,
    split,
    split_paragraph,
)
from planner_desktop.domain.plan_outline.item_text import deadline_of, deadline_phrases
from planner_desktop.domain.plan_outline.markers import (
    MAX_UNNUMBERED_ITEMS,
    RANK,
    UNIT_LABELS,
    lead_marker,
    rank_of,
    starts_with_marker,
)
from planner_desktop.domain.plan_outline.paragraphs import ItemParagraph, own_span, paragraphs_of
from planner_desktop.domain.plan_outline.parse import (
    find_plan_part,
    has_outline,
    length_warnings,
    parse_outline,
)
from planner_desktop.domain.plan_outline.titles import split_title
from planner_desktop.domain.plan_outline.tree import OutlineNode, PlanOutline, renumber, to_draft

__all__ = [
    "MAX_UNNUMBERED_ITEMS", "RANK", "UNIT_LABELS", "ItemParagraph", "OutlineNode", "PlanOutline",
    "apply_suggestions", "confirm_suggestion", "deadline_of", "deadline_phrases", "demote",
    "find_plan_part", "has_outline", "lead_marker", "length_warnings", "merge_into_previous",
    "merge_with_next", "own_span", "paragraphs_of", "parse_outline", "promote", "rank_of",
    "refresh", "rename", "renumber", "set_deadline", "set_units", "set_year", "split",
    "split_paragraph", "split_title", "starts_with_marker", "to_draft",
]
