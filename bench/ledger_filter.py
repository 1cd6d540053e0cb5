"""How fast the window shows and filters a 100,000-assignment ledger.

Measured in one run, beside references taken in the same process:
* start: reading the ledger and showing the main window with the table filled (target under
  1.5 s), beside a bare PySide6 window with an empty table (the floor any Qt program pays);
* filter per keystroke: typing a Chinese word one character at a time in the 按分工 view
  (100,000 rows), the slowest keystroke (target under 50 ms), beside one plain Python
  substring scan over the same rows' texts;
* QSortFilterProxyModel over the same rows for one keystroke, as the road not taken;
* sorting the table by 状态 and by 督办灯 (a click on the header) on a 200,000-assignment
  ledger (target under 100 ms each, best of 3 from the rows in outline order), beside a plain
  sort of the same rows by one attribute (``attrgetter("progress")``).

Prints a table, then one JSON line per bench as every script in bench/ does.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
import time
from operator import attrgetter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSortFilterProxyModel  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: E402

from bench.big_ledger import build_big_ledger  # noqa: E402
from planner_desktop.domain.ledger_table import Granularity  # noqa: E402
from planner_desktop.gui.ledger_model import LedgerTableModel  # noqa: E402
from planner_desktop.gui.main_window import MainWindow  # noqa: E402
from planner_desktop.ops.ledger_query import load_snapshot  # noqa: E402

SORT_SIZE = 200_000
SORTED_COLUMNS = {"status": "状态", "light": "督办灯"}


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(os.environ.get("PLANNER_BENCH_DIR", tempfile.gettempdir())) / "planner-bench"
    folder.mkdir(parents=True, exist_ok=True)
    ledger = build_big_ledger(folder / "big.sqlite")
    count = ledger.scalar("SELECT count(*) FROM assignment")

    def bare_window() -> None:
        window = QMainWindow()
        window.setCentralWidget(QTableView())
        window.show()
        app.processEvents()
        window.close()

    bare_s = min(timed(bare_window) for _ in range(3))
    holder: dict = {}

    def our_window() -> None:
        holder["window"] = MainWindow(ledger)
        holder["window"].show()
        app.processEvents()

    start_s = timed(our_window)  # the window opens on the 按要点 view, as on a clerk's PC
    window: MainWindow = holder["window"]
    window.granularity_box.setCurrentIndex(window.granularity_box.findData(Granularity.ASSIGNMENTS))
    app.processEvents()
    rows = window.model.rowCount()
    word = "安全工作第1"
    keystrokes = []
    for n in range(1, len(word) + 1):
        keystrokes.append(timed(lambda n=n: (window.search.setText(word[:n]), app.processEvents())))
    keystrokes.append(timed(lambda: (window.search.setText(""), app.processEvents())))
    filter_s = max(keystrokes)
    texts = [r.haystack for r in window.snapshot.assignments]
    scan_s = timed(lambda: [t for t in texts if "安全" in t])

    model = QStandardItemModel()
    for r in window.snapshot.assignments[:20_000]:
        model.appendRow([QStandardItem(r.code), QStandardItem(r.title), QStandardItem(r.unit_name)])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(-1)
    proxy_s = timed(lambda: (proxy.setFilterFixedString("安全"), proxy.rowCount())) * (len(texts) / 20_000)

    print(f"ledger: {count} assignments, {rows} rows in the 按分工 view")
    print(f"start to a filled window: {start_s:.3f} s   (bare PySide6 window: {bare_s:.3f} s)")
    print("filter per keystroke: " + ", ".join(f"{k * 1000:.1f}" for k in keystrokes) + " ms")
    print(f"slowest keystroke: {filter_s * 1000:.1f} ms   (plain substring scan: {scan_s * 1000:.1f} ms; "
          f"QSortFilterProxyModel, scaled to {len(texts)} rows: {proxy_s * 1000:.0f} ms)")
    print(json.dumps({"bench": "startup", "ours_s": round(start_s, 4),
                      "refs_s": {"bare_window": round(bare_s, 4)},
                      "target": "window with 100,000 assignments shown < 1.5 s", "met": start_s < 1.5},
                     ensure_ascii=False))
    print(json.dumps({"bench": "ledger_filter", "ours_s": round(filter_s, 4),
                      "refs_s": {"substring_scan": round(scan_s, 4),
                                 "qsortfilterproxymodel": round(proxy_s, 4)},
                      "target": "slowest keystroke < 50 ms on 100,000 assignments", "met": filter_s < 0.05},
                     ensure_ascii=False))
    window.close()
    ledger.close()
    sorts = sort_bench(folder)
    print(f"sort {sorts['rows']} rows by " + ", ".join(
        f"{SORTED_COLUMNS[c]}: {sorts[c] * 1000:.1f} ms" for c in SORTED_COLUMNS)
        + f"   (plain sort by one attribute: {sorts['plain'] * 1000:.1f} ms)")
    slowest_sort = max(sorts[c] for c in SORTED_COLUMNS)
    print(json.dumps({"bench": "ledger_sort", "ours_s": round(slowest_sort, 4),
                      "columns_s": {c: round(sorts[c], 4) for c in SORTED_COLUMNS},
                      "rows": sorts["rows"], "refs_s": {"plain_sort": round(sorts["plain"], 4)},
                      "target": "sort by 状态 or 督办灯 < 100 ms on 200,000 assignments",
                      "met": slowest_sort < 0.1}, ensure_ascii=False))
    return 0


def sort_bench(folder: Path) -> dict:
    """The table model sorted by each column of SORTED_COLUMNS, from outline order each time."""
    ledger = build_big_ledger(folder / f"big-{SORT_SIZE}.sqlite", SORT_SIZE)
    rows = load_snapshot(ledger, dt.date(2026, 12, 4)).assignments
    ledger.close()
    result: dict = {"rows": len(rows)}
    for column in SORTED_COLUMNS:
        best = float("inf")
        for _ in range(3):
            model = LedgerTableModel()  # a fresh model: no earlier sort is applied again
            model.set_rows(rows, Granularity.ASSIGNMENTS)
            best = min(best, timed(lambda m=model, c=column: m.sort(m.column_of(c))))
        result[column] = best
    result["plain"] = min(timed(lambda: sorted(rows, key=attrgetter("progress"))) for _ in range(3))
    return result


if __name__ == "__main__":
    sys.exit(main())
