"""Make something once per test session even when pytest-xdist runs the session in several
workers: a session fixture runs once per worker that needs it, and LibreOffice converting
hundreds of files twice on a 2-core machine is a minute lost."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path


def once_per_run(tmp_path_factory, name: str, make: Callable[[Path], None],
                 timeout: float = 600) -> Path:
    """The folder ``make`` filled, made by the first worker to ask; the others wait for it.
    Without xdist the base temp folder is the run's own, so it is made once as usual."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder, done, failed = shared / name, shared / f"{name}.done", shared / f"{name}.failed"
    try:
        os.close(os.open(shared / f"{name}.lock", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        deadline = time.monotonic() + timeout
        while not done.exists():
            if failed.exists() or time.monotonic() > deadline:
                raise RuntimeError(f"{name} was not made by the worker that started it") from None
            time.sleep(0.2)
        return folder
    try:
        folder.mkdir()
        make(folder)
    except BaseException:
        failed.touch()
        raise
    done.touch()
    return folder
