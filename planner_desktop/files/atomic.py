"""Writing a file so that a half-written one never replaces a good one.

Every file the program writes (workbooks, zips, PDFs, Word documents, backups, evidence
copies) goes through :func:`atomic_file`: it is written to a temporary file beside the
target, checked, flushed to the disk, and only then moved over the target. A full USB stick,
a crash or the target being open in Excel or WPS leaves the target as it was, removes the
temporary file, and gives the clerk a message naming the file.

The check matters because a writer does not always notice a full disk (Qt's PDF writer does
not): what was written is read back by its format's check (``checks.py``) before the
rename. The fsync matters because a rename can reach the disk before the data it names: after
a power cut the target would be empty. Leftovers of writers that were killed are removed at
the next write into the same folder (``leftovers.py``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from planner_desktop.errors import Location, UserFixableError
from planner_desktop.files.checks import Check, IncompleteFile, check_for
from planner_desktop.files.leftovers import remove_stale_temps, temp_prefix
from planner_desktop.i18n import tr

# What a full disk (or a quota, or a file-size limit) looks like to a writer.
DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


@contextlib.contextmanager
def atomic_file(target: Path | str, suffix: str, check: Check | None = None) -> Iterator[Path]:
    """A temporary path beside ``target`` to write to; moved over ``target`` when the ``with``
    block succeeds and the file passes ``check`` (by default the check of ``suffix``'s format).

    ``OSError`` (from the block too) becomes a :class:`UserFixableError`; a file that fails
    its check, or a full disk, says so and that the previous file was kept.
    """
    target = Path(target)
    check = check or check_for(suffix)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(target.parent)
        handle, name = tempfile.mkstemp(prefix=temp_prefix(), suffix=f"{suffix}.tmp", dir=target.parent)
        os.close(handle)
    except OSError as exc:
        raise write_error(target, exc) from exc
    temp = Path(name)
    try:
        yield temp
        check(temp)
        flush_to_disk(temp)
        publish(temp, target)
    except OSError as exc:
        raise write_error(target, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def flush_to_disk(path: Path) -> None:
    """Make the file's bytes durable before its name is (read-write: Windows needs it)."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(temp: Path, target: Path) -> None:
    """Move a finished temporary file over the target with ordinary permissions (mkstemp
    makes it readable by its owner only, which colleagues on a shared folder would notice)."""
    mask = os.umask(0)
    os.umask(mask)
    with contextlib.suppress(OSError):
        os.chmod(temp, 0o666 & ~mask)
    os.replace(temp, target)


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, IncompleteFile) or getattr(exc, "errno", None) in DISK_FULL_ERRNOS


def write_error(target: Path, exc: BaseException) -> UserFixableError:
    kept = (tr("原有的同名文件已保留，未被覆盖。") if target.exists()
            else tr("没有生成该文件。"))
    if is_disk_full(exc):
        return UserFixableError(
            tr("文件没有写完整，可能是磁盘空间不足（或 U 盘已满、已拔出）。{kept}"
               "请清理磁盘空间或换一个保存位置后重试。").format(kept=kept),
            Location(file=str(target)),
        )
    reason = getattr(exc, "strerror", None) or exc
    return UserFixableError(
        tr("无法写入文件（{reason}）。请检查文件夹是否可写、磁盘是否已满，"
           "以及该文件是否正在 Excel、Word 或 WPS 中打开。{kept}").format(reason=reason, kept=kept),
        Location(file=str(target)),
    )
