"""The summary's targets on the demo ledger with figures recorded: the opening counts the
targets reached by the figures reported up to the period's end, a completed item states its
figures, and 存在的问题 lists each target not reached with the reason its unit gave."""

from __future__ import annotations

from docx import Document

from planner_desktop.domain.status import Status
from planner_desktop.domain.target_rows import figure_phrase
from planner_desktop.domain.target_state import TargetState, reached_count
from planner_desktop.ops.ledger_query import load_snapshot
from planner_desktop.ops.summary import draft_summary, make_summary
from planner_desktop.store.targets import FigureReport, record_figures, tracked_targets
from tests.conftest import DEMO_AS_OF

YEAR = DEMO_AS_OF.year


def body_of(path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.text.strip()]


def record(ledger, figures: list[tuple[int, float, str]], at: str) -> None:
    with ledger.transaction():
        record_figures(ledger.conn, [FigureReport(t, str(YEAR), value, note) for t, value, note in figures],
                       at=at)


def test_the_summary_counts_and_names_the_figures_reached(ledger, demo_templates, tmp_path):
    demo_templates.copy_into(ledger, today=DEMO_AS_OF)
    every = tracked_targets(ledger)
    targets = {t.text: t for t in every}
    period = f"{YEAR}-01-01:{YEAR}-10-15"
    # an item done and written in the period's body, with a target: its figure is stated
    written_before = set(draft_summary(ledger, 1, period, today=DEMO_AS_OF).written_items)
    done_items = {r.item_id for r in load_snapshot(ledger, DEMO_AS_OF).items
                  if r.is_leaf and r.status is Status.DONE and r.item_id in written_before}
    done_target = next(t for t in every if t.item_id in done_items and t.wanted is not None)
    short = targets["培育县级党建示范校10所"]
    met = (done_target.wanted or 0) + (1 if done_target.comparator == ">=" else 0)
    record(ledger, [(done_target.id, met, ""),
                    (targets["全年集中学习不少于12次"].id, 14, ""),
                    (short.id, 8, "2所申报材料退回补充")], at=f"{YEAR}-09-30 10:00:00")
    # reported after the period chosen below: not counted in it
    record(ledger, [(targets["年内新增公办幼儿园学位600个"].id, 600, "")], at=f"{YEAR}-10-20 10:00:00")

    out = tmp_path / "总结.docx"
    written = make_summary(ledger, 1, period, out, today=DEMO_AS_OF)
    at_end = tracked_targets(ledger, plan_id=1, until=f"{YEAR}-10-15")
    reached, tracked = reached_count(at_end)
    assert reached == 2 and tracked == len(every)  # the October figure is left out
    paragraphs = body_of(out)
    opening = paragraphs[1]
    assert f"量化指标{tracked}项，已达成{reached}项" in opening
    assert written.draft.targets_reached == reached

    start = next(n for n, p in enumerate(paragraphs) if p.endswith("存在的问题"))
    problems = "\n".join(paragraphs[start:]).split("下一步工作打算")[0]
    assert "有1项量化指标未达到目标" in problems
    line = next(p for p in problems.splitlines() if short.text in p)
    assert "完成8所" in line and "目标10所" in line and "原因：2所申报材料退回补充" in line
    assert {t.state for t in at_end if t.id == short.id} == {TargetState.NOT_REACHED}

    body = "\n".join(paragraphs)
    stated = next(t for t in at_end if t.id == done_target.id)
    assert stated.state is TargetState.REACHED
    assert figure_phrase(stated) in body and "该项工作已完成。量化指标：" in body
