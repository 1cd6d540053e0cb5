"""A seeded generator of plan layouts: one real plan tree rendered the many ways plans reach
the clerk (hard-wrapped PDF text, half-width punctuation, headings fused with their first
sentence, body paragraphs and labelled blocks under items, site furniture, no line breaks,
a Word file), so a test can parse each back and ask for the same tree.

The trees are real: the outlines people wrote for the labelled published plans
(tests/samples/public/, found/) that the parser reads exactly, and the sample plans of
tests/samples/plans/. Only what surrounds the titles is generated. Every case is made from
its seed alone, so a failure is replayed by its test id.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path

from bench.fidelity import differences, labelled_documents, parsed_items
from planner_desktop.domain.outline_codes import render
from planner_desktop.ops.plan_import import preview_plan_document

Tree = list[tuple[int, str]]
PLANS = Path(__file__).resolve().parents[1] / "samples" / "plans"
STYLE_OF_LEVEL = {1: "cn", 2: "cn_paren", 3: "arabic", 4: "ar_paren"}
# Sentences of real plans, as body text: each has a comma early, so none reads as the
# headline of a measure, and none starts with anything a marker could be.
BODY = (
    "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，落实立德树人根本任务。",
    "围绕建设教育强县目标，加快推进教育现代化，努力办好人民满意的教育。",
    "严格落实中小学校党组织领导的校长负责制，推动党建工作与教育教学深度融合。",
    "持续深化教育评价改革，扎实推进义务教育优质均衡发展和城乡一体化。",
    "加大财政投入力度，统筹推进学校建设项目，确保按期建成投入使用。",
    "健全家校社协同育人机制，广泛开展心理健康教育和安全教育。",
    "按照上级部署要求，认真组织开展专项督导检查，及时通报存在的问题。",
    "结合我县实际，制定具体实施方案，明确责任分工和完成时限。",
)
LABELLED_LINES = (
    "责任单位：基础教育股", "牵头单位：办公室", "配合单位：计财股、人事股、各中小学",
    "完成时限：2024年12月底前", "责任领导：分管副局长", "目标任务：全面完成年度目标，群众满意度稳步提升。",
    "工作措施：细化任务清单，实行月调度、季通报。",
)
FURNITURE_BEFORE = ("首页 > 政务公开 > 工作计划", "发布时间：2024-03-05 09:30", "来源：县教育局",
                    "浏览次数：1286", "字号：大 中 小", "12.3KB", "共 5 页")
FURNITURE_AFTER = ("打印本页", "关闭窗口", "上一篇：关于做好寒假安全工作的通知", "扫一扫在手机打开",
                   "共 5 页", "分享到：")


def _clean_title(level: int, title: str) -> bool:
    """A title a layout can carry unchanged: no sentence in it, nothing a marker could read,
    short enough to stand as a heading or a first sentence."""
    return (0 < len(title) <= (30 if level == 1 else 24) and not re.search(r"[。；;！？!?:：]", title)
            and not re.match(r"[\d一二三四五六七八九十（(①-⑳*xX——]", title))


def _usable(tree: Tree) -> bool:
    levels = [level for level, _ in tree]
    return (len(tree) >= 3 and levels[0] == 1 and max(levels) <= 4
            and all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
            and all(_clean_title(level, title) for level, title in tree))


@cache
def real_trees() -> tuple[tuple[tuple[int, str], ...], ...]:
    """The trees the layouts are made from."""
    trees: list[Tree] = []
    for doc in labelled_documents():
        if _usable(doc.expected) and not differences(doc.expected, parsed_items(doc.text)):
            trees.append(doc.expected)
    for path in sorted(PLANS.glob("*.txt")):
        outline = preview_plan_document(None, path).outline
        tree = [(level, node.title) for level, node in outline.walk() if level <= 2]
        tree = [(level, title) for level, title in tree if _clean_title(level, title)]
        if _usable(tree):
            trees.append(tree)
    return tuple(tuple(t) for t in trees)


def _numbered(tree: Tree) -> list[tuple[int, str, str]]:
    """(level, marker, title) with the markers a plan writes, numbering restarting under each
    parent."""
    counters: dict[int, int] = {}
    out = []
    for level, title in tree:
        counters[level] = counters.get(level, 0) + 1
        for deeper in [d for d in counters if d > level]:
            del counters[deeper]
        out.append((level, render(STYLE_OF_LEVEL[level], counters[level]), title))
    return out


def _has_children(tree: Tree, index: int) -> bool:
    return index + 1 < len(tree) and tree[index + 1][0] > tree[index][0]


def blocks_of(tree: Tree, rng: random.Random, *, fused: bool = False, bodies: bool = False,
              labelled: bool = False) -> list[tuple[int, str, str]]:
    """The plan as (level, marker, text) paragraphs: its title, a preamble, then each item (a
    heading alone on its line when it has children, else its title and first sentence),
    with body paragraphs and labelled lines under items when asked; ``fused`` runs every
    heading into a sentence. Level 0 is a paragraph that is no item (its marker empty)."""
    out = [(0, "", "某县教育局2024年工作要点"), (0, "", rng.choice(BODY))]
    for index, (level, marker, title) in enumerate(_numbered(tree)):
        parent = _has_children(tree, index)
        if parent and not fused:
            out.append((level, marker, title))
        else:
            out.append((level, marker, f"{title}。{rng.choice(BODY)}"))
        if bodies and rng.random() < 0.6:
            out += [(0, "", rng.choice(BODY) + rng.choice(BODY)) for _ in range(rng.randint(1, 2))]
        if labelled and not parent and rng.random() < 0.7:
            out += [(0, "", line) for line in rng.sample(LABELLED_LINES, rng.randint(1, 3))]
    return out


def paragraphs_of(tree: Tree, rng: random.Random, *, fused: bool = False, bodies: bool = False,
                  labelled: bool = False) -> list[str]:
    """The paragraphs of :func:`blocks_of` as typed, the markers written out."""
    return [marker + text for _, marker, text in
            blocks_of(tree, rng, fused=fused, bodies=bodies, labelled=labelled)]


def hard_wrapped(paragraphs: list[str], rng: random.Random) -> str:
    """Every paragraph cut into lines of one width, 25–40 characters, as a PDF's text layer."""
    width = rng.randint(25, 40)
    lines = []
    for para in paragraphs:
        lines += [para[i:i + width] for i in range(0, len(para), width)]
    return "\n".join(lines)


def half_width(text: str) -> str:
    """Full-width brackets and punctuation as sites store them: NFKC (（一） → (一), ， → ,)."""
    return unicodedata.normalize("NFKC", text)


def with_furniture(paragraphs: list[str], rng: random.Random) -> str:
    before = rng.sample(FURNITURE_BEFORE, rng.randint(2, len(FURNITURE_BEFORE)))
    after = rng.sample(FURNITURE_AFTER, rng.randint(2, len(FURNITURE_AFTER)))
    return "\n".join([*before, *paragraphs, *after])


def one_line(paragraphs: list[str], rng: random.Random) -> str:
    """No line breaks at all: paragraphs run together, or with a space between, as a preview
    page prints them."""
    return rng.choice(("", " ")).join(paragraphs)


def docx_file(paragraphs: list[str], path: Path) -> Path:
    import docx

    document = docx.Document()
    for para in paragraphs:
        document.add_paragraph(para)
    document.save(str(path))
    return path


# Word's automatic numbering of the four levels, as bureaus set it up.
WORD_LEVELS = [("chineseCounting", "%1、", True), ("chineseCounting", "（%2）", True),
               ("decimal", "%3.", True), ("decimal", "（%4）", True)]
FOOTERS = ("- {PAGE} -", "{PAGE}", "第 {PAGE} 页", "第 {PAGE} 页 共 {NUMPAGES} 页", "—{PAGE}—")
RUNNING_HEADERS = ("某县教育局文件", "县教育局2024年工作要点", "内部资料 注意保存")


def office_docx(tree: Tree, rng: random.Random, path: Path) -> Path:
    """The plan as a bureau's Word file, for LibreOffice to save as .doc: the markers typed or
    Word's automatic numbering; body paragraphs and labelled lines or not; and a page set up
    as :func:`pdf_file` sets it, so that a copy LibreOffice prints to PDF (tried by hand: all
    200 read back) varies in what a PDF reader has to undo: the
    line width (margins and font size: 20 to 50 characters a line) that wraps paragraphs,
    short pages that break paragraphs across pages, first lines indented or not, deeper
    levels indented or not, space between paragraphs or none, a running header and page
    numbers in the footer."""
    import docx
    from docx.shared import Mm, Pt

    from tests.support.word_files import add_numbering, number, running_furniture

    blocks = blocks_of(tree, rng, bodies=rng.random() < 0.6, labelled=rng.random() < 0.5)
    autonumbered = rng.random() < 0.5
    size = rng.choice((10.5, 12, 14, 15, 16))
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(rng.choice((297, 210, 160)))
    section.left_margin, section.right_margin = Mm(rng.randint(15, 45)), Mm(rng.randint(15, 45))
    section.top_margin = section.bottom_margin = Mm(rng.randint(20, 37))
    if rng.random() < 0.7:
        running_furniture(section, rng.choice(RUNNING_HEADERS), rng.choice(FOOTERS))
    normal = document.styles["Normal"]
    normal.font.size = Pt(size)
    normal.paragraph_format.space_after = Pt(rng.choice((0, 0, 6)))
    first_line = rng.random() < 0.6
    level_indent = rng.random() < 0.2
    if autonumbered:
        add_numbering(document, 900, 900, WORD_LEVELS)
    for level, marker, text in blocks:
        paragraph = document.add_paragraph(text if autonumbered and level else marker + text)
        if autonumbered and level:
            number(paragraph, 900, level - 1)
        if first_line:
            paragraph.paragraph_format.first_line_indent = Pt(2 * size)
        if level_indent and level > 1:
            paragraph.paragraph_format.left_indent = Pt(2 * size * (level - 1))
    document.save(str(path))
    return path


def pdf_file(tree: Tree, rng: random.Random, path: Path) -> Path:
    """The plan printed to PDF by Qt (QTextDocument on QPdfWriter, the program's own PDF
    engine, in the font its reports use so the text layer extracts as written), set so that
    each copy varies in what a PDF reader has to undo: the line width (margins and font
    size: 20 to 50 characters a line) that hard-wraps paragraphs, short pages that break
    paragraphs across pages, justified or ragged lines, first lines indented or not, deeper
    levels indented or not, space between paragraphs or none, and a running header and page
    numbers in the footer on most. Needs a QGuiApplication."""
    from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
    from PySide6.QtGui import (
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QTextBlockFormat,
        QTextCursor,
        QTextDocument,
    )

    from planner_desktop.printing.fonts import report_font

    blocks = blocks_of(tree, rng, bodies=rng.random() < 0.6, labelled=rng.random() < 0.5)
    size = rng.choice((10.5, 12, 14, 15, 16))
    page_mm = QSizeF(210, rng.choice((297, 210, 160)))
    left, right = rng.randint(15, 45), rng.randint(15, 45)
    top = bottom = rng.randint(20, 37)
    header = rng.choice(RUNNING_HEADERS) if rng.random() < 0.7 else None
    footer = rng.choice(FOOTERS) if header or rng.random() < 0.5 else None
    justified, first_line = rng.random() < 0.7, rng.random() < 0.6
    level_indent, spacing = rng.random() < 0.2, rng.choice((0, 0, 6))

    writer = QPdfWriter(str(path))
    writer.setResolution(600)
    writer.setPageLayout(QPageLayout(QPageSize(page_mm, QPageSize.Millimeter), QPageLayout.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Millimeter))
    dots = 600 / 25.4  # device pixels per millimetre
    point = 600 / 72
    font = report_font(size)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    body = QSizeF((page_mm.width() - left - right) * dots, (page_mm.height() - top - bottom) * dots)
    document.setPageSize(body)
    cursor = QTextCursor(document)
    for number, (level, marker, text) in enumerate(blocks):
        block = QTextBlockFormat()
        block.setAlignment(Qt.AlignJustify if justified else Qt.AlignLeft)
        block.setBottomMargin(spacing * point)
        if first_line:
            block.setTextIndent(2 * size * point)
        if level_indent and level > 1:
            block.setLeftMargin(2 * size * point * (level - 1))
        if number:
            cursor.insertBlock(block)
        else:
            cursor.setBlockFormat(block)
        cursor.insertText(marker + text)
    pages = document.pageCount()
    # Each line drawn on its own page (the document paginates so that none straddles two):
    # drawContents clipped to a page would still write the text of the lines beyond the
    # clip into the PDF, where a reader finds it.
    lines: list[list[tuple[object, QPointF]]] = [[] for _ in range(pages)]
    block = document.begin()
    while block.isValid():
        origin = document.documentLayout().blockBoundingRect(block).topLeft()
        layout = block.layout()
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            page = min(int((origin.y() + line.y() + line.height() / 2) // body.height()), pages - 1)
            lines[page].append((line, QPointF(left * dots + origin.x(),
                                              top * dots + origin.y() - page * body.height())))
        block = block.next()
    painter = QPainter(writer)
    painter.setFont(font)
    for page in range(pages):
        if page:
            writer.newPage()
        for line, position in lines[page]:
            line.draw(painter, position)
        width = page_mm.width() * dots
        if header:
            painter.drawText(QRectF(0, (top - 12) * dots, width, 8 * dots), Qt.AlignCenter, header)
        if footer:
            label = footer.replace("{PAGE}", str(page + 1)).replace("{NUMPAGES}", str(pages))
            painter.drawText(QRectF(0, (page_mm.height() - bottom + 5) * dots, width, 8 * dots),
                             Qt.AlignCenter, label)
    painter.end()
    return path


def text_family(name: str) -> Callable[[Tree, random.Random], str]:
    """How the family ``name`` renders a tree as text."""
    return {
        "hard_wraps": lambda t, r: hard_wrapped(paragraphs_of(t, r), r),
        "half_width": lambda t, r: half_width("\n".join(paragraphs_of(t, r, bodies=True))),
        "fused_headings": lambda t, r: "\n".join(paragraphs_of(t, r, fused=True)),
        "body_paragraphs": lambda t, r: "\n".join(paragraphs_of(t, r, bodies=True)),
        "labelled_blocks": lambda t, r: "\n".join(paragraphs_of(t, r, labelled=True)),
        "site_furniture": lambda t, r: with_furniture(paragraphs_of(t, r, bodies=True), r),
        "no_line_breaks": lambda t, r: one_line(paragraphs_of(t, r, fused=True), r),
        "wrapped_half_width_furniture": lambda t, r: half_width(hard_wrapped(
            [*r.sample(FURNITURE_BEFORE, 3), *paragraphs_of(t, r, labelled=True)], r)),
    }[name]


TEXT_FAMILIES = ("hard_wraps", "half_width", "fused_headings", "body_paragraphs",
                 "labelled_blocks", "site_furniture", "no_line_breaks",
                 "wrapped_half_width_furniture")


def case(seed: int) -> tuple[Tree, random.Random]:
    """The tree and the random source of case ``seed``."""
    rng = random.Random(seed)
    trees = real_trees()
    return list(trees[rng.randrange(len(trees))]), rng
