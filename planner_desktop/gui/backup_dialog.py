"""备份与恢复: the automatic backups listed, a backup on demand, and restoring one.

Restoring always backs up the current ledger first (``store/restore.restore``), so choosing
the wrong backup can itself be undone by restoring the one taken just before. A restore says
that everything changed (``gui/operation.run_here``), and every view reads the ledger again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QListWidgetItem,
    QMessageBox,
)

from planner_desktop.gui.forms.backup_dialog_ui import Ui_BackupDialog
from planner_desktop.gui.operation import run_here
from planner_desktop.ops.backups import list_backups, restore_backup, take_backup
from planner_desktop.ops.ledger import Ledger
from planner_desktop.paths import backup_dir_for

REASONS = {"daily": "每日自动", "manual": "手动", "before-import": "导入前", "before-restore": "恢复前",
           "before-merge": "合并单位前", "before-returns": "导入回收表前"}


def reason_label(reason: str) -> str:
    if reason.startswith("before-migration"):
        return "升级数据版本前"
    return REASONS.get(reason, reason)


class BackupDialog(QDialog):
    def __init__(self, ledger: Ledger, parent=None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.ui = Ui_BackupDialog()  # the layout lives in ui/backup_dialog.ui
        self.ui.setupUi(self)
        self.list = self.ui.backups
        for button, slot in ((self.ui.backup_now_button, self.back_up_now),
                             (self.ui.restore_button, self.restore_selected),
                             (self.ui.restore_file_button, self.restore_file),
                             (self.ui.open_folder_button, self.open_folder)):
            button.clicked.connect(lambda _c=False, s=slot: s())
        self.ui.buttons.button(QDialogButtonBox.Close).setText(self.tr("关闭"))
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for backup in list_backups(self.ledger.path):
            reason = self.tr(reason_label(backup.reason))
            entry = QListWidgetItem(f"{backup.taken_at:%Y-%m-%d %H:%M:%S}　{reason}"
                                    f"　{backup.path.stat().st_size // 1024} KB")
            entry.setData(Qt.UserRole, str(backup.path))
            self.list.addItem(entry)

    def guarded(self, action) -> bool:
        """Run a write; a problem the clerk can fix is shown, the list re-read either way."""
        try:
            return run_here(self, action, error_title=self.tr("备份与恢复")) is not None
        finally:
            self.reload()

    def back_up_now(self) -> bool:
        return self.guarded(lambda: take_backup(self.ledger, reason="manual"))

    def restore_from(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self, self.tr("从备份恢复"),
            self.tr("用这份备份替换当前账本的全部内容？\n{name}\n\n当前账本会先自动备份。").format(name=path.name))
        if answer != QMessageBox.Yes:
            return False
        return self.guarded(lambda: restore_backup(self.ledger, path))

    def restore_selected(self) -> bool:
        entry = self.list.currentItem()
        return self.restore_from(Path(entry.data(Qt.UserRole))) if entry else False

    def restore_file(self) -> bool:
        folder = str(backup_dir_for(self.ledger.path))
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择备份文件"), folder,
                                              self.tr("账本 (*.sqlite *.db)"))
        return self.restore_from(Path(name)) if name else False

    def open_folder(self) -> None:
        folder = backup_dir_for(self.ledger.path)
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
