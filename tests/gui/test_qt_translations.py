"""Qt's own buttons speak Chinese once the program has started (是/否, 打开, 取消)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from planner_desktop.gui.qt_translations import install_qt_translations, translation_folders


def test_the_catalogue_ships_with_pyside6():
    assert any((folder / "qtbase_zh_CN.qm").is_file() for folder in translation_folders())


def test_standard_buttons_are_chinese(qtbot, tmp_path: Path):
    app = QCoreApplication.instance()
    try:
        assert install_qt_translations(app) == ["qtbase_zh_CN"]
        assert install_qt_translations(app) == ["qtbase_zh_CN"]  # a second start adds none
        assert len(app.findChildren(QTranslator, "qtbase_zh_CN")) == 1
        box = QMessageBox(QMessageBox.Question, "导入回收表", "是否导入这 3 个文件？",
                          QMessageBox.Yes | QMessageBox.No | QMessageBox.Open)
        qtbot.addWidget(box)
        texts = [box.button(b).text() for b in (QMessageBox.Yes, QMessageBox.No, QMessageBox.Open)]
        assert texts == ["是(&Y)", "否(&N)", "打开"], texts
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        qtbot.addWidget(buttons)
        assert buttons.button(QDialogButtonBox.Cancel).text() == "取消"
        box.show()
        qtbot.waitExposed(box)
        box.grab().save(str(tmp_path / "message_box_zh.png"))
    finally:
        for translator in app.findChildren(QTranslator, "qtbase_zh_CN"):
            QCoreApplication.removeTranslator(translator)
            translator.setParent(None)
