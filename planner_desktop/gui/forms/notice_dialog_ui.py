# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'notice_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy,
    QSplitter, QVBoxLayout, QWidget)

class Ui_NoticeDialog(object):
    def setupUi(self, NoticeDialog):
        if not NoticeDialog.objectName():
            NoticeDialog.setObjectName(u"NoticeDialog")
        NoticeDialog.resize(940, 600)
        self.layout = QVBoxLayout(NoticeDialog)
        self.layout.setObjectName(u"layout")
        self.choices = QFormLayout()
        self.choices.setObjectName(u"choices")
        self.plan_label = QLabel(NoticeDialog)
        self.plan_label.setObjectName(u"plan_label")

        self.choices.setWidget(0, QFormLayout.ItemRole.LabelRole, self.plan_label)

        self.plan_box = QComboBox(NoticeDialog)
        self.plan_box.setObjectName(u"plan_box")

        self.choices.setWidget(0, QFormLayout.ItemRole.FieldRole, self.plan_box)

        self.period_label = QLabel(NoticeDialog)
        self.period_label.setObjectName(u"period_label")

        self.choices.setWidget(1, QFormLayout.ItemRole.LabelRole, self.period_label)

        self.period_box = QComboBox(NoticeDialog)
        self.period_box.setObjectName(u"period_box")
        self.period_box.setEditable(True)

        self.choices.setWidget(1, QFormLayout.ItemRole.FieldRole, self.period_box)

        self.due_label = QLabel(NoticeDialog)
        self.due_label.setObjectName(u"due_label")

        self.choices.setWidget(2, QFormLayout.ItemRole.LabelRole, self.due_label)

        self.due_edit = QDateEdit(NoticeDialog)
        self.due_edit.setObjectName(u"due_edit")
        self.due_edit.setCalendarPopup(True)

        self.choices.setWidget(2, QFormLayout.ItemRole.FieldRole, self.due_edit)


        self.layout.addLayout(self.choices)

        self.summary_label = QLabel(NoticeDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.layout.addWidget(self.summary_label)

        self.splitter = QSplitter(NoticeDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.unit_list = QListWidget(self.splitter)
        self.unit_list.setObjectName(u"unit_list")
        self.splitter.addWidget(self.unit_list)
        self.text_view = QPlainTextEdit(self.splitter)
        self.text_view.setObjectName(u"text_view")
        self.text_view.setReadOnly(True)
        self.splitter.addWidget(self.text_view)

        self.layout.addWidget(self.splitter)

        self.output_row = QHBoxLayout()
        self.output_row.setObjectName(u"output_row")
        self.docx_box = QCheckBox(NoticeDialog)
        self.docx_box.setObjectName(u"docx_box")
        self.docx_box.setChecked(True)

        self.output_row.addWidget(self.docx_box)

        self.pdf_box = QCheckBox(NoticeDialog)
        self.pdf_box.setObjectName(u"pdf_box")
        self.pdf_box.setChecked(True)

        self.output_row.addWidget(self.pdf_box)

        self.folder_label = QLabel(NoticeDialog)
        self.folder_label.setObjectName(u"folder_label")

        self.output_row.addWidget(self.folder_label)

        self.folder_edit = QLineEdit(NoticeDialog)
        self.folder_edit.setObjectName(u"folder_edit")

        self.output_row.addWidget(self.folder_edit)

        self.browse_button = QPushButton(NoticeDialog)
        self.browse_button.setObjectName(u"browse_button")

        self.output_row.addWidget(self.browse_button)


        self.layout.addLayout(self.output_row)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.copy_button = QPushButton(NoticeDialog)
        self.copy_button.setObjectName(u"copy_button")

        self.button_row.addWidget(self.copy_button)

        self.buttons = QDialogButtonBox(NoticeDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.button_row.addWidget(self.buttons)


        self.layout.addLayout(self.button_row)

        self.layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.plan_label.setBuddy(self.plan_box)
        self.period_label.setBuddy(self.period_box)
        self.due_label.setBuddy(self.due_edit)
        self.folder_label.setBuddy(self.folder_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NoticeDialog)
        self.buttons.rejected.connect(NoticeDialog.reject)

        QMetaObject.connectSlotsByName(NoticeDialog)
    # setupUi

    def retranslateUi(self, NoticeDialog):
        NoticeDialog.setWindowTitle(QCoreApplication.translate("NoticeDialog", u"\u50ac\u529e\u901a\u77e5", None))
        self.plan_label.setText(QCoreApplication.translate("NoticeDialog", u"\u8ba1\u5212\uff1a", None))
        self.period_label.setText(QCoreApplication.translate("NoticeDialog", u"\u62a5\u9001\u5468\u671f\uff1a", None))
#if QT_CONFIG(tooltip)
        self.period_box.setToolTip(QCoreApplication.translate("NoticeDialog", u"\u5df2\u5bfc\u51fa\u586b\u62a5\u8868\u7684\u5468\u671f\uff1b\u4e5f\u53ef\u8f93\u5165\uff0c\u5982 2025-06\u30012025-Q2", None))
#endif // QT_CONFIG(tooltip)
        self.due_label.setText(QCoreApplication.translate("NoticeDialog", u"\u65b0\u7684\u62a5\u9001\u671f\u9650\uff1a", None))
        self.due_edit.setDisplayFormat(QCoreApplication.translate("NoticeDialog", u"yyyy-MM-dd", None))
        self.docx_box.setText(QCoreApplication.translate("NoticeDialog", u"Word \u6587\u6863\uff08\u6bcf\u5355\u4f4d\u4e00\u4efd\uff09", None))
        self.pdf_box.setText(QCoreApplication.translate("NoticeDialog", u"\u5408\u6210\u4e00\u4e2a PDF", None))
        self.folder_label.setText(QCoreApplication.translate("NoticeDialog", u"\u4fdd\u5b58\u5230\uff1a", None))
        self.browse_button.setText(QCoreApplication.translate("NoticeDialog", u"\u6d4f\u89c8\u2026", None))
        self.copy_button.setText(QCoreApplication.translate("NoticeDialog", u"\u590d\u5236\u7eaf\u6587\u672c\uff08\u53d1\u5de5\u4f5c\u7fa4\uff09", None))
    # retranslateUi

