# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'assessment_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QDialog,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_AssessmentDialog(object):
    def setupUi(self, AssessmentDialog):
        if not AssessmentDialog.objectName():
            AssessmentDialog.setObjectName(u"AssessmentDialog")
        AssessmentDialog.resize(1100, 640)
        self.layout = QVBoxLayout(AssessmentDialog)
        self.layout.setObjectName(u"layout")
        self.choices = QHBoxLayout()
        self.choices.setObjectName(u"choices")
        self.period_label = QLabel(AssessmentDialog)
        self.period_label.setObjectName(u"period_label")

        self.choices.addWidget(self.period_label)

        self.preset_box = QComboBox(AssessmentDialog)
        self.preset_box.setObjectName(u"preset_box")

        self.choices.addWidget(self.preset_box)

        self.from_date = QDateEdit(AssessmentDialog)
        self.from_date.setObjectName(u"from_date")
        self.from_date.setCalendarPopup(True)

        self.choices.addWidget(self.from_date)

        self.to_label = QLabel(AssessmentDialog)
        self.to_label.setObjectName(u"to_label")

        self.choices.addWidget(self.to_label)

        self.to_date = QDateEdit(AssessmentDialog)
        self.to_date.setObjectName(u"to_date")
        self.to_date.setCalendarPopup(True)

        self.choices.addWidget(self.to_date)

        self.units_label = QLabel(AssessmentDialog)
        self.units_label.setObjectName(u"units_label")

        self.choices.addWidget(self.units_label)

        self.units_box = QComboBox(AssessmentDialog)
        self.units_box.setObjectName(u"units_box")

        self.choices.addWidget(self.units_box)

        self.choices_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.choices.addItem(self.choices_spacer)


        self.layout.addLayout(self.choices)

        self.scheme_text = QLabel(AssessmentDialog)
        self.scheme_text.setObjectName(u"scheme_text")
        self.scheme_text.setWordWrap(True)

        self.layout.addWidget(self.scheme_text)

        self.table = QTableWidget(AssessmentDialog)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)

        self.layout.addWidget(self.table)

        self.status = QLabel(AssessmentDialog)
        self.status.setObjectName(u"status")
        self.status.setWordWrap(True)

        self.layout.addWidget(self.status)

        self.actions = QHBoxLayout()
        self.actions.setObjectName(u"actions")
        self.scheme_button = QPushButton(AssessmentDialog)
        self.scheme_button.setObjectName(u"scheme_button")

        self.actions.addWidget(self.scheme_button)

        self.actions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions.addItem(self.actions_spacer)

        self.xlsx_button = QPushButton(AssessmentDialog)
        self.xlsx_button.setObjectName(u"xlsx_button")

        self.actions.addWidget(self.xlsx_button)

        self.pdf_button = QPushButton(AssessmentDialog)
        self.pdf_button.setObjectName(u"pdf_button")

        self.actions.addWidget(self.pdf_button)

        self.close_button = QPushButton(AssessmentDialog)
        self.close_button.setObjectName(u"close_button")

        self.actions.addWidget(self.close_button)


        self.layout.addLayout(self.actions)

#if QT_CONFIG(shortcut)
        self.period_label.setBuddy(self.preset_box)
        self.units_label.setBuddy(self.units_box)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AssessmentDialog)
        self.close_button.clicked.connect(AssessmentDialog.reject)

        QMetaObject.connectSlotsByName(AssessmentDialog)
    # setupUi

    def retranslateUi(self, AssessmentDialog):
        AssessmentDialog.setWindowTitle(QCoreApplication.translate("AssessmentDialog", u"\u5355\u4f4d\u8003\u6838", None))
        self.period_label.setText(QCoreApplication.translate("AssessmentDialog", u"\u65f6\u6bb5\uff1a", None))
        self.from_date.setDisplayFormat(QCoreApplication.translate("AssessmentDialog", u"yyyy-MM-dd", None))
        self.to_label.setText(QCoreApplication.translate("AssessmentDialog", u"\u81f3", None))
        self.to_date.setDisplayFormat(QCoreApplication.translate("AssessmentDialog", u"yyyy-MM-dd", None))
        self.units_label.setText(QCoreApplication.translate("AssessmentDialog", u"\u5355\u4f4d\uff1a", None))
        self.scheme_button.setText(QCoreApplication.translate("AssessmentDialog", u"\u8bc4\u5206\u89c4\u5219\u2026", None))
        self.xlsx_button.setText(QCoreApplication.translate("AssessmentDialog", u"\u5bfc\u51fa Excel\u2026", None))
        self.pdf_button.setText(QCoreApplication.translate("AssessmentDialog", u"\u5bfc\u51fa PDF\u2026", None))
        self.close_button.setText(QCoreApplication.translate("AssessmentDialog", u"\u5173\u95ed", None))
    # retranslateUi

