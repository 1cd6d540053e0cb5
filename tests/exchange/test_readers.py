"""The spreadsheet reader on real files: written by openpyxl and xlsxwriter here, converted by
LibreOffice when it is installed, the shared samples, and every kind of bad input a clerk
may pick (each with its Chinese message and where it is)."""

from __future__ import annotations

import codecs
import datetime as dt
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from planner_desktop.errors import FileReadError
from planner_desktop.exchange import readers
from planner_desktop.exchange.grid import Grid, MergedRange
from planner_desktop.exchange.readers import cell_text, read_workbook
from planner_desktop.files import incoming
from tests.support.fixtures_sheets import (
    TASKS_SIMPLIFIED,
    TASKS_TRADITIONAL,
    billion_laughs,
    sheet_xml,
    soffice_convert,
    write_cached_formulas_xlsx,
    write_compound_file,
    write_csv,
    write_encrypted_xlsx,
    write_features_xlsx,
    write_raw_xlsx,
    write_rows_xlsx,
    write_task_list_xlsx,
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "readers"
SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "tasklists"
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice missing")


def refused(path: Path, **kwargs) -> FileReadError:
    with pytest.raises(FileReadError) as caught:
        read_workbook(path, **kwargs)
    assert caught.value.location.file == path.name
    return caught.value


# -- the grid type ---------------------------------------------------------------------------

def test_grid_helpers():
    grid = Grid("s", [["类别", "任务"], ["", "b"], ["", "c"]], [MergedRange(0, 0, 2, 0)],
                values={(0, 0): dt.date(2024, 1, 2)})
    filled = grid.filled()
    assert [r[0] for r in filled.rows] == ["类别", "类别", "类别"]
    assert filled.values[(2, 0)] == dt.date(2024, 1, 2)
    assert grid.rows[1][0] == ""  # the original is untouched
    assert grid.cell(9, 9) == "" and grid.cell(-1, 0) == ""
    assert grid.merge_at(1, 0) == MergedRange(0, 0, 2, 0) and grid.merge_at(1, 1) is None
    for index, letters in [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA"),
                           (16383, "XFD")]:
        assert Grid.column_letter(index) == letters
        assert Grid.column_index(letters) == index


def test_cell_text_rules():
    assert cell_text(2.0) == "2"
    assert cell_text(-0.0) == "0"
    assert cell_text(0.1 + 0.2) == "0.3"
    assert cell_text(1 / 3) == "0.3333333333"
    assert cell_text(0.85) == "0.85"  # an 85% cell: formats are not read (documented)
    assert cell_text(1e-12) == "1e-12"
    assert cell_text(1e20) == "1e+20"
    assert cell_text(float("nan")) == "#NUM!"
    assert cell_text(7) == "7"
    assert cell_text(True) == "TRUE" and cell_text(False) == "FALSE"
    assert cell_text(None) == ""
    assert cell_text(dt.date(2024, 3, 1)) == "2024-03-01"
    assert cell_text(dt.datetime(2024, 3, 1)) == "2024-03-01"
    assert cell_text(dt.datetime(2024, 3, 1, 10, 30)) == "2024-03-01 10:30"
    assert cell_text(dt.datetime(2024, 3, 1, 10, 30, 5)) == "2024-03-01 10:30:05"
    assert cell_text(dt.time(8, 30)) == "08:30"
    assert cell_text(dt.timedelta(hours=26, minutes=5)) == "26:05:00"
    assert cell_text("NA") == "NA"


# -- xlsx written here -----------------------------------------------------------------------

def test_xlsx_from_openpyxl(tmp_path):
    book = read_workbook(write_features_xlsx(tmp_path / "features.xlsx"))
    assert book.format == "xlsx" and book.encoding is None
    assert [s.name for s in book.sheets] == ["任务", "隐藏", "很隐藏", "空"]
    assert [s.hidden for s in book.sheets] == [False, True, True, False]
    tasks = book.sheets[0]
    assert set(tasks.merges) == {MergedRange(1, 1, 2, 1), MergedRange(4, 0, 5, 2)}
    assert tasks.hidden_rows == {3} and tasks.hidden_cols == {7}
    assert tasks.rows[1] == ["1", "合并任务", "2024-03-01", "2", "TRUE", "0.85", "", "NA"]
    assert tasks.rows[2][:6] == ["2", "", "2024-03-02 10:30", "0.3", "FALSE", "0.5"]
    assert tasks.rows[3][2:4] == ["2024年底", "1e+20"] and tasks.rows[3][7] == "N/A"
    assert tasks.values == {(1, 2): dt.date(2024, 3, 1), (2, 2): dt.date(2024, 3, 2)}
    # openpyxl stores formulas without cached results: they read as empty cells.
    assert tasks.rows[1][6] == "" and tasks.rows[2][6] == "" and tasks.rows[3][6] == ""
    # openpyxl writes the text "#N/A" as an error cell; it keeps its text.
    assert tasks.rows[2][7] == "#N/A" and tasks.errors == {(2, 7)}
    assert len(tasks.rows) == 5 and {len(r) for r in tasks.rows} == {8}  # rectangular
    # The columns a parser reads show the error cell too (shown after the cells were read).
    assert [list(c) for c in tasks.columns()] == [list(c) for c in zip(*tasks.rows, strict=True)]
    assert tasks.columns()[7][2] == "#N/A"
    assert tasks.filled().rows[4][:3] == ["合并区"] * 3
    very = book.sheets[2]
    assert very.rows == [["", "", ""], ["", "", ""], ["", "", "x"]]  # starts at A1
    assert very.merges == [MergedRange(2, 2, 3, 3)]
    assert book.sheets[3].rows == []  # an empty sheet is not an error


def test_xlsx_cached_formula_values_and_errors(tmp_path):
    grid = read_workbook(write_cached_formulas_xlsx(tmp_path / "cached.xlsx")).sheets[0]
    assert grid.rows == [["#DIV/0!", "6", "完成", "#N/A", "#N/A", "TRUE"]]
    assert grid.errors == {(0, 0), (0, 3)}  # E1 is only a text that looks like an error


def test_xlsx_rows_without_r_hidden_true_and_prefixed_tags(tmp_path):
    body = ('<row><c t="inlineStr"><is><t>a</t></is></c></row>'
            '<row hidden="true"><c t="inlineStr"><is><t>b</t></is></c>'
            '<c t="e"><v>#REF!</v></c></row>'
            "<row><c><v>3</v></c></row>")
    cols = '<cols><col min="2" max="16384" hidden="1"/></cols>'
    grid = read_workbook(write_raw_xlsx(tmp_path / "plain.xlsx", sheet_xml(body, cols=cols))
                         ).sheets[0]
    assert grid.rows == [["a", ""], ["b", "#REF!"], ["3", ""]]
    assert grid.hidden_rows == {1} and grid.hidden_cols == {1}  # clamped to the grid
    assert grid.errors == {(1, 1)}

    prefixed = ('<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row>'
                '<x:row r="2" hidden="1"><x:c r="B2" t="e"><x:v>#N/A</x:v></x:c></x:row>'
                '<x:row r="3"><x:c r="A3"><x:v>1</x:v></x:c></x:row>')
    grid = read_workbook(write_raw_xlsx(tmp_path / "x.xlsx", sheet_xml(prefixed, prefix="x"))
                         ).sheets[0]
    assert grid.hidden_rows == {1} and grid.rows[1] == ["", "#N/A"] and grid.errors == {(1, 1)}


def test_error_cell_as_last_value_keeps_its_row(tmp_path):
    body = ('<row r="1"><c r="A1"><v>1</v></c></row>'
            '<row r="2"><c r="A2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>')
    grid = read_workbook(write_raw_xlsx(tmp_path / "e.xlsx", sheet_xml(body))).sheets[0]
    assert grid.rows == [["1"], ["#DIV/0!"]]


def test_generated_task_list_keeps_merges_and_hidden_parts(tmp_path):
    grid = read_workbook(write_task_list_xlsx(tmp_path / "big.xlsx", rows=500)).sheets[0]
    assert len(grid.rows) == 502 and len(grid.rows[0]) == 10
    assert len(grid.merges) == 51
    assert grid.hidden_rows == {10} and grid.hidden_cols == {9}
    assert grid.filled().rows[11][1] == grid.rows[2][1] == "第1类 全面加强基层党的建设"
    assert len(grid.values) == 500 and grid.rows[2][0] == "1"
    # The columns the reader made while converting cells are the rows' columns.
    assert [list(c) for c in grid.columns()] == [list(c) for c in zip(*grid.rows, strict=True)]


# -- files that are not what their extension says ----------------------------------------------

def test_csv_text_named_xlsx(tmp_path):
    path = write_csv(tmp_path / "导出.xlsx", TASKS_SIMPLIFIED, encoding="gbk")
    book = read_workbook(path)
    assert book.format == "csv" and book.encoding == "gb18030"
    assert book.sheets[0].name == "导出" and book.sheets[0].rows == TASKS_SIMPLIFIED


@pytest.mark.skipif(not (SAMPLES / "2020_tasklist_merged.xls").exists(), reason="no samples")
def test_xls_named_xlsx(tmp_path):
    path = tmp_path / "renamed.xlsx"
    shutil.copy(SAMPLES / "2020_tasklist_merged.xls", path)
    book = read_workbook(path)
    assert book.format == "xls" and len(book.sheets[0].merges) == 72


def test_html_named_xls_gets_its_own_message(tmp_path):
    path = tmp_path / "系统导出.xls"
    path.write_text("<html><body><table><tr><td>任务</td></tr></table></body></html>",
                    encoding="utf-8")
    assert "网页（HTML）" in refused(path).message


# -- csv -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("encoding", "bom", "expected"), [
    ("gbk", b"", "gb18030"),
    ("gb18030", b"", "gb18030"),
    ("utf-8", b"", "utf-8"),
    ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
])
def test_csv_encodings(tmp_path, encoding, bom, expected):
    path = write_csv(tmp_path / "tasks.csv", TASKS_SIMPLIFIED, encoding=encoding, bom=bom)
    book = read_workbook(path)
    assert book.encoding == expected
    assert book.sheets[0].rows == TASKS_SIMPLIFIED


def test_csv_big5(tmp_path):
    book = read_workbook(write_csv(tmp_path / "tw.csv", TASKS_TRADITIONAL, encoding="big5"))
    assert book.encoding in ("big5", "cp950")
    assert book.sheets[0].rows == TASKS_TRADITIONAL


@pytest.mark.parametrize("delimiter", [",", "\t", ";"])
def test_csv_delimiters(tmp_path, delimiter):
    rows = [["序号", "任务", "说明"], ["1", "a,b;c", "x"], ["2", "d", "e,f"]]
    path = write_csv(tmp_path / "t.txt", rows, delimiter=delimiter)
    assert read_workbook(path).sheets[0].rows == rows


def test_csv_quoted_line_breaks_sep_hint_and_ragged_rows(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes('sep=;\r\n序号;任务\r\n1;"第一行\r\n第二行；含""引号"""\r\n2\r\n\r\n'
                     .encode())
    grid = read_workbook(path).sheets[0]
    assert grid.rows == [["序号", "任务"], ["1", "第一行\r\n第二行；含\"引号\""], ["2", ""]]


def test_csv_title_row_does_not_fool_the_delimiter(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("2024年工作任务清单\n序号\t任务\t时限\n1\t甲,乙\t年底\n2\t丙\t6月\n",
                    encoding="utf-8")
    grid = read_workbook(path).sheets[0]
    assert grid.rows[2] == ["1", "甲,乙", "年底"]


# -- LibreOffice conversions --------------------------------------------------------------------

@pytest.fixture(scope="session")
def converted(tmp_path_factory):
    """features.xlsx and cached.xlsx converted to xls, ods and back to xlsx by LibreOffice,
    all in one go (three soffice processes side by side)."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice missing")
    folder = tmp_path_factory.mktemp("lo")
    sources = [write_features_xlsx(folder / "features.xlsx"),
               write_cached_formulas_xlsx(folder / "cached.xlsx")]
    out = soffice_convert(sources, ["xls", "ods", "xlsx"], folder / "out")
    found = {fmt: out[fmt] / "features" for fmt in out}
    for fmt, stem in found.items():
        if not stem.with_suffix("." + fmt).exists():
            pytest.fail(f"LibreOffice did not convert to {fmt}")
    return out


@needs_soffice
@pytest.mark.soffice
@pytest.mark.parametrize("fmt", ["xls", "ods", "xlsx"])
def test_libreoffice_files(converted, fmt):
    book = read_workbook(converted[fmt] / f"features.{fmt}")
    assert book.format == fmt
    assert [s.name for s in book.sheets] == ["任务", "隐藏", "很隐藏", "空"]
    assert [s.hidden for s in book.sheets] == [False, True, True, False]
    tasks = book.sheets[0]
    assert set(tasks.merges) == {MergedRange(1, 1, 2, 1), MergedRange(4, 0, 5, 2)}
    assert tasks.hidden_rows == {3} and tasks.hidden_cols == {7}
    assert book.sheets[2].merges == [MergedRange(2, 2, 3, 3)]
    assert tasks.values[(1, 2)] == dt.date(2024, 3, 1)
    assert tasks.rows[1][:4] == ["1", "合并任务", "2024-03-01", "2"]
    assert tasks.rows[2][3] == "0.3" and tasks.rows[3][7] == "N/A" and tasks.rows[1][7] == "NA"
    # LibreOffice recalculates on load and saves the results: formulas have values now.
    assert tasks.rows[1][6] == "4" and tasks.rows[3][6] == "ab"
    assert tasks.rows[2][6] == "#DIV/0!" and tasks.rows[2][7] == "#N/A"
    assert tasks.errors == {(2, 6), (2, 7)}
    # LibreOffice keeps booleans as numbers in .ods (shown TRUE by a number format).
    assert tasks.rows[1][4] == ("1" if fmt == "ods" else "TRUE")
    assert book.sheets[3].rows == []


@needs_soffice
@pytest.mark.soffice
@pytest.mark.parametrize("fmt", ["xls", "ods", "xlsx"])
def test_libreoffice_cached_formulas(converted, fmt):
    grid = read_workbook(converted[fmt] / f"cached.{fmt}").sheets[0]
    # LibreOffice 7.4 saves the text result of ="完成" into .xls as the number 0 (xlrd reads
    # the same 0): a quirk of its export, not of reading.
    expected = ["#DIV/0!", "6", "0" if fmt == "xls" else "完成", "#N/A", "#N/A"]
    assert grid.rows[0][:5] == expected
    assert (0, 0) in grid.errors and (0, 3) in grid.errors and (0, 4) not in grid.errors


@needs_soffice
@pytest.mark.soffice
def test_xls_renamed_xlsx_from_libreoffice(converted, tmp_path):
    path = tmp_path / "看似.xlsx"
    shutil.copy(converted["xls"] / "features.xls", path)
    book = read_workbook(path)
    assert book.format == "xls" and book.sheets[0].hidden_rows == {3}


# -- the shared samples ------------------------------------------------------------------------

def sample(name: str) -> Path:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"sample {name} is not present")
    return path


def test_sample_merged_xlsx_and_xls_agree():
    xlsx = read_workbook(sample("2020_tasklist_merged.xlsx")).sheets[0]
    xls = read_workbook(sample("2020_tasklist_merged.xls")).sheets[0]
    assert xlsx.name == xls.name == "任务分解表"
    assert len(xlsx.merges) == 72 and set(xlsx.merges) == set(xls.merges)
    assert MergedRange(0, 0, 0, 7) in xlsx.merges
    assert xlsx.rows[0][0] == "××州教育和体育局2020年工作要点任务分解表"
    assert xlsx.rows[2] == ["序号", "重点任务", "具体措施", "牵头股室", "配合股室", "责任学校",
                            "完成时限", "备注"]
    assert xlsx.rows == xls.rows


def test_sample_gbk_csv():
    book = read_workbook(sample("2020_tasklist_gbk.csv"))
    assert book.format == "csv" and book.encoding == "gb18030"
    grid = book.sheets[0]
    assert grid.rows[0] == ["序号", "工作内容", "责任股室", "完成时限"]
    assert grid.rows[1][0].startswith("一、以理论武装为引领")


def test_sample_two_header_rows_and_roster():
    book = read_workbook(sample("2020_tasklist_two_header_rows.xlsx"))
    assert [s.name for s in book.sheets] == ["第1部分", "第2部分", "第3部分"]
    assert book.sheets[0].rows[2][2:4] == ["牵头单位", "配合单位"]
    assert MergedRange(1, 2, 1, 3) in book.sheets[0].merges
    roster = read_workbook(sample("units_roster.xlsx"))
    assert [s.name for s in roster.sheets] == ["单位名册", "单位组"]
    assert roster.sheets[0].rows[1][:3] == ["局办公室", "办公室", "股室"]


# -- bad input: each refused with a message saying what to do ------------------------------------

def test_missing_file_and_folder(tmp_path):
    error = refused(tmp_path / "没有.xlsx")
    assert "找不到文件" in error.message
    folder = tmp_path / "文件夹.xlsx"
    folder.mkdir()
    assert "文件夹" in refused(folder).message


def test_unreadable_file(tmp_path, monkeypatch):
    path = write_rows_xlsx(tmp_path / "locked.xlsx", [["a"]])

    def locked(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(incoming, "_open_fd", locked)  # we run as root: chmod would not stop us
    error = refused(path)
    assert "无法读取文件" in error.message and "Excel/WPS" in error.message


def test_empty_file(tmp_path):
    path = tmp_path / "空.xlsx"
    path.write_bytes(b"")
    assert "文件是空的" in refused(path).message


@pytest.mark.parametrize(("suffix", "words"), [
    (".et", "WPS 表格"), (".wps", "WPS 文字"), (".doc", "Word"), (".docx", "Word"),
    (".pdf", "PDF"),
])
def test_refused_kinds_by_extension(tmp_path, suffix, words):
    path = tmp_path / f"任务{suffix}"
    path.write_bytes(b"anything")
    message = refused(path).message
    assert words in message and ".xlsx" in message


def test_refused_kinds_by_content(tmp_path):
    pdf = tmp_path / "清单.xlsx"
    pdf.write_bytes(b"%PDF-1.7\n...")
    assert "PDF" in refused(pdf).message
    doc = write_compound_file(tmp_path / "清单.xls", {"WordDocument": b"w", "1Table": b"t"})
    assert "Word" in refused(doc).message
    docx = tmp_path / "清单2.xlsx"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert "Word" in refused(docx).message
    plain_zip = tmp_path / "打包.xlsx"
    with zipfile.ZipFile(plain_zip, "w") as archive:
        archive.writestr("a.txt", "x")
    assert "解压" in refused(plain_zip).message
    binary = tmp_path / "图.xlsx"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "无法识别的文件格式" in refused(binary).message


def test_password_protected_xlsx(tmp_path):
    error = refused(write_encrypted_xlsx(tmp_path / "加密.xlsx"))
    assert "打开密码" in error.message and "另存为 .xlsx" in error.message


@pytest.mark.parametrize("name", ["password.xls", "password.ods"])
def test_password_protected_xls_and_ods(tmp_path, name):
    """Saved with a password by LibreOffice (kept: 5.6 and 11 KB; no tool here can make them)."""
    assert "打开密码" in refused(FIXTURES / name).message


def test_truncated_files(tmp_path):
    whole = write_features_xlsx(tmp_path / "whole.xlsx").read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    assert "已损坏或不完整" in refused(cut).message
    ole = write_compound_file(tmp_path / "whole.xls", {"Workbook": b"\x09\x08"}).read_bytes()
    cut_ole = tmp_path / "cut.xls"
    cut_ole.write_bytes(ole[:600])
    assert "已损坏或不完整" in refused(cut_ole).message
    garbage = tmp_path / "garbage.xls"
    garbage.write_bytes(ole[:512] + b"\xff" * 4000)
    assert "已损坏或不完整" in refused(garbage).message


def test_corrupt_sheet_xml(tmp_path):
    path = write_raw_xlsx(tmp_path / "bad.xlsx", sheet_xml("<row r='1'><c r='A1'><v>1</v></row>"))
    assert "已损坏" in refused(path).message


@pytest.mark.parametrize("where", ["sheet", "shared", "comment-padded"])
def test_xml_bomb_is_refused_quickly(tmp_path, where):
    body = '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    extra = {}
    if where == "sheet":
        worksheet = sheet_xml(body, prolog=billion_laughs())
    elif where == "shared":
        worksheet = sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')
        extra["xl/sharedStrings.xml"] = (
            '<?xml version="1.0"?>\n' + billion_laughs()
            + '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              "<si><t>&lol9;</t></si></sst>")
    else:
        worksheet = sheet_xml(body, prolog="<!--" + "x" * 8000 + "-->" + billion_laughs())
    path = write_raw_xlsx(tmp_path / "bomb.xlsx", worksheet, extra_parts=extra)
    started = time.perf_counter()
    error = refused(path)
    assert time.perf_counter() - started < 1.0
    assert "不安全的 XML" in error.message


def test_too_many_rows(tmp_path):
    path = write_rows_xlsx(tmp_path / "长表.xlsx", [[i] for i in range(20)], title="清单")
    error = refused(path, max_rows=10)
    assert "表格超过 10 行" in error.message and "20 行" in error.message
    assert error.location.sheet == "清单"
    assert len(read_workbook(path, max_rows=20).sheets[0].rows) == 20
    csv_path = write_csv(tmp_path / "长表.csv", [[str(i)] for i in range(20)])
    assert "表格超过 10 行" in refused(csv_path, max_rows=10).message


def test_cell_too_long_names_its_cell(tmp_path):
    rows = [["序号", "任务", "说明"]] + [["1", "a", "b"]] * 3 + [["5", "x", "长" * 200]]
    path = write_rows_xlsx(tmp_path / "长.xlsx", rows, title="任务表")
    error = refused(path, max_cell_chars=100)
    assert "单元格内容过长" in error.message
    loc = error.location
    assert (loc.sheet, loc.row, loc.column) == ("任务表", 5, "C")
    assert "工作表 任务表，第 5 行，C 列" in error.full_message()
    csv_path = write_csv(tmp_path / "长.csv", rows)
    loc = refused(csv_path, max_cell_chars=100).location
    assert (loc.row, loc.column) == (5, "C")


def test_long_cells_among_thousands(tmp_path):
    """The longest-cell check looks at a long column in chunks: many texts that are long
    together but each within the limit are read, and the one text over it is found wherever
    it lies, with the right cell named."""
    limit = 2560  # chunks of 10 texts
    within = [["序号", "任务"]] + [[str(i), "长" * 300] for i in range(1, 3000)]
    assert len(read_workbook(write_csv(tmp_path / "长而多.csv", within),
                             max_cell_chars=limit).sheets[0].rows) == 3000
    over = within[:2345] + [["2345", "长" * (limit + 1)]] + within[2346:]
    loc = refused(write_csv(tmp_path / "其中一格过长.csv", over), max_cell_chars=limit).location
    assert (loc.row, loc.column) == (2346, "B")


def test_huge_csv_cell_is_not_loaded(tmp_path):
    """A field beyond the csv module's own limit (131,072 by default) is refused by row."""
    path = tmp_path / "巨大.csv"
    path.write_text("序号,任务\n1,ok\n2," + "长" * 300_000 + "\n", encoding="utf-8")
    error = refused(path)
    assert "单元格内容过长" in error.message and error.location.row == 3


def test_undecodable_csv(tmp_path):
    path = tmp_path / "乱码.csv"
    path.write_bytes("序号,任务\n".encode("gbk") + b"1,\xff\xff\n")  # 0xFF: no codec has it
    assert "文字编码" in refused(path).message


def test_file_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 100)
    path = write_csv(tmp_path / "大.csv", [["x" * 50]] * 5)
    assert "文件过大" in refused(path).message


def test_json_contract_of_errors(tmp_path):
    path = write_rows_xlsx(tmp_path / "a.xlsx", [["x" * 20]], title="表")
    payload = refused(path, max_cell_chars=10).to_json()
    assert payload == {"error": payload["error"], "file": "a.xlsx", "sheet": "表", "row": 1,
                       "column": "A"}


def _with_part(source: Path, target: Path, part: str, text: str) -> Path:
    """``source`` with one part's XML replaced (as a damaged file would carry it)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, text if info.filename == part else old.read(info))
    return target


def test_a_damaged_empty_sheet_does_not_spoil_the_file(tmp_path):
    """Hidden columns and error cells matter only for sheets with cells: a broken record in an
    empty sheet's part is not read, while the same in the sheet with the tasks is refused."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "任务"
    book.active.append(["序号", "任务"])
    book.active.append([1, "推进义务教育优质均衡发展"])
    book.create_sheet("空")
    book.save(tmp_path / "two.xlsx")
    broken = sheet_xml("", cols='<cols><col min="2.0" max="3" hidden="1"/></cols>')
    empty_part = _with_part(tmp_path / "two.xlsx", tmp_path / "empty.xlsx",
                            "xl/worksheets/sheet2.xml", broken)
    workbook = read_workbook(empty_part)
    assert workbook.sheets[0].rows[1] == ["1", "推进义务教育优质均衡发展"]
    full_part = _with_part(tmp_path / "two.xlsx", tmp_path / "full.xlsx", "xl/worksheets/sheet1.xml",
                           sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c></row>',
                                     cols='<cols><col min="2.0" max="3" hidden="1"/></cols>'))
    with pytest.raises(FileReadError, match="损坏"):
        read_workbook(full_part)
