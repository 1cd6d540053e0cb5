"""The plan outline parser on small texts, the clerk's edits, bad input and the command line."""

from __future__ import annotations

import json
import zipfile

import pytest

from planner_desktop.cli.main import run
from planner_desktop.domain import plan_outline as po
from planner_desktop.domain.lead_suggestion import KeywordTable, suggest_lead
from planner_desktop.domain.plan_cleaning import SourceParagraph, clean_paragraphs
from planner_desktop.errors import FileReadError
from planner_desktop.exchange.plan_document import read_plan_file
from planner_desktop.ops.plan_import import (
    commit_plan_document,
    load_keywords,
    preview_plan_document,
    save_keywords,
)


def outline_of(text: str, year: int = 2024) -> po.PlanOutline:
    paragraphs = [SourceParagraph(line, i) for i, line in enumerate(text.splitlines(), 1)]
    clean = clean_paragraphs(paragraphs, starts_item=po.starts_with_marker)
    return po.parse_outline(clean, year=year)


PLAN = """2024年某县教育工作要点
一、加强党的建设
1.加强党的全面领导。把学习作为首要政治任务（责任科室：组干科、机关党委）。
2.建强基层党建。确保达标率达100%，建设党建示范点x个。
二、确保校园安全
3.加强安全风险防控。11月30日前完成隐患排查。
牵头单位：安全股
配合单位：基础教育股、各中小学
（1）开展防溺水教育。每月28日前报送进展。
（2）开展消防演练。
"""


def test_levels_codes_units_targets_and_deadlines():
    outline = outline_of(PLAN)
    assert outline.title == "2024年某县教育工作要点"
    assert outline.levels() == {"1": 2, "2": 3, "3": 2}
    codes = {n.code: n for _, n in outline.walk()}
    assert list(codes) == ["一", "一.1", "一.2", "二", "二.3", "二.3.(1)", "二.3.(2)"]
    first = codes["一.1"]
    assert first.title == "加强党的全面领导"
    assert [(m.name, m.role.value) for m in first.units] == [("组干科", "lead"), ("机关党委", "support")]
    assert "责任科室" not in first.text
    second = codes["一.2"]
    assert [(t.number, t.unit, t.placeholder) for t in second.targets] == [(100.0, "%", False),
                                                                          (None, "个", True)]
    safety = codes["二.3"]
    assert safety.deadline.due.isoformat() == "2024-11-30"
    assert safety.lead == "安全股" and safety.support() == ["基础教育股", "各中小学"]
    assert codes["二.3.(1)"].deadline.kind.value == "recurring"


def test_one_paragraph_plan_and_shi_sub_items():
    text = ("某县2024年工作要点 一、提升教育质量 （一）办好学前教育。新建幼儿园3所。（二）均衡义务教育。"
            "一是改薄。二是控辍保学。二、保障安全 （一）守牢底线。开展演练。")
    outline = outline_of(text)
    assert outline.sections() == ["提升教育质量", "保障安全"]
    codes = [n.code for _, n in outline.walk()]
    assert codes == ["一", "一.(一)", "一.(二)", "一.(二).一是", "一.(二).二是", "二", "二.(一)"]


def test_a_level_may_be_missing_and_numbers_that_are_quantities_are_not_items():
    outline = outline_of("一、总体要求\n1.新建学校12所，3月底前开工。\n2.招聘教师50名。\n")
    assert outline.levels() == {"1": 1, "2": 2}
    outline = outline_of("（一）学前教育\n1.新建公办园2所\n（二）义务教育\n1.消除大班额\n")
    assert [n.code for _, n in outline.walk()] == ["(一)", "(一).1", "(二)", "(二).1"]


def test_cleaning_drops_furniture_and_rejoins_broken_lines():
    lines = ["来源: 发布时间:2020-03-12 字体大小:", "2023年教体局上半年工作总结与", "下半年工作计划",
             "还剩7页未读,继续阅读", "一、加强党建",
             "1.加强学习。坚持理论联系实际，聚焦教育和体育事业改革发展的目标任务和重点工作，确保上级",
             "关于教育事业发展的决策部署落实落地。", "扫一扫在手机打开",
             "联系QQ123456789", "关闭"]
    clean = clean_paragraphs([SourceParagraph(t, i) for i, t in enumerate(lines, 1)],
                             starts_item=po.starts_with_marker)
    assert [p.text for p in clean.paragraphs] == [
        "2023年教体局上半年工作总结与下半年工作计划", "一、加强党建",
        "1.加强学习。坚持理论联系实际，聚焦教育和体育事业改革发展的目标任务和重点工作，确保上级"
        "关于教育事业发展的决策部署落实落地。"]
    assert "扫一扫在手机打开" in clean.removed and "联系QQ123456789" in clean.removed


def edits_outline():
    return outline_of("一、甲\n1.第一项。正文一。\n2.第二项。正文二，12月底前完成。\n"
                      "3.第三项。正文三。\n二、乙\n")


def test_demote_promote_merge_split_rename():
    outline = edits_outline()
    section = outline.items[0]
    one, two, three = section.children
    assert po.demote(outline, two)
    assert [n.code for _, n in outline.walk()][:4] == ["一", "一.1", "一.1.2", "一.3"]
    assert not po.demote(outline, one)  # nothing before it to go under
    assert po.promote(outline, two)
    assert [n.title for n in section.children] == ["第一项", "第二项", "第三项"]
    assert po.merge_with_next(outline, two)
    assert [n.title for n in section.children] == ["第一项", "第二项"]
    assert "第三项" in two.text and two.deadline.due.isoformat() == "2024-12-31"
    new = po.split(outline, two, two.text.index("第三项"))
    assert new.title == "第三项" and [n.title for n in section.children] == ["第一项", "第二项", "第三项"]
    po.rename(one, "改过的标题")
    po.set_units(one, "办公室", ["人事股"])
    po.set_deadline(one, "6月底前", outline.year)
    draft = po.to_draft(outline)
    item = draft.items[0].children[0]
    assert item.title == "改过的标题" and item.deadline.due.isoformat() == "2024-06-30"
    assert [(m.name, m.role.value) for m in item.units] == [("办公室", "lead"), ("人事股", "support")]
    # promoting an item takes the siblings after it along, as Word's outline view does
    assert po.promote(outline, one)
    assert [n.title for n in outline.items] == ["甲", "改过的标题", "乙"]
    assert [n.title for n in outline.items[1].children] == ["第二项", "第三项"]


def test_keyword_suggestions_are_not_leads_until_confirmed():
    table = KeywordTable([("安全", "安全股"), ("资助", "资助中心"), ("招生", "招考中心"),
                          ("考试", "招考中心")])
    assert suggest_lead("加强校园安全", "", table) == "安全股"
    assert suggest_lead("规范招生考试", "落实资助政策", table) == "招考中心"
    assert suggest_lead("其他工作", "", table) == ""
    outline = outline_of("一、保障\n1.加强校园安全。开展演练。\n")
    po.apply_suggestions(outline, lambda t, x: suggest_lead(t, x, table))
    node = outline.items[0].children[0]
    assert node.suggested_lead == "安全股" and node.lead == ""
    assert po.to_draft(outline).items[0].children[0].units == ()
    po.confirm_suggestion(node)
    assert po.to_draft(outline).items[0].children[0].units[0].name == "安全股"


def test_keyword_table_is_kept_in_the_ledger(ledger):
    assert load_keywords(ledger).rows[0] == ("安全", "安全股")
    save_keywords(ledger, KeywordTable([("德育", "德育股")]))
    assert load_keywords(ledger).rows == [("德育", "德育股")]


BAD_FILES = {
    "old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,
    "plan.wps": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,
    "plan.pdf": b"%PDF-1.7\n...",
    "empty.txt": b"",
    "spaces.txt": b"   \r\n  \n",
    "junk.txt": bytes(range(256)) * 20,
    "broken.docx": b"PK\x03\x04" + b"\x00" * 100,
    "renamed.txt": b"%PDF-1.4 this was a pdf",
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_input_is_refused_in_chinese_and_the_ledger_is_unchanged(ledger, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(BAD_FILES[name])
    before = ledger.scalar("SELECT count(*) FROM import_batch")
    with pytest.raises(FileReadError) as caught:
        preview_plan_document(ledger, path)
    assert caught.value.location.file == name
    assert any("\u4e00" <= ch <= "\u9fff" for ch in caught.value.message)
    assert ledger.scalar("SELECT count(*) FROM import_batch") == before


def test_a_zip_that_is_no_word_document(tmp_path):
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(FileReadError, match="不是 Word 文档"):
        read_plan_file(path)


def test_text_encodings(tmp_path):
    text = "2024年工作要点\n一、加强党建\n1.加强学习。\n"
    for name, data in (("utf8.txt", text.encode("utf-8")),
                       ("bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8")),
                       ("gbk.txt", text.encode("gb18030"))):
        path = tmp_path / name
        path.write_bytes(data)
        document = read_plan_file(path)
        assert document.paragraphs[0].text == "2024年工作要点"
        assert preview_plan_document(None, path).outline.levels() == {"1": 1, "2": 1}


def test_commit_writes_one_batch(ledger, samples):
    preview = preview_plan_document(ledger, samples / "plans" / "004_c4f998209f6bcfdc.txt")
    created = commit_plan_document(ledger, preview)
    assert created.items == 25 and created.top_level == 5
    plan = ledger.query("SELECT title, year FROM plan")[0]
    assert plan["year"] == 2023
    written = ledger.scalar("SELECT count(*) FROM target")
    assert written == sum(len(n.targets) for _, n in preview.outline.walk())
    due = ledger.scalar("SELECT due FROM plan_item WHERE code = '(五).2'")
    assert due == "2023-12-31"
    again = preview_plan_document(ledger, samples / "plans" / "004_c4f998209f6bcfdc.txt")
    assert again.already_imported_batch == created.batch_id


def test_cli_import_plan(tmp_path, samples, capsys):
    db = str(tmp_path / "cli.sqlite")
    sample = str(samples / "plans" / "001_68e4817491ed8267.txt")
    assert run(["--db", db, "import-plan", sample, "--dry-run", "--json"]) == 0
    dry = json.loads(capsys.readouterr().out)
    for key in ("plan_id", "top_level", "sections", "items", "levels", "targets", "deadlines"):
        assert key in dry
    assert dry["plan_id"] is None and dry["top_level"] == 9 and dry["levels"] == {"1": 9, "2": 35}
    # The item's number as the ledger shows it (三.9 is how the outline stores it).
    assert {"code": "三、9.", "text": "普惠性幼儿园覆盖率达80%", "number": 80.0, "unit": "%",
            "placeholder": False} in dry["targets"]
    assert run(["--db", db, "import-plan", sample, "--json", "--year", "2021"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["plan_id"] == 1 and done["year"] == 2021
    assert run(["--db", db, "items", "list", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)["items"]
    assert "三、9." in {i["code"] for i in items} and "三.9" not in {i["code"] for i in items}
    assert run(["--db", db, "import-plan", sample, "--json"]) == 1  # the same file again
    error = json.loads(capsys.readouterr().out)
    assert "已经导入过" in error["error"]
    assert run(["--db", db, "import-plan", str(tmp_path / "nothing.docx"), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["file"] == "nothing.docx"


def test_cli_whole_document_and_deadlines(tmp_path, samples, capsys):
    db = str(tmp_path / "cli.sqlite")
    sample = str(samples / "plans" / "003_44967305fb5d70f9.txt")
    assert run(["--db", db, "import-plan", sample, "--dry-run", "--json"]) == 0
    plan_only = json.loads(capsys.readouterr().out)
    assert plan_only["plan_part"] == "2021年工作思路" and plan_only["top_level"] == 6
    assert {"code": "2.四是", "text": "2020年底前发放到位", "due": "2020-12-31", "kind": "date"} \
        in plan_only["deadlines"]
    assert run(["--db", db, "import-plan", sample, "--dry-run", "--whole", "--json"]) == 0
    whole = json.loads(capsys.readouterr().out)
    assert whole["sections"] == ["2020年工作成效", "存在的困难", "2021年工作思路"]


def test_a_plan_without_numbers_still_gives_items_and_the_year_can_be_corrected():
    outline = outline_of("某县教育局工作安排\n加强党建。11月底前完成。\n确保安全。每季度检查。\n", year=2024)
    assert [n.title for n in outline.items] == ["加强党建", "确保安全"]
    assert outline.items[0].deadline.due.isoformat() == "2024-11-30"
    po.set_year(outline, 2025)
    assert outline.items[0].deadline.due.isoformat() == "2025-11-30"


def test_any_text_gives_an_outline_or_a_clear_error(samples):
    """Slices of the real samples cut anywhere, shuffled lines, odd characters: the parser
    never fails, and every item points into the source text it shows."""
    import random

    texts = [p.read_text("utf-8") for p in sorted((samples / "plans").glob("*.txt"))]
    rng = random.Random(5)
    odd = "①②③⑳１２３．（）()一二三是、。.*xX%\n\t 　"
    for _ in range(150):
        text = rng.choice(texts)
        start = rng.randrange(len(text))
        piece = text[start:start + rng.randrange(1, 3000)]
        lines = piece.splitlines()
        if rng.random() < 0.3:
            rng.shuffle(lines)
        if rng.random() < 0.3:
            lines = ["".join(rng.choice(odd) for _ in range(rng.randrange(1, 40))) for _ in range(5)] + lines
        try:
            preview = preview_plan_document(None, text="\n".join(lines))
        except FileReadError:
            continue
        outline = preview.outline
        for _, node in outline.walk():
            assert 0 <= node.start <= node.end <= len(outline.source)
            assert node.code


def test_a_short_line_repeated_inside_the_plan_is_kept():
    outline = outline_of("2024年工作要点\n一、党建\n主要措施：\n1.加强学习。\n二、安全\n主要措施：\n"
                         "2.排查隐患。\n")
    assert outline.levels() == {"1": 2, "2": 2}
    assert "主要措施" in outline.items[1].text


def test_unnumbered_paragraphs_are_body_text_unless_parallel_headlines():
    outline = outline_of("一、加强党建\n（一）强化引领\n依据上级部署，科学合理规划，全面落实。\n"
                         "积极推动协同发展，鼓励创新，共同构建新格局。\n（二）筑牢堡垒\n")
    assert [n.title for _, n in outline.walk()] == ["加强党建", "强化引领", "筑牢堡垒"]
    assert "积极推动协同发展" in outline.items[0].children[0].text
    outline = outline_of("一、工作成效\n党建工作不断加强。县委教育工委组织宣讲。\n"
                         "办学条件不断优化。实施薄弱环节改善。\n")
    assert [n.title for n in outline.items[0].children] == ["党建工作不断加强", "办学条件不断优化"]


def test_hard_wraps_are_found_from_the_document_own_line_width():
    from planner_desktop.domain.plan_cleaning import wrap_width

    body = "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，落实立德树人根本任务。" * 3
    lines = [body[i:i + 27] for i in range(0, len(body), 27)]
    assert 24 <= wrap_width(lines) <= 27
    assert wrap_width(["一、加强党建", "1.加强学习。坚持理论联系实际。", "2.建强支部。", body]) is None
    outline = outline_of("一、加强党建\n" + "\n".join(f"1.{line}" if i == 0 else line
                                               for i, line in enumerate(lines)))
    titles = [n.title for _, n in outline.walk()]
    assert titles == ["加强党建", "坚持以习近平新时代中国特色社会主义思想为指导"]
