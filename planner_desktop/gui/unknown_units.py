"""The table of unit names an import found outside the roster, with the clerk's choice for each.

Both imports (task lists and plan documents) show it: a name the roster does not know is
created as a new 股室 or 学校, or mapped to a roster unit, which is then remembered as an
alias so that the next list naming it the same way is understood, or kept waiting for the
roster (a section named by the name a roster will give as its alias: 安全股). A group word
(各中小学) whose members the roster does not list yet is offered as the group, which waits
for the roster and is never made into a school.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from planner_desktop.domain.model import guess_unit_kind
from planner_desktop.domain.units import UnitChoice

CREATE_SECTION = "__create_section__"
CREATE_SCHOOL = "__create_school__"
PENDING = "__pending__"  # kept as written, resolved when a roster (or an alias) comes


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

    def fill(self, names: list[str], roster_units: list[str], groups: list[str] = (),
             waiting: frozenset[str] = frozenset()) -> None:
        """Show ``names`` (unknown) and ``groups`` (group words without members yet) with,
        for each, the choice made before or else: the group for a group, waiting for the
        roster for a name in ``waiting`` (the keyword table's sections), a guess otherwise."""
        previous = {name: combo.currentData() for name, combo in self._rows()}
        rows = [(name, False) for name in names] + [(name, True) for name in groups]
        self.setRowCount(len(rows))
        for row, (name, is_group) in enumerate(rows):
            item = QTableWidgetItem(name)
            item.setToolTip(name)
            self.setItem(row, 0, item)
            combo = QComboBox()
            if is_group:
                combo.addItem(self.tr("作为单位组：导入名册后自动对应到其中的单位"), PENDING)
            else:
                combo.addItem(self.tr("新建为股室"), CREATE_SECTION)
                combo.addItem(self.tr("新建为学校"), CREATE_SCHOOL)
                combo.addItem(self.tr("暂不新建：导入名册后按简称对应"), PENDING)
            for unit in roster_units:
                combo.addItem(self.tr("对应到：{name}").format(name=unit), unit)
            chosen = combo.findData(previous.get(name))
            if chosen < 0:
                default = PENDING if is_group or name in waiting else (
                    CREATE_SCHOOL if guess_unit_kind(name) == "学校" else CREATE_SECTION)
                chosen = combo.findData(default)
            combo.setCurrentIndex(chosen)
            self.setCellWidget(row, 1, combo)

    def choose(self, name: str, data: str) -> None:
        """Set the choice for ``name`` (a roster unit's name, CREATE_SECTION, CREATE_SCHOOL or
        PENDING)."""
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
            elif data == PENDING:
                chosen[name] = UnitChoice(pending=True)
            else:
                chosen[name] = UnitChoice(alias_of=data)
        return chosen

    def _rows(self) -> list[tuple[str, QComboBox]]:
        return [(self.item(row, 0).text(), self.cellWidget(row, 1))
                for row in range(self.rowCount())]
