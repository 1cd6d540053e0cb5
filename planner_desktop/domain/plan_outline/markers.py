"""Finding the markers: what a line starts with (a written code, a copy's broken one, a unit
label), the markers inside a paragraph, and which of them continue a numbering sequence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from planner_desktop.domain.outline_codes import (
    CHINESE_NUMERAL,
    CIRCLED,
    NOT_DECIMAL,
    QUANTITY_WORDS,
    number_value,
    parse_code,
)
from planner_desktop.domain.plan_cleaning import SENTENCE_BREAK, TABLE_CELL, SourceParagraph
from planner_desktop.domain.plan_outline import unmarked

# Lower ranks are higher in the outline. Heading styles without a written number sit just
# above the written style of the same depth. ``run_in``: codes whose figure is hidden (x.)
# inside a paragraph led by such a code: they cannot go on its numbering, so they are its parts.
RANK = {"part": 0.1, "chapter": 0.2, "section": 0.3, "decimal2": 0.4, "decimal3": 0.45,
        "heading1": 0.5, "cn": 1, "heading2": 1.5, "cn_paren": 2, "heading3": 2.5, "arabic": 3,
        "run_in": 3.2, "heading4": 3.5, "ar_paren": 4, "circled": 5, "para": 5.5, "shi": 6, "cn_nested": 1.4,
        **unmarked.RANK}
_CN = CHINESE_NUMERAL


def rank_of(family: str) -> float:
    """The rank of a style. Word's list levels (``list1:arabic``: level 1 of a list, numbered
    like 1.) rank as their number style, and deeper levels of one list below shallower ones,
    since a list may number two levels alike (1. and 1.)."""
    if family.startswith("list"):
        level, _, style = family[4:].partition(":")
        return RANK.get(style, 3) + 0.01 * int(level)
    return RANK[family]
_CJK_START = "[\u4e00-\u9fff“《\"*]"

# Markers of a copy that lost part of its code, tried when no written code starts the line:
# ``*.`` or ``x.`` (the figure hidden, or anonymised as every figure of the copy is: xx所,
# x月) and a bare number before the text (``1全面…``).
_HIDDEN_FIGURE = r"(?:\*{1,3}|(?<![A-Za-z])[xX](?![A-Za-z]))"
_STAR = re.compile(rf"^({_HIDDEN_FIGURE})\s*[.．、]\s*(?=[\u4e00-\u9fff“《\"])")
_BARE_ARABIC = re.compile(rf"^(\d{{1,2}})(?={_CJK_START})")
# A decimal code (1.1, 2.3.1), as school plans number the sections of a chapter: its depth
# is its number of parts. It stands before the text, never before a figure or the unit of an
# amount (1.5万元, 2.5倍; but 1.2年度定位 is a code). Not an outline style of the ledger: such
# an item's path code is its position, since 2.1 alone cannot be written back from one number.
_DECIMAL = re.compile(
    r"^\s*\d{1,2}(?:[.．]\d{1,2}){0,1}[.．](\d{1,2})(?![.．\d万亿千百元倍个米吨%])\s*"
    rf"(?={_CJK_START})")
# A figure the copy could not store (⑪ beyond its character set, saved as ? or U+FFFD): a
# lost code, believed only where it goes on a run of lines numbered in that style.
_LOST_CODE = re.compile(rf"^[?？\ufffd]\s*(?={_CJK_START})")
_RUN_STYLES = ("circled",)
_GLUE = "(?<=[\u4e00-\u9fff”》])(?<!第)"  # not 第四、第五
_MID = re.compile(
    rf"(?<=[。；;！？!?\s：:，,）)])(?P<shi>{_CN})是(?={_CJK_START})"
    rf"|(?<=[。；;！？!?\s：:])[（(](?P<cnp>{_CN})[）)]"
    rf"|(?<=[。；;！？!?\s”])(?P<cn>{_CN})、"
    r"|(?<=[。；;！？!?\s：:])[（(](?P<arp>\d{1,2})[）)]"
    rf"|(?<=[。；;！？!?\s])(?P<ar>\d{{1,2}})[.．、]{NOT_DECIMAL}"
    # a copy's damaged 1.: a space before the dot (2 .全面…), or the dot lost (4 不断…)
    rf"|(?<=[。；;！？!?])(?P<sar>\d{{1,2}})(?:\s[.．]{NOT_DECIMAL}|\s(?=[^\d\s{QUANTITY_WORDS}]))"
    rf"|(?P<star>{_HIDDEN_FIGURE})[.．](?=[\u4e00-\u9fff“])"
    r"|(?<![\dA-Za-z.．%*第约近共达至和、~\-])(?P<arb>\d{1,2})(?=[\u4e00-\u9fff*“])"
    r"|(?<=[。；;！？!?\s])(?P<cnb>[一二三四五六七八九十])(?=[\u4e00-\u9fff])"
    rf"|(?P<circ>[{CIRCLED}])"
    # glued: run straight on from the heading before, with no mark between (…总结(一)党的…,
    # …领导1.强化…, …加强一是加大…); believed only when the numbering goes on
    rf"|{_GLUE}(?P<gshi>{_CN})是(?={_CJK_START})"
    rf"|{_GLUE}[（(](?P<gcnp>{_CN})[）)](?={_CJK_START})"
    rf"|{_GLUE}(?P<gcn>{_CN})、(?={_CJK_START})"
    rf"|{_GLUE}(?P<gar>\d{{1,2}})\s?[.．](?![\d.．])(?=\s?{_CJK_START})"
)
# How far on the next number of a glued first marker must be found.
GLUED_CONFIRM_CHARS = 1200
_SUCCESSOR = {"shi": "{}是", "cn_paren": "[（(]{}[）)]", "cn": "{}、", "arabic": "(?<!\\d){}\\s?[.．、]"}
_MID_FAMILY = {"shi": "shi", "cnp": "cn_paren", "cn": "cn", "arp": "ar_paren", "ar": "arabic",
               "star": "arabic", "arb": "arabic", "cnb": "cn_paren", "circ": "circled",
               "gshi": "shi", "gcnp": "cn_paren", "gcn": "cn", "gar": "arabic", "sar": "arabic"}
# After a bare number these characters make it a quantity or a date, not a marker.
_NOT_AFTER_BARE_DIGIT = set(QUANTITY_WORDS)
# After a bare Chinese numeral these make it a word: 一批, 一体, 一流, 二者 …
_NOT_AFTER_BARE_CN = set("是、，,.．个些批体流线样直律次定步年道起般致切同并面方边系项级类名所家对份种带"
                         "月日天周期生心意贯举揽站化张把条位届岗双责票否元旦手人要")
UNIT_LABELS = ("牵头单位|牵头股室|牵头科室|牵头部门|责任单位|责任股室|责任科室|责任部门|配合单位|配合股室"
               "|配合科室|配合部门|协办单位|责任领导|分管领导")
UNIT_LINE = re.compile(rf"^(?:{UNIT_LABELS})\s*[:：]")


@dataclass
class Candidate:
    pos: int  # where the marker starts in the source text
    end: int  # where the item's own text starts
    family: str
    number: int | None  # None: a figure the copy hid (*.)
    lead: bool  # at the start of a paragraph (or Word's own numbering)
    bare: bool  # no punctuation after the number: 一加强…, 1全面…
    paragraph: int


def lead_marker(line: str) -> tuple[str, int | None, int, bool] | None:
    """(family, number, length, bare) of the marker a line starts with, or None."""
    if match := _DECIMAL.match(line):
        depth = match.group(0).count(".") + match.group(0).count("．") + 1
        return f"decimal{depth}", int(match.group(1)), match.end(), False
    code = parse_code(line)
    if code is not None:
        return code.style, code.number, code.end, False
    if match := _STAR.match(line):
        return "arabic", None, match.end(), False
    match = _BARE_ARABIC.match(line)
    if match and line[match.end():match.end() + 1] not in _NOT_AFTER_BARE_DIGIT:
        return "arabic", int(match.group(1)), match.end(), True
    return None


def starts_with_marker(line: str) -> bool:
    """Whether a line begins an item (so it is never joined to the line before it)."""
    found = lead_marker(line)
    return (found is not None and not found[3]) or bool(UNIT_LINE.match(line))


def _mid_candidates(text: str, base: int, start: int, paragraph: int) -> Iterator[Candidate]:
    for match in _MID.finditer(text, start):
        kind = match.lastgroup
        number_text = match.group(kind)
        family = _MID_FAMILY[kind]
        after = text[match.end():match.end() + 1]
        if kind == "arb" and after in _NOT_AFTER_BARE_DIGIT:
            continue
        if kind == "cnb" and (after in _NOT_AFTER_BARE_CN or "。" not in text[match.end():match.end() + 40]):
            continue
        number = None if kind == "star" else number_value(number_text)
        if kind != "star" and number is None:
            continue
        if kind.startswith("g") and number == 1 and not _successor_follows(text, match.end(), family):
            continue
        # the start of a table's cell (四、教育文化 | 14.改扩建…) is the start of a text, where a
        # code is taken as written, numbered on from rows of other categories or not
        cell_start = text[:match.start()].rstrip(" ").endswith(TABLE_CELL)
        yield Candidate(base + match.start(), base + match.end(), family, number, cell_start,
                         kind in ("arb", "cnb", "star"), paragraph)


def _successor_follows(text: str, start: int, family: str) -> bool:
    """Whether the second number of ``family`` is written after ``start`` (not far on)."""
    pattern = _SUCCESSOR[family].format(2 if family == "arabic" else "二")
    return re.search(pattern, text[start:start + GLUED_CONFIRM_CHARS]) is not None


# A top-level style that a section may number its parts in again (the ``cn_nested`` rank: just
# below 一、), and how much lead-in text may stand between the section's heading and its 一、.
NESTING_STYLE, NESTED = "cn", "cn_nested"
MAX_NESTING_LEAD_IN_CHARS = 150


class _Walker:
    """Accepts the markers that continue a numbering; the state of every style seen so far."""

    def __init__(self) -> None:
        self.last: dict[str, int] = {}
        self.restart: dict[str, bool] = {}  # a higher marker came since this style's last one
        self.accepted: list[Candidate] = []

    def _sequence_ok(self, c: Candidate) -> bool:
        family = c.family
        if family not in self.last:
            return c.number == 1
        return c.number == self.last[family] + 1 or (c.number == 1 and self.restart[family])

    def _nests(self, c: Candidate) -> bool:
        """Whether this 一、 numbers the parts of the section just opened (三、主要工作及措施 …
        一、内涵发展促提升): a 1 of the top style right after that section's heading and its
        lead-in, or the next number of such a run."""
        if c.family != NESTING_STYLE or c.number is None:
            return False
        if NESTED in self.last and not self.restart[NESTED]:
            return c.number == self.last[NESTED] + 1 and c.number != self.last[NESTING_STYLE] + 1
        marked = [a for a in self.accepted if a.family != "para"]
        return (c.number == 1 and self.last.get(NESTING_STYLE, 0) >= 2 and bool(marked)
                and marked[-1].family == NESTING_STYLE
                and c.pos - marked[-1].end <= MAX_NESTING_LEAD_IN_CHARS)

    def consider(self, c: Candidate, lead_rank: float | None) -> bool:
        if self._nests(c):
            c.family = NESTED
        rank = rank_of(c.family)
        previous = self.accepted[-1] if self.accepted else None
        if c.number is None:  # *. : the next number of its style
            if lead_rank is not None and rank <= lead_rank and not c.lead:
                return False
            c.number = self.last.get(c.family, 0) + 1
        elif c.lead and not c.bare:
            pass  # a written marker at the start of a paragraph is taken as it is
        else:
            if not self._sequence_ok(c):
                return False
            if not c.lead and c.bare and lead_rank is not None and rank <= lead_rank:
                return False
            if c.bare and c.number == 1 and (previous is None or rank_of(previous.family) >= rank
                                             or c.pos - previous.end > 80):
                return False  # a bare 1 is only believed right after its parent heading
        self.accept(c)
        return True

    def accept(self, c: Candidate) -> None:
        rank = rank_of(c.family)
        for family in self.last:
            if rank_of(family) > rank:
                self.restart[family] = True
        self.last[c.family] = c.number or 0
        self.restart[c.family] = False
        self.accepted.append(c)


def _heading_candidate(para: SourceParagraph, base: int) -> Candidate | None:
    if para.heading is None or not 1 <= para.heading <= 4:
        return None
    return Candidate(base, base, f"heading{para.heading}", None, True, False, para.index)


def _unmarked_shapes(paragraphs: list[SourceParagraph]) -> dict[int, str]:
    """Position → family of the paragraphs that are headings or items by their shape alone."""
    def family_of(para: SourceParagraph) -> str | None:
        found = lead_marker(para.line)
        return found[0] if found is not None else None

    shapes = unmarked.labelled_runs(paragraphs, lambda p: family_of(p) is not None)
    shapes.update((position, "bare_heading")
                  for position in unmarked.bare_headings(paragraphs, family_of))
    return shapes


def find_markers(paragraphs: list[SourceParagraph], offsets: list[int]) -> list[Candidate]:
    walker = _Walker()
    previous_lead: str | None = None  # the style the paragraph before started with
    shapes = _unmarked_shapes(paragraphs)
    for position, (para, base) in enumerate(zip(paragraphs, offsets, strict=True)):
        line = para.line
        lead_rank: float | None = None
        start = 0
        found = lead_marker(line)
        candidate = None
        if found is not None:
            family, number, length, bare = found
            if para.label and para.list_level is not None:
                family, bare = f"list{para.list_level}:{family}", False
            candidate = Candidate(base, base + length, family, number, True, bare, para.index)
        elif (lost := _LOST_CODE.match(line)) and previous_lead in _RUN_STYLES:
            candidate = Candidate(base, base + lost.end(), previous_lead, None, True, False,
                                  para.index)
        elif para.heading is not None:
            candidate = _heading_candidate(para, base)
        elif position in shapes:
            candidate = Candidate(base, base, shapes[position], None, True, False, para.index)
        previous_lead = candidate.family if candidate is not None else None
        hidden_lead = candidate is not None and candidate.number is None
        if candidate is not None:
            if candidate.family.startswith("heading") or candidate.family in unmarked.RANK:
                candidate.number = walker.last.get(candidate.family, 0) + 1
                walker.accept(candidate)
                lead_rank = rank_of(candidate.family)
            elif walker.consider(candidate, None):
                lead_rank = rank_of(candidate.family)
                start = candidate.end - base
        if lead_rank is None and walker.accepted and not UNIT_LINE.match(line):
            para_node = Candidate(base, base, "para", 0, True, False, para.index)
            walker.accept(para_node)
            lead_rank = rank_of("para") if len(line) < 400 else None
        for mid in _mid_candidates(line, base, start, para.index):
            if hidden_lead and mid.number is None and mid.family == candidate.family:
                mid.family = "run_in"  # x.农村学校建设。x.学前教育项目:… lists its parts
            walker.consider(mid, lead_rank)
    return walker.accepted


# More paragraphs than any plan has items (a county's runs to 300): without numbering, such
# a text is not a plan, and is told as a text without numbered items.
MAX_UNNUMBERED_ITEMS = 1_000


def paragraph_items(paragraphs: list[SourceParagraph], offsets: list[int]) -> list[Candidate]:
    """A plan with no numbering at all: every paragraph after the title is an item, so the
    clerk starts from a list to arrange rather than from nothing."""
    body = list(zip(paragraphs, offsets, strict=True))
    if body and len(body[0][0].line) <= 80 and not SENTENCE_BREAK.search(body[0][0].line):
        body = body[1:]
    if not 2 <= len(body) <= MAX_UNNUMBERED_ITEMS:
        return []
    return [Candidate(base, base, "para", 0, True, False, para.index) for para, base in body]
