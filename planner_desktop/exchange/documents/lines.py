"""Lines placed on pages (from a PDF or an OFD) into the paragraphs a person reads.

A page layout file has no paragraphs, only lines where the typesetter broke them, plus what
is printed on every page (a running header, the page number). The plan parser wants the
paragraphs a Word file would have given, so that the same plan reads to the same tree
whatever door it came in by. What tells them apart is geometry, which a text copy loses:

* **furniture** is text in the top or bottom band of the page that repeats at the same
  height on most pages (digits masked, so ``第 3 页`` and ``第 4 页`` are one), or a page
  number alone at the head or foot (``3``, ``- 3 -``, ``—3—``, ``第 3 页``, ``第3页 共9页``,
  ``3/9``);
* **a paragraph goes on** from one line to the next (also over a page break) when the line
  runs to the right margin, the next one starts at the left margin in the same size, and
  no blank space stands between them; a line that stops short of the margin, a next line
  indented (Chinese official documents indent every first line by two characters), a
  change of size, a wider gap, or a line ending a sentence followed by one that starts with
  an outline marker (``一、`` ``（二）`` ``3.``) ends it.

The margins are measured from the document itself (the most common left edge of its lines,
the right edge most long lines reach), not assumed, since LibreOffice, WPS and Word lay out A4 differently.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from planner_desktop.domain.plan_cleaning import SourceParagraph


@dataclass
class TextLine:
    """One printed line: its text and box, in points, ``top``/``bottom`` measured down from
    the top of the page (a PDF counts up from the bottom; the reader turns it round)."""

    text: str
    left: float
    right: float
    top: float
    bottom: float
    size: float  # the font size of its first character

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class Page:
    width: float
    height: float
    lines: list[TextLine] = field(default_factory=list)


# A page number alone on its line, as Chinese documents print it.
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－_\s]*\d{1,4}[-—–－_\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$")
_DIGITS = re.compile(r"\d+")
_SENTENCE_END = tuple("。！？!?；;：:”’）)】」』")
_LATIN_START = re.compile(r"^[A-Za-z0-9%.,\-+/]+")
_EDGE_BAND = 0.12  # the outer share of a page where headers and footers are printed
# ... and at least this much (points, 35 mm): on a short page (A5, a custom size) the header
# sits in the margin as on A4, further in than 12 % of its height
_EDGE_MIN = 100.0


def paragraphs_from_pages(pages: list[Page],
                          starts_item: Callable[[str], bool] | None = None) -> list[SourceParagraph]:
    """The body text of ``pages`` as paragraphs, furniture left out, wrapped lines joined."""
    starts_item = starts_item or (lambda _text: False)
    body = [[line for line in page.lines if line.text.strip()] for page in pages]
    furniture = _furniture(pages, body)
    flow = [(number, line) for number, lines in enumerate(body) for index, line in enumerate(lines)
            if (number, index) not in furniture]
    if not flow:
        return []
    metrics = _Metrics([line for _, line in flow])
    paragraphs: list[SourceParagraph] = []
    parts: list[str] = []
    previous: tuple[int, TextLine] | None = None
    body_left: float | None = None  # where the paragraph's second and later lines start
    for number, line in flow:
        if previous is not None:
            if metrics.goes_on(previous, (number, line), starts_item, body_left):
                body_left = line.left if body_left is None else body_left
            else:
                paragraphs.append(SourceParagraph("".join(parts), len(paragraphs) + 1))
                parts, body_left = [], None
        if parts and parts[-1][-1:].isascii() and parts[-1][-1:].isalpha() and line.text[:1].isascii() \
                and line.text[:1].isalpha():
            parts.append(" ")  # an English word wrapped at its space
        parts.append(line.text.strip())
        previous = (number, line)
    paragraphs.append(SourceParagraph("".join(parts), len(paragraphs) + 1))
    return paragraphs


def _furniture(pages: list[Page], body: list[list[TextLine]]) -> set[tuple[int, int]]:
    """(page, line) positions of running headers, footers and page numbers."""
    found: set[tuple[int, int]] = set()
    seen: Counter[tuple[str, int]] = Counter()
    placed: list[tuple[int, int, tuple[str, int]]] = []
    for number, (page, lines) in enumerate(zip(pages, body, strict=True)):
        for index, line in enumerate(lines):
            if not _in_edge_band(page, line):
                continue
            text = line.text.strip()
            if index in (0, len(lines) - 1) and _PAGE_NUMBER.match(text):
                found.add((number, index))
                continue
            key = (_DIGITS.sub("#", re.sub(r"\s+", "", text)), round(line.top / 3))
            placed.append((number, index, key))
            seen[key] += 1
    if len(pages) >= 2:
        enough = max(2, (len(pages) + 1) // 2)
        found.update((number, index) for number, index, key in placed if seen[key] >= enough)
    return found


def _in_edge_band(page: Page, line: TextLine) -> bool:
    band = max(page.height * _EDGE_BAND, min(_EDGE_MIN, page.height / 4))
    return line.bottom <= band or line.top >= page.height - band


class _Metrics:
    """The document's text block: where lines start and end, and how far apart they are."""

    def __init__(self, lines: list[TextLine]) -> None:
        # most long lines run to the margin; a few end a paragraph short of it
        rights = sorted(line.right for line in lines if len(line.text.strip()) >= 10) or \
            sorted(line.right for line in lines)
        self.right = rights[int(len(rights) * 0.8)]
        # The left margin is where a line after a full one starts: in a plan of short
        # paragraphs with indented first lines, most lines are first lines.
        pairs = list(zip(lines, lines[1:], strict=False))
        after_full = [b.left for a, b in pairs if a.right >= self.right - a.size]
        self.left = _mode(after_full) if len(after_full) >= 3 else _mode(line.left for line in lines)
        # Whether paragraphs start indented: most lines after one that stops short (the
        # first lines of paragraphs) stand to the right of the margin.
        after_short = [b.left > self.left + 0.5 * b.size for a, b in pairs
                       if a.right < self.right - 3 * a.size]
        self.indents_first_lines = sum(after_short) * 2 > len(after_short)
        # the usual distance from one line's top to the next one's, within a paragraph
        steps = [b.top - a.top for a, b in zip(lines, lines[1:], strict=False) if b.top - a.top > 0]
        self.step = _mode(steps) if steps else 0.0

    def goes_on(self, before: tuple[int, TextLine], after: tuple[int, TextLine],
                starts_item: Callable[[str], bool], body_left: float | None = None) -> bool:
        """Whether ``after`` continues the paragraph that ``before`` is the last line of;
        ``body_left`` is where the paragraph's lines after its first start (None while it
        has one line)."""
        (page_a, a), (page_b, b) = before, after
        size = max(a.size, 1.0)
        if abs(b.size - a.size) > 0.15 * size:
            return False
        if self._indented(a, b, body_left, size):
            return False
        if page_a == page_b and self.step and b.top - a.top > self.step + 0.5 * size:
            return False
        # A line breaks where the next word no longer fits: a Chinese character at the margin,
        # a number or English word earlier, by its width; and up to two characters earlier
        # where a closing quote or mark may not start the next line and takes its character
        # with it (``人”`` ``围。``) in a layout that does not stretch the line to the margin.
        word = _LATIN_START.match(b.text.strip())
        room = 2.6 * size + (len(word.group()) * 0.6 * size if word else 0.0)
        if a.right < self.right - room:
            return False
        # A sentence that ends at the margin, and a next line at the margin: the paragraph
        # goes on unless that line starts an item. (Where a document neither indents nor
        # spaces its paragraphs this is a guess; joining puts body text into the item above,
        # where it belongs more often than in an item of its own.) A line that starts an
        # item under one that stops short of the margin (a heading, which ends with no
        # punctuation, in lines that are not stretched to the margin: ``（一）`` goes to the
        # next line whole) starts a paragraph too.
        if not starts_item(b.text.strip()):
            return True
        return not (a.text.rstrip().endswith(_SENTENCE_END) or a.right < self.right - 0.5 * size)


    def _indented(self, a: TextLine, b: TextLine, body_left: float | None, size: float) -> bool:
        """Whether ``b`` stands to the right of where a continuation of ``a``'s paragraph
        would start: then it starts a paragraph. A paragraph set in from the margin as a
        whole (deeper levels indented) goes on at its own left edge: under a line further
        in (its indented first line), or at the same edge in a document whose paragraphs
        do not start indented."""
        if body_left is not None:
            return b.left > body_left + 0.5 * size
        if b.left <= self.left + 0.5 * size or b.left < a.left - 0.5 * size:
            return False
        return self.indents_first_lines or abs(b.left - a.left) > 0.5 * size


def _mode(values: Iterable[float]) -> float:
    """The most common value, to the point (ties: the smaller)."""
    counts = Counter(round(value) for value in values)
    if not counts:
        return 0.0
    best = max(counts.values())
    return float(min(value for value, count in counts.items() if count == best))
