"""Cold start to a shown window, measured as a clerk meets it: a new process each time.

Ours: ``python -m planner_desktop --db big.sqlite`` on the 100,000-assignment ledger of
``bench/big_ledger.py``, until the main window is shown and the event loop has drawn it
(the environment variable PLANNER_DESKTOP_EXIT_WHEN_SHOWN makes it quit right then), once
for each view the window can have been closed in: 按要点 (items) and 按分工 (assignments), each
with its own settings folder that remembers that view.
Reference: a bare PySide6 process that shows an empty QMainWindow, the floor any PySide6
program pays for Python, Qt's libraries and a first paint. Best of 3 runs each.
Target: the ledger shown within 1.5 s of the bare window's start, in both views (DESIGN.md).

``--assignments N`` times a ledger of about N assignments instead (the ledger file is kept
beside the 100,000 one, ``big-N.sqlite``).

``--frozen PROGRAM`` also times a PyInstaller build (``dist/PlannerDesktop/PlannerDesktop``)
on the same ledger, to compare the frozen program with the source run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.big_ledger import build_big_ledger  # noqa: E402

# The settings file QSettings reads on Linux ($XDG_CONFIG_HOME/<organisation>/<application>.conf).
SETTINGS_FILE = Path("PlannerDesktop") / "PlannerDesktop.conf"
VIEWS = {"items": "按要点", "assignments": "按分工"}

BARE = ("import sys; from PySide6.QtWidgets import QApplication, QMainWindow;"
        "from PySide6.QtCore import QTimer; app = QApplication(sys.argv); w = QMainWindow(); w.show();"
        "QTimer.singleShot(0, app.quit); app.exec()")


def best_of(command: list[str], env: dict, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frozen", type=Path, help="a built PlannerDesktop program to time as well")
    parser.add_argument("--assignments", type=int, default=100_000, help="the ledger's size")
    args = parser.parse_args(argv)
    folder = Path(os.environ.get("PLANNER_BENCH_DIR", tempfile.gettempdir())) / "planner-bench"
    folder.mkdir(parents=True, exist_ok=True)
    size = args.assignments
    db = folder / ("big.sqlite" if size == 100_000 else f"big-{size}.sqlite")
    ledger = build_big_ledger(db, size)
    count = ledger.scalar("SELECT count(*) FROM assignment")
    ledger.close()
    base_env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                "PLANNER_DESKTOP_EXIT_WHEN_SHOWN": "1"}
    bare = best_of([sys.executable, "-c", BARE], {**base_env, "XDG_CONFIG_HOME": str(folder / "config")})
    ours: dict[str, float] = {}
    frozen: dict[str, float] = {}
    for view in VIEWS:
        config = folder / f"config-{view}"
        (config / SETTINGS_FILE).parent.mkdir(parents=True, exist_ok=True)
        # The window was last closed in this view (and remembers it again as it quits).
        (config / SETTINGS_FILE).write_text(f"[main_window]\ngranularity={view}\n", encoding="utf-8")
        env = {**base_env, "XDG_CONFIG_HOME": str(config)}
        ours[view] = best_of([sys.executable, "-m", "planner_desktop", "--db", str(db)], env)
        if args.frozen:
            frozen[view] = best_of([str(args.frozen.resolve()), "--db", str(db)], env)
    print(f"bare PySide6 window: {bare:.2f} s")
    for view, label in VIEWS.items():
        print(f"cold start to the shown ledger ({count:,} assignments), last closed in {label}: "
              f"{ours[view]:.2f} s; beyond the bare window: {ours[view] - bare:.2f} s")
        if view in frozen:
            print(f"the same, frozen (PyInstaller build): {frozen[view]:.2f} s")
    slowest = max(ours.values())
    refs = {"bare_pyside6_window": round(bare, 3)}
    refs.update({f"frozen_build_{view}": round(s, 3) for view, s in frozen.items()})
    print(json.dumps({"bench": "startup_cold", "ours_s": round(slowest, 3),
                      "views_s": {view: round(s, 3) for view, s in ours.items()},
                      "assignments": count, "refs_s": refs,
                      "target": "shown within 1.5 s beyond a bare PySide6 window's start, in both views",
                      "met": slowest - bare < 1.5}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
