"""Writing a file so that a half-written one never replaces a good one.

Every file the program writes (workbooks, zips, PDFs, Word documents) goes through
:func:`atomic_file`: it is written to a temporary file beside the target and moved over the
target only when complete. A full USB stick, a crash or the target being open in Excel or
WPS leaves the target as it was, removes the temporary file, and gives the clerk a message
naming the file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from planner_desktop.errors import Location, UserFixableError
from planner_desktop.i18n import tr


@contextlib.contextmanager
def atomic_file(target: Path | str, suffix: str) -> Iterator[Path]:
    """A temporary path beside ``target`` to write to; moved over ``target`` when the ``with``
    block succeeds. ``OSError`` (from the block too) becomes a :class:`UserFixableError`."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".~", suffix=f"{suffix}.tmp", dir=target.parent)
        os.close(handle)
    except OSError as exc:
        raise write_error(target, exc) from exc
    temp = Path(name)
    try:
        yield temp
        publish(temp, target)
    except OSError as exc:
        raise write_error(target, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def publish(temp: Path, target: Path) -> None:
    """Move a finished temporary file over the target with ordinary permissions (mkstemp
    makes it readable by its owner only, which colleagues on a shared folder would notice)."""
    mask = os.umask(0)
    os.umask(mask)
    with contextlib.suppress(OSError):
        os.chmod(temp, 0o666 & ~mask)
    os.replace(temp, target)


def write_error(target: Path, exc: BaseException) -> UserFixableError:
    reason = getattr(exc, "strerror", None) or exc
    return UserFixableError(
        tr("无法写入文件（{reason}）。请检查文件夹是否可写、磁盘是否已满，"
           "以及该文件是否正在 Excel、Word 或 WPS 中打开。").format(reason=reason),
        Location(file=str(target)),
    )
