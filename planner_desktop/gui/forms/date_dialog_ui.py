# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'date_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QWidget)

class Ui_DateDialog(object):
    def setupUi(self, DateDialog):
        if not DateDialog.objectName():
            DateDialog.setObjectName(u"DateDialog")
        self.form = QFormLayout(DateDialog)
        self.form.setObjectName(u"form")
        self.date_label = QLabel(DateDialog)
        self.date_label.setObjectName(u"date_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date_edit = QDateEdit(DateDialog)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.reason_label = QLabel(DateDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason = QLineEdit(DateDialog)
        self.reason.setObjectName(u"reason")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reason)

        self.approver_label = QLabel(DateDialog)
        self.approver_label.setObjectName(u"approver_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.approver_label)

        self.approver = QLineEdit(DateDialog)
        self.approver.setObjectName(u"approver")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.approver)

        self.approved_on_label = QLabel(DateDialog)
        self.approved_on_label.setObjectName(u"approved_on_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.approved_on_label)

        self.approved_on = QDateEdit(DateDialog)
        self.approved_on.setObjectName(u"approved_on")
        self.approved_on.setCalendarPopup(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.approved_on)

        self.requested_on_label = QLabel(DateDialog)
        self.requested_on_label.setObjectName(u"requested_on_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.requested_on_label)

        self.requested_on = QDateEdit(DateDialog)
        self.requested_on.setObjectName(u"requested_on")
        self.requested_on.setCalendarPopup(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.requested_on)

        self.buttons = QDialogButtonBox(DateDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.form.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.date_label.setBuddy(self.date_edit)
        self.reason_label.setBuddy(self.reason)
        self.approver_label.setBuddy(self.approver)
        self.approved_on_label.setBuddy(self.approved_on)
        self.requested_on_label.setBuddy(self.requested_on)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DateDialog)
        self.buttons.accepted.connect(DateDialog.accept)
        self.buttons.rejected.connect(DateDialog.reject)

        QMetaObject.connectSlotsByName(DateDialog)
    # setupUi

    def retranslateUi(self, DateDialog):
        DateDialog.setWindowTitle(QCoreApplication.translate("DateDialog", u"\u65e5\u671f", None))
        self.date_label.setText(QCoreApplication.translate("DateDialog", u"\u65e5\u671f\uff1a", None))
        self.date_edit.setDisplayFormat(QCoreApplication.translate("DateDialog", u"yyyy-MM-dd", None))
        self.reason_label.setText(QCoreApplication.translate("DateDialog", u"\u5ef6\u671f\u7406\u7531\uff1a", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("DateDialog", u"\u5fc5\u586b", None))
        self.approver_label.setText(QCoreApplication.translate("DateDialog", u"\u5ba1\u6279\u4eba\uff1a", None))
        self.approver.setPlaceholderText(QCoreApplication.translate("DateDialog", u"\u5fc5\u586b\uff1a\u6279\u51c6\u5ef6\u671f\u7684\u9886\u5bfc", None))
        self.approved_on_label.setText(QCoreApplication.translate("DateDialog", u"\u5ba1\u6279\u65e5\u671f\uff1a", None))
        self.approved_on.setDisplayFormat(QCoreApplication.translate("DateDialog", u"yyyy-MM-dd", None))
        self.requested_on_label.setText(QCoreApplication.translate("DateDialog", u"\u7533\u8bf7\u65e5\u671f\uff1a", None))
        self.requested_on.setDisplayFormat(QCoreApplication.translate("DateDialog", u"yyyy-MM-dd", None))
    # retranslateUi

