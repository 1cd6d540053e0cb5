"""What an outline code looks like: the one definition plans, task lists and the ledger share.

Plans and task lists number their parts in the same few styles: ``一、`` → ``（一）`` → ``1.``
→ ``（1）`` → ``①``, and ``一是`` inside a paragraph, each also with half-width brackets and
dots (``(一)``, ``1．``). When the plan parser and the task-list parser each had their own
patterns, one read ``（一）、`` or ``一，`` as a code and the other did not, so the same item
was numbered differently depending on which file it came from. Both now ask this module,
which knows each style as data: how it is written at the start of a text (``pattern``), how
the code is written (``written``) and how it stands in a path code such as ``一.(一).2``
(``label``).

Where a code may stand (the start of a paragraph or a cell, after a full stop inside one)
and which styles a kind of file uses are the parsers' business, not this module's.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from planner_desktop.domain.text import chinese_numeral_to_int

# The numeral of a Chinese-numbered code (一 … 九十九), and the circled figures ① … ⑳.
CHINESE_NUMERAL = "[一二三四五六七八九十]{1,3}"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# The words of a quantity or a date: after a bare number (``30 个``, ``95 后``, ``32 页``)
# they make it a figure, not a code.
QUANTITY_WORDS = ("年月日号时分秒个项名所家人次万亿元岁倍届期批级类位条件篇场天周台套只支株辆本"
                  "册份处座户间门部遍轮吨米余多种后页")
# After 1. what makes it a decimal (1.5, 1..) and not a code; 1.2024年工作要点 is item 1.
NOT_DECIMAL = r"(?!(?!(?:19|20)\d\d年)[\d.．])"
# What may follow 一是 for it to be a code and not a word (一是一, 一是否): the start of a
# clause.
_CLAUSE_START = "[\u4e00-\u9fff“《\"*]"


@dataclass(frozen=True)
class MarkerStyle:
    """One numbering style. ``pattern`` matches a code at the start of a text (leading
    spaces and the spaces after the code included), its number in the first group that
    matched; ``written`` and ``label`` are format strings of the numeral."""

    name: str
    pattern: re.Pattern[str]
    written: str  # the code as a document writes it: "{}、"
    label: str  # the code as one step of a path code (一.(一).2): "{}"
    chinese: bool  # numbered 一二三 (else 1 2 3, or ① ② ③ for the circled style)


def _style(name: str, pattern: str, written: str, label: str, chinese: bool) -> MarkerStyle:
    return MarkerStyle(name, re.compile(r"^\s*" + pattern), written, label, chinese)


# The numeral of a chapter-like code: 第一章, 第2章.
_ORDINAL = rf"第\s*({CHINESE_NUMERAL}|\d{{1,2}})\s*"
# What ends such a code (第二部分：发展任务, 第四章 德育…).
_ORDINAL_END = r"\s*[:：、.．]?\s*"

# In the order they are tried: a bracketed code before the bare numeral it holds.
STYLES: dict[str, MarkerStyle] = {style.name: style for style in (
    # the parts, chapters and sections of school plans and five-year plans
    _style("part", rf"{_ORDINAL}部分{_ORDINAL_END}", "第{}部分", "第{}部分", True),
    _style("chapter", rf"{_ORDINAL}章{_ORDINAL_END}", "第{}章", "第{}章", True),
    _style("section", rf"{_ORDINAL}节(?!课){_ORDINAL_END}", "第{}节", "第{}节", True),
    _style("cn_paren", rf"[（(]\s*({CHINESE_NUMERAL})\s*[）)]\s*[、，,.．]?\s*", "（{}）", "({})",
           True),
    _style("ar_paren", r"(?:[（(]\s*(\d{1,3})\s*[）)]|(\d{1,3})[）)])\s*", "（{}）", "({})", False),
    _style("shi", rf"({CHINESE_NUMERAL})是(?={_CLAUSE_START})", "{}是", "{}是", True),
    _style("cn", rf"({CHINESE_NUMERAL})\s*[、，,．.]\s*", "{}、", "{}", True),
    _style("arabic", rf"(\d{{1,3}})\s*(?:[.．、，,]{NOT_DECIMAL}|\s+(?=[^\d{QUANTITY_WORDS}]))\s*",
           "{}.", "{}", False),
    _style("circled", rf"([{CIRCLED}])\s*", "{}", "{}", False),
)}
STYLE_NAMES = tuple(STYLES)


class OutlineCode(NamedTuple):
    """A code found at the start of a text: its style, its number, and where the text after
    it starts."""

    style: str
    number: int
    end: int


def parse_code(text: str, styles: tuple[str, ...] = STYLE_NAMES) -> OutlineCode | None:
    """The code ``text`` starts with, in one of ``styles`` (tried in the order of STYLES),
    or None. A numeral that is no number (十十、) is no code."""
    if not _any_of(styles).match(text):
        return None  # most texts: one match that fails at their first character
    for name, style in STYLES.items():
        if name not in styles:
            continue
        match = style.pattern.match(text)
        if match is None:
            continue
        number = number_value(next(g for g in match.groups() if g is not None))
        if number is not None:
            return OutlineCode(name, number, match.end())
    return None


@functools.cache
def _any_of(styles: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern matching where any of ``styles`` matches."""
    return re.compile("|".join(f"(?:{STYLES[name].pattern.pattern})" for name in styles))


def read_code(code: str) -> tuple[str, int] | None:
    """(style, number) of a code standing alone, as written (``一、``, ``（1）``) or as a
    label (``一``, ``(1)``, a 序号 ``1``): the form in which two codes of the same item
    compare equal, whichever file they came from."""
    code = code.strip()
    found = parse_code(code)
    if found is not None and found.end == len(code):
        return found.style, found.number
    if code.endswith("是"):  # 一是 alone: nothing follows to tell it from a word
        number = number_value(code[:-1])
        return None if number is None or code[:-1].isdecimal() else ("shi", number)
    number = number_value(code)
    if number is None:
        return None
    return ("arabic" if code.isdecimal() else "circled" if code in CIRCLED else "cn"), number


def number_value(numeral: str) -> int | None:
    """The number of a code's numeral: ``12``, ``十二``, ``⑫``."""
    if numeral.isdecimal():
        return int(numeral)
    if len(numeral) == 1 and numeral in CIRCLED:
        return CIRCLED.index(numeral) + 1
    return chinese_numeral_to_int(numeral)


def render(style: str, number: int) -> str:
    """The code as a document writes it: ``render("cn_paren", 1)`` is ``（一）``."""
    return STYLES[style].written.format(numeral(style, number))


def label(style: str, number: int) -> str:
    """The code as one step of a path code: ``label("cn_paren", 1)`` is ``(一)``. A circled
    number beyond ⑳ has no character and is written in brackets."""
    if style == "circled" and not 1 <= number <= len(CIRCLED):
        return f"({number})"
    return STYLES[style].label.format(numeral(style, number))


def numeral(style: str, number: int) -> str:
    """The numeral of ``number`` in ``style``: 一, 1 or ①."""
    if STYLES[style].chinese:
        return chinese_numeral(number)
    if style == "circled" and 1 <= number <= len(CIRCLED):
        return CIRCLED[number - 1]
    return str(number)


def chinese_numeral(number: int, digits: str = "零一二三四五六七八九", ten: str = "十") -> str:
    """一 … 九十九 as plans number their parts (figures from 100 on, and for numbers below
    zero); ``digits`` and ``ten`` give other sets of numerals (Word's 壹 … 拾)."""
    if number < 0 or number >= 100:
        return str(number)
    if number < 10:
        return digits[number]
    tens, units = divmod(number, 10)
    return (digits[tens] if tens > 1 else "") + ten + (digits[units] if units else "")


# -- an item's number, as clerks cite it -----------------------------------------------------
# A plan document stores each item's path code (``一.(一).2``: its parent's code, a dot, its
# own label); a task list stores the marker as its 序号 cell wrote it (``（一）``, ``1``); a
# decimal 序号 (``1.2``) is a number of its own. The ledger, the detail pane, the fill-in
# workbooks, the reports and the command line show every item by the one number made here
# from those codes, so that the same item is never ``一.1`` in one place and ``一一.1`` or
# ``1.`` in another.
_DECIMAL = re.compile(r"\d{1,3}(?:\.\d{1,3})+")


def written_marker(code: str, parent_code: str = "") -> str:
    """An item's own marker as the document writes it (``（一）``, ``2.``, ``一是``), from
    the code stored for it and its parent's."""
    step = code.strip()
    parent = parent_code.strip()
    if parent and step.startswith(parent + ".") and not _DECIMAL.fullmatch(step):
        step = step[len(parent) + 1:]
    found = read_code(step)
    return render(*found) if found else step


def _markers(codes: list[str]) -> list[str]:
    """The written markers of a path of stored codes, from the top; a decimal number
    (``1.2``) stands for the arabic steps above it (``1.``)."""
    markers: list[str] = []
    parent = ""
    for code in codes:
        marker = written_marker(code, parent)
        if markers and _DECIMAL.fullmatch(marker) and marker.startswith(markers[-1]):
            markers[-1] = marker
        elif marker:
            markers.append(marker)
        parent = code
    return markers


def item_number(codes: list[str]) -> str:
    """The number an item is cited by: the markers above it and its own, as the document
    writes them (``一、（一）1.``), from the stored codes of its path from the top."""
    return "".join(_markers(codes))


def path_number(code: str) -> str:
    """The number of an item from its path code alone (``二.(一).2`` → ``二、（一）2.``): a
    plan document's outline before it is in the ledger. No step of a path code holds a dot."""
    parts = code.split(".")
    return item_number([".".join(parts[:end]) for end in range(1, len(parts) + 1)])


def numbered_title(marker: str, title: str) -> str:
    """A marker before a title as a document prints it: ``一、标题``, ``（一）标题``, ``1. 标题``."""
    marker = marker.strip()
    joiner = "" if not marker or marker[-1] in "、）)是" else " "
    return f"{marker}{joiner}{title}".strip()


class ItemNumber(NamedTuple):
    """An item's number, and the items above it (each its own marker and title, from the
    top: the path a tooltip or a filter hit shows)."""

    number: str
    above: tuple[str, ...]


def number_items(items: list[tuple[int, int | None, str, str]]) -> dict[int, ItemNumber]:
    """(id, parent id, stored code, title) of a plan's items → each item's :class:`ItemNumber`."""
    by_id = {item[0]: item for item in items}
    paths: dict[int, list[tuple[int, int | None, str, str]]] = {}

    def path_of(item_id: int) -> list[tuple[int, int | None, str, str]]:
        found = paths.get(item_id)
        if found is None:
            item = by_id[item_id]
            parent = item[1]
            found = paths[item_id] = ([*path_of(parent), item] if parent in by_id else [item])
        return found

    numbers: dict[int, ItemNumber] = {}
    for item_id in by_id:
        path = path_of(item_id)
        codes = [p[2] for p in path]
        parents = [""] + codes[:-1]
        above = tuple(numbered_title(written_marker(code, parent), p[3])
                      for code, parent, p in zip(codes[:-1], parents[:-1], path[:-1], strict=True))
        numbers[item_id] = ItemNumber(item_number(codes), above)
    return numbers
