"""What an item's own words say beside its title and text: the units and the 完成时限 written
in brackets, on lines of their own or inline, the deadline phrases of the text, the targets."""

from __future__ import annotations

import re

from planner_desktop.domain.deadlines import Deadline, parse_deadline
from planner_desktop.domain.plan_outline.markers import UNIT_LABELS, UNIT_LINE
from planner_desktop.domain.plan_outline.titles import split_title
from planner_desktop.domain.plan_outline.tree import OutlineNode
from planner_desktop.domain.targets import find_targets
from planner_desktop.domain.units import assign_roles, overlong_unit_names

_UNIT_BRACKET = re.compile(rf"[（(]\s*((?:{UNIT_LABELS})\s*[:：][^（）()]*)[）)]")
_UNIT_TEXT = re.compile(rf"((?:{UNIT_LABELS})\s*[:：][^\n。]*)")
_DEADLINE_LABEL = re.compile(r"[（(]?(?:完成时限|完成时间|时限要求|时限)\s*[:：]\s*([^）)；;。\n]+)[）)]?")


_MONTH = (r"(?:\d{1,2}|元|[一二三四五六七八九十]{1,2})月(?:份)?(?:\d{1,2}[日号])?"
          r"(?:份|底|末|初|上旬|中旬|下旬)?")
_WHEN = (r"(?:(?:19|20)\d{2}年(?:底|末|内)|(?:(?:19|20)\d{2}年)?(?:" + _MONTH
         + r"|年底|年末|年内|上半年|下半年|年中|第[一二三四1-4]季度))")
_DEADLINE_PHRASE = re.compile(
    rf"{_WHEN}(?:[、和至到\-]{_WHEN})?(?:以前|之前|前|间|内)(?:全面|全部|基本)?(?:完成|到位|完工|竣工|发放到位|建成)?"
    rf"|{_WHEN}(?:全面|全部|基本)?(?:完成|完工|竣工|建成)"
    r"|按时完工|按时完成|按期完成|如期完成|按期完工|如期交账|长期坚持"
    r"|每(?:个)?(?:月|季度|半年|学期|年)[^，,。；;]{0,6}?(?:\d{1,2}[日号])前"
)


def deadline_phrases(text: str) -> list[str]:
    """The phrases of ``text`` that say when: 11月30日前, 12月份前完成, 2021年元月15日前, 按时完工."""
    return list(dict.fromkeys(m.group(0) for m in _DEADLINE_PHRASE.finditer(text)))


def deadline_of(text: str, year: int) -> Deadline | None:
    """The item's deadline from its text: all its phrases together, due on the latest date."""
    phrases = deadline_phrases(text)
    if not phrases:
        return None
    return parse_deadline("；".join(phrases), year)


def fill_item(node: OutlineNode, raw: str, year: int, known_units: frozenset[str]) -> None:
    """Title, text, units, targets and deadline of an item from its raw words. Units and a
    完成时限 written in brackets or on lines of their own are taken out of the title and text;
    a ``known_units`` name (``Roster.known_keys``) is not cut at the separators in it."""
    units_text = [m.group(1) for m in _UNIT_BRACKET.finditer(raw)]
    lines = []
    for line in raw.split("\n"):
        if UNIT_LINE.match(line.strip()):
            units_text.append(line.strip())
        else:
            lines.append(line)
    body = "\n".join(lines).strip()
    if not units_text and (inline := _UNIT_TEXT.search(body)):
        units_text.append(inline.group(1))
    labelled = _DEADLINE_LABEL.search(body)
    words = _DEADLINE_LABEL.sub("", _UNIT_BRACKET.sub("", body)).strip()
    node.title, node.text = split_title(words, bool(node.children))
    node.units = assign_roles("；".join(units_text), None, None, known_units) \
        if units_text else []
    node.overlong_units = overlong_unit_names("；".join(units_text), known_units)
    node.targets = find_targets(node.full_text())
    node.deadline = parse_deadline(labelled.group(1).strip(), year) if labelled else deadline_of(words, year)
