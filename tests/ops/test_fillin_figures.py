"""Figures reached through real fill-in workbooks: written by the program, filled with openpyxl
as a unit clerk fills them (and re-saved by LibreOffice), imported back with the status rows.

The expected states are written here from the demo plan's targets as the plan states them
(学位600个 wanted exactly, 覆盖率达到92%以上 at least 92, 占比达到55%以上 at least 55).
"""

from __future__ import annotations

import shutil

import openpyxl
import pytest

from planner_desktop.domain.returns import Action, Side
from planner_desktop.domain.target_state import TargetState
from planner_desktop.ops.fillin.commit import choose_side, commit_returns
from planner_desktop.ops.fillin.export import export_fillin
from planner_desktop.ops.fillin.returns import preview_returns
from planner_desktop.ops.imports import undo_import
from planner_desktop.ops.targets import item_target_history, report_value
from planner_desktop.store.database import open_ledger
from planner_desktop.store.targets import tracked_targets
from tests.support.fillin_helpers import PERIOD, demo_ledger_file, fill_workbook, headers
from tests.support.fixtures_sheets import soffice_convert

UNIT = "基础教育股"
TARGET_SHEET = f"{UNIT}_量化指标"
SEATS = "年内新增公办幼儿园学位600个"
COVERAGE = "普惠性幼儿园覆盖率达到92%以上"
SHARE = "公办园在园幼儿占比达到55%以上"


@pytest.fixture
def demo(tmp_path):
    ledger = open_ledger(demo_ledger_file(tmp_path / "ledger"), daily_backup=False)
    yield ledger
    ledger.close()


def exported(ledger, folder) -> tuple[int, object]:
    plan = ledger.scalar("SELECT min(id) FROM plan")
    unit = ledger.scalar("SELECT id FROM unit WHERE name = ?", (UNIT,))
    (path,) = export_fillin(ledger, plan, PERIOD, folder, unit_ids=[unit]).files
    return plan, path


def by_phrase(figures: dict[str, object]):
    """A filler for the 量化指标 sheet: the figure (and note) to type beside each phrase."""
    def fill(_n, row):
        value = figures.get(row["量化指标"])
        if value is None:
            return None
        figure, note = value if isinstance(value, tuple) else (value, None)
        return {"本期完成值": figure, **({"说明": note} if note else {})}
    return fill


def states(ledger, plan: int) -> dict[str, tuple[float | None, TargetState]]:
    return {t.text: (t.figure, t.state) for t in tracked_targets(ledger, plan_id=plan)}


def figure_count(ledger) -> int:
    return ledger.scalar("SELECT count(*) FROM target_figure")


def warnings_of(preview) -> list:
    return [w for f in preview.files for w in f.warnings]


def test_the_sheet_asks_each_reported_target_beside_its_phrase(demo, tmp_path):
    plan, path = exported(demo, tmp_path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:2] == [UNIT, TARGET_SHEET]
    ws = wb[TARGET_SHEET]
    columns = headers(ws)
    assert list(columns)[:8] == ["序号", "编号", "工作要点", "量化指标", "目标值", "上期完成值", "本期完成值",
                                 "说明"]
    rows = {ws.cell(r, columns["量化指标"]).value: r for r in range(4, ws.max_row + 1)}
    wanted = {t.text for t in tracked_targets(demo, plan_id=plan)
              if t.reporter == UNIT and t.wanted is not None}
    assert set(rows) == wanted, "every target the unit reports, no placeholder (x所), no other unit's"
    assert "新认定普惠性民办幼儿园x所" not in rows
    assert ws.cell(rows[COVERAGE], columns["目标值"]).value == "≥92%"
    # Only the figure and its note can be typed; the figure cell accepts numbers not below 0.
    row = rows[SEATS]
    unlocked = {h for h, c in columns.items() if not ws.cell(row, c).protection.locked}
    assert unlocked == {"本期完成值", "说明"} and ws.protection.sheet
    (validation,) = [v for v in ws.data_validations.dataValidation
                     if openpyxl.utils.get_column_letter(columns["本期完成值"]) in str(v.sqref)]
    assert validation.type == "decimal" and validation.operator == "greaterThanOrEqual"
    assert validation.formula1 == "0"
    key_letter = openpyxl.utils.get_column_letter(columns["行标识（请勿修改）"])
    assert ws.column_dimensions[key_letter].hidden
    assert str(ws[f"{key_letter}{row}"].value).startswith("PT1|")


def test_figures_come_back_with_the_statuses_and_decide_each_state(demo, tmp_path):
    plan, path = exported(demo, tmp_path / "out")
    returned = tmp_path / "returned.xlsx"
    fill_workbook(path, lambda n, row: {"状态": "推进中", "完成进度%": 40} if n == 0 else None, returned)
    # 0.93 is what Excel stores when 93% is typed into the cell.
    fill_workbook(returned, by_phrase({SEATS: (600, "两所新园开园"), COVERAGE: 0.93, SHARE: 50}),
                  sheet=TARGET_SHEET)
    preview = preview_returns(demo, [returned])
    file = preview.files[0]
    assert file.include and file.count(Action.UPDATE) == 1
    assert [f.decision.action for f in file.figures].count(Action.UPDATE) == 3
    assert any(w.message == "“0.93”按百分数读作 93%。" and w.column == "G" for w in file.warnings)
    batches = commit_returns(demo, preview)
    now = states(demo, plan)
    assert now[SEATS] == (600, TargetState.REACHED)
    assert now[COVERAGE] == (93, TargetState.REACHED)
    assert now[SHARE] == (50, TargetState.NOT_REACHED)
    assert now["全面消除56人以上大班额"] == (None, TargetState.AWAITING)
    assert now["新认定普惠性民办幼儿园x所"] == (None, TargetState.UNDECIDED)
    seats = next(t for t in tracked_targets(demo, plan_id=plan) if t.text == SEATS)
    assert (seats.figure_period, seats.figure_note, seats.reporter) == ("2026-Q4", "两所新园开园", UNIT)
    # The item's target history shows what the unit reported.
    (entry,) = [h for h in item_target_history(demo, seats.item_id) if h["target_id"] == seats.id]
    assert entry["action"] == "import"
    after = entry["after"]
    assert (after["figure"], after["period"], after["unit"]) == (600, "2026-Q4", UNIT)
    # The import is one undoable batch: its figures go with its statuses.
    undo_import(demo, batches[returned])
    assert figure_count(demo) == 0
    assert not [h for h in item_target_history(demo, seats.item_id) if h["target_id"] == seats.id]
    assert states(demo, plan)[SEATS] == (None, TargetState.AWAITING)


def test_bad_figures_are_refused_with_the_cell_named_and_nothing_else_lost(demo, tmp_path):
    plan, path = exported(demo, tmp_path / "out")
    fill_workbook(path, by_phrase({SEATS: "约六百", COVERAGE: -3, SHARE: 56}), sheet=TARGET_SHEET)
    preview = preview_returns(demo, [path])
    file = preview.files[0]
    refused = {f.phrase: f for f in file.figures if f.decision.action is Action.REFUSED}
    assert set(refused) == {SEATS, COVERAGE}
    messages = {(w.sheet, w.row, w.column): w.message for w in file.warnings}
    seats_row, coverage_row = refused[SEATS].row, refused[COVERAGE].row
    assert "“约六百”不是数字" in messages[(TARGET_SHEET, seats_row, "G")]
    assert "不能为负数（-3%）" in messages[(TARGET_SHEET, coverage_row, "G")]
    commit_returns(demo, preview)
    now = states(demo, plan)
    assert now[SHARE] == (56, TargetState.REACHED)
    assert now[SEATS][0] is None and now[COVERAGE][0] is None


def test_a_figure_for_an_item_without_targets_is_refused(demo, tmp_path):
    plan, path = exported(demo, tmp_path / "out")
    unit = demo.scalar("SELECT id FROM unit WHERE name = ?", (UNIT,))
    with_targets = {t.item_id for t in tracked_targets(demo, plan_id=plan, include_removed=True)}
    wb = openpyxl.load_workbook(path)
    main, sheet = wb[UNIT], wb[TARGET_SHEET]
    main_columns, columns = headers(main), headers(sheet)
    item_ids = {r[0]: r[1] for r in demo.conn.execute(
        "SELECT a.id, a.item_id FROM assignment a WHERE a.unit_id = ?", (unit,))}
    # A row of the unit's sheet whose item has no target: the unit copies its number and
    # title into a new line of the 量化指标 sheet and types a figure.
    for r in range(4, main.max_row + 1):
        key = str(main.cell(r, main_columns["行标识（请勿修改）"]).value or "")
        if key.startswith("PD1|") and item_ids[int(key.split("|")[1])] not in with_targets:
            code, title = (main.cell(r, main_columns[h]).value for h in ("编号", "工作要点"))
            break
    new_row = sheet.max_row + 1
    sheet.protection.sheet = False
    typed = {"编号": code, "工作要点": title, "量化指标": "完成改造12所", "本期完成值": 12}
    for header, value in typed.items():
        sheet.cell(new_row, columns[header]).value = value
    wb.save(path)
    before = figure_count(demo)
    preview = preview_returns(demo, [path])
    (refusal,) = [f for f in preview.files[0].figures if f.decision.action is Action.REFUSED]
    assert refusal.row == new_row
    (message,) = [w.message for w in warnings_of(preview) if w.row == new_row]
    assert f"编号“{code}”的任务在账本中没有量化指标" in message and "“12”" in message
    commit_returns(demo, preview)
    assert figure_count(demo) == before


def test_a_workbook_whose_figure_column_was_removed_is_not_imported(demo, tmp_path):
    _plan, path = exported(demo, tmp_path / "out")
    fill_workbook(path, lambda n, row: {"状态": "已完成"} if n == 0 else None)
    fill_workbook(path, by_phrase({SEATS: 600}), sheet=TARGET_SHEET)
    wb = openpyxl.load_workbook(path)
    ws = wb[TARGET_SHEET]
    ws.delete_cols(headers(ws)["本期完成值"])
    wb.save(path)
    statuses = demo.conn.execute("SELECT id, status, progress, updated_at FROM assignment").fetchall()
    preview = preview_returns(demo, [path])
    file = preview.files[0]
    assert not file.include
    assert "“基础教育股_量化指标”表中找不到“本期完成值”列" in file.reason
    assert any(w.sheet == TARGET_SHEET and "本期完成值" in w.message for w in file.warnings)
    assert commit_returns(demo, preview) == {}
    assert demo.conn.execute("SELECT id, status, progress, updated_at FROM assignment").fetchall() == statuses
    assert figure_count(demo) == 0


def test_a_figure_typed_in_the_ledger_after_the_export_is_a_conflict(demo, tmp_path):
    plan, path = exported(demo, tmp_path / "out")
    seats = next(t for t in tracked_targets(demo, plan_id=plan) if t.text == SEATS)
    report_value(demo, seats.id, "2026-Q4", "580", note="电话报告")
    fill_workbook(path, by_phrase({SEATS: 600, SHARE: 58}), sheet=TARGET_SHEET)
    preview = preview_returns(demo, [path])
    (conflict,) = [r for _, r in preview.figure_conflicts()]
    assert conflict.phrase == SEATS and conflict.old.figure == 580 and conflict.decision.figure == 600
    json_conflict = preview.to_json()["figures"]["conflicts"][0]
    assert json_conflict["ledger"]["figure"] == 580 and json_conflict["returned"]["figure"] == 600
    commit_returns(demo, preview)
    assert states(demo, plan)[SEATS][0] == 580, "by default the ledger's figure stays"
    # The same workbook again, the clerk taking the unit's figure this time.
    shutil.copyfile(path, tmp_path / "again.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "again.xlsx")
    wb[TARGET_SHEET]["H4"] = "以回收表为准"
    wb.save(tmp_path / "again.xlsx")
    preview = preview_returns(demo, [tmp_path / "again.xlsx"])
    (conflict,) = [r for _, r in preview.figure_conflicts()]
    choose_side(conflict, Side.FILE)
    commit_returns(demo, preview)
    assert states(demo, plan)[SEATS] == (600, TargetState.REACHED)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_figures_read_from_a_workbook_libreoffice_saved_as_xls(demo, tmp_path):
    plan, path = exported(demo, tmp_path / "out")
    fill_workbook(path, by_phrase({SEATS: 610, COVERAGE: 92.5}), sheet=TARGET_SHEET)
    converted = soffice_convert([path], ["xls"], tmp_path / "lo")["xls"] / f"{path.stem}.xls"
    preview = preview_returns(demo, [converted])
    assert preview.files[0].include, preview.files[0].reason
    commit_returns(demo, preview)
    now = states(demo, plan)
    assert now[SEATS] == (610, TargetState.NOT_REACHED)  # 600 wanted exactly
    assert now[COVERAGE] == (92.5, TargetState.REACHED)


def test_the_combined_workbook_carries_each_units_targets_sheet(demo, tmp_path):
    plan = demo.scalar("SELECT min(id) FROM plan")
    units = [demo.scalar("SELECT id FROM unit WHERE name = ?", (n,)) for n in (UNIT, "安全稳定股")]
    result = export_fillin(demo, plan, PERIOD, tmp_path, unit_ids=units, per_unit=False, combined=True)
    (path,) = result.files
    names = openpyxl.load_workbook(path).sheetnames
    assert names[:4] == [UNIT, TARGET_SHEET, "安全稳定股", "安全稳定股_量化指标"]
    fill_workbook(path, by_phrase({SHARE: 60}), sheet=TARGET_SHEET)
    fill_workbook(path, by_phrase({"签订率达到100%": 100}), sheet="安全稳定股_量化指标")
    commit_returns(demo, preview_returns(demo, [path]))
    reported = {t.text: t for t in tracked_targets(demo, plan_id=plan) if t.figure is not None}
    assert set(reported) == {SHARE, "签订率达到100%"}
    units_of = dict(demo.conn.execute("SELECT t.text, u.name FROM target_figure f JOIN target t ON t.id = "
                                      "f.target_id JOIN unit u ON u.id = f.unit_id").fetchall())
    assert units_of == {SHARE: UNIT, "签订率达到100%": "安全稳定股"}
    assert reported["签订率达到100%"].state is TargetState.REACHED


def test_the_command_takes_the_units_figure_with_prefer_file(tmp_path, capsys):
    import json

    from planner_desktop.cli.main import run

    db = demo_ledger_file(tmp_path / "ledger")
    ledger = open_ledger(db, daily_backup=False)
    try:
        plan, path = exported(ledger, tmp_path / "out")
        seats = next(t for t in tracked_targets(ledger, plan_id=plan) if t.text == SEATS)
        report_value(ledger, seats.id, "2026-Q4", "580")
    finally:
        ledger.close()
    fill_workbook(path, by_phrase({SEATS: 600}), sheet=TARGET_SHEET)
    assert run(["--db", str(db), "--json", "import-returns", str(path), "--prefer", "file"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["figures"]["updated"] == 1
    assert answer["figures"]["conflicts"][0]["chosen"] == "file"
    assert answer["files"][0]["figures_updated"] == 1
    ledger = open_ledger(db, daily_backup=False)
    try:
        assert states(ledger, plan)[SEATS] == (600, TargetState.REACHED)
    finally:
        ledger.close()
