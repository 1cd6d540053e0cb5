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

        self.buttons = QDialogButtonBox(DateDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.form.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.date_label.setBuddy(self.date_edit)
        self.reason_label.setBuddy(self.reason)
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
    # retranslateUi

