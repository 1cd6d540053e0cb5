"""Every report drawn to PDF for the demo ledger and read back as a person (or a search) would:
pdftotext for the Chinese text, the numbers and ``第 n 页 共 m 页``; pdfinfo for A4 and the
orientation; a 2,000-row ledger for the header on every page and rows never split."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from planner_desktop.domain.ledger_table import leaf_items
from planner_desktop.domain.report_content import (
    CellKind,
    Column,
    ReportDocument,
    ReportKind,
    ReportTable,
    TableRow,
    TableSection,
    percent_text,
)
from planner_desktop.domain.status import Light, Schedule, Status
from planner_desktop.ops.ledger_query import load_snapshot
from planner_desktop.ops.reports import build_document
from planner_desktop.printing.report_files import make_report
from planner_desktop.store.database import open_ledger

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler missing")
AS_OF = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_templates):
    ledger = open_ledger(tmp_path_factory.mktemp("reports") / "demo.sqlite")
    created = demo_templates.copy_into(ledger, today=AS_OF)
    ledger.demo_plan = created.plan_id
    yield ledger
    ledger.close()


def pdf_text(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_info(path: Path) -> tuple[int, float, float]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    return pages, width, height


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_texts(path: Path, pages: int) -> list[str]:
    return pdf_text(path).split("\f")[:pages]


def check_pages(path: Path, pages: int, *, landscape: bool) -> list[str]:
    count, width, height = pdf_info(path)
    assert count == pages
    assert round(max(width, height)) == 842 and round(min(width, height)) == 595, "A4"
    assert (width > height) is landscape
    texts = page_texts(path, pages)
    for n, text in enumerate(texts, start=1):
        # Drawn as 第 n 页 共 m 页; pdftotext leaves out spaces between Chinese characters.
        assert re.search(rf"第\s*{n}\s*页\s*共\s*{pages}\s*页", text)
        assert "打印时间：" in text
    return texts


def test_ledger_report(demo, tmp_path):
    pdf = tmp_path / "督办台账.pdf"
    result = make_report(demo, "ledger", plan_id=demo.demo_plan, as_of=AS_OF, pdf=pdf)
    data = result.to_json()
    assert set(data) >= {"kind", "rows", "pages", "files"} and data["files"] == [str(pdf)]
    texts = check_pages(pdf, data["pages"], landscape=True)
    assert data["pages"] > 1
    rows = [r for r in load_snapshot(demo, AS_OF).items if r.plan_id == demo.demo_plan]
    headings = sum(not r.is_leaf for r in rows)
    assert data["rows"] == len(rows) - headings  # every item, its headings as spanning rows
    for text in texts:  # the title, the as-of date and the column header on every page
        assert "督办台账" in text and "截至 2026年11月22日" in text and "工作任务" in text
        assert "范围：全部要点" in text
    everything = squeeze("".join(texts))
    for row in rows:
        assert squeeze(row.title) in everything
    assert "●红" in everything and "√蓝" in everything, "lights as symbol and word"


def test_ledger_for_the_current_view_names_the_view(demo, tmp_path):
    snapshot = load_snapshot(demo, AS_OF)
    overdue = [r for r in snapshot.items if r.schedule is Schedule.OVERDUE and r.is_leaf]
    pdf = tmp_path / "view.pdf"
    result = make_report(demo, "ledger", plan_id=demo.demo_plan, as_of=AS_OF, pdf=pdf,
                         item_ids=[r.item_id for r in overdue], options={"scope": "当前视图“逾期”"})
    assert result.rows == len(overdue)
    text = pdf_text(pdf)
    assert "当前视图“逾期”" in text
    assert squeeze(text).count("●红") == len(overdue)


def test_bulletin_report(demo, tmp_path):
    pdf = tmp_path / "通报.pdf"
    result = make_report(demo, "bulletin", plan_id=demo.demo_plan, as_of=AS_OF, pdf=pdf,
                         options={"bulletin": {"issue": 7, "office": "青溪县教育局督查室"}})
    data = result.to_json()
    texts = check_pages(pdf, data["pages"], landscape=False)
    first = squeeze(texts[0])
    assert "督办通报" in first and "第7期" in first and "青溪县教育局督查室" in first
    assert "2026年11月22日" in first and "一、总体情况" in first
    # The numbers, counted here from the ledger rows themselves.
    leaves = leaf_items(r for r in load_snapshot(demo, AS_OF).items if r.plan_id == demo.demo_plan)
    counts = Counter(r.status for r in leaves)
    total, done = len(leaves), counts[Status.DONE]
    expected = f"共{total}项，已完成{done}项，占{percent_text(done / total)}"
    assert expected in first
    late = sum(r.schedule is Schedule.OVERDUE for r in leaves)
    assert f"其中逾期{late}项" in first
    reds = sum(r.light is Light.RED for r in leaves)
    assert f"红灯（逾期）{reds}项" in first
    whole = squeeze("".join(texts))
    # The demo plan has 量化指标: they are part 四, the parts after it numbered on.
    for part in ("二、各单位任务完成情况", "三、逾期未完成事项", "四、未达成的量化指标",
                 "五、未报送进展的单位", "六、工作要求", "附件", "督办事项明细表"):
        assert part in whole
    assert "本期未发放填报表" in whole  # no fill-in workbooks went out in the demo
    for row in leaves:
        if row.schedule is Schedule.OVERDUE:
            assert squeeze(row.title) in whole
    assert data["rows"] == total and data["issue"] == 7
    assert "（一）股室" in whole and "（二）学校" in whole
    assert re.search(r"1\.基础教育股|1\.\S+股", whole), "ranked bars with their units"


def test_unit_sheets_report(demo, tmp_path):
    pdf = tmp_path / "units.pdf"
    result = make_report(demo, "unit-sheets", plan_id=demo.demo_plan, as_of=AS_OF, pdf=pdf)
    texts = check_pages(pdf, result.pages, landscape=True)
    units = [a.unit_name for a in load_snapshot(demo, AS_OF).assignments if a.plan_id == demo.demo_plan]
    by_unit = Counter(units)
    assert result.rows == len(units)
    firsts: dict[str, int] = {}
    for n, text in enumerate(texts):
        title = text.strip().splitlines()[0]
        assert title.endswith("任务清单")
        firsts.setdefault(title.removesuffix("任务清单"), n)
    assert set(firsts) == set(by_unit), "every unit has its own sheet, starting on a new page"
    one = next(u for u, n in by_unit.items() if n >= 3)
    assert f"共 {by_unit[one]} 项：" in texts[firsts[one]]


def test_overdue_report(demo, tmp_path):
    pdf = tmp_path / "overdue.pdf"
    result = make_report(demo, "overdue", plan_id=demo.demo_plan, as_of=AS_OF, pdf=pdf,
                         options={"due_within": 5})
    texts = check_pages(pdf, result.pages, landscape=True)
    assignments = [a for a in load_snapshot(demo, AS_OF).assignments if a.plan_id == demo.demo_plan]
    late = [a for a in assignments if a.schedule is Schedule.OVERDUE]
    soon = [a for a in assignments if a.schedule is not Schedule.OVERDUE and a.status is not Status.SUSPENDED
            and a.schedule is not Schedule.CLOSED and a.remaining_workdays is not None
            and 0 <= a.remaining_workdays <= 5]
    assert result.rows == len(late) + len(soon)
    whole = "".join(texts)
    assert "逾期及临期任务清单" in whole and "临期指 5 个工作日内到期" in whole
    unit = Counter(a.unit_name for a in late).most_common(1)[0]
    assert f"{unit[0]}" in whole and f"逾期 {unit[1]} 项" in whole


def test_pdf_text_extracts_as_the_characters_drawn(tmp_path):
    """Noto Sans CJK would give radicals (食 → ⻝) here: the bundled font must not."""
    words = "食堂门卫日常金额 青溪县第一中学 √●▲○"
    doc = _table_doc([TableRow(("1", words, None, "", None))])
    pdf = tmp_path / "chars.pdf"
    from planner_desktop.printing.render import write_pdf

    write_pdf(doc, pdf)
    text = pdf_text(pdf)
    assert "食堂门卫日常金额" in text and "青溪县第一中学" in text
    assert not re.search("[\u2e80-\u2fdf]", text), "no Kangxi or supplementary radicals"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "WenQuanYi" in fonts and "emb" in fonts.splitlines()[0]


COLUMNS = [Column("code", "编号", 14), Column("title", "工作任务", 90), Column("progress", "进度", 12,
                                                                         CellKind.PERCENT),
           Column("note", "最新进展", 120), Column("light", "督办灯", 14, CellKind.LIGHT)]


def _table_doc(rows: list[TableRow], sections: list[TableSection] | None = None) -> ReportDocument:
    table = ReportTable(COLUMNS, sections or [TableSection(None, rows)])
    return ReportDocument(ReportKind.LEDGER, "大台账", "测试计划", AS_OF, "全部要点", table=table)


def big_rows(n: int) -> list[TableRow]:
    rows = []
    for i in range(1, n + 1):
        note = f"第{i}项工作进展：" + "已召开专题会议研究部署，" * (i % 4) + f"完毕{i:04d}号"
        rows.append(TableRow((f"R{i:04d}", f"推进重点任务第{i}项", i % 101, note, list(Light)[i % 4]),
                             light=list(Light)[i % 4]))
    return rows


def test_two_thousand_rows_header_on_every_page_and_no_row_split(qapp, tmp_path):
    # qapp: fonts need a Qt application, which this test may be the first in its process to use
    from planner_desktop.printing.render import write_pdf

    pdf = tmp_path / "big.pdf"
    result = write_pdf(_table_doc(big_rows(2000)), pdf)
    assert result.data_rows == 2000
    texts = check_pages(pdf, result.pages, landscape=True)
    assert result.pages > 20
    seen: Counter[str] = Counter()
    for text in texts:
        assert "工作任务" in text and "最新进展" in text, "column header repeated"
        starts = set(re.findall(r"R(\d{4})", text))
        ends = set(re.findall(r"完毕(\d{4})号", text))
        assert starts == ends, "a row's first and last line are on the same page"
        seen.update(starts)
    assert len(seen) == 2000 and set(seen.values()) == {1}


def test_a_row_taller_than_a_page_is_continued_not_cut(tmp_path):
    from planner_desktop.printing.render import write_pdf

    long_note = "".join(f"第{i}句进展情况说明。" for i in range(600)) + "全文结束"
    rows = [TableRow(("R1", "短任务", 10, "短", Light.GREEN)),
            TableRow(("R2", "长任务", 20, long_note, None))]
    pdf = tmp_path / "tall.pdf"
    result = write_pdf(_table_doc(rows), pdf)
    assert result.pages >= 2 and result.data_rows == 2
    whole = squeeze(pdf_text(pdf))
    assert "第599句进展情况说明。全文结束" in whole and "第0句" in whole


def test_sections_repeat_their_heading_marked_continued(tmp_path):
    from planner_desktop.printing.render import write_pdf

    sections = [TableSection("基础教育股", big_rows(60), note="逾期 60 项"),
                TableSection("局办公室", big_rows(3))]
    pdf = tmp_path / "sections.pdf"
    result = write_pdf(_table_doc([], sections), pdf)
    texts = check_pages(pdf, result.pages, landscape=True)
    assert "基础教育股（逾期 60 项）（续）" in texts[1]
    assert result.data_rows == 63


def test_build_document_refuses_an_unknown_plan_and_kind(demo):
    from planner_desktop.errors import UserFixableError

    with pytest.raises(UserFixableError, match="没有编号为 999 的计划"):
        build_document(demo, "ledger", plan_id=999, as_of=AS_OF)
    with pytest.raises(UserFixableError, match="没有“weekly”这种报表"):
        build_document(demo, "weekly", as_of=AS_OF)


def test_the_report_font_is_the_bundled_one_and_gives_each_character_its_glyph(qapp):
    from planner_desktop.paths import resource_path
    from planner_desktop.printing.fonts import FONT_FILE, report_family, shares_radical_glyphs

    assert resource_path(*FONT_FILE).is_file()
    family = report_family()
    assert family == "WenQuanYi Zen Hei"
    assert shares_radical_glyphs(family) == []


def test_the_radical_check_catches_a_font_that_shares_glyphs(qapp):
    """Noto Sans CJK SC, the face PLATFORM_NOTES measured, shares 食 with ⻝; each regional
    variant Debian's fonts-noto-cjk installs shares some ideographs with their radicals (the
    HK, TC and JP faces not 食, whose forms differ there, but 日 and 金)."""
    from PySide6.QtGui import QFontDatabase

    from planner_desktop.printing.fonts import shares_radical_glyphs

    installed = [f for f in QFontDatabase.families() if f.startswith("Noto Sans CJK")]
    if "Noto Sans CJK SC" not in installed:
        pytest.skip("Noto Sans CJK SC is not installed here (Debian: fonts-noto-cjk)")
    assert "食" in shares_radical_glyphs("Noto Sans CJK SC")
    for family in installed:
        assert {"日", "金"} <= set(shares_radical_glyphs(family)), family


def test_an_empty_ledger_still_prints_every_report(ledger, tmp_path):
    for kind in ReportKind:
        pdf = tmp_path / f"{kind.value}.pdf"
        result = make_report(ledger, kind, as_of=AS_OF, pdf=pdf, xlsx=tmp_path / f"{kind.value}.xlsx")
        assert result.rows == 0 and result.pages >= 1
        text = squeeze(pdf_text(pdf))
        assert "共1页" in text or kind is ReportKind.BULLETIN
        if kind in (ReportKind.LEDGER, ReportKind.OVERDUE):
            assert "没有符合条件的任务。" in text
        if kind is ReportKind.BULLETIN:
            assert "共0项" in text and "本期未发放填报表" in text
