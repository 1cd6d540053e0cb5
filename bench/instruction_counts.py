"""Instructions a 5,000-row task-list import executes, beside a plain python-calamine read.

Timings on a shared two-core machine move by ±20 % from one run to the next, which hides the
few per cent a change to the reader or the parser makes. The number of instructions does not
move: each action is run under valgrind's callgrind twice, once with the action done twice
after a warm-up and once with the warm-up only, and the difference is halved (so start-up
and imports are not counted). Needs ``valgrind`` (``apt-get install valgrind``); says so and
stops otherwise. Python spends more cycles per instruction than calamine's Rust, so the time
ratio (``bench/import_tasklist.py``) is higher than the ratio printed here.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ACTIONS = ("calamine_plain_read", "ours_read_only", "ours_read_and_parse")


def run_action(name: str, path: Path) -> None:
    from bench.read_formats import calamine_plain
    from planner_desktop.exchange.readers import read_workbook
    from planner_desktop.ops.task_import import preview_task_list

    {"calamine_plain_read": calamine_plain, "ours_read_only": read_workbook,
     "ours_read_and_parse": lambda p: preview_task_list(None, p)}[name](path)


class _InThisThread(concurrent.futures.Executor):
    """Runs what is submitted at once. Under callgrind, threads take turns, and the hand-overs
    of the GIL between the reader's scan of the file's extras and calamine vary from run to
    run by tens of millions of instructions; done in one thread, the count repeats."""

    def submit(self, fn, /, *args, **kwargs):
        future: concurrent.futures.Future = concurrent.futures.Future()
        future.set_result(fn(*args, **kwargs))
        return future


def child(name: str, repeat: int, path: Path) -> None:
    """What runs under callgrind: a warm-up, then the action ``repeat`` times."""
    from planner_desktop.exchange import readers

    readers._background = _InThisThread
    for _ in range(repeat + 1):
        run_action(name, path)


def instructions(name: str, repeat: int, path: Path) -> int:
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
               __file__, "--child", name, str(repeat), str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise RuntimeError(f"callgrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--child", nargs=3, metavar=("ACTION", "REPEAT", "FILE"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        name, repeat, path = args.child
        child(name, int(repeat), Path(path))
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind); nothing measured.",
              file=sys.stderr)
        print(json.dumps({"bench": "instruction_counts", "skipped": "no valgrind"}))
        return 0

    from tests.fixtures_sheets import write_task_list_xlsx

    folder = Path(tempfile.mkdtemp(prefix="bench-instructions-"))
    try:
        path = write_task_list_xlsx(folder / "tasks.xlsx", rows=args.rows)
        counts = {name: (instructions(name, 2, path) - instructions(name, 0, path)) // 2
                  for name in ACTIONS}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    reference = counts["calamine_plain_read"]
    for name, count in counts.items():
        print(f"  {name:24s} {count / 1e6:8.0f} M instructions  ({count / reference:.2f}×)",
              file=sys.stderr)
    print(json.dumps({"bench": "instruction_counts", "rows": args.rows,
                      "instructions": counts,
                      "read_and_parse_ratio": round(counts["ours_read_and_parse"] / reference, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
