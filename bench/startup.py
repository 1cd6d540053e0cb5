"""Cold start to a shown window, measured as a clerk meets it: a new process each time.

Ours: ``python -m planner_desktop --db big.sqlite`` on the 100,000-assignment ledger of
``bench/big_ledger.py``, until the main window is shown and the event loop has drawn it
(the environment variable PLANNER_DESKTOP_EXIT_WHEN_SHOWN makes it quit right then).
Reference: a bare PySide6 process that shows an empty QMainWindow, the floor any PySide6
program pays for Python, Qt's libraries and a first paint. Best of 3 runs each.
Target: the ledger shown within 1.5 s of the bare window's start (DESIGN.md).

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
    args = parser.parse_args(argv)
    folder = Path(os.environ.get("PLANNER_BENCH_DIR", tempfile.gettempdir())) / "planner-bench"
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "big.sqlite"
    build_big_ledger(db).close()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PLANNER_DESKTOP_EXIT_WHEN_SHOWN": "1", "XDG_CONFIG_HOME": str(folder / "config")}
    bare = best_of([sys.executable, "-c", BARE], env)
    ours = best_of([sys.executable, "-m", "planner_desktop", "--db", str(db)], env)
    frozen = best_of([str(args.frozen.resolve()), "--db", str(db)], env) if args.frozen else None
    print(f"cold start to the shown ledger (100,000 assignments): {ours:.2f} s; "
          f"bare PySide6 window: {bare:.2f} s; ours beyond the bare window: {ours - bare:.2f} s")
    if frozen is not None:
        print(f"the same, frozen (PyInstaller build): {frozen:.2f} s")
    refs = {"bare_pyside6_window": round(bare, 3)}
    if frozen is not None:
        refs["frozen_build"] = round(frozen, 3)
    print(json.dumps({"bench": "startup_cold", "ours_s": round(ours, 3),
                      "refs_s": refs,
                      "target": "shown within 1.5 s beyond a bare PySide6 window's start",
                      "met": ours - bare < 1.5}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
