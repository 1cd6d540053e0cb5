"""What every bench script measures the same way: the best of several runs, and LibreOffice
converting a file (the reference DESIGN.md names), timed warm in its own profile folder."""

from __future__ import annotations

import gc
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings: the least disturbed by other work on the machine.
    A timing ends when the action has returned what it made, which is dropped after the
    clock is read (see best_of_each)."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - started)
        del result
    return best


def best_of_each(runs: int, actions: dict[str, Callable[[], object]]) -> dict[str, float]:
    """The fastest of ``runs`` timings of each action, the actions taking turns in every
    round: a figure and its reference then see the same moments of a busy machine, so their
    ratio holds even when one stretch of the run is slower than another. Each timing ends
    with the young-generation collection its action leaves pending, so that an action that
    pauses the cycle collector pays for it rather than the action after it. What an action
    returns (a plain read's values, a preview) is dropped after the clock is read: each is
    timed until what it makes is in hand, as a program holds it, not also until it is
    freed."""
    best = dict.fromkeys(actions, float("inf"))
    for _ in range(runs):
        for name, action in actions.items():
            started = time.perf_counter()
            result = action()
            gc.collect(0)
            best[name] = min(best[name], time.perf_counter() - started)
            del result
    return best


def soffice_seconds(path: Path, convert_to: str, out: Path) -> float | None:
    """Seconds LibreOffice takes to convert ``path`` (``csv``, ``pdf``, ``txt:Text`` …), the
    second of two runs so that its start-up files are warm; None without LibreOffice."""
    if shutil.which("soffice") is None:
        return None
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    command = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--convert-to", convert_to, "--outdir", str(out), str(path)]
    try:
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - started
    finally:
        shutil.rmtree(profile, ignore_errors=True)
