"""The ledger's targets for the 量化指标 view, the dashboard and its export."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from planner_desktop.domain.ledger_table import LedgerRow
from planner_desktop.domain.target_rows import TargetCounts, TargetRow, count_states, target_rows
from planner_desktop.exchange.targets_xlsx import write_targets_xlsx
from planner_desktop.ops.ledger import Ledger
from planner_desktop.store.targets import tracked_targets


def targets_of_items(ledger: Ledger, items: Iterable[LedgerRow]) -> list[TargetRow]:
    """The targets of the items shown (the snapshot's item rows give number and title)."""
    rows = [r for r in items if r.assignment_id is None]
    known = {r.item_id: (r.code, r.title) for r in rows}
    order = {r.item_id: n for n, r in enumerate(rows)}  # the ledger's outline order
    found = target_rows(tracked_targets(ledger), known)
    return sorted(found, key=lambda t: (order[t.target.item_id], t.target.position, t.target.id))


def target_counts(rows: Iterable[TargetRow]) -> TargetCounts:
    return count_states(r.target for r in rows)


def export_targets(path: Path | str, rows: list[TargetRow]) -> Path:
    return write_targets_xlsx(path, rows)
