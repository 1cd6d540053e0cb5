"""Group words: 各中小学, 全县学校, 各乡镇中心学校, 局机关各股室 name a set of units, not a unit.

Bureaus write them in every document, as a prefix that says "all of" (各, 全县, 全市, 全区 …)
and a kind of unit (中小学, 幼儿园, 股室 …). The rule is kept as data, the two lists below,
so that a bureau's new way of writing one is a word added here, not a new branch of code.
A group word is never made into a unit: on a ledger whose roster does not list its members
yet it waits (a pending group) and is resolved when the roster comes.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from planner_desktop.domain.text import compact, to_simplified

KINDERGARTEN = "幼儿园"
SCHOOL = "学校"
SECTION = "股室"

# "All of": the longest that fits is taken, so 全县各 before 全县 before 各.
GROUP_PREFIXES: tuple[str, ...] = (
    "全县各级各类", "全市各级各类", "全区各级各类", "各级各类",
    "局机关各", "县局机关各", "机关各", "局属各", "局各",
    "全县各", "全市各", "全区各", "全县", "全市", "全区", "各",
)


@dataclass(frozen=True)
class Selector:
    """Which roster units a kind of unit selects, by the roster's own fields. ``None`` stages
    mean any; ``by_roster_only`` kinds (直属学校) have no field that says so: they resolve only
    through a group of that name in the roster's 单位组 sheet, and wait until then."""

    kind: str  # 学校 or 股室
    stages: frozenset[str] | None = None
    not_stages: frozenset[str] = frozenset()
    name_contains: tuple[str, ...] = ()  # any of these in the name (or the stage) selects
    by_roster_only: bool = False

    def selects(self, kind: str, stage: str, name: str) -> bool:
        if self.by_roster_only or kind != self.kind or stage in self.not_stages:
            return False
        if self.name_contains:
            return any(word in name or word == stage for word in self.name_contains)
        return self.stages is None or stage in self.stages


_ALL_SCHOOLS = Selector(SCHOOL)
_SECONDARY = frozenset({"高中", "初中", "完全中学"})
# The kinds of unit a prefix may be followed by, as written after the prefix.
GROUP_KINDS: dict[str, Selector] = {
    **dict.fromkeys(("学校", "校", "学校（园）", "学校（园、所）", "中小学（园）", "中小学校（园）",
                     "中小学（园、所）", "中小学幼儿园", "类学校"), _ALL_SCHOOLS),
    **dict.fromkeys(("股室", "股（室）", "科室", "机关股室", "股室（中心）", "股室（站、中心）",
                     "股室及二级机构"), Selector(SECTION)),
    **dict.fromkeys(("中小学", "中小学校"), Selector(SCHOOL, not_stages=frozenset({KINDERGARTEN}))),
    **dict.fromkeys(("幼儿园", "公办幼儿园", "幼儿园（所）"), Selector(SCHOOL, frozenset({KINDERGARTEN}))),
    **dict.fromkeys(("乡镇中心学校", "乡镇中心校", "中心学校", "中心校"),
                    Selector(SCHOOL, not_stages=frozenset({KINDERGARTEN}),
                             name_contains=("中心学校", "中心校"))),
    **dict.fromkeys(("完全中学",), Selector(SCHOOL, name_contains=("完全中学",))),
    **dict.fromkeys(("中学", "中学校"), Selector(SCHOOL, _SECONDARY)),
    **dict.fromkeys(("初中", "初级中学"), Selector(SCHOOL, frozenset({"初中", "完全中学"}))),
    **dict.fromkeys(("高中", "普通高中", "高级中学"), Selector(SCHOOL, frozenset({"高中", "完全中学"}))),
    **dict.fromkeys(("小学",), Selector(SCHOOL, frozenset({"小学"}))),
    **dict.fromkeys(("中职学校", "职业学校", "中等职业学校"), Selector(SCHOOL, frozenset({"中职"}))),
    **dict.fromkeys(("直属学校", "县直学校", "局属学校", "直属单位", "局属单位", "二级机构"),
                    Selector(SCHOOL, by_roster_only=True)),
}


def _key(text: str) -> str:
    """As ``units.name_key`` compares names (it lives there; this module is below it)."""
    return to_simplified(compact(text))


_KINDS_BY_KEY = {_key(word): selector for word, selector in GROUP_KINDS.items()}
_PREFIX_KEYS = sorted({_key(p) for p in GROUP_PREFIXES}, key=len, reverse=True)
# Every group word the rule knows, for cutting a cell without cutting one of them.
GROUP_WORD_KEYS = frozenset(p + k for p, k in itertools.product(_PREFIX_KEYS, _KINDS_BY_KEY))


def group_selector(name: str) -> Selector | None:
    """The selector of a group word (各中小学, 全县学校 …), or None for any other name.
    The rule is prefix + kind exactly: 各相关股室 (only the sections concerned) is no group."""
    key = _key(name)
    for prefix in _PREFIX_KEYS:
        if key.startswith(prefix):
            selector = _KINDS_BY_KEY.get(key[len(prefix):])
            if selector is not None:
                return selector
    return None


def is_group_word(name: str) -> bool:
    return group_selector(name) is not None
