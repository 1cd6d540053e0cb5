"""Which ledger files this process has SQLite connections to (below the store and the readers:
the store registers its connections here, and ``incoming`` refuses a ledger in use).

On Linux and macOS, closing *any* descriptor of a file drops all of the process's POSIX
locks on it, SQLite's included. If the program opened and closed a plain descriptor of a
ledger while one of its own connections holds it (to read its header, or because the clerk
picked the ledger file as a task list or as evidence), another process (the CLI, a second
window, a backup script) would take itself for the last user at its close, checkpoint, and
delete ``-wal`` and ``-shm`` while this process still writes into them.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from pathlib import Path


class FilesInUse:
    """The ledger files this process has SQLite connections to, counted.

    The store reads a ledger's header straight from the file only while no connection of
    ours is open, otherwise through SQLite (whose own descriptors stay open until its locks
    are released); the readers of incoming files refuse a ledger in use. ``lock`` is held
    around the store's raw read and around registering a connection, so no thread connects
    between the check and the close.
    """

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._counts: Counter[str] = Counter()

    @staticmethod
    def key(path: Path) -> str:
        return os.path.normcase(str(Path(path).resolve()))

    def holds(self, path: Path) -> bool:
        with self.lock:
            return self._counts[self.key(path)] > 0

    def add(self, path: Path) -> None:
        with self.lock:
            self._counts[self.key(path)] += 1

    def remove(self, path: Path) -> None:
        with self.lock:
            key = self.key(path)
            self._counts[key] -= 1
            if self._counts[key] <= 0:
                del self._counts[key]


FILES_IN_USE = FilesInUse()


def is_open_in_this_process(path: Path | str) -> bool:
    """Whether this process has a connection to ``path`` or to its ``-wal``/``-shm`` file's
    ledger (then no code may open and close a plain descriptor of it)."""
    path = Path(path)
    for suffix in ("-wal", "-shm"):
        if path.name.endswith(suffix):
            path = path.with_name(path.name[: -len(suffix)])
    return FILES_IN_USE.holds(path)
