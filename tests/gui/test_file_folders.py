"""File dialogs open in Documents the first time, then where the clerk last found that kind of
file; each kind remembers its own folder."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from planner_desktop.gui.file_folders import documents_folder
from planner_desktop.gui.returns_import_dialog import ReturnsImportDialog
from tests.gui.test_returns_in_window import demo


def test_dialogs_start_in_documents_then_in_the_last_folder_of_their_kind(
        qtbot, tmp_path, monkeypatch):
    asked: list[tuple[str, str]] = []
    answers: list[list[str]] = []

    def get_open_file_names(parent, caption, folder, file_filter=""):
        asked.append((caption, folder))
        return answers.pop(0), file_filter

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(get_open_file_names))
    ledger = demo(tmp_path)
    try:
        dialog = ReturnsImportDialog(ledger)
        qtbot.addWidget(dialog)
        usb = tmp_path / "U盘" / "回收表"
        usb.mkdir(parents=True)
        answers.append([])  # the clerk looks, and cancels
        dialog.choose_files()
        assert asked[-1] == ("选择回收的填报表", str(documents_folder()))
        returned = usb / "2026年第4季度_局办公室_填报表.xlsx"
        answers.append([str(returned)])
        monkeypatch.setattr(dialog, "add_paths", lambda paths: None)
        dialog.choose_files()
        answers.append([])
        dialog.choose_files()
        assert asked[-1][1] == str(usb), "the folder of the returns chosen last time"

        # Another kind of file keeps its own folder: the roster still starts in Documents.
        from PySide6.QtWidgets import QFileDialog as Dialog

        from planner_desktop.gui.units_dialog import UnitsDialog
        seen: list[str] = []
        monkeypatch.setattr(Dialog, "getOpenFileName", staticmethod(
            lambda parent, caption, folder, file_filter="": (seen.append(folder), ("", ""))[1]))
        units = UnitsDialog(ledger)
        qtbot.addWidget(units)
        assert units.import_roster_file() is None  # cancelled: no import dialog
        assert seen == [str(documents_folder())]
    finally:
        ledger.close()
