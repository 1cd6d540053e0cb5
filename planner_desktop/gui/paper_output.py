"""Where the office's papers (督办单, 催办通知) are written and in which formats: one
choice, the same in each dialog that writes them, checked before anything is numbered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLineEdit, QMessageBox, QWidget

from planner_desktop.gui.file_folders import open_folder, remember_folder, start_folder

FOLDER_KIND = "slips"


class PaperOutput:
    def __init__(self, dialog: QWidget, docx_box: QCheckBox, pdf_box: QCheckBox, folder_edit: QLineEdit,
                 browse_button: QAbstractButton, caption: str) -> None:
        self.dialog, self.docx_box, self.pdf_box, self.folder_edit = dialog, docx_box, pdf_box, folder_edit
        self.caption = caption
        folder_edit.setText(str(start_folder(FOLDER_KIND)))
        browse_button.clicked.connect(self.browse)

    def browse(self) -> None:
        folder = open_folder(self.dialog, self.caption, FOLDER_KIND)
        if folder is not None:
            self.folder_edit.setText(str(folder))

    def formats(self) -> tuple[str, ...]:
        boxes = (("docx", self.docx_box), ("pdf", self.pdf_box))
        return tuple(name for name, box in boxes if box.isChecked())

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip())

    def ready(self) -> bool:
        """True when there is something to write and a folder to write it in; else says why."""
        typed = self.folder_edit.text().strip()
        problem = ""
        if not self.formats():
            problem = self.dialog.tr("请至少选择一种要生成的文件（Word 文档或 PDF）。")
        elif not typed or not Path(typed).is_dir():
            problem = self.dialog.tr("保存位置“{folder}”不是一个已有的文件夹，请重新选择。").format(
                folder=typed)
        if problem:
            QMessageBox.warning(self.dialog, self.dialog.windowTitle(), problem)
            return False
        remember_folder(FOLDER_KIND, typed)
        return True
