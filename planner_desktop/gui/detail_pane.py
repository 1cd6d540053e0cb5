"""The detail pane: one item in full, its assignments editable inline, history and evidence.

Edits are not written here: each becomes an undoable command handed to ``run_command`` (the
main window pushes it on its undo stack). The pane follows the application's ``changed``
signal itself: after any write that touches items, assignments or units it reads its item
again, once.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.domain.outline_codes import numbered_title
from planner_desktop.domain.status import Status
from planner_desktop.domain.timeliness import (
    Timeliness,
    extension_problem,
    extension_text,
    timeliness_label,
)
from planner_desktop.domain.units import ROLE_LABELS, Role
from planner_desktop.gui import undo_commands as cmd
from planner_desktop.gui.events import ledger_events
from planner_desktop.gui.file_folders import open_files
from planner_desktop.gui.forms.date_dialog_ui import Ui_DateDialog
from planner_desktop.gui.note_editor import NoteEdit
from planner_desktop.gui.targets_tab import TargetsTab
from planner_desktop.ops.changes import Changes
from planner_desktop.ops.editing import ItemDetail, evidence_path, item_detail, item_number_of
from planner_desktop.ops.ledger import Ledger

KIND_LABELS = {"date": "日期", "recurring": "周期性", "ongoing": "长期/全年", "relative": "相对时限",
               "unparsed": "未能识别", "none": "无时限"}
SOURCE_LABELS = {"hand": "手工", "import": "回收表", "demo": "演示"}
A_UNIT, A_ROLE, A_DUE, A_STATUS, A_PROGRESS, A_NOTE = range(6)


def highlighted_text(text: str, targets: list[dict]) -> str:
    """The item's text as HTML with each 量化指标 marked, so the clerk sees what is measured."""
    escaped = html.escape(text)
    for target in sorted({t["text"] for t in targets if t["text"]}, key=len, reverse=True):
        marked = f'<span style="background:#fff0a8; font-weight:600">{html.escape(target)}</span>'
        escaped = escaped.replace(html.escape(target), marked)
    return escaped.replace("\n", "<br>")


class DateDialog(QDialog):
    """Ask for a date (and, for an extension, the reason, who approved it and when)."""

    def __init__(self, title: str, initial: dt.date | None, with_reason: bool, parent=None) -> None:
        super().__init__(parent)
        self.ui = Ui_DateDialog()  # the layout lives in ui/date_dialog.ui
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.date_edit, self.reason = self.ui.date_edit, self.ui.reason
        self.approver = self.ui.approver
        start = initial or dt.date.today()
        self.date_edit.setDate(QDate(start.year, start.month, start.day))
        today = QDate.currentDate()
        self.ui.approved_on.setDate(today)
        self.ui.requested_on.setDate(today)
        self.with_reason = with_reason
        for field in (self.reason, self.approver, self.ui.approved_on, self.ui.requested_on):
            self.ui.form.setRowVisible(field, with_reason)
        self.ui.buttons.button(QDialogButtonBox.Ok).setText(self.tr("确定"))
        self.ui.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        if with_reason:
            for signal in (self.reason.textChanged, self.approver.textChanged,
                           self.ui.approved_on.dateChanged, self.ui.requested_on.dateChanged):
                signal.connect(self._check)
            self._check()

    def chosen_date(self) -> dt.date:
        return self.date_edit.date().toPython()

    def approved_on(self) -> dt.date:
        return self.ui.approved_on.date().toPython()

    def requested_on(self) -> dt.date:
        return self.ui.requested_on.date().toPython()

    def problem(self) -> str | None:
        return extension_problem(self.reason.text(), self.approver.text(), self.approved_on(),
                                 self.requested_on())

    def _check(self) -> None:
        """OK stays off until the reason and the approver are there (both required)."""
        problem = self.problem()
        ok = self.ui.buttons.button(QDialogButtonBox.Ok)
        ok.setEnabled(problem is None)
        ok.setToolTip(problem or "")


def due_cell_text(assignment: dict) -> str:
    """The due date with the 完成情况 (按时完成, 延期内完成, 逾期未完成 …) beside it."""
    state = assignment.get("timeliness")
    due = assignment["effective_due"] or ""
    if state is None or state in (Timeliness.NO_DUE, Timeliness.NOT_COUNTED):
        return due
    return f"{due}（{timeliness_label(state)}）"


class EvidenceList(QListWidget):
    """Attached files; files dropped on it are attached to the chosen assignment."""

    files_dropped = Signal(list)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.files_dropped.emit(paths)
            event.acceptProposedAction()


class DetailPane(QWidget):
    def __init__(self, ledger: Ledger, run_command: Callable[[cmd.LedgerCommand], bool],
                 parent=None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.run_command = run_command
        self.detail: ItemDetail | None = None
        self.shown: tuple[int | None, int | None] = (None, None)  # item, assignment
        self.read_only = False
        self._filling = False

        self.heading = QLabel(wordWrap=True, textFormat=Qt.RichText)
        self.tabs = QTabWidget()
        self.text_view = QTextBrowser()
        self.deadline_label = QLabel(wordWrap=True)
        self.due_button = QPushButton(self.tr("修改到期日…"))
        self.due_button.clicked.connect(self.edit_due)
        text_page = QWidget()
        text_layout = QVBoxLayout(text_page)
        text_layout.addWidget(self.text_view, 1)
        due_row = QHBoxLayout()
        due_row.addWidget(self.deadline_label, 1)
        due_row.addWidget(self.due_button)
        text_layout.addLayout(due_row)

        self.assignments = QTableWidget(0, 6)
        self.assignments.setHorizontalHeaderLabels(
            [self.tr("单位"), self.tr("分工"), self.tr("到期日"), self.tr("状态"), self.tr("进度%"),
             self.tr("进展情况")])
        self.assignments.verticalHeader().setVisible(False)
        self.assignments.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.assignments.setSelectionMode(QAbstractItemView.SingleSelection)
        self.assignments.horizontalHeader().setSectionResizeMode(A_NOTE, QHeaderView.Stretch)
        self.extend_button = QPushButton(self.tr("延期…"))
        self.extend_button.clicked.connect(self.extend)
        self.attach_button = QPushButton(self.tr("添加佐证材料…"))
        self.attach_button.clicked.connect(self.choose_evidence)
        self.remove_button = QPushButton(self.tr("移除该单位"))
        self.remove_button.clicked.connect(self.remove_selected_assignment)
        assign_page = QWidget()
        assign_layout = QVBoxLayout(assign_page)
        assign_layout.addWidget(self.assignments, 1)
        self.waiting_label = QLabel(wordWrap=True)  # groups and names waiting for the roster
        self.waiting_label.setStyleSheet("color: #8a6d00;")
        self.waiting_label.hide()
        assign_layout.addWidget(self.waiting_label)
        buttons = QHBoxLayout()
        for button in (self.extend_button, self.attach_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        assign_layout.addLayout(buttons)

        self.history = QTableWidget(0, 6)
        self.history.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("单位"), self.tr("状态"), self.tr("进度"), self.tr("进展情况"),
             self.tr("来源")])
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.history.horizontalHeader().setSectionResizeMode(4, QHeaderView.Stretch)

        self.evidence = EvidenceList()
        self.evidence.itemActivated.connect(self.open_evidence)
        self.evidence.files_dropped.connect(self.attach_files)
        evidence_page = QWidget()
        evidence_layout = QVBoxLayout(evidence_page)
        evidence_layout.addWidget(QLabel(self.tr("把文件拖到下面即可附加到“分工与进展”中选中的单位；双击打开。"),
                                         wordWrap=True))
        evidence_layout.addWidget(self.evidence, 1)

        self.tabs.addTab(text_page, self.tr("要点内容"))
        self.tabs.addTab(assign_page, self.tr("分工与进展"))
        self.targets_tab = TargetsTab(ledger, run_command)
        self.tabs.addTab(self.targets_tab, self.tr("量化指标"))
        self.tabs.addTab(self.history, self.tr("进展历史"))
        self.tabs.addTab(evidence_page, self.tr("佐证材料"))
        self.slip_list = QListWidget()
        self.slip_list.setWordWrap(True)
        self.answer_button = QPushButton(self.tr("登记办理情况…"))
        self.answer_button.clicked.connect(self.answer_selected_slip)
        slip_page = QWidget()
        slip_layout = QVBoxLayout(slip_page)
        slip_layout.addWidget(self.slip_list, 1)
        slip_layout.addWidget(self.answer_button)
        self.tabs.addTab(slip_page, self.tr("督办单"))
        self.slips: list = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self.show_item(None)
        ledger_events().changed.connect(self.on_ledger_changed)

    # -- showing ----------------------------------------------------------------------------
    def on_ledger_changed(self, changes: Changes, _initiator: object) -> None:
        if not self.ledger.closed and changes.any_of("plans", "items", "assignments", "units"):
            self.show_item(*self.shown)

    def follow(self, item_id: int | None, assignment_id: int | None = None) -> None:
        """Show this item unless it is the one shown (the table's selection moved, or was
        restored after a reload)."""
        if (item_id, assignment_id) != self.shown:
            self.show_item(item_id, assignment_id)

    def show_item(self, item_id: int | None, select_assignment: int | None = None) -> None:
        self.shown = (item_id, select_assignment)
        self.detail = item_detail(self.ledger, item_id) if item_id is not None else None
        d = self.detail
        enabled = d is not None
        self.heading.setToolTip("")  # the item's path, once one is shown
        for widget in (self.tabs, self.due_button):
            widget.setEnabled(enabled)
        if d is None:
            self.heading.setText(self.tr("<i>在左侧表格中选择一项，这里显示它的全部内容。</i>"))
            self.text_view.clear()
            self.deadline_label.clear()
            self.assignments.setRowCount(0)
            self.history.setRowCount(0)
            self.evidence.clear()
            self.slips = []
            self.slip_list.clear()
            self.waiting_label.hide()
            self.targets_tab.show_item(None, [])
            return
        item = d.item
        number, above = item_number_of(self.ledger, item["id"])
        path = f"<span style='color:#666'>{html.escape(' › '.join(above))}</span><br>" if above else ""
        self.heading.setText(f"{path}<b>{html.escape(numbered_title(number, item['title']))}</b>"
                             f"<br><span style='color:#666'>{html.escape(d.plan_title or '')}</span>")
        self.heading.setToolTip("\n".join([*above, numbered_title(number, item["title"])]))
        body = item["body"] or item["title"]
        self.text_view.setHtml(highlighted_text(body, d.targets))
        kind = KIND_LABELS.get(item["deadline_kind"], item["deadline_kind"])
        parsed = item["due"] or self.tr("（无具体日期）")
        by_hand = self.tr("，手工修改") if item["due_set_by_hand"] else ""
        self.deadline_label.setText(self.tr("完成时限：{text}\n识别为：{due}（{kind}{hand}）").format(
            text=item["deadline_text"] or self.tr("未写明"), due=parsed, kind=kind, hand=by_hand))
        self.fill_assignments(select_assignment)
        self.show_waiting(d.waiting)
        self.fill_slips(item["id"])
        self.targets_tab.show_item(item["id"], list(dict.fromkeys(a["unit_name"] for a in d.assignments)),
                                   self.read_only, getattr(self.window(), "today", None))
        self.fill_history()
        self.fill_evidence()
        self.set_read_only(self.read_only)

    def show_waiting(self, waiting: list[dict]) -> None:
        names = "、".join(f"{w['name']}（{ROLE_LABELS[Role(w['role'])]}）" for w in waiting)
        self.waiting_label.setText(self.tr("等待名册：{names}。导入单位名册（或添加简称）后自动对应到"
                                           "名册中的单位。").format(names=names) if waiting else "")
        self.waiting_label.setVisible(bool(waiting))

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.targets_tab.read_only = read_only
        self.targets_tab.follow_selection()
        for widget in (self.due_button, self.extend_button, self.attach_button, self.remove_button):
            widget.setEnabled(not read_only and self.detail is not None)
        self.evidence.setAcceptDrops(not read_only)
        for row in range(self.assignments.rowCount()):
            for col in (A_STATUS, A_PROGRESS, A_NOTE):
                widget = self.assignments.cellWidget(row, col)
                if widget is not None:
                    widget.setEnabled(not read_only)

    def fill_assignments(self, select_assignment: int | None) -> None:
        self._filling = True
        rows = self.detail.assignments
        self.assignments.setRowCount(len(rows))
        for r, a in enumerate(rows):
            for col, text in ((A_UNIT, a["unit_name"]), (A_ROLE, ROLE_LABELS[Role(a["role"])]),
                              (A_DUE, due_cell_text(a))):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemIsSelectable | Qt.ItemIsEnabled)
                cell.setData(Qt.UserRole, a["id"])
                self.assignments.setItem(r, col, cell)
            status = QComboBox()
            for s in Status:
                status.addItem(s.value, s.value)
            status.setCurrentIndex(status.findData(a["status"]))
            progress = QSpinBox(minimum=0, maximum=100, suffix="%")
            progress.setValue(a["progress"] or 0)
            note = NoteEdit(a["note"])  # opens into a note-sized editor while typing
            note.setPlaceholderText(self.tr("点击填写进展情况，回车保存"))
            status.activated.connect(lambda _i, row=r: self.commit_row(row))
            progress.editingFinished.connect(lambda row=r: self.commit_row(row))
            note.editingFinished.connect(lambda row=r: self.commit_row(row))
            self.assignments.setCellWidget(r, A_STATUS, status)
            self.assignments.setCellWidget(r, A_PROGRESS, progress)
            self.assignments.setCellWidget(r, A_NOTE, note)
            if a["id"] == select_assignment:
                self.assignments.selectRow(r)
        if rows and not self.assignments.selectedItems():
            self.assignments.selectRow(0)
        header = self.assignments.horizontalHeader()
        for column in (A_UNIT, A_ROLE, A_DUE):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.assignments.setColumnWidth(A_STATUS, 84)
        self.assignments.setColumnWidth(A_PROGRESS, 64)
        header.setSectionResizeMode(A_NOTE, QHeaderView.Stretch)
        self.assignments.setMinimumWidth(380)
        # The cell widgets were placed before the columns took their widths; lay them out
        # again, or the first row's note editor stays where the note column first was.
        self.assignments.doItemsLayout()
        self._filling = False

    def fill_history(self) -> None:
        rows = self.detail.history
        extensions = self.detail.extensions
        self.history.setRowCount(len(rows) + len(extensions) + len(self.slips))
        lines = [(h["at"], h["unit_name"], h["status"], f"{h['progress']}%" if h["progress"] is not None
                  else "", h["note"], SOURCE_LABELS.get(h["source"], h["source"])) for h in rows]
        lines += [(x["granted_at"], x["unit_name"], self.tr("延期"), "",
                   extension_text(x), self.tr("手工"))
                  for x in extensions]
        lines += [(s.issued_at, s.unit_name, self.tr("督办"), "", self.slip_line(s), self.tr("督办单"))
                  for s in self.slips]
        lines.sort(key=lambda line: line[0], reverse=True)
        for r, line in enumerate(lines):
            for c, text in enumerate(line):
                self.history.setItem(r, c, QTableWidgetItem(str(text)))
        self.history.resizeColumnsToContents()
        self.history.horizontalHeader().setSectionResizeMode(4, QHeaderView.Stretch)

    def slip_line(self, slip) -> str:
        """「督办单 督办〔2025〕12号 于 2025-06-30 签发」, with its answer and whether it is closed."""
        line = self.tr("督办单 {number} 于 {day} 签发（{kind}）").format(
            number=slip.label, day=slip.issued_at[:10], kind=slip.kind)
        if slip.answer:
            line += self.tr("；办理情况：{text}").format(text=slip.answer)
        if slip.closed_at:
            line += self.tr("；{day} 办结").format(day=slip.closed_at[:10])
        return line

    def fill_slips(self, item_id: int) -> None:
        from planner_desktop.ops.slips import slips_of_item

        self.slips = slips_of_item(self.ledger, item_id)
        self.slip_list.clear()
        for slip in self.slips:
            entry = QListWidgetItem(f"{slip.unit_name}：{self.slip_line(slip)}")
            entry.setData(Qt.UserRole, slip.id)
            self.slip_list.addItem(entry)
        if self.slips:
            self.slip_list.setCurrentRow(len(self.slips) - 1)
        self.answer_button.setEnabled(bool(self.slips) and not getattr(self, "read_only", False))

    def answer_selected_slip(self) -> None:
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        row = self.slip_list.currentRow()
        if not 0 <= row < len(self.slips):
            return
        slip = self.slips[row]
        text, ok = QInputDialog.getMultiLineText(self, self.tr("登记办理情况"), self.tr("{number} 办理情况：")
                                                 .format(number=slip.label), slip.answer)
        if not ok:
            return
        close = QMessageBox.question(self, self.tr("登记办理情况"), self.tr("是否同时办结该督办单？"),
                                     QMessageBox.Yes | QMessageBox.No) == QMessageBox.Yes
        self.run_command(cmd.AnswerSlip(self.ledger, slip.id, text, close))

    def fill_evidence(self) -> None:
        self.evidence.clear()
        for e in self.detail.evidence:
            entry = QListWidgetItem(f"{e['file_name']}　（{e['unit_name']}，{e['added_at'][:10]}）")
            entry.setData(Qt.UserRole, e["stored_path"])
            self.evidence.addItem(entry)

    # -- editing ------------------------------------------------------------------------------
    def assignment_at(self, row: int) -> dict | None:
        if self.detail is None or not 0 <= row < len(self.detail.assignments):
            return None
        return self.detail.assignments[row]

    def selected_assignment(self) -> dict | None:
        rows = self.assignments.selectionModel().selectedRows()
        return self.assignment_at(rows[0].row()) if rows else self.assignment_at(0)

    def commit_row(self, row: int) -> None:
        """Write one assignment's status/progress/note if the clerk changed any of them."""
        a = self.assignment_at(row)
        if self._filling or a is None or self.read_only:
            return
        status = Status(self.assignments.cellWidget(row, A_STATUS).currentData())
        progress = self.assignments.cellWidget(row, A_PROGRESS).value()
        note = self.assignments.cellWidget(row, A_NOTE).text().strip()
        if status is Status.DONE:
            progress = 100
        if (status.value, progress, note) == (a["status"], a["progress"] or 0, a["note"]):
            return
        self.run_command(cmd.SetAssignment(self.ledger, a["id"], status, progress, note,
                                           a["unit_name"]))

    def edit_due(self) -> None:
        if self.detail is None:
            return
        current = self.detail.item["due"]
        dialog = DateDialog(self.tr("修改到期日"), dt.date.fromisoformat(current) if current else None,
                            False, self)
        if dialog.exec() == QDialog.Accepted:
            self.run_command(cmd.SetItemDue(self.ledger, self.detail.item["id"], dialog.chosen_date()))

    def extend(self) -> None:
        a = self.selected_assignment()
        if a is None:
            return
        current = a["effective_due"]
        dialog = DateDialog(self.tr("延期：{unit}").format(unit=a["unit_name"]),
                            dt.date.fromisoformat(current) if current else None, True, self)
        if dialog.exec() == QDialog.Accepted:
            self.run_command(cmd.GrantExtension(
                self.ledger, a["id"], dialog.chosen_date(), dialog.reason.text().strip(),
                approver=dialog.approver.text().strip(), approved_on=dialog.approved_on(),
                requested_on=dialog.requested_on()))

    def remove_selected_assignment(self) -> None:
        a = self.selected_assignment()
        if a is not None:
            self.run_command(cmd.RemoveAssignment(self.ledger, a["id"]))

    def choose_evidence(self) -> None:
        self.attach_files(open_files(self, self.tr("选择佐证材料"), "evidence"))

    def attach_files(self, paths: list[Path]) -> None:
        a = self.selected_assignment()
        if a is None or self.read_only or not paths:
            return
        commands = [cmd.AddEvidence(self.ledger, a["id"], p) for p in paths]
        self.run_command(commands[0] if len(commands) == 1 else
                         cmd.MacroCommand(self.ledger, self.tr("添加佐证材料"), commands))

    def open_evidence(self, entry: QListWidgetItem) -> None:
        path = evidence_path(self.ledger, entry.data(Qt.UserRole))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
