# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_keywords_dialog.ui'
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
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_PlanKeywordsDialog(object):
    def setupUi(self, PlanKeywordsDialog):
        if not PlanKeywordsDialog.objectName():
            PlanKeywordsDialog.setObjectName(u"PlanKeywordsDialog")
        PlanKeywordsDialog.resize(460, 520)
        self.layout = QVBoxLayout(PlanKeywordsDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(PlanKeywordsDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.table = QTableWidget(PlanKeywordsDialog)
        if (self.table.columnCount() < 2):
            self.table.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.table.setObjectName(u"table")
        self.table.horizontalHeader().setStretchLastSection(True)

        self.layout.addWidget(self.table)

        self.row_buttons = QHBoxLayout()
        self.row_buttons.setObjectName(u"row_buttons")
        self.add_button = QPushButton(PlanKeywordsDialog)
        self.add_button.setObjectName(u"add_button")

        self.row_buttons.addWidget(self.add_button)

        self.remove_button = QPushButton(PlanKeywordsDialog)
        self.remove_button.setObjectName(u"remove_button")

        self.row_buttons.addWidget(self.remove_button)

        self.row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.row_buttons.addItem(self.row_spacer)


        self.layout.addLayout(self.row_buttons)

        self.buttons = QDialogButtonBox(PlanKeywordsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

        self.layout.setStretch(1, 1)

        self.retranslateUi(PlanKeywordsDialog)

        QMetaObject.connectSlotsByName(PlanKeywordsDialog)
    # setupUi

    def retranslateUi(self, PlanKeywordsDialog):
        PlanKeywordsDialog.setWindowTitle(QCoreApplication.translate("PlanKeywordsDialog", u"\u7275\u5934\u80a1\u5ba4\u5173\u952e\u8bcd\u8868", None))
        self.intro.setText(QCoreApplication.translate("PlanKeywordsDialog", u"\u8981\u70b9\u7684\u6807\u9898\u6216\u6b63\u6587\u4e2d\u51fa\u73b0\u5de6\u5217\u7684\u8bcd\u65f6\uff0c\u5efa\u8bae\u7531\u53f3\u5217\u7684\u80a1\u5ba4\u7275\u5934\uff08\u6807\u9898\u4e2d\u7684\u8bcd\u5206\u91cf\u66f4\u91cd\uff09\u3002\u5efa\u8bae\u987b\u7ecf\u786e\u8ba4\u624d\u4f1a\u5199\u5165\u53f0\u8d26\u3002", None))
        ___qtablewidgetitem = self.table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("PlanKeywordsDialog", u"\u8981\u70b9\u4e2d\u51fa\u73b0\u7684\u8bcd", None))
        ___qtablewidgetitem1 = self.table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("PlanKeywordsDialog", u"\u5efa\u8bae\u7275\u5934\u80a1\u5ba4", None))
        self.add_button.setText(QCoreApplication.translate("PlanKeywordsDialog", u"\u6dfb\u52a0\u4e00\u884c", None))
        self.remove_button.setText(QCoreApplication.translate("PlanKeywordsDialog", u"\u5220\u9664\u9009\u4e2d\u884c", None))
    # retranslateUi

