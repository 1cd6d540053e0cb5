"""Word documents whose numbering is Word's own (not in the text): the same tree as from text.

The documents are built here with real numbering definitions (``w:abstractNum`` levels with
``chineseCounting``/``decimal`` formats, restarts, a numbering linked to the heading style),
and once through LibreOffice from HTML lists, as clerks' files are made by other programs.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from planner_desktop.errors import FileReadError
from planner_desktop.exchange.plan_document import format_number, read_plan_file
from planner_desktop.ops.plan_import import preview_plan_document
from tests.support.word_files import W, add_numbering, number

SAMPLE_001 = Path(__file__).resolve().parents[1] / "samples" / "plans" / "001_68e4817491ed8267.txt"


def text_tree():
    return preview_plan_document(None, SAMPLE_001).outline


def build_from_tree(path: Path, *, restart: bool, style_numbering: bool) -> Path:
    """The 001 plan as a Word file: sections as Heading 1, items as numbered paragraphs; no
    number is typed."""
    outline = text_tree()
    document = docx.Document()
    add_numbering(document, 990, 990, [("chineseCounting", "%1、", True), ("decimal", "%2.", restart)])
    heading = document.styles["Heading 1"]
    if style_numbering:
        heading.element.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="990"/></w:numPr>'))
    document.add_paragraph(outline.title, style="Title")
    document.add_paragraph(outline.preamble)
    for section in outline.items:
        paragraph = document.add_paragraph(section.title, style="Heading 1")
        if not style_numbering:
            number(paragraph, 990, 0)
        for item in section.children:
            number(document.add_paragraph(f"{item.title}。{item.text}"), 990, 1)
    document.add_paragraph("")
    document.save(path)
    return path


@pytest.mark.parametrize(("restart", "style_numbering"), [(True, False), (False, True)])
def test_word_numbering_gives_the_same_tree_as_the_text(tmp_path, restart, style_numbering):
    path = build_from_tree(tmp_path / "工作要点.docx", restart=restart, style_numbering=style_numbering)
    paragraphs = read_plan_file(path).paragraphs
    labels = [p.label for p in paragraphs if p.label]
    assert labels[:3] == ["一、", "1.", "2."]
    second_section = labels.index("二、")
    assert labels[second_section + 1] == ("1." if restart else "5.")
    outline = preview_plan_document(None, path).outline
    expected = text_tree()
    assert outline.levels() == expected.levels() == {"1": 9, "2": 35}
    assert [n.title for _, n in outline.walk()] == [n.title for _, n in expected.walk()]
    assert outline.title == expected.title
    codes = [n.code for _, n in outline.walk()]
    assert codes[:2] == ["一", "一.1"]
    assert ("二.1" if restart else "二.5") in codes
    targets = {t.text for _, n in outline.walk() for t in n.targets}
    assert "建设芙蓉学校9所" in targets


def test_parenthesised_chinese_levels_and_a_task_table(tmp_path):
    document = docx.Document()
    add_numbering(document, 907, 907, [("chineseCounting", "（%1）", True), ("decimal", "%2、", True)])
    document.add_paragraph("2024年某县教育局下半年工作计划", style="Title")
    number(document.add_paragraph("加强党的建设"), 907, 0)
    number(document.add_paragraph("深入学习。扎实开展主题教育（责任科室：组干科、机关党委）。"), 907, 1)
    number(document.add_paragraph("强化校园安全"), 907, 0)
    number(document.add_paragraph("排查隐患。11月30日前完成全部校舍排查。"), 907, 1)
    document.add_paragraph("附：重点任务分解表")
    table = document.add_table(rows=3, cols=4)
    for row, cells in enumerate([("序号", "工作任务", "责任单位", "完成时限"),
                                 ("1", "新建公办幼儿园5所", "基础教育股", "12月底前"),
                                 ("2", "完成教师招聘", "人事股、各学校", "9月")]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    path = tmp_path / "计划.docx"
    document.save(path)
    outline = preview_plan_document(None, path).outline
    assert outline.sections()[:2] == ["加强党的建设", "强化校园安全"]
    assert [n.code for n in outline.items[0].children] == ["(一).1"]
    study = outline.items[0].children[0]
    assert [(m.name, m.role.value) for m in study.units] == [("组干科", "lead"), ("机关党委", "support")]
    check = outline.items[1].children[0]
    assert check.deadline.due.isoformat() == "2024-11-30"
    rows = [n for _, n in outline.walk() if n.title.startswith(("新建公办幼儿园", "完成教师招聘"))]
    assert [n.title for n in rows] == ["新建公办幼儿园5所", "完成教师招聘"]
    assert rows[0].deadline.due.isoformat() == "2024-12-31"
    assert rows[0].lead == "基础教育股"
    assert rows[1].support() == ["各学校"]


def test_number_formats():
    assert [format_number(n, "chineseCounting") for n in (1, 10, 11, 20, 35)] == \
        ["一", "十", "十一", "二十", "三十五"]
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(2, "ideographTraditional") == "乙"
    assert format_number(4, "upperRoman") == "IV"
    assert format_number(7, "decimalZero") == "07"


@pytest.mark.soffice
def test_a_docx_made_by_libreoffice_from_html_lists(tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    html = tmp_path / "plan.html"
    html.write_text(
        "<html><head><meta charset='utf-8'></head><body><p>2020年某县教育工作要点</p><ol>"
        "<li><h1>加强党的建设</h1><ol><li>加强党的全面领导。把学习作为首要政治任务。</li>"
        "<li>建强抓实基层党建。确保达标率达100%。</li></ol></li>"
        "<li><h1>确保校园安全</h1><ol><li>加强安全风险防控。11月30日前完成隐患排查。</li></ol></li>"
        "</ol></body></html>", "utf-8")
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(html)],
                       check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    path = tmp_path / "plan.docx"
    assert all("." not in p.text[:3] for p in read_plan_file(path).paragraphs if p.label)
    outline = preview_plan_document(None, path).outline
    assert outline.sections() == ["加强党的建设", "确保校园安全"]
    assert outline.levels() == {"1": 2, "2": 3}
    assert outline.items[1].children[0].deadline.due.isoformat() == "2020-11-30"


def test_a_damaged_docx_is_refused(tmp_path):
    path = build_from_tree(tmp_path / "坏.docx", restart=True, style_numbering=False)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(FileReadError, match="损坏"):
        read_plan_file(path)


def test_a_title_in_a_heading_style_is_the_plan_title_not_a_section(tmp_path):
    document = docx.Document()
    document.add_paragraph("2024年某县教育工作要点", style="Heading 1")
    document.add_paragraph("一、加强党的建设", style="Heading 2")
    document.add_paragraph("1.加强学习。每季度组织一次。")
    document.add_paragraph("二、确保校园安全", style="Heading 2")
    document.add_paragraph("2.排查隐患。6月底前完成。")
    path = tmp_path / "要点.docx"
    document.save(path)
    outline = preview_plan_document(None, path).outline
    assert outline.title == "2024年某县教育工作要点"
    assert outline.sections() == ["加强党的建设", "确保校园安全"]
    assert outline.levels() == {"1": 2, "2": 2}
