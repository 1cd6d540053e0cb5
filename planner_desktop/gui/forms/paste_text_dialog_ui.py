# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'paste_text_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_PasteTextDialog(object):
    def setupUi(self, PasteTextDialog):
        if not PasteTextDialog.objectName():
            PasteTextDialog.setObjectName(u"PasteTextDialog")
        PasteTextDialog.resize(640, 480)
        self.layout = QVBoxLayout(PasteTextDialog)
        self.layout.setObjectName(u"layout")
        self.edit = QPlainTextEdit(PasteTextDialog)
        self.edit.setObjectName(u"edit")

        self.layout.addWidget(self.edit)

        self.buttons = QDialogButtonBox(PasteTextDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

        self.layout.setStretch(0, 1)

        self.retranslateUi(PasteTextDialog)
        self.buttons.accepted.connect(PasteTextDialog.accept)
        self.buttons.rejected.connect(PasteTextDialog.reject)

        QMetaObject.connectSlotsByName(PasteTextDialog)
    # setupUi

    def retranslateUi(self, PasteTextDialog):
        PasteTextDialog.setWindowTitle(QCoreApplication.translate("PasteTextDialog", u"\u7c98\u8d34\u5de5\u4f5c\u8981\u70b9\u6587\u672c", None))
        self.edit.setPlaceholderText(QCoreApplication.translate("PasteTextDialog", u"\u628a\u4ece\u7f51\u9875\u6216\u6587\u6863\u4e2d\u590d\u5236\u7684\u5de5\u4f5c\u8981\u70b9\u5168\u6587\u7c98\u8d34\u5230\u8fd9\u91cc\uff08Ctrl+V\uff09\u3002", None))
    # retranslateUi

