# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpinBox, QTabWidget, QTableWidget, QTableWidgetItem,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from planner_desktop.gui.unknown_units import UnknownUnitsTable

class Ui_ImportTasksDialog(object):
    def setupUi(self, ImportTasksDialog):
        if not ImportTasksDialog.objectName():
            ImportTasksDialog.setObjectName(u"ImportTasksDialog")
        ImportTasksDialog.resize(1100, 720)
        self.layout = QVBoxLayout(ImportTasksDialog)
        self.layout.setObjectName(u"layout")
        self.top = QFormLayout()
        self.top.setObjectName(u"top")
        self.file_caption = QLabel(ImportTasksDialog)
        self.file_caption.setObjectName(u"file_caption")

        self.top.setWidget(0, QFormLayout.ItemRole.LabelRole, self.file_caption)

        self.file_row = QHBoxLayout()
        self.file_row.setObjectName(u"file_row")
        self.file_label = QLabel(ImportTasksDialog)
        self.file_label.setObjectName(u"file_label")

        self.file_row.addWidget(self.file_label)

        self.choose_button = QPushButton(ImportTasksDialog)
        self.choose_button.setObjectName(u"choose_button")

        self.file_row.addWidget(self.choose_button)

        self.file_row.setStretch(0, 1)

        self.top.setLayout(0, QFormLayout.ItemRole.FieldRole, self.file_row)

        self.title_label = QLabel(ImportTasksDialog)
        self.title_label.setObjectName(u"title_label")

        self.top.setWidget(1, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(ImportTasksDialog)
        self.title_edit.setObjectName(u"title_edit")

        self.top.setWidget(1, QFormLayout.ItemRole.FieldRole, self.title_edit)

        self.year_label = QLabel(ImportTasksDialog)
        self.year_label.setObjectName(u"year_label")

        self.top.setWidget(2, QFormLayout.ItemRole.LabelRole, self.year_label)

        self.year_spin = QSpinBox(ImportTasksDialog)
        self.year_spin.setObjectName(u"year_spin")
        self.year_spin.setMinimum(2000)
        self.year_spin.setMaximum(2100)

        self.top.setWidget(2, QFormLayout.ItemRole.FieldRole, self.year_spin)

        self.target_label = QLabel(ImportTasksDialog)
        self.target_label.setObjectName(u"target_label")

        self.top.setWidget(3, QFormLayout.ItemRole.LabelRole, self.target_label)

        self.target_combo = QComboBox(ImportTasksDialog)
        self.target_combo.setObjectName(u"target_combo")
        self.target_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.target_combo.setMinimumContentsLength(40)

        self.top.setWidget(3, QFormLayout.ItemRole.FieldRole, self.target_combo)


        self.layout.addLayout(self.top)

        self.summary = QLabel(ImportTasksDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)

        self.layout.addWidget(self.summary)

        self.update_panel = QWidget(ImportTasksDialog)
        self.update_panel.setObjectName(u"update_panel")
        self.update_layout = QVBoxLayout(self.update_panel)
        self.update_layout.setObjectName(u"update_layout")
        self.update_layout.setContentsMargins(0, 0, 0, 0)
        self.update_label = QLabel(self.update_panel)
        self.update_label.setObjectName(u"update_label")
        self.update_label.setWordWrap(True)

        self.update_layout.addWidget(self.update_label)


        self.layout.addWidget(self.update_panel)

        self.tabs = QTabWidget(ImportTasksDialog)
        self.tabs.setObjectName(u"tabs")
        self.tree_page = QWidget()
        self.tree_page.setObjectName(u"tree_page")
        self.tree_layout = QVBoxLayout(self.tree_page)
        self.tree_layout.setObjectName(u"tree_layout")
        self.tree = QTreeWidget(self.tree_page)
        self.tree.setObjectName(u"tree")

        self.tree_layout.addWidget(self.tree)

        self.tabs.addTab(self.tree_page, "")
        self.mapping_page = QWidget()
        self.mapping_page.setObjectName(u"mapping_page")
        self.mapping_layout = QVBoxLayout(self.mapping_page)
        self.mapping_layout.setObjectName(u"mapping_layout")
        self.sheet_combo = QComboBox(self.mapping_page)
        self.sheet_combo.setObjectName(u"sheet_combo")

        self.mapping_layout.addWidget(self.sheet_combo)

        self.category_row = QHBoxLayout()
        self.category_row.setObjectName(u"category_row")
        self.category_label = QLabel(self.mapping_page)
        self.category_label.setObjectName(u"category_label")

        self.category_row.addWidget(self.category_label)

        self.category_combo = QComboBox(self.mapping_page)
        self.category_combo.setObjectName(u"category_combo")

        self.category_row.addWidget(self.category_combo)

        self.category_row.setStretch(1, 1)

        self.mapping_layout.addLayout(self.category_row)

        self.mapping_table = QTableWidget(self.mapping_page)
        if (self.mapping_table.columnCount() < 3):
            self.mapping_table.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.mapping_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.mapping_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.mapping_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.mapping_table.setObjectName(u"mapping_table")
        self.mapping_table.horizontalHeader().setStretchLastSection(False)

        self.mapping_layout.addWidget(self.mapping_table)

        self.tabs.addTab(self.mapping_page, "")
        self.warnings_page = QWidget()
        self.warnings_page.setObjectName(u"warnings_page")
        self.warnings_layout = QVBoxLayout(self.warnings_page)
        self.warnings_layout.setObjectName(u"warnings_layout")
        self.warnings_table = QTableWidget(self.warnings_page)
        if (self.warnings_table.columnCount() < 4):
            self.warnings_table.setColumnCount(4)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.warnings_table.setHorizontalHeaderItem(0, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.warnings_table.setHorizontalHeaderItem(1, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.warnings_table.setHorizontalHeaderItem(2, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.warnings_table.setHorizontalHeaderItem(3, __qtablewidgetitem6)
        self.warnings_table.setObjectName(u"warnings_table")
        self.warnings_table.horizontalHeader().setStretchLastSection(True)

        self.warnings_layout.addWidget(self.warnings_table)

        self.tabs.addTab(self.warnings_page, "")
        self.units_page = QWidget()
        self.units_page.setObjectName(u"units_page")
        self.units_layout = QVBoxLayout(self.units_page)
        self.units_layout.setObjectName(u"units_layout")
        self.units_table = UnknownUnitsTable(self.units_page)
        self.units_table.setObjectName(u"units_table")

        self.units_layout.addWidget(self.units_table)

        self.tabs.addTab(self.units_page, "")

        self.layout.addWidget(self.tabs)

        self.buttons = QDialogButtonBox(ImportTasksDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

        self.layout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title_edit)
        self.year_label.setBuddy(self.year_spin)
        self.target_label.setBuddy(self.target_combo)
        self.category_label.setBuddy(self.category_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportTasksDialog)

        QMetaObject.connectSlotsByName(ImportTasksDialog)
    # setupUi

    def retranslateUi(self, ImportTasksDialog):
        ImportTasksDialog.setWindowTitle(QCoreApplication.translate("ImportTasksDialog", u"\u5bfc\u5165\u4efb\u52a1\u8868", None))
        self.file_caption.setText(QCoreApplication.translate("ImportTasksDialog", u"\u6587\u4ef6\uff1a", None))
        self.file_label.setText(QCoreApplication.translate("ImportTasksDialog", u"\u5c1a\u672a\u9009\u62e9\u6587\u4ef6", None))
        self.choose_button.setText(QCoreApplication.translate("ImportTasksDialog", u"\u9009\u62e9\u6587\u4ef6\u2026", None))
        self.title_label.setText(QCoreApplication.translate("ImportTasksDialog", u"\u8ba1\u5212\u6807\u9898\uff1a", None))
        self.year_label.setText(QCoreApplication.translate("ImportTasksDialog", u"\u8ba1\u5212\u5e74\u5ea6\uff1a", None))
        self.target_label.setText(QCoreApplication.translate("ImportTasksDialog", u"\u5bfc\u5165\u5230\uff1a", None))
#if QT_CONFIG(tooltip)
        self.target_combo.setToolTip(QCoreApplication.translate("ImportTasksDialog", u"\u4e0e\u8fd9\u4efd\u6587\u4ef6\u540c\u5c5e\u4e00\u4e2a\u8ba1\u5212\u7684\u5df2\u6709\u8ba1\u5212\uff08\u5e74\u5ea6\u548c\u6807\u9898\u76f8\u7b26\uff09\u9ed8\u8ba4\u9009\u4e2d\uff1b\u4e5f\u53ef\u4f5c\u4e3a\u65b0\u8ba1\u5212\u5bfc\u5165", None))
#endif // QT_CONFIG(tooltip)
        ___qtreewidgetitem = self.tree.headerItem()
        ___qtreewidgetitem.setText(7, QCoreApplication.translate("ImportTasksDialog", u"\u5bf9\u7167", None))
        ___qtreewidgetitem.setText(6, QCoreApplication.translate("ImportTasksDialog", u"\u5230\u671f\u65e5", None))
        ___qtreewidgetitem.setText(5, QCoreApplication.translate("ImportTasksDialog", u"\u5b8c\u6210\u65f6\u9650", None))
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("ImportTasksDialog", u"\u5b66\u6821", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("ImportTasksDialog", u"\u914d\u5408", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("ImportTasksDialog", u"\u7275\u5934", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ImportTasksDialog", u"\u8981\u70b9 / \u4efb\u52a1", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ImportTasksDialog", u"\u7f16\u53f7", None))
        self.tabs.setTabText(self.tabs.indexOf(self.tree_page), QCoreApplication.translate("ImportTasksDialog", u"\u8981\u70b9\u9884\u89c8", None))
        self.category_label.setText(QCoreApplication.translate("ImportTasksDialog", u"\u7c7b\u522b\u6765\u81ea\uff1a", None))
#if QT_CONFIG(tooltip)
        self.category_combo.setToolTip(QCoreApplication.translate("ImportTasksDialog", u"\u5206\u7c7b\uff08\u4e00\u3001\uff08\u4e00\uff09\u7b49\uff09\u4ece\u54ea\u91cc\u8bfb\uff1a\u8bc6\u522b\u9519\u4e86\u5c31\u5728\u8fd9\u91cc\u6539\uff0c\u76f8\u540c\u8868\u5934\u7684\u8868\u4e0b\u6b21\u7167\u6b64\u8bfb\u53d6", None))
#endif // QT_CONFIG(tooltip)
        ___qtablewidgetitem = self.mapping_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ImportTasksDialog", u"\u5217", None))
        ___qtablewidgetitem1 = self.mapping_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ImportTasksDialog", u"\u8868\u5934", None))
        ___qtablewidgetitem2 = self.mapping_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ImportTasksDialog", u"\u5bfc\u5165\u4e3a", None))
        self.tabs.setTabText(self.tabs.indexOf(self.mapping_page), QCoreApplication.translate("ImportTasksDialog", u"\u5217\u6620\u5c04", None))
        ___qtablewidgetitem3 = self.warnings_table.horizontalHeaderItem(0)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ImportTasksDialog", u"\u5de5\u4f5c\u8868", None))
        ___qtablewidgetitem4 = self.warnings_table.horizontalHeaderItem(1)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("ImportTasksDialog", u"\u884c", None))
        ___qtablewidgetitem5 = self.warnings_table.horizontalHeaderItem(2)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("ImportTasksDialog", u"\u5217", None))
        ___qtablewidgetitem6 = self.warnings_table.horizontalHeaderItem(3)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("ImportTasksDialog", u"\u8bf4\u660e", None))
        self.tabs.setTabText(self.tabs.indexOf(self.warnings_page), QCoreApplication.translate("ImportTasksDialog", u"\u63d0\u793a", None))
        self.tabs.setTabText(self.tabs.indexOf(self.units_page), QCoreApplication.translate("ImportTasksDialog", u"\u672a\u8bc6\u522b\u7684\u5355\u4f4d", None))
    # retranslateUi

