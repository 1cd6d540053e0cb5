"""The .xlsx and .docx reports: what Excel/Word will read (openpyxl, python-docx), that
LibreOffice opens and prints them with the numbers the PDF has, and the ``report`` command."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys

import openpyxl
import pytest
from docx import Document

from planner_desktop.domain.report_content import (
    CellKind,
    Column,
    ReportDocument,
    ReportKind,
    ReportTable,
    TableRow,
    TableSection,
)
from planner_desktop.domain.status import Light
from planner_desktop.exchange.report_xlsx import sheet_name, write_report_xlsx
from planner_desktop.printing.chart import BARS_PER_PICTURE
from planner_desktop.printing.report_files import make_report
from planner_desktop.store.database import open_ledger
from tests.support.fixtures_sheets import soffice_convert

AS_OF = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_templates):
    ledger = open_ledger(tmp_path_factory.mktemp("report-files") / "demo.sqlite")
    ledger.demo_plan = demo_templates.copy_into(ledger, today=AS_OF).plan_id
    yield ledger
    ledger.close()


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_ledger_xlsx_is_formatted_for_printing(demo, tmp_path):
    path = tmp_path / "ledger.xlsx"
    result = make_report(demo, "ledger", plan_id=demo.demo_plan, as_of=AS_OF, xlsx=path)
    assert result.files == [path] and result.pages > 1  # A4 pages counted without a PDF
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "督办台账"
    assert sheet.cell(3, 2).value == "工作任务" and sheet.freeze_panes == "A4"
    assert sheet.print_title_rows == "$1:$3"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    setup = sheet.page_setup  # fit to one page wide (1 is the default, left out), any number tall
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and setup.fitToWidth in (None, 1)
    assert setup.fitToHeight == 0
    assert "共 &N 页" in sheet.oddFooter.center.text
    body = [r for r in sheet.iter_rows(min_row=4, values_only=True) if r[1] is not None]
    assert len(body) == result.rows
    header = {sheet.cell(3, c).value: c for c in range(1, sheet.max_column + 1)}
    assert list(header)[8:10] == ["最新进展", "量化指标"], "the demo plan's targets have a column"
    light = header["督办灯"]
    lights = [sheet.cell(r, light) for r in range(4, sheet.max_row + 1) if sheet.cell(r, light).value]
    reds = [c for c in lights if c.value == "● 红"]
    assert reds and all(c.fill.fgColor.rgb.endswith("F4C7C3") for c in reds)
    progress = [sheet.cell(r, 8).value for r in range(4, sheet.max_row + 1) if sheet.cell(r, 2).value]
    assert all(isinstance(v, int) for v in progress), "progress written as numbers"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width
    assert sheet.cell(4, 1).alignment.wrap_text


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    columns = [Column("code", "编号", 14), Column("note", "最新进展", 60),
               Column("p", "进度", 10, CellKind.PERCENT), Column("light", "督办灯", 12, CellKind.LIGHT)]
    rows = [TableRow(("=1+1", '=HYPERLINK("http://x","点我")', 50, Light.RED), light=Light.RED),
            TableRow(("00123", "+86 123", None, None))]
    table = ReportTable(columns, [TableSection(None, rows)])
    doc = ReportDocument(ReportKind.LEDGER, "台账", "", AS_OF, "", table=table)
    path = write_report_xlsx(tmp_path / "x.xlsx", doc)
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A4"].value == "=1+1" and sheet["A4"].data_type == "s"
    assert sheet["B4"].data_type == "s" and sheet["A5"].value == "00123" and sheet["B5"].value == "+86 123"
    assert sheet["C4"].value == 50


def test_sheet_names_are_legal_and_unique():
    taken: set[str] = set()
    assert sheet_name("教育局/办公室[一]", taken) == "教育局_办公室_一_"
    long = "青溪县" * 12
    first, second = sheet_name(long, taken), sheet_name(long, taken)
    assert len(first) <= 31 and len(second) <= 31 and first != second


def test_unit_sheets_xlsx_has_one_worksheet_per_unit(demo, tmp_path):
    path = tmp_path / "units.xlsx"
    result = make_report(demo, "unit-sheets", plan_id=demo.demo_plan, as_of=AS_OF, xlsx=path)
    book = openpyxl.load_workbook(path)
    sections = result.document.table.sections
    assert len(book.worksheets) == len(sections)
    first = book.worksheets[0]
    assert first["A1"].value == sections[0].title
    assert sum(1 for r in first.iter_rows(min_row=4, values_only=True) if r[1]) == sections[0].data_rows


def test_bulletin_docx_carries_masthead_numbers_and_annex(demo, tmp_path):
    path = tmp_path / "通报.docx"
    result = make_report(demo, "bulletin", plan_id=demo.demo_plan, as_of=AS_OF, docx=path,
                         options={"bulletin": {"issue": 12}})
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "督 办 通 报" and texts[1] == "第12期"
    masthead = document.paragraphs[0].runs[0]
    assert str(masthead.font.color.rgb) == "C8161D"
    bulletin = result.document.bulletin
    assert bulletin.overall_sentence in texts
    assert "一、总体情况" in texts and "四、未达成的量化指标" in texts and "六、工作要求" in texts
    annex = document.tables[-1]
    assert len(annex.rows) == 1 + bulletin.annex.data_rows
    # The ranking charts as pictures of a few bars: Word shows no more of a picture than fits
    # its page, and moves a picture that does not fit whole to the next page.
    ranking, per = bulletin.ranking, BARS_PER_PICTURE
    pieces = sum(-(-sum(1 for u in ranking if u.kind == kind) // per) for kind in ("股室", "学校"))
    assert len(ranking) > per and len(document.inline_shapes) == pieces
    section = document.sections[0]
    usable = section.page_height - section.top_margin - section.bottom_margin
    assert all(shape.height < usable / 2 for shape in document.inline_shapes)
    with pytest.raises(Exception, match="只有督办通报"):
        make_report(demo, "ledger", plan_id=demo.demo_plan, as_of=AS_OF, docx=tmp_path / "no.docx")


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice or poppler missing")
def test_libreoffice_opens_the_files_with_the_pdf_numbers(demo, tmp_path):
    ours = make_report(demo, "bulletin", plan_id=demo.demo_plan, as_of=AS_OF, pdf=tmp_path / "b.pdf",
                       xlsx=tmp_path / "b.xlsx", docx=tmp_path / "b.docx", options={"bulletin": {"issue": 3}})
    ledger = make_report(demo, "ledger", plan_id=demo.demo_plan, as_of=AS_OF, xlsx=tmp_path / "l.xlsx")
    sources = [tmp_path / "b.xlsx", tmp_path / "l.xlsx"]
    if shutil.which("soffice") and _has_writer():
        sources.append(tmp_path / "b.docx")
    out = soffice_convert(sources, ["pdf"], tmp_path / "converted")["pdf"]
    sentence = squeeze(ours.document.bulletin.overall_sentence)
    our_text = squeeze(_text(tmp_path / "b.pdf"))
    assert sentence in our_text
    for source in sources:
        converted = out / f"{source.stem}.pdf"
        assert converted.exists(), f"LibreOffice could not open {source.name}"
        text = squeeze(_text(converted))
        if source.stem == "b":
            assert sentence in text and "第3期" in text
            first_overdue = ours.document.bulletin.overdue[0]
            assert squeeze(first_overdue.title) in text
        else:
            assert "督办台账" in text and "第1页共" in text
            codes = [r.cells[1] for s in ledger.document.table.sections for r in s.rows if not r.heading]
            assert all(squeeze(str(c)) in text for c in codes)


def _has_writer() -> bool:
    import glob

    return bool(glob.glob("/usr/lib/libreoffice/program/libswlo.so")) or sys.platform != "linux"


def _text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_report_command_prints_the_fixed_keys(demo, tmp_path):
    pdf = tmp_path / "台账.pdf"
    completed = subprocess.run(
        [sys.executable, "-m", "planner_desktop", "--db", str(demo.path), "report", "overdue",
         "--plan", str(demo.demo_plan), "--as-of", AS_OF.isoformat(), "--pdf", str(pdf), "--json"],
        capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    data = json.loads(completed.stdout)
    assert list(data)[:4] == ["kind", "rows", "pages", "files"]
    assert data["kind"] == "overdue" and data["files"] == [str(pdf)] and pdf.exists()
    refused = subprocess.run(
        [sys.executable, "-m", "planner_desktop", "--db", str(demo.path), "report", "ledger", "--docx",
         str(tmp_path / "x.docx"), "--json"], capture_output=True, text=True, timeout=120)
    assert refused.returncode == 1 and "只有督办通报" in json.loads(refused.stdout)["error"]
