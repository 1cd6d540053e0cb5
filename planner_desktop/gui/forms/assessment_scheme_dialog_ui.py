# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'assessment_scheme_dialog.ui'
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
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_AssessmentSchemeDialog(object):
    def setupUi(self, AssessmentSchemeDialog):
        if not AssessmentSchemeDialog.objectName():
            AssessmentSchemeDialog.setObjectName(u"AssessmentSchemeDialog")
        AssessmentSchemeDialog.resize(560, 460)
        self.layout = QVBoxLayout(AssessmentSchemeDialog)
        self.layout.setObjectName(u"layout")
        self.totals = QHBoxLayout()
        self.totals.setObjectName(u"totals")
        self.base_label = QLabel(AssessmentSchemeDialog)
        self.base_label.setObjectName(u"base_label")

        self.totals.addWidget(self.base_label)

        self.base = QLineEdit(AssessmentSchemeDialog)
        self.base.setObjectName(u"base")

        self.totals.addWidget(self.base)

        self.floor_label = QLabel(AssessmentSchemeDialog)
        self.floor_label.setObjectName(u"floor_label")

        self.totals.addWidget(self.floor_label)

        self.floor = QLineEdit(AssessmentSchemeDialog)
        self.floor.setObjectName(u"floor")

        self.totals.addWidget(self.floor)

        self.totals_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.totals.addItem(self.totals_spacer)


        self.layout.addLayout(self.totals)

        self.rules = QTableWidget(AssessmentSchemeDialog)
        self.rules.setObjectName(u"rules")
        self.rules.setAlternatingRowColors(True)

        self.layout.addWidget(self.rules)

        self.hint = QLabel(AssessmentSchemeDialog)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)

        self.layout.addWidget(self.hint)

        self.status = QLabel(AssessmentSchemeDialog)
        self.status.setObjectName(u"status")
        self.status.setWordWrap(True)

        self.layout.addWidget(self.status)

        self.actions = QHBoxLayout()
        self.actions.setObjectName(u"actions")
        self.defaults_button = QPushButton(AssessmentSchemeDialog)
        self.defaults_button.setObjectName(u"defaults_button")

        self.actions.addWidget(self.defaults_button)

        self.actions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions.addItem(self.actions_spacer)

        self.buttons = QDialogButtonBox(AssessmentSchemeDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.actions.addWidget(self.buttons)


        self.layout.addLayout(self.actions)

#if QT_CONFIG(shortcut)
        self.base_label.setBuddy(self.base)
        self.floor_label.setBuddy(self.floor)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AssessmentSchemeDialog)
        self.buttons.rejected.connect(AssessmentSchemeDialog.reject)

        QMetaObject.connectSlotsByName(AssessmentSchemeDialog)
    # setupUi

    def retranslateUi(self, AssessmentSchemeDialog):
        AssessmentSchemeDialog.setWindowTitle(QCoreApplication.translate("AssessmentSchemeDialog", u"\u8bc4\u5206\u89c4\u5219", None))
        self.base_label.setText(QCoreApplication.translate("AssessmentSchemeDialog", u"\u57fa\u7840\u5206\uff1a", None))
        self.floor_label.setText(QCoreApplication.translate("AssessmentSchemeDialog", u"\u6700\u4f4e\u5206\uff1a", None))
        self.hint.setText(QCoreApplication.translate("AssessmentSchemeDialog", u"\u5206\u503c\u4e3a\u6bcf\u6b21\uff08\u6bcf\u9879\uff09\u52a0\u51cf\u7684\u5206\u6570\uff1a\u6263\u5206\u5199\u8d1f\u6570\uff08\u5982 -2\uff09\uff0c\u52a0\u5206\u5199\u6b63\u6570\uff08\u5982 0.5\uff09\uff0c\u4e0d\u8ba1\u5206\u5199 0\u3002", None))
        self.defaults_button.setText(QCoreApplication.translate("AssessmentSchemeDialog", u"\u6062\u590d\u9ed8\u8ba4", None))
    # retranslateUi

