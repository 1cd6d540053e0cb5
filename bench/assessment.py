"""单位考核 of a ledger at DESIGN.md's largest size, beside a plain SQL count of the same rows.

The ledger is ``big_ledger``'s (20 sections, 300 schools, about 100,000 assignments, half of
them with a status; due dates spread over 2026), with 2,000 extensions, a fill-in round per
quarter sent to every unit (three in four returned) and 500 督办单. Measured in one run:
* ours: ``ops.assessment.assess`` for the whole year and all units (every count, the scheme,
  the calculation text and the ranking), as the dialog and the ``assessment`` command run it;
* reference: one SQL statement counting, per unit, the same assignments done by their due
  and done late (no extensions, holidays, reports, slips or targets).
Target: ours under 1 s.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.big_ledger import build_big_ledger  # noqa: E402
from bench.references import best_of_each  # noqa: E402
from planner_desktop.domain.assessment import DEFAULT_SCHEME  # noqa: E402
from planner_desktop.ops.assessment import assess  # noqa: E402
from planner_desktop.store import editing  # noqa: E402
from planner_desktop.store.database import Ledger  # noqa: E402
from planner_desktop.store.fillin import ExportRecord, record_exports  # noqa: E402

START, END, TODAY = dt.date(2026, 1, 1), dt.date(2026, 12, 31), dt.date(2027, 1, 10)
TARGET = 1.0
REFERENCE = """
SELECT a.unit_id, count(*),
       sum(a.completed_on <= coalesce(a.due, i.due)), sum(a.completed_on > coalesce(a.due, i.due))
FROM assignment a JOIN plan_item i ON i.id = a.item_id
WHERE a.completed_on BETWEEN :start AND :end OR coalesce(a.due, i.due) BETWEEN :start AND :end
GROUP BY a.unit_id
"""


def add_follow_up(ledger: Ledger) -> None:
    """Extensions, fill-in rounds and 督办单 (written directly: the slips feature has its own
    writer)."""
    rnd = random.Random(21)
    ids = [r[0] for r in ledger.conn.execute("SELECT id FROM assignment")]
    for aid in rnd.sample(ids, 2000):
        editing.grant_extension(ledger, aid, dt.date(2026, 12, 15), "等待上级文件", approver="局长",
                                approved_on=dt.date(2026, 6, 1))
    units = [r[0] for r in ledger.conn.execute("SELECT id FROM unit")]
    items = [r[0] for r in ledger.conn.execute("SELECT id FROM plan_item")]
    with ledger.transaction() as conn:
        batch = conn.execute("INSERT INTO import_batch (kind, imported_at) VALUES ('returns', "
                             "'2026-04-05 10:00:00')").lastrowid
        for q in range(1, 5):
            record_exports(ledger, 1, f"2026-Q{q}", dt.datetime(2026, q * 3, 1, 9),
                           [ExportRecord(u, f"{u}.xlsx", f"t{u}", 30) for u in units])
            conn.executemany(
                "INSERT INTO fillin_return (import_batch_id, plan_id, unit_id, period, rows) "
                "VALUES (?, 1, ?, ?, 30)", [(batch, u, f"2026-Q{q}") for u in units if rnd.random() < 0.75])
        conn.executemany(
            "INSERT INTO supervision_slip (year, number, item_id, unit_id, issued_at) "
            "VALUES (2026, ?, ?, ?, ?)",
            [(n, rnd.choice(items), rnd.choice(units), f"2026-{rnd.randint(1, 12):02d}-10 09:00:00")
             for n in range(1, 501)])


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        ledger = build_big_ledger(Path(folder) / "big.sqlite")
        add_follow_up(ledger)
        rows = ledger.scalar("SELECT count(*) FROM assignment")
        params = {"start": START.isoformat(), "end": END.isoformat()}
        times = best_of_each(5, {
            "ours": lambda: assess(ledger, START, END, scheme=DEFAULT_SCHEME, today=TODAY),
            "sql_count": lambda: ledger.conn.execute(REFERENCE, params).fetchall(),
        })
        result = assess(ledger, START, END, scheme=DEFAULT_SCHEME, today=TODAY)
        ledger.close()
    print(f"{rows} assignments, {len(result.scores)} units scored; first: {result.scores[0].calculation}")
    print(f"ours {times['ours']:.3f} s, plain SQL count {times['sql_count']:.3f} s")
    print(json.dumps({"bench": "assessment", "ours_s": round(times["ours"], 4),
                      "refs_s": {"sql_count": round(times["sql_count"], 4)},
                      "target": f"< {TARGET:.0f} s for {rows} assignments",
                      "met": times["ours"] < TARGET}, ensure_ascii=False))


if __name__ == "__main__":
    main()
