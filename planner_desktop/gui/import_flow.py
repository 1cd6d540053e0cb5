"""The flow the three import dialogs share (导入任务表, 导入工作要点, 导入回收表).

Each one reads a file off the GUI thread into a preview, shows it, lets the clerk correct it,
and writes it as undoable import batches; what is read, shown and written differs, the rest
must not, or the dialogs drift apart (one had no working 取消 during its commit because it
ran on its own copy of this flow). :class:`ImportDialog` holds the rules once:

- reading and committing both run through the one runner (``gui/operation.py``) on the
  worker's own connection; while either runs, 导入 is disabled;
- a problem the clerk can fix is shown in the summary line (and in a box, when the dialog
  names one), a bug goes to the crash handler;
- the commit can be cancelled from its progress dialog: nothing was written, and the
  dialog is ready to commit again;
- a commit that succeeded is kept in :attr:`ImportDialog.created` (the runner has announced
  what it changed), emitted as :attr:`ImportDialog.imported`, and the dialog closes.

A dialog builds its form and calls :meth:`ImportDialog.setup_flow`, and says how to read
(``run_preview`` calling :meth:`ImportDialog.read`), how to show (``show_preview``), when the
preview can be committed (``can_commit``) and what to write (``commit_work``).
:class:`PlanFileDialog` adds what the two dialogs that make a plan from one file share: the
file, title and year lines, and the page of unit names not in the roster.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from planner_desktop.gui.events import ledger_events
from planner_desktop.gui.file_folders import open_file
from planner_desktop.gui.operation import Operation, Work, run_operation
from planner_desktop.ops.ledger import Ledger
from planner_desktop.ops.plan_results import PlanJoined
from planner_desktop.ops.plan_target import PlanTargets
from planner_desktop.ops.progress import Cancelled
from planner_desktop.ops.units import list_units

Node = TypeVar("Node")


def read_only_cell(text: object, tip: str = "") -> QTableWidgetItem:
    """A cell of a preview table: shown, not edited (edits there would go nowhere)."""
    cell = QTableWidgetItem("" if text is None else str(text))
    cell.setFlags(cell.flags() & ~Qt.ItemIsEditable)
    if tip:
        cell.setToolTip(tip)
    return cell


def fill_tree(tree: QTreeWidget, roots: Iterable[Node],
              make_item: Callable[[Node], QTreeWidgetItem]) -> list[tuple[Node, QTreeWidgetItem]]:
    """Show an outline (nodes with ``children``) in ``tree``, replacing what it showed; the
    nodes with their rows, in the outline's order, for a caller that looks one up."""
    tree.clear()
    shown: list[tuple[Node, QTreeWidgetItem]] = []

    def add(parent: QTreeWidgetItem | None, node: Node) -> None:
        item = make_item(node)
        if parent is None:
            tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        shown.append((node, item))
        for child in node.children:
            add(item, child)

    for root in roots:
        add(None, root)
    return shown


class ImportDialog(QDialog):
    """The common flow; see the module's docstring for what a dialog adds."""

    imported = Signal(object)  # what the import made: a plan's id, or {file: batch id}
    WARNINGS_TAB: int | None = None  # the tab listing the warnings, if the dialog has one

    def __init__(self, ledger: Ledger, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.preview: Any = None
        self.job: Operation | None = None
        self.created: Any = None
        self.build()

    def build(self) -> None:
        """Set up the form; end with :meth:`setup_flow`."""
        raise NotImplementedError

    def setup_flow(self, *, ok_text: str, reading: str, writing: str,
                   error_title: str | None = None) -> None:
        """What differs in the flow's own words: the 导入 button's text, the progress labels
        while reading and writing, and the title of the box a problem is shown in (none: the
        summary line alone)."""
        self.reading_label, self.writing_label, self.error_title = reading, writing, error_title
        self.ok_button.setText(ok_text)
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.commit)
        self.buttons.rejected.connect(self.reject)
        self.ok_button.setEnabled(False)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.Ok)

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def run(self, work: Work, label: str, succeeded: Callable[[Any], None], *,
            writes: bool = False, failed: Callable[[BaseException], None] | None = None,
            cancellable: bool = True, initiator: object = None) -> Operation:
        """Through the one runner, its problems shown where this dialog shows them; kept in
        :attr:`job` so that the dialog (and a test) can tell whether work is under way."""
        self.job = run_operation(self, self.ledger.path, work, label=label, writes=writes,
                                 error_label=self.summary, error_title=self.error_title,
                                 succeeded=succeeded, failed=failed, cancellable=cancellable,
                                 initiator=initiator)
        return self.job

    # -- reading ----------------------------------------------------------------------------
    def read(self, work: Work, *, cancellable: bool = True) -> None:
        """Read (or read again) in the background; the preview is shown when it is ready.
        A reading that calls no progress callback cannot stop early: it offers no 取消."""
        self.set_ready(False)
        # Only the latest reading is shown: a file chosen while the one before was still being
        # read must not get that file's preview (and its title) when it arrives late.
        self._readings = reading = getattr(self, "_readings", 0) + 1
        self.run(work, self.reading_label,
                 lambda preview: self.previewed(preview) if reading == self._readings else None,
                 cancellable=cancellable)

    def previewed(self, preview: Any) -> None:
        self.preview = preview
        self.show_preview(preview)
        self.refresh_ready()

    def show_preview(self, preview: Any) -> None:
        raise NotImplementedError

    def show_warnings(self, rows: Sequence[Sequence[object]]) -> None:
        """One row per warning: where it is, then what it says (also its tip: often long)."""
        table = self.warnings_table
        table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            last = len(values) - 1
            for column, value in enumerate(values):
                table.setItem(row, column, read_only_cell(value, str(value) if column == last else ""))
        self.tabs.setTabText(self.WARNINGS_TAB, self.tr("提示（{n}）").format(n=len(rows)))

    # -- committing -------------------------------------------------------------------------
    def can_commit(self) -> bool:
        """Whether the preview shown may be written (it is there, and not imported before)."""
        return self.preview is not None

    def set_ready(self, ready: bool) -> None:
        """Offer 导入 (a dialog may enable its editing controls with it)."""
        self.ok_button.setEnabled(ready)

    def refresh_ready(self) -> None:
        self.set_ready(not self.busy and self.can_commit())

    def commit_work(self, preview: Any) -> Work:
        """The write of ``preview`` with the clerk's corrections, as an operation's work."""
        raise NotImplementedError

    def commit(self) -> None:
        if self.busy or not self.can_commit():
            return
        work = self.commit_work(self.preview)
        self.set_ready(False)
        self.run(work, self.writing_label, self.committed, writes=True, failed=self.commit_failed,
                 initiator=self.commit_initiator())

    def commit_initiator(self) -> object:
        """Who the commit's change is announced as: None (the window's undo stack is then
        cleared), or the undo command a dialog pushes when it has committed."""
        return None

    def commit_failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):  # nothing was written: the clerk may go on or retry
            self.refresh_ready()

    def committed(self, created: Any) -> None:
        self.created = created
        ledger_events().tell(self.done_message(created))
        self.imported.emit(self.made(created))
        self.accept()

    def done_message(self, created: Any) -> str:
        """What the import added, in a sentence for the window's status bar ("" for none)."""
        return ""

    def made(self, created: Any) -> Any:
        """What :attr:`imported` carries for the import's result."""
        return created


class PlanFileDialog(ImportDialog):
    """An import that makes (or revises, or joins) one plan from one file: the file line with
    its 选择文件… button, the plan's title and year, 导入到 (a new plan or one in the ledger),
    and the unknown units' page."""

    UNITS_TAB = 0  # the tab of the unknown units
    CHOOSE_CAPTION = ""  # the file dialog's caption and filter
    FILE_FILTER = ""

    def __init__(self, ledger: Ledger, parent: QWidget | None = None) -> None:
        super().__init__(ledger, parent)
        self.path: Path | None = None
        self.roster_units: list[str] = []

    def choose_file(self) -> None:
        # Each dialog's files in their own remembered folder (its caption names the kind).
        path = open_file(self, self.tr(self.CHOOSE_CAPTION), self.CHOOSE_CAPTION, self.FILE_FILTER)
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        self.path = Path(path)
        self.read_new_source(str(self.path))

    def read_new_source(self, shown: str) -> None:
        """A new file (or text), named in the file line; its title is read from it, not kept."""
        self.file_label.setText(shown)
        self.title_edit.clear()
        self.run_preview(year=None)

    def run_preview(self, year: int | None) -> None:
        raise NotImplementedError

    def previewed(self, preview: Any) -> None:
        # The roster as it is now: a unit may have been added since the last reading.
        self.roster_units = [unit["name"] for unit in list_units(self.ledger)]
        super().previewed(preview)

    def show_plan_header(self, title: str, year: int) -> None:
        """The title read, unless the clerk typed one; the year read (no new reading)."""
        if not self.title_edit.text():
            self.title_edit.setText(title)
        with QSignalBlocker(self.year_spin):
            self.year_spin.setValue(year)

    def setup_targets(self) -> None:
        """导入到: choosing a plan lines the file up with it again (``retarget``)."""
        self.target_combo.currentIndexChanged.connect(
            lambda _index: self.preview is not None and self.retarget(self.chosen_plan_id()))

    def fill_targets(self, targets: PlanTargets, chosen: int | None) -> None:
        """新建计划 and every plan in the ledger (those that match the file marked), with
        ``chosen`` selected; no new lining up."""
        combo = self.target_combo
        with QSignalBlocker(combo):
            combo.clear()
            combo.addItem(self.tr("新建计划"), 0)
            for plan in targets.plans:
                label = self.tr("{title}（{n} 项）").format(title=plan.title, n=plan.items)
                if str(plan.year) not in plan.title:
                    label = self.tr("{year}年 ").format(year=plan.year) + label
                if plan.id in targets.matching:
                    label += self.tr(" · 与本文件相符")
                combo.addItem(label, plan.id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)

    def chosen_plan_id(self) -> int | None:
        return self.target_combo.currentData() or None

    def retarget(self, plan_id: int | None) -> None:
        raise NotImplementedError

    def show_unknown_units(self, names: list[str], groups: list[str] = (),
                           waiting: frozenset[str] = frozenset()) -> None:
        """The names the roster does not know, and the group words it has no members for."""
        self.units_table.fill(names, self.roster_units, list(groups), waiting)
        text = self.tr("未识别的单位（{n}）").format(n=len(names))
        if groups:
            text += self.tr("、单位组（{n}）").format(n=len(groups))
        self.tabs.setTabText(self.UNITS_TAB, text)

    def made(self, created: Any) -> int:
        return created.plan_id

    def done_message(self, created: Any) -> str:
        """A plan made (its items and assignments) or a plan revised (what changed in it)."""
        name = self.path.name if self.path is not None else self.tr("粘贴的文本")
        counts = getattr(created, "counts", None)
        if isinstance(created, PlanJoined):  # the file's items joined a plan in the ledger
            return self.tr("已导入 {file}：并入已有计划，对上 {matched} 项，新增要点 {added} 项，"
                           "新增分工 {assignments} 项。").format(
                file=name, matched=counts.get("matched", 0), added=created.items,
                assignments=created.assignments)
        if isinstance(counts, dict):  # a revision of a plan already in the ledger
            return self.tr("已导入 {file}：更新计划，新增 {added} 项、修改 {changed} 项、删除 {removed} 项，"
                           "新增分工 {assignments} 项。").format(
                file=name, added=counts.get("added", 0), changed=counts.get("changed", 0),
                removed=counts.get("removed", 0), assignments=counts.get("assignments_added", 0))
        return self.tr("已导入 {file}：{items} 项要点（其中具体任务 {leaves} 项），分工 {assignments} 项。"
                       ).format(file=name, items=getattr(created, "items", 0),
                                leaves=getattr(created, "leaf_items", 0),
                                assignments=getattr(created, "assignments", 0))
