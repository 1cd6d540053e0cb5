"""Qt's own Chinese for the texts Qt draws itself: the Yes/No/Open/Cancel buttons of standard
message boxes and file dialogs, the context menu of a line edit, the print dialog.

Our strings are Chinese already; Qt's are English unless its translation catalogue is
loaded. The catalogue ships with PySide6 (``qtbase_zh_CN.qm``, kept by ``build.spec`` in the
frozen build), found through ``QLibraryInfo``; beside the PySide6 package as a fallback, for
a frozen build whose Qt prefix points elsewhere.
"""

from __future__ import annotations

import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

CATALOGUES = ("qtbase_zh_CN",)


def translation_folders() -> list[Path]:
    """Where Qt's catalogues may be: Qt's own idea first, then the PySide6 package's folder."""
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
               Path(PySide6.__file__).parent / "Qt" / "translations"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        folders.append(Path(frozen) / "PySide6" / "Qt" / "translations")
    return list(dict.fromkeys(folders))


def install_qt_translations(app: QCoreApplication) -> list[str]:
    """Load Qt's Chinese catalogues into ``app`` (kept alive as its children); the names of
    those loaded, none when the files are missing (the buttons then stay English)."""
    loaded = []
    for name in CATALOGUES:
        if app.findChild(QTranslator, name) is not None:  # started twice in one process
            loaded.append(name)
            continue
        for folder in translation_folders():
            translator = QTranslator(app)
            translator.setObjectName(name)
            if translator.load(name, str(folder)):
                QCoreApplication.installTranslator(translator)
                loaded.append(name)
                break
            translator.deleteLater()
    return loaded
