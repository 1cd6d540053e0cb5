"""The one definition of an outline code, and the plan and task-list parsers agreeing on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner_desktop.domain.outline_codes import (
    STYLES,
    ItemNumber,
    chinese_numeral,
    item_number,
    label,
    number_items,
    numbered_title,
    parse_code,
    read_code,
    render,
)
from planner_desktop.domain.plan_cleaning import clean_paragraphs
from planner_desktop.domain.plan_outline import parse_outline, starts_with_marker
from planner_desktop.exchange.grid import Grid, Workbook
from planner_desktop.exchange.plan_document import read_plan_text
from planner_desktop.exchange.tasklist import parse_task_list, split_code

# Every style, written with full-width and with half-width punctuation.
WRITTEN = [
    ("一、加强党建", "cn", 1, "加强党建"),
    ("十二．加强党建", "cn", 12, "加强党建"),
    ("三.加强党建", "cn", 3, "加强党建"),
    ("四，加强党建", "cn", 4, "加强党建"),
    ("（一）完善制度", "cn_paren", 1, "完善制度"),
    ("(二)完善制度", "cn_paren", 2, "完善制度"),
    ("（ 三 ）、完善制度", "cn_paren", 3, "完善制度"),
    ("1.推进工作", "arabic", 1, "推进工作"),
    ("2．推进工作", "arabic", 2, "推进工作"),
    ("3、推进工作", "arabic", 3, "推进工作"),
    ("12 推进工作", "arabic", 12, "推进工作"),
    ("（1）开展排查", "ar_paren", 1, "开展排查"),
    ("(2)开展排查", "ar_paren", 2, "开展排查"),
    ("3）开展排查", "ar_paren", 3, "开展排查"),
    ("①落实责任", "circled", 1, "落实责任"),
    ("⑳落实责任", "circled", 20, "落实责任"),
    ("一是加强统筹", "shi", 1, "加强统筹"),
    ("二十一是加强统筹", "shi", 21, "加强统筹"),
]


@pytest.mark.parametrize(("text", "style", "number", "rest"), WRITTEN)
def test_every_style_is_parsed_with_its_number(text, style, number, rest):
    code = parse_code(text)
    assert (code.style, code.number, text[code.end:]) == (style, number, rest)


@pytest.mark.parametrize("text", ["加强党建", "十十、重复", "2024年底前", "1.5亿元", "一批学校", "（1.5）",
                                  ""])
def test_what_is_not_a_code(text):
    assert parse_code(text) is None


def test_styles_limit_what_is_looked_for():
    assert parse_code("一是加强统筹", ("cn", "cn_paren", "arabic")) is None
    assert parse_code("（1）开展排查", ("cn", "cn_paren", "arabic")) is None
    assert parse_code("  （一）完善制度", ("cn_paren",)).style == "cn_paren"


@pytest.mark.parametrize(("style", "written", "in_path"), [
    ("cn", "一、", "一"), ("cn_paren", "（一）", "(一)"), ("arabic", "1.", "1"),
    ("ar_paren", "（1）", "(1)"), ("circled", "①", "①"), ("shi", "一是", "一是")])
def test_render_and_label_read_back(style, written, in_path):
    assert render(style, 1) == written and label(style, 1) == in_path
    assert read_code(written) == read_code(in_path) == (style, 1)


def test_every_style_renders_what_it_parses():
    for name in STYLES:
        for number in (1, 9, 10, 15, 20):
            code = parse_code(render(name, number) + ("加强" if name != "circled" else ""))
            assert (code.style, code.number) == (name, number)


def test_numerals_and_bare_codes():
    assert [chinese_numeral(n) for n in (1, 10, 11, 20, 99, 100)] == [
        "一", "十", "十一", "二十", "九十九", "100"]
    assert label("circled", 21) == "(21)"
    assert read_code("7") == ("arabic", 7) and read_code("七") == ("cn", 7)
    assert read_code("⑦") == ("circled", 7) and read_code("第七") is None


def test_a_cell_splits_as_a_plan_line_starts():
    """The task-list parser splits a cell's code by the same definition."""
    assert split_code("（一）、完善制度") == ("（一）、", "完善制度")
    assert split_code("四，加强党建") == ("四，", "加强党建")
    assert split_code("一是加强统筹") == ("", "一是加强统筹")  # its text, not a code


def test_a_task_list_and_a_plan_number_the_same_item_alike():
    rows = [["序号", "重点任务", "牵头单位", "完成时限"],
            ["一、加强党的建设", "", "", ""],
            ["（一）完善制度建设", "", "", ""],
            ["1", "落实主体责任", "办公室", "2025年6月底"],
            ["2", "加强队伍建设", "人事股", "2025年9月底"],
            ["二、推进优质均衡", "", "", ""],
            ["1", "扩大优质资源", "基础教育股", "2025年12月底"]]
    grid = Grid("任务表", [row[:] for row in rows])
    tasks = parse_task_list(Workbook(Path("list.xlsx"), "xlsx", [grid]), year=2025)
    text = ("一、加强党的建设\n（一）完善制度建设\n1.落实主体责任。\n2.加强队伍建设。\n"
            "二、推进优质均衡\n1.扩大优质资源。")
    paragraphs = read_plan_text(text).paragraphs
    plan = parse_outline(clean_paragraphs(paragraphs, starts_item=starts_with_marker), year=2025)
    task_codes = [read_code(item.code) for _, item in tasks.plan.walk()]
    plan_codes = [read_code(node.code.rsplit(".", 1)[-1]) for _, node in plan.walk()]
    assert task_codes == plan_codes == [("cn", 1), ("cn_paren", 1), ("arabic", 1),
                                        ("arabic", 2), ("cn", 2), ("arabic", 1)]


@pytest.mark.parametrize(("codes", "number"), [
    (["一"], "一、"),  # a plan document's path codes
    (["一", "一.1"], "一、1."),
    (["二", "二.(一)", "二.(一).2"], "二、（一）2."),
    (["一", "一.(一)", "一.(一).1", "一.(一).1.(1)", "一.(一).1.(1).①"], "一、（一）1.（1）①"),
    (["一", "一.一是"], "一、一是"),
    (["一、", "1", "（1）"], "一、1.（1）"),  # a task list's written markers
    (["一、", "（一）", "1.", "(2)"], "一、（一）1.（2）"),
    (["1", "1.1", "1.1.2"], "1.1.2"),  # a decimal 序号 stands for the steps above it
    (["一、", "1.2"], "一、1.2"),
    (["第一部分", "第一部分.一"], "第一部分一、"),
    (["附件", "1"], "附件1."),  # what is no code stays as written
])
def test_an_items_number_is_its_markers_as_written(codes, number):
    assert item_number(codes) == number


def test_numbered_items_carry_the_path_above_them():
    numbers = number_items([(1, None, "一", "坚持党建引领"), (2, 1, "一.(一)", "强化理论武装"),
                            (3, 2, "一.(一).1", "开展专题学习"), (4, None, "二", "守牢安全底线")])
    assert numbers[3] == ItemNumber("一、（一）1.", ("一、坚持党建引领", "（一）强化理论武装"))
    assert numbers[4] == ItemNumber("二、", ())
    assert numbered_title("1.", "标题") == "1. 标题" and numbered_title("（一）", "标题") == "（一）标题"
