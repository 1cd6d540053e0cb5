"""The dashboard: totals, completion by unit as a bar chart, what is overdue or due soon, and
who has gone silent. Every number and bar opens the matching ledger view when clicked."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.domain.ledger_table import (
    LedgerRow,
    SavedView,
    UnitRate,
    completion_by_unit,
    count_summary,
    in_saved_view,
    leaf_items,
    units_silent_since,
)
from planner_desktop.domain.status import Status
from planner_desktop.domain.target_rows import STATE_COLOURS, TargetCounts
from planner_desktop.domain.target_state import TargetState
from planner_desktop.ops.ledger_query import LedgerSnapshot

BAR_HEIGHT = 22
LABEL_WIDTH = 150


class UnitRateChart(QWidget):
    """Horizontal bars, one per unit, sorted by completion rate; a click names the unit."""

    unit_clicked = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rates: list[UnitRate] = []
        self.setMouseTracking(True)

    def set_rates(self, rates: list[UnitRate]) -> None:
        self.rates = rates
        self.setMinimumHeight(BAR_HEIGHT * len(rates) + 8)
        self.update()

    def bar_at(self, y: float) -> UnitRate | None:
        index = int((y - 4) // BAR_HEIGHT)
        return self.rates[index] if 0 <= index < len(self.rates) else None

    def mousePressEvent(self, event) -> None:  # noqa: N802
        rate = self.bar_at(event.position().y())
        if rate is not None:
            self.unit_clicked.emit(rate.unit)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        rate = self.bar_at(event.position().y())
        self.setCursor(Qt.PointingHandCursor if rate else Qt.ArrowCursor)
        self.setToolTip(self.tr("{unit}：已完成 {done}/{total}，点击查看").format(
            unit=rate.unit, done=rate.done, total=rate.total) if rate else "")

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        width = max(self.width() - LABEL_WIDTH - 90, 40)
        metrics = painter.fontMetrics()
        for i, rate in enumerate(self.rates):
            top = 4 + i * BAR_HEIGHT
            label = metrics.elidedText(rate.unit, Qt.ElideRight, LABEL_WIDTH - 8)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(0, top, LABEL_WIDTH - 8, BAR_HEIGHT), Qt.AlignRight | Qt.AlignVCenter,
                             label)
            painter.fillRect(QRectF(LABEL_WIDTH, top + 4, width, BAR_HEIGHT - 8), QColor("#e8ecf1"))
            colour = "#2e7d32" if rate.rate >= 0.8 else "#f9a825" if rate.rate >= 0.5 else "#c62828"
            painter.fillRect(QRectF(LABEL_WIDTH, top + 4, width * rate.rate, BAR_HEIGHT - 8),
                             QColor(colour))
            painter.drawText(QRectF(LABEL_WIDTH + width + 6, top, 84, BAR_HEIGHT),
                             Qt.AlignLeft | Qt.AlignVCenter,
                             f"{rate.rate:.0%}（{rate.done}/{rate.total}）")
        painter.end()


class Dashboard(QWidget):
    """Reads a :class:`LedgerSnapshot`; signals ask the window to open a ledger view."""

    view_requested = Signal(object)  # SavedView
    status_requested = Signal(object)  # Status
    unit_requested = Signal(str)
    item_requested = Signal(int)
    targets_requested = Signal(object)  # TargetState, or None for all the targets

    def __init__(self, parent=None, reporting: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snapshot: LedgerSnapshot | None = None
        self.reporting = reporting  # the 填报表回收情况 panel (it reads and follows the ledger itself)
        self._stale = False
        self.totals = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        specs = [("total", self.tr("全部要点"), SavedView.ALL), ("done", self.tr("已完成"), Status.DONE),
                 ("in_progress", self.tr("推进中"), Status.IN_PROGRESS),
                 ("not_started", self.tr("未启动"), SavedView.NOT_STARTED),
                 ("overdue", self.tr("逾期"), SavedView.OVERDUE),
                 ("due_soon", self.tr("临期"), SavedView.DUE_SOON),
                 ("behind", self.tr("进度滞后"), SavedView.BEHIND)]
        for column, (key, label, target) in enumerate(specs):
            button = QPushButton()
            button.setMinimumHeight(64)
            button.setFlat(False)
            button.setCursor(Qt.PointingHandCursor)
            button.setProperty("label", label)
            if isinstance(target, SavedView):
                button.clicked.connect(lambda _c=False, v=target: self.view_requested.emit(v))
            else:
                button.clicked.connect(lambda _c=False, s=target: self.status_requested.emit(s))
            self.buttons[key] = button
            self.totals.addWidget(button, 0, column)

        self.targets_box = self.build_targets_row()

        self.chart = UnitRateChart()
        self.chart.unit_clicked.connect(self.unit_requested)
        chart_scroll = QScrollArea(widgetResizable=True)
        chart_scroll.setWidget(self.chart)
        chart_box = QGroupBox(self.tr("各单位完成率（点击条形查看该单位的任务）"))
        QVBoxLayout(chart_box).addWidget(chart_scroll)

        self.overdue_list = QListWidget()
        self.soon_list = QListWidget()
        for widget in (self.overdue_list, self.soon_list):
            widget.itemActivated.connect(lambda entry: self.item_requested.emit(entry.data(Qt.UserRole)))
        self.overdue_box = QGroupBox(self.tr("逾期事项"))
        QVBoxLayout(self.overdue_box).addWidget(self.overdue_list)
        self.soon_box = QGroupBox(self.tr("未来 5 个工作日内到期"))
        QVBoxLayout(self.soon_box).addWidget(self.soon_list)

        self.since = QDateEdit(calendarPopup=True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.dateChanged.connect(lambda _d: self.fill_silent())
        self.silent_list = QListWidget()
        self.silent_list.itemActivated.connect(
            lambda entry: self.unit_requested.emit(entry.data(Qt.UserRole)))
        silent_box = QGroupBox(self.tr("久未更新的单位"))
        silent_layout = QVBoxLayout(silent_box)
        since_row = QHBoxLayout()
        since_row.addWidget(QLabel(self.tr("自此日期以来没有更新：")))
        since_row.addWidget(self.since)
        since_row.addStretch(1)
        silent_layout.addLayout(since_row)
        silent_layout.addWidget(self.silent_list)

        lists = QHBoxLayout()
        lists.addWidget(self.overdue_box)
        lists.addWidget(self.soon_box)
        lists.addWidget(silent_box)
        # The chart needs less width than it gets: who has not sent back the period's
        # workbook (a question asked every week) stands beside it.
        middle = QHBoxLayout()
        middle.addWidget(chart_box, 3)
        if reporting is not None:
            self.reporting_box = QGroupBox(self.tr("填报表回收情况（未报送单位）"))
            QVBoxLayout(self.reporting_box).addWidget(reporting)
            middle.addWidget(self.reporting_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(self.totals)
        layout.addWidget(self.targets_box)
        layout.addLayout(middle, 3)
        layout.addLayout(lists, 2)

    def build_targets_row(self) -> QGroupBox:
        """量化指标 达成 k / n, then the other states: each opens the 量化指标 view filtered."""
        box = QGroupBox(self.tr("量化指标"))
        row = QHBoxLayout(box)
        self.target_buttons: dict[TargetState | None, QPushButton] = {}
        for state in (None, TargetState.NOT_REACHED, TargetState.AWAITING, TargetState.UNDECIDED):
            button = QPushButton()
            button.setCursor(Qt.PointingHandCursor)
            button.clicked.connect(lambda _c=False, s=state: self.targets_requested.emit(
                TargetState.REACHED if s is None else s))
            if state is not None:
                button.setStyleSheet(f"color: {STATE_COLOURS[state]}")
            self.target_buttons[state] = button
            row.addWidget(button, 2 if state is None else 1)
        self.show_targets(TargetCounts())
        return box

    def show_targets(self, counts: TargetCounts) -> None:
        texts = {None: self.tr("达成 {k} / {n}").format(k=counts.reached, n=counts.tracked),
                 TargetState.NOT_REACHED: self.tr("未达成 {n}").format(n=counts.not_reached),
                 TargetState.AWAITING: self.tr("待填报 {n}").format(n=counts.awaiting),
                 TargetState.UNDECIDED: self.tr("待定 {n}").format(n=counts.undecided)}
        for state, button in self.target_buttons.items():
            button.setText(texts[state])
        self.target_counts = counts

    def set_snapshot(self, snapshot: LedgerSnapshot) -> None:
        """Take the new state; drawn now if shown, else when the clerk opens the tab."""
        self.snapshot = snapshot
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802
        if self._stale and self.snapshot is not None:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        snapshot = self.snapshot
        self._stale = False
        items = leaf_items(snapshot.items)
        counts = count_summary(items)
        by_status = {s: sum(r.status is s for r in items) for s in Status}
        numbers = {"total": counts["total"], "done": by_status[Status.DONE],
                   "in_progress": by_status[Status.IN_PROGRESS],
                   "not_started": by_status[Status.NOT_STARTED], "overdue": counts["overdue"],
                   "due_soon": counts["due_soon"], "behind": counts["behind"]}
        for key, button in self.buttons.items():
            button.setText(f"{numbers[key]}\n{button.property('label')}")
            font = QFont(button.font())
            font.setPointSizeF(max(font.pointSizeF(), 10) * 1.2)
            button.setFont(font)
        self.chart.set_rates(completion_by_unit(snapshot.records))
        overdue = [r for r in items if in_saved_view(r, SavedView.OVERDUE, snapshot.today, 0)]
        soon = [r for r in items if in_saved_view(r, SavedView.DUE_SOON, snapshot.today, 5)]
        self.fill_items(self.overdue_list, overdue)
        self.fill_items(self.soon_list, soon)
        self.overdue_box.setTitle(self.tr("逾期事项（{n}）").format(n=len(overdue)))
        self.soon_box.setTitle(self.tr("未来 5 个工作日内到期（{n}）").format(n=len(soon)))
        if not self.since.property("set"):  # first time: since the current month began
            start = snapshot.today.replace(day=1)
            self.since.setProperty("set", True)
            self.since.blockSignals(True)
            self.since.setDate(QDate(start.year, start.month, start.day))
            self.since.blockSignals(False)
        self.fill_silent()

    def fill_items(self, widget: QListWidget, rows: list[LedgerRow]) -> None:
        widget.clear()
        for r in rows:
            units = "、".join(r.lead) or "、".join(r.units[:2])
            due = r.due.isoformat() if r.due else ""
            entry = QListWidgetItem(f"{r.code} {r.title}　[{units}] {due}")
            entry.setData(Qt.UserRole, r.item_id)
            entry.setToolTip(r.text or r.title)
            widget.addItem(entry)

    def fill_silent(self) -> None:
        if self.snapshot is None:
            return
        since: dt.date = self.since.date().toPython()
        self.silent_list.clear()
        for unit, count in units_silent_since(self.snapshot.records, since):
            entry = QListWidgetItem(self.tr("{unit}（{n} 项未更新）").format(unit=unit, n=count))
            entry.setData(Qt.UserRole, unit)
            self.silent_list.addItem(entry)
