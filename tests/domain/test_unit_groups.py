"""Group words (各中小学, 全县学校 …) are recognised by the rule prefix + kind of unit, and
select the roster's units by their fields; without members they wait, never become units."""

from __future__ import annotations

import pytest

from planner_desktop.domain.unit_groups import GROUP_WORD_KEYS, group_selector, is_group_word
from planner_desktop.domain.units import Resolution, Roster, RosterUnit, UnitKind, name_key

GROUP_WORDS = ["各中小学", "各幼儿园", "各学校", "全县学校", "各乡镇中心学校", "各股室",
               "各直属学校", "各完全中学", "全市各中小学", "全区中小学（园）", "各中小学(园)",
               "局机关各股室", "全县各级各类学校", "各校", "各小学", "各初中", "各高中",
               "各中职学校", "全县幼儿园", "各中小学校"]
NOT_GROUPS = ["安全股", "各相关股室", "县第一中学", "长赤镇中心学校", "各", "全县", "各乡镇",
              "学校", "中小学", "相关学校", "各有关单位", "城关镇各中小学"]


@pytest.mark.parametrize("name", GROUP_WORDS)
def test_group_words_are_recognised(name):
    assert is_group_word(name)
    assert name_key(name) in GROUP_WORD_KEYS  # so that a cell is never cut inside one


@pytest.mark.parametrize("name", NOT_GROUPS)
def test_other_names_are_not_groups(name):
    assert not is_group_word(name)


ROSTER = Roster([
    RosterUnit("办公室", UnitKind.SECTION),
    RosterUnit("安全稳定股", UnitKind.SECTION),
    RosterUnit("县第一中学", UnitKind.SCHOOL, "高中"),
    RosterUnit("县实验中学", UnitKind.SCHOOL, "完全中学"),
    RosterUnit("县第二初级中学", UnitKind.SCHOOL, "初中"),
    RosterUnit("县实验小学", UnitKind.SCHOOL, "小学"),
    RosterUnit("长赤镇中心学校", UnitKind.SCHOOL, "九年一贯制", "长赤镇"),
    RosterUnit("赶场镇中心校", UnitKind.SCHOOL, "小学", "赶场镇"),
    RosterUnit("长赤镇中心幼儿园", UnitKind.SCHOOL, "幼儿园", "长赤镇"),
    RosterUnit("县职业中学", UnitKind.SCHOOL, "中职"),
])


@pytest.mark.parametrize(("name", "members"), [
    ("各股室", ("办公室", "安全稳定股")),
    ("各中小学", ("县第一中学", "县实验中学", "县第二初级中学", "县实验小学", "长赤镇中心学校",
              "赶场镇中心校", "县职业中学")),
    ("各幼儿园", ("长赤镇中心幼儿园",)),
    ("全县学校", ("县第一中学", "县实验中学", "县第二初级中学", "县实验小学", "长赤镇中心学校",
              "赶场镇中心校", "长赤镇中心幼儿园", "县职业中学")),
    ("各乡镇中心学校", ("长赤镇中心学校", "赶场镇中心校")),
    ("各完全中学", ("县实验中学",)),
    ("各高中", ("县第一中学", "县实验中学")),
    ("各小学", ("县实验小学", "赶场镇中心校")),
    ("各中职学校", ("县职业中学",)),
])
def test_group_words_select_the_roster_units_of_their_kind(name, members):
    resolution = ROSTER.resolve(name)
    assert resolution == Resolution(name, members, name_key(name), False, False)


def test_a_kind_no_field_describes_waits_for_the_roster_group_of_that_name():
    assert ROSTER.resolve("各直属学校") == Resolution("各直属学校", (), "各直属学校", False, True)


@pytest.mark.parametrize("name", ["各中小学", "各幼儿园", "各股室", "全县学校"])
def test_without_a_roster_a_group_word_is_pending_and_not_unknown(name):
    empty = Roster([])
    resolution = empty.resolve(name)
    assert resolution.pending and not resolution.unknown and resolution.units == ()
    assert empty.unknown_names([name, "安全股"]) == ["安全股"]
    assert empty.pending_names([name, "安全股"]) == [name]


def test_the_selector_is_the_rule_not_a_list_of_names():
    assert group_selector("全市各中小学") == group_selector("各中小学")
    assert group_selector("各中小学") != group_selector("各幼儿园")
