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
  would be too large is refused before calamine builds it (``sheet_extent``).

What a cell becomes (the text a person sees, as far as we can know without number formats,
which would need the styles part and cost as much as the read): dates → ``YYYY-MM-DD`` (also
kept typed in ``Grid.values``), date-times → ``YYYY-MM-DD HH:MM[:SS]``, whole numbers → ``2``,
other numbers without float noise (``0.30000000000000004`` → ``0.3``), a percentage cell →
its value (``85%`` → ``0.85``), booleans → ``TRUE``/``FALSE`` (LibreOffice's .ods stores a
boolean as a number, so there it is ``1``/``0``), formulas → their cached values (a formula
written by openpyxl has none and reads as ``""``), error cells → their error text.
"""

from __future__ import annotations

import codecs
import concurrent.futures
import csv
import datetime as dt
import html
import io
import itertools
import math
import posixpath
import re
import struct
import threading
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum
from xlrd.compdoc import CompDoc, CompDocError

from planner_desktop.errors import FileReadError, Location
from planner_desktop.exchange.files import read_incoming
from planner_desktop.exchange.grid import Grid, MergedRange, Workbook
from planner_desktop.exchange.sheet_extent import (
    MAX_CELLS,
    Box,
    Extent,
    Fit,
    blank_shared_strings,
    fit_xlsx_sheet,
    ods_extents,
)
from planner_desktop.i18n import tr

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_FILE_BYTES = 200 * 1024 * 1024  # task lists are kilobytes; this only stops a wrong pick
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024  # what the parts of a zip may claim to unpack to

SAVE_AS_XLSX = "请在 Excel 或 WPS 中打开它，“另存为” Excel 工作簿（.xlsx）后再导入。"
ASK_FOR_ORIGINAL = ("请向发文单位索取 Excel 原件；或在 WPS/Excel 中整理成表格，"
                    "另存为 .xlsx 后再导入。")
REFUSED_EXTENSIONS = {
    ".et": "这是 WPS 表格专用格式（.et），本程序不能直接读取。" + SAVE_AS_XLSX,
    ".ett": "这是 WPS 表格模板（.ett），本程序不能直接读取。" + SAVE_AS_XLSX,
    ".wps": "这是 WPS 文字文档（.wps），不是表格。" + ASK_FOR_ORIGINAL,
    ".wpt": "这是 WPS 文字模板（.wpt），不是表格。" + ASK_FOR_ORIGINAL,
    ".doc": "这是 Word 文档（.doc），不是表格。" + ASK_FOR_ORIGINAL,
    ".docx": "这是 Word 文档（.docx），不是表格。" + ASK_FOR_ORIGINAL,
    ".pdf": "这是 PDF 文件，无法读取其中的表格。" + ASK_FOR_ORIGINAL,
    ".ofd": "这是 OFD 版式文件，无法读取其中的表格。" + ASK_FOR_ORIGINAL,
    ".numbers": "这是苹果 Numbers 表格。请在 Numbers 中导出为 Excel（.xlsx）后再导入。",
}
MSG_PASSWORD = ("文件设有打开密码，无法读取。请在 Excel/WPS 中输入密码打开，"
                "取消密码后另存为 .xlsx，再导入。")
MSG_CORRUPT = ("文件已损坏或不完整（可能没有下载或复制完整）。请重新获取文件；"
               "如果 Excel/WPS 能打开它，请另存为 .xlsx 后再导入。")
MSG_TOO_MANY_ROWS = ("表格超过 {limit} 行{detail}，不像是任务清单。请确认选对了文件；"
                     "如确需导入，请拆分成几个文件。")
MSG_TOO_MANY_CELLS = ("表格过大（{size}，共 {cells} 个单元格，上限 {limit} 个），"
                      "不像是任务清单。")
MSG_STRAY_CELLS = ("如果远处的内容是误输入或误粘贴留下的，请在 Excel/WPS 中删除多余的行和列"
                   "（选中数据以外的整行、整列，右键“删除”）后保存；或把只含数据的区域复制到"
                   "新工作簿，另存为 .xlsx 后再导入。")
MSG_UNKNOWN = ("无法识别的文件格式：它不是 Excel（.xlsx/.xls）、ODS 或 CSV 表格。"
               + SAVE_AS_XLSX)
MSG_UNSAFE_XML = ("文件中含有不安全的 XML 内容（DTD/实体定义），正常的 Excel/WPS 文件不会有，"
                  "已拒绝读取。请确认文件来源；如果 Excel/WPS 能正常打开它，"
                  "请另存为 .xlsx 后再导入。")

# Characters frequent in Simplified Chinese office text: used to tell GB18030 from Big5.
COMMON_SIMPLIFIED = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子"
    "说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制"
    "机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数"
    "正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直"
    "题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别"
    "她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口"
    "东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车"
    "例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记"
    "需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省"
    "列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼"
    "王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严股室校园序任务时限"
)
# The same idea for Traditional Chinese (Big5 / CP950 files from Hong Kong, Macao, Taiwan).
COMMON_TRADITIONAL = frozenset(
    "的一是在不了有和人這中大為上個國我以要他時來用們生到作地於出就分對成會可主發年動同工也能下過子"
    "說產種面而方後多定行學法所民得經十三之進著等部度家電力裡如水化高自二理起小物現實加量都兩體制"
    "機當使點從業本去把性好應開它合還因由其些然前外天政四日那社義事平形相全表間樣與關各重新線內數"
    "務處辦責單位時限計劃教育局股室校園推進落實完成督導檢查項目工作要點"
)


def read_workbook(path: str | Path, *, max_rows: int = 200_000,
                  max_cell_chars: int = 32_767) -> Workbook:
    """Every sheet of the file at ``path`` as grids of texts.

    Raises :class:`FileReadError` with a Chinese message saying what is wrong and what to do
    (and the sheet, row and column when one cell is the problem) for anything that is not a
    readable spreadsheet; never another exception for bad input.
    """
    path = Path(path)
    where = Location(file=path.name)
    data = _read_bytes(path, where)
    if data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        kind = _zip_kind(data, where)
        return _read_with_calamine(path, data, kind, where, max_rows, max_cell_chars)
    if data.startswith(OLE2_MAGIC):
        _check_ole2(data, where)
        return _read_with_calamine(path, data, "xls", where, max_rows, max_cell_chars)
    _refuse_other_binary(data, path, where)
    return _read_csv(path, data, where, max_rows, max_cell_chars)


# -- the file itself ---------------------------------------------------------------------------

def _read_bytes(path: Path, where: Location) -> bytes:
    """The whole file, read once: every later step works on these bytes, so a file that changes
    or disappears halfway (still being copied from a USB stick) cannot give mixed results."""
    try:
        if not path.exists():
            raise FileReadError(tr("找不到文件，可能已被移动、改名或删除。请重新选择文件。"), where)
        if path.is_dir():
            raise FileReadError(tr("选择的是一个文件夹，不是表格文件。"
                                   "请选择要导入的 .xlsx、.xls、.csv 或 .ods 文件。"), where)
        refused = REFUSED_EXTENSIONS.get(path.suffix.lower())
        if refused:
            raise FileReadError(tr(refused), where)
        data = read_incoming(path, MAX_FILE_BYTES, tr(
            "文件过大，超过 {limit} MB 的上限，不像是任务清单。请确认选对了文件。").format(
                limit=MAX_FILE_BYTES // (1024 * 1024)), where)
    except OSError as exc:
        raise FileReadError(tr("无法读取文件（{error}）。请确认有权限读取它、"
                               "它没有被其他程序独占打开（可先关闭 Excel/WPS 再试）。")
                            .format(error=exc.strerror or exc), where) from exc
    if not data:
        raise FileReadError(tr("文件是空的（0 字节），里面没有任何内容。"
                               "请向发文单位重新索取文件。"), where)
    return data


def _refuse_other_binary(data: bytes, path: Path, where: Location) -> None:
    """Say what a non-spreadsheet file is when we can tell; text falls through to CSV."""
    head = data[:4096]
    if head.startswith(b"%PDF"):
        raise FileReadError(tr(REFUSED_EXTENSIONS[".pdf"]), where)
    if head.startswith(b"{\\rtf"):
        raise FileReadError(tr("这是 RTF 文档，不是表格。" + ASK_FOR_ORIGINAL), where)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if b"\x00" in head:
        raise FileReadError(tr(MSG_UNKNOWN), where)
    lowered = head.lstrip(codecs.BOM_UTF8).lstrip().lower()
    if lowered.startswith(b"<"):
        if b"urn:schemas-microsoft-com:office:spreadsheet" in lowered or b"excel.sheet" in lowered:
            raise FileReadError(tr("这是 Excel 2003 XML 表格格式（扩展名为 {ext}）。"
                                   + SAVE_AS_XLSX)
                                .format(ext=path.suffix or "无"), where)
        if b"<html" in lowered or b"<table" in lowered or b"<!doctype html" in lowered:
            raise FileReadError(tr("这是网页（HTML）格式的文件，只是扩展名为 {ext}"
                                   "（常见于从网站或业务系统导出的“Excel”）。" + SAVE_AS_XLSX)
                                .format(ext=path.suffix or "无"), where)
        raise FileReadError(tr(MSG_UNKNOWN), where)


def ole2_stream_names(data: bytes) -> set[str]:
    """The names of the streams in an OLE2 compound file, in lower case (OLE2 names compare
    without case, as Excel and xlrd do): what tells an .xls or WPS .et (Workbook, Book) from
    a .doc or .wps (WordDocument) or a password-protected .xlsx/.docx (EncryptedPackage).
    Raises whatever xlrd's compdoc raises for a damaged file."""
    return {entry.name.lower() for entry in CompDoc(data, logfile=io.StringIO()).dirlist}


def _check_ole2(data: bytes, where: Location) -> None:
    """An OLE2 file is an .xls only if it holds a Workbook (or BIFF5 Book) stream.

    An .xlsx with a password to open is not a zip but an OLE2 file holding EncryptionInfo and
    EncryptedPackage streams; a .doc renamed .xls holds WordDocument. The directory is read
    properly (xlrd's compdoc), not searched for bytes, so it is found wherever it lies.
    """
    try:
        names = ole2_stream_names(data)
    except Exception as exc:  # xlrd's compdoc fails on bad input in many ways
        raise FileReadError(tr(MSG_CORRUPT), where) from exc
    if "encryptioninfo" in names or "encryptedpackage" in names:
        raise FileReadError(tr(MSG_PASSWORD), where)
    if "workbook" in names or "book" in names:
        return
    if "worddocument" in names:
        raise FileReadError(tr(REFUSED_EXTENSIONS[".doc"]), where)
    if "powerpoint document" in names:
        raise FileReadError(tr("这是 PowerPoint 演示文稿，不是表格。" + ASK_FOR_ORIGINAL), where)
    raise FileReadError(tr(MSG_UNKNOWN), where)


# -- zip containers: xlsx, xlsb, ods -------------------------------------------------------------

_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY")
_ROOT_ELEMENT = re.compile(rb"<[A-Za-z_]")


def _zip_kind(data: bytes, where: Location) -> str:
    """xlsx, xlsb or ods; refuses other zips, truncated zips, zip bombs and XML with DTDs."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
                raise FileReadError(tr("文件解压后过大，可能已损坏或不安全，未导入。"
                                       + SAVE_AS_XLSX), where)
            if "content.xml" in names and "mimetype" in names:
                kind = "ods"
            elif "xl/workbook.xml" in names:
                kind = "xlsx"
            elif "xl/workbook.bin" in names:
                kind = "xlsb"
            elif "word/document.xml" in names:
                raise FileReadError(tr(REFUSED_EXTENSIONS[".docx"]), where)
            elif "ppt/presentation.xml" in names:
                raise FileReadError(tr("这是 PowerPoint 演示文稿，不是表格。" + ASK_FOR_ORIGINAL),
                                    where)
            elif "content.xml" in names or "Doc_0/Document.xml" in names:
                raise FileReadError(tr("这不是表格文件（可能是文字文档或 OFD 文件）。"
                                       + ASK_FOR_ORIGINAL), where)
            else:
                raise FileReadError(tr("这是一个压缩文件（.zip），不是 Excel 工作簿。请先解压，"
                                       "再选择其中的表格文件。"), where)
            if kind == "ods" and _ods_is_encrypted(archive):
                raise FileReadError(tr(MSG_PASSWORD), where)
            for info in infos:
                if not info.is_dir():
                    _refuse_dtd(archive, info, where)
            return kind
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, NotImplementedError,
            RuntimeError, ValueError) as exc:
        # BadZipFile: truncated or not a zip; NotImplementedError: an unknown compression
        # method; RuntimeError: a zip-level password (not how Office encrypts, but possible).
        raise FileReadError(tr(MSG_CORRUPT), where) from exc


def _refuse_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo, where: Location) -> None:
    """Refuse an XML part that declares a DTD (the only way to an entity-expansion bomb).

    A DTD can only come before the root element, so the start of each part decides. A part
    whose first 4 KB are all prolog (a long comment hiding a DTD further on) is refused too:
    real parts start their root element within a hundred bytes.
    """
    with archive.open(info) as part:
        head = part.read(4096)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    stripped = head.lstrip(codecs.BOM_UTF8).lstrip()
    if not stripped.startswith(b"<"):
        return  # not XML (an image, a binary part, an encrypted .ods part)
    if _DTD.search(head):
        raise FileReadError(tr(MSG_UNSAFE_XML), where)
    if len(head) == 4096 and not _ROOT_ELEMENT.search(head):
        raise FileReadError(tr(MSG_UNSAFE_XML), where)


def _ods_is_encrypted(archive: zipfile.ZipFile) -> bool:
    try:
        manifest = archive.read("META-INF/manifest.xml")
    except KeyError:
        return False
    return b"encryption-data" in manifest


# -- cell values -------------------------------------------------------------------------------

def cell_text(value: object) -> str:
    """The text a person sees for a value calamine returns (see the module docstring)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return _number_text(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M" if value.second == 0 else "%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M" if value.second == 0 else "%H:%M:%S")
    if isinstance(value, dt.timedelta):  # a duration such as [h]:mm
        seconds = round(value.total_seconds())
        sign, seconds = ("-" if seconds < 0 else ""), abs(seconds)
        return f"{sign}{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return str(value)


def _number_text(value: float) -> str:
    """``2.0`` → ``2``; ``0.1 + 0.2`` → ``0.3``; tiny and huge numbers keep their digits.

    A number typed into a cell has a short ``repr`` ("0.05"), returned as it is; only a long
    one (float noise from a formula, 0.30000000000000004) is rounded to 10 decimals.
    """
    if value.is_integer() and -1e15 < value < 1e15:
        return str(int(value))
    if not math.isfinite(value):
        return "#NUM!"
    if value.is_integer():
        return format(value, ".15g")  # 1e+20, as Excel shows 1E+20
    text = repr(value)
    if len(text) <= 12:
        return text
    if -1e-6 < value < 1e-6:
        return format(value, ".15g")  # round(…, 10) would turn 1e-12 into 0.0
    return repr(round(value, 10))


def calamine_failure(exc: BaseException) -> bool:
    """calamine's own errors, and the Rust panics some damaged files cause: pyo3 raises those
    as ``PanicException``, a BaseException, which ``except Exception`` would let through."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def _read_with_calamine(path: Path, data: bytes, kind: str, where: Location, max_rows: int,
                        max_cell_chars: int) -> Workbook:
    # The .xlsx's sheet parts are scanned in a thread while calamine opens the workbook: how
    # far each sheet reaches (needed before calamine reads it, see sheet_extent), its hidden
    # rows and columns and its error cells (bench/read_formats.py). calamine reads every
    # sheet of an .xls or .ods when it opens the file, so those are scanned before.
    fits: concurrent.futures.Future | None = None
    marks = None
    if kind == "xlsx":
        fits = concurrent.futures.Future()
        marks = _background().submit(_xlsx_marks, data, max_rows, fits)
    # Given bytes, calamine tries each format in turn and reports only "Cannot detect file
    # format" for an .xls with a password, whose cell records are encrypted: look for its
    # FILEPASS record first.
    if kind == "xls" and _xls_is_encrypted(data):
        raise FileReadError(tr(MSG_PASSWORD), where)
    try:
        before = _SheetsBeforeReading(kind, data, fits, marks, max_rows)
    except _DAMAGED_EXTRAS as exc:
        # The records saying how far the sheets reach, which rows are hidden or which cells
        # are errors are damaged: importing hidden rows unknowingly would be worse than
        # asking for the file to be saved again.
        raise FileReadError(tr(MSG_CORRUPT), where) from exc
    before.refuse_too_large(where)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError as exc:
        raise FileReadError(tr(MSG_PASSWORD), where) from exc
    except BaseException as exc:  # calamine's errors (Zip, Xml, Calamine) all mean a bad file
        if not calamine_failure(exc):
            raise
        raise FileReadError(tr(MSG_CORRUPT), where) from exc
    workbook, positions = _read_sheets(path, book, kind, where, max_rows, max_cell_chars, before)
    try:
        before.apply(workbook, positions)
    except _DAMAGED_EXTRAS as exc:
        raise FileReadError(tr(MSG_CORRUPT), where) from exc
    for grid in workbook.sheets:
        _trim(grid)
    return workbook


class _SheetsBeforeReading:
    """What is known of each sheet before calamine reads it, per format: how far it reaches
    (so that a sheet too large is refused or trimmed before calamine builds its grid, see
    sheet_extent) and the extras calamine does not give (hidden rows and columns, errors)."""

    def __init__(self, kind: str, data: bytes, fits, marks, max_rows: int) -> None:
        self.kind, self.data, self.max_rows = kind, data, max_rows
        self.fits = fits  # the .xlsx sheets' fits and marks, still being found: the fits are
        self.marks = marks  # waited for before the first sheet is read, the marks after all
        self.xls: list[tuple[str | None, _XlsMarks]] = _xls_marks(data) if kind == "xls" else []
        self.ods_content = _ods_content(data) if kind == "ods" else b""
        self.ods: dict[str, Extent] = ods_extents(self.ods_content, max_rows)

    def refuse_too_large(self, where: Location) -> None:
        """Refuse an .xls or .ods with a sheet too large before calamine opens (and so reads)
        it; .xlsx sheets are refused one by one, as calamine reads them."""
        if self.kind == "ods":
            found = [(name, extent) for name, extent in self.ods.items()
                     if not extent.fits(self.max_rows)]
        else:
            found = [(name, marks.box.extent(self.max_rows)) for name, marks in self.xls
                     if not marks.box.extent(self.max_rows).fits(self.max_rows)]
        if found:
            name, extent = found[0]
            raise _too_large(extent, Location(file=where.file, sheet=name), self.max_rows)

    def xls_marks(self, index: int, name: str) -> _XlsMarks | None:
        """A sheet's BIFF marks: by its name (BIFF8), else by its place among the sheets."""
        by_name = [marks for sheet, marks in self.xls if sheet == name]
        if by_name:
            return by_name[0]
        return self.xls[index][1] if index < len(self.xls) else None

    def sheet(self, book, index: int, name: str, where: Location):
        """calamine's sheet, read once it is known to fit (from the trimmed copy of the file
        when its far cells were only blank values)."""
        fits: dict[str, tuple[str, Fit]] = self.fits.result() if self.fits is not None else {}
        part, fit = fits.get(name, ("", Fit()))
        if fit.too_large is not None:
            raise _too_large(fit.too_large, where, self.max_rows)
        if fit.trimmed is None:
            return book.get_sheet_by_name(name)
        trimmed = _with_part(self.data, part, fit.trimmed)
        return CalamineWorkbook.from_filelike(io.BytesIO(trimmed)).get_sheet_by_name(name)

    def apply(self, workbook: Workbook, positions: list[int]) -> None:
        """Add the extras to the grids calamine gave (``positions``: their sheet indices)."""
        if self.kind == "ods":
            _add_ods_extras(self.ods_content, workbook)
            return
        xlsx = self.marks.result() if self.marks is not None else {}
        for grid, index in zip(workbook.sheets, positions, strict=True):
            if not grid.rows:
                continue
            if grid.name in xlsx:
                xlsx[grid.name].apply(grid, self.data)
            elif (marks := self.xls_marks(index, grid.name)) is not None:
                marks.apply(grid)


def _too_large(extent: Extent, where: Location, max_rows: int) -> FileReadError:
    """The message for a sheet whose grid would be too large: how large, which cell lies
    farthest out, and how to cut the sheet down to its data."""
    row, col = extent.far
    size = tr("此工作表的数据区域有 {rows} 行 × {cols} 列，最远的内容在 {cell} 单元格").format(
        rows=extent.rows, cols=extent.cols, cell=f"{Grid.column_letter(col)}{row + 1}")
    if extent.rows > max_rows:
        head = tr("表格超过 {limit} 行（{size}），不像是任务清单。").format(limit=max_rows, size=size)
    else:
        head = tr(MSG_TOO_MANY_CELLS).format(size=size, cells=extent.cells, limit=MAX_CELLS)
    return FileReadError(head + tr(MSG_STRAY_CELLS),
                         Location(where.file, where.sheet, row + 1, Grid.column_letter(col)))


def _with_part(data: bytes, part: str, xml: bytes) -> bytes:
    """The zip ``data`` with ``part`` replaced by ``xml`` (stored: it is read at once)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            target.writestr(info.filename, xml if info.filename == part else source.read(info))
    return out.getvalue()


def _read_sheets(path: Path, book, kind: str, where: Location, max_rows: int,
                 max_cell_chars: int, before: _SheetsBeforeReading
                 ) -> tuple[Workbook, list[int]]:
    """Every sheet that can hold cells, as calamine reads it, and each grid's index among all
    the workbook's sheets (the .xls records number sheets that way)."""
    sheets: list[Grid] = []
    positions: list[int] = []  # each grid's index among all the workbook's sheets
    try:
        for index, meta in enumerate(book.sheets_metadata):
            if meta.typ in (SheetTypeEnum.ChartSheet, SheetTypeEnum.Vba):
                continue  # no cells
            sheet_where = Location(file=where.file, sheet=meta.name)
            sheet = before.sheet(book, index, meta.name, sheet_where)
            grid = _grid_from_calamine(meta.name, sheet, sheet_where, max_rows, max_cell_chars)
            grid.hidden = meta.visible != SheetVisibleEnum.Visible
            sheets.append(grid)
            positions.append(index)
    except FileReadError:
        raise
    except PasswordError as exc:
        raise FileReadError(tr(MSG_PASSWORD), where) from exc
    except BaseException as exc:
        if not calamine_failure(exc):
            raise
        raise FileReadError(tr(MSG_CORRUPT), where) from exc
    return Workbook(path, kind, sheets), positions


# What damaged extras raise (the cells were read; the records beside them are broken).
_DAMAGED_EXTRAS = (KeyError, ValueError, IndexError, struct.error, zipfile.BadZipFile,
                   CompDocError, AssertionError, SyntaxError, DefusedXmlException)

_BACKGROUND: concurrent.futures.ThreadPoolExecutor | None = None
_BACKGROUND_LOCK = threading.Lock()


def _background() -> concurrent.futures.ThreadPoolExecutor:
    """The thread that reads a file's extras beside calamine (made on first use; reads from
    several threads share it)."""
    global _BACKGROUND
    with _BACKGROUND_LOCK:
        if _BACKGROUND is None:
            _BACKGROUND = concurrent.futures.ThreadPoolExecutor(
                max_workers=2, thread_name_prefix="read-extras")
        return _BACKGROUND


def _grid_from_calamine(name: str, sheet, where: Location, max_rows: int,
                        max_cell_chars: int) -> Grid:
    end = sheet.end
    if end is None:
        return Grid(name, [])
    height = end[0] + 1
    if height > max_rows:
        raise FileReadError(tr(MSG_TOO_MANY_ROWS).format(
            limit=max_rows, detail=tr("（此工作表有 {rows} 行）").format(rows=height)), where)
    grid = _grid_from_values(name, sheet.to_python(skip_empty_area=False), where, max_cell_chars)
    grid.merges = [MergedRange(*a, *b) for a, b in sheet.merged_cell_ranges or ()]
    return grid


def _grid_from_values(name: str, values: list[list], where: Location,
                      max_cell_chars: int) -> Grid:
    """Texts for every cell, rectangular, with dates kept typed in ``Grid.values``.

    This is the hot loop of every read (50,000 cells for a 5,000-row list), so it works by
    column, with the looping done by C-level builtins: short rows are padded with "" and the
    rows turned into columns; a column of texts only (most columns) is found by the
    longest-cell check (:func:`_longer_than`), which fails on the first number or date (the
    readers give texts, numbers, booleans, dates, times and durations, and only texts join)
    and is left as it is; a column holding more than texts is converted
    (:func:`_convert_column`) and its texts written back into the rows (a store per cell of
    the few such columns costs less than making every row again). ``values`` (fresh lists
    from the reader) become the grid's rows.
    """
    width = max(map(len, values), default=0)
    if min(map(len, values), default=0) < width:
        for row in values:
            if len(row) < width:
                row.extend([""] * (width - len(row)))
    dates: dict[tuple[int, int], dt.date] = {}
    columns: list[Sequence[str]] = []  # handed over to the grid (Grid.columns)
    for c, cells in enumerate(zip(*values, strict=True)):
        try:
            too_long = _longer_than(cells, max_cell_chars)
        except TypeError:  # a number, a date …: not only texts
            cells = _convert_column(cells, c, dates)
            for row, text in zip(values, cells, strict=True):
                row[c] = text
            too_long = _longer_than(cells, max_cell_chars)
        if too_long:
            _refuse_long_cell(values, where, max_cell_chars)
        columns.append(cells)
    grid = Grid(name, values, values=dates)
    grid.set_columns(columns)
    return grid


def _longer_than(texts: Sequence[str], limit: int) -> bool:
    """Whether one of ``texts`` is longer than ``limit`` (a TypeError if one is not a text).

    The texts are joined in chunks of a size whose texts, at their usual length, stay under
    the limit together: a chunk that does holds no text over it, and only a longer chunk is
    measured text by text. Joining is a copy in C, which costs a third of taking the length
    of every text."""
    step = max(1, limit // 256)
    chunks = [texts[start:start + step] for start in range(0, len(texts), step)]
    longer = map(limit.__lt__, map(len, map("".join, chunks)))
    return any(max(map(len, chunk)) > limit for chunk in itertools.compress(chunks, longer))


# Values of these types compare equal across types (True == 1 == 1.0), so a column holding
# any of them cannot share one text per distinct value.
_MIXING_TYPES = {bool, int}


def _convert_column(column: Sequence, c: int,
                    dates: dict[tuple[int, int], dt.date]) -> list[str]:
    """The texts of column ``c`` (see :func:`cell_text`); its dates are recorded in
    ``dates``.

    Issued lists put a title and a header above cells of one type (序号 numbers, dates): when
    the cells below the last of another type are all of one type, those are converted
    together and the few above them apart, each part by :func:`_texts_of`."""
    types = list(map(type, column))
    tail_kind = types[-1]
    count = types.count(tail_kind)
    first = len(column) - count  # where the cells of one type begin, if they are all below
    if first and types[first:].count(tail_kind) == count:
        parts = [(0, column[:first], set(types[:first])), (first, column[first:], {tail_kind})]
    else:
        parts = [(0, column, set(types))]
    texts: list[str] = []
    for start, values, kinds in parts:
        texts += _texts_of(values, kinds)
        _record_dates(values, kinds, start, c, dates)
    return texts


def _texts_of(values: Sequence, kinds: set[type]) -> list[str]:
    """The texts of ``values`` (of the types ``kinds``): whole numbers alone (序号) by
    builtins; otherwise each distinct value converted once, unless the values include some
    that equal values of another type (booleans, integers)."""
    if kinds == _FLOAT_ONLY and _whole_numbers(values):
        return list(map(_WHOLE_NUMBER_TEXT, values))
    if kinds & _MIXING_TYPES:
        return [v if type(v) is str else cell_text(v) for v in values]
    distinct = set(values)
    text_of: dict[object, str] = {}
    if float in kinds:
        numbers = [v for v in distinct if type(v) is float]
        if _whole_numbers(numbers):
            text_of = dict(zip(numbers, map(_WHOLE_NUMBER_TEXT, numbers), strict=True))
            distinct.difference_update(numbers)
    for value in distinct:
        kind = type(value)
        if kind is str:
            text_of[value] = value
        elif kind is float and value.is_integer() and -1e15 < value < 1e15:
            text_of[value] = str(int(value))
        elif kind is dt.date:
            text_of[value] = value.isoformat()
        else:
            text_of[value] = cell_text(value)
    return list(map(text_of.__getitem__, values))


def _record_dates(values: Sequence, kinds: set[type], start: int, c: int,
                  dates: dict[tuple[int, int], dt.date]) -> None:
    """Keep the dates and date-times among ``values`` (rows ``start`` on, column ``c``) as
    dates in ``dates``."""
    if kinds in (_DATE_ONLY, _DATETIME_ONLY):
        dates.update(zip(itertools.product(range(start, start + len(values)), (c,)),
                         values if kinds == _DATE_ONLY else map(dt.datetime.date, values),
                         strict=True))
    elif dt.date in kinds or dt.datetime in kinds:
        for r, value in enumerate(values, start):
            kind = type(value)
            if kind is dt.date:
                dates[(r, c)] = value
            elif kind is dt.datetime:
                dates[(r, c)] = value.date()


_FLOAT_ONLY = {float}
_DATE_ONLY, _DATETIME_ONLY = {dt.date}, {dt.datetime}
# The text of a whole number that _whole_numbers accepted: "%d" turns the float into its
# integer itself, in half the time of str(int(n)).
_WHOLE_NUMBER_TEXT = "%d".__mod__


def _whole_numbers(numbers: list[float]) -> bool:
    """Whether every number is whole and shown with all its digits (see :func:`_number_text`),
    so that its integer is its text; NaN and infinities are not whole."""
    return all(map(float.is_integer, numbers)) and min(numbers, default=0) > -1e15 \
        and max(numbers, default=0) < 1e15


def _refuse_long_cell(rows: list[list], where: Location, max_cell_chars: int) -> None:
    """Raise for the first cell (row by row) longer than ``max_cell_chars``: a 50 MB cell is a
    damaged file or not a task list. ``rows`` are the values as read: a cell that is not a
    text is measured by the text it becomes."""
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            text = value if type(value) is str else cell_text(value)
            if len(text) > max_cell_chars:
                raise FileReadError(
                    tr("单元格内容过长（{n} 个字符，上限 {limit}），文件可能已损坏或不是任务清单。"
                       "请检查这个单元格。").format(n=len(text), limit=max_cell_chars),
                    Location(where.file, where.sheet, r + 1, Grid.column_letter(c)))


def _trim(grid: Grid) -> None:
    """Drop trailing empty rows (after the extras: an error cell may be the last value)."""
    rows = grid.rows
    before = len(rows)
    while rows and not any(rows[-1]):
        rows.pop()
    height = len(rows)
    if height != before:
        grid.rows_changed()
    grid.hidden_rows = {r for r in grid.hidden_rows if r < height}
    if not rows:
        grid.hidden_cols.clear()


def _set_error(grid: Grid, row: int, col: int, text: str) -> None:
    """Show an error cell's text where calamine left the cell empty."""
    if 0 <= row < len(grid.rows) and 0 <= col < len(grid.rows[row]) and text:
        grid.rows[row][col] = text[:32]
        grid.errors.add((row, col))
        grid.rows_changed()


# -- xlsx: hidden rows and columns, error cells ----------------------------------------------------

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_HIDDEN_TRUE = re.compile(rb"""hidden\s*=\s*["'](?:1|true)["']""")  # literal start: fast
_ERROR_TYPE = re.compile(rb"""(?:^|\s)t\s*=\s*["']e["']""")
_MAYBE_ERROR_TYPE = re.compile(rb"""e["']""")
_TAG_PREFIX = re.compile(rb"<([A-Za-z_][\w.-]*:)?(?:row|sheetData)[\s/>]")
_CELL_REF = re.compile(rb"([A-Za-z]{1,3})(\d+)")
_ATTR_CACHE: dict[bytes, re.Pattern[bytes]] = {}


def _attr(attrs: bytes, name: bytes) -> bytes | None:
    pattern = _ATTR_CACHE.get(name)
    if pattern is None:
        pattern = re.compile(rb"(?:^|\s)" + name + rb"""\s*=\s*["']([^"']*)["']""")
        _ATTR_CACHE[name] = pattern
    match = pattern.search(attrs)
    return match.group(1) if match else None


def _xlsx_sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its XML part, from workbook.xml and its relationships (tiny files, parsed
    with defusedxml)."""
    targets: dict[str, str] = {}
    rels = SafeET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for element in rels.iter():
        if element.tag.endswith("Relationship"):
            target = element.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join("xl", target))
            targets[element.get("Id", "")] = target
    parts = {}
    for element in SafeET.fromstring(archive.read("xl/workbook.xml")).iter():
        if element.tag == f"{_NS_MAIN}sheet" or element.tag.endswith("}sheet"):
            rel_id = element.get(f"{_NS_REL}id") or next(
                (v for k, v in element.attrib.items() if k.endswith("}id")), "")
            parts[element.get("name", "")] = targets.get(rel_id, "")
    return parts


@dataclass
class _SheetMarks:
    """What one sheet part says beyond its values, found from its bytes alone (so in a thread
    beside calamine, before the grid exists): hidden column ranges and hidden rows; or, when
    error cells or rows without numbers need the row walk (which stops at the grid's last
    row), the part to walk once the grid is there."""

    hidden_cols: list[tuple[int, int]] = field(default_factory=list)  # first, last; 0-based
    hidden_rows: list[int] = field(default_factory=list)
    walk_part: str | None = None  # the part to walk (read again then: parts can be large)
    walk_from: int = 0  # where sheetData starts
    want_hidden: bool = False
    want_errors: bool = False
    # A damaged part: it matters only for a sheet calamine gave cells, so it is raised there.
    damage: Exception | None = None

    def apply(self, grid: Grid, data: bytes) -> None:
        if self.damage is not None:
            raise self.damage
        width = len(grid.rows[0])  # (called only for a grid with rows, padded to one width)
        for first, last in self.hidden_cols:
            grid.hidden_cols.update(range(max(first, 0), min(last, width - 1) + 1))
        if self.walk_part is not None:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                xml = archive.read(self.walk_part)
            _walk_xlsx_rows(xml, self.walk_from, grid, self.want_hidden, self.want_errors)
        else:
            grid.hidden_rows.update(r for r in self.hidden_rows if r < grid.height)


def _xlsx_marks(data: bytes, max_rows: int,
                fits: concurrent.futures.Future) -> dict[str, _SheetMarks]:
    """Sheet name → its marks (see :class:`_SheetMarks`), for every sheet part of the file.

    First, as soon as they are known, ``fits`` is given each sheet's part and whether
    calamine may read it as it is (see sheet_extent): the reader waits for those, and reads
    the sheets while the marks are found."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = _xlsx_sheet_parts(archive)
            names = set(archive.namelist())
            xml = {sheet: archive.read(part) for sheet, part in parts.items() if part in names}
            fits.set_result(_xlsx_fits(archive, names, parts, xml, max_rows))
    except BaseException as exc:
        fits.set_exception(exc)
        raise
    marks: dict[str, _SheetMarks] = {}
    for sheet, part_xml in xml.items():
        try:
            marks[sheet] = _scan_xlsx_sheet(part_xml, parts[sheet])
        except _DAMAGED_EXTRAS as exc:
            marks[sheet] = _SheetMarks(damage=exc)
    return marks


def _xlsx_fits(archive: zipfile.ZipFile, names: set[str], parts: dict[str, str],
               xml: dict[str, bytes], max_rows: int) -> dict[str, tuple[str, Fit]]:
    """Sheet name → its part and whether calamine may read it as it is (see sheet_extent)."""
    blanks: list[frozenset[int]] = []

    def blank_strings() -> frozenset[int]:  # read once, only for a sheet too large
        if not blanks:
            shared = "xl/sharedStrings.xml"
            blanks.append(blank_shared_strings(archive.read(shared) if shared in names else None))
        return blanks[0]

    return {sheet: (parts[sheet], fit_xlsx_sheet(part_xml, blank_strings, max_rows))
            for sheet, part_xml in xml.items()}


def _scan_xlsx_sheet(xml: bytes, part: str) -> _SheetMarks:
    """Hidden rows and columns and error cells of one sheet part, from its start tags.

    The XML is machine-written and has no DTD (refused before), so regular expressions over
    start tags are safe here. Most sheets have neither hidden rows nor error cells, and a
    substring test skips them in microseconds. ``r`` attributes are optional in OOXML, so
    rows and cells without them are counted; a namespace prefix (``<x:row>``, written by
    .NET libraries) is allowed.
    """
    marks = _SheetMarks()
    want_hidden = _HIDDEN_TRUE.search(xml) is not None
    # An "e" followed by a quote is rare in sheet XML (a regular expression starting with a
    # literal skips to each "e" at memchr speed), so it rules error cells out before the
    # exact substring tests, which are slower here: "t=" starts every text cell.
    want_errors = _MAYBE_ERROR_TYPE.search(xml) is not None and (
        b't="e"' in xml or b"t='e'" in xml)
    if not (want_hidden or want_errors):
        return marks
    patterns = _xlsx_patterns(xml)
    found = patterns.sheet_data.search(xml)
    data_start = found.start() if found else 0
    if want_hidden:
        for match in patterns.col.finditer(xml, 0, data_start or len(xml)):
            attrs = match.group(1)
            if b"hidden" in attrs and _HIDDEN_TRUE.search(attrs):
                first = int(_attr(attrs, b"min") or 1) - 1
                marks.hidden_cols.append((first, int(_attr(attrs, b"max") or first + 1) - 1))
    if want_hidden and not want_errors and _hidden_rows_by_number(xml, data_start, marks,
                                                                 patterns):
        return marks
    marks.walk_part, marks.walk_from = part, data_start
    marks.want_hidden, marks.want_errors = want_hidden, want_errors
    return marks


def _walk_xlsx_rows(xml: bytes, data_start: int, grid: Grid, want_hidden: bool,
                    want_errors: bool) -> None:
    """Hidden rows and error cells by walking the row (and cell) start tags, counting rows
    and cells without ``r``; stops past the grid's last row, where nothing matters."""
    patterns = _xlsx_patterns(xml)
    height = grid.height
    pattern = patterns.row_or_cell if want_errors else patterns.row
    row, col = -1, -1
    for match in pattern.finditer(xml, data_start):
        tag, attrs = match.group(1), match.group(2)
        if tag == b"row":
            number = _attr(attrs, b"r")
            row = int(number) - 1 if number else row + 1
            col = -1
            if row >= height:
                break
            if want_hidden and b"hidden" in attrs and _HIDDEN_TRUE.search(attrs):
                grid.hidden_rows.add(row)
            continue
        ref = _attr(attrs, b"r")
        cell = _CELL_REF.fullmatch(ref) if ref else None
        col = Grid.column_index(cell.group(1).decode()) if cell else col + 1
        if cell:
            row = int(cell.group(2)) - 1
        if attrs.endswith(b"/") or not _ERROR_TYPE.search(attrs):
            continue
        end = patterns.cell_end.search(xml, match.end())
        value = patterns.value.search(xml, match.end(), end.start() if end else len(xml))
        if value:
            _set_error(grid, row, col, html.unescape(value.group(1).decode("utf-8", "replace")))


def _hidden_rows_by_number(xml: bytes, start: int, marks: _SheetMarks,
                           patterns: _XlsxPatterns) -> bool:
    """The fast path: jump from one ``hidden="1"`` to the next (a literal search) and number
    each hidden row by its ``r``. False (nothing found kept) when one has no ``r``, so the
    rows are walked and counted instead."""
    found = []
    for match in _HIDDEN_TRUE.finditer(xml, start):
        tag_start = xml.rfind(b"<", start, match.start())
        if tag_start < 0 or not patterns.row_start.match(xml, tag_start):
            continue  # a hidden attribute of something else
        tag_end = xml.find(b">", match.end())
        number = _attr(xml[tag_start:tag_end], b"r")
        if number is None:
            return False
        found.append(int(number) - 1)
    marks.hidden_rows = found
    return True


class _XlsxPatterns:
    """The tag patterns for one namespace prefix: with the literal ``<row`` (no optional
    prefix group) the regex engine jumps from candidate to candidate instead of trying every
    ``<``, which makes the row walk ten times faster."""

    def __init__(self, prefix: bytes) -> None:
        p = re.escape(prefix)
        self.row = re.compile(b"<" + p + rb"(row)(?=[\s/>])([^>]*)>")
        self.row_start = re.compile(b"<" + p + rb"row[\s/>]")
        self.row_or_cell = re.compile(b"<" + p + rb"(row|c)(?=[\s/>])([^>]*)>")
        self.col = re.compile(b"<" + p + rb"col(?=[\s/>])([^>]*)>")
        self.sheet_data = re.compile(b"<" + p + rb"sheetData[\s/>]")
        self.cell_end = re.compile(b"</" + p + rb"c\s*>")
        self.value = re.compile(b"<" + p + rb"v\s*>([^<]*)</")


_PATTERNS: dict[bytes, _XlsxPatterns] = {}


def _xlsx_patterns(xml: bytes) -> _XlsxPatterns:
    found = _TAG_PREFIX.search(xml)
    prefix = (found.group(1) or b"") if found else b""
    if prefix not in _PATTERNS:
        _PATTERNS[prefix] = _XlsxPatterns(prefix)
    return _PATTERNS[prefix]


# -- ods: merged ranges, hidden rows and columns, error cells ------------------------------------

_ODS_STRUCTURE = re.compile(rb"<table:(table|table-column|table-row)(?=[\s/>])([^>]*)>")
_ODS_CELL = re.compile(rb"<table:(table-cell|covered-table-cell)(?=[\s/>])([^>]*)>")
_ODS_CELL_END = re.compile(rb"</table:table-cell\s*>")
_XML_TAG = re.compile(rb"<[^>]*>")


def _ods_content(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("content.xml")


def _add_ods_extras(content: bytes, workbook: Workbook) -> None:
    """calamine gives no merged ranges for .ods; read them (and hidden parts) from content.xml.

    Only the start tags of tables, columns and rows are walked (rows counted with their
    ``number-rows-repeated``, never expanded: LibreOffice writes a million repeated empty
    rows at the end); the cells of a row are walked only when the row holds a merged or an
    error cell, which a substring search tells.
    """
    spans = b"-spanned=" in content
    errors = b'value-type="error"' in content
    if not (spans or errors or b"table:visibility=" in content):
        return
    look_for = b"-spanned=" if not errors else b'value-type="error"' if not spans else None
    grids = {grid.name: grid for grid in workbook.sheets}
    grid: Grid | None = None
    next_row = next_column = 0
    pending: tuple[int, int, int] | None = None  # (row, repeat, tag end) of the row being read
    for match in _ODS_STRUCTURE.finditer(content):
        if pending is not None and grid is not None:
            _ods_row_cells(content, pending, match.start(), grid, look_for)
            pending = None
        tag, attrs = match.group(1), match.group(2)
        if tag == b"table":
            name = html.unescape((_attr(attrs, b"table:name") or b"").decode("utf-8", "replace"))
            grid = grids.get(name)
            next_row = next_column = 0
            continue
        if grid is None:
            continue
        hidden = b"visibility" in attrs and _attr(attrs, b"table:visibility") in (
            b"collapse", b"filter")
        if tag == b"table-column":
            repeat = int(_attr(attrs, b"table:number-columns-repeated") or 1) \
                if b"repeated" in attrs else 1
            if hidden:
                grid.hidden_cols.update(range(next_column, min(next_column + repeat, grid.width)))
            next_column += repeat
            continue
        row = next_row
        repeat = int(_attr(attrs, b"table:number-rows-repeated") or 1) \
            if b"repeated" in attrs else 1
        next_row = row + repeat
        if hidden:
            grid.hidden_rows.update(range(row, min(next_row, grid.height)))
        if (spans or errors) and row < grid.height and not attrs.endswith(b"/"):
            pending = (row, repeat, match.end())
    if pending is not None and grid is not None:
        _ods_row_cells(content, pending, len(content), grid, look_for)


def _ods_row_cells(content: bytes, pending: tuple[int, int, int], end: int, grid: Grid,
                   look_for: bytes | None) -> None:
    """Merged and error cells of one row (the text between its start tag and ``end``);
    ``look_for`` is the one marker the file can hold, or None when it holds both."""
    row, row_repeat, start = pending
    if look_for is not None and content.find(look_for, start, end) < 0:
        return
    col = 0
    for match in _ODS_CELL.finditer(content, start, end):
        tag, attrs = match.group(1), match.group(2)
        if tag == b"table-cell" and (b"spanned" in attrs or b"error" in attrs):
            _ods_cell(content, match, attrs, grid, row, col, row_repeat)
        col += int(_attr(attrs, b"table:number-columns-repeated") or 1) \
            if b"repeated" in attrs else 1


def _ods_cell(content: bytes, match: re.Match[bytes], attrs: bytes, grid: Grid, row: int,
              col: int, row_repeat: int) -> None:
    rows_spanned = int(_attr(attrs, b"table:number-rows-spanned") or 1)
    cols_spanned = int(_attr(attrs, b"table:number-columns-spanned") or 1)
    if rows_spanned > 1 or cols_spanned > 1:
        for r in range(row, row + min(row_repeat, grid.height - row)):
            grid.merges.append(MergedRange(r, col, r + rows_spanned - 1, col + cols_spanned - 1))
    if _attr(attrs, b"calcext:value-type") == b"error" and not attrs.endswith(b"/"):
        end = _ODS_CELL_END.search(content, match.end())
        inner = content[match.end():end.start() if end else match.end()]
        text = html.unescape(_XML_TAG.sub(b"", inner).decode("utf-8", "replace")).strip()
        _set_error(grid, row, col, text)


# -- xls: hidden rows and columns, error cells -----------------------------------------------------

_BIFF_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?",
                0x24: "#NUM!", 0x2A: "#N/A", 0x2B: "#GETTING_DATA"}
_BOF, _EOF, _BOUNDSHEET, _FILEPASS = 0x0809, 0x000A, 0x0085, 0x002F
_ROW, _COLINFO, _BOOLERR, _FORMULA = 0x0208, 0x007D, 0x0205, 0x0006


def _workbook_stream(data: bytes) -> memoryview | None:
    """The BIFF stream of an .xls (``Workbook``, or ``Book`` for Excel 5/95 and old WPS)."""
    doc = CompDoc(data, logfile=io.StringIO())
    for name in ("Workbook", "Book"):  # found whatever their case
        mem, base, size = doc.locate_named_stream(name)
        if mem is not None:
            return memoryview(mem)[base:base + size]
    return None


def _xls_is_encrypted(data: bytes) -> bool:
    """Whether the workbook globals hold a FILEPASS record (a password to open)."""
    try:
        stream = _workbook_stream(data)
        return stream is not None and any(
            kind == _FILEPASS for kind, _, _ in _biff_records(stream, 0, globals_only=True))
    except Exception:  # a damaged container: the caller says "corrupt"
        return False


@dataclass
class _XlsMarks:
    """What one sheet's BIFF records say beyond calamine's values, found before calamine
    reads the sheet: how far its value cells reach, hidden rows and columns, error cells."""

    box: Box = field(default_factory=Box)
    hidden_rows: list[int] = field(default_factory=list)
    hidden_cols: list[tuple[int, int]] = field(default_factory=list)  # first, last; 0-based
    errors: list[tuple[int, int, str]] = field(default_factory=list)

    def apply(self, grid: Grid) -> None:
        height, width = grid.height, grid.width
        grid.hidden_rows.update(r for r in self.hidden_rows if r < height)
        for first, last in self.hidden_cols:
            grid.hidden_cols.update(range(first, min(last, width - 1) + 1))
        for row, col, text in self.errors:
            _set_error(grid, row, col, text)


def _xls_marks(data: bytes) -> list[tuple[str | None, _XlsMarks]]:
    """Each sheet's name (BIFF8; None for BIFF5, whose names are in a code page: matched by
    order) and marks, in the workbook's order: BOUNDSHEET gives each sheet's offset, then its
    substream is walked once (:func:`_scan_xls_sheet`)."""
    stream = _workbook_stream(data)
    if stream is None:
        return []
    sheets = []
    biff8 = len(stream) >= 6 and struct.unpack_from("<H", stream, 4)[0] == 0x0600
    for kind, pos, length in _biff_records(stream, 0, globals_only=True):
        if kind == _BOUNDSHEET and length >= 8:
            offset, name = struct.unpack_from("<I", stream, pos + 4)[0], None
            if biff8:
                count, high = stream[pos + 10], stream[pos + 11] & 1
                raw = bytes(stream[pos + 12:pos + 12 + count * (2 if high else 1)])
                name = raw.decode("utf-16-le" if high else "latin-1", "replace")
            sheets.append((name, _scan_xls_sheet(stream, offset)))
    return sheets


def _biff_records(stream: memoryview, start: int, globals_only: bool = False):
    """(record type, offset of its data, length) from ``start`` to the matching EOF."""
    unpack = struct.unpack_from
    pos, end, depth = start, len(stream), 0
    while pos + 4 <= end:
        kind, length = unpack("<HH", stream, pos)
        if kind == _BOF:
            depth += 1
        elif kind == _EOF:
            depth -= 1
            if depth <= 0:
                return
        elif depth == 1 or not globals_only:
            yield kind, pos, length
        pos += 4 + length


# The records of a cell holding a value, each starting with its row and column (BLANK and
# MULBLANK, formatting only, are not among them: calamine leaves them out of the grid).
_VALUE_RECORDS = frozenset({0x0203, 0x0204, 0x00FD, 0x027E, 0x00D6, _BOOLERR, _FORMULA})
_MULRK = 0x00BD


def _scan_xls_sheet(stream: memoryview, offset: int) -> _XlsMarks:
    """One sheet's substream, record by record (the loop is inlined: it runs once per cell)."""
    unpack = struct.unpack_from
    marks = _XlsMarks()
    box = marks.box
    values = _VALUE_RECORDS
    wanted = values | {_ROW, _COLINFO, _MULRK, _BOF, _EOF}
    pos, end, depth = offset, len(stream), 0
    while pos + 4 <= end:
        kind, length = unpack("<HH", stream, pos)
        data = pos + 4
        pos = data + length
        if kind not in wanted:
            continue
        if kind == _BOF:
            depth += 1
        elif kind == _EOF:
            depth -= 1
            if depth <= 0:
                break
        elif depth > 1:
            continue  # inside an embedded chart
        elif kind in values and length >= 4:
            row, col = unpack("<HH", stream, data)
            if row >= box.rows or col >= box.cols:
                box.add(row, col)
            if kind == _BOOLERR and length >= 8 and stream[data + 7] == 1:
                marks.errors.append((row, col, _BIFF_ERRORS.get(stream[data + 6], "#N/A")))
            elif kind == _FORMULA and length >= 14 and stream[data + 6] == 2 \
                    and stream[data + 12] == 0xFF and stream[data + 13] == 0xFF:
                marks.errors.append((row, col, _BIFF_ERRORS.get(stream[data + 8], "#N/A")))
        elif kind == _MULRK and length >= 6:
            row = unpack("<H", stream, data)[0]
            box.add(row, unpack("<H", stream, pos - 2)[0])
        elif kind == _ROW and length >= 16:
            if stream[data + 12] & 0x20:
                marks.hidden_rows.append(unpack("<H", stream, data)[0])
        elif kind == _COLINFO and length >= 10:
            first, last, _, _, flags = unpack("<HHHHH", stream, data)
            if flags & 1:
                marks.hidden_cols.append((first, last))
    return marks


# -- csv ---------------------------------------------------------------------------------------

def decode_text(data: bytes) -> tuple[str, str]:
    """The text and its encoding: a BOM, else strict UTF-8, else GB18030 (a superset of GBK and
    GB2312) or Big5/CP950, whichever reads as more common Chinese.

    GB18030 decodes almost any byte string without error, so a Big5 file "succeeds" as
    GB18030 too, into rare characters; scoring by common characters tells them apart.
    Raises UnicodeDecodeError when nothing fits.
    """
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        error = exc
    candidates = []
    for order, name in enumerate(("gb18030", "big5", "cp950")):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        common = COMMON_SIMPLIFIED if name == "gb18030" else COMMON_TRADITIONAL
        chinese = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
        share = sum(ch in common for ch in chinese) / max(1, len(chinese))
        candidates.append((share, -order, name, text))
    if not candidates:
        raise error
    _, _, name, text = max(candidates)
    return text, name


def detect_delimiter(text: str) -> str:
    """``,``, tab or ``;``: the one that splits the first lines into the most consistent number
    of columns (more than one), quotes respected. A first line ``sep=;`` (Excel's hint) wins."""
    lines = text[:65536].splitlines(keepends=True)[:50]
    if lines and re.fullmatch(r"sep=.\r?\n?", lines[0]):
        return lines[0][4]
    sample = "".join(lines[:-1] if len(lines) == 50 else lines)
    best, best_score = ",", (0, 0.0, 0)
    for delimiter in (",", "\t", ";"):
        if delimiter not in sample:
            continue
        counts = [len(row) for row in csv.reader(io.StringIO(sample, newline=""),
                                                 delimiter=delimiter) if any(row)]
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        score = (int(mode > 1), counts.count(mode) / len(counts), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(path: Path, data: bytes, where: Location, max_rows: int,
              max_cell_chars: int) -> Workbook:
    try:
        text, encoding = decode_text(data)
    except UnicodeDecodeError as exc:
        raise FileReadError(tr("无法识别文件的文字编码（不是 UTF-8、GBK/GB18030 或 Big5）。"
                               + SAVE_AS_XLSX), where) from exc
    delimiter = detect_delimiter(text)
    if re.match(r"sep=.\r?\n", text):
        text = text.split("\n", 1)[1]
    if csv.field_size_limit() < max_cell_chars + 1:
        csv.field_size_limit(max_cell_chars + 1)  # only ever raised; it is process-wide
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for row in reader:
            if len(rows) >= max_rows:
                raise FileReadError(tr(MSG_TOO_MANY_ROWS).format(limit=max_rows, detail=""), where)
            rows.append(row)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise FileReadError(tr("单元格内容过长（超过 {limit} 个字符），"
                                   "文件可能已损坏或不是任务清单。请检查这一行。")
                                .format(limit=max_cell_chars),
                                Location(where.file, None, reader.line_num)) from exc
        raise FileReadError(tr("CSV 文件格式有误，无法读取。" + SAVE_AS_XLSX),
                            Location(where.file, None, reader.line_num)) from exc
    grid = _grid_from_values(path.stem, rows, where, max_cell_chars)
    _trim(grid)
    return Workbook(path, "csv", [grid], encoding)
