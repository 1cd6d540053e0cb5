"""``PlannerDesktop --self-test``: check a build (or a checkout) headless, as a clerk would use it.

The program starts offscreen on a temporary ledger in a folder whose path has spaces and
Chinese characters (``…/督办 台账/``), and goes through a clerk's first day: open (create and
migrate) the ledger, write the demo ledger, import a sample task list, export the fill-in
workbooks, write a PDF report and a Word bulletin, open the main window, and let the crash handler write its
report. Each step is a named check; one
JSON object on stdout tells what each did, and the exit status is 0 only if every check
passed. A step whose module is missing from the build fails; nothing is skipped silently.

The clerk's own folders are left alone: the ledger, the exported files and the window's
remembered settings all go to the temporary folder, which is removed afterwards (``--keep``
keeps it). A dialog that pops up during a step (which would wait forever offscreen) is
closed, recorded, and fails that step; ``--timeout`` bounds the whole run.

    PlannerDesktop --self-test [--out FILE] [--screenshot FILE.png] [--keep] [--timeout S]

It lives in ``gui/`` because it is the window's front end checked: it starts the Qt
application, the main window and the crash handler of ``gui/app.py``, and reaches the layers
below only as the window does (the CLI, a sibling front end, must not import the GUI). The
steps and the state they share are in ``self_test_steps.py``; this module runs them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from planner_desktop.gui.self_test_steps import STEPS, Check, SelfTest, StepFunction

FOLDER_NAME = "督办 台账"  # a space and Chinese characters, like C:\Users\张三\Documents\督办 台账


def run_steps(state: SelfTest, steps: list[tuple[str, StepFunction]] | None = None) -> SelfTest:
    try:
        for name, step in STEPS if steps is None else steps:
            state.run(name, step)
    finally:
        if state.watchdog is not None:
            state.watchdog.stop()
            state.watchdog.deleteLater()
            state.watchdog = None
        if state.ledger is not None:
            state.ledger.close()
            state.ledger = None
    return state


def emit(result: dict[str, Any], out: Path | None) -> None:
    """One JSON object on stdout (UTF-8 when redirected, whatever the Windows code page), and in
    ``out`` if given: a windowed Windows build has no stdout unless the caller redirects it."""
    text = json.dumps(result, ensure_ascii=False, indent=None)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + "\n", encoding="utf-8")
    stream = sys.stdout
    if stream is None:
        return
    if stream.isatty() or not hasattr(stream, "buffer"):
        try:
            print(text, file=stream, flush=True)
            return
        except UnicodeEncodeError:
            text = json.dumps(result)
            print(text, file=stream, flush=True)
            return
    stream.flush()
    stream.buffer.write((text + "\n").encode("utf-8"))
    stream.buffer.flush()


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="PlannerDesktop --self-test",
                                     description="检查程序能否正常工作（无窗口运行，输出 JSON）")
    parser.add_argument("--out", type=Path, help="也把 JSON 结果写入这个文件")
    parser.add_argument("--screenshot", type=Path, help="把主窗口截图保存为 PNG")
    parser.add_argument("--keep", action="store_true", help="保留临时文件夹（账本、导出的文件）")
    parser.add_argument("--timeout", type=float, default=300.0, help="整个检查的时限（秒）")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # headless, even on a desktop
    started = time.perf_counter()
    parent = Path(tempfile.mkdtemp(prefix="PlannerDesktop-self-test-"))
    state = SelfTest(parent / FOLDER_NAME, args.screenshot.resolve() if args.screenshot else None)
    state.folder.mkdir()
    timer = threading.Timer(args.timeout, give_up, (state, started, args.out))
    timer.daemon = True
    timer.start()
    try:
        run_steps(state)
    finally:
        timer.cancel()
    result = state.to_json(started)
    if args.keep:
        result["kept"] = True
    else:
        shutil.rmtree(parent, ignore_errors=True)
    emit(result, args.out)
    return 0 if state.ok else 1


def give_up(state: SelfTest, started: float, out: Path | None) -> None:
    """The run hung (a dialog Qt could not close, a deadlock): report what is known, then leave."""
    stuck = state.current or "?"
    state.checks.append(Check(stuck, False, 0.0, error="timed out"))
    emit(state.to_json(started), out)
    os._exit(1)


if __name__ == "__main__":
    sys.exit(main())
