"""The navigation pane: saved views, plans with their outline, units by kind, stage and town.

Choosing an entry narrows the ledger table; the pane only says what was chosen (a
:class:`NavChoice`), the window turns it into a filter. The pane follows the application's
``changed`` signal: it is rebuilt when plans, their outline, the units or the due-soon
setting (in the 临期 label) changed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from planner_desktop.domain.ledger_table import SavedView
from planner_desktop.domain.outline_codes import numbered_title
from planner_desktop.gui.events import ledger_events
from planner_desktop.ops.changes import Changes
from planner_desktop.ops.ledger import Ledger, due_soon_days
from planner_desktop.ops.plans import list_plans, top_items
from planner_desktop.ops.units import list_units

SHOWN_KINDS = ("plans", "items", "units", "settings")  # what the tree shows


@dataclass(frozen=True)
class NavChoice:
    """What the clerk picked: a saved view, a plan, an outline branch or a set of units."""

    kind: str  # "view" | "plan" | "branch" | "units"
    view: SavedView = SavedView.ALL
    plan_id: int | None = None
    item_id: int | None = None
    unit_names: tuple[str, ...] = ()
    label: str = ""


class NavigationPane(QTreeWidget):
    chosen = Signal(object)  # NavChoice

    def __init__(self, ledger: Ledger, parent=None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.due_soon_days = 3
        self.setHeaderHidden(True)
        self.setMinimumWidth(180)
        self.currentItemChanged.connect(self._on_current)
        self.reload()
        ledger_events().changed.connect(self.on_ledger_changed)

    def on_ledger_changed(self, changes: Changes, _initiator: object) -> None:
        if not self.ledger.closed and changes.any_of(*SHOWN_KINDS):
            self.reload()

    def view_label(self, view: SavedView) -> str:
        if view is SavedView.DUE_SOON:
            return self.tr("临期（{n}个工作日内）").format(n=self.due_soon_days)
        return self.tr(view.value)

    def reload(self) -> None:
        """Rebuild from the ledger, keeping the clerk's current choice when it still exists."""
        previous = self.current_choice()
        self.due_soon_days = due_soon_days(self.ledger)
        self.blockSignals(True)
        self.clear()
        views = QTreeWidgetItem(self, [self.tr("视图")])
        for view in SavedView:
            self._leaf(views, self.view_label(view), NavChoice("view", view=view,
                                                              label=self.view_label(view)))
        plans = QTreeWidgetItem(self, [self.tr("计划")])
        for plan in list_plans(self.ledger):
            title = f"{plan['title']}"
            node = self._leaf(plans, title, NavChoice("plan", plan_id=plan["id"], label=title))
            for item in top_items(self.ledger, plan["id"]):
                text = numbered_title(item["number"], item["title"])
                self._leaf(node, text, NavChoice("branch", plan_id=plan["id"], item_id=item["id"],
                                                 label=text))
        units = QTreeWidgetItem(self, [self.tr("单位")])
        all_units = list_units(self.ledger)
        sections = [u["name"] for u in all_units if u["kind"] == "股室"]
        schools = [u for u in all_units if u["kind"] == "学校"]
        section_node = self._leaf(units, self.tr("股室"), NavChoice("units", unit_names=tuple(sections),
                                                                   label=self.tr("股室")))
        for name in sections:
            self._leaf(section_node, name, NavChoice("units", unit_names=(name,), label=name))
        school_node = self._leaf(units, self.tr("学校"), NavChoice(
            "units", unit_names=tuple(u["name"] for u in schools), label=self.tr("学校")))
        for title, key in ((self.tr("按学段"), "stage"), (self.tr("按乡镇"), "town")):
            grouped: dict[str, list[str]] = defaultdict(list)
            for u in schools:
                grouped[u[key] or self.tr("未填写")].append(u["name"])
            by_node = QTreeWidgetItem(school_node, [title])
            for group, names in grouped.items():
                group_node = self._leaf(by_node, f"{group}（{len(names)}）",
                                        NavChoice("units", unit_names=tuple(names), label=group))
                for name in names:
                    self._leaf(group_node, name, NavChoice("units", unit_names=(name,), label=name))
        views.setExpanded(True)
        plans.setExpanded(True)
        units.setExpanded(True)
        # The choice made before is taken again quietly: the window's filter still holds it.
        # Only when it is gone (its plan was undone) does the window hear of the fallback.
        if previous is None or not self.select(previous):
            self.blockSignals(False)
            self.select(NavChoice("view", view=SavedView.ALL, label=self.tr("全部")))
        self.blockSignals(False)

    def _leaf(self, parent: QTreeWidgetItem, text: str, choice: NavChoice) -> QTreeWidgetItem:
        node = QTreeWidgetItem(parent, [text])
        node.setData(0, Qt.UserRole, choice)
        node.setToolTip(0, text)
        return node

    def current_choice(self) -> NavChoice | None:
        item = self.currentItem()
        return item.data(0, Qt.UserRole) if item is not None else None

    def select(self, choice: NavChoice) -> bool:
        """Make ``choice`` current (emitting ``chosen``); False when it no longer exists."""
        for node in self._all_nodes():
            data = node.data(0, Qt.UserRole)
            if data is not None and data == choice:
                self.setCurrentItem(node)
                return True
        return False

    def select_view(self, view: SavedView) -> None:
        self.select(NavChoice("view", view=view, label=self.view_label(view)))

    def _all_nodes(self):
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            node = stack.pop(0)
            yield node
            stack.extend(node.child(i) for i in range(node.childCount()))

    def _on_current(self, current: QTreeWidgetItem | None, _previous) -> None:
        if current is None:
            return
        choice = current.data(0, Qt.UserRole)
        if choice is not None:
            self.chosen.emit(choice)
