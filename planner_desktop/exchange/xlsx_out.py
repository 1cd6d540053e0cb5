"""The one safe way this program writes .xlsx files (fill-in workbooks, reports).

Two dangers every writer shares, handled here once:

* Ledger text that looks like a formula or a number (``=HYPERLINK(...)``, ``+1``, ``-2``,
  ``@SUM``, ``00123``, ``http://…``) must stay text. xlsxwriter's ``write()`` would turn
  such strings into formulas, numbers or links unless told not to, so the workbook is always
  created with ``strings_to_formulas``, ``strings_to_numbers`` and ``strings_to_urls`` off.
* A half-written file must never replace a good one (a full USB stick, a crash, a file
  open in Excel): the workbook is written to a temporary file in the target folder and
  renamed over the target only when it closed cleanly and reads back as a whole zip; on any
  failure the temporary file is deleted and the target is left as it was (``files/atomic.py``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from planner_desktop.files.atomic import atomic_file

# Options every workbook we write is created with (see the module docstring).
WORKBOOK_OPTIONS: dict[str, object] = {
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
    # Dates we write are dt.date / dt.datetime; keep them naive local dates.
    "remove_timezone": True,
}


@contextlib.contextmanager
def atomic_xlsx(path: Path | str, *, constant_memory: bool = False) -> Iterator[xlsxwriter.Workbook]:
    """A new ``xlsxwriter.Workbook`` that appears at ``path`` only if the ``with`` block succeeds.

    ``constant_memory`` streams rows to disk (for very large sheets); rows must then be
    written in order and merged cells/validations are limited as xlsxwriter documents.
    Errors writing the file (disk full, folder read-only, target open in another program)
    become a :class:`UserFixableError` naming the file (see ``files/atomic.py``).
    """
    # Parts are assembled in memory unless rows are streamed: xlsxwriter's default of one
    # temporary file per XML part costs ~13 ms a workbook in file creation and removal.
    options = dict(WORKBOOK_OPTIONS, constant_memory=constant_memory, in_memory=not constant_memory)
    with atomic_file(path, ".xlsx") as temp:
        workbook = xlsxwriter.Workbook(str(temp), options)
        try:
            yield workbook
            workbook.close()
        except FileCreateError as exc:
            # Keep the original OSError (its errno tells a full disk from a locked file).
            cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else OSError(str(exc))
            raise cause from exc
        finally:
            workbook.fileclosed = True  # never let xlsxwriter write a half-built workbook later


def text_width(text: str) -> int:
    """Width of a line in Excel's column units: a CJK or full-width character takes two.

    GBK encodes exactly those characters in two bytes and ASCII in one, so its length is the
    width, counted in C (twenty times faster than a loop over the characters).
    """
    return len(text.encode("gbk", errors="replace"))


def wrapped_lines(text: str, column_width: float) -> int:
    """How many lines ``text`` takes wrapped in a column ``column_width`` units wide."""
    usable = max(column_width - 1, 1)
    return sum(max(1, -(-text_width(line) // int(usable))) for line in str(text).split("\n"))


def row_height(cells: list[tuple[str, float]], font_size: float = 10) -> float:
    """The height (points) a row needs to show every wrapped cell whole.

    Neither xlsxwriter nor LibreOffice fits row heights to wrapped text, and Excel does so
    only on screen: without an explicit height, wrapped text is cut (or drawn over the next
    row) on paper. ``cells`` are (text, column width) pairs.
    """
    lines = max((wrapped_lines(text, width) for text, width in cells if text), default=1)
    return round(lines * font_size * 1.35 + 4, 1)
