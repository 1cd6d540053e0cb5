"""Suggesting the lead section (牵头股室) of a plan item from the words in it.

Plans rarely name the section responsible; the clerk knows that 安全 goes to 安全股 and 资助
to 资助中心. The table of such keywords is the clerk's (each bureau names its sections its
own way), kept in the ledger; the built-in one is only a start. A suggestion is never written
as an assignment until the clerk confirms it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("安全", "安全股"),
    ("防溺水", "安全股"),
    ("平安校园", "安全股"),
    ("资助", "资助中心"),
    ("招生", "招考中心"),
    ("考试", "招考中心"),
    ("中考", "招考中心"),
    ("高考", "招考中心"),
    ("党建", "机关党委"),
    ("党的建设", "机关党委"),
    ("从严治党", "机关党委"),
    ("意识形态", "机关党委"),
    ("师德", "人事股"),
    ("教师队伍", "人事股"),
    ("职称", "人事股"),
    ("督导", "督导室"),
    ("经费", "计财股"),
    ("财务", "计财股"),
    ("预算", "计财股"),
    ("学前教育", "基础教育股"),
    ("幼儿园", "基础教育股"),
    ("义务教育", "基础教育股"),
    ("职业教育", "职成股"),
    ("体育", "体卫艺股"),
    ("艺术", "体卫艺股"),
    ("卫生", "体卫艺股"),
    ("信息化", "电教馆"),
    ("教研", "教研室"),
    ("项目建设", "规划建设股"),
    ("校舍", "规划建设股"),
    ("食堂", "后勤股"),
    ("营养", "后勤股"),
    ("信访", "办公室"),
    ("宣传", "办公室"),
)


@dataclass
class KeywordTable:
    """Keyword → section, in the clerk's order (earlier rows win ties)."""

    rows: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def default(cls) -> KeywordTable:
        return cls(list(DEFAULT_KEYWORDS))

    @classmethod
    def from_json(cls, value: list) -> KeywordTable:
        rows = [(str(k).strip(), str(u).strip()) for k, u in value if str(k).strip() and str(u).strip()]
        return cls(rows)

    def to_json(self) -> list[list[str]]:
        return [[k, u] for k, u in self.rows]


def suggest_lead(title: str, text: str, table: KeywordTable) -> str:
    """The section whose keywords weigh most in the item: a word in the title counts three
    times a word in the text; '' when no keyword occurs."""
    scores: dict[str, int] = {}
    order: dict[str, int] = {}
    for position, (keyword, unit) in enumerate(table.rows):
        score = 3 * title.count(keyword) + text.count(keyword)
        if score:
            scores[unit] = scores.get(unit, 0) + score
            order.setdefault(unit, position)
    if not scores:
        return ""
    return max(scores, key=lambda unit: (scores[unit], -order[unit]))
