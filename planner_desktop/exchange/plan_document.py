"""Reading plan documents (工作要点) as paragraphs: Word .docx here; .doc/.wps, .pdf and .ofd
by the readers in ``exchange.documents``; text files and pasted text.

A .docx is read for what a person sees: Word's automatic list numbering is not in the
paragraph text, so it is rendered here (一、 1. （一） … from numbering.xml, counters kept
per list the way Word keeps them); heading styles give outline levels; tables are read row by
row. Text files may be UTF-8 (with or without BOM) or GB18030, as Windows Notepad saves them.
The kind of a file is told by its content, not its name (mail systems and portals rename
freely). Anything else (a spreadsheet, RTF, a web page saved as .doc, a damaged file,
binary junk) is refused with a Chinese message that says what to do, before anything is
parsed.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from planner_desktop.domain.plan_cleaning import SourceParagraph
from planner_desktop.domain.plan_outline import starts_with_marker
from planner_desktop.errors import FileReadError, Location
from planner_desktop.exchange.documents.messages import (
    MSG_CORRUPT,
    MSG_DOC_CORRUPT,
    MSG_PASSWORD,
    SAVE_AS_DOCX,
    doc_kind,
)
from planner_desktop.exchange.documents.numbering import format_number
from planner_desktop.exchange.documents.tables import table_lines
from planner_desktop.exchange.readers import OLE2_MAGIC, ZIP_MAGIC, decode_text, ole2_stream_names
from planner_desktop.files.incoming import read_incoming
from planner_desktop.i18n import tr

MAX_PLAN_BYTES = 50 * 1024 * 1024
WPS_TASK_LIST = "任务分解表请在 WPS 中另存为 .xlsx 后，用“导入任务表”导入。"
REFUSED = {
    ".rtf": "这是 RTF 文档，本程序不能直接读取。" + SAVE_AS_DOCX,
    ".xlsx": "这是 Excel 表格，不是工作要点文档。任务分解表请用“导入任务表”。",
    ".xls": "这是 Excel 表格，不是工作要点文档。任务分解表请用“导入任务表”。",
    ".et": "这是 WPS 表格（.et），不是工作要点文档。" + WPS_TASK_LIST,
    ".ett": "这是 WPS 表格模板（.ett），不是工作要点文档。" + WPS_TASK_LIST,
    ".csv": "这是表格（CSV），不是工作要点文档。任务分解表请用“导入任务表”。",
}
# Suffixes whose files are read by what their content is (a .docx renamed .doc is read as
# a .docx, a spreadsheet renamed .doc is named a spreadsheet); one whose content is none of
# the formats read is refused with what it is instead.
TOLD_BY_CONTENT = {".doc": "Word 文档", ".wps": "WPS 文字文档", ".wpt": "WPS 文字模板",
                   ".pdf": "PDF 文件", ".ofd": "OFD 文件"}
MSG_NOT_TEXT = "这不是文字文件（里面是二进制内容）。请选择 .docx、.doc、.pdf 或 .txt 格式的工作要点。"
MSG_EMPTY = "文件中没有文字。请确认选对了文件。"
MSG_PRESENTATION = "这是 PowerPoint 演示文稿，不是工作要点文档。" + SAVE_AS_DOCX
MSG_WEB_PAGE_AS = ("这个 {ext} 文件其实是网页（HTML）格式（常见于从网站或业务系统导出的“Word”）。"
                   "请用 Word/WPS 打开后“另存为” Word 文档（.docx），或复制正文用“粘贴文本”导入。")
MSG_NOT_WHAT_SUFFIX = ("文件的扩展名是 {ext}，但里面不是{kind}（可能下载不完整，或保存成了出错的网页）。"
                       "请重新获取文件。")

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class PlanDocument:
    """What a reader found: the paragraphs and how the file was stored."""

    name: str
    kind: str  # docx | doc | pdf | ofd | txt | paste
    paragraphs: list[SourceParagraph]
    encoding: str = ""
    sha256: str = ""  # of the bytes read, so a re-imported file is recognised

    @property
    def knows_paragraphs(self) -> bool:
        """Word files know their paragraphs, and the PDF and OFD readers joined their lines
        by geometry; a text file's lines may still need re-joining."""
        return self.kind in ("docx", "doc", "pdf", "ofd")


def read_plan_text(text: str, name: str = "粘贴的文本") -> PlanDocument:
    """Text the clerk pasted (or read from a file): one paragraph per line."""
    paragraphs = [SourceParagraph(line, index) for index, line in enumerate(text.splitlines(), 1)]
    if not any(p.text.strip() for p in paragraphs):
        raise FileReadError(tr(MSG_EMPTY), Location(file=name))
    return PlanDocument(name, "paste", paragraphs)


def read_plan_file(path: str | Path) -> PlanDocument:
    """The paragraphs of a .docx, .doc/.wps, .pdf, .ofd or text file; raises FileReadError
    for anything else, saying what it is and what to do."""
    path = Path(path)
    where = Location(file=path.name)
    suffix = path.suffix.lower()
    data = _read_bytes(path, where)
    digest = hashlib.sha256(data).hexdigest()

    def found(kind: str, paragraphs: list[SourceParagraph]) -> PlanDocument:
        return PlanDocument(path.name, kind, paragraphs, sha256=digest)

    if data.startswith(ZIP_MAGIC):
        return found(*_read_zip(data, where))
    if data.startswith(OLE2_MAGIC):
        message = _ole2_kind_message(data, suffix)
        if message is not None:
            raise FileReadError(tr(message).format(kind=doc_kind(suffix)), where)
        from planner_desktop.exchange.documents.doc import read_doc  # loaded for its format only

        return found("doc", read_doc(data, where, suffix))
    if b"%PDF-" in data[:1024]:  # the header may follow a few bytes of junk
        # Loaded on demand: pypdfium2 loads PDFium's native library, which a .docx import and
        # the program's start need not pay for.
        from planner_desktop.exchange.documents.pdf import read_pdf

        return found("pdf", read_pdf(data, where, starts_with_marker))
    if data.startswith(b"{\\rtf"):
        raise FileReadError(tr(REFUSED[".rtf"]), where)
    if suffix in TOLD_BY_CONTENT:
        head = data[:2000].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if re.search(rb"<html|<body|<!doctype|mime-version:", head):
            raise FileReadError(tr(MSG_WEB_PAGE_AS).format(ext=suffix), where)
        raise FileReadError(tr(MSG_NOT_WHAT_SUFFIX).format(ext=suffix, kind=TOLD_BY_CONTENT[suffix]),
                            where)
    text, encoding = _decode(data, where)
    document = read_plan_text(text, path.name)
    return PlanDocument(path.name, "txt", document.paragraphs, encoding, digest)


def _ole2_kind_message(data: bytes, suffix: str) -> str | None:
    """Why an OLE2 compound file is not read, told by its streams (None: it is a Word
    document, .doc or .wps): a password-protected .docx, but also an .xls or a WPS
    spreadsheet (.et) are OLE2 files; the suffix only tells a WPS file from Microsoft's of
    the same kind."""
    try:
        names = ole2_stream_names(data)
    except Exception:  # xlrd's compdoc fails on bad input in many ways
        return MSG_DOC_CORRUPT if suffix in (".doc", ".wps", ".wpt") else MSG_CORRUPT
    if "encryptedpackage" in names or "encryptioninfo" in names:
        return MSG_PASSWORD
    if "workbook" in names or "book" in names:
        return REFUSED[".et" if suffix in (".et", ".ett") else ".xls"]
    if "powerpoint document" in names:
        return MSG_PRESENTATION
    if "worddocument" in names:
        return None
    return MSG_CORRUPT


def _read_bytes(path: Path, where: Location) -> bytes:
    try:
        if not path.exists():
            raise FileReadError(tr("找不到文件，可能已被移动、改名或删除。请重新选择文件。"), where)
        if path.is_dir():
            raise FileReadError(tr("选择的是一个文件夹。请选择 .docx 或 .txt 格式的工作要点。"), where)
        refused = REFUSED.get(path.suffix.lower())
        if refused and path.suffix.lower() not in TOLD_BY_CONTENT:
            raise FileReadError(tr(refused), where)
        data = read_incoming(path, MAX_PLAN_BYTES,
                             tr("文件过大，不像是工作要点。请确认选对了文件。"), where)
    except OSError as exc:
        raise FileReadError(tr("无法读取文件（{error}）。请确认有权限读取它，并已在 Word/WPS 中关闭。")
                            .format(error=exc.strerror or exc), where) from exc
    if not data.strip():
        raise FileReadError(tr("文件是空的，里面没有任何内容。请向发文单位重新索取文件。"), where)
    return data


def _decode(data: bytes, where: Location) -> tuple[str, str]:
    """UTF-8 (BOM or not), UTF-16 with BOM, else GB18030; binary is refused."""
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileReadError(tr(MSG_NOT_TEXT), where)
    try:
        text, encoding = decode_text(data)
    except UnicodeDecodeError as exc:
        raise FileReadError(tr("无法识别文件的文字编码。请在记事本中“另存为”UTF-8 编码后再导入。"),
                            where) from exc
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > 8 or (text[:8192] and controls / len(text[:8192]) > 0.01):
        raise FileReadError(tr(MSG_NOT_TEXT), where)
    if text.lstrip().startswith("<") and re.search(r"<html|<body|<!doctype", text[:2000], re.I):
        raise FileReadError(tr("这是网页（HTML）文件。请在浏览器中复制正文，用“粘贴文本”导入；"
                               "或另存为 .docx / .txt。"), where)
    return text, encoding


# -- .docx ---------------------------------------------------------------------------------------

def _read_zip(data: bytes, where: Location) -> tuple[str, list[SourceParagraph]]:
    """A .docx or an .ofd (both zips), by what the zip holds."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            from planner_desktop.exchange.documents.ofd import is_ofd, read_ofd

            if is_ofd(archive):
                return "ofd", read_ofd(archive, where, starts_with_marker)
    except zipfile.BadZipFile as exc:
        raise FileReadError(tr(MSG_CORRUPT), where) from exc
    return "docx", _read_docx(data, where)


def _read_docx(data: bytes, where: Location) -> list[SourceParagraph]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                if "xl/workbook.xml" in names:
                    raise FileReadError(tr(REFUSED[".xlsx"]), where)
                raise FileReadError(tr("这是一个压缩文件，不是 Word 文档（.docx）。" + SAVE_AS_DOCX), where)
            for info in archive.infolist():
                if info.file_size > 200 * 1024 * 1024:
                    raise FileReadError(tr(MSG_CORRUPT), where)
        import docx  # python-docx: imported here, it is only needed for Word files

        document = docx.Document(io.BytesIO(data))
        numbering = _Numbering(document)
        return list(_docx_paragraphs(document, numbering))
    except FileReadError:
        raise
    except Exception as exc:  # python-docx and lxml fail on damaged files in many ways
        raise FileReadError(tr(MSG_CORRUPT), where) from exc


_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


def _outline_level(ppr) -> int | None:
    level = ppr.find(f"{_W}outlineLvl") if ppr is not None else None
    value = level.get(f"{_W}val", "9") if level is not None else "9"
    return int(value) + 1 if value.isdecimal() and int(value) < 9 else None


class _Styles:
    """Paragraph styles by id: name and heading level, each looked up once (python-docx's
    ``paragraph.style`` searches the styles part on every call, which dominates a long file)."""

    def __init__(self, document) -> None:
        self.by_id = {style.style_id: style for style in document.styles
                      if getattr(style, "type", None) is not None and style.type == 1}
        self.default = next((s.style_id for s in self.by_id.values()
                             if s.element.get(f"{_W}default") in ("1", "true")), None)
        self._cache: dict[str | None, tuple[str, int | None]] = {}

    def style_id(self, paragraph) -> str | None:
        ppr = paragraph._p.pPr
        style = ppr.find(f"{_W}pStyle") if ppr is not None else None
        return style.get(f"{_W}val") if style is not None else self.default

    def info(self, style_id: str | None) -> tuple[str, int | None]:
        """(name, heading level) of a style, following ``basedOn``."""
        if style_id not in self._cache:
            style = self.by_id.get(style_id)
            name = style.name if style is not None else ""
            level = None
            while style is not None and level is None:
                match = _HEADING_NAME.match(style.name or "")
                level = int(match.group(1)) if match else _outline_level(style.element.pPr)
                style = style.base_style
            self._cache[style_id] = (name or "", level)
        return self._cache[style_id]


def _docx_paragraphs(document, numbering: _Numbering):
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    styles = _Styles(document)
    index = 0
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            paragraph = Paragraph(child, document)
            index += 1
            text = paragraph.text
            style_id = styles.style_id(paragraph)
            name, heading = styles.info(style_id)
            label, level = numbering.label(paragraph, style_id)
            if name in ("Title", "标题"):
                yield SourceParagraph(text, index)
                continue
            heading = _outline_level(paragraph._p.pPr) or heading
            if not text.strip() and not label:
                yield SourceParagraph("", index)
                continue
            yield SourceParagraph(text, index, label, heading, list_level=level if label else None)
        elif child.tag == f"{_W}tbl":
            for row_text in _table_rows(Table(child, document)):
                index += 1
                yield SourceParagraph(row_text, index, from_table=True)
            yield SourceParagraph("", index)


def _table_rows(table) -> list[str]:
    """A Word table's rows as lines (see ``documents.tables``)."""
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = cell.text.strip().replace("\n", "")
            if not cells or text != cells[-1]:  # a merged cell repeats its text
                cells.append(text)
        rows.append(cells)
    return table_lines(rows)


# -- Word's automatic numbering ------------------------------------------------------------------

@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 never
    legal: bool = False


class _Numbering:
    """Renders ``w:numPr`` (on the paragraph or its style) as the number Word shows.

    Counters belong to the abstract list, so lists that share one continue each other, unless
    a ``w:num`` restarts it (``w:startOverride``), as Word does.
    """

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, _Level]] = {}
        self.num_to_abstract: dict[str, str] = {}
        self.overrides: dict[str, dict[int, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.style_numbering: dict[str, tuple[str, int]] = {}
        self._last_level: int | None = None
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            self._read(root)
        for style in document.styles:
            element = getattr(style, "element", None)
            ppr = element.pPr if element is not None and hasattr(element, "pPr") else None
            num = ppr.find(f"{_W}numPr") if ppr is not None else None
            if num is not None:
                num_id = num.find(f"{_W}numId")
                ilvl = num.find(f"{_W}ilvl")
                if num_id is not None:
                    self.style_numbering[style.style_id] = (
                        num_id.get(f"{_W}val"), int(ilvl.get(f"{_W}val")) if ilvl is not None else 0)

    def _read(self, root) -> None:
        for abstract in root.findall(f"{_W}abstractNum"):
            levels = {}
            for lvl in abstract.findall(f"{_W}lvl"):
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = self._level(lvl)
            self.levels[abstract.get(f"{_W}abstractNumId")] = levels
        for num in root.findall(f"{_W}num"):
            num_id = num.get(f"{_W}numId")
            abstract = num.find(f"{_W}abstractNumId")
            if abstract is None:
                continue
            self.num_to_abstract[num_id] = abstract.get(f"{_W}val")
            for override in num.findall(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    self.overrides.setdefault(num_id, {})[int(override.get(f"{_W}ilvl", "0"))] = \
                        int(start.get(f"{_W}val", "1"))

    @staticmethod
    def _level(lvl) -> _Level:
        def value(tag: str, default: str | None = None) -> str | None:
            element = lvl.find(f"{_W}{tag}")
            return element.get(f"{_W}val", default) if element is not None else default

        restart = value("lvlRestart")
        return _Level(start=int(value("start", "1") or 1), fmt=value("numFmt", "decimal") or "decimal",
                      text=value("lvlText", "") or "", restart=int(restart) if restart else None,
                      legal=lvl.find(f"{_W}isLgl") is not None)

    def label(self, paragraph, style_id: str | None) -> tuple[str, int | None]:
        """The number shown before the paragraph and its list level ('' and None if none)."""
        text = self._label(paragraph, style_id)
        return (text, self._last_level) if text else ("", None)

    def _label(self, paragraph, style_id: str | None) -> str:
        ppr = paragraph._p.pPr
        num = ppr.find(f"{_W}numPr") if ppr is not None else None
        num_id, ilvl = None, 0
        if num is not None:
            element = num.find(f"{_W}numId")
            num_id = element.get(f"{_W}val") if element is not None else None
            element = num.find(f"{_W}ilvl")
            ilvl = int(element.get(f"{_W}val")) if element is not None else 0
        elif style_id in self.style_numbering:
            num_id, ilvl = self.style_numbering[style_id]
        if not num_id or num_id == "0" or num_id not in self.num_to_abstract:
            return ""
        abstract = self.num_to_abstract[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return ""
        self._last_level = ilvl
        key = abstract
        if num_id in self.overrides:
            key = f"{abstract}/{num_id}"
        counters = self.counters.setdefault(key, {})
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = self.overrides.get(num_id, {}).get(ilvl, levels[ilvl].start)
        for deeper in [lvl for lvl in counters if lvl > ilvl]:
            restart = levels.get(deeper, _Level()).restart
            if restart != 0 and (restart is None or restart - 1 >= ilvl):
                del counters[deeper]
        level = levels[ilvl]
        if level.fmt in ("bullet", "none"):
            return ""

        def substitute(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            count = counters.get(k, levels.get(k, _Level()).start)
            fmt = "decimal" if level.legal else levels.get(k, _Level()).fmt
            return format_number(count, fmt)

        return re.sub(r"%([1-9])", substitute, level.text)
