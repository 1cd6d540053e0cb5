"""One target to add or correct, or a figure reached to record: the fields a clerk checks
against the plan's wording, in one small form (ui/target_dialog.ui)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from planner_desktop.domain.target_state import COMPARATOR_LABELS, TrackedTarget, format_figure
from planner_desktop.gui.forms.target_dialog_ui import Ui_TargetDialog

COMPARATORS = (">=", "<=", "")  # 不少于, 不超过, 等于
TARGET_FIELDS = ("text", "comparator", "figure", "measure", "reporter")
FIGURE_FIELDS = ("period", "reached", "note")


class TargetDialog(QDialog):
    def __init__(self, title: str, units: list[str], target: TrackedTarget | None = None, *,
                 figure: bool = False, period: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_TargetDialog()
        ui.setupUi(self)
        self.setWindowTitle(title)
        for comparator in COMPARATORS:
            ui.comparator_box.addItem(self.tr(COMPARATOR_LABELS[comparator]), comparator)
        ui.reporter_box.addItems(units)
        if target is not None:
            ui.text_edit.setText(target.text)
            ui.comparator_box.setCurrentIndex(ui.comparator_box.findData(target.comparator))
            ui.figure_edit.setText(format_figure(target.wanted))
            ui.measure_edit.setText(target.measure)
            ui.reporter_box.setCurrentText(target.reporter)
            ui.reached_edit.setText(format_figure(target.figure))
            ui.reached_edit.setPlaceholderText(target.wanted_text())
        ui.period_edit.setText(period)
        shown = FIGURE_FIELDS if figure else TARGET_FIELDS
        for name in TARGET_FIELDS + FIGURE_FIELDS:
            visible = name in shown
            if name in ("comparator", "measure"):
                getattr(ui, f"{name}_box" if name == "comparator" else "measure_edit").setVisible(visible)
                continue
            label = getattr(ui, f"{name}_label")
            field = getattr(ui, f"{name}_box", None) or getattr(ui, f"{name}_edit")
            label.setVisible(visible)
            field.setVisible(visible)
        self.adjustSize()

    def values(self) -> dict:
        """The target's fields as typed: text, figure (None when left empty), measure,
        comparator, reporter."""
        ui = self.ui
        figure = ui.figure_edit.text().strip()
        return {"text": ui.text_edit.text().strip(), "figure": figure or None,
                "measure": ui.measure_edit.text().strip(), "comparator": ui.comparator_box.currentData(),
                "reporter": ui.reporter_box.currentText().strip()}

    def figure_values(self) -> dict:
        ui = self.ui
        return {"period": ui.period_edit.text().strip(), "figure": ui.reached_edit.text().strip(),
                "note": ui.note_edit.text().strip()}
