"""导入单位名册: what a roster adds, and the ledger's units it names by an alias, offered for
merging all at once (layout: ui/roster_import_dialog.ui).

A ledger used before its roster came holds units made of the names the task lists and plans
wrote (安全股, 办公室); a roster that gives exactly those as the 简称 of its own units
(安全稳定股, 局办公室) would otherwise leave each unit twice. The pairs are listed with a
tick each, ticked; one backup is taken before they are merged with the import.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidgetItem,
    QWidget,
)

from planner_desktop.errors import UserFixableError
from planner_desktop.gui.events import ledger_events
from planner_desktop.gui.file_folders import open_file
from planner_desktop.gui.forms.roster_import_dialog_ui import Ui_RosterImportDialog
from planner_desktop.gui.operation import run_here, show_error
from planner_desktop.ops.ledger import Ledger
from planner_desktop.ops.units import (
    MergePair,
    RosterImported,
    RosterPreview,
    commit_roster,
    preview_roster_file,
)

MAX_LISTED = 200  # added units named one by one; a longer roster says how many more
ROSTER_FILTER = "单位名册 (*.xlsx *.xlsm *.xls *.csv *.ods)"


def open_roster_import(ledger: Ledger, parent: QWidget, path: Path | None = None,
                       ) -> RosterImportDialog | None:
    """Choose a roster file (unless given) and open its import dialog (window-modal, so the
    caller goes on); when it is done the clerk is told what it added and merged (the
    window's status bar)."""
    if path is None:
        path = open_file(parent, parent.tr("选择单位名册"), "roster", parent.tr(ROSTER_FILTER))
        if path is None:
            return None
    dialog = RosterImportDialog.for_file(ledger, Path(path), parent)
    if dialog is not None:
        dialog.imported.connect(lambda _result: ledger_events().tell(dialog.done_text()))
        dialog.open()
    return dialog


class RosterImportDialog(QDialog):
    """Shows :class:`RosterPreview` and commits it with the ticked merges."""

    imported = Signal(object)  # the RosterImported

    def __init__(self, ledger: Ledger, preview: RosterPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger, self.preview = ledger, preview
        self.result_: RosterImported | None = None
        self.ui = ui = Ui_RosterImportDialog()
        ui.setupUi(self)
        ui.buttons.button(QDialogButtonBox.Ok).setText(self.tr("导入"))
        ui.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        ui.buttons.accepted.connect(self.commit)
        ui.check_all.clicked.connect(lambda: self.check_all(True))
        ui.check_none.clicked.connect(lambda: self.check_all(False))
        self.fill()

    @classmethod
    def for_file(cls, ledger: Ledger, path: Path, parent: QWidget | None = None) -> RosterImportDialog | None:
        """The dialog for a roster file, or None (the problem shown) when it cannot be read."""
        try:
            preview = preview_roster_file(ledger, path)
        except UserFixableError as exc:
            show_error(parent, exc, title=parent.tr("导入单位名册") if parent else None)
            return None
        return cls(ledger, preview, parent)

    def fill(self) -> None:
        preview, ui = self.preview, self.ui
        sections = sum(u.kind.value == "股室" for u in preview.units)
        text = self.tr("名册“{file}”：股室 {sections} 个、学校 {schools} 个，简称 {aliases} 个，"
                       "单位组 {groups} 个。其中新增 {added} 个，更新 {updated} 个。").format(
            file=preview.path.name, sections=sections, schools=len(preview.units) - sections,
            aliases=len(preview.aliases), groups=len(preview.groups),
            added=len(preview.added), updated=len(preview.updated))
        if preview.pending:
            text += self.tr("\n等待名册的单位组和单位 {n} 个（{names}）："
                            "导入后按名册对应到其中的单位。").format(
                n=len(preview.pending), names="、".join(list(preview.pending)[:6])
                + ("…" if len(preview.pending) > 6 else ""))
        ui.summary.setText(text)
        listed = "、".join(preview.added[:MAX_LISTED])
        if len(preview.added) > MAX_LISTED:
            listed += self.tr("……等 {n} 个").format(n=len(preview.added))
        ui.added.setPlainText(listed or self.tr("（没有新增的单位）"))
        pairs = preview.merge_pairs
        for widget in (ui.merge_intro, ui.pairs, ui.check_all, ui.check_none):
            widget.setVisible(bool(pairs))
        ui.pairs.setRowCount(len(pairs))
        for row, pair in enumerate(pairs):
            name = pair.drop + (self.tr("（待核实）") if pair.needs_review else "")
            first = QTableWidgetItem(name)
            first.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable)
            first.setCheckState(Qt.Checked)
            ui.pairs.setItem(row, 0, first)
            count = QTableWidgetItem(self.tr("{n} 条").format(n=pair.assignments))
            count.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            ui.pairs.setItem(row, 1, count)
            ui.pairs.setItem(row, 2, QTableWidgetItem(pair.keep))
        header = ui.pairs.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)

    def check_all(self, checked: bool) -> None:
        for row in range(self.ui.pairs.rowCount()):
            self.ui.pairs.item(row, 0).setCheckState(Qt.Checked if checked else Qt.Unchecked)

    def chosen(self) -> list[MergePair]:
        return [pair for row, pair in enumerate(self.preview.merge_pairs)
                if self.ui.pairs.item(row, 0).checkState() == Qt.Checked]

    def commit(self) -> None:
        merges = self.chosen()
        result = run_here(self, lambda: commit_roster(self.ledger, self.preview, merges),
                          error_title=self.tr("导入单位名册"))
        if result is not None:
            self.result_ = result
            self.imported.emit(result)
            self.accept()

    def done_text(self) -> str:
        """What the import did, for the clerk's confirmation."""
        counts = self.result_.counts
        text = self.tr("已导入单位名册 {file}：股室 {sections} 个，学校 {schools} 所，简称 {aliases} 个，"
                       "单位组 {groups} 个；新增单位 {n} 个").format(
            file=self.preview.path.name, n=len(counts.added), sections=counts.sections,
            schools=counts.schools, aliases=counts.aliases, groups=counts.groups)
        if counts.merged:
            text += self.tr("，合并重复单位 {n} 对").format(n=len(counts.merged))
        if counts.pending_resolved:
            text += self.tr("，“{names}”已对应到名册中的单位（新增分工 {n} 条）").format(
                names="”“".join(counts.pending_resolved), n=counts.pending_assignments)
        return text + self.tr("。")
