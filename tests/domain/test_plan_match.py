"""Lining a task list up with its plan document (and back), on the samples that go together:
the 2020 plan of 湘西州 (``plans/001_autonumbered.docx``, Word numbering restarting 1. in each
part) and its task lists (``tasklists/2020_tasklist_*``, tasks numbered 1–35 straight
through, measures （1）（2） under them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner_desktop.domain.model import ItemDraft, PlanDraft
from planner_desktop.domain.plan_match import (
    PLAN_DOCUMENT,
    MatchedBy,
    PlanCandidate,
    PlanNode,
    RowState,
    joined_tree,
    match_plan,
    own_code,
    plan_matches,
    plan_titles_match,
)
from planner_desktop.domain.plan_outline import to_draft
from planner_desktop.ops.plan_import import preview_plan_document
from planner_desktop.ops.task_import import preview_task_list

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def document() -> PlanDraft:
    return to_draft(preview_plan_document(None, SAMPLES / "plans" / "001_autonumbered.docx").outline)


@pytest.fixture(scope="module")
def task_list() -> PlanDraft:
    return preview_task_list(None, SAMPLES / "tasklists" / "2020_tasklist_merged.xlsx").preview.plan


def as_nodes(plan: PlanDraft) -> list[PlanNode]:
    """The draft as the ledger would hold it (ids in outline order)."""
    nodes: list[PlanNode] = []

    def add(items: list[ItemDraft], parent: int | None) -> None:
        for position, item in enumerate(items):
            nodes.append(PlanNode(len(nodes) + 1, parent, position, item.code, item.title, item.text,
                                  item.deadline.text if item.deadline else ""))
            add(item.children, len(nodes))
    add(plan.items, None)
    return nodes


def test_task_list_lines_up_with_its_plan_document(document, task_list):
    nodes = as_nodes(document)
    match = match_plan(nodes, task_list.items)
    assert (len(match.matched), match.new_count(), len(match.unmentioned)) == (44, 82, 0)
    by_title = {m.node.title: m for m in match.matched}
    # 二、1. in the document is task 5 in the list: matched by its title, not its number.
    assert by_title["切实做好新冠肺炎疫情防控工作"].by is MatchedBy.TITLE
    assert by_title["切实做好新冠肺炎疫情防控工作"].draft.code == "5"
    assert by_title["加强党的全面领导"].by is MatchedBy.CODE
    # The list's cell holds the title and the first sentence: still the same item.
    assert by_title["加强安全风险防控"].draft.title.startswith("加强安全风险防控积极开展")
    # The measures are new, under the item they belong to, in the list's order.
    first = next(n for n in nodes if n.title == "加强党的全面领导")
    assert [d.code for d in match.order[first.id]] == ["（1）", "（2）"]
    assert all(item.parent_id in {m.node.id for m in match.matched} for item in match.new)


def test_plan_document_lines_up_with_the_plan_its_task_list_made(document, task_list):
    match = match_plan(as_nodes(task_list), document.items, policy=PLAN_DOCUMENT)
    assert (len(match.matched), match.new_count(), len(match.unmentioned)) == (44, 0, 82)
    assert all(m.reworded for m in match.matched)  # the document's wording is taken
    assert not any(m.units_added for m in match.matched)


def test_joined_tree_shows_matched_new_and_unmentioned(document, task_list):
    nodes = as_nodes(document)
    rows = joined_tree(nodes, match_plan(nodes, task_list.items))
    assert [r.title for r in rows] == [d.title for d in document.items]
    first = rows[0].children[0]
    assert first.state is RowState.MATCHED and first.title == "加强党的全面领导"
    assert [c.state for c in first.children] == [RowState.NEW, RowState.NEW]
    assert first.children[0].units_added == ("办公室", "各中小学", "机关党委")
    assert first.children[0].deadline == "2020年6月底前"
    later = rows[1].children[0]
    assert later.file_code == "5"
    back = joined_tree(as_nodes(task_list), match_plan(as_nodes(task_list), document.items,
                                                        policy=PLAN_DOCUMENT))
    assert back[0].children[0].children[0].state is RowState.UNMENTIONED


def test_the_plan_is_found_by_year_and_title_or_by_its_items(document, task_list):
    assert plan_titles_match(document.title, task_list.title)  # 工作要点 / …工作要点任务分解表
    assert plan_titles_match("2020年全州教育和体育工作要点", "2020年全州教育和体育工作要点责任分工")
    assert not plan_titles_match("2020年全州教育和体育工作要点", "2020年全州校园安全专项整治方案")
    nodes = as_nodes(document)
    plan = PlanCandidate(1, document.title, 2020)
    assert plan_matches(plan, nodes, task_list) == 1.0
    assert plan_matches(PlanCandidate(1, document.title, 2021), nodes, task_list) == 0.0
    # A list titled by its file name: its items show it is the same plan.
    csv = preview_task_list(None, SAMPLES / "tasklists" / "2020_tasklist_gbk.csv").preview.plan
    assert not plan_titles_match(document.title, csv.title)
    assert plan_matches(plan, nodes, csv) == 1.0
    assert plan_matches(plan, [], csv) == 0.0


@pytest.mark.parametrize(("first", "second"), [
    ("一、", "一"), ("（一）", "(一)"), ("1.", "1"), ("一.1", "1."), ("二.(一).2", "2"), ("（1）", "(1)"),
])
def test_codes_as_written_and_as_path_steps_compare_equal(first, second):
    assert own_code(first) == own_code(second) is not None


def test_codes_of_other_styles_differ():
    assert own_code("一、") != own_code("1.") and own_code("（一）") != own_code("一、")
    assert own_code("") is None


def test_new_items_go_where_the_file_puts_them_and_numbers_are_not_enough():
    nodes = [PlanNode(1, None, 0, "1.", "推进义务教育优质均衡发展"),
             PlanNode(2, None, 1, "2.", "加强校园安全管理"),
             PlanNode(3, None, 2, "3.", "实施教师培训计划")]
    drafts = [ItemDraft("1", "推进义务教育优质均衡发展"), ItemDraft("2", "建设家校共育平台"),
              ItemDraft("3", "加强校园安全管理"), ItemDraft("4", "实施教师培训计划")]
    match = match_plan(nodes, drafts)
    # Task 2 of the list has plan item 2's number but another title: a new item, after 1.
    assert [m.node.id for m in match.matched] == [1, 2, 3]
    assert match.order[None] == [1, drafts[1], 2, 3]
    assert match.unmentioned == []


def test_a_flat_list_matches_the_items_under_the_plans_parts():
    nodes = [PlanNode(1, None, 0, "一", "全面加强党的建设"),
             PlanNode(2, 1, 0, "一.1", "加强党的全面领导"),
             PlanNode(3, 1, 1, "一.2", "建强抓实基层党建"),
             PlanNode(4, None, 1, "二", "全力保障师生安全"),
             PlanNode(5, 4, 0, "二.1", "加强安全风险防控")]
    drafts = [ItemDraft("1", "加强党的全面领导"), ItemDraft("2", "建强抓实基层党建"),
              ItemDraft("3", "加强安全风险防控"), ItemDraft("4", "开展教师全员培训")]
    match = match_plan(nodes, drafts)
    assert sorted(m.node.id for m in match.matched) == [2, 3, 5]
    assert [n.id for n in match.unmentioned] == [1, 4]
    assert [item.draft.title for item in match.new] == ["开展教师全员培训"]
    assert match.order[None] == [1, 4, drafts[3]]
