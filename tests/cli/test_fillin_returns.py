"""The round trip: workbooks out to 20 units, back filled in every way units fill them, one
folder imported; the ledger then holds exactly what the units reported, with warnings where a
unit did something the clerk should know about, and conflicts left to the clerk."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from planner_desktop.cli.main import run
from planner_desktop.domain.returns import Action, Side
from planner_desktop.domain.status import Status
from planner_desktop.ops.fillin.commit import choose_side, commit_returns
from planner_desktop.ops.fillin.export import export_fillin, plan_units_for_export
from planner_desktop.ops.fillin.reminders import not_reported
from planner_desktop.ops.fillin.returns import preview_returns
from planner_desktop.store.assignments import StatusChange, record_status_changes
from planner_desktop.store.database import open_ledger
from planner_desktop.store.undo import undo_batch
from tests.support.fillin_helpers import PERIOD, data_rows, demo_ledger_file, fill_all, fill_workbook, headers
from tests.support.fixtures_sheets import soffice_convert

KEY_HEADER = "行标识（请勿修改）"
# What units write in 状态 / 完成进度%, and what the ledger should then hold.
FREE_TEXT = [("完成", "", Status.DONE, 100), ("√", "", Status.DONE, 100),
             ("正在推进", "", Status.IN_PROGRESS, None), ("五成", "", Status.IN_PROGRESS, 50),
             ("", "50%", Status.IN_PROGRESS, 50), ("尚未开展", "", Status.NOT_STARTED, None)]


def key_of(row: dict) -> int:
    return int(str(row[KEY_HEADER]).split("|")[1])


class RoundTrip:
    """A demo ledger, 20 units' workbooks exported, and what each unit sent back."""

    def __init__(self, folder: Path) -> None:
        self.ledger = open_ledger(demo_ledger_file(folder / "ledger"), daily_backup=False)
        self.plan = self.ledger.scalar("SELECT min(id) FROM plan")
        units = plan_units_for_export(self.ledger, self.plan)
        # 8 sections and 12 schools: the mix a county's round has.
        self.units = [u for u in units if u.kind == "股室"][:8] + [u for u in units
                                                                    if u.kind == "学校"][:12]
        self.out = folder / "sent"
        self.back = folder / "returned"
        self.back.mkdir()
        result = export_fillin(self.ledger, self.plan, PERIOD, self.out,
                               unit_ids=[u.unit_id for u in self.units])
        self.sent = {u.name: path for u, path in zip(self.units, result.files, strict=True)}
        self.expected: dict[int, tuple[Status, int | None, str]] = {}  # assignment → reported

    def name(self, n: int) -> str:
        return self.units[n].name

    def returned(self, n: int, suffix: str = "") -> Path:
        source = self.sent[self.name(n)]
        return self.back / (source.stem + suffix + source.suffix)

    def state(self, assignment_id: int) -> tuple[Status, int | None, str]:
        row = self.ledger.conn.execute("SELECT status, progress, note FROM assignment WHERE id = ?",
                                       (assignment_id,)).fetchone()
        return Status(row[0]), row[1], row[2]

    def keys(self, n: int) -> list[int]:
        ws = openpyxl.load_workbook(self.sent[self.name(n)]).worksheets[0]
        col = headers(ws)[KEY_HEADER]
        return [int(ws.cell(r, col).value.split("|")[1]) for r in data_rows(ws)]


@pytest.fixture
def trip(tmp_path):
    made = RoundTrip(tmp_path)
    yield made
    made.ledger.close()


def fill_varied(trip: RoundTrip) -> None:
    """Units 0–5 and 8–13 send something back, each in its own way; 6, 7 and 14–19 nothing."""
    # 0: everything done, through the dropdown.
    fill_workbook(trip.sent[trip.name(0)], fill_all({"状态": "已完成", "进展情况": "全部完成"}),
                  trip.returned(0))

    # 1: the words people write instead of the dropdown's.
    def free_text(n, row):
        if n < len(FREE_TEXT):
            status, progress, _, _ = FREE_TEXT[n]
            return {"状态": status, "完成进度%": progress, "进展情况": f"情况{n}"}
        return None

    fill_workbook(trip.sent[trip.name(1)], free_text, trip.returned(1))

    # 2: re-sorted by the unit (rows reversed) before filling: matched by the hidden key.
    path = trip.returned(2)
    wb = openpyxl.load_workbook(trip.sent[trip.name(2)])
    ws = wb.worksheets[0]
    rows = data_rows(ws)
    values = [[ws.cell(r, c).value for c in range(1, ws.max_column + 1)] for r in rows]
    for r, row_values in zip(rows, reversed(values), strict=True):
        for c, value in enumerate(row_values, start=1):
            ws.cell(r, c).value = value
    columns = headers(ws)
    for r in rows:
        ws.cell(r, columns["完成进度%"]).value = 70
        ws.cell(r, columns["进展情况"]).value = "已排序：" + ws.cell(r, columns[KEY_HEADER]).value
    wb.save(path)

    # 3: the hidden key column deleted: matched by code and item text.
    path = fill_workbook(trip.sent[trip.name(3)], fill_all({"状态": "推进中", "完成进度%": 40,
                                                            "进展情况": "按计划推进"}),
                         trip.returned(3))
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    ws.delete_cols(headers(ws)[KEY_HEADER])
    wb.save(path)

    # 4: the item text edited in a locked column (ignored), progress filled.
    def edit_locked(n, row):
        change = {"完成进度%": 80, "进展情况": "进展顺利"}
        if n == 0:
            change["工作要点"] = "（被改动的标题）"
        return change

    fill_workbook(trip.sent[trip.name(4)], edit_locked, trip.returned(4))

    # 5: a workbook of another period sent back by mistake.
    other = export_fillin(trip.ledger, trip.plan, "2026年10月", trip.back / "其他周期",
                          unit_ids=[trip.units[5].unit_id]).files[0]
    fill_workbook(other, fill_all({"状态": "已完成"}), trip.returned(5, "_10月"))
    shutil.rmtree(trip.back / "其他周期")

    # 8: the clerk changed one of unit 8's assignments by hand after the export: a conflict.
    conflict_id = trip.keys(8)[0]
    record_status_changes(trip.ledger, [StatusChange(conflict_id, Status.IN_PROGRESS, 35,
                                                     "电话了解：正在推进")])
    fill_workbook(trip.sent[trip.name(8)], fill_all({"状态": "已完成", "进展情况": "已完成验收"}),
                  trip.returned(8))

    # 9: sent back without anything filled in.
    shutil.copyfile(trip.sent[trip.name(9)], trip.returned(9))

    # 10: rows copied into a new workbook (no metadata sheet, no key column), as WPS users do.
    source = openpyxl.load_workbook(trip.sent[trip.name(10)]).worksheets[0]
    columns = headers(source)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append([f"填报单位：{trip.name(10)}"])
    keep = [h for h in columns if h != KEY_HEADER]
    ws.append(keep)
    for r in data_rows(source):
        values = {h: source.cell(r, columns[h]).value for h in keep}
        values.update({"状态": "推进中", "完成进度%": "六成", "进展情况": "复制到新表填写"})
        ws.append([values[h] for h in keep])
    wb.save(trip.back / f"{trip.name(10)}进展情况.xlsx")

    # 11: its own rows filled, plus a row of unit 12's pasted in (another unit's task).
    path = fill_workbook(trip.sent[trip.name(11)], fill_all({"状态": "推进中", "完成进度%": 55}),
                         trip.returned(11))
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    foreign = openpyxl.load_workbook(trip.sent[trip.name(12)]).worksheets[0]
    r = data_rows(foreign)[0]
    ws.append([foreign.cell(r, c).value for c in range(1, foreign.max_column + 1)])
    ws.cell(ws.max_row, headers(ws)["状态"]).value = "已完成"
    wb.save(path)

    # 12: completion dates as text and as a real date.
    def dates(n, row):
        if n == 0:
            return {"状态": "已完成", "实际完成时间": "2026年11月3日"}
        if n == 1:
            return {"状态": "已完成", "实际完成时间": dt.date(2026, 11, 5)}
        return {"进展情况": "推进中", "完成进度%": 10}

    fill_workbook(trip.sent[trip.name(12)], dates, trip.returned(12))

    # 13: half filled: still counts as not reported.
    fill_workbook(trip.sent[trip.name(13)], lambda n, row: {"完成进度%": 90} if n % 2 == 0 else None,
                  trip.returned(13))

    # Debris a real folder has: Excel's lock file and a damaged file.
    (trip.back / "~$正在打开.xlsx").write_bytes(b"lock")
    (trip.back / "损坏的回收表.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")


def warnings_of(preview, unit_index: int | None, trip: RoundTrip, text: str) -> list:
    stems = {trip.sent[trip.name(unit_index)].stem} if unit_index is not None else None
    return [w for w in preview.to_json()["warnings"]
            if text in w["message"] and (stems is None or Path(w["file"]).stem.startswith(tuple(stems)))]


def test_a_folder_of_varied_returns_lands_exactly(trip):
    fill_varied(trip)
    before = {a: trip.state(a) for n in range(20) for a in trip.keys(n)}
    preview = preview_returns(trip.ledger, [trip.back])
    assert preview.period.key == "2026-Q4"
    # Nothing is written by the preview.
    assert {a: trip.state(a) for a in before} == before
    files = {Path(f["file"]).name: f for f in preview.to_json()["files"]}
    assert "~$正在打开.xlsx" not in files
    assert not files["损坏的回收表.xlsx"]["included"]
    assert not files[trip.returned(5, "_10月").name]["included"]
    assert "本次收集的是“2026年第4季度”" in files[trip.returned(5, "_10月").name]["reason"]

    conflicts = preview.conflicts()
    conflict_id = trip.keys(8)[0]
    assert [row.assignment_id for _, row in conflicts] == [conflict_id]
    batches = commit_returns(trip.ledger, preview)  # the conflict keeps the ledger's value
    # Units 0–4 and 8–13 (10's rows in a workbook of its own; 9's empty one is recorded too).
    assert len(batches) == 11
    after = {a: trip.state(a) for a in before}

    for a in trip.keys(0):
        assert after[a] == (Status.DONE, 100, "全部完成")
    for n, a in enumerate(trip.keys(1)[:len(FREE_TEXT)]):
        _, _, status, progress = FREE_TEXT[n]
        assert after[a][0] is status and after[a][2] == f"情况{n}"
        if progress is not None:
            assert after[a][1] == progress
    for a in trip.keys(1)[len(FREE_TEXT):]:
        assert after[a] == before[a]
    for a in trip.keys(2):  # each note names its own key: re-sorted rows went to the right place
        assert after[a][1] == 70 and after[a][2].startswith("已排序：PD1|" + str(a) + "|")
    for a in trip.keys(3):
        assert after[a][:2] == (Status.IN_PROGRESS, 40) and after[a][2] == "按计划推进"
    for a in trip.keys(4):
        assert after[a][1] == 80
    assert trip.ledger.scalar("SELECT count(*) FROM plan_item WHERE title = '（被改动的标题）'") == 0
    for a in trip.keys(5):
        assert after[a] == before[a], "the other period's workbook changed nothing"
    assert after[conflict_id] == (Status.IN_PROGRESS, 35, "电话了解：正在推进")
    for a in trip.keys(8)[1:]:
        assert after[a][0] is Status.DONE and after[a][2] == "已完成验收"
    for a in trip.keys(9):
        assert after[a] == before[a]
    for a in trip.keys(10):
        assert after[a] == (Status.IN_PROGRESS, 60, "复制到新表填写")
    for a in trip.keys(11):
        assert after[a][:2] == (Status.IN_PROGRESS, 55)
    first_of_12 = trip.keys(12)[0]
    assert after[first_of_12][0] is Status.DONE  # unit 11's paste did not decide it ...
    completed = dict(trip.ledger.conn.execute(
        "SELECT id, completed_on FROM assignment WHERE id IN (?, ?)", trip.keys(12)[:2]).fetchall())
    assert completed == {trip.keys(12)[0]: "2026-11-03", trip.keys(12)[1]: "2026-11-05"}
    for n, a in enumerate(trip.keys(13)):
        assert after[a][1] == (90 if n % 2 == 0 else before[a][1])
    for n in range(14, 20):
        for a in trip.keys(n):
            assert after[a] == before[a]

    # History: one status update per changed row, with the period and the file's batch.
    updates = trip.ledger.query(
        "SELECT s.assignment_id, s.period, s.source, b.file_name FROM status_update s "
        "JOIN import_batch b ON b.id = s.import_batch_id WHERE b.kind = 'returns'")
    changed = {a for a in before if after[a] != before[a]}
    assert {u["assignment_id"] for u in updates} == changed
    assert {u["period"] for u in updates} == {"2026-Q4"} and {u["source"] for u in updates} == {"import"}
    assert {u["file_name"] for u in updates} >= {trip.returned(0).name, f"{trip.name(10)}进展情况.xlsx"}

    # The reminder list: who sent nothing, or left rows empty.
    missing = {s.unit_name for s in not_reported(trip.ledger, trip.plan, PERIOD)}
    # 1 and 13 left rows empty, 5 sent the wrong period, 6, 7 and 14–19 sent nothing, 9 an empty one.
    assert missing == {trip.name(n) for n in (1, 5, 6, 7, 9, 13, *range(14, 20))}


def test_warnings_name_file_sheet_row_and_column(trip):
    fill_varied(trip)
    preview = preview_returns(trip.ledger, [trip.back])
    locked = warnings_of(preview, 4, trip, "锁定列")
    assert len(locked) == 1
    assert locked[0]["sheet"] == trip.name(4) and locked[0]["row"] == 4 and locked[0]["column"] == "C"
    assert warnings_of(preview, 3, trip, "行标识列已被删除")
    foreign = warnings_of(preview, 11, trip, "不属于本表")
    assert len(foreign) == 1 and trip.name(12) in foreign[0]["message"] and foreign[0]["row"]
    copied = [w for w in preview.to_json()["warnings"] if w["file"] == f"{trip.name(10)}进展情况.xlsx"]
    assert any("没有填报表信息" in w["message"] for w in copied)
    assert any("按编号和事项文字" in w["message"] for w in copied)
    assert warnings_of(preview, 13, trip, "行未填写")
    damaged = [w for w in preview.to_json()["warnings"] if w["file"] == "损坏的回收表.xlsx"]
    assert damaged and "xlsx" in damaged[0]["message"].lower()


def test_choosing_the_file_side_of_a_conflict(trip):
    conflict_id = trip.keys(8)[0]
    record_status_changes(trip.ledger, [StatusChange(conflict_id, Status.IN_PROGRESS, 35, "电话了解")])
    fill_workbook(trip.sent[trip.name(8)], fill_all({"状态": "已完成", "进展情况": "已完成验收"}),
                  trip.returned(8))
    preview = preview_returns(trip.ledger, [trip.returned(8)])
    ((_, row),) = preview.conflicts()
    assert row.old.note == "电话了解" and row.decision.new.note == "已完成验收"
    choose_side(row, Side.FILE)
    commit_returns(trip.ledger, preview)
    assert trip.state(conflict_id) == (Status.DONE, 100, "已完成验收")


def test_each_file_is_one_undoable_batch(trip):
    fill_workbook(trip.sent[trip.name(0)], fill_all({"状态": "已完成", "进展情况": "完成"}),
                  trip.returned(0))
    fill_workbook(trip.sent[trip.name(1)], fill_all({"完成进度%": 30}), trip.returned(1))
    tables = ("assignment", "status_update")
    before = {t: trip.ledger.query(f"SELECT * FROM {t} ORDER BY id") for t in tables}
    batches = commit_returns(trip.ledger, preview_returns(trip.ledger, [trip.back]))
    first, second = (batches[trip.returned(n).resolve()] for n in (0, 1))
    undo_batch(trip.ledger, second)
    undo_batch(trip.ledger, first)
    assert {t: trip.ledger.query(f"SELECT * FROM {t} ORDER BY id") for t in tables} == before
    missing = {s.unit_name for s in not_reported(trip.ledger, trip.plan, PERIOD)}
    assert trip.name(0) in missing and trip.name(1) in missing


def test_the_same_file_twice_is_not_imported_twice(trip):
    fill_workbook(trip.sent[trip.name(0)], fill_all({"状态": "已完成"}), trip.returned(0))
    commit_returns(trip.ledger, preview_returns(trip.ledger, [trip.returned(0)]))
    again = preview_returns(trip.ledger, [trip.returned(0)])
    assert not again.included() and "已经导入过" in again.files[0].reason


def test_a_corrected_workbook_for_the_same_period_replaces_the_first(trip):
    fill_workbook(trip.sent[trip.name(0)], fill_all({"完成进度%": 30}), trip.returned(0))
    commit_returns(trip.ledger, preview_returns(trip.ledger, [trip.returned(0)]))
    fill_workbook(trip.sent[trip.name(0)], fill_all({"完成进度%": 45}), trip.returned(0, "_更正"))
    preview = preview_returns(trip.ledger, [trip.returned(0, "_更正")])
    assert not preview.conflicts()
    commit_returns(trip.ledger, preview)
    assert {trip.state(a)[1] for a in trip.keys(0)} == {45}


def test_an_edit_between_preview_and_commit_stops_that_file(trip):
    fill_workbook(trip.sent[trip.name(0)], fill_all({"完成进度%": 30}), trip.returned(0))
    preview = preview_returns(trip.ledger, [trip.returned(0)])
    first = trip.keys(0)[0]
    record_status_changes(trip.ledger, [StatusChange(first, Status.IN_PROGRESS, 5, "刚改的")])
    with pytest.raises(Exception, match="重新预览"):
        commit_returns(trip.ledger, preview)
    assert trip.state(first) == (Status.IN_PROGRESS, 5, "刚改的")
    assert trip.ledger.scalar("SELECT count(*) FROM import_batch WHERE kind = 'returns'") == 0


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice missing")
def test_workbooks_resaved_by_libreoffice_as_xls_and_xlsx(trip, tmp_path):
    filled = []
    for n, progress in ((0, 25), (1, 65)):
        filled.append(fill_workbook(trip.sent[trip.name(n)],
                                    fill_all({"完成进度%": progress, "进展情况": f"另存{n}"}),
                                    tmp_path / f"unit{n}.xlsx"))
    converted = soffice_convert(filled, ["xls", "xlsx"], tmp_path / "lo")
    folder = tmp_path / "lo-returns"
    folder.mkdir()
    shutil.copyfile(converted["xls"] / "unit0.xls", folder / f"{trip.name(0)}.xls")
    shutil.copyfile(converted["xlsx"] / "unit1.xlsx", folder / f"{trip.name(1)}.xlsx")
    preview = preview_returns(trip.ledger, [folder])
    assert [f.include for f in preview.files] == [True, True], preview.to_json()["warnings"]
    commit_returns(trip.ledger, preview)
    for n, progress in ((0, 25), (1, 65)):
        for a in trip.keys(n):
            assert trip.state(a)[1:] == (progress, f"另存{n}")


def test_cli_round_trip_with_json(trip, tmp_path, capsys):
    db = str(trip.ledger.path)
    out = tmp_path / "cli-out"
    assert run(["--db", db, "export-fillin", "--plan", str(trip.plan), "--period", "2026-11",
                "--units", trip.name(0), trip.name(1), "--out", str(out), "--json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["units"] == 2 and len(exported["files"]) == 2 and exported["rows"] > 0
    fill_workbook(Path(exported["files"][0]), fill_all({"状态": "推进中", "完成进度%": "八成"}))
    assert run(["--db", db, "import-returns", str(out), "--dry-run", "--json"]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert set(dry) >= {"files", "updated", "unchanged", "conflicts", "warnings"}
    assert dry["updated"] == trip.units[0].assignments
    assert run(["--db", db, "import-returns", str(out), "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["updated"] == dry["updated"] and done["files"][0]["batch_id"]
    assert {trip.state(a)[1] for a in trip.keys(0)} == {80}
    assert run(["--db", db, "not-reported", "--plan", str(trip.plan), "--period", "2026-11",
                "--xlsx", str(tmp_path / "催报名单.xlsx"), "--json"]) == 0
    reminders = json.loads(capsys.readouterr().out)
    assert [u["unit_name"] for u in reminders["units"]] == [trip.name(1)]
    ws = openpyxl.load_workbook(tmp_path / "催报名单.xlsx").active
    assert ws["B4"].value == trip.name(1) and "催报名单" in ws["A1"].value
    # Bad input: a clear message, exit 1, the JSON error object.
    assert run(["--db", db, "import-returns", str(tmp_path / "不存在.xlsx"), "--json"]) == 1
    error = json.loads(capsys.readouterr().out)
    assert error["error"] and error["file"]


def test_unreadable_only_file_is_a_clear_error(trip, tmp_path):
    bad = tmp_path / "回收表.xlsx"
    bad.write_bytes(b"")
    from planner_desktop.errors import UserFixableError

    with pytest.raises(UserFixableError) as caught:
        preview_returns(trip.ledger, [bad])
    assert caught.value.location.file and "回收表.xlsx" in caught.value.location.file


def test_action_counts_in_the_preview(trip):
    fill_workbook(trip.sent[trip.name(2)], lambda n, row: {"完成进度%": 50} if n == 0 else None,
                  trip.returned(2))
    (file,) = preview_returns(trip.ledger, [trip.returned(2)]).files
    assert file.count(Action.UPDATE) == 1
    assert file.count(Action.EMPTY) == trip.units[2].assignments - 1
