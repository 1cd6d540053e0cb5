"""Quantitative targets (量化指标) in an item's text: ``新增国家高新技术企业12家``.

A target is a number with its measure word and the phrase it belongs to. Placeholders such as
``x个``, ``X%``, ``*所`` (figures a published copy hid) are kept as targets still to be filled
in. Years, dates, quarters and outline numbers are not targets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner_desktop.domain.text import chinese_numeral_to_int

MEASURE_WORDS = (
    "平方米", "万平方米", "亿元", "万元", "元", "人次", "万人", "个百分点", "百分点", "学时",
    "小时", "课时", "家", "所", "个", "对", "项", "名", "次", "人", "台", "套", "间", "天",
    "门", "篇", "场", "期", "支", "批", "校", "园", "班", "件", "册", "%", "‰",
)
_MEASURE = "|".join(re.escape(w) for w in sorted(MEASURE_WORDS, key=len, reverse=True))
_NUMBER = r"(?:\d+(?:\.\d+)?|[xX×*＊]{1,3}|[一二三四五六七八九十百两]+)"
_TARGET = re.compile(rf"(?P<number>{_NUMBER})\s*(?P<unit>{_MEASURE})(?P<after>以上|以内|以下)?")
_AT_LEAST = ("不少于", "不低于", "达到", "达", "超过", "≥", "至少")
_AT_MOST = ("不超过", "不高于", "控制在", "低于", "≤")
_CLAUSE_BREAK = re.compile(r"[，,。；;：:、！？\n（）()“”]")
_NOT_AFTER = re.compile(r"^(年|月|日|号|季度|学期|周|届|期间|五|级)")


@dataclass(frozen=True)
class Target:
    text: str
    number: float | None
    unit: str
    subject: str
    placeholder: bool
    comparator: str
    start: int
    end: int


def _number_value(text: str) -> float | None:
    if re.fullmatch(r"[xX×*＊]{1,3}", text):
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    return float(chinese_numeral_to_int(text) or 0) or None


def find_targets(text: str) -> list[Target]:
    targets: list[Target] = []
    for match in _TARGET.finditer(text):
        number_text, unit = match.group("number"), match.group("unit")
        start, end = match.start(), match.end()
        follow = text[match.end("number"):match.end("number") + 2]
        if _NOT_AFTER.match(text[match.end("number"):]) and unit not in ("%",):
            continue
        if re.fullmatch(r"[一二三四五六七八九十百两]+", number_text):
            # 一个/一批/两所 in prose are counts only when something is clearly counted
            if unit in ("个", "次", "期", "批", "场", "支", "项", "名", "人") or follow.startswith("五"):
                continue
        if number_text.isdigit() and len(number_text) == 4 and 1990 <= int(number_text) <= 2100:
            continue
        clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
        clause_end = next((m.start() for m in _CLAUSE_BREAK.finditer(text, end)), len(text))
        clause = text[clause_start:clause_end]
        before = text[clause_start:start]
        comparator = ""
        if match.group("after") == "以上" or any(w in before for w in _AT_LEAST):
            comparator = ">="
        if match.group("after") in ("以内", "以下") or any(w in before for w in _AT_MOST):
            comparator = "<="
        subject = before
        for word in (*_AT_LEAST, *_AT_MOST, "新增", "建设", "建成", "创建", "培训", "完成", "保持在",
                     "到", "为", "提高", "投入", "累计"):
            subject = subject.replace(word, "") if subject.endswith(word) or word in (
                "达到", "达", "保持在", "控制在") else subject
        subject = re.sub(r"^(新增|建设|建成|创建|培训|完成|投入|累计|力争|确保|全县|全年)+", "", subject)
        subject = subject.rstrip("达到为在").strip()
        number = _number_value(number_text)
        targets.append(Target(text=clause.strip(), number=number, unit=unit,
                              subject=subject, placeholder=number is None and not
                              re.fullmatch(r"[一二三四五六七八九十百两]+", number_text),
                              comparator=comparator, start=start, end=end))
    return targets
