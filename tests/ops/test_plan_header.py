"""A plan document's year and bureau, taken from the text that states them; the page's address
copied with a web text is no part of the title."""

from __future__ import annotations

from planner_desktop.ops.plan_import import commit_plan_document, preview_plan_document
from planner_desktop.ops.reports import bulletin_defaults

ITEMS = """一、加强党的全面领导
1.深入学习贯彻党的二十大精神。组织全县教育系统开展专题学习，年底前完成。
二、推进教育高质量发展
1.扩大学前教育资源。新增公办幼儿园学位600个，6月底前完成。
"""


def test_a_url_line_above_the_title_is_dropped(ledger):
    text = ("https://www.qingxi.gov.cn/art/2024/2/5/art_1229_4321.html\n青溪县教育局2024年工作要点\n"
            "2024年，全县教育系统坚持立德树人。\n" + ITEMS)
    preview = preview_plan_document(ledger, None, text=text)
    assert preview.outline.title == "青溪县教育局2024年工作要点"
    assert preview.outline.year == 2024 and preview.issuer == "青溪县教育局"


def test_year_and_bureau_from_the_portal_record_and_the_opening_sentence(ledger):
    text = ("索引号：11330000/2024-00123\n发文机关：青溪县教育和体育局\n成文日期：2024-02-05\n"
            "教育工作要点\n2024年是实施“十四五”规划的关键之年。2023年，全县教育系统取得了新成绩。\n"
            + ITEMS)
    preview = preview_plan_document(ledger, None, text=text)
    assert preview.outline.title == "教育工作要点"
    assert preview.outline.year == 2024
    assert not any("没有写明年度" in w for w in preview.warnings)
    assert preview.issuer == "青溪县教育和体育局"
    dues = [n.deadline.due.isoformat() for _, n in preview.outline.walk() if n.deadline]
    assert dues == ["2024-12-31", "2024-06-30"]
    created = commit_plan_document(ledger, preview)
    plan = ledger.query("SELECT title, year, issuer FROM plan WHERE id = ?", (created.plan_id,))[0]
    assert plan == {"title": "教育工作要点", "year": 2024, "issuer": "青溪县教育和体育局"}
    assert bulletin_defaults(ledger, created.plan_id).office == "青溪县教育和体育局办公室"


def test_no_year_written_is_still_said(ledger):
    preview = preview_plan_document(ledger, None, text="教育工作要点\n全县教育系统坚持立德树人。\n" + ITEMS)
    assert any("没有写明年度" in w for w in preview.warnings)
    assert preview.issuer == ""
