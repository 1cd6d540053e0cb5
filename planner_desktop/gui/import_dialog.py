"""导入任务表: the preview of a task list import, which the clerk can correct and commit.

The file is read and parsed off the GUI thread; the clerk sees the column mapping (and can
change it: the preview is parsed again), the item tree, a warning per row and the unit names
not in the roster, each of which can be mapped to a roster unit (remembered as an alias) or
created. Committing writes everything as one import batch, again off the GUI thread, on the
worker's own connection to the ledger; 取消 in its progress dialog leaves the ledger as it was.
The flow itself (reading, errors, committing, closing) is ``gui/import_flow.py``'s.

A mapping the clerk changes is remembered for the sheet's header (``header_signature``):
the next list with the same header (next year's, another copy) is read with it at once,
so a wrong guess such as which column holds the categories is corrected once per layout.
So is where the categories come from (类别来自: the rules, one 类别 column, the category
rows, or none), for lists whose rows the rules read as categories wrongly.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidgetItem, QTreeWidgetItem, QWidget

from planner_desktop.domain.model import ItemDraft
from planner_desktop.domain.outline_codes import item_number
from planner_desktop.domain.plan_match import JoinedRow, MatchedBy, RowState
from planner_desktop.domain.units import Role
from planner_desktop.exchange.grid import Grid
from planner_desktop.exchange.tasklist import CATEGORY_STYLES, FIELD_LABELS
from planner_desktop.exchange.tasklist.layout import header_signature
from planner_desktop.gui.forms.import_dialog_ui import Ui_ImportTasksDialog
from planner_desktop.gui.import_flow import PlanFileDialog, fill_tree
from planner_desktop.gui.operation import Work
from planner_desktop.ops.ledger import Ledger
from planner_desktop.ops.plan_target import joined_rows
from planner_desktop.ops.task_import import (
    TaskListFile,
    commit_task_list,
    preview_task_list,
    retarget_task_list,
)

TASK_LIST_FILTER = "任务表 (*.xlsx *.xlsm *.xls *.csv *.ods);;所有文件 (*)"
MAPPING_KEY = "import/tasklist_mapping/{signature}"  # QSettings: the mapping chosen, as JSON
NEW_ROW = QColor("#e3f4e1")  # an item the list adds to the plan chosen under 导入到
UNMENTIONED_ROW = QColor("#8a8a8a")  # the plan's item the list does not mention
COMPARE_COLUMN = 7
CATEGORY_KEY = "import/tasklist_categories/{signature}"  # QSettings: the category style chosen


class ImportTasksDialog(PlanFileDialog):
    """Can be opened on its own (tests, 导入任务表 action) or with a file dropped on the window."""

    WARNINGS_TAB, UNITS_TAB = 2, 3
    CHOOSE_CAPTION, FILE_FILTER = "选择任务表", TASK_LIST_FILTER

    def __init__(self, ledger: Ledger, path: Path | None = None, parent: QWidget | None = None):
        super().__init__(ledger, parent)
        self.mapping: dict[str, dict[int, str]] = {}
        self.category_styles: dict[str, str] = {}  # sheet → where its categories come from
        self.remembered: list[str] = []  # the sheets read with a mapping remembered for them
        self.remembered_looked_up = False
        self.chosen_target: int | None = None  # what the clerk chose under 导入到, if anything
        self.target_chosen = False
        if path is not None:
            self.load(Path(path))

    @property
    def parsed(self) -> TaskListFile | None:
        """The preview shown (what the task-list use cases call a parsed file)."""
        return self.preview

    # -- layout ---------------------------------------------------------------------------
    def build(self) -> None:
        self.ui = Ui_ImportTasksDialog()  # the layout lives in ui/import_dialog.ui
        self.ui.setupUi(self)
        ui = self.ui
        self.file_label, self.title_edit, self.year_spin = ui.file_label, ui.title_edit, ui.year_spin
        self.summary, self.update_label, self.target_combo = ui.summary, ui.update_label, ui.target_combo
        self.update_panel, self.tabs, self.tree = ui.update_panel, ui.tabs, ui.tree
        self.sheet_combo, self.mapping_table = ui.sheet_combo, ui.mapping_table
        self.warnings_table, self.units_table, self.buttons = (ui.warnings_table, ui.units_table,
                                                               ui.buttons)
        ui.choose_button.clicked.connect(self.choose_file)
        self.year_spin.setValue(dt.date.today().year)
        self.year_spin.valueChanged.connect(lambda _: self.reparse())
        self.update_panel.setVisible(False)
        self.sheet_combo.currentIndexChanged.connect(self.show_mapping)
        self.category_combo = ui.category_combo
        self.category_combo.activated.connect(self.change_category_style)
        self.mapping_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.tree.setColumnWidth(0, 140)  # 二.(一).2 three levels in
        self.tree.setColumnWidth(1, 420)
        self.setup_targets()
        self.units_table.set_name_header(self.tr("表中的单位名称"))
        self.setup_flow(ok_text=self.tr("导入"), reading=self.tr("正在读取任务表…"),
                        writing=self.tr("正在导入…"), error_title=self.tr("无法导入"))

    # -- reading ----------------------------------------------------------------------------
    def load(self, path: Path) -> None:
        self.mapping = {}  # a new file: its own columns, as detected (or as remembered)
        self.category_styles = {}
        self.remembered, self.remembered_looked_up = [], False
        self.target_chosen = False
        super().load(path)

    def reparse(self) -> None:
        if self.parsed is not None:
            self.run_preview(year=self.year_spin.value())

    def run_preview(self, year: int | None) -> None:
        path, mapping, title = self.path, dict(self.mapping), self.title_edit.text().strip() or None
        styles = dict(self.category_styles)
        self.read(lambda ledger, _progress: preview_task_list(
            ledger, path, year=year, title=title, mapping=mapping or None,
            category_styles=styles or None), cancellable=False)

    # -- preview ----------------------------------------------------------------------------
    def show_preview(self, parsed: TaskListFile) -> None:
        preview = parsed.preview
        self.show_plan_header(preview.plan.title, preview.plan.year)
        self.mapping = {layout.sheet: dict(layout.columns) for layout in preview.layouts}
        self.category_styles = {layout.sheet: layout.category_style for layout in preview.layouts}
        if self.apply_remembered_mappings(parsed):
            return
        if self.target_chosen and parsed.target.plan_id != self.chosen_target \
                and parsed.already_imported_batch is None:
            retarget_task_list(self.ledger, parsed, self.chosen_target)  # read again: kept
        self.fill_targets(parsed.targets, parsed.target.plan_id)
        joined = joined_rows(self.ledger, parsed.target) if not parsed.revises_target else []
        self.tree.setColumnHidden(COMPARE_COLUMN, not joined)
        roots = joined or preview.plan.items
        shown = fill_tree(self.tree, roots, self.make_joined_item if joined else self.make_item)
        show_numbers(roots, shown)
        self.tree.expandToDepth(0)
        self.fill_sheets()
        self.show_warnings([(w.sheet, "" if w.row is None else str(w.row), w.column or "", w.message)
                            for w in preview.warnings])
        self.show_unknown_units(parsed.unknown_units, parsed.pending_groups)
        text = self.tr("共 {items} 项（最末级 {leaves} 项），责任分工 {assignments} 条，"
                       "完成时限识别 {deadlines} 项；提示 {warnings} 条；未识别单位 {unknown} 个。")
        text = text.format(
            items=preview.plan.count_items(), leaves=preview.plan.count_leaves(),
            assignments=preview.count_assignments(), deadlines=preview.count_deadlines_parsed(),
            warnings=len(preview.warnings), unknown=len(parsed.unknown_units))
        if self.remembered:
            text += self.tr("\n工作表“{sheets}”已按上次为相同表头选择的列映射读取。").format(
                sheets="”“".join(self.remembered))
        if parsed.already_imported_batch is not None:
            text += self.tr("\n这个文件已经导入过（导入批次 {id}）。").format(
                id=parsed.already_imported_batch)
        self.summary.setText(text)
        self.show_update(parsed)

    def show_update(self, parsed: TaskListFile) -> None:
        """Where the list goes: the revision of the plan it revises, the plan it joins (what
        it fills and adds), or a new plan (said only when several plans match)."""
        text = ""
        if parsed.revises_target:
            text = self.tr(
                "这是已导入计划《{title}》的修订版，更新原计划：新增 {added} 项，修改 {changed} 项，"
                "删除 {removed} 项，保留 {kept} 项（已有进展，不删除），不变 {unchanged} 项。"
                "各单位的状态和进展历史都保留。").format(
                    title=parsed.update_plan_title, **parsed.update_diff.summary())
        elif parsed.target.join is not None:
            counts = parsed.target.join.summary()
            text = self.tr(
                "导入到已有计划《{title}》，不另建计划：与计划中的 {matched} 项对上（其中 {filled} 项"
                "补充单位或完成时限），新增 {new_items} 项，计划中有 {unmentioned} 项本表未提及（保留不变）；"
                "增加分工 {units_added} 条，完成时限 {deadlines_added} 项。").format(
                    title=parsed.target.title, **counts)
        elif len(parsed.targets.matching) > 1:
            text = self.tr("账本中有 {n} 个计划与本表的年度和标题相符，请在“导入到”中选择要导入的计划，"
                           "或作为新计划导入。").format(n=len(parsed.targets.matching))
        self.update_panel.setVisible(bool(text))
        self.update_label.setText(text)
        # A plan in the ledger keeps its own title: the line names a new plan only.
        self.title_edit.setEnabled(parsed.target.plan_id is None)

    def retarget(self, plan_id: int | None) -> None:
        self.chosen_target, self.target_chosen = plan_id, True
        self.previewed(retarget_task_list(self.ledger, self.parsed, plan_id))

    def make_joined_item(self, row: JoinedRow) -> QTreeWidgetItem:
        """A row of the plan's tree after the join: the list's units and deadline for it, and
        how it was matched (or that it is new, or not in the list)."""
        node = self.make_item(row.draft) if row.draft is not None else QTreeWidgetItem(["", ""])
        node.setText(0, row.code)
        node.setText(1, row.title)
        if row.state is RowState.NEW:
            compare = self.tr("新增")
            for column in range(self.tree.columnCount()):
                node.setBackground(column, QBrush(NEW_ROW))
        elif row.state is RowState.UNMENTIONED:
            compare = self.tr("表中未提及")
            for column in range(self.tree.columnCount()):
                node.setForeground(column, QBrush(UNMENTIONED_ROW))
        else:
            compare = (self.tr("编号、标题一致") if row.by is MatchedBy.CODE
                       else self.tr("标题相同（表中编号 {code}）").format(code=row.file_code.strip())
                       if row.file_code else self.tr("标题相同"))
            added = []
            if row.units_added:
                added.append(self.tr("＋单位 {n}").format(n=len(row.units_added)))
            if row.deadline:
                added.append(self.tr("＋完成时限"))
            if added:
                compare += "；" + "、".join(added)
        node.setText(COMPARE_COLUMN, compare)
        node.setToolTip(COMPARE_COLUMN, compare)
        return node

    def can_commit(self) -> bool:
        return self.parsed is not None and self.parsed.already_imported_batch is None

    def make_item(self, item: ItemDraft) -> QTreeWidgetItem:
        names = {role: "、".join(m.name for m in item.units if m.role is role) for role in Role}
        deadline = item.deadline
        node = QTreeWidgetItem([
            item.code, item.title, names[Role.LEAD], names[Role.SUPPORT], names[Role.CARRY],
            deadline.text if deadline else "",
            deadline.due.isoformat() if deadline and deadline.due else "",
        ])
        node.setToolTip(1, item.text)
        return node

    def fill_sheets(self) -> None:
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(self.mapping))
        self.sheet_combo.blockSignals(False)
        self.show_mapping()

    def show_mapping(self) -> None:
        if self.parsed is None or not self.sheet_combo.currentText():
            return
        sheet = self.sheet_combo.currentText()
        layout = next(lay for lay in self.parsed.preview.layouts if lay.sheet == sheet)
        columns = self.parsed.preview.sheet_headers.get(sheet, {})
        twins = _twin_columns(layout.duplicates)
        self.mapping_table.setRowCount(len(columns))
        for row, (column, header) in enumerate(sorted(columns.items())):
            self.mapping_table.setItem(row, 0, QTableWidgetItem(_column_letter(column)))
            header_item = QTableWidgetItem(header)
            if column in twins:
                self.mark_twin(header_item, twins[column])
            self.mapping_table.setItem(row, 1, header_item)
            combo = QComboBox()
            for key, label in FIELD_LABELS.items():
                combo.addItem(self.tr(label), key)
            current = layout.columns.get(column, "")
            current = "units" if current == "lead_only" else current
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.currentIndexChanged.connect(
                lambda _, c=column, box=combo: self.change_mapping(sheet, c, box.currentData()))
            self.mapping_table.setCellWidget(row, 2, combo)
        self.show_category_style(layout, columns)

    def show_category_style(self, layout, headers: dict[int, str]) -> None:
        """类别来自: the rules, a column (any of the sheet's, as the clerk may know better than
        its header says), the category rows, or none; the sheet's current choice selected."""
        combo = self.category_combo
        combo.clear()
        combo.addItem(self.tr("自动识别（类别列和类别行）"), "auto")
        for column, header in sorted(headers.items()):
            combo.addItem(self.tr("类别列：{letter} 列“{header}”").format(
                letter=_column_letter(column), header=header), f"column:{column}")
        combo.addItem(self.tr("类别行：只有编号（一、（一））和标题的行，或横跨整行的一行字"), "rows")
        combo.addItem(self.tr("无类别：每一行都是任务"), "none")
        chosen = layout.category_style
        if chosen == "column":
            chosen = f"column:{layout.column_of('category')}"
        combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def change_category_style(self, index: int) -> None:
        """The clerk's choice of where the sheet's categories come from, remembered for its
        header; a column chosen is mapped to 类别 (and remembered with the mapping)."""
        sheet, choice = self.sheet_combo.currentText(), self.category_combo.itemData(index)
        if not sheet or not choice:
            return
        style, _, column = str(choice).partition(":")
        if column:
            self.set_field(sheet, int(column), "category")
        self.category_styles[sheet] = style
        if (signature := self.signature(sheet)) is not None:
            QSettings().setValue(CATEGORY_KEY.format(signature=signature), style)
        self.reparse()

    def mark_twin(self, item: QTableWidgetItem, others: list[int]) -> None:
        """A header written over several columns: highlighted, with a tip saying that only one
        of them can feed the field and how to choose it (the parser warns about it too)."""
        item.setBackground(QBrush(QColor("#fff3c4")))
        item.setToolTip(self.tr("与 {columns} 列的表头相同，只能导入其中一列；"
                                "请在“导入为”中为要导入的那一列选择这一项。").format(
            columns="、".join(map(_column_letter, others))))

    def change_mapping(self, sheet: str, column: int, field_name: str) -> None:
        self.set_field(sheet, column, field_name)
        self.reparse()

    def set_field(self, sheet: str, column: int, field_name: str) -> None:
        """``column`` feeds ``field_name`` (and no other column does), remembered."""
        columns = self.mapping.setdefault(sheet, {})
        for other, name in list(columns.items()):
            if name == field_name and other != column:
                del columns[other]  # one column per field
        if field_name:
            columns[column] = field_name
        else:
            columns.pop(column, None)
        self.remember_mapping(sheet, columns)

    def signature(self, sheet: str) -> str | None:
        headers = self.parsed.preview.sheet_headers.get(sheet) if self.parsed else None
        return header_signature(headers) if headers else None

    def remember_mapping(self, sheet: str, columns: dict[int, str]) -> None:
        if (signature := self.signature(sheet)) is not None:
            QSettings().setValue(MAPPING_KEY.format(signature=signature),
                                 json.dumps({str(c): f for c, f in columns.items()}))

    def apply_remembered_mappings(self, parsed: TaskListFile) -> bool:
        """On a new file's first preview: the mappings and category styles remembered for its
        sheets' headers that differ from what was detected are taken, and the file parsed
        again with them (True); a mapping that no longer fits (an unreadable setting) is
        passed over."""
        if self.remembered_looked_up:
            return False
        self.remembered_looked_up = True
        for sheet in list(self.mapping):
            header = parsed.preview.sheet_headers.get(sheet)
            signature = header_signature(header) if header else None
            value = QSettings().value(MAPPING_KEY.format(signature=signature)) \
                if signature else None
            try:
                columns = {int(c): str(f) for c, f in json.loads(str(value)).items()} \
                    if value else None
            except (ValueError, AttributeError):
                columns = None
            if columns and columns != self.mapping[sheet]:
                self.mapping[sheet] = columns
                self.remembered.append(sheet)
            style = QSettings().value(CATEGORY_KEY.format(signature=signature)) \
                if signature else None
            if style in CATEGORY_STYLES and style != self.category_styles.get(sheet, "auto"):
                self.category_styles[sheet] = str(style)
                if sheet not in self.remembered:
                    self.remembered.append(sheet)
        if self.remembered:
            self.reparse()
        return bool(self.remembered)

    # -- committing -------------------------------------------------------------------------
    def commit_work(self, parsed: TaskListFile) -> Work:
        parsed.preview.plan.title = self.title_edit.text().strip() or parsed.preview.plan.title
        # A copy carries the clerk's choices: after a cancelled commit the preview is as read.
        chosen = dataclasses.replace(parsed, unit_choices=self.units_table.choices())
        return lambda ledger, progress: commit_task_list(ledger, chosen, on_progress=progress)


def show_numbers(roots: list, shown: list[tuple[object, QTreeWidgetItem]]) -> None:
    """Each row's number as the ledger will show it (``一、（一）1.``, outline_codes.item_number
    of the codes from the top), in place of its code alone."""
    numbers: dict[int, str] = {}

    def walk(node, above: list[str]) -> None:
        path = [*above, node.code]
        numbers[id(node)] = item_number(path)
        for child in node.children:
            walk(child, path)

    for root in roots:
        walk(root, [])
    for node, item in shown:
        item.setText(0, numbers[id(node)])


def _column_letter(column: int) -> str:
    return Grid.column_letter(column)


def _twin_columns(duplicates: dict[str, list[int]]) -> dict[int, list[int]]:
    """Column → the other columns whose header names the same field."""
    return {column: [other for other in columns if other != column]
            for columns in duplicates.values() for column in columns}
