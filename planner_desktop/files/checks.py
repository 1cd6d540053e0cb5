"""Is a file just written whole? One check per format, run before it may replace a good file.

A writer does not always learn that the disk filled up: Qt's PDF writer ignores its device's
write errors (``QPainter.end()`` still returns True), and a USB stick pulled at the wrong
moment can leave a short file behind a writer that thought it was done. So
:func:`~planner_desktop.files.atomic.atomic_file` reads back the structure every reader
of the format depends on, cheaply: a PDF's header and its end-of-file marker, a zip's
(xlsx, docx) central directory and the CRC of every member.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

Check = Callable[[Path], None]  # raises IncompleteFile when the file is not whole
PDF_TAIL = 1024  # bytes searched for %%EOF: writers may append a newline or two after it


class IncompleteFile(OSError):
    """A file a writer produced is not whole (the disk filled up, or the writer failed quietly)."""


def check_pdf(path: Path) -> None:
    with path.open("rb") as handle:
        head = handle.read(5)
        size = handle.seek(0, 2)
        handle.seek(max(0, size - PDF_TAIL))
        tail = handle.read()
    if head != b"%PDF-" or b"%%EOF" not in tail:
        raise IncompleteFile(f"PDF incomplete ({size} bytes, no header or %%EOF trailer)")


def check_zip(path: Path) -> None:
    """An .xlsx, .docx or .zip: the central directory reads and every member's CRC matches."""
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
    except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
        raise IncompleteFile(f"zip incomplete: {exc}") from exc
    if bad is not None:
        raise IncompleteFile(f"zip member {bad} is damaged")


def check_nothing(path: Path) -> None:
    """For formats without a check of their own; the writer's errors still count."""


CHECKS: dict[str, Check] = {
    ".pdf": check_pdf,
    ".xlsx": check_zip,
    ".xlsm": check_zip,
    ".docx": check_zip,
    ".zip": check_zip,
}


def check_for(suffix: str) -> Check:
    return CHECKS.get(suffix.lower(), check_nothing)
