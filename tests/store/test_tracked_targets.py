"""The targets of a real ledger file with the latest figure reported for each."""

from __future__ import annotations

import datetime as dt

from planner_desktop.domain.target_state import TargetState, reached_count
from planner_desktop.ops.demo import create_demo_ledger
from planner_desktop.store.database import open_ledger
from planner_desktop.store.targets import FigureReport, record_figures, tracked_targets


def test_latest_figure_counts_and_until_leaves_out_later_reports(tmp_path):
    ledger = open_ledger(tmp_path / "l.sqlite", daily_backup=False)
    try:
        create_demo_ledger(ledger, today=dt.date(2026, 6, 30))
        plan_id = ledger.scalar("SELECT min(id) FROM plan")
        targets = [t for t in tracked_targets(ledger, plan_id=plan_id) if t.wanted is not None]
        assert targets, "the demo plan has targets"
        target = targets[0]
        assert target.state is TargetState.AWAITING and target.reporter  # the lead unit reports it
        with ledger.transaction() as conn:
            record_figures(conn, [FigureReport(target.id, "2026-H1", target.wanted - 1)],
                           at="2026-06-30 10:00:00")
            record_figures(conn, [FigureReport(target.id, "2026", target.wanted)], at="2026-12-20 10:00:00")
        now = {t.id: t for t in tracked_targets(ledger, plan_id=plan_id)}[target.id]
        assert now.figure == target.wanted and now.figure_period == "2026"
        if target.comparator in (">=", "<=", ""):
            assert now.state is TargetState.REACHED
        then = {t.id: t for t in tracked_targets(ledger, plan_id=plan_id, until="2026-06-30")}[target.id]
        assert then.figure == target.wanted - 1 and then.figure_period == "2026-H1"
        only = tracked_targets(ledger, item_ids=[target.item_id])
        assert {t.item_id for t in only} == {target.item_id}
        assert tracked_targets(ledger, item_ids=[]) == []
        reached, tracked = reached_count(tracked_targets(ledger, plan_id=plan_id))
        assert tracked == len(tracked_targets(ledger, plan_id=plan_id)) and reached >= 1
        with ledger.transaction() as conn:
            conn.execute("UPDATE target SET removed_at = '2026-07-01 09:00:00' WHERE id = ?", (target.id,))
        assert target.id not in {t.id for t in tracked_targets(ledger, plan_id=plan_id)}
        assert target.id in {t.id for t in tracked_targets(ledger, plan_id=plan_id, include_removed=True)}
    finally:
        ledger.close()
