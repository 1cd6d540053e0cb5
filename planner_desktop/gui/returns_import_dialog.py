"""导入回收表: the returned fill-in workbooks, previewed in full before anything is written.

Files, many files or whole folders are added (buttons or drag-and-drop) and read off the GUI
thread. The clerk sees per file what it will do, per row the old and the new status, progress
and note (and the figure reached of each target of the 量化指标 sheets), every warning with its
file, sheet, row and column, and each conflict (the ledger changed after the export) with
both sides and a choice. Committing writes each included file
as its own undoable import batch; the flow itself is ``gui/import_flow.py``'s.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QUndoStack
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidgetItem, QWidget

from planner_desktop.domain.returns import Action, Side
from planner_desktop.domain.target_state import format_figure
from planner_desktop.gui.file_folders import open_files, open_folder
from planner_desktop.gui.forms.returns_import_dialog_ui import Ui_ReturnsImportDialog
from planner_desktop.gui.import_flow import ImportDialog, read_only_cell
from planner_desktop.gui.operation import Work
from planner_desktop.gui.undo_commands import ImportReturns, push_done
from planner_desktop.ops.fillin.commit import choose_side, commit_returns
from planner_desktop.ops.fillin.previews import FigureRowPreview, FilePreview, ReturnsPreview, RowPreview
from planner_desktop.ops.fillin.returns import preview_returns
from planner_desktop.ops.ledger import Ledger

RETURNS_FILTER = "回收的填报表 (*.xlsx *.xlsm *.xls *.ods *.csv);;所有文件 (*)"
ACTION_LABELS = {Action.UPDATE: "更新", Action.UNCHANGED: "不变", Action.CONFLICT: "冲突",
                 Action.EMPTY: "未填写", Action.SKIPPED: "跳过", Action.REFUSED: "有误，未导入"}
ACTION_COLOURS = {Action.UPDATE: "#e6f4ea", Action.CONFLICT: "#fdecea", Action.SKIPPED: "#f1f1f1",
                  Action.REFUSED: "#fff3cd"}
SIDE_LABELS = {Side.LEDGER: "保留账本中的值", Side.FILE: "采用回收表的值"}


def _progress(value: int | None) -> str:
    return "" if value is None else f"{value}%"


class ReturnsImportDialog(ImportDialog):
    """Emits :attr:`imported` with {file: batch id}."""

    WARNINGS_TAB = 3

    def __init__(self, ledger: Ledger, paths: list[Path] | None = None,
                 parent: QWidget | None = None, undo_stack: QUndoStack | None = None) -> None:
        super().__init__(ledger, parent)
        self.paths: list[Path] = []
        # The window's stack: the import becomes one step of it (else it clears the stack).
        self.undo_stack = undo_stack
        self.undo_step: ImportReturns | None = None
        if paths:
            self.add_paths([Path(p) for p in paths])

    @property
    def batches(self) -> dict[Path, int]:
        """The import batch written for each file committed (none before the commit)."""
        return self.created or {}

    # -- layout (ui/returns_import_dialog.ui) and behaviour ----------------------------------
    def build(self) -> None:
        self.ui = ui = Ui_ReturnsImportDialog()
        ui.setupUi(self)
        ui.top_row.setStretch(2, 1)  # the drop hint takes the free width
        ui.layout.setStretch(2, 1)  # and the tabs the free height
        ui.conflict_row.setStretch(0, 1)  # the explanation, not the two buttons
        self.period_combo, self.summary, self.tabs = ui.period_combo, ui.summary, ui.tabs
        self.files_table, self.rows_table = ui.files_table, ui.rows_table
        self.conflicts_table, self.warnings_table = ui.conflicts_table, ui.warnings_table
        self.show_all_box, self.buttons = ui.show_all_box, ui.buttons
        for table, stretch in ((self.files_table, 7), (self.rows_table, 8),
                               (self.conflicts_table, 5), (self.warnings_table, 4)):
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeToContents)
            header.setSectionResizeMode(stretch, QHeaderView.Stretch)
        ui.add_files_button.clicked.connect(self.choose_files)
        ui.add_folder_button.clicked.connect(self.choose_folder)
        self.period_combo.activated.connect(lambda _i: self.run_preview())
        self.files_table.itemChanged.connect(self.on_file_toggled)
        self.show_all_box.toggled.connect(lambda _c: self.fill_rows())
        ui.all_ledger_button.clicked.connect(lambda: self.choose_all(Side.LEDGER))
        ui.all_file_button.clicked.connect(lambda: self.choose_all(Side.FILE))
        self.setup_flow(ok_text=self.tr("导入(&I)"), reading=self.tr("正在读取回收表…"),
                        writing=self.tr("正在导入回收表…"))

    # -- adding files -----------------------------------------------------------------------
    def choose_files(self) -> None:
        paths = open_files(self, self.tr("选择回收的填报表"), "returns", self.tr(RETURNS_FILTER))
        if paths:
            self.add_paths(paths)

    def choose_folder(self) -> None:
        folder = open_folder(self, self.tr("选择放回收表的文件夹"), "returns")
        if folder is not None:
            self.add_paths([folder])

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.add_paths(paths)
            event.acceptProposedAction()

    def add_paths(self, paths: list[Path]) -> None:
        self.paths.extend(p for p in paths if p not in self.paths)
        self.run_preview()

    # -- preview ----------------------------------------------------------------------------
    def chosen_period(self) -> str | None:
        return self.period_combo.currentData() if self.period_combo.count() else None

    def run_preview(self) -> None:
        if not self.paths:
            return
        paths, period = list(self.paths), self.chosen_period()
        self.summary.setText(self.tr("正在读取 {n} 个文件或文件夹…").format(n=len(paths)))
        self.read(lambda ledger, progress: preview_returns(ledger, paths, period=period,
                                                           on_progress=progress))

    def show_preview(self, preview: ReturnsPreview) -> None:
        self.fill_periods()
        self.fill_files()
        self.fill_rows()
        self.fill_conflicts()
        self.fill_warnings()
        self.update_summary()

    def fill_periods(self) -> None:
        periods = {f.period.key: f.period.label for f in self.preview.files if f.period}
        expected = self.preview.period
        if expected is not None:
            periods.setdefault(expected.key, expected.label)
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for key, label in sorted(periods.items(), reverse=True):
            self.period_combo.addItem(label, key)
        if expected is not None:
            self.period_combo.setCurrentIndex(self.period_combo.findData(expected.key))
        self.period_combo.blockSignals(False)

    def fill_files(self) -> None:
        table = self.files_table
        table.blockSignals(True)
        table.setRowCount(len(self.preview.files))
        for row, file in enumerate(self.preview.files):
            check = read_only_cell("")
            check.setFlags(Qt.ItemIsUserCheckable | Qt.ItemIsEnabled if file.readable
                           else Qt.ItemIsEnabled)
            check.setCheckState(Qt.Checked if file.include else Qt.Unchecked)
            table.setItem(row, 0, check)
            updated = sum(1 for r in file.rows if r.applies)
            values = (file.path.name, "、".join(file.units), file.period.label if file.period else "",
                      updated, file.count(Action.EMPTY), file.count(Action.SKIPPED), file.reason)
            for column, value in enumerate(values, start=1):
                table.setItem(row, column, read_only_cell(value, str(file.path) if column == 1 else ""))
        table.blockSignals(False)

    def visible_rows(self) -> list[tuple[FilePreview, RowPreview | FigureRowPreview]]:
        """Status rows, then the figures of the 量化指标 sheets: changes, conflicts and refusals
        (everything with 显示全部)."""
        shown = {Action.UPDATE, Action.CONFLICT, Action.REFUSED}
        if self.show_all_box.isChecked():
            shown = set(Action)
        rows = [*self.preview.rows(), *self.preview.figure_rows()]
        return [(f, r) for f, r in rows if r.decision.action in shown]

    def change_texts(self, row: RowPreview | FigureRowPreview) -> tuple[str, str, str, str]:
        """The title, status, progress and note cells of a row of 变更明细."""
        action = row.decision.action
        if isinstance(row, FigureRowPreview):
            title = self.tr("量化指标：") + row.phrase
            if action is Action.REFUSED:
                return title, "", "", "；".join(row.decision.reasons)
            old = format_figure(row.old.figure) if row.old is not None else ""
            new = format_figure(row.decision.figure)
            return title, self.tr("完成值"), f"{old or '—'} → {new}" if new else "", row.decision.note
        if action is Action.REFUSED:  # what is wrong, in the column the clerk reads first
            return row.title, "", "", "；".join(row.decision.reasons)
        old, new = row.old, row.decision.new
        if old is None or new is None:
            return row.title, "", "", ""
        return (row.title, f"{old.status.value} → {new.status.value if new.status else ''}",
                f"{_progress(old.progress)} → {_progress(new.progress)}",
                new.note if new.note != old.note else "")

    def fill_rows(self) -> None:
        if self.preview is None:
            return
        rows = self.visible_rows()
        table = self.rows_table
        table.setUpdatesEnabled(False)
        table.setRowCount(len(rows))
        for n, (file, row) in enumerate(rows):
            action = row.decision.action
            if action is Action.CONFLICT:
                label = self.tr("冲突：") + self.tr(SIDE_LABELS[row.decision.side])
            else:
                label = self.tr(ACTION_LABELS[action])
            title, status, progress, note = self.change_texts(row)
            values = (label, row.unit_name, file.path.name, row.row, row.code, title, status,
                      progress, note.replace("\n", " "))
            colour = ACTION_COLOURS.get(action)
            for column, value in enumerate(values):
                cell = read_only_cell(value, note if column == 8 else "")
                if colour:
                    cell.setBackground(QBrush(QColor(colour)))
                table.setItem(n, column, cell)
        table.setUpdatesEnabled(True)

    def conflict_texts(self, row: RowPreview | FigureRowPreview) -> tuple[str, str, str]:
        """The title, the ledger's side and the file's side of a conflict."""
        if isinstance(row, FigureRowPreview):
            old = row.old
            ledger_text = self.tr("完成值 {figure}（{period}，{at}）").format(
                figure=format_figure(old.figure), period=old.figure_period, at=old.figure_at[:16])
            file_text = self.tr("完成值 {figure}，{note}").format(
                figure=format_figure(row.decision.figure), note=row.decision.note or "—")
            return self.tr("量化指标：") + row.phrase, ledger_text, file_text
        old, new = row.old, row.decision.new
        ledger_text = self.tr("{status}，{progress}，{note}（{at}）").format(
            status=old.status.value, progress=_progress(old.progress) or "—",
            note=old.note or "—", at=(old.updated_at or "")[:16])
        file_text = self.tr("{status}，{progress}，{note}").format(
            status=new.status.value if new.status else "—", progress=_progress(new.progress) or "—",
            note=new.note or "—")
        return row.title, ledger_text, file_text

    def fill_conflicts(self) -> None:
        conflicts = [*self.preview.conflicts(), *self.preview.figure_conflicts()]
        table = self.conflicts_table
        table.setRowCount(len(conflicts))
        self.conflict_rows: list[RowPreview | FigureRowPreview] = []
        for n, (file, row) in enumerate(conflicts):
            combo = QComboBox()
            for side in (Side.LEDGER, Side.FILE):
                combo.addItem(self.tr(SIDE_LABELS[side]), side.value)
            combo.setCurrentIndex(combo.findData(row.decision.side.value))
            combo.currentIndexChanged.connect(
                lambda _i, r=row, box=combo: self.choose(r, box.currentData()))
            table.setCellWidget(n, 0, combo)
            title, ledger_text, file_text = self.conflict_texts(row)
            values = (row.unit_name, row.code, title, ledger_text, file_text,
                      self.tr("{file} 第 {row} 行").format(file=file.path.name, row=row.row))
            for column, value in enumerate(values, start=1):
                table.setItem(n, column, read_only_cell(value, value))
            self.conflict_rows.append(row)
        self.tabs.setTabText(2, self.tr("冲突（{n}）").format(n=len(conflicts)))

    def fill_warnings(self) -> None:
        self.show_warnings([(w.file, w.sheet or "", "" if w.row is None else w.row, w.column or "",
                             w.message) for f in self.preview.files for w in f.warnings])

    def update_summary(self) -> None:
        preview = self.preview
        included = preview.included()
        rows = list(preview.rows())
        figures = list(preview.figure_rows())
        updated = sum(1 for _, r in rows if r.applies)
        conflicts = len(preview.conflicts()) + len(preview.figure_conflicts())
        empty = sum(1 for _, r in rows if r.decision.action is Action.EMPTY)
        refused = sum(1 for _, r in (*rows, *figures) if r.decision.action is Action.REFUSED)
        figures_updated = sum(1 for _, r in figures if r.applies)
        period = preview.period.label if preview.period else self.tr("（未能确定）")
        text = self.tr(
            "报送周期：{period}。共 {files} 个文件，导入 {included} 个；将更新 {updated} 条任务，"
            "冲突 {conflicts} 条（默认保留账本中的值），未填写 {empty} 条。").format(
                period=period, files=len(preview.files), included=len(included), updated=updated,
                conflicts=conflicts, empty=empty)
        slips = sum(len(r.slips) for _, r in rows if r.applies)
        if slips:
            text += self.tr("将登记 {n} 份督办单的办理情况。").format(n=slips)
        if figures:
            text += self.tr("量化指标完成值将记录 {n} 个。").format(n=figures_updated)
        if refused:
            text += self.tr("{n} 条填写有误，不导入（见“提示”中的表、行、列）。").format(n=refused)
        self.summary.setText(text)
        self.tabs.setTabText(1, self.tr("变更明细（{n}）").format(n=updated + figures_updated))
        self.refresh_ready()

    def can_commit(self) -> bool:
        return self.preview is not None and bool(self.preview.included())

    # -- the clerk's choices ----------------------------------------------------------------
    def on_file_toggled(self, cell: QTableWidgetItem) -> None:
        if cell.column() != 0 or self.preview is None:
            return
        file = self.preview.files[cell.row()]
        file.include = cell.checkState() == Qt.Checked and file.readable
        self.fill_rows()
        self.fill_conflicts()
        self.update_summary()

    def choose(self, row: RowPreview | FigureRowPreview, side: Side) -> None:
        choose_side(row, side)
        self.fill_rows()
        self.update_summary()

    def choose_all(self, side: Side) -> None:
        for n, row in enumerate(self.conflict_rows):
            combo: QComboBox = self.conflicts_table.cellWidget(n, 0)
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(side.value))
            combo.blockSignals(False)
            choose_side(row, side)
        self.fill_rows()
        self.update_summary()

    # -- commit -----------------------------------------------------------------------------
    def commit_work(self, preview: ReturnsPreview) -> Work:
        self.undo_step = ImportReturns(self.ledger, preview) if self.undo_stack is not None else None
        return lambda ledger, progress: commit_returns(ledger, preview, on_progress=progress)

    def commit_initiator(self) -> object:
        return self.undo_step

    def committed(self, created: dict[Path, int]) -> None:
        if self.undo_step is not None and self.undo_stack is not None:
            self.undo_step.batches = list(created.values())
            push_done(self.undo_stack, self.undo_step)
        super().committed(created)

    def done_message(self, created: dict[Path, int]) -> str:
        rows = [r for f in self.preview.files if f.path in created for r in f.rows]
        figures = [r for f in self.preview.files if f.path in created for r in f.figures]
        refused = sum(1 for r in (*rows, *figures) if r.decision.action is Action.REFUSED)
        text = self.tr("已导入 {files} 个回收表：更新 {updated} 条任务，{empty} 条未填写。").format(
            files=len(created), updated=sum(1 for r in rows if r.applies),
            empty=sum(1 for r in rows if r.decision.action is Action.EMPTY))
        slips = sum(len(r.slips) for r in rows if r.applies)
        if slips:
            text += self.tr("登记督办单办理情况 {n} 份。").format(n=slips)
        recorded = sum(1 for r in figures if r.applies)
        if recorded:
            text += self.tr("记录量化指标完成值 {n} 个。").format(n=recorded)
        if refused:
            text += self.tr("{n} 条填写有误，未导入。").format(n=refused)
        return text

    def commit_failed(self, _exc: BaseException) -> None:
        self.run_preview()  # nothing was written: read again against the ledger as it is now
