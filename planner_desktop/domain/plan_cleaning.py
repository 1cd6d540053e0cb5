"""Cleaning a plan document's text before its outline is read.

Plans reach the clerk as Word files, but just as often as text copied from a bureau's web
page or a document-sharing site. Such copies carry page furniture (来源:, 发布时间:, 打印, 关闭),
reader prompts (还剩7页未读,继续阅读), resellers' banners with QQ numbers, and line breaks in
the wrong places: a page converter may number every line it cut (``1、…`` ``2、…`` mid-word), a
title may be split over two lines, a whole plan may be one paragraph. The outline parser
expects paragraphs of real text, so this module drops the junk and repairs the breaks, and
says what it removed so the preview can show it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\xad]")
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_INNER_SPACES = re.compile(r"[ \t\u3000\xa0]+")

# A line that is only page furniture, a reader prompt or a reseller's banner. Matched against
# the whole stripped line (search, not match, where the words can sit anywhere in it).
_JUNK_LINE = re.compile(
    r"^(?:来源|发布时间|发布日期|作者|字体大小|字号|浏览次数|点击数|阅读次数|文本内容|相关文档|相关链接"
    r"|附件下载|分享到|责任编辑|编辑|审核|信息来源|当前位置|您的位置|大小|页数|索引号|发布机构|成文日期|主题分类|公文种类"
    r"|发文机关|发文单位|发文字号|文号|原文链接|网址)\s*[:：]"
    r"|^(?:https?://|www\.)\S+$"  # the page's address, copied with its text
    r"|^(?:扫一扫在手机打开|扫一扫|关闭|打印|打印本页|关闭窗口|返回顶部|收藏|分享|【打印】|【关闭】"
    r"|上一篇|下一篇|相关文档|文本内容|继续阅读|展开全文)\s*[:：]?$"
    r"|还剩\s*\d+\s*页未读|继续阅读|点击查看全文|下载全文|\.png|\.gif|\.jpg"
    r"|[Qq]{2}\s*[:：号群]?\s*\d{5,}|[Qq]{2}群|微信号|公众号\s*[:：]|会员|订阅|倒卖|严禁外传|禁止外传|仅供学习"
    r"|仅供参考|用后删除|版权所有|转载请注明|免费领取|整理，其他任何途径|资料均不完整"
    # a sharing site's record of the file: its format, its abstract, its length
    r"|格式\s*[:：]\s*(?:DOCX?|PDF|WPS|TXT|PPTX?)\b|^摘\s*要\s*[:：]|[(（]全文共\s*[:：]?\s*\d+\s*字"
)
# What a document-sharing site says about itself, its files and its shop; a line that names
# two of these (``本文档由用户上传…``, ``下载前请仔细阅读文档内容…``) is the site's notice, however it
# is numbered, never the plan's.
_SITE_WORDS = ("下载", "本站", "本文档", "预览", "上传", "客服", "付费", "版权归", "会员", "转载", "网站")
MAX_SITE_NOTICE_CHARS = 120
# Furniture that sits inside a line: 来源: 发布时间:2020-03-12 字体大小:
_INLINE_FURNITURE = re.compile(r"(?:来源|发布时间|字体大小)\s*[:：]\s*[\d\-: ]*")
_SENTENCE_END = "。！？!?；;：:”’）)】」』"
# Where a sentence ends, for the cleaning and the outline alike.
SENTENCE_BREAK = re.compile(r"[。！？!?；;]")
# How a table copied from a web page keeps its cells apart on one line (类别 | 事项 | 目标); the
# cleaning writes a table printed one cell per line back in the same form.
TABLE_CELL = "|"
# A short label and its colon at the start of a line (学校管理目标：…, 初中阶段：).
LABEL = re.compile(r"^([\u4e00-\u9fff]{2,10})\s*[:：]\s*")
# What a labelled measure says after its label: words, not a date, a number or a telephone
# (发文日期: 2025-06-13, 页数:23页, 综合事务部: 0551-…).
MIN_LABELLED_WORDS = 8
# A line number a converter put before every line it cut: 1、 2、 … at the start of a line.
_LINE_NUMBER = re.compile(r"^(\d{1,4})、")
_REPEATED_PREFIX = re.compile(r"^(.{6,60}?)\1")
_TITLE_IN_LINE = re.compile(
    r"^(.{4,60}?(?:工作要点|工作计划|工作思路|工作打算|工作安排|要点|计划))(?=\s|20\d\d年|$)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_TITLE_WORDS = ("年", "要点", "计划", "思路", "安排", "总结")


@dataclass
class SourceParagraph:
    """One paragraph of the document, as a reader gives it.

    ``label`` is the number Word's automatic numbering shows before the paragraph (it is not
    in the text); ``heading`` the outline level of its heading style; ``index`` the paragraph's
    1-based position in the file, so the ledger can say where an item came from.
    """

    text: str
    index: int
    label: str = ""
    heading: int | None = None
    from_table: bool = False
    list_level: int | None = None  # Word's list level (w:ilvl) of a numbered paragraph

    @property
    def line(self) -> str:
        """The paragraph as a reader sees it, number first."""
        return f"{self.label}{self.text}" if self.label else self.text


@dataclass
class CleanText:
    paragraphs: list[SourceParagraph]
    removed: list[str] = field(default_factory=list)  # junk lines dropped, in order
    joined: int = 0  # line breaks re-joined
    line_numbers_removed: bool = False


def tidy_line(text: str) -> str:
    """A line without invisible characters, Word bookmarks and runs of spaces."""
    text = _BOOKMARK.sub("", _INVISIBLE.sub("", text))
    return _INNER_SPACES.sub(" ", text).strip()


def labelled_words(line: str) -> str | None:
    """What follows a line's label (``""`` for a label alone), or None when the line has no
    label or says only a date, a figure or a telephone number after it."""
    match = LABEL.match(line)
    if match is None:
        return None
    after = line[match.end():].strip()
    return after if not after or len(_CJK.findall(after)) >= MIN_LABELLED_WORDS else None


def is_junk(line: str) -> bool:
    """Page furniture, reader prompts, banners and contact lines."""
    return (bool(_JUNK_LINE.search(line)) or (line.startswith("【") and line.endswith("】"))
            or is_site_notice(line))


def is_site_notice(line: str) -> bool:
    """A line in which the site speaks of its files (two of its words, in a short line)."""
    return len(line) <= MAX_SITE_NOTICE_CHARS and \
        sum(1 for word in _SITE_WORDS if word in line) >= 2


def _has_line_numbers(lines: list[str]) -> bool:
    """True when every line starts with 1、 2、 3、 … in order and most lines stop mid-sentence:
    the numbers were added by whatever cut the text into lines, not by the author."""
    if len(lines) < 3:
        return False
    for expected, line in enumerate(lines, 1):
        match = _LINE_NUMBER.match(line)
        if match is None or int(match.group(1)) != expected:
            return False
    cut = sum(1 for line in lines[:-1] if line[-1:] not in _SENTENCE_END)
    return cut * 2 >= len(lines) - 1


# A document-sharing site's preview shows a text as pages, each one long line labelled 1、
# 2、 3、 and cut wherever the page ended, often inside a word, with a character lost there.
MIN_PAGE_CHARS = 80
_LOST = "\ufffd"


def _preview_pages(paragraphs: list[SourceParagraph]) -> tuple[int, int] | None:
    """The first and last index of the run of preview pages (1、… 2、… in order, every page but
    the last long and cut open), or None when the document has none."""
    lines = [(i, p.text) for i, p in enumerate(paragraphs) if p.text and not p.label]
    for start, (index, text) in enumerate(lines):
        match = _LINE_NUMBER.match(text)
        if match is None or match.group(1) != "1":
            continue
        run = [index]
        for later, later_text in lines[start + 1:]:
            number = _LINE_NUMBER.match(later_text)
            if number is None or int(number.group(1)) != len(run) + 1:
                break
            run.append(later)
        pages = [paragraphs[i].text for i in run[:-1]]
        if len(run) >= 2 and all(len(page) >= MIN_PAGE_CHARS and _cut_open(page) for page in pages):
            return run[0], run[-1]
    return None


def _cut_open(page: str) -> bool:
    """A page that stops mid-sentence (or where a character was lost)."""
    return page.endswith(_LOST) or page[-1] not in _SENTENCE_END


def _ends_open(line: str, length: int | None = None) -> bool:
    """A line that stops where no sentence or heading would: a long line cut on a character
    (text wrapped by whatever copied it), or a short one on a connective (…总结与 / 下半年计划).
    A short line ending on a noun is a title or heading, kept as it is. ``line`` may be the
    last part of a paragraph being joined, whose whole ``length`` is given."""
    if not line or line[-1] in _SENTENCE_END or line[-1] in "，,、":
        return False
    if line[-1] in "与和及的之并或在对把将为":
        return True
    return (len(line) if length is None else length) >= 30 and \
        (_CJK.match(line[-1]) is not None or line[-1].isalnum())


# What a hard-wrapped copy looks like (text taken from a PDF's lines, or a phone page): most
# of its lines are as wide as the page, give or take a character, and most of those stop
# mid-sentence. Widths count a Chinese character or full-width mark as 1, a Latin letter or a
# figure as a half, a space as a quarter (the copies store full-width punctuation NFKC'd to
# half-width, so ASCII punctuation counts as 1: it was full-width on the page).
MIN_WRAP_WIDTH, MAX_WRAP_WIDTH = 14, 60
WRAP_SLACK_BELOW, WRAP_SLACK_ABOVE = 2.5, 1.5
MIN_WRAPPED_LINES, MIN_WRAPPED_SHARE, MIN_OPEN_SHARE = 5, 0.4, 0.5


def display_width(text: str) -> float:
    """How wide ``text`` is on the page, in Chinese characters."""
    return sum(0.25 if ch == " " else 0.5 if ch.isascii() and ch.isalnum() else 1.0
               for ch in text)


def wrap_width(lines: list[str]) -> float | None:
    """The width at which this document's lines were cut, or None when they were not: the
    width most lines reach (within the slack of a line that could not end on a mark), when
    most of those lines end open."""
    widths = [(display_width(line), line) for line in lines if line]
    widths = [(w, line) for w, line in widths if w >= MIN_WRAP_WIDTH - WRAP_SLACK_BELOW]
    if len(widths) < MIN_WRAPPED_LINES:
        return None
    best, best_lines = None, []
    for width in range(MIN_WRAP_WIDTH, MAX_WRAP_WIDTH + 1):
        near = [line for w, line in widths if width - WRAP_SLACK_BELOW <= w <= width + WRAP_SLACK_ABOVE]
        if len(near) > len(best_lines):
            best, best_lines = width, near
    if best is None or len(best_lines) < max(MIN_WRAPPED_LINES, MIN_WRAPPED_SHARE * len(widths)):
        return None
    open_lines = sum(1 for line in best_lines if line[-1] not in _SENTENCE_END)
    return float(best) if open_lines >= MIN_OPEN_SHARE * len(best_lines) else None


def is_full_line(line: str, width: float | None) -> bool:
    """A line as wide as the page it was cut from: its paragraph goes on in the next line."""
    return width is not None and display_width(line) >= width - WRAP_SLACK_BELOW


class _Joined:
    """The paragraphs kept, the last one's text held as its parts while lines are joined to
    it: adding to one string over and over copies it each time, which takes minutes for a
    text of megabytes without a sentence end (a wrong file)."""

    def __init__(self) -> None:
        self.out: list[SourceParagraph] = []
        self.parts: list[str] = []
        self.length = 0

    @property
    def last(self) -> SourceParagraph | None:
        return self.out[-1] if self.out else None

    def last_text(self) -> str:
        """The last paragraph's text (joined at most once per paragraph)."""
        if len(self.parts) > 1:
            self.parts = ["".join(self.parts)]
        return self.parts[0] if self.parts else ""

    def add(self, para: SourceParagraph) -> None:
        self.finish()
        self.out.append(para)
        self.parts, self.length = [para.text], len(para.text)

    def extend_last(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def finish(self) -> list[SourceParagraph]:
        if self.out:
            self.out[-1].text = self.last_text()
        return self.out


def clean_paragraphs(paragraphs: list[SourceParagraph], *, rejoin: bool = True,
                     starts_item=None) -> CleanText:
    """The paragraphs without junk, with broken lines joined when ``rejoin``.

    ``starts_item(text)`` tells whether a line begins with an outline marker: such a line is
    never joined to the one before. Text sources are rejoined; Word paragraphs are not (Word
    knows its own paragraphs), only cleaned.
    """
    starts_item = starts_item or (lambda _text: False)
    result = CleanText([])
    kept: list[SourceParagraph] = []
    for para in paragraphs:
        text = tidy_line(_INLINE_FURNITURE.sub("", para.text)) if not para.label else \
            tidy_line(para.text)
        if not text and not para.label:
            kept.append(SourceParagraph("", para.index))  # a blank line: a paragraph break
            continue
        if is_junk(text):
            result.removed.append(text)
            continue
        kept.append(SourceParagraph(text, para.index, para.label, para.heading, para.from_table,
                                    para.list_level))
    kept = _cells_to_rows(kept, result)
    kept = _drop_repeated_runs(kept, result)
    kept = _drop_contents(kept, result, starts_item)
    kept = _drop_banners(kept, result, starts_item)
    lines = [p for p in kept if p.text or p.label]
    if rejoin and _has_line_numbers([p.text for p in lines]):
        result.line_numbers_removed = True
        merged = "".join(_LINE_NUMBER.sub("", p.text, count=1) for p in lines)
        kept = [SourceParagraph(merged, lines[0].index)]
    elif rejoin and (pages := _preview_pages(kept)) is not None:
        result.line_numbers_removed = True
        first, last = pages
        merged = "".join(_LINE_NUMBER.sub("", p.text, count=1).rstrip(_LOST)
                         for p in kept[first:last + 1] if p.text)
        kept = [*kept[:first], SourceParagraph(merged, kept[first].index), *kept[last + 1:]]
    width = wrap_width([p.text for p in lines]) if rejoin else None
    joined = _Joined()
    previous_blank = True
    for para in kept:
        if not para.text and not para.label:
            previous_blank = True
            continue
        last, length = joined.last, joined.length
        if (rejoin and last is not None and not previous_blank and not para.label
                and not last.label and last.heading is None and not starts_item(para.text)
                and (is_full_line(joined.parts[-1], width)
                     or (_ends_open(joined.parts[-1], length)
                         and not (length <= 60 and len(para.text) >= 20
                                  and starts_item(joined.last_text()))))):
            joined.extend_last(para.text)
            result.joined += 1
        elif last is not None and len(para.text) == length and para.label == last.label \
                and para.text == joined.last_text():
            result.removed.append(para.text)  # a title printed twice
        else:
            joined.add(para)
        previous_blank = False
    out = joined.finish()
    if out:
        out = _split_title(out)
    result.paragraphs = out
    return result


# A table of contents: entries that end on their page number (第一章发展基础和形势展望2,
# 2.市教育局2024年工作要点19), the numbers running on; an entry whose title was lost leaves
# its code alone (1.). Only a run of them is a table, headed by 目录 or not.
_CONTENTS_ENTRY = re.compile(r"^(?P<entry>\S.{1,60}?[^\d\s.．、])\s*(?P<page>\d{1,3})$")
_CONTENTS_HEADING = re.compile(r"^目\s*录[:：]?$")
_BARE_CODE = re.compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[.．、]$")
MIN_CONTENTS_ENTRIES = 3


def _contents_run(kept: list[SourceParagraph]) -> tuple[int, int] | None:
    """The first and last index (in ``kept``) of a table of contents, or None."""
    position = 0
    while position < len(kept):
        end, entries, page = position, 0, 0
        while end < len(kept):
            text = kept[end].text
            entry = _CONTENTS_ENTRY.match(text) if not kept[end].label else None
            if entry and not SENTENCE_BREAK.search(entry.group("entry")) \
                    and int(entry.group("page")) >= page:
                entries, page = entries + 1, int(entry.group("page"))
            elif not (not text and not kept[end].label) and not _BARE_CODE.match(text) \
                    and not _CONTENTS_HEADING.match(text):
                break
            end += 1
        if entries >= MIN_CONTENTS_ENTRIES:
            return position, end - 1
        position = max(end, position + 1)
    return None


def _drop_contents(kept: list[SourceParagraph], result: CleanText,
                   starts_item) -> list[SourceParagraph]:
    """A table of contents is no part of the outline when the body it lists follows (its
    headings are the items); when a copy holds the table alone (a plan's opening page), the
    table is the outline the clerk has, its entries read without their page numbers."""
    run = _contents_run(kept)
    if run is None:
        return kept
    first, last = run
    body_follows = sum(1 for p in kept[last + 1:] if p.label or starts_item(p.text)) >= 2
    out = kept[:first]
    for para in kept[first:last + 1]:
        entry = _CONTENTS_ENTRY.match(para.text)
        if body_follows or not entry:
            if para.text:
                result.removed.append(para.text)
            continue
        para.text = entry.group("entry")
        out.append(para)
    return out + kept[last + 1:]


# A page template that prints the body a second time (after a dialog's text, or as a
# print view): a run of paragraphs that repeats an earlier run line for line. Short lines
# repeat in real plans (主要措施：), so a run starts on a line of some length and holds a few.
MIN_REPEATED_LINES, MIN_REPEATED_CHARS, MIN_REPEAT_START_CHARS = 3, 60, 8


def _drop_repeated_runs(kept: list[SourceParagraph], result: CleanText) -> list[SourceParagraph]:
    """The paragraphs without the second copy of any run printed twice (twice only: a text
    that is one pattern over and over is no page printed again, and is read as it is)."""
    times: dict[str, int] = {}
    for para in kept:
        times[para.text] = times.get(para.text, 0) + 1
    first_at: dict[str, int] = {}
    out: list[SourceParagraph] = []
    position = 0
    while position < len(kept):
        text = kept[position].text
        earlier = first_at.get(text) if len(text) >= MIN_REPEAT_START_CHARS \
            and times[text] == 2 else None
        if earlier is not None:
            length = 0
            while (position + length < len(kept) and earlier + length < position
                   and kept[earlier + length].text == kept[position + length].text
                   and kept[earlier + length].label == kept[position + length].label):
                length += 1
            run = [p.text for p in kept[position:position + length] if p.text]
            if len(run) >= MIN_REPEATED_LINES and sum(map(len, run)) >= MIN_REPEATED_CHARS:
                result.removed.extend(run)
                position += length
                continue
        first_at.setdefault(text, position)
        out.append(kept[position])
        position += 1
    return out


# A table a page printed one cell per line (序号 / 重点工作任务 / 主要责任单位 / 协同配合单位, then
# 3 / 固定资产投资增长… / 区发改委 / …), each cell perhaps ending in " |": its header is a run of
# short lines naming a number column, a task column and a unit column; a row starts on a bare
# number; a category row is a line with its own code (二、全力以赴…). Such a table is read back
# into one line per row, its cells kept apart by " | " and labelled by their column, as a table
# flattened with bars is (“3 | 固定资产… | 主要责任单位：区发改委”).
_CELL_END = re.compile(rf"\s*{re.escape(TABLE_CELL)}\s*$")
_HEADER_CELL = re.compile(r"^[\u4e00-\u9fff ]{2,10}$")
_ROW_NUMBER = re.compile(r"^\d{1,3}$")
_CATEGORY_ROW = re.compile(r"^[一二三四五六七八九十]{1,3}、")
MIN_TABLE_COLUMNS, MAX_TABLE_COLUMNS = 3, 8


_UNIT_COLUMNS = ("牵头单位", "配合单位")


def _column_labels(header: list[str]) -> list[str]:
    """Each column's label in a row read back: the unit columns named as the plan reader
    knows them (the first 牵头单位, the others and any 配合/协同 column 配合单位, so the
    units are read as an item's units), the others, persons and dates, as the table names them."""
    labels, lead_seen = [], False
    for name in header:
        if "领导" in name or "负责人" in name or not any(w in name for w in ("单位", "股室", "部门", "科室")):
            labels.append(name)
        elif any(w in name for w in ("配合", "协同", "协办", "参与")) or lead_seen:
            labels.append("配合单位")
        else:
            labels.append("牵头单位")
            lead_seen = True
    return labels


def _cell(para: SourceParagraph) -> str:
    return _CELL_END.sub("", para.text)


def _table_header(cells: list[str], start: int) -> int:
    """How many header cells start at ``start`` (0 when none do)."""
    run = 0
    while start + run < len(cells) and run < MAX_TABLE_COLUMNS \
            and _HEADER_CELL.match(cells[start + run]):
        run += 1
    names = [c.replace(" ", "") for c in cells[start:start + run]]
    if run < MIN_TABLE_COLUMNS or names[0] not in ("序号", "编号") \
            or not any(w in n for n in names for w in ("任务", "事项", "工作", "目标")) \
            or not any(w in n for n in names for w in ("单位", "股室", "部门", "科室")):
        return 0
    return run


def _cells_to_rows(kept: list[SourceParagraph], result: CleanText) -> list[SourceParagraph]:
    """The paragraphs with a table printed one cell per line read back into rows."""
    lines = [p for p in kept if p.text or p.label]
    cells = [_cell(p) for p in lines]
    start = next((i for i in range(len(cells)) if _table_header(cells, i)), None)
    if start is None:
        return kept
    width = _table_header(cells, start)
    header = [c.replace(" ", "") for c in cells[start:start + width]]
    result.removed.extend(cells[start:start + width])
    out = lines[:start]
    row: list[str] = []
    first: SourceParagraph | None = None

    labels = _column_labels(header)

    def flush() -> None:
        if row and first is not None:
            others = [(labels[i], cell) for i, cell in enumerate(row) if i >= 2 and cell]
            units = "；".join(f"{label}：{cell}" for label, cell in others if label in _UNIT_COLUMNS)
            cells = [*row[:2], *(f"{label}：{cell}" for label, cell in others
                                 if label not in _UNIT_COLUMNS), *([units] if units else [])]
            out.append(SourceParagraph(f" {TABLE_CELL} ".join(cells), first.index))
        row.clear()

    position = start + width
    while position < len(lines):
        cell = cells[position]
        if _ROW_NUMBER.match(cell):
            flush()
            row.append(cell)
            first = lines[position]
        elif _CATEGORY_ROW.match(cell) and len(row) != 1:
            flush()
            out.append(SourceParagraph(f"{cell} {TABLE_CELL}", lines[position].index))  # one cell across
        elif row and len(row) < width:
            row.append(cell)
        else:
            break  # the table has ended
        position += 1
    flush()
    return out + lines[position:]


def _drop_banners(kept: list[SourceParagraph], result: CleanText, starts_item) -> list[SourceParagraph]:
    """Short lines repeated in the document (a reseller's name) and the run of short lines
    without a full stop after the text ends (their advertising), also before it starts."""
    counts: dict[str, int] = {}
    for para in kept:
        if para.text and not para.label:
            counts[para.text] = counts.get(para.text, 0) + 1
    first_real = next((i for i, p in enumerate(kept) if len(p.text) > 20 or p.label), 0)
    # a reseller's name is printed at the head or the foot of the copy; a short line repeated
    # in the middle (主要措施：under each section) is the author's
    edges = {p.text for p in kept[:6] + kept[-12:]}
    banners = {t for t, n in counts.items() if n > 1 and len(t) <= 12 and "要点" not in t
               and "计划" not in t and not starts_item(t) and t in edges
               and not t.endswith(("：", ":"))}
    out = []
    for position, para in enumerate(kept):
        banner = para.text in banners and not para.label
        if banner or (position < first_real and para.text and len(para.text) <= 12
                      and not any(w in para.text for w in _TITLE_WORDS)
                      and not starts_item(para.text) and not para.text.endswith(("。", "；", "！"))):
            result.removed.append(para.text)
        else:
            out.append(para)
    # trailing advertising: short lines with no sentence in them, after the last real paragraph
    end = len(out)
    while end > 0:
        text = out[end - 1].text
        if not text or (len(text) <= 40 and "。" not in text and not out[end - 1].label
                        and not starts_item(text) and not labelled_words(text)):
            if text:
                result.removed.append(text)
            end -= 1
            continue
        break
    return out[:end]


def _split_title(out: list[SourceParagraph]) -> list[SourceParagraph]:
    """A first paragraph that starts with its title (printed twice, or run into the text, as
    in ``…工作要点…工作要点 2023年,县教科体局…``): the title becomes its own paragraph."""
    first = out[0]
    if first.label:
        return out
    text = first.text
    doubled = _REPEATED_PREFIX.match(text)
    if doubled and ("要点" in doubled.group(1) or "计划" in doubled.group(1) or "思路" in doubled.group(1)):
        text = doubled.group(1) + text[doubled.end():]
    if len(text) > 80:
        title = _TITLE_IN_LINE.match(text)
        if title:
            rest = text[title.end():].strip()
            return [SourceParagraph(title.group(1), first.index),
                    SourceParagraph(rest, first.index), *out[1:]]
    first.text = text
    return out
