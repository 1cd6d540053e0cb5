"""Headings and items that carry no code: what a paragraph's shape says when its number is
missing.

Two shapes are read, each only where the document shows it more than once, since one short
line or one ``标签：`` paragraph is as often the author's text:

- a **labelled run**: two or more paragraphs in a row that each open with a short label and a
  colon (学校管理目标：…, 队伍建设目标：…; 初一年级：…, 初二年级：…), a clearly parallel block of
  items; a label standing alone (初中阶段：) heads the labelled items after it. Labels that
  name an item's fields (责任单位：, 完成时限：, 工作措施：) are no items, whatever follows, and
  neither is a label followed by a date, a figure or a telephone number.
- a **bare heading**: in a document with no top-level code anywhere (a conversion lost every
  一、), a short line with no mark in it, followed by a longer paragraph (指导思想 / 坚持以…),
  is a top-level heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from planner_desktop.domain.plan_cleaning import SourceParagraph, labelled_words

# The rank of each shape, beside the written styles' (markers.RANK): a bare heading just
# above 一、, labelled items below every numbered style but 一是 (which may run inside them).
RANK = {"bare_heading": 0.9, "label_group": 5.6, "label_item": 5.7}

# Labels of an item's fields, never items: as written in plans, and any label ending in the
# word for a unit, a person in charge, a time or the measures.
FIELD_LABEL = re.compile(
    r"^(?:目标任务|工作目标|工作措施|主要措施|主要举措|具体措施|工作任务|主要任务|重点任务|工作内容"
    r"|完成时限|完成时间|时间节点|进度安排|工作要求|实施步骤|预期成效|考核指标|备注|说明"
    r"|[\u4e00-\u9fff]{0,6}(?:单位|股室|科室|部门|处室|领导|负责人|时限|时间|措施))\s*[:：]")
MIN_RUN = 2
_BARE_HEADING = re.compile(r"^[\u4e00-\u9fff“”《》、]{4,16}$")
# A top-level code anywhere, at a line's start or run into a line after a full stop: where
# the document has one, its headings are numbered, and a short line is no lost heading.
_TOP_CODE_ANYWHERE = re.compile(
    r"(?:^|[。；;！？!?\s”])(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[章节部])")
MIN_BODY_AFTER_HEADING = 20
TOP_FAMILIES = ("part", "chapter", "section", "cn", "heading1", "heading2")


def labelled_runs(paragraphs: list[SourceParagraph],
                  has_code: Callable[[SourceParagraph], bool]) -> dict[int, str]:
    """Position → ``label_group`` / ``label_item`` of the paragraphs in labelled runs."""
    found: dict[int, str] = {}
    run: list[tuple[int, str]] = []

    def close() -> None:
        items = [kind for _, kind in run if kind == "label_item"]
        if len(items) >= MIN_RUN:
            found.update(run)
        run.clear()

    for position, para in enumerate(paragraphs):
        if not para.text:
            continue
        after = labelled_words(para.line)
        if after is None or has_code(para) or FIELD_LABEL.match(para.line):
            close()
            continue
        run.append((position, "label_item" if after else "label_group"))
    close()
    # a label alone heads the items after it, or is nothing
    for position, kind in list(found.items()):
        if kind == "label_group" and found.get(_next_text(paragraphs, position)) != "label_item":
            del found[position]
    return found


def bare_headings(paragraphs: list[SourceParagraph], family_of: Callable[[SourceParagraph], str | None]
                  ) -> set[int]:
    """Positions of the bare headings, in a document without any top-level code."""
    if any(family_of(p) in TOP_FAMILIES or p.heading is not None
           or _TOP_CODE_ANYWHERE.search(p.line) for p in paragraphs):
        return set()
    texts = [i for i, p in enumerate(paragraphs) if p.text]
    found = set()
    for order, position in enumerate(texts[1:-1], 1):  # never the title, never the last line
        line = paragraphs[position].line
        following = paragraphs[texts[order + 1]].line
        if (_BARE_HEADING.match(line) and family_of(paragraphs[position]) is None
                and len(following) >= MIN_BODY_AFTER_HEADING and not _BARE_HEADING.match(following)):
            found.add(position)
    return found


def _next_text(paragraphs: list[SourceParagraph], position: int) -> int | None:
    for later in range(position + 1, len(paragraphs)):
        if paragraphs[later].text:
            return later
    return None
