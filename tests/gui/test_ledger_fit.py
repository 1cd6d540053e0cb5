"""The ledger at 1366×768: the columns a row is read by are seen without scrolling, in both
views; 编号 and 要点 stay when the table scrolls sideways; widths the clerk set are kept
and an older layout's are not; the 进展情况 cell opens wide enough for a note."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import QTableView

from planner_desktop.domain.ledger_table import Granularity
from planner_desktop.gui.detail_pane import A_NOTE
from planner_desktop.gui.ledger_model import FROZEN_COLUMNS
from planner_desktop.gui.note_editor import MIN_WIDTH
from planner_desktop.ops.editing import item_detail
from tests.conftest import DEMO_AS_OF

FIRST_SEEN = {Granularity.ITEMS: ("code", "title", "lead", "status", "light", "due"),
              Granularity.ASSIGNMENTS: ("code", "title", "unit", "role", "status", "light", "due")}


def at_office_size(qtbot, window) -> None:
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.table.viewport().width() > 600)


def show_view(window, granularity: Granularity) -> None:
    window.granularity_box.setCurrentIndex(window.granularity_box.findData(granularity))


def column_span(table: QTableView, column: int) -> tuple[int, int]:
    rect = table.visualRect(table.model().index(0, column))
    return rect.left(), rect.right()


def test_the_columns_a_row_is_read_by_are_seen_at_1366_in_both_views(qtbot, window):
    at_office_size(qtbot, window)
    for granularity in Granularity:
        show_view(window, granularity)
        table, model = window.table, window.model
        room = table.viewport().width()
        for key in FIRST_SEEN[granularity]:
            left, right = column_span(table, model.column_of(key))
            assert left >= 0 and right < room, (granularity, key, left, right, room)
        assert table.columnWidth(model.column_of("title")) >= 200  # the title stays readable


def test_the_frozen_columns_stay_when_the_table_scrolls_right(qtbot, window):
    at_office_size(qtbot, window)
    table, frozen = window.table, window.columns.frozen
    bar = table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    assert column_span(table, 0)[0] < 0  # the table's own 编号 has scrolled away ...
    assert frozen.isVisible()  # ... and the overlay shows 编号 and 要点 over its left edge
    assert frozen.geometry().left() == table.frameWidth()
    assert frozen.width() == sum(table.columnWidth(c) for c in range(FROZEN_COLUMNS))
    for column in range(table.model().columnCount()):
        assert frozen.isColumnHidden(column) == (column >= FROZEN_COLUMNS)
    first = frozen.visualRect(frozen.model().index(0, 0))
    assert first.left() == 0 and frozen.visualRect(frozen.model().index(0, 1)).right() < frozen.width()
    # The last column is seen beside the frozen ones, not under them.
    last = table.model().columnCount() - 1
    assert column_span(table, last)[1] < table.viewport().width()
    assert column_span(table, last)[0] >= frozen.width()

    # A click on a frozen cell selects the row in the table and does not scroll it back.
    row = 5
    rect = frozen.visualRect(frozen.model().index(row, 1))
    qtbot.mouseClick(frozen.viewport(), Qt.LeftButton, pos=rect.center())
    assert window.current_row() is window.model.row_at(row)
    assert bar.value() == bar.maximum()
    assert window.detail.shown[0] == window.model.row_at(row).item_id
    # The rows scroll together.
    table.verticalScrollBar().setValue(10)
    assert frozen.verticalScrollBar().value() == 10


def test_a_frozen_header_sorts_the_table(qtbot, window):
    frozen = window.columns.frozen
    header = frozen.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(1) + 10, header.height() // 2))
    titles = [r.title for r in window.model.rows()]
    assert titles == sorted(titles)
    assert window.table.horizontalHeader().sortIndicatorSection() == 1
    assert header.sortIndicatorSection() == 1


def test_widths_set_by_hand_are_kept_and_an_older_layout_is_dropped(qtbot, ledger, demo_templates):
    from planner_desktop.gui.main_window import MainWindow

    demo_templates.copy_into(ledger, today=DEMO_AS_OF)
    # A layout saved by the version before this column order: its widths are for other columns.
    old = QTableView()
    old.horizontalHeader().setDefaultSectionSize(300)
    QSettings().setValue("main_window/columns_items", old.horizontalHeader().saveState())

    def open_window() -> MainWindow:
        window = MainWindow(ledger, today=DEMO_AS_OF)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        at_office_size(qtbot, window)
        return window

    first = open_window()
    status = first.model.column_of("status")
    assert first.table.columnWidth(status) < 300 and not first.columns.custom
    left, right = column_span(first.table, first.model.column_of("due"))
    assert right < first.table.viewport().width()
    first.table.setColumnWidth(status, 180)  # by hand (the header's handle does the same)
    assert first.columns.custom
    first.columns.frozen.horizontalHeader().resizeSection(1, 260)  # the title, by its frozen header
    assert first.table.columnWidth(1) == 260
    assert first.columns.frozen.width() == first.table.columnWidth(0) + 260
    first.close()
    assert QSettings().value("main_window/columns_items") is None

    second = open_window()
    assert second.columns.custom and second.table.columnWidth(status) == 180
    assert second.table.columnWidth(1) == second.columns.frozen.columnWidth(1) == 260
    menu = second.columns.column_menu()
    assert [a.text() for a in menu.actions() if a.isCheckable()][:2] == ["牵头单位", "状态"]
    next(a for a in menu.actions() if a.text() == "配合单位").toggle()
    assert second.table.isColumnHidden(second.model.column_of("support"))
    next(a for a in menu.actions() if a.text() == "恢复默认列宽").trigger()
    assert not second.columns.custom and second.table.columnWidth(status) < 180
    assert not second.table.isColumnHidden(second.model.column_of("support"))
    second.close()


def test_the_note_cell_opens_wide_enough_for_a_note(qtbot, window, ledger):
    at_office_size(qtbot, window)
    show_view(window, Granularity.ASSIGNMENTS)
    window.table.selectRow(3)
    target = window.current_row()
    pane = window.detail
    row = next(i for i, a in enumerate(pane.detail.assignments) if a["id"] == target.assignment_id)
    cell = pane.assignments.cellWidget(row, A_NOTE)
    assert cell.width() < MIN_WIDTH  # the cell itself is narrow at this size
    qtbot.mouseClick(cell, Qt.LeftButton)
    popup = cell.popup
    qtbot.waitUntil(lambda: popup.isVisible() and popup.hasFocus())
    assert popup.width() >= MIN_WIDTH and popup.height() > 3 * popup.fontMetrics().lineSpacing()
    assert popup.geometry().left() >= 0 and popup.geometry().right() < window.width()
    assert popup.geometry().intersects(QRect(cell.mapTo(window, QPoint(0, 0)), cell.size()))  # over it
    note = "已召开专题会议研究部署，制定工作方案，正在按计划推进，预计12月底前全面完成。"
    popup.setPlainText(note)
    qtbot.keyClick(popup, Qt.Key_Return)
    assert not popup.isVisible() and cell.popup is None
    saved = next(a for a in item_detail(ledger, target.item_id).assignments
                 if a["id"] == target.assignment_id)
    assert saved["note"] == note
    assert window.act_undo.isEnabled()

    # Esc drops what was typed.
    cell = pane.assignments.cellWidget(row, A_NOTE)
    cell.open_editor()
    cell.popup.setPlainText("不要保存")
    qtbot.keyClick(cell.popup, Qt.Key_Escape)
    assert next(a for a in item_detail(ledger, target.item_id).assignments
                if a["id"] == target.assignment_id)["note"] == note
