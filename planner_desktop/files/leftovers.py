"""Temporary files a killed writer leaves behind, and the rule for removing them safely.

:func:`~planner_desktop.files.atomic.atomic_file` writes beside the target, so a process
killed mid-write (kill -9, a power cut, the task manager) leaves a hidden ``.~….xlsx.tmp``
in the very folder the clerk sends to the schools, or a half backup in the backup folder.
Each temporary name says who wrote it: ``.~p<pid>h<host>-<random><suffix>.tmp``, where
``host`` is a short hash of the computer's name. The next write into the same folder
removes a leftover when

* it was made on this computer and its process is gone (a concurrent export of another
  window or worker process is alive, so its file is never touched; a dead one's leftovers
  go at once), or
* it has not been modified for :data:`STALE_AFTER_S` seconds, whoever made it (a live
  writer rewrites its file within seconds; this covers a reused pid and files another PC
  left on a shared folder, whose processes cannot be asked).

Names of the form earlier versions used (``.~<random>.xlsx.tmp``, ``….sqlite.partial``)
carry no pid and are removed by age only.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import socket
import sys
import time
from pathlib import Path

STALE_AFTER_S = 600.0
PREFIX = ".~"
# SQLite may leave a journal or WAL beside a killed copy of a ledger (backups).
_SIDECAR = r"(?:-journal|-wal|-shm)?"
OURS = re.compile(r"^\.~p(?P<pid>\d+)h(?P<host>[0-9a-f]{6})-[a-z0-9_]{8}.*\.tmp" + _SIDECAR + "$")
LEGACY = re.compile(r"^(?:\.~[a-z0-9_]{8}\.[A-Za-z0-9]+\.tmp"  # atomic_file before pids
                    r"|.+\.sqlite\.partial"  # backups
                    r"|[0-9a-f]{16}(?:\.[A-Za-z0-9]+)?\.partial)"  # evidence copies
                    + _SIDECAR + "$")


def host_tag() -> str:
    return hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]


def temp_prefix() -> str:
    """The start of a temporary file's name: who is writing it (see the module docstring)."""
    return f"{PREFIX}p{os.getpid()}h{host_tag()}-"


def is_temp_name(name: str) -> bool:
    """Whether ``name`` is one of our temporary files (now or in an earlier version)."""
    return OURS.match(name) is not None or LEGACY.match(name) is not None


def is_stale(path: Path, now: float | None = None) -> bool:
    """Whether the writer of ``path`` (a temporary file of ours, by its name) is gone."""
    if not is_temp_name(path.name):
        return False
    match = OURS.match(path.name)
    try:
        age = (time.time() if now is None else now) - path.stat().st_mtime
    except OSError:
        return False
    if age > STALE_AFTER_S:
        return True
    if match is None or match["host"] != host_tag():
        return False
    return not process_alive(int(match["pid"]))


def remove_stale_temps(folder: Path) -> list[Path]:
    """Remove the leftovers of killed writers in ``folder``; what could not go stays quietly
    (a file another program holds open on Windows, a read-only share)."""
    removed = []
    try:
        entries = [Path(e.path) for e in os.scandir(folder) if is_temp_name(e.name)]
    except OSError:
        return removed
    now = time.time()
    for path in entries:
        if is_stale(path, now):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def process_alive(pid: int) -> bool:
    """Whether a process with this pid runs on this computer; unsure counts as alive."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
        return _alive_on_windows(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A killed worker whose parent died too may stay a zombie (nobody reaps it): it answers
    signal 0 but writes nothing any more. Linux tells by /proc; elsewhere assume not."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            state = handle.read().rsplit(b")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state in (b"Z", b"X")


def _alive_on_windows(pid: int) -> bool:  # pragma: no cover - Windows only
    # os.kill(pid, 0) would terminate the process on Windows: ask the kernel instead.
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    query_limited_information, still_active, access_denied = 0x1000, 259, 5
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return ctypes.get_last_error() == access_denied
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
