# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'returns_import_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QTabWidget, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_ReturnsImportDialog(object):
    def setupUi(self, ReturnsImportDialog):
        if not ReturnsImportDialog.objectName():
            ReturnsImportDialog.setObjectName(u"ReturnsImportDialog")
        ReturnsImportDialog.resize(1180, 720)
        ReturnsImportDialog.setAcceptDrops(True)
        self.layout = QVBoxLayout(ReturnsImportDialog)
        self.layout.setObjectName(u"layout")
        self.top_row = QHBoxLayout()
        self.top_row.setObjectName(u"top_row")
        self.add_files_button = QPushButton(ReturnsImportDialog)
        self.add_files_button.setObjectName(u"add_files_button")

        self.top_row.addWidget(self.add_files_button)

        self.add_folder_button = QPushButton(ReturnsImportDialog)
        self.add_folder_button.setObjectName(u"add_folder_button")

        self.top_row.addWidget(self.add_folder_button)

        self.drop_hint = QLabel(ReturnsImportDialog)
        self.drop_hint.setObjectName(u"drop_hint")

        self.top_row.addWidget(self.drop_hint)

        self.period_label = QLabel(ReturnsImportDialog)
        self.period_label.setObjectName(u"period_label")

        self.top_row.addWidget(self.period_label)

        self.period_combo = QComboBox(ReturnsImportDialog)
        self.period_combo.setObjectName(u"period_combo")
        self.period_combo.setMinimumContentsLength(12)

        self.top_row.addWidget(self.period_combo)


        self.layout.addLayout(self.top_row)

        self.summary = QLabel(ReturnsImportDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)

        self.layout.addWidget(self.summary)

        self.tabs = QTabWidget(ReturnsImportDialog)
        self.tabs.setObjectName(u"tabs")
        self.files_page = QWidget()
        self.files_page.setObjectName(u"files_page")
        self.files_page_layout = QVBoxLayout(self.files_page)
        self.files_page_layout.setObjectName(u"files_page_layout")
        self.files_table = QTableWidget(self.files_page)
        if (self.files_table.columnCount() < 8):
            self.files_table.setColumnCount(8)
        __qtablewidgetitem = QTableWidgetItem()
        self.files_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.files_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.files_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.files_table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.files_table.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.files_table.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.files_table.setHorizontalHeaderItem(6, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.files_table.setHorizontalHeaderItem(7, __qtablewidgetitem7)
        self.files_table.setObjectName(u"files_table")
        self.files_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.files_table.setWordWrap(False)
        self.files_table.verticalHeader().setVisible(False)

        self.files_page_layout.addWidget(self.files_table)

        self.tabs.addTab(self.files_page, "")
        self.rows_page = QWidget()
        self.rows_page.setObjectName(u"rows_page")
        self.rows_page_layout = QVBoxLayout(self.rows_page)
        self.rows_page_layout.setObjectName(u"rows_page_layout")
        self.show_all_box = QCheckBox(self.rows_page)
        self.show_all_box.setObjectName(u"show_all_box")

        self.rows_page_layout.addWidget(self.show_all_box)

        self.rows_table = QTableWidget(self.rows_page)
        if (self.rows_table.columnCount() < 9):
            self.rows_table.setColumnCount(9)
        __qtablewidgetitem8 = QTableWidgetItem()
        self.rows_table.setHorizontalHeaderItem(0, __qtablewidgetitem8)
        __qtablewidgetitem9 = QTableWidgetItem()
        self.rows_table.setHorizontalHeaderItem(1, __qtablewidgetitem9)
        __qtablewidgetitem10 = QTableWidgetItem()
        self.rows_table.setHorizontalHeaderItem(2, __qtablewidgetitem10)
        __qtablewidgetitem11 = QTableWidgetItem()
        self.rows_table.setHorizontalHeaderItem(3, __qtablewidgetitem11)
        __qtablewidgetitem12 = QTableWidgetItem()
        self.rows_table.setHorizontalHeaderItem(4, __qtablewidgetitem12)
        __qtablewidgetitem13 = QTableWidgetItem()
        self.rows_table.setHorizontalHeaderItem(5, __qtablewidgetitem13)
        __qtablewidgetitem14 = QTableWidgetItem()
        self.rows_table.setHorizontalHeaderItem(6, __qtablewidgetitem14)
        __qtablewidgetitem15 = QTableWidgetItem()
        self.rows_table.setHorizontalHeaderItem(7, __qtablewidgetitem15)
        __qtablewidgetitem16 = QTableWidgetItem()
        self.rows_table.setHorizontalHeaderItem(8, __qtablewidgetitem16)
        self.rows_table.setObjectName(u"rows_table")
        self.rows_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows_table.setWordWrap(False)
        self.rows_table.verticalHeader().setVisible(False)

        self.rows_page_layout.addWidget(self.rows_table)

        self.tabs.addTab(self.rows_page, "")
        self.conflicts_page = QWidget()
        self.conflicts_page.setObjectName(u"conflicts_page")
        self.conflicts_page_layout = QVBoxLayout(self.conflicts_page)
        self.conflicts_page_layout.setObjectName(u"conflicts_page_layout")
        self.conflict_row = QHBoxLayout()
        self.conflict_row.setObjectName(u"conflict_row")
        self.conflict_hint = QLabel(self.conflicts_page)
        self.conflict_hint.setObjectName(u"conflict_hint")
        self.conflict_hint.setWordWrap(True)

        self.conflict_row.addWidget(self.conflict_hint)

        self.all_ledger_button = QPushButton(self.conflicts_page)
        self.all_ledger_button.setObjectName(u"all_ledger_button")

        self.conflict_row.addWidget(self.all_ledger_button)

        self.all_file_button = QPushButton(self.conflicts_page)
        self.all_file_button.setObjectName(u"all_file_button")

        self.conflict_row.addWidget(self.all_file_button)


        self.conflicts_page_layout.addLayout(self.conflict_row)

        self.conflicts_table = QTableWidget(self.conflicts_page)
        if (self.conflicts_table.columnCount() < 7):
            self.conflicts_table.setColumnCount(7)
        __qtablewidgetitem17 = QTableWidgetItem()
        self.conflicts_table.setHorizontalHeaderItem(0, __qtablewidgetitem17)
        __qtablewidgetitem18 = QTableWidgetItem()
        self.conflicts_table.setHorizontalHeaderItem(1, __qtablewidgetitem18)
        __qtablewidgetitem19 = QTableWidgetItem()
        self.conflicts_table.setHorizontalHeaderItem(2, __qtablewidgetitem19)
        __qtablewidgetitem20 = QTableWidgetItem()
        self.conflicts_table.setHorizontalHeaderItem(3, __qtablewidgetitem20)
        __qtablewidgetitem21 = QTableWidgetItem()
        self.conflicts_table.setHorizontalHeaderItem(4, __qtablewidgetitem21)
        __qtablewidgetitem22 = QTableWidgetItem()
        self.conflicts_table.setHorizontalHeaderItem(5, __qtablewidgetitem22)
        __qtablewidgetitem23 = QTableWidgetItem()
        self.conflicts_table.setHorizontalHeaderItem(6, __qtablewidgetitem23)
        self.conflicts_table.setObjectName(u"conflicts_table")
        self.conflicts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflicts_table.setWordWrap(False)
        self.conflicts_table.verticalHeader().setVisible(False)

        self.conflicts_page_layout.addWidget(self.conflicts_table)

        self.tabs.addTab(self.conflicts_page, "")
        self.warnings_page = QWidget()
        self.warnings_page.setObjectName(u"warnings_page")
        self.warnings_page_layout = QVBoxLayout(self.warnings_page)
        self.warnings_page_layout.setObjectName(u"warnings_page_layout")
        self.warnings_table = QTableWidget(self.warnings_page)
        if (self.warnings_table.columnCount() < 5):
            self.warnings_table.setColumnCount(5)
        __qtablewidgetitem24 = QTableWidgetItem()
        self.warnings_table.setHorizontalHeaderItem(0, __qtablewidgetitem24)
        __qtablewidgetitem25 = QTableWidgetItem()
        self.warnings_table.setHorizontalHeaderItem(1, __qtablewidgetitem25)
        __qtablewidgetitem26 = QTableWidgetItem()
        self.warnings_table.setHorizontalHeaderItem(2, __qtablewidgetitem26)
        __qtablewidgetitem27 = QTableWidgetItem()
        self.warnings_table.setHorizontalHeaderItem(3, __qtablewidgetitem27)
        __qtablewidgetitem28 = QTableWidgetItem()
        self.warnings_table.setHorizontalHeaderItem(4, __qtablewidgetitem28)
        self.warnings_table.setObjectName(u"warnings_table")
        self.warnings_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.warnings_table.setWordWrap(False)
        self.warnings_table.verticalHeader().setVisible(False)

        self.warnings_page_layout.addWidget(self.warnings_table)

        self.tabs.addTab(self.warnings_page, "")

        self.layout.addWidget(self.tabs)

        self.buttons = QDialogButtonBox(ReturnsImportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(ReturnsImportDialog)

        QMetaObject.connectSlotsByName(ReturnsImportDialog)
    # setupUi

    def retranslateUi(self, ReturnsImportDialog):
        ReturnsImportDialog.setWindowTitle(QCoreApplication.translate("ReturnsImportDialog", u"\u5bfc\u5165\u56de\u6536\u8868", None))
        self.add_files_button.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u6dfb\u52a0\u6587\u4ef6\u2026", None))
        self.add_folder_button.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u6dfb\u52a0\u6587\u4ef6\u5939\u2026", None))
        self.drop_hint.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u4e5f\u53ef\u4ee5\u628a\u6587\u4ef6\u6216\u6587\u4ef6\u5939\u62d6\u5230\u8fd9\u91cc\u3002", None))
        self.period_label.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u672c\u6b21\u6536\u96c6\u7684\u62a5\u9001\u5468\u671f\uff1a", None))
        self.summary.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u8bf7\u6dfb\u52a0\u56de\u6536\u7684\u586b\u62a5\u8868\u3002", None))
        ___qtablewidgetitem = self.files_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u5bfc\u5165", None))
        ___qtablewidgetitem1 = self.files_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u6587\u4ef6", None))
        ___qtablewidgetitem2 = self.files_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u5355\u4f4d", None))
        ___qtablewidgetitem3 = self.files_table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u5468\u671f", None))
        ___qtablewidgetitem4 = self.files_table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u66f4\u65b0", None))
        ___qtablewidgetitem5 = self.files_table.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u672a\u586b\u5199", None))
        ___qtablewidgetitem6 = self.files_table.horizontalHeaderItem(6)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u8df3\u8fc7", None))
        ___qtablewidgetitem7 = self.files_table.horizontalHeaderItem(7)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u8bf4\u660e", None))
        self.tabs.setTabText(self.tabs.indexOf(self.files_page), QCoreApplication.translate("ReturnsImportDialog", u"\u6587\u4ef6", None))
        self.show_all_box.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u4e5f\u663e\u793a\u672a\u586b\u5199\u3001\u4e0d\u53d8\u548c\u8df3\u8fc7\u7684\u884c", None))
        ___qtablewidgetitem8 = self.rows_table.horizontalHeaderItem(0)
        ___qtablewidgetitem8.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u5904\u7406", None))
        ___qtablewidgetitem9 = self.rows_table.horizontalHeaderItem(1)
        ___qtablewidgetitem9.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u5355\u4f4d", None))
        ___qtablewidgetitem10 = self.rows_table.horizontalHeaderItem(2)
        ___qtablewidgetitem10.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u6587\u4ef6", None))
        ___qtablewidgetitem11 = self.rows_table.horizontalHeaderItem(3)
        ___qtablewidgetitem11.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u884c", None))
        ___qtablewidgetitem12 = self.rows_table.horizontalHeaderItem(4)
        ___qtablewidgetitem12.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u7f16\u53f7", None))
        ___qtablewidgetitem13 = self.rows_table.horizontalHeaderItem(5)
        ___qtablewidgetitem13.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u5de5\u4f5c\u8981\u70b9", None))
        ___qtablewidgetitem14 = self.rows_table.horizontalHeaderItem(6)
        ___qtablewidgetitem14.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u72b6\u6001", None))
        ___qtablewidgetitem15 = self.rows_table.horizontalHeaderItem(7)
        ___qtablewidgetitem15.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u8fdb\u5ea6", None))
        ___qtablewidgetitem16 = self.rows_table.horizontalHeaderItem(8)
        ___qtablewidgetitem16.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u8fdb\u5c55\u60c5\u51b5", None))
        self.tabs.setTabText(self.tabs.indexOf(self.rows_page), QCoreApplication.translate("ReturnsImportDialog", u"\u53d8\u66f4\u660e\u7ec6", None))
        self.conflict_hint.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u8fd9\u4e9b\u4efb\u52a1\u5728\u5bfc\u51fa\u586b\u62a5\u8868\u4e4b\u540e\uff0c\u8d26\u672c\u4e2d\u53c8\u6539\u8fc7\uff0c\u800c\u56de\u6536\u8868\u586b\u7684\u4e0d\u4e00\u6837\u3002\u8bf7\u9010\u6761\u9009\u62e9\u91c7\u7528\u54ea\u4e00\u8fb9\uff1a", None))
        self.all_ledger_button.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u5168\u90e8\u4fdd\u7559\u8d26\u672c\u4e2d\u7684\u503c", None))
        self.all_file_button.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u5168\u90e8\u91c7\u7528\u56de\u6536\u8868\u7684\u503c", None))
        ___qtablewidgetitem17 = self.conflicts_table.horizontalHeaderItem(0)
        ___qtablewidgetitem17.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u91c7\u7528", None))
        ___qtablewidgetitem18 = self.conflicts_table.horizontalHeaderItem(1)
        ___qtablewidgetitem18.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u5355\u4f4d", None))
        ___qtablewidgetitem19 = self.conflicts_table.horizontalHeaderItem(2)
        ___qtablewidgetitem19.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u7f16\u53f7", None))
        ___qtablewidgetitem20 = self.conflicts_table.horizontalHeaderItem(3)
        ___qtablewidgetitem20.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u5de5\u4f5c\u8981\u70b9", None))
        ___qtablewidgetitem21 = self.conflicts_table.horizontalHeaderItem(4)
        ___qtablewidgetitem21.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u8d26\u672c\u4e2d\uff08\u5bfc\u51fa\u540e\u6539\u8fc7\uff09", None))
        ___qtablewidgetitem22 = self.conflicts_table.horizontalHeaderItem(5)
        ___qtablewidgetitem22.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u56de\u6536\u8868\u4e2d", None))
        ___qtablewidgetitem23 = self.conflicts_table.horizontalHeaderItem(6)
        ___qtablewidgetitem23.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u6587\u4ef6\u4e0e\u884c", None))
        self.tabs.setTabText(self.tabs.indexOf(self.conflicts_page), QCoreApplication.translate("ReturnsImportDialog", u"\u51b2\u7a81", None))
        ___qtablewidgetitem24 = self.warnings_table.horizontalHeaderItem(0)
        ___qtablewidgetitem24.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u6587\u4ef6", None))
        ___qtablewidgetitem25 = self.warnings_table.horizontalHeaderItem(1)
        ___qtablewidgetitem25.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u5de5\u4f5c\u8868", None))
        ___qtablewidgetitem26 = self.warnings_table.horizontalHeaderItem(2)
        ___qtablewidgetitem26.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u884c", None))
        ___qtablewidgetitem27 = self.warnings_table.horizontalHeaderItem(3)
        ___qtablewidgetitem27.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u5217", None))
        ___qtablewidgetitem28 = self.warnings_table.horizontalHeaderItem(4)
        ___qtablewidgetitem28.setText(QCoreApplication.translate("ReturnsImportDialog", u"\u8bf4\u660e", None))
        self.tabs.setTabText(self.tabs.indexOf(self.warnings_page), QCoreApplication.translate("ReturnsImportDialog", u"\u63d0\u793a", None))
    # retranslateUi

