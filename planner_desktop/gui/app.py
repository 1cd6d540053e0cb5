"""Starting the program: open (and migrate) the ledger before the first window, offer the demo."""

from __future__ import annotations

import os
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from planner_desktop import __version__
from planner_desktop.errors import DamagedLedgerError, UserFixableError
from planner_desktop.gui.backup_dialog import reason_label
from planner_desktop.gui.main_window import MainWindow
from planner_desktop.gui.qt_translations import install_qt_translations
from planner_desktop.ops.backups import list_backups, remove_backup_leftovers, restore_in_place_of_damaged
from planner_desktop.ops.ledger import Ledger, open_ledger
from planner_desktop.paths import APP_AUTHOR, APP_NAME, default_ledger_path, log_dir, resource_path


def offer_demo(ledger: Ledger) -> None:
    """On first start the clerk can look around a lived-in demo ledger instead of an empty one."""
    answer = QMessageBox.question(
        None,
        QCoreApplication.translate("app", "欢迎使用工作要点督办台"),
        QCoreApplication.translate(
            "app",
            "账本还是空的。是否载入一份演示账本（虚构的青溪县教育局工作要点、单位名册和进展），"
            "先熟悉一下程序？\n\n演示数据以后可以删除；选择“否”则从空账本开始。"),
    )
    if answer == QMessageBox.Yes:
        from planner_desktop.ops.demo import create_demo_ledger

        create_demo_ledger(ledger)


def offer_restore_of_damaged(path: Path, damaged: DamagedLedgerError) -> bool:
    """A ledger too damaged to open: the clerk may put one of its backups in its place here,
    since the 备份与恢复 dialog needs an open ledger. True when a backup was restored."""
    backups = list_backups(path)
    if not backups:
        return False
    translate = QCoreApplication.translate
    answer = QMessageBox.question(
        None, translate("app", "账本无法打开"),
        translate("app", "{message}\n\n是否从备份恢复？损坏的账本文件会移到备份文件夹中保留，不会删除。"
                  ).format(message=damaged.full_message()))
    if answer != QMessageBox.Yes:
        return False
    labels = [f"{b.taken_at:%Y-%m-%d %H:%M:%S}　{translate('app', reason_label(b.reason))}" for b in backups]
    choice, chosen = QInputDialog.getItem(None, translate("app", "从备份恢复"),
                                          translate("app", "选择要恢复的备份（最新的在最前）："),
                                          labels, 0, False)
    if not chosen:
        return False
    kept = restore_in_place_of_damaged(path, backups[labels.index(choice)].path)
    QMessageBox.information(
        None, translate("app", "已从备份恢复"),
        translate("app", "已用 {taken} 的备份替换损坏的账本。\n损坏的文件保留在：\n{kept}").format(
            taken=choice, kept=kept))
    return True


def install_crash_handler() -> None:
    """A bug shows a dialog and leaves a report in the log folder instead of vanishing."""

    def handle(kind, value, tb) -> None:
        report = "".join(traceback.format_exception(kind, value, tb))
        path = log_dir() / "crash.log"
        with path.open("a", encoding="utf-8") as handle_file:
            handle_file.write(f"--- Planner Desktop {__version__}\n{report}\n")
        sys.__excepthook__(kind, value, tb)
        if QApplication.instance() is not None:
            QMessageBox.critical(
                None, QCoreApplication.translate("app", "程序错误"),
                QCoreApplication.translate(
                    "app", "程序遇到了一个错误，已写入错误报告：\n{path}\n\n账本数据不受影响。"
                ).format(path=path))

    sys.excepthook = handle


@dataclass
class Session:
    """What a started program holds: its window, the open ledger and the lock on it."""

    window: MainWindow
    ledger: Ledger
    lock: QLockFile

    def close(self) -> None:
        self.ledger.close()
        self.lock.unlock()


def start_gui(db_path: str | None = None) -> Session | int:
    """Everything up to the shown window (tests drive this); an exit code when the clerk
    declined or the ledger could not be opened."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationDisplayName(QCoreApplication.translate("app", "工作要点督办台"))
    install_qt_translations(app)  # 是/否/打开 on Qt's own buttons, before the first box
    set_look(app)
    path = default_ledger_path(db_path)
    try:
        try:
            ledger = open_ledger(Path(path))
        except DamagedLedgerError as damaged:
            if not offer_restore_of_damaged(Path(path), damaged):
                raise
            ledger = open_ledger(Path(path))
        remove_backup_leftovers(ledger.path)  # half backups of a run that was killed
        if ledger.is_empty():
            offer_demo(ledger)
    except UserFixableError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("app", "无法打开账本"),
                             exc.full_message())
        return 1
    lock = QLockFile(str(path) + ".lock")
    read_only = False
    if not lock.tryLock(200):
        answer = QMessageBox.question(
            None, QCoreApplication.translate("app", "账本已打开"),
            QCoreApplication.translate(
                "app", "这个账本已经在另一个督办台窗口中打开：\n{path}\n\n同时在两个窗口中修改容易互相覆盖。"
                "是否以只读方式查看？选择“否”则退出。").format(path=path))
        if answer != QMessageBox.Yes:
            ledger.close()
            return 0
        read_only = True
    window = MainWindow(ledger, read_only=read_only)
    window.show()
    return Session(window, ledger, lock)


def run_gui(db_path: str | None = None) -> int:
    install_crash_handler()
    session = start_gui(db_path)
    if isinstance(session, int):
        return session
    app = QApplication.instance()
    if os.environ.get("PLANNER_DESKTOP_EXIT_WHEN_SHOWN"):
        QTimer.singleShot(0, app.quit)  # for bench/startup.py: time to a drawn window
    code = app.exec()
    session.close()
    return code


def set_look(app: QApplication) -> None:
    """Native style on Windows, Fusion elsewhere; a readable UI font size; the icon."""
    if sys.platform != "win32":
        app.setStyle("Fusion")
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    icon = resource_path("resources", "icons", "app.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
