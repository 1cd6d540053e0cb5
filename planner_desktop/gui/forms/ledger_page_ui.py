# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'ledger_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDateEdit,
    QFrame, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from planner_desktop.gui.ledger_columns import LedgerTableView

class Ui_LedgerPage(object):
    def setupUi(self, LedgerPage):
        if not LedgerPage.objectName():
            LedgerPage.setObjectName(u"LedgerPage")
        LedgerPage.resize(720, 600)
        self.layout = QVBoxLayout(LedgerPage)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(2, 2, 2, 2)
        self.banner = QFrame(LedgerPage)
        self.banner.setObjectName(u"banner")
        self.banner.setStyleSheet(u"QFrame { background: #fff8e1; border: 1px solid #f0d58c; }")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner_layout = QHBoxLayout(self.banner)
        self.banner_layout.setObjectName(u"banner_layout")
        self.banner_layout.setContentsMargins(8, 4, 8, 4)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setObjectName(u"banner_text")

        self.banner_layout.addWidget(self.banner_text)

        self.banner_button = QPushButton(self.banner)
        self.banner_button.setObjectName(u"banner_button")

        self.banner_layout.addWidget(self.banner_button)

        self.banner_close = QPushButton(self.banner)
        self.banner_close.setObjectName(u"banner_close")

        self.banner_layout.addWidget(self.banner_close)

        self.banner_layout.setStretch(0, 1)

        self.layout.addWidget(self.banner)

        self.bar = QHBoxLayout()
        self.bar.setObjectName(u"bar")
        self.search = QLineEdit(LedgerPage)
        self.search.setObjectName(u"search")
        self.search.setMinimumSize(QSize(200, 0))
        self.search.setClearButtonEnabled(True)

        self.bar.addWidget(self.search)

        self.granularity_box = QComboBox(LedgerPage)
        self.granularity_box.setObjectName(u"granularity_box")

        self.bar.addWidget(self.granularity_box)

        self.bar.setStretch(0, 1)

        self.layout.addLayout(self.bar)

        self.filters = QHBoxLayout()
        self.filters.setObjectName(u"filters")
        self.status_box = QComboBox(LedgerPage)
        self.status_box.setObjectName(u"status_box")

        self.filters.addWidget(self.status_box)

        self.light_box = QComboBox(LedgerPage)
        self.light_box.setObjectName(u"light_box")

        self.filters.addWidget(self.light_box)

        self.due_label = QLabel(LedgerPage)
        self.due_label.setObjectName(u"due_label")

        self.filters.addWidget(self.due_label)

        self.due_from = QDateEdit(LedgerPage)
        self.due_from.setObjectName(u"due_from")
        self.due_from.setMinimumSize(QSize(110, 0))
        self.due_from.setMaximumSize(QSize(110, 16777215))
        self.due_from.setMinimumDate(QDate(2000, 1, 1))
        self.due_from.setDate(QDate(2000, 1, 1))
        self.due_from.setCalendarPopup(True)

        self.filters.addWidget(self.due_from)

        self.due_dash = QLabel(LedgerPage)
        self.due_dash.setObjectName(u"due_dash")

        self.filters.addWidget(self.due_dash)

        self.due_to = QDateEdit(LedgerPage)
        self.due_to.setObjectName(u"due_to")
        self.due_to.setMinimumSize(QSize(110, 0))
        self.due_to.setMaximumSize(QSize(110, 16777215))
        self.due_to.setMinimumDate(QDate(2000, 1, 1))
        self.due_to.setDate(QDate(2000, 1, 1))
        self.due_to.setCalendarPopup(True)

        self.filters.addWidget(self.due_to)

        self.filters_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filters.addItem(self.filters_spacer)


        self.layout.addLayout(self.filters)

        self.table = LedgerTableView(LedgerPage)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)

        self.layout.addWidget(self.table)

        self.layout.setStretch(3, 1)

        self.retranslateUi(LedgerPage)
        self.banner_close.clicked.connect(self.banner.hide)

        QMetaObject.connectSlotsByName(LedgerPage)
    # setupUi

    def retranslateUi(self, LedgerPage):
        self.banner_button.setText(QCoreApplication.translate("LedgerPage", u"\u67e5\u770b", None))
        self.banner_close.setText(QCoreApplication.translate("LedgerPage", u"\u77e5\u9053\u4e86", None))
        self.search.setPlaceholderText(QCoreApplication.translate("LedgerPage", u"\u8f93\u5165\u5173\u952e\u5b57\u7b5b\u9009\uff1a\u7f16\u53f7\u3001\u8981\u70b9\u3001\u5355\u4f4d\u3001\u8fdb\u5c55\u2026\uff08Ctrl+F\uff09", None))
        self.due_label.setText(QCoreApplication.translate("LedgerPage", u"\u5230\u671f\uff1a", None))
        self.due_from.setSpecialValueText(QCoreApplication.translate("LedgerPage", u"\u4e0d\u9650", None))
        self.due_from.setDisplayFormat(QCoreApplication.translate("LedgerPage", u"yyyy-MM-dd", None))
        self.due_dash.setText(QCoreApplication.translate("LedgerPage", u"\u2014", None))
        self.due_to.setSpecialValueText(QCoreApplication.translate("LedgerPage", u"\u4e0d\u9650", None))
        self.due_to.setDisplayFormat(QCoreApplication.translate("LedgerPage", u"yyyy-MM-dd", None))
        pass
    # retranslateUi

