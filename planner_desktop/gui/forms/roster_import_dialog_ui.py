# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'roster_import_dialog.ui'
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
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_RosterImportDialog(object):
    def setupUi(self, RosterImportDialog):
        if not RosterImportDialog.objectName():
            RosterImportDialog.setObjectName(u"RosterImportDialog")
        RosterImportDialog.resize(720, 440)
        self.layout = QVBoxLayout(RosterImportDialog)
        self.layout.setObjectName(u"layout")
        self.summary = QLabel(RosterImportDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)

        self.layout.addWidget(self.summary)

        self.added_label = QLabel(RosterImportDialog)
        self.added_label.setObjectName(u"added_label")

        self.layout.addWidget(self.added_label)

        self.added = QPlainTextEdit(RosterImportDialog)
        self.added.setObjectName(u"added")
        self.added.setMaximumSize(QSize(16777215, 84))
        self.added.setReadOnly(True)
        self.added.setMaximumBlockCount(0)

        self.layout.addWidget(self.added)

        self.merge_intro = QLabel(RosterImportDialog)
        self.merge_intro.setObjectName(u"merge_intro")
        self.merge_intro.setWordWrap(True)

        self.layout.addWidget(self.merge_intro)

        self.pairs = QTableWidget(RosterImportDialog)
        if (self.pairs.columnCount() < 3):
            self.pairs.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.pairs.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.pairs.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.pairs.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.pairs.setObjectName(u"pairs")
        self.pairs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pairs.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.pairs.horizontalHeader().setStretchLastSection(True)
        self.pairs.verticalHeader().setVisible(False)

        self.layout.addWidget(self.pairs)

        self.pair_buttons = QHBoxLayout()
        self.pair_buttons.setObjectName(u"pair_buttons")
        self.check_all = QPushButton(RosterImportDialog)
        self.check_all.setObjectName(u"check_all")

        self.pair_buttons.addWidget(self.check_all)

        self.check_none = QPushButton(RosterImportDialog)
        self.check_none.setObjectName(u"check_none")

        self.pair_buttons.addWidget(self.check_none)

        self.pair_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.pair_buttons.addItem(self.pair_spacer)


        self.layout.addLayout(self.pair_buttons)

        self.buttons = QDialogButtonBox(RosterImportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(RosterImportDialog)
        self.buttons.rejected.connect(RosterImportDialog.reject)

        QMetaObject.connectSlotsByName(RosterImportDialog)
    # setupUi

    def retranslateUi(self, RosterImportDialog):
        RosterImportDialog.setWindowTitle(QCoreApplication.translate("RosterImportDialog", u"\u5bfc\u5165\u5355\u4f4d\u540d\u518c", None))
        self.added_label.setText(QCoreApplication.translate("RosterImportDialog", u"\u5c06\u65b0\u589e\u7684\u5355\u4f4d\uff1a", None))
        self.merge_intro.setText(QCoreApplication.translate("RosterImportDialog", u"\u540d\u518c\u628a\u4e0b\u5217\u8d26\u672c\u4e2d\u5df2\u6709\u7684\u5355\u4f4d\u5199\u4f5c\u7b80\u79f0\uff0c\u5b83\u4eec\u4e0e\u540d\u518c\u4e2d\u7684\u5355\u4f4d\u662f\u540c\u4e00\u4e2a\u5355\u4f4d\u3002\u52fe\u9009\u7684\u5c06\u5408\u5e76\u5230\u540d\u518c\u4e2d\u7684\u5355\u4f4d\uff1a\u4efb\u52a1\u3001\u8fdb\u5c55\u3001\u4f50\u8bc1\u6750\u6599\u548c\u586b\u62a5\u8bb0\u5f55\u4e00\u5e76\u79fb\u8fc7\u53bb\uff0c\u539f\u540d\u79f0\u8bb0\u4e3a\u7b80\u79f0\u3002\u5408\u5e76\u524d\u4f1a\u81ea\u52a8\u5907\u4efd\u8d26\u672c\u3002", None))
        ___qtablewidgetitem = self.pairs.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("RosterImportDialog", u"\u8d26\u672c\u4e2d\u7684\u5355\u4f4d", None))
        ___qtablewidgetitem1 = self.pairs.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("RosterImportDialog", u"\u5206\u5de5", None))
        ___qtablewidgetitem2 = self.pairs.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("RosterImportDialog", u"\u5408\u5e76\u5230\u540d\u518c\u4e2d\u7684\u5355\u4f4d", None))
        self.check_all.setText(QCoreApplication.translate("RosterImportDialog", u"\u5168\u90e8\u52fe\u9009", None))
        self.check_none.setText(QCoreApplication.translate("RosterImportDialog", u"\u5168\u90e8\u4e0d\u52fe\u9009", None))
    # retranslateUi

