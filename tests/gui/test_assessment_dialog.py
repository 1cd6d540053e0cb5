"""督办 → 单位考核 on the hand-built ledger: the table, the 评分规则 round trip (a value that is
no number refused, naming the rule), the exports, the menu."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import QDate

from planner_desktop.gui.assessment_dialog import AssessmentDialog, SchemeDialog
from planner_desktop.ops.assessment import load_scheme
from planner_desktop.store.database import open_ledger
from tests.support.assessment_ledger import P1, P2, S1, S2, TODAY, build_hand_ledger


@pytest.fixture
def ledger(tmp_path):
    opened = open_ledger(build_hand_ledger(tmp_path / "ledger.sqlite"), daily_backup=False)
    yield opened
    opened.close()


def column_of(dialog: AssessmentDialog, header: str) -> list[str]:
    table = dialog.ui.table
    headers = [table.horizontalHeaderItem(c).text().replace("\n", "") for c in range(table.columnCount())]
    c = headers.index(header)
    return [table.item(r, c).text() for r in range(table.rowCount())]


def test_the_table_the_scheme_and_the_exports(qtbot, ledger, tmp_path):
    dialog = AssessmentDialog(ledger, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.preset_box.currentData() == "H1"
    assert dialog.period() == (dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    assert column_of(dialog, "单位") == [P1, S1, S2, P2]
    assert column_of(dialog, "得分") == ["97", "96.5", "94", "94"]
    assert column_of(dialog, "名次") == ["1", "2", "3", "3"]
    assert dialog.ui.scheme_text.text().startswith("评分规则：基础分 100 分")

    dialog.ui.units_box.setCurrentIndex(dialog.ui.units_box.findData("股室"))
    assert column_of(dialog, "单位") == [S1, S2]
    dialog.ui.units_box.setCurrentIndex(0)

    scheme = SchemeDialog(load_scheme(ledger), dialog)
    qtbot.addWidget(scheme)
    rules = scheme.ui.rules
    row = next(r for r in range(rules.rowCount()) if rules.item(r, 0).text() == "逾期未完成")
    rules.item(row, 3).setText("两分")
    scheme.accept()
    assert scheme.scheme is None
    assert "逾期未完成" in scheme.ui.status.text() and "两分" in scheme.ui.status.text()
    rules.item(row, 3).setText("-5")
    scheme.accept()
    assert scheme.scheme is not None and scheme.scheme.rules[0].points == -5.0

    dialog.ui.preset_box.setCurrentIndex(dialog.ui.preset_box.findData("year"))
    assert dialog.period() == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    dialog.ui.preset_box.setCurrentIndex(dialog.ui.preset_box.findData("range"))
    dialog.ui.from_date.setDate(QDate(2023, 1, 1))
    dialog.ui.to_date.setDate(QDate(2023, 12, 31))
    assert dialog.result is None and "没有到期或完成的事项" in dialog.ui.status.text()
    assert not dialog.ui.xlsx_button.isEnabled() and not dialog.ui.pdf_button.isEnabled()
    dialog.set_preset("H1")
    assert dialog.ui.xlsx_button.isEnabled()

    out = tmp_path / "考核.xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.export("xlsx", out)
    rows = list(openpyxl.load_workbook(out).active.iter_rows(min_row=6, values_only=True))
    assert [(r[0], r[1]) for r in rows] == [(1, P1), (2, S1), (3, S2), (3, P2)]
    pdf = tmp_path / "考核.pdf"
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.export("pdf", pdf)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_supervision_menu_opens_it(qtbot, ledger):
    from planner_desktop.gui.main_window import MainWindow

    window = MainWindow(ledger, today=TODAY)
    qtbot.addWidget(window)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "督办(&S)")
    assert menu.actions()[-1].text() == "单位考核(&K)…"
    dialog = window.open_assessment()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, AssessmentDialog) and dialog.result is not None
    dialog.close()


def test_the_detail_pane_shows_the_timeliness_beside_the_due(ledger):
    from planner_desktop.gui.detail_pane import due_cell_text
    from planner_desktop.ops.editing import item_detail

    item_b = ledger.scalar("SELECT id FROM plan_item WHERE code = 'B'")
    cells = {a["unit_name"]: due_cell_text(a) for a in item_detail(ledger, item_b, today=TODAY).assignments}
    assert cells == {S1: "2025-05-31（按时完成）", P1: "2025-06-15（延期内完成）",
                     P2: "2025-06-10（逾期完成）"}


def test_scheme_dialog_screenshot(qtbot, ledger, tmp_path):
    dialog = SchemeDialog(load_scheme(ledger))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.rules.rowCount() == 11  # every count, the unused ones at 0
    dialog.grab().save(str(tmp_path / "scheme.png"))
    assert (tmp_path / "scheme.png").stat().st_size > 0
