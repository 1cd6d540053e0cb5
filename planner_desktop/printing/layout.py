"""A small page-layout engine: wrap text, cut content into unbreakable pieces, fill pages.

Qt's QTextDocument lays out a 5,000-row table in about 20 s (PLATFORM_NOTES.md), so reports
are laid out here instead. Content becomes a list of :class:`Fragment` — a table row, a
paragraph line block, a bar of a chart — each with a height and a paint function. A fragment
is never split across pages; :func:`paginate` places them and, when a page breaks inside a
table, first repeats the fragments the next one names in ``repeat`` (the column header, the
unit's heading marked 续). Everything is measured in device pixels of the paint device the
pages go to, so the layout and the drawing agree exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import QFont, QFontMetricsF, QPaintDevice, QPainter

# A line may not start with these (they hang at the end of the previous line instead).
NO_LINE_START = frozenset("，。、；：？！）》」』】〕”’%％,.;:?!)]}·…—")
# A line may not end with these (they move to the next line with the word they open).
NO_LINE_END = frozenset("（《「『【〔“‘([{")


def _is_cjk(ch: str) -> bool:
    return ch >= "\u2e80"


class TextMeasure:
    """Widths of text in one font on one device, with per-character widths cached."""

    def __init__(self, font: QFont, device: QPaintDevice, leading: float = 1.25) -> None:
        self.font = font
        self.metrics = QFontMetricsF(font, device)
        self.line_height = self.metrics.height() * leading
        self.ascent = self.metrics.ascent() + (self.line_height - self.metrics.height()) / 2
        self._widths: dict[str, float] = {}
        # Ledgers repeat themselves (unit names, statuses, the same progress note in many
        # rows), so each (text, width) is wrapped once.
        self._wrapped: dict[tuple[str, float], list[str]] = {}

    def char_width(self, ch: str) -> float:
        width = self._widths.get(ch)
        if width is None:
            width = self._widths[ch] = self.metrics.horizontalAdvance(ch)
        return width

    def width(self, text: str) -> float:
        widths = self._widths
        total = 0.0
        for ch in text:
            w = widths.get(ch)
            total += w if w is not None else self.char_width(ch)
        return total

    def wrap(self, text: str, width: float) -> list[str]:
        """Lines of ``text`` no wider than ``width`` (explicit newlines kept).

        Chinese breaks between any two characters; Latin words and numbers break at spaces
        unless a word alone is wider than the line. Closing punctuation never starts a line
        (it hangs a little into the padding instead), as Chinese typesetting requires.
        """
        key = (text, width)
        found = self._wrapped.get(key)
        if found is not None:
            return list(found)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            lines.extend(self._wrap_paragraph(paragraph, width))
        if len(self._wrapped) < 50_000:
            self._wrapped[key] = lines
        return list(lines)

    def _wrap_paragraph(self, text: str, width: float) -> list[str]:
        if not text:
            return [""]
        widths = self._widths
        lines: list[str] = []
        start = 0
        used = 0.0
        last_break = -1  # index where the current line may end (exclusive)
        i = 0
        n = len(text)
        while i < n:
            ch = text[i]
            w = widths.get(ch)
            if w is None:
                w = self.char_width(ch)
            if used + w > width and i > start and ch not in NO_LINE_START:
                end = last_break if last_break > start else i
                while end - 1 > start and text[end - 1] in NO_LINE_END:
                    end -= 1  # an opening bracket goes down with the word it opens
                lines.append(text[start:end].rstrip(" "))
                while end < i and text[end] == " ":
                    end += 1
                start = end
                used = self.width(text[start:i])
                last_break = -1
                continue
            used += w
            i += 1
            if i < n:
                nxt = text[i]
                if (ch == " " or ch == "/" or _is_cjk(ch) or _is_cjk(nxt)) and nxt not in NO_LINE_START:
                    last_break = i
        lines.append(text[start:].rstrip(" "))
        return lines


Paint = Callable[[QPainter, float, float], None]  # painter, x, y (top-left of the fragment)


@dataclass(eq=False, slots=True)
class Fragment:
    """An unbreakable piece of a page."""

    height: float
    paint: Paint
    keep_with_next: bool = False  # a heading is never left alone at the foot of a page
    repeat: Sequence[Fragment] = ()  # drawn first when this fragment opens a page
    new_page: bool = False  # start on a fresh page
    section: str | None = None  # the running header's subtitle on pages this one starts
    data_row: bool = False  # a table body row (counted by the tests and the CLI)


@dataclass
class Page:
    placed: list[tuple[Fragment, float]] = field(default_factory=list)  # (fragment, y)
    section: str | None = None
    height_used: float = 0.0


def paginate(fragments: Sequence[Fragment], body_height: Callable[[int], float]) -> list[Page]:
    """Fill pages top to bottom; ``body_height(page_index)`` is the room on each page."""
    pages = [Page()]
    y = 0.0

    def open_page(fragment: Fragment) -> float:
        pages.append(Page(section=fragment.section))
        top = 0.0
        for piece in fragment.repeat:
            pages[-1].placed.append((piece, top))
            top += piece.height
        return top

    count = len(fragments)
    for index, fragment in enumerate(fragments):
        page = pages[-1]
        room = body_height(len(pages) - 1)
        if page.section is None and not page.placed:
            page.section = fragment.section
        if fragment.new_page and page.placed:
            y = open_page(fragment)
        else:
            need = fragment.height
            j = index
            while fragments[j].keep_with_next and j + 1 < count:
                j += 1
                need += fragments[j].height
            if need > room:  # a chain taller than a page: keep only this piece whole
                need = fragment.height
            if page.placed and y + need > room:
                y = open_page(fragment)
        pages[-1].placed.append((fragment, y))
        y += fragment.height
        pages[-1].height_used = y
    return pages
