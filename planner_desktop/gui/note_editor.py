"""The 进展情况 cell: a line that opens into a note-sized editor while the clerk types.

A note (已召开专题会议研究部署，制定工作方案，正在按计划推进。) is a sentence or two; the
cell beside 单位, 分工, 到期日, 状态 and 进度 in a 420-pixel pane is a hand's width. Editing it
in the cell showed the last few characters typed. The cell now opens a multi-line editor over
it, at least :data:`MIN_WIDTH` wide (within the window), where the whole note is read as it
is typed: Enter keeps it (Shift+Enter starts a new line), Esc drops the change, and a click
elsewhere keeps it, as leaving a cell does.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QLineEdit, QPlainTextEdit, QWidget

MIN_WIDTH = 420
LINES = 5


class NotePopup(QPlainTextEdit):
    """The editor laid over the cell, a child of the window (no window of its own to place or
    to grab the keyboard with); it goes when it is done."""

    finished = Signal(bool)  # True: keep the text; False: drop it

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFrameShape(QFrame.Box)
        self._done = False

    def open(self, text: str, at: QRect) -> None:
        self.setPlainText(text)
        cursor = self.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.setTextCursor(cursor)
        self.setGeometry(at)
        self.show()
        self.raise_()
        self.setFocus(Qt.OtherFocusReason)

    def finish(self, keep: bool) -> None:
        if self._done:
            return
        self._done = True
        self.hide()
        self.finished.emit(keep)
        self.deleteLater()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and not event.modifiers() & Qt.ShiftModifier:
            self.finish(True)
        elif event.key() == Qt.Key_Escape:
            self.finish(False)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if event.reason() != Qt.PopupFocusReason:  # not its own context menu
            self.finish(True)  # a click elsewhere keeps it, as leaving a cell does


class NoteEdit(QLineEdit):
    """The cell: shows the note on one line and opens :class:`NotePopup` to edit it; emits
    ``editingFinished`` when a changed note is kept."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.popup: NotePopup | None = None
        self._returning = False  # focus handed back by the editor: do not open it again

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        returning, self._returning = self._returning, False
        if not returning and not self.isReadOnly() and self.popup is None:
            self.open_editor()

    def open_editor(self) -> None:
        self.popup = NotePopup(self.window())
        self.popup.finished.connect(self.on_finished)
        self.popup.open(self.text(), self.editor_rect())

    def editor_rect(self) -> QRect:
        """Over the cell, from its left edge, at least MIN_WIDTH wide and LINES tall, moved
        as far as needed to stay inside the window (in the window's coordinates)."""
        window = self.window()
        width = min(max(self.width(), MIN_WIDTH), window.width())
        height = self.fontMetrics().lineSpacing() * LINES + 12
        corner = self.mapTo(window, QPoint(0, 0))
        left = max(0, min(corner.x(), window.width() - width))
        top = max(0, min(corner.y(), window.height() - height))
        return QRect(left, top, width, height)

    def on_finished(self, keep: bool) -> None:
        text = self.popup.toPlainText().strip() if self.popup is not None else self.text()
        self.popup = None
        if self.isVisible():
            self._returning = True
            self.setFocus(Qt.OtherFocusReason)
        if keep and text != self.text():
            self.setText(text)
            self.editingFinished.emit()
