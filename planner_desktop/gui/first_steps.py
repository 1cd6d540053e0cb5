"""What to do first, shown in place of the ledger's table while the ledger has no plan.

The order matters: with the roster in first, the plan and the task list find their units
(安全股 is 安全稳定股, 各中小学 is the county's schools) and nothing is made twice. So the three
imports are offered in that order, each with its button, the roster's marked once done.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

STEPS = (
    ("roster", "导入单位名册…",
     "股室和学校的名单、简称（如“安全股”即“安全稳定股”）和所属学段、乡镇。先导入名册，"
     "工作要点和任务表中的单位名称、“各中小学”这样的单位组就能对应到名册中的单位，不会重复建单位。"),
    ("plan", "导入工作要点…",
     "年度工作要点（.docx、.pdf、.doc、.txt 等），按文中的编号（一、（一）1.）分成要点。"),
    ("tasks", "导入任务表…",
     "随工作要点下发的任务分解表（Excel），把牵头、配合单位和完成时限填到要点上。"),
)


class FirstSteps(QFrame):
    """The three first imports, in order, with their buttons (``actions``: step → slot)."""

    def __init__(self, actions: dict[str, Callable[[], object]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_steps")
        self.setStyleSheet("#first_steps { background: palette(base); }")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        heading = QLabel(self.tr("账本还是空的。请按下面的顺序开始："))
        heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        outer.addWidget(heading)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(14)
        self.buttons: dict[str, QPushButton] = {}
        self.notes: dict[str, QLabel] = {}
        for row, (key, label, text) in enumerate(STEPS):
            number = QLabel(f"{row + 1}")
            number.setStyleSheet("font-size: 18pt; font-weight: bold; color: #2a6db0;")
            number.setAlignment(Qt.AlignTop | Qt.AlignHCenter)
            button = QPushButton(self.tr(label))
            button.setMinimumWidth(150)
            button.clicked.connect(lambda _checked=False, slot=actions[key]: slot())
            note = QLabel(self.tr(text))
            note.setWordWrap(True)
            grid.addWidget(number, row, 0)
            grid.addWidget(button, row, 1, Qt.AlignTop)
            grid.addWidget(note, row, 2)
            self.buttons[key], self.notes[key] = button, note
        grid.setColumnStretch(2, 1)
        outer.addLayout(grid)
        self.roster_done = QLabel()
        self.roster_done.setStyleSheet("color: #2e7d32;")
        outer.addWidget(self.roster_done)
        tail = QLabel(self.tr("也可以把文件直接拖到窗口中。导入后可在“导入记录”中撤销。"))
        tail.setStyleSheet("color: #666;")
        outer.addWidget(tail)
        outer.addStretch(1)

    def show_units(self, units: int) -> None:
        """The roster's step done once the ledger has units: the next step is the plan."""
        done = self.tr("✓ 单位名册已导入（{n} 个单位），下一步：导入工作要点。")
        self.roster_done.setText(done.format(n=units) if units else "")
        self.roster_done.setVisible(bool(units))
