"""Reading the ledger's quantified targets with their latest figures, and recording figures.

One query serves every view that shows targets (detail pane, 量化指标 view, dashboard,
reports, summary, fill-in workbook), so the figure that counts — the latest reported, of any
period, up to a day when one is given — is chosen in one place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from planner_desktop.domain.target_state import TrackedTarget
from planner_desktop.store.database import Ledger, now_text, translated_errors

_SELECT = """
WITH latest AS (
    SELECT f.target_id, f.figure, f.period, f.note, f.reported_at, f.source,
           row_number() OVER (PARTITION BY f.target_id ORDER BY f.reported_at DESC, f.id DESC) AS n
    FROM target_figure f
    WHERE (:until IS NULL OR substr(f.reported_at, 1, 10) <= :until)
), lead AS (
    SELECT a.item_id, min(a.unit_id) AS unit_id FROM assignment a WHERE a.role = 'lead'
    GROUP BY a.item_id
)
SELECT t.id, t.item_id, i.plan_id, t.position, t.text, t.subject, t.number, t.unit, t.comparator,
       t.placeholder, t.origin, coalesce(t.reporter_unit_id, lead.unit_id) AS reporter_id,
       coalesce(u.name, '') AS reporter, t.removed_at IS NOT NULL AS removed,
       latest.figure, coalesce(latest.period, ''), coalesce(latest.note, ''),
       coalesce(latest.reported_at, ''), coalesce(latest.source, '')
FROM target t
JOIN plan_item i ON i.id = t.item_id
LEFT JOIN lead ON lead.item_id = t.item_id
LEFT JOIN unit u ON u.id = coalesce(t.reporter_unit_id, lead.unit_id)
LEFT JOIN latest ON latest.target_id = t.id AND latest.n = 1
WHERE {where}
ORDER BY i.plan_id, t.item_id, t.position, t.id
"""


def tracked_targets(ledger: Ledger, *, plan_id: int | None = None,
                    item_ids: Iterable[int] | None = None, target_ids: Iterable[int] | None = None,
                    until: str | None = None, include_removed: bool = False) -> list[TrackedTarget]:
    """Targets of a plan (or of some items, or all), each with its latest figure.

    ``until`` (an ISO day) leaves out figures reported after it: the summary of a half-year
    counts what was known at its end.
    """
    clauses, params = [], {"until": until}
    if plan_id is not None:
        clauses.append("i.plan_id = :plan")
        params["plan"] = plan_id
    for column, wanted in (("t.item_id", item_ids), ("t.id", target_ids)):
        if wanted is not None:
            ids = sorted({int(i) for i in wanted})
            if not ids:
                return []
            clauses.append(f"{column} IN (SELECT value FROM json_each('[{','.join(map(str, ids))}]'))")
    if not include_removed:
        clauses.append("t.removed_at IS NULL")
    sql = _SELECT.format(where=" AND ".join(clauses) or "1")
    with translated_errors(ledger.path):
        rows = ledger.conn.execute(sql, params).fetchall()
    return [TrackedTarget(id=r[0], item_id=r[1], plan_id=r[2], position=r[3], text=r[4], subject=r[5],
                          wanted=r[6], measure=r[7], comparator=r[8], placeholder=bool(r[9]),
                          origin=r[10], reporter_unit_id=r[11], reporter=r[12], removed=bool(r[13]),
                          figure=r[14], figure_period=r[15], figure_note=r[16], figure_at=r[17],
                          figure_source=r[18])
            for r in rows]


@dataclass(frozen=True)
class FigureReport:
    """One figure reached, as a unit reported it for a period."""

    target_id: int
    period: str
    figure: float
    note: str = ""
    unit_id: int | None = None


def record_figures(conn: sqlite3.Connection, reports: Sequence[FigureReport], *, source: str = "hand",
                   import_batch_id: int | None = None, at: str | None = None) -> list[int]:
    """Add the figures (history rows, never edited); returns their ids. The caller holds the
    transaction, so a return's figures go in with its statuses or not at all."""
    at = at or now_text()
    ids = []
    for report in reports:
        cur = conn.execute(
            "INSERT INTO target_figure (target_id, period, figure, note, unit_id, reported_at, source, "
            "import_batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (report.target_id, report.period, report.figure, report.note, report.unit_id, at, source,
             import_batch_id))
        ids.append(cur.lastrowid)
    return ids


def delete_figures(conn: sqlite3.Connection, figure_ids: Iterable[int]) -> int:
    """Undo of a typed figure: its row goes, so the history shows what stands."""
    ids = list(figure_ids)
    return sum(conn.execute("DELETE FROM target_figure WHERE id = ?", (i,)).rowcount for i in ids)


def item_outline(ledger: Ledger, plan_ids: Iterable[int]) -> list[tuple[int, int | None, str, str]]:
    """(id, parent id, code, title) of the plans' items: what ``number_items`` numbers from."""
    with translated_errors(ledger.path):
        return [tuple(r) for plan_id in sorted(set(plan_ids)) for r in ledger.conn.execute(
            "SELECT id, parent_id, code, title FROM plan_item WHERE plan_id = ?", (plan_id,)).fetchall()]


def item_exists(ledger: Ledger, item_id: int) -> bool:
    return ledger.scalar("SELECT 1 FROM plan_item WHERE id = ?", (item_id,)) is not None
