# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'imports_dialog.ui'
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
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ImportHistoryDialog(object):
    def setupUi(self, ImportHistoryDialog):
        if not ImportHistoryDialog.objectName():
            ImportHistoryDialog.setObjectName(u"ImportHistoryDialog")
        ImportHistoryDialog.resize(900, 480)
        self.layout = QVBoxLayout(ImportHistoryDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(ImportHistoryDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.table = QTableWidget(ImportHistoryDialog)
        if (self.table.columnCount() < 6):
            self.table.setColumnCount(6)
        __qtablewidgetitem = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)

        self.layout.addWidget(self.table)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.undo_button = QPushButton(ImportHistoryDialog)
        self.undo_button.setObjectName(u"undo_button")

        self.button_row.addWidget(self.undo_button)

        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.button_spacer)

        self.buttons = QDialogButtonBox(ImportHistoryDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.button_row.addWidget(self.buttons)


        self.layout.addLayout(self.button_row)


        self.retranslateUi(ImportHistoryDialog)
        self.buttons.rejected.connect(ImportHistoryDialog.reject)

        QMetaObject.connectSlotsByName(ImportHistoryDialog)
    # setupUi

    def retranslateUi(self, ImportHistoryDialog):
        ImportHistoryDialog.setWindowTitle(QCoreApplication.translate("ImportHistoryDialog", u"\u5bfc\u5165\u8bb0\u5f55", None))
        self.intro.setText(QCoreApplication.translate("ImportHistoryDialog", u"\u64a4\u9500\u4e00\u6b21\u5bfc\u5165\uff0c\u8d26\u672c\u56de\u5230\u5bfc\u5165\u8fd9\u4e2a\u6587\u4ef6\u4e4b\u524d\u7684\u6837\u5b50\uff1b\u5bfc\u5165\u524d\u90fd\u5df2\u81ea\u52a8\u5907\u4efd\u3002", None))
        ___qtablewidgetitem = self.table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ImportHistoryDialog", u"\u7f16\u53f7", None))
        ___qtablewidgetitem1 = self.table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ImportHistoryDialog", u"\u5bfc\u5165\u65f6\u95f4", None))
        ___qtablewidgetitem2 = self.table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ImportHistoryDialog", u"\u7c7b\u522b", None))
        ___qtablewidgetitem3 = self.table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ImportHistoryDialog", u"\u6587\u4ef6", None))
        ___qtablewidgetitem4 = self.table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("ImportHistoryDialog", u"\u5185\u5bb9", None))
        ___qtablewidgetitem5 = self.table.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("ImportHistoryDialog", u"\u72b6\u6001", None))
        self.undo_button.setText(QCoreApplication.translate("ImportHistoryDialog", u"\u64a4\u9500\u6240\u9009\u7684\u5bfc\u5165(&U)\u2026", None))
    # retranslateUi

