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
    ("党组织", "机关党委"),
    ("党风廉政", "机关党委"),
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
    # Last, so that it loses every tie: 党的 stands in many a text (坚持党的教育方针) that
    # another section leads, but in a title (加强党的全面领导) it names the party office's work.
    ("党的", "机关党委"),
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
    """The section the item's title names by its keywords; the text decides only between
    sections the title names equally, or when the title names none; '' when no keyword occurs.

    The title says what the item is about; the text says how, and names the fields it touches
    on the way (加强党的全面领导 whose text speaks of 教育和体育 is the party office's, not
    体卫艺股's), so a word in the text never outweighs one in the title.
    """
    in_title: dict[str, int] = {}
    in_text: dict[str, int] = {}
    order: dict[str, int] = {}
    for position, (keyword, unit) in enumerate(table.rows):
        title_count, text_count = title.count(keyword), text.count(keyword)
        if title_count or text_count:
            in_title[unit] = in_title.get(unit, 0) + title_count
            in_text[unit] = in_text.get(unit, 0) + text_count
            order.setdefault(unit, position)
    if not order:
        return ""
    return max(order, key=lambda unit: (in_title[unit], in_text[unit], -order[unit]))
