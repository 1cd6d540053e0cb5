# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'units_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTabWidget, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_UnitsDialog(object):
    def setupUi(self, UnitsDialog):
        if not UnitsDialog.objectName():
            UnitsDialog.setObjectName(u"UnitsDialog")
        UnitsDialog.resize(980, 620)
        self.layout = QVBoxLayout(UnitsDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(UnitsDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.tabs = QTabWidget(UnitsDialog)
        self.tabs.setObjectName(u"tabs")
        self.units_page = QWidget()
        self.units_page.setObjectName(u"units_page")
        self.units_layout = QVBoxLayout(self.units_page)
        self.units_layout.setObjectName(u"units_layout")
        self.units = QTableWidget(self.units_page)
        self.units.setObjectName(u"units")
        self.units.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.units.verticalHeader().setVisible(False)

        self.units_layout.addWidget(self.units)

        self.tabs.addTab(self.units_page, "")
        self.groups_page = QWidget()
        self.groups_page.setObjectName(u"groups_page")
        self.groups_layout = QVBoxLayout(self.groups_page)
        self.groups_layout.setObjectName(u"groups_layout")
        self.groups = QTableWidget(self.groups_page)
        if (self.groups.columnCount() < 3):
            self.groups.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.groups.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.groups.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.groups.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.groups.setObjectName(u"groups")
        self.groups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.groups.horizontalHeader().setStretchLastSection(True)

        self.groups_layout.addWidget(self.groups)

        self.tabs.addTab(self.groups_page, "")

        self.layout.addWidget(self.tabs)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.import_button = QPushButton(UnitsDialog)
        self.import_button.setObjectName(u"import_button")

        self.buttons.addWidget(self.import_button)

        self.alias_button = QPushButton(UnitsDialog)
        self.alias_button.setObjectName(u"alias_button")

        self.buttons.addWidget(self.alias_button)

        self.merge_button = QPushButton(UnitsDialog)
        self.merge_button.setObjectName(u"merge_button")

        self.buttons.addWidget(self.merge_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttons_spacer)

        self.close_button = QPushButton(UnitsDialog)
        self.close_button.setObjectName(u"close_button")

        self.buttons.addWidget(self.close_button)


        self.layout.addLayout(self.buttons)

        self.layout.setStretch(1, 1)

        self.retranslateUi(UnitsDialog)
        self.close_button.clicked.connect(UnitsDialog.reject)

        QMetaObject.connectSlotsByName(UnitsDialog)
    # setupUi

    def retranslateUi(self, UnitsDialog):
        UnitsDialog.setWindowTitle(QCoreApplication.translate("UnitsDialog", u"\u5355\u4f4d\u7ba1\u7406", None))
        self.intro.setText(QCoreApplication.translate("UnitsDialog", u"\u5b66\u6bb5\u3001\u4e61\u9547\u3001\u8054\u7cfb\u4eba\u548c\u7535\u8bdd\u53ef\u76f4\u63a5\u5728\u8868\u683c\u4e2d\u4fee\u6539\u3002\u6807\u4e3a\u201c\u5f85\u6838\u5b9e\u201d\u7684\u5355\u4f4d\u662f\u5bfc\u5165\u65f6\u65b0\u5efa\u7684\uff0c\u8bf7\u6838\u5b9e\u540e\u5408\u5e76\u6216\u8865\u5168\u3002", None))
        self.tabs.setTabText(self.tabs.indexOf(self.units_page), QCoreApplication.translate("UnitsDialog", u"\u80a1\u5ba4\u4e0e\u5b66\u6821", None))
        ___qtablewidgetitem = self.groups.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("UnitsDialog", u"\u5355\u4f4d\u7ec4", None))
        ___qtablewidgetitem1 = self.groups.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("UnitsDialog", u"\u6309", None))
        ___qtablewidgetitem2 = self.groups.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("UnitsDialog", u"\u53d6\u503c", None))
        self.tabs.setTabText(self.tabs.indexOf(self.groups_page), QCoreApplication.translate("UnitsDialog", u"\u5355\u4f4d\u7ec4", None))
        self.import_button.setText(QCoreApplication.translate("UnitsDialog", u"\u5bfc\u5165\u5355\u4f4d\u540d\u518c\u2026", None))
        self.alias_button.setText(QCoreApplication.translate("UnitsDialog", u"\u6dfb\u52a0\u7b80\u79f0\u2026", None))
        self.merge_button.setText(QCoreApplication.translate("UnitsDialog", u"\u5408\u5e76\u5355\u4f4d\u2026", None))
        self.close_button.setText(QCoreApplication.translate("UnitsDialog", u"\u5173\u95ed", None))
    # retranslateUi

