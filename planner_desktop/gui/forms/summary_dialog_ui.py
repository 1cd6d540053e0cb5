# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'summary_dialog.ui'
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
    QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_SummaryDialog(object):
    def setupUi(self, SummaryDialog):
        if not SummaryDialog.objectName():
            SummaryDialog.setObjectName(u"SummaryDialog")
        SummaryDialog.resize(820, 620)
        self.layout = QVBoxLayout(SummaryDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.plan_label = QLabel(SummaryDialog)
        self.plan_label.setObjectName(u"plan_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.plan_label)

        self.plan_box = QComboBox(SummaryDialog)
        self.plan_box.setObjectName(u"plan_box")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.plan_box)

        self.period_label = QLabel(SummaryDialog)
        self.period_label.setObjectName(u"period_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.period_label)

        self.period_row = QHBoxLayout()
        self.period_row.setObjectName(u"period_row")
        self.period_box = QComboBox(SummaryDialog)
        self.period_box.setObjectName(u"period_box")

        self.period_row.addWidget(self.period_box)

        self.from_date = QDateEdit(SummaryDialog)
        self.from_date.setObjectName(u"from_date")
        self.from_date.setCalendarPopup(True)

        self.period_row.addWidget(self.from_date)

        self.to_label = QLabel(SummaryDialog)
        self.to_label.setObjectName(u"to_label")

        self.period_row.addWidget(self.to_label)

        self.to_date = QDateEdit(SummaryDialog)
        self.to_date.setObjectName(u"to_date")
        self.to_date.setCalendarPopup(True)

        self.period_row.addWidget(self.to_date)

        self.period_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.period_row.addItem(self.period_spacer)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.period_row)

        self.unit_label = QLabel(SummaryDialog)
        self.unit_label.setObjectName(u"unit_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.unit_label)

        self.unit_box = QComboBox(SummaryDialog)
        self.unit_box.setObjectName(u"unit_box")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.unit_box)


        self.layout.addLayout(self.form)

        self.preview = QPlainTextEdit(SummaryDialog)
        self.preview.setObjectName(u"preview")
        self.preview.setReadOnly(True)

        self.layout.addWidget(self.preview)

        self.status = QLabel(SummaryDialog)
        self.status.setObjectName(u"status")
        self.status.setWordWrap(True)

        self.layout.addWidget(self.status)

        self.buttons_row = QHBoxLayout()
        self.buttons_row.setObjectName(u"buttons_row")
        self.refresh_button = QPushButton(SummaryDialog)
        self.refresh_button.setObjectName(u"refresh_button")

        self.buttons_row.addWidget(self.refresh_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_row.addItem(self.buttons_spacer)

        self.copy_button = QPushButton(SummaryDialog)
        self.copy_button.setObjectName(u"copy_button")

        self.buttons_row.addWidget(self.copy_button)

        self.save_button = QPushButton(SummaryDialog)
        self.save_button.setObjectName(u"save_button")

        self.buttons_row.addWidget(self.save_button)

        self.close_button = QPushButton(SummaryDialog)
        self.close_button.setObjectName(u"close_button")

        self.buttons_row.addWidget(self.close_button)


        self.layout.addLayout(self.buttons_row)

#if QT_CONFIG(shortcut)
        self.plan_label.setBuddy(self.plan_box)
        self.period_label.setBuddy(self.period_box)
        self.unit_label.setBuddy(self.unit_box)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SummaryDialog)
        self.close_button.clicked.connect(SummaryDialog.reject)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(SummaryDialog)
    # setupUi

    def retranslateUi(self, SummaryDialog):
        SummaryDialog.setWindowTitle(QCoreApplication.translate("SummaryDialog", u"\u5de5\u4f5c\u603b\u7ed3\uff08\u521d\u7a3f\uff09", None))
        self.plan_label.setText(QCoreApplication.translate("SummaryDialog", u"\u8ba1\u5212\uff1a", None))
        self.period_label.setText(QCoreApplication.translate("SummaryDialog", u"\u65f6\u6bb5\uff1a", None))
        self.from_date.setDisplayFormat(QCoreApplication.translate("SummaryDialog", u"yyyy-MM-dd", None))
        self.to_label.setText(QCoreApplication.translate("SummaryDialog", u"\u81f3", None))
        self.to_date.setDisplayFormat(QCoreApplication.translate("SummaryDialog", u"yyyy-MM-dd", None))
        self.unit_label.setText(QCoreApplication.translate("SummaryDialog", u"\u5355\u4f4d\uff1a", None))
#if QT_CONFIG(tooltip)
        self.unit_box.setToolTip(QCoreApplication.translate("SummaryDialog", u"\u5168\u90e8\u5355\u4f4d\uff1a\u5168\u5c40\u7684\u5de5\u4f5c\u603b\u7ed3\uff1b\u9009\u4e00\u4e2a\u80a1\u5ba4\uff1a\u8be5\u80a1\u5ba4\u81ea\u5df1\u7684\u5de5\u4f5c\u603b\u7ed3", None))
#endif // QT_CONFIG(tooltip)
        self.preview.setPlaceholderText(QCoreApplication.translate("SummaryDialog", u"\u9009\u597d\u8ba1\u5212\u3001\u65f6\u6bb5\u548c\u5355\u4f4d\u540e\uff0c\u8fd9\u91cc\u663e\u793a\u603b\u7ed3\u521d\u7a3f\u7684\u5168\u6587\u3002", None))
        self.refresh_button.setText(QCoreApplication.translate("SummaryDialog", u"\u91cd\u65b0\u751f\u6210\u9884\u89c8", None))
        self.copy_button.setText(QCoreApplication.translate("SummaryDialog", u"\u590d\u5236\u4e3a\u7eaf\u6587\u672c", None))
        self.save_button.setText(QCoreApplication.translate("SummaryDialog", u"\u4fdd\u5b58\u4e3a Word \u6587\u6863\u2026", None))
        self.close_button.setText(QCoreApplication.translate("SummaryDialog", u"\u5173\u95ed", None))
    # retranslateUi

