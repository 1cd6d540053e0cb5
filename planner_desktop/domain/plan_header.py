"""What a plan document says about itself before its first item: the year it is for and the
bureau that issued it.

A title usually states both (青溪县教育局2024年工作要点). When it does not, the text does: the
opening sentence (2024年，全县教育系统…), and on a copy from a government portal the record
lines above it (发文机关：青溪县教育局　成文日期：2024-02-05), which the cleaning drops as page
furniture but keeps among what it removed.
"""

from __future__ import annotations

import re

_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
# A bureau's name as titles start with it: a place, then 教育局 / 教体局 / 教育和体育局 /
# 教育科技和体育局 / 教育委员会 and the like, before the year or the kind of document.
_ISSUER_IN_TITLE = re.compile(
    r"^([\u4e00-\u9fffA-Za-z]{2,24}?(?:局|委员会|教委|教育厅|教育部))(?=(?:19|20)\d\d|关于|工作|\s|$)")
_ISSUER_LINE = re.compile(r"(?:发文机关|发文单位|发布机构|信息来源|来源)\s*[:：]\s*([^\s:：]{2,30})")


def stated_year(texts: list[str]) -> int | None:
    """The year a plan's opening text states: the latest year named (a preamble looks back on
    last year before it sets out this one's work); None when no year is written."""
    years = [int(y) for text in texts for y in _YEAR.findall(text)]
    return max(years) if years else None


def stated_issuer(title: str, lines: list[str]) -> str:
    """The issuing bureau: named at the start of the title, else on a 发文机关 line; ""."""
    if match := _ISSUER_IN_TITLE.match(title.strip()):
        return match[1]
    for line in lines:
        if match := _ISSUER_LINE.search(line):
            return match[1]
    return ""
