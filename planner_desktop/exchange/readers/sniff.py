"""What a file really is, told from its bytes, and the refusals that need no reading of cells.

The real format is sniffed from the first bytes (``PK\\x03\\x04`` zip, ``D0 CF 11 E0`` OLE2,
else text), never taken from the extension: mail systems and web portals rename freely. A zip
is looked into before calamine sees it: its declared sizes are capped and any XML part that
declares a DTD (the only way to an entity-expansion bomb) is refused.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from pathlib import Path

from xlrd.compdoc import CompDoc

from planner_desktop.errors import FileReadError, Location
from planner_desktop.exchange.readers.refusals import (
    ASK_FOR_ORIGINAL,
    MSG_CORRUPT,
    MSG_PASSWORD,
    MSG_UNKNOWN,
    MSG_UNSAFE_XML,
    REFUSED_EXTENSIONS,
    SAVE_AS_XLSX,
)
from planner_desktop.files.incoming import read_incoming
from planner_desktop.i18n import tr

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024  # what the parts of a zip may claim to unpack to


# -- the file itself ---------------------------------------------------------------------------

def read_bytes(path: Path, where: Location, max_bytes: int) -> bytes:
    """The whole file (at most ``max_bytes``), read once: every later step works on these
    bytes, so a file that changes or disappears halfway (still being copied from a USB stick)
    cannot give mixed results."""
    try:
        if not path.exists():
            raise FileReadError(tr("找不到文件，可能已被移动、改名或删除。请重新选择文件。"), where)
        if path.is_dir():
            raise FileReadError(tr("选择的是一个文件夹，不是表格文件。"
                                   "请选择要导入的 .xlsx、.xls、.csv 或 .ods 文件。"), where)
        refused = REFUSED_EXTENSIONS.get(path.suffix.lower())
        if refused:
            raise FileReadError(tr(refused), where)
        data = read_incoming(path, max_bytes, tr(
            "文件过大，超过 {limit} MB 的上限，不像是任务清单。请确认选对了文件。").format(
                limit=max_bytes // (1024 * 1024)), where)
    except OSError as exc:
        raise FileReadError(tr("无法读取文件（{error}）。请确认有权限读取它、"
                               "它没有被其他程序独占打开（可先关闭 Excel/WPS 再试）。")
                            .format(error=exc.strerror or exc), where) from exc
    if not data:
        raise FileReadError(tr("文件是空的（0 字节），里面没有任何内容。"
                               "请向发文单位重新索取文件。"), where)
    return data


def refuse_other_binary(data: bytes, path: Path, where: Location) -> None:
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


def check_ole2(data: bytes, where: Location) -> None:
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


def zip_kind(data: bytes, where: Location) -> str:
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


