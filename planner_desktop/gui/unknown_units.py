"""The table of unit names an import found outside the roster, with the clerk's choice for each.

Both imports (task lists and plan documents) show it: a name the roster does not know is
created as a new 股室 or 学校, or mapped to a roster unit, which is then remembered as an
alias so that the next list naming it the same way is understood.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from planner_desktop.domain.model import guess_unit_kind
from planner_desktop.domain.units import UnitChoice

CREATE_SECTION = "__create_section__"
CREATE_SCHOOL = "__create_school__"


class UnknownUnitsTable(QTableWidget):
    """One row per unknown name: the name, and a choice (new section, new school, or a roster
    unit). Filling it again keeps the choices already made for names still listed, since a
    preview is refilled whenever the clerk edits it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.set_name_header(self.tr("单位名称"))
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.verticalHeader().setVisible(False)

    def set_name_header(self, text: str) -> None:
        """What the names are: 表中的单位名称 (a task list), 文中的单位名称 (a plan document)."""
        self.setHorizontalHeaderLabels([text, self.tr("处理方式")])

    def fill(self, names: list[str], roster_units: list[str]) -> None:
        """Show ``names`` with, for each, the choice made before or a guess from the name."""
        previous = {name: combo.currentData() for name, combo in self._rows()}
        self.setRowCount(len(names))
        for row, name in enumerate(names):
            item = QTableWidgetItem(name)
            item.setToolTip(name)
            self.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem(self.tr("新建为股室"), CREATE_SECTION)
            combo.addItem(self.tr("新建为学校"), CREATE_SCHOOL)
            for unit in roster_units:
                combo.addItem(self.tr("对应到：{name}").format(name=unit), unit)
            chosen = combo.findData(previous.get(name))
            if chosen < 0:
                chosen = 1 if guess_unit_kind(name) == "学校" else 0
            combo.setCurrentIndex(chosen)
            self.setCellWidget(row, 1, combo)

    def choose(self, name: str, data: str) -> None:
        """Set the choice for ``name`` (a roster unit's name, CREATE_SECTION or CREATE_SCHOOL)."""
        for listed, combo in self._rows():
            index = combo.findData(data) if listed == name else -1
            if index >= 0:
                combo.setCurrentIndex(index)
                return
        raise KeyError((name, data))

    def choices(self) -> dict[str, UnitChoice]:
        chosen: dict[str, UnitChoice] = {}
        for name, combo in self._rows():
            data = combo.currentData()
            if data == CREATE_SECTION:
                chosen[name] = UnitChoice(create_kind="股室")
            elif data == CREATE_SCHOOL:
                chosen[name] = UnitChoice(create_kind="学校")
            else:
                chosen[name] = UnitChoice(alias_of=data)
        return chosen

    def _rows(self) -> list[tuple[str, QComboBox]]:
        return [(self.item(row, 0).text(), self.cellWidget(row, 1))
                for row in range(self.rowCount())]
