"""A real, small, full disk for the tests that need one: a tmpfs mounted for the test.

Mounting needs root (CI runs as root; so does the development machine). Elsewhere the tests
that use it are skipped with the reason; the in-process tests beside them still run.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def mounted_tmpfs(folder: Path, size: str) -> Iterator[Path | None]:
    """``folder`` with a tmpfs of ``size`` (``"2m"``) mounted on it, or None if not possible."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name != "posix" or os.geteuid() != 0:
        yield None
        return
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True)
    if done.returncode:
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill_disk(folder: Path, leave_bytes: int = 0) -> Path:
    """Write a filler file until only about ``leave_bytes`` remain free."""
    filler = folder / "filler.bin"
    block = b"\0" * 4096
    with filler.open("ab") as handle:
        while os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize > leave_bytes + 4096:
            try:
                handle.write(block)
                handle.flush()
            except OSError:
                break
    return filler
