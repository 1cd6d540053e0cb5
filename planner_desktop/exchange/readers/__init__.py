"""Reading any spreadsheet a clerk is sent into a :class:`~planner_desktop.exchange.grid.Workbook`.

Why it is built this way (timings on the 2-core dev machine, a 5,000-row × 10-column task list
with 500 merged ranges and a hidden row and column; ``bench/read_formats.py`` re-measures):

* **Values come from python-calamine** for .xlsx, .xls and .ods: 38 ms for the .xlsx, 14 ms for
  the .xls, 39 ms for the .ods. openpyxl takes 680 ms (450 ms read-only, which loses merged
  ranges) and xlrd 85 ms on the .xls, so neither is used. calamine also gives merged ranges
  for .xlsx and .xls and every sheet's visibility.
* **What calamine does not give is read from the file by us**, each cheaply:

  - hidden rows and columns of .xlsx, and error cells (calamine turns ``#DIV/0!`` into an
    empty cell): the sheet XML is scanned as bytes, in a thread while calamine parses the
    sheets (which it does without holding the GIL; what the scan cannot settle without the
    grid, error cells and rows without numbers, waits for it). A substring test (1 ms)
    skips the scan in the usual file that has neither; otherwise a regular expression walks only the
    ``<row>`` (and, when there are error cells, ``<c>``) start tags: 3 ms for hidden rows.
    A full ``ElementTree.iterparse`` of the same sheet takes 105 ms, defusedxml's 228 ms,
    i.e. 3-6 times the whole calamine read, which is why no XML parser walks sheet data;
  - hidden rows, columns and errors of .xls: one pass over the BIFF records of the workbook
    stream (ROW, COLINFO, BOOLERR, FORMULA), 35 ms, against 96 ms for
    ``xlrd.open_workbook(formatting_info=True)``; xlrd's ``compdoc`` is used only to find
    the stream inside the OLE2 container;
  - merged ranges, hidden rows/columns and errors of .ods: calamine has no merges for .ods,
    so ``content.xml`` is walked the same way (start tags of rows and cells only).

* **The real format is sniffed from the first bytes** (``PK\\x03\\x04`` zip, ``D0 CF 11 E0``
  OLE2, else text), never taken from the extension: mail systems and web portals rename
  freely (an "xlsx" that is really .xls, or CSV text, or an HTML page), and calamine is
  given the bytes, so it sniffs too.
* **Safety**: an .xlsx never legitimately holds a DTD, so every XML part whose start
  declares ``<!DOCTYPE``/``<!ENTITY`` is refused before anything parses it (calamine itself
  refuses entity references quickly too: "unrecognized entity", checked); the sizes the zip
  declares are capped; what is not a regular file (a device, a FIFO) is refused, and no
  more than ``MAX_FILE_BYTES`` is ever read (``files.read_incoming``); a sheet whose grid
  would be too large is refused before calamine builds it (``readers.extent``).

What a cell becomes (the text a person sees, as far as we can know without number formats,
which would need the styles part and cost as much as the read): dates → ``YYYY-MM-DD`` (also
kept typed in ``Grid.values``), date-times → ``YYYY-MM-DD HH:MM[:SS]``, whole numbers → ``2``,
other numbers without float noise (``0.30000000000000004`` → ``0.3``), a percentage cell →
its value (``85%`` → ``0.85``), booleans → ``TRUE``/``FALSE`` (LibreOffice's .ods stores a
boolean as a number, so there it is ``1``/``0``), formulas → their cached values (a formula
written by openpyxl has none and reads as ``""``), error cells → their error text.
"""

from __future__ import annotations

from pathlib import Path

from planner_desktop.errors import Location
from planner_desktop.exchange.grid import Workbook
from planner_desktop.exchange.readers.calamine import read_with_calamine
from planner_desktop.exchange.readers.cells import cell_text
from planner_desktop.exchange.readers.sniff import (
    EMPTY_ZIP_MAGIC,
    OLE2_MAGIC,
    ZIP_MAGIC,
    check_ole2,
    ole2_stream_names,
    read_bytes,
    refuse_other_binary,
    zip_kind,
)
from planner_desktop.exchange.readers.text_files import decode_text, detect_delimiter, read_csv

__all__ = ["MAX_FILE_BYTES", "OLE2_MAGIC", "ZIP_MAGIC", "cell_text", "decode_text",
           "detect_delimiter", "ole2_stream_names", "read_workbook"]

MAX_FILE_BYTES = 200 * 1024 * 1024  # task lists are kilobytes; this only stops a wrong pick


def read_workbook(path: str | Path, *, max_rows: int = 200_000,
                  max_cell_chars: int = 32_767) -> Workbook:
    """Every sheet of the file at ``path`` as grids of texts.

    Raises :class:`FileReadError` with a Chinese message saying what is wrong and what to do
    (and the sheet, row and column when one cell is the problem) for anything that is not a
    readable spreadsheet; never another exception for bad input.
    """
    path = Path(path)
    where = Location(file=path.name)
    data = read_bytes(path, where, MAX_FILE_BYTES)
    if data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        kind = zip_kind(data, where)
        return read_with_calamine(path, data, kind, where, max_rows, max_cell_chars)
    if data.startswith(OLE2_MAGIC):
        check_ole2(data, where)
        return read_with_calamine(path, data, "xls", where, max_rows, max_cell_chars)
    refuse_other_binary(data, path, where)
    return read_csv(path, data, where, max_rows, max_cell_chars)
