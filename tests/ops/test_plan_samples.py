"""The five real plan documents read into the trees a clerk would type by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner_desktop.ops.plan_import import preview_plan_document

SHARED = Path(__file__).resolve().parents[3] / "shared" / "samples" / "plans"
LOCAL = Path(__file__).resolve().parents[1] / "samples" / "plans"


def sample(prefix: str, suffix: str = ".txt") -> Path:
    for folder in (SHARED, LOCAL):
        found = sorted(folder.glob(f"{prefix}*{suffix}")) if folder.is_dir() else []
        found = [p for p in found if p.name.endswith(suffix)]
        if found:
            return found[0]
    pytest.skip(f"sample {prefix}{suffix} not available")


SECTIONS_001 = [
    "以理论武装为引领,全面加强基层党的建设", "以师生安全为底线,全力打好打赢疫情防控阻击战",
    "以立德树人为根本,整体提升基础教育质量", "以内涵发展为核心,努力创办公平而有质量的教育",
    "以产教融合为支撑,加快发展现代职业教育", "以深化改革为重点,破解人民群众关切难题",
    "以创新机制为关键,营造全民健身浓厚氛围", "以人才培养为目标,大力实施“竞技夺牌”计划",
    "以综合服务为保障,统筹推进各项工作",
]
EXPECTED = {
    "000": (["实施质量兴教工程,落实立德树人", "实施科技创新工程,优化科技效劳",
             "实施全民健身工程,增强群众体质", "实施脱贫攻坚工程,提升脱贫成效",
             "实施平安校园工程,营造和谐环境", "实施党建领航工程,推进从严治党"],
            {"1": 6, "2": 18}),
    "001": (SECTIONS_001, {"1": 9, "2": 35}),
    "002": (["坚持守正创新,加强党对教育工作的全面领导", "坚持聚力攻坚,打造教育改革“X样板”",
             "坚持市域统筹,构建高质量教育体系", "坚持多维驱动,提升办学治校育人水平",
             "坚持人民至上,推进教育服务暖心", "坚持责任落实,强化教育发展要素保障"],
            {"1": 6, "2": 27}),
    "003": (["切实筑牢学前教育基础", "加快推动义务教育发展", "全面强化高中优质发展", "全面提升特殊教育水平",
             "全力推进职业教育环境", "纵深推进科技创新改革"],
            {"1": 6, "2": 10}),
    "004": (["加强党的领导，全面提升教育系统党的建设水平", "聚力培根铸魂，推动立德树人全面实施",
             "坚持创新驱动，推动各级各类教育高质量发展", "优化融合方式，加快体育现代化发展",
             "提升保障水平，夯实教育高质量发展基础"],
            {"1": 5, "2": 20}),
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_sections_and_levels_of_each_sample(prefix):
    preview = preview_plan_document(None, sample(prefix))
    sections, levels = EXPECTED[prefix]
    assert preview.outline.sections() == sections
    assert preview.outline.levels() == levels


def test_001_has_its_35_numbered_items_and_named_targets():
    preview = preview_plan_document(None, sample("001"))
    outline = preview.outline
    numbered = [node for level, node in outline.walk() if level == 2]
    assert [node.number for node in numbered] == list(range(1, 36))
    assert numbered[5].title == "加强安全风险防控"  # title run into its text, no full stop
    texts = {t.text for _, node in outline.walk() for t in node.targets}
    for wanted in ("公办园在园幼儿占比达50%", "普惠性幼儿园覆盖率达80%", "学前三年毛入园率达85%",
                   "建设芙蓉学校9所", "完成州本级400名公费定向师范生招生计划"):
        assert wanted in texts
    assert outline.title == "2020年全州教育和体育工作要点" and outline.year == 2020
    assert outline.preamble.startswith("2020年全州教育和体育工作总体要求是")
    assert not any("扫一扫" in node.text or "打印" in node.text for _, node in outline.walk())
    assert "扫一扫在手机打开" in outline.removed


def test_000_line_numbers_of_the_copy_are_not_items_and_brackets_lost_are_found():
    outline = preview_plan_document(None, sample("000")).outline
    first = outline.items[0]
    assert [c.title for c in first.children] == ["加强教育质量管理", "加强活动育人管理", "加强工程建设管理"]
    # "…未成年人理\n3、想道德教育": the converter's line number is gone, the word joined again
    assert "未成年人理想道德教育" in first.children[1].text
    assert outline.title == "x县教育科技和体育局2023年工作要点" and outline.year == 2023
    placeholders = [t for _, n in outline.walk() for t in n.targets if t.placeholder]
    assert placeholders and all(t.number is None for t in placeholders)
    assert outline.items[1].children[1].code == "二.(二)"


def test_002_glued_numbers_and_hidden_figures_continue_the_numbering():
    outline = preview_plan_document(None, sample("002")).outline
    third = outline.items[2]
    assert [c.number for c in third.children] == list(range(10, 18))
    assert third.children[0].title == "高水平建设优质普惠的学前教育"
    assert outline.items[0].children[0].title == "全面加强政治机关建设"
    assert "还剩7页未读,继续阅读" in outline.removed


def test_003_only_the_plan_part_and_none_of_the_banners():
    preview = preview_plan_document(None, sample("003"))
    outline = preview.outline
    assert preview.mixed and outline.plan_part.title == "2021年工作思路"
    assert outline.year == 2021
    second = outline.items[1]
    assert [c.code for c in second.children] == [f"2.{n}是" for n in "一二三四五六七"]
    all_text = " ".join(n.full_text() for _, n in outline.walk()) + outline.preamble
    for banner in ("QQ", "酷乐文行", "会员", "订阅"):
        assert banner not in all_text
    five = second.children[4]
    assert five.deadline is not None and five.deadline.due.isoformat() == "2021-04-30"
    assert "2021年元月15日前" in five.deadline.text
    # the whole document is still there for the clerk who wants it
    preview.use_plan_part(False)
    assert [n.title for n in outline.items] == ["2020年工作成效", "存在的困难", "2021年工作思路"]


def test_004_only_the_second_half_plan():
    outline = preview_plan_document(None, sample("004")).outline
    assert outline.plan_part.title == "下半年工作计划"
    codes = {node.code: node for _, node in outline.walk()}
    assert codes["(五).2"].deadline.text == "12月份前完成"
    assert codes["(五).2"].deadline.due.isoformat() == "2023-12-31"
    assert codes["(三).1"].deadline.text == "按时完工"
    assert codes["(三).1"].deadline.kind.value == "unparsed"
    assert not any("上半年工作开展情况" in n.title for _, n in outline.walk())


def test_autonumbered_docx_sample_matches_its_expectation():
    path = sample("001", "_autonumbered.docx")
    expected = json.loads(path.with_name(path.name + ".expected.json").read_text("utf-8"))
    outline = preview_plan_document(None, path).outline
    assert len(outline.items) == expected["top_level"]
    assert outline.levels() == expected["levels"]
    assert outline.items[0].title == expected["first_section"]
    text_outline = preview_plan_document(None, sample("001")).outline
    assert outline.sections() == text_outline.sections()
    assert [n.title for _, n in outline.walk()] == [n.title for _, n in text_outline.walk()]
