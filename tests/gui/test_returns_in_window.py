"""After the returns, as the clerk sees them in the window: the dashboard counts the units that
sent their workbook back, the import is one step on the undo stack (the hand edits before it
stay undoable), and a row whose status cannot be right is refused in the preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from planner_desktop.gui.main_window import MainWindow
from planner_desktop.ops.fillin.export import export_fillin
from planner_desktop.store.database import open_ledger
from tests.support.fillin_helpers import PERIOD, TODAY, demo_ledger_file, fill_workbook
from tests.support.windows import window_over as shown_window

SECTIONS = ("局办公室", "组织人事股", "计划财务股")


def demo(tmp_path: Path):
    return open_ledger(demo_ledger_file(tmp_path / "ledger"), daily_backup=False)


def sent(ledger, folder: Path) -> list[Path]:
    plan = ledger.scalar("SELECT min(id) FROM plan")
    units = [r[0] for r in ledger.conn.execute(
        f"SELECT id FROM unit WHERE name IN ({','.join('?' * len(SECTIONS))}) ORDER BY id",
        SECTIONS)]
    return export_fillin(ledger, plan, PERIOD, folder, unit_ids=units).files


def first_rows_filled(n: int, _row: dict) -> dict | None:
    """A unit clerk fills the two rows they know about and leaves the rest for later."""
    return {"状态": "推进中", "完成进度%": 50, "进展情况": "已部署"} if n < 2 else None


def window_over(qtbot, ledger) -> MainWindow:
    return shown_window(qtbot, ledger, TODAY)


def import_through_dialog(qtbot, window: MainWindow, paths: list[Path]):
    dialog = window.import_returns(paths)
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.job.running, timeout=20000)
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.buttons.button(QDialogButtonBox.Ok).click()
    return dialog


def test_the_dashboard_counts_returned_workbooks_even_with_rows_left_empty(qtbot, tmp_path):
    ledger = demo(tmp_path)
    try:
        files = sent(ledger, tmp_path / "out")
        back = tmp_path / "back"
        back.mkdir()
        for path in files[:2]:
            fill_workbook(path, first_rows_filled, back / path.name)
        window = window_over(qtbot, ledger)
        window.act_dashboard.trigger()
        assert "发出 3 份，已报送 0 份，未报送 3 个单位" in window.reporting.counts.text()
        import_through_dialog(qtbot, window, [back])
        text = window.reporting.counts.text()
        assert "发出 3 份，已报送 2 份，未报送 1 个单位" in text, text
        assert "2 个单位有未填写的任务" in text
        window.grab().save(str(tmp_path / "dashboard_after_returns.png"))
    finally:
        ledger.close()


def test_a_row_whose_status_cannot_be_right_is_refused_in_the_preview(qtbot, tmp_path):
    from planner_desktop.domain.returns import Action
    from planner_desktop.gui.returns_import_dialog import ReturnsImportDialog

    ledger = demo(tmp_path)
    try:
        path = sent(ledger, tmp_path / "out")[0]
        answers = {0: {"状态": "未启动", "完成进度%": 90, "进展情况": "矛盾的一行"},
                   1: {"状态": "差不多了", "进展情况": "状态看不懂"},
                   2: {"状态": "推进中", "完成进度%": 40, "进展情况": "正常的一行"}}
        fill_workbook(path, lambda n, _row: answers.get(n))
        before = {r["id"]: (r["status"], r["progress"], r["note"])
                  for r in ledger.query("SELECT * FROM assignment")}
        dialog = ReturnsImportDialog(ledger, [path])
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.job.running, timeout=20000)
        rows = [row for _, row in dialog.preview.rows()]
        assert [r.decision.action for r in rows[:3]] == [Action.REFUSED, Action.REFUSED, Action.UPDATE]
        assert "2 条填写有误，不导入" in dialog.summary.text()
        shown = [dialog.rows_table.item(n, 0).text() for n in range(dialog.rows_table.rowCount())]
        assert shown.count("有误，未导入") == 2
        warnings = [[dialog.warnings_table.item(n, c).text() for c in range(5)]
                    for n in range(dialog.warnings_table.rowCount())]
        refused = [w for w in warnings if w[4].startswith("这一行未导入")]
        sheet = rows[0].sheet
        assert [(w[1], w[2], w[3]) for w in refused] == [(sheet, str(rows[0].row), "I"),
                                                          (sheet, str(rows[1].row), "I")]
        assert "未启动" in refused[0][4] and "90%" in refused[0][4]
        assert "差不多了" in refused[1][4]
        dialog.resize(1200, 640)
        dialog.grab().save(str(tmp_path / "refused_rows.png"))
        with qtbot.waitSignal(dialog.imported, timeout=20000):
            dialog.buttons.button(QDialogButtonBox.Ok).click()
        after = {r["id"]: (r["status"], r["progress"], r["note"])
                 for r in ledger.query("SELECT * FROM assignment")}
        assert after[rows[0].assignment_id] == before[rows[0].assignment_id]
        assert after[rows[1].assignment_id] == before[rows[1].assignment_id]
        assert after[rows[2].assignment_id] == ("推进中", 40, "正常的一行")
    finally:
        ledger.close()


def test_the_returns_import_is_one_step_of_the_undo_stack(qtbot, tmp_path):
    from planner_desktop.domain.status import Status
    from planner_desktop.gui import undo_commands as cmd

    ledger = demo(tmp_path)
    try:
        path = sent(ledger, tmp_path / "out")[0]
        fill_workbook(path, first_rows_filled)
        window = window_over(qtbot, ledger)
        state = "SELECT status, progress, note FROM assignment WHERE id = ?"
        # A hand edit before the returns, on a task of another unit.
        other = ledger.scalar("SELECT a.id FROM assignment a JOIN unit u ON u.id = a.unit_id "
                              "WHERE u.name NOT IN ('局办公室', '组织人事股', '计划财务股') "
                              "ORDER BY a.id LIMIT 1")
        by_hand = tuple(ledger.conn.execute(state, (other,)).fetchone())
        assert window.run_command(cmd.SetAssignment(ledger, other, Status.IN_PROGRESS, 20, "手工"))
        dialog = import_through_dialog(qtbot, window, [path])
        first = next(r for _, r in dialog.preview.rows() if r.applies)
        returned = ("推进中", 50, "已部署")
        assert tuple(ledger.conn.execute(state, (first.assignment_id,)).fetchone()) == returned
        assert window.undo_stack.count() == 2
        assert window.act_undo.isEnabled()
        assert window.act_undo.text().startswith("撤销 导入回收表（1 个文件）")

        window.act_undo.trigger()  # the returns go ...
        assert tuple(ledger.conn.execute(state, (first.assignment_id,)).fetchone()) != returned
        assert ledger.scalar("SELECT count(*) FROM import_batch WHERE kind = 'returns' "
                             "AND undone_at IS NULL") == 0
        window.act_undo.trigger()  # ... then the hand edit
        assert tuple(ledger.conn.execute(state, (other,)).fetchone()) == by_hand
        window.act_redo.trigger()
        window.act_redo.trigger()  # the same preview committed again
        assert tuple(ledger.conn.execute(state, (first.assignment_id,)).fetchone()) == returned
        assert tuple(ledger.conn.execute(state, (other,)).fetchone()) == ("推进中", 20, "手工")
    finally:
        ledger.close()


def signed_by(path: Path, values: dict[str, str]) -> None:
    """The unit clerk types their name and phone once, beside the labels above the table."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    for r in range(1, 3):
        for c in range(1, ws.max_column + 1):
            if ws.cell(r, c).value in values:
                ws.cell(r, c + 1).value = values[ws.cell(r, c).value]
    wb.save(path)


def test_who_filled_the_workbook_in_is_asked_once_and_given_to_every_row(tmp_path):
    import openpyxl

    from planner_desktop.exchange.fillin_reader import read_returned_workbook
    from tests.support.fillin_helpers import HEADER_EXCEL_ROW, headers

    ledger = demo(tmp_path)
    try:
        path = sent(ledger, tmp_path / "out")[0]
        fill_workbook(path, first_rows_filled)
        signed_by(path, {"填报人：": "王芳", "联系电话：": "13800001111"})
        rows = read_returned_workbook(path).sheets[0].rows
        assert {(r.cells.author, r.cells.phone) for r in rows} == {("王芳", "13800001111")}

        # A workbook exported before asked on every row: its per-row answers are still read.
        old = tmp_path / "old.xlsx"
        wb = openpyxl.load_workbook(path)
        ws = wb.worksheets[0]
        last = ws.max_column + 1
        ws.cell(HEADER_EXCEL_ROW, last).value = "填报人"
        ws.cell(HEADER_EXCEL_ROW, last + 1).value = "联系电话"
        first_data = HEADER_EXCEL_ROW + 1
        ws.cell(first_data, last).value = "李雷"
        ws.cell(first_data, last + 1).value = "0571-1234"
        for r in range(1, 3):  # and nothing above the table
            for c in range(1, ws.max_column + 1):
                if ws.cell(r, c).value in ("王芳", "13800001111"):
                    ws.cell(r, c).value = None
        wb.save(old)
        assert "填报人" in headers(openpyxl.load_workbook(old).worksheets[0])
        rows = read_returned_workbook(old).sheets[0].rows
        assert (rows[0].cells.author, rows[0].cells.phone) == ("李雷", "0571-1234")
        assert (rows[1].cells.author, rows[1].cells.phone) == ("", "")
    finally:
        ledger.close()


def test_a_lagging_item_says_behind_and_is_counted_so_everywhere(qtbot, tmp_path):
    from planner_desktop.domain.ledger_table import leaf_items
    from planner_desktop.domain.status import Alert, Light, Schedule
    from planner_desktop.gui.ledger_model import display_value

    ledger = demo(tmp_path)
    try:
        window = window_over(qtbot, ledger)
        items = leaf_items(window.snapshot.items)
        behind = [r for r in items if r.light is Light.YELLOW and r.schedule is Schedule.NORMAL]
        soon = [r for r in items if r.schedule is Schedule.DUE_SOON]
        assert behind, "the demo ledger has items behind schedule"
        assert {display_value(r, "light") for r in behind} == {"▲ 黄 滞后"}
        assert {display_value(r, "light") for r in soon} <= {"▲ 黄 临期"}
        assert all(r.alert is Alert.BEHIND for r in behind)
        window.show_start_summary()
        assert f"{len(soon)} 项将在" in window.banner_text.text()
        assert f"{len(behind)} 项进度滞后" in window.banner_text.text()
        assert f"临期 {len(soon)}　滞后 {len(behind)}" in window.counts.text()
        window.act_dashboard.trigger()
        numbers = {key: int(button.text().split("\n")[0])
                   for key, button in window.dashboard.buttons.items()}
        assert (numbers["due_soon"], numbers["behind"]) == (len(soon), len(behind))
        window.dashboard.buttons["behind"].click()
        shown = {r.item_id for r in window.model.rows()}
        assert shown == {r.item_id for r in window.snapshot.items
                         if r.light is Light.YELLOW and r.schedule is Schedule.NORMAL}
    finally:
        ledger.close()


def test_the_dashboard_follows_the_plan_whose_workbooks_went_out(qtbot, tmp_path, samples):
    from planner_desktop.ops.plan_import import commit_plan_document, preview_plan_document

    ledger = demo(tmp_path)
    try:
        files = sent(ledger, tmp_path / "out")  # for the demo's plan
        newer = commit_plan_document(ledger, preview_plan_document(
            ledger, samples / "plans" / "001_68e4817491ed8267.txt", year=2027)).plan_id
        window = window_over(qtbot, ledger)
        window.act_dashboard.trigger()
        panel = window.reporting
        assert panel.plan_combo.itemData(0) == newer  # the newest plan is listed first ...
        assert panel.plan_combo.currentData() == ledger.scalar("SELECT min(id) FROM plan")
        assert f"发出 {len(files)} 份" in panel.counts.text()  # ... the one awaiting returns shown
        # A plan the clerk picks stays picked when the ledger changes.
        panel.plan_combo.setCurrentIndex(0)
        panel.plan_combo.activated.emit(0)
        panel.reload()
        assert panel.plan_combo.currentData() == newer
    finally:
        ledger.close()
