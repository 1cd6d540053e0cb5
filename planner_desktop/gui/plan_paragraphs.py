"""本项的段落: the paragraphs the current item of the plan preview was read from.

The clerk checks a proposed item against the file, so each paragraph is shown numbered as in
the file (第 N 段, the number Word or the text editor shows) with what the parser took it for
(标题, 正文, 字段) and the title words marked; clicking a paragraph makes it the one
「拆为新要点」 acts on.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QTextEdit

from planner_desktop.domain.plan_outline import ItemParagraph
from planner_desktop.i18n import tr

TITLE_COLOUR = QColor("#fff0a0")
CURRENT_COLOUR = QColor("#e3eefc")
CAPTION_COLOUR = QColor("#6a6a6a")
KINDS = {"title": "标题", "body": "正文", "field": "字段"}


class ParagraphPane(QObject):
    """Shows an item's paragraphs in a read-only text view, one block per paragraph."""

    def __init__(self, view: QTextEdit, label: QLabel) -> None:
        super().__init__(view)
        self.view, self.label = view, label
        self.paragraphs: list[ItemParagraph] = []
        self.marked = -1  # the block shown as the current paragraph
        view.document().setUndoRedoEnabled(False)
        view.cursorPositionChanged.connect(self.mark_current)

    def show(self, paragraphs: list[ItemParagraph], children: int = 0) -> None:
        self.paragraphs, self.marked = paragraphs, -1
        self.view.clear()
        cursor = QTextCursor(self.view.document())
        spaced = QTextBlockFormat()
        spaced.setBottomMargin(6)
        caption = QTextCharFormat()
        caption.setForeground(CAPTION_COLOUR)
        caption.setFontWeight(QFont.Bold)
        plain, title = QTextCharFormat(), QTextCharFormat()
        title.setBackground(TITLE_COLOUR)
        title.setFontWeight(QFont.Bold)
        for index, paragraph in enumerate(paragraphs):
            if index:
                cursor.insertBlock()
            cursor.setBlockFormat(spaced)
            cursor.insertText(tr("第 {n} 段 · {kind}　").format(
                n=paragraph.number, kind=tr(KINDS[paragraph.kind])), caption)
            start, end = paragraph.title or (0, 0)
            text = paragraph.text
            for part, form in ((text[:start], plain), (text[start:end], title), (text[end:], plain)):
                if part:
                    cursor.insertText(part, form)
        self.label.setText(self.caption(paragraphs, children))
        self.select(0)

    @staticmethod
    def caption(paragraphs: list[ItemParagraph], children: int) -> str:
        if not paragraphs:
            return tr("本项的段落")
        first, last = paragraphs[0].number, paragraphs[-1].number
        where = tr("第 {n} 段").format(n=first) if first == last else tr(
            "第 {first}–{last} 段").format(first=first, last=last)
        text = tr("本项的段落：{where}，共 {count} 段").format(where=where, count=len(paragraphs))
        if children:
            text += tr("（另有子项 {n} 个）").format(n=children)
        return text

    def current(self) -> ItemParagraph | None:
        """The paragraph the clerk clicked (the caret's block)."""
        index = self.view.textCursor().blockNumber()
        return self.paragraphs[index] if 0 <= index < len(self.paragraphs) else None

    def select(self, index: int) -> None:
        block = self.view.document().findBlockByNumber(max(0, index))
        cursor = QTextCursor(block)
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()
        self.mark_current()

    def select_at(self, position: int) -> None:
        """The paragraph holding source offset ``position`` (after an edit moved it)."""
        index = next((i for i, p in enumerate(self.paragraphs)
                      if p.start <= position <= p.end), 0)
        self.select(index)

    def mark_current(self) -> None:
        """The clicked paragraph on a tinted ground (a block's ground, under the title's
        marking, which a selection would hide)."""
        current = self.view.textCursor().blockNumber()
        if current == self.marked:
            return
        for number, colour in ((self.marked, None), (current, CURRENT_COLOUR)):
            block = self.view.document().findBlockByNumber(number)
            if not block.isValid():
                continue
            form = QTextBlockFormat()
            form.setBackground(colour if colour is not None else QBrush(Qt.NoBrush))
            QTextCursor(block).mergeBlockFormat(form)
        self.marked = current
