# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'target_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QSizePolicy, QWidget)

class Ui_TargetDialog(object):
    def setupUi(self, TargetDialog):
        if not TargetDialog.objectName():
            TargetDialog.setObjectName(u"TargetDialog")
        TargetDialog.resize(520, 260)
        self.form = QFormLayout(TargetDialog)
        self.form.setObjectName(u"form")
        self.text_label = QLabel(TargetDialog)
        self.text_label.setObjectName(u"text_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.text_label)

        self.text_edit = QLineEdit(TargetDialog)
        self.text_edit.setObjectName(u"text_edit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.text_edit)

        self.figure_label = QLabel(TargetDialog)
        self.figure_label.setObjectName(u"figure_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.figure_label)

        self.figure_row = QHBoxLayout()
        self.figure_row.setObjectName(u"figure_row")
        self.comparator_box = QComboBox(TargetDialog)
        self.comparator_box.setObjectName(u"comparator_box")

        self.figure_row.addWidget(self.comparator_box)

        self.figure_edit = QLineEdit(TargetDialog)
        self.figure_edit.setObjectName(u"figure_edit")

        self.figure_row.addWidget(self.figure_edit)

        self.measure_edit = QLineEdit(TargetDialog)
        self.measure_edit.setObjectName(u"measure_edit")
        self.measure_edit.setMaximumWidth(90)

        self.figure_row.addWidget(self.measure_edit)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.figure_row)

        self.reporter_label = QLabel(TargetDialog)
        self.reporter_label.setObjectName(u"reporter_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reporter_label)

        self.reporter_box = QComboBox(TargetDialog)
        self.reporter_box.setObjectName(u"reporter_box")
        self.reporter_box.setEditable(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reporter_box)

        self.period_label = QLabel(TargetDialog)
        self.period_label.setObjectName(u"period_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.period_label)

        self.period_edit = QLineEdit(TargetDialog)
        self.period_edit.setObjectName(u"period_edit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.period_edit)

        self.reached_label = QLabel(TargetDialog)
        self.reached_label.setObjectName(u"reached_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reached_label)

        self.reached_edit = QLineEdit(TargetDialog)
        self.reached_edit.setObjectName(u"reached_edit")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.reached_edit)

        self.note_label = QLabel(TargetDialog)
        self.note_label.setObjectName(u"note_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_edit = QLineEdit(TargetDialog)
        self.note_edit.setObjectName(u"note_edit")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.note_edit)

        self.buttons = QDialogButtonBox(TargetDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.form.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.text_label.setBuddy(self.text_edit)
        self.figure_label.setBuddy(self.figure_edit)
        self.reporter_label.setBuddy(self.reporter_box)
        self.period_label.setBuddy(self.period_edit)
        self.reached_label.setBuddy(self.reached_edit)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TargetDialog)
        self.buttons.accepted.connect(TargetDialog.accept)
        self.buttons.rejected.connect(TargetDialog.reject)

        QMetaObject.connectSlotsByName(TargetDialog)
    # setupUi

    def retranslateUi(self, TargetDialog):
        TargetDialog.setWindowTitle(QCoreApplication.translate("TargetDialog", u"\u91cf\u5316\u6307\u6807", None))
        self.text_label.setText(QCoreApplication.translate("TargetDialog", u"\u6307\u6807\u5185\u5bb9\uff1a", None))
        self.text_edit.setPlaceholderText(QCoreApplication.translate("TargetDialog", u"\u5982 \u5b66\u524d\u4e09\u5e74\u6bdb\u5165\u56ed\u7387\u8fbe85%", None))
        self.figure_label.setText(QCoreApplication.translate("TargetDialog", u"\u76ee\u6807\u503c\uff1a", None))
        self.figure_edit.setPlaceholderText(QCoreApplication.translate("TargetDialog", u"\u6570\u5b57\uff1b\u5360\u4f4d\u7b26\uff08x\u4e2a\u3001X%\uff09\u5f85\u5b9a\u65f6\u7559\u7a7a", None))
        self.measure_edit.setPlaceholderText(QCoreApplication.translate("TargetDialog", u"\u5355\u4f4d\uff1a\u6240\u3001%", None))
        self.reporter_label.setText(QCoreApplication.translate("TargetDialog", u"\u586b\u62a5\u5355\u4f4d\uff1a", None))
        self.period_label.setText(QCoreApplication.translate("TargetDialog", u"\u62a5\u9001\u5468\u671f\uff1a", None))
        self.period_edit.setPlaceholderText(QCoreApplication.translate("TargetDialog", u"\u5982 2025-H1\u30012025-06\u30012025", None))
        self.reached_label.setText(QCoreApplication.translate("TargetDialog", u"\u5b8c\u6210\u503c\uff1a", None))
        self.note_label.setText(QCoreApplication.translate("TargetDialog", u"\u8bf4\u660e\uff1a", None))
        self.note_edit.setPlaceholderText(QCoreApplication.translate("TargetDialog", u"\u5982\u672a\u8fbe\u6210\u7684\u539f\u56e0", None))
    # retranslateUi

