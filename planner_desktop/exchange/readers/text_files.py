"""CSV and other text exports read into a grid: the encoding and the delimiter are guessed.

Clerks get CSV from web portals in UTF-8, GBK/GB18030 or Big5, with commas, tabs or
semicolons; nothing in the file says which.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from pathlib import Path

from planner_desktop.errors import FileReadError, Location
from planner_desktop.exchange.grid import Workbook
from planner_desktop.exchange.readers.cells import grid_from_values, trim
from planner_desktop.exchange.readers.refusals import MSG_TOO_MANY_ROWS, SAVE_AS_XLSX
from planner_desktop.i18n import tr

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


def read_csv(path: Path, data: bytes, where: Location, max_rows: int,
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
    grid = grid_from_values(path.stem, rows, where, max_cell_chars)
    trim(grid)
    return Workbook(path, "csv", [grid], encoding)

