"""The ledger table: a plain table model over :class:`LedgerRow`, filtered and sorted in Python.

``QSortFilterProxyModel`` takes seconds at 100,000 rows (PLATFORM_NOTES.md); the rows, the
filters and the sort keys live in ``domain/ledger_table.py`` and this model only shows the
current result. Colour is never the only signal: the light column says 红/黄/绿/蓝 in words
and with a symbol, so a greyscale printout or a colour-blind clerk reads the same.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from planner_desktop.domain.ledger_table import Granularity, LedgerRow, sort_key
from planner_desktop.domain.outline_codes import numbered_title
from planner_desktop.domain.status import Alert, Light
from planner_desktop.i18n import tr

Index = QModelIndex | QPersistentModelIndex

HEADERS = {
    "code": "编号", "title": "要点 / 任务", "lead": "牵头单位", "support": "配合单位",
    "schools": "学校", "unit": "单位", "role": "分工", "deadline": "完成时限", "due": "到期日",
    "remaining": "剩余工作日", "status": "状态", "progress": "进度", "note": "最近进展",
    "light": "督办灯", "last_update": "最近更新",
}
# The columns in order of importance: what a clerk reads a row by (its number and title, who
# leads it, its status, light and due date) first, so that a 1366-pixel screen shows it beside
# both panes; the rest after, reached by scrolling sideways while 编号 and 要点 stay.
COLUMNS = {
    Granularity.ITEMS: ("code", "title", "lead", "status", "light", "due", "progress", "remaining",
                        "support", "schools", "deadline", "last_update"),
    Granularity.ASSIGNMENTS: ("code", "title", "unit", "role", "status", "light", "due", "progress",
                              "note", "remaining", "deadline", "last_update"),
}
FROZEN_COLUMNS = 2  # 编号 and 要点 stay when the table scrolls sideways
# The columns that must be seen without scrolling at 1366×768 (the title takes what is left).
FIRST_SEEN = frozenset({"code", "title", "lead", "unit", "role", "status", "light", "due"})
# Each column sized by its content between these widths (pixels); the title takes the room left.
WIDTH_LIMITS = {"code": (44, 120), "title": (200, 560), "lead": (64, 100), "support": (64, 160),
                "schools": (44, 70), "unit": (72, 140), "role": (36, 60), "deadline": (64, 130),
                "due": (64, 96), "remaining": (56, 96), "status": (56, 110), "progress": (40, 60),
                "note": (120, 280), "light": (64, 100), "last_update": (64, 96)}
LIGHT_TEXT = {Light.RED: "● 红 逾期", Light.YELLOW: "▲ 黄 临期/滞后", Light.GREEN: "■ 绿 正常",
              Light.BLUE: "✔ 蓝 完成"}
# A row's own light says which of the two a yellow one is (domain.status.alert_of).
ALERT_TEXT = {Alert.OVERDUE: LIGHT_TEXT[Light.RED], Alert.DUE_SOON: "▲ 黄 临期",
              Alert.BEHIND: "▲ 黄 滞后", Alert.ON_TRACK: LIGHT_TEXT[Light.GREEN],
              Alert.DONE: LIGHT_TEXT[Light.BLUE]}
LIGHT_COLOUR = {Light.RED: "#f6d5d2", Light.YELLOW: "#fcefc0", Light.GREEN: "#dcefdc",
                Light.BLUE: "#d9e6f6"}
LIGHT_TEXT_COLOUR = {Light.RED: "#a4262c", Light.YELLOW: "#8a5a00", Light.GREEN: "#1e6b2a",
                     Light.BLUE: "#1c4f8c"}


# Roles as plain ints: comparing PySide6's enum objects costs microseconds, and data() runs
# thousands of times per repaint.
DISPLAY, TOOLTIP, BACKGROUND, FOREGROUND, ALIGNMENT = (
    int(r.value) for r in (Qt.DisplayRole, Qt.ToolTipRole, Qt.BackgroundRole, Qt.ForegroundRole,
                           Qt.TextAlignmentRole))
HANDLED_ROLES = frozenset({DISPLAY, TOOLTIP, BACKGROUND, FOREGROUND, ALIGNMENT})
RIGHT_ALIGNED = int((Qt.AlignRight | Qt.AlignVCenter).value)


def remaining_text(row: LedgerRow) -> str:
    days = row.remaining_workdays
    if days is None or row.schedule.value == "已结束":
        return ""
    return tr("逾期 {n} 天").format(n=-days) if days < 0 else tr("{n} 天").format(n=days)


def display_value(row: LedgerRow, key: str) -> str:
    if key == "code":
        return row.code
    if key == "title":
        return ("　" * (row.level - 1)) + row.title
    if key in ("lead", "support"):
        return "、".join(getattr(row, key))
    if key == "schools":
        return tr("{n} 所").format(n=len(row.schools)) if row.schools else ""
    if key == "unit":
        return row.unit_name
    if key == "role":
        return row.role_label
    if key == "deadline":
        return row.deadline_text
    if key == "due":
        return row.due.isoformat() if row.due else ""
    if key == "remaining":
        return remaining_text(row)
    if key == "status":  # 推进中 12/30: done of all (status_summary in full is the tooltip)
        if row.assignment_id is None and row.assignment_count > 1:
            return f"{row.status.value} {row.done_count}/{row.assignment_count}"
        return row.status.value
    if key == "progress":
        return f"{row.progress}%"
    if key == "note":
        return row.note.replace("\n", " ")
    if key == "light":
        return ALERT_TEXT[row.alert]
    if key == "last_update":
        return (row.last_update or "")[:10]
    raise KeyError(key)


class LedgerTableModel(QAbstractTableModel):
    """Shows the rows it is given; sorting reorders them in place (no proxy)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.granularity = Granularity.ITEMS
        self._rows: list[LedgerRow] = []
        self._sort: tuple[str, Qt.SortOrder] | None = None
        # data() runs thousands of times per repaint: texts are made once per shown row.
        self._texts: dict[int, tuple[str, ...]] = {}
        self._backgrounds = {light: QBrush(QColor(c)) for light, c in LIGHT_COLOUR.items()}
        self._foregrounds = {light: QBrush(QColor(c)) for light, c in LIGHT_TEXT_COLOUR.items()}

    @property
    def columns(self) -> tuple[str, ...]:
        return COLUMNS[self.granularity]

    def set_rows(self, rows: list[LedgerRow], granularity: Granularity | None = None) -> None:
        self.beginResetModel()
        if granularity is not None and granularity is not self.granularity:
            self.granularity = granularity
            self._sort = None
        self._rows = list(rows)
        self._texts.clear()
        if self._sort:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def row_at(self, row: int) -> LedgerRow:
        return self._rows[row]

    def rows(self) -> list[LedgerRow]:
        return self._rows

    def column_of(self, key: str) -> int:
        return self.columns.index(key)

    # -- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.columns):
            return tr(HEADERS[self.columns[section]])
        return None

    def data(self, index: Index, role: int = DISPLAY):
        role = role if type(role) is int else int(role.value)
        if role not in HANDLED_ROLES or not index.isValid():
            return None
        number = index.row()
        row = self._rows[number]
        if role == DISPLAY:
            texts = self._texts.get(number)
            if texts is None:
                texts = self._texts[number] = tuple(display_value(row, k) for k in self.columns)
            return texts[index.column()]
        key = COLUMNS[self.granularity][index.column()]
        if role == BACKGROUND:
            return self._backgrounds[row.light] if key in ("light", "remaining") else None
        if role == FOREGROUND:
            return self._foregrounds[row.light] if key in ("light", "remaining") else None
        if role == ALIGNMENT:
            return RIGHT_ALIGNED if key in ("progress", "remaining", "due", "schools") else None
        return self.tooltip(row, key)

    @staticmethod
    def tooltip(row: LedgerRow, key: str) -> str | None:
        if key == "schools" and row.schools:
            return "、".join(row.schools)
        if key == "code":
            return "\n".join([*row.above, numbered_title(row.code, row.title)])
        if key == "title":
            path = "\n".join([*row.above, numbered_title(row.code, row.title)])
            return path + "\n\n" + row.text if row.text and row.text != row.title else path
        if key == "status":
            return row.status_summary()
        if key == "note":
            return row.note or None
        if key == "deadline" and row.due:
            return tr("到期日：{due}").format(due=row.due.isoformat())
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.beginResetModel()
        self._texts.clear()
        self._sort = (self.columns[column], order)
        self._sort_rows(*self._sort)
        self.endResetModel()

    def _sort_rows(self, key: str, order: Qt.SortOrder) -> None:
        self._rows.sort(key=sort_key(key), reverse=order == Qt.DescendingOrder)
