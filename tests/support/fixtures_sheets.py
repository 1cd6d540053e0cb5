"""Builders of spreadsheet files for the reader tests (and the read benchmark).

Files are made by the tests themselves, with the writers real offices' files come from where
we can (openpyxl, xlsxwriter, LibreOffice), and by hand where a writer cannot produce the case
(an error cell with its cached value, rows without ``r`` attributes, a DTD, an encrypted
package), so no binary fixture has to be kept in the repository.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import struct
import subprocess
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import xlsxwriter

# -- openpyxl / xlsxwriter ------------------------------------------------------------------


def write_features_xlsx(path: Path) -> Path:
    """One workbook with every feature the readers must keep, written by openpyxl.

    Sheet 任务 (A1:H6): merged B2:B3 and A5:C6, row 4 and column H hidden, a date, a
    date-time, 2.0, 0.1 + 0.2, booleans, 85 %, NA / N/A / #N/A, three formulas (openpyxl
    writes no cached values). Sheet 隐藏 is hidden, 很隐藏 very hidden, 空 empty.
    """
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "任务"
    ws.append(["序号", "任务", "时限", "数", "布尔", "比例", "公式", "NA"])
    ws.append([1, "合并任务", dt.date(2024, 3, 1), 2.0, True, 0.85, "=D2*2", "NA"])
    ws.append([2, None, dt.datetime(2024, 3, 2, 10, 30), 0.1 + 0.2, False, 0.5, "=1/0", "#N/A"])
    ws.append([3, "x", "2024年底", 1e20, None, None, '="a"&"b"', "N/A"])
    ws["A5"] = "合并区"
    ws.merge_cells("B2:B3")
    ws.merge_cells("A5:C6")
    ws.row_dimensions[4].hidden = True
    ws.column_dimensions["H"].hidden = True
    ws["F2"].number_format = "0%"
    hidden = wb.create_sheet("隐藏")
    hidden["A1"] = "secret"
    hidden.sheet_state = "hidden"
    very = wb.create_sheet("很隐藏")
    very["C3"] = "x"
    very.merge_cells("C3:D4")
    very.sheet_state = "veryHidden"
    wb.create_sheet("空")
    wb.save(path)
    return path


def write_rows_xlsx(path: Path, rows: list[list[object]], title: str = "Sheet1") -> Path:
    """A plain one-sheet workbook (openpyxl)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def write_cached_formulas_xlsx(path: Path) -> Path:
    """Formulas with cached results, as Excel leaves them (xlsxwriter can write the cache)."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("公式")
    ws.write_formula("A1", "=1/0", None, "#DIV/0!")
    ws.write_formula("B1", "=2*3", None, 6)
    ws.write_formula("C1", '="完成"', None, "完成")
    ws.write_formula("D1", "=NA()", None, "#N/A")
    ws.write_string("E1", "#N/A")  # a text that looks like an error: not an error cell
    ws.write_boolean("F1", True)
    wb.close()
    return path


def write_task_list_xlsx(path: Path, rows: int = 5000,
                         title: str = "××县教育局2024年工作要点任务分解表") -> Path:
    """A task list like the issued ones, ``rows`` data rows × 10 columns: a merged title, a
    category merged over every 10 rows, dates, progress fractions, one hidden row and one
    hidden column (xlsxwriter: it is the fast writer)."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("任务分解表")
    date_format = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.merge_range(0, 0, 0, 9, title)
    ws.write_row(1, 0, ["序号", "类别", "重点任务", "具体措施", "牵头股室", "配合股室",
                        "责任学校", "完成时限", "进度", "备注"])
    last = rows + 1
    for start in range(2, last + 1, 10):
        end = min(start + 9, last)
        if end > start:
            ws.merge_range(start, 1, end, 1, f"第{start // 10 + 1}类 全面加强基层党的建设")
        else:
            ws.write_string(start, 1, f"第{start // 10 + 1}类 全面加强基层党的建设")
        for r in range(start, end + 1):
            ws.write_number(r, 0, r - 1)
            ws.write_string(r, 2, f"任务{r - 1} 推进义务教育优质均衡发展，落实“双减”政策要求")
            ws.write_string(r, 3, "一是加强统筹；二是完善机制；三是强化督导检查，确保落到实处")
            ws.write_string(r, 4, "基础教育股")
            ws.write_string(r, 5, "督导室、财务股")
            ws.write_string(r, 6, "各中小学")
            ws.write_datetime(r, 7, dt.datetime(2024, 1 + r % 12, 1 + r % 28), date_format)
            ws.write_number(r, 8, (r % 100) / 100)
    ws.set_row(10, None, None, {"hidden": True})
    ws.set_column(9, 9, None, None, {"hidden": True})
    wb.close()
    return path


# -- hand-made xlsx ----------------------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def sheet_xml(body: str, *, cols: str = "", prolog: str = "", prefix: str = "") -> str:
    """A worksheet part around ``body`` (the rows); ``prefix`` writes ``<x:row>``-style tags
    as .NET libraries do (``body`` must use the same prefix)."""
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{MAIN_NS}"' if prefix else f'xmlns="{MAIN_NS}"'
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
            f"<{p}worksheet {xmlns}>{cols}<{p}sheetData>{body}</{p}sheetData></{p}worksheet>")


def write_raw_xlsx(path: Path, worksheet: str, *, name: str = "Sheet1",
                   extra_parts: dict[str, str] | None = None) -> Path:
    """The smallest xlsx calamine and Excel accept, with the given worksheet XML."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK.format(name=name))
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", worksheet)
        for part, text in (extra_parts or {}).items():
            archive.writestr(part, text)
    return path


def billion_laughs(levels: int = 10) -> str:
    """The classic entity-expansion bomb's DTD (10 levels: 10^10 copies of "lol")."""
    entities = ['<!ENTITY lol0 "lol">']
    for i in range(1, levels):
        entities.append(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">')
    return f"<!DOCTYPE lolz [{''.join(entities)}]>\n"


# -- OLE2 (compound file) ------------------------------------------------------------------

_FREE, _END, _FATSECT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def write_compound_file(path: Path, streams: dict[str, bytes]) -> Path:
    """A valid OLE2 compound file (version 3, 512-byte sectors) holding ``streams``.

    This is the container of .xls, .doc and of a password-protected .xlsx (streams
    EncryptionInfo and EncryptedPackage). Each stream is padded with zeros to at least 4,096
    bytes so it lives in ordinary sectors (no mini stream), which keeps the writer short.
    """
    names = list(streams)
    if len(names) > 3:
        raise ValueError("at most 3 streams (one directory sector)")
    datas = [streams[n].ljust(4096, b"\0") for n in names]
    sectors_of = [-(-len(d) // 512) for d in datas]
    total = 2 + sum(sectors_of)  # FAT sector, directory sector, the streams
    if total > 128:
        raise ValueError("streams too large for one FAT sector")
    fat = [_FATSECT, _END]
    starts = []
    for count in sectors_of:
        starts.append(len(fat))
        fat.extend(range(len(fat) + 1, len(fat) + count))
        fat.append(_END)
    fat.extend([_FREE] * (128 - len(fat)))

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int,
              size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
                + struct.pack("<III", left, right, child) + b"\0" * 16 + b"\0" * 4
                + b"\0" * 16 + struct.pack("<IQ", start, size))

    # Root's child is the first stream; the others hang off it as right siblings in order
    # (names compared by length, then upper case, as the format wants).
    ordered = sorted(range(len(names)), key=lambda i: (len(names[i]), names[i].upper()))
    directory = [entry("Root Entry", 5, _NOSTREAM, _NOSTREAM, ordered[0] + 1, _END, 0)]
    for i, name in enumerate(names):
        position = ordered.index(i)
        right = ordered[position + 1] + 1 if position + 1 < len(ordered) else _NOSTREAM
        directory.append(entry(name, 2, _NOSTREAM, right, _NOSTREAM, starts[i], len(datas[i])))
    while len(directory) < 4:
        directory.append(b"\0" * 64 + struct.pack("<HBB", 0, 0, 0)
                         + struct.pack("<III", _NOSTREAM, _NOSTREAM, _NOSTREAM) + b"\0" * 52)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
              + struct.pack("<109I", 0, *([_FREE] * 108)))
    body = struct.pack("<128I", *fat) + b"".join(directory)
    for data, count in zip(datas, sectors_of, strict=True):
        body += data.ljust(count * 512, b"\0")
    path.write_bytes(header + body)
    return path


def write_encrypted_xlsx(path: Path) -> Path:
    """What Excel/WPS save for an .xlsx with a password to open: an OLE2 file, not a zip."""
    info = struct.pack("<HHI", 4, 4, 0x40) + b"<?xml version=\"1.0\"?><encryption/>"
    return write_compound_file(path, {"EncryptionInfo": info,
                                      "EncryptedPackage": struct.pack("<Q", 9000) + os.urandom(64)})


# -- csv -------------------------------------------------------------------------------------

TASKS_SIMPLIFIED = [
    ["序号", "重点任务", "牵头股室", "完成时限"],
    ["1", "推进义务教育优质均衡发展", "基础教育股", "2024年12月底"],
    ["2", "加强校园安全管理，开展安全教育", "安全股", "每季度"],
]
TASKS_TRADITIONAL = [
    ["序號", "重點任務", "牽頭股室", "完成時限"],
    ["1", "推進義務教育優質均衡發展", "基礎教育股", "2024年12月底"],
    ["2", "加強校園安全管理，開展安全教育", "安全股", "每季度"],
]


def write_csv(path: Path, rows: list[list[str]], *, encoding: str = "utf-8",
              delimiter: str = ",", bom: bytes = b"") -> Path:
    """Rows joined by hand (quoting only when needed), encoded as a given program would."""
    lines = []
    for row in rows:
        cells = []
        for cell in row:
            if any(ch in cell for ch in (delimiter, '"', "\n", "\r")):
                cell = '"' + cell.replace('"', '""') + '"'
            cells.append(cell)
        lines.append(delimiter.join(cells))
    path.write_bytes(bom + ("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


# -- LibreOffice -----------------------------------------------------------------------------


def soffice_convert(sources: list[Path], formats: list[str], out_dir: Path,
                    timeout: float = 120) -> dict[str, Path]:
    """Convert every source to every format with LibreOffice, one process per format, all at
    once (each with its own profile folder, so they may run side by side). Returns a map
    format → the folder holding the converted files.

    On a machine where LibreOffice never ran, instances starting together sometimes exit
    without converting; a format whose files are missing is converted again on its own.
    """
    soffice = shutil.which("soffice")
    if soffice is None:
        raise RuntimeError("soffice not found")

    def start(fmt: str) -> tuple[subprocess.Popen, Path]:
        folder = out_dir / fmt
        folder.mkdir(parents=True, exist_ok=True)
        profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
        process = subprocess.Popen(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
             "--convert-to", fmt, "--outdir", str(folder), *map(str, sources)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return process, profile

    def finish(process: subprocess.Popen, profile: Path) -> None:
        try:
            process.wait(timeout=timeout)
        finally:
            if process.poll() is None:
                process.kill()
            shutil.rmtree(profile, ignore_errors=True)

    def missing(fmt: str) -> bool:
        return any(not (out_dir / fmt / f"{src.stem}.{fmt}").exists() for src in sources)

    running = [start(fmt) for fmt in formats]
    for process, profile in running:
        finish(process, profile)
    for fmt in formats:
        if missing(fmt):
            finish(*start(fmt))
    return {fmt: out_dir / fmt for fmt in formats}
