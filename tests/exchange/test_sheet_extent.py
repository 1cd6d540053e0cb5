"""A stray cell far away (issue 16, item 3): the sheet's extent is found before calamine
builds its dense grid, so a far value is refused with its size and cell named, a far blank
value is dropped, and nothing can make the process allocate gigabytes or abort.

The files that would make an unfixed reader allocate 512 GiB or 12 GB are read in a child
process with an address-space limit: a regression fails the test instead of the test run.
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import xlsxwriter

from planner_desktop.errors import FileReadError
from planner_desktop.exchange.readers import read_workbook
from planner_desktop.exchange.readers.extent import blank_shared_strings, fit_xlsx_sheet
from tests.support.fixtures_sheets import sheet_xml, soffice_convert, write_raw_xlsx

ROOT = Path(__file__).resolve().parents[2]
HEADER = ["序号", "重点任务", "牵头股室", "完成时限"]
LIMIT_BYTES = 2 << 30  # what a child may map; calamine's grid for XFD20000 alone is 12 GB


def task_list(path: Path, far: str | None, value: object = "x", *, blank_format: bool = False,
              extras: bool = False) -> Path:
    """A small task list (header and five rows) with one more cell at ``far``: a value, or
    with ``blank_format`` a formatted empty cell; ``extras`` adds a merge and a hidden row."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("任务")
    ws.write_row(0, 0, HEADER)
    for r in range(1, 6):
        ws.write_row(r, 0, [r, f"任务{r}", "基础教育股", "2024年6月底"])
    if extras:
        ws.merge_range("F2:G3", "合并")
        ws.set_row(3, None, None, {"hidden": True})
    if far and blank_format:
        ws.write_blank(far, None, wb.add_format({"bold": True}))
    elif far:
        ws.write_string(far, value) if isinstance(value, str) else ws.write(far, value)
    wb.close()
    return path


def read_in_child(paths: list[Path]) -> list[dict]:
    """Read each file in one child process limited to LIMIT_BYTES of address space: per file
    the grids' sizes or the message and location."""
    code = (
        "import json, sys\n"
        "from planner_desktop.errors import FileReadError\n"
        "from planner_desktop.exchange.readers import read_workbook\n"
        "for path in sys.argv[1:]:\n"
        "    try:\n"
        "        book = read_workbook(path)\n"
        "        out = {'sheets': [[g.name, g.height, g.width] for g in book.sheets]}\n"
        "    except FileReadError as exc:\n"
        "        loc = exc.location\n"
        "        out = {'error': exc.message, 'sheet': loc.sheet, 'row': loc.row,\n"
        "               'column': loc.column}\n"
        "    print(json.dumps(out, ensure_ascii=False), flush=True)\n")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))

    done = subprocess.run([sys.executable, "-c", code, *map(str, paths)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, preexec_fn=limit)
    assert done.returncode == 0, done.stderr[-2000:]
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_far_values_are_refused_with_their_size_and_cell(tmp_path):
    files = [task_list(tmp_path / f"{ref}.xlsx", ref) for ref in
             ("XFD1048576", "XFD20000", "Z1048576")]
    xfd, xfd20k, z = read_in_child(files)
    assert "1048576 行 × 16384 列" in xfd["error"] and "XFD1048576" in xfd["error"]
    assert (xfd["sheet"], xfd["row"], xfd["column"]) == ("任务", 1048576, "XFD")
    assert "20000 行 × 16384 列" in xfd20k["error"] and "表格过大" in xfd20k["error"]
    assert "表格超过 200000 行" in z["error"] and "1048576 行 × 26 列" in z["error"]
    for result in (xfd, xfd20k, z):
        assert "删除多余的行和列" in result["error"] and "另存为 .xlsx" in result["error"]
        assert "损坏" not in result["error"]


def test_far_blank_cells_do_not_count(tmp_path):
    """Formatting only, an empty shared string, a space: the list reads as if they were not
    there (calamine would build its 512 GiB grid for the two strings)."""
    files = [task_list(tmp_path / "format.xlsx", "XFD1048576", blank_format=True),
             task_list(tmp_path / "empty.xlsx", "XFD1048576", ""),
             task_list(tmp_path / "space.xlsx", "XFD1048576", " \u3000"),
             task_list(tmp_path / "near.xlsx", "Z99999", "")]
    *far, near = read_in_child(files)
    assert far == [{"sheets": [["任务", 6, 4]]}] * 3
    # Within the limits calamine's grid is kept: the trailing empty rows go, as always.
    assert near == {"sheets": [["任务", 6, 26]]}


def test_a_trimmed_sheet_keeps_its_merges_and_hidden_rows(tmp_path):
    path = task_list(tmp_path / "extras.xlsx", "XFD1048576", "", extras=True)
    [result] = read_in_child([path])
    assert result == {"sheets": [["任务", 6, 6]]}  # G2:G3 are merged, not values
    grid = read_workbook(path).sheets[0]
    assert [(m.first_row, m.first_col, m.last_row, m.last_col) for m in grid.merges] == [
        (1, 5, 2, 6)]
    assert grid.hidden_rows == {3}
    assert grid.rows[1][:2] == ["1", "任务1"] and grid.rows[1][5] == "合并"


def test_large_but_real_sheets_still_read(tmp_path):
    """Up to 200,000 rows and 10 million cells are read: a value at Z150000 (3.9 million
    cells) and one at ZZ9000 (702 columns)."""
    files = [task_list(tmp_path / "z.xlsx", "Z150000"), task_list(tmp_path / "zz.xlsx", "ZZ9000")]
    z, zz = read_in_child(files)
    assert z == {"sheets": [["任务", 150000, 26]]}
    assert zz == {"sheets": [["任务", 9000, 702]]}


def test_max_rows_is_checked_before_reading(tmp_path):
    path = task_list(tmp_path / "rows.xlsx", "B30")
    with pytest.raises(FileReadError) as caught:
        read_workbook(path, max_rows=20)
    assert "表格超过 20 行（此工作表的数据区域有 30 行 × 4 列" in caught.value.message
    assert (caught.value.location.row, caught.value.location.column) == (30, "B")


@pytest.mark.parametrize("body, expected", [
    # Cells without r follow the one before; a row's r places the cells after it.
    ('<row r="3"><c t="inlineStr"><is><t>x</t></is></c><c><v>1</v></c></row>', None),
    ('<row r="900000"><c t="inlineStr"><is><t>x</t></is></c></row>', (900000, 1)),
    # Lower-case references count as calamine counts them.
    ('<row r="1"><c r="xfd9000"><v>1</v></c></row>', (9000, 16384)),
    # A formula without a cached value is no part of the grid; an empty value is blank.
    ('<row r="1"><c r="XFD900000"><f>1+1</f></c><c r="XFD900001"><v></v></c></row>', None),
    # An error value counts.
    ('<row r="1"><c r="XFD900000" t="e"><v>#N/A</v></c></row>', (900000, 16384)),
])
def test_fit_of_hand_made_sheet_parts(body, expected):
    fit = fit_xlsx_sheet(sheet_xml(body).encode(), frozenset, 200_000)
    if expected is None:
        assert fit.too_large is None
    else:
        assert (fit.too_large.rows, fit.too_large.cols) == expected


def test_prefixed_tags_and_trimmed_part(tmp_path):
    body = ('<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>任务</x:t></x:is></x:c></x:row>'
            '<x:row r="900000"><x:c r="XFD900000" t="str"><x:v> </x:v></x:c></x:row>')
    xml = sheet_xml(body, prefix="x").encode()
    fit = fit_xlsx_sheet(xml, frozenset, 200_000)
    assert fit.too_large is None and b"XFD900000" not in fit.trimmed
    path = write_raw_xlsx(tmp_path / "prefixed.xlsx", xml.decode())
    assert read_workbook(path).sheets[0].rows == [["任务"]]


def test_blank_shared_strings():
    xml = ('<sst xmlns="m"><si><t>任务</t></si><si><t/></si><si><t xml:space="preserve">  </t>'
           '</si><si><r><t>a</t></r></si><si><rPh><t>ふ</t></rPh></si><si/></sst>').encode()
    assert blank_shared_strings(xml) == {1, 2, 4, 5}


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice missing")
@pytest.mark.soffice
def test_far_value_in_xls_and_ods_is_refused_before_calamine_opens_it(tmp_path):
    """calamine reads every sheet of an .xls or .ods when it opens the file (1 GB for one
    value at IV65536): those are measured before."""
    source = task_list(tmp_path / "far.xlsx", "IV65536")
    blank = task_list(tmp_path / "blank.xlsx", "IV65536", blank_format=True)
    out = soffice_convert([source, blank], ["xls", "ods"], tmp_path / "out")
    results = read_in_child([out["xls"] / "far.xls", out["ods"] / "far.ods",
                             out["xls"] / "blank.xls", out["ods"] / "blank.ods"])
    for far in results[:2]:
        assert "65536 行 × 256 列" in far["error"] and "IV65536" in far["error"]
        assert (far["sheet"], far["row"], far["column"]) == ("任务", 65536, "IV")
    assert results[2:] == [{"sheets": [["任务", 6, 4]]}] * 2
