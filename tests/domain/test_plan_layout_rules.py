"""Layouts of real plans, each reduced to the few lines that show it: school plans numbered
by part, chapter and decimal codes, tables of contents, a site's notices, and codes a copy
could not store. Each is a rule of the reading, not of one document."""

from __future__ import annotations

import pytest

from planner_desktop.domain import plan_outline as po
from planner_desktop.domain.outline_codes import parse_code
from planner_desktop.domain.plan_cleaning import SourceParagraph, clean_paragraphs, is_junk
from planner_desktop.domain.plan_outline.markers import lead_marker


def tree_of(text: str) -> list[tuple[int, str]]:
    """(level, title) of every item of the whole document."""
    paragraphs = [SourceParagraph(line, i) for i, line in enumerate(text.splitlines(), 1)]
    clean = clean_paragraphs(paragraphs, starts_item=po.starts_with_marker)
    outline = po.parse_outline(clean, year=2025)
    return [(level, node.title) for root in outline.roots for level, node in root.walk()]


@pytest.mark.parametrize(("text", "style", "number", "rest"), [
    ("第二部分:发展任务", "part", 2, "发展任务"),
    ("第四章：德育创新", "chapter", 4, "德育创新"),
    ("第十二章 保障措施", "chapter", 12, "保障措施"),
    ("第一节“十三五”成绩", "section", 1, "“十三五”成绩"),
    ("第3节 基本原则", "section", 3, "基本原则"),
])
def test_part_chapter_and_section_codes(text, style, number, rest):
    code = parse_code(text)
    assert (code.style, code.number, text[code.end:]) == (style, number, rest)


@pytest.mark.parametrize(("text", "style", "number", "rest"), [
    ("1.2年度定位", "decimal2", 2, "年度定位"),
    ("2.3.1 教师培训", "decimal3", 1, "教师培训"),
    ("1.全面推进", "arabic", 1, "全面推进"),
])
def test_decimal_codes_of_a_plan(text, style, number, rest):
    family, found_number, end, _ = lead_marker(text)
    assert (family, found_number, text[end:]) == (style, number, rest)


@pytest.mark.parametrize("text", ["1.5万元用于校舍维修", "2.5倍于去年", "第一节课前", "3.14159"])
def test_amounts_and_lessons_are_no_codes(text):
    found = lead_marker(text)
    assert found is None or found[0] not in {"decimal2", "decimal3", "section"}


def test_a_school_plan_by_chapter_decimal_and_circled_code():
    text = """学校工作计划
第一章指导思想与年度定位
1.1指导思想
以党的二十大精神为统领，落实立德树人根本任务。
1.2年度定位
本学年定为质量跃升年。
第二章关键指标
2.1教学质量指标
①中考优秀率≥42%；
②高考上线率≥92%。
2.2学生发展指标
③体质健康优良率≥58%；
?近视率年降幅≥1个百分点。
"""
    assert tree_of(text) == [
        (1, "指导思想与年度定位"), (2, "指导思想"), (2, "年度定位"),
        (1, "关键指标"), (2, "教学质量指标"), (3, "中考优秀率≥42%"), (3, "高考上线率≥92%"),
        (2, "学生发展指标"), (3, "体质健康优良率≥58%"), (3, "近视率年降幅≥1个百分点"),
    ]


def test_a_lost_code_outside_a_circled_run_is_text():
    text = "一、加强党建\n?这是一行问号开头的正文，不是要点。\n二、确保安全\n"
    assert tree_of(text) == [(1, "加强党建"), (1, "确保安全")]


def test_a_table_of_contents_before_its_body_is_dropped():
    text = """某市教育工作要点汇编
目录
1.
2.市教育局2024年工作要点19
3.市教育局2024年全市教育工作要点29
4.县教育局2024年工作要点42
一、坚持目标引领
1.全面完成年度工作任务
2.健全教育发展保障体系
二、突出两项重点工作
3.坚持科学教育质量观
"""
    assert tree_of(text) == [
        (1, "坚持目标引领"), (2, "全面完成年度工作任务"), (2, "健全教育发展保障体系"),
        (1, "突出两项重点工作"), (2, "坚持科学教育质量观"),
    ]


def test_a_table_of_contents_alone_is_the_outline_without_page_numbers():
    text = """某县“十四五”教育事业发展规划
目录

前言1

第一章发展基础和形势展望2

第一节主要成绩2

第二节存在的困难和问题13

第二章总体思路17

第一节指导思想17
"""
    assert tree_of(text) == [
        (1, "发展基础和形势展望"), (2, "主要成绩"), (2, "存在的困难和问题"),
        (1, "总体思路"), (2, "指导思想"),
    ]


def test_numbers_that_do_not_run_on_are_no_contents():
    text = "一、扩大学位供给\n新建幼儿园5\n改扩建小学3\n新增学位1\n二、确保安全\n"
    assert [title for _, title in tree_of(text)] == ["扩大学位供给", "确保安全"]


@pytest.mark.parametrize("line", [
    "1. 部分包含数学公式或PPT动画的文件，查看预览时可能会显示错乱或异常，文件下载后无此问题",
    "2. 本文档由用户上传，版权归属用户，汇文网负责整理代发布",
    "下载前请仔细阅读文档内容，确认文档内容符合您的需求后进行下载，若出现内容与标题不符可向本站投诉处理",
])
def test_a_sharing_site_speaking_of_its_files_is_junk(line):
    assert is_junk(line)


@pytest.mark.parametrize("line", [
    "加强学校网站建设，提升信息化水平。",
    "推进国家智慧教育平台应用，组织教师下载优质课例开展研修。",
])
def test_a_plan_line_naming_one_such_word_is_kept(line):
    assert not is_junk(line)


def test_anonymised_codes_and_their_run_in_parts():
    text = """一、上半年重点工作
(一)教育基础设施建设稳步推进
x.城区学校建设。县春晖路小学占地xx亩，建筑面积xxxx平方米。
x.农村中小学校建设。x.学前教育项目:xx乡中心幼儿园、xx乡中心幼儿园综合楼主体完工，正在装修。x.薄弱学校项目:改造xx乡、xx镇校舍x所，增设功能室xx个。
(二)教师队伍建设不断增强
x月-x月，招聘教师xxx名。
(三)
"""
    assert tree_of(text) == [
        (1, "上半年重点工作"), (2, "教育基础设施建设稳步推进"), (3, "城区学校建设"),
        (3, "农村中小学校建设"), (4, "学前教育项目"), (4, "薄弱学校项目"),
        (2, "教师队伍建设不断增强"),
    ]


def test_a_sharing_site_record_of_the_file_is_junk():
    assert is_junk("2021-04-17 | 格式:DOC | 分类: 机关公文 > 其他")
    assert is_junk("摘要: 教育局上半年工作总结 一、上半年重点工作 ...(全文共:1831字)")
    assert not is_junk("规范教案格式，推进集体备课。")


def test_a_body_printed_twice_is_read_once():
    body = """一、工作总体进展情况
市教育局承担市政府民生实事“新建成中小学、幼儿园70所”任务。
二、下一步工作重点
倒排计划，压实责任，督促各地全力做好学校建设项目推进工作。
"""
    text = "民生实事项目进展情况\n" + body + "该链接属站外链接，是否继续访问\n" + body
    assert tree_of(text) == [(1, "工作总体进展情况"), (1, "下一步工作重点")]


def test_a_short_heading_repeated_in_each_section_is_kept():
    text = """一、加强党建
主要措施：
1.强化理论学习。
二、确保安全
主要措施：
2.开展隐患排查。
"""
    assert tree_of(text) == [(1, "加强党建"), (2, "强化理论学习"), (1, "确保安全"),
                             (2, "开展隐患排查")]


def test_headings_that_lost_their_codes_and_a_labelled_run():
    text = """某县实验中学20xx—20xx学年第二学期工作计划
指导思想
坚持以科学发展观为指导，认真贯彻党的教育方针，全面推进素质教育。
工作目标和重点
学校管理目标:全面实施以德治校、依法治校方案，进一步完善校长负责制。
队伍建设目标:建设一支师德高尚、业务精良、结构合理的教师队伍。
德育工作目标:一是进一步完善德育工作网络。二是加强行为习惯养成教育。
"""
    assert tree_of(text) == [
        (1, "指导思想"), (1, "工作目标和重点"), (2, "学校管理目标"), (2, "队伍建设目标"),
        (2, "德育工作目标"), (3, "进一步完善德育工作网络"), (3, "加强行为习惯养成教育"),
    ]


def test_a_label_alone_heads_the_labelled_items_after_it():
    text = """第二部分:发展任务
(一)明确育人目标
以理想和信仰的追寻、人生和人性的教育为主线。
初中阶段:
初一年级:以“养成习惯、学会感恩”为目标，培养学生有明确的学习目标。
初二年级:以“审美情趣、责任意识的提高”为目标，引导学生自爱自强。
高中阶段:
高一年级:以“规范行为、适应高中生活”为目标，开展爱校教育和人生规划。
高二年级:以“培养公民意识”为目标，致力培养有责任感的公民。
(二)创新德育途径
"""
    assert tree_of(text) == [
        (1, "发展任务"), (2, "明确育人目标"), (3, "初中阶段"), (4, "初一年级"), (4, "初二年级"),
        (3, "高中阶段"), (4, "高一年级"), (4, "高二年级"), (2, "创新德育途径"),
    ]


def test_field_labels_and_labels_of_figures_are_no_items():
    text = """一、加强安全管理
1.开展隐患排查。每月排查一次校舍、消防和食品安全隐患。
责任单位:安全股、各中小学
完成时限:2025年12月底前全部整改到位
配合单位:基础教育股、教研室和各乡镇中心学校
2.开展应急演练。
联系电话: 0551-64652807
发文日期: 2025-06-13
"""
    assert tree_of(text) == [(1, "加强安全管理"), (2, "开展隐患排查"), (2, "开展应急演练")]


def test_a_short_line_in_a_numbered_document_is_no_heading():
    text = """2025年工作要点
总体要求
坚持立德树人根本任务，办好人民满意的教育。一、加强党的建设。坚持党的全面领导。
二、确保校园安全。开展隐患排查。
"""
    assert [title for _, title in tree_of(text)] == ["加强党的建设", "确保校园安全"]


def test_a_table_flattened_with_cell_bars():
    text = """类别 | 民生事项名称 | 2022年度任务目标 | 责任单位
四、教育文化 | 14.改扩建泉山学校 | 完成一期2座教学楼建设。 | 教育体育局
15.推进塑胶运动场地建设 | 完成13处农村学校塑胶运动场地建设。 | 教育体育局
16.推进义务教育课后服务 | 对全市34所义务教育学校实行课后服务全覆盖。 | 教育体育局
索引号: | 113706850042672474/2022-04772 | 成文日期: | 2022-10-08 |
"""
    assert tree_of(text) == [(1, "教育文化"), (2, "改扩建泉山学校"), (2, "推进塑胶运动场地建设"),
                             (2, "推进义务教育课后服务")]


@pytest.mark.parametrize(("raw", "title"), [
    # a review's headline fused with its measures, no mark between
    ("党建工作全面加强落实党组织领导的校长负责制，深化典型选树。", "党建工作全面加强"),
    ("教育资源供给加速扩张持续加大教育投入力度。全年投入教育经费20亿元。", "教育资源供给加速扩张"),
    # two short phrases side by side make one heading
    ("加强领导，建立健全语言文字组织机构，明确分工，责任到人，把创建活动作为重要工作来抓。",
     "加强领导，建立健全语言文字组织机构"),
    # a first clause of 70 characters is the title, not 30 characters and …
    ("根据“三纳入一渗透”（纳入学校培养目标、纳入管理常规、纳入基本功训练、渗透到学生德智体美和社会实践"
     "等各项教育教学活动中）的要求，结合我校的实际情况，继续把语言文字工作放到重要地位。",
     "根据“三纳入一渗透”（纳入学校培养目标、纳入管理常规、纳入基本功训练、渗透到学生德智体美和社会实践"
     "等各项教育教学活动中）的要求"),
    # 并制定 goes on the clause; it starts no measure
    ("把语言文字工作列入学校各类工作计划之中并制定专项工作意见，目标要明确、",
     "把语言文字工作列入学校各类工作计划之中并制定专项工作意见"),
    # three short phrases that make one sentence are the title whole
    ("紧盯目标，履行职责，推进工作落地见效。持续深化教育评价改革。", "紧盯目标，履行职责，推进工作落地见效"),
    # a section heading of the plan's own words fused with its first sentence
    ("工作思路以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，落实立德树人根本任务。",
     "工作思路"),
    # two clauses that make one short sentence: the headline whole
    ("大力推动民办义务教育规范发展，狠抓义务教育结构优化工作。全市购买学位6.29万个。",
     "大力推动民办义务教育规范发展，狠抓义务教育结构优化工作"),
    # a first line wrapped in mid-sentence is no heading with its text below
    ("推进“大学习大讨论大实践大创新”活动，将开学第一课\n作为一项政治任务，开展一次集中培训、进行一次专题学习讨论。",
     "推进“大学习大讨论大实践大创新”活动"),
    ("加强领导，明确责任\n成立工作领导小组，由局长任组长。", "加强领导，明确责任"),
    # a counted label keeps what it counts; a plain label is the title
    ("三大工程：品质课程发展工程、“立德树人”提升工程、“状元”文化德育合力工程。",
     "三大工程：品质课程发展工程、“立德树人”提升工程、“状元”文化德育合力工程"),
    ("学校管理目标：全面实施以德治校、依法治校方案，进一步完善校长负责制，加强制度建设。",
     "学校管理目标"),
])
def test_where_a_title_ends(raw, title):
    assert po.split_title(raw)[0] == title


def test_a_navigation_outline_before_the_body_is_one_tree():
    text = """县教体局2023年工作总结及2024年工作计划
一、2023年工作开展情况
(一)全面加强队伍建设
1.党建质量持续提升
2.两支队伍持续深化
二、2024年工作计划
(一)全面加强党的领导
县教体局2023年工作总结及2024年工作计划
一、2023年工作开展情况
过去的一年，在县委、县政府的坚强领导下，全县教体工作取得新成效。
(一)全面加强队伍建设
1.党建质量持续提升
全年发展党员12名，牵头单位：组织人事股。
"""
    paragraphs = [SourceParagraph(line, i) for i, line in enumerate(text.splitlines(), 1)]
    outline = po.parse_outline(clean_paragraphs(paragraphs, starts_item=po.starts_with_marker),
                               year=2024)
    assert [(level, node.title) for root in outline.roots for level, node in root.walk()] == [
        (1, "2023年工作开展情况"), (2, "全面加强队伍建设"), (3, "党建质量持续提升"),
        (3, "两支队伍持续深化"), (1, "2024年工作计划"), (2, "全面加强党的领导"),
    ]
    first = outline.roots[0]
    assert "全县教体工作取得新成效" in first.text
    assert "全年发展党员12名" in first.children[0].children[0].text
    assert first.children[0].children[0].lead == "组织人事股"


def test_a_compilation_keeps_each_plans_own_sections():
    text = """某区教育系统工作计划汇编
甲校工作计划
一、指导思想
坚持立德树人，办好人民满意的教育。
乙校工作计划
一、指导思想
坚持五育并举，促进学生全面发展。
"""
    assert [title for _, title in tree_of(text)] == ["指导思想", "指导思想"]


def test_a_table_printed_one_cell_per_line():
    text = """某区教育局2025年政府工作报告重点工作任务分解表

序号

重点工作任务

主要责任单位

协同配合单位

一、主要预期目标

3

固定资产投资增长7.5%左右。

区发改委

区工信局、区教育局

二、全力以赴扩投资、优服务,筑牢经济增长根基

三、全力以赴惠民生、增福祉,加快社会事业发展

68

持续推进学前教育普及普惠、义务教育优质均衡发展,加快建设黎明小学扩建教学楼项目。

区教育局

各乡镇人民政府、街道办事处。
"""
    paragraphs = [SourceParagraph(line, i) for i, line in enumerate(text.splitlines(), 1)]
    outline = po.parse_outline(clean_paragraphs(paragraphs, starts_item=po.starts_with_marker),
                               year=2025)
    walked = [(level, node) for root in outline.roots for level, node in root.walk()]
    assert [(level, node.title) for level, node in walked] == [
        (1, "主要预期目标"), (2, "固定资产投资增长7.5%左右"),
        (1, "全力以赴扩投资、优服务,筑牢经济增长根基"), (1, "全力以赴惠民生、增福祉,加快社会事业发展"),
        (2, "持续推进学前教育普及普惠、义务教育优质均衡发展,加快建设黎明小学扩建教学楼项目"),
    ]
    row_3, row_68 = walked[1][1], walked[4][1]
    assert row_3.code.endswith("3") and row_68.code.endswith("68"), "the codes as written"
    assert row_3.lead == "区发改委" and row_3.support() == ["区工信局", "区教育局"]
    assert row_68.lead == "区教育局"


def test_cells_ending_in_bars_and_a_person_column():
    text = """重点工作目标任务分解表
序号 |
目标与任务 |
分 管 县领导 |
牵头责任单位 |
责任单位 |
80 |
积极回应群众新期待新要求,加大普惠性托育供给,新增托位数400个以上。
俞 悦 |
县教育局 |
县各有关单位 |
"""
    paragraphs = [SourceParagraph(line, i) for i, line in enumerate(text.splitlines(), 1)]
    outline = po.parse_outline(clean_paragraphs(paragraphs, starts_item=po.starts_with_marker),
                               year=2024)
    (row,) = outline.roots
    assert row.title == "积极回应群众新期待新要求,加大普惠性托育供给,新增托位数400个以上"
    assert row.lead == "县教育局" and row.support() == ["县各有关单位"]
    assert "俞 悦" not in [m.name for m in row.units]


def test_a_section_numbering_its_parts_with_its_own_style_again():
    text = """学校第一学期工作计划
一、指导思想
坚持立德树人，办好人民满意的教育。
二、工作目标
1.一个目标：市级一流的乡镇品牌学校。
三、主要工作及措施
学校将稳中求新抓改革，向建设品质学校迈开坚实的步伐。
一、内涵发展促提升
1.加快五大校园建设。一是加快品质校园建设。二是加快书香校园建设。
二、队伍建设强素质
2.加强师德师风建设。
四、保障措施
"""
    assert tree_of(text) == [
        (1, "指导思想"), (1, "工作目标"), (2, "一个目标：市级一流的乡镇品牌学校"),
        (1, "主要工作及措施"), (2, "内涵发展促提升"), (3, "加快五大校园建设"),
        (4, "加快品质校园建设"), (4, "加快书香校园建设"), (2, "队伍建设强素质"),
        (3, "加强师德师风建设"), (1, "保障措施"),
    ]


def test_a_second_plan_after_a_long_last_section_starts_again_at_the_top():
    body = "继续深化教育改革，推进义务教育优质均衡发展，办好人民满意的教育。" * 6
    text = f"""某区学校工作计划汇编
甲校工作计划
一、指导思想
坚持立德树人。
二、下一步打算
{body}
乙校工作计划
一、指导思想
坚持五育并举。
"""
    assert tree_of(text) == [(1, "指导思想"), (1, "下一步打算"), (1, "指导思想")]
