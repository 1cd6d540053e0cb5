"""单位管理: sections and schools with aliases, stage, town and contacts; groups; roster import;
merging two units that turned out to be one. Each write announces what it changed
(``gui/operation.run_here``); the window's views follow."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QTableWidgetItem,
)

from planner_desktop.gui.events import ledger_events
from planner_desktop.gui.forms.merge_dialog_ui import Ui_MergeDialog
from planner_desktop.gui.forms.units_dialog_ui import Ui_UnitsDialog
from planner_desktop.gui.operation import run_here
from planner_desktop.gui.roster_import_dialog import RosterImportDialog, open_roster_import
from planner_desktop.ops.ledger import Ledger
from planner_desktop.ops.slips import unit_papers
from planner_desktop.ops.units import (
    add_alias,
    list_groups,
    list_units,
    merge_units,
    pending_names,
    update_unit,
)

EDITABLE = ("stage", "town", "contact", "phone")
COLUMNS = (("name", "单位名称"), ("kind", "类别"), ("stage", "学段"), ("town", "所在乡镇"),
           ("contact", "联系人"), ("phone", "联系电话"), ("aliases", "简称/别名"))


class MergeDialog(QDialog):
    """Which unit to keep and which to merge into it (layout: ui/merge_dialog.ui). The unit
    to keep is chosen among the others: a unit is never proposed to be merged into itself."""

    def __init__(self, names: list[str], first: str | None, parent=None) -> None:
        super().__init__(parent)
        self.ui = Ui_MergeDialog()
        self.ui.setupUi(self)
        self.names = names
        self.keep, self.drop = self.ui.keep, self.ui.drop
        self.drop.addItems(names)
        if first:
            self.drop.setCurrentText(first)
        self.drop.currentTextChanged.connect(self.offer_keep)
        self.keep.currentTextChanged.connect(self.allow_ok)
        self.ok = self.ui.buttons.button(QDialogButtonBox.Ok)
        self.ok.setText(self.tr("合并"))
        self.ui.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        self.offer_keep(self.drop.currentText())

    def offer_keep(self, drop: str) -> None:
        """The units ``drop`` may go into: every other one (the choice kept when it still is)."""
        kept = self.keep.currentText()
        self.keep.blockSignals(True)
        self.keep.clear()
        self.keep.addItems([name for name in self.names if name != drop])
        if kept and kept != drop:
            self.keep.setCurrentText(kept)
        self.keep.blockSignals(False)
        self.allow_ok()

    def allow_ok(self, *_args) -> None:
        keep, drop = self.keep.currentText(), self.drop.currentText()
        self.ok.setEnabled(bool(keep) and keep != drop and keep in self.names
                           and drop in self.names)


class UnitsDialog(QDialog):
    def __init__(self, ledger: Ledger, parent=None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.ui = Ui_UnitsDialog()  # the layout lives in ui/units_dialog.ui
        self.ui.setupUi(self)
        self._filling = False
        self.units, self.groups = self.ui.units, self.ui.groups
        self.units.setColumnCount(len(COLUMNS))
        self.units.setHorizontalHeaderLabels([self.tr(label) for _, label in COLUMNS])
        self.units.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.Stretch)
        self.units.itemChanged.connect(self.on_edit)
        for button, slot in ((self.ui.import_button, self.import_roster_file),
                             (self.ui.alias_button, self.add_alias),
                             (self.ui.merge_button, self.merge)):
            button.clicked.connect(slot)
        self.reload()

    def reload(self) -> None:
        self._filling = True
        rows = list_units(self.ledger)
        papers = unit_papers(self.ledger)
        self.units.setRowCount(len(rows))
        for r, unit in enumerate(rows):
            for c, (key, _) in enumerate(COLUMNS):
                value = "、".join(unit["aliases"]) if key == "aliases" else str(unit[key] or "")
                if key == "name" and unit["needs_review"]:
                    value += self.tr("（待核实）")
                cell = QTableWidgetItem(value)
                cell.setData(Qt.UserRole, unit["id"])
                if key == "name" and unit["id"] in papers:  # its 督办单 and 催办通知, newest first
                    cell.setToolTip("\n".join(f"{at[:10]}　{what}" for at, what in papers[unit["id"]]))
                    cell.setText(value + self.tr("（督办 {n}）").format(n=len(papers[unit["id"]])))
                if key not in EDITABLE:
                    cell.setFlags(Qt.ItemIsSelectable | Qt.ItemIsEnabled)
                self.units.setItem(r, c, cell)
        self.units.resizeColumnsToContents()
        groups = list_groups(self.ledger)
        # Then the names waiting for the roster (各中小学 with no schools yet, 安全股 before
        # the roster's alias): on the same page, since they are what the groups resolve.
        waiting = pending_names(self.ledger)
        self.groups.setRowCount(len(groups) + len(waiting))
        for r, group in enumerate(groups):
            for c, text in enumerate((group.name, group.by, "、".join(group.values))):
                self.groups.setItem(r, c, QTableWidgetItem(text))
        for r, (name, items) in enumerate(waiting.items(), start=len(groups)):
            texts = (name, self.tr("待名册"),
                     self.tr("{n} 项要点，导入名册或添加简称后自动对应").format(n=items))
            for c, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setForeground(Qt.darkGray)
                self.groups.setItem(r, c, cell)
        self._filling = False

    def unit_names(self) -> list[str]:
        return [u["name"] for u in list_units(self.ledger)]

    def selected_name(self) -> str | None:
        rows = self.units.selectionModel().selectedRows()
        if not rows:
            return None
        unit_id = self.units.item(rows[0].row(), 0).data(Qt.UserRole)
        return next((u["name"] for u in list_units(self.ledger) if u["id"] == unit_id), None)

    def on_edit(self, cell: QTableWidgetItem) -> None:
        if self._filling:
            return
        key = COLUMNS[cell.column()][0]
        if key in EDITABLE:
            unit_id, value = cell.data(Qt.UserRole), cell.text().strip()
            self.guarded(lambda: update_unit(self.ledger, unit_id, **{key: value}))

    def guarded(self, action) -> bool:
        """Run a write; a problem the clerk can fix is shown, and the table re-read either way."""
        done = run_here(self, action, error_title=self.tr("单位管理")) is not None
        self.reload()
        return done

    def import_roster_file(self, path: Path | None = None) -> RosterImportDialog | None:
        """The roster's import dialog: what it adds, the duplicates it would merge."""
        dialog = open_roster_import(self.ledger, self, path)
        if dialog is not None:
            dialog.finished.connect(lambda _code: self.reload())
        return dialog

    def add_alias(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        alias, ok = QInputDialog.getText(self, self.tr("添加简称"),
                                         self.tr("“{name}”的简称或别名：").format(name=name))
        if ok and alias.strip():
            self.guarded(lambda: add_alias(self.ledger, alias.strip(), name))

    def merge(self, keep: str | None = None, drop: str | None = None) -> bool:
        if keep is None or drop is None:
            dialog = MergeDialog(self.unit_names(), self.selected_name(), self)
            if dialog.exec() != QDialog.Accepted:
                return False
            keep, drop = dialog.keep.currentText(), dialog.drop.currentText()
        if not self.guarded(lambda: merge_units(self.ledger, keep, drop)):
            return False
        ledger_events().tell(self.tr("已将“{drop}”合并到“{keep}”，它的任务都已归到“{keep}”，"
                                     "“{drop}”今后作为简称。").format(keep=keep, drop=drop))
        return True
