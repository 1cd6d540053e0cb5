"""The lead section suggested for a plan item: its title first, its text only after."""

from __future__ import annotations

from planner_desktop.domain.lead_suggestion import KeywordTable, suggest_lead

TABLE = KeywordTable.default()


def test_the_title_outweighs_the_text():
    text = "坚持把党的领导贯穿教育和体育工作全过程，统筹推进教育、体育、艺术和卫生工作。"
    assert suggest_lead("加强党的全面领导", text, TABLE) == "机关党委"


def test_party_building_goes_to_the_party_office():
    assert suggest_lead("抓实基层党建", "", TABLE) == "机关党委"
    assert suggest_lead("加强中小学校党组织建设", "", TABLE) == "机关党委"


def test_the_text_decides_when_the_title_names_no_section():
    assert suggest_lead("深化课程改革", "开齐开足体育与健康课程", TABLE) == "体卫艺股"
    # 党的 in the text of another section's item loses the tie (it is the table's last row).
    assert suggest_lead("深化课程改革", "全面贯彻党的教育方针，开齐开足体育课程", TABLE) == "体卫艺股"


def test_the_text_breaks_a_tie_between_title_words():
    assert suggest_lead("安全与资助工作", "落实资助政策", TABLE) == "资助中心"
