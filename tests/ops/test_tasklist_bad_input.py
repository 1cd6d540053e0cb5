"""Bad task lists through the whole import, as the program and the CLI run it.

Each refused file must give a Chinese message naming the file (and sheet, row, column where
there is one) and leave the ledger file byte-for-byte as it was. Files that are awkward but
readable (formulas, dates as serials or text, traditional characters, Big5) must import
with the values a person sees.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from planner_desktop.errors import UserFixableError
from planner_desktop.ops.task_import import commit_task_list, preview_task_list
from planner_desktop.store.database import open_ledger
from tests.support.fixtures_sheets import (
    TASKS_SIMPLIFIED,
    TASKS_TRADITIONAL,
    billion_laughs,
    sheet_xml,
    write_compound_file,
    write_csv,
    write_encrypted_xlsx,
    write_raw_xlsx,
    write_rows_xlsx,
    write_task_list_xlsx,
)

HAN = re.compile(r"[\u4e00-\u9fff]")
HEADER = ["序号", "重点任务", "牵头股室", "配合股室", "完成时限"]


def ledger_bytes(path: Path) -> str:
    digest = hashlib.sha256()
    for suffix in ("", "-wal"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            digest.update(part.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def demo_ledger_file(tmp_path_factory, demo_templates) -> Path:
    """A lived-in ledger, closed (checkpointed) so that its bytes can be compared."""
    path = tmp_path_factory.mktemp("ledger") / "ledger.sqlite"
    demo_templates.copy_file(path, today=dt.date(2026, 11, 22))
    return path


def import_file(ledger_path: Path, path: Path):
    ledger = open_ledger(ledger_path, daily_backup=False)
    try:
        parsed = preview_task_list(ledger, path, year=2024)
        return commit_task_list(ledger, parsed)
    finally:
        ledger.close()


# -- files that are refused -----------------------------------------------------------------------

def make_xlsx_zip(path: Path, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
    return path


def only_title(path: Path) -> Path:
    return write_rows_xlsx(path, [["××县教育局2024年工作要点任务分解表"]])


def no_header(path: Path) -> Path:
    return write_rows_xlsx(path, [["甲", "乙", "丙"], ["1", "2", "3"], ["4", "5", "6"]])


def header_without_rows(path: Path) -> Path:
    return write_rows_xlsx(path, [HEADER])


def empty_sheet(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.save(path)
    return path


def corrupt_zip(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 200)
    return path


def truncated_xlsx(path: Path) -> Path:
    full = write_rows_xlsx(path.with_name("full.xlsx"), [HEADER, ["1", "任务", "基教股", "", "12月"]] * 50)
    data = full.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def xls_named_xlsx_truncated(path: Path) -> Path:
    write_compound_file(path, {"Workbook": b"\x09\x08" + b"\x00" * 30})
    return path


def doc_file(path: Path) -> Path:
    write_compound_file(path, {"WordDocument": b"\xec\xa5" + b"\x00" * 100})
    return path


def et_file(path: Path) -> Path:
    write_compound_file(path, {"Workbook": b"\x09\x08" + b"\x00" * 30})
    return path


def pdf_file(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4\n% task list printed to PDF\n")
    return path


def image_file(path: Path) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    return path


def html_as_xls(path: Path) -> Path:
    path.write_text("<html><body><table><tr><td>序号</td></tr></table></body></html>", "utf-8")
    return path


def xml_bomb(path: Path) -> Path:
    cell = "<row r='1'><c r='A1' t='inlineStr'><is><t>&lol9;</t></is></c></row>"
    return write_raw_xlsx(path, sheet_xml(cell, prolog=billion_laughs()))


def too_many_rows(path: Path) -> Path:
    """Past the 200,000-row limit (a task list has hundreds): refused before it fills memory."""
    lines = ["序号,重点任务,牵头股室,完成时限"] + ["1,任务,基教股,12月"] * 200_001
    path.write_text("\n".join(lines), "utf-8")
    return path


def huge_cell(path: Path) -> Path:
    row = "<row r='2'><c r='B2' t='inlineStr'><is><t>{}</t></is></c></row>".format("很" * 40_000)
    return write_raw_xlsx(path, sheet_xml(
        "<row r='1'><c r='A1' t='inlineStr'><is><t>序号</t></is></c>"
        "<c r='B1' t='inlineStr'><is><t>重点任务</t></is></c></row>" + row))


def undecodable_csv(path: Path) -> Path:
    path.write_bytes(b"\xff\xfe\xfa\x80\x81" * 50 + b"\x00\x00\x00")
    return path


def binary_csv(path: Path) -> Path:
    path.write_bytes(bytes(range(256)) * 4)
    return path


def zip_without_workbook(path: Path) -> Path:
    return make_xlsx_zip(path, {"readme.txt": "not a workbook"})


def docx_named_xlsx(path: Path) -> Path:
    return make_xlsx_zip(path, {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})


def empty_csv(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def blank_csv(path: Path) -> Path:
    path.write_text("\n\n , , \n", "utf-8")
    return path


def password_xls(path: Path) -> Path:
    return Path(__file__).resolve().parents[1] / "fixtures" / "readers" / "password.xls"


def password_ods(path: Path) -> Path:
    return Path(__file__).resolve().parents[1] / "fixtures" / "readers" / "password.ods"


REFUSED = {
    "empty.xlsx": lambda p: (p.write_bytes(b""), p)[1],
    "empty.csv": empty_csv,
    "blank.csv": blank_csv,
    "empty_sheet.xlsx": empty_sheet,
    "only_title.xlsx": only_title,
    "no_header.xlsx": no_header,
    "header_only.xlsx": header_without_rows,
    "corrupt.xlsx": corrupt_zip,
    "truncated.xlsx": truncated_xlsx,
    "broken_xls_named.xlsx": xls_named_xlsx_truncated,
    "password.xlsx": write_encrypted_xlsx,
    "password.xls": password_xls,
    "password.ods": password_ods,
    "tasks.et": et_file,
    "plan.doc": doc_file,
    "tasks.pdf": pdf_file,
    "photo.xlsx": image_file,
    "web_page.xls": html_as_xls,
    "bomb.xlsx": xml_bomb,
    "rows.csv": too_many_rows,
    "huge_cell.xlsx": huge_cell,
    "undecodable.csv": undecodable_csv,
    "binary.csv": binary_csv,
    "no_workbook.xlsx": zip_without_workbook,
    "document.xlsx": docx_named_xlsx,
    "missing.xlsx": None,
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_file_leaves_the_ledger_byte_for_byte(demo_ledger_file, tmp_path, name):
    make = REFUSED[name]
    path = tmp_path / name
    if make is not None:
        path = make(path)
    before = ledger_bytes(demo_ledger_file)
    with pytest.raises(UserFixableError) as caught:
        import_file(demo_ledger_file, path)
    error = caught.value
    assert HAN.search(error.message), error.message
    assert error.location.file and Path(error.location.file).name == path.name
    assert "Traceback" not in error.full_message()
    assert ledger_bytes(demo_ledger_file) == before


def test_there_are_at_least_25_refused_kinds():
    assert len(REFUSED) >= 25


# -- awkward files that import with the values a person sees ---------------------------------

@pytest.fixture
def fresh_ledger(tmp_path) -> Path:
    return tmp_path / "fresh.sqlite"


def items_of(ledger_path: Path) -> list[dict]:
    ledger = open_ledger(ledger_path)
    try:
        return ledger.query("SELECT code, title, body, deadline_text, due FROM plan_item ORDER BY id")
    finally:
        ledger.close()


def assignments_of(ledger_path: Path, title_part: str) -> list[tuple[str, str]]:
    ledger = open_ledger(ledger_path)
    try:
        return [(r["name"], r["role"]) for r in ledger.query(
            "SELECT u.name, a.role FROM assignment a JOIN unit u ON u.id = a.unit_id "
            "JOIN plan_item i ON i.id = a.item_id WHERE i.title LIKE ? ORDER BY a.id", (f"%{title_part}%",))]
    finally:
        ledger.close()


def test_formulas_import_as_their_values(fresh_ledger, tmp_path):
    path = tmp_path / "formulas.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append([1, "推进教育信息化", "电教馆", "", "=DATE(2024,6,30)"])
    wb.save(path)
    # openpyxl writes no cached value; LibreOffice or Excel would. A formula without a value
    # must not import as its text.
    ledger = open_ledger(fresh_ledger)
    try:
        parsed = preview_task_list(ledger, path, year=2024)
    finally:
        ledger.close()
    texts = [item.deadline.text if item.deadline else "" for _, item in parsed.preview.plan.walk()]
    assert not any(t.startswith("=") for t in texts)


def test_dates_as_serials_and_as_text(fresh_ledger, tmp_path):
    path = tmp_path / "dates.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append([1, "真日期的任务", "基教股", "", dt.date(2024, 6, 30)])
    ws.append([2, "文字日期的任务", "基教股", "", "2024.9.30"])
    ws.append([3, "中文日期的任务", "基教股", "", "2024年10月底前"])
    ws.append([4, "序列号日期的任务", "基教股", "", "45657"])
    wb.save(path)
    import_file(fresh_ledger, path)
    due = {i["title"]: i["due"] for i in items_of(fresh_ledger)}
    assert due["真日期的任务"] == "2024-06-30"
    assert due["文字日期的任务"] == "2024-09-30"
    assert due["中文日期的任务"] == "2024-10-31"
    assert due["序列号日期的任务"] == "2024-12-31"


def test_a_cell_of_twenty_units_and_mixed_punctuation(fresh_ledger, tmp_path):
    names = [f"第{i}中学" for i in range(1, 21)]
    separators = ["、", "，", ",", "；", ";", " ", "\n", "／", "/", "、"] * 2
    cell = "".join(n + s for n, s in zip(names, separators, strict=True)).strip()
    path = write_rows_xlsx(tmp_path / "units.xlsx",
                           [HEADER, ["1", "二十所学校的任务", "基教股（牵头）", cell, "12月"]])
    import_file(fresh_ledger, path)
    units = assignments_of(fresh_ledger, "二十所学校")
    assert {n for n, _ in units} >= set(names)
    assert ("基教股", "lead") in units


def test_traditional_characters_and_big5(fresh_ledger, tmp_path):
    path = write_csv(tmp_path / "traditional.csv", TASKS_TRADITIONAL, encoding="big5")
    import_file(fresh_ledger, path)
    titles = [i["title"] for i in items_of(fresh_ledger)]
    assert any("義務教育" in t for t in titles)
    assert assignments_of(fresh_ledger, "義務教育")[0][1] == "lead"


def test_gbk_csv_without_bom(fresh_ledger, tmp_path):
    path = write_csv(tmp_path / "gbk.csv", TASKS_SIMPLIFIED, encoding="gbk")
    import_file(fresh_ledger, path)
    assert [i["title"] for i in items_of(fresh_ledger)][0].startswith("推进义务教育")


def test_five_thousand_rows_import(fresh_ledger, tmp_path):
    path = write_task_list_xlsx(tmp_path / "big.xlsx", rows=5000)
    created = import_file(fresh_ledger, path)
    assert created.counts()["items"] >= 5000
