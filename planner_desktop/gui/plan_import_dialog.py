"""导入工作要点: the proposed item tree of a plan document beside its source text.

The document is read and parsed off the GUI thread. The clerk sees the tree (codes, titles,
lead and support units, deadlines, targets) and, beside it, the paragraphs the current item was
read from (本项的段落, numbered as in the file) above the cleaned text, where its words are
selected. The tree can be corrected before anything is written: promote and demote, merge with
the next item, turn an item back into the body text above it (并入上一项的正文) or a body
paragraph into an item (拆为新要点), split at the cursor in the source text, rename, set the
units and the deadline, take the suggested lead sections (from the clerk's keyword table).
Committing writes the edited tree as one import batch, undoable, on the worker's own
connection to the ledger; the flow itself is ``gui/import_flow.py``'s.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QTreeWidgetItem,
    QWidget,
)

from planner_desktop.domain import plan_outline as outline_edits
from planner_desktop.domain.lead_suggestion import suggest_lead
from planner_desktop.domain.outline_codes import path_number
from planner_desktop.domain.plan_outline import OutlineNode, PlanOutline
from planner_desktop.gui.forms.plan_import_dialog_ui import Ui_PlanImportDialog
from planner_desktop.gui.import_flow import PlanFileDialog, fill_tree
from planner_desktop.gui.operation import Work
from planner_desktop.gui.plan_keywords_dialog import PasteTextDialog, PlanKeywordsDialog
from planner_desktop.gui.plan_paragraphs import ParagraphPane
from planner_desktop.ops.ledger import Ledger
from planner_desktop.ops.plan_import import (
    PlanDocumentPreview,
    commit_plan_document,
    confirm_all_suggestions,
    plan_unit_names,
    preview_plan_document,
    retarget_plan_document,
)
from planner_desktop.ops.units import list_units

T = TypeVar("T")
PLAN_FILTER = "工作要点 (*.docx *.doc *.wps *.pdf *.ofd *.txt);;所有文件 (*)"
SUGGESTION_COLOUR = QColor("#7a7a7a")
HIGHLIGHT = QColor("#fff0a0")


class PlanImportDialog(PlanFileDialog):
    """Opened from 文件 → 导入工作要点, with a dropped plan document, or on pasted text."""

    UNITS_TAB = 1
    CHOOSE_CAPTION, FILE_FILTER = "选择工作要点", PLAN_FILTER

    def __init__(self, ledger: Ledger, path: Path | None = None, parent: QWidget | None = None,
                 text: str | None = None) -> None:
        super().__init__(ledger, parent)
        self.pasted: str | None = None
        if path is not None:
            self.load(Path(path))
        elif text is not None:
            self.load_text(text)

    # -- layout ---------------------------------------------------------------------------
    def build(self) -> None:
        self.ui = Ui_PlanImportDialog()  # the layout lives in ui/plan_import_dialog.ui
        self.ui.setupUi(self)
        ui = self.ui
        self.file_label, self.title_edit, self.year_spin = ui.file_label, ui.title_edit, ui.year_spin
        self.summary, self.plan_part_box, self.tree = ui.summary, ui.plan_part_box, ui.tree
        self.edit_title, self.edit_lead = ui.edit_title, ui.edit_lead
        self.edit_support, self.edit_deadline = ui.edit_support, ui.edit_deadline
        self.apply_button, self.source, self.tabs = ui.apply_button, ui.source, ui.tabs
        self.splitter, self.buttons = ui.splitter, ui.buttons
        self.target_combo = ui.target_combo
        self.setup_targets()
        # Names of units not in the roster, each to be created or mapped to a roster unit.
        self.units_table = ui.units_table
        self.units_table.set_name_header(self.tr("文中的单位名称"))
        self.nodes: list[OutlineNode] = []  # the tree's rows, in order (see make_item)

        ui.choose_button.clicked.connect(self.choose_file)
        ui.paste_button.clicked.connect(self.paste_text)
        self.year_spin.setValue(dt.date.today().year)
        self.year_spin.valueChanged.connect(self.change_year)
        self.plan_part_box.setVisible(False)
        self.plan_part_box.toggled.connect(self.toggle_plan_part)
        for column, width in enumerate((96, 330, 120, 100, 120, 84, 70)):
            self.tree.setColumnWidth(column, width)
        self.tree.currentItemChanged.connect(self.on_current)
        edits = ((ui.promote_button, self.promote_current), (ui.demote_button, self.demote_current),
                 (ui.merge_button, self.merge_current), (ui.split_button, self.split_current),
                 (ui.accept_button, self.accept_suggestion),
                 (ui.accept_all_button, self.accept_all_suggestions),
                 (ui.keywords_button, self.edit_keywords), (self.apply_button, self.apply_edits))
        for button, slot in edits:
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
        self.promote_button, self.demote_button = ui.promote_button, ui.demote_button
        self.merge_button, self.split_button = ui.merge_button, ui.split_button
        self.accept_button, self.accept_all_button = ui.accept_button, ui.accept_all_button
        self.keywords_button = ui.keywords_button
        self.undo_snapshots: list[tuple[PlanOutline, list[int]]] = []  # see edited
        self.undo_button = ui.undo_button
        undo = QAction(self.tr("撤销"), self)
        undo.setShortcut(QKeySequence.Undo)  # a text field focused keeps Ctrl+Z for its text
        undo.triggered.connect(lambda _checked=False: self.undo())
        self.addAction(undo)
        self.undo_button.clicked.connect(lambda _checked=False: self.undo())
        self.edit_lead.lineEdit().setPlaceholderText(self.tr("牵头股室"))
        self.build_paragraph_pane()
        self.source.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.ui.source_splitter.setStretchFactor(0, 1)
        self.ui.source_splitter.setStretchFactor(1, 1)
        self.setup_flow(ok_text=self.tr("导入"), reading=self.tr("正在读取工作要点…"),
                        writing=self.tr("正在导入…"), error_title=self.tr("无法导入"))
        self.set_ready(False)

    def build_paragraph_pane(self) -> None:
        """本项的段落 with its two edits, each a button, a shortcut and a context-menu entry (on
        the tree and on the paragraphs)."""
        ui = self.ui
        self.paragraph_pane = ParagraphPane(ui.paragraphs, ui.paragraphs_label)
        self.merge_up_button, self.split_paragraph_button = ui.merge_up_button, ui.split_paragraph_button
        self.merge_up_action = QAction(self.tr("并入上一项的正文"), self)
        self.merge_up_action.setShortcut(QKeySequence("Ctrl+J"))
        self.merge_up_action.triggered.connect(lambda _checked=False: self.merge_into_previous())
        self.split_paragraph_action = QAction(self.tr("拆为新要点"), self)
        self.split_paragraph_action.setShortcut(QKeySequence("Ctrl+Return"))
        self.split_paragraph_action.triggered.connect(lambda _checked=False: self.split_paragraph())
        for action in (self.merge_up_action, self.split_paragraph_action):
            self.addAction(action)
        self.merge_up_button.clicked.connect(self.merge_up_action.trigger)
        self.split_paragraph_button.clicked.connect(self.split_paragraph_action.trigger)
        self.tree.customContextMenuRequested.connect(lambda point: self.context_menu(
            self.tree.viewport().mapToGlobal(point), [self.merge_up_action]))
        ui.paragraphs.customContextMenuRequested.connect(lambda point: self.paragraph_menu(point))

    def paragraph_menu(self, point) -> None:
        view = self.ui.paragraphs
        view.setTextCursor(view.cursorForPosition(point))  # the paragraph right-clicked
        self.context_menu(view.viewport().mapToGlobal(point),
                          [self.split_paragraph_action, self.merge_up_action])

    def context_menu(self, where, actions: list[QAction]) -> None:
        if self.current_node() is None:
            return
        menu = QMenu(self)
        menu.addActions(actions)
        menu.popup(where)

    def set_ready(self, ready: bool) -> None:
        """The tree can be edited when it can be imported (not while reading or writing)."""
        for widget in (self.promote_button, self.demote_button, self.merge_button, self.split_button,
                       self.accept_button, self.accept_all_button, self.apply_button,
                       self.merge_up_button, self.split_paragraph_button, self.merge_up_action,
                       self.split_paragraph_action, self.ok_button):
            widget.setEnabled(ready)
        self.undo_button.setEnabled(ready and bool(self.undo_snapshots))

    def can_commit(self) -> bool:
        return (self.preview is not None and self.preview.already_imported_batch is None
                and self.preview.outline.count() > 0)

    # -- reading ----------------------------------------------------------------------------
    def paste_text(self) -> None:
        dialog = PasteTextDialog(self)
        dialog.accepted.connect(lambda: self.load_text(dialog.text()))
        dialog.open()

    def load(self, path: Path) -> None:
        self.pasted = None
        super().load(path)

    def load_text(self, text: str) -> None:
        if not text.strip():
            return
        self.path, self.pasted = None, text
        self.read_new_source(self.tr("粘贴的文本（{n} 字）").format(n=len(text)))

    def change_year(self, year: int) -> None:
        """Deadlines are dated again for the new year; the clerk's edits are kept."""
        if self.preview is not None:
            outline_edits.set_year(self.preview.outline, year)
            self.refresh()

    def run_preview(self, year: int | None) -> None:
        path, text = self.path, self.pasted
        title = self.title_edit.text().strip() or None
        self.read(lambda ledger, _progress: preview_plan_document(
            ledger, path, text=text, year=year, title=title), cancellable=False)

    # -- preview ----------------------------------------------------------------------------
    def show_preview(self, preview: PlanDocumentPreview) -> None:
        self.undo_snapshots.clear()  # a new reading of the file: nothing to step back to
        outline = preview.outline
        self.show_plan_header(outline.title, outline.year)
        with QSignalBlocker(self.plan_part_box):
            self.plan_part_box.setVisible(preview.mixed)
            if preview.mixed:
                self.plan_part_box.setText(self.tr(
                    "只导入计划部分：“{title}”（取消勾选则导入全文）").format(
                        title=outline.plan_part.title))
                self.plan_part_box.setChecked(outline.use_plan_part)
        self.source.setPlainText(outline.source)
        self.fill_targets(preview.targets, preview.target.plan_id)
        self.fill_units()
        self.refresh()
        self.keywords_button.setEnabled(True)

    def fill_units(self) -> None:
        names = [u["name"] for u in list_units(self.ledger) if u["kind"] == "股室"]
        names += sorted({u for _, u in self.preview.keywords.rows} - set(names))
        self.edit_lead.clear()
        self.edit_lead.addItem("")
        self.edit_lead.addItems(names)

    def refresh(self, keep: OutlineNode | None = None) -> None:
        """Rebuild the tree and the summary from the preview (after every edit)."""
        if self.preview is None:
            return
        keep = keep or self.current_node()
        self.nodes = []
        with QSignalBlocker(self.tree):
            shown = fill_tree(self.tree, self.preview.outline.items, self.make_item)
            self.tree.expandAll()
        keep_item = next((item for node, item in shown if node is keep), None)
        if keep_item is not None:
            self.tree.setCurrentItem(keep_item)
        self.update_summary()

    def make_item(self, node: OutlineNode) -> QTreeWidgetItem:
        deadline = node.deadline
        placeholders = sum(t.placeholder for t in node.targets)
        targets = ""
        if node.targets:
            targets = self.tr("{n} 项").format(n=len(node.targets))
            if placeholders:
                targets += self.tr("（{n} 待填）").format(n=placeholders)
        lead = node.lead or (self.tr("{name}（建议）").format(name=node.suggested_lead)
                             if node.suggested_lead else "")
        item = QTreeWidgetItem([
            path_number(node.code), node.title, lead, "、".join(node.support()),
            deadline.text if deadline else "",
            deadline.due.isoformat() if deadline and deadline.due else "", targets])
        item.setData(0, Qt.UserRole, len(self.nodes))
        self.nodes.append(node)
        item.setToolTip(1, node.full_text()[:600])
        if node.targets:
            item.setToolTip(6, "\n".join(
                t.text + (self.tr("（待填）") if t.placeholder else "") for t in node.targets))
        if not node.lead and node.suggested_lead:
            item.setForeground(2, SUGGESTION_COLOUR)
            font = QFont(item.font(2))
            font.setItalic(True)
            item.setFont(2, font)
        return item

    def update_summary(self) -> None:
        preview = self.preview
        outline = preview.outline
        levels = "，".join(self.tr("第{level}级 {n} 项").format(level=k, n=v)
                          for k, v in sorted(outline.levels().items()))
        nodes = [n for _, n in outline.walk()]
        template = self.tr("共 {items} 项（{levels}）；量化指标 {targets} 个（待填 {blank} 个），"
                           "完成时限 {deadlines} 项；建议牵头股室 {suggested} 项，已确定牵头 {leads} 项。")
        text = template.format(
            items=len(nodes), levels=levels or "0",
            targets=sum(len(n.targets) for n in nodes),
            blank=sum(t.placeholder for n in nodes for t in n.targets),
            deadlines=sum(n.deadline is not None for n in nodes),
            suggested=sum(bool(n.suggested_lead) and not n.lead for n in nodes),
            leads=sum(bool(n.lead) for n in nodes))
        if outline.removed:
            text += self.tr("已去除网页杂项、广告等 {n} 行。").format(n=len(outline.removed))
        names = plan_unit_names(self.ledger, preview)
        unknown = names.unknown
        self.show_unknown_units(unknown, names.groups, names.waiting)
        if unknown:
            text += self.tr("\n不在单位名册中的单位 {n} 个：{names}。请在“未识别的单位”页选择新建，"
                            "或对应到名册中的单位。").format(
                n=len(unknown), names="、".join(unknown[:8]) + ("…" if len(unknown) > 8 else ""))
        for warning in preview.warnings:
            text += "\n" + self.tr(warning)
        if preview.already_imported_batch is not None:
            text += self.tr("\n这个文件已经导入过（导入批次 {id}），如需重新导入请先撤销该批次。").format(
                id=preview.already_imported_batch)
        text += self.target_summary()
        self.summary.setText(text)

    # -- 导入到 ---------------------------------------------------------------------------------
    def retarget(self, plan_id: int | None) -> None:
        retarget_plan_document(self.ledger, self.preview, plan_id)
        self.update_summary()

    def target_summary(self) -> str:
        """The plan the document joins, lined up with the tree as edited now."""
        preview = self.preview
        if preview.target.plan_id is None:
            if len(preview.targets.matching) > 1:
                return self.tr("\n账本中有 {n} 个计划与本文件相符，请在“导入到”中选择，或作为新计划导入。"
                               ).format(n=len(preview.targets.matching))
            return ""
        retarget_plan_document(self.ledger, preview, preview.target.plan_id)
        title = self.title_edit.text().strip() or preview.outline.title
        renamed = self.tr("计划标题改为“{title}”。").format(title=title) \
            if title and title != preview.target.title else ""
        return self.tr(
            "\n导入到已有计划《{title}》，不另建计划：与计划中的 {matched} 项对上"
            "（标题、正文、编号以本文件为准），新增 {new_items} 项，"
            "计划中有 {unmentioned} 项本文件未提及（保留不变）。").format(
                title=preview.target.title, **preview.target.join.summary()) + renamed

    # -- the current item -------------------------------------------------------------------
    def current_node(self) -> OutlineNode | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        index = item.data(0, Qt.UserRole)
        return self.nodes[index] if index is not None and index < len(self.nodes) else None

    def on_current(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        node = self.current_node()
        if node is None:
            return
        self.edit_title.setText(node.title)
        self.edit_lead.setCurrentText(node.lead)
        self.edit_lead.lineEdit().setPlaceholderText(
            self.tr("建议：{name}（点“采纳建议”或填写）").format(name=node.suggested_lead)
            if node.suggested_lead and not node.lead else self.tr("牵头股室"))
        self.edit_support.setText("、".join(node.support()))
        self.edit_deadline.setText(node.deadline.text if node.deadline else "")
        self.paragraph_pane.show(outline_edits.paragraphs_of(self.preview.outline, node),
                                 len(node.children))
        self.show_source(node)

    def show_source(self, node: OutlineNode) -> None:
        """Highlight the words the item came from (its title and the paragraphs after it, up
        to the next item) and scroll them into view; the cursor is put at their start, where
        拆分 would cut if the clerk clicks it now."""
        length = len(self.source.toPlainText())
        highlight = QTextEdit.ExtraSelection()
        highlight.format.setBackground(HIGHLIGHT)
        cursor = QTextCursor(self.source.document())
        _, end = outline_edits.own_span(self.preview.outline, node)
        cursor.setPosition(min(node.start, length))
        cursor.setPosition(min(max(node.end, end), length), QTextCursor.KeepAnchor)
        highlight.cursor = cursor
        self.source.setExtraSelections([highlight])
        start = QTextCursor(self.source.document())
        start.setPosition(min(node.start, length))
        self.source.setTextCursor(start)
        self.source.centerCursor()
        QTimer.singleShot(0, self.source.centerCursor)  # again once the text is laid out

    # -- the clerk's edits ------------------------------------------------------------------
    def promote_current(self) -> bool:
        return self.edit_current(outline_edits.promote)

    def demote_current(self) -> bool:
        return self.edit_current(outline_edits.demote)

    def merge_current(self) -> bool:
        return self.edit_current(outline_edits.merge_with_next)

    def edit_current(self, edit: Callable[[PlanOutline, OutlineNode], object]) -> bool:
        """An edit of the outline at the current item; the tree shown again on the same item."""
        node = self.current_node()
        if node is None or not self.edited(lambda: edit(self.preview.outline, node)):
            return False
        self.refresh(node)
        return True

    def merge_into_previous(self) -> OutlineNode | None:
        """The current item was body text: into the text of the item above it, which is shown
        with the paragraph it took selected."""
        node = self.current_node()
        if node is None or not self.merge_up_action.isEnabled():
            return None
        start = node.start
        receiver = self.edited(lambda: outline_edits.merge_into_previous(self.preview.outline, node))
        if receiver is None:
            QMessageBox.information(self, self.tr("并入上一项的正文"), self.tr(
                "这是第一项，上面没有可以并入的要点。"))
            return None
        self.refresh(receiver)
        self.paragraph_pane.select_at(start)
        return receiver

    def split_paragraph(self) -> OutlineNode | None:
        """The paragraph chosen in 本项的段落 becomes an item (with the paragraphs after it)."""
        node, paragraph = self.current_node(), self.paragraph_pane.current()
        if node is None or not self.split_paragraph_action.isEnabled():
            return None
        new = None
        if paragraph is not None and paragraph.kind == "body":
            new = self.edited(lambda: outline_edits.split_paragraph(
                self.preview.outline, node, paragraph.start))
        if new is None:
            QMessageBox.information(self, self.tr("拆为新要点"), self.tr(
                "请先在“本项的段落”中点选一个正文段落，再点“拆为新要点”。标题段落已是本项，"
                "字段（如责任单位、完成时限）属于本项，不能拆为要点。"))
            return None
        self.refresh(new)
        return new

    def split_current(self) -> OutlineNode | None:
        """Split where the cursor stands in the source text (inside the item's own words)."""
        node = self.current_node()
        if node is None:
            return None
        source = self.source.toPlainText()
        position = self.source.textCursor().selectionEnd() if not self.source.textCursor().hasSelection() \
            else self.source.textCursor().selectionStart()
        at = -1
        if node.start <= position < node.end:
            snippet = source[position:min(node.end, position + 12)].strip()
            at = node.text.find(snippet) if snippet else -1
        new = self.edited(lambda: outline_edits.split(self.preview.outline, node, at)) \
            if at > 0 else None
        if new is None:
            QMessageBox.information(self, self.tr("拆分"), self.tr(
                "请先在右侧原文中，把光标放在要拆成新一项的文字开头（在该项的正文中），再点“拆分”。"))
            return None
        self.refresh(new)
        return new

    def apply_edits(self) -> None:
        node = self.current_node()
        if node is None:
            return
        title = self.edit_title.text().strip()
        lead = self.edit_lead.currentText().strip()
        support = [s for s in self.edit_support.text().replace("，", "、").replace(",", "、").split("、")
                   if s.strip()]
        deadline = self.edit_deadline.text().strip()
        new_title = bool(title) and title != node.title
        new_units = lead != node.lead or support != node.support()
        new_deadline = deadline != (node.deadline.text if node.deadline else "")

        def apply() -> bool:
            if new_title:
                outline_edits.rename(node, title)
            if new_units:
                outline_edits.set_units(node, lead, support)
            if new_deadline:
                outline_edits.set_deadline(node, deadline, self.year_spin.value())
            return new_title or new_units or new_deadline

        self.edited(apply)
        self.refresh(node)

    def accept_suggestion(self) -> None:
        node = self.current_node()
        if node is not None and node.suggested_lead and not node.lead:
            self.edited(lambda: outline_edits.confirm_suggestion(node) or True)
            self.refresh(node)

    def accept_all_suggestions(self) -> None:
        if self.preview is not None:
            self.edited(lambda: confirm_all_suggestions(self.preview) > 0)
            self.refresh()

    # -- undo ---------------------------------------------------------------------------------
    def edited(self, change: Callable[[], T]) -> T:
        """Make an edit of the outline (``change`` returns something true when it changed
        anything, and that is returned), keeping the outline as it was for 撤销 (Ctrl+Z): the
        clerk can step back through every edit rather than cancel them all."""
        before = (copy.deepcopy(self.preview.outline), self.node_path(self.current_node()))
        result = change()
        if result:
            self.undo_snapshots.append(before)
            self.undo_button.setEnabled(True)
        return result

    def undo(self) -> bool:
        if self.preview is None or not self.undo_snapshots or not self.undo_button.isEnabled():
            return False
        outline, path = self.undo_snapshots.pop()
        if outline.year != self.year_spin.value():  # the year is not an edit to undo
            outline_edits.set_year(outline, self.year_spin.value())
        self.preview.outline = outline
        self.plan_part_box.blockSignals(True)
        self.plan_part_box.setChecked(outline.use_plan_part)
        self.plan_part_box.blockSignals(False)
        self.undo_button.setEnabled(bool(self.undo_snapshots))
        self.refresh(self.node_at(path))
        return True

    def node_path(self, node: OutlineNode | None) -> list[int]:
        """Where ``node`` stands in the outline (indexes from the top), to find it in a copy."""
        def search(nodes: list[OutlineNode], path: list[int]) -> list[int] | None:
            for index, candidate in enumerate(nodes):
                if candidate is node:
                    return [*path, index]
                found = search(candidate.children, [*path, index])
                if found is not None:
                    return found
            return None
        return (search(self.preview.outline.items, []) or []) if node is not None else []

    def node_at(self, path: list[int]) -> OutlineNode | None:
        nodes, node = self.preview.outline.items, None
        for index in path:
            if index >= len(nodes):
                break
            node = nodes[index]
            nodes = node.children
        return node

    def edit_keywords(self) -> None:
        if self.preview is None:
            return
        dialog = PlanKeywordsDialog(self.ledger, self.preview.keywords, self)
        dialog.saved.connect(self.on_keywords_saved)
        dialog.open()

    def on_keywords_saved(self, table) -> None:
        # New suggestions everywhere: 撤销 goes back no further than the new keyword table.
        self.undo_snapshots.clear()
        self.undo_button.setEnabled(False)
        self.preview.keywords = table
        outline_edits.apply_suggestions(self.preview.outline,
                                        lambda title, text: suggest_lead(title, text, table))
        self.fill_units()
        self.refresh()

    def toggle_plan_part(self, only_plan: bool) -> None:
        if self.preview is not None:
            self.edited(lambda: self.preview.use_plan_part(only_plan) or True)
            self.refresh()

    # -- committing -------------------------------------------------------------------------
    def commit_work(self, preview: PlanDocumentPreview) -> Work:
        preview.title = self.title_edit.text().strip() or preview.outline.title
        preview.unit_choices = self.units_table.choices()
        if self.year_spin.value() != preview.outline.year:
            outline_edits.set_year(preview.outline, self.year_spin.value())
        return lambda ledger, progress: commit_plan_document(ledger, preview, on_progress=progress)
