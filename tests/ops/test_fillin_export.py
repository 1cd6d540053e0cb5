"""Fill-in workbooks as a unit receives them: only its rows, locked but for the yellow cells,
validated, printable, with the hidden key and metadata that let the return be matched."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import openpyxl
import pytest

from planner_desktop.errors import UserFixableError
from planner_desktop.exchange.fillin_layout import GUIDE_SHEET, META_SHEET
from planner_desktop.ops.fillin.export import export_fillin, plan_units_for_export
from planner_desktop.ops.fillin.reminders import not_reported
from planner_desktop.ops.task_import import commit_task_list, preview_task_list
from planner_desktop.store.database import open_ledger
from planner_desktop.store.targets import tracked_targets
from tests.support.fillin_helpers import PERIOD, data_rows, demo_ledger_file, headers
from tests.support.fixtures_sheets import soffice_convert, write_csv


@pytest.fixture
def demo(tmp_path):
    ledger = open_ledger(demo_ledger_file(tmp_path / "ledger"), daily_backup=False)
    yield ledger
    ledger.close()


def plan_of(ledger) -> int:
    return ledger.scalar("SELECT min(id) FROM plan")


def unit_id(ledger, name: str) -> int:
    return ledger.scalar("SELECT id FROM unit WHERE name = ?", (name,))


def reporters(ledger, plan: int) -> set[str]:
    """Units that report a tracked target (not a placeholder) of the plan."""
    return {t.reporter for t in tracked_targets(ledger, plan_id=plan) if t.wanted is not None}


def test_one_workbook_per_unit_with_only_its_rows(demo, tmp_path):
    plan = plan_of(demo)
    units = plan_units_for_export(demo, plan)
    chosen = [u.unit_id for u in units[:3]]
    result = export_fillin(demo, plan, PERIOD, tmp_path / "out", unit_ids=chosen)
    assert result.units == 3 and len(result.files) == 3
    assert [p.name for p in result.files] == [f"2026年第4季度_{u.name}_填报表.xlsx" for u in units[:3]]
    reporting = reporters(demo, plan)
    for path, unit in zip(result.files, units[:3], strict=True):
        wb = openpyxl.load_workbook(path)
        targets = [f"{unit.name}_量化指标"] if unit.name in reporting else []
        assert wb.sheetnames == [unit.name, *targets, GUIDE_SHEET, META_SHEET]
        ws = wb[unit.name]
        assert len(data_rows(ws)) == unit.assignments
        assert f"填报单位：{unit.name}" in ws["A2"].value and "2026年第4季度" in ws["A2"].value
    assert result.rows == sum(u.assignments for u in units[:3])
    assert not list((tmp_path / "out").glob(".~*")), "no temporary files are left behind"


def test_locked_validated_printable_and_keyed(demo, tmp_path):
    plan = plan_of(demo)
    office = unit_id(demo, "基础教育股")
    (path,) = export_fillin(demo, plan, PERIOD, tmp_path, unit_ids=[office]).files
    wb = openpyxl.load_workbook(path)
    ws = wb["基础教育股"]
    columns = headers(ws)
    assert list(columns)[:8] == ["序号", "编号", "工作要点", "具体措施", "责任类型", "完成时限",
                                 "上期状态", "上期进度%"]
    assert {"状态", "完成进度%", "进展情况", "实际完成时间", "存在问题", "佐证材料清单"} <= set(columns)
    # 填报人 and 联系电话 are asked once, on the line above the table, not on every row.
    assert not {"填报人", "联系电话"} & set(columns)
    sign_off = {ws.cell(2, c).value: c for c in range(1, ws.max_column + 1) if ws.cell(2, c).value}
    for label in ("填报人：", "联系电话："):
        assert not ws.cell(2, sign_off[label] + 1).protection.locked
    # Protection without a password; only the fill-in cells are unlocked.
    assert ws.protection.sheet and not ws.protection.password
    first = data_rows(ws)[0]
    unlocked = {h for h, c in columns.items() if not ws.cell(first, c).protection.locked}
    assert unlocked == {"状态", "完成进度%", "进展情况", "实际完成时间", "存在问题", "佐证材料清单"}
    # The key column is hidden and says which assignment each row is.
    key_col = columns["行标识（请勿修改）"]
    letter = openpyxl.utils.get_column_letter(key_col)
    assert ws.column_dimensions[letter].hidden
    keys = [ws.cell(r, key_col).value for r in data_rows(ws)]
    ids = {r[0] for r in demo.conn.execute("SELECT id FROM assignment WHERE unit_id = ?", (office,))}
    assert {int(k.split("|")[1]) for k in keys} == ids
    # Dropdown of the status words, 0–100 progress, a date for 实际完成时间.
    rules = {dv.type: dv for dv in ws.data_validations.dataValidation}
    assert rules["list"].formula1 == '"未启动,推进中,已完成,暂缓,已取消"'
    assert (rules["whole"].formula1, rules["whole"].formula2) == ("0", "100")
    assert "date" in rules
    status_letter = openpyxl.utils.get_column_letter(columns["状态"])
    assert status_letter in str(rules["list"].sqref)
    # Frozen header, A4 landscape, header row repeated, unit and period on every page.
    assert ws.freeze_panes == "C4"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.print_title_rows == "$3:$3"
    assert "基础教育股" in ws.oddHeader.left.text and "2026年第4季度" in ws.oddHeader.right.text
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
    # The metadata sheet is very hidden and names the plan, the unit and the period.
    meta = wb[META_SHEET]
    assert meta.sheet_state == "veryHidden" and meta.protection.sheet
    records = {row[0]: row for row in meta.iter_rows(values_only=True) if row[0] != "row"}
    assert records["plan"][1] == str(plan) and records["period"][1] == "2026-Q4"
    assert records["sheet"][2] == str(office) and records["sheet"][3] == "基础教育股"
    guide = wb[GUIDE_SHEET]
    assert "黄色单元格" in "".join(str(c.value) for c in guide["A"] if c.value)


def test_text_that_looks_like_a_formula_stays_text(ledger, tmp_path):
    risky = ["=HYPERLINK(\"http://example.org\",\"点我\")", "+1", "-2", "@SUM(A1:A3)", "00123",
             "http://example.org/a"]
    rows = [["序号", "重点任务", "牵头股室", "完成时限"]]
    rows += [[str(n), text, "基础教育股", text] for n, text in enumerate(risky, start=1)]
    source = write_csv(tmp_path / "任务表.csv", rows)  # openpyxl would store "=…" as a formula
    parsed = preview_task_list(ledger, source, year=2026)
    plan = commit_task_list(ledger, parsed).plan_id
    result = export_fillin(ledger, plan, "2026-10", tmp_path / "out", combined=True)
    for path in result.files:
        wb = openpyxl.load_workbook(path)
        ws = wb.worksheets[0]
        columns = headers(ws)
        written = [ws.cell(r, columns["工作要点"]) for r in data_rows(ws)]
        assert [c.value for c in written] == risky
        assert {c.data_type for c in written} == {"s"}
        deadlines = [ws.cell(r, columns["完成时限"]) for r in data_rows(ws)]
        assert {c.data_type for c in deadlines} == {"s"}
        assert not ws._hyperlinks


def test_combined_workbook_and_zip(demo, tmp_path):
    plan = plan_of(demo)
    units = plan_units_for_export(demo, plan)[:4]
    chosen = [u.unit_id for u in units]
    result = export_fillin(demo, plan, PERIOD, tmp_path, unit_ids=chosen, combined=True,
                           zip_files=True)
    with_targets = len({u.name for u in units} & reporters(demo, plan))
    names = [p.name for p in result.files]
    assert "2026年第4季度_全部单位_填报表.xlsx" in names and "2026年第4季度_填报表.zip" in names
    combined = openpyxl.load_workbook(tmp_path / "2026年第4季度_全部单位_填报表.xlsx")
    assert len(combined.sheetnames) == 4 + with_targets + 2
    with zipfile.ZipFile(tmp_path / "2026年第4季度_填报表.zip") as archive:
        assert sorted(archive.namelist()) == sorted(n for n in names if n.endswith("_填报表.xlsx")
                                                    and "全部单位" not in n)
        assert archive.testzip() is None


def test_export_is_recorded_for_the_reminder_list(demo, tmp_path):
    plan = plan_of(demo)
    chosen = [u.unit_id for u in plan_units_for_export(demo, plan)[:5]]
    export_fillin(demo, plan, PERIOD, tmp_path, unit_ids=chosen)
    missing = not_reported(demo, plan, PERIOD)
    assert [s.unit_id for s in missing] == chosen
    assert all(s.exported_at and s.returned_at is None for s in missing)


def test_a_failed_write_leaves_the_old_file_and_no_debris(demo, tmp_path, monkeypatch):
    plan = plan_of(demo)
    office = unit_id(demo, "基础教育股")
    out = tmp_path / "out"
    (path,) = export_fillin(demo, plan, PERIOD, out, unit_ids=[office]).files
    before = path.read_bytes()
    from planner_desktop.exchange import fillin_writer

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fillin_writer, "_guide_sheet", broken)
    with pytest.raises(UserFixableError, match="磁盘空间不足.*原有的同名文件已保留"):
        export_fillin(demo, plan, PERIOD, out, unit_ids=[office])
    assert path.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == [path.name]
    assert demo.scalar("SELECT count(*) FROM fillin_export") == 1, "a failed export is not recorded"


def test_nothing_to_export_is_a_clear_message(demo, tmp_path):
    plan = plan_of(demo)
    with pytest.raises(UserFixableError, match="没有任务"):
        export_fillin(demo, plan, PERIOD, tmp_path, unit_ids=[999999])


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdfinfo") is None,
                    reason="LibreOffice or poppler missing")
def test_libreoffice_opens_and_prints_it_landscape(demo, tmp_path):
    plan = plan_of(demo)
    school = unit_id(demo, "白石镇中心学校")
    (path,) = export_fillin(demo, plan, PERIOD, tmp_path, unit_ids=[school]).files
    simple = tmp_path / "school.xlsx"  # LibreOffice's command line is happier with ASCII names
    shutil.copyfile(path, simple)
    pdf = soffice_convert([simple], ["pdf"], tmp_path / "converted")["pdf"] / "school.pdf"
    assert pdf.exists()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = (float(v) for v in info.split("Page size:")[1].split("pts")[0].split(" x "))
    assert width > height, "printed landscape"
    pages = int(info.split("Pages:")[1].split()[0])
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "白石镇中心学校" in text and "工作要点落实情况填报表" in text
    page_texts = text.split("\f")[:pages]
    assert pages >= 2 and all("进展情况" in page for page in page_texts), "header on every page"
    assert f"共 {pages} 页" in text.replace("，", " ") or f"共 {pages} 页" in text


def test_written_files_get_ordinary_permissions(demo, tmp_path):
    import os
    import stat

    plan = plan_of(demo)
    mask = os.umask(0)
    os.umask(mask)
    result = export_fillin(demo, plan, PERIOD, tmp_path / "out",
                           unit_ids=[unit_id(demo, "基础教育股")], zip_files=True)
    for path in result.files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask, path.name


def test_many_workbooks_are_written_in_worker_processes_alike(demo, tmp_path, monkeypatch):
    from planner_desktop.ops import workers

    plan = plan_of(demo)
    units = [u.unit_id for u in plan_units_for_export(demo, plan)[:6]]
    serial = export_fillin(demo, plan, PERIOD, tmp_path / "serial", unit_ids=units)
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(workers, "ITEMS_PER_BATCH", 2)
    progress: list[tuple[int, int]] = []
    parallel = export_fillin(demo, plan, PERIOD, tmp_path / "parallel", unit_ids=units, zip_files=True,
                             on_progress=lambda done, total: progress.append((done, total)))
    assert [p.name for p in parallel.files[:6]] == [p.name for p in serial.files]
    assert progress[-1] == (7, 7) and [d for d, _ in progress] == list(range(1, 8))
    for one, other in zip(serial.files, parallel.files, strict=False):
        a, b = (openpyxl.load_workbook(p).worksheets[0] for p in (one, other))
        assert [[c.value for c in row] for row in a.iter_rows(min_row=3)] == \
               [[c.value for c in row] for row in b.iter_rows(min_row=3)]
