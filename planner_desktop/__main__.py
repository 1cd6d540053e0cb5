"""``planner-desktop`` / ``python -m planner_desktop``: the window without arguments, the CLI with,
and ``--self-test`` to check an installation headless."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    # Only the front end picked is imported (start-up speed): a command loads no widgets, and
    # the window none of the command line.
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--self-test":  # check a build headless (planner_desktop/gui/self_test.py)
        from planner_desktop.gui.self_test import main as self_test

        return self_test(argv[1:])
    if not argv or (len(argv) == 2 and argv[0] == "--db"):
        from planner_desktop.gui.app import run_gui

        return run_gui(argv[1] if argv else None)
    from planner_desktop.cli.main import run

    return run(argv)


if __name__ == "__main__":
    import multiprocessing

    # In the frozen program, a worker process (fill-in workbooks are written in parallel)
    # starts as this executable: this runs the worker and exits instead of opening a window.
    multiprocessing.freeze_support()
    sys.exit(main())
