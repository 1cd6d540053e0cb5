"""Small helpers for files that come in: every reader of an incoming file (task lists,
rosters, returns, plan documents) reads it through :func:`read_incoming`.

Why one helper: a path a clerk (or a script) picks may name something that is not a file
at all: a device (``/dev/zero`` never ends, ``/dev/stdin`` waits), a FIFO (opening one
blocks until someone writes), a symbolic link to either, or a ``/proc`` file that reports
size 0 and yields megabytes. So the file is opened without blocking, refused unless the
opened file is a regular file (``fstat`` on the descriptor, so a link is judged by what it
points to and nothing can be swapped in between), and read with a bound: at most
``limit + 1`` bytes, whatever ``stat`` said its size is.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import BinaryIO

from planner_desktop.errors import FileReadError, Location
from planner_desktop.files.in_use import is_open_in_this_process
from planner_desktop.i18n import tr

MSG_LEDGER_IN_USE = ("这是督办台正在使用的账本文件，不是要导入或附加的文件。请选择任务表、工作要点、"
                     "回收的填报表或佐证材料。")
MSG_NOT_REGULAR = ("这不是普通文件（而是设备、管道或指向它们的快捷方式），无法读取。"
                   "请选择保存在磁盘或 U 盘上的文件。")

# Non-blocking: opening a FIFO with no writer returns at once instead of hanging (it has no
# effect on a regular file); binary on Windows; never make a terminal our controlling one.
_FLAGS = (os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
          | getattr(os, "O_NOCTTY", 0))


def _open_fd(path: Path) -> int:
    return os.open(path, _FLAGS)


def open_regular(path: Path, where: Location | None = None) -> BinaryIO:
    """``path`` opened for reading, if it is a regular file; FileReadError if it is not.

    OSError (missing, no permission, locked) goes to the caller, which words it for its kind
    of file. A ledger this process has open is refused too: closing our descriptor of it
    would drop SQLite's locks on it (see ``files/in_use.py``)."""
    if is_open_in_this_process(path):
        raise FileReadError(tr(MSG_LEDGER_IN_USE), where or Location(file=Path(path).name))
    fd = _open_fd(Path(path))
    handle = open(fd, "rb")  # noqa: SIM115 - returned to the caller, who closes it
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise FileReadError(tr(MSG_NOT_REGULAR), where or Location(file=Path(path).name))
    except BaseException:
        handle.close()
        raise
    return handle


def read_incoming(path: Path, limit: int, too_large: str, where: Location) -> bytes:
    """The bytes of the regular file ``path``; FileReadError with ``too_large`` (a Chinese
    message, already translated) when it holds more than ``limit`` bytes: refused by its
    size before reading when ``stat`` tells, else after reading ``limit + 1`` bytes."""
    with open_regular(path, where) as handle:
        if os.fstat(handle.fileno()).st_size > limit:
            raise FileReadError(too_large, where)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileReadError(too_large, where)
    return data


def file_sha256(path: Path) -> str:
    """The sha256 of a file, read in blocks: how a re-imported file is recognised."""
    digest = hashlib.sha256()
    with open_regular(Path(path)) as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
