"""The 量化指标 view and the dashboard's 达成 k / n over the demo ledger with figures recorded:
a figure written elsewhere shows at once, the state filter and the text filter narrow the
rows, every column sorts, and the export reads back with openpyxl as the rows shown."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from planner_desktop.domain.target_state import TargetState
from planner_desktop.gui.events import ledger_events
from planner_desktop.ops.changes import Changes
from planner_desktop.store.targets import FigureReport, record_figures, tracked_targets


def record(window, figures: dict[str, float], note: str = "") -> dict[str, int]:
    """Figures by target phrase, as a return would record them; announced like any write."""
    by_text = {t.text: t.id for t in tracked_targets(window.ledger)}
    with window.ledger.transaction():
        record_figures(window.ledger.conn, [FigureReport(by_text[text], "2026", value, note)
                                            for text, value in figures.items()])
    ledger_events().announce(Changes(assignments=True))
    return by_text


FIGURES = {"全年集中学习不少于12次": 14, "培育县级党建示范校10所": 8, "年内新增公办幼儿园学位600个": 600,
           "普惠性幼儿园覆盖率达到92%以上": 90.5}


def states_shown(view) -> list[str]:
    return [view.proxy.index(r, 7).data() for r in range(view.proxy.rowCount())]


def test_targets_view_filters_sorts_and_exports(window, qtbot, tmp_path):
    view = window.targets_view
    window.centre.setCurrentWidget(view)
    total = len(tracked_targets(window.ledger))
    assert view.proxy.rowCount() == total and set(states_shown(view)) == {"待填报", "待定"}

    record(window, FIGURES, note="部分项目年底才开工")
    assert view.proxy.rowCount() == total
    assert states_shown(view).count("已达成") == 2 and states_shown(view).count("未达成") == 2
    first = view.proxy.index(0, 0)
    assert first.data() and view.proxy.index(0, 1).data()  # the item's number and title

    view.show_state(TargetState.NOT_REACHED)
    assert sorted(view.proxy.index(r, 2).data() for r in range(view.proxy.rowCount())) == \
        ["培育县级党建示范校10所", "普惠性幼儿园覆盖率达到92%以上"]
    red = view.proxy.index(0, 7).data(Qt.ForegroundRole)
    assert red.name() == "#c62828"
    assert view.proxy.index(0, 5).data() in ("8所", "90.5%")

    view.show_state(None)
    view.search.setText("幼儿园")
    assert view.proxy.rowCount() >= 2
    assert all(any("幼儿园" in view.proxy.index(r, c).data() for c in range(8))
               for r in range(view.proxy.rowCount()))
    view.search.clear()

    # Every column sorts; 完成值 by the figure, 状态 by urgency (未达成 first).
    for column in range(8):
        view.table.sortByColumn(column, Qt.AscendingOrder)
        assert view.proxy.rowCount() == total
    view.table.sortByColumn(7, Qt.AscendingOrder)
    assert states_shown(view)[:2] == ["未达成", "未达成"]
    view.table.sortByColumn(5, Qt.DescendingOrder)
    assert [view.proxy.index(r, 5).data() for r in range(4)] == ["600个", "90.5%", "14次", "8所"]

    view.show_state(TargetState.REACHED)
    out = tmp_path / "量化指标.xlsx"
    view.export_to(str(out))
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0] == ("编号", "要点", "指标", "目标值", "填报单位", "完成值", "报送周期", "状态")
    assert sorted(r[2] for r in rows[1:]) == ["全年集中学习不少于12次", "年内新增公办幼儿园学位600个"]
    assert all(r[7] == "已达成" and isinstance(r[5], str) for r in rows[1:])


def test_dashboard_counts_targets_and_opens_the_view(window, qtbot):
    record(window, FIGURES)
    live = tracked_targets(window.ledger)
    counts = window.dashboard.target_counts
    assert (counts.reached, counts.tracked, counts.not_reached) == (2, len(live), 2)
    assert counts.undecided == sum(t.placeholder for t in live)
    assert counts.awaiting == len(live) - 4 - counts.undecided
    window.centre.setCurrentWidget(window.dashboard)
    buttons = window.dashboard.target_buttons
    assert buttons[None].text() == f"达成 2 / {len(live)}"
    qtbot.mouseClick(buttons[TargetState.NOT_REACHED], Qt.LeftButton)
    assert window.centre.currentWidget() is window.targets_view
    assert states_shown(window.targets_view) == ["未达成", "未达成"]
