# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'merge_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QWidget)

class Ui_MergeDialog(object):
    def setupUi(self, MergeDialog):
        if not MergeDialog.objectName():
            MergeDialog.setObjectName(u"MergeDialog")
        MergeDialog.resize(460, 180)
        self.form = QFormLayout(MergeDialog)
        self.form.setObjectName(u"form")
        self.intro = QLabel(MergeDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.form.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.intro)

        self.keep_label = QLabel(MergeDialog)
        self.keep_label.setObjectName(u"keep_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.keep_label)

        self.keep = QComboBox(MergeDialog)
        self.keep.setObjectName(u"keep")
        self.keep.setEditable(True)
        self.keep.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.keep)

        self.drop_label = QLabel(MergeDialog)
        self.drop_label.setObjectName(u"drop_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.drop_label)

        self.drop = QComboBox(MergeDialog)
        self.drop.setObjectName(u"drop")
        self.drop.setEditable(True)
        self.drop.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.drop)

        self.buttons = QDialogButtonBox(MergeDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.form.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.buttons)


        self.retranslateUi(MergeDialog)
        self.buttons.accepted.connect(MergeDialog.accept)
        self.buttons.rejected.connect(MergeDialog.reject)

        QMetaObject.connectSlotsByName(MergeDialog)
    # setupUi

    def retranslateUi(self, MergeDialog):
        MergeDialog.setWindowTitle(QCoreApplication.translate("MergeDialog", u"\u5408\u5e76\u5355\u4f4d", None))
        self.intro.setText(QCoreApplication.translate("MergeDialog", u"\u628a\u201c\u5e76\u5165\u7684\u5355\u4f4d\u201d\u7684\u5168\u90e8\u4efb\u52a1\u3001\u8fdb\u5c55\u548c\u4f50\u8bc1\u6750\u6599\u79fb\u5230\u201c\u4fdd\u7559\u7684\u5355\u4f4d\u201d\uff0c\u5e76\u628a\u5b83\u7684\u540d\u79f0\u8bb0\u4e3a\u7b80\u79f0\u3002\u5408\u5e76\u524d\u4f1a\u81ea\u52a8\u5907\u4efd\u8d26\u672c\u3002", None))
        self.keep_label.setText(QCoreApplication.translate("MergeDialog", u"\u4fdd\u7559\u7684\u5355\u4f4d\uff1a", None))
        self.drop_label.setText(QCoreApplication.translate("MergeDialog", u"\u5e76\u5165\u7684\u5355\u4f4d\uff1a", None))
    # retranslateUi

