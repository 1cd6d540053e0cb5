"""Which paragraphs made each item of a parsed plan, and the clerk's two edits between an item
and its text: an item back into the body text above it, a body paragraph out into an item."""

from __future__ import annotations

import copy

from planner_desktop.domain import plan_outline as po
from planner_desktop.domain.plan_cleaning import SourceParagraph, clean_paragraphs

PLAN = """2024年某县教育工作要点
一、加强党的建设
（一）强化理论武装
依据上级部署，科学合理规划，全面落实理论学习制度。
积极推动协同发展，鼓励创新，共同构建新格局。
责任单位：组干科
1.抓好中心组学习。每季度集中学习一次。
2.开展专题宣讲。11月30日前完成。
（二）筑牢基层堡垒
二、确保校园安全
"""


def outline_of(text: str, first_paragraph: int = 1) -> po.PlanOutline:
    """Parsed as the import does, the file's paragraphs numbered from ``first_paragraph`` (a
    blank line or a dropped banner makes the file's numbers differ from the lines')."""
    paragraphs = [SourceParagraph(line, i) for i, line in enumerate(text.splitlines(),
                                                                     first_paragraph)]
    clean = clean_paragraphs(paragraphs, starts_item=po.starts_with_marker)
    outline = po.parse_outline(clean, year=2024)
    outline.line_paragraphs = [p.index for p in clean.paragraphs]
    return outline


def shape(outline: po.PlanOutline) -> list[tuple[int, str, str]]:
    return [(level, node.code, node.title) for level, node in outline.walk()]


def test_an_item_shows_its_title_body_and_field_paragraphs_numbered_as_in_the_file():
    outline = outline_of(PLAN, first_paragraph=5)
    theory = outline.items[0].children[0]
    paragraphs = po.paragraphs_of(outline, theory)
    assert [(p.number, p.kind) for p in paragraphs] == [
        (7, "title"), (8, "body"), (9, "body"), (10, "field")]
    title = paragraphs[0]
    assert title.text == "（一）强化理论武装"
    assert title.text[slice(*title.title)] == "强化理论武装"
    assert paragraphs[1].text.startswith("依据上级部署")
    # a sub-item's paragraphs are its own, not its parent's
    first = theory.children[0]
    assert [p.text for p in po.paragraphs_of(outline, first)] == ["1.抓好中心组学习。每季度集中学习一次。"]


def test_a_body_paragraph_becomes_the_first_sub_item_and_takes_the_paragraphs_after_it():
    outline = outline_of(PLAN)
    theory = outline.items[0].children[0]
    second_body = po.paragraphs_of(outline, theory)[2]
    new = po.split_paragraph(outline, theory, second_body.start + 3)
    assert new is not None and new.title == "积极推动协同发展，鼓励创新，共同构建新格局"
    assert theory.children[0] is new and new.paragraph == second_body.number
    assert "积极推动" not in theory.text and theory.text.startswith("依据上级部署")
    assert [p.kind for p in po.paragraphs_of(outline, theory)] == ["title", "body"]
    assert [p.kind for p in po.paragraphs_of(outline, new)] == ["title", "field"]
    assert [n.title for n in theory.children] == [new.title, "抓好中心组学习", "开展专题宣讲"]
    # the title paragraph and a labelled field are no items
    paragraphs = po.paragraphs_of(outline, new)
    assert po.split_paragraph(outline, new, paragraphs[0].start) is None
    assert po.split_paragraph(outline, new, paragraphs[1].start) is None


def test_an_item_goes_back_into_the_text_above_and_its_sub_items_keep_their_level():
    outline = outline_of(PLAN)
    party = outline.items[0]
    theory, base = party.children
    # the first sub-item goes into its parent's text
    lesson = theory.children[0]
    assert po.merge_into_previous(outline, lesson) is theory
    assert theory.text.endswith("1.抓好中心组学习。每季度集中学习一次。")
    assert [n.title for n in theory.children] == ["开展专题宣讲"]
    # an item with sub-items: they go under its previous sibling, at their level
    before = shape(outline)
    assert po.merge_into_previous(outline, base) is theory.children[-1]
    assert [n.title for n in party.children] == ["强化理论武装"]
    assert "筑牢基层堡垒" in theory.children[-1].text
    assert len(shape(outline)) == len(before) - 1
    # the first item has nothing above it
    assert po.merge_into_previous(outline, party) is None


def test_a_heading_merged_with_its_sub_items_hands_them_to_the_item_before_it():
    outline = outline_of(PLAN)
    party, safety = outline.items
    theory = party.children[0]
    assert po.merge_into_previous(outline, theory) is party
    # theory was the first of its siblings: its sub-items take its place, a level up
    assert [n.title for n in party.children] == ["抓好中心组学习", "开展专题宣讲", "筑牢基层堡垒"]
    assert "（一）强化理论武装" in party.text and "依据上级部署" in party.text
    assert "责任单位" not in party.text and [m.name for m in party.units] == ["组干科"]
    assert safety.title == "确保校园安全"


def test_the_two_edits_undo_each_other():
    outline = outline_of(PLAN)
    original = copy.deepcopy(outline)
    deadline_item = outline.items[0].children[0].children[1]
    assert deadline_item.deadline.due.isoformat() == "2024-11-30"
    # an item into text and back: the same tree, titles, texts, deadline and codes
    receiver = po.merge_into_previous(outline, deadline_item)
    assert receiver.deadline.due.isoformat() == "2024-11-30"
    merged = po.paragraphs_of(outline, receiver)[-1]
    assert merged.text.startswith("2.开展专题宣讲")
    back = po.split_paragraph(outline, receiver, merged.start)
    assert back is not None
    assert shape(outline) == shape(original)
    assert [(n.text, n.deadline and n.deadline.due) for _, n in outline.walk()] == [
        (n.text, n.deadline and n.deadline.due) for _, n in original.walk()]
    assert back.paragraph == deadline_item.paragraph
    # a paragraph into an item and back: the same tree and texts
    theory = outline.items[0].children[0]
    body = po.paragraphs_of(outline, theory)[1]
    new = po.split_paragraph(outline, theory, body.start)
    assert po.merge_into_previous(outline, new) is theory
    assert shape(outline) == shape(original)
    assert theory.text.replace("\n", "") == original.items[0].children[0].text.replace("\n", "")


def test_an_unnumbered_measure_splits_into_a_sibling():
    outline = outline_of("一、工作成效\n党建工作不断加强。县委教育工委组织宣讲。\n"
                         "办学条件不断优化。实施薄弱环节改善。\n")
    first, second = outline.items[0].children
    assert po.merge_into_previous(outline, second) is first
    body = po.paragraphs_of(outline, first)[1]
    new = po.split_paragraph(outline, first, body.start)
    assert [n.title for n in outline.items[0].children] == ["党建工作不断加强", "办学条件不断优化"]
    assert new.code == "一.2"
