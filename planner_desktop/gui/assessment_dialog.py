"""督办 → 单位考核: choose the period (上半年 / 全年 / 自定) and the units, read each unit's
counts, score and calculation, edit the 评分规则, export the table as .xlsx or PDF.

The table is computed on the GUI thread each time a choice changes (100,000 assignments take
about 0.2 s); the files are written off it (``gui/operation.py``). A period without data says
so in the status line and leaves the exports off: nothing half-written is offered.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QTableWidgetItem,
    QWidget,
)

from planner_desktop.domain.assessment import (
    COUNTS,
    DEFAULT_SCHEME,
    Scheme,
    SchemeError,
    number_text,
    scheme_from_rows,
)
from planner_desktop.errors import UserFixableError
from planner_desktop.gui.forms.assessment_dialog_ui import Ui_AssessmentDialog
from planner_desktop.gui.forms.assessment_scheme_dialog_ui import Ui_AssessmentSchemeDialog
from planner_desktop.gui.operation import Operation, run_here, run_operation
from planner_desktop.ops.assessment import (
    Assessment,
    assess,
    half_year,
    load_scheme,
    save_scheme,
    table_headers,
    table_rows,
    write_xlsx,
)
from planner_desktop.ops.ledger import Ledger

PRESETS = (("H1", "上半年"), ("year", "全年"), ("range", "自定日期"))
UNIT_CHOICES = (("", "全部单位"), ("股室", "股室"), ("学校", "学校"))
FILES = {"xlsx": ("Excel 工作簿 (*.xlsx)", ".xlsx"), "pdf": ("PDF 文件 (*.pdf)", ".pdf")}


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class SchemeDialog(QDialog):
    """The 评分规则 as a table (名称, 计分项目, 计分单位, 分值); OK only with every value a number."""

    RULE_COLUMNS = ("名称", "计分项目", "计分单位", "分值")

    def __init__(self, scheme: Scheme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_AssessmentSchemeDialog()  # the layout lives in ui/assessment_scheme_dialog.ui
        ui.setupUi(self)
        self.scheme: Scheme | None = None
        ui.rules.setColumnCount(len(self.RULE_COLUMNS))
        ui.rules.setHorizontalHeaderLabels([self.tr(c) for c in self.RULE_COLUMNS])
        ui.rules.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        ui.rules.verticalHeader().hide()
        ui.buttons.button(QDialogButtonBox.Ok).setText(self.tr("保存"))
        ui.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        ui.buttons.accepted.connect(self.accept)
        ui.defaults_button.clicked.connect(lambda: self.show_scheme(DEFAULT_SCHEME))
        self.show_scheme(scheme)

    def show_scheme(self, scheme: Scheme) -> None:
        """Every count a rule can weigh, the scheme's rules first; a count without a rule has 0."""
        ui = self.ui
        ui.base.setText(number_text(scheme.base))
        ui.floor.setText(number_text(scheme.floor))
        rules = [(r.key, r.name, r.per, number_text(r.points)) for r in scheme.rules]
        used = {r.key for r in scheme.rules}
        rules += [(key, label, "每项", "0") for key, label in COUNTS.items() if key not in used]
        ui.rules.setRowCount(len(rules))
        for row, (key, name, per, points) in enumerate(rules):
            for column, text in enumerate((name, COUNTS[key], per, points)):
                cell = QTableWidgetItem(text)
                if column == 1:
                    cell.setFlags(Qt.ItemIsSelectable | Qt.ItemIsEnabled)
                    cell.setData(Qt.UserRole, key)
                ui.rules.setItem(row, column, cell)
        ui.rules.resizeColumnsToContents()
        ui.rules.setColumnWidth(3, max(ui.rules.columnWidth(3), 72))
        ui.status.setText("")

    def edited(self) -> Scheme:
        """The scheme as typed; a SchemeError names the rule and the value that is no number."""
        table = self.ui.rules
        rows = [{"key": table.item(r, 1).data(Qt.UserRole), "name": table.item(r, 0).text(),
                 "per": table.item(r, 2).text(), "points": table.item(r, 3).text()}
                for r in range(table.rowCount())]
        scheme = scheme_from_rows(rows, base=self.ui.base.text(), floor=self.ui.floor.text())
        return Scheme(scheme.base, scheme.floor, tuple(r for r in scheme.rules if r.points))

    def accept(self) -> None:
        try:
            self.scheme = self.edited()
        except SchemeError as exc:
            self.ui.status.setText(exc.full_message())
            return
        super().accept()


class AssessmentDialog(QDialog):
    exported = Signal(Path)

    def __init__(self, ledger: Ledger, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.today: dt.date = today or getattr(parent, "today", None) or dt.date.today()
        self.result: Assessment | None = None
        self.job: Operation | None = None
        self.ui = ui = Ui_AssessmentDialog()  # the layout lives in ui/assessment_dialog.ui
        ui.setupUi(self)
        for key, label in PRESETS:
            ui.preset_box.addItem(self.tr(label), key)
        for key, label in UNIT_CHOICES:
            ui.units_box.addItem(self.tr(label), key)
        ui.table.verticalHeader().hide()
        ui.table.setEditTriggers(ui.table.EditTrigger.NoEditTriggers)
        self.set_preset("H1" if self.today.month <= 8 else "year")
        ui.preset_box.currentIndexChanged.connect(lambda _i: self.on_preset())
        ui.units_box.currentIndexChanged.connect(lambda _i: self.refresh())
        ui.from_date.dateChanged.connect(lambda _d: self.refresh())
        ui.to_date.dateChanged.connect(lambda _d: self.refresh())
        ui.scheme_button.clicked.connect(lambda: self.edit_scheme())
        ui.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        ui.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.refresh()

    # -- the choices ----------------------------------------------------------------------------
    def set_preset(self, key: str, start: dt.date | None = None, end: dt.date | None = None) -> None:
        ui = self.ui
        for widget in (ui.preset_box, ui.from_date, ui.to_date):
            widget.blockSignals(True)
        ui.preset_box.setCurrentIndex(ui.preset_box.findData(key))
        if key != "range":
            start, end = half_year(self.today.year, 1 if key == "H1" else None)
        if start is not None and end is not None:
            ui.from_date.setDate(_qdate(start))
            ui.to_date.setDate(_qdate(end))
        for widget in (ui.preset_box, ui.from_date, ui.to_date):
            widget.blockSignals(False)
        self.refresh()

    def on_preset(self) -> None:
        key = self.ui.preset_box.currentData()
        if key != "range":
            self.set_preset(key)

    def period(self) -> tuple[dt.date, dt.date]:
        return self.ui.from_date.date().toPython(), self.ui.to_date.date().toPython()

    # -- the table ------------------------------------------------------------------------------
    def refresh(self) -> Assessment | None:
        self.result = None
        start, end = self.period()
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            scheme = load_scheme(self.ledger)
            self.ui.scheme_text.setText(scheme.describe())
            result = assess(self.ledger, start, end, units=self.ui.units_box.currentData() or None,
                            scheme=scheme, today=self.today)
        except UserFixableError as exc:
            self._show(None, exc.full_message())
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.result = result
        self._show(result, self.tr("{n} 个单位，统计截至 {day}；同分同名次。").format(
            n=len(result.scores), day=result.as_of.isoformat()))
        return result

    def _show(self, result: Assessment | None, message: str) -> None:
        table = self.ui.table
        headers = table_headers()
        rows = table_rows(result) if result else []
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels([h if len(h) < 4 or h == headers[-1] else f"{h[:2]}\n{h[2:]}"
                                         for h in headers])
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                cell = QTableWidgetItem(number_text(value) if isinstance(value, (int, float)) else value)
                if not isinstance(value, str):
                    cell.setTextAlignment(Qt.AlignCenter)
                table.setItem(r, c, cell)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.Stretch)
        self.ui.status.setText(message)
        for button in (self.ui.xlsx_button, self.ui.pdf_button):
            button.setEnabled(result is not None and self.job is None)

    def edit_scheme(self) -> Scheme | None:
        dialog = SchemeDialog(load_scheme(self.ledger), self)
        if dialog.exec() != QDialog.Accepted or dialog.scheme is None:
            return None
        if run_here(self, lambda: save_scheme(self.ledger, dialog.scheme)) is None:
            return None
        self.refresh()
        return dialog.scheme

    # -- the files ------------------------------------------------------------------------------
    def export(self, what: str, path: Path | None = None) -> Operation | None:
        result = self.result
        if result is None:
            return None
        label, suffix = FILES[what]
        if path is None:
            start = str(Path.home() / f"{result.title}{suffix}")
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("保存考核表"), start, self.tr(label))
            if not chosen:
                return None
            path = Path(chosen)
            if path.suffix.lower() != suffix:
                path = path.with_suffix(suffix)
        target = Path(path)

        def work(_ledger, _progress) -> Path:
            if what == "pdf":
                from planner_desktop.printing.assessment import write_assessment_pdf

                return write_assessment_pdf(result, target)
            return write_xlsx(result, target)

        self.ui.xlsx_button.setEnabled(False)
        self.ui.pdf_button.setEnabled(False)
        self.job = run_operation(self, None, work, label=self.tr("正在导出考核表…"), cancellable=False,
                                 error_title=self.tr("无法保存考核表"), succeeded=self._exported,
                                 failed=lambda _exc: self._done())
        return self.job

    def _done(self) -> None:
        self.job = None
        for button in (self.ui.xlsx_button, self.ui.pdf_button):
            button.setEnabled(self.result is not None)

    def _exported(self, path: Path) -> None:
        self._done()
        self.ui.status.setText(self.tr("已保存 {name}。").format(name=path.name))
        self.exported.emit(path)
