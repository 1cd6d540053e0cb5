"""Where the file dialogs open: the folder the clerk last used for that kind of file, and the
Documents folder the first time (not the program's own folder, where nobody keeps files).

Each kind (task lists, plan documents, returned workbooks, rosters, reports …) remembers its
own folder in the settings, since they live in different places: the returns in the folder
the USB stick was copied to, the reports where the office keeps its bulletins.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

KEY = "folders/{kind}"


def documents_folder() -> Path:
    """The clerk's Documents folder (文档 on a Chinese Windows), else the home folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def start_folder(kind: str) -> Path:
    """The folder last used for ``kind`` while it still exists, else Documents."""
    remembered = QSettings().value(KEY.format(kind=kind), "")
    if remembered and Path(str(remembered)).is_dir():
        return Path(str(remembered))
    return documents_folder()


def remember_folder(kind: str, chosen: str | Path) -> None:
    """Keep the folder of what was chosen (a file's folder, or the folder itself)."""
    path = Path(chosen)
    QSettings().setValue(KEY.format(kind=kind), str(path if path.is_dir() else path.parent))


def open_file(parent: QWidget, caption: str, kind: str, file_filter: str = "") -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, caption, str(start_folder(kind)), file_filter)
    if not name:
        return None
    remember_folder(kind, name)
    return Path(name)


def open_files(parent: QWidget, caption: str, kind: str, file_filter: str = "") -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, caption, str(start_folder(kind)), file_filter)
    if names:
        remember_folder(kind, names[0])
    return [Path(n) for n in names]


def open_folder(parent: QWidget, caption: str, kind: str) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, caption, str(start_folder(kind)))
    if not name:
        return None
    remember_folder(kind, name)
    return Path(name)


def save_file(parent: QWidget, caption: str, kind: str, file_name: str,
              file_filter: str = "") -> Path | None:
    """Ask where to save ``file_name``, offered in the kind's folder."""
    name, _ = QFileDialog.getSaveFileName(parent, caption, str(start_folder(kind) / file_name),
                                          file_filter)
    if not name:
        return None
    remember_folder(kind, name)
    return Path(name)
