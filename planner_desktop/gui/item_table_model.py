"""The ledger table: a plain table model over item views, filtered and sorted in Python.

``QSortFilterProxyModel`` takes seconds at 100,000 rows (PLATFORM_NOTES.md), so the model
keeps a precomputed search text per row and resets itself with the rows that match.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from planner_desktop.domain.ledger import ItemView
from planner_desktop.domain.status import Light

COLUMNS = (
    ("code", "编号"),
    ("title", "要点 / 任务"),
    ("lead", "牵头单位"),
    ("support", "配合单位"),
    ("schools", "学校"),
    ("deadline", "完成时限"),
    ("due", "到期日"),
    ("remaining", "剩余工作日"),
    ("status", "状态"),
    ("progress", "进度"),
    ("light", "督办灯"),
    ("last_update", "最近更新"),
)
LIGHT_TEXT = {Light.RED: "● 红（逾期）", Light.YELLOW: "▲ 黄（临期/滞后）",
              Light.GREEN: "■ 绿（正常）", Light.BLUE: "✔ 蓝（已完成）"}
LIGHT_COLOUR = {Light.RED: "#f8d7d5", Light.YELLOW: "#fff1c2", Light.GREEN: "#dcefdc",
                Light.BLUE: "#dbe8f7"}

Index = QModelIndex | QPersistentModelIndex


def display_value(view: ItemView, key: str) -> str:
    record = view.record
    if key == "code":
        return record.code
    if key == "title":
        return ("    " * (record.level - 1)) + record.title
    if key in ("lead", "support"):
        return "、".join(getattr(view, key))
    if key == "schools":
        return f"{len(view.schools)} 所" if view.schools else ""
    if key == "deadline":
        return record.deadline_text
    if key == "due":
        return record.due.isoformat() if record.due else ""
    if key == "remaining":
        days = view.remaining_workdays
        if days is None or view.schedule.value == "已结束":
            return ""
        return f"逾期 {-days} 天" if days < 0 else f"{days}"
    if key == "status":
        done = f"（{view.done_count}/{view.assignment_count}）" if view.assignment_count > 1 else ""
        return view.status.value + done
    if key == "progress":
        return f"{view.progress}%"
    if key == "light":
        return LIGHT_TEXT[view.light]
    if key == "last_update":
        return (view.last_update or "")[:10]
    raise KeyError(key)


def search_text(view: ItemView) -> str:
    r = view.record
    return "\n".join((r.code, r.title, r.text, *view.lead, *view.support, *view.schools,
                      view.note)).lower()


class ItemTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[ItemView] = []
        self._haystacks: list[str] = []
        self._rows: list[ItemView] = []
        self._needle = ""

    # -- data ------------------------------------------------------------------------
    def set_views(self, views: list[ItemView]) -> None:
        self._all = views
        self._haystacks = [search_text(v) for v in views]
        self._apply()

    def set_filter_text(self, text: str) -> None:
        self._needle = text.strip().lower()
        self._apply()

    def _apply(self) -> None:
        self.beginResetModel()
        words = self._needle.split()
        if words:
            self._rows = [v for v, hay in zip(self._all, self._haystacks, strict=True)
                          if all(w in hay for w in words)]
        else:
            self._rows = list(self._all)
        self.endResetModel()

    def view_at(self, row: int) -> ItemView:
        return self._rows[row]

    def visible_views(self) -> list[ItemView]:
        return list(self._rows)

    # -- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return COLUMNS[section][1]
        return None

    def data(self, index: Index, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        view = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.DisplayRole:
            return display_value(view, key)
        if role == Qt.ToolTipRole:
            if key == "schools" and view.schools:
                return "、".join(view.schools)
            if key == "title":
                return view.record.text or view.record.title
        if role == Qt.BackgroundRole and key in ("light", "status", "remaining"):
            return QBrush(QColor(LIGHT_COLOUR[view.light]))
        if role == Qt.TextAlignmentRole and key in ("progress", "remaining", "due"):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None
