"""Quantitative targets found in plan text, and the Chinese numerals they may be written in."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner_desktop.domain.targets import Target, find_targets
from planner_desktop.domain.text import chinese_numeral_to_int

PLANS = Path(__file__).resolve().parents[1] / "samples" / "plans"


def found(text: str) -> list[tuple[float | None, str, str, str, bool]]:
    """(number, unit, subject, comparator, placeholder) of each target, for short asserts."""
    return [(t.number, t.unit, t.subject, t.comparator, t.placeholder) for t in find_targets(text)]


# --- Chinese numerals -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一", 1), ("两", 2), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20), ("二十一", 21),
        ("九十九", 99), ("〇", 0), ("零", 0), ("一百", 100), ("一百零五", 105), ("一百二十", 120),
        ("两百", 200), ("二〇二三", 2023), ("二零二零", 2020), (" 十二 ", 12),
    ],
)
def test_chinese_numeral_to_int(numeral, value):
    assert chinese_numeral_to_int(numeral) == value


@pytest.mark.parametrize("text", ["", "十十", "百", "五成", "12", "第三", "三个", "x"])
def test_not_a_chinese_numeral(text):
    assert chinese_numeral_to_int(text) is None


# --- single phrases ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "unit", "subject", "comparator", "placeholder"),
    [
        ("新增国家高新技术企业12家", 12, "家", "国家高新技术企业", "", False),
        ("普惠性幼儿园覆盖率达80%", 80, "%", "普惠性幼儿园覆盖率", ">=", False),
        ("建设芙蓉学校9所", 9, "所", "芙蓉学校", "", False),
        ("不少于2对", 2, "对", "", ">=", False),
        ("中职占比到达xx%以上", None, "%", "中职占比", ">=", True),
        ("创立省级终身学习品牌x个", None, "个", "省级终身学习品牌", "", True),
        ("*所", None, "所", "", "", True),
        ("xx万元", None, "万元", "", "", True),
        ("X%", None, "%", "", "", True),
        ("投入资金1.2亿元", 1.2, "亿元", "资金", "", False),
        ("培训教师3000人次", 3000, "人次", "教师", "", False),
        ("达标率达100%", 100, "%", "达标率", ">=", False),
        ("巩固率保持在99.5%以上", 99.5, "%", "巩固率", ">=", False),
        ("控制在5%以内", 5, "%", "", "<=", False),
        ("建设三所", 3, "所", "", "", False),
        ("新建两所小学", 2, "所", "小学", "", False),
        ("重点支持8个省级名师工作室建设", 8, "个", "省级名师工作室", "", False),
        ("选派x名教师到农村学校全职支教", None, "名", "教师", "", True),
        ("组织9000余名教师参加国培计划", 9000, "名", "教师", ">=", False),
        ("帮助学生掌握1－2项艺术特长", 1, "项", "艺术特长", ">=", False),
        ("大班额比例不超过5%", 5, "%", "大班额比例", "<=", False),
        ("达标率不低于95%", 95, "%", "达标率", ">=", False),
        ("专任教师学历合格率提高到98%", 98, "%", "专任教师学历合格率", ">=", False),
        ("今年投入近X个亿", None, "亿元", "", "", True),
        ("每年培训不少于72学时", 72, "学时", "每年培训", ">=", False),
        ("新建校舍1.5万平方米", 1.5, "万平方米", "校舍", "", False),
        ("参与演练10.5万人次", 10.5, "万人次", "参与演练", "", False),
        ("新增１２家", 12, "家", "", "", False),  # full-width digits
        ("培训学生3,000人次", 3000, "人次", "学生", "", False),
        ("预计全年需要资金XX万元左右", None, "万元", "预计全年需要资金", "", True),
        ("培育“五好党支部x个", None, "个", "五好党支部", "", True),  # quote lost in the copy
        ("保障学生每天锻炼一小时", 1, "小时", "保障学生每天锻炼", "", False),
    ],
)
def test_a_target(text, number, unit, subject, comparator, placeholder):
    assert found(text) == [(number, unit, subject, comparator, placeholder)]


def test_target_offsets_and_phrase():
    text = "一、加强学前教育。新增普惠性幼儿园5所,普惠性幼儿园覆盖率达80%以上。"
    first, second = find_targets(text)
    assert first == Target(text="新增普惠性幼儿园5所", number=5.0, unit="所",
                           subject="普惠性幼儿园", placeholder=False, comparator="", start=17,
                           end=19)
    assert text[first.start:first.end] == "5所"
    assert second.text == "普惠性幼儿园覆盖率达80%以上"
    assert text[second.start:second.end] == "80%以上"


def test_offsets_point_into_the_original_text_with_full_width_digits():
    text = "完成培训１２０人次"
    [target] = find_targets(text)
    assert text[target.start:target.end] == "１２０人次" and target.number == 120


@pytest.mark.parametrize(
    "text",
    [
        # dates and periods
        "2023年工作要点", "6月30日前完成", "“十四五”规划编制", "第3季度", "2020.10.31",
        "开展6个月主题党日", "3个工作日内办结", "3天内完成", "24小时内报告",
        "在入学两个月内发放到位",
        # ordinals, ranks and outline numbers
        "第X名", "成为我县第一所高职院校", "全市前3名", "一、加强党的建设", "1.加强党的全面领导",
        "（1）完善制度",
        # slogans and names made of numerals
        "增强“四个意识”", "做到“两个维护”", "建立“一对一”“一对多”帮扶机制", "“一校一特色”",
        "落实“一件事一次办”", "三项暖民心行动", "深入开展八个方面突出问题专项整治", "完善三个台账",
        "抓好校园安防4个100%建设", "一批",
        # hidden text (*, X) that is not a figure
        "构建市、县、校*家庭教育指导服务网络", "服务乡村*人才培养", "强化产学研用*支持",
        "推进“*+党建共建”", "X县教育局", "X小区幼儿园", "xlsx个",
        "",
    ],
)
def test_not_a_target(text):
    assert find_targets(text) == []


# --- real paragraphs from the sample plans ----------------------------------------------------

SAFE_CAMPUS = (  # 001, item 7
    "7.创建“平安校园”。申报省级平安校园建设先进县市区1个、省级安全文明校园3所、州级安全文明校园5所;"
    "申报省级毒品预防教育示范校2所,创建州级毒品预防教育示范校8所。"
)
PRESCHOOL = (  # 001, item 9 (beginning) and the sentence on class sizes
    "9.统筹推进各类教育协调发展。加大公办幼儿园建设,不断扩大公办幼儿园学位,完成城镇小区配套幼儿园治理,"
    "公办园在园幼儿占比达50%,普惠性幼儿园覆盖率达80%,学前三年毛入园率达85%。小学、初中新生招生班额"
    "严格控制在45人、50人以内,三类残疾儿童少年入学率达95%以上。全面消除普通高中66人以上超大班额,"
    "56人以上大班额比例控制在15%以下。"
)
PROJECTS = (  # 001, item 11 and item 14
    "坚持做到“四不摘”,着力义务教育全覆盖,继续完善控辍保学、资助、教育事业发展水平三个台账,在入学两个月"
    "内将本学期各类教育生活补助发放到位。扎实推进教育重点项目工程建设,建设芙蓉学校9所、农村公办幼儿园"
    "省级项目园53所,实施义务教育薄弱环节改善与能力提升工程。各县市城乡之间、学校之间强校带弱校结对帮扶"
    "不少于2对,名校至少办1所分校。"
)
SCIENCE = (  # 000, science and technology
    "二深化科技创新效劳。加快建立以企业为主体、市场为导向、产学研深度融合的技术创新体系,新增国家高新技术"
    "企业12家,省级创新平台x家,入库国家科技型中小企业x家,高新技术产值到达x亿元。三深化科技成果转化。"
    "力争省级科技成果转化示范企业到达x家,全县技术合同交易额到达x万元。三、实施全民健身工程"
)
HIDDEN = (  # 002: a copy with figures hidden as *, and outline numbers glued to the text
    "二、坚持聚力攻坚,打造教育改革“X样板”6全力建设全国学校家庭社会协同育人实验区制定全国校家社协同育人"
    "实验区建设实施方案,启动实施若干重点专项行动构建市、县、校*家庭教育指导服务网络举办“开学家长第*”,"
    "开展“百万父母学做好家长”行动,扩容本地优质课程*,打造“泉家教”特色品牌7深入推进教育数智化转型升级"
)
SUMMARY = (  # 004: a half-year summary with facts rather than targets
    "实施“中青年骨干教师提升研修”项目，组织9000余名教师参加中小学校幼儿园教师国培计划。抓好校园安防4个100%"
    "建设，实行“五值”管理，值班领导一日五巡查。利用5个教育集团，建立城市优质学校“一对一”“一对多”帮扶农村"
    "学校机制。新增托位700个，幼儿园学位1400个。"
)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (SAFE_CAMPUS, [
            (1, "个", "省级平安校园建设先进县市区", "", False),
            (3, "所", "省级安全文明校园", "", False),
            (5, "所", "州级安全文明校园", "", False),
            (2, "所", "省级毒品预防教育示范校", "", False),
            (8, "所", "州级毒品预防教育示范校", "", False),
        ]),
        (PRESCHOOL, [
            (50, "%", "公办园在园幼儿占比", ">=", False),
            (80, "%", "普惠性幼儿园覆盖率", ">=", False),
            (85, "%", "学前三年毛入园率", ">=", False),
            (45, "人", "初中新生招生班额", "<=", False),
            (50, "人", "", "<=", False),
            (95, "%", "三类残疾儿童少年入学率", ">=", False),
            (66, "人", "超大班额", ">=", False),
            (56, "人", "大班额比例", ">=", False),
            (15, "%", "大班额比例", "<=", False),
        ]),
        (PROJECTS, [
            (9, "所", "芙蓉学校", "", False),
            (53, "所", "农村公办幼儿园省级项目园", "", False),
            (2, "对", "学校之间强校带弱校结对帮扶", ">=", False),
            (1, "所", "分校", "", False),
        ]),
        (SCIENCE, [
            (12, "家", "国家高新技术企业", "", False),
            (None, "家", "省级创新平台", "", True),
            (None, "家", "入库国家科技型中小企业", "", True),
            (None, "亿元", "高新技术产值", ">=", True),
            (None, "家", "省级科技成果转化示范企业", ">=", True),
            (None, "万元", "技术合同交易额", ">=", True),
        ]),
        (HIDDEN, []),
        (SUMMARY, [
            (9000, "名", "教师", ">=", False),
            (5, "个", "教育集团", "", False),
            (700, "个", "托位", "", False),
            (1400, "个", "幼儿园学位", "", False),
        ]),
    ],
    ids=["safe-campus", "preschool", "projects", "science", "hidden", "summary"],
)
def test_real_paragraphs(paragraph, expected):
    assert found(paragraph) == expected


@pytest.mark.skipif(not PLANS.is_dir(), reason="shared samples not present")
@pytest.mark.parametrize("name", sorted(p.name for p in PLANS.glob("*.txt")) if PLANS.is_dir()
                         else [])
def test_whole_sample_plans_give_sane_targets(name):
    text = (PLANS / name).read_text(encoding="utf-8")
    targets = find_targets(text)
    assert targets
    for target in targets:
        written = text[target.start:target.end]
        assert target.unit and written and target.text
        assert target.start < target.end and target.text in text
        assert text[target.start - 1:target.start] != "第", written
        assert (target.number is None) == target.placeholder, written
        assert target.number is None or target.number > 0, written
        assert target.comparator in ("", ">=", "<=")
        assert "年" not in written and "月" not in written, written
    assert [t.start for t in targets] == sorted(t.start for t in targets)


def test_long_texts_are_scanned_quickly():
    import time

    text = (SAFE_CAMPUS + PRESCHOOL + PROJECTS + SCIENCE + SUMMARY) * 40  # ~50 000 characters
    began = time.perf_counter()
    assert len(find_targets(text)) == 28 * 40
    assert time.perf_counter() - began < 1.0
