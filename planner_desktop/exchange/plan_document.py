"""Reading plan documents (工作要点): Word .docx, text files and pasted text, as paragraphs.

A .docx is read for what a person sees: Word's automatic list numbering is not in the
paragraph text, so it is rendered here (一、 1. （一） … from numbering.xml, counters kept
per list the way Word keeps them); heading styles give outline levels; tables are read row by
row. Text files may be UTF-8 (with or without BOM) or GB18030, as Windows Notepad saves them.
Anything else (.doc, .wps, .pdf, a damaged file, binary junk) is refused with a Chinese
message that says what to do, before anything is parsed.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from planner_desktop.domain.outline_codes import chinese_numeral, numeral
from planner_desktop.domain.plan_cleaning import SourceParagraph
from planner_desktop.errors import FileReadError, Location
from planner_desktop.exchange.files import read_incoming
from planner_desktop.exchange.readers import OLE2_MAGIC, ZIP_MAGIC, decode_text, ole2_stream_names
from planner_desktop.i18n import tr

MAX_PLAN_BYTES = 50 * 1024 * 1024
SAVE_AS_DOCX = ("请在 Word 或 WPS 中打开它，“另存为” Word 文档（.docx）后再导入；"
                "也可以复制全文，用“粘贴文本”导入。")
WPS_TASK_LIST = "任务分解表请在 WPS 中另存为 .xlsx 后，用“导入任务表”导入。"
REFUSED = {
    ".doc": "这是旧版 Word 文档（.doc），本程序不能直接读取。" + SAVE_AS_DOCX,
    ".wps": "这是 WPS 文字文档（.wps），本程序不能直接读取。" + SAVE_AS_DOCX,
    ".wpt": "这是 WPS 文字模板（.wpt），本程序不能直接读取。" + SAVE_AS_DOCX,
    ".pdf": "这是 PDF 文件，其中的文字无法可靠地读出编号和段落。" + SAVE_AS_DOCX,
    ".ofd": "这是 OFD 版式文件，无法读取。" + SAVE_AS_DOCX,
    ".rtf": "这是 RTF 文档，本程序不能直接读取。" + SAVE_AS_DOCX,
    ".xlsx": "这是 Excel 表格，不是工作要点文档。任务分解表请用“导入任务表”。",
    ".xls": "这是 Excel 表格，不是工作要点文档。任务分解表请用“导入任务表”。",
    ".et": "这是 WPS 表格（.et），不是工作要点文档。" + WPS_TASK_LIST,
    ".ett": "这是 WPS 表格模板（.ett），不是工作要点文档。" + WPS_TASK_LIST,
    ".csv": "这是表格（CSV），不是工作要点文档。任务分解表请用“导入任务表”。",
}
# Suffixes of OLE2 files that are refused only once their content said what they are: a
# spreadsheet renamed .doc is named a spreadsheet (a .docx renamed .doc is read).
TOLD_BY_CONTENT = {".doc", ".wps", ".wpt"}
MSG_CORRUPT = "文件已损坏或不完整（可能没有下载或复制完整），无法读取。请重新获取文件。" + SAVE_AS_DOCX
MSG_NOT_TEXT = "这不是文字文件（里面是二进制内容）。请选择 .docx 或 .txt 格式的工作要点。"
MSG_EMPTY = "文件中没有文字。请确认选对了文件。"
MSG_PASSWORD = "文件设有打开密码，无法读取。请在 Word/WPS 中取消密码后另存为 .docx 再导入。"
MSG_PRESENTATION = "这是 PowerPoint 演示文稿，不是工作要点文档。" + SAVE_AS_DOCX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class PlanDocument:
    """What a reader found: the paragraphs and how the file was stored."""

    name: str
    kind: str  # docx | txt | paste
    paragraphs: list[SourceParagraph]
    encoding: str = ""
    sha256: str = ""  # of the bytes read, so a re-imported file is recognised


def read_plan_text(text: str, name: str = "粘贴的文本") -> PlanDocument:
    """Text the clerk pasted (or read from a file): one paragraph per line."""
    paragraphs = [SourceParagraph(line, index) for index, line in enumerate(text.splitlines(), 1)]
    if not any(p.text.strip() for p in paragraphs):
        raise FileReadError(tr(MSG_EMPTY), Location(file=name))
    return PlanDocument(name, "paste", paragraphs)


def read_plan_file(path: str | Path) -> PlanDocument:
    """The paragraphs of a .docx or text file; raises FileReadError for anything else."""
    path = Path(path)
    where = Location(file=path.name)
    data = _read_bytes(path, where)
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith(ZIP_MAGIC):
        return PlanDocument(path.name, "docx", _read_docx(data, where), sha256=digest)
    if data.startswith(OLE2_MAGIC):
        raise FileReadError(tr(_ole2_kind_message(data, path.suffix.lower())), where)
    if data.startswith(b"%PDF"):
        raise FileReadError(tr(REFUSED[".pdf"]), where)
    if data.startswith(b"{\\rtf"):
        raise FileReadError(tr(REFUSED[".rtf"]), where)
    if path.suffix.lower() in TOLD_BY_CONTENT:  # Word's "web page" .doc, say: still a .doc
        raise FileReadError(tr(REFUSED[path.suffix.lower()]), where)
    text, encoding = _decode(data, where)
    document = read_plan_text(text, path.name)
    return PlanDocument(path.name, "txt", document.paragraphs, encoding, digest)


def _ole2_kind_message(data: bytes, suffix: str) -> str:
    """What an OLE2 compound file is, told by its streams: .doc, .wps, a password-protected
    .docx, but also an .xls or a WPS spreadsheet (.et) are all OLE2 files; the suffix only
    tells a WPS file from Microsoft's of the same kind."""
    try:
        names = ole2_stream_names(data)
    except Exception:  # xlrd's compdoc fails on bad input in many ways
        return MSG_CORRUPT
    if "encryptedpackage" in names or "encryptioninfo" in names:
        return MSG_PASSWORD
    if "workbook" in names or "book" in names:
        return REFUSED[".et" if suffix in (".et", ".ett") else ".xls"]
    if "powerpoint document" in names:
        return MSG_PRESENTATION
    return REFUSED[".wps" if suffix in (".wps", ".wpt") else ".doc"]


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


_TABLE_TASK = re.compile(r"任务|内容|要点|措施|事项|工作")
_TABLE_NUMBER = re.compile(r"序号|编号")


def _table_rows(table) -> list[str]:
    """Rows of a table as lines. A task table (序号 | 工作任务 | 责任单位 | 完成时限) becomes
    ``N.任务（责任单位：…；完成时限：…）`` so its rows read as numbered items with their units
    and deadlines; other tables as their cells joined."""
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = cell.text.strip().replace("\n", "")
            if not cells or text != cells[-1]:  # a merged cell repeats its text
                cells.append(text)
        rows.append(cells)
    if not rows:
        return []
    header = rows[0]
    task_column = next((i for i, h in enumerate(header) if _TABLE_TASK.search(h) and len(h) <= 8), None)
    if task_column is None or len(rows) < 2:
        return ["　".join(c for c in cells if c) for cells in rows if any(cells)]
    number_column = next((i for i, h in enumerate(header) if _TABLE_NUMBER.search(h)), None)
    lines = []
    for position, cells in enumerate(rows[1:], 1):
        if task_column >= len(cells) or not cells[task_column]:
            continue
        number = cells[number_column] if number_column is not None and number_column < len(cells) else ""
        number = number if number.isdecimal() else str(position)
        extras = [f"（{header[i]}：{cells[i]}）" for i in range(len(cells))
                  if i not in (task_column, number_column) and i < len(header) and cells[i]]
        task = cells[task_column].rstrip("。")
        lines.append(f"{number}.{task}" + "".join(extras))
    return lines


# -- Word's automatic numbering ------------------------------------------------------------------

_DIGITS_CN = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"


def _roman(number: int) -> str:
    values = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
              (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in values:
        while number >= value:
            out += letters
            number -= value
    return out


def format_number(number: int, fmt: str) -> str:
    """A counter as Word shows it for a ``w:numFmt``."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "ideographDigital"):
        return chinese_numeral(number, _DIGITS_CN)
    if fmt == "chineseLegalSimplified":
        return chinese_numeral(number, _LEGAL, "拾")
    if fmt in ("ideographTraditional",):
        return _HEAVENLY[(number - 1) % 10]
    if fmt.startswith("decimalEnclosedCircle"):
        return numeral("circled", number)
    if fmt == "decimalEnclosedParen":
        return f"({number})"
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(number))
    if fmt == "lowerLetter":
        return chr(96 + (number - 1) % 26 + 1)
    if fmt == "upperLetter":
        return chr(64 + (number - 1) % 26 + 1)
    if fmt == "lowerRoman":
        return _roman(number).lower()
    if fmt == "upperRoman":
        return _roman(number)
    if fmt in ("bullet", "none"):
        return ""
    return str(number)


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
