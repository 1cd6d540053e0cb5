# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backup_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_BackupDialog(object):
    def setupUi(self, BackupDialog):
        if not BackupDialog.objectName():
            BackupDialog.setObjectName(u"BackupDialog")
        BackupDialog.resize(560, 420)
        self.layout = QVBoxLayout(BackupDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(BackupDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.backups = QListWidget(BackupDialog)
        self.backups.setObjectName(u"backups")
        self.backups.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.layout.addWidget(self.backups)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.backup_now_button = QPushButton(BackupDialog)
        self.backup_now_button.setObjectName(u"backup_now_button")

        self.button_row.addWidget(self.backup_now_button)

        self.restore_button = QPushButton(BackupDialog)
        self.restore_button.setObjectName(u"restore_button")

        self.button_row.addWidget(self.restore_button)

        self.restore_file_button = QPushButton(BackupDialog)
        self.restore_file_button.setObjectName(u"restore_file_button")

        self.button_row.addWidget(self.restore_file_button)

        self.open_folder_button = QPushButton(BackupDialog)
        self.open_folder_button.setObjectName(u"open_folder_button")

        self.button_row.addWidget(self.open_folder_button)


        self.layout.addLayout(self.button_row)

        self.buttons = QDialogButtonBox(BackupDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(BackupDialog)
        self.buttons.rejected.connect(BackupDialog.reject)

        QMetaObject.connectSlotsByName(BackupDialog)
    # setupUi

    def retranslateUi(self, BackupDialog):
        BackupDialog.setWindowTitle(QCoreApplication.translate("BackupDialog", u"\u5907\u4efd\u4e0e\u6062\u590d", None))
        self.intro.setText(QCoreApplication.translate("BackupDialog", u"\u6bcf\u5929\u7b2c\u4e00\u6b21\u4fee\u6539\u524d\u3001\u6bcf\u6b21\u5bfc\u5165\u548c\u5347\u7ea7\u524d\u90fd\u4f1a\u81ea\u52a8\u5907\u4efd\u3002\u6062\u590d\u524d\u4f1a\u5148\u5907\u4efd\u5f53\u524d\u8d26\u672c\u3002", None))
        self.backup_now_button.setText(QCoreApplication.translate("BackupDialog", u"\u7acb\u5373\u5907\u4efd", None))
        self.restore_button.setText(QCoreApplication.translate("BackupDialog", u"\u4ece\u9009\u4e2d\u7684\u5907\u4efd\u6062\u590d\u2026", None))
        self.restore_file_button.setText(QCoreApplication.translate("BackupDialog", u"\u4ece\u5176\u4ed6\u6587\u4ef6\u6062\u590d\u2026", None))
        self.open_folder_button.setText(QCoreApplication.translate("BackupDialog", u"\u6253\u5f00\u5907\u4efd\u6587\u4ef6\u5939", None))
    # retranslateUi

